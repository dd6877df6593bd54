/* SPDX-License-Identifier: ISC */
#ifndef INPUT_H
#define INPUT_H

#include "common.h"

#include "meta.h"

struct doc;
struct optgroup;
struct reader;

/*
 * One input, from its bytes to the finished document every writer
 * reads: read the file, decode the text (source.c), choose the reader
 * (reader.h) and let it build the tree, settle the metadata (meta.c),
 * mark the sentences, and check the tree.
 */
struct input_opts {
	const struct reader	*from;		/* --from, or NULL: choose */
	size_t			 max_sz;	/* bytes; 0: no limit */
	struct meta_overrides	 meta;		/* --title, --author... */
};

/*
 * The options of reading (--from, --max-input-size) and of metadata
 * (--title, --author, --lang, --date), and what they set.
 */
extern const struct optgroup input_options;
extern const struct optgroup meta_options;
const struct input_opts *input_config(void);

/*
 * The document of the file at path ("-": standard input).  Returns NULL
 * after one error line: the input is not text, or cannot be read, or
 * (an internal error) its tree is broken.  Caller frees with doc_free().
 */
struct doc	*input_load(const char *path, const struct input_opts *);

/*
 * The document of len bytes of decoded text (source_decode()) named
 * path, through the same steps (for tests and the fuzz target).  Never
 * fails; the tree is not checked.  Caller frees with doc_free().
 */
struct doc	*input_text(const char *text, size_t len, const char *path,
		    const struct input_opts *);

#endif /* INPUT_H */
