/* SPDX-License-Identifier: ISC */
#include "common.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "layout.h"
#include "text.h"
#include "wrap.h"
#include "xalloc.h"

/* One block: lines that belong together, and how they sit. */
struct block {
	struct wrap_lines lines;	/* finished lines, prefixes included */
	bool		 gap;		/* a blank line before it */
	bool		 keep;		/* keep with the next (headings) */
	bool		 split;		/* may break across pages */
};

struct layout {
	const struct device	*dev;
	const struct lang	*lang;	/* where lines may break */
	struct block		*v;
	size_t			 n;
	size_t			 cap;
};

struct layout *
layout_new(const struct device *dev, const struct lang *lang)
{
	struct layout	*l;

	l = xcalloc(1, sizeof(*l));
	l->dev = dev;
	l->lang = lang;
	return l;
}

void
layout_free(struct layout *l)
{
	size_t	 i;

	if (l == NULL)
		return;
	for (i = 0; i < l->n; i++)
		wrap_lines_free(&l->v[i].lines);
	free(l->v);
	free(l);
}

void
layout_block(struct layout *l, unsigned flags)
{
	struct block	*b;

	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 32;
		l->v = xreallocarray(l->v, l->cap, sizeof(*l->v));
	}
	b = &l->v[l->n++];
	memset(b, 0, sizeof(*b));
	b->gap = (flags & BLOCK_GAP) != 0;
	b->keep = (flags & BLOCK_KEEP) != 0;
	b->split = (flags & BLOCK_SPLIT) != 0;
}

static void
add_line(struct block *b, const char *s, size_t cols)
{
	struct wrap_lines *w = &b->lines;

	if (w->n == w->cap) {
		w->cap = w->cap ? w->cap * 2 : 8;
		w->v = xreallocarray(w->v, w->cap, sizeof(*w->v));
	}
	w->v[w->n].s = xstrdup(s);
	w->v[w->n].len = strlen(s);
	w->v[w->n].cols = cols;
	w->n++;
}

void
layout_line(struct layout *l, const char *s)
{
	add_line(&l->v[l->n - 1], s, text_cols(s, strlen(s)));
}

void
layout_pre(struct layout *l, const char *s, size_t len, const char *prefix)
{
	struct block	*b = &l->v[l->n - 1];
	struct buf	 line = { 0 };
	size_t		 pcols = text_cols(prefix, strlen(prefix));
	size_t		 mcols = text_cols(l->dev->marker,
			    strlen(l->dev->marker));
	size_t		 width = l->dev->width - pcols, pos = 0, end, next;
	size_t		 cols, g, last = 0, last_cols = 0;

	do {
		cols = 0;
		for (end = pos; end < len; end = next) {
			next = text_grapheme_next(s, len, end);
			g = text_cols(s + end, next - end);
			/* Room for the marker unless this is the end. */
			if (end > pos && cols + g + (next < len ? mcols : 0) >
			    width)
				break;
			last = end;
			last_cols = cols;
			cols += g;
		}
		/* A piece goes on inside a word, never at a space, so a
		 * reader joins the pieces as they were. */
		if (end < len && s[end] == ' ' && s[end - 1] != ' ' &&
		    last > pos) {
			end = last;
			cols = last_cols;
		}
		buf_reset(&line);
		if (len > 0)
			buf_puts(&line, prefix);
		buf_put(&line, s + pos, end - pos);
		if (end < len) {
			buf_puts(&line, l->dev->marker);
			cols += mcols;
		}
		add_line(b, line.data ? line.data : "", len > 0 ?
		    cols + pcols : 0);
		pos = end;
	} while (pos < len);
	buf_free(&line);
}

void
layout_text(struct layout *l, const char *text, size_t len,
    const char *first, const char *rest)
{
	struct block	*b = &l->v[l->n - 1];
	struct wrap_lines lines = { 0 };
	size_t		 i, fcols = text_cols(first, strlen(first));
	size_t		 rcols = text_cols(rest, strlen(rest));
	char		*s;

	wrap_text(l->lang, text, len, l->dev->width - fcols,
	    l->dev->width - rcols, l->dev->marker, l->dev->wrap, &lines);
	for (i = 0; i < lines.n; i++) {
		s = xasprintf("%s%s", i == 0 ? first : rest, lines.v[i].s);
		add_line(b, s, lines.v[i].cols + (i == 0 ? fcols : rcols));
		free(s);
	}
	wrap_lines_free(&lines);
}

