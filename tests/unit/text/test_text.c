/* test_text.c - sentence splitting and tokens, one case per rule. */
#include "check.h"
#include "newsgraph/text.h"

#include <stdlib.h>

/* Analyzes s as a one-span document; the caller frees with ng_text_free. */
static ng_text analyze(const char *s, ng_doc *doc, ng_span *span)
{
    *doc = (ng_doc){0};
    doc->path = "test";
    doc->text = (char *)s;
    doc->len = strlen(s);
    *span = (ng_span){0, (uint32_t)doc->len};
    doc->body = span;
    doc->nbody = 1;
    ng_text t;
    ng_error err;
    CHECK(ng_text_analyze(doc, &t, &err) == 0);
    return t;
}

static char *sentence_text(const ng_text *t, size_t i)
{
    static char buf[512];
    size_t n = t->sentences[i].end - t->sentences[i].start;
    if (n >= sizeof buf)
        n = sizeof buf - 1;
    memcpy(buf, t->doc->text + t->sentences[i].start, n);
    buf[n] = '\0';
    return buf;
}

static void test_split_survives_abbreviations(void)
{
    ng_doc d;
    ng_span sp;
    ng_text t = analyze("Mr. Smith met Gen. Jones in the U.S. capital on Jan. 5. He left.", &d, &sp);
    CHECK(t.nsentences == 2);
    CHECK_STR(sentence_text(&t, 0), "Mr. Smith met Gen. Jones in the U.S. capital on Jan. 5.");
    ng_text_free(&t);
}

static void test_split_after_initialism_at_sentence_end(void)
{
    ng_doc d;
    ng_span sp;
    ng_text t = analyze("The troops arrived in the U.S. The talks began.", &d, &sp);
    CHECK(t.nsentences == 2);
    ng_text_free(&t);
}

static void test_split_keeps_decimals_and_initials(void)
{
    ng_doc d;
    ng_span sp;
    ng_text t = analyze("Growth was 3.5 percent, said J. R. Tolkien. Prices rose.", &d, &sp);
    CHECK(t.nsentences == 2);
    CHECK_STR(sentence_text(&t, 0), "Growth was 3.5 percent, said J. R. Tolkien.");
    ng_text_free(&t);
}

static void test_split_quote_closing_after_period(void)
{
    ng_doc d;
    ng_span sp;
    ng_text t = analyze("\xE2\x80\x9CWe will not go.\xE2\x80\x9D The minister left.", &d, &sp);
    CHECK(t.nsentences == 2);
    CHECK_STR(sentence_text(&t, 0), "\xE2\x80\x9CWe will not go.\xE2\x80\x9D");
    ng_text_free(&t);
}

static void test_split_no_break_before_lowercase(void)
{
    ng_doc d;
    ng_span sp;
    ng_text t = analyze("\"We cannot comment,\" Peskov said. \"We do not know.\"", &d, &sp);
    CHECK(t.nsentences == 2);
    ng_text_free(&t);
}

static void test_paragraph_breaks_end_sentences(void)
{
    ng_doc d;
    ng_span sp;
    ng_text t = analyze("First line without stop\nSecond line here.", &d, &sp);
    CHECK(t.nparas == 2);
    CHECK(t.nsentences == 2);
    CHECK(t.sentences[1].para == 1);
    ng_text_free(&t);
}

static void test_tokens_possessive_split_with_offsets(void)
{
    ng_doc d;
    ng_span sp;
    ng_text t = analyze("Russia\xE2\x80\x99s war and Kim Jong Un's troops", &d, &sp);
    CHECK(t.ntokens == 9);
    CHECK(t.tokens[0].start == 0 && t.tokens[0].end == 6);
    CHECK(t.tokens[1].flags & NG_TOK_POSSESSIVE);
    CHECK(t.tokens[1].end - t.tokens[1].start == 4);
    CHECK(t.tokens[7].flags & NG_TOK_POSSESSIVE);
    ng_text_free(&t);
}

static void test_tokens_hyphenated_name_is_one_word(void)
{
    ng_doc d;
    ng_span sp;
    ng_text t = analyze("Lee Seong-kweun spoke; 10,000 troops, NATO", &d, &sp);
    CHECK(t.tokens[1].end - t.tokens[1].start == strlen("Seong-kweun"));
    CHECK(t.tokens[1].flags & NG_TOK_CAP);
    CHECK(t.tokens[4].flags & NG_TOK_DIGIT);
    CHECK(t.tokens[4].end - t.tokens[4].start == 6);
    CHECK(t.tokens[7].flags & NG_TOK_ALLCAPS);
    ng_text_free(&t);
}

