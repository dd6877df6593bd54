/* SPDX-License-Identifier: ISC */
/*
 * libFuzzer target: documents no reader would make, built from the bytes
 * node by node (headings of one odd character, a caption's credit that
 * is only invisible characters, a word of thousands of letters, numbers,
 * abbreviations, scripts and emoji), with metadata from the bytes too,
 * then sentence marking, the speech step with its chapters, the ID3 tag
 * on made-up timings, and every writer (the audio ones on silence).  The
 * speech step and the tag are held to what players and lector assume:
 * every utterance in a chapter, every chapter name within 80 columns,
 * every ID3 frame within the tag and every chapter's title sub-frame
 * small enough for FFmpeg.  Run with
 *	build-fuzz/fuzz_tree tests/fuzz/tree
 */
#include "common.h"

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "lib.h"
#include "meta.h"
#include "sentence.h"
#include "tree.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* What words are made of: one byte picks one. */
static const char *const tokens[] = {
	"the", "word", "Dr.", "U.S.", "3", "1,000", "2026", "14", "March",
	"%", "\xc2\xa3" "5", "\xe2\x80\x94", "\xe2\x80\xa6", ".", "!", "?",
	",", ";", ":", "\"", "\xe2\x80\x9c", "\xe2\x80\x9d", "(", ")", "'",
	"caf\xc3\xa9", "e\xcc\x81", "\xe4\xb8\xad\xe6\x96\x87",
	"\xd9\x85\xd8\xb1\xd8\xad\xd8\xa8\xd8\xa7", "\xf0\x9f\x98\x80",
	"\xf0\x9f\x87\xac\xf0\x9f\x87\xa7", "A", "B", "BBC", "No.", "vs.",
	"e.g.", "St.", "Mr", "10:30", "3.5", "-", "&", "#", "@", "http",
	"www.example.com", "a", "I", "x", "\xc2\xad", "\xe2\x80\x8b",
	"\xef\xbb\xbf", "\xe2\x80\x8d", "1st", "2nd", "km", "\xc2\xb0" "C",
	"$", "\xe2\x82\xac", "one", "Two", "THREE",
};

/* The bytes, read as they are used; zeros once they run out. */
struct in {
	const uint8_t	*p;
	size_t		 left;
};

static unsigned
byte(struct in *in)
{
	if (in->left == 0)
		return 0;
	in->left--;
	return *in->p++;
}

/*
 * Text of up to n tokens, spaced as the bytes say; one token may be a
 * run of letters thousands long.  Never empty.
 */
static void
text(struct in *in, struct buf *b, unsigned n)
{
	unsigned	 i, k, t;

	buf_reset(b);
	for (i = 0; i < n || b->len == 0; i++) {
		t = byte(in);
		if (t == 255) {
			for (k = 0; k < 1000 + byte(in) * 40; k++)
				buf_putc(b, 'w');
		} else
			buf_puts(b, tokens[t % NELEM(tokens)]);
		if (byte(in) % 4 != 0 && i + 1 < n)
			buf_putc(b, ' ');
		if (in->left == 0)
			break;
	}
}

/* Inline content: text, emphasis, strong, links; a lead-in first. */
static void
inlines(struct in *in, struct doc *d, struct node *parent, unsigned line,
    bool lead_in)
{
	struct buf	 b = { 0 };
	struct node	*n, *w;
	unsigned	 i, count = 1 + byte(in) % 4, kind;

	for (i = 0; i < count; i++) {
		kind = byte(in) % 6;
		text(in, &b, 1 + byte(in) % 12);
		n = node_new_text(d, b.data, b.len, line);
		if (i == 0 && lead_in && kind == 0) {
			w = node_new(d, NODE_LEAD_IN, line);
			node_append(w, n);
			n = w;
		} else if (kind == 1 || kind == 2) {
			w = node_new(d, kind == 1 ? NODE_EMPHASIS : NODE_STRONG,
			    line);
			node_append(w, n);
			n = w;
		} else if (kind == 3) {
			w = node_new(d, NODE_LINK, line);
			w->u.href = arena_strdup(d->arena,
			    "https://example.com/a?b=c&d");
			node_append(w, n);
			n = w;
		}
		node_append(parent, n);
		if (i + 1 < count)
			node_append(parent, node_new_text(d, " ", 1, line));
	}
	buf_free(&b);
}

/*
 * A preformatted block of a kind the bytes choose: lines of text, some
 * of them blank inside, wider than any page now and then.
 */
static struct node *
preformatted(struct in *in, struct doc *d, unsigned line)
{
	struct buf	 b = { 0 }, all = { 0 };
	struct node	*n;
	unsigned	 i, count = 1 + byte(in) % 8;

	n = node_new(d, NODE_PREFORMATTED, line);
	n->u.pre = (enum pre_kind)(byte(in) % PRE__MAX);
	for (i = 0; i < count; i++) {
		if (i > 0)
			buf_putc(&all, '\n');
		if (i > 0 && i + 1 < count && byte(in) % 4 == 0)
			continue;	/* a blank line inside */
		text(in, &b, 1 + byte(in) % 12);
		buf_put(&all, b.data, b.len);
	}
	node_append(n, node_new_text(d, all.data, all.len, line));
	buf_free(&b);
	buf_free(&all);
	return n;
}

