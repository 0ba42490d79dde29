/*
** dtype.c - the dtype table, name parsing, NumPy's type promotion (with
** NEP 50 weak scalars) and reading/writing single elements.
*/
#include <complex.h>
#include <math.h>
#include <pthread.h>
#include <string.h>
#include <strings.h>
#include "lpy.h"

const lpy_dtype_info lpy_dtypes[LPY_NTYPES] = {
  {"bool", "|b1", 'b', '?', 1, LPY_KIND_BOOL},
  {"int8", "|i1", 'i', 'b', 1, LPY_KIND_INT},
  {"int16", "<i2", 'i', 'h', 2, LPY_KIND_INT},
  {"int32", "<i4", 'i', 'i', 4, LPY_KIND_INT},
  {"int64", "<i8", 'i', 'l', 8, LPY_KIND_INT},
  {"uint8", "|u1", 'u', 'B', 1, LPY_KIND_UINT},
  {"uint16", "<u2", 'u', 'H', 2, LPY_KIND_UINT},
  {"uint32", "<u4", 'u', 'I', 4, LPY_KIND_UINT},
  {"uint64", "<u8", 'u', 'L', 8, LPY_KIND_UINT},
  {"float32", "<f4", 'f', 'f', 4, LPY_KIND_FLOAT},
  {"float64", "<f8", 'f', 'd', 8, LPY_KIND_FLOAT},
  {"complex64", "<c8", 'c', 'F', 8, LPY_KIND_COMPLEX},
  {"complex128", "<c16", 'c', 'D', 16, LPY_KIND_COMPLEX},
};

static const struct { const char *name; lpy_dtype t; } aliases[] = {
  {"bool_", LPY_BOOL}, {"b1", LPY_BOOL}, {"?", LPY_BOOL},
  {"i1", LPY_INT8}, {"byte", LPY_INT8}, {"b", LPY_INT8},
  {"i2", LPY_INT16}, {"short", LPY_INT16}, {"h", LPY_INT16},
  {"i4", LPY_INT32}, {"intc", LPY_INT32}, {"i", LPY_INT32},
  {"i8", LPY_INT64}, {"int", LPY_INT64}, {"int_", LPY_INT64},
  {"intp", LPY_INT64}, {"long", LPY_INT64}, {"l", LPY_INT64},
  {"q", LPY_INT64}, {"longlong", LPY_INT64},
  {"u1", LPY_UINT8}, {"ubyte", LPY_UINT8}, {"B", LPY_UINT8},
  {"u2", LPY_UINT16}, {"ushort", LPY_UINT16}, {"H", LPY_UINT16},
  {"u4", LPY_UINT32}, {"uintc", LPY_UINT32}, {"I", LPY_UINT32},
  {"u8", LPY_UINT64}, {"uint", LPY_UINT64}, {"uintp", LPY_UINT64},
  {"ulong", LPY_UINT64}, {"L", LPY_UINT64}, {"Q", LPY_UINT64},
  {"ulonglong", LPY_UINT64},
  {"f4", LPY_FLOAT32}, {"single", LPY_FLOAT32}, {"f", LPY_FLOAT32},
  {"f8", LPY_FLOAT64}, {"float", LPY_FLOAT64}, {"double", LPY_FLOAT64},
  {"d", LPY_FLOAT64}, {"float_", LPY_FLOAT64},
  {"c8", LPY_COMPLEX64}, {"csingle", LPY_COMPLEX64}, {"F", LPY_COMPLEX64},
  {"c16", LPY_COMPLEX128}, {"complex", LPY_COMPLEX128},
  {"cdouble", LPY_COMPLEX128}, {"D", LPY_COMPLEX128},
  {"complex_", LPY_COMPLEX128},
};

