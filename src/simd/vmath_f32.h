/*
** vmath_f32.h - log, sin, cos, tanh and pow of float32 lanes (included by
** kernels.c after vmath.h): each lane not selected by the function's mask
** macro is faithfully rounded (within 1 ULP of the correctly rounded
** result, so of glibc's logf, sinf, cosf and powf), and the same at AVX2
** and AVX-512. Mask macros NAME_RANGE_F(r, v) (POW_RANGE_F(r, x, y)) give
** the lanes to compute again with libm.
**  - log, tanh: in float, from small tables (32 pieces) and short
**    polynomials, with the leading terms kept exact (details below).
**  - sin, cos, pow: in float64 halves of the vector, where the argument
**    reduction is exact and a short polynomial is far more accurate than
**    float needs.
** All coefficients are ours: minimax fits (Remez exchange in mpmath, in
** extended precision) or exact values, as said at each function.
*/
#ifndef LPY_VMATH_F32_H
#define LPY_VMATH_F32_H

/* Level-specific pieces, only where vector extensions cannot do the thing
   or do it badly: float32 <-> float64 halves (gcc 12 splits a widening
   __builtin_convertvector into 128-bit pieces), min/max, unsigned compare
   to a bit mask, and lookups of 32 floats or 16 doubles by lane index
   (two-table permutes at AVX-512; four one-table permutes and blends at
   AVX2). Lookups only copy table entries, so both levels give the same
   lanes. */
#ifdef __AVX512F__
#define F32_LO(x) _mm512_cvtps_pd(_mm512_castps512_ps256(x))
#define F32_HI(x) _mm512_cvtps_pd(_mm512_extractf32x8_ps(x, 1))
#define F32_JOIN(a, b) _mm512_insertf32x8(_mm512_castps256_ps512( \
    _mm512_cvtpd_ps(a)), _mm512_cvtpd_ps(b), 1)
#define F32_MIN(a, b) _mm512_min_ps(a, b)
#define F32_LUT32(tab, i) _mm512_permutex2var_ps(_mm512_load_ps(tab), \
    (__m512i)(i), _mm512_load_ps((tab) + 16))
#define F64_LUT16(tab, i) _mm512_permutex2var_pd(_mm512_load_pd(tab), \
    (__m512i)(i), _mm512_load_pd((tab) + 8))
#define F64_MIN(a, b) _mm512_min_pd(a, b)
#define F64_MAX(a, b) _mm512_max_pd(a, b)
/* lanes where a >= b, unsigned, as a bit mask */
#define F32_UGE(a, b) ((unsigned)_mm512_cmpge_epu32_mask((__m512i)(a), \
    _mm512_set1_epi32((int)(b))))
#else
#define F32_LO(x) _mm256_cvtps_pd(_mm256_castps256_ps128(x))
#define F32_HI(x) _mm256_cvtps_pd(_mm256_extractf128_ps(x, 1))
#define F32_JOIN(a, b) _mm256_insertf128_ps(_mm256_castps128_ps256( \
    _mm256_cvtpd_ps(a)), _mm256_cvtpd_ps(b), 1)
#define F32_MIN(a, b) _mm256_min_ps(a, b)
/* 32 entries: four 8-entry permutes, chosen between by bits 3 and 4 */
static inline __m256 f32_lut32_avx2(const float *tab, VFI i) {
  __m256i j = (__m256i)i;
  __m256 b3 = (__m256)(i << 28), b4 = (__m256)(i << 27);
  __m256 a = _mm256_blendv_ps(
      _mm256_permutevar8x32_ps(_mm256_load_ps(tab), j),
      _mm256_permutevar8x32_ps(_mm256_load_ps(tab + 8), j), b3);
  __m256 b = _mm256_blendv_ps(
      _mm256_permutevar8x32_ps(_mm256_load_ps(tab + 16), j),
      _mm256_permutevar8x32_ps(_mm256_load_ps(tab + 24), j), b3);
  return _mm256_blendv_ps(a, b, b4);
}
#define F32_LUT32(tab, i) f32_lut32_avx2(tab, i)
/* 16 doubles: four 4-entry permutes (as float pairs), chosen between by
   bits 2 and 3 of the index */
