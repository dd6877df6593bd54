/* SPDX-License-Identifier: ISC */
/*
 * The plain-text reader, one heuristic at a time: each case gives a text
 * and the outline of the tree it must become.
 */
#include "common.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "date.h"
#include "diag.h"
#include "harness.h"
#include "lang.h"
#include "text.h"
#include "input.h"
#include "tree.h"

static struct input_opts in;

/*
 * The outline of a body: one word per block, inline structure in
 * brackets: "caption[credit] p[lead-in] h2 list+[item item] quote[p p]".
 */
static void	 outline(struct buf *, const struct node *);

/* The outline of a sentence's children, as if they were its block's. */
static void
outline_inner(struct buf *b, const struct node *sentence, bool *inner)
{
	const struct node *k;

	for (k = sentence->first; k != NULL; k = k->next) {
		if (k->type == NODE_TEXT)
			continue;
		buf_puts(b, *inner ? " " : "[");
		*inner = true;
		outline(b, k);
	}
}

static void
outline(struct buf *b, const struct node *n)
{
	const struct node *k;
	bool		 inner = false;

	switch (n->type) {
	case NODE_PARAGRAPH:
		buf_puts(b, "p");
		break;
	case NODE_HEADING:
		buf_printf(b, "h%d", n->u.level);
		break;
	case NODE_LIST:
		buf_puts(b, n->u.list.ordered ? "list#" : "list");
		break;
	case NODE_BLOCKQUOTE:
		buf_puts(b, "quote");
		break;
	case NODE_THEMATIC_BREAK:
		buf_puts(b, "break");
		break;
	case NODE_TEXT:
		return;
	default:
		buf_puts(b, node_type_name(n->type));
		break;
	}
	for (k = n->first; k != NULL; k = k->next) {
		if (k->type == NODE_TEXT)
			continue;
		/* Sentences are seen through: test_sentence.c has them. */
		if (k->type == NODE_SENTENCE) {
			outline_inner(b, k, &inner);
			continue;
		}
		buf_puts(b, inner ? " " : "[");
		inner = true;
		outline(b, k);
	}
	if (inner)
		buf_puts(b, "]");
}

static struct doc *
parse(const char *text)
{
	diag_reset("test");
	return input_text(text, strlen(text), "dir/test-article.txt", &in);
}

static char *
body_outline(const struct doc *d)
{
	struct buf	 b = { 0 };
	const struct node *k;

	for (k = d->root->first; k != NULL; k = k->next) {
		if (k != d->root->first)
			buf_putc(&b, ' ');
		outline(&b, k);
	}
	return buf_steal(&b);
}

/* Parse text, check the tree is valid and its outline and title. */
static struct doc *
expect(const char *what, const char *text, const char *shape,
    const char *title)
{
	struct doc	*d;
	char		*got;
	const char	*broken;

	d = parse(text);
	broken = tree_check(d);
	CHECK(broken == NULL, "%s: valid tree%s%s", what,
	    broken ? ": " : "", broken ? broken : "");
	got = body_outline(d);
	CHECK_STR(got, shape, what);
	free(got);
	if (title != NULL)
		CHECK_STR(d->meta.title, title, what);
	return d;
}

static void
done(struct doc *d)
{
	doc_free(d);
}

static const char *
text_of(struct doc *d, const struct node *n)
{
	return node_text(d, n);
}

