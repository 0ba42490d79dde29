/*
** test_core.c - tests of the C core without Lua: promotion, shapes,
** broadcasting, the iterator, casting, assignment and ufuncs, driven
** through the core's own API as an embedding host would. `make ctest`
** builds it against src/core only (no Lua anywhere) and runs it.
*/
#include <math.h>
#include <stdio.h>
#include <stdint.h>
#include <string.h>
#include "../../src/core/lpy.h"

#include "check.h"

static void test_promotion(void) {
  /* expected values: numpy.promote_types */
  static const struct { lpy_dtype a, b, r; } cases[] = {
    {LPY_INT8, LPY_UINT8, LPY_INT16}, {LPY_UINT64, LPY_INT64, LPY_FLOAT64},
    {LPY_INT32, LPY_FLOAT32, LPY_FLOAT64}, {LPY_INT16, LPY_FLOAT32, LPY_FLOAT32},
    {LPY_FLOAT32, LPY_COMPLEX64, LPY_COMPLEX64},
    {LPY_FLOAT64, LPY_COMPLEX64, LPY_COMPLEX128}, {LPY_BOOL, LPY_INT8, LPY_INT8},
    {LPY_UINT32, LPY_INT8, LPY_INT64}, {LPY_UINT8, LPY_UINT16, LPY_UINT16},
    {LPY_INT64, LPY_COMPLEX64, LPY_COMPLEX128},
  };
  size_t i;
  for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    CHECK(lpy_promote(cases[i].a, cases[i].b) == cases[i].r &&
              lpy_promote(cases[i].b, cases[i].a) == cases[i].r,
          "promote(%s, %s)", lpy_dtypes[cases[i].a].name,
          lpy_dtypes[cases[i].b].name);
  }
  CHECK(lpy_promote_weak(LPY_INT8, LPY_WEAK_INT) == LPY_INT8, "weak int");
  CHECK(lpy_promote_weak(LPY_INT8, LPY_WEAK_FLOAT) == LPY_FLOAT64, "weak float");
  CHECK(lpy_promote_weak(LPY_FLOAT32, LPY_WEAK_COMPLEX) == LPY_COMPLEX64,
        "weak complex");
  CHECK(lpy_dtype_parse("f4") == LPY_FLOAT32 && lpy_dtype_parse("<i8") == LPY_INT64 &&
            lpy_dtype_parse("bogus") == -1, "dtype names");
}

static void test_shapes(void) {
  lpy_err e;
  int64_t big[3] = {1 << 30, 1 << 30, 1 << 30}, neg[2] = {3, -1};
  int64_t s1[2] = {3, 1}, s2[1] = {4}, s3[1] = {5}, out[LPY_MAXDIMS];
  const int64_t *shapes[2];
  int nd[2], ond;
  CHECK(lpy_shape_size(3, big, &e) == -1, "overflow detected");
  CHECK(lpy_shape_size(2, neg, &e) == -1 && strstr(e.msg, "negative"), "negative");
  shapes[0] = s1; shapes[1] = s2; nd[0] = 2; nd[1] = 1;
  CHECK(lpy_broadcast_shapes(2, nd, shapes, &ond, out, &e) == 0 && ond == 2 &&
            out[0] == 3 && out[1] == 4, "broadcast (3,1) (4)");
  shapes[0] = s2; shapes[1] = s3; nd[0] = nd[1] = 1;
  CHECK(lpy_broadcast_shapes(2, nd, shapes, &ond, out, &e) != 0 &&
            strstr(e.msg, "(4) (5)"), "broadcast error: %s", e.msg);
}

static void test_iterator(void) {
  lpy_err e;
  int64_t sh[3] = {2, 3, 4}, tsh[2] = {4, 3}, tst[2] = {8, 32};
  lpy_array *a = lpy_array_new(LPY_FLOAT64, 3, sh, 1, &e);
  lpy_array *b = lpy_array_new(LPY_FLOAT64, 2, sh + 1, 1, &e);
  lpy_array *ops[2];
  lpy_iter it;
  ops[0] = a; ops[1] = a;
  CHECK(lpy_iter_setup(&it, 2, ops, 3, sh, &e) == 0 && it.ndim == 1 &&
            it.shape[0] == 24, "contiguous axes coalesce");
  ops[1] = b;     /* b (3,4) broadcast over the first axis */
  CHECK(lpy_iter_setup(&it, 2, ops, 3, sh, &e) == 0 && it.ndim == 2 &&
            it.strides[1][0] == 0 && it.shape[1] == 12, "broadcast stride 0");
  /* a transposed view of b is F-ordered: walked in memory order */
  {
    lpy_array_space t;
    lpy_array_init(&t.a, LPY_FLOAT64, 2, tsh, tst, b->data, NULL);
    ops[0] = &t.a; ops[1] = &t.a;
    CHECK(lpy_iter_setup(&it, 2, ops, 2, tsh, &e) == 0 && it.ndim == 1 &&
              it.strides[0][0] == 8, "F-ordered walk coalesces");
  }
  lpy_array_free(a);
  lpy_array_free(b);
}

static void test_casts(void) {
  double d[4] = {NAN, 1e300, -2.7, 3.9};
  int64_t i64[4];
  int8_t i8[4];
  float f;
  int64_t big = (int64_t)1 << 53 | 1;
  lpy_cast_fn(LPY_FLOAT64, LPY_INT64)((char *)d, 8, (char *)i64, 8, 4);
  CHECK(i64[0] == INT64_MIN && i64[1] == INT64_MIN && i64[2] == -2 && i64[3] == 3,
        "float64 -> int64");
  lpy_cast_fn(LPY_FLOAT64, LPY_INT8)((char *)d, 8, (char *)i8, 1, 4);
  CHECK(i8[0] == 0 && i8[2] == -2 && i8[3] == 3, "float64 -> int8");
  big = ((int64_t)1 << 60) + 1;     /* rounds to 2^60 in float32 */
  lpy_cast_fn(LPY_INT64, LPY_FLOAT32)((char *)&big, 8, (char *)&f, 4, 1);
  CHECK(f == 0x1p60f, "int64 -> float32 rounds once");
}

