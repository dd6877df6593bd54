/* SPDX-License-Identifier: ISC */
/*
 * The batch runner: inputs become jobs, jobs run in worker processes.
 * Processes, not threads, because libespeak-ng keeps global state, and so
 * that a crash or a hang in one input costs that input only: the parent
 * notices a worker that died or overran --timeout, reports the input as
 * failed and starts a new worker for the rest.
 *
 * Each worker has two pipes: job numbers go down one, one status per job
 * comes back up the other; end of file on the way back means the worker
 * died.  Outputs are written under a hidden temporary name in their
 * folder and renamed into place, so a killed run never leaves half a file.
 */
#include "common.h"

#include <sys/stat.h>
#include <sys/wait.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include <json.h>

#include "batch.h"
#include "buf.h"
#include "diag.h"
#include "options.h"
#include "input.h"
#include "reader.h"
#include "tree.h"
#include "utf8.h"
#include "writer.h"
#include "xalloc.h"

enum job_state {
	JOB_PENDING,
	JOB_DONE,	/* converted */
	JOB_FAILED,	/* reported by the worker, or not found */
	JOB_SKIPPED,	/* -u: outputs up to date */
	JOB_TIMEOUT,	/* ran past --timeout */
	JOB_CRASHED,	/* the worker died */
	JOB_OTHER_SHARD,	/* --shard: another machine's */
	JOB_NOT_RUN,	/* --stop ended the batch first */
};

static const char *const state_names[] = {
	"pending", "converted", "failed", "skipped", "timeout", "crashed",
	"other-shard", "not-run",
};

/* What became of one output of a job. */
enum out_fate {
	OUTPUT_NOT_ATTEMPTED,
	OUTPUT_WRITING,		/* begun, and not yet said how it ended */
	OUTPUT_WRITTEN,		/* complete and in place */
	OUTPUT_FAILED,		/* not written; the old file, if any, kept */
	OUTPUT_UP_TO_DATE,	/* -u: left as it was */
};

static const char *const fate_names[] = {
	"not-attempted", "writing", "written", "failed", "up-to-date",
};

struct job {
	char		*in;	/* the input path as named */
	char		*rel;	/* output name without suffix, under -o */
	enum job_state	 state;
	char		*reason;	/* why the input failed, or NULL */
	enum out_fate	*fates;		/* per writer; NULL: none attempted */
	char		**why;		/* per writer: why it failed, or NULL */
};

struct jobs {
	struct job	*v;
	size_t		 n;
	size_t		 cap;
	size_t		 nwriters;	/* the length of every fates[] */
	const struct reader *from;	/* --from: only its files in folders */
};

struct dir_id {
	dev_t		 dev;
	ino_t		 ino;
};

/* ---- Collecting inputs -------------------------------------------------- */

static struct job *
add_job(struct jobs *js, const char *in, const char *rel)
{
	struct job	*j;

	if (js->n == js->cap) {
		js->cap = js->cap ? js->cap * 2 : 32;
		js->v = xreallocarray(js->v, js->cap, sizeof(*js->v));
	}
	j = &js->v[js->n++];
	memset(j, 0, sizeof(*j));
	j->in = xstrdup(in);
	j->rel = xstrdup(rel);
	j->state = JOB_PENDING;
	return j;
}

static void
fail_input(struct jobs *js, const char *in, const char *what, int err)
{
	struct job	*j;

	diag_reset(in);
	diag(DIAG_ERROR, 0, "%s: %s", what, strerror(err));
	j = add_job(js, in, "");
	j->state = JOB_FAILED;
	j->reason = xstrdup(diag_last_error());
	diag_reset(NULL);
}

