/* coref_keys.c - the keys of one document's names as small integers,
 * and the memory coreference reuses from one document to the next.
 *
 * Every string coreference looks names up by - a mention's key, a
 * surname, a first word, a surname's first two letters - is numbered
 * once per document in one hash table; the lists of clusters by key,
 * surname, first word and two-letter block are then fields of that
 * number (coref_key), not four string maps. The same table remembers each
 * distinct name span of the text ("President Zelensky") with where its
 * name starts and its key, so a name written again costs one lookup, not
 * title skipping and key folding again.
 *
 * The table, the keys and the per-mention arrays belong to the thread
 * (an ng_thread_memo, freed when the thread exits): a worker reuses them for
 * every document instead of allocating them anew. A generation number
 * empties the table between documents without touching it. Nothing here
 * is shared between threads. */
#include "coref_internal.h"

#include "thread_memo.h"

#include <stdlib.h>
#include <string.h>

/* What a thread keeps between documents is bounded: the buffers of a
 * document with more mentions than this are freed after it. */
#define KEEP_MAX_MENTIONS 65536u

/* Bytes s[0..n), n < 8, as memcpy puts them in a zeroed word, reading
 * nothing past s[n - 1] and calling no memcpy of variable length. */
static inline uint64_t load_tail(const char *s, size_t n)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    if (n >= 4) { /* two overlapping four-byte loads */
        uint32_t lo, hi;
        memcpy(&lo, s, 4);
        memcpy(&hi, s + n - 4, 4);
        return (uint64_t)lo | (uint64_t)hi << (8 * (n - 4));
    }
    if (n == 0)
        return 0;
    /* the first, the middle and the last byte (some the same) */
    return (uint64_t)(unsigned char)s[0] | (uint64_t)(unsigned char)s[n / 2] << (8 * (n / 2)) |
           (uint64_t)(unsigned char)s[n - 1] << (8 * (n - 1));
#else
    uint64_t w = 0;
    memcpy(&w, s, n);
    return w;
#endif
}

/* The hash of s[0..n): eight bytes at a time (keys are short). */
static uint32_t hash_bytes(const char *s, size_t n, uint32_t kind)
{
    const uint64_t mul = 0x9E3779B97F4A7C15u;
    uint64_t h = ((uint64_t)n << 2 | kind) * mul;
    while (n >= 8) {
        uint64_t w;
        memcpy(&w, s, 8);
        h = (h ^ w) * mul;
        h ^= h >> 29;
        s += 8;
        n -= 8;
    }
    uint64_t w = load_tail(s, n);
    h = (h ^ w) * mul;
    h ^= h >> 32;
    return (uint32_t)h;
}

static void keys_release(coref_keys *kt)
{
    for (coref_strings *b = kt->strings, *next; b; b = next) {
        next = b->next;
        free(b);
    }
    free(kt->slots);
    free(kt->keys);
    free(kt->spans);
    free(kt->block);
    free(kt->cl);
    free(kt->alias_len);
    memset(kt, 0, sizeof *kt);
}

static void scratch_release(void *p)
{
    keys_release(p);
}

static ng_thread_memo scratch_block = NG_THREAD_MEMO(sizeof(coref_keys), scratch_release);

/* This thread's kept buffers, created on first use; NULL when they
 * cannot be had (the document then allocates its own). */
static coref_keys *scratch_get(void)
{
    return ng_thread_memo_get(&scratch_block, NULL);
}

/* Makes the table's first cap slots (a power of two) the active ones,
 * keeping the document's entries; the slots array grows when it is
 * smaller. */
static int resize(coref_keys *kt, uint32_t cap)
{
    uint32_t old = kt->slot_cap ? kt->mask + 1 : 0, n = 0;
    coref_slot *live = NULL;
    if (kt->used) { /* the document's entries, taken out */
        if (!(live = malloc(kt->used * sizeof *live)))
            return NG_ENOMEM;
        for (uint32_t i = 0; i < old; i++)
            if (kt->slots[i].gen == kt->gen) {
                live[n++] = kt->slots[i];
                kt->slots[i].gen = 0;
            }
    }
    if (cap > kt->slot_cap) {
        coref_slot *slots = calloc(cap, sizeof *slots);
        if (!slots) {
            free(live);
            return NG_ENOMEM;
        }
        free(kt->slots);
        kt->slots = slots;
        kt->slot_cap = cap;
    }
    kt->mask = cap - 1;
    for (uint32_t k = 0; k < n; k++) {
        uint32_t j = live[k].hash & kt->mask;
        while (kt->slots[j].gen == kt->gen)
            j = (j + 1) & kt->mask;
        kt->slots[j] = live[k];
    }
    free(live);
    return 0;
}

