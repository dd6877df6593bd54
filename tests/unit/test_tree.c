/* SPDX-License-Identifier: ISC */
/* The document tree: building, walking and tree_check(). */
#include "common.h"

#include "buf.h"
#include "harness.h"
#include "tree.h"

/*
 * A node of type t holding text: in a sentence if t is a block of text
 * (numbered by renumber()), else directly.
 */
static struct node *
block(struct doc *d, enum node_type t, unsigned line, const char *text)
{
	struct node	*n, *s;

	n = node_new(d, t, line);
	if (text == NULL)
		return n;
	s = n;
	if (t == NODE_PARAGRAPH || t == NODE_HEADING || t == NODE_ITEM ||
	    t == NODE_CAPTION || t == NODE_BYLINE) {
		s = node_new(d, NODE_SENTENCE, line);
		node_append(n, s);
	}
	node_append(s, node_new_text(d, text, strlen(text), line));
	return n;
}

static enum walk_result
number(const struct node *n, enum walk_event ev, void *arg)
{
	unsigned	*sid = arg;

	if (ev == WALK_ENTER && n->type == NODE_SENTENCE)
		((struct node *)n)->u.sid = ++*sid;
	return WALK_CONTINUE;
}

/* Number the sentences 1, 2... in document order, then check. */
static const char *
check(struct doc *d)
{
	unsigned	 sid = 0;

	tree_walk(d->root, number, &sid);
	return tree_check(d);
}

static struct doc *
sample(void)
{
	struct doc	*d;
	struct node	*list;

	d = doc_new("dir/article.txt");
	d->meta.title = "Title";
	d->meta.language = "en";
	node_append(d->root, block(d, NODE_PARAGRAPH, 3, "One."));
	list = node_new(d, NODE_LIST, 5);
	node_append(list, block(d, NODE_ITEM, 5, "a"));
	node_append(list, block(d, NODE_ITEM, 6, "b"));
	node_append(d->root, list);
	node_append(d->root, node_new(d, NODE_THEMATIC_BREAK, 8));
	return d;
}

static enum walk_result
record(const struct node *n, enum walk_event ev, void *arg)
{
	struct buf	*b = arg;

	buf_printf(b, "%c%s ", ev == WALK_ENTER ? '+' : '-',
	    node_type_name(n->type));
	return ev == WALK_ENTER && n->type == NODE_LIST ? WALK_SKIP :
	    WALK_CONTINUE;
}

/* A caption with text and a credit, as the reader makes it. */
static struct node *
caption(struct doc *d, unsigned line)
{
	struct node	*n;

	n = block(d, NODE_CAPTION, line, "Boats at dawn. ");
	node_append(n, block(d, NODE_CREDIT, line, "A. Photographer/AFP"));
	return n;
}

/* A paragraph that opens with a lead-in. */
static struct node *
lead_para(struct doc *d, unsigned line)
{
	struct node	*n, *s;

	n = node_new(d, NODE_PARAGRAPH, line);
	s = node_new(d, NODE_SENTENCE, line);
	node_append(n, s);
	node_append(s, block(d, NODE_LEAD_IN, line, "WITH EACH"));
	node_append(s, node_new_text(d, " day", 4, line));
	return n;
}

/*
 * Every rule tree_check() enforces for the writers, broken one at a
 * time in a tree that is otherwise well-formed.
 */
