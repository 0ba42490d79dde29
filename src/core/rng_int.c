/*
** rng_int.c - uniform integers in [low, high) or [low, high]: NumPy's
** bounded-integer algorithms (Lemire's multiply-and-reject, or the masked
** rejection of the legacy RandomState) with NumPy's use of the raw words:
** 8- and 16-bit values and bools cut from buffered 32-bit words, 32-bit
** ranges from 32-bit words, wider from 64-bit words. Also the bounds
** checks with NumPy's messages, for scalar and array low / high.
*/
#include <math.h>
#include <string.h>
#include "rng_bg.h"

typedef __int128 i128;

static uint64_t gen_mask(uint64_t m) {
  m |= m >> 1; m |= m >> 2; m |= m >> 4;
  m |= m >> 8; m |= m >> 16; m |= m >> 32;
  return m;
}

/* the narrow words: 16 and 8 bits from a buffered 32-bit word */
typedef struct nbuf { uint32_t buf; int bcnt; } nbuf;

static inline uint16_t next16(lpy_bitgen *bg, nbuf *b) {
  if (!b->bcnt) { b->buf = lpy_rng_u32(bg); b->bcnt = 1; }
  else { b->buf >>= 16; b->bcnt--; }
  return (uint16_t)b->buf;
}
static inline uint8_t next8(lpy_bitgen *bg, nbuf *b) {
  if (!b->bcnt) { b->buf = lpy_rng_u32(bg); b->bcnt = 3; }
  else { b->buf >>= 8; b->bcnt--; }
  return (uint8_t)b->buf;
}
static inline int nextbool(lpy_bitgen *bg, nbuf *b) {
  if (!b->bcnt) { b->buf = lpy_rng_u32(bg); b->bcnt = 31; }
  else { b->buf >>= 1; b->bcnt--; }
  return (b->buf & 1) != 0;
}

/* Lemire: the high half of word * (rng + 1), rejecting the biased low
   halves. rng is below the word's all-ones. */
static inline uint64_t lemire64(lpy_bitgen *bg, uint64_t rng) {
  uint64_t ex = rng + 1, lo;
  unsigned __int128 m = (unsigned __int128)lpy_rng_u64(bg) * ex;
  lo = (uint64_t)m;
  if (lo < ex) {
    uint64_t th = (UINT64_MAX - rng) % ex;
    while (lo < th) {
      m = (unsigned __int128)lpy_rng_u64(bg) * ex;
      lo = (uint64_t)m;
    }
  }
  return (uint64_t)(m >> 64);
}
static inline uint32_t lemire32(lpy_bitgen *bg, uint32_t rng) {
  uint32_t ex = rng + 1, lo;
  uint64_t m = (uint64_t)lpy_rng_u32(bg) * ex;
  lo = (uint32_t)m;
  if (lo < ex) {
    uint32_t th = (UINT32_MAX - rng) % ex;
    while (lo < th) {
      m = (uint64_t)lpy_rng_u32(bg) * ex;
      lo = (uint32_t)m;
    }
  }
  return (uint32_t)(m >> 32);
}
static inline uint16_t lemire16(lpy_bitgen *bg, uint16_t rng, nbuf *b) {
  uint16_t ex = (uint16_t)(rng + 1), lo;
  uint32_t m = (uint32_t)next16(bg, b) * ex;
  lo = (uint16_t)m;
  if (lo < ex) {
    uint16_t th = (uint16_t)((UINT16_MAX - rng) % ex);
    while (lo < th) {
      m = (uint32_t)next16(bg, b) * ex;
      lo = (uint16_t)m;
    }
  }
  return (uint16_t)(m >> 16);
}
static inline uint8_t lemire8(lpy_bitgen *bg, uint8_t rng, nbuf *b) {
  uint8_t ex = (uint8_t)(rng + 1), lo;
  uint16_t m = (uint16_t)(next8(bg, b) * ex);
  lo = (uint8_t)m;
  if (lo < ex) {
    uint8_t th = (uint8_t)((UINT8_MAX - rng) % ex);
    while (lo < th) {
      m = (uint16_t)(next8(bg, b) * ex);
      lo = (uint8_t)m;
    }
  }
  return (uint8_t)(m >> 8);
}

