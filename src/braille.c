/* SPDX-License-Identifier: ISC */
#include "common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <liblouis/liblouis.h>

#include "braille.h"
#include "buf.h"
#include "diag.h"
#include "text.h"
#include "tree.h"
#include "utf8.h"
#include "xalloc.h"

/*
 * North American Braille ASCII: the character of each six-dot cell,
 * indexed by its dots (dot 1 the lowest bit, dot 6 the highest).
 * Letters are written in lower case, as BRF files usually are.
 */
static const char ascii_of_dots[65] =
    " a1b'k2l@cif/msp\"e3h9o6r^djg>ntq,*5<-u8v.%[$+x!&;:4\\0z7(_?w]#y)=";

/* Characters looked up once: whether the table defines them. */
#define KNOWN_SLOTS	512

struct braille {
	char		*tables;
	bool		 ueb;
	bool		 failed;	/* liblouis failed (and said so) */
	size_t		 undefined;	/* characters written in hex */
	size_t		 eight_dot;	/* cells that lost dots 7-8 */
	int32_t		 known[KNOWN_SLOTS];	/* open hash; 0: empty */
	bool		 defined[KNOWN_SLOTS];
	formtype	 italic;	/* the table's emphasis classes */
	formtype	 bold;
	widechar	*in;
	formtype	*tf;		/* each in's emphasis */
	formtype	*tfout;		/* what liblouis takes and overwrites:
					   tf, with room for the output */
	widechar	*out;
	size_t		 incap;
	size_t		 outcap;
};

static void
quiet(void)
{
	static bool	 done;

	/* liblouis logs its table search to standard error. */
	if (!done) {
		lou_setLogLevel(LOU_LOG_OFF);
		done = true;
	}
}

int
braille_check_tables(const char *tables, const char *option)
{
	quiet();
	if (lou_getTable(tables) != NULL)
		return 0;
	diag_line("%s: liblouis has no table '%s' (they are in %s)", option,
	    tables, "/usr/share/liblouis/tables");
	return -1;
}

/*
 * Whether the table liblouis found for language lang (its primary
 * subtag) is one: of that language, and not for eight dots or computer
 * braille, which a BRF cannot hold or a reader of text does not want.
 */
static bool
table_fits(const char *table, const char *lang)
{
	char	*v;
	bool	 ok;
	size_t	 n = strlen(lang);

	v = lou_getTableInfo(table, "language");
	ok = v != NULL && strncmp(v, lang, n) == 0 &&
	    (v[n] == '\0' || v[n] == '-');
	free(v);
	if (ok && (v = lou_getTableInfo(table, "dots")) != NULL) {
		ok = strcmp(v, "8") != 0;
		free(v);
	}
	if (ok && (v = lou_getTableInfo(table, "type")) != NULL) {
		ok = strcmp(v, "computer") != 0;
		free(v);
	}
	return ok;
}

/*
 * The table for language lang (a primary subtag) by liblouis's table
 * metadata: a literary table, contracted if asked and there is one,
 * else uncontracted, else one that does not say.  A new string, or NULL.
 */
static char *
find_table(const char *lang, enum braille_grade grade)
{
	static const char *const full[] = { "full", "partial", "no", "",
	    NULL };
	static const char *const none[] = { "no", "partial", "full", "",
	    NULL };
	const char *const *c = grade == BRAILLE_CONTRACTED ? full : none;
	char		 q[128], **all, *v, *found = NULL;
	size_t		 i;

	/* liblouis names Chinese by its spoken language, Mandarin, and
	 * both written forms of Norwegian by the macrolanguage. */
	if (strcmp(lang, "zh") == 0)
		lang = "cmn";
	else if (strcmp(lang, "nb") == 0 || strcmp(lang, "nn") == 0)
		lang = "no";
	for (; *c != NULL && found == NULL; c++) {
		snprintf(q, sizeof(q), "language:%s type:literary%s%s", lang,
		    **c != '\0' ? " contraction:" : "", *c);
		if ((all = lou_findTables(q)) == NULL)
			continue;
		/* Best first, but a match may be of another kind. */
		for (i = 0; all[i] != NULL; i++) {
			if (found == NULL && table_fits(all[i], lang)) {
				v = lou_getTableInfo(all[i], "contraction");
				if (**c == '\0' || (v != NULL &&
				    strcmp(v, *c) == 0))
					found = xstrdup(all[i]);
				free(v);
			}
			free(all[i]);
		}
		free(all);
	}
	return found;
}

/*
 * find_table(), once a language and grade in a process: a batch asks
 * for the same few again and again, each search reads table files, and
 * liblouis 3.24's lou_getTableInfo() leaks a field a table gives twice
 * (Norwegian's three languages).
 */
