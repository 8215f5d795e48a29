/* cues.c - loads data/cues.tsv into the lookup tables of cues.h.
 *
 * Two hash maps, filled once and read-only afterwards: single words to a
 * record of their classes (and the cue they are alone), and phrases of
 * several words to their cue. Phrase lookups are only tried at words
 * flagged as phrase heads, so the per-token cost stays one hash probe. */
#include "cues.h"

#include "gazetteer_word.h"
#include "strmap.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define KEY_MAX 128

/* The word table that ng_cues_word probes for every token: a word is at
 * most WORD_INLINE bytes once folded (the longest in the lexicon has 12),
 * stored zero-padded in its slot and compared as two words; the table of
 * a few hundred words stays in cache. */
#define WORD_INLINE 16

/* Bits of the shape filter: 32 classes of first byte x 32 of last byte
 * x 32 lengths (4 KB, in cache next to the table). */
#define SHAPE_BITS (32 * 32 * 32)

typedef struct word_slot {
    uint64_t key[WORD_INLINE / 8]; /* folded word, zero-padded (words hold no NUL) */
    uint32_t hash;                 /* 0: empty */
    uint32_t info;                 /* index into info */
} word_slot;

struct ng_cues {
    word_slot *fast;   /* the words, once loaded; NULL when a word is too long for it */
    size_t fast_cap;
    /* The shapes a word of the table may have as written, with ' or ’:
     * one bit per (class of its first byte, class of its last byte,
     * length in bytes up to 31) - see shape_of. Most tokens are no
     * lexicon word and stop here, before any folding or hashing (a filter
     * on the first byte and the length alone let four in five through). */
    uint64_t shape[SHAPE_BITS / 64];
    /* the same for the second words of the phrases: most words after a
     * phrase's first word ("has", "in", "could") start none */
    uint64_t second_shape[SHAPE_BITS / 64];
    /* and for the words that are a cue or start a phrase (ng_cues_heads),
     * with its own copy of byte_class */
    ng_cue_shapes heads;
    uint8_t byte_class[256];
    ng_strmap words;   /* word -> index into info */
    ng_strmap phrases; /* "w1 w2 ..." -> index into cue; -1: only the start of longer phrases */
    ng_word_info *info;
    size_t ninfo, info_cap;
    ng_cue *cue;
    size_t ncue, cue_cap;
    char **strings; /* owned copies of forms and relations */
    size_t nstrings, strings_cap;
};

/* Lowercases s into buf (ASCII letters; the typographic apostrophe U+2019
 * becomes '), so lookups match "Didn’t" and "didn't" alike. Returns the
 * length, or 0 when s does not fit. */
static size_t fold(const char *s, size_t n, char *buf, size_t cap)
{
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (o + 1 >= cap)
            return 0;
        if (ch == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
            (unsigned char)s[i + 2] == 0x99) {
            buf[o++] = '\'';
            i += 2;
            continue;
        }
        buf[o++] = (char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
    }
    buf[o] = '\0';
    return o;
}

/* The classes bytes fall into for the shape filter: a letter in either
 * case is one class, so are the digits; the apostrophe and the first and
 * last bytes of ’ (E2 80 99) have their own; any other byte is 31. Only
 * the filter's selectivity depends on this choice, not its answers. */
static void init_byte_class(uint8_t *cls)
{
    for (int b = 0; b < 256; b++)
        cls[b] = 31;
    for (int b = 0; b < 26; b++)
        cls['a' + b] = cls['A' + b] = (uint8_t)(1 + b);
    for (int b = '0'; b <= '9'; b++)
        cls[b] = 27;
    cls['\''] = 28;
    cls[0xE2] = 29;
    cls[0x99] = 30;
}

/* The bit of the shape of a word of n > 0 bytes, as written, whose first
 * byte is first and last byte last (the same as ng_cue_shapes_has). */
