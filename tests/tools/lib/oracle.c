/* SPDX-License-Identifier: ISC */
#define _POSIX_C_SOURCE 200809L

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <utf8proc.h>
#include <zip.h>

#include "oracle.h"

/* ---- The source ---------------------------------------------------------- */

char *
oracle_source(const char *path, size_t *len, const char **why)
{
	FILE		*f;
	char		*raw = NULL, *out;
	size_t		 n = 0, cap = 0, got, i, k;
	utf8proc_uint8_t *nfc = NULL;
	utf8proc_ssize_t nlen;

	if ((f = fopen(path, "rb")) == NULL) {
		*why = "cannot open";
		return NULL;
	}
	do {
		if (n + 65536 > cap) {
			cap = (n + 65536) * 2;
			raw = realloc(raw, cap);
		}
		got = fread(raw + n, 1, cap - n, f);
		n += got;
	} while (got > 0);
	fclose(f);
	/* Byte-order mark, then line ends. */
	i = n >= 3 && memcmp(raw, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
	out = malloc(n + 1);
	for (k = 0; i < n; i++) {
		if (raw[i] == '\r') {
			out[k++] = '\n';
			if (i + 1 < n && raw[i + 1] == '\n')
				i++;
		} else
			out[k++] = raw[i];
	}
	out[k] = '\0';
	free(raw);
	nlen = utf8proc_map((const utf8proc_uint8_t *)out, (utf8proc_ssize_t)k,
	    &nfc, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
	free(out);
	if (nlen < 0) {
		*why = "not UTF-8 (the oracles read only UTF-8)";
		return NULL;
	}
	*len = (size_t)nlen;
	return (char *)nfc;
}

/* ---- Words --------------------------------------------------------------- */

static bool
word_char(utf8proc_int32_t cp)
{
	utf8proc_category_t c = utf8proc_category(cp);

	return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_ND) ||
	    c == UTF8PROC_CATEGORY_NL || c == UTF8PROC_CATEGORY_NO;
}

static void
push(struct words *w, const char *s, size_t len)
{
	if (w->n == w->cap) {
		w->cap = w->cap ? w->cap * 2 : 256;
		w->v = realloc(w->v, w->cap * sizeof(*w->v));
	}
	w->v[w->n++] = strndup(s, len);
}

/*
 * The words of s; with apart, every wide letter (and the marks on it) a
 * word of its own.
 */
static void
add_words(struct words *w, const char *s, bool fold, bool apart)
{
	utf8proc_uint8_t *t = NULL;
	utf8proc_int32_t cp;
	utf8proc_ssize_t n;
	size_t		 i, len, start = 0;
	bool		 in = false, word, wide, was_wide = false;

	if (utf8proc_map((const utf8proc_uint8_t *)s, 0, &t,
	    UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE |
	    (fold ? UTF8PROC_CASEFOLD : 0)) < 0)
		return;
	len = strlen((char *)t);
	for (i = 0; i <= len; i += (size_t)n) {
		n = 1;
		word = wide = false;
		if (i < len) {
			n = utf8proc_iterate(t + i, (utf8proc_ssize_t)(len - i),
			    &cp);
			if (n < 1)
				n = 1;
			else
				word = word_char(cp);
		}
		if (word && apart)
			wide = utf8proc_charwidth(cp) == 2;
		/* A wide letter ends the word before it, and its own ends
		 * at the next letter that takes room. */
		if (in && (!word || wide || (was_wide &&
		    utf8proc_charwidth(cp) > 0))) {
			push(w, (char *)t + start, i - start);
			in = false;
		}
		if (word && !in) {
			start = i;
			in = true;
			was_wide = wide;
		}
	}
	free(t);
}

void
words_add(struct words *w, const char *s, bool fold)
{
	add_words(w, s, fold, false);
}

void
words_add_apart(struct words *w, const char *s, bool fold)
{
	add_words(w, s, fold, true);
}

static void
context(const char *label, const struct words *w, size_t at)
{
	size_t	 i;

	printf("#   %s:", label);
	for (i = at > 4 ? at - 4 : 0; i < w->n && i < at + 5; i++)
		printf(i == at ? " [%s]" : " %s", w->v[i]);
	if (at >= w->n)
		printf(" [(end)]");
	putchar('\n');
}

int
words_same(const struct words *want, const struct words *got,
    const char *what)
{
	size_t	 i;

	for (i = 0; i < want->n && i < got->n; i++)
		if (strcmp(want->v[i], got->v[i]) != 0)
			break;
	if (i == want->n && i == got->n) {
		printf("ok %s (%zu words)\n", what, want->n);
		return 0;
	}
	printf("not ok %s: word %zu of %zu differs\n", what, i + 1, want->n);
	context("want", want, i);
	context("got ", got, i);
	return 1;
}

void
words_free(struct words *w)
{
	size_t	 i;

	for (i = 0; i < w->n; i++)
		free(w->v[i]);
	free(w->v);
	memset(w, 0, sizeof(*w));
}

/* ---- The tree ------------------------------------------------------------ */

xmlDocPtr
tree_load(const char *path, const char *what)
{
	xmlDocPtr	 x;
	xmlNodePtr	 root;

	x = xmlReadFile(path, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR |
	    XML_PARSE_NOWARNING);
	root = x != NULL ? xmlDocGetRootElement(x) : NULL;
	if (root == NULL || !elem_is(root, "document")) {
		printf("not ok %s: %s is not a tree from lector -t tree\n",
		    what, path);
		xmlFreeDoc(x);
		return NULL;
	}
	return x;
}

static void
unwrap(xmlNodePtr n)
{
	xmlNodePtr	 k, next, child;

	for (k = n->children; k != NULL; k = next) {
		next = k->next;
		if (k->type != XML_ELEMENT_NODE)
			continue;
		unwrap(k);
		if (!elem_is(k, "sentence"))
			continue;
		while ((child = k->children) != NULL) {
			xmlUnlinkNode(child);
			xmlAddPrevSibling(k, child);
		}
		xmlUnlinkNode(k);
		xmlFreeNode(k);
	}
}

void
tree_unwrap_sentences(xmlDocPtr x)
{
	unwrap(xmlDocGetRootElement(x));
}

bool
elem_is(xmlNodePtr n, const char *name)
{
	return n != NULL && n->type == XML_ELEMENT_NODE &&
	    strcmp((const char *)n->name, name) == 0;
}

xmlNodePtr
elem_find(xmlNodePtr n, const char *name)
{
	xmlNodePtr	 k;

	for (; n != NULL; n = n->next) {
		if (elem_is(n, name))
			return n;
		if ((k = elem_find(n->children, name)) != NULL)
			return k;
	}
	return NULL;
}

xmlNodePtr
elem_first(xmlNodePtr n)
{
	while (n != NULL && n->type != XML_ELEMENT_NODE)
		n = n->next;
	return n;
}

xmlNodePtr
elem_next(xmlNodePtr n)
{
	return n != NULL ? elem_first(n->next) : NULL;
}

static xmlNodePtr
child(xmlNodePtr n, const char *name)
{
	for (n = n != NULL ? elem_first(n->children) : NULL; n != NULL;
	    n = elem_next(n))
		if (elem_is(n, name))
			return n;
	return NULL;
}

xmlNodePtr
tree_meta(xmlDocPtr x, const char *name)
{
	return child(child(xmlDocGetRootElement(x), "metadata"), name);
}

xmlNodePtr
tree_body(xmlDocPtr x)
{
	xmlNodePtr	 body = child(xmlDocGetRootElement(x), "body");

	return body != NULL ? elem_first(body->children) : NULL;
}

char *
elem_attr(xmlNodePtr n, const char *name)
{
	return (char *)xmlGetProp(n, (const xmlChar *)name);
}

bool
elem_attr_is(xmlNodePtr n, const char *name, const char *value)
{
	char	*v = elem_attr(n, name);
	bool	 same = v != NULL && strcmp(v, value) == 0;

	xmlFree(v);
	return same;
}

char *
elem_text(xmlNodePtr n)
{
	xmlChar	*t = xmlNodeGetContent(n);
	char	*s = strdup(t != NULL ? (char *)t : "");

	xmlFree(t);
	return s;
}

static void
add_text(struct words *w, xmlNodePtr n)
{
	char	*t;

	if (n == NULL)
		return;
	t = elem_text(n);
	words_add(w, t, true);
	free(t);
}

/* Blocks but bylines; lists and quotes child by child. */
static void
block_words(xmlNodePtr k, struct words *w)
{
	for (; k != NULL; k = elem_next(k)) {
		if (elem_is(k, "list") || elem_is(k, "blockquote"))
			block_words(elem_first(k->children), w);
		else if (!elem_is(k, "byline"))
			add_text(w, k);
	}
}

void
tree_words(xmlDocPtr t, struct words *w)
{
	xmlNodePtr	 k, meta;
	bool		 byline = false;

	add_text(w, tree_meta(t, "title"));
	add_text(w, tree_meta(t, "subtitle"));
	for (k = tree_body(t); k != NULL; k = elem_next(k))
		if (elem_is(k, "byline")) {
			add_text(w, k);
			byline = true;
		}
	meta = tree_meta(t, "author");
	for (k = meta; !byline && k != NULL; k = elem_next(k))
		if (elem_is(k, "author"))
			add_text(w, k);
	add_text(w, tree_meta(t, "date"));
	add_text(w, tree_meta(t, "source"));
	block_words(tree_body(t), w);
}

/* ---- Packages ------------------------------------------------------------- */

char *
zip_entry(zip_t *za, const char *name, size_t *len)
{
	char		*data = NULL;
	size_t		 n = 0, cap = 0;
	zip_file_t	*f;
	zip_int64_t	 got;

	if ((f = zip_fopen(za, name, 0)) == NULL)
		return NULL;
	do {
		if (n + 8193 > cap) {
			cap = (n + 8193) * 2;
			data = realloc(data, cap);
		}
		got = zip_fread(f, data + n, 8192);
		if (got > 0)
			n += (size_t)got;
	} while (got > 0);
	zip_fclose(f);
	data[n] = '\0';
	*len = n;
	return data;
}
