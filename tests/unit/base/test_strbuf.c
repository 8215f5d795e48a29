/* test_strbuf.c - the decimal writers (ng_fmt_u32 and ng_strbuf_put_int,
 * which format digits straight into place) against snprintf. */
#include "check.h"

#include "strbuf.h"

#include <inttypes.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>

static void check_u32(uint32_t v)
{
    char want[16], got[16];
    snprintf(want, sizeof want, "%" PRIu32, v);
    char *end = ng_fmt_u32(got, v);
    *end = '\0';
    CHECK_STR(got, want);
}

static void check_int(long long v)
{
    char want[32];
    snprintf(want, sizeof want, "%lld", v);
    ng_strbuf b;
    ng_strbuf_init(&b);
    CHECK(ng_strbuf_append(&b, "x", 1) == 0);
    CHECK(ng_strbuf_put_int(&b, v) == 0);
    CHECK(b.len == 1 + strlen(want));
    CHECK_STR(b.data + 1, want);
    ng_strbuf_free(&b);
}

static void test_fmt_u32(void)
{
    /* every length, its edges and a walk through the range */
    uint32_t p = 1;
    for (int d = 0; d < 10; d++) {
        check_u32(p - 1);
        check_u32(p);
        check_u32(p + 1);
        if (d < 9)
            p *= 10;
    }
    for (uint32_t v = 0; v < 100000; v++)
        check_u32(v);
    for (uint64_t v = 100000; v <= UINT32_MAX; v += 999983)
        check_u32((uint32_t)v);
    check_u32(UINT32_MAX);
}

static void test_put_int(void)
{
    long long edge[] = {0, 1, -1, 9, 10, -10, 99, 100, 12345, -12345, INT32_MAX, INT32_MIN,
                        (long long)UINT32_MAX, (long long)UINT32_MAX + 1, -(long long)UINT32_MAX,
                        -(long long)UINT32_MAX - 1, 1000000000000LL, LLONG_MAX, LLONG_MIN};
    for (size_t i = 0; i < sizeof edge / sizeof *edge; i++)
        check_int(edge[i]);
    for (long long v = -5000; v <= 5000; v++)
        check_int(v);
    for (long long v = 1; v > 0 && v < LLONG_MAX / 7; v = v * 7 + 3) {
        check_int(v);
        check_int(-v);
    }
}

int main(void)
{
    RUN(test_fmt_u32);
    RUN(test_put_int);
    return CHECK_DONE();
}
