/* SPDX-License-Identifier: ISC */
/*
 * What the fuzz targets of documents share: the writers set up as main()
 * does, the speech step and the ID3 tag held to what players and lector
 * assume, and every writer run (the audio ones on silence with made-up
 * timings, ctx_fake_audio()).  Each finding aborts, after one line.
 */
#include "common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "braille.h"
#include "buf.h"
#include "ctx.h"
#include "id3.h"
#include "lib.h"
#include "sink.h"
#include "speech.h"
#include "text.h"
#include "tree.h"
#include "writer.h"

void
fuzz_setup(void)
{
	static bool	 ready;
	size_t		 i;

	if (ready)
		return;
	for (i = 0; i < writer_count(); i++)
		if (writer_at(i)->setup != NULL && writer_at(i)->setup() == -1)
			abort();
	ready = true;
}

/* Every frame of the tag within it, each chapter's title small. */
static void
check_tag(const struct buf *tag)
{
	const unsigned char *t = (const unsigned char *)tag->data;
	size_t		 pos = 10, size, sub;

	if (tag->len < 10 || memcmp(t, "ID3\x04", 4) != 0)
		abort();
	while (pos + 10 <= tag->len) {
		size = (size_t)t[pos + 4] << 21 | (size_t)t[pos + 5] << 14 |
		    (size_t)t[pos + 6] << 7 | t[pos + 7];
		if (pos + 10 + size > tag->len) {
			fprintf(stderr, "id3: frame past the tag\n");
			abort();
		}
		if (memcmp(t + pos, "CHAP", 4) == 0) {
			/* The element id, its NUL, four times, TIT2. */
			sub = pos + 10 + strlen((const char *)t + pos + 10) +
			    1 + 16;
			if (sub + 10 > pos + 10 + size ||
			    memcmp(t + sub, "TIT2", 4) != 0 ||
			    t[sub + 4] != 0 || t[sub + 5] != 0 ||
			    t[sub + 6] != 0) {
				fprintf(stderr, "id3: chapter title too big "
				    "for FFmpeg\n");
				abort();
			}
		}
		pos += 10 + size;
	}
}

void
fuzz_speak(const struct doc *d)
{
	struct speech	 sp = { 0 };
	struct buf	 tag = { 0 };
	uint64_t	*starts, total = 0;
	size_t		 i;

	speech_build(d, speech_profile(), &sp);
	if (sp.nchapters == 0)
		abort();
	for (i = 0; i < sp.nchapters; i++)
		if (text_cols(sp.chapters[i].title,
		    strlen(sp.chapters[i].title)) > 80) {
			fprintf(stderr, "speech: chapter name too wide\n");
			abort();
		}
	starts = calloc(sp.n + 1, sizeof(*starts));
	for (i = 0; i < sp.n; i++) {
		if (sp.utts[i].chapter >= sp.nchapters)
			abort();
		starts[i] = total;
		total += 50 * strlen(sp.utts[i].text) + sp.utts[i].pause_ms;
	}
	id3_tag(d, &sp, starts, total, 22050, &tag);
	check_tag(&tag);
	buf_free(&tag);
	free(starts);
	speech_free(&sp);
}

void
fuzz_write_all(struct doc *d)
{
	struct ctx	*ctx;
	struct sink	*sink;
	struct braille	*br;
	FILE		*null;
	size_t		 i;

	ctx = ctx_new(d);
	if (ctx_fake_audio(ctx) == -1)
		abort();
	if ((null = fopen("/dev/null", "wb")) == NULL)
		abort();
	/* The braille formats fail, as they should, in a language liblouis
	 * has no table for. */
	br = braille_open(d->meta.language, BRAILLE_CONTRACTED, NULL);
	for (i = 0; i < writer_count(); i++) {
		sink = sink_over(writer_at(i), null, 0);
		if (sink_commit(sink, writer_at(i)->write(ctx, sink) == 0) ==
		    -1 && !(br == NULL && writer_at(i)->options ==
		    &braille_options)) {
			fprintf(stderr, "%s: failed\n", writer_at(i)->name);
			abort();
		}
	}
	braille_free(br);
	fclose(null);
	ctx_free(ctx);
}

void
fuzz_document(struct doc *d)
{
	const char	*broken;

	if ((broken = tree_check(d)) != NULL) {
		fprintf(stderr, "tree_check: %s\n", broken);
		abort();
	}
	fuzz_speak(d);
	fuzz_write_all(d);
}
