/* test_furniture.c - page furniture out of the body, article text in:
 * every seed page, and hand-written pages in other outlets' styles. */
#include "helpers.h"

#include <pthread.h>

static ng_doc *load_seed(const char *file)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/seeds/%s", NG_SOURCE_DATA_DIR, file);
    ng_ingest_options o = test_options(NULL);
    ng_doc *d = NULL;
    ng_error err;
    if (ng_doc_load(path, &o, &d, &err) != 0)
        fprintf(stderr, "%s\n", err.message);
    CHECK(d != NULL);
    return d;
}

static void test_seed_000_appeals_newsletter_and_teasers_removed(void)
{
    ng_doc *d = load_seed("000_25b500673bca9b80.txt");
    if (!d)
        return;
    CHECK_STR(d->date, "2025-01-13");
    CHECK_STR(d->title, "Kremlin Declines to Comment on North Korean POWs in Ukraine");
    CHECK_STR(d->byline, "By AFP");
    CHECK_OUT_OF_BODY(d, "date 2025-01-13");
    CHECK_OUT_OF_BODY(d, "Support The Moscow Times!");
    CHECK_OUT_OF_BODY(d, "Contribute today");
    CHECK_OUT_OF_BODY(d, "By AFP");
    CHECK_OUT_OF_BODY(d, "Kremlin spokesman Dmitry Peskov. kremlin.ru");
    /* everything from "Read more about:" to the end */
    const char *tail = strstr(d->text, "Read more about:");
    CHECK(tail != NULL);
    if (tail) {
        size_t from = (size_t)(tail - d->text);
        for (size_t i = 0; i < d->nbody; i++)
            CHECK(d->body[i].end <= from);
    }
    CHECK_IN_BODY(d, "Kremlin Declines to Comment on North Korean POWs in Ukraine");
    CHECK_IN_BODY(d, "The Kremlin said Monday that it could not comment");
    CHECK_IN_BODY(d, "\"We continue to discuss the possibility of exchanges.");
    CHECK_IN_BODY(d, "Souel said earlier on Monday that around 300 North Korean troops");
    CHECK(d->nbody == 7);
    ng_doc_free(d);
}

static void test_seed_001_all_paragraphs_and_subheads_kept(void)
{
    ng_doc *d = load_seed("001_ef95f13adfccaa54.txt");
    if (!d)
        return;
    CHECK_STR(d->date, ""); /* "January 11" without a year is no date */
    CHECK_IN_BODY(d, "On Saturday January 11, Ukraine claimed");
    CHECK_IN_BODY(d, "for North Korean soldiers who will speak");
    CHECK_IN_BODY(d, "Pressure to commit suicide");
    CHECK_IN_BODY(d, "The Kremlin on Monday refused to comment");
    CHECK(d->nbody == 17);
    ng_doc_free(d);
}

static void test_seed_002_headline_is_title_and_body(void)
{
    ng_doc *d = load_seed("002_694d548595b5fff0.txt");
    if (!d)
        return;
    const char *h = "Zelensky says he will send North Korean soldiers home in exchange for "
                    "Ukrainian POWs";
    CHECK_STR(d->title, h);
    CHECK_IN_BODY(d, h);
    CHECK_IN_BODY(d, "North korean troop losses in Russia");
    CHECK(d->nbody == 13);
    ng_doc_free(d);
}

