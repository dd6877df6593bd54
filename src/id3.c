/* SPDX-License-Identifier: ISC */
/*
 * The ID3v2.4 tag of the MP3 writer: what a phone, a podcast app or a
 * DAISY player shows (title, authors, source, date, language, genre
 * Speech) and the chapters a listener skips between, as CHAP frames
 * under a CTOC table of contents (the ID3v2 chapter frame addendum).
 * Text frames are UTF-8 (encoding 3), sizes syncsafe.
 */
#include "common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "date.h"
#include "id3.h"
#include "lang.h"
#include "speech.h"
#include "text.h"
#include "tree.h"
#include "xalloc.h"

#define MAX_CHAPTERS	255		/* a CTOC's entry count is a byte */

/*
 * The longest title of a chapter's TIT2 sub-frame, in bytes: FFmpeg
 * (and so most players) drops a chapter whose sub-frame's size needs
 * more than 7 bits, taking it for a non-syncsafe size.
 */
#define SUB_TITLE_MAX	126

static void
syncsafe(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char)((v >> 21) & 0x7f);
	p[1] = (unsigned char)((v >> 14) & 0x7f);
	p[2] = (unsigned char)((v >> 7) & 0x7f);
	p[3] = (unsigned char)(v & 0x7f);
}

static void
be32(struct buf *b, uint32_t v)
{
	unsigned char	 p[4] = { (unsigned char)(v >> 24),
			    (unsigned char)(v >> 16), (unsigned char)(v >> 8),
			    (unsigned char)v };

	buf_put(b, p, 4);
}

/* A frame: its ID, its body's syncsafe size, no flags, the body. */
static void
frame(struct buf *tag, const char *id, const struct buf *body)
{
	unsigned char	 h[10];

	memcpy(h, id, 4);
	syncsafe(h + 4, (uint32_t)body->len);
	h[8] = h[9] = 0;
	buf_put(tag, h, sizeof(h));
	buf_put(tag, body->data, body->len);
}

/* A text frame in UTF-8 (encoding 3); NUL separates values. */
static void
text_frame(struct buf *tag, const char *id, const char *text, size_t len)
{
	struct buf	 body = { 0 };

	buf_putc(&body, 3);
	buf_put(&body, text, len);
	frame(tag, id, &body);
	buf_free(&body);
}

static uint32_t
ms_of(uint64_t samples, int rate)
{
	uint64_t	 ms = samples * 1000 / (uint64_t)rate;

	return ms > 0xfffffffeULL ? 0xfffffffeU : (uint32_t)ms;
}

/* A TIT2 sub-frame of a chapter or the table of contents. */
static void
sub_title(struct buf *sub, const char *title)
{
	struct buf	 t = { 0 };
	size_t		 len = strlen(title), keep;

	keep = text_fit(title, len, (size_t)-1, SUB_TITLE_MAX);
	buf_put(&t, title, keep);
	if (keep < len)
		buf_puts(&t, TEXT_ELLIPSIS);
	text_frame(sub, "TIT2", t.data != NULL ? t.data : "", t.len);
	buf_free(&t);
}

/*
 * The tag: metadata frames, then a CHAP per chapter (its time from the
 * sample counts, its title as a TIT2 sub-frame) and a CTOC listing them.
 */
void
id3_tag(const struct doc *d, const struct speech *sp, const uint64_t *starts,
    uint64_t total, int rate, struct buf *tag)
{
	const struct meta *meta = &d->meta;
	struct buf	 frames = { 0 }, body = { 0 }, sub = { 0 };
	struct date	 date;
	char		 id[16], iso[16];
	unsigned char	 h[10];
	size_t		 i, c, nch, first;
	uint64_t	*cstart;

	text_frame(&frames, "TIT2", meta->title, strlen(meta->title));
	if (meta->nauthors > 0) {
		for (i = 0; i < meta->nauthors; i++) {
			if (i > 0)
				buf_putc(&body, '\0');
			buf_puts(&body, meta->authors[i]);
		}
		text_frame(&frames, "TPE1", body.data, body.len);
		buf_reset(&body);
	}
	if (meta->source != NULL) {
		text_frame(&frames, "TALB", meta->source,
		    strlen(meta->source));
		text_frame(&frames, "TPUB", meta->source,
		    strlen(meta->source));
	}
	if (meta->date != NULL &&
	    date_parse(meta->date, strlen(meta->date), &date)) {
		date_iso(&date, iso, sizeof(iso));
		text_frame(&frames, "TDRC", iso, strlen(iso));
	}
	text_frame(&frames, "TLAN", lang_iso639_2(lang_get(meta->language)),
	    3);
	text_frame(&frames, "TCON", "Speech", 6);

	/* Chapters: where each starts; at most MAX_CHAPTERS, the rest
	 * joined to the last. */
	nch = sp->nchapters < MAX_CHAPTERS ? sp->nchapters : MAX_CHAPTERS;
	cstart = xcalloc(nch + 1, sizeof(*cstart));
	for (c = 0; c <= nch; c++)
		cstart[c] = total;
	for (i = sp->n; nch > 0 && i-- > 0;) {
		c = sp->utts[i].chapter < nch ? sp->utts[i].chapter : nch - 1;
		cstart[c] = starts[i];
	}
	/* Never a chapter that ends before it starts. */
	for (c = nch; c-- > 0;)
		if (cstart[c] > cstart[c + 1])
			cstart[c] = cstart[c + 1];
	for (c = 0; c < nch; c++) {
		buf_reset(&body);
		snprintf(id, sizeof(id), "ch%zu", c + 1);
		buf_put(&body, id, strlen(id) + 1);
		be32(&body, ms_of(cstart[c], rate));
		first = c + 1;
		be32(&body, ms_of(cstart[first], rate));
		be32(&body, 0xffffffffU);	/* no byte offsets */
		be32(&body, 0xffffffffU);
		buf_reset(&sub);
		sub_title(&sub, sp->chapters[c].title);
		buf_put(&body, sub.data, sub.len);
		frame(&frames, "CHAP", &body);
	}
	if (nch > 0) {
		buf_reset(&body);
		buf_put(&body, "toc", 4);
		buf_putc(&body, 0x03);		/* top level, ordered */
		buf_putc(&body, (int)nch);
		for (c = 0; c < nch; c++) {
			snprintf(id, sizeof(id), "ch%zu", c + 1);
			buf_put(&body, id, strlen(id) + 1);
		}
		buf_reset(&sub);
		sub_title(&sub, meta->title);
		buf_put(&body, sub.data, sub.len);
		frame(&frames, "CTOC", &body);
	}

	memcpy(h, "ID3\x04\x00\x00", 6);
	syncsafe(h + 6, (uint32_t)frames.len);
	buf_put(tag, h, sizeof(h));
	buf_put(tag, frames.data, frames.len);
	free(cstart);
	buf_free(&frames);
	buf_free(&body);
	buf_free(&sub);
}
