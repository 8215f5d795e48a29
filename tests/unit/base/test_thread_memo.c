/* test_thread_memo.c - ng_thread_memo: one zeroed block per thread, made
 * on first use, released and freed when the thread ends. */
#include "check.h"
#include "thread_memo.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <string.h>

enum { BLOCK = 3000, THREADS = 8 };

static atomic_int released;

static void release_block(void *p)
{
    const unsigned char *b = p;
    /* the block a thread wrote is the one released */
    if (b[0] == 0xAB && b[BLOCK - 1] == 0xCD)
        atomic_fetch_add(&released, 1);
}

static ng_thread_memo memo = NG_THREAD_MEMO(BLOCK, release_block);

typedef struct result {
    unsigned char *first, *again;
    int fresh_first, fresh_again, zeroed, aligned;
} result;

static void *use_memo(void *arg)
{
    result *r = arg;
    r->first = ng_thread_memo_get(&memo, &r->fresh_first);
    r->zeroed = 1;
    for (size_t i = 0; r->first && i < BLOCK; i++)
        if (r->first[i])
            r->zeroed = 0;
    r->aligned = r->first && (uintptr_t)r->first % 16 == 0;
    if (r->first) {
        r->first[0] = 0xAB;
        r->first[BLOCK - 1] = 0xCD;
    }
    r->again = ng_thread_memo_get(&memo, &r->fresh_again);
    return NULL;
}

static void test_one_block_per_thread(void)
{
    pthread_t t[THREADS];
    result r[THREADS];
    memset(r, 0, sizeof r);
    atomic_store(&released, 0);
    for (int i = 0; i < THREADS; i++)
        CHECK(pthread_create(&t[i], NULL, use_memo, &r[i]) == 0);
    for (int i = 0; i < THREADS; i++)
        pthread_join(t[i], NULL);
    for (int i = 0; i < THREADS; i++) {
        CHECK(r[i].first != NULL);
        CHECK(r[i].first == r[i].again);
        CHECK(r[i].fresh_first == 1 && r[i].fresh_again == 0);
        CHECK(r[i].zeroed);
        CHECK(r[i].aligned);
    }
    /* every thread's block was released when the thread ended */
    CHECK(atomic_load(&released) == THREADS);
}

static void test_main_thread_keeps_its_block(void)
{
    result r;
    memset(&r, 0, sizeof r);
    use_memo(&r);
    CHECK(r.first != NULL && r.first == r.again && r.fresh_first == 1);
    int fresh = -1;
    CHECK(ng_thread_memo_get(&memo, &fresh) == r.first && fresh == 0);
    CHECK(r.first[0] == 0xAB);
}

int main(void)
{
    RUN(test_one_block_per_thread);
    RUN(test_main_thread_keeps_its_block);
    return CHECK_DONE();
}
