/*
** buffer.c - array memory: 64-byte aligned, refcounted blocks. Freed blocks
** are kept for reuse, so that the batches of arrays a garbage collection
** frees serve the allocations that follow instead of going back to malloc:
** - blocks of 16 KiB and more in a small cache, handed out again for the
**   same size (most recently freed first, so still warm in the CPU caches)
**   so a loop of temporaries reuses memory that is already faulted in; a
**   block not taken again within STALE_PUTS frees is given back. From
**   2 MiB on, blocks come from mmap, aligned to 2 MiB with huge pages
**   advised.
** - smaller blocks on a free list per size class.
** A buffer carries its header in its own block when the block's rounding
** leaves room for it.
*/
#include <pthread.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include "lpy.h"

#define CACHE_MIN (16u * 1024u)         /* from here on: cached when freed */
#define BIG_MIN (2u * 1024u * 1024u)    /* from here on: mmap */
#define HUGE (2u * 1024u * 1024u)       /* huge page size of x86-64 and arm64 */
#define CACHE_SLOTS 32
#define CACHE_MAX_BYTES ((size_t)256 * 1024 * 1024)
#define STALE_PUTS 32
#define PAGE 4096u

/* the cached blocks, oldest first */
typedef struct entry {
  void *ptr;
  size_t len;
  unsigned long stamp;          /* the value of clock when it was put */
} entry;

static struct {
  pthread_mutex_t lock;
  entry e[CACHE_SLOTS];
  int n;
  unsigned long clock;          /* puts so far */
  size_t total;
} cache = {PTHREAD_MUTEX_INITIALIZER, {{0, 0, 0}}, 0, 0, 0};

/* Blocks under CACHE_MIN, in SMALL_CLASSES sizes: multiples of LPY_ALIGN,
   four steps per power of two. A collection frees arrays in batches (a young
   one hundreds at once); given straight back to malloc, such a batch merges
   into free space that malloc carves up again, or hands back to the system
   and faults in again, and a small array cost several times NumPy's. At
   most SMALL_MAX_BYTES are kept; to make room for a block, the classes put
   least recently give up their lists. Sanitizer builds keep none, so a use
   after free is still caught. */
#define SMALL_CLASSES 28
#ifdef __SANITIZE_ADDRESS__
#define SMALL_MAX_BYTES 0
#else
#define SMALL_MAX_BYTES ((size_t)4 << 20)
#endif

static struct {
  pthread_mutex_t lock;
  void *head[SMALL_CLASSES];           /* free lists, linked through the blocks */
  size_t count[SMALL_CLASSES];
  unsigned long stamp[SMALL_CLASSES];  /* the clock at the last put */
  unsigned long clock;
  size_t total;
} small = {PTHREAD_MUTEX_INITIALIZER, {0}, {0}, {0}, 0, 0};

static size_t live_bytes;               /* atomic */

size_t lpy_mem_live(void) {
  return __atomic_load_n(&live_bytes, __ATOMIC_RELAXED);
}

size_t lpy_mem_cached(void) {
  size_t n;
  pthread_mutex_lock(&cache.lock);
  n = cache.total;
  pthread_mutex_unlock(&cache.lock);
  pthread_mutex_lock(&small.lock);
  n += small.total;
  pthread_mutex_unlock(&small.lock);
  return n;
}

static size_t round_up(size_t n, size_t to) { return (n + to - 1) / to * to; }

/* len bytes from malloc, 64-byte aligned. posix_memalign is slow for
   blocks of a few KiB and more (it carves the aligned part out of a
   larger block), so the block is malloc's with the pointer malloc gave
   stored just before the aligned start. Sanitizer builds keep
   posix_memalign, whose block ends where the array does.
   A block of COLOR_MIN bytes or more starts at the next of 64 offsets
   modulo 4 KiB, each 39/64 of 4 KiB past the last: malloc places blocks
   allocated one after the other a few dozen bytes apart modulo 4 KiB, so
   the result of an operation started just past its inputs, where the
   CPU takes its loads for loads of the stores just made (4K aliasing)
   and 512-bit loops ran 10-20% slower (loopdefs.h). */
#define COLOR_MIN (64u * 1024u)

static void *heap_alloc(size_t len) {
#ifdef __SANITIZE_ADDRESS__
  void *p;
  return posix_memalign(&p, LPY_ALIGN, len) == 0 ? p : NULL;
#else
  static unsigned color;                       /* atomic */
  size_t extra = len >= COLOR_MIN ? PAGE : 0;
  char *q = malloc(len + LPY_ALIGN + extra), *p;
  if (!q) return NULL;
  p = (char *)(((uintptr_t)q + LPY_ALIGN) & ~(uintptr_t)(LPY_ALIGN - 1));
  if (extra) {
    uintptr_t want = (__atomic_fetch_add(&color, 1, __ATOMIC_RELAXED) * 39u % 64u) * LPY_ALIGN;
    p += (want - (uintptr_t)p) & (PAGE - 1);
  }
  ((void **)p)[-1] = q;
  return p;
#endif
}

