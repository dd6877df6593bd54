/* SPDX-License-Identifier: ISC */
/*
 * Language detection: the script by counting letters, then the language
 * within the script by libexttextcat, whose models (TEXTCAT_DATADIR)
 * are loaded only for the languages styles/language/script/SCRIPT.conf
 * lists, once per process: loading all 160 of them costs 11 ms, more
 * than converting an article.
 */
#include "common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libexttextcat/textcat.h>

#include "arena.h"
#include "buf.h"
#include "data.h"
#include "detect.h"
#include "text.h"
#include "tree.h"
#include "utf8.h"
#include "xalloc.h"

#ifndef TEXTCAT_DATADIR
#define TEXTCAT_DATADIR "/usr/share/libexttextcat"
#endif

/* Letters counted for the script; bytes given to the n-gram models. */
#define SCRIPT_SCAN	(256 * 1024)
#define SAMPLE_PART	2000
#define SAMPLE_PARTS	3
/*
 * Fewer letters than this say nothing reliable of the language: Latin
 * text is then lector's default (English), another script's its
 * likeliest language, said to be a guess.
 */
#define LETTERS_MIN	100

/*
 * The scripts by Unicode block (Scripts.txt, the blocks' letters), in
 * code point order.  Letters elsewhere count for no script.
 */
static const struct range {
	uint32_t	 lo, hi;
	const char	*script;
} ranges[] = {
	{ 0x0041, 0x024F, "Latn" },
	{ 0x0370, 0x03FF, "Grek" },
	{ 0x0400, 0x052F, "Cyrl" },
	{ 0x0530, 0x058F, "Armn" },
	{ 0x0590, 0x05FF, "Hebr" },
	{ 0x0600, 0x06FF, "Arab" },
	{ 0x0700, 0x074F, "Syrc" },
	{ 0x0750, 0x077F, "Arab" },
	{ 0x0780, 0x07BF, "Thaa" },
	{ 0x08A0, 0x08FF, "Arab" },
	{ 0x0900, 0x097F, "Deva" },
	{ 0x0980, 0x09FF, "Beng" },
	{ 0x0A00, 0x0A7F, "Guru" },
	{ 0x0A80, 0x0AFF, "Gujr" },
	{ 0x0B80, 0x0BFF, "Taml" },
	{ 0x0C00, 0x0C7F, "Telu" },
	{ 0x0C80, 0x0CFF, "Knda" },
	{ 0x0D00, 0x0D7F, "Mlym" },
	{ 0x0D80, 0x0DFF, "Sinh" },
	{ 0x0E00, 0x0E7F, "Thai" },
	{ 0x0E80, 0x0EFF, "Laoo" },
	{ 0x0F00, 0x0FFF, "Tibt" },
	{ 0x1000, 0x109F, "Mymr" },
	{ 0x10A0, 0x10FF, "Geor" },
	{ 0x1100, 0x11FF, "Hang" },
	{ 0x1200, 0x139F, "Ethi" },
	{ 0x1780, 0x17FF, "Khmr" },
	{ 0x1C80, 0x1C8F, "Cyrl" },
	{ 0x1E00, 0x1EFF, "Latn" },
	{ 0x1F00, 0x1FFF, "Grek" },
	{ 0x2C60, 0x2C7F, "Latn" },
	{ 0x2DE0, 0x2DFF, "Cyrl" },
	{ 0x3040, 0x30FF, "Kana" },	/* hiragana and katakana */
	{ 0x3130, 0x318F, "Hang" },
	{ 0x31F0, 0x31FF, "Kana" },
	{ 0x3400, 0x4DBF, "Hani" },
	{ 0x4E00, 0x9FFF, "Hani" },
	{ 0xA640, 0xA69F, "Cyrl" },
	{ 0xA720, 0xA7FF, "Latn" },
	{ 0xAC00, 0xD7AF, "Hang" },
	{ 0xF900, 0xFAFF, "Hani" },
	{ 0xFB1D, 0xFB4F, "Hebr" },
	{ 0xFB50, 0xFDFF, "Arab" },
	{ 0xFE70, 0xFEFF, "Arab" },
	{ 0xFF21, 0xFF5A, "Latn" },
	{ 0xFF66, 0xFF9F, "Kana" },
	{ 0x20000, 0x3FFFF, "Hani" },
};

