/* SPDX-License-Identifier: ISC */
#include "common.h"

#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "diag.h"
#include "input.h"
#include "lang.h"
#include "meta.h"
#include "opts.h"
#include "reader.h"
#include "sentence.h"
#include "source.h"
#include "tree.h"
#include "xalloc.h"

static struct input_opts	 cfg;
static char			 lang[64];	/* --lang, as a tag */

static void
set_from(const char *arg)
{
	if ((cfg.from = reader_find(arg)) == NULL)
		opts_usage("--from: unknown reader '%s' (this lector has: %s)",
		    arg, reader_names());
}

static void
set_max_size(const char *arg)
{
	cfg.max_sz = (size_t)opts_number("--max-input-size", arg, 1,
	    SIZE_MAX / 2, true);
}

static void
set_title(const char *arg)
{
	cfg.meta.title = opts_text("--title", arg);
}

static void
set_author(const char *arg)
{
	static const char **authors;	/* static: reachable at exit */

	authors = xreallocarray(authors, cfg.meta.nauthors + 1,
	    sizeof(*authors));
	authors[cfg.meta.nauthors++] = opts_text("--author", arg);
	cfg.meta.authors = authors;
}

static void
set_lang(const char *arg)
{
	if (!lang_parse_tag(arg, strlen(arg), lang, sizeof(lang)))
		opts_usage("--lang: '%s' is not a language tag such as en, es "
		    "or pt-BR", arg);
	cfg.meta.lang = lang;
}

static void
set_date(const char *arg)
{
	struct date	 d;

	cfg.meta.date = opts_text("--date", arg);
	if (!date_parse(cfg.meta.date, strlen(cfg.meta.date), &d))
		opts_usage("--date: '%s' is not a date such as 2026-03-14, "
		    "14 March 2026 or March 2026 (or the day is not in that "
		    "month)", arg);
}

static const struct optdef input_optdefs[] = {
	{ "from", 0, "NAME", "the reader (see above)", NULL,
	    "Without it, the reader whose kind of text it is, then the one "
	    "the file's name is for.", set_from },
	{ "max-input-size", 0, "BYTES", "refuse bigger inputs (K, M, G "
	    "allowed)", NULL, NULL, set_max_size },
	{ NULL, 0, NULL, NULL, NULL, NULL, NULL },
};

static void
input_reset(void)
{
	cfg.from = NULL;
	cfg.max_sz = 0;
}

const struct optgroup input_options = {
	"Input", input_optdefs, input_reset,
};

static const struct optdef meta_optdefs[] = {
	{ "title", 0, "TEXT", "the title", NULL, "A headline it replaces "
	    "is kept as the subtitle.", set_title },
	{ "author", 0, "NAME", "an author (repeatable)", NULL, NULL,
	    set_author },
	{ "lang", 0, "TAG", "the language: BCP 47, e.g. en, es, pt-BR", NULL,
	    "Or a language's name, such as Spanish. Without it or a "
	    "Language: line, the language is told from the text.",
	    set_lang },
	{ "date", 0, "DATE", "the date: 2026-03-14, 14 March 2026...", NULL,
	    "A date whose day is not in its month is a usage error.",
	    set_date },
	{ NULL, 0, NULL, NULL, NULL, NULL, NULL },
};

static void
meta_reset(void)
{
	memset(&cfg.meta, 0, sizeof(cfg.meta));
	lang[0] = '\0';
}

const struct optgroup meta_options = {
	"Metadata (override what the text says; UTF-8 text)", meta_optdefs,
	meta_reset,
};

const struct input_opts *
input_config(void)
{
	return &cfg;
}

struct doc *
input_text(const char *text, size_t len, const char *path,
    const struct input_opts *o)
{
	const struct reader *r;
	struct doc	*d;

	r = o != NULL && o->from != NULL ? o->from :
	    reader_choose(path, text, len);
	if (r == NULL)
		r = reader_at(0);
	d = doc_new(path);
	r->read(text, len, d);
	meta_settle(d, o != NULL ? &o->meta : NULL);
	sentence_mark(d);
	meta_title(d);
	tree_number(d);
	return d;
}

struct doc *
input_load(const char *path, const struct input_opts *o)
{
	struct source	 src;
	struct doc	*d;
	const char	*broken, *what;

	if (source_load(path, o->max_sz, &src) == -1)
		return NULL;
	if (o->from == NULL && reader_choose(path, src.text, src.len) ==
	    NULL) {
		what = reader_markup(src.text, src.len);
		diag(DIAG_ERROR, 0, "%s, not an article in plain text, and "
		    "lector has no reader for it (--from txt reads it as "
		    "plain text)", what != NULL ? what : "markup");
		free(src.text);
		return NULL;
	}
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
