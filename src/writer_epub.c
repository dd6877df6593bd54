/* SPDX-License-Identifier: ISC */
/*
 * The `epub` format: an EPUB 3 book of one article that passes EPUBCheck
 * and Ace by DAISY, with EPUB Accessibility 1.1 metadata derived from the
 * content.  xhtml.c makes the content and navigation documents; this file
 * makes the package document and hands the members to the sink, which
 * packs them (sink.h), byte-stable: fixed entry order, `mimetype` first
 * and stored, timestamps from SOURCE_DATE_EPOCH or the input (ctx.h), an
 * identifier derived from the content.
 *
 * A read-aloud book (`read-aloud`, writer_readaloud.c) is the same book
 * with the article's audio and a media overlay (EPUB Media Overlays
 * 3.3): each element read is a <par> of its text and its clip of the
 * audio (narration.h), so a reading system highlights each sentence as
 * it is heard; lists and figures are <seq>s a listener can escape.
 */
#include "common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libxml/tree.h>

#include "buf.h"
#include "data.h"
#include "date.h"
#include "diag.h"
#include "lang.h"
#include "meta.h"
#include "ctx.h"
#include "epub.h"
#include "mp3.h"
#include "narration.h"
#include "speech.h"
#include "opts.h"
#include "sink.h"
#include "text.h"
#include "tree.h"
#include "writer.h"
#include "xhtml.h"
#include "xml.h"

#define X(s)		((const xmlChar *)(s))
#define OPF_NS		"http://www.idpf.org/2007/opf"
#define DC_NS		"http://purl.org/dc/elements/1.1/"

#define CONTENT_HREF	"article.xhtml"
#define NAV_HREF	"nav.xhtml"
#define CSS_HREF	"style.css"
#define SMIL_HREF	"article.smil"
#define AUDIO_HREF	"audio/article.mp3"
#define SMIL_NS		"http://www.w3.org/ns/SMIL"
#define OPS_NS		"http://www.idpf.org/2007/ops"

/* The class a reading system gives the element being read. */
#define ACTIVE_CLASS	"-epub-media-overlay-active"

/*
 * Its rule, in the reader's own highlight colours (CSS system colours),
 * so no colour of ours is forced on a reader who chose theirs.
 */
#define ACTIVE_CSS	"\n/* The sentence being read aloud. */\n." \
			ACTIVE_CLASS " {\n\tbackground-color: Highlight;\n" \
			"\tcolor: HighlightText;\n}\n"

/* What the command line says of the EPUB, and the stylesheet. */
static struct {
	const char	*style;		/* --style NAME|FILE.css */
	const char	*id;		/* --id */
	char		*css;		/* the stylesheet, loaded by setup */
	size_t		 css_len;
} cfg;

static void
set_style(const char *arg)
{
	cfg.style = arg;
}

static void
set_id(const char *arg)
{
	if (*arg == '\0')
		opts_usage("--id: empty identifier");
	cfg.id = opts_text("--id", arg);
}

static char *
style_names(void)
{
	return data_names("epub", ".css");
}

static const struct optdef epub_optdefs[] = {
	{ "style", 0, "NAME|FILE.css", "stylesheet: %s", style_names,
	    "In styles/epub, or a CSS file of your own.  A reading system's "
	    "own settings still apply over any of them.", set_style },
	{ "id", 0, "ID", "the book identifier (default: from the content)",
	    NULL, "Without it, a urn:uuid: made from the article, "
	    "so the same article keeps it.", set_id },
	{ NULL, 0, NULL, NULL, NULL, NULL, NULL },
};

static void
reset(void)
{
	cfg.style = NULL;
	cfg.id = NULL;
}

static const struct optgroup epub_options = { "EPUB", epub_optdefs, reset };

static int
epub_setup(void)
{
	const char	*name = cfg.style != NULL ? cfg.style : "default";
	char		*path;

	if (cfg.css != NULL)
		return 0;
	cfg.css = data_load("epub", name, ".css", "--style", "style", &path,
	    &cfg.css_len);
	free(path);
	return cfg.css != NULL ? 0 : -1;
}

static xmlNodePtr
meta(xmlNodePtr md, const char *property, const char *value)
{
	xmlNodePtr	 e;

	e = xmlNewTextChild(md, NULL, X("meta"), X(value));
	xmlNewProp(e, X("property"), X(property));
	return e;
}

