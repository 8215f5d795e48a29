/* abbrevs.c - the words the sentence splitter (text.c) knows: titles and
 * other abbreviations that take a dot, and the function words that open
 * sentences. They are part of the grammar of English punctuation (like
 * the quote marks in chars.h), not knowledge about the world, so they
 * live in code: the splitter must work without a data directory
 * (library use, fuzzing). */
#include "abbrevs.h"

#include <stdatomic.h>
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

/* The bit of a first letter in a list's letter mask; 0 for any other
 * byte (then the list is searched). */
static inline uint64_t letter_bit(unsigned char c)
{
    if (c >= 'A' && c <= 'Z')
        return (uint64_t)1 << (c - 'A');
    if (c >= 'a' && c <= 'z')
        return (uint64_t)1 << (26 + c - 'a');
    return 0;
}

static const list_word *const lists[NLISTS] = {title_abbrevs, other_abbrevs, sentence_openers};

/* The first letters of each list's words, worked out on first use (the
 * same value whichever thread does it; 0: not yet). Most words looked up
 * (the last of a sentence, before its period) start with a letter no
 * word of the lists starts with, and need no search. */
static _Atomic uint64_t list_letters[NLISTS];

static uint64_t letters_of(int which)
{
    uint64_t m = atomic_load_explicit(&list_letters[which], memory_order_relaxed);
    if (m)
        return m;
    for (const list_word *w = lists[which]; w->len; w++)
        m |= letter_bit((unsigned char)w->s[0]);
    m |= (uint64_t)1 << 63; /* never 0 */
    atomic_store_explicit(&list_letters[which], m, memory_order_relaxed);
    return m;
}

int ng_text_word_in(const char *s, size_t n, int which)
{
    const list_word *list = lists[which];
    if (n == 0 || n >= sizeof list->s)
        return 0;
    uint64_t bit = letter_bit((unsigned char)s[0]);
    if (bit && !(letters_of(which) & bit))
        return 0;
    for (size_t i = 0; list[i].len; i++)
        if (list[i].len == n && list[i].s[0] == s[0] && memcmp(list[i].s, s, n) == 0)
            return 1;
    return 0;
}
