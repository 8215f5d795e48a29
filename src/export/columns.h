/* columns.h - private to src/export: the per-node statistics every
 * format writes, in one order, so graph.json, GraphML, stats.json and
 * stats.csv cannot drift apart when a centrality is added. */
#ifndef NG_EXPORT_COLUMNS_H
#define NG_EXPORT_COLUMNS_H

#include "newsgraph/graph.h"

#include <stddef.h>

typedef struct ng_metric {
    const char *name;   /* key in JSON/GraphML, column in CSV */
    size_t offset;      /* of a double in ng_node_stats */
} ng_metric;

/* degree, in_degree, out_degree, weighted_degree, pagerank, betweenness,
 * closeness, eigenvector, hub, authority ("community" is an int, apart). */
extern const ng_metric ng_node_metrics[];
extern const size_t ng_node_nmetrics;

double ng_metric_value(const ng_node_stats *s, const ng_metric *m);

/* Node indices by pagerank, highest first, ties by id: the row order of
 * stats.json and stats.csv. *out is malloc'd (NULL for no nodes). */
int ng_stats_order(const ng_graph *g, const ng_graph_stats *st, size_t **out);

/* Checks that st (if not NULL) belongs to g. */
int ng_stats_check(const ng_graph *g, const ng_graph_stats *st, ng_error *err);

#endif
