/* SPDX-License-Identifier: ISC */
#include "common.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include <unistd.h>

#include "buf.h"
#include "diag.h"
#include "utf8.h"

static const char	*cur_file;
static int		 worst = -1;
static unsigned		 nwarn;
static unsigned		 nerr;
static struct buf	 last_error;	/* the text of the last error */
static int		 verbosity;

static const char *const level_names[] = {
	"info",		/* DIAG_INFO */
	"warning",	/* DIAG_WARN */
	"error",	/* DIAG_ERROR */
};

void
diag_reset(const char *file)
{
	cur_file = file;
	worst = -1;
	nwarn = 0;
	nerr = 0;
	buf_reset(&last_error);
}

void
diag_set_verbosity(int v)
{
	verbosity = v;
}

void
diag(enum diag_level level, unsigned line, const char *fmt, ...)
{
	struct buf	 text = { 0 };
	va_list		 ap;

	if ((int)level > worst)
		worst = (int)level;
	if (level == DIAG_WARN)
		nwarn++;
	if (level == DIAG_ERROR) {
		nerr++;
		buf_reset(&last_error);
		va_start(ap, fmt);
		buf_vprintf(&last_error, fmt, ap);
		va_end(ap);
	}
	if ((level == DIAG_INFO && verbosity < 1) ||
	    (level == DIAG_WARN && verbosity < 0) || verbosity < -1)
		return;

	if (cur_file != NULL) {
		buf_puts(&text, cur_file);
		if (line > 0)
			buf_printf(&text, ":%u", line);
		buf_puts(&text, ": ");
	}
	buf_printf(&text, "%s: ", level_names[level]);
	va_start(ap, fmt);
	buf_vprintf(&text, fmt, ap);
	va_end(ap);
	diag_line("%s", text.data);
	buf_free(&text);
}

void
diag_line(const char *fmt, ...)
{
	struct buf	 b = { 0 }, text = { 0 };
	va_list		 ap;

	if (verbosity < -1)
		return;
	va_start(ap, fmt);
	buf_vprintf(&text, fmt, ap);
	va_end(ap);
	buf_puts(&b, "lector: ");
	if (text.data != NULL)
		utf8_escape(&b, text.data, text.len, ESC_CONTROLS);
	buf_free(&text);
	buf_putc(&b, '\n');
	fflush(stderr);
	/* A short write to a terminal or pipe loses only the message. */
	if (write(STDERR_FILENO, b.data, b.len) < 0)
		(void)0;
	buf_free(&b);
}

int
diag_worst(void)
{
	return worst;
}

unsigned
diag_warnings(void)
{
	return nwarn;
}

unsigned
diag_errors(void)
{
	return nerr;
}

const char *
diag_last_error(void)
{
	return last_error.data != NULL ? last_error.data : "";
}

void
diag_quiet(const char *msg)
{
	char	*copy = strdup(msg);	/* msg may be last_error's own */

	worst = DIAG_ERROR;
	nerr++;
	buf_reset(&last_error);
	buf_puts(&last_error, copy != NULL ? copy : "");
	free(copy);
}
