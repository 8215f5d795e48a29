/* speakers.c - who is speaking: the subject noun phrase next to a cue and
 * the entity it names.
 *
 * The subject of "Kremlin spokesman Dmitry Peskov on Monday told
 * reporters" is found by walking left from the cue over words that may
 * stand between a subject and its verb (adverbs, auxiliaries, time
 * phrases, a comma parenthetical such as ", citing officials,"), then
 * taking the noun phrase that ends there; its last word (the head) names
 * the speaker when a mention covers it. A descriptor head the resolver
 * could not bind ("a senior official") leaves the speaker unresolved:
 * the rules never guess. Pronoun heads are resolved in pronouns.c. */
#include "attrib.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/types.h>

#define NP_MAX 8      /* words in a subject noun phrase */
#define PAREN_MAX 16  /* tokens in a comma parenthetical */


static int is_word(const ng_attr *a, uint32_t i)
{
    return (a->tok[i].flags & NG_TOK_WORD) != 0;
}

static int is_quote_mark(const ng_attr *a, uint32_t i)
{
    return (a->tok[i].flags & (NG_TOK_DQUOTE | NG_TOK_SQUOTE)) != 0;
}

static uint32_t first_tok_of_mention(const ng_attr *a, int32_t m, uint32_t from)
{
    uint32_t i = from;
    while (i > 0 && a->mention_at[i - 1] == m)
        i--;
    return i;
}

/* Words whose mention is a possessive modifier or part of the same phrase
 * are part of the subject: "South Korea's Yonhap News Agency". */
static int np_word(const ng_attr *a, uint32_t i)
{
    const ng_token *k = &a->tok[i];
    if (k->flags & NG_TOK_POSSESSIVE)
        return 1;
    if (!(k->flags & NG_TOK_WORD))
        return ng_tok_is(a, i, '-');
    if (a->mention_at[i] >= 0)
        return 1;
    if (ng_lex(a, i)->classes & (NG_WC_BOUNDARY | NG_WC_NEG))
        return 0;
    if (ng_lex(a, i)->cue && !(k->flags & NG_TOK_CAP))
        return 0; /* a verb: "since kyiv accused" stops at "accused" */
    return 1;
}

/* Collects "X and Y", "X, Y and Z" co-subjects on the left of np_begin. */
static void coordination_left(const ng_attr *a, uint32_t lo, ng_subject *s)
{
    uint32_t i = s->np_begin;
    int seen_and = 0;
    while (i > lo + 1 && s->nmore < 4) {
        uint32_t sep = i - 1;
        int is_and = is_word(a, sep) && a->tok[sep].end - a->tok[sep].start == 3 &&
                     !strncmp(a->t + a->tok[sep].start, "and", 3);
        if (!is_and && !(seen_and && ng_tok_is(a, sep, ',')))
            break;
        seen_and |= is_and;
        uint32_t j = sep - 1;
        int32_t m = a->mention_at[j];
        if (m < 0 || a->in_quote[j] >= 0)
            break;
        s->more[s->nmore++] = m;
        i = first_tok_of_mention(a, m, j);
        if (i > lo && is_word(a, i - 1) && a->tok[i - 1].end - a->tok[i - 1].start == 3 &&
            !strncasecmp(a->t + a->tok[i - 1].start, "the", 3))
            i--;
        s->np_begin = i;
    }
}

/* From the head token at np_end - 1, extends the phrase to the left. */
static void np_extend_left(const ng_attr *a, uint32_t lo, ng_subject *s)
{
    uint32_t i = s->np_end - 1, n = 0;
    while (i > lo && n < NP_MAX && a->in_quote[i - 1] < 0 && np_word(a, i - 1)) {
        i--;
        n++;
    }
    s->np_begin = i;
}

/* The last resolved organisation name inside descriptor mention d, or -1
 * (mentions are sorted by start; nested ones follow d). */
