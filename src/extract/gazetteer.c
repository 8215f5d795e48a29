/* gazetteer.c - loads data/gazetteer/ into one hash map of word classes
 * (see gazetteer.h) and answers lookups on it.
 *
 * Every key (word or phrase, ASCII-lowercased) maps to one packed value:
 * class bits, the country it belongs to and, for given names, a gender.
 * One map means one hash lookup per token in the hot loop of mention
 * finding. The lists are merged into the table while loading, then it is
 * frozen (freeze: values become indexes into the few distinct values) and
 * never written again, so lookups are safe from any thread. The typo
 * search over places is in gazetteer_near.c. */
#include "gazetteer_internal.h"

#include "newsgraph/error.h"
#include "strmap.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

/* Eight bytes with the ASCII capitals lowercased (other bytes, UTF-8
 * included, as they are), all at once. */
static inline uint64_t fold8(uint64_t x)
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
static inline uint64_t load_tail(const char *s, size_t n)
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
static inline uint64_t load_tail_over(const char *s, size_t n)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    uint64_t x;
    memcpy(&x, s, 8);
    return x & ((UINT64_C(1) << (8 * n)) - 1);
#else
    return load_tail(s, n);
#endif
}

static inline uint64_t mix(uint64_t h, uint64_t x)
{
    h = (h ^ x) * 0xff51afd7ed558ccdu;
    return h ^ (h >> 29);
}

static inline uint32_t finish(uint64_t h)
{
    h *= 0xc4ceb9fe1a85ec53u;
    h ^= h >> 32;
    return (uint32_t)h ? (uint32_t)h : 1;
}

/* Eight folded bytes per multiply: this runs for every token. */
static inline ng_gaz_word prepare(const char *s, size_t n, size_t avail)
{
    ng_gaz_word w = {0, 0};
    uint64_t h = (uint64_t)n * 0x9e3779b97f4a7c15u;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t x;
        memcpy(&x, s + i, 8);
        x = fold8(x);
        if (i == 0)
            w.head = x;
        h = mix(h, x);
    }
    if (i < n) {
        uint64_t x = fold8(i + 8 <= avail ? load_tail_over(s + i, n - i) : load_tail(s + i, n - i));
        if (i == 0)
            w.head = x;
        h = mix(h, x);
    }
    w.hash = finish(h);
    return w;
}

uint32_t ng_gazetteer_hash(const char *s, size_t n)
{
    return prepare(s, n, n).hash;
}

ng_gaz_word ng_gazetteer_word(const char *s, size_t n, size_t avail)
{
    return prepare(s, n, avail);
}

/* The slot holding s[0..n) (compared ASCII-case-insensitively; hash is
 * ng_gazetteer_hash(s, n), n < 256), or the empty slot that ends its probe
 * sequence. word: the key zero-padded, when n <= SLOT_INLINE. */
static size_t probe_word(const ng_gazetteer *g, const char *s, size_t n, uint32_t hash,
                         uint64_t word)
{
    size_t mask = g->cap - 1;
    for (size_t j = hash & mask;; j = (j + 1) & mask) {
        const gaz_slot *sl = &g->slots[j];
        if (!sl->hash)
            return j;
        if (sl->hash != hash || sl->len != n)
            continue;
        if (n <= SLOT_INLINE) {
            if (sl->key.word == word)
                return j;
            continue;
        }
        const char *k = g->pool + sl->key.off;
        size_t i = 0;
        for (; i < n; i++) {
            unsigned char c = (unsigned char)s[i];
            if ((char)(c >= 'A' && c <= 'Z' ? c + 32 : c) != k[i])
                break;
        }
        if (i == n)
            return j;
    }
}

/* probe, preparing the inline key itself. */
static size_t probe(const ng_gazetteer *g, const char *s, size_t n, uint32_t hash)
{
    uint64_t word = 0;
    if (n < SLOT_INLINE) {
        word = fold8(load_tail(s, n));
    } else if (n == SLOT_INLINE) {
        memcpy(&word, s, sizeof word);
        word = fold8(word);
    }
    return probe_word(g, s, n, hash, word);
}

