/* SPDX-License-Identifier: ISC */
#ifndef LANG_H
#define LANG_H

#include "common.h"

/*
 * What lector knows of a language, as data: styles/language/TAG.conf,
 * found by the primary subtag of a BCP 47 tag ("pt-BR" reads pt.conf).
 * A language without a file is known to have no facts: its text is
 * still read, by the rules that hold for every language, and its labels
 * come in English.
 *
 *	names = spanish español		names people write for it (in a
 *					header's Language: line)
 *	iso639-2 = spa			its three-letter code (ID3 tags)
 *	voice = es			the espeak-ng voice, and one for a
 *	voice.MX = es-419		region ("es-MX")
 *	direction = rtl			written right to left (default ltr)
 *	label.KEY = Text		the words lector adds (labels.h)
 *	abbreviations = Sr Sra ...	words a full stop does not end a
 *					sentence after (repeatable)
 *	no-break-after = Mr Dr ...	words a line never ends after: a
 *					title stays with the name it goes
 *					with (repeatable)
 *	say.KEY = ...			how numbers, symbols and
 *					abbreviations are said (say.c;
 *					README: Speech rules)
 */
struct lang;

/*
 * Check that lector's language data can be found (English at least), for
 * main() before any work.  Returns 0, or -1 after one line on standard
 * error.
 */
int			 lang_setup(void);

/*
 * The facts of the language tagged tag, read once per process and kept
 * until it ends (never NULL).  A file that cannot be read or parsed is
 * said on standard error once and counts as empty.
 */
const struct lang	*lang_get(const char *tag);

/* The primary subtag the facts are of ("pt"). */
const char		*lang_tag(const struct lang *);

/* Whether the len bytes at word are one of the language's abbreviations. */
bool			 lang_is_abbreviation(const struct lang *,
			    const char *word, size_t len);

/*
 * Whether a line must not break after the len bytes at word: one of the
 * language's no-break-after words ("Mr", "Dr"), as written or with a
 * full stop after it ("Mr.").
 */
bool			 lang_holds_next(const struct lang *,
			    const char *word, size_t len);

/*
 * The nth value (from 0) of key, a key a file may give more than once
 * ("say.money"), or NULL past the last.
 */
const char		*lang_value(const struct lang *, const char *key,
			    size_t nth);

/*
 * The place (from 1) of the len bytes at word among the words of every
 * value of key, as written (case counts); 0 if it is not one.
 */
size_t			 lang_word(const struct lang *, const char *key,
			    const char *word, size_t len);

/*
 * The word at place (from 1) among the words of key's values, its length
 * in *len; NULL if there are fewer.
 */
const char		*lang_nth_word(const struct lang *, const char *key,
			    size_t place, size_t *len);

/*
 * The language's text for label key ("photo-caption"), or NULL if its
 * file has none.
 */
const char		*lang_label(const struct lang *, const char *key);

/*
 * The espeak-ng voice for the language in region (an upper-case region
 * subtag, "MX", or NULL): the region's, else the language's; NULL if the
 * file names none.
 */
const char		*lang_voice(const struct lang *, const char *region);

/*
 * The espeak-ng voices to try for the language tagged tag, best first,
 * into try: the region's voice ("pt-BR": the file's voice.BR), the
 * language's voice when the tag names no region, the whole tag in lower
 * case (written into lower, lowersz bytes), the language's voice, then
 * the primary subtag.  Returns how many, at most LANG_VOICES.
 */
#define LANG_VOICES	4
size_t			 lang_voices(const char *tag, char *lower,
			    size_t lowersz, const char *try[LANG_VOICES]);

/* Whether the language is written right to left. */
bool			 lang_rtl(const struct lang *);

/* The ISO 639-2 code ("spa"), or "und" if the file gives none. */
const char		*lang_iso639_2(const struct lang *);

/*
 * Write the BCP 47 tag for s (len bytes) into out (outsz bytes) in its
 * usual case ("pt-BR"), from a tag or from a name a language file lists
 * ("Spanish", "español").  Returns false if s is neither or does not
 * fit.
 */
bool			 lang_parse_tag(const char *s, size_t len, char *out,
			    size_t outsz);

#endif /* LANG_H */
