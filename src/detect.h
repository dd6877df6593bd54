/* SPDX-License-Identifier: ISC */
#ifndef DETECT_H
#define DETECT_H

#include "common.h"

struct doc;

/*
 * The language of a text that neither the command line nor the text
 * names.  First the script, from its letters (ISO 15924: "Latn", "Arab",
 * "Hani"...); then, where styles/language/script/SCRIPT.conf lists more
 * than one language for it, the language by libexttextcat's n-gram
 * models of those languages only; where it lists one, that one.
 */
enum detect_result {
	DETECT_FOUND,		/* a language, from the text */
	DETECT_GUESSED,		/* the script's likeliest: too little text */
	DETECT_NONE,		/* no letters, or too little Latin text */
	DETECT_UNKNOWN,		/* a script lector has no language for */
};

/*
 * Detect the language of len bytes of UTF-8 text: its BCP 47 tag into
 * out (outsz bytes, at least 16) unless the result is DETECT_NONE, and
 * the script's code into script (at least 5 bytes) unless there are no
 * letters ("" then).
 */
enum detect_result detect_text(const char *text, size_t len, char *out,
		    size_t outsz, char *script);

/*
 * The script most letters of len bytes of text are in (ISO 15924, as
 * detect_text() tells it) into script (at least 5 bytes); returns how
 * many letters are in it, 0 if there are none ("" then).
 */
size_t		 detect_script(const char *text, size_t len, char *script);

/*
 * Detect the language of d's text (its title and body) as detect_text()
 * does, into out and script.
 */
enum detect_result detect_doc(const struct doc *d, char *out, size_t outsz,
		    char *script);

/*
 * Mark the blocks of d written in another script than most of d (an
 * Arabic quotation in an English article) with their own language, told
 * from their text (node.lang).  A block must have PASSAGE_MIN_LETTERS
 * letters, most of them in that script.
 */
#define PASSAGE_MIN_LETTERS	12
void		 detect_passages(struct doc *d);

#endif /* DETECT_H */
