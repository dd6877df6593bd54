/* SPDX-License-Identifier: ISC */
#ifndef NARRATION_H
#define NARRATION_H

#include "common.h"

struct audio;
struct buf;
struct speech;

/*
 * The article's audio cut for a read-aloud book (a media overlay, a
 * DAISY book): one clip for each element read, in order, laid end to end
 * from the first sample to the last, so a reading system highlights the
 * element while it is heard and the clips add up to the audio exactly.
 * A clip runs from its first utterance's first sample to the next clip's
 * (its pause included); a silence (a scene break) belongs to the clip
 * before it; the utterances of one element in a row (a table's lines)
 * are one clip, and what is said of an element after its content ("End
 * quote.") goes with the clip before.  Times are in milliseconds, each boundary rounded once,
 * so that lengths add up to the whole to the millisecond.
 */
struct clip {
	const char	*target;	/* the element's id (speech.h) */
	const char	*within;	/* the list, figure or quote, or "" */
	size_t		 utt;		/* its first utterance */
	size_t		 chapter;	/* the speech chapter it is in */
	uint64_t	 begin_ms;
	uint64_t	 end_ms;
};

struct narration {
	struct clip	*clips;
	size_t		 n;
	uint64_t	 total_ms;	/* the audio's length */
};

/* The clips of sp as heard in a (strings borrowed from sp). */
void	 narration_make(const struct speech *sp, const struct audio *a,
	    struct narration *out);

void	 narration_free(struct narration *);

/*
 * A time as a clock value, "HH:MM:SS.mmm": a SMIL 3.0 full clock value
 * (EPUB's clips and media:duration) and DAISY 2.02's ncc:totalTime.
 */
void	 narration_clock(struct buf *, uint64_t ms);

#endif /* NARRATION_H */
