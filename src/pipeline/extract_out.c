/* extract_out.c - the `extract` JSON Lines: one object per document with
 * its resolved mentions and statements (spec: ../shared/spec/interfaces.md).
 * Written by hand into one buffer per document: a cJSON tree per record
 * would cost more than the extraction itself, and so would printf (numbers
 * go through ng_strbuf_put_int, fixed fragments through puts). */
#include "corpus_internal.h"

#include "jsonw.h"
#include "strbuf.h"

#include <string.h>

/* One document being written, and the resolver that names its actors. */
typedef struct record {
    const ng_doc *doc;
    const ng_extraction *ex;
    const ng_resolver *r;
    uint32_t rdoc; /* the document's index in r */
} record;

/* Node id of local entity e, or NULL when unresolved. */
static const char *entity_id(const record *rec, int32_t e)
{
    if (e < 0 || (size_t)e >= rec->ex->nentities)
        return NULL;
    int32_t a = ng_resolver_actor_of(rec->r, rec->rdoc, e);
    return a < 0 ? NULL : ng_resolver_actor(rec->r, (size_t)a)->id;
}

static int put_id_or_null(ng_strbuf *b, const char *id)
{
    return id ? ng_json_put_string(b, id, strlen(id)) : ng_strbuf_puts(b, "null");
}

static int put_entities(ng_strbuf *b, const record *rec)
{
    const ng_extraction *ex = rec->ex;
    const char *text = rec->doc->text;
    int rc = ng_strbuf_puts(b, "\"entities\":[");
    int first = 1;
    for (size_t m = 0; m < ex->nmentions && !rc; m++) {
        const ng_mention *mn = &ex->mentions[m];
        const char *id = entity_id(rec, mn->entity);
        if (!id)
            continue;
        rc |= ng_strbuf_puts(b, first ? "{\"id\":" : ",{\"id\":");
        first = 0;
        rc |= ng_json_put_string(b, id, strlen(id));
        rc |= ng_strbuf_puts(b, ",\"type\":\"");
        rc |= ng_strbuf_puts(b, ng_entity_type_name(mn->type));
        rc |= ng_strbuf_puts(b, "\",\"kind\":\"");
        rc |= ng_strbuf_puts(b, ng_mention_kind_name(mn->kind));
        rc |= ng_strbuf_puts(b, "\",\"start\":");
        rc |= ng_strbuf_put_int(b, mn->start);
        rc |= ng_strbuf_puts(b, ",\"end\":");
        rc |= ng_strbuf_put_int(b, mn->end);
        rc |= ng_strbuf_puts(b, ",\"text\":");
        rc |= ng_json_put_string(b, text + mn->start, mn->end - mn->start);
        rc |= ng_strbuf_puts(b, ",\"local\":");
        rc |= ng_strbuf_put_int(b, mn->entity);
        rc |= ng_strbuf_putc(b, '}');
    }
    return rc | ng_strbuf_putc(b, ']');
}

static int put_statement(ng_strbuf *b, const record *rec, const ng_statement *st)
{
    const ng_extraction *ex = rec->ex;
    const ng_doc *doc = rec->doc;
    int rc = ng_strbuf_puts(b, "{\"speaker\":");
    rc |= put_id_or_null(b, entity_id(rec, st->speaker));
    if (st->speaker_mention >= 0 && (size_t)st->speaker_mention < ex->nmentions) {
        const ng_mention *sm = &ex->mentions[st->speaker_mention];
        rc |= ng_strbuf_puts(b, ",\"speaker_start\":");
        rc |= ng_strbuf_put_int(b, sm->start);
        rc |= ng_strbuf_puts(b, ",\"speaker_end\":");
        rc |= ng_strbuf_put_int(b, sm->end);
    }
    rc |= ng_strbuf_puts(b, ",\"cue\":");
    const char *cue = st->cue ? st->cue : "";
    rc |= ng_json_put_string(b, cue, strlen(cue));
    rc |= ng_strbuf_puts(b, ",\"cue_start\":");
    rc |= ng_strbuf_put_int(b, st->cue_start);
    rc |= ng_strbuf_puts(b, ",\"cue_end\":");
    rc |= ng_strbuf_put_int(b, st->cue_end);
    rc |= ng_strbuf_puts(b, ",\"relation\":");
    const char *rel = st->relation ? st->relation : "said";
    rc |= ng_json_put_string(b, rel, strlen(rel));
    uint32_t qs = st->quote_start, qe = st->quote_end;
    rc |= ng_strbuf_puts(b, st->direct ? ",\"direct\":true,\"quote\":" : ",\"direct\":false,\"quote\":");
    if (st->quote_text)
        rc |= ng_json_put_string(b, st->quote_text, strlen(st->quote_text));
    else if (qe <= doc->len && qs <= qe)
        rc |= ng_json_put_string(b, doc->text + qs, qe - qs);
    else
        rc |= ng_strbuf_puts(b, "\"\"");
    rc |= ng_strbuf_puts(b, ",\"quote_start\":");
    rc |= ng_strbuf_put_int(b, qs);
    rc |= ng_strbuf_puts(b, ",\"quote_end\":");
    rc |= ng_strbuf_put_int(b, qe);
    rc |= ng_strbuf_puts(b, ",\"about\":[");
    int first = 1;
    for (uint32_t a = 0; a < st->nabout; a++) {
        const char *id = entity_id(rec, st->about[a]);
        if (!id)
            continue;
        if (!first)
            rc |= ng_strbuf_putc(b, ',');
        first = 0;
        rc |= ng_json_put_string(b, id, strlen(id));
    }
    rc |= ng_strbuf_putc(b, ']');
    if (st->source >= 0) {
        rc |= ng_strbuf_puts(b, ",\"source\":");
        rc |= put_id_or_null(b, entity_id(rec, st->source));
    }
    /* local indices: what `build --from-extract` needs to resolve again */
    rc |= ng_strbuf_puts(b, ",\"speaker_local\":");
    rc |= ng_strbuf_put_int(b, st->speaker);
    rc |= ng_strbuf_puts(b, ",\"source_local\":");
    rc |= ng_strbuf_put_int(b, st->source);
    rc |= ng_strbuf_puts(b, ",\"about_local\":[");
    for (uint32_t a = 0; a < st->nabout; a++) {
        if (a)
            rc |= ng_strbuf_putc(b, ',');
        rc |= ng_strbuf_put_int(b, st->about[a]);
    }
    return rc | ng_strbuf_puts(b, "]}");
}

