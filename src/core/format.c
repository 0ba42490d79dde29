/*
** format.c - NumPy-identical printing of arrays and scalars.
**
** Three layers:
**  1. exact decimal digit generation for binary32/binary64 values with a
**     small fixed-size big integer (the Steele & White / Burger & Dybvig
**     "free-format" method, with NumPy's cut-off and minimum-digit rules:
**     shortest digits that identify the value among values of ITS type,
**     optionally stopped at a digit position and rounded exactly there);
**  2. positional / scientific renderers with trimming and padding that
**     follow NumPy's format_float_positional / format_float_scientific;
**  3. the array layout of NumPy's array2string (summarising with '...',
**     line wrapping, nested brackets, per-dtype element formatters sized
**     from the shown elements).
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "format.h"

/* ------------------------------------------------------------ strings */
typedef struct sbuf {
  char *p;
  size_t n, cap;
  int oom;
} sbuf;

static int sb_reserve(sbuf *b, size_t extra) {
  size_t need, cap;
  char *q;
  if (b->oom) return 0;
  need = b->n + extra + 1;
  if (need <= b->cap) return 1;
  cap = b->cap ? b->cap : 64;
  while (cap < need) cap *= 2;
  q = realloc(b->p, cap);
  if (!q) { b->oom = 1; return 0; }
  b->p = q;
  b->cap = cap;
  return 1;
}

static void sb_putn(sbuf *b, const char *s, size_t n) {
  if (!sb_reserve(b, n)) return;
  memcpy(b->p + b->n, s, n);
  b->n += n;
  b->p[b->n] = 0;
}

static void sb_puts(sbuf *b, const char *s) { sb_putn(b, s, strlen(s)); }

static void sb_putc(sbuf *b, char c) { sb_putn(b, &c, 1); }

static void sb_fill(sbuf *b, char c, int64_t n) {
  if (n <= 0 || !sb_reserve(b, (size_t)n)) return;
  memset(b->p + b->n, c, (size_t)n);
  b->n += (size_t)n;
  b->p[b->n] = 0;
}

/* insert n copies of c at offset at */
static void sb_insert_fill(sbuf *b, size_t at, char c, int64_t n) {
  if (n <= 0 || !sb_reserve(b, (size_t)n)) return;
  memmove(b->p + at + n, b->p + at, b->n - at + 1);
  memset(b->p + at, c, (size_t)n);
  b->n += (size_t)n;
}

static void sb_free(sbuf *b) { free(b->p); b->p = NULL; b->n = b->cap = 0; }

/* ------------------------------------------------------------ big integers
   Little-endian 32-bit limbs. The largest value ever held is below 2^1300
   for binary64 (value 2^1024 or 10^324 scaled, plus a few digit positions
   of margin growth); the capacity leaves ample room and every growth path
   checks it, so a pathological request stops early instead of overflowing. */
#define BN_LIMBS 96

typedef struct bn {
  int n;          /* used limbs; 0 is the value zero */
  int ovf;        /* capacity was exceeded */
  uint32_t d[BN_LIMBS];
} bn;

static void bn_set(bn *a, uint64_t v) {
  a->ovf = 0;
  a->n = 0;
  while (v) { a->d[a->n++] = (uint32_t)v; v >>= 32; }
}

static void bn_copy(bn *a, const bn *b) {
  a->n = b->n;
  a->ovf = b->ovf;
  memcpy(a->d, b->d, (size_t)b->n * sizeof(uint32_t));
}

static void bn_mul_small(bn *a, uint32_t m) {
  uint64_t carry = 0;
  int i;
  for (i = 0; i < a->n; i++) {
    uint64_t t = (uint64_t)a->d[i] * m + carry;
    a->d[i] = (uint32_t)t;
    carry = t >> 32;
  }
  if (carry) {
    if (a->n < BN_LIMBS) a->d[a->n++] = (uint32_t)carry;
    else a->ovf = 1;
  }
}

static void bn_mul_pow10(bn *a, int k) {
  static const uint32_t p10[10] = {1u, 10u, 100u, 1000u, 10000u, 100000u,
                                   1000000u, 10000000u, 100000000u,
                                   1000000000u};
  while (k >= 9) { bn_mul_small(a, p10[9]); k -= 9; }
  if (k > 0) bn_mul_small(a, p10[k]);
}

