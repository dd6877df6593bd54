/* SPDX-License-Identifier: ISC */
#include "common.h"

#include <sys/stat.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <zip.h>

#include "diag.h"
#include "sink.h"
#include "writer.h"
#include "xalloc.h"

/*
 * Entries smaller than this are stored: deflating them saves a few
 * hundred bytes and costs zlib's setup, most of the time of a small book.
 */
#define DEFLATE_MIN	1024

/* 1980-01-01, the earliest time a ZIP entry can hold. */
#define ZIP_EPOCH	315532800

struct sink {
	const struct writer *w;
	char		*path;		/* where it goes; "-": stdout */
	FILE		*f;		/* the temporary file, or stdout */
	time_t		 t;		/* the time of a package's entries */
	unsigned	 errors;	/* diag_errors() at the start */
	zip_source_t	*mem;		/* a package: the ZIP in memory */
	zip_t		*za;
	bool		 failed;	/* a member could not be added */
	bool		 borrowed;	/* f is the caller's (sink_over()) */
};

/* The temporary file being written, removed if a signal ends the worker. */
static char	 cur_tmp[4096];
static mode_t	 file_mode = 0644;

void
sink_abandon(void)
{
	if (cur_tmp[0] != '\0')
		unlink(cur_tmp);
}

void
sink_set_mode(unsigned mode)
{
	file_mode = (mode_t)mode;
}

/* mkdir -p for the folders above path. */
static int
make_parents(const char *path)
{
	char	*p, *s;
	int	 rc = 0;

	p = xstrdup(path);
	for (s = p + 1; rc == 0 && (s = strchr(s, '/')) != NULL; s++) {
		*s = '\0';
		if (mkdir(p, 0777) == -1 && errno != EEXIST) {
			diag(DIAG_ERROR, 0, "cannot make folder %s: %s", p,
			    strerror(errno));
			rc = -1;
		}
		*s = '/';
	}
	free(p);
	return rc;
}

/*
 * Open a hidden temporary file beside path ("dir/.name.XXXXXX"), its name
 * kept in cur_tmp.  Returns NULL after a message.
 */
static FILE *
tmp_open(const char *path)
{
	const char	*slash = strrchr(path, '/');
	FILE		*f;
	int		 fd, n;

	n = slash == NULL ?
	    snprintf(cur_tmp, sizeof(cur_tmp), ".%s.XXXXXX", path) :
	    snprintf(cur_tmp, sizeof(cur_tmp), "%.*s/.%s.XXXXXX",
	    (int)(slash - path), path, slash + 1);
	if (n < 0 || (size_t)n >= sizeof(cur_tmp)) {
		cur_tmp[0] = '\0';
		diag(DIAG_ERROR, 0, "output path too long: %s", path);
		return NULL;
	}
	if (make_parents(path) == -1) {
		cur_tmp[0] = '\0';	/* make_parents() said why */
		return NULL;
	}
	if ((fd = mkstemp(cur_tmp)) == -1) {
		diag(DIAG_ERROR, 0, "cannot write %s: %s", path,
		    strerror(errno));
		cur_tmp[0] = '\0';
		return NULL;
	}
	if (fchmod(fd, file_mode) == -1 || (f = fdopen(fd, "wb")) == NULL) {
		diag(DIAG_ERROR, 0, "cannot write %s: %s", path,
		    strerror(errno));
		close(fd);
		unlink(cur_tmp);
		cur_tmp[0] = '\0';
		return NULL;
	}
	return f;
}

/* A sink over f, its output called path. */
static struct sink *
make(const struct writer *w, const char *path, FILE *f, time_t t,
    unsigned errors)
{
	struct sink	*s;
	zip_error_t	 ze;

	s = xcalloc(1, sizeof(*s));
	s->w = w;
	s->path = xstrdup(path);
	s->f = f;
	s->t = t < ZIP_EPOCH ? ZIP_EPOCH : t;
	s->errors = errors;
	if (w != NULL && w->package) {
		zip_error_init(&ze);
		if ((s->mem = zip_source_buffer_create(NULL, 0, 0, &ze)) ==
		    NULL || (s->za = zip_open_from_source(s->mem,
		    ZIP_TRUNCATE, &ze)) == NULL) {
			diag(DIAG_ERROR, 0, "%s: %s", w->name,
			    zip_error_strerror(&ze));
			s->failed = true;
		} else
			zip_source_keep(s->mem);
		zip_error_fini(&ze);
	}
	return s;
}

struct sink *
sink_open(const struct writer *w, const char *path, time_t t)
{
	unsigned	 errors = diag_errors();
	FILE		*f;

	if (strcmp(path, "-") == 0)
		f = stdout;
	else if ((f = tmp_open(path)) == NULL)
		return NULL;
	return make(w, path, f, t, errors);
}

