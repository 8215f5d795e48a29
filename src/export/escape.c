/* escape.c - output-safe text and numbers shared by the writers (see escape.h). */
#include "escape.h"

#include "jsonw.h"

#include "newsgraph/error.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Strict decoding per RFC 3629: the writers rely on "valid" meaning
 * that every reader (XML parsers, Graphviz, Python) accepts it. */
size_t ng_export_utf8_next(const char *str, size_t n, uint32_t *cp)
{
    const unsigned char *s = (const unsigned char *)str;
    if (n == 0)
        return 0;
    if (s[0] < 0x80) {
        *cp = s[0];
        return 1;
    }
    size_t len;
    uint32_t c, min;
    if ((s[0] & 0xe0) == 0xc0)
        len = 2, c = s[0] & 0x1f, min = 0x80;
    else if ((s[0] & 0xf0) == 0xe0)
        len = 3, c = s[0] & 0x0f, min = 0x800;
    else if ((s[0] & 0xf8) == 0xf0)
        len = 4, c = s[0] & 0x07, min = 0x10000;
    else
        return 0;
    if (n < len)
        return 0;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xc0) != 0x80)
            return 0;
        c = (c << 6) | (s[i] & 0x3f);
    }
    if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
        return 0;
    *cp = c;
    return len;
}

/* Both writers below copy runs of bytes that need nothing with one
 * append, and look closely only at the bytes that end a run: escaping
 * every graph label byte by byte was most of the export time. */

int ng_export_json_string(ng_strbuf *b, const char *s)
{
    return s ? ng_json_put_cstring(b, s) : ng_strbuf_puts(b, "null");
}

/* %.15g is exact for most values and reads nicer; fall back to %.17g,
 * which always round-trips. The C locale is assumed (the CLI never
 * calls setlocale for LC_NUMERIC). */
int ng_export_number(ng_strbuf *b, double x)
{
    if (!isfinite(x))
        x = 0;
    if (x == 0)
        return ng_strbuf_putc(b, '0'); /* also turns -0 into 0 */
    char buf[40];
    if (x == floor(x) && fabs(x) < 1e15)
        return ng_strbuf_put_int(b, (long long)x); /* what "%.0f" prints */
    snprintf(buf, sizeof buf, "%.15g", x);
    if (strtod(buf, NULL) != x)
        snprintf(buf, sizeof buf, "%.17g", x);
    return ng_strbuf_puts(b, buf);
}

/* Bytes XML text takes as they are: ASCII but the five markup
 * characters and the control bytes other than tab and newline (and so
 * not NUL, which ends the string). */
#define X16 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1
static const unsigned char xml_plain[256] = {
    ['\t'] = 1, ['\n'] = 1,
    [0x20] = 1, 1, 0, 1, 1, 1, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, /* '"' '&' '\'' */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 0, 1,          /* '<' '>' */
    X16, X16, X16, X16,                                      /* 0x40 - 0x7F */
};
#undef X16

int ng_export_xml_text(ng_strbuf *b, const char *s)
{
    if (!s)
        return 0;
    const unsigned char *u = (const unsigned char *)s;
    int rc = 0;
    size_t i = 0, run = 0; /* run: start of the bytes not yet appended */
    for (;;) {
        while (xml_plain[u[i]])
            i++; /* ASCII allowed as it is */
        unsigned char c = u[i];
        if (!c)
            break;
        uint32_t cp = c;
        size_t len = 1;
        if (c >= 0x80) {
            /* 4 is enough room: the NUL is never a continuation byte */
            len = ng_export_utf8_next(s + i, 4, &cp);
            if (len && cp != 0xfffe && cp != 0xffff) {
                i += len; /* valid UTF-8 is kept as it is */
                continue;
            }
        }
        rc = ng_strbuf_append(b, s + run, i - run);
        if (rc)
            break;
        switch (c) {
        case '&': rc = ng_strbuf_puts(b, "&amp;"); break;
        case '<': rc = ng_strbuf_puts(b, "&lt;"); break;
        case '>': rc = ng_strbuf_puts(b, "&gt;"); break;
        case '"': rc = ng_strbuf_puts(b, "&quot;"); break;
        case '\'': rc = ng_strbuf_puts(b, "&apos;"); break;
        case '\r': rc = ng_strbuf_puts(b, "&#13;"); break;
        default: break; /* not allowed in XML 1.0, even as a reference: dropped */
        }
        if (rc)
            break;
        i += len ? len : 1; /* an invalid byte is dropped alone */
        run = i;
    }
    return rc ? rc : ng_strbuf_append(b, s + run, i - run);
}

int ng_export_plain(ng_strbuf *b, const char *s, size_t max_chars)
{
    if (!s)
        return 0;
    int rc = 0;
    size_t n = strlen(s), chars = 0;
    for (size_t i = 0; i < n && !rc;) {
        /* a run of printable ASCII (one byte, one character): one append */
        size_t j = i, room = max_chars ? max_chars - chars : n;
        while (j < n && j - i < room && (unsigned char)s[j] >= 0x20 && (unsigned char)s[j] < 0x7f)
            j++;
        if (j > i) {
            rc = ng_strbuf_append(b, s + i, j - i);
            chars += j - i;
            i = j;
            continue;
        }
        uint32_t cp;
        size_t len = ng_export_utf8_next(s + i, n - i, &cp);
        if (len == 0) {
            i++;
            continue;
        }
        if (max_chars && chars == max_chars)
            return ng_strbuf_puts(b, "\xe2\x80\xa6"); /* … */
        if (cp < 0x20 || cp == 0x7f)
            rc = ng_strbuf_putc(b, ' ');
        else
            rc = ng_strbuf_append(b, s + i, len);
        chars++;
        i += len;
    }
    return rc;
}
