/* SPDX-License-Identifier: ISC */
#ifndef SPEECH_H
#define SPEECH_H

#include "common.h"

struct buf;
struct doc;
struct optgroup;

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
 * The article as it will be spoken: a list of utterances, each a
 * sentence or a label with the silence that follows it, grouped into
 * chapters a listener can skip between.  A pure step (no audio), so its
 * golden files (`-t speech`) test what a listener hears.
 */
enum utt_kind {
	UTT_TITLE,
	UTT_SUBTITLE,
	UTT_BYLINE,
	UTT_DATE,
	UTT_SOURCE,
	UTT_LABEL,	/* words lector adds: "Photo caption.", "Quote." */
	UTT_CAPTION,
	UTT_CREDIT,
	UTT_HEADING,
	UTT_SENTENCE,	/* a sentence of a paragraph */
	UTT_ITEM,	/* a sentence of a list item */
	UTT_QUOTE,	/* a sentence of a block quote */
	UTT_BREAK,	/* a scene break: silence only */
	UTT_PREFORMATTED, /* what a preformatted block is: "Diagram, 12
			   lines."; then a table's rows, one each (a
			   drawing's, code's or data's never) */
	UTT__MAX
};

struct utterance {
	enum utt_kind	 kind;
	char		*text;		/* spoken text; "" for silence only */
	char		*written;	/* the same as written, for captions */
	unsigned	 pause_ms;	/* silence after it */
	unsigned	 line;		/* source line of its block */
	size_t		 chapter;	/* index into speech.chapters */
	char		 lang[16];	/* a passage in another language than
					   the article's: its tag; else "" */
	char		 id[16];	/* what it says: a sentence ("s3"),
					   "title", "subtitle", "byline",
					   "date", "source"; "" for labels,
					   credits and silences */
	char		 target[24];	/* the element it reads or brings in,
					   for read-aloud books: its id, or a
					   label's element ("figure-1" for
					   "Photo caption.", "quote-2" for
					   "Quote." and "End quote."), a
					   credit's, a preformatted block's
					   (block_id()); "" for silences */
	char		 within[24];	/* the list, figure or quote it is
					   in, innermost (block_id()), that a
					   listener may skip out of; or "" */
};

struct chapter {
	char		*title;
};

struct speech {
	struct utterance *utts;
	size_t		 n;
	size_t		 cap;
	struct chapter	*chapters;
	size_t		 nchapters;
	size_t		 chapters_cap;
};

/* The options of speech (--speech, --voice, --rate, --pitch). */
extern const struct optgroup speech_options;

/*
 * Load the speech profile named by --speech (default "default") and
 * apply --voice, --rate and --pitch; the setup of every audio writer.
 * Returns 0, or -1 after one line on standard error.  Idempotent.
 */
int		 speech_setup(void);

/* The profile speech_setup() loaded. */
const struct speech_profile *speech_profile(void);

/*
 * Build the utterances of d with profile p into *out (zeroed by the
 * caller); free with speech_free().  There is always at least one
 * chapter, and every utterance belongs to one.
 */
void		 speech_build(const struct doc *, const struct speech_profile *,
		    struct speech *out);

/* Free what speech_build() made; the struct may be reused. */
void		 speech_free(struct speech *);

/*
 * Append len bytes of s to out as a synthesiser should get them, in
 * language lang (a BCP 47 tag): spaces made plain, editorial brackets
 * inside words removed ("Emerg[enc]y"); in a credit, slashes become a
 * spoken list; then numbers, money, times and abbreviations said by the
 * language's rules (say.h).
 */
void		 speech_normalize(const char *lang, enum utt_kind,
		    const char *s, size_t len, struct buf *out);

/*
 * Who reads d aloud with profile p, for a book's metadata: "espeak-ng,
 * voice en-us" (the profile's voice, else the language's).
 */
void		 speech_narrator(const struct doc *, const struct speech_profile *,
		    struct buf *out);

/* The name of a kind in the `speech` dump ("sentence"). */
const char	*speech_kind_name(enum utt_kind);

#endif /* SPEECH_H */
