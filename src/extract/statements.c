/* statements.c - who said what about whom, for one document
 * (ng_statements_find of stages.h).
 *
 * The pass reads like the job: look every word up in the cue lexicon
 * once, pair the quotation marks (quotes.c), then per sentence find the
 * speech cues and their subjects (speakers.c) and let the rules of
 * frames.c decide what each cue attributes (emit.c writes it). Quotations
 * no cue claimed are handled last: a quote that continues a speaker's
 * words inherits the speaker; scare quotes and titles are dropped.
 * Everything is linear in the document: per-token arrays, at most one
 * hash probe per word (only for words the rules ask about), bounded
 * look-arounds. */
#include "attrib.h"

#include <stdlib.h>
#include <string.h>

#define HITS_MAX 64 /* cues in one sentence */

/* The cue of a quotation signed "- Name". */
static const ng_cue dash_cue = {"-", "said", NG_CUE_QUOTE, 1};

/* n rounded up to a multiple of 16, so that arrays carved one after the
 * other out of one malloc'd block stay aligned. */
static size_t round16(size_t n) { return (n + 15) & ~(size_t)15; }

static uint32_t sent_of(const ng_attr *a, uint32_t tok)
{
    return a->tok[tok].sentence;
}

static uint32_t para_of(const ng_attr *a, uint32_t tok)
{
    return a->tx->sentences[a->tok[tok].sentence].para;
}

/* Marks each token with the mention that covers it (mentions are sorted). */
static void map_mentions(ng_attr *a)
{
    const ng_extraction *ex = a->ex;
    size_t n = a->tx->ntokens, t = 0;
    for (size_t i = 0; i < n; i++)
        a->mention_at[i] = -1;
    for (size_t m = 0; m < ex->nmentions; m++) {
        const ng_mention *mm = &ex->mentions[m];
        /* the first token ending after the mention's start is the same
         * from any t (token ends ascend): jump to its sentence first */
        if (mm->sentence < a->tx->nsentences && t < a->tx->sentences[mm->sentence].tok_begin)
            t = a->tx->sentences[mm->sentence].tok_begin;
        while (t > 0 && a->tok[t - 1].end > mm->start)
            t--; /* overlapping mentions: step back a little */
        while (t < n && a->tok[t].end <= mm->start)
            t++;
        for (size_t k = t; k < n && a->tok[k].start < mm->end; k++)
            if (a->mention_at[k] < 0 || mm->end - mm->start >
                    ex->mentions[a->mention_at[k]].end - ex->mentions[a->mention_at[k]].start)
                a->mention_at[k] = (int32_t)m;
    }
}

/* Words are looked up on first use (ng_lex), once per distinct word when
 * mention finding numbered them; other tokens have no record. */
static void map_lexicon(ng_attr *a, uint32_t nwords)
{
    static const ng_word_info none = {0, 0, NULL, 0};
    if (a->wid) {
        a->lex[0] = &none;
        a->cue_state[0] = NG_CUE_NEVER;
        for (uint32_t w = 1; w < nwords; w++) {
            a->lex[w] = NULL;
            a->cue_state[w] = NG_CUE_UNSEEN;
        }
        return;
    }
    for (size_t i = 0; i < a->tx->ntokens; i++) {
        int word = (a->tok[i].flags & NG_TOK_WORD) != 0;
        a->lex[i] = word ? NULL : &none;
        a->cue_state[i] = word ? NG_CUE_UNSEEN : NG_CUE_NEVER;
    }
}

/* Decides the cue state of the word of token i (see NG_CUE_NEVER). */
static int cue_state_of(const ng_attr *a, uint32_t i)
{
    uint32_t li = a->wid ? a->wid[i] : i;
    uint8_t *st = &a->cue_state[li];
    if (*st != NG_CUE_UNSEEN)
        return *st;
    /* most words are no cue: a word not looked up yet is first put
     * through the shape filter of cue words, which needs no lookup */
    if (!a->lex[li] &&
        !ng_cue_shapes_has(a->heads, a->t + a->tok[i].start, a->tok[i].end - a->tok[i].start))
        return *st = NG_CUE_NEVER;
    const ng_word_info *w = ng_lex(a, i);
    int never = w->phrase_max <= 1 && (!w->cue || (w->cue->frames & NG_CUE_SOURCE));
    return *st = never ? NG_CUE_NEVER : NG_CUE_MAYBE;
}

