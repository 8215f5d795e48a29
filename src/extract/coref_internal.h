/* coref_internal.h - what the files of in-document coreference share:
 * the clusters of name mentions under construction (coref.c) and the
 * acronym pass (coref_acronyms.c). Private to src/extract. */
#ifndef NG_EXTRACT_COREF_INTERNAL_H
#define NG_EXTRACT_COREF_INTERNAL_H

#include "coref.h"

#include "strmap.h"

#define MAX_WORDS 12

/* A cluster of name mentions under construction. */
typedef struct cluster {
    const char *key;         /* key of its fullest name */
    const char *name;        /* display name when constructed ("Security Service of Ukraine") */
    uint32_t best;           /* mention giving the fullest name */
    uint32_t words;          /* words in key */
    const char *surname;     /* key of the surname (persons) */
    const char *first;       /* key of the first word (persons) */
    uint8_t surname_first;   /* "Kim" alone refers to "Kim Jong Un" */
    char acronym[16];
    ng_role role;
    int role_score;          /* -1 none */
    uint32_t type_count[NG_TYPE_COUNT];
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
    uint32_t *members;       /* every cluster's mentions, grouped by cluster */
    size_t *alias_len;       /* lengths of the aliases of the entity being built */
    size_t alias_len_cap;
    ng_strmap bykey;         /* key -> cluster */
    ng_strmap bysurname;     /* surname key -> first person cluster (list via next_surname) */
    ng_strmap byfirst;       /* first-word key -> first person cluster (next_first) */
    ng_strmap byblock;       /* two letters -> first person cluster (next_block) */
    uint32_t *p1;            /* mentions of each cluster after pass 1, grouped by cluster */
} coref;

/* Pass 2: acronyms defined next to organisation names (coref_acronyms.c). */
int ng_coref_pass_acronyms(coref *c);

/* The one organisation or place cluster of the given type whose name's
 * initials are acr, or -1. */
int ng_coref_by_initials(coref *c, const char *acr, int type);

#endif
