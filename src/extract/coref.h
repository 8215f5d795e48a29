/* coref.h - private to src/extract: roles and descriptors for in-document
 * coreference (coref.c, coref_roles.c).
 *
 * A role is what apposition and descriptors say about a person: a head
 * ("president", "spokesman" -> family "spokesperson", "MP" -> family
 * "legislator"), an optional qualifier naming whose ("Kremlin", "SSU")
 * and an optional country ("Ukrainian", "Ukraine's"). Entities carry
 * their role as ng_local_entity.role = "qualifier family" and .country =
 * the gazetteer's country name, which is what run-level resolution keys
 * descriptors on. */
#ifndef NG_EXTRACT_COREF_H
#define NG_EXTRACT_COREF_H

#include "gazetteer.h"

#include <stddef.h>
#include <stdint.h>

typedef struct ng_word {
    const char *s;
    size_t n;
} ng_word;

typedef struct ng_role {
    char family[32];  /* normalised head: "president", "spokesperson", "legislator", "" */
    char qual[64];    /* lowercase qualifier: "kremlin", "ssu", "foreign", "" */
    int country;      /* gazetteer country id, -1 when none */
    uint8_t elected;  /* "the elected official": any elected office */
    uint8_t former;   /* "former", "ex-", "late": someone else now; never bound */
    uint8_t definite; /* began with "the" or a possessive (descriptors) */
} ng_role;

/* Parses words like "Ukrainian President", "Kremlin spokesman", "the
 * elected official" or "North Korean leader" into *out. Returns 1 when a
 * role head was found (the last word, or the last before the name), 0
 * otherwise. */
int ng_role_parse(const ng_gazetteer *gaz, const ng_word *w, size_t n, ng_role *out);

/* The words that describe the person whose name mention starts at start
 * (name_start: after titles inside the span): the run of capitalised or
 * role words ending right before it ("Ukrainian President", "Kremlin
 * spokesman", "Ukraine’s President," - a comma only after a role word),
 * then the titles inside the span. Returns the count (<= max). */
size_t ng_role_words(const ng_gazetteer *gaz, const char *text, uint32_t start, uint32_t name_start,
                     ng_word *w, size_t max);

/* Writes "qual family" (or "family") into buf. */
void ng_role_string(const ng_role *r, char *buf, size_t cap);

/* Reads an entity's role back from its role/country strings. */
void ng_role_of_entity(const ng_gazetteer *gaz, const char *role, const char *country, ng_role *out);

/* Whether descriptor d can refer to a person holding role e. */
int ng_role_matches(const ng_role *d, const ng_role *e);

/* Resolves the descriptor at text[start..end) ("the Ukrainian president")
 * to a local entity of ex: an apposition neighbour, else the most recent
 * earlier mention whose entity holds a matching role. When none matches
 * but the descriptor names a country or a qualifier, a descriptor-only
 * entity (name NULL, role and country set) is made - or reused - so
 * run-level resolution can bind it to the one such person of the run.
 * Returns the entity index, -1 when unresolved, or NG_ENOMEM. */
int ng_coref_descriptor(const ng_gazetteer *gaz, ng_extraction *ex, uint32_t start, uint32_t end);

/* Splits text[start..end) into words at spaces; returns the count (<= max). */
size_t ng_words_split(const char *text, uint32_t start, uint32_t end, ng_word *w, size_t max);

#endif
