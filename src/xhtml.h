/* SPDX-License-Identifier: ISC */
#ifndef XHTML_H
#define XHTML_H

#include "common.h"

#include <libxml/tree.h>

struct buf;
struct doc;

/* What a content document is written in. */
enum xhtml_flavour {
	XHTML_EPUB,	/* XHTML5 for EPUB 3 */
	XHTML_DAISY,	/* XHTML 1.0 Transitional for DAISY 2.02 */
};

/*
 * Append the content document of d in flavour f to out, linking the
 * stylesheet at css_href (NULL: none).  Every sentence is a span with
 * its id, every block that has one its block_id().  Returns 0, or -1
 * after a message.
 */
int	 xhtml_content(const struct doc *, enum xhtml_flavour f,
	    const char *css_href, struct buf *out);

/*
 * A new page in flavour f (in XHTML 1.0 with its DOCTYPE) in d's
 * language, with <head><title> (its <head> into *head) and no body
 * yet: for pages made elsewhere, a DAISY book's ncc.html.  Free with
 * xmlFreeDoc().
 */
xmlDocPtr xhtml_page(const struct doc *, enum xhtml_flavour f,
	    const char *title, xmlNodePtr *head);

/*
 * Append the EPUB navigation document of d to out: the table of contents
 * (the title and every subheading, linked into content_href) and the
 * landmarks.  Returns 0, or -1 after a message.
 */
int	 xhtml_nav(const struct doc *, const char *content_href,
	    struct buf *out);

#endif /* XHTML_H */