static inline uint32_t shape_of(const uint8_t *cls, unsigned char first, unsigned char last, size_t n)
{
    return ng_cue_shape_bit(cls, first, last, n);
}

static void shape_set(const ng_cues *c, uint64_t *bits, unsigned char first, unsigned char last, size_t n)
{
    uint32_t bit = shape_of(c->byte_class, first, last, n);
    bits[bit / 64] |= UINT64_C(1) << (bit % 64);
}

/* Sets in bits the shape of every way the folded word w[0..n) (n > 0)
 * may be written: each ' may be ’ (three bytes), the first and the last
 * too, so every length, and E2 first or 99 last for them. */
static void shape_add_word(const ng_cues *c, uint64_t *bits, const char *w, size_t n)
{
    size_t quotes = 0;
    for (size_t o = 0; o < n; o++)
        quotes += w[o] == '\'';
    unsigned char first = (unsigned char)w[0], last = (unsigned char)w[n - 1];
    for (size_t q = 0; q <= quotes; q++) {
        size_t len = n + 2 * q;
        shape_set(c, bits, first, last, len);
        if (first == '\'')
            shape_set(c, bits, 0xE2, last, len);
        if (last == '\'')
            shape_set(c, bits, first, 0x99, len);
        if (first == '\'' && last == '\'')
            shape_set(c, bits, 0xE2, 0x99, len);
    }
}

static inline int shape_has(const ng_cues *c, const uint64_t *bits, const char *s, size_t n)
{
    uint32_t bit = shape_of(c->byte_class, (unsigned char)s[0], (unsigned char)s[n - 1], n);
    return (bits[bit / 64] & (UINT64_C(1) << (bit % 64))) != 0;
}

/* Puts byte ch at position o (< WORD_INLINE) of a key held as two words
 * in registers (no byte stores reloaded as words: the lookup runs for
 * every token). */
static inline void key_put(uint64_t *k0, uint64_t *k1, size_t o, unsigned char ch)
{
    if (o < 8)
        *k0 |= (uint64_t)ch << (8 * o);
    else
        *k1 |= (uint64_t)ch << (8 * (o - 8));
}

/* Bytes s[0..n), 0 < n <= 8, as memcpy would put them in a zeroed word
 * (little-endian), reading none past s[n - 1]: two overlapping loads
 * instead of a call to memcpy for every word. */
static inline uint64_t load_le(const char *s, size_t n)
{
    if (n >= 4) {
        uint32_t lo, hi;
        memcpy(&lo, s, 4);
        memcpy(&hi, s + n - 4, 4);
        return (uint64_t)lo | (uint64_t)hi << (8 * (n - 4));
    }
    /* 1 to 3 bytes: the first, the middle and the last (some the same) */
    return (uint64_t)(unsigned char)s[0] | (uint64_t)(unsigned char)s[n / 2] << (8 * (n / 2)) |
           (uint64_t)(unsigned char)s[n - 1] << (8 * (n - 1));
}

/* The key of s[0..n) without the byte loop, for the usual word: at most
 * WORD_INLINE bytes, no typographic apostrophe (its first byte 0xE2) and
 * no NUL. Sets *k0, *k1 as the loop of ng_cues_word would and returns 1,
 * or returns 0 and leaves the word to that loop. */
static inline int fast_key(const char *s, size_t n, uint64_t *k0, uint64_t *k1)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
    uint64_t x[2];
    if (n == 0 || n > WORD_INLINE)
        return 0;
    if (n > 8) {
        x[0] = load_le(s, 8);
        x[1] = load_le(s + 8, n - 8);
    } else {
        x[0] = load_le(s, n);
        x[1] = 0;
    }
    for (int h = 0; h < 2; h++) {
        size_t have = n > 8 * (size_t)h ? n - 8 * (size_t)h : 0;
        if (!have)
            break;
        /* bytes of the word: all 0xff below have */
        uint64_t mask = have >= 8 ? ~UINT64_C(0) : (UINT64_C(1) << (8 * have)) - 1;
        uint64_t v = x[h], e2 = v ^ (0xE2 * ones);
        /* a zero byte of v (NUL) or of e2 (0xE2) among the word's bytes */
        uint64_t zero = ((v - ones) & ~v & highs) | ((e2 - ones) & ~e2 & highs);
        if ((zero & mask) != 0)
            return 0; /* may flag a byte after a real one: the loop decides */
        x[h] = gaz_fold8(v);
    }
    *k0 = x[0];
    *k1 = x[1];
    return 1;
