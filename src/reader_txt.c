/* SPDX-License-Identifier: ISC */
/*
 * The `txt` reader: plain-text articles, all by themselves, without
 * markup.  It works in three passes over the lines of the decoded text:
 *
 *  1. the header block (Key: value lines) and the top matter (caption,
 *     headline, subtitle, byline, date), found line by line because they
 *     often sit together without blank lines between them;
 *  2. the rest cut into units: paragraphs, list items, block quotes and
 *     scene breaks, where a paragraph ends at a blank line, or at a line
 *     break that a line-per-paragraph or hard-wrapped text implies;
 *  3. units turned into blocks (a short lone line becomes a subheading,
 *     items become lists), and text into inlines (lead-in, emphasis,
 *     strong, links).
 *
 * Nothing is ever dropped: a line that fits no rule is a paragraph.
 */
#include "common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>

#include "arena.h"
#include "buf.h"
#include "date.h"
#include "diag.h"
#include "lang.h"
#include "meta.h"
#include "reader.h"
#include "text.h"
#include "tree.h"
#include "utf8.h"
#include "xalloc.h"

/* A line longer than this was not hard-wrapped: it is a paragraph. */
#define WRAP_MAX_COLS		100
/* Limits for a line to be a headline, subheading, byline or date. */
#define HEADLINE_MAX_COLS	200
#define HEADLINE_MAX_WORDS	30
#define HEADING_MAX_COLS	80
#define HEADING_MAX_WORDS	12
#define BYLINE_MAX_COLS		120
#define DATE_MAX_COLS		60
#define CREDIT_MAX_COLS		100

struct line {
	const char	*s;	/* content: after indentation and markers */
	size_t		 len;	/* bytes of content, trailing space cut */
	size_t		 cols;	/* display columns of content */
	unsigned	 no;	/* 1-based line number */
	unsigned	 indent;	/* columns of leading white space */
	bool		 blank;
};

enum unit_kind {
	UNIT_PLAIN,	/* paragraph, subheading or caption */
	UNIT_ITEM,	/* one list item (marker stripped) */
	UNIT_QUOTE,	/* block-quote lines ('>' stripped) */
	UNIT_BREAK,	/* scene break */
};

struct unit {
	enum unit_kind	 kind;
	size_t		 first;		/* index of the first line */
	size_t		 n;		/* lines in the unit */
	bool		 ordered;	/* UNIT_ITEM: numbered */
	unsigned	 number;	/* UNIT_ITEM: its number */
	bool		 alone;		/* PLAIN: the whole of its block */
};

struct parser {
	struct doc		*d;
	char			*text;		/* a copy of the input */
	struct line		*lines;
	size_t			 nlines;
	struct unit		*units;
	size_t			 nunits;
	size_t			 units_cap;
	bool			 para_seen;	/* a paragraph was made */
	struct buf		 tmp;
};

/* ---- Small facts about text ------------------------------------------ */

static int32_t
first_cp(const char *s, size_t len)
{
	int32_t	 cp;

	if (len == 0)
		return 0;
	utf8_next(s, len, &cp);
	return cp;
}

/* The last code point of s, and its offset in *off. */
static int32_t
last_cp(const char *s, size_t len, size_t *off)
{
	size_t	 i;
	int32_t	 cp;

	if (len == 0) {
		*off = 0;
		return 0;
	}
	i = len - 1;
	while (i > 0 && ((unsigned char)s[i] & 0xc0) == 0x80)
		i--;
	utf8_next(s + i, len - i, &cp);
	*off = i;
	return cp;
}

/* Whether s ends a sentence or a clause that leads on (a colon). */
static bool
ends_terminal(const char *s, size_t len)
{
	int32_t	 cp;
	size_t	 off;

	for (;;) {
		cp = last_cp(s, len, &off);
		if (!text_is_closer(cp) || off == 0)
			break;
		len = off;
	}
	return cp == '.' || cp == '!' || cp == '?' || cp == ':' ||
	    cp == 0x2026 || cp == 0x3002 || cp == 0xff01 || cp == 0xff1f;
}

/* Whether s ends with any punctuation that a heading would not have. */
static bool
ends_punct(const char *s, size_t len)
{
	int32_t	 cp;
	size_t	 off;

	cp = last_cp(s, len, &off);
	return ends_terminal(s, len) || cp == ',' || cp == ';' ||
	    cp == 0x2014 || cp == 0x2013 || cp == '-';
}

/*
 * The first letter or digit after opening punctuation, dashes and currency
 * signs, or 0.
 */
static int32_t
first_alnum(const char *s, size_t len)
{
	size_t	 i, n;
	int32_t	 cp;

	for (i = 0; i < len; i += n) {
		n = utf8_next(s + i, len - i, &cp);
		if (text_is_letter(cp) || text_is_digit(cp))
			return cp;
		/* "(The", a dash before it, "$5m" */
		if (!text_is_opener(cp) && cp != 0x2014 && cp != 0x2013 &&
		    !text_is_currency(cp))
			return 0;
	}
	return 0;
}

static bool
starts_lower(const char *s, size_t len)
{
	return text_is_lower(first_alnum(s, len));
}