static void bn_shl(bn *a, int s) {
  int limbs = s / 32, bits = s % 32, i;
  if (a->n == 0 || s <= 0) return;
  if (a->n + limbs + 1 > BN_LIMBS) { a->ovf = 1; return; }
  if (bits) {
    uint32_t carry = 0;
    for (i = 0; i < a->n; i++) {
      uint32_t v = a->d[i];
      a->d[i] = (v << bits) | carry;
      carry = v >> (32 - bits);
    }
    if (carry) a->d[a->n++] = carry;
  }
  if (limbs) {
    memmove(a->d + limbs, a->d, (size_t)a->n * sizeof(uint32_t));
    memset(a->d, 0, (size_t)limbs * sizeof(uint32_t));
    a->n += limbs;
  }
}

static int bn_cmp(const bn *a, const bn *b) {
  int i;
  if (a->n != b->n) return a->n < b->n ? -1 : 1;
  for (i = a->n - 1; i >= 0; i--)
    if (a->d[i] != b->d[i]) return a->d[i] < b->d[i] ? -1 : 1;
  return 0;
}

static void bn_add(bn *r, const bn *a, const bn *b) {
  const bn *x = a->n >= b->n ? a : b, *y = a->n >= b->n ? b : a;
  uint64_t carry = 0;
  int i;
  for (i = 0; i < x->n; i++) {
    uint64_t t = (uint64_t)x->d[i] + (i < y->n ? y->d[i] : 0) + carry;
    r->d[i] = (uint32_t)t;
    carry = t >> 32;
  }
  r->n = x->n;
  r->ovf = a->ovf | b->ovf;
  if (carry) {
    if (r->n < BN_LIMBS) r->d[r->n++] = (uint32_t)carry;
    else r->ovf = 1;
  }
}

/* a -= b, requires a >= b */
static void bn_sub(bn *a, const bn *b) {
  int64_t borrow = 0;
  int i;
  for (i = 0; i < a->n; i++) {
    int64_t t = (int64_t)a->d[i] - (i < b->n ? b->d[i] : 0) - borrow;
    borrow = t < 0;
    a->d[i] = (uint32_t)(t + (borrow ? ((int64_t)1 << 32) : 0));
  }
  while (a->n > 0 && a->d[a->n - 1] == 0) a->n--;
}

/* ------------------------------------------------------------ digits */
enum { CUT_TOTAL, CUT_FRAC };

#define DIGITS_MAX 1100

/* A finite binary float, value = m * 2^e. */
typedef struct fparts {
  uint64_t m;
  int e;
  int unequal;   /* gap below is half the gap above (m is a power of two) */
  int neg;       /* sign bit */
  int cls;       /* 0 finite, 1 inf, 2 nan */
} fparts;

static void decompose(double x, int is32, fparts *f) {
  if (is32) {
    float v = (float)x;
    uint32_t u, fm, fe;
    memcpy(&u, &v, 4);
    fm = u & 0x7fffffu;
    fe = (u >> 23) & 0xffu;
    f->neg = (int)(u >> 31);
    f->cls = fe == 0xff ? (fm ? 2 : 1) : 0;
    if (fe) { f->m = fm | 0x800000u; f->e = (int)fe - 150; }
    else { f->m = fm; f->e = -149; }
    f->unequal = fe > 1 && fm == 0;
  } else {
    uint64_t u, fm;
    unsigned fe;
    memcpy(&u, &x, 8);
    fm = u & 0xfffffffffffffull;
    fe = (unsigned)((u >> 52) & 0x7ff);
    f->neg = (int)(u >> 63);
    f->cls = fe == 0x7ff ? (fm ? 2 : 1) : 0;
    if (fe) { f->m = fm | (1ull << 52); f->e = (int)fe - 1075; }
    else { f->m = fm; f->e = -1074; }
    f->unequal = fe > 1 && fm == 0;
  }
}

/* Generate the decimal digits of m*2^e (m > 0 or zero).
   Digits stop as soon as they identify the value among its neighbours
   (boundaries count when m is even, as round-half-even reading would
   return it), but not before the digit at exponent 'cutmin' position and
   never after the 'cutmax' position; cutmax/cutmin are digit counts: total
   significant digits (CUT_TOTAL) or digits after the point (CUT_FRAC),
   -1 for none. The last digit is rounded on the exact value (ties to an
   even digit) unless only one of the two neighbours is admissible.
   Returns the number of digits written to out (at most DIGITS_MAX) and
   the decimal exponent of the first digit in *pexp. */
