/* SPDX-License-Identifier: ISC */
/*
 * Language detection: the script from the letters, the language within
 * it from libexttextcat's models, and what the document records.
 */
#include "common.h"

#include <string.h>

#include "detect.h"
#include "diag.h"
#include "harness.h"
#include "input.h"
#include "tree.h"

static const char *const result_names[] = {
	"found", "guessed", "none", "unknown",
};

/* text must be detected as want_tag in want_script, with result r. */
static void
detect(const char *what, const char *text, enum detect_result r,
    const char *want_tag, const char *want_script)
{
	char			 tag[32] = "", script[5] = "";
	enum detect_result	 got;

	got = detect_text(text, strlen(text), tag, sizeof(tag), script);
	CHECK(got == r, "%s: %s (got %s)", what, result_names[r],
	    result_names[got]);
	if (want_tag != NULL)
		CHECK_STR(tag, want_tag, what);
	CHECK_STR(script, want_script, what);
}

/* What the document records when nothing names the language. */
static void
recorded(const char *what, const char *text, const char *want,
    enum meta_from from)
{
	struct doc	*d;

	diag_reset("test");
	d = input_text(text, strlen(text), "test.txt", NULL);
	CHECK_STR(d->meta.language, want, what);
	CHECK(d->meta.language_from == from, "%s: from %s (got %s)", what,
	    meta_from_name(from), meta_from_name(d->meta.language_from));
	doc_free(d);
}

int
main(void)
{
	harness_plan(14 * 3 + 4 * 2 + 4 * 2);
	diag_set_verbosity(-2);

	detect("English", "The council said on Tuesday that the new bridge "
	    "would open in the spring, after two years of work and a long "
	    "argument about who should pay for the road that leads to it.",
	    DETECT_FOUND, "en", "Latn");
	detect("Spanish", "El ayuntamiento anunció el martes que el nuevo "
	    "puente abrirá en primavera, después de dos años de obras y de "
	    "una larga discusión sobre quién debe pagar la carretera.",
	    DETECT_FOUND, "es", "Latn");
	detect("French", "La mairie a annoncé mardi que le nouveau pont "
	    "ouvrira au printemps, après deux ans de travaux et une longue "
	    "dispute pour savoir qui doit payer la route qui y mène.",
	    DETECT_FOUND, "fr", "Latn");
	detect("German", "Die Stadtverwaltung hat am Dienstag mitgeteilt, "
	    "dass die neue Brücke im Frühjahr öffnen wird, nach zwei Jahren "
	    "Bauzeit und einem langen Streit darüber, wer die Straße bezahlt.",
	    DETECT_FOUND, "de", "Latn");
	detect("Italian", "Il comune ha annunciato martedì che il nuovo "
	    "ponte aprirà in primavera, dopo due anni di lavori e una lunga "
	    "discussione su chi debba pagare la strada che porta al ponte.",
	    DETECT_FOUND, "it", "Latn");
	detect("Arabic", "أعلنت البلدية يوم الثلاثاء أن الجسر الجديد سيفتح في "
	    "الربيع بعد عامين من العمل ونقاش طويل حول من يجب أن يدفع ثمن "
	    "الطريق المؤدي إليه.", DETECT_FOUND, "ar", "Arab");
	detect("Russian", "Городской совет объявил во вторник, что новый "
	    "мост откроется весной, после двух лет работы и долгого спора о "
	    "том, кто должен платить за дорогу к нему.", DETECT_FOUND, "ru",
	    "Cyrl");
	detect("Hebrew", "העירייה הודיעה ביום שלישי שהגשר החדש ייפתח באביב.",
	    DETECT_FOUND, "he", "Hebr");
	detect("Greek", "Το δημοτικό συμβούλιο ανακοίνωσε ότι η νέα γέφυρα "
	    "θα ανοίξει την άνοιξη.", DETECT_FOUND, "el", "Grek");
	detect("Chinese", "市议会星期二宣布，新桥将于春天开放。",
	    DETECT_FOUND, "zh", "Hani");
	detect("Japanese", "市議会は火曜日、新しい橋が春に開通すると発表した。",
	    DETECT_FOUND, "ja", "Jpan");
	detect("Korean", "시의회는 화요일에 새 다리가 봄에 개통된다고 발표했다.",
	    DETECT_FOUND, "ko", "Hang");
	/* Arabic script, too short to tell: its likeliest. */
	detect("one Arabic word", "الجسر", DETECT_GUESSED, "ar", "Arab");
	/* A script lector knows no language of. */
	detect("Kannada", "ಕನ್ನಡ ಒಂದು ಭಾಷೆ.", DETECT_UNKNOWN, NULL, "Knda");
	/* English quoting a Greek word is English. */
	detect("mixed", "The word λόγος means word, and the council used it "
	    "on Tuesday to name the new bridge over the river that runs "
	    "through the old town, which has waited for one since the "
	    "ferry stopped.", DETECT_FOUND, "en", "Latn");
	detect("short Latin", "Apples and pears.", DETECT_NONE, NULL, "Latn");
	detect("no letters", "1, 2, 3 -- 42!", DETECT_NONE, NULL, "");
	detect("empty", "", DETECT_NONE, NULL, "");

	recorded("detected", "Un titular\n\nEl ayuntamiento anunció el martes "
	    "que el nuevo puente abrirá en primavera, después de dos años de "
	    "obras y de una larga discusión sobre quién debe pagar.\n", "es",
	    FROM_DETECTED);
	recorded("header wins", "Language: French\n\nUn titular\n\nEl "
	    "ayuntamiento anunció el martes que el nuevo puente abrirá en "
	    "primavera, después de dos años de obras y de una larga "
	    "discusión.\n", "fr", FROM_HEADER);
	recorded("too short", "Apples\n\n- bread\n- milk\n", "en",
	    FROM_DEFAULT);
	recorded("unknown script", "ಕನ್ನಡ ಒಂದು ಭಾಷೆ.\n", "und",
	    FROM_DETECTED);
	return harness_done();
}