#else
    (void)s;
    (void)n;
    (void)k0;
    (void)k1;
    return 0;
#endif
}

static uint32_t word_hash(uint64_t k0, uint64_t k1)
{
    uint64_t h = (k0 ^ 0x9e3779b97f4a7c15u) * 0xff51afd7ed558ccdu;
    h = (h ^ (h >> 29) ^ k1) * 0xc4ceb9fe1a85ec53u;
    h ^= h >> 32;
    return (uint32_t)h ? (uint32_t)h : 1;
}

static const word_slot *fast_slot(const word_slot *t, size_t cap, uint64_t k0, uint64_t k1, uint32_t h)
{
    for (size_t j = h & (cap - 1);; j = (j + 1) & (cap - 1))
        if (!t[j].hash || (t[j].hash == h && t[j].key[0] == k0 && t[j].key[1] == k1))
            return &t[j];
}

/* Copies the word map into the inline table (load <= 1/2); leaves
 * c->fast NULL when a word does not fit WORD_INLINE or out of memory:
 * lookups then use the map. */
static void build_fast(ng_cues *c)
{
    size_t cap = 64;
    while (cap < 2 * c->words.count)
        cap *= 2;
    word_slot *t = calloc(cap, sizeof *t);
    if (!t)
        return;
    for (size_t i = 0; i < c->words.cap; i++) {
        const ng_strmap_slot *m = &c->words.slots[i];
        if (!m->hash)
            continue;
        if (m->len > WORD_INLINE || m->len == 0 || memchr(m->key.bytes, '\0', m->len)) {
            free(t);
            return;
        }
        uint64_t key[WORD_INLINE / 8] = {0, 0};
        for (size_t o = 0; o < m->len; o++)
            key_put(&key[0], &key[1], o, (unsigned char)m->key.bytes[o]);
        uint32_t h = word_hash(key[0], key[1]);
        word_slot *sl = (word_slot *)fast_slot(t, cap, key[0], key[1], h);
        shape_add_word(c, c->shape, m->key.bytes, m->len);
        sl->key[0] = key[0];
        sl->key[1] = key[1];
        sl->hash = h;
        sl->info = (uint32_t)m->value;
    }
    c->fast = t;
    c->fast_cap = cap;
}

static const char *keep_string(ng_cues *c, const char *s, size_t n)
{
    if (c->nstrings == c->strings_cap) {
        size_t cap = c->strings_cap ? c->strings_cap * 2 : 64;
        char **p = realloc(c->strings, cap * sizeof *p);
        if (!p)
            return NULL;
        c->strings = p;
        c->strings_cap = cap;
    }
    char *d = malloc(n + 1);
    if (!d)
        return NULL;
    memcpy(d, s, n);
    d[n] = '\0';
    c->strings[c->nstrings++] = d;
    return d;
}

/* The info record of word w, created empty on first use; NULL on ENOMEM. */
static ng_word_info *info_for(ng_cues *c, const char *w, size_t n)
{
    int64_t idx;
    if (ng_strmap_get(&c->words, w, n, &idx))
        return &c->info[idx];
    if (c->ninfo == c->info_cap) {
        size_t cap = c->info_cap ? c->info_cap * 2 : 256;
        ng_word_info *p = realloc(c->info, cap * sizeof *p);
        if (!p)
            return NULL;
        c->info = p;
        c->info_cap = cap;
    }
    if (ng_strmap_put(&c->words, w, n, (int64_t)c->ninfo) < 0)
        return NULL;
    memset(&c->info[c->ninfo], 0, sizeof c->info[0]);
    return &c->info[c->ninfo++];
}

