/* SPDX-License-Identifier: ISC */
#ifndef DL_H
#define DL_H

#include "common.h"

#include <espeak-ng/espeak_ng.h>
#include <espeak-ng/speak_lib.h>
#include <lame/lame.h>

/*
 * The audio libraries, loaded (dlopen) the first time an audio format
 * needs one, so that a run for an EPUB or large print never loads them:
 * libespeak-ng brings PulseAudio, ALSA and D-Bus with it, and starting
 * lector once per file paid for them every time.  The functions are
 * looked up in the process's global scope, so a library preloaded for
 * the tests (tests/fault/fault.c) stands in for them.
 */

struct espeak_api {
	void		 (*InitializePath)(const char *);
	espeak_ng_STATUS (*Initialize)(espeak_ng_ERROR_CONTEXT *);
	espeak_ng_STATUS (*InitializeOutput)(espeak_ng_OUTPUT_MODE, int,
			    const char *);
	int		 (*GetSampleRate)(void);
	void		 (*SetSynthCallback)(t_espeak_callback *);
	espeak_ng_STATUS (*SetVoiceByName)(const char *);
	espeak_ng_STATUS (*SetVoiceByProperties)(espeak_VOICE *);
	espeak_ng_STATUS (*SetParameter)(espeak_PARAMETER, int, int);
	espeak_ng_STATUS (*Synthesize)(const void *, size_t, unsigned int,
			    espeak_POSITION_TYPE, unsigned int, unsigned int,
			    unsigned int *, void *);
	espeak_ng_STATUS (*Terminate)(void);
	void		 (*ClearErrorContext)(espeak_ng_ERROR_CONTEXT *);
	void		 (*GetStatusCodeMessage)(espeak_ng_STATUS, char *,
			    size_t);
};

struct lame_api {
	lame_global_flags *(*init)(void);
	int		 (*set_in_samplerate)(lame_global_flags *, int);
	int		 (*set_out_samplerate)(lame_global_flags *, int);
	int		 (*set_num_channels)(lame_global_flags *, int);
	int		 (*set_mode)(lame_global_flags *, MPEG_mode);
	int		 (*set_VBR)(lame_global_flags *, vbr_mode);
	int		 (*set_brate)(lame_global_flags *, int);
	int		 (*set_quality)(lame_global_flags *, int);
	int		 (*set_bWriteVbrTag)(lame_global_flags *, int);
	void		 (*set_write_id3tag_automatic)(lame_global_flags *,
			    int);
	int		 (*init_params)(lame_global_flags *);
	int		 (*encode_buffer)(lame_global_flags *, const short *,
			    const short *, const int, unsigned char *,
			    const int);
	int		 (*encode_flush)(lame_global_flags *, unsigned char *,
			    int);
	size_t		 (*get_lametag_frame)(const lame_global_flags *,
			    unsigned char *, size_t);
	int		 (*close)(lame_global_flags *);
};

/*
 * libespeak-ng's functions, loaded on the first call; NULL after one
 * error line if it cannot be loaded.
 */
const struct espeak_api	*dl_espeak(void);

/* libmp3lame's, the same way. */
const struct lame_api	*dl_lame(void);

#endif /* DL_H */
