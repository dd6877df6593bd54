/* SPDX-License-Identifier: ISC */
#ifndef TEXT_H
#define TEXT_H

#include "common.h"

/*
 * Unicode facts the rest of lector needs, as a thin layer over utf8proc
 * (current Unicode data, no hand-made tables).  No function here depends on
 * the locale.  All strings are UTF-8 that the reader has already made
 * well formed; lengths are in bytes, widths in display columns.
 */

/*
 * The NFC form of len bytes of s, NUL-terminated, its length in *out_len.
 * Caller frees with free(3).  Malformed input is never passed here.
 */
char	*text_nfc(const char *s, size_t len, size_t *out_len);

/*
 * Byte offset of the grapheme-cluster boundary that follows the cluster
 * starting at pos (pos < len), per Unicode's extended grapheme clusters.
 */
size_t	 text_grapheme_next(const char *s, size_t len, size_t pos);

/*
 * Display columns of len bytes of s, measured per grapheme cluster: a
 * cluster is as wide as its widest code point (so combining marks, ZWJ and
 * variation selectors add nothing), East Asian wide and emoji are 2, and an
 * emoji variation selector or a pair of regional indicators makes 2.
 */
size_t	 text_cols(const char *s, size_t len);

/* The room text_fit() leaves for an ellipsis, "\u2026". */
#define TEXT_ELLIPSIS		"\xe2\x80\xa6"
#define TEXT_ELLIPSIS_LEN	3

/*
 * How much of len bytes of s to keep in a name made from text (a title,
 * a chapter): all of it if it fits in max_cols columns and max_bytes
 * bytes (0: no limit); else a shorter part that leaves room for an
 * ellipsis (one column, TEXT_ELLIPSIS_LEN bytes), which the caller adds:
 * up to the last whole word that fits, less any spaces or ",;:-" before
 * the cut, or, when not even the first word fits, up to the last
 * grapheme cluster that does.  Returns the length to keep.
 */
size_t	 text_fit(const char *s, size_t len, size_t max_cols,
	    size_t max_bytes);

/* General categories. */
bool	 text_is_upper(int32_t cp);	/* Lu, Lt */
bool	 text_is_lower(int32_t cp);	/* Ll */
bool	 text_is_letter(int32_t cp);	/* L* */
bool	 text_is_digit(int32_t cp);	/* Nd */
bool	 text_is_space(int32_t cp);	/* Zs, tab */
bool	 text_is_punct(int32_t cp);	/* P* */
bool	 text_is_currency(int32_t cp);	/* Sc */

/*
 * Whether cp is a noncharacter (U+FDD0..U+FDEF and the last two code
 * points of every plane): never text, and U+FFFE and U+FFFF are not even
 * XML characters.
 */
bool	 text_is_nonchar(int32_t cp);

/*
 * Whether len bytes of s are text every writer can take: not empty,
 * well-formed UTF-8 with no NUL, no control character (C0, DEL or C1,
 * tab and line feed included) and no noncharacter.
 */
bool	 text_is_clean(const char *s, size_t len);

/* Words in len bytes of s: runs of anything but spaces and tabs. */
size_t	 text_count_words(const char *s, size_t len);

/* Quotes and brackets that open or close a phrase (ASCII and curly). */
bool	 text_is_opener(int32_t cp);
bool	 text_is_closer(int32_t cp);

/* Simple (one code point) case mappings. */
int32_t	 text_tolower(int32_t cp);
int32_t	 text_toupper(int32_t cp);

struct buf;

/*
 * Whether the len bytes at w are a short word that, in capitals, is
 * still a word ("THE", "WITH"), not an acronym.
 */
bool	 text_is_capital_word(const char *w, size_t len);

/*
 * Whether the len bytes at w are an acronym: one to three capital
 * letters with digits or '&' (two characters at least) that are not a
 * capital word ("UK", "BBC", "G20", "M&S"; not "THE", not "A").  Longer
 * words in capitals cannot be told from words by their shape ("NATO",
 * "TIDE"): they are words, as news style sets them ("Nato").
 */
bool	 text_is_acronym(const char *w, size_t len);

/*
 * Append len bytes of s in sentence case: every letter in lower case but
 * the first of each sentence (after ". ", "! ", "? " or ": "), which
 * keeps its case ("WITH EACH" -> "With each"), and the words that keep
 * their capitals, the punctuation around them aside: acronyms ("IN THE
 * UK," -> "In the UK,"), Roman numerals ("CHAPTER XVIII", and "I") and
 * initials ("M.A.").  For lead-ins, which screen readers would spell out
 * letter by letter, and large print's blocks of capitals.
 */
void	 text_sentence_case(struct buf *, const char *s, size_t len);

/*
 * Whether len bytes of s are a block of capitals: no letter in lower
 * case, two words or more, and at least one of them a word in capitals
 * that text_sentence_case() would not keep ("THE ART OF WAR", "CHAPTER
 * IV"; not "BBC", "NATO", "UK GDP" or "C. D.": one word in capitals
 * cannot be told from an acronym).
 */
bool	 text_is_capitals(const char *s, size_t len);

/*
 * Append cp to b in ASCII, for old printers and embossers and for what a
 * braille table lacks: punctuation as its ASCII look-alike ("—" "--"),
 * letters as their base letter (utf8proc's compatibility decomposition
 * without marks), a few letters spelled out ("ß" "ss").  What has no
 * ASCII form (CJK, emoji) is appended as it is: nothing is dropped.
 */
void	 text_ascii(struct buf *b, int32_t cp);

struct lang;

/*
 * The end of the sentence that starts at pos in len bytes of s, in
 * language l (NULL: no language's abbreviations): the offset just past
 * its final punctuation (and any closing quotes), or len.  A sentence
 * ends at . ! ? or … followed by a space and a capital, a digit or an
 * opening quote; a full stop after an abbreviation does not end one: a
 * word with a full stop inside ("U.S."), a capital letter alone (an
 * initial), one of the language's (lang.h), or an ordinal's before a
 * word the language lists as ordinal-context ("am 3. Mai").
 */
size_t	 text_sentence_end(const struct lang *l, const char *s, size_t len,
	    size_t pos);

#endif /* TEXT_H */
