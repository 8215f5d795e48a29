/* test_load.c - bytes to clean text: encodings, repairs and refusals. */
#include "helpers.h"

#include <fcntl.h>
#include <unistd.h>

static int load_bytes(const char *name, const char *b, size_t n, ng_doc **d, ng_error *err,
                      warnings *w)
{
    ng_ingest_options o = test_options(w);
    return ng_doc_from_memory(name, b, n, 0, &o, d, err);
}

static void test_invalid_utf8_replaced_with_one_warning_naming_offset(void)
{
    warnings w;
    ng_doc *d = load_text("bad.txt", "Kyiv said\xC3 it\xFF\xFE had captured two soldiers.", &w);
    CHECK(d && strstr(d->text, "said\xEF\xBF\xBD it\xEF\xBF\xBD\xEF\xBF\xBD had"));
    CHECK(w.count == 1);
    CHECK(strstr(w.last, "bad.txt") && strstr(w.last, "3 invalid") && strstr(w.last, "offset 9"));
    ng_doc_free(d);
}

/* Loads b[0..n) through a file, so the loader owns the bytes it read. */
static ng_doc *load_via_file(const char *b, size_t n, warnings *w)
{
    char path[] = "/tmp/ng-test-load-XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    if (fd < 0)
        return NULL;
    CHECK(write(fd, b, n) == (ssize_t)n);
    close(fd);
    ng_ingest_options o = test_options(w);
    ng_doc *d = NULL;
    ng_error err;
    if (ng_doc_load(path, &o, &d, &err) != 0)
        fprintf(stderr, "%s\n", err.message);
    unlink(path);
    return d;
}

/* The eight-bytes-at-a-time scan finds every repair wherever it falls
 * against the 8-byte blocks, and clean text (read or in memory) comes out
 * unchanged. */
static void test_repairs_found_at_every_alignment(void)
{
    static const struct {
        const char *in, *out;
        int nul;
    } kinds[] = {
        {"\0", " ", 1},
        {"\xFF", "\xEF\xBF\xBD", 0},
        {"\xC3", "\xEF\xBF\xBD", 0},
        {"\xED\xA0\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", 0},
        {"\xC3\xA9", "\xC3\xA9", -1},
        {"\xF0\x9F\x98\x80", "\xF0\x9F\x98\x80", -1},
    };
    const char *ascii = "The talks in Geneva went on until late on Monday night.";
    for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++)
        for (size_t at = 0; at < 26; at++) {
            char in[128], want[128];
            size_t nin = strlen(kinds[k].in) + (kinds[k].nul == 1);
            memcpy(in, ascii, at);
            memcpy(in + at, kinds[k].in, nin);
            strcpy(in + at + nin, ascii + at);
            size_t n = at + nin + strlen(ascii + at);
            snprintf(want, sizeof want, "%.*s%s%s", (int)at, ascii, kinds[k].out, ascii + at);
            for (int via_file = 0; via_file < 2; via_file++) {
                warnings w;
                ng_doc *d = NULL;
                ng_error err;
                if (via_file)
                    d = load_via_file(in, n, &w);
                else
                    CHECK(load_bytes("a.txt", in, n, &d, &err, &w) == 0);
                CHECK(d && d->len == strlen(want) && strcmp(d->text, want) == 0);
                CHECK(w.count == (kinds[k].nul < 0 ? 0 : 1));
                char offset[64];
                snprintf(offset, sizeof offset, "offset %zu", at);
                CHECK(kinds[k].nul < 0 || strstr(w.last, offset));
                ng_doc_free(d);
            }
        }
}

static void test_overlong_and_surrogate_sequences_are_invalid(void)
{
    warnings w;
    ng_doc *d = load_text("x.txt", "a\xC0\xAF b\xED\xA0\x80 c \xE2\x80\x9Cok\xE2\x80\x9D", &w);
    CHECK(d && w.count == 1 && strstr(w.last, "5 invalid"));
    CHECK(d && strstr(d->text, "\xE2\x80\x9Cok\xE2\x80\x9D"));
    ng_doc_free(d);
}

static void test_utf8_bom_skipped_offsets_stay_file_offsets(void)
{
    ng_doc *d = load_text("bom.txt", "\xEF\xBB\xBFThe Kremlin said nothing.", NULL);
    CHECK(d && d->len == 28 && d->nbody == 1);
    CHECK(d && d->body[0].start == 3 && d->body[0].end == 28);
    ng_doc_free(d);
}

