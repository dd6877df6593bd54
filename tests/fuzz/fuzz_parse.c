/* SPDX-License-Identifier: ISC */
/*
 * libFuzzer target: any bytes through the decoder, the reader, the tree
 * checker and every writer, the audio ones on silence with made-up
 * timings instead of speech (ctx_fake_audio()): the utterances, the MP3
 * with its ID3 tag and chapters, the WAV and the cues.  Build with `make
 * fuzz`, run with
 *	build-fuzz/fuzz_parse tests/fuzz/parse samples
 */
#include "common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "id3.h"
#include "ctx.h"
#include "input.h"
#include "sink.h"
#include "source.h"
#include "speech.h"
#include "tree.h"
#include "writer.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/*
 * The speech step and the ID3 tag: every utterance in a chapter, at
 * least one chapter, and a tag whose chapters fit in the audio.
 */
static void
speak(const struct doc *d)
{
	struct speech	 sp = { 0 };
	struct buf	 tag = { 0 };
	uint64_t	*starts, total = 0;
	size_t		 i;

	speech_build(d, speech_profile(), &sp);
	if (sp.nchapters == 0) {
		fprintf(stderr, "speech: no chapter\n");
		abort();
	}
	starts = calloc(sp.n + 1, sizeof(*starts));
	for (i = 0; i < sp.n; i++) {
		if (sp.utts[i].chapter >= sp.nchapters) {
			fprintf(stderr, "speech: utterance %zu outside the "
			    "chapters\n", i);
			abort();
		}
		starts[i] = total;
		total += 100 * strlen(sp.utts[i].text) + sp.utts[i].pause_ms;
	}
	id3_tag(d, &sp, starts, total, 22050, &tag);
	if (tag.len < 10 || memcmp(tag.data, "ID3\x04", 4) != 0) {
		fprintf(stderr, "id3: no tag\n");
		abort();
	}
	buf_free(&tag);
	free(starts);
	speech_free(&sp);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static bool		 ready;
	struct source		 src;
	struct doc		*d;
	struct ctx		*ctx;
	struct sink		*sink;
	const char		*broken;
	FILE			*null;
	size_t			 i;

	if (!ready) {
		/* What main() does: each writer loads its defaults. */
		for (i = 0; i < writer_count(); i++)
			if (writer_at(i)->setup != NULL &&
			    writer_at(i)->setup() == -1)
				abort();
		ready = true;
	}
	diag_set_verbosity(-2);
	diag_reset("fuzz");
	if (source_decode((const char *)data, size, &src) == -1)
		return 0;
	d = input_text(src.text, src.len, "fuzz.txt", NULL);
	if ((broken = tree_check(d)) != NULL) {
		fprintf(stderr, "tree_check: %s\n", broken);
		abort();
	}
	speak(d);
	ctx = ctx_new(d);
	if (ctx_fake_audio(ctx) == -1)
		abort();
	if ((null = fopen("/dev/null", "wb")) != NULL) {
		for (i = 0; i < writer_count(); i++) {
			sink = sink_over(writer_at(i), null, 0);
			if (sink_commit(sink,
			    writer_at(i)->write(ctx, sink) == 0) == -1) {
				fprintf(stderr, "%s: failed\n",
				    writer_at(i)->name);
				abort();
			}
		}
		fclose(null);
	}
	ctx_free(ctx);
	doc_free(d);
	free(src.text);
	return 0;
}
