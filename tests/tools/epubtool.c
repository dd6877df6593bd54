/* SPDX-License-Identifier: ISC */
/*
 * epubtool: look inside the EPUBs lector writes, for the tests, without
 * needing unzip on the machine.
 *
 *   epubtool list BOOK.epub          one line per entry: name, method
 *                                    (stored/deflated), extra-field bytes
 *   epubtool cat BOOK.epub NAME      the entry's bytes on stdout
 *   epubtool words BOOK.epub INPUT   "ok"/"not ok": the words of the
 *                                    article's tree appear in the XHTML,
 *                                    in order, none added but labels
 */
#include "common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <utf8proc.h>
#include <zip.h>

#include "buf.h"
#include "diag.h"
#include "options.h"
#include "parse.h"
#include "tree.h"
#include "utf8.h"

static zip_t *
open_book(const char *path)
{
	zip_t	*za;
	int	 err;

	if ((za = zip_open(path, ZIP_RDONLY, &err)) == NULL) {
		fprintf(stderr, "epubtool: %s: cannot open (libzip error %d)\n",
		    path, err);
		exit(2);
	}
	return za;
}

static int
list(const char *path)
{
	zip_t		*za = open_book(path);
	zip_stat_t	 st;
	zip_int64_t	 i, n = zip_get_num_entries(za, 0);

	for (i = 0; i < n; i++) {
		zip_stat_index(za, (zip_uint64_t)i, 0, &st);
		printf("%s %s extra=%d\n", st.name,
		    st.comp_method == ZIP_CM_STORE ? "stored" : "deflated",
		    zip_file_extra_fields_count(za, (zip_uint64_t)i,
		    ZIP_FL_LOCAL | ZIP_FL_CENTRAL));
	}
	zip_close(za);
	return 0;
}

/* The bytes of entry name (caller frees), NUL-terminated. */
static char *
read_entry(zip_t *za, const char *name, size_t *len)
{
	struct buf	 b = { 0 };
	zip_file_t	*f;
	char		 chunk[8192];
	zip_int64_t	 n;

	if ((f = zip_fopen(za, name, 0)) == NULL)
		return NULL;
	while ((n = zip_fread(f, chunk, sizeof(chunk))) > 0)
		buf_put(&b, chunk, (size_t)n);
	zip_fclose(f);
	*len = b.len;
	return buf_steal(&b);
}

static int
cat(const char *path, const char *name)
{
	zip_t	*za = open_book(path);
	char	*data;
	size_t	 len;

	if ((data = read_entry(za, name, &len)) == NULL) {
		fprintf(stderr, "epubtool: %s: no entry %s\n", path, name);
		return 1;
	}
	fwrite(data, 1, len, stdout);
	free(data);
	zip_close(za);
	return 0;
}

struct words {
	char	**v;
	size_t	 n;
	size_t	 cap;
};

/* Words (letters, marks, digits), case-folded, appended to w. */
static void
add_words(struct words *w, const char *s)
{
	utf8proc_uint8_t *folded = NULL;
	size_t		 i, n, start = 0, len;
	int32_t		 cp;
	bool		 in = false;
	utf8proc_category_t c;

	utf8proc_map((const utf8proc_uint8_t *)s, 0, &folded,
	    UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE |
	    UTF8PROC_CASEFOLD);
	if (folded == NULL)
		return;
	len = strlen((char *)folded);
	for (i = 0; i <= len; i += n) {
		n = 1;
		cp = 0;
		if (i < len)
			n = utf8_next((char *)folded + i, len - i, &cp);
		c = cp ? utf8proc_category(cp) : UTF8PROC_CATEGORY_CN;
		if (i < len && ((c >= UTF8PROC_CATEGORY_LU &&
		    c <= UTF8PROC_CATEGORY_ND) || c == UTF8PROC_CATEGORY_NL ||
		    c == UTF8PROC_CATEGORY_NO)) {
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
			w->v[w->n++] = strndup((char *)folded + start,
			    i - start);
		}
		in = false;
	}
	free(folded);
}

