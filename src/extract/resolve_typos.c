/* resolve_typos.c - names misspelt in the text. Place names ("Souel",
 * "Pyongnyang") are rewritten to their gazetteer spelling before the
 * run's names are compared, so the misspelling becomes an alias of the
 * place rather than a node of its own; after the other rules, a rare
 * name one slip away from a much more frequent actor joins it. Both
 * decide once per distinct key, not per record. */
#include "resolve_internal.h"

#include "gazetteer.h"
#include "resolve_names.h"

#include "thread_memo.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The anagram signature of a key: its length, first and last letter, then
 * its letters sorted; "souel" and "seoul" both give "5slelosu". */
static size_t signature(const char *key, char *out, size_t cap)
{
    size_t len = strlen(key);
    if (len + 8 > cap) return 0;
    /* "%zu%c%c" of len, the first and the last letter, without printf */
    char digits[24];
    size_t nd = 0, n = 0;
    for (size_t v = len; nd == 0 || v; v /= 10) digits[nd++] = (char)('0' + v % 10);
    while (nd) out[n++] = digits[--nd];
    out[n++] = key[0];
    out[n++] = key[len - 1];
    char *p = out + n;
    memcpy(p, key, len + 1);
    /* insertion sort: keys are short */
    for (size_t i = 1; i < len; i++) {
        char c = p[i];
        size_t j = i;
        while (j > 0 && p[j - 1] > c) {
            p[j] = p[j - 1];
            j--;
        }
        p[j] = c;
    }
    return (size_t)n + len;
}

/* A gazetteer place the run names (capitalised, one word of five letters
 * or more), once per distinct name, with its anagram signature and how
 * many of its records are persons (never rewritten) or not. */
typedef struct sig {
    const char *sig;
    uint32_t name, key;
    uint32_t persons, others;
} sig;

static int cmp_sig(const void *a, const void *b)
{
    const sig *x = a, *y = b;
    int c = strcmp(x->sig, y->sig);
    return c ? c : (x->name < y->name ? -1 : x->name > y->name);
}

/* Records that could be misspelt places, grouped by key. */
typedef struct group {
    uint32_t key;
    uint32_t first;   /* its first record */
    uint32_t total;   /* mentions of its records */
    const char *text; /* key text, for the strcmp order groups are decided in */
} group;

static int cmp_group(const void *a, const void *b)
{
    return strcmp(((const group *)a)->text, ((const group *)b)->text);
}

/* The sorts of a document's few sigs and groups (extract --stream
 * resolves each document on its own): insertion with the comparison
 * inlined up to a few dozen, qsort beyond. Both orders are total (sigs
 * of distinct names, groups of distinct keys), so either gives the same. */
#define SMALL_SORT 32
#define DEFINE_SMALL_SORT(name, type, cmp)                                   \
    static void name(type *v, size_t n)                                      \
    {                                                                        \
        if (n > SMALL_SORT) {                                                \
            qsort(v, n, sizeof *v, cmp);                                     \
            return;                                                          \
        }                                                                    \
        for (size_t i = 1; i < n; i++) {                                     \
            type x = v[i];                                                   \
            size_t j = i;                                                    \
            for (; j > 0 && cmp(&x, &v[j - 1]) < 0; j--) v[j] = v[j - 1];   \
            v[j] = x;                                                        \
        }                                                                    \
    }
DEFINE_SMALL_SORT(sort_sigs, sig, cmp_sig)
DEFINE_SMALL_SORT(sort_groups, group, cmp_group)

typedef struct typo_run {
    ng_resolver *r;
    sig *s;
    size_t ns;
    uint32_t *near_of; /* key -> name its group was rewritten to, NG_RNONE */
} typo_run;

/* Same letters in another order, same first and last letter: "Souel"
 * for "Seoul", a slip the gazetteer's edit distance counts as two. Only
 * gazetteer places the run itself names (capitalised) are candidates,
 * and they must all be one name. Records rewritten by a group decided
 * earlier count under their new name, as they now read. Returns the name
 * or NG_RNONE. */
