/* SPDX-License-Identifier: ISC */
#include "common.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "xalloc.h"

static void	(*on_failure)(void);

void
xalloc_on_failure(void (*fn)(void))
{
	on_failure = fn;
}

_Noreturn void
xalloc_fail(void)
{
	static const char msg[] = "lector: out of memory\n";
	void		(*fn)(void) = on_failure;

	/* Once: a handler that runs out of memory itself ends here. */
	on_failure = NULL;
	if (fn != NULL)
		fn();
	if (write(STDERR_FILENO, msg, sizeof(msg) - 1) < 0)
		(void)0;
	_exit(1);
}

void *
xmalloc(size_t sz)
{
	void	*p;

	if ((p = malloc(sz ? sz : 1)) == NULL)
		xalloc_fail();
	return p;
}

void *
xcalloc(size_t nmemb, size_t sz)
{
	void	*p;

	if ((p = calloc(nmemb ? nmemb : 1, sz ? sz : 1)) == NULL)
		xalloc_fail();
	return p;
}

void *
xreallocarray(void *p, size_t nmemb, size_t sz)
{
	size_t	 total;

	if (sz != 0 && nmemb > SIZE_MAX / sz)
		xalloc_fail();
	total = nmemb * sz;
	if ((p = realloc(p, total != 0 ? total : 1)) == NULL)
		xalloc_fail();
	return p;
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t len)
{
	char	*p;

	p = xmalloc(len + 1);
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

char *
xasprintf(const char *fmt, ...)
{
	struct buf	 b = { 0 };
	va_list		 ap;

	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	return buf_steal(&b);
}
