/* SPDX-License-Identifier: ISC */
/*
 * Text as a synthesiser should get it: what a newsreader would say for
 * numbers, symbols and abbreviations, by the rules of the text's
 * language.  The rules are code; their words are the language's data
 * (styles/language/TAG.conf, the say.* keys: README, "Speech rules"),
 * so a language gets a rule by getting its words.  The output is still
 * text, mostly digits and words, because espeak-ng reads a number in the
 * voice's own way ("2004": "two thousand and four" in en-GB, "two
 * thousand four" in en-US); what it reads wrongly is rewritten into a
 * form it reads rightly ("1968" -> "19 68", "nineteen sixty-eight").
 *
 * Each rule was found by reading espeak-ng's phonemes (espeak-ng -x, or
 * tests/tools/misread on a folder) for the seed and the corpus:
 *  - amounts of money in spoken order, "$300 million" -> "300 million
 *    dollars", "5 €" -> "5 euros" (espeak-ng: "dollar three hundred");
 *  - multipliers and units: "5.7bn", "9m", "12.5m euros", "400m" in a
 *    race, "5km", "250p" (read "b n", "em", "k m", "p");
 *  - years, decades, ranges of years and seasons: "1968", "the 1990s",
 *    "2003-04" ("nineteen hundred sixty-eight", "dash");
 *  - scores and ranges: "Celtic 3-1 Aberdeen", "won 3-1", "10-20";
 *  - times: "1930 GMT", "14:30", "20h30", "14.30 Uhr", "3:58.21";
 *  - "No 10" (read "no ten"), "Nr. 5", "n.º 5"; "v" and "vs" between
 *    names; Roman numerals after names ("Henry VIII": "roman eight");
 *    ordinals where espeak-ng has none ("1.º", "20e", "am 3. Mai");
 *  - abbreviations in capitals read as words ("IMF" "imf", "TUC"
 *    "tuck"): spelled, but for the language's list of those said as
 *    words ("NATO");
 *  - telephone numbers (digit by digit), web and mail addresses,
 *    hashtags; and, in any language, no symbol read by its name where a
 *    listener would not hear one ("3-1", "24/7", "14:30").
 */
#include "common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "date.h"
#include "lang.h"
#include "say.h"
#include "text.h"
#include "utf8.h"
#include "xalloc.h"

/* A word of the text: what it says, and the punctuation around it. */
struct tok {
	const char	*pre;		/* opening punctuation */
	size_t		 prelen;
	const char	*s;		/* the word */
	size_t		 len;
	const char	*post;		/* closing punctuation */
	size_t		 postlen;
};

struct say {
	const struct lang *l;
	const char	*tag;		/* BCP 47 */
	char		 region[8];	/* its region ("GB"), or "" */
	struct tok	*t;
	size_t		 n;
	struct buf	*out;
	bool		 capitals;	/* a block in capitals: its words are
					   words, not abbreviations */
	bool		 races;		/* a word of races is in the text */
	char		 decimal;	/* the decimal mark: '.' or ',' */
};

/* ---- Small things ------------------------------------------------------- */

static bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Leading ASCII digits of the len bytes at s. */
static size_t
digits(const char *s, size_t len)
{
	size_t	 i;

	for (i = 0; i < len && is_digit(s[i]); i++)
		continue;
	return i;
}

/* The value of n digits at s (n at most 9). */
static unsigned
value(const char *s, size_t n)
{
	unsigned v = 0;

	while (n-- > 0)
		v = v * 10 + (unsigned)(*s++ - '0');
	return v;
}

/* Length of a number (digits, with , or . between digits) at s. */
static size_t
number_len(const char *s, size_t len)
{
	size_t	 i = 0;

	while (i < len && (is_digit(s[i]) ||
	    ((s[i] == ',' || s[i] == '.') && i > 0 && i + 1 < len &&
	    is_digit(s[i + 1]))))
		i++;
	return i;
}

static bool
same_word(const struct tok *t, const char *w)
{
	return t->len == strlen(w) && memcmp(t->s, w, t->len) == 0;
}

/* Whether token t begins with a capital letter (a name). */
static bool
capitalised(const struct tok *t)
{
	int32_t	 cp;

	if (t->len == 0)
		return false;
	utf8_next(t->s, t->len, &cp);
	return text_is_upper(cp);
}

/* Whether the len bytes at w are in list key, in lower case. */
static bool
listed_lower(const struct say *sa, const char *key, const char *w,
    size_t len)
{
	char	 low[64];
	size_t	 i;

	if (len >= sizeof(low))
		return false;
	for (i = 0; i < len; i++)
		low[i] = w[i] >= 'A' && w[i] <= 'Z' ? (char)(w[i] + 32) : w[i];
	return lang_word(sa->l, key, low, len) > 0;
}

/*
 * Key as the text's region has it, into k (ksz bytes): "say.zero.GB"
 * where the language gives one, else key.
 */
static const char *
regional(const struct say *sa, const char *key, char *k, size_t ksz)
{
	if (sa->region[0] != '\0') {
		snprintf(k, ksz, "%s.%s", key, sa->region);
		if (lang_value(sa->l, k, 0) != NULL)
			return k;
	}
	return key;
}

/* The word of key's value at place, underscores said as spaces. */
static bool
put_nth(struct say *sa, const char *key, size_t place)
{
	const char	*w;
	char		 k[64];
	size_t		 len, i;

	if ((w = lang_nth_word(sa->l, regional(sa, key, k, sizeof(k)), place,
	    &len)) == NULL)
		return false;
	for (i = 0; i < len; i++)
		buf_putc(sa->out, w[i] == '_' ? ' ' : w[i]);
	return true;
}

/* The first word of key's value, or fallback if the language has none. */
static void
put_word(struct say *sa, const char *key, const char *fallback)
{
	if (!put_nth(sa, key, 1))
		buf_puts(sa->out, fallback);
}

static bool
has(const struct say *sa, const char *key)
{
	char	 k[64];

	return lang_value(sa->l, regional(sa, key, k, sizeof(k)), 0) != NULL;
}

/*
 * A record of key whose first word is the len bytes at w ("say.money =
 * $ dollar dollars cent cents"): the rest of its value, or NULL.
 */
static const char *
record(const struct say *sa, const char *key, const char *w, size_t len)
{
	const char	*v;
	size_t		 i;

	for (i = 0; (v = lang_value(sa->l, key, i)) != NULL; i++)
		if (strncmp(v, w, len) == 0 && v[len] == ' ')
			return v + len + 1;
	return NULL;
}

/* The nth word (from 1) of a record's rest, underscores as spaces. */
static void
put_field(struct buf *out, const char *rest, size_t nth)
{
	const char	*s = rest, *e;

	for (;;) {
		while (*s == ' ')
			s++;
		for (e = s; *e != '\0' && *e != ' '; e++)
			continue;
		if (--nth == 0 || *e == '\0')
			break;
		s = e;
	}
	for (; s < e; s++)
		buf_putc(out, *s == '_' ? ' ' : *s);
}