static void test_quote_marks_open_and_close(void)
{
    ng_doc d;
    ng_span sp;
    ng_text t = analyze("He said \"yes\" and \xE2\x80\x9Cno\xE2\x80\x9D.", &d, &sp);
    CHECK((t.tokens[2].flags & (NG_TOK_DQUOTE | NG_TOK_OPEN)) == (NG_TOK_DQUOTE | NG_TOK_OPEN));
    CHECK(t.tokens[4].flags & NG_TOK_CLOSE);
    CHECK(t.tokens[6].flags & NG_TOK_OPEN);
    CHECK(t.tokens[8].flags & NG_TOK_CLOSE);
    ng_text_free(&t);
}

static void test_headline_line_flagged(void)
{
    ng_doc d;
    ng_span sp;
    ng_text t = analyze("Kremlin Declines to Comment on North Korean POWs\nThe Kremlin said no.", &d, &sp);
    CHECK(t.tokens[0].flags & NG_TOK_HEADLINE);
    CHECK(!(t.tokens[t.ntokens - 1].flags & NG_TOK_HEADLINE));
    ng_text_free(&t);
}

static void test_crlf_and_invalid_bytes_do_not_break(void)
{
    ng_doc d;
    ng_span sp;
    ng_text t = analyze("One.\r\nTwo \xFF\xFE three.\r\n", &d, &sp);
    CHECK(t.nsentences == 2);
    ng_text_free(&t);
}

static void test_domain_name_is_one_word(void)
{
    ng_doc d;
    ng_span sp;
    ng_text t = analyze("Gawker.com said so. It was true.", &d, &sp);
    CHECK(t.tokens[0].end == strlen("Gawker.com"));
    CHECK(t.nsentences == 2);
    ng_text_free(&t);
}

static void test_signed_quote_is_not_a_headline(void)
{
    ng_doc d;
    ng_span sp;
    ng_text t = analyze("\"This Is What We Want.\" - Matthew Ingram", &d, &sp);
    CHECK(!(t.tokens[1].flags & NG_TOK_HEADLINE));
    ng_text_free(&t);
}

/* The folded head of every token: set for words of 1 to 7 ASCII letters
 * and digits that are nothing more (what an 8-byte load, lowercased and
 * zero-padded, would give), 0 for every other token. */
static void test_heads_of_short_ascii_words(void)
{
    ng_doc d;
    ng_span sp;
    ng_text t = analyze("Kim met O'Brien, PUTIN and Zelenskyy in U.S. talks 2024 Caf\xC3\xA9 ok.",
                        &d, &sp);
    CHECK(t.heads != NULL);
    for (size_t i = 0; i < t.ntokens; i++) {
        const char *w = d.text + t.tokens[i].start;
        size_t n = t.tokens[i].end - t.tokens[i].start;
        uint64_t want = 0;
        int simple = (t.tokens[i].flags & NG_TOK_WORD) && n < 8;
        for (size_t k = 0; k < n && simple; k++)
            simple = (w[k] >= 'a' && w[k] <= 'z') || (w[k] >= 'A' && w[k] <= 'Z') ||
                     (w[k] >= '0' && w[k] <= '9');
        if (simple) {
            unsigned char b[8] = {0};
            for (size_t k = 0; k < n; k++)
                b[k] = (unsigned char)(w[k] >= 'A' && w[k] <= 'Z' ? w[k] + 32 : w[k]);
            memcpy(&want, b, 8);
        }
        /* the end of a paragraph may leave a short word without one */
        CHECK(t.heads[i] == want || (t.heads[i] == 0 && t.tokens[i].end + 8 > d.len));
    }
    CHECK(t.heads[0] != 0);
    ng_text_free(&t);
}

int main(void)
{
    RUN(test_heads_of_short_ascii_words);
    RUN(test_split_survives_abbreviations);
    RUN(test_split_after_initialism_at_sentence_end);
    RUN(test_split_keeps_decimals_and_initials);
    RUN(test_split_quote_closing_after_period);
    RUN(test_split_no_break_before_lowercase);
    RUN(test_paragraph_breaks_end_sentences);
    RUN(test_tokens_possessive_split_with_offsets);
    RUN(test_tokens_hyphenated_name_is_one_word);
    RUN(test_quote_marks_open_and_close);
    RUN(test_headline_line_flagged);
    RUN(test_crlf_and_invalid_bytes_do_not_break);
    RUN(test_domain_name_is_one_word);
    RUN(test_signed_quote_is_not_a_headline);
    return CHECK_DONE();
}
