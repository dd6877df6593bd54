/* SPDX-License-Identifier: ISC */
/*
 * The line filler: where lines break (UAX #14 with the language's
 * no-break words), what a break drops and adds, the marker, and the
 * paged layout's keeping of headings with what follows them.
 */
#include "common.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "harness.h"
#include "lang.h"
#include "layout.h"
#include "text.h"
#include "wrap.h"
#include "xalloc.h"

#define MARKER	"\xe2\x86\x92"	/* → */

/*
 * The lines of text at width cols in language tag, filled as flags say
 * (enum wrap_flags), joined by '|'.
 */
static char *
lines_of(const char *tag, const char *text, size_t cols, unsigned flags)
{
	struct wrap_lines l = { 0 };
	struct buf	 b = { 0 };
	size_t		 i;

	wrap_text(tag != NULL ? lang_get(tag) : NULL, text, strlen(text),
	    cols, cols, flags != 0 ? "\"" : MARKER, flags, &l);
	for (i = 0; i < l.n; i++) {
		if (i > 0)
			buf_putc(&b, '|');
		buf_put(&b, l.v[i].s, l.v[i].len);
	}
	wrap_lines_free(&l);
	buf_putc(&b, '\0');
	return b.data;
}

static void
want(const char *tag, const char *text, size_t cols, const char *lines,
    const char *what)
{
	char	*got = lines_of(tag, text, cols, 0);

	CHECK_STR(got, lines, what);
	free(got);
}

/* Whether a line of got ('|' between lines) starts with one of set. */
static bool
a_line_starts(const char *got, const char *const *set)
{
	const char	*p;
	size_t		 k;

	for (k = 0; set[k] != NULL; k++) {
		if (strncmp(got, set[k], strlen(set[k])) == 0)
			return true;
		for (p = got; (p = strchr(p, '|')) != NULL; p++)
			if (strncmp(p + 1, set[k], strlen(set[k])) == 0)
				return true;
	}
	return false;
}

static void
test_chinese(void)
{
	/* Our own text, with punctuation every few characters. */
	static const char *const closers[] = { "，", "。", "、", "；", "：",
	    "？", "！", "」", "』", "）", "》", NULL };
	const char	*zh = "经过将近两年的修缮，河湾镇的老图书馆终于在上周六重新向市民开放。"
	    "开馆当天清晨，馆外的石阶上就排起了长队，有推着婴儿车的年轻"
	    "父母，也有拄着拐杖、特意换上新衣服的老人。一位退休教师说："
	    "「我小时候就在这里借书，那时候的书架是木头做的。」";
	char		*got, *joined;
	size_t		 cols, i, k, worst = 0;
	bool		 closer = false, marker = false, opener = false;

	for (cols = 8; cols <= 40; cols++) {
		got = lines_of("zh", zh, cols, 0);
		if (strstr(got, MARKER) != NULL)
			marker = true;
		if (a_line_starts(got, closers))
			closer = true;
		if (strstr(got, "「|") != NULL)
			opener = true;
		/* Joined again, the lines are the text: nothing added. */
		joined = xstrdup(got);
		for (i = k = 0; joined[i] != '\0'; i++)
			if (joined[i] != '|')
				joined[k++] = joined[i];
		joined[k] = '\0';
		if (strcmp(joined, zh) != 0)
			worst = cols;
		free(joined);
		free(got);
	}
	CHECK(!marker, "Chinese: breaks between ideographs, no marker");
	CHECK(!closer, "Chinese: no line starts with closing punctuation");
	CHECK(!opener, "Chinese: no line ends with opening punctuation");
	CHECK(worst == 0, "Chinese: the lines joined are the text, nothing "
	    "added (0, or the widest width that differs: %zu)", worst);
	want("zh", "老图书馆终于在上周六重新开放。", 14,
	    "老图书馆终于在|上周六重新开|放。", "Chinese: seven a line");
	/* 。 cannot start a line: the ideograph before it goes too. */
	want("zh", "一二三四五六。七八", 12, "一二三四五|六。七八",
	    "Chinese: full stop kept with the ideograph before it");
	/* "他说：「" fills 8 columns, but 「 cannot end a line. */
	want("zh", "他说：「我们走吧」。", 8, "他说：|「我们走|吧」。",
	    "Chinese: an opening bracket goes with what it opens");
	want(NULL, "一二三四五六七八", 8, "一二三四|五六七八",
	    "no language: ideographs still break");
}

