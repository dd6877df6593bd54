/* SPDX-License-Identifier: ISC */
#ifndef SAY_H
#define SAY_H

#include "common.h"

struct buf;

/*
 * Append len bytes of s (words apart by one plain space) to out as a
 * synthesiser should get them in language tag (BCP 47): numbers, money,
 * years, times, scores, units, Roman numerals, ordinals, abbreviations
 * in capitals, telephone numbers and web addresses said as a newsreader
 * would, by the language's say.* data (lang.h); and in any language no
 * symbol read by its name where none is heard.
 */
void	 say_text(const char *tag, const char *s, size_t len, struct buf *out);

#endif /* SAY_H */
