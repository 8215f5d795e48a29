/* test_graph_json_round_trip.c - graph.json read and written back is a
 * fixed point, also for files the reader had to accept with bad bytes.
 *
 * Found by fuzz_graph_json: document ids with invalid UTF-8 are kept as
 * is by ng_graph_parse_json and repaired (U+FFFD) by the writer, so the
 * first write sorts the raw bytes and the second the repaired ones: the
 * documents swap places. The reader should refuse invalid UTF-8 (with
 * file and offset) or repair it while reading. */
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

static void test_invalid_utf8_ids_read_and_written_twice_give_the_same_bytes(void)
{
    size_t len;
    char *in = read_all(NG_TEST_DATA "/graph_json_invalid_utf8_ids.json", &len);
    CHECK(in != NULL);
    if (!in)
        return;
    ng_error err;
    ng_graph *g = NULL, *again = NULL;
    char *first = NULL, *second = NULL;
    int rc = ng_graph_parse_json("graph_json_invalid_utf8_ids.json", in, len, &g, &err);
    if (rc == NG_EINPUT) {
        /* refusing is fine too, with a message that names the file */
        CHECK(strstr(err.message, "graph_json_invalid_utf8_ids.json") != NULL);
        free(in);
        return;
    }
    CHECK(rc == 0);
    CHECK(ng_format_graph_json(g, NULL, &first, &err) == 0);
    CHECK(first && ng_graph_parse_json("first.json", first, strlen(first), &again, &err) == 0);
    CHECK(again && ng_format_graph_json(again, NULL, &second, &err) == 0);
    CHECK_STR(first, second);
    free(second);
    free(first);
    ng_graph_free(again);
    ng_graph_free(g);
    free(in);
}

int main(void)
{
    RUN(test_invalid_utf8_ids_read_and_written_twice_give_the_same_bytes);
    return CHECK_DONE();
}