static inline __m256d f64_lut16_avx2(const double *tab, VDU i) {
  VDU k = (i & 3) * 2;
  __m256i j = (__m256i)((k | k << 32) + 0x100000000ull);
  __m256d b2 = (__m256d)(i << 61), b3 = (__m256d)(i << 60);
  const float *t = (const float *)tab;
  __m256d a = _mm256_blendv_pd(
      (__m256d)_mm256_permutevar8x32_ps(_mm256_load_ps(t), j),
      (__m256d)_mm256_permutevar8x32_ps(_mm256_load_ps(t + 8), j), b2);
  __m256d b = _mm256_blendv_pd(
      (__m256d)_mm256_permutevar8x32_ps(_mm256_load_ps(t + 16), j),
      (__m256d)_mm256_permutevar8x32_ps(_mm256_load_ps(t + 24), j), b2);
  return _mm256_blendv_pd(a, b, b3);
}
#define F64_LUT16(tab, i) f64_lut16_avx2(tab, (VDU)(i))
#define F64_MIN(a, b) _mm256_min_pd(a, b)
#define F64_MAX(a, b) _mm256_max_pd(a, b)
#define F32_UGE(a, b) ((unsigned)_mm256_movemask_ps((__m256)((VFU)(a) >= (b))))
#endif

/* tanh: odd, so a = |x| (at most 10: tanh rounds to 1 from 9.02 on) and
   the sign put back. [0, 10] is cut into 25 pieces: piece i holds the a
   whose float(a + 1/8) has bits >> 21 equal to 496 + i, which is four
   equal pieces per binade of a + 1/8 ([0, 1/32) first, [7.875, 9.875)
   last); pieces 25-31 give 1. On each, tanh(c + t) ~ c0 + c1 t + ... +
   c6 t^6 with t = a - c; the center c is a float near the middle of the
   piece chosen (by search) so that tanh(c) and tanh'(c) are within 2^-35
   of floats c0 and c1, and c2..c6 are a minimax fit (relative error,
   Remez in mpmath) with c0 and c1 fixed; in float: at most 2^-29.4
   relative. Piece 0 has c = 0 and the odd terms only. The terms after c0
   are at most 1/4 of the result, so evaluated in float they add at most
   about 2^-26 relative, and the result is faithfully rounded. */