/* The words of blocks k on: those that hold blocks, child by child (the
 * text of two blocks has no space between). */
static size_t
count_words(const struct node *k, struct buf *b)
{
	size_t	 words = 0;

	for (; k != NULL; k = k->next) {
		if (k->type == NODE_LIST || k->type == NODE_BLOCKQUOTE ||
		    k->type == NODE_BACK_MATTER) {
			words += count_words(k->first, b);
			continue;
		}
		buf_reset(b);
		tree_text(k, TT_PLAIN, b);
		words += text_count_words(b->data ? b->data : "", b->len);
	}
	return words;
}

static size_t
count_headings(const struct doc *d)
{
	const struct node *k;
	size_t		 n = 0;

	for (k = d->root->first; k != NULL; k = k->next)
		if (k->type == NODE_HEADING)
			n++;
	return n;
}

/* How many blocks of a type there are, at any depth. */
static size_t
count_blocks(const struct node *k, enum node_type type)
{
	size_t	 n = 0;

	for (; k != NULL; k = k->next) {
		if (k->type == type)
			n++;
		if (node_is_block(k->type))
			n += count_blocks(k->first, type);
	}
	return n;
}

/*
 * The accessibility metadata, from what the book holds: text only (no
 * images, audio or video are ever added), a table of contents, headings,
 * one reading order, and a stylesheet in relative units without fixed
 * colours (high-contrast is chosen by the reader, and can be overridden).
 */
static void
a11y_meta(xmlNodePtr md, const struct doc *d, bool aloud)
{
	struct buf	 sum = { 0 }, tmp = { 0 };
	xmlNodePtr	 e;
	size_t		 nh = count_headings(d), n;
	bool		 known = strcmp(d->meta.language, "und") != 0;

	meta(md, "schema:accessMode", "textual");
	if (aloud)
		meta(md, "schema:accessMode", "auditory");
	meta(md, "schema:accessModeSufficient", "textual");
	if (aloud) {
		meta(md, "schema:accessModeSufficient", "auditory");
		meta(md, "schema:accessModeSufficient", "textual,auditory");
		meta(md, "schema:accessibilityFeature",
		    "synchronizedAudioText");
	}
	meta(md, "schema:accessibilityFeature", "structuralNavigation");
	meta(md, "schema:accessibilityFeature", "tableOfContents");
	meta(md, "schema:accessibilityFeature", "readingOrder");
	meta(md, "schema:accessibilityFeature", "displayTransformability");
	meta(md, "schema:accessibilityFeature", "ARIA");
	meta(md, "schema:accessibilityHazard", "none");
	if (aloud)
		buf_printf(&sum, "This book is one article of %zu words, "
		    "with all of it read aloud by a synthetic voice: each "
		    "sentence is highlighted as it is heard (media overlays), "
		    "and the audio alone carries the whole text. It has no "
		    "images or video. ", count_words(d->root->first, &tmp));
	else
		buf_printf(&sum, "This book is one article of %zu words, in "
		    "text only: it has no images, audio or video. ",
		    count_words(d->root->first, &tmp));
	buf_free(&tmp);
	if (nh > 0)
		buf_printf(&sum, "Its title and %zu section heading%s are "
		    "marked up as headings and listed in the table of "
		    "contents. ", nh, nh == 1 ? "" : "s");
	else
		buf_puts(&sum, "Its title is marked up as a heading and "
		    "listed in the table of contents. ");
	if ((n = count_blocks(d->root->first, NODE_PREFORMATTED)) > 0)
		buf_printf(&sum, "%zu block%s of preformatted text (a "
		    "drawing, a table, code or encoded data made of "
		    "characters) %s kept line for line, each named with what "
		    "it is and how many lines it has. ", n, n == 1 ? "" : "s",
		    n == 1 ? "is" : "are");
	if (count_blocks(d->root->first, NODE_BACK_MATTER) > 0)
		buf_puts(&sum, "What the article came wrapped in (a "
		    "licence, a signature) follows it as back matter, under "
		    "a heading of its own. ");
	buf_puts(&sum, "The reading order follows the article, and the "
	    "reader's own font, size, spacing and colours apply. ");
	/* WCAG 3.1.1: the language of the page must be known. */
	if (known)
		buf_puts(&sum, "It meets EPUB Accessibility 1.1 at WCAG 2.2 "
		    "level AA and has no known hazards.");
	else
		buf_puts(&sum, "Its language could not be told, so a "
		    "screen reader may read it in the wrong voice; it has "
		    "no known hazards.");
	e = meta(md, "schema:accessibilitySummary", sum.data);
	if (strncmp(d->meta.language, "en", 2) != 0)
		xmlNodeSetLang(e, X("en"));
	buf_free(&sum);
	if (known) {
		meta(md, "dcterms:conformsTo",
		    "EPUB Accessibility 1.1 - WCAG 2.2 Level AA");
		meta(md, "a11y:certifiedBy", "lector");
	}
}

