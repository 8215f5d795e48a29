/* graph.c - the ng_graph data model (see include/newsgraph/graph.h).
 *
 * The graph is plain arrays so exporters can walk it directly; the
 * private index keeps every "is it already there?" question O(1):
 * node id -> index, edge key "src\x1ftgt\x1frelation" -> index (by node
 * ids, so keys survive re-numbering), document id -> index, and two
 * membership sets "node\x1falias" / "node\x1fdocument" for the per-node
 * lists. Graphs may have 100k nodes: nothing here is quadratic.
 *
 * The strings of the per-node lists and of the evidence are many and
 * small, and all live until ng_graph_free: they are copied into one
 * arena, not malloc'd one by one. A node's document entry added by index
 * (ng_graph_node_add_document_at) is the graph document's own id. */
#include "newsgraph/graph.h"

#include "arena.h"
#include "strbuf.h"
#include "strmap.h"

#include <stdlib.h>
#include <string.h>

struct ng_graph_index {
    ng_strmap nodes;      /* node id -> node index */
    ng_strmap edges;      /* "src\x1ftgt\x1frelation" -> edge index */
    ng_strmap docs;       /* document id -> document index */
    ng_strmap aliases;    /* "node id\x1falias" -> 1 */
    ng_strmap node_docs;  /* "node id\x1fdocument id" -> 1 */
    ng_strbuf key;        /* scratch for composite keys */
    ng_arena strings;     /* node aliases and documents, evidence strings */
    const char *last_document, *last_cue, *last_quote; /* the latest evidence's copies */
};

static char *dup_or_null(const char *s)
{
    return s ? strdup(s) : NULL;
}

/* Copies s, or "" for NULL, into the graph's arena, so exporters never
 * meet NULL in these fields. */
static char *arena_dup(ng_graph *g, const char *s)
{
    if (!s)
        s = "";
    return ng_arena_strndup(&g->index->strings, s, strlen(s));
}

/* Doubles an array's capacity when full; the arrays are owned by g. */
static int grow(void **arr, size_t *cap, size_t n, size_t elem)
{
    if (n < *cap)
        return 0;
    size_t ncap = *cap ? *cap * 2 : 16;
    void *p = realloc(*arr, ncap * elem);
    if (!p)
        return NG_ENOMEM;
    *arr = p;
    *cap = ncap;
    return 0;
}

/* Builds "a\x1fb" (and "\x1fc" when c is given) in the scratch key. */
static int make_key(ng_graph *g, const char *a, const char *b, const char *c)
{
    ng_strbuf *k = &g->index->key;
    k->len = 0;
    if (ng_strbuf_puts(k, a) || ng_strbuf_putc(k, '\x1f') || ng_strbuf_puts(k, b))
        return NG_ENOMEM;
    if (c && (ng_strbuf_putc(k, '\x1f') || ng_strbuf_puts(k, c)))
        return NG_ENOMEM;
    return 0;
}

ng_graph *ng_graph_new(void)
{
    ng_graph *g = calloc(1, sizeof *g);
    if (!g)
        return NULL;
    g->index = calloc(1, sizeof *g->index);
    if (!g->index) {
        free(g);
        return NULL;
    }
    ng_strmap_init(&g->index->nodes);
    ng_strmap_init(&g->index->edges);
    ng_strmap_init(&g->index->docs);
    ng_strmap_init(&g->index->aliases);
    ng_strmap_init(&g->index->node_docs);
    ng_strbuf_init(&g->index->key);
    ng_arena_init(&g->index->strings);
    return g;
}

void ng_graph_free(ng_graph *g)
{
    if (!g)
        return;
    for (size_t i = 0; i < g->ndocs; i++) {
        free(g->docs[i].id);
        free(g->docs[i].date);
        free(g->docs[i].title);
    }
    free(g->docs);
    for (size_t i = 0; i < g->nnodes; i++) {
        ng_node *n = &g->nodes[i];
        free(n->id);
        free(n->label);
        free(n->type);
        free(n->aliases); /* the strings are in the arena */
        free(n->documents);
    }
    free(g->nodes);
    for (size_t i = 0; i < g->nedges; i++) {
        ng_edge *e = &g->edges[i];
        free(e->relation);
        free(e->evidence); /* the strings are in the arena */
    }
    free(g->edges);
    if (g->index) {
        ng_strmap_free(&g->index->nodes);
        ng_strmap_free(&g->index->edges);
        ng_strmap_free(&g->index->docs);
        ng_strmap_free(&g->index->aliases);
        ng_strmap_free(&g->index->node_docs);
        ng_strbuf_free(&g->index->key);
        ng_arena_free(&g->index->strings);
        free(g->index);
    }
    free(g);
}

