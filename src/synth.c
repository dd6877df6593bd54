/* SPDX-License-Identifier: ISC */
/*
 * Utterances to PCM through libespeak-ng (the library, not the program),
 * streamed: each chunk espeak-ng makes goes straight to the sink, so
 * memory stays flat whatever the article's length.  Pauses are exact
 * runs of zero samples, and every utterance's place in the audio is
 * counted in samples, so the timings are exact.
 *
 * libespeak-ng keeps global state and is not thread-safe: it is set up
 * once per process (the batch runner's worker processes) and torn down
 * by synth_fini().
 */
#include "common.h"

#include <stdio.h>
#include <string.h>

#include <espeak-ng/espeak_ng.h>
#include <espeak-ng/speak_lib.h>

#include "diag.h"
#include "options.h"
#include "speech.h"
#include "synth.h"
#include "tree.h"

static bool	 ready;
static int	 sample_rate;

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

	espeak_ng_GetStatusCodeMessage(st, msg, sizeof(msg));
	diag(DIAG_ERROR, 0, "espeak-ng: %s: %s", what, msg);
}

static int
init(void)
{
	espeak_ng_ERROR_CONTEXT	 ctx = NULL;
	espeak_ng_STATUS	 st;

	if (ready)
		return 0;
	espeak_ng_InitializePath(NULL);
	if ((st = espeak_ng_Initialize(&ctx)) != ENS_OK) {
		espeak_ng_ClearErrorContext(&ctx);
		status_message(st, "cannot start (is espeak-ng-data "
		    "installed?)");
		return -1;
	}
	if ((st = espeak_ng_InitializeOutput(ENOUTPUT_MODE_SYNCHRONOUS, 0,
	    NULL)) != ENS_OK) {
		status_message(st, "cannot set up synchronous output");
		espeak_ng_Terminate();
		return -1;
	}
	sample_rate = espeak_ng_GetSampleRate();
	espeak_SetSynthCallback(on_samples);
	ready = true;
	return 0;
}

int
synth_rate(void)
{
	return init() == 0 ? sample_rate : -1;
}

/* Voices for languages whose tag is not an espeak-ng voice name. */
static const struct {
	const char	*lang;
	const char	*voice;
} voice_map[] = {
	{ "en", "en-us" }, { "fr", "fr-fr" }, { "zh", "cmn" },
	{ "pt-pt", "pt" }, { "es-mx", "es-419" }, { "es-us", "es-419" },
	{ "en-au", "en-gb" }, { "en-ca", "en-us" }, { "no", "nb" },
};

/*
 * Pick the voice: the profile's (or --voice), else the language's: the
 * whole tag, a mapped one, then the primary language.
 */
static int
set_voice(const struct doc *d, const struct speech_profile *p)
{
	char		 tag[64], primary[16];
	const char	*try[3];
	size_t		 i, k, n = 0;

	if (p->voice[0] != '\0') {
		if (espeak_ng_SetVoiceByName(p->voice) == ENS_OK)
			return 0;
		diag(DIAG_ERROR, 0, "espeak-ng has no voice '%s' (espeak-ng "
		    "--voices lists them)", p->voice);
		return -1;
	}
	snprintf(tag, sizeof(tag), "%s", d->meta.language);
	for (i = 0; tag[i] != '\0'; i++)
		if (tag[i] >= 'A' && tag[i] <= 'Z')
			tag[i] = (char)(tag[i] + 32);
	snprintf(primary, sizeof(primary), "%.*s", (int)strcspn(tag, "-"),
	    tag);
	for (k = 0; k < NELEM(voice_map); k++)
		if (strcmp(voice_map[k].lang, tag) == 0)
			try[n++] = voice_map[k].voice;
	try[n++] = tag;
	for (k = 0; k < NELEM(voice_map) && n < 3; k++)
		if (strcmp(voice_map[k].lang, primary) == 0)
			try[n++] = voice_map[k].voice;
	if (n < 3)
		try[n++] = primary;
	for (i = 0; i < n; i++)
		if (espeak_ng_SetVoiceByName(try[i]) == ENS_OK)
			return 0;
	diag(DIAG_ERROR, 0, "espeak-ng has no voice for the language '%s' "
	    "(--voice picks one; espeak-ng --voices lists them)",
	    d->meta.language);
	return -1;
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

int
synth_run(const struct doc *d, const struct speech_profile *p,
    const struct speech *sp, const struct synth_sink *sink)
{
	const struct utterance *u;
	espeak_ng_STATUS st;
	uint64_t	 start;
	size_t		 i;

	if (init() == -1 || set_voice(d, p) == -1)
		return -1;
	espeak_ng_SetParameter(espeakRATE, (int)p->rate, 0);
	espeak_ng_SetParameter(espeakPITCH, (int)p->pitch, 0);
	cur_sink = sink;
	cur_samples = 0;
	cur_failed = false;
	for (i = 0; i < sp->n; i++) {
		u = &sp->utts[i];
		start = cur_samples;
		if (u->text[0] != '\0') {
			st = espeak_ng_Synthesize(u->text, strlen(u->text) + 1,
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

void
synth_fini(void)
{
	if (ready)
		espeak_ng_Terminate();
	ready = false;
}
