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

static int grow(ng_strmap *m)
{
    size_t cap = m->cap ? m->cap * 2 : 64;
    ng_strmap_slot *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return NG_ENOMEM;
    for (size_t i = 0; i < m->cap; i++) {
        ng_strmap_slot *s = &m->slots[i];
        if (!s->key)
            continue;
        size_t j = s->hash & (cap - 1);
        while (slots[j].key)
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
    uint32_t h = ng_strmap_hash(key, len);
    size_t j = h & (m->cap - 1);
    while (m->slots[j].key) {
        ng_strmap_slot *s = &m->slots[j];
        if (s->hash == h && s->len == len && memcmp(s->key, key, len) == 0) {
            s->value = value;
            return 0;
        }
        j = (j + 1) & (m->cap - 1);
    }
    char *k = malloc(len + 1);
    if (!k)
        return NG_ENOMEM;
    memcpy(k, key, len);
    k[len] = '\0';
    m->slots[j] = (ng_strmap_slot){k, (uint32_t)len, h, value};
    m->count++;
    return 0;
}

int ng_strmap_get(const ng_strmap *m, const char *key, size_t len, int64_t *value)
{
    if (!m->cap)
        return 0;
    uint32_t h = ng_strmap_hash(key, len);
    size_t j = h & (m->cap - 1);
    while (m->slots[j].key) {
        const ng_strmap_slot *s = &m->slots[j];
        if (s->hash == h && s->len == len && memcmp(s->key, key, len) == 0) {
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
        free(m->slots[i].key);
    free(m->slots);
    ng_strmap_init(m);
}