/* A second call with the same id keeps the first entry but fills in a
 * date or title it lacked, so callers may add documents in any order. */
int ng_graph_add_document(ng_graph *g, const char *id, const char *date, const char *title)
{
    if (!g || !id)
        return NG_EINTERNAL;
    int64_t at;
    size_t len = strlen(id);
    if (ng_strmap_get(&g->index->docs, id, len, &at)) {
        ng_graph_doc *d = &g->docs[at];
        if (!d->date && date && !(d->date = strdup(date)))
            return NG_ENOMEM;
        if (!d->title && title && !(d->title = strdup(title)))
            return NG_ENOMEM;
        return (int)at;
    }
    if (g->ndocs >= INT32_MAX || grow((void **)&g->docs, &g->docs_cap, g->ndocs, sizeof *g->docs))
        return NG_ENOMEM;
    ng_graph_doc d = {strdup(id), dup_or_null(date), dup_or_null(title)};
    if (!d.id || (date && !d.date) || (title && !d.title) ||
        ng_strmap_put(&g->index->docs, id, len, (int64_t)g->ndocs)) {
        free(d.id);
        free(d.date);
        free(d.title);
        return NG_ENOMEM;
    }
    g->docs[g->ndocs] = d;
    return (int)g->ndocs++;
}

int ng_graph_find_node(const ng_graph *g, const char *id)
{
    int64_t at;
    if (!g || !id || !ng_strmap_get(&g->index->nodes, id, strlen(id), &at))
        return -1;
    return (int)at;
}

/* label defaults to the id and type to "unknown": every exported node
 * then has all three strings. An existing node is returned unchanged. */
int ng_graph_add_node(ng_graph *g, const char *id, const char *label, const char *type)
{
    if (!g || !id)
        return NG_EINTERNAL;
    int at = ng_graph_find_node(g, id);
    if (at >= 0)
        return at;
    if (g->nnodes >= INT32_MAX ||
        grow((void **)&g->nodes, &g->nodes_cap, g->nnodes, sizeof *g->nodes))
        return NG_ENOMEM;
    ng_node n = {0};
    n.id = strdup(id);
    n.label = strdup(label ? label : id);
    n.type = strdup(type ? type : "unknown");
    if (!n.id || !n.label || !n.type ||
        ng_strmap_put(&g->index->nodes, id, strlen(id), (int64_t)g->nnodes)) {
        free(n.id);
        free(n.label);
        free(n.type);
        return NG_ENOMEM;
    }
    g->nodes[g->nnodes] = n;
    return (int)g->nnodes++;
}

/* Makes room for one more entry in a list of n strings; lists grow one
 * by one, so a power-of-two capacity is implied by n. */
static int grow_list(char ***list, size_t n)
{
    if ((n & (n - 1)) == 0) {
        size_t cap = n ? n * 2 : 1;
        char **p = realloc(*list, cap * sizeof *p);
        if (!p)
            return NG_ENOMEM;
        *list = p;
    }
    return 0;
}

/* Appends s to a node's string list unless set already holds
 * "node id\x1fs". Shared by aliases and documents. */
static int add_member(ng_graph *g, ng_strmap *set, uint32_t node, char ***list, size_t *n,
                      const char *s)
{
    if (make_key(g, g->nodes[node].id, s, NULL))
        return NG_ENOMEM;
    ng_strbuf *k = &g->index->key;
    if (ng_strmap_get(set, k->data, k->len, NULL))
        return 0;
    if (grow_list(list, *n))
        return NG_ENOMEM;
    char *copy = arena_dup(g, s);
    if (!copy || ng_strmap_put(set, k->data, k->len, 1))
        return NG_ENOMEM;
    (*list)[(*n)++] = copy;
    return 0;
}

/* Aliases equal to the label are not stored: the label already says it. */
int ng_graph_node_add_alias(ng_graph *g, uint32_t node, const char *alias)
{
    if (!g || !alias || node >= g->nnodes)
        return NG_EINTERNAL;
    ng_node *n = &g->nodes[node];
    if (!alias[0] || strcmp(alias, n->label) == 0)
        return 0;
    return add_member(g, &g->index->aliases, node, &n->aliases, &n->naliases, alias);
}

