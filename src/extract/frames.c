/* frames.c - the attribution rules for one speech cue: who said what.
 *
 * The rules read like a reader's: find the speech cues of a sentence
 * (lexicon data/cues.tsv), find each cue's subject (speakers.c), then look
 * at what follows the cue to decide what was said:
 *   "...," Peskov said          the quotation before the subject
 *   Peskov declared: "..."      the quotation after a colon or a comma
 *   Peskov said (that) ...      the reported clause after the cue
 *   ..., the agency said.       the clause before the subject
 *   X declined to comment on Y  the topic after the cue
 *   according to X, ...         the speaker after the cue
 * Quotations no cue claims inherit the speaker of the statement in the
 * same sentence or just before them (a quote that goes on after "he
 * said"); short ones (scare quotes) and titles never become statements.
 * Each statement is about the actors mentioned in what was said and in
 * the rest of the cue's sentence, never its speaker or its source. */
#include "attrib.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- what follows the cue ------------------------------------------------ */

enum frame_kind { F_NONE, F_THAT, F_COLON, F_QUOTE, F_END, F_CLAUSE };

typedef struct frame {
    int kind;
    uint32_t at; /* F_THAT/F_COLON/F_CLAUSE: first content token; F_QUOTE: the opening mark */
} frame;

static int word_is(const ng_attr *a, uint32_t i, const char *w)
{
    size_t n = strlen(w);
    return (a->tok[i].flags & NG_TOK_WORD) && a->tok[i].end - a->tok[i].start == n &&
           !strncasecmp(a->t + a->tok[i].start, w, n);
}

static int opens_quote(const ng_attr *a, uint32_t i)
{
    int32_t q = a->in_quote[i];
    return q >= 0 && a->quotes.v[q].open_tok == i;
}

/* Skips an adjunct after a cue: "on Monday", "in a video statement",
 * "on his X account". Returns the token after it. */
static uint32_t skip_pp(const ng_attr *a, uint32_t i, uint32_t hi)
{
    i++; /* the preposition */
    if (i < hi && a->in_quote[i] >= 0 && a->quotes.v[a->in_quote[i]].open_tok == i) {
        /* on "The Internet Explorer 6 Countdown": a quoted name, not speech */
        const ng_quote *q = &a->quotes.v[a->in_quote[i]];
        return q->closed ? q->close_tok + 1 : q->close_tok;
    }
    if (i < hi && ((ng_lex(a, i)->classes & NG_WC_GAP) || (a->tok[i].flags & NG_TOK_DIGIT)) &&
        !(ng_lex(a, i)->classes & NG_WC_DET)) {
        /* a time phrase ends at its last time word: "said on Monday Russia ..." */
        while (i < hi && a->mention_at[i] < 0 &&
               ((ng_lex(a, i)->classes & NG_WC_GAP) || (a->tok[i].flags & NG_TOK_DIGIT) ||
                (a->tok[i].flags & NG_TOK_ABBREV) || ng_tok_is(a, i, ',')) &&
               !(i + 1 < hi && ng_tok_is(a, i, ',') && !(a->tok[i + 1].flags & NG_TOK_DIGIT)))
            i++;
        return i;
    }
    for (int n = 0; i < hi && n < 7; n++, i++) {
        if (!(a->tok[i].flags & (NG_TOK_WORD | NG_TOK_POSSESSIVE)) || word_is(a, i, "that") ||
            a->in_quote[i] >= 0)
            return i;
        if ((ng_lex(a, i)->classes & NG_WC_PREP) && n > 0)
            return i;
    }
    return i;
}

/* Skips the addressee after "told": an optional article, then one
 * mention or a run of addressee words ("reporters", "the press"). */
static uint32_t skip_addressee(const ng_attr *a, uint32_t i, uint32_t hi)
{
    uint32_t j = i;
    if (j < hi && a->mention_at[j] < 0 && (ng_lex(a, j)->classes & NG_WC_DET) &&
        (ng_lex(a, j)->classes & NG_WC_ADDRESSEE))
        j++;
    if (j < hi && a->in_quote[j] < 0 && a->mention_at[j] >= 0) {
        int32_t m = a->mention_at[j];
        while (j < hi && a->mention_at[j] == m)
            j++;
        return j;
    }
    uint32_t k = j;
    while (k < hi && k - j < 3 && a->mention_at[k] < 0 && a->in_quote[k] < 0 &&
           (ng_lex(a, k)->classes & NG_WC_ADDRESSEE) && !(ng_lex(a, k)->classes & NG_WC_DET))
        k++;
    return k > j ? k : i;
}

/* Classifies what follows position r (after the cue, or after an
 * inverted subject) up to the end of the sentence at hi. */