void
layout_centred(struct layout *l, const char *text, size_t len,
    unsigned margin)
{
	struct block	*b = &l->v[l->n - 1];
	struct wrap_lines lines = { 0 };
	size_t		 i, width = l->dev->width - 2 * margin, pad;
	char		*s;

	wrap_text(l->lang, text, len, width, width, l->dev->marker,
	    l->dev->wrap, &lines);
	for (i = 0; i < lines.n; i++) {
		pad = (l->dev->width - lines.v[i].cols) / 2;
		s = xasprintf("%*s%s", (int)pad, "", lines.v[i].s);
		add_line(b, s, lines.v[i].cols + pad);
		free(s);
	}
	wrap_lines_free(&lines);
}

size_t
layout_width(const struct layout *l)
{
	const struct block *b = &l->v[l->n - 1];
	size_t		 i, w = 0;

	for (i = 0; i < b->lines.n; i++)
		if (b->lines.v[i].cols > w)
			w = b->lines.v[i].cols;
	return w;
}

bool
layout_empty(const struct layout *l)
{
	return l->n == 0 || l->v[l->n - 1].lines.n == 0;
}

void
layout_drop(struct layout *l)
{
	if (l->n > 0)
		wrap_lines_free(&l->v[--l->n].lines);
}

bool
layout_page_number(const char *value, enum page_number *out)
{
	if (strcmp(value, "bottom") == 0)
		*out = PAGE_NUMBER_BOTTOM;
	else if (strcmp(value, "top") == 0)
		*out = PAGE_NUMBER_TOP;
	else if (strcmp(value, "none") == 0)
		*out = PAGE_NUMBER_NONE;
	else
		return false;
	return true;
}

int
layout_check(const struct device *dev, const char *what)
{
	unsigned	 least = layout_frame_rows(dev) + 4 * dev->line_spacing;

	if (dev->page_lines == 0 || dev->page_lines >= least)
		return 0;
	diag_line("%u lines a %s leave too little room for text (at least "
	    "%u) (see lector --help)", dev->page_lines, what, least);
	return -1;
}

unsigned
layout_frame_rows(const struct device *dev)
{
	unsigned	 top, bottom;

	top = (dev->running_header ? 1 : 0) +
	    (dev->page_number == PAGE_NUMBER_TOP ? 1 : 0);
	bottom = dev->page_number == PAGE_NUMBER_BOTTOM ? 1 : 0;
	/* The blank line that sets the furniture apart. */
	if (top > 0 && (dev->running_header || dev->number_apart))
		top++;
	if (bottom > 0 && dev->number_apart)
		bottom++;
	return top + bottom;
}


struct pages {
	const char	**rows;		/* every page's text rows; NULL blank */
	size_t		 n;
	size_t		 cap;
	size_t		 per_page;	/* text rows a page; 0: no pages */
	size_t		 used;		/* rows used on the current page */
};

static void
add_row(struct pages *pg, const char *s)
{
	if (pg->n == pg->cap) {
		pg->cap = pg->cap ? pg->cap * 2 : 256;
		pg->rows = xreallocarray(pg->rows, pg->cap, sizeof(*pg->rows));
	}
	pg->rows[pg->n++] = s;
	pg->used++;
}

static void
new_page(struct pages *pg)
{
	while (pg->per_page > 0 && pg->used > 0 && pg->used < pg->per_page)
		add_row(pg, NULL);
	pg->used = 0;
}

/* Rows that n lines take at this line spacing. */
static size_t
rows_for(size_t n, unsigned spacing)
{
	return n == 0 ? 0 : n * spacing - (spacing - 1);
}

static void
place(struct pages *pg, const struct block *b, size_t from, size_t to,
    unsigned spacing, bool gap)
{
	size_t	 i;
	unsigned k;

	for (k = 0; gap && k < spacing; k++)
		add_row(pg, NULL);
	for (i = from; i < to; i++) {
		for (k = 0; i > from && k + 1 < spacing; k++)
			add_row(pg, NULL);
		add_row(pg, b->lines.v[i].s);
	}
	if (pg->per_page > 0 && pg->used >= pg->per_page)
		pg->used = 0;
}

/*
 * The rows that the blocks kept with block bi need on its page after
 * it: the headings stacked under it, each with its gap, then the start
 * of the first block that is not kept (two lines of a paragraph, all of
 * anything else, which is never split).  0 if bi is not kept.
 */
static size_t
kept_rows(const struct layout *l, size_t bi)
{
	const struct block *b;
	unsigned	 sp = l->dev->line_spacing;
	size_t		 k, rows = 0, n;
	size_t		 keep = l->dev->keep_lines ? l->dev->keep_lines : 1;

	if (!l->v[bi].keep)
		return 0;
	for (k = bi + 1; k < l->n; k++) {
		b = &l->v[k];
		n = b->lines.n;
		/* A paragraph splits leaving keep lines on each side: a
		 * shorter one goes whole. */
		if (!b->keep && b->split && n >= 2 * keep)
			n = keep;
		rows += (b->gap ? sp : 0) + rows_for(n, sp);
		if (!b->keep)
			break;
	}
	return rows;
}

