/* SPDX-License-Identifier: ISC */
/*
 * The command line, from the option tables of the modules: getopt_long's
 * table, --help and the man page's OPTIONS are all made from them.
 */
#include "common.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "opts.h"
#include "text.h"
#include "xalloc.h"

/* What getopt_long() returns for an option with no letter: 256 + i. */
#define LONG_BASE	256

/* The options --help, --version and --help-man, which every run has. */
enum {
	OPT_HELP = 'h',
	OPT_VERSION = 'V',
	OPT_HELP_MAN = 1,
};

static char	**kept;		/* opts_text()'s strings */
static size_t	  nkept;
static void	(*on_exit_fn)(int);	/* opts_on_exit() */

/* End the program with status, or hand it to opts_on_exit()'s handler. */
_Noreturn static void
finish(int status)
{
	if (on_exit_fn != NULL)
		on_exit_fn(status);
	exit(status);
}

void
opts_on_exit(void (*fn)(int))
{
	on_exit_fn = fn;
}

void
opts_usage(const char *fmt, ...)
{
	struct buf	 b = { 0 };
	va_list		 ap;

	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	diag_line("%s (see lector --help)", b.data);
	buf_free(&b);
	finish(2);
}

unsigned long long
opts_number(const char *opt, const char *s, unsigned long long min,
    unsigned long long max, bool suffix)
{
	unsigned long long v, mult;
	char		*end;

	errno = 0;
	if (*s == '-' || *s == '\0')
		opts_usage("%s: '%s' is not a number", opt, s);
	v = strtoull(s, &end, 10);
	if (suffix && *end != '\0' && end[1] == '\0') {
		mult = *end == 'K' || *end == 'k' ? 1ULL << 10 :
		    *end == 'M' || *end == 'm' ? 1ULL << 20 :
		    *end == 'G' || *end == 'g' ? 1ULL << 30 : 0;
		if (mult != 0 && v <= ULLONG_MAX / mult) {
			v *= mult;
			end++;
		}
	}
	if (errno != 0 || *end != '\0')
		opts_usage("%s: '%s' is not a number", opt, s);
	if (v < min || v > max)
		opts_usage("%s: %s is out of range (%llu to %llu)", opt, s,
		    min, max);
	return v;
}

const char *
opts_text(const char *opt, const char *s)
{
	size_t	 len = strlen(s), i;

	for (i = 0; i < len && (s[i] == ' ' || s[i] == '\t'); i++)
		continue;
	if (i == len)
		opts_usage("%s: empty text", opt);
	if (!text_is_clean(s, len))
		opts_usage("%s: not text (it must be UTF-8, without control "
		    "characters)", opt);
	kept = xreallocarray(kept, nkept + 1, sizeof(*kept));
	kept[nkept] = text_nfc(s, len, &len);
	return kept[nkept++];
}

void
opts_free(void)
{
	size_t	 i;

	for (i = 0; i < nkept; i++)
		free(kept[i]);
	free(kept);
	kept = NULL;
	nkept = 0;
}

/* ---- --help ------------------------------------------------------------ */

/* The option as --help shows it: "  -t, --to LIST". */
static void
left(struct buf *b, const struct optdef *o)
{
	if (o->letter != 0)
		buf_printf(b, "  -%c, --%s", o->letter, o->name);
	else
		buf_printf(b, "      --%s", o->name);
	if (o->arg != NULL)
		buf_printf(b, " %s", o->arg);
}

/* The help line with its choices filled in, into b. */
static void
help_text(struct buf *b, const struct optdef *o)
{
	char	*names;

	if (o->choices != NULL && strstr(o->help, "%s") != NULL) {
		names = o->choices();
		buf_put(b, o->help, (size_t)(strstr(o->help, "%s") - o->help));
		buf_puts(b, names);
		buf_puts(b, strstr(o->help, "%s") + 2);
		free(names);
	} else
		buf_puts(b, o->help);
}

static void
help(const struct optgroup *const *groups, const struct optprog *prog)
{
	const struct optgroup *const *g;
	const struct optdef *o;
	struct buf	 l = { 0 }, h = { 0 };
	const char	*s, *nl;

	prog->head(stdout);
	for (g = groups; *g != NULL; g++) {
		printf("\n%s:\n", (*g)->title);
		for (o = (*g)->opts; o->name != NULL; o++) {
			buf_reset(&l);
			buf_reset(&h);
			left(&l, o);
			help_text(&h, o);
			/* The help at column 25, or two spaces on. */
			printf("%-*s", l.len < 23 ? 25 : (int)l.len + 2,
			    l.data);
			for (s = h.data; (nl = strchr(s, '\n')) != NULL;
			    s = nl + 1)
				printf("%.*s\n%25s", (int)(nl - s), s, "");
			printf("%s\n", s);
		}
	}
	printf("\n  -h, --help             -V, --version\n%s", prog->tail);
	buf_free(&l);
	buf_free(&h);
}

/* ---- The man page ------------------------------------------------------ */

/* Text for roff: a backslash doubled, a dash escaped, lines kept. */
static void
roff(FILE *f, const char *s)
{
	bool	 bol = true;

	for (; *s != '\0'; s++) {
		if (bol && (*s == '.' || *s == '\''))
			fputs("\\&", f);
		if (*s == '\\')
			fputs("\\e", f);
		else if (*s == '-')
			fputs("\\-", f);
		else
			putc(*s, f);
		bol = *s == '\n';
	}
}

