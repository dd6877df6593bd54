/* SPDX-License-Identifier: ISC */
/*
 * speechcheck speech SPEECH.txt TREE.xml
 * speechcheck vtt CUES.vtt TREE.xml
 *
 * The speech oracle: what lector says (`-t speech`), or its WebVTT cues
 * (`-t vtt`), against the tree it came from (`-t tree`), in one TAP line
 * each for the structure and the words:
 *   - structure: the utterances come in the tree's order and of the
 *     tree's kinds: the header (title, subtitle, bylines, date, source),
 *     then for each block its sentences by id (a heading's as heading, a
 *     list item's as item, a quote's as quote, between the labels Quote
 *     and End quote), a caption's label, sentences and credit, a scene
 *     break's silence; a VTT file has a cue for each of them but the
 *     silences, named by the id of what it says (labels and credits
 *     have none);
 *   - words: each sentence, as written (the speech dump's last column),
 *     has the words of the tree's sentence, and an item's first its
 *     number.
 * For the default speech profile (labels spoken).
 */
#define _POSIX_C_SOURCE 200809L

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/oracle.h"

/* What the tree says will be heard, in order. */
struct expect {
	char	 kind[16];
	char	 id[16];
	char	*text;		/* the words wanted; NULL: not checked */
};

struct expects {
	struct expect	*v;
	size_t		 n;
	size_t		 cap;
};

static void
want(struct expects *e, const char *kind, const char *id, char *text)
{
	if (e->n == e->cap) {
		e->cap = e->cap ? e->cap * 2 : 64;
		e->v = realloc(e->v, e->cap * sizeof(*e->v));
	}
	snprintf(e->v[e->n].kind, sizeof(e->v[e->n].kind), "%s", kind);
	snprintf(e->v[e->n].id, sizeof(e->v[e->n].id), "%s", id);
	e->v[e->n].text = text;
	e->n++;
}

/* The sentences of a block of text, as utterances of kind. */
static void
sentences(struct expects *e, xmlNodePtr blk, const char *kind,
    const char *prefix)
{
	xmlNodePtr	 k;
	char		*id, *text, *t;

	for (k = elem_first(blk->children); k != NULL; k = elem_next(k)) {
		if (!elem_is(k, "sentence"))
			continue;
		id = elem_attr(k, "id");
		t = elem_text(k);
		text = malloc(strlen(prefix) + strlen(t) + 1);
		strcpy(text, prefix);
		strcat(text, t);
		free(t);
		want(e, kind, id != NULL ? id : "?", text);
		xmlFree(id);
		prefix = "";
	}
}

/*
 * A preformatted block: what it is; then, for text in columns, each of
 * its lines that has words, with those words.
 */
static void
preformatted(struct expects *e, xmlNodePtr k)
{
	char	*text = elem_text(k), *line, *nl;
	struct words w;

	want(e, "preformatted", "-", NULL);
	if (elem_attr_is(k, "kind", "text"))
		for (line = text; line != NULL; line = nl) {
			if ((nl = strchr(line, '\n')) != NULL)
				*nl++ = '\0';
			memset(&w, 0, sizeof(w));
			words_add(&w, line, false);
			if (w.n > 0)
				want(e, "preformatted", "-", strdup(line));
			words_free(&w);
		}
	free(text);
}

