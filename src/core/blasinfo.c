/*
** blasinfo.c - which BLAS and LAPACK the process really runs, found at run
** time (the build may say OpenBLAS while Debian's alternatives or a host
** application supply another): the files the CBLAS and LAPACK symbols come
** from, the vendor's version, configuration and threading, and control of
** its thread count. Vendor functions are looked up with dlsym, so none of
** them is needed at link time.
*/
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include "blas.h"
#include "blasinfo.h"

static lpy_blas_info info;
static pthread_once_t once = PTHREAD_ONCE_INIT;
static void *self;              /* a handle that sees LumPy's dependencies */
static void *blaslib;           /* the library cblas_dgemm comes from */

typedef int (*int_void)(void);
typedef void (*void_int)(int);
typedef char *(*str_void)(void);
typedef int64_t (*i64_void)(void);
typedef void (*void_i64)(int64_t);

/* a vendor function of the BLAS in use */
static void *sym(const char *name) {
  return blaslib ? dlsym(blaslib, name) : NULL;
}

/* a symbol as LumPy's own references resolve it */
static void *ownsym(const char *name) {
  void *p = self ? dlsym(self, name) : NULL;
  return p ? p : dlsym(RTLD_DEFAULT, name);
}

static void copy(char *dst, size_t n, const char *src) {
  snprintf(dst, n, "%s", src ? src : "");
}

/* the file that defines the object at address p */
static void where(const void *p, char *dst, size_t n) {
  Dl_info d;
  if (p && dladdr(p, &d) && d.dli_fname) copy(dst, n, d.dli_fname);
  else copy(dst, n, "unknown");
}

static void detect_openblas(void) {
  str_void cfg = (str_void)sym("openblas_get_config");
  str_void core = (str_void)sym("openblas_get_corename");
  int_void par = (int_void)sym("openblas_get_parallel");
  const char *c = cfg ? cfg() : "", *v;
  info.vendor = "OpenBLAS";
  copy(info.config, sizeof info.config, c);
  if (core) copy(info.corename, sizeof info.corename, core());
  /* the configuration string starts "OpenBLAS 0.3.21 ..." */
  v = strncmp(c, "OpenBLAS ", 9) == 0 ? c + 9 : "";
  snprintf(info.version, sizeof info.version, "%.*s", (int)strcspn(v, " "), v);
  info.threading = !par ? "unknown" : par() == 0 ? "sequential"
                 : par() == 1 ? "pthreads" : "openmp";
}

static void detect_blis(void) {
  str_void ver = (str_void)sym("bli_info_get_version_str");
  i64_void omp = (i64_void)sym("bli_info_get_enable_openmp");
  i64_void pth = (i64_void)sym("bli_info_get_enable_pthreads");
  info.vendor = "BLIS";
  if (ver) copy(info.version, sizeof info.version, ver());
  info.threading = omp && omp() ? "openmp" : pth && pth() ? "pthreads"
                 : "sequential";
}

static void detect_mkl(void) {
  void (*ver)(char *, int) = (void (*)(char *, int))sym("MKL_Get_Version_String");
  info.vendor = "MKL";
  if (ver) ver(info.version, (int)sizeof info.version - 1);
  info.threading = "see MKL_THREADING_LAYER";
}

static void detect(void) {
  Dl_info d;
  void (*ilaver)(lapack_int *, lapack_int *, lapack_int *);
  if (dladdr((void *)&lpy_blas_get_info, &d) && d.dli_fname)
    self = dlopen(d.dli_fname, RTLD_LAZY | RTLD_NOLOAD);
  if (!self) self = dlopen(NULL, RTLD_LAZY);
  info.build = lpy_config("blas");
#ifdef LPY_ILP64
  info.int_bits = 64;
#else
  info.int_bits = 32;
#endif
  where((void *)&lpy_cblas_dgemm, info.blas_path, sizeof info.blas_path);
  blaslib = dlopen(info.blas_path, RTLD_LAZY | RTLD_NOLOAD);
  if (!blaslib) blaslib = self;
  where(ownsym("dgetrf_"), info.lapack_path, sizeof info.lapack_path);
  where((void *)&LAPACKE_dgetrf_work, info.lapacke_path,
        sizeof info.lapacke_path);
  ilaver = (void (*)(lapack_int *, lapack_int *, lapack_int *))ownsym("ilaver_");
  if (ilaver) {
    lapack_int a = 0, b = 0, c = 0;
    ilaver(&a, &b, &c);
    snprintf(info.lapack_version, sizeof info.lapack_version, "%d.%d.%d",
             (int)a, (int)b, (int)c);
  }
  info.threading = "sequential";
  if (sym("openblas_get_config")) detect_openblas();
  else if (sym("bli_info_get_version_str")) detect_blis();
  else if (sym("MKL_Get_Version_String")) detect_mkl();
  else if (strstr(info.blas_path, "Accelerate")) info.vendor = "Accelerate";
  else if (strstr(info.blas_path, "libblas")) info.vendor = "reference (netlib)";
  else info.vendor = "unknown";
}

const lpy_blas_info *lpy_blas_get_info(void) {
  pthread_once(&once, detect);
  return &info;
}

int lpy_blas_get_num_threads(void) {
  int_void f;
  i64_void g;
  lpy_blas_get_info();
  if ((f = (int_void)sym("openblas_get_num_threads"))) return f();
  if ((g = (i64_void)sym("bli_thread_get_num_threads"))) {
    int64_t n = g();
    return n < 1 ? 1 : (int)n;
  }
  if ((f = (int_void)sym("MKL_Get_Max_Threads"))) return f();
  return 1;
}

int lpy_blas_set_num_threads(int n) {
  void_int f;
  void_i64 g;
  lpy_blas_get_info();
  if ((f = (void_int)sym("openblas_set_num_threads"))) { f(n); return 0; }
  if ((g = (void_i64)sym("bli_thread_set_num_threads"))) { g(n); return 0; }
  if ((f = (void_int)sym("MKL_Set_Num_Threads"))) { f(n); return 0; }
  return -1;
}