struct sink *
sink_over(const struct writer *w, FILE *f, time_t t)
{
	struct sink	*s;

	s = make(w, "-", f, t, diag_errors());
	s->borrowed = true;
	return s;
}

FILE *
sink_stream(struct sink *s)
{
	return s->w != NULL && s->w->package ? NULL : s->f;
}

int
sink_add(struct sink *s, const char *name, const void *data, size_t len)
{
	bool		 store = len < DEFLATE_MIN;
	zip_source_t	*src;
	zip_int64_t	 idx;
	struct tm	 tm;
	zip_uint16_t	 dtime, ddate;
	void		*copy;

	if (s->za == NULL || s->failed)
		return -1;
	copy = xmalloc(len > 0 ? len : 1);
	memcpy(copy, data, len);
	if ((src = zip_source_buffer(s->za, copy, len, 1)) == NULL) {
		free(copy);
		goto fail;
	}
	if ((idx = zip_file_add(s->za, name, src, ZIP_FL_ENC_UTF_8)) < 0) {
		zip_source_free(src);
		goto fail;
	}
	/* DOS time from UTC fields: the same bytes in every time zone. */
	gmtime_r(&s->t, &tm);
	dtime = (zip_uint16_t)((tm.tm_hour << 11) | (tm.tm_min << 5) |
	    (tm.tm_sec / 2));
	ddate = (zip_uint16_t)(((tm.tm_year - 80) << 9) |
	    ((tm.tm_mon + 1) << 5) | tm.tm_mday);
	if (zip_set_file_compression(s->za, (zip_uint64_t)idx, store ?
	    ZIP_CM_STORE : ZIP_CM_DEFLATE, store ? 0 : 6) == -1 ||
	    zip_file_set_dostime(s->za, (zip_uint64_t)idx, dtime, ddate,
	    0) == -1)
		goto fail;
	return 0;
fail:
	diag(DIAG_ERROR, 0, "%s: cannot add %s: %s", s->w->name, name,
	    zip_strerror(s->za));
	s->failed = true;
	return -1;
}

/* Close the package and copy the ZIP to the stream. */
static int
pack(struct sink *s)
{
	char		 chunk[16384];
	zip_int64_t	 n;

	if (zip_close(s->za) == -1) {
		diag(DIAG_ERROR, 0, "%s: %s", s->w->name, zip_strerror(s->za));
		zip_discard(s->za);
		s->za = NULL;
		return -1;
	}
	s->za = NULL;
	if (zip_source_open(s->mem) == -1) {
		diag(DIAG_ERROR, 0, "%s: %s", s->w->name,
		    zip_error_strerror(zip_source_error(s->mem)));
		return -1;
	}
	while ((n = zip_source_read(s->mem, chunk, sizeof(chunk))) > 0)
		if (fwrite(chunk, 1, (size_t)n, s->f) != (size_t)n)
			break;
	zip_source_close(s->mem);
	return n == 0 ? 0 : -1;
}

/* A failure nobody said: an I/O error on the stream, most often. */
static void
say_failure(const struct sink *s, bool io, int err)
{
	if (diag_errors() > s->errors)
		return;
	if (io)
		diag(DIAG_ERROR, 0, "cannot write %s: %s", strcmp(s->path,
		    "-") == 0 ? "to standard output" : s->path,
		    strerror(err != 0 ? err : EIO));
	else
		diag(DIAG_ERROR, 0, "%s: failed without saying why (please "
		    "report this with the input)",
		    s->w != NULL ? s->w->name : "lector");
}

int
sink_commit(struct sink *s, bool ok)
{
	int	 err = errno, rc = ok && !s->failed ? 0 : -1;

	if (rc == 0 && s->za != NULL && pack(s) == -1) {
		err = errno;
		rc = -1;
	}
	if (s->za != NULL)
		zip_discard(s->za);
	zip_source_free(s->mem);
	if (rc == 0 && (fflush(s->f) == EOF || ferror(s->f))) {
		err = errno;
		rc = -1;
	}
	if (rc == -1)
		say_failure(s, ferror(s->f), err);
	if (s->f != stdout && !s->borrowed) {
		if (fclose(s->f) == EOF && rc == 0) {
			say_failure(s, true, errno);
			rc = -1;
		}
		if (rc == 0 && rename(cur_tmp, s->path) == -1) {
			diag(DIAG_ERROR, 0, "cannot rename into %s: %s",
			    s->path, strerror(errno));
			rc = -1;
		}
		if (rc != 0)
			unlink(cur_tmp);
		cur_tmp[0] = '\0';
	}
	free(s->path);
	free(s);
	return rc;
}
