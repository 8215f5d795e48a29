/* graph_build.c - the graph of a corpus, or of a subset of its documents
 * (one news day): nodes are the actors mentioned there, edges the
 * statements made there, from speaker to each actor the statement is
 * about. Node ids come from the run's resolver, so they agree between
 * the graphs of different subsets. */
#include "corpus_internal.h"

#include "strbuf.h"

#include <stdlib.h>
#include <string.h>

/* What building one graph keeps across documents. A node's documents are
 * distinct: a node gets graph document d once, which last_doc[node]
 * tells for the document being added; a document id seen before (the
 * same path twice) is checked against the node's list instead. */
typedef struct builder {
    ng_graph *g;
    int *node_of;        /* local entity -> node of the current document */
    int32_t *actor_of;   /* local entity -> resolver actor, same size */
    size_t node_of_cap;
    int64_t *last_doc;   /* node -> last graph document added to it, -1 */
    size_t last_doc_cap;
    int *node_of_actor;  /* resolver actor -> its node, -1 until added */
    ng_resolver_reader *reader; /* the documents' actors: the full graph goes in
                                   document order, so one log read serves many */
    ng_strbuf input;     /* the current document's graph input, when spooled */
} builder;

/* Adds the node of actor a (once) and returns its index, or a negative code. */
static int actor_node(ng_graph *g, const ng_actor *a)
{
    int found = ng_graph_find_node(g, a->id);
    if (found >= 0)
        return found;
    int n = ng_graph_add_node(g, a->id, a->label, ng_entity_type_name(a->type));
    if (n < 0)
        return n;
    for (size_t k = 0; k < a->naliases; k++) {
        int rc = ng_graph_node_add_alias(g, (uint32_t)n, a->aliases[k]);
        if (rc < 0)
            return rc;
    }
    return n;
}

/* Whether node n already lists graph document d. */
static int node_has_document(builder *b, int n, int d, int seen_before)
{
    if (b->last_doc[n] == d)
        return 1;
    if (!seen_before)
        return 0;
    const ng_node *node = &b->g->nodes[n];
    for (size_t k = 0; k < node->ndocuments; k++)
        if (node->documents[k] == b->g->docs[d].id)
            return 1;
    return 0;
}

/* Adds one document's actors (with their mention counts) to g; d is its
 * graph document. Fills node_of[local entity] with the node index, -1
 * when not resolved. */
static int add_document_actors(builder *b, const ng_corpus *c, const ng_graph_input *in, size_t i,
                               int d, int seen_before)
{
    ng_graph *g = b->g;
    const ng_resolver *r = ng_corpus_resolver(c);
    const uint32_t *mentions = ng_graph_input_at(in, (uint32_t)in->mentions);
    uint32_t rdoc = ng_corpus_resolver_doc(c, i);
    int32_t *actor = b->actor_of;
    if (ng_resolver_reader_doc_actors(b->reader, rdoc, actor, in->nentities) < 0)
        return NG_EIO;
    for (size_t e = 0; e < in->nentities; e++) {
        b->node_of[e] = -1;
        int32_t a = actor[e];
        if (a < 0)
            continue;
        int n = b->node_of_actor[a];
        if (n < 0 && (n = b->node_of_actor[a] = actor_node(g, ng_resolver_actor(r, (size_t)a))) < 0)
            return n;
        if ((size_t)n >= b->last_doc_cap) {
            size_t cap = b->last_doc_cap ? b->last_doc_cap * 2 : 256;
            while (cap <= (size_t)n)
                cap *= 2;
            int64_t *p = realloc(b->last_doc, cap * sizeof *p);
            if (!p)
                return NG_ENOMEM;
            for (size_t k = b->last_doc_cap; k < cap; k++)
                p[k] = -1;
            b->last_doc = p;
            b->last_doc_cap = cap;
        }
        b->node_of[e] = n;
        g->nodes[n].mentions += mentions[e];
        if (node_has_document(b, n, d, seen_before))
            continue;
        b->last_doc[n] = d;
        int rc = ng_graph_node_add_document_at(g, (uint32_t)n, (uint32_t)d);
        if (rc < 0)
            return rc;
    }
    return 0;
}

