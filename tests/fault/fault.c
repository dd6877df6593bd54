/* SPDX-License-Identifier: ISC */
/*
 * fault.so: makes one library call of lector's fail or kill the process,
 * for the tests of what lector says and leaves behind when that happens.
 * Preloaded (LD_PRELOAD) with
 *
 *	LECTOR_FAULT=NAME:ACTION[:N]
 *
 * NAME is one of the functions below, ACTION "fail" (the function's own
 * failure: NULL, -1, an empty result), "signal" (the process is killed
 * by SIGABRT, as by a crash), "kill" (by SIGKILL, as by kill -9 or the
 * out-of-memory killer: nothing in the process can clean up) or "stop"
 * (stopped by SIGSTOP, as by a hang), on the N-th call (default 1) of
 * that function in each process.  Every other call goes to the real
 * function.
 */
#define _GNU_SOURCE

#include <dlfcn.h>
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

/* Whether this call of name is the one to hurt, and how. */
static int
fault(const char *name, int *fail)
{
	static int	 calls;
	const char	*spec = getenv("LECTOR_FAULT"), *colon;
	size_t		 len = strlen(name);
	long		 nth = 1;

	if (spec == NULL || strncmp(spec, name, len) != 0 || spec[len] != ':')
		return 0;
	colon = strchr(spec + len + 1, ':');
	if (colon != NULL)
		nth = strtol(colon + 1, NULL, 10);
	if (++calls != nth)
		return 0;
	/* A crash: whatever handles SIGABRT in lector is called. */
	if (strncmp(spec + len + 1, "signal", 6) == 0)
		raise(SIGABRT);
	if (strncmp(spec + len + 1, "kill", 4) == 0)
		raise(SIGKILL);
	if (strncmp(spec + len + 1, "stop", 4) == 0) {
		raise(SIGSTOP);
		return 0;	/* continued: carry on */
	}
	*fail = 1;
	return 1;
}

#define REAL(name) \
	static __typeof__(name) *real_; \
	if (real_ == NULL) \
		real_ = (__typeof__(name) *)dlsym(RTLD_NEXT, #name)

/* libxml2: every XML document lector writes is serialised by this. */
void	 xmlDocDumpFormatMemoryEnc(void *, unsigned char **, int *,
	    const char *, int);

void
xmlDocDumpFormatMemoryEnc(void *doc, unsigned char **mem, int *size,
    const char *enc, int format)
{
	int	 fail = 0;
	REAL(xmlDocDumpFormatMemoryEnc);

	if (fault("xmlDocDumpFormatMemoryEnc", &fail)) {
		*mem = NULL;
		*size = 0;
		return;
	}
	real_(doc, mem, size, enc, format);
}

/* libmp3lame: the MP3 encoder starts here. */
void	*lame_init(void);

void *
lame_init(void)
{
	int	 fail = 0;
	REAL(lame_init);

	if (fault("lame_init", &fail))
		return NULL;
	return real_();
}

/* libespeak-ng: one call per utterance, in the speech process. */
int	 espeak_ng_Synthesize(const void *, size_t, unsigned int, int,
	    unsigned int, unsigned int, unsigned int *, void *);

int
espeak_ng_Synthesize(const void *text, size_t size, unsigned int pos,
    int type, unsigned int end, unsigned int flags, unsigned int *id,
    void *data)
{
	int	 fail = 0;
	REAL(espeak_ng_Synthesize);

	if (fault("espeak_ng_Synthesize", &fail))
		return 0x100000ff;	/* an espeak-ng error status */
	return real_(text, size, pos, type, end, flags, id, data);
}

/* fork: workers and speech processes. */
pid_t
fork(void)
{
	int	 fail = 0;
	REAL(fork);

	if (fault("fork", &fail)) {
		errno = EAGAIN;
		return -1;
	}
	return real_();
}
