/* SPDX-License-Identifier: ISC */
/*
 * The `daisy` format: a DAISY 2.02 talking book with all of the text and
 * all of the audio (ncc:multimediaType audioFullText), zipped, for the
 * players of libraries for blind readers (Victor Reader Stream,
 * Plextalk, Dolphin EasyReader).  Every file is in one folder, and every
 * name is lower-case ASCII, as those players expect:
 *
 *   NAME/ncc.html      the navigation control centre: the book's
 *                      metadata and one heading per navigation point,
 *                      each linked to where its audio starts
 *   NAME/content.html  the text, XHTML 1.0 (xhtml.c), its sentences and
 *                      blocks with the ids of the EPUB
 *   NAME/s0001.smil    one SMIL 1.0 file per navigation point: a <par>
 *   ...                of each element read and its clip of the audio
 *   NAME/audio.mp3     the article's audio, the `mp3` writer's stream
 *
 * The navigation points are the chapters of the speech (speech.h), the
 * ones the MP3 has: the title block, each caption and section.  The
 * audio is spoken and encoded once for every format of a conversion
 * (ctx.h), and cut as a read-aloud EPUB's is (narration.h), so times
 * agree to the millisecond and add up to the whole.
 */
#include "common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libxml/tree.h>

#include "buf.h"
#include "ctx.h"
#include "date.h"
#include "meta.h"
#include "mp3.h"
#include "narration.h"
#include "sink.h"
#include "speech.h"
#include "tree.h"
#include "writer.h"
#include "xalloc.h"
#include "xhtml.h"
#include "xml.h"

#define X(s)		((const xmlChar *)(s))

#define NCC_HREF	"ncc.html"
#define CONTENT_HREF	"content.html"
#define AUDIO_HREF	"audio.mp3"
#define FORMAT		"Daisy 2.02"
#define GENERATOR	"lector " LECTOR_VERSION
#define SMIL1_PUBLIC	"-//W3C//DTD SMIL 1.0//EN"
#define SMIL1_SYSTEM	"http://www.w3.org/TR/REC-smil/SMIL10.dtd"

/* A folder name's bytes at most: players show and compare it. */
#define FOLDER_MAX	64

/* A navigation point: a chapter of the speech and its clips. */
struct navpoint {
	size_t		 first;		/* its clips: first..first+n */
	size_t		 n;
	const char	*title;		/* borrowed from the speech */
	char		 file[32];	/* its SMIL file */
};

struct book {
	const struct doc *d;
	time_t		 t;		/* when it was made (ctx_time()) */
	struct narration nar;
	struct navpoint	*nav;
	size_t		 nnav;
	bool		 titled;	/* the first is the title block */
	char		 uid[64];	/* dc:identifier */
	struct buf	 narrator;
	char		 folder[FOLDER_MAX + 1];
};

/*
 * The book's folder from the input's name: lower-case ASCII letters and
 * digits, anything else between them one hyphen ("Café Life" gives
 * "caf-life"); "book" if nothing is left.
 */
static void
folder_name(const char *name, char *out)
{
	size_t	 n = 0;
	bool	 gap = false;
	char	 c;

	for (; *name != '\0' && n < FOLDER_MAX; name++) {
		c = *name;
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if ((c < 'a' || c > 'z') && (c < '0' || c > '9')) {
			gap = n > 0;
			continue;
		}
		if (gap && n + 2 > FOLDER_MAX)
			break;
		if (gap)
			out[n++] = '-';
		gap = false;
		out[n++] = c;
	}
	out[n] = '\0';
	if (n == 0)
		snprintf(out, FOLDER_MAX + 1, "book");
}

/* A time in seconds, "12.345s" (SMIL's dur; after "npt=", a clip's). */
static void
seconds(struct buf *b, const char *prefix, uint64_t ms)
{
	buf_printf(b, "%s%llu.%03us", prefix, (unsigned long long)(ms / 1000),
	    (unsigned)(ms % 1000));
}

/* Whether an utterance is of the title block. */
static bool
of_title_block(enum utt_kind kind)
{
	switch (kind) {
	case UTT_TITLE:
	case UTT_SUBTITLE:
	case UTT_BYLINE:
	case UTT_DATE:
	case UTT_SOURCE:
		return true;
	case UTT_LABEL:
	case UTT_CAPTION:
	case UTT_CREDIT:
	case UTT_HEADING:
	case UTT_SENTENCE:
	case UTT_ITEM:
	case UTT_QUOTE:
	case UTT_BREAK:
	case UTT_PREFORMATTED:
	case UTT__MAX:
		break;
	}
	return false;
}

