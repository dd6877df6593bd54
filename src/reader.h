/* SPDX-License-Identifier: ISC */
#ifndef READER_H
#define READER_H

#include "common.h"

struct doc;

/*
 * An input format.  A reader gets the decoded text of one input (well-
 * formed UTF-8 in NFC with LF line ends, from source.c, which every reader
 * shares) and builds the document's body and the metadata the source
 * itself gives; what is not specific to the format (the command line's
 * overrides, the headline and title policy, the language default,
 * sentences) is done after it by input.c.  A reader accepts any text:
 * it never fails, and never drops a word.
 */
struct reader {
	const char	*name;		/* --from NAME */
	const char	*summary;	/* one line for --help */
	/* File names it answers to (fnmatch(3) patterns in lower case,
	 * matched case aside), NULL-ended. */
	const char *const *patterns;
	/*
	 * How surely len bytes of text are this reader's: 0 not at all,
	 * 1 text any reader could take, higher surer (a doctype).
	 */
	int		(*sniff)(const char *text, size_t len);
	/* Build d's body and found metadata from len bytes of text. */
	void		(*read)(const char *text, size_t len, struct doc *d);
};

#define READER(x) extern const struct reader reader_##x;
#include "readers.def"
#undef READER

/* Number of registered readers. */
size_t			 reader_count(void);

/* The i-th reader, i < reader_count(), in readers.def order. */
const struct reader	*reader_at(size_t i);

/* The reader called name, or NULL. */
const struct reader	*reader_find(const char *name);

/*
 * Whether a file called name (a base name) is an input: it matches a
 * pattern of reader r, or of any reader if r is NULL.
 */
bool			 reader_takes_name(const struct reader *r,
			    const char *name);

/*
 * The reader for the text of the file at path: the one whose sniff() is
 * surest; at a tie, the one whose patterns match the name; NULL if none
 * takes the text at all.
 */
const struct reader	*reader_choose(const char *path, const char *text,
			    size_t len);

/*
 * What kind of markup document text is, if it is one no reader takes as
 * plain text ("an HTML document", "an XML document"); else NULL.
 */
const char		*reader_markup(const char *text, size_t len);

/* The readers' names, "txt, html". */
const char		*reader_names(void);

#endif /* READER_H */