static int32_t name_inside(const ng_attr *a, int32_t d)
{
    const ng_extraction *ex = a->ex;
    int32_t best = -1;
    size_t from = (size_t)d;
    while (from > 0 && ex->mentions[from - 1].start >= ex->mentions[d].start)
        from--;
    for (size_t m = from; m < ex->nmentions; m++) {
        const ng_mention *mm = &ex->mentions[m];
        if (mm->start >= ex->mentions[d].end)
            break;
        if ((int32_t)m != d && mm->start >= ex->mentions[d].start && mm->end <= ex->mentions[d].end &&
            mm->kind == NG_KIND_NAME && mm->type == NG_TYPE_ORG && mm->entity >= 0)
            best = (int32_t)m;
    }
    return best;
}

static void set_head(const ng_attr *a, uint32_t head, ng_subject *s)
{
    s->found = 1;
    s->np_end = head + 1;
    s->head_mention = a->mention_at[head];
    if (s->head_mention < 0 && (ng_lex(a, head)->classes & NG_WC_PRONOUN))
        s->pronoun_tok = head;
}

/* "Professor Cres Eastman, Director of the study, and Chairman of the
 * Centre, says": a name that opens the sentence, followed by descriptions
 * between commas up to the cue. */
static int subject_at_start(const ng_attr *a, uint32_t lo, uint32_t i, ng_subject *s)
{
    for (uint32_t c = i; c > lo + 1 && i - c < 48; c--) {
        if (is_quote_mark(a, c))
            return 0;
        if (!ng_tok_is(a, c, ','))
            continue;
        int32_t m = a->mention_at[c - 1];
        if (m < 0 || a->ex->mentions[m].kind != NG_KIND_NAME ||
            a->ex->mentions[m].type == NG_TYPE_PLACE)
            continue;
        ng_subject t = *s;
        set_head(a, c - 1, &t);
        np_extend_left(a, lo, &t);
        if (t.np_begin == lo) {
            *s = t;
            s->edge = s->np_begin;
            return 1;
        }
    }
    return 0;
}

/* "Lydia Buchtmann for Food Standards Australia, says": the person, not
 * the organisation she speaks for. */
static void affiliation(const ng_attr *a, uint32_t lo, ng_subject *s)
{
    uint32_t b = s->np_begin;
    if (b < lo + 2 || !is_word(a, b - 1))
        return;
    const char *w = a->t + a->tok[b - 1].start;
    size_t n = a->tok[b - 1].end - a->tok[b - 1].start;
    if (!((n == 3 && !strncmp(w, "for", 3)) || (n == 2 && !strncmp(w, "of", 2)) ||
          (n == 2 && !strncmp(w, "at", 2))))
        return;
    int32_t m = a->mention_at[b - 2];
    if (m < 0 || a->ex->mentions[m].type != NG_TYPE_PERSON ||
        a->ex->mentions[m].kind != NG_KIND_NAME)
        return;
    set_head(a, b - 2, s);
    np_extend_left(a, lo, s);
}

