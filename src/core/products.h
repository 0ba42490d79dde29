/*
** products.h - matrix products: matmul over stacks of matrices on BLAS
** (gemm, gemv, dot, syrk) for the float and complex dtypes, and LumPy's
** own kernels (products_kern.c) for bool, the integers, tiny matrices and
** dimensions BLAS's integer cannot hold.
** Nothing here allocates what it returns; scratch space is freed before
** the functions return.
*/
#ifndef LPY_PRODUCTS_H
#define LPY_PRODUCTS_H

#include "lpy.h"

/* c = a @ b over a stack: a (..., m, k), b (..., k, n), c (..., m, n), all
   of dtype c->dtype and the same ndim >= 2 with equal leading dimensions
   (a broadcast operand has stride 0 there), all aligned (LPY_ALIGNED: the
   kernels and BLAS use typed pointers). c must not overlap a or b. */
LPY_API int lpy_matmul(const lpy_array *a, const lpy_array *b, lpy_array *c,
                       lpy_err *e);

/* m x k by k x n products with LumPy's kernels (any dtype; strides in
   bytes, any sign). lpy_matmul_small does 'count' of them, the it-th at
   a + it * sa, b + it * sb, c + it * sc; it allocates nothing and suits
   tiny matrices. lpy_matmul_kernel does one, with the small or the
   blocked kernel. */
LPY_API void lpy_matmul_small(lpy_dtype t, int64_t count, int64_t sa,
                              int64_t sb, int64_t sc, int64_t m, int64_t n,
                              int64_t k,
                              const char *a, int64_t ars, int64_t acs,
                              const char *b, int64_t brs, int64_t bcs,
                              char *c, int64_t crs, int64_t ccs);
LPY_API int lpy_matmul_kernel(lpy_dtype t, int64_t m, int64_t n, int64_t k,
                              const char *a, int64_t ars, int64_t acs,
                              const char *b, int64_t brs, int64_t bcs,
                              char *c, int64_t crs, int64_t ccs, lpy_err *e);

#endif
