/*
** linalg_lp.h - private to the linalg_*.c files: LAPACK through one table
** per compute dtype (float64, complex128) so the solvers are written once,
** and checked workspace allocation.
*/
#ifndef LPY_LINALG_LP_H
#define LPY_LINALG_LP_H

#include "blas.h"
#include "linalg_solve.h"

typedef lapack_int li;

typedef struct lpy_lp {
  lpy_dtype t;        /* LPY_FLOAT64 or LPY_COMPLEX128 */
  int isz;            /* bytes per element */
  li (*gesv)(li n, li nrhs, void *a, li lda, li *ipiv, void *b, li ldb);
  li (*getrf)(li n, void *a, li lda, li *ipiv);
  li (*getrs)(char trans, li n, li nrhs, const void *a, li lda,
              const li *ipiv, void *b, li ldb);
  li (*potrf)(char uplo, li n, void *a, li lda);
  li (*geqrf)(li m, li n, void *a, li lda, void *tau, void *work, li lwork);
  li (*orgqr)(li m, li n, li k, void *a, li lda, const void *tau,
              void *work, li lwork);
  /* rwork is used by the complex version only */
  li (*gelsd)(li m, li n, li nrhs, void *a, li lda, void *b, li ldb,
              double *s, double rcond, li *rank, void *work, li lwork,
              double *rwork, li *iwork);
} lpy_lp;

LPY_API const lpy_lp *lpy_lp_get(lpy_dtype compute);

/* 0 when every dimension given fits LAPACK's integer, else an error */
LPY_API int lpy_lp_fits(lpy_err *e, int n, const int64_t *dims);
/* lpy_alloc of a*b*c bytes (each factor >= 1 counted as given, 0 as 1),
   NULL with an error on overflow or no memory; free with lpy_lp_free */
LPY_API void *lpy_lp_alloc(lpy_err *e, size_t *nbytes, int64_t a, int64_t b,
                           int64_t c);
/* the lwork a workspace query returned (its first element's real part),
   at least lo; -1 with an error when it does not fit */
LPY_API li lpy_lp_lwork(const void *w, li lo, lpy_err *e);
/* store the double / complex value at src (compute dtype t) as element k
   (C order over all dims) of out, casting */
LPY_API void lpy_lp_put(lpy_array *out, int64_t k, lpy_dtype t,
                        const void *src);
/* LU factorization (getrf's info and 1-based pivots) and solve (getrs,
   no transpose) of tiny matrices without calling LAPACK (linalg_small.c) */
#define LPY_LP_SMALL 8
LPY_API li lpy_lp_small_getrf(lpy_dtype t, li n, void *a, li ld, li *ipiv);
LPY_API void lpy_lp_small_getrs(lpy_dtype t, li n, li nrhs, const void *a,
                                li ld, const li *ipiv, void *b, li ldb);

/* the view of the stack a with its last two axes swapped */
LPY_API void lpy_lp_swap_last(const lpy_array *a, lpy_array_space *v);

/* an error for a negative info (a bad argument: a bug) */
LPY_API int lpy_lp_bad(lpy_err *e, const char *routine, li info);

#define LPY_LD(n) ((li)((n) > 1 ? (n) : 1))

#endif
