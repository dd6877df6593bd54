/* SPDX-License-Identifier: ISC */
/*
 * lpcheck [--ascii] WIDTH PAGE-LINES TREE.xml OUTPUT: check a large-print layout
 * against the tree of the article it came from (`lector -t tree`),
 * printing one TAP line for each of:
 *   - no line is wider than WIDTH display columns;
 *   - with PAGE-LINES > 0: every page is exactly PAGE-LINES lines, ends
 *     with a blank line and "Page I of N" (in the article's language),
 *     pages after the first start with a form feed, and no page ends
 *     with a heading;
 *   - the words of the layout are the words of the tree, in order (case
 *     aside, for the lead-in), with the labels lector adds ("Photo
 *     caption", "Credit", "By") and list numbers where they go, and the
 *     pieces of a word broken across lines joined again; a wide letter
 *     (Han, kana, Hangul) is a word of its own, since a line may end
 *     between two of them with no space to show it;
 *   - structure: every block of the tree is where it belongs and looks
 *     as it should: the title over a rule of '=', a heading over a rule
 *     of '-', a paragraph's lines at its indent, a caption after its
 *     label with the credit after its own, a list item's first line with
 *     its bullet or number and the others under its text, a quote's
 *     lines indented, a scene break as "* * *"; blocks apart by a blank
 *     line (list items of one list excepted) or a page break.
 * For the default profiles (no running header, numbers at the bottom).
 * With --ascii (a layout made with --ascii, whose words are no longer
 * the tree's), only widths and pages are checked.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "buf.h"
#include "labels.h"
#include "text.h"
#include "tree.h"
#include "lib/oracle.h"

#define MARKER		"\xe2\x86\x92"	/* ends a piece of a broken word */

struct layout {
	char		**rows;		/* the text rows, furniture removed */
	size_t		*page;		/* each row's page, from 0 */
	size_t		 n;
	const char	*lang;
	size_t		 width;
	size_t		 at;		/* the structure check's place */
	char		 msg[512];	/* its first finding */
};

static void	 fail(struct layout *, const char *, ...)
		    __attribute__((format(printf, 2, 3)));

static void
fail(struct layout *l, const char *fmt, ...)
{
	va_list	 ap;

	if (l->msg[0] != '\0')
		return;
	va_start(ap, fmt);
	vsnprintf(l->msg, sizeof(l->msg), fmt, ap);
	va_end(ap);
}

static const char *
label(const struct layout *l, enum label which)
{
	return label_get(l->lang, which).text;
}

static bool
ends_with(const char *s, const char *suffix)
{
	size_t	 n = strlen(s), m = strlen(suffix);

	return n >= m && strcmp(s + n - m, suffix) == 0;
}

