/* fuzz_file.h - hands fuzz input to readers that only take a path.
 *
 * The JSON Lines readers open their input by name, so each input is
 * written to one temp file, created on first use and removed at exit.
 * /dev/shm first: truncating and rewriting a file on a disk file system
 * thousands of times is some 20 times slower than the parsing itself. */
#ifndef NG_FUZZ_FILE_H
#define NG_FUZZ_FILE_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char fuzz_file_path[64];

static void fuzz_file_remove(void)
{
    unlink(fuzz_file_path);
}

/* Writes data to the temp file and returns its path; aborts if it cannot. */
static const char *fuzz_file_write(const uint8_t *data, size_t size)
{
    static int fd = -1;
    if (fd < 0) {
        const char *tmp = getenv("TMPDIR");
        const char *dirs[] = {"/dev/shm", tmp && tmp[0] == '/' && strlen(tmp) < 40 ? tmp : "/tmp",
                              "/tmp"};
        for (size_t i = 0; i < 3 && fd < 0; i++) {
            snprintf(fuzz_file_path, sizeof fuzz_file_path, "%s/ng-fuzz-XXXXXX", dirs[i]);
            fd = mkstemp(fuzz_file_path);
        }
        if (fd < 0) {
            perror("fuzz: mkstemp");
            abort();
        }
        atexit(fuzz_file_remove);
    }
    if (ftruncate(fd, 0) != 0 || (size && pwrite(fd, data, size, 0) != (ssize_t)size)) {
        perror("fuzz: writing the input file");
        abort();
    }
    return fuzz_file_path;
}

#endif
