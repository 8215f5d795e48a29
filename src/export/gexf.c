/* gexf.c - the dynamic GEXF 1.3 of a timeline, for Gephi's timeline player
 * (see include/newsgraph/timeline.h).
 *
 * Every node and edge of the dated days appears once, with one closed
 * spell [date, date] per day it is in that day's graph, and dynamic
 * attvalues (weight of an edge, mentions and pagerank of a node) per day.
 * Days are not merged into longer spells: a day without articles in
 * between is no evidence that the actor was still in the story. The
 * attribute id "weight" on edges is what Gephi reads as the dynamic edge
 * weight. */
#include "newsgraph/timeline.h"

#include "strbuf.h"
#include "strmap.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Length of a valid UTF-8 sequence at s (at most n bytes), 0 when invalid. */
static size_t utf8_len(const unsigned char *s, size_t n)
{
    unsigned char c = s[0];
    size_t len;
    uint32_t cp;
    if (c < 0x80)
        return 1;
    if ((c & 0xE0) == 0xC0) {
        len = 2;
        cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
        len = 3;
        cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
        len = 4;
        cp = c & 0x07;
    } else {
        return 0;
    }
    if (len > n)
        return 0;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    static const uint32_t min[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < min[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) || cp == 0xFFFE || cp == 0xFFFF)
        return 0; /* overlong, surrogate or not an XML character */
    return len;
}

/* Appends s as XML attribute text: markup characters escaped, tab,
 * newline and CR as a space (GEXF labels are xsd:token, one line),
 * other control characters XML 1.0 forbids dropped, invalid UTF-8
 * replaced by U+FFFD. The output is always well-formed. */
static int put_xml(ng_strbuf *b, const char *str)
{
    const unsigned char *s = (const unsigned char *)(str ? str : "");
    size_t n = strlen((const char *)s);
    int rc = 0;
    for (size_t i = 0; i < n && !rc;) {
        unsigned char c = s[i];
        switch (c) {
        case '&': rc = ng_strbuf_puts(b, "&amp;"); i++; continue;
        case '<': rc = ng_strbuf_puts(b, "&lt;"); i++; continue;
        case '>': rc = ng_strbuf_puts(b, "&gt;"); i++; continue;
        case '"': rc = ng_strbuf_puts(b, "&quot;"); i++; continue;
        case '\'': rc = ng_strbuf_puts(b, "&apos;"); i++; continue;
        case '\t':
        case '\n':
        case '\r': rc = ng_strbuf_putc(b, ' '); i++; continue;
        default: break;
        }
        if (c < 0x20) {
            i++;
            continue;
        }
        size_t len = utf8_len(s + i, n - i);
        if (len == 0) {
            rc = ng_strbuf_puts(b, "\xEF\xBF\xBD");
            i++;
        } else {
            rc = ng_strbuf_append(b, (const char *)s + i, len);
            i += len;
        }
    }
    return rc;
}

/* The union of the dated days: nodes by id, edges by key, each with the
 * index of the node/edge in every day (-1 when absent). */
typedef struct gexf_union {
    size_t ndays;       /* dated days with a graph */
    const ng_timeline_day **days;
    const char **node_ids; /* borrowed from the day graphs */
    int32_t *node_at;      /* [node * ndays + day] */
    size_t nnodes;
    int32_t *edge_at;      /* [edge * ndays + day] */
    size_t nedges;
} gexf_union;

static void union_free(gexf_union *u)
{
    free(u->days);
    free(u->node_ids);
    free(u->node_at);
    free(u->edge_at);
}

