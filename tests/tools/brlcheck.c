/* SPDX-License-Identifier: ISC */
/*
 * brlcheck [-u] [--ukaaf] [--cells N] [--lines N] TABLE TREE.xml FILE
 *
 * The braille oracle: a BRF (FILE.brf) or braille-text file (any other
 * name) from `lector -t brf` or `-t braille-text`, against the tree of
 * the same article (`lector -t tree`), translated with the liblouis
 * table list TABLE ("-": the one lector picks for the tree's language,
 * grade 1 with -u, else grade 2 where there is one).  One TAP line for
 * each property, a failure with its first finding:
 *   geometry      only Braille ASCII (0x20-0x5F, a-z) in a BRF, only
 *                 U+2800-U+283F in braille-text; lines end CR LF (BRF)
 *                 or LF; no line over CELLS cells; every page exactly
 *                 LINES lines; a form feed starts every page but the
 *                 first, and nothing else has one;
 *   page numbers  the last line of each page (--ukaaf: the first) is
 *                 the table's translation of 1, 2, 3... alone, ending in
 *                 cell CELLS, at least 3 blank cells before it;
 *   words         the page text back-translated (lou_backTranslateString,
 *                 dots in and out, so no display table is involved;
 *                 a preformatted block's rows, as structure finds them,
 *                 with the uncontracted table; UEB's typeform indicators
 *                 taken out first) holds the tree's words in order
 *                 (tree_words(), case folded: words lector adds may come
 *                 between); with -u every one of them, else at least
 *                 99 %, as grade 2 back-translation guesses; a word the
 *                 table's own round trip of the tree loses too is not
 *                 held against the braille (a greedy match that looks
 *                 ahead a bounded number of words and finds its place
 *                 again by runs of words, so a book is linear);
 *   structure     each block of the tree is where it belongs and set as
 *                 BANA formats have it: its text translated here with
 *                 the same table is, cell for cell, its lines joined by
 *                 single blank cells (a line that ends in the
 *                 continuation mark joined without one); the first line
 *                 and the runovers start in the cells of its kind; blank
 *                 lines before and after where the kind wants them (none
 *                 at the top of a page); title centred; caption, credit
 *                 and preformatted block after their transcriber's note.
 * The cells are compared as dots (dotsIO), so a table's display
 * characters never matter: the BRF is read with the standard North
 * American Braille ASCII table below, not lector's.
 *
 * What the contract leaves open is accepted either way and said where:
 * a lead-in in capitals or in sentence case, a list marker translated
 * with its item or alone, a credit right after its caption or after a
 * blank line.  A thematic break and back matter are not in the contract:
 * a break is one line with no words in it, or nothing; back matter is a
 * label at any cell then its blocks.
 */
#define _POSIX_C_SOURCE 200809L

#include <ctype.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <liblouis.h>
#include <utf8proc.h>

#include "common.h"
#include "buf.h"
#include "labels.h"
#include "text.h"
#include "tree.h"
#include "utf8.h"
#include "lib/oracle.h"

#define NONE		((size_t)-1)
#define LOOK_AHEAD	64	/* words a lost word may be looked for in */
#define RESYNC		4096	/* ... and ANCHOR words in a row */
#define ANCHOR		3	/* words in a row that place the text */
#define ALIVE		8	/* words after a lost one that may go on */
#define INVALID		0x80	/* a cell that is no Braille ASCII */
#define MAXTEXTS	6	/* the texts a block may be printed as */

/* Dots as bits: dot 1 is bit 0 ... dot 6 is bit 5. */
#define TN_OPEN		"\x08\x28\x23"	/* dots 4 46 126 */
#define TN_CLOSE	"\x08\x28\x1c"	/* dots 4 46 345 */
#define MARK_UEB	0x10		/* dot 5 */
#define MARK_OTHER	0x24		/* dots 36 */
/* inline_text()'s marks of emphasis, in the private use area. */
#define EM_OPEN		0xe000
#define EM_CLOSE	0xe001
#define STRONG_OPEN	0xe002
#define STRONG_CLOSE	0xe003

/*
 * North American Braille ASCII, 0x20 to 0x5F, as dot numbers; written
 * out here so the oracle does not share lector's table.
 */
static const char *const nabcc[64] = {
	"", "2346", "5", "3456", "1246", "146", "12346", "3",
	"12356", "23456", "16", "346", "6", "36", "46", "34",
	"356", "2", "23", "25", "256", "26", "235", "2356",
	"236", "35", "156", "56", "126", "123456", "345", "1456",
	"4", "1", "12", "14", "145", "15", "124", "1245",
	"125", "24", "245", "13", "123", "134", "1345", "135",
	"1234", "12345", "1235", "234", "2345", "136", "1236", "2456",
	"1346", "13456", "1356", "246", "1256", "12456", "45", "456",
};

static unsigned char	 dots_of[128];	/* byte -> dots, or INVALID */
static char		 ascii_of[64];	/* dots -> byte, for messages */

enum gap {
	GAP_NO,		/* no blank line */
	GAP_ANY,	/* a blank line or none */
	GAP_YES,	/* one blank line */
};

struct row {
	unsigned char	*cells;	/* dots; 0 is a blank cell */
	size_t		 n;	/* cells, trailing blanks out */
	size_t		 ind;	/* blank cells before the first dot */
	size_t		 page;	/* from 0 */
	size_t		 line;	/* line of the file, from 1 */
	bool		 pre;	/* a preformatted block's, by structure() */
};

struct brl {
	struct row	*rows;	/* every line of the file */
	size_t		 nrows;
	struct row	**text;	/* the rows of page text, numbers out */
	size_t		 ntext;
	const char	*table;
	char		*table_g1;	/* uncontracted, for preformatted */
	char		*lang;
	size_t		 cells;
	size_t		 lines;
	unsigned char	 mark;	/* the continuation mark */
	bool		 ueb;
	bool		 ukaaf;
	bool		 uncontracted;
	bool		 foot_padding;	/* blank lines may end a page in a block */
	size_t		 at;	/* the structure check's text row */
	enum gap	 after;	/* what the block before wants after it */
	char		 msg[1024];	/* the structure check's finding */
};

static void	 fail(struct brl *, const char *, ...)
		    __attribute__((format(printf, 2, 3)));

static void
fail(struct brl *b, const char *fmt, ...)
{
	va_list	 ap;

	if (b->msg[0] != '\0')
		return;
	va_start(ap, fmt);
	vsnprintf(b->msg, sizeof(b->msg), fmt, ap);
	va_end(ap);
}

static void
tables_init(void)
{
	const char	*s;
	unsigned char	 d;
	int		 i;

	memset(dots_of, INVALID, sizeof(dots_of));
	for (i = 0; i < 64; i++) {
		for (d = 0, s = nabcc[i]; *s != '\0'; s++)
			d |= 1 << (*s - '1');
		dots_of[0x20 + i] = d;
		ascii_of[d] = (char)(0x20 + i);
	}
	/* Letters may be in either case. */
	for (i = 'a'; i <= 'z'; i++)
		dots_of[i] = dots_of[i - 0x20];
}

/* Cells as Braille ASCII, for a message (at most 60 of them). */
static const char *
show(const unsigned char *c, size_t n)
{
	static char	 s[2][64];
	static int	 which;
	size_t		 i;

	which = !which;
	for (i = 0; i < n && i < 60; i++)
		s[which][i] = c[i] < 64 ? (char)tolower((unsigned char)
		    ascii_of[c[i]]) : '?';
	s[which][i] = '\0';
	return s[which];
}

/* ---- liblouis ------------------------------------------------------------ */

/*
 * Translate the UTF-8 s with table (mode: 0 or noContractions) into
 * cells, as six dots (an escape liblouis writes for a character it
 * lacks has dot 7 in some cells, which a BRF cannot hold); returns their
 * number, *out a new array (free(3)), or NONE if liblouis fails.
 */
