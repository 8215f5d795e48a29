/* gazetteer_image.c - the gazetteer built into the program.
 *
 * Parsing ~1 MB of lists into ~95k keys costs ~60 M instructions, as
 * much as extracting ~1 MB of news. The build runs the same parser once
 * (gazetteer_image_gen.c) and compiles the frozen tables into the
 * program as an image, with the text of the lists they came from. At
 * start-up the lists are still read, and the image is used only when
 * every file is byte for byte the one it was made from: there is no
 * hash to collide and no cache to go stale, and lists a user edited
 * (--data, NEWSGRAPH_DATA) go through the plain parser as before.
 *
 * Loading the image puts each stored slot back at its index in fresh
 * tables from ng_gaz_table_alloc (so they are on huge pages like parsed
 * ones) and copies the values, long keys, countries and typo
 * targets: the same tables as parsing, which tests/unit/extract
 * test_gazetteer.c checks key by key.
 *
 * The image is native: written and read by the same build of this code
 * (a cross build compiles no image, gazetteer_image_none.c). Layout: a
 * header of H_COUNT uint64 fields (offsets are from the image start,
 * each section 8-byte aligned), then the sections. */
#include "gazetteer_internal.h"

#include "newsgraph/error.h"

#include <stdlib.h>
#include <string.h>

/* Defined by the generated gazetteer_image_data.c, or by
 * gazetteer_image_none.c (size 0: no image). */
extern const unsigned char ng_gaz_image[];
extern const size_t ng_gaz_image_size;

#define IMAGE_MAGIC UINT64_C(0x31474d495a41474e) /* "NGAZIMG1" */
/* What the image's binary layout depends on: a change of any of these
 * makes an image unreadable rather than misread. */
#define IMAGE_LAYOUT                                                                        \
    ((uint64_t)sizeof(gaz_slot) | (uint64_t)KEY_MAX << 8 | (uint64_t)GAZ_NFILES << 16 |    \
     (uint64_t)SLOT_INLINE << 24 | (uint64_t)sizeof(size_t) << 32 |                         \
     (uint64_t)sizeof(((ng_gazetteer *)0)->near_at) << 40 |                                 \
     (uint64_t)sizeof(gaz_long_slot) << 52 | (uint64_t)LONG_INLINE << 58)

/* The fields of each table in the header. */
enum {
    T_CAP,     /* slots of the table */
    T_KEYS,    /* taken slots */
    T_INDEXES, /* offset: uint32 slot index of each taken slot */
    T_SLOTS,   /* offset: the taken slots, in table order */
    T_COUNT
};

enum {
    H_MAGIC,
    H_LAYOUT,
    H_FILES,                        /* offset and length of each list, GAZ_NFILES pairs */
    H_TABLES = H_FILES + 2 * GAZ_NFILES, /* T_COUNT fields of the short keys' table, then the long */
    H_NVALS = H_TABLES + 2 * T_COUNT,
    H_VALS,                         /* offset: the distinct packed values */
    H_POOL_LEN,
    H_POOL,                         /* offset: keys longer than LONG_INLINE */
    H_NCOUNTRIES,
    H_COUNTRIES,                    /* offset: common names, each NUL-terminated */
    H_CCA2,                         /* offset: ISO codes, 3 bytes each */
    H_CCA2_ID,                      /* offset: the int32 cca2_id table */
    H_NNEAR,
    H_NEAR,                         /* offset: typo targets in sorted order, NUL-terminated */
    H_NEAR_AT,                      /* offset: the uint32 near_at table */
    H_COUNT
};

static uint64_t header(const unsigned char *image, size_t field)
{
    uint64_t v;
    memcpy(&v, image + field * sizeof v, sizeof v);
    return v;
}

/* 1 when the image is readable by this code and each file is the one it
 * was made from. */
static int image_matches(const unsigned char *image, size_t size, const gaz_file *files)
{
    if (size < H_COUNT * sizeof(uint64_t) || header(image, H_MAGIC) != IMAGE_MAGIC ||
        header(image, H_LAYOUT) != IMAGE_LAYOUT)
        return 0;
    for (size_t i = 0; i < GAZ_NFILES; i++) {
        uint64_t off = header(image, H_FILES + 2 * i), len = header(image, H_FILES + 2 * i + 1);
        if (len != files[i].len || off > size || len > size - off ||
            memcmp(image + off, files[i].text, len) != 0)
            return 0;
    }
    return 1;
}

