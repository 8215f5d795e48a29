/* test_read_json.c - graph.json reading: a valid file, and one clear
 * NG_EINPUT per kind of malformed input. */
#include "check.h"
#include "newsgraph/graph.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static const char VALID[] =
    "{\"format\": \"newsgraph\", \"version\": 1,\n"
    " \"documents\": [{\"id\": \"d1\", \"date\": \"2025-01-13\", \"title\": null}],\n"
    " \"nodes\": [{\"id\": \"b\", \"label\": \"B\", \"type\": \"place\", \"aliases\": [],\n"
    "              \"mentions\": 2, \"documents\": [\"d1\"]},\n"
    "            {\"id\": \"a\", \"label\": \"A\", \"type\": \"person\", \"aliases\": [\"Ay\"],\n"
    "             \"mentions\": 14, \"documents\": [\"d1\"], \"extra\": {\"ignored\": true}}],\n"
    " \"edges\": [{\"source\": \"a\", \"target\": \"b\", \"relation\": \"said\", \"weight\": 3,\n"
    "             \"evidence\": [{\"document\": \"d1\", \"cue\": \"wrote\", \"quote\": \"q2\",\n"
    "                           \"start\": 50, \"end\": 60},\n"
    "                          {\"document\": \"d1\", \"cue\": \"said\", \"quote\": \"q1\",\n"
    "                           \"start\": 10, \"end\": 20, \"direct\": false}]}]}\n";

static void test_valid_graph_is_loaded_and_sorted(void)
{
    ng_graph *g = NULL;
    ng_error err = {0};
    CHECK(ng_graph_parse_json("g.json", VALID, sizeof VALID - 1, &g, &err) == 0);
    if (!g)
        return;
    CHECK(g->ndocs == 1 && g->nnodes == 2 && g->nedges == 1);
    CHECK_STR(g->nodes[0].id, "a");
    CHECK(g->nodes[0].mentions == 14 && g->nodes[0].naliases == 1);
    CHECK(g->docs[0].title == NULL);
    CHECK_STR(g->docs[0].date, "2025-01-13");
    CHECK(g->edges[0].source == 0 && g->edges[0].target == 1);
    CHECK(g->edges[0].weight == 3 && g->edges[0].nevidence == 2);
    CHECK_STR(g->edges[0].evidence[0].quote, "q1");
    CHECK(g->edges[0].evidence[0].direct == 0 && g->edges[0].evidence[1].direct == 1);
    ng_graph_free(g);
}

static void test_directory_means_graph_json_inside(void)
{
    char dir[] = "/tmp/ng-read-json-XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    char file[64];
    snprintf(file, sizeof file, "%s/graph.json", dir);
    FILE *f = fopen(file, "w");
    fputs(VALID, f);
    fclose(f);
    ng_graph *g = NULL;
    CHECK(ng_graph_read_json(dir, &g, NULL) == 0);
    CHECK(g && g->nnodes == 2);
    ng_graph_free(g);
    ng_error err = {0};
    char missing[80];
    snprintf(missing, sizeof missing, "%s/nope.json", dir);
    CHECK(ng_graph_read_json(missing, &g, &err) == NG_EINPUT);
    CHECK(strstr(err.message, "nope.json") != NULL);
    unlink(file);
    rmdir(dir);
}

