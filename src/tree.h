/* SPDX-License-Identifier: ISC */
#ifndef TREE_H
#define TREE_H

#include "common.h"

#include <time.h>

struct arena;
struct buf;

/*
 * The document tree: built by a reader, settled by input.c, read-only
 * for writers (they get a const struct doc *).  Names follow the `tree`
 * format in DESIGN.md.  Adding a type here makes -Wswitch point at every
 * writer.
 *
 * The blocks that hold text (heading, paragraph, caption, byline, item)
 * hold sentences (sentence.c), each with an id unique in the document,
 * and the spaces between them; the inlines are inside the sentences.  A
 * caption's credit is its last child, after its sentences.
 *
 * A preformatted block is lines whose spacing carries meaning (a diagram,
 * a table, code, encoded data): one text, kept line for line, never
 * reflowed or split into sentences.  Back matter is what the work came
 * wrapped in and a reader still needs (a licence, a mail signature): it
 * only ends the body, after everything else.
 */
/* What a preformatted block holds: how it is announced. */
enum pre_kind {
	PRE_TEXT,		/* aligned text: a table, a form */
	PRE_DIAGRAM,		/* drawn with characters */
	PRE_CODE,		/* a program */
	PRE_DATA,		/* encoded data (uuencode, base64, PGP) */
	PRE__MAX
};

/* What back matter is. */
enum back_kind {
	BACK_LICENCE,		/* the wrapper of an e-book: licence, notes */
	BACK_SIGNATURE,		/* a mail or news signature, after "-- " */
	BACK__MAX
};

enum node_type {
	/* Blocks. */
	NODE_DOCUMENT,		/* the body: the root */
	NODE_HEADING,		/* u.level: 2..6 (the title is level 1) */
	NODE_PARAGRAPH,
	NODE_CAPTION,		/* a photo caption; may hold one NODE_CREDIT */
	NODE_BYLINE,		/* "By ..." as printed */
	NODE_BLOCKQUOTE,	/* holds paragraphs */
	NODE_LIST,		/* u.list; holds items */
	NODE_ITEM,		/* holds inlines */
	NODE_THEMATIC_BREAK,	/* a scene break; no children */
	NODE_PREFORMATTED,	/* u.pre; one text, its lines apart by '\n' */
	NODE_BACK_MATTER,	/* u.back; blocks after the work itself */
	/* Inlines. */
	NODE_TEXT,		/* leaf: text, len */
	NODE_EMPHASIS,
	NODE_STRONG,
	NODE_LEAD_IN,		/* the capitals opening an article */
	NODE_CREDIT,		/* a photo credit, inside a caption */
	NODE_LINK,		/* u.href */
	NODE_SENTENCE,		/* u.sid; what an inline block holds */
	NODE__MAX
};

struct node {
	enum node_type	 type;
	struct node	*parent;
	struct node	*first;		/* first child */
	struct node	*last;		/* last child */
	struct node	*next;		/* next sibling */
	struct node	*prev;		/* previous sibling */
	unsigned	 line;		/* 1-based source line; 0 if made up */
	const char	*lang;		/* a block in another language than
					   the document's: its BCP 47 tag;
					   else NULL */
	const char	*text;		/* NODE_TEXT: UTF-8, NUL-terminated */
	size_t		 len;		/* bytes in text */
	unsigned	 ord;		/* its place among the nodes of its
					   type, from 1 (tree_number()) */
	union {
		int		 level;		/* NODE_HEADING */
		struct {
			bool	 ordered;
			unsigned start;		/* first number if ordered */
		}		 list;		/* NODE_LIST */
		const char	*href;		/* NODE_LINK */
		enum pre_kind	 pre;		/* NODE_PREFORMATTED */
		enum back_kind	 back;		/* NODE_BACK_MATTER */
		unsigned	 sid;		/* NODE_SENTENCE: 1, 2... */
	}		 u;
};

/* Where a piece of metadata came from, for messages and the tree dump. */
enum meta_from {
	FROM_NONE,		/* absent */
	FROM_DEFAULT,		/* lector's default */
	FROM_OPTION,		/* the command line */
	FROM_HEADER,		/* the Key: value header block */
	FROM_TEXT,		/* found in the text: headline, byline... */
	FROM_SENTENCE,		/* made from the body's first sentence */
	FROM_DETECTED,		/* told from the text (detect.h) */
};

/*
 * The article's facts, beside the body (strings arena-owned).  The *_line
 * fields give the source line of what was found in the text, else 0.
 */
struct meta {
	const char	*title;
	enum meta_from	 title_from;
	unsigned	 title_line;
	const char	*subtitle;
	unsigned	 subtitle_line;
	const char	**authors;	/* nauthors names */
	size_t		 nauthors;
	const char	*date;		/* as written */
	unsigned	 date_line;
	const char	*language;	/* BCP 47 tag */
	enum meta_from	 language_from;
	const char	*source;	/* the publication */
	const char	*headline;	/* what a reader took for one, which
					   meta_settle() places; or NULL */
	unsigned	 headline_line;
};

