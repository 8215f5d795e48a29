/* timeline_out.c - timeline.json and timeline.csv (see include/newsgraph/timeline.h).
 *
 * Both files show the same per-day facts, so they are computed once into
 * day_news records: walking the days in order with "seen" sets gives what
 * is new each day; sorting by PageRank gives the top actors. */
#include "newsgraph/timeline.h"

#include "strbuf.h"
#include "strmap.h"

#include <cjson/cJSON.h>

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct stmt_ref {
    uint32_t edge, ev;  /* first edge/evidence carrying this statement */
    uint32_t *about;    /* targets (node indices) of this statement that day */
    size_t nabout;
} stmt_ref;

typedef struct day_news {
    uint32_t *top, *new_nodes, *new_edges;
    size_t ntop, nnew_nodes, nnew_edges;
    stmt_ref *new_stmts;
    size_t nnew_stmts;
    size_t statements; /* distinct (speaker, document, span) that day */
} day_news;

static void news_free(day_news *news, size_t n)
{
    if (!news)
        return;
    for (size_t i = 0; i < n; i++) {
        free(news[i].top);
        free(news[i].new_nodes);
        free(news[i].new_edges);
        for (size_t k = 0; k < news[i].nnew_stmts; k++)
            free(news[i].new_stmts[k].about);
        free(news[i].new_stmts);
    }
    free(news);
}

/* qsort has no context argument; the comparators read the day being
 * sorted through this thread-local pointer. */
static _Thread_local const ng_timeline_day *sort_day;

static int cmp_pagerank(const void *pa, const void *pb)
{
    uint32_t a = *(const uint32_t *)pa, b = *(const uint32_t *)pb;
    double x = sort_day->stats.nodes[a].pagerank, y = sort_day->stats.nodes[b].pagerank;
    if (x != y)
        return x > y ? -1 : 1;
    return strcmp(sort_day->graph->nodes[a].id, sort_day->graph->nodes[b].id);
}

static int cmp_edge_weight(const void *pa, const void *pb)
{
    uint32_t a = *(const uint32_t *)pa, b = *(const uint32_t *)pb;
    double x = sort_day->graph->edges[a].weight, y = sort_day->graph->edges[b].weight;
    if (x != y)
        return x > y ? -1 : 1;
    return a < b ? -1 : a > b; /* graph order is already (source, target, relation) */
}

static int cmp_stmt(const void *pa, const void *pb)
{
    const stmt_ref *a = pa, *b = pb;
    const ng_evidence *x = &sort_day->graph->edges[a->edge].evidence[a->ev];
    const ng_evidence *y = &sort_day->graph->edges[b->edge].evidence[b->ev];
    int c = strcmp(x->document ? x->document : "", y->document ? y->document : "");
    if (c)
        return c;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    return strcmp(sort_day->graph->nodes[sort_day->graph->edges[a->edge].source].id,
                  sort_day->graph->nodes[sort_day->graph->edges[b->edge].source].id);
}

/* Builds a set key from parts separated by \x1f (never in ids or text we
 * compare, since it is a control character). */
static int make_key(ng_strbuf *b, const char *a, const char *c, const char *d)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
    int rc = ng_strbuf_puts(b, a ? a : "");
    if (!rc)
        rc = ng_strbuf_printf(b, "\x1f%s\x1f%s", c ? c : "", d ? d : "");
    return rc;
}

static int push_u32(uint32_t **arr, size_t *n, uint32_t v)
{
    uint32_t *p = realloc(*arr, (*n + 1) * sizeof *p);
    if (!p)
        return NG_ENOMEM;
    p[(*n)++] = v;
    *arr = p;
    return 0;
}

/* Statements of one day: counts distinct statements, and collects those
 * whose (speaker, quote) no earlier day had, with all their targets. */
