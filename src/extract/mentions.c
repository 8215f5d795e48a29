/* mentions.c - finds the people, organisations and places a news article
 * names (ng_mentions_find, stages.h).
 *
 * The rules follow how news is written rather than who is in the news:
 *   1. a name is a run of capitalised words, joined by particles ("von
 *      der", "bin") and, inside organisation names, by "of"/"for"/"and";
 *   2. a capital forced by the start of a sentence or a headline proves
 *      nothing: such a word counts only when the gazetteer knows it as a
 *      name or the document capitalises it elsewhere too;
 *   3. leading titles ("President", "Gen.", "Secretary of State") and
 *      demonyms ("Ukrainian") are split off: a title makes the rest a
 *      person, a demonym is a mention of its own;
 *   4. the type comes from the name's form (organisation head words,
 *      acronyms, given names, gazetteer places) and then from context
 *      (titles before, speech verbs after, "the" before, "in" before,
 *      "region" after), lone words last, once the whole document has
 *      said what its multi-word names are (a lone "Peskov" after
 *      "Dmitry Peskov" is a person).
 * Candidates are collected per document in ng_mscan (mentions.h), typed in
 * a second pass and then appended to the extraction sorted by start. */
#include "mentions.h"

#include "newsgraph/error.h"

#include <stdlib.h>
#include <string.h>

/* Words that, right before a name, make it a place. */
static const char *const place_preps[] = {"in", "near", "outside", "across", "throughout",
                                          "inside", "into", "around", "toward", "towards"};
/* Lowercase nouns that, right after a name, make it a place ("Kursk region"). */
static const char *const place_nouns[] = {"region", "province", "oblast", "district", "city",
                                          "county", "state", "river", "mountains", "valley",
                                          "area", "border", "governorate", "prefecture"};

static int is_any(const ng_mscan *s, uint32_t i, const char *const *w, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (ng_mscan_is(s, i, w[k]))
            return 1;
    return 0;
}

static int has_digit(const ng_mscan *s, uint32_t i)
{
    for (uint32_t k = s->tok[i].start; k < s->tok[i].end; k++)
        if (s->text[k] >= '0' && s->text[k] <= '9')
            return 1;
    return 0;
}

/* "al-Assad", "el-Sisi": an Arabic article before a capitalised name. */
static int article_prefixed(const ng_mscan *s, uint32_t i)
{
    const char *w = s->text + s->tok[i].start;
    size_t n = s->tok[i].end - s->tok[i].start;
    return n > 4 && (w[0] == 'a' || w[0] == 'e') && w[1] == 'l' && w[2] == '-' && w[3] >= 'A' &&
           w[3] <= 'Z';
}

/* A token that can be part of a name: capitalised word, no digits, not a
 * plural acronym ("POWs", "MPs"), not a word shouted in capitals
 * ("NOT"), not a weekday or month. */
static int name_token(const ng_mscan *s, uint32_t i)
{
    const ng_token *t = &s->tok[i];
    if (!(t->flags & NG_TOK_WORD))
        return 0;
    if (!(t->flags & NG_TOK_CAP))
        return article_prefixed(s, i);
    if (has_digit(s, i))
        return 0;
    size_t n = t->end - t->start;
    const char *w = s->text + t->start;
    if (!(t->flags & NG_TOK_ALLCAPS) && n >= 3 && w[n - 1] == 's' && w[n - 2] >= 'A' &&
        w[n - 2] <= 'Z')
        return 0;
    uint32_t c = s->cls[i];
    if ((t->flags & NG_TOK_ALLCAPS) && n > 2 && !(t->flags & NG_TOK_HEADLINE) &&
        (c & NG_GAZ_COMMON) && !(c & (NG_GAZ_INSTITUTION | NG_GAZ_PLACE)))
        return 0;
    return 1;
}

/* Never a name on its own: weekdays, months, pronouns, prepositions
 * ("Theresa May" is let through by the caller). An acronym written in
 * capitals that names an institution ("WHO") is not "who". */