/*
 * The media overlay's metadata: its length, the total (one overlay),
 * the class of the element being read, and who reads.
 */
static void
overlay_meta(xmlNodePtr md, const struct narration *nar,
    const char *narrator)
{
	struct buf	 t = { 0 };
	xmlNodePtr	 e;

	narration_clock(&t, nar->total_ms);
	e = meta(md, "media:duration", t.data);
	xmlNewProp(e, X("refines"), X("#overlay"));
	meta(md, "media:duration", t.data);
	meta(md, "media:active-class", ACTIVE_CLASS);
	meta(md, "media:narrator", narrator);
	buf_free(&t);
}

/* A manifest item. */
static xmlNodePtr
item(xmlNodePtr man, const char *id, const char *href, const char *type)
{
	xmlNodePtr	 e = xmlNewChild(man, NULL, X("item"), NULL);

	xmlNewProp(e, X("id"), X(id));
	xmlNewProp(e, X("href"), X(href));
	xmlNewProp(e, X("media-type"), X(type));
	return e;
}

static int
package(struct ctx *ctx, const struct buf *content,
    const struct narration *nar, const char *narrator, struct buf *out)
{
	const struct doc *d = ctx_doc(ctx);
	const struct meta *m = &d->meta;
	xmlDocPtr	 x;
	xmlNodePtr	 pkg, md, e, man, spine;
	xmlNsPtr	 dc;
	struct date	 date;
	struct tm	 tm;
	time_t		 t;
	char		 s[128], id[32];
	size_t		 i;
	int		 rc;

	x = xmlNewDoc(X("1.0"));
	pkg = xmlNewDocNode(x, NULL, X("package"), NULL);
	xmlDocSetRootElement(x, pkg);
	xmlSetNs(pkg, xmlNewNs(pkg, X(OPF_NS), NULL));
	xmlNewProp(pkg, X("version"), X("3.0"));
	xmlNewProp(pkg, X("unique-identifier"), X("uid"));
	xmlNodeSetLang(pkg, X(m->language));

	md = xmlNewChild(pkg, NULL, X("metadata"), NULL);
	dc = xmlNewNs(md, X(DC_NS), X("dc"));
	if (cfg.id != NULL)
		snprintf(s, sizeof(s), "%s", cfg.id);
	else
		meta_uuid(m, content->data, content->len, s, sizeof(s));
	e = xmlNewTextChild(md, dc, X("identifier"),
	    X(cfg.id != NULL ? cfg.id : s));
	xmlNewProp(e, X("id"), X("uid"));
	xmlNewTextChild(md, dc, X("title"), X(m->title));
	xmlNewTextChild(md, dc, X("language"), X(m->language));
	for (i = 0; i < m->nauthors; i++) {
		snprintf(id, sizeof(id), "creator-%zu", i + 1);
		e = xmlNewTextChild(md, dc, X("creator"), X(m->authors[i]));
		xmlNewProp(e, X("id"), X(id));
		snprintf(s, sizeof(s), "#%s", id);
		e = meta(md, "role", "aut");
		xmlNewProp(e, X("refines"), X(s));
		xmlNewProp(e, X("scheme"), X("marc:relators"));
	}
	if (m->date != NULL && date_parse(m->date, strlen(m->date), &date)) {
		date_iso(&date, s, sizeof(s));
		xmlNewTextChild(md, dc, X("date"), X(s));
	}
	if (m->source != NULL)
		xmlNewTextChild(md, dc, X("publisher"), X(m->source));
	if (m->subtitle != NULL)
		xmlNewTextChild(md, dc, X("description"), X(m->subtitle));
	t = ctx_time(ctx);
	gmtime_r(&t, &tm);
	strftime(s, sizeof(s), "%Y-%m-%dT%H:%M:%SZ", &tm);
	meta(md, "dcterms:modified", s);
	if (nar != NULL)
		overlay_meta(md, nar, narrator);
	a11y_meta(md, d, nar != NULL);

	man = xmlNewChild(pkg, NULL, X("manifest"), NULL);
	e = item(man, "nav", NAV_HREF, "application/xhtml+xml");
	xmlNewProp(e, X("properties"), X("nav"));
	e = item(man, "article", CONTENT_HREF, "application/xhtml+xml");
	if (nar != NULL) {
		xmlNewProp(e, X("media-overlay"), X("overlay"));
		item(man, "overlay", SMIL_HREF, "application/smil+xml");
		item(man, "audio", AUDIO_HREF, "audio/mpeg");
	}
	item(man, "css", CSS_HREF, "text/css");
	spine = xmlNewChild(pkg, NULL, X("spine"), NULL);
	if (lang_rtl(lang_get(m->language)))
		xmlNewProp(spine, X("page-progression-direction"), X("rtl"));
	e = xmlNewChild(spine, NULL, X("itemref"), NULL);
	xmlNewProp(e, X("idref"), X("article"));

	rc = xml_serialise(x, true, "epub: package document", out);
	xmlFreeDoc(x);
	return rc;
}

