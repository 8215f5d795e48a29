/* diff.h - what changed between two graphs of the same run (or two runs).
 *
 * An ng_diff is self-contained plain data: the union of both graphs'
 * nodes and edges, each marked same / added / removed / changed, and the
 * centrality changes above a threshold. Nodes are matched by id, edges
 * by (source id, target id, relation), so diffs are meaningful exactly
 * when node ids are stable (they are within one run, and across runs on
 * the same inputs). The writers (diff.json, diff.dot, the human summary)
 * need nothing but the ng_diff; they live in src/export/diff_out.c. */
#ifndef NEWSGRAPH_DIFF_H
#define NEWSGRAPH_DIFF_H

#include "newsgraph/error.h"
#include "newsgraph/graph.h"

#include <stddef.h>
#include <stdint.h>

typedef enum ng_diff_status {
    NG_DIFF_SAME = 0,
    NG_DIFF_ADDED,   /* only in the new graph */
    NG_DIFF_REMOVED, /* only in the old graph */
    NG_DIFF_CHANGED  /* in both: edge weight differs, or node label renamed */
} ng_diff_status;

typedef struct ng_diff_node {
    char *id;
    char *label;     /* label in the new graph (old graph when removed) */
    char *old_label; /* label in the old graph when renamed, else NULL */
    char *type;      /* type in the new graph (old graph when removed) */
    ng_diff_status status;
    uint32_t old_mentions, new_mentions; /* 0 when absent */
} ng_diff_node;

typedef struct ng_diff_edge {
    uint32_t source, target; /* indices into ng_diff.nodes */
    char *relation;
    double old_weight, new_weight; /* 0 when absent on that side */
    ng_diff_status status;
} ng_diff_edge;

typedef struct ng_diff_centrality {
    uint32_t node;      /* index into ng_diff.nodes */
    const char *metric; /* static string: "pagerank", "betweenness", ... */
    double old_value, new_value; /* as in stats.json */
    /* new - old on a [0,1] scale: betweenness (a raw path count) divided
     * by (n-1)(n-2) of each graph, the other metrics as they are. The
     * threshold and the report order use this. */
    double delta;
} ng_diff_centrality;

/* Report order is "biggest change first" everywhere:
 *  - nodes: by mentions on the side(s) where the node exists (max), then id;
 *  - edges: by |new_weight - old_weight|, then source id, target id, relation;
 *  - centrality: by |delta|, then node id, metric.
 * Filters by status keep that order, so writers just walk the arrays. */
typedef struct ng_diff {
    char *old_name, *new_name; /* how the two graphs were named (paths, dates) */
    ng_diff_node *nodes;       /* union of both graphs' nodes */
    size_t nnodes;
    ng_diff_edge *edges;       /* union of both graphs' edges */
    size_t nedges;
    ng_diff_centrality *centrality;
    size_t ncentrality;
    /* counts by status, for summaries */
    size_t nodes_added, nodes_removed, nodes_renamed;
    size_t edges_added, edges_removed, edges_changed;
} ng_diff;

typedef struct ng_diff_options {
    /* A centrality change is reported when |delta| >= threshold (each
     * metric on its own), for nodes present in both graphs. <= 0 means the
     * default 0.01. */
    double threshold;
} ng_diff_options;

#define NG_DIFF_DEFAULT_THRESHOLD 0.01

/* Compares old_g with new_g. old_st/new_st are their stats, or NULL to
 * have them computed here. opt may be NULL (defaults). Names are copied
 * (NULL = "old"/"new"). *out owned by caller (ng_diff_free). */
int ng_diff_compute(const ng_graph *old_g, const ng_graph_stats *old_st, const char *old_name,
                    const ng_graph *new_g, const ng_graph_stats *new_st, const char *new_name,
                    const ng_diff_options *opt, ng_diff **out, ng_error *err);

/* 1 when nothing was added, removed, renamed, re-weighted or moved above threshold. */
int ng_diff_is_empty(const ng_diff *d);

void ng_diff_free(ng_diff *d);

/* ---- writers (src/export/diff_out.c); each returns a malloc'd string in *out ---- */

/* diff.json per ../shared/spec/interfaces.md, plus additive fields
 * "format", "version", "nodes_renamed", "summary" (counts). */
int ng_format_diff_json(const ng_diff *d, char **out, ng_error *err);
/* diff.dot through cgraph: the union graph; added parts green, removed red
 * dashed, changed edges labelled "relation old→new", renamed nodes "old → new". */
int ng_format_diff_dot(const ng_diff *d, char **out, ng_error *err);
/* A few human lines: "+3 actors: A, B, C", "Peskov → Zelensky new
 * (declined_to_comment)", ...; "no changes" for an empty diff. */
int ng_format_diff_summary(const ng_diff *d, char **out, ng_error *err);

/* Writes diff.json, diff.dot and, when render is "svg" or "png",
 * diff.<render> into dir (created if missing), each atomically. */
int ng_diff_write_all(const ng_diff *d, const char *dir, const char *render, ng_error *err);

#endif
