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
#ifdef __linux__
#include <sys/prctl.h>
#endif

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
#include "ctx.h"
#include "opts.h"
#include "input.h"
#include "reader.h"
#include "sink.h"
#include "synth.h"
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
	JOB_NOT_RUN,	/* --stop or a signal ended the batch first */
	JOB_INTERRUPTED,	/* a signal stopped lector during it */
};

static const char *const state_names[] = {
	"pending", "converted", "failed", "skipped", "timeout", "crashed",
	"other-shard", "not-run", "interrupted",
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

/* What the command line says of the batch. */
static struct {
	unsigned	 jobs;		/* worker processes; 0: the CPUs */
	unsigned	 timeout;	/* seconds per input; 0: none */
	unsigned	 shard_k;	/* convert slice k (1-based) ... */
	unsigned	 shard_n;	/* ... of n; 0: no sharding */
	bool		 update;	/* -u: skip up-to-date outputs */
	bool		 stop;		/* --stop: end at the first failure */
	int		 verbosity;	/* -1 quiet, 0, 1 verbose */
	bool		 progress;	/* draw a progress line on stderr */
	const char	*report;	/* --report FILE.json */
	const char	*files_from;	/* --files-from FILE */
	bool		 nul;		/* -0 */
	bool		 follow_links;	/* --follow-links */
} cfg;

static void
set_jobs(const char *arg)
{
	cfg.jobs = (unsigned)opts_number("--jobs", arg, 1, 1024, false);
}

static void
set_report(const char *arg)
{
	cfg.report = arg;
}

static void
set_files_from(const char *arg)
{
	cfg.files_from = arg;
}

static void
set_nul(const char *arg)
{
	(void)arg;
	cfg.nul = true;
}

static void
set_follow_links(const char *arg)
{
	(void)arg;
	cfg.follow_links = true;
}

static void
set_timeout(const char *arg)
{
	cfg.timeout = (unsigned)opts_number("--timeout", arg, 1, 86400 * 7,
	    false);
}

static void
set_shard(const char *arg)
{
	const char	*slash;
	char		 k[32];
	unsigned long long n;

	if ((slash = strchr(arg, '/')) == NULL ||
	    (size_t)(slash - arg) >= sizeof(k))
		opts_usage("--shard: '%s' is not K/N", arg);
	snprintf(k, sizeof(k), "%.*s", (int)(slash - arg), arg);
	n = opts_number("--shard", slash + 1, 1, 1000000, false);
	cfg.shard_k = (unsigned)opts_number("--shard", k, 1, n, false);
	cfg.shard_n = (unsigned)n;
}

static void
set_update(const char *arg)
{
	(void)arg;
	cfg.update = true;
}

static void
set_stop(const char *arg)
{
	(void)arg;
	cfg.stop = true;
}

static void
set_quiet(const char *arg)
{
	(void)arg;
	cfg.verbosity = -1;
}

static void
set_verbose(const char *arg)
{
	(void)arg;
	cfg.verbosity = 1;
}

static const struct optdef batch_optdefs[] = {
	{ "jobs", 'j', "N", "worker processes (default: CPUs)", NULL, NULL,
	    set_jobs },
	{ "files-from", 0, "FILE", "read inputs from FILE, one a line "
	    "(- : stdin)", NULL, NULL, set_files_from },
	{ "null", '0', NULL, "... NUL-separated", NULL,
	    "With --files-from: the names are NUL-separated.", set_nul },
	{ "follow-links", 0, NULL, "in folders, follow links that lead "
	    "out of them", NULL, "Without it, a symbolic link inside an "
	    "input folder to a file or folder outside it is skipped with a "
	    "warning; inputs named on the command line are always read.",
	    set_follow_links },
	{ "report", 0, "FILE.json", "write what became of each input and "
	    "output", NULL, "Each input's status (converted, failed, "
	    "skipped, timeout, crashed, other-shard, not-run) and why it "
	    "failed, and each of its outputs with its format, path and fate "
	    "(written, failed with the reason, not-attempted, up-to-date).",
	    set_report },
	{ "timeout", 0, "SECONDS", "give up on an input after this long", NULL,
	    "Its worker is stopped; the outputs it wrote are kept.",
	    set_timeout },
	{ "shard", 0, "K/N", "convert only slice K of N (stable across "
	    "machines)", NULL, "The slices are chosen by a stable hash of "
	    "each output name, for splitting one batch across machines.",
	    set_shard },
	{ "update", 'u', NULL, "skip inputs whose outputs are newer", NULL,
	    NULL, set_update },
	{ "stop", 0, NULL, "stop at the first input that fails", NULL, NULL,
	    set_stop },
	{ "quiet", 'q', NULL, "errors only", NULL, NULL, set_quiet },
	{ "verbose", 'v', NULL, "more detail", NULL,
	    "A progress line is drawn on a terminal, never in a pipe.",
	    set_verbose },
	{ NULL, 0, NULL, NULL, NULL, NULL, NULL },
};

const struct optgroup batch_options = { "Batch", batch_optdefs };

int
batch_verbosity(void)
{
	return cfg.verbosity;
}

bool
batch_files_from(void)
{
	if (cfg.nul && cfg.files_from == NULL)
		opts_usage("-0 goes with --files-from");
	return cfg.files_from != NULL;
}

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

/* What a walk through an input folder needs to know. */
struct walk {
	struct jobs	*js;
	char		*top;		/* the input folder, resolved */
	bool		 have_out;	/* the output folder exists: */
	struct dir_id	 out;		/* which it is */
	const struct batch *b;
};

/* Whether name is the name of an output of one of the batch's writers. */
static bool
is_output_name(const struct batch *b, const char *name)
{
	size_t	 i, len = strlen(name), n;

	for (i = 0; i < b->nwriters; i++) {
		n = strlen(b->writers[i]->ext);
		if (len > n && strcmp(name + len - n, b->writers[i]->ext) == 0)
			return true;
	}
	return false;
}

/*
 * Whether the symbolic link path leads out of the input folder (or
 * nowhere); the target goes into *where (caller frees).
 */
static bool
link_leaves(const struct walk *wk, const char *path, char **where)
{
	size_t	 n = strlen(wk->top);

	if ((*where = realpath(path, NULL)) == NULL)
		return true;
	return wk->top[n - 1] == '/' ? strncmp(*where, wk->top, n) != 0 :
	    strncmp(*where, wk->top, n) != 0 || (*where)[n] != '/';
}

static void
skipped(const char *path, const char *why, const char *what)
{
	diag_reset(path);
	diag(DIAG_WARN, 0, "skipped: %s%s", why, what);
	diag_reset(NULL);
}

/*
 * Add the files under dir that a reader takes, in name order, hidden
 * entries skipped.  Symbolic links are followed within the input folder;
 * one that leads out of it is skipped unless --follow-links, and a
 * folder already open higher up (a link loop) is skipped.  So is the
 * output folder, and, in it (an output folder that is also the input
 * folder), every file named like one of this run's outputs: lector
 * never reads back what it wrote.  in_out: dir is in the output folder.
 */
static void
walk_dir(struct walk *wk, const char *dir, const char *rel,
    struct dir_id *stack, size_t depth, bool in_out)
{
	struct jobs	*js = wk->js;
	DIR		*dp;
	struct dirent	*de;
	struct stat	 st;
	char		**names = NULL, *path, *sub, *s, *where;
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
		where = NULL;
		if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode) &&
		    !cfg.follow_links && link_leaves(wk, path, &where))
			skipped(path, "a link out of the folder", where != NULL ?
			    " (--follow-links follows it)" : " to nothing");
		else if (stat(path, &st) == -1)
			skipped(path, "", strerror(errno));
		else if (S_ISDIR(st.st_mode)) {
			for (k = 0; k < depth; k++)
				if (stack[k].dev == st.st_dev &&
				    stack[k].ino == st.st_ino)
					break;
			if (k < depth)
				skipped(path, "a link back to a folder above "
				    "it", "");
			else if (wk->have_out && st.st_dev == wk->out.dev &&
			    st.st_ino == wk->out.ino) {
				diag_reset(path);
				diag(DIAG_INFO, 0, "skipped: the output folder");
				diag_reset(NULL);
			} else {
				deeper = xreallocarray(NULL, depth + 1,
				    sizeof(*deeper));
				memcpy(deeper, stack, depth * sizeof(*stack));
				deeper[depth].dev = st.st_dev;
				deeper[depth].ino = st.st_ino;
				sub = *rel ? xasprintf("%s/%s", rel, names[i]) :
				    xstrdup(names[i]);
				walk_dir(wk, path, sub, deeper, depth + 1,
				    in_out);
				free(sub);
				free(deeper);
			}
		} else if (S_ISREG(st.st_mode) &&
		    reader_takes_name(js->from, names[i]) &&
		    !(in_out && is_output_name(wk->b, names[i]))) {
			s = stem(names[i]);
			sub = *rel ? xasprintf("%s/%s", rel, s) : xstrdup(s);
			add_job(js, path, sub);
			free(sub);
			free(s);
		}
		free(where);
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
add_input(struct jobs *js, const struct batch *b, const char *in)
{
	struct stat	 st, ost;
	struct dir_id	 top;
	struct walk	 wk;
	const char	*base, *out = b->output != NULL ? b->output : ".";
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
		memset(&wk, 0, sizeof(wk));
		wk.js = js;
		wk.b = b;
		if ((wk.top = realpath(in, NULL)) == NULL)
			wk.top = xstrdup(in);
		if (b->mode == OUT_DIR && stat(out, &ost) == 0) {
			wk.have_out = true;
			wk.out.dev = ost.st_dev;
			wk.out.ino = ost.st_ino;
		}
		before = js->n;
		walk_dir(&wk, in, "", &top, 1, wk.have_out &&
		    ost.st_dev == st.st_dev && ost.st_ino == st.st_ino);
		free(wk.top);
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
read_list(struct jobs *js, const struct batch *bt, const char *path,
    bool nul)
{
	struct buf	 b = { 0 };
	char		 chunk[8192];
	size_t		 n, i, start;
	FILE		*f;
	int		 rc = 0;

	if (strcmp(path, "-") == 0)
		f = stdin;
	else if ((f = fopen(path, "rb")) == NULL) {
		diag_line("%s: cannot open the list of "
		    "inputs: %s", path, strerror(errno));
		return -1;
	}
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_put(&b, chunk, n);
	if (ferror(f)) {
		diag_line("%s: cannot read the list of "
		    "inputs: %s", path, strerror(errno));
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

			add_input(js, bt, in);
			free(in);
		}
		start = i + 1;
	}
	buf_free(&b);
	return rc;
}

