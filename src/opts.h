/* SPDX-License-Identifier: ISC */
#ifndef OPTS_H
#define OPTS_H

#include "common.h"

#include <stdio.h>

/*
 * Options are declared by the module they belong to, next to its code:
 * a writer, the speech step, the reader's metadata, the batch runner.
 * The command line parser, --help and the man page's list of options are
 * all built from these tables, so an option added to a writer is one
 * entry in that writer's file.
 */
struct optdef {
	const char	*name;		/* long name, without "--" */
	int		 letter;	/* the short form, or 0 */
	const char	*arg;		/* "NAME|FILE"; NULL: takes none */
	/*
	 * One line for --help; a "%s" in it is replaced by choices()
	 * (the names there are to choose from, in a new string).
	 */
	const char	*help;
	char		*(*choices)(void);
	const char	*man;		/* more for the man page, or NULL */
	/*
	 * Take the option's argument (NULL for a flag), checked: a bad
	 * one is a usage error (opts_usage(), which does not return).
	 */
	void		(*set)(const char *arg);
};

/* The options of one module, under a title in --help ("EPUB"). */
struct optgroup {
	const char		*title;
	const struct optdef	*opts;		/* ended by a NULL name */
	/* Optional: forget what the options said (opts_parse() first). */
	void			(*reset)(void);
};

/*
 * What the program says around its options: in --help, head() prints
 * the usage lines and the lists of formats and readers, tail the exit
 * status; in the man page (--help-man), man() prints the sections that
 * come before OPTIONS and are made from tables (FORMATS, READERS).
 */
struct optprog {
	void		(*head)(FILE *);
	const char	*tail;
	void		(*man)(FILE *);
};

/*
 * Parse argc/argv against the groups (NULL-ended): every group's reset()
 * first, then each option's set() in the order given.  --help, --version and --help-man (the
 * generated part of the man page, for `make man`) are answered here:
 * the program ends with 0, or 1 after one line if standard output
 * cannot be written.  Returns the index of the first operand.  Usage
 * errors end the program with status 2 (opts_usage()).
 */
int		 opts_parse(int argc, char *argv[],
		    const struct optgroup *const *groups,
		    const struct optprog *prog);

/* Print one line "lector: ... (see lector --help)" and exit 2. */
_Noreturn void	 opts_usage(const char *fmt, ...) PRINTFLIKE(1, 2);

/*
 * Where the parser ends the program (a usage error, --help), call fn
 * with the exit status first; fn must not return (the fuzz target of the
 * command line jumps back to its start).  NULL: exit.
 */
void		 opts_on_exit(void (*fn)(int));

/*
 * A whole number in [min, max] from the argument s of option opt, else
 * a usage error; with suffix, K, M and G multiply by 1024s.
 */
unsigned long long opts_number(const char *opt, const char *s,
		    unsigned long long min, unsigned long long max,
		    bool suffix);

/*
 * The argument of an option that becomes part of the text (--title):
 * well-formed UTF-8 without control characters or noncharacters and not
 * blank, else a usage error.  Returns its NFC form, kept until the end.
 */
const char	*opts_text(const char *opt, const char *s);

/* Free what opts_text() kept; for the end of main(). */
void		 opts_free(void);

#endif /* OPTS_H */
