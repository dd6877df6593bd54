/* SPDX-License-Identifier: ISC */
/*
 * The command line: options, the -t list from the writer table, where the
 * outputs go; then the batch runner does the work.  Usage errors print one
 * line and exit 2 before anything is converted.
 */
#include "common.h"

#include <sys/stat.h>

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "batch.h"
#include "buf.h"
#include "data.h"
#include "date.h"
#include "diag.h"
#include "lang.h"
#include "options.h"
#include "input.h"
#include "reader.h"
#include "text.h"
#include "writer.h"
#include "xalloc.h"

enum {
	OPT_TITLE = 256,
	OPT_AUTHOR,
	OPT_LANG,
	OPT_DATE,
	OPT_REPORT,
	OPT_FILES_FROM,
	OPT_TIMEOUT,
	OPT_MAX_INPUT,
	OPT_SHARD,
	OPT_STOP,
	OPT_FROM,
	OPT_STYLE,
	OPT_ID,
	OPT_LAYOUT,
	OPT_WIDTH,
	OPT_PAGE_LINES,
	OPT_ASCII,
	OPT_SPEECH,
	OPT_VOICE,
	OPT_RATE,
	OPT_PITCH,
};

static const struct option long_opts[] = {
	{ "to",			required_argument,	NULL, 't' },
	{ "output",		required_argument,	NULL, 'o' },
	{ "title",		required_argument,	NULL, OPT_TITLE },
	{ "author",		required_argument,	NULL, OPT_AUTHOR },
	{ "lang",		required_argument,	NULL, OPT_LANG },
	{ "date",		required_argument,	NULL, OPT_DATE },
	{ "style",		required_argument,	NULL, OPT_STYLE },
	{ "id",			required_argument,	NULL, OPT_ID },
	{ "layout",		required_argument,	NULL, OPT_LAYOUT },
	{ "width",		required_argument,	NULL, OPT_WIDTH },
	{ "page-lines",		required_argument,	NULL, OPT_PAGE_LINES },
	{ "ascii",		no_argument,		NULL, OPT_ASCII },
	{ "speech",		required_argument,	NULL, OPT_SPEECH },
	{ "voice",		required_argument,	NULL, OPT_VOICE },
	{ "rate",		required_argument,	NULL, OPT_RATE },
	{ "pitch",		required_argument,	NULL, OPT_PITCH },
	{ "jobs",		required_argument,	NULL, 'j' },
	{ "report",		required_argument,	NULL, OPT_REPORT },
	{ "files-from",		required_argument,	NULL, OPT_FILES_FROM },
	{ "null",		no_argument,		NULL, '0' },
	{ "timeout",		required_argument,	NULL, OPT_TIMEOUT },
	{ "max-input-size",	required_argument,	NULL, OPT_MAX_INPUT },
	{ "shard",		required_argument,	NULL, OPT_SHARD },
	{ "update",		no_argument,		NULL, 'u' },
	{ "stop",		no_argument,		NULL, OPT_STOP },
	{ "from",		required_argument,	NULL, OPT_FROM },
	{ "quiet",		no_argument,		NULL, 'q' },
	{ "verbose",		no_argument,		NULL, 'v' },
	{ "help",		no_argument,		NULL, 'h' },
	{ "version",		no_argument,		NULL, 'V' },
	{ NULL,			0,			NULL, 0 },
};

/* Print one line about bad usage and exit 2. */
static void
usage_error(const char *fmt, ...) PRINTFLIKE(1, 2);

static void
usage_error(const char *fmt, ...)
{
	struct buf	 b = { 0 };
	va_list		 ap;

	buf_puts(&b, "lector: ");
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	fprintf(stderr, "%s (see lector --help)\n", b.data);
	buf_free(&b);
	exit(2);
}

/*
 * Standard output after --help or --version: a write that failed (a full
 * disk, a closed pipe) is said in one line and exits 1.
 */