static const float vtanh_f_tab[8][32] __attribute__((aligned(64))) = {
  { /* c */
    0, 0x1.7fee86p-5f, 0x1.4dc82cp-4f, 0x1.c91da2p-4f, 0x1.3a3cc6p-3f,
    0x1.b8f7fep-3f, 0x1.17f3d8p-2f, 0x1.68a27ap-2f, 0x1.b1782cp-2f,
    0x1.24615p-1f, 0x1.5aa9eap-1f, 0x1.996668p-1f, 0x1.08f822p+0f,
    0x1.44fe78p+0f, 0x1.7fe25cp+0f, 0x1.c67b9ap+0f, 0x1.0cabe6p+1f,
    0x1.4e2318p+1f, 0x1.94e3a4p+1f, 0x1.d0fe5ep+1f, 0x1.1c9366p+2f,
    0x1.5bc00ap+2f, 0x1.9e4af6p+2f, 0x1.d1cb7ep+2f, 0x1.154246p+3f, 0, 0, 0,
    0, 0, 0, 0,
  },
  { /* c0 */
    0, 0x1.7fa6ap-5f, 0x1.4d0b88p-4f, 0x1.c73a38p-4f, 0x1.37cb5ep-3f,
    0x1.b24734p-3f, 0x1.112e1cp-2f, 0x1.5a6dcep-2f, 0x1.994ef4p-2f,
    0x1.0842aap-1f, 0x1.2de22ep-1f, 0x1.53ep-1f, 0x1.8d456ep-1f,
    0x1.b5137ap-1f, 0x1.cf64ep-1f, 0x1.e36cdep-1f, 0x1.f0d768p-1f,
    0x1.fa7f6p-1f, 0x1.fe2cp-1f, 0x1.ff48d4p-1f, 0x1.ffdcp-1f, 0x1.fffbp-1f,
    0x1.ffff6p-1f, 0x1.ffffep-1f, 0x1.fffffep-1f, 1, 1, 1, 1, 1, 1, 1,
  },
  { /* c1 */
    1, 0x1.fee086p-1f, 0x1.fc9d72p-1f, 0x1.f9adp-1f, 0x1.f42202p-1f,
    0x1.e8fa54p-1f, 0x1.db8f94p-1f, 0x1.c5666p-1f, 0x1.ae3254p-1f,
    0x1.779b38p-1f, 0x1.4e012cp-1f, 0x1.1e627ep-1f, 0x1.977f96p-2f,
    0x1.15c48p-2f, 0x1.7263ecp-3f, 0x1.bc701p-4f, 0x1.dde4bep-5f,
    0x1.5e4392p-6f, 0x1.d32a1cp-8f, 0x1.6e1678p-9f, 0x1.1ff5ep-11f,
    0x1.3ffe7p-14f, 0x1.3fffcep-17f, 0x1.ffffeep-20f, 0x1.ffffecp-24f, 0, 0,
    0, 0, 0, 0, 0,
  },
  { /* c2 */
    0, -0x1.7ecf34p-5f, -0x1.4ad7d2p-4f, -0x1.c19ab6p-4f, -0x1.309152p-3f,
    -0x1.9ec032p-3f, -0x1.fb79cp-3f, -0x1.32c76ap-2f, -0x1.57e98ap-2f,
    -0x1.83b9e6p-2f, -0x1.89de78p-2f, -0x1.7c3704p-2f, -0x1.3c2fbp-2f,
    -0x1.da3d8ap-3f, -0x1.4f3a56p-3f, -0x1.a3a232p-4f, -0x1.cfbebap-5f,
    -0x1.5a7fep-6f, -0x1.d17f5ep-8f, -0x1.6d939p-9f, -0x1.1fe95ap-11f,
    -0x1.4002a6p-14f, -0x1.400b08p-17f, -0x1.fff18cp-20f, -0x1.fe6ee4p-24f, 0,
    0, 0, 0, 0, 0, 0,
  },
  { /* c3 */
    -0x1.555554p-2f, -0x1.5257c8p-2f, -0x1.4c5a3ap-2f, -0x1.44a054p-2f,
    -0x1.363cccp-2f, -0x1.1a0304p-2f, -0x1.f2b304p-3f, -0x1.8cf53ap-3f,
    -0x1.2aa962p-3f, -0x1.9248ep-5f, 0x1.31f954p-7f, 0x1.ebc38ep-5f,
    0x1.b602d6p-4f, 0x1.b7542cp-4f, 0x1.67e1d8p-4f, 0x1.f022e4p-5f,
    0x1.22b8d8p-5f, 0x1.c40946p-7f, 0x1.341b84p-8f, 0x1.e60e24p-10f,
    0x1.7f7cc2p-12f, 0x1.aa697ap-15f, 0x1.aa9864p-18f, 0x1.55414ap-20f,
    0x1.542a3p-24f, 0, 0, 0, 0, 0, 0, 0,
  },
  { /* c4 */
    0, 0x1.fc588cp-6f, 0x1.b27d4ap-5f, 0x1.253764p-4f, 0x1.882ab2p-4f,
    0x1.01d78ep-3f, 0x1.2e125p-3f, 0x1.52bf58p-3f, 0x1.5ca19ap-3f,
    0x1.367aeap-3f, 0x1.f68814p-4f, 0x1.57c5acp-4f, 0x1.46f996p-6f,
    -0x1.d76896p-7f, -0x1.98ec7ep-6f, -0x1.7978bp-6f, -0x1.fe070ep-7f,
    -0x1.b06aaap-8f, -0x1.2f877p-9f, -0x1.e344fap-11f, -0x1.7ce692p-13f,
    -0x1.a853d8p-16f, -0x1.a74136p-19f, -0x1.573adap-21f, -0x1.62b7cep-25f, 0,
    0, 0, 0, 0, 0, 0,
  },
  { /* c5 */
    0x1.10f572p-3f, 0x1.06981p-3f, 0x1.03b97ep-3f, 0x1.fbab5p-4f,
    0x1.ba255cp-4f, 0x1.63204p-4f, 0x1.042cf4p-4f, 0x1.ae854p-6f,
    -0x1.68f656p-11f, -0x1.7490ap-5f, -0x1.f25c52p-5f, -0x1.032a6ep-4f,
    -0x1.5a9008p-5f, -0x1.1f42a8p-6f, -0x1.6b4134p-9f, 0x1.02f162p-8f,
    0x1.29b5fap-8f, 0x1.3c2aep-9f, 0x1.da61a6p-11f, 0x1.817826p-12f,
    0x1.3a0e6ap-14f, 0x1.5f6324p-17f, 0x1.5b9a6cp-20f, 0x1.16f9d8p-22f,
    0x1.285e16p-26f, 0, 0, 0, 0, 0, 0, 0,
  },
  { /* c6 */
    0, 0x1.5d7cfep-6f, 0x1.c2aa84p-2f, 0x1.17cf04p-1f, -0x1.43e66ep-4f,
    -0x1.0d9ce6p-4f, -0x1.01fbc8p-4f, -0x1.76b076p-4f, -0x1.f808dp-5f,
    -0x1.5abadcp-5f, -0x1.532776p-7f, 0x1.7f1048p-8f, 0x1.3304ecp-6f,
    0x1.f328bap-7f, 0x1.d35edp-8f, 0x1.086212p-9f, -0x1.17161ep-11f,
    -0x1.4da21p-11f, -0x1.3dd4d8p-12f, -0x1.fdae52p-14f, -0x1.e443b2p-16f,
    -0x1.08e066p-18f, -0x1.1e7a98p-21f, -0x1.349624p-24f, -0x1.117ad2p-28f, 0,
    0, 0, 0, 0, 0, 0,
  },
};
static inline VF vtanh_f(VF x) {
  const float *T = &vtanh_f_tab[0][0];
  VF a = F32_MIN((VF)((VFU)x & 0x7fffffffu), SPLAT_F(10.0f)), t, p;
  VFI i = ((VFI)(a + 0.125f) >> 21) - 496;
  t = a - F32_LUT32(T, i);
  p = VFMA_F(F32_LUT32(T + 7 * 32, i), t, F32_LUT32(T + 6 * 32, i));
  p = VFMA_F(p, t, F32_LUT32(T + 5 * 32, i));
  p = VFMA_F(p, t, F32_LUT32(T + 4 * 32, i));
  p = VFMA_F(p, t, F32_LUT32(T + 3 * 32, i));
  p = VFMA_F(p, t, F32_LUT32(T + 2 * 32, i));
  p = VFMA_F(p, t, F32_LUT32(T + 1 * 32, i));
  return (VF)((VFU)p | ((VFU)x & 0x80000000u));
}
/* only nan goes to libm (+-inf gives +-1 here) */
#define TANH_RANGE_F(r, v) OUTSIDE_VF(v, __builtin_inff())

