/* SPDX-License-Identifier: ISC */
#include "common.h"

#include "buf.h"
#include "utf8.h"

size_t
utf8_decode(const char *str, size_t len, int32_t *cp)
{
	const unsigned char	*s = (const unsigned char *)str;
	size_t			 n, i;
	int32_t			 c, min;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		n = 2;
		c = s[0] & 0x1f;
		min = 0x80;
	} else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		n = 3;
		c = s[0] & 0x0f;
		min = 0x800;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		n = 4;
		c = s[0] & 0x07;
		min = 0x10000;
	} else
		return 0;
	if (len < n)
		return 0;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return n;
}

size_t
utf8_next(const char *s, size_t len, int32_t *cp)
{
	size_t	 n;

	if ((n = utf8_decode(s, len, cp)) == 0) {
		*cp = 0xfffd;
		n = 1;
	}
	return n;
}

void
utf8_put(struct buf *b, int32_t cp)
{
	char	 out[4];
	size_t	 n;

	if (cp < 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		cp = 0xfffd;
	if (cp < 0x80) {
		out[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		out[0] = (char)(0xc0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3f));
		n = 2;
	} else if (cp < 0x10000) {
		out[0] = (char)(0xe0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		out[2] = (char)(0x80 | (cp & 0x3f));
		n = 3;
	} else {
		out[0] = (char)(0xf0 | (cp >> 18));
		out[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
		out[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
		out[3] = (char)(0x80 | (cp & 0x3f));
		n = 4;
	}
	buf_put(b, out, n);
}

bool
utf8_valid(const char *s, size_t len)
{
	size_t	 i, n;
	int32_t	 cp;

	for (i = 0; i < len; i += n)
		if ((n = utf8_decode(s + i, len - i, &cp)) == 0)
			return false;
	return true;
}

/* Whether cp is a control character or a bidirectional control. */
static bool
is_control(int32_t cp)
{
	return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) ||
	    cp == 0x061c || cp == 0x200e || cp == 0x200f ||
	    (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
}

void
utf8_escape(struct buf *b, const char *s, size_t len, int flags)
{
	size_t	 i, n;
	int32_t	 cp;

	for (i = 0; i < len; i += n) {
		if ((n = utf8_decode(s + i, len - i, &cp)) == 0) {
			buf_printf(b, "\\x%02X", (unsigned char)s[i]);
			n = 1;
		} else if (cp == '\\' && (flags & ESC_BACKSLASH))
			buf_puts(b, "\\\\");
		else if (!(flags & ESC_CONTROLS) || !is_control(cp))
			buf_put(b, s + i, n);
		else if (cp == '\n')
			buf_puts(b, "\\n");
		else if (cp == '\t')
			buf_puts(b, "\\t");
		else if (cp == '\r')
			buf_puts(b, "\\r");
		else if (cp < 0x80)
			buf_printf(b, "\\x%02X", (unsigned)cp);
		else
			buf_printf(b, "\\u%04X", (unsigned)cp);
	}
}
