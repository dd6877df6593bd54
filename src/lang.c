/* SPDX-License-Identifier: ISC */
#include "common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "conf.h"
#include "data.h"
#include "diag.h"
#include "lang.h"
#include "xalloc.h"

/* A key and its value, as the file gives them. */
struct pair {
	char	*key;
	char	*value;
};

struct lang {
	char		 tag[16];	/* the primary subtag, lower case */
	char		**abbrevs;	/* sorted, for bsearch() */
	size_t		 nabbrevs;
	char		**holds;	/* no-break-after words, sorted */
	size_t		 nholds;
	char		**names;	/* lower case */
	size_t		 nnames;
	struct pair	*pairs;		/* labels, voices, codes */
	size_t		 npairs;
	struct lang	*next;
};

/* Every language read so far; they live as long as the process. */
static struct lang	*langs;
static bool		 all_read;	/* every file has been read */

static void
add_words(char ***v, size_t *n, const char *value, bool lower)
{
	const char	*s = value, *end;
	char		*w;
	size_t		 i;

	while (*s != '\0') {
		while (*s == ' ' || *s == '\t')
			s++;
		for (end = s; *end != '\0' && *end != ' ' && *end != '\t';
		    end++)
			continue;
		if (end > s) {
			w = xstrndup(s, (size_t)(end - s));
			/* ASCII only: "español" keeps its ñ, which is
			 * compared as written. */
			for (i = 0; lower && w[i] != '\0'; i++)
				if (w[i] >= 'A' && w[i] <= 'Z')
					w[i] = (char)(w[i] + 32);
			*v = xreallocarray(*v, *n + 1, sizeof(**v));
			(*v)[(*n)++] = w;
		}
		s = end;
	}
}

