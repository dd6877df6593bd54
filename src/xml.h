/* SPDX-License-Identifier: ISC */
#ifndef XML_H
#define XML_H

#include "common.h"

#include <libxml/tree.h>

struct buf;

/*
 * Append the serialisation of x (UTF-8, with an XML declaration) to out,
 * indented if indent is set; every XML document lector writes goes out
 * through here.  Returns 0, or -1 after one message naming what (the
 * document, "package document") and libxml2's reason.
 */
int	 xml_serialise(xmlDocPtr x, bool indent, const char *what,
	    struct buf *out);

#endif /* XML_H */
