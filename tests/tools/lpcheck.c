/* SPDX-License-Identifier: ISC */
/*
 * lpcheck WIDTH PAGE-LINES INPUT OUTPUT: check a large-print layout
 * against the article it came from, printing one "ok"/"not ok" line for
 * each of:
 *   - no line is wider than WIDTH display columns;
 *   - with PAGE-LINES > 0: every page is exactly PAGE-LINES lines, ends
 *     with a blank line and "Page I of N" (in the article's language),
 *     pages after the first start with a form feed, and no page ends
 *     with a heading;
 *   - the words of the layout are the words of the article's tree, in
 *     order (case aside, for the lead-in), with the labels lector adds
 *     ("Photo caption", "Credit", "By") and list numbers where they go,
 *     and the pieces of a word broken across lines joined again.
 * For the default profiles (no running header, numbers at the bottom).
 */
#include "common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "buf.h"
#include "diag.h"
#include "labels.h"
#include "options.h"
#include "parse.h"
#include "source.h"
#include "text.h"
#include "tree.h"
#include "utf8.h"

#define MARKER	"\xe2\x86\x92"	/* ends a piece of a broken word */

struct words {
	char	**v;
	size_t	 n;
	size_t	 cap;
};

static void
push(struct words *w, const char *s, size_t len)
{
	if (w->n == w->cap) {
		w->cap = w->cap ? w->cap * 2 : 256;
		w->v = realloc(w->v, w->cap * sizeof(*w->v));
	}
	w->v[w->n++] = strndup(s, len);
}

/* Case-folded words (letters, marks, digits) of s. */
static void
add_words(struct words *w, const char *s)
{
	utf8proc_uint8_t *f = NULL;
	size_t		 i, n, start = 0, len;
	int32_t		 cp;
	bool		 in = false, word;
	utf8proc_category_t c;

	if (utf8proc_map((const utf8proc_uint8_t *)s, 0, &f,
	    UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE |
	    UTF8PROC_CASEFOLD) < 0)
		return;
	len = strlen((char *)f);
	for (i = 0; i <= len; i += n) {
		n = 1;
		word = false;
		if (i < len) {
			n = utf8_next((char *)f + i, len - i, &cp);
			c = utf8proc_category(cp);
			word = (c >= UTF8PROC_CATEGORY_LU &&
			    c <= UTF8PROC_CATEGORY_ND) ||
			    c == UTF8PROC_CATEGORY_NL ||
			    c == UTF8PROC_CATEGORY_NO;
		}
		if (word && !in)
			start = i;
		if (!word && in)
			push(w, (char *)f + start, i - start);
		in = word;
	}
	free(f);
}

static void
label(struct words *w, const struct doc *d, enum label which)
{
	add_words(w, label_get(d->meta.language, which).text);
}

/* Inline text as the writer prints it: links followed by their href. */
static void
inline_words(struct doc *d, const struct node *n, struct words *w)
{
	const struct node *k;

	for (k = n->first; k != NULL; k = k->next) {
		if (k->type == NODE_CREDIT)
			continue;
		add_words(w, node_text(d, k));
		if (k->type == NODE_LINK && strcmp(node_text(d, k),
		    k->u.href) != 0)
			add_words(w, k->u.href);
	}
}

static void
block_words(struct doc *d, const struct node *k, struct words *w)
{
	const struct node *item;
	char		 num[16];
	unsigned	 i;

	for (; k != NULL; k = k->next) {
		switch (k->type) {
		case NODE_BYLINE:
			break;
		case NODE_LIST:
			i = k->u.list.start;
			for (item = k->first; item; item = item->next) {
				if (k->u.list.ordered) {
					snprintf(num, sizeof(num), "%u", i++);
					add_words(w, num);
				}
				inline_words(d, item, w);
			}
			break;
		case NODE_BLOCKQUOTE:
			block_words(d, k->first, w);
			break;
		case NODE_CAPTION:
			label(w, d, LABEL_PHOTO);
			inline_words(d, k, w);
			if (k->last->type == NODE_CREDIT) {
				label(w, d, LABEL_CREDIT);
				add_words(w, node_text(d, k->last));
			}
			break;
		default:
			inline_words(d, k, w);
			break;
		}
	}
}

static void
expected(struct doc *d, struct words *w)
{
	const struct meta *m = &d->meta;
	const struct node *k;
	size_t		 i;
	bool		 byline = false;

	add_words(w, m->title);
	if (m->subtitle != NULL)
		add_words(w, m->subtitle);
	for (k = d->root->first; k != NULL; k = k->next)
		if (k->type == NODE_BYLINE) {
			inline_words(d, k, w);
			byline = true;
		}
	for (i = 0; !byline && i < m->nauthors; i++) {
		if (i == 0)
			label(w, d, LABEL_BY);
		else if (i + 1 == m->nauthors)
			label(w, d, LABEL_AND);
		add_words(w, m->authors[i]);
	}
	if (m->date != NULL)
		add_words(w, m->date);
	if (m->source != NULL)
		add_words(w, m->source);
	block_words(d, d->root->first, w);
}

