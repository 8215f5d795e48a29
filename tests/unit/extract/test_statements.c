/* test_statements.c - one case per attribution pattern, each with the
 * sentence it comes from (written for these tests). Mentions are placed
 * by hand so that only the attribution rules are under test. */
#include "attr_fixture.h"

#define PER NG_TYPE_PERSON
#define ORG NG_TYPE_ORG
#define LOC NG_TYPE_PLACE
#define NAME NG_KIND_NAME
#define DESC NG_KIND_DESCRIPTOR
#define DEM NG_KIND_DEMONYM

/* ---- direct quotes ---------------------------------------------------------- */

static void test_quote_before_cue(void)
{
    fx f;
    fx_open(&f, "\"We will rebuild the bridge by spring,\" Mayor Lena Holt said on Tuesday.");
    int holt = fx_entity(&f, "Lena Holt", PER, "Lena");
    fx_mention(&f, "Lena Holt", 0, PER, NAME, holt);
    fx_run(&f);
    CHECK(f.ex.nstatements == 1);
    if (f.ex.nstatements == 1) {
        CHECK(f.ex.statements[0].speaker == holt);
        CHECK(f.ex.statements[0].direct == 1);
        CHECK_STR(fx_quote(&f, 0), "We will rebuild the bridge by spring");
        CHECK_STR(f.ex.statements[0].cue, "said");
        CHECK_STR(f.ex.statements[0].relation, "said");
    }
    fx_close(&f);
}

static void test_inverted_cue(void)
{
    fx f;
    fx_open(&f, "\xE2\x80\x9CThe talks are over,\xE2\x80\x9D said Foreign Minister Omar Haddad.");
    int haddad = fx_entity(&f, "Omar Haddad", PER, "Omar");
    fx_mention(&f, "Omar Haddad", 0, PER, NAME, haddad);
    fx_run(&f);
    CHECK(f.ex.nstatements == 1);
    if (f.ex.nstatements == 1) {
        CHECK(f.ex.statements[0].speaker == haddad);
        CHECK_STR(fx_quote(&f, 0), "The talks are over");
    }
    fx_close(&f);
}

static void test_colon_introduction(void)
{
    fx f;
    fx_open(&f, "Haddad declared on Friday: \"Our border stays closed to Tarnland.\"");
    int haddad = fx_entity(&f, "Omar Haddad", PER, "Omar");
    int tarn = fx_entity(&f, "Tarnland", LOC, NULL);
    fx_mention(&f, "Haddad", 0, PER, NAME, haddad);
    fx_mention(&f, "Tarnland", 0, LOC, NAME, tarn);
    fx_run(&f);
    CHECK(f.ex.nstatements == 1);
    if (f.ex.nstatements == 1) {
        CHECK(f.ex.statements[0].speaker == haddad);
        CHECK(f.ex.statements[0].direct == 1);
        CHECK_STR(fx_quote(&f, 0), "Our border stays closed to Tarnland.");
        CHECK(fx_about(&f, 0, tarn));
        CHECK(!fx_about(&f, 0, haddad));
    }
    fx_close(&f);
}

static void test_split_quote_with_inverted_cue(void)
{
    fx f;
    fx_open(&f, "\xE2\x80\x9CWe cannot confirm the figures,\xE2\x80\x9D Haddad said, "
                "\xE2\x80\x9C" "and we will not guess.\xE2\x80\x9D");
    int haddad = fx_entity(&f, "Omar Haddad", PER, "Omar");
    fx_mention(&f, "Haddad", 0, PER, NAME, haddad);
    fx_run(&f);
    CHECK(f.ex.nstatements == 2);
    CHECK(fx_count_by(&f, haddad) == 2);
    if (f.ex.nstatements == 2) {
        CHECK_STR(fx_quote(&f, 0), "We cannot confirm the figures");
        CHECK_STR(fx_quote(&f, 1), "and we will not guess.");
    }
    fx_close(&f);
}

static void test_nested_single_quotes(void)
{
    fx f;
    fx_open(&f, "\"They called it 'a victory for Tarnland' on the radio,\" Haddad said.");
    int haddad = fx_entity(&f, "Omar Haddad", PER, "Omar");
    int tarn = fx_entity(&f, "Tarnland", LOC, NULL);
    fx_mention(&f, "Tarnland", 0, LOC, NAME, tarn);
    fx_mention(&f, "Haddad", 0, PER, NAME, haddad);
    fx_run(&f);
    CHECK(f.ex.nstatements == 1);
    if (f.ex.nstatements == 1) {
        CHECK(f.ex.statements[0].speaker == haddad);
        CHECK_STR(fx_quote(&f, 0), "They called it 'a victory for Tarnland' on the radio");
        CHECK(fx_about(&f, 0, tarn));
    }
    fx_close(&f);
}

