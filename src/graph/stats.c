/* stats.c - centralities, communities and graph measures with igraph 0.10.
 *
 * The ng_graph is seen three ways: the directed multigraph (one edge per
 * ng_edge, weight = statements) for degree, strength, PageRank and HITS;
 * the simple directed graph (distinct speaker -> subject pairs) for
 * betweenness, closeness and density; and the undirected weighted
 * projection (pairs merged, weights summed, self-loops dropped: talking
 * about oneself is not a tie) for eigenvector centrality and Louvain.
 *
 * igraph as packaged is built without thread-local storage
 * (IGRAPH_THREAD_SAFE 0): its error and warning handlers, its
 * IGRAPH_FINALLY stack and its default RNG are process globals. Every use
 * of igraph therefore runs under one mutex, with the handlers swapped to
 * "return the error code quietly" and restored afterwards, and the RNG
 * reseeded (42) before Louvain so that communities are reproducible. */
#include "newsgraph/graph.h"

#include <igraph.h>
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

static pthread_mutex_t igraph_lock = PTHREAD_MUTEX_INITIALIZER;

/* Failures of igraph are internal errors (or out of memory): the inputs
 * were validated when the ng_graph was built. */
#define IG(call)                                                                          \
    do {                                                                                  \
        igraph_error_t ig_rc_ = (call);                                                   \
        if (ig_rc_ != IGRAPH_SUCCESS) {                                                   \
            rc = ng_error_set(err, ig_rc_ == IGRAPH_ENOMEM ? NG_ENOMEM : NG_EINTERNAL,    \
                              "computing graph statistics: igraph: %s (%s)",             \
                              igraph_strerror(ig_rc_), #call);                            \
            goto cleanup;                                                                 \
        }                                                                                 \
    } while (0)

typedef struct pair {
    igraph_integer_t a, b;
    double w;
} pair;

static int cmp_pair(const void *pa, const void *pb)
{
    const pair *x = pa, *y = pb;
    if (x->a != y->a)
        return x->a < y->a ? -1 : 1;
    if (x->b != y->b)
        return x->b < y->b ? -1 : 1;
    return 0;
}

static double finite_or_zero(double x)
{
    return isfinite(x) ? x : 0.0;
}

/* Eigenvector and HITS scores come from power iteration rather than
 * igraph's ARPACK calls: the system ARPACK keeps a static random seed for
 * restart vectors, so the same graph gave different last bits from one
 * call to the next, and outputs must be reproducible. Power iteration
 * from a fixed start is deterministic; the shift (A + I) avoids the
 * oscillation of bipartite graphs. Both stop at a 1e-12 change of the
 * max-normalised vector or after POWER_ITERATIONS rounds. */
enum { POWER_ITERATIONS = 2000 };

/* Power iteration stops at a 1e-12 change, so digits beyond 1e-10 are
 * noise (and scores that should be 0 end up as 1e-47): drop them. */
static double settle(double x)
{
    return round(x * 1e10) / 1e10;
}

/* Scales x so its largest entry is 1 (all zero stays zero); returns the
 * largest absolute change against prev when prev is given. */
static double normalise_max(double *x, const double *prev, size_t n)
{
    double mx = 0, change = 0;
    for (size_t i = 0; i < n; i++)
        if (x[i] > mx)
            mx = x[i];
    for (size_t i = 0; i < n; i++) {
        x[i] = mx > 0 ? x[i] / mx : 0.0;
        if (prev && fabs(x[i] - prev[i]) > change)
            change = fabs(x[i] - prev[i]);
    }
    return change;
}

/* Eigenvector centrality of the undirected weighted pairs (a, b, w). */
static int eigenvector_scores(const pair *p, size_t np, size_t n, ng_node_stats *ns)
{
    double *x = calloc(n, sizeof *x), *y = calloc(n, sizeof *y);
    if (!x || !y) {
        free(x);
        free(y);
        return NG_ENOMEM;
    }
    for (size_t k = 0; k < np; k++)
        x[p[k].a] += p[k].w, x[p[k].b] += p[k].w;
    normalise_max(x, NULL, n);
    for (int it = 0; it < POWER_ITERATIONS; it++) {
        memcpy(y, x, n * sizeof *y);
        for (size_t k = 0; k < np; k++) {
            y[p[k].a] += p[k].w * x[p[k].b];
            y[p[k].b] += p[k].w * x[p[k].a];
        }
        double change = normalise_max(y, x, n);
        double *t = x;
        x = y, y = t;
        if (change < 1e-12)
            break;
    }
    for (size_t i = 0; i < n; i++)
        ns[i].eigenvector = settle(x[i]);
    free(x);
    free(y);
    return 0;
}

/* HITS on the weighted directed graph: authority = A^T hub, hub = A
 * authority, both scaled to max 1. */
static int hits_scores(const ng_graph *g, ng_node_stats *ns)
{
    size_t n = g->nnodes;
    double *h = calloc(n, sizeof *h), *a = calloc(n, sizeof *a), *prev = calloc(n, sizeof *prev);
    if (!h || !a || !prev) {
        free(h);
        free(a);
        free(prev);
        return NG_ENOMEM;
    }
    for (size_t k = 0; k < g->nedges; k++)
        h[g->edges[k].source] += g->edges[k].weight;
    normalise_max(h, NULL, n);
    for (int it = 0; it < POWER_ITERATIONS; it++) {
        memset(a, 0, n * sizeof *a);
        for (size_t k = 0; k < g->nedges; k++)
            a[g->edges[k].target] += g->edges[k].weight * h[g->edges[k].source];
        normalise_max(a, NULL, n);
        memcpy(prev, h, n * sizeof *h);
        memset(h, 0, n * sizeof *h);
        for (size_t k = 0; k < g->nedges; k++)
            h[g->edges[k].source] += g->edges[k].weight * a[g->edges[k].target];
        if (normalise_max(h, prev, n) < 1e-12)
            break;
    }
    for (size_t i = 0; i < n; i++)
        ns[i].hub = settle(h[i]), ns[i].authority = settle(a[i]);
    free(h);
    free(a);
    free(prev);
    return 0;
}

typedef struct community {
    size_t size, first, label;
} community;

static int cmp_community(const void *pa, const void *pb)
{
    const community *x = pa, *y = pb;
    if (x->size != y->size)
        return x->size > y->size ? -1 : 1;
    return (x->first > y->first) - (x->first < y->first);
}

/* Community ids by size, largest first, ties by lowest node index:
 * Louvain's own labels depend on processing order, ours on content. */
static int renumber_communities(const igraph_vector_int_t *membership, size_t n,
                                ng_node_stats *out, size_t *ncomm)
{
    community *c = calloc(n, sizeof *c);
    size_t *new_label = malloc(n * sizeof *new_label);
    if (!c || !new_label) {
        free(c);
        free(new_label);
        return NG_ENOMEM;
    }
    for (size_t i = 0; i < n; i++)
        c[i].label = i;
    for (size_t i = n; i-- > 0;) {
        size_t m = (size_t)VECTOR(*membership)[i];
        c[m].size++;
        c[m].first = i;
    }
    qsort(c, n, sizeof *c, cmp_community);
    size_t k = 0;
    while (k < n && c[k].size)
        k++;
    for (size_t i = 0; i < k; i++)
        new_label[c[i].label] = i;
    for (size_t i = 0; i < n; i++)
        out[i].community = (int)new_label[VECTOR(*membership)[i]];
    *ncomm = k;
    free(c);
    free(new_label);
    return 0;
}

/* Merges the directed edges into undirected pairs (a < b), summing
 * weights, so Louvain and eigenvector centrality see one tie per pair.
 * Sorting keeps it O(m log m) and the result in a fixed order. */
static int build_projection(const ng_graph *g, pair **pairs, size_t *npairs,
                            igraph_vector_int_t *edges, igraph_vector_t *w, ng_error *err)
{
    int rc = NG_ENOMEM;
    pair *p = g->nedges ? malloc(g->nedges * sizeof *p) : NULL;
    size_t np = 0;
    if (g->nedges && !p)
        return ng_error_set(err, NG_ENOMEM, "out of memory computing graph statistics");
    for (size_t i = 0; i < g->nedges; i++) {
        const ng_edge *e = &g->edges[i];
        if (e->source == e->target)
            continue;
        igraph_integer_t a = e->source, b = e->target;
        p[np++] = (pair){a < b ? a : b, a < b ? b : a, e->weight};
    }
    if (np > 1)
        qsort(p, np, sizeof *p, cmp_pair);
    size_t k = 0;
    for (size_t i = 0; i < np; i++) {
        if (k && p[k - 1].a == p[i].a && p[k - 1].b == p[i].b)
            p[k - 1].w += p[i].w;
        else
            p[k++] = p[i];
    }
    IG(igraph_vector_int_resize(edges, 2 * (igraph_integer_t)k));
    IG(igraph_vector_resize(w, (igraph_integer_t)k));
    for (size_t i = 0; i < k; i++) {
        VECTOR(*edges)[2 * i] = p[i].a;
        VECTOR(*edges)[2 * i + 1] = p[i].b;
        VECTOR(*w)[i] = p[i].w;
    }
    *pairs = p;
    *npairs = k;
    return 0;
cleanup:
    free(p);
    return rc;
}

/* The simple directed graph: distinct ordered pairs (u != v). Two
 * relations between the same actors are one tie for shortest paths
 * (igraph would count parallel edges as separate paths) and for
 * density, which then stays within [0, 1]. */
static int build_simple(const ng_graph *g, igraph_vector_int_t *edges, ng_error *err)
{
    int rc = 0;
    pair *p = g->nedges ? malloc(g->nedges * sizeof *p) : NULL;
    if (g->nedges && !p)
        return ng_error_set(err, NG_ENOMEM, "out of memory computing graph statistics");
    size_t np = 0, k = 0;
    for (size_t i = 0; i < g->nedges; i++)
        if (g->edges[i].source != g->edges[i].target)
            p[np++] = (pair){g->edges[i].source, g->edges[i].target, 0};
    if (np > 1)
        qsort(p, np, sizeof *p, cmp_pair);
    for (size_t i = 0; i < np; i++)
        if (k == 0 || cmp_pair(&p[k - 1], &p[i]) != 0)
            p[k++] = p[i];
    IG(igraph_vector_int_resize(edges, 2 * (igraph_integer_t)k));
    for (size_t i = 0; i < k; i++) {
        VECTOR(*edges)[2 * i] = p[i].a;
        VECTOR(*edges)[2 * i + 1] = p[i].b;
    }
cleanup:
    free(p);
    return rc;
}

/* Betweenness and closeness need a shortest-path search from every node,
 * O(n m): seconds at 10k actors, hours at 100k. Above PATHS_EXACT_LIMIT
 * both are estimated from PATH_SOURCES sources (every n/k-th node, so the
 * estimate is deterministic) and scaled by n/k (Brandes & Pich 2007):
 * betweenness through igraph_betweenness_subset, harmonic closeness from
 * one undirected BFS per source (it is symmetric, so the sources' distance
 * sums estimate every node's). */
enum { PATHS_EXACT_LIMIT = 20000, PATH_SOURCES = 1000 };

/* Adds 1/d to closeness[v] for every v at hop distance d >= 1 from src,
 * ignoring direction. adj/off: CSR of the undirected simple graph;
 * dist: n entries of -1 on entry, restored on return; queue: n entries. */
static void harmonic_from(igraph_integer_t src, const igraph_integer_t *off,
                          const igraph_integer_t *adj, igraph_integer_t *dist,
                          igraph_integer_t *queue, ng_node_stats *ns)
{
    igraph_integer_t head = 0, tail = 0;
    dist[src] = 0;
    queue[tail++] = src;
    while (head < tail) {
        igraph_integer_t u = queue[head++];
        if (dist[u] > 0)
            ns[u].closeness += 1.0 / (double)dist[u];
        for (igraph_integer_t j = off[u]; j < off[u + 1]; j++)
            if (dist[adj[j]] < 0) {
                dist[adj[j]] = dist[u] + 1;
                queue[tail++] = adj[j];
            }
    }
    for (igraph_integer_t i = 0; i < tail; i++)
        dist[queue[i]] = -1;
}

static int sampled_paths(const igraph_t *sg, const igraph_vector_int_t *sedges,
                         ng_node_stats *ns, ng_error *err)
{
    int rc = 0;
    igraph_integer_t n = igraph_vcount(sg), m = igraph_vector_int_size(sedges) / 2;
    igraph_integer_t k = PATH_SOURCES, step = n / k;
    igraph_vector_int_t sources = {0};
    igraph_vector_t v = {0};
    igraph_integer_t *off = calloc((size_t)n + 1, sizeof *off), *adj = malloc((size_t)(2 * m + 1) * sizeof *adj);
    igraph_integer_t *dist = malloc((size_t)n * sizeof *dist), *queue = malloc((size_t)n * sizeof *queue);
    if (!off || !adj || !dist || !queue) {
        rc = ng_error_set(err, NG_ENOMEM, "out of memory computing graph statistics");
        goto cleanup;
    }
    IG(igraph_vector_int_init(&sources, k));
    IG(igraph_vector_init(&v, n));
    for (igraph_integer_t i = 0; i < k; i++)
        VECTOR(sources)[i] = i * step;
    IG(igraph_betweenness_subset(sg, &v, igraph_vss_all(), IGRAPH_DIRECTED,
                                 igraph_vss_vector(&sources), igraph_vss_all(), NULL));
    double scale = (double)n / (double)k;
    for (igraph_integer_t i = 0; i < n; i++) {
        ns[i].betweenness = finite_or_zero(VECTOR(v)[i]) * scale;
        ns[i].closeness = 0;
        dist[i] = -1;
    }
    for (igraph_integer_t e = 0; e < m; e++)
        off[VECTOR(*sedges)[2 * e] + 1]++, off[VECTOR(*sedges)[2 * e + 1] + 1]++;
    for (igraph_integer_t i = 0; i < n; i++)
        off[i + 1] += off[i];
    for (igraph_integer_t e = 0; e < m; e++) {
        igraph_integer_t a = VECTOR(*sedges)[2 * e], b = VECTOR(*sedges)[2 * e + 1];
        adj[off[a]++] = b; /* off[x] now points past x's list ... */
        adj[off[b]++] = a;
    }
    for (igraph_integer_t i = n; i > 0; i--) /* ... so shift it back */
        off[i] = off[i - 1];
    off[0] = 0;
    for (igraph_integer_t s = 0; s < k; s++)
        harmonic_from(VECTOR(sources)[s], off, adj, dist, queue, ns);
    for (igraph_integer_t i = 0; i < n; i++)
        ns[i].closeness = fmin(1.0, ns[i].closeness * scale / (double)(n - 1));
cleanup:
    free(off);
    free(adj);
    free(dist);
    free(queue);
    igraph_vector_destroy(&v);
    igraph_vector_int_destroy(&sources);
    return rc;
}

/* The igraph part proper; runs under igraph_lock with quiet handlers. */
static int compute_locked(const ng_graph *g, ng_graph_stats *out, ng_error *err)
{
    int rc = 0;
    igraph_integer_t n = (igraph_integer_t)g->nnodes, m = (igraph_integer_t)g->nedges;
    igraph_t dg, ug, sg;
    int have_dg = 0, have_ug = 0, have_sg = 0;
    igraph_vector_int_t edges = {0}, uedges = {0}, sedges = {0}, ideg = {0}, membership = {0};
    igraph_vector_t w = {0}, uw = {0}, v = {0}, v2 = {0};
    ng_node_stats *ns = out->nodes;
    pair *pairs = NULL;
    size_t npairs = 0;

    IG(igraph_vector_int_init(&edges, 2 * m));
    IG(igraph_vector_init(&w, m));
    IG(igraph_vector_int_init(&uedges, 0));
    IG(igraph_vector_int_init(&sedges, 0));
    IG(igraph_vector_init(&uw, 0));
    IG(igraph_vector_int_init(&ideg, n));
    IG(igraph_vector_int_init(&membership, n));
    IG(igraph_vector_init(&v, n));
    IG(igraph_vector_init(&v2, n));
    for (igraph_integer_t i = 0; i < m; i++) {
        VECTOR(edges)[2 * i] = g->edges[i].source;
        VECTOR(edges)[2 * i + 1] = g->edges[i].target;
        VECTOR(w)[i] = g->edges[i].weight;
    }
    IG(igraph_create(&dg, &edges, n, IGRAPH_DIRECTED));
    have_dg = 1;
    if ((rc = build_projection(g, &pairs, &npairs, &uedges, &uw, err)) < 0)
        goto cleanup;
    IG(igraph_create(&ug, &uedges, n, IGRAPH_UNDIRECTED));
    have_ug = 1;
    if ((rc = build_simple(g, &sedges, err)) < 0)
        goto cleanup;
    IG(igraph_create(&sg, &sedges, n, IGRAPH_DIRECTED));
    have_sg = 1;
    igraph_integer_t sm = igraph_ecount(&sg);
    out->density = n > 1 ? (double)sm / ((double)n * (double)(n - 1)) : 0.0;
    igraph_integer_t um = igraph_ecount(&ug);

    IG(igraph_degree(&dg, &ideg, igraph_vss_all(), IGRAPH_ALL, IGRAPH_LOOPS));
    for (igraph_integer_t i = 0; i < n; i++)
        ns[i].degree = (double)VECTOR(ideg)[i];
    IG(igraph_degree(&dg, &ideg, igraph_vss_all(), IGRAPH_IN, IGRAPH_LOOPS));
    for (igraph_integer_t i = 0; i < n; i++)
        ns[i].in_degree = (double)VECTOR(ideg)[i];
    IG(igraph_degree(&dg, &ideg, igraph_vss_all(), IGRAPH_OUT, IGRAPH_LOOPS));
    for (igraph_integer_t i = 0; i < n; i++)
        ns[i].out_degree = (double)VECTOR(ideg)[i];
    IG(igraph_strength(&dg, &v, igraph_vss_all(), IGRAPH_ALL, IGRAPH_LOOPS, &w));
    for (igraph_integer_t i = 0; i < n; i++)
        ns[i].weighted_degree = VECTOR(v)[i];

    IG(igraph_pagerank(&dg, IGRAPH_PAGERANK_ALGO_PRPACK, &v, NULL, igraph_vss_all(),
                       IGRAPH_DIRECTED, 0.85, &w, NULL));
    for (igraph_integer_t i = 0; i < n; i++)
        ns[i].pagerank = finite_or_zero(VECTOR(v)[i]);
    if (n > PATHS_EXACT_LIMIT) {
        if ((rc = sampled_paths(&sg, &sedges, ns, err)) < 0)
            goto cleanup;
    } else {
        IG(igraph_betweenness(&sg, &v, igraph_vss_all(), IGRAPH_DIRECTED, NULL));
        for (igraph_integer_t i = 0; i < n; i++)
            ns[i].betweenness = finite_or_zero(VECTOR(v)[i]);
        /* Hop distance ignoring direction: in a "who spoke about whom"
         * graph most actors never speak, so outward reachability would be 0. */
        IG(igraph_harmonic_centrality(&sg, &v, igraph_vss_all(), IGRAPH_ALL, NULL, 1));
        for (igraph_integer_t i = 0; i < n; i++)
            ns[i].closeness = n > 1 ? finite_or_zero(VECTOR(v)[i]) : 0.0;
    }

    /* Without edges every score is 0 ("no structure"), where igraph
     * would report 1 for everyone. */
    if ((rc = hits_scores(g, ns)) < 0 || (rc = eigenvector_scores(pairs, npairs, g->nnodes, ns)) < 0) {
        ng_error_set(err, rc, "out of memory computing graph statistics");
        goto cleanup;
    }
    if (um > 0) {
        IG(igraph_rng_seed(igraph_rng_default(), 42));
        IG(igraph_community_multilevel(&ug, &uw, 1.0, &membership, NULL, NULL));
        IG(igraph_modularity(&ug, &membership, &uw, 1.0, IGRAPH_UNDIRECTED, &out->modularity));
        out->modularity = finite_or_zero(out->modularity);
    } else {
        for (igraph_integer_t i = 0; i < n; i++)
            VECTOR(membership)[i] = i;
        out->modularity = 0.0;
    }
    for (igraph_integer_t i = 0; i < n; i++)
        if (VECTOR(membership)[i] < 0 || VECTOR(membership)[i] >= n) {
            rc = ng_error_set(err, NG_EINTERNAL, "computing graph statistics: bad community id");
            goto cleanup;
        }
    if ((rc = renumber_communities(&membership, (size_t)n, ns, &out->communities)) < 0) {
        ng_error_set(err, rc, "out of memory computing graph statistics");
        goto cleanup;
    }
    igraph_integer_t ncomp = 0;
    IG(igraph_connected_components(&dg, NULL, NULL, &ncomp, IGRAPH_WEAK));
    out->components = (size_t)ncomp;
cleanup:
    free(pairs);
    if (have_sg)
        igraph_destroy(&sg);
    if (have_ug)
        igraph_destroy(&ug);
    if (have_dg)
        igraph_destroy(&dg);
    igraph_vector_destroy(&v2);
    igraph_vector_destroy(&v);
    igraph_vector_int_destroy(&membership);
    igraph_vector_int_destroy(&ideg);
    igraph_vector_destroy(&uw);
    igraph_vector_int_destroy(&sedges);
    igraph_vector_int_destroy(&uedges);
    igraph_vector_destroy(&w);
    igraph_vector_int_destroy(&edges);
    return rc;
}

/* Validates weights (igraph needs them positive and finite), handles
 * the empty graph without igraph, and wraps compute_locked in the lock
 * and the handler swap described at the top of the file. */
int ng_graph_compute_stats(const ng_graph *g, ng_graph_stats *out, ng_error *err)
{
    if (!g || !out)
        return ng_error_set(err, NG_EINTERNAL, "ng_graph_compute_stats: NULL argument");
    memset(out, 0, sizeof *out);
    out->nnodes = g->nnodes;
    out->nedges = g->nedges;
    for (size_t i = 0; i < g->nedges; i++) {
        const ng_edge *e = &g->edges[i];
        if (e->source >= g->nnodes || e->target >= g->nnodes)
            return ng_error_set(err, NG_EINTERNAL, "edge %zu points outside the graph", i);
        if (!isfinite(e->weight) || e->weight <= 0)
            return ng_error_set(err, NG_EINPUT, "edge %s -> %s (%s): weight %g is not positive",
                                g->nodes[e->source].id, g->nodes[e->target].id, e->relation,
                                e->weight);
    }
    if (g->nnodes == 0)
        return 0;
    if (g->nnodes > INT32_MAX)
        return ng_error_set(err, NG_EINTERNAL, "graph too large for statistics");
    out->nodes = calloc(g->nnodes, sizeof *out->nodes);
    if (!out->nodes)
        return ng_error_set(err, NG_ENOMEM, "out of memory computing graph statistics");

    pthread_mutex_lock(&igraph_lock);
    igraph_error_handler_t *old_error = igraph_set_error_handler(igraph_error_handler_ignore);
    igraph_warning_handler_t *old_warning = igraph_set_warning_handler(igraph_warning_handler_ignore);
    int rc = compute_locked(g, out, err);
    igraph_set_warning_handler(old_warning);
    igraph_set_error_handler(old_error);
    pthread_mutex_unlock(&igraph_lock);
    if (rc < 0)
        ng_graph_stats_free(out);
    return rc;
}

void ng_graph_stats_free(ng_graph_stats *s)
{
    if (!s)
        return;
    free(s->nodes);
    memset(s, 0, sizeof *s);
}
