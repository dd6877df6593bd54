/* SPDX-License-Identifier: ISC */
#ifndef DIAG_H
#define DIAG_H

#include "common.h"

/*
 * Messages on standard error, one line each, in the form
 *	lector: FILE:LINE: LEVEL: text
 * and the worst level seen since diag_reset().
 */
enum diag_level {
	DIAG_INFO,	/* shown with -v only */
	DIAG_WARN,	/* something was guessed; the output is still whole */
	DIAG_ERROR,	/* this input failed */
};

/*
 * Name the file that following messages are about (borrowed until the next
 * call; NULL for none) and forget the worst level.
 */
void		 diag_reset(const char *file);

/*
 * -2 silent (for unit tests and fuzz targets: diag_line() too), -1 quiet
 * (errors only), 0 normal, 1 verbose (information too).
 */
void		 diag_set_verbosity(int);

/*
 * Print one message about line (0: the file as a whole) of the current
 * file.  The line is written with a single write so that messages from
 * parallel workers do not interleave.
 */
void		 diag(enum diag_level, unsigned line, const char *fmt, ...)
		    PRINTFLIKE(3, 4);

/*
 * Print "lector: " and the text as one line: control characters, bytes that
 * are not UTF-8 and bidirectional controls (in a file name, say) are
 * written as escapes (utf8_escape()), so no name can break the line or
 * steer the terminal.  diag() prints through it; so does every message
 * of lector's that is not about an input.
 */
void		 diag_line(const char *fmt, ...) PRINTFLIKE(1, 2);

/* The worst level reported since diag_reset(), or -1 if none. */
int		 diag_worst(void);

/* Number of warnings reported since diag_reset(), shown or not. */
unsigned	 diag_warnings(void);

/* Number of errors reported since diag_reset(), shown or not. */
unsigned	 diag_errors(void);

/*
 * Record an error already said for this input (the same cause failing a
 * second output): counted and kept for the report like diag()'s, not
 * printed again.
 */
void		 diag_quiet(const char *msg);

/*
 * The text of the last error reported since diag_reset() (what follows
 * "error: "), for the report; "" if none.  Borrowed until the next
 * diag() or diag_reset().
 */
const char	*diag_last_error(void);

#endif /* DIAG_H */
