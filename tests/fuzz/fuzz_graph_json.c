/* fuzz_graph_json.c - the graph.json reader used by `diff` and `stats`.
 *
 * A graph.json may have been edited by hand, truncated by a full disk or
 * written by another version. ng_graph_parse_json must either refuse it
 * with NG_EINPUT and a message, or return a graph whose edges point at
 * existing nodes, and on which ng_graph_compute_stats (igraph) works.
 * json.c promises that format -> parse -> format gives the same bytes:
 * checked on every graph the reader accepts. */
#include "fuzz_check.h"

#include "newsgraph/export.h"
#include "newsgraph/graph.h"

#include <math.h>
#include <stdint.h>

static void check_graph(const ng_graph *g)
{
    for (size_t i = 0; i < g->ndocs; i++)
        FUZZ_ASSERT(g->docs[i].id != NULL);
    for (size_t i = 0; i < g->nnodes; i++) {
        const ng_node *n = &g->nodes[i];
        FUZZ_ASSERT(n->id != NULL && n->label != NULL && n->type != NULL);
        FUZZ_ASSERT(n->naliases == 0 || n->aliases != NULL);
        for (size_t a = 0; a < n->naliases; a++)
            FUZZ_ASSERT(n->aliases[a] != NULL);
        for (size_t d = 0; d < n->ndocuments; d++)
            FUZZ_ASSERT(n->documents[d] != NULL);
        FUZZ_ASSERT(ng_graph_find_node(g, n->id) == (int)i);
    }
    for (size_t i = 0; i < g->nedges; i++) {
        const ng_edge *e = &g->edges[i];
        FUZZ_ASSERT(e->source < g->nnodes && e->target < g->nnodes);
        FUZZ_ASSERT(e->relation != NULL);
        FUZZ_ASSERT(isfinite(e->weight));
        for (size_t k = 0; k < e->nevidence; k++)
            FUZZ_ASSERT(e->evidence[k].start <= e->evidence[k].end);
    }
}

static void check_round_trip(const ng_graph *g)
{
    ng_error err;
    char *first = NULL, *second = NULL;
    ng_graph *again = NULL;
    FUZZ_ASSERT(ng_format_graph_json(g, NULL, &first, &err) == 0);
    if (ng_graph_parse_json("fuzz/again.json", first, strlen(first), &again, &err) != 0) {
        fprintf(stderr, "written graph.json does not read back: %s\n", err.message);
        abort();
    }
    FUZZ_ASSERT(again->nnodes == g->nnodes && again->nedges == g->nedges);
    FUZZ_ASSERT(ng_format_graph_json(again, NULL, &second, &err) == 0);
    FUZZ_ASSERT(strcmp(first, second) == 0);
    free(second);
    free(first);
    ng_graph_free(again);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ng_graph *g = NULL;
    ng_error err;
    ng_error_clear(&err);
    int rc = ng_graph_parse_json("fuzz/graph.json", (const char *)data, size, &g, &err);
    if (rc != 0) {
        fuzz_check_error(rc, &err);
        FUZZ_ASSERT(rc == NG_EINPUT || rc == NG_ENOMEM);
        FUZZ_ASSERT(strstr(err.message, "fuzz/graph.json") != NULL);
        FUZZ_ASSERT(g == NULL);
        return 0;
    }
    check_graph(g);
    ng_graph_stats st;
    memset(&st, 0, sizeof st);
    rc = ng_graph_compute_stats(g, &st, &err);
    if (rc == 0) {
        FUZZ_ASSERT(st.nnodes == g->nnodes && st.nedges == g->nedges);
        FUZZ_ASSERT(g->nnodes == 0 || st.nodes != NULL);
        for (size_t i = 0; i < g->nnodes; i++) {
            FUZZ_ASSERT(isfinite(st.nodes[i].pagerank) && st.nodes[i].pagerank >= 0);
            FUZZ_ASSERT(isfinite(st.nodes[i].betweenness));
            FUZZ_ASSERT(isfinite(st.nodes[i].closeness));
        }
    } else {
        fuzz_check_error(rc, &err);
    }
    ng_graph_stats_free(&st);
    /* The reader refuses invalid UTF-8, so every graph it accepts must
     * write and read back to a fixed point. */
    check_round_trip(g);
    ng_graph_free(g);
    return 0;
}