/* Columns of the first word of a line. */
static size_t
first_word_cols(const struct line *l)
{
	size_t	 i;

	for (i = 0; i < l->len && l->s[i] != ' ' && l->s[i] != '\t'; i++)
		continue;
	return text_cols(l->s, i);
}

/* Case-insensitive ASCII comparison of a word with s[0..len). */
static bool
word_is(const char *s, size_t len, const char *w)
{
	return strlen(w) == len && strncasecmp(s, w, len) == 0;
}

/* ---- Line shapes ------------------------------------------------------ */

/*
 * A scene break: three or more of one of * - _ = ~ # • ·, alone on the
 * line, spaces allowed between them ("* * *", "---").
 */
static bool
is_break(const struct line *l)
{
	int32_t	 mark = 0, cp;
	size_t	 i, n, count = 0;

	for (i = 0; i < l->len; i += n) {
		n = utf8_next(l->s + i, l->len - i, &cp);
		if (cp == ' ' || cp == '\t')
			continue;
		if (mark == 0) {
			if (cp != '*' && cp != '-' && cp != '_' && cp != '=' &&
			    cp != '~' && cp != '#' && cp != 0x2022 &&
			    cp != 0xb7)
				return false;
			mark = cp;
		} else if (cp != mark)
			return false;
		count++;
	}
	return count >= 3;
}

/*
 * A list item marker: "- ", "* ", "• ", "‣ ", "◦ " or a number of one to
 * three digits and "." or ")" and a space.  Sets the content offset.
 */
static bool
is_item(const struct line *l, bool *ordered, unsigned *number,
    size_t *content)
{
	size_t	 i = 0, n;
	int32_t	 cp;
	unsigned num = 0;

	n = utf8_next(l->s, l->len, &cp);
	if (cp == '-' || cp == '*' || cp == 0x2022 || cp == 0x2023 ||
	    cp == 0x25e6) {
		i = n;
		*ordered = false;
	} else {
		while (i < l->len && i < 3 && l->s[i] >= '0' && l->s[i] <= '9')
			num = num * 10 + (unsigned)(l->s[i++] - '0');
		if (i == 0 || i >= l->len || (l->s[i] != '.' && l->s[i] != ')'))
			return false;
		i++;
		*ordered = true;
	}
	if (i >= l->len || (l->s[i] != ' ' && l->s[i] != '\t'))
		return false;
	while (i < l->len && (l->s[i] == ' ' || l->s[i] == '\t'))
		i++;
	if (i >= l->len)
		return false;
	*number = num;
	*content = i;
	return true;
}

/* A block-quote line: '>' then an optional space.  Sets the offset. */
static bool
is_quote(const struct line *l, size_t *content)
{
	if (l->len == 0 || l->s[0] != '>')
		return false;
	*content = l->len > 1 && l->s[1] == ' ' ? 2 : 1;
	return true;
}

/* Lower-case words that may stand between the names of a byline. */
static const char *const byline_links[] = {
	"and", "y", "e", "de", "del", "van", "von", "der", "da", "di", "du",
	"la", "le", "al", "bin",
};

/*
 * "By Name and Name" (or "Por ..."): short, and every word after "By" a
 * name, a linking word or not a word at all ("By Monday, the council"
 * is a sentence).  Sets the length of "By " in *skip.
 */
static bool
is_byline(const char *s, size_t len, size_t *skip)
{
	size_t	 i, j, k;
	bool	 link;

	if (len > 3 && strncasecmp(s, "by ", 3) == 0)
		*skip = 3;
	else if (len > 4 && strncasecmp(s, "por ", 4) == 0)
		*skip = 4;
	else
		return false;
	if (!text_is_upper(first_cp(s + *skip, len - *skip)) ||
	    text_cols(s, len) > BYLINE_MAX_COLS ||
	    text_count_words(s, len) > 16 || ends_terminal(s, len))
		return false;
	for (i = *skip; i < len; i = j + 1) {
		for (j = i; j < len && s[j] != ' '; j++)
			continue;
		if (!text_is_lower(first_cp(s + i, j - i)))
			continue;
		link = false;
		for (k = 0; k < NELEM(byline_links) && !link; k++)
			link = word_is(s + i, j - i, byline_links[k]);
		if (!link)
			return false;
	}
	return true;
}

/* A date alone on a line (see date_parse()). */
static bool
is_date(const char *s, size_t len)
{
	struct date	 d;

	return text_cols(s, len) <= DATE_MAX_COLS && date_parse(s, len, &d);
}

/*
 * A photo caption: text, then the credit in parentheses at the very end
 * ("... the United States. (Johan Ordonez/AFP/Getty Images)").  The credit
 * must look like one: short, and with a slash or a word that credits use.
 * Sets the byte offset of '(' in *open.
 */
static const char *const credit_words[] = {
	"photo", "photos", "photograph", "image", "images", "picture",
	"pictures", "credit", "courtesy", "getty", "reuters", "afp", "ap",
	"epa", "pa", "pool", "shutterstock", "alamy", "illustration",
	"foto", "imagen",
};

