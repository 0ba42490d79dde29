/*
** vmath_pow.h - x**y of float64 lanes (included by kernels.c after
** vmath.h): faster than SLEEF's, within 1 ULP of glibc's pow.
** pow = exp(y log x), with log x as a double-double hi + lo:
**   x = 2^k m, m in [0.693, 1.385) cut into 32 intervals (5 bits of m's
**   offset mantissa), each with a double invc ~ 1/c chosen so that log c =
**   -log(invc) is within 2^-77 of a multiple of 2^-53 (Gal's accurate
**   tables: one table for invc, one for log c). m invc = p + plo exactly
**   (plo by a fused multiply-add), r = p - 1 exactly, |r| < 0.0153, and
**   log x = k ln2 + (log c + r) - r^2/2 + r^3 P(r) + plo / (1 + r),
**   where log c + r is exact too; hi carries the big terms to ~2^-20 and
**   lo the rest and the rounding errors (Fast2Sum), ~2^-65 relative in all.
** z = y (hi + lo) = zhi + zlo by fused multiply-adds, |zlo| < 2^-9; then
** e^z with z = n ln2/16 + s, |s| < 0.026: 2^(j/16) = T_j e^(d_j) from two
** 16-entry tables (T_j the double nearest 2^(j/16), d_j its tiny log
** correction), e^s - 1 by a degree-7 polynomial, and 2^(n >> 4) added into
** T_j's exponent bits. Max error seen 0.54 ULP of the exact value (so at
** most 1 ULP from glibc's correctly rounded pow).
** AVX2 and AVX-512 give the same bits: the same operations per lane, only
** table lookups, k's conversion and the clamp are written per level.
** Lanes to recompute with libm (POW_RANGE_D): those whose result is not a
** positive normal number. The function makes sure that x not positive
** normal (k = nan), nan or inf in y (zhi nan or inf), overflow and
** underflow (n clamped to [-16384, 16384] first: 2^(n >> 4) = 2^+-1024 is
** inf or nan; else inf, subnormal or 0) all end in such a result.
*/

/* Tables. Logarithm: interval 19 is [1 - 1/96, 1 + 1/96) with c = 1;
   invc: a double near 1 / mid(interval), searched (libquadmath's logq,
   log1p's series, in __float128) until -log(invc) was within 2^-77 of a
   multiple of 2^-53; logc: that multiple (checked with mpmath at 300 bits).
   Exponential: T_j, the double nearest 2^(j/16), stored as the double whose
   bits are bits(T_j) - (j << 48), so that adding n << 48 gives T_j 2^(n >> 4);
   d_j = j ln2/16 - log(T_j) (mpmath). AVX-512 permutes them in registers
   (one array each); AVX2 loads (invc, log c) and (T_j, d_j) pairs. */
/* each table once, as (first, second) pairs: X(invc, log c) and X(T_j, d_j) */
#define VPOW_LOGTAB(X) \
  X(0x1.6d713fc0a2a0bp+0, -0x1.6c7938a784c48p-2) \
  X(0x1.6578165cce3bfp+0, -0x1.55e2661efffacp-2) \
  X(0x1.5dd617aadeb82p+0, -0x1.3fc8650789248p-2) \
  X(0x1.5685cc412ae7ap+0, -0x1.2a25ef6a6efbcp-2) \
  X(0x1.4f822f3b00bd9p+0, -0x1.14f612cf7f074p-2) \
  X(0x1.48c6a2abe99d1p+0, -0x1.003429415844ap-2) \
  X(0x1.424ee5fdbe45fp+0, -0x1.d7b7a982713b8p-3) \
  X(0x1.3c170c5a7ce83p+0, -0x1.afd1efb9b5808p-3) \
  X(0x1.361b751603c62p+0, -0x1.88af639b05f10p-3) \
  X(0x1.3058c4872b043p+0, -0x1.6248b35ac5b88p-3) \
  X(0x1.2acbddc757b50p+0, -0x1.3c96f4fdf22e8p-3) \
  X(0x1.2571dcdc92d07p+0, -0x1.17939d5e3e978p-3) \
  X(0x1.204812014c803p+0, -0x1.e670f6ca7ccc8p-4) \
  X(0x1.1b4bfd0e798e0p+0, -0x1.9eff629be2cc0p-4) \
  X(0x1.167b493b7b552p+0, -0x1.58c75aeac44d8p-4) \
  X(0x1.11d3c9d134520p+0, -0x1.13be4f2160ba8p-4) \
  X(0x1.0d5376849de9dp+0, -0x1.9fb464dc1a8f0p-5) \
  X(0x1.08f868edc3b02p+0, -0x1.1a22f2a580f60p-5) \
  X(0x1.04c0d94cb4af8p+0, -0x1.2d6c24ba922a0p-6) \
  X(0x1.0000000000000p+0, 0x0.0p+0) \
  X(0x1.f3014cb1732dbp-1, 0x1.a534a91132fe0p-6) \
  X(0x1.e441937ff154fp-1, 0x1.c8619d30ee470p-5) \
  X(0x1.d65aa4288970ap-1, 0x1.5b800335cc8e0p-4) \
  X(0x1.c93a5819227f0p-1, 0x1.cf6eac9a8a210p-4) \
  X(0x1.bcd081c049599p-1, 0x1.2016314e36fd0p-3) \
  X(0x1.b10ea9292c866p-1, 0x1.56f27610e8588p-3) \
  X(0x1.a5e7d412939b3p-1, 0x1.8c60509267d18p-3) \
  X(0x1.9b5055ab4c396p-1, 0x1.c07263b77d3ecp-3) \
  X(0x1.913da62a9e9bfp-1, 0x1.f339ee3714490p-3) \
  X(0x1.87a63f4196b1ep-1, 0x1.126377df8e560p-2) \
  X(0x1.7e817e873fb3ep-1, 0x1.2a9422583bfbcp-2) \
  X(0x1.75c78b3250c9bp-1, 0x1.4235e139254cep-2)
