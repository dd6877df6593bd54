/* SPDX-License-Identifier: ISC */
#include "common.h"

#include <libxml/tree.h>
#include <libxml/xmlversion.h>
#include <libxml/xmlerror.h>

#include <stdlib.h>

#include "buf.h"
#include "diag.h"
#include "xalloc.h"
#include "xml.h"

/* libxml2's allocations, never NULL: out of memory is lector's to say. */
static void *
xml_malloc(size_t sz)
{
	return xmalloc(sz);
}

static void *
xml_realloc(void *p, size_t sz)
{
	return xreallocarray(p, sz, 1);
}

static char *
xml_strdup(const char *s)
{
	return xstrdup(s);
}

/* libxml2's messages: kept as its last error, never printed. */
static void
xml_quiet(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

static void
#if LIBXML_VERSION >= 21200
xml_quiet_error(void *ctx, const xmlError *err)
#else
xml_quiet_error(void *ctx, xmlError *err)
#endif
{
	(void)ctx;
	(void)err;
}

void
xml_setup(void)
{
	xmlMemSetup(free, xml_malloc, xml_realloc, xml_strdup);
	xmlSetGenericErrorFunc(NULL, xml_quiet);
	xmlSetStructuredErrorFunc(NULL, xml_quiet_error);
}

int
xml_serialise(xmlDocPtr x, bool indent, const char *what, struct buf *out)
{
	xmlChar		*mem = NULL;
	int		 size = 0;
	const xmlError	*err;

	xmlResetLastError();
	xmlDocDumpFormatMemoryEnc(x, &mem, &size, "UTF-8", indent ? 1 : 0);
	if (mem == NULL || size <= 0) {
		err = xmlGetLastError();
		diag(DIAG_ERROR, 0, "%s: cannot serialise: %s", what,
		    err != NULL && err->message != NULL ? err->message :
		    "libxml2 failed");
		xmlFree(mem);
		return -1;
	}
	buf_put(out, mem, (size_t)size);
	xmlFree(mem);
	return 0;
}