/*
 * The navigation points: a new one where a clip starts another chapter
 * than the clip before.
 */
static void
navpoints(struct book *bk, const struct speech *sp)
{
	const struct clip *c;
	struct navpoint	*p = NULL;
	size_t		 i;

	bk->titled = sp->n > 0 &&
	    of_title_block(sp->utts[bk->nar.clips[0].utt].kind);
	bk->nav = xcalloc(bk->nar.n, sizeof(*bk->nav));
	for (i = 0; i < bk->nar.n; i++) {
		c = &bk->nar.clips[i];
		if (p == NULL || c->chapter != bk->nar.clips[i - 1].chapter) {
			p = &bk->nav[bk->nnav++];
			p->first = i;
			p->title = sp->chapters[c->chapter].title;
			snprintf(p->file, sizeof(p->file), "s%04zu.smil",
			    bk->nnav);
		}
		p->n++;
	}
}

static uint64_t
nav_begin(const struct book *bk, const struct navpoint *p)
{
	return bk->nar.clips[p->first].begin_ms;
}

/* Its length: its clips are end to end, so the sum is end - begin. */
static uint64_t
nav_ms(const struct book *bk, const struct navpoint *p)
{
	return bk->nar.clips[p->first + p->n - 1].end_ms - nav_begin(bk, p);
}

static void
name_meta(xmlNodePtr head, const char *name, const char *content)
{
	xmlNodePtr	 e = xmlNewChild(head, NULL, X("meta"), NULL);

	xmlNewProp(e, X("name"), X(name));
	xmlNewProp(e, X("content"), X(content));
}

/* A <meta> whose content is a clock value. */
static void
time_meta(xmlNodePtr head, const char *name, uint64_t ms)
{
	struct buf	 t = { 0 };

	narration_clock(&t, ms);
	name_meta(head, name, t.data);
	buf_free(&t);
}

static void
number_meta(xmlNodePtr head, const char *name, size_t n)
{
	char	 s[32];

	snprintf(s, sizeof(s), "%zu", n);
	name_meta(head, name, s);
}

/* <par endsync="last"> of clip i: the element read and its audio. */
static void
add_par(xmlNodePtr seq, const struct clip *c, size_t i, struct buf *t)
{
	xmlNodePtr	 par, e;

	par = xmlNewChild(seq, NULL, X("par"), NULL);
	xmlNewProp(par, X("endsync"), X("last"));
	buf_reset(t);
	buf_printf(t, "par-%zu", i + 1);
	xmlNewProp(par, X("id"), X(t->data));
	e = xmlNewChild(par, NULL, X("text"), NULL);
	buf_reset(t);
	buf_printf(t, "%s#%s", CONTENT_HREF, c->target);
	xmlNewProp(e, X("src"), X(t->data));
	buf_reset(t);
	buf_printf(t, "text-%zu", i + 1);
	xmlNewProp(e, X("id"), X(t->data));
	e = xmlNewChild(par, NULL, X("audio"), NULL);
	xmlNewProp(e, X("src"), X(AUDIO_HREF));
	buf_reset(t);
	seconds(t, "npt=", c->begin_ms);
	xmlNewProp(e, X("clip-begin"), X(t->data));
	buf_reset(t);
	seconds(t, "npt=", c->end_ms);
	xmlNewProp(e, X("clip-end"), X(t->data));
	buf_reset(t);
	buf_printf(t, "audio-%zu", i + 1);
	xmlNewProp(e, X("id"), X(t->data));
}

/*
 * The SMIL 1.0 file of navigation point p: what DAISY 2.02 asks of its
 * head (the time before it and in it), then one seq of its pars.
 */
