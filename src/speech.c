/* SPDX-License-Identifier: ISC */
/*
 * The tree as utterances: what a listener hears, in order, with the
 * silences and chapters between, and the text fixed where espeak-ng
 * misreads news copy.  Nothing here makes sound; synth.c does.
 *
 * Fixes, each found by reading espeak-ng's phonemes (espeak-ng -x) for
 * the seed and the corpus (numbers, money, times, abbreviations and
 * symbols are say.c's, by the rules of the text's language):
 *  - a no-break space after "U.S." makes "U dot S dot": every Unicode
 *    space becomes a plain one;
 *  - "Emerg[enc]y" is read in three broken pieces: editorial brackets
 *    inside a word are dropped;
 *  - "Johan Ordonez/AFP/Getty Images" is read with "slash" twice, and a
 *    lone "AFP" between commas as a word: a credit's parts become a
 *    spoken list, "Johan Ordonez, AFP and Getty Images";
 *  - a lead-in in capitals is given in sentence case.
 */
#include "common.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "conf.h"
#include "data.h"
#include "date.h"
#include "diag.h"
#include "labels.h"
#include "lang.h"
#include "meta.h"
#include "opts.h"
#include "say.h"
#include "sentence.h"
#include "speech.h"
#include "text.h"
#include "tree.h"
#include "utf8.h"
#include "xalloc.h"

/* A chapter's name is cut to this width. */
#define CHAPTER_MAX_COLS	80

static const char *const kind_names[UTT__MAX] = {
	"title", "subtitle", "byline", "date", "source", "label", "caption",
	"credit", "heading", "sentence", "item", "quote", "break",
	"preformatted",
};

const char *
speech_kind_name(enum utt_kind k)
{
	return k < UTT__MAX ? kind_names[k] : "?";
}

/* ---- Profiles ------------------------------------------------------------ */

static const struct {
	const char	*key;
	size_t		 off;
	unsigned	 max;
} pause_keys[] = {
	{ "pause-sentence", offsetof(struct speech_profile, pause_sentence),
	    10000 },
	{ "pause-paragraph", offsetof(struct speech_profile, pause_paragraph),
	    10000 },
	{ "pause-heading", offsetof(struct speech_profile, pause_heading),
	    10000 },
	{ "pause-title", offsetof(struct speech_profile, pause_title), 10000 },
	{ "pause-item", offsetof(struct speech_profile, pause_item), 10000 },
	{ "pause-break", offsetof(struct speech_profile, pause_break), 10000 },
	{ "pause-caption", offsetof(struct speech_profile, pause_caption),
	    10000 },
	{ "rate", offsetof(struct speech_profile, rate), 450 },
	{ "pitch", offsetof(struct speech_profile, pitch), 100 },
};

static int
profile_key(const char *key, const char *value, const char *path,
    unsigned line, void *arg)
{
	struct speech_profile *p = arg;
	unsigned	*field;
	size_t		 k;

	for (k = 0; k < NELEM(pause_keys); k++) {
		if (strcmp(key, pause_keys[k].key) != 0)
			continue;
		field = (unsigned *)((char *)p + pause_keys[k].off);
		if (!conf_uint(value, strcmp(key, "rate") == 0 ? 80 : 0,
		    pause_keys[k].max, field)) {
			diag_line("%s:%u: bad value '%s' for "
			    "%s (0 to %u)", path, line, value, key,
			    pause_keys[k].max);
			return -1;
		}
		return 0;
	}
	if (strcmp(key, "voice") == 0) {
		snprintf(p->voice, sizeof(p->voice), "%s", value);
		return 0;
	}
	if (strcmp(key, "speak-labels") == 0) {
		if (!conf_bool(value, &p->speak_labels)) {
			diag_line("%s:%u: speak-labels is yes "
			    "or no", path, line);
			return -1;
		}
		return 0;
	}
	diag_line("%s:%u: unknown key '%s' (keys: rate, "
	    "pitch, voice, speak-labels, pause-sentence, pause-paragraph, "
	    "pause-heading, pause-title, pause-item, pause-break, "
	    "pause-caption)", path, line, key);
	return -1;
}

