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

#endif /* UTF8_H */
