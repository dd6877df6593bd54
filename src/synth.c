/* SPDX-License-Identifier: ISC */
/*
 * Utterances to PCM through libespeak-ng (the library, not the program),
 * streamed: each chunk espeak-ng makes goes straight to the sink, so
 * memory stays flat whatever the article's length.  Pauses are exact
 * runs of zero samples, and every utterance's place in the audio is
 * counted in samples, so the timings are exact.
 *
 * libespeak-ng keeps global state that carries from one synthesis to
 * the next (the same article spoken after another comes out different
 * bytes), cannot be set up again once torn down, and is not thread-safe.
 * So every synthesis runs in a process of its own, forked for it: the
 * child speaks and sends the samples and timings up a pipe; the caller's
 * process reads them and feeds the sink.  Same article, same bytes, in
 * any order and with any -j.
 */
#include "common.h"

#include <sys/wait.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "diag.h"
#include "dl.h"
#include "lang.h"
#include "speech.h"
#include "synth.h"
#include "tree.h"
#include "xalloc.h"

/* The speaking child's exit status when it ran out of memory. */
#define CHILD_OOM	3

static bool	 ready;
static int	 sample_rate;
static const struct espeak_api *E;	/* libespeak-ng, once loaded */
static volatile pid_t	 child;		/* the speaking child, or 0 */

/*
 * libespeak-ng 1.51 (Debian 12) opens a sound device when its output is
 * set up, even in synchronous mode, where it never plays a sample:
 * pcaudiolib's create_audio_device_object() starts a PulseAudio client
 * (a 64 MiB shared-memory file, a thread, folders in /tmp, a message
 * under an unwritable HOME), then tries ALSA and OSS.  Under a memory
 * or file-size limit that fails, and with it every synthesis.  lector
 * defines the function itself, returning no device, which is what
 * espeak-ng does without pcaudiolib and what later versions do unless
 * they play audio.  The program's definition wins because the dynamic
 * linker looks in the executable first; the Makefile exports it
 * (--export-dynamic-symbol).
 */
struct audio_object;
struct audio_object *create_audio_device_object(const char *, const char *,
		    const char *);

struct audio_object *
create_audio_device_object(const char *device, const char *app,
    const char *description)
{
	(void)device;
	(void)app;
	(void)description;
	return NULL;
}

/* Where the callback sends samples, for the synthesis under way. */
static const struct synth_sink	*cur_sink;
static uint64_t			 cur_samples;
static bool			 cur_failed;

static int
on_samples(short *wav, int n, espeak_EVENT *events)
{
	(void)events;
	if (cur_failed)
		return 1;
	if (wav == NULL || n <= 0)
		return 0;
	if (cur_sink->pcm(cur_sink->arg, wav, (size_t)n) == -1) {
		cur_failed = true;
		return 1;	/* stop espeak-ng */
	}
	cur_samples += (uint64_t)n;
	return 0;
}

static void
status_message(espeak_ng_STATUS st, const char *what)
{
	char	 msg[256];

	E->GetStatusCodeMessage(st, msg, sizeof(msg));
	diag(DIAG_ERROR, 0, "espeak-ng: %s: %s", what, msg);
}

static int
init(void)
{
	espeak_ng_ERROR_CONTEXT	 ctx = NULL;
	espeak_ng_STATUS	 st;

	if (ready)
		return 0;
	if ((E = dl_espeak()) == NULL)
		return -1;
	E->InitializePath(NULL);
	if ((st = E->Initialize(&ctx)) != ENS_OK) {
		E->ClearErrorContext(&ctx);
		status_message(st, "cannot start (is espeak-ng-data "
		    "installed?)");
		return -1;
	}
	if ((st = E->InitializeOutput(ENOUTPUT_MODE_SYNCHRONOUS, 0,
	    NULL)) != ENS_OK) {
		status_message(st, "cannot set up synchronous output");
		E->Terminate();
		return -1;
	}
	sample_rate = E->GetSampleRate();
	E->SetSynthCallback(on_samples);
	ready = true;
	return 0;
}

/* Whether name is a language tag: 2 or 3 letters, and perhaps a region. */
static bool
is_tag(const char *name)
{
	size_t	 a = strspn(name, "abcdefghijklmnopqrstuvwxyz"
		    "ABCDEFGHIJKLMNOPQRSTUVWXYZ"), b;

	if (a < 2 || a > 3)
		return false;
	if (name[a] == '\0')
		return true;
	b = strspn(name + a + 1, "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");
	return name[a] == '-' && b >= 2 && b <= 3 && name[a + 1 + b] == '\0';
}

