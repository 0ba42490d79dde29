/*
** vmath_pow_f32.h - float32 power x^y of whole vectors, all in float lanes
** (included by kernels.c after vmath.h and vmath_f32.h; uses VFMA_F, SPLAT_F
** and, at AVX2, F32_UGE from them). Each lane not selected by the mask macro
** POW_RANGE_F(r, x, y) is faithfully rounded (within 1 ULP of the exact
** x^y, so of glibc's powf), and the same at AVX2 and AVX-512.
**
** z = y log2 x must be known to about 2^-27 absolute when |z| is near 128
** (a relative 2^-34), which float arithmetic gets by carrying pairs hi + lo
** with exact products (fma) and exact sums:
**  - x = 2^e m, m in [0.699, 1.398) from the bits, cut into 16 pieces by
**    the next 4 bits. In piece i, c_i is a float of at most 6 significant
**    bits near 1 / (middle of the piece), 1 for the piece holding 1, so
**    that r = m c_i - 1 is exact (|r| <= 0.041), and
**    log2 x = e + h_i + l_i + log2(1 + r), h_i = -log2 c_i rounded to a
**    multiple of 2^-16 (so t1 = e + h_i is exact) and l_i the rest.
**  - log2(1 + r) = r G(r), G = K_hi + C_hi r + K_lo + r P(r), with
**    K_hi + K_lo = 1/ln 2 and C_hi = -K_hi / 2; g = fma(C_hi, r, K_hi) and
**    its exact rounding error carry the first two terms, so that
**    s + sl = r G has a relative error near 2^-35.
**  - log2 x = lh + ll (lh = t1 + s, ll its exact rounding error plus
**    sl + l_i), then z = zh + zl (zh = y lh, zl its exact error + y ll).
**  - 2^z = 2^n 2^(j/16) 2^f: k = 16 n + j is zh + zl rounded to a
**    multiple of 1/16, f = (zh - k) + zl (zh - k is exact), so
**    |f| <= 1/32 + 2^-17; 2^f = 1 + f E(f), E of degree 2 (2^-29 relative);
**    2^(j/16) is a float T_j times 1 + c_j, so the result is
**    fma(S, q, S) with S = T_j 2^n (n put into the exponent bits) and
**    q = f E(f) + c_j: one rounding at the end.
** P and E are our minimax fits (Remez exchange in mpmath, relative error
** of log2(1 + r) / r on the r range, of 2^f on |f| <= 1/32 + 2^-10; E is
** exactly what tools/fit/pow_f32.py makes, P near-minimax: the script's
** differs by up to 56 ULP, 2^-34.87 against 2^-34.82);
** c_i (the best such c, chosen and checked over every float m of the
** piece), h_i, l_i, T_j and c_j are exact or correctly rounded values,
** computed by us with numpy and mpmath.
**
** z is clamped to [-128, 128] (nan may stay nan): then every lane whose
** result is not a normal float ends as a nan, an infinity, a zero, a
** subnormal or a negative number, which the mask catches.
*/
#ifndef LPY_VMATH_POW_F32_H
#define LPY_VMATH_POW_F32_H

/* Level-specific pieces: a 16-entry lookup (one permute at AVX-512; two
   8-entry permutes and a blend on bit 3 of the index at AVX2), the clamp of
   z to [-128, 128] (one vrangeps at AVX-512: the smaller magnitude of z and
   128, with z's sign), and the mask test. Both levels compute the same
   values on every lane the mask lets through. */
#ifdef __AVX512F__
#define VPOW_F_LUT16(tab, i) _mm512_permutexvar_ps((__m512i)(i), _mm512_load_ps(tab))
#define VPOW_F_CLAMP128(z) _mm512_range_ps(z, _mm512_set1_ps(128.0f), 6)
/* nan, +-0, +-inf, subnormal or negative x or result: vfpclassps */
#define POW_RANGE_F(r, x, y) ((unsigned)(_mm512_fpclass_ps_mask(r, 0xff) | \
    _mm512_fpclass_ps_mask(x, 0xff)))
