/* SPDX-License-Identifier: ISC */
/*
 * The command line: the options of every module (opts.h), the -t list
 * from the writer table, where the outputs go.  Usage errors print one
 * line and end the program with 2 before anything is read or written.
 */
#include "common.h"

#include <sys/stat.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "batch.h"
#include "cli.h"
#include "ctx.h"
#include "diag.h"
#include "input.h"
#include "opts.h"
#include "reader.h"
#include "writer.h"
#include "xalloc.h"

/* What the output options say. */
static const char	*to;		/* -t LIST */
static const char	*out;		/* -o PATH */

static void
set_to(const char *arg)
{
	to = arg;
}

static void
set_output(const char *arg)
{
	if (*arg == '\0')
		opts_usage("-o: an empty path names no file or folder");
	out = arg;
}

static const struct optdef output_optdefs[] = {
	{ "to", 't', "LIST", "comma-separated formats (see above)", NULL,
	    "Default: the formats marked [default].", set_to },
	{ "output", 'o', "PATH", "a folder (default: .), a file for one "
	    "input and\none format, or - for standard output", NULL,
	    "A name with an extension (book.tree.xml) is a file, and its "
	    "extension picks the format when -t is not given; end a folder "
	    "name with / if it has a dot in it.", set_output },
	{ NULL, 0, NULL, NULL, NULL, NULL, NULL },
};

static void
output_reset(void)
{
	to = NULL;
	out = NULL;
}

static const struct optgroup output_options = {
	"Output", output_optdefs, output_reset,
};

static void
help_head(FILE *f)
{
	const struct writer *w;
	const struct reader *r;
	size_t		 i;

	fprintf(f, "usage: lector [OPTIONS] INPUT...          inputs -> a "
	    "folder\n"
	    "       lector [OPTIONS] INPUT -o FILE.ext   one input -> one "
	    "file\n\n"
	    "Turns articles into accessible formats.  INPUT is a file, a "
	    "folder\n(searched for the files the readers take) or - for "
	    "standard input.\n\nFormats (-t):\n");
	for (i = 0; i < writer_count(); i++) {
		w = writer_at(i);
		fprintf(f, "  %-12s NAME%-16s %s%s\n", w->name, w->ext,
		    w->summary, w->by_default ? " [default]" : "");
	}
	fprintf(f, "\nReaders (--from; default: by the text, then the "
	    "name):\n");
	for (i = 0; i < reader_count(); i++) {
		r = reader_at(i);
		fprintf(f, "  %-12s %-20s %s\n", r->name, r->patterns[0],
		    r->summary);
	}
}

static const char help_tail[] =
    "\nExit status: 0 all converted, 1 some inputs failed (the others "
    "were\nconverted), 2 bad usage (nothing done).\n";

/* The FORMATS and READERS sections of the man page, from the tables. */
static void
help_man(FILE *f)
{
	const struct writer *w;
	const struct reader *r;
	size_t		 i, k;

	fprintf(f, ".SH FORMATS\n");
	for (i = 0; i < writer_count(); i++) {
		w = writer_at(i);
		fprintf(f, ".TP\n.B %s\nNAME%s: %s%s.\n", w->name, w->ext,
		    w->summary, w->by_default ? " (made by default)" : "");
	}
	fprintf(f, ".SH READERS\n");
	for (i = 0; i < reader_count(); i++) {
		r = reader_at(i);
		fprintf(f, ".TP\n.B %s\n%s; files", r->name, r->summary);
		for (k = 0; r->patterns[k] != NULL; k++)
			fprintf(f, " %s", r->patterns[k]);
		fprintf(f, ".\n");
	}
}

static const struct optprog prog = { help_head, help_tail, help_man };

/* The -t list as writers; unknown names are usage errors. */
static size_t
parse_formats(const char *list, const struct writer **ws, size_t max)
{
	char		 name[64];
	const struct writer *w;
	const char	*s, *end;
	size_t		 n = 0, i, len;

	for (s = list; *s != '\0'; s = *end ? end + 1 : end) {
		end = s + strcspn(s, ",");
		len = (size_t)(end - s);
		if (len == 0)
			continue;
		snprintf(name, sizeof(name), "%.*s", (int)len, s);
		if (len >= sizeof(name) || (w = writer_find(name)) == NULL) {
			opts_usage("unknown format '%s' (this lector has: %s)",
			    name, writer_names());
		}
		for (i = 0; i < n; i++)
			if (ws[i] == w)
				break;
		if (i == n && n < max)
			ws[n++] = w;
	}
	if (n == 0)
		opts_usage("-t: no format named");
	return n;
}