static int
stdout_done(void)
{
	if (fflush(stdout) == EOF || ferror(stdout)) {
		fprintf(stderr, "lector: cannot write to standard output: %s\n",
		    strerror(errno));
		return 1;
	}
	return 0;
}

static void
help(void)
{
	size_t	 i;
	const struct writer *w;
	const struct reader *r;
	char	*styles, *layouts, *speeches;

	printf("usage: lector [OPTIONS] INPUT...          inputs -> a folder\n"
	    "       lector [OPTIONS] INPUT -o FILE.ext   one input -> one "
	    "file\n\n"
	    "Turns plain-text articles into accessible formats.  INPUT is a "
	    "file,\na folder (searched for *.txt) or - for standard input.\n\n"
	    "Formats (-t):\n");
	for (i = 0; i < writer_count(); i++) {
		w = writer_at(i);
		printf("  %-11s NAME%-16s %s%s\n", w->name, w->ext,
		    w->summary, w->by_default ? " [default]" : "");
	}
	printf("\nReaders (--from; default: by the text, then the name):\n");
	for (i = 0; i < reader_count(); i++) {
		r = reader_at(i);
		printf("  %-11s %-20s %s\n", r->name, r->patterns[0],
		    r->summary);
	}
	printf("\nOutput:\n"
	    "  -t, --to LIST          comma-separated formats\n"
	    "  -o, --output PATH      a folder (default: .), a file for one "
	    "input and\n"
	    "                         one format, or - for standard output\n"
	    "\nEPUB:\n"
	    "      --style NAME|FILE.css  stylesheet: %s\n"
	    "      --id ID            the book identifier (default: derived "
	    "from the content)\n"
	    "\nLarge print:\n"
	    "      --layout NAME|FILE page profile: %s\n"
	    "      --width N          columns (20 to 400)\n"
	    "      --page-lines N     lines a page, page number included "
	    "(0: no pages)\n"
	    "      --ascii            ASCII punctuation and letters, for old "
	    "printers\n"
	    "\nSpeech:\n"
	    "      --speech NAME|FILE speech profile: %s\n"
	    "      --voice NAME       espeak-ng voice (default: from the "
	    "language)\n"
	    "      --rate WPM         words a minute (80 to 450)\n"
	    "      --pitch N          0 to 100 (50 normal)\n"
	    "\nInput:\n"
	    "      --from NAME        the reader (see above)\n"
	    "\nMetadata (override what the text says):\n"
	    "      --title TEXT       --author NAME (repeatable)\n"
	    "      --lang TAG         BCP 47, e.g. en, es, pt-BR\n"
	    "      --date DATE\n"
	    "\nBatch:\n"
	    "  -j, --jobs N           worker processes (default: CPUs)\n"
	    "      --files-from FILE  read inputs from FILE, one a line "
	    "(- : stdin)\n"
	    "  -0, --null             ... NUL-separated\n"
	    "      --report FILE.json write what happened to each input\n"
	    "      --timeout SECONDS  give up on an input after this long\n"
	    "      --max-input-size BYTES  refuse bigger inputs (K, M, G "
	    "allowed)\n"
	    "      --shard K/N        convert only slice K of N (stable "
	    "across machines)\n"
	    "  -u, --update           skip inputs whose outputs are newer\n"
	    "      --stop             stop at the first input that fails\n"
	    "  -q, --quiet            errors only    -v, --verbose  more "
	    "detail\n"
	    "  -h, --help             -V, --version\n"
	    "\nExit status: 0 all converted, 1 some inputs failed (the others "
	    "were\nconverted), 2 bad usage (nothing done).\n",
	    styles = data_names("epub", ".css"),
	    layouts = data_names("large-print", ".conf"),
	    speeches = data_names("speech", ".conf"));
	free(styles);
	free(layouts);
	free(speeches);
}

