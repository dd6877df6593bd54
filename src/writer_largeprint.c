/* SPDX-License-Identifier: ISC */
/*
 * The `large-print` format: the article as plain text laid out for low
 * vision, printed at 16 to 24 point, read with a magnifier or on a
 * braille display.  Following UKAAF, RNIB, APH and ACB guidance: left
 * aligned and ragged right, no hyphenation and no split words (wrap.c),
 * no blocks of capitals (the lead-in is in sentence case), a blank line
 * between paragraphs, the page number always in the same place.
 *
 * The page geometry is a profile, data in styles/large-print/NAME.conf.
 * The writer turns the tree into blocks of lines, then cuts the blocks
 * into pages: a heading is never the last thing on a page, and a
 * paragraph leaves no single line alone at the foot or the head of a
 * page when it can be helped.
 */
#include "common.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "buf.h"
#include "conf.h"
#include "data.h"
#include "labels.h"
#include "options.h"
#include "text.h"
#include "tree.h"
#include "utf8.h"
#include "wrap.h"
#include "writer.h"
#include "xalloc.h"

#define MIN_WIDTH	20	/* "Page 100 of 100" and a word or two */
#define MAX_WIDTH	400
#define QUOTE_INDENT	"  "

/* One block: lines that belong together, and how they sit. */
struct block {
	struct wrap_lines lines;	/* finished lines, prefixes included */
	bool		 gap;		/* a blank line before it */
	bool		 keep;		/* keep with the next block (headings) */
	bool		 split;		/* may break across pages (paragraphs) */
};

struct layout {
	const struct doc	*d;
	const struct lp_profile	*p;
	struct block		*v;
	size_t			 n;
	size_t			 cap;
	struct buf		 tmp;
	const char		*marker;	/* ends a piece of a broken word */
};

/* ---- Profiles ------------------------------------------------------------ */

static int
profile_key(const char *key, const char *value, const char *path,
    unsigned line, void *arg)
{
	struct lp_profile *p = arg;
	bool		 ok;

	if (strcmp(key, "width") == 0)
		ok = conf_uint(value, MIN_WIDTH, MAX_WIDTH, &p->width);
	else if (strcmp(key, "page-lines") == 0)
		ok = conf_uint(value, 0, 10000, &p->page_lines);
	else if (strcmp(key, "line-spacing") == 0)
		ok = conf_uint(value, 1, 2, &p->line_spacing);
	else if (strcmp(key, "page-number") == 0) {
		ok = true;
		if (strcmp(value, "bottom") == 0)
			p->page_number = PAGE_NUMBER_BOTTOM;
		else if (strcmp(value, "top") == 0)
			p->page_number = PAGE_NUMBER_TOP;
		else if (strcmp(value, "none") == 0)
			p->page_number = PAGE_NUMBER_NONE;
		else
			ok = false;
	} else if (strcmp(key, "form-feed") == 0)
		ok = conf_bool(value, &p->form_feed);
	else if (strcmp(key, "running-header") == 0)
		ok = conf_bool(value, &p->running_header);
	else if (strcmp(key, "ascii") == 0)
		ok = conf_bool(value, &p->ascii);
	else {
		fprintf(stderr, "lector: %s:%u: unknown key '%s' (keys: "
		    "width, page-lines, line-spacing, page-number, "
		    "form-feed, running-header, ascii)\n", path, line, key);
		return -1;
	}
	if (!ok) {
		fprintf(stderr, "lector: %s:%u: bad value '%s' for %s\n", path,
		    line, value, key);
		return -1;
	}
	return 0;
}

/* Rows a page needs besides its text: running header, number, blanks. */
static unsigned
frame_rows(const struct lp_profile *p)
{
	unsigned	 top, bottom;

	top = (p->running_header ? 1 : 0) +
	    (p->page_number == PAGE_NUMBER_TOP ? 1 : 0);
	bottom = p->page_number == PAGE_NUMBER_BOTTOM ? 1 : 0;
	return (top ? top + 1 : 0) + (bottom ? bottom + 1 : 0);
}

