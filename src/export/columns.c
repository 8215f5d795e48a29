/* columns.c - the shared list of node statistics (see columns.h). */
#include "columns.h"

#include <stdlib.h>
#include <string.h>

#define METRIC(f) {#f, offsetof(ng_node_stats, f)}
const ng_metric ng_node_metrics[] = {
    METRIC(degree),      METRIC(in_degree),   METRIC(out_degree), METRIC(weighted_degree),
    METRIC(pagerank),    METRIC(betweenness), METRIC(closeness),  METRIC(eigenvector),
    METRIC(hub),         METRIC(authority),
};
const size_t ng_node_nmetrics = sizeof ng_node_metrics / sizeof ng_node_metrics[0];

double ng_metric_value(const ng_node_stats *s, const ng_metric *m)
{
    double v;
    memcpy(&v, (const char *)s + m->offset, sizeof v);
    return v;
}

typedef struct ranked {
    double pagerank;
    const char *id;
    size_t index;
} ranked;

static int cmp_ranked(const void *pa, const void *pb)
{
    const ranked *a = pa, *b = pb;
    if (a->pagerank != b->pagerank)
        return a->pagerank > b->pagerank ? -1 : 1;
    return strcmp(a->id, b->id);
}

int ng_stats_order(const ng_graph *g, const ng_graph_stats *st, size_t **out)
{
    *out = NULL;
    if (!g->nnodes)
        return 0;
    ranked *r = malloc(g->nnodes * sizeof *r);
    size_t *idx = malloc(g->nnodes * sizeof *idx);
    if (!r || !idx) {
        free(r);
        free(idx);
        return NG_ENOMEM;
    }
    for (size_t i = 0; i < g->nnodes; i++)
        r[i] = (ranked){st->nodes[i].pagerank, g->nodes[i].id, i};
    qsort(r, g->nnodes, sizeof *r, cmp_ranked);
    for (size_t i = 0; i < g->nnodes; i++)
        idx[i] = r[i].index;
    free(r);
    *out = idx;
    return 0;
}

int ng_stats_check(const ng_graph *g, const ng_graph_stats *st, ng_error *err)
{
    if (st && (st->nnodes != g->nnodes || (g->nnodes && !st->nodes)))
        return ng_error_set(err, NG_EINTERNAL,
                            "statistics are for %zu nodes but the graph has %zu", st->nnodes,
                            g->nnodes);
    return 0;
}
