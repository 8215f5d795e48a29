/* test_export.c - the writers of src/export on a hostile sample graph.
 *
 * Run without arguments it checks the outputs in memory and on disk.
 * Run as `test_export --write-sample DIR` it only writes every output of
 * the sample graph into DIR, for check_readers.py to open with real
 * readers (networkx, python-igraph, json, the dot CLI). */
#include "check.h"
#include "newsgraph/export.h"
#include "sample_graph.h"

#include <cjson/cJSON.h>
#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    size_t got = fread(buf, 1, (size_t)n, f);
    buf[got] = '\0';
    fclose(f);
    if (len)
        *len = got;
    return buf;
}

static size_t count_entries(const char *dir)
{
    DIR *d = opendir(dir);
    size_t n = 0;
    struct dirent *e;
    while (d && (e = readdir(d)))
        if (e->d_name[0] != '.' || (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")))
            n++;
    if (d)
        closedir(d);
    return n;
}

static void remove_tree(const char *dir)
{
    char cmd[512];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", dir);
}

static void test_graph_json_round_trip_is_byte_identical(void)
{
    ng_graph *g = sample_graph(), *back = NULL;
    ng_graph_stats st, st2;
    char *a = NULL, *b = NULL, *c = NULL, *d = NULL;
    CHECK(ng_graph_compute_stats(g, &st, NULL) == 0);
    CHECK(ng_format_graph_json(g, &st, &a, NULL) == 0);
    CHECK(ng_graph_parse_json("a.json", a, strlen(a), &back, NULL) == 0);
    CHECK(back != NULL);
    if (back) {
        CHECK(ng_graph_compute_stats(back, &st2, NULL) == 0);
        CHECK(ng_format_graph_json(back, &st2, &b, NULL) == 0);
        CHECK_STR(a, b);
        CHECK(ng_format_graph_json(g, NULL, &c, NULL) == 0);
        CHECK(ng_format_graph_json(back, NULL, &d, NULL) == 0);
        CHECK_STR(c, d);
        ng_graph_stats_free(&st2);
    }
    free(a), free(b), free(c), free(d);
    ng_graph_stats_free(&st);
    ng_graph_free(back);
    ng_graph_free(g);
}

static void test_graph_json_escapes_and_keeps_utf8(void)
{
    ng_graph *g = sample_graph();
    char *s = NULL;
    CHECK(ng_format_graph_json(g, NULL, &s, NULL) == 0);
    CHECK(strstr(s, "\"format\": \"newsgraph\"") != NULL);
    CHECK(strstr(s, "He said \\\"<b>yes</b>\\\" & left") != NULL);
    CHECK(strstr(s, "\xc2\xab" "facile\xc2\xbb \xe2\x80\x94 \xe6\x9d\xb1\xe4\xba\xac") != NULL);
    CHECK(strstr(s, "control\\u0001char\\ttab and \xef\xbf\xbd\xef\xbf\xbd bad") != NULL);
    CHECK(strstr(s, "\"title\": null") != NULL);
    cJSON *root = cJSON_Parse(s);
    CHECK(root != NULL);
    cJSON_Delete(root);
    free(s);
    ng_graph_free(g);
}

static void test_graphml_escapes_markup_and_drops_bad_characters(void)
{
    ng_graph *g = sample_graph();
    ng_graph_stats st;
    char *s = NULL;
    CHECK(ng_graph_compute_stats(g, &st, NULL) == 0);
    CHECK(ng_format_graphml(g, &st, &s, NULL) == 0);
    CHECK(strstr(s, "edgedefault=\"directed\"") != NULL);
    CHECK(strstr(s, "attr.name=\"pagerank\" attr.type=\"double\"") != NULL);
    CHECK(strstr(s, "attr.name=\"mentions\" attr.type=\"int\"") != NULL);
    CHECK(strstr(s, "He said &quot;&lt;b&gt;yes&lt;/b&gt;&quot; &amp; left") != NULL);
    CHECK(strstr(s, "controlchar\ttab and  bad") != NULL);
    CHECK(strchr(s, '\x01') == NULL && strchr(s, '\xff') == NULL);
    CHECK(strstr(s, "<data key=\"v_aliases\">Zelensky; Zelenskyy</data>") != NULL);
    free(s);
    ng_graph_stats_free(&st);
    ng_graph_free(g);
}

static void test_stats_rows_sorted_by_pagerank_and_csv_quoted(void)
{
    ng_graph *g = sample_graph();
    ng_graph_stats st;
    char *js = NULL, *csv = NULL;
    CHECK(ng_graph_compute_stats(g, &st, NULL) == 0);
    CHECK(ng_format_stats_json(g, &st, &js, NULL) == 0);
    CHECK(ng_format_stats_csv(g, &st, &csv, NULL) == 0);
    cJSON *root = cJSON_Parse(js);
    CHECK(root != NULL);
    cJSON *nodes = cJSON_GetObjectItem(root, "nodes"), *n;
    double last = 2;
    size_t rows = 0;
    cJSON_ArrayForEach(n, nodes)
    {
        double pr = cJSON_GetObjectItem(n, "pagerank")->valuedouble;
        CHECK(pr <= last);
        CHECK(cJSON_GetObjectItem(n, "community") != NULL);
        last = pr;
        rows++;
    }
    CHECK(rows == g->nnodes);
    CHECK(cJSON_GetObjectItem(cJSON_GetObjectItem(root, "graph"), "modularity") != NULL);
    cJSON_Delete(root);
    CHECK(strncmp(csv, "id,label,type,mentions,degree,in_degree,out_degree,", 51) == 0);
    CHECK(strstr(csv, ",\"\xc3\x9cn\xc3\xaf" "c\xc3\xb6" "d\xc3\xa9 \"\"quoted\"\", comma\\\",event,") != NULL);
    CHECK(strstr(csv, "\r\n") != NULL);
    free(js);
    free(csv);
    ng_graph_stats_free(&st);
    ng_graph_free(g);
}

static void test_dot_styles_by_type_with_legend(void)
{
    ng_graph *g = sample_graph();
    ng_graph_stats st;
    char *s = NULL;
    CHECK(ng_graph_compute_stats(g, &st, NULL) == 0);
    CHECK(ng_format_dot(g, &st, &s, NULL) == 0);
    CHECK(strstr(s, "digraph newsgraph") != NULL);
    CHECK(strstr(s, "cluster_legend") != NULL);
    CHECK(strstr(s, "shape=box") != NULL && strstr(s, "shape=house") != NULL);
    CHECK(strstr(s, "said \xc3\x97" "2") != NULL);
    CHECK(strstr(s, "overlap=false") != NULL);
    CHECK(strstr(s, "bad bytes \\\\N") != NULL); /* a backslash stays a backslash */
    CHECK(strchr(s, '\x01') == NULL && strchr(s, '\xff') == NULL);
    free(s);
    ng_graph_stats_free(&st);
    ng_graph_free(g);
}

static void test_render_svg_and_png(void)
{
    ng_graph *g = sample_graph();
    char *dot = NULL, *img = NULL;
    size_t len = 0;
    CHECK(ng_format_dot(g, NULL, &dot, NULL) == 0);
    CHECK(ng_render_dot(dot, "svg", &img, &len, NULL) == 0);
    CHECK(img && len > 100 && strstr(img, "<svg") != NULL);
    free(img);
    img = NULL;
    CHECK(ng_render_dot(dot, "png", &img, &len, NULL) == 0);
    CHECK(img && len > 8 && memcmp(img, "\x89PNG", 4) == 0);
    free(img);
    free(dot);
    ng_graph_free(g);
}

static void test_render_rejects_bad_dot_and_format(void)
{
    char *img = NULL;
    size_t len;
    ng_error err = {0};
    CHECK(ng_render_dot("digraph { a -> ", "svg", &img, &len, &err) == NG_EINTERNAL);
    CHECK(img == NULL && strstr(err.message, "cannot read the DOT") != NULL);
    CHECK(ng_render_dot("digraph { a }", "gif", &img, &len, &err) == NG_EUSAGE);
}

static void test_write_atomic_replaces_and_reports_path(void)
{
    char dir[] = "/tmp/ng-atomic-XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    char path[128];
    snprintf(path, sizeof path, "%s/out.txt", dir);
    CHECK(ng_write_atomic(path, "old", 3, NULL) == 0);
    CHECK(ng_write_atomic(path, "new!", 4, NULL) == 0);
    size_t len;
    char *s = read_file(path, &len);
    CHECK(s && len == 4 && memcmp(s, "new!", 4) == 0);
    free(s);
    struct stat sb;
    CHECK(stat(path, &sb) == 0 && (sb.st_mode & 0777) == 0644);
    CHECK(count_entries(dir) == 1); /* no temp file left behind */
    ng_error err = {0};
    snprintf(path, sizeof path, "%s/missing/out.txt", dir);
    CHECK(ng_write_atomic(path, "x", 1, &err) == NG_EIO);
    CHECK(strstr(err.message, path) != NULL && strstr(err.message, "No such file") != NULL);
    remove_tree(dir);
}

static void test_export_all_writes_every_file_into_new_dirs(void)
{
    char dir[] = "/tmp/ng-export-XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    char out[128], path[192];
    snprintf(out, sizeof out, "%s/a/b", dir);
    ng_graph *g = sample_graph();
    ng_error err = {0};
    CHECK(ng_export_all(g, NULL, out, "svg", &err) == 0);
    const char *names[] = {"graph.json", "graph.graphml", "graph.dot", "stats.json", "stats.csv",
                           "graph.svg"};
    for (size_t i = 0; i < 6; i++) {
        snprintf(path, sizeof path, "%s/%s", out, names[i]);
        struct stat sb;
        CHECK(stat(path, &sb) == 0 && sb.st_size > 0);
    }
    CHECK(count_entries(out) == 6);
    remove_tree(dir);
    ng_graph_free(g);
}

static void test_export_all_refuses_a_file_as_directory(void)
{
    char dir[] = "/tmp/ng-export-XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    char file[128];
    snprintf(file, sizeof file, "%s/plain", dir);
    CHECK(ng_write_atomic(file, "x", 1, NULL) == 0);
    ng_graph *g = sample_graph();
    ng_error err = {0};
    CHECK(ng_export_all(g, NULL, file, "none", &err) == NG_EINPUT);
    CHECK(strstr(err.message, "not a directory") != NULL);
    remove_tree(dir);
    ng_graph_free(g);
}

/* A failure before writing (here: statistics refuse a zero weight)
 * leaves the previous outputs as they were. */
static void test_export_all_failure_leaves_old_outputs(void)
{
    char dir[] = "/tmp/ng-export-XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    ng_graph *g = sample_graph();
    CHECK(ng_export_all(g, NULL, dir, NULL, NULL) == 0);
    char path[128];
    snprintf(path, sizeof path, "%s/graph.json", dir);
    char *before = read_file(path, NULL);
    g->edges[0].weight = 0;
    ng_error err = {0};
    CHECK(ng_export_all(g, NULL, dir, "svg", &err) == NG_EINPUT);
    char *after = read_file(path, NULL);
    CHECK_STR(before, after);
    CHECK(count_entries(dir) == 5);
    free(before);
    free(after);
    remove_tree(dir);
    ng_graph_free(g);
}

/* A failure after the output directory was made (here: statistics that
 * do not match the graph) removes the directories the call created, and
 * only those: an existing directory stays, also when the path reaches it
 * through a directory the call made ("x/../y"). */
static void test_export_all_failure_removes_created_dirs(void)
{
    char base[] = "/tmp/ng-export-XXXXXX";
    CHECK(mkdtemp(base) != NULL);
    ng_graph *g = sample_graph();
    ng_graph_stats st;
    CHECK(ng_graph_compute_stats(g, &st, NULL) == 0);
    ng_graph_stats bad = st;
    bad.nnodes++;
    char target[160], parent[160];
    snprintf(parent, sizeof parent, "%s/new", base);
    snprintf(target, sizeof target, "%s/new/sub/", base);
    ng_error err = {0};
    CHECK(ng_export_all(g, &bad, target, "none", &err) == NG_EINTERNAL);
    struct stat sb;
    CHECK(stat(parent, &sb) != 0 && errno == ENOENT);
    CHECK(count_entries(base) == 0);
    CHECK(ng_export_all(g, &bad, base, "none", &err) == NG_EINTERNAL);
    CHECK(stat(base, &sb) == 0 && S_ISDIR(sb.st_mode));
    CHECK(count_entries(base) == 0);
    /* through "..": base/y was there and stays, base/x is made and goes */
    char y[160], x[160], via[200];
    snprintf(y, sizeof y, "%s/y", base);
    snprintf(x, sizeof x, "%s/x", base);
    snprintf(via, sizeof via, "%s/x/../y", base);
    CHECK(mkdir(y, 0777) == 0);
    CHECK(ng_export_all(g, &bad, via, "none", &err) == NG_EINTERNAL);
    CHECK(stat(y, &sb) == 0 && S_ISDIR(sb.st_mode));
    CHECK(stat(x, &sb) != 0 && errno == ENOENT);
    CHECK(rmdir(y) == 0);
    CHECK(ng_export_all(g, &st, target, "none", &err) == 0);
    CHECK(count_entries(parent) == 1);
    ng_graph_stats_free(&st);
    remove_tree(base);
    ng_graph_free(g);
}

/* The graph's fields are public; a producer that leaves strings NULL
 * must not crash any writer. */
static void test_writers_survive_null_strings(void)
{
    ng_graph *g = sample_graph();
    free(g->nodes[0].label), g->nodes[0].label = NULL;
    free(g->nodes[1].type), g->nodes[1].type = NULL;
    /* evidence strings live in the graph's arena: dropped, not freed */
    g->edges[0].evidence[0].document = NULL;
    g->edges[0].evidence[0].quote = NULL;
    ng_graph_stats st;
    CHECK(ng_graph_compute_stats(g, &st, NULL) == 0);
    char *s = NULL;
    CHECK(ng_format_graph_json(g, &st, &s, NULL) == 0);
    free(s);
    CHECK(ng_format_graphml(g, &st, &s, NULL) == 0);
    free(s);
    CHECK(ng_format_stats_json(g, &st, &s, NULL) == 0);
    free(s);
    CHECK(ng_format_stats_csv(g, &st, &s, NULL) == 0);
    free(s);
    CHECK(ng_format_dot(g, &st, &s, NULL) == 0);
    free(s);
    ng_graph_stats_free(&st);
    ng_graph_free(g);
}

static void *export_in_thread(void *dir)
{
    ng_graph *g = sample_graph();
    ng_error err = {0};
    intptr_t rc = ng_export_all(g, NULL, dir, "svg", &err);
    ng_graph_free(g);
    return (void *)rc;
}

/* `days` may export several graphs at once: igraph and Graphviz keep
 * process-wide state, which the locks in stats.c and gvlock.c guard. */
static void test_export_all_from_threads(void)
{
    enum { T = 4 };
    char base[] = "/tmp/ng-threads-XXXXXX", dirs[T][64];
    CHECK(mkdtemp(base) != NULL);
    pthread_t th[T];
    for (int i = 0; i < T; i++) {
        snprintf(dirs[i], sizeof dirs[i], "%s/%d", base, i);
        pthread_create(&th[i], NULL, export_in_thread, dirs[i]);
    }
    for (int i = 0; i < T; i++) {
        void *rc;
        pthread_join(th[i], &rc);
        CHECK(rc == NULL);
    }
    char a[96], b[96];
    snprintf(a, sizeof a, "%s/graph.json", dirs[0]);
    snprintf(b, sizeof b, "%s/graph.json", dirs[T - 1]);
    char *x = read_file(a, NULL), *y = read_file(b, NULL);
    CHECK_STR(x, y);
    free(x);
    free(y);
    remove_tree(base);
}

static void test_empty_graph_exports(void)
{
    char dir[] = "/tmp/ng-export-XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    ng_graph *g = ng_graph_new();
    ng_error err = {0};
    CHECK(ng_export_all(g, NULL, dir, "svg", &err) == 0);
    char path[128];
    snprintf(path, sizeof path, "%s/graph.json", dir);
    ng_graph *back = NULL;
    CHECK(ng_graph_read_json(path, &back, &err) == 0);
    CHECK(back && back->nnodes == 0);
    ng_graph_free(back);
    remove_tree(dir);
    ng_graph_free(g);
}

/* graph.json and GraphML are streamed to disk in pieces by ng_export_all:
 * on a graph whose text is many times the flush size, the files must be
 * the bytes the in-memory formatters give, and evidence strings shared
 * between items (the graph keeps one copy of a repeated quote) must not
 * show. */
static void test_export_all_streams_large_graphs_exactly(void)
{
    char dir[] = "/tmp/ng-export-XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    ng_graph *g = ng_graph_new();
    char id[32], quote[300], doc[32];
    for (int n = 0; n < 40; n++) {
        snprintf(id, sizeof id, "actor-%02d", n);
        CHECK(ng_graph_add_node(g, id, id, "person") == n);
    }
    for (int k = 0; k < 4000; k++) {
        snprintf(doc, sizeof doc, "doc-%d.txt", k / 7);
        snprintf(quote, sizeof quote, "quote %d <&> \"%.*s\"", k / 3, 200,
                 "caf\xc3\xa9 ......................................................"
                 "................................................................"
                 "................................................................");
        ng_evidence ev = {.document = doc, .cue = k % 2 ? "said" : "told", .quote = quote,
                          .start = (uint32_t)k, .end = (uint32_t)k + 10, .direct = k % 3 == 0};
        CHECK(ng_graph_add_statement(g, (uint32_t)(k % 40), (uint32_t)((k * 7 + 1) % 40),
                                     k % 5 ? "said" : "criticized", &ev) >= 0);
    }
    CHECK(ng_graph_sort(g) == 0);
    ng_error err = {0};
    CHECK(ng_export_all(g, NULL, dir, "none", &err) == 0);
    ng_graph_stats st = {0};
    CHECK(ng_graph_compute_stats(g, &st, &err) == 0);
    char *text = NULL, path[128];
    size_t len = 0;
    CHECK(ng_format_graph_json(g, &st, &text, &err) == 0);
    snprintf(path, sizeof path, "%s/graph.json", dir);
    char *file = read_file(path, &len);
    CHECK(file && text && len == strlen(text) && len > 8 * 65536 && memcmp(file, text, len) == 0);
    free(file);
    free(text);
    CHECK(ng_format_graphml(g, &st, &text, &err) == 0);
    snprintf(path, sizeof path, "%s/graph.graphml", dir);
    file = read_file(path, &len);
    CHECK(file && text && len == strlen(text) && len > 8 * 65536 && memcmp(file, text, len) == 0);
    free(file);
    free(text);
    CHECK(count_entries(dir) == 5);
    ng_graph_stats_free(&st);
    remove_tree(dir);
    ng_graph_free(g);
}

int main(int argc, char **argv)
{
    if (argc == 3 && strcmp(argv[1], "--write-sample") == 0) {
        ng_graph *g = sample_graph();
        ng_error err = {0};
        int rc = ng_export_all(g, NULL, argv[2], "svg", &err);
        if (rc < 0)
            fprintf(stderr, "%s\n", err.message);
        ng_graph_free(g);
        return rc < 0;
    }
    RUN(test_graph_json_round_trip_is_byte_identical);
    RUN(test_graph_json_escapes_and_keeps_utf8);
    RUN(test_graphml_escapes_markup_and_drops_bad_characters);
    RUN(test_stats_rows_sorted_by_pagerank_and_csv_quoted);
    RUN(test_dot_styles_by_type_with_legend);
    RUN(test_export_all_failure_removes_created_dirs);
    RUN(test_render_svg_and_png);
    RUN(test_render_rejects_bad_dot_and_format);
    RUN(test_write_atomic_replaces_and_reports_path);
    RUN(test_export_all_writes_every_file_into_new_dirs);
    RUN(test_export_all_refuses_a_file_as_directory);
    RUN(test_export_all_failure_leaves_old_outputs);
    RUN(test_writers_survive_null_strings);
    RUN(test_export_all_from_threads);
    RUN(test_empty_graph_exports);
    RUN(test_export_all_streams_large_graphs_exactly);
    return CHECK_DONE();
}
