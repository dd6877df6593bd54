/* SPDX-License-Identifier: ISC */
/*
 * The `mp3` format: the article read aloud (mp3.c encodes it once for
 * every format that carries it), with an ID3v2.4 tag a phone, a podcast
 * app or a DAISY player shows: title, authors, source, date, language,
 * genre Speech, and chapters (CHAP frames under a CTOC table of
 * contents) so a listener can skip from the title block to the caption
 * to each section, or to each paragraph of an article without
 * subheadings.
 */
#include "common.h"

#include <stdio.h>

#include "buf.h"
#include "ctx.h"
#include "id3.h"
#include "mp3.h"
#include "sink.h"
#include "speech.h"
#include "writer.h"

static int
mp3_write(struct ctx *ctx, struct sink *sink)
{
	const struct audio *a;
	const struct mp3_audio *m;
	struct buf	 tag = { 0 };
	FILE		*out = sink_stream(sink);
	int		 rc = -1;

	if ((a = ctx_audio(ctx)) == NULL || (m = ctx_mp3(ctx)) == NULL)
		return -1;
	id3_tag(ctx_doc(ctx), ctx_speech(ctx), a->start, a->nsamples,
	    a->rate, &tag);
	if (fwrite(tag.data, 1, tag.len, out) == tag.len &&
	    mp3_copy(m, out) == 0)
		rc = 0;
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
