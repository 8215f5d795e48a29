/* load.c - ng_doc_load and ng_doc_from_memory: the ingest pipeline for one
 * document. Reading (file, stdin, memory) ends in one byte buffer; from
 * there every source takes the same path: size and emptiness checks,
 * BOM and UTF-16, binary refusal, UTF-8 repair, HTML extraction, date,
 * furniture removal. */
#include "ingest_internal.h"

#include "newsgraph/error.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#define DEFAULT_MAX_DOC_BYTES ((size_t)64 << 20)

/* The size limit in force: the option, or 64 MiB when it is 0. */
static size_t max_bytes(const ng_ingest_options *opt)
{
    return opt && opt->max_doc_bytes ? opt->max_doc_bytes : DEFAULT_MAX_DOC_BYTES;
}

static void warnf(const ng_ingest_options *opt, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Formats one warning for opt->warn; dropped when there is no callback. */
static void warnf(const ng_ingest_options *opt, const char *fmt, ...)
{
    if (!opt || !opt->warn)
        return;
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    opt->warn(opt->warn_ctx, msg);
}

/* len is the size when known (a file), or how much was read before the
 * limit stopped the reading (a pipe): then it is "at least". */
static int too_large(const char *name, size_t len, int at_least, size_t max, ng_error *err)
{
    char limit[64];
    if (max % ((size_t)1 << 20) == 0)
        snprintf(limit, sizeof limit, "%zu MiB", max >> 20);
    else
        snprintf(limit, sizeof limit, "%zu bytes", max);
    return ng_error_set(err, NG_EINPUT,
                        "%s: document is %s%zu bytes, over the limit of %s%s "
                        "(raise it with --max-doc-bytes)",
                        name, at_least ? "at least " : "", len, limit,
                        max == DEFAULT_MAX_DOC_BYTES ? ", the default" : "");
}

/* Extension test, case-insensitive (".HTML" is HTML). */
static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcasecmp(s + n - k, suffix) == 0;
}

