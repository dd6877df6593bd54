/* SPDX-License-Identifier: ISC */
/*
 * The `large-print` format: the article as plain text laid out for low
 * vision, printed at 16 to 24 point, read with a magnifier or on a
 * braille display.  Following UKAAF, RNIB, APH and ACB guidance: left
 * aligned and ragged right, no hyphenation and no split words (wrap.c),
 * no blocks of capitals (the lead-in, and any heading or paragraph
 * written in capitals, in sentence case), a blank line
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

#include "buf.h"
#include "conf.h"
#include "data.h"
#include "diag.h"
#include "labels.h"
#include "ctx.h"
#include "lang.h"
#include "layout.h"
#include "meta.h"
#include "opts.h"
#include "sink.h"
#include "text.h"
#include "tree.h"
#include "utf8.h"
#include "writer.h"
#include "xalloc.h"

#define MIN_WIDTH	20	/* "Page 100 of 100" and a word or two */
#define MAX_WIDTH	400
#define QUOTE_INDENT	"  "

/* A large-print page profile (styles/large-print/NAME.conf). */
struct profile {
	struct device	 dev;		/* the page */
	bool		 ascii;		/* ASCII punctuation and letters */
};

/* What the command line says of large print, and the profile. */
static struct {
	const char	*layout;	/* --layout NAME|FILE */
	unsigned	 width;		/* --width, 0: the profile's */
	bool		 has_page_lines;	/* --page-lines given */
	unsigned	 page_lines;
	bool		 ascii;		/* --ascii */
	bool		 ready;
	struct profile	 p;
} cfg;

/* The article being laid out. */
struct lp {
	const struct doc	*d;
	const struct profile	*p;
	struct layout		*l;
	struct buf		 tmp;
};

/* ---- Profiles ------------------------------------------------------------ */

static int
profile_key(const char *key, const char *value, const char *path,
    unsigned line, void *arg)
{
	struct profile	*p = arg;
	struct device	*dev = &p->dev;
	bool		 ok;

	if (strcmp(key, "width") == 0)
		ok = conf_uint(value, MIN_WIDTH, MAX_WIDTH, &dev->width);
	else if (strcmp(key, "page-lines") == 0)
		ok = conf_uint(value, 0, 10000, &dev->page_lines);
	else if (strcmp(key, "line-spacing") == 0)
		ok = conf_uint(value, 1, 2, &dev->line_spacing);
	else if (strcmp(key, "page-number") == 0)
		ok = layout_page_number(value, &dev->page_number);
	else if (strcmp(key, "form-feed") == 0)
		ok = conf_bool(value, &dev->form_feed);
	else if (strcmp(key, "running-header") == 0)
		ok = conf_bool(value, &dev->running_header);
	else if (strcmp(key, "ascii") == 0)
		ok = conf_bool(value, &p->ascii);
	else {
		diag_line("%s:%u: unknown key '%s' (keys: "
		    "width, page-lines, line-spacing, page-number, "
		    "form-feed, running-header, ascii)", path, line, key);
		return -1;
	}
	if (!ok) {
		diag_line("%s:%u: bad value '%s' for %s", path,
		    line, value, key);
		return -1;
	}
	return 0;
}

static void	 page_number(void *, size_t, size_t, struct buf *);

static void
set_layout(const char *arg)
{
	cfg.layout = arg;
}

static void
set_width(const char *arg)
{
	cfg.width = (unsigned)opts_number("--width", arg, MIN_WIDTH,
	    MAX_WIDTH, false);
}

static void
set_page_lines(const char *arg)
{
	cfg.page_lines = (unsigned)opts_number("--page-lines", arg, 0, 10000,
	    false);
	cfg.has_page_lines = true;
}

static void
set_ascii(const char *arg)
{
	(void)arg;
	cfg.ascii = true;
}

static char *
layout_names(void)
{
	return data_names("large-print", ".conf");
}

