/* test_graph.c - the ng_graph model: dedup through the index, and the
 * content order produced by ng_graph_sort. */
#include "check.h"
#include "newsgraph/graph.h"

#include <stdio.h>
#include <stdlib.h>

static ng_evidence ev(const char *doc, const char *quote, uint32_t start)
{
    return (ng_evidence){(char *)doc, (char *)"said", (char *)quote, start, start + 5, 1};
}

static void test_add_node_twice_returns_same_index(void)
{
    ng_graph *g = ng_graph_new();
    int a = ng_graph_add_node(g, "kim-jong-un", "Kim Jong Un", "person");
    int b = ng_graph_add_node(g, "nato", "NATO", "organization");
    int c = ng_graph_add_node(g, "kim-jong-un", "Someone Else", "place");
    CHECK(a == 0 && b == 1 && c == 0);
    CHECK(g->nnodes == 2);
    CHECK_STR(g->nodes[0].label, "Kim Jong Un");
    CHECK(ng_graph_find_node(g, "nato") == 1);
    CHECK(ng_graph_find_node(g, "nobody") == -1);
    ng_graph_free(g);
}

static void test_node_defaults_label_and_type(void)
{
    ng_graph *g = ng_graph_new();
    int a = ng_graph_add_node(g, "x", NULL, NULL);
    CHECK(a == 0);
    CHECK_STR(g->nodes[0].label, "x");
    CHECK_STR(g->nodes[0].type, "unknown");
    ng_graph_free(g);
}

static void test_aliases_and_documents_are_distinct(void)
{
    ng_graph *g = ng_graph_new();
    int a = ng_graph_add_node(g, "volodymyr-zelensky", "Volodymyr Zelensky", "person");
    int b = ng_graph_add_node(g, "other", "Other", "person");
    CHECK(ng_graph_node_add_alias(g, a, "Zelensky") == 0);
    CHECK(ng_graph_node_add_alias(g, a, "Zelenskyy") == 0);
    CHECK(ng_graph_node_add_alias(g, a, "Zelensky") == 0);
    CHECK(ng_graph_node_add_alias(g, a, "Volodymyr Zelensky") == 0); /* the label */
    CHECK(ng_graph_node_add_alias(g, b, "Zelensky") == 0); /* other node: its own set */
    CHECK(g->nodes[a].naliases == 2);
    CHECK(g->nodes[b].naliases == 1);
    CHECK(ng_graph_node_add_document(g, a, "d2") == 0);
    CHECK(ng_graph_node_add_document(g, a, "d1") == 0);
    CHECK(ng_graph_node_add_document(g, a, "d2") == 0);
    CHECK(g->nodes[a].ndocuments == 2);
    CHECK(ng_graph_node_add_alias(g, 7, "x") < 0);
    ng_graph_free(g);
}

static void test_documents_dedup_and_fill_missing_fields(void)
{
    ng_graph *g = ng_graph_new();
    CHECK(ng_graph_add_document(g, "a.txt", NULL, NULL) == 0);
    CHECK(ng_graph_add_document(g, "b.txt", "2025-01-02", "B") == 1);
    CHECK(ng_graph_add_document(g, "a.txt", "2025-01-01", "A") == 0);
    CHECK(g->ndocs == 2);
    CHECK_STR(g->docs[0].date, "2025-01-01");
    CHECK_STR(g->docs[0].title, "A");
    ng_graph_free(g);
}

static void test_statements_merge_into_one_edge_per_relation(void)
{
    ng_graph *g = ng_graph_new();
    int a = ng_graph_add_node(g, "a", "A", "person");
    int b = ng_graph_add_node(g, "b", "B", "person");
    ng_evidence e1 = ev("d1", "one", 10), e2 = ev("d1", "two", 20);
    int x = ng_graph_add_statement(g, a, b, "said", &e1);
    int y = ng_graph_add_statement(g, a, b, "said", &e2);
    int z = ng_graph_add_statement(g, a, b, "criticized", NULL);
    int r = ng_graph_add_statement(g, b, a, "said", NULL);
    CHECK(x == 0 && y == 0 && z == 1 && r == 2);
    CHECK(g->nedges == 3);
    CHECK(g->edges[0].weight == 2 && g->edges[0].nevidence == 2);
    CHECK_STR(g->edges[0].evidence[1].quote, "two");
    CHECK(g->edges[1].weight == 1 && g->edges[1].nevidence == 0);
    CHECK(ng_graph_find_edge(g, a, b, "criticized") == 1);
    CHECK(ng_graph_find_edge(g, b, a, "criticized") == -1);
    CHECK(ng_graph_add_statement(g, a, 9, "said", NULL) < 0);
    char longrel[400];
    memset(longrel, 'r', sizeof longrel - 1);
    longrel[sizeof longrel - 1] = '\0';
    int l = ng_graph_add_statement(g, a, b, longrel, NULL);
    CHECK(l == 3 && ng_graph_find_edge(g, a, b, longrel) == 3);
    ng_graph_free(g);
}

