/*
** blasinfo.h - the BLAS/LAPACK in use at run time and its thread count
** (blasinfo.c). The info struct is filled once per process and owned by
** the core.
*/
#ifndef LPY_BLASINFO_H
#define LPY_BLASINFO_H

#include "lpy.h"

typedef struct lpy_blas_info {
  const char *build;        /* the build's BLAS= choice */
  const char *vendor;       /* "OpenBLAS", "BLIS", "MKL", "Accelerate", ... */
  const char *threading;    /* "pthreads", "openmp", "sequential", ... */
  int int_bits;             /* 32 (LP64) or 64 (ILP64) */
  char version[128];        /* the vendor's version, "" when it has none */
  char config[256];         /* OpenBLAS's configuration string */
  char corename[64];        /* OpenBLAS's kernel family ("Zen", ...) */
  char blas_path[512];      /* the file cblas_dgemm comes from */
  char lapack_path[512];    /* the file dgetrf_ comes from */
  char lapacke_path[512];   /* the file LAPACKE comes from */
  char lapack_version[32];  /* LAPACK's ilaver, "" when unknown */
} lpy_blas_info;

LPY_API const lpy_blas_info *lpy_blas_get_info(void);
/* the BLAS's thread count (1 when it has no threads) */
LPY_API int lpy_blas_get_num_threads(void);
/* set it; -1 when the library offers no control */
LPY_API int lpy_blas_set_num_threads(int n);

#endif
