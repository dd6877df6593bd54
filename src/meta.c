/* SPDX-License-Identifier: ISC */
#include "common.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "arena.h"
#include "buf.h"
#include "detect.h"
#include "diag.h"
#include "labels.h"
#include "meta.h"
#include "text.h"
#include "tree.h"
#include "utf8.h"

/* A title made from the first sentence is cut near this width. */
#define TITLE_MAX_COLS		80

/* Words of a byline part that name a role or a desk, not a person. */
static const char *const role_words[] = {
	"correspondent", "reporter", "editor", "writer", "staff", "news",
	"columnist", "contributor", "analyst", "desk", "reportero",
	"redacción", "corresponsal",
};

static bool
word_is(const char *s, size_t len, const char *w)
{
	return strlen(w) == len && strncasecmp(s, w, len) == 0;
}

/* Add one name, trimmed, unless it is empty. */
static void
add_name(struct doc *d, const char *s, size_t len)
{
	struct meta	*m = &d->meta;
	const char	**a;

	while (len > 0 && (*s == ' ' || *s == '\t'))
		s++, len--;
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '.'))
		len--;
	if (len == 0)
		return;
	a = arena_alloc(d->arena, (m->nauthors + 1) * sizeof(*a));
	if (m->nauthors > 0)
		memcpy(a, m->authors, m->nauthors * sizeof(*a));
	a[m->nauthors++] = arena_strndup(d->arena, s, len);
	m->authors = a;
}

/* Add a part of a byline unless a word of it names a role. */
static void
add_author(struct doc *d, const char *s, size_t len)
{
	size_t	 i, j, k;

	for (i = 0; i < len; i = j + 1) {
		for (j = i; j < len && s[j] != ' '; j++)
			continue;
		for (k = 0; k < NELEM(role_words); k++)
			if (word_is(s + i, j - i, role_words[k]))
				return;
	}
	add_name(d, s, len);
}

void
meta_add_author(struct doc *d, const char *s, size_t len)
{
	add_name(d, s, len);
}

void
meta_add_authors(struct doc *d, const char *s, size_t len)
{
	size_t	 i = 0, j, sep;

	/* What follows a bar or a dash is a date or a desk, not a name. */
	for (j = 0; j < len; j++)
		if (s[j] == '|' || strncmp(s + j, " - ", 3) == 0 ||
		    strncmp(s + j, " \xe2\x80\x94", 4) == 0 ||
		    strncmp(s + j, " \xe2\x80\x93 ", 5) == 0) {
			len = j;
			break;
		}
	while (i < len) {
		sep = 0;
		for (j = i; j < len; j++) {
			if (s[j] == ',' || s[j] == ';' || s[j] == '&')
				sep = 1;
			else if (strncmp(s + j, " and ", 5) == 0 ||
			    strncmp(s + j, " y ", 3) == 0)
				sep = s[j + 1] == 'a' ? 5 : 3;
			if (sep)
				break;
		}
		add_author(d, s + i, j - i);
		i = j + (sep ? sep : 1);
	}
}

/* Whether a and b are the same text but for case. */
static bool
same_words(const char *a, const char *b)
{
	size_t	 la = strlen(a), lb = strlen(b), i = 0, j = 0;
	int32_t	 ca, cb;

	while (i < la && j < lb) {
		i += utf8_next(a + i, la - i, &ca);
		j += utf8_next(b + j, lb - j, &cb);
		if (text_tolower(ca) != text_tolower(cb))
			return false;
	}
	return i == la && j == lb;
}

/* Keep the first line of b, its runs of spaces made one. */
static void
squeeze_line(struct buf *b)
{
	size_t	 i, out = 0;

	for (i = 0; i < b->len && b->data[i] != '\n'; i++)
		if (b->data[i] != ' ' || (out > 0 && b->data[out - 1] != ' '))
			b->data[out++] = b->data[i];
	while (out > 0 && b->data[out - 1] == ' ')
		out--;
	b->len = out;
	if (b->data != NULL)
		b->data[out] = '\0';
}

