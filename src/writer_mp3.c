/* SPDX-License-Identifier: ISC */
/*
 * The `mp3` format: the article read aloud, encoded by libmp3lame (mono,
 * 48 kbit/s: clear speech, small files), with an ID3v2.4 tag a phone, a
 * podcast app or a DAISY player shows: title, authors, source, date,
 * language, genre Speech, and chapters (CHAP frames under a CTOC table of
 * contents) so a listener can skip from the title block to the caption
 * to each section, or to each paragraph of an article without
 * subheadings.
 *
 * The chapters' times are known only once the audio is made, and the tag
 * comes first in the file: the MP3 frames go to a temporary file as they
 * are encoded (memory stays flat), then the tag, LAME's info frame and
 * the frames are written out in that order.
 */
#include "common.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lame/lame.h>

#include "buf.h"
#include "date.h"
#include "diag.h"
#include "options.h"
#include "speech.h"
#include "synth.h"
#include "tree.h"
#include "writer.h"
#include "xalloc.h"

#define BITRATE		48		/* kbit/s, mono speech */
#define MAX_CHAPTERS	255		/* a CTOC's entry count is a byte */

struct mp3 {
	int		 rate;		/* samples a second */
	lame_global_flags *gf;
	FILE		*tmp;		/* the MP3 frames */
	unsigned char	*buf;		/* encoder output */
	size_t		 bufsz;
	uint64_t	*starts;	/* each utterance's first sample */
	uint64_t	 total;		/* samples in all */
};

/* The encoder, for the synthesiser's rate. */
static int
on_begin(void *arg, int rate)
{
	struct mp3	*m = arg;

	m->rate = rate;
	if ((m->gf = lame_init()) == NULL) {
		diag(DIAG_ERROR, 0, "mp3: libmp3lame cannot start");
		return -1;
	}
	lame_set_in_samplerate(m->gf, rate);
	lame_set_out_samplerate(m->gf, rate);
	lame_set_num_channels(m->gf, 1);
	lame_set_mode(m->gf, MONO);
	lame_set_VBR(m->gf, vbr_off);
	lame_set_brate(m->gf, BITRATE);
	lame_set_quality(m->gf, 5);
	lame_set_bWriteVbrTag(m->gf, 1);		/* the info frame */
	lame_set_write_id3tag_automatic(m->gf, 0);	/* ours is better */
	if (lame_init_params(m->gf) < 0) {
		diag(DIAG_ERROR, 0, "mp3: libmp3lame rejects %d Hz mono at "
		    "%d kbit/s", rate, BITRATE);
		return -1;
	}
	return 0;
}

static int
on_pcm(void *arg, const int16_t *s, size_t n)
{
	struct mp3	*m = arg;
	size_t		 need = n + n / 4 + 7200;
	int		 got;

	if (need > m->bufsz) {
		m->buf = xreallocarray(m->buf, need, 1);
		m->bufsz = need;
	}
	got = lame_encode_buffer(m->gf, s, NULL, (int)n, m->buf,
	    (int)m->bufsz);
	if (got < 0) {
		diag(DIAG_ERROR, 0, "mp3: libmp3lame failed to encode "
		    "(error %d)", got);
		return -1;
	}
	if (fwrite(m->buf, 1, (size_t)got, m->tmp) != (size_t)got) {
		diag(DIAG_ERROR, 0, "mp3: cannot write a temporary file: %s",
		    strerror(errno));
		return -1;
	}
	m->total += n;
	return 0;
}

static void
on_mark(void *arg, size_t i, uint64_t start, uint64_t end)
{
	struct mp3	*m = arg;

	(void)end;
	m->starts[i] = start;
}

/* ---- ID3v2.4 ------------------------------------------------------------ */

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

/* ISO 639-2 codes for TLAN, for the languages lector has labels for. */
static const char *
iso639_2(const char *lang)
{
	static const char *const map[][2] = {
		{ "en", "eng" }, { "es", "spa" }, { "fr", "fra" },
		{ "de", "deu" }, { "it", "ita" }, { "pt", "por" },
		{ "nl", "nld" }, { "ca", "cat" }, { "cy", "cym" },
		{ "zh", "zho" }, { "ja", "jpn" }, { "ko", "kor" },
		{ "ru", "rus" }, { "pl", "pol" }, { "sv", "swe" },
		{ "da", "dan" }, { "fi", "fin" }, { "nb", "nob" },
		{ "el", "ell" }, { "tr", "tur" }, { "ar", "ara" },
	};
	size_t	 k, n = strcspn(lang, "-");

	for (k = 0; k < NELEM(map); k++)
		if (n == 2 && strncmp(map[k][0], lang, 2) == 0)
			return map[k][1];
	return "und";
}

