/* SPDX-License-Identifier: ISC */
/*
 * epubtool: look inside the EPUBs lector writes, for the tests, without
 * needing unzip on the machine; and the EPUB oracles.
 *
 *   epubtool list BOOK.epub            one line per entry: name, method
 *                                      (stored/deflated), extra-field bytes
 *   epubtool cat BOOK.epub NAME        the entry's bytes on stdout
 *   epubtool pack OUT.zip DIR          zip the files under DIR, named from
 *                                      DIR, `mimetype' first and stored:
 *                                      the tests' hand-made books
 *   epubtool words BOOK.epub TREE.xml  TAP: the words of the tree (from
 *                                      lector -t tree) are the words of
 *                                      the XHTML, in order, labels aside
 *   epubtool structure BOOK.epub TREE.xml
 *                                      TAP: the XHTML has the tree's
 *                                      structure, block for block and
 *                                      inline for inline, each sentence
 *                                      a span with its id (see below)
 */
#define _POSIX_C_SOURCE 200809L

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <dirent.h>
#include <sys/stat.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <utf8proc.h>
#include <zip.h>

#include "lib/oracle.h"

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

static int
cat(const char *path, const char *name)
{
	zip_t	*za = open_book(path);
	char	*data;
	size_t	 len;

	if ((data = zip_entry(za, name, &len)) == NULL) {
		fprintf(stderr, "epubtool: %s: no entry %s\n", path, name);
		return 1;
	}
	fwrite(data, 1, len, stdout);
	free(data);
	zip_close(za);
	return 0;
}

/* ---- pack ---------------------------------------------------------------- */

struct names {
	char	**v;
	size_t	 n;
};