static void heap_free(void *p) {
#ifdef __SANITIZE_ADDRESS__
  free(p);
#else
  free(((void **)p)[-1]);
#endif
}

static void release(void *p, size_t len) {
  if (len < BIG_MIN) heap_free(p);
  else munmap(p, len);
}

/* the most recently put block of len bytes, or NULL */
static void *cache_take(size_t len) {
  void *p = NULL;
  int i;
  pthread_mutex_lock(&cache.lock);
  for (i = cache.n - 1; i >= 0; i--)
    if (cache.e[i].len == len) {
      p = cache.e[i].ptr;
      cache.total -= len;
      cache.n--;
      memmove(&cache.e[i], &cache.e[i + 1],
              (size_t)(cache.n - i) * sizeof(entry));
      break;
    }
  pthread_mutex_unlock(&cache.lock);
  return p;
}

/* keep the block for reuse. A block not taken again within STALE_PUTS puts
   is of a size the program no longer uses: it is given back rather than
   kept resident; then the oldest blocks go to make room. */
static void cache_put(void *p, size_t len) {
  entry ev[CACHE_SLOTS];
  int nev = 0, i;
  if (len > CACHE_MAX_BYTES / 2) {
    release(p, len);
    return;
  }
  pthread_mutex_lock(&cache.lock);
  cache.clock++;
  while (nev < cache.n &&
         (cache.clock - cache.e[nev].stamp > STALE_PUTS ||
          cache.n - nev == CACHE_SLOTS ||
          cache.total + len > CACHE_MAX_BYTES)) {
    cache.total -= cache.e[nev].len;
    ev[nev] = cache.e[nev];
    nev++;
  }
  if (nev) {
    cache.n -= nev;
    memmove(&cache.e[0], &cache.e[nev], (size_t)cache.n * sizeof(entry));
  }
  cache.e[cache.n].ptr = p;
  cache.e[cache.n].len = len;
  cache.e[cache.n].stamp = cache.clock;
  cache.n++;
  cache.total += len;
  pthread_mutex_unlock(&cache.lock);
  for (i = 0; i < nev; i++) release(ev[i].ptr, ev[i].len);
}

/* the class of a block of n bytes (0 < n < CACHE_MIN), and its length */
static int small_class(size_t n, size_t *len) {
  size_t l = round_up(n, LPY_ALIGN), step;
  int k = 0;
  if (l <= 4 * LPY_ALIGN) {
    *len = l;
    return (int)(l / LPY_ALIGN) - 1;
  }
  while (((size_t)4 * LPY_ALIGN << (k + 1)) < l) k++;
  step = (size_t)LPY_ALIGN << k;       /* a quarter of 4 * LPY_ALIGN << k */
  l = round_up(l, step);
  *len = l;
  return 4 + 4 * k + (int)((l - ((size_t)4 * LPY_ALIGN << k)) / step) - 1;
}

static size_t class_len(int c) {
  int k = (c - 4) / 4;
  if (c < 4) return (size_t)(c + 1) * LPY_ALIGN;
  return ((size_t)4 * LPY_ALIGN << k) + (size_t)((c - 4) % 4 + 1) * ((size_t)LPY_ALIGN << k);
}

static void free_list(void *p) {
  while (p) {
    void *next = *(void **)p;
    heap_free(p);
    p = next;
  }
}

static void *small_alloc(size_t n) {
  size_t len;
  int c = small_class(n ? n : 1, &len);
  void *p;
  pthread_mutex_lock(&small.lock);
  if ((p = small.head[c]) != NULL) {
    small.head[c] = *(void **)p;
    small.count[c]--;
    small.total -= len;
  }
  pthread_mutex_unlock(&small.lock);
  return p ? p : heap_alloc(len);
}

static void small_free(void *p, size_t n) {
  size_t len;
  int c = small_class(n ? n : 1, &len), v, i;
  void *evicted[SMALL_CLASSES];
  int nev = 0;
  pthread_mutex_lock(&small.lock);
  small.clock++;
  while (small.total + len > SMALL_MAX_BYTES) {
    for (v = -1, i = 0; i < SMALL_CLASSES; i++)
      if (i != c && small.head[i] && (v < 0 || small.stamp[i] < small.stamp[v]))
        v = i;
    if (v < 0) break;
    evicted[nev++] = small.head[v];
    small.head[v] = NULL;
    small.total -= small.count[v] * class_len(v);
    small.count[v] = 0;
  }
  if (small.total + len <= SMALL_MAX_BYTES) {
    *(void **)p = small.head[c];
    small.head[c] = p;
    small.count[c]++;
    small.stamp[c] = small.clock;
    small.total += len;
    p = NULL;
  }
  pthread_mutex_unlock(&small.lock);
  if (p) heap_free(p);
  for (i = 0; i < nev; i++) free_list(evicted[i]);
}

