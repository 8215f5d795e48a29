/* resolve_internal.h - what the files of run-level resolution share:
 * resolve.c (records, the public API), resolve_strs.c (the string
 * table), resolve_rules.c and resolve_stems.c (the merge rules),
 * resolve_typos.c (typos of places and of actors), resolve_actors.c
 * (clusters to actors), resolve_log.c (the occurrence log). Private to
 * src/extract.
 *
 * A run repeats the same few thousand names across hundreds of thousands
 * of local entities, so every string is interned once in the resolver's
 * string table, and identical local entities are one record with counts:
 * the rules compare and index integers, work per distinct record, and
 * whatever they derive from a string (its key, its gazetteer classes, its
 * stems) they compute once per distinct string. Memory grows with the
 * distinct names of a run, not with its documents. */
#ifndef NG_EXTRACT_RESOLVE_INTERNAL_H
#define NG_EXTRACT_RESOLVE_INTERNAL_H

#include "newsgraph/resolve.h"

#include "arena.h"
#include "resolve_names.h"
#include "stages.h"

#include <stdint.h>

#define NG_RNONE UINT32_MAX

/* One distinct string of the run: a name, an alias, a key, a given name
 * or surname key, a "role|country" descriptor, acronym letters. */
typedef struct ng_rstr {
    const char *text; /* NUL-terminated, in the resolver's arena */
    uint32_t len;
    uint32_t hash;
    uint32_t key;     /* id of ng_name_key(text); NG_RNONE until ng_rstr_key */
    uint32_t words;   /* ng_name_words(text); NG_RNONE until ng_rstr_words */
} ng_rstr;

/* A record: the local entities of the run that are the same to every
 * rule (same type and strings), with how many there are. A corpus repeats
 * a few thousand of them in hundreds of thousands of documents; which
 * local entity of which document is which record is the occurrence log
 * below. The rules that read a document's context (a lone surname next to
 * a full name, an organisation's generic short name) read the log, and a
 * lone surname whose documents tell it different people is split into
 * one record per person (ng_rsplit). Records are numbered in the order of
 * their first occurrence, splits aside: `first` is that order. */
typedef struct ng_rrec {
    uint32_t first;    /* position of its first occurrence in the log */
    uint32_t count;    /* its occurrences (local entities) */
    uint32_t mentions; /* their mentions */
    uint32_t weight;   /* their mentions, counting an entity without any as 1 */
    uint8_t type;
    uint8_t bare;      /* a person known only by one word ("Peskov") */
    uint32_t name;     /* display name; NG_RNONE for a descriptor-only entity */
    uint32_t typo_of;  /* surface form replaced by a gazetteer name, or NG_RNONE */
    uint32_t key;      /* ng_name_key of name (the id of "" when name is NG_RNONE) */
    uint32_t given;    /* persons: key of the given name(s), "" when none */
    uint32_t surname;  /* persons: key of the surname, "" when none */
    uint32_t desc;     /* "role|country" keys of bound descriptors, or NG_RNONE */
    uint32_t acronym;  /* defined acronym letters, or NG_RNONE */
    uint32_t words;    /* words in key; a place typo rewritten to a longer name keeps the count */
    uint32_t naliases;
    const uint32_t *aliases;
    uint32_t hash;     /* of what makes it this record, at ng_resolver_add */
} ng_rrec;

/* One local entity of one document: the record it is. */
typedef struct ng_rocc {
    uint32_t doc, local, rec, mentions;
} ng_rocc;

typedef struct ng_rlog_doc {
    uint32_t doc;   /* document index */
    uint32_t start; /* its first occurrence; its last is before the next document's */
} ng_rlog_doc;

/* Occurrences in (document, local index) order, once sorted: the last
 * LOG_CHUNK in memory, the others in an unlinked temporary file
 * (resolve_log.c). */
typedef struct ng_rlog {
    int fd;             /* -1 no file yet, -2 none can be made (all in memory) */
    uint64_t nfile;     /* occurrences in the file */
    ng_rocc *buf;       /* the ones after them */
    size_t nbuf, cap;
    ng_rlog_doc *docs;  /* documents with occurrences, in log order */
    size_t ndocs, docs_cap;
    int unsorted;       /* documents were added out of order */
} ng_rlog;

