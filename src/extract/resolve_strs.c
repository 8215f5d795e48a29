/* resolve_strs.c - the resolver's string table: every distinct string of
 * the run once, in the resolver's arena, with a dense id (see
 * resolve_internal.h). Open addressing over ids; the hash and length are
 * kept beside each string so a probe compares bytes only on a real hit. */
#include "resolve_internal.h"

#include "gazetteer.h"
#include "resolve_names.h"

#include "thread_memo.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

/* Eight bytes at a time (the last eight overlapping, or for short strings
 * two overlapping halves or three bytes): names are a dozen bytes, where
 * a byte-at-a-time hash was most of the cost of interning. The hash only
 * places strings in the table and the memos; nothing visible depends on it. */
static uint32_t hash_bytes(const char *s, size_t n)
{
    const uint64_t k = 0x9E3779B97F4A7C15ull;
    uint64_t h = (uint64_t)n * k, w;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        memcpy(&w, s + i, 8);
        h = (h ^ w) * 0xFF51AFD7ED558CCDull;
        h ^= h >> 32;
    }
    if (i < n) {
        if (n >= 8) {
            memcpy(&w, s + n - 8, 8);
        } else if (n >= 4) {
            uint32_t a, b;
            memcpy(&a, s, 4);
            memcpy(&b, s + n - 4, 4);
            w = (uint64_t)a << 32 | b;
        } else {
            w = (uint64_t)(unsigned char)s[0] << 16 | (uint64_t)(unsigned char)s[n / 2] << 8 |
                (unsigned char)s[n - 1];
        }
        h = (h ^ w) * 0xC4CEB9FE1A85EC53ull;
    }
    h ^= h >> 29;
    h *= k;
    return (uint32_t)(h ^ h >> 32);
}

uint32_t *ng_rindex_build(const void *items, size_t n, size_t stride, size_t hash_at, size_t cap)
{
    uint32_t *slots = calloc(cap, sizeof *slots);
    if (!slots) return NULL;
    const char *item = items;
    for (size_t i = 0; i < n; i++, item += stride) {
        uint32_t hash;
        memcpy(&hash, item + hash_at, sizeof hash);
        size_t j = hash & (cap - 1);
        while (slots[j]) j = (j + 1) & (cap - 1);
        slots[j] = (uint32_t)i + 1;
    }
    return slots;
}

static int grow_slots(ng_resolver *r)
{
    uint32_t cap = r->slots_cap ? r->slots_cap * 2 : 128;
    uint32_t *slots = ng_rindex_build(r->strs, r->nstrs, sizeof *r->strs, offsetof(ng_rstr, hash), cap);
    if (!slots) return NG_ENOMEM;
    free(r->slots);
    r->slots = slots;
    r->slots_cap = cap;
    return 0;
}

/* The slot holding s[0..n), or the empty slot where it would go. */
static uint32_t probe(const ng_resolver *r, const char *s, size_t n, uint32_t hash)
{
    uint32_t mask = r->slots_cap - 1;
    for (uint32_t j = hash & mask;; j = (j + 1) & mask) {
        uint32_t v = r->slots[j];
        if (!v) return j;
        const ng_rstr *e = &r->strs[v - 1];
        if (e->hash == hash && e->len == n && memcmp(e->text, s, n) == 0) return j;
    }
}

uint32_t ng_rstr_find(const ng_resolver *r, const char *s, size_t n)
{
    if (!r->slots_cap) return NG_RNONE;
    uint32_t v = r->slots[probe(r, s, n, hash_bytes(s, n))];
    return v ? v - 1 : NG_RNONE;
}

/* ng_rstr_intern of s[0..n) whose hash_bytes is hash. */
static int intern_hashed(ng_resolver *r, const char *s, size_t n, uint32_t hash, uint32_t *id)
{
    if ((r->nstrs + 1) * 2 > r->slots_cap && grow_slots(r) < 0) return NG_ENOMEM;
    uint32_t j = probe(r, s, n, hash);
    if (r->slots[j]) {
        *id = r->slots[j] - 1;
        return 0;
    }
    if (r->nstrs == r->strs_cap) {
        uint32_t cap = r->strs_cap ? r->strs_cap * 2 : 64;
        ng_rstr *p = realloc(r->strs, cap * sizeof *p);
        if (!p) return NG_ENOMEM;
        r->strs = p;
        r->strs_cap = cap;
    }
    const char *text = ng_arena_strndup(&r->arena, s, n);
    if (!text) return NG_ENOMEM;
    r->strs[r->nstrs] = (ng_rstr){text, (uint32_t)n, hash, NG_RNONE, NG_RNONE};
    r->slots[j] = r->nstrs + 1;
    *id = r->nstrs++;
    return 0;
}

int ng_rstr_intern(ng_resolver *r, const char *s, size_t n, uint32_t *id)
{
    return intern_hashed(r, s, n, hash_bytes(s, n), id);
}

