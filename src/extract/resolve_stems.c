/* resolve_stems.c - short names of organisations and places: "Yonhap"
 * for "Yonhap News Agency", "Tigris" for "Tigris River". The stems of a
 * full name are worked out once per distinct key; the records then only
 * count which actors reach each stem. */
#include "resolve_internal.h"

#include "gazetteer.h"

#include <stdlib.h>
#include <string.h>

static int all_heads(const ng_gazetteer *g, const char *s, size_t n, uint32_t heads)
{
    while (n > 0) {
        const char *sp = memchr(s, ' ', n);
        size_t w = sp ? (size_t)(sp - s) : n;
        if (!(ng_rgaz_classes(g, s, w) & heads)) return 0;
        if (!sp) return 1;
        n -= w + 1;
        s = sp + 1;
    }
    return 1;
}

/* Up to three stems of a key; local[] says the short name only counts
 * within the same document. */
typedef struct stems {
    uint32_t id[3];
    uint8_t local[3];
    uint8_t n;
} stems;

/* Adds key[at, at + len) as a stem when some string of the run is that
 * stem: a stem no record's key equals can join nothing. */
static void add_stem(const ng_resolver *r, stems *s, const char *text, size_t len, int local)
{
    uint32_t id = ng_rstr_find(r, text, len);
    if (id == NG_RNONE) return;
    s->id[s->n] = id;
    s->local[s->n++] = (uint8_t)local;
}

/* Shorter names an organisation's full name is also known by:
 *  - without trailing head words: "yonhap news agency" -> "yonhap";
 *  - what follows "heads of": "church of scientology" -> "scientology";
 *  - without a leading country: "united kingdom home office" -> "home
 *    office", a generic phrase, so only within the document. */
static void org_stems(const ng_resolver *r, uint32_t key_id, uint32_t heads, int leading_country, stems *out)
{
    const ng_gazetteer *g = r->models->gazetteer;
    const char *key = ng_rtext(r, key_id);
    size_t n = r->strs[key_id].len;
    size_t end = n;
    out->n = 0;
    while (end > 0) { /* (a) trailing heads */
        size_t s = end;
        while (s > 0 && key[s - 1] != ' ') s--;
        if (s == 0) break;
        if (!(ng_rgaz_classes(g, key + s, end - s) & heads)) break;
        end = s - 1;
    }
    if (end < n && end > 0) add_stem(r, out, key, end, 0);
    const char *of = strstr(key, " of "); /* (b) "heads of X" */
    if (of && of[4] && all_heads(g, key, (size_t)(of - key), heads)) add_stem(r, out, of + 4, strlen(of + 4), 0);
    const char *sp = key; /* (c) a leading country of one to three words */
    for (int w = 0; leading_country && w < 3 && (sp = strchr(sp + 1, ' ')); w++) {
        if (ng_rgaz_classes(g, key, (size_t)(sp - key)) & (NG_GAZ_COUNTRY | NG_GAZ_DEMONYM)) {
            if (strchr(sp + 1, ' ')) add_stem(r, out, sp + 1, strlen(sp + 1), 1);
            break;
        }
    }
}

typedef struct stem_run {
    ng_resolver *r;
    int type;
    uint32_t *at;    /* key -> its stems in sets[], NG_RNONE unknown, NG_RNONE - 1 none */
    stems *sets;
    size_t nsets;
} stem_run;

/* Works out and keeps the stems of rec's key, once per key. */
static uint32_t find_stems(stem_run *t, const ng_rrec *rec)
{
    ng_resolver *r = t->r;
    stems s = {{0}, {0}, 0}, kept = {{0}, {0}, 0};
    uint32_t at = NG_RNONE - 1;
    if (!(t->type == NG_TYPE_PLACE && (ng_rclasses(r, rec->key) & NG_GAZ_PLACE))) {
        org_stems(r, rec->key, t->type == NG_TYPE_ORG ? NG_GAZ_ORG_HEAD : NG_GAZ_PLACE_HEAD, t->type == NG_TYPE_ORG, &s);
        for (int j = 0; j < s.n; j++) {
            /* "Mosul Dam", "Ohio River" are not the city or the state */
            if (t->type == NG_TYPE_PLACE && (ng_rclasses(r, s.id[j]) & NG_GAZ_PLACE)) continue;
            kept.id[kept.n] = s.id[j];
            kept.local[kept.n++] = s.local[j];
        }
    }
    if (kept.n) {
        at = (uint32_t)t->nsets;
        t->sets[t->nsets++] = kept;
    }
    t->at[rec->key] = at;
    return at;
}

/* An organisation's short name (org_stems) joins its full name when only
 * one full name of the run (of the document, for generic short names)
 * shortens to it and the short form is not a place ("Moscow" is not
 * "Moscow Times", "Oxford" not "University of Oxford"). Places likewise
 * by their head nouns ("Tigris River", "Republic of Tuva"), unless the
 * full name is a place of its own in the gazetteer or the short one is a
 * gazetteer place ("Mexico City" is not Mexico, "Mosul Dam" not Mosul).
 *
 * A short name that is also some full name's generic stem (local) is
 * decided in each of its documents, reading the log; the others once per
 * record. Named records of one key are one cluster already (the exact
 * rule), so a record need not be split: it joins whatever one of its
 * documents sends it to. */
