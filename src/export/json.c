/* json.c - graph.json, the spec's interchange form of the graph.
 *
 * Written by hand rather than through cJSON so that the layout is fixed:
 * two-space indentation, keys in the spec's order, one line per document
 * and per evidence item, numbers in their shortest exact form, UTF-8
 * kept as is. ng_graph_parse_json reads it back; format -> parse ->
 * format gives the same bytes. Per-node statistics, when given, go into
 * an additional "stats" object per node (readers ignore unknown keys). */
#include "newsgraph/export.h"

#include "columns.h"
#include "escape.h"
#include "outfile.h"
#include "strbuf.h"

#include <stdlib.h>

static int put_key(ng_strbuf *b, const char *indent, const char *key)
{
    int rc = ng_strbuf_puts(b, indent);
    rc = rc ? rc : ng_export_json_string(b, key);
    return rc ? rc : ng_strbuf_puts(b, ": ");
}

static int put_string_array(ng_strbuf *b, char *const *v, size_t n)
{
    int rc = ng_strbuf_putc(b, '[');
    for (size_t i = 0; i < n && !rc; i++) {
        if (i)
            rc = ng_strbuf_puts(b, ", ");
        rc = rc ? rc : ng_export_json_string(b, v[i]);
    }
    return rc ? rc : ng_strbuf_putc(b, ']');
}

static int put_documents(ng_sink *s, const ng_graph *g)
{
    ng_strbuf *b = &s->buf;
    int rc = ng_strbuf_puts(b, g->ndocs ? "[\n" : "[");
    for (size_t i = 0; i < g->ndocs && !rc; i++) {
        const ng_graph_doc *d = &g->docs[i];
        rc = ng_strbuf_puts(b, "    {\"id\": ");
        rc = rc ? rc : ng_export_json_string(b, d->id);
        rc = rc ? rc : ng_strbuf_puts(b, ", \"date\": ");
        rc = rc ? rc : ng_export_json_string(b, d->date);
        rc = rc ? rc : ng_strbuf_puts(b, ", \"title\": ");
        rc = rc ? rc : ng_export_json_string(b, d->title);
        rc = rc ? rc : ng_strbuf_puts(b, i + 1 < g->ndocs ? "},\n" : "}\n  ");
        rc = rc ? rc : ng_sink_flush(s, 0);
    }
    return rc ? rc : ng_strbuf_putc(b, ']');
}

static int put_node_stats(ng_strbuf *b, const ng_node_stats *s)
{
    int rc = ng_strbuf_puts(b, "{");
    for (size_t k = 0; k < ng_node_nmetrics && !rc; k++) {
        rc = ng_strbuf_puts(b, k ? ", " : "");
        rc = rc ? rc : ng_export_json_string(b, ng_node_metrics[k].name);
        rc = rc ? rc : ng_strbuf_puts(b, ": ");
        rc = rc ? rc : ng_export_number(b, ng_metric_value(s, &ng_node_metrics[k]));
    }
    rc = rc ? rc : ng_strbuf_puts(b, ", \"community\": ");
    rc = rc ? rc : ng_strbuf_put_int(b, s->community);
    return rc ? rc : ng_strbuf_putc(b, '}');
}

static int put_nodes(ng_sink *s, const ng_graph *g, const ng_graph_stats *st)
{
    ng_strbuf *b = &s->buf;
    int rc = ng_strbuf_puts(b, g->nnodes ? "[\n" : "[");
    for (size_t i = 0; i < g->nnodes && !rc; i++) {
        const ng_node *n = &g->nodes[i];
        const char *in = "      ";
        rc = ng_strbuf_puts(b, "    {\n");
        rc = rc ? rc : put_key(b, in, "id");
        rc = rc ? rc : ng_export_json_string(b, n->id);
        rc = rc ? rc : ng_strbuf_puts(b, ",\n");
        rc = rc ? rc : put_key(b, in, "label");
        rc = rc ? rc : ng_export_json_string(b, n->label);
        rc = rc ? rc : ng_strbuf_puts(b, ",\n");
        rc = rc ? rc : put_key(b, in, "type");
        rc = rc ? rc : ng_export_json_string(b, n->type);
        rc = rc ? rc : ng_strbuf_puts(b, ",\n");
        rc = rc ? rc : put_key(b, in, "aliases");
        rc = rc ? rc : put_string_array(b, n->aliases, n->naliases);
        rc = rc ? rc : ng_strbuf_puts(b, ",\n      \"mentions\": ");
        rc = rc ? rc : ng_strbuf_put_int(b, n->mentions);
        rc = rc ? rc : ng_strbuf_puts(b, ",\n");
        rc = rc ? rc : put_key(b, in, "documents");
        rc = rc ? rc : put_string_array(b, n->documents, n->ndocuments);
        if (st && !rc) {
            rc = ng_strbuf_puts(b, ",\n");
            rc = rc ? rc : put_key(b, in, "stats");
            rc = rc ? rc : put_node_stats(b, &st->nodes[i]);
        }
        rc = rc ? rc : ng_strbuf_puts(b, i + 1 < g->nnodes ? "\n    },\n" : "\n    }\n  ");
        rc = rc ? rc : ng_sink_flush(s, 0);
    }
    return rc ? rc : ng_strbuf_putc(b, ']');
}

