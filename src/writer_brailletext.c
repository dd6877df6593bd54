/* SPDX-License-Identifier: ISC */
/*
 * The `braille-text` format: the pages of the `brf` format in Unicode
 * braille patterns (U+2800 to U+283F), for a braille display that shows
 * them through a screen reader and for sighted proofreaders with a
 * braille font.  writer_brf.c makes both.
 */
#include "common.h"

#include "braille.h"
#include "writer.h"

static int
brailletext_write(struct ctx *ctx, struct sink *sink)
{
	return braille_book(ctx, sink, true);
}

const struct writer writer_brailletext = {
	.name = "braille-text",
	.ext = ".braille.txt",
	.summary = "the braille pages in Unicode braille, for displays and "
	    "proofreading",
	.options = &braille_options,
	.setup = braille_setup,
	.write = brailletext_write,
};
