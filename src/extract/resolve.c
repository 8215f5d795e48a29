/* resolve.c - run-level resolution: the documents' local entities become
 * records (their strings interned in the table of resolve_strs.c), the
 * rules of resolve_rules.c, resolve_stems.c and resolve_typos.c join
 * records into clusters, and each cluster becomes one actor with a
 * canonical label and a stable id (resolve_actors.c; see
 * include/newsgraph/resolve.h).
 *
 * Determinism: records are sorted by (document, local index) before any
 * rule runs, every rule decides from keys and counts, and union-find
 * always keeps the smaller index as root; labels and ids are chosen by
 * content (words, frequency, then strcmp), never by arrival order. */
#include "resolve_internal.h"

#include "gazetteer.h"
#include "resolve_names.h"

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

void ng_rroots(ng_resolver *r)
{
    for (size_t i = 0; i < r->nrecs; i++) {
        uint32_t p = r->parent[i];
        r->root[i] = p == i ? (uint32_t)i : r->root[p];
        r->parent[i] = r->root[i];
    }
}

int ng_rpairs_add(ng_rpairs *p, uint32_t a, uint32_t b)
{
    if (p->n + 2 > p->cap) {
        size_t cap = p->cap ? p->cap * 2 : 64;
        uint32_t *v = realloc(p->v, cap * sizeof *v);
        if (!v) return NG_ENOMEM;
        p->v = v;
        p->cap = cap;
    }
    p->v[p->n++] = a;
    p->v[p->n++] = b;
    return 0;
}

void ng_rpairs_apply(ng_resolver *r, ng_rpairs *p)
{
    for (size_t i = 0; i + 1 < p->n; i += 2) ng_runion(r, p->v[i], p->v[i + 1]);
    free(p->v);
    memset(p, 0, sizeof *p);
}

int ng_resolver_new(const ng_models *models, ng_resolver **out, ng_error *err)
{
    ng_resolver *r = calloc(1, sizeof *r);
    if (!r) return ng_error_set(err, NG_ENOMEM, "out of memory creating the resolver");
    r->models = models;
    ng_arena_init(&r->arena);
    if (ng_rstr_intern(r, "", 0, &r->empty) < 0) {
        ng_resolver_free(r);
        return ng_error_set(err, NG_ENOMEM, "out of memory creating the resolver");
    }
    *out = r;
    return 0;
}

void ng_resolver_free(ng_resolver *r)
{
    if (!r) return;
    ng_arena_free(&r->arena);
    ng_rstr_free(r);
    free(r->recs);
    free(r->parent);
    free(r->root);
    free(r->rec_actor);
    free(r->local_at);
    free(r->local_actor);
    free(r->actors);
    free(r);
}

/* Id of s (NG_RNONE for NULL). */
static int intern(ng_resolver *r, const char *s, uint32_t *id)
{
    if (!s) {
        *id = NG_RNONE;
        return 0;
    }
    return ng_rstr_intern(r, s, strlen(s), id);
}

/* Id of the key of s ("" for NULL). */
static int key_of(ng_resolver *r, const char *s, uint32_t *key)
{
    uint32_t id;
    if (!s) {
        *key = r->empty;
        return 0;
    }
    if (intern(r, s, &id) < 0) return NG_ENOMEM;
    return ng_rstr_key(r, id, key);
}

/* "role|country" of a record with a bound descriptor: what lets "the
 * Ukrainian president" of another document find this person. */
static int desc_key(ng_resolver *r, const ng_local_entity *e, uint32_t *desc)
{
    uint32_t role, country;
    *desc = NG_RNONE;
    if (!e->role || !*e->role) return 0;
    if (key_of(r, e->role, &role) < 0 || key_of(r, e->country ? e->country : "", &country) < 0)
        return NG_ENOMEM;
    const ng_rstr *a = &r->strs[role], *b = &r->strs[country];
    char buf[2 * NG_NAME_MAX + 2]; /* keys are shorter than NG_NAME_MAX */
    memcpy(buf, a->text, a->len);
    buf[a->len] = '|';
    memcpy(buf + a->len + 1, b->text, b->len);
    return ng_rstr_intern(r, buf, a->len + 1 + b->len, desc);
}

/* Splits a person's key into given name(s) and surname when coref left
 * them unset: the last word is the surname. */
