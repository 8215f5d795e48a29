/* resolve_rules.c - the rules that join the run's records into actors.
 *
 * Each rule sorts the records by a blocking key (the name key, the first
 * letters of a surname, an acronym, a role) and compares only records
 * inside one block, so a run with many actors never compares all pairs.
 * Rules that could chain (A~B, B~C) decide from a snapshot of the
 * clusters and apply their unions afterwards, so the result does not
 * depend on the order records are visited in. */
#include "resolve_internal.h"

#include "gazetteer.h"
#include "resolve_names.h"

#include <stdlib.h>
#include <string.h>

typedef struct entry {
    const char *key;
    uint32_t rec;
    const char *aux; /* a second sort key where a rule needs one */
    uint32_t kid;    /* when key is a record's key: its rank (ng_rrec.kid) */
} entry;

static int cmp_entry(const void *a, const void *b)
{
    const entry *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    if (c) return c;
    return x->rec < y->rec ? -1 : x->rec > y->rec;
}

/* The same order as cmp_entry for entries keyed by records' keys. */
static int cmp_entry_kid(const void *a, const void *b)
{
    const entry *x = a, *y = b;
    if (x->kid != y->kid) return x->kid < y->kid ? -1 : 1;
    return x->rec < y->rec ? -1 : x->rec > y->rec;
}

/* Adds one pending union to a growable list of pairs. */
typedef struct pairs {
    uint32_t *v;
    size_t n, cap;
} pairs;

static int pairs_add(pairs *p, uint32_t a, uint32_t b)
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

static void pairs_apply(ng_resolver *r, pairs *p)
{
    for (size_t i = 0; i + 1 < p->n; i += 2) ng_runion(r, p->v[i], p->v[i + 1]);
    free(p->v);
    memset(p, 0, sizeof *p);
}

/* Distinct roots collected while scanning a block (small, bounded). */
typedef struct roots {
    uint32_t v[16];
    size_t n;
    int overflow;
} roots;

static void roots_add(roots *s, uint32_t root)
{
    for (size_t i = 0; i < s->n; i++)
        if (s->v[i] == root) return;
    if (s->n < 16) s->v[s->n++] = root;
    else s->overflow = 1;
}

/* Index of the first entry whose key is >= key. */
static size_t lower_bound(const entry *e, size_t n, const char *key)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(e[mid].key, key) < 0) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

static int named(const ng_rrec *rec) { return rec->name != NULL; }

/* Exact name: every record with the same key is one actor, whatever its
 * type ("Kremlin" tagged organization here and place there); the type
 * of the actor is the majority of its mentions (resolve_actors.c).
 * Persons known by one word wait for the surname rule. */
int ng_rrules_exact(ng_resolver *r)
{
    uint32_t *first = malloc((r->nkeys + 1) * sizeof *first); /* kid -> first record with it */
    if (!first) return NG_ENOMEM;
    memset(first, 0xff, (r->nkeys + 1) * sizeof *first);
    for (size_t i = 0; i < r->nrecs; i++) {
        const ng_rrec *rec = &r->recs[i];
        if (!named(rec) || rec->bare) continue;
        if (first[rec->kid] == UINT32_MAX) first[rec->kid] = (uint32_t)i;
        else ng_runion(r, first[rec->kid], (uint32_t)i);
    }
    free(first);
    return 0;
}

/* Full-name person records sorted by surname, one per distinct full
 * name (records with one key are one actor after the exact rule): the
 * block for a surname is every entry sharing its first two letters, which
 * transliteration variants keep (Zelensky / Zelenskyy / Zelenskiy). */
static int cmp_surname_entry(const void *a, const void *b)
{
    const entry *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    if (c) return c;
    if (x->kid != y->kid) return x->kid < y->kid ? -1 : 1; /* aux is the key: kid order */
    return x->rec < y->rec ? -1 : x->rec > y->rec;
}

