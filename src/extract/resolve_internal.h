/* resolve_internal.h - what resolve.c (records, actors, the public API)
 * shares with resolve_rules.c (the merge rules). Private to src/extract. */
#ifndef NG_EXTRACT_RESOLVE_INTERNAL_H
#define NG_EXTRACT_RESOLVE_INTERNAL_H

#include "newsgraph/resolve.h"

#include "arena.h"
#include "stages.h"

#include <stdint.h>

/* One local entity of one document, copied into the resolver's arena,
 * with the comparison keys the rules need. */
typedef struct ng_rrec {
    uint32_t doc;
    int32_t local;
    uint8_t type;
    const char *name;      /* display name; NULL for a descriptor-only entity */
    const char **aliases;
    size_t naliases;
    const char *typo_of;   /* surface form replaced by a gazetteer name, or NULL */
    const char *key;       /* ng_name_key of name ("" when name is NULL) */
    uint32_t kid;          /* rank of key among the run's distinct keys, so
                              rules compare and sort integers, not strings */
    const char *given;     /* persons: key of the given name(s), "" when none */
    const char *surname;   /* persons: key of the surname, "" when none */
    const char *desc;      /* "role|country" keys of bound descriptors, or NULL */
    char acronym[16];      /* defined acronym letters, "" when none */
    uint32_t mentions;
    uint32_t words;        /* words in key */
    uint8_t bare;          /* a person known only by one word ("Peskov") */
} ng_rrec;

struct ng_resolver {
    const ng_models *models; /* borrowed, may be NULL in tests */
    ng_arena arena;
    ng_rrec *recs;
    size_t nrecs, cap;
    uint32_t *parent;        /* union-find over recs */
    int32_t *rec_actor;      /* after finish: actor of each rec, -1 dropped */
    ng_actor *actors;
    size_t nactors;
    size_t nkeys;            /* distinct keys: recs[].kid < nkeys */
    int finished;
};

/* Union-find root of record i (path halving). */
uint32_t ng_rfind(ng_resolver *r, uint32_t i);
/* Joins the clusters of a and b; the smaller index becomes the root so
 * the result does not depend on the order unions are made in. */
void ng_runion(ng_resolver *r, uint32_t a, uint32_t b);

/* The merge rules, in the order ng_resolver_finish applies them. Each
 * returns 0 or NG_ENOMEM. The first rewrites misspelt place names to
 * their gazetteer spelling (resolve_typos.c) before any comparison. */
int ng_rrules_place_typos(ng_resolver *r);
int ng_rrules_exact(ng_resolver *r);
int ng_rrules_person_variants(ng_resolver *r);
int ng_rrules_bare_surnames(ng_resolver *r);
int ng_rrules_acronyms(ng_resolver *r);
int ng_rrules_org_stems(ng_resolver *r);
int ng_rrules_typos(ng_resolver *r);
/* Binds descriptor-only records; sets *bound[i] = 1 for those bound. */
int ng_rrules_descriptors(ng_resolver *r, uint8_t *bound);

/* Turns the clusters into actors: labels, aliases, counts, ids, the
 * rec -> actor map (resolve_actors.c). Descriptor-only records not
 * bound[] are dropped. */
int ng_ractors_build(ng_resolver *r, const uint8_t *bound);

#endif
