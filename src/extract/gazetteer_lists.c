/* gazetteer_lists.c - reads the lists of data/gazetteer/ into the
 * gazetteer (ng_gazetteer_load): each file is read whole; when the files
 * are the ones the built-in image was made from, the tables come from
 * the image (gazetteer_image.c), else the plain parser below cuts the
 * lines in place, sizes the tables from the number of lines before the
 * first key goes in, and queues the keys so that the slot of each is
 * loaded while earlier ones are stored (ng_gaz_add_key). */
#include "gazetteer_internal.h"

#include "newsgraph/error.h"

#include <errno.h>
#include <fcntl.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The id of the country of ISO code cc (its first two bytes), or -1:
 * upper-case codes by table, others by a scan (the first country wins). */
static int country_by_cca2(const ng_gazetteer *g, const char *cc)
{
    unsigned a = (unsigned char)cc[0] - 'A', b = a < 26 ? (unsigned char)cc[1] - 'A' : 26;
    if (a < 26 && b < 26)
        return g->cca2_id[a * 26 + b] - 1;
    for (size_t i = 0; i < g->ncountries; i++)
        if (strncmp(g->cca2[i], cc, 2) == 0)
            return (int)i;
    return -1;
}

/* Splits line at tabs into at most max fields (in place); returns the count. */
static int split_tabs(char *line, char **f, int max)
{
    int n = 0;
    f[n++] = line;
    for (char *p = line; *p && n < max; p++)
        if (*p == '\t') {
            *p = '\0';
            f[n++] = p + 1;
        }
    return n;
}

/* Calls add_key for every ';'-separated item of list. */
static int add_list(ng_gazetteer *g, char *list, uint32_t classes, int country, int near)
{
    int rc = 0;
    for (char *item = list; item && *item && !rc;) {
        char *semi = strchr(item, ';');
        size_t n = semi ? (size_t)(semi - item) : strlen(item);
        rc = ng_gaz_add_key(g, item, n, classes, country, 0);
        if (!rc && near)
            rc = ng_gaz_add_near(g, item, n);
        item = semi ? semi + 1 : NULL;
    }
    return rc;
}

/* Demonyms also name the people: "Ukrainians", "North Koreans" (not
 * "Chinese", "Swiss", "British"). */
static int add_plurals(ng_gazetteer *g, const char *list, int country)
{
    int rc = 0;
    for (const char *item = list; item && *item && !rc;) {
        const char *semi = strchr(item, ';');
        size_t n = semi ? (size_t)(semi - item) : strlen(item);
        char buf[KEY_MAX];
        char last = n ? item[n - 1] : 's';
        if (n + 1 < sizeof buf && !strchr("shxz", last) && !(n >= 3 && !memcmp(item + n - 3, "ese", 3))) {
            memcpy(buf, item, n);
            buf[n] = 's';
            rc = ng_gaz_add_key(g, buf, n + 1, NG_GAZ_DEMONYM, country, 0);
        }
        item = semi ? semi + 1 : NULL;
    }
    return rc;
}

typedef int (*line_fn)(ng_gazetteer *g, char *line, void *ctx);

/* Reads dir/gazetteer/name whole into out (size from fstat, one read
 * loop: no stdio buffer to copy through). */
static int read_file(const char *dir, const char *name, gaz_file *out, ng_error *err)
{
    snprintf(out->path, sizeof out->path, "%s/gazetteer/%s", dir, name);
    int fd = open(out->path, O_RDONLY);
    if (fd < 0)
        return ng_error_set(err, NG_EINTERNAL, "%s: cannot open gazetteer list: %s", out->path,
                            strerror(errno));
    struct stat st;
    size_t cap = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) ? (size_t)st.st_size + 1 : 65536;
    size_t len = 0;
    char *text = malloc(cap);
    int bad = 0;
    while (text) {
        if (len + 1 == cap) { /* the file grew, or is not a regular file */
            char *p = realloc(text, cap * 2);
            if (!p) {
                free(text);
                text = NULL;
                break;
            }
            text = p;
            cap *= 2;
        }
        ssize_t got = read(fd, text + len, cap - len - 1);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0) {
            bad = got < 0;
            break;
        }
        len += (size_t)got;
    }
    close(fd);
    if (!text)
        return ng_error_set(err, NG_ENOMEM, "%s: out of memory loading gazetteer", out->path);
    if (bad) {
        free(text);
        return ng_error_set(err, NG_EINTERNAL, "%s: cannot read gazetteer list", out->path);
    }
    text[len] = '\0';
    out->text = text;
    out->len = len;
    return 0;
}

