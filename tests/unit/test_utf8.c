/* SPDX-License-Identifier: ISC */
/* UTF-8 decoding, encoding and validation, and the Unicode layer. */
#include "common.h"

#include <stdlib.h>

#include "buf.h"
#include "harness.h"
#include "lang.h"
#include "text.h"
#include "utf8.h"

static void
test_decode(void)
{
	int32_t	 cp;

	CHECK(utf8_decode("A", 1, &cp) == 1 && cp == 'A', "ASCII");
	CHECK(utf8_decode("\xc2\xa3", 2, &cp) == 2 && cp == 0xa3, "pound");
	CHECK(utf8_decode("\xe2\x80\x94", 3, &cp) == 3 && cp == 0x2014,
	    "em dash");
	CHECK(utf8_decode("\xf0\x9f\x8e\x89", 4, &cp) == 4 &&
	    cp == 0x1f389, "emoji");
	CHECK(utf8_decode("\xc0\xaf", 2, &cp) == 0, "overlong 2 bytes");
	CHECK(utf8_decode("\xe0\x80\xaf", 3, &cp) == 0, "overlong 3 bytes");
	CHECK(utf8_decode("\xed\xa0\x80", 3, &cp) == 0, "surrogate");
	CHECK(utf8_decode("\xf4\x90\x80\x80", 4, &cp) == 0, "above U+10FFFF");
	CHECK(utf8_decode("\xe2\x80", 2, &cp) == 0, "truncated");
	CHECK(utf8_decode("\x80", 1, &cp) == 0, "lone continuation");
	CHECK(utf8_decode("\xa3", 1, &cp) == 0, "Latin-1 pound");
	CHECK(utf8_next("\xff", 1, &cp) == 1 && cp == 0xfffd,
	    "utf8_next makes U+FFFD");
	CHECK(utf8_valid("caf\xc3\xa9", 5), "valid string");
	CHECK(!utf8_valid("caf\xe9", 4), "invalid string");
}

static void
test_put(void)
{
	struct buf	 b = { 0 };
	int32_t		 cps[] = { 'a', 0xe9, 0x20ac, 0x1f600, 0xd800, -1 };
	size_t		 i;

	for (i = 0; i < sizeof(cps) / sizeof(cps[0]); i++)
		utf8_put(&b, cps[i]);
	CHECK_STR(b.data, "a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80"
	    "\xef\xbf\xbd\xef\xbf\xbd", "encode, bad values as U+FFFD");
	buf_free(&b);
}

static size_t
cols(const char *s)
{
	return text_cols(s, strlen(s));
}

static void
test_text(void)
{
	char	*s;
	size_t	 n;

	CHECK(cols("hello") == 5, "ASCII width");
	CHECK(cols("caf\xc3\xa9") == 4, "precomposed e acute");
	CHECK(cols("cafe\xcc\x81") == 4, "combining acute adds nothing");
	CHECK(cols("\xe6\x97\xa5\xe6\x9c\xac") == 4, "two CJK ideographs");
	CHECK(cols("\xef\xbc\xa1") == 2, "fullwidth A");
	CHECK(cols("\xf0\x9f\x8e\x89") == 2, "emoji");
	CHECK(cols("\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd") == 2,
	    "emoji with skin tone");
	CHECK(cols("\xf0\x9f\x87\xaf\xf0\x9f\x87\xb5") == 2, "flag");
	CHECK(cols("\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d"
	    "\xf0\x9f\x91\xa7") == 2, "ZWJ family");
	CHECK(cols("\xe2\x9d\xa4\xef\xb8\x8f") == 2, "heart with VS16");
	CHECK(text_grapheme_next("e\xcc\x81x", 4, 0) == 3,
	    "grapheme spans the combining mark");
	CHECK(text_grapheme_next("\xf0\x9f\x87\xaf\xf0\x9f\x87\xb5!", 9, 0)
	    == 8, "flag is one grapheme");

	s = text_nfc("cafe\xcc\x81", 6, &n);
	CHECK(n == 5 && memcmp(s, "caf\xc3\xa9", 5) == 0, "NFC composes");
	free(s);
	s = text_nfc("plain", 5, &n);
	CHECK(n == 5 && strcmp(s, "plain") == 0, "NFC of ASCII");
	free(s);

	CHECK(text_is_upper('A') && !text_is_upper('a'), "upper");
	CHECK(text_is_upper(0xc9) && text_is_lower(0xe9), "accented case");
	CHECK(text_is_space(0xa0) && text_is_space('\t') &&
	    !text_is_space('x'), "no-break space is a space");
	CHECK(text_is_punct(0x201c) && text_is_punct('.') &&
	    !text_is_punct('a'), "punctuation");
	CHECK(text_tolower(0xc9) == 0xe9, "lower-case E acute");
}