#else
#define VPOW_F_LUT16(tab, i) _mm256_blendv_ps(                               \
    _mm256_permutevar8x32_ps(_mm256_load_ps(tab), (__m256i)(i)),            \
    _mm256_permutevar8x32_ps(_mm256_load_ps((tab) + 8), (__m256i)(i)),      \
    (__m256)((VFU)(i) << 28))
#define VPOW_F_CLAMP128(z) _mm256_max_ps(_mm256_min_ps(z,                    \
    _mm256_set1_ps(128.0f)), _mm256_set1_ps(-128.0f))
/* the same lanes: bits - 2^23 >= 0x7f000000, unsigned, for x or result */
#define POW_RANGE_F(r, x, y) F32_UGE((VFU)_mm256_max_epu32(                \
    (__m256i)((VFU)(r) - 0x00800000u), (__m256i)((VFU)(x) - 0x00800000u)), \
    0x7f000000u)
#endif

static const float vpow_f2_tab[5][16] __attribute__((aligned(64))) = {
  { /* c_i */
    0x1.68p+0f, 0x1.58p+0f, 0x1.48p+0f, 0x1.4p+0f, 0x1.3p+0f, 0x1.28p+0f,
    0x1.18p+0f, 0x1.1p+0f, 0x1.08p+0f, 0x1p+0f, 0x1.ep-1f, 0x1.dp-1f,
    0x1.bp-1f, 0x1.ap-1f, 0x1.88p-1f, 0x1.78p-1f,
  },
  { /* h_i - i / 16 */
    -0x1.f7a8p-2f, -0x1.f48p-2f, -0x1.ee24p-2f, -0x1.04d4p-1f, -0x1.fdep-2f,
    -0x1.0b3ep-1f, -0x1.0232p-1f, -0x1.0cc8p-1f, -0x1.16bap-1f, -0x1.2p-1f,
    -0x1.1054p-1f, -0x1.174ap-1f, -0x1.028p-1f, -0x1.06ap-1f, -0x1.f578p-2f,
    -0x1.f7e8p-2f,
  },
  { /* l_i */
    -0x1.5a32c2p-20f, 0x1.408c78p-18f, 0x1.e3263p-18f, 0x1.ed0cbap-20f,
    -0x1.6b9026p-19f, 0x1.0e9258p-18f, 0x1.3b992cp-18f, 0x1.20a6dep-21f,
    -0x1.a6eb1ep-18f, 0, 0x1.25b3eep-22f, 0x1.6e155ap-18f,
    -0x1.3ab7cep-18f, -0x1.1c8f12p-22f, 0x1.80abfcp-18f, 0x1.dc2d46p-18f,
  },
  { /* T_j = float(2^(j/16)), its bits minus j << 19 */
    0x1p+0f, 0x1.fb5586p-1f, 0x1.f72b84p-1f, 0x1.f387a6p-1f,
    0x1.f06fep-1f, 0x1.edea64p-1f, 0x1.ebfdaep-1f, 0x1.eab07ep-1f,
    0x1.ea09e6p-1f, 0x1.ea1148p-1f, 0x1.eace54p-1f, 0x1.ec4918p-1f,
    0x1.ee89fap-1f, 0x1.f199bep-1f, 0x1.f5818ep-1f, 0x1.fa4afap-1f,
  },
  { /* c_j = (2^(j/16) - T_j) / T_j */
    0, 0x1.8d96d4p-25f, -0x1.9c0c22p-27f, 0x1.964904p-25f,
    0x1.125002p-25f, 0x1.370be4p-25f, -0x1.0a355p-25f, -0x1.00d8acp-27f,
    0x1.26055cp-26f, -0x1.05cb44p-25f, 0x1.67a1cap-28f, 0x1.a3b5e4p-28f,
    -0x1.f9c304p-27f, -0x1.6961b4p-28f, -0x1.a5217cp-28f, 0x1.61428ep-28f,
  },
};

