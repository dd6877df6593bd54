/* SPDX-License-Identifier: ISC */
/*
 * The `wav` format: the article read aloud as 16-bit mono PCM at the
 * synthesiser's rate, streamed.  The RIFF header is written first with
 * the sizes left open and filled in at the end when the output can be
 * rewound (a file); on a pipe they stay at their largest value, which
 * readers take as "until the end".  Audio too long for WAV's 32-bit
 * sizes is an error, never a truncated file.
 */
#include "common.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "diag.h"
#include "options.h"
#include "speech.h"
#include "synth.h"
#include "tree.h"
#include "writer.h"

#define HEADER_SZ	44
#define WAV_MAX_DATA	(0xffffffffULL - (HEADER_SZ - 8))

struct wav {
	FILE		*out;
	int		 rate;		/* samples a second */
	uint64_t	 bytes;		/* PCM bytes written */
};

static void
le32(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char)v;
	p[1] = (unsigned char)(v >> 8);
	p[2] = (unsigned char)(v >> 16);
	p[3] = (unsigned char)(v >> 24);
}

static void
le16(unsigned char *p, uint16_t v)
{
	p[0] = (unsigned char)v;
	p[1] = (unsigned char)(v >> 8);
}

static void
header(unsigned char h[HEADER_SZ], uint32_t rate, uint32_t data)
{
	memcpy(h, "RIFF", 4);
	le32(h + 4, data == 0xffffffffU ? data : data + HEADER_SZ - 8);
	memcpy(h + 8, "WAVEfmt ", 8);
	le32(h + 16, 16);		/* fmt chunk size */
	le16(h + 20, 1);		/* PCM */
	le16(h + 22, 1);		/* mono */
	le32(h + 24, rate);
	le32(h + 28, rate * 2);		/* bytes a second */
	le16(h + 32, 2);		/* bytes a frame */
	le16(h + 34, 16);		/* bits a sample */
	memcpy(h + 36, "data", 4);
	le32(h + 40, data);
}

/* The header, sizes open until the end. */
static int
on_begin(void *arg, int rate)
{
	struct wav	*w = arg;
	unsigned char	 h[HEADER_SZ];

	w->rate = rate;
	header(h, (uint32_t)rate, 0xffffffffU);
	return fwrite(h, 1, sizeof(h), w->out) == sizeof(h) ? 0 : -1;
}

static int
on_pcm(void *arg, const int16_t *s, size_t n)
{
	struct wav	*w = arg;
	unsigned char	 buf[4096];
	size_t		 i, k;

	if (w->bytes + 2 * (uint64_t)n > WAV_MAX_DATA) {
		diag(DIAG_ERROR, 0, "wav: the audio is longer than a WAV file "
		    "can hold (4 GiB); use mp3");
		return -1;
	}
	/* Little-endian whatever the machine. */
	for (i = 0; i < n; i += k) {
		for (k = 0; k < sizeof(buf) / 2 && i + k < n; k++)
			le16(buf + 2 * k, (uint16_t)s[i + k]);
		if (fwrite(buf, 2, k, w->out) != k)
			return -1;	/* the batch runner says why */
	}
	w->bytes += 2 * (uint64_t)n;
	return 0;
}

static int
wav_write(const struct doc *d, const struct options *o, FILE *out)
{
	struct speech	 sp = { 0 };
	struct wav	 w = { out, 0, 0 };
	struct synth_sink sink = { on_begin, on_pcm, NULL, &w };
	unsigned char	 h[HEADER_SZ];
	int		 rc = -1;

	speech_build(d, &o->sp, &sp);
	if (synth_run(d, &o->sp, &sp, &sink) == -1)
		goto out;
	/* Rewind to fill in the sizes; a pipe keeps "until the end". */
	if (fseek(out, 0, SEEK_SET) == 0) {
		header(h, (uint32_t)w.rate, (uint32_t)w.bytes);
		if (fwrite(h, 1, sizeof(h), out) != sizeof(h) ||
		    fseek(out, 0, SEEK_END) != 0)
			goto out;
	} else
		clearerr(out);
	rc = 0;
out:
	speech_free(&sp);
	return rc;
}

const struct writer writer_wav = {
	.name = "wav",
	.ext = ".wav",
	.summary = "read aloud, 16-bit mono PCM",
	.binary = true,
	.by_default = false,
	.setup = speech_setup,
	.write = wav_write,
	.fini = NULL,
};