static bool
starts_with(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* Append a row's text to b; a broken word's pieces are joined. */
static void
join_row(struct buf *b, const char *s)
{
	const char	*m;

	/* The rest of a broken word, at the indent of its block, after
	 * the blank rows that end a page. */
	if (b->len > 0 && b->data[b->len - 1] != '\n') {
		s += strspn(s, " ");
		if (*s == '\0')
			return;
	}
	/* (--ascii layouts, whose marker is '\\', are not read for words:
	 * a row may end in a backslash of its own.) */
	m = ends_with(s, MARKER) ? MARKER : NULL;
	buf_puts(b, s);
	if (m != NULL && strlen(s) > strlen(m) &&
	    s[strlen(s) - strlen(m) - 1] != ' ')
		b->len -= strlen(m);
	else
		buf_putc(b, '\n');
	b->data[b->len] = '\0';
}

/* ---- The words the layout must hold ----------------------------------------- */

static void
add(struct words *w, const char *s)
{
	words_add_apart(w, s, true);
}

static void
add_text(struct words *w, xmlNodePtr n)
{
	char	*t = elem_text(n);

	add(w, t);
	free(t);
}

/* Inline text as the writer prints it: a link followed by its href. */
static void
inline_words(struct words *w, xmlNodePtr n)
{
	char	*t, *href;

	for (n = n->children; n != NULL; n = n->next) {
		if (elem_is(n, "credit"))
			continue;
		t = elem_text(n);
		add(w, t);
		if (elem_is(n, "link")) {
			href = elem_attr(n, "href");
			if (href != NULL && strcmp(t, href) != 0)
				add(w, href);
			xmlFree(href);
		}
		free(t);
	}
}

/* The kind of a tree's <preformatted> or <back-matter>, as a number. */
static int
kind_of(xmlNodePtr k)
{
	int	 i, found = 0;
	char	*kind = elem_attr(k, "kind");

	for (i = 0; kind != NULL && i < PRE__MAX; i++)
		if ((elem_is(k, "preformatted") && i < PRE__MAX &&
		    strcmp(kind, pre_kind_name((enum pre_kind)i)) == 0) ||
		    (elem_is(k, "back-matter") && i < BACK__MAX &&
		    strcmp(kind, back_kind_name((enum back_kind)i)) == 0))
			found = i;
	xmlFree(kind);
	return found;
}

/* What a preformatted block is called: "Diagram, 3 lines:". */
static void
pre_label(const struct layout *l, xmlNodePtr k, struct buf *out)
{
	char	*t = elem_text(k);
	size_t	 i, lines = 1;

	for (i = 0; t[i] != '\0'; i++)
		lines += t[i] == '\n';
	free(t);
	label_preformatted(l->lang, kind_of(k), lines, out);
	buf_putc(out, ':');
}

static xmlNodePtr
credit_of(xmlNodePtr caption)
{
	xmlNodePtr	 k;

	for (k = elem_first(caption->children); k != NULL; k = elem_next(k))
		if (elem_is(k, "credit"))
			return k;
	return NULL;
}

static void
block_words(const struct layout *l, struct words *w, xmlNodePtr k)
{
	xmlNodePtr	 item;
	char		*start, num[16];
	unsigned long	 i;

	for (; k != NULL; k = elem_next(k)) {
		if (elem_is(k, "byline"))
			continue;
		if (elem_is(k, "list")) {
			start = elem_attr(k, "start");
			i = start != NULL ? strtoul(start, NULL, 10) : 1;
			xmlFree(start);
			for (item = elem_first(k->children); item != NULL;
			    item = elem_next(item)) {
				if (elem_attr_is(k, "ordered", "true")) {
					snprintf(num, sizeof(num), "%lu", i++);
					add(w, num);
				}
				inline_words(w, item);
			}
		} else if (elem_is(k, "blockquote"))
			block_words(l, w, elem_first(k->children));
		else if (elem_is(k, "back-matter")) {
			add(w, label(l, label_back_matter(kind_of(k))));
			block_words(l, w, elem_first(k->children));
		} else if (elem_is(k, "preformatted")) {
			struct buf	 b = { 0 };

			pre_label(l, k, &b);
			add(w, b.data);
			buf_free(&b);
			add_text(w, k);
		} else if (elem_is(k, "caption")) {
			add(w, label(l, LABEL_PHOTO));
			inline_words(w, k);
			if (credit_of(k) != NULL) {
				add(w, label(l, LABEL_CREDIT));
				add_text(w, credit_of(k));
			}
		} else
			inline_words(w, k);
	}
}

static void
expected(const struct layout *l, xmlDocPtr t, struct words *w)
{
	xmlNodePtr	 k;
	bool		 byline = false;
	size_t		 i, n = 0;

	add_text(w, tree_meta(t, "title"));
	if (tree_meta(t, "subtitle") != NULL)
		add_text(w, tree_meta(t, "subtitle"));
	for (k = tree_body(t); k != NULL; k = elem_next(k))
		if (elem_is(k, "byline")) {
			inline_words(w, k);
			byline = true;
		}
	for (k = tree_meta(t, "author"); k != NULL; k = elem_next(k))
		if (elem_is(k, "author"))
			n++;
	for (i = 0, k = tree_meta(t, "author"); !byline && k != NULL;
	    k = elem_next(k)) {
		if (!elem_is(k, "author"))
			continue;
		if (i == 0)
			add(w, label(l, LABEL_BY));
		else if (i + 1 == n)
			add(w, label(l, LABEL_AND));
		add_text(w, k);
		i++;
	}
	if (tree_meta(t, "date") != NULL)
		add_text(w, tree_meta(t, "date"));
	if (tree_meta(t, "source") != NULL)
		add_text(w, tree_meta(t, "source"));
	block_words(l, w, tree_body(t));
}

/* ---- Structure ------------------------------------------------------------- */

static bool
blank(const char *s)
{
	return *s == '\0';
}

/*
 * Skip to the next block: at least one blank row, or a page break, must
 * come first unless together (list items of one list).
 */
static void
next_block(struct layout *l, bool together)
{
	size_t	 from = l->at;

	while (l->at < l->n && blank(l->rows[l->at]))
		l->at++;
	if (l->at >= l->n || from == 0)
		return;
	if (together && l->at != from && l->page[l->at] == l->page[from])
		fail(l, "a blank line inside a list, before row %zu",
		    l->at + 1);
	if (!together && l->at == from && l->page[from] == l->page[from - 1])
		fail(l, "no blank line before the block at row %zu: %s",
		    l->at + 1, l->rows[l->at]);
}

/*
 * Take the rows of one block whose text is want's words: the first row
 * starts with first, the others with rest, and neither is followed by a
 * space; rows may only be blank where a page ends.  Returns the widest
 * row taken, in columns.
 */
static size_t
take(struct layout *l, const char *what, const struct words *want,
    const char *first, const char *rest)
{
	struct words	 got = { 0 };
	struct buf	 b = { 0 };
	const char	*s, *prefix;
	size_t		 cols, widest = 0, i;

	/* A block with no word ("]", "...") still has its row. */
	while (l->msg[0] == '\0' && (got.n < want->n || b.len == 0 ||
	    b.data[b.len - 1] != '\n')) {	/* a word goes on */
		if (l->at >= l->n) {
			fail(l, "%s: the layout ends in it", what);
			break;
		}
		s = l->rows[l->at];
		if (blank(s)) {
			if (l->at + 1 < l->n &&
			    l->page[l->at + 1] != l->page[l->at])
				l->at++;	/* padding at a page's end */
			else if (l->at + 1 < l->n && blank(l->rows[l->at + 1]))
				l->at++;
			else
				fail(l, "%s: a blank line inside it, row %zu",
				    what, l->at + 1);
			continue;
		}
		prefix = b.len == 0 ? first : rest;
		if (!starts_with(s, prefix) || s[strlen(prefix)] == ' ') {
			fail(l, "%s: row %zu does not start with '%s': %s",
			    what, l->at + 1, prefix, s);
			break;
		}
		join_row(&b, s + strlen(prefix));
		cols = text_cols(s, strlen(s));
		if (cols > widest)
			widest = cols;
		words_free(&got);
		words_add_apart(&got, b.data, true);
		l->at++;
	}
	/* Rows of punctuation alone ("***") that end the block. */
	while (l->msg[0] == '\0' && got.n == want->n && l->at < l->n &&
	    !blank(l->rows[l->at]) && starts_with(l->rows[l->at], rest) &&
	    l->rows[l->at][strlen(rest)] != ' ' &&
	    strspn(l->rows[l->at], "=-") != strlen(l->rows[l->at])) {
		struct words	 more = { 0 };
		size_t		 n;

		words_add(&more, l->rows[l->at], true);
		n = more.n;
		words_free(&more);
		if (n > 0)
			break;
		l->at++;
	}
	for (i = 0; l->msg[0] == '\0' && i < want->n; i++)
		if (i >= got.n || strcmp(want->v[i], got.v[i]) != 0) {
			fail(l, "%s: word %zu is '%s', not '%s'", what, i + 1,
			    i < got.n ? got.v[i] : "(none)", want->v[i]);
			break;
		}
	if (l->msg[0] == '\0' && got.n > want->n)
		fail(l, "%s: more words in its rows than in the tree (%s)",
		    what, got.v[want->n]);
	words_free(&got);
	buf_free(&b);
	return widest;
}

/* The rule under a heading: c repeated as wide as the heading. */
static void
rule(struct layout *l, const char *what, char c, size_t cols)
{
	const char	*s;

	while (l->at < l->n && blank(l->rows[l->at]) &&
	    l->at + 1 < l->n && l->page[l->at + 1] != l->page[l->at])
		l->at++;
	s = l->at < l->n ? l->rows[l->at] : "";
	if (strlen(s) != cols || strspn(s, c == '=' ? "=" : "-") != cols)
		fail(l, "%s: no rule of %zu '%c' under it (row %zu: %s)", what,
		    cols, c, l->at + 1, s);
	l->at++;
}

static void
inline_block(struct layout *l, xmlNodePtr k, const char *what,
    const char *first, const char *rest)
{
	struct words	 w = { 0 };

	inline_words(&w, k);
	take(l, what, &w, first, rest);
	words_free(&w);
}

static void	 structure_blocks(struct layout *, xmlNodePtr, const char *);

static void
structure_list(struct layout *l, xmlNodePtr list, const char *indent)
{
	xmlNodePtr	 item;
	char		*start, first[64], rest[64], what[64];
	unsigned long	 num, last;
	int		 width;
	bool		 ordered = elem_attr_is(list, "ordered", "true");
	bool		 together = false;

	start = elem_attr(list, "start");
	num = start != NULL ? strtoul(start, NULL, 10) : 1;
	xmlFree(start);
	last = num;
	for (item = elem_first(list->children); item != NULL;
	    item = elem_next(item))
		last++;
	width = snprintf(NULL, 0, "%lu. ", last - 1);
	for (item = elem_first(list->children); item != NULL;
	    item = elem_next(item), num++) {
		next_block(l, together);
		together = true;
		snprintf(what, sizeof(what), "list item %lu", num);
		if (ordered) {
			snprintf(first, sizeof(first), "%s%*lu. ", indent,
			    width - 2, num);
			snprintf(rest, sizeof(rest), "%s%*s", indent, width,
			    "");
		} else {
			/* A bullet, or "*" in ASCII. */
			snprintf(first, sizeof(first), "%s%s", indent,
			    l->at < l->n && starts_with(l->rows[l->at] +
			    strlen(indent), "* ") ? "* " : "\xe2\x80\xa2 ");
			snprintf(rest, sizeof(rest), "%s  ", indent);
		}
		inline_block(l, item, what, first, rest);
	}
}

/*
 * How many blank rows from row i end its page (none if a row with text
 * follows on the same page).
 */
static size_t
page_padding(const struct layout *l, size_t i)
{
	size_t	 k;

	for (k = i; k < l->n && blank(l->rows[k]) && l->page[k] == l->page[i];
	    k++)
		continue;
	return k < l->n && l->page[k] != l->page[i] ? k - i : 0;
}

/*
 * A preformatted block: its label, then each of its lines as it is, at
 * the indent, cut into pieces that end with the marker where wider than
 * the page; a page may end inside it.
 */
static void
structure_pre(struct layout *l, xmlNodePtr k, const char *what,
    const char *indent)
{
	struct words	 w = { 0 };
	struct buf	 b = { 0 }, got = { 0 };
	char		*text = elem_text(k), *line, *nl;
	const char	*s;
	size_t		 n, pad;

	pre_label(l, k, &b);
	words_add(&w, b.data, true);
	take(l, what, &w, indent, indent);
	words_free(&w);
	for (line = text; line != NULL && l->msg[0] == '\0'; line = nl) {
		if ((nl = strchr(line, '\n')) != NULL)
			*nl++ = '\0';
		/* Padding at a page's foot. */
		if (*line != '\0' && l->at < l->n)
			l->at += page_padding(l, l->at);
		buf_reset(&got);
		for (;;) {
			if (l->at >= l->n) {
				fail(l, "%s: the layout ends in it", what);
				break;
			}
			s = l->rows[l->at++];
			if (*line == '\0' && blank(s))
				break;
			/* A page may end inside a cut line. */
			if (blank(s) && (pad = page_padding(l, l->at - 1)) > 0) {
				l->at += pad - 1;
				continue;
			}
			if (!starts_with(s, indent)) {
				fail(l, "%s: row %zu is not at its indent: %s",
				    what, l->at, s);
				break;
			}
			s += strlen(indent);
			n = strlen(s);
			if (ends_with(s, MARKER) && got.len + n -
			    strlen(MARKER) < strlen(line)) {
				buf_put(&got, s, n - strlen(MARKER));
				continue;
			}
			buf_put(&got, s, n);
			break;
		}
		if (l->msg[0] == '\0' && strcmp(got.data ? got.data : "",
		    line) != 0)
			fail(l, "%s: row %zu is '%s', not the line '%s'", what,
			    l->at, got.data ? got.data : "", line);
	}
	free(text);
	buf_free(&b);
	buf_free(&got);
}

static void
structure_blocks(struct layout *l, xmlNodePtr k, const char *indent)
{
	struct words	 w = { 0 };
	xmlNodePtr	 credit;
	char		 first[128], what[64], *line, deeper[64];
	size_t		 cols, pad;

	for (; k != NULL && l->msg[0] == '\0'; k = elem_next(k)) {
		if (elem_is(k, "byline"))
			continue;
		line = elem_attr(k, "line");
		snprintf(what, sizeof(what), "the %s of line %s",
		    (const char *)k->name, line != NULL ? line : "?");
		xmlFree(line);
		if (elem_is(k, "list")) {
			structure_list(l, k, indent);
			continue;
		}
		if (elem_is(k, "blockquote")) {
			/* A quote in a quote goes further in. */
			snprintf(deeper, sizeof(deeper), "%s  ", indent);
			structure_blocks(l, elem_first(k->children), deeper);
			continue;
		}
		next_block(l, false);
		if (elem_is(k, "back-matter")) {
			/* Its label as a heading, then its blocks. */
			add(&w, label(l, label_back_matter(kind_of(k))));
			cols = take(l, what, &w, "", "");
			rule(l, what, '-', cols);
			words_free(&w);
			structure_blocks(l, elem_first(k->children), indent);
			continue;
		}
		if (elem_is(k, "preformatted"))
			structure_pre(l, k, what, indent);
		else if (elem_is(k, "heading")) {
			inline_words(&w, k);
			cols = take(l, what, &w, "", "");
			rule(l, what, '-', cols);
		} else if (elem_is(k, "paragraph"))
			inline_block(l, k, what, indent, indent);
		else if (elem_is(k, "item"))
			fail(l, "%s: an item outside a list", what);
		else if (elem_is(k, "caption")) {
			snprintf(first, sizeof(first), "%s: ",
			    label(l, LABEL_PHOTO));
			inline_words(&w, k);
			take(l, what, &w, first, "");
			if ((credit = credit_of(k)) != NULL) {
				words_free(&w);
				add_text(&w, credit);
				snprintf(first, sizeof(first), "%s: ",
				    label(l, LABEL_CREDIT));
				take(l, what, &w, first, "");
			}
		} else if (elem_is(k, "thematic-break")) {
			pad = (l->width - 5) / 2;
			if (l->at >= l->n ||
			    strspn(l->rows[l->at], " ") != pad ||
			    strcmp(l->rows[l->at] + pad, "* * *") != 0)
				fail(l, "%s: no centred '* * *' at row %zu",
				    what, l->at + 1);
			l->at++;
		} else
			fail(l, "%s: unknown to the oracle", what);
		words_free(&w);
	}
}

/* The title block and the header block, as large print sets them. */
static void
structure_header(struct layout *l, xmlDocPtr t)
{
	struct words	 w = { 0 };
	size_t		 cols;

	add_text(&w, tree_meta(t, "title"));
	cols = take(l, "the title", &w, "", "");
	rule(l, "the title", '=', cols);
	words_free(&w);
	/* The rest of the header is one block, checked by its words. */
	if (tree_meta(t, "subtitle") != NULL)
		add_text(&w, tree_meta(t, "subtitle"));
	{
		xmlNodePtr	 k;
		size_t		 n = 0, i = 0;
		bool		 byline = false;

		for (k = tree_body(t); k != NULL; k = elem_next(k))
			if (elem_is(k, "byline")) {
				inline_words(&w, k);
				byline = true;
			}
		for (k = tree_meta(t, "author"); k != NULL; k = elem_next(k))
			n += elem_is(k, "author");
		for (k = tree_meta(t, "author"); !byline && k != NULL;
		    k = elem_next(k)) {
			if (!elem_is(k, "author"))
				continue;
			if (i == 0)
				add(&w, label(l, LABEL_BY));
			else if (i + 1 == n)
				add(&w, label(l, LABEL_AND));
			add_text(&w, k);
			i++;
		}
	}
	if (tree_meta(t, "date") != NULL)
		add_text(&w, tree_meta(t, "date"));
	if (tree_meta(t, "source") != NULL)
		add_text(&w, tree_meta(t, "source"));
	if (w.n > 0) {
		next_block(l, false);
		take(l, "the header", &w, "", "");
	}
	words_free(&w);
}

/* ---- main ------------------------------------------------------------------ */

int
main(int argc, char *argv[])
{
	struct layout	 l;
	struct words	 want = { 0 }, got = { 0 };
	struct buf	 text = { 0 }, pageline = { 0 }, all = { 0 };
	xmlDocPtr	 t;
	char		**lines = NULL, *s, *line, what[4096], *lang;
	size_t		 nlines = 0, cap = 0, i, page_lines, npages;
	size_t		 wide = 0, bad_page = 0, k;
	const char	*name, *why = NULL;
	int		 rc = 0;
	bool		 ascii = false;
	FILE		*f;

	if (argc > 1 && strcmp(argv[1], "--ascii") == 0) {
		ascii = true;
		argc--;
		argv++;
	}
	if (argc != 5) {
		fprintf(stderr, "usage: lpcheck [--ascii] WIDTH PAGE-LINES "
		    "TREE.xml OUTPUT\n");
		return 2;
	}
	/* The labels of this source tree (the tests run at its top). */
	setenv("LECTOR_DATADIR", "styles", 0);
	memset(&l, 0, sizeof(l));
	l.width = strtoul(argv[1], NULL, 10);
	page_lines = strtoul(argv[2], NULL, 10);
	name = argv[4];
	snprintf(what, sizeof(what), "lpcheck %s", name);
	if ((t = tree_load(argv[3], what)) == NULL)
		return 1;
	tree_unwrap_sentences(t);
	lang = elem_text(tree_meta(t, "language"));
	l.lang = lang;
	if ((f = fopen(argv[4], "rb")) == NULL) {
		printf("not ok %s: cannot read\n", what);
		return 1;
	}
	{
		char	 chunk[8192];
		size_t	 n;

		while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
			buf_put(&text, chunk, n);
		fclose(f);
	}
	for (s = text.data; s != NULL && *s != '\0'; s = line + 1) {
		line = strchr(s, '\n');
		if (line == NULL) {
			why = "no final newline";
			break;
		}
		*line = '\0';
		if (nlines == cap) {
			cap = cap ? cap * 2 : 256;
			lines = realloc(lines, cap * sizeof(*lines));
		}
		lines[nlines++] = s;
	}

	for (i = 0; i < nlines; i++) {
		s = lines[i] + (lines[i][0] == '\f');
		if (text_cols(s, strlen(s)) > l.width) {
			if (wide++ == 0)
				printf("#   line %zu: %zu columns: %s\n", i + 1,
				    text_cols(s, strlen(s)), s);
		}
	}
	if (wide == 0 && why == NULL)
		printf("ok %s: no line over %zu columns\n", what, l.width);
	else {
		printf("not ok %s: %zu lines over %zu columns%s%s\n", what,
		    wide, l.width, why ? ": " : "", why ? why : "");
		rc = 1;
	}

	/* Pages: exact length, number at the foot, form feeds. */
	npages = page_lines > 0 ? nlines / page_lines : 0;
	if (page_lines > 0) {
		if (nlines % page_lines != 0)
			bad_page++;
		for (k = 0; k < npages && bad_page == 0; k++) {
			buf_reset(&pageline);
			buf_printf(&pageline, "%s %zu %s %zu",
			    label(&l, LABEL_PAGE), k + 1, label(&l, LABEL_OF),
			    npages);
			if (strcmp(lines[(k + 1) * page_lines - 1],
			    pageline.data) != 0 ||
			    lines[(k + 1) * page_lines - 2][0] != '\0' ||
			    (k > 0) != (lines[k * page_lines][0] == '\f')) {
				printf("#   page %zu does not end with a blank "
				    "line and '%s', or its form feed is "
				    "wrong\n", k + 1, pageline.data);
				bad_page++;
			}
		}
		/*
		 * A heading (text over a rule) is never last on a page, but
		 * on the last, where nothing is left to keep it with.
		 */
		for (k = 0; k + 1 < npages && bad_page == 0; k++) {
			size_t	 last = (k + 1) * page_lines - 2;

			while (last > k * page_lines && lines[last][0] == '\0')
				last--;
			s = lines[last] + (lines[last][0] == '\f');
			if (*s != '\0' && strspn(s, "-=") == strlen(s)) {
				printf("#   page %zu ends with a heading\n",
				    k + 1);
				bad_page++;
			}
		}
		if (bad_page == 0)
			printf("ok %s: %zu pages of %zu lines\n", what, npages,
			    page_lines);
		else {
			printf("not ok %s: pages (%zu lines, not a multiple "
			    "of %zu, or badly numbered)\n", what, nlines,
			    page_lines);
			rc = 1;
		}
	}

	/* The text rows: page numbers and the blank line above them out. */
	l.rows = calloc(nlines + 1, sizeof(*l.rows));
	l.page = calloc(nlines + 1, sizeof(*l.page));
	for (i = 0; i < nlines; i++) {
		if (page_lines > 0 && (i + 2) % page_lines < 2)
			continue;
		l.rows[l.n] = lines[i] + (lines[i][0] == '\f');
		l.page[l.n++] = page_lines > 0 ? i / page_lines : 0;
	}

	if (ascii)
		goto out;

	/* Words, with broken words joined. */
	for (i = 0; i < l.n; i++)
		join_row(&all, l.rows[i]);
	words_add_apart(&got, all.data != NULL ? all.data : "", true);
	expected(&l, t, &want);
	snprintf(what, sizeof(what), "lpcheck %s: words in order", name);
	rc |= words_same(&want, &got, what);

	/* Structure: block by block. */
	structure_header(&l, t);
	structure_blocks(&l, tree_body(t), "");
	while (l.at < l.n && blank(l.rows[l.at]))
		l.at++;
	if (l.msg[0] == '\0' && l.at < l.n)
		fail(&l, "row %zu is more than the tree holds: %s", l.at + 1,
		    l.rows[l.at]);
	if (l.msg[0] == '\0')
		printf("ok lpcheck %s: structure\n", name);
	else {
		printf("not ok lpcheck %s: structure: %s\n", name, l.msg);
		rc = 1;
	}

out:
	words_free(&want);
	words_free(&got);
	free(l.rows);
	free(l.page);
	free(lines);
	free(lang);
	buf_free(&text);
	buf_free(&pageline);
	buf_free(&all);
	xmlFreeDoc(t);
	return rc;
}
