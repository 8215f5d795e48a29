/* test_date.c - the date sources in the spec's order, and validation. */
#include "helpers.h"

static ng_doc *load_named(const char *name, const char *s, const char *date_opt)
{
    ng_ingest_options o = test_options(NULL);
    o.date = date_opt;
    ng_doc *d = NULL;
    ng_error err;
    CHECK(ng_doc_from_memory(name, s, strlen(s), 0, &o, &d, &err) == 0);
    return d;
}

static void test_date_option_wins_over_every_source(void)
{
    ng_doc *d = load_named("news/2024-05-06.txt", "date 2025-01-13\nJanuary 2, 2020\nText.",
                           "2023-07-08");
    CHECK_STR(d ? d->date : NULL, "2023-07-08");
    CHECK(d && in_body(d, "date 2025") == 0); /* the prefix stays out of the body anyway */
    ng_doc_free(d);
}

static void test_date_option_invalid_is_usage_error(void)
{
    ng_ingest_options o = test_options(NULL);
    o.date = "2025-02-30";
    ng_doc *d = NULL;
    ng_error err;
    CHECK(ng_doc_from_memory("a.txt", "Text.", 5, 0, &o, &d, &err) == NG_EUSAGE);
    CHECK(strstr(err.message, "--date"));
}

static void test_date_first_line_prefix_followed_by_text(void)
{
    ng_doc *d = load_named("2024-05-06.txt", " date 2025-01-13 Some text stays.\nMore.", NULL);
    CHECK_STR(d ? d->date : NULL, "2025-01-13");
    CHECK_IN_BODY(d, "Some text stays.");
    CHECK_OUT_OF_BODY(d, "date 2025-01-13");
    ng_doc_free(d);
}

static void test_date_first_line_with_colon(void)
{
    ng_doc *d = load_named("a.txt", "date: 2024-02-29\n\nLeap day story.", NULL);
    CHECK_STR(d ? d->date : NULL, "2024-02-29");
    CHECK(d && d->nbody == 1);
    ng_doc_free(d);
}

static void test_date_yaml_front_matter_with_title(void)
{
    ng_doc *d = load_named("a.md",
                           "---\ntitle: \"Talks resume\"\ndate: 2025-03-04\nauthor: x\n---\n"
                           "# Talks resume\n\nThe talks resumed on Monday.\n",
                           NULL);
    CHECK_STR(d ? d->date : NULL, "2025-03-04");
    CHECK_STR(d ? d->title : NULL, "Talks resume");
    CHECK_OUT_OF_BODY(d, "author: x");
    CHECK_IN_BODY(d, "The talks resumed on Monday.");
    CHECK(d && d->nbody == 2 && d->text[d->body[0].start] == 'T'); /* "# " trimmed */
    ng_doc_free(d);
}

static void test_date_from_path_before_dateline(void)
{
    ng_doc *d = load_named("corpus/2025-01-14/story.txt", "Updated Jan. 12, 2025\n\nText.", NULL);
    CHECK_STR(d ? d->date : NULL, "2025-01-14");
    ng_doc_free(d);
}

static void test_date_invalid_in_path_is_ignored(void)
{
    ng_doc *d = load_named("corpus/2025-13-40/story.txt", "Text without date.", NULL);
    CHECK_STR(d ? d->date : NULL, "");
    ng_doc_free(d);
}

static void test_dateline_updated_abbreviated_month(void)
{
    ng_doc *d = load_named("a.txt", "Headline\n\nUpdated Jan. 12, 2025, 11:08 p.m. ET.\n\nText.",
                           NULL);
    CHECK_STR(d ? d->date : NULL, "2025-01-12");
    CHECK_OUT_OF_BODY(d, "Updated Jan. 12");
    ng_doc_free(d);
}

static void test_dateline_forms(void)
{
    ng_doc *a = load_named("a.txt", "KYIV, January 11, 2025 - Text.", NULL);
    ng_doc *b = load_named("b.txt", "Published 12 January 2025\nText.", NULL);
    ng_doc *c = load_named("c.txt", "Posted 2025-01-12T10:00Z\nText.", NULL);
    ng_doc *e = load_named("e.txt", "On Saturday January 11, Ukraine said.", NULL);
    ng_doc *f = load_named("f.txt", "February 30, 2025 was no day.", NULL);
    CHECK_STR(a ? a->date : NULL, "2025-01-11");
    CHECK_STR(b ? b->date : NULL, "2025-01-12");
    CHECK_STR(c ? c->date : NULL, "2025-01-12");
    CHECK_STR(e ? e->date : NULL, ""); /* no year: undated */
    CHECK_STR(f ? f->date : NULL, "");
    ng_doc_free(a), ng_doc_free(b), ng_doc_free(c), ng_doc_free(e), ng_doc_free(f);
}

static void test_dateline_only_in_first_lines(void)
{
    char s[600] = "";
    for (int i = 0; i < 12; i++)
        strcat(s, "A line of text.\n");
    strcat(s, "January 11, 2025\n");
    ng_doc *d = load_named("a.txt", s, NULL);
    CHECK_STR(d ? d->date : NULL, "");
    ng_doc_free(d);
}

int main(void)
{
    RUN(test_date_option_wins_over_every_source);
    RUN(test_date_option_invalid_is_usage_error);
    RUN(test_date_first_line_prefix_followed_by_text);
    RUN(test_date_first_line_with_colon);
    RUN(test_date_yaml_front_matter_with_title);
    RUN(test_date_from_path_before_dateline);
    RUN(test_date_invalid_in_path_is_ignored);
    RUN(test_dateline_updated_abbreviated_month);
    RUN(test_dateline_forms);
    RUN(test_dateline_only_in_first_lines);
    free_test_furniture();
    return CHECK_DONE();
}
