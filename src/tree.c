/* SPDX-License-Identifier: ISC */
#include "common.h"

#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "text.h"
#include "tree.h"
#include "utf8.h"
#include "xalloc.h"

static const char *const type_names[NODE__MAX] = {
	"document",		/* NODE_DOCUMENT */
	"heading",		/* NODE_HEADING */
	"paragraph",		/* NODE_PARAGRAPH */
	"caption",		/* NODE_CAPTION */
	"byline",		/* NODE_BYLINE */
	"blockquote",		/* NODE_BLOCKQUOTE */
	"list",			/* NODE_LIST */
	"item",			/* NODE_ITEM */
	"thematic-break",	/* NODE_THEMATIC_BREAK */
	"preformatted",		/* NODE_PREFORMATTED */
	"back-matter",		/* NODE_BACK_MATTER */
	"text",			/* NODE_TEXT */
	"emphasis",		/* NODE_EMPHASIS */
	"strong",		/* NODE_STRONG */
	"lead-in",		/* NODE_LEAD_IN */
	"credit",		/* NODE_CREDIT */
	"link",			/* NODE_LINK */
	"sentence",		/* NODE_SENTENCE */
};

static const char *const pre_names[PRE__MAX] = {
	"text",			/* PRE_TEXT */
	"diagram",		/* PRE_DIAGRAM */
	"code",			/* PRE_CODE */
	"data",			/* PRE_DATA */
};

static const char *const back_names[BACK__MAX] = {
	"licence",		/* BACK_LICENCE */
	"signature",		/* BACK_SIGNATURE */
};

static const char *const from_names[] = {
	"none",			/* FROM_NONE */
	"default",		/* FROM_DEFAULT */
	"option",		/* FROM_OPTION */
	"header",		/* FROM_HEADER */
	"text",			/* FROM_TEXT */
	"sentence",		/* FROM_SENTENCE */
	"detected",		/* FROM_DETECTED */
};

struct doc *
doc_new(const char *path)
{
	struct doc	*d;
	const char	*base, *dot;
	struct arena	*a;

	a = arena_new();
	d = arena_alloc(a, sizeof(*d));
	d->arena = a;
	d->root = node_new(d, NODE_DOCUMENT, 0);
	d->path = arena_strdup(a, path);
	base = strrchr(path, '/');
	base = base != NULL && base[1] != '\0' ? base + 1 : path;
	if (strcmp(base, "-") == 0)
		base = "stdin";
	dot = strrchr(base, '.');
	d->name = dot != NULL && dot != base ?
	    arena_strndup(a, base, (size_t)(dot - base)) :
	    arena_strdup(a, base);
	return d;
}

void
doc_free(struct doc *d)
{
	if (d != NULL)
		arena_free(d->arena);
}

struct node *
node_new(struct doc *d, enum node_type type, unsigned line)
{
	struct node	*n;

	n = arena_alloc(d->arena, sizeof(*n));
	n->type = type;
	n->line = line;
	return n;
}

struct node *
node_new_text(struct doc *d, const char *s, size_t len, unsigned line)
{
	struct node	*n;

	n = node_new(d, NODE_TEXT, line);
	n->text = arena_strndup(d->arena, s, len);
	n->len = len;
	return n;
}

void
node_append(struct node *parent, struct node *child)
{
	child->parent = parent;
	child->next = NULL;
	child->prev = parent->last;
	if (parent->last != NULL)
		parent->last->next = child;
	else
		parent->first = child;
	parent->last = child;
}

void
node_insert_ordered(struct node *parent, struct node *child)
{
	struct node	*k;

	/* Back matter ends the body, whatever its lines. */
	for (k = parent->first; k != NULL && k->type != NODE_BACK_MATTER &&
	    k->line <= child->line; k = k->next)
		continue;
	if (k == NULL) {
		node_append(parent, child);
		return;
	}
	child->parent = parent;
	child->next = k;
	child->prev = k->prev;
	if (k->prev != NULL)
		k->prev->next = child;
	else
		parent->first = child;
	k->prev = child;
}