static int grow(ng_gazetteer *g)
{
    size_t cap = g->cap ? g->cap * 2 : 1024;
    gaz_slot *slots = calloc(cap, sizeof *slots);
    int64_t *vals = calloc(cap, sizeof *vals);
    if (!slots || !vals) {
        free(slots);
        free(vals);
        return NG_ENOMEM;
    }
    for (size_t i = 0; i < g->cap; i++) {
        if (!g->slots[i].hash)
            continue;
        size_t j = g->slots[i].hash & (cap - 1);
        while (slots[j].hash)
            j = (j + 1) & (cap - 1);
        slots[j] = g->slots[i];
        vals[j] = g->load_vals[i];
    }
    free(g->slots);
    free(g->load_vals);
    g->slots = slots;
    g->load_vals = vals;
    g->cap = cap;
    return 0;
}

/* While loading: the value of the folded key[0..k), added as 0 when new;
 * NULL when out of memory. */
static int64_t *load_value(ng_gazetteer *g, const char *key, size_t k)
{
    if ((g->count + 1) * 4 >= g->cap * 3 && grow(g))
        return NULL;
    uint32_t h = ng_gazetteer_hash(key, k);
    size_t j = probe(g, key, k, h);
    gaz_slot *sl = &g->slots[j];
    if (sl->hash)
        return &g->load_vals[j];
    if (k > SLOT_INLINE) {
        if (g->pool_len + k > g->pool_cap) {
            size_t cap = g->pool_cap ? g->pool_cap * 2 : 65536;
            char *p = realloc(g->pool, cap);
            if (!p)
                return NULL;
            g->pool = p;
            g->pool_cap = cap;
        }
        memcpy(g->pool + g->pool_len, key, k);
        sl->key.off = (uint32_t)g->pool_len;
        g->pool_len += k;
    } else {
        memcpy(sl->key.bytes, key, k);
    }
    sl->hash = h;
    sl->len = (uint8_t)k;
    g->load_vals[j] = 0;
    g->count++;
    return &g->load_vals[j];
}

/* Ends loading: replaces each slot's value by an index into the array of
 * distinct values. */
static int freeze(ng_gazetteer *g)
{
    ng_strmap index;
    ng_strmap_init(&index);
    size_t n = 0;
    int rc = 0;
    if (!(g->vals = malloc((g->count + 1) * sizeof *g->vals)))
        return NG_ENOMEM;
    for (size_t j = 0; j < g->cap && !rc; j++) {
        if (!g->slots[j].hash)
            continue;
        int64_t v = g->load_vals[j], at;
        char key[sizeof v];
        memcpy(key, &v, sizeof v);
        if (!ng_strmap_get(&index, key, sizeof key, &at)) {
            at = (int64_t)n;
            g->vals[n++] = v;
            rc = ng_strmap_put(&index, key, sizeof key, at);
        }
        if (at > UINT16_MAX)
            rc = NG_EINTERNAL;
        g->slots[j].val = (uint16_t)at;
    }
    ng_strmap_free(&index);
    free(g->load_vals);
    g->load_vals = NULL;
    if (rc)
        return rc;
    /* Many probes are for words that are not keys: at load 1/2 their
     * probe sequences are ~2.5 slots instead of ~7 at 3/4. */
    size_t cap = g->cap;
    while (cap < 2 * g->count)
        cap *= 2;
    if (cap == g->cap)
        return 0;
    gaz_slot *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return NG_ENOMEM;
    for (size_t i = 0; i < g->cap; i++) {
        if (!g->slots[i].hash)
            continue;
        size_t j = g->slots[i].hash & (cap - 1);
        while (slots[j].hash)
            j = (j + 1) & (cap - 1);
        slots[j] = g->slots[i];
    }
    free(g->slots);
    g->slots = slots;
    g->cap = cap;
    return 0;
}

