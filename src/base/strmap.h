/* strmap.h - open-addressing hash map from byte strings to an int value.
 *
 * Keys are copied into the map (it owns them). Used for gazetteers,
 * node-id lookups and word sets; lookups do not allocate. */
#ifndef NG_STRMAP_H
#define NG_STRMAP_H

#include <stddef.h>
#include <stdint.h>

/* Keys up to this many bytes live inside the slot: a lookup that hits
 * then touches one cache line instead of two (words are short). */
#define NG_STRMAP_INLINE 16

typedef struct ng_strmap_slot {
    uint32_t hash; /* 0: empty slot */
    uint32_t len;
    int64_t value;
    union {
        char bytes[NG_STRMAP_INLINE]; /* len <= NG_STRMAP_INLINE, zero-padded */
        char *ptr;                    /* longer keys, NUL-terminated, owned */
    } key;
} ng_strmap_slot;

typedef struct ng_strmap {
    ng_strmap_slot *slots;
    size_t cap, count;
} ng_strmap;

void ng_strmap_init(ng_strmap *m);
/* Inserts or overwrites key -> value. Returns 0 or NG_ENOMEM. */
int ng_strmap_put(ng_strmap *m, const char *key, size_t len, int64_t value);
/* Returns 1 and stores the value in *value (if not NULL) when key is present, else 0. */
int ng_strmap_get(const ng_strmap *m, const char *key, size_t len, int64_t *value);
/* The map's hash of s[0..len) (FNV-1a, never 0). */
uint32_t ng_strmap_hash(const char *s, size_t len);
void ng_strmap_free(ng_strmap *m);

#endif
