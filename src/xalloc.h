/* SPDX-License-Identifier: ISC */
#ifndef XALLOC_H
#define XALLOC_H

#include "common.h"

/*
 * Allocation wrappers that never return NULL: on exhaustion they print one
 * line on standard error and exit with status 1.  Every result is freed by
 * the caller with free(3).
 */
void	*xmalloc(size_t sz);
void	*xcalloc(size_t nmemb, size_t sz);
void	*xreallocarray(void *p, size_t nmemb, size_t sz);
char	*xstrdup(const char *s);
char	*xstrndup(const char *s, size_t len);

/*
 * Format into a newly allocated string (caller frees with free(3)).
 */
char	*xasprintf(const char *fmt, ...) PRINTFLIKE(1, 2);

#endif /* XALLOC_H */
