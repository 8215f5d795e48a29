/* driver.c - runs a libFuzzer target without libFuzzer: the fuzz-smoke suite.
 *
 * CI builds every fuzz_<name>.c twice: with -Dfuzz=true and clang as a real
 * libFuzzer executable, and always (any compiler, any build) linked with this
 * driver. The driver feeds every file of a seed corpus to
 * LLVMFuzzerTestOneInput, then a fixed number of pseudo-random mutations of
 * those seeds (byte flips, insertions of quote marks, NUL, 0xFF, '<',
 * deletions, truncations, splices of two seeds). The generator is seeded
 * with a constant, so a failure found in CI is found again on any machine:
 * the driver prints the seed file and mutation number before each run when
 * NG_FUZZ_VERBOSE is set, and -o FILE saves the input it is about to run,
 * so the last one written is the crasher.
 *
 *   fuzz_smoke_ingest [-n MUTATIONS] [-s SEED] [-o FILE] CORPUS_DIR|FILE...
 *
 * A FILE argument is run as is (to replay a crash or a libFuzzer artifact);
 * without -n nothing is mutated. */
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Mutated inputs never grow beyond this: the smoke run is about odd bytes,
 * not size (tests/reliability covers size). */
#define SMOKE_MAX_INPUT (256u * 1024u)

typedef struct input {
    char *name;
    uint8_t *data;
    size_t size;
} input;

typedef struct corpus {
    input *items;
    size_t count, cap;
} corpus;

static int read_file(const char *path, uint8_t **data, size_t *size)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    size_t cap = 4096, len = 0;
    uint8_t *buf = malloc(cap);
    for (;;) {
        if (!buf) {
            fclose(f);
            return -1;
        }
        size_t got = fread(buf + len, 1, cap - len, f);
        len += got;
        if (len < cap)
            break;
        cap *= 2;
        uint8_t *grown = realloc(buf, cap);
        if (!grown)
            free(buf);
        buf = grown;
    }
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        free(buf);
        return -1;
    }
    *data = buf;
    *size = len;
    return 0;
}

static int corpus_add(corpus *c, const char *path)
{
    if (c->count == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 64;
        input *items = realloc(c->items, cap * sizeof *items);
        if (!items)
            return -1;
        c->items = items;
        c->cap = cap;
    }
    input *in = &c->items[c->count];
    if (read_file(path, &in->data, &in->size) != 0) {
        fprintf(stderr, "fuzz driver: cannot read %s: %s\n", path, strerror(errno));
        return -1;
    }
    in->name = strdup(path);
    if (!in->name)
        return -1;
    c->count++;
    return 0;
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Adds the regular files of dir in name order (readdir order differs
 * between file systems; the run must not). */
static int corpus_add_dir(corpus *c, const char *dir)
{
    DIR *d = opendir(dir);
    if (!d) {
        fprintf(stderr, "fuzz driver: cannot open %s: %s\n", dir, strerror(errno));
        return -1;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    int rc = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            char **grown = realloc(names, cap * sizeof *names);
            if (!grown) {
                rc = -1;
                break;
            }
            names = grown;
        }
        size_t len = strlen(dir) + strlen(e->d_name) + 2;
        names[n] = malloc(len);
        if (!names[n]) {
            rc = -1;
            break;
        }
        snprintf(names[n], len, "%s/%s", dir, e->d_name);
        n++;
    }
    closedir(d);
    if (rc == 0)
        qsort(names, n, sizeof *names, compare_names);
    for (size_t i = 0; i < n; i++) {
        struct stat st;
        if (rc == 0 && stat(names[i], &st) == 0 && S_ISREG(st.st_mode))
            rc = corpus_add(c, names[i]);
        free(names[i]);
    }
    free(names);
    return rc;
}

/* splitmix64: small, fast and the same everywhere. */
static uint64_t rng_state;