static void test_assign_overlap(void) {
  lpy_err e;
  int64_t n = 6, four = 5, st = 8;
  lpy_array *a = lpy_array_new(LPY_INT64, 1, &n, 0, &e);
  lpy_array_space dst, src;
  int64_t *p = (int64_t *)a->data, i;
  for (i = 0; i < 6; i++) p[i] = i;
  /* a[1:] = a[:-1] must read before writing */
  lpy_array_init(&dst.a, LPY_INT64, 1, &four, &st, a->data + 8, NULL);
  lpy_array_init(&src.a, LPY_INT64, 1, &four, &st, a->data, NULL);
  CHECK(lpy_array_assign(&dst.a, &src.a, &e) == 0 && p[0] == 0 && p[1] == 0 &&
            p[5] == 4, "overlapping assignment");
  lpy_array_free(a);
}

static void test_ufuncs(void) {
  lpy_err e;
  int64_t n = 3;
  lpy_array *a = lpy_array_new(LPY_INT8, 1, &n, 0, &e);
  lpy_array *b = lpy_array_new(LPY_INT8, 1, &n, 0, &e);
  lpy_array *o = lpy_array_new(LPY_INT8, 1, &n, 0, &e);
  lpy_operand in[2];
  int8_t *x = (int8_t *)a->data, *y = (int8_t *)b->data, *z = (int8_t *)o->data;
  memset(in, 0, sizeof in);
  in[0].arr = a; in[1].arr = b;
  x[0] = 127; y[0] = 1; x[1] = -128; y[1] = -1; x[2] = 7; y[2] = 0;
  CHECK(lpy_ufunc_exec(lpy_ufunc_find("add"), in, o, NULL, &e) == 0 &&
            z[0] == -128, "int8 add wraps");
  CHECK(lpy_ufunc_exec(lpy_ufunc_find("floor_divide"), in, o, NULL, &e) == 0 &&
            z[1] == -128 && z[2] == 0, "floor_divide overflow and by zero");
  CHECK(lpy_ufunc_exec(lpy_ufunc_find("remainder"), in, o, NULL, &e) == 0 &&
            z[1] == 0 && z[2] == 0, "remainder");
  y[0] = -1;
  CHECK(lpy_ufunc_exec(lpy_ufunc_find("power"), in, o, NULL, &e) != 0 &&
            strstr(e.msg, "negative"), "negative integer power");
  in[1].arr = NULL;             /* a weak Lua integer out of int8's range */
  in[1].weak = LPY_WEAK_INT;
  in[1].i = 300;
  CHECK(lpy_ufunc_exec(lpy_ufunc_find("add"), in, o, NULL, &e) != 0 &&
            strstr(e.msg, "300"), "weak integer bounds: %s", e.msg);
  lpy_array_free(a);
  lpy_array_free(b);
  lpy_array_free(o);
}

static void test_buffers(void) {
  lpy_err e;
  size_t sizes[4] = {1, 1000, 100000, 5000000};
  int i;
  for (i = 0; i < 4; i++) {
    lpy_buffer *b = lpy_buffer_new(sizes[i], 1, &e);
    CHECK(b && ((uintptr_t)b->data % LPY_ALIGN) == 0 && b->data[sizes[i] - 1] == 0,
          "buffer of %zu bytes aligned and zeroed", sizes[i]);
    lpy_buffer_decref(b);
  }
  lpy_mem_trim();
  {
    /* the cache: the most recently freed block of a size comes back
       first; a big block starts on a huge page; a block not taken
       within 32 frees is given back */
    void *p[3], *q;
    size_t want = 0;
    int k;
    for (k = 0; k < 3; k++) p[k] = lpy_alloc(200000, 0);
    lpy_free(p[0], 200000);
    lpy_free(p[1], 200000);
    CHECK(lpy_mem_cached() >= 400000, "freed blocks are cached");
    q = lpy_alloc(200000, 0);
    CHECK(q == p[1], "the most recently freed block comes back first");
    lpy_free(p[2], 200000);
    lpy_free(q, 200000);
    q = lpy_alloc(199000, 1);
    CHECK(q == p[1] && ((unsigned char *)q)[198999] == 0 &&
              ((unsigned char *)q)[0] == 0,
          "a block of the same page count comes back zeroed");
    lpy_free(q, 199000);
    q = lpy_alloc(5000000, 0);
    CHECK(((uintptr_t)q & ((2u << 20) - 1)) == 0, "a big block starts on a huge page");
    lpy_free(q, 5000000);
    lpy_mem_trim();
    for (k = 0; k < 40; k++) {
      size_t n = 70000 + 4096 * (size_t)k;
      lpy_free(lpy_alloc(n, 0), n);
      if (k >= 8) want += (n + 4095) / 4096 * 4096;
    }
    CHECK(lpy_mem_cached() == want, "blocks not taken within 32 frees are "
          "given back: %zu cached, %zu expected", lpy_mem_cached(), want);
    lpy_mem_trim();
    CHECK(lpy_mem_cached() == 0, "trim empties the cache");
  }
}

int main(void) {
  test_promotion();
  test_shapes();
  test_iterator();
  test_casts();
  test_assign_overlap();
  test_ufuncs();
  test_buffers();
  lpy_mem_trim();
  printf("%d passed, %d failed\n", passed, failed);
  return failed != 0;
}