static char *
find_table_once(const char *lang, enum braille_grade grade)
{
	static struct {
		char			 lang[16];
		enum braille_grade	 grade;
		char			*table;		/* NULL: none */
	} seen[32];
	static size_t	 nseen;
	size_t		 i;
	char		*t;

	for (i = 0; i < nseen; i++)
		if (seen[i].grade == grade && strcmp(seen[i].lang, lang) == 0)
			return seen[i].table != NULL ?
			    xstrdup(seen[i].table) : NULL;
	t = find_table(lang, grade);
	if (nseen < NELEM(seen)) {
		snprintf(seen[nseen].lang, sizeof(seen[nseen].lang), "%s",
		    lang);
		seen[nseen].grade = grade;
		seen[nseen].table = t != NULL ? xstrdup(t) : NULL;
		nseen++;
	}
	return t;
}

struct braille *
braille_open(const char *tag, enum braille_grade grade, const char *tables)
{
	struct braille	*b;
	char		 lang[16], *t = NULL, *v;
	size_t		 n;

	quiet();
	if (tables == NULL) {
		if (strcmp(tag, "und") == 0) {
			diag(DIAG_ERROR, 0, "the language of the text could "
			    "not be told, so there is no braille table for it "
			    "(--lang or --braille-table names one)");
			return NULL;
		}
		n = strcspn(tag, "-_");
		snprintf(lang, sizeof(lang), "%.*s", (int)n, tag);
		/* Unified English Braille, whatever the country. */
		if (strcmp(lang, "en") == 0)
			t = xstrdup(grade == BRAILLE_CONTRACTED ?
			    "en-ueb-g2.ctb" : "en-ueb-g1.ctb");
		else
			t = find_table_once(lang, grade);
		if (t == NULL) {
			diag(DIAG_ERROR, 0, "liblouis has no braille table "
			    "for the language '%s' (--braille-table names "
			    "one)", tag);
			return NULL;
		}
		tables = t;
	}
	if (lou_getTable(tables) == NULL) {
		diag(DIAG_ERROR, 0, "liblouis cannot load the table '%s'",
		    tables);
		free(t);
		return NULL;
	}
	b = xcalloc(1, sizeof(*b));
	b->tables = t != NULL ? t : xstrdup(tables);
	if ((v = lou_getTableInfo(b->tables, "system")) != NULL) {
		b->ueb = strcmp(v, "ueb") == 0;
		free(v);
	}
	b->italic = lou_getTypeformForEmphClass(b->tables, "italic");
	b->bold = lou_getTypeformForEmphClass(b->tables, "bold");
	return b;
}

void
braille_free(struct braille *b)
{
	if (b == NULL)
		return;
	free(b->tables);
	free(b->in);
	free(b->tf);
	free(b->tfout);
	free(b->out);
	free(b);
}

const char *
braille_tables(const struct braille *b)
{
	return b->tables;
}

bool
braille_is_ueb(const struct braille *b)
{
	return b->ueb;
}

bool
braille_failed(const struct braille *b)
{
	return b->failed;
}

size_t
braille_undefined(const struct braille *b)
{
	return b->undefined;
}

size_t
braille_eight_dot(const struct braille *b)
{
	return b->eight_dot;
}

/*
 * Whether the table defines cp: translated alone, with undefined
 * characters left out, it gives some braille.  Remembered.
 */
static bool
defined(struct braille *b, int32_t cp)
{
	widechar	 in = (widechar)cp, out[64];
	int		 inlen = 1, outlen = NELEM(out);
	size_t		 h = (size_t)cp % KNOWN_SLOTS, k;
	bool		 yes;

	for (k = 0; k < KNOWN_SLOTS; k++, h = (h + 1) % KNOWN_SLOTS) {
		if (b->known[h] == cp)
			return b->defined[h];
		if (b->known[h] == 0)
			break;
	}
	yes = lou_translateString(b->tables, &in, &inlen, out, &outlen,
	    NULL, NULL, dotsIO | ucBrl | noUndefined) == 1 && outlen > 0;
	if (k < KNOWN_SLOTS) {
		b->known[h] = cp;
		b->defined[h] = yes;
	}
	return yes;
}

static void
push(struct braille *b, size_t *n, int32_t cp, formtype tf)
{
	if (*n == b->incap) {
		b->incap = b->incap ? b->incap * 2 : 256;
		b->in = xreallocarray(b->in, b->incap, sizeof(*b->in));
		b->tf = xreallocarray(b->tf, b->incap, sizeof(*b->tf));
	}
	b->tf[*n] = tf;
	b->in[(*n)++] = (widechar)cp;
}

/* The table's emphasis for mark (enum tree_text_marks). */
static formtype
typeform(const struct braille *b, int mark)
{
	return (mark & TM_EMPHASIS ? b->italic : 0) |
	    (mark & TM_STRONG ? b->bold : 0);
}

/*
 * The text as liblouis takes it, into b->in, with each character's
 * emphasis (marks, NULL or one byte a byte of text) into b->tf: what the
 * table lacks in its plain form where that is defined.  Returns the
 * length.
 */