static int cmp_str_ptr(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int build_union(const ng_timeline *t, gexf_union *u)
{
    int rc = NG_ENOMEM;
    ng_strmap ids, keys;
    ng_strbuf key;
    size_t cap = 0;
    ng_strmap_init(&ids);
    ng_strmap_init(&keys);
    ng_strbuf_init(&key);
    memset(u, 0, sizeof *u);
    if (!(u->days = calloc(t->ndays + 1, sizeof *u->days)))
        goto cleanup;
    for (size_t d = 0; d < t->ndays; d++)
        if (t->days[d].graph && ng_timeline_day_is_dated(&t->days[d]))
            u->days[u->ndays++] = &t->days[d];

    /* Node ids, sorted, so the file does not depend on day order. */
    for (size_t d = 0; d < u->ndays; d++) {
        const ng_graph *g = u->days[d]->graph;
        for (size_t i = 0; i < g->nnodes; i++) {
            const char *id = g->nodes[i].id;
            if (ng_strmap_get(&ids, id, strlen(id), NULL))
                continue;
            if (u->nnodes == cap) {
                cap = cap ? cap * 2 : 64;
                const char **p = realloc(u->node_ids, cap * sizeof *p);
                if (!p)
                    goto cleanup;
                u->node_ids = p;
            }
            u->node_ids[u->nnodes++] = id;
            if (ng_strmap_put(&ids, id, strlen(id), 1) < 0)
                goto cleanup;
        }
    }
    if (u->nnodes > 1)
        qsort(u->node_ids, u->nnodes, sizeof *u->node_ids, cmp_str_ptr);
    if (!(u->node_at = malloc((u->nnodes * u->ndays + 1) * sizeof *u->node_at)))
        goto cleanup;
    for (size_t i = 0; i < u->nnodes; i++)
        for (size_t d = 0; d < u->ndays; d++)
            u->node_at[i * u->ndays + d] = ng_graph_find_node(u->days[d]->graph, u->node_ids[i]);

    /* Edges: walk the union nodes as sources in id order, and per source
     * the days' edges; an edge key gets its union index when first seen,
     * then edges are sorted by (source, target, relation) ids below. */
    size_t ecap = 0;
    for (size_t d = 0; d < u->ndays; d++) {
        const ng_graph *g = u->days[d]->graph;
        for (size_t e = 0; e < g->nedges; e++) {
            const ng_edge *edge = &g->edges[e];
            key.len = 0;
            if (ng_strbuf_printf(&key, "%s\x1f%s\x1f%s", g->nodes[edge->source].id, g->nodes[edge->target].id,
                                 edge->relation) < 0)
                goto cleanup;
            int64_t idx;
            if (!ng_strmap_get(&keys, key.data, key.len, &idx)) {
                if (u->nedges == ecap) {
                    ecap = ecap ? ecap * 2 : 64;
                    int32_t *p = realloc(u->edge_at, ecap * u->ndays * sizeof *p);
                    if (!p)
                        goto cleanup;
                    u->edge_at = p;
                }
                idx = (int64_t)u->nedges++;
                for (size_t k = 0; k < u->ndays; k++)
                    u->edge_at[idx * u->ndays + k] = -1;
                if (ng_strmap_put(&keys, key.data, key.len, idx) < 0)
                    goto cleanup;
            }
            u->edge_at[idx * u->ndays + d] = (int32_t)e;
        }
    }
    rc = 0;
cleanup:
    ng_strmap_free(&ids);
    ng_strmap_free(&keys);
    ng_strbuf_free(&key);
    return rc;
}

/* The first day an edge appears on, and its index there. */
static const ng_edge *edge_first(const gexf_union *u, size_t e, const ng_graph **g)
{
    for (size_t d = 0; d < u->ndays; d++) {
        int32_t at = u->edge_at[e * u->ndays + d];
        if (at >= 0) {
            *g = u->days[d]->graph;
            return &(*g)->edges[at];
        }
    }
    return NULL;
}

static _Thread_local const gexf_union *sort_union;

/* Orders union edges by (source id, target id, relation), the order of
 * every other edge list newsgraph writes. */
static int cmp_edge_rows(const void *pa, const void *pb)
{
    size_t a = *(const uint32_t *)pa, b = *(const uint32_t *)pb;
    const ng_graph *ga = NULL, *gb = NULL;
    const ng_edge *x = edge_first(sort_union, a, &ga), *y = edge_first(sort_union, b, &gb);
    int c = strcmp(ga->nodes[x->source].id, gb->nodes[y->source].id);
    if (!c)
        c = strcmp(ga->nodes[x->target].id, gb->nodes[y->target].id);
    if (!c)
        c = strcmp(x->relation, y->relation);
    return c;
}

static int write_spells(ng_strbuf *b, const gexf_union *u, const int32_t *at)
{
    int rc = ng_strbuf_puts(b, "        <spells>\n");
    for (size_t d = 0; d < u->ndays && !rc; d++)
        if (at[d] >= 0)
            rc = ng_strbuf_printf(b, "          <spell start=\"%s\" end=\"%s\"/>\n", u->days[d]->date,
                                  u->days[d]->date);
    return rc ? rc : ng_strbuf_puts(b, "        </spells>\n");
}

static int write_nodes(ng_strbuf *b, const gexf_union *u)
{
    int rc = ng_strbuf_puts(b, "    <nodes>\n");
    for (size_t i = 0; i < u->nnodes && !rc; i++) {
        const int32_t *at = &u->node_at[i * u->ndays];
        const ng_node *last = NULL; /* label and type as of the latest day */
        for (size_t d = 0; d < u->ndays; d++)
            if (at[d] >= 0)
                last = &u->days[d]->graph->nodes[at[d]];
        rc = ng_strbuf_puts(b, "      <node id=\"");
        if (!rc) rc = put_xml(b, u->node_ids[i]);
        if (!rc) rc = ng_strbuf_puts(b, "\" label=\"");
        if (!rc) rc = put_xml(b, last->label);
        if (!rc) rc = ng_strbuf_puts(b, "\">\n        <attvalues>\n          <attvalue for=\"type\" value=\"");
        if (!rc) rc = put_xml(b, last->type);
        if (!rc) rc = ng_strbuf_puts(b, "\"/>\n");
        for (size_t d = 0; d < u->ndays && !rc; d++) {
            if (at[d] < 0)
                continue;
            const ng_timeline_day *day = u->days[d];
            rc = ng_strbuf_printf(b,
                                  "          <attvalue for=\"mentions\" value=\"%u\" start=\"%s\" end=\"%s\"/>\n"
                                  "          <attvalue for=\"pagerank\" value=\"%.6f\" start=\"%s\" end=\"%s\"/>\n",
                                  day->graph->nodes[at[d]].mentions, day->date, day->date,
                                  day->stats.nodes[at[d]].pagerank, day->date, day->date);
        }
        if (!rc) rc = ng_strbuf_puts(b, "        </attvalues>\n");
        if (!rc) rc = write_spells(b, u, at);
        if (!rc) rc = ng_strbuf_puts(b, "      </node>\n");
    }
    return rc ? rc : ng_strbuf_puts(b, "    </nodes>\n");
}

static int write_edges(ng_strbuf *b, const gexf_union *u)
{
    uint32_t *rows = malloc((u->nedges + 1) * sizeof *rows);
    if (!rows)
        return NG_ENOMEM;
    for (size_t e = 0; e < u->nedges; e++)
        rows[e] = (uint32_t)e;
    sort_union = u;
    if (u->nedges > 1)
        qsort(rows, u->nedges, sizeof *rows, cmp_edge_rows);
    sort_union = NULL;
    int rc = ng_strbuf_puts(b, "    <edges>\n");
    for (size_t r = 0; r < u->nedges && !rc; r++) {
        size_t e = rows[r];
        const int32_t *at = &u->edge_at[e * u->ndays];
        const ng_graph *g = NULL;
        const ng_edge *first = edge_first(u, e, &g);
        /* kind keeps several relations between one pair apart in Gephi. */
        rc = ng_strbuf_printf(b, "      <edge id=\"e%zu\" source=\"", r);
        if (!rc) rc = put_xml(b, g->nodes[first->source].id);
        if (!rc) rc = ng_strbuf_puts(b, "\" target=\"");
        if (!rc) rc = put_xml(b, g->nodes[first->target].id);
        if (!rc) rc = ng_strbuf_puts(b, "\" kind=\"");
        if (!rc) rc = put_xml(b, first->relation);
        if (!rc) rc = ng_strbuf_puts(b, "\" label=\"");
        if (!rc) rc = put_xml(b, first->relation);
        if (!rc) rc = ng_strbuf_puts(b, "\">\n        <attvalues>\n          <attvalue for=\"relation\" value=\"");
        if (!rc) rc = put_xml(b, first->relation);
        if (!rc) rc = ng_strbuf_puts(b, "\"/>\n");
        for (size_t d = 0; d < u->ndays && !rc; d++) {
            if (at[d] < 0)
                continue;
            const ng_timeline_day *day = u->days[d];
            rc = ng_strbuf_printf(b, "          <attvalue for=\"weight\" value=\"%g\" start=\"%s\" end=\"%s\"/>\n",
                                  day->graph->edges[at[d]].weight, day->date, day->date);
        }
        if (!rc) rc = ng_strbuf_puts(b, "        </attvalues>\n");
        if (!rc) rc = write_spells(b, u, at);
        if (!rc) rc = ng_strbuf_puts(b, "      </edge>\n");
    }
    free(rows);
    return rc ? rc : ng_strbuf_puts(b, "    </edges>\n");
}

int ng_format_gexf(const ng_timeline *t, char **out, ng_error *err)
{
    gexf_union u;
    ng_strbuf b;
    int rc;
    ng_strbuf_init(&b);
    *out = NULL;
    if ((rc = build_union(t, &u)) < 0)
        goto cleanup;
    rc = ng_strbuf_puts(&b,
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        "<gexf xmlns=\"http://gexf.net/1.3\" "
                        "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                        "xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" "
                        "version=\"1.3\">\n"
                        "  <meta>\n    <creator>newsgraph</creator>\n"
                        "    <description>who said what about whom, one spell per news day</description>\n"
                        "  </meta>\n"
                        "  <graph mode=\"dynamic\" defaultedgetype=\"directed\" timeformat=\"date\" "
                        "timerepresentation=\"interval\"");
    if (!rc && u.ndays)
        rc = ng_strbuf_printf(&b, " start=\"%s\" end=\"%s\"", u.days[0]->date, u.days[u.ndays - 1]->date);
    if (!rc)
        rc = ng_strbuf_puts(&b, ">\n"
                                "    <attributes class=\"node\" mode=\"static\">\n"
                                "      <attribute id=\"type\" title=\"type\" type=\"string\"/>\n"
                                "    </attributes>\n"
                                "    <attributes class=\"node\" mode=\"dynamic\">\n"
                                "      <attribute id=\"mentions\" title=\"mentions\" type=\"integer\"/>\n"
                                "      <attribute id=\"pagerank\" title=\"pagerank\" type=\"double\"/>\n"
                                "    </attributes>\n"
                                "    <attributes class=\"edge\" mode=\"static\">\n"
                                "      <attribute id=\"relation\" title=\"relation\" type=\"string\"/>\n"
                                "    </attributes>\n"
                                "    <attributes class=\"edge\" mode=\"dynamic\">\n"
                                "      <attribute id=\"weight\" title=\"Weight\" type=\"double\"/>\n"
                                "    </attributes>\n");
    if (!rc)
        rc = write_nodes(&b, &u);
    if (!rc)
        rc = write_edges(&b, &u);
    if (!rc)
        rc = ng_strbuf_puts(&b, "  </graph>\n</gexf>\n");
    if (!rc && !(*out = ng_strbuf_steal(&b)))
        rc = NG_ENOMEM;
cleanup:
    union_free(&u);
    ng_strbuf_free(&b);
    if (rc < 0)
        ng_error_set(err, rc, "out of memory writing timeline.gexf");
    return rc;
}
