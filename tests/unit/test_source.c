/* SPDX-License-Identifier: ISC */
/*
 * Input decoding: byte-order marks, UTF-16, UTF-32, the Windows-1252 fallback,
 * line ends, control characters, NFC, and what is not text at all.
 */
#include "common.h"

#include <stdlib.h>

#include "diag.h"
#include "harness.h"
#include "source.h"

/* Decode len bytes; returns the text (caller frees) or NULL. */
static char *
decode(const char *raw, size_t len)
{
	struct source	 src;

	diag_reset("test");
	if (source_decode(raw, len, &src) == -1)
		return NULL;
	return src.text;
}

#define DECODES(raw, want, what, warnings) do {				\
	char *t_ = decode(raw, sizeof(raw) - 1);			\
	CHECK_STR(t_, want, what);					\
	CHECK(diag_warnings() == (warnings), "%s: %u warning(s)",	\
	    what, (unsigned)(warnings));				\
	free(t_);							\
} while (0)

#define REJECTS(raw, what) do {						\
	char *t_ = decode(raw, sizeof(raw) - 1);			\
	CHECK(t_ == NULL && diag_worst() == DIAG_ERROR, "%s", what);	\
	free(t_);							\
} while (0)

int
main(void)
{
	harness_plan(56);
	diag_set_verbosity(-2);
	DECODES("Plain text.\n", "Plain text.\n", "ASCII unchanged", 0);
	DECODES("\xef\xbb\xbfTitle\n", "Title\n", "UTF-8 BOM removed", 0);
	DECODES("a\r\nb\r\n", "a\nb\n", "CRLF", 0);
	DECODES("a\rb\r", "a\nb\n", "CR alone", 0);
	DECODES("no newline", "no newline", "no final newline", 0);
	DECODES("It cost \xa3" "5.\n", "It cost \xc2\xa3" "5.\n",
	    "Latin-1 pound read as Windows-1252", 1);
	DECODES("\x93quoted\x94 \x97 ok\n",
	    "\xe2\x80\x9cquoted\xe2\x80\x9d \xe2\x80\x94 ok\n",
	    "Windows-1252 quotes and dash", 1);
	DECODES("caf\xc3\xa9 and \xe9t\xe9\n",
	    "caf\xc3\xa9 and \xc3\xa9t\xc3\xa9\n",
	    "mixed UTF-8 and Latin-1", 1);
	DECODES("\xff\xfeH\0i\0\n\0", "Hi\n", "UTF-16LE with BOM", 0);
	DECODES("\xfe\xff\0H\0i\0\n", "Hi\n", "UTF-16BE with BOM", 0);
	DECODES("\xff\xfe=\xd8\x00\xde\n\0", "\xf0\x9f\x98\x80\n",
	    "UTF-16 surrogate pair", 0);
	DECODES("\xff\xfe\x00\xd8x\0", "\xef\xbf\xbdx",
	    "UTF-16 lone surrogate replaced", 1);
	DECODES("H\0e\0l\0l\0o\0 \0w\0o\0r\0l\0d\0\n\0", "Hello world\n",
	    "UTF-16LE guessed without BOM", 1);
	DECODES("cafe\xcc\x81\n", "caf\xc3\xa9\n", "NFC", 0);
	DECODES("one\x01 two three four five\x1b six\n",
	    "one two three four five six\n", "stray controls removed", 1);
	DECODES("page one\n\fpage two\n", "page one\n\npage two\n",
	    "form feed ends a line", 0);
	DECODES("S\0m\0i\0l\0e\0 \0=\xd8\0\xde \0n\0o\0w\0\n\0",
	    "Smile \xf0\x9f\x98\x80 now\n",
	    "UTF-16LE guessed with an emoji", 1);
	DECODES("tab\there\n", "tab\there\n", "tab kept", 0);
	DECODES("a\xef\xbf\xbe b\xef\xbf\xbf c\n", "a b c\n",
	    "U+FFFE and U+FFFF removed", 1);
	DECODES("x\xef\xb7\x90y \xf4\x8f\xbf\xbfz\n", "xy z\n",
	    "U+FDD0 and U+10FFFF removed", 1);
	DECODES("\xfe\xff\xff\xfe\0a", "a", "U+FFFE in UTF-16 removed", 1);
	DECODES("\xff\xfe\0\0H\0\0\0i\0\0\0\n\0\0\0", "Hi\n",
	    "UTF-32LE with BOM", 0);
	DECODES("\0\0\xfe\xff\0\0\0H\0\x01\xf6\0\0\0\0\n",
	    "H\xf0\x9f\x98\x80\n", "UTF-32BE with BOM, beyond the BMP", 0);
	DECODES("\xff\xfe\0\0a\0\0\0\0\0\x11\0b\0\0\0",
	    "a\xef\xbf\xbd" "b", "UTF-32 above U+10FFFF replaced", 1);
	DECODES("\xff\xfe\0\0a\0\0\0b\0", "a\xef\xbf\xbd",
	    "UTF-32 cut short", 1);

	REJECTS("", "empty file");
	REJECTS("\xef\xbb\xbf", "only a BOM");
	REJECTS("  \n\t\n \xc2\xa0\n", "only white space");
	REJECTS("text\0with NUL\n", "NUL byte");
	REJECTS("\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f ab\n",
	    "mostly control characters");
	REJECTS("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "PNG header");
	return harness_done();
}