static void
put_pre(struct say *sa, const struct tok *t)
{
	buf_put(sa->out, t->pre, t->prelen);
}

static void
put_post(struct say *sa, const struct tok *t)
{
	buf_put(sa->out, t->post, t->postlen);
}

/*
 * Whether the number at s (n bytes) is one ("1", "1.0" is not): for
 * the singular of a unit.
 */
static bool
is_one(const char *s, size_t n)
{
	return n == 1 && s[0] == '1';
}

/* ---- Years and times ---------------------------------------------------- */

/* Year y in the language's way ("split": 19 68; "hundreds": 19 hundert 68). */
static void
put_year(struct say *sa, unsigned y)
{
	const char	*style = lang_value(sa->l, "say.year", 0);

	if (style == NULL || y < 1100 || y > 2099 || y % 1000 == 0 ||
	    (strcmp(style, "split") == 0 && y > 2000 && y < 2010) ||
	    (strcmp(style, "hundreds") == 0 && y >= 2000)) {
		buf_printf(sa->out, "%u", y);
		return;
	}
	buf_printf(sa->out, "%u ", y / 100);
	if (y % 100 == 0 || strcmp(style, "hundreds") == 0) {
		put_word(sa, "say.hundred", "hundred");
		if (y % 100 != 0)
			buf_printf(sa->out, " %u", y % 100);
	} else if (y % 100 < 10) {
		put_word(sa, "say.oh", "0");
		buf_printf(sa->out, " %u", y % 100);
	} else
		buf_printf(sa->out, "%u", y % 100);
}

/* Whether the n digits at s are a year: 1000 to 2099 alone. */
static bool
year_shape(const char *s, size_t n)
{
	unsigned v;

	if (n != 4 || digits(s, 4) != 4)
		return false;
	v = value(s, 4);
	return v >= 1000 && v <= 2099;
}

/*
 * A time of day, hours h and minutes m: "19 30", "19 hundred", "9 oh 5",
 * "3 o'clock" in English; "20 heures 30" where the language has a word
 * for hours.  h24: written on the 24-hour clock ("0800", "14:00").
 */
static void
put_time(struct say *sa, unsigned h, unsigned m, bool h24)
{
	buf_printf(sa->out, "%u", h);
	if (has(sa, "say.hours-word")) {
		buf_putc(sa->out, ' ');
		put_word(sa, "say.hours-word", "");
		if (m != 0)
			buf_printf(sa->out, " %u", m);
	} else if (m == 0 && h24 && has(sa, "say.hundred")) {
		buf_putc(sa->out, ' ');
		put_word(sa, "say.hundred", "");
	} else if (m == 0 && has(sa, "say.oclock")) {
		buf_putc(sa->out, ' ');
		put_word(sa, "say.oclock", "");
	} else if (m > 0 && m < 10 && has(sa, "say.oh")) {
		buf_putc(sa->out, ' ');
		put_word(sa, "say.oh", "");
		buf_printf(sa->out, " %u", m);
	} else if (m > 0)
		buf_printf(sa->out, " %u", m);
}

/* ---- The rules ---------------------------------------------------------- */

/*
 * Each rule looks at token i and its neighbours; if it applies, it says
 * them into sa->out, the punctuation around them included, and returns
 * how many tokens it took; else it returns 0 and writes nothing.
 */

/* An ISO date, "2026-02-03", as the language says a date. */
static size_t
r_date(struct say *sa, size_t i)
{
	const struct tok *t = &sa->t[i];
	struct date	 d;
	struct buf	 b = { 0 };
	size_t		 k;
	bool		 ok;

	if (t->len != 10 || t->s[4] != '-' || t->s[7] != '-' ||
	    digits(t->s, 4) != 4 || !date_parse(t->s, 10, &d))
		return 0;
	ok = date_spoken(&d, sa->tag, &b);
	if (ok) {
		/* It ends in the year, which is said as a year. */
		k = b.len;
		while (k > 0 && is_digit(b.data[k - 1]))
			k--;
		put_pre(sa, t);
		buf_put(sa->out, b.data, k);
		put_year(sa, (unsigned)d.year);
		put_post(sa, t);
	}
	buf_free(&b);
	return ok ? 1 : 0;
}

/*
 * A web or mail address, said as people say one: "bbc dot co dot uk
 * slash news", the scheme and "www." left out, and a query never.
 */
static size_t
r_address(struct say *sa, size_t i)
{
	static const char *const tlds[] = {
		"com", "org", "net", "uk", "gov", "edu", "int", "eu", "io",
		"info", "de", "fr", "es", "ie", "au", "ca", "nz", "us",
	};
	const struct tok *t = &sa->t[i];
	const char	*s = t->s, *e = t->s + t->len, *dot, *p;
	size_t		 k, n;
	bool		 web = false;

	if (!has(sa, "say.dot"))
		return 0;
	if (t->len > 8 && memcmp(s, "https://", 8) == 0)
		s += 8, web = true;
	else if (t->len > 7 && memcmp(s, "http://", 7) == 0)
		s += 7, web = true;
	if ((size_t)(e - s) > 4 && memcmp(s, "www.", 4) == 0)
		s += 4, web = true;
	/* A domain: a dot, then a known ending and the end or a slash. */
	for (dot = s; !web && (dot = memchr(dot, '.', (size_t)(e - dot))) !=
	    NULL; dot++)
		for (k = 0; k < NELEM(tlds); k++) {
			n = strlen(tlds[k]);
			if ((size_t)(e - dot - 1) >= n &&
			    memcmp(dot + 1, tlds[k], n) == 0 &&
			    (dot + 1 + n == e || dot[1 + n] == '/' ||
			    dot[1 + n] == '.') && dot > s &&
			    text_is_letter((unsigned char)dot[-1]))
				web = true;
		}
	if (!web)
		return 0;
	put_pre(sa, t);
	for (p = s; p < e && *p != '?' && *p != '#'; p++) {
		if (*p == '/' && (p + 1 == e || p[1] == '?'))
			break;
		switch (*p) {
		case '.':
			buf_putc(sa->out, ' ');
			put_word(sa, "say.dot", ".");
			buf_putc(sa->out, ' ');
			break;
		case '/':
			buf_putc(sa->out, ' ');
			put_word(sa, "say.slash", "/");
			buf_putc(sa->out, ' ');
			break;
		case '@':
			buf_putc(sa->out, ' ');
			put_word(sa, "say.at", "@");
			buf_putc(sa->out, ' ');
			break;
		case '-':
		case '_':
			buf_putc(sa->out, ' ');
			break;
		default:
			/* "uk", "de": a country's letters, spelled. */
			if (p > s && p[-1] == '.' && e - p >= 2 &&
			    (p + 2 == e || p[2] == '/') &&
			    p[0] >= 'a' && p[0] <= 'z' && p[1] >= 'a' &&
			    p[1] <= 'z') {
				buf_putc(sa->out, p[0] - 32);
				buf_putc(sa->out, p[1] - 32);
				p++;
			} else
				buf_putc(sa->out, *p);
		}
	}
	put_post(sa, t);
	return 1;
}

