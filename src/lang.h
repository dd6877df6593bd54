/* SPDX-License-Identifier: ISC */
#ifndef LANG_H
#define LANG_H

#include "common.h"

/*
 * What lector knows of a language, as data: styles/language/TAG.conf,
 * looked up by the primary subtag of a BCP 47 tag ("pt-BR" reads
 * pt.conf).  A language without a file is known to have no facts: its
 * text is still read, by the rules that hold for every language.
 *
 *	abbreviations = Mr Mrs Dr ...	words a full stop does not end a
 *					sentence after (repeatable)
 */
struct lang;

/*
 * The facts of the language tagged tag, read once per process and kept
 * until it ends (never NULL).  A file that cannot be read or parsed is
 * said on standard error once and counts as empty.
 */
const struct lang	*lang_get(const char *tag);

/* Whether the len bytes at word are one of the language's abbreviations. */
bool			 lang_is_abbreviation(const struct lang *,
			    const char *word, size_t len);

#endif /* LANG_H */
