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
 * Lines break where Unicode's line breaking algorithm (UAX #14, by
 * libunibreak) allows, tailored for the text's language: at spaces and
 * between two ideographs or kana (Chinese and Japanese have no spaces),
 * never before closing punctuation ("，。」)") and never after opening
 * punctuation; a line must end where the text has a line separator.  A
 * space at a break is dropped; a break between two ideographs adds none.
 * The other breaks UAX #14 allows inside what a reader sees as one word
 * (after the hyphen of "well-known", the slash of "and/or", between two
 * Hangul syllables) are taken only when nothing else fits, and so is the
 * break after a word of the language's no-break-after list (lang.h:
 * "Mr", "Dr", "St"), which stays with the word after it.  A soft hyphen
 * is never a break, since nothing is hyphenated.
 *
 * A run that cannot be broken and is wider than a line is the only thing
 * ever cut: at grapheme-cluster boundaries, each piece but the last
 * ending with the caller's marker, so a reader knows the word goes on.
 * Lines are chosen for the least raggedness (the sum of the squares of
 * the space left at the end of every line but the last), not greedily.
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

struct lang;

/* How wrap_text() fills lines. */
enum wrap_flags {
	WRAP_SPACES = 1 << 0,	/* break at spaces alone, not by UAX #14
				   (text in Braille ASCII); lang unused */
	WRAP_GREEDY = 1 << 1,	/* each line as full as it goes (braille,
				   where lines are dear), not the least
				   raggedness */
};

/*
 * Append to out the lines of len bytes of text (words separated by
 * single spaces) in language lang (lang.h; NULL: Unicode's rules alone,
 * no tailoring, no no-break words), the first at most first_cols wide,
 * the others at most rest_cols; marker (NUL-terminated, e.g. "→") ends
 * each piece of a cut run; flags (enum wrap_flags) may ask for breaks at
 * spaces alone and for greedy filling.  Widths must leave room for one
 * grapheme and the marker.
 */
void	 wrap_text(const struct lang *lang, const char *text, size_t len,
	    size_t first_cols, size_t rest_cols, const char *marker,
	    unsigned flags, struct wrap_lines *out);

/* Free the lines; the list may be reused. */
void	 wrap_lines_free(struct wrap_lines *);

#endif /* WRAP_H */
