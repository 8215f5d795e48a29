/* ingest_internal.h - helpers shared by the files of src/ingest/ (private).
 *
 * The loader (load.c) runs the steps in order: bytes -> UTF-8 text
 * (utf8.c) -> optional HTML extraction (html.c) -> date (date.c) ->
 * body spans, title and byline (furniture.c). Names carry the ngi_
 * prefix: exported from their object file, but not part of the API. */
#ifndef NG_INGEST_INTERNAL_H
#define NG_INGEST_INTERNAL_H

#include "newsgraph/ingest.h"
#include "strbuf.h"

#include <stddef.h>

/* ---- utf8.c ---- */

/* Byte-order mark at the start of bytes. */
enum ngi_bom { NGI_BOM_NONE, NGI_BOM_UTF8, NGI_BOM_UTF16LE, NGI_BOM_UTF16BE, NGI_BOM_UTF32 };
enum ngi_bom ngi_detect_bom(const unsigned char *b, size_t n);

/* Decodes UTF-16 (after its BOM) into UTF-8 in out; lone surrogates become
 * U+FFFD and are counted in *nbad. Returns 0 or NG_ENOMEM. */
int ngi_utf16_to_utf8(const unsigned char *b, size_t n, int big_endian, ng_strbuf *out,
                      size_t *nbad);

/* Why a sample looks binary: NULL when it looks like text, else a short
 * reason for the error message. */
const char *ngi_binary_reason(const unsigned char *b, size_t n);

/* Counts of what ngi_utf8_clean repaired. */
typedef struct ngi_repairs {
    size_t nbad, first_bad; /* invalid UTF-8 bytes -> U+FFFD */
    size_t nnul, first_nul; /* NUL bytes -> space */
} ngi_repairs;

/* Copies b into out (NUL-terminated) with every invalid UTF-8 byte replaced
 * by U+FFFD and every NUL by a space. Returns 0 or NG_ENOMEM. */
int ngi_utf8_clean(const unsigned char *b, size_t n, ng_strbuf *out, ngi_repairs *rep);

/* Bytes at the start of b that ngi_utf8_clean would copy unchanged; n when
 * the whole of b is already clean (then a copy can be avoided). */
size_t ngi_utf8_clean_len(const unsigned char *b, size_t n);

/* ---- html.c ---- */

typedef struct ngi_html {
    char *text;   /* paragraphs separated by "\n\n", owned */
    size_t len;
    char *title;  /* first <h1>, else og:title, else <title>; NULL if none */
    char date[11];/* from <meta> or <time datetime>, "" if none */
} ngi_html;

/* Extracts article text from HTML with gumbo (iterative walk, no regexes);
 * f supplies the class/id cues of containers to skip. */
int ngi_html_extract(const char *name, const char *html, size_t len, const ng_furniture *f,
                     ngi_html *out, ng_error *err);
void ngi_html_free(ngi_html *h);

/* ---- date.c ---- */

/* Copies a valid "YYYY-MM-DD" at s (exactly 10 bytes checked) into out[11];
 * returns 1 when valid (real month and day), else 0. */
int ngi_date_parse_iso(const char *s, size_t n, char out[11]);

/* Looks for "date YYYY-MM-DD" / "date: YYYY-MM-DD" as the first line or in
 * a "---" front matter block starting at text+start. On success fills
 * out, sets *body_start to where the article begins (after the prefix or
 * block) and returns 1. A front matter "title:" is copied to *title. */
int ngi_date_front(const char *text, size_t len, size_t start, char out[11],
                   size_t *body_start, char **title);

/* First valid YYYY-MM-DD inside path; returns 1 when found. */
int ngi_date_from_path(const char *path, char out[11]);

/* A dateline within the first lines after start ("Updated Jan. 12, 2025",
 * "January 11, 2025", "12 January 2025", "2025-01-12"); returns 1 when found. */
int ngi_date_dateline(const char *text, size_t len, size_t start, char out[11]);

/* ---- furniture.c ---- */

/* HTML containers whose class or id marks furniture ("newsletter", "related"). */
int ngi_furniture_html_class(const ng_furniture *f, const char *cls, size_t n);

/* Splits text[start..len) into paragraphs and fills doc->body, doc->byline
 * and (if still NULL) doc->title. is_md trims "#" heading marks. */
int ngi_furniture_apply(const ng_furniture *f, ng_doc *doc, size_t start, int is_md,
                        ng_error *err);

#endif