void ng_rlog_init(ng_rlog *log);
void ng_rlog_free(ng_rlog *log);
/* Empties the log as ng_rlog_init would, keeping its memory. */
void ng_rlog_reset(ng_rlog *log);
/* Appends one occurrence. 0, NG_ENOMEM or NG_EIO. */
int ng_rlog_append(ng_rlog *log, const ng_rocc *o);
uint64_t ng_rlog_count(const ng_rlog *log);
int ng_rlog_read(const ng_rlog *log, ng_rocc *o, uint64_t at, size_t n);
int ng_rlog_write(ng_rlog *log, const ng_rocc *o, uint64_t at, size_t n);
/* Puts the log in (document, local index) order (a no-op when documents
 * were added in order). */
int ng_rlog_sort(ng_rlog *log);
/* Entry of document doc in log->docs (sorted log), or (size_t)-1. */
size_t ng_rlog_find(const ng_rlog *log, uint32_t doc);

/* Reads the log one document at a time through a window. */
typedef struct ng_rcursor {
    ng_rocc *win;
    size_t n, cap;
    uint64_t at; /* log position of win[0] */
} ng_rcursor;

void ng_rcursor_init(ng_rcursor *c);
void ng_rcursor_free(ng_rcursor *c);
/* The occurrences of document entry d (log->docs[d]); they may be
 * changed in place and written back with ng_rcursor_put. */
int ng_rcursor_doc(ng_rcursor *c, const ng_rlog *log, size_t d, ng_rocc **occ, size_t *n);
int ng_rcursor_put(ng_rcursor *c, ng_rlog *log, size_t d);

struct ng_resolver {
    const ng_models *models; /* borrowed, may be NULL in tests */
    ng_arena arena;
    ng_rrec *recs;
    size_t nrecs, cap;
    uint32_t *rec_slots;     /* records by hash (ids + 1, 0 empty), while adding */
    size_t rec_slots_cap;
    uint32_t *scratch;       /* alias ids of the entity being added */
    size_t scratch_cap;
    ng_rlog log;
    /* the string table: strs[id], found by hash in slots (ids + 1, 0 empty) */
    ng_rstr *strs;
    uint32_t nstrs, strs_cap;
    uint32_t *slots;
    uint32_t slots_cap;
    uint32_t empty;          /* id of "" */
    uint32_t *rank;          /* after finish's ranking: strcmp rank among the records'
                                keys and surnames (NG_RNONE for other strings) */
    uint32_t *classes;       /* ng_rclasses memo of strs[0..nclasses), NG_RNONE unknown */
    uint32_t nclasses;
    uint32_t nranked;
    uint32_t *parent;        /* union-find over recs */
    uint32_t *root;          /* ng_rroots: root of every record */
    uint8_t *bound;          /* descriptor-only records bound to a person */
    size_t uf_cap;           /* room in parent, root and bound */
    int32_t *rec_actor;      /* after finish: actor of each rec, -1 dropped */
    ng_actor *actors;
    size_t nactors;
    int finished;
    int ids_only;            /* ng_resolver_ids_only: no aliases, no document counts */
};

static inline const char *ng_rtext(const ng_resolver *r, uint32_t id) { return r->strs[id].text; }

/* Interns s[0..n) and stores its id in *id. Returns 0 or NG_ENOMEM. */
int ng_rstr_intern(ng_resolver *r, const char *s, size_t n, uint32_t *id);
/* Id of s[0..n) when interned, else NG_RNONE. */
uint32_t ng_rstr_find(const ng_resolver *r, const char *s, size_t n);
/* ng_name_words of string id, counted on first use: only keys are
 * asked, and a document's resolver (extract --stream) interns many more
 * strings than keys. */
static inline uint32_t ng_rstr_words(ng_resolver *r, uint32_t id)
{
    ng_rstr *t = &r->strs[id];
    if (t->words == NG_RNONE) t->words = (uint32_t)ng_name_words(t->text);
    return t->words;
}
/* A fresh open-addressing index of cap slots (a power of two) over the
 * n items at items, stride bytes apart, whose uint32_t hash is hash_at
 * bytes into each: slot = item number + 1, 0 empty, linear probing. The
 * string table and the record table are both indexed this way. NULL on
 * ENOMEM. */
uint32_t *ng_rindex_build(const void *items, size_t n, size_t stride, size_t hash_at, size_t cap);
/* Id of the key of string id (ng_name_key), interned on first use. */
int ng_rstr_key(ng_resolver *r, uint32_t id, uint32_t *key);
/* Ranks the records' keys and surnames in strcmp order (r->rank), the
 * strings the rules compare by rank. */
