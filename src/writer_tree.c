/* SPDX-License-Identifier: ISC */
/*
 * The `tree` format: the document tree as XML, one element per node, in
 * the vocabulary of DESIGN.md.  Golden tests of the reader compare it.
 */
#include "common.h"

#include <stdio.h>
#include <string.h>

#include <libxml/tree.h>

#include "buf.h"
#include "diag.h"
#include "ctx.h"
#include "sentence.h"
#include "sink.h"
#include "tree.h"
#include "writer.h"
#include "xml.h"

struct dump {
	xmlNodePtr	 cur;	/* the element children go into */
};

static void
set_uint(xmlNodePtr el, const char *name, unsigned v)
{
	char	 num[16];

	snprintf(num, sizeof(num), "%u", v);
	xmlNewProp(el, (const xmlChar *)name, (const xmlChar *)num);
}

static enum walk_result
dump_node(const struct node *n, enum walk_event ev, void *arg)
{
	struct dump	*dp = arg;
	xmlNodePtr	 el;
	char		 id[16];

	switch (n->type) {
	case NODE_TEXT:
		if (ev == WALK_ENTER)
			xmlNodeAddContentLen(dp->cur, (const xmlChar *)n->text,
			    (int)n->len);
		return WALK_CONTINUE;
	case NODE_DOCUMENT:
		/* The <body> element stands for it. */
		return WALK_CONTINUE;
	case NODE_HEADING:
	case NODE_PARAGRAPH:
	case NODE_CAPTION:
	case NODE_BYLINE:
	case NODE_BLOCKQUOTE:
	case NODE_LIST:
	case NODE_ITEM:
	case NODE_THEMATIC_BREAK:
	case NODE_PREFORMATTED:
	case NODE_BACK_MATTER:
	case NODE_EMPHASIS:
	case NODE_STRONG:
	case NODE_LEAD_IN:
	case NODE_CREDIT:
	case NODE_LINK:
	case NODE_SENTENCE:
		break;
	case NODE__MAX:
		return WALK_STOP;
	}
	if (ev == WALK_LEAVE) {
		dp->cur = dp->cur->parent;
		return WALK_CONTINUE;
	}
	el = xmlNewChild(dp->cur, NULL,
	    (const xmlChar *)node_type_name(n->type), NULL);
	if (n->type == NODE_HEADING)
		set_uint(el, "level", (unsigned)n->u.level);
	if (n->type == NODE_LIST) {
		xmlNewProp(el, (const xmlChar *)"ordered",
		    (const xmlChar *)(n->u.list.ordered ? "true" : "false"));
		if (n->u.list.ordered && n->u.list.start != 1)
			set_uint(el, "start", n->u.list.start);
	}
	if (n->type == NODE_PREFORMATTED)
		xmlNewProp(el, (const xmlChar *)"kind",
		    (const xmlChar *)pre_kind_name(n->u.pre));
	if (n->type == NODE_BACK_MATTER)
		xmlNewProp(el, (const xmlChar *)"kind",
		    (const xmlChar *)back_kind_name(n->u.back));
	if (n->type == NODE_LINK)
		xmlNewProp(el, (const xmlChar *)"href",
		    (const xmlChar *)n->u.href);
	if (n->type == NODE_SENTENCE)
		xmlNewProp(el, (const xmlChar *)"id", (const xmlChar *)
		    sentence_id(n->u.sid, id, sizeof(id)));
	if (node_is_block(n->type))
		set_uint(el, "line", n->line);
	if (n->lang != NULL)
		xmlNewProp(el, (const xmlChar *)"lang",
		    (const xmlChar *)n->lang);
	/* A block of text stays on one line: an empty text child keeps
	 * libxml2 from indenting inside it, which would add spaces the
	 * tree does not have. */
	if (n->first != NULL && (n->first->type == NODE_SENTENCE ||
	    n->type == NODE_PREFORMATTED))
		xmlAddChild(el, xmlNewText((const xmlChar *)""));
	dp->cur = el;
	return WALK_CONTINUE;
}

/* A metadata element with text content (escaped by libxml2). */
static xmlNodePtr
meta_el(xmlNodePtr parent, const char *name, const char *value)
{
	return xmlNewTextChild(parent, NULL, (const xmlChar *)name,
	    (const xmlChar *)value);
}

static int
tree_write(struct ctx *ctx, struct sink *sink)
{
	const struct doc *d = ctx_doc(ctx);
	const struct meta *m = &d->meta;
	FILE		*out = sink_stream(sink);
	xmlDocPtr	 xdoc;
	xmlNodePtr	 root, meta, el;
	struct dump	 dp;
	struct buf	 b = { 0 };
	int		 rc = -1;
	size_t		 i;

	xdoc = xmlNewDoc((const xmlChar *)"1.0");
	root = xmlNewDocNode(xdoc, NULL, (const xmlChar *)"document", NULL);
	xmlDocSetRootElement(xdoc, root);

	meta = xmlNewChild(root, NULL, (const xmlChar *)"metadata", NULL);
	el = meta_el(meta, "title", m->title);
	xmlNewProp(el, (const xmlChar *)"from",
	    (const xmlChar *)meta_from_name(m->title_from));
	if (m->title_line > 0)
		set_uint(el, "line", m->title_line);
	if (m->subtitle != NULL) {
		el = meta_el(meta, "subtitle", m->subtitle);
		if (m->subtitle_line > 0)
			set_uint(el, "line", m->subtitle_line);
	}
	for (i = 0; i < m->nauthors; i++)
		meta_el(meta, "author", m->authors[i]);
	if (m->date != NULL) {
		el = meta_el(meta, "date", m->date);
		if (m->date_line > 0)
			set_uint(el, "line", m->date_line);
	}
	el = meta_el(meta, "language", m->language);
	xmlNewProp(el, (const xmlChar *)"from",
	    (const xmlChar *)meta_from_name(m->language_from));
	if (m->source != NULL)
		meta_el(meta, "source", m->source);

	dp.cur = xmlNewChild(root, NULL, (const xmlChar *)"body", NULL);
	if (tree_walk(d->root, dump_node, &dp) == -1) {
		diag(DIAG_ERROR, 0, "tree: node of unknown type");
		goto out;
	}
	if (xml_serialise(xdoc, true, "tree", &b) == -1)
		goto out;
	if (fwrite(b.data, 1, b.len, out) != b.len)
		goto out;	/* the batch runner reports write errors */
	rc = 0;
out:
	buf_free(&b);
	xmlFreeDoc(xdoc);
	return rc;
}

const struct writer writer_tree = {
	.name = "tree",
	.ext = ".tree.xml",
	.summary = "the parsed article as XML",
	.write = tree_write,
};
