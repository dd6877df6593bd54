/* SPDX-License-Identifier: ISC */
#ifndef WRAP_H
#define WRAP_H

#include "common.h"

/*
 * The shared line filler: text in, lines out, measured in display
 * columns (text.c), ragged right, no hyphenation.  It knows no nodes and
 * no prefixes: the caller says how wide the first line and the others
 * may be, and adds indentation itself.
 *
 * Breaks fall only at ASCII spaces (a no-break space holds its words
 * together).  A word wider than a line is the only thing ever broken: at
 * grapheme-cluster boundaries, each piece but the last ending with the
 * caller's marker, so a reader knows the word goes on.  Lines are chosen
 * for the least raggedness (the sum of the squares of the space left at
 * the end of every line but the last), not greedily.
 */

struct wrap_line {
	char	*s;		/* UTF-8, NUL-terminated; owned by the list */
	size_t	 len;		/* bytes */
	size_t	 cols;		/* display columns */
};

struct wrap_lines {
	struct wrap_line *v;
	size_t		 n;
	size_t		 cap;
};

/*
 * Append to out the lines of len bytes of text (words separated by
 * single spaces), the first at most first_cols wide, the others at most
 * rest_cols; marker (NUL-terminated, e.g. "→") ends each piece of a
 * broken word.  Widths must leave room for one grapheme and the marker.
 */
void	 wrap_text(const char *text, size_t len, size_t first_cols,
	    size_t rest_cols, const char *marker, struct wrap_lines *out);

/* Free the lines; the list may be reused. */
void	 wrap_lines_free(struct wrap_lines *);

#endif /* WRAP_H */