/*
 * Cut the blocks into pages of pg->per_page rows.  A block that fits
 * goes whole; a heading, or a stack of them, goes to the next page
 * unless what follows starts with it (kept_rows()); a paragraph is split
 * so that at least the device's keep_lines of its lines stay on each
 * side; anything else that does not fit starts a new page, and is split
 * only if it is longer than a page.
 */
static void
paginate(const struct layout *l, struct pages *pg)
{
	const struct block *b;
	unsigned	 sp = l->dev->line_spacing;
	size_t		 bi, from, n, k, left, gap, need, rest;
	size_t		 keep = l->dev->keep_lines ? l->dev->keep_lines : 1;

	for (bi = 0; bi < l->n; bi++) {
		b = &l->v[bi];
		n = b->lines.n;
		for (from = 0; from < n;) {
			gap = b->gap && pg->used > 0 && from == 0 ? sp : 0;
			if (pg->per_page == 0) {
				place(pg, b, from, n, sp, gap > 0);
				break;
			}
			left = pg->per_page - pg->used;
			need = gap + rows_for(n - from, sp);
			if (b->keep && pg->used > 0 && from == 0 &&
			    need + kept_rows(l, bi) > left) {
				new_page(pg);
				continue;
			}
			if (need <= left) {
				place(pg, b, from, n, sp, gap > 0);
				break;
			}
			/* Lines that fit in what is left of the page. */
			for (k = 0; gap + rows_for(k + 1, sp) <= left; k++)
				continue;
			/* No widow at the top of the next page. */
			rest = n - from - k;
			if (b->split && rest > 0 && rest < keep &&
			    k >= 2 * keep - rest)
				k -= keep - rest;
			if (pg->used > 0 && (!b->split || k < keep ||
			    n - from - k < keep)) {
				new_page(pg);
				continue;
			}
			if (k == 0)
				k = 1;	/* a line longer than a page */
			place(pg, b, from, from + k, sp, gap > 0);
			new_page(pg);
			from += k;
		}
	}
	new_page(pg);
}

/* The title cut to one line of the page's width, for the header. */
static void
running_header(const struct layout *l, struct buf *out)
{
	const char	*t = l->v[0].lines.v[0].s, *ell;
	size_t		 len = strlen(t), pos = 0, next, cols = 0, ecols;

	ell = l->dev->ellipsis;
	ecols = text_cols(ell, strlen(ell));
	if (text_cols(t, len) <= l->dev->width &&
	    (l->v[0].lines.n == 1 || l->v[0].lines.v[1].s[0] == '=')) {
		buf_puts(out, t);
		return;
	}
	while (pos < len) {
		next = text_grapheme_next(t, len, pos);
		if (cols + text_cols(t + pos, next - pos) + ecols >
		    l->dev->width)
			break;
		cols += text_cols(t + pos, next - pos);
		pos = next;
	}
	while (pos > 0 && t[pos - 1] == ' ')
		pos--;
	buf_put(out, t, pos);
	buf_puts(out, ell);
}

void
layout_render(struct layout *l, struct buf *out)
{
	const struct device *dev = l->dev;
	struct pages	 pg;
	struct buf	 head = { 0 };
	size_t		 i, npages, r, k;

	memset(&pg, 0, sizeof(pg));
	pg.per_page = dev->page_lines > 0 ?
	    dev->page_lines - layout_frame_rows(dev) : 0;
	paginate(l, &pg);
	npages = pg.per_page > 0 ? pg.n / pg.per_page : 1;
	if (dev->running_header && l->n > 0)
		running_header(l, &head);
	for (i = 0; i < npages; i++) {
		if (i > 0 && dev->form_feed)
			buf_putc(out, '\f');
		if (pg.per_page > 0 && dev->running_header)
			buf_printf(out, "%s\n", head.data ? head.data : "");
		if (pg.per_page > 0 && dev->page_number == PAGE_NUMBER_TOP) {
			dev->number(dev->arg, i + 1, npages, out);
			buf_putc(out, '\n');
		}
		if (pg.per_page > 0 && (dev->running_header ||
		    (dev->page_number == PAGE_NUMBER_TOP &&
		    dev->number_apart)))
			buf_putc(out, '\n');
		k = pg.per_page > 0 ? pg.per_page : pg.n;
		for (r = i * k; r < (i + 1) * k && r < pg.n; r++) {
			if (pg.rows[r] != NULL)
				buf_puts(out, pg.rows[r]);
			buf_putc(out, '\n');
		}
		if (pg.per_page > 0 &&
		    dev->page_number == PAGE_NUMBER_BOTTOM) {
			if (dev->number_apart)
				buf_putc(out, '\n');
			dev->number(dev->arg, i + 1, npages, out);
			buf_putc(out, '\n');
		}
	}
	free(pg.rows);
	buf_free(&head);
}