static int
lang_key(const char *key, const char *value, const char *path,
    unsigned line, void *arg)
{
	struct lang	*l = arg;

	(void)path;
	(void)line;
	if (strcmp(key, "abbreviations") == 0)
		add_words(&l->abbrevs, &l->nabbrevs, value, false);
	else if (strcmp(key, "no-break-after") == 0)
		add_words(&l->holds, &l->nholds, value, false);
	else if (strcmp(key, "names") == 0)
		add_words(&l->names, &l->nnames, value, true);
	else {
		l->pairs = xreallocarray(l->pairs, l->npairs + 1,
		    sizeof(*l->pairs));
		l->pairs[l->npairs].key = xstrdup(key);
		l->pairs[l->npairs].value = xstrdup(value);
		l->npairs++;
	}
	return 0;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Read the file of primary subtag tag into a new language. */
static struct lang *
load(const char *tag)
{
	struct lang	*l;
	char		*path, *text = NULL;
	size_t		 len;

	l = xcalloc(1, sizeof(*l));
	snprintf(l->tag, sizeof(l->tag), "%s", tag);
	l->next = langs;
	langs = l;
	if (strchr(tag, '/') != NULL || tag[0] == '\0' || tag[0] == '.' ||
	    (path = data_find("language", tag, ".conf")) == NULL)
		return l;
	if ((text = data_read(path, &len)) != NULL &&
	    conf_parse(text, path, lang_key, l) == 0) {
		if (l->nabbrevs > 0)
			qsort(l->abbrevs, l->nabbrevs, sizeof(*l->abbrevs),
			    cmp_str);
		if (l->nholds > 0)
			qsort(l->holds, l->nholds, sizeof(*l->holds),
			    cmp_str);
	}
	free(text);
	free(path);
	return l;
}

int
lang_setup(void)
{
	char	*path;

	if ((path = data_find("language", "en", ".conf")) == NULL) {
		diag_line("cannot find its language data "
		    "(language/en.conf in styles/ or the installed "
		    "share/lector; LECTOR_DATADIR names another folder)");
		return -1;
	}
	free(path);
	return 0;
}

const struct lang *
lang_get(const char *tag)
{
	struct lang	*l;
	char		 primary[16];
	size_t		 i;

	for (i = 0; i + 1 < sizeof(primary) && tag[i] != '\0' &&
	    tag[i] != '-' && tag[i] != '_'; i++)
		primary[i] = tag[i] >= 'A' && tag[i] <= 'Z' ?
		    (char)(tag[i] + 32) : tag[i];
	primary[i] = '\0';
	for (l = langs; l != NULL; l = l->next)
		if (strcmp(l->tag, primary) == 0)
			return l;
	return load(primary);
}

const char *
lang_tag(const struct lang *l)
{
	return l->tag;
}

/* Whether the len bytes at word are one of the n sorted words of v. */
static bool
listed(char *const *v, size_t n, const char *word, size_t len)
{
	size_t	 lo = 0, hi = n, mid;
	int	 c;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		c = strncmp(v[mid], word, len);
		if (c == 0 && v[mid][len] != '\0')
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

bool
lang_is_abbreviation(const struct lang *l, const char *word, size_t len)
{
	return listed(l->abbrevs, l->nabbrevs, word, len);
}

bool
lang_holds_next(const struct lang *l, const char *word, size_t len)
{
	/* "Mr." as well as "Mr": both styles are written. */
	return listed(l->holds, l->nholds, word, len) ||
	    (len > 1 && word[len - 1] == '.' &&
	    listed(l->holds, l->nholds, word, len - 1));
}

const char *
lang_value(const struct lang *l, const char *key, size_t nth)
{
	size_t	 i;

	for (i = 0; i < l->npairs; i++)
		if (strcmp(l->pairs[i].key, key) == 0 && nth-- == 0)
			return l->pairs[i].value;
	return NULL;
}

/*
 * The word at *s in a list of words apart by spaces: its length, and *s
 * moved past it; 0 at the end.
 */
static size_t
next_word(const char **s)
{
	const char	*w;

	while (**s == ' ' || **s == '\t')
		(*s)++;
	for (w = *s; **s != '\0' && **s != ' ' && **s != '\t'; (*s)++)
		continue;
	return (size_t)(*s - w);
}

size_t
lang_word(const struct lang *l, const char *key, const char *word,
    size_t len)
{
	const char	*v, *s;
	size_t		 i, n, place = 0;

	for (i = 0; (v = lang_value(l, key, i)) != NULL; i++)
		for (s = v; (n = next_word(&s)) > 0; ) {
			place++;
			if (n == len && memcmp(s - n, word, len) == 0)
				return place;
		}
	return 0;
}

const char *
lang_nth_word(const struct lang *l, const char *key, size_t place,
    size_t *len)
{
	const char	*v, *s;
	size_t		 i, n;

	for (i = 0; place > 0 && (v = lang_value(l, key, i)) != NULL; i++)
		for (s = v; (n = next_word(&s)) > 0; )
			if (--place == 0) {
				*len = n;
				return s - n;
			}
	return NULL;
}

const char *
lang_label(const struct lang *l, const char *key)
{
	char	 k[64];

	snprintf(k, sizeof(k), "label.%s", key);
	return lang_value(l, k, 0);
}

const char *
lang_voice(const struct lang *l, const char *region)
{
	const char	*v;
	char		 k[32];

	if (region != NULL) {
		snprintf(k, sizeof(k), "voice.%s", region);
		if ((v = lang_value(l, k, 0)) != NULL)
			return v;
	}
	return lang_value(l, "voice", 0);
}

size_t
lang_voices(const char *tag, char *lower, size_t lowersz,
    const char *try[LANG_VOICES])
{
	const struct lang *l = lang_get(tag);
	const char	*v;
	char		 region[16] = "";
	size_t		 i, n = 0;

	snprintf(lower, lowersz, "%s", tag);
	for (i = 0; lower[i] != '\0'; i++) {
		/* The region: a later subtag of two letters or 3 digits. */
		if (lower[i] == '-' && (strcspn(lower + i + 1, "-") == 2 ||
		    strspn(lower + i + 1, "0123456789") == 3))
			snprintf(region, sizeof(region), "%.*s",
			    (int)strcspn(lower + i + 1, "-"), lower + i + 1);
		if (lower[i] >= 'A' && lower[i] <= 'Z')
			lower[i] = (char)(lower[i] + 32);
	}
	for (i = 0; region[i] != '\0'; i++)
		if (region[i] >= 'a' && region[i] <= 'z')
			region[i] = (char)(region[i] - 32);
	if (region[0] != '\0' && (v = lang_voice(l, region)) != NULL &&
	    v != lang_voice(l, NULL))
		try[n++] = v;
	if (region[0] == '\0' && (v = lang_voice(l, NULL)) != NULL)
		try[n++] = v;
	try[n++] = lower;
	if (region[0] != '\0' && (v = lang_voice(l, NULL)) != NULL)
		try[n++] = v;
	try[n++] = lang_tag(l);
	return n;
}

bool
lang_rtl(const struct lang *l)
{
	const char	*v = lang_value(l, "direction", 0);

	return v != NULL && strcmp(v, "rtl") == 0;
}

const char *
lang_iso639_2(const struct lang *l)
{
	const char	*v = lang_value(l, "iso639-2", 0);

	return v != NULL ? v : "und";
}

/* The language whose file lists name (len bytes, any case), or NULL. */
static const struct lang *
by_name(const char *name, size_t len)
{
	const struct lang *l;
	char		**tags;
	size_t		 n, i;

	if (!all_read) {
		tags = data_list("language", ".conf", &n);
		for (i = 0; i < n; i++) {
			lang_get(tags[i]);
			free(tags[i]);
		}
		free(tags);
		all_read = true;
	}
	for (l = langs; l != NULL; l = l->next)
		for (i = 0; i < l->nnames; i++)
			if (strlen(l->names[i]) == len &&
			    strncasecmp(l->names[i], name, len) == 0)
				return l;
	return NULL;
}

bool
lang_parse_tag(const char *s, size_t len, char *out, size_t outsz)
{
	const struct lang *l;
	size_t		 i, sub, start, k, c;
	char		 ch;

	if ((l = by_name(s, len)) != NULL) {
		snprintf(out, outsz, "%s", l->tag);
		return true;
	}
	if (len == 0 || len >= outsz)
		return false;
	/* Subtags of 1 to 8 letters or digits, the first 2 or 3 letters. */
	for (i = 0, sub = 0, start = 0, k = 0; i <= len; i++) {
		if (i == len || s[i] == '-' || s[i] == '_') {
			if (sub == 0 || sub > 8 || (k == 0 && sub > 3) ||
			    (k == 0 && sub < 2))
				return false;
			/* Primary lower case, a region upper case, a script
			 * in title case: "pt-BR", "zh-Hant". */
			for (c = start; c < i; c++) {
				ch = s[c];
				if (ch >= 'A' && ch <= 'Z')
					ch = (char)(ch + 32);
				if (k > 0 && ((sub == 2 && ch >= 'a') ||
				    (sub == 4 && c == start && ch >= 'a')))
					ch = (char)(ch - 32);
				out[c] = ch;
			}
			if (i < len)
				out[i] = '-';
			k++;
			sub = 0;
			start = i + 1;
			continue;
		}
		/* Letters, and digits after the primary language. */
		if (!((s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= 'A' && s[i] <= 'Z') ||
		    (k > 0 && s[i] >= '0' && s[i] <= '9')))
			return false;
		sub++;
	}
	out[len] = '\0';
	return true;
}
