/* stages.c - time each stage of extraction on one thread, in one process.
 *
 *   newsgraph-bench-stages INPUT...
 *
 * The CLI figures in bench/results.md say how fast a whole run is; this
 * says where the time goes without a profiler: start-up (models and
 * furniture cues), ingest (read, decode, strip furniture), text (tokens
 * and sentences alone), extraction (mentions, coreference, statements;
 * includes its own text analysis), run-level resolution. Each document is
 * loaded once and then timed stage by stage, so the stages are comparable
 * on the same bytes. Times are CPU time of the process (the machine may be
 * shared; one thread, so it is the time of the stage). Prints one line per
 * stage: seconds, MB/s of input. */
#include "newsgraph/error.h"
#include "newsgraph/extract.h"
#include "newsgraph/ingest.h"
#include "newsgraph/resolve.h"
#include "newsgraph/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

/* CPU seconds of this (single-threaded) process. */
static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void row(const char *stage, double s, double mb, size_t docs)
{
    printf("%-28s %9.3f s %10.1f MB/s %10.0f docs/s\n", stage, s, s > 0 ? mb / s : 0.0,
           s > 0 ? (double)docs / s : 0.0);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s INPUT...\n", argv[0]);
        return 1;
    }
    ng_error err;
    ng_error_clear(&err);
    ng_models *models = NULL;
    ng_furniture *furniture = NULL;
    ng_resolver *resolver = NULL;
    ng_pathlist paths = {0};
    ng_extraction *ex = NULL;
    ng_doc **docv = NULL;
    int rc = 1;

    double t0 = now();
    if (ng_models_load(NULL, &models, &err) < 0 || ng_furniture_load(NULL, &furniture, &err) < 0)
        goto cleanup;
    double t_start = now() - t0;
    if (ng_inputs_expand((const char *const *)argv + 1, (size_t)argc - 1, &paths, &err) < 0)
        goto cleanup;
    ex = calloc(paths.count ? paths.count : 1, sizeof *ex);
    docv = calloc(paths.count ? paths.count : 1, sizeof *docv);
    if (!ex || !docv || ng_resolver_new(models, &resolver, &err) < 0)
        goto cleanup;

    ng_ingest_options io = {.furniture = furniture};
    double t_ingest = 0, t_text = 0, t_extract = 0, t_resolve = 0, mb = 0;
    size_t docs = 0;
    for (size_t i = 0; i < paths.count; i++) {
        ng_doc *doc = NULL;
        double a = now();
        if (ng_doc_load(paths.paths[i], &io, &doc, &err) < 0) {
            fprintf(stderr, "skipping: %s\n", err.message);
            ng_error_clear(&err);
            continue;
        }
        double b = now();
        docv[i] = doc; /* freed at cleanup, after the extraction that borrows it */
        ng_text text;
        if (ng_text_analyze(doc, &text, &err) < 0)
            goto cleanup;
        ng_text_free(&text);
        double c = now();
        if (ng_extract_document(models, doc, &ex[i], &err) < 0)
            goto cleanup;
        double d = now();
        if (ng_resolver_add(resolver, (uint32_t)i, &ex[i], &err) < 0)
            goto cleanup;
        t_resolve += now() - d;
        t_ingest += b - a;
        t_text += c - b;
        t_extract += d - c;
        mb += (double)doc->len / 1e6;
        docs++;
    }
    double e = now();
    if (ng_resolver_finish(resolver, &err) < 0)
        goto cleanup;
    t_resolve += now() - e;

    printf("%zu documents, %.2f MB\n", docs, mb);
    row("start-up (models, cues)", t_start, 0, 0);
    row("ingest (ng_doc_load)", t_ingest, mb, docs);
    row("text (ng_text_analyze)", t_text, mb, docs);
    row("extract (ng_extract_document)", t_extract, mb, docs);
    row("resolve (add + finish)", t_resolve, mb, docs);
    row("total without start-up", t_ingest + t_extract + t_resolve, mb, docs);
    rc = 0;
cleanup:
    if (rc)
        fprintf(stderr, "error: %s\n", err.message);
    for (size_t i = 0; ex && docv && i < paths.count; i++) {
        ng_extraction_free(&ex[i]);
        ng_doc_free(docv[i]);
    }
    free(ex);
    free(docv);
    ng_resolver_free(resolver);
    ng_pathlist_free(&paths);
    ng_furniture_free(furniture);
    ng_models_free(models);
    return rc;
}
