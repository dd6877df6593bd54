/* SPDX-License-Identifier: ISC */
#ifndef WRITER_H
#define WRITER_H

#include "common.h"

#include <stdio.h>

struct doc;
struct options;

/*
 * An output format.  write() gets the whole document, the run's options
 * and a binary stream; it makes and frees all its state inside the call
 * and returns 0, or -1 after reporting the failure with diag().  Only
 * process-wide library state may live longer, torn down by fini().
 */
struct writer {
	const char	*name;		/* -t NAME */
	const char	*ext;		/* output suffix, ".tree.xml" */
	const char	*summary;	/* one line for --help */
	bool		 binary;	/* never written to a terminal */
	bool		 by_default;	/* in the default -t list */
	/*
	 * Optional, called once in the main process before any input is
	 * read, for each format asked for: load and check what the
	 * options name (a stylesheet, a layout), keeping it in the
	 * options.  Returns 0, or -1 after one line on standard error,
	 * which makes the run a usage error.
	 */
	int		(*setup)(struct options *);
	int		(*write)(const struct doc *, const struct options *,
			    FILE *);
	void		(*fini)(void);	/* optional */
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
 * it ends with (".tree.xml"), else the last part of one (".xml"), first
 * in table order.  NULL if none.
 */
const struct writer	*writer_for_path(const char *path);

/* Call every writer's fini(); for the end of a worker process. */
void			 writer_fini_all(void);

#endif /* WRITER_H */
