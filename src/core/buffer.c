/*
** buffer.c - array memory: 64-byte aligned, refcounted blocks. Blocks of
** 64 KiB and more are kept in a small cache when freed and handed out again
** for the same size (most recently freed first, so still warm in the CPU
** caches), so a loop of temporaries reuses memory that is already faulted
** in instead of paying for fresh pages each time; a block not taken again
** within STALE_PUTS frees is given back. From 4 MiB on, blocks come from
** mmap with huge pages advised, as NumPy does.
*/
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include "lpy.h"

#define CACHE_MIN (64u * 1024u)         /* from here on: cached when freed */
#define BIG_MIN (4u * 1024u * 1024u)    /* from here on: mmap */
#define CACHE_SLOTS 32
#define CACHE_MAX_BYTES ((size_t)256 * 1024 * 1024)
#define STALE_PUTS 32
#define PAGE 4096u

static struct {
  pthread_mutex_t lock;
  void *ptr[CACHE_SLOTS];
  size_t len[CACHE_SLOTS];
  unsigned long stamp[CACHE_SLOTS];
  unsigned long clock;
  size_t total;
} cache = {PTHREAD_MUTEX_INITIALIZER, {0}, {0}, {0}, 0, 0};

static size_t live_bytes;               /* atomic */

size_t lpy_mem_live(void) {
  return __atomic_load_n(&live_bytes, __ATOMIC_RELAXED);
}

size_t lpy_mem_cached(void) {
  size_t n;
  pthread_mutex_lock(&cache.lock);
  n = cache.total;
  pthread_mutex_unlock(&cache.lock);
  return n;
}

static size_t round_up(size_t n, size_t to) { return (n + to - 1) / to * to; }

static void release(void *p, size_t len) {
  if (len < BIG_MIN) free(p);
  else munmap(p, len);
}

static void *cache_take(size_t len) {
  void *p = NULL;
  int i, best = -1;
  pthread_mutex_lock(&cache.lock);
  for (i = 0; i < CACHE_SLOTS; i++)
    if (cache.ptr[i] && cache.len[i] == len &&
        (best < 0 || cache.stamp[i] > cache.stamp[best]))
      best = i;
  if (best >= 0) {
    p = cache.ptr[best];
    cache.ptr[best] = NULL;
    cache.total -= len;
  }
  pthread_mutex_unlock(&cache.lock);
  return p;
}

/* keep the block for reuse, evicting stale blocks and then the oldest ones
   to make room */
static void cache_put(void *p, size_t len) {
  void *evp[CACHE_SLOTS];
  size_t evl[CACHE_SLOTS];
  int nev = 0, i, slot;
  if (len > CACHE_MAX_BYTES / 2) {
    release(p, len);
    return;
  }
  pthread_mutex_lock(&cache.lock);
  cache.clock++;
  /* a block not taken again within STALE_PUTS puts is of a size the
     program no longer uses: give it back rather than keep it resident */
  for (i = 0; i < CACHE_SLOTS; i++)
    if (cache.ptr[i] && cache.clock - cache.stamp[i] > STALE_PUTS) {
      evp[nev] = cache.ptr[i];
      evl[nev++] = cache.len[i];
      cache.total -= cache.len[i];
      cache.ptr[i] = NULL;
    }
  for (;;) {
    int oldest = -1, nfree = 0;
    for (i = 0; i < CACHE_SLOTS; i++) {
      if (!cache.ptr[i]) { nfree++; continue; }
      if (oldest < 0 || cache.stamp[i] < cache.stamp[oldest]) oldest = i;
    }
    if (nfree > 0 && cache.total + len <= CACHE_MAX_BYTES) break;
    evp[nev] = cache.ptr[oldest];
    evl[nev++] = cache.len[oldest];
    cache.total -= cache.len[oldest];
    cache.ptr[oldest] = NULL;
  }
  for (slot = 0; cache.ptr[slot]; slot++) ;
  cache.ptr[slot] = p;
  cache.len[slot] = len;
  cache.stamp[slot] = cache.clock;
  cache.total += len;
  pthread_mutex_unlock(&cache.lock);
  for (i = 0; i < nev; i++) release(evp[i], evl[i]);
}

