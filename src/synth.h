/* SPDX-License-Identifier: ISC */
#ifndef SYNTH_H
#define SYNTH_H

#include "common.h"

struct doc;
struct speech;
struct speech_profile;

/* Where synthesised audio goes: 16-bit mono PCM. */
struct synth_sink {
	/* Before any sample: the rate; returns 0, or -1 after a message. */
	int	(*begin)(void *arg, int rate);
	/* n samples; returns 0, or -1 after a message (stops synthesis). */
	int	(*pcm)(void *arg, const int16_t *samples, size_t n);
	/*
	 * Optional: utterance i was spoken from sample start to end (its
	 * pause follows, up to the next one's start).
	 */
	void	(*mark)(void *arg, size_t i, uint64_t start, uint64_t end);
	void	 *arg;
};

/*
 * Speak the utterances of sp for d with profile p (voice, rate, pitch)
 * into sink, in a process of its own (libespeak-ng's state must not
 * carry from one synthesis to the next).  Returns 0, or -1 after a
 * message (no voice for the language, an espeak-ng failure, or the
 * sink's).
 */
int	 synth_run(const struct doc *, const struct speech_profile *,
	    const struct speech *, const struct synth_sink *);

/*
 * End the speaking child, if one is running, and collect it: for a
 * signal handler of a process that is being stopped (async-signal-safe).
 */
void	 synth_abandon(void);

#endif /* SYNTH_H */
