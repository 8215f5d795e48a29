/* helpers.h - shared by the ingest tests: options with the furniture cues
 * compiled once from the source tree, a warning collector, and questions
 * about a document's body ("is this sentence article text?"). */
#ifndef NG_TEST_INGEST_HELPERS_H
#define NG_TEST_INGEST_HELPERS_H

#include "check.h"
#include "newsgraph/ingest.h"
#include "ng_config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct warnings {
    int count;
    char last[1024];
} warnings;

static inline void collect_warning(void *ctx, const char *msg)
{
    warnings *w = ctx;
    w->count++;
    snprintf(w->last, sizeof w->last, "%s", msg);
}

/* A pseudo-random number below n from *state (xorshift64): the random
 * inputs of a test are the same on every run. */
static inline uint32_t xorshift_below(uint64_t *state, uint32_t n)
{
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    return (uint32_t)(*state % n);
}

static ng_furniture *test_furniture;

/* Options with the default cues (loaded once per test program) and
 * warnings collected into *w. */
static inline ng_ingest_options test_options(warnings *w)
{
    if (!test_furniture) {
        ng_error err;
        if (ng_furniture_load(NG_SOURCE_DATA_DIR, &test_furniture, &err) != 0) {
            fprintf(stderr, "cannot load furniture cues: %s\n", err.message);
            exit(2);
        }
    }
    if (w)
        memset(w, 0, sizeof *w);
    ng_ingest_options o = {0};
    o.warn = collect_warning;
    o.warn_ctx = w;
    o.furniture = test_furniture;
    return o;
}

/* Loads text from memory as a .txt document; NULL (and a failed check) on error. */
static inline ng_doc *load_text(const char *name, const char *s, warnings *w)
{
    ng_ingest_options o = test_options(w);
    ng_doc *d = NULL;
    ng_error err;
    int rc = ng_doc_from_memory(name, s, strlen(s), 0, &o, &d, &err);
    if (rc)
        fprintf(stderr, "load_text(%s): %s\n", name, err.message);
    CHECK(rc == 0);
    return d;
}

/* 1 when the first occurrence of needle in doc->text lies inside one body
 * span, 0 when it is outside the body, -1 when the text lacks it. */
static inline int in_body(const ng_doc *d, const char *needle)
{
    const char *p = strstr(d->text, needle);
    if (!p)
        return -1;
    size_t a = (size_t)(p - d->text), b = a + strlen(needle);
    for (size_t i = 0; i < d->nbody; i++)
        if (d->body[i].start <= a && b <= d->body[i].end)
            return 1;
    return 0;
}

#define CHECK_IN_BODY(d, s) do { int r_ = in_body(d, s); if (r_ != 1) fprintf(stderr, "  expected in body (%d): %s\n", r_, s); CHECK(r_ == 1); } while (0)
#define CHECK_OUT_OF_BODY(d, s) do { int r_ = in_body(d, s); if (r_ != 0) fprintf(stderr, "  expected out of body (%d): %s\n", r_, s); CHECK(r_ == 0); } while (0)

static inline void free_test_furniture(void) { ng_furniture_free(test_furniture); }

#endif