/* A block of one text at line, for what the policy puts back. */
static void
put_back(struct doc *d, enum node_type type, const char *s, unsigned line)
{
	struct node	*n;

	n = node_new(d, type, line);
	if (type == NODE_HEADING)
		n->u.level = 2;
	node_append(n, node_new_text(d, s, strlen(s), line));
	node_insert_ordered(d->root, n);
}

/*
 * The language from the text itself, when nothing named it; English,
 * lector's default, when the text is too short to tell.
 */
static void
detect(struct doc *d)
{
	struct meta	*m = &d->meta;
	char		 tag[32], script[5];

	switch (detect_doc(d, tag, sizeof(tag), script)) {
	case DETECT_FOUND:
		diag(DIAG_INFO, 0, "language: %s, told from the text", tag);
		break;
	case DETECT_GUESSED:
		diag(DIAG_WARN, 0, "language: too little text to tell; %s, "
		    "the likeliest for its script (--lang names it)", tag);
		break;
	case DETECT_UNKNOWN:
		diag(DIAG_WARN, 0, "language: not known for its script (%s); "
		    "marked undetermined (--lang names it)", script);
		snprintf(tag, sizeof(tag), "und");
		break;
	case DETECT_NONE:
		m->language = "en";
		m->language_from = FROM_DEFAULT;
		return;
	}
	m->language = arena_strdup(d->arena, tag);
	m->language_from = FROM_DETECTED;
}

void
meta_settle(struct doc *d, const struct meta_overrides *o)
{
	struct meta	*m = &d->meta;
	size_t		 i;

	if (o != NULL && o->title != NULL) {
		m->title = arena_strdup(d->arena, o->title);
		m->title_from = FROM_OPTION;
		m->title_line = 0;
	}
	if (o != NULL && o->nauthors > 0) {
		/* The names as given: the user means them all. */
		m->nauthors = 0;
		for (i = 0; i < o->nauthors; i++)
			add_name(d, o->authors[i], strlen(o->authors[i]));
	}
	if (o != NULL && o->lang != NULL) {
		m->language = arena_strdup(d->arena, o->lang);
		m->language_from = FROM_OPTION;
	}
	if (o != NULL && o->date != NULL) {
		if (m->date != NULL && m->date_line > 0)
			put_back(d, NODE_PARAGRAPH, m->date, m->date_line);
		m->date = arena_strdup(d->arena, o->date);
		m->date_line = 0;
	}
	/* A headline that an option or the header replaced is kept. */
	if (m->headline != NULL) {
		if (m->title == NULL) {
			m->title = m->headline;
			m->title_from = FROM_TEXT;
			m->title_line = m->headline_line;
		} else if (same_words(m->title, m->headline)) {
			/* "THE LAMP BY THE GATE" under "Title: The Lamp by
			 * the Gate": one title, as the header writes it. */
			m->title_line = m->headline_line;
		} else if (m->subtitle == NULL) {
			m->subtitle = m->headline;
			m->subtitle_line = m->headline_line;
		} else
			put_back(d, NODE_HEADING, m->headline,
			    m->headline_line);
	}
	if (m->language == NULL)
		detect(d);
	detect_passages(d);
}

/*
 * A title from the first sentence of a block: the lead-in in normal
 * case, without its final full stop, or, if it is wider than
 * TITLE_MAX_COLS, cut at a word boundary (a grapheme cluster's, in a
 * sentence without spaces) with an ellipsis.  Arena-owned.
 */
static const char *
sentence_title(struct doc *d, const struct node *block)
{
	const struct node *k;
	struct buf	 b = { 0 };
	size_t		 end;
	const char	*t;

	for (k = block->first; k != NULL && k->type != NODE_SENTENCE;
	    k = k->next)
		continue;
	tree_text(k != NULL ? k : block, TT_LEAD_IN_CASE | TT_NO_CREDIT, &b);
	/* A preformatted block's first line, its spaces made single. */
	squeeze_line(&b);
	if ((end = text_fit(b.data, b.len, TITLE_MAX_COLS, 0)) < b.len) {
		b.len = end;
		buf_puts(&b, TEXT_ELLIPSIS);
		end = b.len;
	} else
		while (end > 0 && b.data[end - 1] == '.')
			end--;
	t = arena_strndup(d->arena, b.data != NULL ? b.data : "", end);
	buf_free(&b);
	return t;
}