static int
lp_setup(struct options *o)
{
	const char	*name = o->layout != NULL ? o->layout : "18pt";
	struct lp_profile *p = &o->lp;
	char		*path, *text;
	size_t		 len;
	int		 rc;

	if ((text = data_load("large-print", name, ".conf", "--layout",
	    "layout", &path, &len)) == NULL)
		return -1;
	memset(p, 0, sizeof(*p));
	p->width = 40;
	p->line_spacing = 1;
	p->page_number = PAGE_NUMBER_BOTTOM;
	rc = conf_parse(text, path, profile_key, p);
	free(text);
	free(path);
	if (rc == -1)
		return -1;
	if (o->lp_width != 0)
		p->width = o->lp_width;
	if (o->lp_has_page_lines)
		p->page_lines = o->lp_page_lines;
	if (o->lp_ascii)
		p->ascii = true;
	if (p->page_lines != 0 &&
	    p->page_lines < frame_rows(p) + 4 * p->line_spacing) {
		fprintf(stderr, "lector: %u lines a page leave too little room "
		    "for text (at least %u) (see lector --help)\n",
		    p->page_lines, frame_rows(p) + 4 * p->line_spacing);
		return -1;
	}
	return 0;
}

/* ---- ASCII ------------------------------------------------------------- */

/*
 * Typography for old printers and embossers: punctuation to its ASCII
 * look-alike, letters to their base letter (utf8proc's compatibility
 * decomposition without marks), a few letters spelled out.  What has no
 * ASCII form (CJK, emoji) is kept: nothing is dropped.
 */
static const struct {
	int32_t		 cp;
	const char	*ascii;
} ascii_map[] = {
	{ 0x00a0, " " }, { 0x00ab, "<<" }, { 0x00bb, ">>" },
	{ 0x00b7, "." }, { 0x00bf, "?" }, { 0x00a1, "!" }, { 0x00a9, "(c)" },
	{ 0x00ae, "(R)" }, { 0x00b0, " deg" }, { 0x00d7, "x" },
	{ 0x00f7, "/" }, { 0x00df, "ss" }, { 0x00c6, "AE" }, { 0x00e6, "ae" },
	{ 0x00d8, "O" }, { 0x00f8, "o" }, { 0x0152, "OE" }, { 0x0153, "oe" },
	{ 0x0141, "L" }, { 0x0142, "l" }, { 0x0110, "D" }, { 0x0111, "d" },
	{ 0x00de, "Th" }, { 0x00fe, "th" }, { 0x00d0, "D" }, { 0x00f0, "d" },
	{ 0x0131, "i" }, { 0x2010, "-" }, { 0x2011, "-" }, { 0x2012, "-" },
	{ 0x2013, "-" }, { 0x2014, "--" }, { 0x2015, "--" }, { 0x2018, "'" },
	{ 0x2019, "'" }, { 0x201a, "," }, { 0x201b, "'" }, { 0x201c, "\"" },
	{ 0x201d, "\"" }, { 0x201e, "\"" }, { 0x201f, "\"" }, { 0x2020, "+" },
	{ 0x2022, "*" }, { 0x2026, "..." }, { 0x2032, "'" }, { 0x2033, "\"" },
	{ 0x2039, "<" }, { 0x203a, ">" }, { 0x2044, "/" }, { 0x20ac, "EUR" },
	{ 0x00a3, "GBP" }, { 0x00a5, "JPY" }, { 0x2122, "(TM)" },
	{ 0x2190, "<-" }, { 0x2192, "->" }, { 0x2212, "-" }, { 0x3000, " " },
};

static void
put_ascii(struct buf *b, int32_t cp)
{
	utf8proc_uint8_t	 in[4], *out = NULL;
	utf8proc_ssize_t	 n;
	size_t			 k, i;
	bool			 ascii = true;

	if (cp < 0x80) {
		buf_putc(b, (int)cp);
		return;
	}
	for (k = 0; k < NELEM(ascii_map); k++)
		if (ascii_map[k].cp == cp) {
			buf_puts(b, ascii_map[k].ascii);
			return;
		}
	if (text_is_space(cp)) {
		buf_putc(b, ' ');
		return;
	}
	n = utf8proc_encode_char(cp, in);
	n = utf8proc_map(in, n, &out, UTF8PROC_STABLE | UTF8PROC_DECOMPOSE |
	    UTF8PROC_COMPAT | UTF8PROC_STRIPMARK);
	for (i = 0; n > 0 && i < (size_t)n; i++)
		if (out[i] >= 0x80)
			ascii = false;
	if (n > 0 && ascii)
		buf_put(b, out, (size_t)n);
	else
		utf8_put(b, cp);
	free(out);
}

/* Append s to b, in ASCII if the profile asks for it. */
static void
put_text(const struct layout *l, struct buf *b, const char *s, size_t len)
{
	size_t	 i, n;
	int32_t	 cp;

	if (!l->p->ascii) {
		buf_put(b, s, len);
		return;
	}
	for (i = 0; i < len; i += n) {
		n = utf8_next(s + i, len - i, &cp);
		put_ascii(b, cp);
	}
}

