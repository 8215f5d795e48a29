/* quotes.c - pairs quotation marks into quotations, in one pass over the
 * tokens (linear: a document of 100 000 marks costs 100 000 steps).
 *
 * Rules, in the order a reader applies them:
 * - a double quote opens or closes by its form (“ ”) or, when straight,
 *   by its position (the tokenizer decides and sets OPEN/CLOSE);
 * - single quotes inside a double quotation are nested quotes and do not
 *   pair; outside one, ‘...’ pairs within its paragraph (British style);
 * - a quotation left open at the end of a paragraph continues when the
 *   next paragraph opens with a quote mark (the multi-paragraph convention),
 *   otherwise it ends with its paragraph;
 * - an opening mark while a quotation is open (a missing close) ends the
 *   open one and starts a new one. */
#include "attrib.h"

#include <stdlib.h>
#include <string.h>

static int is_space_byte(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Trims the quoted words: spaces on both sides, then the comma that
 * English puts inside the closing mark ("We cannot comment," he said). */
static void trim_content(const char *t, ng_quote *q)
{
    while (q->start < q->end && is_space_byte(t[q->start]))
        q->start++;
    while (q->end > q->start && (is_space_byte(t[q->end - 1]) || t[q->end - 1] == ','))
        q->end--;
}

static int push(ng_quote_list *l, uint32_t open_tok, int single)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 32;
        ng_quote *p = realloc(l->v, cap * sizeof *p);
        if (!p)
            return NG_ENOMEM;
        l->v = p;
        l->cap = cap;
    }
    memset(&l->v[l->n], 0, sizeof l->v[0]);
    l->v[l->n].open_tok = open_tok;
    l->v[l->n].single = (uint8_t)single;
    l->n++;
    return 0;
}

/* Closes quote qi: its words end where token `end_tok` starts (the closing
 * mark) or, when unclosed, after token end_tok - 1. Marks its tokens. */
static void finish(const ng_text *tx, ng_quote_list *l, int32_t qi, uint32_t end_tok,
                   int closed, int32_t *in_quote)
{
    ng_quote *q = &l->v[qi];
    const ng_token *tok = tx->tokens;
    q->close_tok = end_tok;
    q->closed = (uint8_t)closed;
    q->start = tok[q->open_tok].end;
    q->end = closed ? tok[end_tok].start : tok[end_tok - 1].end;
    trim_content(tx->doc->text, q);
    uint32_t last = closed ? end_tok : end_tok - 1;
    for (uint32_t i = q->open_tok; i <= last; i++)
        in_quote[i] = qi;
}

static uint32_t para_of(const ng_text *tx, uint32_t i)
{
    return tx->sentences[tx->tokens[i].sentence].para;
}

int ng_quotes_find(const ng_text *tx, ng_quote_list *l, int32_t *in_quote)
{
    const ng_token *tok = tx->tokens;
    int32_t cur = -1; /* the open quotation, or -1 */
    uint32_t cur_para = 0;
    /* a sentence of paragraph cur_para: the paragraph of a token changes
     * only where its sentence does, so most tokens skip para_of */
    uint32_t cur_sent = UINT32_MAX;
    const uint32_t n = (uint32_t)tx->ntokens, marks = NG_TOK_DQUOTE | NG_TOK_SQUOTE;
    for (uint32_t i = 0; i < n; i++)
        in_quote[i] = -1;
    for (uint32_t i = 0; i < n; i++) {
        /* only a mark, or a new sentence while a quotation is open, can
         * change anything: run to the next such token */
        if (cur < 0) {
            while (i < n && !(tok[i].flags & marks))
                i++;
        } else {
            while (i < n && !(tok[i].flags & marks) && tok[i].sentence == cur_sent)
                i++;
        }
        if (i >= n)
            break;
        uint32_t f = tok[i].flags;
        int is_d = (f & NG_TOK_DQUOTE) != 0, is_s = (f & NG_TOK_SQUOTE) != 0;
        int opens = (f & NG_TOK_OPEN) != 0;
        if (cur >= 0 && tok[i].sentence != cur_sent) {
            if (para_of(tx, i) == cur_para) {
                cur_sent = tok[i].sentence;
            } else if (l->v[cur].single) {
                l->n--; /* a single quote never runs over a paragraph: an apostrophe */
                cur = -1;
            } else if (is_d && opens && (f & NG_TOK_PARA_START)) {
                cur_para = para_of(tx, i); /* the quotation continues */
                cur_sent = tok[i].sentence;
                continue;
            } else {
                finish(tx, l, cur, i, 0, in_quote);
                cur = -1;
            }
        }
        if (is_d) {
            if (cur >= 0 && l->v[cur].single) {
                l->n--; /* the single mark was an apostrophe */
                cur = -1;
            }
            if (opens) {
                if (cur >= 0)
                    finish(tx, l, cur, i, 0, in_quote);
                if (push(l, i, 0) < 0)
                    return NG_ENOMEM;
                cur = (int32_t)(l->n - 1);
                cur_para = para_of(tx, i);
                cur_sent = tok[i].sentence;
            } else if (cur >= 0) {
                finish(tx, l, cur, i, 1, in_quote);
                cur = -1;
            }
        } else if (is_s) {
            if (cur >= 0 && !l->v[cur].single)
                continue; /* nested quote */
            if (cur >= 0 && !opens) {
                finish(tx, l, cur, i, 1, in_quote);
                cur = -1;
            } else if (cur < 0 && opens) {
                if (push(l, i, 1) < 0)
                    return NG_ENOMEM;
                cur = (int32_t)(l->n - 1);
                cur_para = para_of(tx, i);
                cur_sent = tok[i].sentence;
            }
        }
    }
    if (cur >= 0) {
        if (l->v[cur].single)
            l->n--;
        else
            finish(tx, l, cur, n, 0, in_quote);
    }
    return 0;
}