static const struct optdef lp_optdefs[] = {
	{ "layout", 0, "NAME|FILE", "page profile: %s", layout_names,
	    "In styles/large-print (18pt is the default), or a file of "
	    "key = value lines: width, page-lines, line-spacing, "
	    "page-number (bottom, top or none), form-feed, running-header, "
	    "ascii.", set_layout },
	{ "width", 0, "N", "columns (20 to 400)", NULL,
	    "Overrides the profile's.", set_width },
	{ "page-lines", 0, "N", "lines a page, page number included\n"
	    "(0: no pages)", NULL, "Overrides the profile's.",
	    set_page_lines },
	{ "ascii", 0, NULL, "ASCII punctuation and letters, for old "
	    "printers", NULL, "Quotes, dashes and accented letters made "
	    "plain; what has no ASCII form is kept, never dropped.",
	    set_ascii },
	{ NULL, 0, NULL, NULL, NULL, NULL, NULL },
};

static void
reset(void)
{
	cfg.layout = NULL;
	cfg.width = 0;
	cfg.has_page_lines = false;
	cfg.page_lines = 0;
	cfg.ascii = false;
}

static const struct optgroup lp_options = {
	"Large print", lp_optdefs, reset,
};

static int
lp_setup(void)
{
	const char	*name = cfg.layout != NULL ? cfg.layout : "18pt";
	struct profile	*p = &cfg.p;
	struct device	*dev = &p->dev;

	if (cfg.ready)
		return 0;
	memset(p, 0, sizeof(*p));
	dev->width = 40;
	dev->line_spacing = 1;
	dev->page_number = PAGE_NUMBER_BOTTOM;
	dev->number_apart = true;
	dev->keep_lines = 2;
	if (conf_load("large-print", name, "--layout", "layout", profile_key,
	    p) == -1)
		return -1;
	if (cfg.width != 0)
		dev->width = cfg.width;
	if (cfg.has_page_lines)
		dev->page_lines = cfg.page_lines;
	if (cfg.ascii)
		p->ascii = true;
	if (layout_check(dev, "page") == -1)
		return -1;
	/* Marks a word that goes on: never a hyphen, which could be the
	 * word's own. */
	dev->marker = p->ascii ? "\\" : "\xe2\x86\x92";
	dev->ellipsis = p->ascii ? "..." : "\xe2\x80\xa6";
	dev->number = page_number;
	cfg.ready = true;
	return 0;
}

/* ---- ASCII ------------------------------------------------------------- */

/* Append s to b, in ASCII if the profile asks for it. */
static void
put_text(const struct lp *l, struct buf *b, const char *s, size_t len)
{
	size_t	 i, n;
	int32_t	 cp;

	if (!l->p->ascii) {
		buf_put(b, s, len);
		return;
	}
	for (i = 0; i < len; i += n) {
		n = utf8_next(s + i, len - i, &cp);
		text_ascii(b, cp);
	}
}

/* ---- Blocks ------------------------------------------------------------- */

/*
 * Set len bytes of s into l->tmp as they will be printed: a block of
 * capitals ("THE ART OF WAR", a Gutenberg chapter title) in sentence
 * case, acronyms kept, since capitals are harder to read for low vision
 * (words lose their shape); in ASCII if the profile asks for it.
 */
static void
set_text(struct lp *l, const char *s, size_t len)
{
	struct buf	 cased = { 0 };

	buf_reset(&l->tmp);
	if (text_is_capitals(s, len)) {
		text_sentence_case(&cased, s, len);
		put_text(l, &l->tmp, cased.data, cased.len);
		buf_free(&cased);
	} else
		put_text(l, &l->tmp, s, len);
}

/* The text of n's inlines as it will be printed, into l->tmp. */
static void
text_of(struct lp *l, const struct node *n)
{
	struct buf	 raw = { 0 };

	tree_text(n, TT_LEAD_IN_CASE | TT_NO_CREDIT | TT_LINK_HREF, &raw);
	/* Trailing space (before a credit, say) would wrap to nothing. */
	while (raw.len > 0 && raw.data[raw.len - 1] == ' ')
		raw.len--;
	set_text(l, raw.data ? raw.data : "", raw.len);
	buf_free(&raw);
}

