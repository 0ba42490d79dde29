/*
** rng_shuffle.c - shuffles and samples without replacement, as NumPy's:
** the Fisher-Yates walk from the end with masked rejection
** (random_interval), the int64 variant with Lemire's bounded draws, the
** per-lane shuffle of permuted, and Floyd's sampling with its hash set.
*/
#include <stdlib.h>
#include <string.h>
#include "rng_bg.h"

/* NumPy's random_interval: a value in [0, max] by masked rejection, from
   32-bit words when max fits them */
uint64_t lpy_rng_interval(lpy_bitgen *bg, uint64_t max) {
  uint64_t mask = max, v;
  if (max == 0) return 0;
  mask |= mask >> 1; mask |= mask >> 2; mask |= mask >> 4;
  mask |= mask >> 8; mask |= mask >> 16; mask |= mask >> 32;
  if (max <= 0xFFFFFFFFu) {
    while ((v = (lpy_rng_u32(bg) & mask)) > max) ;
  } else {
    while ((v = (lpy_rng_u64(bg) & mask)) > max) ;
  }
  return v;
}

/* swap the hyperplanes i and j of a along axis ax */
static void swap_planes(lpy_array *a, int ax, int64_t i, int64_t j) {
  int64_t isz = lpy_itemsize(a->dtype), idx[LPY_MAXDIMS], n = 1, k;
  char *pi = a->data + i * a->strides[ax], *pj = a->data + j * a->strides[ax];
  int d;
  for (d = 0; d < a->ndim; d++) if (d != ax) n *= a->shape[d];
  memset(idx, 0, sizeof idx);
  for (k = 0; k < n; k++) {
    char tmp[16];
    memcpy(tmp, pi, (size_t)isz);
    memcpy(pi, pj, (size_t)isz);
    memcpy(pj, tmp, (size_t)isz);
    for (d = a->ndim - 1; d >= 0; d--) {
      if (d == ax) continue;
      pi += a->strides[d];
      pj += a->strides[d];
      if (++idx[d] < a->shape[d]) break;
      pi -= a->strides[d] * a->shape[d];
      pj -= a->strides[d] * a->shape[d];
      idx[d] = 0;
    }
  }
}

void lpy_rng_shuffle_axis(lpy_bitgen *bg, lpy_array *a, int ax, int64_t first) {
  int64_t i, n = a->shape[ax];
  for (i = n - 1; i >= first && i >= 1; i--) {
    int64_t j = (int64_t)lpy_rng_interval(bg, (uint64_t)i);
    if (i != j) swap_planes(a, ax, i, j);
  }
}

/* permuted(axis): each lane along ax shuffled on its own, the lanes in C
   order of the other axes */
void lpy_rng_shuffle_lanes(lpy_bitgen *bg, lpy_array *a, int ax) {
  int64_t idx[LPY_MAXDIMS], n = 1, k, len = a->shape[ax], st = a->strides[ax];
  int64_t isz = lpy_itemsize(a->dtype);
  char *p = a->data;
  int d;
  for (d = 0; d < a->ndim; d++) if (d != ax) n *= a->shape[d];
  if (len == 0) return;
  memset(idx, 0, sizeof idx);
  for (k = 0; k < n; k++) {
    int64_t i;
    for (i = len - 1; i >= 0; i--) {
      int64_t j = (int64_t)lpy_rng_interval(bg, (uint64_t)i);
      char tmp[16];
      memcpy(tmp, p + j * st, (size_t)isz);
      memcpy(p + j * st, p + i * st, (size_t)isz);
      memcpy(p + i * st, tmp, (size_t)isz);
    }
    for (d = a->ndim - 1; d >= 0; d--) {
      if (d == ax) continue;
      p += a->strides[d];
      if (++idx[d] < a->shape[d]) break;
      p -= a->strides[d] * a->shape[d];
      idx[d] = 0;
    }
  }
}

/* NumPy's _shuffle_int: positions n-1 .. first, Lemire's bounded draws */
static void shuffle_int(lpy_bitgen *bg, int64_t *d, int64_t n, int64_t first) {
  int64_t i;
  for (i = n - 1; i >= first; i--) {
    int64_t j, t;
    lpy_rng_bounded_fill(bg, LPY_UINT64, 0, (uint64_t)i, 0, (char *)&j, 1);
    t = d[j];
    d[j] = d[i];
    d[i] = t;
  }
}

int lpy_rng_sample_noreplace(lpy_bitgen *bg, int64_t pop, int64_t size,
                             int shuffle, int64_t *out, lpy_err *e) {
  int64_t cutoff = shuffle ? 50 : 20, j;
  if (pop > 10000 && size > pop / cutoff) {
    /* shuffle the tail of 0..pop-1 */
    int64_t *all = malloc((size_t)pop * sizeof *all);
    if (!all) return lpy_err_set(e, LPY_EMEMORY, "out of memory");
    for (j = 0; j < pop; j++) all[j] = j;
    shuffle_int(bg, all, pop, pop - size > 1 ? pop - size : 1);
    memcpy(out, all + (pop - size), (size_t)size * sizeof *out);
    free(all);
    return 0;
  }
  {
    /* Floyd's algorithm over an open-addressing set of 2^k > 1.2 size */
    uint64_t setsize = (uint64_t)(1.2 * (double)size), mask = setsize, *set;
    mask |= mask >> 1; mask |= mask >> 2; mask |= mask >> 4;
    mask |= mask >> 8; mask |= mask >> 16; mask |= mask >> 32;
    set = malloc((size_t)(mask + 1) * sizeof *set);
    if (!set) return lpy_err_set(e, LPY_EMEMORY, "out of memory");
    memset(set, 0xff, (size_t)(mask + 1) * sizeof *set);
    for (j = pop - size; j < pop; j++) {
      uint64_t val, loc;
      lpy_rng_bounded_fill(bg, LPY_UINT64, 0, (uint64_t)j, 0, (char *)&val, 1);
      loc = val & mask;
      while (set[loc] != UINT64_MAX && set[loc] != val) loc = (loc + 1) & mask;
      if (set[loc] == UINT64_MAX) {
        set[loc] = val;
        out[j - pop + size] = (int64_t)val;
      } else {
        loc = (uint64_t)j & mask;
        while (set[loc] != UINT64_MAX) loc = (loc + 1) & mask;
        set[loc] = (uint64_t)j;
        out[j - pop + size] = j;
      }
    }
    free(set);
    if (shuffle) shuffle_int(bg, out, size, 1);
  }
  return 0;
}
