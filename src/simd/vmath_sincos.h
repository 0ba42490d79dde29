/*
** vmath_sincos.h - sin and cos of float64 lanes (included by kernels.c
** after vmath.h): faster than SLEEF's, within 1 ULP of glibc.
** x = n pi/2 + r with n = rint(x 2/pi), |r| <= pi/4, pi/2 = P1 + P2 + P3
** (53, 29 and 53 bits): x - n P1 is exact with a fused multiply-add, n P2
** is exact for |n| < 2^23, and the error of hi = RN(x - n P1 - n P2) is
** recovered exactly by a second FMA, so r = hi + lo carries ~100 bits even
** next to a multiple of pi/2 (below 2^23 no double is closer to one than
** 2^-60.5, and there the relative error of r stays below 2^-63). Then
** sin(r) or cos(r), whichever the quadrant asks for, comes from ONE
** polynomial in z = r^2 whose coefficients are picked per lane (branch-
** free): sin r = r + r^3 S(z), cos r = 1 + z C(z), both written as
** m P(z) + h with lo folded into m; the quadrant's sign is XORed in.
** Valid for |x| <= 2^23; nan, +-inf and larger |x| go to libm.
*/

/* pi/2 = P1 + P2 + P3 + O(2^-141.8): P1 = RN(pi/2), P2 = the next 29 bits
   (so that n P2 is exact for |n| < 2^23), P3 = the next 53 bits */
#define VSC_P1 0x1.921fb54442d18p0
#define VSC_P2 0x1.1a62633p-54
#define VSC_P3 0x1.45c06e0e68948p-86

/* Coefficients of S(z) = (sin r - r) / r^3 and C(z) = (cos r - 1) / z on
   z = r^2 <= (pi/4 (1 + 2^-20))^2: minimax for the relative error of the
   final result, by a Remez exchange in mpmath at 200 bits, rounded to
   double (C's constant term held at -1/2). Fit error: sin 2^-68.7,
   cos 2^-64, both relative to the result, before rounding; rounded,
   2^-57.1 and 2^-59.7 (the rounding of the leading terms). tools/fit/
   sincos.py redoes the fit: same bounds, same leading coefficients, the
   trailing ones differ (see docs/simd.md). */
static const double vsc_s[7] = {
  -0x1.5555555555555p-3, 0x1.111111111110bp-7, -0x1.a01a01a018a6dp-13,
  0x1.71de3a53308a6p-19, -0x1.ae64528d7cd7ep-26, 0x1.61208c46cdc4ep-33,
  -0x1.aaa24693b47c4p-41};
static const double vsc_c[7] = {
  -0.5, 0x1.555555555554bp-5, -0x1.6c16c16c14f91p-10,
  0x1.a01a019c844ddp-16, -0x1.27e4f7eac39e4p-22, 0x1.1ee9d7b41afe9p-29,
  -0x1.8fa4999d1703fp-37};

/* Per-lane choice by the parity of t's bit pattern: VSC_PAR(t) describes
   it, VSC_SEL(m, a, b) takes a where t is even (the sin lanes) and b where
   it is odd (the cos lanes), VSC_ZE(m, a) is a where t is even and 0 where
   it is odd. A mask register and vblendmpd at AVX-512, the sign bit and
   vblendvpd at AVX2 (vector extensions have no cheap select). */
#ifdef __AVX512F__
#define VSC_PAR(t) _mm512_testn_epi64_mask(_mm512_castpd_si512(t), \
    _mm512_set1_epi64(1))
#define VSC_SEL(m, a, b) _mm512_mask_blend_pd(m, b, a)
#define VSC_ZE(m, a) _mm512_maskz_mov_pd(m, a)
#else
#define VSC_PAR(t) ((VD)((VDU)(t) << 63))
#define VSC_SEL(m, a, b) _mm256_blendv_pd(a, b, m)
#define VSC_ZE(m, a) _mm256_blendv_pd(a, SPLAT_D(0.0), m)
#endif