/* Adds one edge per (speaker, subject) of each statement of document i. */
static int add_document_statements(builder *b, const ng_corpus *c, const ng_graph_input *in,
                                   size_t i)
{
    ng_graph *g = b->g;
    const int *node_of = b->node_of;
    const ng_doc *doc = ng_corpus_document(c, i);
    const ng_graph_statement *sts = ng_graph_input_statements(in);
    for (size_t k = 0; k < in->nstatements; k++) {
        const ng_graph_statement *st = &sts[k];
        const int32_t *about_of = ng_graph_input_at(in, st->about);
        if (node_of[st->speaker] < 0)
            continue;
        ng_evidence ev = {.document = doc->path,
                          .cue = (char *)ng_graph_input_at(in, st->cue),
                          .quote = (char *)ng_graph_input_at(in, st->quote),
                          .start = st->start,
                          .end = st->end,
                          .direct = st->direct};
        for (uint32_t a = 0; a < st->nabout; a++) {
            int32_t about = about_of[a];
            if (about < 0 || (size_t)about >= in->nentities || node_of[about] < 0 ||
                node_of[about] == node_of[st->speaker])
                continue;
            int rc = ng_graph_add_statement(g, (uint32_t)node_of[st->speaker],
                                            (uint32_t)node_of[about],
                                            ng_graph_input_at(in, st->relation), &ev);
            if (rc < 0)
                return rc;
        }
    }
    return 0;
}

/* Whether statement st of ex can make an edge: a valid speaker and someone
 * it is about (which of them resolve is known only once the run is). */
static int keeps_statement(const ng_extraction *ex, const ng_statement *st)
{
    return st->speaker >= 0 && (size_t)st->speaker < ex->nentities && st->nabout > 0;
}

/* The quote of st exactly as the graph shows it, and its span: the text
 * given with the statement, else cut from the document text (up to a NUL
 * in it, as strndup). */
static const char *statement_quote(const ng_doc *doc, const ng_statement *st, size_t *len,
                                   uint32_t *start, uint32_t *end)
{
    *start = st->quote_start;
    *end = st->quote_end;
    if (st->quote_text) {
        *len = strlen(st->quote_text);
        return st->quote_text;
    }
    if (*end > doc->len || *start > *end)
        *start = *end = 0;
    const char *q = doc->text + *start;
    const char *nul = memchr(q, '\0', *end - *start);
    *len = nul ? (size_t)(nul - q) : *end - *start;
    return q;
}

ng_graph_input *ng_graph_input_make(const ng_doc *doc, const ng_extraction *ex)
{
    size_t nkeep = 0, nabout = 0, nchars = 0;
    for (size_t k = 0; k < ex->nstatements; k++) {
        const ng_statement *st = &ex->statements[k];
        if (!keeps_statement(ex, st))
            continue;
        size_t qlen;
        uint32_t qs, qe;
        statement_quote(doc, st, &qlen, &qs, &qe);
        nkeep++;
        nabout += st->nabout;
        nchars += qlen + 1 + strlen(st->cue ? st->cue : "") + 1 +
                  strlen(st->relation ? st->relation : "said") + 1;
    }
    /* header, statements, mention counts, about lists, strings */
    size_t off_mentions = sizeof(ng_graph_input) + nkeep * sizeof(ng_graph_statement);
    size_t off_about = off_mentions + ex->nentities * sizeof(uint32_t);
    size_t off_chars = off_about + nabout * sizeof(int32_t);
    size_t size = off_chars + nchars;
    if (size > UINT32_MAX)
        return NULL;
    char *block = malloc(size);
    if (!block)
        return NULL;
    ng_graph_input *in = (ng_graph_input *)block;
    *in = (ng_graph_input){
        .size = size, .nentities = ex->nentities, .nstatements = nkeep, .mentions = off_mentions};
    ng_graph_statement *sts = (ng_graph_statement *)(in + 1);
    uint32_t *mentions = (uint32_t *)(block + off_mentions);
    for (size_t e = 0; e < ex->nentities; e++)
        mentions[e] = ex->entities[e].mentions;
    size_t about = off_about, chars = off_chars, n = 0;
    for (size_t k = 0; k < ex->nstatements; k++) {
        const ng_statement *st = &ex->statements[k];
        if (!keeps_statement(ex, st))
            continue;
        ng_graph_statement *out = &sts[n++];
        memset(out, 0, sizeof *out);
        size_t qlen;
        const char *q = statement_quote(doc, st, &qlen, &out->start, &out->end);
        out->speaker = st->speaker;
        out->nabout = st->nabout;
        out->about = (uint32_t)about;
        memcpy(block + about, st->about, st->nabout * sizeof(int32_t));
        about += st->nabout * sizeof(int32_t);
        out->direct = st->direct;
        const char *strs[3] = {q, st->cue ? st->cue : "", st->relation ? st->relation : "said"};
        size_t lens[3] = {qlen, strlen(strs[1]), strlen(strs[2])};
        uint32_t *dst[3] = {&out->quote, &out->cue, &out->relation};
        for (int j = 0; j < 3; j++) {
            memcpy(block + chars, strs[j], lens[j]);
            block[chars + lens[j]] = '\0';
            *dst[j] = (uint32_t)chars;
            chars += lens[j] + 1;
        }
    }
    return in;
}

