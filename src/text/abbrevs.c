/* abbrevs.c - the words the sentence splitter (text.c) knows: titles and
 * other abbreviations that take a dot, and the function words that open
 * sentences. They are part of the grammar of English punctuation (like
 * the quote marks in chars.h), not knowledge about the world, so they
 * live in code: the splitter must work without a data directory
 * (library use, fuzzing). */
#include "abbrevs.h"

#include <pthread.h>
#include <stdint.h>
#include <string.h>

/* A word of the lists below, its length stored so that a lookup needs no
 * strlen; the lists end with an empty word. */
typedef struct list_word {
    unsigned char len;
    char s[10];
} list_word;
#define W(word) {sizeof(word) - 1, word}

/* Words that take an abbreviation dot and never end a sentence: titles
 * before names, months before numbers, "No." before numbers. */
static const list_word title_abbrevs[] = {
    W("Mr"), W("Mrs"), W("Ms"), W("Dr"), W("Gen"), W("Sen"), W("Rep"), W("Gov"), W("Lt"),
    W("Col"), W("Capt"), W("Sgt"), W("Prof"), W("Rev"), W("St"), W("Adm"), W("Maj"), W("Brig"),
    W("Cmdr"), W("Hon"), W("Pres"), W("Messrs"), W("Mt"), W("Ft"), W("Gens"), W("Jan"),
    W("Feb"), W("Mar"), W("Apr"), W("Jun"), W("Jul"), W("Aug"), W("Sep"), W("Sept"), W("Oct"),
    W("Nov"), W("Dec"), W("No"), W("Nos"), W("Vol"), W("Fig"), W("approx"), W("vs"), W("Supt"),
    W("Insp"), W("Det"), W("Cpl"), W("Pvt"), W("Amb"),
    {0, ""}};

/* Abbreviations that may also end a sentence when a sentence plainly
 * starts after them. */
static const list_word other_abbrevs[] = {
    W("Inc"), W("Ltd"), W("Co"), W("Corp"), W("Jr"), W("Sr"), W("etc"), W("Bros"), W("Dept"),
    W("Univ"), W("Assn"), W("Ave"), W("Blvd"),
    {0, ""}};

/* Function words that start sentences; after an abbreviation such as
 * "U.S." a following capitalised word of this kind means a new sentence. */
static const list_word sentence_openers[] = {
    W("The"), W("He"), W("She"), W("It"), W("They"), W("We"), W("I"), W("But"), W("And"),
    W("In"), W("On"), W("A"), W("An"), W("This"), W("That"), W("These"), W("Those"), W("His"),
    W("Her"), W("Its"), W("Their"), W("There"), W("Meanwhile"), W("However"), W("Yet"),
    W("So"), W("As"), W("At"), W("After"), W("Before"), W("When"), W("While"), W("If"),
    W("For"), W("Some"), W("Many"), W("Officials"), W("According"),
    {0, ""}};

static const list_word *const lists[NLISTS] = {title_abbrevs, other_abbrevs, sentence_openers};

int ng_text_word_in_plain(const char *s, size_t n, int which)
{
    const list_word *list = lists[which];
    if (n == 0 || n >= sizeof list->s)
        return 0;
    for (size_t i = 0; list[i].len; i++)
        if (list[i].len == n && memcmp(list[i].s, s, n) == 0)
            return 1;
    return 0;
}

/* All the words of the lists in one open-addressing table keyed by their
 * first eight bytes: the splitter asks about every word before a period,
 * and a probe costs less than a walk along a list. Built once per process
 * (pthread_once), read-only afterwards. */
#define WORD_SLOTS 256
typedef struct word_slot {
    uint64_t key;        /* the first eight bytes, zero-padded */
    const list_word *w;  /* NULL: empty */
    unsigned lists;      /* 1 << LIST_* of the lists the word is in */
} word_slot;

static word_slot word_table[WORD_SLOTS];
static uint64_t word_letters; /* letter_bit of the first letter of every word */
static pthread_once_t word_table_once = PTHREAD_ONCE_INIT;

/* The bit of a letter in word_letters; 0 for any other byte (no word of
 * the lists starts with one). */
static inline uint64_t letter_bit(unsigned char c)
{
    if (c >= 'A' && c <= 'Z')
        return (uint64_t)1 << (c - 'A');
    if (c >= 'a' && c <= 'z')
        return (uint64_t)1 << (26 + c - 'a');
    return 0;
}

static inline uint64_t word_key(const char *s, size_t n)
{
    uint64_t x = 0;
    for (size_t i = 0; i < n && i < 8; i++)
        x |= (uint64_t)(unsigned char)s[i] << (8 * i);
    return x;
}

static inline size_t word_hash(uint64_t key, size_t n)
{
    return (size_t)(((key ^ (uint64_t)n) * 0x9e3779b97f4a7c15u) >> 56) & (WORD_SLOTS - 1);
}

static void word_table_build(void)
{
    for (int which = 0; which < NLISTS; which++) {
        for (const list_word *w = lists[which]; w->len; w++) {
            uint64_t key = word_key(w->s, w->len);
            size_t j = word_hash(key, w->len);
            while (word_table[j].w && !(word_table[j].w->len == w->len &&
                                        memcmp(word_table[j].w->s, w->s, w->len) == 0))
                j = (j + 1) & (WORD_SLOTS - 1);
            word_table[j].key = key;
            word_table[j].w = w;
            word_table[j].lists |= 1u << which;
            word_letters |= letter_bit((unsigned char)w->s[0]);
        }
    }
}

unsigned ng_text_word_lists(const char *s, size_t n)
{
    if (n == 0 || n >= sizeof title_abbrevs[0].s)
        return 0;
    pthread_once(&word_table_once, word_table_build);
    /* most words asked about (the last of a sentence) start with a
     * letter no word of the lists starts with */
    if (!(letter_bit((unsigned char)s[0]) & word_letters))
        return 0;
    uint64_t key = word_key(s, n);
    for (size_t j = word_hash(key, n);; j = (j + 1) & (WORD_SLOTS - 1)) {
        const word_slot *sl = &word_table[j];
        if (!sl->w)
            return 0;
        if (sl->key == key && sl->w->len == n &&
            (n <= 8 || memcmp(sl->w->s + 8, s + 8, n - 8) == 0))
            return sl->lists;
    }
}

int ng_text_word_in(const char *s, size_t n, int which)
{
    return (ng_text_word_lists(s, n) >> which) & 1;
}
