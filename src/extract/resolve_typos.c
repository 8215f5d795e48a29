/* resolve_typos.c - place names misspelt in the text ("Souel",
 * "Pyongnyang") are rewritten to their gazetteer spelling before the
 * run's names are compared, so the misspelling becomes an alias of the
 * place rather than a node of its own. */
#include "resolve_internal.h"

#include "gazetteer.h"
#include "resolve_names.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The anagram signature of a key: its length, first and last letter, then
 * its letters sorted; "souel" and "seoul" both give "5slelosu". */
static size_t signature(const char *key, char *out, size_t cap)
{
    size_t len = strlen(key);
    if (len + 8 > cap) return 0;
    int n = snprintf(out, cap, "%zu%c%c", len, key[0], key[len - 1]);
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

typedef struct sig {
    const char *sig;
    uint32_t rec;
} sig;

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int cmp_sig(const void *a, const void *b)
{
    const sig *x = a, *y = b;
    int c = strcmp(x->sig, y->sig);
    return c ? c : (x->rec < y->rec ? -1 : x->rec > y->rec);
}

/* Same letters in another order, same first and last letter: "Souel"
 * for "Seoul", a slip the gazetteer's edit distance counts as two. Only
 * gazetteer places the run itself names (capitalised) are candidates,
 * and they must all be one name. Returns that name or NULL. */
static const char *transposed(ng_resolver *r, const sig *s, size_t n, const char *key)
{
    char buf[NG_NAME_MAX + 8];
    if (!signature(key, buf, sizeof buf)) return NULL;
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(s[mid].sig, buf) < 0) lo = mid + 1;
        else hi = mid;
    }
    const ng_rrec *found = NULL;
    for (size_t i = lo; i < n && strcmp(s[i].sig, buf) == 0; i++) {
        const ng_rrec *rec = &r->recs[s[i].rec];
        if (strcmp(rec->key, key) == 0) continue;
        if (found && strcmp(found->key, rec->key) != 0) return NULL;
        if (!found || strcmp(rec->name, found->name) < 0) found = rec;
    }
    return found ? found->name : NULL;
}

/* A single word of at least five letters that the gazetteer does not
 * know, typed organisation or place and written at most three times in
 * the run, is a place misspelt when the gazetteer finds one place within
 * a typo of it (ng_gazetteer_place_near) that the run also names, or the
 * run names a place with the same letters transposed. Persons are left
 * alone: a surname such as "Parris" is not Paris. */
int ng_rrules_place_typos(ng_resolver *r)
{
    const ng_gazetteer *g = r->models ? r->models->gazetteer : NULL;
    if (!g || !r->nrecs) return 0;
    sig *s = malloc(r->nrecs * sizeof *s);
    size_t n = 0;
    if (!s) return NG_ENOMEM;
    for (size_t i = 0; i < r->nrecs; i++) {
        const ng_rrec *rec = &r->recs[i];
        char buf[NG_NAME_MAX + 8];
        if (!rec->name || rec->words != 1 || strlen(rec->key) < 5 || rec->name[0] < 'A' ||
            rec->name[0] > 'Z' || !(ng_gazetteer_classes(g, rec->key, strlen(rec->key)) & NG_GAZ_PLACE))
            continue;
        size_t len = signature(rec->key, buf, sizeof buf);
        if (!len || !(s[n].sig = ng_arena_strndup(&r->arena, buf, len))) continue;
        s[n++].rec = (uint32_t)i;
    }
    qsort(s, n, sizeof *s, cmp_sig);
    /* candidates grouped by key, so each distinct word is looked up once */
    sig *cand = malloc(r->nrecs * sizeof *cand);
    size_t nc = 0;
    if (!cand) {
        free(s);
        return NG_ENOMEM;
    }
    for (size_t i = 0; i < r->nrecs; i++) {
        const ng_rrec *rec = &r->recs[i];
        if (rec->name && rec->type != NG_TYPE_PERSON && rec->words == 1 && strlen(rec->key) >= 5)
            cand[nc++] = (sig){rec->key, (uint32_t)i};
    }
    qsort(cand, nc, sizeof *cand, cmp_sig);
    const char **named = malloc((n + 1) * sizeof *named); /* keys of places the run names */
    if (!named) {
        free(cand);
        free(s);
        return NG_ENOMEM;
    }
    for (size_t i = 0; i < n; i++) named[i] = r->recs[s[i].rec].key;
    qsort(named, n, sizeof *named, cmp_str);
    const char *near = NULL, *k = NULL;
    for (size_t i = 0; i < nc; i++) {
        ng_rrec *rec = &r->recs[cand[i].rec];
        if (i == 0 || strcmp(cand[i - 1].sig, cand[i].sig) != 0) {
            near = k = NULL;
            /* a slip is rare: a word written many times is a real name the
             * gazetteer lacks (Samarra is not Samara) */
            uint32_t total = 0;
            for (size_t j = i; j < nc && strcmp(cand[j].sig, cand[i].sig) == 0; j++)
                total += r->recs[cand[j].rec].mentions;
            if (total > 3 || ng_gazetteer_classes(g, rec->name, strlen(rec->name)) != 0) continue;
            near = ng_gazetteer_place_near(g, rec->name, strlen(rec->name));
            char key[NG_NAME_MAX];
            const char *kp = key;
            if (near) { /* only a place the run itself names */
                ng_name_key(near, strlen(near), key, sizeof key);
                if (!bsearch(&kp, named, n, sizeof *named, cmp_str)) near = NULL;
            }
            if (!near) near = transposed(r, s, n, rec->key);
            if (!near) continue;
            size_t klen = ng_name_key(near, strlen(near), key, sizeof key);
            if (!(k = ng_arena_strndup(&r->arena, key, klen))) {
                free(named);
                free(cand);
                free(s);
                return NG_ENOMEM;
            }
        }
        if (!near) continue;
        rec->typo_of = rec->name;
        rec->name = near;
        rec->key = k;
        rec->type = NG_TYPE_PLACE;
    }
    free(named);
    free(cand);
    free(s);
    return 0;
}