/* ---- Blocks ------------------------------------------------------------- */

static struct block *
new_block(struct layout *l, bool gap)
{
	struct block	*b;

	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 32;
		l->v = xreallocarray(l->v, l->cap, sizeof(*l->v));
	}
	b = &l->v[l->n++];
	memset(b, 0, sizeof(*b));
	b->gap = gap;
	return b;
}

/* Add a line as it is (a rule, a scene break). */
static void
add_raw(struct block *b, const char *s, size_t cols)
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

/*
 * Wrap text into b with a first-line prefix and a prefix for the other
 * lines (same width, for a hanging indent).
 */
static void
add_wrapped(struct layout *l, struct block *b, const char *text,
    size_t len, const char *first, const char *rest)
{
	struct wrap_lines lines = { 0 };
	size_t		 i, pcols = text_cols(first, strlen(first));
	char		*s;

	wrap_text(text, len, l->p->width - pcols, l->p->width - pcols,
	    l->marker, &lines);
	for (i = 0; i < lines.n; i++) {
		s = xasprintf("%s%s", i == 0 ? first : rest, lines.v[i].s);
		add_raw(b, s, lines.v[i].cols + pcols);
		free(s);
	}
	wrap_lines_free(&lines);
}

/* The text of n's inlines as it will be printed, into l->tmp. */
static void
text_of(struct layout *l, const struct node *n)
{
	struct buf	 raw = { 0 };

	tree_text(n, TT_LEAD_IN_CASE | TT_NO_CREDIT | TT_LINK_HREF, &raw);
	/* Trailing space (before a credit, say) would wrap to nothing. */
	while (raw.len > 0 && raw.data[raw.len - 1] == ' ')
		raw.len--;
	buf_reset(&l->tmp);
	put_text(l, &l->tmp, raw.data ? raw.data : "", raw.len);
	buf_free(&raw);
}

/* A heading: wrapped, then a rule as wide as its widest line. */
static void
add_heading(struct layout *l, const char *text, size_t len, char rule,
    bool gap)
{
	struct block	*b = new_block(l, gap);
	size_t		 i, w = 0;
	char		*line;

	add_wrapped(l, b, text, len, "", "");
	for (i = 0; i < b->lines.n; i++)
		if (b->lines.v[i].cols > w)
			w = b->lines.v[i].cols;
	line = xmalloc(w + 1);
	memset(line, rule, w);
	line[w] = '\0';
	add_raw(b, line, w);
	free(line);
	b->keep = true;
}

/* A labelled block: "Photo caption: ..." with the text after the label. */
static void
add_labelled(struct layout *l, struct block *b, enum label which,
    const char *text, size_t len)
{
	struct label_text lt = label_get(l->d->meta.language, which);
	struct buf	 s = { 0 };

	put_text(l, &s, lt.text, strlen(lt.text));
	buf_puts(&s, ": ");
	buf_put(&s, text, len);
	add_wrapped(l, b, s.data, s.len, "", "");
	buf_free(&s);
}

static void add_blocks(struct layout *, const struct node *, const char *);

static void
add_list(struct layout *l, const struct node *list, const char *indent)
{
	const struct node *item;
	unsigned	 num = list->u.list.start;
	char		 marker[32], hang[40], first[64];
	size_t		 mcols, widest = 0;
	bool		 gap = true;

	/* The widest number sets the hanging indent, so text lines up. */
	if (list->u.list.ordered) {
		for (item = list->first; item != NULL; item = item->next)
			widest = (size_t)snprintf(marker, sizeof(marker),
			    "%u. ", num++);
		num = list->u.list.start;
	}
	for (item = list->first; item != NULL; item = item->next) {
		if (list->u.list.ordered)
			snprintf(marker, sizeof(marker), "%*u. ",
			    (int)widest - 2, num++);
		else
			snprintf(marker, sizeof(marker), "%s",
			    l->p->ascii ? "* " : "\xe2\x80\xa2 ");
		mcols = text_cols(marker, strlen(marker));
		snprintf(first, sizeof(first), "%s%s", indent, marker);
		snprintf(hang, sizeof(hang), "%s%*s", indent, (int)mcols, "");
		text_of(l, item);
		add_wrapped(l, new_block(l, gap), l->tmp.data, l->tmp.len,
		    first, hang);
		gap = false;
	}
}