static void test_multi_paragraph_quote(void)
{
    fx f;
    int holt;
    fx_open(&f, "Holt said: \xE2\x80\x9CThe first part of the plan is done.\n"
                "\xE2\x80\x9CThe second part starts in May.\xE2\x80\x9D\n"
                "The council applauded.");
    holt = fx_entity(&f, "Lena Holt", PER, "Lena");
    fx_mention(&f, "Holt", 0, PER, NAME, holt);
    fx_run(&f);
    CHECK(f.ex.nstatements == 1);
    if (f.ex.nstatements == 1) {
        CHECK(f.ex.statements[0].speaker == holt);
        CHECK(strstr(fx_quote(&f, 0), "The first part of the plan is done.") != NULL);
        CHECK(strstr(fx_quote(&f, 0), "The second part starts in May.") != NULL);
    }
    fx_close(&f);
}

static void test_quote_continues_after_cue(void)
{
    fx f;
    fx_open(&f, "\"We will wait,\" Holt said. \"Nobody here wants a rushed decision.\"");
    int holt = fx_entity(&f, "Lena Holt", PER, "Lena");
    fx_mention(&f, "Holt", 0, PER, NAME, holt);
    fx_run(&f);
    CHECK(f.ex.nstatements == 2);
    CHECK(fx_count_by(&f, holt) == 2);
    fx_close(&f);
}

/* ---- reported speech -------------------------------------------------------- */

static void test_reported_said_that(void)
{
    fx f;
    fx_open(&f, "Holt said on Monday that the council would meet envoys from Tarnland.");
    int holt = fx_entity(&f, "Lena Holt", PER, "Lena");
    int tarn = fx_entity(&f, "Tarnland", LOC, NULL);
    fx_mention(&f, "Holt", 0, PER, NAME, holt);
    fx_mention(&f, "Tarnland", 0, LOC, NAME, tarn);
    fx_run(&f);
    CHECK(f.ex.nstatements == 1);
    if (f.ex.nstatements == 1) {
        CHECK(f.ex.statements[0].speaker == holt);
        CHECK(f.ex.statements[0].direct == 0);
        CHECK_STR(fx_quote(&f, 0), "the council would meet envoys from Tarnland");
        CHECK(fx_about(&f, 0, tarn));
    }
    fx_close(&f);
}

static void test_reported_bare_clause(void)
{
    fx f;
    fx_open(&f, "Holt said the new ferry to Tarnland was ready.");
    int holt = fx_entity(&f, "Lena Holt", PER, "Lena");
    int tarn = fx_entity(&f, "Tarnland", LOC, NULL);
    fx_mention(&f, "Holt", 0, PER, NAME, holt);
    fx_mention(&f, "Tarnland", 0, LOC, NAME, tarn);
    fx_run(&f);
    CHECK(f.ex.nstatements == 1);
    if (f.ex.nstatements == 1) {
        CHECK_STR(fx_quote(&f, 0), "the new ferry to Tarnland was ready");
        CHECK(fx_about(&f, 0, tarn));
    }
    fx_close(&f);
}

static void test_told_reporters(void)
{
    fx f;
    fx_open(&f, "Haddad told reporters the border with Tarnland would stay closed.");
    int haddad = fx_entity(&f, "Omar Haddad", PER, "Omar");
    int tarn = fx_entity(&f, "Tarnland", LOC, NULL);
    fx_mention(&f, "Haddad", 0, PER, NAME, haddad);
    fx_mention(&f, "Tarnland", 0, LOC, NAME, tarn);
    fx_run(&f);
    CHECK(f.ex.nstatements == 1);
    if (f.ex.nstatements == 1) {
        CHECK(f.ex.statements[0].speaker == haddad);
        CHECK_STR(fx_quote(&f, 0), "the border with Tarnland would stay closed");
        CHECK_STR(f.ex.statements[0].cue, "told");
    }
    fx_close(&f);
}

static void test_wrote_on_account(void)
{
    fx f;
    fx_open(&f, "\"The ferry runs again,\" Holt wrote on her X account on Sunday.");
    int holt = fx_entity(&f, "Lena Holt", PER, "Lena");
    fx_mention(&f, "Holt", 0, PER, NAME, holt);
    fx_run(&f);
    CHECK(f.ex.nstatements == 1);
    if (f.ex.nstatements == 1) {
        CHECK(f.ex.statements[0].speaker == holt);
        CHECK_STR(fx_quote(&f, 0), "The ferry runs again");
        CHECK_STR(f.ex.statements[0].cue, "wrote");
    }
    fx_close(&f);
}

static void test_according_to(void)
{
    fx f;
    fx_open(&f, "According to Haddad, the border with Tarnland will reopen in May.");
    int haddad = fx_entity(&f, "Omar Haddad", PER, "Omar");
    int tarn = fx_entity(&f, "Tarnland", LOC, NULL);
    fx_mention(&f, "Haddad", 0, PER, NAME, haddad);
    fx_mention(&f, "Tarnland", 0, LOC, NAME, tarn);
    fx_run(&f);
    CHECK(f.ex.nstatements == 1);
    if (f.ex.nstatements == 1) {
        CHECK(f.ex.statements[0].speaker == haddad);
        CHECK_STR(fx_quote(&f, 0), "the border with Tarnland will reopen in May");
        CHECK(fx_about(&f, 0, tarn));
    }
    fx_close(&f);
}