void
node_unlink(struct node *n)
{
	if (n->prev != NULL)
		n->prev->next = n->next;
	else if (n->parent != NULL)
		n->parent->first = n->next;
	if (n->next != NULL)
		n->next->prev = n->prev;
	else if (n->parent != NULL)
		n->parent->last = n->prev;
	n->parent = n->next = n->prev = NULL;
}

bool
node_is_block(enum node_type t)
{
	switch (t) {
	case NODE_DOCUMENT:
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
		return true;
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
	return false;
}

const char *
node_type_name(enum node_type t)
{
	return t < NODE__MAX ? type_names[t] : "?";
}

const char *
pre_kind_name(enum pre_kind k)
{
	return (size_t)k < NELEM(pre_names) ? pre_names[k] : "?";
}

const char *
back_kind_name(enum back_kind k)
{
	return (size_t)k < NELEM(back_names) ? back_names[k] : "?";
}

static enum walk_result
number_node(const struct node *n, enum walk_event ev, void *arg)
{
	unsigned	*count = arg;

	if (ev == WALK_ENTER && n->type < NODE__MAX)
		((struct node *)n)->ord = ++count[n->type];
	return WALK_CONTINUE;
}

void
tree_number(struct doc *d)
{
	unsigned	 count[NODE__MAX] = { 0 };

	tree_walk(d->root, number_node, count);
}

const char *
block_id(const struct node *n, char *buf, size_t sz)
{
	const char	*kind;

	switch (n->type) {
	case NODE_HEADING:
		kind = "section";
		break;
	case NODE_CAPTION:
		kind = "figure";
		break;
	case NODE_BLOCKQUOTE:
		kind = "quote";
		break;
	case NODE_CREDIT:
		kind = "credit";
		break;
	case NODE_LIST:
		kind = "list";
		break;
	case NODE_PREFORMATTED:
		kind = "pre";
		break;
	case NODE_BACK_MATTER:
		kind = "back-matter";
		break;
	default:
		return NULL;
	}
	snprintf(buf, sz, "%s-%u", kind, n->ord);
	return buf;
}

size_t
pre_lines(const struct node *n)
{
	const struct node *t = n->first;
	size_t		 i, lines = 1;

	if (t == NULL || t->type != NODE_TEXT)
		return 0;
	for (i = 0; i < t->len; i++)
		if (t->text[i] == '\n')
			lines++;
	return lines;
}

const char *
meta_from_name(enum meta_from f)
{
	return (size_t)f < NELEM(from_names) ? from_names[f] : "?";
}

int
tree_walk(const struct node *top, walk_fn fn, void *arg)
{
	const struct node	*n = top;
	enum walk_result	 r;

	while (n != NULL) {
		r = fn(n, WALK_ENTER, arg);
		if (r == WALK_STOP)
			return -1;
		if (r != WALK_SKIP && n->first != NULL) {
			n = n->first;
			continue;
		}
		/* Leave n, then every ancestor that has no next sibling. */
		for (;;) {
			if (fn(n, WALK_LEAVE, arg) == WALK_STOP)
				return -1;
			if (n == top)
				return 0;
			if (n->next != NULL) {
				n = n->next;
				break;
			}
			n = n->parent;
		}
	}
	return 0;
}

/* Whether a node of type parent may hold a child of type child. */
static bool
can_contain(enum node_type parent, enum node_type child)
{
	switch (parent) {
	case NODE_DOCUMENT:
		return node_is_block(child) && child != NODE_DOCUMENT &&
		    child != NODE_ITEM;
	case NODE_BACK_MATTER:
		return node_is_block(child) && child != NODE_DOCUMENT &&
		    child != NODE_ITEM && child != NODE_BACK_MATTER &&
		    child != NODE_CAPTION && child != NODE_BYLINE;
	case NODE_BLOCKQUOTE:
		return child == NODE_PARAGRAPH || child == NODE_LIST ||
		    child == NODE_HEADING || child == NODE_BLOCKQUOTE ||
		    child == NODE_PREFORMATTED;
	case NODE_PREFORMATTED:
		return child == NODE_TEXT;
	case NODE_LIST:
		return child == NODE_ITEM;
	case NODE_CAPTION:
		return child == NODE_SENTENCE || child == NODE_TEXT ||
		    child == NODE_CREDIT;
	case NODE_PARAGRAPH:
	case NODE_HEADING:
	case NODE_BYLINE:
	case NODE_ITEM:
		return child == NODE_SENTENCE || child == NODE_TEXT;
	case NODE_SENTENCE:
		return !node_is_block(child) && child != NODE_SENTENCE &&
		    child != NODE_CREDIT;
	case NODE_EMPHASIS:
	case NODE_STRONG:
	case NODE_LINK:
		return !node_is_block(child) && child != NODE_CREDIT &&
		    child != NODE_LEAD_IN && child != NODE_SENTENCE;
	case NODE_LEAD_IN:
	case NODE_CREDIT:
		return child == NODE_TEXT;
	case NODE_THEMATIC_BREAK:
	case NODE_TEXT:
	case NODE__MAX:
		break;
	}
	return false;
}

struct check {
	const char	*msg;
	unsigned	 line;		/* highest block line so far */
	unsigned	 sid;		/* the last sentence's id */
};

bool
node_holds_text(enum node_type t)
{
	return t == NODE_PARAGRAPH || t == NODE_HEADING || t == NODE_BYLINE ||
	    t == NODE_ITEM || t == NODE_CAPTION;
}

static bool
clean_text(const char *s, size_t len)
{
	return strlen(s) == len && text_is_clean(s, len);
}

/* A BCP 47 tag as lector makes them: letters, digits and hyphens. */
static bool
lang_tag_ok(const char *s)
{
	size_t	 i;

	for (i = 0; s[i] != '\0'; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= 'A' && s[i] <= 'Z') ||
		    (s[i] >= '0' && s[i] <= '9') || (s[i] == '-' && i > 0)))
			return false;
	return i > 0 && s[i - 1] != '-';
}