static int gen_digits(const fparts *f, int mode, int cutmax, int cutmin,
                      char *out, int *pexp) {
  bn r, s, mm, mp, t;
  int even = (f->m & 1) == 0, k, nd = 0, dexp, cmax, cmin;
  int low = 0, high = 0, rdown;
  unsigned dig = 0;
  int e = f->e;

  if (f->m == 0) { out[0] = '0'; *pexp = 0; return 1; }

  /* value = r/s, half gaps below/above = mm/s, mp/s */
  bn_set(&r, f->m);
  if (!f->unequal) {
    if (e >= 0) {
      bn_shl(&r, e + 1); bn_set(&s, 2);
      bn_set(&mm, 1); bn_shl(&mm, e);
    } else {
      bn_shl(&r, 1); bn_set(&s, 1); bn_shl(&s, 1 - e);
      bn_set(&mm, 1);
    }
    bn_copy(&mp, &mm);
  } else {
    if (e >= 0) {
      bn_shl(&r, e + 2); bn_set(&s, 4);
      bn_set(&mm, 1); bn_shl(&mm, e);
    } else {
      bn_shl(&r, 2); bn_set(&s, 1); bn_shl(&s, 2 - e);
      bn_set(&mm, 1);
    }
    bn_copy(&mp, &mm);
    bn_shl(&mp, 1);
  }

  /* k with 10^(k-1) <= value < 10^k: estimate, scale, then correct */
  k = (int)ceil(log10(ldexp((double)f->m, e)));
  if (k > 0) bn_mul_pow10(&s, k);
  else if (k < 0) {
    bn_mul_pow10(&r, -k); bn_mul_pow10(&mm, -k); bn_mul_pow10(&mp, -k);
  }
  while (bn_cmp(&r, &s) >= 0) { bn_mul_small(&s, 10); k++; }
  for (;;) {
    bn_copy(&t, &r);
    bn_mul_small(&t, 10);
    if (bn_cmp(&t, &s) >= 0) break;
    bn_copy(&r, &t); bn_mul_small(&mm, 10); bn_mul_small(&mp, 10); k--;
  }
  /* a fractional cut-off above the first digit: start at the cut-off */
  if (mode == CUT_FRAC && cutmax >= 0 && k <= -cutmax) {
    bn_mul_pow10(&s, -cutmax + 1 - k);
    k = -cutmax + 1;
  }

  cmax = k - DIGITS_MAX;
  if (cutmax >= 0) {
    int want = mode == CUT_TOTAL ? k - cutmax : -cutmax;
    if (want > cmax) cmax = want;
  }
  cmin = k;
  if (cutmin >= 0) {
    int want = mode == CUT_TOTAL ? k - cutmin : -cutmin;
    if (want < cmin) cmin = want;
  }
  *pexp = k - 1;

  dexp = k;
  for (;;) {
    int c;
    dexp--;
    bn_mul_small(&r, 10); bn_mul_small(&mm, 10); bn_mul_small(&mp, 10);
    dig = 0;
    while (bn_cmp(&r, &s) >= 0) { bn_sub(&r, &s); dig++; }
    c = bn_cmp(&r, &mm);
    low = even ? c <= 0 : c < 0;
    bn_add(&t, &r, &mp);
    c = bn_cmp(&t, &s);
    high = even ? c >= 0 : c > 0;
    if (((low || high) && dexp <= cmin) || dexp == cmax ||
        r.ovf || mm.ovf || mp.ovf || t.ovf || nd >= DIGITS_MAX - 1)
      break;
    out[nd++] = (char)('0' + dig);
  }

  rdown = low;
  if (low == high) {
    int c;
    bn_copy(&t, &r);
    bn_mul_small(&t, 2);
    c = bn_cmp(&t, &s);
    rdown = c < 0;
    if (c == 0) rdown = (dig & 1) == 0;
  }
  if (rdown) out[nd++] = (char)('0' + dig);
  else if (dig < 9) out[nd++] = (char)('0' + dig + 1);
  else {
    for (;;) {
      if (nd == 0) { out[nd++] = '1'; *pexp += 1; break; }
      if (out[nd - 1] != '9') { out[nd - 1]++; break; }
      nd--;
    }
  }
  return nd;
}

/* ------------------------------------------------------------ renderers */
enum { TRIM_NONE, TRIM_ZEROS, TRIM_LEAVE0, TRIM_DPT };  /* k . 0 - */

typedef struct dopts {
  int precision;    /* -1: no cut-off */
  int min_digits;   /* -1: none */
  int trim;
  int sign_plus;    /* print '+' for non-negative values */
  int pad_left;     /* -1: none */
  int pad_right;    /* -1: none */
  int exp_digits;   /* scientific: minimum exponent digits, -1 -> 2 */
} dopts;

static const dopts DOPTS_PLAIN = {-1, -1, TRIM_LEAVE0, 0, -1, -1, -1};