/* A whole number in [min, max], or a usage error naming the option. */
static unsigned long long
number(const char *opt, const char *s, unsigned long long min,
    unsigned long long max, bool suffix)
{
	unsigned long long v;
	char		*end;

	errno = 0;
	if (*s == '-' || *s == '\0')
		usage_error("%s: '%s' is not a number", opt, s);
	v = strtoull(s, &end, 10);
	if (suffix && *end != '\0' && end[1] == '\0') {
		unsigned long long mult = *end == 'K' || *end == 'k' ? 1ULL << 10 :
		    *end == 'M' || *end == 'm' ? 1ULL << 20 :
		    *end == 'G' || *end == 'g' ? 1ULL << 30 : 0;

		if (mult != 0 && v <= ULLONG_MAX / mult) {
			v *= mult;
			end++;
		}
	}
	if (errno != 0 || *end != '\0')
		usage_error("%s: '%s' is not a number", opt, s);
	if (v < min || v > max)
		usage_error("%s: %s is out of range (%llu to %llu)", opt, s,
		    min, max);
	return v;
}

/*
 * Strings the command line puts into the text (--title, --author,
 * --date), made NFC like the text they join; freed at the end of main().
 */
static char	**kept;
static size_t	  nkept;

/*
 * The text of an option that becomes part of the book: well-formed
 * UTF-8 without control characters or noncharacters and not blank, else
 * a usage error naming the option.  Returns an NFC copy.
 */
static const char *
text_option(const char *opt, const char *s)
{
	size_t	 len = strlen(s), i;

	for (i = 0; i < len && (s[i] == ' ' || s[i] == '\t'); i++)
		continue;
	if (i == len)
		usage_error("%s: empty text", opt);
	if (!text_is_clean(s, len))
		usage_error("%s: not text (it must be UTF-8, without control "
		    "characters)", opt);
	kept = xreallocarray(kept, nkept + 1, sizeof(*kept));
	kept[nkept] = text_nfc(s, len, &len);
	return kept[nkept++];
}

/* The names of the formats this lector has, "tree, epub". */
static const char *
format_names(void)
{
	static char	 names[512];
	size_t		 i, used = 0;

	for (i = 0; i < writer_count() && used < sizeof(names); i++)
		used += (size_t)snprintf(names + used, sizeof(names) - used,
		    "%s%s", i ? ", " : "", writer_at(i)->name);
	return names;
}

/* The -t list as writers; unknown names are usage errors. */
static size_t
parse_formats(const char *list, const struct writer **out, size_t max)
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
		if (len >= sizeof(name) || (w = writer_find(name)) == NULL)
			usage_error("unknown format '%s' (this lector has: %s)",
			    name, format_names());
		for (i = 0; i < n; i++)
			if (out[i] == w)
				break;
		if (i == n && n < max)
			out[n++] = w;
	}
	if (n == 0)
		usage_error("-t: no format named");
	return n;
}

/* The formats used without -t: the default ones that exist, else all. */
static size_t
default_formats(const struct writer **out)
{
	size_t	 i, n = 0;

	for (i = 0; i < writer_count(); i++)
		if (writer_at(i)->by_default)
			out[n++] = writer_at(i);
	if (n == 0)
		for (i = 0; i < writer_count(); i++)
			out[n++] = writer_at(i);
	return n;
}

/*
 * File scope, so that what they point to stays reachable when a usage
 * error or a worker process exits from deep inside (LeakSanitizer).
 */
static struct options	 o;
static struct input_opts in;
static const struct writer **ws;

/*
 * SOURCE_DATE_EPOCH, the reproducible-builds convention: the time to
 * record instead of any clock.  A malformed value is a usage error.
 */