/* Adds classes (and country / gender when not yet set) to key, and marks
 * every proper word prefix of a phrase so callers can stop extending a
 * phrase as soon as no key starts with it. */
static int add_key(ng_gazetteer *g, const char *s, size_t n, uint32_t classes, int country,
                   int gender)
{
    char key[KEY_MAX];
    size_t k = ng_gaz_fold_key(s, n, key);
    if (!k)
        return 0;
    int64_t *at = load_value(g, key, k);
    if (!at)
        return NG_ENOMEM;
    uint64_t v = (uint64_t)*at | classes;
    if (country >= 0 && VAL_COUNTRY(v) < 0)
        v |= (uint64_t)(country + 1) << 32;
    if (gender && !VAL_GENDER(v))
        v |= (uint64_t)(gender & 0xff) << 44;
    *at = (int64_t)v;
    for (size_t i = 1; i < k; i++) {
        if (key[i] != ' ')
            continue;
        if (!(at = load_value(g, key, i)))
            return NG_ENOMEM;
        *at |= NG_GAZ_PREFIX;
    }
    return 0;
}

static int country_by_cca2(const ng_gazetteer *g, const char *cc)
{
    for (size_t i = 0; i < g->ncountries; i++)
        if (strncmp(g->cca2[i], cc, 2) == 0)
            return (int)i;
    return -1;
}

/* Splits line at tabs into at most max fields (in place); returns the count. */
static int split_tabs(char *line, char **f, int max)
{
    int n = 0;
    f[n++] = line;
    for (char *p = line; *p && n < max; p++)
        if (*p == '\t') {
            *p = '\0';
            f[n++] = p + 1;
        }
    return n;
}

/* Calls add_key for every ';'-separated item of list. */
static int add_list(ng_gazetteer *g, char *list, uint32_t classes, int country, int near)
{
    int rc = 0;
    for (char *item = list; item && *item && !rc;) {
        char *semi = strchr(item, ';');
        size_t n = semi ? (size_t)(semi - item) : strlen(item);
        rc = add_key(g, item, n, classes, country, 0);
        if (!rc && near)
            rc = ng_gaz_add_near(g, item, n);
        item = semi ? semi + 1 : NULL;
    }
    return rc;
}

/* Demonyms also name the people: "Ukrainians", "North Koreans" (not
 * "Chinese", "Swiss", "British"). */
static int add_plurals(ng_gazetteer *g, const char *list, int country)
{
    int rc = 0;
    for (const char *item = list; item && *item && !rc;) {
        const char *semi = strchr(item, ';');
        size_t n = semi ? (size_t)(semi - item) : strlen(item);
        char buf[KEY_MAX];
        char last = n ? item[n - 1] : 's';
        if (n + 1 < sizeof buf && !strchr("shxz", last) && !(n >= 3 && !memcmp(item + n - 3, "ese", 3))) {
            memcpy(buf, item, n);
            buf[n] = 's';
            rc = add_key(g, buf, n + 1, NG_GAZ_DEMONYM, country, 0);
        }
        item = semi ? semi + 1 : NULL;
    }
    return rc;
}

typedef int (*line_fn)(ng_gazetteer *g, char *line, void *ctx);

/* Reads dir/name line by line (comments '#' and blank lines skipped). */
static int read_lines(ng_gazetteer *g, const char *dir, const char *name, line_fn fn, void *ctx,
                      ng_error *err)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/gazetteer/%s", dir, name);
    FILE *f = fopen(path, "r");
    if (!f)
        return ng_error_set(err, NG_EINTERNAL, "%s: cannot open gazetteer list: %s", path,
                            strerror(errno));
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    int rc = 0;
    while (!rc && (len = getline(&line, &cap, f)) >= 0) {
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = '\0';
        if (len == 0 || line[0] == '#')
            continue;
        rc = fn(g, line, ctx);
    }
    free(line);
    fclose(f);
    if (rc)
        return ng_error_set(err, rc, "%s: out of memory loading gazetteer", path);
    return 0;
}

