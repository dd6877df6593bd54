/* SPDX-License-Identifier: ISC */
#include "common.h"

#include <stdlib.h>
#include <string.h>

#include <linebreak.h>

#include "buf.h"
#include "lang.h"
#include "text.h"
#include "utf8.h"
#include "wrap.h"
#include "xalloc.h"

/*
 * What a line that ends after a held item costs: more than any
 * raggedness a paragraph can have (400 columns squared, for ten
 * thousand lines), so it happens only when nothing else fits.
 */
#define HOLD_COST	((uint64_t)1 << 42)

/*
 * A run of text from one break opportunity to the next (UAX #14), or a
 * piece of one cut because it is wider than a line.
 */
struct item {
	const char	*s;
	size_t		 len;		/* bytes, the blank after it aside */
	size_t		 cols;
	size_t		 blank_len;	/* bytes of spaces after it: kept
					   inside a line, dropped at its end */
	size_t		 blank_cols;
	bool		 broken;	/* a piece that the marker ends */
	bool		 hold;		/* the line had better not end after
					   it (holds()) */
	bool		 hard;		/* a line must end after it */
};

struct items {
	struct item	*v;
	size_t		 n;
	size_t		 cap;
};

/* The widths wrap_text() fills to, and its marker. */
struct measure {
	size_t		 first_cols;
	size_t		 rest_cols;
	const char	*marker;
	size_t		 marker_cols;
};

static struct item *
add_item(struct items *it, const char *s, size_t len, size_t cols,
    bool broken)
{
	struct item	*p;

	if (it->n == it->cap) {
		it->cap = it->cap ? it->cap * 2 : 64;
		it->v = xreallocarray(it->v, it->cap, sizeof(*it->v));
	}
	p = &it->v[it->n++];
	memset(p, 0, sizeof(*p));
	p->s = s;
	p->len = len;
	p->cols = cols;
	p->broken = broken;
	return p;
}

/*
 * Cut a run wider than a line into pieces at grapheme boundaries, the
 * first at most first_cols wide, the others rest_cols.  Returns the
 * last piece, which the marker does not end.
 */
static struct item *
split_word(struct items *it, const char *s, size_t len, size_t first_cols,
    const struct measure *m)
{
	struct item	*last = NULL;
	size_t		 pos = 0, end, next, cols, g, width = first_cols;

	for (; pos < len; width = m->rest_cols) {
		cols = 0;
		end = pos;
		while (end < len) {
			next = text_grapheme_next(s, len, end);
			g = text_cols(s + end, next - end);
			/* Room for the marker unless this is the end. */
			if (end > pos && cols + g + (next < len ?
			    m->marker_cols : 0) > width)
				break;
			cols += g;
			end = next;
		}
		last = add_item(it, s + pos, end - pos, cols, end < len);
		pos = end;
	}
	return last;
}

/*
 * Bytes at the end of the len bytes at s that a line's end drops:
 * spaces (the ideographic one too) and a line or paragraph separator.
 */
static size_t
blank_at_end(const char *s, size_t len)
{
	size_t	 end = len, k;
	int32_t	 cp;

	while (end > 0) {
		if (s[end - 1] == ' ') {
			end--;
			continue;
		}
		for (k = end - 1; k > 0 && (s[k] & 0xc0) == 0x80; k--)
			continue;
		utf8_next(s + k, end - k, &cp);
		if (!text_is_space(cp) && cp != 0x2028 && cp != 0x2029)
			break;
		end = k;
	}
	return len - end;
}

/*
 * Whether cp is Hangul (syllables and jamo): Korean puts spaces between
 * words, so, as CSS's "word-break: keep-all" does for it, a word is not
 * broken between its syllables, which UAX #14 alone would allow.
 */
static bool
is_hangul(int32_t cp)
{
	return (cp >= 0x1100 && cp <= 0x11ff) ||
	    (cp >= 0x3130 && cp <= 0x318f) || (cp >= 0xa960 && cp <= 0xa97f) ||
	    (cp >= 0xac00 && cp <= 0xd7ff);
}

/*
 * Whether a break with no space between the character that ends at end
 * in s and the one at next (next_len bytes) splits what a reader sees
 * as one word: two narrow characters (the hyphen of "well-known", the
 * slash of "and/or" or a dash are breaks for UAX #14, but large print
 * splits no word), or two Hangul syllables.  A break beside an
 * ideograph or kana is free.
 */
