/* resolve.c - run-level resolution: the documents' local entities become
 * records, the rules of resolve_rules.c join records into clusters, and
 * each cluster becomes one actor with a canonical label and a stable id
 * (see include/newsgraph/resolve.h).
 *
 * Determinism: records are sorted by (document, local index) before any
 * rule runs, every rule decides from keys and counts, and union-find
 * always keeps the smaller index as root; labels and ids are chosen by
 * content (words, frequency, then strcmp), never by arrival order. */
#include "resolve_internal.h"

#include "gazetteer.h"
#include "resolve_names.h"
#include "strmap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

uint32_t ng_rfind(ng_resolver *r, uint32_t i)
{
    while (r->parent[i] != i) {
        r->parent[i] = r->parent[r->parent[i]];
        i = r->parent[i];
    }
    return i;
}

void ng_runion(ng_resolver *r, uint32_t a, uint32_t b)
{
    a = ng_rfind(r, a);
    b = ng_rfind(r, b);
    if (a == b) return;
    if (a < b) r->parent[b] = a;
    else r->parent[a] = b;
}

int ng_resolver_new(const ng_models *models, ng_resolver **out, ng_error *err)
{
    ng_resolver *r = calloc(1, sizeof *r);
    if (!r) return ng_error_set(err, NG_ENOMEM, "out of memory creating the resolver");
    r->models = models;
    ng_arena_init(&r->arena);
    *out = r;
    return 0;
}

void ng_resolver_free(ng_resolver *r)
{
    if (!r) return;
    ng_arena_free(&r->arena);
    free(r->recs);
    free(r->parent);
    free(r->rec_actor);
    free(r->actors);
    free(r);
}

static const char *adup(ng_resolver *r, const char *s)
{
    return s ? ng_arena_strndup(&r->arena, s, strlen(s)) : NULL;
}

static const char *akey(ng_resolver *r, const char *s)
{
    char buf[NG_NAME_MAX];
    size_t n = s ? ng_name_key(s, strlen(s), buf, sizeof buf) : 0;
    return ng_arena_strndup(&r->arena, buf, n);
}

/* "role|country" of a record with a bound descriptor: what lets "the
 * Ukrainian president" of another document find this person. */
static const char *desc_key(ng_resolver *r, const ng_local_entity *e)
{
    if (!e->role || !*e->role) return NULL;
    char role[NG_NAME_MAX], country[NG_NAME_MAX], buf[2 * NG_NAME_MAX + 2];
    ng_name_key(e->role, strlen(e->role), role, sizeof role);
    ng_name_key(e->country ? e->country : "", e->country ? strlen(e->country) : 0, country,
                sizeof country);
    size_t n = (size_t)snprintf(buf, sizeof buf, "%s|%s", role, country);
    return ng_arena_strndup(&r->arena, buf, n < sizeof buf ? n : sizeof buf - 1);
}

/* Splits a person's key into given name(s) and surname when coref left
 * them unset: the last word is the surname. */
static void person_parts(ng_resolver *r, ng_rrec *rec, const ng_local_entity *e)
{
    rec->given = akey(r, e->given ? e->given : "");
    rec->surname = akey(r, e->surname ? e->surname : "");
    if (*rec->surname || !*rec->key) return;
    const char *sp = strrchr(rec->key, ' ');
    if (!sp) {
        rec->surname = rec->key;
        return;
    }
    rec->surname = sp + 1;
    rec->given = ng_arena_strndup(&r->arena, rec->key, (size_t)(sp - rec->key));
}

