/* SPDX-License-Identifier: ISC */
#ifndef DATA_H
#define DATA_H

#include "common.h"

/*
 * lector's data files (styles/: EPUB stylesheets, large-print layouts,
 * speech profiles), chosen by name or by path.
 */

/*
 * Find the data file for name: a path if name holds a '/' or ends in
 * suffix, else KIND/NAME+SUFFIX under the first data folder that has it:
 * $LECTOR_DATADIR, the styles/ folder beside the program or one level up
 * (an uninstalled build), share/lector beside the program's bin/ (an
 * installed tree, wherever it was moved), then the installed one.  Returns the path
 * (caller frees) or NULL.
 */
char	*data_find(const char *kind, const char *name, const char *suffix);

/*
 * Read the whole file at path into a NUL-terminated string (caller
 * frees), its length in *len.  Returns NULL with errno set on failure.
 */
char	*data_read(const char *path, size_t *len);

/*
 * Find and read the data file for name, as data_find() and data_read()
 * do, for the option that named it (option "--layout", what "layout").
 * Returns the contents (caller frees), with the path in *path (caller
 * frees) and the length in *len; or NULL after one line on standard
 * error saying what is wrong and which names there are.
 */
char	*data_load(const char *kind, const char *name, const char *suffix,
	    const char *option, const char *what, char **path, size_t *len);

/*
 * The names available for kind (the files KIND/NAME+SUFFIX in the first
 * data folder that has any), sorted, as n new strings in a new array
 * (caller frees each and the array); NULL if none.
 */
char	**data_list(const char *kind, const char *suffix, size_t *n);

/*
 * The names available for kind, sorted, in a new string (caller frees):
 * "default, large", or "none found".
 */
char	*data_names(const char *kind, const char *suffix);

#endif /* DATA_H */
