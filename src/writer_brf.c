/* SPDX-License-Identifier: ISC */
/*
 * The `brf` format: the article in braille, formatted for an embosser or
 * a braille notetaker, as a BRF file (North American Braille ASCII, one
 * character a cell); `braille-text` (writer_brailletext.c) is the same
 * pages in Unicode braille.  liblouis translates (braille.c), contracted
 * by default; the pages are the paged layout large print uses (layout.c),
 * for a device whose cells are braille cells.
 *
 * The layout follows BANA's Braille Formats: the title centred, with a
 * blank line after it; paragraphs in cell 3, runovers in cell 1, no
 * blank line between; cell-5 headings (level 2) after a blank line,
 * cell-7 headings (deeper) with none; list items in cell 1, runovers in
 * cell 3, the list set off by blank lines, and so are quotes; captions
 * and credits in cell 7, runovers in cell 5, the words lector adds
 * ("Photo caption") in transcriber's-note indicators; a line ends at a
 * space, and only a word longer than a line is divided, marked with the
 * code's continuation sign.  The braille page number is at the bottom
 * right (BANA) or the top right (UKAAF's page information line), on a
 * line of its own, so at least three blank cells always come before it.
 * Page geometry, the table and the grade are a profile, data in
 * styles/braille/NAME.conf.
 */
#include "common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "braille.h"
#include "buf.h"
#include "conf.h"
#include "ctx.h"
#include "data.h"
#include "diag.h"
#include "labels.h"
#include "layout.h"
#include "meta.h"
#include "opts.h"
#include "sink.h"
#include "tree.h"
#include "wrap.h"
#include "writer.h"
#include "xalloc.h"

#define MIN_CELLS	12	/* a page number and a short word */
#define MAX_CELLS	100
#define CENTRE_MARGIN	3	/* blank cells each side of a centred line */
#define PARA_FIRST	"  "	/* cell 3 */
#define CELL5		"    "
#define CELL7		"      "
#define RUNOVER3	"  "

/* A braille page profile (styles/braille/NAME.conf). */
struct profile {
	struct device	 dev;		/* the page */
	char		 table[256];	/* liblouis tables; "": by language */
	enum braille_grade grade;
	bool		 crlf;		/* BRF lines end with CR LF */
};

/* What the command line says of braille, and the profile. */
static struct {
	const char	*layout;	/* --braille-layout NAME|FILE */
	const char	*table;		/* --braille-table TABLES */
	unsigned	 grade;		/* --braille-grade, 0: the profile's */
	bool		 ready;
	struct profile	 p;
} cfg;

/* The article being laid out. */
struct brf {
	const struct doc	*d;
	const struct profile	*p;
	struct braille		*br;
	struct layout		*l;
	struct buf		 raw;	/* text of the block at hand */
	struct buf		 marks;	/* its emphasis (tree_text_marked()) */
	struct buf		 tmp;	/* its braille */
	bool			 gap;	/* a blank line before the next block */
};

/* ---- Profiles ------------------------------------------------------------ */

static int
profile_key(const char *key, const char *value, const char *path,
    unsigned line, void *arg)
{
	struct profile	*p = arg;
	struct device	*dev = &p->dev;
	unsigned	 grade;
	bool		 ok = true;

	if (strcmp(key, "cells") == 0)
		ok = conf_uint(value, MIN_CELLS, MAX_CELLS, &dev->width);
	else if (strcmp(key, "lines") == 0)
		ok = conf_uint(value, 0, 1000, &dev->page_lines);
	else if (strcmp(key, "page-number") == 0)
		ok = layout_page_number(value, &dev->page_number);
	else if (strcmp(key, "table") == 0) {
		if (strcmp(value, "auto") == 0)
			p->table[0] = '\0';
		else if ((ok = strlen(value) < sizeof(p->table)))
			snprintf(p->table, sizeof(p->table), "%s", value);
	} else if (strcmp(key, "grade") == 0) {
		if ((ok = conf_uint(value, 1, 2, &grade)))
			p->grade = grade == 1 ? BRAILLE_UNCONTRACTED :
			    BRAILLE_CONTRACTED;
	} else if (strcmp(key, "line-end") == 0) {
		if (strcmp(value, "crlf") == 0)
			p->crlf = true;
		else if (strcmp(value, "lf") == 0)
			p->crlf = false;
		else
			ok = false;
	} else {
		diag_line("%s:%u: unknown key '%s' (keys: cells, lines, "
		    "page-number, table, grade, line-end)", path, line, key);
		return -1;
	}
	if (!ok) {
		diag_line("%s:%u: bad value '%s' for %s", path, line, value,
		    key);
		return -1;
	}
	return 0;
}

