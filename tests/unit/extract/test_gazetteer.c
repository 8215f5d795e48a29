/* test_gazetteer.c - the gazetteer built into the program
 * (gazetteer_image.c) against the plain parser on the real lists of
 * data/gazetteer/: every key with its classes, country and gender, the
 * countries and the typo targets must come out the same; lists that
 * differ from the built-in ones by a byte must be parsed, not taken from
 * the image. */
#include "check.h"

#include "gazetteer_internal.h"
#include "gazetteer_word.h"
#include "ng_config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

extern const size_t ng_gaz_image_size;

static ng_gazetteer *load(const char *dir, int allow_image)
{
    ng_error err = {0};
    ng_gazetteer *g = NULL;
    if (ng_gaz_load(dir, allow_image, &g, &err) < 0) {
        fprintf(stderr, "%s: %s\n", dir, err.message);
        return NULL;
    }
    return g;
}

/* Slot j of table is_long of g. */
static const gaz_slot_head *slot(const ng_gazetteer *g, int is_long, size_t j)
{
    return (const gaz_slot_head *)((const char *)g->tables[is_long].slots + j * GAZ_STRIDE(is_long));
}

/* The key of slot sl of table is_long, folded, as a string. */
static void slot_key(const ng_gazetteer *g, int is_long, const gaz_slot_head *sl, char *buf)
{
    const char *k = !is_long                ? ((const gaz_slot *)sl)->key.bytes
                    : sl->len <= LONG_INLINE ? ((const gaz_long_slot *)sl)->key.bytes
                                             : g->pool + ((const gaz_long_slot *)sl)->key.off;
    memcpy(buf, k, sl->len);
    buf[sl->len] = '\0';
}

/* Every slot of a and b holds the same key and value, and every key of a
 * is found in b through the public lookups with the same answers. */
static void check_same_tables(const ng_gazetteer *a, const ng_gazetteer *b)
{
    size_t differ = 0, keys = 0;
    for (int is_long = 0; is_long < 2; is_long++) {
        const gaz_table *ta = &a->tables[is_long], *tb = &b->tables[is_long];
        CHECK(ta->cap == tb->cap);
        CHECK(ta->count == tb->count);
        if (ta->cap != tb->cap)
            return;
        for (size_t j = 0; j < ta->cap; j++) {
            const gaz_slot_head *x = slot(a, is_long, j), *y = slot(b, is_long, j);
            if (x->hash != y->hash || x->len != y->len) {
                differ++;
                continue;
            }
            if (!x->hash)
                continue;
            keys++;
            char kx[KEY_MAX + 1], ky[KEY_MAX + 1];
            slot_key(a, is_long, x, kx);
            slot_key(b, is_long, y, ky);
            int64_t vx = a->vals[x->val], vy = b->vals[y->val];
            if (strcmp(kx, ky) != 0 || vx != vy || (strlen(kx) > SLOT_INLINE) != is_long) {
                differ++;
                continue;
            }
            size_t n = strlen(kx);
            if (ng_gazetteer_classes(b, kx, n) != VAL_CLASSES(vx) ||
                ng_gazetteer_country(b, kx, n) != VAL_COUNTRY(vx) ||
                ng_gazetteer_gender(b, kx, n) != ng_gazetteer_gender(a, kx, n))
                differ++;
        }
    }
    CHECK(keys == a->tables[0].count + a->tables[1].count);
    CHECK(keys > 50000); /* the real lists */
    CHECK(differ == 0);
    if (differ)
        fprintf(stderr, "%zu slots differ\n", differ);
}

static void check_same_places(const ng_gazetteer *a, const ng_gazetteer *b)
{
    CHECK(a->ncountries == b->ncountries);
    CHECK(a->ncountries > 100);
    for (size_t i = 0; i < a->ncountries && i < b->ncountries; i++) {
        CHECK_STR(a->countries[i], b->countries[i]);
        CHECK(memcmp(a->cca2[i], b->cca2[i], sizeof a->cca2[i]) == 0);
    }
    CHECK(memcmp(a->cca2_id, b->cca2_id, sizeof a->cca2_id) == 0);
    CHECK(a->nnear == b->nnear);
    CHECK(a->nnear > 100);
    for (size_t i = 0; i < a->nnear && i < b->nnear; i++) {
        CHECK_STR(a->near[i].name, b->near[i].name);
        CHECK(strcmp(a->near[i].lower, b->near[i].lower) == 0);
        CHECK(a->near[i].len == b->near[i].len && a->near[i].letters == b->near[i].letters);
    }
    CHECK(memcmp(a->near_at, b->near_at, sizeof a->near_at) == 0);
    CHECK_STR(ng_gazetteer_place_near(b, "Souel", 5), "Seoul");
    CHECK_STR(ng_gazetteer_country_name(b, ng_gazetteer_country(b, "Kyiv", 4)), "Ukraine");
}