static void
blocks(struct expects *e, xmlNodePtr k, const char *kind)
{
	xmlNodePtr	 item;
	char		*start, num[16];
	unsigned long	 n;

	for (; k != NULL; k = elem_next(k)) {
		if (elem_is(k, "heading"))
			sentences(e, k, "heading", "");
		else if (elem_is(k, "paragraph"))
			sentences(e, k, kind, "");
		else if (elem_is(k, "caption")) {
			want(e, "label", "-", NULL);
			sentences(e, k, "caption", "");
			for (item = elem_first(k->children); item != NULL;
			    item = elem_next(item))
				if (elem_is(item, "credit"))
					want(e, "credit", "-", NULL);
		} else if (elem_is(k, "blockquote")) {
			want(e, "label", "-", NULL);
			blocks(e, elem_first(k->children), "quote");
			want(e, "label", "-", NULL);
		} else if (elem_is(k, "list")) {
			start = elem_attr(k, "start");
			n = start != NULL ? strtoul(start, NULL, 10) : 1;
			xmlFree(start);
			for (item = elem_first(k->children); item != NULL;
			    item = elem_next(item)) {
				num[0] = '\0';
				if (elem_attr_is(k, "ordered", "true"))
					snprintf(num, sizeof(num), "%lu. ",
					    n++);
				sentences(e, item, "item", num);
			}
		} else if (elem_is(k, "thematic-break"))
			want(e, "break", "-", NULL);
		else if (elem_is(k, "back-matter")) {
			/* Its label, then its blocks. */
			want(e, "label", "-", NULL);
			blocks(e, elem_first(k->children), kind);
		} else if (elem_is(k, "preformatted"))
			preformatted(e, k);
	}
}

static void
expected(xmlDocPtr t, struct expects *e)
{
	xmlNodePtr	 k, title = tree_meta(t, "title");
	bool		 byline = false;

	if (!elem_attr_is(title, "from", "sentence"))
		want(e, "title", "title", elem_text(title));
	if (tree_meta(t, "subtitle") != NULL)
		want(e, "subtitle", "subtitle",
		    elem_text(tree_meta(t, "subtitle")));
	for (k = tree_body(t); k != NULL; k = elem_next(k))
		if (elem_is(k, "byline")) {
			sentences(e, k, "byline", "");
			byline = true;
		}
	if (!byline && tree_meta(t, "author") != NULL)
		want(e, "byline", "byline", NULL);
	if (tree_meta(t, "date") != NULL)
		want(e, "date", "date", NULL);
	if (tree_meta(t, "source") != NULL)
		want(e, "source", "source", elem_text(tree_meta(t, "source")));
	blocks(e, tree_body(t), "sentence");
}

/* One utterance or cue as the file gives it. */
struct heard {
	char	 kind[16];
	char	 id[16];
	char	*written;
};

/* The lines of a speech dump: KIND PAUSE ID TEXT [WRITTEN]. */
static size_t
read_speech(FILE *f, struct heard **out)
{
	char		*line = NULL, *field[5], *s;
	size_t		 cap = 0, n = 0, k;
	ssize_t		 len;
	struct heard	*v = NULL;

	while ((len = getline(&line, &cap, f)) > 0) {
		if (line[len - 1] == '\n')
			line[len - 1] = '\0';
		if (line[0] == '#' || line[0] == '\0')
			continue;
		for (k = 0, s = line; k < 5 && s != NULL; k++) {
			field[k] = s;
			if ((s = strchr(s, '\t')) != NULL)
				*s++ = '\0';
		}
		if (k < 4)
			continue;
		v = realloc(v, (n + 1) * sizeof(*v));
		snprintf(v[n].kind, sizeof(v[n].kind), "%s", field[0]);
		snprintf(v[n].id, sizeof(v[n].id), "%s", field[2]);
		v[n].written = strdup(k == 5 ? field[4] : field[3]);
		n++;
	}
	free(line);
	*out = v;
	return n;
}

/* Cue text with WebVTT's &amp; &lt; &gt; made characters again. */
static char *
unescape(const char *s)
{
	char	*out = malloc(strlen(s) + 1), *o = out;

	while (*s != '\0') {
		if (strncmp(s, "&amp;", 5) == 0)
			*o++ = '&', s += 5;
		else if (strncmp(s, "&lt;", 4) == 0)
			*o++ = '<', s += 4;
		else if (strncmp(s, "&gt;", 4) == 0)
			*o++ = '>', s += 4;
		else
			*o++ = *s++;
	}
	*o = '\0';
	return out;
}