int ng_coref_keys_begin(coref *c, size_t nmentions, size_t nnames)
{
    coref_keys *kept = scratch_get();
    if (kept) {
        c->kt = *kept;
        memset(kept, 0, sizeof *kept); /* lent to c until ng_coref_keys_end */
        c->kept = kept;
    }
    coref_keys *kt = &c->kt;
    if (++kt->gen == 0) { /* wrapped: the old marks must go */
        if (kt->slots)
            memset(kt->slots, 0, kt->slot_cap * sizeof *kt->slots);
        kt->gen = 1;
    }
    kt->nkeys = kt->nspans = kt->used = 0;
    kt->cur = kt->strings; /* the strings of the last document are done with */
    if (kt->cur)
        kt->cur->used = 0;
    c->cl = kt->cl;
    c->capcl = kt->capcl;
    c->alias_len = kt->alias_len;
    c->alias_len_cap = kt->alias_len_cap;
    /* a name makes a span and a key, a person's name up to three more:
     * a table of four slots a name seldom grows, and only its part of the
     * kept slots is touched */
    uint32_t cap = 64;
    while (cap < 4 * nnames && cap < (1u << 30))
        cap *= 2;
    if (resize(kt, cap) < 0)
        return NG_ENOMEM;
    /* the per-mention arrays in one block: keys (pointers) first, then
     * eight arrays of 32-bit values */
    size_t need = (nmentions + 1) * (sizeof(const char *) + 8 * sizeof(uint32_t));
    if (need > kt->block_cap) {
        free(kt->block);
        if (!(kt->block = malloc(need))) {
            kt->block_cap = 0;
            return NG_ENOMEM;
        }
        kt->block_cap = need;
    }
    size_t n1 = nmentions + 1;
    c->mkey = (const char **)(void *)kt->block;
    uint32_t *u32 = (uint32_t *)(void *)(kt->block + n1 * sizeof *c->mkey);
    c->of = (int32_t *)(void *)u32;
    c->name_start = u32 + n1;
    c->mkey_len = u32 + 2 * n1;
    c->mwords = u32 + 3 * n1;
    c->members = u32 + 4 * n1;
    c->p1 = u32 + 5 * n1;
    c->mkid = (int32_t *)(void *)(u32 + 6 * n1);
    c->mspan = u32 + 7 * n1;
    return 0;
}

void ng_coref_keys_end(coref *c, size_t nmentions)
{
    c->kt.cl = c->cl;
    c->kt.capcl = c->capcl;
    c->kt.alias_len = c->alias_len;
    c->kt.alias_len_cap = c->alias_len_cap;
    if (c->kept && nmentions <= KEEP_MAX_MENTIONS)
        *c->kept = c->kt;
    else
        keys_release(&c->kt);
}

/* The slot of s[0..n) of the given kind: its entry, or the empty slot
 * where it would go. */
static coref_slot *find_slot(coref_keys *kt, const char *s, size_t n, uint32_t kind, uint32_t h)
{
    uint32_t mask = kt->mask;
    for (uint32_t j = h & mask;; j = (j + 1) & mask) {
        coref_slot *sl = &kt->slots[j];
        if (sl->gen != kt->gen)
            return sl;
        if (sl->hash != h || sl->kind != kind)
            continue;
        const char *t;
        uint32_t len;
        if (kind == SLOT_KEY) {
            t = kt->keys[sl->index].s;
            len = kt->keys[sl->index].len;
        } else {
            t = kt->spans[sl->index].s;
            len = kt->spans[sl->index].len;
        }
        if (len == n && memcmp(t, s, n) == 0)
            return sl;
    }
}

/* Room for one more entry in the table. */
static int reserve_slot(coref_keys *kt)
{
    if ((kt->used + 1) * 2 > kt->mask + 1 && resize(kt, (kt->mask + 1) * 2) < 0)
        return NG_ENOMEM;
    return 0;
}

int32_t ng_coref_key_find(coref *c, const char *s, size_t n, coref_probe *probe)
{
    uint32_t h = hash_bytes(s, n, SLOT_KEY);
    coref_slot *sl = find_slot(&c->kt, s, n, SLOT_KEY, h);
    if (probe)
        *probe = (coref_probe){h, (uint32_t)(sl - c->kt.slots)};
    return sl->gen == c->kt.gen ? (int32_t)sl->index : -1;
}

