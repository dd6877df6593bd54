/* SPDX-License-Identifier: ISC */
/*
 * The document tree as XHTML5 for EPUB 3: the content document and the
 * navigation document, built with libxml2 (which does all the escaping)
 * and serialised without reindenting, so mixed content stays as it is.
 * The same walk writes the content document of a DAISY 2.02 book in
 * XHTML 1.0 Transitional, which has none of HTML5's sectioning elements,
 * ARIA or epub:type: a <div> with the same class stands for <main>,
 * <header>, <section> and <figure>, a <p> for <figcaption>; every id is
 * the same, so the speech's targets are found in either.
 *
 * Accessibility choices, each for a reason:
 *  - lang and xml:lang on <html>: reading systems and screen readers pick
 *    the voice and hyphenation from them (WCAG 3.1.1);
 *  - the title is the only <h1>, subheadings are <h2>: no skipped levels
 *    (WCAG 1.3.1), and each gets an id the table of contents links to;
 *  - the lead-in is a small-caps span whose text is in sentence case,
 *    because screen readers spell out words in capitals;
 *  - a photo caption is a <figure> with its <figcaption> labelled as a
 *    photo caption, the credit a span with role doc-credit (DPUB-ARIA);
 *  - a scene break is an <hr> (role separator) that a screen reader
 *    announces;
 *  - labels lector adds carry their own lang when the article's language
 *    has none in labels.c;
 *  - each sentence is a span with the id it has in the tree, the speech
 *    and the audio's cues ("s3"), for what points into the text.
 */
#include "common.h"

#include <stdio.h>
#include <string.h>

#include <libxml/tree.h>

#include "buf.h"
#include "date.h"
#include "diag.h"
#include "labels.h"
#include "lang.h"
#include "sentence.h"
#include "text.h"
#include "tree.h"
#include "xhtml.h"
#include "xml.h"

#define XHTML_NS	"http://www.w3.org/1999/xhtml"
#define XHTML1_PUBLIC	"-//W3C//DTD XHTML 1.0 Transitional//EN"
#define XHTML1_SYSTEM	"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd"
#define EPUB_NS		"http://www.idpf.org/2007/ops"

#define X(s)		((const xmlChar *)(s))

struct build {
	const struct doc *d;
	enum xhtml_flavour flavour;
	xmlNodePtr	 cur;		/* where children go */
	xmlNsPtr	 epub;		/* the epub: namespace */
	struct buf	 tmp;
};

/*
 * A new XHTML document with <html lang> and <head><title>; in XHTML 1.0
 * the DTD's DOCTYPE, and the charset in a <meta> as DAISY 2.02 asks.
 * *epub is the epub: namespace, NULL in XHTML 1.0.
 */
static xmlDocPtr
new_page(const struct doc *d, enum xhtml_flavour f, const char *title,
    xmlNsPtr *epub, xmlNodePtr *head)
{
	xmlDocPtr	 x;
	xmlNodePtr	 html, e;
	xmlNsPtr	 ns;

	x = xmlNewDoc(X("1.0"));
	if (f == XHTML_DAISY)
		xmlCreateIntSubset(x, X("html"), X(XHTML1_PUBLIC),
		    X(XHTML1_SYSTEM));
	else
		xmlCreateIntSubset(x, X("html"), NULL, NULL);
	html = xmlNewDocNode(x, NULL, X("html"), NULL);
	xmlDocSetRootElement(x, html);
	ns = xmlNewNs(html, X(XHTML_NS), NULL);
	xmlSetNs(html, ns);
	*epub = f == XHTML_EPUB ? xmlNewNs(html, X(EPUB_NS), X("epub")) :
	    NULL;
	xmlNewProp(html, X("lang"), X(d->meta.language));
	xmlNodeSetLang(html, X(d->meta.language));
	if (lang_rtl(lang_get(d->meta.language)))
		xmlNewProp(html, X("dir"), X("rtl"));
	*head = xmlNewChild(html, NULL, X("head"), NULL);
	if (f == XHTML_DAISY) {
		e = xmlNewChild(*head, NULL, X("meta"), NULL);
		xmlNewProp(e, X("http-equiv"), X("Content-type"));
		xmlNewProp(e, X("content"), X("text/html; charset=utf-8"));
	}
	xmlNewTextChild(*head, NULL, X("title"), X(title));
	return x;
}

