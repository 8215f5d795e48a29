/* test_graph_json_round_trip.c - graph.json read and written back is a
 * fixed point; a file with invalid UTF-8 is refused, not half-repaired
 * (found by fuzz_graph_json). */
#include "check.h"

#include "newsgraph/export.h"
#include "newsgraph/graph.h"

#include <stdlib.h>

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = malloc(1 << 20);
    *len = buf ? fread(buf, 1, 1 << 20, f) : 0;
    fclose(f);
    return buf;
}

/* Found by fuzz_graph_json: ids with invalid UTF-8 were kept as is by the
 * reader and repaired (U+FFFD) by the writer, so documents swapped places
 * between the first and second write. The reader now refuses such a file,
 * naming it and the offset of the first bad byte. */
static void test_invalid_utf8_ids_are_refused_with_file_and_offset(void)
{
    size_t len;
    char *in = read_all(NG_TEST_DATA "/graph_json_invalid_utf8_ids.json", &len);
    CHECK(in != NULL);
    if (!in)
        return;
    ng_error err;
    ng_graph *g = NULL;
    int rc = ng_graph_parse_json("graph_json_invalid_utf8_ids.json", in, len, &g, &err);
    CHECK(rc == NG_EINPUT);
    CHECK(g == NULL);
    CHECK(strstr(err.message, "graph_json_invalid_utf8_ids.json") != NULL);
    CHECK(strstr(err.message, "UTF-8") != NULL);
    CHECK(strstr(err.message, "byte 190") != NULL);
    ng_graph_free(g);
    free(in);
}

/* Valid UTF-8, also written as \u escapes (a surrogate pair included),
 * reads and writes back to a fixed point. */
static void test_escaped_and_raw_utf8_round_trip_to_a_fixed_point(void)
{
    static const char in[] =
        "{\"format\":\"newsgraph\",\"version\":1,"
        "\"documents\":[{\"id\":\"b/\\u00e9t\\ud83d\\ude00.txt\",\"date\":null,\"title\":null},"
        "{\"id\":\"a/\xc3\xa9t\xc3\xa9.txt\",\"date\":\"2025-01-13\",\"title\":\"Caf\xc3\xa9\"}],"
        "\"nodes\":[{\"id\":\"zoe\",\"label\":\"Zo\\u00eb\",\"type\":\"person\",\"aliases\":[],"
        "\"mentions\":1,\"documents\":[\"a/\xc3\xa9t\xc3\xa9.txt\"]}],\"edges\":[]}";
    ng_error err;
    ng_graph *g = NULL, *again = NULL;
    char *first = NULL, *second = NULL;
    int rc = ng_graph_parse_json("escaped.json", in, sizeof in - 1, &g, &err);
    CHECK(rc == 0);
    if (rc != 0) {
        fprintf(stderr, "%s\n", err.message);
        return;
    }
    CHECK(ng_format_graph_json(g, NULL, &first, &err) == 0);
    CHECK(first && ng_graph_parse_json("first.json", first, strlen(first), &again, &err) == 0);
    CHECK(again && ng_format_graph_json(again, NULL, &second, &err) == 0);
    CHECK(first && second);
    if (first && second)
        CHECK_STR(first, second);
    CHECK(first && strstr(first, "Zo\xc3\xab") != NULL);
    free(second);
    free(first);
    ng_graph_free(again);
    ng_graph_free(g);
}

int main(void)
{
    RUN(test_invalid_utf8_ids_are_refused_with_file_and_offset);
    RUN(test_escaped_and_raw_utf8_round_trip_to_a_fixed_point);
    return CHECK_DONE();
}
