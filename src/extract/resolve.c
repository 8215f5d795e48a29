/* resolve.c - run-level resolution: the documents' local entities become
 * records (their strings interned in the table of resolve_strs.c), the
 * rules of resolve_rules.c, resolve_stems.c and resolve_typos.c join
 * records into clusters, and each cluster becomes one actor with a
 * canonical label and a stable id (resolve_actors.c; see
 * include/newsgraph/resolve.h).
 *
 * Identical local entities are one record with counts; which local entity
 * is which record is the occurrence log (resolve_log.c), on disk for a
 * large run, so memory follows the distinct names, not the documents.
 *
 * Determinism: the log is in (document, local index) order and records
 * are numbered by first occurrence before any rule runs, every rule
 * decides from keys and counts, and union-find always keeps the record
 * that occurs first as root; labels and ids are chosen by content (words,
 * frequency, then strcmp), never by arrival order. */
#include "resolve_internal.h"

#include "gazetteer.h"
#include "resolve_names.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

void ng_runion(ng_resolver *r, uint32_t a, uint32_t b)
{
    a = ng_rfind(r, a);
    b = ng_rfind(r, b);
    if (a == b) return;
    if (r->recs[a].first < r->recs[b].first) r->parent[b] = a;
    else r->parent[a] = b;
}

void ng_rroots(ng_resolver *r)
{
    for (size_t i = 0; i < r->nrecs; i++) r->root[i] = ng_rfind(r, (uint32_t)i);
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
    ng_rlog_init(&r->log);
    if (ng_rstr_intern(r, "", 0, &r->empty) < 0) {
        ng_resolver_free(r);
        return ng_error_set(err, NG_ENOMEM, "out of memory creating the resolver");
    }
    *out = r;
    return 0;
}

void ng_resolver_ids_only(ng_resolver *r) { r->ids_only = 1; }

int ng_resolver_reset(ng_resolver *r, ng_error *err)
{
    ng_arena_reset(&r->arena); /* every string and alias list goes */
    r->nrecs = 0;
    if (r->rec_slots) memset(r->rec_slots, 0, r->rec_slots_cap * sizeof *r->rec_slots);
    ng_rlog_reset(&r->log);
    ng_rstr_reset(r);
    free(r->rec_actor);
    free(r->actors);
    r->rec_actor = NULL;
    r->actors = NULL;
    r->nactors = 0;
    r->finished = 0;
    if (ng_rstr_intern(r, "", 0, &r->empty) < 0)
        return ng_error_set(err, NG_ENOMEM, "out of memory resetting the resolver");
    return 0;
}

