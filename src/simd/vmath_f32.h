/*
** vmath_f32.h - log and tanh of float32 lanes, and the float32 helpers the
** other float32 headers use (included by kernels.c after vmath.h): each
** lane not selected by the function's mask macro is within 1 ULP of the
** correctly rounded result, and the same at AVX2 and AVX-512. Mask macros
** NAME_RANGE_F(r, v) give the lanes to compute again with libm. Both
** work in float, from small tables (32 pieces) and short polynomials,
** with the leading terms kept exact (details below). All coefficients are
** ours: minimax fits (Remez exchange in mpmath, in extended precision) or
** exact values, as said at each function.
*/
#ifndef LPY_VMATH_F32_H
#define LPY_VMATH_F32_H

/* Level-specific pieces, only where vector extensions cannot do the thing
   or do it badly: min, unsigned compare to a bit mask, and lookups of 32
   floats by lane index (a two-table permute at AVX-512; four one-table
   permutes and blends at AVX2). Lookups only copy table entries, so both
   levels give the same lanes. */
#ifdef __AVX512F__
#define F32_MIN(a, b) _mm512_min_ps(a, b)
#define F32_LUT32(tab, i) _mm512_permutex2var_ps(_mm512_load_ps(tab), \
    (__m512i)(i), _mm512_load_ps((tab) + 16))
/* lanes where a >= b, unsigned, as a bit mask */
#define F32_UGE(a, b) ((unsigned)_mm512_cmpge_epu32_mask((__m512i)(a), \
    _mm512_set1_epi32((int)(b))))
#else
#define F32_MIN(a, b) _mm256_min_ps(a, b)
/* 32 entries: four 8-entry permutes, chosen between by bits 3 and 4 */
static inline __m256 f32_lut32_avx2(const float *tab, VFI i) {
  __m256i j = (__m256i)i;
  __m256 b3 = (__m256)((VFU)i << 28), b4 = (__m256)((VFU)i << 27);
  __m256 a = _mm256_blendv_ps(
      _mm256_permutevar8x32_ps(_mm256_load_ps(tab), j),
      _mm256_permutevar8x32_ps(_mm256_load_ps(tab + 8), j), b3);
  __m256 b = _mm256_blendv_ps(
      _mm256_permutevar8x32_ps(_mm256_load_ps(tab + 16), j),
      _mm256_permutevar8x32_ps(_mm256_load_ps(tab + 24), j), b3);
  return _mm256_blendv_ps(a, b, b4);
}
#define F32_LUT32(tab, i) f32_lut32_avx2(tab, i)
#define F32_UGE(a, b) ((unsigned)_mm256_movemask_ps((__m256)((VFU)(a) >= (b))))
#endif

/* tanh: odd, so a = |x| (at most 10: tanh rounds to 1 from 9.02 on) and
   the sign put back. [0, 10] is cut into 25 pieces: piece i holds the a
   whose float(a + 1/8) has bits >> 21 equal to 496 + i, which is four
   equal pieces per binade of a + 1/8 ([0, 1/32) first, [7.875, 9.875)
   last); pieces 25-31 give 1. On each, tanh(c + t) ~ c0 + c1 t + ... +
   c6 t^6 with t = a - c; the center c is a float near the middle of the
   piece chosen (by search) so that tanh(c) is within 2^-35 of a float c0
   (2^-35.8 at worst) and tanh'(c) near a float c1 (within 2^-31.9;
   tools/fit/f32.py measures both), and c2..c6 are a minimax fit
   (relative error, Remez in mpmath) with c0 and c1 fixed; in float: at
   most 2^-29.4 relative. Piece 0 has c = 0 and the odd terms only. The
   terms after c0 are at most 1/4 of the result, so evaluated in float
   they add at most about 2^-26 relative, and the result is faithfully
   rounded. */
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

/* log: x = 2^e m with m in [0.699, 1.398) (from the bits; subnormals go to
   libm), cut into 32 pieces by the next 5 bits of x; in piece i,
   log x = e ln2 + log(1/k_i) + log1p(r) with r = m k_i - 1, where k_i is
   1/(middle of the piece) to 6 significant bits, so r is exact in float
   (|r| < 0.0235), and k_i = 1 for the two pieces around 1. ln2 and
   log(1/k_i) are split into a multiple of 2^-16 and a float rest, so
   A = e ln2_hi + log(1/k_i)_hi is exact too. log1p(r) = r + r^2 P(r),
   P of degree 3 with P(0) = -1/2 held (minimax, Remez in mpmath, rounded
   to float: tools/fit/f32.py; 2^-32.7 relative error of log1p). The sum
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
  VF p = VFMA_F(SPLAT_F(0x1.98f18ap-3f), r, SPLAT_F(-0x1.0013ecp-2f)), s;
  p = VFMA_F(p, r, SPLAT_F(0x1.55555cp-2f));
  p = VFMA_F(p, r, SPLAT_F(-0.5f));
  p = VFMA_F(r * r, p,
             VFMA_F(f, SPLAT_F(0x1.7f7d1cp-20f), F32_LUT32(T + 64, i)));
  s = a + r;
  return s + (((a - s) + r) + p);
}
/* libm for x <= 0, subnormal, inf or nan */
#define LOG_RANGE_F(r, v) F32_UGE((VFU)(v) - 0x00800000u, 0x7f000000u)

#endif