/* piece i of m: c_i = 1 / (middle of the piece) as a float (1 for the
   piece holding 1), -log2 c_i; and 2^(j/16) */
static const double vpow_f_c[16] __attribute__((aligned(64))) = {
  0x1.661ec6p+0, 0x1.571ed4p+0, 0x1.49539ep+0, 0x1.3c995ap+0, 0x1.30d190p+0,
  0x1.25e228p+0, 0x1.1bb4a4p+0, 0x1.12358ep+0, 0x1.0953f4p+0, 0x1.000000p+0,
  0x1.e573acp-1, 0x1.ca4b30p-1, 0x1.b20364p-1, 0x1.9c2d14p-1, 0x1.886e60p-1,
  0x1.767dcep-1};
static const double vpow_f_l[16] __attribute__((aligned(64))) = {
  -0x1.efec5f071e3d9p-2, -0x1.b0b6804d30924p-2, -0x1.7418abe24a63dp-2,
  -0x1.39de8cc6a56b9p-2, -0x1.01d9bb7350ffbp-2, -0x1.97c1d4d0c206ap-3,
  -0x1.2f9e32a7954e4p-3, -0x1.960ca5af96cd0p-4, -0x1.a6f9d6f1d16afp-5,
  0x0.0p+0, 0x1.3aa304acd04f4p-4, 0x1.476aa1c23e268p-3, 0x1.e840bea311339p-3,
  0x1.40646707c3973p-2, 0x1.88e9c392b7fbbp-2, 0x1.ce0a4a2d1a3cfp-2};