static uint32_t transposed(typo_run *t, uint32_t key)
{
    ng_resolver *r = t->r;
    char buf[NG_NAME_MAX + 8];
    if (!signature(ng_rtext(r, key), buf, sizeof buf)) return NG_RNONE;
    size_t lo = 0, hi = t->ns;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(t->s[mid].sig, buf) < 0) lo = mid + 1;
        else hi = mid;
    }
    uint32_t found = NG_RNONE, found_key = NG_RNONE;
    for (size_t i = lo; i < t->ns && strcmp(t->s[i].sig, buf) == 0; i++) {
        const sig *e = &t->s[i];
        uint32_t near = t->near_of[e->key];
        for (int v = 0; v < 2; v++) {
            uint32_t name = e->name, k = e->key;
            if (v == 0 && !(e->persons || near == NG_RNONE)) continue;
            if (v == 1) {
                if (!e->others || near == NG_RNONE) continue;
                name = near;
                k = r->strs[near].key;
            }
            if (k == key) continue;
            if (found != NG_RNONE && found_key != k) return NG_RNONE;
            if (found == NG_RNONE || strcmp(ng_rtext(r, name), ng_rtext(r, found)) < 0) {
                found = name;
                found_key = k;
            }
        }
    }
    return found;
}

/* ng_gazetteer_place_near of the unknown words a run asks about, per
 * thread and kept while the gazetteer is the same: extract --stream
 * resolves every document on its own and asks about the same words again
 * and again. Direct-mapped by the string's hash; longer words go straight
 * to the gazetteer. */
#define NEAR_MEMO_SLOTS 4096
#define NEAR_MEMO_TEXT 40

typedef struct near_memo_slot {
    uint64_t serial;  /* ng_gazetteer_serial of the answer's gazetteer, 0 empty */
    const char *near; /* the answer, borrowed from that gazetteer, or NULL */
    uint32_t len;
    char text[NEAR_MEMO_TEXT];
} near_memo_slot;

static ng_thread_memo near_memo_block = NG_THREAD_MEMO(NEAR_MEMO_SLOTS * sizeof(near_memo_slot), NULL);
static _Thread_local near_memo_slot *near_memo; /* this thread's block */

static const char *place_near(const ng_gazetteer *g, const ng_rstr *name)
{
    if (!near_memo)
        near_memo = ng_thread_memo_get(&near_memo_block, NULL);
    if (name->len > NEAR_MEMO_TEXT || !near_memo)
        return ng_gazetteer_place_near(g, name->text, name->len);
    uint64_t serial = ng_gazetteer_serial(g);
    near_memo_slot *m = &near_memo[name->hash & (NEAR_MEMO_SLOTS - 1)];
    if (m->serial == serial && m->len == name->len && memcmp(m->text, name->text, name->len) == 0)
        return m->near;
    const char *near = ng_gazetteer_place_near(g, name->text, name->len);
    m->serial = serial;
    m->near = near;
    m->len = name->len;
    memcpy(m->text, name->text, name->len);
    return near;
}

/* Could the record be a misspelt place (of the group of its key)? */
static int candidate(const ng_resolver *r, const ng_rrec *rec)
{
    return rec->name != NG_RNONE && rec->type != NG_TYPE_PERSON && rec->words == 1 && r->strs[rec->key].len >= 5;
}

/* The run's gazetteer places, one entry per distinct name (t->s), and
 * marks their keys in named[]. */
