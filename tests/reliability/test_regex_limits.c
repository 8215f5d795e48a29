/* test_regex_limits.c - a furniture rule with catastrophic backtracking
 * cannot hang ingestion: PCRE2 match limits turn it into "no match".
 *
 * ^(a+)+$ against "aaa...ab" takes 2^n steps without a limit. PCRE2's
 * own default (10 million steps, some 10-20 ms with JIT) would make 1000
 * such paragraphs take 10-20 s; the limits of furniture_rules.c give up
 * after a small bounded amount of work (about 1.5 s for the document on a
 * loaded 2-core machine). The test fails above 6 s: it catches limits that
 * are removed or raised to the default. */
#include "check.h"

#include "newsgraph/ingest.h"

#include <stdlib.h>
#include <time.h>

static double seconds_since(const struct timespec *t0)
{
    struct timespec t1;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    return (double)(t1.tv_sec - t0->tv_sec) + (double)(t1.tv_nsec - t0->tv_nsec) / 1e9;
}

/* paragraphs of n 'a' and a final 'b', separated by blank lines */
static char *pathological_text(size_t paragraphs, size_t n, size_t *len)
{
    *len = paragraphs * (n + 3);
    char *s = malloc(*len + 1);
    if (!s)
        return NULL;
    char *p = s;
    for (size_t k = 0; k < paragraphs; k++) {
        memset(p, 'a', n);
        p += n;
        memcpy(p, "b\n\n", 3);
        p += 3;
    }
    *p = '\0';
    return s;
}

static void test_catastrophic_furniture_rule_is_bounded(void)
{
    ng_error err;
    ng_furniture *f = NULL;
    CHECK(ng_furniture_from_string("catastrophic.txt", "drop\t^(a+)+$\ndrop\t^(?:a|aa)+$\n", &f,
                                   &err) == 0);
    if (!f)
        return;
    size_t len;
    char *text = pathological_text(1000, 3000, &len);
    CHECK(text != NULL);
    ng_ingest_options opt = {0};
    opt.furniture = f;
    ng_doc *doc = NULL;
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    int rc = ng_doc_from_memory("catastrophic-input.txt", text, len, 0, &opt, &doc, &err);
    double secs = seconds_since(&t0);
    fprintf(stderr, "1000 paragraphs against ^(a+)+$: %.3f s\n", secs);
    CHECK(rc == 0);
    CHECK(secs < 6.0);
    /* A rule that gives up is no match: the paragraphs stay article text. */
    CHECK(doc && doc->nbody > 0);
    ng_doc_free(doc);
    free(text);
    ng_furniture_free(f);
}

static void test_default_rules_on_long_repetitive_paragraphs(void)
{
    ng_error err;
    ng_furniture *f = NULL;
    CHECK(ng_furniture_load(NULL, &f, &err) == 0);
    if (!f)
        return;
    /* Just under the 4 KB limit of furniture.txt, shaped like its cues. */
    static const char *const pieces[] = {"Support ", "please support ", "sign up ", "read more ",
                                         "by ", "Photo: ", "we ", "your "};
    for (size_t k = 0; k < sizeof pieces / sizeof pieces[0]; k++) {
        size_t plen = strlen(pieces[k]), n = 4000 / plen;
        size_t len = n * plen + 1;
        char *text = malloc(len + 1);
        CHECK(text != NULL);
        if (!text)
            break;
        for (size_t i = 0; i < n; i++)
            memcpy(text + i * plen, pieces[k], plen);
        memcpy(text + n * plen, "!", 2);
        ng_ingest_options opt = {0};
        opt.furniture = f;
        ng_doc *doc = NULL;
        struct timespec t0;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        int rc = ng_doc_from_memory("repetitive.txt", text, len, 0, &opt, &doc, &err);
        double secs = seconds_since(&t0);
        CHECK(rc == 0);
        CHECK(secs < 5.0);
        if (secs >= 5.0)
            fprintf(stderr, "\"%s\" x %zu took %.1f s\n", pieces[k], n, secs);
        ng_doc_free(doc);
        free(text);
    }
    ng_furniture_free(f);
}

int main(void)
{
    RUN(test_catastrophic_furniture_rule_is_bounded);
    RUN(test_default_rules_on_long_repetitive_paragraphs);
    return CHECK_DONE();
}