static int country_line(ng_gazetteer *g, char *line, void *ctx)
{
    (void)ctx;
    char *f[5] = {0};
    if (split_tabs(line, f, 5) < 2 || strlen(f[0]) != 2)
        return 0;
    if (g->ncountries % 64 == 0) {
        char **c = realloc(g->countries, (g->ncountries + 64) * sizeof *c);
        if (!c)
            return NG_ENOMEM;
        g->countries = c;
        char(*cc)[3] = realloc(g->cca2, (g->ncountries + 64) * sizeof *cc);
        if (!cc)
            return NG_ENOMEM;
        g->cca2 = cc;
    }
    int id = (int)g->ncountries;
    if (!(g->countries[id] = strdup(f[1])))
        return NG_ENOMEM;
    memcpy(g->cca2[id], f[0], 3);
    g->ncountries++;
    int rc = add_list(g, f[1], NG_GAZ_COUNTRY, id, 1);
    if (!rc && f[2])
        rc = add_list(g, f[2], NG_GAZ_COUNTRY, id, 0);
    if (!rc && f[3])
        rc = add_list(g, f[3], NG_GAZ_DEMONYM, id, 0);
    if (!rc && f[3])
        rc = add_plurals(g, f[3], id);
    if (!rc && f[4])
        rc = add_list(g, f[4], NG_GAZ_CAPITAL, id, 1);
    return rc;
}

/* cities.tsv is sorted by population: the first reading of a name keeps
 * its country; cities of >= 500k people become typo targets. */
static int city_line(ng_gazetteer *g, char *line, void *ctx)
{
    (void)ctx;
    char *f[3] = {0};
    if (split_tabs(line, f, 3) < 3)
        return 0;
    int rc = add_key(g, f[0], strlen(f[0]), NG_GAZ_CITY, country_by_cca2(g, f[1]), 0);
    if (!rc && atol(f[2]) >= 500000)
        rc = ng_gaz_add_near(g, f[0], strlen(f[0]));
    return rc;
}

static int region_line(ng_gazetteer *g, char *line, void *ctx)
{
    (void)ctx;
    char *f[2] = {0};
    if (split_tabs(line, f, 2) < 2)
        return 0;
    return add_key(g, f[0], strlen(f[0]), NG_GAZ_REGION, country_by_cca2(g, f[1]), 0);
}

static int extra_place_line(ng_gazetteer *g, char *line, void *ctx)
{
    (void)ctx;
    char *f[3] = {0};
    if (split_tabs(line, f, 3) < 3)
        return 0;
    uint32_t c = strcmp(f[2], "country") == 0   ? NG_GAZ_COUNTRY
                 : strcmp(f[2], "capital") == 0 ? NG_GAZ_CAPITAL
                 : strcmp(f[2], "city") == 0    ? NG_GAZ_CITY
                 : strcmp(f[2], "demonym") == 0 ? NG_GAZ_DEMONYM
                                                : NG_GAZ_REGION;
    int country = country_by_cca2(g, f[1]);
    int rc = add_key(g, f[0], strlen(f[0]), c, country, 0);
    if (!rc && c == NG_GAZ_DEMONYM)
        rc = add_plurals(g, f[0], country);
    return rc;
}

static int given_line(ng_gazetteer *g, char *line, void *ctx)
{
    (void)ctx;
    char *f[2] = {0};
    if (split_tabs(line, f, 2) < 2)
        return 0;
    return add_key(g, f[0], strlen(f[0]), NG_GAZ_GIVEN, -1, f[1][0]);
}

static int word_line(ng_gazetteer *g, char *line, void *ctx)
{
    return add_key(g, line, strlen(line), *(const uint32_t *)ctx, -1, 0);
}