/* The files under top/sub, as paths from top (sub is "" at the top). */
static int
walk(const char *top, const char *sub, struct names *names)
{
	DIR		*d;
	struct dirent	*e;
	struct stat	 st;
	char		 path[4096], rel[4096];
	int		 rc = 0;

	snprintf(path, sizeof(path), "%s/%s", top, sub);
	if ((d = opendir(path)) == NULL) {
		fprintf(stderr, "epubtool: %s: cannot read\n", path);
		return -1;
	}
	while (rc == 0 && (e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		if ((size_t)snprintf(rel, sizeof(rel), "%s%s%s", sub,
		    *sub ? "/" : "", e->d_name) >= sizeof(rel) ||
		    (size_t)snprintf(path, sizeof(path), "%s/%s", top, rel) >=
		    sizeof(path) || stat(path, &st) == -1)
			rc = -1;
		else if (S_ISDIR(st.st_mode))
			rc = walk(top, rel, names);
		else {
			names->v = realloc(names->v, (names->n + 1) *
			    sizeof(*names->v));
			names->v[names->n++] = strdup(rel);
		}
	}
	closedir(d);
	return rc;
}

/* mimetype first (the EPUB rule), then by name. */
static int
cmp_name(const void *a, const void *b)
{
	const char	*x = *(char *const *)a, *y = *(char *const *)b;

	if (strcmp(x, "mimetype") == 0 || strcmp(y, "mimetype") == 0)
		return (strcmp(y, "mimetype") == 0) - (strcmp(x, "mimetype") == 0);
	return strcmp(x, y);
}

static int
pack(const char *out, const char *dir)
{
	struct names	 names = { NULL, 0 };
	zip_t		*za;
	zip_source_t	*src = NULL;
	zip_int64_t	 i;
	char		 path[4096];
	size_t		 k;
	int		 err, rc = 1;

	if (walk(dir, "", &names) == -1)
		goto out;
	qsort(names.v, names.n, sizeof(*names.v), cmp_name);
	if ((za = zip_open(out, ZIP_CREATE | ZIP_TRUNCATE, &err)) == NULL) {
		fprintf(stderr, "epubtool: %s: cannot create (libzip error "
		    "%d)\n", out, err);
		goto out;
	}
	for (k = 0; k < names.n; k++) {
		src = NULL;
		if ((size_t)snprintf(path, sizeof(path), "%s/%s", dir,
		    names.v[k]) >= sizeof(path) ||
		    (src = zip_source_file(za, path, 0, -1)) == NULL ||
		    (i = zip_file_add(za, names.v[k], src, 0)) < 0) {
			fprintf(stderr, "epubtool: %s: %s\n", path,
			    zip_strerror(za));
			zip_source_free(src);
			zip_discard(za);
			goto out;
		}
		zip_set_file_compression(za, (zip_uint64_t)i,
		    strcmp(names.v[k], "mimetype") == 0 ? ZIP_CM_STORE :
		    ZIP_CM_DEFLATE, 0);
		zip_file_set_mtime(za, (zip_uint64_t)i, 315532800, 0);
	}
	if (zip_close(za) == -1) {
		fprintf(stderr, "epubtool: %s: %s\n", out, zip_strerror(za));
		zip_discard(za);
		goto out;
	}
	rc = 0;
out:
	for (k = 0; k < names.n; k++)
		free(names.v[k]);
	free(names.v);
	return rc;
}

/* The book's content document, parsed, or NULL after a "not ok" line. */
static xmlDocPtr
content(const char *book, const char *what)
{
	zip_t		*za = open_book(book);
	xmlDocPtr	 x = NULL;
	char		*data;
	size_t		 len;

	if ((data = zip_entry(za, "EPUB/article.xhtml", &len)) != NULL)
		x = xmlReadMemory(data, (int)len, "article.xhtml", NULL,
		    XML_PARSE_NONET | XML_PARSE_NOERROR |
		    XML_PARSE_NOWARNING);
	if (x == NULL)
		printf("not ok %s: no well-formed EPUB/article.xhtml in %s\n",
		    what, book);
	free(data);
	zip_close(za);
	return x;
}

static bool
is_label(xmlNodePtr n)
{
	return elem_is(n, "span") && elem_attr_is(n, "class", "label");
}

/* ---- words ---------------------------------------------------------------- */

/* Text of the XHTML, without the labels lector adds. */
static void
xhtml_words(xmlNodePtr n, struct words *w)
{
	for (; n != NULL; n = n->next) {
		if (n->type == XML_TEXT_NODE)
			words_add(w, (const char *)n->content, true);
		else if (n->type == XML_ELEMENT_NODE && !is_label(n))
			xhtml_words(n->children, w);
	}
}

static int
words(const char *book, const char *tree)
{
	struct words	 want = { 0 }, got = { 0 };
	xmlDocPtr	 x, t;
	char		 what[4096];
	int		 rc;

	snprintf(what, sizeof(what), "epub words %s", book);
	if ((t = tree_load(tree, what)) == NULL)
		return 1;
	if ((x = content(book, what)) == NULL) {
		xmlFreeDoc(t);
		return 1;
	}
	xhtml_words(elem_find(xmlDocGetRootElement(x), "main"), &got);
	tree_words(t, &want);
	rc = words_same(&want, &got, what);
	words_free(&want);
	words_free(&got);
	xmlFreeDoc(x);
	xmlFreeDoc(t);
	return rc;
}

/* ---- structure ------------------------------------------------------------ */

/*
 * The first difference found, with the tree element it is about; the
 * rest of the walk is skipped once there is one.
 */
struct diff {
	char		 msg[512];
	unsigned long	 line;
};

static bool	 differ(struct diff *, xmlNodePtr, const char *, ...)
		    __attribute__((format(printf, 3, 4)));

static bool
differ(struct diff *df, xmlNodePtr t, const char *fmt, ...)
{
	va_list	 ap;
	char	*line;

	if (df->msg[0] != '\0')
		return false;
	va_start(ap, fmt);
	vsnprintf(df->msg, sizeof(df->msg), fmt, ap);
	va_end(ap);
	line = t != NULL ? elem_attr(t, "line") : NULL;
	while (line == NULL && t != NULL && (t = t->parent) != NULL &&
	    t->type == XML_ELEMENT_NODE)
		line = elem_attr(t, "line");
	df->line = line != NULL ? strtoul(line, NULL, 10) : 0;
	xmlFree(line);
	return false;
}

static const char *
name_of(xmlNodePtr n)
{
	return n == NULL ? "(nothing)" : n->type == XML_TEXT_NODE ? "text" :
	    (const char *)n->name;
}

/*
 * One inline item at a time: a text run (adjacent text nodes joined) or
 * an element; labels lector adds are no part of the text.
 */
struct cursor {
	xmlNodePtr	 n;
	bool		 skip_labels;
};

static xmlNodePtr
cur_next(struct cursor *c)
{
	while (c->n != NULL && (c->n->type == XML_COMMENT_NODE ||
	    (c->n->type != XML_ELEMENT_NODE && c->n->type != XML_TEXT_NODE) ||
	    (c->skip_labels && is_label(c->n))))
		c->n = c->n->next;
	return c->n;
}

/* The text run at c (advanced past it), as a new string. */
static char *
cur_text(struct cursor *c)
{
	size_t	 len = 0;
	char	*s = strdup("");

	while (cur_next(c) != NULL && c->n->type == XML_TEXT_NODE) {
		size_t	 n = strlen((const char *)c->n->content);

		s = realloc(s, len + n + 1);
		memcpy(s + len, c->n->content, n + 1);
		len += n;
		c->n = c->n->next;
	}
	return s;
}

static bool
same_fold(const char *a, const char *b)
{
	utf8proc_uint8_t *x = NULL, *y = NULL;
	bool		 same;

	utf8proc_map((const utf8proc_uint8_t *)a, 0, &x, UTF8PROC_NULLTERM |
	    UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD);
	utf8proc_map((const utf8proc_uint8_t *)b, 0, &y, UTF8PROC_NULLTERM |
	    UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD);
	same = x != NULL && y != NULL && strcmp((char *)x, (char *)y) == 0;
	free(x);
	free(y);
	return same;
}

static bool	 same_inlines(struct diff *, xmlNodePtr t, xmlNodePtr h);

/* The element the tree's inline t becomes, and its content. */
static bool
same_inline(struct diff *df, xmlNodePtr t, xmlNodePtr h)
{
	char	*href, *a, *b, *id;
	bool	 ok;

	if (elem_is(t, "sentence") && elem_is(h, "span")) {
		/* A sentence keeps its id: the speech's and the cues'. */
		id = elem_attr(t, "id");
		ok = id != NULL && elem_attr_is(h, "id", id);
		if (!ok)
			differ(df, t, "sentence %s is not the span of its id",
			    id != NULL ? id : "?");
		xmlFree(id);
		return ok && same_inlines(df, t, h);
	}
	if (elem_is(t, "emphasis") && elem_is(h, "em"))
		return same_inlines(df, t, h);
	if (elem_is(t, "strong") && elem_is(h, "strong"))
		return same_inlines(df, t, h);
	if (elem_is(t, "link") && elem_is(h, "a")) {
		href = elem_attr(t, "href");
		if (!elem_attr_is(h, "href", href != NULL ? href : "")) {
			xmlFree(href);
			return differ(df, t, "a link has another href in the "
			    "XHTML");
		}
		xmlFree(href);
		return same_inlines(df, t, h);
	}
	if (elem_is(t, "lead-in") && elem_is(h, "span") &&
	    elem_attr_is(h, "class", "lead-in")) {
		/* Sentence case in the XHTML: the letters, not their case. */
		a = elem_text(t);
		b = elem_text(h);
		ok = same_fold(a, b);
		if (!ok)
			differ(df, t, "lead-in '%s' is '%s' in the XHTML", a,
			    b);
		free(a);
		free(b);
		return ok;
	}
	if (elem_is(t, "credit") && elem_is(h, "span") &&
	    elem_attr_is(h, "class", "credit") &&
	    elem_attr_is(h, "role", "doc-credit")) {
		if (!is_label(elem_first(h->children)))
			return differ(df, t, "credit without its label");
		return same_inlines(df, t, h);
	}
	return differ(df, t, "tree <%s> is <%s> in the XHTML", name_of(t),
	    name_of(h));
}

/* The children of t and h: text for text, element for element. */
static bool
same_inlines(struct diff *df, xmlNodePtr t, xmlNodePtr h)
{
	struct cursor	 ct = { t->children, false };
	struct cursor	 ch = { h->children, true };
	char		*a, *b;
	bool		 ok;

	for (;;) {
		cur_next(&ct);
		cur_next(&ch);
		if (ct.n == NULL || ch.n == NULL)
			break;
		if (ct.n->type == XML_TEXT_NODE || ch.n->type == XML_TEXT_NODE) {
			a = ct.n->type == XML_TEXT_NODE ? cur_text(&ct) :
			    strdup("");
			b = ch.n->type == XML_TEXT_NODE ? cur_text(&ch) :
			    strdup("");
			ok = strcmp(a, b) == 0;
			if (!ok)
				differ(df, t, "text '%s' is '%s' in the XHTML",
				    a, b);
			free(a);
			free(b);
			if (!ok)
				return false;
			continue;
		}
		if (!same_inline(df, ct.n, ch.n))
			return false;
		ct.n = ct.n->next;
		ch.n = ch.n->next;
	}
	if (ct.n != NULL || ch.n != NULL)
		return differ(df, t, "<%s> has more in %s", name_of(t),
		    ct.n != NULL ? "the tree" : "the XHTML");
	return true;
}

static bool	 same_blocks(struct diff *, xmlNodePtr t, xmlNodePtr h);

/* Whether n's class attribute holds the class c among others. */
static bool
has_class(xmlNodePtr n, const char *c)
{
	char	*v = elem_attr(n, "class"), *w, *save = NULL;
	bool	 found = false;

	for (w = v != NULL ? strtok_r(v, " ", &save) : NULL; w != NULL &&
	    !found; w = strtok_r(NULL, " ", &save))
		found = strcmp(w, c) == 0;
	xmlFree(v);
	return found;
}

/* The element a tree block becomes. */
static bool
same_block(struct diff *df, xmlNodePtr t, xmlNodePtr h)
{
	xmlNodePtr	 k;
	char		*level, *start, want[8], *a = NULL, *b, *kind;
	bool		 ok;

	if (h == NULL)
		return differ(df, t, "tree <%s> is missing from the XHTML",
		    name_of(t));
	/* A passage in another language has it, where it is. */
	if ((a = elem_attr(t, "lang")) != NULL) {
		/* (a caption's on its figcaption) */
		ok = elem_attr_is(h, "lang", a) || (elem_is(t, "caption") &&
		    elem_attr_is(elem_first(h->children), "lang", a));
		if (!ok)
			differ(df, t, "<%s> lacks the passage's lang=\"%s\"",
			    name_of(h), a);
		xmlFree(a);
		a = NULL;
		if (!ok)
			return false;
	}
	if (elem_is(t, "heading")) {
		level = elem_attr(t, "level");
		snprintf(want, sizeof(want), "h%s", level ? level : "?");
		xmlFree(level);
		if (!elem_is(h, want))
			return differ(df, t, "heading is <%s>, not <%s>",
			    name_of(h), want);
		if (!xmlHasProp(h, (const xmlChar *)"id"))
			return differ(df, t, "<%s> has no id for the table of "
			    "contents", name_of(h));
		return same_inlines(df, t, h);
	}
	if (elem_is(t, "paragraph")) {
		if (!elem_is(h, "p") || xmlHasProp(h, (const xmlChar *)"class"))
			return differ(df, t, "paragraph is <%s>", name_of(h));
		return same_inlines(df, t, h);
	}
	if (elem_is(t, "caption")) {
		/* A figure that holds its caption and nothing else. */
		if (!elem_is(h, "figure") ||
		    !elem_attr_is(h, "class", "photo-caption"))
			return differ(df, t, "caption is <%s>, not a "
			    "photo-caption figure", name_of(h));
		k = elem_first(h->children);
		if (!elem_is(k, "figcaption") || elem_next(k) != NULL)
			return differ(df, t, "the caption's figure holds more "
			    "than its figcaption: <%s> then <%s>", name_of(k),
			    name_of(elem_next(k)));
		for (k = k->children; k != NULL; k = k->next)
			if (k->type == XML_TEXT_NODE || is_label(k))
				break;
		if (!is_label(k))
			return differ(df, t, "the caption does not start with "
			    "its label");
		return same_inlines(df, t, elem_first(h->children));
	}
	if (elem_is(t, "blockquote")) {
		if (!elem_is(h, "blockquote"))
			return differ(df, t, "blockquote is <%s>", name_of(h));
		return same_blocks(df, elem_first(t->children),
		    elem_first(h->children));
	}
	if (elem_is(t, "list")) {
		if (elem_attr_is(t, "ordered", "true")) {
			if (!elem_is(h, "ol"))
				return differ(df, t, "ordered list is <%s>",
				    name_of(h));
			start = elem_attr(t, "start");
			if (start != NULL && !elem_attr_is(h, "start", start)) {
				differ(df, t, "list starting at %s has another "
				    "start in the XHTML", start);
				xmlFree(start);
				return false;
			}
			xmlFree(start);
		} else if (!elem_is(h, "ul"))
			return differ(df, t, "list is <%s>", name_of(h));
		return same_blocks(df, elem_first(t->children),
		    elem_first(h->children));
	}
	if (elem_is(t, "item")) {
		if (!elem_is(h, "li"))
			return differ(df, t, "item is <%s>", name_of(h));
		return same_inlines(df, t, h);
	}
	if (elem_is(t, "preformatted")) {
		/* A named figure holding <pre> (<pre><code> for code) with
		 * the tree's lines exactly, spaces and all. */
		if (!elem_is(h, "figure") || !has_class(h, "preformatted") ||
		    !xmlHasProp(h, (const xmlChar *)"aria-label"))
			return differ(df, t, "preformatted is <%s>, not a "
			    "named preformatted figure", name_of(h));
		k = elem_first(h->children);
		if (!elem_is(k, "pre") || elem_next(k) != NULL)
			return differ(df, t, "the preformatted figure holds "
			    "<%s>, not one <pre>", name_of(k));
		if (elem_attr_is(t, "kind", "code") &&
		    !elem_is(elem_first(k->children), "code"))
			return differ(df, t, "code without <code>");
		a = elem_text(t);
		b = elem_text(k);
		ok = strcmp(a, b) == 0;
		if (!ok)
			differ(df, t, "its lines are not the tree's: '%s'", b);
		free(a);
		free(b);
		return ok;
	}
	if (elem_is(t, "back-matter")) {
		/* A section after the article, under a heading of the
		 * words lector adds, then its blocks. */
		kind = elem_attr(t, "kind");
		ok = elem_is(h, "section") && has_class(h, "back-matter") &&
		    kind != NULL && has_class(h, kind);
		xmlFree(kind);
		if (!ok)
			return differ(df, t, "back matter is <%s>, not a "
			    "back-matter section of its kind", name_of(h));
		k = elem_first(h->children);
		if (!elem_is(k, "h2") || !is_label(elem_first(k->children)) ||
		    !elem_attr_is(h, "aria-labelledby", (a = elem_attr(k,
		    "id")) != NULL ? a : "")) {
			xmlFree(a);
			return differ(df, t, "back matter does not open with "
			    "its labelled heading");
		}
		xmlFree(a);
		return same_blocks(df, elem_first(t->children),
		    elem_next(k));
	}
	if (elem_is(t, "thematic-break")) {
		if (!elem_is(h, "hr") || !elem_attr_is(h, "role", "separator") ||
		    h->children != NULL)
			return differ(df, t, "scene break is <%s>", name_of(h));
		return true;
	}
	return differ(df, t, "tree <%s> is unknown to the oracle",
	    name_of(t));
}

/* Sibling blocks, one for one; bylines are in the header. */
static bool
same_blocks(struct diff *df, xmlNodePtr t, xmlNodePtr h)
{
	for (; t != NULL; t = elem_next(t)) {
		if (elem_is(t, "byline"))
			continue;
		if (!same_block(df, t, h))
			return false;
		h = elem_next(h);
	}
	if (h != NULL)
		return differ(df, NULL, "the XHTML has <%s> after the last "
		    "block of the tree", name_of(h));
	return true;
}

/* The header: title, subtitle, bylines (or authors), date, source. */
static bool
same_header(struct diff *df, xmlDocPtr t, xmlNodePtr h)
{
	xmlNodePtr	 k, m;
	char		*a, *b;
	bool		 byline = false, ok = true;

	if (!elem_is(h, "header"))
		return differ(df, NULL, "<main> starts with <%s>, not the "
		    "header", name_of(h));
	k = elem_first(h->children);
	a = elem_text(tree_meta(t, "title"));
	b = elem_is(k, "h1") ? elem_text(k) : strdup("(none)");
	if (strcmp(a, b) != 0 || !elem_attr_is(k, "id", "title"))
		ok = differ(df, NULL, "title '%s' is '%s' in the header", a,
		    b);
	free(a);
	free(b);
	if (!ok)
		return false;
	k = elem_next(k);
	if ((m = tree_meta(t, "subtitle")) != NULL) {
		if (!elem_is(k, "p") || !elem_attr_is(k, "class", "subtitle") ||
		    !elem_attr_is(k, "role", "doc-subtitle"))
			return differ(df, NULL, "the subtitle is <%s>",
			    name_of(k));
		k = elem_next(k);
	}
	for (m = tree_body(t); m != NULL; m = elem_next(m)) {
		if (!elem_is(m, "byline"))
			continue;
		byline = true;
		if (!elem_is(k, "p") || !elem_attr_is(k, "class", "byline"))
			return differ(df, m, "byline is <%s> in the header",
			    name_of(k));
		if (!same_inlines(df, m, k))
			return false;
		k = elem_next(k);
	}
	if (!byline && tree_meta(t, "author") != NULL) {
		if (!elem_is(k, "p") || !elem_attr_is(k, "class", "byline"))
			return differ(df, NULL, "no byline made from the "
			    "authors");
		k = elem_next(k);
	}
	if (tree_meta(t, "date") != NULL) {
		if (!elem_is(k, "p") || !elem_attr_is(k, "class", "date"))
			return differ(df, NULL, "the date is <%s>",
			    name_of(k));
		k = elem_next(k);
	}
	if (tree_meta(t, "source") != NULL) {
		if (!elem_is(k, "p") || !elem_attr_is(k, "class", "source"))
			return differ(df, NULL, "the source is <%s>",
			    name_of(k));
		k = elem_next(k);
	}
	if (k != NULL)
		return differ(df, NULL, "the header holds <%s> besides the "
		    "article's facts", name_of(k));
	return true;
}

static int
structure(const char *book, const char *tree)
{
	struct diff	 df;
	xmlDocPtr	 x, t;
	xmlNodePtr	 main;
	char		 what[4096];
	int		 rc = 0;

	memset(&df, 0, sizeof(df));
	snprintf(what, sizeof(what), "epub structure %s", book);
	if ((t = tree_load(tree, what)) == NULL)
		return 1;
	if ((x = content(book, what)) == NULL) {
		xmlFreeDoc(t);
		return 1;
	}
	main = elem_find(xmlDocGetRootElement(x), "main");
	if (main == NULL)
		differ(&df, NULL, "no <main>");
	else if (same_header(&df, t, elem_first(main->children)))
		same_blocks(&df, tree_body(t),
		    elem_next(elem_first(main->children)));
	if (df.msg[0] == '\0')
		printf("ok %s\n", what);
	else {
		printf("not ok %s: %s", what, df.msg);
		if (df.line > 0)
			printf(" (the block of line %lu)", df.line);
		putchar('\n');
		rc = 1;
	}
	xmlFreeDoc(x);
	xmlFreeDoc(t);
	return rc;
}

int
main(int argc, char *argv[])
{
	if (argc == 3 && strcmp(argv[1], "list") == 0)
		return list(argv[2]);
	if (argc == 4 && strcmp(argv[1], "cat") == 0)
		return cat(argv[2], argv[3]);
	if (argc == 4 && strcmp(argv[1], "pack") == 0)
		return pack(argv[2], argv[3]);
	if (argc == 4 && strcmp(argv[1], "words") == 0)
		return words(argv[2], argv[3]);
	if (argc == 4 && strcmp(argv[1], "structure") == 0)
		return structure(argv[2], argv[3]);
	fprintf(stderr, "usage: epubtool list|cat|words|structure BOOK.epub "
	    "[NAME|TREE.xml]\n       epubtool pack OUT.zip DIR\n");
	return 2;
}