/* "#MeToo": "hashtag MeToo"; "@BBCNews": "at BBCNews". */
static size_t
r_tag(struct say *sa, size_t i)
{
	const struct tok *t = &sa->t[i];
	const char	*key;

	if (t->len < 2 || (t->s[0] != '#' && t->s[0] != '@') ||
	    !text_is_letter((unsigned char)t->s[1]))
		return 0;
	key = t->s[0] == '#' ? "say.hashtag" : "say.at";
	if (!has(sa, key) || memchr(t->s, '.', t->len) != NULL)
		return 0;
	put_pre(sa, t);
	put_word(sa, key, "");
	buf_putc(sa->out, ' ');
	buf_put(sa->out, t->s + 1, t->len - 1);
	put_post(sa, t);
	return 1;
}

/*
 * A telephone number, "020 7946 0958", "+44 20 7946 0958", "07700
 * 900123": digit by digit, a pause between the groups, 0 as the region
 * says it ("oh" in Britain).
 */
static size_t
r_phone(struct say *sa, size_t i)
{
	const struct tok *t;
	size_t		 j, k, total = 0, n;

	t = &sa->t[i];
	if (t->len < 2 || (t->s[0] != '0' && t->s[0] != '+'))
		return 0;
	for (j = i; j < sa->n; j++) {
		t = &sa->t[j];
		if (t->len == 0 || (j > i && (t->prelen > 0 ||
		    sa->t[j - 1].postlen > 0)))
			break;
		k = t->s[0] == '+' && j == i ? 1 : 0;
		n = digits(t->s + k, t->len - k);
		if (n == 0 || n + k != t->len || n > 6)
			break;
		total += n;
	}
	if (total < 9 || j - i < 2)
		return 0;
	put_pre(sa, &sa->t[i]);
	for (k = i; k < j; k++) {
		t = &sa->t[k];
		if (k > i)
			buf_puts(sa->out, ", ");
		for (n = 0; n < t->len; n++) {
			if (t->s[n] == '+') {
				put_word(sa, "say.plus", "");
				continue;
			}
			if (n > 0)
				buf_putc(sa->out, ' ');
			if (t->s[n] != '0' || !put_nth(sa, "say.zero", 1))
				buf_putc(sa->out, t->s[n]);
		}
	}
	put_post(sa, &sa->t[j - 1]);
	return j - i;
}

/*
 * The multiplier after a number, into word (wordsz bytes): attached to
 * it ("5.7bn": rest the bytes after the number) or the next word ("$300
 * million", "5 Mio."); sets *took to the tokens it takes after i.
 * Returns false if there is none.
 */
static bool
multiplier_after(const struct say *sa, size_t i, const char *rest,
    size_t restlen, char *word, size_t wordsz, size_t *took)
{
	const struct tok *u;
	const char	*m;

	*took = 0;
	if (restlen > 0) {
		if ((m = record(sa, "say.multiplier", rest, restlen)) ==
		    NULL && (m = record(sa, "say.money-multiplier", rest,
		    restlen)) == NULL)
			return false;
	} else {
		if (i + 1 >= sa->n || sa->t[i].postlen > 0)
			return false;
		u = &sa->t[i + 1];
		if (u->prelen > 0 || u->len < 2 || u->len >= wordsz)
			return false;
		/* A word said as it is written, "million". */
		if (lang_word(sa->l, "say.multiplier-words", u->s, u->len) >
		    0) {
			memcpy(word, u->s, u->len);
			word[u->len] = '\0';
			*took = 1;
			return true;
		}
		if ((m = record(sa, "say.multiplier", u->s, u->len)) == NULL)
			return false;
		*took = 1;
	}
	snprintf(word, wordsz, "%.*s", (int)strcspn(m, " "), m);
	return true;
}

/* Whether an amount after token i is an adjective: "a $9.6m budget". */
static bool
adjective(const struct say *sa, size_t i)
{
	const struct tok *p;

	if (i == 0)
		return false;
	p = &sa->t[i - 1];
	return p->postlen == 0 && lang_word(sa->l, "say.singular-after",
	    p->s, p->len) > 0;
}

/*
 * Say an amount: number num (n bytes), multiplier said mul ("": none),
 * money record rest ("dollar dollars cent cents"), singular or not.
 */
static void
put_amount(struct say *sa, const char *num, size_t n, const char *mul,
    const char *rest, bool singular)
{
	const char	*mark = memchr(num, sa->decimal, n);
	const char	*and = lang_label(sa->l, "and");

	/* "$4.50": 4 dollars and 50 cents. */
	if (*mul == '\0' && mark != NULL && num + n - mark == 3 &&
	    and != NULL && memchr(num, sa->decimal == '.' ? ',' : '.',
	    n) == NULL) {
		if (!(mark - num == 1 && num[0] == '0')) {
			buf_put(sa->out, num, (size_t)(mark - num));
			buf_putc(sa->out, ' ');
			put_field(sa->out, rest, is_one(num,
			    (size_t)(mark - num)) ? 1 : 2);
			buf_printf(sa->out, " %s ", and);
		}
		if (mark[1] == '0')
			buf_putc(sa->out, mark[2]);
		else
			buf_put(sa->out, mark + 1, 2);
		buf_putc(sa->out, ' ');
		put_field(sa->out, rest, mark[1] == '0' && mark[2] == '1' ?
		    3 : 4);
		return;
	}
	buf_put(sa->out, num, n);
	if (*mul != '\0')
		buf_printf(sa->out, " %s", mul);
	buf_putc(sa->out, ' ');
	put_field(sa->out, rest, singular || (is_one(num, n) && *mul == '\0') ?
	    1 : 2);
}

/* The money record for a symbol at the start of s, its length in *n. */
static const char *
money_symbol(const struct say *sa, const char *s, size_t len, size_t *n)
{
	const char	*v, *sp;
	size_t		 i, best = 0;
	const char	*rest = NULL;

	for (i = 0; (v = lang_value(sa->l, "say.money", i)) != NULL; i++) {
		if ((sp = strchr(v, ' ')) == NULL)
			continue;
		if ((size_t)(sp - v) <= len && (size_t)(sp - v) > best &&
		    memcmp(s, v, (size_t)(sp - v)) == 0) {
			best = (size_t)(sp - v);
			rest = sp + 1;
		}
	}
	*n = best;
	return rest;
}

/*
 * An amount of money: "$300", "£5.7bn", "$300 million", "US$4.50",
 * "5 €", "5€"; said number first, "300 million dollars".  A language
 * with no words for money still gets its symbol after the number, where
 * espeak-ng says it in the language's own words.
 */