static void
source_date_epoch(struct options *opts)
{
	const char	*s = getenv("SOURCE_DATE_EPOCH");
	unsigned long long v;

	if (s == NULL || *s == '\0')
		return;
	v = number("SOURCE_DATE_EPOCH", s, 0, 253402300799ULL, false);
	opts->epoch = (time_t)v;
	opts->has_epoch = true;
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
names_file(const char *out)
{
	const char	*base = strrchr(out, '/'), *dot;

	base = base != NULL ? base + 1 : out;
	dot = strrchr(base, '.');
	return *base != '\0' && dot != NULL && dot != base && dot[1] != '\0' &&
	    !is_dir(out);
}

int
main(int argc, char *argv[])
{
	struct batch	 b;
	struct jobs	*js;
	const char	*to = NULL, *files_from = NULL, *out = NULL;
	const char	*report = NULL;
	char		 lang[64];
	struct date	 date;
	bool		 nul = false, single;
	long		 ncpu;
	size_t		 nw, i;
	int		 c, status;
	unsigned long long k, n;
	char		*slash, *names;

	memset(&b, 0, sizeof(b));
	ncpu = sysconf(_SC_NPROCESSORS_ONLN);
	o.jobs = ncpu > 0 ? (unsigned)ncpu : 1;

	opterr = 0;
	while ((c = getopt_long(argc, argv, ":t:o:j:0uqvhV", long_opts,
	    NULL)) != -1) {
		switch (c) {
		case 't':
			to = optarg;
			break;
		case 'o':
			if (*optarg == '\0')
				usage_error("-o: an empty path names no file or "
				    "folder");
			out = optarg;
			break;
		case OPT_TITLE:
			o.title = text_option("--title", optarg);
			break;
		case OPT_AUTHOR:
			o.authors = xreallocarray(o.authors, o.nauthors + 1,
			    sizeof(*o.authors));
			o.authors[o.nauthors++] = text_option("--author",
			    optarg);
			break;
		case OPT_LANG:
			if (!lang_parse_tag(optarg, strlen(optarg), lang,
			    sizeof(lang)))
				usage_error("--lang: '%s' is not a language "
				    "tag such as en, es or pt-BR", optarg);
			o.lang = lang;
			break;
		case OPT_DATE:
			o.date = text_option("--date", optarg);
			if (!date_parse(o.date, strlen(o.date), &date))
				usage_error("--date: '%s' is not a date such as "
				    "2026-03-14, 14 March 2026 or March 2026 "
				    "(or the day is not in that month)", optarg);
			break;
		case OPT_STYLE:
			o.style = optarg;
			break;
		case OPT_LAYOUT:
			o.layout = optarg;
			break;
		case OPT_WIDTH:
			o.lp_width = (unsigned)number("--width", optarg, 20,
			    400, false);
			break;
		case OPT_PAGE_LINES:
			o.lp_page_lines = (unsigned)number("--page-lines",
			    optarg, 0, 10000, false);
			o.lp_has_page_lines = true;
			break;
		case OPT_ASCII:
			o.lp_ascii = true;
			break;
		case OPT_SPEECH:
			o.speech = optarg;
			break;
		case OPT_VOICE:
			if (*optarg == '\0' || strlen(optarg) >= 64)
				usage_error("--voice: '%s' is not a voice name",
				    optarg);
			o.voice = optarg;
			break;
		case OPT_RATE:
			o.rate = (unsigned)number("--rate", optarg, 80, 450,
			    false);
			break;
		case OPT_PITCH:
			o.pitch = (unsigned)number("--pitch", optarg, 0, 100,
			    false);
			o.has_pitch = true;
			break;
		case OPT_ID:
			if (*optarg == '\0')
				usage_error("--id: empty identifier");
			o.id = text_option("--id", optarg);
			break;
		case 'j':
			o.jobs = (unsigned)number("--jobs", optarg, 1, 1024,
			    false);
			break;
		case OPT_REPORT:
			report = optarg;
			break;
		case OPT_FILES_FROM:
			files_from = optarg;
			break;
		case '0':
			nul = true;
			break;
		case OPT_TIMEOUT:
			o.timeout = (unsigned)number("--timeout", optarg, 1,
			    86400 * 7, false);
			break;
		case OPT_MAX_INPUT:
			o.max_input_sz = (size_t)number("--max-input-size",
			    optarg, 1, SIZE_MAX / 2, true);
			break;
		case OPT_SHARD:
			if ((slash = strchr(optarg, '/')) == NULL)
				usage_error("--shard: '%s' is not K/N", optarg);
			*slash = '\0';
			n = number("--shard", slash + 1, 1, 1000000, false);
			k = number("--shard", optarg, 1, n, false);
			*slash = '/';
			o.shard_k = (unsigned)k;
			o.shard_n = (unsigned)n;
			break;
		case 'u':
			o.update = true;
			break;
		case OPT_STOP:
			o.stop = true;
			break;
		case OPT_FROM:
			if ((in.from = reader_find(optarg)) == NULL) {
				names = reader_names();
				usage_error("--from: unknown reader '%s' (this "
				    "lector has: %s)", optarg, names);
			}
			break;
		case 'q':
			o.verbosity = -1;
			break;
		case 'v':
			o.verbosity = 1;
			break;
		case 'h':
			help();
			return stdout_done();
		case 'V':
			printf("lector %s\n", LECTOR_VERSION);
			return stdout_done();
		case ':':
			usage_error("option %s needs a value",
			    argv[optind - 1]);
			break;
		default:
			if (optopt != 0 && optopt < 256)
				usage_error("unknown option -%c", optopt);
			usage_error("unknown option %s", argv[optind - 1]);
			break;
		}
	}
	argc -= optind;
	argv += optind;
	if (argc == 0 && files_from == NULL)
		usage_error("no input given");
	if (nul && files_from == NULL)
		usage_error("-0 goes with --files-from");
	diag_set_verbosity(o.verbosity);
	source_date_epoch(&o);

	ws = xcalloc(writer_count(), sizeof(*ws));
	nw = to != NULL ? parse_formats(to, ws, writer_count()) :
	    default_formats(ws);

	/* One input that is not a folder may go to a file or stdout. */
	single = argc == 1 && files_from == NULL &&
	    (strcmp(argv[0], "-") == 0 || !is_dir(argv[0]));
	in.max_sz = o.max_input_sz;
	in.meta.title = o.title;
	in.meta.authors = o.authors;
	in.meta.nauthors = o.nauthors;
	in.meta.lang = o.lang;
	in.meta.date = o.date;
	b.opts = &o;
	b.input = &in;
	b.report = report;
	b.output = out;
	b.mode = OUT_DIR;
	if (out != NULL && strcmp(out, "-") == 0) {
		b.mode = OUT_STDOUT;
		if (nw != 1)
			usage_error("-o - writes one format: choose it with -t");
		if (!single)
			usage_error("-o - takes exactly one input file");
		if (ws[0]->binary && isatty(STDOUT_FILENO))
			usage_error("will not write %s to a terminal: redirect "
			    "it or use -o FILE", ws[0]->name);
	} else if (out != NULL && names_file(out)) {
		b.mode = OUT_FILE;
		if (!single)
			usage_error("-o %s names a file, which takes exactly "
			    "one input file (name a folder for more)", out);
		if (to == NULL) {
			if ((ws[0] = writer_for_path(out)) == NULL)
				usage_error("-o %s: no format writes this kind "
				    "of file (this lector has: %s)", out,
				    format_names());
			nw = 1;
		} else if (nw != 1)
			usage_error("-o %s names a file, which takes one "
			    "format, not %zu", out, nw);
	}
	if (lang_setup() == -1)
		return 2;
	/* Each format loads what its options name, before any work. */
	for (i = 0; i < nw; i++)
		if (ws[i]->setup != NULL && ws[i]->setup(&o) == -1)
			return 2;
	if ((js = jobs_collect(argv, (size_t)argc, files_from, nul,
	    in.from)) == NULL)
		return 2;
	b.writers = ws;
	b.nwriters = nw;
	o.progress = o.verbosity >= 0 && isatty(STDERR_FILENO) &&
	    jobs_count(js) > 1 && b.mode != OUT_STDOUT;

	status = batch_run(&b, js);
	jobs_free(js);
	free(ws);
	free(o.authors);
	for (i = 0; i < nkept; i++)
		free(kept[i]);
	free(kept);
	return status;
}