static void test_crlf_lines_are_paragraphs_and_buffer_is_untouched(void)
{
    const char *s = "Headline here\r\n\r\nFirst paragraph.\r\nSecond paragraph.\r\n";
    ng_doc *d = load_text("crlf.txt", s, NULL);
    CHECK(d && d->len == strlen(s) && memcmp(d->text, s, d->len) == 0);
    CHECK(d && d->nbody == 3);
    CHECK(d && d->text[d->body[1].end - 1] == '.' && d->body[1].end == 33);
    CHECK_STR(d ? d->title : NULL, "Headline here");
    ng_doc_free(d);
}

static void test_utf16le_with_bom_converted(void)
{
    const char b[] = "\xFF\xFEK\0y\0i\0v\0 \0\x19\x20s\0.\0";
    ng_doc *d = NULL;
    ng_error err;
    CHECK(load_bytes("u16.txt", b, sizeof b - 1, &d, &err, NULL) == 0);
    CHECK_STR(d ? d->text : NULL, "Kyiv \xE2\x80\x99s.");
    ng_doc_free(d);
}

static void test_utf16be_with_bom_and_surrogate_pair_converted(void)
{
    const char b[] = "\xFE\xFF\0H\0i\xD8\x3D\xDE\x00";
    ng_doc *d = NULL;
    ng_error err;
    CHECK(load_bytes("u16be.txt", b, sizeof b - 1, &d, &err, NULL) == 0);
    CHECK_STR(d ? d->text : NULL, "Hi\xF0\x9F\x98\x80");
    ng_doc_free(d);
}

static void test_utf16_without_bom_refused(void)
{
    const char b[] = "H\0e\0l\0l\0o\0 \0w\0o\0r\0l\0d\0 \0a\0g\0a\0i\0n\0";
    ng_doc *d = NULL;
    ng_error err;
    CHECK(load_bytes("nobom.txt", b, sizeof b - 1, &d, &err, NULL) == NG_EINPUT);
    CHECK(strstr(err.message, "nobom.txt") && strstr(err.message, "UTF-16"));
    CHECK(d == NULL);
}

static void test_utf32_refused_with_advice(void)
{
    const char b[] = "\xFF\xFE\0\0K\0\0\0y\0\0\0";
    ng_doc *d = NULL;
    ng_error err;
    CHECK(load_bytes("u32.txt", b, sizeof b - 1, &d, &err, NULL) == NG_EINPUT);
    CHECK(strstr(err.message, "u32.txt") && strstr(err.message, "UTF-32"));
}

static void test_cr_only_line_endings_split_paragraphs(void)
{
    ng_doc *d = load_text("mac.txt", "Headline\rFirst paragraph.\r\rSecond one.\r", NULL);
    CHECK(d && d->nbody == 3);
    CHECK(d && d->body[1].start == 9 && d->body[1].end == 25);
    ng_doc_free(d);
}

static void test_binary_refused(void)
{
    char b[600];
    for (size_t i = 0; i < sizeof b; i++)
        b[i] = (char)(i * 7 % 32);
    ng_doc *d = NULL;
    ng_error err;
    CHECK(load_bytes("photo.txt", b, sizeof b, &d, &err, NULL) == NG_EINPUT);
    CHECK(strstr(err.message, "photo.txt") && strstr(err.message, "binary"));
}

/* Control bytes are counted wherever they fall against the 8-byte blocks
 * the binary test skips at once. */
static void test_control_bytes_found_at_every_alignment(void)
{
    const char *ascii = "The talks in Geneva went on until late on Monday night again.";
    const char ctrls[] = {'\x01', '\x7F', '\x1F', '\x08'};
    for (size_t c = 0; c < sizeof ctrls; c++)
        for (size_t at = 0; at < 16; at++) {
            char in[128];
            size_t n = strlen(ascii);
            memcpy(in, ascii, n);
            for (size_t k = 0; k < 4; k++)
                in[at + 9 * k] = ctrls[c];
            ng_doc *d = NULL;
            ng_error err;
            warnings w;
            CHECK(load_bytes("c.txt", in, n, &d, &err, &w) == NG_EINPUT &&
                  strstr(err.message, "binary"));
            ng_doc_free(d);
        }
}