static size_t
r_money(struct say *sa, size_t i)
{
	const struct tok *t = &sa->t[i], *last;
	const char	*rest;
	char		 mul[32];
	size_t		 sym, num, took = 0;
	int32_t		 cp;

	if (!has(sa, "say.money")) {
		sym = utf8_next(t->s, t->len, &cp);
		if (!text_is_currency(cp) ||
		    (num = number_len(t->s + sym, t->len - sym)) == 0 ||
		    sym + num != t->len)
			return 0;
		put_pre(sa, t);
		buf_put(sa->out, t->s + sym, num);
		buf_putc(sa->out, ' ');
		buf_put(sa->out, t->s, sym);
		put_post(sa, t);
		return 1;
	}
	if ((rest = money_symbol(sa, t->s, t->len, &sym)) != NULL &&
	    (num = number_len(t->s + sym, t->len - sym)) > 0) {
		if (!multiplier_after(sa, i, t->s + sym + num,
		    t->len - sym - num, mul, sizeof(mul), &took)) {
			if (sym + num != t->len)
				return 0;
			mul[0] = '\0';
		}
		last = &sa->t[i + took];
		put_pre(sa, t);
		put_amount(sa, t->s + sym, num, mul, rest, adjective(sa, i));
		put_post(sa, last);
		return 1 + took;
	}
	/* After the number, attached or the next word. */
	if ((num = number_len(t->s, t->len)) == 0)
		return 0;
	if (num < t->len) {
		if ((rest = money_symbol(sa, t->s + num, t->len - num,
		    &sym)) == NULL || num + sym != t->len)
			return 0;
		took = 0;
	} else {
		if (i + 1 >= sa->n || t->postlen > 0 ||
		    (rest = money_symbol(sa, sa->t[i + 1].s,
		    sa->t[i + 1].len, &sym)) == NULL ||
		    sym != sa->t[i + 1].len)
			return 0;
		took = 1;
	}
	put_pre(sa, t);
	put_amount(sa, t->s, num, "", rest, false);
	put_post(sa, &sa->t[i + took]);
	return 1 + took;
}

/*
 * Whether token t is one of the words of key, as written: 1, or 2 if it
 * is with the full stop after it ("No.", "Nr."); 0 if not.
 */
static int
word_in(const struct say *sa, const char *key, const struct tok *t)
{
	char	 w[32];

	if (t->len == 0)
		return 0;
	if (t->postlen > 0 && t->post[0] == '.' && t->len + 1 < sizeof(w)) {
		memcpy(w, t->s, t->len);
		w[t->len] = '.';
		if (lang_word(sa->l, key, w, t->len + 1) > 0)
			return 2;
	}
	return lang_word(sa->l, key, t->s, t->len) > 0 ? 1 : 0;
}

/* Token t's closing punctuation, the first skip bytes (its full stop) left. */
static void
put_post_from(struct say *sa, const struct tok *t, size_t skip)
{
	buf_put(sa->out, t->post + skip, t->postlen - skip);
}

/* "No 10", "No. 5", "Nr. 5", "n.º 5": the word for number. */
static size_t
r_number_sign(struct say *sa, size_t i)
{
	const struct tok *t = &sa->t[i];
	int		 w;

	if (i + 1 >= sa->n || sa->t[i + 1].len == 0 ||
	    !is_digit(sa->t[i + 1].s[0]) ||
	    (w = word_in(sa, "say.number-written", t)) == 0 ||
	    (w == 1 && t->postlen > 0))
		return 0;
	put_pre(sa, t);
	put_word(sa, "say.number", "");
	put_post_from(sa, t, w == 2 ? 1 : 0);
	return 1;
}

/* "Wales v Ireland", "Federer vs. Nadal": versus, between names. */
static size_t
r_versus(struct say *sa, size_t i)
{
	const struct tok *t = &sa->t[i], *p, *q;
	int		 w;

	if (i == 0 || i + 1 >= sa->n ||
	    (w = word_in(sa, "say.versus-written", t)) == 0)
		return 0;
	p = &sa->t[i - 1];
	q = &sa->t[i + 1];
	if (p->len == 0 || q->len == 0 || p->postlen > 0 ||
	    (w == 1 && t->postlen > 0) ||
	    !(capitalised(p) || is_digit(p->s[p->len - 1])) ||
	    !(capitalised(q) || is_digit(q->s[0])))
		return 0;
	put_pre(sa, t);
	put_word(sa, "say.versus", "");
	put_post_from(sa, t, w == 2 ? 1 : 0);
	return 1;
}

/*
 * A number with a multiplier, unit or minor unit of money after it:
 * "5.7bn", "9m", "5 Mio.", "5km", "250p"; "400m" is metres where the
 * next word says it is a distance ("the 400m final", "8m high").
 */
static size_t
r_quantity(struct say *sa, size_t i)
{
	const struct tok *t = &sa->t[i], *u;
	const char	*rest, *unit = NULL, *key = NULL;
	char		 w[16];
	size_t		 num, took = 0, n;
	bool		 dist;

	if ((num = number_len(t->s, t->len)) == 0)
		return 0;
	rest = t->s + num;
	n = t->len - num;
	u = i + 1 < sa->n && t->postlen == 0 ? &sa->t[i + 1] : NULL;
	/* What comes after: attached, or the next word. */
	if (n == 0 && u != NULL && u->prelen == 0) {
		rest = u->s;
		n = u->len;
		took = 1;
		u = i + 2 < sa->n && sa->t[i + 1].postlen == 0 ?
		    &sa->t[i + 2] : NULL;
	} else if (n == 0)
		return 0;
	/* "16.87m": hundredths are a measure, millions have one place;
	 * "the 1500m" in a sentence of races. */
	dist = (u != NULL && listed_lower(sa, "say.distance-words", u->s,
	    u->len)) || (num > 3 && t->s[num - 3] == sa->decimal) ||
	    (lang_word(sa->l, "say.race-distances", t->s, num) > 0 &&
	    (sa->races || (i > 0 && same_word(&sa->t[i - 1], "the"))));
	if (took == 1 && sa->t[i + 1].postlen > 0 &&
	    sa->t[i + 1].post[0] == '.' && n + 1 < sizeof(w)) {
		/* "5 Mio.": the abbreviation with its full stop. */
		memcpy(w, rest, n);
		w[n] = '.';
		if ((unit = record(sa, "say.multiplier", w, n + 1)) != NULL)
			key = "multiplier-dot";
	}
	if (key != NULL)
		;
	else if (dist && (unit = record(sa, "say.distance-unit", rest, n)) !=
	    NULL)
		key = "unit";
	else if ((unit = record(sa, "say.unit", rest, n)) != NULL)
		key = "unit";
	else if (took == 0 && (unit = record(sa, "say.minor", rest, n)) !=
	    NULL && memchr(t->s, sa->decimal, num) == NULL)
		key = "unit";
	else if ((unit = record(sa, "say.multiplier", rest, n)) != NULL &&
	    (took == 0 || n >= 2))
		key = "multiplier";
	if (key == NULL)
		return 0;
	put_pre(sa, t);
	buf_put(sa->out, t->s, num);
	buf_putc(sa->out, ' ');
	if (strcmp(key, "unit") == 0)
		put_field(sa->out, unit, is_one(t->s, num) ? 1 : 2);
	else
		put_field(sa->out, unit, 1);
	/* The full stop of "Mio." is the abbreviation's, unless the
	 * sentence ends there. */
	put_post_from(sa, &sa->t[i + took], strcmp(key, "multiplier-dot") ==
	    0 && i + took + 1 < sa->n ? 1 : 0);
	return 1 + took;
}

