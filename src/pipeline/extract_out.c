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
 * once the resolver has finished puts the node ids in.
 *
 * A template is a sequence of ops. Each is one op byte, its arguments
 * (32-bit numbers in native order: the template never leaves the process)
 * and a run: a 32-bit length and that many bytes of JSON text. The text
 * follows the op's own output, except for M, whose run is the mention's
 * text and is dropped with the mention. Lengths rather than a marker byte
 * let the expansion copy runs without searching them.
 *   N n    the document has n local entities (first op of every template)
 *   T      nothing: plain text
 *   L      a comma-separated list starts
 *   D e    the quoted node id of local entity e, or null when unresolved
 *   A e    an item of an id list: e's quoted id, preceded by a comma unless
 *          it is the first item kept; nothing when e is unresolved
 *   M t k s x e  an item of the mention list: a mention of local entity e,
 *          type t and kind k (one byte each), start s and end x; its run is
 *          the quoted text. Dropped when e is unresolved.
 * Mentions are most of a record; their keys and numbers are written when
 * the template is expanded, so the spool holds less than half the bytes. */
#include "corpus_internal.h"

#include "jsonw.h"
#include "strbuf.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PUT(b, lit) ng_strbuf_append((b), (lit), sizeof(lit) - 1)

/* ---- templates ------------------------------------------------------------ */

/* A template being written into b: ops are appended with their run's
 * length left open, and the length is filled in when the next op starts
 * (or the template ends). */
typedef struct tpl {
    ng_strbuf *b;
    size_t run; /* offset in b of the open run's length; SIZE_MAX: none */
    int rc;     /* NG_ENOMEM once a run grew past 4 GiB */
} tpl;

static void close_run(tpl *t)
{
    if (t->run == SIZE_MAX)
        return;
    size_t n = t->b->len - (t->run + 4);
    if (n > UINT32_MAX)
        t->rc = NG_ENOMEM;
    uint32_t len = (uint32_t)n;
    memcpy(t->b->data + t->run, &len, 4);
    t->run = SIZE_MAX;
}

/* Starts op `op` with nargs 32-bit arguments and opens its run. */
static int put_op(tpl *t, char op, const uint32_t *args, size_t nargs)
{
    close_run(t);
    char code[1 + 6 * 4];
    code[0] = op;
    if (nargs)
        memcpy(code + 1, args, nargs * 4);
    memset(code + 1 + nargs * 4, 0, 4);
    size_t n = 1 + nargs * 4 + 4;
    if (ng_strbuf_append(t->b, code, n))
        return NG_ENOMEM;
    t->run = t->b->len - 4;
    return 0;
}

static int put_op0(tpl *t, char op) { return put_op(t, op, NULL, 0); }

static int put_op1(tpl *t, char op, int32_t e)
{
    uint32_t arg = (uint32_t)e;
    return put_op(t, op, &arg, 1);
}

/* The M op of mention mn of local entity e, whose run is its quoted text. */
static int put_mention(tpl *t, const ng_doc *doc, const ng_mention *mn, int32_t e)
{
    uint32_t args[4] = {(uint32_t)mn->type | (uint32_t)mn->kind << 8, mn->start, mn->end,
                        (uint32_t)e};
    int rc = put_op(t, 'M', args, 4);
    return rc | ng_json_put_string(t->b, doc->text + mn->start, mn->end - mn->start);
}

/* Local entity e when it exists in ex, else -1 (a null id). */
static int32_t local_or_none(const ng_extraction *ex, int32_t e)
{
    return e < 0 || (size_t)e >= ex->nentities ? -1 : e;
}

static int put_str(ng_strbuf *b, const char *s) { return ng_json_put_cstring(b, s); }

static int put_entities(tpl *t, const ng_doc *doc, const ng_extraction *ex)
{
    int rc = PUT(t->b, "\"entities\":[");
    rc |= put_op0(t, 'L');
    for (size_t m = 0; m < ex->nmentions && !rc; m++) {
        const ng_mention *mn = &ex->mentions[m];
        int32_t e = local_or_none(ex, mn->entity);
        if (e >= 0)
            rc |= put_mention(t, doc, mn, e);
    }
    rc |= put_op0(t, 'T');
    return rc | ng_strbuf_putc(t->b, ']');
}