/* A heading: wrapped, then a rule as wide as its widest line. */
static void
add_heading(struct lp *l, const char *text, size_t len, char rule,
    unsigned flags)
{
	size_t	 w;
	char	*line;

	layout_block(l->l, flags);
	layout_text(l->l, text, len, "", "");
	w = layout_width(l->l);
	line = xmalloc(w + 1);
	memset(line, rule, w);
	line[w] = '\0';
	layout_line(l->l, line);
	free(line);
}

/* A labelled text: "Photo caption: ..." with the text after the label. */
static void
add_labelled(struct lp *l, enum label which, const char *text, size_t len)
{
	struct label_text lt = label_get(l->d->meta.language, which);
	struct buf	 s = { 0 };

	put_text(l, &s, lt.text, strlen(lt.text));
	buf_puts(&s, ": ");
	buf_put(&s, text, len);
	layout_text(l->l, s.data, s.len, "", "");
	buf_free(&s);
}

static void add_blocks(struct lp *, const struct node *, const char *);

static void
add_list(struct lp *l, const struct node *list, const char *indent)
{
	const struct node *item;
	unsigned	 num = list->u.list.start;
	char		 marker[32], hang[40], first[64];
	size_t		 mcols, widest = 0;
	unsigned	 flags = BLOCK_GAP;

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
		layout_block(l->l, flags);
		layout_text(l->l, l->tmp.data, l->tmp.len, first, hang);
		flags = 0;
	}
}

/*
 * A preformatted block: what it is ("Diagram, 12 lines:"), then its lines
 * as they are, cut where wider than the page, never reflowed.
 */
static void
add_pre(struct lp *l, const struct node *k, const char *indent)
{
	struct buf	 s = { 0 };
	const char	*t = k->first->text, *nl;
	size_t		 len = k->first->len, n;

	layout_block(l->l, BLOCK_GAP | BLOCK_KEEP);
	label_preformatted(l->d->meta.language, k->u.pre, pre_lines(k), &s);
	buf_putc(&s, ':');
	buf_reset(&l->tmp);
	put_text(l, &l->tmp, s.data, s.len);
	layout_text(l->l, l->tmp.data, l->tmp.len, indent, indent);
	layout_block(l->l, BLOCK_SPLIT);
	for (;;) {
		nl = memchr(t, '\n', len);
		n = nl != NULL ? (size_t)(nl - t) : len;
		buf_reset(&l->tmp);
		put_text(l, &l->tmp, t, n);
		layout_pre(l->l, l->tmp.data ? l->tmp.data : "", l->tmp.len,
		    indent);
		if (nl == NULL)
			break;
		len -= n + 1;
		t = nl + 1;
	}
	buf_free(&s);
}