/*
 * A preformatted text: clean lines apart by single newlines, neither
 * first nor last empty (a blank line inside is kept).
 */
static bool
pre_text(const char *s, size_t len)
{
	size_t	 i, start = 0;

	if (strlen(s) != len || len == 0 || s[0] == '\n' ||
	    s[len - 1] == '\n')
		return false;
	for (i = 0; i <= len; i++) {
		if (i < len && s[i] != '\n')
			continue;
		if (i > start && !text_is_clean(s + start, i - start))
			return false;
		start = i + 1;
	}
	return true;
}

static enum walk_result
check_node(const struct node *n, enum walk_event ev, void *arg)
{
	struct check		*c = arg;
	const struct node	*k, *prev = NULL;

	if (ev == WALK_LEAVE)
		return WALK_CONTINUE;
	if (n->type >= NODE__MAX) {
		c->msg = "node of unknown type";
		return WALK_STOP;
	}
	for (k = n->first; k != NULL; prev = k, k = k->next) {
		if (k->parent != n || k->prev != prev) {
			c->msg = "child links disagree";
			return WALK_STOP;
		}
		if (!can_contain(n->type, k->type)) {
			c->msg = "a node holds a child it may not hold";
			return WALK_STOP;
		}
	}
	if (n->last != prev) {
		c->msg = "last-child link is wrong";
		return WALK_STOP;
	}
	if (n->type == NODE_TEXT && n->parent != NULL &&
	    n->parent->type == NODE_PREFORMATTED) {
		if (n->first != NULL || !pre_text(n->text, n->len)) {
			c->msg = "preformatted text is malformed";
			return WALK_STOP;
		}
	} else if (n->type == NODE_TEXT) {
		if (n->first != NULL || !clean_text(n->text, n->len)) {
			c->msg = "text node is empty, malformed or has children";
			return WALK_STOP;
		}
	} else if (n->type == NODE_THEMATIC_BREAK) {
		if (n->first != NULL) {
			c->msg = "thematic break has children";
			return WALK_STOP;
		}
	} else if (n->type != NODE_DOCUMENT && n->first == NULL) {
		c->msg = "empty block or inline";
		return WALK_STOP;
	}
	if (n->type == NODE_HEADING && (n->u.level < 2 || n->u.level > 6)) {
		c->msg = "heading level outside 2..6";
		return WALK_STOP;
	}
	if (n->type == NODE_LINK && (n->u.href == NULL ||
	    !clean_text(n->u.href, strlen(n->u.href)))) {
		c->msg = "link without an href, or a malformed one";
		return WALK_STOP;
	}
	/* Writers take a lead-in's and a credit's text as one string. */
	if ((n->type == NODE_LEAD_IN || n->type == NODE_CREDIT) &&
	    n->first != n->last) {
		c->msg = "lead-in or credit of more than one text";
		return WALK_STOP;
	}
	if (n->type == NODE_LEAD_IN && (n->prev != NULL ||
	    n->parent->type != NODE_SENTENCE || n->parent->prev != NULL ||
	    n->parent->parent->type != NODE_PARAGRAPH)) {
		c->msg = "lead-in that does not open its paragraph";
		return WALK_STOP;
	}
	if (node_holds_text(n->type)) {
		for (k = n->first; k != NULL; k = k->next)
			if (k->type == NODE_SENTENCE)
				break;
		if (k == NULL) {
			c->msg = "a block of text without a sentence";
			return WALK_STOP;
		}
		for (k = n->first; k != NULL; k = k->next)
			if (k->type == NODE_TEXT &&
			    strspn(k->text, " ") != k->len) {
				c->msg = "text outside the sentences";
				return WALK_STOP;
			}
	}
	if (n->type == NODE_SENTENCE && n->u.sid != ++c->sid) {
		c->msg = "sentence ids out of order";
		return WALK_STOP;
	}
	if (n->type == NODE_CREDIT && n->next != NULL) {
		c->msg = "credit that does not end its caption";
		return WALK_STOP;
	}
	if (n->lang != NULL && (!node_is_block(n->type) ||
	    !lang_tag_ok(n->lang))) {
		c->msg = "a language on an inline, or a malformed tag";
		return WALK_STOP;
	}
	if (n->type == NODE_PREFORMATTED && (n->first != n->last ||
	    n->u.pre >= PRE__MAX)) {
		c->msg = "preformatted block of more than one text";
		return WALK_STOP;
	}
	if (n->type == NODE_BACK_MATTER) {
		if (n->parent == NULL || n->parent->type != NODE_DOCUMENT ||
		    (n->next != NULL && n->next->type != NODE_BACK_MATTER) ||
		    n->u.back >= BACK__MAX) {
			c->msg = "back matter that does not end the body";
			return WALK_STOP;
		}
		/* What a wrapper held comes from anywhere in the source:
		 * its lines run in order from here. */
		c->line = 0;
	}
	if (node_is_block(n->type) && n->type != NODE_DOCUMENT) {
		if (n->line == 0 || n->line < c->line) {
			c->msg = "block without a line, or out of order";
			return WALK_STOP;
		}
		c->line = n->line;
	}
	return WALK_CONTINUE;
}

