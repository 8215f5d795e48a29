/* mentions_desc.c - mentions that are not capitalised names: descriptors
 * ("the Ukrainian president", "the Kremlin spokesman", "the news agency")
 * and known places written in lowercase by mistake ("kyiv").
 *
 * A descriptor is "the", up to three modifiers, and a role noun (person)
 * or organisation noun (organisation) that no name follows: "the Kremlin
 * spokesman Dmitry Peskov" is a title before a name, not a descriptor.
 * The span includes "the", as the resolver binds the whole phrase. */
#include "mentions.h"

#include <string.h>

/* A word that may stand between "the" and the head noun. */
static int modifier(const ng_mscan *s, uint32_t i)
{
    const ng_token *t = &s->tok[i];
    if (!(t->flags & NG_TOK_WORD) || (t->flags & NG_TOK_DIGIT))
        return 0;
    if ((t->flags & NG_TOK_CAP) && !(s->cls[i] & (NG_GAZ_DEMONYM | NG_GAZ_INSTITUTION | NG_GAZ_PLACE)))
        return 0; /* "the World Health Organization" is a name, not a descriptor */
    return !ng_mscan_in(s, i, NG_ML_STOP); /* "the", "of", "said" */
}

/* The descriptor that starts at "the" (token i) within [i, se): its end
 * and type, or 0 when there is none. */
static uint32_t descriptor_at(const ng_mscan *s, uint32_t i, uint32_t se, int *type)
{
    uint32_t end = 0;
    for (uint32_t h = i + 1; h < se && h <= i + 4; h++) {
        uint32_t cls = 0;
        uint32_t n = ng_mscan_longest(s, h, se, NG_GAZ_ROLE | NG_GAZ_ORG_NOUN, &cls);
        if (n && !(s->tok[h + n - 1].flags & NG_TOK_CAP)) {
            end = h + n;
            *type = (cls & NG_GAZ_ROLE) ? NG_TYPE_PERSON : NG_TYPE_ORG;
            if (end < se && (s->cls[end] & (NG_GAZ_ROLE | NG_GAZ_ORG_NOUN)) &&
                !(s->tok[end].flags & NG_TOK_CAP))
                continue; /* "the government spokesman": the head is further on */
            break;
        }
        if (end || !modifier(s, h))
            break;
    }
    if (!end)
        return 0;
    if (end < se) {
        const ng_token *t = &s->tok[end];
        if ((t->flags & NG_TOK_WORD) && (t->flags & NG_TOK_CAP))
            return 0; /* a title before a name */
        if ((t->flags & NG_TOK_WORD) && ng_mscan_is(s, end, "of"))
            return 0; /* "the president of the company": the phrase goes on */
    }
    return end;
}

int ng_mscan_descriptors(ng_mscan *s, uint32_t sb, uint32_t se)
{
    /* Most tokens are neither a known country or capital nor "the": two
     * loads of the arrays tell (a non-word has classes 0 and the entry 0,
     * which the_word never is) before the token itself is read. */
    const uint32_t *cls = s->cls, *wid = s->wid;
    uint32_t the = s->the_word ? s->the_word : UINT32_MAX;
    for (uint32_t i = sb; i < se; i++) {
        uint32_t c = cls[i];
        if (!(c & (NG_GAZ_COUNTRY | NG_GAZ_CAPITAL)) && wid[i] != the)
            continue;
        const ng_token *t = &s->tok[i];
        if (!(t->flags & NG_TOK_WORD))
            continue;
        if (!(t->flags & NG_TOK_CAP) && (c & (NG_GAZ_COUNTRY | NG_GAZ_CAPITAL)) &&
            !(c & (NG_GAZ_COMMON | NG_GAZ_NONNAME)) && t->end - t->start >= 4) {
            int rc = ng_mscan_add(s, i, i + 1, NG_TYPE_PLACE, NG_KIND_NAME, 0);
            if (rc)
                return rc;
            continue;
        }
        /* ng_mscan_is(s, i, "the") by the entry: no load of the word */
        if (wid[i] != the || (t->flags & NG_TOK_HEADLINE))
            continue;
        int type = NG_TYPE_PERSON;
        uint32_t end = descriptor_at(s, i, se, &type);
        if (end) {
            int rc = ng_mscan_add(s, i, end, type, NG_KIND_DESCRIPTOR, 0);
            if (rc)
                return rc;
            i = end - 1;
        }
    }
    return 0;
}
