/* export.h - stage 5: files for people and tools.
 *
 * Every writer goes through a temp file renamed into place (ng_write_atomic;
 * ng_export_all streams the large files), so a failed run leaves earlier
 * outputs untouched. Formats follow
 * ../shared/spec/interfaces.md (graph.json, GraphML, stats) and the
 * README (DOT styling, rendering). */
#ifndef NEWSGRAPH_EXPORT_H
#define NEWSGRAPH_EXPORT_H

#include "newsgraph/error.h"
#include "newsgraph/graph.h"

#include <stddef.h>

/* Writes len bytes to path through a temp file in the same directory,
 * fsync and rename. NG_EIO with the path in the message on failure. */
int ng_write_atomic(const char *path, const char *data, size_t len, ng_error *err);

/* mkdir -p: creates each missing component of dir; an existing
 * non-directory anywhere on the way is NG_EINPUT (the user named the
 * wrong path), a directory that cannot be created NG_EIO. */
int ng_make_dirs(const char *dir, ng_error *err);

/* Each ng_format_* returns a malloc'd NUL-terminated string in *out (caller frees).
 * st may be NULL for graph.json, GraphML and DOT (no statistics written);
 * stats.json and stats.csv need it. Output is deterministic and valid
 * for its syntax whatever bytes the graph's strings hold. graph.json adds
 * "direct" to evidence and, with st, a "stats" object per node. */
int ng_format_graph_json(const ng_graph *g, const ng_graph_stats *st, char **out, ng_error *err);
int ng_format_graphml(const ng_graph *g, const ng_graph_stats *st, char **out, ng_error *err);
int ng_format_stats_json(const ng_graph *g, const ng_graph_stats *st, char **out, ng_error *err);
int ng_format_stats_csv(const ng_graph *g, const ng_graph_stats *st, char **out, ng_error *err);
/* DOT through cgraph: shape/colour by type, size by pagerank, pen width by
 * weight, edge label "relation ×n", tooltip = quotes, a legend. */
int ng_format_dot(const ng_graph *g, const ng_graph_stats *st, char **out, ng_error *err);

/* Lays out and renders the DOT text in-process with gvc. format: "svg" or
 * "png". Layout engine by size: dot for small graphs, sfdp + overlap
 * removal for large ones. *out and *len: malloc'd bytes. */
int ng_render_dot(const char *dot_text, const char *format, char **out, size_t *len, ng_error *err);

/* Writes graph.json, graph.graphml, graph.dot, stats.json, stats.csv and,
 * when render is "svg" or "png", graph.<render> into dir (created if
 * missing; an existing non-directory is NG_EINPUT). render NULL or "none":
 * no image. st NULL: statistics are computed here. Everything is rendered
 * in memory before the first file is written. */
int ng_export_all(const ng_graph *g, const ng_graph_stats *st, const char *dir, const char *render,
                  ng_error *err);

#endif
