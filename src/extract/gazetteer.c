/* gazetteer.c - loads data/gazetteer/ into a hash map of word classes
 * (see gazetteer.h) and answers lookups on it.
 *
 * Every key (word or phrase, ASCII-lowercased) maps to one packed value:
 * class bits, the country it belongs to and, for given names, a gender.
 * One map means one hash lookup per token in the hot loop of mention
 * finding; the map is two tables by key length (gazetteer_internal.h),
 * and the length of a word tells which one to probe. The lists are
 * merged into the tables while loading, then they are frozen (freeze:
 * values become indexes into the few distinct values) and never written
 * again, so lookups are safe from any thread. The files are read in
 * gazetteer_lists.c (or the tables come from the built-in image,
 * gazetteer_image.c), the typo search over places is in gazetteer_near.c. */
#include "gazetteer_internal.h"
#include "gazetteer_word.h"

#include "newsgraph/error.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <stdint.h>

/* Lowercases ASCII letters of s into buf (at most KEY_MAX bytes) and
 * folds runs of spaces to one; returns the key length or 0 if too long. */
size_t ng_gaz_fold_key(const char *s, size_t n, char *buf)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ' && (k == 0 || buf[k - 1] == ' '))
            continue;
        if (k >= KEY_MAX)
            return 0;
        buf[k++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    while (k && buf[k - 1] == ' ')
        k--;
    return k;
}

uint32_t ng_gazetteer_hash(const char *s, size_t n)
{
    return ng_gaz_prepare(s, n, n).hash;
}

ng_gaz_word ng_gazetteer_word(const char *s, size_t n, size_t avail)
{
    return ng_gaz_prepare(s, n, avail);
}

/* The head of slot j of table t, whose slots are gaz_long_slot if
 * is_long, else gaz_slot. */
static inline gaz_slot_head *slot_at(const gaz_table *t, int is_long, size_t j)
{
    return (gaz_slot_head *)((char *)t->slots + j * GAZ_STRIDE(is_long));
}

/* The index, in the table of keys of n bytes, of the slot holding
 * s[0..n) (compared ASCII-case-insensitively; hash is
 * ng_gazetteer_hash(s, n), 0 < n < 256), or of the empty slot that ends
 * its probe sequence. head: the first eight bytes of the key, folded and
 * zero-padded (ng_gaz_word.head). That table must have slots. */
/* probe_word of a key of 1 to SLOT_INLINE bytes: its head spells it. */
static inline size_t probe_short(const ng_gazetteer *g, size_t n, uint32_t hash, uint64_t head)
{
    const gaz_slot *slots = g->tables[0].slots;
    size_t mask = g->tables[0].cap - 1;
    for (size_t j = hash & mask;; j = (j + 1) & mask) {
        const gaz_slot *sl = &slots[j];
        if (!sl->h.hash)
            return j;
        if (sl->h.hash == hash && sl->h.len == n && sl->key.word == head)
            return j;
    }
}

static size_t probe_word(const ng_gazetteer *g, const char *s, size_t n, uint32_t hash,
                         uint64_t head)
{
    if (n <= SLOT_INLINE)
        return probe_short(g, n, hash, head);
    const gaz_long_slot *slots = g->tables[1].slots;
    size_t mask = g->tables[1].cap - 1;
    for (size_t j = hash & mask;; j = (j + 1) & mask) {
        const gaz_long_slot *sl = &slots[j];
        if (!sl->h.hash)
            return j;
        if (sl->h.hash != hash || sl->h.len != n)
            continue;
        const char *k = sl->key.bytes;
        size_t i = 8; /* the first eight bytes are compared as a word */
        if (n > LONG_INLINE) {
            k = g->pool + sl->key.off;
            i = 0;
        } else if (sl->key.word != head) {
            continue;
        }
        for (; i < n; i++) {
            unsigned char c = (unsigned char)s[i];
            if ((char)(c >= 'A' && c <= 'Z' ? c + 32 : c) != k[i])
                break;
        }
        if (i == n)
            return j;
    }
}

/* Memory for a table of slots. Every lookup of a word is a random
 * probe into these megabytes: on 4 KB pages nearly each one misses the
 * TLB too, so where the system allows, a big table is put on huge pages
 * (2 MB; also one page fault each instead of 512). It is mapped rather
 * than allocated: fresh pages come zeroed from the kernel, so the table
 * needs no memset of its megabytes (5 M instructions at start-up). */
