/*
** stats.h - the statistics core: order statistics (median, quantiles with
** NumPy's 13 methods, on sort.c's partition), digitize, histogram and
** bincount counting, correlation and the
** uniform-spacing gradient. Pure C.
** Every function works on caller-owned contiguous memory and allocates
** only scratch space that it frees before returning.
*/
#ifndef LPY_STATS_H
#define LPY_STATS_H

#include "lpy.h"

/* ------------------------------------------------------------ quantiles */
enum {
  LPY_Q_INVERTED_CDF, LPY_Q_AVERAGED_INVERTED_CDF, LPY_Q_CLOSEST_OBSERVATION,
  LPY_Q_INTERPOLATED_INVERTED_CDF, LPY_Q_HAZEN, LPY_Q_WEIBULL, LPY_Q_LINEAR,
  LPY_Q_MEDIAN_UNBIASED, LPY_Q_NORMAL_UNBIASED, LPY_Q_LOWER, LPY_Q_HIGHER,
  LPY_Q_MIDPOINT, LPY_Q_NEAREST, LPY_Q_NMETHODS
};
/* method by NumPy's name; -1 when unknown */
LPY_API int lpy_quantile_method(const char *name);
LPY_API const char *lpy_quantile_method_name(int m);
/* methods that pick an element (the result keeps the input dtype) */
LPY_API int lpy_quantile_discrete(int m);
/* result dtype of median / of quantile with method m */
LPY_API lpy_dtype lpy_median_type(lpy_dtype t);
LPY_API lpy_dtype lpy_quantile_type(lpy_dtype t, int m);

/* data holds nlines contiguous lines of n elements of dtype t; each line
   is partitioned in place (as np.partition, nan last). out receives, in the result dtype, the
   value of line l for quantile k at out[k * nlines + l] (median: out[l]).
   skipnan: nan elements are left out (nanmedian / nanquantile); a line of
   nan only gives nan. */
LPY_API int lpy_median_lines(lpy_dtype t, char *data, int64_t nlines,
                             int64_t n, int skipnan, char *out, lpy_err *e);
LPY_API int lpy_quantile_lines(lpy_dtype t, char *data, int64_t nlines,
                               int64_t n, const double *q, int64_t nq,
                               int method, int skipnan, char *out,
                               lpy_err *e);
/* are the n elements of dtype t at p all nan (an empty line too); 0 for
   the dtypes without nan */
LPY_API int lpy_all_nan(lpy_dtype t, const char *p, int64_t n);

/* ------------------------------------------------------ counting, bins */
/* NumPy's order for searchsorted: nan after every number */
LPY_API int64_t lpy_search_left(const double *v, int64_t n, double x);
LPY_API int64_t lpy_search_right(const double *v, int64_t n, double x);
/* 1 increasing, -1 decreasing (not increasing), 0 neither */
LPY_API int lpy_monotonic(const double *v, int64_t n);
/* digitize: NumPy's index (0..nb) of each x into out */
LPY_API void lpy_digitize(const double *x, int64_t n, const double *bins,
                          int64_t nb, int right, int64_t *out);

/* histogram with nb equal bins on [first, last] (NumPy's fast path): data
   and edges of dtype t (float32 or float64); norm is NumPy's
   nb / (last - first). counts: int64 (w NULL) or double sums of the
   weights w. */
LPY_API void lpy_hist_uniform(lpy_dtype t, const char *data, int64_t n,
                              const double *w, const char *edges, int64_t nb,
                              double first, double last, double norm,
                              int64_t *icount, double *wcount);
/* histogram with arbitrary increasing edges (nb bins): counts from sorted
   data as NumPy does (last bin closed). w NULL: int64 counts. Returns -1
   when scratch memory is missing. */
LPY_API int lpy_hist_edges(const double *data, int64_t n, const double *w,
                           const double *edges, int64_t nb,
                           int64_t *icount, double *wcount);
/* histogram2d counts (histogramdd's rule: searchsorted right, the last
   edge counted in the last bin); out is nx * ny doubles */
LPY_API void lpy_hist2d(const double *x, const double *y, int64_t n,
                        const double *w, const double *xe, int64_t nx,
                        const double *ye, int64_t ny, double *out);

/* bincount: smallest and largest of x (n >= 1); out[v] += 1 for each
   value v of x (every one in range of out) */
LPY_API void lpy_minmax_i64(const int64_t *x, int64_t n, int64_t *mn,
                            int64_t *mx);
LPY_API void lpy_bincount(const int64_t *x, int64_t n, int64_t *out);
/* counts[v] = how many x are v, for x all in [0, LPY_BINCOUNT_CAP) in one
   pass: returns the largest value (-1 when n is 0); -2 when some x lies
   outside (counts then undefined), -3 without scratch memory */
#define LPY_BINCOUNT_CAP 4096
LPY_API int64_t lpy_bincount_small(const int64_t *x, int64_t n,
                                   int64_t *counts);

/* ------------------------------------------------------- correlation */
enum { LPY_MODE_VALID, LPY_MODE_SAME, LPY_MODE_FULL };
/* out[i] = sum_j a[j + k0 + i] * conj?(v[j]) for the mode's output range;
   a, v, out contiguous of dtype t (any dtype). Returns the length. */
LPY_API int64_t lpy_correlate_len(int64_t na, int64_t nv, int mode,
                                  int64_t *k0);
LPY_API void lpy_correlate(lpy_dtype t, const char *a, int64_t na,
                           const char *v, int64_t nv, int mode, int conj,
                           char *out);
/* --------------------------------------------------------- gradient */
/* np.gradient with uniform spacing h along the middle axis of f, a
   C-contiguous float64 block (outer, n, inner); n >= edge_order + 1,
   edge_order 1 or 2; out has f's shape */
LPY_API void lpy_gradient_f64(const double *f, int64_t outer, int64_t n,
                              int64_t inner, double h, int edge_order,
                              double *out);

#endif