static int add_entity(ng_resolver *r, uint32_t doc, int32_t local, const ng_local_entity *e)
{
    if (r->nrecs == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 256;
        ng_rrec *p = realloc(r->recs, cap * sizeof *p);
        if (!p) return NG_ENOMEM;
        r->recs = p;
        r->cap = cap;
    }
    ng_rrec *rec = &r->recs[r->nrecs];
    memset(rec, 0, sizeof *rec);
    rec->doc = doc;
    rec->local = local;
    rec->type = e->type < NG_TYPE_COUNT ? e->type : NG_TYPE_ORG;
    rec->mentions = e->mentions;
    /* "" is how a descriptor-only entity comes back from JSON Lines */
    const char *name = e->name && *e->name ? e->name : NULL;
    rec->name = adup(r, name);
    rec->key = akey(r, name ? name : "");
    if (!rec->key) return NG_ENOMEM;
    rec->words = (uint32_t)ng_name_words(rec->key);
    if (e->naliases) {
        rec->aliases = ng_arena_alloc(&r->arena, e->naliases * sizeof *rec->aliases);
        if (!rec->aliases) return NG_ENOMEM;
        for (size_t k = 0; k < e->naliases; k++) rec->aliases[k] = adup(r, e->aliases[k]);
        rec->naliases = e->naliases;
    }
    if (rec->type == NG_TYPE_PERSON) person_parts(r, rec, e);
    else rec->given = rec->surname = "";
    rec->bare = rec->type == NG_TYPE_PERSON && rec->name && rec->words == 1;
    rec->desc = desc_key(r, e);
    if (e->acronym) {
        char letters[16];
        if (ng_name_acronym(e->acronym, strlen(e->acronym), letters))
            memcpy(rec->acronym, letters, sizeof letters);
    }
    r->nrecs++;
    return 0;
}

int ng_resolver_add(ng_resolver *r, uint32_t doc_index, const ng_extraction *ex, ng_error *err)
{
    if (r->finished)
        return ng_error_set(err, NG_EINTERNAL, "ng_resolver_add after ng_resolver_finish");
    for (size_t i = 0; i < ex->nentities; i++) {
        const ng_local_entity *e = &ex->entities[i];
        if (!(e->name && *e->name) && !(e->role && *e->role)) continue; /* nothing to resolve it by */
        if (add_entity(r, doc_index, (int32_t)i, e) < 0)
            return ng_error_set(err, NG_ENOMEM, "out of memory resolving %s",
                                ex->doc && ex->doc->path ? ex->doc->path : "document");
    }
    return 0;
}

static int cmp_rec(const void *a, const void *b)
{
    const ng_rrec *x = a, *y = b;
    if (x->doc != y->doc) return x->doc < y->doc ? -1 : 1;
    return x->local < y->local ? -1 : x->local > y->local;
}

typedef struct key_id {
    const char *key;
    uint32_t id;
} key_id;

static int cmp_key_id(const void *a, const void *b)
{
    return strcmp(((const key_id *)a)->key, ((const key_id *)b)->key);
}

/* Country names the gazetteer knows under another form ("U.S.", "UK",
 * "DPRK", "Syrian Arab Republic") become the country's common name, so
 * they meet it in the exact rule and a country is labelled the same in
 * every run; the written form stays as an alias. Only places, and only
 * country names: capitals stay places of their own. */
static int country_keys(ng_resolver *r)
{
    const ng_gazetteer *g = r->models ? r->models->gazetteer : NULL;
    if (!g) return 0;
    for (size_t i = 0; i < r->nrecs; i++) {
        ng_rrec *rec = &r->recs[i];
        if (!rec->name || rec->type != NG_TYPE_PLACE || rec->words > 3) continue;
        uint32_t cls = ng_gazetteer_classes(g, rec->name, strlen(rec->name));
        char acr[16];
        if (!(cls & NG_GAZ_COUNTRY)) continue;
        /* an ordinary word that is also some country's name in its own
         * language ("Island" for Ísland) is not that country; "US" is */
        if ((cls & NG_GAZ_COMMON) && !ng_name_acronym(rec->name, strlen(rec->name), acr)) continue;
        const char *common = ng_gazetteer_country_name(g, ng_gazetteer_country(g, rec->name, strlen(rec->name)));
        if (!common) continue;
        const char *key = akey(r, common);
        if (!key) return NG_ENOMEM;
        if (strcmp(common, rec->name) != 0) {
            rec->typo_of = rec->name; /* the written form stays an alias */
            rec->name = common;
        }
        rec->key = key;
        rec->words = (uint32_t)ng_name_words(key);
    }
    return 0;
}

/* Numbers the distinct keys of the records in strcmp order (rec->kid),
 * once the keys are final: a run repeats the same few thousand names
 * across tens of thousands of records, and the rules then sort and group
 * by an integer instead of calling strcmp n log n times per rule. */
