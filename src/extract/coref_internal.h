/* coref_internal.h - what the files of in-document coreference share:
 * the clusters of name mentions under construction (coref.c) and the
 * acronym pass (coref_acronyms.c). Private to src/extract. */
#ifndef NG_EXTRACT_COREF_INTERNAL_H
#define NG_EXTRACT_COREF_INTERNAL_H

#include "coref.h"


#define MAX_WORDS 12

static inline int coref_is_capital(unsigned char ch) { return (ch >= 'A' && ch <= 'Z') || ch >= 0x80; }

/* A cluster of name mentions under construction. */
typedef struct cluster {
    const char *key;         /* key of its fullest name */
    const char *name;        /* display name when constructed ("Security Service of Ukraine") */
    uint32_t best;           /* mention giving the fullest name */
    uint32_t words;          /* words in key */
    const char *surname;     /* key of the surname (persons) */
    uint8_t surname_first;   /* "Kim" alone refers to "Kim Jong Un" */
    char acronym[16];
    ng_role role;
    int role_score;          /* -1 none */
    uint32_t type_count[NG_TYPE_COUNT];
    uint8_t type;            /* the most counted type (the first of equals) */
    int entity;
    const char *given;       /* key of the given name(s) (persons) */
    int next_surname;        /* next person cluster with the same surname key, -1 */
    int next_first;          /* ... with the same first word */
    int next_block;          /* ... whose surname starts with the same two letters */
    uint32_t p1_off, p1_n;   /* its full-name mentions, in coref.p1 (ascending) */
    uint32_t joined;         /* one-word mentions joined so far (pass 3, in order) */
    uint32_t last_joined;    /* the latest of them + 1, 0 when none */
    char initials[16];       /* ng_name_initials of key once initials_known */
    uint8_t initials_known;  /* key no longer changes after pass 2 */
    uint32_t mem_off, mem_n; /* its mentions, in coref.members (ascending) */
} cluster;

/* One distinct key of the document (coref_keys.c): a name's key, a
 * surname, a first word or a surname's first two letters. The strings
 * are not copied: they live in the extraction's arena. */
typedef struct coref_key {
    const char *s;
    uint32_t len;
    uint32_t words;   /* ng_name_words of a mention's key, UINT32_MAX until known */
    int32_t cluster;  /* the cluster of this key, -1 */
    int32_t surname;  /* first person cluster with this surname (next_surname), -1 */
    int32_t first;    /* ... with this first word (next_first), -1 */
    int32_t block;    /* ... whose surname starts with these two letters (next_block), -1 */
    int terminated;   /* s[len] is NUL */
} coref_key;

/* A name span of the text met before: where its name starts (after
 * titles) and its key; for a demonym span (SLOT_DEMONYM), the country's
 * number in name_off (UINT32_MAX: none) and the key of its name (-1). */
typedef struct coref_span {
    const char *s;    /* in the document's text */
    uint32_t len;
    uint32_t name_off;
    int32_t key;
    uint32_t cls;     /* gazetteer classes of the name once short_known (0, never read,
                       * for a person's name that is no acronym) */
    char acr[16];     /* ng_name_acronym of the name once short_known, "" for none */
    uint8_t is_acr;
    uint8_t short_known; /* cls, acr and is_acr set (pass 3) */
} coref_span;

enum { SLOT_KEY, SLOT_SPAN, SLOT_SPAN_PERSON, SLOT_DEMONYM };

typedef struct coref_slot {
    uint32_t gen;    /* in use when equal to coref_keys.gen */
    uint32_t hash;
    uint32_t index;  /* in keys or spans */
    uint32_t kind;   /* SLOT_* */
} coref_slot;

/* A block of the strings only coreference reads (keys, given names). */
typedef struct coref_strings {
    struct coref_strings *next;
    size_t cap, used;
    char data[];
} coref_strings;

/* The keys table and every buffer a document's coreference needs; a
 * thread keeps them from one document to the next (coref_keys.c). */
typedef struct coref_keys {
    coref_slot *slots;
    uint32_t slot_cap; /* allocated */
    uint32_t mask;     /* slots in use by the document - 1 */
    uint32_t used, gen;
    coref_key *keys;
    uint32_t nkeys;
    size_t capkeys;
    coref_span *spans;
    uint32_t nspans;
    size_t capspans;
    char *block; /* the per-mention arrays */
    size_t block_cap;
    cluster *cl;
    size_t capcl;
    size_t *alias_len;
    size_t alias_len_cap;
    coref_strings *strings; /* the blocks, reused by the next document */
    coref_strings *cur;     /* the one being filled */
} coref_keys;

