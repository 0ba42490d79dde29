/*
** test_fft.c - the FFT core's plan cache under threads: several threads
** transform many sizes at once (more sizes than the cache holds, so plans
** are evicted while others execute) while one clears the cache, and every
** result is checked against a direct O(n^2) DFT. Run under `make ctest`
** (and `make sanitize`); not part of the cross build (it needs FFTW).
*/
#include <math.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include "../../src/core/lpy.h"
#include "../../src/core/fft.h"
#include "check.h"

#define NTHREADS 4
#define ROUNDS 400

static pthread_mutex_t count_lock = PTHREAD_MUTEX_INITIALIZER;
static int stop_clearing;

/* one transform of length n (complex128 or complex64) checked against a
   direct DFT; returns 1 when right */
static int one(int n, int single, unsigned seed) {
  lpy_dtype t = single ? LPY_COMPLEX64 : LPY_COMPLEX128;
  int64_t shape[1] = {n};
  lpy_err e;
  lpy_array *in = lpy_array_new(t, 1, shape, 0, &e);
  lpy_array *out = lpy_array_new(t, 1, shape, 0, &e);
  int ok = in && out, axis = 0, i, j;
  double tol = (single ? 1e-5 : 1e-12) * n;
  if (ok) {
    for (i = 0; i < 2 * n; i++) {
      double v = (double)((seed = seed * 1103515245u + 12345u) >> 16 & 1023) / 512 - 1;
      if (single) ((float *)in->data)[i] = (float)v; else ((double *)in->data)[i] = v;
    }
    ok = lpy_fft_exec(LPY_FFT_C2C, 0, in, out, 1, &axis, 1.0, &e) == 0;
  }
  for (j = 0; ok && j < n; j++) {
    double sr = 0, si = 0, gr, gi;
    for (i = 0; i < n; i++) {
      double xr = single ? ((float *)in->data)[2 * i] : ((double *)in->data)[2 * i];
      double xi = single ? ((float *)in->data)[2 * i + 1] : ((double *)in->data)[2 * i + 1];
      double ang = -2 * M_PI * (double)((int64_t)i * j % n) / n;
      sr += xr * cos(ang) - xi * sin(ang);
      si += xr * sin(ang) + xi * cos(ang);
    }
    gr = single ? ((float *)out->data)[2 * j] : ((double *)out->data)[2 * j];
    gi = single ? ((float *)out->data)[2 * j + 1] : ((double *)out->data)[2 * j + 1];
    if (fabs(gr - sr) > tol || fabs(gi - si) > tol) ok = 0;
  }
  if (in) lpy_array_free(in);
  if (out) lpy_array_free(out);
  return ok;
}

static void *worker(void *arg) {
  unsigned seed = (unsigned)(uintptr_t)arg * 7919u + 1;
  int r, bad = 0;
  for (r = 0; r < ROUNDS; r++) {
    int n = 1 + (int)((seed = seed * 1103515245u + 12345u) >> 16) % 90;
    bad += !one(n, r & 1, seed);
  }
  pthread_mutex_lock(&count_lock);
  CHECK(bad == 0, "thread %u: %d wrong transforms", (unsigned)(uintptr_t)arg, bad);
  pthread_mutex_unlock(&count_lock);
  return NULL;
}

static void *clearer(void *arg) {
  (void)arg;
  while (!__atomic_load_n(&stop_clearing, __ATOMIC_RELAXED)) {
    lpy_fft_cache_clear();
    sched_yield();
  }
  return NULL;
}

int main(void) {
  pthread_t th[NTHREADS], cl;
  int64_t size, cap, hits, misses;
  int i;
  lpy_err e;
  CHECK(lpy_fft_set_threads(1, &e) == 0, "set_threads");
  pthread_create(&cl, NULL, clearer, NULL);
  for (i = 0; i < NTHREADS; i++) pthread_create(&th[i], NULL, worker, (void *)(uintptr_t)i);
  for (i = 0; i < NTHREADS; i++) pthread_join(th[i], NULL);
  __atomic_store_n(&stop_clearing, 1, __ATOMIC_RELAXED);
  pthread_join(cl, NULL);
  for (i = 0; i < 200; i++) CHECK(one(1 + i % 97, 0, (unsigned)i), "size %d", 1 + i % 97);
  lpy_fft_cache_info(&size, &cap, &hits, &misses);
  CHECK(size <= cap && cap == LPY_FFT_CACHE_CAP, "cache size %lld of %lld", (long long)size, (long long)cap);
  CHECK(hits + misses >= NTHREADS * ROUNDS, "counted %lld lookups", (long long)(hits + misses));
  lpy_fft_cache_clear();
  lpy_fft_cache_info(&size, &cap, &hits, &misses);
  CHECK(size == 0, "cache not empty after clear: %lld", (long long)size);
  lpy_mem_trim();
  printf("%d passed, %d failed\n", passed, failed);
  return failed != 0;
}