static int day_statements(const ng_timeline_day *day, day_news *dn, ng_strmap *seen_quotes, ng_strbuf *key)
{
    const ng_graph *g = day->graph;
    ng_strmap spans, today;
    int rc = 0;
    ng_strmap_init(&spans);
    ng_strmap_init(&today);
    for (uint32_t e = 0; e < g->nedges && !rc; e++) {
        const ng_edge *edge = &g->edges[e];
        const char *speaker = g->nodes[edge->source].id;
        for (uint32_t v = 0; v < edge->nevidence && !rc; v++) {
            const ng_evidence *ev = &edge->evidence[v];
            char span[48];
            snprintf(span, sizeof span, "%u:%u", ev->start, ev->end);
            if ((rc = make_key(key, speaker, ev->document, span)) < 0)
                break;
            if (!ng_strmap_get(&spans, key->data, key->len, NULL)) {
                dn->statements++;
                if ((rc = ng_strmap_put(&spans, key->data, key->len, 1)) < 0)
                    break;
            }
            if ((rc = make_key(key, speaker, ev->quote, NULL)) < 0)
                break;
            int64_t idx;
            if (ng_strmap_get(&today, key->data, key->len, &idx)) {
                stmt_ref *s = &dn->new_stmts[idx];
                int dup = 0;
                for (size_t k = 0; k < s->nabout; k++)
                    dup |= s->about[k] == edge->target;
                if (!dup)
                    rc = push_u32(&s->about, &s->nabout, edge->target);
                continue;
            }
            if (ng_strmap_get(seen_quotes, key->data, key->len, NULL))
                continue;
            stmt_ref *p = realloc(dn->new_stmts, (dn->nnew_stmts + 1) * sizeof *p);
            if (!p) {
                rc = NG_ENOMEM;
                break;
            }
            dn->new_stmts = p;
            p[dn->nnew_stmts] = (stmt_ref){.edge = e, .ev = v};
            if ((rc = push_u32(&p[dn->nnew_stmts].about, &p[dn->nnew_stmts].nabout, edge->target)) < 0 ||
                (rc = ng_strmap_put(&today, key->data, key->len, (int64_t)dn->nnew_stmts)) < 0)
                break;
            dn->nnew_stmts++;
        }
    }
    /* Only now mark today's quotes seen: a quote repeated by two outlets
     * on the same day is one new statement, not "new" then "old". */
    for (size_t i = 0; i < dn->nnew_stmts && !rc; i++) {
        const ng_edge *edge = &g->edges[dn->new_stmts[i].edge];
        if ((rc = make_key(key, g->nodes[edge->source].id, edge->evidence[dn->new_stmts[i].ev].quote, NULL)) == 0)
            rc = ng_strmap_put(seen_quotes, key->data, key->len, 1);
    }
    ng_strmap_free(&spans);
    ng_strmap_free(&today);
    return rc;
}

static int compute_news(const ng_timeline *t, size_t top, day_news **out)
{
    int rc = NG_ENOMEM;
    day_news *news = calloc(t->ndays + 1, sizeof *news);
    ng_strmap seen_nodes, seen_edges, seen_quotes;
    ng_strbuf key;
    ng_strmap_init(&seen_nodes);
    ng_strmap_init(&seen_edges);
    ng_strmap_init(&seen_quotes);
    ng_strbuf_init(&key);
    if (!news)
        goto cleanup;
    for (size_t d = 0; d < t->ndays; d++) {
        const ng_timeline_day *day = &t->days[d];
        const ng_graph *g = day->graph;
        day_news *dn = &news[d];
        if (!g)
            continue;
        uint32_t *all = malloc((g->nnodes + 1) * sizeof *all);
        if (!all)
            goto cleanup;
        for (uint32_t i = 0; i < g->nnodes; i++)
            all[i] = i;
        sort_day = day;
        qsort(all, g->nnodes, sizeof *all, cmp_pagerank);
        dn->top = all;
        dn->ntop = g->nnodes < top ? g->nnodes : top;
        for (size_t k = 0; k < g->nnodes; k++) { /* in PageRank order */
            const char *id = g->nodes[all[k]].id;
            if (ng_strmap_get(&seen_nodes, id, strlen(id), NULL))
                continue;
            if (push_u32(&dn->new_nodes, &dn->nnew_nodes, all[k]) < 0)
                goto cleanup;
        }
        for (uint32_t e = 0; e < g->nedges; e++) {
            const ng_edge *edge = &g->edges[e];
            if (make_key(&key, g->nodes[edge->source].id, g->nodes[edge->target].id, edge->relation) < 0)
                goto cleanup;
            if (ng_strmap_get(&seen_edges, key.data, key.len, NULL))
                continue;
            if (push_u32(&dn->new_edges, &dn->nnew_edges, e) < 0 ||
                ng_strmap_put(&seen_edges, key.data, key.len, 1) < 0)
                goto cleanup;
        }
        if (dn->nnew_edges > 1) /* qsort's base must not be NULL */
            qsort(dn->new_edges, dn->nnew_edges, sizeof *dn->new_edges, cmp_edge_weight);
        for (size_t k = 0; k < dn->nnew_nodes; k++) {
            const char *id = g->nodes[dn->new_nodes[k]].id;
            if (ng_strmap_put(&seen_nodes, id, strlen(id), 1) < 0)
                goto cleanup;
        }
        if (day_statements(day, dn, &seen_quotes, &key) < 0)
            goto cleanup;
        sort_day = day;
        if (dn->nnew_stmts > 1) /* qsort's base must not be NULL */
            qsort(dn->new_stmts, dn->nnew_stmts, sizeof *dn->new_stmts, cmp_stmt);
    }
    *out = news;
    news = NULL;
    rc = 0;
cleanup:
    sort_day = NULL;
    news_free(news, t->ndays);
    ng_strmap_free(&seen_nodes);
    ng_strmap_free(&seen_edges);
    ng_strmap_free(&seen_quotes);
    ng_strbuf_free(&key);
    return rc;
}

