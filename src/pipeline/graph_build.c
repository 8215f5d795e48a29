/* graph_build.c - the graph of a corpus, or of a subset of its documents
 * (one news day): nodes are the actors mentioned there, edges the
 * statements made there, from speaker to each actor the statement is
 * about. Node ids come from the run's resolver, so they agree between
 * the graphs of different subsets. */
#include "corpus_internal.h"

#include <stdlib.h>
#include <string.h>

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

/* Adds one document's actors (with their mention counts) to g. Fills
 * node_of[local entity] with the node index, -1 when not resolved. */
static int add_document_actors(ng_graph *g, const ng_corpus *c, size_t i, int *node_of)
{
    const ng_resolver *r = ng_corpus_resolver(c);
    const ng_extraction *ex = ng_corpus_extraction(c, i);
    const ng_doc *doc = ng_corpus_document(c, i);
    uint32_t rdoc = ng_corpus_resolver_doc(c, i);
    for (size_t e = 0; e < ex->nentities; e++) {
        node_of[e] = -1;
        int32_t a = ng_resolver_actor_of(r, rdoc, (int32_t)e);
        if (a < 0)
            continue;
        int n = actor_node(g, ng_resolver_actor(r, (size_t)a));
        if (n < 0)
            return n;
        node_of[e] = n;
        g->nodes[n].mentions += ex->entities[e].mentions;
        int rc = ng_graph_node_add_document(g, (uint32_t)n, doc->path);
        if (rc < 0)
            return rc;
    }
    return 0;
}

/* Adds one edge per (speaker, subject) of each statement of document i. */
static int add_document_statements(ng_graph *g, const ng_corpus *c, size_t i, const int *node_of)
{
    const ng_extraction *ex = ng_corpus_extraction(c, i);
    const ng_doc *doc = ng_corpus_document(c, i);
    for (size_t k = 0; k < ex->nstatements; k++) {
        const ng_statement *st = &ex->statements[k];
        if (st->speaker < 0 || (size_t)st->speaker >= ex->nentities || node_of[st->speaker] < 0)
            continue;
        uint32_t qs = st->quote_start, qe = st->quote_end;
        char *quote;
        if (st->quote_text) {
            quote = strdup(st->quote_text);
        } else {
            if (qe > doc->len || qs > qe)
                qs = qe = 0;
            quote = strndup(doc->text + qs, qe - qs);
        }
        if (!quote)
            return NG_ENOMEM;
        ng_evidence ev = {.document = doc->path,
                          .cue = (char *)(st->cue ? st->cue : ""),
                          .quote = quote,
                          .start = qs,
                          .end = qe,
                          .direct = st->direct};
        int rc = 0;
        for (uint32_t a = 0; a < st->nabout && rc >= 0; a++) {
            int32_t about = st->about[a];
            if (about < 0 || (size_t)about >= ex->nentities || node_of[about] < 0 ||
                node_of[about] == node_of[st->speaker])
                continue;
            rc = ng_graph_add_statement(g, (uint32_t)node_of[st->speaker], (uint32_t)node_of[about],
                                        st->relation ? st->relation : "said", &ev);
        }
        free(quote);
        if (rc < 0)
            return rc;
    }
    return 0;
}

int ng_corpus_build_graph(const ng_corpus *c, const size_t *subset, size_t nsubset,
                          ng_graph **out, ng_error *err)
{
    int rc = NG_ENOMEM;
    int *node_of = NULL;
    ng_graph *g = ng_graph_new();
    if (!g)
        goto cleanup;
    size_t n = subset ? nsubset : ng_corpus_document_count(c);
    for (size_t s = 0; s < n; s++) {
        size_t i = subset ? subset[s] : s;
        if (i >= ng_corpus_document_count(c)) {
            rc = NG_EINTERNAL;
            goto cleanup;
        }
        const ng_doc *doc = ng_corpus_document(c, i);
        const ng_extraction *ex = ng_corpus_extraction(c, i);
        if ((rc = ng_graph_add_document(g, doc->path, doc->date[0] ? doc->date : NULL,
                                        doc->title)) < 0)
            goto cleanup;
        int *p = realloc(node_of, (ex->nentities ? ex->nentities : 1) * sizeof *p);
        if (!p) {
            rc = NG_ENOMEM;
            goto cleanup;
        }
        node_of = p;
        if ((rc = add_document_actors(g, c, i, node_of)) < 0)
            goto cleanup;
        if ((rc = add_document_statements(g, c, i, node_of)) < 0)
            goto cleanup;
    }
    if ((rc = ng_graph_sort(g)) < 0)
        goto cleanup;
    free(node_of);
    *out = g;
    return 0;
cleanup:
    free(node_of);
    ng_graph_free(g);
    return ng_error_set(err, rc < 0 ? rc : NG_EINTERNAL, "building the graph failed (%s)",
                        rc == NG_ENOMEM ? "out of memory" : "internal error");
}
