/* SPDX-License-Identifier: ISC */
#ifndef REPORT_H
#define REPORT_H

struct batch;
struct jobs;

/*
 * Write the report of batch b's jobs to path (through a sink: whole or
 * not at all): each input's status and reason, each output's format,
 * path and fate; names that are not UTF-8 also in an escaped form that
 * keeps their bytes.  Returns 0, or -1 after a message.
 */
int	 report_write(const struct batch *, const struct jobs *,
	    const char *path);

#endif /* REPORT_H */