/* The strings of a section of NUL-terminated strings, one after another. */
static const char *next_string(const char *s)
{
    return s + strlen(s) + 1;
}

static int unpack(ng_gazetteer *g, const unsigned char *image)
{
    for (int is_long = 0; is_long < 2; is_long++) {
        gaz_table *t = &g->tables[is_long];
        size_t at = H_TABLES + (size_t)is_long * T_COUNT, stride = GAZ_STRIDE(is_long);
        size_t cap = header(image, at + T_CAP), keys = header(image, at + T_KEYS);
        if (!(t->slots = ng_gaz_table_alloc(cap * stride, 1)))
            return NG_ENOMEM;
        t->cap = cap;
        t->count = keys;
        const unsigned char *indexes = image + header(image, at + T_INDEXES);
        const unsigned char *slots = image + header(image, at + T_SLOTS);
        for (size_t i = 0; i < keys; i++) {
            uint32_t j;
            memcpy(&j, indexes + i * sizeof j, sizeof j);
            memcpy((char *)t->slots + j * stride, slots + i * stride, stride);
        }
    }

    size_t nvals = header(image, H_NVALS);
    if (!(g->vals = malloc((nvals ? nvals : 1) * sizeof *g->vals)))
        return NG_ENOMEM;
    memcpy(g->vals, image + header(image, H_VALS), nvals * sizeof *g->vals);

    size_t pool_len = header(image, H_POOL_LEN);
    if (pool_len) {
        if (!(g->pool = malloc(pool_len)))
            return NG_ENOMEM;
        memcpy(g->pool, image + header(image, H_POOL), pool_len);
        g->pool_len = g->pool_cap = pool_len;
    }

    size_t ncountries = header(image, H_NCOUNTRIES);
    if (ncountries) {
        if (!(g->countries = calloc(ncountries, sizeof *g->countries)) ||
            !(g->cca2 = malloc(ncountries * sizeof *g->cca2)))
            return NG_ENOMEM;
        const char *name = (const char *)image + header(image, H_COUNTRIES);
        for (size_t i = 0; i < ncountries; i++, name = next_string(name)) {
            if (!(g->countries[i] = strdup(name)))
                return NG_ENOMEM;
            g->ncountries = i + 1;
        }
        memcpy(g->cca2, image + header(image, H_CCA2), ncountries * sizeof *g->cca2);
    }
    memcpy(g->cca2_id, image + header(image, H_CCA2_ID), sizeof g->cca2_id);

    /* the targets were stored sorted: adding them in order rebuilds the
     * sorted array without ng_gaz_index_near */
    size_t nnear = header(image, H_NNEAR);
    const char *name = (const char *)image + header(image, H_NEAR);
    for (size_t i = 0; i < nnear; i++, name = next_string(name)) {
        int rc = ng_gaz_add_near(g, name, strlen(name));
        if (rc < 0)
            return rc;
    }
    memcpy(g->near_at, image + header(image, H_NEAR_AT), sizeof g->near_at);
    g->from_image = 1;
    return 0;
}

int ng_gaz_image_load(ng_gazetteer *g, const gaz_file *files)
{
    if (!image_matches(ng_gaz_image, ng_gaz_image_size, files))
        return 0;
    int rc = unpack(g, ng_gaz_image);
    return rc < 0 ? rc : 1;
}

/* Writing (the build's generator only). */

typedef struct image_buf {
    unsigned char *bytes;
    size_t len, cap;
    int oom;
} image_buf;

/* Appends n bytes. */
static void put(image_buf *b, const void *p, size_t n)
{
    if (b->len + n > b->cap) {
        size_t cap = b->cap ? b->cap : 1 << 20;
        while (cap < b->len + n)
            cap *= 2;
        unsigned char *q = realloc(b->bytes, cap);
        if (!q) {
            b->oom = 1;
            return;
        }
        b->bytes = q;
        b->cap = cap;
    }
    if (n)
        memcpy(b->bytes + b->len, p, n);
    b->len += n;
}

/* Starts a section: pads to 8 bytes and returns its offset. */
static size_t section(image_buf *b)
{
    static const unsigned char zeros[8];
    put(b, zeros, (8 - b->len % 8) % 8);
    return b->len;
}

/* A section of n bytes; returns its offset. */
static size_t put_section(image_buf *b, const void *p, size_t n)
{
    size_t at = section(b);
    put(b, p, n);
    return at;
}