static const double vpow_f_t[16] __attribute__((aligned(64))) = {
  0x1.000000p+0, 0x1.0b5586cf9890fp+0, 0x1.172b83c7d517bp+0,
  0x1.2387a6e756238p+0, 0x1.306fe0a31b715p+0, 0x1.3dea64c123422p+0,
  0x1.4bfdad5362a27p+0, 0x1.5ab07dd485429p+0, 0x1.6a09e667f3bcdp+0,
  0x1.7a11473eb0187p+0, 0x1.8ace5422aa0dbp+0, 0x1.9c49182a3f090p+0,
  0x1.ae89f995ad3adp+0, 0x1.c199bdd85529cp+0, 0x1.d5818dcfba487p+0,
  0x1.ea4afa2a490dap+0};

/* pow for x > 0 in float64 halves: log2 x = e + log2 m (m = x / 2^e in
   [0.699, 1.398) from the bits, 16 pieces by the next 4 bits),
   log2 m = -log2 c + log2(1 + r) with r = m c - 1 exact (|r| < 0.0297)
   and log2(1 + r) = r Q(r), Q of degree 5 (2^-38 relative: z = y log2 x
   must be good to 2^-26 when |z| is near 128); 2^z = 2^n 2^(j/16) 2^f with
   k = 16 n + j = rint(16 z), |f| <= 1/32, 2^f = 1 + f E(f), E of degree
   2 (2^-28.6 relative). Q and E: minimax fits (Remez in mpmath); one
   rounding to float at the end, so the result is faithfully rounded. */
static inline VD vpow_f_d(VD m, VD e, VD y) {
  const double shift = 0x1.8p48;         /* rounds to a multiple of 1/16 */
  VDU i = ((VDU)m - 0x3fe6600000000000ull) >> 48;   /* the piece */
  VD r = VFMA_D(m, F64_LUT16(vpow_f_c, i), SPLAT_D(-1.0)), q, z, t, k, s;
  q = SPLAT_D(-0x1.ed01ea6ae92e2p-3);
  q = VFMA_D(q, r, SPLAT_D(0x1.27bf6803aa39bp-2));
  q = VFMA_D(q, r, SPLAT_D(-0x1.71546e40912d8p-2));
  q = VFMA_D(q, r, SPLAT_D(0x1.ec70978484b06p-2));
  q = VFMA_D(q, r, SPLAT_D(-0x1.71547652d4357p-1));
  q = VFMA_D(q, r, SPLAT_D(0x1.71547652bd479p+0));
  z = VFMA_D(r, q, e + F64_LUT16(vpow_f_l, i)) * y;
  /* beyond +-200 the result is 0 or inf anyway; nan becomes 200 */
  z = F64_MAX(F64_MIN(z, SPLAT_D(200.0)), SPLAT_D(-200.0));
  t = z + shift;
  k = t - shift;
  z = z - k;                             /* f, exact */
  q = VFMA_D(SPLAT_D(0x1.c6b408d78266fp-5), z, SPLAT_D(0x1.ebffa47cdf7d5p-3));
  q = VFMA_D(q, z, SPLAT_D(0x1.62e42feccc294p-1)) * z;
  /* 2^(j/16) from the table, times 2^n in its exponent bits */
  s = (VD)((VDU)F64_LUT16(vpow_f_t, (VDU)t) + ((VDU)t >> 4 << 52));
  return VFMA_D(s, q, s);
}
static inline VF vpow_f(VF x, VF y) {
  /* unsigned arithmetic: the lanes for libm may have any bits */
  VFU u = (VFU)x - 0x3f330000u;
  VFI e = (VFI)u >> 23;
  VF m = (VF)((VFU)x - ((VFU)e << 23)), ef = __builtin_convertvector(e, VF);
  return F32_JOIN(vpow_f_d(F32_LO(m), F32_LO(ef), F32_LO(y)),
                  vpow_f_d(F32_HI(m), F32_HI(ef), F32_HI(y)));
}
/* libm for x <= 0, subnormal, inf or nan, and for results that are not
   normal floats (nan, inf, 0 or subnormal: y inf or nan, overflow,
   underflow): two unsigned compares of the bits */
#define POW_RANGE_F(r, x, y) (F32_UGE((VFU)(r) - 0x00800000u, 0x7f000000u) | \
    F32_UGE((VFU)(x) - 0x00800000u, 0x7f000000u))