/*
 * Speak in the voice named name, a voice's name ("en-us") or else a
 * language espeak-ng has a voice for: "en-gb" is no voice's name in
 * espeak-ng 1.51 (its British voice is "en"), but the language of one,
 * as espeak-ng's command line takes it.  Returns 0 or -1.
 */
static int
set_voice_named(const char *name)
{
	espeak_VOICE	 v;
	char		 lang[64];
	size_t		 i;

	if (E->SetVoiceByName(name) == ENS_OK)
		return 0;
	/* Only a language tag ("en-gb", "pt-br"): espeak-ng would match
	 * "no-such-voice" to Norwegian by its first letters. */
	if (!is_tag(name))
		return -1;
	for (i = 0; name[i] != '\0' && i + 1 < sizeof(lang); i++)
		lang[i] = name[i] >= 'A' && name[i] <= 'Z' ?
		    (char)(name[i] + 32) : name[i];
	lang[i] = '\0';
	memset(&v, 0, sizeof(v));
	v.languages = lang;
	return E->SetVoiceByProperties(&v) == ENS_OK ? 0 : -1;
}

/* Speak in the voice for the language tagged language (lang_voices()). */
static int
voice_for(const char *language)
{
	const char	*try[LANG_VOICES];
	char		 lower[64];
	size_t		 i, n;

	n = lang_voices(language, lower, sizeof(lower), try);
	for (i = 0; i < n; i++)
		if (set_voice_named(try[i]) == 0)
			return 0;
	return -1;
}

/* The article's voice: the profile's (or --voice), else its language's. */
static int
set_voice(const struct doc *d, const struct speech_profile *p)
{
	if (p->voice[0] != '\0') {
		if (set_voice_named(p->voice) == 0)
			return 0;
		diag(DIAG_ERROR, 0, "espeak-ng has no voice '%s' (espeak-ng "
		    "--voices lists them)", p->voice);
		return -1;
	}
	if (strcmp(d->meta.language, "und") == 0) {
		diag(DIAG_ERROR, 0, "the language of the text could not be "
		    "told, so there is no voice to speak it (--lang or --voice "
		    "names one)");
		return -1;
	}
	if (voice_for(d->meta.language) == 0)
		return 0;
	diag(DIAG_ERROR, 0, "espeak-ng has no voice for the language '%s' "
	    "(--voice picks one; espeak-ng --voices lists them)",
	    d->meta.language);
	return -1;
}

/*
 * The voice for utterance u: a passage's language's where espeak-ng has
 * one (else the article's goes on), the article's otherwise; *cur is the
 * language spoken now ("" for the article's).  Rate and pitch stay.
 */
static int
switch_voice(const struct doc *d, const struct speech_profile *p,
    const struct utterance *u, char *cur, size_t cursz)
{
	if (strcmp(u->lang, cur) == 0)
		return 0;
	if (u->lang[0] != '\0' && voice_for(u->lang) == 0)
		snprintf(cur, cursz, "%s", u->lang);
	else if (cur[0] == '\0')
		return 0;	/* no voice for it: the article's goes on */
	else {
		if (set_voice(d, p) == -1)
			return -1;
		cur[0] = '\0';
	}
	E->SetParameter(espeakRATE, (int)p->rate, 0);
	E->SetParameter(espeakPITCH, (int)p->pitch, 0);
	return 0;
}

static int
silence(const struct synth_sink *sink, unsigned ms)
{
	static const int16_t	 zeros[1024];
	uint64_t		 left = (uint64_t)ms * (uint64_t)sample_rate /
				    1000;
	size_t			 n;

	while (left > 0) {
		n = left < NELEM(zeros) ? (size_t)left : NELEM(zeros);
		if (sink->pcm(sink->arg, zeros, n) == -1)
			return -1;
		cur_samples += n;
		left -= n;
	}
	return 0;
}

/* Speak in this (child) process, sending everything to sink. */
static int
speak(const struct doc *d, const struct speech_profile *p,
    const struct speech *sp, const struct synth_sink *sink)
{
	const struct utterance *u;
	espeak_ng_STATUS st;
	uint64_t	 start;
	size_t		 i;
	char		 cur[16] = "";

	if (init() == -1 || set_voice(d, p) == -1 ||
	    sink->begin(sink->arg, sample_rate) == -1)
		return -1;
	E->SetParameter(espeakRATE, (int)p->rate, 0);
	E->SetParameter(espeakPITCH, (int)p->pitch, 0);
	cur_sink = sink;
	cur_samples = 0;
	cur_failed = false;
	for (i = 0; i < sp->n; i++) {
		u = &sp->utts[i];
		start = cur_samples;
		if (switch_voice(d, p, u, cur, sizeof(cur)) == -1)
			return -1;
		if (u->text[0] != '\0') {
			st = E->Synthesize(u->text, strlen(u->text) + 1,
			    0, POS_CHARACTER, 0, espeakCHARS_UTF8, NULL, NULL);
			if (cur_failed)
				return -1;	/* the sink said why */
			if (st != ENS_OK) {
				status_message(st, "cannot speak");
				return -1;
			}
		}
		if (sink->mark != NULL)
			sink->mark(sink->arg, i, start, cur_samples);
		if (silence(sink, u->pause_ms) == -1)
			return -1;
	}
	return 0;
}