static entry *surname_entries(ng_resolver *r, size_t *count)
{
    entry *e = malloc((r->nrecs + 1) * sizeof *e);
    size_t n = 0, u = 0;
    if (!e) return NULL;
    for (size_t i = 0; i < r->nrecs; i++) {
        const ng_rrec *rec = &r->recs[i];
        if (named(rec) && rec->type == NG_TYPE_PERSON && !rec->bare && rec->surname[0])
            e[n++] = (entry){rec->surname, (uint32_t)i, rec->key, rec->kid};
    }
    qsort(e, n, sizeof *e, cmp_surname_entry);
    for (size_t i = 0; i < n; i++)
        if (u == 0 || e[u - 1].kid != e[i].kid || strcmp(e[u - 1].key, e[i].key) != 0)
            e[u++] = e[i];
    *count = u;
    return e;
}

static int same_block(const char *a, const char *b)
{
    return a[0] == b[0] && (a[0] == '\0' || a[1] == b[1]);
}

/* First entry of key's block (binary search on the two-letter prefix). */
static size_t block_start(const entry *e, size_t n, const char *key)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strncmp(e[mid].key, key, 2);
        if (c < 0) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

/* Full names that are spellings of one name: surnames within the variant
 * distance and given names agreeing (Volodymyr Zelensky / Volodymr
 * Zelenskyy, Dmitry / Dmitri Peskov). Two people who share a surname but
 * not a given name (Kim Jong Un / Kim Yo Jong) stay apart. */
int ng_rrules_person_variants(ng_resolver *r)
{
    const ng_gazetteer *g = r->models ? r->models->gazetteer : NULL;
    size_t n;
    pairs todo = {0};
    entry *e = surname_entries(r, &n);
    if (!e) return NG_ENOMEM;
    /* full given names first; an initial ("J. Smith") could bridge John and
     * Jane Smith, so it joins afterwards, and only a single candidate */
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < n; i++) {
            const ng_rrec *a = &r->recs[e[i].rec];
            if (!a->given[0] || (pass == 1 && a->given[1])) continue;
            roots s = {0};
            for (size_t j = pass ? block_start(e, n, e[i].key) : i + 1; j < n && same_block(e[i].key, e[j].key); j++) {
                const ng_rrec *b = &r->recs[e[j].rec];
                if (j == i || ng_rfind(r, e[i].rec) == ng_rfind(r, e[j].rec)) continue;
                if (!b->given[0] || (pass == 0 && (!a->given[1] || !b->given[1]))) continue;
                if (!ng_name_surname_variant(a->surname, b->surname) || !ng_name_given_compatible(g, a->given, b->given))
                    continue;
                if (pass == 0 && pairs_add(&todo, e[i].rec, e[j].rec) < 0) goto oom;
                if (pass == 1) roots_add(&s, ng_rfind(r, e[j].rec));
            }
            if (pass == 1 && s.n == 1 && !s.overflow && pairs_add(&todo, e[i].rec, s.v[0]) < 0) goto oom;
        }
        pairs_apply(r, &todo);
    }
    free(e);
    return 0;
oom:
    free(e);
    free(todo.v);
    return NG_ENOMEM;
}

typedef struct doc_root {
    uint32_t doc, root;
} doc_root;

static int cmp_doc_root(const void *a, const void *b)
{
    const doc_root *x = a, *y = b;
    if (x->doc != y->doc) return x->doc < y->doc ? -1 : 1;
    return x->root < y->root ? -1 : x->root > y->root;
}

/* A surname alone joins the one full name of the run with that surname.
 * Short surnames must match exactly (Peskov is not Petkov); from seven
 * letters a transliteration variant is accepted (Zelenskyy). With several
 * candidates the one named in the same document wins; otherwise the
 * surname stays on its own (with other lone mentions of it). */
