/* strmap.c - open-addressing hash map with linear probing (see strmap.h). */
#include "strmap.h"

#include "newsgraph/error.h"

#include <stdlib.h>
#include <string.h>

uint32_t ng_strmap_hash(const char *s, size_t len)
{
    /* FNV-1a: simple, deterministic, good enough for word lists. */
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    return h ? h : 1;
}

void ng_strmap_init(ng_strmap *m)
{
    m->slots = NULL;
    m->cap = m->count = 0;
}

/* A probe key: the bytes, and for short keys the same bytes zero-padded
 * to NG_STRMAP_INLINE so a slot compares with two word loads, not memcmp. */
typedef struct probe {
    const char *s;
    size_t len;
    uint32_t hash;
    uint64_t pad[NG_STRMAP_INLINE / 8];
} probe;

/* Hashes (as ng_strmap_hash) and pads in one pass over the bytes: a
 * memcpy of a variable length is a libc call, on every lookup. */
static void probe_init(probe *p, const char *s, size_t len)
{
    unsigned char *pad = (unsigned char *)p->pad;
    uint32_t h = 2166136261u;
    memset(p->pad, 0, sizeof p->pad);
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        h ^= c;
        h *= 16777619u;
        if (i < NG_STRMAP_INLINE)
            pad[i] = c;
    }
    p->s = s;
    p->len = len;
    p->hash = h ? h : 1;
}

static int slot_matches(const ng_strmap_slot *sl, const probe *p)
{
    if (sl->hash != p->hash || sl->len != p->len)
        return 0;
    if (p->len > NG_STRMAP_INLINE)
        return memcmp(sl->key.ptr, p->s, p->len) == 0;
    uint64_t w[NG_STRMAP_INLINE / 8];
    memcpy(w, sl->key.bytes, sizeof w);
    return w[0] == p->pad[0] && w[1] == p->pad[1];
}

static int grow(ng_strmap *m)
{
    size_t cap = m->cap ? m->cap * 2 : 64;
    ng_strmap_slot *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return NG_ENOMEM;
    for (size_t i = 0; i < m->cap; i++) {
        ng_strmap_slot *s = &m->slots[i];
        if (!s->hash)
            continue;
        size_t j = s->hash & (cap - 1);
        while (slots[j].hash)
            j = (j + 1) & (cap - 1);
        slots[j] = *s;
    }
    free(m->slots);
    m->slots = slots;
    m->cap = cap;
    return 0;
}

int ng_strmap_put(ng_strmap *m, const char *key, size_t len, int64_t value)
{
    if ((m->count + 1) * 4 >= m->cap * 3 && grow(m))
        return NG_ENOMEM;
    probe p;
    probe_init(&p, key, len);
    size_t j = p.hash & (m->cap - 1);
    while (m->slots[j].hash) {
        ng_strmap_slot *s = &m->slots[j];
        if (slot_matches(s, &p)) {
            s->value = value;
            return 0;
        }
        j = (j + 1) & (m->cap - 1);
    }
    ng_strmap_slot *s = &m->slots[j];
    memset(s, 0, sizeof *s);
    if (len > NG_STRMAP_INLINE) {
        char *k = malloc(len + 1);
        if (!k)
            return NG_ENOMEM;
        memcpy(k, key, len);
        k[len] = '\0';
        s->key.ptr = k;
    } else {
        memcpy(s->key.bytes, key, len);
    }
    s->hash = p.hash;
    s->len = (uint32_t)len;
    s->value = value;
    m->count++;
    return 0;
}

int ng_strmap_get(const ng_strmap *m, const char *key, size_t len, int64_t *value)
{
    if (!m->cap)
        return 0;
    probe p;
    probe_init(&p, key, len);
    size_t j = p.hash & (m->cap - 1);
    while (m->slots[j].hash) {
        const ng_strmap_slot *s = &m->slots[j];
        if (slot_matches(s, &p)) {
            if (value)
                *value = s->value;
            return 1;
        }
        j = (j + 1) & (m->cap - 1);
    }
    return 0;
}

void ng_strmap_free(ng_strmap *m)
{
    for (size_t i = 0; i < m->cap; i++)
        if (m->slots[i].hash && m->slots[i].len > NG_STRMAP_INLINE)
            free(m->slots[i].key.ptr);
    free(m->slots);
    ng_strmap_init(m);
}
