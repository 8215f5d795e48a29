/* test_coref.c - in-document coreference, one case per rule. Each case
 * is a sentence with its mentions marked by hand (as the mention finder
 * would mark them) and the entities coreference must make of them. */
#include "check.h"

#include "coref.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static ng_models *models;

typedef struct mark {
    const char *text; /* the mention's words, found left to right */
    int type, kind;
} mark;

#define PER(s) {s, NG_TYPE_PERSON, NG_KIND_NAME}
#define ORG(s) {s, NG_TYPE_ORG, NG_KIND_NAME}
#define LOC(s) {s, NG_TYPE_PLACE, NG_KIND_NAME}
#define DEM(s) {s, NG_TYPE_PLACE, NG_KIND_DEMONYM}
#define DESC(s) {s, NG_TYPE_PERSON, NG_KIND_DESCRIPTOR}

static ng_doc doc;

/* Marks the mentions in order (each search starts after the previous
 * one) and runs coreference. */
static void run(ng_extraction *ex, const char *text, const mark *m, size_t n)
{
    doc = (ng_doc){.path = "test", .text = (char *)text, .len = strlen(text)};
    CHECK(ng_extraction_init(ex, &doc) == 0);
    const char *from = text;
    for (size_t i = 0; i < n; i++) {
        const char *at = strstr(from, m[i].text);
        CHECK(at != NULL);
        if (!at) return;
        ng_mention mm = {.start = (uint32_t)(at - text),
                         .end = (uint32_t)(at - text + strlen(m[i].text)),
                         .type = (uint8_t)m[i].type,
                         .kind = (uint8_t)m[i].kind,
                         .entity = -1};
        CHECK(ng_extraction_add_mention(ex, &mm) >= 0);
        from = at + strlen(m[i].text);
    }
    CHECK(ng_coref_document(models->gazetteer, ex, NULL) == 0);
}

static const ng_local_entity *entity_of(const ng_extraction *ex, size_t mention)
{
    int32_t e = ex->mentions[mention].entity;
    return e < 0 ? NULL : &ex->entities[e];
}

static int has_alias(const ng_local_entity *e, const char *s)
{
    for (size_t i = 0; e && i < e->naliases; i++)
        if (strcmp(e->aliases[i], s) == 0) return 1;
    return 0;
}

static void test_surname_and_apposition_role(void)
{
    ng_extraction ex;
    const mark m[] = {ORG("Kremlin"), PER("Dmitry Peskov"), PER("Peskov")};
    run(&ex, "Kremlin spokesman Dmitry Peskov told reporters. \"We are interested,\" Peskov added.", m, 3);
    CHECK(ex.mentions[1].entity == ex.mentions[2].entity);
    const ng_local_entity *e = entity_of(&ex, 2);
    CHECK_STR(e->name, "Dmitry Peskov");
    CHECK_STR(e->given, "Dmitry");
    CHECK_STR(e->surname, "Peskov");
    CHECK_STR(e->role, "kremlin spokesperson");
    CHECK(has_alias(e, "Peskov"));
    CHECK(ex.mentions[0].entity != ex.mentions[1].entity);
    ng_extraction_free(&ex);
}

static void test_acronym_in_parentheses_names_the_organisation_in_full(void)
{
    ng_extraction ex;
    const mark m[] = {LOC("Ukraine"), ORG("Security Service"), ORG("SSU"), ORG("SSU")};
    run(&ex, "Ukraine’s Security Service (SSU) confirmed the capture. They are held by the SSU.", m, 4);
    const ng_local_entity *e = entity_of(&ex, 1);
    CHECK_STR(e->name, "Security Service of Ukraine");
    CHECK_STR(e->acronym, "SSU");
    CHECK(has_alias(e, "Security Service"));
    CHECK(ex.mentions[2].entity == ex.mentions[1].entity);
    CHECK(ex.mentions[3].entity == ex.mentions[1].entity);
    ng_extraction_free(&ex);
}

