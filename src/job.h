/* SPDX-License-Identifier: ISC */
#ifndef JOB_H
#define JOB_H

/*
 * The batch runner's jobs, one per input, and what became of each and of
 * its outputs: made by batch.c (collecting and planning), run by
 * worker.c, written out by report.c.
 */
#include "common.h"

struct batch;
struct reader;
struct writer;

/* What became of an input. */
enum job_state {
	JOB_PENDING,
	JOB_DONE,	/* converted */
	JOB_FAILED,	/* reported by the worker, or not found */
	JOB_SKIPPED,	/* -u: outputs up to date */
	JOB_TIMEOUT,	/* ran past --timeout */
	JOB_CRASHED,	/* the worker died */
	JOB_OTHER_SHARD,	/* --shard: another machine's */
	JOB_NOT_RUN,	/* --stop or a signal ended the batch first */
	JOB_INTERRUPTED,	/* a signal stopped lector during it */
};

/* What became of one output of a job. */
enum out_fate {
	OUTPUT_NOT_ATTEMPTED,
	OUTPUT_WRITING,		/* begun, and not yet said how it ended */
	OUTPUT_WRITTEN,		/* complete and in place */
	OUTPUT_FAILED,		/* not written; the old file, if any, kept */
	OUTPUT_UP_TO_DATE,	/* -u: left as it was */
};

/* One input and what became of it and its outputs. */
struct job {
	char		*in;	/* the input path as named */
	char		*rel;	/* output name without suffix, under -o */
	enum job_state	 state;
	char		*reason;	/* why the input failed, or NULL */
	enum out_fate	*fates;		/* per writer; NULL: none attempted */
	char		**why;		/* per writer: why it failed, or NULL */
};

/* Every input of the batch. */
struct jobs {
	struct job	*v;
	size_t		 n;
	size_t		 cap;
	size_t		 nwriters;	/* the length of every fates[] */
	const struct reader *from;	/* --from: only its files in folders */
};

/* The path of job j's output in format w ("-": standard output); caller
 * frees. */
char	*job_output_path(const struct batch *, const struct job *,
	    const struct writer *);

/* The folder of path ("." for a bare name); caller frees. */
char	*path_folder(const char *path);

#endif /* JOB_H */