static bool
is_caption(const char *s, size_t len, size_t *open)
{
	const char	*credit;
	size_t		 o, clen, i, j, k, depth = 0;
	bool		 known = false;

	if (len < 4 || s[len - 1] != ')')
		return false;
	for (o = len; o > 0; o--) {
		if (s[o - 1] == ')')
			depth++;
		else if (s[o - 1] == '(' && --depth == 0)
			break;
	}
	if (o == 0)
		return false;
	o--;
	credit = s + o + 1;
	clen = len - o - 2;
	/* At least three words of caption before the credit. */
	if (clen == 0 || text_count_words(s, o) < 3 ||
	    text_cols(credit, clen) > CREDIT_MAX_COLS ||
	    !text_is_upper(first_alnum(credit, clen)))
		return false;
	known = memchr(credit, '/', clen) != NULL;
	for (i = 0; i < clen && !known; i = j + 1) {
		for (j = i; j < clen && credit[j] != ' ' && credit[j] != '/' &&
		    credit[j] != ',' && credit[j] != ':' && credit[j] != ';';
		    j++)
			continue;
		for (k = 0; k < NELEM(credit_words) && !known; k++)
			known = word_is(credit + i, j - i, credit_words[k]);
	}
	if (!known)
		return false;
	*open = o;
	return true;
}

/*
 * A headline: one line, not too long, not a sentence ending in a full
 * stop or a comma, and not any other recognised shape.
 */
static bool
is_headline_text(const char *s, size_t len)
{
	int32_t	 cp;
	size_t	 off;

	cp = last_cp(s, len, &off);
	return text_cols(s, len) <= HEADLINE_MAX_COLS &&
	    text_count_words(s, len) <= HEADLINE_MAX_WORDS &&
	    cp != '.' && cp != ',' && cp != ';' && cp != ':' && cp != '-' &&
	    cp != 0x2013 && cp != 0x2014 &&
	    first_alnum(s, len) != 0 && !starts_lower(s, len);
}

/* ---- Pass 1: header block and top matter ------------------------------ */

/*
 * Cut text (a private copy, changed in place) into lines: indentation
 * measured, trailing white space cut, and inside the line every run of
 * spaces and tabs made one space, so no later step sees a tab.
 */
static void
split_lines(struct parser *p, char *text, size_t len)
{
	size_t		 i, start, end, k, out, cap = 64;
	struct line	*l;

	p->lines = xreallocarray(NULL, cap, sizeof(*p->lines));
	for (start = 0; start < len; start = i + 1) {
		for (i = start; i < len && text[i] != '\n'; i++)
			continue;
		if (p->nlines == cap) {
			cap *= 2;
			p->lines = xreallocarray(p->lines, cap,
			    sizeof(*p->lines));
		}
		l = &p->lines[p->nlines];
		l->no = (unsigned)(p->nlines + 1);
		p->nlines++;
		l->indent = 0;
		for (end = start; end < i; end++) {
			if (text[end] == ' ')
				l->indent++;
			else if (text[end] == '\t')
				l->indent = (l->indent / 8 + 1) * 8;
			else
				break;
		}
		for (k = out = end; k < i; k++) {
			if (text[k] == '\t')
				text[k] = ' ';
			if (text[k] != ' ' || text[out - 1] != ' ')
				text[out++] = text[k];
		}
		l->s = text + end;
		l->len = out - end;
		/* Trailing white space, Unicode spaces included. */
		while (l->len > 0) {
			size_t	 off;
			int32_t	 cp = last_cp(l->s, l->len, &off);

			if (!text_is_space(cp))
				break;
			l->len = off;
		}
		l->blank = l->len == 0;
		l->cols = text_cols(l->s, l->len);
	}
}

enum header_key {
	KEY_TITLE,
	KEY_SUBTITLE,
	KEY_AUTHOR,
	KEY_DATE,
	KEY_LANGUAGE,
	KEY_SOURCE,
	KEY__MAX
};

static const struct {
	const char	*name;
	enum header_key	 key;
} header_keys[] = {
	{ "title", KEY_TITLE },
	{ "headline", KEY_TITLE },
	{ "subtitle", KEY_SUBTITLE },
	{ "author", KEY_AUTHOR },
	{ "authors", KEY_AUTHOR },
	{ "by", KEY_AUTHOR },
	{ "date", KEY_DATE },
	{ "language", KEY_LANGUAGE },
	{ "lang", KEY_LANGUAGE },
	{ "source", KEY_SOURCE },
	{ "publication", KEY_SOURCE },
};

/* A header line "Key: value" with a known key.  Sets key and value. */
static bool
header_line(const struct line *l, enum header_key *key, size_t *value)
{
	const char	*colon;
	size_t		 k, klen;

	if (l->indent > 0 ||
	    (colon = memchr(l->s, ':', l->len)) == NULL)
		return false;
	klen = (size_t)(colon - l->s);
	for (k = 0; k < NELEM(header_keys); k++)
		if (word_is(l->s, klen, header_keys[k].name))
			break;
	if (k == NELEM(header_keys))
		return false;
	*key = header_keys[k].key;
	*value = klen + 1;
	while (*value < l->len && (l->s[*value] == ' ' ||
	    l->s[*value] == '\t'))
		(*value)++;
	return *value < l->len;
}

/* Set one metadata string unless the header set it first. */
static void
set_meta(struct parser *p, const char **field, const char *s, size_t len)
{
	if (*field == NULL)
		*field = arena_strndup(p->d->arena, s, len);
}