static size_t
tr(const char *table, const char *s, int mode, unsigned char **out)
{
	widechar	*in, *o;
	formtype	*tf, *tfo;
	utf8proc_int32_t cp;
	utf8proc_ssize_t k;
	size_t		 len = strlen(s), n = 0, i, cap;
	int		 inlen, outlen, em = 0, strong = 0;

	in = calloc(len + 1, sizeof(*in));
	tf = calloc(len + 1, sizeof(*tf));
	for (i = 0; i < len; i += (size_t)k) {
		k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
		    (utf8proc_ssize_t)(len - i), &cp);
		if (k < 1) {
			k = 1;
			cp = 0xfffd;
		}
		/* inline_text()'s emphasis marks: the typeform, not text. */
		if (cp >= EM_OPEN && cp <= STRONG_CLOSE) {
			if (cp == EM_OPEN || cp == EM_CLOSE)
				em += cp == EM_OPEN ? 1 : -1;
			else
				strong += cp == STRONG_OPEN ? 1 : -1;
			continue;
		}
		tf[n] = (em > 0 ? lou_getTypeformForEmphClass(table,
		    "italic") : 0) | (strong > 0 ?
		    lou_getTypeformForEmphClass(table, "bold") : 0);
		/* The contract: punctuation right after emphasis goes with
		 * it (UEB 9.7), an opening mark aside. */
		if (tf[n] == 0 && n > 0 && tf[n - 1] != 0 &&
		    text_is_punct(cp) && !text_is_opener(cp))
			tf[n] = tf[n - 1];
		/* (A 2-byte widechar cannot hold it.) */
		if (sizeof(widechar) == 2 && cp > 0xffff)
			cp = 0xfffd;
		in[n++] = (widechar)cp;
	}
	for (cap = 4 * n + 64;; cap *= 2) {
		o = calloc(cap, sizeof(*o));
		/* liblouis writes the output's dots 7-8 back into the
		 * typeforms: room for the output, given anew each time. */
		tfo = calloc(cap, sizeof(*tfo));
		memcpy(tfo, tf, n * sizeof(*tf));
		inlen = (int)n;
		outlen = (int)cap;
		if (!lou_translateString(table, in, &inlen, o, &outlen, tfo,
		    NULL, mode | dotsIO)) {
			free(o);
			free(tfo);
			free(tf);
			free(in);
			*out = NULL;
			return NONE;
		}
		/* liblouis stops where the room does. */
		free(tfo);
		if ((size_t)inlen == n && (size_t)outlen < cap)
			break;
		free(o);
	}
	*out = malloc((size_t)outlen + 1);
	for (i = 0; i < (size_t)outlen; i++)
		(*out)[i] = o[i] & 0x3f;
	free(o);
	free(tf);
	free(in);
	return (size_t)outlen;
}

/* Back-translate n cells into UTF-8 appended to out; -1 on failure. */
static int
back(const char *table, const unsigned char *c, size_t n, struct buf *out)
{
	widechar	*in, *o;
	size_t		 i, cap;
	int		 inlen, outlen;
	utf8proc_uint8_t u[4];

	in = calloc(n + 1, sizeof(*in));
	for (i = 0; i < n; i++)
		in[i] = 0x8000 | c[i];
	for (cap = 2 * n + 64;; cap *= 2) {
		o = calloc(cap, sizeof(*o));
		inlen = (int)n;
		outlen = (int)cap;
		if (!lou_backTranslateString(table, in, &inlen, o, &outlen,
		    NULL, NULL, dotsIO)) {
			free(o);
			free(in);
			return -1;
		}
		if ((size_t)inlen == n && (size_t)outlen < cap)
			break;
		free(o);
	}
	for (i = 0; i < (size_t)outlen; i++)
		buf_put(out, u, (size_t)utf8proc_encode_char(
		    (utf8proc_int32_t)o[i], u));
	free(o);
	free(in);
	return 0;
}

/*
 * The table lector uses for language lang: UEB for English, else the
 * literary six-dot table liblouis finds, contracted for grade 2 if the
 * language has one.  Returns a new string (free(3)) or NULL.
 */
static char *
table_for(const char *lang, bool grade1)
{
	char	 q[128], prim[16], *t;
	size_t	 n = strcspn(lang, "-_");

	if (n >= sizeof(prim))
		return NULL;
	memcpy(prim, lang, n);
	prim[n] = '\0';
	if (strcmp(prim, "en") == 0)
		return strdup(grade1 ? "en-ueb-g1.ctb" : "en-ueb-g2.ctb");
	if (!grade1) {
		snprintf(q, sizeof(q), "language:%s type:literary dots:6 "
		    "contraction:full", prim);
		if ((t = lou_findTable(q)) != NULL) {
			/* A copy of our own, as liblouis's is freed with it. */
			char	*s = strdup(t);

			free(t);
			return s;
		}
	}
	snprintf(q, sizeof(q), "language:%s type:literary dots:6 "
	    "contraction:no", prim);
	if ((t = lou_findTable(q)) != NULL) {
		char	*s = strdup(t);

		free(t);
		return s;
	}
	return NULL;
}

/* ---- Reading the file ---------------------------------------------------- */

static struct row *
new_row(struct brl *b, size_t *cap)
{
	if (b->nrows == *cap) {
		*cap = *cap ? *cap * 2 : 256;
		b->rows = realloc(b->rows, *cap * sizeof(*b->rows));
	}
	memset(&b->rows[b->nrows], 0, sizeof(b->rows[0]));
	b->rows[b->nrows].line = b->nrows + 1;
	return &b->rows[b->nrows++];
}

static void
row_put(struct row *r, size_t *cap, unsigned char d)
{
	if (r->n == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		r->cells = realloc(r->cells, *cap);
	}
	r->cells[r->n++] = d;
}

/*
 * Split the file into rows, as dots; say what breaks the geometry in
 * why (the first finding) and count the findings.  ff[] gets whether
 * each row began with a form feed.
 */
static size_t
parse(struct brl *b, const unsigned char *s, size_t len, bool brf,
    bool **ff, char *why, size_t whysz)
{
	struct row	*r = NULL;
	size_t		 i, bad = 0, rcap = 0, ccap = 0, ffcap = 0;
	utf8proc_int32_t cp;
	utf8proc_ssize_t k;

#define BAD(...) do { if (bad++ == 0) snprintf(why, whysz, __VA_ARGS__); \
	} while (0)
	*ff = NULL;
	for (i = 0; i < len; i += (size_t)k) {
		k = 1;
		if (r == NULL) {
			r = new_row(b, &rcap);
			ccap = 0;
			if (b->nrows > ffcap) {
				ffcap = ffcap ? ffcap * 2 : 256;
				*ff = realloc(*ff, ffcap * sizeof(**ff));
			}
			(*ff)[b->nrows - 1] = s[i] == '\f';
			if (s[i] == '\f')
				continue;
		}
		if (s[i] == '\n') {
			if (brf)
				BAD("line %zu ends in LF alone, not CR LF",
				    r->line);
			r = NULL;
			continue;
		}
		if (s[i] == '\r') {
			if (!brf)
				BAD("line %zu has a CR", r->line);
			else if (i + 1 < len && s[i + 1] == '\n') {
				k = 2;
				r = NULL;
			} else
				BAD("line %zu: a CR without LF", r->line);
			continue;
		}
		if (s[i] == '\f') {
			BAD("line %zu: a form feed inside the line", r->line);
			continue;
		}
		if (brf) {
			if (s[i] >= 128 || dots_of[s[i]] == INVALID) {
				BAD("line %zu cell %zu: byte 0x%02x is not "
				    "Braille ASCII", r->line, r->n + 1, s[i]);
				row_put(r, &ccap, INVALID);
			} else
				row_put(r, &ccap, dots_of[s[i]]);
			continue;
		}
		k = utf8proc_iterate(s + i, (utf8proc_ssize_t)(len - i), &cp);
		if (k < 1 || cp < 0x2800 || cp > 0x283f) {
			BAD("line %zu cell %zu: U+%04X is not a six-dot "
			    "braille pattern", r->line, r->n + 1,
			    k < 1 ? 0xfffd : (unsigned)cp);
			if (k < 1)
				k = 1;
			row_put(r, &ccap, INVALID);
		} else
			row_put(r, &ccap, (unsigned char)(cp - 0x2800));
	}
	if (r != NULL)
		BAD("the file does not end with a line end (line %zu)",
		    r->line);