static int
container_xml(struct buf *out)
{
	xmlDocPtr	 x;
	xmlNodePtr	 c, rf;
	int		 rc;

	x = xmlNewDoc(X("1.0"));
	c = xmlNewDocNode(x, NULL, X("container"), NULL);
	xmlDocSetRootElement(x, c);
	xmlSetNs(c, xmlNewNs(c, X("urn:oasis:names:tc:opendocument:xmlns:"
	    "container"), NULL));
	xmlNewProp(c, X("version"), X("1.0"));
	rf = xmlNewChild(xmlNewChild(c, NULL, X("rootfiles"), NULL), NULL,
	    X("rootfile"), NULL);
	xmlNewProp(rf, X("full-path"), X("EPUB/package.opf"));
	xmlNewProp(rf, X("media-type"), X("application/oebps-package+xml"));
	rc = xml_serialise(x, true, "epub: container.xml", out);
	xmlFreeDoc(x);
	return rc;
}

/* What a seq of elements within is to a listener, by its id's kind. */
static const char *
within_type(const char *within)
{
	if (strncmp(within, "list-", 5) == 0)
		return "list";
	if (strncmp(within, "figure-", 7) == 0 ||
	    strncmp(within, "pre-", 4) == 0)
		return "figure";
	return NULL;
}

/*
 * The media overlay of the article: a <par> for each clip, its text the
 * element read and its audio the clip; the clips of a list, figure or
 * quote in a <seq> of that element (a list or figure one a listener can
 * escape, EPUB Media Overlays 3.3, 5.1); a quote within a quote, its own
 * seq between two of the outer one's.
 */
