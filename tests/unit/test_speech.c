/* SPDX-License-Identifier: ISC */
/* Speech normalisation: what espeak-ng gets, for the misreadings fixed. */
#include "common.h"

#include <stdlib.h>

#include "buf.h"
#include "diag.h"
#include "harness.h"
#include "input.h"
#include "speech.h"
#include "tree.h"

static void
says(const char *lang, enum utt_kind kind, const char *in, const char *want)
{
	struct buf	 b = { 0 };

	speech_normalize(lang, kind, in, strlen(in), &b);
	CHECK_STR(b.data ? b.data : "", want, in);
	buf_free(&b);
}

/*
 * The chapters of a text: there are want of them, the first called
 * first, and every utterance is in one.
 */
static void
chapters(const char *what, const char *text, size_t want, const char *first)
{
	static bool		 ready;
	struct speech		 sp = { 0 };
	struct doc		*d;
	size_t			 i;
	bool			 inside = true;

	if (!ready && speech_setup() == -1)
		CHECK(false, "%s: the default speech profile", what);
	ready = true;
	d = input_text(text, strlen(text), "test.txt", NULL);
	speech_build(d, speech_profile(), &sp);
	CHECK(sp.nchapters == want, "%s: %zu chapter(s), not %zu", what, want,
	    sp.nchapters);
	CHECK_STR(sp.nchapters > 0 ? sp.chapters[0].title : NULL, first, what);
	for (i = 0; i < sp.n; i++)
		inside = inside && sp.utts[i].chapter < sp.nchapters;
	CHECK(inside && sp.n > 0, "%s: every utterance in a chapter", what);
	speech_free(&sp);
	doc_free(d);
}

int
main(void)
{
	harness_plan(35);
	diag_set_verbosity(-2);
	chapters("only a list", "- apples and pears\n- bread and milk\n", 1,
	    "apples and pears");
	chapters("only a quote", "> To be or not to be.\n> That is it.\n", 1,
	    "To be or not to be");
	/* The middle paragraph says nothing: its chapter gives way. */
	chapters("a paragraph of nothing sayable",
	    "Title: T\n\nIntro here.\n\n\xe2\x80\x8b\n\nBody text.\n",
	    3, "T");
	chapters("sections", "Head Line\n\nIntro.\n\nPart One\n\nText one."
	    "\n\nPart Two\n\nText two.\n", 3, "Head Line");
	says("en", UTT_SENTENCE, "just under $300 million in 2016",
	    "just under 300 million dollars in 20 16");
	says("en", UTT_SENTENCE, "a $9.6 million budget",
	    "a 9.6 million dollar budget");
	says("en", UTT_SENTENCE, "cost $380,000 in repairs",
	    "cost 380,000 dollars in repairs");
	says("en", UTT_SENTENCE, "Pernod - at 7.5bn euros ($9.7bn)",
	    "Pernod - at 7.5 billion euros (9.7 billion dollars)");
	says("en", UTT_SENTENCE, "worth \xc2\xa3" "5.7bn.",
	    "worth 5.7 billion pounds.");
	says("en", UTT_SENTENCE, "\xe2\x82\xac" "50 a ticket",
	    "50 euros a ticket");
	says("en", UTT_SENTENCE, "only $1 each", "only 1 dollar each");
	says("en", UTT_SENTENCE, "it was $4.50", "it was 4 dollars and 50 cents");
	says("en", UTT_SENTENCE, "raised $10m", "raised 10 million dollars");
	says("en", UTT_SENTENCE, "a leap of 16.87m", "a leap of 16.87 metres");
	says("es", UTT_SENTENCE, "cuesta \xe2\x82\xac" "20",
	    "cuesta 20 euros");
	says("en", UTT_SENTENCE, "cutting off U.S.\xc2\xa0" "aid",
	    "cutting off U.S. aid");
	says("en", UTT_SENTENCE, "two\xe2\x80\x83spaces\xe2\x80\xafhere",
	    "two spaces here");
	says("en", UTT_SENTENCE, "the \xe2\x80\x9cNational Emerg[enc]y\xe2\x80\x9d",
	    "the \xe2\x80\x9cNational Emergency\xe2\x80\x9d");
	says("en", UTT_SENTENCE, "[T]he rule [sic] stays",
	    "The rule [sic] stays");
	says("en", UTT_CREDIT, "Johan Ordonez/AFP/Getty Images",
	    "Johan Ordonez, A.F.P. and Getty Images");
	says("es", UTT_CREDIT, "Ana Ruiz/EFE", "Ana Ruiz y EFE");
	says("en", UTT_SENTENCE, "and/or 24/7 stay", "and or 24 7 stay");
	says("en", UTT_SENTENCE, "on 2026-02-03 at noon",
	    "on February 3, 20 26 at noon");
	says("es", UTT_SENTENCE, "el 2026-02-03", "el 3 de febrero de 2026");
	says("en", UTT_SENTENCE, "at No. 10 Downing Street",
	    "at number 10 Downing Street");
	says("en", UTT_SENTENCE, "No. It was not.", "No. It was not.");
	says("en", UTT_SENTENCE, "soft\xc2\xad" "hyphen", "softhyphen");
	return harness_done();
}
