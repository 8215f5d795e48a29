/* test_binary.c - the binary-file test of ingest (ngi_binary_reason, whose
 * scan skips 16 and 8 clean bytes at a time) gives the answer of a plain
 * byte-by-byte count, with control bytes and NULs at every alignment. */
#include "helpers.h"

#include "ingest_internal.h"

#include <stdint.h>
#include <stdlib.h>

/* The rule of ngi_binary_reason, one byte at a time. */
static const char *plain_reason(const unsigned char *b, size_t n)
{
    if (n >= 5 && memcmp(b, "%PDF-", 5) == 0)
        return "a PDF file";
    size_t sample = n < 8192 ? n : 8192, nul = 0, ctrl = 0, nul_even = 0;
    for (size_t i = 0; i < sample; i++) {
        unsigned char c = b[i];
        if (c == 0) {
            nul++;
            nul_even += i % 2 == 0;
        } else if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' &&
                    c != 0x1B) ||
                   c == 0x7F) {
            ctrl++;
        }
    }
    if (sample >= 16 && nul * 3 >= sample && (nul_even * 10 >= nul * 9 || nul_even * 10 <= nul))
        return "UTF-16 text without a byte-order mark (convert it to UTF-8)";
    if (nul > 64 || (nul + ctrl >= 4 && (nul + ctrl) * 20 > sample))
        return "binary data (many NUL or control bytes in the first 8 KB)";
    return NULL;
}

static uint64_t state = 88172645463325252u;

static uint32_t rnd(uint32_t n)
{
    return xorshift_below(&state, n);
}

static int same(const char *a, const char *b)
{
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

static void test_fast_scan_counts_like_plain_scan(void)
{
    static const unsigned char odd[] = {0, 1, 0x1F, 0x20, 0x7F, 0x80, 0xFF, 0x1B, '\n', '\t', 'a'};
    unsigned char buf[9000];
    int differed = 0;
    for (int round = 0; round < 20000; round++) {
        size_t n = rnd(4) ? rnd(200) : rnd(sizeof buf);
        uint32_t rate = 1 + rnd(60); /* one odd byte in rate, on average */
        for (size_t i = 0; i < n; i++)
            buf[i] = rnd(rate) ? (unsigned char)(' ' + rnd(95)) : odd[rnd(sizeof odd)];
        differed += !same(ngi_binary_reason(buf, n), plain_reason(buf, n));
    }
    CHECK(differed == 0);
}

int main(void)
{
    RUN(test_fast_scan_counts_like_plain_scan);
    return CHECK_DONE();
}
