/* SPDX-License-Identifier: ISC */
#ifndef ARENA_H
#define ARENA_H

#include "common.h"

/*
 * A per-document bump allocator: every node and string of one document
 * comes from its arena, and arena_free() releases all of it in one call.
 */
struct arena;

/* A new, empty arena; caller frees with arena_free(). */
struct arena	*arena_new(void);

/* Release the arena and everything allocated from it; NULL is allowed. */
void		 arena_free(struct arena *);

/* sz zeroed bytes, aligned for any type; arena-owned.  Never NULL. */
void		*arena_alloc(struct arena *, size_t sz);

/* A NUL-terminated copy of len bytes of s; arena-owned. */
char		*arena_strndup(struct arena *, const char *s, size_t len);

/* A NUL-terminated copy of s; arena-owned. */
char		*arena_strdup(struct arena *, const char *s);

#endif /* ARENA_H */
