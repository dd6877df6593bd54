/* SPDX-License-Identifier: ISC */
#include "common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "conf.h"
#include "data.h"
#include "diag.h"

static char *
trim(char *s)
{
	char	*end;

	while (*s == ' ' || *s == '\t')
		s++;
	end = s + strlen(s);
	while (end > s && (end[-1] == ' ' || end[-1] == '\t' ||
	    end[-1] == '\r'))
		*--end = '\0';
	return s;
}

int
conf_parse(char *text, const char *path,
    int (*fn)(const char *, const char *, const char *, unsigned, void *),
    void *arg)
{
	char		*line, *next, *eq, *key, *value;
	unsigned	 no = 0;

	for (line = text; line != NULL; line = next) {
		no++;
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		if ((eq = strchr(line, '#')) != NULL)
			*eq = '\0';
		line = trim(line);
		if (*line == '\0')
			continue;
		if ((eq = strchr(line, '=')) == NULL) {
			diag_line("%s:%u: not a 'key = value' "
			    "line", path, no);
			return -1;
		}
		*eq = '\0';
		key = trim(line);
		value = trim(eq + 1);
		if (*key == '\0' || *value == '\0') {
			diag_line("%s:%u: a key and a value "
			    "are needed", path, no);
			return -1;
		}
		if (fn(key, value, path, no, arg) == -1)
			return -1;
	}
	return 0;
}

bool
conf_bool(const char *value, bool *v)
{
	if (strcasecmp(value, "yes") == 0 || strcasecmp(value, "true") == 0 ||
	    strcasecmp(value, "on") == 0 || strcmp(value, "1") == 0)
		*v = true;
	else if (strcasecmp(value, "no") == 0 ||
	    strcasecmp(value, "false") == 0 || strcasecmp(value, "off") == 0 ||
	    strcmp(value, "0") == 0)
		*v = false;
	else
		return false;
	return true;
}

bool
conf_uint(const char *value, unsigned min, unsigned max, unsigned *v)
{
	char		*end;
	unsigned long	 n;

	if (*value < '0' || *value > '9')
		return false;
	n = strtoul(value, &end, 10);
	if (*end != '\0' || n < min || n > max)
		return false;
	*v = (unsigned)n;
	return true;
}

int
conf_load(const char *kind, const char *name, const char *option,
    const char *what, int (*fn)(const char *, const char *, const char *,
    unsigned, void *), void *arg)
{
	char	*path, *text;
	size_t	 len;
	int	 rc;

	if ((text = data_load(kind, name, ".conf", option, what, &path,
	    &len)) == NULL)
		return -1;
	rc = conf_parse(text, path, fn, arg);
	free(text);
	free(path);
	return rc;
}