static frame frame_right(const ng_attr *a, const ng_cue *cue, uint32_t r, uint32_t hi)
{
    frame f = {F_END, r};
    uint32_t i = r;
    if (cue->frames & NG_CUE_TELL) /* "told reporters", "told the BBC": one addressee */
        i = skip_addressee(a, i, hi);
    for (int steps = 0; steps < 24 && i < hi; steps++) {
        if (opens_quote(a, i)) {
            f.kind = F_QUOTE;
            f.at = i;
            return f;
        }
        if (ng_tok_is(a, i, ':')) {
            f.kind = i + 1 < hi && opens_quote(a, i + 1) ? F_QUOTE : F_COLON;
            f.at = i + 1;
            return f;
        }
        if (ng_tok_is(a, i, ',')) {
            if (i + 1 < hi && opens_quote(a, i + 1)) {
                f.kind = F_QUOTE;
                f.at = i + 1;
                return f;
            }
            if (i + 1 < hi && (ng_lex(a, i + 1)->classes & NG_WC_OPENER)) {
                /* ", in the evening," */
                uint32_t j = i + 1;
                while (j < hi && j - i < 12 && !ng_tok_is(a, j, ',') && a->in_quote[j] < 0)
                    j++;
                if (j < hi && ng_tok_is(a, j, ',')) {
                    if (j + 1 < hi && opens_quote(a, j + 1)) {
                        f.kind = F_QUOTE;
                        f.at = j + 1;
                        return f;
                    }
                    if (j + 1 < hi && word_is(a, j + 1, "that")) {
                        f.kind = F_THAT;
                        f.at = j + 2;
                        return f;
                    }
                }
            }
            f.kind = F_END;
            f.at = i;
            return f;
        }
        if (!(a->tok[i].flags & NG_TOK_WORD)) {
            f.kind = F_END;
            f.at = i;
            return f;
        }
        if (word_is(a, i, "that")) {
            f.kind = F_THAT;
            f.at = i + 1;
            return f;
        }
        if (a->mention_at[i] < 0 && (ng_lex(a, i)->classes & NG_WC_PREP)) {
            i = skip_pp(a, i, hi);
            continue;
        }
        if (a->mention_at[i] < 0 && (ng_lex(a, i)->classes & NG_WC_GAP) &&
            !(ng_lex(a, i)->classes & NG_WC_DET)) {
            i++;
            continue;
        }
        if (ng_lex(a, i)->classes & NG_WC_BOUNDARY) { /* "the man said when asked ..." */
            f.kind = F_END;
            f.at = i;
            return f;
        }
        f.kind = F_CLAUSE;
        f.at = i;
        return f;
    }
    f.at = i;
    return f;
}

/* ---- one cue ------------------------------------------------------------- */

/* Does the subject found on the left read as passive ("was accused of")? */
static int passive_before(const ng_attr *a, const cue_hit *h)
{
    uint32_t from = h->subj.found ? h->subj.np_end : h->b;
    for (uint32_t i = from; i < h->b; i++)
        if (ng_lex(a, i)->classes & NG_WC_BE)
            return 1;
    return h->b > 0 && (ng_lex(a, h->b - 1)->classes & NG_WC_BE);
}

/* The token where cue h's own words begin, for cutting the clause of an
 * earlier cue in the same sentence ("NIS said ..., Yonhap reported"). */
static uint32_t left_edge(const cue_hit *h)
{
    return h->subj.found && !h->inverted ? h->subj.edge : h->b;
}

/* Does hit h start a clause of its own (a subject that names someone)?
 * "scientific notes and findings" has a cue word but no speaker. */
static int starts_clause(const cue_hit *h)
{
    return h->ok && (h->borrow || h->inverted || (h->cue->frames & NG_CUE_PREP) ||
                     (h->subj.found && (h->subj.head_mention >= 0 ||
                                        h->subj.pronoun_tok != NG_NO_TOK)));
}

/* End of a reported clause starting at token j of the sentence's hits[k]. */
static uint32_t clause_end(const cue_hit *hits, size_t nhits, size_t k, uint32_t j, uint32_t hi)
{
    for (size_t n = k + 1; n < nhits; n++)
        if (starts_clause(&hits[n]) && left_edge(&hits[n]) > j)
            return left_edge(&hits[n]);
    return hi;
}

/* The quote whose closing mark stands right before token i (skipping a
 * comma outside the marks), or -1. */
static int32_t quote_before(const ng_attr *a, uint32_t i, uint32_t lo)
{
    if (i > lo && ng_tok_is(a, i - 1, ','))
        i--;
    if (i <= lo)
        return -1;
    int32_t q = a->in_quote[i - 1];
    if (q >= 0 && a->quotes.v[q].closed && a->quotes.v[q].close_tok == i - 1)
        return q;
    return -1;
}