/* give the cached blocks back to the system */
void lpy_mem_trim(void) {
  void *lists[SMALL_CLASSES];
  int i;
  pthread_mutex_lock(&cache.lock);
  for (i = 0; i < cache.n; i++) release(cache.e[i].ptr, cache.e[i].len);
  cache.n = 0;
  cache.total = 0;
  pthread_mutex_unlock(&cache.lock);
  pthread_mutex_lock(&small.lock);
  for (i = 0; i < SMALL_CLASSES; i++) {
    lists[i] = small.head[i];
    small.head[i] = NULL;
    small.count[i] = 0;
  }
  small.total = 0;
  pthread_mutex_unlock(&small.lock);
  for (i = 0; i < SMALL_CLASSES; i++) free_list(lists[i]);
}

/* when the library is unloaded (lua_close unloads it after collecting every
   array), the cache goes with it */
__attribute__((destructor)) static void trim_at_unload(void) { lpy_mem_trim(); }

/* the bytes a block of CACHE_MIN or more takes for n bytes of data (0 on
   overflow): whole pages, and a big block the rest of its last huge page
   when that wastes little, so that all of it can be in huge pages */
static size_t block_len(size_t n) {
  size_t len = round_up(n, PAGE), h;
  if (len < n) return 0;
  if (len >= BIG_MIN) {
    h = round_up(len, HUGE);
    if (h >= len && h - len <= len / 8) len = h;
  }
  return len;
}

/* len bytes (a multiple of PAGE) of fresh mapped memory starting on a huge
   page boundary, with huge pages advised: a block of a few MiB in 4 KiB
   pages takes more TLB entries than the CPU has, which slows loops that
   stream over it by 10% and more */
static void *map_huge(size_t len) {
  size_t span = len + HUGE - PAGE, head;
  char *p;
  if (span < len) return NULL;                     /* overflow */
  p = mmap(NULL, span, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
           -1, 0);
  if (p == MAP_FAILED) return NULL;
  head = (HUGE - (uintptr_t)p % HUGE) % HUGE;
  if (head) munmap(p, head);
  if (span - head > len) munmap(p + head + len, span - head - len);
  p += head;
#ifdef MADV_HUGEPAGE
  madvise(p, len, MADV_HUGEPAGE);
#endif
  return p;
}

/* a block for n bytes, their first n zeroed when zero */
static void *block_alloc(size_t n, int zero) {
  void *p = NULL;
  size_t len;
  if (n < CACHE_MIN) {
    if (!(p = small_alloc(n))) return NULL;
    if (zero) memset(p, 0, n);
  } else {
    len = block_len(n);
    if (!len) return NULL;                         /* overflow */
    p = cache_take(len);
    if (p) {
      if (zero) memset(p, 0, n);
    } else if (len < BIG_MIN) {
      if (!(p = heap_alloc(len))) return NULL;
      if (zero) memset(p, 0, len);
    } else if (!(p = map_huge(len))) {
      return NULL;
    }
  }
  return p;
}

static void block_free(void *p, size_t n) {
  if (n < CACHE_MIN) small_free(p, n);
  else cache_put(p, block_len(n));
}

void *lpy_alloc(size_t n, int zero) {
  void *p = block_alloc(n, zero);
  if (p) __atomic_add_fetch(&live_bytes, n, __ATOMIC_RELAXED);
  return p;
}

void lpy_free(void *p, size_t n) {
  if (!p) return;
  __atomic_sub_fetch(&live_bytes, n, __ATOMIC_RELAXED);
  block_free(p, n);
}

/* A buffer whose header fits in its block's rounding (every buffer under
   CACHE_MIN - HEAD bytes, and a heap block's whose last page has HEAD bytes
   to spare) carries the header in the block, and its data HEAD bytes in
   (so still aligned): one allocation less for each array. */
#define HEAD LPY_ALIGN
typedef char head_fits[sizeof(lpy_buffer) <= HEAD ? 1 : -1];

static int joint(size_t n) {
  return n < CACHE_MIN - HEAD ||
         (n < BIG_MIN - HEAD && block_len(n + HEAD) == block_len(n));
}

static void release_joint(lpy_buffer *b) {
  __atomic_sub_fetch(&live_bytes, b->nbytes, __ATOMIC_RELAXED);
  block_free(b, HEAD + b->nbytes);
}

lpy_buffer *lpy_buffer_new(size_t n, int zero, lpy_err *e) {
  lpy_buffer *b;
  if (joint(n)) {
    if (!(b = block_alloc(HEAD + n, 0))) goto nomem;
    b->data = (char *)b + HEAD;
    b->release = release_joint;
    if (zero) memset(b->data, 0, n);
    __atomic_add_fetch(&live_bytes, n, __ATOMIC_RELAXED);
  } else {
    if (!(b = malloc(sizeof *b))) goto nomem;
    if (!(b->data = lpy_alloc(n, zero))) { free(b); goto nomem; }
    b->release = NULL;
  }
  b->refcount = 1;
  b->nbytes = n;
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