static int named_places(typo_run *t, uint8_t *named)
{
    ng_resolver *r = t->r;
    uint32_t *at = ng_rstr_memo(r, NG_RNONE); /* name -> entry, NG_RNONE - 1: not one */
    if (!at) return NG_ENOMEM;
    for (size_t i = 0; i < r->nrecs; i++) {
        const ng_rrec *rec = &r->recs[i];
        if (rec->name == NG_RNONE || rec->words != 1) continue;
        uint32_t e = at[rec->name];
        if (e == NG_RNONE) {
            const ng_rstr *name = &r->strs[rec->name], *key = &r->strs[rec->key];
            char buf[NG_NAME_MAX + 8];
            size_t len;
            e = NG_RNONE - 1;
            if (key->len >= 5 && name->text[0] >= 'A' && name->text[0] <= 'Z' &&
                (ng_rstr_classes(r, rec->key) & NG_GAZ_PLACE) &&
                (len = signature(key->text, buf, sizeof buf))) {
                const char *sg = ng_arena_strndup(&r->arena, buf, len);
                if (!sg) {
                    free(at);
                    return NG_ENOMEM;
                }
                e = (uint32_t)t->ns;
                t->s[t->ns++] = (sig){sg, rec->name, rec->key, 0, 0};
                named[rec->key] = 1;
            }
            at[rec->name] = e;
        }
        if (e == NG_RNONE - 1) continue;
        if (rec->type == NG_TYPE_PERSON) t->s[e].persons += rec->count;
        else t->s[e].others += rec->count;
    }
    free(at);
    sort_sigs(t->s, t->ns);
    return 0;
}

/* A single word of at least five letters that the gazetteer does not
 * know, typed organisation or place and written at most three times in
 * the run, is a place misspelt when the gazetteer finds one place within
 * a typo of it (ng_gazetteer_place_near) that the run also names, or the
 * run names a place with the same letters transposed. Persons are left
 * alone: a surname such as "Parris" is not Paris. Decided once per
 * distinct key, in key order. */
int ng_rrules_place_typos(ng_resolver *r)
{
    const ng_gazetteer *g = r->models ? r->models->gazetteer : NULL;
    if (!g || !r->nrecs) return 0;
    int rc = NG_ENOMEM;
    uint32_t nmemo = r->nstrs; /* every record's key is below */
    typo_run t = {r, malloc(nmemo * sizeof *t.s), 0, ng_rstr_memo(r, NG_RNONE)};
    uint8_t *named = calloc(nmemo, 1);      /* keys of places the run names */
    uint32_t *group_of = ng_rstr_memo(r, NG_RNONE);
    group *gr = malloc(nmemo * sizeof *gr);
    size_t ng = 0;
    if (!t.s || !t.near_of || !named || !group_of || !gr) goto cleanup;
    if (named_places(&t, named) < 0) goto cleanup;
    for (size_t i = 0; i < r->nrecs; i++) {
        const ng_rrec *rec = &r->recs[i];
        if (!candidate(r, rec)) continue;
        if (group_of[rec->key] == NG_RNONE) {
            group_of[rec->key] = (uint32_t)ng;
            gr[ng++] = (group){rec->key, (uint32_t)i, 0, ng_rtext(r, rec->key)};
        }
        gr[group_of[rec->key]].total += rec->mentions;
    }
    sort_groups(gr, ng);
    for (size_t i = 0; i < ng; i++) {
        const ng_rstr *name = &r->strs[r->recs[gr[i].first].name];
        /* a slip is rare: a word written many times is a real name the
         * gazetteer lacks (Samarra is not Samara) */
        if (gr[i].total > 3 || ng_rstr_classes(r, r->recs[gr[i].first].name) != 0) continue;
        const char *near = place_near(g, name);
        uint32_t to = NG_RNONE;
        if (near) { /* only a place the run itself names */
            char key[NG_NAME_MAX];
            size_t klen = ng_name_key(near, strlen(near), key, sizeof key);
            uint32_t k = ng_rstr_find(r, key, klen);
            if (k != NG_RNONE && k < nmemo && named[k] && ng_rstr_intern(r, near, strlen(near), &to) < 0)
                goto cleanup;
        }
        if (to == NG_RNONE) to = transposed(&t, gr[i].key);
        if (to == NG_RNONE) continue;
        uint32_t k;
        if (ng_rstr_key(r, to, &k) < 0) goto cleanup;
        t.near_of[gr[i].key] = to;
    }
    for (size_t i = 0; i < r->nrecs; i++) {
        ng_rrec *rec = &r->recs[i];
        if (!candidate(r, rec) || t.near_of[rec->key] == NG_RNONE) continue;
        rec->typo_of = rec->name;
        rec->name = t.near_of[rec->key];
        rec->key = r->strs[rec->name].key;
        rec->type = NG_TYPE_PLACE;
    }
    rc = 0;
cleanup:
    free(t.s);
    free(t.near_of);
    free(named);
    free(group_of);
    free(gr);
    return rc;
}

