/* mentions_type.c - what kind of actor a name is (see mentions.c for
 * how names are found): the form of the name first (organisation and
 * place head words, acronyms, given names, gazetteer places), then its
 * context (a title or role before it, a speech verb after it, "the" or
 * "in" before it). A lone word is typed last, by what the rest of the
 * document said about it (mentions_lone.c). */
#include "mentions.h"

#include <stddef.h>
#include <string.h>

/* Context hints around a name [b, e) of sentence [sb, se). */
int ng_mscan_context(const ng_mscan *s, uint32_t b, uint32_t e, uint32_t sb, uint32_t se)
{
    int hint = 0;
    if (b > sb) {
        uint32_t p = b - 1;
        if ((s->cls[p] & NG_GAZ_TITLE) && !(s->tok[p].flags & NG_TOK_CAP))
            hint |= NG_HINT_PERSON; /* "spokesman Dmitry Peskov" */
        if (p > sb && (s->tok[p].flags & NG_TOK_PUNCT) && s->text[s->tok[p].start] == ',' &&
            (s->cls[p - 1] & NG_GAZ_ROLE) && !(s->tok[p - 1].flags & NG_TOK_CAP))
            hint |= NG_HINT_PERSON; /* "the junta's spokesman, Zaw Min Tun," */
        /* inverted attribution after a quote: '"...," said Mauer' */
        if (p > sb && (s->cls[p] & NG_GAZ_SPEECH) && !(s->tok[p].flags & NG_TOK_CAP) &&
            !ng_mscan_is(s, p, "told") && !ng_mscan_is(s, p, "tells") &&
            ((s->tok[p - 1].flags & NG_TOK_CLOSE) ||
             ((s->tok[p - 1].flags & NG_TOK_PUNCT) && s->text[s->tok[p - 1].start] == ',')))
            hint |= NG_HINT_SPEECH;
        if (ng_mscan_is(s, p, "the"))
            hint |= NG_HINT_THE;
        if (ng_mscan_in(s, p, NG_ML_PLACE_PREP) &&
            !(p > sb && ng_mscan_is(s, p, "in") &&
              ng_mscan_in(s, p - 1, NG_ML_STAKE)))
            hint |= NG_HINT_PLACE;
    }
    if (e < se) {
        /* "a spokesperson for Crimestoppers said": the name after a
         * preposition is not who speaks */
        int object = b > sb && (ng_mscan_is(s, b - 1, "for") || ng_mscan_is(s, b - 1, "of") ||
                                ng_mscan_is(s, b - 1, "at") || ng_mscan_is(s, b - 1, "from") ||
                                ng_mscan_is(s, b - 1, "with") || ng_mscan_is(s, b - 1, "by"));
        if ((s->cls[e] & NG_GAZ_SPEECH) && !object)
            hint |= NG_HINT_SPEECH;
        if (ng_mscan_in(s, e, NG_ML_PLACE_NOUN))
            hint |= NG_HINT_PLACE;
        /* apposition: "Lee Seong-kweun, a lawmaker," */
        int comma = (s->tok[e].flags & NG_TOK_PUNCT) && s->text[s->tok[e].start] == ',';
        /* "Jane Doe, 45, ..." (an age) and "Doe, who ..." are people */
        if (comma && e + 1 < se &&
            (ng_mscan_is(s, e + 1, "who") ||
             ((s->tok[e + 1].flags & NG_TOK_DIGIT) && s->tok[e + 1].end - s->tok[e + 1].start <= 3 &&
              e + 2 < se && ng_mscan_is(s, e + 2, ","))))
            hint |= NG_HINT_PERSON;
        if (comma)
            for (uint32_t k = e + 1; k < se && k < e + 5; k++) {
                if (!(s->tok[k].flags & NG_TOK_WORD))
                    break;
                if ((s->cls[k] & NG_GAZ_ROLE) && !(s->tok[k].flags & NG_TOK_CAP)) {
                    hint |= NG_HINT_PERSON;
                    break;
                }
            }
    }
    return hint;
}

