/* thread_memo.c - see thread_memo.h. */
#include "thread_memo.h"

#include <stdalign.h>
#include <stdlib.h>

/* What a thread's block starts with: the key's destructor gets only the
 * block, so the block says how to release it. */
typedef struct memo_head {
    alignas(max_align_t) void (*release)(void *);
} memo_head;

static pthread_mutex_t setup_lock = PTHREAD_MUTEX_INITIALIZER;

static void memo_free(void *p)
{
    memo_head *h = (memo_head *)p - 1;
    if (h->release)
        h->release(p);
    free(h);
}

static int memo_ready(ng_thread_memo *m)
{
    int state = atomic_load_explicit(&m->state, memory_order_acquire);
    if (state != 0)
        return state > 0;
    pthread_mutex_lock(&setup_lock);
    if ((state = atomic_load_explicit(&m->state, memory_order_relaxed)) == 0) {
        state = pthread_key_create(&m->key, memo_free) == 0 ? 1 : -1;
        atomic_store_explicit(&m->state, state, memory_order_release);
    }
    pthread_mutex_unlock(&setup_lock);
    return state > 0;
}

void *ng_thread_memo_get(ng_thread_memo *m, int *fresh)
{
    if (fresh)
        *fresh = 0;
    if (!memo_ready(m))
        return NULL;
    void *p = pthread_getspecific(m->key);
    if (p)
        return p;
    memo_head *h = calloc(1, sizeof *h + m->size);
    if (!h)
        return NULL;
    h->release = m->release;
    p = h + 1;
    if (pthread_setspecific(m->key, p) != 0) {
        free(h);
        return NULL;
    }
    if (fresh)
        *fresh = 1;
    return p;
}
