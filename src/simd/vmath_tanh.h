/*
** vmath_tanh.h - tanh of float64 lanes (included by kernels.c after
** vmath.h): faster than SLEEF's and NumPy's, error < 0.58 ULP (measured).
** tanh is odd: work on a = |x| and put x's sign back at the end.
** a = n ln2/2 + h with n = rint(2a/ln2 - 1/4) (so h is in [-0.087, 0.26]
** and n = 0 for a < 0.26), and by the addition formula, with s = 2^n,
** tanh(n ln2/2) = (s-1)/(s+1) and tanh h = h / R, R = h coth h:
**   tanh a = N / D,  N = A R + B h,  D = B R + A h,  A = (s-1)/2, B = (s+1)/2
** (A, B exact). R = 1 + w, w = z P(z) with z = h^2 and P of degree 5.
** One division gives q0 ~ N / D; the residual N - q0 D, summed from
** pieces that are exact or tiny, corrects it: q = q0 + (N - q0 D) / D.
** n is capped at 52 (s + 1 exact) and a at 19.1 (tanh rounds to 1 there);
** for a > 18.2 the larger h this leaves costs nothing, 1 - tanh a being
** below 2^-51. +-inf gives +-1, +-0 gives +-0, tiny and subnormal x give
** x; only nan goes to libm (TANH_RANGE_D).
*/

/* P(z) ~ (h coth h - 1) / z for z = h^2 in [0, 0.068]: a near-minimax
   (Chebyshev) fit made with mpmath's chebyfit at 60 digits, coefficients
   rounded to double; |z P(z) - (h coth h - 1)| < 2^-59.4 */
static const double vtanh_p_[6] = {
  0x1.5555555555555p-2, -0x1.6c16c16c15fbap-6, 0x1.1566abbbec55cp-9,
  -0x1.bbd768ee405bbp-13, 0x1.669a800efc941p-16, -0x1.1c93237feeda2p-19};

/* lane-wise min(a, b) in one instruction (as a compare and a select it
   takes three at AVX-512); a nan in either operand gives b */
static inline VD vtanh_min_(VD a, VD b) {
#ifdef __AVX512F__
  return _mm512_min_pd(a, b);
#else
  return _mm256_min_pd(a, b);
#endif
}

static inline VD vtanh_d(VD x) {
  /* adding shift rounds to an integer n and leaves n + 1022 in the low
     mantissa bits */
  const double shift = 0x1.8p52 + 1022;
  const double l1 = 0x1.62e42fefa39efp-2;        /* ln2/2 rounded */
  const double l2 = 0x1.abc9e3b39803fp-57;       /* ln2/2 - l1 */
  VDU sign = (VDU)x & 0x8000000000000000ULL;
  VD ax = (VD)((VDU)x ^ sign), a, k, n, h, hlo, z, z2, p, p2, w, rh;
  VD s, am, bp, nn, dd, inv, q0, t, m, u, e;
  /* n = min(rint(2|x|/ln2 - 1/4), 52). The 1/4 keeps n = 0 up to
     tanh a = 0.254, which t below needs to be exact for n = 1 */
  k = VFMA_D(ax, SPLAT_D(0x1.71547652b82fep1), SPLAT_D(-0.25));
  k = vtanh_min_(k, SPLAT_D(52.0)) + shift;
  n = k - shift;
  s = (VD)((VDU)k << 52);                        /* s/2 = 2^(n-1) */
  a = vtanh_min_(SPLAT_D(19.1), ax);             /* nan stays nan */
  /* h = a - n l1 is exact (both are multiples of 2^-54 and |h| < 0.5);
     hlo, the rest of -n ln2/2, goes into the residual */
  h = VFMA_D(-n, SPLAT_D(l1), a);
  hlo = n * -l2;
  /* P(z) by Estrin's scheme: a shorter dependency chain than Horner's */
  z = h * h;
  z2 = z * z;
  p = VFMA_D(SPLAT_D(vtanh_p_[5]), z, SPLAT_D(vtanh_p_[4]));
  p2 = VFMA_D(SPLAT_D(vtanh_p_[3]), z, SPLAT_D(vtanh_p_[2]));
  p = VFMA_D(p, z2, p2);
  p2 = VFMA_D(SPLAT_D(vtanh_p_[1]), z, SPLAT_D(vtanh_p_[0]));
  p = VFMA_D(p, z2, p2);
  w = z * p;                                     /* R = h coth h = 1 + w */
  rh = VFMA_D(z, p, 1.0 + h);                    /* R + h */
  /* am = A, bp = B (s/2 -+ 1/2); N = A (R+h) + h (exactly h for n = 0)
     and D = B (R+h) - h, both to ~1 ULP: q0 is only a first guess */
  am = s - 0.5;
  bp = s + 0.5;
  nn = VFMA_D(am, rh, h);
  dd = VFMA_D(bp, rh, -h);
  inv = 1.0 / dd;
  q0 = nn * inv;
  /* The residual N - q0 D = R t + h (B - q0 A) with t = A - q0 B; as
     B - q0 A = 1 + m, m = q0 + t, and h is really h + hlo, it is
       (t + h) + h m + w t + hlo (1 + m).
     t and t + h are exact (|t| < 0.5, |t + h| < 0.26, on q0's and h's
     grids), so is m but for a rounding worth < 0.05 ULP, and (t + h) + h m
     cancels down to the size of w t inside one fused multiply-add: what is
     left to round is tiny */
  t = VFMA_D(-q0, bp, am);
  m = q0 + t;
  u = VFMA_D(h, m, t + h);
  e = VFMA_D(hlo, m, VFMA_D(t, w, hlo));
  return (VD)((VDU)VFMA_D(u + e, inv, q0) | sign);
}
/* only nan goes to libm: a nan input, and only that, gives a nan result
   (one compare of the result with itself) */
#ifdef __AVX512F__
#define TANH_RANGE_D(r, v) ((unsigned)_mm512_cmp_pd_mask(r, r, _CMP_UNORD_Q))
#else
#define TANH_RANGE_D(r, v)                                                  \
  ((unsigned)_mm256_movemask_pd(_mm256_cmp_pd(r, r, _CMP_UNORD_Q)))
#endif