static void handle_according(ng_attr *a, const ng_sentence *sn, cue_hit *hits, size_t nhits,
                             size_t k)
{
    cue_hit *h = &hits[k];
    uint32_t lo = sn->tok_begin, hi = sn->tok_end;
    ng_subject_according(a, h->e, hi, &h->subj);
    h->inverted = 1;
    if (!h->subj.found)
        return;
    uint32_t after = h->subj.np_end;
    if (after + 1 < hi && ng_tok_is(a, after, ',') && (ng_lex(a, after + 1)->classes & NG_WC_OPENER)) {
        /* "According to Kyiv and its allies, who estimated ..., troops entered" */
        uint32_t j = after + 1;
        while (j < hi && j - after < 16 && !ng_tok_is(a, j, ','))
            j++;
        if (j < hi)
            after = j;
    }
    /* "According to X, ..." and "... has learned that according to X, ...":
     * the clause follows; "..., according to X." : it comes first */
    int leading = 1;
    for (uint32_t i = lo; i < h->b; i++)
        if (!(ng_lex(a, i)->classes & NG_WC_GAP) && !ng_tok_is(a, i, ','))
            leading = 0;
    if (h->b > lo && (word_is(a, h->b - 1, "that") || ng_tok_is(a, h->b - 1, ':')))
        leading = 1;
    /* "According to Peskov, “...”", "in the words of X, QC, “...”" */
    for (uint32_t j = after, n = 0; j < hi && n < 4; j++, n++)
        if (opens_quote(a, j)) {
            ng_attr_direct(a, h, a->in_quote[j]);
            return;
        } else if (!ng_tok_is(a, j, ',') && !(a->tok[j].flags & NG_TOK_ALLCAPS)) {
            break;
        }
    if (leading && after < hi) {
        uint32_t from = ng_tok_is(a, after, ',') ? after + 1 : after;
        ng_attr_reported(a, h, from, clause_end(hits, nhits, k, from, hi), NG_NO_TOK);
    } else if (h->b > lo) {
        uint32_t end = h->b;
        int32_t q = quote_before(a, end, lo);
        if (q >= 0 && a->quotes.v[q].open_tok <= lo + 1)
            ng_attr_direct(a, h, q);
        else
            ng_attr_reported(a, h, lo, end, NG_NO_TOK);
    }
}

/* Where the words of cue h begin on the left: its subject, or the cue. */
static uint32_t subject_start(const cue_hit *h)
{
    return h->inverted ? h->b : (h->subj.found ? h->subj.np_begin : h->b);
}

/* A quotation opens after the cue (f.at): “...,” Peskov said, “...” (split),
 * Peskov declared: “...”, said, “...”. Returns 1 when it was attributed;
 * 0 when it is a fragment inside a clause ("said he was “ready” to"). */
static int quote_after_cue(ng_attr *a, cue_hit *h, uint32_t lo, uint32_t hi, uint32_t r,
                           const frame *f)
{
    int32_t q = a->in_quote[f->at];
    const ng_quote *qq = &a->quotes.v[q];
    int32_t q0 = quote_before(a, subject_start(h), lo);
    if (q0 >= 0 && f->at > r && ng_tok_is(a, f->at - 1, ','))
        ng_attr_direct(a, h, q0); /* the first half of a split quote */
    int marked = f->at > r && (ng_tok_is(a, f->at - 1, ',') || ng_tok_is(a, f->at - 1, ':'));
    int capital = qq->open_tok + 1 < a->tx->ntokens && (a->tok[qq->open_tok + 1].flags & NG_TOK_CAP);
    uint32_t nwords = 0;
    for (uint32_t i = qq->open_tok + 1; i < qq->close_tok && nwords < 4; i++)
        nwords += (a->tok[i].flags & NG_TOK_WORD) != 0;
    if (marked || (capital && (!qq->closed || qq->close_tok + 2 >= hi)) ||
        (f->at == r && nwords >= 4)) {
        ng_attr_direct(a, h, q);
        return 1;
    }
    return 0;
}

/* "told Sky News any process “must be well thought out”: “Moves to ...”":
 * a colon and a quotation end the clause; both are attributed. */
static int colon_quote_in_clause(ng_attr *a, cue_hit *h, uint32_t lo, uint32_t from, uint32_t end)
{
    for (uint32_t i = from; i + 1 < end; i++)
        if (ng_tok_is(a, i, ':') && opens_quote(a, i + 1) && a->in_quote[i] < 0) {
            if (h->cue->frames & (NG_CUE_CLAUSE | NG_CUE_NP | NG_CUE_THAT))
                ng_attr_reported(a, h, from, i, lo);
            if (h->cue->frames & NG_CUE_QUOTE)
                ng_attr_direct(a, h, a->in_quote[i + 1]);
            return 1;
        }
    return 0;
}