static void test_sort_orders_everything_by_content(void)
{
    ng_graph *g = ng_graph_new();
    ng_graph_add_document(g, "z.txt", NULL, NULL);
    ng_graph_add_document(g, "a.txt", NULL, NULL);
    int c = ng_graph_add_node(g, "c", "C", "person");
    int a = ng_graph_add_node(g, "a", "A", "person");
    int b = ng_graph_add_node(g, "b", "B", "place");
    ng_graph_node_add_alias(g, c, "Zed");
    ng_graph_node_add_alias(g, c, "Cee");
    ng_graph_node_add_document(g, c, "z.txt");
    ng_graph_node_add_document(g, c, "a.txt");
    ng_evidence e1 = ev("z.txt", "late", 5), e2 = ev("a.txt", "second", 50),
                e3 = ev("a.txt", "first", 7);
    ng_graph_add_statement(g, c, a, "said", &e1);
    ng_graph_add_statement(g, c, a, "said", &e2);
    ng_graph_add_statement(g, c, a, "said", &e3);
    ng_graph_add_statement(g, a, c, "said", NULL);
    ng_graph_add_statement(g, a, b, "warned", NULL);
    ng_graph_add_statement(g, a, b, "said", NULL);
    CHECK(ng_graph_sort(g) == 0);
    CHECK_STR(g->docs[0].id, "a.txt");
    CHECK_STR(g->nodes[0].id, "a");
    CHECK_STR(g->nodes[1].id, "b");
    CHECK_STR(g->nodes[2].id, "c");
    CHECK_STR(g->nodes[2].aliases[0], "Cee");
    CHECK_STR(g->nodes[2].documents[0], "a.txt");
    /* edges: (a,b,said) (a,b,warned) (a,c,said) (c,a,said) */
    CHECK(g->edges[0].source == 0 && g->edges[0].target == 1);
    CHECK_STR(g->edges[0].relation, "said");
    CHECK_STR(g->edges[1].relation, "warned");
    CHECK(g->edges[2].source == 0 && g->edges[2].target == 2);
    CHECK(g->edges[3].source == 2 && g->edges[3].target == 0);
    CHECK_STR(g->edges[3].evidence[0].quote, "first");
    CHECK_STR(g->edges[3].evidence[1].quote, "second");
    CHECK_STR(g->edges[3].evidence[2].quote, "late");
    /* lookups follow the new positions */
    CHECK(ng_graph_find_node(g, "c") == 2);
    CHECK(ng_graph_find_edge(g, 2, 0, "said") == 3);
    CHECK(ng_graph_add_statement(g, 0, 1, "warned", NULL) == 1);
    CHECK(g->edges[1].weight == 2);
    CHECK(ng_graph_add_document(g, "z.txt", NULL, NULL) == 1);
    ng_graph_free(g);
}

/* 100k nodes in a chain: catches accidental quadratic passes (the test
 * would time out) and index bugs at scale. */
static void test_large_graph_builds_and_sorts(void)
{
    ng_graph *g = ng_graph_new();
    char id[32];
    enum { N = 100000 };
    for (int i = N - 1; i >= 0; i--) {
        snprintf(id, sizeof id, "n%06d", i);
        CHECK(ng_graph_add_node(g, id, NULL, "person") == N - 1 - i);
    }
    for (int i = 0; i + 1 < N; i++)
        ng_graph_add_statement(g, (uint32_t)i, (uint32_t)i + 1, "said", NULL);
    CHECK(ng_graph_sort(g) == 0);
    CHECK_STR(g->nodes[0].id, "n000000");
    CHECK(g->nedges == N - 1);
    CHECK(ng_graph_find_node(g, "n099999") == N - 1);
    ng_graph_free(g);
}

int main(void)
{
    RUN(test_add_node_twice_returns_same_index);
    RUN(test_node_defaults_label_and_type);
    RUN(test_aliases_and_documents_are_distinct);
    RUN(test_documents_dedup_and_fill_missing_fields);
    RUN(test_statements_merge_into_one_edge_per_relation);
    RUN(test_sort_orders_everything_by_content);
    RUN(test_large_graph_builds_and_sorts);
    ng_graph_free(NULL);
    return CHECK_DONE();
}