/* NumPy's dragon4_positional(unique=True, fractional=True) */
static void fmt_positional(sbuf *b, const fparts *f, const dopts *o) {
  char dg[DIGITS_MAX + 1];
  int nd, pexp, whole, nfrac = 0, has_sign = 0, want;
  size_t start = b->n;

  if (f->neg) { sb_putc(b, '-'); has_sign = 1; }
  else if (o->sign_plus) { sb_putc(b, '+'); has_sign = 1; }
  nd = gen_digits(f, CUT_FRAC, o->precision, o->min_digits, dg, &pexp);
  if (pexp >= 0) {
    whole = pexp + 1;
    if (nd <= whole) {
      sb_putn(b, dg, (size_t)nd);
      sb_fill(b, '0', whole - nd);
    } else {
      sb_putn(b, dg, (size_t)whole);
      sb_putc(b, '.');
      sb_putn(b, dg + whole, (size_t)(nd - whole));
      nfrac = nd - whole;
    }
  } else {
    whole = 1;
    sb_puts(b, "0.");
    sb_fill(b, '0', -(pexp + 1));
    sb_putn(b, dg, (size_t)nd);
    nfrac = nd - (pexp + 1);
  }
  if (o->trim != TRIM_DPT && nfrac == 0) sb_putc(b, '.');
  want = o->min_digits < 0 ? 0 : o->min_digits;
  if (o->trim == TRIM_LEAVE0) {
    if (nfrac == 0) { sb_putc(b, '0'); nfrac = 1; }
  } else if (o->trim == TRIM_NONE && want > nfrac) {
    sb_fill(b, '0', want - nfrac);
    nfrac = want;
  }
  if (b->oom) return;
  if (o->trim != TRIM_NONE && nfrac > 0) {
    while (b->p[b->n - 1] == '0') { b->n--; nfrac--; }
    if (b->p[b->n - 1] == '.') {
      if (o->trim == TRIM_LEAVE0) { b->n++; nfrac++; }   /* keep a '0' */
      else if (o->trim == TRIM_DPT) b->n--;
    }
    b->p[b->n] = 0;
  }
  if (o->pad_right >= nfrac) {
    if (o->trim == TRIM_DPT && nfrac == 0) sb_putc(b, ' ');
    sb_fill(b, ' ', o->pad_right - nfrac);
  }
  if (o->pad_left > whole + has_sign)
    sb_insert_fill(b, start, ' ', o->pad_left - (whole + has_sign));
}

/* NumPy's dragon4_scientific(unique=True) */
static void fmt_scientific(sbuf *b, const fparts *f, const dopts *o) {
  char dg[DIGITS_MAX + 1], ebuf[16];
  int nd, pexp, nfrac, want, has_sign = f->neg || o->sign_plus, ed, i;
  unsigned ex;

  if (o->pad_left > 1 + has_sign) sb_fill(b, ' ', o->pad_left - 1 - has_sign);
  if (f->neg) sb_putc(b, '-');
  else if (o->sign_plus) sb_putc(b, '+');
  nd = gen_digits(f, CUT_TOTAL, o->precision < 0 ? -1 : o->precision + 1,
                  o->min_digits < 0 ? -1 : o->min_digits + 1, dg, &pexp);
  sb_putc(b, dg[0]);
  nfrac = nd - 1;
  if (nfrac > 0) { sb_putc(b, '.'); sb_putn(b, dg + 1, (size_t)nfrac); }
  if (o->trim != TRIM_DPT && nfrac == 0) sb_putc(b, '.');
  want = o->min_digits < 0 ? 0 : o->min_digits;
  if (o->trim == TRIM_LEAVE0) {
    if (nfrac == 0) { sb_putc(b, '0'); nfrac = 1; }
  } else if (o->trim == TRIM_NONE && want > nfrac) {
    sb_fill(b, '0', want - nfrac);
    nfrac = want;
  }
  if (b->oom) return;
  if (o->trim != TRIM_NONE && nfrac > 0) {
    while (b->p[b->n - 1] == '0') b->n--;
    if (o->trim == TRIM_LEAVE0 && b->p[b->n - 1] == '.') b->n++;
    b->p[b->n] = 0;
  }
  ed = o->exp_digits < 0 ? 2 : (o->exp_digits > 5 ? 5 : o->exp_digits);
  ex = (unsigned)(pexp < 0 ? -pexp : pexp);
  i = snprintf(ebuf, sizeof ebuf, "e%c%0*u", pexp < 0 ? '-' : '+', ed, ex);
  sb_putn(b, ebuf, (size_t)i);
}

/* NumPy's str() of a float scalar: positional for 1e-4 <= |x| < 1e16 (and
   0 and nan), else scientific; unique digits, no cut-off. */
