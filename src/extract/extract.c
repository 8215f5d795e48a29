/* extract.c - runs the extraction stages on one document and owns the
 * storage of their results (see include/newsgraph/extract.h). */
#include "newsgraph/extract.h"

#include "arena.h"
#include "datadir.h"
#include "stages.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

struct ng_extract_pool {
    ng_arena arena;
    uint32_t *word_ids; /* ng_extraction_keep_word_ids, or NULL */
    size_t nword_ids;
    uint32_t nwords;
};

const char *ng_entity_type_name(int type)
{
    switch (type) {
    case NG_TYPE_PERSON: return "person";
    case NG_TYPE_ORG: return "organization";
    case NG_TYPE_PLACE: return "place";
    default: return "unknown";
    }
}

const char *ng_mention_kind_name(int kind)
{
    switch (kind) {
    case NG_KIND_NAME: return "name";
    case NG_KIND_DEMONYM: return "demonym";
    case NG_KIND_DESCRIPTOR: return "descriptor";
    case NG_KIND_PRONOUN: return "pronoun";
    default: return "name";
    }
}

int ng_models_load(const char *data_dir, ng_models **out, ng_error *err)
{
    int rc = NG_ENOMEM;
    const char *dir = ng_data_dir(data_dir);
    ng_models *m = calloc(1, sizeof *m);
    if (!m) {
        ng_error_set(err, NG_ENOMEM, "out of memory loading models");
        goto cleanup;
    }
    struct stat st;
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
        /* a directory the user named is bad usage; a missing built-in one is our fault */
        rc = ng_error_set(err, data_dir ? NG_EUSAGE : NG_EINTERNAL,
                          "%s: data directory not found (set NEWSGRAPH_DATA or --data)", dir);
        goto cleanup;
    }
    if ((rc = ng_gazetteer_load(dir, &m->gazetteer, err)) < 0)
        goto cleanup;
    if ((rc = ng_cues_load(dir, &m->cues, err)) < 0)
        goto cleanup;
    *out = m;
    return 0;
cleanup:
    ng_models_free(m);
    return rc;
}

void ng_models_free(ng_models *m)
{
    if (!m)
        return;
    ng_gazetteer_free(m->gazetteer);
    ng_cues_free(m->cues);
    free(m);
}

int ng_extraction_init(ng_extraction *ex, const ng_doc *doc)
{
    memset(ex, 0, sizeof *ex);
    ex->doc = doc;
    ex->pool = calloc(1, sizeof *ex->pool);
    if (!ex->pool)
        return NG_ENOMEM;
    ng_arena_init(&ex->pool->arena);
    return 0;
}

int ng_extract_document(const ng_models *models, const ng_doc *doc, ng_extraction *out,
                        ng_error *err)
{
    int rc;
    if (ng_extraction_init(out, doc) < 0)
        return ng_error_set(err, NG_ENOMEM, "%s: out of memory", doc->path);
    if ((rc = ng_text_analyze(doc, &out->text, err)) < 0)
        return rc;
    if ((rc = ng_mentions_find(models->gazetteer, out, err)) < 0)
        return rc;
    if ((rc = ng_coref_document(models->gazetteer, out, err)) < 0)
        return rc;
    if ((rc = ng_statements_find(models->cues, models->gazetteer, out, err)) < 0)
        return rc;
    return 0;
}

void ng_extraction_free(ng_extraction *ex)
{
    if (!ex)
        return;
    ng_text_free(&ex->text);
    free(ex->mentions);
    free(ex->entities);
    free(ex->statements);
    if (ex->pool) {
        ng_extraction_drop_word_ids(ex);
        ng_arena_free(&ex->pool->arena);
        free(ex->pool);
    }
    memset(ex, 0, sizeof *ex);
}

/* Grows *arr (element size elem) to hold one more; returns 0 or NG_ENOMEM. */
static int reserve_one(void **arr, size_t *cap, size_t count, size_t elem)
{
    if (count < *cap)
        return 0;
    size_t ncap = *cap ? *cap * 2 : 32;
    void *p = realloc(*arr, ncap * elem);
    if (!p)
        return NG_ENOMEM;
    *arr = p;
    *cap = ncap;
    return 0;
}

int ng_extraction_add_mention(ng_extraction *ex, const ng_mention *m)
{
    if (reserve_one((void **)&ex->mentions, &ex->mentions_cap, ex->nmentions, sizeof *m))
        return NG_ENOMEM;
    ex->mentions[ex->nmentions] = *m;
    return (int)ex->nmentions++;
}

int ng_extraction_add_entity(ng_extraction *ex, const ng_local_entity *e)
{
    if (reserve_one((void **)&ex->entities, &ex->entities_cap, ex->nentities, sizeof *e))
        return NG_ENOMEM;
    ex->entities[ex->nentities] = *e;
    return (int)ex->nentities++;
}

int ng_extraction_add_statement(ng_extraction *ex, const ng_statement *s)
{
    if (reserve_one((void **)&ex->statements, &ex->statements_cap, ex->nstatements, sizeof *s))
        return NG_ENOMEM;
    ex->statements[ex->nstatements] = *s;
    return (int)ex->nstatements++;
}

const char *ng_extraction_strdup(ng_extraction *ex, const char *s, size_t n)
{
    return ng_arena_strndup(&ex->pool->arena, s, n);
}

void *ng_extraction_alloc(ng_extraction *ex, size_t size)
{
    return ng_arena_alloc(&ex->pool->arena, size);
}

void ng_extraction_keep_word_ids(ng_extraction *ex, const uint32_t *wid, size_t ntok,
                                 uint32_t nwords)
{
    ng_extraction_drop_word_ids(ex);
    if (!ex->pool || !ntok || !(ex->pool->word_ids = malloc(ntok * sizeof *wid)))
        return;
    memcpy(ex->pool->word_ids, wid, ntok * sizeof *wid);
    ex->pool->nword_ids = ntok;
    ex->pool->nwords = nwords;
}

const uint32_t *ng_extraction_word_ids(const ng_extraction *ex, size_t ntok, uint32_t *nwords)
{
    if (!ex->pool || !ex->pool->word_ids || ex->pool->nword_ids != ntok)
        return NULL;
    *nwords = ex->pool->nwords;
    return ex->pool->word_ids;
}

void ng_extraction_drop_word_ids(ng_extraction *ex)
{
    if (!ex->pool)
        return;
    free(ex->pool->word_ids);
    ex->pool->word_ids = NULL;
    ex->pool->nword_ids = 0;
    ex->pool->nwords = 0;
}