/* Standard input has no extension: HTML is recognised by how it starts. */
static int sniff_html(const char *b, size_t n)
{
    size_t i = 0;
    if (n >= 3 && memcmp(b, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    while (i < n && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n'))
        i++;
    static const char *const starts[] = {"<!doctype html", "<html", "<head", "<body", "<!--"};
    for (size_t k = 0; k < sizeof starts / sizeof starts[0]; k++) {
        size_t m = strlen(starts[k]);
        if (n - i >= m && strncasecmp(b + i, starts[k], m) == 0)
            return 1;
    }
    return 0;
}

/* A document of blanks is as empty as an empty file. */
static int only_whitespace(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!(s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n' || s[i] == '\f' ||
              s[i] == '\v'))
            return 0;
    return 1;
}

/* The bytes of a document while it is built: borrowed (data, len), and
 * when own is set also owned, a malloc'd buffer of cap > len bytes that
 * the text may take over. */
typedef struct raw_bytes {
    const char *data;
    size_t len;
    char *own;
    size_t cap;
} raw_bytes;

/* Turns any byte encoding we accept into clean UTF-8 in *text, reporting
 * repairs once per document. *body_start skips a UTF-8 BOM (kept in the
 * text so offsets stay file offsets). Text that is clean already is not
 * copied: an owned buffer becomes the text (raw->own is then NULL). */
static int decode(const char *name, raw_bytes *raw, const ng_ingest_options *opt,
                  ng_strbuf *text, size_t *body_start, ng_error *err)
{
    const unsigned char *b = (const unsigned char *)raw->data;
    size_t n = raw->len;
    int rc = 0;
    ng_strbuf u16;
    ng_strbuf_init(&u16);
    enum ngi_bom bom = ngi_detect_bom(b, n);
    *body_start = bom == NGI_BOM_UTF8 ? 3 : 0;
    if (bom == NGI_BOM_UTF32) {
        rc = ng_error_set(err, NG_EINPUT, "%s: UTF-32 text is not supported (convert it to UTF-8)",
                          name);
        goto cleanup;
    }
    if (bom == NGI_BOM_UTF16LE || bom == NGI_BOM_UTF16BE) {
        size_t nbad;
        if (ngi_utf16_to_utf8(b + 2, n - 2, bom == NGI_BOM_UTF16BE, &u16, &nbad))
            goto nomem;
        if (nbad)
            warnf(opt, "%s: %zu invalid UTF-16 code unit(s) replaced with U+FFFD", name, nbad);
        b = (const unsigned char *)u16.data;
        n = u16.len;
    } else {
        const char *why = ngi_binary_reason(b, n);
        if (why) {
            rc = ng_error_set(err, NG_EINPUT, "%s: not a text document: %s", name, why);
            goto cleanup;
        }
        if (raw->own && ngi_utf8_clean_len(b, n) == n) {
            raw->own[n] = '\0';
            *text = (ng_strbuf){raw->own, n, raw->cap};
            raw->own = NULL;
            goto cleanup;
        }
    }
    ngi_repairs rep;
    if (ngi_utf8_clean(b, n, text, &rep))
        goto nomem;
    if (rep.nbad)
        warnf(opt,
              "%s: %zu invalid UTF-8 byte(s) replaced with U+FFFD, the first at byte offset %zu",
              name, rep.nbad, rep.first_bad);
    if (rep.nnul)
        warnf(opt, "%s: %zu NUL byte(s) replaced with spaces, the first at byte offset %zu", name,
              rep.nnul, rep.first_nul);
    goto cleanup;
nomem:
    rc = ng_error_set(err, NG_ENOMEM, "%s: out of memory decoding", name);
cleanup:
    ng_strbuf_free(&u16);
    return rc;
}

/* Date by the spec's order; the front-matter/first-line prefix is looked
 * for even when --date wins, because it must stay out of the body. */
static int find_date(ng_doc *doc, const ng_ingest_options *opt, const char *html_date,
                     size_t *body_start, ng_error *err)
{
    char front[11] = "";
    int has_front = 0;
    if (!doc->from_html)
        has_front = ngi_date_front(doc->text, doc->len, *body_start, front, body_start,
                                   &doc->title);
    if (opt && opt->date) {
        if (strlen(opt->date) != 10 || !ngi_date_parse_iso(opt->date, 10, doc->date))
            return ng_error_set(err, NG_EUSAGE, "--date %s: not a valid date (want YYYY-MM-DD)",
                                opt->date);
        return 0;
    }
    if (has_front)
        memcpy(doc->date, front, 11);
    else if (html_date && html_date[0])
        memcpy(doc->date, html_date, 11);
    else if (!ngi_date_from_path(doc->path, doc->date) &&
             !ngi_date_dateline(doc->text, doc->len, *body_start, doc->date))
        doc->date[0] = '\0';
    return 0;
}

/* The shared path of every source; raw->own may be taken over (the caller
 * frees what is left in it). */
static int build(const char *name, raw_bytes *raw, int is_html, int is_md,
                 const ng_ingest_options *opt, ng_doc **out, ng_error *err)
{
    size_t len = raw->len;
    int rc = 0;
    ng_doc *doc = NULL;
    ng_furniture *own_f = NULL;
    ng_strbuf text;
    ngi_html h = {0};
    ng_strbuf_init(&text);
    *out = NULL;
    if (len > max_bytes(opt))
        return too_large(name, len, 0, max_bytes(opt), err);
    if (len == 0)
        return ng_error_set(err, NG_EINPUT, "%s: empty document", name);
    size_t body_start;
    if ((rc = decode(name, raw, opt, &text, &body_start, err)))
        goto cleanup;
    if (only_whitespace(text.data, text.len)) {
        rc = ng_error_set(err, NG_EINPUT, "%s: empty document (only whitespace)", name);
        goto cleanup;
    }
    const ng_furniture *f = opt ? opt->furniture : NULL;
    if (!f) {
        if ((rc = ng_furniture_load(NULL, &own_f, err)))
            goto cleanup;
        f = own_f;
    }
    if (!(doc = calloc(1, sizeof *doc)) || !(doc->path = strdup(name)))
        goto nomem;
    if (is_html) {
        if ((rc = ngi_html_extract(name, text.data, text.len, f, &h, err)))
            goto cleanup;
        if (h.len == 0) {
            rc = ng_error_set(err, NG_EINPUT, "%s: no text in the HTML document", name);
            goto cleanup;
        }
        /* gumbo turns character references beyond Unicode into bytes that
         * are not UTF-8; every later stage relies on valid UTF-8 */
        ngi_repairs hrep;
        ng_strbuf clean;
        ng_strbuf_init(&clean);
        if (ngi_utf8_clean((const unsigned char *)h.text, h.len, &clean, &hrep)) {
            ng_strbuf_free(&clean);
            goto nomem;
        }
        doc->len = clean.len;
        doc->text = ng_strbuf_steal(&clean);
        if (h.title) {
            ng_strbuf_init(&clean);
            if (ngi_utf8_clean((const unsigned char *)h.title, strlen(h.title), &clean, &hrep)) {
                ng_strbuf_free(&clean);
                goto nomem;
            }
            doc->title = ng_strbuf_steal(&clean);
        }
        doc->from_html = 1;
        body_start = 0;
    } else {
        doc->len = text.len;
        doc->text = ng_strbuf_steal(&text);
    }
    if ((rc = find_date(doc, opt, h.date, &body_start, err)) ||
        (rc = ngi_furniture_apply(f, doc, body_start, is_md, err)))
        goto cleanup;
    if (doc->nbody == 0)
        warnf(opt, "%s: no article text left after removing page furniture", name);
    *out = doc;
    doc = NULL;
    goto cleanup;
nomem:
    rc = ng_error_set(err, NG_ENOMEM, "%s: out of memory", name);
cleanup:
    ngi_html_free(&h);
    ng_strbuf_free(&text);
    ng_furniture_free(own_f);
    ng_doc_free(doc);
    return rc;
}

int ng_doc_from_memory(const char *name, const char *bytes, size_t len, int is_html,
                       const ng_ingest_options *opt, ng_doc **out, ng_error *err)
{
    if (!name)
        name = "(memory)";
    raw_bytes raw = {bytes, len, NULL, 0};
    return build(name, &raw, is_html, ends_with(name, ".md"), opt, out, err);
}

/* Reads fd to the end into raw (owned, cap > len), refusing to hold more
 * than max bytes. size_hint is the expected size (a file's), 0 if unknown.
 * The capacity is a multiple of 64, as a strbuf's is: the buffer may become
 * the text, and PCRE2's JIT reads it in aligned 16-byte blocks that may
 * reach past the terminating NUL (harmless, but not past the allocation). */
static int read_fd(const char *name, int fd, size_t max, size_t size_hint, raw_bytes *raw,
                   ng_error *err)
{
    size_t cap = size_hint ? (size_hint + 1 + 63) / 64 * 64 : 65536, n = 0;
    char *b = malloc(cap);
    if (!b)
        return ng_error_set(err, NG_ENOMEM, "%s: out of memory reading", name);
    for (;;) {
        if (n > max) { /* stop reading a pipe as soon as it is too large */
            free(b);
            return too_large(name, n, 1, max, err);
        }
        if (n == cap) {
            char *nb = realloc(b, cap * 2);
            if (!nb) {
                free(b);
                return ng_error_set(err, NG_ENOMEM, "%s: out of memory reading", name);
            }
            b = nb;
            cap *= 2;
        }
        ssize_t got = read(fd, b + n, cap - n);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            int e = errno;
            free(b);
            return ng_error_set(err, NG_EINPUT, "%s: read error: %s", name, strerror(e));
        }
        if (got == 0)
            break;
        n += (size_t)got;
    }
    *raw = (raw_bytes){b, n, b, cap};
    return 0;
}

int ng_doc_load(const char *path, const ng_ingest_options *opt, ng_doc **out, ng_error *err)
{
    int rc = 0, fd = -1;
    raw_bytes raw = {0};
    *out = NULL;
    if (strcmp(path, "-") == 0) {
        if ((rc = read_fd("-", STDIN_FILENO, max_bytes(opt), 0, &raw, err)))
            return rc;
        rc = build("-", &raw, sniff_html(raw.data, raw.len), 0, opt, out, err);
        free(raw.own);
        return rc;
    }
    fd = open(path, O_RDONLY);
    if (fd < 0) {
        int e = errno;
        return ng_error_set(err, NG_EINPUT, "%s: %s", path,
                            e == ENOENT ? "no such file" : strerror(e));
    }
    struct stat st;
    if (fstat(fd, &st) != 0) {
        rc = ng_error_set(err, NG_EINPUT, "%s: %s", path, strerror(errno));
        goto cleanup;
    }
    if (S_ISDIR(st.st_mode)) {
        rc = ng_error_set(err, NG_EINPUT, "%s: is a directory, not a document", path);
        goto cleanup;
    }
    if (S_ISREG(st.st_mode) && (uintmax_t)st.st_size > max_bytes(opt)) {
        rc = too_large(path, (size_t)st.st_size, 0, max_bytes(opt), err);
        goto cleanup;
    }
    size_t hint = S_ISREG(st.st_mode) ? (size_t)st.st_size : 0;
    if ((rc = read_fd(path, fd, max_bytes(opt), hint, &raw, err)))
        goto cleanup;
    int is_html = ends_with(path, ".html") || ends_with(path, ".htm");
    int is_md = ends_with(path, ".md") || ends_with(path, ".markdown");
    rc = build(path, &raw, is_html, is_md, opt, out, err);
cleanup:
    free(raw.own);
    if (fd >= 0)
        close(fd);
    return rc;
}

void ng_doc_free(ng_doc *doc)
{
    if (!doc)
        return;
    free(doc->path);
    free(doc->text);
    free(doc->title);
    free(doc->byline);
    free(doc->body);
    free(doc);
}