static bool
inside_word(const char *s, size_t end, const char *next, size_t next_len)
{
	size_t	 k;
	int32_t	 before, after;

	for (k = end - 1; k > 0 && (s[k] & 0xc0) == 0x80; k--)
		continue;
	utf8_next(s + k, end - k, &before);
	utf8_next(next, next_len, &after);
	if (is_hangul(before) && is_hangul(after))
		return true;
	return text_cols(s + k, end - k) < 2 &&
	    text_cols(next, next_len) < 2 && !text_is_space(after);
}

/*
 * Whether a line had better not end after the run of len bytes at s,
 * which ends in blank_len bytes of spaces, and which the character at
 * next (next_len bytes, 0 at the end) follows: a break inside a word
 * (inside_word()), or after a word of lang's that keeps the next with
 * it ("Mr" before "Smith"), an opening bracket or quote before it
 * aside.  Either is taken only for what is wider than a line.
 */
static bool
holds(const struct lang *lang, const char *s, size_t len, size_t blank_len,
    const char *next, size_t next_len)
{
	size_t	 word, n;
	int32_t	 cp;

	if (len == blank_len || next_len == 0)
		return false;
	if (blank_len == 0)
		return inside_word(s, len, next, next_len);
	if (lang == NULL)
		return false;
	len -= blank_len;
	for (word = len; word > 0 && s[word - 1] != ' '; word--)
		continue;
	while (word < len && (n = utf8_next(s + word, len - word, &cp)) > 0 &&
	    text_is_opener(cp))
		word += n;
	return word < len && lang_holds_next(lang, s + word, len - word);
}

/*
 * Whether cols fit the line the next item would start (the first run
 * must also fit the first line).
 */
static bool
fits(const struct items *it, size_t cols, const struct measure *m)
{
	return cols <= m->rest_cols && (it->n > 0 || cols <= m->first_cols);
}

/*
 * Add a run of len bytes at s wider than a line.  UAX #14 joins some
 * words across a space (no break before "/" or closing punctuation,
 * even after one): such a run is broken at its spaces first, each a
 * held break, so that only a word with no space in it is ever cut.
 * Returns the last item.
 */
static struct item *
add_wide_run(struct items *it, const char *s, size_t len,
    const struct measure *m)
{
	struct item	*p;
	const char	*sp;
	size_t		 start = 0, end, cols;

	while (start < len && s[start] == ' ')
		start++;	/* a paragraph's leading spaces */
	for (;;) {
		sp = memchr(s + start, ' ', len - start);
		end = sp != NULL ? (size_t)(sp - s) : len;
		cols = text_cols(s + start, end - start);
		if (fits(it, cols, m))
			p = add_item(it, s + start, end - start, cols, false);
		else
			p = split_word(it, s + start, end - start,
			    it->n == 0 ? m->first_cols : m->rest_cols, m);
		if (sp == NULL)
			return p;
		for (start = end; start < len && s[start] == ' '; start++)
			continue;
		p->blank_len = p->blank_cols = start - end;
		p->hold = true;
	}
}

/*
 * Add the run of len bytes at s, which a break opportunity ends and
 * which the rest bytes at s + len follow.
 */
static void
add_run(struct items *it, const struct lang *lang, const char *s,
    size_t len, size_t rest, bool hard, const struct measure *m)
{
	int32_t		 cp;
	struct item	*p;
	size_t		 blank = blank_at_end(s, len), cols;

	if (len == blank) {
		/*
		 * Spaces alone (an ideographic space may stand between two
		 * breaks): the blank after the run before, which they
		 * follow; before the first run, nothing to print.
		 */
		if (it->n > 0) {
			p = &it->v[it->n - 1];
			p->blank_len += blank;
			p->blank_cols += text_cols(s, blank);
			p->hard = p->hard || hard;
			p->hold = false;	/* a break at a space */
		}
		return;
	}
	cols = text_cols(s, len - blank);
	if (fits(it, cols, m))
		p = add_item(it, s, len - blank, cols, false);
	else
		p = add_wide_run(it, s, len - blank, m);
	p->blank_len = blank;
	p->blank_cols = blank > 0 ? text_cols(s + len - blank, blank) : 0;
	p->hold = !hard && holds(lang, s, len, blank, s + len,
	    rest > 0 ? utf8_next(s + len, rest, &cp) : 0);
	p->hard = hard;
}

