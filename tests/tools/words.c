/* SPDX-License-Identifier: ISC */
/*
 * words FILE...: for each article, check that every word of the source
 * reaches the document tree, in order.  An oracle independent of the
 * reader's heuristics: the source's words are taken line by line (after
 * the header block, without list and quote markers), the tree's from its
 * metadata lines and blocks in line order, and the two sequences must be
 * equal.  A word is a run of letters, marks and digits.
 */
#include "common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <utf8proc.h>

#include "buf.h"
#include "diag.h"
#include "options.h"
#include "parse.h"
#include "source.h"
#include "tree.h"
#include "utf8.h"

struct words {
	char	**v;
	size_t	 n;
	size_t	 cap;
};

static bool
word_char(int32_t cp)
{
	utf8proc_category_t c = utf8proc_category(cp);

	return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_ND) ||
	    c == UTF8PROC_CATEGORY_NL || c == UTF8PROC_CATEGORY_NO;
}

static void
add_words(struct words *w, const char *s, size_t len)
{
	size_t	 i, n, start = 0;
	int32_t	 cp;
	bool	 in = false;

	for (i = 0; i <= len; i += n) {
		n = 1;
		cp = 0;
		if (i < len)
			n = utf8_next(s + i, len - i, &cp);
		if (i < len && word_char(cp)) {
			if (!in)
				start = i;
			in = true;
			continue;
		}
		if (in) {
			if (w->n == w->cap) {
				w->cap = w->cap ? w->cap * 2 : 256;
				w->v = realloc(w->v, w->cap * sizeof(*w->v));
			}
			w->v[w->n++] = strndup(s + start, i - start);
		}
		in = false;
	}
}

static const char *const header_keys[] = {
	"title:", "headline:", "subtitle:", "author:", "authors:", "by:",
	"date:", "language:", "lang:", "source:", "publication:",
};

static bool
header_line(const char *s, size_t len)
{
	size_t	 k, n;

	for (k = 0; k < sizeof(header_keys) / sizeof(header_keys[0]); k++) {
		n = strlen(header_keys[k]);
		if (len > n && strncasecmp(s, header_keys[k], n) == 0)
			return true;
	}
	return false;
}

/* Words of the source text, line by line. */
static void
source_words(struct words *w, const char *t, size_t len)
{
	size_t	 i, end, k, first_end;
	bool	 header = true;

	/* A first block made only of header lines is metadata. */
	for (i = 0; i < len && t[i] == '\n'; i++)
		continue;
	for (k = i; k < len; k = end + 1) {
		end = k;
		while (end < len && t[end] != '\n')
			end++;
		if (end == k)
			break;
		if (!header_line(t + k, end - k))
			header = false;
	}
	first_end = k;
	if (!header)
		first_end = i;
	for (i = first_end; i < len; i = end + 1) {
		for (end = i; end < len && t[end] != '\n'; end++)
			continue;
		k = i;
		while (k < end && (t[k] == ' ' || t[k] == '\t' || t[k] == '>'))
			k++;
		/* List markers: "- ", "* ", "• ", "1. ", "2) ". */
		if (k + 1 < end && strchr("-*", t[k]) && t[k + 1] == ' ')
			k += 2;
		else if (end - k > 4 && memcmp(t + k, "\xe2\x80\xa2 ", 4) == 0)
			k += 4;
		else {
			size_t	 d = k;

			while (d < end && d - k < 3 && t[d] >= '0' && t[d] <= '9')
				d++;
			if (d > k && d + 1 < end && (t[d] == '.' || t[d] == ')')
			    && t[d + 1] == ' ')
				k = d + 2;
		}
		add_words(w, t + k, end - k);
	}
}

struct item {
	unsigned	 line;
	size_t		 order;	/* for equal lines: the order added */
	const char	*text;
};

static int
cmp_item(const void *a, const void *b)
{
	const struct item *x = a, *y = b;

	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

struct items {
	struct item	*v;
	size_t		 n;
	size_t		 cap;
};

static void
add_item(struct items *it, unsigned line, const char *text)
{
	if (it->n == it->cap) {
		it->cap = it->cap ? it->cap * 2 : 32;
		it->v = realloc(it->v, it->cap * sizeof(*it->v));
	}
	it->v[it->n] = (struct item){ line, it->n, text };
	it->n++;
}

/* Blocks, with lists and quotes taken item by item. */
static void
add_blocks(struct items *it, struct doc *d, const struct node *first)
{
	const struct node *k;

	for (k = first; k != NULL; k = k->next) {
		if (k->type == NODE_LIST || k->type == NODE_BLOCKQUOTE)
			add_blocks(it, d, k->first);
		else
			add_item(it, k->line, node_text(d, k));
	}
}

/* Words of the tree: text-found metadata and blocks in line order. */
static void
tree_words(struct words *w, struct doc *d)
{
	struct items	 it = { 0 };
	size_t		 i;

	if (d->meta.title_line > 0)
		add_item(&it, d->meta.title_line, d->meta.title);
	if (d->meta.subtitle_line > 0)
		add_item(&it, d->meta.subtitle_line, d->meta.subtitle);
	if (d->meta.date_line > 0)
		add_item(&it, d->meta.date_line, d->meta.date);
	add_blocks(&it, d, d->root->first);
	qsort(it.v, it.n, sizeof(*it.v), cmp_item);
	for (i = 0; i < it.n; i++)
		add_words(w, it.v[i].text, strlen(it.v[i].text));
	free(it.v);
}

static void
free_words(struct words *w)
{
	size_t	 i;

	for (i = 0; i < w->n; i++)
		free(w->v[i]);
	free(w->v);
}

static void
context(const char *label, const struct words *w, size_t at)
{
	size_t	 i;

	printf("#   %s:", label);
	for (i = at > 3 ? at - 3 : 0; i < w->n && i < at + 4; i++)
		printf(i == at ? " [%s]" : " %s", w->v[i]);
	putchar('\n');
}

static int
check_file(const char *path)
{
	struct options	 opts;
	struct source	 src;
	struct words	 a = { 0 }, b = { 0 };
	struct doc	*d;
	size_t		 i;
	int		 rc = 0;

	memset(&opts, 0, sizeof(opts));
	diag_reset(path);
	if (source_load(path, 0, &src) == -1) {
		printf("not ok words %s: cannot read\n", path);
		return 1;
	}
	d = parse_text(src.text, src.len, path, &opts);
	source_words(&a, src.text, src.len);
	tree_words(&b, d);
	for (i = 0; i < a.n && i < b.n; i++)
		if (strcmp(a.v[i], b.v[i]) != 0)
			break;
	if (i == a.n && i == b.n)
		printf("ok words %s (%zu words)\n", path, a.n);
	else {
		printf("not ok words %s: word %zu of %zu differs\n", path, i,
		    a.n);
		context("source", &a, i);
		context("tree  ", &b, i);
		rc = 1;
	}
	free_words(&a);
	free_words(&b);
	doc_free(d);
	free(src.text);
	return rc;
}

int
main(int argc, char *argv[])
{
	int	 i, rc = 0;

	diag_set_verbosity(-1);
	for (i = 1; i < argc; i++)
		rc |= check_file(argv[i]);
	return rc;
}
