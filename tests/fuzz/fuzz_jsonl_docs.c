/* fuzz_jsonl_docs.c - `--jsonl`: documents as JSON Lines
 * {"id","date","text"[,"title"][,"html":true]}, one per line.
 *
 * Each line goes through cJSON and then ng_doc_from_memory; bad lines are
 * warned about and skipped, never the end of the run. What reaches the
 * sink must keep the promises of ingest.h (fuzz_check.h). */
#include "fuzz_check.h"
#include "fuzz_file.h"

#include "corpus_internal.h" /* src/pipeline: the reader is private to the pipeline */

#include <stdint.h>

static const ng_furniture *furniture(void)
{
    static ng_furniture *f;
    if (!f) {
        ng_error err;
        if (ng_furniture_load(NULL, &f, &err) != 0) {
            fprintf(stderr, "fuzz_jsonl_docs: %s\n", err.message);
            abort();
        }
    }
    return f;
}

static int sink(void *ctx, ng_doc *doc, ng_extraction *ex, ng_error *err)
{
    (void)err;
    FUZZ_ASSERT(ex == NULL);
    fuzz_check_doc(doc);
    (*(size_t *)ctx)++;
    ng_doc_free(doc);
    return 0;
}

static void count_warning(void *ctx, const char *msg)
{
    FUZZ_ASSERT(msg != NULL && msg[0] != '\0');
    (*(size_t *)ctx)++;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *path = fuzz_file_write(data, size);
    size_t docs = 0, warnings = 0;
    ng_run_options opt;
    memset(&opt, 0, sizeof opt);
    opt.jobs = 1;
    opt.jsonl = 1;
    opt.warn = count_warning;
    opt.warn_ctx = &warnings;
    ng_ingest_options ingest = {0};
    ingest.furniture = furniture();
    ingest.warn = count_warning;
    ingest.warn_ctx = &warnings;
    ng_error err;
    ng_error_clear(&err);
    int rc = ng_jsonl_read_documents(path, &opt, &ingest, sink, &docs, &err);
    if (rc != 0)
        fuzz_check_error(rc, &err);
    return 0;
}
