/* mentions_parts.c - cutting a run of capitalised words into its
 * mentions (see segment in mentions.c): the title phrases that make
 * what follows a person ("Pentagon Press Secretary Peter Cook") and what
 * stands before them ("U.S. President"), and the names inside hyphenated
 * tokens ("U.S.-led", "UK-France", "Kremlin-backed"). */
#include "mentions.h"

#include <string.h>

/* End of the last title phrase in [b, e) that a name follows ("Pentagon
 * Press Secretary Peter Cook" -> after "Press Secretary"), with its start
 * in *tstart; 0 when there is none. Known multi-word places are stepped
 * over ("Saint Petersburg"), and a title followed by an organisation
 * head is part of that organisation ("General Staff"). */
uint32_t ng_mscan_last_title(const ng_mscan *s, uint32_t b, uint32_t e, uint32_t *tstart)
{
    uint32_t end = 0;
    for (uint32_t q = b; q < e;) {
        uint32_t cls = 0, n = 0;
        /* one scan of the phrases at q for both questions */
        uint32_t known = ng_mscan_longest2(s, q, e, NG_GAZ_PLACE | NG_GAZ_INSTITUTION, NG_GAZ_TITLE, &n, &cls);
        if (known >= 2) {
            q += known;
            continue;
        }
        if (n && q + n < e && !ng_mscan_has_class(s, q + n, e, NG_GAZ_ORG_HEAD | NG_GAZ_PLACE_HEAD)) {
            uint32_t t = q + n;
            /* the portfolio after "Minister of", "Minister for the": English
             * words and places up to the person's name */
            if (ng_mscan_is(s, t - 1, "of") || ng_mscan_is(s, t - 1, "for"))
                while (t + 1 < e && !(s->cls[t] & NG_GAZ_GIVEN) &&
                       ((s->cls[t] & (NG_GAZ_COMMON | NG_GAZ_PLACE | NG_GAZ_DEMONYM)) ||
                        ng_mscan_is(s, t, "the") || ng_mscan_is(s, t, "and")))
                    t++;
            end = t;
            *tstart = q;
            q = t;
            continue;
        }
        q++;
    }
    return end;
}

/* Emits the known places, demonyms, institutions and acronyms in front
 * of a title ("U.S. President", "Kremlin spokesman", "FCO Minister"). */
int ng_mscan_title_prefix(ng_mscan *s, uint32_t b, uint32_t e)
{
    /* "Federal Reserve Chair", "Nvidia CEO": the employer, when its name
     * has an organisation head word or is a word that is not English */
    while (b < e && (ng_mscan_is(s, b, "the") || ng_mscan_is(s, b, "former")))
        b++;
    if (b < e && !ng_mscan_longest(s, b, e, NG_GAZ_PLACE | NG_GAZ_DEMONYM | NG_GAZ_INSTITUTION, NULL) &&
        (ng_mscan_has_class(s, b, e, NG_GAZ_ORG_HEAD) ||
         (e == b + 1 && !(s->cls[b] & (NG_GAZ_COMMON | NG_GAZ_GIVEN | NG_GAZ_TITLE | NG_GAZ_NONNAME)) &&
          !(s->tok[b].flags & NG_TOK_ALLCAPS))))
        return ng_mscan_add(s, b, e, NG_TYPE_ORG, NG_KIND_NAME, 0);
    for (uint32_t q = b; q < e;) {
        uint32_t cls = 0;
        uint32_t n = ng_mscan_longest(s, q, e, NG_GAZ_PLACE | NG_GAZ_DEMONYM | NG_GAZ_INSTITUTION, &cls);
        int rc = 0;
        if (n && (cls & NG_GAZ_DEMONYM) && !(cls & NG_GAZ_PLACE))
            rc = ng_mscan_add(s, q, q + n, NG_TYPE_PLACE, NG_KIND_DEMONYM, 0);
        else if (n)
            rc = ng_mscan_add(s, q, q + n, (cls & NG_GAZ_INSTITUTION) ? NG_TYPE_ORG : NG_TYPE_PLACE,
                              NG_KIND_NAME, 0);
        else if ((s->tok[q].flags & NG_TOK_ALLCAPS) && s->tok[q].end - s->tok[q].start >= 2 &&
                 !(s->cls[q] & NG_GAZ_TITLE))
            rc = ng_mscan_add(s, q, q + 1, NG_TYPE_ORG, NG_KIND_NAME, 0);
        if (rc)
            return rc;
        q += n ? n : 1;
    }
    return 0;
}

/* "U.S.-led", "ISIL-held", "Russian-backed": a name before a hyphen and a
 * lowercase word is a modifier; the mention is the part before the
 * hyphen, when that part is a known place, demonym, institution or an
 * acronym. Returns 1 when the token was of that shape (handled). */
