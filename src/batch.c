/* SPDX-License-Identifier: ISC */
/*
 * The batch runner: the options of the batch, inputs collected into
 * jobs (files, folders walked, lists), the jobs planned (clashing names,
 * outputs that would overwrite their input, shards, up-to-date outputs,
 * temporary files a killed run left), then run (worker.c) and reported
 * (report.c).
 */
#include "common.h"

#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "batch.h"
#include "buf.h"
#include "diag.h"
#include "job.h"
#include "opts.h"
#include "input.h"
#include "reader.h"
#include "report.h"
#include "sink.h"
#include "worker.h"
#include "writer.h"
#include "xalloc.h"

/* What the command line says of the batch. */
static struct {
	unsigned	 jobs;		/* worker processes; 0: the CPUs */
	unsigned	 timeout;	/* seconds per input; 0: none */
	unsigned	 shard_k;	/* convert slice k (1-based) ... */
	unsigned	 shard_n;	/* ... of n; 0: no sharding */
	bool		 update;	/* -u: skip up-to-date outputs */
	bool		 stop;		/* --stop: end at the first failure */
	int		 verbosity;	/* -1 quiet, 0, 1 verbose */
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
	    "skipped, timeout, crashed, other-shard, not-run, interrupted) "
	    "and why it failed, and each of its outputs with its format, "
	    "path and fate (written, failed with the reason, not-attempted, "
	    "up-to-date).", set_report },
	{ "timeout", 0, "SECONDS", "give up on an input after this long", NULL,
	    "Its worker is stopped; the outputs it wrote are kept, the one "
	    "it was writing removed.",
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

static void
reset(void)
{
	memset(&cfg, 0, sizeof(cfg));
}

const struct optgroup batch_options = { "Batch", batch_optdefs, reset };

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
			skipped(path, "a link out of the folder",
			    where != NULL ? " (--follow-links follows it)" :
			    " to nothing");
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
				diag(DIAG_INFO, 0, "skipped: the output "
				    "folder");
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

/* ---- Output paths ---------------------------------------------------- */

char *
job_output_path(const struct batch *b, const struct job *j,
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

char *
path_folder(const char *path)
{
	const char	*slash = strrchr(path, '/');

	if (slash == NULL)
		return xstrdup(".");
	return slash == path ? xstrdup("/") :
	    xstrndup(path, (size_t)(slash - path));
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
		path = job_output_path(b, j, b->writers[i]);
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
			path = job_output_path(b, &js->v[todo[i]],
			    b->writers[k]);
			dirs[n++] = path_folder(path);
			free(path);
		}
	if (cfg.report != NULL)
		dirs[n++] = path_folder(cfg.report);
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
		path = job_output_path(b, j, b->writers[i]);
		fresh = stat(path, &out) == 0 &&
		    (out.st_mtim.tv_sec > in.st_mtim.tv_sec ||
		    (out.st_mtim.tv_sec == in.st_mtim.tv_sec &&
		    out.st_mtim.tv_nsec >= in.st_mtim.tv_nsec));
		free(path);
	}
	return fresh;
}

size_t *
batch_plan(const struct batch *b, struct jobs *js, size_t *ntodo_p)
{
	size_t		*todo, ntodo = 0, i;

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
	*ntodo_p = ntodo;
	return todo;
}

int
batch_run(const struct batch *b, struct jobs *js)
{
	/* Static: a worker exits without returning; LeakSanitizer. */
	static size_t	*todo;
	struct run_opts	 run;
	size_t		 ntodo, i, nstopped = 0;
	mode_t		 mask;
	long		 ncpu;
	int		 status = 0, sig;

	mask = umask(0);
	umask(mask);
	sink_set_mode(0666 & ~mask);
	if (cfg.jobs == 0) {
		ncpu = sysconf(_SC_NPROCESSORS_ONLN);
		cfg.jobs = ncpu > 0 ? (unsigned)ncpu : 1;
	}
	todo = batch_plan(b, js, &ntodo);
	if (ntodo == 1 && cfg.timeout == 0 && cfg.report == NULL)
		worker_run_inline(b, &js->v[todo[0]]);
	else {
		/* A signal to stop ends the workers, then the batch. */
		worker_catch_stops();
		run.jobs = cfg.jobs;
		run.timeout = cfg.timeout;
		run.stop = cfg.stop;
		run.progress = cfg.verbosity >= 0 && isatty(STDERR_FILENO) &&
		    js->n > 1 && b->mode != OUT_STDOUT;
		worker_run(b, js, todo, ntodo, &run);
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
	if (cfg.report != NULL && report_write(b, js, cfg.report) == -1)
		status = 1;
	if ((sig = worker_stop_signal()) != 0) {
		/* One line for the batch; then die of the signal. */
		diag_line("stopped by signal %d: %zu input%s not converted; "
		    "what was written is complete", sig, nstopped,
		    nstopped == 1 ? "" : "s");
		signal(sig, SIG_DFL);
		raise(sig);
	}
	return status;
}