int lpy_dtype_parse(const char *s) {
  size_t i;
  if (s[0] == '<' || s[0] == '|' || s[0] == '=') s++;   /* native order */
  for (i = 0; i < LPY_NTYPES; i++)
    if (strcmp(s, lpy_dtypes[i].name) == 0) return (int)i;
  for (i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
    if (strcmp(s, aliases[i].name) == 0) return (int)aliases[i].t;
  return -1;
}

lpy_dtype lpy_dtype_real(lpy_dtype t) {
  if (t == LPY_COMPLEX64) return LPY_FLOAT32;
  if (t == LPY_COMPLEX128) return LPY_FLOAT64;
  return t;
}

/* smallest signed int holding both; for uint64 with a signed type: float64 */
static lpy_dtype signed_of_size(int size) {
  switch (size) {
    case 1: return LPY_INT8;
    case 2: return LPY_INT16;
    case 4: return LPY_INT32;
    default: return LPY_INT64;
  }
}

/* the float type that holds every value of integer/bool type t exactly
   enough for NumPy's rules: up to 16-bit ints -> float32 (NumPy would say
   float16 for 8-bit, which LumPy does not have), larger -> float64 */
static int float_size_for(lpy_dtype t) {
  if (lpy_kind(t) == LPY_KIND_BOOL) return 2;
  return lpy_itemsize(t) <= 1 ? 2 : lpy_itemsize(t) <= 2 ? 4 : 8;
}

static lpy_dtype promote_rule(lpy_dtype a, lpy_dtype b) {
  int ka = lpy_kind(a), kb = lpy_kind(b), sa, sb, need;
  if (a == b || kb == LPY_KIND_BOOL) return a;
  if (ka == LPY_KIND_BOOL) return b;
  if (ka > kb) {                       /* make b the "higher" kind */
    lpy_dtype t = a; int k = ka;
    a = b; ka = kb; b = t; kb = k;
  }
  sa = lpy_itemsize(a); sb = lpy_itemsize(b);
  if (kb <= LPY_KIND_UINT) {           /* both integers */
    if (ka == kb) return sa >= sb ? a : b;
    /* a signed, b unsigned */
    if (sa > sb) return a;
    if (sb == 8) return LPY_FLOAT64;
    return signed_of_size(2 * sb);
  }
  if (ka == kb) return sa >= sb ? a : b;   /* float/float, complex/complex */
  if (kb == LPY_KIND_FLOAT) {              /* integer with float */
    need = float_size_for(a);
    return need > sb ? LPY_FLOAT64 : b;
  }
  need = (ka == LPY_KIND_FLOAT) ? sa : float_size_for(a);
  return need > sb / 2 ? LPY_COMPLEX128 : b;
}

static lpy_dtype promote_table[LPY_NTYPES][LPY_NTYPES];
static pthread_once_t promote_once = PTHREAD_ONCE_INIT;

static void fill_promote_table(void) {
  int a, b;
  for (a = 0; a < LPY_NTYPES; a++)
    for (b = 0; b < LPY_NTYPES; b++)
      promote_table[a][b] = promote_rule((lpy_dtype)a, (lpy_dtype)b);
}

lpy_dtype lpy_promote(lpy_dtype a, lpy_dtype b) {
  pthread_once(&promote_once, fill_promote_table);
  return promote_table[a][b];
}

int lpy_can_cast_safe(lpy_dtype from, lpy_dtype to) {
  return lpy_promote(from, to) == to;
}

lpy_dtype lpy_promote_weak(lpy_dtype t, int weak) {
  int k = lpy_kind(t);
  switch (weak) {
    case LPY_WEAK_INT:
      return k == LPY_KIND_BOOL ? LPY_INT64 : t;
    case LPY_WEAK_FLOAT:
      return k <= LPY_KIND_UINT ? LPY_FLOAT64 : t;
    default:
      if (k == LPY_KIND_COMPLEX) return t;
      if (t == LPY_FLOAT32) return LPY_COMPLEX64;
      return LPY_COMPLEX128;
  }
}

/* ------------------------------------------------------------ elements */
/* an element may sit at any address (a view made with view() over bytes) */
#define LOAD(T, p) ({ T v_; memcpy(&v_, (p), sizeof v_); v_; })

double lpy_get_double(lpy_dtype t, const char *p) {
  switch (t) {
    case LPY_BOOL: return LOAD(uint8_t, p) != 0;
    case LPY_INT8: return LOAD(int8_t, p);
    case LPY_INT16: return LOAD(int16_t, p);
    case LPY_INT32: return LOAD(int32_t, p);
    case LPY_INT64: return (double)LOAD(int64_t, p);
    case LPY_UINT8: return LOAD(uint8_t, p);
    case LPY_UINT16: return LOAD(uint16_t, p);
    case LPY_UINT32: return LOAD(uint32_t, p);
    case LPY_UINT64: return (double)LOAD(uint64_t, p);
    case LPY_FLOAT32: case LPY_COMPLEX64: return LOAD(float, p);
    default: return LOAD(double, p);
  }
}

int64_t lpy_get_int64(lpy_dtype t, const char *p) {
  switch (t) {
    case LPY_BOOL: return LOAD(uint8_t, p) != 0;
    case LPY_INT8: return LOAD(int8_t, p);
    case LPY_INT16: return LOAD(int16_t, p);
    case LPY_INT32: return LOAD(int32_t, p);
    case LPY_INT64: return LOAD(int64_t, p);
    case LPY_UINT8: return LOAD(uint8_t, p);
    case LPY_UINT16: return LOAD(uint16_t, p);
    case LPY_UINT32: return LOAD(uint32_t, p);
    case LPY_UINT64: return (int64_t)LOAD(uint64_t, p);
    default: {
      lpy_castfn f = lpy_cast_fn(t, LPY_INT64);
      int64_t r;
      f(p, 0, (char *)&r, 0, 1);
      return r;
    }
  }
}

void lpy_get_complex(lpy_dtype t, const char *p, double *re, double *im) {
  if (t == LPY_COMPLEX64) {
    *re = LOAD(float, p); *im = LOAD(float, p + 4);
  } else if (t == LPY_COMPLEX128) {
    *re = LOAD(double, p); *im = LOAD(double, p + 8);
  } else {
    *re = lpy_get_double(t, p); *im = 0;
  }
}

void lpy_set_scalar(lpy_dtype t, char *p, const lpy_operand *s) {
  /* a weak integer 0 whose re is -0.0 (a Lua -0.0, which counts as an
     integer before Lua 5.3) keeps its sign in a float or complex dtype */
  int negzero = s->weak == LPY_WEAK_INT && s->i == 0 && signbit(s->re);
  if (s->isbool || (s->weak == LPY_WEAK_INT && !(negzero && lpy_isinexact(t)))) {
    int64_t v = s->i;
    lpy_cast_fn(LPY_INT64, t)((const char *)&v, 0, p, 0, 1);
  } else {
    double c[2] = {s->re, s->im};
    lpy_cast_fn(LPY_COMPLEX128, t)((const char *)c, 0, p, 0, 1);
  }
}
