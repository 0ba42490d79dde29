/*
** rng_mvhg.c - the multivariate hypergeometric draws of NumPy's Generator:
** "count" shuffles the first nsample of the total items (one entry per
** item, so total words of scratch) and counts their colours; "marginals"
** draws each colour's count from a hypergeometric of what is left. Both
** draw the complement when nsample is more than half the total.
*/
#include <stdlib.h>
#include <string.h>
#include "rng_bg.h"
#include "rng_dist.h"

int lpy_rng_mvhg_count(lpy_bitgen *bg, int64_t total, int64_t ncolors,
                       const int64_t *colors, int64_t nsample, int64_t nvar,
                       int64_t *out) {
  int64_t i, j, v, k = 0;
  size_t *items;
  int flip;
  if (total == 0 || nsample == 0 || nvar == 0) return 0;
  if ((uint64_t)total > SIZE_MAX / sizeof *items) return LPY_EMEMORY;
  items = malloc((size_t)total * sizeof *items);
  if (items == NULL) return LPY_EMEMORY;
  for (i = 0; i < ncolors; i++)
    for (j = 0; j < colors[i]; j++) items[k++] = (size_t)i;
  flip = nsample > total / 2;
  if (flip) nsample = total - nsample;
  for (v = 0; v < nvar; v++) {
    int64_t *row = out + v * ncolors;
    /* Fisher-Yates over the first nsample places only */
    for (j = 0; j < nsample; j++) {
      size_t t;
      int64_t r = j + (int64_t)lpy_rng_interval(bg, (uint64_t)(total - j - 1));
      t = items[r];
      items[r] = items[j];
      items[j] = t;
    }
    for (j = 0; j < nsample; j++) row[items[j]] += 1;
    if (flip)
      for (i = 0; i < ncolors; i++) row[i] = colors[i] - row[i];
  }
  free(items);
  return 0;
}

void lpy_rng_mvhg_marginals(lpy_bitgen *bg, int64_t total, int64_t ncolors,
                            const int64_t *colors, int64_t nsample,
                            int64_t nvar, int64_t *out) {
  int64_t i, j, v;
  int flip;
  if (total == 0 || nsample == 0 || nvar == 0) return;
  flip = nsample > total / 2;
  if (flip) nsample = total - nsample;
  for (v = 0; v < nvar; v++) {
    int64_t *row = out + v * ncolors;
    int64_t todo = nsample, left = total;
    for (j = 0; todo > 0 && j + 1 < ncolors; j++) {
      left -= colors[j];
      row[j] = lpy_rng_hypergeometric(bg, colors[j], left, todo);
      todo -= row[j];
    }
    if (todo > 0) row[ncolors - 1] = todo;
    if (flip)
      for (i = 0; i < ncolors; i++) row[i] = colors[i] - row[i];
  }
}