int ng_rstr_rank(ng_resolver *r);
/* ng_gazetteer_classes of string id (0 without a gazetteer), looked up
 * once per string (every time, should the memo not grow). */
uint32_t ng_rclasses(ng_resolver *r, uint32_t id);
/* ng_gazetteer_classes of s[0..n), and of string id (0 without a
 * gazetteer), through a per-thread memo kept across resolvers. */
uint32_t ng_rgaz_classes(const ng_gazetteer *g, const char *s, size_t n);
uint32_t ng_rstr_classes(const ng_resolver *r, uint32_t id);
/* A uint32 per string, every one set to fill (NULL when out of memory):
 * what a rule derives from a string, computed once. Caller frees. */
uint32_t *ng_rstr_memo(const ng_resolver *r, uint32_t fill);
void ng_rstr_free(ng_resolver *r);
/* Empties the string table (ids start again from 0), keeping its memory. */
void ng_rstr_reset(ng_resolver *r);

/* Union-find root of record i (path halving). Inline: ng_rroots asks
 * it of every record before each rule that reads a snapshot. */
static inline uint32_t ng_rfind(ng_resolver *r, uint32_t i)
{
    uint32_t *parent = r->parent;
    while (parent[i] != i) {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    return i;
}
/* Joins the clusters of a and b; the record that occurs first becomes
 * the root, so a root is always the first record of its cluster and the
 * result does not depend on the order unions are made in. */
void ng_runion(ng_resolver *r, uint32_t a, uint32_t b);
/* Fills r->root with every record's root. Rules that decide from a
 * snapshot of the clusters read r->root instead of calling ng_rfind. */
void ng_rroots(ng_resolver *r);

/* The one root a set of records reaches, as rules ask it: none, exactly
 * one (which), or several. */
typedef struct ng_rone {
    uint32_t root;
    uint32_t n; /* 0, 1, or 2 for several */
} ng_rone;

static inline void ng_rone_add(ng_rone *o, uint32_t root)
{
    if (o->n == 0) {
        o->root = root;
        o->n = 1;
    } else if (o->n == 1 && o->root != root) {
        o->n = 2;
    }
}

static inline void ng_rone_join(ng_rone *o, const ng_rone *p)
{
    if (p->n == 2) o->n = 2;
    else if (p->n == 1) ng_rone_add(o, p->root);
}

/* Pending unions: rules that could chain (A~B, B~C) decide from a
 * snapshot and apply their unions afterwards. */
typedef struct ng_rpairs {
    uint32_t *v;
    size_t n, cap;
} ng_rpairs;

int ng_rpairs_add(ng_rpairs *p, uint32_t a, uint32_t b);
/* Applies the unions and frees the list. */
void ng_rpairs_apply(ng_resolver *r, ng_rpairs *p);

/* The merge rules, in the order ng_resolver_finish applies them. Each
 * returns 0 or NG_ENOMEM. The first rewrites misspelt place names to
 * their gazetteer spelling (resolve_typos.c) before any comparison. */
int ng_rrules_place_typos(ng_resolver *r);
int ng_rrules_exact(ng_resolver *r);
/* Both surname rules use the run's full person names sorted by surname
 * (ng_rsurnames), made once. */
typedef struct ng_rsurname {
    uint32_t surname, key; /* string ids */
    uint32_t rec;          /* the first record with both */
    uint32_t surname_rank, key_rank; /* strcmp order of the two */
} ng_rsurname;
int ng_rsurnames(ng_resolver *r, ng_rsurname **out, size_t *count);
int ng_rrules_person_variants(ng_resolver *r, const ng_rsurname *e, size_t n);
int ng_rrules_bare_surnames(ng_resolver *r, const ng_rsurname *e, size_t n);
int ng_rrules_acronyms(ng_resolver *r);
int ng_rrules_org_stems(ng_resolver *r);
int ng_rrules_typos(ng_resolver *r);
/* Binds descriptor-only records; sets r->bound[i] = 1 for those bound. */
int ng_rrules_descriptors(ng_resolver *r);

/* A new record with the strings of record i and no occurrences yet, its
 * own cluster; stores its index in *out. For occurrences of i that a rule
 * sends elsewhere than the others (ng_rrules_bare_surnames). */
int ng_rsplit(ng_resolver *r, uint32_t i, uint32_t first, uint32_t *out);

/* Turns the clusters into actors: labels, aliases, counts, ids, the
 * rec -> actor map (resolve_actors.c). Descriptor-only records not
 * r->bound are dropped. */
int ng_ractors_build(ng_resolver *r);

#endif
