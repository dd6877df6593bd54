/* SPDX-License-Identifier: ISC */
#ifndef EPUB_H
#define EPUB_H

#include "common.h"

struct ctx;
struct sink;

/*
 * Write the EPUB of ctx's article to sink: with aloud, the read-aloud
 * book (its audio and media overlay).  Returns 0, or -1 after a message.
 */
int	 epub_book(struct ctx *, struct sink *, bool aloud);

/* Load the EPUB's stylesheet (--style), for read-aloud's setup too. */
int	 epub_setup_style(void);

#endif /* EPUB_H */