/* name without its last extension, as a new string. */
static char *
stem(const char *name)
{
	const char	*dot = strrchr(name, '.');

	return dot != NULL && dot != name ?
	    xstrndup(name, (size_t)(dot - name)) : xstrdup(name);
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * Add the *.txt files under dir, in name order, hidden entries skipped.
 * Symbolic links are followed; a folder already open higher up (a link
 * loop) is skipped with a warning.
 */
static void
walk_dir(struct jobs *js, const char *dir, const char *rel,
    struct dir_id *stack, size_t depth)
{
	DIR		*dp;
	struct dirent	*de;
	struct stat	 st;
	char		**names = NULL, *path, *sub, *s;
	size_t		 n = 0, cap = 0, i, k;
	struct dir_id	*deeper;

	if ((dp = opendir(dir)) == NULL) {
		fail_input(js, dir, "cannot open folder", errno);
		return;
	}
	while ((de = readdir(dp)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 32;
			names = xreallocarray(names, cap, sizeof(*names));
		}
		names[n++] = xstrdup(de->d_name);
	}
	closedir(dp);
	if (n > 0)
		qsort(names, n, sizeof(*names), cmp_str);

	for (i = 0; i < n; i++) {
		path = xasprintf("%s%s%s", dir,
		    dir[strlen(dir) - 1] == '/' ? "" : "/", names[i]);
		if (stat(path, &st) == -1) {
			diag_reset(path);
			diag(DIAG_WARN, 0, "skipped: %s", strerror(errno));
			diag_reset(NULL);
		} else if (S_ISDIR(st.st_mode)) {
			for (k = 0; k < depth; k++)
				if (stack[k].dev == st.st_dev &&
				    stack[k].ino == st.st_ino)
					break;
			if (k < depth) {
				diag_reset(path);
				diag(DIAG_WARN, 0, "skipped: a link back to a "
				    "folder above it");
				diag_reset(NULL);
			} else {
				deeper = xreallocarray(NULL, depth + 1,
				    sizeof(*deeper));
				memcpy(deeper, stack, depth * sizeof(*stack));
				deeper[depth].dev = st.st_dev;
				deeper[depth].ino = st.st_ino;
				sub = *rel ? xasprintf("%s/%s", rel, names[i]) :
				    xstrdup(names[i]);
				walk_dir(js, path, sub, deeper, depth + 1);
				free(sub);
				free(deeper);
			}
		} else if (S_ISREG(st.st_mode) &&
		    reader_takes_name(js->from, names[i])) {
			s = stem(names[i]);
			sub = *rel ? xasprintf("%s/%s", rel, s) : xstrdup(s);
			add_job(js, path, sub);
			free(sub);
			free(s);
		}
		free(path);
		free(names[i]);
	}
	free(names);
}

/* The file names folders are searched for, "*.txt, *.html". */
static char *
patterns(const struct reader *from)
{
	struct buf	 b = { 0 };
	const struct reader *r;
	size_t		 i, k;

	for (i = 0; i < reader_count(); i++) {
		r = reader_at(i);
		if (from != NULL && r != from)
			continue;
		for (k = 0; r->patterns[k] != NULL; k++)
			buf_printf(&b, "%s%s", b.len ? ", " : "",
			    r->patterns[k]);
	}
	return buf_steal(&b);
}

static void
add_input(struct jobs *js, const char *in)
{
	struct stat	 st;
	struct dir_id	 top;
	const char	*base;
	char		*s, *names;
	size_t		 before;

	if (strcmp(in, "-") == 0) {
		add_job(js, in, "stdin");
		return;
	}
	if (stat(in, &st) == -1) {
		fail_input(js, in, "cannot open", errno);
		return;
	}
	if (S_ISDIR(st.st_mode)) {
		top.dev = st.st_dev;
		top.ino = st.st_ino;
		before = js->n;
		walk_dir(js, in, "", &top, 1);
		if (js->n == before) {
			diag_reset(in);
			names = patterns(js->from);
			diag(DIAG_WARN, 0, "no input files (%s) in this folder",
			    names);
			free(names);
			diag_reset(NULL);
		}
		return;
	}
	/* Anything else is tried: the reader says what is wrong with it. */
	base = strrchr(in, '/');
	base = base != NULL ? base + 1 : in;
	s = stem(base);
	add_job(js, in, s);
	free(s);
}

/* Read a list of inputs from path, one a line or NUL-separated. */
static int
read_list(struct jobs *js, const char *path, bool nul)
{
	struct buf	 b = { 0 };
	char		 chunk[8192];
	size_t		 n, i, start;
	FILE		*f;
	int		 rc = 0;

	if (strcmp(path, "-") == 0)
		f = stdin;
	else if ((f = fopen(path, "rb")) == NULL) {
		fprintf(stderr, "lector: %s: cannot open the list of "
		    "inputs: %s\n", path, strerror(errno));
		return -1;
	}
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_put(&b, chunk, n);
	if (ferror(f)) {
		fprintf(stderr, "lector: %s: cannot read the list of "
		    "inputs: %s\n", path, strerror(errno));
		rc = -1;
	}
	if (f != stdin)
		fclose(f);
	for (i = start = 0; rc == 0 && i <= b.len; i++) {
		if (i < b.len && b.data[i] != (nul ? '\0' : '\n'))
			continue;
		n = i - start;
		if (!nul && n > 0 && b.data[start + n - 1] == '\r')
			n--;
		if (n > 0) {
			char	*in = xstrndup(b.data + start, n);

			add_input(js, in);
			free(in);
		}
		start = i + 1;
	}
	buf_free(&b);
	return rc;
}

struct jobs *
jobs_collect(char *const *inputs, size_t ninputs, const char *list_path,
    bool nul, const struct reader *from)
{
	struct jobs	*js;
	size_t		 i;

	js = xcalloc(1, sizeof(*js));
	js->from = from;
	if (list_path != NULL && read_list(js, list_path, nul) == -1) {
		jobs_free(js);
		return NULL;
	}
	for (i = 0; i < ninputs; i++)
		add_input(js, inputs[i]);
	return js;
}

size_t
jobs_count(const struct jobs *js)
{
	return js->n;
}

void
jobs_free(struct jobs *js)
{
	size_t	 i, k;

	if (js == NULL)
		return;
	for (i = 0; i < js->n; i++) {
		free(js->v[i].in);
		free(js->v[i].rel);
		free(js->v[i].reason);
		free(js->v[i].fates);
		for (k = 0; js->v[i].why != NULL && k < js->nwriters; k++)
			free(js->v[i].why[k]);
		free(js->v[i].why);
	}
	free(js->v);
	free(js);
}

/* ---- Writing one output -------------------------------------------------- */

/* The temporary file being written, removed if a signal ends the worker. */
static char	 cur_tmp[4096];
static mode_t	 file_mode = 0644;

static void
on_signal(int sig)
{
	if (cur_tmp[0] != '\0')
		unlink(cur_tmp);
	signal(sig, SIG_DFL);
	raise(sig);
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

/*
 * Close the temporary file and rename it to path if ok, else remove it.
 * Returns 0 if the file is in place.
 */
static int
tmp_close(FILE *f, const char *path, bool ok)
{
	int	 rc = ok ? 0 : -1;

	if (ok && (fflush(f) == EOF || ferror(f))) {
		diag(DIAG_ERROR, 0, "cannot write %s: %s", path,
		    strerror(errno));
		rc = -1;
	}
	if (fclose(f) == EOF && rc == 0) {
		diag(DIAG_ERROR, 0, "cannot write %s: %s", path,
		    strerror(errno));
		rc = -1;
	}
	if (rc == 0 && rename(cur_tmp, path) == -1) {
		diag(DIAG_ERROR, 0, "cannot rename into %s: %s", path,
		    strerror(errno));
		rc = -1;
	}
	if (rc != 0)
		unlink(cur_tmp);
	cur_tmp[0] = '\0';
	return rc;
}

/*
 * The safety net under every writer: a writer that failed without saying
 * why (a write to a full disk, most often) gets one line here.
 */
static void
say_failure(const struct writer *w, const char *path, unsigned errors,
    bool io, int err)
{
	if (diag_errors() > errors)
		return;
	if (io)
		diag(DIAG_ERROR, 0, "cannot write %s: %s", strcmp(path,
		    "-") == 0 ? "to standard output" : path,
		    strerror(err != 0 ? err : EIO));
	else
		diag(DIAG_ERROR, 0, "%s: failed without saying why (please "
		    "report this with the input)", w->name);
}

static int
write_output(const struct writer *w, const struct doc *d,
    const struct options *opts, const char *path)
{
	FILE		*f;
	unsigned	 errors = diag_errors();
	int		 rc, err;

	if (strcmp(path, "-") == 0) {
		errno = 0;
		rc = w->write(d, opts, stdout);
		err = errno;
		if (fflush(stdout) == EOF || ferror(stdout)) {
			if (rc == 0)
				err = errno;
			rc = -1;
		}
		if (rc == -1)
			say_failure(w, path, errors, ferror(stdout), err);
		return rc;
	}
	if ((f = tmp_open(path)) == NULL)
		return -1;
	errno = 0;
	rc = w->write(d, opts, f);
	err = errno;
	if (rc == -1)
		say_failure(w, path, errors, ferror(f), err);
	return tmp_close(f, path, rc == 0);
}

/* The output path of job j in format w; caller frees. */
static char *
output_path(const struct batch *b, const struct job *j,
    const struct writer *w)
{
	const char	*dir = b->output != NULL ? b->output : ".";

	switch (b->mode) {
	case OUT_FILE:
		return xstrdup(b->output);
	case OUT_STDOUT:
		return xstrdup("-");
	case OUT_DIR:
		break;
	}
	return xasprintf("%s%s%s%s", dir,
	    dir[strlen(dir) - 1] == '/' ? "" : "/", j->rel, w->ext);
}

/* ---- Workers ----------------------------------------------------------- */

/*
 * What a worker tells the parent as it goes, so that the parent knows
 * the fate of every output even when the worker dies half-way: each
 * message is one write() of less than PIPE_BUF bytes, so it arrives
 * whole or not at all.
 */
enum msg_type {
	MSG_BEGIN = 1,		/* output is being written */
	MSG_WRITTEN,		/* output is complete and in place */
	MSG_FAILED,		/* output failed; the reason follows */
	MSG_INPUT_FAILED,	/* the input cannot be read; the reason */
	MSG_DONE,		/* the job is over */
};

struct msg {
	uint32_t	 type;		/* enum msg_type */
	uint32_t	 output;	/* index in the -t list */
	uint32_t	 len;		/* bytes of reason that follow */
};

#define MSG_TEXT_MAX	2048	/* a reason is cut to this many bytes */

/* The worker's end of its pipe to the parent. */
static int	 up_fd = -1;

/* Send one message; a parent that is gone ends the worker. */
static void
tell(enum msg_type type, size_t output, const char *why)
{
	char		 m[sizeof(struct msg) + MSG_TEXT_MAX];
	struct msg	 h;
	size_t		 len = why != NULL ? strlen(why) : 0;
	ssize_t		 n;

	if (len > MSG_TEXT_MAX)
		len = MSG_TEXT_MAX;
	h.type = (uint32_t)type;
	h.output = (uint32_t)output;
	h.len = (uint32_t)len;
	memcpy(m, &h, sizeof(h));
	if (len > 0)
		memcpy(m + sizeof(h), why, len);
	while ((n = write(up_fd, m, sizeof(h) + len)) == -1 && errno == EINTR)
		continue;
	if (n != (ssize_t)(sizeof(h) + len))
		_exit(1);
}

/* Convert one input with every writer, telling the parent as it goes. */
static void
run_job(const struct batch *b, const struct job *j)
{
	struct doc	*d;
	char		*path;
	size_t		 i;

	diag_reset(j->in);
	if ((d = input_load(j->in, b->input)) == NULL) {
		tell(MSG_INPUT_FAILED, 0, diag_last_error());
		return;
	}
	for (i = 0; i < b->nwriters; i++) {
		path = output_path(b, j, b->writers[i]);
		tell(MSG_BEGIN, i, NULL);
		if (write_output(b->writers[i], d, b->opts, path) == 0)
			tell(MSG_WRITTEN, i, NULL);
		else
			tell(MSG_FAILED, i, diag_last_error());
		free(path);
	}
	doc_free(d);
}

struct worker {
	pid_t		 pid;		/* 0: none */
	int		 cmd;		/* write end: job numbers */
	int		 res;		/* read end: messages */
	size_t		 job;		/* the job in hand */
	bool		 busy;
	struct timespec	 started;
};

static void
worker_main(const struct batch *b, struct jobs *js, int cmd, int res)
{
	struct sigaction sa;
	uint32_t	 idx;
	ssize_t		 n;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	up_fd = res;
	for (;;) {
		n = read(cmd, &idx, sizeof(idx));
		if (n == -1 && errno == EINTR)
			continue;
		if (n != (ssize_t)sizeof(idx) || idx >= js->n)
			break;
		run_job(b, &js->v[idx]);
		tell(MSG_DONE, 0, NULL);
	}
	writer_fini_all();
	exit(0);
}

static int
worker_start(const struct batch *b, struct jobs *js, struct worker *ws,
    size_t nw, size_t w)
{
	int	 down[2], up[2];
	size_t	 k;
	pid_t	 pid;

	if (pipe(down) == -1)
		return -1;
	if (pipe(up) == -1) {
		close(down[0]);
		close(down[1]);
		return -1;
	}
	fflush(NULL);
	if ((pid = fork()) == -1) {
		close(down[0]);
		close(down[1]);
		close(up[0]);
		close(up[1]);
		return -1;
	}
	if (pid == 0) {
		close(down[1]);
		close(up[0]);
		for (k = 0; k < nw; k++)
			if (ws[k].pid != 0) {
				close(ws[k].cmd);
				close(ws[k].res);
			}
		worker_main(b, js, down[0], up[1]);
	}
	close(down[0]);
	close(up[1]);
	ws[w].pid = pid;
	ws[w].cmd = down[1];
	ws[w].res = up[0];
	ws[w].busy = false;
	return 0;
}

/* Close a worker's pipes and collect it; returns its wait status. */
static int
worker_end(struct worker *w, bool kill_it)
{
	int		 st = 0, i;

	close(w->cmd);
	close(w->res);
	if (kill_it) {
		kill(w->pid, SIGTERM);
		/* Give it a second to remove its temporary file. */
		for (i = 0; i < 100; i++) {
			if (waitpid(w->pid, &st, WNOHANG) == w->pid)
				goto done;
			nanosleep(&(struct timespec){ 0, 10000000 }, NULL);
		}
		kill(w->pid, SIGKILL);
	}
	while (waitpid(w->pid, &st, 0) == -1 && errno == EINTR)
		continue;
done:
	w->pid = 0;
	w->busy = false;
	return st;
}

static double
seconds_since(const struct timespec *t)
{
	struct timespec	 now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - t->tv_sec) +
	    (double)(now.tv_nsec - t->tv_nsec) / 1e9;
}

static void
progress(const struct batch *b, size_t done, size_t total, const char *in)
{
	if (!b->opts->progress)
		return;
	if (in == NULL)
		fputs("\r\033[K", stderr);
	else
		fprintf(stderr, "\r\033[K[%zu/%zu] %.60s", done, total, in);
	fflush(stderr);
}

/* Read exactly len bytes; -1 at end of file or on an error. */
static int
read_full(int fd, void *p, size_t len)
{
	char	*s = p;
	ssize_t	 n;

	while (len > 0) {
		if ((n = read(fd, s, len)) == -1 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		s += n;
		len -= (size_t)n;
	}
	return 0;
}

/*
 * Take one message from the worker in hand of job j.  Returns 1 when the
 * job is over, 0 when more is to come, -1 if the worker is gone.
 */
static int
take_message(const struct batch *b, struct worker *w, struct job *j)
{
	struct msg	 h;
	char		*text;
	size_t		 k;

	if (read_full(w->res, &h, sizeof(h)) == -1 || h.len > MSG_TEXT_MAX ||
	    (h.type != MSG_INPUT_FAILED && h.type != MSG_DONE &&
	    h.output >= b->nwriters))
		return -1;
	text = xmalloc((size_t)h.len + 1);
	if (read_full(w->res, text, h.len) == -1) {
		free(text);
		return -1;
	}
	text[h.len] = '\0';
	if (j->fates == NULL) {
		j->fates = xcalloc(b->nwriters, sizeof(*j->fates));
		j->why = xcalloc(b->nwriters, sizeof(*j->why));
	}
	switch ((enum msg_type)h.type) {
	case MSG_BEGIN:
		j->fates[h.output] = OUTPUT_WRITING;
		break;
	case MSG_WRITTEN:
		j->fates[h.output] = OUTPUT_WRITTEN;
		break;
	case MSG_FAILED:
		j->fates[h.output] = OUTPUT_FAILED;
		free(j->why[h.output]);
		j->why[h.output] = text;
		text = NULL;
		break;
	case MSG_INPUT_FAILED:
		free(j->reason);
		j->reason = text;
		text = NULL;
		break;
	case MSG_DONE:
		j->state = JOB_DONE;
		if (j->reason != NULL)
			j->state = JOB_FAILED;
		for (k = 0; k < b->nwriters; k++)
			if (j->fates[k] != OUTPUT_WRITTEN)
				j->state = JOB_FAILED;
		free(text);
		return 1;
	}
	free(text);
	return 0;
}

/*
 * Report a job whose worker died or overran --timeout, in one line: the
 * cause, the output it was writing, and what was written before.
 */
static void
job_failed(const struct batch *b, struct job *j, enum job_state state,
    int st)
{
	struct buf	 msg = { 0 }, written = { 0 };
	char		*path;
	size_t		 k, nwritten = 0;

	j->state = state;
	if (state == JOB_TIMEOUT)
		buf_printf(&msg, "stopped after %u seconds (--timeout)",
		    b->opts->timeout);
	else if (WIFSIGNALED(st))
		buf_printf(&msg, "the conversion crashed (signal %d)",
		    WTERMSIG(st));
	else
		buf_printf(&msg, "the conversion ended early (status %d)",
		    WEXITSTATUS(st));
	for (k = 0; j->fates != NULL && k < b->nwriters; k++) {
		path = output_path(b, j, b->writers[k]);
		if (j->fates[k] == OUTPUT_WRITING) {
			buf_printf(&msg, " while writing %s", path);
			j->fates[k] = OUTPUT_FAILED;
			j->why[k] = xstrdup(msg.data);
		} else if (j->fates[k] == OUTPUT_WRITTEN)
			buf_printf(&written, "%s%s", nwritten++ ? ", " : "",
			    path);
		free(path);
	}
	free(j->reason);
	j->reason = xstrdup(msg.data);
	if (nwritten > 0)
		buf_printf(&msg, "; written: %s", written.data);
	else
		buf_puts(&msg, "; nothing was written");
	diag_reset(j->in);
	diag(DIAG_ERROR, 0, "%s", msg.data);
	diag_reset(NULL);
	buf_free(&msg);
	buf_free(&written);
}

/* Run the pending jobs listed in todo on up to opts->jobs workers. */
static void
run_workers(const struct batch *b, struct jobs *js, const size_t *todo,
    size_t ntodo)
{
	/*
	 * Static: a forked worker exits without coming back here, and its
	 * copies must stay reachable for LeakSanitizer.
	 */
	static struct worker	*ws;
	static struct pollfd	*pfd;
	size_t		 nw, next = 0, done = 0, w, k, running = 0;
	int		 timeout_ms, st, r, err;
	uint32_t	 idx;
	bool		 stopping = false;
	struct job	*j;
	double		 left;

	nw = b->opts->jobs < ntodo ? b->opts->jobs : ntodo;
	if (nw == 0)
		return;
	ws = xcalloc(nw, sizeof(*ws));
	pfd = xcalloc(nw, sizeof(*pfd));
	for (;;) {
		/* Hand out work; start workers where needed. */
		for (w = 0; w < nw; w++) {
			if (ws[w].busy)
				continue;
			if (next >= ntodo || stopping) {
				if (ws[w].pid != 0)
					worker_end(&ws[w], false);
				continue;
			}
			if (ws[w].pid == 0 &&
			    worker_start(b, js, ws, nw, w) == -1) {
				/* With a worker still running, wait for it;
				 * with none, nothing more can be done. */
				if (running > 0)
					continue;
				err = errno;
				stopping = true;
				for (; next < ntodo; next++) {
					j = &js->v[todo[next]];
					diag_reset(j->in);
					diag(DIAG_ERROR, 0, "not converted: cannot "
					    "start a worker process: %s",
					    strerror(err));
					j->state = JOB_FAILED;
					j->reason = xstrdup(diag_last_error());
					diag_reset(NULL);
				}
				continue;
			}
			idx = (uint32_t)todo[next];
			if (write(ws[w].cmd, &idx, sizeof(idx)) !=
			    (ssize_t)sizeof(idx)) {
				worker_end(&ws[w], true);
				w--;	/* try again with a new worker */
				continue;
			}
			ws[w].job = todo[next++];
			ws[w].busy = true;
			clock_gettime(CLOCK_MONOTONIC, &ws[w].started);
			running++;
		}
		if (running == 0)
			break;

		/* Wait for a status, a death or a deadline. */
		timeout_ms = -1;
		for (w = 0; w < nw; w++) {
			pfd[w].fd = ws[w].busy ? ws[w].res : -1;
			pfd[w].events = POLLIN;
			pfd[w].revents = 0;
			if (ws[w].busy && b->opts->timeout > 0) {
				left = b->opts->timeout -
				    seconds_since(&ws[w].started);
				k = left <= 0 ? 0 : (size_t)(left * 1000) + 1;
				if (timeout_ms < 0 || (size_t)timeout_ms > k)
					timeout_ms = (int)k;
			}
		}
		if (poll(pfd, nw, timeout_ms) == -1 && errno != EINTR) {
			fprintf(stderr, "lector: poll: %s\n", strerror(errno));
			break;
		}
		for (w = 0; w < nw; w++) {
			if (!ws[w].busy)
				continue;
			j = &js->v[ws[w].job];
			if (pfd[w].revents != 0) {
				if ((r = take_message(b, &ws[w], j)) == 0)
					continue;
				if (r == 1)
					ws[w].busy = false;
				else {
					st = worker_end(&ws[w], false);
					job_failed(b, j, JOB_CRASHED, st);
				}
			} else if (b->opts->timeout > 0 &&
			    seconds_since(&ws[w].started) >=
			    b->opts->timeout) {
				worker_end(&ws[w], true);
				job_failed(b, j, JOB_TIMEOUT, 0);
			} else
				continue;
			running--;
			done++;
			progress(b, done, ntodo, j->in);
			if (j->state != JOB_DONE && b->opts->stop)
				stopping = true;
		}
	}
	for (w = 0; w < nw; w++)
		if (ws[w].pid != 0)
			worker_end(&ws[w], false);
	progress(b, 0, 0, NULL);
	free(ws);
	free(pfd);
	ws = NULL;
	pfd = NULL;
}

/* ---- Planning: duplicates, shards, up-to-date outputs --------------------- */

static int
cmp_rel(const void *a, const void *b)
{
	const struct job *const *x = a, *const *y = b;
	int	 c;

	if ((c = strcmp((*x)->rel, (*y)->rel)) != 0)
		return c;
	return *x < *y ? -1 : *x > *y;
}

/* Two inputs that would write the same outputs: the later one fails. */
static void
mark_clashes(struct jobs *js)
{
	struct job	**v;
	size_t		 i, n = 0;

	v = xreallocarray(NULL, js->n, sizeof(*v));
	for (i = 0; i < js->n; i++)
		if (js->v[i].state == JOB_PENDING)
			v[n++] = &js->v[i];
	qsort(v, n, sizeof(*v), cmp_rel);
	for (i = 1; i < n; i++) {
		if (strcmp(v[i]->rel, v[i - 1]->rel) != 0)
			continue;
		diag_reset(v[i]->in);
		diag(DIAG_ERROR, 0, "not converted: its outputs would "
		    "overwrite those of %s (same name)", v[i - 1]->in);
		v[i]->state = JOB_FAILED;
		v[i]->reason = xstrdup(diag_last_error());
		diag_reset(NULL);
	}
	free(v);
}

/* FNV-1a: a stable hash, the same on every machine of a sharded run. */
static uint32_t
hash_str(const char *s)
{
	uint32_t	 h = 2166136261u;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static bool
up_to_date(const struct batch *b, const struct job *j)
{
	struct stat	 in, out;
	char		*path;
	size_t		 i;
	bool		 fresh = true;

	if (b->mode == OUT_STDOUT || strcmp(j->in, "-") == 0 ||
	    stat(j->in, &in) == -1)
		return false;
	for (i = 0; i < b->nwriters && fresh; i++) {
		path = output_path(b, j, b->writers[i]);
		fresh = stat(path, &out) == 0 &&
		    (out.st_mtim.tv_sec > in.st_mtim.tv_sec ||
		    (out.st_mtim.tv_sec == in.st_mtim.tv_sec &&
		    out.st_mtim.tv_nsec >= in.st_mtim.tv_nsec));
		free(path);
	}
	return fresh;
}

/* ---- The report ---------------------------------------------------------- */

/* A JSON string of s, its malformed bytes as U+FFFD (JSON is UTF-8). */
static struct json_object *
json_text(const char *s)
{
	struct json_object *o;
	struct buf	 b = { 0 };
	size_t		 i, n, len = strlen(s);
	int32_t		 cp;

	if (utf8_valid(s, len))
		return json_object_new_string(s);
	for (i = 0; i < len; i += n) {
		n = utf8_next(s + i, len - i, &cp);
		utf8_put(&b, cp);
	}
	o = json_object_new_string(b.data != NULL ? b.data : "");
	buf_free(&b);
	return o;
}

/* The outputs of job j and what became of each. */
static struct json_object *
json_outputs(const struct batch *b, const struct job *j)
{
	struct json_object *list, *o;
	enum out_fate	 fate;
	char		*path;
	size_t		 k;

	list = json_object_new_array();
	if (*j->rel == '\0')
		return list;	/* not found: it has no outputs */
	for (k = 0; k < b->nwriters; k++) {
		fate = j->fates != NULL ? j->fates[k] : OUTPUT_NOT_ATTEMPTED;
		if (j->state == JOB_SKIPPED)
			fate = OUTPUT_UP_TO_DATE;
		path = output_path(b, j, b->writers[k]);
		o = json_object_new_object();
		json_object_object_add(o, "format",
		    json_object_new_string(b->writers[k]->name));
		json_object_object_add(o, "path", json_text(path));
		json_object_object_add(o, "status",
		    json_object_new_string(fate_names[fate]));
		if (fate == OUTPUT_FAILED && j->why[k] != NULL)
			json_object_object_add(o, "reason",
			    json_text(j->why[k]));
		json_object_array_add(list, o);
		free(path);
	}
	return list;
}

static int
write_report(const struct batch *b, const struct jobs *js)
{
	struct json_object *top, *inputs, *o;
	size_t		 i, count[NELEM(state_names)] = { 0 };
	const struct job *j;
	const char	*text;
	FILE		*f;
	int		 rc;

	top = json_object_new_object();
	inputs = json_object_new_array();
	json_object_object_add(top, "inputs", inputs);
	for (i = 0; i < js->n; i++) {
		j = &js->v[i];
		count[j->state]++;
		o = json_object_new_object();
		json_object_object_add(o, "input", json_text(j->in));
		json_object_object_add(o, "status",
		    json_object_new_string(state_names[j->state]));
		if (j->reason != NULL)
			json_object_object_add(o, "reason",
			    json_text(j->reason));
		json_object_object_add(o, "outputs", json_outputs(b, j));
		json_object_array_add(inputs, o);
	}
	json_object_object_add(top, "converted",
	    json_object_new_uint64(count[JOB_DONE]));
	json_object_object_add(top, "skipped",
	    json_object_new_uint64(count[JOB_SKIPPED]));
	json_object_object_add(top, "failed",
	    json_object_new_uint64(count[JOB_FAILED] + count[JOB_TIMEOUT] +
	    count[JOB_CRASHED] + count[JOB_NOT_RUN]));
	json_object_object_add(top, "other_shard",
	    json_object_new_uint64(count[JOB_OTHER_SHARD]));
	text = json_object_to_json_string_ext(top, JSON_C_TO_STRING_PRETTY |
	    JSON_C_TO_STRING_SPACED | JSON_C_TO_STRING_NOSLASHESCAPE);

	diag_reset(b->report);
	rc = -1;
	if ((f = tmp_open(b->report)) != NULL) {
		fputs(text, f);
		fputc('\n', f);
		rc = tmp_close(f, b->report, true);
	}
	diag_reset(NULL);
	json_object_put(top);
	return rc;
}

int
batch_run(const struct batch *b, struct jobs *js)
{
	const struct options *o = b->opts;
	static size_t	*todo;		/* static: see run_workers() */
	size_t		 ntodo = 0, i;
	mode_t		 mask;
	int		 status = 0;

	mask = umask(0);
	umask(mask);
	file_mode = 0666 & ~mask;

	js->nwriters = b->nwriters;
	if (b->mode == OUT_DIR)
		mark_clashes(js);
	todo = xreallocarray(NULL, js->n, sizeof(*todo));
	for (i = 0; i < js->n; i++) {
		if (js->v[i].state != JOB_PENDING)
			continue;
		if (o->shard_n > 0 &&
		    hash_str(js->v[i].rel) % o->shard_n != o->shard_k - 1)
			js->v[i].state = JOB_OTHER_SHARD;
		else if (o->update && up_to_date(b, &js->v[i]))
			js->v[i].state = JOB_SKIPPED;
		else
			todo[ntodo++] = i;
	}
	run_workers(b, js, todo, ntodo);
	free(todo);
	todo = NULL;

	for (i = 0; i < js->n; i++) {
		if (js->v[i].state == JOB_PENDING)
			js->v[i].state = JOB_NOT_RUN;
		if (js->v[i].state != JOB_DONE &&
		    js->v[i].state != JOB_SKIPPED &&
		    js->v[i].state != JOB_OTHER_SHARD)
			status = 1;
	}
	if (b->report != NULL && write_report(b, js) == -1)
		status = 1;
	return status;
}