/* The cue starting at token i (a phrase when one matches), or NULL. */
static const ng_cue *cue_at(const ng_attr *a, uint32_t i, uint32_t hi)
{
    if (cue_state_of(a, i) == NG_CUE_NEVER)
        return NULL;
    const ng_word_info *w = ng_lex(a, i);
    if (w->phrase_max > 1) {
        ng_cue_word words[8];
        size_t n = 0;
        for (uint32_t j = i; j < hi && n < w->phrase_max && n < 8; j++) {
            if (!(a->tok[j].flags & NG_TOK_WORD) || a->in_quote[j] >= 0)
                break;
            words[n].s = a->t + a->tok[j].start;
            words[n].n = a->tok[j].end - a->tok[j].start;
            n++;
        }
        const ng_cue *c = ng_cues_phrase(a->cues, words, n);
        if (c)
            return c;
    }
    return w->cue;
}

/* Subject of a hit: on the left, else after the cue when the cue follows
 * a quotation or a comma ("...," said Peskov). */
static void find_subject(ng_attr *a, cue_hit *h, uint32_t lo)
{
    if (h->cue->frames & NG_CUE_PREP)
        return; /* according to: handled by its rule */
    ng_subject_left(a, h->b, &h->subj);
    if (h->subj.found)
        return;
    uint32_t p = h->b;
    if (p > lo && ng_tok_is(a, p - 1, ','))
        p--;
    int after_quote = p > lo && a->in_quote[p - 1] >= 0;
    if (h->cue->frames & NG_CUE_TELL)
        return; /* "..., told LA Weekly": what follows is the addressee */
    size_t fl = strlen(h->cue->form);
    if (fl > 3 && !strcmp(h->cue->form + fl - 3, "ing"))
        return; /* "..., saying only that": the subject is the earlier cue's */
    if (p == lo || after_quote || ng_tok_is(a, h->b - 1, ',')) {
        ng_subject_right(a, h->e, &h->subj);
        if (h->subj.pronoun_tok != NG_NO_TOK && !after_quote)
            h->subj.found = 0; /* "..., says it is crucial": "it" is the clause's */
        h->inverted = h->subj.found;
    }
}

/* A paragraph of one short sentence without final punctuation is a
 * headline or a subheading, even in sentence case; what it says is told
 * again in the body. */
static int is_title_line(const ng_attr *a, const ng_sentence *sn)
{
    const ng_token *first = &a->tok[sn->tok_begin], *last = &a->tok[sn->tok_end - 1];
    if (!(first->flags & NG_TOK_PARA_START) || sn->tok_end - sn->tok_begin > 24)
        return 0;
    if (sn->tok_end < a->tx->ntokens && !(a->tok[sn->tok_end].flags & NG_TOK_PARA_START))
        return 0; /* more sentences follow in the paragraph */
    if (last->flags & (NG_TOK_DQUOTE | NG_TOK_SQUOTE))
        return 0;
    char c = a->t[last->end - 1];
    return c != '.' && c != '!' && c != '?' && c != ':' && c != ',' && c != ';';
}

static int process_sentence(ng_attr *a, uint32_t s, cue_hit *hits)
{
    const ng_sentence *sn = &a->tx->sentences[s];
    size_t nhits = 0;
    if (sn->tok_begin < sn->tok_end && (a->tok[sn->tok_begin].flags & NG_TOK_HEADLINE))
        return 0; /* a headline "Ukraine willing to swap captives: Zelenskyy" */
    if (is_title_line(a, sn))
        return 0; /* "Seoul says North Korean troops suffer heavy losses" */
    /* read through locals: the stores of ng_lex's cache might alias the
     * fields of a, which the compiler would then load again per token */
    const int32_t *in_quote = a->in_quote, *mention_at = a->mention_at;
    const uint32_t *wid = a->wid;
    const uint8_t *cue_state = a->cue_state;
    for (uint32_t i = sn->tok_begin, end = sn->tok_end; i < end && nhits < HITS_MAX; i++) {
        /* to the next word outside quotes and mentions (in a quote or a
         * mention, one of the two is an index >= 0: their AND is >= 0)
         * that may start a cue (non-words never do) */
        while (i < end && ((in_quote[i] & mention_at[i]) >= 0 ||
                           cue_state[wid ? wid[i] : i] == NG_CUE_NEVER))
            i++;
        if (i >= end)
            break;
        const ng_cue *c = cue_at(a, i, sn->tok_end);
        if (!c || (c->frames & NG_CUE_SOURCE))
            continue;
        if (c->nwords == 1 && i > sn->tok_begin &&
            ((ng_lex(a, i - 1)->classes & NG_WC_DET) || (a->tok[i - 1].flags & NG_TOK_POSSESSIVE)))
            continue; /* "the report", "Kyiv's claim", "to confirm" */
        cue_hit *h = &hits[nhits++];
        memset(h, 0, sizeof *h);
        h->b = i;
        h->e = i + c->nwords;
        h->cue = c;
        h->speaker = -1;
        h->speaker_mention = -1;
        i = h->e - 1;
    }
    for (size_t k = 0; k < nhits; k++) {
        cue_hit *h = &hits[k];
        find_subject(a, h, sn->tok_begin);
        h->ok = 1;
        size_t fl = strlen(h->cue->form);
        int participle = fl > 3 && !strcmp(h->cue->form + fl - 3, "ing");
        int and_verb = h->b > sn->tok_begin && (a->tok[h->b - 1].flags & NG_TOK_WORD) &&
                       a->tok[h->b - 1].end - a->tok[h->b - 1].start == 3 &&
                       !strncmp(a->t + a->tok[h->b - 1].start, "and", 3);
        if (!h->subj.found && k > 0 && (participle || and_verb) && hits[k - 1].subj.found) {
            /* "Kyiv said ..., adding that ...", "X told Y ... and told Z":
             * the earlier cue's speaker */
            h->borrow = &hits[k - 1];
            h->subj.found = 1;
            h->subj.np_begin = h->subj.np_end = h->subj.edge = h->b;
        }
    }
    for (size_t k = 0; k < nhits && !a->rc; k++)
        ng_attr_cue(a, sn, hits, nhits, k);
    return a->rc;
}

