/* gazetteer_internal.h - private to gazetteer.c and gazetteer_near.c:
 * the gazetteer's tables and the helpers the typo search shares with
 * loading. */
#ifndef NG_EXTRACT_GAZETTEER_INTERNAL_H
#define NG_EXTRACT_GAZETTEER_INTERNAL_H

#include "gazetteer.h"

#include "newsgraph/error.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* Packed value: bits 0-31 classes, 32-43 country id + 1, 44-51 gender. */
#define VAL_CLASSES(v) ((uint32_t)((uint64_t)(v)&0xffffffffu))
#define VAL_COUNTRY(v) ((int)(((uint64_t)(v) >> 32) & 0xfffu) - 1)
#define VAL_GENDER(v) ((int)(((uint64_t)(v) >> 44) & 0xffu))

/* Longest key we look up; longer tokens are never gazetteer words. */
#define KEY_MAX 128

typedef struct near_place {
    char *name;     /* as spelled in the data (owned) */
    char lower[48]; /* ASCII-lowercased, for the distance */
    size_t len;
    uint32_t letters; /* set of the letters a-z it contains */
} near_place;

/* The keys are in two open-addressing tables by length: words of up
 * to 8 bytes (most words) in 16-byte slots, four to a cache line, and
 * longer keys in 32-byte slots, two to a line. The probe of a word is a
 * cache miss on tables of ~100k keys, so the slots are small (together
 * 6 MB at load <= 1/2, where a general ng_strmap takes 8 MB) and hold
 * the key itself, compared inside the slot: a key of 9-24 bytes too,
 * which a single table of 16-byte slots kept in a pool, a second miss on
 * every hit (40 % of the time of probe_word on 100 MB). Only keys of more
 * than 24 bytes (~0.4 %) are in the pool. The packed values are few
 * (~1.6k distinct), so a slot holds an index into the value array,
 * which stays in cache. Both slot types start with a gaz_slot_head. */
#define SLOT_INLINE 8
#define LONG_INLINE 24

typedef struct gaz_slot_head {
    uint32_t hash; /* ng_gazetteer_hash of the key; 0 = empty */
    uint16_t val;  /* index into vals */
    uint8_t len;   /* key length (keys are < KEY_MAX bytes) */
    uint8_t pad_;
} gaz_slot_head;

typedef struct gaz_slot { /* keys of 1 to SLOT_INLINE bytes */
    gaz_slot_head h;
    union {
        char bytes[SLOT_INLINE]; /* the key, zero-padded */
        uint64_t word;
    } key;
} gaz_slot;

typedef struct gaz_long_slot { /* keys of more than SLOT_INLINE bytes */
    gaz_slot_head h;
    union {
        char bytes[LONG_INLINE]; /* len <= LONG_INLINE: the key, zero-padded */
        uint64_t word;           /* its first eight bytes (ng_gaz_word.head) */
        uint32_t off;            /* longer keys: offset in pool */
    } key;
} gaz_long_slot;

/* One table: slots of gaz_slot (short) or gaz_long_slot (long). */
typedef struct gaz_table {
    void *slots;      /* power-of-two size, load <= 3/4 loading, <= 1/2 frozen */
    size_t cap, count;
    int64_t *load_vals; /* while loading: the packed value of each slot */
} gaz_table;

/* The size of a slot of the long (1) or short (0) table. */
#define GAZ_STRIDE(is_long) ((is_long) ? sizeof(gaz_long_slot) : sizeof(gaz_slot))

/* A key waiting to be stored while loading (add_key in gazetteer.c). */
#define GAZ_PENDING 8
typedef struct gaz_pending {
    char key[KEY_MAX]; /* folded */
    size_t k;
    uint64_t head; /* the first eight bytes of key, zero-padded (ng_gaz_word) */
    uint32_t hash;
    uint32_t classes;
    int country, gender;
} gaz_pending;