static void test_citing_source(void)
{
    fx f;
    fx_open(&f, "The Daily Ledger, citing Haddad, reported that the ferry to Tarnland would stop.");
    int ledger = fx_entity(&f, "Daily Ledger", ORG, NULL);
    int haddad = fx_entity(&f, "Omar Haddad", PER, "Omar");
    int tarn = fx_entity(&f, "Tarnland", LOC, NULL);
    fx_mention(&f, "Daily Ledger", 0, ORG, NAME, ledger);
    fx_mention(&f, "Haddad", 0, PER, NAME, haddad);
    fx_mention(&f, "Tarnland", 0, LOC, NAME, tarn);
    fx_run(&f);
    CHECK(f.ex.nstatements == 1);
    if (f.ex.nstatements == 1) {
        CHECK(f.ex.statements[0].speaker == ledger);
        CHECK(f.ex.statements[0].source == haddad);
        CHECK_STR(f.ex.statements[0].relation, "reported");
        CHECK(fx_about(&f, 0, tarn));
        CHECK(!fx_about(&f, 0, haddad));
    }
    fx_close(&f);
}

static void test_declined_to_comment_on_topic(void)
{
    fx f;
    fx_open(&f, "The ministry declined to comment on Holt's proposal.");
    int ministry = fx_entity(&f, "ministry", ORG, NULL);
    int holt = fx_entity(&f, "Lena Holt", PER, "Lena");
    fx_mention(&f, "The ministry", 0, ORG, DESC, ministry);
    fx_mention(&f, "Holt", 0, PER, NAME, holt);
    fx_run(&f);
    CHECK(f.ex.nstatements == 1);
    if (f.ex.nstatements == 1) {
        CHECK(f.ex.statements[0].speaker == ministry);
        CHECK_STR(f.ex.statements[0].relation, "declined_to_comment");
        CHECK(fx_about(&f, 0, holt));
    }
    fx_close(&f);
}