static void set_header(image_buf *b, size_t field, uint64_t v)
{
    if (!b->oom)
        memcpy(b->bytes + field * sizeof v, &v, sizeof v);
}

/* Writes the image as one string literal: the lists are mostly printable
 * text, which a literal keeps short and the compiler reads fast. */
static int write_c(FILE *out, const image_buf *b)
{
    fprintf(out, "/* Generated by gazetteer-image-gen from data/gazetteer: do not edit. */\n"
                 "#include <stddef.h>\n\n"
                 "_Alignas(16) const unsigned char ng_gaz_image[%zu] =\n\"",
            b->len);
    size_t col = 0;
    for (size_t i = 0; i < b->len; i++) {
        unsigned char c = b->bytes[i];
        /* '?' escaped against trigraphs; octal escapes always 3 digits so
         * a following digit is never taken into them */
        if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '?') {
            fputc(c, out);
            col++;
        } else {
            fprintf(out, "\\%03o", c);
            col += 4;
        }
        if (col >= 76 && i + 1 < b->len) {
            fputs("\"\n\"", out);
            col = 0;
        }
    }
    fprintf(out, "\";\nconst size_t ng_gaz_image_size = %zu;\n", b->len);
    return ferror(out) ? NG_EINTERNAL : 0;
}

int ng_gaz_image_write_c(FILE *out, const char *const *texts, const size_t *lens,
                         const ng_gazetteer *g)
{
    image_buf b = {0};
    uint64_t head[H_COUNT] = {0};
    put(&b, head, sizeof head);
    set_header(&b, H_MAGIC, IMAGE_MAGIC);
    set_header(&b, H_LAYOUT, IMAGE_LAYOUT);
    for (size_t i = 0; i < GAZ_NFILES; i++) {
        set_header(&b, H_FILES + 2 * i, put_section(&b, texts[i], lens[i]));
        set_header(&b, H_FILES + 2 * i + 1, lens[i]);
    }

    size_t keys = 0, nvals = 0;
    for (int is_long = 0; is_long < 2; is_long++) {
        const gaz_table *t = &g->tables[is_long];
        size_t at = H_TABLES + (size_t)is_long * T_COUNT, stride = GAZ_STRIDE(is_long);
        set_header(&b, at + T_CAP, t->cap);
        set_header(&b, at + T_INDEXES, section(&b));
        size_t taken = 0;
        for (size_t j = 0; j < t->cap; j++)
            if (((const gaz_slot_head *)((const char *)t->slots + j * stride))->hash) {
                uint32_t index = (uint32_t)j;
                put(&b, &index, sizeof index);
                taken++;
            }
        set_header(&b, at + T_KEYS, taken);
        set_header(&b, at + T_SLOTS, section(&b));
        for (size_t j = 0; j < t->cap; j++) {
            const gaz_slot_head *sl = (const gaz_slot_head *)((const char *)t->slots + j * stride);
            if (sl->hash) {
                put(&b, sl, stride);
                if ((size_t)sl->val + 1 > nvals)
                    nvals = (size_t)sl->val + 1;
            }
        }
        keys += taken == t->count ? taken : 0; /* a count that disagrees fails below */
    }
    set_header(&b, H_NVALS, nvals);
    set_header(&b, H_VALS, put_section(&b, g->vals, nvals * sizeof *g->vals));
    set_header(&b, H_POOL_LEN, g->pool_len);
    set_header(&b, H_POOL, put_section(&b, g->pool, g->pool_len));

    set_header(&b, H_NCOUNTRIES, g->ncountries);
    set_header(&b, H_COUNTRIES, section(&b));
    for (size_t i = 0; i < g->ncountries; i++)
        put(&b, g->countries[i], strlen(g->countries[i]) + 1);
    set_header(&b, H_CCA2, put_section(&b, g->cca2, g->ncountries * sizeof *g->cca2));
    set_header(&b, H_CCA2_ID, put_section(&b, g->cca2_id, sizeof g->cca2_id));
    set_header(&b, H_NNEAR, g->nnear);
    set_header(&b, H_NEAR, section(&b));
    for (size_t i = 0; i < g->nnear; i++)
        put(&b, g->near[i].name, strlen(g->near[i].name) + 1);
    set_header(&b, H_NEAR_AT, put_section(&b, g->near_at, sizeof g->near_at));

    int rc = b.oom || keys != g->tables[0].count + g->tables[1].count ? NG_ENOMEM : write_c(out, &b);
    free(b.bytes);
    return rc;
}