static xmlNodePtr
el(xmlNodePtr parent, const char *name)
{
	return xmlNewChild(parent, NULL, X(name), NULL);
}

static xmlNodePtr
text_el(xmlNodePtr parent, const char *name, const char *text)
{
	return xmlNewTextChild(parent, NULL, X(name), X(text));
}

static void
attr(xmlNodePtr n, const char *name, const char *value)
{
	xmlNewProp(n, X(name), X(value));
}

/*
 * An HTML5 element (main, header, section, figure, figcaption); in
 * XHTML 1.0 what stands for it: a <p> for a caption, else a <div>.
 */
static xmlNodePtr
el5(const struct build *b, xmlNodePtr parent, const char *name)
{
	if (b->flavour == XHTML_EPUB)
		return el(parent, name);
	return el(parent, strcmp(name, "figcaption") == 0 ? "p" : "div");
}

/* An ARIA attribute: XHTML 1.0 has none. */
static void
aria(const struct build *b, xmlNodePtr n, const char *name,
    const char *value)
{
	if (b->flavour == XHTML_EPUB)
		attr(n, name, value);
}

/* epub:type, in the EPUB only. */
static void
epub_type(const struct build *b, xmlNodePtr n, const char *value)
{
	if (b->epub != NULL)
		xmlNewNsProp(n, b->epub, X("type"), X(value));
}

/*
 * Give n, which holds a label of lector's in language lang, that lang
 * and its direction if they are not the article's.
 */
static void
label_lang(xmlNodePtr n, const struct doc *d, const char *lang)
{
	bool	 rtl = lang_rtl(lang_get(lang));

	if (strncmp(d->meta.language, lang, strlen(lang)) == 0)
		return;
	xmlNewProp(n, X("lang"), X(lang));
	if (rtl != lang_rtl(lang_get(d->meta.language)))
		xmlNewProp(n, X("dir"), X(rtl ? "rtl" : "ltr"));
}

/*
 * Add a label lector wrote, in a span with its own lang if it is not in
 * the article's language.
 */
static void
add_label(xmlNodePtr parent, const struct doc *d, enum label which,
    const char *after)
{
	struct label_text	 l = label_get(d->meta.language, which);
	xmlNodePtr		 span;
	char			 text[128];

	snprintf(text, sizeof(text), "%s%s", l.text, after);
	span = text_el(parent, "span", text);
	attr(span, "class", "label");
	label_lang(span, d, l.lang);
}

/*
 * A passage in another language than the page's: lang and xml:lang, and
 * dir where its direction is not the page's.
 */
static void
passage_lang(xmlNodePtr e, const struct doc *d, const char *lang)
{
	bool	 rtl = lang_rtl(lang_get(lang));

	xmlNewProp(e, X("lang"), X(lang));
	xmlNodeSetLang(e, X(lang));
	if (rtl != lang_rtl(lang_get(d->meta.language)))
		xmlNewProp(e, X("dir"), X(rtl ? "rtl" : "ltr"));
}

/*
 * A preformatted block: its lines in <pre> (in <code> for code), in a
 * figure whose name says what it is and how long, as speech does.
 */
static xmlNodePtr
add_pre(struct build *b, const struct node *n)
{
	static const char *const classes[PRE__MAX] = {
		"preformatted", "preformatted diagram", "preformatted code",
		"preformatted data",
	};
	xmlNodePtr	 fig, pre;
	char		 id[32];

	fig = el5(b, b->cur, "figure");
	attr(fig, "id", block_id(n, id, sizeof(id)));
	attr(fig, "class", classes[n->u.pre]);
	buf_reset(&b->tmp);
	label_preformatted(b->d->meta.language, n->u.pre, pre_lines(n),
	    &b->tmp);
	/* Its name; XHTML 1.0's nearest is the advisory title. */
	attr(fig, b->flavour == XHTML_EPUB ? "aria-label" : "title",
	    b->tmp.data);
	pre = el(fig, "pre");
	if (n->u.pre == PRE_CODE)
		pre = el(pre, "code");
	xmlNodeAddContentLen(pre, X(n->first->text), (int)n->first->len);
	return fig;
}

/*
 * Back matter: a section after the article, named by a heading of the
 * words lector adds ("Licence and notes"), listed in the contents.
 */