#undef BAD
	return bad;
}

/* The geometry check; rows get their pages and trimmed lengths. */
static int
geometry(struct brl *b, const char *name, const unsigned char *s,
    size_t len, bool brf)
{
	char	 why[512] = "";
	bool	*ff = NULL;
	size_t	 i, bad, wide = 0, nff = 0;

	bad = parse(b, s, len, brf, &ff, why, sizeof(why));
	for (i = 0; i < b->nrows; i++) {
		struct row	*r = &b->rows[i];

		r->page = i / b->lines;
		if (r->n > b->cells && wide++ == 0 && bad++ == 0)
			snprintf(why, sizeof(why), "line %zu has %zu cells, "
			    "over %zu", r->line, r->n, b->cells);
		while (r->n > 0 && r->cells[r->n - 1] == 0)
			r->n--;
		while (r->ind < r->n && r->cells[r->ind] == 0)
			r->ind++;
		if (ff[i] != (i > 0 && i % b->lines == 0)) {
			if (bad++ == 0)
				snprintf(why, sizeof(why), ff[i] ?
				    "line %zu has a form feed but begins no "
				    "page" : "line %zu begins a page but has "
				    "no form feed", r->line);
		}
		nff += ff[i];
	}
	if (b->nrows == 0 || b->nrows % b->lines != 0)
		if (bad++ == 0)
			snprintf(why, sizeof(why), "%zu lines, not pages of "
			    "%zu lines", b->nrows, b->lines);
	free(ff);
	if (bad == 0) {
		printf("ok brlcheck %s: geometry (%zu pages of %zu lines, "
		    "%zu form feeds, no line over %zu cells)\n", name,
		    b->nrows / b->lines, b->lines, nff, b->cells);
		return 0;
	}
	printf("not ok brlcheck %s: geometry: %zu findings\n#   %s\n", name,
	    bad, why);
	return 1;
}

/* ---- Page numbers --------------------------------------------------------- */

static int
page_numbers(struct brl *b, const char *name)
{
	unsigned char	*num = NULL;
	char		 dec[32], why[512] = "";
	size_t		 p, npages = b->nrows / b->lines, nn, bad = 0, i;
	struct row	*r;

	for (p = 0; p < npages; p++) {
		r = &b->rows[p * b->lines + (b->ukaaf ? 0 : b->lines - 1)];
		snprintf(dec, sizeof(dec), "%zu", p + 1);
		free(num);
		if ((nn = tr(b->table, dec, 0, &num)) == NONE) {
			snprintf(why, sizeof(why), "liblouis cannot "
			    "translate %s with %s", dec, b->table);
			bad++;
			break;
		}
		if (r->n - r->ind == nn && memcmp(r->cells + r->ind, num,
		    nn) == 0 && r->n == b->cells && r->ind >= 3)
			continue;
		if (bad++ == 0)
			snprintf(why, sizeof(why), "page %zu, line %zu: '%s' "
			    "from cell %zu, not '%s' ending in cell %zu",
			    p + 1, r->line, show(r->cells + r->ind,
			    r->n - r->ind), r->ind + 1, show(num, nn),
			    b->cells);
	}
	free(num);
	/* The text rows: every row but the numbers. */
	b->text = calloc(b->nrows + 1, sizeof(*b->text));
	for (i = 0; i < b->nrows; i++)
		if (i % b->lines != (b->ukaaf ? 0 : b->lines - 1) ||
		    i >= npages * b->lines)
			b->text[b->ntext++] = &b->rows[i];
	if (bad == 0) {
		printf("ok brlcheck %s: page numbers 1 to %zu %s\n", name,
		    npages, b->ukaaf ? "at the top" : "at the foot");
		return 0;
	}
	printf("not ok brlcheck %s: page numbers: %zu pages wrong\n#   %s\n",
	    name, bad, why);
	return 1;
}

/* ---- Words ---------------------------------------------------------------- */

/* Whether want from i and got from k agree for n words. */
static bool
run_of(const struct words *want, size_t i, const struct words *got,
    size_t k, size_t n)
{
	size_t	 m;

	if (i + n > want->n || k + n > got->n)
		return false;
	for (m = 0; m < n; m++)
		if (strcmp(want->v[i + m], got->v[k + m]) != 0)
			return false;
	return true;
}

/*
 * Whether one of the ALIVE words after want's word i begins a run of
 * ANCHOR words in got between j and k: the text goes on before k, so
 * word i is lost there, not found at k.
 */
static bool
goes_on(const struct words *want, size_t i, const struct words *got,
    size_t j, size_t k)
{
	size_t	 i2, k2;

	for (i2 = i + 1; i2 < want->n && i2 <= i + ALIVE; i2++)
		for (k2 = j; k2 < k; k2++)
			if (run_of(want, i2, got, k2, ANCHOR))
				return true;
	return false;
}

/*
 * Mark in lost[] the words of want not found in got, in order, and
 * return how many were found.  Greedy, with a cursor j in got (after
 * the last word found): each word is looked for in the next LOOK_AHEAD
 * words, else (a run of words the writer added: escapes of a script the
 * table lacks) as ANCHOR words in a row up to RESYNC words on.  A word
 * found more than two words on moves the cursor only if the words after
 * it do not go on before that place: a word the braille lost ("B.C."
 * read back as "b can") is found again further on in a book ("B.C."
 * is in every other note), and taking that would lose every word
 * between.  Linear in the words, as a book is long.
 */
static size_t
find_words(const struct words *want, const struct words *got, bool *lost,
    size_t *where)
{
	size_t	 i, j, k, at, found = 0;

	for (i = 0, j = 0; i < want->n; i++) {
		at = NONE;
		/* A word found more than a few words on only with the
		 * next word after it: a common word ("the") found ahead
		 * alone would drag the match away from the text. */
		for (k = j; at == NONE && k < got->n && k < j + LOOK_AHEAD;
		    k++)
			if (strcmp(want->v[i], got->v[k]) == 0 && (k < j + 3 ||
			    i + 1 == want->n || (k + 1 < got->n &&
			    strcmp(want->v[i + 1], got->v[k + 1]) == 0)))
				at = k;
		for (k = j + LOOK_AHEAD; at == NONE && k < got->n &&
		    k < j + RESYNC; k++)
			if (run_of(want, i, got, k, ANCHOR))
				at = k;
		if (at != NONE && at > j + 2 && goes_on(want, i, got, j, at))
			at = NONE;
		lost[i] = at == NONE;
		if (where != NULL)
			where[i] = j;
		if (!lost[i]) {
			found++;
			j = at + 1;
		}
	}
	return found;
}

/*
 * The words of s after a round trip through the table: translated here
 * (a preformatted line uncontracted), then back-translated.
 */
static void
round_trip(const struct brl *b, struct words *w, const char *s, bool pre)
{
	struct buf	 t = { 0 };
	unsigned char	*c;
	size_t		 n;

	n = tr(pre ? b->table_g1 : b->table, s, 0, &c);
	if (n != NONE && back(pre ? b->table_g1 : b->table, c, n, &t) == 0)
		words_add(w, t.data != NULL ? t.data : "", true);
	free(c);
	buf_free(&t);
}

static void
round_trip_node(const struct brl *b, struct words *w, xmlNodePtr n)
{
	char	*t, *line, *nl;

	if (n == NULL)
		return;
	t = elem_text(n);
	if (elem_is(n, "preformatted"))
		for (line = t; line != NULL; line = nl) {
			if ((nl = strchr(line, '\n')) != NULL)
				*nl++ = '\0';
			round_trip(b, w, line, true);
		}
	else
		round_trip(b, w, t, false);
	free(t);
}

static void
round_trip_blocks(const struct brl *b, struct words *w, xmlNodePtr k)
{
	for (; k != NULL; k = elem_next(k))
		if (elem_is(k, "list") || elem_is(k, "blockquote") ||
		    elem_is(k, "back-matter"))
			round_trip_blocks(b, w, elem_first(k->children));
		else if (!elem_is(k, "byline"))
			round_trip_node(b, w, k);
}