/* ---- timeline.json ---- */

static double round6(double x)
{
    return round(x * 1e6) / 1e6;
}

static int day_json(cJSON *arr, const ng_timeline_day *day, const day_news *dn)
{
    const ng_graph *g = day->graph;
    cJSON *o = cJSON_CreateObject(), *a;
    if (!o || !cJSON_AddItemToArray(arr, o) || !cJSON_AddStringToObject(o, "date", day->date) ||
        !cJSON_AddNumberToObject(o, "documents", (double)day->ndocuments) ||
        !cJSON_AddNumberToObject(o, "nodes", g ? (double)g->nnodes : 0) ||
        !cJSON_AddNumberToObject(o, "edges", g ? (double)g->nedges : 0) ||
        !cJSON_AddNumberToObject(o, "statements", (double)dn->statements) ||
        !cJSON_AddBoolToObject(o, "failed", g == NULL))
        return NG_ENOMEM;
    if (!(a = cJSON_AddArrayToObject(o, "top_actors")))
        return NG_ENOMEM;
    for (size_t k = 0; k < dn->ntop; k++) {
        const ng_node *n = &g->nodes[dn->top[k]];
        cJSON *x = cJSON_CreateObject();
        if (!x || !cJSON_AddItemToArray(a, x) || !cJSON_AddStringToObject(x, "id", n->id) ||
            !cJSON_AddStringToObject(x, "label", n->label) ||
            !cJSON_AddNumberToObject(x, "pagerank", round6(day->stats.nodes[dn->top[k]].pagerank)))
            return NG_ENOMEM;
    }
    if (!(a = cJSON_AddArrayToObject(o, "new_actors")))
        return NG_ENOMEM;
    for (size_t k = 0; k < dn->nnew_nodes; k++) {
        cJSON *s = cJSON_CreateString(g->nodes[dn->new_nodes[k]].id);
        if (!s || !cJSON_AddItemToArray(a, s))
            return NG_ENOMEM;
    }
    if (!(a = cJSON_AddArrayToObject(o, "new_edges")))
        return NG_ENOMEM;
    for (size_t k = 0; k < dn->nnew_edges; k++) {
        const ng_edge *e = &g->edges[dn->new_edges[k]];
        cJSON *x = cJSON_CreateObject();
        if (!x || !cJSON_AddItemToArray(a, x) || !cJSON_AddStringToObject(x, "source", g->nodes[e->source].id) ||
            !cJSON_AddStringToObject(x, "target", g->nodes[e->target].id) ||
            !cJSON_AddStringToObject(x, "relation", e->relation) ||
            !cJSON_AddNumberToObject(x, "weight", e->weight))
            return NG_ENOMEM;
    }
    if (!(a = cJSON_AddArrayToObject(o, "new_statements")))
        return NG_ENOMEM;
    for (size_t k = 0; k < dn->nnew_stmts; k++) {
        const stmt_ref *s = &dn->new_stmts[k];
        const ng_edge *e = &g->edges[s->edge];
        const ng_evidence *ev = &e->evidence[s->ev];
        cJSON *x = cJSON_CreateObject(), *about;
        if (!x || !cJSON_AddItemToArray(a, x) || !cJSON_AddStringToObject(x, "speaker", g->nodes[e->source].id) ||
            !(about = cJSON_AddArrayToObject(x, "about")))
            return NG_ENOMEM;
        for (size_t i = 0; i < s->nabout; i++) {
            cJSON *id = cJSON_CreateString(g->nodes[s->about[i]].id);
            if (!id || !cJSON_AddItemToArray(about, id))
                return NG_ENOMEM;
        }
        if (!cJSON_AddStringToObject(x, "relation", e->relation) ||
            !cJSON_AddStringToObject(x, "cue", ev->cue ? ev->cue : "") ||
            !cJSON_AddStringToObject(x, "quote", ev->quote ? ev->quote : "") ||
            !cJSON_AddStringToObject(x, "document", ev->document ? ev->document : ""))
            return NG_ENOMEM;
    }
    return 0;
}