static int put_statement(tpl *t, const ng_doc *doc, const ng_extraction *ex,
                         const ng_statement *st)
{
    ng_strbuf *b = t->b;
    int rc = PUT(b, "{\"speaker\":");
    rc |= put_op1(t, 'D', local_or_none(ex, st->speaker));
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
    rc |= PUT(b, ",\"about\":[");
    rc |= put_op0(t, 'L');
    for (uint32_t a = 0; a < st->nabout; a++) {
        int32_t e = local_or_none(ex, st->about[a]);
        if (e >= 0)
            rc |= put_op1(t, 'A', e);
    }
    rc |= put_op0(t, 'T');
    rc |= ng_strbuf_putc(b, ']');
    if (st->source >= 0) {
        rc |= PUT(b, ",\"source\":");
        rc |= put_op1(t, 'D', local_or_none(ex, st->source));
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
    if (ex->nentities > INT32_MAX)
        return NG_ENOMEM;
    tpl t = {b, SIZE_MAX, 0};
    int rc = put_op1(&t, 'N', (int32_t)ex->nentities);
    rc |= PUT(b, "{\"document\":");
    rc |= put_str(b, doc->path);
    rc |= PUT(b, ",\"date\":");
    rc |= doc->date[0] ? put_str(b, doc->date) : PUT(b, "null");
    if (doc->title) {
        rc |= PUT(b, ",\"title\":");
        rc |= put_str(b, doc->title);
    }
    rc |= ng_strbuf_putc(b, ',');
    rc |= put_entities(&t, doc, ex);
    rc |= PUT(b, ",\"statements\":[");
    for (size_t k = 0; k < ex->nstatements; k++) {
        if (k)
            rc |= ng_strbuf_putc(b, ',');
        rc |= put_statement(&t, doc, ex, &ex->statements[k]);
    }
    rc |= ng_strbuf_putc(b, ']');
    rc |= put_locals(b, ex);
    rc |= PUT(b, "}\n");
    close_run(&t);
    return rc || t.rc ? NG_ENOMEM : 0;
}

/* ---- node ids ------------------------------------------------------------ */

int ng_extract_ids_init(ng_extract_ids *ids, const ng_resolver *r)
{
    memset(ids, 0, sizeof *ids);
    ids->r = r;
    ng_strbuf_init(&ids->quoted);
    size_t n = ng_resolver_actor_count(r);
    ids->off = malloc((n + 1) * sizeof *ids->off);
    ids->reader = ng_resolver_reader_new(r);
    if (!ids->off || !ids->reader)
        return NG_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        ids->off[i] = ids->quoted.len;
        if (put_str(&ids->quoted, ng_resolver_actor(r, i)->id))
            return NG_ENOMEM;
    }
    ids->off[n] = ids->quoted.len;
    ids->max_quoted = 4; /* null */
    for (size_t i = 0; i < n; i++)
        if (ids->off[i + 1] - ids->off[i] > ids->max_quoted)
            ids->max_quoted = ids->off[i + 1] - ids->off[i];
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
    ng_resolver_reader_free(ids->reader);
    memset(ids, 0, sizeof *ids);
}

/* ---- expansion ------------------------------------------------------------ */

static uint32_t read_u32(const char *p)
{
    uint32_t u;
    memcpy(&u, p, 4);
    return u;
}

/* Appends actor a's quoted id at o, or null when a < 0. */
static char *put_id(char *o, const ng_extract_ids *ids, int32_t a)
{
    if (a < 0) {
        memcpy(o, "null", 4);
        return o + 4;
    }
    size_t n = ids->off[a + 1] - ids->off[a];
    memcpy(o, ids->quoted.data + ids->off[a], n);
    return o + n;
}

#define PUT_RAW(o, lit) (memcpy((o), (lit), sizeof(lit) - 1), (o) += sizeof(lit) - 1)

/* Writes the record of mention op arguments p (see the top of the file)
 * at o, its quoted text being text[0..n); returns the end. */
