/* resolve_rules.c - the rules that join the run's records into actors by
 * their names: exact keys, spellings of one person, lone surnames,
 * acronyms, descriptors (org and place short names are resolve_stems.c,
 * typos resolve_typos.c).
 *
 * Rules work on distinct strings, not on records: whatever a rule asks of
 * a name (its block, its candidates, the one actor it reaches) it asks
 * once per string id, and a pass over the records only looks answers up,
 * so a rule costs the records once plus the distinct names. Rules that
 * could chain (A~B, B~C) decide from a snapshot of the clusters
 * (ng_rroots) and apply their unions afterwards, so the result does not
 * depend on the order records are visited in. */
#include "resolve_internal.h"

#include "gazetteer.h"
#include "resolve_names.h"

#include <stdlib.h>
#include <string.h>

/* Distinct roots collected while scanning a block (small, bounded): the
 * candidates of a lone surname, where which ones (the first 16) matter. */
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

static int named(const ng_rrec *rec) { return rec->name != NG_RNONE; }

/* An ng_rone per string, all empty (NULL when out of memory). */
static ng_rone *rone_memo(const ng_resolver *r) { return calloc((size_t)r->nstrs + 1, sizeof(ng_rone)); }

/* Exact name: every record with the same key is one actor, whatever its
 * type ("Kremlin" tagged organization here and place there); the type
 * of the actor is the majority of its mentions (resolve_actors.c).
 * Persons known by one word wait for the surname rule. */
int ng_rrules_exact(ng_resolver *r)
{
    uint32_t *first = ng_rstr_memo(r, NG_RNONE); /* key -> first record with it */
    if (!first) return NG_ENOMEM;
    for (size_t i = 0; i < r->nrecs; i++) {
        const ng_rrec *rec = &r->recs[i];
        if (!named(rec) || rec->bare) continue;
        if (first[rec->key] == NG_RNONE) first[rec->key] = (uint32_t)i;
        else ng_runion(r, first[rec->key], (uint32_t)i);
    }
    free(first);
    return 0;
}

static int cmp_surname(const void *a, const void *b)
{
    const ng_rsurname *x = a, *y = b;
    if (x->surname_rank != y->surname_rank) return x->surname_rank < y->surname_rank ? -1 : 1;
    if (x->key_rank != y->key_rank) return x->key_rank < y->key_rank ? -1 : 1;
    return x->rec < y->rec ? -1 : x->rec > y->rec;
}

/* Full-name person records sorted by surname, one per distinct full
 * name and surname (records with one key are one actor after the exact
 * rule): the block for a surname is every entry sharing its first two
 * letters, which transliteration variants keep (Zelensky / Zelenskyy /
 * Zelenskiy). */
int ng_rsurnames(ng_resolver *r, ng_rsurname **out, size_t *count)
{
    uint32_t *head = ng_rstr_memo(r, NG_RNONE); /* key -> its entries, chained by next */
    uint32_t *next = malloc((r->nrecs + 1) * sizeof *next);
    ng_rsurname *e = malloc((r->nrecs + 1) * sizeof *e);
    size_t n = 0;
    if (!head || !next || !e) {
        free(head);
        free(next);
        free(e);
        return NG_ENOMEM;
    }
    for (size_t i = 0; i < r->nrecs; i++) {
        const ng_rrec *rec = &r->recs[i];
        if (!named(rec) || rec->type != NG_TYPE_PERSON || rec->bare || !r->strs[rec->surname].len) continue;
        uint32_t k = head[rec->key];
        while (k != NG_RNONE && e[k].surname != rec->surname) k = next[k];
        if (k != NG_RNONE) continue;
        e[n] = (ng_rsurname){rec->surname, rec->key, (uint32_t)i, r->rank[rec->surname], r->rank[rec->key]};
        next[n] = head[rec->key];
        head[rec->key] = (uint32_t)n++;
    }
    free(head);
    free(next);
    qsort(e, n, sizeof *e, cmp_surname);
    *out = e;
    *count = n;
    return 0;
}

static int same_block(const char *a, const char *b)
{
    return a[0] == b[0] && (a[0] == '\0' || a[1] == b[1]);
}

/* First entry of surname's block (binary search on the two-letter prefix). */
static size_t block_start(const ng_resolver *r, const ng_rsurname *e, size_t n, const char *surname)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strncmp(ng_rtext(r, e[mid].surname), surname, 2) < 0) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

