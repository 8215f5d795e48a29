/* outfile.h - private to src/export: an output file written piece by
 * piece into a temp file next to it, and renamed over it only once the
 * caller says every piece is there (atomic.c).
 *
 * Large outputs (graph.json, GraphML) are formatted into a small buffer
 * that is flushed to the temp file as it fills, so memory holds the
 * graph, not its text. Nothing under the final name changes until
 * ng_outfile_publish; ng_outfile_discard removes the temp file. */
#ifndef NG_EXPORT_OUTFILE_H
#define NG_EXPORT_OUTFILE_H

#include "newsgraph/error.h"
#include "newsgraph/graph.h"

#include "strbuf.h"

#include <stddef.h>

typedef struct ng_outfile {
    char *path; /* the final name */
    char *tmp;  /* the temp file's name, NULL when none is open */
    int fd;     /* -1 once closed */
} ng_outfile;

/* Creates the temp file for path (mode 0644 on success). */
int ng_outfile_open(ng_outfile *f, const char *path, ng_error *err);
int ng_outfile_write(ng_outfile *f, const char *data, size_t len, ng_error *err);
/* fsync and close: the temp file is complete (still under its temp name). */
int ng_outfile_finish(ng_outfile *f, ng_error *err);
/* Renames the finished temp file over path and syncs the directory. */
int ng_outfile_publish(ng_outfile *f, ng_error *err);
/* Closes and removes the temp file if it is still there; frees f's names. */
void ng_outfile_discard(ng_outfile *f);

/* Where a formatter writes: buf, flushed to file (when not NULL) each
 * time it holds NG_SINK_FLUSH bytes or more; with no file the whole
 * text stays in buf. rc is the first failure (sticky). */
enum { NG_SINK_FLUSH = 1 << 16 };
typedef struct ng_sink {
    ng_strbuf buf;
    ng_outfile *file;
    ng_error *err;
    int rc;
} ng_sink;

void ng_sink_init(ng_sink *s, ng_outfile *file, ng_error *err);
/* Flushes when the buffer is full (all = 0) or always (all = 1); returns s->rc. */
int ng_sink_flush(ng_sink *s, int all);

/* graph.json and GraphML written into s (ng_format_graph_json and
 * ng_format_graphml are these with no file); 0 or a negative code, with
 * the message in s->err. */
int ng_export_graph_json(const ng_graph *g, const ng_graph_stats *st, ng_sink *s);
int ng_export_graphml(const ng_graph *g, const ng_graph_stats *st, ng_sink *s);

#endif