struct ng_gazetteer {
    gaz_table tables[2]; /* [0]: keys of <= SLOT_INLINE bytes, [1]: longer */
    int64_t *vals;    /* after loading: the distinct packed values */
    char *pool;       /* keys longer than LONG_INLINE, folded */
    size_t pool_len, pool_cap;
    char **countries; /* common names, by id (owned) */
    char (*cca2)[3];
    size_t ncountries;
    gaz_pending pending[GAZ_PENDING]; /* while loading: a ring, oldest at pending_at - npending */
    size_t pending_at, npending;
    int32_t cca2_id[26 * 26]; /* country id + 1 of an upper-case ISO code, 0 = none */
    near_place *near; /* typo targets: countries, capitals, big cities, by first letter */
    size_t nnear, near_cap;
    uint32_t near_at[257]; /* near[near_at[c] .. near_at[c + 1]) start with byte c, sorted by length */
    uint64_t serial;  /* ng_gazetteer_serial, set when loaded */
    int from_image;   /* loaded from the built-in image (gazetteer_image.c), not parsed */
};

/* Lowercases ASCII letters of s into buf (at most KEY_MAX bytes) and
 * folds runs of spaces to one; returns the key length or 0 if too long. */
size_t ng_gaz_fold_key(const char *s, size_t n, char *buf);

/* Loading (gazetteer.c; the lists are read in gazetteer_lists.c). */
/* Queues s[0..n) to get classes (and country / gender when not yet set),
 * and every proper word prefix of a phrase NG_GAZ_PREFIX; keys are
 * stored in the order they are added. 0 or NG_ENOMEM. */
int ng_gaz_add_key(ng_gazetteer *g, const char *s, size_t n, uint32_t classes, int country,
                   int gender);
/* Stores the keys still queued; 0 or NG_ENOMEM. */
int ng_gaz_flush_keys(ng_gazetteer *g);
/* Sizes the empty tables for about keys keys; 0 or NG_ENOMEM. */
int ng_gaz_reserve(ng_gazetteer *g, size_t keys);
/* Ends loading: the tables become read-only (values indexed); 0 or an error. */
int ng_gaz_freeze(ng_gazetteer *g);

/* Memory for a table of slots (on huge pages where it pays), zeroed if
 * zero; NULL when out of memory. Free with ng_gaz_table_free and the
 * same size. */
void *ng_gaz_table_alloc(size_t bytes, int zero);
void ng_gaz_table_free(void *p, size_t bytes);

/* The lists of data/gazetteer/, in the order they are parsed
 * (gazetteer_lists.c): read whole, compared with the built-in image,
 * then parsed if they differ from it. */
enum { GAZ_NTABLES = 5, GAZ_NLISTS = 12, GAZ_NFILES = GAZ_NTABLES + GAZ_NLISTS };
typedef struct gaz_file {
    char path[4096];
    char *text; /* len bytes and a NUL; parsing cuts its lines in place */
    size_t len;
} gaz_file;
/* Reads the lists of dir/gazetteer/ into files (zeroed by the caller);
 * 0 or an error (set in err). Free with ng_gaz_free_files, also on error. */
int ng_gaz_read_files(const char *dir, gaz_file *files, ng_error *err);
void ng_gaz_free_files(gaz_file *files);
/* The plain parser: fills the empty g from the lists (cut in place) and
 * freezes it; 0 or an error (set in err). */
int ng_gaz_parse_files(ng_gazetteer *g, gaz_file *files, ng_error *err);
/* Loads dir/gazetteer/ from the built-in image when allowed and the files
 * are byte for byte those it was made from, else by the plain parser:
 * the same tables either way. 0 or an error (set in err). */
int ng_gaz_load(const char *dir, int allow_image, ng_gazetteer **out, ng_error *err);

/* The built-in image (gazetteer_image.c). */
/* Fills the empty g from the image built into the program when files
 * (as read, not yet parsed) are byte for byte the lists it was made
 * from: 1 when loaded, 0 when there is no image or the files differ
 * (g left empty), NG_ENOMEM. */
int ng_gaz_image_load(ng_gazetteer *g, const gaz_file *files);
/* Writes the image of the frozen g, parsed from lists whose text before
 * parsing was texts[i][0..lens[i]), as a C source defining the image;
 * 0 or an error. */
int ng_gaz_image_write_c(FILE *out, const char *const *texts, const size_t *lens,
                         const ng_gazetteer *g);

/* Typo search (gazetteer_near.c). */
/* Remembers a place as a target of the typo lookup; 0 or NG_ENOMEM. */
int ng_gaz_add_near(ng_gazetteer *g, const char *s, size_t n);
/* Sorts the targets for lookups, once all are added. */
void ng_gaz_index_near(ng_gazetteer *g);
void ng_gaz_free_near(ng_gazetteer *g);

#endif
