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

/* The length of a list marker at s: "- ", "* ", "• ", "1. ", "2) "; or 0. */
static size_t
list_marker(const char *s, size_t len)
{
	size_t	 d = 0;

	if (len > 1 && strchr("-*", s[0]) && s[1] == ' ')
		return 2;
	if (len > 4 && memcmp(s, "\xe2\x80\xa2 ", 4) == 0)
		return 4;
	while (d < len && d < 3 && s[d] >= '0' && s[d] <= '9')
		d++;
	if (d > 0 && d + 1 < len && (s[d] == '.' || s[d] == ')') &&
	    s[d + 1] == ' ')
		return d + 2;
	return 0;
}

/* The length of a mail header field's name at s ("Subject:"), or 0. */
static size_t
field(const char *s, size_t len)
{
	size_t	 i;

	for (i = 0; i < len && s[i] > ' ' && s[i] < 0x7f && s[i] != ':'; i++)
		continue;
	return i > 0 && i < len && s[i] == ':' ? i : 0;
}

/* Whether s starts with w, ASCII case aside. */
static bool
starts(const char *s, size_t len, const char *w)
{
	return len >= strlen(w) && strncasecmp(s, w, strlen(w)) == 0;
}

/* Whether s holds Project Gutenberg's START line. */
static bool
gutenberg_start(const char *s, size_t len)
{
	size_t	 i;

	for (i = 0; i < len; i++)
		if (starts(s + i, len - i, "START OF THE PROJECT GUTENBERG "
		    "EBOOK") || starts(s + i, len - i, "START OF THIS PROJECT "
		    "GUTENBERG EBOOK"))
			return true;
	return false;
}

/*
 * Words of the source text, line by line, but the metadata: a first
 * block of header lines (lector's Key: value, or a mail's fields with
 * From and Subject or Newsgroups), or a Project Gutenberg header's
 * Title, Author (with the lines that go on under them), Language and
 * Release date.
 */
static void
source_words(struct words *w, const char *t, size_t len,
    unsigned long fold_line)
{
	size_t	 i, end, k, first_end, start = 0, n;
	bool	 header = true, mail = true, from = false, subj = false;
	bool	 dropping = false, quoted;
	unsigned long lineno = 1;
	char	*line;

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
		if ((n = field(t + k, end - k)) > 0) {
			from |= starts(t + k, n, "from");
			subj |= starts(t + k, n, "subject") ||
			    starts(t + k, n, "newsgroups");
		} else if (k == i || (t[k] != ' ' && t[k] != '\t'))
			mail = false;
	}
	first_end = header || (mail && from && subj) ? k : i;
	/* A Project Gutenberg header, before its START line. */
	for (k = 0; k < len; k = end + 1) {
		for (end = k; end < len && t[end] != '\n'; end++)
			continue;
		if (gutenberg_start(t + k, end - k)) {
			start = end;
			break;
		}
	}
	for (k = 0; k < first_end; k++)
		lineno += t[k] == '\n';
	for (i = first_end; i < len; i = end + 1, lineno++) {
		for (end = i; end < len && t[end] != '\n'; end++)
			continue;
		if (i < start) {
			if (t[i] != ' ' && t[i] != '\t')
				dropping = false;
			if (starts(t + i, end - i, "title:") ||
			    starts(t + i, end - i, "author:"))
				dropping = true;
			if (dropping || starts(t + i, end - i, "language:") ||
			    starts(t + i, end - i, "release date:"))
				continue;
		}
		k = i;
		quoted = false;
		while (k < end && (t[k] == ' ' || t[k] == '\t' || t[k] == '>'))
			quoted |= t[k++] == '>';
		/* List markers: "- ", "* ", "• ", "1. ", "2) " (a quote
		 * keeps its numbers as text). */
		if (!quoted)
			k += list_marker(t + k, end - k);
		line = strndup(t + k, end - k);
		words_add(w, line, lineno == fold_line);
		free(line);
	}
}

struct item {
	bool		 fold;	/* compared case aside (a title) */
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
	it->v[it->n].fold = elem_is(n, "title");
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
		if (elem_is(k, "list") || elem_is(k, "blockquote") ||
		    elem_is(k, "back-matter"))
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
	char		*src, what[4096], *line;
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
	/* A title the header gives, found in the text in capitals. */
	line = elem_attr(tree_meta(x, "title"), "line");
	source_words(&want, src, len, line != NULL ? strtoul(line, NULL, 10) :
	    0);
	xmlFree(line);
	add_item(&it, tree_meta(x, "title"));
	add_item(&it, tree_meta(x, "subtitle"));
	add_item(&it, tree_meta(x, "date"));
	add_blocks(&it, tree_body(x));
	qsort(it.v, it.n, sizeof(*it.v), cmp_item);
	for (i = 0; i < it.n; i++) {
		words_add(&got, it.v[i].text, it.v[i].fold);
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