/* Full names that are spellings of one name: surnames within the variant
 * distance and given names agreeing (Volodymyr Zelensky / Volodymr
 * Zelenskyy, Dmitry / Dmitri Peskov). Two people who share a surname but
 * not a given name (Kim Jong Un / Kim Yo Jong) stay apart. */
int ng_rrules_person_variants(ng_resolver *r, const ng_rsurname *e, size_t n)
{
    const ng_gazetteer *g = r->models ? r->models->gazetteer : NULL;
    ng_rpairs todo = {0};
    /* full given names first; an initial ("J. Smith") could bridge John and
     * Jane Smith, so it joins afterwards, and only a single candidate */
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < n; i++) {
            const ng_rrec *a = &r->recs[e[i].rec];
            const ng_rstr *ag = &r->strs[a->given];
            const char *as = ng_rtext(r, e[i].surname);
            if (!ag->len || (pass == 1 && ag->len > 1)) continue;
            roots s = {0};
            for (size_t j = pass ? block_start(r, e, n, as) : i + 1; j < n && same_block(as, ng_rtext(r, e[j].surname)); j++) {
                const ng_rrec *b = &r->recs[e[j].rec];
                const ng_rstr *bg = &r->strs[b->given];
                if (j == i || ng_rfind(r, e[i].rec) == ng_rfind(r, e[j].rec)) continue;
                if (!bg->len || (pass == 0 && (ag->len < 2 || bg->len < 2))) continue;
                if (!ng_name_surname_variant(ng_rtext(r, a->surname), ng_rtext(r, b->surname)) ||
                    !ng_name_given_compatible(g, ag->text, bg->text))
                    continue;
                if (pass == 0 && ng_rpairs_add(&todo, e[i].rec, e[j].rec) < 0) goto oom;
                if (pass == 1) roots_add(&s, ng_rfind(r, e[j].rec));
            }
            if (pass == 1 && s.n == 1 && !s.overflow && ng_rpairs_add(&todo, e[i].rec, s.v[0]) < 0) goto oom;
        }
        ng_rpairs_apply(r, &todo);
    }
    return 0;
oom:
    free(todo.v);
    return NG_ENOMEM;
}

/* Does the document o[0..n) name a full-name person of the cluster
 * root? */
static int doc_names(const ng_resolver *r, const ng_rocc *o, size_t n, uint32_t root)
{
    for (size_t k = 0; k < n; k++) {
        const ng_rrec *rec = &r->recs[o[k].rec];
        if (r->root[o[k].rec] == root && named(rec) && rec->type == NG_TYPE_PERSON && !rec->bare &&
            r->strs[rec->surname].len)
            return 1;
    }
    return 0;
}

/* Where a lone surname with several candidates goes in the document
 * o[0..n): the one candidate the document names, else NG_RNONE. */
static uint32_t named_candidate(const ng_resolver *r, const ng_rocc *o, size_t n, const roots *all)
{
    uint32_t target = NG_RNONE;
    for (size_t k = 0; k < all->n; k++) {
        if (!doc_names(r, o, n, all->v[k])) continue;
        if (target != NG_RNONE) return NG_RNONE;
        target = all->v[k];
    }
    return target;
}

/* The full names a lone surname could be, once per surname. */
static void surname_candidates(ng_resolver *r, const ng_rsurname *e, size_t n, uint32_t key, roots *all)
{
    const ng_rstr *b = &r->strs[key];
    memset(all, 0, sizeof *all);
    for (size_t j = block_start(r, e, n, b->text); j < n && same_block(ng_rtext(r, e[j].surname), b->text); j++) {
        const ng_rstr *s = &r->strs[e[j].surname];
        if (e[j].surname == key || (b->len >= 7 && s->len >= 7 && ng_name_surname_variant(s->text, b->text)))
            roots_add(all, r->root[e[j].rec]);
    }
}

/* A one-word organisation or place that is exactly the surname of one
 * person of the run, and nothing the gazetteer knows, is that person
 * mistyped ("Zelensky" tagged organization where a cue was missing). */