#define HUGE_PAGE ((size_t)2 << 20)
#if defined(MADV_HUGEPAGE) && defined(MAP_ANONYMOUS)
#define TABLE_MAPPED(bytes) ((bytes) >= HUGE_PAGE)
#else
#define TABLE_MAPPED(bytes) 0
#endif

static size_t huge_round(size_t bytes)
{
    return (bytes + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
}

void *ng_gaz_table_alloc(size_t bytes, int zero)
{
#if defined(MADV_HUGEPAGE) && defined(MAP_ANONYMOUS)
    if (TABLE_MAPPED(bytes)) {
        /* map one huge page more and trim to a huge-page boundary */
        size_t rounded = huge_round(bytes), len = rounded + HUGE_PAGE;
        char *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (p == MAP_FAILED)
            return NULL;
        char *at = (char *)(((uintptr_t)p + HUGE_PAGE - 1) & ~(uintptr_t)(HUGE_PAGE - 1));
        if (at > p)
            munmap(p, (size_t)(at - p));
        if (p + len > at + rounded)
            munmap(at + rounded, (size_t)(p + len - (at + rounded)));
        (void)madvise(at, rounded, MADV_HUGEPAGE); /* a hint: fine if refused */
        return at;
    }
#endif
    return zero ? calloc(1, bytes) : malloc(bytes);
}

void ng_gaz_table_free(void *p, size_t bytes)
{
    if (!p)
        return;
#if defined(MADV_HUGEPAGE) && defined(MAP_ANONYMOUS)
    if (TABLE_MAPPED(bytes)) {
        munmap(p, huge_round(bytes));
        return;
    }
#endif
    free(p);
}

/* Moves the slots of table t (of long keys if is_long) into a new one
 * of cap slots, cap a power of two larger than its count; while loading
 * (with_vals) their values too. */
static int rehash(gaz_table *t, int is_long, size_t cap, int with_vals)
{
    size_t stride = GAZ_STRIDE(is_long);
    char *slots = ng_gaz_table_alloc(cap * stride, 1);
    int64_t *vals = with_vals ? ng_gaz_table_alloc(cap * sizeof *vals, 0) : NULL;
    if (!slots || (with_vals && !vals)) {
        ng_gaz_table_free(slots, cap * stride);
        ng_gaz_table_free(vals, cap * sizeof *vals);
        return NG_ENOMEM;
    }
    for (size_t i = 0; i < t->cap; i++) {
        const gaz_slot_head *from = slot_at(t, is_long, i);
        if (!from->hash)
            continue;
        size_t j = from->hash & (cap - 1);
        while (((const gaz_slot_head *)(slots + j * stride))->hash)
            j = (j + 1) & (cap - 1);
        memcpy(slots + j * stride, from, stride);
        if (with_vals)
            vals[j] = t->load_vals[i];
    }
    ng_gaz_table_free(t->slots, t->cap * stride);
    ng_gaz_table_free(t->load_vals, t->cap * sizeof *t->load_vals);
    t->slots = slots;
    t->load_vals = vals;
    t->cap = cap;
    return 0;
}

static int grow(gaz_table *t, int is_long)
{
    return rehash(t, is_long, t->cap ? t->cap * 2 : 1024, 1);
}

/* While loading: the value of the folded key[0..k), added as 0 when new;
 * NULL when out of memory. */
static int64_t *load_value(ng_gazetteer *g, const char *key, size_t k, ng_gaz_word w)
{
    int is_long = k > SLOT_INLINE;
    gaz_table *t = &g->tables[is_long];
    if ((t->count + 1) * 4 >= t->cap * 3 && grow(t, is_long))
        return NULL;
    size_t j = probe_word(g, key, k, w.hash, w.head);
    gaz_slot_head *sl = slot_at(t, is_long, j);
    if (sl->hash)
        return &t->load_vals[j];
    if (k > LONG_INLINE) {
        if (g->pool_len + k > g->pool_cap) {
            size_t cap = g->pool_cap ? g->pool_cap * 2 : 4096;
            char *p = realloc(g->pool, cap);
            if (!p)
                return NULL;
            g->pool = p;
            g->pool_cap = cap;
        }
        memcpy(g->pool + g->pool_len, key, k);
        ((gaz_long_slot *)sl)->key.off = (uint32_t)g->pool_len;
        g->pool_len += k;
    } else {
        memcpy(is_long ? ((gaz_long_slot *)sl)->key.bytes : ((gaz_slot *)sl)->key.bytes, key, k);
    }
    sl->hash = w.hash;
    sl->len = (uint8_t)k;
    t->load_vals[j] = 0;
    t->count++;
    return &t->load_vals[j];
}

/* An entry of the index of distinct values while freezing. */
typedef struct val_slot {
    int64_t v;
    uint32_t at; /* index in vals + 1; 0 = empty */
} val_slot;

/* The slot of v in index (icap slots, a power of two), or the empty one
 * where it goes. */
static val_slot *val_find(val_slot *index, size_t icap, int64_t v)
{
    size_t mask = icap - 1, k = (size_t)(((uint64_t)v * 0x9e3779b97f4a7c15u) >> 40) & mask;
    while (index[k].at && index[k].v != v)
        k = (k + 1) & mask;
    return &index[k];
}

/* Doubles the index; NULL (index freed) when out of memory. */
static val_slot *val_grow(val_slot *index, size_t *icap)
{
    val_slot *bigger = calloc(2 * *icap, sizeof *bigger);
    if (bigger)
        for (size_t i = 0; i < *icap; i++)
            if (index[i].at)
                *val_find(bigger, 2 * *icap, index[i].v) = index[i];
    free(index);
    *icap *= 2;
    return bigger;
}

/* Ends loading: replaces each slot's value by an index into the array of
 * distinct values, and sizes each table to load <= 1/2. */
int ng_gaz_freeze(ng_gazetteer *g)
{
    /* the distinct values so far -> their index + 1 (0: empty): open
     * addressing on a multiplicative hash, doubled at load 1/2 */
    size_t icap = 1024, n = 0;
    val_slot *index = calloc(icap, sizeof *index);
    int rc = 0;
    if (!index ||
        !(g->vals = malloc((g->tables[0].count + g->tables[1].count + 1) * sizeof *g->vals))) {
        free(index);
        return NG_ENOMEM;
    }
    for (int is_long = 0; is_long < 2; is_long++) {
        gaz_table *t = &g->tables[is_long];
        for (size_t j = 0; j < t->cap && !rc; j++) {
            gaz_slot_head *slot = slot_at(t, is_long, j);
            if (!slot->hash)
                continue;
            int64_t v = t->load_vals[j];
            val_slot *sl = val_find(index, icap, v);
            if (!sl->at) {
                g->vals[n++] = v;
                *sl = (val_slot){v, (uint32_t)n};
                if (2 * n > icap && !(index = val_grow(index, &icap))) {
                    rc = NG_ENOMEM;
                    break;
                }
                sl = NULL;
            }
            size_t at = sl ? sl->at - 1 : n - 1;
            if (at > UINT16_MAX)
                rc = NG_EINTERNAL;
            slot->val = (uint16_t)at;
        }
    }
    free(index);
    for (int is_long = 0; is_long < 2; is_long++) {
        gaz_table *t = &g->tables[is_long];
        ng_gaz_table_free(t->load_vals, t->cap * sizeof *t->load_vals);
        t->load_vals = NULL;
    }
    /* Many probes are for words that are not keys: at load 1/2 their
     * probe sequences are ~2.5 slots instead of ~7 at 3/4. */
    for (int is_long = 0; is_long < 2 && !rc; is_long++) {
        gaz_table *t = &g->tables[is_long];
        size_t cap = 1024;
        while (cap < 2 * t->count)
            cap *= 2;
        if (cap != t->cap)
            rc = rehash(t, is_long, cap, 0);
    }
    return rc;
}

/* Adds classes (and country / gender when not yet set) to the folded
 * key, and marks every proper word prefix of a phrase so callers can stop
 * extending a phrase as soon as no key starts with it. */
static int store_key(ng_gazetteer *g, const gaz_pending *p)
{
    int64_t *at = load_value(g, p->key, p->k, (ng_gaz_word){p->head, p->hash});
    if (!at)
        return NG_ENOMEM;
    uint64_t v = (uint64_t)*at | p->classes;
    if (p->country >= 0 && VAL_COUNTRY(v) < 0)
        v |= (uint64_t)(p->country + 1) << 32;
    if (p->gender && !VAL_GENDER(v))
        v |= (uint64_t)(p->gender & 0xff) << 44;
    *at = (int64_t)v;
    for (size_t i = 1; i < p->k; i++) {
        if (p->key[i] != ' ')
            continue;
        /* the key is in a buffer of KEY_MAX bytes: its words can be read whole */
        if (!(at = load_value(g, p->key, i, ng_gaz_prepare(p->key, i, KEY_MAX))))
            return NG_ENOMEM;
        *at |= NG_GAZ_PREFIX;
    }
    return 0;
}

/* Stores the keys still waiting, in the order they came. */
int ng_gaz_flush_keys(ng_gazetteer *g)
{
    int rc = 0;
    for (; g->npending && !rc; g->npending--)
        rc = store_key(g, &g->pending[(g->pending_at - g->npending) % GAZ_PENDING]);
    return rc;
}

/* ng_gaz_fold_key into buf (KEY_MAX bytes) and the ng_gazetteer_word of
 * the folded key, in one pass of eight bytes at a time when the key has
 * no spaces to drop (none leading, trailing or doubled: nearly all keys);
 * others are folded byte by byte first. Returns the key length, 0 if
 * too long. */
static size_t fold_hash_key(const char *s, size_t n, char *buf, ng_gaz_word *w)
{
    const uint64_t ones = 0x0101010101010101u, high = 0x80 * ones, low7 = 0x7f * ones;
#if !defined(__BYTE_ORDER__) || __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
    goto slow; /* the space test below reads the bytes of a word in little-endian order */
#endif
    if (n == 0 || n > KEY_MAX || s[0] == ' ' || s[n - 1] == ' ')
        goto slow;
    memcpy(buf, s, n);
    uint64_t h = (uint64_t)n * 0x9e3779b97f4a7c15u, head = 0, prev_space = 0;
    for (size_t i = 0; i < n; i += 8) {
        /* i + 8 <= KEY_MAX: the whole word is in buf, bytes past n masked */
        uint64_t x;
        if (n - i >= 8)
            memcpy(&x, buf + i, 8);
        else
            x = gaz_load_tail_over(buf + i, n - i);
        uint64_t t = x ^ (0x20 * ones);
        uint64_t space = ~(((t & low7) + low7) | t) & high; /* high bit: byte == ' ' */
        if ((space & (space << 8)) || (prev_space && (space & 0x80)))
            goto slow;
        prev_space = space >> 63;
        x = gaz_fold8(x);
        memcpy(buf + i, &x, 8);
        if (i == 0)
            head = x;
        h = gaz_mix(h, x);
    }
    *w = (ng_gaz_word){head, gaz_finish(h)};
    return n;
slow:;
    size_t k = ng_gaz_fold_key(s, n, buf);
    if (k)
        *w = ng_gaz_prepare(buf, k, KEY_MAX);
    return k;
}

/* Queues key s[0..n) for store_key: its slot is loaded (a cache miss on
 * a table of ~100k keys) while the GAZ_PENDING keys before it are stored.
 * Keys are stored in the order they are added, so the first country and
 * gender given to a key stay the ones it keeps. */
int ng_gaz_add_key(ng_gazetteer *g, const char *s, size_t n, uint32_t classes, int country,
                    int gender)
{
    int rc = 0;
    if (g->npending == GAZ_PENDING) {
        rc = store_key(g, &g->pending[g->pending_at]);
        g->npending--;
    }
    gaz_pending *p = &g->pending[g->pending_at];
    ng_gaz_word w;
    p->k = fold_hash_key(s, n, p->key, &w);
    if (!p->k)
        return rc;
    p->hash = w.hash;
    p->head = w.head;
    p->classes = classes;
    p->country = country;
    p->gender = gender;
    int is_long = p->k > SLOT_INLINE;
    const gaz_table *t = &g->tables[is_long];
    if (t->cap)
        __builtin_prefetch(slot_at(t, is_long, p->hash & (t->cap - 1)), 1);
    g->pending_at = (g->pending_at + 1) % GAZ_PENDING;
    g->npending++;
    return rc;
}

/* Sizes the loading tables for about keys keys, so that they need not
 * grow: about 2/3 of the keys of the real lists are words of up to 8
 * bytes and 1/3 longer; the guess is generous, as a table too big is
 * rebuilt smaller at freeze and one too small grows. */
int ng_gaz_reserve(ng_gazetteer *g, size_t keys)
{
    size_t expect[2] = {keys * 2 / 3, keys / 2};
    for (int is_long = 0; is_long < 2; is_long++) {
        gaz_table *t = &g->tables[is_long];
        size_t cap = 1024;
        while (expect[is_long] * 4 >= cap * 3)
            cap *= 2;
        t->slots = ng_gaz_table_alloc(cap * GAZ_STRIDE(is_long), 1);
        /* a value is read only where a slot is taken, which sets it
         * first (load_value): no need to zero megabytes of it */
        t->load_vals = ng_gaz_table_alloc(cap * sizeof *t->load_vals, 0);
        if (!t->slots || !t->load_vals) {
            ng_gaz_table_free(t->slots, cap * GAZ_STRIDE(is_long));
            ng_gaz_table_free(t->load_vals, cap * sizeof *t->load_vals);
            t->slots = NULL;
            t->load_vals = NULL;
            return NG_ENOMEM;
        }
        t->cap = cap;
    }
    return 0;
}

void ng_gazetteer_free(ng_gazetteer *g)
{
    if (!g)
        return;
    for (int is_long = 0; is_long < 2; is_long++) {
        gaz_table *t = &g->tables[is_long];
        ng_gaz_table_free(t->slots, t->cap * GAZ_STRIDE(is_long));
        ng_gaz_table_free(t->load_vals, t->cap * sizeof *t->load_vals);
    }
    free(g->vals);
    free(g->pool);
    for (size_t i = 0; i < g->ncountries; i++)
        free(g->countries[i]);
    free(g->countries);
    free(g->cca2);
    ng_gaz_free_near(g);
    free(g);
}

/* The packed value of the word or phrase s[0..n), 0 if unknown: folded
 * and hashed in one pass (fold_hash_key, as keys are when loading). */
static int64_t lookup(const ng_gazetteer *g, const char *s, size_t n)
{
    char key[KEY_MAX];
    ng_gaz_word w;
    size_t k = fold_hash_key(s, n, key, &w);
    int is_long = k > SLOT_INLINE;
    if (k == 0 || !g->tables[is_long].cap)
        return 0;
    const gaz_slot_head *sl = slot_at(&g->tables[is_long], is_long, probe_word(g, key, k, w.hash, w.head));
    return sl->hash ? g->vals[sl->val] : 0;
}

uint32_t ng_gazetteer_classes(const ng_gazetteer *g, const char *s, size_t n)
{
    /* a single word is its own key but for case: hash and compare it
     * folded on the fly instead of copying it folded first */
    if (n && n <= KEY_MAX && !memchr(s, ' ', n)) {
        ng_gaz_word w = ng_gaz_prepare(s, n, n);
        return ng_gazetteer_word_classes(g, s, n, &w);
    }
    return VAL_CLASSES(lookup(g, s, n));
}

uint64_t ng_gazetteer_serial(const ng_gazetteer *g)
{
    return g->serial;
}

/* An empty table: a hint may still point somewhere harmless. */
static const gaz_long_slot no_slot;

void ng_gazetteer_probe(const ng_gazetteer *g, ng_gaz_probe *p)
{
    _Static_assert(sizeof(gaz_slot) == 1u << 4 && sizeof(gaz_long_slot) == 1u << 5,
                   "ng_gaz_probe.shift");
    _Static_assert(SLOT_INLINE == NG_GAZ_SHORT_MAX, "ng_gaz_prefetch_word picks the table");
    for (int is_long = 0; is_long < 2; is_long++) {
        const gaz_table *t = &g->tables[is_long];
        p->slots[is_long] = t->cap ? (const char *)t->slots : (const char *)&no_slot;
        p->mask[is_long] = t->cap ? t->cap - 1 : 0;
        p->shift[is_long] = is_long ? 5 : 4;
    }
}

uint32_t ng_gazetteer_word_classes(const ng_gazetteer *g, const char *s, size_t n,
                                    const ng_gaz_word *w)
{
    int is_long = n > SLOT_INLINE;
    if (n == 0 || n > KEY_MAX || !g->tables[is_long].cap)
        return 0;
    /* most words are short: their probe inline, without a call */
    size_t j = is_long ? probe_word(g, s, n, w->hash, w->head) : probe_short(g, n, w->hash, w->head);
    const gaz_slot_head *sl = slot_at(&g->tables[is_long], is_long, j);
    return sl->hash ? VAL_CLASSES(g->vals[sl->val]) : 0;
}

/* The probe compares the key case-insensitively, spaces included: a
 * key with spaces is looked up like a word. */
uint32_t ng_gazetteer_key_classes(const ng_gazetteer *g, const char *s, size_t n,
                                  const ng_gaz_word *w)
{
    return ng_gazetteer_word_classes(g, s, n, w);
}

int ng_gazetteer_gender(const ng_gazetteer *g, const char *s, size_t n)
{
    int64_t v = lookup(g, s, n);
    return (VAL_CLASSES(v) & NG_GAZ_GIVEN) ? VAL_GENDER(v) : 0;
}

int ng_gazetteer_country(const ng_gazetteer *g, const char *s, size_t n)
{
    return VAL_COUNTRY(lookup(g, s, n));
}

const char *ng_gazetteer_country_name(const ng_gazetteer *g, int id)
{
    return id >= 0 && (size_t)id < g->ncountries ? g->countries[id] : NULL;
}
