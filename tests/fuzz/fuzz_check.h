/* fuzz_check.h - what every fuzz target asserts besides "no crash".
 *
 * A parser that returns garbage without crashing is still wrong, so the
 * targets check the promises of the public headers on every result:
 * documents are NUL-terminated UTF-8 without NUL bytes, spans lie inside
 * the text and are sorted, indices point into their arrays. A broken
 * promise aborts, which both libFuzzer and the smoke driver report as a
 * crash with the message printed first. */
#ifndef NG_FUZZ_CHECK_H
#define NG_FUZZ_CHECK_H

#include "newsgraph/error.h"
#include "newsgraph/ingest.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FUZZ_ASSERT(cond)                                                              \
    do {                                                                               \
        if (!(cond)) {                                                                 \
            fprintf(stderr, "%s:%d: broken promise: %s\n", __FILE__, __LINE__, #cond); \
            abort();                                                                   \
        }                                                                              \
    } while (0)

/* 1 when s[0..len) is well-formed UTF-8 (no overlongs, surrogates or
 * code points above U+10FFFF). Written here, not borrowed from the code
 * under test, so a bug there cannot hide itself. */
static inline int fuzz_utf8_valid(const unsigned char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        unsigned c = s[i];
        size_t n;
        unsigned min;
        if (c < 0x80) {
            i++;
            continue;
        } else if (c >= 0xC2 && c <= 0xDF) {
            n = 1, min = 0x80;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 2, min = 0x800;
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 3, min = 0x10000;
        } else {
            return 0;
        }
        if (n >= len - i) /* the sequence runs past the end */
            return 0;
        unsigned cp = c & (0x3Fu >> n);
        for (size_t k = 1; k <= n; k++) {
            if ((s[i + k] & 0xC0) != 0x80)
                return 0;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return 0;
        i += n + 1;
    }
    return 1;
}

/* A failed call must say why, with a known code. */
static inline void fuzz_check_error(int rc, const ng_error *err)
{
    FUZZ_ASSERT(rc == NG_EINPUT || rc == NG_EUSAGE || rc == NG_ENOMEM || rc == NG_EIO ||
                rc == NG_EINTERNAL);
    FUZZ_ASSERT(memchr(err->message, '\0', sizeof err->message) != NULL);
    FUZZ_ASSERT(err->message[0] != '\0');
}

/* The promises of ingest.h about a loaded document. */
static inline void fuzz_check_doc(const ng_doc *doc)
{
    FUZZ_ASSERT(doc != NULL && doc->text != NULL && doc->path != NULL);
    FUZZ_ASSERT(doc->text[doc->len] == '\0');
    FUZZ_ASSERT(memchr(doc->text, '\0', doc->len) == NULL);
    FUZZ_ASSERT(fuzz_utf8_valid((const unsigned char *)doc->text, doc->len));
    size_t dlen = strnlen(doc->date, sizeof doc->date);
    FUZZ_ASSERT(dlen == 0 || dlen == 10);
    if (dlen == 10)
        FUZZ_ASSERT(doc->date[4] == '-' && doc->date[7] == '-');
    if (doc->title)
        FUZZ_ASSERT(fuzz_utf8_valid((const unsigned char *)doc->title, strlen(doc->title)));
    if (doc->byline)
        FUZZ_ASSERT(fuzz_utf8_valid((const unsigned char *)doc->byline, strlen(doc->byline)));
    FUZZ_ASSERT(doc->nbody == 0 || doc->body != NULL);
    for (size_t i = 0; i < doc->nbody; i++) {
        FUZZ_ASSERT(doc->body[i].start <= doc->body[i].end);
        FUZZ_ASSERT(doc->body[i].end <= doc->len);
        if (i > 0)
            FUZZ_ASSERT(doc->body[i - 1].end <= doc->body[i].start);
    }
}

#endif