int ng_rrules_bare_surnames(ng_resolver *r)
{
    size_t n, nleft = 0, nbare = 0, ndr = 0;
    pairs todo = {0};
    entry *e = surname_entries(r, &n);
    entry *left = malloc((r->nrecs + 1) * sizeof *left);
    entry *bare = malloc((r->nrecs + 1) * sizeof *bare);
    doc_root *dr = malloc((r->nrecs + 1) * sizeof *dr);
    if (!e || !left || !bare || !dr) goto oom;
    /* which full names each document names, for "the one in the same document" */
    for (size_t i = 0; i < r->nrecs; i++) {
        const ng_rrec *rec = &r->recs[i];
        if (named(rec) && rec->type == NG_TYPE_PERSON && !rec->bare && rec->surname[0])
            dr[ndr++] = (doc_root){rec->doc, ng_rfind(r, (uint32_t)i)};
        if (named(rec) && rec->bare) bare[nbare++] = (entry){rec->key, (uint32_t)i, NULL, rec->kid};
    }
    qsort(dr, ndr, sizeof *dr, cmp_doc_root);
    qsort(bare, nbare, sizeof *bare, cmp_entry_kid);
    roots all = {0};
    for (size_t i = 0; i < nbare; i++) {
        const ng_rrec *b = &r->recs[bare[i].rec];
        if (i == 0 || bare[i - 1].kid != b->kid) { /* candidates once per surname */
            size_t len = strlen(b->key);
            memset(&all, 0, sizeof all);
            for (size_t j = block_start(e, n, b->key); j < n && same_block(e[j].key, b->key); j++) {
                const char *s = e[j].key;
                if (strcmp(s, b->key) == 0 ||
                    (len >= 7 && strlen(s) >= 7 && ng_name_surname_variant(s, b->key)))
                    roots_add(&all, ng_rfind(r, e[j].rec));
            }
        }
        int target = -1;
        if (all.n == 1 && !all.overflow) {
            target = (int)all.v[0];
        } else if (all.n > 1) {
            for (size_t k = 0; k < all.n; k++) {
                doc_root probe = {b->doc, all.v[k]};
                if (!bsearch(&probe, dr, ndr, sizeof *dr, cmp_doc_root)) continue;
                if (target >= 0) {
                    target = -1;
                    break;
                }
                target = (int)all.v[k];
            }
        }
        if (target >= 0) {
            if (pairs_add(&todo, bare[i].rec, (uint32_t)target) < 0) goto oom;
        } else {
            left[nleft++] = bare[i];
        }
    }
    /* A one-word organisation or place that is exactly the surname of one
     * person of the run, and nothing the gazetteer knows, is that person
     * mistyped ("Zelensky" tagged organization where a cue was missing). */
    const ng_gazetteer *g = r->models ? r->models->gazetteer : NULL;
    for (size_t i = 0; i < r->nrecs; i++) {
        const ng_rrec *b = &r->recs[i];
        char acr[16];
        if (!named(b) || b->type == NG_TYPE_PERSON || b->words != 1 || b->acronym[0] ||
            ng_name_acronym(b->name, strlen(b->name), acr))
            continue;
        if (g && ng_gazetteer_classes(g, b->name, strlen(b->name)) != 0) continue;
        roots one = {0};
        for (size_t j = block_start(e, n, b->key); j < n && same_block(e[j].key, b->key); j++)
            if (strcmp(e[j].key, b->key) == 0) roots_add(&one, ng_rfind(r, e[j].rec));
        if (one.n == 1 && !one.overflow && pairs_add(&todo, (uint32_t)i, one.v[0]) < 0) goto oom;
    }
    pairs_apply(r, &todo);
    /* Lone surnames that found no full name are still one actor each. */
    for (size_t i = 1; i < nleft; i++)
        if (left[i].kid == left[i - 1].kid) ng_runion(r, left[i - 1].rec, left[i].rec);
    free(e);
    free(left);
    free(bare);
    free(dr);
    return 0;
oom:
    free(e);
    free(left);
    free(bare);
    free(dr);
    free(todo.v);
    return NG_ENOMEM;
}

