/*
** spectral.h - singular values, eigenvalues and norms of stacks of
** matrices (np.linalg.svd, eig, eigh and their value-only forms), on
** LAPACK's gesdd, geev and syevd/heevd.
** Like NumPy, every routine computes in float64 (complex128 for complex
** input) whatever the input dtype, and casts the results to the arrays
** the caller made (float32/complex64 for float32/complex64 input). The
** caller makes every output array, C-contiguous, of NumPy's shapes; the
** functions allocate only scratch memory they free themselves, and report
** failure through the lpy_err (LAPACK's non-convergence, out of memory,
** sizes beyond LAPACK's integer).
*/
#ifndef LPY_SPECTRAL_H
#define LPY_SPECTRAL_H

#include "lpy.h"

/* The singular values s (..., k) of the stack a (..., m, n), k = min(m, n),
   descending; with u and vh (both NULL for values only) the vectors:
   u (..., m, m) and vh (..., n, n) when full, else u (..., m, k) and
   vh (..., k, n). When k = 0, u and vh must be zero-filled: an empty
   matrix gets identities where NumPy gives them. A matrix holding NaN or Inf is
   refused ("SVD did not converge"): LAPACK's gesdd fails on NaN and, on
   Inf, returns NaN, fails or never returns, depending on the shape. */
LPY_API int lpy_spectral_svd(const lpy_array *a, int full, lpy_array *u,
                             lpy_array *s, lpy_array *vh, lpy_err *e);

/* Eigenvalues w (..., n) ascending, and with v (..., n, n) (NULL for
   values only) the orthonormal eigenvectors as columns, of the Hermitian
   stack a (..., n, n), of which only the lower (upper != 0: the upper)
   triangle is read. NaN/Inf go to LAPACK as they do in NumPy. */
LPY_API int lpy_spectral_eigh(const lpy_array *a, int upper, lpy_array *w,
                              lpy_array *v, lpy_err *e);

/* The SVD of a Hermitian stack through its eigen-decomposition, as
   NumPy's svd(hermitian=True): s = |w| in descending order (eigenvalues
   of equal modulus: the later one first); u = the eigenvectors in that
   order, vh = conj(u * sign(w))^T with sign(w) = copysign(1, w), so that
   vh stays unitary for zero eigenvalues. u and vh NULL: values only. */
LPY_API int lpy_spectral_svd_herm(const lpy_array *a, lpy_array *u,
                                  lpy_array *s, lpy_array *vh, lpy_err *e);

/* Eigenvalues w (..., n) and right eigenvectors v (..., n, n) (columns,
   unit 2-norm; NULL for values only) of the general stack a (..., n, n):
   w and v are complex128. *real is set to 1 when a is real and every
   eigenvalue is real (NumPy then returns real arrays), else 0. A matrix
   holding NaN or Inf is refused as NumPy refuses it. */
LPY_API int lpy_spectral_eig(const lpy_array *a, lpy_array *w, lpy_array *v,
                             int *real, lpy_err *e);

/* Sum of |x|^2 over every element of x, as NumPy's norm computes it:
   BLAS dot products (sdot for float32 and complex64, ddot for float64 and
   complex128, real and imaginary parts summed separately) over the
   array's lines. x must be float32, float64, complex64 or complex128, and
   aligned (LPY_ALIGNED). */
LPY_API double lpy_spectral_sumsq(const lpy_array *x);

#endif