void ng_subject_left(const ng_attr *a, uint32_t cue, ng_subject *s)
{
    const ng_sentence *sn = &a->tx->sentences[a->tok[cue].sentence];
    uint32_t lo = sn->tok_begin;
    memset(s, 0, sizeof *s);
    s->head_mention = -1;
    s->pronoun_tok = NG_NO_TOK;
    uint32_t k = cue;
    while (k > lo) {
        uint32_t i = k - 1;
        if (a->in_quote[i] >= 0)
            return;
        if (is_word(a, i) && a->mention_at[i] < 0 &&
            ((ng_lex(a, i)->classes & (NG_WC_GAP | NG_WC_NEG)) || (a->tok[i].flags & NG_TOK_DIGIT))) {
            s->negated |= (ng_lex(a, i)->classes & NG_WC_NEG) != 0;
            k = i;
            continue;
        }
        if (ng_tok_is(a, i, ')')) {
            /* "The World Health Organisation (WHO) recommends" */
            uint32_t o = i;
            while (o > lo && i - o < 8 && !ng_tok_is(a, o, '('))
                o--;
            if (ng_tok_is(a, o, '(') && o > lo) {
                k = o;
                continue;
            }
            return;
        }
        if (ng_tok_is(a, i, ',')) {
            /* a parenthetical ", in a post on X," / ", citing Y," is skipped;
             * an appositive ", Volodymyr Zelenskiy," is the subject itself */
            uint32_t p = i;
            while (p > lo && i - p < PAREN_MAX && !ng_tok_is(a, p - 1, ',') &&
                   !is_quote_mark(a, p - 1))
                p--;
            if (p <= lo || !ng_tok_is(a, p - 1, ',')) {
                /* "The firm Secunia.com, has said": a name right before the comma */
                int32_t m = i > lo ? a->mention_at[i - 1] : -1;
                if (m >= 0 && a->ex->mentions[m].kind == NG_KIND_NAME &&
                    a->ex->mentions[m].type != NG_TYPE_PLACE && i - 1 > lo) {
                    set_head(a, i - 1, s);
                    np_extend_left(a, lo, s);
                    affiliation(a, lo, s);
                    s->edge = s->np_begin;
                }
                return;
            }
            int32_t before = p >= lo + 2 ? a->mention_at[p - 2] : -1;
            if (before >= 0 && a->ex->mentions[before].kind == NG_KIND_NAME &&
                a->ex->mentions[before].type != NG_TYPE_PLACE) {
                /* "Paul Dewar, an Ottawa MP, said", "Zelenskiy, in a post on X, said" */
                set_head(a, p - 2, s);
                np_extend_left(a, lo, s);
                s->edge = s->np_begin;
                return;
            }
            if ((ng_lex(a, p)->classes & (NG_WC_OPENER | NG_WC_DET)) ||
                (a->tok[p].flags & NG_TOK_DIGIT)) {
                k = p - 1;
                continue;
            }
            int32_t m = i > 0 ? a->mention_at[i - 1] : -1;
            if (m >= 0 && first_tok_of_mention(a, m, i - 1) == p) {
                set_head(a, i - 1, s);
                s->np_begin = p;
                if (p - 1 > lo) { /* "Ukraine's President, ..." belongs to it */
                    ng_subject t = *s;
                    t.np_end = p - 1;
                    np_extend_left(a, lo, &t);
                    s->np_begin = t.np_begin;
                }
                s->edge = s->np_begin;
                return;
            }
            subject_at_start(a, lo, i, s);
            return;
        }
        break;
    }
    if (k <= lo || !is_word(a, k - 1))
        return;
    if (ng_lex(a, k - 1)->classes & NG_WC_BOUNDARY) {
        /* "... Volodymyr Zelensky who said": the relative's antecedent */
        uint32_t ante = k - 1 > lo && ng_tok_is(a, k - 2, ',') ? k - 2 : k - 1;
        int32_t m = ante > lo ? a->mention_at[ante - 1] : -1;
        if (m >= 0 && a->ex->mentions[m].type == NG_TYPE_PERSON &&
            a->tok[k - 1].end - a->tok[k - 1].start == 3 &&
            !strncasecmp(a->t + a->tok[k - 1].start, "who", 3)) {
            set_head(a, ante - 1, s);
            s->np_begin = first_tok_of_mention(a, m, ante - 1);
            s->edge = k - 1;
        }
        return;
    }
    set_head(a, k - 1, s);
    np_extend_left(a, lo, s);
    if ((s->head_mention < 0 || a->ex->mentions[s->head_mention].entity < 0) &&
        s->pronoun_tok == NG_NO_TOK) {
        /* "the Yonhap news agency": an organisation's name before common nouns */
        uint32_t i = s->np_end - 1;
        while (i > s->np_begin && is_word(a, i - 1) && !(a->tok[i - 1].flags & NG_TOK_CAP) &&
               (a->mention_at[i - 1] < 0 ||
                a->ex->mentions[a->mention_at[i - 1]].kind == NG_KIND_DESCRIPTOR))
            i--;
        int32_t m = i > s->np_begin ? a->mention_at[i - 1] : -1;
        if (m >= 0 && a->ex->mentions[m].kind == NG_KIND_DESCRIPTOR)
            m = name_inside(a, m); /* "the Yonhap news agency" as one descriptor */
        if (m >= 0 && a->ex->mentions[m].kind == NG_KIND_NAME &&
            a->ex->mentions[m].type == NG_TYPE_ORG && a->ex->mentions[m].entity >= 0)
            s->head_mention = m;
    }
    uint32_t head = s->np_end - 1;
    if (s->head_mention < 0 && s->pronoun_tok == NG_NO_TOK && (ng_lex(a, head)->classes & NG_WC_DOCNOUN) &&
        head > s->np_begin) {
        /* "Cornyn's statement added", "The Home Office letter reads": its author */
        uint32_t j = head - 1;
        if ((a->tok[j].flags & NG_TOK_POSSESSIVE) && j > s->np_begin)
            j--;
        int32_t m = a->mention_at[j];
        if (m >= 0 && a->ex->mentions[m].kind == NG_KIND_NAME &&
            a->ex->mentions[m].type != NG_TYPE_PLACE && a->ex->mentions[m].entity >= 0)
            s->head_mention = m;
    }
    for (uint32_t i = s->np_begin; i < s->np_end; i++)
        if (ng_lex(a, i)->classes & NG_WC_NEG)
            s->negated = 1;
    if (s->np_begin > lo && ng_lex(a, s->np_begin - 1)->classes & NG_WC_NEG)
        s->negated = 1; /* "neither Moscow nor ..." */
    coordination_left(a, lo, s);
    if (s->np_begin > lo && (ng_lex(a, s->np_begin - 1)->classes & NG_WC_NEG))
        s->negated = 1;
    s->edge = s->np_begin;
}

