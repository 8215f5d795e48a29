/* test_stats.c - centralities on small graphs whose values are known by
 * hand (stars, paths, two triangles). */
#include "check.h"
#include "newsgraph/graph.h"

#include <math.h>
#include <stdio.h>

#define NEAR(a, b) (fabs((a) - (b)) < 1e-6)

static ng_graph *make(const char *const *ids, size_t n, const int (*edges)[2], size_t m)
{
    ng_graph *g = ng_graph_new();
    for (size_t i = 0; i < n; i++)
        ng_graph_add_node(g, ids[i], NULL, "person");
    for (size_t i = 0; i < m; i++)
        ng_graph_add_statement(g, (uint32_t)edges[i][0], (uint32_t)edges[i][1], "said", NULL);
    return g;
}

static double pagerank_sum(const ng_graph_stats *st)
{
    double s = 0;
    for (size_t i = 0; i < st->nnodes; i++)
        s += st->nodes[i].pagerank;
    return s;
}

static void test_empty_graph_has_zero_stats(void)
{
    ng_graph *g = ng_graph_new();
    ng_graph_stats st;
    ng_error err = {0};
    CHECK(ng_graph_compute_stats(g, &st, &err) == 0);
    CHECK(st.nnodes == 0 && st.nedges == 0 && st.nodes == NULL);
    CHECK(st.density == 0 && st.components == 0 && st.communities == 0);
    ng_graph_stats_free(&st);
    ng_graph_free(g);
}

static void test_graph_without_edges(void)
{
    const char *ids[] = {"a", "b", "c"};
    ng_graph *g = make(ids, 3, NULL, 0);
    ng_graph_stats st;
    CHECK(ng_graph_compute_stats(g, &st, NULL) == 0);
    CHECK(st.components == 3 && st.communities == 3);
    CHECK(st.modularity == 0 && st.density == 0);
    for (int i = 0; i < 3; i++) {
        CHECK(NEAR(st.nodes[i].pagerank, 1.0 / 3));
        CHECK(st.nodes[i].hub == 0 && st.nodes[i].authority == 0);
        CHECK(st.nodes[i].eigenvector == 0 && st.nodes[i].closeness == 0);
        CHECK(st.nodes[i].community == i);
    }
    ng_graph_stats_free(&st);
    ng_graph_free(g);
}

/* Four leaves all speak about the centre: in-star. */
static void test_star_centre_dominates(void)
{
    const char *ids[] = {"c", "l1", "l2", "l3", "l4"};
    const int e[][2] = {{1, 0}, {2, 0}, {3, 0}, {4, 0}};
    ng_graph *g = make(ids, 5, e, 4);
    ng_graph_stats st;
    CHECK(ng_graph_compute_stats(g, &st, NULL) == 0);
    CHECK(NEAR(pagerank_sum(&st), 1.0));
    for (int i = 1; i < 5; i++) {
        CHECK(st.nodes[0].pagerank > st.nodes[i].pagerank);
        CHECK(NEAR(st.nodes[i].hub, 1.0) && NEAR(st.nodes[i].authority, 0.0));
        CHECK(NEAR(st.nodes[i].eigenvector, 0.5));
        CHECK(NEAR(st.nodes[i].closeness, (1 + 3 * 0.5) / 4));
        CHECK(st.nodes[i].out_degree == 1 && st.nodes[i].in_degree == 0);
    }
    CHECK(st.nodes[0].in_degree == 4 && st.nodes[0].degree == 4);
    CHECK(NEAR(st.nodes[0].authority, 1.0) && NEAR(st.nodes[0].hub, 0.0));
    CHECK(NEAR(st.nodes[0].eigenvector, 1.0));
    CHECK(NEAR(st.nodes[0].closeness, 1.0));
    CHECK(st.nodes[0].betweenness == 0); /* no directed path passes through it */
    CHECK(NEAR(st.density, 4.0 / 20));
    CHECK(st.components == 1 && st.communities == 1);
    ng_graph_stats_free(&st);
    ng_graph_free(g);
}

/* l1 -> c -> l2, c -> l3: the centre lies on two shortest paths. */
static void test_betweenness_of_centre(void)
{
    const char *ids[] = {"c", "l1", "l2", "l3"};
    const int e[][2] = {{1, 0}, {0, 2}, {0, 3}};
    ng_graph *g = make(ids, 4, e, 3);
    ng_graph_stats st;
    CHECK(ng_graph_compute_stats(g, &st, NULL) == 0);
    CHECK(NEAR(st.nodes[0].betweenness, 2.0));
    CHECK(st.nodes[1].betweenness == 0 && st.nodes[2].betweenness == 0);
    ng_graph_stats_free(&st);
    ng_graph_free(g);
}