/* ---- quotations no cue claimed ------------------------------------------- */

static int titlecase(const ng_attr *a, const ng_quote *q)
{
    uint32_t words = 0, caps = 0;
    for (uint32_t i = q->open_tok + 1; i < q->close_tok; i++) {
        const ng_token *k = &a->tok[i];
        if (!(k->flags & NG_TOK_WORD) || k->end - k->start < 4)
            continue;
        words++;
        caps += (k->flags & NG_TOK_CAP) != 0;
    }
    char last = q->end > q->start ? a->t[q->end - 1] : 0;
    return words > 0 && caps * 10 >= words * 6 && last != '.' && last != '?' && last != '!';
}

static uint32_t quote_words(const ng_attr *a, const ng_quote *q)
{
    uint32_t n = 0;
    for (uint32_t i = q->open_tok + 1; i < q->close_tok; i++)
        n += (a->tok[i].flags & NG_TOK_WORD) != 0;
    return n;
}

/* Insertion sort of statement indices by anchor: statements come out of
 * the sentence pass almost in order, so this is linear in practice and
 * needs no global state (qsort would, and must stay thread-safe). */
static void sort_by_anchor(const uint32_t *anchor, int32_t *idx, size_t n)
{
    for (size_t i = 1; i < n; i++) {
        int32_t v = idx[i];
        size_t j = i;
        while (j > 0 && anchor[idx[j - 1]] > anchor[v]) {
            idx[j] = idx[j - 1];
            j--;
        }
        idx[j] = v;
    }
}

/* "“So far, it's the Internet: 1.” - Matthew Ingram": a quotation
 * signed with a dash and a name at the end of its paragraph. Emits it and
 * returns 0, or returns -1 when the quotation is not signed. */
static int dash_speaker(ng_attr *a, ng_quote *q)
{
    uint32_t i = q->closed ? q->close_tok + 1 : q->close_tok;
    size_t n = a->tx->ntokens;
    if (!q->closed || i + 1 >= n || para_of(a, i) != para_of(a, q->close_tok))
        return -1;
    const ng_token *d = &a->tok[i];
    int dash = ng_tok_is(a, i, '-') ||
               (d->end - d->start == 3 && (!memcmp(a->t + d->start, "\xE2\x80\x94", 3) ||
                                           !memcmp(a->t + d->start, "\xE2\x80\x93", 3)));
    int32_t m = a->mention_at[i + 1];
    if (!dash || m < 0 || a->ex->mentions[m].entity < 0 ||
        a->ex->mentions[m].type != NG_TYPE_PERSON)
        return -1;
    uint32_t j = i + 1;
    while (j < n && a->mention_at[j] == m)
        j++;
    if (j < n && para_of(a, j) == para_of(a, i))
        return -1; /* more text follows: not a signature */
    cue_hit h;
    memset(&h, 0, sizeof h);
    h.b = i;
    h.e = i + 1;
    h.cue = &dash_cue;
    h.ok = h.resolved = 1;
    h.speaker = a->ex->mentions[m].entity;
    h.speaker_mention = m;
    h.subj.found = 1;
    h.subj.np_begin = i + 1;
    h.subj.np_end = j;
    h.subj.head_mention = m;
    h.subj.pronoun_tok = NG_NO_TOK;
    ng_attr_direct(a, &h, (int32_t)(q - a->quotes.v));
    return 0;
}

