/* SPDX-License-Identifier: ISC */
#ifndef CTX_H
#define CTX_H

#include "common.h"

#include <stdio.h>
#include <time.h>

struct doc;
struct mp3_audio;
struct speech;

/*
 * The conversion of one input: its finished document, and what writers
 * derive from it, each made once, when the first writer asks, and
 * handed to every writer that asks after: the utterances (speech.c) and
 * the synthesised audio with its timings (synth.c).  So -t mp3,wav,vtt
 * speaks the article once.  (A paged layout shared by large print and
 * braille, or the audio a read-aloud book packs, join here the same
 * way.)
 */
struct ctx;

/* The audio of an article, as synthesised once. */
struct audio {
	int		 rate;		/* samples a second */
	uint64_t	 nsamples;	/* in all */
	uint64_t	*start;		/* utterance i's first sample */
	uint64_t	*end;		/* ... and one past its last */
	FILE		*pcm;		/* the samples, 16-bit native order */
};

/*
 * SOURCE_DATE_EPOCH, for every conversion of the run (main() sets it
 * once, before any).
 */
void			 ctx_set_epoch(time_t);

/* A new conversion of d (borrowed until ctx_free()). */
struct ctx		*ctx_new(const struct doc *d);

/* Free the conversion and what it made; NULL is allowed. */
void			 ctx_free(struct ctx *);

const struct doc	*ctx_doc(const struct ctx *);

/*
 * The time an output records: SOURCE_DATE_EPOCH if set, else the
 * input's modification time, not before 1980 (what a ZIP can hold).
 */
time_t			 ctx_time(const struct ctx *);

/* The utterances of the article, in the speech profile (speech.h). */
const struct speech	*ctx_speech(struct ctx *);

/*
 * The article spoken: made on the first call, in a process of its own
 * (synth.c), the samples kept in an unlinked temporary file.  Returns
 * NULL after one message; a later call after a failure returns NULL
 * again with the same reason recorded for the report but not said
 * twice.
 */
const struct audio	*ctx_audio(struct ctx *);

/*
 * The article's audio as MP3 (mp3.h), encoded on the first call from
 * ctx_audio(): the `mp3` file, a read-aloud EPUB and a DAISY book carry
 * the same stream.  NULL after one message, as ctx_audio().
 */
const struct mp3_audio	*ctx_mp3(struct ctx *);

/*
 * Make c's audio silence instead of speech, with made-up timings (a
 * little for each byte of an utterance, a little for each pause), at 8000
 * samples a second: for the fuzz target and tests, which exercise every
 * audio writer without a synthesiser.  Returns 0, or -1 after a message.
 */
int			 ctx_fake_audio(struct ctx *c);

/*
 * Call fn with the samples of a in order, a chunk at a time; returns 0,
 * -1 if fn returned -1 (having said why), or -1 after a message if the
 * samples cannot be read back.
 */
int			 audio_pcm(const struct audio *a,
			    int (*fn)(void *arg, const int16_t *, size_t),
			    void *arg);

#endif /* CTX_H */