/* What the command line says of speech, and the profile it makes. */
static struct {
	const char	*speech;	/* --speech NAME|FILE */
	const char	*voice;		/* --voice */
	unsigned	 rate;		/* --rate, 0: the profile's */
	bool		 has_pitch;	/* --pitch given */
	unsigned	 pitch;
	bool		 ready;		/* profile loaded */
	struct speech_profile profile;
} cfg;

static void
set_speech(const char *arg)
{
	cfg.speech = arg;
}

static void
set_voice(const char *arg)
{
	if (*arg == '\0' || strlen(arg) >= sizeof(cfg.profile.voice))
		opts_usage("--voice: '%s' is not a voice name", arg);
	cfg.voice = arg;
}

static void
set_rate(const char *arg)
{
	cfg.rate = (unsigned)opts_number("--rate", arg, 80, 450, false);
}

static void
set_pitch(const char *arg)
{
	cfg.pitch = (unsigned)opts_number("--pitch", arg, 0, 100, false);
	cfg.has_pitch = true;
}

static char *
profile_names(void)
{
	return data_names("speech", ".conf");
}

static const struct optdef speech_optdefs[] = {
	{ "speech", 0, "NAME|FILE", "speech profile: %s", profile_names,
	    "In styles/speech, or a file of key = value lines: rate, pitch, "
	    "voice, speak-labels (yes or no), and the pauses "
	    "pause-sentence, pause-paragraph, pause-heading, pause-title, "
	    "pause-item, pause-break and pause-caption in milliseconds.",
	    set_speech },
	{ "voice", 0, "NAME", "espeak-ng voice (default: from the language)",
	    NULL, "A voice's name or a language espeak-ng has a voice for "
	    "(en-gb); espeak-ng --voices lists them.  Without it, the voice "
	    "comes from the article's language (styles/language).  Readings "
	    "that differ by region follow the voice: with en-gb a date is "
	    "\"3 February\".", set_voice },
	{ "rate", 0, "WPM", "words a minute (80 to 450)", NULL, NULL,
	    set_rate },
	{ "pitch", 0, "N", "0 to 100 (50 normal)", NULL, NULL, set_pitch },
	{ NULL, 0, NULL, NULL, NULL, NULL, NULL },
};

static void
reset(void)
{
	cfg.speech = NULL;
	cfg.voice = NULL;
	cfg.rate = 0;
	cfg.has_pitch = false;
	cfg.pitch = 0;
}

const struct optgroup speech_options = {
	"Speech (mp3, wav, vtt, read-aloud, daisy, speech)", speech_optdefs, reset,
};

int
speech_setup(void)
{
	const char	*name = cfg.speech != NULL ? cfg.speech : "default";
	struct speech_profile *p = &cfg.profile;

	if (cfg.ready)
		return 0;
	memset(p, 0, sizeof(*p));
	p->rate = 175;
	p->pitch = 50;
	p->pause_sentence = 350;
	p->pause_paragraph = 700;
	p->pause_heading = 1200;
	p->pause_title = 1200;
	p->pause_item = 500;
	p->pause_break = 1500;
	p->pause_caption = 900;
	p->speak_labels = true;
	if (conf_load("speech", name, "--speech", "speech profile", profile_key,
	    p) == -1)
		return -1;
	if (cfg.voice != NULL)
		snprintf(p->voice, sizeof(p->voice), "%s", cfg.voice);
	if (cfg.rate != 0)
		p->rate = cfg.rate;
	if (cfg.has_pitch)
		p->pitch = cfg.pitch;
	cfg.ready = true;
	return 0;
}

const struct speech_profile *
speech_profile(void)
{
	return &cfg.profile;
}

/* ---- Normalising text --------------------------------------------------- */

/* Spaces of every kind made one plain space; invisible marks dropped;
 * brackets inside a word dropped. */
