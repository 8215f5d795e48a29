/* emit.c - writes attributed statements into the extraction: one per
 * speaker ("The White House and Pentagon confirmed" makes two), with
 * what was said, its cue and relation, its source ("citing Y") and whom
 * it is about.
 *
 * About whom: the actors mentioned in what was said, plus, for a
 * quotation, the rest of the cue's sentence ("... Peskov told reporters
 * when asked to comment on Zelensky's offer"). Never the speaker, never
 * the source, never a word of the subject phrase itself ("Kremlin" in
 * "Kremlin spokesman Dmitry Peskov"). Pronouns are not mentions, so "we"
 * and "our" inside a quote never become subjects. */
#include "attrib.h"

#include <stdlib.h>
#include <string.h>

typedef struct range {
    uint32_t b, e;  /* tokens */
    int32_t keep_q; /* -2: every token counts; else only quote keep_q among quoted tokens */
} range;

typedef struct excl {
    uint32_t b, e;
} excl;

static int excluded(const excl *x, size_t nx, uint32_t i)
{
    for (size_t k = 0; k < nx; k++)
        if (i >= x[k].b && i < x[k].e)
            return 1;
    return 0;
}

static int push_anchor(ng_attr *a, uint32_t tok, int32_t q)
{
    if (a->nanchor == a->anchor_cap) {
        size_t cap = a->anchor_cap ? a->anchor_cap * 2 : 32;
        uint32_t *p = realloc(a->anchor, cap * sizeof *p);
        if (!p)
            return NG_ENOMEM;
        a->anchor = p;
        int32_t *pq = realloc(a->anchor_q, cap * sizeof *pq);
        if (!pq)
            return NG_ENOMEM;
        a->anchor_q = pq;
        a->anchor_cap = cap;
    }
    a->anchor_q[a->nanchor] = q;
    a->anchor[a->nanchor++] = tok;
    return 0;
}

/* "Ukrainian President Volodymyr Zelensky": the demonym only says who
 * the person is; the statement is about the person, not the country. */
static int modifies_person(const ng_attr *a, int32_t m, uint32_t i)
{
    if (a->ex->mentions[m].kind != NG_KIND_DEMONYM)
        return 0;
    while (i < a->tx->ntokens && a->mention_at[i] == m)
        i++;
    for (int n = 0; i < a->tx->ntokens && n < 3; n++, i++) {
        int32_t next = a->mention_at[i];
        if (next >= 0)
            return a->ex->mentions[next].type == NG_TYPE_PERSON;
        if (!(a->tok[i].flags & NG_TOK_CAP))
            return 0;
    }
    return 0;
}

/* The entities mentioned in ranges rs, minus the speakers, the source and
 * the excluded tokens; stored in the extraction's pool. */
static int32_t *collect_about(ng_attr *a, const range *rs, size_t nr, const int32_t *not,
                              size_t nnot, const excl *x, size_t nx, uint32_t *nabout)
{
    int32_t buf[64];
    uint32_t n = 0;
    a->serial++;
    for (size_t k = 0; k < nnot; k++)
        if (not[k] >= 0)
            a->stamp[not[k]] = a->serial;
    for (size_t r = 0; r < nr; r++) {
        int32_t prev = -1;
        for (uint32_t i = rs[r].b; i < rs[r].e && n < 64; i++) {
            int32_t m = a->mention_at[i];
            if (m < 0 || m == prev)
                continue;
            prev = m;
            if (rs[r].keep_q != -2 && a->in_quote[i] >= 0 && a->in_quote[i] != rs[r].keep_q)
                continue;
            if (excluded(x, nx, i))
                continue;
            int32_t e = a->ex->mentions[m].entity;
            if (e < 0 || a->stamp[e] == a->serial || modifies_person(a, m, i))
                continue;
            a->stamp[e] = a->serial;
            buf[n++] = e;
        }
    }
    *nabout = n;
    if (!n)
        return NULL;
    int32_t *out = ng_extraction_alloc(a->ex, n * sizeof *out);
    if (!out)
        return NULL;
    memcpy(out, buf, n * sizeof *out);
    return out;
}

/* Whether token i outside quotes is a source cue ("citing"). A word not
 * looked up yet that the shape filter of cue words rules out has no cue:
 * it is not looked up for this. */
static int source_cue_at(const ng_attr *a, uint32_t i)
{
    if (a->in_quote[i] >= 0)
        return 0;
    if (!a->lex[a->wid ? a->wid[i] : i] &&
        !ng_cue_shapes_has(a->heads, a->t + a->tok[i].start, a->tok[i].end - a->tok[i].start))
        return 0;
    const ng_word_info *w = ng_lex(a, i);
    return w->cue && (w->cue->frames & NG_CUE_SOURCE);
}