/* "1930 GMT", "0800 local time": a time on the 24-hour clock. */
static size_t
r_zone_time(struct say *sa, size_t i)
{
	const struct tok *t = &sa->t[i];
	unsigned	 h, m;

	if (t->len != 4 || digits(t->s, 4) != 4 || t->postlen > 0 ||
	    i + 1 >= sa->n || lang_word(sa->l, "say.clock-zones",
	    sa->t[i + 1].s, sa->t[i + 1].len) == 0)
		return 0;
	h = value(t->s, 2);
	m = value(t->s + 2, 2);
	if (h > 24 || m > 59)
		return 0;
	put_pre(sa, t);
	if (t->s[0] == '0' && has(sa, "say.oh") && !has(sa,
	    "say.hours-word")) {
		put_word(sa, "say.oh", "");
		buf_putc(sa->out, ' ');
	}
	put_time(sa, h, m, true);
	put_post(sa, t);
	return 1;
}

/* A duration's part: "3 minutes" from record key ("minute minutes"). */
static void
put_part(struct say *sa, const char *s, size_t n, const char *key,
    bool space)
{
	if (space)
		buf_putc(sa->out, ' ');
	buf_put(sa->out, s, n);
	if (has(sa, key)) {
		buf_putc(sa->out, ' ');
		put_nth(sa, key, is_one(s, n) ? 1 : 2);
	}
}

/*
 * A clock time, "14:30", "9:05am", "20h30", "14.30 Uhr"; or a race time,
 * "3:58.21" (minutes, seconds and hundredths), "2:01:09" (hours,
 * minutes, seconds).
 */
static size_t
r_clock(struct say *sa, size_t i)
{
	const struct tok *t = &sa->t[i], *u;
	const char	*s = t->s, *ampm = NULL;
	size_t		 n = t->len, a, b, c, took = 0, k;
	unsigned	 h, m;
	bool		 h24, after = false;

	a = digits(s, n);
	if (a == 0 || a > 2 || a == n)
		return 0;
	/* The word after it that says it is a time ("Uhr", "h"). */
	u = i + 1 < sa->n && t->postlen == 0 ? &sa->t[i + 1] : NULL;
	if (u != NULL && lang_word(sa->l, "say.clock-after", u->s, u->len) >
	    0)
		after = true;
	if (s[a] == ':' || (s[a] == '.' && after) ||
	    (s[a] == 'h' && has(sa, "say.hours-word") &&
	    lang_word(sa->l, "say.clock-mark", "h", 1) > 0)) {
		b = digits(s + a + 1, n - a - 1);
		if (s[a] == 'h' && b == 0 && a + 1 == n) {
			/* "20h" */
			h = value(s, a);
			if (h > 24)
				return 0;
			put_pre(sa, t);
			put_time(sa, h, 0, true);
			put_post(sa, t);
			return 1;
		}
		if (b != 2)
			return 0;
		c = a + 1 + b;
		/* A race time: "3:58.21", "2:01:09", "1:59:40.2". */
		if (s[a] == ':' && c + 1 < n && (s[c] == '.' ||
		    s[c] == ':') && is_digit(s[c + 1])) {
			k = c + 1 + digits(s + c + 1, n - c - 1);
			if (s[c] == '.' ? k != n : k - c - 1 != 2 ||
			    (k < n && (s[k] != '.' || k + 1 == n ||
			    k + 1 + digits(s + k + 1, n - k - 1) != n)))
				return 0;
			put_pre(sa, t);
			if (s[c] == ':') {
				put_part(sa, s, a, "say.hours", false);
				put_part(sa, s + a + 1, 2, "say.minutes", true);
				put_part(sa, s + c + 1, n - c - 1,
				    "say.seconds", true);
			} else {
				put_part(sa, s, a, "say.minutes", false);
				put_part(sa, s + a + 1, n - a - 1,
				    "say.seconds", true);
			}
			put_post(sa, t);
			return 1;
		}
		if (c < n) {
			/* "9:05am", "9:05pm" */
			if (n - c == 2 && (memcmp(s + c, "am", 2) == 0 ||
			    memcmp(s + c, "pm", 2) == 0))
				ampm = s + c;
			else
				return 0;
		}
		h = value(s, a);
		m = value(s + a + 1, 2);
		if (h > 24 || m > 59)
			return 0;
		h24 = ampm == NULL && (h > 12 || h == 0 || s[0] == '0');
		if (after)
			took = 1;
		put_pre(sa, t);
		if (ampm != NULL && m == 0)
			buf_printf(sa->out, "%u", h);
		else
			put_time(sa, h, m, h24);
		if (ampm != NULL)
			buf_printf(sa->out, " %c.m.", ampm[0]);
		put_post(sa, &sa->t[i + took]);
		return 1 + took;
	}
	return 0;
}

/* Whether a word of key is among the n tokens before i or the one after. */
static bool
near(const struct say *sa, size_t i, size_t n, const char *key)
{
	size_t	 k;

	for (k = i > n ? i - n : 0; k <= i + 1 && k < sa->n; k++)
		if (k != i && listed_lower(sa, key, sa->t[k].s, sa->t[k].len))
			return true;
	return false;
}

/* Say " to " between the two ends of a range, or a pause if no word. */
static void
put_to(struct say *sa)
{
	buf_putc(sa->out, ' ');
	if (has(sa, "say.to")) {
		put_word(sa, "say.to", "");
		buf_putc(sa->out, ' ');
	}
}

/*
 * Two numbers with a dash between: a range of years or a season
 * ("2003-04", "1971-79", "2019/20": "2003 to 2004"), a score ("Celtic 3-1
 * Aberdeen": "Celtic 3, Aberdeen 1"; "won 3-1": "3 1"), or a range ("10-20":
 * "10 to 20").  The dash is never read out.
 */
