/* test_quotes.c - pairing of quotation marks (quotes.c), and that it
 * stays linear when a document is nothing but quote marks. */
#include "attr_fixture.h"
#include "attrib.h"

#include <time.h>

static ng_quote_list pair(fx *f, const char *text)
{
    ng_quote_list q = {0};
    fx_open(f, text);
    int32_t *in_quote = malloc((f->ex.text.ntokens + 1) * sizeof *in_quote);
    CHECK(ng_quotes_find(&f->ex.text, &q, in_quote) == 0);
    free(in_quote);
    return q;
}

static const char *words(const fx *f, const ng_quote *q)
{
    static char buf[512];
    size_t n = q->end - q->start;
    if (n >= sizeof buf)
        n = sizeof buf - 1;
    memcpy(buf, f->doc.text + q->start, n);
    buf[n] = '\0';
    return buf;
}

static void test_straight_and_curly_pairs(void)
{
    fx f;
    ng_quote_list q = pair(&f, "\"One, two,\" she said. \xE2\x80\x9CThree.\xE2\x80\x9D");
    CHECK(q.n == 2);
    if (q.n == 2) {
        CHECK_STR(words(&f, &q.v[0]), "One, two");
        CHECK_STR(words(&f, &q.v[1]), "Three.");
        CHECK(q.v[0].closed && q.v[1].closed);
    }
    free(q.v);
    fx_close(&f);
}

static void test_nested_single_quotes_do_not_pair(void)
{
    fx f;
    ng_quote_list q = pair(&f, "\"He called it 'a mess' twice,\" she said.");
    CHECK(q.n == 1);
    if (q.n == 1)
        CHECK_STR(words(&f, &q.v[0]), "He called it 'a mess' twice");
    free(q.v);
    fx_close(&f);
}

static void test_single_quotes_outside_double(void)
{
    fx f;
    ng_quote_list q = pair(&f, "Tarnland vows \xE2\x80\x98victory\xE2\x80\x99 in the valley.");
    CHECK(q.n == 1);
    if (q.n == 1)
        CHECK_STR(words(&f, &q.v[0]), "victory");
    free(q.v);
    fx_close(&f);
}

static void test_apostrophes_are_not_quotes(void)
{
    fx f;
    ng_quote_list q = pair(&f, "The soldiers\xE2\x80\x99 hopes didn\xE2\x80\x99t fade, and Tarnland's did not.");
    CHECK(q.n == 0);
    free(q.v);
    fx_close(&f);
}

static void test_quote_continues_into_reopened_paragraph(void)
{
    fx f;
    ng_quote_list q = pair(&f, "\xE2\x80\x9C" "First part.\n\xE2\x80\x9CSecond part,\xE2\x80\x9D she said.\nAfter.");
    CHECK(q.n == 1);
    if (q.n == 1) {
        CHECK_STR(words(&f, &q.v[0]), "First part.\n\xE2\x80\x9CSecond part");
        CHECK(q.v[0].closed);
    }
    free(q.v);
    fx_close(&f);
}

static void test_unclosed_quote_ends_with_paragraph(void)
{
    fx f;
    ng_quote_list q = pair(&f, "Those who \xE2\x80\x9Ctell the truth will go free.\nThe next paragraph.");
    CHECK(q.n == 1);
    if (q.n == 1) {
        CHECK_STR(words(&f, &q.v[0]), "tell the truth will go free.");
        CHECK(!q.v[0].closed);
    }
    free(q.v);
    fx_close(&f);
}

static void test_missing_close_before_new_open(void)
{
    fx f;
    ng_quote_list q = pair(&f, "He said \xE2\x80\x9C that it was late and \xE2\x80\x9Cwe left\xE2\x80\x9D.");
    CHECK(q.n == 2);
    if (q.n == 2)
        CHECK_STR(words(&f, &q.v[1]), "we left");
    free(q.v);
    fx_close(&f);
}

/* 100 000 quote marks: pairing and attribution must stay linear. */
static void test_many_quote_marks_stay_linear(void)
{
    size_t n = 50000;
    char *text = malloc(n * 12 + 64);
    size_t o = 0;
    for (size_t i = 0; i < n; i++)
        o += (size_t)sprintf(text + o, "\"ab,\" said ");
    text[o] = '\0';
    fx f;
    clock_t t0 = clock();
    ng_quote_list q = pair(&f, text);
    CHECK(q.n == n);
    free(q.v);
    fx_run(&f);
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    CHECK(secs < 2.0);
    fx_close(&f);
    free(text);
}

/* ---- the plain pairing, para_of at every token, as a reference --------- */

static void ref_finish(const ng_text *tx, ng_quote_list *l, int32_t qi, uint32_t end_tok, int closed,
                       int32_t *in_quote)
{
    ng_quote *q = &l->v[qi];
    const ng_token *tok = tx->tokens;
    const char *t = tx->doc->text;
    q->close_tok = end_tok;
    q->closed = (uint8_t)closed;
    q->start = tok[q->open_tok].end;
    q->end = closed ? tok[end_tok].start : tok[end_tok - 1].end;
    while (q->start < q->end && strchr(" \t\n\r", t[q->start]) && t[q->start])
        q->start++;
    while (q->end > q->start && ((strchr(" \t\n\r", t[q->end - 1]) && t[q->end - 1]) || t[q->end - 1] == ','))
        q->end--;
    for (uint32_t i = q->open_tok; i <= (closed ? end_tok : end_tok - 1); i++)
        in_quote[i] = qi;
}