/* give the cached blocks back to the system */
void lpy_mem_trim(void) {
  int i;
  pthread_mutex_lock(&cache.lock);
  for (i = 0; i < CACHE_SLOTS; i++)
    if (cache.ptr[i]) {
      release(cache.ptr[i], cache.len[i]);
      cache.ptr[i] = NULL;
    }
  cache.total = 0;
  pthread_mutex_unlock(&cache.lock);
}

/* when the library is unloaded (lua_close unloads it after collecting every
   array), the cache goes with it */
__attribute__((destructor)) static void trim_at_unload(void) { lpy_mem_trim(); }

void *lpy_alloc(size_t n, int zero) {
  void *p = NULL;
  size_t len;
  if (n < CACHE_MIN) {
    len = round_up(n ? n : 1, LPY_ALIGN);
    if (posix_memalign(&p, LPY_ALIGN, len) != 0) return NULL;
    if (zero) memset(p, 0, len);
  } else {
    len = round_up(n, PAGE);
    if (len < n) return NULL;                      /* overflow */
    p = cache_take(len);
    if (p) {
      if (zero) memset(p, 0, n);
    } else if (len < BIG_MIN) {
      if (posix_memalign(&p, LPY_ALIGN, len) != 0) return NULL;
      if (zero) memset(p, 0, len);
    } else {
      p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
               -1, 0);
      if (p == MAP_FAILED) return NULL;
#ifdef MADV_HUGEPAGE
      madvise(p, len, MADV_HUGEPAGE);
#endif
    }
  }
  __atomic_add_fetch(&live_bytes, n, __ATOMIC_RELAXED);
  return p;
}

void lpy_free(void *p, size_t n) {
  if (!p) return;
  __atomic_sub_fetch(&live_bytes, n, __ATOMIC_RELAXED);
  if (n < CACHE_MIN) free(p);
  else cache_put(p, round_up(n, PAGE));
}

lpy_buffer *lpy_buffer_new(size_t n, int zero, lpy_err *e) {
  lpy_buffer *b = malloc(sizeof *b);
  if (!b) goto nomem;
  b->data = lpy_alloc(n, zero);
  if (!b->data) { free(b); goto nomem; }
  b->refcount = 1;
  b->nbytes = n;
  b->release = NULL;
  b->ud = NULL;
  return b;
nomem:
  lpy_err_set(e, LPY_EMEMORY, "cannot allocate %zu bytes for an array", n);
  return NULL;
}

/* a buffer over memory someone else owns: fn(data, ud) runs when the last
   reference goes */
typedef struct wrapped {
  lpy_buffer b;
  void (*fn)(void *data, void *ud);
  void *ud;
} wrapped;

static void release_wrapped(lpy_buffer *b) {
  wrapped *w = (wrapped *)b;
  if (w->fn) w->fn(b->data, w->ud);
  free(w);
}

lpy_buffer *lpy_buffer_wrap(void *data, size_t n,
                            void (*fn)(void *data, void *ud), void *ud,
                            lpy_err *e) {
  wrapped *w = malloc(sizeof *w);
  if (!w) {
    if (fn) fn(data, ud);
    lpy_err_set(e, LPY_EMEMORY, "out of memory");
    return NULL;
  }
  w->b.refcount = 1;
  w->b.nbytes = n;
  w->b.data = data;
  w->b.release = release_wrapped;
  w->b.ud = NULL;
  w->fn = fn;
  w->ud = ud;
  return &w->b;
}

void lpy_buffer_incref(lpy_buffer *b) {
  __atomic_add_fetch(&b->refcount, 1, __ATOMIC_RELAXED);
}

void lpy_buffer_decref(lpy_buffer *b) {
  if (!b || __atomic_sub_fetch(&b->refcount, 1, __ATOMIC_ACQ_REL) != 0)
    return;
  if (b->release) b->release(b);
  else {
    lpy_free(b->data, b->nbytes);
    free(b);
  }
}
