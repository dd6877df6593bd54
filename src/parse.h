/* SPDX-License-Identifier: ISC */
#ifndef PARSE_H
#define PARSE_H

#include "common.h"

struct doc;
struct options;

/*
 * The plain-text article reader.  It accepts any text: the shapes it
 * understands without markup are listed in DESIGN.md ("Input text") and
 * the README; everything else becomes paragraphs, so no word is ever
 * dropped.  Metadata overrides in opts (title, authors, language, date)
 * win over what the text says.
 */

/*
 * Build the document for len bytes of clean text (from source_decode():
 * UTF-8, NFC, LF line ends).  path names the input in the document.
 * Never fails; caller frees with doc_free().
 */
struct doc	*parse_text(const char *text, size_t len, const char *path,
		    const struct options *opts);

/*
 * Read and decode the file at path ("-": standard input) and parse it.
 * Returns NULL after reporting why the file is not text (see source.h).
 */
struct doc	*parse_file(const char *path, const struct options *opts);

#endif /* PARSE_H */
