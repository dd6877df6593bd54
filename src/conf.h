/* SPDX-License-Identifier: ISC */
#ifndef CONF_H
#define CONF_H

#include "common.h"

/*
 * Profiles as data (styles/large-print/NAME.conf, styles/speech/NAME.conf):
 * "key = value" lines; '#' starts a comment; blank lines are ignored.
 */

/*
 * Call fn(key, value, line, arg) for every setting in text (NUL-
 * terminated; changed in place).  fn returns 0, or -1 after saying what
 * is wrong with that line.  Returns 0, or -1 after a message naming path
 * and line for a line that is not "key = value", or if fn failed.
 */
int	 conf_parse(char *text, const char *path,
	    int (*fn)(const char *key, const char *value, const char *path,
	    unsigned line, void *arg), void *arg);

/*
 * Load the profile name of kind (data.h: styles/KIND/NAME.conf, or the
 * file name) and give fn its settings, as conf_parse() does: what the
 * caller has set in arg before are the defaults.  Returns 0, or -1 after
 * one line naming the option that chose it and what it is ("--speech",
 * "speech profile").
 */
int	 conf_load(const char *kind, const char *name, const char *option,
	    const char *what, int (*fn)(const char *key, const char *value,
	    const char *path, unsigned line, void *arg), void *arg);

/* "yes", "true", "on", "1" / "no", "false", "off", "0" into *v. */
bool	 conf_bool(const char *value, bool *v);

/* A whole number in [min, max] into *v. */
bool	 conf_uint(const char *value, unsigned min, unsigned max,
	    unsigned *v);

#endif /* CONF_H */