static int nonname(const ng_mscan *s, uint32_t i)
{
    if (!(s->cls[i] & NG_GAZ_NONNAME))
        return 0;
    return !((s->tok[i].flags & NG_TOK_ALLCAPS) && (s->cls[i] & NG_GAZ_INSTITUTION) &&
             s->tok[i].end - s->tok[i].start >= 2);
}

/* Capital forced by position (see forced_capital in mentions_evidence.c). */
static int at_start(const ng_mscan *s, uint32_t i)
{
    if (s->tok[i].flags & (NG_TOK_SENT_START | NG_TOK_PARA_START))
        return 1;
    if (i == 0)
        return 1;
    const ng_token *p = &s->tok[i - 1];
    if (p->flags & NG_TOK_OPEN)
        return 1;
    return (p->flags & NG_TOK_PUNCT) && (s->text[p->start] == ':' || s->text[p->start] == '(');
}

static int contains_class(const ng_mscan *s, uint32_t b, uint32_t e, uint32_t cls)
{
    for (uint32_t i = b; i < e; i++)
        if (s->cls[i] & cls)
            return 1;
    return 0;
}

/* Participles and adverbs ("Following", "Asked", "Separately"). */
static int adverb_shape(const char *w, size_t n)
{
    return n > 4 && ((w[n - 3] == 'i' && w[n - 2] == 'n' && w[n - 1] == 'g') ||
                     (w[n - 2] == 'e' && w[n - 1] == 'd') || (w[n - 2] == 'l' && w[n - 1] == 'y'));
}

/* Is a word whose capital says nothing (sentence start, headline) a name?
 * Yes when the gazetteer knows it as one, or the document capitalises it
 * where it need not; no when it is an ordinary English word or the
 * document writes it in lowercase; otherwise (an unknown word) yes. */
static int credible(const ng_mscan *s, uint32_t i, uint32_t run_end)
{
    int more_follow = i + 1 < run_end;
    uint32_t c = s->cls[i], ev = ng_mscan_evidence(s, i);
    if (c & NG_GAZ_NONNAME)
        return 0;
    if (c & (NG_GAZ_PLACE | NG_GAZ_DEMONYM | NG_GAZ_INSTITUTION))
        return 1;
    const char *w = s->text + s->tok[i].start;
    size_t n = s->tok[i].end - s->tok[i].start;
    const char *h = memchr(w, '-', n);
    if (h && h + 1 < w + n && h[1] >= 'a' && h[1] <= 'z' &&
        (ng_gazetteer_classes(s->gaz, w, (size_t)(h - w)) & NG_GAZ_COMMON))
        return 0; /* "Ground-based", "Long-range" */
    if (ev & NG_EV_CAP_MID)
        return 1;
    if (c & (NG_GAZ_TITLE | NG_GAZ_ORG_HEAD))
        return more_follow; /* "President Trump", "Radio Free Asia" */
    if (c & NG_GAZ_GIVEN)
        return more_follow || !(c & NG_GAZ_COMMON);
    /* "Human Rights Watch", "National Intelligence Service" open a
     * sentence with an English word; "Following Russia's ..." does not
     * end in a head word, and participles and adverbs never start names. */
    if (more_follow && contains_class(s, i + 1, run_end, NG_GAZ_ORG_HEAD | NG_GAZ_PLACE_HEAD) &&
        !(ev & NG_EV_LOWER && !(c & NG_GAZ_COMMON)) && !adverb_shape(s->text + s->tok[i].start,
                                                                   s->tok[i].end - s->tok[i].start))
        return 1;
    if ((c & NG_GAZ_COMMON) || (ev & NG_EV_LOWER))
        return 0;
    return 1;
}


/* May the run [b, j) continue over the lowercase word at j to j + 1?
 * Particles always (between capitals); "of", "for", "and", "&" only in an
 * organisation name (an org head word before) or a title phrase
 * ("Secretary of State"); "the" right after such an "of". */
