/* test_html.c - text, title and date out of HTML pages. */
#include "helpers.h"

static ng_doc *load_html(const char *s, ng_error *err)
{
    ng_ingest_options o = test_options(NULL);
    ng_doc *d = NULL;
    if (ng_doc_from_memory("page.html", s, strlen(s), 1, &o, &d, err) != 0)
        return NULL;
    return d;
}

static const char *page =
    "<!DOCTYPE html><html><head><title>Minister quits | The Daily</title>"
    "<meta name=\"date\" content=\"2024-03-06\">"
    "<meta property=\"article:published_time\" content=\"2024-03-05T10:00:00Z\">"
    "<script>var s = \"<p>not article</p>\";</script><style>p{color:red}</style></head>"
    "<body><header><nav><a href=/>Home</a> <a href=/w>World</a></nav></header>"
    "<article><h1>Minister &amp; aides resign</h1>"
    "<p class=\"byline\">By Jane Doe and John Roe</p>"
    "<p>The minister resigned on Tuesday, officials\n said.</p>"
    "<div class=\"newsletter-signup\"><p>Get the morning briefing</p></div>"
    "<p>&ldquo;We had no choice,&rdquo; she told reporters.</p>"
    "<figure><img src=x><figcaption>The minister in 2020.</figcaption></figure>"
    "<noscript>Enable JavaScript</noscript>"
    "<aside><p>Related: Another story</p></aside>"
    "<ul><li>First point</li><li>Second point</li></ul>"
    "<p>Her deputy takes over.</p></article>"
    "<footer><p>Copyright The Daily</p></footer></body></html>";

static void test_html_paragraphs_from_block_elements(void)
{
    ng_error err;
    ng_doc *d = load_html(page, &err);
    CHECK(d && d->from_html);
    CHECK_IN_BODY(d, "The minister resigned on Tuesday, officials said.");
    CHECK_IN_BODY(d, "First point");
    CHECK_IN_BODY(d, "Her deputy takes over.");
    CHECK(d && strstr(d->text, "officials said.\n\n\xE2\x80\x9CWe had"));
    ng_doc_free(d);
}

static void test_html_title_from_h1_with_entities_decoded(void)
{
    ng_error err;
    ng_doc *d = load_html(page, &err);
    CHECK_STR(d ? d->title : NULL, "Minister & aides resign");
    CHECK_IN_BODY(d, "Minister & aides resign");
    ng_doc_free(d);
}

static void test_html_title_prefers_h1_inside_article_over_logo_h1(void)
{
    ng_error err;
    ng_doc *d = load_html("<body><header><h1>The Daily</h1></header><article><h1>Talks resume</h1>"
                          "<p>The talks resumed on Monday, officials said.</p></article>", &err);
    CHECK_STR(d ? d->title : NULL, "Talks resume");
    ng_doc_free(d);
}

static void test_html_largest_article_is_the_story(void)
{
    ng_error err;
    ng_doc *d = load_html("<body><article><h2>Teaser</h2><p>Short.</p></article>"
                          "<article><p>The long story text that is clearly the article, with "
                          "many more words than any teaser has.</p></article></body>", &err);
    CHECK(d && !strstr(d->text, "Teaser"));
    CHECK_IN_BODY(d, "The long story text");
    ng_doc_free(d);
}

static void test_html_title_falls_back_to_title_element(void)
{
    ng_error err;
    ng_doc *d = load_html("<html><head><title>Just a title</title></head><body><p>Text.</p>", &err);
    CHECK_STR(d ? d->title : NULL, "Just a title");
    ng_doc_free(d);
}

static void test_html_published_time_meta_before_name_date(void)
{
    ng_error err;
    ng_doc *d = load_html(page, &err);
    CHECK_STR(d ? d->date : NULL, "2024-03-05");
    ng_doc_free(d);
}

