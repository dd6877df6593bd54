/* SPDX-License-Identifier: ISC */
#ifndef SINK_H
#define SINK_H

#include "common.h"

#include <stdio.h>
#include <time.h>

struct writer;

/*
 * Where one output goes, committed whole or not at all: a file written
 * under a hidden temporary name in its folder (".NAME.lector-XXXXXX",
 * or ".lector-XXXXXX" where NAME is too long to add to), locked while
 * it is written, and renamed into place; or standard output.  A writer
 * of one file writes to sink_stream(); a writer of a package
 * (w->package: an EPUB, later a DAISY book) adds its members with
 * sink_add(), and the sink packs them into a ZIP (members in the order
 * added, each under 1 KiB stored and the rest deflated, every entry
 * dated t, no extra fields) when it is committed.
 */
struct sink;

/*
 * Open the output at path ("-": standard output) for writer w (NULL: a
 * file of lector's own, the report), its entries dated t.  Returns NULL
 * after one message (a folder that cannot be made, say).
 */
struct sink	*sink_open(const struct writer *w, const char *path,
		    time_t t);

/*
 * A sink over stream f, which the caller keeps (tests, the fuzz target):
 * committing writes and flushes, renames nothing, and leaves f open.
 */
struct sink	*sink_over(const struct writer *w, FILE *f, time_t t);

/*
 * The temporary file's path, for the batch runner to remove if the
 * process writing it is killed; NULL when writing to a stream.
 */
const char	*sink_temp(const struct sink *);

/* The stream of a one-file output (NULL for a package). */
FILE		*sink_stream(struct sink *);

/*
 * Add a member called name (a path inside the package) of len bytes,
 * copied.  Returns 0, or -1 after a message.
 */
int		 sink_add(struct sink *, const char *name, const void *data,
		    size_t len);

/*
 * Add a member called name of package s: the len bytes of f from its
 * start (a book's audio), read when the package is packed, so they are
 * never in memory, and stored as they are (audio gains nothing from
 * deflating).  f is read by its place, whatever else reads it; it stays
 * the caller's and must stay open until sink_commit().  Returns 0, or -1
 * after a message.
 */
int		 sink_add_file(struct sink *, const char *name, FILE *f,
		    uint64_t len);

/*
 * Finish the output and free the sink: if ok, pack, flush and rename
 * into place; if not, remove what was written.  A failure nobody has
 * said since sink_open() (a write to a full disk) is said here, in one
 * line.  Returns 0 if the output is complete and in place.
 */
int		 sink_commit(struct sink *, bool ok);

/*
 * Remove the temporary file being written, if any; async-signal-safe,
 * for a signal handler of a worker that is being stopped.
 */
void		 sink_abandon(void);

/*
 * Remove the temporary files in folder dir that nobody is writing (their
 * lock is free): left by a lector that was killed.  Files of any other
 * name, and those of a lector still running, are left alone.  Returns
 * how many were removed.
 */
size_t		 sink_sweep(const char *dir);

/*
 * An anonymous scratch file, for what (in the message if it cannot be
 * made), in $TMPDIR or else /tmp: already removed, gone when closed.
 * NULL after a message.
 */
FILE		*sink_scratch(const char *what);

/* The mode new files get (0666 less the umask). */
void		 sink_set_mode(unsigned mode);

#endif /* SINK_H */