struct doc {
	struct arena	*arena;		/* owns every node and string */
	struct node	*root;		/* NODE_DOCUMENT */
	struct meta	 meta;
	const char	*path;		/* the input as named; arena-owned */
	const char	*name;		/* path's base name without extension */
	time_t		 mtime;		/* the input's, or 0 */
};

/* A new document with an empty body; free with doc_free(). */
struct doc	*doc_new(const char *path);

/* Free the document and everything in it; NULL is allowed. */
void		 doc_free(struct doc *);

/*
 * A new node of the given type from the document's arena, not yet linked
 * in.  Text and href are copied; pass NULL/0 where they do not apply.
 */
struct node	*node_new(struct doc *, enum node_type, unsigned line);
struct node	*node_new_text(struct doc *, const char *s, size_t len,
		    unsigned line);

/* Link child as the last child of parent. */
void		 node_append(struct node *parent, struct node *child);

/*
 * Link child under parent before the first child from a later source
 * line, so that blocks stay in the order of the text.
 */
void		 node_insert_ordered(struct node *parent, struct node *child);

/* Unlink n from its parent and siblings. */
void		 node_unlink(struct node *n);

/* Whether a type is a block (else an inline). */
bool		 node_is_block(enum node_type);

/* Whether a block holds text, in sentences (a paragraph, a heading...). */
bool		 node_holds_text(enum node_type);

/* The type's name in the `tree` vocabulary ("paragraph"...). */
const char	*node_type_name(enum node_type);

/* The names of the kinds in the `tree` vocabulary ("diagram"...). */
const char	*pre_kind_name(enum pre_kind);
const char	*back_kind_name(enum back_kind);

/*
 * Number every node among those of its type, in document order
 * (node.ord), once the tree is finished: what block_id() names them by.
 */
void		 tree_number(struct doc *);

/*
 * The id of node n in every format that points at it (an XHTML element,
 * a media overlay's text, a DAISY navigation point), into buf: a heading
 * "section-2", a caption "figure-1", a block quote "quote-1", a credit
 * "credit-1", a list "list-1", a preformatted block "pre-1", back matter
 * "back-matter-1" (its heading's).  NULL for a node that has none (a
 * sentence's is sentence_id()).
 */
const char	*block_id(const struct node *n, char *buf, size_t sz);

/* The number of lines of a preformatted block's text. */
size_t		 pre_lines(const struct node *);

/* The name of a metadata source ("header"...). */
const char	*meta_from_name(enum meta_from);

enum walk_event {
	WALK_ENTER,
	WALK_LEAVE,
};

enum walk_result {
	WALK_CONTINUE,
	WALK_SKIP,		/* on ENTER: do not visit the children */
	WALK_STOP,		/* end the walk */
};

typedef enum walk_result (*walk_fn)(const struct node *, enum walk_event,
    void *);

/*
 * Visit n and its descendants in document order, calling fn on entering
 * and leaving each node (leaves get both).  Returns -1 if fn stopped the
 * walk, else 0.  Iterative: the depth of the tree does not matter.
 */
int		 tree_walk(const struct node *n, walk_fn fn, void *arg);

/*
 * Check the invariants of a document, which every writer may take for
 * granted: links agree; every node may hold its children (a lead-in only
 * opens a paragraph, a credit only ends a caption, and each holds one
 * text); text is non-empty, well-formed UTF-8 without control characters
 * or noncharacters (text_is_clean()), but a preformatted block's one
 * text, clean lines apart by newlines; headings are level 2..6; a link
 * has an href; a language is only on a block, and a tag; back matter only
 * ends the body; lines never go backwards (back matter's run from its
 * own); the metadata has a title and a
 * language tag, and all its strings are clean text.  Returns NULL if all
 * hold, else a static message naming the first broken one.
 */
const char	*tree_check(const struct doc *);

/* How tree_text() renders inlines that are more than text. */
enum tree_text_flags {
	TT_PLAIN = 0,
	TT_LEAD_IN_CASE = 1 << 0,	/* a lead-in in sentence case */
	TT_NO_CREDIT = 1 << 1,		/* leave a caption's credit out */
	TT_LINK_HREF = 1 << 2,		/* " (href)" after a link whose text
					   is not its address */
};

/*
 * Append the text of the inlines under n (n's children on down, in
 * order) to out, as flags say: the one place writers get a block's text.
 */
void		 tree_text(const struct node *n, unsigned flags,
		    struct buf *out);

/* What tree_text_marked() marks each byte of text with. */
enum tree_text_marks {
	TM_EMPHASIS = 1 << 0,	/* inside emphasis (italics) */
	TM_STRONG = 1 << 1,	/* inside strong emphasis (bold) */
};

/*
 * As tree_text(), and keep marks one byte (enum tree_text_marks) for each
 * byte of out, what out held before marked 0: for braille, whose codes
 * show emphasis with indicators of their own.
 */
void		 tree_text_marked(const struct node *n, unsigned flags,
		    struct buf *out, struct buf *marks);

/*
 * Concatenate the text of n's descendants (inlines only) into a new
 * arena-owned string, in order.
 */
char		*node_text(struct doc *, const struct node *n);

#endif /* TREE_H */
