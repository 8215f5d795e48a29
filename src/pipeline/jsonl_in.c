/* jsonl_in.c - the two JSON Lines inputs that make newsgraph a map/reduce
 * tool: documents ({"id","date","text"} per line, `--jsonl`) and the
 * output of `extract` itself (`--from-extract`), from which build and days
 * rebuild each document's extraction and resolve actors across all shards
 * as if they had been one run. A bad line is reported with its number and
 * skipped; the rest of the stream is still read. */
#include "corpus_internal.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* Reads the next line of f into *line (grown as needed); returns its
 * length, -1 at end of file. Lines longer than max are consumed and
 * reported as -2 so one huge record cannot exhaust memory. */
static long read_line(FILE *f, char **line, size_t *cap, size_t max)
{
    size_t len = 0;
    int c, too_long = 0;
    while ((c = getc(f)) != EOF && c != '\n') {
        if (len >= max) {
            too_long = 1;
            continue;
        }
        if (len + 2 > *cap) {
            size_t ncap = *cap ? *cap * 2 : 4096;
            char *p = realloc(*line, ncap);
            if (!p)
                return -3;
            *line = p;
            *cap = ncap;
        }
        (*line)[len++] = (char)c;
    }
    if (c == EOF && len == 0 && !too_long)
        return -1;
    if (too_long)
        return -2;
    if (!*line) {
        *line = malloc(1);
        if (!*line)
            return -3;
        *cap = 1;
    }
    (*line)[len] = '\0';
    return (long)len;
}

static const char *get_string(const cJSON *obj, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

static void warn_line(const ng_run_options *opt, const char *path, size_t lineno, const char *why)
{
    if (!opt->warn)
        return;
    char msg[1100];
    snprintf(msg, sizeof msg, "%s:%zu: %s; line skipped", path, lineno, why);
    opt->warn(opt->warn_ctx, msg);
}

/* Opens path ("-" = stdin) for reading. */
static FILE *open_input(const char *path, ng_error *err)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "r");
    if (!f)
        ng_error_set(err, NG_EINPUT, "%s: cannot open: %s", path, strerror(errno));
    return f;
}

/* Called with each parsed record of a stream; lineno for messages.
 * A negative return stops the reading (err is set). */
typedef int (*record_fn)(void *ctx, const cJSON *rec, size_t lineno, ng_error *err);

/* The line loop both readers share: blank lines skipped, lines that are
 * not JSON or longer than max warned about and skipped. */
static int for_each_record(const char *path, const ng_run_options *opt, size_t max, record_fn fn,
                           void *ctx, ng_error *err)
{
    int rc = 0;
    char *line = NULL;
    size_t cap = 0, lineno = 0;
    FILE *f = open_input(path, err);
    if (!f)
        return NG_EINPUT;
    for (;;) {
        long n = read_line(f, &line, &cap, max);
        lineno++;
        if (n == -1)
            break;
        if (n == -3) {
            rc = ng_error_set(err, NG_ENOMEM, "%s:%zu: out of memory", path, lineno);
            goto cleanup;
        }
        if (n == -2) {
            warn_line(opt, path, lineno, "record too large (see --max-doc-bytes)");
            continue;
        }
        if (strspn(line, " \t\r") == (size_t)n)
            continue;
        cJSON *rec = cJSON_ParseWithLength(line, (size_t)n);
        if (!rec) {
            warn_line(opt, path, lineno, "not valid JSON");
            continue;
        }
        rc = fn(ctx, rec, lineno, err);
        cJSON_Delete(rec);
        if (rc < 0)
            goto cleanup;
    }
    if (ferror(f))
        rc = ng_error_set(err, NG_EINPUT, "%s: read error", path);
cleanup:
    free(line);
    if (f != stdin)
        fclose(f);
    return rc;
}

typedef struct reader {
    const char *path;
    const ng_run_options *opt;
    const ng_ingest_options *ingest;
    ng_doc_sink sink;
    void *sink_ctx;
} reader;