static void test_acronym_after_a_comma(void)
{
    ng_extraction ex;
    const mark m[] = {ORG("Security Service of Ukraine"), ORG("SBU"), ORG("SBU")};
    run(&ex, "They were communicating with the Security Service of Ukraine, SBU, the agency. The SBU said.", m, 3);
    CHECK_STR(entity_of(&ex, 0)->acronym, "SBU");
    CHECK(ex.mentions[2].entity == ex.mentions[0].entity);
    ng_extraction_free(&ex);
}

static void test_list_after_a_comma_is_no_acronym(void)
{
    ng_extraction ex;
    const mark m[] = {ORG("European Union"), ORG("NATO")};
    run(&ex, "Talks with the European Union, NATO, and others.", m, 2);
    CHECK(entity_of(&ex, 0)->acronym == NULL);
    CHECK(ex.mentions[1].entity != ex.mentions[0].entity);
    ng_extraction_free(&ex);
}

static void test_acronym_by_initials(void)
{
    ng_extraction ex;
    const mark m[] = {ORG("National Intelligence Service"), ORG("NIS")};
    run(&ex, "The National Intelligence Service said so. The NIS added more.", m, 2);
    CHECK(ex.mentions[1].entity == ex.mentions[0].entity);
    ng_extraction_free(&ex);
}

static void test_demonym_makes_the_country(void)
{
    ng_extraction ex;
    const mark m[] = {DEM("North Korean"), LOC("Russia"), DEM("Russian")};
    run(&ex, "North Korean troops fought for Russia alongside Russian units.", m, 3);
    CHECK_STR(entity_of(&ex, 0)->name, "North Korea");
    CHECK(entity_of(&ex, 0)->type == NG_TYPE_PLACE);
    CHECK(ex.mentions[2].entity == ex.mentions[1].entity);
    ng_extraction_free(&ex);
}

static void test_language_makes_no_country(void)
{
    ng_extraction ex;
    const mark m[] = {DEM("Ukrainian"), DEM("English"), DEM("Russian"), LOC("Russia")};
    run(&ex, "The prisoners do not speak Ukrainian, English, or Russian. Russia said so.", m, 4);
    CHECK(ex.mentions[0].entity == -1);
    CHECK(ex.mentions[1].entity == -1);
    CHECK(ex.mentions[2].entity == ex.mentions[3].entity); /* a named country still takes it */
    ng_extraction_free(&ex);
}

static void test_descriptor_with_role_and_country(void)
{
    ng_extraction ex;
    const mark m[] = {DEM("Ukrainian"), PER("Volodymyr Zelensky"), DEM("Russian"), PER("Vladimir Putin"),
                      DESC("the Ukrainian president")};
    run(&ex,
        "Ukrainian President Volodymyr Zelensky said Russian President Vladimir Putin needs help. "
        "\"We are ready,\" the Ukrainian president wrote.",
        m, 5);
    const ng_local_entity *z = entity_of(&ex, 1);
    CHECK_STR(z->role, "president");
    CHECK_STR(z->country, "Ukraine");
    CHECK(ex.mentions[4].entity == ex.mentions[1].entity);
    ng_extraction_free(&ex);
}

static void test_qualifier_is_an_institution_not_an_adverb(void)
{
    ng_extraction ex;
    const mark m[] = {DEM("Ukrainian"), PER("Volodymyr Zelensky"), PER("Karine Jean-Pierre")};
    run(&ex, "Meanwhile Ukrainian President Volodymyr Zelensky spoke. White House spokesperson Karine "
             "Jean-Pierre agreed.", m, 3);
    CHECK_STR(entity_of(&ex, 1)->role, "president");
    CHECK_STR(entity_of(&ex, 2)->role, "white house spokesperson");
    ng_extraction_free(&ex);
}