static size_t
parse_header(struct parser *p)
{
	struct meta	*m = &p->d->meta;
	enum header_key	 key;
	size_t		 i, first, value;
	const struct line *l;
	char		 tag[64];

	for (first = 0; first < p->nlines && p->lines[first].blank; first++)
		continue;
	for (i = first; i < p->nlines && !p->lines[i].blank; i++)
		if (!header_line(&p->lines[i], &key, &value))
			return 0;
	if (i == first)
		return 0;
	for (i = first; i < p->nlines && !p->lines[i].blank; i++) {
		l = &p->lines[i];
		header_line(l, &key, &value);
		switch (key) {
		case KEY_TITLE:
			if (m->title == NULL)
				m->title_from = FROM_HEADER;
			set_meta(p, &m->title, l->s + value, l->len - value);
			break;
		case KEY_SUBTITLE:
			set_meta(p, &m->subtitle, l->s + value,
			    l->len - value);
			break;
		case KEY_AUTHOR:
			meta_add_authors(p->d, l->s + value, l->len - value);
			break;
		case KEY_DATE:
			set_meta(p, &m->date, l->s + value, l->len - value);
			break;
		case KEY_LANGUAGE:
			if (m->language != NULL)
				break;
			if (!lang_parse_tag(l->s + value, l->len - value,
			    tag, sizeof(tag))) {
				diag(DIAG_WARN, l->no, "\"%.*s\" is not a "
				    "language tag such as en or es: ignored",
				    (int)(l->len - value), l->s + value);
				break;
			}
			m->language = arena_strdup(p->d->arena, tag);
			m->language_from = FROM_HEADER;
			break;
		case KEY_SOURCE:
			set_meta(p, &m->source, l->s + value, l->len - value);
			break;
		case KEY__MAX:
			break;
		}
	}
	return i;
}

static size_t
skip_blank(const struct parser *p, size_t i)
{
	while (i < p->nlines && p->lines[i].blank)
		i++;
	return i;
}

static void	 add_caption(struct parser *, const struct line *, size_t);
static void	 add_inlines(struct parser *, struct node *, const char *,
		    size_t, unsigned);

/* Whether line i is a byline or a date. */
static bool
is_top_line(const struct parser *p, size_t i)
{
	const struct line *l = &p->lines[i];
	size_t		 skip;

	return is_byline(l->s, l->len, &skip) || is_date(l->s, l->len);
}

/*
 * Whether the line after line i shows that line i stands alone: a blank
 * line or the end, a byline or a date, or a line so much longer that line
 * i was not cut there by wrapping.
 */
static bool
stands_alone(const struct parser *p, size_t i)
{
	const struct line *l = &p->lines[i], *next;

	if (i + 1 >= p->nlines || p->lines[i + 1].blank ||
	    is_top_line(p, i + 1))
		return true;
	next = &p->lines[i + 1];
	return l->cols + 1 + first_word_cols(next) <= next->cols;
}

/*
 * The top matter: a caption, a headline with an optional subtitle under
 * it, a byline and a date, in any order at the start, with or without
 * blank lines between them.  Returns the index of the first body line.
 */
static size_t
parse_top(struct parser *p, size_t i)
{
	struct meta	*m = &p->d->meta;
	const struct line *l;
	struct node	*n;
	size_t		 open, skip;

	for (;; i++) {
		i = skip_blank(p, i);
		if (i >= p->nlines)
			return i;
		l = &p->lines[i];
		if (is_caption(l->s, l->len, &open) && (stands_alone(p, i) ||
		    l->cols > WRAP_MAX_COLS)) {
			add_caption(p, l, open);
		} else if (is_byline(l->s, l->len, &skip) &&
		    stands_alone(p, i)) {
			n = node_new(p->d, NODE_BYLINE, l->no);
			add_inlines(p, n, l->s, l->len, l->no);
			node_append(p->d->root, n);
			if (m->nauthors == 0)
				meta_add_authors(p->d, l->s + skip,
				    l->len - skip);
		} else if (m->date == NULL && is_date(l->s, l->len) &&
		    stands_alone(p, i)) {
			m->date = arena_strndup(p->d->arena, l->s, l->len);
			m->date_line = l->no;
		} else if (m->headline == NULL && is_headline_text(l->s,
		    l->len) && (stands_alone(p, i) || (i + 1 < p->nlines &&
		    is_headline_text(p->lines[i + 1].s, p->lines[i + 1].len) &&
		    stands_alone(p, i + 1)))) {
			/* A lone line with nothing after it is the text. */
			if (skip_blank(p, i + 1) >= p->nlines)
				return i;
			m->headline = arena_strndup(p->d->arena, l->s, l->len);
			m->headline_line = l->no;
		} else if (m->headline != NULL &&
		    m->headline_line + 1 == l->no &&
		    m->subtitle == NULL && is_headline_text(l->s, l->len) &&
		    stands_alone(p, i)) {
			/* A second headline line, directly under the first. */
			m->subtitle = arena_strndup(p->d->arena, l->s, l->len);
			m->subtitle_line = l->no;
		} else
			return i;
	}
}

/* ---- Pass 2: units ---------------------------------------------------- */