/* ---- The speaking child ------------------------------------------------ */

static void
child_oom(void)
{
	_exit(CHILD_OOM);
}

/*
 * Make the newly forked child its own: the caller's signal handlers and
 * out-of-memory handler are not its (a crash or a failure here is the
 * caller's to say, from the status it waits for), signals the caller
 * ignores stay ignored (nohup), it dies with its parent (Linux), and
 * nothing a library prints reaches the user: espeak-ng's own messages
 * and assertions go nowhere, what went wrong is sent up the pipe.
 */
static void
child_setup(pid_t parent)
{
	const int	 sigs[] = { SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT,
			    SIGTERM, SIGINT, SIGHUP, SIGXFSZ };
	struct sigaction sa;
	size_t		 i;
	int		 fd;

	for (i = 0; i < NELEM(sigs); i++)
		if (sigaction(sigs[i], NULL, &sa) == 0 &&
		    sa.sa_handler != SIG_IGN)
			signal(sigs[i], SIG_DFL);
	signal(SIGPIPE, SIG_IGN);
	xalloc_on_failure(child_oom);
#ifdef __linux__
	prctl(PR_SET_PDEATHSIG, SIGKILL);
#endif
	if (getppid() != parent)
		_exit(1);	/* the parent died before prctl() */
	if ((fd = open("/dev/null", O_WRONLY)) != -1) {
		dup2(fd, STDERR_FILENO);
		if (fd != STDERR_FILENO)
			close(fd);
	}
}

void
synth_abandon(void)
{
	pid_t	 pid = child;

	if (pid > 0) {
		kill(pid, SIGKILL);
		while (waitpid(pid, NULL, 0) == -1 && errno == EINTR)
			continue;
		child = 0;
	}
}

/* ---- The pipe between the speaking child and the caller ----------------- */

enum record {
	REC_RATE = 'R',		/* int32 rate */
	REC_PCM = 'P',		/* uint32 n, n int16 samples */
	REC_MARK = 'M',		/* uint64 i, start, end */
	REC_ERROR = 'E',	/* uint32 n, n bytes: why speaking failed */
};

