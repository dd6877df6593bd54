/* SPDX-License-Identifier: ISC */
#include "common.h"

#include <stdalign.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "xalloc.h"

/* Most articles fit in one or two chunks of this size. */
#define CHUNK_SZ	(64 * 1024)

struct chunk {
	struct chunk	*next;
	size_t		 used;	/* bytes handed out from data */
	size_t		 cap;	/* bytes in data */
	alignas(max_align_t) unsigned char data[];
};

struct arena {
	struct chunk	*head;	/* the chunk being filled, newest first */
};

struct arena *
arena_new(void)
{
	return xcalloc(1, sizeof(struct arena));
}

void
arena_free(struct arena *a)
{
	struct chunk	*c, *next;

	if (a == NULL)
		return;
	for (c = a->head; c != NULL; c = next) {
		next = c->next;
		free(c);
	}
	free(a);
}

void *
arena_alloc(struct arena *a, size_t sz)
{
	struct chunk	*c;
	size_t		 align = alignof(max_align_t), cap;
	void		*p;

	sz = (sz + align - 1) / align * align;
	if (sz == 0)
		sz = align;
	c = a->head;
	if (c == NULL || c->cap - c->used < sz) {
		cap = sz > CHUNK_SZ ? sz : CHUNK_SZ;
		c = xmalloc(sizeof(*c) + cap);
		c->used = 0;
		c->cap = cap;
		/*
		 * A big block gets a chunk of its own behind the head, so
		 * the space left in the head is not wasted.
		 */
		if (cap > CHUNK_SZ && a->head != NULL) {
			c->next = a->head->next;
			a->head->next = c;
		} else {
			c->next = a->head;
			a->head = c;
		}
	}
	p = c->data + c->used;
	c->used += sz;
	memset(p, 0, sz);
	return p;
}

char *
arena_strndup(struct arena *a, const char *s, size_t len)
{
	char	*p;

	p = arena_alloc(a, len + 1);
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

char *
arena_strdup(struct arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}