static uint32_t parse_bits(const char *flags, int is_class)
{
    static const struct {
        const char *name;
        uint32_t bit;
    } frames[] = {{"that", NG_CUE_THAT},   {"clause", NG_CUE_CLAUSE}, {"np", NG_CUE_NP},
                  {"quote", NG_CUE_QUOTE}, {"tell", NG_CUE_TELL},     {"prep", NG_CUE_PREP},
                  {"source", NG_CUE_SOURCE}, {"topic", NG_CUE_TOPIC}, {"passive", NG_CUE_PASSIVE}},
      feats[] = {{"male", NG_FEAT_MALE},
                 {"female", NG_FEAT_FEMALE},
                 {"thing", NG_FEAT_THING},
                 {"plural", NG_FEAT_PLURAL}};
    uint32_t bits = 0;
    const char *p = flags;
    while (p && *p) {
        size_t n = strcspn(p, ",");
        if (is_class) {
            for (size_t i = 0; i < sizeof feats / sizeof feats[0]; i++)
                if (strlen(feats[i].name) == n && !strncmp(p, feats[i].name, n))
                    bits |= feats[i].bit;
        } else {
            for (size_t i = 0; i < sizeof frames / sizeof frames[0]; i++)
                if (strlen(frames[i].name) == n && !strncmp(p, frames[i].name, n))
                    bits |= frames[i].bit;
        }
        p += n + (p[n] == ',');
    }
    return bits;
}

static uint32_t class_bit(const char *name)
{
    static const struct {
        const char *name;
        uint32_t bit;
    } classes[] = {{"@gap", NG_WC_GAP},           {"@neg", NG_WC_NEG},
                   {"@opener", NG_WC_OPENER},     {"@prep", NG_WC_PREP},
                   {"@boundary", NG_WC_BOUNDARY}, {"@addressee", NG_WC_ADDRESSEE},
                   {"@title", NG_WC_TITLE},       {"@pronoun", NG_WC_PRONOUN},
                   {"@honorific", NG_WC_HONORIFIC}, {"@det", NG_WC_DET},
                   {"@be", NG_WC_BE}, {"@docnoun", NG_WC_DOCNOUN}};
    for (size_t i = 0; i < sizeof classes / sizeof classes[0]; i++)
        if (!strcmp(name, classes[i].name))
            return classes[i].bit;
    return 0;
}