static int mistyped_surnames(ng_resolver *r, const ng_rsurname *e, size_t n, ng_rpairs *todo)
{
    ng_rone *one = rone_memo(r); /* surname -> the one person with it */
    if (!one) return NG_ENOMEM;
    for (size_t j = 0; j < n; j++) ng_rone_add(&one[e[j].surname], r->root[e[j].rec]);
    for (size_t i = 0; i < r->nrecs; i++) {
        const ng_rrec *b = &r->recs[i];
        if (!named(b) || b->type == NG_TYPE_PERSON || b->words != 1 || b->acronym != NG_RNONE) continue;
        const ng_rone *o = &one[b->key];
        if (o->n != 1) continue;
        const ng_rstr *name = &r->strs[b->name];
        char acr[16];
        if (ng_name_acronym(name->text, name->len, acr) || ng_rclasses(r, b->name) != 0) continue;
        if (ng_rpairs_add(todo, (uint32_t)i, o->root) < 0) {
            free(one);
            return NG_ENOMEM;
        }
    }
    free(one);
    return 0;
}

/* Where each lone surname goes: a root, or NG_RNONE for nowhere. Records
 * from nrecs0 on are splits; origin[] says of which record. */
typedef struct outcomes {
    uint32_t *to;
    uint32_t *origin;
    size_t cap, nrecs0;
} outcomes;

#define UNSET (NG_RNONE - 1)

/* The record for the occurrences of record x that go to t: x itself for
 * the outcome of its first occurrence (met first, as the log is read in
 * order), else the split of x for t, made at position first if new. */
static int record_for(ng_resolver *r, outcomes *out, uint32_t x, uint32_t t, uint32_t first, uint32_t *y)
{
    *y = x;
    if (out->to[x] == UNSET) out->to[x] = t;
    if (out->to[x] == t) return 0;
    for (size_t i = out->nrecs0; i < r->nrecs; i++) {
        if (out->origin[i - out->nrecs0] == x && out->to[i] == t) {
            *y = (uint32_t)i;
            return 0;
        }
    }
    if (r->nrecs + 1 > out->cap) {
        size_t cap = 2 * out->cap;
        uint32_t *to = realloc(out->to, cap * sizeof *to);
        if (to) out->to = to;
        uint32_t *origin = realloc(out->origin, (cap - out->nrecs0) * sizeof *origin);
        if (origin) out->origin = origin;
        if (!to || !origin) return NG_ENOMEM;
        out->cap = cap;
    }
    if (ng_rsplit(r, x, first, y) < 0) return NG_ENOMEM;
    out->to[*y] = t;
    out->origin[*y - out->nrecs0] = x;
    return 0;
}

/* Lone surnames with several candidates go where their document points,
 * so each occurrence is decided in its document: the log is read, and a
 * record whose documents disagree is split, one record per outcome, with
 * its counts shared out and its occurrences rewritten. */
static int decide_in_documents(ng_resolver *r, const uint8_t *in_doc, const uint32_t *cand_at,
                               const roots *cand, outcomes *out)
{
    ng_rcursor c;
    ng_rcursor_init(&c);
    int rc = 0;
    for (size_t i = 0; i < out->nrecs0; i++)
        if (in_doc[i]) r->recs[i].count = r->recs[i].mentions = r->recs[i].weight = 0;
    for (size_t d = 0; d < r->log.ndocs && rc == 0; d++) {
        ng_rocc *o;
        size_t n;
        int dirty = 0;
        if ((rc = ng_rcursor_doc(&c, &r->log, d, &o, &n)) < 0) break;
        for (size_t j = 0; j < n && rc == 0; j++) {
            uint32_t x = o[j].rec, y;
            if (x >= out->nrecs0 || !in_doc[x]) continue;
            uint32_t t = named_candidate(r, o, n, &cand[cand_at[r->recs[x].key]]);
            if ((rc = record_for(r, out, x, t, r->log.docs[d].start + (uint32_t)j, &y)) < 0) break;
            ng_rrec *rec = &r->recs[y];
            rec->count++;
            rec->mentions += o[j].mentions;
            rec->weight += o[j].mentions ? o[j].mentions : 1;
            if (y != x) {
                o[j].rec = y;
                dirty = 1;
            }
        }
        if (rc == 0 && dirty) rc = ng_rcursor_put(&c, &r->log, d);
    }
    ng_rcursor_free(&c);
    return rc;
}

/* A surname alone joins the one full name of the run with that surname.
 * Short surnames must match exactly (Peskov is not Petkov); from seven
 * letters a transliteration variant is accepted (Zelenskyy). With several
 * candidates the one named in the same document wins; otherwise the
 * surname stays on its own (with other lone mentions of it). */
