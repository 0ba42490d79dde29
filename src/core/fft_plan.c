/*
** fft_plan.c - the FFTW plan cache and planner state behind np.fft: a
** fixed table of LPY_FFT_CACHE_CAP plans looked up by key hash, least
** recently used evicted, plans in use never destroyed under their user
** (cache_clear marks them dead; the last user destroys them). One mutex
** guards the table, the counters, the planner settings and every call
** into FFTW other than execute (FFTW's planner is not thread-safe).
*/
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fftw3.h>
#include "fft_plan.h"

enum { SLOT_FREE, SLOT_LIVE, SLOT_DEAD };

struct lpy_fft_entry {
  lpy_fft_key key;
  uint64_t hash, tick;
  void *plan;
  int state, users, oneoff;
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_once_t threads_once = PTHREAD_ONCE_INIT;
static int threads_ok;
static lpy_fft_entry cache[LPY_FFT_CACHE_CAP];
static uint64_t clock_tick;
static int64_t hits, misses;
static int planner = LPY_FFT_ESTIMATE;
static int nthreads = 1;

static void init_threads(void) {
  threads_ok = fftw_init_threads() != 0 && fftwf_init_threads() != 0;
}

/* over the fields that can differ (the unused tails of d and h are zero) */
static uint64_t key_hash(const lpy_fft_key *k) {
  const int *f = &k->kind;
  uint64_t h = 1469598103934665603u;
  int i;
  for (i = 0; i < 10; i++) h = (h ^ (uint64_t)(unsigned)f[i]) * 1099511628211u;
  for (i = 0; i < 3 * k->rank; i++) h = (h ^ (uint64_t)k->d[i]) * 1099511628211u;
  for (i = 0; i < 3 * k->hrank; i++) h = (h ^ (uint64_t)k->h[i]) * 1099511628211u;
  return h ^ (h >> 29);
}

static void destroy(lpy_fft_entry *en) {
  if (en->plan) {
    if (en->key.single) fftwf_destroy_plan((fftwf_plan)en->plan);
    else fftw_destroy_plan((fftw_plan)en->plan);
  }
  en->plan = NULL;
  en->state = SLOT_FREE;
}

static int flags_of(int mode) {
  return mode == LPY_FFT_PATIENT ? FFTW_PATIENT
       : mode == LPY_FFT_MEASURE ? FFTW_MEASURE : FFTW_ESTIMATE;
}

/* a free slot, or the least recently used unused one (destroyed); NULL
   when every slot is in use */
static lpy_fft_entry *victim(void) {
  lpy_fft_entry *best = NULL;
  int i;
  for (i = 0; i < LPY_FFT_CACHE_CAP; i++) {
    lpy_fft_entry *en = &cache[i];
    if (en->state == SLOT_FREE) return en;
    if (en->state == SLOT_LIVE && en->users == 0 &&
        (!best || en->tick < best->tick))
      best = en;
  }
  if (best) destroy(best);
  return best;
}

lpy_fft_entry *lpy_fft_plan_get(lpy_fft_key *k, lpy_fft_maker make,
                                void *ctx, void **plan, lpy_err *e) {
  lpy_fft_entry *en;
  uint64_t h;
  int i;
  pthread_once(&threads_once, init_threads);
  pthread_mutex_lock(&lock);
  k->flags = flags_of(planner);
  k->nthreads = threads_ok ? nthreads : 1;
  h = key_hash(k);
  for (i = 0; i < LPY_FFT_CACHE_CAP; i++) {
    en = &cache[i];
    if (en->state == SLOT_LIVE && en->hash == h &&
        memcmp(&en->key, k, sizeof *k) == 0) {
      en->users++;
      en->tick = ++clock_tick;
      hits++;
      *plan = en->plan;
      pthread_mutex_unlock(&lock);
      return en;
    }
  }
  misses++;
  en = victim();
  if (!en) {                      /* every cached plan is executing */
    en = calloc(1, sizeof *en);
    if (!en) {
      pthread_mutex_unlock(&lock);
      lpy_err_set(e, LPY_EMEMORY, "out of memory");
      return NULL;
    }
    en->oneoff = 1;
  }
  if (threads_ok) {
    fftw_plan_with_nthreads(k->nthreads);
    fftwf_plan_with_nthreads(k->nthreads);
  }
  en->key = *k;
  en->plan = make(k, ctx);
  if (!en->plan) {
    if (en->oneoff) free(en); else en->state = SLOT_FREE;
    pthread_mutex_unlock(&lock);
    lpy_err_set(e, LPY_EVALUE, "FFTW cannot plan this transform");
    return NULL;
  }
  en->hash = h;
  en->state = SLOT_LIVE;
  en->users = 1;
  en->tick = ++clock_tick;
  *plan = en->plan;
  pthread_mutex_unlock(&lock);
  return en;
}

void lpy_fft_plan_done(lpy_fft_entry *en) {
  pthread_mutex_lock(&lock);
  en->users--;
  if (en->oneoff) {
    destroy(en);
    free(en);
  } else if (en->state == SLOT_DEAD && en->users == 0) {
    destroy(en);
  }
  pthread_mutex_unlock(&lock);
}

static void clear_locked(void) {
  int i;
  for (i = 0; i < LPY_FFT_CACHE_CAP; i++) {
    lpy_fft_entry *en = &cache[i];
    if (en->state != SLOT_LIVE) continue;
    if (en->users == 0) destroy(en); else en->state = SLOT_DEAD;
  }
}

void lpy_fft_cache_clear(void) {
  pthread_mutex_lock(&lock);
  clear_locked();
  pthread_mutex_unlock(&lock);
}

/* when the library is unloaded (lua_close unloads it after collecting every
   array, so no transform is running), its plans go with it. FFTW's own
   global state (wisdom, its threads) stays: fftw_cleanup would also undo
   the plans of anyone else in the process using FFTW. */
__attribute__((destructor)) static void clear_at_unload(void) {
  lpy_fft_cache_clear();
}

void lpy_fft_cache_info(int64_t *size, int64_t *capacity, int64_t *h,
                        int64_t *m) {
  int i, n = 0;
  pthread_mutex_lock(&lock);
  for (i = 0; i < LPY_FFT_CACHE_CAP; i++) n += cache[i].state == SLOT_LIVE;
  *size = n;
  *capacity = LPY_FFT_CACHE_CAP;
  *h = hits;
  *m = misses;
  pthread_mutex_unlock(&lock);
}

void lpy_fft_set_planner(int mode) {
  pthread_mutex_lock(&lock);
  if (mode != planner) {
    planner = mode;
    clear_locked();
  }
  pthread_mutex_unlock(&lock);
}

int lpy_fft_get_planner(void) {
  int m;
  pthread_mutex_lock(&lock);
  m = planner;
  pthread_mutex_unlock(&lock);
  return m;
}

int lpy_fft_set_threads(int n, lpy_err *e) {
  pthread_once(&threads_once, init_threads);
  if (!threads_ok && n != 1)
    return lpy_err_set(e, LPY_ERUNTIME, "FFTW's threads could not start");
  pthread_mutex_lock(&lock);
  nthreads = n;
  pthread_mutex_unlock(&lock);
  return 0;
}

int lpy_fft_get_threads(void) {
  int n;
  pthread_mutex_lock(&lock);
  n = nthreads;
  pthread_mutex_unlock(&lock);
  return n;
}

/* one file holds both precisions' wisdom: double's, then single's */
int lpy_fft_export_wisdom(const char *path, lpy_err *e) {
  FILE *f = fopen(path, "w");
  int bad;
  if (!f) return lpy_err_set(e, LPY_ERUNTIME, "cannot open '%s' for writing", path);
  pthread_mutex_lock(&lock);
  fftw_export_wisdom_to_file(f);
  fputc('\n', f);
  fftwf_export_wisdom_to_file(f);
  pthread_mutex_unlock(&lock);
  bad = ferror(f);
  if (fclose(f) != 0 || bad)
    return lpy_err_set(e, LPY_ERUNTIME, "cannot write '%s'", path);
  return 0;
}

/* the whole file at path in malloc'd memory (NUL-terminated), NULL on
   failure; wisdom files are small: refuse more than 64 MiB */
static char *slurp(const char *path, lpy_err *e) {
  FILE *f = fopen(path, "rb");
  char *buf = NULL;
  long n;
  if (!f) {
    lpy_err_set(e, LPY_ERUNTIME, "cannot open '%s' for reading", path);
    return NULL;
  }
  if (fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 || n > (64L << 20) ||
      fseek(f, 0, SEEK_SET) != 0) {
    lpy_err_set(e, LPY_ERUNTIME, "cannot read '%s'", path);
  } else if (!(buf = malloc((size_t)n + 1))) {
    lpy_err_set(e, LPY_EMEMORY, "out of memory");
  } else if (fread(buf, 1, (size_t)n, f) != (size_t)n) {
    lpy_err_set(e, LPY_ERUNTIME, "cannot read '%s'", path);
    free(buf);
    buf = NULL;
  } else {
    buf[n] = '\0';
  }
  fclose(f);
  return buf;
}

/* the file holds double's wisdom, single's, or both one after the other:
   each part goes to its own precision's importer */
int lpy_fft_import_wisdom(const char *path, lpy_err *e) {
  char *buf = slurp(path, e), *single, *dbl;
  int ok = 1, any;
  if (!buf) return e->code;
  single = strstr(buf, "fftwf_wisdom");
  dbl = strstr(buf, "fftw_wisdom");
  any = single || dbl;
  if (single) {
    while (single > buf && *single != '(') single--;
  }
  pthread_mutex_lock(&lock);
  if (single) {
    ok = fftwf_import_wisdom_from_string(single) != 0;
    *single = '\0';
  }
  if (ok && dbl) ok = fftw_import_wisdom_from_string(buf) != 0;
  pthread_mutex_unlock(&lock);
  free(buf);
  if (!ok || !any)
    return lpy_err_set(e, LPY_EVALUE, "'%s' does not hold FFTW wisdom", path);
  return 0;
}

const char *lpy_fft_version(void) {
  return fftw_version;
}