void ng_resolver_free(ng_resolver *r)
{
    if (!r) return;
    ng_arena_free(&r->arena);
    ng_rstr_free(r);
    ng_rlog_free(&r->log);
    free(r->recs);
    free(r->rec_slots);
    free(r->scratch);
    free(r->parent);
    free(r->root);
    free(r->bound);
    free(r->rec_actor);
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

static uint32_t mix(uint32_t h, uint32_t v)
{
    h ^= v;
    h *= 16777619u;
    return h ^ (h >> 15);
}

/* Hash of what makes a record (everything the rules read but counts). */
static uint32_t rec_hash(const ng_rrec *x)
{
    uint32_t h = 2166136261u;
    h = mix(h, (uint32_t)x->type | (uint32_t)x->bare << 8);
    h = mix(h, x->name);
    h = mix(h, x->key);
    h = mix(h, x->given);
    h = mix(h, x->surname);
    h = mix(h, x->desc);
    h = mix(h, x->acronym);
    h = mix(h, x->words);
    h = mix(h, x->naliases);
    for (uint32_t k = 0; k < x->naliases; k++) h = mix(h, x->aliases[k]);
    return h;
}

static int same_rec(const ng_rrec *x, const ng_rrec *y)
{
    return x->hash == y->hash && x->type == y->type && x->bare == y->bare && x->name == y->name &&
           x->key == y->key && x->given == y->given && x->surname == y->surname && x->desc == y->desc &&
           x->acronym == y->acronym && x->words == y->words && x->naliases == y->naliases &&
           (!x->naliases || memcmp(x->aliases, y->aliases, x->naliases * sizeof *x->aliases) == 0);
}

static int grow_rec_slots(ng_resolver *r)
{
    size_t cap = r->rec_slots_cap ? r->rec_slots_cap * 2 : 64;
    uint32_t *slots = ng_rindex_build(r->recs, r->nrecs, sizeof *r->recs, offsetof(ng_rrec, hash), cap);
    if (!slots) return NG_ENOMEM;
    free(r->rec_slots);
    r->rec_slots = slots;
    r->rec_slots_cap = cap;
    return 0;
}

static int push_rec(ng_resolver *r, const ng_rrec *x, uint32_t *out)
{
    if (r->nrecs == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 256;
        ng_rrec *p = realloc(r->recs, cap * sizeof *p);
        if (!p) return NG_ENOMEM;
        r->recs = p;
        r->cap = cap;
    }
    if (r->nrecs >= NG_RNONE - 1) return NG_ENOMEM;
    r->recs[r->nrecs] = *x;
    *out = (uint32_t)r->nrecs++;
    return 0;
}

/* The record equal to x, added (its aliases copied) when new. */
static int find_or_add(ng_resolver *r, ng_rrec *x, uint32_t *out)
{
    if ((r->nrecs + 1) * 2 > r->rec_slots_cap && grow_rec_slots(r) < 0) return NG_ENOMEM;
    x->hash = rec_hash(x);
    size_t mask = r->rec_slots_cap - 1, j = x->hash & mask;
    for (; r->rec_slots[j]; j = (j + 1) & mask) {
        if (same_rec(&r->recs[r->rec_slots[j] - 1], x)) {
            *out = r->rec_slots[j] - 1;
            return 0;
        }
    }
    if (x->naliases) {
        uint32_t *al = ng_arena_alloc(&r->arena, x->naliases * sizeof *al);
        if (!al) return NG_ENOMEM;
        memcpy(al, x->aliases, x->naliases * sizeof *al);
        x->aliases = al;
    }
    x->first = (uint32_t)ng_rlog_count(&r->log);
    if (push_rec(r, x, out) < 0) return NG_ENOMEM;
    r->rec_slots[j] = *out + 1;
    return 0;
}

static int add_entity(ng_resolver *r, uint32_t doc, int32_t local, const ng_local_entity *e)
{
    ng_rrec x, *rec = &x;
    memset(rec, 0, sizeof *rec);
    rec->type = e->type < NG_TYPE_COUNT ? e->type : NG_TYPE_ORG;
    rec->typo_of = rec->acronym = NG_RNONE;
    /* "" is how a descriptor-only entity comes back from JSON Lines */
    const char *name = e->name && *e->name ? e->name : NULL;
    if (intern(r, name, &rec->name) < 0) return NG_ENOMEM;
    rec->key = r->empty;
    if (name && ng_rstr_key(r, rec->name, &rec->key) < 0) return NG_ENOMEM;
    rec->words = ng_rstr_words(r, rec->key);
    if (e->naliases) {
        if (e->naliases > r->scratch_cap) {
            uint32_t *p = realloc(r->scratch, e->naliases * sizeof *p);
            if (!p) return NG_ENOMEM;
            r->scratch = p;
            r->scratch_cap = e->naliases;
        }
        for (size_t k = 0; k < e->naliases; k++)
            if (intern(r, e->aliases[k], &r->scratch[k]) < 0) return NG_ENOMEM;
        rec->aliases = r->scratch;
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
    uint32_t id;
    if (find_or_add(r, rec, &id) < 0) return NG_ENOMEM;
    ng_rrec *got = &r->recs[id];
    got->count++;
    got->mentions += e->mentions;
    got->weight += e->mentions ? e->mentions : 1;
    ng_rocc o = {doc, (uint32_t)local, id, e->mentions};
    return ng_rlog_append(&r->log, &o);
}

int ng_resolver_add(ng_resolver *r, uint32_t doc_index, const ng_extraction *ex, ng_error *err)
{
    if (r->finished)
        return ng_error_set(err, NG_EINTERNAL, "ng_resolver_add after ng_resolver_finish");
    for (size_t i = 0; i < ex->nentities; i++) {
        const ng_local_entity *e = &ex->entities[i];
        if (!(e->name && *e->name) && !(e->role && *e->role)) continue; /* nothing to resolve it by */
        int rc = add_entity(r, doc_index, (int32_t)i, e);
        if (rc < 0)
            return ng_error_set(err, rc, rc == NG_EIO ? "writing a temporary file failed resolving %s"
                                                      : "out of memory resolving %s",
                                ex->doc && ex->doc->path ? ex->doc->path : "document");
    }
    return 0;
}

/* Numbers the records by first occurrence once the log is sorted (only
 * needed when documents were added out of order). */
static int renumber(ng_resolver *r)
{
    uint64_t n = ng_rlog_count(&r->log);
    uint32_t *to = malloc((r->nrecs + 1) * sizeof *to);
    ng_rrec *recs = malloc((r->nrecs + 1) * sizeof *recs);
    ng_rcursor c;
    ng_rcursor_init(&c);
    int rc = NG_ENOMEM;
    if (!to || !recs) goto cleanup;
    for (size_t i = 0; i < r->nrecs; i++) to[i] = NG_RNONE;
    uint32_t next = 0;
    for (size_t d = 0; d < r->log.ndocs; d++) {
        ng_rocc *o;
        size_t k;
        if ((rc = ng_rcursor_doc(&c, &r->log, d, &o, &k)) < 0) goto cleanup;
        for (size_t j = 0; j < k; j++) {
            if (to[o[j].rec] == NG_RNONE) {
                recs[next] = r->recs[o[j].rec];
                recs[next].first = r->log.docs[d].start + (uint32_t)j;
                to[o[j].rec] = next++;
            }
            o[j].rec = to[o[j].rec];
        }
        if ((rc = ng_rcursor_put(&c, &r->log, d)) < 0) goto cleanup;
    }
    rc = next == r->nrecs && n >= next ? 0 : NG_EINTERNAL;
    if (rc == 0) {
        memcpy(r->recs, recs, r->nrecs * sizeof *recs);
    }
cleanup:
    ng_rcursor_free(&c);
    free(to);
    free(recs);
    return rc;
}

int ng_rsplit(ng_resolver *r, uint32_t i, uint32_t first, uint32_t *out)
{
    ng_rrec x = r->recs[i];
    x.first = first;
    x.count = x.mentions = x.weight = 0;
    if (push_rec(r, &x, out) < 0) return NG_ENOMEM;
    if (r->nrecs > r->uf_cap) {
        size_t cap = r->uf_cap * 2 > r->nrecs ? r->uf_cap * 2 : r->nrecs + 16;
        uint32_t *p = realloc(r->parent, cap * sizeof *p);
        if (p) r->parent = p;
        uint32_t *q = realloc(r->root, cap * sizeof *q);
        if (q) r->root = q;
        uint8_t *b = realloc(r->bound, cap);
        if (b) r->bound = b;
        if (!p || !q || !b) return NG_ENOMEM;
        r->uf_cap = cap;
    }
    r->parent[*out] = r->root[*out] = *out;
    r->bound[*out] = 0;
    return 0;
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
            uint32_t cls = ng_rstr_classes(r, rec->name);
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
        rec->words = ng_rstr_words(r, rec->key);
    }
    free(common_of);
    return 0;
}

/* How many documents each actor occurs in: one pass over the log. */
static int count_documents(ng_resolver *r)
{
    uint32_t *last = calloc(r->nactors + 1, sizeof *last); /* entry + 1 of the last document counted */
    ng_rcursor c;
    ng_rcursor_init(&c);
    int rc = last ? 0 : NG_ENOMEM;
    for (size_t d = 0; d < r->log.ndocs && rc == 0; d++) {
        ng_rocc *o;
        size_t n;
        if ((rc = ng_rcursor_doc(&c, &r->log, d, &o, &n)) < 0) break;
        for (size_t j = 0; j < n; j++) {
            int32_t a = r->rec_actor[o[j].rec];
            if (a < 0 || last[a] == d + 1) continue;
            last[a] = (uint32_t)d + 1;
            r->actors[a].ndocs++;
        }
    }
    ng_rcursor_free(&c);
    free(last);
    return rc;
}

int ng_resolver_finish(ng_resolver *r, ng_error *err)
{
    int rc = NG_ENOMEM;
    ng_rsurname *surnames = NULL;
    size_t nsurnames = 0;
    if (r->finished) return ng_error_set(err, NG_EINTERNAL, "ng_resolver_finish called twice");
    r->finished = 1;
    free(r->rec_slots); /* no more records come (until ng_resolver_reset) */
    r->rec_slots = NULL;
    r->rec_slots_cap = 0;
    int unsorted = r->log.unsorted;
    if ((rc = ng_rlog_sort(&r->log)) < 0 || (unsorted && (rc = renumber(r)) < 0)) goto cleanup;
    rc = NG_ENOMEM;
    if (!r->parent || r->uf_cap < r->nrecs + 16) { /* a reset resolver may have room already */
        free(r->parent);
        free(r->root);
        free(r->bound);
        r->uf_cap = r->nrecs + 16;
        r->parent = malloc(r->uf_cap * sizeof *r->parent);
        r->root = malloc(r->uf_cap * sizeof *r->root);
        r->bound = malloc(r->uf_cap);
        if (!r->parent || !r->root || !r->bound) goto cleanup;
    }
    memset(r->bound, 0, r->uf_cap);
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
    if (ng_rrules_descriptors(r) < 0) goto cleanup;
    if (ng_ractors_build(r) < 0) goto cleanup;
    rc = r->ids_only ? 0 : count_documents(r);
cleanup:
    free(surnames);
    if (rc == NG_EIO) return ng_error_set(err, rc, "reading a temporary file failed resolving actors");
    if (rc < 0) return ng_error_set(err, rc, "out of memory resolving actors");
    return 0;
}

size_t ng_resolver_actor_count(const ng_resolver *r) { return r->nactors; }

const ng_actor *ng_resolver_actor(const ng_resolver *r, size_t i)
{
    return i < r->nactors ? &r->actors[i] : NULL;
}

/* Calls back with the occurrences of document doc_index, 256 at a time. */
static int scan_doc(const ng_resolver *r, uint32_t doc_index,
                    void (*fn)(const ng_resolver *r, const ng_rocc *o, size_t n, void *ctx), void *ctx)
{
    if (!r->finished || !r->rec_actor) return 0;
    size_t d = ng_rlog_find(&r->log, doc_index);
    if (d == (size_t)-1) return 0;
    uint64_t at = r->log.docs[d].start;
    uint64_t end = d + 1 < r->log.ndocs ? r->log.docs[d + 1].start : ng_rlog_count(&r->log);
    ng_rocc o[256];
    while (at < end) {
        size_t k = end - at < 256 ? (size_t)(end - at) : 256;
        if (ng_rlog_read(&r->log, o, at, k) < 0) return NG_EIO;
        fn(r, o, k, ctx);
        at += k;
    }
    return 0;
}

typedef struct actors_out {
    int32_t *actor;
    size_t n;
} actors_out;

static void put_actors(const ng_resolver *r, const ng_rocc *o, size_t n, void *ctx)
{
    actors_out *out = ctx;
    for (size_t j = 0; j < n; j++)
        if (o[j].local < out->n) out->actor[o[j].local] = r->rec_actor[o[j].rec];
}

int ng_resolver_doc_actors(const ng_resolver *r, uint32_t doc_index, int32_t *actor, size_t n)
{
    for (size_t k = 0; k < n; k++) actor[k] = -1;
    actors_out out = {actor, n};
    return scan_doc(r, doc_index, put_actors, &out);
}

struct ng_resolver_reader {
    const ng_resolver *r;
    ng_rcursor cursor;
};

ng_resolver_reader *ng_resolver_reader_new(const ng_resolver *r)
{
    ng_resolver_reader *rd = malloc(sizeof *rd);
    if (!rd) return NULL;
    rd->r = r;
    ng_rcursor_init(&rd->cursor);
    return rd;
}

int ng_resolver_reader_doc_actors(ng_resolver_reader *rd, uint32_t doc_index, int32_t *actor, size_t n)
{
    const ng_resolver *r = rd->r;
    for (size_t k = 0; k < n; k++) actor[k] = -1;
    if (!r->finished || !r->rec_actor) return 0;
    size_t d = ng_rlog_find(&r->log, doc_index);
    if (d == (size_t)-1) return 0;
    ng_rocc *o;
    size_t no;
    int rc = ng_rcursor_doc(&rd->cursor, &r->log, d, &o, &no);
    if (rc < 0) return rc;
    actors_out out = {actor, n};
    put_actors(r, o, no, &out);
    return 0;
}

void ng_resolver_reader_free(ng_resolver_reader *rd)
{
    if (!rd) return;
    ng_rcursor_free(&rd->cursor);
    free(rd);
}

typedef struct actor_one {
    uint32_t local;
    int32_t actor;
} actor_one;

static void find_actor(const ng_resolver *r, const ng_rocc *o, size_t n, void *ctx)
{
    actor_one *one = ctx;
    for (size_t j = 0; j < n; j++)
        if (o[j].local == one->local) one->actor = r->rec_actor[o[j].rec];
}

int32_t ng_resolver_actor_of(const ng_resolver *r, uint32_t doc_index, int32_t local)
{
    actor_one one = {(uint32_t)local, -1};
    if (local < 0 || scan_doc(r, doc_index, find_actor, &one) < 0) return -1;
    return one.actor;
}
