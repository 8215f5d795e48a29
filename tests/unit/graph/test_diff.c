/* test_diff.c - ng_diff_compute on small hand-made graphs: what is added,
 * removed, re-weighted and renamed, in report order; a graph against
 * itself (or against a copy built in another order) is empty. */
#include "check.h"
#include "newsgraph/diff.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Adds `weight` statements source -> target. */
static void said(ng_graph *g, const char *s, const char *t, const char *rel, int weight)
{
    int a = ng_graph_find_node(g, s), b = ng_graph_find_node(g, t);
    for (int i = 0; i < weight; i++)
        ng_graph_add_statement(g, (uint32_t)a, (uint32_t)b, rel, NULL);
}

/* Old day: Putin said things about Zelensky twice and warned him once;
 * Biden spoke about Putin. */
static ng_graph *old_day(void)
{
    ng_graph *g = ng_graph_new();
    ng_graph_add_node(g, "vladimir-putin", "Putin", "person");
    ng_graph_add_node(g, "volodymyr-zelensky", "Volodymyr Zelensky", "person");
    ng_graph_add_node(g, "joe-biden", "Joe Biden", "person");
    g->nodes[0].mentions = 4;
    g->nodes[1].mentions = 3;
    g->nodes[2].mentions = 1;
    said(g, "vladimir-putin", "volodymyr-zelensky", "said", 2);
    said(g, "vladimir-putin", "volodymyr-zelensky", "warned", 1);
    said(g, "joe-biden", "vladimir-putin", "said", 1);
    ng_graph_sort(g);
    return g;
}

/* New day: Putin gets his full name, says more about Zelensky, Peskov
 * enters and declines to comment, Biden is gone. */
static ng_graph *new_day(void)
{
    ng_graph *g = ng_graph_new();
    ng_graph_add_node(g, "dmitry-peskov", "Dmitry Peskov", "person");
    ng_graph_add_node(g, "volodymyr-zelensky", "Volodymyr Zelensky", "person");
    ng_graph_add_node(g, "vladimir-putin", "Vladimir Putin", "person");
    g->nodes[0].mentions = 2;
    g->nodes[1].mentions = 5;
    g->nodes[2].mentions = 6;
    said(g, "vladimir-putin", "volodymyr-zelensky", "said", 5);
    said(g, "vladimir-putin", "volodymyr-zelensky", "warned", 1);
    said(g, "dmitry-peskov", "volodymyr-zelensky", "declined_to_comment", 1);
    ng_graph_sort(g);
    return g;
}

static const ng_diff_node *node(const ng_diff *d, const char *id)
{
    for (size_t i = 0; i < d->nnodes; i++)
        if (strcmp(d->nodes[i].id, id) == 0)
            return &d->nodes[i];
    return NULL;
}

static const ng_diff_edge *edge(const ng_diff *d, const char *s, const char *t, const char *rel)
{
    for (size_t i = 0; i < d->nedges; i++) {
        const ng_diff_edge *e = &d->edges[i];
        if (strcmp(d->nodes[e->source].id, s) == 0 && strcmp(d->nodes[e->target].id, t) == 0 &&
            strcmp(e->relation, rel) == 0)
            return e;
    }
    return NULL;
}

static ng_diff *compare(const ng_graph *a, const ng_graph *b)
{
    ng_diff *d = NULL;
    ng_error err;
    int rc = ng_diff_compute(a, NULL, "old.json", b, NULL, "new.json", NULL, &d, &err);
    CHECK(rc == 0);
    return d;
}

static void test_added_and_removed_nodes(void)
{
    ng_graph *a = old_day(), *b = new_day();
    ng_diff *d = compare(a, b);
    CHECK(d->nnodes == 4);
    CHECK(d->nodes_added == 1 && d->nodes_removed == 1);
    CHECK(node(d, "dmitry-peskov")->status == NG_DIFF_ADDED);
    CHECK(node(d, "dmitry-peskov")->old_mentions == 0 && node(d, "dmitry-peskov")->new_mentions == 2);
    CHECK(node(d, "joe-biden")->status == NG_DIFF_REMOVED);
    CHECK_STR(node(d, "joe-biden")->label, "Joe Biden");
    CHECK(node(d, "volodymyr-zelensky")->status == NG_DIFF_SAME);
    /* report order: biggest node first (Putin, 6 mentions), Biden last (1) */
    CHECK_STR(d->nodes[0].id, "vladimir-putin");
    CHECK_STR(d->nodes[3].id, "joe-biden");
    ng_diff_free(d);
    ng_graph_free(a);
    ng_graph_free(b);
}

static void test_renamed_label_with_same_id(void)
{
    ng_graph *a = old_day(), *b = new_day();
    ng_diff *d = compare(a, b);
    const ng_diff_node *p = node(d, "vladimir-putin");
    CHECK(d->nodes_renamed == 1);
    CHECK(p->status == NG_DIFF_CHANGED);
    CHECK_STR(p->old_label, "Putin");
    CHECK_STR(p->label, "Vladimir Putin");
    CHECK(node(d, "volodymyr-zelensky")->old_label == NULL);
    ng_diff_free(d);
    ng_graph_free(a);
    ng_graph_free(b);
}