static int intern_keys(ng_resolver *r)
{
    ng_strmap ids;
    int rc = NG_ENOMEM;
    uint32_t *tmp = malloc((r->nrecs + 1) * sizeof *tmp); /* rec -> id in arrival order */
    key_id *keys = malloc((r->nrecs + 1) * sizeof *keys); /* the distinct keys */
    uint32_t *rank = NULL;
    size_t n = 0;
    ng_strmap_init(&ids);
    if (!tmp || !keys) goto cleanup;
    for (size_t i = 0; i < r->nrecs; i++) {
        const char *key = r->recs[i].key;
        size_t len = strlen(key);
        int64_t id;
        if (!ng_strmap_get(&ids, key, len, &id)) {
            id = (int64_t)n;
            keys[n] = (key_id){key, (uint32_t)n};
            n++;
            if (ng_strmap_put(&ids, key, len, id) < 0) goto cleanup;
        }
        tmp[i] = (uint32_t)id;
    }
    rank = malloc((n + 1) * sizeof *rank);
    if (!rank) goto cleanup;
    qsort(keys, n, sizeof *keys, cmp_key_id); /* distinct, so no ties */
    for (size_t k = 0; k < n; k++) rank[keys[k].id] = (uint32_t)k;
    for (size_t i = 0; i < r->nrecs; i++) r->recs[i].kid = rank[tmp[i]];
    r->nkeys = n;
    rc = 0;
cleanup:
    ng_strmap_free(&ids);
    free(tmp);
    free(keys);
    free(rank);
    return rc;
}

int ng_resolver_finish(ng_resolver *r, ng_error *err)
{
    int rc = NG_ENOMEM;
    uint8_t *bound = NULL;
    if (r->finished) return ng_error_set(err, NG_EINTERNAL, "ng_resolver_finish called twice");
    r->finished = 1;
    if (r->nrecs) qsort(r->recs, r->nrecs, sizeof *r->recs, cmp_rec);
    r->parent = malloc((r->nrecs + 1) * sizeof *r->parent);
    r->rec_actor = malloc((r->nrecs + 1) * sizeof *r->rec_actor);
    bound = calloc(r->nrecs + 1, 1);
    if (!r->parent || !r->rec_actor || !bound) goto cleanup;
    for (size_t i = 0; i < r->nrecs; i++) r->parent[i] = (uint32_t)i;
    if (country_keys(r) < 0 || ng_rrules_place_typos(r) < 0) goto cleanup;
    if (intern_keys(r) < 0) goto cleanup; /* keys are final from here on */
    if (ng_rrules_exact(r) < 0) goto cleanup;
    if (ng_rrules_person_variants(r) < 0) goto cleanup;
    if (ng_rrules_bare_surnames(r) < 0) goto cleanup;
    if (ng_rrules_acronyms(r) < 0) goto cleanup;
    if (ng_rrules_org_stems(r) < 0) goto cleanup;
    if (ng_rrules_typos(r) < 0) goto cleanup;
    if (ng_rrules_descriptors(r, bound) < 0) goto cleanup;
    if (ng_ractors_build(r, bound) < 0) goto cleanup;
    rc = 0;
cleanup:
    free(bound);
    if (rc < 0) return ng_error_set(err, rc, "out of memory resolving actors");
    return 0;
}

size_t ng_resolver_actor_count(const ng_resolver *r) { return r->nactors; }

const ng_actor *ng_resolver_actor(const ng_resolver *r, size_t i)
{
    return i < r->nactors ? &r->actors[i] : NULL;
}

int32_t ng_resolver_actor_of(const ng_resolver *r, uint32_t doc_index, int32_t local)
{
    if (!r->finished || !r->rec_actor) return -1;
    size_t lo = 0, hi = r->nrecs;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const ng_rrec *m = &r->recs[mid];
        if (m->doc < doc_index || (m->doc == doc_index && m->local < local)) lo = mid + 1;
        else hi = mid;
    }
    if (lo < r->nrecs && r->recs[lo].doc == doc_index && r->recs[lo].local == local)
        return r->rec_actor[lo];
    return -1;
}
