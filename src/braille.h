/* SPDX-License-Identifier: ISC */
#ifndef BRAILLE_H
#define BRAILLE_H

#include "common.h"

struct buf;

/*
 * Text into braille through liblouis: the table for a language (or the
 * tables a user names), and translation of UTF-8 text into North
 * American Braille ASCII, one character a cell, which the braille
 * writers lay out and embossers take; and Braille ASCII into Unicode
 * braille patterns (U+2800), for displays and proofreaders.
 *
 * A character the table does not define is first given its plain form
 * (text_ascii(): a letter with a mark the table lacks as the letter, a
 * dash as hyphens); what has none (a Chinese letter in an English
 * table) is written as liblouis writes what it cannot translate, its
 * code in hexadecimal, and counted, so the writer can warn.  Dots 7 and
 * 8, which a BRF cannot hold, are dropped and counted too.
 */
struct braille;

enum braille_grade {
	BRAILLE_UNCONTRACTED = 1,
	BRAILLE_CONTRACTED = 2,
};

/*
 * Braille for text in language tag (BCP 47), of grade (contracted where
 * the language has a contracted table, else uncontracted), or, with
 * tables non-NULL, in those liblouis tables (a comma-separated list).
 * NULL after one line on standard error if there is no such table.
 */
struct braille	*braille_open(const char *tag, enum braille_grade grade,
		    const char *tables);

void		 braille_free(struct braille *);

/* The table list it translates with ("en-ueb-g2.ctb"). */
const char	*braille_tables(const struct braille *);

/* Whether the table writes Unified English Braille. */
bool		 braille_is_ueb(const struct braille *);

/*
 * Append the Braille ASCII of len bytes of UTF-8 text to out, contracted
 * as the table does, or not with literal (a line of code or a diagram);
 * marks, NULL or a byte for each byte of text (tree.h's enum
 * tree_text_marks), says what is emphasised, which the table shows with
 * its indicators.
 */
void		 braille_put(struct braille *, const char *text, size_t len,
		    const char *marks, bool literal, struct buf *out);

/*
 * Whether liblouis failed to translate (which braille_put() said, once):
 * the braille is not whole.
 */
bool		 braille_failed(const struct braille *);

/* Characters written as hexadecimal, and cells that lost dots 7-8. */
size_t		 braille_undefined(const struct braille *);
size_t		 braille_eight_dot(const struct braille *);

/*
 * Append the Unicode braille pattern of each Braille ASCII character of
 * len bytes at s to out (a space is U+2800); other bytes as they are.
 */
void		 braille_unicode(const char *s, size_t len, struct buf *out);

/*
 * Whether liblouis can load tables (a comma-separated list); if not, one
 * line on standard error naming option.
 */
int		 braille_check_tables(const char *tables, const char *option);

/* ---- The braille writers (writer_brf.c) -------------------------------- */

struct ctx;
struct optgroup;
struct sink;

/* Their options: the page profile, the table, the grade. */
extern const struct optgroup braille_options;

/* Load the profile the options name: 0, or -1 after one line. */
int		 braille_setup(void);

/* Write the article's braille pages: BRF, or with unicode U+2800. */
int		 braille_book(struct ctx *, struct sink *, bool unicode);

#endif /* BRAILLE_H */
