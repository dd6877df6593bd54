/* SPDX-License-Identifier: ISC */
#ifndef LABELS_H
#define LABELS_H

#include "common.h"

/*
 * The few words lector adds to an article (navigation headings, the
 * label of a photo caption), in the article's language where lector
 * knows it, else in English: the caller marks the label with the
 * language it is in, so a screen reader pronounces it right.
 */
enum label {
	LABEL_CONTENTS,		/* heading of the table of contents */
	LABEL_LANDMARKS,	/* heading of the landmarks list */
	LABEL_ARTICLE,		/* link to the start of the article */
	LABEL_PHOTO,		/* "Photo caption" */
	LABEL_CREDIT,		/* "Credit" */
	LABEL_BY,		/* "By" before author names */
	LABEL_AND,		/* "and" between the last two names */
	LABEL_PAGE,		/* "Page" 3 of 7 */
	LABEL_OF,		/* Page 3 "of" 7 */
	LABEL_QUOTE,		/* spoken before a block quote */
	LABEL_END_QUOTE,	/* ... and after it */
	LABEL_PHOTO_CREDIT,	/* spoken before a credit */
	LABEL_LICENCE,		/* back matter: an e-book's licence */
	LABEL_SIGNATURE,	/* back matter: a mail signature */
	LABEL_PRE_TEXT,		/* a preformatted block of text */
	LABEL_DIAGRAM,		/* ... of a drawing */
	LABEL_CODE,		/* ... of code */
	LABEL_DATA,		/* ... of encoded data */
	LABEL_LINE,		/* "1 line" */
	LABEL_LINES,		/* "12 lines" */
	LABEL__MAX
};

struct label_text {
	const char	*text;	/* UTF-8; lives as long as the process */
	const char	*lang;	/* the language it is in: "en", "es"... */
};

struct buf;

/* The label in language lang (a BCP 47 tag; the primary subtag counts). */
struct label_text	 label_get(const char *lang, enum label);

/*
 * Append a byline made from n names in language lang: "By A, B and C".
 * For an article whose authors come from a header or an option.
 */
void			 label_byline(const char *lang,
			    const char *const *names, size_t n, struct buf *);

/*
 * Append the name of a preformatted block in language lang, "Diagram,
 * 12 lines", to out; returns the language it is in.
 */
const char		*label_preformatted(const char *lang, int kind,
			    size_t lines, struct buf *);

/* The label that names back matter of a kind (enum back_kind). */
enum label		 label_back_matter(int kind);

#endif /* LABELS_H */