static void test_seed_003_related_stories_editor_and_update_notes_removed(void)
{
    ng_doc *d = load_seed("003_b755dfdeaf3b8a75.txt");
    if (!d)
        return;
    CHECK_STR(d->date, "2025-01-12");
    CHECK_STR(d->title, "Ukraine willing to swap North Korean captives: Zelenskyy");
    CHECK_STR(d->byline, "Edited by Mike Firn");
    CHECK_OUT_OF_BODY(d, "Updated Jan. 12, 2025, 11:08 p.m. ET.");
    CHECK_OUT_OF_BODY(d, "RELATED STORIES");
    CHECK_OUT_OF_BODY(d, "North Koreans kick Russians out of their homes to hide from drones");
    CHECK_OUT_OF_BODY(d, "of soldiers in Kursk: Zelenskyy");
    CHECK_OUT_OF_BODY(d, "North Korean soldiers fighting with outdated weapons");
    CHECK_OUT_OF_BODY(d, "Edited by Mike Firn.");
    CHECK_OUT_OF_BODY(d, "Updated to include comments from");
    CHECK_IN_BODY(d, "Ukraine willing to swap North Korean captives: Zelenskyy");
    CHECK_IN_BODY(d, "The offer comes after Ukraine releases video");
    CHECK_IN_BODY(d, "Radio Free Asia has been unable to verify");
    CHECK_IN_BODY(d, "Zelenskyy said there would");
    CHECK_IN_BODY(d, "before our troops manage to capture others.");
    CHECK_IN_BODY(d, "Yonhap reported.");
    CHECK(d->nbody == 15);
    ng_doc_free(d);
}

static void test_seed_004_listen_prompt_and_separator_removed(void)
{
    ng_doc *d = load_seed("004_12c323030c95c690.txt");
    if (!d)
        return;
    CHECK_OUT_OF_BODY(d, "Listen to article");
    CHECK(d->text[18] == '|' && d->body[0].start > 18);
    CHECK_IN_BODY(d, "on Saturday said his men has captured two North Korean soldiers");
    CHECK_IN_BODY(d, "independently around Kursk.");
    CHECK(d->nbody == 14);
    ng_doc_free(d);
}

static void test_other_outlet_newsletter_box_related_links_and_credits(void)
{
    const char *s =
        "Share this article\n"
        "\n"
        "Talks on grain corridor resume in Istanbul\n"
        "\n"
        "By Maria Lopez, Reuters\n"
        "Published 3 March 2025\n"
        "\n"
        "Delegates from Ankara and Kyiv met on Monday. (Photo: Reuters)\n"
        "Officials meet in Istanbul. Photo: John Smith / Getty Images\n"
        "\n"
        "ISTANBUL - Talks on reopening the grain corridor resumed on Monday, officials said.\n"
        "\n"
        "\"We are cautiously optimistic,\" the Turkish foreign minister told reporters.\n"
        "\n"
        "Advertisement\n"
        "\n"
        "Get our Morning Briefing newsletter\n"
        "Enter your email\n"
        "We will send you the day's top stories every morning. You can unsubscribe at any time.\n"
        "By signing up you agree to our Terms and Privacy Policy.\n"
        "\n"
        "The next round is expected in April, according to a statement.\n"
        "\n"
        "More on this story\n"
        "Grain exports hit record as ships defy blockade\n"
        "Ukraine's harvest forecast raised by ministry\n"
        "\n"
        "Reporting by Maria Lopez; Editing by Tom Hale\n"
        "\n"
        "Related: Why the corridor matters\n"
        "Follow us on Telegram\n";
    ng_doc *d = load_text("2025-03-03_other.txt", s, NULL);
    if (!d)
        return;
    CHECK_STR(d->date, "2025-03-03");
    CHECK_STR(d->title, "Talks on grain corridor resume in Istanbul");
    CHECK_STR(d->byline, "By Maria Lopez, Reuters; Reporting by Maria Lopez; Editing by Tom Hale");
    CHECK_OUT_OF_BODY(d, "Share this article");
    CHECK_OUT_OF_BODY(d, "Published 3 March 2025");
    CHECK_OUT_OF_BODY(d, "Delegates from Ankara and Kyiv met on Monday. (Photo: Reuters)");
    CHECK_OUT_OF_BODY(d, "Photo: John Smith / Getty Images");
    CHECK_OUT_OF_BODY(d, "Advertisement");
    CHECK_OUT_OF_BODY(d, "Morning Briefing newsletter");
    CHECK_OUT_OF_BODY(d, "Enter your email");
    CHECK_OUT_OF_BODY(d, "We will send you the day's top stories");
    CHECK_OUT_OF_BODY(d, "By signing up");
    CHECK_OUT_OF_BODY(d, "More on this story");
    CHECK_OUT_OF_BODY(d, "Grain exports hit record");
    CHECK_OUT_OF_BODY(d, "harvest forecast raised");
    CHECK_OUT_OF_BODY(d, "Related: Why the corridor matters");
    CHECK_OUT_OF_BODY(d, "Follow us on Telegram");
    CHECK_IN_BODY(d, "Talks on grain corridor resume in Istanbul");
    CHECK_IN_BODY(d, "ISTANBUL - Talks on reopening the grain corridor resumed");
    CHECK_IN_BODY(d, "\"We are cautiously optimistic,\" the Turkish foreign minister");
    CHECK_IN_BODY(d, "The next round is expected in April");
    CHECK(d->nbody == 4);
    ng_doc_free(d);
}