int ng_mscan_hyphen_modifier(ng_mscan *s, uint32_t i, int *rc)
{
    if (ng_mscan_no_hyphen(s, i))
        return 0;
    const ng_token *t = &s->tok[i];
    const char *w = s->text + t->start;
    size_t n = t->end - t->start, cut = 0;
    for (size_t k = n - 1; k > 0; k--)
        if (w[k - 1] == '-' && w[k] >= 'a' && w[k] <= 'z') {
            cut = k - 1;
            break;
        }
    if (!cut)
        return 0;
    uint32_t cls = ng_gazetteer_classes(s->gaz, w, cut);
    int type = -1, kind = NG_KIND_NAME;
    if (cls & NG_GAZ_PLACE)
        type = NG_TYPE_PLACE;
    else if (cls & NG_GAZ_DEMONYM)
        type = NG_TYPE_PLACE, kind = NG_KIND_DEMONYM;
    else if (cls & NG_GAZ_INSTITUTION)
        type = NG_TYPE_ORG;
    else if (cut >= 2 && w[0] >= 'A' && w[0] <= 'Z' && w[1] >= 'A' && w[1] <= 'Z')
        type = NG_TYPE_ORG;
    else if (n - cut == 6 && memcmp(w + cut, "-based", 6) == 0 && !(cls & NG_GAZ_COMMON))
        type = NG_TYPE_PLACE; /* "a Kanata-based firm": where it is */
    *rc = 0;
    if (type >= 0 && !(*rc = ng_mscan_add(s, i, i + 1, type, kind, 0)))
        s->cand[s->ncand - 1].cut_end = t->start + (uint32_t)cut;
    return 1;
}

/* Adds part [from, to) of token i (bytes) as a place or demonym mention
 * when the gazetteer knows it; returns 1 if it did, NG_ENOMEM on failure. */
static int add_part(ng_mscan *s, uint32_t i, uint32_t from, uint32_t to)
{
    uint32_t cls = ng_gazetteer_classes(s->gaz, s->text + from, to - from);
    if (!(cls & (NG_GAZ_PLACE | NG_GAZ_DEMONYM)))
        return 0;
    int demonym = (cls & NG_GAZ_DEMONYM) && !(cls & NG_GAZ_PLACE);
    int rc = ng_mscan_add(s, i, i + 1, NG_TYPE_PLACE, demonym ? NG_KIND_DEMONYM : NG_KIND_NAME, 0);
    if (rc)
        return rc;
    s->cand[s->ncand - 1].cut_start = from;
    s->cand[s->ncand - 1].cut_end = to;
    return 1;
}

/* "UK-France", "U.S.-China", "Russian-Ukrainian": two known places or
 * demonyms joined by a hyphen are two mentions. Returns 1 when handled. */
int ng_mscan_hyphen_pair(ng_mscan *s, uint32_t i, int *rc)
{
    if (ng_mscan_no_hyphen(s, i))
        return 0;
    const ng_token *t = &s->tok[i];
    const char *w = s->text + t->start;
    size_t n = t->end - t->start;
    const char *h = memchr(w, '-', n);
    if (!h || h == w || h + 1 >= w + n || memchr(h + 1, '-', (size_t)(w + n - h - 1)))
        return 0;
    uint32_t mid = t->start + (uint32_t)(h - w);
    uint32_t left = ng_gazetteer_classes(s->gaz, w, (size_t)(h - w));
    uint32_t right = ng_gazetteer_classes(s->gaz, h + 1, (size_t)(w + n - h - 1));
    uint32_t known = NG_GAZ_PLACE | NG_GAZ_DEMONYM;
    if (!(left & known) || !(right & known))
        return 0;
    *rc = add_part(s, i, t->start, mid);
    if (*rc >= 0)
        *rc = add_part(s, i, mid + 1, t->end);
    *rc = *rc < 0 ? *rc : 0;
    return 1;
}

/* Does token i end in a hyphen and an English word ("Democratic-controlled",
 * "Kremlin-backed"), a modifier rather than part of the name after it? */
int ng_mscan_modifier_token(const ng_mscan *s, uint32_t i)
{
    if (ng_mscan_no_hyphen(s, i))
        return 0;
    const char *w = s->text + s->tok[i].start;
    size_t n = s->tok[i].end - s->tok[i].start;
    for (size_t k = n - 1; k > 0; k--)
        if (w[k - 1] == '-')
            return w[k] >= 'a' && w[k] <= 'z' && n - k >= 3 &&
                   (ng_gazetteer_classes(s->gaz, w + k, n - k) & NG_GAZ_COMMON);
    return 0;
}