/* The cues of a WebVTT file: an id line (or none), times, text. */
static size_t
read_vtt(FILE *f, struct heard **out)
{
	char		*line = NULL, prev[64] = "";
	size_t		 cap = 0, n = 0;
	ssize_t		 len;
	struct heard	*v = NULL;
	bool		 text = false;

	while ((len = getline(&line, &cap, f)) > 0) {
		if (line[len - 1] == '\n')
			line[--len] = '\0';
		if (text) {
			v[n - 1].written = unescape(line);
			text = false;
		} else if (strstr(line, " --> ") != NULL) {
			v = realloc(v, (n + 1) * sizeof(*v));
			snprintf(v[n].kind, sizeof(v[n].kind), "cue");
			snprintf(v[n].id, sizeof(v[n].id), "%s",
			    prev[0] != '\0' ? prev : "-");
			v[n].written = NULL;
			n++;
			text = true;
		}
		snprintf(prev, sizeof(prev), "%s", line);
	}
	free(line);
	*out = v;
	return n;
}

int
main(int argc, char *argv[])
{
	struct expects	 e = { 0 };
	struct heard	*h = NULL;
	struct words	 a = { 0 }, b = { 0 };
	xmlDocPtr	 t;
	FILE		*f;
	char		 what[4096], msg[512] = "";
	size_t		 nh, i, j;
	bool		 vtt;
	int		 rc = 0;

	if (argc != 4 || (strcmp(argv[1], "speech") != 0 &&
	    strcmp(argv[1], "vtt") != 0)) {
		fprintf(stderr, "usage: speechcheck speech|vtt FILE TREE.xml\n");
		return 2;
	}
	vtt = strcmp(argv[1], "vtt") == 0;
	snprintf(what, sizeof(what), "%s %s", argv[1], argv[2]);
	if ((t = tree_load(argv[3], what)) == NULL)
		return 1;
	if ((f = fopen(argv[2], "r")) == NULL) {
		printf("not ok %s: cannot read\n", what);
		return 1;
	}
	nh = vtt ? read_vtt(f, &h) : read_speech(f, &h);
	fclose(f);
	expected(t, &e);

	/* Structure: the same utterances, in order (a VTT file leaves out
	 * the silences). */
	for (i = 0, j = 0; i < e.n && msg[0] == '\0'; i++) {
		if (vtt && strcmp(e.v[i].kind, "break") == 0)
			continue;
		if (j >= nh)
			snprintf(msg, sizeof(msg), "%s %s is not there",
			    e.v[i].kind, e.v[i].id);
		else if ((!vtt && strcmp(h[j].kind, e.v[i].kind) != 0) ||
		    strcmp(h[j].id, e.v[i].id) != 0)
			snprintf(msg, sizeof(msg), "utterance %zu is %s %s, "
			    "not %s %s", j + 1, h[j].kind, h[j].id,
			    e.v[i].kind, e.v[i].id);
		j++;
	}
	if (msg[0] == '\0' && j < nh)
		snprintf(msg, sizeof(msg), "%s %s is more than the tree has",
		    h[j].kind, h[j].id);
	if (msg[0] == '\0')
		printf("ok %s: structure (%zu)\n", what, nh);
	else {
		printf("not ok %s: structure: %s\n", what, msg);
		rc = 1;
	}

	/* Words: each sentence as written. */
	for (i = 0, j = 0; i < e.n && msg[0] == '\0'; i++) {
		if (vtt && strcmp(e.v[i].kind, "break") == 0)
			continue;
		if (j < nh && e.v[i].text != NULL && h[j].written != NULL) {
			words_add(&a, e.v[i].text, true);
			words_add(&b, h[j].written, true);
		}
		j++;
	}
	if (msg[0] == '\0') {
		snprintf(what + strlen(what), sizeof(what) - strlen(what),
		    ": words");
		rc |= words_same(&a, &b, what);
	} else
		printf("not ok %s: words: not checked (see the structure)\n",
		    what);
	for (i = 0; i < e.n; i++)
		free(e.v[i].text);
	for (i = 0; i < nh; i++)
		free(h[i].written);
	free(e.v);
	free(h);
	words_free(&a);
	words_free(&b);
	xmlFreeDoc(t);
	return rc;
}