static int
write_all(int fd, const void *p, size_t len)
{
	const char	*s = p;
	ssize_t		 n;

	while (len > 0) {
		if ((n = write(fd, s, len)) < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		s += n;
		len -= (size_t)n;
	}
	return 0;
}

static int
read_all(FILE *f, void *p, size_t len)
{
	return fread(p, 1, len, f) == len ? 0 : -1;
}

/*
 * The child's side: records gathered in a buffer and written a pipe's
 * worth at a time (a write per record cost more than the speaking).
 */
struct up {
	int		 fd;
	struct buf	 out;
};

static int
up_put(struct up *u, const void *p, size_t len, bool flush)
{
	buf_put(&u->out, p, len);
	if (!flush && u->out.len < 65536)
		return 0;
	if (write_all(u->fd, u->out.data, u->out.len) == -1)
		return -1;
	buf_reset(&u->out);
	return 0;
}

static int
pipe_begin(void *arg, int rate)
{
	int32_t	 r = rate;

	return up_put(arg, "R", 1, false) == 0 &&
	    up_put(arg, &r, sizeof(r), false) == 0 ? 0 : -1;
}

static int
pipe_pcm(void *arg, const int16_t *s, size_t n)
{
	uint32_t	 k = (uint32_t)n;

	return up_put(arg, "P", 1, false) == 0 &&
	    up_put(arg, &k, sizeof(k), false) == 0 &&
	    up_put(arg, s, n * sizeof(*s), false) == 0 ? 0 : -1;
}

static void
pipe_mark(void *arg, size_t i, uint64_t start, uint64_t end)
{
	uint64_t	 v[3] = { i, start, end };

	if (up_put(arg, "M", 1, false) == 0)
		up_put(arg, v, sizeof(v), false);
}

int
synth_run(const struct doc *d, const struct speech_profile *p,
    const struct speech *sp, const struct synth_sink *sink)
{
	struct synth_sink sink_up = { pipe_begin, pipe_pcm, pipe_mark, NULL };
	struct up	 up;
	FILE		*in;
	int16_t		*pcm = NULL;
	size_t		 pcm_cap = 0;
	uint64_t	 v[3];
	uint32_t	 n;
	int32_t		 rate;
	int		 fds[2], st, rc = 0;
	bool		 cut = false, said = false;
	const char	*msg;
	char		 type, *text;
	uint32_t	 k;
	pid_t		 pid, parent = getpid();

	if (pipe(fds) == -1) {
		diag(DIAG_ERROR, 0, "cannot make a pipe: %s", strerror(errno));
		return -1;
	}
	fflush(NULL);
	if ((pid = fork()) == -1) {
		diag(DIAG_ERROR, 0, "cannot start the speech process: %s",
		    strerror(errno));
		close(fds[0]);
		close(fds[1]);
		return -1;
	}
	if (pid == 0) {
		/* The child: speak, then leave without touching the
		 * parent's stdio buffers or exit handlers. */
		close(fds[0]);
		child_setup(parent);
		memset(&up, 0, sizeof(up));
		up.fd = fds[1];
		sink_up.arg = &up;
		/* Messages go up the pipe, for the caller to print: one
		 * process says what went wrong, once. */
		diag_set_verbosity(-2);
		if ((rc = speak(d, p, sp, &sink_up)) == -1) {
			msg = diag_last_error();
			k = (uint32_t)strlen(msg);
			up_put(&up, "E", 1, false);
			up_put(&up, &k, sizeof(k), false);
			up_put(&up, msg, k, false);
		}
		if (up_put(&up, "", 0, true) == -1)
			rc = -1;
		_exit(rc == 0 ? 0 : 1);
	}
	child = pid;
	close(fds[1]);
	if ((in = fdopen(fds[0], "rb")) == NULL) {
		diag(DIAG_ERROR, 0, "cannot read the speech process: %s",
		    strerror(errno));
		close(fds[0]);
		synth_abandon();
		return -1;
	}
	/*
	 * Records until the end; a record cut short means the child died
	 * in the middle (cut is set), which the sink never hears of.
	 */
	while (rc == 0 && read_all(in, &type, 1) == 0) {
		switch (type) {
		case REC_RATE:
			if (read_all(in, &rate, sizeof(rate)) == -1)
				cut = true;
			else if (sink->begin(sink->arg, rate) == -1)
				rc = -1;
			break;
		case REC_PCM:
			if (read_all(in, &n, sizeof(n)) == -1) {
				cut = true;
				break;
			}
			if (n > pcm_cap) {
				pcm = xreallocarray(pcm, n, sizeof(*pcm));
				pcm_cap = n;
			}
			if (read_all(in, pcm, n * sizeof(*pcm)) == -1)
				cut = true;
			else if (sink->pcm(sink->arg, pcm, n) == -1)
				rc = -1;
			break;
		case REC_MARK:
			if (read_all(in, v, sizeof(v)) == -1)
				cut = true;
			else if (sink->mark != NULL)
				sink->mark(sink->arg, (size_t)v[0], v[1], v[2]);
			break;
		case REC_ERROR:
			if (read_all(in, &n, sizeof(n)) == -1 || n > 65536) {
				cut = true;
				break;
			}
			text = xmalloc((size_t)n + 1);
			if (read_all(in, text, n) == -1)
				cut = true;
			else {
				text[n] = '\0';
				diag(DIAG_ERROR, 0, "%s", text);
				said = true;
			}
			free(text);
			break;
		default:
			cut = true;
			break;
		}
		if (cut)
			break;
	}
	fclose(in);
	if (rc == -1)
		kill(pid, SIGKILL);
	while (waitpid(pid, &st, 0) == -1 && errno == EINTR)
		continue;
	child = 0;
	free(pcm);
	if (rc == -1)
		return -1;	/* the sink said why */
	if (WIFEXITED(st) && WEXITSTATUS(st) == CHILD_OOM) {
		diag(DIAG_ERROR, 0, "out of memory while speaking");
		return -1;
	}
	if (WIFSIGNALED(st)) {
		diag(DIAG_ERROR, 0, "espeak-ng crashed (signal %d)",
		    WTERMSIG(st));
		return -1;
	}
	if (said)
		return -1;
	if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) {
		diag(DIAG_ERROR, 0, "the speech process failed (status %d)",
		    WIFEXITED(st) ? WEXITSTATUS(st) : -1);
		return -1;
	}
	if (cut) {
		diag(DIAG_ERROR, 0, "the speech process ended in the middle "
		    "of its output");
		return -1;
	}
	return rc;
}
