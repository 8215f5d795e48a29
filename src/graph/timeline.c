/* timeline.c - the ng_timeline container of day graphs (see include/newsgraph/timeline.h). */
#include "newsgraph/timeline.h"

#include <stdlib.h>
#include <string.h>

ng_timeline *ng_timeline_new(void)
{
    return calloc(1, sizeof(ng_timeline));
}

/* Ownership moves in first, so a failure here never leaks the caller's
 * graph: on error the graph and stats are freed before returning. */
int ng_timeline_add_day(ng_timeline *t, const char *date, size_t ndocuments, ng_graph *graph,
                        ng_graph_stats *stats, ng_error *err)
{
    ng_graph_stats st = {0};
    if (stats) {
        st = *stats;
        memset(stats, 0, sizeof *stats);
    }
    if (t->ndays == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 8;
        ng_timeline_day *p = realloc(t->days, cap * sizeof *p);
        if (!p)
            goto oom;
        t->days = p;
        t->cap = cap;
    }
    size_t n = strlen(date) + 1;
    char *d = malloc(n);
    if (!d)
        goto oom;
    memcpy(d, date, n);
    t->days[t->ndays++] = (ng_timeline_day){.date = d, .ndocuments = ndocuments, .graph = graph, .stats = st};
    return 0;
oom:
    ng_graph_free(graph);
    ng_graph_stats_free(&st);
    return ng_error_set(err, NG_ENOMEM, "out of memory adding day %s", date);
}

int ng_timeline_day_is_dated(const ng_timeline_day *day)
{
    return strcmp(day->date, NG_UNDATED) != 0;
}

void ng_timeline_free(ng_timeline *t)
{
    if (!t)
        return;
    for (size_t i = 0; i < t->ndays; i++) {
        free(t->days[i].date);
        ng_graph_free(t->days[i].graph);
        ng_graph_stats_free(&t->days[i].stats);
    }
    free(t->days);
    free(t);
}
