/*
** blas_xerbla.c - LumPy's own handlers for a BLAS/LAPACK routine that was
** given an illegal argument. The reference LAPACK's XERBLA prints and then
** stops the whole process (Fortran STOP, exit status 0), which a library
** must never do; LAPACK itself names XERBLA as the routine to replace
** (NumPy replaces it too). Because these are resolved by the dynamic
** linker, these two are exported with default visibility: they are the
** only non-lumpy_ symbols LumPy exports.
** xerbla_ is LAPACK's: it returns quietly, and the routine then reports
** info = -(argument), which the caller turns into a Lua error. (LAPACK's
** DLASCL rejects NaN scale factors this way: a NaN input to lstsq reaches
** it; OpenBLAS would print "** On entry to DLASCL ..." on stdout.)
** cblas_xerbla is the reference CBLAS's (it would exit(-1)); it fires only
** on a LumPy bug, so it says so on stderr.
*/
#include <stdio.h>
#include <lapacke.h>
#include "lpy.h"

#define LPY_EXPORT __attribute__((visibility("default")))

LPY_EXPORT void xerbla_(const char *srname, const lapack_int *info,
                        size_t len);
LPY_EXPORT void cblas_xerbla(int p, const char *rout, const char *form, ...);

void xerbla_(const char *srname, const lapack_int *info, size_t len) {
  (void)srname; (void)info; (void)len;
}

void cblas_xerbla(int p, const char *rout, const char *form, ...) {
  (void)form;
  fprintf(stderr, "lumpy: internal error: BLAS routine %s was given an "
          "illegal argument %d\n", rout ? rout : "?", p);
}