static uint64_t rng_next(void)
{
    uint64_t z = (rng_state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static size_t rng_below(size_t n)
{
    return n ? (size_t)(rng_next() % n) : 0;
}

/* Byte strings that parsers of text, HTML and JSON treat specially. */
static const char *const interesting[] = {
    "\"", "'", "\xe2\x80\x9c", "\xe2\x80\x9d", "\xe2\x80\x98", "\xe2\x80\x99", "\xc2\xab",
    "\xc2\xbb", "\0", "\xff", "\xfe\xff", "\xef\xbb\xbf", "\xc3", "\xe2\x80", "\xf0\x9f\x98",
    "<", ">", "</", "<p>", "<div>", "</div>", "<script>", "<!--", "-->", "&amp;", "&#x0;",
    "&#1114112;", "\r\n", "\n\n", "\r", "\t", ".", ". ", "Mr. ", "U.S. ", " said ", " told ",
    "{", "}", "[", "]", ":", ",", "\\", "\\u0000", "\\ud800", "null", "true", "-1",
    "1e999", "4294967296", "\"id\":", "\"nodes\":", "\"edges\":", "date 2025-01-13\n",
    "date: 2025-13-45\n", "By AFP\n", "Vladimir Putin", "Kremlin spokesman Dmitry Peskov",
};

typedef struct buffer {
    uint8_t *data;
    size_t size;
} buffer;

static void buffer_insert(buffer *b, size_t at, const uint8_t *bytes, size_t n)
{
    if (b->size + n > SMOKE_MAX_INPUT)
        return;
    memmove(b->data + at + n, b->data + at, b->size - at);
    memcpy(b->data + at, bytes, n);
    b->size += n;
}

/* One mutation of b (capacity SMOKE_MAX_INPUT) using other as splice material. */
static void mutate_once(buffer *b, const input *other)
{
    size_t at = rng_below(b->size + 1);
    switch (rng_below(8)) {
    case 0: /* flip a bit */
        if (b->size)
            b->data[rng_below(b->size)] ^= (uint8_t)(1u << rng_below(8));
        break;
    case 1: /* set a random byte */
        if (b->size)
            b->data[rng_below(b->size)] = (uint8_t)rng_next();
        break;
    case 2:
    case 3: { /* insert an interesting string (NUL counts as one byte) */
        const char *s = interesting[rng_below(sizeof interesting / sizeof interesting[0])];
        size_t n = s[0] ? strlen(s) : 1;
        buffer_insert(b, at, (const uint8_t *)s, n);
        break;
    }
    case 4: { /* delete a range */
        size_t n = rng_below(b->size - at + 1);
        if (n > 64 && rng_below(2))
            n = rng_below(64);
        memmove(b->data + at, b->data + at + n, b->size - at - n);
        b->size -= n;
        break;
    }
    case 5: /* truncate */
        b->size = at;
        break;
    case 6: { /* splice in a piece of another seed */
        if (!other->size)
            break;
        size_t from = rng_below(other->size);
        size_t n = 1 + rng_below(other->size - from);
        buffer_insert(b, at, other->data + from, n);
        break;
    }
    default: { /* repeat a piece of itself: runs of quotes, tags, capitals */
        if (!b->size)
            break;
        size_t from = rng_below(b->size);
        size_t n = 1 + rng_below(b->size - from < 16 ? b->size - from : 16);
        size_t times = 1 + rng_below(64);
        uint8_t piece[16];
        memcpy(piece, b->data + from, n);
        for (size_t i = 0; i < times; i++)
            buffer_insert(b, at, piece, n);
        break;
    }
    }
}

/* Runs one input from an exact-size heap copy, so AddressSanitizer sees
 * any read past its end (libFuzzer does the same). */
static void run_one(const uint8_t *data, size_t size, const char *save_path)
{
    if (save_path) {
        FILE *f = fopen(save_path, "wb");
        if (f) {
            fwrite(data, 1, size, f);
            fclose(f);
        }
    }
    uint8_t *copy = malloc(size ? size : 1);
    if (!copy) {
        fprintf(stderr, "fuzz driver: out of memory\n");
        exit(2);
    }
    memcpy(copy, data, size);
    LLVMFuzzerTestOneInput(copy, size);
    free(copy);
}

int main(int argc, char **argv)
{
    unsigned long mutations = 0; /* replay only, unless -n says otherwise */
    uint64_t seed = 20250113;
    const char *save_path = NULL;
    int verbose = getenv("NG_FUZZ_VERBOSE") != NULL;
    corpus c = {0};
    int i = 1;
    for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
        if (strcmp(argv[i], "-n") == 0 && i + 1 < argc)
            mutations = strtoul(argv[++i], NULL, 10);
        else if (strcmp(argv[i], "-s") == 0 && i + 1 < argc)
            seed = strtoull(argv[++i], NULL, 10);
        else if (strcmp(argv[i], "-o") == 0 && i + 1 < argc)
            save_path = argv[++i];
        else {
            fprintf(stderr, "usage: %s [-n MUTATIONS] [-s SEED] [-o FILE] CORPUS_DIR|FILE...\n",
                    argv[0]);
            return 2;
        }
    }
    if (i == argc) {
        fprintf(stderr, "usage: %s [-n MUTATIONS] [-s SEED] [-o FILE] CORPUS_DIR|FILE...\n",
                argv[0]);
        return 2;
    }
    for (; i < argc; i++) {
        struct stat st;
        int rc = stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode) ? corpus_add_dir(&c, argv[i])
                                                                : corpus_add(&c, argv[i]);
        if (rc != 0)
            return 2;
    }
    if (c.count == 0) {
        fprintf(stderr, "fuzz driver: empty corpus\n");
        return 2;
    }

    clock_t t0 = clock();
    for (size_t k = 0; k < c.count; k++) {
        if (verbose)
            fprintf(stderr, "seed %s (%zu bytes)\n", c.items[k].name, c.items[k].size);
        run_one(c.items[k].data, c.items[k].size, save_path);
    }

    rng_state = seed;
    buffer b = {malloc(SMOKE_MAX_INPUT), 0};
    if (!b.data)
        return 2;
    for (unsigned long m = 0; m < mutations; m++) {
        const input *base = &c.items[rng_below(c.count)];
        const input *other = &c.items[rng_below(c.count)];
        b.size = base->size < SMOKE_MAX_INPUT ? base->size : SMOKE_MAX_INPUT;
        memcpy(b.data, base->data, b.size);
        size_t n = 1 + rng_below(rng_below(2) ? 4 : 16);
        for (size_t j = 0; j < n; j++)
            mutate_once(&b, other);
        if (verbose)
            fprintf(stderr, "mutation %lu of %s (%zu bytes)\n", m, base->name, b.size);
        run_one(b.data, b.size, save_path);
    }
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    printf("%zu seeds + %lu mutations (seed %llu) in %.2f s CPU, no crash\n", c.count, mutations,
           (unsigned long long)seed, secs);

    free(b.data);
    for (size_t k = 0; k < c.count; k++) {
        free(c.items[k].name);
        free(c.items[k].data);
    }
    free(c.items);
    return 0;
}