static void test_wire_and_broadsheet_furniture_removed(void)
{
    const char *s =
        "This article is more than 1 year old\n"
        "Kyiv rejects ceasefire proposal\n"
        "The president said the plan would freeze the front line.\n"
        "Soldiers near Pokrovsk in December. Photograph: Sergei Supinsky/AFP/Getty Images\n"
        "Image source, Getty Images\n"
        "Ukraine rejected the proposal on Friday, a spokesperson said.\n"
        "Copyright law was not part of the talks, officials added.\n"
        "Watch: Drone footage shows the front\n"
        "Associated Press writer Jane Roe in Kyiv contributed to this report.\n"
        "\u00a9 2025 Reuters. All rights reserved.\n"
        "Explore more on these topics\n"
        "Ukraine\n"
        "Russia\n"
        "Reuse this content\n";
    ng_doc *d = load_text("wire.txt", s, NULL);
    if (!d)
        return;
    CHECK_STR(d->title, "Kyiv rejects ceasefire proposal");
    CHECK_STR(d->byline, "Associated Press writer Jane Roe in Kyiv contributed to this report");
    CHECK_OUT_OF_BODY(d, "This article is more than 1 year old");
    CHECK_OUT_OF_BODY(d, "Photograph: Sergei Supinsky");
    CHECK_OUT_OF_BODY(d, "Image source, Getty Images");
    CHECK_OUT_OF_BODY(d, "Watch: Drone footage");
    CHECK_OUT_OF_BODY(d, "2025 Reuters. All rights reserved.");
    CHECK_OUT_OF_BODY(d, "Explore more on these topics");
    CHECK_OUT_OF_BODY(d, "Reuse this content");
    CHECK_IN_BODY(d, "Kyiv rejects ceasefire proposal");
    CHECK_IN_BODY(d, "The president said the plan would freeze the front line.");
    CHECK_IN_BODY(d, "Ukraine rejected the proposal on Friday, a spokesperson said.");
    CHECK_IN_BODY(d, "Copyright law was not part of the talks, officials added.");
    CHECK(d->nbody == 4);
    ng_doc_free(d);
}

static void test_teaser_without_heading_found_by_reading_time(void)
{
    const char *s = "Main story text goes here, as the officials said.\n\n"
                    "Another Headline About Something\n"
                    "A short summary of another story.\n"
                    "3 min read\n";
    ng_doc *d = load_text("t.txt", s, NULL);
    CHECK_IN_BODY(d, "Main story text");
    CHECK_OUT_OF_BODY(d, "Another Headline About Something");
    CHECK_OUT_OF_BODY(d, "A short summary");
    CHECK_OUT_OF_BODY(d, "3 min read");
    ng_doc_free(d);
}

static void test_reading_time_under_the_headline_keeps_the_headline(void)
{
    const char *s = "Talks resume in Geneva\n6 min read\nThe talks resumed on Monday.\n";
    ng_doc *d = load_text("m.txt", s, NULL);
    CHECK_IN_BODY(d, "Talks resume in Geneva");
    CHECK_OUT_OF_BODY(d, "6 min read");
    CHECK_IN_BODY(d, "The talks resumed on Monday.");
    ng_doc_free(d);
}