static struct unit *
new_unit(struct parser *p, enum unit_kind kind, size_t first)
{
	struct unit	*u;

	if (p->nunits == p->units_cap) {
		p->units_cap = p->units_cap ? p->units_cap * 2 : 64;
		p->units = xreallocarray(p->units, p->units_cap,
		    sizeof(*p->units));
	}
	u = &p->units[p->nunits++];
	memset(u, 0, sizeof(*u));
	u->kind = kind;
	u->first = first;
	u->n = 1;
	return u;
}

/*
 * Cut a run of plain lines into paragraphs.  Lines longer than a wrapped
 * text would have are paragraphs each (one paragraph per line).  In a
 * hard-wrapped run, a paragraph ends at a line that is short (the next
 * line's first word would have fitted on it) and ends a sentence, or
 * before an indented first line; a short line without final punctuation
 * between two such breaks stands alone, as a subheading would.
 */
static void
split_run(struct parser *p, size_t first, size_t n)
{
	const struct line *l = p->lines + first;
	struct unit	*u = NULL;
	size_t		 i, width = 0;
	bool		 brk, prev_brk = true, wrapped;

	for (i = 0; i < n; i++)
		if (l[i].cols > width)
			width = l[i].cols;
	wrapped = width <= WRAP_MAX_COLS;
	for (i = 0; i < n; i++) {
		if (u == NULL) {
			u = new_unit(p, UNIT_PLAIN, first + i);
			u->n = 0;
		}
		u->n++;
		if (i + 1 == n)
			break;
		if (!wrapped)
			brk = true;
		else if (l[i + 1].indent > l[i].indent)
			brk = true;
		else if (l[i].cols + 1 + first_word_cols(&l[i + 1]) > width)
			brk = false;
		else if (ends_terminal(l[i].s, l[i].len))
			brk = true;
		else
			brk = prev_brk && l[i].cols <= HEADING_MAX_COLS &&
			    !starts_lower(l[i + 1].s, l[i + 1].len);
		if (brk)
			u = NULL;
		prev_brk = brk;
	}
}

static void
make_units(struct parser *p, size_t i)
{
	struct line	*l;
	struct unit	*last;
	size_t		 run = 0, nrun, off, block_units;
	bool		 ordered, item, quote, brk;
	unsigned	 number;

	while ((i = skip_blank(p, i)) < p->nlines) {
		block_units = p->nunits;
		nrun = 0;
		for (; i < p->nlines && !p->lines[i].blank; i++) {
			l = &p->lines[i];
			last = p->nunits > block_units ?
			    &p->units[p->nunits - 1] : NULL;
			brk = is_break(l);
			item = !brk && is_item(l, &ordered, &number, &off);
			quote = !brk && !item && is_quote(l, &off);
			if ((brk || item || quote) && nrun > 0) {
				split_run(p, run, nrun);
				nrun = 0;
				last = &p->units[p->nunits - 1];
			}
			if (brk)
				new_unit(p, UNIT_BREAK, i);
			else if (item) {
				last = new_unit(p, UNIT_ITEM, i);
				last->ordered = ordered;
				last->number = number;
			} else if (quote) {
				if (last != NULL && last->kind == UNIT_QUOTE)
					last->n++;
				else
					new_unit(p, UNIT_QUOTE, i);
			} else if (nrun == 0 && last != NULL &&
			    ((last->kind == UNIT_ITEM && l->indent > 0) ||
			    last->kind == UNIT_QUOTE)) {
				/* An item's indented continuation, or a
				 * quote's unmarked one. */
				last->n++;
			} else {
				if (nrun++ == 0)
					run = i;
			}
			if (item || quote) {
				l->s += off;
				l->len -= off;
				while (l->len > 0 && l->s[0] == ' ')
					l->s++, l->len--;
				l->cols = text_cols(l->s, l->len);
			}
		}
		if (nrun > 0)
			split_run(p, run, nrun);
	}
}

/* ---- Pass 3: blocks and inlines --------------------------------------- */

/*
 * The text of lines [first, first + n), joined with single spaces into
 * p->tmp; a line ending in a hyphen after a letter joins the next without
 * a space ("well-" "known").
 */
static void
join_lines(struct parser *p, size_t first, size_t n)
{
	const struct line *l;
	size_t		 i;
	bool		 space = false;

	buf_reset(&p->tmp);
	for (i = first; i < first + n; i++) {
		l = &p->lines[i];
		if (l->len == 0)
			continue;
		if (p->tmp.len > 0 && space)
			buf_putc(&p->tmp, ' ');
		buf_put(&p->tmp, l->s, l->len);
		space = !(l->len >= 2 && l->s[l->len - 1] == '-' &&
		    text_is_letter(first_cp(l->s + l->len - 2, 1)) &&
		    i + 1 < first + n &&
		    text_is_letter(first_cp(p->lines[i + 1].s,
		    p->lines[i + 1].len)));
	}
}

static void
add_text(struct parser *p, struct node *parent, const char *s, size_t len,
    unsigned line)
{
	if (len > 0)
		node_append(parent, node_new_text(p->d, s, len, line));
}

