/* SPDX-License-Identifier: ISC */
/*
 * misread [-v VOICE] FILE...
 * misread -p [-v VOICE]
 *
 * The misreading finder (issue 12): what a listener would hear wrongly
 * in lector's speech text (`lector -t speech`, FILE; "-" is standard
 * input), decided by libespeak-ng itself, from the phonemes it gives
 * (the ASCII ones `espeak-ng -x` prints).  Each utterance's spoken text
 * is cut at spaces into tokens, their surrounding punctuation trimmed,
 * and a token is reported, one line "FILE:LINE: CATEGORY TOKEN
 * [PHONEMES]" (the token's own phonemes), as:
 *   symbol            it holds a character espeak-ng says by its name
 *                     ("3-1" is "three dash one", a URL's "slash"),
 *                     but a hyphen between letters ("war-torn");
 *   letters           1 to 3 letters, not all capitals, said as letter
 *                     names in their utterance ("9 m", "bn");
 *   capitals-as-word  2 to 6 capitals said as a word in their
 *                     utterance, not spelled ("MSCI" as "em-sky"), but
 *                     for those the language's say.words lists as words
 *                     ("NATO");
 *   digits            a number said digit by digit ("05"), of 5 digits
 *                     or more with no separator, or of 4 digits from 1100
 *                     to 2099, not a multiple of 100, said with
 *                     "hundred" ("1968", "1990s").
 * Then one summary line per category: how many, and the tokens, most
 * found first.  The voice is the dump's (its first line), or -v's; a
 * passage marked "# language: TAG" is read in its language's voice
 * where espeak-ng has one, as lector speaks it.
 *
 * With -p, each line of standard input is printed as its phonemes, what
 * `espeak-ng -q -x -v VOICE` prints for it with its clauses joined by
 * one space, so that tests can compare what lector says with a reading
 * they expect.  The voice is -v's, else lector's for English.  One
 * difference is known: a clause with no stressed word (a lone "And") is
 * given a stress on its last vowel when spoken, which the program shows
 * and espeak_TextToPhonemes() does not.
 *
 * Exit status 0, findings or not; 2 on a usage or I/O error, said in
 * one line on standard error.
 */
#include "common.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <espeak-ng/speak_lib.h>

#include "buf.h"
#include "lang.h"
#include "xalloc.h"

/*
 * The characters espeak-ng may say by name inside a token.  An
 * apostrophe, a full stop (a decimal point, "U.S."), '%', '&' and '$'
 * are said as what they mean, and lector turns the currencies into
 * words itself, so they are not looked at.
 */
#define SYMBOLS		"-/:#@*_+=|~^<>\\"

enum cat {
	CAT_SYMBOL,
	CAT_LETTERS,
	CAT_CAPITALS,
	CAT_DIGITS,
	CAT__MAX
};

static const char *const cat_names[CAT__MAX] = {
	"symbol", "letters", "capitals-as-word", "digits",
};

/* A token found in one category, and how often. */
struct tally {
	char	*token;
	size_t	 n;
	size_t	 first;		/* order of its first finding */
};

struct tallies {
	struct tally	*v;
	size_t		 n, cap;
	size_t		 total;
};

static struct tallies	 found[CAT__MAX];
static size_t		 nfound;

/* Phonemes already asked for, by "VOICE<TAB>TEXT": open addressing. */
struct entry {
	char	*key;
	char	*phon;
};

static struct entry	*cache;
static size_t		 cache_cap, cache_n;

/* The voice espeak-ng speaks in now, and the dump's own. */
static char		 cur_voice[64];
static char		 base_voice[64];

/* Say what went wrong in one line and exit 2. */
static void	 die(const char *fmt, ...) PRINTFLIKE(1, 2);