static void
set_layout(const char *arg)
{
	cfg.layout = arg;
}

static void
set_table(const char *arg)
{
	cfg.table = arg;
}

static void
set_grade(const char *arg)
{
	cfg.grade = (unsigned)opts_number("--braille-grade", arg, 1, 2,
	    false);
}

static char *
layout_names(void)
{
	return data_names("braille", ".conf");
}

static const struct optdef brf_optdefs[] = {
	{ "braille-layout", 0, "NAME|FILE", "braille page profile: %s",
	    layout_names, "In styles/braille (bana, 40 cells by 25 lines "
	    "with the page number at the bottom right, is the default), or "
	    "a file of key = value lines: cells, lines (0: no pages), "
	    "page-number (bottom, top or none), table (auto: by the "
	    "article's language), grade (1 or 2), line-end (crlf or lf).",
	    set_layout },
	{ "braille-table", 0, "TABLES", "liblouis tables to translate with",
	    NULL, "Any table list liblouis takes (en-ueb-g1.ctb, "
	    "de-g2.ctb, ...), in place of the one for the article's "
	    "language: Unified English Braille for English, else the "
	    "language's literary table, found by liblouis's table "
	    "metadata.", set_table },
	{ "braille-grade", 0, "1|2", "1: uncontracted, 2: contracted",
	    NULL, "Contracted (2) is the profile's default, where the "
	    "language has a contracted table.", set_grade },
	{ NULL, 0, NULL, NULL, NULL, NULL, NULL },
};

static void
reset(void)
{
	cfg.layout = NULL;
	cfg.table = NULL;
	cfg.grade = 0;
}

const struct optgroup braille_options = {
	"Braille (brf, braille-text)", brf_optdefs, reset,
};

static void	 page_number(void *, size_t, size_t, struct buf *);

int
braille_setup(void)
{
	const char	*name = cfg.layout != NULL ? cfg.layout : "bana";
	struct profile	*p = &cfg.p;
	struct device	*dev = &p->dev;

	if (cfg.ready)
		return 0;
	memset(p, 0, sizeof(*p));
	dev->width = 40;
	dev->page_lines = 25;
	dev->page_number = PAGE_NUMBER_BOTTOM;
	p->grade = BRAILLE_CONTRACTED;
	p->crlf = true;
	if (conf_load("braille", name, "--braille-layout", "braille layout",
	    profile_key, p) == -1)
		return -1;
	if (cfg.table != NULL)
		snprintf(p->table, sizeof(p->table), "%s", cfg.table);
	if (cfg.grade != 0)
		p->grade = cfg.grade == 1 ? BRAILLE_UNCONTRACTED :
		    BRAILLE_CONTRACTED;
	if (p->table[0] != '\0' && braille_check_tables(p->table,
	    cfg.table != NULL ? "--braille-table" : name) == -1)
		return -1;
	dev->line_spacing = 1;
	dev->number_apart = false;
	dev->form_feed = true;
	dev->wrap = WRAP_SPACES | WRAP_GREEDY;
	dev->keep_lines = 1;
	dev->ellipsis = "";
	dev->number = page_number;
	if (layout_check(dev, "braille page") == -1)
		return -1;
	cfg.ready = true;
	return 0;
}

