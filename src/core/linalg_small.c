/*
** linalg_small.c - LU factorization and solves for tiny matrices (n <=
** LPY_LP_SMALL), where a LAPACK call costs more than the arithmetic:
** batches of 3x3 solves, inverses and determinants. The algorithm is
** LAPACK's unblocked one (getf2: partial pivoting on the first largest
** |a_ij| (|re| + |im| for complex), reciprocal scaling above the safe
** minimum, exact-zero pivots reported in info; getrs: row swaps, unit
** lower then upper triangular solves), so results agree with LAPACK's to
** rounding and singular matrices are reported the same way.
*/
#include <float.h>
#include <math.h>
#include "linalg_lp.h"

#define ABS1_D(x) fabs(x)
#define ABS1_Z(x) (fabs(creal(x)) + fabs(cimag(x)))
#define ABS_D(x) fabs(x)
#define ABS_Z(x) cabs(x)

#define SMALL(P, T, ABS1, ABS)                                               \
  static li P##_small_getrf(li n, void *av, li ld, li *ipiv) {              \
    T *a = av;                                                               \
    li info = 0, i, j, k;                                                    \
    for (j = 0; j < n; j++) {                                                \
      li p = j;                                                              \
      double best = ABS1(a[j + j * ld]);                                     \
      for (i = j + 1; i < n; i++) {                                          \
        double v = ABS1(a[i + j * ld]);                                      \
        if (v > best) { best = v; p = i; }                                   \
      }                                                                      \
      ipiv[j] = p + 1;                                                       \
      if (a[p + j * ld] != 0) {                                              \
        T d = a[p + j * ld];                                                 \
        if (p != j)                                                          \
          for (k = 0; k < n; k++) {                                          \
            T t = a[j + k * ld]; a[j + k * ld] = a[p + k * ld];              \
            a[p + k * ld] = t;                                               \
          }                                                                  \
        if (ABS(d) >= DBL_MIN) {                                             \
          T r = 1.0 / d;                                                     \
          for (i = j + 1; i < n; i++) a[i + j * ld] *= r;                    \
        } else                                                               \
          for (i = j + 1; i < n; i++) a[i + j * ld] /= d;                    \
      } else if (info == 0) info = j + 1;                                    \
      for (k = j + 1; k < n; k++) {                                          \
        T t = a[j + k * ld];                                                 \
        if (t != 0) {                                                        \
          t = -t;                                                            \
          for (i = j + 1; i < n; i++) a[i + k * ld] += a[i + j * ld] * t;    \
        }                                                                    \
      }                                                                      \
    }                                                                        \
    return info;                                                             \
  }                                                                          \
  static void P##_small_getrs(li n, li nrhs, const void *av, li ld,         \
                              const li *ipiv, void *bv, li ldb) {           \
    const T *a = av;                                                         \
    li i, j, k;                                                              \
    for (j = 0; j < nrhs; j++) {                                             \
      T *b = (T *)bv + j * ldb;                                              \
      for (k = 0; k < n; k++)                                                \
        if (ipiv[k] - 1 != k) {                                              \
          T t = b[k]; b[k] = b[ipiv[k] - 1]; b[ipiv[k] - 1] = t;             \
        }                                                                    \
      for (k = 0; k < n; k++)                                                \
        if (b[k] != 0)                                                       \
          for (i = k + 1; i < n; i++) b[i] -= b[k] * a[i + k * ld];          \
      for (k = n - 1; k >= 0; k--)                                           \
        if (b[k] != 0) {                                                     \
          b[k] /= a[k + k * ld];                                             \
          for (i = 0; i < k; i++) b[i] -= b[k] * a[i + k * ld];              \
        }                                                                    \
    }                                                                        \
  }

SMALL(d, double, ABS1_D, ABS_D)
SMALL(z, double complex, ABS1_Z, ABS_Z)

li lpy_lp_small_getrf(lpy_dtype t, li n, void *a, li ld, li *ipiv) {
  return t == LPY_COMPLEX128 ? z_small_getrf(n, a, ld, ipiv)
                             : d_small_getrf(n, a, ld, ipiv);
}

void lpy_lp_small_getrs(lpy_dtype t, li n, li nrhs, const void *a, li ld,
                        const li *ipiv, void *b, li ldb) {
  if (t == LPY_COMPLEX128) z_small_getrs(n, nrhs, a, ld, ipiv, b, ldb);
  else d_small_getrs(n, nrhs, a, ld, ipiv, b, ldb);
}
