/* fuzz_jsonl_extract.c - `build --from-extract`: extract's JSON Lines read
 * back into documents and extractions, then resolved across documents.
 *
 * The records come from other machines (the map step of a sharded run), so
 * every offset and index in them is outside input. ng_jsonl_read_extract
 * must skip what it cannot use, and what it passes on must be safe for
 * the resolver: local-entity indices inside their arrays, statements
 * never about their own speaker. The resolver then runs over everything
 * that was read, as `build --from-extract` does. */
#include "fuzz_check.h"
#include "fuzz_file.h"

#include "corpus_internal.h" /* src/pipeline: the reader is private to the pipeline */
#include "newsgraph/extract.h"
#include "newsgraph/resolve.h"

#include <stdint.h>

#define MAX_DOCS 64

typedef struct read_docs {
    ng_doc *docs[MAX_DOCS];
    ng_extraction ex[MAX_DOCS];
    size_t n;
} read_docs;

static const ng_models *models(void)
{
    static ng_models *m;
    if (!m) {
        ng_error err;
        if (ng_models_load(NULL, &m, &err) != 0) {
            fprintf(stderr, "fuzz_jsonl_extract: %s\n", err.message);
            abort();
        }
    }
    return m;
}

static void check_record(const ng_doc *doc, const ng_extraction *ex)
{
    FUZZ_ASSERT(doc != NULL && doc->path != NULL && doc->text != NULL);
    FUZZ_ASSERT(ex != NULL && ex->doc == doc);
    for (size_t i = 0; i < ex->nmentions; i++) {
        const ng_mention *m = &ex->mentions[i];
        FUZZ_ASSERT(m->type < NG_TYPE_COUNT && m->kind <= NG_KIND_PRONOUN);
        FUZZ_ASSERT(m->entity >= -1 && m->entity < (int32_t)ex->nentities);
    }
    for (size_t i = 0; i < ex->nentities; i++)
        FUZZ_ASSERT(ex->entities[i].type < NG_TYPE_COUNT);
    for (size_t i = 0; i < ex->nstatements; i++) {
        const ng_statement *s = &ex->statements[i];
        FUZZ_ASSERT(s->speaker >= -1 && s->speaker < (int32_t)ex->nentities);
        FUZZ_ASSERT(s->source >= -1 && s->source < (int32_t)ex->nentities);
        FUZZ_ASSERT(s->speaker_mention >= -1 && s->speaker_mention < (int32_t)ex->nmentions);
        for (uint32_t a = 0; a < s->nabout; a++)
            FUZZ_ASSERT(s->about[a] >= 0 && s->about[a] < (int32_t)ex->nentities);
    }
}

static int sink(void *ctx, ng_doc *doc, ng_extraction *ex, ng_error *err)
{
    (void)err;
    read_docs *r = ctx;
    FUZZ_ASSERT(ex != NULL);
    check_record(doc, ex);
    if (r->n == MAX_DOCS) {
        ng_extraction_free(ex);
        ng_doc_free(doc);
        return 0;
    }
    r->docs[r->n] = doc;
    r->ex[r->n] = *ex;
    r->ex[r->n].doc = doc;
    r->n++;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const ng_models *m = models();
    const char *path = fuzz_file_write(data, size);
    static read_docs r;
    r.n = 0;
    ng_run_options opt;
    memset(&opt, 0, sizeof opt);
    opt.jobs = 1;
    opt.quiet = 1;
    opt.from_extract = 1;
    ng_error err;
    ng_error_clear(&err);
    int rc = ng_jsonl_read_extract(path, &opt, sink, &r, &err);
    if (rc != 0)
        fuzz_check_error(rc, &err);

    ng_resolver *res = NULL;
    if (ng_resolver_new(m, &res, &err) == 0) {
        int ok = 1;
        for (size_t i = 0; i < r.n && ok; i++)
            ok = ng_resolver_add(res, (uint32_t)i, &r.ex[i], &err) == 0;
        if (ok && ng_resolver_finish(res, &err) == 0) {
            size_t nactors = ng_resolver_actor_count(res);
            for (size_t i = 0; i < nactors; i++) {
                const ng_actor *a = ng_resolver_actor(res, i);
                FUZZ_ASSERT(a != NULL && a->id != NULL && a->label != NULL);
                FUZZ_ASSERT(a->type >= 0 && a->type < NG_TYPE_COUNT);
                if (i > 0)
                    FUZZ_ASSERT(strcmp(ng_resolver_actor(res, i - 1)->id, a->id) < 0);
                FUZZ_ASSERT(a->ndocs >= 1 && a->ndocs <= r.n);
            }
            for (size_t i = 0; i < r.n; i++)
                for (size_t e = 0; e < r.ex[i].nentities; e++) {
                    int32_t a = ng_resolver_actor_of(res, (uint32_t)i, (int32_t)e);
                    FUZZ_ASSERT(a >= -1 && a < (int32_t)nactors);
                }
        }
        ng_resolver_free(res);
    }
    for (size_t i = 0; i < r.n; i++) {
        ng_extraction_free(&r.ex[i]);
        ng_doc_free(r.docs[i]);
    }
    return 0;
}