/* ---- Blocks ------------------------------------------------------------- */

/* The braille of len bytes of text, into l->tmp. */
static void
braille(struct brf *l, const char *text, size_t len)
{
	buf_reset(&l->tmp);
	braille_put(l->br, text, len, NULL, false, &l->tmp);
}

/*
 * The text of n's inlines after prefix, with their emphasis, into
 * l->raw and l->marks (trailing spaces, before a credit, dropped).
 */
static void
inlines(struct brf *l, const struct node *n, const char *prefix)
{
	buf_reset(&l->raw);
	buf_reset(&l->marks);
	buf_puts(&l->raw, prefix);
	tree_text_marked(n, TT_NO_CREDIT | TT_LINK_HREF, &l->raw, &l->marks);
	while (l->raw.len > 0 && l->raw.data[l->raw.len - 1] == ' ')
		l->raw.len--;
}

/*
 * Append to l->tmp what lector adds to the text (a label), marked as a
 * transcriber's note: in UEB's indicators, else followed by a colon
 * (other codes' notes have no one sign).
 */
static void
put_note(struct brf *l, const char *words)
{
	if (braille_is_ueb(l->br)) {
		buf_puts(&l->tmp, "@.<");
		braille_put(l->br, words, strlen(words), NULL, false, &l->tmp);
		buf_puts(&l->tmp, "@.>");
	} else {
		char *s = xasprintf("%s:", words);

		braille_put(l->br, s, strlen(s), NULL, false, &l->tmp);
		free(s);
	}
}

/*
 * Begin a block with flags, after a blank line if one is owed.  Every
 * block of text may go over a page break (BLOCK_SPLIT), leaving a line
 * on each side (the device's keep_lines): braille fills its pages.
 */
static void
block(struct brf *l, unsigned flags)
{
	layout_block(l->l, flags | (l->gap ? BLOCK_GAP : 0));
	l->gap = false;
}

/* The braille of n's inlines after prefix, into l->tmp. */
static void
text_of(struct brf *l, const struct node *n, const char *prefix)
{
	inlines(l, n, prefix);
	buf_reset(&l->tmp);
	braille_put(l->br, l->raw.data, l->raw.len, l->marks.data, false,
	    &l->tmp);
}

/*
 * A caption's or credit's block, 7-5: the label lector adds as a note,
 * then len bytes of text with their marks (NULL: none).
 */
static void
add_noted(struct brf *l, enum label which, const char *text, size_t len,
    const char *marks)
{
	struct label_text lt = label_get(l->d->meta.language, which);

	buf_reset(&l->tmp);
	put_note(l, lt.text);
	if (len > 0) {
		buf_putc(&l->tmp, ' ');
		braille_put(l->br, text, len, marks, false, &l->tmp);
	}
	block(l, BLOCK_SPLIT);
	layout_text(l->l, l->tmp.data, l->tmp.len, CELL7, CELL5);
}

static void	 add_blocks(struct brf *, const struct node *);

static void
add_list(struct brf *l, const struct node *list)
{
	const struct node *item;
	unsigned	 num = list->u.list.start;
	char		 marker[32];

	l->gap = true;
	for (item = list->first; item != NULL; item = item->next) {
		if (list->u.list.ordered)
			snprintf(marker, sizeof(marker), "%u. ", num++);
		else
			snprintf(marker, sizeof(marker), "\xe2\x80\xa2 ");
		text_of(l, item, marker);
		block(l, BLOCK_SPLIT);
		layout_text(l->l, l->tmp.data, l->tmp.len, "", RUNOVER3);
	}
	l->gap = true;
}

/*
 * A preformatted block: what it is ("Diagram, 12 lines"), as a note,
 * then its lines uncontracted, their spacing kept, each from cell 1,
 * cut and continued where wider than the page.
 */
