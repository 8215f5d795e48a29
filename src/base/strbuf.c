/* strbuf.c - growable byte string (see strbuf.h). */
#include "strbuf.h"

#include "newsgraph/error.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void ng_strbuf_init(ng_strbuf *b)
{
    b->data = NULL;
    b->len = b->cap = 0;
}

static int reserve(ng_strbuf *b, size_t extra)
{
    if (b->len + extra + 1 <= b->cap)
        return 0;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + extra + 1)
        cap *= 2;
    char *p = realloc(b->data, cap);
    if (!p)
        return NG_ENOMEM;
    b->data = p;
    b->cap = cap;
    return 0;
}

int ng_strbuf_reserve(ng_strbuf *b, size_t extra) { return reserve(b, extra); }

/* The part of ng_strbuf_append (strbuf.h) that grows the buffer. */
int ng_strbuf_append_slow(ng_strbuf *b, const char *s, size_t n)
{
    if (reserve(b, n))
        return NG_ENOMEM;
    if (n)
        memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
    return 0;
}


int ng_strbuf_put_int(ng_strbuf *b, long long v)
{
    static const char pairs[] = "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
                                "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
                                "8081828384858687888990919293949596979899";
    char digits[24];
    size_t i = sizeof digits;
    /* via unsigned so that LLONG_MIN negates without overflow */
    unsigned long long u = v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v;
    while (u >= 100) { /* two digits per division */
        unsigned r = (unsigned)(u % 100);
        u /= 100;
        i -= 2;
        memcpy(digits + i, pairs + 2 * r, 2);
    }
    if (u >= 10) {
        i -= 2;
        memcpy(digits + i, pairs + 2 * u, 2);
    } else {
        digits[--i] = (char)('0' + u);
    }
    if (v < 0)
        digits[--i] = '-';
    return ng_strbuf_append(b, digits + i, sizeof digits - i);
}

int ng_strbuf_printf(ng_strbuf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char small[256];
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        return NG_EINTERNAL;
    if ((size_t)n < sizeof small)
        return ng_strbuf_append(b, small, (size_t)n);
    if (reserve(b, (size_t)n))
        return NG_ENOMEM;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    return 0;
}

char *ng_strbuf_steal(ng_strbuf *b)
{
    if (!b->data && reserve(b, 0))
        return NULL;
    char *p = b->data;
    ng_strbuf_init(b);
    return p;
}

void ng_strbuf_free(ng_strbuf *b)
{
    free(b->data);
    ng_strbuf_init(b);
}