/* Length of a bare URL at s (http://, https://, www.), or 0. */
static size_t
url_len(const char *s, size_t len)
{
	size_t	 i, depth = 0;

	if (!(len > 8 && strncasecmp(s, "https://", 8) == 0) &&
	    !(len > 7 && strncasecmp(s, "http://", 7) == 0) &&
	    !(len > 4 && strncasecmp(s, "www.", 4) == 0))
		return 0;
	for (i = 0; i < len && s[i] != ' ' && s[i] != '<' && s[i] != '>' &&
	    s[i] != '"'; i++) {
		if (s[i] == '(')
			depth++;
		else if (s[i] == ')' && depth-- == 0)
			break;
	}
	/* Final punctuation belongs to the sentence. */
	while (i > 0 && strchr(".,;:!?'*_", s[i - 1]) != NULL)
		i--;
	/* ... and so does a closing curly quote. */
	while (i > 0 && (unsigned char)s[i - 1] >= 0x80) {
		size_t	 off;
		int32_t	 cp = last_cp(s, i, &off);

		if (!text_is_closer(cp) && !text_is_punct(cp))
			break;
		i = off;
	}
	return i > 8 ? i : 0;
}

/*
 * An emphasis run at s[0]: *x*, _x_ (emphasis) or **x**, __x__ (strong),
 * opened after a space or punctuation and closed before one, with no
 * space just inside.  Sets the delimiter width and the content length.
 */
static bool
emphasis_at(const char *s, size_t len, size_t pos, size_t *width,
    size_t *content)
{
	char	 c = s[pos];
	size_t	 w, i;
	int32_t	 before;
	size_t	 off;

	if (c != '*' && c != '_')
		return false;
	if (pos > 0) {
		before = last_cp(s, pos, &off);
		if (!text_is_space(before) && !text_is_punct(before) &&
		    !text_is_opener(before))
			return false;
		if (before == c)
			return false;
	}
	w = pos + 1 < len && s[pos + 1] == c ? 2 : 1;
	if (pos + w >= len || s[pos + w] == ' ' || s[pos + w] == c)
		return false;
	for (i = pos + w; i + w <= len; i++) {
		if (s[i] != c)
			continue;
		if (s[i - 1] == ' ')
			return false;
		if (w == 2 && (i + 1 >= len || s[i + 1] != c))
			return false;
		if (i + w < len && s[i + w] != ' ' &&
		    !text_is_punct(first_cp(s + i + w, len - i - w)))
			return false;
		*width = w;
		*content = i - pos - w;
		return *content > 0;
	}
	return false;
}

/* The address a bare URL points to: "www." gains "http://". */
static const char *
link_href(struct parser *p, const char *s, size_t len)
{
	char	*h;

	if (strncasecmp(s, "www.", 4) != 0)
		return arena_strndup(p->d->arena, s, len);
	h = arena_alloc(p->d->arena, len + 8);
	memcpy(h, "http://", 7);
	memcpy(h + 7, s, len);
	return h;
}

/*
 * Inlines of s: text, emphasis, strong and links, appended to parent.
 * s may be p->tmp's storage: nothing here writes to p->tmp.
 */
static void
add_inlines(struct parser *p, struct node *parent, const char *s,
    size_t len, unsigned line)
{
	struct node	*n;
	size_t		 i, start = 0, ulen, w, clen;

	for (i = 0; i < len; i++) {
		if ((s[i] == 'h' || s[i] == 'H' || s[i] == 'w' ||
		    s[i] == 'W') && (i == 0 || !text_is_letter(
		    first_cp(s + i - 1, 1))) &&
		    (ulen = url_len(s + i, len - i)) > 0) {
			add_text(p, parent, s + start, i - start, line);
			n = node_new(p->d, NODE_LINK, line);
			n->u.href = link_href(p, s + i, ulen);
			add_text(p, n, s + i, ulen, line);
			node_append(parent, n);
			i += ulen - 1;
			start = i + 1;
			continue;
		}
		if (emphasis_at(s, len, i, &w, &clen)) {
			add_text(p, parent, s + start, i - start, line);
			n = node_new(p->d, w == 2 ? NODE_STRONG : NODE_EMPHASIS,
			    line);
			add_inlines(p, n, s + i + w, clen, line);
			node_append(parent, n);
			i += w + clen + w - 1;
			start = i + 1;
		}
	}
	add_text(p, parent, s + start, len - start, line);
}

static void
add_caption(struct parser *p, const struct line *l, size_t open)
{
	struct node	*cap, *credit;

	cap = node_new(p->d, NODE_CAPTION, l->no);
	add_inlines(p, cap, l->s, open, l->no);
	credit = node_new(p->d, NODE_CREDIT, l->no);
	add_text(p, credit, l->s + open + 1, l->len - open - 2, l->no);
	node_append(cap, credit);
	node_append(p->d->root, cap);
}

/*
 * Bytes of an all-capitals lead-in at the start of s ("WITH EACH passing
 * day"), or 0: two or more words in capitals that are not acronyms, one
 * of them a common word (so neither "UK GDP grew" nor "A UK TV channel"
 * is one), followed by a word in lower case.
 */
