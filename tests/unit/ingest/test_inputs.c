/* test_inputs.c - INPUT arguments expanded to a sorted list of documents. */
#include "helpers.h"

#include <sys/stat.h>
#include <unistd.h>

static char root[] = "/tmp/ng-ingest-inputs-XXXXXX";

static void touch(const char *rel)
{
    char p[512];
    snprintf(p, sizeof p, "%s/%s", root, rel);
    FILE *f = fopen(p, "w");
    if (f) {
        fputs("Text.\n", f);
        fclose(f);
    }
}

static void make_tree(void)
{
    char p[512];
    CHECK(mkdtemp(root) != NULL);
    const char *dirs[] = {"b", "a", "a/deep", "empty", ".hidden"};
    for (size_t i = 0; i < sizeof dirs / sizeof dirs[0]; i++) {
        snprintf(p, sizeof p, "%s/%s", root, dirs[i]);
        mkdir(p, 0755);
    }
    const char *files[] = {"b/2.txt", "b/1.HTML", "a/z.md", "a/deep/x.text", "a/deep/y.htm",
                           "a/notes.pdf", "a/image.png", ".hidden/secret.txt", "b/raw.csv"};
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++)
        touch(files[i]);
}

static void remove_tree(void)
{
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
    CHECK(system(cmd) == 0);
}

static void test_dir_expansion_sorted_recursive_article_extensions_only(void)
{
    ng_pathlist l;
    ng_error err;
    const char *in[] = {root};
    CHECK(ng_inputs_expand(in, 1, &l, &err) == 0);
    const char *want[] = {"a/deep/x.text", "a/deep/y.htm", "a/z.md", "b/1.HTML", "b/2.txt"};
    CHECK(l.count == 5);
    for (size_t i = 0; i < l.count && i < 5; i++) {
        char p[512];
        snprintf(p, sizeof p, "%s/%s", root, want[i]);
        CHECK_STR(l.paths[i], p);
    }
    ng_pathlist_free(&l);
}

static void test_explicit_file_any_extension_stdin_kept_duplicates_removed(void)
{
    char csv[512], dir[512], txt[512];
    snprintf(csv, sizeof csv, "%s/b/raw.csv", root);
    snprintf(dir, sizeof dir, "%s/b", root);
    snprintf(txt, sizeof txt, "%s/b/2.txt", root);
    const char *in[] = {txt, csv, "-", dir, txt};
    ng_pathlist l;
    ng_error err;
    CHECK(ng_inputs_expand(in, 5, &l, &err) == 0);
    CHECK(l.count == 4);
    if (l.count == 4) {
        CHECK_STR(l.paths[0], "-");
        CHECK(strstr(l.paths[1], "b/1.HTML") && strstr(l.paths[2], "b/2.txt") &&
              strstr(l.paths[3], "b/raw.csv"));
    }
    ng_pathlist_free(&l);
}

static void test_missing_path_refused_by_name(void)
{
    const char *in[] = {"/no/such/dir/at/all"};
    ng_pathlist l;
    ng_error err;
    CHECK(ng_inputs_expand(in, 1, &l, &err) == NG_EINPUT);
    CHECK(strstr(err.message, "/no/such/dir/at/all"));
    CHECK(l.count == 0 && l.paths == NULL);
}

static void test_directory_without_articles_refused(void)
{
    char p[512];
    snprintf(p, sizeof p, "%s/empty", root);
    const char *in[] = {p};
    ng_pathlist l;
    ng_error err;
    CHECK(ng_inputs_expand(in, 1, &l, &err) == NG_EINPUT);
    CHECK(strstr(err.message, p) && strstr(err.message, "no articles"));
}

int main(void)
{
    make_tree();
    RUN(test_dir_expansion_sorted_recursive_article_extensions_only);
    RUN(test_explicit_file_any_extension_stdin_kept_duplicates_removed);
    RUN(test_missing_path_refused_by_name);
    RUN(test_directory_without_articles_refused);
    remove_tree();
    return CHECK_DONE();
}