static void
plain_spaces(const char *s, size_t len, struct buf *out)
{
	size_t		 i, n, j;
	int32_t		 cp, prev = ' ', next;
	bool		 inside;

	for (i = 0; i < len; i += n) {
		n = utf8_next(s + i, len - i, &cp);
		if (cp == 0xad || (cp >= 0x200b && cp <= 0x200d) ||
		    cp == 0x2060 || cp == 0xfeff)
			continue;
		if (text_is_space(cp) || cp == '\n') {
			if (prev != ' ')
				buf_putc(out, ' ');
			prev = ' ';
			continue;
		}
		/* "Emerg[enc]y", "[T]he": letters in brackets that touch
		 * a letter are part of the word. */
		if (cp == '[') {
			for (j = i + 1; j < len && s[j] != ']' && s[j] != ' ' &&
			    s[j] != '['; j++)
				continue;
			next = 0;
			if (j + 1 < len && s[j] == ']')
				utf8_next(s + j + 1, len - j - 1, &next);
			inside = j < len && s[j] == ']' && j > i + 1 &&
			    (text_is_letter(prev) || text_is_letter(next));
			for (size_t k = i + 1; inside && k < j; k += n) {
				int32_t	 c;

				n = utf8_next(s + k, j - k, &c);
				inside = text_is_letter(c);
			}
			if (inside) {
				buf_put(out, s + i + 1, j - i - 1);
				prev = 'a';
				n = j + 1 - i;
				continue;
			}
			n = 1;
		}
		buf_put(out, s + i, n);
		prev = cp;
	}
}

/* A credit's parts, "A/B/C", as a spoken list: "A, B and C". */
static void
say_credit(const char *s, size_t len, const char *lang, struct buf *out)
{
	struct label_text and = label_get(lang, LABEL_AND);
	size_t		 i, parts = 1, part = 0, start = 0;

	for (i = 0; i < len; i++)
		if (s[i] == '/')
			parts++;
	for (i = 0; i <= len; i++) {
		if (i < len && s[i] != '/')
			continue;
		if (part > 0 && part + 1 == parts)
			buf_printf(out, " %s ", and.text);
		else if (part > 0)
			buf_puts(out, ", ");
		while (start < i && s[start] == ' ')
			start++;
		buf_put(out, s + start, i - start);
		while (out->len > 0 && out->data[out->len - 1] == ' ')
			out->data[--out->len] = '\0';
		part++;
		start = i + 1;
	}
}

void
speech_normalize(const char *lang, enum utt_kind kind, const char *s,
    size_t len, struct buf *out)
{
	struct buf	 a = { 0 }, b = { 0 };

	plain_spaces(s, len, &a);
	if (kind == UTT_CREDIT)
		say_credit(a.data ? a.data : "", a.len, lang, &b);
	else
		buf_put(&b, a.data ? a.data : "", a.len);
	say_text(lang, b.data ? b.data : "", b.len, out);
	while (out->len > 0 && out->data[out->len - 1] == ' ')
		out->data[--out->len] = '\0';
	buf_free(&a);
	buf_free(&b);
}

/* ---- Building the utterances -------------------------------------------- */

struct builder {
	const struct doc		*d;
	const struct speech_profile	*p;
	const struct lang		*lang;	/* the article's */
	struct speech			*sp;
	struct buf			 text;	/* inline text being collected */
	struct buf			 said;	/* one utterance, normalised */
	bool				 back;	/* in back matter: one chapter */
	const char			*passage; /* the language of the block
						   being said, if not the
						   article's */
	char				 reading[24]; /* the article's language
						   with its voice's region */
	char				 target[24]; /* the element a label,
						   credit or line being said
						   belongs to */
	char				 within[24]; /* the list, figure or
						   quote being said */
};

/*
 * The tag the article is read by: its language with the region of the
 * voice that reads it ("en-GB" for the voice en-gb), since readings
 * differ by region ("3 February" or "February 3"); else its language.
 */
