/* SPDX-License-Identifier: ISC */
#ifndef LAYOUT_H
#define LAYOUT_H

#include "common.h"

struct buf;

/*
 * The paged layout every paged format shares (large print and braille):
 * blocks of lines filled to a device's width (wrap.c), cut into
 * pages that keep a heading with what follows and leave no paragraph's
 * line alone at a page's foot or head, then written out with the
 * device's page furniture.  It knows no nodes: a writer turns the tree
 * into blocks, with its own labels and marks.
 *
 * A device is measured in cells: display columns (text.c), which for
 * Braille ASCII, one character a cell, are the cells of a braille line.
 */
enum page_number {
	PAGE_NUMBER_BOTTOM,	/* the last line (a blank line before it,
				   if apart) */
	PAGE_NUMBER_TOP,	/* the first line (a blank line after it,
				   if apart) */
	PAGE_NUMBER_NONE,
};

struct device {
	unsigned	 width;		/* cells a line */
	unsigned	 page_lines;	/* lines a page, all included; 0: no
					   pages */
	unsigned	 line_spacing;	/* 1, or 2: a blank line after each */
	enum page_number page_number;
	bool		 number_apart;	/* a blank line between the number
					   and the text (print); braille
					   puts none */
	unsigned	 wrap;		/* wrap.h's enum wrap_flags: how
					   lines fill */
	unsigned	 keep_lines;	/* lines a split paragraph leaves on
					   each side of a page break: 2 in
					   print (no widow or orphan), 1 in
					   braille (pages filled) */
	bool		 form_feed;	/* between pages */
	bool		 running_header; /* the first block's first line, cut
					   to a line, atop every page */
	const char	*marker;	/* ends a piece of a broken word */
	const char	*ellipsis;	/* ends a running header cut short */
	/* Append page n of of's number line to out (no newline). */
	void		(*number)(void *arg, size_t n, size_t of,
			    struct buf *out);
	void		*arg;
};

/* A block's place on the page. */
enum block_flags {
	BLOCK_GAP = 1 << 0,	/* a blank line before it (but atop a page) */
	BLOCK_KEEP = 1 << 1,	/* keep with the next block (a heading;
				   a stack of them goes with the start
				   of the first block that is not one) */
	BLOCK_SPLIT = 1 << 2,	/* may go over a page break (a paragraph) */
};

struct layout;
struct lang;

/*
 * A new, empty layout for device dev, of text in language lang (lang.h,
 * or NULL: where lines may break, wrap.h); both borrowed until
 * layout_free().
 */
struct layout	*layout_new(const struct device *dev,
		    const struct lang *lang);

void		 layout_free(struct layout *);

/* Begin a block (enum block_flags). */
void		 layout_block(struct layout *, unsigned flags);

/*
 * Fill len bytes of text (words apart by single spaces) into the current
 * block, the first line after prefix first, the others after rest (a
 * hanging indent, or braille's runovers).
 */
void		 layout_text(struct layout *, const char *text, size_t len,
		    const char *first, const char *rest);

/*
 * Fill len bytes of text into the current block in lines centred on the
 * page, each with at least margin blank cells on either side.
 */
void		 layout_centred(struct layout *, const char *text,
		    size_t len, unsigned margin);

/* Add line s as it is (a rule, a centred mark) to the current block. */
void		 layout_line(struct layout *, const char *s);

/*
 * Add len bytes of s, one line whose spacing matters (of a diagram, a
 * table, code), after prefix, never reflowed: a line wider than the page
 * is cut at grapheme boundaries, each piece but the last ending with the
 * device's marker, and goes on at the prefix on the next lines.
 */
void		 layout_pre(struct layout *, const char *s, size_t len,
		    const char *prefix);

/* The widest line of the current block, in cells. */
size_t		 layout_width(const struct layout *);

/* Whether the current block has no line yet. */
bool		 layout_empty(const struct layout *);

/* Drop the current block (one that got no line). */
void		 layout_drop(struct layout *);

/* Cut the blocks into pages and append them, with furniture, to out. */
void		 layout_render(struct layout *, struct buf *out);

/*
 * Read a profile's page-number value ("bottom", "top", "none") into
 * *out; false if it is none of them.
 */
bool		 layout_page_number(const char *value, enum page_number *out);

/*
 * Whether dev's pages leave room for text (four lines at least); if not,
 * one line on standard error, naming what a page is ("page", "braille
 * page"), and -1.
 */
int		 layout_check(const struct device *dev, const char *what);

/*
 * The lines a page of dev needs besides its text (the number, the
 * running header and the blank lines beside them).
 */
unsigned	 layout_frame_rows(const struct device *dev);

#endif /* LAYOUT_H */
