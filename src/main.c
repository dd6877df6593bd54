/* SPDX-License-Identifier: ISC */
/*
 * lector: the command line (cli.c) says what to do; the language data
 * and each format's files are loaded and checked; the inputs are
 * collected and the batch runner does the work.
 */
#include "common.h"

#include <signal.h>

#include "batch.h"
#include "cli.h"
#include "lang.h"
#include "opts.h"
#include "writer.h"
#include "xml.h"

int
main(int argc, char *argv[])
{
	struct batch	 b;
	struct jobs	*js;
	size_t		 i;
	int		 first, status;

	/* A file-size limit fails a write (EFBIG), not the process. */
	signal(SIGXFSZ, SIG_IGN);
	xml_setup();
	first = cli_parse(argc, argv, &b);
	if (lang_setup() == -1)
		return 2;
	/* Each format loads what its options name, before any work. */
	for (i = 0; i < b.nwriters; i++)
		if (b.writers[i]->setup != NULL && b.writers[i]->setup() == -1)
			return 2;
	if ((js = jobs_collect(argv + first, (size_t)(argc - first), &b)) ==
	    NULL)
		return 2;
	status = batch_run(&b, js);
	jobs_free(js);
	cli_free();
	opts_free();
	return status;
}