static void
reading_tag(const struct doc *d, const struct speech_profile *p, char *out,
    size_t outsz)
{
	const char	*lang = d->meta.language, *v = p->voice;
	char		 region[8] = "";
	size_t		 n = strcspn(lang, "-"), k;

	if (v[0] == '\0') {
		if (lang[n] == '-')
			snprintf(region, sizeof(region), "%.*s",
			    (int)strcspn(lang + n + 1, "-"), lang + n + 1);
		if ((v = lang_voice(lang_get(lang), region[0] != '\0' ?
		    region : NULL)) == NULL)
			v = "";
	}
	snprintf(out, outsz, "%s", lang);
	if (strncasecmp(v, lang, n) != 0 || v[n] != '-' ||
	    strcspn(v + n + 1, "-") != 2)
		return;
	snprintf(out, outsz, "%.*s-%.2s", (int)n, lang, v + n + 1);
	for (k = n + 1; out[k] != '\0'; k++)
		if (out[k] >= 'a' && out[k] <= 'z')
			out[k] = (char)(out[k] - 32);
}

/*
 * A chapter's name: its title, cut to CHAPTER_MAX_COLS columns (a
 * player's list of chapters has one line each); caller frees.
 */
static char *
chapter_name(const char *title, size_t len)
{
	struct buf	 b = { 0 };
	size_t		 keep = text_fit(title, len, CHAPTER_MAX_COLS, 0);

	buf_put(&b, title, keep);
	if (keep < len)
		buf_puts(&b, TEXT_ELLIPSIS);
	return buf_steal(&b);
}

static void
add_chapter(struct builder *b, const char *title, size_t len)
{
	struct speech	*sp = b->sp;

	/* A chapter nothing was said in (a heading of only invisible
	 * characters) gives way to the next. */
	if (sp->nchapters > 0 && (sp->n == 0 ||
	    sp->utts[sp->n - 1].chapter != sp->nchapters - 1)) {
		free(sp->chapters[sp->nchapters - 1].title);
		sp->chapters[sp->nchapters - 1].title = chapter_name(title,
		    len);
		return;
	}
	if (sp->nchapters == sp->chapters_cap) {
		sp->chapters_cap = sp->chapters_cap ? sp->chapters_cap * 2 : 16;
		sp->chapters = xreallocarray(sp->chapters, sp->chapters_cap,
		    sizeof(*sp->chapters));
	}
	sp->chapters[sp->nchapters++].title = chapter_name(title, len);
}

/* Add one utterance of text (normalised here), or of silence. */
static void
add_utt(struct builder *b, enum utt_kind kind, const char *s, size_t len,
    unsigned pause, unsigned line, const char *id)
{
	struct speech	*sp = b->sp;
	struct utterance *u;

	buf_reset(&b->said);
	speech_normalize(b->passage != NULL ? b->passage : b->reading, kind,
	    s, len, &b->said);
	if (b->said.len == 0 && kind != UTT_BREAK)
		return;
	/* Every utterance belongs to a chapter: an article that opens
	 * with no chapter of its own (only a list, say) starts with one
	 * named after its title. */
	if (sp->nchapters == 0)
		add_chapter(b, b->d->meta.title, strlen(b->d->meta.title));
	if (sp->n == sp->cap) {
		sp->cap = sp->cap ? sp->cap * 2 : 64;
		sp->utts = xreallocarray(sp->utts, sp->cap, sizeof(*sp->utts));
	}
	u = &sp->utts[sp->n++];
	u->kind = kind;
	u->text = xstrdup(b->said.data ? b->said.data : "");
	while (len > 0 && s[len - 1] == ' ')
		len--;
	u->written = xstrndup(s, len);
	u->pause_ms = pause;
	u->line = line;
	u->chapter = sp->nchapters - 1;
	snprintf(u->id, sizeof(u->id), "%s", id != NULL ? id : "");
	snprintf(u->target, sizeof(u->target), "%s", id != NULL ? id :
	    kind == UTT_BREAK ? "" : b->target);
	snprintf(u->within, sizeof(u->within), "%s", b->within);
	snprintf(u->lang, sizeof(u->lang), "%s",
	    b->passage != NULL ? b->passage : "");
}

/* Make the last utterance's silence at least ms. */
static void
pause_at_least(struct builder *b, unsigned ms)
{
	if (b->sp->n > 0 && b->sp->utts[b->sp->n - 1].pause_ms < ms)
		b->sp->utts[b->sp->n - 1].pause_ms = ms;
}