int ng_gazetteer_load(const char *data_dir, ng_gazetteer **out, ng_error *err)
{
    static const struct {
        const char *file;
        uint32_t cls;
    } lists[] = {
        {"titles.txt", NG_GAZ_TITLE},         {"roles.txt", NG_GAZ_ROLE},
        {"org_heads.txt", NG_GAZ_ORG_HEAD},   {"org_nouns.txt", NG_GAZ_ORG_NOUN},
        {"institutions.txt", NG_GAZ_INSTITUTION}, {"particles.txt", NG_GAZ_PARTICLE},
        {"nonnames.txt", NG_GAZ_NONNAME},     {"speech.txt", NG_GAZ_SPEECH},
        {"place_heads.txt", NG_GAZ_PLACE_HEAD}, {"place_mods.txt", NG_GAZ_PLACE_MOD},
        {"misc_heads.txt", NG_GAZ_MISC_HEAD},
        {"words.txt", NG_GAZ_COMMON},
    };
    int rc;
    ng_gazetteer *g = calloc(1, sizeof *g);
    if (!g)
        return ng_error_set(err, NG_ENOMEM, "out of memory loading gazetteer");
    /* Countries first: later files refer to them by ISO code. */
    if ((rc = read_lines(g, data_dir, "countries.tsv", country_line, NULL, err)) < 0)
        goto cleanup;
    if ((rc = read_lines(g, data_dir, "places_extra.tsv", extra_place_line, NULL, err)) < 0)
        goto cleanup;
    if ((rc = read_lines(g, data_dir, "cities.tsv", city_line, NULL, err)) < 0)
        goto cleanup;
    if ((rc = read_lines(g, data_dir, "regions.tsv", region_line, NULL, err)) < 0)
        goto cleanup;
    if ((rc = read_lines(g, data_dir, "given_names.tsv", given_line, NULL, err)) < 0)
        goto cleanup;
    for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++) {
        uint32_t cls = lists[i].cls;
        if ((rc = read_lines(g, data_dir, lists[i].file, word_line, &cls, err)) < 0)
            goto cleanup;
    }
    if ((rc = freeze(g)) < 0) {
        ng_error_set(err, rc, "out of memory loading gazetteer");
        goto cleanup;
    }
    ng_gaz_index_near(g);
    *out = g;
    return 0;
cleanup:
    ng_gazetteer_free(g);
    return rc;
}

void ng_gazetteer_free(ng_gazetteer *g)
{
    if (!g)
        return;
    free(g->slots);
    free(g->load_vals);
    free(g->vals);
    free(g->pool);
    for (size_t i = 0; i < g->ncountries; i++)
        free(g->countries[i]);
    free(g->countries);
    free(g->cca2);
    ng_gaz_free_near(g);
    free(g);
}

/* The packed value of s[0..n) (no spaces to fold), 0 if unknown. */
static int64_t find(const ng_gazetteer *g, const char *s, size_t n, uint32_t hash)
{
    if (n == 0 || n > KEY_MAX || !g->cap)
        return 0;
    const gaz_slot *sl = &g->slots[probe(g, s, n, hash)];
    return sl->hash ? g->vals[sl->val] : 0;
}

static int64_t lookup(const ng_gazetteer *g, const char *s, size_t n)
{
    char key[KEY_MAX];
    size_t k = ng_gaz_fold_key(s, n, key);
    return k ? find(g, key, k, ng_gazetteer_hash(key, k)) : 0;
}

uint32_t ng_gazetteer_classes(const ng_gazetteer *g, const char *s, size_t n)
{
    return VAL_CLASSES(lookup(g, s, n));
}

void ng_gazetteer_prefetch(const ng_gazetteer *g, uint32_t hash)
{
    if (g->cap)
        __builtin_prefetch(&g->slots[hash & (g->cap - 1)]);
}

uint32_t ng_gazetteer_word_classes(const ng_gazetteer *g, const char *s, size_t n,
                                    const ng_gaz_word *w)
{
    if (n == 0 || n > KEY_MAX || !g->cap)
        return 0;
    const gaz_slot *sl = &g->slots[probe_word(g, s, n, w->hash, w->head)];
    return sl->hash ? VAL_CLASSES(g->vals[sl->val]) : 0;
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
