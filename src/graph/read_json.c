/* read_json.c - loads a graph.json (spec: graph.json) back into an ng_graph.
 *
 * `newsgraph diff` and `newsgraph stats` read files that people may have
 * edited or truncated, and the reader is fuzzed, so every field is
 * checked for presence and type before use, and every problem becomes
 * NG_EINPUT with a message that names the file, the item (e.g.
 * "edge 3") and what is wrong. Unknown keys are ignored (the format may
 * grow); the loaded graph is sorted so outputs do not depend on the
 * order of the file. */
#include "newsgraph/graph.h"

#include "jsonw.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

enum { MAX_GRAPH_FILE = 1 << 30 };

typedef struct reader {
    const char *name;  /* file name for messages */
    ng_error *err;
    ng_graph *g;
    char where[96];    /* the item being read, e.g. "node 3" */
} reader;

static int bad(reader *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Every validation failure goes through here: "<file>: <item>: <problem>". */
static int bad(reader *r, const char *fmt, ...)
{
    char msg[768];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (r->where[0])
        return ng_error_set(r->err, NG_EINPUT, "%s: %s: %s", r->name, r->where, msg);
    return ng_error_set(r->err, NG_EINPUT, "%s: %s", r->name, msg);
}

static int oom(reader *r)
{
    return ng_error_set(r->err, NG_ENOMEM, "%s: out of memory", r->name);
}

/* Maps a graph-building failure to the reader's error. */
static int built(reader *r, int rc)
{
    return rc == NG_ENOMEM ? oom(r) : rc < 0 ? bad(r, "cannot add to the graph") : rc;
}

/* *out = the string field, or NULL when absent or null and !required. */
static int get_string(reader *r, const cJSON *obj, const char *key, int required,
                      const char **out)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    *out = NULL;
    if (!v || cJSON_IsNull(v)) {
        if (required)
            return bad(r, "missing \"%s\"", key);
        return 0;
    }
    if (!cJSON_IsString(v) || !v->valuestring)
        return bad(r, "\"%s\" must be a string", key);
    *out = v->valuestring;
    return 0;
}

/* Unsigned 32-bit integers: mentions, start, end. */
static int get_u32(reader *r, const cJSON *obj, const char *key, int required, uint32_t *out)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    *out = 0;
    if (!v)
        return required ? bad(r, "missing \"%s\"", key) : 0;
    double d = cJSON_IsNumber(v) ? v->valuedouble : -1;
    if (!cJSON_IsNumber(v) || !isfinite(d) || d < 0 || d > 4294967295.0 || d != floor(d))
        return bad(r, "\"%s\" must be a non-negative integer", key);
    *out = (uint32_t)d;
    return 0;
}

/* An optional array (absent or null = empty); each element is checked by the caller. */
static int get_array(reader *r, const cJSON *obj, const char *key, int required,
                     const cJSON **out)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    *out = NULL;
    if (!v || (!required && cJSON_IsNull(v)))
        return required ? bad(r, "missing \"%s\"", key) : 0;
    if (!cJSON_IsArray(v))
        return bad(r, "\"%s\" must be an array", key);
    *out = v;
    return 0;
}

static int read_documents(reader *r, const cJSON *docs)
{
    size_t i = 0;
    const cJSON *d;
    cJSON_ArrayForEach(d, docs)
    {
        snprintf(r->where, sizeof r->where, "document %zu", i++);
        const char *id, *date, *title;
        if (!cJSON_IsObject(d))
            return bad(r, "must be an object");
        int rc = get_string(r, d, "id", 1, &id);
        rc = rc ? rc : get_string(r, d, "date", 0, &date);
        rc = rc ? rc : get_string(r, d, "title", 0, &title);
        if (rc)
            return rc;
        size_t before = r->g->ndocs;
        if ((rc = built(r, ng_graph_add_document(r->g, id, date, title))) < 0)
            return rc;
        if (r->g->ndocs == before)
            return bad(r, "duplicate document id \"%s\"", id);
    }
    return 0;
}

/* Adds each string of a node's list through add (alias or document). */
static int read_node_list(reader *r, const cJSON *node, const char *key, uint32_t at,
                          int (*add)(ng_graph *, uint32_t, const char *))
{
    const cJSON *list, *s;
    int rc = get_array(r, node, key, 0, &list);
    if (rc || !list)
        return rc;
    cJSON_ArrayForEach(s, list)
    {
        if (!cJSON_IsString(s) || !s->valuestring)
            return bad(r, "\"%s\" must hold strings", key);
        if ((rc = built(r, add(r->g, at, s->valuestring))) < 0)
            return rc;
    }
    return 0;
}