static void
add_label(struct builder *b, enum label which, unsigned pause, unsigned line)
{
	struct label_text l = label_get(b->d->meta.language, which);
	char		 s[128];

	if (!b->p->speak_labels)
		return;
	snprintf(s, sizeof(s), "%s.", l.text);
	add_utt(b, UTT_LABEL, s, strlen(s), pause, line, NULL);
}

/* The inline text of a block as written, into b->text. */
static void
block_text(struct builder *b, const struct node *n)
{
	buf_reset(&b->text);
	tree_text(n, TT_LEAD_IN_CASE | TT_NO_CREDIT, &b->text);
}

/*
 * The sentences of block n as utterances of kind, each with its
 * sentence's id; the last gets pause_last, the first prefix (an item's
 * number) before it.
 */
static void
add_sentences(struct builder *b, const struct node *n, enum utt_kind kind,
    unsigned pause_last, const char *prefix)
{
	const struct node *k, *last = NULL;
	char		 id[16];

	for (k = n->first; k != NULL; k = k->next)
		if (k->type == NODE_SENTENCE)
			last = k;
	for (k = n->first; k != NULL; k = k->next) {
		if (k->type != NODE_SENTENCE)
			continue;
		buf_reset(&b->text);
		buf_puts(&b->text, prefix);
		prefix = "";
		tree_text(k, TT_LEAD_IN_CASE, &b->text);
		/* A passage in another language: its voice, its rules. */
		b->passage = n->lang;
		add_utt(b, kind, b->text.data, b->text.len, k == last ?
		    pause_last : b->p->pause_sentence, n->line,
		    sentence_id(k->u.sid, id, sizeof(id)));
		b->passage = NULL;
	}
}

/* A chapter title from a paragraph: its first sentence, or words. */
static void
paragraph_chapter(struct builder *b, const struct node *para)
{
	const struct node *k;
	size_t		 i, words = 0, end;

	for (k = para->first; k != NULL && k->type != NODE_SENTENCE;
	    k = k->next)
		continue;
	buf_reset(&b->text);
	if (k != NULL)
		tree_text(k, TT_LEAD_IN_CASE, &b->text);
	end = b->text.len;
	for (i = 0; i < end && words < 8; i++)
		if (b->text.data[i] == ' ')
			words++;
	if (i < end) {
		while (i > 0 && b->text.data[i - 1] == ' ')
			i--;
		buf_reset(&b->said);
		buf_put(&b->said, b->text.data, i);
		buf_puts(&b->said, "\xe2\x80\xa6");
		add_chapter(b, b->said.data, b->said.len);
	} else
		add_chapter(b, b->text.data ? b->text.data : "", end);
}

/* A line of the header after the title (meta_header()). */
static void
header_utt(enum header_part part, const struct node *byline,
    const char *text, void *arg)
{
	struct builder	*b = arg;
	const struct meta *m = &b->d->meta;
	struct date	 date;
	struct buf	 s = { 0 };

	switch (part) {
	case HEADER_SUBTITLE:
		add_utt(b, UTT_SUBTITLE, text, strlen(text),
		    b->p->pause_sentence, m->subtitle_line, "subtitle");
		break;
	case HEADER_BYLINE:
		add_sentences(b, byline, UTT_BYLINE, b->p->pause_sentence, "");
		break;
	case HEADER_AUTHORS:
		add_utt(b, UTT_BYLINE, text, strlen(text),
		    b->p->pause_sentence, 0, "byline");
		break;
	case HEADER_DATE:
		if (!date_parse(text, strlen(text), &date) ||
		    !date_spoken(&date, b->reading, &s))
			buf_puts(&s, text);
		add_utt(b, UTT_DATE, s.data, s.len, b->p->pause_sentence,
		    m->date_line, "date");
		break;
	case HEADER_SOURCE:
		add_utt(b, UTT_SOURCE, text, strlen(text),
		    b->p->pause_sentence, 0, "source");
		break;
	}
	buf_free(&s);
}

