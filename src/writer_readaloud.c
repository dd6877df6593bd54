/* SPDX-License-Identifier: ISC */
/*
 * The `read-aloud` format: the EPUB of the article with its audio and a
 * media overlay, so a reading system (Thorium, Apple Books, a DAISY
 * player) reads it aloud and highlights each sentence as it is heard.
 * writer_epub.c makes it; the audio is the one the mp3 writer carries,
 * spoken and encoded once (ctx.h).
 */
#include "common.h"

#include "epub.h"
#include "speech.h"
#include "writer.h"

static int
readaloud_setup(void)
{
	return epub_setup_style() == -1 || speech_setup() == -1 ? -1 : 0;
}

static int
readaloud_write(struct ctx *ctx, struct sink *sink)
{
	return epub_book(ctx, sink, true);
}

const struct writer writer_readaloud = {
	.name = "read-aloud",
	.ext = ".read-aloud.epub",
	.summary = "an EPUB 3 book read aloud, each sentence highlighted "
	    "as it is heard",
	.binary = true,
	.package = true,
	.options = &speech_options,
	.setup = readaloud_setup,
	.write = readaloud_write,
};