static int put_evidence(ng_strbuf *b, const ng_evidence *ev)
{
    int rc = ng_strbuf_puts(b, "        {\"document\": ");
    rc = rc ? rc : ng_export_json_string(b, ev->document);
    rc = rc ? rc : ng_strbuf_puts(b, ", \"cue\": ");
    rc = rc ? rc : ng_export_json_string(b, ev->cue);
    rc = rc ? rc : ng_strbuf_puts(b, ", \"quote\": ");
    rc = rc ? rc : ng_export_json_string(b, ev->quote);
    rc = rc ? rc : ng_strbuf_puts(b, ", \"start\": ");
    rc = rc ? rc : ng_strbuf_put_int(b, ev->start);
    rc = rc ? rc : ng_strbuf_puts(b, ", \"end\": ");
    rc = rc ? rc : ng_strbuf_put_int(b, ev->end);
    return rc ? rc : ng_strbuf_puts(b, ev->direct ? ", \"direct\": true}" : ", \"direct\": false}");
}

static int put_edges(ng_sink *s, const ng_graph *g)
{
    ng_strbuf *b = &s->buf;
    int rc = ng_strbuf_puts(b, g->nedges ? "[\n" : "[");
    for (size_t i = 0; i < g->nedges && !rc; i++) {
        const ng_edge *e = &g->edges[i];
        const char *in = "      ";
        rc = ng_strbuf_puts(b, "    {\n");
        rc = rc ? rc : put_key(b, in, "source");
        rc = rc ? rc : ng_export_json_string(b, g->nodes[e->source].id);
        rc = rc ? rc : ng_strbuf_puts(b, ",\n");
        rc = rc ? rc : put_key(b, in, "target");
        rc = rc ? rc : ng_export_json_string(b, g->nodes[e->target].id);
        rc = rc ? rc : ng_strbuf_puts(b, ",\n");
        rc = rc ? rc : put_key(b, in, "relation");
        rc = rc ? rc : ng_export_json_string(b, e->relation);
        rc = rc ? rc : ng_strbuf_puts(b, ",\n");
        rc = rc ? rc : put_key(b, in, "weight");
        rc = rc ? rc : ng_export_number(b, e->weight);
        rc = rc ? rc : ng_strbuf_puts(b, ",\n");
        rc = rc ? rc : put_key(b, in, "evidence");
        rc = rc ? rc : ng_strbuf_puts(b, e->nevidence ? "[\n" : "[");
        for (size_t j = 0; j < e->nevidence && !rc; j++) {
            rc = put_evidence(b, &e->evidence[j]);
            rc = rc ? rc : ng_strbuf_puts(b, j + 1 < e->nevidence ? ",\n" : "\n      ");
        }
        rc = rc ? rc : ng_strbuf_puts(b, i + 1 < g->nedges ? "]\n    },\n" : "]\n    }\n  ");
        rc = rc ? rc : ng_sink_flush(s, 0);
    }
    return rc ? rc : ng_strbuf_putc(b, ']');
}

int ng_export_graph_json(const ng_graph *g, const ng_graph_stats *st, ng_sink *s)
{
    ng_strbuf *b = &s->buf;
    int rc = ng_stats_check(g, st, s->err);
    if (rc < 0)
        return rc;
    rc = ng_strbuf_puts(b, "{\n  \"format\": \"newsgraph\",\n  \"version\": 1,\n  \"documents\": ");
    rc = rc ? rc : put_documents(s, g);
    rc = rc ? rc : ng_strbuf_puts(b, ",\n  \"nodes\": ");
    rc = rc ? rc : put_nodes(s, g, st);
    rc = rc ? rc : ng_strbuf_puts(b, ",\n  \"edges\": ");
    rc = rc ? rc : put_edges(s, g);
    rc = rc ? rc : ng_strbuf_puts(b, "\n}\n");
    rc = rc ? rc : ng_sink_flush(s, 1);
    if (rc && !s->rc)
        return ng_error_set(s->err, NG_ENOMEM, "out of memory writing graph.json");
    return rc;
}

int ng_format_graph_json(const ng_graph *g, const ng_graph_stats *st, char **out, ng_error *err)
{
    *out = NULL;
    ng_sink s;
    ng_sink_init(&s, NULL, err);
    int rc = ng_export_graph_json(g, st, &s);
    if (rc == 0 && !(*out = ng_strbuf_steal(&s.buf)))
        rc = ng_error_set(err, NG_ENOMEM, "out of memory writing graph.json");
    ng_strbuf_free(&s.buf);
    return rc;
}
