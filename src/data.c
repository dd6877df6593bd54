/* SPDX-License-Identifier: ISC */
#include "common.h"

#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "data.h"
#include "diag.h"
#include "xalloc.h"

#ifndef LECTOR_DATADIR
#define LECTOR_DATADIR "/usr/local/share/lector"
#endif

/*
 * The folders data files are looked for in, best first, into dirs;
 * returns how many.  The strings live as long as the process.
 */
static size_t
data_dirs(const char *dirs[5])
{
	static char	*beside, *above, *share;
	const char	*env;
	char		 exe[4096], *slash;
	ssize_t		 n;
	size_t		 k = 0;

	if ((env = getenv("LECTOR_DATADIR")) != NULL && *env != '\0')
		dirs[k++] = env;
	if (beside == NULL &&
	    (n = readlink("/proc/self/exe", exe, sizeof(exe) - 1)) > 0) {
		exe[n] = '\0';
		if ((slash = strrchr(exe, '/')) != NULL)
			*slash = '\0';
		beside = xasprintf("%s/styles", exe);
		above = xasprintf("%s/../styles", exe);
		share = xasprintf("%s/../share/lector", exe);
	}
	if (beside != NULL) {
		dirs[k++] = beside;
		dirs[k++] = above;
		/* An installed tree moved elsewhere (or under DESTDIR). */
		dirs[k++] = share;
	}
	dirs[k++] = LECTOR_DATADIR;
	return k;
}

static bool
readable(const char *path)
{
	struct stat	 st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode) &&
	    access(path, R_OK) == 0;
}

char *
data_find(const char *kind, const char *name, const char *suffix)
{
	const char	*dirs[5];
	char		*path;
	size_t		 n, k, slen = strlen(suffix), nlen = strlen(name);

	if (strchr(name, '/') != NULL ||
	    (nlen > slen && strcmp(name + nlen - slen, suffix) == 0))
		return readable(name) ? xstrdup(name) : NULL;
	if (*name == '\0' || name[0] == '.')
		return NULL;
	n = data_dirs(dirs);
	for (k = 0; k < n; k++) {
		path = xasprintf("%s/%s/%s%s", dirs[k], kind, name, suffix);
		if (readable(path))
			return path;
		free(path);
	}
	return NULL;
}

char *
data_load(const char *kind, const char *name, const char *suffix,
    const char *option, const char *what, char **path, size_t *len)
{
	char	*text, *names;

	if ((*path = data_find(kind, name, suffix)) == NULL) {
		names = data_names(kind, suffix);
		diag_line("%s %s: no such %s or readable %s "
		    "file (there are: %s) (see lector --help)", option,
		    name, what, suffix, names);
		free(names);
		return NULL;
	}
	if ((text = data_read(*path, len)) == NULL) {
		diag_line("%s: cannot read: %s", *path,
		    strerror(errno));
		free(*path);
		*path = NULL;
	}
	return text;
}

char *
data_read(const char *path, size_t *len)
{
	struct buf	 b = { 0 };
	char		 chunk[8192];
	size_t		 n;
	FILE		*f;
	int		 err;

	if ((f = fopen(path, "rb")) == NULL)
		return NULL;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_put(&b, chunk, n);
	if (ferror(f)) {
		err = errno;
		fclose(f);
		buf_free(&b);
		errno = err;
		return NULL;
	}
	fclose(f);
	*len = b.len;
	return buf_steal(&b);
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

char **
data_list(const char *kind, const char *suffix, size_t *n)
{
	const char	*dirs[5];
	struct dirent	*de;
	DIR		*dp;
	char		*path, **found = NULL;
	size_t		 ndirs, k, len, slen = strlen(suffix);

	*n = 0;
	ndirs = data_dirs(dirs);
	for (k = 0; k < ndirs && *n == 0; k++) {
		path = xasprintf("%s/%s", dirs[k], kind);
		if ((dp = opendir(path)) != NULL) {
			while ((de = readdir(dp)) != NULL) {
				len = strlen(de->d_name);
				if (len <= slen || de->d_name[0] == '.' ||
				    strcmp(de->d_name + len - slen,
				    suffix) != 0)
					continue;
				found = xreallocarray(found, *n + 1,
				    sizeof(*found));
				found[(*n)++] = xstrndup(de->d_name,
				    len - slen);
			}
			closedir(dp);
		}
		free(path);
	}
	if (*n > 0)
		qsort(found, *n, sizeof(*found), cmp_str);
	return found;
}

char *
data_names(const char *kind, const char *suffix)
{
	struct buf	 b = { 0 };
	char		**found;
	size_t		 n, i;

	found = data_list(kind, suffix, &n);
	for (i = 0; i < n; i++) {
		buf_printf(&b, "%s%s", i ? ", " : "", found[i]);
		free(found[i]);
	}
	free(found);
	if (n == 0)
		buf_puts(&b, "none found");
	return buf_steal(&b);
}