static void
test_top_matter(void)
{
	struct doc	*d;
	struct date	 date;

	d = expect("caption, credit and lead-in",
	    "Boats wait at the quay in the rain. (Ann Lee/Agency Images)\n\n"
	    "THE HARBOUR was quiet on Monday. Nobody came.\n\n"
	    "Second paragraph.\n",
	    "caption[credit] p[lead-in] p", "The harbour was quiet on Monday");
	CHECK_STR(text_of(d, d->root->first->last), "Ann Lee/Agency Images",
	    "credit text without parentheses");
	CHECK(d->meta.title_from == FROM_SENTENCE, "title from the sentence");
	CHECK_STR(text_of(d, d->root->first->next->first->first),
	    "THE HARBOUR",
	    "lead-in keeps its capitals in the tree");
	done(d);

	d = expect("headline, byline and date together",
	    "Big News Today\nBy Ann Lee and Bo Chen\nMarch 3, 2026\n\n"
	    "Body text here.\n", "byline p", "Big News Today");
	CHECK(d->meta.nauthors == 2, "two authors from the byline");
	CHECK_STR(d->meta.nauthors > 1 ? d->meta.authors[1] : NULL, "Bo Chen",
	    "second author");
	CHECK_STR(d->meta.date, "March 3, 2026", "date line");
	CHECK(d->meta.title_line == 1 && d->meta.date_line == 3,
	    "metadata lines");
	done(d);

	done(expect("headline, blank, paragraphs (the BBC shape)",
	    "Firm lifts profits\n\nShares rose.\n\nThey fell later.\n",
	    "p p", "Firm lifts profits"));
	done(expect("headline with subtitle under it",
	    "Main Headline\nA longer deck that explains it\n\nBody.\n",
	    "p", "Main Headline"));
	done(expect("a first line that is a sentence is not a headline",
	    "The council met on Tuesday.\n\nIt voted.\n", "p p",
	    "The council met on Tuesday"));
	done(expect("a lone line is the text, not a headline",
	    "Just one line\n", "p", "Just one line"));
	done(expect("byline with a desk after a comma",
	    "Headline Here\n\nBy Ann Lee, Staff Writer\n\nText.\n",
	    "byline p", "Headline Here"));
	done(expect("'By Monday, the ...' is a sentence, not a byline",
	    "Headline Here\n\nBy Monday, the council had voted.\n",
	    "p", "Headline Here"));
	d = expect("dates in other forms",
	    "Headline Here\n\n14 March 2026\n\nText.\n", "p", NULL);
	CHECK_STR(d->meta.date, "14 March 2026", "day month year");
	done(d);
	d = expect("Spanish date", "Titular del día\n\n3 de marzo de 2026\n\n"
	    "Texto.\n", "p", NULL);
	CHECK_STR(d->meta.date, "3 de marzo de 2026", "Spanish date");
	done(d);
	d = expect("ISO date and weekday with time",
	    "Headline Here\nMonday, 2 March 2026, 10:30 GMT\n\nText.\n", "p",
	    NULL);
	CHECK_STR(d->meta.date, "Monday, 2 March 2026, 10:30 GMT",
	    "weekday and time");
	done(d);
	done(expect("a caption needs a credit-like parenthesis",
	    "He said it (in jest) to the crowd.\n\nMore.\n", "p p", NULL));

	/* A day that is not in its month is no date. */
	d = expect("an impossible date is text",
	    "Headline Here\n\nFebruary 31, 2026\n\nText.\n", "p p", NULL);
	CHECK(d->meta.date == NULL, "February 31 is not the date");
	done(d);
	CHECK(date_parse("February 29, 2024", 17, &date) && date.day == 29,
	    "February 29 in a leap year");
	CHECK(!date_parse("February 29, 2023", 17, &date),
	    "no February 29 in 2023");
	CHECK(!date_parse("February 29, 1900", 17, &date),
	    "no February 29 in 1900");
	CHECK(date_parse("29 February 2000", 16, &date), "2000 was a leap year");
	CHECK(!date_parse("31 April 2026", 13, &date), "no April 31");
	CHECK(!date_parse("2026-06-31", 10, &date), "no June 31");
	CHECK(date_parse("2026-12-31", 10, &date) && date.month == 12,
	    "December 31");
}

static void
test_header(void)
{
	struct doc	*d;

	d = expect("header block",
	    "Title: The Title\nAuthor: Ann Lee\nDate: 2026-02-03\n"
	    "Language: es\nSource: The Courier\nSubtitle: Sub\n\nTexto.\n",
	    "p", "The Title");
	CHECK(d->meta.title_from == FROM_HEADER, "title from header");
	CHECK_STR(d->meta.language, "es", "language from header");
	CHECK_STR(d->meta.source, "The Courier", "source");
	CHECK_STR(d->meta.subtitle, "Sub", "subtitle");
	CHECK(d->meta.nauthors == 1, "one author");
	done(d);

	done(expect("an unknown key means no header block",
	    "Breaking: storm hits coast\n\nText follows.\n", "p",
	    "Breaking: storm hits coast"));

	d = expect("language name", "Title: T\nLanguage: Spanish\n\nHola.\n",
	    "p", "T");
	CHECK_STR(d->meta.language, "es", "Spanish is es");
	done(d);
	d = expect("bad language", "Title: T\nLanguage: not a tag\n\nHi.\n",
	    "p", "T");
	CHECK_STR(d->meta.language, "en", "bad language falls back to en");
	CHECK(diag_warnings() == 1, "bad language warns");
	done(d);

	d = expect("headline repeated under the header",
	    "Title: Same Title\n\nSame Title\n\nText.\n", "p", "Same Title");
	CHECK(d->meta.subtitle == NULL, "repeated headline is the title");
	done(d);
}