static void fmt_float_str(sbuf *b, double x, int is32, int trim_pos,
                          int trim_sci, int sign_plus) {
  fparts f;
  dopts o = DOPTS_PLAIN;
  long double ax;
  decompose(x, is32, &f);
  if (f.cls == 2) { sb_puts(b, "nan"); return; }
  if (f.cls == 1) {
    sb_puts(b, f.neg ? "-inf" : sign_plus ? "+inf" : "inf");
    return;
  }
  o.sign_plus = sign_plus;
  ax = fabsl((long double)(is32 ? (double)(float)x : x));
  if (ax == 0 || (ax < 1.e16L && ax >= 1.e-4L)) {
    o.trim = trim_pos;
    fmt_positional(b, &f, &o);
  } else {
    o.trim = trim_sci;
    fmt_scientific(b, &f, &o);
  }
}

static void fmt_complex_str(sbuf *b, double re, double im, int is32) {
  fparts fr, fi;
  decompose(re, is32, &fr);
  decompose(im, is32, &fi);
  if (re == 0 && !fr.neg) {
    fmt_float_str(b, im, is32, TRIM_DPT, TRIM_DPT, 0);
    sb_putc(b, 'j');
    return;
  }
  sb_putc(b, '(');
  if (fr.cls == 0) fmt_float_str(b, re, is32, TRIM_DPT, TRIM_DPT, 0);
  else sb_puts(b, fr.cls == 2 ? "nan" : fr.neg ? "-inf" : "inf");
  if (fi.cls == 0) fmt_float_str(b, im, is32, TRIM_DPT, TRIM_DPT, 1);
  else sb_puts(b, fi.cls == 2 ? "+nan" : fi.neg ? "-inf" : "+inf");
  sb_puts(b, "j)");
}

/* ------------------------------------------------------------ elements */
static int is_single(lpy_dtype t) {
  return t == LPY_FLOAT32 || t == LPY_COMPLEX64;
}

/* part 0: the value (real part), part 1: imaginary part */
static double rd_part(lpy_dtype t, const char *p, int part) {
  if (t == LPY_FLOAT32 || t == LPY_COMPLEX64) {
    float v;
    memcpy(&v, p + (part ? 4 : 0), 4);
    return v;
  } else {
    double v;
    memcpy(&v, p + (part ? 8 : 0), 8);
    return v;
  }
}

static void fmt_int_str(sbuf *b, lpy_dtype t, const char *p, int width) {
  char tmp[32];
  int n;
  if (t == LPY_UINT64) {
    uint64_t v;
    memcpy(&v, p, 8);
    n = snprintf(tmp, sizeof tmp, "%*llu", width, (unsigned long long)v);
  } else {
    n = snprintf(tmp, sizeof tmp, "%*lld", width,
                 (long long)lpy_get_int64(t, p));
  }
  if (n > 0) sb_putn(b, tmp, (size_t)n);
}

static void fmt_scalar_sb(sbuf *b, lpy_dtype t, const char *p) {
  switch (lpy_kind(t)) {
    case LPY_KIND_BOOL: sb_puts(b, *(const uint8_t *)p ? "True" : "False");
      break;
    case LPY_KIND_INT: case LPY_KIND_UINT: fmt_int_str(b, t, p, 0); break;
    case LPY_KIND_FLOAT:
      fmt_float_str(b, rd_part(t, p, 0), is_single(t), TRIM_LEAVE0,
                    TRIM_DPT, 0);
      break;
    default:
      fmt_complex_str(b, rd_part(t, p, 0), rd_part(t, p, 1), is_single(t));
  }
}

/* ------------------------------------------------------------ array layout */
/* NumPy's FloatingFormat for floatmode 'maxprec' */
typedef struct ffmt {
  int is32;
  int exp_format;
  int sign_plus;
  dopts d;
} ffmt;

typedef struct ctx {
  const lpy_array *a;
  const lpy_printopts *o;
  int summarise;
  int intw;              /* integer field width */
  ffmt ff[2];            /* real (or the value) and imaginary formats */
  sbuf out, line, row, word, tmp;
  /* statistics gathered over the shown elements */
  int part;
  int have_nz, any_finite, any_nonfinite, any_neginf;
  double maxd, mind;
  float maxf, minf;
  int maxint, maxfrac, maxexp;
  int64_t imax, imin;
  uint64_t umax, umin;
  int have_int;
} ctx;

typedef void (*visit_fn)(ctx *c, const char *p);

/* every element NumPy's summarised copy (_leading_trailing) holds */
static void visit(ctx *c, const char *p, int axis, visit_fn fn) {
  const lpy_array *a = c->a;
  int64_t n, i, e = c->o->edgeitems, st;
  if (axis == a->ndim) { fn(c, p); return; }
  n = a->shape[axis];
  st = a->strides[axis];
  if (c->summarise && n > 2 * e) {
    for (i = 0; i < e; i++) visit(c, p + i * st, axis + 1, fn);
    for (i = e ? n - e : 0; i < n; i++) visit(c, p + i * st, axis + 1, fn);
  } else {
    for (i = 0; i < n; i++) visit(c, p + i * st, axis + 1, fn);
  }
}

