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


const char ng_digit_pairs[200] = {
    '0', '0', '0', '1', '0', '2', '0', '3', '0', '4', '0', '5', '0', '6', '0', '7', '0', '8', '0', '9',
    '1', '0', '1', '1', '1', '2', '1', '3', '1', '4', '1', '5', '1', '6', '1', '7', '1', '8', '1', '9',
    '2', '0', '2', '1', '2', '2', '2', '3', '2', '4', '2', '5', '2', '6', '2', '7', '2', '8', '2', '9',
    '3', '0', '3', '1', '3', '2', '3', '3', '3', '4', '3', '5', '3', '6', '3', '7', '3', '8', '3', '9',
    '4', '0', '4', '1', '4', '2', '4', '3', '4', '4', '4', '5', '4', '6', '4', '7', '4', '8', '4', '9',
    '5', '0', '5', '1', '5', '2', '5', '3', '5', '4', '5', '5', '5', '6', '5', '7', '5', '8', '5', '9',
    '6', '0', '6', '1', '6', '2', '6', '3', '6', '4', '6', '5', '6', '6', '6', '7', '6', '8', '6', '9',
    '7', '0', '7', '1', '7', '2', '7', '3', '7', '4', '7', '5', '7', '6', '7', '7', '7', '8', '7', '9',
    '8', '0', '8', '1', '8', '2', '8', '3', '8', '4', '8', '5', '8', '6', '8', '7', '8', '8', '8', '9',
    '9', '0', '9', '1', '9', '2', '9', '3', '9', '4', '9', '5', '9', '6', '9', '7', '9', '8', '9', '9',
};

int ng_strbuf_put_int(ng_strbuf *b, long long v)
{
    if (reserve(b, 21)) /* "-" and 20 digits at most */
        return NG_ENOMEM;
    char *o = b->data + b->len;
    /* via unsigned so that LLONG_MIN negates without overflow */
    unsigned long long u = v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v;
    if (v < 0)
        *o++ = '-';
    if (u <= UINT32_MAX) { /* nearly always: offsets, counts, indices */
        o = ng_fmt_u32(o, (uint32_t)u);
    } else {
        char digits[20];
        size_t i = sizeof digits;
        while (u >= 100) { /* two digits per division */
            i -= 2;
            memcpy(digits + i, ng_digit_pairs + 2 * (u % 100), 2);
            u /= 100;
        }
        if (u >= 10) {
            i -= 2;
            memcpy(digits + i, ng_digit_pairs + 2 * u, 2);
        } else {
            digits[--i] = (char)('0' + u);
        }
        memcpy(o, digits + i, sizeof digits - i);
        o += sizeof digits - i;
    }
    b->len = (size_t)(o - b->data);
    b->data[b->len] = '\0';
    return 0;
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