static void test_html_time_datetime(void)
{
    ng_error err;
    ng_doc *d = load_html("<p>Posted <time datetime=\"2023-11-02T08:00\">Nov 2</time></p>"
                          "<p>Story text here.</p>", &err);
    CHECK_STR(d ? d->date : NULL, "2023-11-02");
    ng_doc_free(d);
}

static void test_html_script_style_nav_footer_aside_skipped(void)
{
    ng_error err;
    ng_doc *d = load_html(page, &err);
    CHECK(d && !strstr(d->text, "not article") && !strstr(d->text, "color:red"));
    CHECK(d && !strstr(d->text, "Home") && !strstr(d->text, "Copyright"));
    CHECK(d && !strstr(d->text, "Related:") && !strstr(d->text, "Enable JavaScript"));
    CHECK(d && !strstr(d->text, "The minister in 2020"));
    ng_doc_free(d);
}

static void test_html_furniture_class_and_byline_out_of_body(void)
{
    ng_error err;
    ng_doc *d = load_html(page, &err);
    CHECK(d && !strstr(d->text, "morning briefing"));
    CHECK_OUT_OF_BODY(d, "By Jane Doe");
    CHECK_STR(d ? d->byline : NULL, "By Jane Doe and John Roe");
    ng_doc_free(d);
}

static void test_html_cue_class_on_the_story_container_keeps_the_story(void)
{
    ng_error err;
    ng_doc *d = load_html("<body><div class=\"story has-related\"><p>The story itself, long "
                          "enough to be most of the page text.</p><div class=\"related\">"
                          "<p>Other</p></div></div></body>", &err);
    CHECK_IN_BODY(d, "The story itself");
    CHECK(d && !strstr(d->text, "Other"));
    ng_doc_free(d);
}

static void test_html_br_is_a_line_break(void)
{
    ng_error err;
    ng_doc *d = load_html("<p>One line.<br>Another line.</p>", &err);
    CHECK_STR(d ? d->text : NULL, "One line.\nAnother line.");
    CHECK(d && d->nbody == 2);
    ng_doc_free(d);
}

static void test_html_deep_nesting_refused_without_crash(void)
{
    size_t depth = 100000;
    char *s = malloc(depth * 11 + 32);
    size_t n = 0;
    for (size_t i = 0; i < depth; i++)
        memcpy(s + n, "<div>", 5), n += 5;
    memcpy(s + n, "deep", 4), n += 4;
    for (size_t i = 0; i < depth; i++)
        memcpy(s + n, "</div>", 6), n += 6;
    s[n] = '\0';
    ng_error err;
    ng_doc *d = load_html(s, &err);
    CHECK(d == NULL && err.code == NG_EINPUT && strstr(err.message, "nested"));
    free(s);
}

static void test_html_moderate_nesting_parsed(void)
{
    char s[3000 * 11 + 32];
    size_t n = 0;
    for (int i = 0; i < 3000; i++)
        memcpy(s + n, "<span>", 6), n += 6;
    memcpy(s + n, "Inside it all.", 14), n += 14;
    s[n] = '\0';
    ng_error err;
    ng_doc *d = load_html(s, &err);
    CHECK_STR(d ? d->text : NULL, "Inside it all.");
    ng_doc_free(d);
}

int main(void)
{
    RUN(test_html_paragraphs_from_block_elements);
    RUN(test_html_title_from_h1_with_entities_decoded);
    RUN(test_html_title_prefers_h1_inside_article_over_logo_h1);
    RUN(test_html_largest_article_is_the_story);
    RUN(test_html_title_falls_back_to_title_element);
    RUN(test_html_published_time_meta_before_name_date);
    RUN(test_html_time_datetime);
    RUN(test_html_script_style_nav_footer_aside_skipped);
    RUN(test_html_furniture_class_and_byline_out_of_body);
    RUN(test_html_cue_class_on_the_story_container_keeps_the_story);
    RUN(test_html_br_is_a_line_break);
    RUN(test_html_deep_nesting_refused_without_crash);
    RUN(test_html_moderate_nesting_parsed);
    free_test_furniture();
    return CHECK_DONE();
}
