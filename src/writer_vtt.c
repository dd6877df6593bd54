/* SPDX-License-Identifier: ISC */
/*
 * The `vtt` format: WebVTT with one cue per sentence of the audio, its
 * times exact (counted in samples as the speech is made), the text as
 * written.  A player shows it as captions beside the MP3 or WAV made
 * with the same options; it is the base for synchronised text.
 */
#include "common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "options.h"
#include "speech.h"
#include "synth.h"
#include "tree.h"
#include "writer.h"
#include "xalloc.h"

struct cues {
	int		 rate;		/* samples a second */
	uint64_t	*start;		/* each utterance's first sample */
	uint64_t	*end;		/* ... and one past its last */
};

static int
on_begin(void *arg, int rate)
{
	((struct cues *)arg)->rate = rate;
	return 0;
}

static int
discard(void *arg, const int16_t *s, size_t n)
{
	(void)arg;
	(void)s;
	(void)n;
	return 0;
}

static void
on_mark(void *arg, size_t i, uint64_t start, uint64_t end)
{
	struct cues	*c = arg;

	c->start[i] = start;
	c->end[i] = end;
}

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
vtt_write(const struct doc *d, const struct options *o, FILE *out)
{
	struct speech	 sp = { 0 };
	struct cues	 c;
	struct synth_sink sink;
	struct buf	 b = { 0 };
	size_t		 i;
	int		 rc = -1;

	speech_build(d, &o->sp, &sp);
	c.start = xcalloc(sp.n + 1, sizeof(*c.start));
	c.end = xcalloc(sp.n + 1, sizeof(*c.end));
	sink.begin = on_begin;
	sink.pcm = discard;
	sink.mark = on_mark;
	sink.arg = &c;
	if (synth_run(d, &o->sp, &sp, &sink) == -1)
		goto out;
	buf_puts(&b, "WEBVTT\n");
	for (i = 0; i < sp.n; i++) {
		if (sp.utts[i].text[0] == '\0')
			continue;
		/* The cue's identifier is the sentence's id, as in the
		 * tree; a label's cue has none. */
		buf_putc(&b, '\n');
		if (sp.utts[i].id[0] != '\0')
			buf_printf(&b, "%s\n", sp.utts[i].id);
		timestamp(&b, c.start[i], c.rate);
		buf_puts(&b, " --> ");
		timestamp(&b, c.end[i], c.rate);
		buf_putc(&b, '\n');
		cue_text(&b, sp.utts[i].written);
		buf_putc(&b, '\n');
	}
	rc = fwrite(b.data, 1, b.len, out) == b.len ? 0 : -1;
out:
	free(c.start);
	free(c.end);
	buf_free(&b);
	speech_free(&sp);
	return rc;
}

const struct writer writer_vtt = {
	.name = "vtt",
	.ext = ".vtt",
	.summary = "sentence timings of the audio",
	.binary = false,
	.by_default = false,
	.setup = speech_setup,
	.write = vtt_write,
	.fini = NULL,
};