static void
add_pre(struct brf *l, const struct node *k)
{
	struct buf	 s = { 0 };
	const char	*t = k->first->text, *nl;
	size_t		 len = k->first->len, n;

	label_preformatted(l->d->meta.language, k->u.pre, pre_lines(k), &s);
	buf_reset(&l->tmp);
	put_note(l, s.data);
	l->gap = true;
	block(l, BLOCK_KEEP);
	layout_text(l->l, l->tmp.data, l->tmp.len, CELL7, CELL5);
	layout_block(l->l, BLOCK_SPLIT);
	for (;;) {
		nl = memchr(t, '\n', len);
		n = nl != NULL ? (size_t)(nl - t) : len;
		buf_reset(&l->tmp);
		braille_put(l->br, t, n, NULL, true, &l->tmp);
		layout_pre(l->l, l->tmp.data ? l->tmp.data : "", l->tmp.len,
		    "");
		if (nl == NULL)
			break;
		len -= n + 1;
		t = nl + 1;
	}
	buf_free(&s);
	l->gap = true;
}

static void
add_heading(struct brf *l, int level)
{
	const char	*indent = level <= 2 ? CELL5 : CELL7;

	if (level <= 2)
		l->gap = true;
	block(l, BLOCK_KEEP);
	layout_text(l->l, l->tmp.data, l->tmp.len, indent, indent);
}