/* "citing Y" anywhere in the sentence outside what was said (tokens
 * [cb, ce), jumped over): Y is the source. */
static void find_source(const ng_attr *a, uint32_t lo, uint32_t hi, uint32_t cb, uint32_t ce,
                        ng_subject *src)
{
    memset(src, 0, sizeof *src);
    src->head_mention = -1;
    for (uint32_t i = lo; i < hi; i++) {
        if (i >= cb && i < ce) {
            i = ce - 1;
            continue;
        }
        if (source_cue_at(a, i)) {
            ng_subject_right(a, i + 1, src);
            return;
        }
    }
}

static void resolve_hit(ng_attr *a, cue_hit *h)
{
    if (h->resolved)
        return;
    h->resolved = 1;
    if (h->borrow) {
        resolve_hit(a, h->borrow);
        h->speaker = h->borrow->speaker;
        h->speaker_mention = h->borrow->speaker_mention;
        return;
    }
    h->speaker = ng_subject_speaker(a, &h->subj, &h->speaker_mention);
}

/* Writes the statements of h: content bytes [qs, qe), about ranges rs. */
static void emit(ng_attr *a, cue_hit *h, int32_t quote, uint32_t qs, uint32_t qe, const range *rs,
                 size_t nr, uint32_t content_b, uint32_t content_e)
{
    const ng_sentence *sn = &a->tx->sentences[a->tok[h->b].sentence];
    ng_subject src;
    resolve_hit(a, h);
    find_source(a, sn->tok_begin, sn->tok_end, content_b, content_e, &src);
    int32_t source = src.head_mention >= 0 ? a->ex->mentions[src.head_mention].entity : -1;

    int32_t speakers[5], smention[5];
    size_t ns = 0;
    speakers[ns] = h->speaker;
    smention[ns++] = h->speaker_mention;
    for (uint32_t k = 0; k < h->subj.nmore; k++) {
        int32_t m = h->subj.more[k];
        int32_t e = a->ex->mentions[m].entity;
        if (e < 0 || e == h->speaker)
            continue;
        speakers[ns] = e;
        smention[ns++] = m;
    }
    if (ns > 1 && speakers[0] < 0) { /* "Kyiv and its western allies": Kyiv speaks */
        memmove(speakers, speakers + 1, (ns - 1) * sizeof speakers[0]);
        memmove(smention, smention + 1, (ns - 1) * sizeof smention[0]);
        ns--;
    }
    int32_t not[6];
    memcpy(not, speakers, ns * sizeof not[0]);
    not[ns] = source;
    excl x[2] = {{h->subj.np_begin, h->subj.np_end}, {src.np_begin, src.np_end}};
    uint32_t nabout = 0;
    int32_t *about = collect_about(a, rs, nr, not, ns + 1, x, 2, &nabout);
    if (nabout && !about) {
        a->rc = NG_ENOMEM;
        return;
    }
    const char *cue = ng_extraction_strdup(a->ex, h->cue->form, strlen(h->cue->form));
    const char *rel = ng_extraction_strdup(a->ex, h->cue->relation, strlen(h->cue->relation));
    if (!cue || !rel) {
        a->rc = NG_ENOMEM;
        return;
    }
    for (size_t k = 0; k < ns; k++) {
        ng_statement st = {0};
        st.speaker = speakers[k];
        st.speaker_mention = speakers[k] >= 0 ? smention[k] : -1;
        st.cue_start = a->tok[h->b].start;
        st.cue_end = a->tok[h->e - 1].end;
        st.cue = cue;
        st.relation = rel;
        st.direct = quote >= 0;
        st.quote_start = qs;
        st.quote_end = qe;
        st.about = about;
        st.nabout = nabout;
        st.source = source;
        if (ng_extraction_add_statement(a->ex, &st) < 0 || push_anchor(a, h->b, quote) < 0) {
            a->rc = NG_ENOMEM;
            return;
        }
    }
    if (h->speaker >= 0) {
        a->last_speaker = h->speaker;
        a->last_speaker_tok = h->b;
    }
}

static int is_title_word(const ng_attr *a, uint32_t i)
{
    return (a->tok[i].flags & NG_TOK_WORD) && (ng_lex(a, i)->classes & NG_WC_TITLE);
}