static bool
ends_with(const char *s, const char *suffix)
{
	size_t	 n = strlen(s), m = strlen(suffix);

	return n >= m && strcmp(s + n - m, suffix) == 0;
}

int
main(int argc, char *argv[])
{
	struct options	 opts;
	struct source	 src, out;
	struct words	 want = { 0 }, got = { 0 };
	struct buf	 text = { 0 }, pageline = { 0 };
	struct doc	*d;
	char		**lines = NULL, *s, *line;
	size_t		 nlines = 0, cap = 0, i, width, page_lines, npages;
	size_t		 wide = 0, bad_page = 0, k;
	const char	*name, *why = NULL;
	struct label_text pl, of;
	int		 rc = 0;

	if (argc != 5) {
		fprintf(stderr, "usage: lpcheck WIDTH PAGE-LINES INPUT "
		    "OUTPUT\n");
		return 2;
	}
	width = strtoul(argv[1], NULL, 10);
	page_lines = strtoul(argv[2], NULL, 10);
	name = argv[4];
	memset(&opts, 0, sizeof(opts));
	diag_set_verbosity(-2);
	if (source_load(argv[3], 0, &src) == -1 ||
	    source_load(argv[4], 0, &out) == -1) {
		printf("not ok lpcheck %s: cannot read\n", name);
		return 1;
	}
	d = parse_text(src.text, src.len, argv[3], &opts);

	/* Lines, as the bytes have them (source_load made \f a line end,
	 * so split the raw output instead). */
	free(out.text);
	{
		FILE	*f = fopen(argv[4], "rb");
		char	 chunk[8192];
		size_t	 n;

		while (f != NULL && (n = fread(chunk, 1, sizeof(chunk), f)) > 0)
			buf_put(&text, chunk, n);
		if (f != NULL)
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
		if (text_cols(s, strlen(s)) > width) {
			if (wide++ == 0)
				printf("#   line %zu: %zu columns: %s\n", i + 1,
				    text_cols(s, strlen(s)), s);
		}
	}
	if (wide == 0 && why == NULL)
		printf("ok lpcheck %s: no line over %zu columns\n", name, width);
	else {
		printf("not ok lpcheck %s: %zu lines over %zu columns%s%s\n",
		    name, wide, width, why ? ": " : "", why ? why : "");
		rc = 1;
	}

	/* Pages: exact length, number at the foot, form feeds. */
	npages = page_lines > 0 ? nlines / page_lines : 0;
	pl = label_get(d->meta.language, LABEL_PAGE);
	of = label_get(d->meta.language, LABEL_OF);
	if (page_lines > 0) {
		if (nlines % page_lines != 0)
			bad_page++;
		for (k = 0; k < npages && bad_page == 0; k++) {
			buf_reset(&pageline);
			buf_printf(&pageline, "%s %zu %s %zu", pl.text, k + 1,
			    of.text, npages);
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
		/* A heading (text over a rule) is never last on a page. */
		for (k = 0; k < npages && bad_page == 0; k++) {
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
			printf("ok lpcheck %s: %zu pages of %zu lines\n", name,
			    npages, page_lines);
		else {
			printf("not ok lpcheck %s: pages (%zu lines, not a "
			    "multiple of %zu, or badly numbered)\n", name,
			    nlines, page_lines);
			rc = 1;
		}
	}

	/* Words, with broken words joined and page numbers left out. */
	buf_reset(&pageline);
	for (i = 0; i < nlines; i++) {
		s = lines[i] + (lines[i][0] == '\f');
		if (page_lines > 0 && (i + 1) % page_lines == 0)
			continue;
		buf_puts(&pageline, s);
		if (ends_with(s, MARKER) && strlen(s) > strlen(MARKER) &&
		    s[strlen(s) - strlen(MARKER) - 1] != ' ')
			pageline.len -= strlen(MARKER);
		else
			buf_putc(&pageline, '\n');
	}
	add_words(&got, pageline.data ? pageline.data : "");
	expected(d, &want);
	for (i = 0; i < want.n && i < got.n; i++)
		if (strcmp(want.v[i], got.v[i]) != 0)
			break;
	if (i == want.n && i == got.n)
		printf("ok lpcheck %s: %zu words in order\n", name, want.n);
	else {
		printf("not ok lpcheck %s: word %zu of %zu: want '%s', got "
		    "'%s'\n", name, i, want.n, i < want.n ? want.v[i] : "(end)",
		    i < got.n ? got.v[i] : "(end)");
		rc = 1;
	}
	for (i = 0; i < want.n; i++)
		free(want.v[i]);
	for (i = 0; i < got.n; i++)
		free(got.v[i]);
	free(want.v);
	free(got.v);
	free(lines);
	buf_free(&text);
	buf_free(&pageline);
	doc_free(d);
	free(src.text);
	return rc;
}
