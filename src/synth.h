/* SPDX-License-Identifier: ISC */
#ifndef SYNTH_H
#define SYNTH_H

#include "common.h"

struct doc;
struct speech;
struct speech_profile;

/* Where synthesised audio goes: 16-bit mono PCM at synth_rate(). */
struct synth_sink {
	/* n samples; returns 0, or -1 after a message (stops synthesis). */
	int	(*pcm)(void *arg, const int16_t *samples, size_t n);
	/*
	 * Optional: utterance i was spoken from sample start to end (its
	 * pause follows, up to the next one's start).
	 */
	void	(*mark)(void *arg, size_t i, uint64_t start, uint64_t end);
	void	 *arg;
};

/* The sample rate of the audio, setting espeak-ng up; -1 on failure. */
int	 synth_rate(void);

/*
 * Speak the utterances of sp for d with profile p (voice, rate, pitch)
 * into sink.  Returns 0, or -1 after a message (no voice for the
 * language, an espeak-ng failure, or the sink's).
 */
int	 synth_run(const struct doc *, const struct speech_profile *,
	    const struct speech *, const struct synth_sink *);

/* Tear down espeak-ng, at the end of a process. */
void	 synth_fini(void);

#endif /* SYNTH_H */