/* Each case: input, a word the message must contain. */
static const struct {
    const char *json, *expect;
} BAD[] = {
    {"", "malformed JSON at byte 0"},
    {"{\"format\": \"newsgraph\",\n \"version\": 1,", "line 2"},
    {"[1, 2]", "top level must be an object"},
    {"{\"format\": \"gexf\", \"version\": 1}", "\"format\" must be \"newsgraph\""},
    {"{\"format\": \"newsgraph\", \"version\": 2, \"documents\": [], \"nodes\": [], \"edges\": []}",
     "unsupported version 2"},
    {"{\"format\": \"newsgraph\", \"version\": 1, \"documents\": [], \"edges\": []}",
     "missing \"nodes\""},
    {"{\"format\": \"newsgraph\", \"version\": 1, \"documents\": [], \"nodes\": {}, \"edges\": []}",
     "\"nodes\" must be an array"},
    {"{\"format\": \"newsgraph\", \"version\": 1, \"documents\": [{\"date\": null}], \"nodes\": [],"
     " \"edges\": []}",
     "document 0: missing \"id\""},
    {"{\"format\": \"newsgraph\", \"version\": 1, \"documents\": [], \"nodes\": [{\"id\": \"a\","
     " \"label\": 5, \"type\": \"person\"}], \"edges\": []}",
     "node 0: \"label\" must be a string"},
    {"{\"format\": \"newsgraph\", \"version\": 1, \"documents\": [], \"nodes\": [{\"id\": \"a\","
     " \"label\": \"A\", \"type\": \"person\", \"mentions\": 1.5}], \"edges\": []}",
     "\"mentions\" must be a non-negative integer"},
    {"{\"format\": \"newsgraph\", \"version\": 1, \"documents\": [], \"nodes\": [{\"id\": \"a\","
     " \"label\": \"A\", \"type\": \"person\", \"aliases\": [1]}], \"edges\": []}",
     "\"aliases\" must hold strings"},
    {"{\"format\": \"newsgraph\", \"version\": 1, \"documents\": [], \"nodes\": [{\"id\": \"a\","
     " \"label\": \"A\", \"type\": \"person\"}, {\"id\": \"a\", \"label\": \"A\", \"type\": \"x\"}],"
     " \"edges\": []}",
     "node 1: duplicate node id \"a\""},
    {"{\"format\": \"newsgraph\", \"version\": 1, \"documents\": [], \"nodes\": [{\"id\": \"a\","
     " \"label\": \"A\", \"type\": \"person\"}], \"edges\": [{\"source\": \"a\", \"target\": \"zz\","
     " \"relation\": \"said\", \"weight\": 1}]}",
     "edge 0: unknown target node \"zz\""},
    {"{\"format\": \"newsgraph\", \"version\": 1, \"documents\": [], \"nodes\": [{\"id\": \"a\","
     " \"label\": \"A\", \"type\": \"person\"}], \"edges\": [{\"source\": \"a\", \"target\": \"a\","
     " \"relation\": \"said\", \"weight\": \"3\"}]}",
     "\"weight\" must be a positive number"},
    {"{\"format\": \"newsgraph\", \"version\": 1, \"documents\": [], \"nodes\": [{\"id\": \"a\","
     " \"label\": \"A\", \"type\": \"person\"}], \"edges\": [{\"source\": \"a\", \"target\": \"a\","
     " \"relation\": \"said\", \"weight\": 1, \"evidence\": [{\"document\": \"d\", \"quote\": \"q\","
     " \"start\": 9, \"end\": 2}]}]}",
     "\"end\" 2 is before \"start\" 9"},
    {"{\"format\": \"newsgraph\", \"version\": 1, \"documents\": [], \"nodes\": [{\"id\": \"a\","
     " \"label\": \"A\", \"type\": \"person\"}], \"edges\": [{\"source\": \"a\", \"target\": \"a\","
     " \"relation\": \"said\", \"weight\": 1}, {\"source\": \"a\", \"target\": \"a\","
     " \"relation\": \"said\", \"weight\": 1}]}",
     "edge 1: duplicate edge"},
    {"{\"format\": \"newsgraph\", \"version\": 1, \"documents\": [], \"nodes\": [], \"edges\": []} x",
     "malformed JSON at byte 81"},
};

static void test_malformed_inputs_are_clear_input_errors(void)
{
    for (size_t i = 0; i < sizeof BAD / sizeof BAD[0]; i++) {
        ng_graph *g = (ng_graph *)1;
        ng_error err = {0};
        int rc = ng_graph_parse_json("bad.json", BAD[i].json, strlen(BAD[i].json), &g, &err);
        CHECK(rc == NG_EINPUT && g == NULL);
        if (strncmp(err.message, "bad.json: ", 10) != 0 || !strstr(err.message, BAD[i].expect))
            fprintf(stderr, "case %zu: message \"%s\" lacks \"%s\"\n", i, err.message,
                    BAD[i].expect);
        CHECK(strstr(err.message, BAD[i].expect) != NULL);
    }
}

static void test_nul_byte_is_input_error(void)
{
    static const char buf[] = "{\"format\"\0: 1}";
    ng_graph *g = NULL;
    ng_error err = {0};
    CHECK(ng_graph_parse_json("nul.json", buf, sizeof buf - 1, &g, &err) == NG_EINPUT);
    CHECK(strstr(err.message, "NUL byte at offset 9") != NULL);
}

/* Every prefix of a valid file is malformed, and none may crash. */
static void test_truncated_files_never_crash(void)
{
    for (size_t n = 0; n + 1 < sizeof VALID - 1; n++) {
        ng_graph *g = NULL;
        int rc = ng_graph_parse_json("cut.json", VALID, n, &g, NULL);
        CHECK(rc == NG_EINPUT && g == NULL);
    }
}

int main(void)
{
    RUN(test_valid_graph_is_loaded_and_sorted);
    RUN(test_directory_means_graph_json_inside);
    RUN(test_malformed_inputs_are_clear_input_errors);
    RUN(test_nul_byte_is_input_error);
    RUN(test_truncated_files_never_crash);
    return CHECK_DONE();
}
