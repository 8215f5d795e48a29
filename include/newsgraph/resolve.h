/* resolve.h - stage 3b: one node per actor across all documents of a run.
 *
 * Documents' local entities are added in document order (doc_index =
 * position in the run's sorted input list); ng_resolver_finish merges
 * them into actors (full name <-> surname <-> title + surname, spelling
 * variants, acronyms, descriptors, typos of known actors or gazetteer
 * places) and gives each a stable id (a slug of its canonical label).
 * The result depends only on the set of documents, not on thread count
 * or directory listing order.
 *
 * A local entity with no name (NULL or "") but a role is a descriptor the
 * document never tied to a name ("the Ukrainian president"): it joins the
 * one person of the run whose role and country match, or is dropped
 * (ng_resolver_actor_of returns -1). */
#ifndef NEWSGRAPH_RESOLVE_H
#define NEWSGRAPH_RESOLVE_H

#include "newsgraph/extract.h"

typedef struct ng_actor {
    char *id;          /* stable slug, unique in the run */
    char *label;       /* canonical label: fullest well-formed name */
    int type;          /* ng_entity_type */
    char **aliases;    /* every other surface form, sorted, distinct, != label */
    size_t naliases;
    uint32_t mentions; /* mentions of every kind across the run */
    size_t ndocs;      /* documents it occurs in */
} ng_actor;

typedef struct ng_resolver ng_resolver;

/* models is borrowed and must outlive the resolver. */
int ng_resolver_new(const ng_models *models, ng_resolver **out, ng_error *err);

/* Before finish: the actors are wanted for their ids alone (extract
 * --stream writes nothing else), so finish leaves their aliases empty and
 * ndocs 0. Ids, labels, types and mentions are those of a full finish. */
void ng_resolver_ids_only(ng_resolver *r);

/* Forgets everything added (and the actors of a finish) but keeps the
 * memory, so the resolver serves another set of documents as a new one
 * would (extract --stream resolves each document on its own); the models
 * and ng_resolver_ids_only stay. 0, or NG_ENOMEM. */
int ng_resolver_reset(ng_resolver *r, ng_error *err);

/* Registers the local entities of one document. Copies what it needs, so
 * ex may be freed afterwards. doc_index values must be distinct. */
int ng_resolver_add(ng_resolver *r, uint32_t doc_index, const ng_extraction *ex, ng_error *err);

/* Clusters everything added into actors. Call once, after the last add. */
int ng_resolver_finish(ng_resolver *r, ng_error *err);

/* After finish: actors sorted by id. */
size_t ng_resolver_actor_count(const ng_resolver *r);
const ng_actor *ng_resolver_actor(const ng_resolver *r, size_t i);

/* After finish: actor index of local entity `local` of document doc_index,
 * or -1 when that entity was dropped (e.g. it was furniture-like noise). */
int32_t ng_resolver_actor_of(const ng_resolver *r, uint32_t doc_index, int32_t local);

/* After finish: ng_resolver_actor_of of locals 0..n-1 of document
 * doc_index into actor[], in one read. 0, or NG_EIO when the resolver's
 * temporary file cannot be read. Safe from several threads. */
int ng_resolver_doc_actors(const ng_resolver *r, uint32_t doc_index, int32_t *actor, size_t n);

/* ng_resolver_doc_actors for a reader that goes through the documents in
 * increasing doc_index (the writers of a run's output): the log is read
 * through a window of many documents, one read each, rather than one
 * read per document. A reader belongs to one thread. */
typedef struct ng_resolver_reader ng_resolver_reader;
/* NULL when out of memory. r must outlive the reader. */
ng_resolver_reader *ng_resolver_reader_new(const ng_resolver *r);
/* As ng_resolver_doc_actors; any doc_index works, increasing ones are fast. */
int ng_resolver_reader_doc_actors(ng_resolver_reader *rd, uint32_t doc_index, int32_t *actor,
                                  size_t n);
void ng_resolver_reader_free(ng_resolver_reader *rd);

void ng_resolver_free(ng_resolver *r);

#endif