void ng_subject_right(const ng_attr *a, uint32_t pos, ng_subject *s)
{
    const ng_sentence *sn = &a->tx->sentences[a->tok[pos < a->tx->ntokens ? pos : pos - 1].sentence];
    uint32_t hi = sn->tok_end, i = pos, n = 0;
    int32_t last_name = -1, last_any = -1;
    uint32_t last_name_tok = 0, last_any_tok = 0;
    memset(s, 0, sizeof *s);
    s->head_mention = -1;
    s->pronoun_tok = NG_NO_TOK;
    if (pos >= hi || a->in_quote[pos] >= 0)
        return;
    if (is_word(a, pos) && (ng_lex(a, pos)->classes & NG_WC_PRONOUN) && a->mention_at[pos] < 0) {
        s->found = 1;
        s->np_begin = pos;
        s->np_end = pos + 1;
        s->pronoun_tok = pos;
        return;
    }
    while (i < hi && n < NP_MAX + 4 && a->in_quote[i] < 0) {
        int32_t m = a->mention_at[i];
        if (m < 0) {
            int is_and = is_word(a, i) && a->tok[i].end - a->tok[i].start == 3 &&
                         !strncmp(a->t + a->tok[i].start, "and", 3);
            if (!is_and && !np_word(a, i))
                break;
            if (is_word(a, i) && (ng_lex(a, i)->classes & NG_WC_PREP) &&
                !(a->tok[i].flags & NG_TOK_CAP))
                break;
        } else {
            if (last_any >= 0 && m != last_any && s->nmore < 4)
                s->more[s->nmore++] = last_any; /* "the U.S. and South Korea" */
            last_any = m;
            last_any_tok = i;
            if (a->ex->mentions[m].kind == NG_KIND_NAME) {
                last_name = m;
                last_name_tok = i;
            }
        }
        i++;
        n++;
    }
    if (i == pos)
        return;
    s->found = 1;
    s->np_begin = pos;
    s->np_end = i;
    /* "said Kremlin spokesman Dmitry Peskov": the last name is the speaker */
    if (last_any >= 0) {
        s->head_mention = last_any;
        if (last_name >= 0 && last_name != last_any && last_name_tok + 3 >= last_any_tok)
            s->head_mention = last_name;
        /* co-speakers exclude the head */
        uint32_t w = 0;
        for (uint32_t j = 0; j < s->nmore; j++)
            if (s->more[j] != s->head_mention &&
                a->ex->mentions[s->more[j]].entity != a->ex->mentions[s->head_mention].entity)
                s->more[w++] = s->more[j];
        s->nmore = w;
    }
}

