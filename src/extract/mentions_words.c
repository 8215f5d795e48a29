/* mentions_words.c - the fixed word lists the rules of mention finding
 * read ("in", "near" before a place; "born", "married" after a person;
 * the stop words of descriptors ...), and the set of lists each word is
 * in (ng_mword_lists).
 *
 * Asking "is this token one of these 30 words?" with string compares, for
 * every token and rule, cost more than the gazetteer probes. Instead each
 * distinct word of a document is looked up once here, when the scratch
 * state meets it (mentions_evidence.c), and the rules test a bit
 * (ng_mscan_in). The table is built once per process and only read
 * afterwards, so lookups are thread-safe and allocation-free. */
#include "mentions.h"

#include <pthread.h>
#include <string.h>

/* Words that, right before a name, make it a place. */
static const char *const place_preps[] = {
    "in", "near", "outside", "across", "throughout", "inside", "into", "around", "toward", "towards",
    /* lowercase points of the compass: "northern Amurru", "south-eastern Moravia" */
    "northern", "southern", "eastern", "western", "central", "northeast", "northwest", "southeast",
    "southwest", "northeastern", "northwestern", "southeastern", "southwestern", "north-east",
    "north-west", "south-east", "south-west", "north-eastern", "north-western", "south-eastern",
    "south-western"};
/* Before "in", these make what follows a company, not a place ("invest
 * in OpenAI", "a stake in Arm"). */
static const char *const stake_words[] = {"invest",   "invests",   "invested",    "investing",
                                          "investment", "investments", "stake",   "stakes",
                                          "shares",   "interest",  "investor",    "investors"};
/* Lowercase nouns that, right after a name, make it a place ("Kursk region"). */
static const char *const place_nouns[] = {"region", "province", "oblast", "district", "city",
                                          "county", "state", "river", "mountains", "valley",
                                          "area", "border", "governorate", "prefecture"};
/* Lowercase roles held in an organisation, not for a person: "Goldman
 * Sachs analyst Mark Delaney", "Hamas spokesman Abu Obeida". */
static const char *const employee_roles[] = {
    "analyst",  "analysts",   "economist",   "strategist", "researcher", "researchers",
    "scientist", "engineer",  "employee",    "employees",  "executive",  "ceo",
    "cfo",      "chairman",   "chairwoman",  "founder",    "co-founder", "owner",
    "spokesman", "spokeswoman", "spokesperson", "manager", "coach",      "striker",
    "midfielder", "goalkeeper", "defender",  "captain",    "director",   "boss"};
/* Lowercase nouns of craft, after which a name is the craft's own
 * ("the cruise ship Freewinds", "the vessel HMC Searcher"). */
static const char *const craft_nouns[] = {
    "ship",     "vessel",    "boat",       "yacht",   "ferry",     "liner",    "tanker",
    "freighter", "frigate",  "destroyer",  "cruiser", "submarine", "warship", "aircraft",
    "airliner", "helicopter", "spacecraft", "shuttle", "orbiter",  "rocket",   "satellite",
    "capsule",  "aboard"};
/* Lowercase nouns of works, after which a name is the work's title
 * ("the 1969 film Easy Rider", "her graphic novel Angel Catbird"). */
static const char *const work_nouns[] = {"film",   "movie",    "novel",       "book",    "album",
                                         "song",   "single",   "sitcom",      "musical", "opera",
                                         "documentary", "painting", "poem",   "journal", "memoir",
                                         "game",   "app",      "browser"};
/* Prefixes of the names of ships and spacecraft. */
static const char *const craft_prefixes[] = {"uss", "hms", "hmcs", "hmas", "hmc", "rms"};
/* Only people are born, marry or die; "was" before such a participle
 * ("Weiss was honored") says the same. */
static const char *const person_verbs[] = {"born",    "died",     "married",   "divorced", "graduated",
                                           "enrolled", "starred", "smiled",    "laughed",  "wept",
                                           "retired", "resigned", "testified", "himself",  "herself"};
static const char *const person_passives[] = {"born",     "elected",  "re-elected", "sentenced",
                                              "arrested", "killed",   "injured",    "wounded",
                                              "educated", "raised",   "honored",    "honoured",
                                              "knighted", "baptized", "baptised",   "buried"};
/* "Carangi's life", "Lima's brother": what only a person has. */
static const char *const person_owns[] = {"wife",     "husband", "father", "mother",  "son",
                                          "daughter", "brother", "sister", "parents", "widow",
                                          "children", "life",    "death",  "career",  "funeral",
                                          "birth",    "childhood", "wedding", "girlfriend",
                                          "boyfriend"};
/* Words after which a name is the subject of what follows. */
static const char *const clause_openers[] = {"and",   "but",    "that",  "when", "while",
                                             "after", "before", "because", "since", "then",
                                             "as",    "where",  "until", "though", "although"};
/* Words of match reports: a document with many of them reports a game. */
static const char *const sport_words[] = {
    "goal",     "goals",     "scored",     "scoring",  "match",      "minute",  "penalty",
    "striker",  "goalkeeper", "midfielder", "defender", "coach",     "league",  "kick",
    "half-time", "equaliser", "equalizer", "referee",  "substituted", "innings", "wicket",
    "wickets",  "touchdown", "quarterback", "semi-final", "quarter-final", "possession"};
/* Verbs that put two teams against each other ("Sweden defeated South Korea"). */
static const char *const match_verbs[] = {"defeated", "beat",    "beats",  "drew",    "faced",
                                          "lost",     "thrashed", "edged", "routed",  "hammered",
                                          "trounced", "eliminated", "knocked", "overcame", "play"};