#define VPOW_EXPTAB(X) \
  X(0x1.0000000000000p+0, 0x0.0p+0) \
  X(0x1.fb5586cf9890fp-1, 0x1.79aa65d837b6cp-54) \
  X(0x1.f72b83c7d517bp-1, -0x1.01b15eaa59348p-55) \
  X(0x1.f387a6e756238p-1, 0x1.68efde3a8a894p-54) \
  X(0x1.f06fe0a31b715p-1, 0x1.34d754db0abb6p-55) \
  X(0x1.edea64c123422p-1, 0x1.59f48a72a4c6dp-55) \
  X(0x1.ebfdad5362a27p-1, 0x1.690cebb7aafb0p-56) \
  X(0x1.eab07dd485429p-1, 0x1.063e1e21c5409p-54) \
  X(0x1.ea09e667f3bcdp-1, -0x1.3b3efbf5e2229p-54) \
  X(0x1.ea11473eb0187p-1, -0x1.b32dcb94da51dp-56) \
  X(0x1.eace5422aa0dbp-1, 0x1.db72fc1f0eab4p-55) \
  X(0x1.ec49182a3f090p-1, 0x1.1affc2b91ce27p-56) \
  X(0x1.ee89f995ad3adp-1, 0x1.c1a7792cb3387p-55) \
  X(0x1.f199bdd85529cp-1, 0x1.36eae30af0cb3p-56) \
  X(0x1.f5818dcfba487p-1, 0x1.4a385a63d07a7p-56) \
  X(0x1.fa4afa2a490dap-1, -0x1.ff7128fd391f1p-55)
#define VPOW_1ST(a, b) a,
#define VPOW_2ND(a, b) b,
#define VPOW_BOTH(a, b) a, b,
#ifdef __AVX512F__
static const double vpow_invc[32] = { VPOW_LOGTAB(VPOW_1ST) };
static const double vpow_logc[32] = { VPOW_LOGTAB(VPOW_2ND) };
static const double vpow_expt[16] = { VPOW_EXPTAB(VPOW_1ST) };
static const double vpow_expd[16] = { VPOW_EXPTAB(VPOW_2ND) };
#else
static const double vpow_logtab2[64] = { VPOW_LOGTAB(VPOW_BOTH) };
static const double vpow_exptab2[32] = { VPOW_EXPTAB(VPOW_BOTH) };
#endif

/* vpow_logtab(i, 0 / 1): invc / log c of entry i & 31; vpow_exptab(j, jd,
   0 / 1): T of entry j & 15 / d of entry jd & 15 (jd = j where d matters) */
#ifdef __AVX512F__
static inline VD vpow_perm32(const double *t, VDU i) {
  __m512i k = (__m512i)i;
  return _mm512_mask_blend_pd(_mm512_test_epi64_mask(k, _mm512_set1_epi64(16)),
      _mm512_permutex2var_pd(_mm512_loadu_pd(t), k, _mm512_loadu_pd(t + 8)),
      _mm512_permutex2var_pd(_mm512_loadu_pd(t + 16), k, _mm512_loadu_pd(t + 24)));
}
static inline VD vpow_perm16(const double *t, VDU i) {
  return _mm512_permutex2var_pd(_mm512_loadu_pd(t), (__m512i)i, _mm512_loadu_pd(t + 8));
}
static inline VD vpow_logtab(VDU i, int which) {
  return vpow_perm32(which ? vpow_logc : vpow_invc, i);
}
static inline VD vpow_exptab(VDU j, VDU jd, int which) {
  return which ? vpow_perm16(vpow_expd, jd) : vpow_perm16(vpow_expt, j);
}
#else
/* t[2 i] (which = 0) or t[2 i + 1] (1) for the 4 lanes: 16-byte loads of
   the pairs, transposed (the loads are shared by the two calls; much
   faster than gathers here) */