/* Per-cluster totals the typo rule compares. */
typedef struct cluster_info {
    uint32_t mentions;
    uint32_t type_mentions[NG_TYPE_COUNT];
    uint32_t key;     /* key + 1 when the cluster has only one, 0 before any */
    uint8_t multikey;
} cluster_info;

static int majority_type(const cluster_info *c)
{
    int best = 0;
    for (int t = 1; t < NG_TYPE_COUNT; t++)
        if (c->type_mentions[t] > c->type_mentions[best]) best = t;
    return best;
}

typedef struct typo_entry {
    const char *key;
    uint32_t rec, len, kid, rank;
} typo_entry;

/* Sorted by first letter, then length, so the names a typo could be of
 * (same first letter, length within two) are one contiguous window. */
static int cmp_typo_entry(const void *a, const void *b)
{
    const typo_entry *x = a, *y = b;
    if (x->key[0] != y->key[0]) return (unsigned char)x->key[0] < (unsigned char)y->key[0] ? -1 : 1;
    if (x->len != y->len) return x->len < y->len ? -1 : 1;
    if (x->rank != y->rank) return x->rank < y->rank ? -1 : 1;
    return x->rec < y->rec ? -1 : x->rec > y->rec;
}

/* Sorts v[0..n) by cmp_typo_entry (tmp has room for n): a merge sort with
 * the comparison inlined, as qsort's calls through a pointer were most of
 * the cost of the few dozen entries of a document (extract --stream).
 * Entries are distinct records, so any sort gives this order. */
static void sort_entries(typo_entry *v, typo_entry *tmp, size_t n)
{
    if (n <= 16) {
        for (size_t i = 1; i < n; i++) {
            typo_entry x = v[i];
            size_t j = i;
            for (; j > 0 && cmp_typo_entry(&x, &v[j - 1]) < 0; j--) v[j] = v[j - 1];
            v[j] = x;
        }
        return;
    }
    size_t h = n / 2, a = 0, b = h, k = 0;
    sort_entries(v, tmp, h);
    sort_entries(v + h, tmp, n - h);
    while (a < h && b < n) tmp[k++] = cmp_typo_entry(&v[b], &v[a]) < 0 ? v[b++] : v[a++];
    while (a < h) tmp[k++] = v[a++];
    memcpy(v, tmp, k * sizeof *v); /* v[b..n) is in place */
}

/* One entry per name and actor ("Russia" of a thousand documents is
 * one): the occurrences of one key in log order, a new entry each time
 * the actor changes. An entry is decided by its record (key, name and
 * root), so a record gives one entry however often it starts a run. */
static typo_entry *typo_entries(ng_resolver *r, size_t *count)
{
    typo_entry *e = malloc(2 * (r->nrecs + 1) * sizeof *e); /* the second half: sort space */
    uint32_t *last = ng_rstr_memo(r, NG_RNONE); /* key -> root of its last entry */
    uint8_t *done = calloc(r->nrecs + 1, 1);
    ng_rcursor c;
    ng_rcursor_init(&c);
    size_t n = 0;
    int rc = e && last && done ? 0 : NG_ENOMEM;
    for (size_t d = 0; d < r->log.ndocs && rc == 0; d++) {
        ng_rocc *o;
        size_t k;
        if ((rc = ng_rcursor_doc(&c, &r->log, d, &o, &k)) < 0) break;
        for (size_t j = 0; j < k; j++) {
            uint32_t i = o[j].rec;
            const ng_rrec *rec = &r->recs[i];
            const ng_rstr *key = &r->strs[rec->key];
            if (rec->name == NG_RNONE || !key->len || last[rec->key] == r->root[i]) continue;
            last[rec->key] = r->root[i];
            if (done[i]) continue;
            done[i] = 1;
            e[n++] = (typo_entry){key->text, i, key->len, rec->key, r->rank[rec->key]};
        }
    }
    ng_rcursor_free(&c);
    free(last);
    free(done);
    if (rc < 0) {
        free(e);
        return NULL;
    }
    sort_entries(e, e + r->nrecs + 1, n);
    *count = n;
    return e;
}

