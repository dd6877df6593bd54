/* SPDX-License-Identifier: ISC */
#ifndef XML_H
#define XML_H

#include "common.h"

#include <libxml/tree.h>

struct buf;

/*
 * Before any other use of libxml2: its allocations go through xalloc.h
 * (running out of memory is said once, by lector, naming the input) and
 * its messages are never printed (a failure is said by the caller, with
 * libxml2's reason).
 */
void	 xml_setup(void);

/*
 * Append the serialisation of x (UTF-8, with an XML declaration) to out,
 * indented if indent is set; every XML document lector writes goes out
 * through here.  Returns 0, or -1 after one message naming what (the
 * document, "package document") and libxml2's reason.
 */
int	 xml_serialise(xmlDocPtr x, bool indent, const char *what,
	    struct buf *out);

#endif /* XML_H */