static size_t
lead_in_len(const char *s, size_t len)
{
	size_t	 i = 0, j, k, n, words = 0, end = 0;
	int32_t	 cp;
	bool	 common = false, upper;

	while (i < len) {
		for (j = i; j < len && s[j] != ' '; j++)
			continue;
		upper = true;
		for (k = i; k < j && upper; k += n) {
			n = utf8_next(s + k, j - k, &cp);
			upper = text_is_upper(cp) || cp == '\'' ||
			    cp == 0x2019 || cp == '-' || (cp == '.' && k > i);
		}
		if (!upper || j == i || !text_is_upper(first_cp(s + i, j - i)))
			break;
		if (!text_is_acronym(s + i, j - i))
			words++;
		if (text_is_capital_word(s + i, j - i))
			common = true;
		end = j;
		i = j + 1;
	}
	if (words < 2 || !common || end >= len || !text_is_lower(
	    first_cp(s + end + 1, len - end - 1)))
		return 0;
	return end;
}

static void
add_paragraph(struct parser *p, struct node *parent, size_t first, size_t n)
{
	struct node	*para, *lead;
	size_t		 lead_len = 0;
	unsigned	 no = p->lines[first].no;

	join_lines(p, first, n);
	para = node_new(p->d, NODE_PARAGRAPH, no);
	if (!p->para_seen && parent == p->d->root)
		lead_len = lead_in_len(p->tmp.data, p->tmp.len);
	p->para_seen = true;
	if (lead_len > 0) {
		lead = node_new(p->d, NODE_LEAD_IN, no);
		add_text(p, lead, p->tmp.data, lead_len, no);
		node_append(para, lead);
	}
	add_inlines(p, para, p->tmp.data + lead_len, p->tmp.len - lead_len, no);
	node_append(parent, para);
}

/*
 * Whether a line is data rather than words: as many digits as letters
 * ("2004-05", "14 May 2005"), a score between names ("Celtic 3-1
 * Aberdeen"), or a label and a number ("Attendance: 45,000").
 */
static bool
is_data(const char *s, size_t len)
{
	size_t	 i, n, digits = 0, letters = 0;
	int32_t	 cp, prev = ' ';

	for (i = 0; i < len; i += n, prev = cp) {
		n = utf8_next(s + i, len - i, &cp);
		if (text_is_digit(cp))
			digits++;
		else if (text_is_letter(cp))
			letters++;
		/* "3-1", "3 - 1", "3\u20131" between a name and a name. */
		if ((cp == '-' || cp == 0x2013) && i > 0 &&
		    (text_is_digit(prev) || (prev == ' ' && i > 1 &&
		    text_is_digit((unsigned char)s[i - 2]))) &&
		    i + n < len && (text_is_digit((unsigned char)s[i + n]) ||
		    (s[i + n] == ' ' && i + n + 1 < len &&
		    text_is_digit((unsigned char)s[i + n + 1]))))
			return true;
		if (prev == ':' && cp == ' ' && i + 1 < len &&
		    text_is_digit((unsigned char)s[i + 1]))
			return true;
	}
	return digits >= letters;
}

/*
 * A subheading: a short line standing alone, starting with a capital or a
 * digit, without final punctuation, between two blocks, the next of which
 * does not start in lower case (a sentence broken across lines does), and
 * not a line of data.
 */
static bool
is_heading(const struct parser *p, size_t u)
{
	const struct unit *unit = &p->units[u], *next;
	const struct line *l = &p->lines[unit->first];
	int32_t		 cp;

	if (unit->kind != UNIT_PLAIN || unit->n != 1 || u + 1 >= p->nunits ||
	    p->d->root->first == NULL)
		return false;
	next = &p->units[u + 1];
	if (next->kind == UNIT_BREAK ||
	    starts_lower(p->lines[next->first].s, p->lines[next->first].len))
		return false;
	cp = first_alnum(l->s, l->len);
	return (text_is_upper(cp) || text_is_digit(cp)) &&
	    l->cols <= HEADING_MAX_COLS &&
	    text_count_words(l->s, l->len) <= HEADING_MAX_WORDS &&
	    !ends_punct(l->s, l->len) && !is_date(l->s, l->len) &&
	    !is_data(l->s, l->len);
}

static void
add_quote(struct parser *p, const struct unit *u, struct node *quote)
{
	size_t	 i, start = u->first, end = u->first + u->n;

	for (i = u->first; i <= end; i++) {
		if (i < end && p->lines[i].len > 0)
			continue;
		if (i > start)
			add_paragraph(p, quote, start, i - start);
		start = i + 1;
	}
}

static void
make_blocks(struct parser *p)
{
	const struct unit *u;
	struct node	*n, *list = NULL, *quote = NULL, *item;
	size_t		 i, open;
	const struct line *l;

	for (i = 0; i < p->nunits; i++) {
		u = &p->units[i];
		l = &p->lines[u->first];
		if (u->kind != UNIT_ITEM)
			list = NULL;
		if (u->kind != UNIT_QUOTE)
			quote = NULL;
		switch (u->kind) {
		case UNIT_BREAK:
			node_append(p->d->root,
			    node_new(p->d, NODE_THEMATIC_BREAK, l->no));
			break;
		case UNIT_ITEM:
			if (list == NULL || list->u.list.ordered != u->ordered) {
				list = node_new(p->d, NODE_LIST, l->no);
				list->u.list.ordered = u->ordered;
				list->u.list.start = u->number;
				node_append(p->d->root, list);
			}
			item = node_new(p->d, NODE_ITEM, l->no);
			join_lines(p, u->first, u->n);
			add_inlines(p, item, p->tmp.data, p->tmp.len, l->no);
			node_append(list, item);
			break;
		case UNIT_QUOTE:
			if (quote == NULL) {
				quote = node_new(p->d, NODE_BLOCKQUOTE, l->no);
				node_append(p->d->root, quote);
			}
			add_quote(p, u, quote);
			if (quote->first == NULL) {
				/* Only empty '>' lines: keep the tree valid. */
				node_unlink(quote);
				quote = NULL;
			}
			break;
		case UNIT_PLAIN:
			if (u->n == 1 && is_caption(l->s, l->len, &open)) {
				add_caption(p, l, open);
			} else if (is_heading(p, i)) {
				n = node_new(p->d, NODE_HEADING, l->no);
				n->u.level = 2;
				add_inlines(p, n, l->s, l->len, l->no);
				node_append(p->d->root, n);
			} else
				add_paragraph(p, p->d->root, u->first, u->n);
			break;
		}
	}
}