void ng_attr_direct(ng_attr *a, cue_hit *h, int32_t q)
{
    ng_quote *qq = &a->quotes.v[q];
    if (qq->used == 1)
        return;
    if (qq->open_tok > 0 && is_title_word(a, qq->open_tok - 1))
        return; /* the song “Hold On” */
    qq->used = 1;
    const ng_sentence *sn = &a->tx->sentences[a->tok[h->b].sentence];
    range rs[2] = {{qq->open_tok + 1, qq->close_tok, -2}, {sn->tok_begin, sn->tok_end, q}};
    emit(a, h, q, qq->start, qq->end, rs, 2, qq->open_tok, qq->close_tok + 1);
}

static int trailing_punct(const ng_attr *a, uint32_t i)
{
    if ((a->tok[i].flags & NG_TOK_WORD) && (ng_lex(a, i)->classes & NG_WC_BOUNDARY) &&
        !(ng_lex(a, i)->classes & NG_WC_PREP))
        return 1; /* "..., and" before the next cue's subject */
    return ng_tok_is(a, i, ',') || ng_tok_is(a, i, '.') || ng_tok_is(a, i, ';') ||
           ng_tok_is(a, i, ':') || ng_tok_is(a, i, '-') ||
           ((a->tok[i].flags & NG_TOK_OPEN) && (a->tok[i].flags & NG_TOK_DQUOTE));
}

void ng_attr_reported(ng_attr *a, cue_hit *h, uint32_t tb, uint32_t te, uint32_t adj_lo)
{
    while (te > tb && trailing_punct(a, te - 1))
        te--;
    while (tb < te && ng_tok_is(a, tb, ','))
        tb++;
    uint32_t qs, qe;
    if (te <= tb) {
        if (!(h->cue->frames & NG_CUE_TOPIC))
            return;
        qs = qe = a->tok[h->e - 1].end;
    } else {
        qs = a->tok[tb].start;
        qe = a->tok[te - 1].end;
        for (uint32_t i = tb; i < te; i++) {
            a->in_content[i] = 1;
            int32_t q = a->in_quote[i];
            if (q >= 0 && a->quotes.v[q].open_tok == i && !a->quotes.v[q].used)
                a->quotes.v[q].used = 2; /* a quoted fragment inside reported speech */
        }
    }
    range rs[2] = {{tb, te, -2}, {0, 0, -2}};
    size_t nr = 1;
    /* a leading adjunct: "Following Zelensky's proposal, Peskov said ..." */
    int adjunct = adj_lo != NG_NO_TOK && !h->inverted && h->subj.found &&
                  adj_lo + 1 < h->subj.np_begin && ng_tok_is(a, h->subj.np_begin - 1, ',') &&
                  !(ng_lex(a, adj_lo)->classes & NG_WC_PREP); /* "In Moscow," sets the scene */
    for (uint32_t i = adj_lo; adjunct && i < h->subj.np_begin; i++)
        if ((ng_lex(a, i)->cue && (ng_lex(a, i)->cue->frames & ~NG_CUE_QUOTE)) || a->in_quote[i] >= 0)
            adjunct = 0; /* another statement's words; "Asked about X," is fine */
    if (adjunct) {
        rs[1].b = adj_lo;
        rs[1].e = h->subj.np_begin;
        nr = 2;
    }
    emit(a, h, -1, qs, qe, rs, nr, tb, te);
}

void ng_attr_inherit(ng_attr *a, int32_t q, int32_t from)
{
    ng_quote *qq = &a->quotes.v[q];
    qq->used = 1;
    ng_statement st = {0};
    st.speaker = -1;
    st.speaker_mention = -1;
    st.source = -1;
    st.direct = 1;
    st.quote_start = qq->start;
    st.quote_end = qq->end;
    st.cue_start = st.cue_end = qq->start;
    st.cue = "";
    st.relation = "said";
    uint32_t anchor = qq->open_tok;
    if (from >= 0) {
        const ng_statement *f = &a->ex->statements[from];
        st.speaker = f->speaker;
        st.speaker_mention = f->speaker_mention;
        st.cue = f->cue;
        st.relation = f->relation;
        st.cue_start = f->cue_start;
        st.cue_end = f->cue_end;
        st.source = f->source;
    }
    range rs = {qq->open_tok + 1, qq->close_tok, -2};
    int32_t not[2] = {st.speaker, st.source};
    st.about = collect_about(a, &rs, 1, not, 2, NULL, 0, &st.nabout);
    if (st.nabout && !st.about) {
        a->rc = NG_ENOMEM;
        return;
    }
    if (ng_extraction_add_statement(a->ex, &st) < 0 || push_anchor(a, anchor, q) < 0)
        a->rc = NG_ENOMEM;
}