const char *
tree_check(const struct doc *d)
{
	struct check	 c = { NULL, 0, 0 };
	const char	*opt[] = { d->meta.subtitle, d->meta.date,
			    d->meta.source };
	size_t		 i;

	if (d->root == NULL || d->root->type != NODE_DOCUMENT ||
	    d->root->parent != NULL || d->root->next != NULL)
		return "root is not a lone document node";
	if (d->meta.title == NULL || *d->meta.title == '\0' ||
	    !clean_text(d->meta.title, strlen(d->meta.title)))
		return "no title, or a malformed one";
	if (d->meta.language == NULL || !lang_tag_ok(d->meta.language))
		return "no language, or a malformed tag";
	for (i = 0; i < d->meta.nauthors; i++)
		if (!clean_text(d->meta.authors[i],
		    strlen(d->meta.authors[i])))
			return "empty or malformed author";
	for (i = 0; i < NELEM(opt); i++)
		if (opt[i] != NULL && !clean_text(opt[i], strlen(opt[i])))
			return "empty or malformed subtitle, date or source";
	tree_walk(d->root, check_node, &c);
	return c.msg;
}

struct collect {
	struct buf	 b;
	struct buf	*out;		/* tree_text() */
	unsigned	 flags;		/* tree_text() */
	struct buf	*marks;		/* tree_text_marked(), or NULL */
	unsigned	 em;		/* emphasis open around the text */
	unsigned	 strong;
};