int ng_rrules_bare_surnames(ng_resolver *r, const ng_rsurname *e, size_t n)
{
    int rc = NG_ENOMEM;
    ng_rpairs todo = {0};
    uint32_t *cand_at = ng_rstr_memo(r, NG_RNONE); /* key -> its candidates in cand[] */
    uint32_t *first_left = ng_rstr_memo(r, NG_RNONE);
    outcomes out = {malloc((r->nrecs + 16) * sizeof *out.to), malloc(16 * sizeof *out.origin), r->nrecs + 16, r->nrecs};
    uint8_t *in_doc = calloc(r->nrecs + 1, 1); /* decided per document */
    roots *cand = NULL;
    size_t ncand = 0, cand_cap = 0, nin_doc = 0;
    if (!cand_at || !first_left || !out.to || !out.origin || !in_doc) goto cleanup;
    ng_rroots(r);
    for (size_t i = 0; i < r->nrecs; i++) {
        const ng_rrec *b = &r->recs[i];
        out.to[i] = NG_RNONE;
        if (!named(b) || !b->bare) continue;
        if (cand_at[b->key] == NG_RNONE) {
            if (ncand == cand_cap) {
                size_t c = cand_cap ? 2 * cand_cap : 64;
                roots *p = realloc(cand, c * sizeof *p);
                if (!p) goto cleanup;
                cand = p;
                cand_cap = c;
            }
            surname_candidates(r, e, n, b->key, &cand[ncand]);
            cand_at[b->key] = (uint32_t)ncand++;
        }
        const roots *all = &cand[cand_at[b->key]];
        if (all->n == 1 && !all->overflow) {
            out.to[i] = all->v[0];
        } else if (all->n > 1) {
            out.to[i] = UNSET;
            in_doc[i] = 1;
            nin_doc++;
        }
    }
    if (nin_doc && (rc = decide_in_documents(r, in_doc, cand_at, cand, &out)) < 0) goto cleanup;
    rc = NG_ENOMEM;
    for (size_t i = 0; i < r->nrecs; i++) {
        const ng_rrec *b = &r->recs[i];
        if (!named(b) || !b->bare || out.to[i] == NG_RNONE || out.to[i] == UNSET) continue;
        if (ng_rpairs_add(&todo, (uint32_t)i, out.to[i]) < 0) goto cleanup;
    }
    if (mistyped_surnames(r, e, n, &todo) < 0) goto cleanup;
    ng_rpairs_apply(r, &todo);
    /* Lone surnames that found no full name are still one actor each. */
    for (size_t i = 0; i < r->nrecs; i++) {
        const ng_rrec *b = &r->recs[i];
        if (!named(b) || !b->bare || out.to[i] != NG_RNONE) continue;
        uint32_t k = b->key;
        if (first_left[k] == NG_RNONE) first_left[k] = (uint32_t)i;
        else ng_runion(r, first_left[k], (uint32_t)i);
    }
    rc = 0;
cleanup:
    free(todo.v);
    free(cand_at);
    free(first_left);
    free(out.to);
    free(out.origin);
    free(in_doc);
    free(cand);
    return rc;
}

/* Acronyms: a name written as an acronym ("SSU", "U.S.") joins the actor
 * that defined it in some document ("Security Service of Ukraine (SSU)");
 * failing that, the one multi-word name of the run whose initials it is
 * ("United States"). Actors defining the same acronym are one actor. */
