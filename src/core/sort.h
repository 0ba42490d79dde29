/*
** sort.h - sorting, partitioning and searching in the core (sort.c).
** Positions that these functions write are the element's 0-based position
** plus 'base' (the binding passes 1 for LumPy's 1-based positions). Arrays
** named 'out' are caller-owned int64 arrays of the stated shape. Scratch
** memory is allocated and freed inside each call.
*/
#ifndef LPY_SORT_H
#define LPY_SORT_H

#include "lpy.h"

enum { LPY_SORT_QUICK, LPY_SORT_STABLE, LPY_SORT_HEAP };

/* sort every line of a along axis in place (a must be writeable) */
LPY_API int lpy_sort(lpy_array *a, int axis, int kind, lpy_err *e);
/* out (a's shape) = the positions that sort each line of a along axis */
LPY_API int lpy_argsort(const lpy_array *a, int axis, int kind,
                        lpy_array *out, int64_t base, lpy_err *e);
/* partition each line in place so that the elements at the nk 0-based
   positions kth (ascending, distinct, in range) are where a sort puts them,
   smaller ones before and larger ones after */
LPY_API int lpy_partition(lpy_array *a, int axis, const int64_t *kth,
                          int nk, lpy_err *e);
LPY_API int lpy_argpartition(const lpy_array *a, int axis,
                             const int64_t *kth, int nk, lpy_array *out,
                             int64_t base, lpy_err *e);
/* indirect stable sort on nkeys keys of one shape, the last key primary */
LPY_API int lpy_lexsort(int nkeys, const lpy_array *const *keys, int axis,
                        lpy_array *out, int64_t base, lpy_err *e);
/* stable indirect sort of the n rows of m contiguous elements at data,
   lexicographic; idx receives 0-based row positions */
LPY_API int lpy_argsort_rows(lpy_dtype t, const char *data, int64_t n,
                             int64_t m, int64_t *idx, lpy_err *e);

/* out[i] = insertion position (+ base) of key v[i] into the sorted
   contiguous a[0..n-1] (read through the 0-based sorter when not NULL;
   sorter entries must be in range); a and v contiguous of dtype t */
LPY_API void lpy_searchsorted(lpy_dtype t, const char *a, int64_t n,
                              const int64_t *sorter, const char *v, int64_t m,
                              int right, int64_t *out, int64_t base);

/* flags[i] = (x[i] == some y[j]) != invert, for contiguous x (m elements)
   and y (n elements, reordered: used as scratch) of dtype t */
LPY_API int lpy_in1d(lpy_dtype t, const char *x, int64_t m, char *y,
                     int64_t n, int invert, char *flags, lpy_err *e);

/* element relations of dtype t: the sort order (nan last, complex by real
   then imaginary part) and == (a nan equals nothing) */
LPY_API int lpy_sort_less(lpy_dtype t, const char *a, const char *b);
LPY_API int lpy_sort_equal(lpy_dtype t, const char *a, const char *b);
/* the runs of equal items in the sorted contiguous a[] of n items of m
   elements each (m = 1: elements; m > 1: rows compared element by element,
   m = 0: all items equal): starts[k] is the first position of run k
   (starts[0] = 0); returns the number of runs. Equality is == (a nan
   equals nothing); with equal_nan (m = 1) every element from the first
   nan on is one run. starts has room for n entries. */
LPY_API int64_t lpy_sort_runs(lpy_dtype t, const char *a, int64_t n,
                              int64_t m, int equal_nan, int64_t *starts);

/* number of nonzero (true) elements of a */
LPY_API int64_t lpy_count_nonzero(const lpy_array *a);
/* coords of the nonzero elements in C order: row-major (count, ndim) when
   flat == 0, else their C-order flat positions; values + base. count is
   lpy_count_nonzero(a) */
LPY_API int lpy_nonzero(const lpy_array *a, int flat, int64_t *coords,
                        int64_t count, int64_t base, lpy_err *e);

#endif