/* The speaker after "according to": "Afghan Ambassador to the United
 * States Hamdullah Mohib,", "the team's coach, Alireza Mehraban,",
 * "Kyiv and its western allies,", or a bare "Rathbun" before the clause.
 * np_end is the comma that closes the phrase, or the end of the name. */
void ng_subject_according(const ng_attr *a, uint32_t pos, uint32_t hi, ng_subject *s)
{
    memset(s, 0, sizeof *s);
    s->head_mention = -1;
    s->pronoun_tok = NG_NO_TOK;
    if (pos >= hi)
        return;
    if (is_word(a, pos) && (ng_lex(a, pos)->classes & NG_WC_PRONOUN) && a->mention_at[pos] < 0) {
        s->found = 1;
        s->np_begin = pos;
        s->np_end = pos + 1;
        s->pronoun_tok = pos;
        return;
    }
    uint32_t c = pos;
    while (c < hi && c - pos < 14 && !ng_tok_is(a, c, ',') && a->in_quote[c] < 0)
        c++;
    if (c >= hi || !ng_tok_is(a, c, ',')) {
        for (uint32_t i = pos; i < hi && i < pos + 4; i++) {
            int32_t m = a->mention_at[i];
            if (m < 0)
                continue;
            uint32_t j = i;
            while (j < hi && a->mention_at[j] == m)
                j++;
            s->found = 1;
            s->np_begin = pos;
            s->np_end = j;
            s->head_mention = m;
            if (j + 1 < hi && is_word(a, j) && a->tok[j].end - a->tok[j].start == 3 &&
                !strncmp(a->t + a->tok[j].start, "and", 3) && a->mention_at[j + 1] >= 0) {
                /* "according to the U.S. and South Korea" */
                int32_t m2 = a->mention_at[j + 1];
                s->more[s->nmore++] = m2;
                for (j = j + 1; j < hi && a->mention_at[j] == m2;)
                    j++;
                s->np_end = j;
            }
            return;
        }
        return;
    }
    int coordinated = 0;
    int32_t prev = -1;
    for (uint32_t i = pos; i < c; i++) {
        coordinated |= is_word(a, i) && a->tok[i].end - a->tok[i].start == 3 &&
                       !strncmp(a->t + a->tok[i].start, "and", 3);
        int32_t m = a->mention_at[i];
        if (m < 0 || m == prev)
            continue;
        prev = m;
        if (a->ex->mentions[m].kind == NG_KIND_DEMONYM || a->ex->mentions[m].entity < 0)
            continue;
        if (s->head_mention >= 0 && s->nmore < 4)
            s->more[s->nmore++] = s->head_mention;
        s->head_mention = m;
    }
    if (!coordinated)
        s->nmore = 0;
    if (s->head_mention >= 0 && a->ex->mentions[s->head_mention].type == NG_TYPE_PLACE) {
        /* "a senior U.S. official": a place before a common noun only modifies it */
        uint32_t j = c;
        while (j > pos && a->mention_at[j - 1] != s->head_mention)
            j--;
        if (j < c) {
            s->head_mention = -1;
            s->nmore = 0;
        }
    }
    if (c + 1 < hi && a->mention_at[c + 1] >= 0 &&
        a->ex->mentions[a->mention_at[c + 1]].type == NG_TYPE_PERSON &&
        (s->head_mention < 0 || a->ex->mentions[s->head_mention].type != NG_TYPE_PERSON)) {
        /* "the Afghan team's coach, Alireza Mehraban," */
        int32_t m = a->mention_at[c + 1];
        uint32_t j = c + 1;
        while (j < hi && a->mention_at[j] == m)
            j++;
        if (j < hi && ng_tok_is(a, j, ',')) {
            s->head_mention = m;
            s->nmore = 0;
            c = j;
        }
    }
    s->found = 1;
    s->np_begin = pos;
    s->np_end = c;
}
