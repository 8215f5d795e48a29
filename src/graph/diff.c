/* diff.c - compares two graphs by node id and edge key (see include/newsgraph/diff.h).
 *
 * The diff is built as the union of both graphs: every node and edge
 * appears once with its old and new values, so the DOT writer can draw
 * the union and the JSON writer can filter by status. Lookups go through
 * ng_graph_find_node / ng_graph_find_edge of the other graph, which keeps
 * the comparison independent of node order in either graph. */
#include "newsgraph/diff.h"

#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

/* The metrics compared, by their field in ng_node_stats. Degrees are left
 * out on purpose: they only restate edges_added/removed. Betweenness is a
 * raw count of shortest paths that grows with the graph, so it is
 * compared after dividing by its directed maximum (n-1)(n-2); the other
 * metrics are already on a [0,1] scale. */
static const struct {
    const char *name;
    size_t offset;
    int per_pair; /* normalise by (n-1)(n-2) */
} metrics[] = {
    {"pagerank", offsetof(ng_node_stats, pagerank), 0},
    {"betweenness", offsetof(ng_node_stats, betweenness), 1},
    {"closeness", offsetof(ng_node_stats, closeness), 0},
    {"eigenvector", offsetof(ng_node_stats, eigenvector), 0},
    {"hub", offsetof(ng_node_stats, hub), 0},
    {"authority", offsetof(ng_node_stats, authority), 0},
};
#define NMETRICS (sizeof metrics / sizeof metrics[0])

static double metric_value(const ng_node_stats *s, size_t m)
{
    return *(const double *)((const char *)s + metrics[m].offset);
}

/* The divisor that puts metric m of a graph with n nodes on a [0,1] scale. */
static double metric_scale(size_t m, size_t n)
{
    if (!metrics[m].per_pair || n < 3)
        return 1.0;
    return (double)(n - 1) * (double)(n - 2);
}

static char *dup_str(const char *s)
{
    if (!s)
        s = "";
    size_t n = strlen(s) + 1;
    char *p = malloc(n);
    if (p)
        memcpy(p, s, n);
    return p;
}

static int same_str(const char *a, const char *b)
{
    return strcmp(a ? a : "", b ? b : "") == 0;
}

/* Appends one union node built from the old and/or new graph's node. */
static int add_node(ng_diff *d, const ng_node *o, const ng_node *n)
{
    /* counted before filling, so ng_diff_free releases a half-built node */
    ng_diff_node *dn = &d->nodes[d->nnodes++];
    memset(dn, 0, sizeof *dn);
    const ng_node *cur = n ? n : o;
    dn->id = dup_str(cur->id);
    dn->label = dup_str(cur->label);
    dn->type = dup_str(cur->type);
    if (!dn->id || !dn->label || !dn->type)
        return NG_ENOMEM;
    dn->old_mentions = o ? o->mentions : 0;
    dn->new_mentions = n ? n->mentions : 0;
    if (o && n) {
        dn->status = NG_DIFF_SAME;
        if (!same_str(o->label, n->label)) {
            dn->status = NG_DIFF_CHANGED;
            if (!(dn->old_label = dup_str(o->label)))
                return NG_ENOMEM;
            d->nodes_renamed++;
        }
    } else if (n) {
        dn->status = NG_DIFF_ADDED;
        d->nodes_added++;
    } else {
        dn->status = NG_DIFF_REMOVED;
        d->nodes_removed++;
    }
    return 0;
}

static int add_edge(ng_diff *d, uint32_t s, uint32_t t, const char *relation, double ow, double nw,
                    ng_diff_status status)
{
    ng_diff_edge *de = &d->edges[d->nedges++];
    de->source = s;
    de->target = t;
    de->old_weight = ow;
    de->new_weight = nw;
    de->status = status;
    if (!(de->relation = dup_str(relation)))
        return NG_ENOMEM;
    switch (status) {
    case NG_DIFF_ADDED: d->edges_added++; break;
    case NG_DIFF_REMOVED: d->edges_removed++; break;
    case NG_DIFF_CHANGED: d->edges_changed++; break;
    default: break;
    }
    return 0;
}

/* ---- report order (see diff.h) ---- */

static uint32_t node_size(const ng_diff_node *n)
{
    return n->old_mentions > n->new_mentions ? n->old_mentions : n->new_mentions;
}

static int cmp_node(const void *pa, const void *pb)
{
    const ng_diff_node *a = pa, *b = pb;
    uint32_t sa = node_size(a), sb = node_size(b);
    if (sa != sb)
        return sa > sb ? -1 : 1;
    return strcmp(a->id, b->id);
}

/* qsort has no context argument in C11; the edge comparator needs the
 * node ids, so it reads them through this pointer, set just around the
 * sort. Sorting is single-threaded per diff, but diffs may run on several
 * threads, hence thread-local. */
static _Thread_local const ng_diff *sort_ctx;

static double abs_delta(double a, double b)
{
    return fabs(b - a);
}

