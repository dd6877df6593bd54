/* SPDX-License-Identifier: ISC */
#include "common.h"

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "diag.h"
#include "source.h"
#include "text.h"
#include "utf8.h"
#include "xalloc.h"

/*
 * Windows-1252 for the bytes 0x80 to 0x9f; the rest of the range is
 * Latin-1.  The five bytes Windows-1252 leaves undefined become U+FFFD.
 */
static const uint16_t cp1252[32] = {
	0x20ac, 0xfffd, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
	0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0xfffd, 0x017d, 0xfffd,
	0xfffd, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
	0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0xfffd, 0x017e, 0x0178,
};

enum utf16 {
	UTF16_NONE,
	UTF16_LE,
	UTF16_BE,
	UTF32_LE,	/* only with a byte-order mark */
	UTF32_BE,
};

/* Line number (1-based) of byte off in s. */
static unsigned
line_of(const char *s, size_t off)
{
	unsigned	 line = 1;
	size_t		 i;

	for (i = 0; i < off; i++)
		if (s[i] == '\n' || (s[i] == '\r' &&
		    (i + 1 == off || s[i + 1] != '\n')))
			line++;
	return line;
}

/*
 * Guess UTF-16 without a byte-order mark: text that is mostly ASCII has a
 * zero in nearly every other byte, and almost never in the others.
 */
static enum utf16
guess_utf16(const unsigned char *s, size_t len)
{
	size_t	 i, zero[2] = { 0, 0 };

	if (len < 4 || len % 2 != 0)
		return UTF16_NONE;
	for (i = 0; i < len; i++)
		if (s[i] == 0)
			zero[i % 2]++;
	/* Most high bytes zero, few low ones (an emoji's surrogates have
	 * one). */
	if (zero[1] * 10 >= len / 2 * 4 && zero[0] * 10 < len / 2)
		return UTF16_LE;
	if (zero[0] * 10 >= len / 2 * 4 && zero[1] * 10 < len / 2)
		return UTF16_BE;
	return UTF16_NONE;
}

/* The code unit of order's size at s. */
static uint32_t
unit_at(const unsigned char *s, enum utf16 order)
{
	switch (order) {
	case UTF16_LE:
		return (uint32_t)s[0] | (uint32_t)s[1] << 8;
	case UTF16_BE:
		return (uint32_t)s[0] << 8 | s[1];
	case UTF32_LE:
		return (uint32_t)s[0] | (uint32_t)s[1] << 8 |
		    (uint32_t)s[2] << 16 | (uint32_t)s[3] << 24;
	case UTF32_BE:
		return (uint32_t)s[0] << 24 | (uint32_t)s[1] << 16 |
		    (uint32_t)s[2] << 8 | s[3];
	case UTF16_NONE:
		break;
	}
	return 0xfffd;
}

/*
 * Convert UTF-16 or UTF-32 to UTF-8 in *out.  Unpaired surrogates and
 * values above U+10FFFF become U+FFFD and are counted in the return
 * value; so is a final part of a code unit.
 */
static size_t
from_wide(const unsigned char *s, size_t len, enum utf16 order,
    struct buf *out)
{
	size_t		 i, bad = 0, w;
	uint32_t	 u, lo;

	w = order == UTF32_LE || order == UTF32_BE ? 4 : 2;
	for (i = 0; i + w <= len; i += w) {
		u = unit_at(s + i, order);
		if (w == 2 && u >= 0xd800 && u <= 0xdbff && i + 4 <= len) {
			lo = unit_at(s + i + 2, order);
			if (lo >= 0xdc00 && lo <= 0xdfff) {
				u = 0x10000 + ((u - 0xd800) << 10) +
				    (lo - 0xdc00);
				i += 2;
			}
		}
		if (u > 0x10ffff || (u >= 0xd800 && u <= 0xdfff)) {
			u = 0xfffd;
			bad++;
		}
		utf8_put(out, (int32_t)u);
	}
	if (i < len) {
		utf8_put(out, 0xfffd);
		bad++;
	}
	return bad;
}

/* Control characters that are neither white space nor line structure. */
static bool
is_stray_control(int32_t cp)
{
	return (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r' &&
	    cp != '\f' && cp != '\v') || cp == 0x7f ||
	    (cp >= 0x80 && cp <= 0x9f);
}