static void
test_blocks(void)
{
	struct doc	*d;

	done(expect("subheadings, lists, quote and break",
	    "Headline Here\n\nIntro paragraph.\n\nFirst Section\n\n"
	    "Text before a list:\n- one\n- two\n\n> quoted line\n> more\n\n"
	    "* * *\n\n1. first\n2. second\n\nEnd.\n",
	    "p h2 p list[item item] quote[p] break list#[item item] p", NULL));
	done(expect("a short line followed by lower case is not a heading",
	    "Headline Here\n\nIntro.\n\nDouble Olympic champion\n\n"
	    "marked her first appearance.\n", "p p p", NULL));
	done(expect("one paragraph per line, no blank lines",
	    "Market Grows Again\n"
	    "First paragraph is long enough that no one would wrap a line "
	    "there, it goes on and on past a hundred columns for sure.\n"
	    "Second paragraph is long enough that no one would wrap a line "
	    "there, it goes on and on past a hundred columns too.\n",
	    "p p", "Market Grows Again"));
	done(expect("hard-wrapped paragraphs without blank lines",
	    "The council met on Tuesday evening to debate the budget for\n"
	    "the coming year, which has grown by four percent.\n"
	    "Members argued for three hours before they agreed on a plan\n"
	    "that keeps the library open on Sundays.\n",
	    "p p", NULL));
	done(expect("a drawing alone: titled by its first line",
	    "+--+--+\n|  |  |\n+--+--+\n", "preformatted", "+--+--+"));
	done(expect("a quote in a quote",
	    "Intro.\n\n> > inner\n> outer\n", "p quote[quote[p] p]", NULL));
	done(expect("a mail: Subject is the title, a signature back matter",
	    "From: ann@example.org (Ann Lee)\nSubject: Hello there\n\n"
	    "Body text here.\n\n-- \nAnn\n", "p back-matter[p]",
	    "Hello there"));
	d = expect("hyphen at a line end joins the word",
	    "The well-\nknown bridge was closed on\nTuesday.\n", "p", NULL);
	CHECK_STR(text_of(d, d->root->first),
	    "The well-known bridge was closed on Tuesday.", "hyphen join");
	done(d);
	d = expect("quote with two paragraphs",
	    "Intro.\n\n> first\n>\n> second\n", "p quote[p p]", NULL);
	done(d);
	d = expect("ordered list start", "Intro.\n\n3. three\n4. four\n",
	    "p list#[item item]", NULL);
	CHECK(d->root->last->u.list.start == 3, "list starts at 3");
	done(d);
	d = expect("indented continuation of an item",
	    "Intro.\n\n- an item that\n  goes on\n- next\n",
	    "p list[item item]", NULL);
	CHECK_STR(text_of(d, d->root->last->first), "an item that goes on",
	    "continuation joined");
	done(d);
}

/* A lead-in's text in sentence case is want. */
static void
sentence_case(const char *what, const char *text, const char *want)
{
	struct buf	 b = { 0 };

	text_sentence_case(&b, text, strlen(text));
	buf_putc(&b, '\0');
	CHECK_STR(b.data, want, what);
	buf_free(&b);
}