static uint32_t
ms_of(uint64_t samples, int rate)
{
	uint64_t	 ms = samples * 1000 / (uint64_t)rate;

	return ms > 0xfffffffeULL ? 0xfffffffeU : (uint32_t)ms;
}

/*
 * The tag: metadata frames, then a CHAP per chapter (its time from the
 * sample counts, its title as a TIT2 sub-frame) and a CTOC listing them.
 */
static void
id3_tag(const struct doc *d, const struct speech *sp, const struct mp3 *m,
    int rate, struct buf *tag)
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
	text_frame(&frames, "TLAN", iso639_2(meta->language), 3);
	text_frame(&frames, "TCON", "Speech", 6);

	/* Chapters: where each starts; at most MAX_CHAPTERS, the rest
	 * joined to the last. */
	nch = sp->nchapters < MAX_CHAPTERS ? sp->nchapters : MAX_CHAPTERS;
	cstart = xcalloc(nch + 1, sizeof(*cstart));
	for (c = 0; c <= nch; c++)
		cstart[c] = m->total;
	for (i = sp->n; i-- > 0;) {
		c = sp->utts[i].chapter < nch ? sp->utts[i].chapter : nch - 1;
		cstart[c] = m->starts[i];
	}
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
		text_frame(&sub, "TIT2", sp->chapters[c].title,
		    strlen(sp->chapters[c].title));
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
		text_frame(&sub, "TIT2", meta->title, strlen(meta->title));
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

/* ---- Writing ------------------------------------------------------------ */

static int
mp3_write(const struct doc *d, const struct options *o, FILE *out)
{
	struct speech	 sp = { 0 };
	struct mp3	 m;
	struct synth_sink sink;
	struct buf	 tag = { 0 };
	unsigned char	 info[2880], chunk[16384];
	size_t		 info_len, n, skip;
	int		 got, rc = -1;

	memset(&m, 0, sizeof(m));
	speech_build(d, &o->sp, &sp);
	m.starts = xcalloc(sp.n + 1, sizeof(*m.starts));
	if ((m.tmp = tmpfile()) == NULL) {
		diag(DIAG_ERROR, 0, "mp3: cannot make a temporary file: %s",
		    strerror(errno));
		goto out;
	}
	sink.begin = on_begin;
	sink.pcm = on_pcm;
	sink.mark = on_mark;
	sink.arg = &m;
	if (synth_run(d, &o->sp, &sp, &sink) == -1 || m.gf == NULL)
		goto out;
	if (m.bufsz < 7200) {
		m.buf = xreallocarray(m.buf, 7200, 1);
		m.bufsz = 7200;
	}
	if ((got = lame_encode_flush(m.gf, m.buf, (int)m.bufsz)) < 0 ||
	    fwrite(m.buf, 1, (size_t)got, m.tmp) != (size_t)got) {
		diag(DIAG_ERROR, 0, "mp3: cannot finish the encoding");
		goto out;
	}

	/* Tag, info frame (in place of LAME's placeholder), frames. */
	id3_tag(d, &sp, &m, m.rate, &tag);
	info_len = lame_get_lametag_frame(m.gf, info, sizeof(info));
	if (fwrite(tag.data, 1, tag.len, out) != tag.len ||
	    fwrite(info, 1, info_len, out) != info_len ||
	    fseek(m.tmp, 0, SEEK_SET) != 0)
		goto out;
	for (skip = info_len; (n = fread(chunk, 1, sizeof(chunk), m.tmp)) > 0;
	    skip = 0) {
		if (skip > n)
			skip = n;
		if (fwrite(chunk + skip, 1, n - skip, out) != n - skip)
			goto out;
	}
	rc = ferror(m.tmp) ? -1 : 0;
out:
	if (m.gf != NULL)
		lame_close(m.gf);
	if (m.tmp != NULL)
		fclose(m.tmp);
	free(m.buf);
	free(m.starts);
	buf_free(&tag);
	speech_free(&sp);
	return rc;
}

const struct writer writer_mp3 = {
	.name = "mp3",
	.ext = ".mp3",
	.summary = "read aloud, with chapters",
	.binary = true,
	.by_default = true,
	.setup = speech_setup,
	.write = mp3_write,
	.fini = NULL,
};
