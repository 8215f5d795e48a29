/* pronouns.c - the speaker behind "he said", "she added", "it said":
 * the most recent compatible actor, gender from the gazetteer's given
 * names, and the pronoun mention recorded for it (kind NG_KIND_PRONOUN).
 * "they" is left unresolved: a plural is too often a group nobody named. */
#include "attrib.h"

#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#define PRONOUN_PARAS 2 /* how many paragraphs back a pronoun may reach */
#define PRONOUN_LOOKBACK 256 /* mentions examined: keeps huge paragraphs linear */

static int entity_gender(const ng_attr *a, int32_t e)
{
    const ng_local_entity *le = &a->ex->entities[e];
    /* the given name, else the first word of the name ("Gloria") */
    const char *g = le->given ? le->given : le->name;
    if (!a->gaz || !g)
        return 0;
    size_t n = strcspn(g, " ");
    int r = ng_gazetteer_gender(a->gaz, g, n);
    return r == 'u' ? 0 : r;
}

static int compatible(const ng_attr *a, int32_t e, uint32_t feat)
{
    if (e < 0)
        return 0;
    const ng_local_entity *le = &a->ex->entities[e];
    if (feat & NG_FEAT_THING)
        return le->type == NG_TYPE_ORG || le->type == NG_TYPE_PLACE;
    if (le->type != NG_TYPE_PERSON)
        return 0;
    int g = entity_gender(a, e);
    if ((feat & NG_FEAT_MALE) && g == 'f')
        return 0;
    if ((feat & NG_FEAT_FEMALE) && g == 'm')
        return 0;
    return 1;
}

/* Index of the last mention starting before byte pos (mentions are sorted). */
static ssize_t last_mention_before(const ng_extraction *ex, uint32_t pos)
{
    size_t lo = 0, hi = ex->nmentions;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (ex->mentions[mid].start < pos)
            lo = mid + 1;
        else
            hi = mid;
    }
    return (ssize_t)lo - 1;
}

/* The antecedent of a speaker pronoun: the most recent compatible actor
 * outside quotations and attributed clauses, within two paragraphs back,
 * unless the last speaker is more recent than it ("X said ... . He added"). */
static int32_t resolve_pronoun(const ng_attr *a, uint32_t ptok)
{
    uint32_t feat = ng_lex(a, ptok)->features;
    if (feat & NG_FEAT_PLURAL)
        return -1;
    uint32_t para = a->tx->sentences[a->tok[ptok].sentence].para;
    uint32_t min_para = para > PRONOUN_PARAS ? para - PRONOUN_PARAS : 0;
    int32_t cand = -1;
    uint32_t cand_pos = 0;
    const ng_extraction *ex = a->ex;
    ssize_t first = last_mention_before(ex, a->tok[ptok].start);
    for (ssize_t m = first; m >= 0 && first - m < PRONOUN_LOOKBACK; m--) {
        const ng_mention *mm = &ex->mentions[m];
        if (a->tx->sentences[mm->sentence].para < min_para)
            break;
        if (mm->kind == NG_KIND_PRONOUN || !compatible(a, mm->entity, feat))
            continue;
        /* the token of the mention's first byte */
        size_t lo = 0, hi = a->tx->ntokens;
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            if (a->tok[mid].start < mm->start)
                lo = mid + 1;
            else
                hi = mid;
        }
        if (lo < a->tx->ntokens && (a->in_quote[lo] >= 0 || a->in_content[lo]))
            continue;
        cand = mm->entity;
        cand_pos = mm->start;
        break;
    }
    if (a->last_speaker >= 0 && compatible(a, a->last_speaker, feat) &&
        a->last_speaker_tok < ptok &&
        a->tx->sentences[a->tok[a->last_speaker_tok].sentence].para >= min_para &&
        (cand < 0 || a->tok[a->last_speaker_tok].start >= cand_pos))
        return a->last_speaker;
    return cand;
}

static int add_pronoun_mention(ng_attr *a, uint32_t ptok, int32_t e)
{
    if (a->npron == a->pron_cap) {
        size_t cap = a->pron_cap ? a->pron_cap * 2 : 16;
        ng_mention *p = realloc(a->pron, cap * sizeof *p);
        if (!p)
            return NG_ENOMEM;
        a->pron = p;
        a->pron_cap = cap;
    }
    ng_mention *m = &a->pron[a->npron];
    m->start = a->tok[ptok].start;
    m->end = a->tok[ptok].end;
    m->sentence = a->tok[ptok].sentence;
    m->type = a->ex->entities[e].type;
    m->kind = NG_KIND_PRONOUN;
    m->entity = e;
    return (int)a->npron++;
}

int32_t ng_subject_speaker(ng_attr *a, const ng_subject *s, int32_t *mention)
{
    *mention = -1;
    if (!s->found)
        return -1;
    if (s->head_mention >= 0) {
        *mention = s->head_mention;
        return a->ex->mentions[s->head_mention].entity;
    }
    if (s->pronoun_tok == NG_NO_TOK)
        return -1;
    int32_t e = resolve_pronoun(a, s->pronoun_tok);
    if (e < 0)
        return -1;
    int idx = add_pronoun_mention(a, s->pronoun_tok, e);
    if (idx >= 0)
        *mention = -2 - idx; /* decoded when the pronoun mentions are merged */
    return e;
}
