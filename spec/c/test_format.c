/*
** test_format.c - tests of src/core/format.c without Lua.
**
** Two uses:
**  - a standalone program (main) with a few fixed checks; `make ctest`
**    builds it against the C core and runs it (also under the sanitizers
**    in `make sanitize`);
**  - a shared object for differential tests against NumPy through ctypes
**    (build it with the core sources and -shared -fPIC -DTF_NO_MAIN, load
**    it from Python next to NumPy): tf_format() formats any strided buffer
**    with given options.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../../src/core/format.h"


/* ctypes entry: returns a malloc'd string (free with tf_free) or NULL */
char *tf_format(int dtype, int ndim, const int64_t *shape,
                const int64_t *strides, char *data, int precision,
                int64_t threshold, int edgeitems, int linewidth,
                int suppress) {
  lpy_array *a = malloc(lpy_array_sizeof(ndim));
  lpy_printopts o;
  lpy_err e;
  char *s;
  int i;
  int64_t size = 1;
  if (!a) return NULL;
  a->data = data;
  a->buf = NULL;
  a->ndim = ndim;
  a->dtype = (lpy_dtype)dtype;
  a->flags = 0;
  a->shape = a->dims;
  a->strides = a->dims + ndim;
  for (i = 0; i < ndim; i++) {
    a->shape[i] = shape[i];
    a->strides[i] = strides[i];
    size *= shape[i];
  }
  a->size = size;
  o.precision = precision;
  o.threshold = threshold;
  o.edgeitems = edgeitems;
  o.linewidth = linewidth;
  o.suppress = suppress;
  s = lpy_format_array(a, &o, NULL, &e);
  free(a);
  return s;
}

char *tf_scalar(int dtype, const char *p) {
  lpy_err e;
  return lpy_format_scalar((lpy_dtype)dtype, p, NULL, &e);
}

void tf_free(char *s) { free(s); }

#ifndef TF_NO_MAIN
static int fails;

static void check_arr(lpy_dtype t, int ndim, const int64_t *shape,
                      void *data, const char *want) {
  int64_t strides[8], st = lpy_itemsize(t);
  int i;
  char *s;
  for (i = ndim - 1; i >= 0; i--) { strides[i] = st; st *= shape[i]; }
  s = tf_format(t, ndim, shape, strides, data, 8, 1000, 3, 75, 0);
  if (!s || strcmp(s, want) != 0) {
    fails++;
    printf("FAIL: got [%s] want [%s]\n", s ? s : "(null)", want);
  }
  free(s);
}

static void check_d(double x, const char *want) {
  char *s = tf_scalar(LPY_FLOAT64, (const char *)&x);
  if (!s || strcmp(s, want)) {
    fails++;
    printf("FAIL scalar: got [%s] want [%s]\n", s ? s : "(null)", want);
  }
  free(s);
}

int main(void) {
  double d1[] = {0.1, 0.25, -3.0};
  float f1[] = {0.1f, 1e-5f};
  double dz[] = {1, 2, 3, 4, 5, 6};
  int64_t big[2000];
  double c1[] = {1, 2, 3.5, -4};
  int64_t sh1[] = {3}, sh2[] = {2}, sh3[] = {2, 3}, sh4[] = {2000},
          sh5[] = {0, 3};
  int i;
  char buf[LPY_FORMAT_SCALAR_MAX];
  for (i = 0; i < 2000; i++) big[i] = i;
  check_arr(LPY_FLOAT64, 1, sh1, d1, "[ 0.1   0.25 -3.  ]");
  check_arr(LPY_FLOAT32, 1, sh2, f1, "[1.e-01 1.e-05]");
  check_arr(LPY_FLOAT64, 2, sh3, dz, "[[1. 2. 3.]\n [4. 5. 6.]]");
  check_arr(LPY_INT64, 1, sh4, big, "[   0    1    2 ... 1997 1998 1999]");
  check_arr(LPY_COMPLEX128, 1, sh2, c1, "[1. +2.j 3.5-4.j]");
  check_arr(LPY_FLOAT64, 2, sh5, dz, "[]");
  check_arr(LPY_FLOAT64, 0, sh1, d1, "0.1");
  check_d(1e20, "1e+20");
  check_d(0.1, "0.1");
  check_d(-0.0, "-0.0");
  check_d(1e16, "1e+16");
  check_d(123456789012345.6, "123456789012345.6");
  check_d(5e-324, "5e-324");
  check_d(1.7976931348623157e308, "1.7976931348623157e+308");
  lpy_format_scalar_buf(LPY_COMPLEX128, (const char *)c1, buf, sizeof buf);
  if (strcmp(buf, "(1+2j)")) { fails++; printf("FAIL complex [%s]\n", buf); }
  printf("%s (%d failures)\n", fails ? "FAILED" : "ok", fails);
  return fails != 0;
}
#endif
