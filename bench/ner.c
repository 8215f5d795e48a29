/* ner.c - speed of mention finding alone, on one thread.
 *
 *   newsgraph-bench-ner [-r REPEAT] INPUT...
 *
 * Reports gazetteer start-up (loading data/gazetteer/) apart from mention
 * finding itself. Every document is ingested and tokenised first, outside
 * the timing; then ng_mentions_find runs REPEAT times (default 3) over all
 * of them and the best round counts, so a noisy neighbour on the shared
 * cores does not decide the figure. MB/s is of document bytes. */
#include "newsgraph/error.h"
#include "newsgraph/extract.h"
#include "newsgraph/ingest.h"
#include "newsgraph/text.h"
#include "datadir.h"
#include "stages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double cpu_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    int reps = 3, first = 1, rc = 1;
    if (argc > 2 && strcmp(argv[1], "-r") == 0) {
        reps = atoi(argv[2]);
        first = 3;
    }
    if (argc <= first || reps < 1) {
        fprintf(stderr, "usage: %s [-r REPEAT] INPUT...\n", argv[0]);
        return 1;
    }
    ng_error err = {0};
    ng_gazetteer *gaz = NULL;
    ng_pathlist list = {0};
    ng_doc **docs = NULL;
    ng_extraction *ex = NULL;
    size_t ndocs = 0, bytes = 0;

    double t0 = cpu_now();
    if (ng_gazetteer_load(ng_data_dir(NULL), &gaz, &err) < 0)
        goto cleanup;
    double startup = cpu_now() - t0;

    if (ng_inputs_expand((const char *const *)argv + first, (size_t)(argc - first), &list, &err) < 0)
        goto cleanup;
    docs = calloc(list.count, sizeof *docs);
    ex = calloc(list.count, sizeof *ex);
    if (!docs || !ex)
        goto cleanup;
    for (size_t i = 0; i < list.count; i++) {
        if (ng_doc_load(list.paths[i], NULL, &docs[i], &err) < 0)
            goto cleanup;
        ndocs++;
        if (ng_extraction_init(&ex[i], docs[i]) < 0 || ng_text_analyze(docs[i], &ex[i].text, &err) < 0)
            goto cleanup;
        bytes += docs[i]->len;
    }
    double best = -1;
    size_t mentions = 0;
    for (int r = 0; r < reps; r++) {
        mentions = 0;
        double t = cpu_now();
        for (size_t i = 0; i < ndocs; i++) {
            ex[i].nmentions = 0;
            if (ng_mentions_find(gaz, &ex[i], &err) < 0)
                goto cleanup;
            mentions += ex[i].nmentions;
        }
        t = cpu_now() - t;
        if (best < 0 || t < best)
            best = t;
    }
    printf("gazetteer start-up        %8.1f ms\n", startup * 1e3);
    printf("mention finding           %8.3f s  %8.1f MB/s  (%zu docs, %.1f MB, %zu mentions)\n", best,
           best > 0 ? (double)bytes / 1e6 / best : 0.0, ndocs, (double)bytes / 1e6, mentions);
    rc = 0;
cleanup:
    if (rc)
        fprintf(stderr, "%s\n", err.message[0] ? err.message : "out of memory");
    for (size_t i = 0; i < ndocs; i++) {
        ng_extraction_free(&ex[i]);
        ng_doc_free(docs[i]);
    }
    free(ex);
    free(docs);
    ng_pathlist_free(&list);
    ng_gazetteer_free(gaz);
    return rc;
}
