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

struct buf;

/*
 * Append the bytes of the file at path ("-" for standard input) to raw,
 * with its modification time in *mtime (0 for standard input).  A file
 * bigger than max_sz bytes (0: no limit), a folder, a device or a read
 * failure is reported as an error and returns -1; else 0.
 */
int	 source_read(const char *path, size_t max_sz, struct buf *raw,
	    time_t *mtime);

/*
 * Read the file at path and decode it: source_read(), then
 * source_decode().  Returns 0 or -1 like them.
 */
int	 source_load(const char *path, size_t max_sz, struct source *out);

#endif /* SOURCE_H */
