/* SPDX-License-Identifier: ISC */
/*
 * libFuzzer target: any bytes through the decoder, the reader, the tree
 * checker, every writer but the audio ones, and what the audio writers
 * make without synthesis: the utterances (speech.c) and the MP3's ID3
 * tag with its chapters (id3.c), on timings made up from the
 * utterances' lengths.  Build with `make fuzz`, run with
 *	build-fuzz/fuzz_parse tests/fuzz/corpus samples
 */
#include "common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "id3.h"
#include "options.h"
#include "input.h"
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
speak(const struct doc *d, const struct options *opts)
{
	struct speech	 sp = { 0 };
	struct buf	 tag = { 0 };
	uint64_t	*starts, total = 0;
	size_t		 i;

	speech_build(d, &opts->sp, &sp);
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
	static struct options	 opts;
	struct source		 src;
	struct doc		*d;
	const char		*broken;
	FILE			*null;
	size_t			 i;

	static bool		 ready;

	if (!ready) {
		/* What main() does: each writer loads its defaults. */
		for (i = 0; i < writer_count(); i++)
			if (writer_at(i)->setup != NULL &&
			    writer_at(i)->setup(&opts) == -1)
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
	speak(d, &opts);
	if ((null = fopen("/dev/null", "wb")) != NULL) {
		/* The audio writers are the speech writer plus espeak-ng
		 * and lame, whose inputs it already covers. */
		for (i = 0; i < writer_count(); i++)
			if (strcmp(writer_at(i)->name, "wav") != 0 &&
			    strcmp(writer_at(i)->name, "mp3") != 0 &&
			    strcmp(writer_at(i)->name, "vtt") != 0)
				writer_at(i)->write(d, &opts, null);
		fclose(null);
	}
	doc_free(d);
	free(src.text);
	return 0;
}