/* bit 1 of t's pattern moved to the sign bit (SPLAT_D(-0.0) would be
   0 + -0 = +0, hence the integer constant) */
#define VSC_FLIP(t) (((VDU)(t) << 62) & ((VDU){0} + 0x8000000000000000ull))

/* sin(x + o pi/2) for o = 0 (sin) or 1 (cos) */
static inline VD vsincos_d_(VD x, double o) {
  const double shift = 0x1.8p52;               /* rounds to an integer */
  /* t = n + o + shift: its low mantissa bits hold n + o, whose bit 0
     picks cos over sin and bit 1 the sign of the result */
  VD t = VFMA_D(x, SPLAT_D(0x1.45f306dc9c883p-1), SPLAT_D(shift + o));
  VD n = t - (shift + o);
  VD r1 = VFMA_D(n, SPLAT_D(-VSC_P1), x);     /* exact: |r1| < 1 */
  VD hi = VFMA_D(n, SPLAT_D(-VSC_P2), r1);
  VD zh = hi * hi;                              /* early z for P(z) */
  /* nlo = -lo, lo = r1 - n P2 - hi - n P3. The first FMA is exact: either
     hi - r1 is exact by Sterbenz and r1 - n P2 - hi fits in a double, or
     |r1 - n P2| < 2^-29, so hi is exact and n P2 - (r1 - hi) = 0. The sign
     convention also keeps sin(-0) = -0. */
  VD nlo = VFMA_D(n, SPLAT_D(VSC_P2), hi - r1);
  VD z, p, h, m, nlo2;
  __typeof__(VSC_PAR(t)) c = VSC_PAR(t);
  nlo = VFMA_D(n, SPLAT_D(VSC_P3), nlo);
  /* z = (hi + lo)^2 to one rounding: cos depends on r through z only */
  nlo2 = nlo + nlo;
  z = VFMA_D(hi, hi, -(hi * nlo2));
  p = VSC_SEL(c, SPLAT_D(vsc_s[6]), SPLAT_D(vsc_c[6]));
  p = VFMA_D(p, zh, VSC_SEL(c, SPLAT_D(vsc_s[5]), SPLAT_D(vsc_c[5])));
  p = VFMA_D(p, zh, VSC_SEL(c, SPLAT_D(vsc_s[4]), SPLAT_D(vsc_c[4])));
  p = VFMA_D(p, zh, VSC_SEL(c, SPLAT_D(vsc_s[3]), SPLAT_D(vsc_c[3])));
  p = VFMA_D(p, zh, VSC_SEL(c, SPLAT_D(vsc_s[2]), SPLAT_D(vsc_c[2])));
  p = VFMA_D(p, zh, VSC_SEL(c, SPLAT_D(vsc_s[1]), SPLAT_D(vsc_c[1])));
  p = VFMA_D(p, zh, VSC_SEL(c, SPLAT_D(vsc_s[0]), SPLAT_D(vsc_c[0])));
  /* sin lanes: hi + (hi z - 6 lo) S(z): since S(z) ~ -1/6, the -6 lo term
     adds lo inside the last FMA's single rounding (off by ~0.12 lo z).
     cos lanes: 1 + z C(z). */
  h = VSC_SEL(c, hi, SPLAT_D(1.0));
  m = VFMA_D(h, z, VSC_ZE(c, nlo2 + (nlo2 + nlo2)));
  return (VD)((VDU)VFMA_D(m, p, h) ^ VSC_FLIP(t));
}

static inline VD vsin_d(VD x) { return vsincos_d_(x, 0.0); }
static inline VD vcos_d(VD x) { return vsincos_d_(x, 1.0); }

/* |x| <= 2^23 keeps |n| < 2^23, where the reduction above is exact enough;
   nan, +-inf and larger |x| go to libm. Only the input decides. */
#define SIN_RANGE_D(r, v) OUTSIDE_VD(v, 0x1p23)
#define COS_RANGE_D(r, v) OUTSIDE_VD(v, 0x1p23)
