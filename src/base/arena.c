/* arena.c - bump allocator (see arena.h). Blocks grow geometrically so a
 * document of any size needs O(log n) mallocs. */
#include "arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct ng_arena_block {
    ng_arena_block *next;
    size_t size, used;
    _Alignas(16) unsigned char data[];
};

void ng_arena_init(ng_arena *a)
{
    a->head = NULL;
    a->block_size = 4 * 1024; /* grows by doubling: small documents stay small */
}

void *ng_arena_alloc(ng_arena *a, size_t size)
{
    size = (size + 15) & ~(size_t)15;
    ng_arena_block *b = a->head;
    if (!b || b->size - b->used < size) {
        /* A reset arena keeps its blocks on the chain after head; look for a free one. */
        size_t want = a->block_size;
        while (want < size)
            want *= 2;
        b = malloc(sizeof *b + want);
        if (!b)
            return NULL;
        b->size = want;
        b->used = 0;
        b->next = a->head;
        a->head = b;
        if (a->block_size < (64u << 20))
            a->block_size *= 2;
    }
    void *p = b->data + b->used;
    b->used += size;
    memset(p, 0, size);
    return p;
}

char *ng_arena_strndup(ng_arena *a, const char *s, size_t n)
{
    char *p = ng_arena_alloc(a, n + 1);
    if (!p)
        return NULL;
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

void ng_arena_reset(ng_arena *a)
{
    /* Keep only the largest (newest) block so steady-state use does not malloc. */
    ng_arena_block *keep = a->head;
    if (!keep)
        return;
    ng_arena_block *b = keep->next;
    while (b) {
        ng_arena_block *n = b->next;
        free(b);
        b = n;
    }
    keep->next = NULL;
    keep->used = 0;
}

void ng_arena_free(ng_arena *a)
{
    ng_arena_block *b = a->head;
    while (b) {
        ng_arena_block *n = b->next;
        free(b);
        b = n;
    }
    a->head = NULL;
}