static size_t
r_range(struct say *sa, size_t i)
{
	const struct tok *t = &sa->t[i];
	const char	*s = t->s, *b;
	size_t		 n = t->len, a, dash, bl, j;
	unsigned	 y1, y2;

	a = number_len(s, n);
	if (a == 0 || a >= n)
		return 0;
	if (s[a] == '-' || s[a] == '/')
		dash = 1;
	else if (n - a >= 3 && memcmp(s + a, "\xe2\x80\x93", 3) == 0)
		dash = 3;	/* en dash */
	else
		return 0;
	b = s + a + dash;
	bl = number_len(b, n - a - dash);
	if (bl == 0 || a + dash + bl != n)
		return 0;
	/* Years: "2003-04", "2003/04", "1971-79", "2005-2006". */
	if (year_shape(s, a) && (bl == 2 || (bl == 4 && year_shape(b, 4)))) {
		y1 = value(s, 4);
		y2 = bl == 4 ? value(b, 4) : y1 / 100 * 100 + value(b, 2);
		if (bl == 2 && y2 <= y1)
			y2 += 100;
		if (y2 > y1 && y2 - y1 < 100) {
			put_pre(sa, t);
			put_year(sa, y1);
			put_to(sa);
			put_year(sa, y2);
			put_post(sa, t);
			return 1;
		}
	}
	/* "24/7", "1/2": the voice's, without the slash (r_symbols). */
	if (s[a] == '/')
		return 0;
	put_pre(sa, t);
	/* A score between two names: the second name's goals after it. */
	if (a <= 2 && bl <= 2 && i > 0 && i + 1 < sa->n &&
	    sa->t[i - 1].postlen == 0 && capitalised(&sa->t[i - 1]) &&
	    t->postlen == 0 && capitalised(&sa->t[i + 1]) &&
	    sa->t[i + 1].prelen == 0) {
		buf_put(sa->out, s, a);
		buf_putc(sa->out, ',');
		for (j = i + 1; j < sa->n && j < i + 5 &&
		    capitalised(&sa->t[j]) && sa->t[j].prelen == 0; j++) {
			buf_putc(sa->out, ' ');
			buf_put(sa->out, sa->t[j].s, sa->t[j].len);
			if (sa->t[j].postlen > 0) {
				j++;
				break;
			}
		}
		buf_putc(sa->out, ' ');
		buf_put(sa->out, b, bl);
		put_post(sa, &sa->t[j - 1]);
		return j - i;
	}
	buf_put(sa->out, s, a);
	if (a <= 2 && bl <= 2 && near(sa, i, 4, "say.score-words")) {
		buf_putc(sa->out, ' ');
		if (has(sa, "say.score-to")) {
			put_word(sa, "say.score-to", "");
			buf_putc(sa->out, ' ');
		}
	} else
		put_to(sa);
	buf_put(sa->out, b, bl);
	put_post(sa, t);
	return 1;
}

/*
 * A decade or century: "the 1990s" (the 19 nineties), "the 1800s" (the 18
 * hundreds), "the 2000s", "2010s", "'90s".
 */
static size_t
r_decade(struct say *sa, size_t i)
{
	const struct tok *t = &sa->t[i];
	size_t		 n = t->len, d;
	unsigned	 y;

	if (!has(sa, "say.decades"))
		return 0;
	if (n >= 3 && t->s[n - 1] == 's')
		n--;
	if (n >= 3 && (t->s[n - 1] == '\'' || (n >= 5 &&
	    memcmp(t->s + n - 3, "\xe2\x80\x99", 3) == 0)))
		n -= t->s[n - 1] == '\'' ? 1 : 3;
	if (n == t->len || ((d = digits(t->s, n)) != 4 && d != 2) || d != n)
		return 0;
	y = value(t->s, d);
	if (y % 10 != 0 || (d == 4 && (y < 1000 || y > 2090)))
		return 0;
	/* "'90s": the apostrophe said as nothing. */
	if (d == 2 && t->prelen > 0 && (t->pre[t->prelen - 1] == '\'' ||
	    (t->prelen >= 3 && memcmp(t->pre + t->prelen - 3,
	    "\xe2\x80\x99", 3) == 0)))
		buf_put(sa->out, t->pre, t->prelen - (t->pre[t->prelen - 1] ==
		    '\'' ? 1 : 3));
	else
		put_pre(sa, t);
	if (d == 4 && y % 1000 == 0) {
		buf_printf(sa->out, "%u ", y / 1000);
		put_word(sa, "say.thousands", "");
	} else if (d == 4 && y % 100 == 0) {
		buf_printf(sa->out, "%u ", y / 100);
		put_word(sa, "say.hundreds", "");
	} else {
		if (d == 4)
			buf_printf(sa->out, "%u ", y / 100);
		put_nth(sa, "say.decades", y % 100 / 10);
	}
	put_post(sa, t);
	return 1;
}

/*
 * A year, "in 1968": four digits from 1000 to 2099, said as a year
 * unless a word before says it is a count ("about 1500", "than 2000")
 * or a unit follows.  Reading a count as a year ("fifteen hundred") is
 * still the number; reading a year as a count is what listeners
 * complained of.
 */
static size_t
r_year(struct say *sa, size_t i)
{
	const struct tok *t = &sa->t[i];

	if (!has(sa, "say.year") || !year_shape(t->s, t->len) ||
	    digits(t->s, t->len) != 4)
		return 0;
	if (t->postlen > 0 && t->post[0] == '%')
		return 0;
	if (i > 0 && listed_lower(sa, "say.count-words", sa->t[i - 1].s,
	    sa->t[i - 1].len))
		return 0;
	put_pre(sa, t);
	put_year(sa, value(t->s, 4));
	put_post(sa, t);
	return 1;
}

/* The value of a Roman numeral's letter. */
static unsigned
letter_value(char c)
{
	static const char letters[] = "IVXLCDM";
	static const unsigned values[] = { 1, 5, 10, 50, 100, 500, 1000 };
	const char	*p = strchr(letters, c);

	return c != '\0' && p != NULL ? values[p - letters] : 0;
}

/* The value of a Roman numeral in capitals written the usual way, or 0. */
static unsigned
roman_value(const char *s, size_t n)
{
	static const struct {
		const char	*w;
		unsigned	 v;
	} parts[] = {
		{ "M", 1000 }, { "CM", 900 }, { "D", 500 }, { "CD", 400 },
		{ "C", 100 }, { "XC", 90 }, { "L", 50 }, { "XL", 40 },
		{ "X", 10 }, { "IX", 9 }, { "V", 5 }, { "IV", 4 }, { "I", 1 },
	};
	char		 back[32];
	size_t		 k, m, at = 0;
	unsigned	 v = 0, left;

	for (k = 0; k < n; k++)
		if (letter_value(s[k]) == 0)
			return 0;
	if (n == 0 || n >= sizeof(back))
		return 0;
	for (k = 0; k < n; k++) {
		left = letter_value(s[k]);
		if (k + 1 < n && letter_value(s[k + 1]) > left) {
			v += letter_value(s[k + 1]) - left;
			k++;
		} else
			v += left;
	}
	/* Only the usual way of writing it: "IV", not "IIII" or "VX". */
	for (left = v, k = 0; k < NELEM(parts) && at + 2 < sizeof(back); )
		if (left >= parts[k].v) {
			m = strlen(parts[k].w);
			memcpy(back + at, parts[k].w, m);
			at += m;
			left -= parts[k].v;
		} else
			k++;
	return at == n && memcmp(back, s, n) == 0 ? v : 0;
}