int ng_graph_node_add_document(ng_graph *g, uint32_t node, const char *doc_id)
{
    if (!g || !doc_id || node >= g->nnodes)
        return NG_EINTERNAL;
    ng_node *n = &g->nodes[node];
    return add_member(g, &g->index->node_docs, node, &n->documents, &n->ndocuments, doc_id);
}

int ng_graph_node_add_document_at(ng_graph *g, uint32_t node, uint32_t doc)
{
    if (!g || node >= g->nnodes || doc >= g->ndocs)
        return NG_EINTERNAL;
    ng_node *n = &g->nodes[node];
    if (grow_list(&n->documents, n->ndocuments))
        return NG_ENOMEM;
    n->documents[n->ndocuments++] = g->docs[doc].id;
    return 0;
}

int ng_graph_find_edge(const ng_graph *g, uint32_t source, uint32_t target, const char *relation)
{
    if (!g || !relation || source >= g->nnodes || target >= g->nnodes)
        return -1;
    /* A lookup must not write to the graph (callers may share a const
     * graph between threads), so the key is built in a local buffer. */
    const char *parts[3] = {g->nodes[source].id, g->nodes[target].id, relation};
    size_t lens[3], total = 2;
    for (int i = 0; i < 3; i++)
        total += lens[i] = strlen(parts[i]);
    char small[256], *key = total <= sizeof small ? small : malloc(total);
    if (!key)
        return -1;
    size_t at = 0;
    for (int i = 0; i < 3; i++) {
        if (i)
            key[at++] = '\x1f';
        memcpy(key + at, parts[i], lens[i]);
        at += lens[i];
    }
    int64_t found;
    int rc = ng_strmap_get(&g->index->edges, key, at, &found) ? (int)found : -1;
    if (key != small)
        free(key);
    return rc;
}

/* arena_dup for strings that repeat from one evidence item to the next
 * (a document's statements come together, and a statement about several
 * actors is evidence of several edges): the copy made for the previous
 * item is shared when equal. Arena strings are never changed. */
static char *shared_dup(ng_graph *g, const char **last, const char *s)
{
    if (!s)
        s = "";
    if (*last && strcmp(*last, s) == 0)
        return (char *)*last;
    char *copy = arena_dup(g, s);
    if (copy)
        *last = copy;
    return copy;
}

static int append_evidence(ng_graph *g, ng_edge *e, const ng_evidence *ev)
{
    if ((e->nevidence & (e->nevidence - 1)) == 0) {
        size_t cap = e->nevidence ? e->nevidence * 2 : 1;
        ng_evidence *p = realloc(e->evidence, cap * sizeof *p);
        if (!p)
            return NG_ENOMEM;
        e->evidence = p;
    }
    ng_evidence c = *ev;
    c.document = shared_dup(g, &g->index->last_document, ev->document);
    c.cue = shared_dup(g, &g->index->last_cue, ev->cue);
    c.quote = shared_dup(g, &g->index->last_quote, ev->quote);
    if (!c.document || !c.cue || !c.quote)
        return NG_ENOMEM;
    e->evidence[e->nevidence++] = c;
    return 0;
}

/* The edge key uses node ids rather than indices so that ng_graph_sort
 * only has to renumber the map's values, never rebuild its keys' meaning. */
