/* fuzz_extract.c - sentence splitting, tokens, mentions, coreference and
 * attribution on arbitrary text.
 *
 * Each input is loaded as a .txt document and run through
 * ng_extract_document with the models (gazetteers, cues, furniture)
 * loaded once. The results must hold together: tokens and sentences in
 * order and inside the body, mentions inside the text and sorted, every
 * entity, speaker and "about" index inside its array, no statement about
 * its own speaker. */
#include "fuzz_check.h"

#include "newsgraph/extract.h"
#include "newsgraph/ingest.h"
#include "newsgraph/text.h"

#include <stdint.h>

static const ng_models *models(void)
{
    static ng_models *m;
    if (!m) {
        ng_error err;
        if (ng_models_load(NULL, &m, &err) != 0) {
            fprintf(stderr, "fuzz_extract: %s\n", err.message);
            abort();
        }
    }
    return m;
}

static const ng_furniture *furniture(void)
{
    static ng_furniture *f;
    if (!f) {
        ng_error err;
        if (ng_furniture_load(NULL, &f, &err) != 0) {
            fprintf(stderr, "fuzz_extract: %s\n", err.message);
            abort();
        }
    }
    return f;
}

static void check_text(const ng_text *t, const ng_doc *doc)
{
    FUZZ_ASSERT(t->doc == doc);
    for (size_t i = 0; i < t->nparas; i++)
        FUZZ_ASSERT(t->paras[i].start <= t->paras[i].end && t->paras[i].end <= doc->len);
    for (size_t i = 0; i < t->nsentences; i++) {
        const ng_sentence *s = &t->sentences[i];
        FUZZ_ASSERT(s->start <= s->end && s->end <= doc->len);
        FUZZ_ASSERT(s->tok_begin <= s->tok_end && s->tok_end <= t->ntokens);
        FUZZ_ASSERT(s->para < t->nparas);
        if (i > 0) {
            FUZZ_ASSERT(t->sentences[i - 1].end <= s->start);
            FUZZ_ASSERT(t->sentences[i - 1].tok_end <= s->tok_begin);
        }
    }
    for (size_t i = 0; i < t->ntokens; i++) {
        const ng_token *k = &t->tokens[i];
        FUZZ_ASSERT(k->start < k->end && k->end <= doc->len);
        FUZZ_ASSERT(k->sentence < t->nsentences);
        const ng_sentence *s = &t->sentences[k->sentence];
        FUZZ_ASSERT(s->tok_begin <= i && i < s->tok_end);
        FUZZ_ASSERT(s->start <= k->start && k->end <= s->end);
        if (i > 0)
            FUZZ_ASSERT(t->tokens[i - 1].end <= k->start);
    }
}

static void check_extraction(const ng_extraction *ex, const ng_doc *doc)
{
    check_text(&ex->text, doc);
    for (size_t i = 0; i < ex->nmentions; i++) {
        const ng_mention *m = &ex->mentions[i];
        FUZZ_ASSERT(m->start < m->end && m->end <= doc->len);
        FUZZ_ASSERT(m->sentence < ex->text.nsentences);
        FUZZ_ASSERT(m->type < NG_TYPE_COUNT);
        FUZZ_ASSERT(m->kind <= NG_KIND_PRONOUN);
        FUZZ_ASSERT(m->entity >= -1 && m->entity < (int32_t)ex->nentities);
        if (i > 0)
            FUZZ_ASSERT(ex->mentions[i - 1].start <= m->start);
    }
    for (size_t i = 0; i < ex->nentities; i++) {
        const ng_local_entity *e = &ex->entities[i];
        FUZZ_ASSERT(e->type < NG_TYPE_COUNT);
        /* name is NULL for an actor known only by a descriptor ("the Kremlin
         * spokesman"); resolve.c relies on that. */
        if (e->name)
            FUZZ_ASSERT(fuzz_utf8_valid((const unsigned char *)e->name, strlen(e->name)));
        for (size_t a = 0; a < e->naliases; a++)
            FUZZ_ASSERT(e->aliases[a] != NULL);
        FUZZ_ASSERT(e->first_mention < ex->nmentions);
    }
    for (size_t i = 0; i < ex->nstatements; i++) {
        const ng_statement *s = &ex->statements[i];
        FUZZ_ASSERT(s->speaker >= -1 && s->speaker < (int32_t)ex->nentities);
        FUZZ_ASSERT(s->speaker_mention >= -1 && s->speaker_mention < (int32_t)ex->nmentions);
        FUZZ_ASSERT(s->source >= -1 && s->source < (int32_t)ex->nentities);
        FUZZ_ASSERT(s->cue_start <= s->cue_end && s->cue_end <= doc->len);
        FUZZ_ASSERT(s->quote_start <= s->quote_end && s->quote_end <= doc->len);
        FUZZ_ASSERT(s->cue != NULL && s->relation != NULL);
        FUZZ_ASSERT(s->nabout == 0 || s->about != NULL);
        for (uint32_t a = 0; a < s->nabout; a++) {
            FUZZ_ASSERT(s->about[a] >= 0 && s->about[a] < (int32_t)ex->nentities);
            FUZZ_ASSERT(s->about[a] != s->speaker);
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const ng_models *m = models();
    ng_ingest_options opt = {0};
    opt.furniture = furniture();
    ng_doc *doc = NULL;
    ng_error err;
    ng_error_clear(&err);
    if (ng_doc_from_memory("fuzz.txt", (const char *)data, size, 0, &opt, &doc, &err) != 0)
        return 0;
    ng_extraction ex;
    memset(&ex, 0, sizeof ex);
    int rc = ng_extract_document(m, doc, &ex, &err);
    if (rc == 0)
        check_extraction(&ex, doc);
    else
        fuzz_check_error(rc, &err);
    ng_extraction_free(&ex);
    ng_doc_free(doc);
    return 0;
}
