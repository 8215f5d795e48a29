/* timeline.h - news days: one graph per date, and the files that follow a
 * story across them (timeline.json/csv, the dynamic GEXF for Gephi).
 *
 * An ng_timeline is a list of day graphs in date order, the `undated`
 * group (if any) last. It owns the graphs and stats given to it. "New
 * that day" always means "not in any earlier day of this timeline": an
 * actor by node id, an edge by (source id, target id, relation), a
 * statement by (speaker id, quote text). Node ids agree across days
 * because all days come from one ng_corpus (see pipeline.h).
 *
 * ng_run_days is the whole `newsgraph days` run (src/pipeline/days.c);
 * the formats live in src/export/timeline_out.c and src/export/gexf.c. */
#ifndef NEWSGRAPH_TIMELINE_H
#define NEWSGRAPH_TIMELINE_H

#include "newsgraph/error.h"
#include "newsgraph/graph.h"
#include "newsgraph/ingest.h"

#include <stddef.h>

/* The group name of documents without a date. */
#define NG_UNDATED "undated"

typedef struct ng_timeline_day {
    char *date;            /* "YYYY-MM-DD" or NG_UNDATED */
    size_t ndocuments;     /* documents of this date in the run */
    ng_graph *graph;       /* owned; NULL when the day failed */
    ng_graph_stats stats;  /* owned; valid when graph != NULL */
} ng_timeline_day;

typedef struct ng_timeline {
    ng_timeline_day *days;
    size_t ndays, cap;
} ng_timeline;

/* Creates an empty timeline; NULL when out of memory. */
ng_timeline *ng_timeline_new(void);
/* Appends a day. Consumes graph and *stats (both may be NULL/0 for a failed
 * day): the timeline frees them, also when this call fails. Days must be
 * added in order (dates ascending, NG_UNDATED last). */
int ng_timeline_add_day(ng_timeline *t, const char *date, size_t ndocuments, ng_graph *graph,
                        ng_graph_stats *stats, ng_error *err);
/* 1 for a real date, 0 for the undated group. */
int ng_timeline_day_is_dated(const ng_timeline_day *day);
void ng_timeline_free(ng_timeline *t);

/* ---- formats (malloc'd string in *out, caller frees) ---- */

/* timeline.json: {"format": "newsgraph-timeline", "version": 1, "days": [
 *   {"date", "documents", "nodes", "edges", "statements", "failed",
 *    "top_actors": [{"id", "label", "pagerank"}] (top by PageRank),
 *    "new_actors": [ids], "new_edges": [{source, target, relation, weight}],
 *    "new_statements": [{speaker, about, relation, cue, quote, document}]}]}.
 * top: how many top actors (0 = 5). */
int ng_format_timeline_json(const ng_timeline *t, size_t top, char **out, ng_error *err);
/* timeline.csv: one row per day, same counts, top actors and new actors
 * as "; "-joined labels. */
int ng_format_timeline_csv(const ng_timeline *t, size_t top, char **out, ng_error *err);
/* GEXF 1.3, mode="dynamic", timeformat="date": every node and edge of the
 * dated days with one spell per day it appears, per-day weight, mentions
 * and pagerank as dynamic attvalues. The undated group is left out (it
 * has no time); it is in DIR/all/. */
int ng_format_gexf(const ng_timeline *t, char **out, ng_error *err);

/* ---- the `days` run (pipeline stage) ---- */

struct ng_corpus; /* pipeline.h */

typedef struct ng_days_options {
    const char *out_dir;  /* DIR; required */
    const char *render;   /* "svg", "png", or NULL/"none": images of days and diffs */
    double threshold;     /* centrality threshold of the diffs; <= 0 = default */
    size_t top;           /* top actors per day in the timeline; 0 = 5 */
    ng_warn_fn warn;      /* undated documents, failed days; NULL = dropped */
    void *warn_ctx;
    ng_warn_fn info;      /* one progress line per day written; NULL = dropped */
    void *info_ctx;
} ng_days_options;

typedef struct ng_days_report {
    size_t ndays;      /* groups written, the undated group included */
    size_t nfailed;    /* groups (or diffs, or cumulative files) that failed */
    size_t ndiffs;     /* diffs written */
    size_t nundated;   /* undated documents */
} ng_days_report;

/* Writes DIR/<date>/ (the `build` file set) per date and for the undated
 * group, DIR/diffs/<old>_<new>/ per pair of consecutive dates,
 * DIR/timeline.json, DIR/timeline.csv, DIR/timeline.gexf and the
 * cumulative DIR/all/. A failing day is reported and the others are
 * still written; the call then returns NG_EINPUT naming what failed.
 * rep may be NULL. */
int ng_run_days(const struct ng_corpus *c, const ng_days_options *opt, ng_days_report *rep,
                ng_error *err);

#endif
