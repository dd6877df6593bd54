/* SPDX-License-Identifier: ISC */
#include "common.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <utf8proc.h>

#include "buf.h"
#include "lang.h"
#include "text.h"
#include "utf8.h"
#include "xalloc.h"

char *
text_nfc(const char *s, size_t len, size_t *out_len)
{
	utf8proc_uint8_t	*out = NULL;
	utf8proc_ssize_t	 n;
	size_t			 i;

	/* ASCII is its own NFC: the common case costs one scan. */
	for (i = 0; i < len; i++)
		if ((unsigned char)s[i] >= 0x80)
			break;
	if (i < len && len <= (size_t)PTRDIFF_MAX) {
		n = utf8proc_map((const utf8proc_uint8_t *)s,
		    (utf8proc_ssize_t)len, &out,
		    UTF8PROC_STABLE | UTF8PROC_COMPOSE);
		if (n >= 0) {
			*out_len = (size_t)n;
			return (char *)out;
		}
		/* Only memory exhaustion gets here: the input is valid. */
		free(out);
	}
	*out_len = len;
	return xstrndup(s, len);
}

size_t
text_grapheme_next(const char *s, size_t len, size_t pos)
{
	utf8proc_int32_t	 state = 0;
	int32_t			 prev, cp;
	size_t			 n;

	n = utf8_next(s + pos, len - pos, &prev);
	pos += n;
	while (pos < len) {
		n = utf8_next(s + pos, len - pos, &cp);
		if (utf8proc_grapheme_break_stateful(prev, cp, &state))
			break;
		prev = cp;
		pos += n;
	}
	return pos;
}

size_t
text_fit(const char *s, size_t len, size_t max_cols, size_t max_bytes)
{
	size_t	 pos, next, cols = 0, word = 0, room_cols, room_bytes;

	if (text_cols(s, len) <= max_cols &&
	    (max_bytes == 0 || len <= max_bytes))
		return len;
	room_cols = max_cols > 1 ? max_cols - 1 : 0;
	room_bytes = max_bytes == 0 ? len : max_bytes > TEXT_ELLIPSIS_LEN ?
	    max_bytes - TEXT_ELLIPSIS_LEN : 0;
	for (pos = 0; pos < len; pos = next) {
		if (s[pos] == ' ')
			word = pos;
		next = text_grapheme_next(s, len, pos);
		cols += text_cols(s + pos, next - pos);
		if (cols > room_cols || next > room_bytes)
			break;
	}
	if (pos < len && s[pos] == ' ')
		word = pos;
	if (word > 0)
		pos = word;
	while (pos > 0 && strchr(" ,;:-", s[pos - 1]) != NULL)
		pos--;
	return pos;
}

static bool
is_regional_indicator(int32_t cp)
{
	return cp >= 0x1f1e6 && cp <= 0x1f1ff;
}

size_t
text_cols(const char *s, size_t len)
{
	size_t	 pos, end, n, cols = 0;
	int32_t	 cp;
	int	 w, widest, nri;

	for (pos = 0; pos < len; pos = end) {
		/* Printable ASCII is one column and one cluster. */
		if ((unsigned char)s[pos] >= 0x20 &&
		    (unsigned char)s[pos] < 0x7f &&
		    (pos + 1 == len || (unsigned char)s[pos + 1] < 0x80)) {
			cols++;
			end = pos + 1;
			continue;
		}
		end = text_grapheme_next(s, len, pos);
		widest = 0;
		nri = 0;
		for (; pos < end; pos += n) {
			n = utf8_next(s + pos, end - pos, &cp);
			if (cp == 0xfe0f)
				w = 2;
			else if (is_regional_indicator(cp))
				w = ++nri == 2 ? 2 : 1;
			else
				w = utf8proc_charwidth(cp);
			if (w > widest)
				widest = w;
		}
		cols += (size_t)widest;
	}
	return cols;
}

static utf8proc_category_t
category(int32_t cp)
{
	return utf8proc_category(cp);
}

