/*
** linalg_solve.h - np.linalg's solvers and factorizations in the core:
** solve, inv, det, slogdet, cholesky, qr, lstsq over stacks of matrices.
** As NumPy does, every function computes in float64 or complex128 (see
** lpy_linalg_compute) and casts its results to the dtype of the output
** arrays, which the caller allocates with their final shapes. Matrix
** stacks given to one call share their leading (batch) dimensions; the
** caller broadcasts them first (lpy_linalg_bview). Nothing returned is
** owned by the caller; errors fill e and return nonzero.
*/
#ifndef LPY_LINALG_SOLVE_H
#define LPY_LINALG_SOLVE_H

#include "linalg.h"


/* A view in v of the stack src (its last 'core' dimensions kept) with the
   leading dimensions broadcast to bshape (nb dims; stride 0 where src has
   none or 1). The caller has checked that they broadcast. */
LPY_API void lpy_linalg_bview(const lpy_array *src, int core, int nb,
                              const int64_t *bshape, lpy_array_space *v);

/* x = a^-1 b for a (..., n, n), b and x (..., n, k) */
LPY_API int lpy_linalg_solve(const lpy_array *a, const lpy_array *b,
                             lpy_array *x, lpy_err *e);
/* x = a^-1 */
LPY_API int lpy_linalg_inv(const lpy_array *a, lpy_array *x, lpy_err *e);
/* sign and log|det| of each matrix (outputs of the stack's batch shape);
   det: sign * exp(logdet) when det is not NULL (then sign and logdet may
   be NULL) */
LPY_API int lpy_linalg_slogdet(const lpy_array *a, lpy_array *sign,
                               lpy_array *logdet, lpy_array *det,
                               lpy_err *e);
/* l (lower, l l^H = a) or, with upper, u (u^H u = a) */
LPY_API int lpy_linalg_cholesky(const lpy_array *a, int upper, lpy_array *r,
                                lpy_err *e);

enum { LPY_QR_REDUCED, LPY_QR_COMPLETE, LPY_QR_R, LPY_QR_RAW };
/* a (..., m, n). reduced/complete: q (..., m, mc), r (..., mc, n); r: r
   (..., min(m,n), n); raw: q is h (..., n, m), r is tau (..., min(m,n)) */
LPY_API int lpy_linalg_qr(const lpy_array *a, int mode, lpy_array *q,
                          lpy_array *r, lpy_err *e);

/* least squares for one a (m, n) and b (m, k): x (n, k), s (min(m, n)),
   resid (k) filled when the rank is n and m > n (*has_resid set then);
   rcond < 0 means LAPACK's machine precision */
LPY_API int lpy_linalg_lstsq(const lpy_array *a, const lpy_array *b,
                             double rcond, lpy_array *x, lpy_array *resid,
                             int *has_resid, int64_t *rank, lpy_array *s,
                             lpy_err *e);

#endif