static int put_opt_field(ng_strbuf *b, const char *key, const char *value)
{
    if (!value)
        return 0;
    int rc = ng_strbuf_puts(b, ",\"");
    rc |= ng_strbuf_puts(b, key);
    rc |= ng_strbuf_puts(b, "\":");
    return rc | ng_json_put_string(b, value, strlen(value));
}

/* The document's local entities (in-document actors) with what run-level
 * resolution uses, so a reduce step can resolve shards together. */
static int put_locals(ng_strbuf *b, const ng_extraction *ex)
{
    int rc = ng_strbuf_puts(b, ",\"locals\":[");
    for (size_t e = 0; e < ex->nentities; e++) {
        const ng_local_entity *le = &ex->entities[e];
        rc |= ng_strbuf_puts(b, e ? ",{\"type\":\"" : "{\"type\":\"");
        rc |= ng_strbuf_puts(b, ng_entity_type_name(le->type));
        rc |= ng_strbuf_puts(b, "\",\"mentions\":");
        rc |= ng_strbuf_put_int(b, le->mentions);
        rc |= put_opt_field(b, "name", le->name ? le->name : "");
        rc |= put_opt_field(b, "given", le->given);
        rc |= put_opt_field(b, "surname", le->surname);
        rc |= put_opt_field(b, "acronym", le->acronym);
        rc |= put_opt_field(b, "role", le->role);
        rc |= put_opt_field(b, "country", le->country);
        rc |= ng_strbuf_puts(b, ",\"aliases\":[");
        for (size_t a = 0; a < le->naliases; a++) {
            if (a)
                rc |= ng_strbuf_putc(b, ',');
            rc |= ng_json_put_string(b, le->aliases[a], strlen(le->aliases[a]));
        }
        rc |= ng_strbuf_puts(b, "]}");
    }
    return rc | ng_strbuf_putc(b, ']');
}

int ng_extract_format_record(ng_strbuf *b, const ng_doc *doc, const ng_extraction *ex,
                             const ng_resolver *r, uint32_t rdoc)
{
    const record rr = {doc, ex, r, rdoc}, *rec = &rr;
    b->len = 0;
    int rc = ng_strbuf_puts(b, "{\"document\":");
    rc |= ng_json_put_string(b, doc->path, strlen(doc->path));
    rc |= ng_strbuf_puts(b, ",\"date\":");
    rc |= doc->date[0] ? ng_json_put_string(b, doc->date, strlen(doc->date))
                       : ng_strbuf_puts(b, "null");
    if (doc->title) {
        rc |= ng_strbuf_puts(b, ",\"title\":");
        rc |= ng_json_put_string(b, doc->title, strlen(doc->title));
    }
    rc |= ng_strbuf_putc(b, ',');
    rc |= put_entities(b, rec);
    rc |= ng_strbuf_puts(b, ",\"statements\":[");
    for (size_t k = 0; k < ex->nstatements; k++) {
        if (k)
            rc |= ng_strbuf_putc(b, ',');
        rc |= put_statement(b, rec, &ex->statements[k]);
    }
    rc |= ng_strbuf_putc(b, ']');
    rc |= put_locals(b, ex);
    rc |= ng_strbuf_puts(b, "}\n");
    return rc ? NG_ENOMEM : 0;
}

int ng_corpus_write_extract(const ng_corpus *c, FILE *out, ng_error *err)
{
    int rc = 0;
    ng_strbuf b;
    ng_strbuf_init(&b);
    for (size_t i = 0; i < ng_corpus_document_count(c); i++) {
        if ((rc = ng_extract_format_record(&b, ng_corpus_document(c, i), ng_corpus_extraction(c, i),
                                           ng_corpus_resolver(c), ng_corpus_resolver_doc(c, i))) < 0) {
            ng_error_set(err, rc, "out of memory writing the extract of %s",
                         ng_corpus_document(c, i)->path);
            goto cleanup;
        }
        if (fwrite(b.data, 1, b.len, out) != b.len) {
            rc = ng_error_set(err, NG_EIO, "writing the extract output failed");
            goto cleanup;
        }
    }
    if (fflush(out) != 0)
        rc = ng_error_set(err, NG_EIO, "writing the extract output failed");
cleanup:
    ng_strbuf_free(&b);
    return rc;
}
