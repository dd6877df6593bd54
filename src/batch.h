/* SPDX-License-Identifier: ISC */
#ifndef BATCH_H
#define BATCH_H

#include "common.h"

struct input_opts;
struct optgroup;
struct writer;

/*
 * The options of the batch (-j, --report, --files-from, -0, --timeout,
 * --shard, -u, --stop, -q, -v).
 */
extern const struct optgroup batch_options;

/* -q, -v: -1 quiet, 0, 1 verbose (for diag_set_verbosity()). */
int		 batch_verbosity(void);

/* Whether --files-from gives inputs; a usage error if -0 came without. */
bool		 batch_files_from(void);

/* Where outputs go. */
enum out_mode {
	OUT_DIR,	/* a folder: NAME.ext per input and format */
	OUT_FILE,	/* one file: one input, one format */
	OUT_STDOUT,	/* standard output: one input, one format */
};

/* What main.c hands to the batch runner. */
struct batch {
	const struct input_opts	 *input;	/* how inputs are read */
	const struct writer	**writers;	/* the -t list */
	size_t			  nwriters;
	enum out_mode		  mode;
	const char		 *output;	/* folder or file; NULL: "." */
};

struct jobs;

/*
 * Expand inputs (files, folders searched recursively for the files a
 * reader takes: b->input->from's, or any reader's if it is NULL; "-")
 * into a new job list for batch b; caller frees with jobs_free().  A
 * folder walk never goes into b's output folder or takes its outputs.
 * An input that cannot be found is reported at once and counted as
 * failed.  With
 * --files-from, the inputs are read from that file first ("-": standard
 * input), one per line, or NUL-separated with -0.  Returns NULL, after a
 * message, only if that list cannot be read.
 */
struct jobs	*jobs_collect(char *const *inputs, size_t ninputs,
		    const struct batch *b);

/* Free the list; NULL is allowed. */
void		 jobs_free(struct jobs *);

/*
 * Plan the jobs: an input whose outputs would overwrite another's or its
 * own fails; --shard and -u set aside what is not to be converted; the
 * temporary files a killed run left in the output folders are removed.
 * Returns the indexes of the jobs to convert (caller frees), their
 * number in *ntodo.  batch_run() does it first.
 */
size_t		*batch_plan(const struct batch *, struct jobs *,
		    size_t *ntodo);

/*
 * Convert every job with every writer in worker processes, honouring the
 * batch options (jobs, timeout, shard, update, stop, report), with a
 * progress line on a terminal for more than one job.  Returns the exit
 * status: 0 if every input was converted (or skipped as up to date), 1
 * if any failed.
 */
int		 batch_run(const struct batch *, struct jobs *);

#endif /* BATCH_H */