static inline VD vpow_pairs(const double *t, VDU i, int which) {
  __m256d l02 = _mm256_insertf128_pd(_mm256_castpd128_pd256(_mm_loadu_pd(t + 2 * i[0])),
                                     _mm_loadu_pd(t + 2 * i[2]), 1);
  __m256d l13 = _mm256_insertf128_pd(_mm256_castpd128_pd256(_mm_loadu_pd(t + 2 * i[1])),
                                     _mm_loadu_pd(t + 2 * i[3]), 1);
  return which ? _mm256_unpackhi_pd(l02, l13) : _mm256_unpacklo_pd(l02, l13);
}
static inline VD vpow_logtab(VDU i, int which) {
  return vpow_pairs(vpow_logtab2, i & 31, which);
}
static inline VD vpow_exptab(VDU j, VDU jd, int which) {
  (void)jd;                              /* one index for the pair */
  return vpow_pairs(vpow_exptab2, j & 15, which);
}
#endif

static inline VD vpow_d(VD x, VD y) {
  /* x = 2^k m: v = bits(x) - bits(0x1.62aaaaaaaaaabp-1) holds k from bit 52
     up and m's offset mantissa below; the table index is bits 47-51 */
  VDU v = (VDU)x - 0x3fe62aaaaaaaaaabULL;
  VD m = (VD)((v & 0x000fffffffffffffULL) + 0x3fe62aaaaaaaaaabULL);
  VD invc, logc, p, plo, r, kd, a, u, t, w, h, r2, r3, hi, Q, lo;
  VD zhi, zlo, n, s, s2, q, T, D;
  VDU tc;
  invc = vpow_logtab(v >> 47, 0);
  logc = vpow_logtab(v >> 47, 1);
  p = m * invc;
  plo = VFMA_D(m, invc, -p);                  /* m invc = p + plo */
  r = p - 1.0;                                /* exact, a multiple of 2^-53 */
  /* k, or nan where x is not a positive normal number */
#ifdef __AVX512F__
  kd = _mm512_mask_mov_pd(__builtin_convertvector((VDI)v >> 52, VD),
                          _mm512_fpclass_pd_mask(x, 0xff), SPLAT_D(__builtin_nan("")));
#else
  /* k's 12 bits, offset by 2048, as the low bits of 2^52 + k + 2048 */
  kd = (VD)((v >> 52) ^ 0x4330000000000800ULL) - 0x1.0000000000800p52;
  kd = (VD)((VDU)kd | (VDU)((VDI)SPLAT_D(0x1p-1021) >      /* bits 2^53 */
                            (VDI)((VDU)x + 0x0010000000000000ULL)));
#endif
  /* hi = k LN2HI + (log c + r) - r^2/2 + r^3/3, each step rounded once:
     a = k LN2HI is exact (LN2HI has 42 bits), u = log c + r too, the rest
     in lo: the error of t = a + u (Fast2Sum: |a| >= |u| unless a = 0), of
     h and of hi (their fma rounding errors, from the exact h - t and
     hi - h), k LN2LO, r^3 P(r) - r^3/3, and plo / (1 + r) ~ plo (1 - r + r^2).
     r3 = RN(RN(r^2) r) stands for r^3 in both r^3/3 and r^3 P(r). */
  a = kd * 0x1.62e42fefa3800p-1;
  u = logc + r;
  t = a + u;
  w = r * -0.5;
  h = VFMA_D(r, w, t);
  r2 = r * r;
  r3 = r2 * w;                                /* -r^3/2 */
  hi = VFMA_D(r3, SPLAT_D(-0x1.5555555555555p-1), h);
  /* r^3 P(r) = r3 (-2/3 + r Q(r)), P ~ (log1p(r) - r + r^2/2) / r^3 a
     degree-7 minimax on |r| <= 0.01524 with weight r^2 + (0.01524/4)^2
     (Remez exchange in mpmath at 200 bits), error 2^-68.9 relative to r
     after rounding, whose constant term rounds to 1/3; Q = -2 (P - P(0)) / r.
     tools/fit/pow.py redoes this fit and q's below: the same bounds, the
     trailing coefficients differ (see docs/simd.md) */
  Q = VFMA_D(SPLAT_D(0x1.99d292a62a74cp-3), r2, VFMA_D(SPLAT_D(-0x1.c7503defe3fc5p-3), r, SPLAT_D(0x1.fffffc9e6daa5p-3)));
  Q = VFMA_D(VFMA_D(Q, r2, VFMA_D(SPLAT_D(-0x1.249247ed0e490p-2), r, SPLAT_D(0x1.555555555ff16p-2))), r2,
             VFMA_D(SPLAT_D(-0x1.999999999f23dp-2), r, SPLAT_D(0x1.fffffffffffffp-2)));
  lo = VFMA_D(r * r3, Q, VFMA_D(kd, SPLAT_D(0x1.ef35793c76730p-45), (a - t) + u))
       + VFMA_D(plo, VFMA_D(r, r, 1.0 - r), VFMA_D(r, w, t - h));
  /* zhi + zlo = y (hi + lo + error of hi); hi is within 2^-19 of log x */
  zhi = y * hi;
  zlo = VFMA_D(y, lo, VFMA_D(y, VFMA_D(r3, SPLAT_D(-0x1.5555555555555p-1), h - hi),
                             VFMA_D(y, hi, -zhi)));
  /* e^(zhi + zlo): t's low bits hold n = rint(y hi 16/ln2), a neighbour of
     rint(zhi 16/ln2); s = zhi - n ln2/16 + zlo, the first part exact (zhi
     and n C_HI are multiples of 2^-58 when n != 0, and |s| < 2^-5).
     tc: t clamped to n in [-16384, 16384], for T and its exponent (the bits
     of positive doubles are in the order of their values; maxpd returns its
     second operand for nan) */
  t = VFMA_D(y * 0x1.71547652b82fep+4, hi, SPLAT_D(0x1.8p52));
  n = t - 0x1.8p52;
#ifdef __AVX512F__
  tc = (VDU)_mm512_min_epi64(_mm512_max_epi64((__m512i)t,
           (__m512i)SPLAT_D(0x1.8p52 - 16384)), (__m512i)SPLAT_D(0x1.8p52 + 16384));
#else
  tc = (VDU)_mm256_min_pd(_mm256_max_pd(t, SPLAT_D(0x1.8p52 - 16384)),
                          SPLAT_D(0x1.8p52 + 16384));
#endif
  T = vpow_exptab(tc, (VDU)t, 0);
  D = vpow_exptab(tc, (VDU)t, 1);
  s = VFMA_D(n, SPLAT_D(-0x1.62e42fefa39efp-5), zhi)        /* ln2/16, high */
      + VFMA_D(n, SPLAT_D(-0x1.abc9e3b39803fp-60), zlo);       /* the rest */
  /* e^(s + d) - 1 = s + d + s^2 q(s) (d s < 2^-59 dropped), q of degree 5:
     minimax on |s| <= 0.026 with weight s^2 + (0.026/4)^2 (Remez exchange in
     mpmath), error 2^-63.5 after rounding */
  s2 = s * s;
  q = VFMA_D(SPLAT_D(0x1.a01c4adb701d4p-13), s, SPLAT_D(0x1.6c18d73164b24p-10));
  q = VFMA_D(q, s2, VFMA_D(SPLAT_D(0x1.1111110feab20p-7), s, SPLAT_D(0x1.55555553c14ecp-5)));
  q = VFMA_D(q, s2, VFMA_D(SPLAT_D(0x1.5555555555561p-3), s, SPLAT_D(0x1.000000000000ap-1)));
  q = VFMA_D(q, s2, s + D);
  /* T_j 2^(n >> 4) (1 + q): n << 48 = (n >> 4) << 52 + j << 48 */
  T = (VD)((VDU)T + (tc << 48));
  return VFMA_D(T, q, T);
}

/* Lanes for libm: results that are not positive normal numbers below
   DBL_MAX (0, subnormal, negative, inf, nan, and DBL_MAX itself, which
   a result just past the overflow threshold could round to here where
   libm gives inf): bits + 2^52 + 1 < 2^53 + 1 as signed integers.
   x and y need no test, see above. */
#ifdef __AVX512F__
#define POW_RANGE_D(r, x, y) ((unsigned)(_mm512_fpclass_pd_mask(r, 0xff) |     \
    _mm512_cmp_pd_mask(r, _mm512_set1_pd(0x1.fffffffffffffp1023), _CMP_EQ_OQ)))
#else
#define POW_RANGE_D(r, x, y) ((unsigned)_mm256_movemask_pd((__m256d)(             \
    (VDI)SPLAT_D(0x1p-1021) + 1 > (VDI)((VDU)(r) + 0x0010000000000001ULL))))
#endif