struct jobs *
jobs_collect(char *const *inputs, size_t ninputs, const struct batch *b)
{
	struct jobs	*js;
	size_t		 i;

	js = xcalloc(1, sizeof(*js));
	js->from = b->input->from;
	if (cfg.files_from != NULL &&
	    read_list(js, b, cfg.files_from, cfg.nul) == -1) {
		jobs_free(js);
		return NULL;
	}
	for (i = 0; i < ninputs; i++)
		add_input(js, b, inputs[i]);
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

/* The folder of path, "." for none; caller frees. */
static char *
folder_of(const char *path)
{
	const char	*slash = strrchr(path, '/');

	if (slash == NULL)
		return xstrdup(".");
	return slash == path ? xstrdup("/") :
	    xstrndup(path, (size_t)(slash - path));
}

/* ---- Signals ------------------------------------------------------------ */

/*
 * Handle sig with fn, unless it is ignored: a signal ignored when lector
 * started (nohup's SIGHUP) stays ignored in every process it starts.
 */
static void
catch_signal(int sig, void (*fn)(int))
{
	struct sigaction sa;

	if (sigaction(sig, NULL, &sa) == 0 && sa.sa_handler == SIG_IGN)
		return;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = fn;
	sigemptyset(&sa.sa_mask);
	sigaction(sig, &sa, NULL);
}

static const int stop_signals[] = { SIGTERM, SIGINT, SIGHUP };

/*
 * The batch runner was told to stop: the signal, and a pipe the main
 * loop polls, so that it stops its workers, writes the report and then
 * dies of the same signal.
 */
static volatile sig_atomic_t stop_sig;
static int	 stop_pipe[2] = { -1, -1 };

static void
on_stop(int sig)
{
	int	 err = errno;

	stop_sig = sig;
	if (stop_pipe[1] != -1 && write(stop_pipe[1], "", 1) < 0)
		(void)0;
	errno = err;
}

/*
 * A worker, or lector converting one input itself, is told to stop: the
 * speaking child is ended, the file being written removed, and the
 * process dies of the signal.
 */
static void
on_signal(int sig)
{
	synth_abandon();
	sink_abandon();
	signal(sig, SIG_DFL);
	raise(sig);
}

/* ---- Workers ----------------------------------------------------------- */

/*
 * What a worker tells the parent as it goes, so that the parent knows
 * the fate of every output even when the worker dies half-way.
 */
enum msg_type {
	MSG_BEGIN = 1,		/* output is being written */
	MSG_TEMP,		/* ... under this temporary name */
	MSG_WRITTEN,		/* output is complete and in place */
	MSG_FAILED,		/* output failed; the reason follows */
	MSG_INPUT_FAILED,	/* the input cannot be read; the reason */
	MSG_DONE,		/* the job is over (output 1: the worker too) */
};

struct msg {
	uint32_t	 type;		/* enum msg_type */
	uint32_t	 output;	/* index in the -t list */
	uint32_t	 len;		/* bytes of text that follow */
};

#define MSG_TEXT_MAX	4096	/* text is cut to this many bytes */
#define NO_OUTPUT	((size_t)-1)

/* The worker's end of its pipe to the parent. */
static int	 up_fd = -1;

/*
 * A job converted in lector's own process (one input, nothing that needs
 * a worker): its messages go straight into the job, and what a crash
 * would say is kept ready for the signal handler.
 */
static const struct batch *inline_b;
static struct job	*inline_j;
static char		 crash_head[4096];	/* "lector: IN: error: ..." */
static char		 crash_tail[8192];	/* ") while writing ...\n" */

/*
 * What running out of memory would say, made ready as each job and
 * output begins (there may be no memory to make it then).
 */
static size_t		 oom_output = NO_OUTPUT;
static char		 oom_line[8192];	/* "lector: IN: error: ...\n" */
static char		 oom_why[4096];		/* "out of memory while ..." */

static int	 apply(const struct batch *, struct job *, enum msg_type,
		    size_t, char *);
static size_t	 done_so_far(const struct batch *, const struct job *,
		    struct buf *, struct buf *);

/* " IN: error: " with the name made safe for one line, into b. */
static void
line_head(struct buf *b, const char *in)
{
	buf_puts(b, "lector: ");
	utf8_escape(b, in, strlen(in), ESC_CONTROLS);
	buf_puts(b, ": error: ");
}

/* Ready what a crash of the inline job would say now. */
static void
ready_crash_line(void)
{
	struct buf	 head = { 0 }, tail = { 0 }, under = { 0 },
			 written = { 0 };

	line_head(&head, inline_j->in);
	buf_puts(&head, "the conversion crashed (signal ");
	buf_puts(&tail, ")");
	if (done_so_far(inline_b, inline_j, &under, &written) > 0)
		buf_printf(&under, "; written: %s", written.data);
	else
		buf_puts(&under, "; nothing was written");
	utf8_escape(&tail, under.data, under.len, ESC_CONTROLS);
	snprintf(crash_head, sizeof(crash_head), "%s", head.data);
	snprintf(crash_tail, sizeof(crash_tail), "%s\n", tail.data);
	buf_free(&head);
	buf_free(&tail);
	buf_free(&under);
	buf_free(&written);
}

/* Ready what running out of memory would say now (path: being written). */
static void
ready_oom(const char *in, size_t output, const char *path)
{
	struct buf	 b = { 0 };

	oom_output = output;
	if (path != NULL)
		snprintf(oom_why, sizeof(oom_why), "out of memory while "
		    "writing %s", path);
	else
		snprintf(oom_why, sizeof(oom_why), "out of memory");
	line_head(&b, in);
	utf8_escape(&b, oom_why, strlen(oom_why), ESC_CONTROLS);
	snprintf(oom_line, sizeof(oom_line), "%s\n", b.data);
	buf_free(&b);
}

/*
 * The inline job crashed: what was being written goes, one line says so
 * (async-signal-safe: only write() and _exit()), and lector ends with 1.
 */
static void
on_crash(int sig)
{
	char	 num[4];
	size_t	 n = 0;
	ssize_t	 w;

	synth_abandon();
	sink_abandon();
	if (sig >= 100)
		num[n++] = (char)('0' + sig / 100 % 10);
	if (sig >= 10)
		num[n++] = (char)('0' + sig / 10 % 10);
	num[n++] = (char)('0' + sig % 10);
	w = write(STDERR_FILENO, crash_head, strlen(crash_head));
	w = write(STDERR_FILENO, num, n);
	w = write(STDERR_FILENO, crash_tail, strlen(crash_tail));
	(void)w;
	_exit(1);
}

/* Send one message; a parent that is gone ends the worker. */
static void
tell(enum msg_type type, size_t output, const char *why)
{
	char		 m[sizeof(struct msg) + MSG_TEXT_MAX];
	struct msg	 h;
	size_t		 len = why != NULL ? strlen(why) : 0;
	ssize_t		 n;

	if (inline_j != NULL) {
		apply(inline_b, inline_j, type, output,
		    why != NULL ? xstrdup(why) : NULL);
		ready_crash_line();
		return;
	}

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
	if (n != (ssize_t)(sizeof(h) + len)) {
		synth_abandon();
		sink_abandon();
		_exit(1);
	}
}

/*
 * Out of memory in a worker or the inline job: the speaking child and
 * the file being written go, the line made ready says so, the parent is
 * told the fate of the output and that this worker ends, and it ends.
 */
static void
on_oom(void)
{
	synth_abandon();
	sink_abandon();
	if (write(STDERR_FILENO, oom_line, strlen(oom_line)) < 0)
		(void)0;
	if (inline_j == NULL && up_fd != -1) {
		if (oom_output != NO_OUTPUT)
			tell(MSG_FAILED, oom_output, oom_why);
		else
			tell(MSG_INPUT_FAILED, 0, oom_why);
		tell(MSG_DONE, 1, NULL);
	}
	_exit(1);
}

/* Write output i of job j for ctx at path; 0 if whole and in place. */
static int
write_output(const struct batch *b, size_t i, struct ctx *ctx,
    const char *path)
{
	const struct writer *w = b->writers[i];
	struct sink	*s;
	int		 rc;

	if ((s = sink_open(w, path, ctx_time(ctx))) == NULL)
		return -1;
	if (sink_temp(s) != NULL)
		tell(MSG_TEMP, i, sink_temp(s));
	errno = 0;
	rc = w->write(ctx, s);
	return sink_commit(s, rc == 0);
}

/* Convert one input with every writer, telling the parent as it goes. */
static void
run_job(const struct batch *b, const struct job *j)
{
	struct doc	*d;
	struct ctx	*ctx;
	char		*path;
	size_t		 i;

	diag_reset(j->in);
	ready_oom(j->in, NO_OUTPUT, NULL);
	if ((d = input_load(j->in, b->input)) == NULL) {
		tell(MSG_INPUT_FAILED, 0, diag_last_error());
		return;
	}
	ctx = ctx_new(d);
	for (i = 0; i < b->nwriters; i++) {
		path = output_path(b, j, b->writers[i]);
		tell(MSG_BEGIN, i, NULL);
		ready_oom(j->in, i, path);
		if (write_output(b, i, ctx, path) == 0)
			tell(MSG_WRITTEN, i, NULL);
		else
			tell(MSG_FAILED, i, diag_last_error());
		free(path);
	}
	ready_oom(j->in, NO_OUTPUT, NULL);
	ctx_free(ctx);
	doc_free(d);
}

struct worker {
	pid_t		 pid;		/* 0: none */
	int		 cmd;		/* write end: job numbers */
	int		 res;		/* read end: messages */
	size_t		 job;		/* the job in hand */
	bool		 busy;
	bool		 retire;	/* it ends after this job */
	struct timespec	 started;
	char		*tmp;		/* the file it is writing, or NULL */
	struct stat	 tmp_st;	/* ... which is this file */
	size_t		 tmp_output;	/* ... for this output */
};

static void
worker_main(const struct batch *b, struct jobs *js, int cmd, int res)
{
	uint32_t	 idx;
	ssize_t		 n;
	size_t		 i;

	for (i = 0; i < NELEM(stop_signals); i++)
		catch_signal(stop_signals[i], on_signal);
	signal(SIGPIPE, SIG_IGN);
	xalloc_on_failure(on_oom);
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
		close(stop_pipe[0]);
		close(stop_pipe[1]);
		stop_pipe[0] = stop_pipe[1] = -1;
		for (k = 0; k < nw; k++)
			if (ws[k].pid != 0) {
				close(ws[k].cmd);
				close(ws[k].res);
			}
		worker_main(b, js, down[0], up[1]);
	}
	close(down[0]);
	close(up[1]);
	memset(&ws[w], 0, sizeof(ws[w]));
	ws[w].pid = pid;
	ws[w].cmd = down[1];
	ws[w].res = up[0];
	return 0;
}

