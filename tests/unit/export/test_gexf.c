/* test_gexf.c - the dynamic GEXF of a three-day timeline: spells per day,
 * per-day weights, XML escaping of hostile labels, and the undated group
 * left out; then read back with networkx (check_gexf.py).
 *
 * usage: test_gexf PYTHON CHECK_GEXF_PY  (exit 77 = skipped when PYTHON
 * or its networkx is missing and every C check passed). */
#include "check.h"
#include "newsgraph/timeline.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static int node(ng_graph *g, const char *id, const char *label, uint32_t mentions)
{
    int i = ng_graph_add_node(g, id, label, "person");
    g->nodes[i].mentions = mentions;
    return i;
}

static void said(ng_graph *g, int s, int t, const char *rel, int n)
{
    for (int i = 0; i < n; i++)
        ng_graph_add_statement(g, (uint32_t)s, (uint32_t)t, rel, NULL);
}

static void add_day(ng_timeline *t, const char *date, ng_graph *g)
{
    ng_graph_stats st;
    ng_graph_sort(g);
    CHECK(ng_graph_compute_stats(g, &st, NULL) == 0);
    CHECK(ng_timeline_add_day(t, date, 1, g, &st, NULL) == 0);
}

static ng_timeline *three_days(void)
{
    ng_timeline *t = ng_timeline_new();
    ng_graph *g = ng_graph_new();
    int putin = node(g, "putin", "Putin", 3), zel = node(g, "zelensky", "Volodymyr Zelensky", 2);
    /* &, <, ", ', a control character and an invalid byte */
    int amp = node(g, "amp", "Ben & Jerry's <\"Co\">\x01\xff", 1);
    said(g, putin, zel, "said", 2);
    said(g, amp, putin, "said", 1);
    add_day(t, "2025-01-11", g);

    g = ng_graph_new();
    putin = node(g, "putin", "Vladimir Putin", 4);
    zel = node(g, "zelensky", "Volodymyr Zelensky", 2);
    int peskov = node(g, "peskov", "Dmitry Peskov", 1);
    said(g, putin, zel, "said", 5);
    said(g, peskov, zel, "declined_to_comment", 1);
    add_day(t, "2025-01-12", g);

    g = ng_graph_new();
    putin = node(g, "putin", "Vladimir Putin", 1);
    zel = node(g, "zelensky", "Volodymyr Zelensky", 1);
    said(g, putin, zel, "warned", 1);
    add_day(t, "2025-01-13", g);

    g = ng_graph_new(); /* undated: has no time, so not in the GEXF */
    node(g, "ghost", "Ghost", 1);
    add_day(t, NG_UNDATED, g);
    return t;
}

static void test_gexf_text(const char *gexf)
{
    CHECK(strstr(gexf, "<gexf xmlns=\"http://gexf.net/1.3\"") != NULL);
    CHECK(strstr(gexf, "version=\"1.3\"") != NULL);
    CHECK(strstr(gexf, "mode=\"dynamic\"") && strstr(gexf, "timeformat=\"date\""));
    CHECK(strstr(gexf, "start=\"2025-01-11\" end=\"2025-01-13\"") != NULL);
    CHECK(strstr(gexf, "label=\"Ben &amp; Jerry&apos;s &lt;&quot;Co&quot;&gt;\xEF\xBF\xBD\"") != NULL);
    CHECK(strstr(gexf, "ghost") == NULL);
    CHECK(strstr(gexf, "<attribute id=\"weight\" title=\"Weight\" type=\"double\"/>") != NULL);
    /* sorted by id: amp before peskov before putin */
    const char *a = strstr(gexf, "<node id=\"amp\""), *p = strstr(gexf, "<node id=\"peskov\""),
               *q = strstr(gexf, "<node id=\"putin\"");
    CHECK(a && p && q && a < p && p < q);
}

/* Runs PYTHON CHECK_GEXF_PY FILE; returns its exit status, 77 when it cannot run. */
static int run_python(const char *python, const char *script, const char *file)
{
    if (access(python, X_OK) != 0)
        return 77;
    pid_t pid = fork();
    if (pid < 0)
        return 1;
    if (pid == 0) {
        execl(python, python, script, file, (char *)NULL);
        _exit(77);
    }
    int status;
    if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status))
        return 1;
    return WEXITSTATUS(status);
}

int main(int argc, char **argv)
{
    ng_timeline *t = three_days();
    char *gexf = NULL;
    ng_error err;
    CHECK(ng_format_gexf(t, &gexf, &err) == 0);
    int python_rc = 77;
    if (gexf) {
        test_gexf_text(gexf);
        fprintf(stderr, "%s test_gexf_text\n", ng_check_failures ? "FAIL" : "ok  ");
        char path[] = "/tmp/ng_test_gexf_XXXXXX";
        int fd = mkstemp(path);
        CHECK(fd >= 0);
        if (fd >= 0) {
            size_t n = strlen(gexf);
            CHECK(write(fd, gexf, n) == (ssize_t)n);
            close(fd);
            if (argc >= 3)
                python_rc = run_python(argv[1], argv[2], path);
            CHECK(python_rc == 0 || python_rc == 77);
            fprintf(stderr, "%s networkx read_gexf\n",
                    python_rc == 0 ? "ok  " : python_rc == 77 ? "skip" : "FAIL");
            unlink(path);
        }
    }
    /* An empty timeline is still a valid, empty dynamic graph. */
    ng_timeline *empty = ng_timeline_new();
    char *e = NULL;
    CHECK(ng_format_gexf(empty, &e, NULL) == 0);
    CHECK(e && strstr(e, "<nodes>\n    </nodes>") != NULL);
    free(e);
    ng_timeline_free(empty);
    free(gexf);
    ng_timeline_free(t);
    if (ng_check_failures)
        return 1;
    return python_rc == 77 ? 77 : 0;
}
