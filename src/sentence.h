/* SPDX-License-Identifier: ISC */
#ifndef SENTENCE_H
#define SENTENCE_H

#include "common.h"

struct doc;

/*
 * Mark the sentences of d, once, for every writer: each block that holds
 * text (heading, paragraph, caption, byline, item) comes to hold
 * NODE_SENTENCE nodes, numbered 1, 2... in document order (the id "s3"
 * names the third in the XHTML, the speech and the audio timings), with
 * the spaces between them; a caption's credit stays its last child.
 * Sentences end as text_sentence_end() says in the document's language,
 * but never inside a lead-in or a link; an emphasis or a strong run that
 * goes on over a sentence's end is cut in two, one in each sentence.
 */
void	 sentence_mark(struct doc *);

/*
 * The id of sentence n ("s3") into buf (at least 16 bytes); returns buf.
 */
const char *sentence_id(unsigned n, char *buf, size_t bufsz);

#endif /* SENTENCE_H */
