/* strbuf.h - growable byte string, always NUL-terminated.
 * The owner frees it with ng_strbuf_free; ng_strbuf_steal hands the bytes over. */
#ifndef NG_STRBUF_H
#define NG_STRBUF_H

#include <stdarg.h>
#include <stddef.h>

typedef struct ng_strbuf {
    char *data;
    size_t len, cap;
} ng_strbuf;

void ng_strbuf_init(ng_strbuf *b);
/* Each append returns 0 or NG_ENOMEM. */
int ng_strbuf_append(ng_strbuf *b, const char *s, size_t n);
int ng_strbuf_puts(ng_strbuf *b, const char *s);
int ng_strbuf_putc(ng_strbuf *b, char c);
/* Appends v in decimal, without printf (output loops write many numbers). */
int ng_strbuf_put_int(ng_strbuf *b, long long v);
int ng_strbuf_printf(ng_strbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Returns the buffer (caller frees) and leaves b empty. Never NULL unless out of memory. */
char *ng_strbuf_steal(ng_strbuf *b);
void ng_strbuf_free(ng_strbuf *b);

#endif