static int connector(const ng_mscan *s, uint32_t b, uint32_t j)
{
    if (s->cls[j] & NG_GAZ_PARTICLE)
        return !(s->tok[j].flags & NG_TOK_CAP);
    int org = contains_class(s, b, j, NG_GAZ_ORG_HEAD);
    if (ng_mscan_is(s, j, "of"))
        return org || (j == b + 1 && (s->cls[b] & NG_GAZ_PLACE_HEAD)) || (ng_mscan_phrase(s, j - 1, j + 1) & NG_GAZ_PREFIX);
    if (ng_mscan_is(s, j, "for"))
        return org;
    if (ng_mscan_is(s, j, "and") || ng_mscan_is(s, j, "&")) {
        for (uint32_t k = b; k < j; k++)
            if (ng_mscan_is(s, k, "of"))
                return org;
        /* "National Air and Space Museum": an org head right after */
        for (uint32_t k = j + 1; k < s->ntok && k < j + 4 && name_token(s, k); k++)
            if (s->cls[k] & NG_GAZ_ORG_HEAD)
                return !org;
        return 0;
    }
    if (ng_mscan_is(s, j, "the"))
        return j > b && (ng_mscan_is(s, j - 1, "of") || ng_mscan_is(s, j - 1, "for")) && org;
    return 0;
}