static xmlNodePtr
add_back_matter(struct build *b, const struct node *n)
{
	xmlNodePtr	 sec, h;
	char		 id[32];

	block_id(n, id, sizeof(id));
	sec = el5(b, b->cur, "section");
	attr(sec, "class", n->u.back == BACK_SIGNATURE ?
	    "back-matter signature" : "back-matter licence");
	epub_type(b, sec, "backmatter");
	aria(b, sec, "aria-labelledby", id);
	h = el(sec, "h2");
	attr(h, "id", id);
	add_label(h, b->d, label_back_matter((int)n->u.back), "");
	return sec;
}

static enum walk_result
add_node(const struct node *n, enum walk_event ev, void *arg)
{
	struct build	*b = arg;
	xmlNodePtr	 e = NULL;
	char		 id[32];

	if (ev == WALK_LEAVE) {
		if (n->type != NODE_TEXT && n->type != NODE_DOCUMENT &&
		    n->type != NODE_THEMATIC_BREAK && n->type != NODE_BYLINE)
			b->cur = b->cur->parent;
		/* A caption opened two elements: <figure><figcaption>. */
		if (n->type == NODE_CAPTION)
			b->cur = b->cur->parent;
		return WALK_CONTINUE;
	}
	switch (n->type) {
	case NODE_DOCUMENT:
		return WALK_CONTINUE;
	case NODE_SENTENCE:
		/* The sentence's id, the one its audio and cue have. */
		e = el(b->cur, "span");
		attr(e, "id", sentence_id(n->u.sid, id, sizeof(id)));
		break;
	case NODE_TEXT:
		xmlNodeAddContentLen(b->cur, X(n->text), (int)n->len);
		return WALK_CONTINUE;
	case NODE_BYLINE:
		/* In the header already. */
		return WALK_SKIP;
	case NODE_HEADING:
		e = el(b->cur, n->u.level <= 2 ? "h2" : n->u.level == 3 ?
		    "h3" : n->u.level == 4 ? "h4" : n->u.level == 5 ? "h5" :
		    "h6");
		attr(e, "id", block_id(n, id, sizeof(id)));
		break;
	case NODE_PARAGRAPH:
		e = el(b->cur, "p");
		break;
	case NODE_CAPTION:
		e = el5(b, b->cur, "figure");
		attr(e, "id", block_id(n, id, sizeof(id)));
		attr(e, "class", "photo-caption");
		e = el5(b, e, "figcaption");
		add_label(e, b->d, LABEL_PHOTO, ": ");
		break;
	case NODE_BLOCKQUOTE:
		e = el(b->cur, "blockquote");
		attr(e, "id", block_id(n, id, sizeof(id)));
		break;
	case NODE_LIST:
		e = el(b->cur, n->u.list.ordered ? "ol" : "ul");
		attr(e, "id", block_id(n, id, sizeof(id)));
		if (n->u.list.ordered && n->u.list.start != 1) {
			snprintf(id, sizeof(id), "%u", n->u.list.start);
			attr(e, "start", id);
		}
		break;
	case NODE_ITEM:
		e = el(b->cur, "li");
		break;
	case NODE_THEMATIC_BREAK:
		e = el(b->cur, "hr");
		attr(e, "class", "scene-break");
		aria(b, e, "role", "separator");
		return WALK_CONTINUE;
	case NODE_PREFORMATTED:
		b->cur = add_pre(b, n);
		return WALK_SKIP;
	case NODE_BACK_MATTER:
		e = add_back_matter(b, n);
		break;
	case NODE_EMPHASIS:
		e = el(b->cur, "em");
		break;
	case NODE_STRONG:
		e = el(b->cur, "strong");
		break;
	case NODE_LEAD_IN:
		/* Sentence case in the text, small capitals by CSS. */
		e = el(b->cur, "span");
		attr(e, "class", "lead-in");
		buf_reset(&b->tmp);
		text_sentence_case(&b->tmp, n->first->text, n->first->len);
		xmlNodeAddContentLen(e, X(b->tmp.data), (int)b->tmp.len);
		b->cur = e;
		return WALK_SKIP;
	case NODE_CREDIT:
		e = el(b->cur, "span");
		attr(e, "id", block_id(n, id, sizeof(id)));
		attr(e, "class", "credit");
		aria(b, e, "role", "doc-credit");
		add_label(e, b->d, LABEL_CREDIT, ": ");
		break;
	case NODE_LINK:
		e = el(b->cur, "a");
		attr(e, "href", n->u.href);
		break;
	case NODE__MAX:
		return WALK_STOP;
	}
	if (n->lang != NULL)
		passage_lang(e, b->d, n->lang);
	b->cur = e;
	return WALK_CONTINUE;
}

