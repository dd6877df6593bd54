/* SPDX-License-Identifier: ISC */
/*
 * say.c's rules, one or more real examples each (most from the BBC
 * corpus in ../shared/corpus/bbc): what the synthesiser is given.  What
 * it then says is checked on phonemes by tests/cli/82-readings.sh.
 */
#include "common.h"

#include <string.h>

#include "buf.h"
#include "diag.h"
#include "harness.h"
#include "say.h"

static const struct {
	const char	*lang;
	const char	*in;
	const char	*want;
} cases[] = {
	/* Years, in English split in two; 2000-2009 left to the voice. */
	{ "en", "It was built in 1968.", "It was built in 19 68." },
	{ "en", "saw Disney's 1964 film", "saw Disney's 19 64 film" },
	{ "en", "in April 1996 with", "in April 19 96 with" },
	{ "en", "rebuilt in 2004", "rebuilt in 2004" },
	{ "en", "by 2015.", "by 20 15." },
	{ "en", "in 1905 and 1900", "in 19 oh 5 and 19 hundred" },
	{ "en", "about 1500 people", "about 1500 people" },
	{ "en", "more than 2000 jobs", "more than 2000 jobs" },
	{ "de", "Im Jahr 1968", "Im Jahr 19 hundert 68" },
	{ "de", "im Jahr 2004", "im Jahr 2004" },
	{ "fr", "en 1968", "en 1968" },
	/* Decades. */
	{ "en", "the 1990s were", "the 19 nineties were" },
	{ "en", "in the 1800s", "in the 18 hundreds" },
	{ "en", "the 2000s and the 2010s", "the 2 thousands and the 20 tens" },
	{ "en", "the '90s", "the nineties" },
	/* Ranges of years and seasons. */
	{ "en", "the 2003-04 season", "the 2003 to 2004 season" },
	{ "en", "from 1971-79,", "from 19 71 to 19 79," },
	{ "en", "the 2019/20 season", "the 20 19 to 20 20 season" },
	{ "en", "in 1999-2000", "in 19 99 to 2000" },
	{ "es", "la temporada 2003-04", "la temporada 2003 a 2004" },
	{ "de", "von 2003-04", "von 2003 bis 2004" },
	/* Scores and ranges. */
	{ "en", "Celtic 3-1 Aberdeen", "Celtic 3, Aberdeen 1" },
	{ "en", "Manchester United 2-1 Tottenham Hotspur in",
	    "Manchester United 2, Tottenham Hotspur 1 in" },
	{ "en", "They won 3-1 at home.", "They won 3 1 at home." },
	{ "en", "a 2-0 victory", "a 2 0 victory" },
	{ "en", "aged 10-20", "aged 10 to 20" },
	{ "en", "rose 10\xe2\x80\x93" "20%", "rose 10 to 20%" },
	{ "de", "Bayern gewann 3-1.", "Bayern gewann 3 zu 1." },
	{ "es", "Ganó 3-1.", "Ganó 3 a 1." },
	/* Multipliers and units. */
	{ "en", "9m viewers", "9 million viewers" },
	{ "en", "12.5m euros", "12.5 million euros" },
	{ "en", "cuts worth 6.8bn rand", "cuts worth 6.8 billion rand" },
	{ "en", "the 400m final", "the 400 metres final" },
	{ "en", "the women's 800m, with", "the women's 800 metres, with" },
	{ "en", "a leap of 16.87m, with", "a leap of 16.87 metres, with" },
	{ "en", "go with 500m to", "go with 500 million to" },
	{ "en", "a 5km run and 30mph", "a 5 kilometres run and 30 miles an hour" },
	{ "en", "1km away", "1 kilometre away" },
	{ "de", "5 Mio. Euro", "5 Millionen Euro" },
	/* Money and its minor units. */
	{ "en", "just under $300 million", "just under 300 million dollars" },
	{ "en", "to reach \xc2\xa3" "546m ($1.04bn), ahead",
	    "to reach 546 million pounds (1.04 billion dollars), ahead" },
	{ "en", "jumped to $53.09 a barrel",
	    "jumped to 53 dollars and 9 cents a barrel" },
	{ "en", "250p a share", "250 pence a share" },
	{ "en", "for 70p?", "for 70 pence?" },
	{ "en", "a 1p rise", "a 1 penny rise" },
	{ "en", "\xc2\xa3" "30k a year", "30 thousand pounds a year" },
	{ "es", "cuesta 5 \xe2\x82\xac y 4,50 \xe2\x82\xac",
	    "cuesta 5 euros y 4 euros y 50 céntimos" },
	{ "fr", "5 \xe2\x82\xac", "5 euros" },
	{ "de", "5 \xe2\x82\xac", "5 Euro" },
	/* A language without rules: the symbol after the number. */
	{ "fi", "maksaa \xe2\x82\xac" "5", "maksaa 5 \xe2\x82\xac" },
	/* Times. */
	{ "en", "at 1930 GMT", "at 19 30 G.M.T." },
	{ "en", "at 1200 GMT", "at 12 hundred G.M.T." },
	{ "en", "by 0800 BST", "by oh 8 hundred B.S.T." },
	{ "en", "at 14:30 and 14:05", "at 14 30 and 14 oh 5" },
	{ "en", "at 14:00", "at 14 hundred" },
	{ "en", "at 3:00 and 10:30am", "at 3 o'clock and 10 30 a.m." },
	{ "en", "won in 7:39.89 as", "won in 7 minutes 39.89 seconds as" },
	{ "en", "a record of 2:17:18, which",
	    "a record of 2 hours 17 minutes 18 seconds, which" },
	{ "fr", "à 20h30 et 20h", "à 20 heures 30 et 20 heures" },
	{ "de", "um 14.30 Uhr", "um 14 Uhr 30" },
	{ "es", "a las 14.30 h", "a las 14 30" },
	/* Number, versus. */
	{ "en", "He said No 10 had not.", "He said number 10 had not." },
	{ "en", "at No. 10 Downing Street", "at number 10 Downing Street" },
	{ "en", "No, 10 of them", "No, 10 of them" },
	{ "en", "Wales v Ireland", "Wales versus Ireland" },
	{ "en", "Federer vs. Nadal", "Federer versus Nadal" },
	{ "en", "plan v and w", "plan v and w" },
	{ "de", "Nr. 5", "Nummer 5" },
	{ "es", "el n.º 5", "el número 5" },
	{ "fr", "le n° 5", "le numéro 5" },
	/* Roman numerals. */
	{ "en", "Henry VIII was", "Henry the eighth was" },
	{ "en", "Pope Benedict XVI said", "Pope Benedict the sixteenth said" },
	{ "en", "Super Bowl XL", "Super Bowl 40" },
	{ "en", "World War II and World War I",
	    "World War 2 and World War 1" },
	{ "en", "Washington DC", "Washington D.C." },
	{ "en", "What I said", "What I said" },
	{ "es", "Felipe VI y Alfonso XIII", "Felipe sexto y Alfonso 13" },
	{ "fr", "Louis XIV et François Ier", "Louis 14 et François premier" },
	{ "de", "Ludwig XIV. war", "Ludwig der vierzehnte war" },
	/* Ordinals the voice does not know. */
	{ "en", "the 20th century", "the 20th century" },
	{ "es", "el 1.º de mayo y la 1.ª vez",
	    "el primero de mayo y la primera vez" },
	{ "fr", "le XXe siècle, le 20e arrondissement, la 1re fois",
	    "le vingtième siècle, le vingtième arrondissement, la première "
	    "fois" },
	{ "fr", "Le roi", "Le roi" },
	{ "de", "am 3. Mai", "am dritten Mai" },
	{ "de", "der 3. Platz", "der dritte Platz" },
	/* Abbreviations in capitals. */
	{ "en", "the IMF, the TUC, (MSCI)", "the I.M.F., the T.U.C., (M.S.C.I.)" },
	{ "en", "helped boost WPP's profits", "helped boost W.P.P.'s profits" },
	{ "en", "NATO and the FTSE 100", "NATO and the FTSE 100" },
	{ "en", "in the US.", "in the U.S." },
	{ "en", "THE END OF THE IMF", "THE END OF THE IMF" },
	{ "en", "HOLLIS FALLS, Vermont \xe2\x80\x94 For most",
	    "HOLLIS FALLS, Vermont \xe2\x80\x94 For most" },
	{ "en", "the NSPCC and the UK GDP", "the N.S.P.C.C. and the U.K. G.D.P." },
	{ "en", "Percentages: 45% and 3.5%", "Percentages: 45% and 3.5%" },
	/* Telephone numbers, addresses, tags. */
	{ "en", "by telephoning 0800 028 9276 in",
	    "by telephoning 0 8 0 0, 0 2 8, 9 2 7 6 in" },
	{ "en", "call +44 20 7946 0958.",
	    "call plus 4 4, 2 0, 7 9 4 6, 0 9 5 8." },
	{ "en", "on the amazon.co.uk website",
	    "on the amazon dot co dot UK website" },
	{ "en", "visit https://www.bbc.co.uk/news/ today",
	    "visit bbc dot co dot UK slash news today" },
	{ "en", "write to news@bbc.co.uk", "write to news at bbc dot co dot UK" },
	{ "en", "said Ms Rowling", "said Miz Rowling" },
	{ "en", "the #MeToo campaign", "the hashtag MeToo campaign" },
	{ "de", "unter www.tagesschau.de", "unter tagesschau Punkt DE" },
	/* No symbol read by its name. */
	{ "en", "and/or 24/7", "and or 24 7" },
	{ "it", "dalle 14:30 alle 3-4", "dalle 14 30 alle 3 4" },
	{ "en", "war-torn and U.S.-backed", "war-torn and U.S.-backed" },
	/* ISO dates, the year said as one; the order by region. */
	{ "en", "on 2026-02-03 at noon", "on February 3, 20 26 at noon" },
	{ "en-US", "on 2026-02-03 at noon", "on February 3, 20 26 at noon" },
	{ "en-GB", "on 2026-02-03 at noon", "on 3 February 20 26 at noon" },
	{ "en-GB", "telephoning 0800 028 9276",
	    "telephoning oh 8 oh oh, oh 2 8, 9 2 7 6" },
};

int
main(void)
{
	struct buf	 b = { 0 };
	size_t		 i;

	harness_plan((int)NELEM(cases));
	diag_set_verbosity(-2);
	for (i = 0; i < NELEM(cases); i++) {
		buf_reset(&b);
		say_text(cases[i].lang, cases[i].in, strlen(cases[i].in), &b);
		CHECK_STR(b.data ? b.data : "", cases[i].want, cases[i].in);
	}
	buf_free(&b);
	return harness_done();
}
