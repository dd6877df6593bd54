/* SPDX-License-Identifier: ISC */
/*
 * words SOURCE TREE.xml: check that every word of the source reaches the
 * document tree (`lector -t tree`), in order, printing one TAP line.  An
 * oracle independent of the reader's heuristics and of its decoder: the
 * source is read here (UTF-8 only), its words taken line by line (after
 * the header block, without list and quote markers); the tree's are the
 * metadata found in the text and the blocks, in line order.  A word is a
 * run of letters, marks and digits.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "lib/oracle.h"

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
	char	*line;

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
	first_end = header ? k : i;
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
		line = strndup(t + k, end - k);
		words_add(w, line, false);
		free(line);
	}
}

struct item {
	unsigned long	 line;
	size_t		 order;	/* for equal lines: the order added */
	char		*text;
};

struct items {
	struct item	*v;
	size_t		 n;
	size_t		 cap;
};

static void
add_item(struct items *it, xmlNodePtr n)
{
	char	*line = elem_attr(n, "line");

	if (line == NULL)
		return;		/* not found in the text */
	if (it->n == it->cap) {
		it->cap = it->cap ? it->cap * 2 : 32;
		it->v = realloc(it->v, it->cap * sizeof(*it->v));
	}
	it->v[it->n].line = strtoul(line, NULL, 10);
	it->v[it->n].order = it->n;
	it->v[it->n].text = elem_text(n);
	it->n++;
	xmlFree(line);
}

static int
cmp_item(const void *a, const void *b)
{
	const struct item *x = a, *y = b;

	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

/* Blocks, with lists and quotes taken item by item. */
static void
add_blocks(struct items *it, xmlNodePtr k)
{
	for (; k != NULL; k = elem_next(k)) {
		if (elem_is(k, "list") || elem_is(k, "blockquote"))
			add_blocks(it, elem_first(k->children));
		else
			add_item(it, k);
	}
}

int
main(int argc, char *argv[])
{
	struct words	 want = { 0 }, got = { 0 };
	struct items	 it = { 0 };
	const char	*why;
	char		*src, what[4096];
	size_t		 len, i;
	xmlDocPtr	 x;
	int		 rc;

	if (argc != 3) {
		fprintf(stderr, "usage: words SOURCE TREE.xml\n");
		return 2;
	}
	snprintf(what, sizeof(what), "words %s", argv[1]);
	if ((src = oracle_source(argv[1], &len, &why)) == NULL) {
		printf("not ok %s: %s\n", what, why);
		return 1;
	}
	if ((x = tree_load(argv[2], what)) == NULL)
		return 1;
	source_words(&want, src, len);
	add_item(&it, tree_meta(x, "title"));
	add_item(&it, tree_meta(x, "subtitle"));
	add_item(&it, tree_meta(x, "date"));
	add_blocks(&it, tree_body(x));
	qsort(it.v, it.n, sizeof(*it.v), cmp_item);
	for (i = 0; i < it.n; i++) {
		words_add(&got, it.v[i].text, false);
		free(it.v[i].text);
	}
	rc = words_same(&want, &got, what);
	free(it.v);
	words_free(&want);
	words_free(&got);
	xmlFreeDoc(x);
	free(src);
	return rc;
}
