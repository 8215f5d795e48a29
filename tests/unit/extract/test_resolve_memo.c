/* test_resolve_memo.c - the shortcuts of resolution against the plain
 * path: slugs made from an interned key (ng_name_slug_of_key) against
 * ng_name_slug; the per-thread memo of name keys (which resolvers share,
 * as in extract --stream) against resolvers whose memo is cold: the same
 * documents must give the same actors either way; and the ranks of the
 * records' keys and surnames (only they are ranked) against strcmp. */
#include "check.h"

#include "newsgraph/resolve.h"
#include "gazetteer.h"
#include "resolve_internal.h"
#include "resolve_names.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const labels[] = {
    "Vladimir Putin", "The Kremlin", "New People's Party", "Workers’ Party", "Путин",
    "Ñuñoa", "Zelenskyy", "Ursula von der Leyen", "Kim Jong Un", "AT&T", "A/B Group",
    "  spaced   out  ", "U.S.", "Ísland", "Øresund Bridge", "O'Brien", "Dnipro-Kharkiv",
    "the the", "Société Générale", "東京", "x", "", "Ministry of Defence of the Russian Federation",
    "Very Long Name That Goes Well Past Forty Bytes Of Text Inc.", "Ministry of Health", "Ministry Of Health",
    "Ministry of Finance", "ministry-of-health", "Ministry",
};

static void test_slug_of_key_is_the_slug(void)
{
    for (size_t i = 0; i < sizeof labels / sizeof *labels; i++) {
        char key[NG_NAME_MAX], want[NG_NAME_MAX], got[NG_NAME_MAX];
        size_t n = ng_name_key(labels[i], strlen(labels[i]), key, sizeof key);
        size_t wn = ng_name_slug(labels[i], want, sizeof want);
        size_t gn = ng_name_slug_of_key(key, n, got, sizeof got);
        CHECK(wn == gn);
        CHECK_STR(got, want);
    }
}

/* Resolves one document of every label (twice each, as person, org and
 * place in turn) and writes "id label type mentions|" of each actor into
 * out; ids_only: through ng_resolver_ids_only. */
static void resolve_some(char *out, size_t cap, unsigned salt, int ids_only)
{
    ng_resolver *r = NULL;
    CHECK(ng_resolver_new(NULL, &r, NULL) == 0);
    if (ids_only) ng_resolver_ids_only(r);
    static ng_doc d = {.path = "test"};
    ng_extraction ex;
    CHECK(ng_extraction_init(&ex, &d) == 0);
    size_t n = sizeof labels / sizeof *labels;
    for (size_t k = 0; k < 2 * n; k++) {
        const char *name = labels[(k + salt) % n];
        ng_local_entity e = {.type = (uint8_t)(k % 3), .name = name, .mentions = 1 + (uint32_t)(k % 2)};
        CHECK(ng_extraction_add_entity(&ex, &e) >= 0);
    }
    CHECK(ng_resolver_add(r, 0, &ex, NULL) == 0);
    CHECK(ng_resolver_finish(r, NULL) == 0);
    size_t o = 0;
    out[0] = '\0';
    for (size_t i = 0; i < ng_resolver_actor_count(r) && o < cap; i++) {
        const ng_actor *a = ng_resolver_actor(r, i);
        int w = snprintf(out + o, cap - o, "%s %s %d %u|", a->id, a->label, a->type, (unsigned)a->mentions);
        if (ids_only) CHECK(a->naliases == 0 && a->ndocs == 0);
        if (i > 0) CHECK(strcmp(ng_resolver_actor(r, i - 1)->id, a->id) < 0); /* sorted, unique */
        o += w > 0 ? (size_t)w : 0;
    }
    ng_extraction_free(&ex);
    ng_resolver_free(r);
}

static void resolve_all(char *out, size_t cap, unsigned salt) { resolve_some(out, cap, salt, 0); }

static void test_warm_memo_resolves_alike(void)
{
    /* the first pass fills this thread's memo, later ones hit it */
    char cold[8192], warm[8192];
    for (unsigned salt = 0; salt < 3; salt++) {
        resolve_all(cold, sizeof cold, salt);
        for (int again = 0; again < 3; again++) {
            resolve_all(warm, sizeof warm, salt);
            CHECK_STR(warm, cold);
        }
    }
}

