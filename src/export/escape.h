/* escape.h - private to src/export: text made safe for each output
 * syntax, and numbers printed the same way everywhere.
 *
 * Graph strings come from news text and from user-edited graph.json, so
 * they may hold invalid UTF-8 or control characters; each writer here
 * returns output that is valid for its syntax whatever the input. */
#ifndef NG_EXPORT_ESCAPE_H
#define NG_EXPORT_ESCAPE_H

#include "strbuf.h"

#include <stddef.h>
#include <stdint.h>

/* Length (1-4) of the valid UTF-8 sequence at s (n bytes available),
 * with the code point in *cp; 0 when the bytes are not valid UTF-8
 * (overlong, surrogate, beyond U+10FFFF, truncated). */
size_t ng_export_utf8_next(const char *s, size_t n, uint32_t *cp);

/* Appends s as a JSON string with quotes; invalid UTF-8 becomes U+FFFD.
 * NULL is written as null. Returns 0 or NG_ENOMEM. */
int ng_export_json_string(ng_strbuf *b, const char *s);

/* Appends x in the shortest form that reads back exactly (integers
 * without a fraction); NaN and infinities as 0. */
int ng_export_number(ng_strbuf *b, double x);

/* Appends s escaped for XML 1.0 text and attributes: & < > " ' as
 * entities, CR as &#13;, characters XML 1.0 forbids (C0 controls other
 * than TAB/LF/CR, U+FFFE/U+FFFF) and invalid UTF-8 bytes dropped. */
int ng_export_xml_text(ng_strbuf *b, const char *s);

/* Appends s as one line of plain valid UTF-8: controls become spaces,
 * invalid bytes are dropped, and after max_chars code points (0 = no
 * limit) the rest is replaced by "…". */
int ng_export_plain(ng_strbuf *b, const char *s, size_t max_chars);

#endif