/* Newlines of file, plus an unterminated last line. */
static size_t count_lines(const gaz_file *file)
{
    const char *text = file->text;
    size_t len = file->len, lines = len && text[len - 1] != '\n';
    for (const char *p = text; (p = memchr(p, '\n', len - (size_t)(p - text))); p++)
        lines++;
    return lines;
}

/* Calls fn on every line of file (comments '#' and blank lines skipped),
 * as getline would give it without its line end. */
static int parse_lines(ng_gazetteer *g, gaz_file *file, line_fn fn, void *ctx, ng_error *err)
{
    int rc = 0;
    char *p = file->text, *end = file->text + file->len;
    while (!rc && p < end) {
        char *nl = memchr(p, '\n', (size_t)(end - p));
        char *next = nl ? nl + 1 : end;
        size_t len = (size_t)((nl ? nl : end) - p);
        while (len > 0 && (p[len - 1] == '\n' || p[len - 1] == '\r'))
            len--;
        p[len] = '\0';
        if (len > 0 && p[0] != '#')
            rc = fn(g, p, ctx);
        p = next;
    }
    if (rc)
        return ng_error_set(err, rc, "%s: out of memory loading gazetteer", file->path);
    return 0;
}

static int country_line(ng_gazetteer *g, char *line, void *ctx)
{
    (void)ctx;
    char *f[5] = {0};
    if (split_tabs(line, f, 5) < 2 || strlen(f[0]) != 2)
        return 0;
    if (g->ncountries % 64 == 0) {
        char **c = realloc(g->countries, (g->ncountries + 64) * sizeof *c);
        if (!c)
            return NG_ENOMEM;
        g->countries = c;
        char(*cc)[3] = realloc(g->cca2, (g->ncountries + 64) * sizeof *cc);
        if (!cc)
            return NG_ENOMEM;
        g->cca2 = cc;
    }
    int id = (int)g->ncountries;
    if (!(g->countries[id] = strdup(f[1])))
        return NG_ENOMEM;
    memcpy(g->cca2[id], f[0], 3);
    unsigned a = (unsigned char)f[0][0] - 'A', b = (unsigned char)f[0][1] - 'A';
    if (a < 26 && b < 26 && !g->cca2_id[a * 26 + b])
        g->cca2_id[a * 26 + b] = id + 1; /* the first country of a code wins */
    g->ncountries++;
    int rc = add_list(g, f[1], NG_GAZ_COUNTRY, id, 1);
    if (!rc && f[2])
        rc = add_list(g, f[2], NG_GAZ_COUNTRY, id, 0);
    if (!rc && f[3])
        rc = add_list(g, f[3], NG_GAZ_DEMONYM, id, 0);
    if (!rc && f[3])
        rc = add_plurals(g, f[3], id);
    if (!rc && f[4])
        rc = add_list(g, f[4], NG_GAZ_CAPITAL, id, 1);
    return rc;
}

/* cities.tsv is sorted by population: the first reading of a name keeps
 * its country; cities of >= 500k people become typo targets. */
static int city_line(ng_gazetteer *g, char *line, void *ctx)
{
    (void)ctx;
    char *f[3] = {0};
    if (split_tabs(line, f, 3) < 3)
        return 0;
    int rc = ng_gaz_add_key(g, f[0], strlen(f[0]), NG_GAZ_CITY, country_by_cca2(g, f[1]), 0);
    if (!rc && atol(f[2]) >= 500000)
        rc = ng_gaz_add_near(g, f[0], strlen(f[0]));
    return rc;
}

static int region_line(ng_gazetteer *g, char *line, void *ctx)
{
    (void)ctx;
    char *f[2] = {0};
    if (split_tabs(line, f, 2) < 2)
        return 0;
    return ng_gaz_add_key(g, f[0], strlen(f[0]), NG_GAZ_REGION, country_by_cca2(g, f[1]), 0);
}

static int extra_place_line(ng_gazetteer *g, char *line, void *ctx)
{
    (void)ctx;
    char *f[3] = {0};
    if (split_tabs(line, f, 3) < 3)
        return 0;
    uint32_t c = strcmp(f[2], "country") == 0   ? NG_GAZ_COUNTRY
                 : strcmp(f[2], "capital") == 0 ? NG_GAZ_CAPITAL
                 : strcmp(f[2], "city") == 0    ? NG_GAZ_CITY
                 : strcmp(f[2], "demonym") == 0 ? NG_GAZ_DEMONYM
                                                : NG_GAZ_REGION;
    int country = country_by_cca2(g, f[1]);
    int rc = ng_gaz_add_key(g, f[0], strlen(f[0]), c, country, 0);
    if (!rc && c == NG_GAZ_DEMONYM)
        rc = add_plurals(g, f[0], country);
    return rc;
}

