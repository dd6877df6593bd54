/* SPDX-License-Identifier: ISC */
#include "common.h"

#include <string.h>
#include <strings.h>

#include "buf.h"
#include "writer.h"

static const struct writer *const writers[] = {
#define WRITER(x) &writer_##x,
#include "writers.def"
#undef WRITER
};

size_t
writer_count(void)
{
	return NELEM(writers);
}

const struct writer *
writer_at(size_t i)
{
	return i < NELEM(writers) ? writers[i] : NULL;
}

const struct writer *
writer_find(const char *name)
{
	size_t	 i;

	for (i = 0; i < NELEM(writers); i++)
		if (strcmp(writers[i]->name, name) == 0)
			return writers[i];
	return NULL;
}

static bool
ends_with(const char *s, const char *suffix)
{
	size_t	 n = strlen(s), m = strlen(suffix);

	return n > m && strcasecmp(s + n - m, suffix) == 0;
}

const struct writer *
writer_for_path(const char *path)
{
	const struct writer *best = NULL;
	const char	*last;
	size_t		 i;
	int		 pass;

	/* ".read-aloud.epub" before ".epub", whatever the table's order. */
	for (i = 0; i < NELEM(writers); i++)
		if (ends_with(path, writers[i]->ext) && (best == NULL ||
		    strlen(writers[i]->ext) > strlen(best->ext)))
			best = writers[i];
	if (best != NULL)
		return best;
	/* "notes.txt": a default format's (large print) before others'. */
	for (pass = 0; pass < 2; pass++)
		for (i = 0; i < NELEM(writers); i++) {
			last = strrchr(writers[i]->ext, '.');
			if (last != NULL && ends_with(path, last) &&
			    writers[i]->by_default == (pass == 0))
				return writers[i];
		}
	return NULL;
}

const char *
writer_names(void)
{
	static struct buf b;	/* made once, kept */
	size_t		 i;

	if (b.len == 0)
		for (i = 0; i < NELEM(writers); i++)
			buf_printf(&b, "%s%s", i ? ", " : "",
			    writers[i]->name);
	return b.data != NULL ? b.data : "";
}