static void
add_blocks(struct lp *l, const struct node *k, const char *indent)
{
	unsigned	 width = l->p->dev.width;
	struct label_text lt;
	char		 deeper[64];

	for (; k != NULL; k = k->next) {
		switch (k->type) {
		case NODE_BYLINE:
		case NODE_DOCUMENT:
			/* Bylines are in the header. */
			break;
		case NODE_HEADING:
			text_of(l, k);
			add_heading(l, l->tmp.data, l->tmp.len, '-',
			    BLOCK_GAP | BLOCK_KEEP);
			break;
		case NODE_PARAGRAPH:
			text_of(l, k);
			layout_block(l->l, BLOCK_GAP | BLOCK_SPLIT);
			layout_text(l->l, l->tmp.data, l->tmp.len, indent,
			    indent);
			break;
		case NODE_CAPTION:
			layout_block(l->l, BLOCK_GAP);
			text_of(l, k);
			add_labelled(l, LABEL_PHOTO, l->tmp.data, l->tmp.len);
			if (k->last != NULL && k->last->type == NODE_CREDIT) {
				buf_reset(&l->tmp);
				put_text(l, &l->tmp, k->last->first->text,
				    k->last->first->len);
				add_labelled(l, LABEL_CREDIT, l->tmp.data,
				    l->tmp.len);
			}
			break;
		case NODE_BLOCKQUOTE:
			/* A quote in a quote goes further in. */
			snprintf(deeper, sizeof(deeper), "%s%s", indent,
			    QUOTE_INDENT);
			add_blocks(l, k->first, deeper);
			break;
		case NODE_LIST:
			add_list(l, k, indent);
			break;
		case NODE_PREFORMATTED:
			add_pre(l, k, indent);
			break;
		case NODE_BACK_MATTER:
			lt = label_get(l->d->meta.language,
			    label_back_matter((int)k->u.back));
			buf_reset(&l->tmp);
			put_text(l, &l->tmp, lt.text, strlen(lt.text));
			add_heading(l, l->tmp.data, l->tmp.len, '-',
			    BLOCK_GAP | BLOCK_KEEP);
			add_blocks(l, k->first, indent);
			break;
		case NODE_THEMATIC_BREAK:
			layout_block(l->l, BLOCK_GAP);
			buf_reset(&l->tmp);
			buf_printf(&l->tmp, "%*s* * *", (int)(width - 5) / 2,
			    "");
			layout_line(l->l, l->tmp.data);
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

/* A line of the header (meta_header()), flush left. */
static void
header_line(enum header_part part, const struct node *byline,
    const char *text, void *arg)
{
	struct lp	*l = arg;

	if (part == HEADER_BYLINE)
		text_of(l, byline);
	else if (part == HEADER_SUBTITLE)
		set_text(l, text, strlen(text));
	else {
		buf_reset(&l->tmp);
		put_text(l, &l->tmp, text, strlen(text));
	}
	layout_text(l->l, l->tmp.data, l->tmp.len, "", "");
}

/* Title, subtitle, bylines (or authors), date and source. */
static void
add_header(struct lp *l)
{
	const struct meta *m = &l->d->meta;

	set_text(l, m->title, strlen(m->title));
	add_heading(l, l->tmp.data, l->tmp.len, '=', 0);
	layout_block(l->l, BLOCK_GAP);
	meta_header(l->d, header_line, l);
	if (layout_empty(l->l))
		layout_drop(l->l);
}

/* "Page 3 of 7" in the article's language (the device's number line). */
static void
page_number(void *arg, size_t n, size_t of, struct buf *out)
{
	struct lp	*l = arg;
	struct label_text page = label_get(l->d->meta.language, LABEL_PAGE);
	struct label_text ofl = label_get(l->d->meta.language, LABEL_OF);
	struct buf	 s = { 0 };

	buf_printf(&s, "%s %zu %s %zu", page.text, n, ofl.text, of);
	put_text(l, out, s.data, s.len);
	buf_free(&s);
}

static int
lp_write(struct ctx *ctx, struct sink *sink)
{
	struct lp	 l;
	struct device	 dev = cfg.p.dev;
	struct buf	 b = { 0 };
	int		 rc;

	memset(&l, 0, sizeof(l));
	l.d = ctx_doc(ctx);
	l.p = &cfg.p;
	dev.arg = &l;
	l.l = layout_new(&dev, lang_get(l.d->meta.language));
	add_header(&l);
	add_blocks(&l, l.d->root->first, "");
	layout_render(l.l, &b);
	rc = fwrite(b.data, 1, b.len, sink_stream(sink)) == b.len ? 0 : -1;
	layout_free(l.l);
	buf_free(&l.tmp);
	buf_free(&b);
	return rc;
}

const struct writer writer_largeprint = {
	.name = "large-print",
	.ext = ".large-print.txt",
	.summary = "paged large-print text",
	.by_default = true,
	.options = &lp_options,
	.setup = lp_setup,
	.write = lp_write,
};