static int read_nodes(reader *r, const cJSON *nodes)
{
    size_t i = 0;
    const cJSON *n;
    cJSON_ArrayForEach(n, nodes)
    {
        snprintf(r->where, sizeof r->where, "node %zu", i++);
        const char *id, *label, *type;
        uint32_t mentions;
        if (!cJSON_IsObject(n))
            return bad(r, "must be an object");
        int rc = get_string(r, n, "id", 1, &id);
        rc = rc ? rc : get_string(r, n, "label", 1, &label);
        rc = rc ? rc : get_string(r, n, "type", 1, &type);
        rc = rc ? rc : get_u32(r, n, "mentions", 0, &mentions);
        if (rc)
            return rc;
        if (!id[0])
            return bad(r, "empty \"id\"");
        if (ng_graph_find_node(r->g, id) >= 0)
            return bad(r, "duplicate node id \"%s\"", id);
        int at = ng_graph_add_node(r->g, id, label, type);
        if ((rc = built(r, at)) < 0)
            return rc;
        r->g->nodes[at].mentions = mentions;
        rc = read_node_list(r, n, "aliases", (uint32_t)at, ng_graph_node_add_alias);
        rc = rc ? rc : read_node_list(r, n, "documents", (uint32_t)at, ng_graph_node_add_document);
        if (rc)
            return rc;
    }
    return 0;
}

static int read_evidence(reader *r, const cJSON *item, ng_evidence *ev)
{
    const char *doc, *cue, *quote;
    memset(ev, 0, sizeof *ev);
    if (!cJSON_IsObject(item))
        return bad(r, "evidence must be objects");
    int rc = get_string(r, item, "document", 1, &doc);
    rc = rc ? rc : get_string(r, item, "cue", 0, &cue);
    rc = rc ? rc : get_string(r, item, "quote", 1, &quote);
    rc = rc ? rc : get_u32(r, item, "start", 1, &ev->start);
    rc = rc ? rc : get_u32(r, item, "end", 1, &ev->end);
    if (rc)
        return rc;
    if (ev->end < ev->start)
        return bad(r, "evidence \"end\" %u is before \"start\" %u", ev->end, ev->start);
    const cJSON *direct = cJSON_GetObjectItemCaseSensitive(item, "direct");
    if (direct && !cJSON_IsBool(direct))
        return bad(r, "\"direct\" must be true or false");
    ev->direct = direct ? cJSON_IsTrue(direct) : 1; /* a "quote" unless said otherwise */
    ev->document = (char *)doc;
    ev->cue = (char *)cue;
    ev->quote = (char *)quote;
    return 0;
}

/* The edge is created by its first statement; weight is then taken
 * from the file, since it need not equal the number of evidence items. */
static int read_edges(reader *r, const cJSON *edges)
{
    size_t i = 0;
    const cJSON *e;
    cJSON_ArrayForEach(e, edges)
    {
        snprintf(r->where, sizeof r->where, "edge %zu", i++);
        const char *src, *tgt, *rel;
        const cJSON *evidence, *item;
        if (!cJSON_IsObject(e))
            return bad(r, "must be an object");
        int rc = get_string(r, e, "source", 1, &src);
        rc = rc ? rc : get_string(r, e, "target", 1, &tgt);
        rc = rc ? rc : get_string(r, e, "relation", 1, &rel);
        rc = rc ? rc : get_array(r, e, "evidence", 0, &evidence);
        if (rc)
            return rc;
        const cJSON *w = cJSON_GetObjectItemCaseSensitive(e, "weight");
        if (!w)
            return bad(r, "missing \"weight\"");
        if (!cJSON_IsNumber(w) || !isfinite(w->valuedouble) || w->valuedouble <= 0)
            return bad(r, "\"weight\" must be a positive number");
        int s = ng_graph_find_node(r->g, src), t = ng_graph_find_node(r->g, tgt);
        if (s < 0)
            return bad(r, "unknown source node \"%s\"", src);
        if (t < 0)
            return bad(r, "unknown target node \"%s\"", tgt);
        if (ng_graph_find_edge(r->g, (uint32_t)s, (uint32_t)t, rel) >= 0)
            return bad(r, "duplicate edge \"%s\" -> \"%s\" (%s)", src, tgt, rel);
        int at = -1;
        if (evidence) {
            cJSON_ArrayForEach(item, evidence)
            {
                ng_evidence ev;
                if ((rc = read_evidence(r, item, &ev)) < 0)
                    return rc;
                if ((at = built(r, ng_graph_add_statement(r->g, s, t, rel, &ev))) < 0)
                    return at;
            }
        }
        if (at < 0 && (at = built(r, ng_graph_add_statement(r->g, s, t, rel, NULL))) < 0)
            return at;
        r->g->edges[at].weight = w->valuedouble;
    }
    return 0;
}

static int read_root(reader *r, const cJSON *root)
{
    const cJSON *docs, *nodes, *edges;
    if (!cJSON_IsObject(root))
        return bad(r, "not a graph.json: the top level must be an object");
    const cJSON *f = cJSON_GetObjectItemCaseSensitive(root, "format");
    if (!cJSON_IsString(f) || !f->valuestring || strcmp(f->valuestring, "newsgraph") != 0)
        return bad(r, "not a newsgraph graph.json (\"format\" must be \"newsgraph\")");
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(root, "version");
    if (!cJSON_IsNumber(v))
        return bad(r, "missing or non-numeric \"version\"");
    if (v->valuedouble != 1)
        return bad(r, "unsupported version %g (this newsgraph reads version 1)", v->valuedouble);
    int rc = get_array(r, root, "documents", 1, &docs);
    rc = rc ? rc : get_array(r, root, "nodes", 1, &nodes);
    rc = rc ? rc : get_array(r, root, "edges", 1, &edges);
    rc = rc ? rc : read_documents(r, docs);
    rc = rc ? rc : read_nodes(r, nodes);
    rc = rc ? rc : read_edges(r, edges);
    if (rc)
        return rc;
    r->where[0] = '\0';
    return built(r, ng_graph_sort(r->g));
}

