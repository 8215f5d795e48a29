/* strmap.h - open-addressing hash map from byte strings to an int value.
 *
 * Keys are copied into the map (it owns them). Used for gazetteers,
 * node-id lookups and word sets; lookups do not allocate. */
#ifndef NG_STRMAP_H
#define NG_STRMAP_H

#include <stddef.h>
#include <stdint.h>

typedef struct ng_strmap_slot {
    char *key;
    uint32_t len;
    uint32_t hash;
    int64_t value;
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
/* Case-insensitive (ASCII) variant of the hash used by callers that lowercase keys. */
uint32_t ng_strmap_hash(const char *s, size_t len);
void ng_strmap_free(ng_strmap *m);

#endif
