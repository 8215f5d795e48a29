/* test_diff_out.c - the files of a diff: diff.json exactly per spec (the
 * eight keys and their record shapes), diff.dot styling of the union
 * graph, the human summary, and an identical pair giving empty lists. */
#include "check.h"
#include "newsgraph/diff.h"

#include <cjson/cJSON.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void said(ng_graph *g, const char *s, const char *t, const char *rel, int weight)
{
    int a = ng_graph_find_node(g, s), b = ng_graph_find_node(g, t);
    for (int i = 0; i < weight; i++)
        ng_graph_add_statement(g, (uint32_t)a, (uint32_t)b, rel, NULL);
}

static ng_graph *old_day(void)
{
    ng_graph *g = ng_graph_new();
    ng_graph_add_node(g, "vladimir-putin", "Putin", "person");
    ng_graph_add_node(g, "volodymyr-zelensky", "Zelensky", "person");
    ng_graph_add_node(g, "joe-biden", "Biden", "person");
    said(g, "vladimir-putin", "volodymyr-zelensky", "said", 2);
    said(g, "joe-biden", "vladimir-putin", "said", 1);
    ng_graph_sort(g);
    return g;
}

static ng_graph *new_day(void)
{
    ng_graph *g = ng_graph_new();
    ng_graph_add_node(g, "vladimir-putin", "Vladimir Putin", "person");
    ng_graph_add_node(g, "volodymyr-zelensky", "Zelensky", "person");
    ng_graph_add_node(g, "dmitry-peskov", "Peskov", "person");
    ng_graph_add_node(g, "kremlin", "Kremlin", "organization");
    said(g, "vladimir-putin", "volodymyr-zelensky", "said", 5);
    said(g, "dmitry-peskov", "volodymyr-zelensky", "declined_to_comment", 1);
    said(g, "dmitry-peskov", "kremlin", "said", 1);
    ng_graph_sort(g);
    return g;
}

static ng_diff *compare(const ng_graph *a, const ng_graph *b)
{
    ng_diff *d = NULL;
    CHECK(ng_diff_compute(a, NULL, "2025-01-11", b, NULL, "2025-01-12", NULL, &d, NULL) == 0);
    return d;
}

static int has_keys(const cJSON *o, const char *const *keys, int n)
{
    int count = 0;
    for (const cJSON *c = o->child; c; c = c->next)
        count++;
    for (int i = 0; i < n; i++)
        if (!cJSON_HasObjectItem(o, keys[i]))
            return 0;
    return count == n;
}

static void test_diff_json_per_spec(void)
{
    ng_graph *a = old_day(), *b = new_day();
    ng_diff *d = compare(a, b);
    char *text = NULL;
    CHECK(ng_format_diff_json(d, &text, NULL) == 0);
    cJSON *root = cJSON_Parse(text);
    CHECK(root != NULL);
    if (!root)
        goto done;
    static const char *const spec[] = {"old", "new", "nodes_added", "nodes_removed", "edges_added",
                                       "edges_removed", "edges_changed", "centrality_changes"};
    for (size_t i = 0; i < sizeof spec / sizeof spec[0]; i++)
        CHECK(cJSON_HasObjectItem(root, spec[i]));
    CHECK_STR(cJSON_GetStringValue(cJSON_GetObjectItem(root, "old")), "2025-01-11");
    CHECK_STR(cJSON_GetStringValue(cJSON_GetObjectItem(root, "new")), "2025-01-12");

    const cJSON *na = cJSON_GetObjectItem(root, "nodes_added");
    CHECK(cJSON_GetArraySize(na) == 2 && cJSON_IsString(cJSON_GetArrayItem(na, 0)));
    CHECK_STR(cJSON_GetStringValue(cJSON_GetArrayItem(cJSON_GetObjectItem(root, "nodes_removed"), 0)), "joe-biden");

    static const char *const added_keys[] = {"source", "target", "relation", "weight"};
    const cJSON *ea = cJSON_GetObjectItem(root, "edges_added");
    CHECK(cJSON_GetArraySize(ea) == 2);
    CHECK(has_keys(cJSON_GetArrayItem(ea, 0), added_keys, 4));
    const cJSON *er = cJSON_GetArrayItem(cJSON_GetObjectItem(root, "edges_removed"), 0);
    CHECK(has_keys(er, added_keys, 4));
    CHECK_STR(cJSON_GetStringValue(cJSON_GetObjectItem(er, "source")), "joe-biden");
    CHECK(cJSON_GetNumberValue(cJSON_GetObjectItem(er, "weight")) == 1);

    static const char *const changed_keys[] = {"source", "target", "relation", "old_weight", "new_weight"};
    const cJSON *ec = cJSON_GetArrayItem(cJSON_GetObjectItem(root, "edges_changed"), 0);
    CHECK(has_keys(ec, changed_keys, 5));
    CHECK(cJSON_GetNumberValue(cJSON_GetObjectItem(ec, "old_weight")) == 2);
    CHECK(cJSON_GetNumberValue(cJSON_GetObjectItem(ec, "new_weight")) == 5);

    static const char *const cent_keys[] = {"id", "metric", "old", "new", "delta"}; /* + additive delta */
    const cJSON *cc = cJSON_GetObjectItem(root, "centrality_changes");
    CHECK(cJSON_GetArraySize(cc) > 0);
    CHECK(has_keys(cJSON_GetArrayItem(cc, 0), cent_keys, 5));

    const cJSON *rn = cJSON_GetArrayItem(cJSON_GetObjectItem(root, "nodes_renamed"), 0);
    CHECK_STR(cJSON_GetStringValue(cJSON_GetObjectItem(rn, "id")), "vladimir-putin");
    CHECK_STR(cJSON_GetStringValue(cJSON_GetObjectItem(rn, "old_label")), "Putin");
    CHECK_STR(cJSON_GetStringValue(cJSON_GetObjectItem(rn, "new_label")), "Vladimir Putin");
done:
    cJSON_Delete(root);
    free(text);
    ng_diff_free(d);
    ng_graph_free(a);
    ng_graph_free(b);
}

