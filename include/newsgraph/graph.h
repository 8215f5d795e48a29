/* graph.h - stage 4: the actor graph, its centralities and its JSON form.
 *
 * An ng_graph is plain data (documents, nodes, edges with evidence) that
 * the pipeline builds from resolved extractions, or that
 * ng_graph_read_json loads back from a graph.json. Centralities are
 * computed with igraph by ng_graph_compute_stats. All strings are owned
 * by the graph; those of node aliases and documents and of evidence are
 * kept in one arena of the graph, so a caller must not free them one by
 * one (setting a field to NULL is fine). */
#ifndef NEWSGRAPH_GRAPH_H
#define NEWSGRAPH_GRAPH_H

#include "newsgraph/error.h"

#include <stddef.h>
#include <stdint.h>

typedef struct ng_evidence {
    char *document;  /* document id (path) */
    char *cue;       /* cue word as written */
    char *quote;     /* quoted words or reported clause */
    uint32_t start, end; /* byte span of the quote in the document */
    int direct;      /* 1 quotation, 0 reported speech */
} ng_evidence;

typedef struct ng_graph_doc {
    char *id, *date, *title; /* date and title may be NULL */
} ng_graph_doc;

typedef struct ng_node {
    char *id, *label, *type;   /* type: "person", "organization", "place", ... */
    char **aliases;            /* distinct, != label */
    size_t naliases;
    uint32_t mentions;
    char **documents;          /* document ids, distinct */
    size_t ndocuments;
} ng_node;

typedef struct ng_edge {
    uint32_t source, target;   /* node indices: speaker -> whom it is about */
    char *relation;
    double weight;             /* number of statements */
    ng_evidence *evidence;
    size_t nevidence;
} ng_edge;

typedef struct ng_graph ng_graph;
struct ng_graph {
    ng_graph_doc *docs;
    size_t ndocs, docs_cap;
    ng_node *nodes;
    size_t nnodes, nodes_cap;
    ng_edge *edges;
    size_t nedges, edges_cap;
    struct ng_graph_index *index; /* private lookups: node id, edge key */
};

/* Creates an empty graph; NULL when out of memory. Free with ng_graph_free. */
ng_graph *ng_graph_new(void);
void ng_graph_free(ng_graph *g);

/* Each returns 0 (or an index >= 0) on success, a negative NG_E* code on failure.
 * Strings are copied. */
int ng_graph_add_document(ng_graph *g, const char *id, const char *date, const char *title);
/* Adds a node or returns the index of the node with this id. */
int ng_graph_add_node(ng_graph *g, const char *id, const char *label, const char *type);
int ng_graph_find_node(const ng_graph *g, const char *id);
int ng_graph_node_add_alias(ng_graph *g, uint32_t node, const char *alias);
int ng_graph_node_add_document(ng_graph *g, uint32_t node, const char *doc_id);
/* Appends graph document doc (an index from ng_graph_add_document) to
 * the node's documents without the distinctness check: for builders that
 * know the pair is new and use no other way to add documents to nodes. */
int ng_graph_node_add_document_at(ng_graph *g, uint32_t node, uint32_t doc);
/* Finds or creates edge (source, target, relation), adds 1 to its weight
 * and appends a copy of ev (ev may be NULL). Returns the edge index. */
int ng_graph_add_statement(ng_graph *g, uint32_t source, uint32_t target, const char *relation,
                           const ng_evidence *ev);
/* Finds edge (source, target, relation) or returns -1. */
int ng_graph_find_edge(const ng_graph *g, uint32_t source, uint32_t target, const char *relation);
/* Puts nodes in id order, edges in (source id, target id, relation) order,
 * aliases and documents sorted: outputs become independent of insertion order. */
int ng_graph_sort(ng_graph *g);

typedef struct ng_node_stats {
    double degree, in_degree, out_degree; /* counts of edges (unweighted) */
    double weighted_degree;               /* sum of edge weights in + out */
    double pagerank;     /* weighted by edge weight, damping 0.85 */
    double betweenness;  /* directed, unweighted, parallel relations as one tie;
                          * above 20000 nodes estimated from 1000 sources */
    double closeness;    /* harmonic centrality over undirected hops, normalised to [0,1]
                          * (estimated like betweenness above 20000 nodes) */
    double eigenvector;  /* on the undirected weighted projection, scaled max 1; 0 when isolated */
    double hub, authority; /* HITS on edge weights, scaled max 1; 0 without edges */
    int community;       /* Louvain on the undirected weighted projection; 0 = largest
                          * community, ties by lowest node index; isolated nodes alone */
} ng_node_stats;

typedef struct ng_graph_stats {
    size_t nnodes, nedges;
    double density;      /* distinct ordered pairs u != v over n (n - 1) */
    size_t components;   /* weakly connected */
    size_t communities;
    double modularity;   /* of the communities, on the undirected weighted projection */
    ng_node_stats *nodes; /* indexed like g->nodes */
} ng_graph_stats;

/* Computes every centrality with igraph. *out owned by caller (ng_graph_stats_free).
 * Works on the empty graph and on graphs without edges. Deterministic: the
 * same graph gives the same bits. Thread-safe (igraph is used under a lock).
 * A weight that is not a positive finite number is NG_EINPUT. */
int ng_graph_compute_stats(const ng_graph *g, ng_graph_stats *out, ng_error *err);
void ng_graph_stats_free(ng_graph_stats *s);

/* Reads a graph.json (path may also be a directory holding graph.json).
 * Malformed input is NG_EINPUT with a message naming the file and the problem.
 * Unknown keys are ignored; the result is sorted (ng_graph_sort). *out owned
 * by caller (ng_graph_free), NULL on failure. */
int ng_graph_read_json(const char *path, ng_graph **out, ng_error *err);
/* Same from memory; name is used in messages. */
int ng_graph_parse_json(const char *name, const char *buf, size_t len, ng_graph **out,
                        ng_error *err);

#endif