static void test_verbs_map_to_relations(void)
{
    static const struct {
        const char *text, *relation;
    } cases[] = {
        {"Haddad denied that the ferry had sunk.", "denied"},
        {"Haddad confirmed that the ferry had sunk.", "confirmed"},
        {"Haddad claimed that the ferry had sunk.", "claimed"},
        {"Haddad announced that the ferry had sunk.", "announced"},
        {"Haddad revealed that the ferry had sunk.", "announced"},
        {"Haddad noted that the ferry had sunk.", "said"},
        {"Haddad warned that the ferry had sunk.", "warned"},
        {"Haddad accused the captain of lying.", "accused"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        fx f;
        fx_open(&f, cases[i].text);
        int haddad = fx_entity(&f, "Omar Haddad", PER, "Omar");
        fx_mention(&f, "Haddad", 0, PER, NAME, haddad);
        fx_run(&f);
        CHECK(f.ex.nstatements == 1);
        if (f.ex.nstatements == 1) {
            CHECK_STR(f.ex.statements[0].relation, cases[i].relation);
            CHECK(f.ex.statements[0].speaker == haddad);
        }
        fx_close(&f);
    }
}

static void test_clause_before_subject(void)
{
    fx f;
    fx_open(&f, "Troops from Tarnland had crossed the river, the Daily Ledger reported.");
    int ledger = fx_entity(&f, "Daily Ledger", ORG, NULL);
    int tarn = fx_entity(&f, "Tarnland", LOC, NULL);
    fx_mention(&f, "Tarnland", 0, LOC, NAME, tarn);
    fx_mention(&f, "Daily Ledger", 0, ORG, NAME, ledger);
    fx_run(&f);
    CHECK(f.ex.nstatements == 1);
    if (f.ex.nstatements == 1) {
        CHECK(f.ex.statements[0].speaker == ledger);
        CHECK_STR(fx_quote(&f, 0), "Troops from Tarnland had crossed the river");
        CHECK(fx_about(&f, 0, tarn));
    }
    fx_close(&f);
}

static void test_mixed_quote_in_reported_speech(void)
{
    fx f;
    fx_open(&f, "Haddad said he was \xE2\x80\x9Cready\xE2\x80\x9D to reopen talks with Tarnland.");
    int haddad = fx_entity(&f, "Omar Haddad", PER, "Omar");
    int tarn = fx_entity(&f, "Tarnland", LOC, NULL);
    fx_mention(&f, "Haddad", 0, PER, NAME, haddad);
    fx_mention(&f, "Tarnland", 0, LOC, NAME, tarn);
    fx_run(&f);
    CHECK(f.ex.nstatements == 1);
    if (f.ex.nstatements == 1) {
        CHECK(f.ex.statements[0].direct == 0);
        CHECK(strstr(fx_quote(&f, 0), "ready") != NULL);
        CHECK(fx_about(&f, 0, tarn));
    }
    fx_close(&f);
}

static void test_coordinated_speakers(void)
{
    fx f;
    fx_open(&f, "The Admiralty and the Harbour Board confirmed that ships from Tarnland had left.");
    int adm = fx_entity(&f, "Admiralty", ORG, NULL);
    int board = fx_entity(&f, "Harbour Board", ORG, NULL);
    int tarn = fx_entity(&f, "Tarnland", LOC, NULL);
    fx_mention(&f, "Admiralty", 0, ORG, NAME, adm);
    fx_mention(&f, "Harbour Board", 0, ORG, NAME, board);
    fx_mention(&f, "Tarnland", 0, LOC, NAME, tarn);
    fx_run(&f);
    CHECK(f.ex.nstatements == 2);
    CHECK(fx_count_by(&f, adm) == 1);
    CHECK(fx_count_by(&f, board) == 1);
    fx_close(&f);
}

/* ---- speakers ---------------------------------------------------------------- */

static void test_pronoun_speaker(void)
{
    fx f;
    fx_open(&f, "Lena Holt opened the new bridge on Friday.\n\"It took four long years,\" she said.");
    int holt = fx_entity(&f, "Lena Holt", PER, "Lena");
    fx_mention(&f, "Lena Holt", 0, PER, NAME, holt);
    fx_run(&f);
    CHECK(f.ex.nstatements == 1);
    if (f.ex.nstatements == 1) {
        const ng_statement *s = &f.ex.statements[0];
        CHECK(s->speaker == holt);
        CHECK(s->speaker_mention >= 0);
        if (s->speaker_mention >= 0) {
            const ng_mention *m = &f.ex.mentions[s->speaker_mention];
            CHECK(m->kind == NG_KIND_PRONOUN);
            CHECK(m->entity == holt);
            CHECK(!strncmp(f.doc.text + m->start, "she", 3));
        }
    }
    CHECK(f.ex.nmentions == 2);
    if (f.ex.nmentions == 2)
        CHECK(f.ex.mentions[0].start < f.ex.mentions[1].start);
    fx_close(&f);
}

static void test_pronoun_gender_agreement(void)
{
    fx f;
    fx_open(&f, "Lena Holt met Omar Haddad in the port.\n\"We agreed on nothing,\" she said.");
    int holt = fx_entity(&f, "Lena Holt", PER, "Lena");
    int haddad = fx_entity(&f, "Omar Haddad", PER, "Omar");
    fx_mention(&f, "Lena Holt", 0, PER, NAME, holt);
    fx_mention(&f, "Omar Haddad", 0, PER, NAME, haddad);
    fx_run(&f);
    CHECK(f.ex.nstatements == 1);
    if (f.ex.nstatements == 1)
        CHECK(f.ex.statements[0].speaker == holt);
    fx_close(&f);
}

static void test_pronoun_follows_last_speaker(void)
{
    fx f;
    fx_open(&f, "\"We will talk to Tarnland,\" Haddad said.\n"
                "He said the captain of the ferry, Ivo Brandt, agreed.\n"
                "\"Nothing else matters now,\" he added.");
    int haddad = fx_entity(&f, "Omar Haddad", PER, "Omar");
    int brandt = fx_entity(&f, "Ivo Brandt", PER, "Ivo");
    fx_mention(&f, "Haddad", 0, PER, NAME, haddad);
    fx_mention(&f, "Ivo Brandt", 0, PER, NAME, brandt);
    fx_run(&f);
    CHECK(fx_count_by(&f, haddad) == 3);
    CHECK(fx_count_by(&f, brandt) == 0);
    fx_close(&f);
}

static void test_descriptor_speaker(void)
{
    fx f;
    fx_open(&f, "\"Nothing is decided,\" the elected official continued.");
    int holt = fx_entity(&f, "Lena Holt", PER, "Lena");
    fx_mention(&f, "the elected official", 0, PER, DESC, holt);
    fx_run(&f);
    CHECK(f.ex.nstatements == 1);
    if (f.ex.nstatements == 1)
        CHECK(f.ex.statements[0].speaker == holt);
    fx_close(&f);
}

static void test_org_and_country_speakers(void)
{
    fx f;
    fx_open(&f, "The Admiralty said on Monday that the ferry had sunk. "
                "Tarnland later denied that its ships were near.");
    int adm = fx_entity(&f, "Admiralty", ORG, NULL);
    int tarn = fx_entity(&f, "Tarnland", LOC, NULL);
    fx_mention(&f, "Admiralty", 0, ORG, NAME, adm);
    fx_mention(&f, "Tarnland", 0, LOC, NAME, tarn);
    fx_run(&f);
    CHECK(f.ex.nstatements == 2);
    CHECK(fx_count_by(&f, adm) == 1);
    CHECK(fx_count_by(&f, tarn) == 1);
    fx_close(&f);
}

static void test_unresolved_speaker_is_not_guessed(void)
{
    fx f;
    fx_open(&f, "Holt visited the port.\n\"We saw the smoke from here,\" a local fisherman said.");
    int holt = fx_entity(&f, "Lena Holt", PER, "Lena");
    fx_mention(&f, "Holt", 0, PER, NAME, holt);
    fx_run(&f);
    CHECK(f.ex.nstatements == 1);
    if (f.ex.nstatements == 1) {
        CHECK(f.ex.statements[0].speaker == -1);
        CHECK(f.ex.statements[0].direct == 1);
    }
    fx_close(&f);
}

static void test_speaker_is_never_its_own_subject(void)
{
    fx f;
    fx_open(&f, "\"Haddad keeps his word,\" Haddad said.");
    int haddad = fx_entity(&f, "Omar Haddad", PER, "Omar");
    fx_mention(&f, "Haddad", 0, PER, NAME, haddad);
    fx_mention(&f, "Haddad", 1, PER, NAME, haddad);
    fx_run(&f);
    CHECK(f.ex.nstatements == 1);
    if (f.ex.nstatements == 1) {
        CHECK(f.ex.statements[0].speaker == haddad);
        CHECK(f.ex.statements[0].nabout == 0);
    }
    fx_close(&f);
}

/* ---- subjects in longer phrases ------------------------------------------------- */

static void test_name_then_description_between_commas(void)
{
    fx f;
    fx_open(&f, "Ivo Brandt, a harbour pilot for thirty years, said the channel was too shallow.");
    int brandt = fx_entity(&f, "Ivo Brandt", PER, "Ivo");
    fx_mention(&f, "Ivo Brandt", 0, PER, NAME, brandt);
    fx_run(&f);
    CHECK(f.ex.nstatements == 1);
    if (f.ex.nstatements == 1) {
        CHECK(f.ex.statements[0].speaker == brandt);
        CHECK_STR(fx_quote(&f, 0), "the channel was too shallow");
    }
    fx_close(&f);
}

static void test_name_opening_sentence_before_two_descriptions(void)
{
    fx f;
    fx_open(&f, "Professor Ada Marsh, head of the survey, and chair of the River Trust, "
                "says the water is clean.");
    int marsh = fx_entity(&f, "Ada Marsh", PER, "Ada");
    int trust = fx_entity(&f, "River Trust", ORG, NULL);
    fx_mention(&f, "Ada Marsh", 0, PER, NAME, marsh);
    fx_mention(&f, "River Trust", 0, ORG, NAME, trust);
    fx_run(&f);
    CHECK(f.ex.nstatements == 1);
    if (f.ex.nstatements == 1)
        CHECK(f.ex.statements[0].speaker == marsh);
    fx_close(&f);
}

static void test_affiliation_is_not_the_speaker(void)
{
    fx f;
    fx_open(&f, "Ada Marsh for the River Trust, says the water is clean.");
    int marsh = fx_entity(&f, "Ada Marsh", PER, "Ada");
    int trust = fx_entity(&f, "River Trust", ORG, NULL);
    fx_mention(&f, "Ada Marsh", 0, PER, NAME, marsh);
    fx_mention(&f, "River Trust", 0, ORG, NAME, trust);
    fx_run(&f);
    CHECK(f.ex.nstatements == 1);
    if (f.ex.nstatements == 1)
        CHECK(f.ex.statements[0].speaker == marsh);
    fx_close(&f);
}

static void test_according_to_appositive_name(void)
{
    fx f;
    fx_open(&f, "According to the club's coach, Ivo Brandt, the team trained in the rain.");
    int brandt = fx_entity(&f, "Ivo Brandt", PER, "Ivo");
    fx_mention(&f, "Ivo Brandt", 0, PER, NAME, brandt);
    fx_run(&f);
    CHECK(f.ex.nstatements == 1);
    if (f.ex.nstatements == 1) {
        CHECK(f.ex.statements[0].speaker == brandt);
        CHECK_STR(fx_quote(&f, 0), "the team trained in the rain");
    }
    fx_close(&f);
}

static void test_according_to_title_with_place(void)
{
    fx f;
    fx_open(&f, "According to Ambassador to the United Nations Omar Haddad, the talks failed.");
    int un = fx_entity(&f, "United Nations", ORG, NULL);
    int haddad = fx_entity(&f, "Omar Haddad", PER, "Omar");
    fx_mention(&f, "United Nations", 0, ORG, NAME, un);
    fx_mention(&f, "Omar Haddad", 0, PER, NAME, haddad);
    fx_run(&f);
    CHECK(f.ex.nstatements == 1);
    if (f.ex.nstatements == 1) {
        CHECK(f.ex.statements[0].speaker == haddad);
        CHECK_STR(fx_quote(&f, 0), "the talks failed");
    }
    fx_close(&f);
}

static void test_quote_signed_with_a_dash(void)
{
    fx f;
    fx_open(&f, "\"It was the longest winter anyone here remembers.\" - Ada Marsh\nThe river froze.");
    int marsh = fx_entity(&f, "Ada Marsh", PER, "Ada");
    fx_mention(&f, "Ada Marsh", 0, PER, NAME, marsh);
    fx_run(&f);
    CHECK(f.ex.nstatements == 1);
    if (f.ex.nstatements == 1)
        CHECK(f.ex.statements[0].speaker == marsh);
    fx_close(&f);
}

static void test_document_speaks_for_its_author(void)
{
    fx f;
    fx_open(&f, "Haddad's statement added, \"We will not sign the treaty this year.\"");
    int haddad = fx_entity(&f, "Omar Haddad", PER, "Omar");
    fx_mention(&f, "Haddad", 0, PER, NAME, haddad);
    fx_run(&f);
    CHECK(f.ex.nstatements == 1);
    if (f.ex.nstatements == 1) {
        CHECK(f.ex.statements[0].speaker == haddad);
        CHECK(f.ex.statements[0].direct == 1);
    }
    fx_close(&f);
}

static void test_quote_after_colon_inside_clause(void)
{
    fx f;
    fx_open(&f, "Haddad told the Ledger any deal \"must be fair\": \"We will not sign a bad treaty in haste.\"");
    int haddad = fx_entity(&f, "Omar Haddad", PER, "Omar");
    int ledger = fx_entity(&f, "Ledger", ORG, NULL);
    fx_mention(&f, "Haddad", 0, PER, NAME, haddad);
    fx_mention(&f, "Ledger", 0, ORG, NAME, ledger);
    fx_run(&f);
    CHECK(f.ex.nstatements == 2);
    CHECK(fx_count_by(&f, haddad) == 2);
    int direct = 0;
    for (size_t i = 0; i < f.ex.nstatements; i++)
        if (f.ex.statements[i].direct && !strcmp(fx_quote(&f, i), "We will not sign a bad treaty in haste."))
            direct++;
    CHECK(direct == 1);
    fx_close(&f);
}

static void test_coordinated_verbs_share_the_speaker(void)
{
    fx f;
    fx_open(&f, "Tarnland said its troops had left the valley, adding that the border was calm.");
    int tarn = fx_entity(&f, "Tarnland", LOC, NULL);
    fx_mention(&f, "Tarnland", 0, LOC, NAME, tarn);
    fx_run(&f);
    CHECK(f.ex.nstatements == 2);
    CHECK(fx_count_by(&f, tarn) == 2);
    if (f.ex.nstatements == 2)
        CHECK_STR(fx_quote(&f, 0), "its troops had left the valley");
    fx_close(&f);
}

static void test_relative_clause_speaker(void)
{
    fx f;
    fx_open(&f, "The ministry refused to comment on the remarks by Omar Haddad, who said the ferry had sunk.");
    int ministry = fx_entity(&f, "ministry", ORG, NULL);
    int haddad = fx_entity(&f, "Omar Haddad", PER, "Omar");
    fx_mention(&f, "The ministry", 0, ORG, DESC, ministry);
    fx_mention(&f, "Omar Haddad", 0, PER, NAME, haddad);
    fx_run(&f);
    CHECK(f.ex.nstatements == 2);
    CHECK(fx_count_by(&f, haddad) == 1);
    for (size_t i = 0; i < f.ex.nstatements; i++)
        if (f.ex.statements[i].speaker == ministry)
            CHECK(fx_about(&f, i, haddad));
    fx_close(&f);
}

static void test_we_and_our_are_the_speakers_side(void)
{
    fx f;
    fx_open(&f, "\"Our navy will keep the channel to Tarnland open, and we will not leave,\" Haddad said.");
    int haddad = fx_entity(&f, "Omar Haddad", PER, "Omar");
    int tarn = fx_entity(&f, "Tarnland", LOC, NULL);
    fx_mention(&f, "Tarnland", 0, LOC, NAME, tarn);
    fx_mention(&f, "Haddad", 0, PER, NAME, haddad);
    fx_run(&f);
    CHECK(f.ex.nstatements == 1);
    if (f.ex.nstatements == 1) {
        CHECK(f.ex.statements[0].nabout == 1);
        CHECK(fx_about(&f, 0, tarn));
    }
    fx_close(&f);
}

static void test_according_to_unnamed_official(void)
{
    fx f;
    fx_open(&f, "According to a senior Tarnland official, the ferry will not sail.");
    int tarn = fx_entity(&f, "Tarnland", LOC, NULL);
    fx_mention(&f, "Tarnland", 0, LOC, NAME, tarn);
    fx_run(&f);
    CHECK(f.ex.nstatements == 1);
    if (f.ex.nstatements == 1)
        CHECK(f.ex.statements[0].speaker == -1);
    fx_close(&f);
}

static void test_asked_about_adjunct_is_the_topic(void)
{
    fx f;
    fx_open(&f, "Asked about the offer by Omar Haddad, Holt said the council was studying it.");
    int haddad = fx_entity(&f, "Omar Haddad", PER, "Omar");
    int holt = fx_entity(&f, "Lena Holt", PER, "Lena");
    fx_mention(&f, "Omar Haddad", 0, PER, NAME, haddad);
    fx_mention(&f, "Holt", 0, PER, NAME, holt);
    fx_run(&f);
    CHECK(f.ex.nstatements == 1);
    if (f.ex.nstatements == 1) {
        CHECK(f.ex.statements[0].speaker == holt);
        CHECK(fx_about(&f, 0, haddad));
    }
    fx_close(&f);
}

static void test_according_to_before_a_quote(void)
{
    fx f;
    fx_open(&f, "In the words of Omar Haddad, \"the ferry will sail again in May.\"");
    int haddad = fx_entity(&f, "Omar Haddad", PER, "Omar");
    fx_mention(&f, "Omar Haddad", 0, PER, NAME, haddad);
    fx_run(&f);
    CHECK(f.ex.nstatements == 1);
    if (f.ex.nstatements == 1) {
        CHECK(f.ex.statements[0].speaker == haddad);
        CHECK(f.ex.statements[0].direct == 1);
        CHECK_STR(fx_quote(&f, 0), "the ferry will sail again in May.");
    }
    fx_close(&f);
}

/* ---- negatives ---------------------------------------------------------------- */

static void test_scare_quotes_are_not_statements(void)
{
    fx f;
    fx_open(&f, "The council called the plan \"ambitious\" in its yearly report.");
    fx_run(&f);
    CHECK(f.ex.nstatements == 0);
    fx_close(&f);
}

static void test_headline_with_colon(void)
{
    fx f;
    fx_open(&f, "Tarnland Ready to Talk About the Border: Haddad\n"
                "The minister spoke in the port.");
    int haddad = fx_entity(&f, "Omar Haddad", PER, "Omar");
    int tarn = fx_entity(&f, "Tarnland", LOC, NULL);
    fx_mention(&f, "Tarnland", 0, LOC, NAME, tarn);
    fx_mention(&f, "Haddad", 0, PER, NAME, haddad);
    fx_run(&f);
    CHECK(f.ex.nstatements == 0);
    fx_close(&f);
}

static void test_quote_without_cue(void)
{
    fx f;
    fx_open(&f, "The banner over the gate read \"welcome home to all of you\" for a week.");
    fx_run(&f);
    CHECK(f.ex.nstatements == 0);
    fx_close(&f);
}

static void test_song_and_book_titles(void)
{
    fx f;
    fx_open(&f, "The band played \"Hold On To Tomorrow\" twice. "
                "Holt wrote the book \"The Long Road Home\" in 2019.");
    int holt = fx_entity(&f, "Lena Holt", PER, "Lena");
    fx_mention(&f, "Holt", 0, PER, NAME, holt);
    fx_run(&f);
    CHECK(f.ex.nstatements == 0);
    fx_close(&f);
}

static void test_negated_and_passive_cues(void)
{
    fx f;
    fx_open(&f, "Tarnland has neither confirmed nor denied the report. Haddad was accused of lying.");
    int haddad = fx_entity(&f, "Omar Haddad", PER, "Omar");
    int tarn = fx_entity(&f, "Tarnland", LOC, NULL);
    fx_mention(&f, "Tarnland", 0, LOC, NAME, tarn);
    fx_mention(&f, "Haddad", 0, PER, NAME, haddad);
    fx_run(&f);
    CHECK(f.ex.nstatements == 0);
    fx_close(&f);
}

static void test_nouns_are_not_cues(void)
{
    fx f;
    fx_open(&f, "Haddad read the report and Tarnland's claim about the ferry.");
    int haddad = fx_entity(&f, "Omar Haddad", PER, "Omar");
    int tarn = fx_entity(&f, "Tarnland", LOC, NULL);
    fx_mention(&f, "Haddad", 0, PER, NAME, haddad);
    fx_mention(&f, "Tarnland", 0, LOC, NAME, tarn);
    fx_run(&f);
    CHECK(f.ex.nstatements == 0);
    fx_close(&f);
}

static void test_uncued_quote_paragraph_keeps_no_speaker(void)
{
    fx f;
    fx_open(&f, "Holt opened the bridge.\n\n\"Nobody in this town will forget the flood of that spring.\"");
    int holt = fx_entity(&f, "Lena Holt", PER, "Lena");
    fx_mention(&f, "Holt", 0, PER, NAME, holt);
    fx_run(&f);
    /* a whole-sentence quotation with no cue and no speaker before it:
     * reported as a quotation, but nobody is guessed */
    CHECK(f.ex.nstatements == 1);
    if (f.ex.nstatements == 1) {
        CHECK(f.ex.statements[0].speaker == -1);
        CHECK(f.ex.statements[0].direct == 1);
    }
    fx_close(&f);
}

/* ---- the cue scan with word ids ---------------------------------------------- */

/* Numbers the words of f as mention finding does (0 for non-words, one id
 * per distinct spelling) and leaves the ids for ng_statements_find. */
static void fx_number_words(fx *f)
{
    const ng_text *tx = &f->ex.text;
    uint32_t *wid = calloc(tx->ntokens ? tx->ntokens : 1, sizeof *wid);
    uint32_t nwords = 1;
    CHECK(wid != NULL);
    for (size_t i = 0; wid && i < tx->ntokens; i++) {
        const ng_token *t = &tx->tokens[i];
        if (!(t->flags & NG_TOK_WORD))
            continue;
        for (size_t j = 0; j < i && !wid[i]; j++) {
            const ng_token *u = &tx->tokens[j];
            if (wid[j] && u->end - u->start == t->end - t->start &&
                !memcmp(f->doc.text + u->start, f->doc.text + t->start, t->end - t->start))
                wid[i] = wid[j];
        }
        if (!wid[i])
            wid[i] = nwords++;
    }
    if (wid)
        ng_extraction_keep_word_ids(&f->ex, wid, tx->ntokens, nwords);
    free(wid);
}

/* The cue scan remembers per word whether a cue can start there and skips
 * the word's later tokens: with word ids (one decision per word) and
 * without (one per token), the statements are the same. The text repeats
 * cues, source nouns, phrase heads and determiners before cue words. */
static void test_cue_scan_same_with_word_ids(void)
{
    static const char *const texts[] = {
        "\"We will rebuild the bridge,\" Mayor Lena Holt said. Lena Holt said the report was wrong. "
        "The report said nothing, Holt told reporters. According to Holt, the claim is false. "
        "Holt said that the bridge would open. \"It is late,\" said Holt, adding that it would open.",
        "Officials said the talks failed. The officials' claim was denied; officials said so again.\n\n"
        "Lena Holt pointed out that the report was late, and Holt said it twice. The report, "
        "Holt said, is wrong. Reports say Holt warned of delays. Holt warned that \"delays\" loom.",
    };
    for (size_t k = 0; k < sizeof texts / sizeof texts[0]; k++) {
        fx plain, numbered;
        fx *fs[2] = {&plain, &numbered};
        for (int v = 0; v < 2; v++) {
            fx_open(fs[v], texts[k]);
            int holt = fx_entity(fs[v], "Lena Holt", PER, "Lena");
            fx_mention(fs[v], "Lena Holt", 0, PER, NAME, holt);
            fx_mention(fs[v], "Holt", 2, PER, NAME, holt);
            fx_mention(fs[v], "Holt", 3, PER, NAME, holt);
            if (v)
                fx_number_words(fs[v]);
            fx_run(fs[v]);
        }
        CHECK(plain.ex.nstatements > 0);
        CHECK(plain.ex.nstatements == numbered.ex.nstatements);
        for (size_t i = 0; i < plain.ex.nstatements && i < numbered.ex.nstatements; i++) {
            const ng_statement *x = &plain.ex.statements[i], *y = &numbered.ex.statements[i];
            CHECK(x->speaker == y->speaker);
            CHECK(x->direct == y->direct);
            CHECK(x->cue_start == y->cue_start);
            CHECK(x->quote_start == y->quote_start && x->quote_end == y->quote_end);
            CHECK_STR(x->cue, y->cue);
            CHECK_STR(x->relation, y->relation);
        }
        fx_close(&plain);
        fx_close(&numbered);
    }
}

int main(void)
{
    fx_load_models();
    RUN(test_quote_before_cue);
    RUN(test_inverted_cue);
    RUN(test_colon_introduction);
    RUN(test_split_quote_with_inverted_cue);
    RUN(test_nested_single_quotes);
    RUN(test_multi_paragraph_quote);
    RUN(test_quote_continues_after_cue);
    RUN(test_reported_said_that);
    RUN(test_reported_bare_clause);
    RUN(test_told_reporters);
    RUN(test_wrote_on_account);
    RUN(test_according_to);
    RUN(test_citing_source);
    RUN(test_declined_to_comment_on_topic);
    RUN(test_verbs_map_to_relations);
    RUN(test_clause_before_subject);
    RUN(test_mixed_quote_in_reported_speech);
    RUN(test_coordinated_speakers);
    RUN(test_pronoun_speaker);
    RUN(test_pronoun_gender_agreement);
    RUN(test_pronoun_follows_last_speaker);
    RUN(test_descriptor_speaker);
    RUN(test_org_and_country_speakers);
    RUN(test_unresolved_speaker_is_not_guessed);
    RUN(test_speaker_is_never_its_own_subject);
    RUN(test_name_then_description_between_commas);
    RUN(test_name_opening_sentence_before_two_descriptions);
    RUN(test_affiliation_is_not_the_speaker);
    RUN(test_according_to_appositive_name);
    RUN(test_according_to_title_with_place);
    RUN(test_quote_signed_with_a_dash);
    RUN(test_document_speaks_for_its_author);
    RUN(test_quote_after_colon_inside_clause);
    RUN(test_coordinated_verbs_share_the_speaker);
    RUN(test_relative_clause_speaker);
    RUN(test_we_and_our_are_the_speakers_side);
    RUN(test_according_to_unnamed_official);
    RUN(test_asked_about_adjunct_is_the_topic);
    RUN(test_according_to_before_a_quote);
    RUN(test_scare_quotes_are_not_statements);
    RUN(test_headline_with_colon);
    RUN(test_quote_without_cue);
    RUN(test_song_and_book_titles);
    RUN(test_uncued_quote_paragraph_keeps_no_speaker);
    RUN(test_negated_and_passive_cues);
    RUN(test_nouns_are_not_cues);
    RUN(test_cue_scan_same_with_word_ids);
    fx_free_models();
    return CHECK_DONE();
}
