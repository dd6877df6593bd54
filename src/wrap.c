/* SPDX-License-Identifier: ISC */
#include "common.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "text.h"
#include "wrap.h"
#include "xalloc.h"

/* A word, or a piece of a broken one. */
struct item {
	const char	*s;
	size_t		 len;
	size_t		 cols;
	bool		 broken;	/* a piece that the marker ends */
};

struct items {
	struct item	*v;
	size_t		 n;
	size_t		 cap;
};

static void
add_item(struct items *it, const char *s, size_t len, size_t cols,
    bool broken)
{
	if (it->n == it->cap) {
		it->cap = it->cap ? it->cap * 2 : 64;
		it->v = xreallocarray(it->v, it->cap, sizeof(*it->v));
	}
	it->v[it->n].s = s;
	it->v[it->n].len = len;
	it->v[it->n].cols = cols;
	it->v[it->n].broken = broken;
	it->n++;
}

/*
 * Cut a word wider than a line into pieces at grapheme boundaries, the
 * first at most first_cols wide, the others rest_cols.
 */
static void
split_word(struct items *it, const char *s, size_t len, size_t first_cols,
    size_t rest_cols, size_t marker_cols)
{
	size_t	 pos = 0, end, next, cols, g, width = first_cols;

	for (; pos < len; width = rest_cols) {
		cols = 0;
		end = pos;
		while (end < len) {
			next = text_grapheme_next(s, len, end);
			g = text_cols(s + end, next - end);
			/* Room for the marker unless this is the end. */
			if (end > pos && cols + g + (next < len ?
			    marker_cols : 0) > width)
				break;
			cols += g;
			end = next;
		}
		add_item(it, s + pos, end - pos, cols, end < len);
		pos = end;
	}
}

static void
add_line(struct wrap_lines *out, const struct items *it, size_t from,
    size_t to, const char *marker, size_t marker_cols)
{
	struct buf	 b = { 0 };
	struct wrap_line *l;
	size_t		 i, cols = 0;

	for (i = from; i < to; i++) {
		if (i > from) {
			buf_putc(&b, ' ');
			cols++;
		}
		buf_put(&b, it->v[i].s, it->v[i].len);
		cols += it->v[i].cols;
		if (it->v[i].broken) {
			buf_puts(&b, marker);
			cols += marker_cols;
		}
	}
	if (out->n == out->cap) {
		out->cap = out->cap ? out->cap * 2 : 32;
		out->v = xreallocarray(out->v, out->cap, sizeof(*out->v));
	}
	l = &out->v[out->n++];
	l->len = b.len;
	l->cols = cols;
	l->s = buf_steal(&b);
}

/*
 * Lay out items [from, to), none of them broken pieces but possibly the
 * last, with the least raggedness.  best[k] is the cost of the best
 * layout of items [from, k), prev[k] where its last line starts.
 */
static void
fill(struct wrap_lines *out, const struct items *it, size_t from, size_t to,
    size_t first_cols, size_t rest_cols, bool first_line,
    const char *marker, size_t marker_cols)
{
	uint64_t	*best;
	size_t		*prev, i, j, cols, width, slack, *starts, nstarts;

	best = xcalloc(to - from + 1, sizeof(*best));
	prev = xcalloc(to - from + 1, sizeof(*prev));
	for (j = from + 1; j <= to; j++) {
		best[j - from] = UINT64_MAX;
		cols = 0;
		for (i = j; i-- > from;) {
			cols += it->v[i].cols + (i < j - 1 ? 1 : 0) +
			    (it->v[i].broken ? marker_cols : 0);
			width = first_line && i == from ? first_cols :
			    rest_cols;
			if (cols > width && i < j - 1)
				break;
			if (best[i - from] == UINT64_MAX)
				continue;
			slack = cols > width ? 0 : width - cols;
			if (j == to)
				slack = 0;	/* the last line may be short */
			if (best[i - from] + slack * slack < best[j - from]) {
				best[j - from] = best[i - from] +
				    (uint64_t)slack * slack;
				prev[j - from] = i;
			}
		}
	}
	/* Walk back from the end to find where lines start. */
	starts = xcalloc(to - from + 1, sizeof(*starts));
	nstarts = 0;
	for (j = to; j > from; j = prev[j - from])
		starts[nstarts++] = prev[j - from];
	for (i = nstarts; i-- > 0;)
		add_line(out, it, starts[i], i > 0 ? starts[i - 1] : to,
		    marker, marker_cols);
	free(starts);
	free(best);
	free(prev);
}

void
wrap_text(const char *text, size_t len, size_t first_cols, size_t rest_cols,
    const char *marker, struct wrap_lines *out)
{
	struct items	 it = { 0 };
	size_t		 i, start, cols, marker_cols, from, k;
	bool		 first = true;

	marker_cols = text_cols(marker, strlen(marker));
	for (start = i = 0; i <= len; i++) {
		if (i < len && text[i] != ' ')
			continue;
		if (i > start) {
			cols = text_cols(text + start, i - start);
			/*
			 * A word wider than a line is cut in pieces; the
			 * first word must also fit the first line.
			 */
			if (cols > rest_cols ||
			    (it.n == 0 && cols > first_cols))
				split_word(&it, text + start, i - start,
				    it.n == 0 ? first_cols : rest_cols,
				    rest_cols, marker_cols);
			else
				add_item(&it, text + start, i - start, cols,
				    false);
		}
		start = i + 1;
	}
	/*
	 * A broken piece fills its line and ends it: lay out the words
	 * between pieces on their own, pieces one a line.
	 */
	for (from = k = 0; k <= it.n; k++) {
		if (k < it.n && !it.v[k].broken)
			continue;
		if (k == it.n) {
			if (k > from)
				fill(out, &it, from, k, first_cols, rest_cols,
				    first, marker, marker_cols);
			break;
		}
		if (k > from)
			fill(out, &it, from, k, first_cols, rest_cols, first,
			    marker, marker_cols);
		add_line(out, &it, k, k + 1, marker, marker_cols);
		first = false;
		from = k + 1;
	}
	free(it.v);
}

void
wrap_lines_free(struct wrap_lines *l)
{
	size_t	 i;

	for (i = 0; i < l->n; i++)
		free(l->v[i].s);
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}
