/* check.h - the smallest test harness: CHECK prints the failing line and
 * counts; RUN runs one named case; main returns failures != 0. */
#ifndef NG_CHECK_H
#define NG_CHECK_H

#include <stdio.h>
#include <string.h>

static int ng_check_failures;

#define CHECK(cond)                                                                  \
    do {                                                                             \
        if (!(cond)) {                                                               \
            fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
            ng_check_failures++;                                                     \
        }                                                                            \
    } while (0)

#define CHECK_STR(a, b)                                                                    \
    do {                                                                                   \
        const char *ng_a_ = (a), *ng_b_ = (b);                                             \
        if (!ng_a_ || !ng_b_ || strcmp(ng_a_, ng_b_) != 0) {                               \
            fprintf(stderr, "%s:%d: CHECK_STR failed: \"%s\" != \"%s\"\n", __FILE__, __LINE__, \
                    ng_a_ ? ng_a_ : "(null)", ng_b_ ? ng_b_ : "(null)");                   \
            ng_check_failures++;                                                           \
        }                                                                                  \
    } while (0)

#define RUN(test)                                  \
    do {                                           \
        int ng_before_ = ng_check_failures;        \
        test();                                    \
        fprintf(stderr, "%s %s\n",                 \
                ng_check_failures == ng_before_ ? "ok  " : "FAIL", #test); \
    } while (0)

#define CHECK_DONE() (ng_check_failures ? 1 : 0)

#endif