int
source_decode(const char *raw, size_t len, struct source *out)
{
	const unsigned char	*s = (const unsigned char *)raw;
	struct buf		 wide = { 0 }, b = { 0 };
	enum utf16		 order = UTF16_NONE;
	size_t			 i, n, bad, ncp = 0, nctl = 0, nguess = 0;
	size_t			 first_guess = 0, first_ctl = 0, nul;
	size_t			 nnon = 0, first_non = 0;
	int32_t			 cp;
	bool			 guessed_order = false, any_text = false;
	bool			 wide_32;

	out->text = NULL;
	out->len = 0;
	if (len == 0) {
		diag(DIAG_ERROR, 0, "empty file: there is no text to convert");
		return -1;
	}

	/* Byte-order marks (UTF-32's first), then UTF-16 without one. */
	if (len >= 3 && s[0] == 0xef && s[1] == 0xbb && s[2] == 0xbf) {
		s += 3;
		len -= 3;
	} else if (len >= 4 && s[0] == 0xff && s[1] == 0xfe && s[2] == 0 &&
	    s[3] == 0) {
		order = UTF32_LE;
		s += 4;
		len -= 4;
	} else if (len >= 4 && s[0] == 0 && s[1] == 0 && s[2] == 0xfe &&
	    s[3] == 0xff) {
		order = UTF32_BE;
		s += 4;
		len -= 4;
	} else if (len >= 2 && s[0] == 0xff && s[1] == 0xfe) {
		order = UTF16_LE;
		s += 2;
		len -= 2;
	} else if (len >= 2 && s[0] == 0xfe && s[1] == 0xff) {
		order = UTF16_BE;
		s += 2;
		len -= 2;
	} else if ((order = guess_utf16(s, len)) != UTF16_NONE)
		guessed_order = true;

	if (order != UTF16_NONE) {
		wide_32 = order == UTF32_LE || order == UTF32_BE;
		bad = from_wide(s, len, order, &wide);
		if (guessed_order)
			diag(DIAG_WARN, 0, "no byte-order mark: read as "
			    "UTF-16%s from the pattern of zero bytes",
			    order == UTF16_LE ? "LE" : "BE");
		if (bad > 0)
			diag(DIAG_WARN, 0, "%zu malformed UTF-%d code "
			    "unit%s replaced by U+FFFD", bad,
			    wide_32 ? 32 : 16, bad == 1 ? "" : "s");
		s = (const unsigned char *)(wide.data ? wide.data : "");
		len = wide.len;
	}

	/* NUL bytes never occur in text: this is a binary file. */
	if ((nul = strnlen((const char *)s, len)) < len) {
		diag(DIAG_ERROR, line_of((const char *)s, nul),
		    "not a text file: it contains NUL bytes");
		buf_free(&wide);
		return -1;
	}

	/*
	 * UTF-8 with a Windows-1252 fallback for what is not well formed,
	 * line ends made LF, stray control characters dropped.
	 */
	buf_grow(&b, len);
	for (i = 0; i < len; i += n) {
		/* Printable ASCII, spaces and LF: copied as a run. */
		for (n = 0; i + n < len && ((s[i + n] >= 0x20 &&
		    s[i + n] < 0x7f) || s[i + n] == '\n' || s[i + n] == '\t');
		    n++)
			if (s[i + n] > 0x20)
				any_text = true;
		if (n > 0) {
			buf_put(&b, s + i, n);
			ncp += n;
			continue;
		}
		if ((n = utf8_decode((const char *)s + i, len - i, &cp)) == 0) {
			cp = s[i] >= 0x80 && s[i] <= 0x9f ?
			    cp1252[s[i] - 0x80] : s[i];
			n = 1;
			if (nguess++ == 0)
				first_guess = i;
		}
		ncp++;
		if (cp == '\r') {
			if (i + 1 < len && s[i + 1] == '\n')
				continue;
			cp = '\n';
		} else if (cp == '\f' || cp == '\v') {
			/* A page break ends the line; alone on its line, it
			 * leaves a blank one, which separates blocks. */
			cp = '\n';
		} else if (is_stray_control(cp)) {
			if (nctl++ == 0)
				first_ctl = i;
			continue;
		} else if (text_is_nonchar(cp)) {
			/* Not text, and U+FFFE/U+FFFF are not XML. */
			if (nnon++ == 0)
				first_non = i;
			continue;
		}
		if (cp != '\n' && !text_is_space(cp) && cp != 0xfeff)
			any_text = true;
		utf8_put(&b, cp);
	}

	if (nctl * 10 > ncp) {
		diag(DIAG_ERROR, 0, "not a text file: %zu of its %zu "
		    "characters are control characters", nctl, ncp);
		goto fail;
	}
	if (!any_text) {
		diag(DIAG_ERROR, 0, "empty file: it holds only white space");
		goto fail;
	}
	if (nguess > 0)
		diag(DIAG_WARN, line_of((const char *)s, first_guess),
		    "%zu byte%s not valid UTF-8, read as Windows-1252",
		    nguess, nguess == 1 ? "" : "s");
	if (nctl > 0)
		diag(DIAG_WARN, line_of((const char *)s, first_ctl),
		    "%zu control character%s removed", nctl,
		    nctl == 1 ? "" : "s");
	if (nnon > 0)
		diag(DIAG_WARN, line_of((const char *)s, first_non),
		    "%zu noncharacter%s (such as U+FFFF) removed", nnon,
		    nnon == 1 ? "" : "s");

	out->text = text_nfc(b.data, b.len, &out->len);
	buf_free(&b);
	buf_free(&wide);
	return 0;
fail:
	buf_free(&b);
	buf_free(&wide);
	return -1;
}