static void test_image_is_the_parsed_gazetteer(void)
{
    ng_gazetteer *plain = load(NG_SOURCE_DATA_DIR, 0), *fast = load(NG_SOURCE_DATA_DIR, 1);
    CHECK(plain && fast);
    if (plain && fast) {
        CHECK(!plain->from_image);
        /* a native build has the image, and it matches the source tree */
        CHECK(fast->from_image == (ng_gaz_image_size > 0));
        check_same_tables(plain, fast);
        check_same_places(plain, fast);
        CHECK(ng_gazetteer_serial(plain) != ng_gazetteer_serial(fast));
    }
    ng_gazetteer_free(plain);
    ng_gazetteer_free(fast);
}

/* ng_gazetteer_word_classes (its inline probe of short words, the call
 * for long ones) finds every key, in capitals too, with the classes in
 * its slot, as ng_gazetteer_classes does. */
static void test_word_classes_find_every_key(void)
{
    ng_gazetteer *g = load(NG_SOURCE_DATA_DIR, 1);
    CHECK(g != NULL);
    if (!g)
        return;
    size_t keys = 0, bad = 0;
    for (int is_long = 0; is_long < 2; is_long++)
        for (size_t j = 0; j < g->tables[is_long].cap; j++) {
            const gaz_slot_head *sl = slot(g, is_long, j);
            char key[KEY_MAX + 1];
            if (!sl->hash)
                continue;
            slot_key(g, is_long, sl, key);
            for (size_t k = 0; k < sl->len; k++) /* the text may spell it in capitals */
                key[k] = (char)(key[k] >= 'a' && key[k] <= 'z' ? key[k] - 32 : key[k]);
            ng_gaz_word w = ng_gazetteer_word(key, sl->len, sl->len);
            uint32_t want = VAL_CLASSES(g->vals[sl->val]);
            bad += ng_gazetteer_word_classes(g, key, sl->len, &w) != want ||
                   ng_gazetteer_classes(g, key, sl->len) != want;
            keys++;
        }
    CHECK(keys > 1000 && bad == 0);
    ng_gaz_word none = ng_gazetteer_word("Zqxjw", 5, 5);
    CHECK(ng_gazetteer_word_classes(g, "Zqxjw", 5, &none) == 0);
    ng_gazetteer_free(g);
}

/* The inline hint of mention finding (ng_gaz_prefetch_word, through
 * ng_gazetteer_probe) points at the slot where the probe of the word
 * starts: the first slot of the word's table at its hash. */
static void test_inline_hint_is_the_probe_slot(void)
{
    ng_gazetteer *g = load(NG_SOURCE_DATA_DIR, 1);
    CHECK(g != NULL);
    if (!g)
        return;
    ng_gaz_probe p;
    ng_gazetteer_probe(g, &p);
    static const char *words[] = {"the", "Kyiv", "said", "Vladimir", "spokesman", "Ukrainian",
                                  "Pyongyang", "x", "internationally"};
    for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
        size_t n = strlen(words[i]);
        ng_gaz_word w = ng_gazetteer_word(words[i], n, n);
        int is_long = n > SLOT_INLINE;
        const char *want = (const char *)slot(g, is_long, w.hash & (g->tables[is_long].cap - 1));
        CHECK(p.slots[is_long] + ((w.hash & p.mask[is_long]) << p.shift[is_long]) == want);
        ng_gaz_prefetch_word(&p, w.hash, n);
    }
    ng_gazetteer_free(g);
}

/* Copies data/gazetteer/ to dir/gazetteer/, replacing the text of
 * edit_name by edit_text (NULL: all as they are). 0 on success. */