static int
txt_sniff(const char *text, size_t len)
{
	/* Any text is plain text, but a document in markup is not. */
	return reader_markup(text, len) == NULL ? 1 : 0;
}

/* ---- Leftovers of web exports ---------------------------------------- */

/* Whether a character a reference names may stand in text. */
static bool
ref_ok(unsigned long cp)
{
	return (cp >= 0x20 && cp < 0x7F) || (cp >= 0xA0 && cp <= 0x10FFFF &&
	    (cp < 0xD800 || cp > 0xDFFF) && !text_is_nonchar((int32_t)cp));
}

/*
 * The code point of the HTML character reference at s ("&amp;",
 * "&#163;", "&#xA3;"), its length in *n; or -1 if s holds none.
 */
static long
char_ref(const char *s, size_t len, size_t *n)
{
	const htmlEntityDesc *e;
	char		 name[16];
	unsigned long	 cp;
	size_t		 i;
	char		*end;

	for (i = 1; i < len && i < sizeof(name) && s[i] != ';' &&
	    s[i] != ' ' && s[i] != '&' && s[i] != '\n'; i++)
		continue;
	if (i >= len || s[i] != ';' || i < 3)
		return -1;
	*n = i + 1;
	memcpy(name, s + 1, i - 1);
	name[i - 1] = '\0';
	if (name[0] == '#') {
		if (name[1] == 'x' || name[1] == 'X')
			cp = strtoul(name + 2, &end, 16);
		else
			cp = strtoul(name + 1, &end, 10);
		if (*end != '\0' || end == name + 1 || !ref_ok(cp))
			return -1;
		return (long)cp;
	}
	if ((e = htmlEntityLookup((const xmlChar *)name)) == NULL ||
	    !ref_ok(e->value))
		return -1;
	return (long)e->value;
}

/*
 * The text with its HTML character references decoded, as a web page
 * saved as text has them ("&#163;5m deal", "Q&amp;A"), said once with
 * how many and the first one's line.  A lone "&" and a name HTML does
 * not have stay as written.  Returns a new string, its length in *outlen.
 */
static char *
decode_refs(const char *text, size_t len, size_t *outlen)
{
	struct buf	 b = { 0 };
	size_t		 i, start = 0, n, count = 0;
	unsigned	 line = 1, first = 0;
	long		 cp;
	bool		 markup = false;

	/* A text that shows tags as written is about markup: it means
	 * its "&amp;" too. */
	for (i = 0; i + 1 < len && !markup; i++)
		markup = text[i] == '<' && (text[i + 1] == '/' ||
		    (text[i + 1] >= 'a' && text[i + 1] <= 'z'));
	for (i = 0; i < len && !markup; i++) {
		if (text[i] == '\n')
			line++;
		if (text[i] != '&' || (cp = char_ref(text + i, len - i, &n)) < 0)
			continue;
		buf_put(&b, text + start, i - start);
		utf8_put(&b, (int32_t)cp);
		if (count++ == 0)
			first = line;
		i += n - 1;
		start = i + 1;
	}
	if (count == 0) {
		*outlen = len;
		return xstrndup(text, len);
	}
	buf_put(&b, text + start, len - start);
	diag(DIAG_WARN, first, "%zu HTML character reference%s (such as "
	    "&amp;) decoded: the text was saved from a web page", count,
	    count == 1 ? "" : "s");
	*outlen = b.len;
	return buf_steal(&b);
}

static void
txt_read(const char *text, size_t len, struct doc *d)
{
	struct parser	 p;
	size_t		 i;

	memset(&p, 0, sizeof(p));
	p.d = d;
	p.text = decode_refs(text, len, &len);
	split_lines(&p, p.text, len);
	i = parse_header(&p);
	i = parse_top(&p, i);
	make_units(&p, i);
	make_blocks(&p);
	if (d->root->first == NULL)
		diag(DIAG_WARN, 0, "no article text: only %s",
		    d->meta.headline != NULL ? "a headline" :
		    "a header block");
	free(p.lines);
	free(p.text);
	free(p.units);
	buf_free(&p.tmp);
}

static const char *const txt_patterns[] = { "*.txt", NULL };

const struct reader reader_txt = {
	.name = "txt",
	.summary = "plain-text articles, no markup needed",
	.patterns = txt_patterns,
	.sniff = txt_sniff,
	.read = txt_read,
};