/* Text of the XHTML's <main>, without the labels lector adds. */
static void
xhtml_words(xmlNodePtr n, struct words *w)
{
	xmlChar	*cls;
	bool	 label;

	for (; n != NULL; n = n->next) {
		if (n->type == XML_TEXT_NODE) {
			add_words(w, (const char *)n->content);
			continue;
		}
		if (n->type != XML_ELEMENT_NODE)
			continue;
		cls = xmlGetProp(n, (const xmlChar *)"class");
		label = cls != NULL && strcmp((char *)cls, "label") == 0;
		xmlFree(cls);
		if (!label)
			xhtml_words(n->children, w);
	}
}

static xmlNodePtr
find(xmlNodePtr n, const char *name)
{
	xmlNodePtr	 k;

	for (; n != NULL; n = n->next) {
		if (n->type == XML_ELEMENT_NODE &&
		    strcmp((const char *)n->name, name) == 0)
			return n;
		if ((k = find(n->children, name)) != NULL)
			return k;
	}
	return NULL;
}

/* Blocks but bylines; lists and quotes child by child. */
static void
add_blocks(struct doc *d, const struct node *k, struct words *w)
{
	for (; k != NULL; k = k->next) {
		if (k->type == NODE_LIST || k->type == NODE_BLOCKQUOTE)
			add_blocks(d, k->first, w);
		else if (k->type != NODE_BYLINE)
			add_words(w, node_text(d, k));
	}
}

/*
 * The words the XHTML must hold, in the writer's order: the header
 * (title, subtitle, bylines or authors, date, source), then the body
 * blocks but bylines.
 */
static void
tree_words(struct doc *d, struct words *w)
{
	const struct node *k;
	size_t		 i;
	bool		 byline = false;

	add_words(w, d->meta.title);
	if (d->meta.subtitle != NULL)
		add_words(w, d->meta.subtitle);
	for (k = d->root->first; k != NULL; k = k->next)
		if (k->type == NODE_BYLINE) {
			add_words(w, node_text(d, k));
			byline = true;
		}
	for (i = 0; !byline && i < d->meta.nauthors; i++)
		add_words(w, d->meta.authors[i]);
	if (d->meta.date != NULL)
		add_words(w, d->meta.date);
	if (d->meta.source != NULL)
		add_words(w, d->meta.source);
	add_blocks(d, d->root->first, w);
}

static int
words(const char *book, const char *input)
{
	struct options	 opts;
	struct words	 want = { 0 }, got = { 0 };
	struct doc	*d;
	zip_t		*za;
	xmlDocPtr	 x;
	char		*data;
	size_t		 len, i;
	int		 rc = 0;

	memset(&opts, 0, sizeof(opts));
	diag_set_verbosity(-2);
	if ((d = parse_file(input, &opts)) == NULL) {
		printf("not ok epub words %s: cannot read\n", input);
		return 1;
	}
	za = open_book(book);
	if ((data = read_entry(za, "EPUB/article.xhtml", &len)) == NULL ||
	    (x = xmlReadMemory(data, (int)len, "article.xhtml", NULL,
	    XML_PARSE_NONET)) == NULL) {
		printf("not ok epub words %s: no readable article.xhtml\n",
		    book);
		return 1;
	}
	xhtml_words(find(xmlDocGetRootElement(x), "main"), &got);
	tree_words(d, &want);
	for (i = 0; i < want.n && i < got.n; i++)
		if (strcmp(want.v[i], got.v[i]) != 0)
			break;
	if (i == want.n && i == got.n)
		printf("ok epub words %s (%zu)\n", input, want.n);
	else {
		printf("not ok epub words %s: word %zu of %zu: want '%s', "
		    "got '%s'\n", input, i, want.n,
		    i < want.n ? want.v[i] : "(end)",
		    i < got.n ? got.v[i] : "(end)");
		rc = 1;
	}
	xmlFreeDoc(x);
	free(data);
	zip_close(za);
	doc_free(d);
	for (i = 0; i < want.n; i++)
		free(want.v[i]);
	for (i = 0; i < got.n; i++)
		free(got.v[i]);
	free(want.v);
	free(got.v);
	return rc;
}

int
main(int argc, char *argv[])
{
	if (argc == 3 && strcmp(argv[1], "list") == 0)
		return list(argv[2]);
	if (argc == 4 && strcmp(argv[1], "cat") == 0)
		return cat(argv[2], argv[3]);
	if (argc == 4 && strcmp(argv[1], "words") == 0)
		return words(argv[2], argv[3]);
	fprintf(stderr, "usage: epubtool list|cat|words BOOK.epub "
	    "[NAME|INPUT]\n");
	return 2;
}
