/* mentions_type.c - what kind of actor a name is (see mentions.c for
 * how names are found): the form of the name first (organisation and
 * place head words, acronyms, given names, gazetteer places), then its
 * context (a title or role before it, a speech verb after it, "the" or
 * "in" before it), and for a lone word what the rest of the document
 * said about it. */
#include "mentions.h"

#include <stddef.h>
#include <string.h>



int ng_mscan_has_class(const ng_mscan *s, uint32_t b, uint32_t e, uint32_t cls)
{
    for (uint32_t i = b; i < e; i++)
        if (s->cls[i] & cls)
            return 1;
    return 0;
}

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
static int employer_before_person(const ng_mscan *s, uint32_t e)
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
    if (e > b + 1 && employer_before_person(s, e) && !(hint & NG_HINT_PERSON))
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

/* Token k exists and is in the sentence of token i. */
static int same_sentence(const ng_mscan *s, uint32_t i, uint32_t k)
{
    return k < s->ntok && s->tok[k].sentence == s->tok[i].sentence;
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
    if (p > 0 && same_sentence(s, b, p - 1) && !(s->tok[p - 1].flags & NG_TOK_CAP) &&
        ng_mscan_in(s, p - 1, NG_ML_WORK_NOUN))
        return 1;
    if (!(p > 0 && same_sentence(s, b, p - 1) && !(s->tok[p - 1].flags & NG_TOK_CAP) &&
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

/* Types a lone word left undecided, from the document's other names
 * first, then gazetteer typos, then context. News introduces people with
 * their full name before using the surname alone, so a lone word that
 * no earlier name explains is more often an organisation ("Microsoft",
 * "Daesh") than a person, unless a speech verb or a given name says so. */
/* Ends like an adjective or a plural of peoples ("Achaemenid" aside):
 * "Icelandic", "Mycenaean", "Phoenicians", "Sephardic". */
static int adjective_shape(const char *w, size_t n)
{
    static const char *const ends[] = {"ic", "ian", "ean", "ese", "ish", "ans", "ians", "ites"};
    for (size_t k = 0; k < sizeof ends / sizeof *ends; k++) {
        size_t m = strlen(ends[k]);
        if (n > m + 2 && memcmp(w + n - m, ends[k], m) == 0)
            return 1;
    }
    return 0;
}




/* Does the word after the lone word at token i say it is a person? A
 * person verb ("Winstone enrolled", "Weiss was honored") or what only a
 * person has ("Carangi's life"). */
static int person_verb(const ng_mscan *s, uint32_t i)
{
    uint32_t k = i + 1;
    if (!same_sentence(s, i, k + 1))
        return 0;
    if (s->tok[k].flags & NG_TOK_POSSESSIVE)
        return ng_mscan_in(s, k + 1, NG_ML_PERSON_OWNS);
    if (ng_mscan_in(s, k, NG_ML_PERSON_VERB))
        return 1;
    return (ng_mscan_is(s, k, "was") || ng_mscan_is(s, k, "is")) &&
           ng_mscan_in(s, k + 1, NG_ML_PERSON_PASSIVE);
}

/* Is the lone word at token i the subject of a clause that goes on
 * with a personal pronoun ("Jafari said she", "Winstone met his wife")?
 * Organisations are "it"; a pronoun past another name may be that
 * name's, and after a preposition ("in Thessaly he") the word is not
 * the subject. */
static int person_pronoun(const ng_mscan *s, uint32_t i)
{
    if (i > 0 && same_sentence(s, i, i - 1) && (s->tok[i - 1].flags & NG_TOK_WORD) &&
        !(s->tok[i - 1].flags & NG_TOK_CAP) &&
        !ng_mscan_in(s, i - 1, NG_ML_CLAUSE_OPENER))
        return 0;
    for (uint32_t k = i + 1; k < i + 5 && same_sentence(s, i, k); k++) {
        const ng_token *t = &s->tok[k];
        if ((t->flags & NG_TOK_CAP) || (t->flags & (NG_TOK_DQUOTE | NG_TOK_SQUOTE)) ||
            ng_mscan_is(s, k, ";"))
            return 0;
        if (ng_mscan_is(s, k, "he") || ng_mscan_is(s, k, "she") || ng_mscan_is(s, k, "his"))
            return 1;
    }
    return 0;
}

/* Does the sentence say the lone word at token i is a place? "Irving,
 * Texas" (a region or country after a comma, not one of a list), "Pau,
 * where ..." and "the town of Yeoncheon". */
static int place_context(const ng_mscan *s, uint32_t i)
{
    uint32_t k = i + 1;
    /* "travelled to Pau, where he is mayor" */
    if (same_sentence(s, i, k + 1) && ng_mscan_is(s, k, ",") && ng_mscan_is(s, k + 1, "where"))
        return 1;
    if (same_sentence(s, i, k + 1) && ng_mscan_is(s, k, ",") &&
        (s->cls[k + 1] & (NG_GAZ_REGION | NG_GAZ_COUNTRY)) && (s->tok[k + 1].flags & NG_TOK_CAP)) {
        uint32_t n = ng_mscan_longest(s, k + 1, s->ntok, NG_GAZ_PLACE, NULL);
        uint32_t a = k + 1 + (n ? n : 1);
        if (!same_sentence(s, i, a) ||
            !(ng_mscan_is(s, a, "and") || ng_mscan_is(s, a, "or") || (s->tok[a].flags & NG_TOK_POSSESSIVE) ||
              (ng_mscan_is(s, a, ",") && same_sentence(s, i, a + 1) && (s->tok[a + 1].flags & NG_TOK_CAP))))
            return 1;
    }
    return i >= 2 && same_sentence(s, i, i - 2) && ng_mscan_is(s, i - 1, "of") &&
           (ng_mscan_is(s, i - 2, "town") || ng_mscan_is(s, i - 2, "city") ||
            ng_mscan_is(s, i - 2, "village") || ng_mscan_is(s, i - 2, "island") ||
            ng_mscan_is(s, i - 2, "port") || ng_mscan_is(s, i - 2, "province") ||
            ng_mscan_is(s, i - 2, "region") || ng_mscan_is(s, i - 2, "district"));
}

/* An English word the document treats as a name: capitalised where
 * capitals are not forced, never in lowercase, and standing alone there
 * rather than as the leftover of a longer capitalised run ("Twitter",
 * "Google"; not "Internet Explorer", "FIRST Global"). */
static int name_like_word(const ng_mscan *s, uint32_t i)
{
    uint32_t ev = ng_mscan_evidence(s, i);
    if ((ev & NG_EV_LOWER) || !(ev & NG_EV_CAP_MID))
        return 0;
    uint32_t near = NG_TOK_CAP | NG_TOK_DIGIT;
    uint32_t p = i;
    /* "Book of Revelation", "Globe and Mail", "On a Wing and a Prayer" */
    while (p > 0 && i - p < 3 &&
           (ng_mscan_is(s, p - 1, "of") || ng_mscan_is(s, p - 1, "and") || ng_mscan_is(s, p - 1, "&") ||
            ng_mscan_is(s, p - 1, "a") || ng_mscan_is(s, p - 1, "the") || ng_mscan_is(s, p - 1, "for")))
        p--;
    if (p < i && p > 0 && s->tok[p - 1].sentence != s->tok[i].sentence)
        p = i;
    return !(p > 0 && (s->tok[p - 1].flags & near) && (s->tok[p - 1].flags & NG_TOK_WORD)) &&
           !(i > 0 && (s->tok[i - 1].flags & near) && (s->tok[i - 1].flags & NG_TOK_WORD)) &&
           !(i + 1 < s->ntok && (s->tok[i + 1].flags & near) && (s->tok[i + 1].flags & NG_TOK_WORD));
}

/* Is the word of token i a typo of a known place? Asked once per
 * distinct word of the document: the answer depends on the word alone. */
static int place_near(ng_mscan *s, uint32_t i)
{
    ng_mword *e = &s->words[s->wid[i]];
    if (e->near < 0) {
        const ng_token *t = &s->tok[i];
        e->near = ng_gazetteer_place_near(s->gaz, s->text + t->start, t->end - t->start) != NULL;
    }
    return e->near;
}

/* Returns the type, or -1 when the lone word is better left out: an
 * adjective or plural of peoples, a head word alone ("River", "War"), or
 * an English word nothing marks as a name. */
int ng_mscan_lone_type(ng_mscan *s, const ng_cand *c, int *weak)
{
    *weak = 0;
    uint32_t i = c->tb, ev = ng_mscan_evidence(s, i), cls = s->cls[i];
    const ng_token *t = &s->tok[i];
    int verb = person_verb(s, i), place = !verb && place_context(s, i);
    int marked = (ev & (NG_EV_PERSON | NG_EV_ORG | NG_EV_PLACE)) ||
                 (c->hint & (NG_HINT_PERSON | NG_HINT_SPEECH | NG_HINT_PLACE)) || verb || place;
    if (!marked && !(t->flags & NG_TOK_ALLCAPS)) {
        if ((cls & (NG_GAZ_PLACE_HEAD | NG_GAZ_MISC_HEAD | NG_GAZ_ORG_HEAD)) &&
            !(cls & NG_GAZ_INSTITUTION))
            return -1; /* "Police", "River", "War" alone */
        if (!(cls & (NG_GAZ_GIVEN | NG_GAZ_COMMON)) && adjective_shape(s->text + t->start, t->end - t->start))
            return -1; /* "Icelandic", not the English noun "Guardian" */
        int owns = i + 1 < s->ntok && (s->tok[i + 1].flags & NG_TOK_POSSESSIVE);
        if ((cls & NG_GAZ_COMMON) && !(cls & (NG_GAZ_ORG_HEAD | NG_GAZ_GIVEN)) &&
            !(c->hint & NG_HINT_THE) && !owns && !name_like_word(s, i))
            return -1; /* kept: "the Treasury", "Apple's" */
    }
    if (ev & NG_EV_PERSON_END)
        return NG_TYPE_PERSON;
    if (ev & NG_EV_ORG_START)
        return NG_TYPE_ORG;
    /* a city, unless its word is someone's surname here or the sentence
     * says so ("Lord Halifax", "Barrie enrolled at the University") */
    if ((cls & NG_GAZ_PLACE) && !((verb || (c->hint & NG_HINT_PERSON)) && !(c->hint & NG_HINT_PLACE)))
        return NG_TYPE_PLACE;
    if ((c->hint & NG_HINT_PERSON) || verb)
        return NG_TYPE_PERSON;
    if (employer_before_person(s, c->te))
        return NG_TYPE_ORG;
    if (place)
        return NG_TYPE_PLACE;
    if (!(c->hint & NG_HINT_PLACE) && person_pronoun(s, i))
        return NG_TYPE_PERSON;
    if (!(ev & (NG_EV_PERSON | NG_EV_ORG)) && !(cls & (NG_GAZ_GIVEN | NG_GAZ_COMMON)) &&
        place_near(s, i))
        return NG_TYPE_PLACE; /* "Souel" */
    if (c->hint & NG_HINT_PLACE)
        return NG_TYPE_PLACE;
    if (c->hint & NG_HINT_THE)
        return NG_TYPE_ORG;
    if (ev & NG_EV_PERSON)
        return NG_TYPE_PERSON;
    if (ev & NG_EV_ORG)
        return NG_TYPE_ORG;
    if ((c->hint & NG_HINT_SPEECH) && (cls & NG_GAZ_COMMON) && !(cls & NG_GAZ_GIVEN))
        return NG_TYPE_ORG; /* "Apple said": an unintroduced English word is a company */
    if (cls & NG_GAZ_GIVEN) {
        *weak = (cls & NG_GAZ_COMMON) != 0; /* "Shell", "Chase": the list it is in decides */
        return NG_TYPE_PERSON;
    }
    *weak = 1; /* organisations speak too ("Microsoft said"): the other uses decide */
    return (c->hint & NG_HINT_SPEECH) ? NG_TYPE_PERSON : NG_TYPE_ORG;
}

/* Are candidates a and b (a before b) joined by a list separator
 * ("Aleppo, Raqqah and Idlib")? */
static int coordinated(const ng_mscan *s, const ng_cand *a, const ng_cand *b)
{
    if (b->tb != a->te + 1 || s->tok[a->tb].sentence != s->tok[b->tb].sentence)
        return 0;
    uint32_t j = a->te;
    return ng_mscan_is(s, j, ",") || ng_mscan_is(s, j, "and") || ng_mscan_is(s, j, "or") ||
           ng_mscan_is(s, j, "&");
}

/* An acronym the text defines takes the type of its expansion
 * ("United Arab Emirates (UAE)", "Syrian Democratic Forces (SDF)"), here
 * and wherever else the document uses it; others stay organisations. */
void ng_mscan_define_acronyms(ng_mscan *s)
{
    for (size_t k = 1; k < s->ncand; k++) {
        ng_cand *c = &s->cand[k];
        const ng_cand *p = &s->cand[k - 1];
        const ng_token *t = &s->tok[c->tb];
        if (c->te != c->tb + 1 || !(t->flags & NG_TOK_ALLCAPS) || c->kind != NG_KIND_NAME ||
            p->kind != NG_KIND_NAME || p->te - p->tb < 2 || p->te + 1 != c->tb ||
            p->type == NG_MTYPE_UNDECIDED || !ng_mscan_is(s, p->te, "("))
            continue;
        if (s->text[t->start] != s->text[s->tok[p->tb].start])
            continue; /* the initials must agree */
        c->type = p->type;
        ng_mscan_vote(s, c->tb, p->type);
    }
    for (size_t k = 0; k < s->ncand; k++) {
        ng_cand *c = &s->cand[k];
        if (c->te != c->tb + 1 || !(s->tok[c->tb].flags & NG_TOK_ALLCAPS) || c->kind != NG_KIND_NAME ||
            (s->cls[c->tb] & (NG_GAZ_INSTITUTION | NG_GAZ_PLACE)))
            continue;
        int type = ng_mscan_majority(s, c->tb);
        if (type >= 0)
            c->type = (uint8_t)type;
    }
}


static int is_score(const ng_mscan *s, uint32_t k)
{
    return k + 2 < s->ntok && (s->tok[k].flags & NG_TOK_DIGIT) && s->tok[k].end - s->tok[k].start <= 2 &&
           (s->tok[k + 1].flags & NG_TOK_PUNCT) && (s->tok[k + 2].flags & NG_TOK_DIGIT) &&
           s->tok[k + 2].end - s->tok[k + 2].start <= 2;
}

/* Is the place name c written as a team: next to a score ("Belgium 3 -
 * 0 Panama"), beside a match verb ("Sweden defeated", "faced England"),
 * or owning what teams have ("Tunisia's coach")? */
static int team_position(const ng_mscan *s, const ng_cand *c)
{
    uint32_t b = c->tb, e = c->te;
    if (e < s->ntok && s->tok[e].sentence == s->tok[b].sentence) {
        if (is_score(s, e) || ng_mscan_in(s, e, NG_ML_MATCH_VERB))
            return 1;
        if ((s->tok[e].flags & NG_TOK_POSSESSIVE) && e + 1 < s->ntok &&
            ng_mscan_in(s, e + 1, NG_ML_TEAM_OWNS))
            return 1;
    }
    if (b >= 1 && s->tok[b - 1].sentence == s->tok[b].sentence &&
        ng_mscan_in(s, b - 1, NG_ML_MATCH_VERB))
        return 1;
    return b >= 3 && is_score(s, b - 3);
}

/* In a match report the countries and cities that play are teams:
 * organisations, in every use of the same name except where the text
 * puts them as places ("in Sochi"). Places in other documents are left
 * alone; a handful of sport words is not enough (an article about a
 * robotics "team"). */
static void team_names(ng_mscan *s)
{
    int report = -1; /* counted once, at the first place written as a team */
    for (size_t k = 0; k < s->ncand; k++) {
        const ng_cand *c = &s->cand[k];
        if (c->type != NG_TYPE_PLACE || c->kind != NG_KIND_NAME || c->cut_start || c->cut_end ||
            !team_position(s, c))
            continue;
        if (report < 0) {
            uint32_t cues = 0;
            for (uint32_t i = 0; i < s->ntok; i++)
                cues += (s->tok[i].flags & NG_TOK_WORD) && !(s->tok[i].flags & NG_TOK_CAP) &&
                        ng_mscan_in(s, i, NG_ML_SPORT);
            report = cues >= 12 && cues * 150 >= s->ntok;
        }
        if (!report)
            return;
        const char *w = s->text + s->tok[c->tb].start;
        size_t n = s->tok[c->te - 1].end - s->tok[c->tb].start;
        for (size_t j = 0; j < s->ncand; j++) {
            ng_cand *o = &s->cand[j];
            const char *x = s->text + s->tok[o->tb].start;
            if (o->type == NG_TYPE_PLACE && o->kind == NG_KIND_NAME && !o->cut_start && !o->cut_end &&
                !(o->hint & NG_HINT_PLACE) && s->tok[o->te - 1].end - s->tok[o->tb].start == n &&
                ng_mscan_same_folded(w, x, n))
                o->type = NG_TYPE_ORG;
        }
    }
}

/* The second pass over lone words: each gets a type from its own
 * evidence; one typed by the default alone takes the type of a name it is
 * listed with, then the type the document gives the same word most often
 * elsewhere (a reasoned type counts three times a default). Left-out words stay NG_MTYPE_UNDECIDED. */
void ng_mscan_type_lone_words(ng_mscan *s)
{
    for (size_t k = 0; k < s->ncand; k++) {
        ng_cand *c = &s->cand[k];
        /* "Valeska Paris ... Paris claims": a capital or country that is
         * the surname of someone the document names is that person,
         * unless the context makes it a place ("in Paris") */
        if (c->type == NG_TYPE_PLACE && c->kind == NG_KIND_NAME && c->te == c->tb + 1 &&
            !c->cut_start && !c->cut_end && !(c->hint & NG_HINT_PLACE) &&
            (ng_mscan_evidence(s, c->tb) & NG_EV_PERSON_END))
            c->type = NG_TYPE_PERSON;
        if (c->type != NG_MTYPE_UNDECIDED)
            continue;
        int weak, type = ng_mscan_lone_type(s, c, &weak);
        if (type < 0)
            continue;
        c->hint |= NG_HINT_LONE;
        for (int d = -1; weak && d <= 1; d += 2) {
            if ((d < 0 && k == 0) || (d > 0 && k + 1 >= s->ncand))
                continue;
            const ng_cand *o = &s->cand[(size_t)((ptrdiff_t)k + d)];
            /* "at Maersk, Soren Kjeldsen, said": a person after a comma is
             * in apposition to the word, not listed with it */
            if (o->kind == NG_KIND_NAME && o->type != NG_MTYPE_UNDECIDED && !(o->hint & NG_HINT_LONE) &&
                (d < 0 ? coordinated(s, o, c) : coordinated(s, c, o)) &&
                !(o->type == NG_TYPE_PERSON && ng_mscan_is(s, d < 0 ? o->te : c->te, ","))) {
                type = o->type;
                weak = 0;
            }
        }
        c->type = (uint8_t)type;
        /* a reasoned type outweighs a default, but many defaults
         * outweigh one stray reason ("Scientology, who ...") */
        if (weak)
            c->hint |= NG_HINT_WEAK;
        for (int v = weak ? 1 : 3; v > 0; v--)
            ng_mscan_vote(s, c->tb, type);
    }
    for (size_t k = 0; k < s->ncand; k++) {
        ng_cand *c = &s->cand[k];
        if (!(c->hint & NG_HINT_WEAK))
            continue;
        int type = ng_mscan_majority(s, c->tb);
        if (type >= 0)
            c->type = (uint8_t)type;
    }
    team_names(s);
}
