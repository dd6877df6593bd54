/* SPDX-License-Identifier: ISC */
/* Speech normalisation: what espeak-ng gets, for the misreadings fixed. */
#include "common.h"

#include <stdlib.h>

#include "buf.h"
#include "diag.h"
#include "harness.h"
#include "speech.h"

static void
says(const char *lang, enum utt_kind kind, const char *in, const char *want)
{
	struct buf	 b = { 0 };

	speech_normalize(lang, kind, in, strlen(in), &b);
	CHECK_STR(b.data ? b.data : "", want, in);
	buf_free(&b);
}

int
main(void)
{
	diag_set_verbosity(-2);
	says("en", UTT_SENTENCE, "just under $300 million in 2016",
	    "just under 300 million dollars in 2016");
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
	says("en", UTT_SENTENCE, "a leap of 16.87m", "a leap of 16.87m");
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
	    "Johan Ordonez, AFP and Getty Images");
	says("es", UTT_CREDIT, "Ana Ruiz/EFE", "Ana Ruiz y EFE");
	says("en", UTT_SENTENCE, "and/or 24/7 stay", "and/or 24/7 stay");
	says("en", UTT_SENTENCE, "on 2026-02-03 at noon",
	    "on February 3, 2026 at noon");
	says("es", UTT_SENTENCE, "el 2026-02-03", "el 3 de febrero de 2026");
	says("en", UTT_SENTENCE, "at No. 10 Downing Street",
	    "at number 10 Downing Street");
	says("en", UTT_SENTENCE, "No. It was not.", "No. It was not.");
	says("en", UTT_SENTENCE, "soft\xc2\xad" "hyphen", "softhyphen");
	return harness_done();
}
