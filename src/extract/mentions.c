/* mentions.c - finds the people, organisations and places a news article
 * names (ng_mentions_find, stages.h).
 *
 * The rules follow how news is written rather than who is in the news:
 *   1. a name is a run of capitalised words, joined by particles ("von
 *      der", "bin"), regnal numbers ("II") and, inside organisation names,
 *      by "of"/"for"/"and" and possessives ("Workers' Party");
 *   2. a capital forced by the start of a sentence, a quote or a headline
 *      proves nothing: such a word counts only when the gazetteer knows it
 *      as a name, the document capitalises it elsewhere too, or it is not
 *      an English word at all ("According", "Following" are);
 *   3. titles ("President", "Gen.", "Kremlin spokesman", "Secretary of
 *      State") are cut out of the run and make what follows a person;
 *      demonyms and known places in front ("Ukrainian", "U.S.") become
 *      mentions of their own, unless an organisation head word makes the
 *      whole run one name ("Russian Academy of Sciences");
 *   4. the type comes from the name's form and context (mentions_type.c);
 *      a lone word is typed last, once the whole document has said what
 *      its multi-word names are (a lone "Peskov" after "Dmitry Peskov" is
 *      a person), by the names it is listed with and by the majority of
 *      its other uses; acronyms defined in parentheses take the type of
 *      their expansion;
 *   5. events, laws and works ("First World War") are not actors, and a
 *      capitalised unknown word close to a known place is a typo of it
 *      ("Souel"; see ng_gazetteer_place_near).
 * Candidates are collected per document in ng_mscan (mentions.h), typed in
 * a second pass and then appended to the extraction sorted by start.
 * Descriptors ("the Kremlin spokesman") are found in mentions_desc.c,
 * titles and hyphenated tokens cut in mentions_parts.c, lone words typed
 * in mentions_lone.c; the word lists the rules read are in
 * mentions_words.c. */
#include "mentions.h"

#include "newsgraph/error.h"

#include <stdlib.h>
#include <string.h>