static void
add_blocks(struct layout *l, const struct node *k, const char *indent)
{
	struct block	*b;
	const char	*brk;

	for (; k != NULL; k = k->next) {
		switch (k->type) {
		case NODE_BYLINE:
		case NODE_DOCUMENT:
			/* Bylines are in the header. */
			break;
		case NODE_HEADING:
			text_of(l, k);
			add_heading(l, l->tmp.data, l->tmp.len, '-', true);
			break;
		case NODE_PARAGRAPH:
			text_of(l, k);
			b = new_block(l, true);
			b->split = true;
			add_wrapped(l, b, l->tmp.data, l->tmp.len, indent,
			    indent);
			break;
		case NODE_CAPTION:
			b = new_block(l, true);
			text_of(l, k);
			add_labelled(l, b, LABEL_PHOTO, l->tmp.data,
			    l->tmp.len);
			if (k->last != NULL && k->last->type == NODE_CREDIT) {
				buf_reset(&l->tmp);
				put_text(l, &l->tmp, k->last->first->text,
				    k->last->first->len);
				add_labelled(l, b, LABEL_CREDIT, l->tmp.data,
				    l->tmp.len);
			}
			break;
		case NODE_BLOCKQUOTE:
			add_blocks(l, k->first, QUOTE_INDENT);
			break;
		case NODE_LIST:
			add_list(l, k, indent);
			break;
		case NODE_THEMATIC_BREAK:
			b = new_block(l, true);
			brk = "* * *";
			buf_reset(&l->tmp);
			buf_printf(&l->tmp, "%*s%s",
			    (int)(l->p->width - 5) / 2, "", brk);
			add_raw(b, l->tmp.data, (l->p->width - 5) / 2 + 5);
			break;
		case NODE_ITEM:
		case NODE_TEXT:
		case NODE_EMPHASIS:
		case NODE_STRONG:
		case NODE_LEAD_IN:
		case NODE_CREDIT:
		case NODE_LINK:
		case NODE_SENTENCE:
		case NODE__MAX:
			break;
		}
	}
}

/* Title, subtitle, bylines (or authors), date and source. */
static void
add_header(struct layout *l)
{
	const struct meta *m = &l->d->meta;
	const struct node *k;
	struct block	*b;
	struct buf	 s = { 0 };
	bool		 byline = false;

	buf_reset(&l->tmp);
	put_text(l, &l->tmp, m->title, strlen(m->title));
	add_heading(l, l->tmp.data, l->tmp.len, '=', false);
	l->v[l->n - 1].keep = false;
	b = new_block(l, true);
	if (m->subtitle != NULL) {
		buf_reset(&l->tmp);
		put_text(l, &l->tmp, m->subtitle, strlen(m->subtitle));
		add_wrapped(l, b, l->tmp.data, l->tmp.len, "", "");
	}
	for (k = l->d->root->first; k != NULL; k = k->next)
		if (k->type == NODE_BYLINE) {
			text_of(l, k);
			add_wrapped(l, b, l->tmp.data, l->tmp.len, "", "");
			byline = true;
		}
	if (!byline && m->nauthors > 0) {
		label_byline(m->language, m->authors, m->nauthors, &s);
		buf_reset(&l->tmp);
		put_text(l, &l->tmp, s.data, s.len);
		add_wrapped(l, b, l->tmp.data, l->tmp.len, "", "");
		buf_free(&s);
	}
	if (m->date != NULL) {
		buf_reset(&l->tmp);
		put_text(l, &l->tmp, m->date, strlen(m->date));
		add_wrapped(l, b, l->tmp.data, l->tmp.len, "", "");
	}
	if (m->source != NULL) {
		buf_reset(&l->tmp);
		put_text(l, &l->tmp, m->source, strlen(m->source));
		add_wrapped(l, b, l->tmp.data, l->tmp.len, "", "");
	}
	if (b->lines.n == 0)
		l->n--;
}

/* ---- Pages ------------------------------------------------------------- */

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
 * Cut the blocks into pages of pg->per_page rows.  A block that fits
 * goes whole; a heading goes to the next page unless two lines of what
 * follows fit with it; a paragraph is split so that at least two of its
 * lines stay on each side; anything else that does not fit starts a new
 * page, and is split only if it is longer than a page.
 */
