/* test_jsonw.c - the JSON string writers, which skip plain text eight
 * bytes at a time, against a plain writer that looks at one byte at a
 * time (the rules of jsonw.h spelled out again), over random strings
 * rich in the bytes that need care. */
#include "check.h"

#include "jsonw.h"

#include <stdint.h>
#include <stdlib.h>

/* Length of the valid UTF-8 sequence at s, or 0. */
static size_t ref_utf8(const unsigned char *s, size_t avail)
{
    unsigned c = s[0];
    size_t n = c >= 0xC2 && c < 0xE0 ? 2 : c >= 0xE0 && c < 0xF0 ? 3 : c >= 0xF0 && c < 0xF5 ? 4 : 0;
    if (!n || n > avail)
        return 0;
    uint32_t cp = c & (0x7Fu >> n);
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        cp = cp << 6 | (s[i] & 0x3F);
    }
    uint32_t min = n == 2 ? 0x80 : n == 3 ? 0x800 : 0x10000;
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return n;
}

static void ref_put(ng_strbuf *b, const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    ng_strbuf_putc(b, '"');
    for (size_t i = 0; i < n;) {
        unsigned c = u[i];
        if (c >= 0x80) {
            size_t k = ref_utf8(u + i, n - i);
            if (k) {
                ng_strbuf_append(b, s + i, k);
                i += k;
            } else {
                ng_strbuf_puts(b, "\xEF\xBF\xBD");
                i++;
            }
            continue;
        }
        switch (c) {
        case '"': ng_strbuf_puts(b, "\\\""); break;
        case '\\': ng_strbuf_puts(b, "\\\\"); break;
        case '\n': ng_strbuf_puts(b, "\\n"); break;
        case '\r': ng_strbuf_puts(b, "\\r"); break;
        case '\t': ng_strbuf_puts(b, "\\t"); break;
        case '\b': ng_strbuf_puts(b, "\\b"); break;
        case '\f': ng_strbuf_puts(b, "\\f"); break;
        default:
            if (c < 0x20 || c == 0x7F)
                ng_strbuf_printf(b, "\\u%04x", c);
            else
                ng_strbuf_putc(b, (char)c);
        }
        i++;
    }
    ng_strbuf_putc(b, '"');
}

static unsigned next_rand(uint64_t *state)
{
    *state = *state * 6364136223846793005ull + 1442695040888963407ull;
    return (unsigned)(*state >> 33);
}

/* A byte that is mostly plain, sometimes one of the edges of the tests. */
static unsigned char random_byte(uint64_t *state)
{
    static const unsigned char edge[] = {0x00, 0x01, 0x08, 0x09, 0x0A, 0x0C, 0x0D, 0x1F, 0x20,
                                         0x21, '"', 0x23, '\\', 0x5B, 0x5D, 0x7E, 0x7F, 0x80,
                                         0xBF, 0xC2, 0xC3, 0xE2, 0x82, 0xAC, 0xED, 0xF0, 0x9F,
                                         0xF4, 0xF5, 0xFF};
    unsigned r = next_rand(state);
    if (r % 4)
        return (unsigned char)(0x20 + r / 4 % 95);
    return edge[r / 4 % sizeof edge];
}

static void check_same(const char *s, size_t n)
{
    ng_strbuf want, got;
    ng_strbuf_init(&want);
    ng_strbuf_init(&got);
    ref_put(&want, s, n);
    CHECK(ng_json_put_string(&got, s, n) == 0);
    CHECK(got.len == want.len && memcmp(got.data, want.data, got.len) == 0);
    if (!memchr(s, 0, n)) { /* the C-string writer sees the same bytes */
        got.len = 0;
        CHECK(ng_json_put_cstring(&got, s) == 0);
        CHECK(got.len == want.len && memcmp(got.data, want.data, got.len) == 0);
    }
    ng_strbuf_free(&want);
    ng_strbuf_free(&got);
}

static void test_random_strings(void)
{
    uint64_t state = 42;
    char s[80];
    for (int round = 0; round < 200000; round++) {
        size_t n = next_rand(&state) % 40;
        if (round % 3 == 0) { /* long plain stretches with one odd byte */
            n = next_rand(&state) % 79;
            for (size_t i = 0; i < n; i++)
                s[i] = (char)(0x20 + next_rand(&state) % 95);
            if (n)
                s[next_rand(&state) % n] = (char)random_byte(&state);
        } else {
            for (size_t i = 0; i < n; i++)
                s[i] = (char)random_byte(&state);
        }
        s[n] = '\0';
        check_same(s, n);
    }
}

static void test_every_byte(void)
{
    /* each byte value alone and at every place of a 17-byte plain string */
    for (int c = 0; c < 256; c++) {
        char s[18];
        for (size_t at = 0; at < 17; at++) {
            memset(s, 'a', 17);
            s[at] = (char)c;
            s[17] = '\0';
            check_same(s, 17);
        }
        s[0] = (char)c;
        s[1] = '\0';
        check_same(s, 1);
    }
    check_same("", 0);
}

int main(void)
{
    RUN(test_every_byte);
    RUN(test_random_strings);
    return CHECK_DONE();
}