static void
add_header(struct builder *b)
{
	const struct meta *m = &b->d->meta;

	/* A title made from the first sentence would be heard twice. */
	if (m->title_from != FROM_SENTENCE || m->subtitle != NULL ||
	    m->nauthors > 0 || m->date != NULL || m->source != NULL)
		add_chapter(b, m->title, strlen(m->title));
	if (m->title_from != FROM_SENTENCE)
		add_utt(b, UTT_TITLE, m->title, strlen(m->title),
		    b->p->pause_title, m->title_line, "title");
	meta_header(b->d, header_utt, b);
	pause_at_least(b, b->p->pause_title);
}

/*
 * A preformatted block: said what it is and how long; then, if it is text
 * in columns (a table, a chronology), its lines one by one.  A drawing,
 * code or encoded data is never read out symbol by symbol.
 */
static void
add_pre(struct builder *b, const struct node *k)
{
	const char	*t = k->first->text, *nl;
	size_t		 len = k->first->len, n;

	block_id(k, b->target, sizeof(b->target));
	buf_reset(&b->text);
	label_preformatted(b->d->meta.language, k->u.pre, pre_lines(k),
	    &b->text);
	buf_putc(&b->text, '.');
	add_utt(b, UTT_PREFORMATTED, b->text.data, b->text.len,
	    k->u.pre == PRE_TEXT ? b->p->pause_sentence :
	    b->p->pause_paragraph, k->line, NULL);
	if (k->u.pre != PRE_TEXT)
		return;
	for (;;) {
		nl = memchr(t, '\n', len);
		n = nl != NULL ? (size_t)(nl - t) : len;
		add_utt(b, UTT_PREFORMATTED, t, n, nl != NULL ?
		    b->p->pause_sentence : b->p->pause_paragraph, k->line,
		    NULL);
		if (nl == NULL)
			break;
		len -= n + 1;
		t = nl + 1;
	}
}

static void
add_blocks(struct builder *b, const struct node *k, bool headings,
    enum utt_kind kind)
{
	const struct node *item;
	struct label_text l;
	char		 num[32], save[24];
	unsigned	 n;

	for (; k != NULL; k = k->next) {
		switch (k->type) {
		case NODE_HEADING:
			pause_at_least(b, b->p->pause_heading);
			block_text(b, k);
			if (!b->back)
				add_chapter(b, b->text.data, b->text.len);
			add_sentences(b, k, UTT_HEADING, b->p->pause_paragraph,
			    "");
			break;
		case NODE_PARAGRAPH:
			if (!headings && kind == UTT_SENTENCE && !b->back)
				paragraph_chapter(b, k);
			add_sentences(b, k, kind, b->p->pause_paragraph, "");
			break;
		case NODE_CAPTION:
			block_id(k, b->target, sizeof(b->target));
			snprintf(save, sizeof(save), "%s", b->within);
			block_id(k, b->within, sizeof(b->within));
			l = label_get(b->d->meta.language, LABEL_PHOTO);
			add_chapter(b, l.text, strlen(l.text));
			add_label(b, LABEL_PHOTO, b->p->pause_sentence, k->line);
			add_sentences(b, k, UTT_CAPTION, b->p->pause_sentence,
			    "");
			if (k->last->type == NODE_CREDIT) {
				block_id(k->last, b->target,
				    sizeof(b->target));
				buf_reset(&b->text);
				if (b->p->speak_labels) {
					l = label_get(b->d->meta.language,
					    LABEL_PHOTO_CREDIT);
					buf_printf(&b->text, "%s: ", l.text);
				}
				say_credit(k->last->first->text,
				    k->last->first->len, b->d->meta.language,
				    &b->text);
				buf_putc(&b->text, '.');
				add_utt(b, UTT_CREDIT, b->text.data, b->text.len,
				    b->p->pause_caption, k->line, NULL);
			}
			pause_at_least(b, b->p->pause_caption);
			snprintf(b->within, sizeof(b->within), "%s", save);
			break;
		case NODE_BLOCKQUOTE:
			block_id(k, b->target, sizeof(b->target));
			snprintf(save, sizeof(save), "%s", b->within);
			block_id(k, b->within, sizeof(b->within));
			add_label(b, LABEL_QUOTE, b->p->pause_sentence, k->line);
			add_blocks(b, k->first, headings, UTT_QUOTE);
			block_id(k, b->target, sizeof(b->target));
			block_id(k, b->within, sizeof(b->within));
			add_label(b, LABEL_END_QUOTE, b->p->pause_paragraph,
			    k->line);
			snprintf(b->within, sizeof(b->within), "%s", save);
			break;
		case NODE_LIST:
			snprintf(save, sizeof(save), "%s", b->within);
			block_id(k, b->within, sizeof(b->within));
			n = k->u.list.start;
			for (item = k->first; item; item = item->next) {
				num[0] = '\0';
				if (k->u.list.ordered)
					snprintf(num, sizeof(num), "%u. ", n++);
				add_sentences(b, item, UTT_ITEM,
				    b->p->pause_item, num);
			}
			pause_at_least(b, b->p->pause_paragraph);
			snprintf(b->within, sizeof(b->within), "%s", save);
			break;
		case NODE_THEMATIC_BREAK:
			add_utt(b, UTT_BREAK, "", 0, b->p->pause_break,
			    k->line, NULL);
			break;
		case NODE_PREFORMATTED:
			snprintf(save, sizeof(save), "%s", b->within);
			block_id(k, b->within, sizeof(b->within));
			add_pre(b, k);
			snprintf(b->within, sizeof(b->within), "%s", save);
			break;
		case NODE_BACK_MATTER:
			/* The last chapter, after the work, however many
			 * headings it holds. */
			pause_at_least(b, b->p->pause_heading);
			l = label_get(b->d->meta.language,
			    label_back_matter((int)k->u.back));
			add_chapter(b, l.text, strlen(l.text));
			block_id(k, b->target, sizeof(b->target));
			add_label(b, label_back_matter((int)k->u.back),
			    b->p->pause_paragraph, k->line);
			b->back = true;
			add_blocks(b, k->first, headings, kind);
			b->back = false;
			break;
		case NODE_BYLINE:
		case NODE_DOCUMENT:
		case NODE_ITEM:
		case NODE_TEXT:
		case NODE_EMPHASIS:
		case NODE_STRONG:
		case NODE_LEAD_IN:
		case NODE_CREDIT:
		case NODE_LINK:
		case NODE_SENTENCE:
		case NODE__MAX:
			break;
		}
	}
}

