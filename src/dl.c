/* SPDX-License-Identifier: ISC */
#include "common.h"

#include <dlfcn.h>
#include <string.h>

#include "diag.h"
#include "dl.h"

/* The file names (sonames) of the libraries Debian installs. */
#define ESPEAK_SO	"libespeak-ng.so.1"
#define LAME_SO		"libmp3lame.so.0"

/* A function's name and where its address goes. */
struct sym {
	const char	*name;
	void		*fp;		/* a pointer to a function pointer */
};

/*
 * Load lib and fill every function pointer of syms from the global
 * scope; -1 after one message naming what is missing.
 */
static int
load(const char *lib, const char *what, const struct sym *syms, size_t n)
{
	void		*self, *p;
	size_t		 i;
	const char	*err;

	if (dlopen(lib, RTLD_NOW | RTLD_GLOBAL) == NULL) {
		err = dlerror();
		diag(DIAG_ERROR, 0, "%s cannot be loaded (is it installed?): "
		    "%s", what, err != NULL ? err : lib);
		return -1;
	}
	if ((self = dlopen(NULL, RTLD_NOW)) == NULL) {
		err = dlerror();
		diag(DIAG_ERROR, 0, "%s: %s", what, err != NULL ? err :
		    "dlopen failed");
		return -1;
	}
	for (i = 0; i < n; i++) {
		if ((p = dlsym(self, syms[i].name)) == NULL) {
			diag(DIAG_ERROR, 0, "%s has no %s", what,
			    syms[i].name);
			return -1;
		}
		/* POSIX: an object pointer holds a function's address. */
		memcpy(syms[i].fp, &p, sizeof(p));
	}
	return 0;
}

const struct espeak_api *
dl_espeak(void)
{
	static struct espeak_api e;
	static int	 state;	/* 0 not tried, 1 loaded, -1 failed */
	const struct sym syms[] = {
		{ "espeak_ng_InitializePath", &e.InitializePath },
		{ "espeak_ng_Initialize", &e.Initialize },
		{ "espeak_ng_InitializeOutput", &e.InitializeOutput },
		{ "espeak_ng_GetSampleRate", &e.GetSampleRate },
		{ "espeak_SetSynthCallback", &e.SetSynthCallback },
		{ "espeak_ng_SetVoiceByName", &e.SetVoiceByName },
		{ "espeak_ng_SetVoiceByProperties", &e.SetVoiceByProperties },
		{ "espeak_ng_SetParameter", &e.SetParameter },
		{ "espeak_ng_Synthesize", &e.Synthesize },
		{ "espeak_ng_Terminate", &e.Terminate },
		{ "espeak_ng_ClearErrorContext", &e.ClearErrorContext },
		{ "espeak_ng_GetStatusCodeMessage", &e.GetStatusCodeMessage },
	};

	if (state == 0)
		state = load(ESPEAK_SO, "libespeak-ng", syms,
		    NELEM(syms)) == 0 ? 1 : -1;
	return state == 1 ? &e : NULL;
}

const struct lame_api *
dl_lame(void)
{
	static struct lame_api l;
	static int	 state;
	const struct sym syms[] = {
		{ "lame_init", &l.init },
		{ "lame_set_in_samplerate", &l.set_in_samplerate },
		{ "lame_set_out_samplerate", &l.set_out_samplerate },
		{ "lame_set_num_channels", &l.set_num_channels },
		{ "lame_set_mode", &l.set_mode },
		{ "lame_set_VBR", &l.set_VBR },
		{ "lame_set_brate", &l.set_brate },
		{ "lame_set_quality", &l.set_quality },
		{ "lame_set_bWriteVbrTag", &l.set_bWriteVbrTag },
		{ "lame_set_write_id3tag_automatic",
		    &l.set_write_id3tag_automatic },
		{ "lame_init_params", &l.init_params },
		{ "lame_encode_buffer", &l.encode_buffer },
		{ "lame_encode_flush", &l.encode_flush },
		{ "lame_get_lametag_frame", &l.get_lametag_frame },
		{ "lame_close", &l.close },
	};

	if (state == 0)
		state = load(LAME_SO, "libmp3lame", syms, NELEM(syms)) == 0 ?
		    1 : -1;
	return state == 1 ? &l : NULL;
}
