/* SPDX-License-Identifier: ISC */
#include "common.h"

#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
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

/*
 * Temporary names: ".NAME.lector-XXXXXX" beside NAME, or, where that
 * would be too long a name, ".lector-XXXXXX".  sink_sweep() knows them
 * by TMP_TAG and six characters at the end.
 */
#define TMP_TAG		"lector-"
#define TMP_SUFFIX	TMP_TAG "XXXXXX"

struct sink {
	const struct writer *w;
	char		*path;		/* where it goes; "-": stdout */
	FILE		*f;		/* the temporary file, or stdout */
	time_t		 t;		/* the time of a package's entries */
	unsigned	 errors;	/* diag_errors() at the start */
	struct zfile	*zf;		/* a package: the ZIP being written */
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

/* The longest name the folder of path takes. */
static size_t
name_max(const char *path)
{
	const char	*slash = strrchr(path, '/');
	char		*dir;
	long		 n;

	dir = slash == NULL ? xstrdup(".") : slash == path ? xstrdup("/") :
	    xstrndup(path, (size_t)(slash - path));
	n = pathconf(dir, _PC_NAME_MAX);
	free(dir);
#ifdef NAME_MAX
	return n > 0 ? (size_t)n : NAME_MAX;
#else
	return n > 0 ? (size_t)n : 255;
#endif
}

/*
 * Open a hidden temporary file beside path, its name kept in cur_tmp,
 * and lock it: a lock that is free means that the file's writer is gone
 * (sink_sweep()).  Returns NULL after a message.
 */
static FILE *
tmp_open(const char *path)
{
	const char	*slash = strrchr(path, '/'), *base;
	struct flock	 lk;
	FILE		*f;
	int		 fd, n, dirlen;

	base = slash != NULL ? slash + 1 : path;
	dirlen = slash != NULL ? (int)(slash - path) + 1 : 0;
	if (make_parents(path) == -1)
		return NULL;	/* make_parents() said why */
	if (strlen(base) + sizeof(TMP_SUFFIX) + 1 <= name_max(path))
		n = snprintf(cur_tmp, sizeof(cur_tmp), "%.*s.%s." TMP_SUFFIX,
		    dirlen, path, base);
	else
		n = snprintf(cur_tmp, sizeof(cur_tmp), "%.*s." TMP_SUFFIX,
		    dirlen, path);
	if (n < 0 || (size_t)n >= sizeof(cur_tmp)) {
		cur_tmp[0] = '\0';
		diag(DIAG_ERROR, 0, "output path too long: %s", path);
		return NULL;
	}
	if ((fd = mkstemp(cur_tmp)) == -1) {
		diag(DIAG_ERROR, 0, "cannot write %s: %s", path,
		    strerror(errno));
		cur_tmp[0] = '\0';
		return NULL;
	}
	/* Where locks do not work, sink_sweep() cannot tell, and keeps it. */
	memset(&lk, 0, sizeof(lk));
	lk.l_type = F_WRLCK;
	lk.l_whence = SEEK_SET;
	(void)fcntl(fd, F_SETLK, &lk);
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

/*
 * The ZIP of a package is written to a scratch file through a libzip
 * source of lector's own (libzip's own write to named files only, and
 * its buffer source would hold a book's audio in memory): it writes and
 * seeks there, and reads back from there; memory stays flat whatever
 * the size of the book.
 */
struct zfile {
	FILE		*f;
	zip_error_t	 err;
};

/* The command bits the source answers. */
static zip_int64_t
zfile_supports(void)
{
	return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN,
	    ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT,
	    ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, ZIP_SOURCE_SEEK,
	    ZIP_SOURCE_TELL, ZIP_SOURCE_SUPPORTS, ZIP_SOURCE_BEGIN_WRITE,
	    ZIP_SOURCE_COMMIT_WRITE, ZIP_SOURCE_ROLLBACK_WRITE,
	    ZIP_SOURCE_WRITE, ZIP_SOURCE_SEEK_WRITE, ZIP_SOURCE_TELL_WRITE,
	    ZIP_SOURCE_REMOVE, -1);
}

/* Seek the scratch file as a seek command's arguments say. */
static zip_int64_t
zfile_seek(struct zfile *z, void *data, zip_uint64_t len)
{
	zip_int64_t	 at, end;

	if (fseeko(z->f, 0, SEEK_END) != 0 || (end = ftello(z->f)) < 0)
		goto fail;
	at = zip_source_seek_compute_offset((zip_uint64_t)ftello(z->f),
	    (zip_uint64_t)end, data, len, &z->err);
	if (at < 0)
		return -1;
	if (fseeko(z->f, (off_t)at, SEEK_SET) != 0)
		goto fail;
	return 0;
fail:
	zip_error_set(&z->err, ZIP_ER_SEEK, errno);
	return -1;
}

static zip_int64_t
zfile_cmd(void *arg, void *data, zip_uint64_t len, zip_source_cmd_t cmd)
{
	struct zfile	*z = arg;
	zip_stat_t	*st;
	off_t		 at;
	size_t		 n;

	switch (cmd) {
	case ZIP_SOURCE_SUPPORTS:
		return zfile_supports();
	case ZIP_SOURCE_STAT:
		/* Empty until written: zip_open_from_source() truncates. */
		st = data;
		zip_stat_init(st);
		if (fseeko(z->f, 0, SEEK_END) != 0 || (at = ftello(z->f)) < 0)
			break;
		st->size = (zip_uint64_t)at;
		st->valid |= ZIP_STAT_SIZE;
		return sizeof(*st);
	case ZIP_SOURCE_BEGIN_WRITE:
	case ZIP_SOURCE_REMOVE:
		if (fflush(z->f) != 0 || ftruncate(fileno(z->f), 0) != 0 ||
		    fseeko(z->f, 0, SEEK_SET) != 0)
			break;
		return 0;
	case ZIP_SOURCE_WRITE:
		if ((n = fwrite(data, 1, (size_t)len, z->f)) != len)
			break;
		return (zip_int64_t)n;
	case ZIP_SOURCE_SEEK_WRITE:
	case ZIP_SOURCE_SEEK:
		return zfile_seek(z, data, len);
	case ZIP_SOURCE_TELL_WRITE:
	case ZIP_SOURCE_TELL:
		if ((at = ftello(z->f)) < 0)
			break;
		return (zip_int64_t)at;
	case ZIP_SOURCE_COMMIT_WRITE:
		if (fflush(z->f) != 0)
			break;
		return 0;
	case ZIP_SOURCE_OPEN:
		if (fseeko(z->f, 0, SEEK_SET) != 0)
			break;
		return 0;
	case ZIP_SOURCE_READ:
		n = fread(data, 1, (size_t)len, z->f);
		if (n < len && ferror(z->f))
			break;
		return (zip_int64_t)n;
	case ZIP_SOURCE_ROLLBACK_WRITE:
	case ZIP_SOURCE_CLOSE:
	case ZIP_SOURCE_FREE:
		return 0;
	case ZIP_SOURCE_ERROR:
		return zip_error_to_data(&z->err, data, len);
	default:
		zip_error_set(&z->err, ZIP_ER_OPNOTSUPP, 0);
		return -1;
	}
	zip_error_set(&z->err, ZIP_ER_WRITE, errno);
	return -1;
}

/* A package's archive on a scratch file; false after a message. */
static bool
zip_start(struct sink *s)
{
	zip_source_t	*src;
	zip_error_t	 ze;

	s->zf = xcalloc(1, sizeof(*s->zf));
	zip_error_init(&s->zf->err);
	if ((s->zf->f = sink_scratch("the package")) == NULL)
		return false;
	zip_error_init(&ze);
	if ((src = zip_source_function_create(zfile_cmd, s->zf, &ze)) ==
	    NULL || (s->za = zip_open_from_source(src, ZIP_TRUNCATE,
	    &ze)) == NULL) {
		diag(DIAG_ERROR, 0, "%s: %s", s->w->name,
		    zip_error_strerror(&ze));
		if (src != NULL)
			zip_source_free(src);
		zip_error_fini(&ze);
		return false;
	}
	zip_error_fini(&ze);
	return true;
}

static void
zip_end(struct sink *s)
{
	if (s->za != NULL)
		zip_discard(s->za);
	s->za = NULL;
	if (s->zf == NULL)
		return;
	if (s->zf->f != NULL)
		fclose(s->zf->f);
	zip_error_fini(&s->zf->err);
	free(s->zf);
	s->zf = NULL;
}

/* A sink over f, its output called path. */
static struct sink *
make(const struct writer *w, const char *path, FILE *f, time_t t,
    unsigned errors)
{
	struct sink	*s;

	s = xcalloc(1, sizeof(*s));
	s->w = w;
	s->path = xstrdup(path);
	s->f = f;
	s->t = t < ZIP_EPOCH ? ZIP_EPOCH : t;
	s->errors = errors;
	if (w != NULL && w->package && !zip_start(s))
		s->failed = true;
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

const char *
sink_temp(const struct sink *s)
{
	return s->f != stdout && !s->borrowed ? cur_tmp : NULL;
}

FILE *
sink_stream(struct sink *s)
{
	return s->w != NULL && s->w->package ? NULL : s->f;
}

/* Add src as member name, stored or deflated, dated s->t. */
static int
add_source(struct sink *s, const char *name, zip_source_t *src, bool store)
{
	zip_int64_t	 idx;
	struct tm	 tm;
	zip_uint16_t	 dtime, ddate;

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

int
sink_add(struct sink *s, const char *name, const void *data, size_t len)
{
	zip_source_t	*src;
	void		*copy;

	if (s->za == NULL || s->failed)
		return -1;
	copy = xmalloc(len > 0 ? len : 1);
	memcpy(copy, data, len);
	if ((src = zip_source_buffer(s->za, copy, len, 1)) == NULL) {
		free(copy);
		diag(DIAG_ERROR, 0, "%s: cannot add %s: %s", s->w->name, name,
		    zip_strerror(s->za));
		s->failed = true;
		return -1;
	}
	return add_source(s, name, src, len < DEFLATE_MIN);
}

/*
 * A member read from a file by its place (pread), whatever else reads
 * the file between: the MP3 stream one conversion's books all carry.
 */
struct member {
	int		 fd;
	uint64_t	 len;
	uint64_t	 at;
	zip_error_t	 err;
};

static zip_int64_t
member_cmd(void *arg, void *data, zip_uint64_t len, zip_source_cmd_t cmd)
{
	struct member	*m = arg;
	zip_stat_t	*st;
	ssize_t		 n;

	switch (cmd) {
	case ZIP_SOURCE_SUPPORTS:
		return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN,
		    ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT,
		    ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, -1);
	case ZIP_SOURCE_OPEN:
		m->at = 0;
		return 0;
	case ZIP_SOURCE_READ:
		if (len > m->len - m->at)
			len = m->len - m->at;
		if ((n = pread(m->fd, data, (size_t)len, (off_t)m->at)) < 0) {
			zip_error_set(&m->err, ZIP_ER_READ, errno);
			return -1;
		}
		m->at += (uint64_t)n;
		return n;
	case ZIP_SOURCE_STAT:
		st = data;
		zip_stat_init(st);
		st->size = m->len;
		st->valid |= ZIP_STAT_SIZE;
		return sizeof(*st);
	case ZIP_SOURCE_ERROR:
		return zip_error_to_data(&m->err, data, len);
	case ZIP_SOURCE_FREE:
		zip_error_fini(&m->err);
		free(m);
		return 0;
	case ZIP_SOURCE_CLOSE:
		return 0;
	default:
		zip_error_set(&m->err, ZIP_ER_OPNOTSUPP, 0);
		return -1;
	}
}

int
sink_add_file(struct sink *s, const char *name, FILE *f, uint64_t len)
{
	zip_source_t	*src;
	struct member	*m;

	if (s->za == NULL || s->failed)
		return -1;
	if (fflush(f) != 0) {
		diag(DIAG_ERROR, 0, "%s: cannot add %s: %s", s->w->name, name,
		    strerror(errno));
		s->failed = true;
		return -1;
	}
	m = xcalloc(1, sizeof(*m));
	m->fd = fileno(f);
	m->len = len;
	zip_error_init(&m->err);
	if ((src = zip_source_function(s->za, member_cmd, m)) == NULL) {
		zip_error_fini(&m->err);
		free(m);
		diag(DIAG_ERROR, 0, "%s: cannot add %s: %s", s->w->name, name,
		    zip_strerror(s->za));
		s->failed = true;
		return -1;
	}
	return add_source(s, name, src, true);
}

/* Close the package and copy the ZIP to the stream. */
static int
pack(struct sink *s)
{
	char		 chunk[16384];
	size_t		 n;

	if (zip_close(s->za) == -1) {
		diag(DIAG_ERROR, 0, "%s: %s", s->w->name, zip_strerror(s->za));
		return -1;
	}
	s->za = NULL;
	if (fseeko(s->zf->f, 0, SEEK_SET) != 0)
		return -1;
	while ((n = fread(chunk, 1, sizeof(chunk), s->zf->f)) > 0)
		if (fwrite(chunk, 1, n, s->f) != n)
			return -1;
	return ferror(s->zf->f) ? -1 : 0;
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
	zip_end(s);
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

/* Whether name is one of sink's temporary names. */
static bool
is_temp(const char *name)
{
	size_t	 len = strlen(name), tag = sizeof(TMP_TAG) - 1, i;

	if (name[0] != '.' || len < 1 + tag + 6 ||
	    memcmp(name + len - 6 - tag, TMP_TAG, tag) != 0 ||
	    name[len - 7 - tag] != '.')
		return false;
	for (i = len - 6; i < len; i++)
		if (!((name[i] >= 'a' && name[i] <= 'z') ||
		    (name[i] >= 'A' && name[i] <= 'Z') ||
		    (name[i] >= '0' && name[i] <= '9')))
			return false;
	return true;
}

/* Whether the file called name in dirfd is a temporary file nobody holds. */
static bool
is_stale(int dirfd, const char *name)
{
	struct flock	 lk;
	struct stat	 st;
	int		 fd;
	bool		 stale;

	if ((fd = openat(dirfd, name, O_RDONLY | O_NONBLOCK | O_NOFOLLOW)) ==
	    -1)
		return false;
	memset(&lk, 0, sizeof(lk));
	lk.l_type = F_WRLCK;
	lk.l_whence = SEEK_SET;
	stale = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
	    fcntl(fd, F_GETLK, &lk) == 0 && lk.l_type == F_UNLCK;
	close(fd);
	return stale;
}

size_t
sink_sweep(const char *dir)
{
	DIR		*dp;
	struct dirent	*de;
	size_t		 n = 0;

	if ((dp = opendir(dir)) == NULL)
		return 0;
	while ((de = readdir(dp)) != NULL)
		if (is_temp(de->d_name) && is_stale(dirfd(dp), de->d_name) &&
		    unlinkat(dirfd(dp), de->d_name, 0) == 0) {
			diag(DIAG_INFO, 0, "removed %s/%s, left by a run that "
			    "was stopped", dir, de->d_name);
			n++;
		}
	closedir(dp);
	return n;
}

FILE *
sink_scratch(const char *what)
{
	const char	*dir = getenv("TMPDIR");
	char		*path;
	FILE		*f = NULL;
	int		 fd;

	if (dir == NULL || *dir == '\0')
		dir = "/tmp";
	path = xasprintf("%s%s.lector-" "XXXXXX", dir,
	    dir[strlen(dir) - 1] == '/' ? "" : "/");
	if ((fd = mkstemp(path)) != -1) {
		unlink(path);
		if ((f = fdopen(fd, "w+b")) == NULL)
			close(fd);
	}
	if (f == NULL)
		diag(DIAG_ERROR, 0, "cannot make a temporary file for %s in "
		    "%s: %s (TMPDIR names another folder)", what, dir,
		    strerror(errno));
	free(path);
	return f;
}
