/* graphml.c - graph.graphml for Gephi, yEd, networkx and igraph.
 *
 * Plain GraphML with typed <key>s (attr.type string/int/double), which
 * every reader maps to native types: node label, type, aliases (joined
 * "; "), documents, mentions (int), each centrality (double), community
 * (int); edge relation, weight (double), quotes (joined " | "),
 * documents (distinct, joined "; "). Key ids carry a v_/e_ prefix so a
 * node and an edge attribute may share a name. All text goes through
 * ng_export_xml_text, so news text cannot break the XML. */
#include "newsgraph/export.h"

#include "columns.h"
#include "escape.h"
#include "outfile.h"
#include "strbuf.h"
#include "strmap.h"

#include <stdlib.h>
#include <string.h>

static const char HEADER[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
    "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
    "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
    "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";

static int put_key_decl(ng_strbuf *b, char kind, const char *name, const char *type)
{
    return ng_strbuf_printf(b,
                            "  <key id=\"%c_%s\" for=\"%s\" attr.name=\"%s\" attr.type=\"%s\"/>\n",
                            kind, name, kind == 'v' ? "node" : "edge", name, type);
}

static int put_keys(ng_strbuf *b, const ng_graph_stats *st)
{
    static const char *const node_strings[] = {"label", "type", "aliases", "documents"};
    int rc = 0;
    for (size_t k = 0; k < 4 && !rc; k++)
        rc = put_key_decl(b, 'v', node_strings[k], "string");
    rc = rc ? rc : put_key_decl(b, 'v', "mentions", "int");
    for (size_t k = 0; st && k < ng_node_nmetrics && !rc; k++)
        rc = put_key_decl(b, 'v', ng_node_metrics[k].name, "double");
    if (st && !rc)
        rc = put_key_decl(b, 'v', "community", "int");
    rc = rc ? rc : put_key_decl(b, 'e', "relation", "string");
    rc = rc ? rc : put_key_decl(b, 'e', "weight", "double");
    rc = rc ? rc : put_key_decl(b, 'e', "quotes", "string");
    return rc ? rc : put_key_decl(b, 'e', "documents", "string");
}

/* "<indent><data key="k_name">" (no printf: one per attribute and element). */
static int open_data(ng_strbuf *b, const char *indent, char kind, const char *name)
{
    char k[2] = {kind, '_'};
    int rc = ng_strbuf_puts(b, indent);
    rc = rc ? rc : ng_strbuf_append(b, "<data key=\"", 11);
    rc = rc ? rc : ng_strbuf_append(b, k, 2);
    rc = rc ? rc : ng_strbuf_puts(b, name);
    return rc ? rc : ng_strbuf_append(b, "\">", 2);
}

/* <data key="k_name">text</data> with the text escaped. */
static int put_data(ng_strbuf *b, const char *indent, char kind, const char *name, const char *text)
{
    int rc = open_data(b, indent, kind, name);
    rc = rc ? rc : ng_export_xml_text(b, text);
    return rc ? rc : ng_strbuf_append(b, "</data>\n", 8);
}

static int put_number_data(ng_strbuf *b, const char *indent, char kind, const char *name, double x)
{
    int rc = open_data(b, indent, kind, name);
    rc = rc ? rc : ng_export_number(b, x);
    return rc ? rc : ng_strbuf_append(b, "</data>\n", 8);
}

static int put_int_data(ng_strbuf *b, const char *indent, char kind, const char *name, long long x)
{
    int rc = open_data(b, indent, kind, name);
    rc = rc ? rc : ng_strbuf_put_int(b, x);
    return rc ? rc : ng_strbuf_append(b, "</data>\n", 8);
}

/* Joins v with sep into tmp (reset first). */
static int join(ng_strbuf *tmp, char *const *v, size_t n, const char *sep)
{
    tmp->len = 0;
    int rc = ng_strbuf_append(tmp, "", 0);
    for (size_t i = 0; i < n && !rc; i++) {
        rc = i ? ng_strbuf_puts(tmp, sep) : 0;
        rc = rc ? rc : ng_strbuf_puts(tmp, v[i] ? v[i] : "");
    }
    return rc;
}

static int put_node(ng_strbuf *b, ng_strbuf *tmp, const ng_node *n, const ng_node_stats *s)
{
    const char *in = "      ";
    int rc = ng_strbuf_puts(b, "    <node id=\"");
    rc = rc ? rc : ng_export_xml_text(b, n->id);
    rc = rc ? rc : ng_strbuf_puts(b, "\">\n");
    rc = rc ? rc : put_data(b, in, 'v', "label", n->label);
    rc = rc ? rc : put_data(b, in, 'v', "type", n->type);
    rc = rc ? rc : join(tmp, n->aliases, n->naliases, "; ");
    rc = rc ? rc : put_data(b, in, 'v', "aliases", tmp->data);
    rc = rc ? rc : join(tmp, n->documents, n->ndocuments, "; ");
    rc = rc ? rc : put_data(b, in, 'v', "documents", tmp->data);
    rc = rc ? rc : put_int_data(b, in, 'v', "mentions", n->mentions);
    for (size_t k = 0; s && k < ng_node_nmetrics && !rc; k++)
        rc = put_number_data(b, in, 'v', ng_node_metrics[k].name,
                             ng_metric_value(s, &ng_node_metrics[k]));
    if (s && !rc)
        rc = put_int_data(b, in, 'v', "community", s->community);
    return rc ? rc : ng_strbuf_puts(b, "    </node>\n");
}

static const char *evidence_document(const ng_edge *e, size_t j)
{
    return e->evidence[j].document ? e->evidence[j].document : "";
}

/* The edge's distinct documents in first-seen order, joined "; " into
 * tmp. Evidence comes sorted by document from ng_graph_sort, so a
 * document is new when it differs from the one before; evidence out of
 * order is deduplicated with a set instead. */
static int join_documents(ng_strbuf *tmp, const ng_edge *e)
{
    tmp->len = 0;
    int rc = ng_strbuf_append(tmp, "", 0);
    size_t j = 1;
    while (j < e->nevidence && strcmp(evidence_document(e, j - 1), evidence_document(e, j)) <= 0)
        j++;
    if (j >= e->nevidence) { /* sorted */
        for (j = 0; j < e->nevidence && !rc; j++) {
            const char *d = evidence_document(e, j);
            if (j && strcmp(d, evidence_document(e, j - 1)) == 0)
                continue;
            rc = tmp->len ? ng_strbuf_puts(tmp, "; ") : 0;
            rc = rc ? rc : ng_strbuf_puts(tmp, d);
        }
        return rc;
    }
    ng_strmap seen;
    ng_strmap_init(&seen);
    for (j = 0; j < e->nevidence && !rc; j++) {
        const char *d = evidence_document(e, j);
        if (ng_strmap_get(&seen, d, strlen(d), NULL))
            continue;
        rc = ng_strmap_put(&seen, d, strlen(d), 1);
        rc = rc ? rc : tmp->len ? ng_strbuf_puts(tmp, "; ") : 0;
        rc = rc ? rc : ng_strbuf_puts(tmp, d);
    }
    ng_strmap_free(&seen);
    return rc;
}

/* Quotes in evidence order; documents distinct, in first-seen order. */
static int put_edge(ng_strbuf *b, ng_strbuf *tmp, const ng_graph *g, size_t i)
{
    const ng_edge *e = &g->edges[i];
    const char *in = "      ";
    int rc = ng_strbuf_puts(b, "    <edge id=\"e");
    rc = rc ? rc : ng_strbuf_put_int(b, (long long)i);
    rc = rc ? rc : ng_strbuf_puts(b, "\" source=\"");
    rc = rc ? rc : ng_export_xml_text(b, g->nodes[e->source].id);
    rc = rc ? rc : ng_strbuf_puts(b, "\" target=\"");
    rc = rc ? rc : ng_export_xml_text(b, g->nodes[e->target].id);
    rc = rc ? rc : ng_strbuf_puts(b, "\">\n");
    rc = rc ? rc : put_data(b, in, 'e', "relation", e->relation);
    rc = rc ? rc : put_number_data(b, in, 'e', "weight", e->weight);
    tmp->len = 0;
    rc = rc ? rc : ng_strbuf_append(tmp, "", 0);
    for (size_t j = 0; j < e->nevidence && !rc; j++) {
        rc = j ? ng_strbuf_puts(tmp, " | ") : 0;
        rc = rc ? rc : ng_strbuf_puts(tmp, e->evidence[j].quote ? e->evidence[j].quote : "");
    }
    rc = rc ? rc : put_data(b, in, 'e', "quotes", tmp->data);
    rc = rc ? rc : join_documents(tmp, e);
    rc = rc ? rc : put_data(b, in, 'e', "documents", tmp->data);
    return rc ? rc : ng_strbuf_puts(b, "    </edge>\n");
}

int ng_export_graphml(const ng_graph *g, const ng_graph_stats *st, ng_sink *s)
{
    int rc = ng_stats_check(g, st, s->err);
    if (rc < 0)
        return rc;
    ng_strbuf *b = &s->buf, tmp;
    ng_strbuf_init(&tmp);
    rc = ng_strbuf_puts(b, HEADER);
    rc = rc ? rc : put_keys(b, st);
    rc = rc ? rc : ng_strbuf_puts(b, "  <graph id=\"newsgraph\" edgedefault=\"directed\">\n");
    for (size_t i = 0; i < g->nnodes && !rc; i++) {
        rc = put_node(b, &tmp, &g->nodes[i], st ? &st->nodes[i] : NULL);
        rc = rc ? rc : ng_sink_flush(s, 0);
    }
    for (size_t i = 0; i < g->nedges && !rc; i++) {
        rc = put_edge(b, &tmp, g, i);
        rc = rc ? rc : ng_sink_flush(s, 0);
    }
    rc = rc ? rc : ng_strbuf_puts(b, "  </graph>\n</graphml>\n");
    rc = rc ? rc : ng_sink_flush(s, 1);
    ng_strbuf_free(&tmp);
    if (rc && !s->rc)
        return ng_error_set(s->err, NG_ENOMEM, "out of memory writing graph.graphml");
    return rc;
}

int ng_format_graphml(const ng_graph *g, const ng_graph_stats *st, char **out, ng_error *err)
{
    *out = NULL;
    ng_sink s;
    ng_sink_init(&s, NULL, err);
    int rc = ng_export_graphml(g, st, &s);
    if (rc == 0 && !(*out = ng_strbuf_steal(&s.buf)))
        rc = ng_error_set(err, NG_ENOMEM, "out of memory writing graph.graphml");
    ng_strbuf_free(&s.buf);
    return rc;
}
