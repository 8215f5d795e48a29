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

static int plain_ascii(unsigned char c) { return plain[c]; }

int ng_json_put_cstring(ng_strbuf *b, const char *s)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    while (plain[u[i]])
        i++;
    if (u[i]) /* something to escape or check: the general writer */
        return ng_json_put_string(b, s, i + strlen(s + i));
    if (ng_strbuf_reserve(b, i + 2))
        return NG_ENOMEM;
    char *o = b->data + b->len;
    o[0] = '"';
    memcpy(o + 1, s, i);
    o[i + 1] = '"';
    b->len += i + 2;
    b->data[b->len] = '\0';
    return 0;
}

int ng_json_put_string(ng_strbuf *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    const unsigned char *u = (const unsigned char *)s;
    if (ng_strbuf_putc(b, '"'))
        return NG_ENOMEM;
    size_t run = 0; /* start of the pending run of bytes copied verbatim */
    for (size_t i = 0; i < n;) {
        /* fast path: most text is plain ASCII, skip it without branching per case */
        while (i < n && plain_ascii(u[i]))
            i++;
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
