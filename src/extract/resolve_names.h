/* resolve_names.h - the string rules shared by in-document coreference
 * (coref.c) and run-level resolution (resolve.c): how two surface forms
 * of a name are compared, how a node id is made from a label.
 *
 * Everything here is pure, allocation-free and works on bounded
 * buffers: names longer than NG_NAME_MAX bytes are truncated for
 * comparison (never for display). */
#ifndef NG_EXTRACT_RESOLVE_NAMES_H
#define NG_EXTRACT_RESOLVE_NAMES_H

#include <stddef.h>

#define NG_NAME_MAX 256

/* Comparison key of a name: Latin letters folded to lowercase ASCII
 * ("Zelenskyy", "ZELENSKYY" -> "zelenskyy", "é" -> "e"), apostrophes and
 * dots dropped ("U.S." -> "us", "Workers’ Party" -> "workers party"),
 * hyphens and runs of space turned into one space, a leading "the " and
 * possessives ("People's" -> "people") removed. Writes a NUL-terminated key of at most
 * cap-1 bytes into out and returns its length. */
size_t ng_name_key(const char *s, size_t n, char *out, size_t cap);

/* Node id of a label: the key's letters and digits, every other run of
 * characters turned into one '-', no leading/trailing '-'; Cyrillic is
 * romanised ("Путин" -> "putin"), other scripts are dropped. May be
 * empty. Returns its length. */
size_t ng_name_slug(const char *label, char *out, size_t cap);
/* The same from the label's key key[0..n) (ng_name_key of the label, with
 * cap NG_NAME_MAX), for callers that have it already. */
size_t ng_name_slug_of_key(const char *key, size_t n, char *out, size_t cap);

/* Optimal-string-alignment (Damerau) distance between a and b, or max+1
 * as soon as it is certain to exceed max. */
int ng_name_distance(const char *a, size_t na, const char *b, size_t nb, int max);

/* When s[0..n) is written like an acronym - 2 to 8 capital letters,
 * optionally dotted ("SBU", "U.S.", "NATO") - writes its letters
 * (uppercase, no dots) into out and returns their count; else 0. */
size_t ng_name_acronym(const char *s, size_t n, char out[16]);

/* Initials of a key's words, uppercase, skipping "of", "the", "and",
 * "for", "&" ("security service of ukraine" -> "SSU"). Returns the count
 * (0 when the key has fewer than two words or more than 15 initials). */
size_t ng_name_initials(const char *key, char out[16]);

/* Number of space-separated words in s. */
size_t ng_name_words(const char *s);

/* Spelling variants of one surname: equal keys, or the same first letter,
 * at least 5 letters and a distance of at most 1 (2 from 8 letters), as
 * in Zelensky / Zelenskyy / Zelenskiy. Arguments are keys. */
int ng_name_surname_variant(const char *a, const char *b);

/* Given names that can belong to one person: equal, one an initial of the
 * other ("V" / "Volodymyr"), or both of at least 4 letters and one edit
 * apart (Dmitry / Dmitri, Volodymr / Volodymyr). Arguments are keys; an
 * empty given name agrees with everything. */
int ng_name_given_agree(const char *a, const char *b);

/* ng_name_given_agree, and not two given names the gazetteer knows for
 * different sexes (Maria / Mario, Daniel / Daniela). gaz may be NULL. */
struct ng_gazetteer;
int ng_name_given_compatible(const struct ng_gazetteer *gaz, const char *a, const char *b);

#endif