typedef struct coref {
    const ng_gazetteer *gaz;
    ng_extraction *ex;
    const char *text;
    cluster *cl;
    size_t ncl, capcl;
    int32_t *of;             /* mention -> cluster, -1 */
    uint32_t *name_start;    /* mention -> start of the name after leading titles */
    const char **mkey;       /* mention -> key of its (title-stripped) name */
    uint32_t *mkey_len;      /* mention -> strlen of its key */
    uint32_t *mwords;        /* mention -> words in its key */
    int32_t *mkid;           /* mention -> its key's number, -1 */
    uint32_t *mspan;         /* name mention -> its span's number in kt.spans */
    uint32_t *members;       /* every cluster's mentions, grouped by cluster */
    size_t *alias_len;       /* lengths of the aliases of the entity being built */
    size_t alias_len_cap;
    uint32_t *p1;            /* mentions of each cluster after pass 1, grouped by cluster */
    int32_t *initials_of;    /* clusters an acronym's initials may name, made by the
                              * first ng_coref_by_initials (freed by coref.c) */
    size_t ninitials_of;
    int initials_ready;      /* initials_of made (it may be NULL: out of memory) */
    coref_keys kt;           /* the keys; the buffers above live in it */
    coref_keys *kept;        /* the thread's, lent to kt; NULL when none */
} coref;

/* Counts one more mention of type t in k, keeping k->type. */
static inline void coref_count_type(cluster *k, int t)
{
    k->type_count[t]++;
    if (k->type_count[t] > k->type_count[k->type] || (k->type_count[t] == k->type_count[k->type] && t < k->type))
        k->type = (uint8_t)t;
}

/* Takes the thread's buffers (or starts empty ones), sizes the
 * per-mention arrays of c for nmentions and the table for nnames name
 * mentions. 0 or NG_ENOMEM. */
int ng_coref_keys_begin(coref *c, size_t nmentions, size_t nnames);
/* Gives the buffers back to the thread (or frees them). */
void ng_coref_keys_end(coref *c, size_t nmentions);

/* A NUL-terminated copy of s[0..n) that lasts until the end of the
 * document's coreference (not in the extraction: keys and the like never
 * reach the entities); NULL on ENOMEM. */
const char *ng_coref_keep(coref *c, const char *s, size_t n);

/* Where ng_coref_key_find looked for a key: its hash and the slot of
 * the table it has or would have. */
typedef struct coref_probe {
    uint32_t hash, slot;
} coref_probe;

/* The number of key s[0..n), -1 when the document has none such; where
 * it looked in *probe unless NULL. */
int32_t ng_coref_key_find(coref *c, const char *s, size_t n, coref_probe *probe);
/* The number of key s[0..n), made when new (s must live until the end
 * of the document's coreference, as the text and ng_coref_keep copies do;
 * terminated: s[n] is NUL, and then the key's string becomes s if it was
 * not a C string). A number or NG_ENOMEM. */
int32_t ng_coref_key_intern(coref *c, const char *s, size_t n, int terminated);
/* The same with the probe ng_coref_key_find gave for s[0..n) (its bytes;
 * s may be a copy), no key or span having been added since: the table
 * is not searched again. */
int32_t ng_coref_key_intern_probed(coref *c, const char *s, size_t n, int terminated,
                                   const coref_probe *probe);
/* The span s[0..n) of kind SLOT_SPAN or SLOT_SPAN_PERSON met before, or
 * NULL; its hash in *hash. */
const coref_span *ng_coref_span_find(coref *c, const char *s, size_t n, uint32_t kind,
                                     uint32_t *hash);
/* Remembers a span not met before (hash: from ng_coref_span_find). 0 or NG_ENOMEM. */
int ng_coref_span_add(coref *c, const char *s, size_t n, uint32_t kind, uint32_t hash,
                      uint32_t name_off, int32_t key);

/* Pass 2: acronyms defined next to organisation names (coref_acronyms.c). */
int ng_coref_pass_acronyms(coref *c);

/* The one organisation or place cluster of the given type whose name's
 * initials are acr, or -1. */
int ng_coref_by_initials(coref *c, const char *acr, int type);

/* Makes the local entity of every cluster, in the order of their first
 * mentions, and points the mentions at them (coref_entities.c). */
int ng_coref_build_entities(coref *c);

#endif
