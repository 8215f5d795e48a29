/* csv.c - the centrality table, as stats.json and as stats.csv.
 *
 * Both hold the same rows in the same order (pagerank, highest first,
 * ties by id) and the same columns: id, label, type, mentions, every
 * metric of columns.h, community. stats.json adds the graph-level
 * measures under "graph". The CSV follows RFC 4180: CRLF line ends, a
 * header row, fields quoted when they hold a comma, quote or line break. */
#include "newsgraph/export.h"

#include "columns.h"
#include "escape.h"
#include "strbuf.h"

#include <stdlib.h>
#include <string.h>

static int put_graph_measures(ng_strbuf *b, const ng_graph *g, const ng_graph_stats *st)
{
    int rc = ng_strbuf_printf(b, "  \"graph\": {\"nodes\": %zu, \"edges\": %zu, \"documents\": %zu",
                              g->nnodes, g->nedges, g->ndocs);
    rc = rc ? rc : ng_strbuf_puts(b, ", \"density\": ");
    rc = rc ? rc : ng_export_number(b, st->density);
    rc = rc ? rc : ng_strbuf_printf(b, ", \"components\": %zu, \"communities\": %zu", st->components,
                                    st->communities);
    rc = rc ? rc : ng_strbuf_puts(b, ", \"modularity\": ");
    rc = rc ? rc : ng_export_number(b, st->modularity);
    return rc ? rc : ng_strbuf_puts(b, "},\n");
}

static int put_json_row(ng_strbuf *b, const ng_node *n, const ng_node_stats *s)
{
    int rc = ng_strbuf_puts(b, "    {\"id\": ");
    rc = rc ? rc : ng_export_json_string(b, n->id);
    rc = rc ? rc : ng_strbuf_puts(b, ", \"label\": ");
    rc = rc ? rc : ng_export_json_string(b, n->label);
    rc = rc ? rc : ng_strbuf_puts(b, ", \"type\": ");
    rc = rc ? rc : ng_export_json_string(b, n->type);
    rc = rc ? rc : ng_strbuf_printf(b, ", \"mentions\": %u", n->mentions);
    for (size_t k = 0; k < ng_node_nmetrics && !rc; k++) {
        rc = ng_strbuf_printf(b, ", \"%s\": ", ng_node_metrics[k].name);
        rc = rc ? rc : ng_export_number(b, ng_metric_value(s, &ng_node_metrics[k]));
    }
    return rc ? rc : ng_strbuf_printf(b, ", \"community\": %d}", s->community);
}

int ng_format_stats_json(const ng_graph *g, const ng_graph_stats *st, char **out, ng_error *err)
{
    *out = NULL;
    if (!st)
        return ng_error_set(err, NG_EINTERNAL, "stats.json needs computed statistics");
    int rc = ng_stats_check(g, st, err);
    if (rc < 0)
        return rc;
    size_t *order = NULL;
    ng_strbuf b;
    ng_strbuf_init(&b);
    rc = ng_stats_order(g, st, &order);
    rc = rc ? rc : ng_strbuf_puts(&b, "{\n");
    rc = rc ? rc : put_graph_measures(&b, g, st);
    rc = rc ? rc : ng_strbuf_puts(&b, g->nnodes ? "  \"nodes\": [\n" : "  \"nodes\": []\n}\n");
    for (size_t r = 0; r < g->nnodes && !rc; r++) {
        rc = put_json_row(&b, &g->nodes[order[r]], &st->nodes[order[r]]);
        rc = rc ? rc : ng_strbuf_puts(&b, r + 1 < g->nnodes ? ",\n" : "\n  ]\n}\n");
    }
    free(order);
    if (rc || !(*out = ng_strbuf_steal(&b))) {
        ng_strbuf_free(&b);
        return ng_error_set(err, NG_ENOMEM, "out of memory writing stats.json");
    }
    return 0;
}

/* One RFC 4180 field: cleaned to valid UTF-8, quoted only when needed. */
static int put_csv_field(ng_strbuf *b, ng_strbuf *tmp, const char *s)
{
    tmp->len = 0;
    int rc = ng_strbuf_append(tmp, "", 0);
    s = s ? s : "";
    for (size_t i = 0, n = strlen(s); i < n && !rc;) {
        uint32_t cp;
        size_t len = ng_export_utf8_next(s + i, n - i, &cp);
        rc = len ? ng_strbuf_append(tmp, s + i, len) : 0;
        i += len ? len : 1;
    }
    if (rc)
        return rc;
    if (!strpbrk(tmp->data, ",\"\r\n"))
        return ng_strbuf_append(b, tmp->data, tmp->len);
    rc = ng_strbuf_putc(b, '"');
    for (size_t i = 0; i < tmp->len && !rc; i++)
        rc = tmp->data[i] == '"' ? ng_strbuf_puts(b, "\"\"") : ng_strbuf_putc(b, tmp->data[i]);
    return rc ? rc : ng_strbuf_putc(b, '"');
}

int ng_format_stats_csv(const ng_graph *g, const ng_graph_stats *st, char **out, ng_error *err)
{
    *out = NULL;
    if (!st)
        return ng_error_set(err, NG_EINTERNAL, "stats.csv needs computed statistics");
    int rc = ng_stats_check(g, st, err);
    if (rc < 0)
        return rc;
    size_t *order = NULL;
    ng_strbuf b, tmp;
    ng_strbuf_init(&b);
    ng_strbuf_init(&tmp);
    rc = ng_stats_order(g, st, &order);
    rc = rc ? rc : ng_strbuf_puts(&b, "id,label,type,mentions");
    for (size_t k = 0; k < ng_node_nmetrics && !rc; k++)
        rc = ng_strbuf_printf(&b, ",%s", ng_node_metrics[k].name);
    rc = rc ? rc : ng_strbuf_puts(&b, ",community\r\n");
    for (size_t r = 0; r < g->nnodes && !rc; r++) {
        const ng_node *n = &g->nodes[order[r]];
        const ng_node_stats *s = &st->nodes[order[r]];
        rc = put_csv_field(&b, &tmp, n->id);
        rc = rc ? rc : ng_strbuf_putc(&b, ',');
        rc = rc ? rc : put_csv_field(&b, &tmp, n->label);
        rc = rc ? rc : ng_strbuf_putc(&b, ',');
        rc = rc ? rc : put_csv_field(&b, &tmp, n->type);
        rc = rc ? rc : ng_strbuf_printf(&b, ",%u", n->mentions);
        for (size_t k = 0; k < ng_node_nmetrics && !rc; k++) {
            rc = ng_strbuf_putc(&b, ',');
            rc = rc ? rc : ng_export_number(&b, ng_metric_value(s, &ng_node_metrics[k]));
        }
        rc = rc ? rc : ng_strbuf_printf(&b, ",%d\r\n", s->community);
    }
    free(order);
    ng_strbuf_free(&tmp);
    if (rc || !(*out = ng_strbuf_steal(&b))) {
        ng_strbuf_free(&b);
        return ng_error_set(err, NG_ENOMEM, "out of memory writing stats.csv");
    }
    return 0;
}