/*
 * The names of the authors as one line, "By A, B and C", for an article
 * without a byline: the words lector adds are labels.
 */
static void
byline_from_authors(const struct doc *d, xmlNodePtr p)
{
	size_t	 i, n = d->meta.nauthors;

	add_label(p, d, LABEL_BY, " ");
	for (i = 0; i < n; i++) {
		if (i > 0 && i + 1 == n) {
			xmlNodeAddContent(p, X(" "));
			add_label(p, d, LABEL_AND, " ");
		} else if (i > 0)
			xmlNodeAddContent(p, X(", "));
		xmlNodeAddContent(p, X(d->meta.authors[i]));
	}
}

/*
 * The header: title, subtitle, bylines (as written, else made from the
 * authors), date and source.
 */
static void
add_header(struct build *b, xmlNodePtr parent)
{
	const struct meta *m = &b->d->meta;
	const struct node *k, *t;
	xmlNodePtr	 header, e, save;
	struct date	 date;
	char		 iso[16];
	bool		 byline = false;

	header = el5(b, parent, "header");
	if (b->flavour == XHTML_DAISY)
		attr(header, "class", "header");
	e = text_el(header, "h1", m->title);
	/*
	 * The ids are those of what the speech says (speech.h).  A title
	 * made from the first sentence is not said (speech.c), and in a
	 * DAISY book a heading with an id is a point a listener must hear.
	 */
	if (b->flavour == XHTML_EPUB || m->title_from != FROM_SENTENCE)
		attr(e, "id", "title");
	if (m->subtitle != NULL) {
		e = text_el(header, "p", m->subtitle);
		attr(e, "id", "subtitle");
		attr(e, "class", "subtitle");
		aria(b, e, "role", "doc-subtitle");
	}
	save = b->cur;
	for (k = b->d->root->first; k != NULL; k = k->next) {
		if (k->type != NODE_BYLINE)
			continue;
		b->cur = el(header, "p");
		attr(b->cur, "class", "byline");
		for (t = k->first; t != NULL; t = t->next)
			tree_walk(t, add_node, b);
		byline = true;
	}
	b->cur = save;
	if (!byline && m->nauthors > 0) {
		e = el(header, "p");
		attr(e, "id", "byline");
		attr(e, "class", "byline");
		byline_from_authors(b->d, e);
	}
	if (m->date != NULL) {
		e = el(header, "p");
		attr(e, "id", "date");
		attr(e, "class", "date");
		/* XHTML 1.0 has no <time>: the date as written. */
		if (b->flavour == XHTML_EPUB &&
		    date_parse(m->date, strlen(m->date), &date)) {
			date_iso(&date, iso, sizeof(iso));
			e = text_el(e, "time", m->date);
			attr(e, "datetime", iso);
		} else
			xmlNodeAddContent(e, X(m->date));
	}
	if (m->source != NULL) {
		e = text_el(header, "p", m->source);
		attr(e, "id", "source");
		attr(e, "class", "source");
	}
}

int
xhtml_content(const struct doc *d, enum xhtml_flavour f,
    const char *css_href, struct buf *out)
{
	struct build	 b;
	xmlDocPtr	 x;
	xmlNodePtr	 head, body, main, e;
	int		 rc;

	memset(&b, 0, sizeof(b));
	b.d = d;
	b.flavour = f;
	x = new_page(d, f, d->meta.title, &b.epub, &head);
	if (css_href != NULL) {
		e = el(head, "link");
		attr(e, "rel", "stylesheet");
		attr(e, "type", "text/css");
		attr(e, "href", css_href);
	}
	body = el(xmlDocGetRootElement(x), "body");
	epub_type(&b, body, "bodymatter");
	main = el5(&b, body, "main");
	attr(main, "id", "article");
	add_header(&b, main);
	b.cur = main;
	rc = tree_walk(d->root, add_node, &b) == 0 ?
	    xml_serialise(x, false, "XHTML", out) : -1;
	buf_free(&b.tmp);
	xmlFreeDoc(x);
	return rc;
}

xmlDocPtr
xhtml_page(const struct doc *d, enum xhtml_flavour f, const char *title,
    xmlNodePtr *head)
{
	xmlNsPtr	 epub;

	return new_page(d, f, title, &epub, head);
}