/* The formats used without -t: the default ones that exist, else all. */
static size_t
default_formats(const struct writer **ws)
{
	size_t	 i, n = 0;

	for (i = 0; i < writer_count(); i++)
		if (writer_at(i)->by_default)
			ws[n++] = writer_at(i);
	if (n == 0)
		for (i = 0; i < writer_count(); i++)
			ws[n++] = writer_at(i);
	return n;
}

/*
 * File scope, so that what they point to stays reachable when a usage
 * error or a worker process exits from deep inside (LeakSanitizer).
 */
static const struct writer	**ws;
static const struct optgroup	**groups;

/*
 * Every module's options, in the order --help shows them: output,
 * input, metadata, each writer's (a group shared by several writers,
 * like speech, once), the batch.
 */
static void
collect_groups(void)
{
	const struct optgroup *g;
	size_t		 n = 0, i, k;

	groups = xcalloc(writer_count() + 5, sizeof(*groups));
	groups[n++] = &output_options;
	groups[n++] = &input_options;
	groups[n++] = &meta_options;
	for (i = 0; i < writer_count(); i++) {
		if ((g = writer_at(i)->options) == NULL)
			continue;
		for (k = 0; k < n && groups[k] != g; k++)
			continue;
		if (k == n)
			groups[n++] = g;
	}
	groups[n++] = &batch_options;
}

/*
 * SOURCE_DATE_EPOCH, the reproducible-builds convention: the time to
 * record instead of any clock.  A malformed value is a usage error.
 */
static void
source_date_epoch(void)
{
	const char	*s = getenv("SOURCE_DATE_EPOCH");

	if (s != NULL && *s != '\0')
		ctx_set_epoch((time_t)opts_number("SOURCE_DATE_EPOCH", s, 0,
		    253402300799ULL, false));
}

static bool
is_dir(const char *path)
{
	struct stat	 st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/*
 * Whether -o names a file: it has an extension ("book.epub") and is not
 * a folder already; "name.d/" with a final slash is always a folder.
 */
static bool
names_file(const char *path)
{
	const char	*base = strrchr(path, '/'), *dot;

	base = base != NULL ? base + 1 : path;
	dot = strrchr(base, '.');
	return *base != '\0' && dot != NULL && dot != base && dot[1] != '\0' &&
	    !is_dir(path);
}

int
cli_parse(int argc, char *argv[], struct batch *bp)
{
	struct batch	 b;
	bool		 single, listed;
	size_t		 nw;
	int		 first;

	cli_free();	/* what a parse before this one made */
	memset(&b, 0, sizeof(b));
	collect_groups();
	first = opts_parse(argc, argv, (const struct optgroup *const *)groups,
	    &prog);
	argc -= first;
	argv += first;
	listed = batch_files_from();
	if (argc == 0 && !listed)
		opts_usage("no input given");
	diag_set_verbosity(batch_verbosity());
	source_date_epoch();

	ws = xcalloc(writer_count(), sizeof(*ws));
	nw = to != NULL ? parse_formats(to, ws, writer_count()) :
	    default_formats(ws);

	/* One input that is not a folder may go to a file or stdout. */
	single = argc == 1 && !listed &&
	    (strcmp(argv[0], "-") == 0 || !is_dir(argv[0]));
	b.input = input_config();
	b.output = out;
	b.mode = OUT_DIR;
	if (out != NULL && strcmp(out, "-") == 0) {
		b.mode = OUT_STDOUT;
		if (nw != 1)
			opts_usage("-o - writes one format: choose it with -t");
		if (!single)
			opts_usage("-o - takes exactly one input file");
		if (ws[0]->binary && isatty(STDOUT_FILENO))
			opts_usage("will not write %s to a terminal: redirect "
			    "it or use -o FILE", ws[0]->name);
	} else if (out != NULL && names_file(out)) {
		b.mode = OUT_FILE;
		if (!single)
			opts_usage("-o %s names a file, which takes exactly "
			    "one input file (name a folder for more)", out);
		if (to == NULL) {
			if ((ws[0] = writer_for_path(out)) == NULL)
				opts_usage("-o %s: no format writes this kind "
				    "of file (this lector has: %s)", out,
				    writer_names());
			nw = 1;
		} else if (nw != 1)
			opts_usage("-o %s names a file, which takes one "
			    "format, not %zu", out, nw);
	}
	b.writers = ws;
	b.nwriters = nw;
	*bp = b;
	return first;
}

void
cli_free(void)
{
	free(ws);
	free(groups);
	ws = NULL;
	groups = NULL;
}