bool
text_is_upper(int32_t cp)
{
	utf8proc_category_t	 c = category(cp);

	return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

bool
text_is_lower(int32_t cp)
{
	return category(cp) == UTF8PROC_CATEGORY_LL;
}

bool
text_is_letter(int32_t cp)
{
	utf8proc_category_t	 c = category(cp);

	return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

bool
text_is_digit(int32_t cp)
{
	return category(cp) == UTF8PROC_CATEGORY_ND;
}

bool
text_is_space(int32_t cp)
{
	return cp == '\t' || category(cp) == UTF8PROC_CATEGORY_ZS;
}

bool
text_is_punct(int32_t cp)
{
	utf8proc_category_t	 c = category(cp);

	return c >= UTF8PROC_CATEGORY_PC && c <= UTF8PROC_CATEGORY_PO;
}

bool
text_is_currency(int32_t cp)
{
	return category(cp) == UTF8PROC_CATEGORY_SC;
}

int32_t
text_tolower(int32_t cp)
{
	return utf8proc_tolower(cp);
}

int32_t
text_toupper(int32_t cp)
{
	return utf8proc_toupper(cp);
}

/*
 * Short words in capitals that are words, not acronyms, when a lead-in
 * is set in capitals ("WITH EACH passing day", "EN UNA semana").
 */
static const char *const capital_words[] = {
	"a", "an", "the", "it", "i", "we", "he", "she", "they", "in", "on",
	"at", "as", "for", "with", "when", "each", "after", "before", "if",
	"this", "there", "cuando", "that", "from", "by", "of", "to", "was",
	"is", "are", "and", "but", "not", "all", "its", "our", "his", "her",
	"has", "had", "now", "yet", "so", "one", "two", "six", "ten", "new",
	"old", "big", "day", "who", "why", "how", "out", "off", "ago", "may",
	"can", "any", "own", "too", "few", "far", "got", "see", "saw", "say",
	"set", "let", "put", "way", "el", "la", "los", "las", "un", "una",
	"en", "con", "y", "de", "le", "les", "une", "des", "et", "der", "die",
	"das", "ein", "und",
	/* Short words a title or a notice in capitals has ("THE ART OF
	 * WAR", "BE AWAY"): words, not acronyms. */
	"am", "be", "do", "go", "me", "my", "no", "or", "up", "you", "him",
	"did", "get", "nor", "art", "war", "key", "end", "man", "men", "act",
	"law", "age", "use", "lay", "lie", "sea", "sun", "son", "god", "top",
	"low", "red", "car",
};

bool
text_is_capital_word(const char *w, size_t len)
{
	size_t	 k;

	for (k = 0; k < NELEM(capital_words); k++)
		if (strlen(capital_words[k]) == len &&
		    strncasecmp(w, capital_words[k], len) == 0)
			return true;
	return false;
}

bool
text_is_acronym(const char *w, size_t len)
{
	size_t	 i, n, letters = 0, digits = 0;
	int32_t	 cp;

	for (i = 0; i < len; i += n) {
		n = utf8_next(w + i, len - i, &cp);
		if (text_is_upper(cp))
			letters++;
		else if (text_is_digit(cp))
			digits++;
		else if (cp != '&')
			return false;
	}
	return letters >= 1 && letters + digits >= 2 && letters <= 3 &&
	    !text_is_capital_word(w, len);
}

/*
 * The letters of the word of len bytes at w, the punctuation around it
 * aside ("(UK," is "UK"): their offset, and their length in *core.
 */
static size_t
word_core(const char *w, size_t len, size_t *core)
{
	size_t	 start = 0, end = len, n, k;
	int32_t	 cp;

	while (start < end && (n = utf8_next(w + start, end - start,
	    &cp)) > 0 && !text_is_letter(cp) && !text_is_digit(cp))
		start += n;
	while (end > start) {
		for (k = end - 1; k > start && (w[k] & 0xc0) == 0x80; k--)
			continue;
		utf8_next(w + k, end - k, &cp);
		if (text_is_letter(cp) || text_is_digit(cp))
			break;
		end = k;
	}
	*core = end - start;
	return start;
}

/*
 * Whether the len bytes at w are a Roman numeral in capitals ("IV",
 * "XVIII"; "I" too, which is also the English pronoun): each decimal
 * place in its one form, thousands to ones.
 */
static bool
is_roman(const char *w, size_t len)
{
	static const char *const places[4][10] = {
		{ "M", "MM", "MMM" },
		{ "C", "CC", "CCC", "CD", "D", "DC", "DCC", "DCCC", "CM" },
		{ "X", "XX", "XXX", "XL", "L", "LX", "LXX", "LXXX", "XC" },
		{ "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX" },
	};
	size_t	 pos = 0, p, k, best, n;

	for (p = 0; p < 4; p++) {
		best = 0;
		for (k = 0; k < 10 && places[p][k] != NULL; k++) {
			n = strlen(places[p][k]);
			if (n > best && n <= len - pos &&
			    memcmp(w + pos, places[p][k], n) == 0)
				best = n;
		}
		pos += best;
	}
	return len > 0 && pos == len;
}

/* Whether the len bytes at w are capitals with full stops: "U.S", "M.A". */
static bool
is_initials(const char *w, size_t len)
{
	size_t	 i, n, letters = 0;
	int32_t	 cp;
	bool	 dot = true;

	for (i = 0; i < len; i += n) {
		n = utf8_next(w + i, len - i, &cp);
		if (cp == '.' && !dot)
			dot = true;
		else if (text_is_upper(cp) && dot) {
			dot = false;
			letters++;
		} else
			return false;
	}
	return letters >= 2 && memchr(w, '.', len) != NULL;
}

/*
 * Whether the word of len bytes at w keeps its capitals in sentence
 * case: an acronym, a Roman numeral or initials, the punctuation
 * around it aside.
 */
static bool
keeps_capitals(const char *w, size_t len)
{
	size_t	 start, core;

	start = word_core(w, len, &core);
	return core > 0 && (text_is_acronym(w + start, core) ||
	    is_roman(w + start, core) || is_initials(w + start, core));
}

void
text_sentence_case(struct buf *b, const char *s, size_t len)
{
	size_t	 i, j, k, n;
	int32_t	 cp;
	bool	 first = true;

	for (i = 0; i < len; ) {
		for (j = i; j < len && s[j] != ' '; j++)
			continue;
		if (j > i && keeps_capitals(s + i, j - i)) {
			buf_put(b, s + i, j - i);
			first = false;
		} else
			for (k = i; k < j; k += n) {
				n = utf8_next(s + k, j - k, &cp);
				utf8_put(b, first ? cp : text_tolower(cp));
				if (text_is_letter(cp))
					first = false;
			}
		/* A sentence ends: the next one starts with its capital. */
		if (j > i && j < len && (s[j - 1] == '.' || s[j - 1] == '!' ||
		    s[j - 1] == '?' || s[j - 1] == ':'))
			first = true;
		for (i = j; i < len && s[i] == ' '; i++)
			buf_putc(b, ' ');
	}
}

bool
text_is_capitals(const char *s, size_t len)
{
	size_t	 i, j, k, n, words = 0;
	int32_t	 cp;
	bool	 letter, word = false;

	for (i = 0; i < len; i = j) {
		for (; i < len && s[i] == ' '; i++)
			continue;
		for (j = i; j < len && s[j] != ' '; j++)
			continue;
		if (j == i)
			break;
		words++;
		for (letter = false, k = i; k < j; k += n) {
			n = utf8_next(s + k, j - k, &cp);
			if (text_is_lower(cp))
				return false;
			letter = letter || text_is_upper(cp);
		}
		/* One word in capitals that no acronym could be. */
		if (letter && !keeps_capitals(s + i, j - i))
			word = true;
	}
	return words >= 2 && word;
}

bool
text_is_opener(int32_t cp)
{
	return cp == '"' || cp == '\'' || cp == '(' || cp == '[' ||
	    cp == 0x2018 || cp == 0x201c || cp == 0xab || cp == 0x2039 ||
	    cp == 0xbf || cp == 0xa1;
}

bool
text_is_closer(int32_t cp)
{
	return cp == '"' || cp == '\'' || cp == ')' || cp == ']' ||
	    cp == 0x2019 || cp == 0x201d || cp == 0xbb || cp == 0x203a;
}

/*
 * Whether a full stop after the len bytes at w is an abbreviation's, not
 * a sentence's end: a word with a full stop inside ("U.S", "a.m"), a
 * capital letter alone (an initial: "John F. Kennedy"), or one of the
 * language's abbreviations (styles/language/).
 */
static bool
is_abbreviation(const struct lang *l, const char *w, size_t len)
{
	int32_t	 cp;
	size_t	 n;

	/* "(Mr." is "Mr." */
	while (len > 0 && (n = utf8_next(w, len, &cp)) > 0 &&
	    text_is_opener(cp)) {
		w += n;
		len -= n;
	}
	if (len == 0)
		return false;
	if (memchr(w, '.', len) != NULL)
		return true;
	if (utf8_next(w, len, &cp) == len && text_is_upper(cp))
		return true;
	return l != NULL && lang_is_abbreviation(l, w, len);
}

/*
 * Whether a full stop after the len bytes at w is an ordinal's before
 * the rest at next ("am 3. Mai"): w is a number of up to three digits
 * and the word after it one the language lists as ordinal-context.
 */
static bool
is_ordinal(const struct lang *l, const char *w, size_t len,
    const char *next, size_t nlen)
{
	size_t	 i, k;

	if (l == NULL || len == 0 || len > 3)
		return false;
	for (i = 0; i < len; i++)
		if (w[i] < '0' || w[i] > '9')
			return false;
	for (k = 0; k < nlen && next[k] != ' ' && next[k] != ',' &&
	    next[k] != '.'; k++)
		continue;
	return lang_word(l, "ordinal-context", next, k) > 0;
}

/*
 * Full stops and question and exclamation marks of other scripts: the
 * Arabic question mark, the Urdu full stop, the Devanagari danda, the
 * ideographic full stop and the fullwidth marks.
 */
static bool
is_terminal(int32_t cp)
{
	return cp == 0x061f || cp == 0x06d4 || cp == 0x0964 ||
	    cp == 0x0965 || cp == 0x3002 || cp == 0xff01 || cp == 0xff1f ||
	    cp == 0xff0e;
}

size_t
text_sentence_end(const struct lang *l, const char *s, size_t len,
    size_t pos)
{
	size_t	 i, n, end, word = pos;
	int32_t	 cp, next;

	for (i = pos; i < len; i += n) {
		n = utf8_next(s + i, len - i, &cp);
		if (cp == ' ') {
			word = i + 1;
			continue;
		}
		if (cp != '.' && cp != '!' && cp != '?' && cp != 0x2026 &&
		    !is_terminal(cp))
			continue;
		/* Closing quotes belong to the sentence. */
		for (end = i + n; end < len; end += n) {
			n = utf8_next(s + end, len - end, &next);
			if (!text_is_closer(next) && next != '.' &&
			    next != '!' && next != '?' && !is_terminal(next))
				break;
		}
		if (end >= len)
			return len;
		/* Chinese and Japanese put no space after 。！？ */
		if (cp == 0x3002 || cp == 0xff01 || cp == 0xff1f)
			return end;
		if (s[end] != ' ' || end + 1 >= len) {
			n = 1;
			continue;
		}
		next = 0;
		utf8_next(s + end + 1, len - end - 1, &next);
		/* A capital, a digit, an opening quote; or a letter of a
		 * script without capitals (Arabic, Hebrew, Devanagari). */
		if (!text_is_upper(next) && !text_is_digit(next) &&
		    !text_is_opener(next) && !(text_is_letter(next) &&
		    !text_is_lower(next) && text_toupper(next) == next &&
		    text_tolower(next) == next)) {
			n = 1;
			continue;
		}
		if (cp == '.' && (is_abbreviation(l, s + word, i - word) ||
		    is_ordinal(l, s + word, i - word, s + end + 1,
		    len - end - 1))) {
			n = 1;
			continue;
		}
		return end;
	}
	return len;
}

bool
text_is_nonchar(int32_t cp)
{
	return (cp >= 0xfdd0 && cp <= 0xfdef) || (cp & 0xfffe) == 0xfffe;
}

bool
text_is_clean(const char *s, size_t len)
{
	size_t	 i, n;
	int32_t	 cp;

	if (len == 0 || !utf8_valid(s, len))
		return false;
	for (i = 0; i < len; i += n) {
		if ((unsigned char)s[i] < 0x80) {
			if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
				return false;
			n = 1;
			continue;
		}
		n = utf8_next(s + i, len - i, &cp);
		if (cp <= 0x9f || text_is_nonchar(cp))
			return false;
	}
	return true;
}

size_t
text_count_words(const char *s, size_t len)
{
	size_t	 i, words = 0;
	bool	 in = false;

	for (i = 0; i < len; i++) {
		if (s[i] == ' ' || s[i] == '\t')
			in = false;
		else if (!in) {
			in = true;
			words++;
		}
	}
	return words;
}

/* text_ascii()'s look-alikes that utf8proc's decomposition does not give. */
static const struct {
	int32_t		 cp;
	const char	*ascii;
} ascii_map[] = {
	{ 0x00a0, " " }, { 0x00ab, "<<" }, { 0x00bb, ">>" },
	{ 0x00b7, "." }, { 0x00bf, "?" }, { 0x00a1, "!" }, { 0x00a9, "(c)" },
	{ 0x00ae, "(R)" }, { 0x00b0, " deg" }, { 0x00d7, "x" },
	{ 0x00f7, "/" }, { 0x00df, "ss" }, { 0x00c6, "AE" }, { 0x00e6, "ae" },
	{ 0x00d8, "O" }, { 0x00f8, "o" }, { 0x0152, "OE" }, { 0x0153, "oe" },
	{ 0x0141, "L" }, { 0x0142, "l" }, { 0x0110, "D" }, { 0x0111, "d" },
	{ 0x00de, "Th" }, { 0x00fe, "th" }, { 0x00d0, "D" }, { 0x00f0, "d" },
	{ 0x0131, "i" }, { 0x2010, "-" }, { 0x2011, "-" }, { 0x2012, "-" },
	{ 0x2013, "-" }, { 0x2014, "--" }, { 0x2015, "--" }, { 0x2018, "'" },
	{ 0x2019, "'" }, { 0x201a, "," }, { 0x201b, "'" }, { 0x201c, "\"" },
	{ 0x201d, "\"" }, { 0x201e, "\"" }, { 0x201f, "\"" }, { 0x2020, "+" },
	{ 0x2022, "*" }, { 0x2026, "..." }, { 0x2032, "'" }, { 0x2033, "\"" },
	{ 0x2039, "<" }, { 0x203a, ">" }, { 0x2044, "/" }, { 0x20ac, "EUR" },
	{ 0x00a3, "GBP" }, { 0x00a5, "JPY" }, { 0x2122, "(TM)" },
	{ 0x2190, "<-" }, { 0x2192, "->" }, { 0x2212, "-" }, { 0x3000, " " },
};

void
text_ascii(struct buf *b, int32_t cp)
{
	utf8proc_uint8_t	 in[4], *out = NULL;
	utf8proc_ssize_t	 n;
	size_t			 k, i;
	bool			 ascii = true;

	if (cp < 0x80) {
		buf_putc(b, (int)cp);
		return;
	}
	for (k = 0; k < NELEM(ascii_map); k++)
		if (ascii_map[k].cp == cp) {
			buf_puts(b, ascii_map[k].ascii);
			return;
		}
	if (text_is_space(cp)) {
		buf_putc(b, ' ');
		return;
	}
	n = utf8proc_encode_char(cp, in);
	n = utf8proc_map(in, n, &out, UTF8PROC_STABLE | UTF8PROC_DECOMPOSE |
	    UTF8PROC_COMPAT | UTF8PROC_STRIPMARK);
	for (i = 0; n > 0 && i < (size_t)n; i++)
		if (out[i] >= 0x80)
			ascii = false;
	if (n > 0 && ascii)
		buf_put(b, out, (size_t)n);
	else
		utf8_put(b, cp);
	free(out);
}
