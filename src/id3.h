/* SPDX-License-Identifier: ISC */
#ifndef ID3_H
#define ID3_H

#include "common.h"

struct buf;
struct doc;
struct speech;

/*
 * Append to tag the ID3v2.4 tag of the spoken article d: title,
 * authors, source, date, language and genre Speech as UTF-8 text
 * frames, and a CHAP frame per chapter of sp under a CTOC table of
 * contents.  starts[i] is the first sample of utterance i and total the
 * number of samples, at rate samples a second: a chapter runs from its
 * first utterance's start to the next chapter's.  At most 255 chapters
 * (a CTOC counts its entries in a byte): the rest join the last.
 */
void	 id3_tag(const struct doc *, const struct speech *sp,
	    const uint64_t *starts, uint64_t total, int rate,
	    struct buf *tag);

#endif /* ID3_H */
