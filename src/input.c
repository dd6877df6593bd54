/* SPDX-License-Identifier: ISC */
#include "common.h"

#include <stdlib.h>

#include "diag.h"
#include "input.h"
#include "meta.h"
#include "reader.h"
#include "sentence.h"
#include "source.h"
#include "tree.h"

struct doc *
input_text(const char *text, size_t len, const char *path,
    const struct input_opts *o)
{
	const struct reader *r;
	struct doc	*d;

	r = o != NULL && o->from != NULL ? o->from :
	    reader_choose(path, text, len);
	d = doc_new(path);
	r->read(text, len, d);
	meta_settle(d, o != NULL ? &o->meta : NULL);
	sentence_mark(d);
	meta_title(d);
	return d;
}

struct doc *
input_load(const char *path, const struct input_opts *o)
{
	struct source	 src;
	struct doc	*d;
	const char	*broken;

	if (source_load(path, o->max_sz, &src) == -1)
		return NULL;
	d = input_text(src.text, src.len, path, o);
	d->mtime = src.mtime;
	free(src.text);
	if ((broken = tree_check(d)) != NULL) {
		diag(DIAG_ERROR, 0, "internal error: the document tree is "
		    "broken (%s); please report this with the input", broken);
		doc_free(d);
		return NULL;
	}
	return d;
}
