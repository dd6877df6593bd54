/* SPDX-License-Identifier: ISC */
/*
 * The sentence pass: each block of text holds its sentences, numbered
 * through the document, with the inlines cut where a sentence ends.
 */
#include "common.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "harness.h"
#include "input.h"
#include "tree.h"

/*
 * The sentences of the first block of text as "s1[It rained.] s2[...]",
 * inlines in angle brackets: "s3[<emphasis>It rained.</emphasis>]".
 */
static void
show(struct buf *b, const struct node *n)
{
	const struct node *k;

	for (k = n->first; k != NULL; k = k->next) {
		switch (k->type) {
		case NODE_TEXT:
			buf_put(b, k->text, k->len);
			break;
		case NODE_SENTENCE:
			buf_printf(b, "s%u[", k->u.sid);
			show(b, k);
			buf_putc(b, ']');
			break;
		default:
			buf_printf(b, "<%s>", node_type_name(k->type));
			show(b, k);
			buf_printf(b, "</%s>", node_type_name(k->type));
			break;
		}
	}
}

/* Read text; its block n (0: the first) must show as want. */
static void
sentences(const char *what, const char *text, int n, const char *want)
{
	struct doc	*d;
	struct node	*k;
	struct buf	 b = { 0 };
	const char	*broken;

	diag_reset("test");
	d = input_text(text, strlen(text), "test.txt", NULL);
	broken = tree_check(d);
	CHECK(broken == NULL, "%s: a valid tree%s%s", what,
	    broken ? ": " : "", broken ? broken : "");
	for (k = d->root->first; k != NULL && n-- > 0; k = k->next)
		continue;
	if (k != NULL && (k->type == NODE_LIST || k->type == NODE_BLOCKQUOTE))
		k = k->first;
	if (k != NULL)
		show(&b, k);
	CHECK_STR(b.data, want, what);
	buf_free(&b);
	doc_free(d);
}

int
main(void)
{
	harness_plan(28);
	diag_set_verbosity(-2);
	sentences("two sentences, the space between",
	    "Title: T\n\nIt rained. It poured.\n", 0,
	    "s1[It rained.] s2[It poured.]");
	sentences("an emphasis over a sentence's end is cut in two",
	    "Title: T\n\n*It rained. It poured.* Then sun.\n", 0,
	    "s1[<emphasis>It rained.</emphasis>] "
	    "s2[<emphasis>It poured.</emphasis>] s3[Then sun.]");
	sentences("ids go on through the document",
	    "Title: T\n\nOne. Two.\n\nThree.\n", 1, "s3[Three.]");
	sentences("a lead-in opens the first sentence",
	    "Title: T\n\nWITH EACH passing day it grew. Then it fell.\n", 0,
	    "s1[<lead-in>WITH EACH</lead-in> passing day it grew.] "
	    "s2[Then it fell.]");
	sentences("a link's full stops end nothing",
	    "Title: T\n\nSee http://a.example/x. Y.z today. Fine.\n", 0,
	    "s1[See <link>http://a.example/x</link>. Y.z today.] s2[Fine.]");
	sentences("no sentence ends inside a lead-in",
	    "Title: T\n\nIT WAS NO. THE PLAN failed. Then more.\n", 0,
	    "s1[<lead-in>IT WAS NO. THE PLAN</lead-in> failed.] "
	    "s2[Then more.]");
	sentences("abbreviations do not end one",
	    "Title: T\n\nMr. Li met Dr. Ruiz. They spoke.\n", 0,
	    "s1[Mr. Li met Dr. Ruiz.] s2[They spoke.]");
	sentences("a caption's credit stays outside its sentences",
	    "Boats wait at the quay in the rain. Crews wait too. "
	    "(Ann Lee/Agency Images)\n\nText.\n", 0,
	    "s1[Boats wait at the quay in the rain.] s2[Crews wait too.] "
	    "<credit>Ann Lee/Agency Images</credit>");
	sentences("a list item's sentences",
	    "Title: T\n\n- Bring water. Bring food.\n- And a map\n", 0,
	    "s1[Bring water.] s2[Bring food.]");
	sentences("a heading is a sentence",
	    "Title: T\n\nIntro.\n\nWhat Happened\n\nText.\n", 1,
	    "s2[What Happened]");
	sentences("an Arabic question mark, a full stop before Arabic",
	    "Title: T\nLanguage: ar\n\n"
	    "\xd9\x87\xd9\x84 \xd9\x8a\xd8\xb9\xd9\x88\xd8\xaf\xd8\x9f "
	    "\xd9\x82\xd8\xa7\xd9\x84 \xd9\x86\xd8\xb9\xd9\x85. "
	    "\xd9\x88\xd8\xa3\xd8\xb6\xd8\xa7\xd9\x81.\n", 0,
	    "s1[\xd9\x87\xd9\x84 \xd9\x8a\xd8\xb9\xd9\x88\xd8\xaf\xd8\x9f] "
	    "s2[\xd9\x82\xd8\xa7\xd9\x84 \xd9\x86\xd8\xb9\xd9\x85.] "
	    "s3[\xd9\x88\xd8\xa3\xd8\xb6\xd8\xa7\xd9\x81.]");
	sentences("Chinese sentences end at the ideographic full stop",
	    "Title: T\nLanguage: zh\n\n"
	    "\xe4\xbb\x8a\xe5\xa4\xa9\xe4\xb8\x8b\xe9\x9b\xa8\xe3\x80\x82"
	    "\xe4\xbd\xa0\xe5\x91\xa2\xef\xbc\x9f\n", 0,
	    "s1[\xe4\xbb\x8a\xe5\xa4\xa9\xe4\xb8\x8b\xe9\x9b\xa8\xe3\x80\x82]"
	    "s2[\xe4\xbd\xa0\xe5\x91\xa2\xef\xbc\x9f]");
	sentences("a quote's paragraphs",
	    "Title: T\n\n> One. Two.\n", 0, "s1[One.] s2[Two.]");
	sentences("Spanish abbreviations in a Spanish article",
	    "Title: T\nLanguage: es\n\nLa Sra. Ruiz vino. Luego se fue.\n", 0,
	    "s1[La Sra. Ruiz vino.] s2[Luego se fue.]");
	return harness_done();
}
