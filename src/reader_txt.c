/* SPDX-License-Identifier: ISC */
/*
 * The `txt` reader: plain-text articles, all by themselves, without
 * markup.  It works in three passes over the lines of the decoded text:
 *
 *  1. the wrapper: a header block (Key: value lines), a mail's or news
 *     post's header fields, or a Project Gutenberg book's header and
 *     START and END lines, which say where the work is; then the top
 *     matter (caption, headline, subtitle, byline, date), found line by
 *     line because they often sit together without blank lines between;
 *  2. the work cut into units: preformatted blocks, paragraphs, list
 *     items, block quotes (nested) and scene breaks, where a paragraph
 *     ends at a blank line, or at a line break that a line-per-paragraph
 *     or hard-wrapped text implies (the wrap width told from the text);
 *  3. units turned into blocks (a short lone line becomes a subheading,
 *     items become lists), and text into inlines (lead-in, emphasis,
 *     strong, links); then the wrapper's text (a licence, a signature)
 *     the same way, as back matter after the work.
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

/*
 * With fewer lines than this, the lengths say too little: a line longer
 * than WRAP_MAX_COLS was not hard-wrapped, it is a paragraph.
 */
#define WRAP_MIN_LINES		8
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
	const char	*raw;	/* the line as written, tabs and all */
	size_t		 rawlen;	/* bytes of raw, trailing space cut */
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
	UNIT_PRE,	/* preformatted lines, blank ones among them */
};

struct unit {
	enum unit_kind	 kind;
	size_t		 first;		/* index of the first line */
	size_t		 n;		/* lines in the unit */
	bool		 ordered;	/* UNIT_ITEM: numbered */
	unsigned	 number;	/* UNIT_ITEM: its number */
	bool		 alone;		/* PLAIN: the whole of its block */
	unsigned	 depth;		/* UNIT_QUOTE: 1 for '>', 2 for '> >' */
	enum pre_kind	 pre;		/* UNIT_PRE: what it holds */
};

