/* SPDX-License-Identifier: ISC */
#ifndef XALLOC_H
#define XALLOC_H

#include "common.h"

/*
 * Allocation wrappers that never return NULL: on exhaustion they call
 * xalloc_fail().  Every result is freed by the caller with free(3).
 */
void	*xmalloc(size_t sz);
void	*xcalloc(size_t nmemb, size_t sz);
void	*xreallocarray(void *p, size_t nmemb, size_t sz);
char	*xstrdup(const char *s);
char	*xstrndup(const char *s, size_t len);

/*
 * Memory is exhausted: call the handler set by xalloc_on_failure(), which
 * says so in one line naming the input and ends the process; without one
 * (or if it returns), print "lector: out of memory" and exit with 1.
 */
_Noreturn void	 xalloc_fail(void);

/* Set (NULL: unset) what xalloc_fail() calls first. */
void	 xalloc_on_failure(void (*)(void));

/*
 * Format into a newly allocated string (caller frees with free(3)).
 */
char	*xasprintf(const char *fmt, ...) PRINTFLIKE(1, 2);

#endif /* XALLOC_H */
