/* SPDX-License-Identifier: ISC */
#include "common.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "date.h"

/* Month names, English and Spanish; the index mod 12 is the month. */
static const char *const months[] = {
	"january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december",
	"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
	"oct", "nov", "dec",
	"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio",
	"agosto", "septiembre", "octubre", "noviembre", "diciembre",
};

/* Other words a date line may hold. */
static const char *const date_words[] = {
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
	"sunday", "mon", "tue", "tues", "wed", "thu", "thur", "thurs",
	"fri", "sat", "sun", "sept", "setiembre",
	"lunes", "martes", "miércoles", "miercoles", "jueves", "viernes",
	"sábado", "sabado", "domingo", "de", "del",
	"published", "updated", "posted", "last", "on", "at", "am", "pm",
	"a.m.", "p.m.", "gmt", "utc", "bst", "cet", "cest", "et", "est",
	"edt", "pt", "pst", "pdt",
};

static bool
word_is(const char *s, size_t len, const char *w)
{
	return strlen(w) == len && strncasecmp(s, w, len) == 0;
}

/* The month a word names (1..12), or 0; "Jan." and "sept" included. */
static int
month_of(const char *s, size_t len)
{
	size_t	 k;

	if (len > 1 && s[len - 1] == '.')
		len--;
	if (word_is(s, len, "sept") || word_is(s, len, "setiembre"))
		return 9;
	for (k = 0; k < NELEM(months); k++)
		if (word_is(s, len, months[k]))
			return (int)(k % 12) + 1;
	return 0;
}

static bool
is_date_word(const char *s, size_t len)
{
	size_t	 k;

	for (k = 0; k < NELEM(date_words); k++)
		if (word_is(s, len, date_words[k]) ||
		    (len > 1 && s[len - 1] == '.' &&
		    word_is(s, len - 1, date_words[k])))
			return true;
	return false;
}

/* Digits only: their value, or -1. */
static int
number(const char *s, size_t len)
{
	size_t	 i;
	int	 v = 0;

	if (len == 0 || len > 4)
		return -1;
	for (i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/* Days in month m (1..12) of year y, by the Gregorian calendar. */
static int
days_in_month(int y, int m)
{
	static const int days[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
	};

	if (m < 1 || m > 12)
		return 31;
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return days[m - 1];
}

bool
date_parse(const char *s, size_t len, struct date *out)
{
	struct date	 d = { 0, 0, 0 };
	size_t		 i, j, w, nd;
	int		 v, m;

	if (len == 0 || len > 80)
		return false;
	for (i = 0; i < len; i = j) {
		while (i < len && (s[i] == ' ' || s[i] == ',' || s[i] == '|'))
			i++;
		for (j = i; j < len && s[j] != ' ' && s[j] != ','; j++)
			continue;
		if (i == j)
			break;
		w = j - i;
		if ((v = number(s + i, w)) >= 0) {
			if (w == 4 && v >= 1000 && d.year == 0)
				d.year = v;
			else if (w <= 2 && v >= 1 && v <= 31 && d.day == 0)
				d.day = v;
			else
				return false;
			continue;
		}
		if ((m = month_of(s + i, w)) > 0) {
			if (d.month != 0)
				return false;
			d.month = m;
			continue;
		}
		/* 2026-02-03 */
		if (w == 10 && s[i + 4] == '-' && s[i + 7] == '-' &&
		    number(s + i, 4) >= 1000 && number(s + i + 5, 2) >= 1 &&
		    number(s + i + 5, 2) <= 12 && number(s + i + 8, 2) >= 1 &&
		    number(s + i + 8, 2) <= 31 && d.year == 0) {
			d.year = number(s + i, 4);
			d.month = number(s + i + 5, 2);
			d.day = number(s + i + 8, 2);
			continue;
		}
		/* 3rd, 14th */
		for (nd = 0; nd < w && s[i + nd] >= '0' && s[i + nd] <= '9';
		    nd++)
			continue;
		if (nd >= 1 && nd <= 2 && w == nd + 2 && d.day == 0 &&
		    (strncasecmp(s + i + nd, "st", 2) == 0 ||
		    strncasecmp(s + i + nd, "nd", 2) == 0 ||
		    strncasecmp(s + i + nd, "rd", 2) == 0 ||
		    strncasecmp(s + i + nd, "th", 2) == 0)) {
			d.day = number(s + i, nd);
			continue;
		}
		/* 10:30, 9:05pm */
		if (nd >= 1 && nd <= 2 && i + nd < j && s[i + nd] == ':')
			continue;
		if (!is_date_word(s + i, w))
			return false;
	}
	/* A day needs a month; a year is a must; the day must exist. */
	if (d.year == 0 || (d.day != 0 && d.month == 0) ||
	    d.day > days_in_month(d.year, d.month))
		return false;
	*out = d;
	return true;
}

void
date_iso(const struct date *d, char *buf, size_t bufsz)
{
	if (d->month == 0)
		snprintf(buf, bufsz, "%04d", d->year);
	else if (d->day == 0)
		snprintf(buf, bufsz, "%04d-%02d", d->year, d->month);
	else
		snprintf(buf, bufsz, "%04d-%02d-%02d", d->year, d->month,
		    d->day);
}

bool
date_spoken(const struct date *d, const char *lang, struct buf *b)
{
	const char	*month;

	if (d->month == 0 || (strncmp(lang, "en", 2) != 0 &&
	    strncmp(lang, "es", 2) != 0) || (lang[2] != '\0' &&
	    lang[2] != '-'))
		return false;
	if (lang[1] == 'n' && lang[2] == '-' &&
	    strncmp(lang + 3, "US", 2) != 0) {
		/* British and most other English: "3 February 2026". */
		month = months[d->month - 1];
		if (d->day != 0)
			buf_printf(b, "%d ", d->day);
		buf_printf(b, "%c%s %d", month[0] - 32, month + 1, d->year);
	} else if (lang[1] == 'n') {
		month = months[d->month - 1];
		buf_printf(b, "%c%s", month[0] - 32, month + 1);
		if (d->day != 0)
			buf_printf(b, " %d,", d->day);
		buf_printf(b, " %d", d->year);
	} else {
		if (d->day != 0)
			buf_printf(b, "%d de ", d->day);
		buf_printf(b, "%s de %d", months[24 + d->month - 1], d->year);
	}
	return true;
}