void
speech_build(const struct doc *d, const struct speech_profile *p,
    struct speech *out)
{
	struct builder	 b;
	const struct node *k;
	bool		 headings = false;

	memset(&b, 0, sizeof(b));
	b.d = d;
	b.p = p;
	b.lang = lang_get(d->meta.language);
	b.sp = out;
	reading_tag(d, p, b.reading, sizeof(b.reading));
	for (k = d->root->first; k != NULL; k = k->next)
		if (k->type == NODE_HEADING)
			headings = true;
	add_header(&b);
	add_blocks(&b, d->root->first, headings, UTT_SENTENCE);
	/* A short silence to end on, not a long one. */
	if (out->n > 0)
		out->utts[out->n - 1].pause_ms = p->pause_sentence;
	if (out->nchapters == 0)
		add_chapter(&b, d->meta.title, strlen(d->meta.title));
	/* ... and none at the end with nothing in it. */
	if (out->nchapters > 1 && out->utts[out->n - 1].chapter !=
	    out->nchapters - 1)
		free(out->chapters[--out->nchapters].title);
	buf_free(&b.text);
	buf_free(&b.said);
}

void
speech_narrator(const struct doc *d, const struct speech_profile *p,
    struct buf *out)
{
	const char	*try[LANG_VOICES];
	char		 lower[64];

	if (p->voice[0] != '\0')
		buf_printf(out, "espeak-ng, voice %s", p->voice);
	else if (lang_voices(d->meta.language, lower, sizeof(lower), try) > 0)
		buf_printf(out, "espeak-ng, voice %s", try[0]);
}

void
speech_free(struct speech *sp)
{
	size_t	 i;

	for (i = 0; i < sp->n; i++) {
		free(sp->utts[i].text);
		free(sp->utts[i].written);
	}
	for (i = 0; i < sp->nchapters; i++)
		free(sp->chapters[i].title);
	free(sp->utts);
	free(sp->chapters);
	memset(sp, 0, sizeof(*sp));
}
