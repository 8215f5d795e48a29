/* extract_out.c - the `extract` JSON Lines: one object per document with
 * its resolved mentions and statements (spec: ../shared/spec/interfaces.md).
 * Written by hand into one buffer per document: a cJSON tree per record
 * would cost more than the extraction itself, and so would printf (numbers
 * go through ng_strbuf_put_int, fixed fragments through append).
 *
 * A record is written in two steps. The template is the whole record with
 * local entity indices in place of node ids: it needs only the document
 * and its extraction, so a worker makes it as soon as the document is
 * extracted and the document can be freed (plain `extract` spools
 * templates to a temporary file; memory stays flat). Expanding a template
 * once the resolver has finished puts the node ids in. Templates hold
 * JSON text and ops: byte 0x01 (never in the JSON text, where control
 * bytes are escaped), an op letter and for some ops a local index in five
 * bytes of seven bits, each with the high bit set (so never 0x01):
 *   N e  the document has e local entities (first op of every template)
 *   L    a comma-separated list starts
 *   I e  an item of that list: dropped up to its E when e is unresolved,
 *        else preceded by a comma unless it is the first one kept
 *   E    end of an item
 *   D e  the quoted node id of e, or null when unresolved
 *   M t k s x e  a mention of local entity e: type and kind in one byte
 *        each (high bit set), start and end offsets in five bytes each;
 *        writes the record up to "text": (the escaped text follows)
 *   m    the rest of that mention's record (its local index)
 * Mentions are most of a record; their fixed keys are written when the
 * template is expanded, so the spool holds less than half the bytes. */
#include "corpus_internal.h"

#include "jsonw.h"
#include "strbuf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define OP 0x01
#define OP_ARG 5 /* bytes of an op's local index */

#define PUT(b, lit) ng_strbuf_append((b), (lit), sizeof(lit) - 1)

static void encode_u32(char *out, uint32_t u)
{
    for (int i = 0; i < OP_ARG; i++)
        out[i] = (char)(0x80 | ((u >> (7 * i)) & 0x7F));
}

static int put_op(ng_strbuf *b, char op, int64_t local)
{
    char code[2 + OP_ARG] = {OP, op};
    encode_u32(code + 2, (uint32_t)(local + 1)); /* -1 (none) is 0 */
    return ng_strbuf_append(b, code, sizeof code);
}

static uint32_t decode_u32(const char *p)
{
    uint32_t u = 0;
    for (int i = 0; i < OP_ARG; i++)
        u |= (uint32_t)((unsigned char)p[i] & 0x7F) << (7 * i);
    return u;
}

static int64_t get_op_arg(const char *p) { return (int64_t)decode_u32(p) - 1; }

#define OP_M_ARGS (2 + 3 * OP_ARG) /* bytes after "\x01M" */

/* The M op of mention mn of local entity e (see the top of the file). */
static int put_mention_op(ng_strbuf *b, const ng_mention *mn, int32_t e)
{
    char code[2 + OP_M_ARGS] = {OP, 'M', (char)(0x80 | mn->type), (char)(0x80 | mn->kind)};
    encode_u32(code + 4, mn->start);
    encode_u32(code + 4 + OP_ARG, mn->end);
    encode_u32(code + 4 + 2 * OP_ARG, (uint32_t)e + 1);
    return ng_strbuf_append(b, code, sizeof code);
}

/* Local entity e when it exists in ex, else -1 (a null id). */
static int32_t local_or_none(const ng_extraction *ex, int32_t e)
{
    return e < 0 || (size_t)e >= ex->nentities ? -1 : e;
}

static int put_str(ng_strbuf *b, const char *s) { return ng_json_put_cstring(b, s); }

