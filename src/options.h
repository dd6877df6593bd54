/* SPDX-License-Identifier: ISC */
#ifndef OPTIONS_H
#define OPTIONS_H

#include "common.h"

#include <time.h>

/* A large-print page profile (styles/large-print/NAME.conf). */
enum page_number {
	PAGE_NUMBER_BOTTOM,
	PAGE_NUMBER_TOP,
	PAGE_NUMBER_NONE,
};

struct lp_profile {
	unsigned	 width;		/* columns */
	unsigned	 page_lines;	/* lines a page, number included; 0 */
	unsigned	 line_spacing;	/* 1 or 2 */
	enum page_number page_number;
	bool		 form_feed;	/* between pages */
	bool		 running_header;	/* the title atop each page */
	bool		 ascii;		/* ASCII punctuation and letters */
};

/* A speech profile (styles/speech/NAME.conf); pauses in milliseconds. */
struct speech_profile {
	unsigned	 rate;		/* words a minute, 80..450 */
	unsigned	 pitch;		/* 0..100, 50 normal */
	char		 voice[64];	/* espeak-ng voice; "": from language */
	unsigned	 pause_sentence;
	unsigned	 pause_paragraph;
	unsigned	 pause_heading;	/* before a heading */
	unsigned	 pause_title;	/* after the title block */
	unsigned	 pause_item;
	unsigned	 pause_break;	/* a scene break */
	unsigned	 pause_caption;	/* after a caption */
	bool		 speak_labels;	/* "Photo caption.", "Quote." */
};

/*
 * What the command line asked for, filled by main.c and read (never
 * changed) by the reader, the batch runner and the writers.  Strings are
 * borrowed from argv or owned by main.c for the whole run.
 */
struct options {
	/* Metadata overrides (NULL: take them from the text). */
	const char	*title;
	const char	**authors;	/* nauthors names from --author */
	size_t		 nauthors;
	const char	*lang;		/* a BCP 47 tag, checked by main.c */
	const char	*date;

	/* Outputs. */
	bool		 has_epoch;	/* SOURCE_DATE_EPOCH was set */
	time_t		 epoch;		/* ... to this */
	const char	*id;		/* --id: the EPUB identifier */
	const char	*style;		/* --style NAME|FILE.css */
	char		*css;		/* the stylesheet, loaded by setup */
	size_t		 css_len;	/* bytes in css */
	const char	*layout;	/* --layout NAME|FILE */
	unsigned	 lp_width;	/* --width, 0: the profile's */
	bool		 lp_has_page_lines;	/* --page-lines given */
	unsigned	 lp_page_lines;	/* ... as this */
	bool		 lp_ascii;	/* --ascii */
	struct lp_profile lp;		/* loaded by setup */
	const char	*speech;	/* --speech NAME|FILE */
	const char	*voice;		/* --voice */
	unsigned	 rate;		/* --rate, 0: the profile's */
	bool		 has_pitch;	/* --pitch given */
	unsigned	 pitch;		/* ... as this */
	bool		 speech_ready;	/* sp loaded */
	struct speech_profile sp;	/* loaded by setup */

	/* Batch. */
	unsigned	 jobs;		/* worker processes, >= 1 */
	unsigned	 timeout;	/* seconds per input; 0: none */
	size_t		 max_input_sz;	/* bytes; 0: no limit */
	unsigned	 shard_k;	/* convert slice k (1-based) ... */
	unsigned	 shard_n;	/* ... of n; 0: no sharding */
	bool		 update;	/* -u: skip up-to-date outputs */
	bool		 stop;		/* --stop: end at the first failure */
	int		 verbosity;	/* -1 quiet, 0, 1 verbose */
	bool		 progress;	/* draw a progress line on stderr */
};

#endif /* OPTIONS_H */
