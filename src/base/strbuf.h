/* strbuf.h - growable byte string, always NUL-terminated.
 * The owner frees it with ng_strbuf_free; ng_strbuf_steal hands the bytes over. */
#ifndef NG_STRBUF_H
#define NG_STRBUF_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef struct ng_strbuf {
    char *data;
    size_t len, cap;
} ng_strbuf;

void ng_strbuf_init(ng_strbuf *b);
/* Makes room for extra more bytes (and the NUL) without appending them. */
int ng_strbuf_reserve(ng_strbuf *b, size_t extra);
/* Grows b and appends; ng_strbuf_append's path when the bytes do not fit. */
int ng_strbuf_append_slow(ng_strbuf *b, const char *s, size_t n);

/* Each append returns 0 or NG_ENOMEM. Inline because writers append many
 * short pieces: when the bytes fit, an append is a memcpy, not a call. */
static inline int ng_strbuf_append(ng_strbuf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap)
        return ng_strbuf_append_slow(b, s, n);
    if (n)
        memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
    return 0;
}

static inline int ng_strbuf_puts(ng_strbuf *b, const char *s) { return ng_strbuf_append(b, s, strlen(s)); }

static inline int ng_strbuf_putc(ng_strbuf *b, char c) { return ng_strbuf_append(b, &c, 1); }

/* "00" "01" ... "99": two decimal digits per entry. */
extern const char ng_digit_pairs[200];

/* Writes v in decimal at o (room for 10 bytes) and returns the end. The
 * length is found first so the digits go straight to their places, two
 * at a time: writers that reserve room once and format many numbers
 * (extract output) use this instead of a call per number. */
static inline char *ng_fmt_u32(char *o, uint32_t v)
{
    size_t n = v < 100 ? (v < 10 ? 1 : 2)
             : v < 10000 ? (v < 1000 ? 3 : 4)
             : v < 1000000 ? (v < 100000 ? 5 : 6)
             : v < 100000000 ? (v < 10000000 ? 7 : 8)
             : v < 1000000000 ? 9 : 10;
    char *end = o + n, *q = end;
    while (v >= 100) {
        q -= 2;
        memcpy(q, ng_digit_pairs + 2 * (v % 100), 2);
        v /= 100;
    }
    if (v >= 10)
        memcpy(q - 2, ng_digit_pairs + 2 * v, 2);
    else
        q[-1] = (char)('0' + v);
    return end;
}

/* Appends v in decimal, without printf (output loops write many numbers). */
int ng_strbuf_put_int(ng_strbuf *b, long long v);
int ng_strbuf_printf(ng_strbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Returns the buffer (caller frees) and leaves b empty. Never NULL unless out of memory. */
char *ng_strbuf_steal(ng_strbuf *b);
void ng_strbuf_free(ng_strbuf *b);

#endif