/*
 * A copy of the len bytes of text that libunibreak can take, or NULL if
 * text is one: libunibreak 1.1 (Debian 12) fails an assertion on a
 * regional indicator (half a flag, U+1F1E6..U+1F1FF), which it has a
 * class for but no rule, so each is given as an ideograph of as many
 * bytes (U+20000), which breaks as UAX #14 now has flags break; the
 * grapheme rule in cut_runs() keeps the pair whole.  Caller frees.
 */
static char *
lb_safe(const char *text, size_t len)
{
	char	*copy = NULL;
	size_t	 i;

	for (i = 0; i + 3 < len; i++) {
		if ((unsigned char)text[i] != 0xf0 ||
		    (unsigned char)text[i + 1] != 0x9f ||
		    (unsigned char)text[i + 2] != 0x87 ||
		    (unsigned char)text[i + 3] < 0xa6 ||
		    (unsigned char)text[i + 3] > 0xbf)
			continue;
		if (copy == NULL) {
			copy = xmalloc(len);
			memcpy(copy, text, len);
		}
		memcpy(copy + i, "\xf0\xa0\x80\x80", 4);
		i += 3;
	}
	return copy;
}

/*
 * Cut text into runs at its spaces alone (WRAP_SPACES): the text is in a
 * code UAX #14 does not know, Braille ASCII, where "," is the capital
 * sign and "!" the word "the", and a run of symbols is one word.
 */
static void
cut_spaces(struct items *it, const char *text, size_t len,
    const struct measure *m)
{
	size_t	 start, i;

	for (start = i = 0; i < len; i++)
		if (i + 1 == len || (text[i] == ' ' && text[i + 1] != ' ')) {
			add_run(it, NULL, text + start, i + 1 - start,
			    len - i - 1, false, m);
			start = i + 1;
		}
}

/*
 * Cut text into runs at its break opportunities: UAX #14 (libunibreak),
 * with the language's tailoring where libunibreak has one (Chinese
 * quotation marks open and close), less a break inside a grapheme
 * cluster (libunibreak 1.1's Unicode 6.2 data would split an emoji
 * modifier or ZWJ sequence) and the break after a soft hyphen, since
 * large print never hyphenates.
 */
static void
cut_runs(struct items *it, const struct lang *lang, const char *text,
    size_t len, const struct measure *m)
{
	static bool	 ready;
	char		*brks, *safe;
	size_t		 i, start, g = 0;

	if (!ready) {
		init_linebreak();
		ready = true;
	}
	brks = xmalloc(len);
	safe = lb_safe(text, len);
	set_linebreaks_utf8((const utf8_t *)(safe != NULL ? safe : text),
	    len, lang != NULL ? lang_tag(lang) : NULL, brks);
	free(safe);
	for (start = i = 0; i < len; i++) {
		if (i + 1 < len && (brks[i] == LINEBREAK_NOBREAK ||
		    brks[i] == LINEBREAK_INSIDEACHAR))
			continue;
		while (g < i + 1)
			g = text_grapheme_next(text, len, g);
		if (i + 1 < len && g != i + 1)
			continue;
		if (i + 1 < len && i > 0 &&
		    (unsigned char)text[i - 1] == 0xc2 &&
		    (unsigned char)text[i] == 0xad)
			continue;	/* U+00AD SOFT HYPHEN */
		add_run(it, lang, text + start, i + 1 - start, len - i - 1,
		    i + 1 < len && brks[i] == LINEBREAK_MUSTBREAK, m);
		start = i + 1;
	}
	free(brks);
}