static void
test_sentences(void)
{
	const struct lang *en = lang_get("en"), *es = lang_get("es-MX");
	const char	*s = "Mr. Smith met Dr. Jones in the U.S. today. "
	    "\xe2\x80\x9cWhy?\xe2\x80\x9d he asked. 3 more came! "
	    "it ended. ok";
	const char	*t;
	size_t		 len = strlen(s), e;

	e = text_sentence_end(en, s, len, 0);
	CHECK(e == 42, "abbreviations do not end a sentence (%zu)", e);
	e = text_sentence_end(en, s, len, 43);
	CHECK(e == 63, "a quoted question and lower case go on (%zu)", e);
	CHECK(s[64] == '3', "a digit starts a sentence");
	e = text_sentence_end(en, s, len, 64);
	CHECK(e == len, "lower case after ! and . goes on (%zu)", e);
	e = text_sentence_end(en, "He said \"No.\" Then left.", 25, 0);
	CHECK(e == 13, "closing quote after the full stop (%zu)", e);

	/* A short word is not an abbreviation for being short. */
	t = "They took it from it. I don't know why. So it is.";
	e = text_sentence_end(en, t, strlen(t), 0);
	CHECK(e == 21, "a two-letter word ends a sentence (%zu)", e);
	t = "We met at 10 am. Up we went. He is in. Go.";
	e = text_sentence_end(en, t, strlen(t), 0);
	CHECK(e == 16, "\"am\" ends a sentence (%zu)", e);
	t = "George W. Bush spoke. Then he left.";
	e = text_sentence_end(en, t, strlen(t), 0);
	CHECK(e == 21, "an initial does not end one (%zu)", e);
	t = "He met (Mr. Li) today. Fine.";
	e = text_sentence_end(en, t, strlen(t), 0);
	CHECK(e == 22, "an abbreviation after a bracket (%zu)", e);

	/* Each language its own list. */
	t = "La Sra. Ruiz vino. Luego se fue.";
	e = text_sentence_end(es, t, strlen(t), 0);
	CHECK(e == 18, "Spanish: Sra. is an abbreviation (%zu)", e);
	e = text_sentence_end(en, t, strlen(t), 0);
	CHECK(e == 7, "English does not know Sra. (%zu)", e);
	t = "Mr. Li came. He sat.";
	e = text_sentence_end(es, t, strlen(t), 0);
	CHECK(e == 3, "Spanish does not know Mr. (%zu)", e);
	e = text_sentence_end(lang_get("tlh"), t, strlen(t), 0);
	CHECK(e == 3, "a language without data has no abbreviations (%zu)",
	    e);
	e = text_sentence_end(NULL, t, strlen(t), 0);
	CHECK(e == 3, "no language: no abbreviations (%zu)", e);
	CHECK(lang_get("EN-gb") == en, "a language is read once, by its "
	    "primary subtag");
}

int
main(void)
{
	harness_plan(49);
	test_decode();
	test_sentences();
	test_put();
	test_text();
	return harness_done();
}
