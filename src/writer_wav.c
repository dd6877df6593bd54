/* SPDX-License-Identifier: ISC */
/*
 * The `wav` format: the article read aloud as 16-bit mono PCM at the
 * synthesiser's rate (ctx.h: spoken once for every audio format).  The
 * audio is whole before the file is begun, so the RIFF header carries
 * its true sizes, on a pipe as in a file.  Audio too long for WAV's
 * 32-bit sizes is an error, never a truncated file.
 */
#include "common.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "diag.h"
#include "ctx.h"
#include "sink.h"
#include "speech.h"
#include "tree.h"
#include "writer.h"

#define HEADER_SZ	44
#define WAV_MAX_DATA	(0xffffffffULL - (HEADER_SZ - 8))

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
	le32(h + 4, data + HEADER_SZ - 8);
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

/* Little-endian samples, whatever the machine. */
static int
put_pcm(void *arg, const int16_t *s, size_t n)
{
	FILE		*out = arg;
	unsigned char	 buf[4096];
	size_t		 i, k;

	for (i = 0; i < n; i += k) {
		for (k = 0; k < sizeof(buf) / 2 && i + k < n; k++)
			le16(buf + 2 * k, (uint16_t)s[i + k]);
		if (fwrite(buf, 2, k, out) != k)
			return -1;	/* the sink says why */
	}
	return 0;
}

static int
wav_write(struct ctx *ctx, struct sink *sink)
{
	const struct audio *a;
	FILE		*out = sink_stream(sink);
	unsigned char	 h[HEADER_SZ];
	uint64_t	 bytes;

	if ((a = ctx_audio(ctx)) == NULL)
		return -1;
	bytes = 2 * a->nsamples;
	if (bytes > WAV_MAX_DATA) {
		diag(DIAG_ERROR, 0, "wav: the audio is longer than a WAV file "
		    "can hold (4 GiB); use mp3");
		return -1;
	}
	/* The sizes are known: the header goes first, on a pipe too. */
	header(h, (uint32_t)a->rate, (uint32_t)bytes);
	if (fwrite(h, 1, sizeof(h), out) != sizeof(h))
		return -1;
	return audio_pcm(a, put_pcm, out);
}

const struct writer writer_wav = {
	.name = "wav",
	.ext = ".wav",
	.summary = "read aloud, 16-bit mono PCM",
	.binary = true,
	.options = &speech_options,
	.setup = speech_setup,
	.write = wav_write,
};