static int
smil(const struct book *bk, const struct navpoint *p, struct buf *out)
{
	xmlDocPtr	 x;
	xmlNodePtr	 root, head, e;
	struct buf	 t = { 0 };
	size_t		 i;
	int		 rc;

	x = xmlNewDoc(X("1.0"));
	xmlCreateIntSubset(x, X("smil"), X(SMIL1_PUBLIC), X(SMIL1_SYSTEM));
	root = xmlNewDocNode(x, NULL, X("smil"), NULL);
	xmlDocSetRootElement(x, root);
	head = xmlNewChild(root, NULL, X("head"), NULL);
	name_meta(head, "dc:format", FORMAT);
	name_meta(head, "dc:identifier", bk->uid);
	name_meta(head, "dc:title", bk->d->meta.title);
	name_meta(head, "ncc:generator", GENERATOR);
	time_meta(head, "ncc:totalElapsedTime", nav_begin(bk, p));
	time_meta(head, "ncc:timeInThisSmil", nav_ms(bk, p));
	name_meta(head, "title", p->title);
	e = xmlNewChild(xmlNewChild(head, NULL, X("layout"), NULL), NULL,
	    X("region"), NULL);
	xmlNewProp(e, X("id"), X("txtView"));
	e = xmlNewChild(xmlNewChild(root, NULL, X("body"), NULL), NULL,
	    X("seq"), NULL);
	seconds(&t, "", nav_ms(bk, p));
	xmlNewProp(e, X("dur"), X(t.data));
	for (i = p->first; i < p->first + p->n; i++)
		add_par(e, &bk->nar.clips[i], i, &t);
	buf_free(&t);
	rc = xml_serialise(x, true, "daisy: SMIL file", out);
	xmlFreeDoc(x);
	return rc;
}

/*
 * The Dublin Core metadata of ncc.html.  Its dc:date is the book's
 * (when it was made), the article's is ncc:sourceDate; the article's
 * publication is its publisher, else lector, which made the book.
 */
static void
dc_meta(const struct book *bk, xmlNodePtr head)
{
	const struct meta *m = &bk->d->meta;
	struct date	 date;
	struct tm	 tm;
	char		 s[32];
	size_t		 i;

	name_meta(head, "dc:title", m->title);
	for (i = 0; i < m->nauthors; i++)
		name_meta(head, "dc:creator", m->authors[i]);
	if (m->nauthors == 0 && m->source != NULL)
		name_meta(head, "dc:creator", m->source);
	gmtime_r(&bk->t, &tm);
	strftime(s, sizeof(s), "%Y-%m-%d", &tm);
	name_meta(head, "dc:date", s);
	name_meta(head, "dc:format", FORMAT);
	name_meta(head, "dc:identifier", bk->uid);
	name_meta(head, "dc:language", m->language);
	name_meta(head, "dc:publisher", m->source != NULL ? m->source :
	    "lector");
	if (m->date != NULL && date_parse(m->date, strlen(m->date), &date)) {
		date_iso(&date, s, sizeof(s));
		name_meta(head, "ncc:sourceDate", s);
	}
	if (m->source != NULL)
		name_meta(head, "ncc:sourcePublisher", m->source);
}

/*
 * The ncc: metadata: a book of one volume without print pages, notes
 * or sidebars; every file counted, ncc.html too.
 */
static void
ncc_meta(const struct book *bk, xmlNodePtr head)
{
	name_meta(head, "ncc:charset", "utf-8");
	number_meta(head, "ncc:depth", bk->nnav > 1 || !bk->titled ? 2 : 1);
	number_meta(head, "ncc:files", 3 + bk->nnav);
	number_meta(head, "ncc:footnotes", 0);
	name_meta(head, "ncc:generator", GENERATOR);
	number_meta(head, "ncc:maxPageNormal", 0);
	name_meta(head, "ncc:multimediaType", "audioFullText");
	name_meta(head, "ncc:narrator", bk->narrator.data != NULL ?
	    bk->narrator.data : "espeak-ng");
	number_meta(head, "ncc:pageFront", 0);
	number_meta(head, "ncc:pageNormal", 0);
	number_meta(head, "ncc:pageSpecial", 0);
	number_meta(head, "ncc:prodNotes", 0);
	name_meta(head, "ncc:setInfo", "1 of 1");
	number_meta(head, "ncc:sidebars", 0);
	number_meta(head, "ncc:tocItems", bk->nnav + !bk->titled);
	time_meta(head, "ncc:totalTime", bk->nar.total_ms);
}

/* The NCC's heading number n, of name h, linked to where p starts. */
static xmlNodePtr
heading(xmlNodePtr body, const char *h, size_t n, const char *title,
    const struct navpoint *p)
{
	xmlNodePtr	 e, a;
	char		 s[64];

	e = xmlNewChild(body, NULL, X(h), NULL);
	snprintf(s, sizeof(s), "nav-%zu", n);
	xmlNewProp(e, X("id"), X(s));
	snprintf(s, sizeof(s), "%s#par-%zu", p->file, p->first + 1);
	a = xmlNewTextChild(e, NULL, X("a"), X(title));
	xmlNewProp(a, X("href"), X(s));
	return e;
}