static int put_entities(ng_strbuf *b, const ng_doc *doc, const ng_extraction *ex)
{
    int rc = PUT(b, "\"entities\":[\x01L");
    for (size_t m = 0; m < ex->nmentions && !rc; m++) {
        const ng_mention *mn = &ex->mentions[m];
        int32_t e = local_or_none(ex, mn->entity);
        if (e < 0)
            continue;
        rc |= put_op(b, 'I', e);
        if (mn->type < 0x80 && mn->kind < 0x80) {
            rc |= put_mention_op(b, mn, e);
            rc |= ng_json_put_string(b, doc->text + mn->start, mn->end - mn->start);
            rc |= PUT(b, "\x01m\x01" "E");
            continue;
        }
        rc |= PUT(b, "{\"id\":");
        rc |= put_op(b, 'D', e);
        rc |= PUT(b, ",\"type\":\"");
        rc |= ng_strbuf_puts(b, ng_entity_type_name(mn->type));
        rc |= PUT(b, "\",\"kind\":\"");
        rc |= ng_strbuf_puts(b, ng_mention_kind_name(mn->kind));
        rc |= PUT(b, "\",\"start\":");
        rc |= ng_strbuf_put_int(b, mn->start);
        rc |= PUT(b, ",\"end\":");
        rc |= ng_strbuf_put_int(b, mn->end);
        rc |= PUT(b, ",\"text\":");
        rc |= ng_json_put_string(b, doc->text + mn->start, mn->end - mn->start);
        rc |= PUT(b, ",\"local\":");
        rc |= ng_strbuf_put_int(b, mn->entity);
        rc |= PUT(b, "}\x01" "E");
    }
    return rc | ng_strbuf_putc(b, ']');
}

static int put_statement(ng_strbuf *b, const ng_doc *doc, const ng_extraction *ex,
                         const ng_statement *st)
{
    int rc = PUT(b, "{\"speaker\":");
    rc |= put_op(b, 'D', local_or_none(ex, st->speaker));
    if (st->speaker_mention >= 0 && (size_t)st->speaker_mention < ex->nmentions) {
        const ng_mention *sm = &ex->mentions[st->speaker_mention];
        rc |= PUT(b, ",\"speaker_start\":");
        rc |= ng_strbuf_put_int(b, sm->start);
        rc |= PUT(b, ",\"speaker_end\":");
        rc |= ng_strbuf_put_int(b, sm->end);
    }
    rc |= PUT(b, ",\"cue\":");
    rc |= put_str(b, st->cue ? st->cue : "");
    rc |= PUT(b, ",\"cue_start\":");
    rc |= ng_strbuf_put_int(b, st->cue_start);
    rc |= PUT(b, ",\"cue_end\":");
    rc |= ng_strbuf_put_int(b, st->cue_end);
    rc |= PUT(b, ",\"relation\":");
    rc |= put_str(b, st->relation ? st->relation : "said");
    uint32_t qs = st->quote_start, qe = st->quote_end;
    if (st->direct)
        rc |= PUT(b, ",\"direct\":true,\"quote\":");
    else
        rc |= PUT(b, ",\"direct\":false,\"quote\":");
    if (st->quote_text)
        rc |= put_str(b, st->quote_text);
    else if (qe <= doc->len && qs <= qe)
        rc |= ng_json_put_string(b, doc->text + qs, qe - qs);
    else
        rc |= PUT(b, "\"\"");
    rc |= PUT(b, ",\"quote_start\":");
    rc |= ng_strbuf_put_int(b, qs);
    rc |= PUT(b, ",\"quote_end\":");
    rc |= ng_strbuf_put_int(b, qe);
    rc |= PUT(b, ",\"about\":[\x01L");
    for (uint32_t a = 0; a < st->nabout; a++) {
        int32_t e = local_or_none(ex, st->about[a]);
        if (e < 0)
            continue;
        rc |= put_op(b, 'I', e);
        rc |= put_op(b, 'D', e);
        rc |= PUT(b, "\x01" "E");
    }
    rc |= ng_strbuf_putc(b, ']');
    if (st->source >= 0) {
        rc |= PUT(b, ",\"source\":");
        rc |= put_op(b, 'D', local_or_none(ex, st->source));
    }
    /* local indices: what `build --from-extract` needs to resolve again */
    rc |= PUT(b, ",\"speaker_local\":");
    rc |= ng_strbuf_put_int(b, st->speaker);
    rc |= PUT(b, ",\"source_local\":");
    rc |= ng_strbuf_put_int(b, st->source);
    rc |= PUT(b, ",\"about_local\":[");
    for (uint32_t a = 0; a < st->nabout; a++) {
        if (a)
            rc |= ng_strbuf_putc(b, ',');
        rc |= ng_strbuf_put_int(b, st->about[a]);
    }
    return rc | PUT(b, "]}");
}