static int given_line(ng_gazetteer *g, char *line, void *ctx)
{
    (void)ctx;
    char *f[2] = {0};
    if (split_tabs(line, f, 2) < 2)
        return 0;
    return ng_gaz_add_key(g, f[0], strlen(f[0]), NG_GAZ_GIVEN, -1, f[1][0]);
}

static int word_line(ng_gazetteer *g, char *line, void *ctx)
{
    return ng_gaz_add_key(g, line, strlen(line), *(const uint32_t *)ctx, -1, 0);
}

static const struct {
    const char *file;
    uint32_t cls;
} lists[GAZ_NLISTS] = {
    {"titles.txt", NG_GAZ_TITLE},         {"roles.txt", NG_GAZ_ROLE},
    {"org_heads.txt", NG_GAZ_ORG_HEAD},   {"org_nouns.txt", NG_GAZ_ORG_NOUN},
    {"institutions.txt", NG_GAZ_INSTITUTION}, {"particles.txt", NG_GAZ_PARTICLE},
    {"nonnames.txt", NG_GAZ_NONNAME},     {"speech.txt", NG_GAZ_SPEECH},
    {"place_heads.txt", NG_GAZ_PLACE_HEAD}, {"place_mods.txt", NG_GAZ_PLACE_MOD},
    {"misc_heads.txt", NG_GAZ_MISC_HEAD},
    {"words.txt", NG_GAZ_COMMON},
};
static const struct {
    const char *file;
    line_fn fn;
} tables[GAZ_NTABLES] = {
    /* Countries first: later files refer to them by ISO code. */
    {"countries.tsv", country_line}, {"places_extra.tsv", extra_place_line},
    {"cities.tsv", city_line},       {"regions.tsv", region_line},
    {"given_names.tsv", given_line},
};

int ng_gaz_read_files(const char *dir, gaz_file *files, ng_error *err)
{
    int rc = 0;
    for (size_t i = 0; i < GAZ_NFILES && !rc; i++)
        rc = read_file(dir, i < GAZ_NTABLES ? tables[i].file : lists[i - GAZ_NTABLES].file,
                       &files[i], err);
    return rc;
}

void ng_gaz_free_files(gaz_file *files)
{
    for (size_t i = 0; i < GAZ_NFILES; i++) {
        free(files[i].text);
        files[i].text = NULL;
    }
}

int ng_gaz_parse_files(ng_gazetteer *g, gaz_file *files, ng_error *err)
{
    /* The lines tell how big the tables must be (a key per line, a few
     * more for phrase prefixes and plurals). */
    size_t lines = 0;
    for (size_t i = 0; i < GAZ_NFILES; i++)
        lines += count_lines(&files[i]);
    int rc = ng_gaz_reserve(g, lines + lines / 4);
    if (rc < 0)
        return ng_error_set(err, rc, "out of memory loading gazetteer");
    for (size_t i = 0; i < GAZ_NFILES; i++) {
        uint32_t cls = i < GAZ_NTABLES ? 0 : lists[i - GAZ_NTABLES].cls;
        line_fn fn = i < GAZ_NTABLES ? tables[i].fn : word_line;
        if ((rc = parse_lines(g, &files[i], fn, &cls, err)) < 0)
            return rc;
    }
    if ((rc = ng_gaz_flush_keys(g)) < 0 || (rc = ng_gaz_freeze(g)) < 0)
        return ng_error_set(err, rc, "out of memory loading gazetteer");
    ng_gaz_index_near(g);
    return 0;
}

int ng_gaz_load(const char *dir, int allow_image, ng_gazetteer **out, ng_error *err)
{
    gaz_file files[GAZ_NFILES];
    memset(files, 0, sizeof files);
    int rc;
    ng_gazetteer *g = calloc(1, sizeof *g);
    if (!g)
        return ng_error_set(err, NG_ENOMEM, "out of memory loading gazetteer");
    if ((rc = ng_gaz_read_files(dir, files, err)) < 0)
        goto cleanup;
    rc = allow_image ? ng_gaz_image_load(g, files) : 0;
    if (rc < 0) {
        ng_error_set(err, rc, "out of memory loading gazetteer");
        goto cleanup;
    }
    if (rc == 0 && (rc = ng_gaz_parse_files(g, files, err)) < 0)
        goto cleanup;
    ng_gaz_free_files(files);
    static atomic_uint_fast64_t serials;
    g->serial = (uint64_t)atomic_fetch_add(&serials, 1) + 1;
    *out = g;
    return 0;
cleanup:
    ng_gaz_free_files(files);
    ng_gazetteer_free(g);
    return rc;
}

int ng_gazetteer_load(const char *data_dir, ng_gazetteer **out, ng_error *err)
{
    return ng_gaz_load(data_dir, 1, out, err);
}