/* {"id","date","text"[,"title"][,"html":true]} -> a loaded document. */
static int document_record(void *ctx, const cJSON *rec, size_t lineno, ng_error *err)
{
    const reader *r = ctx;
    const char *text = get_string(rec, "text");
    if (!text) {
        warn_line(r->opt, r->path, lineno, "no \"text\" string");
        return 0;
    }
    const char *id = get_string(rec, "id");
    char name[64];
    if (!id) {
        snprintf(name, sizeof name, "%s:%zu", r->path, lineno);
        id = name;
    }
    ng_ingest_options o = *r->ingest;
    const char *date = get_string(rec, "date");
    if (!o.date && date)
        o.date = date;
    int html = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(rec, "html"));
    ng_doc *doc = NULL;
    ng_error derr;
    ng_error_clear(&derr);
    int drc = ng_doc_from_memory(id, text, strlen(text), html, &o, &doc, &derr);
    if (drc == NG_EUSAGE && date && !r->ingest->date) {
        /* a bad date in the record: keep the text, drop the date */
        warn_line(r->opt, r->path, lineno, "invalid \"date\", document kept undated");
        o.date = NULL;
        drc = ng_doc_from_memory(id, text, strlen(text), html, &o, &doc, &derr);
    }
    if (drc == NG_ENOMEM)
        return ng_error_set(err, drc, "%s", derr.message);
    if (drc < 0) {
        warn_line(r->opt, r->path, lineno, derr.message);
        return 0;
    }
    return r->sink(r->sink_ctx, doc, NULL, err);
}

int ng_jsonl_read_documents(const char *path, const ng_run_options *opt,
                            const ng_ingest_options *ingest, ng_doc_sink sink, void *ctx,
                            ng_error *err)
{
    reader r = {path, opt, ingest, sink, ctx};
    size_t max = ingest->max_doc_bytes ? ingest->max_doc_bytes * 2 : (size_t)128 << 20;
    return for_each_record(path, opt, max, document_record, &r, err);
}

/* ---- `extract` records back into documents and extractions ---- */

static int get_uint(const cJSON *obj, const char *key, uint32_t *out)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!cJSON_IsNumber(v) || v->valuedouble < 0 || v->valuedouble > 4294967295.0)
        return -1;
    *out = (uint32_t)v->valuedouble;
    return 0;
}

static int get_int(const cJSON *obj, const char *key, int32_t lo, int32_t hi, int32_t dflt)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!cJSON_IsNumber(v) || v->valuedouble < lo || v->valuedouble >= hi)
        return dflt;
    return (int32_t)v->valuedouble;
}

static int type_of(const char *s)
{
    if (!s)
        return -1;
    for (int t = 0; t < NG_TYPE_COUNT; t++)
        if (!strcmp(s, ng_entity_type_name(t)))
            return t;
    return -1;
}

static const char *dup_opt(ng_extraction *ex, const cJSON *obj, const char *key)
{
    const char *s = get_string(obj, key);
    return s ? ng_extraction_strdup(ex, s, strlen(s)) : NULL;
}

/* Rebuilds the local entities of a record from its "locals" array. */
static int read_locals(ng_extraction *ex, const cJSON *locals)
{
    const cJSON *l;
    cJSON_ArrayForEach(l, locals)
    {
        ng_local_entity e;
        memset(&e, 0, sizeof e);
        int t = type_of(get_string(l, "type"));
        const char *name = get_string(l, "name");
        if (t < 0 || !name)
            return NG_EINPUT;
        e.type = (uint8_t)t;
        e.name = ng_extraction_strdup(ex, name, strlen(name));
        e.given = dup_opt(ex, l, "given");
        e.surname = dup_opt(ex, l, "surname");
        e.acronym = dup_opt(ex, l, "acronym");
        e.role = dup_opt(ex, l, "role");
        e.country = dup_opt(ex, l, "country");
        e.mentions = (uint32_t)get_int(l, "mentions", 0, INT32_MAX, 1);
        const cJSON *al = cJSON_GetObjectItemCaseSensitive(l, "aliases");
        int na = cJSON_GetArraySize(al);
        if (na > 0) {
            e.aliases = ng_extraction_alloc(ex, (size_t)na * sizeof *e.aliases);
            if (!e.aliases)
                return NG_ENOMEM;
            const cJSON *a;
            cJSON_ArrayForEach(a, al)
            {
                if (cJSON_IsString(a))
                    e.aliases[e.naliases++] = ng_extraction_strdup(ex, a->valuestring,
                                                                   strlen(a->valuestring));
            }
        }
        if (ng_extraction_add_entity(ex, &e) < 0)
            return NG_ENOMEM;
    }
    return 0;
}