void
meta_title(struct doc *d)
{
	struct meta		*m = &d->meta;
	const struct node	*k;

	if (m->title == NULL) {
		for (k = d->root->first; k != NULL; k = k->next)
			if (k->type == NODE_PARAGRAPH)
				break;
		if (k == NULL)
			k = d->root->first;
		while (k != NULL && (k->type == NODE_LIST ||
		    k->type == NODE_BLOCKQUOTE || k->type == NODE_BACK_MATTER))
			k = k->first;
		if (k != NULL && k->type != NODE_THEMATIC_BREAK) {
			m->title = sentence_title(d, k);
			m->title_from = FROM_SENTENCE;
		}
	}
	if (m->title == NULL || *m->title == '\0') {
		m->title = d->name;
		m->title_from = FROM_DEFAULT;
	}
}

/*
 * Two 64-bit FNV-1a hashes make the 128 bits, marked as an RFC 9562
 * version 8 (custom) UUID.
 */
void
meta_uuid(const struct meta *m, const char *content, size_t len, char *out,
    size_t outsz)
{
	uint64_t	 h[2] = { 0xcbf29ce484222325ULL, 0x84222325cbf29ce4ULL };
	unsigned char	 u[16];
	const char	*parts[4];
	size_t		 i, k, n;

	parts[0] = content;
	parts[1] = m->title;
	parts[2] = m->language;
	parts[3] = m->date != NULL ? m->date : "";
	for (k = 0; k < NELEM(parts); k++) {
		n = k == 0 ? len : strlen(parts[k]);
		for (i = 0; i < n; i++) {
			h[0] = (h[0] ^ (unsigned char)parts[k][i]) *
			    0x100000001b3ULL;
			h[1] = (h[1] ^ (unsigned char)parts[k][i]) *
			    0x100000001b3ULL;
			h[1] ^= h[1] >> 29;
		}
	}
	for (i = 0; i < 8; i++) {
		u[i] = (unsigned char)(h[0] >> (56 - 8 * i));
		u[8 + i] = (unsigned char)(h[1] >> (56 - 8 * i));
	}
	u[6] = (unsigned char)((u[6] & 0x0f) | 0x80);
	u[8] = (unsigned char)((u[8] & 0x3f) | 0x80);
	snprintf(out, outsz, "urn:uuid:%02x%02x%02x%02x-%02x%02x-%02x%02x-"
	    "%02x%02x-%02x%02x%02x%02x%02x%02x", u[0], u[1], u[2], u[3],
	    u[4], u[5], u[6], u[7], u[8], u[9], u[10], u[11], u[12], u[13],
	    u[14], u[15]);
}

void
meta_header(const struct doc *d, void (*fn)(enum header_part,
    const struct node *, const char *, void *), void *arg)
{
	const struct meta *m = &d->meta;
	const struct node *k;
	struct buf	 s = { 0 };
	bool		 byline = false;

	if (m->subtitle != NULL)
		fn(HEADER_SUBTITLE, NULL, m->subtitle, arg);
	for (k = d->root->first; k != NULL; k = k->next)
		if (k->type == NODE_BYLINE) {
			fn(HEADER_BYLINE, k, NULL, arg);
			byline = true;
		}
	if (!byline && m->nauthors > 0) {
		label_byline(m->language, m->authors, m->nauthors, &s);
		fn(HEADER_AUTHORS, NULL, s.data, arg);
		buf_free(&s);
	}
	if (m->date != NULL)
		fn(HEADER_DATE, NULL, m->date, arg);
	if (m->source != NULL)
		fn(HEADER_SOURCE, NULL, m->source, arg);
}
