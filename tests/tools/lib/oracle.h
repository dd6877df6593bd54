/* SPDX-License-Identifier: ISC */
/*
 * What the test oracles share: the source read without lector's decoder,
 * the document tree read from what `lector -t tree` printed (so an
 * oracle compares two outputs of the program, never its insides), and
 * words split and compared one way.
 */
#ifndef ORACLE_H
#define ORACLE_H

#include <stdbool.h>
#include <stddef.h>

#include <libxml/tree.h>
#include <zip.h>

/* ---- The source ---------------------------------------------------------- */

/*
 * The text of the file at path, decoded here and not by lector: UTF-8
 * only (with or without a byte-order mark), CRLF and CR made LF, NFC.
 * Returns a new string (free with free(3)) or NULL, with why set, for a
 * file that is not UTF-8: the oracles take only such inputs.
 */
char		*oracle_source(const char *path, size_t *len,
		    const char **why);

/* ---- Words --------------------------------------------------------------- */

struct words {
	char	**v;
	size_t	 n;
	size_t	 cap;
};

/*
 * Append the words of s to w: runs of letters, marks and digits, case
 * folded when fold is set.
 */
void		 words_add(struct words *, const char *s, bool fold);

/*
 * As words_add, but every wide letter (East Asian wide: Han, kana,
 * Hangul) is a word of its own: a line may break between two of them
 * with no space, so a layout is compared with its source letter by
 * letter there.
 */
void		 words_add_apart(struct words *, const char *s, bool fold);

/*
 * Compare the words wanted with the words got and print one TAP line,
 * "ok WHAT (N words)" or "not ok WHAT: ..." with the place they part.
 * Returns 0 if they are equal.
 */
int		 words_same(const struct words *want, const struct words *got,
		    const char *what);

void		 words_free(struct words *);

/* ---- The tree, as `lector -t tree` prints it ------------------------------- */

/* The tree XML at path, or NULL after a "not ok WHAT" line. */
xmlDocPtr	 tree_load(const char *path, const char *what);

/*
 * Take the <sentence> elements out of x, their content left in their
 * place: the tree as the formats that mark no sentences show it.
 */
void		 tree_unwrap_sentences(xmlDocPtr x);

/* The <metadata> child called name (the first of them), or NULL. */
xmlNodePtr	 tree_meta(xmlDocPtr, const char *name);

/* The first element child of <body>, or NULL. */
xmlNodePtr	 tree_body(xmlDocPtr);

/* The next element sibling of n (or n itself with self), or NULL. */
xmlNodePtr	 elem_next(xmlNodePtr n);
xmlNodePtr	 elem_first(xmlNodePtr n);

/* Whether n is an element called name. */
bool		 elem_is(xmlNodePtr n, const char *name);

/* The first element called name at n, its siblings after or below them,
 * depth first; NULL if none. */
xmlNodePtr	 elem_find(xmlNodePtr n, const char *name);

/*
 * The attribute name of n as a new string (free with xmlFree()), or
 * NULL; elem_attr_is compares it with value.
 */
char		*elem_attr(xmlNodePtr n, const char *name);
bool		 elem_attr_is(xmlNodePtr n, const char *name,
		    const char *value);

/* All the text under n, in order, as a new string (free with free(3)). */
char		*elem_text(xmlNodePtr n);

/*
 * Append to w (case folded) the words a book of the article shows, in
 * its order: the header (title, subtitle, bylines or else authors, date,
 * source), then the body's blocks but bylines.  The words the EPUB and
 * read-aloud oracles look for in what they read.
 */
void		 tree_words(xmlDocPtr, struct words *w);

/* ---- Packages ------------------------------------------------------------- */

/*
 * The bytes of the ZIP entry name, NUL-terminated (not counted in len),
 * as a new string (free with free(3)), or NULL if there is no such entry.
 */
char		*zip_entry(zip_t *, const char *name, size_t *len);

#endif /* ORACLE_H */