/*
 * What the table itself gives back of the tree: each of the texts
 * tree_words() reads, in its order, translated and back-translated.  A
 * word lost there is lost by liblouis (grade 2 guesses; "¿" comes back
 * glued to its word in Spanish), not by the writer.
 */
static void
round_trip_tree(const struct brl *b, xmlDocPtr t, struct words *w)
{
	xmlNodePtr	 k;
	bool		 byline = false;

	round_trip_node(b, w, tree_meta(t, "title"));
	round_trip_node(b, w, tree_meta(t, "subtitle"));
	for (k = tree_body(t); k != NULL; k = elem_next(k))
		if (elem_is(k, "byline")) {
			round_trip_node(b, w, k);
			byline = true;
		}
	for (k = tree_meta(t, "author"); !byline && k != NULL;
	    k = elem_next(k))
		if (elem_is(k, "author"))
			round_trip_node(b, w, k);
	round_trip_node(b, w, tree_meta(t, "date"));
	round_trip_node(b, w, tree_meta(t, "source"));
	round_trip_blocks(b, w, tree_body(t));
}

/*
 * Take UEB's typeform indicators out of n cells, in place, and return
 * how many are left: a prefix, dot 4 (script), 45 (bold), 456
 * (underline) or 46 (italic), then dot 2 (word), 23 (symbol), 2356
 * (passage) or 3 (terminator).  They are not words, and
 * lou_backTranslateString reads some of them as "\46/", splitting the
 * word they stand before.  In UEB no other sign is such a pair (these
 * prefixes come before letters and upper cells else), so no word goes
 * with them.
 */
static size_t
unemph(unsigned char *c, size_t n)
{
	size_t	 i, m = 0;

	for (i = 0; i < n; i++) {
		if (i + 1 < n && (c[i] == 0x08 || c[i] == 0x18 ||
		    c[i] == 0x38 || c[i] == 0x28) && (c[i + 1] == 0x02 ||
		    c[i + 1] == 0x06 || c[i + 1] == 0x36 ||
		    c[i + 1] == 0x04)) {
			i++;
			continue;
		}
		c[m++] = c[i];
	}
	return m;
}

/*
 * Back-translate the text rows [from, to) into out, then a space: the
 * lines joined by a space, a word cut with the continuation mark joined
 * whole; a preformatted block's rows with the uncontracted table it was
 * written with (read with grade 2, "B.C." is "b can").  Returns -1 if
 * liblouis fails.
 */
static int
read_rows(const struct brl *b, size_t from, size_t to, struct buf *out)
{
	unsigned char	*all;
	size_t		 n = 0, i;
	bool		 joined = false;
	int		 rc;

	all = malloc((to - from) * (b->cells + 1) + 1);
	for (i = from; i < to; i++) {
		struct row	*r = b->text[i];
		size_t		 len = r->n - r->ind;

		if (len == 0)
			continue;
		if (n > 0 && !joined)
			all[n++] = 0;
		memcpy(all + n, r->cells + r->ind, len);
		n += len;
		/* A cut word goes on in the next line. */
		joined = all[n - 1] == b->mark && len > 1;
		if (joined)
			n--;
	}
	if (b->ueb)
		n = unemph(all, n);
	rc = back(b->text[from]->pre ? b->table_g1 : b->table, all, n, out);
	buf_putc(out, ' ');
	free(all);
	return rc;
}

static int
words(struct brl *b, const char *name, xmlDocPtr t)
{
	struct words	 want = { 0 }, got = { 0 }, ideal = { 0 };
	struct buf	 txt = { 0 };
	size_t		 i, k, found, ideal_found, miss = NONE;
	size_t		 writer_lost = 0;
	size_t		*where;
	bool		 *lost, *ideal_lost;
	double		 pct;
	int		 rc;

	/* The rows in runs of one kind, each read with its table. */
	for (i = 0; i < b->ntext; i = k) {
		for (k = i; k < b->ntext && b->text[k]->pre ==
		    b->text[i]->pre; k++)
			;
		if (read_rows(b, i, k, &txt) == -1) {
			printf("not ok brlcheck %s: words: liblouis cannot "
			    "back-translate with %s\n", name,
			    b->text[i]->pre ? b->table_g1 : b->table);
			buf_free(&txt);
			return 1;
		}
	}
	words_add(&got, txt.data != NULL ? txt.data : "", true);
	tree_words(t, &want);
	round_trip_tree(b, t, &ideal);
	lost = calloc(want.n + 1, sizeof(*lost));
	ideal_lost = calloc(want.n + 1, sizeof(*ideal_lost));
	where = calloc(want.n + 1, sizeof(*where));
	found = find_words(&want, &got, lost, where);
	ideal_found = find_words(&want, &ideal, ideal_lost, NULL);
	for (i = 0; i < want.n; i++)
		if (lost[i] && !ideal_lost[i] && writer_lost++ == 0)
			miss = i;
	pct = want.n > 0 ? 100.0 * (double)found / (double)want.n : 100.0;
	/*
	 * Every word, or 99 % of them for grade 2; but a word the table's
	 * own round trip loses too is not held against the braille.
	 */
	rc = writer_lost > 0 && (b->uncontracted || pct < 99.0);
	printf("%s brlcheck %s: words: %zu of the tree's %zu back-translated "
	    "(%.2f %%; the table's own round trip: %zu)\n", rc ? "not ok" :
	    "ok", name, found, want.n, pct, ideal_found);
	if (miss != NONE) {
		printf("#   %zu lost that the table keeps; the first: '%s' "
		    "(word %zu); the braille has:", writer_lost,
		    want.v[miss], miss + 1);
		for (k = where[miss]; k < got.n && k < where[miss] + 8; k++)
			printf(" %s", got.v[k]);
		printf("\n");
	}
	free(lost);
	free(ideal_lost);
	free(where);
	words_free(&want);
	words_free(&got);
	words_free(&ideal);
	buf_free(&txt);
	return rc;
}

/* ---- Structure ------------------------------------------------------------- */

/*
 * The text of a block's inlines: a link followed by " (href)", emphasis
 * between private-use marks (EM_OPEN...), which tr() makes the table's
 * emphasis and no word takes.
 */
static void
inline_text(struct buf *out, xmlNodePtr n, bool lead_case)
{
	xmlNodePtr	 k;
	char		*t, *href;

	for (k = n->children; k != NULL; k = k->next) {
		if (k->type == XML_TEXT_NODE ||
		    k->type == XML_CDATA_SECTION_NODE) {
			if (k->content != NULL)
				buf_puts(out, (const char *)k->content);
			continue;
		}
		if (k->type != XML_ELEMENT_NODE || elem_is(k, "credit"))
			continue;
		if (elem_is(k, "emphasis") || elem_is(k, "strong"))
			utf8_put(out, elem_is(k, "emphasis") ? EM_OPEN :
			    STRONG_OPEN);
		if (elem_is(k, "lead-in") && lead_case) {
			t = elem_text(k);
			text_sentence_case(out, t, strlen(t));
			free(t);
		} else
			inline_text(out, k, lead_case);
		if (elem_is(k, "emphasis") || elem_is(k, "strong"))
			utf8_put(out, elem_is(k, "emphasis") ? EM_CLOSE :
			    STRONG_CLOSE);
		if (elem_is(k, "link")) {
			t = elem_text(k);
			href = elem_attr(k, "href");
			if (href != NULL && strcmp(t, href) != 0)
				buf_printf(out, " (%s)", href);
			xmlFree(href);
			free(t);
		}
	}
}

/* Runs of white space as one space, none at the ends, in place. */
static char *
squeeze(char *s)
{
	char	*p, *q;

	for (p = q = s; *p != '\0'; p++) {
		if (*p == ' ' || *p == '\n' || *p == '\t') {
			if (q > s && q[-1] != ' ')
				*q++ = ' ';
		} else
			*q++ = *p;
	}
	if (q > s && q[-1] == ' ')
		q--;
	*q = '\0';
	return s;
}