/* ng_name_key of strings, per thread and kept across resolvers (it is a
 * pure function of the string): extract --stream resolves every document
 * on its own and keys the same names again and again. Direct-mapped by
 * the string's hash; longer strings and keys are not kept. */
#define KEY_MEMO_SLOTS 4096
#define KEY_MEMO_TEXT 40

typedef struct key_memo_slot {
    uint32_t len;     /* text length + 1, 0 empty */
    uint32_t key_len;
    uint32_t key_hash; /* hash_bytes of the key, which is interned next */
    char text[KEY_MEMO_TEXT];
    char key[KEY_MEMO_TEXT + 1]; /* a key is never longer than its text */
} key_memo_slot;

static ng_thread_memo key_memo_block = NG_THREAD_MEMO(KEY_MEMO_SLOTS * sizeof(key_memo_slot), NULL);
static _Thread_local key_memo_slot *key_memo; /* this thread's block of key_memo_block */

/* Interns the key (ng_name_key) of string t; its id in *key. */
static int intern_key(ng_resolver *r, const ng_rstr *t, uint32_t *key)
{
    char buf[NG_NAME_MAX];
    if (!key_memo)
        key_memo = ng_thread_memo_get(&key_memo_block, NULL);
    if (t->len > KEY_MEMO_TEXT || !key_memo) {
        size_t n = ng_name_key(t->text, t->len, buf, NG_NAME_MAX);
        return ng_rstr_intern(r, buf, n, key);
    }
    key_memo_slot *m = &key_memo[t->hash & (KEY_MEMO_SLOTS - 1)];
    if (m->len == t->len + 1 && memcmp(m->text, t->text, t->len) == 0)
        return intern_hashed(r, m->key, m->key_len, m->key_hash, key);
    size_t n = ng_name_key(t->text, t->len, buf, NG_NAME_MAX);
    uint32_t hash = hash_bytes(buf, n);
    if (n <= KEY_MEMO_TEXT) {
        m->len = t->len + 1;
        memcpy(m->text, t->text, t->len);
        m->key_len = (uint32_t)n;
        m->key_hash = hash;
        memcpy(m->key, buf, n + 1);
    }
    return intern_hashed(r, buf, n, hash, key);
}

int ng_rstr_key(ng_resolver *r, uint32_t id, uint32_t *key)
{
    if (r->strs[id].key == NG_RNONE) {
        /* t is copied: interning the key may move the table */
        ng_rstr t = r->strs[id];
        uint32_t k;
        if (intern_key(r, &t, &k) < 0) return NG_ENOMEM;
        r->strs[id].key = k;
    }
    *key = r->strs[id].key;
    return 0;
}

typedef struct text_id {
    uint64_t prefix; /* the first 8 bytes (up to the NUL, zeros after) big-endian: strcmp order */
    const char *text;
    uint32_t id;
} text_id;

static inline int text_less(const text_id *x, const text_id *y)
{
    return x->prefix != y->prefix ? x->prefix < y->prefix : strcmp(x->text, y->text) < 0;
}

/* Sorts v[0..n) by text_less (tmp has room for n): a merge sort with the
 * comparison inlined, as qsort's calls through a pointer were most of the
 * cost of ranking the few hundred strings of a document (extract --stream). */
static void sort_texts(text_id *v, text_id *tmp, size_t n)
{
    if (n <= 16) {
        for (size_t i = 1; i < n; i++) {
            text_id x = v[i];
            size_t j = i;
            for (; j > 0 && text_less(&x, &v[j - 1]); j--) v[j] = v[j - 1];
            v[j] = x;
        }
        return;
    }
    size_t h = n / 2, a = 0, b = h, k = 0;
    sort_texts(v, tmp, h);
    sort_texts(v + h, tmp, n - h);
    if (!text_less(&v[h], &v[h - 1])) return; /* already in order */
    while (a < h && b < n) tmp[k++] = text_less(&v[b], &v[a]) ? v[b++] : v[a++];
    while (a < h) tmp[k++] = v[a++];
    memcpy(v, tmp, k * sizeof *v); /* v[b..n) is in place */
}

int ng_rstr_rank(ng_resolver *r)
{
    text_id *order = malloc(((size_t)r->nstrs + 1) * 2 * sizeof *order);
    uint32_t *rank = malloc(((size_t)r->nstrs + 1) * sizeof *rank);
    if (!order || !rank) {
        free(order);
        free(rank);
        return NG_ENOMEM;
    }
    /* only the records' keys and surnames are ever compared by rank: they
     * alone are sorted (the others keep NG_RNONE), which orders them as
     * ranking every string would */
    for (uint32_t i = 0; i < r->nstrs; i++) rank[i] = NG_RNONE;
    for (size_t i = 0; i < r->nrecs; i++) {
        const ng_rrec *rec = &r->recs[i];
        if (rec->key < r->nstrs) rank[rec->key] = 0;
        if (rec->surname < r->nstrs) rank[rec->surname] = 0;
    }
    uint32_t n = 0;
    for (uint32_t i = 0; i < r->nstrs; i++) {
        if (rank[i] == NG_RNONE) continue;
        const ng_rstr *t = &r->strs[i];
        uint64_t p = 0;
        for (uint32_t k = 0; k < 8; k++) {
            unsigned char c = k < t->len ? (unsigned char)t->text[k] : 0;
            p = p << 8 | c;
            if (!c) {
                p <<= 8 * (7 - k);
                break;
            }
        }
        order[n++] = (text_id){p, t->text, i};
    }
    sort_texts(order, order + n + 1, n); /* distinct strings: no ties */
    for (uint32_t i = 0; i < n; i++) rank[order[i].id] = i;
    free(order);
    free(r->rank);
    r->rank = rank;
    r->nranked = r->nstrs;
    return 0;
}