static const char *
script_of(uint32_t c)
{
	size_t	 lo = 0, hi = NELEM(ranges), mid;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (c < ranges[mid].lo)
			hi = mid;
		else if (c > ranges[mid].hi)
			lo = mid + 1;
		else
			return ranges[mid].script;
	}
	return NULL;
}

/* The languages of a script, and the models of them when more than one. */
struct script {
	char		 code[5];
	char		**tags;		/* in the file's order */
	size_t		 ntags;
	char		*conf;		/* the file, for libexttextcat */
	void		*textcat;	/* loaded on first use, or NULL */
	bool		 failed;	/* the models could not be loaded */
	struct script	*next;
};

static struct script	*scripts;

/* The script's languages: "en.lm en" lines, textcat's own format. */
static struct script *
script_get(const char *code)
{
	struct script	*s;
	char		*text, *line, *save, model[64], tag[32];
	size_t		 len;

	for (s = scripts; s != NULL; s = s->next)
		if (strcmp(s->code, code) == 0)
			return s;
	s = xcalloc(1, sizeof(*s));
	snprintf(s->code, sizeof(s->code), "%s", code);
	s->next = scripts;
	scripts = s;
	if ((s->conf = data_find("language/script", code, ".conf")) == NULL ||
	    (text = data_read(s->conf, &len)) == NULL)
		return s;
	for (line = strtok_r(text, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		if (line[0] == '#' ||
		    sscanf(line, "%63s %31s", model, tag) != 2)
			continue;
		s->tags = xreallocarray(s->tags, s->ntags + 1,
		    sizeof(*s->tags));
		s->tags[s->ntags++] = xstrdup(tag);
	}
	free(text);
	return s;
}

/* The first category of libexttextcat's answer "[en][sco]", or NULL. */
static bool
classify(struct script *s, const char *text, size_t len, char *out,
    size_t outsz)
{
	const char	*r, *end;

	if (s->textcat == NULL && !s->failed &&
	    (s->textcat = special_textcat_Init(s->conf,
	    TEXTCAT_DATADIR "/")) == NULL)
		s->failed = true;
	if (s->textcat == NULL ||
	    (r = textcat_Classify(s->textcat, text, len)) == NULL ||
	    r[0] != '[' || (end = strchr(r, ']')) == NULL ||
	    (size_t)(end - r - 1) >= outsz || end == r + 1)
		return false;
	memcpy(out, r + 1, (size_t)(end - r - 1));
	out[end - r - 1] = '\0';
	return true;
}

/* Parts of a long text from its middle, at character boundaries. */
static void
sample(const char *text, size_t len, struct buf *b)
{
	size_t	 i, at, end;

	if (len <= SAMPLE_PART * SAMPLE_PARTS) {
		buf_put(b, text, len);
		return;
	}
	for (i = 1; i <= SAMPLE_PARTS; i++) {
		at = len / (SAMPLE_PARTS + 1) * i;
		while (at < len && (text[at] & 0xC0) == 0x80)
			at++;
		end = at + SAMPLE_PART < len ? at + SAMPLE_PART : len;
		while (end < len && (text[end] & 0xC0) == 0x80)
			end++;
		buf_put(b, text + at, end - at);
		buf_putc(b, '\n');
	}
}

size_t
detect_script(const char *text, size_t len, char *script)
{
	struct { const char *code; size_t n; } count[16];
	size_t		 ncount = 0, i, n, best, nhani = 0, nkana = 0;
	int32_t		 c;
	const char	*sc;

	script[0] = '\0';
	for (i = 0; i < len && i < SCRIPT_SCAN; i += n) {
		n = utf8_next(text + i, len - i, &c);
		if (!text_is_letter(c))
			continue;
		if ((sc = script_of((uint32_t)c)) == NULL)
			continue;
		for (best = 0; best < ncount && count[best].code != sc; best++)
			continue;
		if (best == ncount) {
			if (ncount == NELEM(count))
				continue;
			count[ncount].code = sc;
			count[ncount++].n = 0;
		}
		count[best].n++;
	}
	for (i = best = 0; i < ncount; i++) {
		if (count[i].n > count[best].n)
			best = i;
		if (strcmp(count[i].code, "Hani") == 0)
			nhani = count[i].n;
		else if (strcmp(count[i].code, "Kana") == 0)
			nkana = count[i].n;
	}
	if (ncount == 0)
		return 0;
	sc = count[best].code;
	/* Japanese writes with kanji and kana, Chinese with hanzi only. */
	if ((strcmp(sc, "Hani") == 0 && nkana * 20 > nhani) ||
	    strcmp(sc, "Kana") == 0)
		sc = "Jpan";
	snprintf(script, 5, "%s", sc);
	return count[best].n;
}

enum detect_result
detect_text(const char *text, size_t len, char *out, size_t outsz,
    char *script)
{
	struct script	*s;
	struct buf	 b = { 0 };
	size_t		 letters;
	bool		 found;
	const char	*sc = script;

	if ((letters = detect_script(text, len, script)) == 0)
		return DETECT_NONE;
	s = script_get(sc);
	if (s->ntags == 0)
		return DETECT_UNKNOWN;
	if (s->ntags == 1) {
		snprintf(out, outsz, "%s", s->tags[0]);
		return DETECT_FOUND;
	}
	if (letters < LETTERS_MIN) {
		if (strcmp(sc, "Latn") == 0)
			return DETECT_NONE;
		snprintf(out, outsz, "%s", s->tags[0]);
		return DETECT_GUESSED;
	}
	sample(text, len, &b);
	found = classify(s, b.data != NULL ? b.data : "", b.len, out, outsz);
	buf_free(&b);
	if (found)
		return DETECT_FOUND;
	if (strcmp(sc, "Latn") == 0)
		return DETECT_NONE;
	snprintf(out, outsz, "%s", s->tags[0]);
	return DETECT_GUESSED;
}

static enum walk_result
gather(const struct node *n, enum walk_event ev, void *arg)
{
	struct buf	*b = arg;

	if (ev == WALK_ENTER && n->type == NODE_TEXT) {
		buf_put(b, n->text, n->len);
		buf_putc(b, ' ');
	} else if (ev == WALK_LEAVE && n->type != NODE_TEXT)
		buf_putc(b, '\n');
	return b->len >= SCRIPT_SCAN ? WALK_STOP : WALK_CONTINUE;
}

enum detect_result
detect_doc(const struct doc *d, char *out, size_t outsz, char *script)
{
	struct buf	 b = { 0 };
	enum detect_result r;

	if (d->meta.title != NULL) {
		buf_puts(&b, d->meta.title);
		buf_putc(&b, '\n');
	}
	if (d->meta.headline != NULL && d->meta.headline != d->meta.title) {
		buf_puts(&b, d->meta.headline);
		buf_putc(&b, '\n');
	}
	tree_walk(d->root, gather, &b);
	r = detect_text(b.data != NULL ? b.data : "", b.len, out, outsz,
	    script);
	buf_free(&b);
	return r;
}

/* What detect_passages() walks with. */
struct passages {
	struct doc	*d;
	char		 script[5];	/* the document's */
	struct buf	 text;
};

static void
mark_passage(struct passages *ps, struct node *n)
{
	char		 script[5], tag[32];
	enum detect_result r;

	buf_reset(&ps->text);
	tree_text(n, TT_PLAIN, &ps->text);
	if (detect_script(ps->text.data != NULL ? ps->text.data : "",
	    ps->text.len, script) < PASSAGE_MIN_LETTERS ||
	    strcmp(script, ps->script) == 0)
		return;
	r = detect_text(ps->text.data, ps->text.len, tag, sizeof(tag), script);
	if ((r == DETECT_FOUND || r == DETECT_GUESSED) &&
	    strcmp(tag, ps->d->meta.language) != 0)
		n->lang = arena_strdup(ps->d->arena, tag);
}

/* The blocks of text from n on, those inside quotes, lists and back
 * matter too. */
static void
mark_passages(struct passages *ps, struct node *n)
{
	for (; n != NULL; n = n->next) {
		if (node_holds_text(n->type))
			mark_passage(ps, n);
		else if (n->type == NODE_BLOCKQUOTE || n->type == NODE_LIST ||
		    n->type == NODE_BACK_MATTER)
			mark_passages(ps, n->first);
	}
}

void
detect_passages(struct doc *d)
{
	struct passages	 ps;
	struct buf	 b = { 0 };

	memset(&ps, 0, sizeof(ps));
	ps.d = d;
	tree_walk(d->root, gather, &b);
	if (strcmp(d->meta.language, "und") != 0 &&
	    detect_script(b.data != NULL ? b.data : "", b.len, ps.script) > 0)
		mark_passages(&ps, d->root->first);
	buf_free(&b);
	buf_free(&ps.text);
}