/* Whether the table has cp: translated alone, undefined left out. */
static bool
defined(const struct brl *b, int32_t cp)
{
	widechar	 in = (widechar)cp, out[64];
	int		 inlen = 1, outlen = 64;

	return lou_translateString(b->table, &in, &inlen, out, &outlen,
	    NULL, NULL, dotsIO | noUndefined) == 1 && outlen > 0;
}

/*
 * Append to v[0..n) each text with what the table lacks in its ASCII
 * look-alike (text_ascii(): "—" "--", "ā" "a"), where that changes it:
 * the writer may set it so rather than leave liblouis's escape
 * ('\x2014'), which the contract does not say.  Returns the new n.
 */
static size_t
lookalikes(const struct brl *b, char **v, size_t n)
{
	struct buf	 a = { 0 }, one = { 0 };
	utf8proc_int32_t cp;
	utf8proc_ssize_t k;
	size_t		 i, j, m = n, len;
	bool		 changed;

	for (i = 0; i < n && m < MAXTEXTS; i++) {
		changed = false;
		len = strlen(v[i]);
		buf_reset(&a);
		for (j = 0; j < len; j += (size_t)k) {
			k = utf8proc_iterate((const utf8proc_uint8_t *)v[i] + j,
			    (utf8proc_ssize_t)(len - j), &cp);
			if (k < 1)
				k = 1;
			if (k > 1 && !defined(b, cp)) {
				buf_reset(&one);
				text_ascii(&one, cp);
				if (one.len > 0 && strspn(one.data, " !\"#$%&'()*"
				    "+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTU"
				    "VWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~") ==
				    one.len) {
					buf_put(&a, one.data, one.len);
					changed = true;
					continue;
				}
			}
			buf_put(&a, v[i] + j, (size_t)k);
		}
		if (changed)
			v[m++] = buf_steal(&a);
	}
	buf_free(&a);
	buf_free(&one);
	return m;
}

/*
 * The texts a block may be printed as, best guess first: as it is, its
 * lead-in in sentence case, the whole in sentence case if in capitals,
 * each also with look-alikes.  Returns how many were put in v (free each
 * with free(3)).
 */
static size_t
block_texts(const struct brl *b, xmlNodePtr k, char *v[MAXTEXTS])
{
	struct buf	 a = { 0 }, c = { 0 };
	size_t		 n = 0;

	inline_text(&a, k, false);
	v[n++] = squeeze(a.data != NULL ? buf_steal(&a) : strdup(""));
	if (elem_find(k->children, "lead-in") != NULL) {
		inline_text(&a, k, true);
		v[n++] = squeeze(a.data != NULL ? buf_steal(&a) :
		    strdup(""));
	}
	if (n < 2 && text_is_capitals(v[0], strlen(v[0]))) {
		text_sentence_case(&c, v[0], strlen(v[0]));
		v[n++] = squeeze(buf_steal(&c));
	}
	buf_free(&a);
	return lookalikes(b, v, n);
}

/* One text, and its look-alike. */
static size_t
one_text(const struct brl *b, char *s, char *v[MAXTEXTS])
{
	v[0] = s;
	return lookalikes(b, v, 1);
}

/*
 * How many blank rows from at end its page, with a page after it (0 if
 * a row with dots comes first on the page).
 */
static size_t
foot(const struct brl *b, size_t at)
{
	size_t	 k;

	for (k = at; k < b->ntext && b->text[k]->n == 0 &&
	    b->text[k]->page == b->text[at]->page; k++)
		continue;
	return k < b->ntext && b->text[k]->page != b->text[at]->page ?
	    k - at : 0;
}

static bool
page_top(const struct brl *b, size_t at)
{
	return at == 0 || (at < b->ntext &&
	    b->text[at - 1]->page != b->text[at]->page);
}

static bool
blank_row(const struct brl *b, size_t at)
{
	return b->text[at]->n == 0;
}

/*
 * The blank lines before a block: need of them, unless the block begins
 * a page (those at the foot of the page before are padding), and never
 * one at the top of a page.
 */
static void
gap(struct brl *b, enum gap before, const char *what)
{
	enum gap need = before > b->after ? before : b->after;
	size_t	 k, from = b->at;

	while (b->at < b->ntext && blank_row(b, b->at)) {
		if (page_top(b, b->at)) {
			fail(b, "%s: line %zu, blank, is the first of a page's "
			    "text", what, b->text[b->at]->line);
			return;
		}
		b->at++;
	}
	k = b->at - from;
	if (b->at >= b->ntext || page_top(b, b->at))
		return;
	if ((need == GAP_YES && k != 1) || (need == GAP_NO && k != 0) ||
	    k > 1)
		fail(b, "%s: %zu blank lines before it (line %zu), not %s",
		    what, k, b->text[b->at]->line, need == GAP_YES ? "one" :
		    need == GAP_NO ? "none" : "one or none");
}

enum {
	M_CENTRED = 1 << 0,	/* each line centred, 3 blank cells a side */
	M_ANY = 1 << 1,		/* at any cell */
};

/*
 * Match the rows from b->at against the cells w: the first row starts
 * in cell ind1 + 1, the others in cell indn + 1, and they are w broken
 * at blank cells, or, where a word is longer than a line, cut with the
 * continuation mark at the end of a full line.  Returns the row after
 * them, or NONE with why said.
 */
static size_t
match(const struct brl *b, size_t at, const unsigned char *w, size_t nw,
    size_t ind1, size_t indn, int flags, char *why, size_t whysz)
{
	const struct row *r;
	const unsigned char *c;
	size_t		 pos = 0, len, ind, i, right;
	bool		 first = true;

	while (pos < nw || first) {
		if (at >= b->ntext) {
			snprintf(why, whysz, "the braille ends in it");
			return NONE;
		}
		r = b->text[at];
		if (r->n == 0 && b->foot_padding && !first &&
		    foot(b, at) > 0) {
			at += foot(b, at);
			continue;
		}
		if (r->n == 0) {
			snprintf(why, whysz, "line %zu is blank, inside it",
			    r->line);
			return NONE;
		}
		ind = first ? ind1 : indn;
		right = b->cells > r->n ? b->cells - r->n : 0;
		if (flags & M_CENTRED) {
			if (r->ind < 3 || right < 3 || (r->ind > right ?
			    r->ind - right : right - r->ind) > 1) {
				snprintf(why, whysz, "line %zu is not centred "
				    "(%zu blank cells before, %zu after)",
				    r->line, r->ind, right);
				return NONE;
			}
			ind = r->ind;
		} else if (flags & M_ANY)
			ind = r->ind;
		else if (r->ind != ind) {
			snprintf(why, whysz, "line %zu starts in cell %zu, "
			    "not %zu: %s", r->line, r->ind + 1, ind + 1,
			    show(r->cells, r->n));
			return NONE;
		}
		c = r->cells + ind;
		len = r->n - ind;
		for (i = 0; i < len && pos + i < nw && c[i] == w[pos + i]; i++)
			continue;
		if (i == len && (pos + len == nw || w[pos + len] == 0)) {
			pos += len + (pos + len < nw);
		} else if (i == len - 1 && c[i] == b->mark && len > 1 &&
		    pos + i < nw && w[pos + i] != 0 && w[pos + i - 1] != 0) {
			/* A cut word: only one longer than a line. */
			if (r->n != b->cells) {
				snprintf(why, whysz, "line %zu cuts a word "
				    "but is not full (%zu cells)", r->line,
				    r->n);
				return NONE;
			}
			pos += i;
		} else if (i == len) {
			snprintf(why, whysz, "line %zu ends inside a word, "
			    "with no continuation mark: ...%s|%s...", r->line,
			    show(c + (len > 10 ? len - 10 : 0), len > 10 ?
			    10 : len), show(w + pos + len, nw - pos - len > 10 ?
			    10 : nw - pos - len));
			return NONE;
		} else {
			snprintf(why, whysz, "line %zu cell %zu: '%s' where "
			    "the translation has '%s'", r->line, ind + i + 1,
			    show(c + i, len - i > 20 ? 20 : len - i),
			    show(w + pos + i, nw - pos - i > 20 ? 20 :
			    nw - pos - i));
			return NONE;
		}
		first = false;
		at++;
	}
	return at;
}