static int put_opt_field(ng_strbuf *b, const char *key, size_t keylen, const char *value)
{
    if (!value)
        return 0;
    int rc = ng_strbuf_append(b, key, keylen);
    return rc | put_str(b, value);
}

#define OPT_FIELD(b, key, value) \
    put_opt_field((b), ",\"" key "\":", sizeof(",\"" key "\":") - 1, (value))

/* The document's local entities (in-document actors) with what run-level
 * resolution uses, so a reduce step can resolve shards together. */
static int put_locals(ng_strbuf *b, const ng_extraction *ex)
{
    int rc = PUT(b, ",\"locals\":[");
    for (size_t e = 0; e < ex->nentities; e++) {
        const ng_local_entity *le = &ex->entities[e];
        if (e)
            rc |= ng_strbuf_putc(b, ',');
        rc |= PUT(b, "{\"type\":\"");
        rc |= ng_strbuf_puts(b, ng_entity_type_name(le->type));
        rc |= PUT(b, "\",\"mentions\":");
        rc |= ng_strbuf_put_int(b, le->mentions);
        rc |= OPT_FIELD(b, "name", le->name ? le->name : "");
        rc |= OPT_FIELD(b, "given", le->given);
        rc |= OPT_FIELD(b, "surname", le->surname);
        rc |= OPT_FIELD(b, "acronym", le->acronym);
        rc |= OPT_FIELD(b, "role", le->role);
        rc |= OPT_FIELD(b, "country", le->country);
        rc |= PUT(b, ",\"aliases\":[");
        for (size_t a = 0; a < le->naliases; a++) {
            if (a)
                rc |= ng_strbuf_putc(b, ',');
            rc |= put_str(b, le->aliases[a]);
        }
        rc |= PUT(b, "]}");
    }
    return rc | ng_strbuf_putc(b, ']');
}

int ng_extract_format_template(ng_strbuf *b, const ng_doc *doc, const ng_extraction *ex)
{
    int rc = put_op(b, 'N', (int64_t)ex->nentities);
    rc |= PUT(b, "{\"document\":");
    rc |= put_str(b, doc->path);
    rc |= PUT(b, ",\"date\":");
    rc |= doc->date[0] ? put_str(b, doc->date) : PUT(b, "null");
    if (doc->title) {
        rc |= PUT(b, ",\"title\":");
        rc |= put_str(b, doc->title);
    }
    rc |= ng_strbuf_putc(b, ',');
    rc |= put_entities(b, doc, ex);
    rc |= PUT(b, ",\"statements\":[");
    for (size_t k = 0; k < ex->nstatements; k++) {
        if (k)
            rc |= ng_strbuf_putc(b, ',');
        rc |= put_statement(b, doc, ex, &ex->statements[k]);
    }
    rc |= ng_strbuf_putc(b, ']');
    rc |= put_locals(b, ex);
    rc |= PUT(b, "}\n");
    return rc ? NG_ENOMEM : 0;
}

/* ---- node ids ------------------------------------------------------------ */