uint32_t *ng_rstr_memo(const ng_resolver *r, uint32_t fill)
{
    uint32_t *m = malloc(((size_t)r->nstrs + 1) * sizeof *m);
    if (m)
        for (uint32_t i = 0; i <= r->nstrs; i++) m[i] = fill;
    return m;
}

/* ng_gazetteer_classes of the strings a resolver asks about, per thread
 * and kept while the gazetteer is the same (it is a pure function of the
 * string): extract --stream resolves every document on its own and asks
 * about the same names and words again and again. Direct-mapped by the
 * string's hash; longer strings go straight to the gazetteer. */
#define CLASSES_MEMO_SLOTS 4096
#define CLASSES_MEMO_TEXT 32

typedef struct classes_memo_slot {
    uint64_t serial; /* ng_gazetteer_serial of the answer's gazetteer, 0 empty */
    uint32_t classes;
    uint32_t len;
    char text[CLASSES_MEMO_TEXT];
} classes_memo_slot;

static ng_thread_memo classes_memo_block =
    NG_THREAD_MEMO(CLASSES_MEMO_SLOTS * sizeof(classes_memo_slot), NULL);
static _Thread_local classes_memo_slot *classes_memo; /* this thread's block */

static uint32_t classes_hashed(const ng_gazetteer *g, const char *s, size_t n, uint32_t hash)
{
    if (!classes_memo)
        classes_memo = ng_thread_memo_get(&classes_memo_block, NULL);
    if (n > CLASSES_MEMO_TEXT || !classes_memo) return ng_gazetteer_classes(g, s, n);
    uint64_t serial = ng_gazetteer_serial(g);
    classes_memo_slot *m = &classes_memo[hash & (CLASSES_MEMO_SLOTS - 1)];
    if (m->serial == serial && m->len == n && memcmp(m->text, s, n) == 0) return m->classes;
    uint32_t classes = ng_gazetteer_classes(g, s, n);
    m->serial = serial;
    m->classes = classes;
    m->len = (uint32_t)n;
    memcpy(m->text, s, n);
    return classes;
}

uint32_t ng_rgaz_classes(const ng_gazetteer *g, const char *s, size_t n)
{
    return n > CLASSES_MEMO_TEXT ? ng_gazetteer_classes(g, s, n) : classes_hashed(g, s, n, hash_bytes(s, n));
}

uint32_t ng_rstr_classes(const ng_resolver *r, uint32_t id)
{
    const ng_gazetteer *g = r->models ? r->models->gazetteer : NULL;
    if (!g) return 0;
    const ng_rstr *t = &r->strs[id];
    return classes_hashed(g, t->text, t->len, t->hash);
}

uint32_t ng_rclasses(ng_resolver *r, uint32_t id)
{
    const ng_gazetteer *g = r->models ? r->models->gazetteer : NULL;
    if (!g) return 0;
    if (id >= r->nclasses) {
        uint32_t n = r->nstrs > id ? r->nstrs : id + 1;
        uint32_t *c = realloc(r->classes, (size_t)n * sizeof *c);
        if (!c) return ng_rstr_classes(r, id);
        for (uint32_t i = r->nclasses; i < n; i++) c[i] = NG_RNONE;
        r->classes = c;
        r->nclasses = n;
    }
    if (r->classes[id] == NG_RNONE) r->classes[id] = ng_rstr_classes(r, id);
    return r->classes[id];
}

void ng_rstr_reset(ng_resolver *r)
{
    /* empty the slots the strings hold: each id is found from its home
     * slot on (past slots already emptied), so the cost follows the
     * strings, not a table a larger run grew */
    uint32_t mask = r->slots_cap - 1;
    for (uint32_t id = 0; id < r->nstrs; id++) {
        uint32_t j = r->strs[id].hash & mask;
        while (r->slots[j] != id + 1) j = (j + 1) & mask;
        r->slots[j] = 0;
    }
    r->nstrs = 0;
    r->nclasses = 0; /* its memory is reused, its answers are not */
    free(r->rank);
    r->rank = NULL;
    r->nranked = 0;
}

void ng_rstr_free(ng_resolver *r)
{
    free(r->classes);
    free(r->strs);
    free(r->slots);
    free(r->rank);
}
