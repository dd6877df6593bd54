/* SPDX-License-Identifier: ISC */
#include "common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "lang.h"
#include "sentence.h"
#include "text.h"
#include "tree.h"
#include "xalloc.h"

/* Where the text of an inline lies in its block's text. */
struct span {
	const struct node *n;
	size_t		 start;		/* byte offsets into the text */
	size_t		 end;
	bool		 atomic;	/* no sentence ends inside it */
};

struct block {
	struct buf	 text;		/* the block's text, credit aside */
	struct span	*spans;
	size_t		 nspans;
	size_t		 cap;
};

struct marker {
	struct doc		*d;
	const struct lang	*lang;
	unsigned		 sid;		/* the last id given */
	struct block		 b;
};

/* Gather the text of n and its children, and where each lies. */
static void
gather(struct block *b, const struct node *n)
{
	const struct node *k;
	size_t		 i;

	if (b->nspans == b->cap) {
		b->cap = b->cap ? b->cap * 2 : 32;
		b->spans = xreallocarray(b->spans, b->cap, sizeof(*b->spans));
	}
	i = b->nspans++;
	b->spans[i].n = n;
	b->spans[i].start = b->text.len;
	b->spans[i].atomic = n->type == NODE_LEAD_IN || n->type == NODE_LINK;
	if (n->type == NODE_TEXT)
		buf_put(&b->text, n->text, n->len);
	for (k = n->first; k != NULL; k = k->next)
		gather(b, k);
	b->spans[i].end = b->text.len;
}

/* Whether off falls strictly inside a lead-in or a link. */
static bool
inside_atomic(const struct block *b, size_t off)
{
	size_t	 i;

	for (i = 0; i < b->nspans; i++)
		if (b->spans[i].atomic && b->spans[i].start < off &&
		    off < b->spans[i].end)
			return true;
	return false;
}

/*
 * Copy into parent the part of inline n that lies in [from, to): text
 * cut to it, a container copied with its children cut.  span walks
 * b->spans in the order gather() made them.
 */
static void
clip(struct marker *m, const struct node *n, size_t *span, size_t from,
    size_t to, struct node *parent)
{
	const struct span *sp = &m->b.spans[(*span)++];
	const struct node *k;
	struct node	*copy;
	size_t		 a, z;

	a = sp->start > from ? sp->start : from;
	z = sp->end < to ? sp->end : to;
	if (a >= z) {
		/* Nothing of it here: skip its children's spans too. */
		for (k = n->first; k != NULL; k = k->next)
			clip(m, k, span, 1, 0, NULL);
		return;
	}
	if (n->type == NODE_TEXT) {
		node_append(parent, node_new_text(m->d,
		    n->text + (a - sp->start), z - a, n->line));
		return;
	}
	copy = node_new(m->d, n->type, n->line);
	copy->u = n->u;
	node_append(parent, copy);
	for (k = n->first; k != NULL; k = k->next)
		clip(m, k, span, from, to, copy);
}

/* The sentences of one block of text. */
static void
mark_block(struct marker *m, struct node *blk)
{
	struct block	*b = &m->b;
	struct node	*credit = NULL, *k, *next, *s;
	struct node	**olds = NULL;
	size_t		 nold = 0, i, pos, end, cut, span;
	const char	*t;

	if (blk->last != NULL && blk->last->type == NODE_CREDIT) {
		credit = blk->last;
		node_unlink(credit);
	}
	/* The old children, and the text they hold. */
	buf_reset(&b->text);
	b->nspans = 0;
	for (k = blk->first; k != NULL; k = next) {
		next = k->next;
		gather(b, k);
		olds = xreallocarray(olds, nold + 1, sizeof(*olds));
		olds[nold++] = k;
		node_unlink(k);
	}
	t = b->text.data != NULL ? b->text.data : "";
	for (pos = 0; pos < b->text.len;) {
		end = text_sentence_end(m->lang, t, b->text.len, pos);
		while (end < b->text.len && inside_atomic(b, end))
			end = text_sentence_end(m->lang, t, b->text.len, end);
		/* The spaces after the sentence go between. */
		for (cut = end; cut > pos && t[cut - 1] == ' '; cut--)
			continue;
		if (cut == pos)
			cut = end;	/* only spaces: keep them */
		s = node_new(m->d, NODE_SENTENCE, blk->line);
		s->u.sid = ++m->sid;
		node_append(blk, s);
		for (i = 0, span = 0; i < nold; i++)
			clip(m, olds[i], &span, pos, cut, s);
		for (pos = cut; pos < b->text.len && t[pos] == ' '; pos++)
			continue;
		if (pos > cut)
			node_append(blk, node_new_text(m->d, t + cut,
			    pos - cut, blk->line));
	}
	if (blk->first == NULL) {
		/* No text at all (never from a reader): one empty
		 * sentence would be worse than none; keep what was. */
		for (i = 0; i < nold; i++)
			node_append(blk, olds[i]);
	}
	if (credit != NULL)
		node_append(blk, credit);
	free(olds);
}

static void
mark_blocks(struct marker *m, struct node *n)
{
	for (; n != NULL; n = n->next) {
		switch (n->type) {
		case NODE_HEADING:
		case NODE_PARAGRAPH:
		case NODE_CAPTION:
		case NODE_BYLINE:
		case NODE_ITEM:
			mark_block(m, n);
			break;
		case NODE_BLOCKQUOTE:
		case NODE_LIST:
		case NODE_BACK_MATTER:
			mark_blocks(m, n->first);
			break;
		case NODE_DOCUMENT:
		case NODE_THEMATIC_BREAK:
		case NODE_PREFORMATTED:	/* lines, not sentences */
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
sentence_mark(struct doc *d)
{
	struct marker	 m;

	memset(&m, 0, sizeof(m));
	m.d = d;
	m.lang = lang_get(d->meta.language);
	mark_blocks(&m, d->root->first);
	buf_free(&m.b.text);
	free(m.b.spans);
}

const char *
sentence_id(unsigned n, char *buf, size_t bufsz)
{
	snprintf(buf, bufsz, "s%u", n);
	return buf;
}