static void st_minmax(ctx *c, const char *p) {
  double v = rd_part(c->a->dtype, p, c->part);
  if (isnan(v) || isinf(v)) {
    c->any_nonfinite = 1;
    if (isinf(v) && v < 0) c->any_neginf = 1;
    return;
  }
  c->any_finite = 1;
  if (v == 0) return;
  if (c->ff[c->part].is32) {
    float av = fabsf((float)v);
    if (!c->have_nz || av > c->maxf) c->maxf = av;
    if (!c->have_nz || av < c->minf) c->minf = av;
  } else {
    double av = fabs(v);
    if (!c->have_nz || av > c->maxd) c->maxd = av;
    if (!c->have_nz || av < c->mind) c->mind = av;
  }
  c->have_nz = 1;
}

/* measure the trimmed first-pass text of one finite value */
static void st_measure(ctx *c, const char *p) {
  ffmt *ff = &c->ff[c->part];
  double v = rd_part(c->a->dtype, p, c->part);
  fparts f;
  dopts o = {c->o->precision, -1, TRIM_ZEROS, ff->sign_plus, -1, -1, -1};
  const char *s, *dot, *ep;
  int li, lf, le = 0;
  decompose(v, ff->is32, &f);
  if (f.cls) return;
  c->tmp.n = 0;
  if (ff->exp_format) fmt_scientific(&c->tmp, &f, &o);
  else fmt_positional(&c->tmp, &f, &o);
  if (c->tmp.oom) return;
  s = c->tmp.p;
  dot = strchr(s, '.');
  ep = strchr(s, 'e');
  if (!dot) dot = ep ? ep : s + c->tmp.n;
  li = (int)(dot - s);
  if (ep) {
    lf = *dot == '.' ? (int)(ep - dot - 1) : 0;
    le = (int)strlen(ep + 1);
  } else {
    lf = *dot == '.' ? (int)strlen(dot + 1) : 0;
  }
  if (li > c->maxint) c->maxint = li;
  if (lf > c->maxfrac) c->maxfrac = lf;
  if (le > c->maxexp) c->maxexp = le;
}

/* NumPy's FloatingFormat.fillFormat over part 'part' of the shown data */
static void fill_float(ctx *c, int part, int is32, int sign_plus) {
  ffmt *ff = &c->ff[part];
  const lpy_printopts *o = c->o;
  memset(ff, 0, sizeof *ff);
  ff->is32 = is32;
  ff->sign_plus = sign_plus;
  c->part = part;
  c->have_nz = c->any_finite = c->any_nonfinite = c->any_neginf = 0;
  c->maxint = c->maxfrac = c->maxexp = 0;
  visit(c, c->a->data, 0, st_minmax);
  if (c->have_nz) {
    if (is32) {
      float mx = c->maxf, mn = c->minf;
      if (mx >= 1.e8f || (!o->suppress && (mn < 0.0001f ||
                                           mx / mn > 1000.0f)))
        ff->exp_format = 1;
    } else {
      double mx = c->maxd, mn = c->mind;
      if (mx >= 1.e8 || (!o->suppress && (mn < 0.0001 || mx / mn > 1000.)))
        ff->exp_format = 1;
    }
  }
  ff->d = DOPTS_PLAIN;
  ff->d.sign_plus = sign_plus;
  if (!c->any_finite) {
    ff->d.pad_left = 0;
    ff->d.pad_right = 0;
    ff->d.trim = TRIM_ZEROS;
  } else {
    visit(c, c->a->data, 0, st_measure);
    if (ff->exp_format) {
      int esz = c->maxexp - 1;
      ff->d.exp_digits = esz;
      ff->d.trim = TRIM_NONE;
      ff->d.precision = c->maxfrac;
      ff->d.min_digits = c->maxfrac;
      ff->d.pad_left = c->maxint;
      ff->d.pad_right = esz + 2 + c->maxfrac;
    } else {
      ff->d.precision = o->precision;
      ff->d.min_digits = 0;
      ff->d.trim = TRIM_ZEROS;
      ff->d.pad_left = c->maxint;
      ff->d.pad_right = c->maxfrac;
    }
  }
  if (c->any_nonfinite) {
    int neginf = sign_plus || c->any_neginf;
    int off = ff->d.pad_right + 1;
    if (3 - off > ff->d.pad_left) ff->d.pad_left = 3 - off;
    if (3 + neginf - off > ff->d.pad_left) ff->d.pad_left = 3 + neginf - off;
  }
}

