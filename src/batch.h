/* SPDX-License-Identifier: ISC */
#ifndef BATCH_H
#define BATCH_H

#include "common.h"

struct input_opts;
struct options;
struct reader;
struct writer;

/* Where outputs go. */
enum out_mode {
	OUT_DIR,	/* a folder: NAME.ext per input and format */
	OUT_FILE,	/* one file: one input, one format */
	OUT_STDOUT,	/* standard output: one input, one format */
};

/* What main.c hands to the batch runner. */
struct batch {
	const struct options	 *opts;
	const struct input_opts	 *input;	/* how inputs are read */
	const struct writer	**writers;	/* the -t list */
	size_t			  nwriters;
	enum out_mode		  mode;
	const char		 *output;	/* folder or file; NULL: "." */
	const char		 *report;	/* --report FILE.json or NULL */
};

struct jobs;

/*
 * Expand inputs (files, folders searched recursively for the files a
 * reader takes: reader from's, or any reader's if it is NULL; "-") into
 * a new job list; caller frees with jobs_free().  An input that cannot
 * be found is reported at once and counted as failed.  With list_path,
 * the inputs are read from that file first ("-": standard input), one
 * per line, or NUL-separated with nul.  Returns NULL, after a message,
 * only if list_path cannot be read.
 */
struct jobs	*jobs_collect(char *const *inputs, size_t ninputs,
		    const char *list_path, bool nul, const struct reader *from);

/* Number of jobs (inputs to convert). */
size_t		 jobs_count(const struct jobs *);

/* Free the list; NULL is allowed. */
void		 jobs_free(struct jobs *);

/*
 * Convert every job with every writer in worker processes, honouring the
 * batch options (jobs, timeout, shard, update, stop, report).  Returns
 * the exit status: 0 if every input was converted (or skipped as up to
 * date), 1 if any failed.
 */
int		 batch_run(const struct batch *, struct jobs *);

#endif /* BATCH_H */