/* The cue ends its clause (f is F_END): what was said stands before it. */
static void said_before_cue(ng_attr *a, const ng_sentence *sn, cue_hit *hits, size_t nhits,
                            size_t k, const frame *f)
{
    cue_hit *h = &hits[k];
    uint32_t lo = sn->tok_begin, hi = sn->tok_end;
    /* "As Heald told The Huffington Post, US surface ozone has dropped" */
    if (!h->inverted && h->subj.found && h->subj.np_begin == lo + 1 && word_is(a, lo, "as") &&
        f->at + 1 < hi && ng_tok_is(a, f->at, ',')) {
        ng_attr_reported(a, h, f->at + 1, clause_end(hits, nhits, k, f->at + 1, hi), NG_NO_TOK);
        return;
    }
    uint32_t before = subject_start(h);
    int32_t q = quote_before(a, before, lo);
    if (q >= 0 && (h->cue->frames & NG_CUE_QUOTE)) {
        ng_attr_direct(a, h, q);
        /* split quote: “We cannot comment,” Peskov said, “we do not know.” */
        if (f->at + 1 < hi && ng_tok_is(a, f->at, ',') && opens_quote(a, f->at + 1))
            ng_attr_direct(a, h, a->in_quote[f->at + 1]);
        return;
    }
    int closes = f->at >= hi || !(a->tok[f->at].flags & NG_TOK_WORD);
    if (closes && before > lo + 1 && ng_tok_is(a, before - 1, ',')) {
        /* "..., the agency said." (not "Asked about X, Y said of Z: ...") */
        ng_attr_reported(a, h, lo, before - 1, NG_NO_TOK);
    } else if (f->at < hi && (a->tok[f->at].flags & NG_TOK_WORD) &&
               (h->cue->frames & NG_CUE_CLAUSE) &&
               (h->subj.head_mention >= 0 || h->subj.pronoun_tok != NG_NO_TOK)) {
        /* "Heald said although ..., “nobody has looked at these together”" */
        ng_attr_reported(a, h, f->at, clause_end(hits, nhits, k, f->at, hi), lo);
    }
}

void ng_attr_cue(ng_attr *a, const ng_sentence *sn, cue_hit *hits, size_t nhits, size_t k)
{
    cue_hit *h = &hits[k];
    const ng_cue *cue = h->cue;
    uint32_t lo = sn->tok_begin, hi = sn->tok_end;
    if (!h->ok)
        return;
    if (cue->frames & NG_CUE_PREP) {
        handle_according(a, sn, hits, nhits, k);
        return;
    }
    if (h->subj.negated && !(cue->frames & NG_CUE_TOPIC))
        return; /* "Moscow has neither denied nor confirmed" */
    if (!(cue->frames & NG_CUE_PASSIVE) && passive_before(a, h))
        return; /* "Pyongyang was accused of ...": no speaker in the sentence */
    uint32_t r = h->inverted ? h->subj.np_end : h->e;
    if (cue->frames & NG_CUE_TOPIC) {
        ng_attr_reported(a, h, r, clause_end(hits, nhits, k, r, hi), lo);
        return;
    }
    frame f = frame_right(a, cue, r, hi);
    if (f.kind == F_QUOTE && (cue->frames & NG_CUE_QUOTE)) {
        if (quote_after_cue(a, h, lo, hi, r, &f))
            return;
        f.kind = F_CLAUSE; /* "said he was “ready” to ..." */
    }
    if (f.kind == F_CLAUSE && (cue->frames & NG_CUE_QUOTE)) {
        /* "“...,” said Bolden to the gathered crowd which ...": the
         * quotation before the cue, whatever adjuncts follow */
        int32_t q0 = quote_before(a, subject_start(h), lo);
        if (q0 >= 0) {
            ng_attr_direct(a, h, q0);
            return;
        }
    }
    uint32_t from = f.at;
    uint32_t end = from < hi ? clause_end(hits, nhits, k, from, hi) : hi;
    switch (f.kind) {
    case F_THAT:
        if (colon_quote_in_clause(a, h, lo, from, end))
            return;
        /* fall through */
    case F_COLON:
        if (from < hi)
            ng_attr_reported(a, h, from, end, lo);
        return;
    case F_CLAUSE:
    case F_QUOTE:
        if (colon_quote_in_clause(a, h, lo, from, end))
            return;
        if (cue->frames & (NG_CUE_CLAUSE | NG_CUE_NP))
            ng_attr_reported(a, h, from, end, lo);
        return;
    default:
        said_before_cue(a, sn, hits, nhits, k, &f);
    }
}