/*
 * Close a worker's pipes and collect it, stopping it first if kill_it (a
 * second to stop by itself, then SIGKILL); returns its wait status.  The
 * file it was writing, if any, is removed.
 */
static int
worker_end(struct worker *w, bool kill_it)
{
	struct stat	 st;
	int		 status = 0, i;

	close(w->cmd);
	close(w->res);
	if (kill_it) {
		kill(w->pid, SIGTERM);
		for (i = 0; i < 100; i++) {
			if (waitpid(w->pid, &status, WNOHANG) == w->pid)
				goto done;
			nanosleep(&(struct timespec){ 0, 10000000 }, NULL);
		}
		kill(w->pid, SIGKILL);
	}
	while (waitpid(w->pid, &status, 0) == -1 && errno == EINTR)
		continue;
done:
	if (w->tmp != NULL && lstat(w->tmp, &st) == 0 &&
	    st.st_dev == w->tmp_st.st_dev && st.st_ino == w->tmp_st.st_ino)
		unlink(w->tmp);
	w->pid = 0;
	w->busy = false;
	return status;
}

/*
 * After worker w died or was stopped in the middle of job j: an output
 * it had renamed into place before it could say so is written (the file
 * there is the one it wrote); the folder of the output it was writing
 * is swept of a temporary file it made but had not yet named.
 */