static void test_elected_official_is_the_lawmaker(void)
{
    ng_extraction ex;
    const mark m[] = {PER("Lee Seong-kweun"), DESC("the elected official"), PER("Lee Seong-kweun")};
    run(&ex,
        "\"Estimates indicate losses,\" Lee Seong-kweun told reporters. \"Notes were found,\" the elected "
        "official continued. According to MP Lee Seong-kweun, memos reveal more.",
        m, 3);
    const ng_local_entity *e = entity_of(&ex, 0);
    CHECK(ex.mentions[1].entity == ex.mentions[0].entity);
    CHECK_STR(e->surname, "Lee");
    CHECK_STR(e->given, "Seong-kweun");
    CHECK_STR(e->role, "legislator");
    ng_extraction_free(&ex);
}

static void test_indefinite_descriptor_stays_unresolved(void)
{
    ng_extraction ex;
    const mark m[] = {PER("John Kim"), DESC("a South Korean lawmaker")};
    run(&ex, "MP John Kim spoke. Later a South Korean lawmaker said more.", m, 2);
    CHECK(ex.mentions[1].entity == -1);
    ng_extraction_free(&ex);
}

static void test_unnamed_descriptor_is_left_to_the_run(void)
{
    ng_extraction ex;
    const mark m[] = {DESC("the Ukrainian president"), DESC("the Ukrainian president")};
    run(&ex, "The offer came after the Ukrainian president spoke, and the Ukrainian president wrote.", m, 2);
    const ng_local_entity *e = entity_of(&ex, 0);
    CHECK(e != NULL && e->name == NULL);
    if (e) {
        CHECK_STR(e->role, "president");
        CHECK_STR(e->country, "Ukraine");
    }
    CHECK(ex.mentions[1].entity == ex.mentions[0].entity);
    ng_extraction_free(&ex);
}

static void test_shared_surname_goes_to_the_most_recent(void)
{
    ng_extraction ex;
    const mark m[] = {PER("John Smith"), PER("Mary Smith"), PER("Smith")};
    run(&ex, "John Smith met Mary Smith on Monday. Smith said nothing.", m, 3);
    CHECK(ex.mentions[0].entity != ex.mentions[1].entity);
    CHECK(ex.mentions[2].entity == ex.mentions[1].entity);
    ng_extraction_free(&ex);
}

static void test_most_mentioned_namesake_keeps_the_surname(void)
{
    ng_extraction ex;
    const mark m[] = {PER("Ahmed Mohamed"), PER("Mohamed"), PER("Mohamed El-Hassan Mohamed"), PER("Mohamed")};
    run(&ex, "Ahmed Mohamed built a clock. Mohamed was arrested. His father Mohamed El-Hassan Mohamed spoke. "
             "Mohamed will move.", m, 4);
    CHECK(ex.mentions[0].entity != ex.mentions[2].entity);
    CHECK(ex.mentions[3].entity == ex.mentions[0].entity);
    ng_extraction_free(&ex);
}

static void test_head_noun_after_the_refers_back(void)
{
    ng_extraction ex;
    const mark m[] = {ORG("Supreme Court"), ORG("Court")};
    run(&ex, "The Supreme Court ruled on Monday. The Court said the law stands.", m, 2);
    CHECK(ex.mentions[1].entity == ex.mentions[0].entity);
    ng_extraction_free(&ex);
}

static void test_given_name_alone(void)
{
    ng_extraction ex;
    const mark m[] = {PER("Daniel Montalvo"), PER("Daniel"), PER("John Kerry"), PER("John Kirby"), PER("John")};
    run(&ex, "Daniel Montalvo left the group. Daniel said so. John Kerry and John Kirby spoke. John agreed.", m, 5);
    CHECK(ex.mentions[1].entity == ex.mentions[0].entity);
    CHECK_STR(entity_of(&ex, 0)->surname, "Montalvo");
    CHECK(ex.mentions[4].entity != ex.mentions[2].entity && ex.mentions[4].entity != ex.mentions[3].entity);
    ng_extraction_free(&ex);
}

static void test_particle_or_common_word_is_no_name(void)
{
    ng_extraction ex;
    const mark m[] = {PER("Al Qaeda"), PER("Al"), PER("Star Reach"), PER("Star")};
    run(&ex, "Al Qaeda claimed it. Al said. Star Reach spoke. Star said.", m, 4);
    CHECK(ex.mentions[1].entity != ex.mentions[0].entity);
    CHECK(ex.mentions[3].entity != ex.mentions[2].entity);
    ng_extraction_free(&ex);
}