static void
test_inlines(void)
{
	struct doc	*d;

	d = expect("emphasis and strong",
	    "This is *very* important and **bold** here; snake_case_name "
	    "and 2 * 3 stay.\n", "p[emphasis strong]", NULL);
	CHECK_STR(text_of(d, d->root->first),
	    "This is very important and bold here; snake_case_name and "
	    "2 * 3 stay.", "markers removed, words kept");
	done(d);
	d = expect("links", "See https://example.org/page. Or www.example.com"
	    ", thanks.\n", "p[link link]", NULL);
	CHECK_STR(d->root->first->first->first->next->u.href,
	    "https://example.org/page", "final full stop is not in the link");
	CHECK_STR(d->root->first->last->last->prev->u.href,
	    "http://www.example.com", "www. gets http://");
	done(d);
	done(expect("no lead-in for acronyms", "Intro Line Here\n\n"
	    "UK GDP grew by 2% last year.\n", "p", NULL));
	done(expect("no lead-in for a dateline", "Intro Line Here\n\n"
	    "NEW YORK — The city woke.\n", "p", NULL));
	done(expect("lead-in only in the first paragraph", "Intro Line Here\n\n"
	    "First one.\n\nIT WAS the second.\n", "p p", NULL));
	done(expect("no lead-in of a word and acronyms", "Intro Line Here\n\n"
	    "A UK TV channel showed the match.\n", "p", NULL));
	done(expect("a lead-in with an acronym", "Intro Line Here\n\n"
	    "IN THE UK the game is followed by millions.\n", "p[lead-in]",
	    NULL));
	sentence_case("acronyms keep their capitals", "IN THE UK", "In the UK");
	sentence_case("words do not", "WITH EACH", "With each");
	sentence_case("nor do short words", "A NEW DAY", "A new day");
	sentence_case("nor longer ones", "WHEN THE TIDE", "When the tide");
	sentence_case("numbers in acronyms", "THE G20 AND BBC",
	    "The G20 and BBC");
	sentence_case("an acronym before a comma", "IN THE UK, PRICES",
	    "In the UK, prices");
	sentence_case("Roman numerals and I", "CHAPTER XVIII. WHAT I SAW",
	    "Chapter XVIII. What I saw");
	sentence_case("initials", "LIONEL GILES, M.A., AND THE U.S.",
	    "Lionel giles, M.A., and the U.S.");
	sentence_case("short words of a title", "THE ART OF WAR",
	    "The art of war");
	sentence_case("each sentence starts with a capital",
	    "STAVE I: MARLEY'S GHOST. IT WAS COLD!",
	    "Stave I: Marley's ghost. It was cold!");
	CHECK(text_is_capitals("THE ART OF WAR", 14) &&
	    text_is_capitals("CHAPTER IV", 10), "blocks of capitals");
	CHECK(!text_is_capitals("BBC", 3) && !text_is_capitals("NATO", 4) &&
	    !text_is_capitals("UK GDP", 6) && !text_is_capitals("C. D.", 5),
	    "an acronym, one word, acronyms alone are not");
	CHECK(!text_is_capitals("THE ART of war", 14) &&
	    !text_is_capitals("老图书馆", 12), "nor is mixed case, nor Han");
	done(expect("data lines are not headings", "Intro Line Here\n\n"
	    "The game was played.\n\nAttendance: 45,000\n\nHe was "
	    "pleased.\n\nRovers 3-1 United\n\nNext.\n\n2004-05\n\n"
	    "More.\n\n14 May 2005\n\nLast.\n\nThe Season Ahead\n\n"
	    "End.\n", "p p p p p p p p p h2 p", NULL));
}

static void
test_meta(void)
{
	struct doc	*d;
	char		 tag[64];
	const char	*authors[] = { "Option Author" };

	done(expect("title from a sentence keeps abbreviations",
	    "Mr. Smith went to Washington. He stayed.\n", "p",
	    "Mr. Smith went to Washington"));
	done(expect("long first sentence is cut at a word",
	    "This opening sentence of the article runs on for a long while, "
	    "well past the point where a title should end, and further.\n",
	    "p", "This opening sentence of the article runs on for a long "
	    "while, well past the\xe2\x80\xa6"));

	in.meta.title = "Option Title";
	in.meta.authors = authors;
	in.meta.nauthors = 1;
	in.meta.lang = "fr";
	d = expect("options win, the headline is kept as subtitle",
	    "The Headline\nBy Ann Lee\n\nTexte.\n", "byline p", "Option Title");
	CHECK_STR(d->meta.subtitle, "The Headline", "headline kept");
	CHECK(d->meta.nauthors == 1, "option author only");
	CHECK_STR(d->meta.language, "fr", "option language");
	done(d);
	memset(&in, 0, sizeof(in));

	CHECK(lang_parse_tag("pt_br", 5, tag, sizeof(tag)) &&
	    strcmp(tag, "pt-BR") == 0, "pt_br is pt-BR");
	CHECK(lang_parse_tag("ZH-hant", 7, tag, sizeof(tag)) &&
	    strcmp(tag, "zh-Hant") == 0, "zh-Hant");
	CHECK(lang_parse_tag("English", 7, tag, sizeof(tag)) &&
	    strcmp(tag, "en") == 0, "English is en");
	CHECK(!lang_parse_tag("x", 1, tag, sizeof(tag)), "x is no tag");
	CHECK(!lang_parse_tag("en-", 3, tag, sizeof(tag)), "en- is no tag");
	CHECK(!lang_parse_tag("e n", 3, tag, sizeof(tag)), "space in a tag");
}

int
main(void)
{
	harness_plan(154);
	diag_set_verbosity(-2);
	test_top_matter();
	test_header();
	test_blocks();
	test_inlines();
	test_meta();
	return harness_done();
}
