/* SPDX-License-Identifier: ISC */
#ifndef DATE_H
#define DATE_H

#include "common.h"

/* A calendar date as precise as the text gave it. */
struct date {
	int	 year;		/* 0: none */
	int	 month;		/* 1..12, 0: unknown */
	int	 day;		/* 1..31, 0: unknown */
};

/*
 * Whether len bytes of s are a date and nothing else: "March 14, 2026",
 * "14 March 2026", "Mar. 3, 2026", "2026-02-03", "Monday, 2 March 2026,
 * 10:30 GMT", "Published 3 March 2026", "3 de marzo de 2026", "March
 * 2026".  Every word must be part of a date, a year must be there, and
 * the day must exist in its month ("February 31" is not a date).  Fills
 * *out when it returns true.
 */
bool	 date_parse(const char *s, size_t len, struct date *out);

/*
 * The date in W3C/ISO 8601 form ("2026", "2026-03", "2026-03-14") into
 * buf (at least 11 bytes).
 */
void	 date_iso(const struct date *, char *buf, size_t bufsz);

struct buf;

/*
 * The date as it is said in language lang: "March 14, 2026" (English,
 * and American English), "14 March 2026" (English of another region,
 * "en-GB"), "14 de marzo de 2026" (Spanish).  Returns false, writing nothing, for
 * a language it does not know.
 */
bool	 date_spoken(const struct date *, const char *lang, struct buf *);

#endif /* DATE_H */