/* The body: blocks of every kind, in source order. */
static void
body(struct in *in, struct doc *d)
{
	struct buf	 b = { 0 };
	struct node	*n, *k, *p, *back;
	unsigned	 line = 1, i, count;

	while (in->left > 0) {
		line += 1 + byte(in) % 3;
		switch (byte(in) % 10) {
		case 0:
			n = node_new(d, NODE_HEADING, line);
			n->u.level = 2 + (int)(byte(in) % 5);
			inlines(in, d, n, line, false);
			break;
		case 1:
			/* Words, as every caption the reader makes has. */
			n = node_new(d, NODE_CAPTION, line);
			inlines(in, d, n, line, false);
			if (byte(in) % 2 == 0) {
				text(in, &b, 1 + byte(in) % 4);
				k = node_new(d, NODE_CREDIT, line);
				node_append(k, node_new_text(d, b.data, b.len,
				    line));
				node_append(n, k);
			}
			break;
		case 2:
			n = node_new(d, NODE_BYLINE, line);
			inlines(in, d, n, line, false);
			break;
		case 3:
		case 4:
			n = node_new(d, NODE_BLOCKQUOTE, line);
			count = 1 + byte(in) % 3;
			for (i = 0; i < count; i++) {
				p = node_new(d, NODE_PARAGRAPH, line + i);
				inlines(in, d, p, line + i, false);
				node_append(n, p);
			}
			line += count;
			if (byte(in) % 2 == 0)
				n->type = NODE_LIST;
			if (n->type == NODE_LIST) {
				n->u.list.ordered = byte(in) % 2;
				n->u.list.start = byte(in);
				for (k = n->first; k != NULL; k = k->next)
					k->type = NODE_ITEM;
			}
			break;
		case 5:
			n = node_new(d, NODE_THEMATIC_BREAK, line);
			break;
		case 6:
			n = preformatted(in, d, line);
			break;
		case 7:
			/* A quote in a quote. */
			n = node_new(d, NODE_BLOCKQUOTE, line);
			k = node_new(d, NODE_BLOCKQUOTE, line);
			p = node_new(d, NODE_PARAGRAPH, line);
			inlines(in, d, p, line, false);
			node_append(k, p);
			node_append(n, k);
			p = node_new(d, NODE_PARAGRAPH, ++line);
			inlines(in, d, p, line, false);
			node_append(n, p);
			break;
		default:
			n = node_new(d, NODE_PARAGRAPH, line);
			inlines(in, d, n, line, true);
			break;
		}
		node_append(d->root, n);
		/* Back matter now and then: a wrapper's blocks, from line
		 * 1 on, at the end of the body. */
		if (byte(in) % 16 == 0) {
			back = node_new(d, NODE_BACK_MATTER, 1);
			back->u.back = (enum back_kind)(byte(in) % BACK__MAX);
			p = node_new(d, NODE_PARAGRAPH, 1);
			inlines(in, d, p, 1, false);
			node_append(back, p);
			node_append(back, preformatted(in, d, 2));
			node_append(d->root, back);
			break;
		}
	}
	buf_free(&b);
}

static const char *const languages[] = {
	"en", "es", "fr", "de", "ar", "pt-BR", "en-GB", "zz", "nb", "zh",
};

/* Metadata from the bytes; what a reader found, before meta_settle(). */
static void
metadata(struct in *in, struct doc *d)
{
	struct buf	 b = { 0 };
	unsigned	 f = byte(in);
	static const char *dates[] = {
		"2026-03-14", "14 March 2026", "March 2026", "1 January 1980",
	};

	if (f & 1) {
		text(in, &b, 1 + byte(in) % 30);
		d->meta.headline = arena_strdup(d->arena, b.data);
		d->meta.headline_line = 1;
	}
	if (f & 2) {
		text(in, &b, 1 + byte(in) % 6);
		meta_add_authors(d, b.data, b.len);
	}
	if (f & 4)
		d->meta.date = dates[byte(in) % NELEM(dates)];
	if (f & 8) {
		text(in, &b, 1 + byte(in) % 4);
		d->meta.source = arena_strdup(d->arena, b.data);
	}
	d->meta.language = languages[byte(in) % NELEM(languages)];
	d->meta.language_from = FROM_HEADER;
	buf_free(&b);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct in	 in = { data, size };
	struct doc	*d;

	fuzz_setup();
	diag_set_verbosity(-2);
	diag_reset("fuzz");
	d = doc_new("fuzz.txt");
	metadata(&in, d);
	body(&in, d);
	meta_settle(d, NULL);
	sentence_mark(d);
	meta_title(d);
	fuzz_document(d);
	doc_free(d);
	return 0;
}