static int has_digit(const ng_mscan *s, uint32_t i)
{
    /* bounds in locals: the text is char, which may alias the tokens */
    const char *w = s->text + s->tok[i].start;
    size_t n = s->tok[i].end - s->tok[i].start;
    if (n <= 8 && s->wid[i]) {
        /* the whole word is in the folded head of its entry (folding
         * leaves digits alone; the padding is zero): all bytes at once */
        const uint64_t ones = 0x0101010101010101u;
        uint64_t x = s->words[s->wid[i]].head;
        uint64_t low7 = x & (0x7f * ones);
        uint64_t ge_0 = low7 + (0x80 - '0') * ones;     /* high bit: byte >= '0' */
        uint64_t gt_9 = low7 + (0x80 - '9' - 1) * ones; /* high bit: byte > '9' */
        return (ge_0 & ~gt_9 & ~x & (0x80 * ones)) != 0;
    }
    for (size_t k = 0; k < n; k++)
        if (w[k] >= '0' && w[k] <= '9')
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

/* An English word in capitals is shouted ("NOT", "UNLESS") unless it is
 * used like a name: owning something or after "of" ("DAB's Starry Lee",
 * "Ann Chiang of DAB"), and never written in lowercase. */
static int acronym_use(const ng_mscan *s, uint32_t i)
{
    if (ng_mscan_evidence(s, i) & NG_EV_LOWER)
        return 0;
    if (i + 1 < s->ntok && (s->tok[i + 1].flags & NG_TOK_POSSESSIVE))
        return 1;
    return i > 0 && s->tok[i - 1].sentence == s->tok[i].sentence && ng_mscan_is(s, i - 1, "of");
}

/* A token that can be part of a name: capitalised word, no digits, not a
 * plural acronym ("POWs", "MPs"), not a word shouted in capitals
 * ("NOT"), not a weekday or month. */
#if defined(__GNUC__)
#define NG_NOINLINE __attribute__((noinline))
#else
#define NG_NOINLINE
#endif
static NG_NOINLINE int name_token_cap(const ng_mscan *s, uint32_t i)
{
    const ng_token *t = &s->tok[i];
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
        return acronym_use(s, i);
    return 1;
}

/* The test of name_token_cap for capitalised words; the others (most
 * tokens) are decided here, inline, in the scan's loops. */
static inline int name_token(const ng_mscan *s, uint32_t i)
{
    uint32_t f = s->tok[i].flags;
    if (!(f & NG_TOK_WORD))
        return 0;
    if (!(f & NG_TOK_CAP))
        return article_prefixed(s, i);
    return name_token_cap(s, i);
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

/* A regnal number after a name: "Elizabeth II", "Thutmose III", "Mojmír I". */
static int regnal(const ng_mscan *s, uint32_t i)
{
    const ng_token *t = &s->tok[i];
    size_t n = t->end - t->start;
    if (n > 4 || !(t->flags & NG_TOK_ALLCAPS))
        return 0;
    for (size_t k = 0; k < n; k++)
        if (!strchr("IVX", s->text[t->start + k]))
            return 0;
    return 1;
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
    if (nonname(s, i))
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
    if (more_follow && ng_mscan_has_class(s, i + 1, run_end, NG_GAZ_ORG_HEAD | NG_GAZ_PLACE_HEAD) &&
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
    int org = ng_mscan_has_class(s, b, j, NG_GAZ_ORG_HEAD);
    /* "Secretary of State", "Minister of Education", "Minister for ..." */
    int title = (s->cls[j - 1] & NG_GAZ_TITLE) &&
                (ng_mscan_phrase(s, j - 1, j + 1) & (NG_GAZ_TITLE | NG_GAZ_PREFIX));
    if (ng_mscan_is(s, j, "of"))
        return org || title || (s->cls[j - 1] & NG_GAZ_PLACE_HEAD) ||
               (ng_mscan_phrase(s, j - 1, j + 1) & NG_GAZ_PREFIX);
    if (ng_mscan_is(s, j, "for"))
        return org || title;
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

/* Splits a run of name tokens [b, e) into mentions: titles are dropped
 * (and make what follows a person), demonyms and known places in front
 * become mentions of their own, the rest is one name. */
static int segment(ng_mscan *s, uint32_t b, uint32_t e, uint32_t sb, uint32_t se)
{
    int rc = 0;
    /* "the Democratic-controlled Legislature": the modifier on its own */
    if (e > b + 1 && ng_mscan_modifier_token(s, b)) {
        if (ng_mscan_hyphen_modifier(s, b, &rc) && rc)
            return rc;
        b++;
    }
    int hint = ng_mscan_context(s, b, e, sb, se);
    if (ng_mscan_misc(s, b, e)) {
        /* "FIFA World Cup", "UEFA Europa League": the acronym in front organises it */
        const ng_token *t = &s->tok[b];
        if (e - b >= 3 && (t->flags & NG_TOK_ALLCAPS) && !(t->flags & NG_TOK_ABBREV) &&
            t->end - t->start >= 2 && !(s->cls[b] & (NG_GAZ_PLACE | NG_GAZ_DEMONYM | NG_GAZ_NONNAME)))
            return ng_mscan_add(s, b, b + 1, NG_TYPE_ORG, NG_KIND_NAME, 0);
        return 0;
    }
    if (e == b + 1 && (ng_mscan_hyphen_pair(s, b, &rc) || ng_mscan_hyphen_modifier(s, b, &rc)))
        return rc;
    uint32_t q = b, tstart = 0;
    uint32_t t = ng_mscan_last_title(s, b, e, &tstart);
    if (t) {
        int rc = ng_mscan_title_prefix(s, b, tstart);
        if (rc)
            return rc;
        hint |= NG_HINT_PERSON;
        q = t;
    }
    /* "NASA Bill Ingalls" (a credit): an acronym, then a person */
    if (!t && e - q >= 3 && (s->tok[q].flags & NG_TOK_ALLCAPS) && s->tok[q].end - s->tok[q].start >= 2 &&
        !(s->cls[q] & NG_GAZ_PLACE) && (s->cls[q + 1] & NG_GAZ_GIVEN) &&
        !ng_mscan_has_class(s, q + 1, e, NG_GAZ_ORG_HEAD)) {
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
        if (ng_mscan_has_class(s, q + n, e, NG_GAZ_ORG_HEAD) || ng_mscan_place_form(s, q, e))
            break; /* "Russian Academy of Sciences", "Moscow Times", "Black Sea" */
        /* "British Red Cross" is one name; "South Korean Yonhap" is two */
        if ((cls & NG_GAZ_DEMONYM) && !(cls & NG_GAZ_PLACE) && e - (q + n) >= 2 &&
            (ng_mscan_phrase(s, q + n, e) & NG_GAZ_INSTITUTION))
            return ng_mscan_add(s, q, e, NG_TYPE_ORG, NG_KIND_NAME, hint);
        if (n == 1 && (s->cls[q] & (NG_GAZ_ORG_HEAD | NG_GAZ_PLACE_HEAD)) &&
            (ng_mscan_is(s, q + 1, "of") || ng_mscan_is(s, q + 1, "for")))
            break; /* "Centre for Policy Studies": a head word, not the region */
        if (q + n + 1 == e && (s->cls[e - 1] & NG_GAZ_COMMON) &&
            !(s->cls[e - 1] & (NG_GAZ_PLACE | NG_GAZ_GIVEN | NG_GAZ_TITLE | NG_GAZ_DEMONYM | NG_GAZ_NONNAME)))
            break; /* "Manchester United", "Russia Today": one name */
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
    for (uint32_t k = q + 1; k < e; k++) {
        uint32_t tail = ng_mscan_phrase(s, k, e);
        if ((tail & NG_GAZ_TITLE) && !(s->cls[e - 1] & NG_GAZ_ORG_HEAD)) {
            e = k; /* "Pentagon Press Secretary" -> "Pentagon" */
            break;
        }
    }
    if (q >= e)
        return 0;
    uint32_t whole = ng_mscan_phrase(s, q, e);
    if ((whole & NG_GAZ_TITLE) && !(whole & (NG_GAZ_PLACE | NG_GAZ_INSTITUTION)))
        return 0; /* a title alone: "the President said", "Prime Minister" */
    if ((whole & NG_GAZ_DEMONYM) && !(whole & NG_GAZ_PLACE))
        return ng_mscan_add(s, q, e, NG_TYPE_PLACE, NG_KIND_DEMONYM, 0);
    /* "Native American", "Sudeten German farmers", "Early Modern Spanish":
     * no name of a person, organisation or place ends in a demonym
     * adjective; the demonym stays one */
    if (e - q >= 2 && (s->cls[e - 1] & NG_GAZ_DEMONYM) && !(s->cls[e - 1] & NG_GAZ_PLACE) &&
        !(whole & (NG_GAZ_PLACE | NG_GAZ_INSTITUTION)) && !(s->cls[q] & NG_GAZ_GIVEN) &&
        !ng_mscan_has_class(s, q, e - 1, NG_GAZ_ORG_HEAD))
        return ng_mscan_add(s, e - 1, e, NG_TYPE_PLACE, NG_KIND_DEMONYM, 0);
    if (q + 1 == e && (nonname(s, q) || (whole & NG_GAZ_PLACE_MOD) ||
                       s->tok[q].end - s->tok[q].start == 1))
        return 0; /* "Monday", "the North", "N" */
    /* "the Church" after "Church of Scientology": decided with the
     * document's other names (ng_mscan_lone_type) */
    if (q + 1 == e && (s->cls[q] & NG_GAZ_ORG_HEAD) && (s->cls[q] & NG_GAZ_COMMON) && (hint & NG_HINT_THE) &&
        (ng_mscan_evidence(s, q) & NG_EV_LOWER) && !(s->tok[q].flags & NG_TOK_ALLCAPS) && !at_start(s, q))
        return ng_mscan_add(s, q, e, NG_MTYPE_UNDECIDED, NG_KIND_NAME, hint);
    if (q + 1 == e && (s->cls[q] & NG_GAZ_COMMON) && (ng_mscan_evidence(s, q) & NG_EV_LOWER) &&
        !(s->cls[q] & (NG_GAZ_PLACE | NG_GAZ_GIVEN | NG_GAZ_INSTITUTION)) &&
        !(s->tok[q].flags & NG_TOK_ALLCAPS))
        return 0; /* a common word the text also writes in lowercase: "In", "Match" */
    return ng_mscan_add(s, q, e, ng_mscan_form_type(s, q, e, hint), NG_KIND_NAME, hint);
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

/* A headline line in sentence case ("Hackers attack Church of
 * Scientology website") has lowercase words Title Case would have
 * capitalised: its capitals after the first word are real. */
static int sentence_case(const ng_mscan *s, uint32_t sb, uint32_t se)
{
    uint32_t words = 0, lower = 0;
    for (uint32_t k = sb + 1; k < se; k++) {
        const ng_token *t = &s->tok[k];
        if (!(t->flags & NG_TOK_WORD) || (t->flags & NG_TOK_DIGIT) || t->end - t->start < 4)
            continue;
        words++;
        if (t->flags & NG_TOK_CAP)
            continue;
        lower += !ng_mscan_in(s, k, NG_ML_TITLE_CASE_LOWER); /* "with", "between" */
    }
    /* one stray lowercase word is a list of labels ("Categories: ...
     * Politics and conflicts"), not a sentence */
    return lower >= 2 && lower * 4 >= words;
}

/* The first token of [i, se) that may start a name run: a capitalised
 * word, or an article-prefixed one ("al-Assad"). Most tokens are not;
 * this loop passes over them with its state in registers (in the big
 * loop of scan_sentence the index lived on the stack). */
static inline uint32_t next_name_start(const ng_mscan *s, uint32_t i, uint32_t se)
{
    const ng_token *tok = s->tok;
    for (; i < se; i++) {
        uint32_t f = tok[i].flags;
        if ((f & NG_TOK_WORD) && ((f & NG_TOK_CAP) || article_prefixed(s, i)))
            break;
    }
    return i;
}

/* Finds the name runs of one sentence. */
static int scan_sentence(ng_mscan *s, uint32_t sb, uint32_t se)
{
    uint32_t i = sb;
    int title_case = (s->tok[sb].flags & NG_TOK_HEADLINE) && !sentence_case(s, sb, se);
    while (i < se) {
        if ((i = next_name_start(s, i, se)) == se)
            break;
        if (!name_token(s, i) || nonname(s, i)) {
            i++;
            continue;
        }
        uint32_t j = i + 1;
        for (;;) {
            if (j < se && name_token(s, j) &&
                (!nonname(s, j) || ((s->cls[j - 1] & NG_GAZ_GIVEN) && (s->cls[j] & NG_GAZ_GIVEN)) ||
                 regnal(s, j))) {
                j++;
                continue;
            }
            /* "Workers' Party", "People's Liberation Army": a possessive of an
             * English word inside an organisation name (not "Russia's Army") */
            if (j + 1 < se && (s->tok[j].flags & NG_TOK_POSSESSIVE) && name_token(s, j + 1) &&
                (s->cls[j - 1] & NG_GAZ_COMMON) &&
                !(s->cls[j - 1] & (NG_GAZ_PLACE | NG_GAZ_GIVEN | NG_GAZ_INSTITUTION)) &&
                ((s->cls[j + 1] & NG_GAZ_ORG_HEAD) ||
                 (j + 2 < se && name_token(s, j + 2) && (s->cls[j + 2] & NG_GAZ_ORG_HEAD)))) {
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
        while (b < j && at_start(s, b) && !title_case &&
               !credible(s, b, j) &&
               !ng_mscan_longest(s, b, j, NG_GAZ_PLACE | NG_GAZ_DEMONYM | NG_GAZ_INSTITUTION, NULL))
            b++;
        while (b < j && (!name_token(s, b) || ng_mscan_is(s, b, "the") || ng_mscan_is(s, b, "a") ||
                         ng_mscan_is(s, b, "an")) &&
               !(ng_mscan_is(s, b, "the") && ng_mscan_longest(s, b, j, NG_GAZ_PLACE, NULL) >= 2))
            b++; /* never start on a connector or an article ("The Hague" aside) */
        /* "de Gaulle said", "van Gogh's": a particle opens a surname */
        if (b < j && b > sb && (s->cls[b - 1] & NG_GAZ_PARTICLE) &&
            !(s->tok[b - 1].flags & NG_TOK_CAP) && !(s->cls[b] & (NG_GAZ_PLACE | NG_GAZ_INSTITUTION)) &&
            (b - 1 >= i || b - 1 == sb || !name_token(s, b - 2) ||
             (at_start(s, b - 2) && !credible(s, b - 2, b - 1))) &&
            !ng_mscan_is(s, b - 1, "al") &&
            !ng_mscan_is(s, b - 1, "y") && !ng_mscan_is(s, b - 1, "el"))
            b--;
        int rc = 0;
        if (b < j)
            rc = title_case ? headline_run(s, b, j, sb, se)
                                                     : segment(s, b, j, sb, se);
        if (rc)
            return rc;
        i = j;
    }
    return ng_mscan_descriptors(s, sb, se);
}

static int cand_cmp(const void *a, const void *b)
{
    const ng_cand *x = a, *y = b;
    if (x->tb != y->tb)
        return x->tb < y->tb ? -1 : 1;
    if (x->cut_start != y->cut_start) /* parts of one token ("UK-France") */
        return x->cut_start < y->cut_start ? -1 : 1;
    if (x->te != y->te)
        return x->te < y->te ? -1 : 1;
    return x->kind < y->kind ? -1 : x->kind > y->kind; /* deterministic */
}

/* Sorts the candidates by cand_cmp, keeping equal ones in the order they
 * were found (as glibc's merge sort did). They come almost in order (the
 * scan goes left to right; descriptors and parts come a little late), so
 * insertion moves few of them. */
static void sort_candidates(ng_cand *c, size_t n)
{
    for (size_t k = 1; k < n; k++) {
        if (cand_cmp(&c[k - 1], &c[k]) <= 0)
            continue;
        ng_cand x = c[k];
        size_t j = k;
        while (j > 0 && cand_cmp(&c[j - 1], &x) > 0) {
            c[j] = c[j - 1];
            j--;
        }
        c[j] = x;
    }
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
    ng_mscan_note_types(&s);
    sort_candidates(s.cand, s.ncand);
    ng_mscan_define_acronyms(&s);
    ng_mscan_type_lone_words(&s);
    for (size_t k = 0; k < s.ncand; k++) {
        ng_cand *c = &s.cand[k];
        if (c->type == NG_MTYPE_UNDECIDED)
            continue; /* left out */
        ng_mention m = {c->cut_start ? c->cut_start : s.tok[c->tb].start,
                        c->cut_end ? c->cut_end : s.tok[c->te - 1].end,
                        s.tok[c->tb].sentence,
                        c->type, c->kind, -1};
        if ((rc = ng_extraction_add_mention(ex, &m)) < 0)
            goto cleanup;
    }
    /* the attribution stage reads the words by number (statements.c) */
    ng_extraction_keep_word_ids(ex, s.wid, s.ntok, (uint32_t)s.nwords);
    rc = 0;
cleanup:
    ng_mscan_free(&s);
    if (rc < 0)
        ng_error_set(err, rc, "%s: out of memory finding mentions", ex->doc->path);
    return rc;
}