static void test_edges_added_removed_changed(void)
{
    ng_graph *a = old_day(), *b = new_day();
    ng_diff *d = compare(a, b);
    CHECK(d->nedges == 4);
    CHECK(d->edges_added == 1 && d->edges_removed == 1 && d->edges_changed == 1);
    const ng_diff_edge *e = edge(d, "dmitry-peskov", "volodymyr-zelensky", "declined_to_comment");
    CHECK(e && e->status == NG_DIFF_ADDED && e->old_weight == 0 && e->new_weight == 1);
    e = edge(d, "joe-biden", "vladimir-putin", "said");
    CHECK(e && e->status == NG_DIFF_REMOVED && e->old_weight == 1 && e->new_weight == 0);
    e = edge(d, "vladimir-putin", "volodymyr-zelensky", "said");
    CHECK(e && e->status == NG_DIFF_CHANGED && e->old_weight == 2 && e->new_weight == 5);
    e = edge(d, "vladimir-putin", "volodymyr-zelensky", "warned");
    CHECK(e && e->status == NG_DIFF_SAME && e->old_weight == 1 && e->new_weight == 1);
    /* report order: the 2 -> 5 change is the biggest, the unchanged edge last */
    CHECK(d->edges[0].status == NG_DIFF_CHANGED);
    CHECK(d->edges[3].status == NG_DIFF_SAME);
    ng_diff_free(d);
    ng_graph_free(a);
    ng_graph_free(b);
}

static void test_centrality_changes_sorted_and_thresholded(void)
{
    ng_graph *a = old_day(), *b = new_day();
    ng_diff *d = compare(a, b);
    CHECK(d->ncentrality > 0);
    for (size_t i = 0; i < d->ncentrality; i++) {
        const ng_diff_centrality *c = &d->centrality[i];
        double delta = fabs(c->delta);
        CHECK(delta >= NG_DIFF_DEFAULT_THRESHOLD - 1e-12);
        if (strcmp(c->metric, "betweenness") != 0)
            CHECK(fabs(c->delta - (c->new_value - c->old_value)) < 1e-12);
        /* only nodes in both graphs */
        CHECK(d->nodes[c->node].status == NG_DIFF_SAME || d->nodes[c->node].status == NG_DIFF_CHANGED);
        if (i > 0)
            CHECK(fabs(d->centrality[i - 1].delta) >= delta);
    }
    /* Betweenness is compared per pair of nodes: Putin lies on the one
     * path Biden -> Putin -> Zelensky of the old 3-node graph (1 of 2 pairs)
     * and on none in the new one. */
    int found = 0;
    for (size_t i = 0; i < d->ncentrality; i++)
        if (strcmp(d->centrality[i].metric, "betweenness") == 0 &&
            strcmp(d->nodes[d->centrality[i].node].id, "vladimir-putin") == 0) {
            found = 1;
            CHECK(d->centrality[i].old_value == 1 && d->centrality[i].new_value == 0 &&
                  fabs(d->centrality[i].delta + 0.5) < 1e-12);
        }
    CHECK(found);
    /* A huge threshold keeps everything but centrality. */
    ng_diff *big = NULL;
    ng_diff_options opt = {.threshold = 1e9};
    CHECK(ng_diff_compute(a, NULL, NULL, b, NULL, NULL, &opt, &big, NULL) == 0);
    CHECK(big->ncentrality == 0 && big->edges_changed == 1);
    CHECK_STR(big->old_name, "old");
    ng_diff_free(big);
    ng_diff_free(d);
    ng_graph_free(a);
    ng_graph_free(b);
}

static void test_graph_against_itself_is_empty(void)
{
    ng_graph *a = new_day();
    ng_diff *d = compare(a, a);
    CHECK(ng_diff_is_empty(d));
    CHECK(d->nnodes == 3 && d->nedges == 3);
    CHECK(d->nodes_added == 0 && d->nodes_removed == 0 && d->nodes_renamed == 0);
    CHECK(d->edges_added == 0 && d->edges_removed == 0 && d->edges_changed == 0);
    CHECK(d->ncentrality == 0);
    ng_diff_free(d);
    ng_graph_free(a);
}

static void test_same_content_in_another_order_is_empty(void)
{
    ng_graph *a = new_day();
    ng_graph *b = ng_graph_new(); /* same graph, nodes and edges added backwards */
    ng_graph_add_node(b, "vladimir-putin", "Vladimir Putin", "person");
    ng_graph_add_node(b, "volodymyr-zelensky", "Volodymyr Zelensky", "person");
    ng_graph_add_node(b, "dmitry-peskov", "Dmitry Peskov", "person");
    b->nodes[0].mentions = 6;
    b->nodes[1].mentions = 5;
    b->nodes[2].mentions = 2;
    said(b, "dmitry-peskov", "volodymyr-zelensky", "declined_to_comment", 1);
    said(b, "vladimir-putin", "volodymyr-zelensky", "warned", 1);
    said(b, "vladimir-putin", "volodymyr-zelensky", "said", 5);
    ng_diff *d = compare(a, b);
    CHECK(ng_diff_is_empty(d));
    ng_diff_free(d);
    ng_graph_free(a);
    ng_graph_free(b);
}

static void test_empty_graphs(void)
{
    ng_graph *a = ng_graph_new(), *b = new_day();
    ng_diff *d = compare(a, a);
    CHECK(ng_diff_is_empty(d) && d->nnodes == 0 && d->nedges == 0);
    ng_diff_free(d);
    d = compare(a, b); /* everything is new */
    CHECK(d->nodes_added == 3 && d->edges_added == 3 && d->ncentrality == 0);
    ng_diff_free(d);
    d = compare(b, a); /* everything is gone */
    CHECK(d->nodes_removed == 3 && d->edges_removed == 3);
    ng_diff_free(d);
    ng_graph_free(a);
    ng_graph_free(b);
}

int main(void)
{
    RUN(test_added_and_removed_nodes);
    RUN(test_renamed_label_with_same_id);
    RUN(test_edges_added_removed_changed);
    RUN(test_centrality_changes_sorted_and_thresholded);
    RUN(test_graph_against_itself_is_empty);
    RUN(test_same_content_in_another_order_is_empty);
    RUN(test_empty_graphs);
    return CHECK_DONE();
}