/* Is [b, e) a place by its form: a known place after place modifiers
 * ("Outer Mongolia", "East Africa"), a place head at the end ("Black
 * Sea", "Kursk Oblast") or "Mount"/"Lake"/"Cape"/"Camp" in front? */
int ng_mscan_place_form(const ng_mscan *s, uint32_t b, uint32_t e)
{
    uint32_t q = b;
    while (q + 1 < e && (s->cls[q] & NG_GAZ_PLACE_MOD))
        q++;
    if (q > b && (ng_mscan_phrase(s, q, e) & NG_GAZ_PLACE))
        return 1;
    if (e - b >= 2 && (s->cls[e - 1] & NG_GAZ_PLACE_HEAD))
        return 1;
    for (uint32_t k = b; k + 2 < e; k++)
        if ((s->cls[k] & NG_GAZ_PLACE_HEAD) && ng_mscan_is(s, k + 1, "of"))
            return 1; /* "Republic of Tuva", "Gulf of Aden", "Kurdistan Region of Iraq" */
    return e - b >= 2 && (ng_mscan_is(s, b, "mount") || ng_mscan_is(s, b, "lake") ||
                          ng_mscan_is(s, b, "cape") || ng_mscan_is(s, b, "camp"));
}

/* Is [b, e) a building or site whose name also holds an organisation
 * word: its head noun (the last word, or the word before "of") is a
 * place head ("Kennedy Space Center", "Air Force Base", "Museum of
 * Flight"), not "Ministry of State" or "Republic of Korea Navy".
 * "Channel" heads television channels as often as straits. */
static int facility_form(const ng_mscan *s, uint32_t b, uint32_t e)
{
    uint32_t head = e - 1;
    for (uint32_t k = b + 1; k + 1 < e; k++)
        if (ng_mscan_is(s, k, "of")) {
            if (s->cls[e - 1] & NG_GAZ_ORG_HEAD)
                return 0;
            head = k - 1;
            break;
        }
    return e - b >= 2 && (s->cls[head] & NG_GAZ_PLACE_HEAD) && !ng_mscan_is(s, head, "channel") &&
           ng_mscan_has_class(s, b, e, NG_GAZ_ORG_HEAD);
}


/* Is the name ending at token e the employer of the person named right
 * after a role ("Tesla chief executive Elon Musk" has "chief" first)? */
int ng_mscan_employer_before_person(const ng_mscan *s, uint32_t e)
{
    uint32_t k = e;
    while (k < e + 2 && k < s->ntok && s->tok[k].sentence == s->tok[e > 0 ? e - 1 : 0].sentence &&
           (s->tok[k].flags & NG_TOK_WORD) && !(s->tok[k].flags & NG_TOK_CAP) &&
           !ng_mscan_in(s, k, NG_ML_EMPLOYEE_ROLE) &&
           (ng_mscan_is(s, k, "chief") || ng_mscan_is(s, k, "senior") || ng_mscan_is(s, k, "former") ||
            ng_mscan_is(s, k, "lead") || ng_mscan_is(s, k, "head") || ng_mscan_is(s, k, "managing")))
        k++;
    if (k + 1 >= s->ntok || s->tok[k].sentence != s->tok[e - 1].sentence ||
        (s->tok[k].flags & NG_TOK_CAP) ||
        !ng_mscan_in(s, k, NG_ML_EMPLOYEE_ROLE))
        return 0;
    const ng_token *n = &s->tok[k + 1];
    return n->sentence == s->tok[e - 1].sentence && (n->flags & NG_TOK_CAP) && (n->flags & NG_TOK_WORD) &&
           !(n->flags & NG_TOK_ALLCAPS);
}

/* Types the name [b, e) by its form; NG_MTYPE_UNDECIDED leaves a lone
 * word to the second pass. */
