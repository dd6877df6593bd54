/* SPDX-License-Identifier: ISC */
#include "common.h"

#include <string.h>

#include "buf.h"
#include "labels.h"
#include "lang.h"
#include "tree.h"

/* Each label's key in the language files ("label.photo-caption"). */
static const char *const keys[LABEL__MAX] = {
	"contents",		/* LABEL_CONTENTS */
	"landmarks",		/* LABEL_LANDMARKS */
	"article",		/* LABEL_ARTICLE */
	"photo-caption",	/* LABEL_PHOTO */
	"credit",		/* LABEL_CREDIT */
	"by",			/* LABEL_BY */
	"and",			/* LABEL_AND */
	"page",			/* LABEL_PAGE */
	"of",			/* LABEL_OF */
	"quote",		/* LABEL_QUOTE */
	"end-quote",		/* LABEL_END_QUOTE */
	"photo-credit",		/* LABEL_PHOTO_CREDIT */
	"licence",		/* LABEL_LICENCE */
	"signature",		/* LABEL_SIGNATURE */
	"preformatted",		/* LABEL_PRE_TEXT */
	"diagram",		/* LABEL_DIAGRAM */
	"code",			/* LABEL_CODE */
	"data",			/* LABEL_DATA */
	"line",			/* LABEL_LINE */
	"lines",		/* LABEL_LINES */
};

struct label_text
label_get(const char *lang, enum label which)
{
	struct label_text	 t;
	const struct lang	*l = lang_get(lang);

	if ((t.text = lang_label(l, keys[which])) == NULL) {
		l = lang_get("en");
		if ((t.text = lang_label(l, keys[which])) == NULL)
			t.text = keys[which];	/* data missing: the key */
	}
	t.lang = lang_tag(l);
	return t;
}

void
label_byline(const char *lang, const char *const *names, size_t n,
    struct buf *out)
{
	struct label_text by = label_get(lang, LABEL_BY);
	struct label_text and = label_get(lang, LABEL_AND);
	size_t		 i;

	buf_printf(out, "%s ", by.text);
	for (i = 0; i < n; i++) {
		if (i > 0 && i + 1 == n)
			buf_printf(out, " %s ", and.text);
		else if (i > 0)
			buf_puts(out, ", ");
		buf_puts(out, names[i]);
	}
}

const char *
label_preformatted(const char *lang, int kind, size_t lines, struct buf *out)
{
	static const enum label names[PRE__MAX] = {
		LABEL_PRE_TEXT,		/* PRE_TEXT */
		LABEL_DIAGRAM,		/* PRE_DIAGRAM */
		LABEL_CODE,		/* PRE_CODE */
		LABEL_DATA,		/* PRE_DATA */
	};
	struct label_text name, unit;

	name = label_get(lang, names[kind >= 0 && kind < PRE__MAX ? kind :
	    PRE_TEXT]);
	/* One language for the whole phrase. */
	unit = label_get(name.lang, lines == 1 ? LABEL_LINE : LABEL_LINES);
	buf_printf(out, "%s, %zu %s", name.text, lines, unit.text);
	return name.lang;
}

enum label
label_back_matter(int kind)
{
	return kind == BACK_SIGNATURE ? LABEL_SIGNATURE : LABEL_LICENCE;
}
