/* SPDX-License-Identifier: ISC */
/*
 * The article's audio as MP3, encoded once by libmp3lame (mono, 48
 * kbit/s: clear speech, small files) for every format that carries it:
 * the `mp3` file, a read-aloud EPUB's audio and a DAISY book's.  The
 * frames go to a scratch file as they are encoded, so memory stays flat;
 * LAME's info frame, known only at the end, then takes the place LAME
 * kept for it at the start.  libmp3lame is loaded when first needed
 * (dl.h).
 */
#include "common.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ctx.h"
#include "diag.h"
#include "dl.h"
#include "mp3.h"
#include "sink.h"
#include "xalloc.h"

#define BITRATE		48		/* kbit/s, mono speech */

struct enc {
	const struct lame_api *L;
	lame_global_flags *gf;
	FILE		*out;
	unsigned char	*buf;		/* encoder output */
	size_t		 bufsz;
	uint64_t	 len;		/* bytes written */
};

/* The encoder, for the synthesiser's rate. */
static int
start(struct enc *e, int rate)
{
	const struct lame_api *L = e->L;

	if ((e->gf = L->init()) == NULL) {
		diag(DIAG_ERROR, 0, "mp3: libmp3lame cannot start");
		return -1;
	}
	L->set_in_samplerate(e->gf, rate);
	L->set_out_samplerate(e->gf, rate);
	L->set_num_channels(e->gf, 1);
	L->set_mode(e->gf, MONO);
	L->set_VBR(e->gf, vbr_off);
	L->set_brate(e->gf, BITRATE);
	L->set_quality(e->gf, 5);
	L->set_bWriteVbrTag(e->gf, 1);		/* the info frame */
	L->set_write_id3tag_automatic(e->gf, 0);	/* ours is better */
	if (L->init_params(e->gf) < 0) {
		diag(DIAG_ERROR, 0, "mp3: libmp3lame rejects %d Hz mono at "
		    "%d kbit/s", rate, BITRATE);
		return -1;
	}
	return 0;
}

/* Keep got bytes of the encoder's output. */
static int
keep(struct enc *e, int got)
{
	if (got < 0) {
		diag(DIAG_ERROR, 0, "mp3: libmp3lame failed to encode "
		    "(error %d)", got);
		return -1;
	}
	if (fwrite(e->buf, 1, (size_t)got, e->out) != (size_t)got) {
		diag(DIAG_ERROR, 0, "mp3: cannot write a temporary file: %s",
		    strerror(errno));
		return -1;
	}
	e->len += (uint64_t)got;
	return 0;
}

static void
room(struct enc *e, size_t need)
{
	if (need > e->bufsz) {
		e->buf = xreallocarray(e->buf, need, 1);
		e->bufsz = need;
	}
}

static int
encode(void *arg, const int16_t *s, size_t n)
{
	struct enc	*e = arg;

	/* LAME's bound on what n samples may make. */
	room(e, n + n / 4 + 7200);
	return keep(e, e->L->encode_buffer(e->gf, s, NULL, (int)n, e->buf,
	    (int)e->bufsz));
}

int
mp3_encode(const struct audio *a, struct mp3_audio *out)
{
	struct enc	 e;
	unsigned char	 info[2880];
	size_t		 info_len;
	int		 rc = -1;

	memset(&e, 0, sizeof(e));
	memset(out, 0, sizeof(*out));
	if ((e.L = dl_lame()) == NULL ||
	    (e.out = sink_scratch("the MP3 frames")) == NULL)
		return -1;
	if (start(&e, a->rate) == -1 || audio_pcm(a, encode, &e) == -1)
		goto out;
	room(&e, 7200);
	if (keep(&e, e.L->encode_flush(e.gf, e.buf, (int)e.bufsz)) == -1)
		goto out;
	/* The info frame, in the place kept for it. */
	info_len = e.L->get_lametag_frame(e.gf, info, sizeof(info));
	if (info_len > e.len || fseek(e.out, 0, SEEK_SET) != 0 ||
	    fwrite(info, 1, info_len, e.out) != info_len ||
	    fflush(e.out) != 0) {
		diag(DIAG_ERROR, 0, "mp3: cannot finish the encoding: %s",
		    strerror(errno));
		goto out;
	}
	out->frames = e.out;
	out->len = e.len;
	e.out = NULL;
	rc = 0;
out:
	if (e.gf != NULL)
		e.L->close(e.gf);
	if (e.out != NULL)
		fclose(e.out);
	free(e.buf);
	return rc;
}

int
mp3_copy(const struct mp3_audio *m, FILE *to)
{
	unsigned char	 chunk[16384];
	size_t		 n;

	if (fseek(m->frames, 0, SEEK_SET) != 0)
		return -1;
	while ((n = fread(chunk, 1, sizeof(chunk), m->frames)) > 0)
		if (fwrite(chunk, 1, n, to) != n)
			return -1;
	return ferror(m->frames) ? -1 : 0;
}
