/* arena.h - bump allocator for per-document data.
 *
 * Tokens, mentions and statements of one document live in one arena and
 * are freed together by ng_arena_free (or reused after ng_arena_reset).
 * Allocation never fails silently: ng_arena_alloc returns NULL only when
 * the system is out of memory. */
#ifndef NG_ARENA_H
#define NG_ARENA_H

#include <stddef.h>

typedef struct ng_arena_block ng_arena_block;

typedef struct ng_arena {
    ng_arena_block *head;
    size_t block_size;
} ng_arena;

/* Initialises an empty arena; nothing is allocated until first use. */
void ng_arena_init(ng_arena *a);
/* Returns size bytes aligned to 16, zeroed; NULL when out of memory. */
void *ng_arena_alloc(ng_arena *a, size_t size);
/* Copies n bytes of s plus a NUL into the arena. */
char *ng_arena_strndup(ng_arena *a, const char *s, size_t n);
/* Makes every block reusable without returning memory to the system. */
void ng_arena_reset(ng_arena *a);
/* Returns all memory to the system. */
void ng_arena_free(ng_arena *a);

#endif