/* sin and cos in float64 halves: sin x = (-1)^n sin r with n = rint(x/pi)
   and r = x - n pi, cos x = (-1)^n sin r with n = rint(x/pi - 1/2) and
   r = (n + 1/2) pi - x. pi is a double P1 plus a double P2: n P1 and x
   are multiples of 2^-52 and |x - n P1| < 2, so the first fused
   multiply-add is exact, and the second leaves a relative error of 2^-53
   plus n 2^-107 (below 2^-30 of the smallest |r| up to |x| = 2^48).
   sin r = r + r^3 S(r^2) on |r| <= pi/2, S of degree 4, a minimax fit
   (relative error of sin 2^-33, Remez in mpmath). */
static inline VD vsin_f_poly(VD r, VD t) {
  VD s = r * r, p;
  p = VFMA_D(SPLAT_D(-0x1.9db444dc2c7f7p-26), s,
             SPLAT_D(0x1.7196a9e866a6ap-19));
  p = VFMA_D(p, s, SPLAT_D(-0x1.a0190650ed925p-13));
  p = VFMA_D(p, s, SPLAT_D(0x1.11110fdbd9357p-7));
  p = VFMA_D(p, s, SPLAT_D(-0x1.5555555461c2cp-3));
  p = VFMA_D(p, s * r, r);
  /* sin r has the sign of r on |r| <= pi/2; for r = -0 the sum above
     gives +0, so take the sign from r (sin(-0) = -0) */
  p = (VD)(((VDU)p & 0x7fffffffffffffffULL) | ((VDU)r & 0x8000000000000000ULL));
  return (VD)((VDU)p ^ (VDU)t << 63);      /* (-1)^n, n's parity in t */
}
static inline VD vsin_f_d(VD x) {
  const double shift = 0x1.8p52;
  VD t = VFMA_D(x, SPLAT_D(0x1.45f306dc9c883p-2), SPLAT_D(shift));
  VD n = t - shift;
  VD r = VFMA_D(n, SPLAT_D(-0x1.921fb54442d18p+1), x);
  r = VFMA_D(n, SPLAT_D(-0x1.1a62633145c07p-53), r);
  return vsin_f_poly(r, t);
}
/* with -x as the argument */
static inline VD vcos_f_d(VD xn) {
  const double shift = 0x1.8p52;
  VD t = VFMA_D(xn, SPLAT_D(-0x1.45f306dc9c883p-2), SPLAT_D(-0.5)) + shift;
  VD h = (t - shift) + 0.5;
  VD r = VFMA_D(h, SPLAT_D(0x1.921fb54442d18p+1), xn);
  r = VFMA_D(h, SPLAT_D(0x1.1a62633145c07p-53), r);
  return vsin_f_poly(r, t);
}
static inline VF vsin_f(VF x) {
  return F32_JOIN(vsin_f_d(F32_LO(x)), vsin_f_d(F32_HI(x)));
}
static inline VF vcos_f(VF x) {
  x = -x;
  return F32_JOIN(vcos_f_d(F32_LO(x)), vcos_f_d(F32_HI(x)));
}
/* exact reduction up to |x| = 2^48; beyond, and inf and nan, libm */
#define SIN_RANGE_F(r, v) OUTSIDE_VF(v, 0x1p48f)
#define COS_RANGE_F(r, v) OUTSIDE_VF(v, 0x1p48f)


/* log: x = 2^e m with m in [0.699, 1.398) (from the bits; subnormals go to
   libm), cut into 32 pieces by the next 5 bits of x; in piece i,
   log x = e ln2 + log(1/k_i) + log1p(r) with r = m k_i - 1, where k_i is
   1/(middle of the piece) to 6 significant bits, so r is exact in float
   (|r| < 0.0235), and k_i = 1 for the two pieces around 1. ln2 and
   log(1/k_i) are split into a multiple of 2^-16 and a float rest, so
   A = e ln2_hi + log(1/k_i)_hi is exact too. log1p(r) = r + r^2 P(r),
   P of degree 3 (minimax, Remez in mpmath; 2^-32 relative). The sum
   A + r is kept exactly as s + err (|A| >= |r| or A = 0), and the small
   terms are added last: a faithfully rounded result. */