static int copy_lists(const char *dir, const char *edit_name, const char *edit_text)
{
    static const char *names[] = {"cities.tsv", "countries.tsv", "given_names.tsv", "institutions.txt",
                                  "misc_heads.txt", "nonnames.txt", "org_heads.txt", "org_nouns.txt",
                                  "particles.txt", "place_heads.txt", "place_mods.txt",
                                  "places_extra.tsv", "regions.tsv", "roles.txt", "speech.txt",
                                  "titles.txt", "words.txt"};
    char path[4096];
    snprintf(path, sizeof path, "%s/gazetteer", dir);
    if (mkdir(path, 0700) != 0)
        return -1;
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        snprintf(path, sizeof path, "%s/gazetteer/%s", NG_SOURCE_DATA_DIR, names[i]);
        FILE *in = fopen(path, "rb");
        snprintf(path, sizeof path, "%s/gazetteer/%s", dir, names[i]);
        FILE *out = fopen(path, "wb");
        int rc = in && out ? 0 : -1;
        if (!rc && edit_name && strcmp(names[i], edit_name) == 0) {
            fputs(edit_text, out);
        } else if (!rc) {
            char buf[65536];
            size_t got;
            while ((got = fread(buf, 1, sizeof buf, in)) > 0)
                fwrite(buf, 1, got, out);
        }
        if (in)
            fclose(in);
        if (out && fclose(out) != 0)
            rc = -1;
        if (rc)
            return rc;
    }
    return 0;
}

static void remove_lists(const char *dir)
{
    char cmd[4200];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    CHECK(system(cmd) == 0);
}

/* The whole text of data/gazetteer/name. */
static char *read_list(const char *name)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/gazetteer/%s", NG_SOURCE_DATA_DIR, name);
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *text = malloc((size_t)n + 64);
    if (text && fread(text, 1, (size_t)n, f) != (size_t)n) {
        free(text);
        text = NULL;
    }
    if (text)
        text[n] = '\0';
    fclose(f);
    return text;
}

static void test_copy_of_the_lists_uses_the_image(void)
{
    char dir[] = "/tmp/ng-gaz-test-XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    CHECK(copy_lists(dir, NULL, NULL) == 0);
    ng_gazetteer *g = load(dir, 1);
    CHECK(g && g->from_image == (ng_gaz_image_size > 0));
    ng_gazetteer_free(g);
    remove_lists(dir);
}

/* An edited list (an added word; one byte changed, same length) is
 * parsed: the answers follow the files, never the image. */
static void test_edited_lists_are_parsed(void)
{
    char *words = read_list("words.txt");
    CHECK(words != NULL);
    if (!words)
        return;
    size_t n = strlen(words);

    char dir[] = "/tmp/ng-gaz-test-XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    strcpy(words + n, "zqxwvgazetteertest\n");
    CHECK(copy_lists(dir, "words.txt", words) == 0);
    ng_gazetteer *g = load(dir, 1);
    CHECK(g && !g->from_image);
    if (g)
        CHECK(ng_gazetteer_classes(g, "zqxwvgazetteertest", 18) == NG_GAZ_COMMON);
    ng_gazetteer_free(g);
    remove_lists(dir);

    /* the same length, one letter of one word changed */
    words[n] = '\0';
    char *the = strstr(words, "\nthe\n");
    CHECK(the != NULL);
    char dir2[] = "/tmp/ng-gaz-test-XXXXXX";
    CHECK(mkdtemp(dir2) != NULL);
    if (the) {
        the[1] = 'q'; /* "qhe" */
        CHECK(copy_lists(dir2, "words.txt", words) == 0);
        g = load(dir2, 1);
        ng_gazetteer *plain = load(dir2, 0);
        CHECK(g && plain && !g->from_image);
        if (g && plain) {
            CHECK(ng_gazetteer_classes(g, "qhe", 3) & NG_GAZ_COMMON);
            check_same_tables(plain, g);
        }
        ng_gazetteer_free(g);
        ng_gazetteer_free(plain);
    }
    remove_lists(dir2);
    free(words);
}

int main(void)
{
    RUN(test_image_is_the_parsed_gazetteer);
    RUN(test_inline_hint_is_the_probe_slot);
    RUN(test_word_classes_find_every_key);
    RUN(test_copy_of_the_lists_uses_the_image);
    RUN(test_edited_lists_are_parsed);
    return CHECK_DONE();
}