static int read_mentions(ng_extraction *ex, const cJSON *ents)
{
    const cJSON *m;
    int32_t nloc = (int32_t)ex->nentities;
    cJSON_ArrayForEach(m, ents)
    {
        ng_mention mn;
        memset(&mn, 0, sizeof mn);
        int t = type_of(get_string(m, "type"));
        if (t < 0 || get_uint(m, "start", &mn.start) || get_uint(m, "end", &mn.end))
            return NG_EINPUT;
        mn.type = (uint8_t)t;
        const char *kind = get_string(m, "kind");
        for (int k = 0; k <= NG_KIND_PRONOUN; k++)
            if (kind && !strcmp(kind, ng_mention_kind_name(k)))
                mn.kind = (uint8_t)k;
        mn.entity = get_int(m, "local", -1, nloc, -1);
        if (ng_extraction_add_mention(ex, &mn) < 0)
            return NG_ENOMEM;
    }
    return 0;
}

static int read_statements(ng_extraction *ex, const cJSON *stmts)
{
    const cJSON *s;
    int32_t nloc = (int32_t)ex->nentities;
    cJSON_ArrayForEach(s, stmts)
    {
        ng_statement st;
        memset(&st, 0, sizeof st);
        st.speaker = get_int(s, "speaker_local", -1, nloc, -1);
        st.speaker_mention = -1;
        st.source = get_int(s, "source_local", -1, nloc, -1);
        st.cue = dup_opt(ex, s, "cue");
        st.relation = dup_opt(ex, s, "relation");
        st.quote_text = dup_opt(ex, s, "quote");
        st.direct = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(s, "direct"));
        get_uint(s, "quote_start", &st.quote_start);
        get_uint(s, "quote_end", &st.quote_end);
        const cJSON *about = cJSON_GetObjectItemCaseSensitive(s, "about_local");
        int na = cJSON_GetArraySize(about);
        if (na > 0) {
            st.about = ng_extraction_alloc(ex, (size_t)na * sizeof *st.about);
            if (!st.about)
                return NG_ENOMEM;
            const cJSON *a;
            cJSON_ArrayForEach(a, about)
            {
                if (cJSON_IsNumber(a) && a->valuedouble >= 0 && a->valuedouble < nloc)
                    st.about[st.nabout++] = (int32_t)a->valuedouble;
            }
        }
        if (ng_extraction_add_statement(ex, &st) < 0)
            return NG_ENOMEM;
    }
    return 0;
}

/* Turns one record into a document (metadata only) and its extraction. */
static int record_to_extraction(const cJSON *rec, ng_doc **doc_out, ng_extraction *ex)
{
    const char *path = get_string(rec, "document");
    const cJSON *locals = cJSON_GetObjectItemCaseSensitive(rec, "locals");
    if (!path || !cJSON_IsArray(locals))
        return NG_EINPUT;
    ng_doc *doc = calloc(1, sizeof *doc);
    if (!doc)
        return NG_ENOMEM;
    doc->path = strdup(path);
    doc->text = strdup("");
    const char *date = get_string(rec, "date");
    if (date && strlen(date) == 10)
        memcpy(doc->date, date, 11);
    const char *title = get_string(rec, "title");
    doc->title = title ? strdup(title) : NULL;
    *doc_out = doc;
    if (!doc->path || !doc->text || (title && !doc->title) || ng_extraction_init(ex, doc) < 0)
        return NG_ENOMEM;
    int rc = read_locals(ex, locals);
    if (rc == 0)
        rc = read_mentions(ex, cJSON_GetObjectItemCaseSensitive(rec, "entities"));
    if (rc == 0)
        rc = read_statements(ex, cJSON_GetObjectItemCaseSensitive(rec, "statements"));
    return rc;
}

/* An `extract` record -> its document (metadata) and extraction. */
static int extract_record(void *ctx, const cJSON *rec, size_t lineno, ng_error *err)
{
    const reader *r = ctx;
    ng_doc *doc = NULL;
    ng_extraction ex;
    memset(&ex, 0, sizeof ex);
    int xrc = record_to_extraction(rec, &doc, &ex);
    if (xrc < 0) {
        ng_extraction_free(&ex);
        ng_doc_free(doc);
        if (xrc == NG_ENOMEM)
            return ng_error_set(err, xrc, "%s:%zu: out of memory", r->path, lineno);
        warn_line(r->opt, r->path, lineno,
                  "not an `extract` record with \"locals\" (newsgraph 0.1+)");
        return 0;
    }
    return r->sink(r->sink_ctx, doc, &ex, err);
}

int ng_jsonl_read_extract(const char *path, const ng_run_options *opt, ng_doc_sink sink,
                          void *ctx, ng_error *err)
{
    reader r = {path, opt, NULL, sink, ctx};
    return for_each_record(path, opt, (size_t)1 << 30, extract_record, &r, err);
}