/* Context hints around a name [b, e) of sentence [sb, se). */
static int context_hint(const ng_mscan *s, uint32_t b, uint32_t e, uint32_t sb, uint32_t se)
{
    int hint = 0;
    if (b > sb) {
        uint32_t p = b - 1;
        if ((s->cls[p] & NG_GAZ_TITLE) && !(s->tok[p].flags & NG_TOK_CAP))
            hint |= NG_HINT_PERSON; /* "spokesman Dmitry Peskov" */
        if (ng_mscan_is(s, p, "the"))
            hint |= NG_HINT_THE;
        if (is_any(s, p, place_preps, sizeof place_preps / sizeof *place_preps))
            hint |= NG_HINT_PLACE;
    }
    if (e < se) {
        if (s->cls[e] & NG_GAZ_SPEECH)
            hint |= NG_HINT_SPEECH;
        if (is_any(s, e, place_nouns, sizeof place_nouns / sizeof *place_nouns))
            hint |= NG_HINT_PLACE;
        /* apposition: "Lee Seong-kweun, a lawmaker," */
        if (s->tok[e].flags & NG_TOK_PUNCT && s->text[s->tok[e].start] == ',')
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
static int place_form(const ng_mscan *s, uint32_t b, uint32_t e)
{
    uint32_t q = b;
    while (q + 1 < e && (s->cls[q] & NG_GAZ_PLACE_MOD))
        q++;
    if (q > b && (ng_mscan_phrase(s, q, e) & NG_GAZ_PLACE))
        return 1;
    if (e - b >= 2 && (s->cls[e - 1] & NG_GAZ_PLACE_HEAD))
        return 1;
    if (e - b >= 3 && (s->cls[b] & NG_GAZ_PLACE_HEAD) && ng_mscan_is(s, b + 1, "of"))
        return 1; /* "Republic of Tuva", "Gulf of Aden" */
    return e - b >= 2 && (ng_mscan_is(s, b, "mount") || ng_mscan_is(s, b, "lake") ||
                          ng_mscan_is(s, b, "cape") || ng_mscan_is(s, b, "camp"));
}

/* Types the name [b, e) by its form; NG_MTYPE_UNDECIDED leaves a lone
 * word to the second pass. */
static int form_type(const ng_mscan *s, uint32_t b, uint32_t e, int hint)
{
    uint32_t whole = ng_mscan_phrase(s, b, e);
    if (whole & NG_GAZ_INSTITUTION)
        return NG_TYPE_ORG;
    if (whole & NG_GAZ_PLACE)
        return NG_TYPE_PLACE;
    if (contains_class(s, b, e, NG_GAZ_ORG_HEAD) && !(hint & NG_HINT_PERSON))
        return NG_TYPE_ORG;
    if (place_form(s, b, e))
        return NG_TYPE_PLACE;
    if (hint & NG_HINT_PERSON)
        return NG_TYPE_PERSON;
    const ng_token *t = &s->tok[b];
    if (e == b + 1) {
        if (t->flags & NG_TOK_ALLCAPS && t->end - t->start >= 2)
            return NG_TYPE_ORG; /* acronym: places (U.S., UK) are caught above */
        return NG_MTYPE_UNDECIDED;
    }
    if (s->cls[b] & NG_GAZ_GIVEN)
        return NG_TYPE_PERSON;
    if (contains_class(s, b, e, NG_GAZ_PARTICLE))
        return NG_TYPE_PERSON;
    if (hint & NG_HINT_THE)
        return NG_TYPE_ORG;
    if (hint & NG_HINT_PLACE)
        return NG_TYPE_PLACE;
    if (hint & NG_HINT_SPEECH)
        return NG_TYPE_PERSON;
    /* People's names are rarely English words; "Grand Mosque", "Civic
     * Passion", "Human Rights Watch" are. */
    if (contains_class(s, b, e, NG_GAZ_COMMON) || e - b > 3)
        return NG_TYPE_ORG;
    return NG_TYPE_PERSON;
}

/* End of the last title phrase in [b, e) that a name follows ("Pentagon
 * Press Secretary Peter Cook" -> after "Press Secretary"), with its start
 * in *tstart; 0 when there is none. Known multi-word places are stepped
 * over ("Saint Petersburg"), and a title followed by an organisation
 * head is part of that organisation ("General Staff"). */
static uint32_t last_title(const ng_mscan *s, uint32_t b, uint32_t e, uint32_t *tstart)
{
    uint32_t end = 0;
    for (uint32_t q = b; q < e;) {
        uint32_t cls = 0;
        uint32_t n = ng_mscan_longest(s, q, e, NG_GAZ_PLACE | NG_GAZ_INSTITUTION, NULL);
        if (n >= 2) {
            q += n;
            continue;
        }
        n = ng_mscan_longest(s, q, e, NG_GAZ_TITLE, &cls);
        if (n && q + n < e && !contains_class(s, q + n, e, NG_GAZ_ORG_HEAD | NG_GAZ_PLACE_HEAD)) {
            end = q + n;
            *tstart = q;
            q += n;
            continue;
        }
        q++;
    }
    return end;
}

/* Emits the known places, demonyms, institutions and acronyms in front
 * of a title ("U.S. President", "Kremlin spokesman", "FCO Minister"). */
static int title_prefix(ng_mscan *s, uint32_t b, uint32_t e)
{
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

/* An event, law, work or era rather than an actor: "First World War",
 * "Operation Inherent Resolve", "Nobel Prize". */
static int misc_name(const ng_mscan *s, uint32_t b, uint32_t e)
{
    if (e - b >= 2 && (s->cls[e - 1] & NG_GAZ_MISC_HEAD) &&
        (e - b >= 3 || !(s->cls[b] & NG_GAZ_GIVEN) || (s->cls[b] & NG_GAZ_COMMON)) &&
        !contains_class(s, b, e, NG_GAZ_ORG_HEAD))
        return 1; /* not "Doris Day" */
    return e - b >= 2 && ng_mscan_is(s, b, "operation");
}

/* Splits a run of name tokens [b, e) into mentions: titles are dropped
 * (and make what follows a person), demonyms and known places in front
 * become mentions of their own, the rest is one name. */
/* "U.S.-led", "ISIL-held", "Russian-backed": a name before a hyphen and a
 * lowercase word is a modifier; the mention is the part before the
 * hyphen, when that part is a known place, demonym, institution or an
 * acronym. Returns 1 when the token was of that shape (handled). */
static int hyphen_modifier(ng_mscan *s, uint32_t i, int *rc)
{
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
    *rc = 0;
    if (type >= 0 && !(*rc = ng_mscan_add(s, i, i + 1, type, kind, 0)))
        s->cand[s->ncand - 1].cut_end = t->start + (uint32_t)cut;
    return 1;
}

static int segment(ng_mscan *s, uint32_t b, uint32_t e, uint32_t sb, uint32_t se)
{
    int hint = context_hint(s, b, e, sb, se), rc = 0;
    if (misc_name(s, b, e))
        return 0;
    if (e == b + 1 && hyphen_modifier(s, b, &rc))
        return rc;
    uint32_t q = b, tstart = 0;
    uint32_t t = last_title(s, b, e, &tstart);
    if (t) {
        int rc = title_prefix(s, b, tstart);
        if (rc)
            return rc;
        hint |= NG_HINT_PERSON;
        q = t;
    }
    /* "NASA Bill Ingalls" (a credit): an acronym, then a person */
    if (!t && e - q >= 3 && (s->tok[q].flags & NG_TOK_ALLCAPS) && s->tok[q].end - s->tok[q].start >= 2 &&
        !(s->cls[q] & NG_GAZ_PLACE) && (s->cls[q + 1] & NG_GAZ_GIVEN) &&
        !contains_class(s, q + 1, e, NG_GAZ_ORG_HEAD)) {
        int rc = ng_mscan_add(s, q, q + 1, NG_TYPE_ORG, NG_KIND_NAME, 0);
        if (rc)
            return rc;
        q++;
    }
    while (!t && q < e) {
        uint32_t cls = 0;
        uint32_t n = ng_mscan_longest(s, q, e, NG_GAZ_DEMONYM | NG_GAZ_PLACE | NG_GAZ_INSTITUTION, &cls);
        if (n == 0 || q + n == e)
            break;
        if (contains_class(s, q + n, e, NG_GAZ_ORG_HEAD) || place_form(s, q, e))
            break; /* "Russian Academy of Sciences", "Moscow Times", "Black Sea" */
        if (n == 1 && (s->cls[q] & NG_GAZ_GIVEN) &&
            !(s->cls[q + 1] & (NG_GAZ_PLACE | NG_GAZ_DEMONYM | NG_GAZ_GIVEN)))
            break; /* "Florence Garrard", "Georgia Meloni" */
        int rc;
        if ((cls & NG_GAZ_DEMONYM) && !(cls & NG_GAZ_PLACE))
            rc = ng_mscan_add(s, q, q + n, NG_TYPE_PLACE, NG_KIND_DEMONYM, 0);
        else
            rc = ng_mscan_add(s, q, q + n, (cls & NG_GAZ_PLACE) ? NG_TYPE_PLACE : NG_TYPE_ORG,
                              NG_KIND_NAME, 0);
        if (rc)
            return rc;
        hint &= ~(NG_HINT_THE | NG_HINT_PLACE);
        q += n;
    }
    uint32_t all = ng_mscan_phrase(s, q, e);
    if ((all & NG_GAZ_TITLE) && !(all & (NG_GAZ_PLACE | NG_GAZ_INSTITUTION)))
        return 0; /* a title alone: "the President said", "Foreign Secretary" */
    /* "NASA Administrator", "Museum of Flight CEO": a title closing the
     * run belongs to a name that follows elsewhere; keep what precedes. */
    while (e - q >= 2 && (s->cls[e - 1] & NG_GAZ_TITLE) && !(s->cls[e - 1] & NG_GAZ_ORG_HEAD))
        e--;
    if (q >= e)
        return 0;
    uint32_t whole = ng_mscan_phrase(s, q, e);
    if ((whole & NG_GAZ_TITLE) && !(whole & (NG_GAZ_PLACE | NG_GAZ_INSTITUTION)))
        return 0; /* a title alone: "the President said", "Prime Minister" */
    if ((whole & NG_GAZ_DEMONYM) && !(whole & NG_GAZ_PLACE))
        return ng_mscan_add(s, q, e, NG_TYPE_PLACE, NG_KIND_DEMONYM, 0);
    if (q + 1 == e && ((whole & (NG_GAZ_NONNAME | NG_GAZ_PLACE_MOD)) ||
                       s->tok[q].end - s->tok[q].start == 1))
        return 0; /* "Monday", "the North", "N" */
    if (q + 1 == e && (s->cls[q] & NG_GAZ_COMMON) && (ng_mscan_evidence(s, q) & NG_EV_LOWER) &&
        !(s->cls[q] & (NG_GAZ_PLACE | NG_GAZ_GIVEN | NG_GAZ_INSTITUTION)) &&
        !(s->tok[q].flags & NG_TOK_ALLCAPS))
        return 0; /* a common word the text also writes in lowercase: "In", "Match" */
    return ng_mscan_add(s, q, e, form_type(s, q, e, hint), NG_KIND_NAME, hint);
}

/* In a headline every word is capitalised: keep only the words that are
 * names on their own evidence, and cut the run at the others. */
static int headline_run(ng_mscan *s, uint32_t b, uint32_t e, uint32_t sb, uint32_t se)
{
    uint32_t q = b;
    while (q < e) {
        while (q < e && !credible(s, q, q + 1) &&
               !ng_mscan_longest(s, q, e, NG_GAZ_PLACE | NG_GAZ_DEMONYM | NG_GAZ_INSTITUTION, NULL))
            q++;
        uint32_t r = q;
        while (r < e) {
            uint32_t n = ng_mscan_longest(s, r, e, NG_GAZ_PLACE | NG_GAZ_DEMONYM | NG_GAZ_INSTITUTION, NULL);
            if (n)
                r += n;
            else if (credible(s, r, r + 1))
                r++;
            else
                break;
        }
        if (r > q) {
            int rc = segment(s, q, r, sb, se);
            if (rc)
                return rc;
        }
        q = r;
    }
    return 0;
}

/* Finds the name runs of one sentence. */
static int scan_sentence(ng_mscan *s, uint32_t sb, uint32_t se)
{
    uint32_t i = sb;
    while (i < se) {
        if (!name_token(s, i) || nonname(s, i)) {
            i++;
            continue;
        }
        uint32_t j = i + 1;
        for (;;) {
            if (j < se && name_token(s, j) &&
                (!nonname(s, j) || ((s->cls[j - 1] & NG_GAZ_GIVEN) && (s->cls[j] & NG_GAZ_GIVEN)))) {
                j++;
                continue;
            }
            /* "Workers' Party": a plural possessive inside an organisation name */
            if (j + 1 < se && (s->tok[j].flags & NG_TOK_POSSESSIVE) &&
                s->text[s->tok[j].end - 1] != 's' && s->text[s->tok[j].end - 1] != 'S' &&
                name_token(s, j + 1) && (s->cls[j + 1] & NG_GAZ_ORG_HEAD)) {
                j += 2;
                continue;
            }
            /* up to two connectors ("von der", "of the") before a capital */
            uint32_t k = j;
            while (k < se && k < j + 2 && !(s->tok[k].flags & NG_TOK_CAP) &&
                   (s->tok[k].flags & NG_TOK_WORD) && connector(s, i, k))
                k++;
            if (k > j && k < se && name_token(s, k)) {
                j = k + 1;
                continue;
            }
            break;
        }
        uint32_t b = i;
        /* a capital forced by position counts only on evidence */
        while (b < j && at_start(s, b) && !(s->tok[b].flags & NG_TOK_HEADLINE) &&
               !credible(s, b, j) &&
               !ng_mscan_longest(s, b, j, NG_GAZ_PLACE | NG_GAZ_DEMONYM | NG_GAZ_INSTITUTION, NULL))
            b++;
        while (b < j && (!name_token(s, b) || ng_mscan_is(s, b, "the") || ng_mscan_is(s, b, "a") ||
                         ng_mscan_is(s, b, "an")))
            b++; /* never start on a connector or an article ("The Hague" aside) */
        int rc = 0;
        if (b < j)
            rc = (s->tok[b].flags & NG_TOK_HEADLINE) ? headline_run(s, b, j, sb, se)
                                                     : segment(s, b, j, sb, se);
        if (rc)
            return rc;
        i = j;
    }
    return ng_mscan_descriptors(s, sb, se);
}

/* Records what typed multi-word names say about their words. */
static void note_types(ng_mscan *s)
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
        if (c->te - c->tb >= 2 && c->type == NG_TYPE_PERSON)
            ng_mscan_note(s, c->te - 1, NG_EV_PERSON_END);
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

/* Returns the type, or -1 when the lone word is better left out: an
 * adjective or plural of peoples, a head word alone ("River", "War"), or
 * an English word nothing marks as a name. */
static int lone_type(const ng_mscan *s, const ng_cand *c)
{
    uint32_t i = c->tb, ev = ng_mscan_evidence(s, i), cls = s->cls[i];
    const ng_token *t = &s->tok[i];
    int marked = (ev & (NG_EV_PERSON | NG_EV_ORG | NG_EV_PLACE)) ||
                 (c->hint & (NG_HINT_PERSON | NG_HINT_SPEECH | NG_HINT_PLACE));
    if (!marked && !(t->flags & NG_TOK_ALLCAPS)) {
        if ((cls & (NG_GAZ_PLACE_HEAD | NG_GAZ_MISC_HEAD)) && !(cls & NG_GAZ_ORG_HEAD))
            return -1;
        if (!(cls & NG_GAZ_GIVEN) && adjective_shape(s->text + t->start, t->end - t->start))
            return -1;
        if ((cls & NG_GAZ_COMMON) && !(cls & (NG_GAZ_ORG_HEAD | NG_GAZ_GIVEN)) && !(c->hint & NG_HINT_THE))
            return -1;
    }
    if (ev & NG_EV_PERSON_END)
        return NG_TYPE_PERSON;
    if (ev & NG_EV_ORG_START)
        return NG_TYPE_ORG;
    if (c->hint & NG_HINT_PERSON)
        return NG_TYPE_PERSON;
    if (!(ev & (NG_EV_PERSON | NG_EV_ORG)) && !(cls & (NG_GAZ_GIVEN | NG_GAZ_COMMON)) &&
        ng_gazetteer_place_near(s->gaz, s->text + t->start, t->end - t->start))
        return NG_TYPE_PLACE; /* "Souel" */
    if (c->hint & NG_HINT_PLACE)
        return NG_TYPE_PLACE;
    if (c->hint & NG_HINT_THE)
        return NG_TYPE_ORG;
    if (ev & NG_EV_PERSON)
        return NG_TYPE_PERSON;
    if (ev & NG_EV_ORG)
        return NG_TYPE_ORG;
    if ((c->hint & NG_HINT_SPEECH) || (cls & NG_GAZ_GIVEN))
        return NG_TYPE_PERSON;
    return NG_TYPE_ORG;
}

static int cand_cmp(const void *a, const void *b)
{
    const ng_cand *x = a, *y = b;
    if (x->tb != y->tb)
        return x->tb < y->tb ? -1 : 1;
    return x->te < y->te ? -1 : x->te > y->te;
}

int ng_mentions_find(const ng_gazetteer *gaz, ng_extraction *ex, ng_error *err)
{
    ng_mscan s;
    int rc = ng_mscan_init(&s, gaz, ex);
    if (rc)
        goto cleanup;
    for (size_t k = 0; k < ex->text.nsentences; k++) {
        const ng_sentence *st = &ex->text.sentences[k];
        if ((rc = scan_sentence(&s, st->tok_begin, st->tok_end)))
            goto cleanup;
    }
    note_types(&s);
    qsort(s.cand, s.ncand, sizeof *s.cand, cand_cmp);
    for (size_t k = 0; k < s.ncand; k++) {
        ng_cand *c = &s.cand[k];
        if (c->type == NG_MTYPE_UNDECIDED) {
            int type = lone_type(&s, c);
            if (type < 0)
                continue;
            c->type = (uint8_t)type;
        }
        ng_mention m = {s.tok[c->tb].start, c->cut_end ? c->cut_end : s.tok[c->te - 1].end,
                        s.tok[c->tb].sentence,
                        c->type, c->kind, -1};
        if ((rc = ng_extraction_add_mention(ex, &m)) < 0)
            goto cleanup;
    }
    rc = 0;
cleanup:
    ng_mscan_free(&s);
    if (rc < 0)
        ng_error_set(err, rc, "%s: out of memory finding mentions", ex->doc->path);
    return rc;
}