int ng_mscan_form_type(const ng_mscan *s, uint32_t b, uint32_t e, int hint)
{
    uint32_t whole = ng_mscan_phrase(s, b, e);
    if (whole & NG_GAZ_INSTITUTION)
        return NG_TYPE_ORG;
    /* "Mr. Washington", "Dr. Lima, 45,": a title or an age makes even a
     * capital's name a person */
    if (e == b + 1 && (hint & NG_HINT_PERSON) && !(hint & NG_HINT_PLACE) && (whole & NG_GAZ_PLACE) &&
        !(s->tok[b].flags & NG_TOK_ALLCAPS) &&
        ((b > 0 && (s->cls[b - 1] & NG_GAZ_TITLE)) ||
         (e + 1 < s->ntok && ng_mscan_is(s, e, ",") &&
          (ng_mscan_is(s, e + 1, "who") || (s->tok[e + 1].flags & NG_TOK_DIGIT)))))
        return NG_TYPE_PERSON; /* not "President of Syria", "Minister for Central Asia, X," */
    /* A lone city name that is no capital ("Mishima", "Jackson") may be
     * the surname of someone the document names in full: decided later. */
    if ((whole & NG_GAZ_PLACE) &&
        !(e == b + 1 && !(whole & (NG_GAZ_COUNTRY | NG_GAZ_CAPITAL | NG_GAZ_REGION)) &&
          !(hint & NG_HINT_PLACE)))
        return NG_TYPE_PLACE;
    if (e == b + 1 && (whole & NG_GAZ_PLACE))
        return NG_MTYPE_UNDECIDED;
    if (e > b + 1 && ng_mscan_employer_before_person(s, e) && !(hint & NG_HINT_PERSON))
        return NG_TYPE_ORG;
    if (facility_form(s, b, e))
        return NG_TYPE_PLACE;
    if (ng_mscan_has_class(s, b, e, NG_GAZ_ORG_HEAD) && !(hint & NG_HINT_PERSON))
        return NG_TYPE_ORG;
    if (ng_mscan_place_form(s, b, e))
        return NG_TYPE_PLACE;
    const ng_token *t = &s->tok[b];
    /* "ABN Amro", "BBC Radio": a person's name does not open with an
     * acronym (headlines are cut before they get here) */
    if (e > b + 1 && (t->flags & NG_TOK_ALLCAPS) && !(t->flags & NG_TOK_ABBREV) &&
        t->end - t->start >= 2 && !(hint & NG_HINT_PERSON))
        return NG_TYPE_ORG;
    if (e == b + 1) {
        if (t->flags & NG_TOK_ALLCAPS && t->end - t->start >= 2 && !(hint & NG_HINT_PERSON))
            return NG_TYPE_ORG; /* acronym: places (U.S., UK) are caught above */
        return NG_MTYPE_UNDECIDED; /* a lone word: its context weighs with its other uses */
    }
    if (hint & NG_HINT_PERSON)
        return NG_TYPE_PERSON;
    if (s->cls[b] & NG_GAZ_GIVEN)
        return NG_TYPE_PERSON;
    if (ng_mscan_has_class(s, b, e, NG_GAZ_PARTICLE))
        return NG_TYPE_PERSON;
    if (hint & NG_HINT_THE)
        return NG_TYPE_ORG;
    if (hint & NG_HINT_PLACE)
        return NG_TYPE_PLACE;
    /* A person's name ends in a surname, rarely an English word ("Dries
     * Mertens", "Starry Lee"); "Grand Mosque", "Civic Passion", "Human
     * Rights Watch", "LA Weekly" end in one. Short words ("Zaw Min Tun")
     * say little. An English word before a country is an organisation
     * too ("Environment Canada", "Air France"). */
    if ((s->cls[e - 1] & NG_GAZ_COMMON) && s->tok[e - 1].end - s->tok[e - 1].start >= 4)
        return NG_TYPE_ORG;
    if ((s->cls[b] & NG_GAZ_COMMON) && !(s->cls[b] & NG_GAZ_GIVEN) &&
        (ng_mscan_phrase(s, b + 1, e) & NG_GAZ_COUNTRY))
        return NG_TYPE_ORG;
    if (hint & NG_HINT_SPEECH)
        return NG_TYPE_PERSON;
    if (e - b > 3 && (e - b > 5 || ng_mscan_has_class(s, b, e, NG_GAZ_COMMON)))
        return NG_TYPE_ORG; /* long names are organisations unless no word is English */
    return NG_TYPE_PERSON;
}