static void test_diff_dot_styles_union(void)
{
    ng_graph *a = old_day(), *b = new_day();
    ng_diff *d = compare(a, b);
    char *dot = NULL;
    CHECK(ng_format_diff_dot(d, &dot, NULL) == 0);
    CHECK(dot && strncmp(dot, "digraph", 7) == 0);
    CHECK(dot && strstr(dot, "said 2→5") != NULL);              /* changed weight */
    CHECK(dot && strstr(dot, "declined_to_comment ×1") != NULL); /* added edge */
    CHECK(dot && strstr(dot, "Putin → Vladimir Putin") != NULL); /* renamed node */
    CHECK(dot && strstr(dot, "#1a9641") != NULL);                /* green */
    CHECK(dot && strstr(dot, "dashed") != NULL);                 /* removed */
    CHECK(dot && strstr(dot, "joe-biden") != NULL);              /* union keeps the removed node */
    CHECK(dot && strstr(dot, "shape=box") != NULL);              /* organization */
    free(dot);
    ng_diff_free(d);
    ng_graph_free(a);
    ng_graph_free(b);
}

static void test_summary_lines(void)
{
    ng_graph *a = old_day(), *b = new_day();
    ng_diff *d = compare(a, b);
    char *s = NULL;
    CHECK(ng_format_diff_summary(d, &s, NULL) == 0);
    CHECK(s && strstr(s, "+2 actors: ") != NULL);
    CHECK(s && strstr(s, "-1 actor: Biden\n") != NULL);
    CHECK(s && strstr(s, "Peskov → Zelensky new (declined_to_comment ×1)\n") != NULL);
    CHECK(s && strstr(s, "Vladimir Putin → Zelensky 2→5 (said)\n") != NULL);
    CHECK(s && strstr(s, "Biden → Vladimir Putin gone (said ×1)\n") != NULL);
    CHECK(s && strstr(s, "renamed vladimir-putin: Putin → Vladimir Putin\n") != NULL);
    free(s);
    ng_diff_free(d);
    ng_graph_free(a);
    ng_graph_free(b);
}

static void test_identical_graphs_give_empty_files(void)
{
    ng_graph *a = new_day();
    ng_diff *d = compare(a, a);
    char *text = NULL, *s = NULL;
    CHECK(ng_format_diff_json(d, &text, NULL) == 0);
    cJSON *root = cJSON_Parse(text);
    static const char *const lists[] = {"nodes_added", "nodes_removed", "edges_added", "edges_removed",
                                        "edges_changed", "centrality_changes", "nodes_renamed"};
    for (size_t i = 0; root && i < sizeof lists / sizeof lists[0]; i++)
        CHECK(cJSON_GetArraySize(cJSON_GetObjectItem(root, lists[i])) == 0);
    CHECK(root && cJSON_IsTrue(cJSON_GetObjectItem(cJSON_GetObjectItem(root, "summary"), "empty")));
    CHECK(ng_format_diff_summary(d, &s, NULL) == 0);
    CHECK_STR(s, "2025-01-11 → 2025-01-12: no changes\n");
    cJSON_Delete(root);
    free(text);
    free(s);
    ng_diff_free(d);
    ng_graph_free(a);
}

static void test_write_all_creates_directories(void)
{
    ng_graph *a = old_day(), *b = new_day();
    ng_diff *d = compare(a, b);
    char base[] = "/tmp/ng_test_diff_XXXXXX", dir[256], path[300];
    struct stat st;
    CHECK(mkdtemp(base) != NULL);
    snprintf(dir, sizeof dir, "%s/diffs/2025-01-11_2025-01-12", base);
    ng_error err;
    CHECK(ng_diff_write_all(d, dir, "svg", &err) == 0);
    snprintf(path, sizeof path, "%s/diff.json", dir);
    CHECK(stat(path, &st) == 0 && st.st_size > 0);
    unlink(path);
    snprintf(path, sizeof path, "%s/diff.dot", dir);
    CHECK(stat(path, &st) == 0 && st.st_size > 0);
    unlink(path);
    snprintf(path, sizeof path, "%s/diff.svg", dir);
    CHECK(stat(path, &st) == 0 && st.st_size > 0);
    unlink(path);
    rmdir(dir);
    snprintf(path, sizeof path, "%s/diffs", base);
    rmdir(path);
    rmdir(base);
    ng_diff_free(d);
    ng_graph_free(a);
    ng_graph_free(b);
}

int main(void)
{
    RUN(test_diff_json_per_spec);
    RUN(test_diff_dot_styles_union);
    RUN(test_summary_lines);
    RUN(test_identical_graphs_give_empty_files);
    RUN(test_write_all_creates_directories);
    return CHECK_DONE();
}