static int person_parts(ng_resolver *r, ng_rrec *rec, const ng_local_entity *e)
{
    if (key_of(r, e->given ? e->given : "", &rec->given) < 0 ||
        key_of(r, e->surname ? e->surname : "", &rec->surname) < 0)
        return NG_ENOMEM;
    const ng_rstr *key = &r->strs[rec->key];
    if (r->strs[rec->surname].len || !key->len) return 0;
    const char *text = key->text; /* key may move as strings are added */
    size_t len = key->len, at = len;
    while (at > 0 && text[at - 1] != ' ') at--;
    if (at == 0) {
        rec->surname = rec->key;
        return 0;
    }
    at--; /* the space */
    if (ng_rstr_intern(r, text + at + 1, len - at - 1, &rec->surname) < 0) return NG_ENOMEM;
    return ng_rstr_intern(r, text, at, &rec->given);
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
    rec->typo_of = rec->acronym = NG_RNONE;
    /* "" is how a descriptor-only entity comes back from JSON Lines */
    const char *name = e->name && *e->name ? e->name : NULL;
    if (intern(r, name, &rec->name) < 0) return NG_ENOMEM;
    rec->key = r->empty;
    if (name && ng_rstr_key(r, rec->name, &rec->key) < 0) return NG_ENOMEM;
    rec->words = r->strs[rec->key].words;
    if (e->naliases) {
        uint32_t *al = ng_arena_alloc(&r->arena, e->naliases * sizeof *al);
        if (!al) return NG_ENOMEM;
        for (size_t k = 0; k < e->naliases; k++)
            if (intern(r, e->aliases[k], &al[k]) < 0) return NG_ENOMEM;
        rec->aliases = al;
        rec->naliases = (uint32_t)e->naliases;
    }
    rec->given = rec->surname = r->empty;
    if (rec->type == NG_TYPE_PERSON && person_parts(r, rec, e) < 0) return NG_ENOMEM;
    rec->bare = rec->type == NG_TYPE_PERSON && name && rec->words == 1;
    if (desc_key(r, e, &rec->desc) < 0) return NG_ENOMEM;
    if (e->acronym) {
        char letters[16];
        size_t n = ng_name_acronym(e->acronym, strlen(e->acronym), letters);
        if (n && ng_rstr_intern(r, letters, n, &rec->acronym) < 0) return NG_ENOMEM;
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

/* Records in (document, local index) order - the order documents are
 * usually added in, so the sort is mostly skipped. */
static void order_records(ng_resolver *r)
{
    int sorted = 1;
    for (size_t i = 1; i < r->nrecs && sorted; i++) sorted = cmp_rec(&r->recs[i - 1], &r->recs[i]) < 0;
    if (!sorted) qsort(r->recs, r->nrecs, sizeof *r->recs, cmp_rec);
}

/* Country names the gazetteer knows under another form ("U.S.", "UK",
 * "DPRK", "Syrian Arab Republic") become the country's common name, so
 * they meet it in the exact rule and a country is labelled the same in
 * every run; the written form stays as an alias. Only places, and only
 * country names: capitals stay places of their own. Decided once per
 * distinct name. */
static int country_keys(ng_resolver *r)
{
    const ng_gazetteer *g = r->models ? r->models->gazetteer : NULL;
    if (!g) return 0;
    const uint32_t unset = NG_RNONE - 1;
    uint32_t *common_of = ng_rstr_memo(r, unset); /* name -> common name, NG_RNONE: not a country form */
    uint32_t nmemo = r->nstrs;
    if (!common_of) return NG_ENOMEM;
    for (size_t i = 0; i < r->nrecs; i++) {
        ng_rrec *rec = &r->recs[i];
        if (rec->name == NG_RNONE || rec->type != NG_TYPE_PLACE || rec->words > 3 || rec->name >= nmemo) continue;
        if (common_of[rec->name] == unset) {
            const ng_rstr *n = &r->strs[rec->name];
            uint32_t cls = ng_gazetteer_classes(g, n->text, n->len);
            char acr[16];
            const char *common = NULL;
            /* an ordinary word that is also some country's name in its own
             * language ("Island" for Ísland) is not that country; "US" is */
            if ((cls & NG_GAZ_COUNTRY) && !((cls & NG_GAZ_COMMON) && !ng_name_acronym(n->text, n->len, acr)))
                common = ng_gazetteer_country_name(g, ng_gazetteer_country(g, n->text, n->len));
            common_of[rec->name] = NG_RNONE;
            if (common && ng_rstr_intern(r, common, strlen(common), &common_of[rec->name]) < 0) {
                free(common_of);
                return NG_ENOMEM;
            }
        }
        uint32_t common = common_of[rec->name];
        if (common == NG_RNONE) continue;
        if (ng_rstr_key(r, common, &rec->key) < 0) {
            free(common_of);
            return NG_ENOMEM;
        }
        if (common != rec->name) {
            rec->typo_of = rec->name; /* the written form stays an alias */
            rec->name = common;
        }
        rec->words = r->strs[rec->key].words;
    }
    free(common_of);
    return 0;
}

/* The actor of every (document, local index), -1 for entities never
 * added: ng_resolver_actor_of is asked once per mention and statement
 * while the output is written, so it is one lookup, not a search. Only
 * for dense document indices (any caller's); others keep the search. */
static int index_actors(ng_resolver *r)
{
    uint64_t last = r->nrecs ? r->recs[r->nrecs - 1].doc : 0;
    if (last > 4 * (uint64_t)r->nrecs + 1024) return 0;
    r->ndocs = r->nrecs ? (uint32_t)last + 1 : 0;
    r->local_at = malloc(((size_t)r->ndocs + 1) * sizeof *r->local_at);
    if (!r->local_at) return NG_ENOMEM;
    size_t n = 0, i = 0;
    for (uint32_t d = 0; d < r->ndocs; d++) {
        r->local_at[d] = (uint32_t)n;
        while (i < r->nrecs && r->recs[i].doc == d) i++;
        if (i > 0 && r->recs[i - 1].doc == d) n += (size_t)r->recs[i - 1].local + 1;
    }
    r->local_at[r->ndocs] = (uint32_t)n;
    r->local_actor = malloc((n + 1) * sizeof *r->local_actor);
    if (!r->local_actor) return NG_ENOMEM;
    for (size_t k = 0; k < n; k++) r->local_actor[k] = -1;
    for (size_t k = 0; k < r->nrecs; k++)
        r->local_actor[r->local_at[r->recs[k].doc] + (uint32_t)r->recs[k].local] = r->rec_actor[k];
    return 0;
}

int ng_resolver_finish(ng_resolver *r, ng_error *err)
{
    int rc = NG_ENOMEM;
    uint8_t *bound = NULL;
    ng_rsurname *surnames = NULL;
    size_t nsurnames = 0;
    if (r->finished) return ng_error_set(err, NG_EINTERNAL, "ng_resolver_finish called twice");
    r->finished = 1;
    order_records(r);
    r->parent = malloc((r->nrecs + 1) * sizeof *r->parent);
    r->root = malloc((r->nrecs + 1) * sizeof *r->root);
    r->rec_actor = malloc((r->nrecs + 1) * sizeof *r->rec_actor);
    bound = calloc(r->nrecs + 1, 1);
    if (!r->parent || !r->root || !r->rec_actor || !bound) goto cleanup;
    for (size_t i = 0; i < r->nrecs; i++) r->parent[i] = (uint32_t)i;
    if (country_keys(r) < 0 || ng_rrules_place_typos(r) < 0) goto cleanup;
    if (ng_rstr_rank(r) < 0) goto cleanup; /* keys are final from here on */
    if (ng_rrules_exact(r) < 0) goto cleanup;
    if (ng_rsurnames(r, &surnames, &nsurnames) < 0) goto cleanup;
    if (ng_rrules_person_variants(r, surnames, nsurnames) < 0) goto cleanup;
    if (ng_rrules_bare_surnames(r, surnames, nsurnames) < 0) goto cleanup;
    if (ng_rrules_acronyms(r) < 0) goto cleanup;
    if (ng_rrules_org_stems(r) < 0) goto cleanup;
    if (ng_rrules_typos(r) < 0) goto cleanup;
    if (ng_rrules_descriptors(r, bound) < 0) goto cleanup;
    if (ng_ractors_build(r, bound) < 0 || index_actors(r) < 0) goto cleanup;
    rc = 0;
cleanup:
    free(bound);
    free(surnames);
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
    if (!r->finished || !r->rec_actor || local < 0) return -1;
    if (r->local_actor) {
        if (doc_index >= r->ndocs) return -1;
        uint32_t at = r->local_at[doc_index];
        if ((uint32_t)local >= r->local_at[doc_index + 1] - at) return -1;
        return r->local_actor[at + (uint32_t)local];
    }
    size_t lo = 0, hi = r->nrecs;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const ng_rrec *m = &r->recs[mid];
        if (m->doc < doc_index || (m->doc == doc_index && m->local < local)) lo = mid + 1;
        else hi = mid;
    }
    if (lo < r->nrecs && r->recs[lo].doc == doc_index && r->recs[lo].local == local) return r->rec_actor[lo];
    return -1;
}
