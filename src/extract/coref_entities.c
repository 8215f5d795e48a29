/* coref_entities.c - the local entities of a document's clusters: display
 * name, aliases, person name parts, acronym and role (the last step of
 * ng_coref_document, coref.c). */
#include "coref_internal.h"

#include <stdlib.h>
#include <string.h>

/* Better display name: well-formed (capitalised), then more words, then
 * earlier in the text. */
static int better_name(const coref *c, uint32_t a, uint32_t b)
{
    const ng_mention *ma = &c->ex->mentions[a], *mb = &c->ex->mentions[b];
    int wa = coref_is_capital((unsigned char)c->text[c->name_start[a]]);
    int wb = coref_is_capital((unsigned char)c->text[c->name_start[b]]);
    if (wa != wb) return wa;
    size_t na = c->mwords[a], nb = c->mwords[b];
    if (na != nb) return na > nb;
    return ma->start < mb->start;
}

/* Adds s[0..n) to e's aliases unless it is e's name (name_len bytes) or
 * one already; the aliases' lengths are kept in c->alias_len. */
static int add_alias(coref *c, ng_local_entity *e, size_t *cap, size_t name_len, const char *s,
                     size_t n)
{
    ng_extraction *ex = c->ex;
    if (!n || (name_len == n && memcmp(e->name, s, n) == 0)) return 0;
    for (size_t i = 0; i < e->naliases; i++)
        if (c->alias_len[i] == n && memcmp(e->aliases[i], s, n) == 0) return 0;
    if (e->naliases == *cap) {
        size_t ncap = *cap ? *cap * 2 : 4;
        const char **p = ng_extraction_alloc(ex, ncap * sizeof *p);
        if (!p) return NG_ENOMEM;
        if (e->naliases) memcpy(p, e->aliases, e->naliases * sizeof *p);
        e->aliases = p;
        *cap = ncap;
    }
    if (e->naliases == c->alias_len_cap) {
        size_t ncap = c->alias_len_cap ? c->alias_len_cap * 2 : 16;
        size_t *p = realloc(c->alias_len, ncap * sizeof *p);
        if (!p) return NG_ENOMEM;
        c->alias_len = p;
        c->alias_len_cap = ncap;
    }
    if (!(e->aliases[e->naliases] = ng_extraction_strdup(ex, s, n))) return NG_ENOMEM;
    c->alias_len[e->naliases++] = n;
    return 0;
}

/* Given name(s) and surname of a person's display name. */
static int person_fields(coref *c, const cluster *k, ng_local_entity *e)
{
    ng_word w[MAX_WORDS];
    size_t n = ng_words_split(e->name, 0, (uint32_t)strlen(e->name), w, MAX_WORDS);
    if (n < 2) {
        e->surname = e->name;
        return 0;
    }
    size_t s = n - 1; /* surname from the last word, with particles before it ("van der") */
    while (s > 1 && c->gaz && (ng_gazetteer_classes(c->gaz, w[s - 1].s, w[s - 1].n) & NG_GAZ_PARTICLE)) s--;
    const char *end = w[n - 1].s + w[n - 1].n;
    if (k->surname_first) {
        e->surname = ng_extraction_strdup(c->ex, w[0].s, w[0].n);
        e->given = ng_extraction_strdup(c->ex, w[1].s, (size_t)(end - w[1].s));
    } else {
        e->surname = ng_extraction_strdup(c->ex, w[s].s, (size_t)(end - w[s].s));
        e->given = ng_extraction_strdup(c->ex, w[0].s, (size_t)(w[s - 1].s + w[s - 1].n - w[0].s));
    }
    return e->surname && e->given ? 0 : NG_ENOMEM;
}

/* Groups every cluster's mentions (ascending) into c->members, so that
 * making an entity reads its own mentions, not the whole document. */
static int group_members(coref *c)
{
    size_t n = c->ex->nmentions, off = 0;
    for (size_t k = 0; k < c->ncl; k++) c->cl[k].mem_n = 0;
    for (size_t i = 0; i < n; i++)
        if (c->of[i] >= 0) c->cl[c->of[i]].mem_n++;
    for (size_t k = 0; k < c->ncl; k++) {
        c->cl[k].mem_off = (uint32_t)off;
        off += c->cl[k].mem_n;
        c->cl[k].mem_n = 0;
    }
    for (size_t i = 0; i < n; i++) {
        if (c->of[i] < 0) continue;
        cluster *k = &c->cl[c->of[i]];
        c->members[k->mem_off + k->mem_n++] = (uint32_t)i;
    }
    return 0;
}

/* Makes the local entity of cluster ci (first: its first mention). */
static int build_entity(coref *c, int ci, uint32_t first)
{
    ng_extraction *ex = c->ex;
    cluster *k = &c->cl[ci];
    ng_local_entity e = {0};
    size_t cap = 0;
    uint32_t best = UINT32_MAX;
    const uint32_t *mem = c->members + k->mem_off;
    for (size_t j = 0; j < k->mem_n; j++) {
        size_t i = mem[j];
        e.mentions++;
        if (ex->mentions[i].kind == NG_KIND_NAME && (best == UINT32_MAX || better_name(c, (uint32_t)i, best)))
            best = (uint32_t)i;
    }
    e.type = k->type;
    if (k->name) e.name = k->name;
    else if (best != UINT32_MAX)
        e.name = ng_extraction_strdup(ex, c->text + c->name_start[best], ex->mentions[best].end - c->name_start[best]);
    if (!e.name) return NG_ENOMEM;
    size_t name_len = strlen(e.name);
    for (size_t j = 0; j < k->mem_n; j++) {
        size_t i = mem[j];
        const ng_mention *m = &ex->mentions[i];
        if (m->kind != NG_KIND_NAME) continue;
        if (add_alias(c, &e, &cap, name_len, c->text + m->start, m->end - m->start) < 0)
            return NG_ENOMEM;
        /* without titles: the same alias again when none were skipped */
        if (c->name_start[i] != m->start &&
            add_alias(c, &e, &cap, name_len, c->text + c->name_start[i], m->end - c->name_start[i]) < 0)
            return NG_ENOMEM;
    }
    if (e.type == NG_TYPE_PERSON && person_fields(c, k, &e) < 0) return NG_ENOMEM;
    if (k->acronym[0] && !(e.acronym = ng_extraction_strdup(ex, k->acronym, strlen(k->acronym))))
        return NG_ENOMEM;
    if (k->role_score >= 0 && e.type == NG_TYPE_PERSON) {
        char buf[128];
        ng_role_string(&k->role, buf, sizeof buf);
        e.role = ng_extraction_strdup(ex, buf, strlen(buf));
        if (k->role.country >= 0) e.country = ng_gazetteer_country_name(c->gaz, k->role.country);
    }
    e.first_mention = first;
    int idx = ng_extraction_add_entity(ex, &e);
    if (idx < 0) return idx;
    k->entity = idx;
    return 0;
}

int ng_coref_build_entities(coref *c)
{
    ng_extraction *ex = c->ex;
    size_t n = ex->nmentions;
    int rc;
    if ((rc = group_members(c)) < 0)
        return rc;
    for (size_t i = 0; i < n; i++) {
        int ci = c->of[i];
        if (ci >= 0 && c->cl[ci].entity < 0 && (rc = build_entity(c, ci, (uint32_t)i)) < 0)
            return rc;
    }
    for (size_t i = 0; i < n; i++) ex->mentions[i].entity = c->of[i] >= 0 ? c->cl[c->of[i]].entity : -1;
    return 0;
}
