/*
** vmath_sincos_f32.h - sin and cos of float32 lanes evaluated in float
** lanes (16 per AVX-512 vector), included by kernels.c after vmath.h and
** vmath_f32.h (it uses none of the latter's helpers). Every lane not
** selected by SIN_RANGE_F / COS_RANGE_F is within 1 ULP of glibc's
** sinf / cosf (checked on all 2^32 inputs), the same at AVX2 and AVX-512,
** and sin(-0) = -0.
**
** x = n pi/2 + r with n = rint(x 2/pi), |r| <= 0.7907 (slightly over pi/4:
** 2/pi in float may round n the other way near a half-integer). r is kept
** as rh - ml, a float and a small correction. sin x and cos x are +-sin r
** or +-cos r by n mod 4 (for cos, n + 1), chosen per lane; both are
** computed in every lane.
**
** Reduction, for |x| <= 2^17 (so |n| < 2^17): pi/2 = P1 + Q1 + Q2 + Q3,
** each the rest of pi/2 truncated (P1 to 24 bits, Q1 and Q2 to 8 bits,
** Q3 to 24 bits), so all are positive and a -0 input stays -0.
**  - a = x - n P1 in one fused multiply-add is exact (both are multiples of
**    the ulp of P1 or of x, and |a| < 2).
**  - y1 = a - n Q1 rounded: n Q1 is an exact float (at most 24 bits), and
**    y1 is exact unless it is large next to n Q1, where y1 - a is exact
**    (Sterbenz) and m1 = (y1 - a) + n Q1 is y1's rounding error. The same
**    for rh = y1 - n Q2 and its error e2. Near a multiple of pi/2 (|r| is
**    at least 2^-27.9 for floats below the limit) y1 and rh are exact and
**    the errors 0; for larger r the errors are captured.
**  - ml = e2 + (m1 + n Q3): the errors and the last part, rounded (they are
**    far below r where they are not zero).
** These steps were checked on every float up to the limit (rh - ml within
** 2^-27.8 of r, relative).
** Polynomials in s = rh^2 (minimax fits of the relative error on
** |r| <= 0.7907, Remez exchange in mpmath at 40 digits, coefficients
** rounded to float one at a time with the rest refitted):
**  - sin r = rh - (rh s P(s) + ml), P(s) ~ (r - sin r) / r^3 of degree 2
**    (2^-27.8 relative error of sin);
**  - cos r = 1 + rh (rh C(s) + ml), C(s) = -1/2 + s (c0 + c1 s + c2 s^2)
**    (2^-32.8 relative error of cos); cos(rh - ml) = cos rh + ml sin rh and
**    sin rh ~ rh, so ml enters the last but one fused multiply-add.
** Largest error seen over all inputs: 1.04 ULP of the exact result; 1 ULP
** from glibc.
*/
#ifndef LPY_VMATH_SINCOS_F32_H
#define LPY_VMATH_SINCOS_F32_H

/* per-lane choice of a (lanes with odd quadrant q) or b: an AVX-512 mask
   blend or an AVX2 variable blend (from q's lowest bit moved to the sign
   bit) */
#ifdef __AVX512F__
#define SINCOS_F_SELODD(q, a, b) _mm512_mask_blend_ps(_mm512_test_epi32_mask( \
    (__m512i)(q), _mm512_set1_epi32(1)), b, a)
#else
#define SINCOS_F_SELODD(q, a, b) _mm256_blendv_ps(b, a, (__m256)((q) << 31))
#endif

/* sin x for qoff = 0, cos x for qoff = 1 */
static inline VF vsincos_f_core(VF x, unsigned qoff) {
  const float shift = 0x1.8p23f;         /* rounds to an integer */
  VF t = VFMA_F(x, SPLAT_F(0x1.45f306p-1f), SPLAT_F(shift));
  VF n = t - shift;                      /* t's low bits hold n */
  VF a = VFMA_F(n, SPLAT_F(-0x1.921fb4p+0f), x);           /* exact */
  VF y1 = VFMA_F(n, SPLAT_F(-0x1.44p-24f), a);
  VF rh = VFMA_F(n, SPLAT_F(-0x1.0ap-34f), y1);
  VF m1 = VFMA_F(n, SPLAT_F(0x1.44p-24f), y1 - a);          /* y1's error */
  VF k = VFMA_F(n, SPLAT_F(0x1.4611a6p-42f), m1);
  VF ml = VFMA_F(n, SPLAT_F(0x1.0ap-34f), rh - y1) + k;     /* r = rh - ml */
  VF s = rh * rh, ps, pc, sn, cs, res;
  VFU q = (VFU)t + qoff;                 /* the quadrant, mod 4 */
  ps = VFMA_F(SPLAT_F(0x1.991c26p-13f), s, SPLAT_F(-0x1.1106c6p-7f));
  ps = VFMA_F(ps, s, SPLAT_F(0x1.555544p-3f));              /* P(s) */
  /* rh - (...) keeps the sign of rh = -0 (ml is +0 then) */
  sn = rh - VFMA_F(rh * s, ps, ml);
  pc = VFMA_F(SPLAT_F(0x1.99e23ep-16f), s, SPLAT_F(-0x1.6c0c1cp-10f));
  pc = VFMA_F(pc, s, SPLAT_F(0x1.55554ap-5f));
  pc = VFMA_F(pc, s, SPLAT_F(-0.5f));                       /* C(s) */
  cs = VFMA_F(rh, VFMA_F(rh, pc, ml), SPLAT_F(1.0f));
  res = SINCOS_F_SELODD(q, cs, sn);
  /* quadrants 2 and 3 negate */
  return (VF)((VFU)res ^ ((q << 30) & 0x80000000u));
}
static inline VF vsin_f(VF x) { return vsincos_f_core(x, 0); }
static inline VF vcos_f(VF x) { return vsincos_f_core(x, 1); }
/* the reduction is checked up to |x| = 2^17; beyond, and inf and nan,
   libm */
#define SIN_RANGE_F(r, v) OUTSIDE_VF(v, 0x1p17f)
#define COS_RANGE_F(r, v) OUTSIDE_VF(v, 0x1p17f)

#endif
