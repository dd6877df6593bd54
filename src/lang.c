/* SPDX-License-Identifier: ISC */
#include "common.h"

#include <stdlib.h>
#include <string.h>

#include "conf.h"
#include "data.h"
#include "lang.h"
#include "xalloc.h"

struct lang {
	char		 tag[16];	/* the primary subtag, lower case */
	char		**abbrevs;	/* sorted, for bsearch() */
	size_t		 nabbrevs;
	struct lang	*next;
};

/* Every language read so far; they live as long as the process. */
static struct lang	*langs;

static int
add_words(char ***v, size_t *n, const char *value)
{
	const char	*s = value, *end;

	while (*s != '\0') {
		while (*s == ' ' || *s == '\t')
			s++;
		for (end = s; *end != '\0' && *end != ' ' && *end != '\t';
		    end++)
			continue;
		if (end > s) {
			*v = xreallocarray(*v, *n + 1, sizeof(**v));
			(*v)[(*n)++] = xstrndup(s, (size_t)(end - s));
		}
		s = end;
	}
	return 0;
}

static int
lang_key(const char *key, const char *value, const char *path,
    unsigned line, void *arg)
{
	struct lang	*l = arg;

	(void)path;
	(void)line;
	if (strcmp(key, "abbreviations") == 0)
		return add_words(&l->abbrevs, &l->nabbrevs, value);
	return 0;	/* keys of later versions are no error */
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

const struct lang *
lang_get(const char *tag)
{
	struct lang	*l;
	char		 primary[16], *path, *text;
	size_t		 i, len;

	for (i = 0; i + 1 < sizeof(primary) && tag[i] != '\0' &&
	    tag[i] != '-'; i++)
		primary[i] = tag[i] >= 'A' && tag[i] <= 'Z' ?
		    (char)(tag[i] + 32) : tag[i];
	primary[i] = '\0';
	for (l = langs; l != NULL; l = l->next)
		if (strcmp(l->tag, primary) == 0)
			return l;
	l = xcalloc(1, sizeof(*l));
	memcpy(l->tag, primary, i + 1);
	l->next = langs;
	langs = l;
	if (strchr(primary, '/') != NULL || primary[0] == '\0' ||
	    (path = data_find("language", primary, ".conf")) == NULL)
		return l;
	if ((text = data_read(path, &len)) != NULL &&
	    conf_parse(text, path, lang_key, l) == 0)
		qsort(l->abbrevs, l->nabbrevs, sizeof(*l->abbrevs), cmp_str);
	else {
		for (i = 0; i < l->nabbrevs; i++)
			free(l->abbrevs[i]);
		free(l->abbrevs);
		l->abbrevs = NULL;
		l->nabbrevs = 0;
	}
	free(text);
	free(path);
	return l;
}

bool
lang_is_abbreviation(const struct lang *l, const char *word, size_t len)
{
	size_t	 lo = 0, hi = l->nabbrevs, mid;
	int	 c;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		c = strncmp(l->abbrevs[mid], word, len);
		if (c == 0 && l->abbrevs[mid][len] != '\0')
			c = 1;
		if (c == 0)
			return true;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}
