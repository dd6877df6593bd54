/* SPDX-License-Identifier: ISC */
#ifndef BUF_H
#define BUF_H

#include "common.h"

#include <stdarg.h>

/*
 * A growable byte buffer, always NUL-terminated once anything has been
 * added.  Zero-initialise it ("struct buf b = { 0 };") and release it with
 * buf_free(); the storage belongs to the buffer until buf_steal().
 */
struct buf {
	char	*data;	/* NULL until the first append */
	size_t	 len;	/* bytes used, not counting the NUL */
	size_t	 cap;	/* bytes allocated */
};

/* Make room for sz more bytes. */
void	 buf_grow(struct buf *, size_t sz);

/* Append len bytes of p. */
void	 buf_put(struct buf *, const void *p, size_t len);

/* Append a NUL-terminated string. */
void	 buf_puts(struct buf *, const char *s);

/* Append one byte. */
void	 buf_putc(struct buf *, int c);

/* Append printf-style output. */
void	 buf_printf(struct buf *, const char *fmt, ...) PRINTFLIKE(2, 3);

/* Append vprintf-style output. */
void	 buf_vprintf(struct buf *, const char *fmt, va_list) PRINTFLIKE(2, 0);

/* Forget the contents, keeping the storage. */
void	 buf_reset(struct buf *);

/*
 * Hand the storage to the caller (free with free(3)) and leave the buffer
 * empty.  Never NULL: an empty buffer gives "".
 */
char	*buf_steal(struct buf *);

/* Release the storage; the buffer may be reused afterwards. */
void	 buf_free(struct buf *);

#endif /* BUF_H */
