/*
** reduce.h - the reduction engine (reduce.c): reductions over any set of
** axes in NumPy's order (pairwise float sums, rows accumulated elementwise
** when the reduced axis is not the inner one), arg-reductions and
** accumulations. Pure C; errors through lpy_err. The caller owns every
** array passed in; nothing is allocated that outlives a call.
*/
#ifndef LPY_REDUCE_H
#define LPY_REDUCE_H

#include "lpy.h"

/* reduction operations (NumPy's ufunc .reduce of add, multiply, minimum,
   maximum, fmin, fmax, logical_or, logical_and) */
enum { LPY_ROP_SUM, LPY_ROP_PROD, LPY_ROP_MIN, LPY_ROP_MAX, LPY_ROP_FMIN,
       LPY_ROP_FMAX, LPY_ROP_ANY, LPY_ROP_ALL, LPY_ROP_COUNT };

/* how the output starts: the operation's identity, the first element
   along the reduced axes (min/max, which have none), or as the caller
   filled it (NumPy's initial=) */
enum { LPY_RINIT_IDENTITY, LPY_RINIT_FIRST, LPY_RINIT_GIVEN };

/* NumPy's name of the ufunc behind op ("add", "maximum"...) */
LPY_API const char *lpy_reduce_ufunc_name(int op);
/* the dtype NumPy accumulates op in for input dtype t when no dtype is
   given (sum/prod of small integers in int64/uint64, any/all in bool) */
LPY_API lpy_dtype lpy_reduce_dtype(int op, lpy_dtype t);

/* Reduce 'in' over the axes with axes[k] != 0 into 'out', which has in's
   ndim with length 1 on the reduced axes (keepdims form) and the dtype the
   operation computes in, aligned (LPY_ALIGNED); in is cast to it in
   blocks (and copied through them when misaligned). 'where' is NULL or a
   bool array of in's ndim broadcast to in's shape (0 strides allowed):
   elements where it is false are skipped. */
LPY_API int lpy_reduce(int op, lpy_array *in, lpy_array *out,
                       const unsigned char *axes, lpy_array *where,
                       int init, lpy_err *e);

/* argmin (max == 0) / argmax of 'in' along axis (0-based; -1: over the
   flattened array in C order) into the int64 array 'out' of the reduced
   shape (any layout with out->size elements in C order of the remaining
   axes). Positions are 0-based here; first occurrence wins, a nan wins
   over everything (its first occurrence). An empty line is an error. */
LPY_API int lpy_argreduce(int max, lpy_array *in,
                          int axis, lpy_array *out, lpy_err *e);

/* cumulative sum (prod == 0) / product along axis (0-based; -1: over the
   flattened array) into the C-contiguous 'out' of in's shape (or in's size
   for axis -1) and the accumulation dtype; sequential as NumPy's
   accumulate. */
LPY_API int lpy_accumulate(int prod, lpy_array *in,
                           int axis, lpy_array *out, lpy_err *e);

/* replace the nan elements of the contiguous array 'a' (either part, for
   complex) by val, in place; mask (NULL, or a bool array of a's shape and
   strides) receives where they were; returns how many there were */
LPY_API int64_t lpy_replace_nan(lpy_array *a, double val, lpy_array *mask);

#endif
