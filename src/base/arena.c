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

/* size bytes rounded up to 16 (the multiple of 16 they take), not
 * zeroed: ng_arena_strndup writes them itself. */
static void *bump(ng_arena *a, size_t size)
{
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
    return p;
}

void *ng_arena_alloc(ng_arena *a, size_t size)
{
    size = (size + 15) & ~(size_t)15;
    void *p = bump(a, size);
    if (p)
        memset(p, 0, size);
    return p;
}

char *ng_arena_strndup(ng_arena *a, const char *s, size_t n)
{
    size_t size = (n + 1 + 15) & ~(size_t)15;
    char *p = bump(a, size);
    if (!p)
        return NULL;
    /* the padding after the NUL is zero, as from ng_arena_alloc: it all
     * lies in the last 16 bytes */
    memset(p + size - 16, 0, 16);
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