/* A block's cells: a prefix (a transcriber's note), then text. */
struct cells {
	unsigned char	*c;
	size_t		 n;
};

static void
cells_put(struct cells *c, const unsigned char *p, size_t n)
{
	c->c = realloc(c->c, c->n + n + 1);
	if (n > 0)	/* (p is NULL for no prefix) */
		memcpy(c->c + c->n, p, n);
	c->n += n;
}

/* Append the translation of s; false if liblouis fails. */
static bool
cells_tr(const struct brl *b, struct cells *c, const char *s, int mode)
{
	unsigned char	*t;
	size_t		 n;

	if ((n = tr(b->table, s, mode, &t)) == NONE)
		return false;
	cells_put(c, t, n);
	free(t);
	return true;
}

/*
 * Take the next block: its candidate cells v[0..n) (the first that
 * matches wins; a failure is told against the first), at ind1/indn.
 */
static void
take(struct brl *b, const char *what, struct cells *v, size_t n,
    size_t ind1, size_t indn, int flags, enum gap before, enum gap after)
{
	char	 why[512], first[512] = "";
	size_t	 i, to;

	gap(b, before, what);
	if (b->msg[0] != '\0')
		return;
	for (i = 0; i < n; i++) {
		to = match(b, b->at, v[i].c, v[i].n, ind1, indn, flags, why,
		    sizeof(why));
		if (to != NONE) {
			b->at = to;
			b->after = after;
			return;
		}
		if (i == 0)
			memcpy(first, why, sizeof(first));
	}
	fail(b, "%s: %s", what, first);
}

/* Take a block of text: its texts, each translated, with a prefix. */
static void
take_text(struct brl *b, const char *what, char **texts, size_t n,
    const unsigned char *pre, size_t npre, size_t ind1, size_t indn,
    int flags, enum gap before, enum gap after)
{
	struct cells	 v[MAXTEXTS];
	size_t		 i;

	memset(v, 0, sizeof(v));
	for (i = 0; i < n && i < MAXTEXTS; i++) {
		cells_put(&v[i], pre, npre);
		if (!cells_tr(b, &v[i], texts[i], 0)) {
			fail(b, "%s: liblouis cannot translate it", what);
			n = i;
			break;
		}
	}
	if (b->msg[0] == '\0')
		take(b, what, v, n, ind1, indn, flags, before, after);
	for (i = 0; i < MAXTEXTS; i++)
		free(v[i].c);
}

static void
free_texts(char **v, size_t n)
{
	while (n > 0)
		free(v[--n]);
}

/* Take a block of the one text s (which it frees). */
static void
take_one(struct brl *b, const char *what, char *s, size_t ind1,
    size_t indn, int flags, enum gap before, enum gap after)
{
	char	*texts[MAXTEXTS];
	size_t	 n = one_text(b, s, texts);

	take_text(b, what, texts, n, NULL, 0, ind1, indn, flags, before,
	    after);
	free_texts(texts, n);
}

/* A transcriber's note label: TN_OPEN label TN_CLOSE, as cells. */
static bool
tn_label(const struct brl *b, struct cells *c, const char *label)
{
	cells_put(c, (const unsigned char *)TN_OPEN, 3);
	if (!cells_tr(b, c, label, 0))
		return false;
	cells_put(c, (const unsigned char *)TN_CLOSE, 3);
	return true;
}

/*
 * A 7-5 block brought in by a label: for UEB the label between
 * transcriber's note indicators, a blank cell, the texts; otherwise the
 * label and a colon, translated with the text or alone.
 */
static void
take_labelled(struct brl *b, const char *what, const char *label,
    char **texts, size_t n, enum gap before, enum gap after)
{
	struct cells	 pre = { 0 }, v[2 * MAXTEXTS];
	struct buf	 s = { 0 };
	size_t		 i, nv = 0;

	memset(v, 0, sizeof(v));
	if (b->ueb) {
		if (!tn_label(b, &pre, label)) {
			fail(b, "%s: liblouis cannot translate it", what);
			goto out;
		}
		cells_put(&pre, (const unsigned char *)"", 1);
		take_text(b, what, texts, n, pre.c, pre.n, 6, 4, 0, before,
		    after);
		goto out;
	}
	for (i = 0; i < n && i < MAXTEXTS; i++) {
		buf_reset(&s);
		buf_printf(&s, "%s: %s", label, texts[i]);
		if (!cells_tr(b, &v[nv++], s.data, 0))
			goto bad;
		buf_reset(&s);
		buf_printf(&s, "%s:", label);
		if (!cells_tr(b, &v[nv], s.data, 0))
			goto bad;
		cells_put(&v[nv], (const unsigned char *)"", 1);
		if (!cells_tr(b, &v[nv++], texts[i], 0))
			goto bad;
	}
	take(b, what, v, nv, 6, 4, 0, before, after);
	goto out;
bad:
	fail(b, "%s: liblouis cannot translate it", what);
out:
	for (i = 0; i < 2 * MAXTEXTS; i++)
		free(v[i].c);
	free(pre.c);
	buf_free(&s);
}

/* The kind of a <preformatted>, as enum pre_kind. */
static int
pre_kind(xmlNodePtr k)
{
	char	*kind = elem_attr(k, "kind");
	int	 i, found = 0;

	for (i = 0; kind != NULL && i < PRE__MAX; i++)
		if (strcmp(kind, pre_kind_name((enum pre_kind)i)) == 0)
			found = i;
	xmlFree(kind);
	return found;
}

static int
back_kind(xmlNodePtr k)
{
	char	*kind = elem_attr(k, "kind");
	int	 i, found = 0;

	for (i = 0; kind != NULL && i < BACK__MAX; i++)
		if (strcmp(kind, back_kind_name((enum back_kind)i)) == 0)
			found = i;
	xmlFree(kind);
	return found;
}

/*
 * One line of a preformatted block, translated uncontracted: at cell 1
 * with its own spaces, cut where wider than a line (with or without the
 * continuation mark; where a cut falls on spaces, the writer may have
 * left them out).  Returns false with why said.
 */
static bool
pre_line(struct brl *b, const unsigned char *w, size_t nw, char *why,
    size_t whysz)
{
	struct cells	 acc = { 0 };
	const struct row *r;
	size_t		 at = b->at, cut;
	bool		 ok = false;

	while (nw > 0 && w[nw - 1] == 0)
		nw--;
	/* An empty line is a blank row, but at the top of a page. */
	if (nw == 0) {
		if (at < b->ntext && blank_row(b, at) && !page_top(b, at))
			b->at++;
		else if (at < b->ntext && !page_top(b, at)) {
			snprintf(why, whysz, "line %zu is not blank, as the "
			    "block's line is", b->text[at]->line);
			return false;
		}
		return true;
	}
	for (; at < b->ntext; at++) {
		r = b->text[at];
		if (r->n == 0 && b->foot_padding && acc.n > 0 &&
		    foot(b, at) > 0) {
			at += foot(b, at) - 1;
			continue;
		}
		cut = r->n;
		/* The mark ends a piece only if the piece is a prefix;
		 * the writer may end a piece a cell or two short of the
		 * line (the contract says only "cut and continued"). */
		if (r->n + 3 > b->cells && r->n > 0 &&
		    r->cells[r->n - 1] == b->mark && acc.n + r->n - 1 < nw &&
		    memcmp(w + acc.n, r->cells, r->n - 1) == 0)
			cut = r->n - 1;
		cells_put(&acc, r->cells, cut);
		if (acc.n == nw && memcmp(acc.c, w, nw) == 0) {
			ok = true;
			at++;
			break;
		}
		if (acc.n > nw || memcmp(acc.c, w, acc.n) != 0 ||
		    (cut == r->n && r->n < b->cells &&
		    w[acc.n] != 0)) {
			snprintf(why, whysz, "line %zu is '%s', not the "
			    "block's line '%s'", r->line,
			    show(r->cells, r->n), show(w, nw));
			break;
		}
		/* Spaces a cut without the mark fell on, which the line
		 * lost at its end (up to the line's width). */
		for (; cut == r->n && cut < b->cells && acc.n < nw &&
		    w[acc.n] == 0; cut++)
			cells_put(&acc, (const unsigned char *)"", 1);
	}
	if (!ok && at >= b->ntext)
		snprintf(why, whysz, "the braille ends in it");
	free(acc.c);
	if (ok)
		b->at = at;
	return ok;
}