static void
test_japanese(void)
{
	want("ja", "駅前の小さな本屋は、今年で創業五十年を迎えた。", 16,
	    "駅前の小さな本屋|は、今年で創業五|十年を迎えた。",
	    "Japanese: kana and kanji break, the comma stays");
}

static void
test_spaces(void)
{
	want("en", "one two three four", 9, "one two|three|four",
	    "a space at a break is dropped");
	want("en", "aaaa bbbb", 4, "aaaa|bbbb", "words that fill the line");
	want("en", "a Pneumonoultramicroscopic b", 10,
	    "a|Pneumonou" MARKER "|ltramicro" MARKER "|scopic b",
	    "a word wider than the line is cut, with the marker");
	want("en", "well-known words", 11, "well-known|words",
	    "a hyphenated word fits whole");
	want("en", "extraordinarily well-known", 20,
	    "extraordinarily|well-known", "the least raggedness");
	want("en", "a well-known and/or 40-minute trip", 13,
	    "a well-known|and/or|40-minute|trip",
	    "no word split at its hyphen or slash when it fits a line");
	want("en", "see state-of-the-art-machines", 10,
	    "see|state-of-|the-art-|machines",
	    "a compound wider than the line breaks at its hyphens");
	want("ko", "“바람이 오면 나도 간다”", 10, "“바람이|오면 나도|간다”",
	    "Korean: words are not broken between their syllables");
	want("en", "a \"b\" //////// c", 8, "a \"b\"|////////|c",
	    "a run UAX #14 holds across a space breaks there, not cut");
	want("en", "https://www.example.org/news/world", 20,
	    "https://|www.example.org/|news/world",
	    "a long link breaks after a slash, not with the marker");
	want("en", "the co\xc2\xadoperative is here", 8,
	    "the|co\xc2\xadoper" MARKER "|ative is|here",
	    "no break at a soft hyphen: nothing is hyphenated");
	want("en", "first\xe2\x80\xa8second third", 40,
	    "first|second third", "a line separator ends a line");
	want("en", "a flag \xf0\x9f\x87\xaf\xf0\x9f\x87\xb5\xf0\x9f\x87\xaf"
	    "\xf0\x9f\x87\xb5 here", 6,
	    "a flag|\xf0\x9f\x87\xaf\xf0\x9f\x87\xb5\xf0\x9f\x87\xaf"
	    "\xf0\x9f\x87\xb5|here", "flags are not cut in half");
	want("en", "ok \xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd\xf0\x9f\x91\x8d"
	    "\xf0\x9f\x8f\xbd\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd", 4,
	    "ok|\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd\xf0\x9f\x91\x8d"
	    "\xf0\x9f\x8f\xbd|\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd",
	    "an emoji keeps its skin tone");
	want("en", "に\xe3\x80\x80小さな", 6, "に　小|さな",
	    "an ideographic space is kept inside a line");
}

static void
test_holds(void)
{
	want("en", "I met Mr Smith today", 8, "I met|Mr Smith|today",
	    "Mr stays with Smith");
	want("en", "I met Mr. Smith today", 9, "I met|Mr. Smith|today",
	    "Mr. stays with Smith");
	want("en", "we saw Dr Jones at St Paul's", 10,
	    "we saw|Dr Jones|at|St Paul's", "Dr and St stay with the name");
	want("en", "(Mr Smith)", 6, "(Mr|Smith)",
	    "a title and a name that do not fit one line still break");
	want(NULL, "I met Mr Smith today", 8, "I met Mr|Smith|today",
	    "no language, no no-break words");
	want("fr", "avec M. Dupont et Mme Roux", 9,
	    "avec|M. Dupont|et|Mme Roux", "French: M. and Mme");
	want("de", "mit Frau Weber und Hr. Roth", 10,
	    "mit|Frau Weber|und|Hr. Roth", "German: Frau and Hr.");
	CHECK(lang_holds_next(lang_get("es"), "Sra.", 4) &&
	    !lang_holds_next(lang_get("es"), "casa", 4),
	    "Spanish: Sra. holds, casa does not");
}