static char *put_mention_record(char *o, const ng_extract_ids *ids, const char *p, int32_t a,
                                const char *text, size_t n)
{
    uint32_t tk = read_u32(p);
    unsigned type = tk & 0xFF, kind = (tk >> 8) & 0xFF;
    PUT_RAW(o, "{\"id\":");
    o = put_id(o, ids, a);
    if (type < 4 && kind < 4 && ids->mention_keys_len[type][kind]) {
        memcpy(o, ids->mention_keys[type][kind], ids->mention_keys_len[type][kind]);
        o += ids->mention_keys_len[type][kind];
    } else {
        const char *tn = ng_entity_type_name((int)type), *kn = ng_mention_kind_name((int)kind);
        PUT_RAW(o, ",\"type\":\"");
        memcpy(o, tn, strlen(tn));
        o += strlen(tn);
        PUT_RAW(o, "\",\"kind\":\"");
        memcpy(o, kn, strlen(kn));
        o += strlen(kn);
        PUT_RAW(o, "\",\"start\":");
    }
    o = ng_fmt_u32(o, read_u32(p + 4));
    PUT_RAW(o, ",\"end\":");
    o = ng_fmt_u32(o, read_u32(p + 8));
    PUT_RAW(o, ",\"text\":");
    memcpy(o, text, n);
    o += n;
    PUT_RAW(o, ",\"local\":");
    o = ng_fmt_u32(o, read_u32(p + 12));
    *o++ = '}';
    return o;
}

/* Bytes a mention record adds to its text at most: keys, three numbers,
 * the id (see ng_extract_ids_init for the keys' bound). */
#define MENTION_MAX (sizeof "{\"id\":,\"end\":,\"text\":,\"local\":}" + 64 + 3 * 10 + 1)

int ng_extract_expand(ng_strbuf *out, const char *tpl, size_t n, ng_extract_ids *ids,
                      uint32_t rdoc)
{
    const char *p = tpl, *end = tpl + n;
    int32_t *actor = NULL;
    size_t nactor = 0;
    int first = 1;
    while (end - p >= 5) {
        char op = *p++;
        size_t nargs = op == 'M' ? 4 : op == 'N' || op == 'D' || op == 'A' ? 1 : 0;
        if ((size_t)(end - p) < 4 * nargs + 4)
            break;
        const char *args = p;
        p += 4 * nargs;
        size_t len = read_u32(p);
        p += 4;
        if ((size_t)(end - p) < len)
            break;
        const char *run = p;
        p += len;
        int32_t e = nargs ? (int32_t)read_u32(args) : -1;
        if (op == 'M')
            e = (int32_t)read_u32(args + 12);
        int32_t a = e >= 0 && (size_t)e < nactor ? actor[e] : -1;
        /* room for the op's own output and its run */
        size_t need = len + ids->max_quoted + MENTION_MAX;
        if (out->len + need + 1 > out->cap && ng_strbuf_reserve(out, need))
            return NG_ENOMEM;
        char *o = out->data + out->len;
        switch (op) {
        case 'N':
            /* the document's actors, in one read of the resolver's log */
            nactor = (size_t)(uint32_t)e;
            if (nactor > ids->actor_cap) {
                int32_t *grown = realloc(ids->actor, nactor * sizeof *grown);
                if (!grown)
                    return NG_ENOMEM;
                ids->actor = grown;
                ids->actor_cap = nactor;
            }
            actor = ids->actor;
            if (ng_resolver_reader_doc_actors(ids->reader, rdoc, actor, nactor) < 0)
                return NG_EIO;
            break;
        case 'L':
            first = 1;
            break;
        case 'D':
            o = put_id(o, ids, a);
            break;
        case 'A':
        case 'M':
            if (a < 0) {
                if (op == 'M')
                    len = 0; /* the mention's text goes with it */
                break;
            }
            if (!first)
                *o++ = ',';
            first = 0;
            if (op == 'A') {
                o = put_id(o, ids, a);
                break;
            }
            o = put_mention_record(o, ids, args, a, run, len);
            len = 0;
            break;
        default: /* T */
            break;
        }
        memcpy(o, run, len);
        o += len;
        out->len = (size_t)(o - out->data);
    }
    if (out->data) /* NULL only when nothing was ever written */
        out->data[out->len] = '\0';
    return 0;
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
