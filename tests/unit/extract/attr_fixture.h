/* attr_fixture.h - a hand-made document for the attribution tests: real
 * text analysis, hand-placed mentions and entities (so these tests do not
 * depend on the mention finder), then ng_statements_find with the real
 * cue lexicon and gazetteer from the source tree's data/. */
#ifndef NG_TEST_ATTR_FIXTURE_H
#define NG_TEST_ATTR_FIXTURE_H

#include "check.h"
#include "ng_config.h"
#include "stages.h"

#include <stdlib.h>
#include <string.h>

static ng_cues *fx_cues;
static ng_gazetteer *fx_gaz;

typedef struct fx {
    ng_doc doc;
    ng_span body;
    ng_extraction ex;
} fx;

static inline void fx_load_models(void)
{
    ng_error err;
    if (ng_cues_load(NG_SOURCE_DATA_DIR, &fx_cues, &err) < 0 ||
        ng_gazetteer_load(NG_SOURCE_DATA_DIR, &fx_gaz, &err) < 0) {
        fprintf(stderr, "cannot load models: %s\n", err.message);
        exit(2);
    }
}

static inline void fx_free_models(void)
{
    ng_cues_free(fx_cues);
    ng_gazetteer_free(fx_gaz);
}

static inline void fx_open(fx *f, const char *text)
{
    memset(f, 0, sizeof *f);
    f->doc.path = "test";
    f->doc.text = strdup(text);
    f->doc.len = strlen(text);
    f->body.start = 0;
    f->body.end = (uint32_t)f->doc.len;
    f->doc.body = &f->body;
    f->doc.nbody = 1;
    ng_extraction_init(&f->ex, &f->doc);
    ng_text_analyze(&f->doc, &f->ex.text, NULL);
}

static inline void fx_close(fx *f)
{
    ng_extraction_free(&f->ex);
    free(f->doc.text);
}

/* A local entity named name; given is the given name (for genders) or NULL. */
static inline int fx_entity(fx *f, const char *name, int type, const char *given)
{
    ng_local_entity e;
    memset(&e, 0, sizeof e);
    e.type = (uint8_t)type;
    e.name = name;
    e.given = given;
    return ng_extraction_add_entity(&f->ex, &e);
}

/* A mention of the nth (0-based) occurrence of s, resolved to entity. */
static inline void fx_mention(fx *f, const char *s, int nth, int type, int kind, int entity)
{
    const char *p = f->doc.text;
    for (int k = 0; p && k <= nth; k++) {
        p = strstr(k ? p + 1 : p, s);
    }
    if (!p) {
        fprintf(stderr, "fixture: \"%s\" not found\n", s);
        exit(2);
    }
    ng_mention m;
    memset(&m, 0, sizeof m);
    m.start = (uint32_t)(p - f->doc.text);
    m.end = m.start + (uint32_t)strlen(s);
    m.type = (uint8_t)type;
    m.kind = (uint8_t)kind;
    m.entity = entity;
    for (size_t t = 0; t < f->ex.text.ntokens; t++)
        if (f->ex.text.tokens[t].start <= m.start && f->ex.text.tokens[t].end > m.start)
            m.sentence = f->ex.text.tokens[t].sentence;
    ng_extraction_add_mention(&f->ex, &m);
}

static inline int fx_by_start(const void *x, const void *y)
{
    const ng_mention *a = x, *b = y;
    return a->start < b->start ? -1 : a->start > b->start;
}

static inline void fx_run(fx *f)
{
    ng_error err;
    if (f->ex.nmentions)
        qsort(f->ex.mentions, f->ex.nmentions, sizeof *f->ex.mentions, fx_by_start);
    CHECK(ng_statements_find(fx_cues, fx_gaz, &f->ex, &err) == 0);
}

/* The i-th statement's quoted words or reported clause (static buffer). */
static inline const char *fx_quote(const fx *f, size_t i)
{
    static char buf[1024];
    const ng_statement *s = &f->ex.statements[i];
    size_t n = s->quote_end - s->quote_start;
    if (n >= sizeof buf)
        n = sizeof buf - 1;
    memcpy(buf, f->doc.text + s->quote_start, n);
    buf[n] = '\0';
    return buf;
}

static inline int fx_about(const fx *f, size_t i, int entity)
{
    const ng_statement *s = &f->ex.statements[i];
    for (uint32_t k = 0; k < s->nabout; k++)
        if (s->about[k] == entity)
            return 1;
    return 0;
}

/* Number of statements whose speaker is entity. */
static inline size_t fx_count_by(const fx *f, int entity)
{
    size_t n = 0;
    for (size_t i = 0; i < f->ex.nstatements; i++)
        n += f->ex.statements[i].speaker == entity;
    return n;
}

#endif
