/* gazetteer_word.h - how the gazetteer hashes a word (ng_gazetteer_word
 * of gazetteer.h), inline for the loop of mention finding that prepares
 * every token (mentions_evidence.c) and for gazetteer.c. */
#ifndef NG_EXTRACT_GAZETTEER_WORD_H
#define NG_EXTRACT_GAZETTEER_WORD_H

#include "gazetteer.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* Eight bytes with the ASCII capitals lowercased (other bytes, UTF-8
 * included, as they are), all at once. */
static inline uint64_t gaz_fold8(uint64_t x)
{
    const uint64_t ones = 0x0101010101010101u;
    uint64_t low7 = x & (0x7f * ones);
    uint64_t ge_a = low7 + (0x80 - 'A') * ones;     /* high bit: byte >= 'A' */
    uint64_t gt_z = low7 + (0x80 - 'Z' - 1) * ones; /* high bit: byte > 'Z' */
    uint64_t upper = ge_a & ~gt_z & ~x & (0x80 * ones);
    return x | (upper >> 2); /* 0x80 >> 2 = 0x20 */
}

/* Bytes s[0..n), n < 8, as memcpy would put them in a word whose other
 * bytes are zero (a key stored zero-padded in a slot). */
static inline uint64_t gaz_load_tail(const char *s, size_t n)
{
    uint64_t x = 0;
    for (size_t i = 0; i < n; i++)
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
        x |= (uint64_t)(unsigned char)s[i] << (8 * (7 - i));
#else
        x |= (uint64_t)(unsigned char)s[i] << (8 * i);
#endif
    return x;
}

/* Bytes s[0..n), n < 8, zero-padded like load_tail, when s[0..8) may be
 * read: one load instead of a loop whose length the branch predictor
 * cannot guess. */
static inline uint64_t gaz_load_tail_over(const char *s, size_t n)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    uint64_t x;
    memcpy(&x, s, 8);
    return x & ((UINT64_C(1) << (8 * n)) - 1);
#else
    return gaz_load_tail(s, n);
#endif
}

static inline uint64_t gaz_mix(uint64_t h, uint64_t x)
{
    h = (h ^ x) * 0xff51afd7ed558ccdu;
    return h ^ (h >> 29);
}

static inline uint32_t gaz_finish(uint64_t h)
{
    h *= 0xc4ceb9fe1a85ec53u;
    h ^= h >> 32;
    return (uint32_t)h ? (uint32_t)h : 1;
}

/* ng_gazetteer_word: eight folded bytes per multiply; this runs for every
 * token, so mention finding has it inline. */
static inline ng_gaz_word ng_gaz_prepare(const char *s, size_t n, size_t avail)
{
    ng_gaz_word w = {0, 0};
    uint64_t h = (uint64_t)n * 0x9e3779b97f4a7c15u;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t x;
        memcpy(&x, s + i, 8);
        x = gaz_fold8(x);
        if (i == 0)
            w.head = x;
        h = gaz_mix(h, x);
    }
    if (i < n) {
        uint64_t x = gaz_fold8(i + 8 <= avail ? gaz_load_tail_over(s + i, n - i) : gaz_load_tail(s + i, n - i));
        if (i == 0)
            w.head = x;
        h = gaz_mix(h, x);
    }
    w.hash = gaz_finish(h);
    return w;
}

/* Words of up to this many bytes are in the first table of the
 * gazetteer (ng_gaz_probe), longer ones in the second. */
#define NG_GAZ_SHORT_MAX 8

/* A hint that the word of n bytes and this hash will be looked up soon:
 * its slot is a cache miss, and hinting the words of a document before
 * looking them up lets the misses overlap. */
static inline void ng_gaz_prefetch_word(const ng_gaz_probe *p, uint32_t hash, size_t n)
{
    int is_long = n > NG_GAZ_SHORT_MAX;
    __builtin_prefetch(p->slots[is_long] + ((hash & p->mask[is_long]) << p->shift[is_long]));
}

#endif
