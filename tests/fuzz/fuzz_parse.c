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

#include <stdlib.h>

#include "diag.h"
#include "input.h"
#include "lib.h"
#include "source.h"
#include "tree.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct source		 src;
	struct doc		*d;

	fuzz_setup();
	diag_set_verbosity(-2);
	diag_reset("fuzz");
	if (source_decode((const char *)data, size, &src) == -1)
		return 0;
	d = input_text(src.text, src.len, "fuzz.txt", NULL);
	fuzz_document(d);
	doc_free(d);
	free(src.text);
	return 0;
}
