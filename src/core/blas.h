/*
** blas.h - the BLAS and LAPACK this build links, seen through one header.
** CBLAS is declared here rather than through a vendor's cblas.h (they live
** in different places and disagree on the integer type); the link-time
** symbol of each lpy_cblas_* is "cblas_<name>" with the build's optional
** LPY_BLAS_PREFIX / LPY_BLAS_SUFFIX (e.g. "64_" for a suffixed ILP64
** library). LAPACK is called through LAPACKE's column-major *_work entry
** points: unlike the high-level LAPACKE functions they do not scan the
** inputs for NaN, so NaN/Inf reach LAPACK as they do in NumPy.
** lpy_blasint is the interface's integer: 64-bit when built with ILP64=1
** (which also defines LAPACK_ILP64 for lapacke.h).
*/
#ifndef LPY_BLAS_H
#define LPY_BLAS_H

#include <stdint.h>
#include <complex.h>
#include <lapacke.h>
#include "lpy.h"

#ifdef LPY_ILP64
typedef int64_t lpy_blasint;
#define LPY_BLASINT_MAX INT64_MAX
#else
typedef int lpy_blasint;
#define LPY_BLASINT_MAX INT32_MAX
#endif

/* CBLAS's enumerations (their values are fixed by the standard) */
enum { LPY_ROWMAJOR = 101, LPY_COLMAJOR = 102 };
enum { LPY_NOTRANS = 111, LPY_TRANS = 112, LPY_CONJTRANS = 113 };
enum { LPY_UPPER = 121, LPY_LOWER = 122 };
enum { LPY_NONUNIT = 131, LPY_UNIT = 132 };
enum { LPY_LEFT = 141, LPY_RIGHT = 142 };

#ifndef LPY_BLAS_PREFIX
#define LPY_BLAS_PREFIX ""
#endif
#ifndef LPY_BLAS_SUFFIX
#define LPY_BLAS_SUFFIX ""
#endif
#ifdef __USER_LABEL_PREFIX__
#define LPY_ULP_(x) #x
#define LPY_ULP(x) LPY_ULP_(x)
#define LPY_SYMPFX LPY_ULP(__USER_LABEL_PREFIX__)
#else
#define LPY_SYMPFX ""
#endif
#define LPY_CBLAS_SYM(name) \
  __asm__(LPY_SYMPFX LPY_BLAS_PREFIX "cblas_" name LPY_BLAS_SUFFIX)

#define bi lpy_blasint   /* shorthand inside this header only */
#define LPY_GEMM(c, T) \
  void lpy_cblas_##c##gemm(int order, int ta, int tb, bi m, bi n, bi k, \
                           T alpha, const void *a, bi lda, const void *b, \
                           bi ldb, T beta, void *cc, bi ldc) \
    LPY_CBLAS_SYM(#c "gemm");
#define LPY_GEMV(c, T) \
  void lpy_cblas_##c##gemv(int order, int ta, bi m, bi n, T alpha, \
                           const void *a, bi lda, const void *x, bi incx, \
                           T beta, void *y, bi incy) \
    LPY_CBLAS_SYM(#c "gemv");
#define LPY_SYRK(c, name, T, R) \
  void lpy_cblas_##c##name(int order, int uplo, int trans, bi n, bi k, \
                           R alpha, const void *a, bi lda, R beta, void *cc, \
                           bi ldc) LPY_CBLAS_SYM(#c #name);
#define LPY_GER(c, name, T) \
  void lpy_cblas_##c##name(int order, bi m, bi n, T alpha, const void *x, \
                           bi incx, const void *y, bi incy, void *a, bi lda) \
    LPY_CBLAS_SYM(#c #name);
#define LPY_AXPY(c, T) \
  void lpy_cblas_##c##axpy(bi n, T alpha, const void *x, bi incx, void *y, \
                           bi incy) LPY_CBLAS_SYM(#c "axpy");
#define LPY_TRSM(c, T) \
  void lpy_cblas_##c##trsm(int order, int side, int uplo, int ta, int diag, \
                           bi m, bi n, T alpha, const void *a, bi lda, \
                           void *b, bi ldb) LPY_CBLAS_SYM(#c "trsm");

/* real routines take scalars by value, complex ones by pointer */
LPY_GEMM(s, float)  LPY_GEMM(d, double)
LPY_GEMM(c, const void *)  LPY_GEMM(z, const void *)
LPY_GEMV(s, float)  LPY_GEMV(d, double)
LPY_GEMV(c, const void *)  LPY_GEMV(z, const void *)
LPY_SYRK(s, syrk, float, float)  LPY_SYRK(d, syrk, double, double)
LPY_SYRK(c, syrk, void, const void *)  LPY_SYRK(z, syrk, void, const void *)
LPY_SYRK(c, herk, void, float)  LPY_SYRK(z, herk, void, double)
LPY_GER(s, ger, float)  LPY_GER(d, ger, double)
LPY_GER(c, geru, const void *)  LPY_GER(z, geru, const void *)
LPY_GER(c, gerc, const void *)  LPY_GER(z, gerc, const void *)
LPY_AXPY(s, float)  LPY_AXPY(d, double)
LPY_AXPY(c, const void *)  LPY_AXPY(z, const void *)
LPY_TRSM(s, float)  LPY_TRSM(d, double)
LPY_TRSM(c, const void *)  LPY_TRSM(z, const void *)

float lpy_cblas_sdot(bi n, const float *x, bi incx, const float *y, bi incy)
  LPY_CBLAS_SYM("sdot");
double lpy_cblas_ddot(bi n, const double *x, bi incx, const double *y,
                      bi incy) LPY_CBLAS_SYM("ddot");
void lpy_cblas_cdotu_sub(bi n, const void *x, bi incx, const void *y, bi incy,
                         void *dotu) LPY_CBLAS_SYM("cdotu_sub");
void lpy_cblas_zdotu_sub(bi n, const void *x, bi incx, const void *y, bi incy,
                         void *dotu) LPY_CBLAS_SYM("zdotu_sub");
void lpy_cblas_cdotc_sub(bi n, const void *x, bi incx, const void *y, bi incy,
                         void *dotc) LPY_CBLAS_SYM("cdotc_sub");
void lpy_cblas_zdotc_sub(bi n, const void *x, bi incx, const void *y, bi incy,
                         void *dotc) LPY_CBLAS_SYM("zdotc_sub");

#undef LPY_GEMM
#undef LPY_GEMV
#undef LPY_SYRK
#undef LPY_GER
#undef LPY_AXPY
#undef LPY_TRSM
#undef bi

#endif
