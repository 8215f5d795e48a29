/* test_timeline.c - timeline.json and timeline.csv of a hand-made
 * three-day timeline: what is "new that day" (actors, edges, statements,
 * a quote repeated by two outlets counted once), the top actors by
 * PageRank, a failed day, and CSV quoting. */
#include "check.h"
#include "newsgraph/timeline.h"

#include <cjson/cJSON.h>

#include <stdlib.h>
#include <string.h>

static int node(ng_graph *g, const char *id, const char *label)
{
    return ng_graph_add_node(g, id, label, "person");
}

static void quote(ng_graph *g, int s, int t, const char *doc, const char *text, uint32_t start)
{
    ng_evidence ev = {(char *)doc, (char *)"said", (char *)text, start, start + 10, 1};
    ng_graph_add_statement(g, (uint32_t)s, (uint32_t)t, "said", &ev);
}

static void add_day(ng_timeline *t, const char *date, size_t ndocs, ng_graph *g)
{
    ng_graph_stats st;
    if (!g) {
        CHECK(ng_timeline_add_day(t, date, ndocs, NULL, NULL, NULL) == 0);
        return;
    }
    ng_graph_sort(g);
    CHECK(ng_graph_compute_stats(g, &st, NULL) == 0);
    CHECK(ng_timeline_add_day(t, date, ndocs, g, &st, NULL) == 0);
}

static ng_timeline *story(void)
{
    ng_timeline *t = ng_timeline_new();
    /* day 1: Putin on Zelensky, the same quote in two outlets */
    ng_graph *g = ng_graph_new();
    int putin = node(g, "putin", "Vladimir Putin"), zel = node(g, "zelensky", "Volodymyr Zelensky");
    quote(g, putin, zel, "a/1.txt", "We are ready", 10);
    quote(g, putin, zel, "b/1.txt", "We are ready", 40);
    add_day(t, "2025-01-11", 2, g);

    /* day 2: the old quote again, a new one, and Peskov, new, about two people */
    g = ng_graph_new();
    putin = node(g, "putin", "Vladimir Putin");
    zel = node(g, "zelensky", "Volodymyr Zelensky");
    int peskov = node(g, "peskov", "Peskov, Dmitry");
    quote(g, putin, zel, "a/2.txt", "We are ready", 5);
    quote(g, putin, zel, "a/2.txt", "Talks are over", 90);
    quote(g, peskov, zel, "c/2.txt", "No comment", 7);
    quote(g, peskov, putin, "c/2.txt", "No comment", 7);
    add_day(t, "2025-01-12", 2, g);

    add_day(t, "2025-01-13", 1, NULL); /* failed */

    g = ng_graph_new();
    node(g, "ghost", "Ghost");
    add_day(t, NG_UNDATED, 1, g);
    return t;
}

static const cJSON *day(const cJSON *root, int i)
{
    return cJSON_GetArrayItem(cJSON_GetObjectItem(root, "days"), i);
}

static double num(const cJSON *o, const char *k)
{
    return cJSON_GetNumberValue(cJSON_GetObjectItem(o, k));
}

static const char *str_at(const cJSON *o, const char *k, int i)
{
    return cJSON_GetStringValue(cJSON_GetArrayItem(cJSON_GetObjectItem(o, k), i));
}