static void
add_blocks(struct brf *l, const struct node *k)
{
	struct label_text lt;

	for (; k != NULL; k = k->next) {
		switch (k->type) {
		case NODE_BYLINE:
		case NODE_DOCUMENT:
			/* Bylines are in the header. */
			break;
		case NODE_HEADING:
			text_of(l, k, "");
			add_heading(l, k->u.level);
			break;
		case NODE_PARAGRAPH:
			text_of(l, k, "");
			block(l, BLOCK_SPLIT);
			layout_text(l->l, l->tmp.data, l->tmp.len, PARA_FIRST,
			    "");
			break;
		case NODE_CAPTION:
			inlines(l, k, "");
			l->gap = true;
			add_noted(l, LABEL_PHOTO, l->raw.data, l->raw.len,
			    l->marks.data);
			if (k->last != NULL && k->last->type == NODE_CREDIT)
				add_noted(l, LABEL_CREDIT,
				    k->last->first->text,
				    k->last->first->len, NULL);
			l->gap = true;
			break;
		case NODE_BLOCKQUOTE:
			l->gap = true;
			add_blocks(l, k->first);
			l->gap = true;
			break;
		case NODE_LIST:
			add_list(l, k);
			break;
		case NODE_PREFORMATTED:
			add_pre(l, k);
			break;
		case NODE_BACK_MATTER:
			lt = label_get(l->d->meta.language,
			    label_back_matter((int)k->u.back));
			braille(l, lt.text, strlen(lt.text));
			add_heading(l, 2);
			add_blocks(l, k->first);
			break;
		case NODE_THEMATIC_BREAK:
			/* The print's mark, as the code writes it. */
			braille(l, "* * *", 5);
			l->gap = true;
			block(l, 0);
			layout_centred(l->l, l->tmp.data, l->tmp.len,
			    CENTRE_MARGIN);
			l->gap = true;
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

/* A line of the header (meta_header()), in cell 1, runovers in cell 3. */
static void
header_line(enum header_part part, const struct node *byline,
    const char *text, void *arg)
{
	struct brf	*l = arg;

	if (part == HEADER_BYLINE)
		text_of(l, byline, "");
	else
		braille(l, text, strlen(text));
	block(l, BLOCK_SPLIT);
	layout_text(l->l, l->tmp.data, l->tmp.len, "", RUNOVER3);
}

/*
 * The title centred, then subtitle, bylines (or authors), date and
 * source, then a blank line.
 */
static void
add_header(struct brf *l)
{
	const struct meta *m = &l->d->meta;

	braille(l, m->title, strlen(m->title));
	block(l, BLOCK_KEEP);
	layout_centred(l->l, l->tmp.data, l->tmp.len, CENTRE_MARGIN);
	l->gap = true;
	meta_header(l->d, header_line, l);
	l->gap = true;
}

/* The braille page number, right-aligned: the device's number line. */
static void
page_number(void *arg, size_t n, size_t of, struct buf *out)
{
	struct brf	*l = arg;
	struct buf	 num = { 0 };
	char		 digits[24];
	size_t		 i;

	(void)of;
	snprintf(digits, sizeof(digits), "%zu", n);
	braille_put(l->br, digits, strlen(digits), NULL, false, &num);
	for (i = num.len; i < l->p->dev.width; i++)
		buf_putc(out, ' ');
	buf_put(out, num.data, num.len);
	buf_free(&num);
}

/* ---- The book ------------------------------------------------------------ */

/* Write the pages in b to out: BRF, or Unicode braille. */
static void
put_pages(const struct profile *p, const struct buf *b, bool unicode,
    struct buf *out)
{
	size_t	 i, start;

	for (start = i = 0; i < b->len; i++) {
		if (b->data[i] != '\n' && b->data[i] != '\f')
			continue;
		if (unicode)
			braille_unicode(b->data + start, i - start, out);
		else
			buf_put(out, b->data + start, i - start);
		if (b->data[i] == '\n' && p->crlf && !unicode)
			buf_putc(out, '\r');
		buf_putc(out, b->data[i]);
		start = i + 1;
	}
}

int
braille_book(struct ctx *ctx, struct sink *sink, bool unicode)
{
	struct brf	 l;
	struct device	 dev = cfg.p.dev;
	struct buf	 b = { 0 }, out = { 0 };
	int		 rc = -1;

	memset(&l, 0, sizeof(l));
	l.d = ctx_doc(ctx);
	l.p = &cfg.p;
	if ((l.br = braille_open(l.d->meta.language, cfg.p.grade,
	    cfg.p.table[0] != '\0' ? cfg.p.table : NULL)) == NULL)
		return -1;
	diag(DIAG_INFO, 0, "braille: %s", braille_tables(l.br));
	/* A word longer than a line goes on: UEB's line continuation
	 * indicator (dot 5), else the hyphen most codes divide with. */
	dev.marker = braille_is_ueb(l.br) ? "\"" : "-";
	dev.arg = &l;
	l.l = layout_new(&dev, NULL);
	add_header(&l);
	add_blocks(&l, l.d->root->first);
	layout_render(l.l, &b);
	if (!braille_failed(l.br)) {
		put_pages(&cfg.p, &b, unicode, &out);
		rc = fwrite(out.data, 1, out.len, sink_stream(sink)) ==
		    out.len ? 0 : -1;
		if (braille_undefined(l.br) > 0)
			diag(DIAG_WARN, 0, "%zu characters have no braille "
			    "in %s: written as their code in hexadecimal, as "
			    "liblouis writes them", braille_undefined(l.br),
			    braille_tables(l.br));
		if (braille_eight_dot(l.br) > 0)
			diag(DIAG_WARN, 0, "%zu cells of %s have dots 7 or "
			    "8, which braille pages of six dots cannot hold: "
			    "they are left out", braille_eight_dot(l.br),
			    braille_tables(l.br));
	}
	layout_free(l.l);
	braille_free(l.br);
	buf_free(&l.raw);
	buf_free(&l.marks);
	buf_free(&l.tmp);
	buf_free(&b);
	buf_free(&out);
	return rc;
}

static int
brf_write(struct ctx *ctx, struct sink *sink)
{
	return braille_book(ctx, sink, false);
}

const struct writer writer_brf = {
	.name = "brf",
	.ext = ".brf",
	.summary = "braille for embossers and notetakers (BRF, contracted "
	    "by default)",
	.options = &braille_options,
	.setup = braille_setup,
	.write = brf_write,
};
