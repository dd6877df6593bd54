/* SPDX-License-Identifier: ISC */
/*
 * libFuzzer target: any bytes through the decoder, the reader, the tree
 * checker and every writer but the audio ones (see below).  Build with `make fuzz`, run with
 *	build-fuzz/fuzz_parse tests/fuzz/corpus samples
 */
#include "common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "options.h"
#include "parse.h"
#include "source.h"
#include "tree.h"
#include "writer.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

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
	d = parse_text(src.text, src.len, "fuzz.txt", &opts);
	if ((broken = tree_check(d)) != NULL) {
		fprintf(stderr, "tree_check: %s\n", broken);
		abort();
	}
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