struct parser {
	struct doc		*d;
	char			*text;		/* a copy of the input */
	char			*raw;		/* another, left as it is */
	struct line		*lines;
	size_t			 nlines;
	size_t			 end;		/* lines now cut into units end
						   here (the work, or a part of
						   its wrapper) */
	struct node		*parent;	/* where blocks now go */
	bool			 mail;		/* a mail or news message */
	size_t			 wrap_cols;	/* the width the text was
						   hard-wrapped at, or 0 */
	bool			 line_each;	/* each line a paragraph (a
						   signature's name, address,
						   motto) */
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

/* Quotes nest no deeper than this; deeper ones are kept at it. */
#define QUOTE_MAX_DEPTH		8

/*
 * A block-quote line: '>' (or "|>", as some news readers quoted), as
 * many as the quote is deep, spaces allowed between them ("> > text"),
 * then an optional space.  Returns the depth, 0 if l is no quote, and
 * sets the content's offset.
 */
static unsigned
is_quote(const struct line *l, size_t *content)
{
	size_t		 i = 0, end = 0;
	unsigned	 depth = 0;

	for (;;) {
		if (i < l->len && l->s[i] == '>')
			i++;
		else if (i + 1 < l->len && l->s[i] == '|' && l->s[i + 1] == '>')
			i += 2;
		else
			break;
		depth++;
		end = i;
		while (i < l->len && l->s[i] == ' ')
			i++;
	}
	if (depth == 0)
		return 0;
	*content = end < l->len && l->s[end] == ' ' ? end + 1 : end;
	return depth < QUOTE_MAX_DEPTH ? depth : QUOTE_MAX_DEPTH;
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
	p->raw = xstrndup(text, len);
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
		l->raw = p->raw + start;
		for (l->rawlen = i - start; l->rawlen > 0 &&
		    (l->raw[l->rawlen - 1] == ' ' ||
		    l->raw[l->rawlen - 1] == '\t'); l->rawlen--)
			continue;
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

/* ---- Wrappers: mail and news headers, Project Gutenberg ------------ */

/* A signature runs at most this many lines after its "-- ". */
#define SIGNATURE_MAX_LINES	15

/*
 * If line l is an RFC 5322 header field ("Subject: ..."), the length of
 * its name: printable ASCII but the colon, then a colon; else 0.
 */
static size_t
field_name(const struct line *l)
{
	size_t	 i;

	if (l->indent > 0)
		return 0;
	for (i = 0; i < l->len && l->s[i] > ' ' && l->s[i] < 0x7f &&
	    l->s[i] != ':'; i++)
		continue;
	return i > 0 && i < l->len && l->s[i] == ':' ? i : 0;
}

/*
 * The value of the field at line i whose name is name bytes long, its
 * folded lines unfolded (RFC 5322, 2.2.3), into p->tmp.  Returns the
 * index of the line after the field.
 */
static size_t
field_value(struct parser *p, size_t i, size_t name)
{
	const struct line *l = &p->lines[i];
	size_t		 v = name + 1;

	while (v < l->len && l->s[v] == ' ')
		v++;
	buf_reset(&p->tmp);
	buf_put(&p->tmp, l->s + v, l->len - v);
	for (i++; i < p->nlines && !p->lines[i].blank &&
	    p->lines[i].indent > 0; i++) {
		if (p->tmp.len > 0)
			buf_putc(&p->tmp, ' ');
		buf_put(&p->tmp, p->lines[i].s, p->lines[i].len);
	}
	return i;
}

/*
 * The author of a From field: the name of "jo@example.org (Jo Bloggs)"
 * or of "Jo Bloggs <jo@example.org>", quotes taken off; a bare address
 * as it is.
 */
static void
mail_author(struct parser *p, const char *s, size_t len)
{
	const char	*open;
	size_t		 a = 0, b = len;

	if (len > 2 && s[len - 1] == ')' &&
	    (open = memchr(s, '(', len)) != NULL) {
		a = (size_t)(open - s) + 1;
		b = len - 1;
	} else if (len > 2 && s[len - 1] == '>' &&
	    (open = memchr(s, '<', len)) != NULL && open > s)
		b = (size_t)(open - s);
	while (a < b && (s[a] == ' ' || s[a] == '"'))
		a++;
	while (b > a && (s[b - 1] == ' ' || s[b - 1] == '"'))
		b--;
	if (b == a) {
		a = 0;
		b = len;
	}
	meta_add_author(p->d, s + a, b - a);
}

/*
 * A mail or news message's header (RFC 5322, RFC 5536): fields from the
 * first line to a blank one, among them From and one of Subject or
 * Newsgroups.  Subject is the title, From the author, Date the date and
 * Newsgroups the source; the fields that carry the message (Path,
 * Lines, Message-ID...) are not the article's and are left out.
 * Returns the index of the line after the header, or 0 if there is none.
 */
static size_t
parse_mail(struct parser *p)
{
	struct meta	*m = &p->d->meta;
	const struct line *l;
	size_t		 i, first, next, name;
	bool		 from = false, subject = false;

	for (first = 0; first < p->nlines && p->lines[first].blank; first++)
		continue;
	for (i = first; i < p->nlines && !p->lines[i].blank; i++) {
		l = &p->lines[i];
		if ((name = field_name(l)) > 0) {
			from |= word_is(l->s, name, "from");
			subject |= word_is(l->s, name, "subject") ||
			    word_is(l->s, name, "newsgroups");
		} else if (i == first || l->indent == 0)
			return 0;
	}
	if (!from || !subject)
		return 0;
	p->mail = true;
	for (i = first; i < p->nlines && !p->lines[i].blank; i = next) {
		l = &p->lines[i];
		name = field_name(l);
		next = field_value(p, i, name);
		if (p->tmp.len == 0)
			continue;
		if (word_is(l->s, name, "subject") && m->title == NULL) {
			m->title = arena_strndup(p->d->arena, p->tmp.data,
			    p->tmp.len);
			m->title_from = FROM_HEADER;
		} else if (word_is(l->s, name, "from") && m->nauthors == 0)
			mail_author(p, p->tmp.data, p->tmp.len);
		else if (word_is(l->s, name, "date"))
			set_meta(p, &m->date, p->tmp.data, p->tmp.len);
		else if (word_is(l->s, name, "newsgroups"))
			set_meta(p, &m->source, p->tmp.data, p->tmp.len);
	}
	return i;
}

/*
 * The line of a mail signature's "-- " (RFC 3676, 4.3; or "--" alone, as
 * many wrote it), near the end: the body ends there.  Returns p->nlines
 * if there is none.
 */
static size_t
find_signature(const struct parser *p, size_t from)
{
	const struct line *l;
	size_t		 i, after = 0;

	for (i = p->nlines; i > from; i--) {
		l = &p->lines[i - 1];
		if (l->indent == 0 && l->len == 2 && l->s[0] == '-' &&
		    l->s[1] == '-')
			return after > 0 ? i - 1 : p->nlines;
		if (!l->blank && ++after > SIGNATURE_MAX_LINES)
			break;
	}
	return p->nlines;
}

/* Whether s holds needle, ASCII case ignored. */
static bool
holds(const char *s, size_t len, const char *needle)
{
	size_t	 i, n = strlen(needle);

	for (i = 0; i + n <= len; i++)
		if (strncasecmp(s + i, needle, n) == 0)
			return true;
	return false;
}

/* Whether line l is Project Gutenberg's "*** START OF ..." (or END). */
static bool
gutenberg_line(const struct line *l, const char *which)
{
	char	 a[64], b[64];

	snprintf(a, sizeof(a), "%s OF THE PROJECT GUTENBERG EBOOK", which);
	snprintf(b, sizeof(b), "%s OF THIS PROJECT GUTENBERG EBOOK", which);
	return l->len < 400 && (holds(l->s, l->len, a) ||
	    holds(l->s, l->len, b));
}

/*
 * The author as Project Gutenberg gives one known by a period of work,
 * "active 6th century B.C. Sunzi": the name after the dates.
 */
static void
gutenberg_author(struct parser *p, const char *s, size_t len)
{
	size_t	 i, name = 0;

	if (len > 7 && strncmp(s, "active ", 7) == 0) {
		for (i = 7; i < len; i++)
			if (s[i] == ' ' && (s[i - 1] == '.' ||
			    text_is_digit((unsigned char)s[i - 1]) ||
			    holds(s + (i > 7 ? i - 7 : 0), i > 7 ? 7 : i,
			    "century")))
				name = i + 1;
		if (name > 0 && name < len) {
			meta_add_author(p->d, s + name, len - name);
			return;
		}
	}
	meta_add_authors(p->d, s, len);
}

/*
 * A Project Gutenberg e-book: its header's Title, Author, Language and
 * Release date become the metadata (those lines are taken out), and the
 * work is what lies between the START and END lines, which *start and
 * *end get.  Returns false if the text is not one.
 */
static bool
parse_gutenberg(struct parser *p, size_t *start, size_t *end)
{
	struct meta	*m = &p->d->meta;
	struct line	*l;
	size_t		 i, k, next, name;
	char		 tag[64];
	const char	*v, *br;

	for (i = 0; i < p->nlines && !gutenberg_line(&p->lines[i], "START");
	    i++)
		continue;
	if (i == p->nlines)
		return false;
	*start = i;
	for (k = i + 1; k < p->nlines && !gutenberg_line(&p->lines[k], "END");
	    k++)
		continue;
	*end = k;
	for (i = 0; i < *start; i = next) {
		l = &p->lines[i];
		next = i + 1;
		if (l->blank)
			continue;
		name = field_name(l);
		if (name > 0 && word_is(l->s, name, "title") &&
		    m->title == NULL) {
			next = field_value(p, i, name);
			m->title = arena_strndup(p->d->arena, p->tmp.data,
			    p->tmp.len);
			m->title_from = FROM_HEADER;
		} else if (name > 0 && word_is(l->s, name, "author") &&
		    m->nauthors == 0) {
			next = field_value(p, i, name);
			gutenberg_author(p, p->tmp.data, p->tmp.len);
		} else if (name > 0 && word_is(l->s, name, "language") &&
		    m->language == NULL) {
			field_value(p, i, name);
			if (!lang_parse_tag(p->tmp.data, p->tmp.len, tag,
			    sizeof(tag)))
				continue;
			m->language = arena_strdup(p->d->arena, tag);
			m->language_from = FROM_HEADER;
		} else if (l->len > 13 && strncasecmp(l->s, "Release date:",
		    13) == 0 && m->date == NULL) {
			/* "May 1, 1994 [eBook #132]": the number names
			 * the e-book, so it goes with the source. */
			for (v = l->s + 13; *v == ' '; v++)
				continue;
			br = memchr(v, '[', (size_t)(l->s + l->len - v));
			k = (size_t)((br != NULL ? br : l->s + l->len) - v);
			while (k > 0 && v[k - 1] == ' ')
				k--;
			m->date = arena_strndup(p->d->arena, v, k);
			buf_reset(&p->tmp);
			buf_puts(&p->tmp, "Project Gutenberg");
			if (br != NULL && br[1] != ']') {
				k = (size_t)(l->s + l->len - br) - 1;
				if (br[k] == ']')
					k--;
				buf_putc(&p->tmp, ' ');
				buf_put(&p->tmp, br + 1, k);
			}
			set_meta(p, &m->source, p->tmp.data, p->tmp.len);
		} else
			continue;
		/* In the metadata now, not in the text. */
		for (k = i; k < next; k++) {
			p->lines[k].blank = true;
			p->lines[k].len = 0;
		}
	}
	return true;
}

static size_t
skip_blank(const struct parser *p, size_t i)
{
	while (i < p->end && p->lines[i].blank)
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

	if (i + 1 >= p->end || p->lines[i + 1].blank ||
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
		if (i >= p->end)
			return i;
		l = &p->lines[i];
		if (is_caption(l->s, l->len, &open) && (stands_alone(p, i) ||
		    p->wrap_cols == 0)) {
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
		    l->len) && (stands_alone(p, i) || (i + 1 < p->end &&
		    is_headline_text(p->lines[i + 1].s, p->lines[i + 1].len) &&
		    stands_alone(p, i + 1)))) {
			/* A lone line with nothing after it is the text. */
			if (skip_blank(p, i + 1) >= p->end)
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
	wrapped = p->wrap_cols > 0 && width <= p->wrap_cols;
	for (i = 0; i < n; i++) {
		if (u == NULL) {
			u = new_unit(p, UNIT_PLAIN, first + i);
			u->n = 0;
		}
		u->n++;
		if (i + 1 == n)
			break;
		if (!wrapped || p->line_each)
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

/* ---- Preformatted lines ---------------------------------------------- */

#define PRE_MAX_COLS	256	/* columns looked at for alignment */

/* Whether the len bytes at s hold any of the characters of set. */
static bool
strpbrk_len(const char *s, size_t len, const char *set)
{
	size_t	 i;

	for (i = 0; i < len; i++)
		if (s[i] != '\0' && strchr(set, s[i]) != NULL)
			return true;
	return false;
}

/* Whether cp draws rather than writes: rules, boxes, arrows. */
static bool
is_drawing(int32_t cp)
{
	return (cp < 0x80 && cp > ' ' && strchr("+-|/\\_=*#<>^~", cp)) ||
	    (cp >= 0x2500 && cp <= 0x259f);
}

/*
 * A line of code: one that opens or closes a block, a statement with a
 * call, an assignment or an index ("x = f(y);": a verse may end in a
 * semicolon too), or a directive.
 */
static bool
is_code(const struct line *l)
{
	char	 c;

	if (l->len == 0)
		return false;
	c = l->s[l->len - 1];
	return c == '{' || c == '}' || (c == ';' && l->len > 1 &&
	    strpbrk_len(l->s, l->len - 1, "()=[]")) ||
	    strncmp(l->s, "#include", 8) == 0 ||
	    strncmp(l->s, "#define", 7) == 0 || strncmp(l->s, "#!/", 3) == 0;
}

/*
 * A line of encoded data: base64 (40 or more of its characters and
 * nothing else) or uuencode ("M" and 60 characters from ` to _).
 */
static bool
is_data_line(const struct line *l)
{
	size_t	 i;
	bool	 b64 = l->len >= 40, uu = l->len == 61 && l->s[0] == 'M';

	for (i = 0; i < l->len; i++) {
		unsigned char c = (unsigned char)l->s[i];

		if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		    (c >= '0' && c <= '9') || c == '+' || c == '/' ||
		    c == '='))
			b64 = false;
		if (c < ' ' || c > '`')
			uu = false;
	}
	return b64 || uu;
}

/* The armour that opens encoded data; sets the line that closes it. */
static bool
armour_at(const struct parser *p, size_t i, size_t *last)
{
	const struct line *l = &p->lines[i];
	const char	*close;
	size_t		 k, n;

	if (l->len > 10 && strncmp(l->s, "begin ", 6) == 0 &&
	    l->s[6] >= '0' && l->s[6] <= '7' && l->indent == 0)
		close = "end";
	else if (l->len > 15 && strncmp(l->s, "-----BEGIN PGP ", 15) == 0 &&
	    !holds(l->s, l->len, "SIGNED MESSAGE"))
		close = "-----END PGP ";
	else
		return false;
	n = strlen(close);
	for (k = i + 1; k < p->end; k++)
		if (p->lines[k].len >= n &&
		    strncmp(p->lines[k].s, close, n) == 0 &&
		    (n > 3 || p->lines[k].len == 3)) {
			*last = k;
			return true;
		}
	return false;
}

/*
 * The columns where a field starts after a gap of spaces inside line l
 * ("Name     Age"), marked in seen; returns how many.  Two spaces after
 * a full stop end a sentence, not a field.
 */
static size_t
field_starts(const struct line *l, bool *seen)
{
	size_t	 i, col = 0, gap = 0, n = 0;
	bool	 text = false;
	char	 c, before = 0;

	for (i = 0; i < l->rawlen && col < PRE_MAX_COLS; i++) {
		c = l->raw[i];
		if (c == ' ' || c == '\t') {
			gap += c == '\t' ? 8 - col % 8 : 1;
			col += c == '\t' ? 8 - col % 8 : 1;
			continue;
		}
		if (text && (gap >= 3 || (gap == 2 && before != '.' &&
		    before != '?' && before != '!' && before != ':')) &&
		    col < PRE_MAX_COLS) {
			seen[col] = true;
			n++;
		}
		if (((unsigned char)c & 0xc0) != 0x80)
			col++;
		before = c;
		gap = 0;
		text = true;
	}
	return n;
}

/*
 * Whether lines [a, b), a block between blank lines, carry meaning in
 * their spacing, and what they hold: encoded data, code, a drawing, or
 * text in aligned columns.  A paragraph, a list or a verse is none.
 */
static bool
pre_block(const struct parser *p, size_t a, size_t b, enum pre_kind *kind)
{
	static unsigned	 starts[PRE_MAX_COLS];
	bool		 seen[PRE_MAX_COLS];
	const struct line *l;
	size_t		 i, k, n = b - a, j, len;
	size_t		 data = 0, code = 0, gapped = 0, drawn_lines = 0;
	size_t		 drawn = 0, visible = 0, line_drawn, most = 0;
	int32_t		 cp;

	if (n < 2)
		return false;
	memset(starts, 0, sizeof(starts));
	for (i = a; i < b; i++) {
		l = &p->lines[i];
		data += is_data_line(l);
		code += is_code(l);
		line_drawn = 0;
		for (k = 0; k < l->len; k += len) {
			len = utf8_next(l->s + k, l->len - k, &cp);
			if (cp == ' ')
				continue;
			visible++;
			line_drawn += is_drawing(cp);
		}
		drawn += line_drawn;
		drawn_lines += line_drawn >= 3;
		memset(seen, 0, sizeof(seen));
		if (field_starts(l, seen) > 0) {
			gapped++;
			for (j = 0; j < PRE_MAX_COLS; j++)
				starts[j] += seen[j];
		}
	}
	for (j = 0; j < PRE_MAX_COLS; j++)
		if (starts[j] > most)
			most = starts[j];
	if (data * 2 >= n)
		*kind = PRE_DATA;
	else if (code >= 2 && code * 2 >= n)
		*kind = PRE_CODE;
	else if (drawn_lines >= 2 && drawn * 10 >= visible * 4)
		*kind = PRE_DIAGRAM;
	else if (gapped * 3 >= n * 2 && most >= 2)
		*kind = PRE_TEXT;
	else
		return false;
	return true;
}

/* A preformatted unit of lines [first, last]; one of the kind before
 * it, with only blank lines between, takes them in. */
static void
add_pre_unit(struct parser *p, size_t first, size_t last,
    enum pre_kind kind, size_t block_units)
{
	struct unit	*u;

	if (p->nunits > block_units) {
		u = &p->units[p->nunits - 1];
		if (u->kind == UNIT_PRE && u->pre == kind) {
			u->n = last + 1 - u->first;
			return;
		}
	}
	u = new_unit(p, UNIT_PRE, first);
	u->n = last + 1 - first;
	u->pre = kind;
}

static int
cmp_size(const void *a, const void *b)
{
	size_t	 x = *(const size_t *)a, y = *(const size_t *)b;

	return x < y ? -1 : x > y;
}

/*
 * The width lines [from, to) were hard-wrapped at, told from their own
 * lengths, or 0 if they were not.  Lines that all fit in WRAP_MAX_COLS
 * were wrapped.  Longer ones may have been wrapped wider: the lines that
 * tell are those with another line under them in a block that is not
 * preformatted (a heading, a one-line paragraph or the last line of a
 * paragraph says nothing of the width).  Wrapped at W, such a line is
 * full: the next line's first word would not have fitted on it; in a
 * text of one paragraph a line, nearly all would have had room.  W is
 * the length 95 % of them do not pass (or the widest within a quarter
 * more, so that a line or two a little over is not taken for a
 * paragraph), and half must be full.
 */
static size_t
wrap_width(const struct parser *p, size_t from, size_t to)
{
	size_t		*len, i, j, end, n = 0, w, widest = 0, full = 0;
	enum pre_kind	 kind;

	len = xreallocarray(NULL, to - from + 1, sizeof(*len));
	/* Block by block, preformatted ones aside: their lines are as
	 * long as they are drawn. */
	for (i = from; i < to; i = end) {
		for (end = i; end < to && !p->lines[end].blank; end++)
			continue;
		if (end == i) {
			end++;
			continue;
		}
		if (pre_block(p, i, end, &kind) || armour_at(p, i, &j))
			continue;
		for (j = i; j < end; j++) {
			if (p->lines[j].cols > widest)
				widest = p->lines[j].cols;
			if (j + 1 < end)
				len[n++] = p->lines[j].cols;
		}
	}
	if (widest <= WRAP_MAX_COLS || n < WRAP_MIN_LINES) {
		free(len);
		return widest <= WRAP_MAX_COLS ? widest : 0;
	}
	qsort(len, n, sizeof(*len), cmp_size);
	w = len[n - 1 - n / 20];
	for (i = n; i > 0 && len[i - 1] * 4 > w * 5; i--)
		continue;
	w = len[i - 1];
	free(len);
	for (i = from; i + 1 < to; i++)
		if (!p->lines[i].blank && !p->lines[i + 1].blank &&
		    p->lines[i].cols + 1 + first_word_cols(&p->lines[i + 1]) >
		    w)
			full++;
	return full * 2 >= n ? w : 0;
}

static void
make_units(struct parser *p, size_t i)
{
	struct line	*l;
	struct unit	*last;
	size_t		 run = 0, nrun, off = 0, block_units, end, start_units;
	bool		 ordered, item, brk;
	unsigned	 number, quote;
	enum pre_kind	 kind;

	start_units = p->nunits;
	while ((i = skip_blank(p, i)) < p->end) {
		for (end = i; end < p->end && !p->lines[end].blank; end++)
			continue;
		if (armour_at(p, i, &end)) {
			add_pre_unit(p, i, end, PRE_DATA, start_units);
			i = end + 1;
			continue;
		}
		if (pre_block(p, i, end, &kind)) {
			add_pre_unit(p, i, end - 1, kind, start_units);
			i = end;
			continue;
		}
		block_units = p->nunits;
		nrun = 0;
		for (; i < p->end && !p->lines[i].blank; i++) {
			l = &p->lines[i];
			last = p->nunits > block_units ?
			    &p->units[p->nunits - 1] : NULL;
			brk = is_break(l);
			item = !brk && is_item(l, &ordered, &number, &off);
			quote = brk || item ? 0 : is_quote(l, &off);
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
				if (last != NULL && last->kind == UNIT_QUOTE &&
				    last->depth == quote)
					last->n++;
				else
					new_unit(p, UNIT_QUOTE, i)->depth =
					    quote;
			} else if (nrun == 0 && last != NULL &&
			    ((last->kind == UNIT_ITEM && l->indent > 0) ||
			    (last->kind == UNIT_QUOTE && !p->mail))) {
				/* An item's indented continuation, or a
				 * quote's unmarked one (in a message, an
				 * unmarked line is the reply). */
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
	    p->parent->first == NULL)
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

/*
 * The text of a preformatted unit: its lines as written, tabs set to
 * spaces, the indentation they all share taken off, blank lines at its
 * ends dropped.
 */
static void
add_pre(struct parser *p, const struct unit *u, struct node *parent)
{
	const struct line *l;
	struct node	*n;
	size_t		 i, k, col, shared = SIZE_MAX, first, last;
	char		 c;

	for (first = u->first; first < u->first + u->n &&
	    p->lines[first].rawlen == 0; first++)
		continue;
	for (last = u->first + u->n; last > first &&
	    p->lines[last - 1].rawlen == 0; last--)
		continue;
	if (first == last)
		return;
	for (i = first; i < last; i++)
		if (p->lines[i].rawlen > 0 && p->lines[i].indent < shared)
			shared = p->lines[i].indent;
	buf_reset(&p->tmp);
	for (i = first; i < last; i++) {
		l = &p->lines[i];
		if (i > first)
			buf_putc(&p->tmp, '\n');
		for (k = 0, col = 0; k < l->rawlen; k++) {
			c = l->raw[k];
			if (c == '\t') {
				do {
					if (col++ >= shared)
						buf_putc(&p->tmp, ' ');
				} while (col % 8 != 0);
				continue;
			}
			if (col >= shared)
				buf_putc(&p->tmp, (unsigned char)c < ' ' ?
				    ' ' : c);
			if (((unsigned char)c & 0xc0) != 0x80)
				col++;
		}
	}
	n = node_new(p->d, NODE_PREFORMATTED, p->lines[first].no);
	n->u.pre = u->pre;
	node_append(n, node_new_text(p->d, p->tmp.data, p->tmp.len,
	    p->lines[first].no));
	node_append(parent, n);
}

/* Take the block quotes that got nothing (only empty '>' lines) out. */
static void
prune_quotes(struct node *n)
{
	struct node	*k, *next;

	for (k = n->first; k != NULL; k = next) {
		next = k->next;
		if (k->type != NODE_BLOCKQUOTE)
			continue;
		prune_quotes(k);
		if (k->first == NULL)
			node_unlink(k);
	}
}

/* Turn units [from, p->nunits) into blocks under p->parent. */
static void
make_blocks(struct parser *p, size_t from)
{
	const struct unit *u;
	struct node	*n, *list = NULL, *item;
	struct node	*quotes[QUOTE_MAX_DEPTH];
	size_t		 i, open;
	unsigned	 depth = 0;
	const struct line *l;

	for (i = from; i < p->nunits; i++) {
		u = &p->units[i];
		l = &p->lines[u->first];
		if (u->kind != UNIT_ITEM)
			list = NULL;
		if (u->kind != UNIT_QUOTE)
			depth = 0;
		switch (u->kind) {
		case UNIT_BREAK:
			node_append(p->parent,
			    node_new(p->d, NODE_THEMATIC_BREAK, l->no));
			break;
		case UNIT_ITEM:
			if (list == NULL || list->u.list.ordered != u->ordered) {
				list = node_new(p->d, NODE_LIST, l->no);
				list->u.list.ordered = u->ordered;
				list->u.list.start = u->number;
				node_append(p->parent, list);
			}
			item = node_new(p->d, NODE_ITEM, l->no);
			join_lines(p, u->first, u->n);
			add_inlines(p, item, p->tmp.data, p->tmp.len, l->no);
			node_append(list, item);
			break;
		case UNIT_QUOTE:
			/* Deeper: open quotes inside the one open; shallower:
			 * go on in the outer one. */
			if (u->depth < depth)
				depth = u->depth;
			while (depth < u->depth) {
				n = node_new(p->d, NODE_BLOCKQUOTE, l->no);
				node_append(depth > 0 ? quotes[depth - 1] :
				    p->parent, n);
				quotes[depth++] = n;
			}
			add_quote(p, u, quotes[depth - 1]);
			break;
		case UNIT_PRE:
			add_pre(p, u, p->parent);
			break;
		case UNIT_PLAIN:
			if (u->n == 1 && is_caption(l->s, l->len, &open) &&
			    p->parent == p->d->root) {
				add_caption(p, l, open);
			} else if (is_heading(p, i)) {
				n = node_new(p->d, NODE_HEADING, l->no);
				n->u.level = 2;
				add_inlines(p, n, l->s, l->len, l->no);
				node_append(p->parent, n);
			} else
				add_paragraph(p, p->parent, u->first, u->n);
			break;
		}
	}
	prune_quotes(p->parent);
}

/*
 * Back matter of kind from lines [a, b) and [c, d) (a wrapper's two
 * parts), after the work; nothing if they hold nothing.
 */
static void
add_back_matter(struct parser *p, enum back_kind kind, size_t a, size_t b,
    size_t c, size_t d)
{
	struct node	*back;
	size_t		 from = p->nunits;

	back = node_new(p->d, NODE_BACK_MATTER, 1);
	back->u.back = kind;
	p->parent = back;
	p->line_each = kind == BACK_SIGNATURE;
	p->end = b;
	make_units(p, a);
	p->end = d;
	make_units(p, c);
	make_blocks(p, from);
	p->parent = p->d->root;
	p->line_each = false;
	if (back->first == NULL)
		return;
	back->line = back->first->line;
	node_append(p->d->root, back);
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
	size_t		 i, start, end, sig;
	bool		 gutenberg = false;

	memset(&p, 0, sizeof(p));
	p.d = d;
	p.parent = d->root;
	p.text = decode_refs(text, len, &len);
	split_lines(&p, p.text, len);
	p.end = p.nlines;
	if ((i = parse_header(&p)) == 0)
		i = parse_mail(&p);
	sig = p.mail ? find_signature(&p, i) : p.nlines;
	if (!p.mail && i == 0 && parse_gutenberg(&p, &start, &end)) {
		gutenberg = true;
		i = start + 1;
		p.end = end;
	} else
		p.end = sig;
	p.wrap_cols = wrap_width(&p, i, p.end);
	i = parse_top(&p, i);
	make_units(&p, i);
	make_blocks(&p, 0);
	if (gutenberg)
		add_back_matter(&p, BACK_LICENCE, 0, start + 1, end, p.nlines);
	else if (sig < p.nlines)
		add_back_matter(&p, BACK_SIGNATURE, sig + 1, p.nlines,
		    p.nlines, p.nlines);
	if (d->root->first == NULL)
		diag(DIAG_WARN, 0, "no article text: only %s",
		    d->meta.headline != NULL ? "a headline" :
		    "a header block");
	free(p.lines);
	free(p.text);
	free(p.raw);
	free(p.units);
	buf_free(&p.tmp);
}

static const char *const txt_patterns[] = { "*.txt", NULL };

const struct reader reader_txt = {
	.name = "txt",
	.summary = "plain text: articles, mail, news, e-books",
	.patterns = txt_patterns,
	.sniff = txt_sniff,
	.read = txt_read,
};