static void test_stray_nul_replaced_with_space_and_warning(void)
{
    const char b[] = "The minister resigned\0on Tuesday, officials said on the record.";
    warnings w;
    ng_doc *d = NULL;
    ng_error err;
    CHECK(load_bytes("nul.txt", b, sizeof b - 1, &d, &err, &w) == 0);
    CHECK(d && strstr(d->text, "resigned on Tuesday"));
    CHECK(w.count == 1 && strstr(w.last, "NUL") && strstr(w.last, "offset 21"));
    ng_doc_free(d);
}

static void test_empty_refused(void)
{
    ng_doc *d = NULL;
    ng_error err;
    CHECK(load_bytes("empty.txt", "", 0, &d, &err, NULL) == NG_EINPUT);
    CHECK(strstr(err.message, "empty.txt: empty document"));
    CHECK(load_bytes("blank.txt", " \r\n\t\n", 5, &d, &err, NULL) == NG_EINPUT);
    CHECK(strstr(err.message, "empty document"));
}

static void test_too_large_refused_naming_the_option(void)
{
    ng_ingest_options o = test_options(NULL);
    o.max_doc_bytes = 10;
    ng_doc *d = NULL;
    ng_error err;
    CHECK(ng_doc_from_memory("big.txt", "0123456789ABC", 13, 0, &o, &d, &err) == NG_EINPUT);
    CHECK(strstr(err.message, "big.txt") && strstr(err.message, "13 bytes") && strstr(err.message, "--max-doc-bytes"));
}

static void test_missing_file_and_directory_refused(void)
{
    ng_ingest_options o = test_options(NULL);
    ng_doc *d = NULL;
    ng_error err;
    CHECK(ng_doc_load("/no/such/article.txt", &o, &d, &err) == NG_EINPUT);
    CHECK(strstr(err.message, "/no/such/article.txt") && strstr(err.message, "no such file"));
    CHECK(ng_doc_load(NG_SOURCE_DATA_DIR, &o, &d, &err) == NG_EINPUT);
    CHECK(strstr(err.message, "directory"));
}

static void test_stdin_sniffed_as_html(void)
{
    char path[] = "/tmp/ng-ingest-stdin-XXXXXX";
    int fd = mkstemp(path);
    const char *html = "<!DOCTYPE html><title>T</title><p>Hello <b>there</b>.</p>";
    CHECK(fd >= 0 && write(fd, html, strlen(html)) == (ssize_t)strlen(html));
    lseek(fd, 0, SEEK_SET);
    int saved = dup(0);
    dup2(fd, 0);
    ng_ingest_options o = test_options(NULL);
    ng_doc *d = NULL;
    ng_error err;
    CHECK(ng_doc_load("-", &o, &d, &err) == 0);
    dup2(saved, 0);
    close(saved);
    close(fd);
    unlink(path);
    CHECK(d && d->from_html && strcmp(d->path, "-") == 0);
    CHECK_STR(d ? d->text : NULL, "Hello there.");
    ng_doc_free(d);
}

int main(void)
{
    RUN(test_invalid_utf8_replaced_with_one_warning_naming_offset);
    RUN(test_repairs_found_at_every_alignment);
    RUN(test_overlong_and_surrogate_sequences_are_invalid);
    RUN(test_utf8_bom_skipped_offsets_stay_file_offsets);
    RUN(test_crlf_lines_are_paragraphs_and_buffer_is_untouched);
    RUN(test_utf16le_with_bom_converted);
    RUN(test_utf16be_with_bom_and_surrogate_pair_converted);
    RUN(test_utf16_without_bom_refused);
    RUN(test_utf32_refused_with_advice);
    RUN(test_cr_only_line_endings_split_paragraphs);
    RUN(test_binary_refused);
    RUN(test_control_bytes_found_at_every_alignment);
    RUN(test_stray_nul_replaced_with_space_and_warning);
    RUN(test_empty_refused);
    RUN(test_too_large_refused_naming_the_option);
    RUN(test_missing_file_and_directory_refused);
    RUN(test_stdin_sniffed_as_html);
    free_test_furniture();
    return CHECK_DONE();
}