static void test_title_inside_the_span(void)
{
    ng_extraction ex;
    const mark m[] = {PER("President Zelensky"), PER("Zelensky")};
    run(&ex, "President Zelensky stated that. Zelensky added.", m, 2);
    const ng_local_entity *e = entity_of(&ex, 0);
    CHECK_STR(e->name, "Zelensky");
    CHECK(has_alias(e, "President Zelensky"));
    CHECK_STR(e->role, "president");
    CHECK(ex.mentions[1].entity == ex.mentions[0].entity);
    ng_extraction_free(&ex);
}

static void test_surname_first_when_the_text_says_so(void)
{
    ng_extraction ex;
    const mark m[] = {PER("Kim Jong Un"), DEM("North Korean"), PER("Kim")};
    run(&ex, "Kim Jong Un sent troops. Help came from North Korean leader Kim.", m, 3);
    const ng_local_entity *e = entity_of(&ex, 0);
    CHECK(ex.mentions[2].entity == ex.mentions[0].entity);
    CHECK_STR(e->surname, "Kim");
    CHECK_STR(e->role, "leader");
    CHECK_STR(e->country, "North Korea");
    ng_extraction_free(&ex);
}

/* Two documents in a row on one thread: the second reuses the first's
 * buffers and must know nothing of its spans, keys or clusters; a span
 * written twice (acronym, demonym) is looked up the second time. */
static void test_two_documents_in_a_row(void)
{
    ng_extraction ex;
    const mark m1[] = {ORG("National Intelligence Service"), ORG("NIS"), DEM("North Korean"),
                       ORG("NIS"), DEM("North Korean"), PER("President Zelensky"), PER("Zelensky")};
    run(&ex,
        "The National Intelligence Service said so. The NIS added that North Korean troops "
        "fought. The NIS saw North Korean units. President Zelensky spoke. Zelensky added.",
        m1, 7);
    CHECK(ex.mentions[1].entity == ex.mentions[0].entity);
    CHECK(ex.mentions[3].entity == ex.mentions[0].entity);
    CHECK_STR(entity_of(&ex, 2)->name, "North Korea");
    CHECK(ex.mentions[4].entity == ex.mentions[2].entity);
    CHECK(ex.mentions[6].entity == ex.mentions[5].entity);
    CHECK(has_alias(entity_of(&ex, 5), "President Zelensky"));
    CHECK(ex.nentities == 3);
    ng_extraction_free(&ex);

    const mark m2[] = {ORG("NIS"), DEM("North Korean"), PER("Zelensky"), ORG("NIS")};
    run(&ex, "The NIS said so. They spoke North Korean. Zelensky left. The NIS agreed.", m2, 4);
    CHECK(ex.mentions[0].entity >= 0);
    CHECK_STR(entity_of(&ex, 0)->name, "NIS");
    CHECK(ex.mentions[3].entity == ex.mentions[0].entity);
    CHECK(ex.mentions[1].entity == -1); /* a language here: no country */
    CHECK(entity_of(&ex, 2) && entity_of(&ex, 2)->naliases == 0);
    CHECK(ex.nentities == 2);
    ng_extraction_free(&ex);
}

/* Keys live in blocks the thread reuses from one document to the next:
 * a document with more keys than the first block holds, then a small
 * one, then the big one again must come out the same each time. */
