/* gazetteer_image_gen.c - the build's generator of the built-in
 * gazetteer image (gazetteer_image.c): parses DATA_DIR/gazetteer/ with
 * the plain parser of the program and writes the frozen tables, with
 * the text of the lists, as a C source.
 *
 * usage: gazetteer-image-gen DATA_DIR OUT.c */
#include "gazetteer_internal.h"

#include "newsgraph/error.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: %s DATA_DIR OUT.c\n", argv[0]);
        return 2;
    }
    gaz_file files[GAZ_NFILES];
    memset(files, 0, sizeof files);
    char *texts[GAZ_NFILES] = {0};
    size_t lens[GAZ_NFILES];
    ng_error err = {0};
    ng_gazetteer *g = calloc(1, sizeof *g);
    FILE *out = NULL;
    int rc = g ? ng_gaz_read_files(argv[1], files, &err) : ng_error_set(&err, NG_ENOMEM, "out of memory");
    /* the image keeps the text as read: parsing cuts it in place */
    for (size_t i = 0; i < GAZ_NFILES && rc == 0; i++) {
        lens[i] = files[i].len;
        if (!(texts[i] = malloc(lens[i] + 1)))
            rc = ng_error_set(&err, NG_ENOMEM, "out of memory");
        else
            memcpy(texts[i], files[i].text, lens[i] + 1);
    }
    if (rc == 0)
        rc = ng_gaz_parse_files(g, files, &err);
    if (rc == 0 && !(out = fopen(argv[2], "w")))
        rc = ng_error_set(&err, NG_EINTERNAL, "%s: cannot create", argv[2]);
    if (rc == 0 && (rc = ng_gaz_image_write_c(out, (const char *const *)texts, lens, g)) < 0)
        ng_error_set(&err, rc, "%s: cannot write the image", argv[2]);
    if (out && fclose(out) != 0 && rc == 0)
        rc = ng_error_set(&err, NG_EINTERNAL, "%s: cannot write", argv[2]);
    if (rc < 0) {
        fprintf(stderr, "gazetteer-image-gen: %s\n", err.message);
        if (out)
            remove(argv[2]);
    }
    for (size_t i = 0; i < GAZ_NFILES; i++)
        free(texts[i]);
    ng_gaz_free_files(files);
    ng_gazetteer_free(g);
    return rc < 0 ? 1 : 0;
}