/* Blocks of lines a-z for the pagination test. */
static void
block(struct layout *l, unsigned flags, size_t n, const char *name)
{
	char	 s[64];
	size_t	 i;

	layout_block(l, flags);
	for (i = 0; i < n; i++) {
		snprintf(s, sizeof(s), "%s %zu", name, i + 1);
		layout_line(l, s);
	}
}

static void
number(void *arg, size_t n, size_t of, struct buf *out)
{
	(void)arg;
	buf_printf(out, "Page %zu of %zu", n, of);
}

static void
test_stacked_headings(void)
{
	struct device	 dev;
	struct layout	*l;
	struct buf	 out = { 0 };
	const char	*p1;

	memset(&dev, 0, sizeof(dev));
	dev.width = 40;
	dev.page_lines = 16;	/* a blank line and the number aside */
	dev.line_spacing = 1;
	dev.page_number = PAGE_NUMBER_BOTTOM;
	dev.marker = MARKER;
	dev.ellipsis = "...";
	dev.number = number;
	l = layout_new(&dev, NULL);
	/*
	 * 14 text rows a page: 8 of a paragraph, a gap, heading A (2), a
	 * gap, heading B (2) fill one, and the text after them would start
	 * on the next: both headings must go there with it.
	 */
	block(l, BLOCK_SPLIT, 8, "para");
	block(l, BLOCK_GAP | BLOCK_KEEP, 2, "head A");
	block(l, BLOCK_GAP | BLOCK_KEEP, 2, "head B");
	block(l, BLOCK_GAP | BLOCK_SPLIT, 4, "text");
	layout_render(l, &out);
	p1 = strstr(out.data, "Page 1 of");
	CHECK(p1 != NULL && strstr(out.data, "head A") > p1 &&
	    strstr(out.data, "head B") > p1,
	    "two stacked headings go to the next page together");
	CHECK(strstr(out.data, "head A 2\n\nhead B 1") != NULL &&
	    strstr(out.data, "head B 2\n\ntext 1") != NULL,
	    "and stay with the text after them");
	layout_free(l);
	buf_free(&out);
}

/*
 * Braille ASCII: "," is the capital sign and "!" the word "the", which
 * UAX #14 would hold to the word before; lines break at spaces alone
 * and fill greedily, and a word longer than a line is cut with the
 * marker ('"' here, UEB's line continuation indicator).
 */
static void
test_braille(void)
{
	unsigned	 f = WRAP_SPACES | WRAP_GREEDY;
	char		*got;

	got = lines_of(NULL, ",! ,trump's 8quote0 & ,- `l#e", 12, f);
	CHECK_STR(got, ",! ,trump's|8quote0 & ,-|`l#e",
	    "braille: breaks at spaces, before ',' and '!' too");
	free(got);
	got = lines_of(NULL, "aaa bb cc dddd", 6, f);
	CHECK_STR(got, "aaa bb|cc|dddd", "braille: each line as full as "
	    "it goes");
	free(got);
	got = lines_of(NULL, "aaa bb cc dddd", 6, 0);
	CHECK_STR(got, "aaa|bb cc|dddd", "print: the least raggedness");
	free(got);
	got = lines_of(NULL, "a abcdefghijklmnopq", 8, f);
	CHECK_STR(got, "a|abcdefg\"|hijklmn\"|opq",
	    "braille: a word longer than a line is cut, marked");
	free(got);
}

int
main(void)
{
	harness_plan(38);
	test_chinese();
	test_japanese();
	test_spaces();
	test_holds();
	test_stacked_headings();
	test_braille();
	return harness_done();
}