/* Adds one lexicon line (already split into its columns). */
static int add_entry(ng_cues *c, const char *form, const char *cls, const char *flags)
{
    char key[KEY_MAX];
    size_t n = fold(form, strlen(form), key, sizeof key);
    if (!n)
        return NG_EINPUT;
    size_t nwords = 1;
    for (size_t i = 0; i < n; i++)
        nwords += key[i] == ' ';
    size_t w1 = strcspn(key, " ");
    ng_word_info *head = info_for(c, key, w1);
    if (!head)
        return NG_ENOMEM;
    if (cls[0] == '@') {
        uint32_t bit = class_bit(cls);
        if (!bit || nwords > 1)
            return NG_EINPUT;
        head->classes |= bit;
        head->features |= parse_bits(flags, 1);
        return 0;
    }
    if (c->ncue == c->cue_cap) {
        size_t cap = c->cue_cap ? c->cue_cap * 2 : 128;
        ng_cue *p = realloc(c->cue, cap * sizeof *p);
        if (!p)
            return NG_ENOMEM;
        c->cue = p;
        c->cue_cap = cap;
    }
    ng_cue *q = &c->cue[c->ncue];
    q->form = keep_string(c, key, n);
    q->relation = keep_string(c, cls, strlen(cls));
    if (!q->form || !q->relation)
        return NG_ENOMEM;
    q->frames = parse_bits(flags, 0);
    q->nwords = (uint32_t)nwords;
    if (nwords == 1) {
        /* the cue pointer is fixed up after loading: c->cue may still move */
        head->cue = (const ng_cue *)(uintptr_t)(c->ncue + 1);
    } else {
        if (ng_strmap_put(&c->phrases, key, n, (int64_t)c->ncue) < 0)
            return NG_ENOMEM;
        size_t w2 = strcspn(key + w1 + 1, " ");
        if (w2)
            shape_add_word(c, c->second_shape, key + w1 + 1, w2);
        /* its proper prefixes of two words or more, as -1 unless phrases
         * themselves: ng_cues_phrase stops at the first unknown one */
        for (size_t i = 0, spaces = 0; i < n; i++) {
            int64_t old;
            if (key[i] == ' ' && ++spaces >= 2 && !ng_strmap_get(&c->phrases, key, i, &old) &&
                ng_strmap_put(&c->phrases, key, i, -1) < 0)
                return NG_ENOMEM;
        }
        if (head->phrase_max < nwords)
            head->phrase_max = (uint32_t)nwords;
    }
    c->ncue++;
    return 0;
}

int ng_cues_load(const char *data_dir, ng_cues **out, ng_error *err)
{
    int rc = 0;
    char path[4096];
    char line[1024];
    unsigned lineno = 0;
    FILE *f = NULL;
    ng_cues *c = calloc(1, sizeof *c);
    if (!c)
        return ng_error_set(err, NG_ENOMEM, "out of memory loading cues");
    ng_strmap_init(&c->words);
    ng_strmap_init(&c->phrases);
    init_byte_class(c->byte_class);
    memcpy(c->heads.byte_class, c->byte_class, sizeof c->byte_class);
    snprintf(path, sizeof path, "%s/cues.tsv", data_dir);
    f = fopen(path, "r");
    if (!f) {
        rc = ng_error_set(err, NG_EINTERNAL, "%s: cannot open: %s", path, strerror(errno));
        goto cleanup;
    }
    while (fgets(line, sizeof line, f)) {
        lineno++;
        line[strcspn(line, "\r\n")] = '\0';
        if (!line[0] || line[0] == '#')
            continue;
        char *form = line, *cls = strchr(line, '\t'), *flags = NULL;
        if (cls) {
            *cls++ = '\0';
            flags = strchr(cls, '\t');
            if (flags)
                *flags++ = '\0';
        }
        if (!cls || !*form || !*cls || (rc = add_entry(c, form, cls, flags)) < 0) {
            if (rc == NG_ENOMEM)
                rc = ng_error_set(err, rc, "out of memory loading %s", path);
            else
                rc = ng_error_set(err, NG_EINTERNAL, "%s:%u: malformed cue line", path, lineno);
            goto cleanup;
        }
    }
    for (size_t i = 0; i < c->ninfo; i++)
        if (c->info[i].cue)
            c->info[i].cue = &c->cue[(uintptr_t)c->info[i].cue - 1];
    build_fast(c);
    for (size_t i = 0; i < c->words.cap; i++) {
        const ng_strmap_slot *m = &c->words.slots[i];
        const ng_word_info *w = m->hash ? &c->info[m->value] : NULL;
        if (w && m->len && (w->cue || w->phrase_max > 1))
            shape_add_word(c, c->heads.bits, m->len <= NG_STRMAP_INLINE ? m->key.bytes : m->key.ptr,
                           m->len);
    }
    fclose(f);
    *out = c;
    return 0;
cleanup:
    if (f)
        fclose(f);
    ng_cues_free(c);
    return rc;
}