/* Every heading's text and id (block_id()). */
struct toc {
	struct build	*b;
	xmlNodePtr	 list;		/* <ol> of the article's entry */
	const char	*href;
	struct buf	 text;		/* a heading's text */
};

static enum walk_result
add_toc_entry(const struct node *n, enum walk_event ev, void *arg)
{
	struct toc	*t = arg;
	xmlNodePtr	 li, a;
	char		 id[32];

	if (ev == WALK_ENTER && n->type == NODE_BACK_MATTER) {
		struct label_text l = label_get(t->b->d->meta.language,
		    label_back_matter((int)n->u.back));

		if (t->list == NULL)
			t->list = el(t->b->cur, "ol");
		block_id(n, id, sizeof(id));
		buf_reset(&t->b->tmp);
		buf_printf(&t->b->tmp, "%s#%s", t->href, id);
		a = text_el(el(t->list, "li"), "a", l.text);
		attr(a, "href", t->b->tmp.data);
		label_lang(a, t->b->d, l.lang);
		return WALK_CONTINUE;
	}
	if (ev != WALK_ENTER || n->type != NODE_HEADING)
		return ev == WALK_ENTER && !node_is_block(n->type) ?
		    WALK_SKIP : WALK_CONTINUE;
	if (t->list == NULL)
		t->list = el(t->b->cur, "ol");
	block_id(n, id, sizeof(id));
	buf_reset(&t->b->tmp);
	buf_printf(&t->b->tmp, "%s#%s", t->href, id);
	li = el(t->list, "li");
	buf_reset(&t->text);
	tree_text(n, TT_LEAD_IN_CASE, &t->text);
	a = text_el(li, "a", t->text.data ? t->text.data : "");
	attr(a, "href", t->b->tmp.data);
	return WALK_SKIP;
}

int
xhtml_nav(const struct doc *d, const char *content_href, struct buf *out)
{
	struct build	 b;
	struct toc	 t;
	xmlDocPtr	 x;
	xmlNodePtr	 head, body, nav, h, ol, li, a;
	struct label_text l;
	int		 rc;

	memset(&b, 0, sizeof(b));
	b.d = d;
	l = label_get(d->meta.language, LABEL_CONTENTS);
	x = new_page(d, XHTML_EPUB, l.text, &b.epub, &head);
	body = el(xmlDocGetRootElement(x), "body");

	/* The table of contents: the title, then every subheading. */
	nav = el(body, "nav");
	xmlNewNsProp(nav, b.epub, X("type"), X("toc"));
	attr(nav, "role", "doc-toc");
	attr(nav, "id", "toc");
	attr(nav, "aria-labelledby", "toc-title");
	h = text_el(nav, "h1", l.text);
	attr(h, "id", "toc-title");
	label_lang(h, d, l.lang);
	ol = el(nav, "ol");
	li = el(ol, "li");
	buf_printf(&b.tmp, "%s#title", content_href);
	a = text_el(li, "a", d->meta.title);
	attr(a, "href", b.tmp.data);
	memset(&t, 0, sizeof(t));
	t.b = &b;
	t.href = content_href;
	b.cur = li;
	tree_walk(d->root, add_toc_entry, &t);
	buf_free(&t.text);

	/*
	 * Landmarks: where the article starts.  (Not the contents: this
	 * document is outside the spine, and EPUBCheck rejects links into
	 * it.)
	 */
	l = label_get(d->meta.language, LABEL_LANDMARKS);
	nav = el(body, "nav");
	xmlNewNsProp(nav, b.epub, X("type"), X("landmarks"));
	attr(nav, "aria-labelledby", "landmarks-title");
	attr(nav, "hidden", "hidden");
	h = text_el(nav, "h1", l.text);
	attr(h, "id", "landmarks-title");
	label_lang(h, d, l.lang);
	ol = el(nav, "ol");
	l = label_get(d->meta.language, LABEL_ARTICLE);
	buf_reset(&b.tmp);
	buf_printf(&b.tmp, "%s#article", content_href);
	a = text_el(el(ol, "li"), "a", l.text);
	xmlNewNsProp(a, b.epub, X("type"), X("bodymatter"));
	attr(a, "href", b.tmp.data);

	rc = xml_serialise(x, false, "navigation document", out);
	buf_free(&b.tmp);
	xmlFreeDoc(x);
	return rc;
}