/* a -> b (two relations) -> d and a -> c -> d: relations between one
 * pair are one tie, so b and c share the a..d path equally. */
static void test_parallel_relations_are_one_tie_for_paths(void)
{
    ng_graph *g = ng_graph_new();
    const char *ids[] = {"a", "b", "c", "d"};
    for (int i = 0; i < 4; i++)
        ng_graph_add_node(g, ids[i], NULL, "person");
    ng_graph_add_statement(g, 0, 1, "said", NULL);
    ng_graph_add_statement(g, 0, 1, "warned", NULL);
    ng_graph_add_statement(g, 1, 3, "said", NULL);
    ng_graph_add_statement(g, 0, 2, "said", NULL);
    ng_graph_add_statement(g, 2, 3, "said", NULL);
    ng_graph_stats st;
    CHECK(ng_graph_compute_stats(g, &st, NULL) == 0);
    CHECK(NEAR(st.nodes[1].betweenness, 0.5) && NEAR(st.nodes[2].betweenness, 0.5));
    CHECK(st.nodes[0].degree == 3 && st.nodes[0].out_degree == 3);
    CHECK(NEAR(st.density, 4.0 / 12));
    ng_graph_stats_free(&st);
    ng_graph_free(g);
}

/* a -> b -> c with weights: PageRank grows along the path and sums to 1;
 * weighted degree sums the statements. */
static void test_path_pagerank_and_weighted_degree(void)
{
    const char *ids[] = {"a", "b", "c"};
    const int e[][2] = {{0, 1}, {1, 2}, {1, 2}};
    ng_graph *g = make(ids, 3, e, 3);
    ng_graph_stats st;
    CHECK(ng_graph_compute_stats(g, &st, NULL) == 0);
    CHECK(g->nedges == 2);
    CHECK(NEAR(pagerank_sum(&st), 1.0));
    CHECK(st.nodes[0].pagerank < st.nodes[1].pagerank);
    CHECK(st.nodes[1].pagerank < st.nodes[2].pagerank);
    CHECK(NEAR(st.nodes[1].betweenness, 1.0));
    CHECK(st.nodes[1].weighted_degree == 3 && st.nodes[1].degree == 2);
    CHECK(st.nodes[2].weighted_degree == 2);
    ng_graph_stats_free(&st);
    ng_graph_free(g);
}

/* Two triangles joined by one edge, plus an isolated node: two
 * communities of three (Q = 2 * (3/7 - 1/4)) and the singleton. */
static void test_two_triangles_two_communities(void)
{
    const char *ids[] = {"a", "b", "c", "d", "e", "f", "z"};
    const int e[][2] = {{0, 1}, {1, 2}, {2, 0}, {3, 4}, {4, 5}, {5, 3}, {2, 3}};
    ng_graph *g = make(ids, 7, e, 7);
    ng_graph_stats st;
    CHECK(ng_graph_compute_stats(g, &st, NULL) == 0);
    CHECK(st.communities == 3);
    CHECK(st.components == 2);
    CHECK(NEAR(st.modularity, 2 * (3.0 / 7 - 0.25)));
    CHECK(st.nodes[0].community == 0 && st.nodes[1].community == 0 && st.nodes[2].community == 0);
    CHECK(st.nodes[3].community == 1 && st.nodes[5].community == 1);
    CHECK(st.nodes[6].community == 2);
    CHECK(st.nodes[6].eigenvector == 0);
    ng_graph_stats_free(&st);
    ng_graph_free(g);
}