/* Typos of another actor of the run (Pyongnyang beside Pyongyang): an
 * organisation or place written one way only, unknown to the gazetteer,
 * of at least 5 letters, within distance 1 (2 from 8 letters) of a name
 * with the same first letter whose actor is mentioned at least three
 * times as often. Persons are left to the surname rules, which know
 * given names; real distinct names rarely meet all of these at once. */
int ng_rrules_typos(ng_resolver *r)
{
    uint32_t *cid = malloc((r->nrecs + 1) * sizeof *cid); /* root -> its cluster's info */
    cluster_info *ci = NULL;
    typo_entry *e = NULL;
    size_t n = 0, nc = 0;
    ng_rpairs todo = {0};
    if (!cid) return NG_ENOMEM;
    ng_rroots(r);
    for (size_t i = 0; i < r->nrecs; i++)
        if (r->root[i] == i) cid[i] = (uint32_t)nc++;
    if (!(ci = calloc(nc + 1, sizeof *ci))) goto oom;
    for (size_t i = 0; i < r->nrecs; i++) {
        const ng_rrec *rec = &r->recs[i];
        cluster_info *c = &ci[cid[r->root[i]]];
        c->mentions += rec->weight;
        c->type_mentions[rec->type] += rec->weight;
        if (rec->name == NG_RNONE) continue;
        if (c->key && c->key != rec->key + 1) c->multikey = 1;
        if (!c->key) c->key = rec->key + 1;
    }
    if (!(e = typo_entries(r, &n))) goto oom;
    for (size_t i = 0; i < n; i++) {
        uint32_t root = r->root[e[i].rec];
        const cluster_info *c = &ci[cid[root]];
        uint32_t len = e[i].len;
        /* a typo is a slip: written rarely, and one way only */
        if (c->multikey || c->key != e[i].kid + 1 || len < 5 || c->mentions > 3 ||
            majority_type(c) == NG_TYPE_PERSON)
            continue;
        /* the window first: most names have no close neighbour at all */
        size_t j = i;
        while (j > 0 && e[j - 1].key[0] == e[i].key[0] && e[j - 1].len + 2 >= len) j--;
        ng_rone near = {0, 0};
        int checked = 0;
        for (; j < n && e[j].key[0] == e[i].key[0] && e[j].len <= len + 2; j++) {
            uint32_t other = r->root[e[j].rec];
            if (other == root || e[j].kid == e[i].kid) continue;
            const cluster_info *o = &ci[cid[other]];
            if (o->mentions < 3 * c->mentions || majority_type(o) == NG_TYPE_PERSON) continue;
            int max = (len >= 8 && e[j].len >= 8) ? 2 : 1;
            if (ng_name_distance(e[i].key, len, e[j].key, e[j].len, max) > max) continue;
            if (!checked++ && ng_rclasses(r, r->recs[e[i].rec].name) != 0) break;
            ng_rone_add(&near, other);
        }
        if (near.n == 1 && ng_rpairs_add(&todo, root, near.root) < 0) goto oom;
    }
    free(cid);
    free(ci);
    free(e);
    ng_rpairs_apply(r, &todo);
    return 0;
oom:
    free(cid);
    free(ci);
    free(e);
    free(todo.v);
    return NG_ENOMEM;
}