static size_t
to_wide(struct braille *b, const char *text, size_t len, const char *marks)
{
	struct buf	 plain = { 0 };
	size_t		 i, k, n = 0, m;
	int32_t		 cp;
	formtype	 tf;
	bool		 ok, narrow = lou_charSize() < 4;

	for (i = 0; i < len; i += m) {
		m = utf8_next(text + i, len - i, &cp);
		if (m == 0)
			break;
		tf = marks != NULL ? typeform(b, marks[i]) : 0;
		/* Punctuation right after an emphasised word goes with it
		 * (UEB 9.7: no terminator before a closing comma). */
		if (tf == 0 && n > 0 && b->tf[n - 1] != 0 &&
		    text_is_punct(cp) && !text_is_opener(cp))
			tf = b->tf[n - 1];
		/* A 16-bit liblouis takes no character past U+FFFF. */
		if (narrow && cp > 0xffff)
			cp = 0xfffd;
		if (cp >= 0x80 && !defined(b, cp)) {
			buf_reset(&plain);
			text_ascii(&plain, cp);
			/* Its plain form, if that is ASCII. */
			for (ok = true, k = 0; ok && k < plain.len; k++)
				ok = (unsigned char)plain.data[k] < 0x80;
			if (ok) {
				for (k = 0; k < plain.len; k++)
					push(b, &n,
					    (unsigned char)plain.data[k], tf);
				continue;
			}
			b->undefined++;
		}
		push(b, &n, cp, tf);
	}
	buf_free(&plain);
	return n;
}

void
braille_put(struct braille *b, const char *text, size_t len,
    const char *marks, bool literal, struct buf *out)
{
	int		 inlen, outlen, mode, i;
	size_t		 n;
	unsigned	 dots;

	if (len == 0 || b->failed)
		return;
	n = to_wide(b, text, len, marks);
	mode = dotsIO | ucBrl | (literal ? noContractions : 0);
	if (b->outcap < 2 * n + 64) {
		b->outcap = 2 * n + 64;
		b->out = xreallocarray(b->out, b->outcap, sizeof(*b->out));
		b->tfout = xreallocarray(b->tfout, b->outcap,
		    sizeof(*b->tfout));
	}
	for (;;) {
		inlen = (int)n;
		outlen = (int)b->outcap;
		/* liblouis writes each output cell's dots 7-8 back into the
		 * typeforms: as long as the output, and given anew. */
		if (marks != NULL)
			memcpy(b->tfout, b->tf, n * sizeof(*b->tf));
		if (lou_translateString(b->tables, b->in, &inlen, b->out,
		    &outlen, marks != NULL ? b->tfout : NULL, NULL, mode) !=
		    1) {
			if (!b->failed)
				diag(DIAG_ERROR, 0, "liblouis could not "
				    "translate the text with '%s'", b->tables);
			b->failed = true;
			return;
		}
		/* All the text went in, and the braille did not fill the
		 * buffer: it is all there. */
		if ((size_t)inlen == n && (size_t)outlen < b->outcap)
			break;
		b->outcap *= 2;
		b->out = xreallocarray(b->out, b->outcap, sizeof(*b->out));
		b->tfout = xreallocarray(b->tfout, b->outcap,
		    sizeof(*b->tfout));
	}
	for (i = 0; i < outlen; i++) {
		dots = (unsigned)b->out[i] >= 0x2800 &&
		    (unsigned)b->out[i] <= 0x28ff ? b->out[i] - 0x2800 :
		    b->out[i] & 0xff;
		/* liblouis's escape of an undefined character begins
		 * "'\x", its backslash with dot 7 (counted as undefined). */
		if ((dots & 0xc0) && !(dots == 0x73 && i > 0 &&
		    b->out[i - 1] == 0x2804))
			b->eight_dot++;
		buf_putc(out, ascii_of_dots[dots & 0x3f]);
	}
}

void
braille_unicode(const char *s, size_t len, struct buf *out)
{
	static int	 dots_of[128];
	static bool	 ready;
	size_t		 i;
	int		 c;

	if (!ready) {
		for (i = 0; i < 128; i++)
			dots_of[i] = -1;
		for (i = 0; i < 64; i++) {
			c = (unsigned char)ascii_of_dots[i];
			dots_of[c] = (int)i;
			if (c >= 'a' && c <= 'z')
				dots_of[c - 'a' + 'A'] = (int)i;
			else if (c >= '@' && c <= '_')
				dots_of[c + 0x20] = (int)i;
		}
		ready = true;
	}
	for (i = 0; i < len; i++) {
		c = (unsigned char)s[i];
		if (c < 128 && dots_of[c] >= 0)
			utf8_put(out, 0x2800 + dots_of[c]);
		else
			buf_putc(out, c);
	}
}