/* The ordinal word for v from list key (".f": feminine), or NULL. */
static bool
put_ordinal(struct say *sa, unsigned v, bool feminine)
{
	if (feminine && put_nth(sa, "say.ordinals.f", v))
		return true;
	return put_nth(sa, "say.ordinals", v);
}

/*
 * An ordinal the voice does not know: "1.º" and "1.ª" (primero, primera),
 * "20e", "XXe", "1er" (vingtième, premier), "am 3. Mai" (am dritten Mai).
 * English's "20th" the voice reads itself.
 */
static size_t
r_ordinal(struct say *sa, size_t i)
{
	const struct tok *t = &sa->t[i], *u;
	size_t		 d, ml;
	unsigned	 v;
	bool		 fem = false, dot = false;

	if (!has(sa, "say.ordinals"))
		return 0;
	if ((d = digits(t->s, t->len)) > 0 && d <= 3)
		v = value(t->s, d);
	else if (d == 0) {
		while (d < t->len && strchr("IVXLCDM", t->s[d]) != NULL &&
		    t->s[d] != '\0')
			d++;
		/* "XXe", "IVe", not "Le" or "Me". */
		if (d == t->len || (v = roman_value(t->s, d)) == 0 ||
		    strcspn(t->s, "IVX") >= d)
			return 0;
	} else
		return 0;
	ml = t->len - d;
	u = i + 1 < sa->n ? &sa->t[i + 1] : NULL;
	if (ml == 0) {
		/* "3." before a word that wants an ordinal ("Mai"). */
		if (t->postlen != 1 || t->post[0] != '.' || u == NULL ||
		    lang_word(sa->l, "say.ordinal-mark", ".", 1) == 0 ||
		    lang_word(sa->l, "ordinal-context", u->s, u->len) == 0)
			return 0;
		dot = true;
	} else if (lang_word(sa->l, "say.ordinal-mark.f", t->s + d, ml) > 0)
		fem = true;
	else if (lang_word(sa->l, "say.ordinal-mark", t->s + d, ml) == 0)
		return 0;
	put_pre(sa, t);
	if (!put_ordinal(sa, v, fem))
		buf_printf(sa->out, "%u", v);
	else if (i > 0 && listed_lower(sa, "say.ordinal-inflect-after",
	    sa->t[i - 1].s, sa->t[i - 1].len))
		put_word(sa, "say.ordinal-inflect", "");
	put_post_from(sa, t, dot ? 1 : 0);
	return 1;
}

/*
 * A Roman numeral after a name: regnal after a ruler's name ("Henry
 * VIII": the eighth, by the language's say.regnal), a number after
 * another ("Super Bowl XL": 40, "World War II": 2).
 */
static size_t
r_roman(struct say *sa, size_t i)
{
	const struct tok *t = &sa->t[i], *p;
	const char	*tpl, *c;
	const char	*max = lang_value(sa->l, "say.regnal-ordinal-max", 0);
	unsigned	 v;
	bool		 regnal;

	if (i == 0 || sa->capitals || (v = roman_value(t->s, t->len)) == 0)
		return 0;
	p = &sa->t[i - 1];
	if (p->postlen > 0)
		return 0;
	regnal = lang_word(sa->l, "say.regnal-names", p->s, p->len) > 0;
	/* "DC", "CD", "MD" and "I" are not numbers after a name, but
	 * "World War I" is. */
	if (!regnal && !(lang_word(sa->l, "say.numeral-after", p->s,
	    p->len) > 0 && v <= 89) && (!capitalised(p) || t->len < 2 ||
	    v > 89 || strcspn(t->s, "IVX") >= t->len))
		return 0;
	put_pre(sa, t);
	if (regnal && (tpl = lang_value(sa->l, "say.regnal", 0)) != NULL) {
		for (c = tpl; *c != '\0'; c++) {
			if (c[0] != '%' || c[1] != 'o') {
				buf_putc(sa->out, *c);
				continue;
			}
			c++;
			if ((max != NULL && v > (unsigned)atoi(max)) ||
			    !put_ordinal(sa, v, false))
				buf_printf(sa->out, "%u", v);
		}
	} else
		buf_printf(sa->out, "%u", v);
	/* "Ludwig XIV. war": the full stop is the ordinal's. */
	put_post_from(sa, t, regnal && t->postlen == 1 && t->post[0] == '.' &&
	    i + 1 < sa->n && lang_word(sa->l, "say.ordinal-mark", ".", 1) >
	    0 ? 1 : 0);
	return 1;
}

/* The vowels among the n capitals at s. */
static size_t
vowels(const char *s, size_t n)
{
	size_t	 k, v = 0;

	for (k = 0; k < n; k++)
		if (strchr("AEIOUY", s[k]) != NULL)
			v++;
	return v;
}

/* Whether token t is a word of capitals, two letters or more. */
static bool
all_capitals(const struct tok *t)
{
	size_t	 k;

	for (k = 0; k < t->len; k++)
		if (t->s[k] < 'A' || t->s[k] > 'Z')
			return false;
	return t->len >= 2;
}

/*
 * Whether token i is in a run of words in capitals one of which is a
 * word, not an abbreviation ("HOLLIS FALLS, Vermont", "THE IMF"): five
 * letters with two vowels, or a capital word.
 */
static bool
in_capitals(const struct say *sa, size_t i)
{
	size_t	 a = i, b = i, k;

	while (a > 0 && sa->t[a - 1].postlen == 0 &&
	    all_capitals(&sa->t[a - 1]))
		a--;
	while (b + 1 < sa->n && sa->t[b].postlen == 0 &&
	    all_capitals(&sa->t[b + 1]))
		b++;
	for (k = a; k <= b && a < b; k++)
		if (k != i && ((sa->t[k].len >= 5 && vowels(sa->t[k].s,
		    sa->t[k].len) >= 2) || text_is_capital_word(sa->t[k].s,
		    sa->t[k].len)))
			return true;
	return false;
}

/*
 * An abbreviation in capitals that is not said as a word: spelled,
 * "IMF" -> "I.M.F.", "TUC's" -> "T.U.C.'s"; the language's say.words
 * ("NATO", "FTSE"), capital words ("THE"), words of five letters or more
 * with two vowels ("HOLLIS"; "NSPCC" is spelled) and the words of a run
 * with one of those stay words.
 */