/* Line and column of a byte offset, for the parse error message. */
static void line_col(const char *buf, size_t off, size_t *line, size_t *col)
{
    *line = 1;
    *col = 1;
    for (size_t i = 0; i < off; i++) {
        if (buf[i] == '\n')
            ++*line, *col = 1;
        else
            ++*col;
    }
}

int ng_graph_parse_json(const char *name, const char *buf, size_t len, ng_graph **out,
                        ng_error *err)
{
    reader r = {.name = name ? name : "graph.json", .err = err};
    *out = NULL;
    int rc = 0;
    cJSON *root = NULL;
    char *copy = NULL;
    if (!buf && len)
        return ng_error_set(err, NG_EINTERNAL, "ng_graph_parse_json: NULL buffer");
    const char *nul = len ? memchr(buf, '\0', len) : NULL;
    if (nul)
        return bad(&r, "not a JSON text: NUL byte at offset %zu", (size_t)(nul - buf));
    /* graph.json is written in UTF-8 (RFC 8259): a file with other bytes
     * is refused rather than repaired, since a repaired id would no longer
     * match the document or node it named. */
    size_t bad_at = ng_utf8_first_invalid(buf, len);
    if (bad_at < len) {
        size_t line, col;
        line_col(buf, bad_at, &line, &col);
        return bad(&r, "not UTF-8: invalid byte 0x%02X at byte %zu (line %zu, column %zu)",
                   (unsigned char)buf[bad_at], bad_at, line, col);
    }
    /* cJSON wants the terminating NUL inside the length it is given. */
    if (!(copy = malloc(len + 1)))
        return oom(&r);
    if (len)
        memcpy(copy, buf, len);
    copy[len] = '\0';
    const char *end = NULL;
    root = cJSON_ParseWithLengthOpts(copy, len + 1, &end, 1);
    if (!root) {
        size_t off = end && end >= copy && end <= copy + len ? (size_t)(end - copy) : 0;
        size_t line, col;
        line_col(copy, off, &line, &col);
        rc = bad(&r, "malformed JSON at byte %zu (line %zu, column %zu)%s", off, line, col,
                 len == 0 ? ": the file is empty" : "");
        goto cleanup;
    }
    if (!(r.g = ng_graph_new())) {
        rc = oom(&r);
        goto cleanup;
    }
    if ((rc = read_root(&r, root)) < 0)
        goto cleanup;
    *out = r.g;
    r.g = NULL;
cleanup:
    ng_graph_free(r.g);
    cJSON_Delete(root);
    free(copy);
    return rc;
}

/* A directory means DIR/graph.json: `newsgraph diff` takes build dirs. */
int ng_graph_read_json(const char *path, ng_graph **out, ng_error *err)
{
    *out = NULL;
    if (!path)
        return ng_error_set(err, NG_EINTERNAL, "ng_graph_read_json: NULL path");
    int rc = 0;
    char *file = NULL, *buf = NULL;
    FILE *f = NULL;
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
        size_t n = strlen(path);
        if (!(file = malloc(n + sizeof "/graph.json")))
            return ng_error_set(err, NG_ENOMEM, "%s: out of memory", path);
        sprintf(file, "%s%sgraph.json", path, n && path[n - 1] == '/' ? "" : "/");
    } else if (!(file = strdup(path))) {
        return ng_error_set(err, NG_ENOMEM, "%s: out of memory", path);
    }
    if (!(f = fopen(file, "rb")) || fstat(fileno(f), &st) != 0) {
        rc = ng_error_set(err, NG_EINPUT, "cannot read %s: %s", file, strerror(errno));
        goto cleanup;
    }
    if (!S_ISREG(st.st_mode)) {
        rc = ng_error_set(err, NG_EINPUT, "cannot read %s: not a regular file", file);
        goto cleanup;
    }
    if (st.st_size > MAX_GRAPH_FILE) {
        rc = ng_error_set(err, NG_EINPUT, "%s: too large for a graph.json (%lld bytes)", file,
                          (long long)st.st_size);
        goto cleanup;
    }
    size_t size = (size_t)st.st_size, got;
    if (!(buf = malloc(size + 1))) {
        rc = ng_error_set(err, NG_ENOMEM, "%s: out of memory", file);
        goto cleanup;
    }
    got = fread(buf, 1, size, f);
    if (ferror(f)) {
        rc = ng_error_set(err, NG_EINPUT, "cannot read %s: %s", file, strerror(errno));
        goto cleanup;
    }
    rc = ng_graph_parse_json(file, buf, got, out, err);
cleanup:
    if (f)
        fclose(f);
    free(buf);
    free(file);
    return rc;
}
