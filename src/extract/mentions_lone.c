/* mentions_lone.c - the second pass of mention finding: a capitalised
 * word that stood alone is typed once the whole document has been
 * scanned, by what the document's other names say about it (a lone
 * "Peskov" after "Dmitry Peskov" is a person), the words around it, the
 * names it is listed with and the majority of its other uses; acronyms
 * take the type of the expansion they are defined by; in a match report
 * the countries and cities that play are teams. */
#include "mentions.h"

#include <stddef.h>
#include <string.h>

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
    if (!ng_mscan_same_sentence(s, i, k + 1))
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
    if (i > 0 && ng_mscan_same_sentence(s, i, i - 1) && (s->tok[i - 1].flags & NG_TOK_WORD) &&
        !(s->tok[i - 1].flags & NG_TOK_CAP) &&
        !ng_mscan_in(s, i - 1, NG_ML_CLAUSE_OPENER))
        return 0;
    for (uint32_t k = i + 1; k < i + 5 && ng_mscan_same_sentence(s, i, k); k++) {
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
    if (ng_mscan_same_sentence(s, i, k + 1) && ng_mscan_is(s, k, ",") && ng_mscan_is(s, k + 1, "where"))
        return 1;
    if (ng_mscan_same_sentence(s, i, k + 1) && ng_mscan_is(s, k, ",") &&
        (s->cls[k + 1] & (NG_GAZ_REGION | NG_GAZ_COUNTRY)) && (s->tok[k + 1].flags & NG_TOK_CAP)) {
        uint32_t n = ng_mscan_longest(s, k + 1, s->ntok, NG_GAZ_PLACE, NULL);
        uint32_t a = k + 1 + (n ? n : 1);
        if (!ng_mscan_same_sentence(s, i, a) ||
            !(ng_mscan_is(s, a, "and") || ng_mscan_is(s, a, "or") || (s->tok[a].flags & NG_TOK_POSSESSIVE) ||
              (ng_mscan_is(s, a, ",") && ng_mscan_same_sentence(s, i, a + 1) && (s->tok[a + 1].flags & NG_TOK_CAP))))
            return 1;
    }
    return i >= 2 && ng_mscan_same_sentence(s, i, i - 2) && ng_mscan_is(s, i - 1, "of") &&
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
    if (ng_mscan_employer_before_person(s, c->te))
        return NG_TYPE_ORG;
    if (place)
        return NG_TYPE_PLACE;
    if (!(c->hint & NG_HINT_PLACE) && person_pronoun(s, i))
        return NG_TYPE_PERSON;
    if (!(ev & (NG_EV_PERSON | NG_EV_ORG)) && !(cls & (NG_GAZ_GIVEN | NG_GAZ_COMMON)) &&
        ng_mscan_place_near(s, i))
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