static void test_quoted_we_is_not_an_appeal(void)
{
    const char *s = "Dear readers,\n\nWe need your support to keep going.\n\n"
                    "\"We will support our allies,\" the minister said on Monday.\n";
    ng_doc *d = load_text("q.txt", s, NULL);
    CHECK_OUT_OF_BODY(d, "We need your support");
    CHECK_IN_BODY(d, "\"We will support our allies,\" the minister said on Monday.");
    ng_doc_free(d);
}

static void test_plea_in_reported_speech_is_not_an_appeal(void)
{
    const char *s = "By supporting Ukraine, we are defending Europe, the minister wrote.\n\n"
                    "If you can, please support us monthly. Every contribution helps.\n";
    ng_doc *d = load_text("p.txt", s, NULL);
    CHECK_IN_BODY(d, "By supporting Ukraine, we are defending Europe");
    CHECK_OUT_OF_BODY(d, "please support us monthly");
    ng_doc_free(d);
}

/* "you" inside quotation marks (straight or curly, closed or not) does not
 * make a plea an appeal; outside them it does. */
static void test_plea_to_you_only_outside_quotes(void)
{
    const char *s = "The talks ended on Monday.\n\n"
                    "\u201CPlease support your neighbours,\u201D the mayor told residents.\n\n"
                    "She said \"please support the families\" and \"you can help\" too.\n\n"
                    "Officials said: \u201Cyour support matters, please donate\n\n"
                    "The talks resumed on Tuesday.\n\n"
                    "If you can, please support us \u201Ctoday\u201D with a donation.\n";
    ng_doc *d = load_text("y.txt", s, NULL);
    if (!d)
        return;
    CHECK_IN_BODY(d, "the mayor told residents.");
    CHECK_IN_BODY(d, "and \"you can help\" too.");
    CHECK_IN_BODY(d, "your support matters, please donate");
    CHECK_IN_BODY(d, "The talks resumed on Tuesday.");
    CHECK_OUT_OF_BODY(d, "If you can, please support us");
    ng_doc_free(d);
}

static void test_byline_rule_needs_names(void)
{
    const char *s = "By Monday, the troops had withdrawn from the town, officials said.\n";
    ng_doc *d = load_text("b.txt", s, NULL);
    CHECK_IN_BODY(d, "By Monday, the troops had withdrawn");
    CHECK(d && d->byline == NULL);
    ng_doc_free(d);
}

static void test_hard_wrapped_paragraph_is_one_unit(void)
{
    const char *s = "Officials said the talks would continue next week in Geneva after\n"
                    "a pause of several months, according to a statement released.\n";
    ng_doc *d = load_text("w.txt", s, NULL);
    CHECK(d && d->nbody == 1 && d->body[0].end == strlen(s) - 1);
    ng_doc_free(d);
}

/* Many threads share one ng_furniture; each must see the same body. */
static void *load_seeds_repeatedly(void *arg)
{
    static const char *const seeds[] = {"000_25b500673bca9b80.txt", "003_b755dfdeaf3b8a75.txt",
                                        "004_12c323030c95c690.txt"};
    static const size_t want[] = {7, 15, 14};
    size_t *bad = arg;
    for (int r = 0; r < 30; r++)
        for (size_t i = 0; i < 3; i++) {
            char path[1024];
            snprintf(path, sizeof path, "%s/seeds/%s", NG_SOURCE_DATA_DIR, seeds[i]);
            ng_ingest_options o = {0};
            o.furniture = test_furniture;
            ng_doc *d = NULL;
            ng_error err;
            if (ng_doc_load(path, &o, &d, &err) != 0 || d->nbody != want[i])
                ++*bad;
            ng_doc_free(d);
        }
    return NULL;
}

static void test_one_furniture_shared_by_threads(void)
{
    test_options(NULL); /* loads the shared cues */
    pthread_t t[4];
    size_t bad[4] = {0};
    for (int i = 0; i < 4; i++)
        CHECK(pthread_create(&t[i], NULL, load_seeds_repeatedly, &bad[i]) == 0);
    for (int i = 0; i < 4; i++) {
        pthread_join(t[i], NULL);
        CHECK(bad[i] == 0);
    }
}