static void ff_call(const ffmt *ff, sbuf *b, double v) {
  fparts f;
  decompose(v, ff->is32, &f);
  if (f.cls) {
    const char *s = f.cls == 2 ? (ff->sign_plus ? "+nan" : "nan")
                               : f.neg ? "-inf" : ff->sign_plus ? "+inf"
                                                                : "inf";
    sb_fill(b, ' ', ff->d.pad_left + ff->d.pad_right + 1 - (int)strlen(s));
    sb_puts(b, s);
    return;
  }
  if (ff->exp_format) fmt_scientific(b, &f, &ff->d);
  else fmt_positional(b, &f, &ff->d);
}

static void st_int(ctx *c, const char *p) {
  if (c->a->dtype == LPY_UINT64) {
    uint64_t v;
    memcpy(&v, p, 8);
    if (!c->have_int || v > c->umax) c->umax = v;
    if (!c->have_int || v < c->umin) c->umin = v;
  } else {
    int64_t v = lpy_get_int64(c->a->dtype, p);
    if (!c->have_int || v > c->imax) c->imax = v;
    if (!c->have_int || v < c->imin) c->imin = v;
  }
  c->have_int = 1;
}

static void fill_int(ctx *c) {
  char tmp[32];
  int l1, l2;
  c->have_int = 0;
  visit(c, c->a->data, 0, st_int);
  if (c->a->dtype == LPY_UINT64) {
    l1 = snprintf(tmp, sizeof tmp, "%llu", (unsigned long long)c->umax);
    l2 = snprintf(tmp, sizeof tmp, "%llu", (unsigned long long)c->umin);
  } else {
    l1 = snprintf(tmp, sizeof tmp, "%lld", (long long)c->imax);
    l2 = snprintf(tmp, sizeof tmp, "%lld", (long long)c->imin);
  }
  c->intw = l1 > l2 ? l1 : l2;
}

/* the formatted element at p appended to b */
static void fmt_elem(ctx *c, sbuf *b, const char *p) {
  lpy_dtype t = c->a->dtype;
  switch (lpy_kind(t)) {
    case LPY_KIND_BOOL:
      sb_puts(b, *(const uint8_t *)p ? " True" : "False");
      break;
    case LPY_KIND_INT: case LPY_KIND_UINT: fmt_int_str(b, t, p, c->intw);
      break;
    case LPY_KIND_FLOAT: ff_call(&c->ff[0], b, rd_part(t, p, 0)); break;
    default: {
      size_t at, end;
      ff_call(&c->ff[0], b, rd_part(t, p, 0));
      at = b->n;
      ff_call(&c->ff[1], b, rd_part(t, p, 1));
      if (b->oom) return;
      /* 'j' goes before the imaginary part's trailing blanks */
      end = b->n;
      while (end > at && b->p[end - 1] == ' ') end--;
      sb_insert_fill(b, end, 'j', 1);
    }
  }
}

/* NumPy's _extendLine: wrap before 'word' when the line would get longer
   than width, unless the line holds only its indent */
static void extend_line(ctx *c, const char *w, size_t wn, int width,
                        int hang) {
  sbuf *line = &c->line;
  if ((int64_t)(line->n + wn) > width && line->n > (size_t)hang) {
    size_t n = line->n;
    while (n > 0 && line->p[n - 1] == ' ') n--;
    sb_putn(&c->row, line->p, n);
    sb_putc(&c->row, '\n');
    line->n = 0;
    sb_fill(line, ' ', hang);
  }
  sb_putn(line, w, wn);
}

