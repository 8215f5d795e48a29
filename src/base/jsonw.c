/* jsonw.c - see jsonw.h. */
#include "jsonw.h"

#include "newsgraph/error.h"

#include <stdint.h>
#include <string.h>

/* Length of a valid UTF-8 sequence at s, or 0 when it is malformed. */
static size_t valid_utf8(const unsigned char *s, size_t avail)
{
    unsigned char c = s[0];
    size_t n;
    uint32_t min;
    if (c < 0xC2)
        return 0;
    if (c < 0xE0) {
        n = 2;
        min = 0x80;
    } else if (c < 0xF0) {
        n = 3;
        min = 0x800;
    } else if (c < 0xF5) {
        n = 4;
        min = 0x10000;
    } else {
        return 0;
    }
    if (n > avail)
        return 0;
    uint32_t cp = c & (0x7F >> n);
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return n;
}

size_t ng_utf8_first_invalid(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        if (u[i] < 0x80) {
            i++;
            continue;
        }
        size_t k = valid_utf8(u + i, n - i);
        if (!k)
            return i;
        i += k;
    }
    return n;
}

/* ASCII bytes copied as they are: printable, not '"' or '\\' (and so
 * not NUL, which ends a C string). A table: the writers spend their time
 * in this test. */
#define P16 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1
static const unsigned char plain[256] = {
    [0x20] = 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x22 is '"' */
    P16, P16, /* 0x30 - 0x4F */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, /* 0x5C is '\\' */
    P16, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, /* 0x7F */
};
#undef P16

/* Whether all 8 bytes of x are plain: no byte below 0x20 or above 0x7E,
 * none '"' or '\\' (the usual bit tricks; each test is exact about
 * whether some byte matches, which is all that is asked). */
static int plain8(uint64_t x)
{
    const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
    uint64_t quote = x ^ (ones * '"'), backslash = x ^ (ones * '\\');
    uint64_t bad = ((x - ones * 0x20) & ~x)                 /* a byte < 0x20 */
                   | ((x + ones) | x)                       /* a byte >= 0x7F */
                   | ((quote - ones) & ~quote)              /* a '"' */
                   | ((backslash - ones) & ~backslash);     /* a '\\' */
    return (bad & high) == 0;
}

static uint64_t load8(const unsigned char *u)
{
    uint64_t x;
    memcpy(&x, u, 8);
    return x;
}

/* Length of the plain prefix of u[0..n): eight bytes at a time (the last
 * eight overlapping the ones before), then one at a time with the table
 * from the first eight that are not all plain. */
static inline size_t plain_span(const unsigned char *u, size_t n)
{
    size_t i = 0;
    for (; i + 8 <= n; i += 8)
        if (!plain8(load8(u + i)))
            goto bytes;
    if (i < n && n >= 8 && plain8(load8(u + n - 8)))
        return n;
bytes:
    while (i < n && plain[u[i]])
        i++;
    return i;
}

/* s[0..n) quoted, as it is: the whole of it is plain. */
static int put_plain(ng_strbuf *b, const char *s, size_t n)
{
    if (b->len + n + 3 > b->cap && ng_strbuf_reserve(b, n + 2))
        return NG_ENOMEM;
    char *o = b->data + b->len;
    o[0] = '"';
    memcpy(o + 1, s, n);
    o[n + 1] = '"';
    b->len += n + 2;
    b->data[b->len] = '\0';
    return 0;
}

static int put_escaped(ng_strbuf *b, const char *s, size_t n, size_t plain_prefix);

int ng_json_put_cstring(ng_strbuf *b, const char *s)
{
    size_t n = strlen(s);
    size_t i = plain_span((const unsigned char *)s, n);
    return i == n ? put_plain(b, s, n) : put_escaped(b, s, n, i);
}

int ng_json_put_string(ng_strbuf *b, const char *s, size_t n)
{
    size_t i = plain_span((const unsigned char *)s, n);
    return i == n ? put_plain(b, s, n) : put_escaped(b, s, n, i);
}

/* The general writer: s[0..n), of which the first plain_prefix bytes are
 * plain, escaping what needs it. */
static int put_escaped(ng_strbuf *b, const char *s, size_t n, size_t plain_prefix)
{
    static const char hex[] = "0123456789abcdef";
    const unsigned char *u = (const unsigned char *)s;
    if (ng_strbuf_putc(b, '"'))
        return NG_ENOMEM;
    size_t run = 0; /* start of the pending run of bytes copied verbatim */
    for (size_t i = plain_prefix; i < n;) {
        /* fast path: most text is plain ASCII, skip it without branching per case */
        i += plain_span(u + i, n - i);
        if (i == n)
            break;
        unsigned char c = u[i];
        const char *esc = NULL;
        char ubuf[7];
        size_t step = 1;
        if (c >= 0x80) {
            step = valid_utf8(u + i, n - i);
            if (step) {
                i += step;
                continue;
            }
            esc = "\xEF\xBF\xBD"; /* U+FFFD itself: the output stays plain UTF-8 */
            step = 1;
        } else if (c == '"') {
            esc = "\\\"";
        } else if (c == '\\') {
            esc = "\\\\";
        } else if (c == '\n') {
            esc = "\\n";
        } else if (c == '\r') {
            esc = "\\r";
        } else if (c == '\t') {
            esc = "\\t";
        } else if (c == '\b') {
            esc = "\\b";
        } else if (c == '\f') {
            esc = "\\f";
        } else { /* other control bytes: c < 0x20 or 0x7F */
            ubuf[0] = '\\';
            ubuf[1] = 'u';
            ubuf[2] = '0';
            ubuf[3] = '0';
            ubuf[4] = hex[c >> 4];
            ubuf[5] = hex[c & 15];
            ubuf[6] = '\0';
            esc = ubuf;
        }
        if (ng_strbuf_append(b, s + run, i - run) || ng_strbuf_puts(b, esc))
            return NG_ENOMEM;
        i += step;
        run = i;
    }
    if (ng_strbuf_append(b, s + run, n - run) || ng_strbuf_putc(b, '"'))
        return NG_ENOMEM;
    return 0;
}