static void test_many_keys_over_documents(void)
{
    enum { NAMES = 600 }; /* surnames with distinct first two letters: no spelling variants */
    static char text[NAMES * 64];
    static char names[NAMES][48];
    static mark m[NAMES * 2];
    size_t o = 0;
    for (int i = 0; i < NAMES; i++) {
        snprintf(names[i], sizeof names[i], "Aleksandr %c%cyzzyqwertovich", 'A' + i % 26,
                 'a' + (i / 26) % 26);
        o += (size_t)snprintf(text + o, sizeof text - o, "%s spoke. ", names[i]);
        m[i] = (mark)PER(names[i]);
    }
    for (int round = 0; round < 2; round++) {
        ng_extraction ex;
        run(&ex, text, m, NAMES);
        CHECK(ex.nentities == NAMES);
        for (int i = 0; i < NAMES && i < (int)ex.nmentions; i++)
            CHECK(entity_of(&ex, (size_t)i) && strcmp(entity_of(&ex, (size_t)i)->name, names[i]) == 0);
        ng_extraction_free(&ex);
        const mark small[] = {PER("Ivan Petrov"), PER("Petrov")};
        run(&ex, "Ivan Petrov spoke. Petrov left.", small, 2);
        CHECK(ex.nentities == 1 && ex.mentions[1].entity == ex.mentions[0].entity);
        ng_extraction_free(&ex);
    }
}

/* ng_role_string and ng_role_of_entity copy strings by hand instead of
 * calling snprintf: the same bytes, truncation included, for every
 * length of qualifier and family against every buffer size. */
static void test_role_strings_as_snprintf_writes_them(void)
{
    static const char letters[] = "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmno";
    for (size_t ql = 0; ql < 64; ql += 7)
        for (size_t fl = 1; fl < 32; fl += 5)
            for (size_t cap = 1; cap < 110; cap += 3) {
                ng_role r;
                memset(&r, 0, sizeof r);
                memcpy(r.qual, letters, ql);
                memcpy(r.family, letters + 3, fl);
                char got[128], want[128];
                memset(got, 'x', sizeof got);
                memset(want, 'x', sizeof want);
                ng_role_string(&r, got, cap);
                if (ql) snprintf(want, cap, "%s %s", r.qual, r.family);
                else snprintf(want, cap, "%s", r.family);
                CHECK(memcmp(got, want, sizeof got) == 0);
            }
    /* back from a role string: "qual family", families of one word here */
    char role[200];
    for (size_t ql = 0; ql < 90; ql += 11) {
        size_t o = 0;
        for (size_t i = 0; i < ql; i++) role[o++] = (char)('a' + i % 26);
        if (ql) role[o++] = ' ';
        memcpy(role + o, "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz", 40);
        role[o + 40] = '\0';
        ng_role r;
        ng_role_of_entity(NULL, role, NULL, &r);
        char fam[32], qual[64];
        snprintf(fam, sizeof fam, "%s", role + o);
        if (ql) snprintf(qual, sizeof qual, "%.*s", (int)ql, role);
        else qual[0] = '\0';
        CHECK(strcmp(r.family, fam) == 0 && strcmp(r.qual, qual) == 0);
    }
}

int main(void)
{
    ng_error err;
    if (ng_models_load(NULL, &models, &err) < 0) {
        fprintf(stderr, "cannot load models: %s\n", err.message);
        return 1;
    }
    RUN(test_surname_and_apposition_role);
    RUN(test_acronym_in_parentheses_names_the_organisation_in_full);
    RUN(test_acronym_after_a_comma);
    RUN(test_list_after_a_comma_is_no_acronym);
    RUN(test_acronym_by_initials);
    RUN(test_demonym_makes_the_country);
    RUN(test_language_makes_no_country);
    RUN(test_descriptor_with_role_and_country);
    RUN(test_qualifier_is_an_institution_not_an_adverb);
    RUN(test_elected_official_is_the_lawmaker);
    RUN(test_indefinite_descriptor_stays_unresolved);
    RUN(test_unnamed_descriptor_is_left_to_the_run);
    RUN(test_shared_surname_goes_to_the_most_recent);
    RUN(test_most_mentioned_namesake_keeps_the_surname);
    RUN(test_head_noun_after_the_refers_back);
    RUN(test_given_name_alone);
    RUN(test_particle_or_common_word_is_no_name);
    RUN(test_title_inside_the_span);
    RUN(test_surname_first_when_the_text_says_so);
    RUN(test_two_documents_in_a_row);
    RUN(test_role_strings_as_snprintf_writes_them);
    RUN(test_many_keys_over_documents);
    ng_models_free(models);
    return CHECK_DONE();
}