int ng_graph_add_statement(ng_graph *g, uint32_t source, uint32_t target, const char *relation,
                           const ng_evidence *ev)
{
    if (!g || source >= g->nnodes || target >= g->nnodes)
        return NG_EINTERNAL;
    if (!relation)
        relation = "said";
    int at = ng_graph_find_edge(g, source, target, relation);
    if (at < 0) {
        if (g->nedges >= INT32_MAX ||
            grow((void **)&g->edges, &g->edges_cap, g->nedges, sizeof *g->edges))
            return NG_ENOMEM;
        ng_edge e = {.source = source, .target = target, .relation = strdup(relation)};
        if (!e.relation || make_key(g, g->nodes[source].id, g->nodes[target].id, relation) ||
            ng_strmap_put(&g->index->edges, g->index->key.data, g->index->key.len,
                          (int64_t)g->nedges)) {
            free(e.relation);
            return NG_ENOMEM;
        }
        g->edges[g->nedges] = e;
        at = (int)g->nedges++;
    }
    ng_edge *e = &g->edges[at];
    if (ev && append_evidence(g, e, ev))
        return NG_ENOMEM;
    e->weight += 1;
    return at;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int cmp_doc(const void *a, const void *b)
{
    return strcmp(((const ng_graph_doc *)a)->id, ((const ng_graph_doc *)b)->id);
}

/* Evidence order: (document, start), then the rest so that even
 * identical spans from different cues come out in one order. */
static int cmp_evidence(const void *pa, const void *pb)
{
    const ng_evidence *a = pa, *b = pb;
    int c = strcmp(a->document, b->document);
    if (c)
        return c;
    if (a->start != b->start)
        return a->start < b->start ? -1 : 1;
    if (a->end != b->end)
        return a->end < b->end ? -1 : 1;
    if ((c = strcmp(a->quote, b->quote)) != 0)
        return c;
    if ((c = strcmp(a->cue, b->cue)) != 0)
        return c;
    return (a->direct > b->direct) - (a->direct < b->direct);
}

typedef struct node_order {
    const char *id;
    uint32_t old;
} node_order;

static int cmp_node_order(const void *a, const void *b)
{
    return strcmp(((const node_order *)a)->id, ((const node_order *)b)->id);
}

/* Edges compare by node index once nodes are renumbered in id order,
 * which is the same as comparing by node id. Keys are unique. */
static int cmp_edge(const void *pa, const void *pb)
{
    const ng_edge *a = pa, *b = pb;
    if (a->source != b->source)
        return a->source < b->source ? -1 : 1;
    if (a->target != b->target)
        return a->target < b->target ? -1 : 1;
    return strcmp(a->relation, b->relation);
}

/* Re-points every lookup at the new positions after sorting. Keys are
 * by id, so only values change; putting an existing key overwrites. */
static int reindex(ng_graph *g)
{
    for (size_t i = 0; i < g->ndocs; i++)
        if (ng_strmap_put(&g->index->docs, g->docs[i].id, strlen(g->docs[i].id), (int64_t)i))
            return NG_ENOMEM;
    for (size_t i = 0; i < g->nnodes; i++)
        if (ng_strmap_put(&g->index->nodes, g->nodes[i].id, strlen(g->nodes[i].id), (int64_t)i))
            return NG_ENOMEM;
    for (size_t i = 0; i < g->nedges; i++) {
        const ng_edge *e = &g->edges[i];
        if (make_key(g, g->nodes[e->source].id, g->nodes[e->target].id, e->relation) ||
            ng_strmap_put(&g->index->edges, g->index->key.data, g->index->key.len, (int64_t)i))
            return NG_ENOMEM;
    }
    return 0;
}

/* Hash-table and thread order must never reach an output: sorting
 * everything by content makes the exported files a function of the
 * graph's content alone. O((n + m) log(n + m)). */
int ng_graph_sort(ng_graph *g)
{
    if (!g)
        return NG_EINTERNAL;
    int rc = NG_ENOMEM;
    node_order *order = NULL;
    uint32_t *new_of = NULL;
    ng_node *nodes = NULL;
    if (g->nnodes) {
        order = malloc(g->nnodes * sizeof *order);
        new_of = malloc(g->nnodes * sizeof *new_of);
        nodes = malloc(g->nnodes * sizeof *nodes);
        if (!order || !new_of || !nodes)
            goto cleanup;
    }
    for (size_t i = 0; i < g->nnodes; i++)
        order[i] = (node_order){g->nodes[i].id, (uint32_t)i};
    if (g->nnodes > 1)
        qsort(order, g->nnodes, sizeof *order, cmp_node_order);
    for (size_t i = 0; i < g->nnodes; i++) {
        nodes[i] = g->nodes[order[i].old];
        new_of[order[i].old] = (uint32_t)i;
        if (nodes[i].naliases > 1)
            qsort(nodes[i].aliases, nodes[i].naliases, sizeof(char *), cmp_str);
        if (nodes[i].ndocuments > 1)
            qsort(nodes[i].documents, nodes[i].ndocuments, sizeof(char *), cmp_str);
    }
    if (g->nnodes)
        memcpy(g->nodes, nodes, g->nnodes * sizeof *nodes);
    for (size_t i = 0; i < g->nedges; i++) {
        ng_edge *e = &g->edges[i];
        e->source = new_of[e->source];
        e->target = new_of[e->target];
        if (e->nevidence > 1)
            qsort(e->evidence, e->nevidence, sizeof *e->evidence, cmp_evidence);
    }
    if (g->nedges > 1)
        qsort(g->edges, g->nedges, sizeof *g->edges, cmp_edge);
    if (g->ndocs > 1)
        qsort(g->docs, g->ndocs, sizeof *g->docs, cmp_doc);
    rc = reindex(g);
cleanup:
    free(order);
    free(new_of);
    free(nodes);
    return rc;
}
