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
    fx_free_models();
    return CHECK_DONE();
}
