/* thread_memo.h - a block of memory per thread, made on first use and
 * freed when the thread ends.
 *
 * Worker threads keep memos and scratch buffers across the documents they
 * extract. Such blocks used to be _Thread_local arrays, which glibc takes
 * out of every thread's stack whether the thread uses them or not (a
 * 1 MiB stack limit was then too small for a worker), or hand-written
 * pthread-key code per module. An ng_thread_memo is a static descriptor;
 * ng_thread_memo_get hands each thread its own zeroed block. */
#ifndef NG_BASE_THREAD_MEMO_H
#define NG_BASE_THREAD_MEMO_H

#include <pthread.h>
#include <stdatomic.h>
#include <stddef.h>

typedef struct ng_thread_memo {
    size_t size;             /* bytes of the zeroed block each thread gets */
    void (*release)(void *); /* frees what a block points to, or NULL; the block itself is freed after */
    /* private: set up by the first ng_thread_memo_get */
    atomic_int state; /* 0 new, 1 ready, -1 no key could be made */
    pthread_key_t key;
} ng_thread_memo;

/* A static descriptor: static ng_thread_memo m = NG_THREAD_MEMO(size, release); */
#define NG_THREAD_MEMO(size_, release_) {(size_), (release_), 0, 0}

/* The calling thread's block of m->size zeroed bytes, made on first use
 * (*fresh = 1 then, else 0; fresh may be NULL) and kept until the thread
 * ends, when release (if any) and free run on it. The main thread's block
 * lives until exit. NULL when it cannot be had (out of memory, no key):
 * callers then work without it. Thread-safe. */
void *ng_thread_memo_get(ng_thread_memo *m, int *fresh);

#endif