static int cmp_edge(const void *pa, const void *pb)
{
    const ng_diff_edge *a = pa, *b = pb;
    double da = abs_delta(a->old_weight, a->new_weight), db = abs_delta(b->old_weight, b->new_weight);
    if (da != db)
        return da > db ? -1 : 1;
    int c = strcmp(sort_ctx->nodes[a->source].id, sort_ctx->nodes[b->source].id);
    if (c)
        return c;
    if ((c = strcmp(sort_ctx->nodes[a->target].id, sort_ctx->nodes[b->target].id)))
        return c;
    return strcmp(a->relation, b->relation);
}

static int cmp_centrality(const void *pa, const void *pb)
{
    const ng_diff_centrality *a = pa, *b = pb;
    double da = fabs(a->delta), db = fabs(b->delta);
    if (da != db)
        return da > db ? -1 : 1;
    int c = strcmp(sort_ctx->nodes[a->node].id, sort_ctx->nodes[b->node].id);
    if (c)
        return c;
    return strcmp(a->metric, b->metric);
}

static int cmp_node_index(const void *pa, const void *pb)
{
    return cmp_node(&sort_ctx->nodes[*(const uint32_t *)pa], &sort_ctx->nodes[*(const uint32_t *)pb]);
}

/* Sorts nodes into report order and rewrites the graph-index -> union-index
 * maps through the permutation (edges are added after this, so they need
 * no rewriting). */
static int sort_nodes(ng_diff *d, uint32_t *old_map, size_t nold, uint32_t *new_map, size_t nnew)
{
    size_t n = d->nnodes;
    uint32_t *perm = malloc((n + 1) * sizeof *perm);  /* sorted position -> old position */
    uint32_t *where = malloc((n + 1) * sizeof *where); /* old position -> sorted position */
    ng_diff_node *sorted = malloc((n + 1) * sizeof *sorted);
    int rc = NG_ENOMEM;
    if (!perm || !where || !sorted)
        goto cleanup;
    for (size_t i = 0; i < n; i++)
        perm[i] = (uint32_t)i;
    sort_ctx = d;
    qsort(perm, n, sizeof *perm, cmp_node_index);
    sort_ctx = NULL;
    for (size_t i = 0; i < n; i++) {
        where[perm[i]] = (uint32_t)i;
        sorted[i] = d->nodes[perm[i]];
    }
    for (size_t i = 0; i < nold; i++)
        old_map[i] = where[old_map[i]];
    for (size_t i = 0; i < nnew; i++)
        new_map[i] = where[new_map[i]];
    memcpy(d->nodes, sorted, n * sizeof *sorted);
    rc = 0;
cleanup:
    free(perm);
    free(where);
    free(sorted);
    return rc;
}

static int add_centrality(ng_diff *d, size_t *cap, uint32_t node, size_t m, double ov, double nv,
                          double delta)
{
    if (d->ncentrality == *cap) {
        size_t nc = *cap ? *cap * 2 : 16;
        ng_diff_centrality *p = realloc(d->centrality, nc * sizeof *p);
        if (!p)
            return NG_ENOMEM;
        d->centrality = p;
        *cap = nc;
    }
    d->centrality[d->ncentrality++] =
        (ng_diff_centrality){.node = node, .metric = metrics[m].name, .old_value = ov, .new_value = nv, .delta = delta};
    return 0;
}