int ng_format_timeline_json(const ng_timeline *t, size_t top, char **out, ng_error *err)
{
    day_news *news = NULL;
    cJSON *root = NULL, *days;
    int rc = NG_ENOMEM;
    *out = NULL;
    if (compute_news(t, top ? top : 5, &news) < 0)
        goto cleanup;
    if (!(root = cJSON_CreateObject()) || !cJSON_AddStringToObject(root, "format", "newsgraph-timeline") ||
        !cJSON_AddNumberToObject(root, "version", 1) || !(days = cJSON_AddArrayToObject(root, "days")))
        goto cleanup;
    for (size_t d = 0; d < t->ndays; d++)
        if (day_json(days, &t->days[d], &news[d]) < 0)
            goto cleanup;
    char *text = cJSON_Print(root);
    if (!text)
        goto cleanup;
    size_t n = strlen(text);
    if ((*out = malloc(n + 2))) {
        memcpy(*out, text, n);
        memcpy(*out + n, "\n", 2);
        rc = 0;
    }
    cJSON_free(text);
cleanup:
    cJSON_Delete(root);
    news_free(news, t->ndays);
    if (rc < 0)
        ng_error_set(err, rc, "out of memory writing timeline.json");
    return rc;
}

/* ---- timeline.csv ---- */

/* RFC 4180: quote a field holding a comma, quote or line break. */
static int csv_field(ng_strbuf *b, const char *s)
{
    if (!strpbrk(s, ",\"\r\n"))
        return ng_strbuf_puts(b, s);
    int rc = ng_strbuf_putc(b, '"');
    for (; *s && !rc; s++)
        rc = *s == '"' ? ng_strbuf_puts(b, "\"\"") : ng_strbuf_putc(b, *s);
    return rc ? rc : ng_strbuf_putc(b, '"');
}

int ng_format_timeline_csv(const ng_timeline *t, size_t top, char **out, ng_error *err)
{
    day_news *news = NULL;
    ng_strbuf b, list;
    int rc = NG_ENOMEM;
    ng_strbuf_init(&b);
    ng_strbuf_init(&list);
    *out = NULL;
    if (compute_news(t, top ? top : 5, &news) < 0)
        goto cleanup;
    if (ng_strbuf_puts(&b, "date,documents,nodes,edges,statements,new_actors,new_edges,new_statements,"
                           "failed,top_actors,new_actor_labels\n") < 0)
        goto cleanup;
    for (size_t d = 0; d < t->ndays; d++) {
        const ng_timeline_day *day = &t->days[d];
        const ng_graph *g = day->graph;
        const day_news *dn = &news[d];
        if (csv_field(&b, day->date) < 0 ||
            ng_strbuf_printf(&b, ",%zu,%zu,%zu,%zu,%zu,%zu,%zu,%d,", day->ndocuments, g ? g->nnodes : 0,
                             g ? g->nedges : 0, dn->statements, dn->nnew_nodes, dn->nnew_edges,
                             dn->nnew_stmts, g == NULL) < 0)
            goto cleanup;
        list.len = 0;
        for (size_t k = 0; k < dn->ntop; k++)
            if (ng_strbuf_printf(&list, "%s%s (%.4f)", k ? "; " : "", g->nodes[dn->top[k]].label,
                                 day->stats.nodes[dn->top[k]].pagerank) < 0)
                goto cleanup;
        if (csv_field(&b, list.len ? list.data : "") < 0 || ng_strbuf_putc(&b, ',') < 0)
            goto cleanup;
        list.len = 0;
        for (size_t k = 0; k < dn->nnew_nodes; k++)
            if (ng_strbuf_printf(&list, "%s%s", k ? "; " : "", g->nodes[dn->new_nodes[k]].label) < 0)
                goto cleanup;
        if (csv_field(&b, list.len ? list.data : "") < 0 || ng_strbuf_putc(&b, '\n') < 0)
            goto cleanup;
    }
    if ((*out = ng_strbuf_steal(&b)))
        rc = 0;
cleanup:
    ng_strbuf_free(&b);
    ng_strbuf_free(&list);
    news_free(news, t->ndays);
    if (rc < 0)
        ng_error_set(err, rc, "out of memory writing timeline.csv");
    return rc;
}