static void
take_pre(struct brl *b, xmlNodePtr k, const char *what)
{
	struct buf	 label = { 0 };
	struct cells	 v[2];
	char		*text = elem_text(k), *line, *nl, why[512];
	unsigned char	*w, *w2;
	size_t		 lines = 1, i, nw, nw2, at, first;

	memset(v, 0, sizeof(v));
	for (i = 0; text[i] != '\0'; i++)
		lines += text[i] == '\n';
	label_preformatted(b->lang, pre_kind(k), lines, &label);
	if (b->ueb) {
		/* The label, with or without a colon. */
		tn_label(b, &v[0], label.data);
		buf_putc(&label, ':');
		tn_label(b, &v[1], label.data);
	} else {
		buf_putc(&label, ':');
		cells_tr(b, &v[0], label.data, 0);
	}
	take(b, what, v, b->ueb ? 2 : 1, 6, 4, 0, GAP_ANY, GAP_ANY);
	first = b->at;
	for (line = text; line != NULL && b->msg[0] == '\0'; line = nl) {
		if ((nl = strchr(line, '\n')) != NULL)
			*nl++ = '\0';
		/* Uncontracted: the grade 1 table, or no contractions. */
		at = b->at;
		nw = tr(b->table_g1, line, 0, &w);
		nw2 = tr(b->table, line, noContractions, &w2);
		if (nw == NONE || nw2 == NONE)
			fail(b, "%s: liblouis cannot translate '%s'", what,
			    line);
		else if (!pre_line(b, w, nw, why, sizeof(why))) {
			b->at = at;
			if (!pre_line(b, w2, nw2, why, sizeof(why)))
				fail(b, "%s: %s", what, why);
		}
		free(w);
		free(w2);
	}
	/* The words check reads these rows uncontracted. */
	for (i = first; i < b->at; i++)
		b->text[i]->pre = true;
	b->after = GAP_ANY;
	free(text);
	buf_free(&label);
	free(v[0].c);
	free(v[1].c);
}

static xmlNodePtr
credit_of(xmlNodePtr caption)
{
	xmlNodePtr	 k;

	for (k = elem_first(caption->children); k != NULL; k = elem_next(k))
		if (elem_is(k, "credit"))
			return k;
	return NULL;
}

/* A list: items 1-3, each its marker, a space and its text. */
static void
take_list(struct brl *b, xmlNodePtr list)
{
	xmlNodePtr	 item;
	struct cells	 v[2 * MAXTEXTS];
	struct buf	 s = { 0 };
	char		*start, *texts[MAXTEXTS], what[64], marker[32];
	unsigned long	 num;
	size_t		 n, i, nv;
	bool		 ordered = elem_attr_is(list, "ordered", "true");

	start = elem_attr(list, "start");
	num = start != NULL ? strtoul(start, NULL, 10) : 1;
	xmlFree(start);
	for (item = elem_first(list->children); item != NULL &&
	    b->msg[0] == '\0'; item = elem_next(item), num++) {
		if (ordered)
			snprintf(marker, sizeof(marker), "%lu.", num);
		else
			snprintf(marker, sizeof(marker), "\xe2\x80\xa2");
		snprintf(what, sizeof(what), "list item %lu (line %lu)", num,
		    xmlGetLineNo(item) > 0 ? (unsigned long)
		    xmlGetLineNo(item) : 0UL);
		n = block_texts(b, item, texts);
		memset(v, 0, sizeof(v));
		/* The marker translated with the text, or alone. */
		for (i = nv = 0; i < n; i++) {
			buf_reset(&s);
			buf_printf(&s, "%s %s", marker, texts[i]);
			cells_tr(b, &v[nv++], s.data, 0);
			cells_tr(b, &v[nv], marker, 0);
			cells_put(&v[nv], (const unsigned char *)"", 1);
			cells_tr(b, &v[nv++], texts[i], 0);
		}
		take(b, what, v, nv, 0, 2, 0,
		    item == elem_first(list->children) ? GAP_YES : GAP_NO,
		    GAP_NO);
		for (i = 0; i < 2 * MAXTEXTS; i++)
			free(v[i].c);
		free_texts(texts, n);
	}
	b->after = GAP_YES;
	buf_free(&s);
}

/* A line with no word in it: a thematic break as the writer sets it. */
static bool
wordless(const struct brl *b, const struct row *r)
{
	struct buf	 s = { 0 };
	struct words	 w = { 0 };
	bool		 none;

	if (r->n == 0 || back(b->table, r->cells + r->ind, r->n - r->ind,
	    &s) == -1)
		return false;
	words_add(&w, s.data != NULL ? s.data : "", true);
	none = w.n == 0;
	words_free(&w);
	buf_free(&s);
	return none;
}

static void
blocks(struct brl *b, xmlNodePtr k)
{
	xmlNodePtr	 credit;
	char		*texts[MAXTEXTS], *line, what[96], *level;
	const char	*label;
	size_t		 n, ind;
	long		 lv;

	for (; k != NULL && b->msg[0] == '\0'; k = elem_next(k)) {
		if (elem_is(k, "byline"))
			continue;	/* in the header */
		line = elem_attr(k, "line");
		snprintf(what, sizeof(what), "the %s of line %s",
		    (const char *)k->name, line != NULL ? line : "?");
		xmlFree(line);
		if (elem_is(k, "list")) {
			take_list(b, k);
		} else if (elem_is(k, "blockquote")) {
			/* Its blocks, the quote apart by blank lines. */
			b->after = GAP_YES;
			blocks(b, elem_first(k->children));
			b->after = GAP_YES;
		} else if (elem_is(k, "paragraph")) {
			n = block_texts(b, k, texts);
			take_text(b, what, texts, n, NULL, 0, 2, 0, 0, GAP_NO,
			    GAP_NO);
			free_texts(texts, n);
		} else if (elem_is(k, "heading")) {
			level = elem_attr(k, "level");
			lv = level != NULL ? strtol(level, NULL, 10) : 2;
			xmlFree(level);
			ind = lv <= 2 ? 4 : 6;
			n = block_texts(b, k, texts);
			take_text(b, what, texts, n, NULL, 0, ind, ind, 0,
			    lv <= 2 ? GAP_YES : GAP_NO, GAP_NO);
			free_texts(texts, n);
		} else if (elem_is(k, "caption")) {
			n = block_texts(b, k, texts);
			label = label_get(b->lang, LABEL_PHOTO).text;
			take_labelled(b, what, label, texts, n, GAP_YES,
			    GAP_NO);
			free_texts(texts, n);
			if ((credit = credit_of(k)) != NULL &&
			    b->msg[0] == '\0') {
				n = block_texts(b, credit, texts);
				label = label_get(b->lang, LABEL_CREDIT).text;
				/* Right after its caption, or a line on. */
				b->after = GAP_NO;
				take_labelled(b, what, label, texts, n,
				    GAP_ANY, GAP_NO);
				free_texts(texts, n);
			}
			b->after = GAP_YES;
		} else if (elem_is(k, "preformatted")) {
			take_pre(b, k, what);
		} else if (elem_is(k, "thematic-break")) {
			gap(b, GAP_ANY, what);
			if (b->msg[0] == '\0' && b->at < b->ntext &&
			    wordless(b, b->text[b->at]))
				b->at++;
			b->after = GAP_ANY;
		} else if (elem_is(k, "back-matter")) {
			label = label_get(b->lang,
			    label_back_matter(back_kind(k))).text;
			take_one(b, what, strdup(label), 0, 0, M_ANY, GAP_ANY,
			    GAP_ANY);
			blocks(b, elem_first(k->children));
		} else
			fail(b, "%s: unknown to the oracle", what);
	}
}