int ng_rrules_acronyms(ng_resolver *r)
{
    int rc = NG_ENOMEM;
    ng_rpairs todo = {0};
    uint32_t *initials = ng_rstr_memo(r, NG_RNONE - 1); /* key -> id of its initials, NG_RNONE none */
    uint32_t *first_def = ng_rstr_memo(r, NG_RNONE);
    uint32_t *acr_of = NULL;
    ng_rone *def = NULL, *ini = NULL;
    if (!initials || !first_def) goto cleanup;
    ng_rroots(r);
    uint32_t nkeys = r->nstrs; /* initials interned below get ids from here */
    for (size_t i = 0; i < r->nrecs; i++) {
        const ng_rrec *rec = &r->recs[i];
        if (!named(rec) || rec->type == NG_TYPE_PERSON || rec->words < 2 || rec->key >= nkeys ||
            initials[rec->key] != NG_RNONE - 1)
            continue;
        char letters[16];
        initials[rec->key] = NG_RNONE;
        if (ng_name_initials(ng_rtext(r, rec->key), letters) >= 2 &&
            ng_rstr_intern(r, letters, strlen(letters), &initials[rec->key]) < 0)
            goto cleanup;
    }
    def = rone_memo(r);
    ini = calloc((size_t)r->nstrs * NG_TYPE_COUNT + 1, sizeof *ini); /* (letters, type) */
    acr_of = ng_rstr_memo(r, NG_RNONE - 1); /* name -> id of its acronym letters, NG_RNONE none */
    if (!def || !ini || !acr_of) goto cleanup;
    for (size_t i = 0; i < r->nrecs; i++) {
        const ng_rrec *rec = &r->recs[i];
        if (!named(rec) || rec->type == NG_TYPE_PERSON) continue;
        if (rec->acronym != NG_RNONE) {
            ng_rone_add(&def[rec->acronym], r->root[i]);
            if (first_def[rec->acronym] == NG_RNONE) first_def[rec->acronym] = (uint32_t)i;
            else if (ng_rpairs_add(&todo, first_def[rec->acronym], (uint32_t)i) < 0) goto cleanup;
        }
        uint32_t k = rec->words >= 2 && rec->key < nkeys ? initials[rec->key] : NG_RNONE;
        if (k != NG_RNONE && k != NG_RNONE - 1) ng_rone_add(&ini[(size_t)k * NG_TYPE_COUNT + rec->type], r->root[i]);
    }
    for (size_t i = 0; i < r->nrecs; i++) {
        const ng_rrec *rec = &r->recs[i];
        if (!named(rec) || rec->words != 1) continue;
        if (acr_of[rec->name] == NG_RNONE - 1) {
            const ng_rstr *name = &r->strs[rec->name];
            char acr[16];
            size_t len = ng_name_acronym(name->text, name->len, acr);
            /* letters no record defined nor has as initials meet nothing */
            acr_of[rec->name] = len && len <= 6 ? ng_rstr_find(r, acr, len) : NG_RNONE;
        }
        uint32_t a = acr_of[rec->name];
        if (a == NG_RNONE) continue;
        const ng_rone *d = &def[a], *k = &ini[(size_t)a * NG_TYPE_COUNT + rec->type];
        /* initials only within a type ("EU" is not "Eastern Ukraine"), and
         * only for an acronym that is not a country ("US" is the country,
         * which country names in the gazetteer settle) */
        if (!d->n && (ng_rclasses(r, rec->name) & NG_GAZ_COUNTRY)) continue;
        const ng_rone *use = d->n ? d : k;
        if (use->n == 1 && ng_rpairs_add(&todo, (uint32_t)i, use->root) < 0) goto cleanup;
    }
    ng_rpairs_apply(r, &todo);
    rc = 0;
cleanup:
    free(todo.v);
    free(initials);
    free(first_def);
    free(acr_of);
    free(def);
    free(ini);
    return rc;
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
int ng_rrules_descriptors(ng_resolver *r)
{
    ng_rpairs todo = {0};
    ng_rone *who = rone_memo(r); /* descriptor -> the named actor(s) carrying it */
    uint32_t *ok = ng_rstr_memo(r, NG_RNONE); /* descriptor -> bindable() */
    if (!who || !ok) {
        free(who);
        free(ok);
        return NG_ENOMEM;
    }
    ng_rroots(r);
    for (size_t i = 0; i < r->nrecs; i++) {
        const ng_rrec *rec = &r->recs[i];
        if (rec->desc == NG_RNONE) continue;
        if (ok[rec->desc] == NG_RNONE) ok[rec->desc] = (uint32_t)bindable(ng_rtext(r, rec->desc));
        if (ok[rec->desc] && named(rec)) ng_rone_add(&who[rec->desc], r->root[i]);
    }
    for (size_t i = 0; i < r->nrecs; i++) {
        const ng_rrec *rec = &r->recs[i];
        if (named(rec) || rec->desc == NG_RNONE || !ok[rec->desc] || who[rec->desc].n != 1) continue;
        if (ng_rpairs_add(&todo, (uint32_t)i, who[rec->desc].root) < 0) {
            free(who);
            free(ok);
            free(todo.v);
            return NG_ENOMEM;
        }
        r->bound[i] = 1;
    }
    free(who);
    free(ok);
    ng_rpairs_apply(r, &todo);
    return 0;
}