/* A rule with (*COMMIT) is matched alone: joined with the other anchored
 * rules of its category it would fail the whole alternation. */
static void test_commit_rule_does_not_cut_off_its_category(void)
{
    ng_furniture *f = NULL;
    ng_error err;
    const char *cues = "drop ^(?s:.*)(?(?=\\S*$)\\bad\\.com$|(*COMMIT)(*F))\n"
                       "drop ^Advertisement here$\n";
    CHECK(ng_furniture_from_string("cues.txt", cues, &f, &err) == 0);
    ng_ingest_options o = {0};
    o.furniture = f;
    const char *s = "Advertisement here\nThe talks went on.\nSee ad.com\nThe talks ended.\n";
    ng_doc *d = NULL;
    CHECK(ng_doc_from_memory("c.txt", s, strlen(s), 0, &o, &d, &err) == 0);
    if (d) {
        CHECK_OUT_OF_BODY(d, "Advertisement here");
        CHECK_OUT_OF_BODY(d, "See ad.com");
        CHECK_IN_BODY(d, "The talks went on.");
        CHECK(d->nbody == 2);
    }
    ng_doc_free(d);
    ng_furniture_free(f);
}

/* The end-of-line domain credit rule, limited to the end of the line. */
static void test_caption_ending_in_a_domain_removed(void)
{
    const char *s = "Kremlin spokesman Dmitry Peskov. kremlin.ru\n"
                    "The talks went on in www.example.com today.\n"
                    "Protesters in Kyiv / www.pravda.com.ua)\n"
                    "The site kremlin.ru said so\n";
    ng_doc *d = load_text("cap.txt", s, NULL);
    if (!d)
        return;
    CHECK_OUT_OF_BODY(d, "Kremlin spokesman Dmitry Peskov. kremlin.ru");
    CHECK_OUT_OF_BODY(d, "Protesters in Kyiv / www.pravda.com.ua)");
    CHECK_IN_BODY(d, "The talks went on in www.example.com today.");
    CHECK_IN_BODY(d, "The site kremlin.ru said so");
    ng_doc_free(d);
}

static void test_bad_rule_reports_file_and_line(void)
{
    ng_furniture *f = NULL;
    ng_error err;
    CHECK(ng_furniture_from_string("cues.txt", "# c\ndrop ^ok$\ndrop (unclosed\n", &f, &err) ==
          NG_EINPUT);
    CHECK(strstr(err.message, "cues.txt:3"));
    CHECK(ng_furniture_from_string("cues.txt", "nosuch ^x$\n", &f, &err) == NG_EINPUT);
    CHECK(strstr(err.message, "cues.txt:1") && strstr(err.message, "nosuch"));
    CHECK(f == NULL);
}

int main(void)
{
    RUN(test_seed_000_appeals_newsletter_and_teasers_removed);
    RUN(test_seed_001_all_paragraphs_and_subheads_kept);
    RUN(test_seed_002_headline_is_title_and_body);
    RUN(test_seed_003_related_stories_editor_and_update_notes_removed);
    RUN(test_seed_004_listen_prompt_and_separator_removed);
    RUN(test_other_outlet_newsletter_box_related_links_and_credits);
    RUN(test_wire_and_broadsheet_furniture_removed);
    RUN(test_teaser_without_heading_found_by_reading_time);
    RUN(test_reading_time_under_the_headline_keeps_the_headline);
    RUN(test_quoted_we_is_not_an_appeal);
    RUN(test_plea_in_reported_speech_is_not_an_appeal);
    RUN(test_plea_to_you_only_outside_quotes);
    RUN(test_byline_rule_needs_names);
    RUN(test_hard_wrapped_paragraph_is_one_unit);
    RUN(test_one_furniture_shared_by_threads);
    RUN(test_commit_rule_does_not_cut_off_its_category);
    RUN(test_caption_ending_in_a_domain_removed);
    RUN(test_bad_rule_reports_file_and_line);
    free_test_furniture();
    return CHECK_DONE();
}