static int uncued_quotes(ng_attr *a)
{
    size_t ns = a->nanchor;
    int32_t *order = malloc((ns ? ns : 1) * sizeof *order);
    if (!order)
        return NG_ENOMEM;
    for (size_t i = 0; i < ns; i++)
        order[i] = (int32_t)i;
    sort_by_anchor(a->anchor, order, ns);
    size_t p = 0; /* first statement (in order) anchored at or after the quote */
    for (size_t qi = 0; qi < a->quotes.n && !a->rc; qi++) {
        ng_quote *q = &a->quotes.v[qi];
        while (p < ns && a->anchor[order[p]] < q->open_tok)
            p++;
        char lastc = q->end > q->start ? a->t[q->end - 1] : 0;
        int terminal = lastc == '.' || lastc == '?' || lastc == '!';
        if (q->used || ((a->tok[q->open_tok].flags & NG_TOK_HEADLINE) && !terminal))
            continue; /* a quote in a headline, unless it is a whole sentence */
        if (quote_words(a, q) < 4 || titlecase(a, q))
            continue; /* scare quotes, titles */
        if (q->open_tok > 0 && (ng_lex(a, q->open_tok - 1)->classes & NG_WC_TITLE))
            continue;
        uint32_t s_open = sent_of(a, q->open_tok);
        uint32_t last = q->close_tok < a->tx->ntokens ? q->close_tok : q->close_tok - 1;
        uint32_t s_close = sent_of(a, last);
        int32_t from = -1;
        size_t fs = a->first_statement;
        if (terminal && dash_speaker(a, q) == 0)
            continue; /* signed "- Matthew Ingram" */
        if (p < ns) { /* a statement later in the quote's own sentence */
            uint32_t s = sent_of(a, a->anchor[order[p]]);
            if (s >= s_open && s <= s_close && a->ex->statements[fs + order[p]].direct)
                from = (int32_t)(fs + order[p]);
        }
        if (from < 0 && p > 0) {
            uint32_t prev = a->anchor[order[p - 1]];
            uint32_t pp = para_of(a, prev), qp = para_of(a, q->open_tok);
            int32_t pq = a->anchor_q[order[p - 1]];
            int para_start = (a->tok[q->open_tok].flags & NG_TOK_PARA_START) != 0;
            /* a quotation left open runs on past a caption between paragraphs */
            int runs_on = pq >= 0 && !a->quotes.v[pq].closed && pp + 2 == qp;
            if (pp == qp || (para_start && (pp + 1 == qp || runs_on)))
                from = (int32_t)(fs + order[p - 1]);
        }
        int sentence_like = terminal && (a->tok[q->open_tok].flags & NG_TOK_PARA_START) &&
                            q->open_tok + 1 < a->tx->ntokens &&
                            (a->tok[q->open_tok + 1].flags & NG_TOK_CAP) && quote_words(a, q) >= 6;
        if (from >= 0 || sentence_like)
            ng_attr_inherit(a, (int32_t)qi, from);
    }
    free(order);
    return a->rc;
}

/* ---- pronoun mentions ---------------------------------------------------- */

/* Merges the pronoun mentions made for speakers into ex->mentions (kept
 * sorted by start) and renumbers every mention index that points there. */
