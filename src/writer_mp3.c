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
#include "diag.h"
#include "id3.h"
#include "options.h"
#include "speech.h"
#include "synth.h"
#include "tree.h"
#include "writer.h"
#include "xalloc.h"

#define BITRATE		48		/* kbit/s, mono speech */

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
	id3_tag(d, &sp, m.starts, m.total, m.rate, &tag);
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
