/* SPDX-License-Identifier: ISC */
/*
 * The `vtt` format: WebVTT with one cue per sentence of the audio, its
 * times exact (counted in samples as the speech is made), the text as
 * written.  A player shows it as captions beside the MP3 or WAV made
 * with the same options; it is the base for synchronised text.
 */
#include "common.h"

#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "ctx.h"
#include "sink.h"
#include "speech.h"
#include "tree.h"
#include "writer.h"

static void
timestamp(struct buf *b, uint64_t samples, int rate)
{
	uint64_t	 ms = samples * 1000 / (uint64_t)rate;

	buf_printf(b, "%02llu:%02llu:%02llu.%03llu",
	    (unsigned long long)(ms / 3600000),
	    (unsigned long long)(ms / 60000 % 60),
	    (unsigned long long)(ms / 1000 % 60),
	    (unsigned long long)(ms % 1000));
}

/* Cue text: WebVTT gives & < > meaning, and a blank line ends a cue. */
static void
cue_text(struct buf *b, const char *s)
{
	for (; *s != '\0'; s++) {
		if (*s == '&')
			buf_puts(b, "&amp;");
		else if (*s == '<')
			buf_puts(b, "&lt;");
		else if (*s == '>')
			buf_puts(b, "&gt;");
		else if (*s == '\n')
			buf_putc(b, ' ');
		else
			buf_putc(b, *s);
	}
}

static int
vtt_write(struct ctx *ctx, struct sink *sink)
{
	const struct speech *sp = ctx_speech(ctx);
	const struct audio *a;
	struct buf	 b = { 0 };
	size_t		 i;
	int		 rc;

	if ((a = ctx_audio(ctx)) == NULL)
		return -1;
	buf_puts(&b, "WEBVTT\n");
	for (i = 0; i < sp->n; i++) {
		if (sp->utts[i].text[0] == '\0')
			continue;
		/* The cue's identifier is the sentence's id, as in the
		 * tree; a label's cue has none. */
		buf_putc(&b, '\n');
		if (sp->utts[i].id[0] != '\0')
			buf_printf(&b, "%s\n", sp->utts[i].id);
		timestamp(&b, a->start[i], a->rate);
		buf_puts(&b, " --> ");
		timestamp(&b, a->end[i], a->rate);
		buf_putc(&b, '\n');
		cue_text(&b, sp->utts[i].written);
		buf_putc(&b, '\n');
	}
	rc = fwrite(b.data, 1, b.len, sink_stream(sink)) == b.len ? 0 : -1;
	buf_free(&b);
	return rc;
}

const struct writer writer_vtt = {
	.name = "vtt",
	.ext = ".vtt",
	.summary = "sentence timings of the audio",
	.options = &speech_options,
	.setup = speech_setup,
	.write = vtt_write,
};
