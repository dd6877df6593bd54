/* SPDX-License-Identifier: ISC */
#ifndef SOURCE_H
#define SOURCE_H

#include "common.h"

#include <time.h>

/*
 * The first stage of every reader: bytes in, clean text out.  The result
 * is well-formed UTF-8 in NFC, with LF line ends, no byte-order mark, no
 * control characters other than tab and LF and no noncharacters (U+FFFE,
 * U+FFFF and the like, which XML forbids).  What had to be guessed on the
 * way (Windows-1252 bytes, UTF-16 without a byte-order mark, stripped
 * characters) is reported with diag() as a warning naming the line; what
 * is not text at all is reported as an error.
 */
struct source {
	char	*text;	/* NUL-terminated; caller frees with free(3) */
	size_t	 len;	/* bytes in text */
	time_t	 mtime;	/* source_load(): the file's modification time */
};

/*
 * Decode len bytes of raw into *out.  Returns 0, or -1 after reporting why
 * the bytes are not text (empty, NUL bytes, mostly control characters);
 * out->text is then NULL.
 */
int	 source_decode(const char *raw, size_t len, struct source *out);

/*
 * Read the file at path ("-" for standard input) and decode it.  A file
 * bigger than max_sz bytes (0: no limit), a folder, a device or a read
 * failure is reported as an error.  Returns 0 or -1 like source_decode().
 */
int	 source_load(const char *path, size_t max_sz, struct source *out);

#endif /* SOURCE_H */