int ng_extract_ids_init(ng_extract_ids *ids, const ng_resolver *r)
{
    memset(ids, 0, sizeof *ids);
    ids->r = r;
    ng_strbuf_init(&ids->quoted);
    size_t n = ng_resolver_actor_count(r);
    ids->off = malloc((n + 1) * sizeof *ids->off);
    if (!ids->off)
        return NG_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        ids->off[i] = ids->quoted.len;
        if (put_str(&ids->quoted, ng_resolver_actor(r, i)->id))
            return NG_ENOMEM;
    }
    ids->off[n] = ids->quoted.len;
    /* ,"type":"T","kind":"K","start": pieced together without printf: this
     * runs once per record in extract --stream */
    static const char p1[] = ",\"type\":\"", p2[] = "\",\"kind\":\"", p3[] = "\",\"start\":";
    for (int t = 0; t < 4; t++)
        for (int k = 0; k < 4; k++) {
            const char *tn = ng_entity_type_name(t), *kn = ng_mention_kind_name(k);
            size_t tl = strlen(tn), kl = strlen(kn);
            size_t len = sizeof p1 - 1 + tl + sizeof p2 - 1 + kl + sizeof p3 - 1;
            char *o = ids->mention_keys[t][k];
            ids->mention_keys_len[t][k] = 0;
            if (len >= sizeof ids->mention_keys[t][k])
                continue;
            memcpy(o, p1, sizeof p1 - 1);
            o += sizeof p1 - 1;
            memcpy(o, tn, tl);
            o += tl;
            memcpy(o, p2, sizeof p2 - 1);
            o += sizeof p2 - 1;
            memcpy(o, kn, kl);
            o += kl;
            memcpy(o, p3, sizeof p3);
            ids->mention_keys_len[t][k] = (uint8_t)len;
        }
    return 0;
}

void ng_extract_ids_free(ng_extract_ids *ids)
{
    ng_strbuf_free(&ids->quoted);
    free(ids->off);
    free(ids->actor);
    memset(ids, 0, sizeof *ids);
}

/* Skips the ops and text of an item whose entity is unresolved; returns
 * the position after its E. */
static const char *skip_item(const char *p, const char *end)
{
    while (p < end) {
        const char *m = memchr(p, OP, (size_t)(end - p));
        if (!m || m + 1 >= end)
            return end;
        char op = m[1];
        p = m + 2;
        if (op == 'E')
            break;
        if (op == 'I' || op == 'D' || op == 'N')
            p += OP_ARG;
        else if (op == 'M')
            p += OP_M_ARGS;
    }
    return p;
}

