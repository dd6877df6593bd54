/* SPDX-License-Identifier: ISC */
#include "common.h"

#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include "buf.h"
#include "diag.h"
#include "xml.h"

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
