/* SPDX-License-Identifier: ISC */
#ifndef MP3_H
#define MP3_H

#include "common.h"

#include <stdio.h>

struct audio;

/* An article's audio as an MP3 stream (no tag): LAME's info frame, then
 * the frames. */
struct mp3_audio {
	FILE		*frames;	/* a scratch file holding the stream */
	uint64_t	 len;		/* its bytes */
};

/*
 * Encode a into *out (mono, 48 kbit/s).  Returns 0, or -1 after one
 * message.  The caller closes out->frames.
 */
int	 mp3_encode(const struct audio *a, struct mp3_audio *out);

/*
 * Copy the stream to to.  Returns 0, or -1 on a read or write error
 * (unsaid: the caller's sink says a write error).
 */
int	 mp3_copy(const struct mp3_audio *m, FILE *to);

#endif /* MP3_H */