/* The title centred, then the header's blocks 1-3, then a blank line. */
static void
header(struct brl *b, xmlDocPtr t)
{
	static const char *const after[] = { "date", "source" };
	xmlNodePtr	 k;
	struct buf	 s = { 0 };
	const char	**names = NULL;
	char		*texts[MAXTEXTS];
	size_t		 n, i, nnames = 0;
	bool		 byline = false;

	take_one(b, "the title", squeeze(elem_text(tree_meta(t, "title"))),
	    0, 0, M_CENTRED, GAP_NO, GAP_YES);
	if (tree_meta(t, "subtitle") != NULL)
		take_one(b, "the subtitle", squeeze(elem_text(tree_meta(t,
		    "subtitle"))), 0, 2, 0, GAP_NO, GAP_NO);
	for (k = tree_body(t); k != NULL && b->msg[0] == '\0';
	    k = elem_next(k))
		if (elem_is(k, "byline")) {
			n = block_texts(b, k, texts);
			take_text(b, "the byline", texts, n, NULL, 0, 0, 2, 0,
			    GAP_NO, GAP_NO);
			free_texts(texts, n);
			byline = true;
		}
	for (k = tree_meta(t, "author"); !byline && k != NULL;
	    k = elem_next(k))
		if (elem_is(k, "author")) {
			names = realloc(names, (nnames + 1) *
			    sizeof(*names));
			names[nnames++] = (const char *)xmlNodeGetContent(k);
		}
	if (nnames > 0) {
		label_byline(b->lang, names, nnames, &s);
		take_one(b, "the authors", squeeze(buf_steal(&s)), 0, 2, 0,
		    GAP_NO, GAP_NO);
	}
	for (i = 0; i < nnames; i++)
		xmlFree((void *)(uintptr_t)names[i]);
	free(names);
	for (i = 0; i < 2; i++)
		if (tree_meta(t, after[i]) != NULL)
			take_one(b, after[i], squeeze(elem_text(tree_meta(t,
			    after[i]))), 0, 2, 0, GAP_NO, GAP_NO);
	/* The first block of the body has a blank line before it. */
	b->after = GAP_YES;
	buf_free(&s);
}

/*
 * The structure check, its finding in b->msg; run before words(), which
 * reads the rows it finds preformatted with their own table.
 */
static void
structure(struct brl *b, xmlDocPtr t)
{
	size_t	 i;

	header(b, t);
	blocks(b, tree_body(t));
	/* What is left is the last page's padding. */
	for (i = b->at; b->msg[0] == '\0' && i < b->ntext; i++)
		if (!blank_row(b, i))
			fail(b, "line %zu is more than the tree holds: %s",
			    b->text[i]->line, show(b->text[i]->cells,
			    b->text[i]->n));
	/* No page's text begins with a blank line (nor is all blank). */
	for (i = 0; b->msg[0] == '\0' && i < b->ntext; i++)
		if (page_top(b, i) && blank_row(b, i))
			fail(b, "line %zu, blank, is the first of a page's "
			    "text", b->text[i]->line);
}

/* structure()'s TAP line. */
static int
structure_say(const struct brl *b, const char *name)
{
	if (b->msg[0] == '\0') {
		printf("ok brlcheck %s: structure\n", name);
		return 0;
	}
	printf("not ok brlcheck %s: structure\n#   %s\n", name, b->msg);
	return 1;
}

/*
 * The four lines, when the file or the tree cannot be read at all (from
 * the second when tree_load() has said the first).
 */
static int
early(const char *name, const char *why, size_t from)
{
	static const char *const what[] = { "geometry", "page numbers",
	    "words", "structure" };
	size_t	 i;

	for (i = from; i < 4; i++)
		printf("not ok brlcheck %s: %s: %s\n", name, what[i], why);
	return 1;
}

static void
usage(void)
{
	fprintf(stderr, "usage: brlcheck [-u] [--ukaaf] [--foot-padding] "
	    "[--cells N] [--lines N] TABLE|- TREE.xml "
	    "FILE.brf|FILE.braille.txt\n");
	exit(2);
}

static size_t
number(const char *s)
{
	char		*end;
	unsigned long	 n = strtoul(s, &end, 10);

	if (*s == '\0' || *end != '\0' || n == 0 || n > 10000)
		usage();
	return n;
}

static unsigned char *
slurp(const char *path, size_t *len)
{
	FILE		*f;
	unsigned char	*s = NULL;
	size_t		 cap = 0, got;

	if ((f = fopen(path, "rb")) == NULL)
		return NULL;
	*len = 0;
	do {
		if (*len + 65536 > cap) {
			cap = (*len + 65536) * 2;
			s = realloc(s, cap);
		}
		got = fread(s + *len, 1, cap - *len, f);
		*len += got;
	} while (got > 0);
	fclose(f);
	return s;
}

int
main(int argc, char *argv[])
{
	struct brl	 b;
	xmlDocPtr	 t;
	unsigned char	*s;
	char		*table = NULL, *name, *p;
	size_t		 len, i;
	bool		 brf;
	int		 rc = 0;

	memset(&b, 0, sizeof(b));
	b.cells = 40;
	b.lines = 25;
	while (argc > 1 && argv[1][0] == '-' && argv[1][1] != '\0') {
		if (strcmp(argv[1], "-u") == 0)
			b.uncontracted = true;
		else if (strcmp(argv[1], "--ukaaf") == 0)
			b.ukaaf = true;
		else if (strcmp(argv[1], "--foot-padding") == 0)
			b.foot_padding = true;
		else if (strcmp(argv[1], "--cells") == 0 && argc > 2) {
			b.cells = number(argv[2]);
			argc--;
			argv++;
		} else if (strcmp(argv[1], "--lines") == 0 && argc > 2) {
			b.lines = number(argv[2]);
			argc--;
			argv++;
		} else
			usage();
		argc--;
		argv++;
	}
	if (argc != 4)
		usage();
	tables_init();
	lou_setLogLevel(LOU_LOG_OFF);
	/* The labels of this source tree (the tests run at its top). */
	setenv("LECTOR_DATADIR", "styles", 0);
	name = strrchr(argv[3], '/') != NULL ? strrchr(argv[3], '/') + 1 :
	    argv[3];
	len = strlen(name);
	brf = len > 4 && strcmp(name + len - 4, ".brf") == 0;
	{
		char	 what[512];

		snprintf(what, sizeof(what), "brlcheck %s: tree", name);
		if ((t = tree_load(argv[2], what)) == NULL)
			return early(name, "no tree", 1);
	}
	tree_unwrap_sentences(t);
	b.lang = elem_text(tree_meta(t, "language"));
	if (strcmp(argv[1], "-") == 0) {
		if ((table = table_for(b.lang, b.uncontracted)) == NULL) {
			rc = early(name, "liblouis has no table for the "
			    "tree's language", 0);
			goto out;
		}
	} else
		table = strdup(argv[1]);
	b.table = table;
	/* Uncontracted: grade 1 of a table named for its grade. */
	b.table_g1 = strdup(table);
	if ((p = strstr(b.table_g1, "-g2")) != NULL)
		p[2] = '1';
	b.ueb = strstr(table, "ueb") != NULL;
	b.mark = b.ueb ? MARK_UEB : MARK_OTHER;
	if ((s = slurp(argv[3], &len)) == NULL) {
		rc = early(name, "cannot read it", 0);
		goto out;
	}
	rc |= geometry(&b, name, s, len, brf);
	free(s);
	rc |= page_numbers(&b, name);
	structure(&b, t);
	rc |= words(&b, name, t);
	rc |= structure_say(&b, name);
	if (rc != 0)
		printf("# brlcheck %s: read with the table %s\n", name, table);
out:
	for (i = 0; i < b.nrows; i++)
		free(b.rows[i].cells);
	free(b.rows);
	free(b.text);
	free(b.lang);
	free(b.table_g1);
	free(table);
	xmlFreeDoc(t);
	lou_free();
	return rc;
}