static int merge_pronouns(ng_attr *a)
{
    ng_extraction *ex = a->ex;
    size_t n = ex->nmentions, k = a->npron;
    if (!k)
        return 0;
    int32_t *old_to_new = malloc(n ? n * sizeof *old_to_new : 1);
    int32_t *pron_to_new = malloc(k * sizeof *pron_to_new);
    int32_t *porder = malloc(k * sizeof *porder);
    uint32_t *pstart = malloc(k * sizeof *pstart);
    ng_mention *merged = malloc((n + k) * sizeof *merged);
    int rc = NG_ENOMEM;
    if (!old_to_new || !pron_to_new || !porder || !pstart || !merged)
        goto cleanup;
    for (size_t i = 0; i < k; i++) {
        porder[i] = (int32_t)i;
        pstart[i] = a->pron[i].start;
    }
    sort_by_anchor(pstart, porder, k);
    size_t i = 0, j = 0, o = 0;
    while (i < n || j < k) {
        if (j >= k || (i < n && ex->mentions[i].start <= a->pron[porder[j]].start)) {
            old_to_new[i] = (int32_t)o;
            merged[o++] = ex->mentions[i++];
        } else {
            pron_to_new[porder[j]] = (int32_t)o;
            merged[o++] = a->pron[porder[j++]];
        }
    }
    for (size_t s = a->first_statement; s < ex->nstatements; s++) {
        int32_t *sm = &ex->statements[s].speaker_mention;
        if (*sm >= 0)
            *sm = old_to_new[*sm];
        else if (*sm <= -2)
            *sm = pron_to_new[-2 - *sm];
    }
    for (size_t e = 0; e < ex->nentities; e++) {
        ng_local_entity *le = &ex->entities[e];
        if (le->first_mention < n)
            le->first_mention = (uint32_t)old_to_new[le->first_mention];
    }
    for (size_t p = 0; p < k; p++)
        if (a->pron[p].entity >= 0)
            ex->entities[a->pron[p].entity].mentions++;
    free(ex->mentions);
    ex->mentions = merged;
    ex->nmentions = n + k;
    ex->mentions_cap = n + k;
    merged = NULL;
    rc = 0;
cleanup:
    free(merged);
    free(pstart);
    free(porder);
    free(pron_to_new);
    free(old_to_new);
    return rc;
}

int ng_statements_find(const ng_cues *cues, const ng_gazetteer *gaz, ng_extraction *ex,
                       ng_error *err)
{
    ng_attr a;
    cue_hit *hits = NULL;
    char *block = NULL;
    int rc = 0;
    size_t n = ex->text.ntokens;
    memset(&a, 0, sizeof a);
    if (!n || !cues)
        return 0;
    a.cues = cues;
    a.heads = ng_cues_heads(cues);
    a.gaz = gaz;
    a.ex = ex;
    a.tx = &ex->text;
    a.tok = ex->text.tokens;
    a.t = ex->doc->text;
    a.last_speaker = -1;
    a.first_statement = ex->nstatements;
    /* the lexicon records per word, when the words are numbered */
    uint32_t nwords = 0;
    a.wid = ng_extraction_word_ids(ex, n, &nwords);
    if (a.wid && nwords == 0)
        a.wid = NULL;
    size_t nlex = a.wid ? nwords : n;
    /* the per-token and per-entity arrays in one block */
    size_t ne = ex->nentities ? ex->nentities : 1;
    size_t sz_lex = round16(nlex * sizeof *a.lex), sz_hits = round16(HITS_MAX * sizeof *hits);
    size_t sz_quote = round16(n * sizeof *a.in_quote), sz_at = round16(n * sizeof *a.mention_at);
    size_t sz_stamp = round16(ne * sizeof *a.stamp), sz_content = round16(n);
    block = malloc(sz_lex + sz_hits + sz_quote + sz_at + sz_stamp + sz_content + nlex);
    if (!block) {
        rc = NG_ENOMEM;
        goto cleanup;
    }
    a.lex = (const ng_word_info **)(void *)block;
    hits = (cue_hit *)(void *)(block + sz_lex);
    a.in_quote = (int32_t *)(void *)(block + sz_lex + sz_hits);
    a.mention_at = (int32_t *)(void *)(block + sz_lex + sz_hits + sz_quote);
    a.stamp = (int32_t *)(void *)(block + sz_lex + sz_hits + sz_quote + sz_at);
    a.in_content = (uint8_t *)(block + sz_lex + sz_hits + sz_quote + sz_at + sz_stamp);
    a.cue_state = (uint8_t *)(block + sz_lex + sz_hits + sz_quote + sz_at + sz_stamp + sz_content);
    memset(a.stamp, 0, ne * sizeof *a.stamp);
    memset(a.in_content, 0, n);
    map_lexicon(&a, nwords);
    map_mentions(&a);
    if ((rc = ng_quotes_find(a.tx, &a.quotes, a.in_quote)) < 0)
        goto cleanup;
    for (uint32_t s = 0; s < a.tx->nsentences; s++)
        if ((rc = process_sentence(&a, s, hits)) < 0)
            goto cleanup;
    if ((rc = uncued_quotes(&a)) < 0)
        goto cleanup;
    rc = merge_pronouns(&a);
cleanup:
    if (rc < 0)
        ng_error_set(err, rc, "%s: out of memory attributing statements", ex->doc->path);
    free(block);
    ng_extraction_drop_word_ids(ex);
    free(a.quotes.v);
    free(a.pron);
    free(a.anchor);
    free(a.anchor_q);
    return rc;
}
