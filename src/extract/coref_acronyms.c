/* coref_acronyms.c - acronyms defined in the text: "Security Service of
 * Ukraine (SSU)", "the Security Service of Ukraine, SBU,", "CEI (Italian
 * Episcopal Conference)", and initials that name an organisation of the
 * document. */
#include "coref_internal.h"

#include "resolve_names.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The acronym written right after an organisation's name: "X (SSU)", or
 * "the X, SBU," when the acronym starts like X. Returns its length. */
static size_t acronym_after(const coref *c, const ng_mention *m, char out[16])
{
    const char *t = c->text, *end = t + c->ex->doc->len;
    const char *p = t + m->end;
    char close;
    if (p + 2 < end && p[0] == ' ' && p[1] == '(') {
        p += 2;
        close = ')';
    } else if (p + 2 < end && p[0] == ',' && p[1] == ' ') {
        p += 2;
        close = ',';
    } else {
        return 0;
    }
    const char *q = p;
    while (q < end && q - p < 16 && ((*q >= 'A' && *q <= 'Z') || *q == '.')) q++;
    if (q >= end || *q != close) return 0;
    size_t n = ng_name_acronym(p, (size_t)(q - p), out);
    if (n && close == ',' && out[0] != (char)(c->mkey[m - c->ex->mentions][0] - 'a' + 'A')) return 0;
    return n;
}

/* The place named in a possessive right before mention m ("Ukraine’s"
 * before "Security Service"), as a span; 0 when there is none. */
static int possessive_place(const coref *c, size_t mi, uint32_t *ps, uint32_t *pe)
{
    const ng_mention *m = &c->ex->mentions[mi];
    for (size_t j = mi; j-- > 0;) {
        const ng_mention *p = &c->ex->mentions[j];
        if (p->end > m->start) continue;
        if (p->type != NG_TYPE_PLACE) return 0;
        const char *gap = c->text + p->end;
        size_t glen = m->start - p->end;
        if ((glen == 3 && memcmp(gap, "'s ", 3) == 0) || (glen == 5 && memcmp(gap, "\xE2\x80\x99s ", 5) == 0)) {
            *ps = p->start;
            *pe = p->end;
            return 1;
        }
        return 0;
    }
    return 0;
}

/* "CEI (Italian Episcopal Conference)": an acronym followed by an
 * organisation's name in brackets defines it the other way round.
 * Returns the mention index of the bracketed name, or -1. */
static int expansion_after(const coref *c, size_t mi)
{
    const ng_mention *m = &c->ex->mentions[mi];
    char acr[16];
    if (mi + 1 >= c->ex->nmentions)
        return -1;
    /* the layout first: it rules out almost every mention without
     * working out an acronym */
    const ng_mention *n = &c->ex->mentions[mi + 1];
    if (n->kind != NG_KIND_NAME || n->type == NG_TYPE_PERSON || n->start != m->end + 2 ||
        memcmp(c->text + m->end, " (", 2) != 0 || n->end >= c->ex->doc->len || c->text[n->end] != ')' ||
        c->mwords[mi + 1] < 2)
        return -1;
    if (!ng_name_acronym(c->text + m->start, m->end - m->start, acr))
        return -1;
    return (int)mi + 1;
}

/* Pass 2: acronyms defined next to organisation names. "Ukraine’s
 * Security Service (SSU)" also names the organisation in full, "Security
 * Service of Ukraine", when the acronym's letters say so. */
int ng_coref_pass_acronyms(coref *c)
{
    ng_extraction *ex = c->ex;
    for (size_t i = 0; i < ex->nmentions; i++) {
        int x = expansion_after(c, i);
        if (x >= 0 && c->of[x] >= 0)
            ng_name_acronym(c->text + ex->mentions[i].start, ex->mentions[i].end - ex->mentions[i].start,
                            c->cl[c->of[x]].acronym);
    }
    for (size_t i = 0; i < ex->nmentions; i++) {
        const ng_mention *m = &ex->mentions[i];
        if (m->kind != NG_KIND_NAME || m->type == NG_TYPE_PERSON || c->of[i] < 0) continue;
        char acr[16], ini[16];
        if (!acronym_after(c, m, acr)) continue;
        cluster *k = &c->cl[c->of[i]];
        memcpy(k->acronym, acr, sizeof acr);
        uint32_t ps, pe;
        size_t nini = ng_name_initials(k->key, ini);
        if (nini && strcmp(ini, acr) == 0) continue;
        if (!possessive_place(c, i, &ps, &pe)) continue;
        char full[NG_NAME_MAX], fkey[NG_NAME_MAX];
        int n = snprintf(full, sizeof full, "%.*s of %.*s", (int)(m->end - c->name_start[i]),
                         c->text + c->name_start[i], (int)(pe - ps), c->text + ps);
        if (n <= 0 || (size_t)n >= sizeof full) continue;
        ng_name_key(full, (size_t)n, fkey, sizeof fkey);
        if (ng_name_initials(fkey, ini) && strcmp(ini, acr) == 0) {
            k->name = ng_extraction_strdup(ex, full, (size_t)n);
            k->key = ng_extraction_strdup(ex, fkey, strlen(fkey));
            k->words = (uint32_t)ng_name_words(fkey);
            if (!k->name || !k->key) return NG_ENOMEM;
            int32_t kid = ng_coref_key_intern(c, k->key, strlen(k->key), 1);
            if (kid < 0) return NG_ENOMEM;
            c->kt.keys[kid].cluster = c->of[i];
        }
    }
    return 0;
}

/* The one cluster of an organisation or place whose name's initials are
 * the acronym acr, or -1 (none, or several). */
/* Whether cluster o may bear initials: a name of two words or more, not
 * a person's. Fixed once pass 2 is done: the clusters pass 3 makes are
 * one-word names (pass 1 took every longer one). */
static int initials_candidate(const cluster *o)
{
    return !o->surname && o->words >= 2;
}

int ng_coref_by_initials(coref *c, const char *acr, int type)
{
    int found = -1;
    if (!c->initials_ready) { /* the candidates, listed once per document */
        c->initials_ready = 1;
        if ((c->initials_of = malloc((c->ncl ? c->ncl : 1) * sizeof *c->initials_of)))
            for (size_t k = 0; k < c->ncl; k++)
                if (initials_candidate(&c->cl[k])) c->initials_of[c->ninitials_of++] = (int32_t)k;
    }
    size_t n = c->initials_of ? c->ninitials_of : c->ncl;
    for (size_t j = 0; j < n; j++) {
        size_t k = c->initials_of ? (size_t)c->initials_of[j] : j;
        cluster *o = &c->cl[k];
        if (!initials_candidate(o)) continue;
        /* same type as the acronym was marked: "EU" is not "Eastern Ukraine" */
        if (o->type != type) continue;
        if (!o->initials_known) { /* keys are final once pass 2 is done */
            if (!ng_name_initials(o->key, o->initials))
                o->initials[0] = '\0';
            o->initials_known = 1;
        }
        if (o->initials[0] == acr[0] && strcmp(o->initials, acr) == 0) {
            if (found >= 0) return -1;
            found = (int)k;
        }
    }
    return found;
}