static void
die(const char *fmt, ...)
{
	va_list	 ap;

	fputs("misread: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(2);
}

/* FNV-1a, for the cache. */
static size_t
fnv(const char *s)
{
	uint64_t	 h = 14695981039346656037u;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return (size_t)h;
}

/*
 * Speak in voice, a name or, as `espeak-ng -v` takes it too, a language
 * ("en-gb", which espeak-ng 1.51 does not find by name).
 */
static int
set_voice(const char *voice)
{
	espeak_VOICE	 v;

	if (strcmp(voice, cur_voice) == 0)
		return 0;
	memset(&v, 0, sizeof(v));
	v.languages = voice;
	if (espeak_SetVoiceByName(voice) != EE_OK &&
	    espeak_SetVoiceByProperties(&v) != EE_OK)
		return -1;
	snprintf(cur_voice, sizeof(cur_voice), "%s", voice);
	return 0;
}

/* The language of the dump, and of the utterance being looked at. */
static char		 art_lang[64] = "en";
static const struct lang *utt_lang;

/*
 * Speak in the voice lector picks for the language tagged tag, as
 * synth.c does (lang_voices()).  Returns -1 if espeak-ng has none.
 */
static int
set_language(const char *tag)
{
	const char	*try[LANG_VOICES];
	char		 lower[64];
	size_t		 i, n;

	n = lang_voices(tag, lower, sizeof(lower), try);
	for (i = 0; i < n; i++)
		if (set_voice(try[i]) == 0)
			return 0;
	return -1;
}

/*
 * The phonemes of text in the current voice: every clause espeak-ng
 * makes of it, its words joined by single spaces.  Borrowed from the
 * cache, which lives as long as the process.
 */
static const char *
phonemes(const char *text)
{
	struct buf	 key = { 0 }, out = { 0 };
	struct entry	*old;
	const void	*p = text;
	const char	*ph, *w;
	size_t		 h, i, oldcap, len;

	buf_printf(&key, "%s\t%s", cur_voice, text);
	if (cache_n * 2 >= cache_cap) {
		old = cache;
		oldcap = cache_cap;
		cache_cap = oldcap != 0 ? oldcap * 2 : 4096;
		cache = xcalloc(cache_cap, sizeof(*cache));
		cache_n = 0;
		for (i = 0; i < oldcap; i++) {
			if (old[i].key == NULL)
				continue;
			for (h = fnv(old[i].key) & (cache_cap - 1);
			    cache[h].key != NULL; h = (h + 1) & (cache_cap - 1))
				continue;
			cache[h] = old[i];
			cache_n++;
		}
		free(old);
	}
	for (h = fnv(key.data) & (cache_cap - 1); cache[h].key != NULL;
	    h = (h + 1) & (cache_cap - 1))
		if (strcmp(cache[h].key, key.data) == 0) {
			buf_free(&key);
			return cache[h].phon;
		}
	/* espeak-ng moves p on clause by clause, to NULL at the end. */
	while (p != NULL) {
		if ((ph = espeak_TextToPhonemes(&p, espeakCHARS_UTF8, 0)) ==
		    NULL)
			break;
		for (w = ph; *w != '\0'; w += len) {
			w += strspn(w, " \t\n");
			if ((len = strcspn(w, " \t\n")) == 0)
				break;
			if (out.len > 0)
				buf_putc(&out, ' ');
			buf_put(&out, w, len);
		}
	}
	cache[h].key = buf_steal(&key);
	cache[h].phon = buf_steal(&out);
	cache_n++;
	return cache[h].phon;
}

/*
 * Phonemes ph without espeak-ng's marks over and between phonemes, the
 * stress (' , % =), ';' and the pauses (_ _: _!), which come and go
 * with a word's neighbours; with spaces false, without the spaces too,
 * since espeak-ng joins some words and not others ("war-torn" is one,
 * "war torn" two).  Caller frees.
 */
static char *
norm(const char *ph, bool spaces)
{
	struct buf	 b = { 0 };

	for (; *ph != '\0'; ph++) {
		if (strchr("',%=;", *ph) != NULL)
			continue;
		if (*ph == '_') {
			if (ph[1] == ':' || ph[1] == '!')
				ph++;
			continue;
		}
		if (*ph == ' ' && (!spaces || b.len == 0 ||
		    b.data[b.len - 1] == ' '))
			continue;
		buf_putc(&b, *ph);
	}
	if (b.len > 0 && b.data[b.len - 1] == ' ')
		b.data[--b.len] = '\0';
	return buf_steal(&b);
}

/* The phonemes of text, normalised as norm() does (caller frees). */
static char *
said(const char *text, bool spaces)
{
	return norm(phonemes(text), spaces);
}

/* How many times needle is in hay, not overlapping; 0 for "". */
static size_t
count(const char *needle, const char *hay)
{
	size_t		 n = 0, len = strlen(needle);

	if (len == 0)
		return 0;
	while ((hay = strstr(hay, needle)) != NULL) {
		n++;
		hay += len;
	}
	return n;
}

/*
 * What espeak-ng says for the character c by its name, where it says
 * one: the words "3c1" has and "3 1" has not (between digits is where it
 * names the most: "3-1" is "three dash one"; "-" alone is silence).
 * Normalised, without spaces; "" if it says none.  Caller frees.
 */
static char *
symbol_name(char c)
{
	char		 with[4] = { '3', c, '1', '\0' };
	char		*a = said(with, true), *b = said("3 1", true);
	char		*w, *end, *v;
	struct buf	 name = { 0 };
	size_t		 len, vlen;

	for (w = a; *w != '\0'; w = end + (*end == ' ')) {
		end = w + strcspn(w, " ");
		len = (size_t)(end - w);
		for (v = b; *v != '\0'; v += vlen + (v[vlen] == ' ')) {
			vlen = strcspn(v, " ");
			if (vlen == len && memcmp(v, w, len) == 0)
				break;
		}
		/* A word of "3 1" pairs with one of "3c1" only once. */
		if (*v != '\0')
			memset(v, '\1', len);
		else
			buf_put(&name, w, len);
	}
	free(a);
	free(b);
	return buf_steal(&name);
}

/* What espeak-ng says for the letters of s, one by one (caller frees). */
static char *
letter_names(const char *s)
{
	struct buf	 b = { 0 };
	char		 one[2] = { 0 };
	char		*n;

	for (; *s != '\0'; s++) {
		one[0] = *s >= 'a' && *s <= 'z' ? (char)(*s - 32) : *s;
		n = said(one, false);
		buf_puts(&b, n);
		free(n);
	}
	return buf_steal(&b);
}

static bool
is_letter(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (unsigned char)c >= 0x80;
}

/* Print a finding and count it. */
static void
report(const char *file, size_t line, enum cat cat, const char *token)
{
	struct tallies	*t = &found[cat];
	size_t		 i;

	printf("%s:%zu: %s %s [%s]\n", file, line, cat_names[cat], token,
	    phonemes(token));
	t->total++;
	for (i = 0; i < t->n; i++)
		if (strcmp(t->v[i].token, token) == 0) {
			t->v[i].n++;
			return;
		}
	if (t->n == t->cap) {
		t->cap = t->cap != 0 ? t->cap * 2 : 64;
		t->v = xreallocarray(t->v, t->cap, sizeof(*t->v));
	}
	t->v[t->n].token = xstrdup(token);
	t->v[t->n].n = 1;
	t->v[t->n].first = nfound++;
	t->n++;
}

/*
 * Whether token holds a character espeak-ng says by name: its name is
 * said more often in the token than with that character made a space.
 * A hyphen between letters joins a word ("war-torn") and is let be.
 */
static bool
symbol(const char *token)
{
	const char	*c;
	char		*repl, *name, *a, *b;
	size_t		 i;
	bool		 hit = false, any;

	repl = xstrdup(token);
	for (c = SYMBOLS; *c != '\0' && !hit; c++) {
		strcpy(repl, token);
		any = false;
		for (i = 0; repl[i] != '\0'; i++) {
			if (repl[i] != *c || (*c == '-' && i > 0 &&
			    is_letter(repl[i - 1]) && is_letter(repl[i + 1])))
				continue;
			repl[i] = ' ';
			any = true;
		}
		if (!any)
			continue;
		name = symbol_name(*c);
		a = said(token, false);
		b = said(repl, false);
		hit = count(name, a) > count(name, b);
		free(name);
		free(a);
		free(b);
	}
	free(repl);
	return hit;
}

/*
 * Whether the token raw[i] of an utterance (n tokens), letters, is spelled
 * there: said as the names of its letters (names) more often with it
 * than without it.  Only the whole utterance tells: espeak-ng reads
 * capitals as a word in a clause with as many capitals as small letters
 * ("the IMF" is "imf", "The IMF said so" spells it), and every letter
 * alone is its name ("a" is "eI", but not in "a house").
 */
static bool
spelled(const char *names, char **raw, size_t n, size_t i)
{
	struct buf	 with = { 0 }, without = { 0 };
	char		*a, *b;
	size_t		 k;
	bool		 hit;

	for (k = 0; k < n; k++) {
		buf_printf(&with, "%s%s", k > 0 ? " " : "", raw[k]);
		if (k != i)
			buf_printf(&without, "%s%s", without.len > 0 ? " " :
			    "", raw[k]);
	}
	a = said(with.data, false);
	b = said(without.data != NULL ? without.data : "", false);
	hit = count(names, a) > count(names, b);
	buf_free(&with);
	buf_free(&without);
	free(a);
	free(b);
	return hit;
}

/*
 * Whether token (raw[i] trimmed), 1 to 3 letters not all capitals, is
 * said as letter names in its utterance ("9 m", "bn").  Those that are
 * not even alone need no more asking.
 */
static bool
letters(const char *token, char **raw, size_t n, size_t i)
{
	char	*names, *alone;
	bool	 hit;

	/* A vowel alone is a word in many languages (Spanish "a", "y"),
	 * said as its letter's name. */
	if (token[0] != '\0' && token[1] == '\0' &&
	    strchr("aeiouy", token[0]) != NULL)
		return false;
	names = letter_names(token);
	alone = said(token, false);
	hit = strcmp(alone, names) == 0 && spelled(names, raw, n, i);
	free(alone);
	free(names);
	return hit;
}

/*
 * Whether token (raw[i] trimmed), 2 to 6 capitals, is said as a word in
 * its utterance, not spelled ("MSCI" as "em-sky").
 */
static bool
capitals(const char *token, char **raw, size_t n, size_t i)
{
	char	*names = letter_names(token);
	bool	 hit = !spelled(names, raw, n, i);

	free(names);
	return hit;
}

/*
 * Whether token, digits and perhaps an "s" after them (len digits), is
 * said digit by digit, is 5 digits or more, or is a year from 1100 to
 * 2099 said with "hundred" ("nineteen hundred sixty-eight"); a round
 * hundred is said that way in any case.
 */
static bool
digits(const char *token, size_t len)
{
	char		*a = said(token, false), *hundred, *names;
	unsigned long	 v = strtoul(token, NULL, 10);
	bool		 hit = false;

	if (token[len] == '\0' && len >= 2) {
		names = letter_names(token);
		hit = strcmp(a, names) == 0 || len >= 5;
		free(names);
	}
	if (len == 4 && v >= 1100 && v <= 2099 && v % 100 != 0) {
		hundred = said("hundred", false);
		hit = hit || count(hundred, a) > 0;
		free(hundred);
	}
	free(a);
	return hit;
}

/* Punctuation trimmed off a token's start and end, as UTF-8. */
static const char *const lead[] = {
	"\"", "'", "(", "[", "{", "\xe2\x80\x9c", "\xe2\x80\x98",
	"\xc2\xab", "\xc2\xbf", "\xc2\xa1", "\xe2\x80\x94", "\xe2\x80\x93",
};
static const char *const trail[] = {
	"\"", "'", ")", "]", "}", ".", ",", ";", ":", "!", "?",
	"\xe2\x80\x9d", "\xe2\x80\x99", "\xc2\xbb", "\xe2\x80\xa6",
	"\xe2\x80\x94", "\xe2\x80\x93",
};

/*
 * The token in raw: its punctuation trimmed and a possessive "'s" gone
 * ("IMF's" is "IMF"), into a new string (caller frees).
 */
static char *
trim(const char *raw)
{
	const char	*s = raw, *e = raw + strlen(raw);
	size_t		 i, len;
	bool		 more = true;

	while (more && s < e) {
		more = false;
		for (i = 0; i < NELEM(lead); i++) {
			len = strlen(lead[i]);
			if ((size_t)(e - s) >= len &&
			    memcmp(s, lead[i], len) == 0) {
				s += len;
				more = true;
			}
		}
	}
	more = true;
	while (more && e > s) {
		more = false;
		for (i = 0; i < NELEM(trail); i++) {
			len = strlen(trail[i]);
			if ((size_t)(e - s) >= len &&
			    memcmp(e - len, trail[i], len) == 0) {
				e -= len;
				more = true;
			}
		}
	}
	if (e - s > 2 && memcmp(e - 2, "'s", 2) == 0)
		e -= 2;
	else if (e - s > 4 && memcmp(e - 4, "\xe2\x80\x99s", 4) == 0)
		e -= 4;
	return xstrndup(s, (size_t)(e - s));
}

/* Look at every token of an utterance's spoken text. */
static void
utterance(const char *file, size_t line, char *text)
{
	char		**raw = NULL, *tok, *p;
	size_t		 n = 0, cap = 0, i, len, caps;

	for (p = strtok(text, " "); p != NULL; p = strtok(NULL, " ")) {
		if (n == cap) {
			cap = cap != 0 ? cap * 2 : 32;
			raw = xreallocarray(raw, cap, sizeof(*raw));
		}
		raw[n++] = p;
	}
	for (i = 0; i < n; i++) {
		tok = trim(raw[i]);
		len = strlen(tok);
		for (p = tok, caps = 0; *p >= 'A' && *p <= 'Z'; p++)
			caps++;
		if (strpbrk(tok, SYMBOLS) != NULL) {
			if (symbol(tok))
				report(file, line, CAT_SYMBOL, tok);
		} else if (caps == len && len >= 2 && len <= 6) {
			/* The language's say.words are meant as words. */
			if (lang_word(utt_lang, "say.words", tok, len) == 0 &&
			    capitals(tok, raw, n, i))
				report(file, line, CAT_CAPITALS, tok);
		} else if (len >= 1 && len <= 3 && caps < len &&
		    strspn(tok, "abcdefghijklmnopqrstuvwxyz"
		    "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == len) {
			if (letters(tok, raw, n, i))
				report(file, line, CAT_LETTERS, tok);
		} else if ((caps = strspn(tok, "0123456789")) > 0 &&
		    (tok[caps] == '\0' || strcmp(tok + caps, "s") == 0)) {
			if (digits(tok, caps))
				report(file, line, CAT_DIGITS, tok);
		}
		free(tok);
	}
	free(raw);
}

/*
 * Read one speech dump.  Its first line names the language and voice
 * ("# speech: en, voice (from the language), ..."), the voice used
 * unless -v named one (then base_voice is set already).
 */
static void
dump(const char *path, bool voice_given)
{
	FILE		*f;
	char		*line = NULL, *text, *voice, *end;
	char		 pending[64] = "";
	size_t		 cap = 0, lineno = 0;
	ssize_t		 len;

	if (strcmp(path, "-") == 0)
		f = stdin;
	else if ((f = fopen(path, "r")) == NULL)
		die("%s: %s", path, strerror(errno));
	if (!voice_given)
		base_voice[0] = '\0';
	while ((len = getline(&line, &cap, f)) != -1) {
		lineno++;
		if (len > 0 && line[len - 1] == '\n')
			line[--len] = '\0';
		if (lineno == 1 && strncmp(line, "# speech: ", 10) == 0) {
			text = line + 10;
			text[strcspn(text, ",")] = '\0';
			snprintf(art_lang, sizeof(art_lang), "%s", text);
			if (voice_given)
				continue;
			voice = text + strlen(text) + 1;
			if (strncmp(voice, " voice ", 7) == 0 &&
			    voice[7] != '(') {
				voice += 7;
				if ((end = strchr(voice, ',')) != NULL)
					*end = '\0';
				if (set_voice(voice) == -1)
					die("%s: espeak-ng has no voice '%s'",
					    path, voice);
			} else if (set_language(text) == -1)
				die("%s: espeak-ng has no voice for '%s'",
				    path, text);
			snprintf(base_voice, sizeof(base_voice), "%s",
			    cur_voice);
			continue;
		}
		if (strncmp(line, "# language: ", 12) == 0)
			snprintf(pending, sizeof(pending), "%s", line + 12);
		if (line[0] == '#')
			continue;
		if (base_voice[0] == '\0')
			die("%s: not lector's speech text (its first line "
			    "is not \"# speech: ...\")", path);
		/* KIND, PAUSE, ID, then the text said. */
		text = line;
		for (len = 0; len < 3 && text != NULL; len++)
			if ((text = strchr(text, '\t')) != NULL)
				text++;
		if (text == NULL)
			continue;
		text[strcspn(text, "\t")] = '\0';
		/* A passage in another language, in its voice if any. */
		if (pending[0] != '\0' && set_language(pending) == -1)
			set_voice(base_voice);
		utt_lang = lang_get(pending[0] != '\0' ? pending : art_lang);
		pending[0] = '\0';
		utterance(path, lineno, text);
		set_voice(base_voice);
	}
	if (ferror(f))
		die("%s: %s", path, strerror(errno));
	free(line);
	if (f != stdin)
		fclose(f);
}

static int
by_count(const void *a, const void *b)
{
	const struct tally *x = a, *y = b;

	if (x->n != y->n)
		return x->n > y->n ? -1 : 1;
	return x->first < y->first ? -1 : x->first > y->first;
}

/* One line per category: how many, and the tokens, most found first. */
static void
summary(void)
{
	struct tallies	*t;
	size_t		 c, i;

	for (c = 0; c < CAT__MAX; c++) {
		t = &found[c];
		qsort(t->v, t->n, sizeof(*t->v), by_count);
		printf("# %s: %zu found, %zu distinct", cat_names[c],
		    t->total, t->n);
		for (i = 0; i < t->n; i++) {
			printf("%s %s (%zu)", i == 0 ? ":" : ",",
			    t->v[i].token, t->v[i].n);
			free(t->v[i].token);
		}
		putchar('\n');
		free(t->v);
	}
}

/* -p: each line of standard input as its phonemes. */
static void
lines(void)
{
	char		*line = NULL;
	size_t		 cap = 0;
	ssize_t		 len;

	while ((len = getline(&line, &cap, stdin)) != -1) {
		if (len > 0 && line[len - 1] == '\n')
			line[--len] = '\0';
		printf("%s\n", phonemes(line));
	}
	if (ferror(stdin))
		die("-: %s", strerror(errno));
	free(line);
}

int
main(int argc, char *argv[])
{
	const char	*voice = NULL;
	bool		 p_flag = false;
	size_t		 i;
	int		 c;

	while ((c = getopt(argc, argv, "pv:")) != -1)
		switch (c) {
		case 'p':
			p_flag = true;
			break;
		case 'v':
			voice = optarg;
			break;
		default:
			goto usage;
		}
	argc -= optind;
	argv += optind;
	if (p_flag != (argc == 0))
		goto usage;
	/* lector's language data: the tests run at the top of the tree. */
	setenv("LECTOR_DATADIR", "styles", 0);
	if (espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, NULL,
	    espeakINITIALIZE_DONT_EXIT) < 0)
		die("libespeak-ng cannot start (is espeak-ng-data "
		    "installed?)");
	if (voice != NULL && set_voice(voice) == -1)
		die("espeak-ng has no voice '%s'", voice);
	if (voice == NULL && p_flag && set_language("en") == -1)
		die("espeak-ng has no voice for English");
	if (voice != NULL)
		snprintf(base_voice, sizeof(base_voice), "%s", voice);
	if (p_flag)
		lines();
	else {
		for (i = 0; i < (size_t)argc; i++)
			dump(argv[i], voice != NULL);
		summary();
	}
	for (i = 0; i < cache_cap; i++) {
		free(cache[i].key);
		free(cache[i].phon);
	}
	free(cache);
	espeak_Terminate();
	if (fflush(stdout) != 0 || ferror(stdout))
		die("standard output: %s", strerror(errno));
	return 0;
usage:
	fputs("usage: misread [-v VOICE] FILE... | misread -p [-v VOICE]\n",
	    stderr);
	return 2;
}
