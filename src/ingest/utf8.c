/* utf8.c - from raw bytes to clean UTF-8: BOMs, UTF-16, binary sniffing,
 * invalid sequences and NUL bytes. Nothing here knows about files. */
#include "ingest_internal.h"

#include "newsgraph/error.h"

#include <stdint.h>
#include <string.h>

enum ngi_bom ngi_detect_bom(const unsigned char *b, size_t n)
{
    if (n >= 4 && ((b[0] == 0xFF && b[1] == 0xFE && b[2] == 0 && b[3] == 0) ||
                   (b[0] == 0 && b[1] == 0 && b[2] == 0xFE && b[3] == 0xFF)))
        return NGI_BOM_UTF32;
    if (n >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF)
        return NGI_BOM_UTF8;
    if (n >= 2 && b[0] == 0xFF && b[1] == 0xFE)
        return NGI_BOM_UTF16LE;
    if (n >= 2 && b[0] == 0xFE && b[1] == 0xFF)
        return NGI_BOM_UTF16BE;
    return NGI_BOM_NONE;
}

/* Appends code point cp as UTF-8. */
static int put_utf8(ng_strbuf *out, unsigned long cp)
{
    char s[4];
    size_t n;
    if (cp < 0x80) {
        s[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        s[0] = (char)(0xC0 | (cp >> 6));
        s[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        s[0] = (char)(0xE0 | (cp >> 12));
        s[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        s[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        s[0] = (char)(0xF0 | (cp >> 18));
        s[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        s[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        s[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    return ng_strbuf_append(out, s, n);
}

/* UTF-16 is decoded unit by unit; a high surrogate must be followed by a
 * low one, anything else is replaced so the output is always valid UTF-8.
 * A trailing odd byte is replaced too. NUL code units become spaces. */
int ngi_utf16_to_utf8(const unsigned char *b, size_t n, int big_endian, ng_strbuf *out,
                      size_t *nbad)
{
    *nbad = 0;
    size_t i = 0;
    while (i + 1 < n) {
        unsigned long u = big_endian ? ((unsigned long)b[i] << 8 | b[i + 1])
                                     : ((unsigned long)b[i + 1] << 8 | b[i]);
        i += 2;
        if (u >= 0xD800 && u <= 0xDBFF && i + 1 < n) {
            unsigned long lo = big_endian ? ((unsigned long)b[i] << 8 | b[i + 1])
                                          : ((unsigned long)b[i + 1] << 8 | b[i]);
            if (lo >= 0xDC00 && lo <= 0xDFFF) {
                i += 2;
                u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
            } else {
                u = 0xFFFD;
                ++*nbad;
            }
        } else if (u >= 0xD800 && u <= 0xDFFF) {
            u = 0xFFFD;
            ++*nbad;
        } else if (u == 0) {
            u = ' ';
        }
        if (put_utf8(out, u))
            return NG_ENOMEM;
    }
    if (i < n) {
        ++*nbad;
        if (put_utf8(out, 0xFFFD))
            return NG_ENOMEM;
    }
    if (!out->data && ng_strbuf_append(out, "", 0))
        return NG_ENOMEM;
    return 0;
}

/* Eight bytes at a time: true when none is below 0x20 or 0x7F (the
 * has-less-than and has-zero-byte tests of Hacker's Delight 6-1). */
static inline int no_control8(const unsigned char *p)
{
    uint64_t w;
    memcpy(&w, p, 8);
    const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
    uint64_t del = w ^ (ones * 0x7F);
    return (((w - ones * 0x20) & ~w) & highs) == 0 && (((del - ones) & ~del) & highs) == 0;
}

#ifdef __SSE2__
#include <emmintrin.h>
/* Sixteen bytes at a time (SSE2): true when none is below 0x20 or 0x7F,
 * the same answer as two no_control8 calls. */
static inline int no_control16(const unsigned char *p)
{
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
    __m128i low = _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(0x1F)), v); /* v <= 0x1F */
    __m128i del = _mm_cmpeq_epi8(v, _mm_set1_epi8(0x7F));
    return _mm_movemask_epi8(_mm_or_si128(low, del)) == 0;
}
#else
static inline int no_control16(const unsigned char *p)
{
    return no_control8(p) && no_control8(p + 8);
}
#endif

/* Text files have almost no control bytes; images, archives and
 * executables have plenty within their first few KB. The test looks at
 * the first 8 KB only, so a huge file is judged quickly. A few stray NULs
 * are repaired later, not refused. */
const char *ngi_binary_reason(const unsigned char *b, size_t n)
{
    if (n >= 5 && memcmp(b, "%PDF-", 5) == 0)
        return "a PDF file";
    size_t sample = n < 8192 ? n : 8192;
    size_t nul = 0, ctrl = 0, nul_even = 0;
    for (size_t i = 0; i < sample; i++) {
        if ((i & 15) == 0 && i + 16 <= sample && no_control16(b + i)) {
            i += 15;
            continue;
        }
        if ((i & 7) == 0 && i + 8 <= sample && no_control8(b + i)) {
            i += 7;
            continue;
        }
        unsigned char c = b[i];
        if (c == 0) {
            nul++;
            if (i % 2 == 0)
                nul_even++;
        } else if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' &&
                    c != 0x1B) ||
                   c == 0x7F) {
            ctrl++;
        }
    }
    /* Every other byte NUL: UTF-16 text that lost its byte-order mark. */
    if (sample >= 16 && nul * 3 >= sample && (nul_even * 10 >= nul * 9 || nul_even * 10 <= nul))
        return "UTF-16 text without a byte-order mark (convert it to UTF-8)";
    if (nul > 64 || (nul + ctrl >= 4 && (nul + ctrl) * 20 > sample))
        return "binary data (many NUL or control bytes in the first 8 KB)";
    return NULL;
}

/* Length of the valid UTF-8 sequence at b[i..n), or 0 when invalid
 * (overlong forms, surrogates and code points above U+10FFFF included). */
static size_t valid_seq(const unsigned char *b, size_t i, size_t n)
{
    unsigned char c = b[i];
    if (c < 0x80)
        return 1;
    size_t len;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF)
        len = 2;
    else if (c == 0xE0) {
        len = 3;
        lo = 0xA0;
    } else if (c == 0xED) {
        len = 3;
        hi = 0x9F;
    } else if (c >= 0xE1 && c <= 0xEF)
        len = 3;
    else if (c == 0xF0) {
        len = 4;
        lo = 0x90;
    } else if (c == 0xF4) {
        len = 4;
        hi = 0x8F;
    } else if (c >= 0xF1 && c <= 0xF3)
        len = 4;
    else
        return 0;
    if (i + len > n)
        return 0;
    if (b[i + 1] < lo || b[i + 1] > hi)
        return 0;
    for (size_t k = 2; k < len; k++)
        if (b[i + k] < 0x80 || b[i + k] > 0xBF)
            return 0;
    return len;
}

/* Eight bytes at a time: true when none is NUL or >= 0x80 (has-zero-byte
 * test of Hacker's Delight 6-1). Most news text is such ASCII runs. */
static inline int plain_ascii8(const unsigned char *p)
{
    uint64_t w;
    memcpy(&w, p, 8);
    const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
    return ((w | ((w - ones) & ~w)) & highs) == 0;
}

/* Length of the longest prefix of b[i..n) that needs no repair: valid
 * UTF-8 without NUL bytes. */
static size_t clean_run(const unsigned char *b, size_t i, size_t n)
{
    for (;;) {
        while (i + 8 <= n && plain_ascii8(b + i))
            i += 8;
        if (i == n)
            return i;
        size_t k = b[i] == 0 ? 0 : valid_seq(b, i, n);
        if (!k)
            return i;
        i += k;
    }
}

size_t ngi_utf8_clean_len(const unsigned char *b, size_t n) { return clean_run(b, 0, n); }

/* Copies valid runs in one append each, so clean input costs one memcpy. */
int ngi_utf8_clean(const unsigned char *b, size_t n, ng_strbuf *out, ngi_repairs *rep)
{
    memset(rep, 0, sizeof *rep);
    size_t run = 0, i = 0;
    if (ng_strbuf_append(out, "", 0))
        return NG_ENOMEM;
    while ((i = clean_run(b, i, n)) < n) {
        if (ng_strbuf_append(out, (const char *)b + run, i - run))
            return NG_ENOMEM;
        if (b[i] == 0) {
            if (rep->nnul++ == 0)
                rep->first_nul = i;
            if (ng_strbuf_putc(out, ' '))
                return NG_ENOMEM;
        } else {
            if (rep->nbad++ == 0)
                rep->first_bad = i;
            if (ng_strbuf_append(out, "\xEF\xBF\xBD", 3))
                return NG_ENOMEM;
        }
        run = ++i;
    }
    if (ng_strbuf_append(out, (const char *)b + run, n - run))
        return NG_ENOMEM;
    return 0;
}