static inline VF vpow_f(VF x, VF y) {
  const float *T = &vpow_f2_tab[0][0];
  const float Khi = 0x1.715476p+0f, Klo = 0x1.4ae0cp-26f, Chi = -0x1.715476p-1f;
  const float shift = 0x1.8p19f;        /* rounds to a multiple of 1/16 */
  /* i: 16 e + the piece (its low 4 bits index the tables), so
     t1 = i / 16 + (h_i - piece / 16) = e + h_i, exactly */
  /* unsigned arithmetic: the lanes for libm may have any bits */
  VFU u = (VFU)x - 0x3f330000u;
  VFI i = (VFI)u >> 19;
  VF m = (VF)((u & 0x7fffffu) + 0x3f330000u), fi = __builtin_convertvector(i, VF);
  VF r = VFMA_F(m, VPOW_F_LUT16(T, i), SPLAT_F(-1.0f));               /* exact */
  VF t1 = VFMA_F(fi, SPLAT_F(0x1p-4f), VPOW_F_LUT16(T + 16, i));      /* exact */
  VF l = VPOW_F_LUT16(T + 32, i), g, p, s, sl, lh, ll, zh, zl, zs, t, k, f, q, sc;
  /* G = g + (K_hi - g + C_hi r) + K_lo + r P(r); K_hi - g is exact and the
     fma gives the rounding error of g to 2^-24 of itself */
  g = VFMA_F(SPLAT_F(Chi), r, SPLAT_F(Khi));
  p = VFMA_F(SPLAT_F(-0x1.ed1f92p-3f), r, SPLAT_F(0x1.27f378p-2f));
  p = VFMA_F(p, r, SPLAT_F(-0x1.71546ep-2f));
  p = VFMA_F(p, r, SPLAT_F(0x1.ec708ep-2f));
  p = VFMA_F(p, r, SPLAT_F(-0x1.4a90eap-27f));
  p = VFMA_F(p, r, VFMA_F(SPLAT_F(Chi), r, Khi - g) + Klo);
  /* s + sl = r G: s = r g rounded, sl its exact error plus r (G - g) */
  s = r * g;
  sl = VFMA_F(r, p, VFMA_F(r, g, -s)) + l;
  /* lh + ll = t1 + s + sl + l_i, lh = t1 + s rounded; the two-sum is exact
     as t1 = 0 or |t1| > |s| */
  lh = t1 + s;
  ll = ((t1 - lh) + s) + sl;
  zh = y * lh;
  zl = VFMA_F(y, ll, VFMA_F(y, lh, -zh));
  /* k: z rounded to a multiple of 1/16 (in the low bits of t); f = z - k */
  zs = VPOW_F_CLAMP128(zh + zl);
  t = zs + shift;
  k = t - shift;
  f = (zh - k) + zl;
  q = VFMA_F(SPLAT_F(0x1.c6ac28p-5f), f, SPLAT_F(0x1.ec0036p-3f));
  q = VFMA_F(q, f, SPLAT_F(0x1.62e43p-1f));
  q = VFMA_F(q, f, VPOW_F_LUT16(T + 64, (VFI)t));
  /* S = T_j 2^n: the low bits of t hold k, and the table entries lack
     j << 19, so adding k << 19 puts n into the exponent. With |k| <= 2048
     and T_j in [1, 2), n = 128 gives +inf or nan, n = -128 -inf or a
     negative nan, n = -127 a subnormal whose product with 1 + q stays
     below 2^-126: all caught by the mask. */
  sc = (VF)((VFU)VPOW_F_LUT16(T + 48, (VFI)t) + ((VFU)t << 19));
  return VFMA_F(sc, q, sc);
}

#endif