int ng_graph_inputs_only(ng_doc *doc, ng_extraction *ex)
{
    for (size_t k = 0; k < ex->nstatements; k++) {
        ng_statement *st = &ex->statements[k];
        if (st->quote_text || st->speaker < 0 || (size_t)st->speaker >= ex->nentities)
            continue;
        /* the quote exactly as add_document_statements cuts it */
        if (st->quote_end > doc->len || st->quote_start > st->quote_end)
            st->quote_start = st->quote_end = 0;
        const char *q = doc->text + st->quote_start;
        const char *nul = memchr(q, '\0', st->quote_end - st->quote_start);
        size_t n = nul ? (size_t)(nul - q) : st->quote_end - st->quote_start;
        if (!(st->quote_text = ng_extraction_strdup(ex, q, n)))
            return NG_ENOMEM;
    }
    free(ex->mentions);
    ex->mentions = NULL;
    ex->nmentions = ex->mentions_cap = 0;
    ng_doc_drop_text(doc);
    return 0;
}

void ng_doc_drop_text(ng_doc *doc)
{
    char *text = realloc(doc->text, 1);
    if (text) {
        text[0] = '\0';
        doc->text = text;
        doc->len = 0;
    }
    free(doc->body);
    doc->body = NULL;
    doc->nbody = 0;
}

int ng_corpus_build_graph(const ng_corpus *c, const size_t *subset, size_t nsubset,
                          ng_graph **out, ng_error *err)
{
    int rc = NG_ENOMEM;
    builder b;
    memset(&b, 0, sizeof b);
    ng_strbuf_init(&b.input);
    ng_graph *g = b.g = ng_graph_new();
    size_t nactors = ng_resolver_actor_count(ng_corpus_resolver(c));
    b.node_of_actor = malloc((nactors ? nactors : 1) * sizeof *b.node_of_actor);
    b.reader = ng_resolver_reader_new(ng_corpus_resolver(c));
    if (!g || !b.node_of_actor || !b.reader)
        goto cleanup;
    for (size_t a = 0; a < nactors; a++)
        b.node_of_actor[a] = -1;
    size_t n = subset ? nsubset : ng_corpus_document_count(c);
    for (size_t s = 0; s < n; s++) {
        size_t i = subset ? subset[s] : s;
        if (i >= ng_corpus_document_count(c)) {
            rc = NG_EINTERNAL;
            goto cleanup;
        }
        const ng_doc *doc = ng_corpus_document(c, i);
        const ng_graph_input *in = ng_corpus_graph_input(c, i, &b.input);
        if (!in) {
            rc = NG_EIO;
            goto cleanup;
        }
        size_t ndocs = g->ndocs;
        int d = ng_graph_add_document(g, doc->path, doc->date[0] ? doc->date : NULL, doc->title);
        if ((rc = d) < 0)
            goto cleanup;
        if (in->nentities > b.node_of_cap) {
            int *p = realloc(b.node_of, in->nentities * sizeof *p);
            if (p)
                b.node_of = p;
            int32_t *q = realloc(b.actor_of, in->nentities * sizeof *q);
            if (q)
                b.actor_of = q;
            if (!p || !q) {
                rc = NG_ENOMEM;
                goto cleanup;
            }
            b.node_of_cap = in->nentities;
        }
        if ((rc = add_document_actors(&b, c, in, i, d, (size_t)d < ndocs)) < 0)
            goto cleanup;
        if ((rc = add_document_statements(&b, c, in, i)) < 0)
            goto cleanup;
    }
    if ((rc = ng_graph_sort(g)) < 0)
        goto cleanup;
    *out = g;
    g = NULL;
    rc = 0;
cleanup:
    free(b.node_of);
    free(b.actor_of);
    free(b.last_doc);
    free(b.node_of_actor);
    ng_resolver_reader_free(b.reader);
    ng_strbuf_free(&b.input);
    if (rc == 0)
        return 0;
    ng_graph_free(g);
    return ng_error_set(err, rc < 0 ? rc : NG_EINTERNAL, "building the graph failed (%s)",
                        rc == NG_ENOMEM ? "out of memory"
                        : rc == NG_EIO  ? "reading a temporary file failed"
                                        : "internal error");
}