/* Acronyms: a name written as an acronym ("SSU", "U.S.") joins the actor
 * that defined it in some document ("Security Service of Ukraine (SSU)");
 * failing that, the one multi-word name of the run whose initials it is
 * ("United States"). Actors defining the same acronym are one actor. */
int ng_rrules_acronyms(ng_resolver *r)
{
    entry *def = malloc((r->nrecs + 1) * sizeof *def);
    entry *ini = malloc((r->nrecs + 1) * sizeof *ini);
    char (*letters)[16] = malloc((r->nrecs + 1) * sizeof *letters);
    size_t ndef = 0, nini = 0;
    pairs todo = {0};
    int rc = NG_ENOMEM;
    if (!def || !ini || !letters) goto cleanup;
    for (size_t i = 0; i < r->nrecs; i++) {
        const ng_rrec *rec = &r->recs[i];
        letters[i][0] = '\0';
        if (!named(rec) || rec->type == NG_TYPE_PERSON) continue;
        if (rec->acronym[0]) def[ndef++] = (entry){rec->acronym, (uint32_t)i, NULL, 0};
        if (rec->words >= 2 && ng_name_initials(rec->key, letters[i]) >= 2)
            ini[nini++] = (entry){letters[i], (uint32_t)i, NULL, 0};
    }
    qsort(def, ndef, sizeof *def, cmp_entry);
    qsort(ini, nini, sizeof *ini, cmp_entry);
    for (size_t i = 1; i < ndef; i++)
        if (strcmp(def[i].key, def[i - 1].key) == 0 && pairs_add(&todo, def[i - 1].rec, def[i].rec) < 0)
            goto cleanup;
    for (size_t i = 0; i < r->nrecs; i++) {
        const ng_rrec *rec = &r->recs[i];
        char acr[16];
        if (!named(rec) || rec->words != 1 || ng_name_acronym(rec->name, strlen(rec->name), acr) == 0 ||
            strlen(acr) > 6)
            continue;
        roots d = {0}, k = {0};
        for (size_t j = lower_bound(def, ndef, acr); j < ndef && strcmp(def[j].key, acr) == 0; j++)
            roots_add(&d, ng_rfind(r, def[j].rec));
        /* initials only within a type: "EU" is not "Eastern Ukraine" */
        for (size_t j = lower_bound(ini, nini, acr); j < nini && strcmp(ini[j].key, acr) == 0; j++)
            if (r->recs[ini[j].rec].type == rec->type) roots_add(&k, ng_rfind(r, ini[j].rec));
        /* initials only for an acronym that is not a country ("US" is the
         * country, which country names in the gazetteer settle) */
        if (!d.n && r->models && r->models->gazetteer &&
            (ng_gazetteer_classes(r->models->gazetteer, rec->name, strlen(rec->name)) & NG_GAZ_COUNTRY))
            continue;
        const roots *use = d.n ? &d : &k;
        if (use->n == 1 && !use->overflow && pairs_add(&todo, (uint32_t)i, use->v[0]) < 0)
            goto cleanup;
    }
    rc = 0;
cleanup:
    if (rc == 0) pairs_apply(r, &todo);
    else free(todo.v);
    free(def);
    free(ini);
    free(letters);
    return rc;
}

/* Per-cluster totals the typo rule compares. */
typedef struct cluster_info {
    uint32_t mentions;
    uint32_t type_mentions[NG_TYPE_COUNT];
    uint32_t kid;     /* kid + 1 of its key when the cluster has only one, 0 before any */
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
    uint32_t rec, len, kid;
} typo_entry;

/* Sorted by first letter, then length, so the names a typo could be of
 * (same first letter, length within two) are one contiguous window. */