typedef struct stem_pass {
    stem_run *t;
    const ng_rone *global;
    const uint8_t *sensitive; /* per string: a key some document may shorten to */
    uint32_t not_short;
    uint32_t *last;           /* per record: the root last paired with, NG_RNONE */
    ng_rpairs *todo;
} stem_pass;

/* Pairs record i with the one full name its short name reaches given the
 * document's local stems loc[0..nloc). */
typedef struct local_stem {
    uint32_t stem, root;
} local_stem;

static int decide(stem_pass *p, uint32_t i, const local_stem *loc, size_t nloc)
{
    ng_resolver *r = p->t->r;
    uint32_t key = r->recs[i].key;
    ng_rone one = p->global[key];
    for (size_t k = 0; k < nloc; k++)
        if (loc[k].stem == key) ng_rone_add(&one, loc[k].root);
    if (one.n != 1 || (ng_rclasses(r, key) & p->not_short) || p->last[i] == one.root) return 0;
    p->last[i] = one.root;
    return ng_rpairs_add(p->todo, i, one.root);
}

/* The log pass: each document's local stems, then its sensitive records. */
static int decide_in_documents(stem_pass *p)
{
    ng_resolver *r = p->t->r;
    local_stem *loc = NULL;
    size_t loc_cap = 0;
    ng_rcursor c;
    ng_rcursor_init(&c);
    int rc = 0;
    for (size_t d = 0; d < r->log.ndocs && rc == 0; d++) {
        ng_rocc *o;
        size_t n, nloc = 0;
        if ((rc = ng_rcursor_doc(&c, &r->log, d, &o, &n)) < 0) break;
        for (size_t j = 0; j < n; j++) {
            const ng_rrec *rec = &r->recs[o[j].rec];
            if (rec->name == NG_RNONE || rec->type != p->t->type || rec->words < 2) continue;
            uint32_t set = p->t->at[rec->key];
            const stems *s = set == NG_RNONE - 1 ? NULL : &p->t->sets[set];
            for (int k = 0; s && k < s->n; k++) {
                if (!s->local[k]) continue;
                if (nloc == loc_cap) {
                    size_t cap = loc_cap ? 2 * loc_cap : 16;
                    local_stem *q = realloc(loc, cap * sizeof *q);
                    if (!q) {
                        rc = NG_ENOMEM;
                        goto cleanup;
                    }
                    loc = q;
                    loc_cap = cap;
                }
                loc[nloc++] = (local_stem){s->id[k], r->root[o[j].rec]};
            }
        }
        for (size_t j = 0; j < n && rc == 0; j++) {
            const ng_rrec *rec = &r->recs[o[j].rec];
            if (rec->name == NG_RNONE || rec->type != p->t->type || !p->sensitive[rec->key]) continue;
            rc = decide(p, o[j].rec, loc, nloc);
        }
    }
cleanup:
    ng_rcursor_free(&c);
    free(loc);
    return rc;
}

static int stems_of_type(ng_resolver *r, int type)
{
    int rc = NG_ENOMEM;
    uint32_t not_short = type == NG_TYPE_ORG ? NG_GAZ_PLACE : NG_GAZ_COUNTRY;
    stem_run t = {r, type, ng_rstr_memo(r, NG_RNONE), malloc(((size_t)r->nstrs + 1) * sizeof *t.sets), 0};
    ng_rone *global = calloc((size_t)r->nstrs + 1, sizeof *global); /* stem -> full names of the run */
    uint8_t *sensitive = calloc((size_t)r->nstrs + 1, 1);
    uint32_t *last = malloc((r->nrecs + 1) * sizeof *last);
    ng_rpairs todo = {0};
    stem_pass p = {&t, global, sensitive, not_short, last, &todo};
    int any = 0;
    if (!t.at || !t.sets || !global || !sensitive || !last) goto cleanup;
    ng_rroots(r);
    for (size_t i = 0; i < r->nrecs; i++) {
        const ng_rrec *rec = &r->recs[i];
        last[i] = NG_RNONE;
        if (rec->name == NG_RNONE || rec->type != type || rec->words < 2) continue;
        uint32_t set = t.at[rec->key];
        if (set == NG_RNONE) set = find_stems(&t, rec);
        const stems *s = set == NG_RNONE - 1 ? NULL : &t.sets[set];
        for (int j = 0; s && j < s->n; j++) {
            if (!s->local[j]) ng_rone_add(&global[s->id[j]], r->root[i]);
            else any = sensitive[s->id[j]] = 1;
        }
    }
    for (size_t i = 0; i < r->nrecs; i++) {
        const ng_rrec *rec = &r->recs[i];
        if (rec->name == NG_RNONE || rec->type != type || sensitive[rec->key]) continue;
        if (decide(&p, (uint32_t)i, NULL, 0) < 0) goto cleanup;
    }
    if (any && (rc = decide_in_documents(&p)) < 0) goto cleanup;
    ng_rpairs_apply(r, &todo);
    rc = 0;
cleanup:
    free(todo.v);
    free(t.at);
    free(t.sets);
    free(global);
    free(sensitive);
    free(last);
    return rc;
}
int ng_rrules_org_stems(ng_resolver *r)
{
    if (!r->models || !r->models->gazetteer) return 0;
    int rc = stems_of_type(r, NG_TYPE_ORG);
    return rc < 0 ? rc : stems_of_type(r, NG_TYPE_PLACE);
}