void ng_cues_free(ng_cues *c)
{
    if (!c)
        return;
    free(c->fast);
    ng_strmap_free(&c->words);
    ng_strmap_free(&c->phrases);
    for (size_t i = 0; i < c->nstrings; i++)
        free(c->strings[i]);
    free(c->strings);
    free(c->info);
    free(c->cue);
    free(c);
}

/* The record of a word in no table: read-only, shared by all threads. */
static const ng_word_info no_word = {0, 0, NULL, 0};

/* The record of slot sl (found or empty). */
static inline const ng_word_info *slot_info(const ng_cues *c, const word_slot *sl)
{
    return sl->hash ? &c->info[sl->info] : &no_word;
}

/* ng_cues_word for the words fast_key leaves: a typographic apostrophe
 * or a NUL inside, or more than WORD_INLINE bytes as written. Kept out of
 * line so that the lookup every word makes stays small. */
#ifdef __GNUC__
__attribute__((noinline))
#endif
static const ng_word_info *word_by_loop(const ng_cues *c, const char *s, size_t n)
{
    uint64_t k0 = 0, k1 = 0;
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (o >= WORD_INLINE || ch == 0)
            return &no_word; /* no word holds NUL (keys are compared zero-padded) */
        if (ch == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
            (unsigned char)s[i + 2] == 0x99) {
            ch = '\'';
            i += 2;
        } else if (ch >= 'A' && ch <= 'Z') {
            ch += 32;
        }
        key_put(&k0, &k1, o++, ch);
    }
    if (!o)
        return &no_word;
    return slot_info(c, fast_slot(c->fast, c->fast_cap, k0, k1, word_hash(k0, k1)));
}

/* ng_cues_word without the inline table (a word too long for it). */
#ifdef __GNUC__
__attribute__((noinline))
#endif
static const ng_word_info *word_by_map(const ng_cues *c, const char *s, size_t n)
{
    char buf[KEY_MAX];
    int64_t idx;
    size_t k = fold(s, n, buf, sizeof buf);
    if (!k || !ng_strmap_get(&c->words, buf, k, &idx))
        return &no_word;
    return &c->info[idx];
}

const ng_word_info *ng_cues_word(const ng_cues *c, const char *s, size_t n)
{
    if (!c->fast)
        return word_by_map(c, s, n);
    if (n == 0)
        return &no_word;
    if (!shape_has(c, c->shape, s, n))
        return &no_word;
    /* fold as fold() does, straight into the zero-padded key; a word
     * longer than WORD_INLINE is in no table */
    uint64_t k0 = 0, k1 = 0;
    if (!fast_key(s, n, &k0, &k1))
        return word_by_loop(c, s, n);
    return slot_info(c, fast_slot(c->fast, c->fast_cap, k0, k1, word_hash(k0, k1)));
}

const ng_cue_shapes *ng_cues_heads(const ng_cues *c)
{
    return &c->heads;
}

int ng_cues_may_head(const ng_cues *c, const char *s, size_t n)
{
    return ng_cue_shapes_has(&c->heads, s, n);
}

const ng_cue *ng_cues_phrase(const ng_cues *c, const ng_cue_word *words, size_t nwords)
{
    char key[KEY_MAX];
    size_t len = 0;
    const ng_cue *best = NULL;
    /* no phrase has a second word of this shape: the loop below would
     * find no two-word start and stop there */
    if (nwords < 2 || words[1].n == 0 || !shape_has(c, c->second_shape, words[1].s, words[1].n))
        return NULL;
    for (size_t i = 0; i < nwords; i++) {
        if (i) {
            if (len + 2 >= KEY_MAX)
                break;
            key[len++] = ' ';
        }
        size_t k = fold(words[i].s, words[i].n, key + len, sizeof key - len);
        if (!k)
            break;
        len += k;
        int64_t idx;
        if (!i)
            continue;
        if (!ng_strmap_get(&c->phrases, key, len, &idx))
            break; /* no phrase starts with these words */
        if (idx >= 0)
            best = &c->cue[idx];
    }
    return best;
}