static int cmp_typo_entry(const void *a, const void *b)
{
    const typo_entry *x = a, *y = b;
    if (x->key[0] != y->key[0]) return (unsigned char)x->key[0] < (unsigned char)y->key[0] ? -1 : 1;
    if (x->len != y->len) return x->len < y->len ? -1 : 1;
    if (x->kid != y->kid) return x->kid < y->kid ? -1 : 1; /* kid order is strcmp order */
    return x->rec < y->rec ? -1 : x->rec > y->rec;
}

/* Typos of another actor of the run (Pyongnyang beside Pyongyang): an
 * organisation or place written one way only, unknown to the gazetteer,
 * of at least 5 letters, within distance 1 (2 from 8 letters) of a name
 * with the same first letter whose actor is mentioned at least three
 * times as often. Persons are left to the surname rules, which know
 * given names; real distinct names rarely meet all of these at once. */
int ng_rrules_typos(ng_resolver *r)
{
    const ng_gazetteer *g = r->models ? r->models->gazetteer : NULL;
    cluster_info *ci = calloc(r->nrecs + 1, sizeof *ci);
    typo_entry *e = malloc((r->nrecs + 1) * sizeof *e);
    size_t n = 0;
    pairs todo = {0};
    if (!ci || !e) goto oom;
    for (size_t i = 0; i < r->nrecs; i++) {
        const ng_rrec *rec = &r->recs[i];
        cluster_info *c = &ci[ng_rfind(r, (uint32_t)i)];
        c->mentions += rec->mentions ? rec->mentions : 1;
        c->type_mentions[rec->type] += rec->mentions ? rec->mentions : 1;
        if (!named(rec)) continue;
        if (c->kid && c->kid != rec->kid + 1) c->multikey = 1;
        if (!c->kid) c->kid = rec->kid + 1;
        if (rec->key[0]) e[n++] = (typo_entry){rec->key, (uint32_t)i, (uint32_t)strlen(rec->key), rec->kid};
    }
    qsort(e, n, sizeof *e, cmp_typo_entry);
    /* one entry per name and actor: "Russia" of a thousand documents is one */
    size_t u = 0;
    for (size_t i = 0; i < n; i++)
        if (u == 0 || e[u - 1].kid != e[i].kid ||
            ng_rfind(r, e[u - 1].rec) != ng_rfind(r, e[i].rec))
            e[u++] = e[i];
    n = u;
    for (size_t i = 0; i < n; i++) {
        uint32_t root = ng_rfind(r, e[i].rec);
        const cluster_info *c = &ci[root];
        const ng_rrec *rec = &r->recs[e[i].rec];
        uint32_t len = e[i].len;
        /* a typo is a slip: written rarely, and one way only */
        if (c->multikey || c->kid != e[i].kid + 1 || len < 5 || c->mentions > 3 ||
            majority_type(c) == NG_TYPE_PERSON)
            continue;
        /* the window first: most names have no close neighbour at all */
        size_t j = i;
        while (j > 0 && e[j - 1].key[0] == e[i].key[0] && e[j - 1].len + 2 >= len) j--;
        roots near = {0};
        int checked = 0;
        for (; j < n && e[j].key[0] == e[i].key[0] && e[j].len <= len + 2; j++) {
            uint32_t other = ng_rfind(r, e[j].rec);
            if (other == root || e[j].kid == e[i].kid) continue;
            const cluster_info *o = &ci[other];
            if (o->mentions < 3 * c->mentions || majority_type(o) == NG_TYPE_PERSON) continue;
            int max = (len >= 8 && e[j].len >= 8) ? 2 : 1;
            if (ng_name_distance(e[i].key, len, e[j].key, e[j].len, max) > max) continue;
            if (!checked++ && g && ng_gazetteer_classes(g, rec->name, strlen(rec->name)) != 0) break;
            roots_add(&near, other);
        }
        if (near.n == 1 && !near.overflow && pairs_add(&todo, root, near.v[0]) < 0) goto oom;
    }
    free(ci);
    free(e);
    pairs_apply(r, &todo);
    return 0;
oom:
    free(ci);
    free(e);
    free(todo.v);
    return NG_ENOMEM;
}

