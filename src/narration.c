/* SPDX-License-Identifier: ISC */
#include "common.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "ctx.h"
#include "narration.h"
#include "speech.h"
#include "xalloc.h"

/* Samples as milliseconds, rounded to the nearest. */
static uint64_t
ms(uint64_t samples, int rate)
{
	return (samples * 1000 + (uint64_t)rate / 2) / (uint64_t)rate;
}

/*
 * Whether an element has a clip already: what is said of it after its
 * content ("End quote.") belongs to the clip before, which goes on until
 * the next element is read.
 */
static bool
read_before(const struct narration *n, const char *target)
{
	size_t	 i;

	for (i = n->n; i > 0; i--)
		if (strcmp(n->clips[i - 1].target, target) == 0)
			return true;
	return false;
}

void
narration_make(const struct speech *sp, const struct audio *a,
    struct narration *out)
{
	const struct utterance *u;
	struct clip	*c;
	size_t		 i;

	memset(out, 0, sizeof(*out));
	out->clips = xcalloc(sp->n + 1, sizeof(*out->clips));
	for (i = 0; i < sp->n; i++) {
		u = &sp->utts[i];
		if (u->target[0] == '\0' || read_before(out, u->target))
			continue;
		c = &out->clips[out->n++];
		c->target = u->target;
		c->within = u->within;
		c->utt = i;
		c->chapter = u->chapter;
		/* The first clip from the start: nothing is unheard. */
		c->begin_ms = out->n == 1 ? 0 : ms(a->start[i], a->rate);
	}
	out->total_ms = ms(a->nsamples, a->rate);
	for (i = 0; i < out->n; i++)
		out->clips[i].end_ms = i + 1 < out->n ?
		    out->clips[i + 1].begin_ms : out->total_ms;
}

void
narration_free(struct narration *n)
{
	free(n->clips);
	memset(n, 0, sizeof(*n));
}

void
narration_clock(struct buf *b, uint64_t t)
{
	buf_printf(b, "%02u:%02u:%02u.%03u", (unsigned)(t / 3600000),
	    (unsigned)(t / 60000 % 60), (unsigned)(t / 1000 % 60),
	    (unsigned)(t % 1000));
}