static void ref_push(ng_quote_list *l, uint32_t open_tok, int single)
{
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 32;
        l->v = realloc(l->v, l->cap * sizeof *l->v);
    }
    memset(&l->v[l->n], 0, sizeof l->v[0]);
    l->v[l->n].open_tok = open_tok;
    l->v[l->n].single = (uint8_t)single;
    l->n++;
}

static uint32_t ref_para(const ng_text *tx, uint32_t i)
{
    return tx->sentences[tx->tokens[i].sentence].para;
}

static void ref_quotes_find(const ng_text *tx, ng_quote_list *l, int32_t *in_quote)
{
    const ng_token *tok = tx->tokens;
    int32_t cur = -1;
    uint32_t cur_para = 0;
    for (size_t i = 0; i < tx->ntokens; i++)
        in_quote[i] = -1;
    for (uint32_t i = 0; i < tx->ntokens; i++) {
        uint32_t f = tok[i].flags;
        int is_d = (f & NG_TOK_DQUOTE) != 0, is_s = (f & NG_TOK_SQUOTE) != 0;
        int opens = (f & NG_TOK_OPEN) != 0;
        if (cur >= 0 && ref_para(tx, i) != cur_para) {
            if (l->v[cur].single) {
                l->n--;
                cur = -1;
            } else if (is_d && opens && (f & NG_TOK_PARA_START)) {
                cur_para = ref_para(tx, i);
                continue;
            } else {
                ref_finish(tx, l, cur, i, 0, in_quote);
                cur = -1;
            }
        }
        if (is_d) {
            if (cur >= 0 && l->v[cur].single) {
                l->n--;
                cur = -1;
            }
            if (opens) {
                if (cur >= 0)
                    ref_finish(tx, l, cur, i, 0, in_quote);
                ref_push(l, i, 0);
                cur = (int32_t)(l->n - 1);
                cur_para = ref_para(tx, i);
            } else if (cur >= 0) {
                ref_finish(tx, l, cur, i, 1, in_quote);
                cur = -1;
            }
        } else if (is_s) {
            if (cur >= 0 && !l->v[cur].single)
                continue;
            if (cur >= 0 && !opens) {
                ref_finish(tx, l, cur, i, 1, in_quote);
                cur = -1;
            } else if (cur < 0 && opens) {
                ref_push(l, i, 1);
                cur = (int32_t)(l->n - 1);
                cur_para = ref_para(tx, i);
            }
        }
    }
    if (cur >= 0) {
        if (l->v[cur].single)
            l->n--;
        else
            ref_finish(tx, l, cur, (uint32_t)tx->ntokens, 0, in_quote);
    }
}

/* ng_quotes_find skips para_of within a sentence and tokens that cannot
 * matter; on random texts of quote marks, sentences and paragraphs it
 * must pair exactly as the plain pass does. */
static void test_same_as_plain_pairing(void)
{
    static const char *const parts[] = {
        "word ", "Said ", ". ", "! ", "\n\n", "\n", "\"", "\" ", " \"", "\xE2\x80\x9C", "\xE2\x80\x9D ",
        "'", " '", "' ", "\xE2\x80\x98", "\xE2\x80\x99 ", "don't ", ", ", "Mr. ", "\n\n\"", "A B. "};
    uint64_t seed = 12345;
    for (int round = 0; round < 400; round++) {
        char text[4096];
        size_t o = 0;
        int nparts = 5 + round % 120;
        for (int k = 0; k < nparts; k++) {
            seed = seed * 6364136223846793005u + 1442695040888963407u;
            const char *p = parts[(seed >> 33) % (sizeof parts / sizeof parts[0])];
            size_t n = strlen(p);
            memcpy(text + o, p, n);
            o += n;
        }
        text[o] = '\0';
        fx f;
        fx_open(&f, text);
        size_t nt = f.ex.text.ntokens;
        int32_t *got = malloc((nt + 1) * sizeof *got), *want = malloc((nt + 1) * sizeof *want);
        ng_quote_list a = {0}, b = {0};
        CHECK(ng_quotes_find(&f.ex.text, &a, got) == 0);
        ref_quotes_find(&f.ex.text, &b, want);
        CHECK(a.n == b.n);
        CHECK(memcmp(got, want, nt * sizeof *got) == 0);
        for (size_t i = 0; i < a.n && i < b.n; i++)
            CHECK(a.v[i].open_tok == b.v[i].open_tok && a.v[i].close_tok == b.v[i].close_tok &&
                  a.v[i].start == b.v[i].start && a.v[i].end == b.v[i].end &&
                  a.v[i].single == b.v[i].single && a.v[i].closed == b.v[i].closed);
        free(a.v);
        free(b.v);
        free(got);
        free(want);
        fx_close(&f);
    }
}

int main(void)
{
    fx_load_models();
    RUN(test_straight_and_curly_pairs);
    RUN(test_nested_single_quotes_do_not_pair);
    RUN(test_single_quotes_outside_double);
    RUN(test_apostrophes_are_not_quotes);
    RUN(test_quote_continues_into_reopened_paragraph);
    RUN(test_unclosed_quote_ends_with_paragraph);
    RUN(test_missing_close_before_new_open);
    RUN(test_many_quote_marks_stay_linear);
    RUN(test_same_as_plain_pairing);
    fx_free_models();
    return CHECK_DONE();
}