/* Interns s[0..n) of hash h, whose slot (found or empty) is sl. */
static int32_t key_intern_at(coref *c, const char *s, size_t n, int terminated, uint32_t h,
                             coref_slot *sl)
{
    coref_keys *kt = &c->kt;
    if (sl->gen == kt->gen) {
        coref_key *k = &kt->keys[sl->index];
        if (terminated && !k->terminated) { /* the same bytes, now as a C string */
            k->s = s;
            k->terminated = 1;
        }
        return (int32_t)sl->index;
    }
    if (kt->nkeys == kt->capkeys) {
        size_t cap = kt->capkeys ? kt->capkeys * 2 : 256;
        coref_key *p = realloc(kt->keys, cap * sizeof *p);
        if (!p)
            return NG_ENOMEM;
        kt->keys = p;
        kt->capkeys = cap;
    }
    if ((kt->used + 1) * 2 > kt->mask + 1) { /* as reserve_slot: the table grows */
        if (resize(kt, (kt->mask + 1) * 2) < 0)
            return NG_ENOMEM;
        sl = find_slot(kt, s, n, SLOT_KEY, h);
    }
    uint32_t id = kt->nkeys++;
    kt->keys[id] = (coref_key){s, (uint32_t)n, UINT32_MAX, -1, -1, -1, -1, terminated != 0};
    *sl = (coref_slot){kt->gen, h, id, SLOT_KEY};
    kt->used++;
    return (int32_t)id;
}

int32_t ng_coref_key_intern(coref *c, const char *s, size_t n, int terminated)
{
    uint32_t h = hash_bytes(s, n, SLOT_KEY);
    return key_intern_at(c, s, n, terminated, h, find_slot(&c->kt, s, n, SLOT_KEY, h));
}

int32_t ng_coref_key_intern_probed(coref *c, const char *s, size_t n, int terminated,
                                   const coref_probe *probe)
{
    return key_intern_at(c, s, n, terminated, probe->hash, &c->kt.slots[probe->slot]);
}

const coref_span *ng_coref_span_find(coref *c, const char *s, size_t n, uint32_t kind,
                                     uint32_t *hash)
{
    uint32_t h = hash_bytes(s, n, kind);
    *hash = h;
    coref_slot *sl = find_slot(&c->kt, s, n, kind, h);
    return sl->gen == c->kt.gen ? &c->kt.spans[sl->index] : NULL;
}

int ng_coref_span_add(coref *c, const char *s, size_t n, uint32_t kind, uint32_t h,
                      uint32_t name_off, int32_t key)
{
    coref_keys *kt = &c->kt;
    if (kt->nspans == kt->capspans) {
        size_t cap = kt->capspans ? kt->capspans * 2 : 256;
        coref_span *p = realloc(kt->spans, cap * sizeof *p);
        if (!p)
            return NG_ENOMEM;
        kt->spans = p;
        kt->capspans = cap;
    }
    if (reserve_slot(kt) < 0)
        return NG_ENOMEM;
    coref_slot *sl = find_slot(kt, s, n, kind, h);
    uint32_t id = kt->nspans++;
    kt->spans[id] = (coref_span){.s = s, .len = (uint32_t)n, .name_off = name_off, .key = key};
    *sl = (coref_slot){kt->gen, h, id, kind};
    kt->used++;
    return 0;
}

const char *ng_coref_keep(coref *c, const char *s, size_t n)
{
    coref_keys *kt = &c->kt;
    coref_strings *b = kt->cur;
    while (b && b->cap - b->used < n + 1) { /* the next block kept from before, if any */
        b = b->next;
        if (b)
            b->used = 0;
    }
    if (!b) { /* a new block after the current one, twice as big */
        size_t cap = kt->cur ? kt->cur->cap * 2 : 4096;
        while (cap < n + 1)
            cap *= 2;
        if (!(b = malloc(sizeof *b + cap)))
            return NULL;
        b->cap = cap;
        b->used = 0;
        b->next = kt->cur ? kt->cur->next : NULL;
        if (kt->cur)
            kt->cur->next = b;
        else
            kt->strings = b;
    }
    kt->cur = b;
    char *d = b->data + b->used;
    memcpy(d, s, n);
    d[n] = '\0';
    b->used += n + 1;
    return d;
}