static int
overlay(const struct narration *nar, struct buf *out)
{
	xmlDocPtr	 x;
	xmlNodePtr	 smil, body, seq = NULL, par, e;
	xmlNsPtr	 ops;
	struct buf	 t = { 0 };
	const char	*type, *in = "";
	size_t		 i, nseq = 0;
	int		 rc;

	x = xmlNewDoc(X("1.0"));
	smil = xmlNewDocNode(x, NULL, X("smil"), NULL);
	xmlDocSetRootElement(x, smil);
	xmlSetNs(smil, xmlNewNs(smil, X(SMIL_NS), NULL));
	ops = xmlNewNs(smil, X(OPS_NS), X("epub"));
	xmlNewProp(smil, X("version"), X("3.0"));
	body = xmlNewChild(smil, NULL, X("body"), NULL);
	for (i = 0; i < nar->n; i++) {
		const struct clip *c = &nar->clips[i];

		if (strcmp(c->within, in) != 0) {
			seq = NULL;
			in = c->within;
			if (*in != '\0') {
				seq = xmlNewChild(body, NULL, X("seq"), NULL);
				buf_reset(&t);
				buf_printf(&t, "seq-%zu", ++nseq);
				xmlNewProp(seq, X("id"), X(t.data));
				buf_reset(&t);
				buf_printf(&t, "%s#%s", CONTENT_HREF, in);
				xmlNewNsProp(seq, ops, X("textref"),
				    X(t.data));
				if ((type = within_type(in)) != NULL)
					xmlNewNsProp(seq, ops, X("type"),
					    X(type));
			}
		}
		par = xmlNewChild(seq != NULL ? seq : body, NULL, X("par"),
		    NULL);
		buf_reset(&t);
		buf_printf(&t, "par-%zu", i + 1);
		xmlNewProp(par, X("id"), X(t.data));
		e = xmlNewChild(par, NULL, X("text"), NULL);
		buf_reset(&t);
		buf_printf(&t, "%s#%s", CONTENT_HREF, c->target);
		xmlNewProp(e, X("src"), X(t.data));
		e = xmlNewChild(par, NULL, X("audio"), NULL);
		xmlNewProp(e, X("src"), X(AUDIO_HREF));
		buf_reset(&t);
		narration_clock(&t, c->begin_ms);
		xmlNewProp(e, X("clipBegin"), X(t.data));
		buf_reset(&t);
		narration_clock(&t, c->end_ms);
		xmlNewProp(e, X("clipEnd"), X(t.data));
	}
	buf_free(&t);
	rc = xml_serialise(x, true, "read-aloud: media overlay", out);
	xmlFreeDoc(x);
	return rc;
}

int
epub_book(struct ctx *ctx, struct sink *sink, bool aloud)
{
	const struct doc *d = ctx_doc(ctx);
	const struct mp3_audio *mp3 = NULL;
	const struct audio *a;
	struct narration nar = { 0 };
	struct buf	 content = { 0 }, nav = { 0 }, opf = { 0 },
			 container = { 0 }, smil = { 0 }, css = { 0 },
			 narrator = { 0 };
	int		 rc = -1;

	if (aloud) {
		if ((a = ctx_audio(ctx)) == NULL ||
		    (mp3 = ctx_mp3(ctx)) == NULL)
			return -1;
		narration_make(ctx_speech(ctx), a, &nar);
		speech_narrator(d, speech_profile(), &narrator);
		if (overlay(&nar, &smil) == -1)
			goto out;
	}
	buf_put(&css, cfg.css, cfg.css_len);
	if (aloud)
		buf_puts(&css, ACTIVE_CSS);
	if (xhtml_content(d, XHTML_EPUB, CSS_HREF, &content) == -1 ||
	    xhtml_nav(d, CONTENT_HREF, &nav) == -1 ||
	    package(ctx, &content, aloud ? &nar : NULL, narrator.data,
	    &opf) == -1 || container_xml(&container) == -1)
		goto out;
	/* mimetype first (and, being small, stored): reading systems
	 * sniff it there. */
	if (sink_add(sink, "mimetype", "application/epub+zip", 20) == -1 ||
	    sink_add(sink, "META-INF/container.xml", container.data,
	    container.len) == -1 ||
	    sink_add(sink, "EPUB/package.opf", opf.data, opf.len) == -1 ||
	    sink_add(sink, "EPUB/" NAV_HREF, nav.data, nav.len) == -1 ||
	    sink_add(sink, "EPUB/" CONTENT_HREF, content.data,
	    content.len) == -1 ||
	    sink_add(sink, "EPUB/" CSS_HREF, css.data, css.len) == -1)
		goto out;
	if (aloud && (sink_add(sink, "EPUB/" SMIL_HREF, smil.data,
	    smil.len) == -1 || sink_add_file(sink, "EPUB/" AUDIO_HREF,
	    mp3->frames, mp3->len) == -1))
		goto out;
	rc = 0;
out:
	narration_free(&nar);
	buf_free(&content);
	buf_free(&nav);
	buf_free(&opf);
	buf_free(&container);
	buf_free(&smil);
	buf_free(&css);
	buf_free(&narrator);
	return rc;
}

static int
epub_write(struct ctx *ctx, struct sink *sink)
{
	return epub_book(ctx, sink, false);
}

int
epub_setup_style(void)
{
	return epub_setup();
}

const struct writer writer_epub = {
	.name = "epub",
	.ext = ".epub",
	.summary = "an accessible EPUB 3 book",
	.binary = true,
	.by_default = true,
	.package = true,
	.options = &epub_options,
	.setup = epub_setup,
	.write = epub_write,
};