static void layout(ctx *c, const char *p, int axis) {
  const lpy_array *a = c->a;
  int left = a->ndim - axis, hang = axis + 1;
  int64_t width = (int64_t)c->o->linewidth - axis;
  int64_t n = a->shape[axis], st = a->strides[axis], e = c->o->edgeitems;
  int summ = c->summarise && 2 * e < n;
  int64_t lead = summ ? e : 0, i;
  /* NumPy always shows the last item, even with edgeitems 0 */
  int64_t tail0 = n - (summ && e > 0 ? e : summ ? 1 : n);
  sbuf *out = &c->out;

  if (left == 1) {
    int64_t ew = width - 1;
    int ewi = ew < -1 ? -1 : ew > 0x7fffffff ? 0x7fffffff : (int)ew;
    c->row.n = 0;
    c->line.n = 0;
    sb_fill(&c->line, ' ', hang);
    for (i = 0; i < lead; i++) {
      c->word.n = 0;
      fmt_elem(c, &c->word, p + i * st);
      extend_line(c, c->word.p, c->word.n, ewi, hang);
      sb_putc(&c->line, ' ');
    }
    if (summ) {
      extend_line(c, "...", 3, ewi, hang);
      sb_putc(&c->line, ' ');
    }
    for (i = tail0; i < n; i++) {
      c->word.n = 0;
      fmt_elem(c, &c->word, p + i * st);
      if (c->word.oom) { c->out.oom = 1; return; }
      extend_line(c, c->word.p, c->word.n, ewi, hang);
      if (i < n - 1) sb_putc(&c->line, ' ');
    }
    sb_putn(&c->row, c->line.p, c->line.n);
    if (c->row.oom || c->line.oom || c->word.oom) { out->oom = 1; return; }
    sb_putc(out, '[');
    sb_putn(out, c->row.p + hang, c->row.n - (size_t)hang);
    sb_putc(out, ']');
    return;
  }

  sb_putc(out, '[');
  {
    int first = 1;
    for (i = 0; i < lead; i++) {
      if (!first) sb_fill(out, ' ', hang);
      first = 0;
      layout(c, p + i * st, axis + 1);
      sb_fill(out, '\n', left - 1);
    }
    if (summ) {
      if (!first) sb_fill(out, ' ', hang);
      first = 0;
      sb_puts(out, "...");
      sb_fill(out, '\n', left - 1);
    }
    for (i = tail0; i < n; i++) {
      if (!first) sb_fill(out, ' ', hang);
      first = 0;
      layout(c, p + i * st, axis + 1);
      if (i < n - 1) sb_fill(out, '\n', left - 1);
    }
  }
  sb_putc(out, ']');
}

/* ------------------------------------------------------------ public */
void lpy_printopts_default(lpy_printopts *o) {
  o->precision = 8;
  o->threshold = 1000;
  o->edgeitems = 3;
  o->linewidth = 75;
  o->suppress = 0;
}

static char *finish(sbuf *b, size_t *len, lpy_err *e) {
  if (b->oom || !sb_reserve(b, 0)) {
    sb_free(b);
    lpy_err_set(e, LPY_EMEMORY, "out of memory while formatting");
    return NULL;
  }
  if (len) *len = b->n;
  return b->p;
}

char *lpy_format_scalar(lpy_dtype t, const char *p, size_t *len,
                        lpy_err *e) {
  sbuf b = {0};
  if ((unsigned)t >= LPY_NTYPES) {
    lpy_err_set(e, LPY_ETYPE, "unknown dtype");
    return NULL;
  }
  fmt_scalar_sb(&b, t, p);
  return finish(&b, len, e);
}

size_t lpy_format_scalar_buf(lpy_dtype t, const char *p, char *buf,
                             size_t n) {
  sbuf b = {0};
  size_t len;
  if ((unsigned)t >= LPY_NTYPES) { if (n) buf[0] = 0; return 0; }
  fmt_scalar_sb(&b, t, p);
  if (b.oom) { /* cannot happen for the short texts of scalars */
    sb_free(&b);
    if (n) buf[0] = 0;
    return 0;
  }
  len = b.n;
  if (n) {
    size_t m = len < n - 1 ? len : n - 1;
    memcpy(buf, b.p, m);
    buf[m] = 0;
  }
  sb_free(&b);
  return len;
}

char *lpy_format_array(const lpy_array *a, const lpy_printopts *opts,
                       size_t *len, lpy_err *e) {
  ctx c;
  lpy_printopts def;
  char *res;
  if (!opts) { lpy_printopts_default(&def); opts = &def; }
  if (opts->precision < 0 || opts->edgeitems < 0 || opts->linewidth < 0) {
    lpy_err_set(e, LPY_EVALUE, "print options must be non-negative");
    return NULL;
  }
  if (a->ndim == 0) return lpy_format_scalar(a->dtype, a->data, len, e);
  if (a->size == 0) {
    sbuf b = {0};
    sb_puts(&b, "[]");
    return finish(&b, len, e);
  }
  memset(&c, 0, sizeof c);
  c.a = a;
  c.o = opts;
  c.summarise = a->size > opts->threshold;
  switch (lpy_kind(a->dtype)) {
    case LPY_KIND_INT: case LPY_KIND_UINT: fill_int(&c); break;
    case LPY_KIND_FLOAT: fill_float(&c, 0, is_single(a->dtype), 0); break;
    case LPY_KIND_COMPLEX:
      fill_float(&c, 0, is_single(a->dtype), 0);
      fill_float(&c, 1, is_single(a->dtype), 1);
      break;
    default: break;
  }
  if (c.tmp.oom) c.out.oom = 1;
  if (!c.out.oom) layout(&c, a->data, 0);
  sb_free(&c.line);
  sb_free(&c.row);
  sb_free(&c.word);
  sb_free(&c.tmp);
  res = finish(&c.out, len, e);
  return res;
}
