/* SPDX-License-Identifier: ISC */
#include "common.h"

#include <fnmatch.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "reader.h"

static const struct reader *const readers[] = {
#define READER(x) &reader_##x,
#include "readers.def"
#undef READER
};

size_t
reader_count(void)
{
	return NELEM(readers);
}

const struct reader *
reader_at(size_t i)
{
	return i < NELEM(readers) ? readers[i] : NULL;
}

const struct reader *
reader_find(const char *name)
{
	size_t	 i;

	for (i = 0; i < NELEM(readers); i++)
		if (strcmp(readers[i]->name, name) == 0)
			return readers[i];
	return NULL;
}

/* Whether name matches one of r's patterns, case aside ("A.TXT"). */
static bool
matches(const struct reader *r, const char *name)
{
	char	 lower[1024];
	size_t	 i, k;

	for (i = 0; name[i] != '\0' && i + 1 < sizeof(lower); i++)
		lower[i] = name[i] >= 'A' && name[i] <= 'Z' ?
		    (char)(name[i] + 32) : name[i];
	lower[i] = '\0';
	for (k = 0; r->patterns[k] != NULL; k++)
		if (fnmatch(r->patterns[k], lower, FNM_PERIOD) == 0)
			return true;
	return false;
}

bool
reader_takes_name(const struct reader *r, const char *name)
{
	size_t	 i;

	if (r != NULL)
		return matches(r, name);
	for (i = 0; i < NELEM(readers); i++)
		if (matches(readers[i], name))
			return true;
	return false;
}

const struct reader *
reader_choose(const char *path, const char *text, size_t len)
{
	const struct reader *best = NULL;
	const char	*base = strrchr(path, '/');
	int		 score, top = 0;
	size_t		 i;

	base = base != NULL ? base + 1 : path;
	/* The surest; at a tie, the one the name is for. */
	for (i = 0; i < NELEM(readers); i++) {
		score = readers[i]->sniff(text, len);
		if (score > top || (score == top && score > 0 &&
		    matches(readers[i], base) && !matches(best, base))) {
			top = score;
			best = readers[i];
		}
	}
	return best;
}

const char *
reader_markup(const char *text, size_t len)
{
	size_t	 i = 0;

	/* White space may come first. */
	while (i < len && (text[i] == ' ' || text[i] == '\t' ||
	    text[i] == '\n' || text[i] == '\r'))
		i++;
	text += i;
	len -= i;
	if ((len >= 14 && strncasecmp(text, "<!doctype html", 14) == 0) ||
	    (len >= 5 && strncasecmp(text, "<html", 5) == 0 &&
	    (len == 5 || text[5] == '>' || text[5] == ' ' ||
	    text[5] == '\n' || text[5] == '\r' || text[5] == '\t')))
		return "an HTML document";
	if (len >= 5 && strncmp(text, "<?xml", 5) == 0)
		return "an XML document";
	return NULL;
}

const char *
reader_names(void)
{
	static struct buf b;	/* made once, kept */
	size_t		 i;

	if (b.len == 0)
		for (i = 0; i < NELEM(readers); i++)
			buf_printf(&b, "%s%s", i ? ", " : "",
			    readers[i]->name);
	return b.data != NULL ? b.data : "";
}