/* What a team has ("Tunisia's coach", "Panama's attempt"). */
static const char *const team_owns[] = {"coach",   "goalkeeper", "captain", "striker", "manager",
                                        "defence", "defense",    "attack",  "attempt", "squad",
                                        "players", "fans",       "goal",    "midfielder", "keeper"};
/* Words that end a noun phrase before its head could come (descriptors). */
static const char *const stops[] = {"the", "a", "an", "of", "and", "or", "in", "on", "to",
                                    "for", "with", "by", "at", "from", "that", "which", "who",
                                    "was", "is", "were", "are", "has", "had", "have", "said",
                                    "but", "as", "than", "this", "its", "his", "her", "their"};
/* Lowercase words of four letters or more that Title Case leaves in
 * lowercase (prepositions and conjunctions). */
static const char *const title_case_lower[] = {
    "with",   "from",    "into",    "over",    "after",   "about",  "than",   "that",
    "upon",   "onto",    "amid",    "near",    "until",   "across", "against", "among",
    "around", "before",  "behind",  "below",   "beside",  "between", "beyond", "during",
    "except", "inside",  "outside", "through", "toward",  "towards", "under",  "without",
    "within", "along",   "amongst", "while",   "when",    "where"};

#define LIST(words, bit) {words, sizeof words / sizeof *words, bit}

static const struct {
    const char *const *words;
    size_t n;
    uint32_t bit;
} lists[] = {
    LIST(place_preps, NG_ML_PLACE_PREP),       LIST(stake_words, NG_ML_STAKE),
    LIST(place_nouns, NG_ML_PLACE_NOUN),       LIST(employee_roles, NG_ML_EMPLOYEE_ROLE),
    LIST(craft_nouns, NG_ML_CRAFT_NOUN),       LIST(work_nouns, NG_ML_WORK_NOUN),
    LIST(craft_prefixes, NG_ML_CRAFT_PREFIX),  LIST(person_verbs, NG_ML_PERSON_VERB),
    LIST(person_passives, NG_ML_PERSON_PASSIVE), LIST(person_owns, NG_ML_PERSON_OWNS),
    LIST(clause_openers, NG_ML_CLAUSE_OPENER), LIST(sport_words, NG_ML_SPORT),
    LIST(match_verbs, NG_ML_MATCH_VERB),       LIST(team_owns, NG_ML_TEAM_OWNS),
    LIST(stops, NG_ML_STOP),                   LIST(title_case_lower, NG_ML_TITLE_CASE_LOWER),
};

/* Open addressing on the gazetteer's hash of the word; about 300 words,
 * so the table (24 KB) stays in cache. Every listed word is lowercase
 * ASCII of at most WORD_MAX bytes starting with a letter: only word
 * tokens can spell one. */
#define TABLE_SLOTS 1024
#define WORD_MAX 15

typedef struct word_slot {
    uint64_t head; /* first 8 bytes, zero-padded (ng_gaz_word.head) */
    uint32_t hash; /* 0: empty */
    uint32_t lists;
    uint8_t len;
    char key[WORD_MAX];
} word_slot;

static word_slot table[TABLE_SLOTS];
static pthread_once_t table_once = PTHREAD_ONCE_INIT;

/* Most words of a text are in no list: a bit per 4096th of the hashes
 * (other bits than the slot's) turns nearly all of them away after one
 * read of 512 bytes that stay in cache, where the probe reads a table of
 * 32 KB, as big as the first-level cache. */
#define FILTER_BITS 4096
static uint64_t filter[FILTER_BITS / 64];

static uint32_t filter_bit(uint32_t hash)
{
    return (hash >> 16) & (FILTER_BITS - 1);
}

/* The slot of the word w[0..n) prepared in k, or the empty slot ending
 * its probe sequence. Words hold no NUL byte, so under 8 bytes the head
 * decides; longer words compare the rest. */
static word_slot *slot_of(const char *w, size_t n, const ng_gaz_word *k)
{
    for (size_t j = k->hash & (TABLE_SLOTS - 1);; j = (j + 1) & (TABLE_SLOTS - 1)) {
        word_slot *sl = &table[j];
        if (!sl->hash)
            return sl;
        if (sl->hash == k->hash && sl->head == k->head &&
            (n < 8 || (sl->len == n && ng_mscan_same_folded(sl->key + 8, w + 8, n - 8))))
            return sl;
    }
}

static void table_build(void)
{
    for (size_t l = 0; l < sizeof lists / sizeof *lists; l++)
        for (size_t k = 0; k < lists[l].n; k++) {
            const char *w = lists[l].words[k];
            size_t n = strlen(w);
            ng_gaz_word key = ng_gazetteer_word(w, n, n + 1);
            word_slot *sl = slot_of(w, n, &key);
            if (!sl->hash) {
                sl->head = key.head;
                sl->hash = key.hash;
                sl->len = (uint8_t)n;
                memcpy(sl->key, w, n);
            }
            sl->lists |= lists[l].bit;
            filter[filter_bit(key.hash) / 64] |= UINT64_C(1) << (filter_bit(key.hash) % 64);
        }
}

void ng_mword_lists_init(void)
{
    pthread_once(&table_once, table_build);
}

uint32_t ng_mword_lists(const char *w, size_t n, const ng_gaz_word *k)
{
    uint32_t b = filter_bit(k->hash);
    if (n == 0 || n > WORD_MAX || !(filter[b / 64] >> (b % 64) & 1))
        return 0;
    return slot_of(w, n, k)->lists;
}