/* A ship, aircraft or spacecraft: named after a noun of craft or
 * "aboard (the)", or with a ship prefix or "Space Shuttle" in front; or
 * a work named after a noun of works. */
static int craft(const ng_mscan *s, uint32_t b, uint32_t e)
{
    if (ng_mscan_is(s, b, "space") && b + 1 < e && ng_mscan_is(s, b + 1, "shuttle"))
        return 1;
    if (e - b >= 2 && ng_mscan_in(s, b, NG_ML_CRAFT_PREFIX))
        return 1;
    uint32_t p = b;
    if (p > 0 && (ng_mscan_is(s, p - 1, ",") || ng_mscan_is(s, p - 1, "the")))
        p--;
    if (p > 0 && ng_mscan_same_sentence(s, b, p - 1) && !(s->tok[p - 1].flags & NG_TOK_CAP) &&
        ng_mscan_in(s, p - 1, NG_ML_WORK_NOUN))
        return 1;
    if (!(p > 0 && ng_mscan_same_sentence(s, b, p - 1) && !(s->tok[p - 1].flags & NG_TOK_CAP) &&
          ng_mscan_in(s, p - 1, NG_ML_CRAFT_NOUN)))
        return 0;
    /* not the owner in "aboard the Acme-owned ship" */
    return !(e < s->ntok && (s->tok[e].flags & NG_TOK_PUNCT) &&
             (s->text[s->tok[e].start] == '-' || (unsigned char)s->text[s->tok[e].start] == 0xe2));
}

/* An event, law, work or era rather than an actor: "First World War",
 * "Operation Inherent Resolve", "Nobel Prize"; ships and spacecraft; the
 * titles of works. */
int ng_mscan_misc(const ng_mscan *s, uint32_t b, uint32_t e)
{
    if (craft(s, b, e))
        return 1;
    if (e - b >= 2 && (s->cls[e - 1] & NG_GAZ_MISC_HEAD) &&
        (e - b >= 3 || !(s->cls[b] & NG_GAZ_GIVEN) || (s->cls[b] & NG_GAZ_COMMON)) &&
        !ng_mscan_has_class(s, b, e, NG_GAZ_ORG_HEAD))
        return 1; /* not "Doris Day" */
    return e - b >= 2 && ng_mscan_is(s, b, "operation");
}

/* Records what typed multi-word names say about their words. */
void ng_mscan_note_types(ng_mscan *s)
{
    for (size_t k = 0; k < s->ncand; k++) {
        const ng_cand *c = &s->cand[k];
        if (c->kind != NG_KIND_NAME || c->type == NG_MTYPE_UNDECIDED)
            continue;
        uint32_t f = c->type == NG_TYPE_PERSON ? NG_EV_PERSON
                     : c->type == NG_TYPE_ORG  ? NG_EV_ORG
                                               : NG_EV_PLACE;
        for (uint32_t i = c->tb; i < c->te; i++)
            ng_mscan_note(s, i, f);
        if (c->te - c->tb >= 2 && c->type == NG_TYPE_PERSON) {
            ng_mscan_note(s, c->te - 1, NG_EV_PERSON_END);
            /* "Haider al-Abadi" is later "Abadi" */
            const char *w = s->text + s->tok[c->te - 1].start;
            if (s->tok[c->te - 1].end - s->tok[c->te - 1].start > 4 && (w[0] | 32) == 'a' &&
                w[1] == 'l' && w[2] == '-')
                ng_mscan_note_part(s, c->te - 1, 3, NG_EV_PERSON | NG_EV_PERSON_END);
        }
        if (c->te - c->tb >= 2 && c->type == NG_TYPE_ORG)
            ng_mscan_note(s, c->tb, NG_EV_ORG_START);
    }
}
