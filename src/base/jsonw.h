/* jsonw.h - JSON string escaping into a strbuf, for writers that stream
 * many records (extract's JSON Lines) and cannot afford a cJSON tree per
 * record. Invalid UTF-8 is written as U+FFFD so the output is always
 * valid JSON in plain UTF-8; the writers of graph.json and of the
 * extract records share it. */
#ifndef NG_JSONW_H
#define NG_JSONW_H

#include "strbuf.h"

/* Appends s[0..n) as a quoted JSON string. Returns 0 or NG_ENOMEM. */
int ng_json_put_string(ng_strbuf *b, const char *s, size_t n);
/* The same for a NUL-terminated s, in one pass when s is plain ASCII. */
int ng_json_put_cstring(ng_strbuf *b, const char *s);

/* Offset of the first byte of s[0..n) that does not start a valid UTF-8
 * sequence (overlong forms and surrogates are invalid), or n. */
size_t ng_utf8_first_invalid(const char *s, size_t n);

#endif