/* A bindable descriptor says enough to single someone out in a run: a
 * country ("president|ukraine") or a qualified role ("kremlin
 * spokesperson|"). "the official" alone is never bound across documents. */
static int bindable(const char *desc)
{
    const char *bar = strchr(desc, '|');
    if (!bar || bar == desc) return 0;
    if (bar[1]) return 1;
    return memchr(desc, ' ', (size_t)(bar - desc)) != NULL;
}

/* Descriptor-only records ("the Ukrainian president" in a document that
 * never names him) join the one person actor of the run whose own
 * mentions carry the same role and country; with none or several they
 * are dropped (their mentions stay unresolved). */
int ng_rrules_descriptors(ng_resolver *r, uint8_t *bound)
{
    entry *e = malloc((r->nrecs + 1) * sizeof *e);
    size_t n = 0;
    pairs todo = {0};
    if (!e) return NG_ENOMEM;
    for (size_t i = 0; i < r->nrecs; i++) {
        const ng_rrec *rec = &r->recs[i];
        if (named(rec) && rec->desc && bindable(rec->desc)) e[n++] = (entry){rec->desc, (uint32_t)i, NULL, 0};
    }
    qsort(e, n, sizeof *e, cmp_entry);
    for (size_t i = 0; i < r->nrecs; i++) {
        const ng_rrec *rec = &r->recs[i];
        if (named(rec) || !rec->desc || !bindable(rec->desc)) continue;
        roots s = {0};
        for (size_t j = lower_bound(e, n, rec->desc); j < n && strcmp(e[j].key, rec->desc) == 0; j++)
            roots_add(&s, ng_rfind(r, e[j].rec));
        if (s.n == 1 && !s.overflow) {
            if (pairs_add(&todo, (uint32_t)i, s.v[0]) < 0) {
                free(e);
                free(todo.v);
                return NG_ENOMEM;
            }
            bound[i] = 1;
        }
    }
    free(e);
    pairs_apply(r, &todo);
    return 0;
}

static int all_heads(const ng_gazetteer *g, const char *s, size_t n, uint32_t heads)
{
    while (n > 0) {
        const char *sp = memchr(s, ' ', n);
        size_t w = sp ? (size_t)(sp - s) : n;
        if (!(ng_gazetteer_classes(g, s, w) & heads)) return 0;
        if (!sp) return 1;
        n -= w + 1;
        s = sp + 1;
    }
    return 1;
}

/* Shorter names an organisation's full name is also known by, written
 * into out[] (up to 3, each a key in the arena); *local says the short
 * name only counts within the same document:
 *  - without trailing head words: "yonhap news agency" -> "yonhap";
 *  - what follows "heads of": "church of scientology" -> "scientology";
 *  - without a leading country: "united kingdom home office" -> "home
 *    office", a generic phrase, so only within the document. */
static size_t org_stems(ng_resolver *r, const char *key, uint32_t heads, int leading_country,
                        const char **out, uint8_t *local)
{
    const ng_gazetteer *g = r->models->gazetteer;
    size_t n = strlen(key), k = 0;
    size_t end = n;
    while (end > 0) { /* (a) trailing heads */
        size_t s = end;
        while (s > 0 && key[s - 1] != ' ') s--;
        if (s == 0) break;
        if (!(ng_gazetteer_classes(g, key + s, end - s) & heads)) break;
        end = s - 1;
    }
    if (end < n && end > 0 && (out[k] = ng_arena_strndup(&r->arena, key, end))) local[k++] = 0;
    const char *of = strstr(key, " of "); /* (b) "heads of X" */
    if (of && of[4] && all_heads(g, key, (size_t)(of - key), heads) &&
        (out[k] = ng_arena_strndup(&r->arena, of + 4, strlen(of + 4))))
        local[k++] = 0;
    const char *sp = key; /* (c) a leading country of one to three words */
    for (int w = 0; leading_country && w < 3 && (sp = strchr(sp + 1, ' ')); w++) {
        if (ng_gazetteer_classes(g, key, (size_t)(sp - key)) & (NG_GAZ_COUNTRY | NG_GAZ_DEMONYM)) {
            if (strchr(sp + 1, ' ') && (out[k] = ng_arena_strndup(&r->arena, sp + 1, strlen(sp + 1))))
                local[k++] = 1;
            break;
        }
    }
    return k;
}

