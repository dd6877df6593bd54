/* SPDX-License-Identifier: ISC */
#ifndef UTF8_H
#define UTF8_H

#include "common.h"

struct buf;

/*
 * Decode one code point from the len > 0 bytes at s into *cp.  Returns the
 * length of the sequence in bytes (1 to 4), or 0 if s does not start with
 * a well-formed UTF-8 sequence (overlong forms, surrogates and values above
 * U+10FFFF are not well formed); *cp is then unspecified.
 */
size_t	 utf8_decode(const char *s, size_t len, int32_t *cp);

/*
 * Decode one code point like utf8_decode(), but never fail: a malformed
 * byte is returned as U+FFFD with a length of 1.  For text already
 * validated by the reader, this is just a decoder.
 */
size_t	 utf8_next(const char *s, size_t len, int32_t *cp);

/* Append the UTF-8 form of cp (U+FFFD if cp is not a scalar value). */
void	 utf8_put(struct buf *, int32_t cp);

/* Whether all len bytes of s are well-formed UTF-8. */
bool	 utf8_valid(const char *s, size_t len);

/* What utf8_escape() writes as an escape besides malformed bytes. */
#define ESC_CONTROLS	0x01	/* controls: C0, DEL, C1, bidi (\n, \u202E) */
#define ESC_BACKSLASH	0x02	/* a backslash, as \\ */

/*
 * Append len bytes of s with every byte that is not part of well-formed
 * UTF-8 written as \xHH, and what flags say as escapes too.  With
 * ESC_CONTROLS a name shows as one line and cannot steer a terminal
 * (control characters as \t, \n, \r, \xHH or, above U+007F, \uHHHH;
 * the bidirectional controls as \uHHHH); with ESC_BACKSLASH the form is
 * lossless (bash's printf '%b' gives back the bytes).
 */
void	 utf8_escape(struct buf *, const char *s, size_t len, int flags);

#endif /* UTF8_H */