/* Mark the text appended since the last call as the emphasis open. */
static void
mark_up(struct collect *c)
{
	int	 m = (c->em > 0 ? TM_EMPHASIS : 0) |
		    (c->strong > 0 ? TM_STRONG : 0);

	if (c->marks != NULL)
		while (c->marks->len < c->out->len)
			buf_putc(c->marks, m);
}

static enum walk_result
render_text(const struct node *n, enum walk_event ev, void *arg)
{
	struct collect	*c = arg;

	if (n->type == NODE_EMPHASIS || n->type == NODE_STRONG) {
		mark_up(c);
		if (n->type == NODE_EMPHASIS)
			c->em += ev == WALK_LEAVE ? -1u : 1;
		else
			c->strong += ev == WALK_LEAVE ? -1u : 1;
	}
	if (ev == WALK_LEAVE) {
		if (n->type == NODE_LINK && (c->flags & TT_LINK_HREF) &&
		    (n->first == NULL || n->first->type != NODE_TEXT ||
		    n->first->next != NULL ||
		    strcmp(n->first->text, n->u.href) != 0))
			buf_printf(c->out, " (%s)", n->u.href);
		return WALK_CONTINUE;
	}
	if (n->type == NODE_TEXT)
		buf_put(c->out, n->text, n->len);
	else if (n->type == NODE_LEAD_IN && (c->flags & TT_LEAD_IN_CASE)) {
		text_sentence_case(c->out, n->first->text, n->first->len);
		return WALK_SKIP;
	} else if (n->type == NODE_CREDIT && (c->flags & TT_NO_CREDIT))
		return WALK_SKIP;
	return WALK_CONTINUE;
}

void
tree_text(const struct node *n, unsigned flags, struct buf *out)
{
	tree_text_marked(n, flags, out, NULL);
}

void
tree_text_marked(const struct node *n, unsigned flags, struct buf *out,
    struct buf *marks)
{
	struct collect	 c;
	const struct node *k;

	memset(&c, 0, sizeof(c));
	c.out = out;
	c.flags = flags;
	c.marks = marks;
	mark_up(&c);	/* what out held: no emphasis */
	for (k = n->first; k != NULL; k = k->next)
		tree_walk(k, render_text, &c);
	mark_up(&c);
}

static enum walk_result
collect_text(const struct node *n, enum walk_event ev, void *arg)
{
	struct collect	*c = arg;

	if (ev == WALK_ENTER && n->type == NODE_TEXT)
		buf_put(&c->b, n->text, n->len);
	return WALK_CONTINUE;
}

char *
node_text(struct doc *d, const struct node *n)
{
	struct collect	 c = { { 0 }, NULL, 0, NULL, 0, 0 };
	char		*s;

	tree_walk(n, collect_text, &c);
	s = arena_strndup(d->arena, c.b.data ? c.b.data : "", c.b.len);
	buf_free(&c.b);
	return s;
}
