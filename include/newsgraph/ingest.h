/* ingest.h - stage 1: articles in, clean UTF-8 text with its article body out.
 *
 * A document is loaded from a file (.txt .text .md .html .htm), from
 * standard input ("-") or from memory. The loader validates UTF-8
 * (invalid bytes become U+FFFD with a warning naming file and offset),
 * skips a BOM, understands CRLF, takes the text out of HTML with a real
 * parser (gumbo), finds the document's date (see spec) and marks which
 * paragraphs are the article body: page furniture (appeals, newsletter
 * boxes, teasers, "N Min read", bylines, credits) is left out of `body`.
 *
 * Offsets used by every later stage are byte offsets into doc->text.
 * For .txt/.md input without invalid UTF-8, doc->text is the file's
 * bytes verbatim, so offsets are offsets into the file (a UTF-8 BOM stays
 * in text; the body simply starts after it; stray NUL bytes become spaces,
 * which keeps offsets). Offsets shift when invalid bytes are replaced by
 * U+FFFD (3 bytes each), refer to the converted text for UTF-16 input and
 * to the extracted text for HTML (from_html = 1). */
#ifndef NEWSGRAPH_INGEST_H
#define NEWSGRAPH_INGEST_H

#include "newsgraph/error.h"

#include <stddef.h>
#include <stdint.h>

typedef struct ng_span {
    uint32_t start, end; /* bytes, end exclusive */
} ng_span;

typedef struct ng_doc {
    char *path;     /* display name: the path as given, "-" for stdin */
    char *text;     /* UTF-8, NUL-terminated, owned */
    size_t len;     /* bytes in text, without the NUL */
    char date[11];  /* "YYYY-MM-DD" or "" when undated */
    char *title;    /* headline or HTML <title>; NULL when none */
    char *byline;   /* "By AFP; Edited by Mike Firn" kept as metadata; NULL when none */
    ng_span *body;  /* article paragraphs, sorted, non-overlapping, furniture removed;
                     * one span per line (or per hard-wrapped block), trimmed */
    size_t nbody;
    int from_html;  /* 1 when text was extracted from HTML */
} ng_doc;

/* Warning callback: msg names the file and the problem. */
typedef void (*ng_warn_fn)(void *ctx, const char *msg);

/* Page-furniture cues (data/furniture.txt) compiled once with PCRE2 JIT.
 * Read-only after loading: one object may be shared by many threads
 * (every document gets its own match data and match context). */
typedef struct ng_furniture ng_furniture;

/* Loads and compiles <data_dir>/furniture.txt (data_dir NULL = ng_data_dir(NULL)).
 * *out is owned by the caller (ng_furniture_free). NG_EINPUT names the file
 * and line of a bad rule. */
int ng_furniture_load(const char *data_dir, ng_furniture **out, ng_error *err);

/* Same, from rules already in memory (one "category<TAB>pattern" per line);
 * name is used in messages. */
int ng_furniture_from_string(const char *name, const char *rules, ng_furniture **out,
                             ng_error *err);

/* Frees the compiled cues. NULL is fine. */
void ng_furniture_free(ng_furniture *f);

typedef struct ng_ingest_options {
    const char *date;       /* --date: overrides every other date source; NULL if not given */
    size_t max_doc_bytes;   /* refuse larger documents; 0 = default (64 MiB) */
    ng_warn_fn warn;        /* may be NULL: warnings are then dropped */
    void *warn_ctx;
    /* Compiled furniture cues, borrowed. NULL: every ng_doc_load call loads
     * and compiles the default data/furniture.txt itself (correct but slow;
     * load once with ng_furniture_load when reading many documents). */
    const ng_furniture *furniture;
} ng_ingest_options;

/* Loads one document from path ("-" = stdin). Format chosen by extension
 * (.html/.htm -> HTML, else text; stdin sniffs for "<html"/"<!doctype").
 * opt may be NULL (defaults). On success *out is owned by the caller
 * (ng_doc_free). Errors: NG_EINPUT (missing, unreadable, a directory,
 * empty, binary, too large, UTF-16 without a byte-order mark), NG_EUSAGE
 * (opt->date is not a valid YYYY-MM-DD), NG_ENOMEM. UTF-16 with a BOM is
 * converted to UTF-8. */
int ng_doc_load(const char *path, const ng_ingest_options *opt, ng_doc **out, ng_error *err);

/* Same as ng_doc_load for bytes already in memory; name is used in messages,
 * as doc->path and for the path date (a name ending in .md also trims
 * Markdown heading marks); is_html selects the HTML parser. The bytes are
 * copied. */
int ng_doc_from_memory(const char *name, const char *bytes, size_t len, int is_html,
                       const ng_ingest_options *opt, ng_doc **out, ng_error *err);

/* Frees a document and everything it owns. NULL is fine. */
void ng_doc_free(ng_doc *doc);

/* A sorted list of file paths. */
typedef struct ng_pathlist {
    char **paths;
    size_t count;
} ng_pathlist;

/* Expands INPUTs: files as given, directories walked recursively for
 * .txt .text .md .html .htm (sorted by path, so listing order never
 * matters), "-" kept as is. A missing or unreadable INPUT is NG_EINPUT;
 * a directory with no articles is NG_EINPUT. *out owned by the caller. */
int ng_inputs_expand(const char *const *inputs, size_t n, ng_pathlist *out, ng_error *err);

void ng_pathlist_free(ng_pathlist *list);

#endif