/* one value in [off, off + rng] (wrapping) of width bits (1: bool), the
   narrow buffer b shared along a fill as in NumPy */
static inline uint64_t bounded(lpy_bitgen *bg, int bits, uint64_t off,
                               uint64_t rng, uint64_t mask, int masked,
                               nbuf *b) {
  uint64_t v;
  if (rng == 0) return off;
  switch (bits) {
    case 1: return nextbool(bg, b);
    case 8:
      if (rng == 0xFF) return off + next8(bg, b);
      if (masked) { while ((v = next8(bg, b) & mask) > rng) ; return off + v; }
      return off + lemire8(bg, (uint8_t)rng, b);
    case 16:
      if (rng == 0xFFFF) return off + next16(bg, b);
      if (masked) { while ((v = next16(bg, b) & mask) > rng) ; return off + v; }
      return off + lemire16(bg, (uint16_t)rng, b);
    default:
      if (rng <= 0xFFFFFFFFu) {
        if (rng == 0xFFFFFFFFu) return off + lpy_rng_u32(bg);
        if (masked) { while ((v = lpy_rng_u32(bg) & mask) > rng) ; return off + v; }
        return off + lemire32(bg, (uint32_t)rng);
      }
      if (rng == UINT64_MAX) return off + lpy_rng_u64(bg);
      if (masked) { while ((v = lpy_rng_u64(bg) & mask) > rng) ; return off + v; }
      return off + lemire64(bg, rng);
  }
}

static int bits_of(lpy_dtype t) {
  return t == LPY_BOOL ? 1 : lpy_itemsize(t) * 8;
}

static void store(lpy_dtype t, char *p, uint64_t v) {
  switch (lpy_itemsize(t)) {
    case 1: *(uint8_t *)p = (uint8_t)v; break;
    case 2: *(uint16_t *)(void *)p = (uint16_t)v; break;
    case 4: *(uint32_t *)(void *)p = (uint32_t)v; break;
    default: *(uint64_t *)(void *)p = v; break;
  }
}

void lpy_rng_bounded_fill(lpy_bitgen *bg, lpy_dtype t, uint64_t off,
                          uint64_t rng, int masked, char *out, int64_t n) {
  int bits = bits_of(t), isz = lpy_itemsize(t);
  uint64_t mask = gen_mask(rng);
  nbuf b = {0, 0};
  int64_t i;
  if (bits == 64 && rng > 0 && rng < 0xFFFFFFFFu) bits = 32;   /* same path */
  /* PCG64: the step inlined, the same words drawn */
  if (bg->next_uint64 == lpy_pcg64_next64 && !masked && bits >= 32 && rng != 0 &&
      rng != 0xFFFFFFFFu && rng != UINT64_MAX) {
    lpy_pcg64_fill_bounded(bg->state, isz, off, rng, out, n);
    return;
  }
  for (i = 0; i < n; i++) store(t, out + i * isz, bounded(bg, bits, off, rng, mask, masked, &b));
}

/* ------------------------------------------------ the bounds, exactly */
/* the dtype's bounds */
static void bounds(lpy_dtype t, i128 *lb, i128 *ub) {
  int bits = bits_of(t);
  if (t == LPY_BOOL) { *lb = 0; *ub = 1; }
  else if (lpy_kind(t) == LPY_KIND_UINT) {
    *lb = 0;
    *ub = (bits == 64) ? (i128)UINT64_MAX : ((i128)1 << bits) - 1;
  } else {
    *lb = -((i128)1 << (bits - 1));
    *ub = ((i128)1 << (bits - 1)) - 1;
  }
}

/* element of a (int64, uint64 or float64) as an exact integer after
   NumPy's cast (truncation; NaN as x86's INT64_MIN); isf / fv: a float */