int
source_read(const char *path, size_t max_sz, struct buf *raw, time_t *mtime)
{
	struct stat	 st;
	ssize_t		 n;
	int		 fd, rc = -1;

	*mtime = 0;
	if (strcmp(path, "-") == 0)
		fd = STDIN_FILENO;
	else if ((fd = open(path, O_RDONLY | O_NONBLOCK)) == -1) {
		diag(DIAG_ERROR, 0, "cannot open: %s", strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) == -1) {
		diag(DIAG_ERROR, 0, "cannot read: %s", strerror(errno));
		goto out;
	}
	if (S_ISDIR(st.st_mode)) {
		diag(DIAG_ERROR, 0, "cannot read: it is a folder");
		goto out;
	}
	if (fd != STDIN_FILENO && !S_ISREG(st.st_mode)) {
		/* A FIFO or a device could block or never end. */
		diag(DIAG_ERROR, 0, "not a regular file: devices, sockets "
		    "and pipes are not read (use - for standard input)");
		goto out;
	}
	if (fd != STDIN_FILENO && fcntl(fd, F_SETFL, 0) == -1) {
		diag(DIAG_ERROR, 0, "cannot read: %s", strerror(errno));
		goto out;
	}
	if (max_sz > 0 && S_ISREG(st.st_mode) &&
	    (uintmax_t)st.st_size > (uintmax_t)max_sz) {
		diag(DIAG_ERROR, 0, "too big: %jd bytes, more than the "
		    "limit of %zu (--max-input-size)",
		    (intmax_t)st.st_size, max_sz);
		goto out;
	}
	if (S_ISREG(st.st_mode) && st.st_size > 0)
		buf_grow(raw, (size_t)st.st_size);
	for (;;) {
		buf_grow(raw, 65536);
		n = read(fd, raw->data + raw->len, raw->cap - raw->len - 1);
		if (n == 0)
			break;
		if (n < 0) {
			if (errno == EINTR)
				continue;
			diag(DIAG_ERROR, 0, "cannot read: %s", strerror(errno));
			goto out;
		}
		raw->len += (size_t)n;
		raw->data[raw->len] = '\0';
		if (max_sz > 0 && raw->len > max_sz) {
			diag(DIAG_ERROR, 0, "too big: more than the limit of "
			    "%zu bytes (--max-input-size)", max_sz);
			goto out;
		}
	}
	*mtime = S_ISREG(st.st_mode) ? st.st_mtime : 0;
	rc = 0;
out:
	if (fd != STDIN_FILENO)
		close(fd);
	return rc;
}

int
source_load(const char *path, size_t max_sz, struct source *out)
{
	struct buf	 raw = { 0 };
	time_t		 mtime;
	int		 rc = -1;

	out->text = NULL;
	out->len = 0;
	if (source_read(path, max_sz, &raw, &mtime) == 0 &&
	    (rc = source_decode(raw.data ? raw.data : "", raw.len, out)) == 0)
		out->mtime = mtime;
	buf_free(&raw);
	return rc;
}