static void
man(const struct optgroup *const *groups, const struct optprog *prog)
{
	const struct optgroup *const *g;
	const struct optdef *o;
	struct buf	 h = { 0 };

	printf(".\\\" The sections below are made by lector --help-man from "
	    "the option tables\n.\\\" (make man); do not edit them here.\n");
	prog->man(stdout);
	printf(".SH OPTIONS\n");
	for (g = groups; *g != NULL; g++) {
		printf(".SS %s\n", (*g)->title);
		for (o = (*g)->opts; o->name != NULL; o++) {
			printf(".TP\n.%s ", o->arg != NULL ? "BI" :
			    o->letter != 0 ? "BR" : "B");
			if (o->letter != 0)
				printf("\\-%c \", \" ", o->letter);
			printf("\\-\\-");
			roff(stdout, o->name);
			if (o->arg != NULL) {
				printf(" \" ");
				roff(stdout, o->arg);
				printf("\"");
			}
			putchar('\n');
			buf_reset(&h);
			help_text(&h, o);
			/* A sentence in the man page: a capital to start. */
			if (h.len > 0 && h.data[0] >= 'a' && h.data[0] <= 'z')
				h.data[0] = (char)(h.data[0] - 32);
			roff(stdout, h.data);
			if (h.len > 0 && h.data[h.len - 1] != '.')
				putchar('.');
			putchar('\n');
			if (o->man != NULL) {
				roff(stdout, o->man);
				putchar('\n');
			}
		}
	}
	printf(".TP\n.BR \\-h \", \" \\-\\-help\nPrint the options and exit.\n"
	    ".TP\n.BR \\-V \", \" \\-\\-version\nPrint the version and "
	    "exit.\n");
	buf_free(&h);
}

/* ---- Parsing ------------------------------------------------------------ */

/* Standard output after --help: a failed write is one line and 1. */
static int
stdout_done(void)
{
	if (fflush(stdout) == EOF || ferror(stdout)) {
		diag_line("cannot write to standard output: %s",
		    strerror(errno));
		return 1;
	}
	return 0;
}

int
opts_parse(int argc, char *argv[], const struct optgroup *const *groups,
    const struct optprog *prog)
{
	/*
	 * Static: reachable when a usage error or --help exits here, and
	 * freed by the next parse if one jumps back (opts_on_exit()).
	 */
	static struct option	*longs;
	static const struct optdef **defs;
	static struct buf	 shorts;
	const struct optgroup *const *g;
	const struct optdef	*o;
	size_t			 n = 0, i;
	int			 c;

	/* Every module's options as if none were given yet. */
	for (g = groups; *g != NULL; g++)
		if ((*g)->reset != NULL)
			(*g)->reset();
	buf_reset(&shorts);
	buf_puts(&shorts, ":hV");
	for (g = groups; *g != NULL; g++)
		for (o = (*g)->opts; o->name != NULL; o++) {
			defs = xreallocarray(defs, n + 1, sizeof(*defs));
			defs[n++] = o;
			if (o->letter != 0) {
				buf_putc(&shorts, o->letter);
				if (o->arg != NULL)
					buf_putc(&shorts, ':');
			}
		}
	free(longs);
	longs = xcalloc(n + 4, sizeof(*longs));
	for (i = 0; i < n; i++) {
		longs[i].name = defs[i]->name;
		longs[i].has_arg = defs[i]->arg != NULL ? required_argument :
		    no_argument;
		longs[i].val = defs[i]->letter != 0 ? defs[i]->letter :
		    LONG_BASE + (int)i;
	}
	longs[n].name = "help";
	longs[n].val = OPT_HELP;
	longs[n + 1].name = "version";
	longs[n + 1].val = OPT_VERSION;
	longs[n + 2].name = "help-man";
	longs[n + 2].val = OPT_HELP_MAN;

	opterr = 0;
#ifdef __GLIBC__
	optind = 0;	/* all of getopt's state, for a second parse */
#else
	optind = 1;
#endif
	while ((c = getopt_long(argc, argv, shorts.data, longs, NULL)) != -1) {
		switch (c) {
		case OPT_HELP:
			help(groups, prog);
			finish(stdout_done());
		case OPT_VERSION:
			printf("lector %s\n", LECTOR_VERSION);
			finish(stdout_done());
		case OPT_HELP_MAN:
			man(groups, prog);
			finish(stdout_done());
		case ':':
			opts_usage("option %s needs a value", argv[optind - 1]);
		case '?':
			if (optopt != 0 && optopt < LONG_BASE)
				opts_usage("unknown option -%c", optopt);
			opts_usage("unknown option %s", argv[optind - 1]);
		default:
			break;
		}
		for (i = 0; i < n; i++)
			if ((defs[i]->letter != 0 && c == defs[i]->letter) ||
			    (defs[i]->letter == 0 && c == LONG_BASE + (int)i))
				break;
		if (i == n)
			opts_usage("unknown option %s", argv[optind - 1]);
		defs[i]->set(defs[i]->arg != NULL ? optarg : NULL);
	}
	free(defs);
	free(longs);
	defs = NULL;
	longs = NULL;
	buf_free(&shorts);
	return optind;
}
