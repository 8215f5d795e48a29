/* sentences.c - the sentence cutter of the text layer (sentences.h):
 * where a paragraph's sentences end, given the tokens where one may end
 * (terminal marks, abbreviations) that the tokenizer (text.c) listed,
 * and which paragraphs are headlines. */
#include "sentences.h"

#include "abbrevs.h"

#include <stdlib.h>
#include <string.h>

static int is_terminal(const char *t, const ng_token *tk)
{
    size_t len = tk->end - tk->start;
    if (!(tk->flags & NG_TOK_PUNCT))
        return 0;
    const char *s = t + tk->start;
    return (len == 1 && (*s == '.' || *s == '!' || *s == '?')) ||
           (len == 3 && memcmp(s, "\xE2\x80\xA6", 3) == 0);
}

static int is_closer(const char *t, const ng_token *tk)
{
    if (tk->flags & (NG_TOK_DQUOTE | NG_TOK_SQUOTE))
        return !(tk->flags & NG_TOK_OPEN);
    size_t len = tk->end - tk->start;
    return len == 1 && (t[tk->start] == ')' || t[tk->start] == ']');
}

/* Does a new sentence plainly start at token k? */
static int starts_sentence(const char *t, const ng_token *v, size_t k, size_t end)
{
    if (k >= end)
        return 1;
    const ng_token *tk = &v[k];
    if (tk->flags & (NG_TOK_CAP | NG_TOK_DIGIT))
        return 1;
    if ((tk->flags & (NG_TOK_DQUOTE | NG_TOK_SQUOTE)) && (tk->flags & NG_TOK_OPEN))
        return 1;
    (void)t;
    return 0;
}

/* Does the abbreviation token ab end a sentence before token k? */
static int abbrev_ends_sentence(const char *t, const ng_token *ab, const ng_token *v, size_t k,
                                size_t end)
{
    size_t len = ab->end - ab->start - 1; /* without the dot */
    if (ng_text_word_in(t + ab->start, len, LIST_TITLES))
        return 0;
    if (len == 1) /* an initial */
        return 0;
    if (k >= end)
        return 1;
    const ng_token *nx = &v[k];
    if ((nx->flags & (NG_TOK_DQUOTE | NG_TOK_SQUOTE)) && (nx->flags & NG_TOK_OPEN))
        return 1;
    return (nx->flags & NG_TOK_CAP) &&
           ng_text_word_in(t + nx->start, nx->end - nx->start, LIST_OPENERS);
}

/* A headline line: no final punctuation and most longer words capitalised. */
static int is_headline(const char *t, const ng_token *v, size_t b, size_t e)
{
    if (b >= e)
        return 0;
    const ng_token *last = &v[e - 1];
    if (is_terminal(t, last) || (is_closer(t, last) && e - b > 1 && is_terminal(t, &v[e - 2])))
        return 0;
    size_t words = 0, caps = 0;
    for (size_t k = b; k < e; k++) {
        if (v[k].flags & NG_TOK_PUNCT) {
            if (k + 1 < e && is_terminal(t, &v[k]) && is_closer(t, &v[k + 1]))
                return 0; /* a finished quotation: a signed quote, not a headline */
            continue;
        }
        if (!(v[k].flags & NG_TOK_WORD) || v[k].end - v[k].start < 4)
            continue;
        words++;
        if (v[k].flags & NG_TOK_CAP)
            caps++;
    }
    return words > 0 && caps * 10 >= words * 6;
}

int ngt_reserve_sentences(ngt_sent_vec *sv, size_t cap)
{
    if (cap <= sv->cap)
        return 0;
    ng_sentence *p = realloc(sv->v, cap * sizeof *p);
    if (!p)
        return NG_ENOMEM;
    sv->v = p;
    sv->cap = cap;
    return 0;
}

/* Records the sentence of tokens [b, e), b < e, whose tokens
 * ngt_split_sentences has marked. */
static int push_sentence(ngt_sent_vec *sv, const ng_token *tok, size_t b, size_t e, uint32_t para)
{
    if (sv->n == sv->cap && ngt_reserve_sentences(sv, sv->cap ? sv->cap * 2 : 64))
        return NG_ENOMEM;
    sv->v[sv->n++] = (ng_sentence){tok[b].start, tok[e - 1].end, (uint32_t)b, (uint32_t)e, para};
    return 0;
}

/* Marks tokens [b, e) as sentence idx (and as a headline when hl is
 * NG_TOK_HEADLINE); its first word token starts it. */
static void mark_sentence(ng_token *v, size_t b, size_t e, uint32_t idx, uint32_t hl)
{
    size_t k = b;
    for (; k < e; k++) {
        v[k].sentence = idx;
        v[k].flags |= hl;
        if (v[k].flags & NG_TOK_WORD) {
            v[k++].flags |= NG_TOK_SENT_START;
            break;
        }
    }
    /* the rest: headlines are rare, so most sentences store the index alone */
    if (hl)
        for (size_t j = k; j < e; j++)
            v[j].flags |= hl;
    for (; k < e; k++)
        v[k].sentence = idx;
}

int ngt_split_sentences(const char *t, ng_token *v, size_t b, size_t e, uint32_t para,
                        const uint32_t *cuts, size_t ncuts, ngt_sent_vec *sv)
{
    uint32_t hl = is_headline(t, v, b, e) ? NG_TOK_HEADLINE : 0;
    uint32_t idx = (uint32_t)sv->n;
    size_t s = b;
    for (size_t c = 0; c < ncuts; c++) {
        size_t k = cuts[c], cut = 0;
        if (k < s)
            continue; /* taken into the last sentence with its closers */
        if (v[k].flags & NG_TOK_PUNCT) { /* a terminal mark */
            size_t j = k + 1;
            while (j < e && (is_terminal(t, &v[j]) || is_closer(t, &v[j])))
                j++;
            if (starts_sentence(t, v, j, e))
                cut = j;
        } else if (abbrev_ends_sentence(t, &v[k], v, k + 1, e)) {
            cut = k + 1;
        }
        if (cut) {
            mark_sentence(v, s, cut, idx, hl);
            int rc = push_sentence(sv, v, s, cut, para);
            if (rc)
                return rc;
            idx++;
            s = cut;
        }
    }
    if (s >= e)
        return 0;
    mark_sentence(v, s, e, idx, hl);
    return push_sentence(sv, v, s, e, para);
}