/*
 * ncc.html: the metadata, then a heading per navigation point linked to
 * its first par, the chapters one level as the MP3's are.  The first
 * heading is <h1 class="title"> with the book's title (DAISY 2.02): the
 * title block's, or, where nothing comes before the first chapter (a
 * title made from the first sentence is not said), one more at the
 * same place, so that chapter keeps its name.
 */
static int
ncc(const struct book *bk, struct buf *out)
{
	xmlDocPtr	 x;
	xmlNodePtr	 head, body, h;
	size_t		 k;
	int		 rc;

	x = xhtml_page(bk->d, XHTML_DAISY, bk->d->meta.title, &head);
	dc_meta(bk, head);
	ncc_meta(bk, head);
	body = xmlNewChild(xmlDocGetRootElement(x), NULL, X("body"), NULL);
	h = heading(body, "h1", 1, bk->d->meta.title, &bk->nav[0]);
	xmlNewProp(h, X("class"), X("title"));
	for (k = bk->titled ? 1 : 0; k < bk->nnav; k++)
		heading(body, "h2", k + 1 + !bk->titled, bk->nav[k].title,
		    &bk->nav[k]);
	rc = xml_serialise(x, false, "daisy: ncc.html", out);
	xmlFreeDoc(x);
	return rc;
}

/* Add member name of the book's folder. */
static int
add(struct sink *sink, const struct book *bk, const char *name,
    const struct buf *b)
{
	char	 path[FOLDER_MAX + 64];

	snprintf(path, sizeof(path), "%s/%s", bk->folder, name);
	return sink_add(sink, path, b->data, b->len);
}

/* The SMIL files, in the order they play. */
static int
add_smils(struct sink *sink, const struct book *bk)
{
	struct buf	 b = { 0 };
	size_t		 k;
	int		 rc = 0;

	for (k = 0; k < bk->nnav && rc == 0; k++) {
		buf_reset(&b);
		rc = smil(bk, &bk->nav[k], &b) == -1 ||
		    add(sink, bk, bk->nav[k].file, &b) == -1 ? -1 : 0;
	}
	buf_free(&b);
	return rc;
}

/*
 * Nothing is heard (a title of invisible characters and no body): one
 * clip, of the whole article and the whole audio, so the book still
 * opens and says so by its silence.  narration_make() leaves room for it.
 */
static void
whole_article(struct narration *nar)
{
	nar->clips[0].target = "article";
	nar->clips[0].within = "";
	nar->clips[0].end_ms = nar->total_ms;
	nar->n = 1;
}

static int
daisy_write(struct ctx *ctx, struct sink *sink)
{
	const struct mp3_audio *mp3;
	const struct audio *a;
	struct book	 bk;
	struct buf	 content = { 0 }, nccb = { 0 };
	char		 path[FOLDER_MAX + 64];
	int		 rc = -1;

	memset(&bk, 0, sizeof(bk));
	bk.d = ctx_doc(ctx);
	bk.t = ctx_time(ctx);
	if ((a = ctx_audio(ctx)) == NULL || (mp3 = ctx_mp3(ctx)) == NULL)
		return -1;
	narration_make(ctx_speech(ctx), a, &bk.nar);
	if (bk.nar.n == 0)
		whole_article(&bk.nar);
	navpoints(&bk, ctx_speech(ctx));
	speech_narrator(bk.d, speech_profile(), &bk.narrator);
	folder_name(bk.d->name, bk.folder);
	if (xhtml_content(bk.d, XHTML_DAISY, NULL, &content) == -1)
		goto out;
	meta_uuid(&bk.d->meta, content.data, content.len, bk.uid,
	    sizeof(bk.uid));
	/* ncc.html first: a player looks for it. */
	snprintf(path, sizeof(path), "%s/%s", bk.folder, AUDIO_HREF);
	if (ncc(&bk, &nccb) == -1 ||
	    add(sink, &bk, NCC_HREF, &nccb) == -1 ||
	    add(sink, &bk, CONTENT_HREF, &content) == -1 ||
	    add_smils(sink, &bk) == -1 ||
	    sink_add_file(sink, path, mp3->frames, mp3->len) == -1)
		goto out;
	rc = 0;
out:
	narration_free(&bk.nar);
	free(bk.nav);
	buf_free(&bk.narrator);
	buf_free(&content);
	buf_free(&nccb);
	return rc;
}

const struct writer writer_daisy = {
	.name = "daisy",
	.ext = ".daisy.zip",
	.summary = "a DAISY 2.02 talking book, full text and full audio, "
	    "zipped",
	.binary = true,
	.package = true,
	.options = &speech_options,
	.setup = speech_setup,
	.write = daisy_write,
};
