/* test_html_title_utf8.c - the headline of an HTML page is UTF-8 like
 * its text (ingest.h), whatever character references it holds.
 *
 * Found by fuzz_html after df14318 repaired the text: gumbo turns a
 * character reference beyond Unicode (&#9999999999999999999999;) into a
 * raw 0xFF byte, and the title taken from <h1> or <title> keeps it. The
 * writers escape it on output, but every reader of doc->title is
 * promised UTF-8. */
#include "check.h"

#include "newsgraph/ingest.h"

static int utf8_valid(const unsigned char *s)
{
    while (*s) {
        size_t n = *s < 0x80 ? 0 : *s >= 0xC2 && *s <= 0xDF ? 1 : *s >= 0xE0 && *s <= 0xEF ? 2
                 : *s >= 0xF0 && *s <= 0xF4 ? 3 : 9;
        if (n == 9)
            return 0;
        for (size_t k = 1; k <= n; k++)
            if ((s[k] & 0xC0) != 0x80)
                return 0;
        s += n + 1;
    }
    return 1;
}

static void check_title(const char *html)
{
    ng_doc *doc = NULL;
    ng_error err;
    CHECK(ng_doc_from_memory("title.html", html, strlen(html), 1, NULL, &doc, &err) == 0);
    if (!doc)
        return;
    CHECK(doc->title != NULL);
    if (doc->title)
        CHECK(utf8_valid((const unsigned char *)doc->title));
    CHECK(utf8_valid((const unsigned char *)doc->text));
    ng_doc_free(doc);
}

static void test_h1_with_reference_beyond_unicode_is_utf8(void)
{
    check_title("<html><body><article><h1>Kim &#9999999999999999999999; meets Putin</h1>"
                "<p>The Kremlin said on Monday it could not comment.</p></article></body></html>");
}

static void test_title_with_reference_beyond_unicode_is_utf8(void)
{
    check_title("<html><head><title>Kim &#9999999999999999999999; meets Putin</title></head>"
                "<body><p>The Kremlin said on Monday it could not comment.</p></body></html>");
}

int main(void)
{
    RUN(test_h1_with_reference_beyond_unicode_is_utf8);
    RUN(test_title_with_reference_beyond_unicode_is_utf8);
    return CHECK_DONE();
}
