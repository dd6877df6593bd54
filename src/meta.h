/* SPDX-License-Identifier: ISC */
#ifndef META_H
#define META_H

#include "common.h"

struct doc;
struct meta;

/*
 * The metadata policy every reader shares: what the command line says
 * wins over what the source says, a headline that something else
 * replaced is kept, the title falls back to the first sentence and then
 * to the file's name, the language to English.  Readers find; this
 * decides.
 */

/* What the command line gives (NULL/0: nothing); strings borrowed. */
struct meta_overrides {
	const char	 *title;
	const char	**authors;
	size_t		  nauthors;
	const char	 *lang;		/* a BCP 47 tag, already checked */
	const char	 *date;		/* a date date_parse() reads */
};

/*
 * Split the len bytes at s ("A, B and C", "Ann Lee | Staff") into names
 * and add them to the document's authors.  Parts that name a role or a
 * desk ("Staff Writer", "BBC News") are left out, and so is what follows
 * a bar or a dash (a date, a desk).
 */
void	 meta_add_authors(struct doc *, const char *s, size_t len);

/* Add one author's name as it is, however it is punctuated. */
void	 meta_add_author(struct doc *, const char *s, size_t len);

/*
 * Settle the metadata of d, which a reader has filled with what the
 * source says: the overrides o (or NULL) win; the headline becomes the
 * title, or else the subtitle, or else a heading; a date line the
 * command line replaced goes back into the body as a paragraph (no word
 * is lost); when nothing names the language, the text tells it
 * (detect.h), else it is "en".  The title, if still
 * unknown, is meta_title()'s to find once the sentences are marked.
 */
void	 meta_settle(struct doc *, const struct meta_overrides *o);

/*
 * A title for d if it has none: the first sentence of the body (of the
 * first paragraph, else of the first block), in normal case and cut near
 * 80 columns; else the file's name.
 */
void	 meta_title(struct doc *);

/*
 * A book's identifier, "urn:uuid:...", into out: derived from its
 * content (the len bytes at content) and m's title, language and date,
 * so the same article gives the same identifier and no two books share
 * one by chance (the EPUB's, the DAISY book's).
 */
void	 meta_uuid(const struct meta *m, const char *content, size_t len,
	    char *out, size_t outsz);

/* A line of an article's header after its title (meta_header()). */
enum header_part {
	HEADER_SUBTITLE,
	HEADER_BYLINE,		/* a byline of the text: its node */
	HEADER_AUTHORS,		/* else the authors, "By A and B" */
	HEADER_DATE,		/* as written */
	HEADER_SOURCE,
};

struct node;

/*
 * Call fn for each line of d's header after the title, in the order
 * every format shows them: the subtitle, the text's bylines (node, for
 * the writer to render) or else the authors ("By A and B" in the
 * article's language), the date, the source.  text is NUL-terminated,
 * NULL for a byline; it lives until fn returns.
 */
void	 meta_header(const struct doc *d, void (*fn)(enum header_part,
	    const struct node *byline, const char *text, void *arg),
	    void *arg);

#endif /* META_H */