static i128 elem(const lpy_array *a, const char *p, int *isf, double *fv) {
  *isf = 0;
  if (a->dtype == LPY_UINT64) return (i128)*(const uint64_t *)p;
  if (a->dtype == LPY_INT64) return (i128)*(const int64_t *)p;
  *isf = 1;
  *fv = *(const double *)p;
  if (isnan(*fv)) return (i128)INT64_MIN;
  if (*fv >= 1e30) return (i128)1 << 100;
  if (*fv <= -1e30) return -((i128)1 << 100);
  return (i128)*fv;
}

/* walking broadcast operands in C order */
typedef struct bwalk {
  int nd;
  int64_t shape[LPY_MAXDIMS], idx[LPY_MAXDIMS], st[2][LPY_MAXDIMS];
  const char *p[2];
} bwalk;

static void bw_init(bwalk *w, int nd, const int64_t *shape, lpy_array *a,
                    lpy_array *b) {
  lpy_array *ops[2];
  int k, j;
  ops[0] = a;
  ops[1] = b;
  w->nd = nd;
  memcpy(w->shape, shape, (size_t)nd * sizeof *shape);
  memset(w->idx, 0, sizeof w->idx);
  for (k = 0; k < 2; k++) {
    int off = nd - ops[k]->ndim;
    for (j = 0; j < nd; j++) w->st[k][j] = 0;
    for (j = 0; j < ops[k]->ndim; j++)
      if (j + off >= 0 && ops[k]->shape[j] != 1) w->st[k][j + off] = ops[k]->strides[j];
    w->p[k] = ops[k]->data;
  }
}

static void bw_next(bwalk *w) {
  int j;
  for (j = w->nd - 1; j >= 0; j--) {
    w->p[0] += w->st[0][j];
    w->p[1] += w->st[1][j];
    if (++w->idx[j] < w->shape[j]) return;
    w->p[0] -= w->st[0][j] * w->shape[j];
    w->p[1] -= w->st[1][j] * w->shape[j];
    w->idx[j] = 0;
  }
}

static int bounds_error(lpy_err *e, int closed, const lpy_array *low) {
  int64_t i;
  int anylow = 0;
  bwalk w;
  bw_init(&w, low->ndim, low->shape, (lpy_array *)low, (lpy_array *)low);
  for (i = 0; i < low->size && !anylow; i++, bw_next(&w)) {
    int isf;
    double fv = 0;
    i128 v = elem(low, w.p[0], &isf, &fv);
    anylow = isf ? fv != 0 : v != 0;
  }
  if (!anylow) return lpy_err_set(e, LPY_EVALUE, "high %s 0", closed ? "<" : "<=");
  return lpy_err_set(e, LPY_EVALUE, "low %s high", closed ? ">" : ">=");
}

