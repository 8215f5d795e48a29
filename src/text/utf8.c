/* utf8.c - decoding helpers shared by the text layer and later stages. */
#include "newsgraph/text.h"

size_t ng_utf8_len(const unsigned char *s, size_t avail)
{
    size_t len;
    ng_utf8_decode(s, avail, &len);
    return len;
}

/* Decodes one code point; malformed or truncated sequences decode as
 * U+FFFD with length 1 so callers always make progress. */
uint32_t ng_utf8_decode(const unsigned char *s, size_t avail, size_t *len)
{
    if (avail == 0) {
        *len = 0;
        return 0;
    }
    unsigned char c = s[0];
    if (c < 0x80) {
        *len = 1;
        return c;
    }
    size_t n;
    uint32_t cp;
    if ((c & 0xE0) == 0xC0) {
        n = 2;
        cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
        n = 3;
        cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
        n = 4;
        cp = c & 0x07;
    } else {
        *len = 1;
        return 0xFFFD;
    }
    if (n > avail) {
        *len = 1;
        return 0xFFFD;
    }
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            *len = 1;
            return 0xFFFD;
        }
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    *len = n;
    return cp;
}
