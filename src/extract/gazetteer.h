/* gazetteer.h - word-class lookups over the background knowledge in
 * data/gazetteer/ (countries, demonyms, capitals, cities, regions, given
 * names, titles, role words, organisation words, common English words).
 *
 * The lists are loaded once by ng_gazetteer_load (stages.h) into one hash
 * map; afterwards the gazetteer is read-only, so every lookup here is
 * thread-safe and allocation-free.
 *
 * Keys are matched case-insensitively for ASCII letters (bytes >= 0x80 are
 * compared as written). A key may be a phrase of several words separated by
 * single spaces ("north korea", "secretary of state", "white house"); pass
 * the phrase exactly like that. Abbreviations keep their dots ("gen.",
 * "u.s."), as the tokenizer keeps them in the word token. */
#ifndef NG_EXTRACT_GAZETTEER_H
#define NG_EXTRACT_GAZETTEER_H

#include "stages.h"

#include <stddef.h>
#include <stdint.h>

/* Word classes; one key may have several (e.g. "president" is TITLE and ROLE). */
enum ng_gaz_class {
    NG_GAZ_GIVEN = 1u << 0,       /* common given name: "Vladimir", "Maria" */
    NG_GAZ_TITLE = 1u << 1,       /* title/honorific written before a name: "President", "Mr.", "Gen." */
    NG_GAZ_ROLE = 1u << 2,        /* role noun naming a person: "spokesman", "president", "official" */
    NG_GAZ_ORG_HEAD = 1u << 3,    /* head noun of an organisation name: "Ministry", "Service", "Agency", "Party" */
    NG_GAZ_INSTITUTION = 1u << 4, /* one-word/fixed institution used as an actor: "Kremlin", "Pentagon", "white house" */
    NG_GAZ_ORG_NOUN = 1u << 5,    /* common noun for an organisation in descriptors: "agency", "ministry", "government" */
    NG_GAZ_COUNTRY = 1u << 6,     /* country name or usual short form: "Ukraine", "north korea", "u.s." */
    NG_GAZ_DEMONYM = 1u << 7,     /* adjective of a country: "Ukrainian", "north korean" */
    NG_GAZ_CAPITAL = 1u << 8,     /* capital city: "Kyiv", "Seoul" */
    NG_GAZ_CITY = 1u << 9,        /* city (GeoNames, population >= ~100k) */
    NG_GAZ_REGION = 1u << 10,     /* first-level region / province / state */
    NG_GAZ_PARTICLE = 1u << 11,   /* lowercase name particle: "de", "van", "von", "bin", "al" */
    NG_GAZ_COMMON = 1u << 12,     /* ordinary lowercase English word (dictionary) */
    NG_GAZ_NONNAME = 1u << 13,    /* capitalised but never a name on its own: "Monday", "January", "I" */
    NG_GAZ_SPEECH = 1u << 14,     /* speech verb suggesting the subject is a person/org: "said", "told" */
    NG_GAZ_PLACE_HEAD = 1u << 15, /* head noun of a place name: "Sea", "Oblast", "Mount", "Island" */
    NG_GAZ_PLACE_MOD = 1u << 16,  /* modifier kept in a place name: "Outer", "East", "Greater" */
    NG_GAZ_MISC_HEAD = 1u << 17,  /* head of an event/work/law name, not an actor: "War", "Treaty", "Cup" */
    NG_GAZ_PREFIX = 1u << 31      /* internal: the key is a proper prefix of a longer phrase key */
};

/* Any place class. */
#define NG_GAZ_PLACE (NG_GAZ_COUNTRY | NG_GAZ_CAPITAL | NG_GAZ_CITY | NG_GAZ_REGION)

/* The classes of the word or phrase s[0..n) (bit set of ng_gaz_class), 0 if unknown. */
uint32_t ng_gazetteer_classes(const ng_gazetteer *g, const char *s, size_t n);

/* One word prepared for lookups: its hash and first bytes, computed once
 * per token by mention finding for its own tables and the gazetteer's. */
typedef struct ng_gaz_word {
    uint64_t head; /* the first 8 bytes, ASCII-lowercased, zero-padded */
    uint32_t hash; /* ng_gazetteer_hash of the word */
} ng_gaz_word;

/* Prepares s[0..n). The caller promises that s[0..avail) is readable
 * (avail >= n; the text of a document and its final NUL): reading whole
 * words past the end of the word saves a byte loop. */
ng_gaz_word ng_gazetteer_word(const char *s, size_t n, size_t avail);

/* ng_gazetteer_classes of one word s[0..n) without spaces, prepared in *w
 * by ng_gazetteer_word. */
uint32_t ng_gazetteer_word_classes(const ng_gazetteer *g, const char *s, size_t n,
                                    const ng_gaz_word *w);

/* ng_gazetteer_classes of s[0..n), a key spelled as the gazetteer keeps
 * its keys but for case: words (no byte is a space) joined by single
 * spaces, none leading or trailing; prepared in *w by ng_gazetteer_word.
 * Mention finding joins the tokens of a phrase so: this spares the
 * search for spaces to fold and the folded copy of ng_gazetteer_classes. */
uint32_t ng_gazetteer_key_classes(const ng_gazetteer *g, const char *s, size_t n,
                                  const ng_gaz_word *w);

/* A number that tells this gazetteer from every other loaded by the
 * process (never 0): what a cache of its answers is valid for. */
uint64_t ng_gazetteer_serial(const ng_gazetteer *g);

/* The hash of s[0..n) with ASCII letters lowercased (never 0). */
uint32_t ng_gazetteer_hash(const char *s, size_t n);

/* Where the slots of the gazetteer's two tables are, for hints given
 * inline by the caller (ng_gaz_prefetch_word of gazetteer_word.h): a
 * word new to a document is hinted once, and a call per word cost more
 * than the hint. Valid as long as g. */
typedef struct ng_gaz_probe {
    const char *slots[2]; /* [0]: words of up to 8 bytes, [1]: longer */
    size_t mask[2];       /* slots - 1 */
    unsigned shift[2];    /* log2 of the size of a slot */
} ng_gaz_probe;
void ng_gazetteer_probe(const ng_gazetteer *g, ng_gaz_probe *p);

/* Gender of a given name: 'm', 'f', 'u' (used for both), or 0 when s is not a known given name. */
int ng_gazetteer_gender(const ng_gazetteer *g, const char *s, size_t n);

/* The country that a country name, demonym, capital, city or region
 * belongs to ("North Korean" -> id of North Korea, "Kyiv" -> Ukraine);
 * the most populous reading wins for ambiguous city names. Returns a
 * country id >= 0, or -1 when unknown. */
int ng_gazetteer_country(const ng_gazetteer *g, const char *s, size_t n);

/* Common English name of a country id ("Ukraine", "North Korea"); NULL for a bad id.
 * Borrowed from the gazetteer. */
const char *ng_gazetteer_country_name(const ng_gazetteer *g, int id);

/* Typo lookup for places: for an unknown capitalised word of >= 5 letters,
 * the known country, capital or city (population >= 500k) of the same first
 * letter within Damerau-Levenshtein distance 1, or 2 when the word has >= 8
 * letters or is an anagram of the place ("Souel" -> "Seoul", "Pyongnyang"
 * -> "Pyongyang"), when exactly one such place exists and the word is not
 * the place inflected ("Korean" is not a typo of "Korea"). Returns the
 * place as spelled in the gazetteer (borrowed, NUL-terminated) or NULL. */
const char *ng_gazetteer_place_near(const ng_gazetteer *g, const char *s, size_t n);

#endif