static size_t
r_capitals(struct say *sa, size_t i)
{
	const struct tok *t = &sa->t[i];
	const char	*v = lang_value(sa->l, "say.spell-capitals", 0);
	size_t		 n = t->len, k, tail = 0;

	if (v == NULL || strcmp(v, "yes") != 0 || sa->capitals)
		return 0;
	if (n > 2 && t->s[n - 2] == '\'' && t->s[n - 1] == 's')
		tail = 2;
	else if (n > 4 && memcmp(t->s + n - 4, "\xe2\x80\x99s", 4) == 0)
		tail = 4;
	n -= tail;
	if (n < 2 || n > 6)
		return 0;
	for (k = 0; k < n; k++)
		if (t->s[k] < 'A' || t->s[k] > 'Z')
			return 0;
	if (text_is_capital_word(t->s, n) ||
	    lang_word(sa->l, "say.words", t->s, n) > 0 ||
	    (n >= 5 && vowels(t->s, n) >= 2) || in_capitals(sa, i))
		return 0;
	put_pre(sa, t);
	for (k = 0; k < n; k++) {
		buf_putc(sa->out, t->s[k]);
		buf_putc(sa->out, '.');
	}
	buf_put(sa->out, t->s + n, tail);
	/* The sentence's full stop is the last letter's. */
	put_post_from(sa, t, tail == 0 && t->postlen > 0 && t->post[0] ==
	    '.' ? 1 : 0);
	return 1;
}

/*
 * What no rule said: a word as written, but no symbol read by its name
 * where a listener would not hear one: a dash or colon between digits
 * ("3-1-0", "10:30:15"), a slash between words or digits ("and/or",
 * "24/7").
 */
static size_t
r_symbols(struct say *sa, size_t i)
{
	const struct tok *t = &sa->t[i];
	const char	*s = t->s;
	size_t		 k, n = t->len;
	bool		 dash;

	put_pre(sa, t);
	for (k = 0; k < n; k++) {
		dash = s[k] == '-' || (n - k >= 3 &&
		    memcmp(s + k, "\xe2\x80\x93", 3) == 0);
		if (k > 0 && k + 1 < n && is_digit(s[k - 1]) &&
		    (dash || s[k] == ':') && is_digit(s[k + (dash &&
		    s[k] != '-' ? 3 : 1)])) {
			if (s[k] == ':')
				buf_putc(sa->out, ' ');
			else
				put_to(sa);
			if (dash && s[k] != '-')
				k += 2;
			continue;
		}
		if (s[k] == '/' && k > 0 && k + 1 < n &&
		    (text_is_letter((unsigned char)s[k - 1]) ||
		    is_digit(s[k - 1])) &&
		    (text_is_letter((unsigned char)s[k + 1]) ||
		    is_digit(s[k + 1]))) {
			buf_putc(sa->out, ' ');
			continue;
		}
		buf_putc(sa->out, s[k]);
	}
	put_post(sa, t);
	return 1;
}

/* ---- Words and the driver ----------------------------------------------- */

static bool
opening(int32_t cp)
{
	return text_is_opener(cp) || cp == '"' || cp == '\'' ||
	    cp == 0x2018 || cp == 0x201c || cp == 0xbf || cp == 0xa1 ||
	    cp == 0xab;
}

static bool
closing(int32_t cp)
{
	return text_is_closer(cp) || (cp < 0x80 && cp > 0 &&
	    strchr(",;:!?.\"')]}%", (int)cp) != NULL) || cp == 0x2019 ||
	    cp == 0x201d || cp == 0xbb || cp == 0x2026;
}

/* The length of the last code point of the len bytes at s. */
static size_t
last_cp(const char *s, size_t len, int32_t *cp)
{
	size_t	 k = len;

	while (k > 0 && ((unsigned char)s[k - 1] & 0xc0) == 0x80)
		k--;
	if (k > 0)
		k--;
	utf8_next(s + k, len - k, cp);
	return len - k;
}

/* Split the len bytes at s (one space between words) into tokens. */
static void
tokenise(struct say *sa, const char *s, size_t len)
{
	struct tok	*t;
	size_t		 i = 0, e, k, m, cap = 0;
	int32_t		 cp;

	while (i < len) {
		for (e = i; e < len && s[e] != ' '; e++)
			continue;
		if (sa->n == cap) {
			cap = cap ? cap * 2 : 32;
			sa->t = xreallocarray(sa->t, cap, sizeof(*sa->t));
		}
		t = &sa->t[sa->n++];
		t->pre = s + i;
		while (i < e) {
			k = utf8_next(s + i, e - i, &cp);
			if (!opening(cp))
				break;
			i += k;
		}
		t->prelen = (size_t)(s + i - t->pre);
		t->s = s + i;
		for (k = e; k > i; k -= m) {
			m = last_cp(s + i, k - i, &cp);
			if (!closing(cp))
				break;
		}
		t->len = k - i;
		t->post = s + k;
		t->postlen = e - k;
		i = e;
		while (i < len && s[i] == ' ')
			i++;
	}
}

/* A word the voice would misread, said as the language's say.word has it
 * ("Ms": "Miz", not "em es"). */
static size_t
r_word(struct say *sa, size_t i)
{
	const struct tok *t = &sa->t[i];
	const char	*said = record(sa, "say.word", t->s, t->len);

	if (said == NULL)
		return 0;
	put_pre(sa, t);
	put_field(sa->out, said, 1);
	put_post(sa, t);
	return 1;
}

typedef size_t	(*rule_fn)(struct say *, size_t);

/* In order: the first that applies says the word. */
static const rule_fn rules[] = {
	r_date, r_address, r_tag, r_phone, r_money, r_number_sign, r_versus,
	r_zone_time, r_clock, r_range, r_decade, r_quantity, r_year,
	r_ordinal, r_roman, r_word, r_capitals, r_symbols,
};

void
say_text(const char *tag, const char *s, size_t len, struct buf *out)
{
	struct say	 sa;
	const char	*dec;
	size_t		 i, k, r;

	memset(&sa, 0, sizeof(sa));
	sa.l = lang_get(tag);
	sa.tag = tag;
	k = strcspn(tag, "-");
	if (tag[k] == '-' && strcspn(tag + k + 1, "-") == 2)
		snprintf(sa.region, sizeof(sa.region), "%.2s", tag + k + 1);
	sa.out = out;
	sa.capitals = text_is_capitals(s, len);
	dec = lang_value(sa.l, "say.decimal", 0);
	sa.decimal = dec != NULL && dec[0] == ',' ? ',' : '.';
	tokenise(&sa, s, len);
	for (i = 0; i < sa.n && !sa.races; i++)
		sa.races = lang_word(sa.l, "say.race-words", sa.t[i].s,
		    sa.t[i].len) > 0;
	for (i = 0; i < sa.n; i += k) {
		if (i > 0)
			buf_putc(out, ' ');
		k = 0;
		if (sa.t[i].len > 0)
			for (r = 0; r < NELEM(rules) && k == 0; r++)
				k = rules[r](&sa, i);
		if (k == 0) {
			put_pre(&sa, &sa.t[i]);
			put_post(&sa, &sa.t[i]);
			k = 1;
		}
	}
	free(sa.t);
}