int ng_extract_expand(ng_strbuf *out, const char *tpl, size_t n, ng_extract_ids *ids,
                      uint32_t rdoc)
{
    const char *p = tpl, *end = tpl + n;
    int32_t *actor = NULL;
    size_t nactor = 0;
    int rc = 0, first = 1;
    int64_t mention_local = -1; /* of the last M op */
    while (p < end && !rc) {
        const char *m = memchr(p, OP, (size_t)(end - p));
        if (!m) {
            rc = ng_strbuf_append(out, p, (size_t)(end - p));
            break;
        }
        rc = ng_strbuf_append(out, p, (size_t)(m - p));
        char op = m[1];
        p = m + 2;
        int64_t e = -1;
        if (op == 'N' || op == 'I' || op == 'D') {
            e = get_op_arg(p);
            p += OP_ARG;
        }
        if (op == 'N') {
            /* the document's actors, in one read of the resolver's log */
            nactor = (size_t)e;
            if (nactor > ids->actor_cap) {
                int32_t *grown = realloc(ids->actor, nactor * sizeof *grown);
                if (!grown)
                    return NG_ENOMEM;
                ids->actor = grown;
                ids->actor_cap = nactor;
            }
            actor = ids->actor;
            if (ng_resolver_doc_actors(ids->r, rdoc, actor, nactor) < 0)
                return NG_EIO;
            continue;
        }
        if (op == 'M') {
            if (end - p < OP_M_ARGS)
                break;
            int type = p[0] & 0x7F, kind = p[1] & 0x7F;
            uint32_t ms = decode_u32(p + 2), me = decode_u32(p + 2 + OP_ARG);
            mention_local = (int64_t)decode_u32(p + 2 + 2 * OP_ARG) - 1;
            p += OP_M_ARGS;
            int32_t ma = mention_local >= 0 && (size_t)mention_local < nactor ? actor[mention_local] : -1;
            rc = PUT(out, "{\"id\":");
            if (ma < 0)
                rc |= PUT(out, "null");
            else
                rc |= ng_strbuf_append(out, ids->quoted.data + ids->off[ma],
                                       ids->off[ma + 1] - ids->off[ma]);
            if (type < 4 && kind < 4 && ids->mention_keys_len[type][kind]) {
                rc |= ng_strbuf_append(out, ids->mention_keys[type][kind],
                                       ids->mention_keys_len[type][kind]);
            } else {
                rc |= PUT(out, ",\"type\":\"");
                rc |= ng_strbuf_puts(out, ng_entity_type_name(type));
                rc |= PUT(out, "\",\"kind\":\"");
                rc |= ng_strbuf_puts(out, ng_mention_kind_name(kind));
                rc |= PUT(out, "\",\"start\":");
            }
            rc |= ng_strbuf_put_int(out, ms);
            rc |= PUT(out, ",\"end\":");
            rc |= ng_strbuf_put_int(out, me);
            rc |= PUT(out, ",\"text\":");
            continue;
        }
        if (op == 'm') {
            rc = PUT(out, ",\"local\":");
            rc |= ng_strbuf_put_int(out, mention_local);
            rc |= ng_strbuf_putc(out, '}');
            continue;
        }
        int32_t a = e >= 0 && (size_t)e < nactor ? actor[e] : -1;
        if (op == 'L') {
            first = 1;
        } else if (op == 'I') {
            if (a < 0) {
                p = skip_item(p, end);
            } else {
                if (!first)
                    rc = ng_strbuf_putc(out, ',');
                first = 0;
            }
        } else if (op == 'D') {
            if (a < 0)
                rc = PUT(out, "null");
            else
                rc = ng_strbuf_append(out, ids->quoted.data + ids->off[a],
                                      ids->off[a + 1] - ids->off[a]);
        }
    }
    return rc ? NG_ENOMEM : 0;
}

int ng_extract_format_record(ng_strbuf *b, ng_strbuf *scratch, const ng_doc *doc,
                             const ng_extraction *ex, ng_extract_ids *ids, uint32_t rdoc)
{
    scratch->len = 0;
    b->len = 0;
    int rc = ng_extract_format_template(scratch, doc, ex);
    return rc ? rc : ng_extract_expand(b, scratch->data, scratch->len, ids, rdoc);
}

int ng_corpus_write_extract(const ng_corpus *c, FILE *out, ng_error *err)
{
    ng_strbuf b, scratch;
    ng_extract_ids ids;
    ng_strbuf_init(&b);
    ng_strbuf_init(&scratch);
    if (ng_corpus_graph_only(c)) {
        memset(&ids, 0, sizeof ids);
        return ng_error_set(err, NG_EUSAGE, "the corpus keeps no texts to write the extract of "
                                            "(ng_corpus_load keeps what graphs are built from)");
    }
    int rc = ng_extract_ids_init(&ids, ng_corpus_resolver(c));
    if (rc < 0) {
        ng_error_set(err, rc, "out of memory writing the extract output");
        goto cleanup;
    }
    for (size_t i = 0; i < ng_corpus_document_count(c); i++) {
        if ((rc = ng_extract_format_record(&b, &scratch, ng_corpus_document(c, i),
                                           ng_corpus_extraction(c, i), &ids,
                                           ng_corpus_resolver_doc(c, i))) < 0) {
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
    ng_extract_ids_free(&ids);
    ng_strbuf_free(&scratch);
    ng_strbuf_free(&b);
    return rc;
}
