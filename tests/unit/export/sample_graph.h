/* sample_graph.h - a hand-made graph whose strings are hostile to every
 * output syntax: <, &, quotes, commas, non-ASCII, a control character,
 * invalid UTF-8 and a backslash. Shared by the export tests. */
#ifndef NG_TEST_SAMPLE_GRAPH_H
#define NG_TEST_SAMPLE_GRAPH_H

#include "newsgraph/graph.h"

static ng_graph *sample_graph(void)
{
    ng_graph *g = ng_graph_new();
    ng_graph_add_document(g, "data/seeds/000.txt", "2025-01-13", "Talks & <news>");
    ng_graph_add_document(g, "data/seeds/001.txt", NULL, NULL);
    int z = ng_graph_add_node(g, "volodymyr-zelensky", "Volodymyr Zelensky", "person");
    int k = ng_graph_add_node(g, "kim-jong-un", "Kim Jong Un", "person");
    int n = ng_graph_add_node(g, "nato", "NATO", "organization");
    int p = ng_graph_add_node(g, "kyiv", "Kyiv", "place");
    int w = ng_graph_add_node(g, "odd", "\xc3\x9cn\xc3\xaf" "c\xc3\xb6" "d\xc3\xa9 \"quoted\", comma\\", "event");
    ng_graph_node_add_alias(g, z, "Zelensky");
    ng_graph_node_add_alias(g, z, "Zelenskyy");
    ng_graph_node_add_alias(g, n, "North Atlantic Treaty Organization");
    ng_graph_node_add_document(g, z, "data/seeds/000.txt");
    ng_graph_node_add_document(g, z, "data/seeds/001.txt");
    ng_graph_node_add_document(g, k, "data/seeds/000.txt");
    g->nodes[z].mentions = 14;
    g->nodes[k].mentions = 3;
    g->nodes[n].mentions = 2;
    g->nodes[p].mentions = 1;
    g->nodes[w].mentions = 1;
    ng_evidence e1 = {(char *)"data/seeds/000.txt", (char *)"said",
                      (char *)"He said \"<b>yes</b>\" & left", 10, 40, 1};
    ng_evidence e2 = {(char *)"data/seeds/001.txt", (char *)"wrote",
                      (char *)"Ce n'\xc3\xa9tait pas \xc2\xab" "facile\xc2\xbb \xe2\x80\x94 \xe6\x9d\xb1\xe4\xba\xac",
                      5, 60, 1};
    ng_evidence e3 = {(char *)"data/seeds/000.txt", (char *)"warned",
                      (char *)"control\x01" "char\ttab and \xff\xfe bad bytes \\N", 100, 150, 0};
    ng_graph_add_statement(g, z, k, "said", &e1);
    ng_graph_add_statement(g, z, k, "said", &e2);
    ng_graph_add_statement(g, k, z, "said", &e3);
    ng_graph_add_statement(g, n, z, "said", NULL);
    ng_graph_add_statement(g, z, p, "said", &e1);
    ng_graph_add_statement(g, w, n, "criticized", &e2);
    ng_graph_add_statement(g, w, n, "said", &e3);
    ng_graph_sort(g);
    return g;
}

#endif
