/* fuzz_html.c - HTML ingestion: gumbo, text extraction, furniture removal.
 *
 * The same promises as plain text (fuzz_check.h), for whatever tag soup
 * reaches ng_doc_from_memory with is_html set: deep nesting, unclosed
 * tags, entities for NUL or beyond U+10FFFF, scripts and comments. */
#include "fuzz_check.h"

#include "newsgraph/ingest.h"

#include <stdint.h>

static const ng_furniture *furniture(void)
{
    static ng_furniture *f;
    if (!f) {
        ng_error err;
        if (ng_furniture_load(NULL, &f, &err) != 0) {
            fprintf(stderr, "fuzz_html: %s\n", err.message);
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
    int rc = ng_doc_from_memory("fuzz.html", (const char *)data, size, 1, &opt, &doc, &err);
    if (rc != 0) {
        fuzz_check_error(rc, &err);
        FUZZ_ASSERT(doc == NULL);
        return 0;
    }
    fuzz_check_doc(doc);
    FUZZ_ASSERT(doc->from_html);
    ng_doc_free(doc);
    return 0;
}
