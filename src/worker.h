/* SPDX-License-Identifier: ISC */
#ifndef WORKER_H
#define WORKER_H

#include "common.h"

struct batch;
struct job;
struct jobs;

/* How worker_run() runs the jobs. */
struct run_opts {
	unsigned	 jobs;		/* worker processes at most */
	unsigned	 timeout;	/* seconds per input; 0: none */
	bool		 stop;		/* end at the first input that fails */
	bool		 progress;	/* a progress line on stderr */
};

/*
 * Convert the jobs listed in todo in worker processes, settling each job
 * and each of its outputs, whatever happens to the workers.  Speaking
 * children left by a killed worker are collected before it returns.
 */
void	 worker_run(const struct batch *, struct jobs *, const size_t *todo,
	    size_t ntodo, const struct run_opts *);

/*
 * Convert job j in this process: for one input, when nothing needs a
 * worker (no --timeout to enforce, no --report to write after a crash),
 * it saves starting one, which is much of the time of a small article.
 * A crash, running out of memory or a signal is still one line, naming
 * what was written, with nothing half-written left.
 */
void	 worker_run_inline(const struct batch *, struct job *);

/*
 * From now on SIGTERM, SIGINT and SIGHUP (those not ignored) make
 * worker_run() stop its workers and return, the jobs under way settled
 * as interrupted.
 */
void	 worker_catch_stops(void);

/* The signal that stopped worker_run(), or 0. */
int	 worker_stop_signal(void);

#endif /* WORKER_H */
