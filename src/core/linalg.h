/*
** linalg.h - what the linear-algebra parts of the core share: the dtype
** LAPACK computes in, stacks of matrices (arrays of shape (..., m, n)),
** and packing a strided matrix into / out of the column-major buffers
** LAPACK and BLAS work on (casting on the way).
** The functions here allocate nothing.
*/
#ifndef LPY_LINALG_H
#define LPY_LINALG_H

#include "lpy.h"

/* NumPy's result dtype of linalg on inputs of the n given dtypes: float32
   or complex64 when every input is float32/complex64, complex when one is
   complex, else float64 / complex128 */
LPY_API lpy_dtype lpy_linalg_result(int n, const lpy_dtype *t);
/* the dtype LAPACK runs in for result dtype t: float64 or complex128 */
LPY_API lpy_dtype lpy_linalg_compute(lpy_dtype t);

/* An array of shape (..., core dims) seen as a stack of 'count' items, each
   the last 'core' dimensions (core is 1 for vectors, 2 for matrices).
   Item k is the k-th in C order over the leading dimensions. */
LPY_API int64_t lpy_stack_count(const lpy_array *a, int core);
/* address of item k (0 <= k < count) */
LPY_API char *lpy_stack_item(const lpy_array *a, int core, int64_t k);

/* Copy the m x n matrix at src (dtype 'from', byte strides rs between rows
   and cs between columns) into dst as dtype 'to', column-major with leading
   dimension ld >= m (elements). */
LPY_API void lpy_mat_pack(const char *src, lpy_dtype from, int64_t rs,
                          int64_t cs, int64_t m, int64_t n, void *dst,
                          lpy_dtype to, int64_t ld);
/* The reverse: column-major src (dtype from, leading dimension ld) into the
   strided m x n matrix at dst (dtype to). */
LPY_API void lpy_mat_unpack(const void *src, lpy_dtype from, int64_t ld,
                            int64_t m, int64_t n, char *dst, lpy_dtype to,
                            int64_t rs, int64_t cs);
/* Item k of a matrix stack a (ndim >= 2) packed as above */
LPY_API void lpy_stack_pack(const lpy_array *a, int64_t k, void *dst,
                            lpy_dtype to, int64_t ld);
/* ... and stored back into item k of a */
LPY_API void lpy_stack_unpack(lpy_array *a, int64_t k, const void *src,
                              lpy_dtype from, int64_t ld);

#endif