static void test_timeline_json(void)
{
    ng_timeline *t = story();
    char *text = NULL;
    CHECK(ng_format_timeline_json(t, 2, &text, NULL) == 0);
    cJSON *root = cJSON_Parse(text);
    CHECK(root != NULL);
    if (!root)
        goto done;
    CHECK(cJSON_GetArraySize(cJSON_GetObjectItem(root, "days")) == 4);

    const cJSON *d1 = day(root, 0);
    CHECK_STR(cJSON_GetStringValue(cJSON_GetObjectItem(d1, "date")), "2025-01-11");
    CHECK(num(d1, "documents") == 2 && num(d1, "nodes") == 2 && num(d1, "edges") == 1);
    CHECK(num(d1, "statements") == 2); /* two outlets, two spans */
    CHECK(cJSON_GetArraySize(cJSON_GetObjectItem(d1, "new_actors")) == 2);
    CHECK(cJSON_GetArraySize(cJSON_GetObjectItem(d1, "new_statements")) == 1); /* one quote */
    /* Zelensky, spoken about, ranks first by PageRank */
    CHECK_STR(cJSON_GetStringValue(cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(d1, "top_actors"), 0), "id")),
              "zelensky");

    const cJSON *d2 = day(root, 1);
    CHECK(cJSON_GetArraySize(cJSON_GetObjectItem(d2, "new_actors")) == 1);
    CHECK_STR(str_at(d2, "new_actors", 0), "peskov");
    CHECK(cJSON_GetArraySize(cJSON_GetObjectItem(d2, "top_actors")) == 2); /* top = 2 */
    /* new edges: Peskov -> Zelensky and Peskov -> Putin; Putin -> Zelensky is old */
    CHECK(cJSON_GetArraySize(cJSON_GetObjectItem(d2, "new_edges")) == 2);
    /* new statements: "Talks are over" and "No comment" (about two people) */
    const cJSON *ns = cJSON_GetObjectItem(d2, "new_statements");
    CHECK(cJSON_GetArraySize(ns) == 2);
    const cJSON *nc = cJSON_GetArrayItem(ns, 1); /* sorted by document: a/2.txt, then c/2.txt */
    CHECK_STR(cJSON_GetStringValue(cJSON_GetObjectItem(nc, "quote")), "No comment");
    CHECK(cJSON_GetArraySize(cJSON_GetObjectItem(nc, "about")) == 2);
    CHECK(num(d2, "statements") == 3);

    const cJSON *d3 = day(root, 2);
    CHECK(cJSON_IsTrue(cJSON_GetObjectItem(d3, "failed")));
    CHECK(num(d3, "documents") == 1 && num(d3, "nodes") == 0);

    const cJSON *d4 = day(root, 3);
    CHECK_STR(cJSON_GetStringValue(cJSON_GetObjectItem(d4, "date")), "undated");
    CHECK_STR(str_at(d4, "new_actors", 0), "ghost");
done:
    cJSON_Delete(root);
    free(text);
    ng_timeline_free(t);
}

static void test_timeline_csv(void)
{
    ng_timeline *t = story();
    char *text = NULL;
    CHECK(ng_format_timeline_csv(t, 5, &text, NULL) == 0);
    CHECK(text && strncmp(text, "date,documents,nodes,edges,statements,new_actors,new_edges,new_statements,failed,", 80) == 0);
    CHECK(text && strstr(text, "\n2025-01-11,2,2,1,2,2,1,1,0,") != NULL);
    CHECK(text && strstr(text, "\n2025-01-13,1,0,0,0,0,0,0,1,,\n") != NULL);
    /* a label with a comma is quoted */
    CHECK(text && strstr(text, ",\"Peskov, Dmitry\"\n") != NULL);
    free(text);
    ng_timeline_free(t);
}

static void test_empty_timeline(void)
{
    ng_timeline *t = ng_timeline_new();
    char *json = NULL, *csv = NULL;
    CHECK(ng_format_timeline_json(t, 0, &json, NULL) == 0);
    CHECK(ng_format_timeline_csv(t, 0, &csv, NULL) == 0);
    CHECK(json && strstr(json, "\"days\":\t[]") != NULL);
    CHECK(csv && strchr(csv, '\n') == csv + strlen(csv) - 1); /* header only */
    free(json);
    free(csv);
    ng_timeline_free(t);
}

int main(void)
{
    RUN(test_timeline_json);
    RUN(test_timeline_csv);
    RUN(test_empty_timeline);
    return CHECK_DONE();
}
