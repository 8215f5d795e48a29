/* fuzz_ingest.c - plain-text ingestion with page-furniture removal.
 *
 * Any bytes a scraper could hand us go through ng_doc_from_memory as a
 * .txt document, with the furniture cues (data/furniture.txt) compiled
 * once. Besides not crashing, a loaded document keeps the promises of
 * ingest.h (fuzz_check.h), and valid UTF-8 comes back verbatim, with
 * NUL bytes turned into spaces, so offsets are offsets into the file. */
#include "fuzz_check.h"

#include "newsgraph/ingest.h"

#include <stdint.h>

static const ng_furniture *furniture(void)
{
    static ng_furniture *f;
    if (!f) {
        ng_error err;
        if (ng_furniture_load(NULL, &f, &err) != 0) {
            fprintf(stderr, "fuzz_ingest: %s\n", err.message);
            abort();
        }
    }
    return f;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ng_ingest_options opt = {0};
    opt.furniture = furniture();
    ng_doc *doc = NULL;
    ng_error err;
    ng_error_clear(&err);
    int rc = ng_doc_from_memory("fuzz.txt", (const char *)data, size, 0, &opt, &doc, &err);
    if (rc != 0) {
        fuzz_check_error(rc, &err);
        FUZZ_ASSERT(doc == NULL);
        return 0;
    }
    fuzz_check_doc(doc);
    FUZZ_ASSERT(!doc->from_html);
    if (fuzz_utf8_valid(data, size)) {
        FUZZ_ASSERT(doc->len == size);
        for (size_t i = 0; i < size; i++)
            FUZZ_ASSERT(doc->text[i] == (data[i] ? (char)data[i] : ' '));
    }
    ng_doc_free(doc);
    return 0;
}
