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
 * The audio is spoken once for every audio format (ctx.h); the tag comes
 * first in the file and LAME's info frame is known only at the end, so
 * the MP3 frames go to a temporary file as they are encoded (memory stays
 * flat), then the tag, the info frame and the frames are written out in
 * that order.  libmp3lame is loaded when first needed (dl.h).
 */
#include "common.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "ctx.h"
#include "diag.h"
#include "dl.h"
#include "id3.h"
#include "sink.h"
#include "speech.h"
#include "tree.h"
#include "writer.h"
#include "xalloc.h"

#define BITRATE		48		/* kbit/s, mono speech */

struct mp3 {
	const struct lame_api *L;
	lame_global_flags *gf;
	FILE		*tmp;		/* the MP3 frames */
	unsigned char	*buf;		/* encoder output */
	size_t		 bufsz;
};

/* The encoder, for the synthesiser's rate. */
static int
start(struct mp3 *m, int rate)
{
	const struct lame_api *L = m->L;

	if ((m->gf = L->init()) == NULL) {
		diag(DIAG_ERROR, 0, "mp3: libmp3lame cannot start");
		return -1;
	}
	L->set_in_samplerate(m->gf, rate);
	L->set_out_samplerate(m->gf, rate);
	L->set_num_channels(m->gf, 1);
	L->set_mode(m->gf, MONO);
	L->set_VBR(m->gf, vbr_off);
	L->set_brate(m->gf, BITRATE);
	L->set_quality(m->gf, 5);
	L->set_bWriteVbrTag(m->gf, 1);		/* the info frame */
	L->set_write_id3tag_automatic(m->gf, 0);	/* ours is better */
	if (L->init_params(m->gf) < 0) {
		diag(DIAG_ERROR, 0, "mp3: libmp3lame rejects %d Hz mono at "
		    "%d kbit/s", rate, BITRATE);
		return -1;
	}
	return 0;
}

static int
encode(void *arg, const int16_t *s, size_t n)
{
	struct mp3	*m = arg;
	size_t		 need = n + n / 4 + 7200;
	int		 got;

	if (need > m->bufsz) {
		m->buf = xreallocarray(m->buf, need, 1);
		m->bufsz = need;
	}
	got = m->L->encode_buffer(m->gf, s, NULL, (int)n, m->buf,
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
	return 0;
}

/* ---- Writing ------------------------------------------------------------ */

static int
mp3_write(struct ctx *ctx, struct sink *sink)
{
	const struct doc *d = ctx_doc(ctx);
	const struct audio *a;
	struct mp3	 m;
	struct buf	 tag = { 0 };
	FILE		*out = sink_stream(sink);
	unsigned char	 info[2880], chunk[16384];
	size_t		 info_len, n, skip;
	int		 got, rc = -1;

	memset(&m, 0, sizeof(m));
	if ((a = ctx_audio(ctx)) == NULL || (m.L = dl_lame()) == NULL)
		return -1;
	if ((m.tmp = sink_scratch("the MP3 frames")) == NULL)
		goto out;
	if (start(&m, a->rate) == -1 || audio_pcm(a, encode, &m) == -1)
		goto out;
	if (m.bufsz < 7200) {
		m.buf = xreallocarray(m.buf, 7200, 1);
		m.bufsz = 7200;
	}
	if ((got = m.L->encode_flush(m.gf, m.buf, (int)m.bufsz)) < 0 ||
	    fwrite(m.buf, 1, (size_t)got, m.tmp) != (size_t)got) {
		diag(DIAG_ERROR, 0, "mp3: cannot finish the encoding");
		goto out;
	}

	/* Tag, info frame (in place of LAME's placeholder), frames. */
	id3_tag(d, ctx_speech(ctx), a->start, a->nsamples, a->rate, &tag);
	info_len = m.L->get_lametag_frame(m.gf, info, sizeof(info));
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
		m.L->close(m.gf);
	if (m.tmp != NULL)
		fclose(m.tmp);
	free(m.buf);
	buf_free(&tag);
	return rc;
}

const struct writer writer_mp3 = {
	.name = "mp3",
	.ext = ".mp3",
	.summary = "read aloud, with chapters",
	.binary = true,
	.by_default = true,
	.options = &speech_options,
	.setup = speech_setup,
	.write = mp3_write,
};