static void
add_line(struct wrap_lines *out, const struct items *it, size_t from,
    size_t to, const struct measure *m)
{
	struct buf	 b = { 0 };
	struct wrap_line *l;
	size_t		 i, cols = 0;

	for (i = from; i < to; i++) {
		buf_put(&b, it->v[i].s, it->v[i].len);
		cols += it->v[i].cols;
		if (it->v[i].broken) {
			buf_puts(&b, m->marker);
			cols += m->marker_cols;
		}
		/* The blank between two runs; a line's last drops it. */
		if (i + 1 < to) {
			buf_put(&b, it->v[i].s + it->v[i].len,
			    it->v[i].blank_len);
			cols += it->v[i].blank_cols;
		}
	}
	if (out->n == out->cap) {
		out->cap = out->cap ? out->cap * 2 : 32;
		out->v = xreallocarray(out->v, out->cap, sizeof(*out->v));
	}
	l = &out->v[out->n++];
	l->len = b.len;
	l->cols = cols;
	l->s = b.len > 0 ? buf_steal(&b) : xstrdup("");
}

/*
 * Lay out items [from, to), none of them broken pieces, each line as
 * full as it will go.
 */
static void
fill_greedy(struct wrap_lines *out, const struct items *it, size_t from,
    size_t to, bool first_line, const struct measure *m)
{
	size_t	 start, i, cols, width;

	for (start = from; start < to; start = i) {
		width = first_line && start == from ? m->first_cols :
		    m->rest_cols;
		cols = it->v[start].cols;
		for (i = start + 1; i < to; i++) {
			if (cols + it->v[i - 1].blank_cols + it->v[i].cols >
			    width)
				break;
			cols += it->v[i - 1].blank_cols + it->v[i].cols;
		}
		add_line(out, it, start, i, m);
	}
}

/*
 * Lay out items [from, to), none of them broken pieces, with the least
 * raggedness.  best[k] is the cost of the best layout of items [from,
 * k), prev[k] where its last line starts.
 */
static void
fill(struct wrap_lines *out, const struct items *it, size_t from, size_t to,
    bool first_line, const struct measure *m)
{
	uint64_t	*best, cost;
	size_t		*prev, i, j, cols, width, slack, *starts, nstarts;

	best = xcalloc(to - from + 1, sizeof(*best));
	prev = xcalloc(to - from + 1, sizeof(*prev));
	for (j = from + 1; j <= to; j++) {
		best[j - from] = UINT64_MAX;
		cols = 0;
		for (i = j; i-- > from;) {
			cols += it->v[i].cols + (i < j - 1 ?
			    it->v[i].blank_cols : 0);
			width = first_line && i == from ? m->first_cols :
			    m->rest_cols;
			if (cols > width && i < j - 1)
				break;
			if (best[i - from] == UINT64_MAX)
				continue;
			slack = cols > width ? 0 : width - cols;
			if (j == to)
				slack = 0;	/* the last line may be short */
			cost = best[i - from] + (uint64_t)slack * slack;
			if (j < to && it->v[j - 1].hold)
				cost += HOLD_COST;
			if (cost < best[j - from]) {
				best[j - from] = cost;
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
		add_line(out, it, starts[i], i > 0 ? starts[i - 1] : to, m);
	free(starts);
	free(best);
	free(prev);
}

void
wrap_text(const struct lang *lang, const char *text, size_t len,
    size_t first_cols, size_t rest_cols, const char *marker,
    unsigned flags, struct wrap_lines *out)
{
	struct items	 it = { 0 };
	struct measure	 m;
	size_t		 from, k, n0 = out->n;
	void		(*filler)(struct wrap_lines *, const struct items *,
			    size_t, size_t, bool, const struct measure *);

	if (len == 0)
		return;
	m.first_cols = first_cols;
	m.rest_cols = rest_cols;
	m.marker = marker;
	m.marker_cols = text_cols(marker, strlen(marker));
	filler = flags & WRAP_GREEDY ? fill_greedy : fill;
	if (flags & WRAP_SPACES)
		cut_spaces(&it, text, len, &m);
	else
		cut_runs(&it, lang, text, len, &m);
	/*
	 * A broken piece fills its line and ends it, and a line must end
	 * at a mandatory break: lay out the runs between them on their
	 * own.
	 */
	for (from = k = 0; k < it.n; k++) {
		if (it.v[k].broken) {
			if (k > from)
				filler(out, &it, from, k, out->n == n0, &m);
			add_line(out, &it, k, k + 1, &m);
			from = k + 1;
		} else if (it.v[k].hard || k + 1 == it.n) {
			filler(out, &it, from, k + 1, out->n == n0, &m);
			from = k + 1;
		}
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
