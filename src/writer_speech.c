/* SPDX-License-Identifier: ISC */
/*
 * The `speech` format: the text exactly as it will be spoken, for tests
 * and for checking a pronunciation without listening.  One line per
 * utterance, "KIND<TAB>PAUSE-MS<TAB>ID<TAB>TEXT", then "<TAB>WRITTEN"
 * where what is written is not what is said ("$5" said "5 dollars");
 * ID is the sentence or header part it says, "-" for labels, credits
 * and silences; and "# chapter N: TITLE" where a chapter starts.
 */
#include "common.h"

#include <stdio.h>
#include <string.h>

#include "ctx.h"
#include "sink.h"
#include "speech.h"
#include "tree.h"
#include "writer.h"

static int
speech_write(struct ctx *ctx, struct sink *sink)
{
	const struct doc *d = ctx_doc(ctx);
	const struct speech *sp = ctx_speech(ctx);
	const struct speech_profile *p = speech_profile();
	FILE		*out = sink_stream(sink);
	size_t		 i, chapter = (size_t)-1;

	fprintf(out, "# speech: %s, voice %s, %u words a minute, pitch "
	    "%u\n", d->meta.language, p->voice[0] ? p->voice :
	    "(from the language)", p->rate, p->pitch);
	for (i = 0; i < sp->n; i++) {
		if (sp->utts[i].chapter != chapter) {
			chapter = sp->utts[i].chapter;
			fprintf(out, "# chapter %zu: %s\n", chapter + 1,
			    sp->chapters[chapter].title);
		}
		/* A passage in another language, said in its voice. */
		if (sp->utts[i].lang[0] != '\0')
			fprintf(out, "# language: %s\n", sp->utts[i].lang);
		fprintf(out, "%s\t%u\t%s\t%s",
		    speech_kind_name(sp->utts[i].kind), sp->utts[i].pause_ms,
		    sp->utts[i].id[0] != '\0' ? sp->utts[i].id : "-",
		    sp->utts[i].text);
		/* What was written, where it is not what is said. */
		if (strcmp(sp->utts[i].written, sp->utts[i].text) != 0 &&
		    sp->utts[i].kind != UTT_LABEL)
			fprintf(out, "\t%s", sp->utts[i].written);
		putc('\n', out);
	}
	return ferror(out) ? -1 : 0;
}

const struct writer writer_speech = {
	.name = "speech",
	.ext = ".speech.txt",
	.summary = "the text exactly as spoken",
	.options = &speech_options,
	.setup = speech_setup,
	.write = speech_write,
};