/* The same graph gives the same numbers, bit for bit, every time. */
static void test_stats_are_deterministic(void)
{
    enum { N = 300 };
    ng_graph *g = ng_graph_new();
    char id[16];
    for (int i = 0; i < N; i++) {
        snprintf(id, sizeof id, "n%03d", i);
        ng_graph_add_node(g, id, NULL, "person");
    }
    unsigned x = 12345;
    for (int i = 0; i < 3 * N; i++) {
        x = x * 1103515245u + 12345u;
        unsigned a = (x >> 8) % N;
        x = x * 1103515245u + 12345u;
        unsigned b = (x >> 8) % N;
        ng_graph_add_statement(g, a, b, "said", NULL);
    }
    ng_graph_stats s1, s2;
    CHECK(ng_graph_compute_stats(g, &s1, NULL) == 0);
    CHECK(ng_graph_compute_stats(g, &s2, NULL) == 0);
    for (int i = 0; i < N; i++) {
        const ng_node_stats *a = &s1.nodes[i], *b = &s2.nodes[i];
        if (memcmp(a, b, sizeof *a) != 0)
            fprintf(stderr, "node %d: ev %.17g/%.17g hub %.17g/%.17g auth %.17g/%.17g pr %.17g/%.17g c %d/%d\n", i,
                    a->eigenvector, b->eigenvector, a->hub, b->hub, a->authority, b->authority,
                    a->pagerank, b->pagerank, a->community, b->community);
    }
    CHECK(memcmp(s1.nodes, s2.nodes, N * sizeof *s1.nodes) == 0);
    CHECK(s1.modularity == s2.modularity && s1.communities == s2.communities);
    CHECK(NEAR(pagerank_sum(&s1), 1.0));
    ng_graph_stats_free(&s1);
    ng_graph_stats_free(&s2);
    ng_graph_free(g);
}

/* Above 20000 nodes betweenness and closeness are estimated from
 * sampled sources: an in-star of 25000 leaves plus centre -> "l0" puts
 * the centre on every leaf -> l0 path (exact: n - 2) and at distance 1
 * from everyone (closeness 1). */
static void test_large_graph_paths_are_estimated_closely(void)
{
    enum { N = 25000 };
    ng_graph *g = ng_graph_new();
    char id[16];
    ng_graph_add_node(g, "centre", NULL, "person");
    for (int i = 0; i < N - 1; i++) {
        snprintf(id, sizeof id, "l%05d", i);
        ng_graph_add_node(g, id, NULL, "person");
        ng_graph_add_statement(g, (uint32_t)i + 1, 0, "said", NULL);
    }
    ng_graph_add_statement(g, 0, 1, "said", NULL);
    ng_graph_stats st;
    CHECK(ng_graph_compute_stats(g, &st, NULL) == 0);
    CHECK(fabs(st.nodes[0].betweenness - (N - 2)) < 0.01 * N);
    CHECK(st.nodes[0].closeness > 0.99);
    CHECK(st.nodes[2].betweenness == 0);
    CHECK(fabs(st.nodes[2].closeness - (1 + 0.5 * (N - 2)) / (N - 1)) < 0.01);
    CHECK(NEAR(pagerank_sum(&st), 1.0));
    ng_graph_stats_free(&st);
    ng_graph_free(g);
}

/* Talking about oneself: a loop counts for degree and PageRank but is
 * no tie to anyone (no eigenvector score, own community). */
static void test_self_loop_only(void)
{
    const char *ids[] = {"a", "b"};
    const int e[][2] = {{0, 0}};
    ng_graph *g = make(ids, 2, e, 1);
    ng_graph_stats st;
    CHECK(ng_graph_compute_stats(g, &st, NULL) == 0);
    CHECK(st.nodes[0].degree == 2 && st.nodes[0].in_degree == 1 && st.nodes[0].out_degree == 1);
    CHECK(st.nodes[0].eigenvector == 0 && st.communities == 2 && st.modularity == 0);
    CHECK(st.density == 0 && st.components == 2);
    CHECK(NEAR(pagerank_sum(&st), 1.0));
    ng_graph_stats_free(&st);
    ng_graph_free(g);
}

static void test_non_positive_weight_is_input_error(void)
{
    const char *ids[] = {"a", "b"};
    const int e[][2] = {{0, 1}};
    ng_graph *g = make(ids, 2, e, 1);
    g->edges[0].weight = 0;
    ng_graph_stats st;
    ng_error err = {0};
    CHECK(ng_graph_compute_stats(g, &st, &err) == NG_EINPUT);
    CHECK(strstr(err.message, "a -> b") != NULL);
    ng_graph_free(g);
}

int main(void)
{
    RUN(test_empty_graph_has_zero_stats);
    RUN(test_graph_without_edges);
    RUN(test_star_centre_dominates);
    RUN(test_betweenness_of_centre);
    RUN(test_parallel_relations_are_one_tie_for_paths);
    RUN(test_path_pagerank_and_weighted_degree);
    RUN(test_two_triangles_two_communities);
    RUN(test_stats_are_deterministic);
    RUN(test_large_graph_paths_are_estimated_closely);
    RUN(test_self_loop_only);
    RUN(test_non_positive_weight_is_input_error);
    return CHECK_DONE();
}
