/* SPDX-License-Identifier: ISC */
#include "common.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ctx.h"
#include "diag.h"
#include "mp3.h"
#include "sink.h"
#include "speech.h"
#include "synth.h"
#include "tree.h"
#include "xalloc.h"

/* 1980-01-01, the earliest time a ZIP entry can hold. */
#define ZIP_EPOCH	315532800

struct ctx {
	const struct doc *d;
	struct speech	 speech;
	bool		 have_speech;
	struct audio	 audio;
	enum {
		AUDIO_NONE,		/* not asked for yet */
		AUDIO_MADE,
		AUDIO_FAILED,
	}		 audio_state;
	char		*audio_why;	/* why it failed */
	struct mp3_audio mp3;
	enum {
		MP3_NONE,
		MP3_MADE,
		MP3_FAILED,
	}		 mp3_state;
	char		*mp3_why;
};

static bool	 has_epoch;
static time_t	 epoch;

void
ctx_set_epoch(time_t t)
{
	has_epoch = true;
	epoch = t;
}

struct ctx *
ctx_new(const struct doc *d)
{
	struct ctx	*c;

	c = xcalloc(1, sizeof(*c));
	c->d = d;
	return c;
}

void
ctx_free(struct ctx *c)
{
	if (c == NULL)
		return;
	if (c->have_speech)
		speech_free(&c->speech);
	if (c->audio.pcm != NULL)
		fclose(c->audio.pcm);
	free(c->audio.start);
	free(c->audio.end);
	free(c->audio_why);
	if (c->mp3.frames != NULL)
		fclose(c->mp3.frames);
	free(c->mp3_why);
	free(c);
}

const struct doc *
ctx_doc(const struct ctx *c)
{
	return c->d;
}

time_t
ctx_time(const struct ctx *c)
{
	if (has_epoch)
		return epoch;
	return c->d->mtime > ZIP_EPOCH ? c->d->mtime : ZIP_EPOCH;
}

const struct speech *
ctx_speech(struct ctx *c)
{
	if (!c->have_speech) {
		speech_build(c->d, speech_profile(), &c->speech);
		c->have_speech = true;
	}
	return &c->speech;
}

/* ---- Audio -------------------------------------------------------------- */

static int
on_begin(void *arg, int rate)
{
	((struct audio *)arg)->rate = rate;
	return 0;
}

static int
on_pcm(void *arg, const int16_t *s, size_t n)
{
	struct audio	*a = arg;

	if (fwrite(s, sizeof(*s), n, a->pcm) != n) {
		diag(DIAG_ERROR, 0, "cannot keep the audio in a temporary "
		    "file: %s", strerror(errno));
		return -1;
	}
	a->nsamples += n;
	return 0;
}

static void
on_mark(void *arg, size_t i, uint64_t start, uint64_t end)
{
	struct audio	*a = arg;

	a->start[i] = start;
	a->end[i] = end;
}

const struct audio *
ctx_audio(struct ctx *c)
{
	const struct speech *sp;
	struct synth_sink sink;
	struct audio	*a = &c->audio;

	if (c->audio_state == AUDIO_MADE)
		return a;
	if (c->audio_state == AUDIO_FAILED) {
		diag_quiet(c->audio_why);
		return NULL;
	}
	sp = ctx_speech(c);
	a->start = xcalloc(sp->n + 1, sizeof(*a->start));
	a->end = xcalloc(sp->n + 1, sizeof(*a->end));
	sink.begin = on_begin;
	sink.pcm = on_pcm;
	sink.mark = on_mark;
	sink.arg = a;
	if ((a->pcm = sink_scratch("the audio")) != NULL &&
	    synth_run(c->d, speech_profile(), sp, &sink) == 0 &&
	    a->rate > 0) {
		c->audio_state = AUDIO_MADE;
		diag(DIAG_INFO, 0, "spoke %zu utterances: %.1f seconds of "
		    "audio", sp->n, (double)a->nsamples / a->rate);
		return a;
	}
	c->audio_state = AUDIO_FAILED;
	c->audio_why = xstrdup(diag_last_error());
	return NULL;
}

const struct mp3_audio *
ctx_mp3(struct ctx *c)
{
	const struct audio *a;

	if (c->mp3_state == MP3_MADE)
		return &c->mp3;
	if (c->mp3_state == MP3_FAILED) {
		diag_quiet(c->mp3_why);
		return NULL;
	}
	if ((a = ctx_audio(c)) != NULL && mp3_encode(a, &c->mp3) == 0) {
		c->mp3_state = MP3_MADE;
		return &c->mp3;
	}
	c->mp3_state = MP3_FAILED;
	c->mp3_why = xstrdup(diag_last_error());
	return NULL;
}

int
ctx_fake_audio(struct ctx *c)
{
	static const int16_t zeros[64];
	const struct speech *sp = ctx_speech(c);
	struct audio	*a = &c->audio;
	uint64_t	 n;
	size_t		 i;

	if (c->audio_state != AUDIO_NONE)
		return c->audio_state == AUDIO_MADE ? 0 : -1;
	c->audio_state = AUDIO_FAILED;
	c->audio_why = xstrdup("no audio");
	if ((a->pcm = sink_scratch("the audio")) == NULL)
		return -1;
	a->rate = 8000;
	a->start = xcalloc(sp->n + 1, sizeof(*a->start));
	a->end = xcalloc(sp->n + 1, sizeof(*a->end));
	for (i = 0; i < sp->n; i++) {
		a->start[i] = a->nsamples;
		n = 2 * strlen(sp->utts[i].text);
		a->end[i] = a->nsamples + n;
		n += sp->utts[i].pause_ms > 100 ? 100 : sp->utts[i].pause_ms;
		for (; n > 0; n -= n < NELEM(zeros) ? n : NELEM(zeros))
			if (on_pcm(a, zeros, n < NELEM(zeros) ? (size_t)n :
			    NELEM(zeros)) == -1)
				return -1;
	}
	c->audio_state = AUDIO_MADE;
	return 0;
}

int
audio_pcm(const struct audio *a, int (*fn)(void *, const int16_t *, size_t),
    void *arg)
{
	int16_t	 chunk[8192];
	size_t	 n;

	if (fseek(a->pcm, 0, SEEK_SET) != 0) {
		diag(DIAG_ERROR, 0, "cannot read the audio back: %s",
		    strerror(errno));
		return -1;
	}
	while ((n = fread(chunk, sizeof(*chunk), NELEM(chunk), a->pcm)) > 0)
		if (fn(arg, chunk, n) == -1)
			return -1;
	if (ferror(a->pcm)) {
		diag(DIAG_ERROR, 0, "cannot read the audio back: %s",
		    strerror(errno));
		return -1;
	}
	return 0;
}
