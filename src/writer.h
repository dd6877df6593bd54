/* SPDX-License-Identifier: ISC */
#ifndef WRITER_H
#define WRITER_H

#include "common.h"

struct ctx;
struct optgroup;
struct sink;

/*
 * An output format.  write() gets the conversion of one input (ctx.h:
 * the document, and what other writers may have derived from it already)
 * and the sink its output goes to (sink.h: a stream, or a package's
 * members); it makes and frees its own state inside the call and
 * returns 0, or -1 after saying why with diag() (a write error on the
 * sink may be left to the sink to say).
 *
 * A writer that makes one book of a whole collection (a folder in one
 * EPUB) would have begin/add/end in place of write: the batch runner
 * would call begin() with the sink, add() for each input's context in
 * order, and end() to finish; the fate of the book is the collection's.
 */
struct writer {
	const char	*name;		/* -t NAME */
	const char	*ext;		/* output suffix, ".tree.xml" */
	const char	*summary;	/* one line for --help */
	bool		 binary;	/* never written to a terminal */
	bool		 by_default;	/* in the default -t list */
	bool		 package;	/* members in a ZIP (sink_add()) */
	/* Its options (opts.h), or NULL; several may share a group. */
	const struct optgroup *options;
	/*
	 * Optional, called once in the main process before any input is
	 * read, for each format asked for: load and check what its
	 * options name (a stylesheet, a layout).  Returns 0, or -1 after
	 * one line on standard error, which makes the run a usage error.
	 */
	int		(*setup)(void);
	int		(*write)(struct ctx *, struct sink *);
};

#define WRITER(x) extern const struct writer writer_##x;
#include "writers.def"
#undef WRITER

/* Number of registered writers. */
size_t			 writer_count(void);

/* The i-th writer, i < writer_count(), in writers.def order. */
const struct writer	*writer_at(size_t i);

/* The writer called name, or NULL. */
const struct writer	*writer_find(const char *name);

/*
 * The writer whose output a file name implies: the longest writer suffix
 * it ends with (".read-aloud.epub", not ".epub"), else the last part of
 * one (".xml", ".txt"), a default format's first, then in table order.
 * NULL if none.
 */
const struct writer	*writer_for_path(const char *path);

/* The writers' names, "epub, large-print". */
const char		*writer_names(void);

#endif /* WRITER_H */