int lpy_rng_integers(lpy_bitgen *bg, lpy_array *out, lpy_array *low,
                     lpy_array *high, int nd, const int64_t *bshape,
                     int closed, int masked, lpy_err *e) {
  lpy_dtype t = out->dtype;
  i128 lb, ub;
  int scalar = low->ndim == 0 && high->ndim == 0, isf;
  int64_t i, n = out->size, isz = lpy_itemsize(t);
  double fv = 0;
  bwalk w;
  bounds(t, &lb, &ub);
  if (scalar) {
    i128 l = elem(low, low->data, &isf, &fv), h;
    if (isf && !isfinite(fv))
      return lpy_err_set(e, LPY_EVALUE, "cannot convert float %s to integer",
                         isnan(fv) ? "NaN" : "infinity");
    h = elem(high, high->data, &isf, &fv);
    if (isf && !isfinite(fv))
      return lpy_err_set(e, LPY_EVALUE, "cannot convert float %s to integer",
                         isnan(fv) ? "NaN" : "infinity");
    if (!closed) h -= 1;
    if (l < lb) return lpy_err_set(e, LPY_EVALUE, "low is out of bounds for %s", lpy_dtypes[t].name);
    if (h > ub) return lpy_err_set(e, LPY_EVALUE, "high is out of bounds for %s", lpy_dtypes[t].name);
    if (l > h) return bounds_error(e, closed, low);
    lpy_rng_bounded_fill(bg, t, (uint64_t)l, (uint64_t)(h - l), masked, out->data, n);
    return 0;
  }
  /* arrays: every element checked first, in NumPy's order */
  {
    int pass;
    for (pass = 0; pass < 3; pass++) {
      lpy_array *a = pass == 1 ? high : low;
      if (pass < 2) {
        bw_init(&w, a->ndim, a->shape, a, a);
        for (i = 0; i < a->size; i++, bw_next(&w)) {
          i128 v = elem(a, w.p[0], &isf, &fv);
          if (pass == 0 && (isf ? fv < (double)lb : v < lb))
            return lpy_err_set(e, LPY_EVALUE, "low is out of bounds for %s", lpy_dtypes[t].name);
          if (pass == 1 && (isf ? fv - !closed > (double)ub : v - !closed > ub))
            return lpy_err_set(e, LPY_EVALUE, "high is out of bounds for %s", lpy_dtypes[t].name);
        }
      } else {
        int64_t m = 1;
        int j, bnd = low->ndim > high->ndim ? low->ndim : high->ndim;
        int64_t sh[LPY_MAXDIMS];
        const int64_t *shs[2];
        int nds[2];
        shs[0] = low->shape; shs[1] = high->shape;
        nds[0] = low->ndim; nds[1] = high->ndim;
        if (lpy_broadcast_shapes(2, nds, shs, &bnd, sh, e)) return -1;
        for (j = 0; j < bnd; j++) m *= sh[j];
        bw_init(&w, bnd, sh, low, high);
        for (i = 0; i < m; i++, bw_next(&w)) {
          int isf2;
          double fv2 = 0;
          i128 l = elem(low, w.p[0], &isf, &fv), h = elem(high, w.p[1], &isf2, &fv2);
          int bad;
          if (isf || isf2) {
            double dl = isf ? fv : (double)l, dh = isf2 ? fv2 : (double)h;
            bad = closed ? dl > dh : dl >= dh;
          } else {
            bad = closed ? l > h : l >= h;
          }
          if (bad) return bounds_error(e, closed, low);
        }
      }
    }
  }
  /* the draws: out.size steps of the broadcast (low, high, out) walk */
  {
    int bits = bits_of(t);
    nbuf b = {0, 0};
    uint64_t last = 0, mask = 0;
    bw_init(&w, nd, bshape, low, high);
    for (i = 0; i < n; i++, bw_next(&w)) {
      i128 l = elem(low, w.p[0], &isf, &fv), h = elem(high, w.p[1], &isf, &fv);
      uint64_t lo, hi, rng, v;
      /* cast to the dtype (NumPy's FORCECAST), then the closed range */
      lo = (uint64_t)l;
      hi = (uint64_t)h;
      if (bits < 64) {
        uint64_t m = bits == 1 ? 0xFF : (((uint64_t)1 << bits) - 1);
        lo &= m;
        hi &= m;
        if (lpy_kind(t) == LPY_KIND_INT) {      /* sign-extend */
          uint64_t sb = (uint64_t)1 << (bits - 1);
          lo = (lo ^ sb) - sb;
          hi = (hi ^ sb) - sb;
        }
      }
      rng = hi - !closed - lo;
      if (bits < 64 && bits > 1) rng &= ((uint64_t)1 << bits) - 1;
      if (bits == 1) rng &= 0xFF;
      if (rng != last) { mask = gen_mask(rng); last = rng; }
      if (bits == 64) {
        nbuf none = {0, 0};
        v = bounded(bg, rng <= 0xFFFFFFFFu ? 32 : 64, lo, rng, mask, masked, &none);
      } else {
        v = bounded(bg, bits == 32 ? 32 : bits, lo, rng, mask, masked, &b);
      }
      store(t, out->data + i * isz, v);
    }
  }
  return 0;
}
