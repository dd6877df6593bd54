/* SPDX-License-Identifier: ISC */
/*
 * Running the jobs: in worker processes, or, for one input that needs
 * no worker, in lector's own.  Processes, not threads, because
 * libespeak-ng keeps global state, and so that a crash or a hang in one
 * input costs that input only: the parent notices a worker that died or
 * overran --timeout, settles the input as failed (what was written is
 * kept and said, what was being written is removed) and starts a new
 * worker for the rest.
 *
 * Each worker has two pipes: job numbers go down one; messages come up
 * the other as the job goes (an output begun, its temporary file,
 * written or failed, the job done), so that the parent knows the fate
 * of every output whatever happens to the worker.  End of file on the
 * way up means the worker died.
 */
#include "common.h"

#include <sys/stat.h>
#include <sys/wait.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "batch.h"
#include "buf.h"
#include "ctx.h"
#include "diag.h"
#include "input.h"
#include "job.h"
#include "sink.h"
#include "synth.h"
#include "tree.h"
#include "utf8.h"
#include "worker.h"
#include "writer.h"
#include "xalloc.h"

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

/* How worker_run() runs. */
static struct run_opts run;

static void
on_stop(int sig)
{
	int	 err = errno;

	stop_sig = sig;
	if (stop_pipe[1] != -1 && write(stop_pipe[1], "", 1) < 0)
		(void)0;
	errno = err;
}

void
worker_catch_stops(void)
{
	size_t	 i;

	if (pipe(stop_pipe) == -1)
		return;
	for (i = 0; i < 2; i++)
		fcntl(stop_pipe[i], F_SETFL, O_NONBLOCK);
	for (i = 0; i < NELEM(stop_signals); i++)
		catch_signal(stop_signals[i], on_stop);
}

int
worker_stop_signal(void)
{
	return stop_sig;
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
static char		 stop_head[4096];	/* the same, stopped */
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
	buf_puts(&head, "lector was stopped (signal ");
	snprintf(stop_head, sizeof(stop_head), "%s", head.data);
	buf_reset(&head);
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
 * Say that the inline job ended by signal sig, head first, in one line;
 * nothing in a worker.  Async-signal-safe: only write().
 */
static void
say_signal(const char *head, int sig)
{
	char	 num[4];
	size_t	 n = 0;
	ssize_t	 w;

	if (inline_j == NULL)
		return;
	if (sig >= 100)
		num[n++] = (char)('0' + sig / 100 % 10);
	if (sig >= 10)
		num[n++] = (char)('0' + sig / 10 % 10);
	num[n++] = (char)('0' + sig % 10);
	w = write(STDERR_FILENO, head, strlen(head));
	w = write(STDERR_FILENO, num, n);
	w = write(STDERR_FILENO, crash_tail, strlen(crash_tail));
	(void)w;
}

/*
 * The inline job crashed: what was being written goes, one line says so,
 * and lector ends with 1.
 */
static void
on_crash(int sig)
{
	synth_abandon();
	sink_abandon();
	say_signal(crash_head, sig);
	_exit(1);
}

/*
 * A worker, or lector converting one input itself, is told to stop: the
 * speaking child is ended, the file being written removed, and the
 * process dies of the signal, lector's own after saying so in one line
 * (a worker's parent says it).
 */
static void
on_signal(int sig)
{
	synth_abandon();
	sink_abandon();
	say_signal(stop_head, sig);
	signal(sig, SIG_DFL);
	raise(sig);
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

/* Write output i of batch b for ctx at path; 0 if whole and in place. */
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
		path = job_output_path(b, j, b->writers[i]);
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
		path = job_output_path(b, j, b->writers[k]);
		if (w->tmp != NULL && w->tmp_output == k &&
		    stat(path, &st) == 0 && st.st_dev == w->tmp_st.st_dev &&
		    st.st_ino == w->tmp_st.st_ino)
			j->fates[k] = OUTPUT_WRITTEN;
		else if (b->mode != OUT_STDOUT) {
			dir = path_folder(path);
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

	if (!run.progress)
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
		path = job_output_path(b, j, b->writers[k]);
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
		    run.timeout);
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

void
worker_run_inline(const struct batch *b, struct job *j)
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

void
worker_run(const struct batch *b, struct jobs *js, const size_t *todo,
    size_t ntodo, const struct run_opts *opts)
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

	run = *opts;
	nw = run.jobs < ntodo ? run.jobs : ntodo;
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
			if (ws[w].busy && run.timeout > 0) {
				left = run.timeout -
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
			} else if (run.timeout > 0 &&
			    seconds_since(&ws[w].started) >=
			    run.timeout) {
				worker_end(&ws[w], true);
				settle(b, &ws[w], j);
				job_failed(b, j, JOB_TIMEOUT, 0);
			} else
				continue;
			running--;
			done++;
			progress(done, ntodo, j->in);
			if (j->state != JOB_DONE && run.stop)
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