/* extract --stream asks for ids alone: they, the labels, types and
 * mentions are those of a full finish. The labels include slugs that
 * collide ("Путин" has none: its id is its type) and ids that share
 * their first eight bytes, which order the actors past the sort's prefix. */
static void test_ids_only_resolves_alike(void)
{
    char full[8192], ids[8192];
    for (unsigned salt = 0; salt < 5; salt++) {
        resolve_some(full, sizeof full, salt, 0);
        resolve_some(ids, sizeof ids, salt, 1);
        CHECK_STR(ids, full);
    }
}

/* The per-thread memo of gazetteer classes against the gazetteer itself,
 * cold and warm, for words, phrases, strings past the memo's length and
 * the interned strings of a resolver. */
static void test_classes_memo_is_the_gazetteer(void)
{
    static const char *const words[] = {"Moscow", "moscow", "Seoul", "Souel", "river", "News Agency",
                                        "United Kingdom", "president", "Ministry", "the", "", "Paris",
                                        "A Name Well Past Thirty-Two Bytes Of Text", "Kyiv", "Kiev"};
    ng_models *m = NULL;
    ng_error err;
    if (ng_models_load(NULL, &m, &err) < 0) {
        fprintf(stderr, "cannot load models: %s\n", err.message);
        CHECK(0);
        return;
    }
    const ng_gazetteer *g = m->gazetteer;
    size_t n = sizeof words / sizeof *words;
    for (int pass = 0; pass < 2; pass++) {
        ng_resolver *r = NULL;
        CHECK(ng_resolver_new(m, &r, NULL) == 0);
        for (size_t i = 0; i < n; i++) {
            uint32_t want = ng_gazetteer_classes(g, words[i], strlen(words[i])), id;
            CHECK(ng_rgaz_classes(g, words[i], strlen(words[i])) == want);
            CHECK(ng_rstr_intern(r, words[i], strlen(words[i]), &id) == 0);
            CHECK(ng_rstr_classes(r, id) == want);
            CHECK(ng_rclasses(r, id) == want);
        }
        ng_resolver_free(r);
    }
    ng_models_free(m);
}

static void test_ranks_follow_strcmp(void)
{
    ng_resolver *r = NULL;
    CHECK(ng_resolver_new(NULL, &r, NULL) == 0);
    static ng_doc d = {.path = "test"};
    size_t n = sizeof labels / sizeof *labels;
    for (uint32_t doc = 0; doc < 3; doc++) {
        ng_extraction ex;
        CHECK(ng_extraction_init(&ex, &d) == 0);
        for (size_t k = 0; k < n; k++) {
            ng_local_entity e = {.type = (uint8_t)((k + doc) % 3), .name = labels[k], .mentions = 1,
                                 .surname = k % 4 == 0 ? labels[(k + 1) % n] : NULL};
            CHECK(ng_extraction_add_entity(&ex, &e) >= 0);
        }
        CHECK(ng_resolver_add(r, doc, &ex, NULL) == 0);
        ng_extraction_free(&ex);
    }
    CHECK(ng_resolver_finish(r, NULL) == 0);
    /* every pair of ranked strings is in strcmp order, and every key and
     * surname of a record is ranked */
    size_t ranked = 0;
    for (uint32_t i = 0; i < r->nranked; i++) {
        if (r->rank[i] == NG_RNONE) continue;
        ranked++;
        for (uint32_t j = 0; j < r->nranked; j++) {
            if (r->rank[j] == NG_RNONE || i == j) continue;
            int c = strcmp(r->strs[i].text, r->strs[j].text);
            CHECK(c != 0 && (c < 0) == (r->rank[i] < r->rank[j]));
        }
    }
    CHECK(ranked > 10);
    for (size_t i = 0; i < r->nrecs; i++) {
        CHECK(r->recs[i].key < r->nranked && r->rank[r->recs[i].key] != NG_RNONE);
        CHECK(r->recs[i].surname < r->nranked && r->rank[r->recs[i].surname] != NG_RNONE);
    }
    ng_resolver_free(r);
}

int main(void)
{
    RUN(test_slug_of_key_is_the_slug);
    RUN(test_warm_memo_resolves_alike);
    RUN(test_ids_only_resolves_alike);
    RUN(test_classes_memo_is_the_gazetteer);
    RUN(test_ranks_follow_strcmp);
    return CHECK_DONE();
}