int ng_diff_compute(const ng_graph *old_g, const ng_graph_stats *old_st, const char *old_name,
                    const ng_graph *new_g, const ng_graph_stats *new_st, const char *new_name,
                    const ng_diff_options *opt, ng_diff **out, ng_error *err)
{
    int rc = NG_ENOMEM;
    ng_graph_stats own_old = {0}, own_new = {0};
    int have_own_old = 0, have_own_new = 0;
    uint32_t *old_map = NULL, *new_map = NULL; /* graph node index -> union index */
    ng_diff *d = calloc(1, sizeof *d);
    double threshold = opt && opt->threshold > 0 ? opt->threshold : NG_DIFF_DEFAULT_THRESHOLD;

    *out = NULL;
    if (!d)
        goto oom;
    d->old_name = dup_str(old_name ? old_name : "old");
    d->new_name = dup_str(new_name ? new_name : "new");
    d->nodes = calloc(old_g->nnodes + new_g->nnodes + 1, sizeof *d->nodes);
    d->edges = calloc(old_g->nedges + new_g->nedges + 1, sizeof *d->edges);
    old_map = malloc((old_g->nnodes + 1) * sizeof *old_map);
    new_map = malloc((new_g->nnodes + 1) * sizeof *new_map);
    if (!d->old_name || !d->new_name || !d->nodes || !d->edges || !old_map || !new_map)
        goto oom;

    if (!old_st) {
        if ((rc = ng_graph_compute_stats(old_g, &own_old, err)) < 0)
            goto cleanup;
        have_own_old = 1;
        old_st = &own_old;
    }
    if (!new_st) {
        if ((rc = ng_graph_compute_stats(new_g, &own_new, err)) < 0)
            goto cleanup;
        have_own_new = 1;
        new_st = &own_new;
    }

    /* Nodes: every new node (matched to old by id), then old-only nodes. */
    for (size_t i = 0; i < old_g->nnodes; i++)
        old_map[i] = UINT32_MAX;
    for (size_t i = 0; i < new_g->nnodes; i++) {
        int j = ng_graph_find_node(old_g, new_g->nodes[i].id);
        new_map[i] = (uint32_t)d->nnodes;
        if (j >= 0)
            old_map[j] = (uint32_t)d->nnodes;
        if (add_node(d, j >= 0 ? &old_g->nodes[j] : NULL, &new_g->nodes[i]) < 0)
            goto oom;
    }
    for (size_t j = 0; j < old_g->nnodes; j++) {
        if (old_map[j] != UINT32_MAX)
            continue;
        old_map[j] = (uint32_t)d->nnodes;
        if (add_node(d, &old_g->nodes[j], NULL) < 0)
            goto oom;
    }
    if (sort_nodes(d, old_map, old_g->nnodes, new_map, new_g->nnodes) < 0)
        goto oom;

    /* Edges: keyed by (source id, target id, relation) through the other graph. */
    for (size_t i = 0; i < new_g->nedges; i++) {
        const ng_edge *e = &new_g->edges[i];
        int os = ng_graph_find_node(old_g, new_g->nodes[e->source].id);
        int ot = ng_graph_find_node(old_g, new_g->nodes[e->target].id);
        int oe = os >= 0 && ot >= 0 ? ng_graph_find_edge(old_g, (uint32_t)os, (uint32_t)ot, e->relation) : -1;
        double ow = oe >= 0 ? old_g->edges[oe].weight : 0;
        ng_diff_status st = oe < 0 ? NG_DIFF_ADDED : ow != e->weight ? NG_DIFF_CHANGED : NG_DIFF_SAME;
        if (add_edge(d, new_map[e->source], new_map[e->target], e->relation, ow, e->weight, st) < 0)
            goto oom;
    }
    for (size_t j = 0; j < old_g->nedges; j++) {
        const ng_edge *e = &old_g->edges[j];
        int ns = ng_graph_find_node(new_g, old_g->nodes[e->source].id);
        int nt = ng_graph_find_node(new_g, old_g->nodes[e->target].id);
        if (ns >= 0 && nt >= 0 && ng_graph_find_edge(new_g, (uint32_t)ns, (uint32_t)nt, e->relation) >= 0)
            continue; /* already counted from the new side */
        if (add_edge(d, old_map[e->source], old_map[e->target], e->relation, e->weight, 0,
                     NG_DIFF_REMOVED) < 0)
            goto oom;
    }

    /* Centrality: only nodes in both graphs; an added or removed node's
     * whole centrality is news already reported by nodes_added/removed.
     * The small epsilon keeps a change of exactly `threshold` reported
     * despite binary rounding. */
    size_t ccap = 0;
    for (size_t i = 0; i < new_g->nnodes; i++) {
        int j = ng_graph_find_node(old_g, new_g->nodes[i].id);
        if (j < 0)
            continue;
        for (size_t m = 0; m < NMETRICS; m++) {
            double ov = metric_value(&old_st->nodes[j], m), nv = metric_value(&new_st->nodes[i], m);
            double delta = nv / metric_scale(m, new_g->nnodes) - ov / metric_scale(m, old_g->nnodes);
            if (!(fabs(delta) >= threshold - 1e-12))
                continue;
            if (add_centrality(d, &ccap, new_map[i], m, ov, nv, delta) < 0)
                goto oom;
        }
    }

    sort_ctx = d;
    /* qsort's base must not be NULL, even for zero elements */
    if (d->nedges > 1)
        qsort(d->edges, d->nedges, sizeof *d->edges, cmp_edge);
    if (d->ncentrality > 1)
        qsort(d->centrality, d->ncentrality, sizeof *d->centrality, cmp_centrality);
    sort_ctx = NULL;

    *out = d;
    d = NULL;
    rc = 0;
    goto cleanup;
oom:
    rc = ng_error_set(err, NG_ENOMEM, "out of memory comparing %s with %s", old_name ? old_name : "old",
                      new_name ? new_name : "new");
cleanup:
    if (have_own_old)
        ng_graph_stats_free(&own_old);
    if (have_own_new)
        ng_graph_stats_free(&own_new);
    free(old_map);
    free(new_map);
    ng_diff_free(d);
    return rc;
}

int ng_diff_is_empty(const ng_diff *d)
{
    return d->nodes_added == 0 && d->nodes_removed == 0 && d->nodes_renamed == 0 &&
           d->edges_added == 0 && d->edges_removed == 0 && d->edges_changed == 0 &&
           d->ncentrality == 0;
}

void ng_diff_free(ng_diff *d)
{
    if (!d)
        return;
    for (size_t i = 0; i < d->nnodes; i++) {
        free(d->nodes[i].id);
        free(d->nodes[i].label);
        free(d->nodes[i].old_label);
        free(d->nodes[i].type);
    }
    for (size_t i = 0; i < d->nedges; i++)
        free(d->edges[i].relation);
    free(d->nodes);
    free(d->edges);
    free(d->centrality);
    free(d->old_name);
    free(d->new_name);
    free(d);
}