static void
broken_rules(void)
{
	struct doc	*d;
	struct node	*n, *k;

	d = sample();
	node_append(d->root, caption(d, 9));
	node_append(d->root, lead_para(d, 10));
	CHECK(check(d) == NULL, "a caption with its credit and a "
	    "paragraph with a lead-in pass");
	doc_free(d);

	d = sample();
	n = caption(d, 9);
	node_append(n->last, node_new_text(d, " more", 5, 9));
	node_append(d->root, n);
	CHECK(check(d) != NULL, "a credit of two texts is caught");
	doc_free(d);

	d = sample();
	n = caption(d, 9);
	node_append(n, node_new_text(d, "after", 5, 9));
	node_append(d->root, n);
	CHECK(check(d) != NULL, "a credit that does not end its "
	    "caption is caught");
	doc_free(d);

	d = sample();
	n = block(d, NODE_CAPTION, 9, "Boats. ");
	k = node_new(d, NODE_EMPHASIS, 9);
	node_append(k, block(d, NODE_CREDIT, 9, "nested"));
	node_append(n, k);
	node_append(d->root, n);
	CHECK(check(d) != NULL, "a credit inside an emphasis is caught");
	doc_free(d);

	d = sample();
	n = lead_para(d, 10);
	k = node_new(d, NODE_LEAD_IN, 10);
	node_append(k, block(d, NODE_EMPHASIS, 10, "WITH"));
	node_unlink(n->first->first);
	node_insert_ordered(n->first, k);
	node_append(d->root, n);
	CHECK(check(d) != NULL, "a lead-in holding more than text is "
	    "caught");
	doc_free(d);

	d = sample();
	n = lead_para(d, 10);
	k = n->first->first;
	node_unlink(k);
	node_append(n->first, k);
	node_append(d->root, n);
	CHECK(check(d) != NULL, "a lead-in that does not open its "
	    "paragraph is caught");
	doc_free(d);

	d = sample();
	n = lead_para(d, 10);
	node_append(n, node_new_text(d, " ", 1, 10));
	node_append(n, lead_para(d, 10)->first);
	n->last->parent = n;
	node_append(d->root, n);
	CHECK(check(d) != NULL, "a lead-in in a second sentence is caught");
	doc_free(d);

	d = sample();
	n = block(d, NODE_HEADING, 10, NULL);
	n->u.level = 2;
	node_append(n, lead_para(d, 10)->first);
	node_append(d->root, n);
	CHECK(check(d) != NULL, "a lead-in in a heading is caught");
	doc_free(d);

	d = sample();
	n = node_new(d, NODE_PARAGRAPH, 10);
	node_append(n, node_new_text(d, "loose", 5, 10));
	node_append(d->root, n);
	CHECK(check(d) != NULL, "a paragraph without a sentence is caught");
	node_append(n, block(d, NODE_PARAGRAPH, 10, "One.")->first);
	CHECK(check(d) != NULL, "text outside the sentences is caught");
	doc_free(d);

	d = sample();
	n = block(d, NODE_PARAGRAPH, 10, "Outer.");
	node_append(n->first, block(d, NODE_PARAGRAPH, 10, "Inner.")->first);
	node_append(d->root, n);
	CHECK(check(d) != NULL, "a sentence in a sentence is caught");
	doc_free(d);

	d = sample();
	node_append(d->root, block(d, NODE_PARAGRAPH, 10, "Last."));
	check(d);
	d->root->last->first->u.sid = 2;
	CHECK(tree_check(d) != NULL, "sentence ids out of order are caught");
	doc_free(d);

	d = sample();
	n = block(d, NODE_PARAGRAPH, 10, "a \xef\xbf\xbf noncharacter");
	node_append(d->root, n);
	CHECK(check(d) != NULL, "a noncharacter in text is caught");
	doc_free(d);

	d = sample();
	n = block(d, NODE_PARAGRAPH, 10, "a \xc2\x85 C1 control");
	node_append(d->root, n);
	CHECK(check(d) != NULL, "a C1 control in text is caught");
	doc_free(d);

	d = sample();
	n = node_new(d, NODE_PARAGRAPH, 10);
	k = block(d, NODE_LINK, 10, "here");
	k->u.href = "http://x/\n";
	node_append(n, k);
	node_append(d->root, n);
	CHECK(check(d) != NULL, "a link with a newline in its href is "
	    "caught");
	doc_free(d);

	d = sample();
	d->meta.subtitle = "two\nlines";
	CHECK(check(d) != NULL, "a subtitle with a newline is caught");
	d->meta.subtitle = NULL;
	d->meta.date = "";
	CHECK(check(d) != NULL, "an empty date is caught");
	d->meta.date = NULL;
	d->meta.source = "\xff";
	CHECK(check(d) != NULL, "a source that is not UTF-8 is caught");
	d->meta.source = NULL;
	d->meta.language = "en us";
	CHECK(check(d) != NULL, "a language tag with a space is caught");
	d->meta.language = "en-";
	CHECK(check(d) != NULL, "a language tag ending in - is caught");
	d->meta.language = "pt-BR";
	CHECK(check(d) == NULL, "pt-BR is a language tag");
	doc_free(d);
}

int
main(void)
{
	struct doc	*d;
	struct node	*n;
	struct buf	 b = { 0 };

	harness_plan(36);
	d = sample();
	CHECK(check(d) == NULL, "a well-formed tree passes");
	CHECK_STR(d->name, "article", "document name from the path");
	tree_walk(d->root, record, &b);
	CHECK_STR(b.data, "+document +paragraph +sentence +text -text "
	    "-sentence -paragraph +list -list +thematic-break "
	    "-thematic-break -document ",
	    "walk order, with a skipped list");
	buf_free(&b);
	CHECK_STR(node_text(d, d->root), "One.ab", "node_text");

	n = block(d, NODE_ITEM, 9, "stray");
	node_append(d->root, n);
	CHECK(check(d) != NULL, "an item outside a list is caught");
	node_unlink(n);
	CHECK(check(d) == NULL, "unlinked again: valid");

	n = block(d, NODE_PARAGRAPH, 1, "early");
	node_append(d->root, n);
	CHECK(check(d) != NULL, "blocks out of line order are caught");
	node_unlink(n);

	node_insert_ordered(d->root, n);
	CHECK(d->root->first == n && check(d) == NULL,
	    "node_insert_ordered keeps line order");
	node_unlink(n);

	n = node_new(d, NODE_PARAGRAPH, 10);
	node_append(d->root, n);
	CHECK(check(d) != NULL, "an empty paragraph is caught");
	node_unlink(n);

	n = block(d, NODE_HEADING, 10, "Head");
	n->u.level = 1;
	node_append(d->root, n);
	CHECK(check(d) != NULL, "heading level 1 is caught");
	n->u.level = 2;
	CHECK(check(d) == NULL, "heading level 2 is fine");
	node_unlink(n);

	n = block(d, NODE_PARAGRAPH, 11, "bad\x01text");
	node_append(d->root, n);
	CHECK(check(d) != NULL, "control character in text is caught");
	node_unlink(n);

	n = block(d, NODE_PARAGRAPH, 11, "ok");
	node_append(n, block(d, NODE_CREDIT, 11, "credit"));
	node_append(d->root, n);
	CHECK(check(d) != NULL, "credit outside a caption is caught");
	node_unlink(n);

	d->root->last->prev = NULL;
	CHECK(check(d) != NULL, "broken sibling links are caught");
	doc_free(d);

	d = sample();
	d->meta.title = NULL;
	CHECK(check(d) != NULL, "missing title is caught");
	doc_free(d);
	doc_free(NULL);

	broken_rules();
	return harness_done();
}