static void
settle(const struct batch *b, struct worker *w, struct job *j)
{
	struct stat	 st;
	char		*path, *dir;
	size_t		 k;

	for (k = 0; j->fates != NULL && k < b->nwriters; k++) {
		if (j->fates[k] != OUTPUT_WRITING)
			continue;
		path = output_path(b, j, b->writers[k]);
		if (w->tmp != NULL && w->tmp_output == k &&
		    stat(path, &st) == 0 && st.st_dev == w->tmp_st.st_dev &&
		    st.st_ino == w->tmp_st.st_ino)
			j->fates[k] = OUTPUT_WRITTEN;
		else if (b->mode != OUT_STDOUT) {
			dir = folder_of(path);
			sink_sweep(dir);
			free(dir);
		}
		free(path);
	}
	free(w->tmp);
	w->tmp = NULL;
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
progress(size_t done, size_t total, const char *in)
{
	struct buf	 b = { 0 };

	if (!cfg.progress)
		return;
	if (in == NULL)
		fputs("\r\033[K", stderr);
	else {
		utf8_escape(&b, in, strlen(in), ESC_CONTROLS);
		fprintf(stderr, "\r\033[K[%zu/%zu] %.60s", done, total,
		    b.data);
		buf_free(&b);
	}
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
 * What a message says of job j, taken into the job (text, the reason,
 * becomes the job's).  Returns 1 when the job is over, else 0.
 */
static int
apply(const struct batch *b, struct job *j, enum msg_type type,
    size_t output, char *text)
{
	size_t	 k;

	if (j->fates == NULL) {
		j->fates = xcalloc(b->nwriters, sizeof(*j->fates));
		j->why = xcalloc(b->nwriters, sizeof(*j->why));
	}
	switch (type) {
	case MSG_BEGIN:
		j->fates[output] = OUTPUT_WRITING;
		break;
	case MSG_TEMP:
		break;
	case MSG_WRITTEN:
		j->fates[output] = OUTPUT_WRITTEN;
		break;
	case MSG_FAILED:
		j->fates[output] = OUTPUT_FAILED;
		free(j->why[output]);
		j->why[output] = text;
		return 0;
	case MSG_INPUT_FAILED:
		free(j->reason);
		j->reason = text;
		return 0;
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
 * Take one message from worker w about job j.  Returns 1 when the job is
 * over, 0 when more is to come, -1 if the worker is gone.
 */
static int
take_message(const struct batch *b, struct worker *w, struct job *j)
{
	struct msg	 h;
	char		*text;

	if (read_full(w->res, &h, sizeof(h)) == -1 || h.len > MSG_TEXT_MAX ||
	    h.type < MSG_BEGIN || h.type > MSG_DONE ||
	    (h.type != MSG_INPUT_FAILED && h.type != MSG_DONE &&
	    h.output >= b->nwriters))
		return -1;
	text = xmalloc((size_t)h.len + 1);
	if (read_full(w->res, text, h.len) == -1) {
		free(text);
		return -1;
	}
	text[h.len] = '\0';
	switch (h.type) {
	case MSG_TEMP:
		/* Which file it is, to know it again after a rename. */
		free(w->tmp);
		w->tmp = NULL;
		if (lstat(text, &w->tmp_st) == 0) {
			w->tmp = text;
			w->tmp_output = h.output;
			return 0;
		}
		break;
	case MSG_WRITTEN:
	case MSG_FAILED:
		free(w->tmp);
		w->tmp = NULL;
		break;
	case MSG_DONE:
		w->retire = h.output == 1;
		break;
	}
	return apply(b, j, (enum msg_type)h.type, h.output, text);
}

/*
 * What a job that ended early had done: " while writing PATH" for the
 * output under way (into under), and the outputs written, "A, B" (into
 * written); returns how many were written.
 */
static size_t
done_so_far(const struct batch *b, const struct job *j, struct buf *under,
    struct buf *written)
{
	char	*path;
	size_t	 k, n = 0;

	for (k = 0; j->fates != NULL && k < b->nwriters; k++) {
		path = output_path(b, j, b->writers[k]);
		if (j->fates[k] == OUTPUT_WRITING)
			buf_printf(under, " while writing %s", path);
		else if (j->fates[k] == OUTPUT_WRITTEN)
			buf_printf(written, "%s%s", n++ ? ", " : "", path);
		free(path);
	}
	return n;
}

/*
 * Settle a job whose worker died, overran --timeout or was stopped by a
 * signal: the outputs under way fail with the cause, and, but for a
 * signal (said once for the batch), one line says the cause, the output
 * it was writing and what was written before.
 */
static void
job_failed(const struct batch *b, struct job *j, enum job_state state,
    int st)
{
	struct buf	 msg = { 0 }, under = { 0 }, written = { 0 };
	size_t		 k, nwritten;

	j->state = state;
	if (state == JOB_TIMEOUT)
		buf_printf(&msg, "stopped after %u seconds (--timeout)",
		    cfg.timeout);
	else if (state == JOB_INTERRUPTED)
		buf_printf(&msg, "lector was stopped (signal %d)",
		    (int)stop_sig);
	else if (WIFSIGNALED(st))
		buf_printf(&msg, "the conversion crashed (signal %d)",
		    WTERMSIG(st));
	else
		buf_printf(&msg, "the conversion ended early (status %d)",
		    WEXITSTATUS(st));
	nwritten = done_so_far(b, j, &under, &written);
	if (under.len > 0)
		buf_puts(&msg, under.data);
	for (k = 0; j->fates != NULL && k < b->nwriters; k++)
		if (j->fates[k] == OUTPUT_WRITING) {
			j->fates[k] = OUTPUT_FAILED;
			j->why[k] = xstrdup(msg.data);
		}
	free(j->reason);
	j->reason = xstrdup(msg.data);
	if (nwritten > 0)
		buf_printf(&msg, "; written: %s", written.data);
	else
		buf_puts(&msg, "; nothing was written");
	if (state != JOB_INTERRUPTED) {
		diag_reset(j->in);
		diag(DIAG_ERROR, 0, "%s", msg.data);
		diag_reset(NULL);
	}
	buf_free(&msg);
	buf_free(&under);
	buf_free(&written);
}

/*
 * Convert job j in this process: for one input, when nothing needs a
 * worker (no --timeout to enforce, no --report to write after a crash),
 * it saves starting one, which is much of the time of a small article.
 * A crash is still one line, naming what was written.
 */
static void
run_inline(const struct batch *b, struct job *j)
{
	struct sigaction sa;
	const int	 crashes[] = {
		SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT,
	};
	size_t		 i;

	inline_b = b;
	inline_j = j;
	ready_crash_line();
	memset(&sa, 0, sizeof(sa));
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = on_crash;
	for (i = 0; i < NELEM(crashes); i++)
		sigaction(crashes[i], &sa, NULL);
	for (i = 0; i < NELEM(stop_signals); i++)
		catch_signal(stop_signals[i], on_signal);
	signal(SIGPIPE, SIG_IGN);
	xalloc_on_failure(on_oom);
	run_job(b, j);
	tell(MSG_DONE, 0, NULL);
	xalloc_on_failure(NULL);
	inline_j = NULL;
}

/*
 * Collect what is left of the workers' children: a speaking child whose
 * worker was killed dies with it (synth.c) and, lector being their
 * subreaper on Linux, comes here to be collected, so that none outlives
 * lector.  Gives up after two seconds.
 */
static void
reap_orphans(void)
{
	int	 i;
	pid_t	 pid;

	for (i = 0; i < 200; i++) {
		if ((pid = waitpid(-1, NULL, WNOHANG)) == -1 && errno != EINTR)
			return;		/* none left */
		if (pid == 0)
			nanosleep(&(struct timespec){ 0, 10000000 }, NULL);
	}
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
	char		 drain[64];

	nw = cfg.jobs < ntodo ? cfg.jobs : ntodo;
	if (nw == 0)
		return;
#ifdef PR_SET_CHILD_SUBREAPER
	prctl(PR_SET_CHILD_SUBREAPER, 1);
#endif
	ws = xcalloc(nw, sizeof(*ws));
	pfd = xcalloc(nw + 1, sizeof(*pfd));
	for (;;) {
		/* Hand out work; start workers where needed. */
		for (w = 0; w < nw; w++) {
			if (ws[w].busy)
				continue;
			if (next >= ntodo || stopping || stop_sig != 0) {
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
					diag(DIAG_ERROR, 0, "not converted: "
					    "cannot start a worker process: "
					    "%s", strerror(err));
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

		/* Wait for a message, a death, a deadline or a signal. */
		timeout_ms = -1;
		for (w = 0; w < nw; w++) {
			pfd[w].fd = ws[w].busy ? ws[w].res : -1;
			pfd[w].events = POLLIN;
			pfd[w].revents = 0;
			if (ws[w].busy && cfg.timeout > 0) {
				left = cfg.timeout -
				    seconds_since(&ws[w].started);
				k = left <= 0 ? 0 : (size_t)(left * 1000) + 1;
				if (timeout_ms < 0 || (size_t)timeout_ms > k)
					timeout_ms = (int)k;
			}
		}
		pfd[nw].fd = stop_pipe[0];
		pfd[nw].events = POLLIN;
		pfd[nw].revents = 0;
		if (stop_sig == 0 && poll(pfd, nw + 1, timeout_ms) == -1 &&
		    errno != EINTR) {
			diag_line("poll: %s", strerror(errno));
			break;
		}
		if (stop_sig != 0) {
			/* Stop every worker; their jobs were interrupted. */
			while (read(stop_pipe[0], drain, sizeof(drain)) > 0)
				continue;
			for (w = 0; w < nw; w++) {
				if (!ws[w].busy)
					continue;
				j = &js->v[ws[w].job];
				worker_end(&ws[w], true);
				settle(b, &ws[w], j);
				job_failed(b, j, JOB_INTERRUPTED, 0);
				running--;
			}
			continue;
		}
		for (w = 0; w < nw; w++) {
			if (!ws[w].busy)
				continue;
			j = &js->v[ws[w].job];
			if (pfd[w].revents != 0) {
				if ((r = take_message(b, &ws[w], j)) == 0)
					continue;
				if (r == 1) {
					ws[w].busy = false;
					if (ws[w].retire)
						worker_end(&ws[w], false);
				} else {
					st = worker_end(&ws[w], false);
					settle(b, &ws[w], j);
					job_failed(b, j, JOB_CRASHED, st);
				}
			} else if (cfg.timeout > 0 &&
			    seconds_since(&ws[w].started) >=
			    cfg.timeout) {
				worker_end(&ws[w], true);
				settle(b, &ws[w], j);
				job_failed(b, j, JOB_TIMEOUT, 0);
			} else
				continue;
			running--;
			done++;
			progress(done, ntodo, j->in);
			if (j->state != JOB_DONE && cfg.stop)
				stopping = true;
		}
	}
	for (w = 0; w < nw; w++)
		if (ws[w].pid != 0)
			worker_end(&ws[w], false);
	reap_orphans();
	progress(0, 0, NULL);
	free(ws);
	free(pfd);
	ws = NULL;
	pfd = NULL;
}

/* ---- Planning: duplicates, shards, up-to-date outputs ------------------ */

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

/* An output that is the input itself: the job fails before it starts. */
static void
mark_self_overwrite(const struct batch *b, struct job *j)
{
	struct stat	 in, out;
	char		*path;
	size_t		 i;

	if (b->mode == OUT_STDOUT || strcmp(j->in, "-") == 0 ||
	    stat(j->in, &in) == -1)
		return;
	for (i = 0; i < b->nwriters; i++) {
		path = output_path(b, j, b->writers[i]);
		if (stat(path, &out) == 0 && out.st_dev == in.st_dev &&
		    out.st_ino == in.st_ino) {
			diag_reset(j->in);
			diag(DIAG_ERROR, 0, "not converted: its %s output "
			    "would overwrite the input (%s)",
			    b->writers[i]->name, path);
			j->state = JOB_FAILED;
			j->reason = xstrdup(diag_last_error());
			diag_reset(NULL);
			free(path);
			return;
		}
		free(path);
	}
}

/*
 * Remove what a lector that was killed left in the folders this run
 * writes to: temporary files nobody holds (sink_sweep()).
 */
static void
sweep(const struct batch *b, const struct jobs *js, const size_t *todo,
    size_t ntodo)
{
	char	**dirs, *path;
	size_t	 n = 0, i, k;

	if (b->mode == OUT_STDOUT && cfg.report == NULL)
		return;
	dirs = xreallocarray(NULL, ntodo * b->nwriters + 1, sizeof(*dirs));
	for (i = 0; b->mode != OUT_STDOUT && i < ntodo; i++)
		for (k = 0; k < b->nwriters; k++) {
			path = output_path(b, &js->v[todo[i]], b->writers[k]);
			dirs[n++] = folder_of(path);
			free(path);
		}
	if (cfg.report != NULL)
		dirs[n++] = folder_of(cfg.report);
	if (n > 0)
		qsort(dirs, n, sizeof(*dirs), cmp_str);
	for (i = 0; i < n; i++) {
		if (i == 0 || strcmp(dirs[i], dirs[i - 1]) != 0)
			sink_sweep(dirs[i]);
	}
	for (i = 0; i < n; i++)
		free(dirs[i]);
	free(dirs);
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

/*
 * Add name under key to o, and, if it is not UTF-8 (a file name can be
 * any bytes), its exact bytes under key_escaped: the bytes that are not
 * UTF-8 as \xHH, a backslash as \\ (utf8_escape()).
 */
static void
json_name(struct json_object *o, const char *key, const char *name)
{
	struct buf	 b = { 0 };
	char		*k;

	json_object_object_add(o, key, json_text(name));
	if (utf8_valid(name, strlen(name)))
		return;
	utf8_escape(&b, name, strlen(name), ESC_BACKSLASH);
	k = xasprintf("%s_escaped", key);
	json_object_object_add(o, k, json_object_new_string(b.data));
	free(k);
	buf_free(&b);
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
		json_name(o, "path", path);
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
	struct sink	*s;
	int		 rc;

	top = json_object_new_object();
	inputs = json_object_new_array();
	json_object_object_add(top, "inputs", inputs);
	for (i = 0; i < js->n; i++) {
		j = &js->v[i];
		count[j->state]++;
		o = json_object_new_object();
		json_name(o, "input", j->in);
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
	    count[JOB_CRASHED] + count[JOB_NOT_RUN] +
	    count[JOB_INTERRUPTED]));
	json_object_object_add(top, "other_shard",
	    json_object_new_uint64(count[JOB_OTHER_SHARD]));
	text = json_object_to_json_string_ext(top, JSON_C_TO_STRING_PRETTY |
	    JSON_C_TO_STRING_SPACED | JSON_C_TO_STRING_NOSLASHESCAPE);

	diag_reset(cfg.report);
	rc = -1;
	if ((s = sink_open(NULL, cfg.report, 0)) != NULL) {
		fputs(text, sink_stream(s));
		fputc('\n', sink_stream(s));
		rc = sink_commit(s, true);
	}
	diag_reset(NULL);
	json_object_put(top);
	return rc;
}

int
batch_run(const struct batch *b, struct jobs *js)
{
	static size_t	*todo;		/* static: see run_workers() */
	size_t		 ntodo = 0, i, nstopped = 0;
	mode_t		 mask;
	long		 ncpu;
	int		 status = 0;

	mask = umask(0);
	umask(mask);
	sink_set_mode(0666 & ~mask);
	if (cfg.jobs == 0) {
		ncpu = sysconf(_SC_NPROCESSORS_ONLN);
		cfg.jobs = ncpu > 0 ? (unsigned)ncpu : 1;
	}
	cfg.progress = cfg.verbosity >= 0 && isatty(STDERR_FILENO) &&
	    js->n > 1 && b->mode != OUT_STDOUT;

	js->nwriters = b->nwriters;
	if (b->mode == OUT_DIR)
		mark_clashes(js);
	todo = xreallocarray(NULL, js->n, sizeof(*todo));
	for (i = 0; i < js->n; i++) {
		if (js->v[i].state != JOB_PENDING)
			continue;
		mark_self_overwrite(b, &js->v[i]);
		if (js->v[i].state != JOB_PENDING)
			continue;
		if (cfg.shard_n > 0 &&
		    hash_str(js->v[i].rel) % cfg.shard_n != cfg.shard_k - 1)
			js->v[i].state = JOB_OTHER_SHARD;
		else if (cfg.update && up_to_date(b, &js->v[i]))
			js->v[i].state = JOB_SKIPPED;
		else
			todo[ntodo++] = i;
	}
	sweep(b, js, todo, ntodo);
	if (ntodo == 1 && cfg.timeout == 0 && cfg.report == NULL)
		run_inline(b, &js->v[todo[0]]);
	else {
		/* A signal to stop ends the workers, then the batch. */
		if (pipe(stop_pipe) == 0) {
			for (i = 0; i < 2; i++)
				fcntl(stop_pipe[i], F_SETFL, O_NONBLOCK);
			for (i = 0; i < NELEM(stop_signals); i++)
				catch_signal(stop_signals[i], on_stop);
		}
		run_workers(b, js, todo, ntodo);
	}
	free(todo);
	todo = NULL;

	for (i = 0; i < js->n; i++) {
		if (js->v[i].state == JOB_PENDING)
			js->v[i].state = JOB_NOT_RUN;
		if (js->v[i].state == JOB_NOT_RUN ||
		    js->v[i].state == JOB_INTERRUPTED)
			nstopped++;
		if (js->v[i].state != JOB_DONE &&
		    js->v[i].state != JOB_SKIPPED &&
		    js->v[i].state != JOB_OTHER_SHARD)
			status = 1;
	}
	if (cfg.report != NULL && write_report(b, js) == -1)
		status = 1;
	if (stop_sig != 0) {
		/* One line for the batch; then die of the signal. */
		diag_line("stopped by signal %d: %zu input%s not converted; "
		    "what was written is complete", (int)stop_sig, nstopped,
		    nstopped == 1 ? "" : "s");
		signal(stop_sig, SIG_DFL);
		raise(stop_sig);
	}
	return status;
}