static void
paginate(const struct layout *l, struct pages *pg)
{
	const struct block *b, *next;
	unsigned	 sp = l->p->line_spacing;
	size_t		 bi, from, n, k, left, gap, need;

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
			next = bi + 1 < l->n ? &l->v[bi + 1] : NULL;
			if (b->keep && next != NULL && pg->used > 0 &&
			    need + sp + rows_for(next->lines.n < 2 ?
			    next->lines.n : 2, sp) > left) {
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
			if (b->split && n - from - k == 1 && k >= 3)
				k--;	/* no widow at the top of the next */
			if (pg->used > 0 && (!b->split || k < 2 ||
			    n - from - k < 2)) {
				new_page(pg);
				continue;
			}
			if (k == 0)
				k = 1;	/* a line longer than a page: unlikely */
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

	ell = l->p->ascii ? "..." : "\xe2\x80\xa6";
	ecols = text_cols(ell, strlen(ell));
	if (text_cols(t, len) <= l->p->width &&
	    (l->v[0].lines.n == 1 || l->v[0].lines.v[1].s[0] == '=')) {
		buf_puts(out, t);
		return;
	}
	while (pos < len) {
		next = text_grapheme_next(t, len, pos);
		if (cols + text_cols(t + pos, next - pos) + ecols >
		    l->p->width)
			break;
		cols += text_cols(t + pos, next - pos);
		pos = next;
	}
	while (pos > 0 && t[pos - 1] == ' ')
		pos--;
	buf_put(out, t, pos);
	buf_puts(out, ell);
}

/* "Page 3 of 7" in the article's language, as a line of out. */
static void
page_number(struct layout *l, struct buf *out, size_t n, size_t of)
{
	struct label_text page = label_get(l->d->meta.language, LABEL_PAGE);
	struct label_text ofl = label_get(l->d->meta.language, LABEL_OF);

	buf_reset(&l->tmp);
	buf_printf(&l->tmp, "%s %zu %s %zu", page.text, n, ofl.text, of);
	put_text(l, out, l->tmp.data, l->tmp.len);
	buf_putc(out, '\n');
}

static int
lp_write(const struct doc *d, const struct options *o, FILE *out)
{
	struct layout	 l;
	struct pages	 pg;
	struct buf	 b = { 0 }, head = { 0 };
	const struct lp_profile *p = &o->lp;
	size_t		 i, npages, r, k;
	int		 rc;

	memset(&l, 0, sizeof(l));
	memset(&pg, 0, sizeof(pg));
	l.d = d;
	l.p = p;
	/* Marks a word that goes on: never a hyphen, which could be the
	 * word's own. */
	l.marker = p->ascii ? "\\" : "\xe2\x86\x92";
	add_header(&l);
	add_blocks(&l, d->root->first, "");
	pg.per_page = p->page_lines > 0 ? p->page_lines - frame_rows(p) : 0;
	paginate(&l, &pg);

	npages = pg.per_page > 0 ? pg.n / pg.per_page : 1;
	if (p->running_header)
		running_header(&l, &head);
	for (i = 0; i < npages; i++) {
		if (i > 0 && p->form_feed)
			buf_putc(&b, '\f');
		if (pg.per_page > 0 && p->running_header)
			buf_printf(&b, "%s\n", head.data);
		if (pg.per_page > 0 && p->page_number == PAGE_NUMBER_TOP)
			page_number(&l, &b, i + 1, npages);
		if (pg.per_page > 0 && (p->running_header ||
		    p->page_number == PAGE_NUMBER_TOP))
			buf_putc(&b, '\n');
		k = pg.per_page > 0 ? pg.per_page : pg.n;
		for (r = i * k; r < (i + 1) * k && r < pg.n; r++) {
			if (pg.rows[r] != NULL)
				buf_puts(&b, pg.rows[r]);
			buf_putc(&b, '\n');
		}
		if (pg.per_page > 0 && p->page_number == PAGE_NUMBER_BOTTOM) {
			buf_putc(&b, '\n');
			page_number(&l, &b, i + 1, npages);
		}
	}
	rc = fwrite(b.data, 1, b.len, out) == b.len ? 0 : -1;
	for (i = 0; i < l.n; i++)
		wrap_lines_free(&l.v[i].lines);
	free(l.v);
	free(pg.rows);
	buf_free(&l.tmp);
	buf_free(&b);
	buf_free(&head);
	return rc;
}

const struct writer writer_largeprint = {
	.name = "large-print",
	.ext = ".large-print.txt",
	.summary = "paged large-print text",
	.binary = false,
	.by_default = true,
	.setup = lp_setup,
	.write = lp_write,
	.fini = NULL,
};