static const float vlog_f_tab[3][32] __attribute__((aligned(64))) = {
  { /* k */
    0x1.68p+0f, 0x1.6p+0f, 0x1.58p+0f, 0x1.5p+0f, 0x1.5p+0f, 0x1.48p+0f,
    0x1.4p+0f, 0x1.38p+0f, 0x1.3p+0f, 0x1.3p+0f, 0x1.28p+0f, 0x1.2p+0f,
    0x1.2p+0f, 0x1.18p+0f, 0x1.18p+0f, 0x1.1p+0f, 0x1.08p+0f, 0x1.08p+0f,
    0x1p+0f, 0x1p+0f, 0x1.fp-1f, 0x1.ep-1f, 0x1.dp-1f, 0x1.cp-1f, 0x1.b8p-1f,
    0x1.bp-1f, 0x1.ap-1f, 0x1.98p-1f, 0x1.9p-1f, 0x1.8p-1f, 0x1.78p-1f,
    0x1.7p-1f,
  },
  { /* h */
    -0x1.5d1cp-2f, -0x1.4618p-2f, -0x1.2e9p-2f, -0x1.1674p-2f, -0x1.1674p-2f,
    -0x1.fb9p-3f, -0x1.c9p-3f, -0x1.9528p-3f, -0x1.5ffp-3f, -0x1.5ffp-3f,
    -0x1.2958p-3f, -0x1.e27p-4f, -0x1.e27p-4f, -0x1.6f1p-4f, -0x1.6f1p-4f,
    -0x1.f0ap-5f, -0x1.f84p-6f, -0x1.f84p-6f, 0, 0, 0x1.042p-5f, 0x1.086p-4f,
    0x1.933p-4f, 0x1.1178p-3f, 0x1.366p-3f, 0x1.5bf8p-3f, 0x1.a94p-3f,
    0x1.d1p-3f, 0x1.f99p-3f, 0x1.2698p-2f, 0x1.3c24p-2f, 0x1.522cp-2f,
  },
  { /* l */
    0x1.2053fcp-21f, -0x1.78438cp-19f, 0x1.d451eep-18f, -0x1.cababap-18f,
    -0x1.cababap-18f, -0x1.86d5e4p-19f, 0x1.070cacp-20f, 0x1.2b185ep-18f,
    -0x1.83853cp-18f, -0x1.83853cp-18f, 0x1.683fp-18f, -0x1.db8abcp-22f,
    -0x1.db8abcp-22f, 0x1.6ba8d4p-19f, 0x1.6ba8d4p-19f, -0x1.86008cp-20f,
    0x1.64f188p-18f, 0x1.64f188p-18f, 0, 0, -0x1.44ec32p-18f,
    -0x1.9d2988p-18f, 0x1.797566p-18f, 0x1.d044fcp-20f, -0x1.a7f538p-22f,
    -0x1.fca55ep-18f, -0x1.2c3752p-19f, 0x1.bf932ap-18f, 0x1.c6cb3cp-19f,
    -0x1.deecb2p-18f, 0x1.277334p-18f, -0x1.1f8c76p-18f,
  },
};
static inline VF vlog_f(VF x) {
  const float *T = &vlog_f_tab[0][0];
  /* unsigned arithmetic: the lanes for libm may have any bits */
  VFU u = (VFU)x - 0x3f330000u;
  VFI e = (VFI)u >> 23, i = (VFI)u >> 18;
  VF m = (VF)((VFU)x - ((VFU)e << 23)), f = __builtin_convertvector(e, VF);
  VF r = VFMA_F(m, F32_LUT32(T, i), SPLAT_F(-1.0f));           /* exact */
  VF a = VFMA_F(f, SPLAT_F(0x1.62e4p-1f), F32_LUT32(T + 32, i)); /* exact */
  VF p = VFMA_F(SPLAT_F(0x1.992a28p-3f), r, SPLAT_F(-0x1.0016f4p-2f)), s;
  p = VFMA_F(p, r, SPLAT_F(0x1.55555ap-2f));
  p = VFMA_F(p, r, SPLAT_F(-0.5f));
  p = VFMA_F(r * r, p,
             VFMA_F(f, SPLAT_F(0x1.7f7d1cp-20f), F32_LUT32(T + 64, i)));
  s = a + r;
  return s + (((a - s) + r) + p);
}
/* libm for x <= 0, subnormal, inf or nan */
#define LOG_RANGE_F(r, v) F32_UGE((VFU)(v) - 0x00800000u, 0x7f000000u)

#endif
