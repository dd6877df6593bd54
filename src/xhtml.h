/* SPDX-License-Identifier: ISC */
#ifndef XHTML_H
#define XHTML_H

#include "common.h"

struct buf;
struct doc;

/*
 * Append the XHTML5 content document of d to out, linking the stylesheet
 * at css_href.  Returns 0, or -1 after a message.
 */
int	 xhtml_content(const struct doc *, const char *css_href,
	    struct buf *out);

/*
 * Append the EPUB navigation document of d to out: the table of contents
 * (the title and every subheading, linked into content_href) and the
 * landmarks.  Returns 0, or -1 after a message.
 */
int	 xhtml_nav(const struct doc *, const char *content_href,
	    struct buf *out);

#endif /* XHTML_H */