/* An organisation's short name (org_stems) joins its full name when only
 * one full name of the run (of the document, for generic short names)
 * shortens to it and the short form is not a place ("Moscow" is not
 * "Moscow Times", "Oxford" not "University of Oxford"). Places likewise
 * by their head nouns ("Tigris River", "Republic of Tuva"), unless the
 * full name is a place of its own in the gazetteer or the short one is a
 * gazetteer place ("Mexico City" is not Mexico, "Mosul Dam" not Mosul). */
static int stems_of_type(ng_resolver *r, int type)
{
    const ng_gazetteer *g = r->models->gazetteer;
    uint32_t heads = type == NG_TYPE_ORG ? NG_GAZ_ORG_HEAD : NG_GAZ_PLACE_HEAD;
    entry *e = malloc((3 * r->nrecs + 1) * sizeof *e);
    pairs todo = {0};
    size_t n = 0;
    if (!e) return NG_ENOMEM;
    for (size_t i = 0; i < r->nrecs; i++) {
        const ng_rrec *rec = &r->recs[i];
        const char *stems[3];
        uint8_t local[3];
        if (!named(rec) || rec->type != type || rec->words < 2) continue;
        if (type == NG_TYPE_PLACE && (ng_gazetteer_classes(g, rec->key, strlen(rec->key)) & NG_GAZ_PLACE))
            continue;
        size_t k = org_stems(r, rec->key, heads, type == NG_TYPE_ORG, stems, local);
        for (size_t j = 0; j < k; j++) {
            /* "Mosul Dam", "Ohio River" are not the city or the state */
            if (type == NG_TYPE_PLACE && (ng_gazetteer_classes(g, stems[j], strlen(stems[j])) & NG_GAZ_PLACE))
                continue;
            e[n++] = (entry){stems[j], (uint32_t)i, local[j] ? "" : NULL, 0};
        }
    }
    qsort(e, n, sizeof *e, cmp_entry);
    for (size_t i = 0; i < r->nrecs; i++) {
        const ng_rrec *rec = &r->recs[i];
        if (!named(rec) || rec->type != type) continue;
        uint32_t cls = ng_gazetteer_classes(g, rec->key, strlen(rec->key));
        if (cls & (type == NG_TYPE_ORG ? NG_GAZ_PLACE : NG_GAZ_COUNTRY)) continue;
        roots s = {0};
        for (size_t j = lower_bound(e, n, rec->key); j < n && strcmp(e[j].key, rec->key) == 0; j++)
            if (!e[j].aux || r->recs[e[j].rec].doc == rec->doc) roots_add(&s, ng_rfind(r, e[j].rec));
        if (s.n == 1 && !s.overflow && pairs_add(&todo, (uint32_t)i, s.v[0]) < 0) goto oom;
    }
    free(e);
    pairs_apply(r, &todo);
    return 0;
oom:
    free(e);
    free(todo.v);
    return NG_ENOMEM;
}

int ng_rrules_org_stems(ng_resolver *r)
{
    if (!r->models || !r->models->gazetteer) return 0;
    int rc = stems_of_type(r, NG_TYPE_ORG);
    return rc < 0 ? rc : stems_of_type(r, NG_TYPE_PLACE);
}
