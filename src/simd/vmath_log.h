/*
** vmath_log.h - natural logarithm of float64 lanes (included by kernels.c
** after vmath.h): faster than SLEEF's and NumPy's, error < 0.55 ULP
** (measured), within 1 ULP of glibc.
** x = 2^k z with z in [0.703125, 1.40625): integer arithmetic on the bits
** (subtracting those of z0 = 0.703125) gives k and z, and the top four
** mantissa bits of z - z0 pick one of 16 intervals, each with a constant c:
** log x = k ln2 + log c + log1p(r), r = z/c - 1, |r| <= 0.0342.
** 1/c has at most 7 significant bits, so r = fma(z, 1/c, -1) is exact; c is
** exactly 1 on the interval holding 1 (z in [1 - 1/64, 1 + 1/32)), so that
** near x = 1 the result is r + r^2 q(r), with nothing to cancel.
** log1p(r) = r + r^2 q(r), q of degree 8. The sum is kept accurate: ln2 and
** log c are split in two, the high parts on a 2^-42 grid so that
** t1 = k ln2hi + (log c)hi is exact; t2 = t1 + r is a Fast2Sum (|t1| >= |r|
** or t1 = 0) whose error joins the low parts and r^2 q(r) in one small
** term, so that only the last addition rounds at the result's scale.
** Valid for positive normal finite x; the caller sends the other lanes
** (x <= 0, subnormal, +inf, nan) to libm (LOG_RANGE_D).
**
** The constants were made with python3 + mpmath (200-bit arithmetic):
** each 1/c is the multiple of 2^-6 (or coarser) that minimises max |r| on
** its interval among those that keep r exact; log c = -log(1/c), split at
** the 2^-42 grid, the low part kept to 2^-68. q is a weighted minimax fit
** of (log1p(r) - r)/r^2 on [-0.0342, 0.03125] (Lawson's iteration on 1500
** points), the weight making the error relative to |log x| (to the
** smallest |log x| of each interval, and to |log1p(r)| on the interval of
** 1): with the coefficients rounded to double, 2^-60.4 of |log x| at most
** (tools/fit/log.py redoes the tables exactly; its Lawson fit of q, whose
** point spacing and iteration count are not known, reaches 2^-60.37 with
** other trailing coefficients).
** The code takes kd = 16 (k + 1023) + i (i the interval) straight from the
** bits, so the tables hold log c - (16 * 1023 + i) ln2/16, with ln2/16 in
** two parts, ln2hi16 on the 2^-42 grid and ln2lo16 on the 2^-68 one (so
** that on the interval of 1 the low parts cancel exactly when k = 0).
*/

/* per interval i: the high part of log c - (16 * 1023 + i) ln2hi16 (an
   exact double on the 2^-42 grid), for 1/c = 11/8 43/32 41/32 39/32 19/16
   37/32 35/32 17/16 33/32 1 15/16 57/64 27/32 51/64 49/64 23/32 */
static const double vlog_logc_d[16] __attribute__((aligned(64))) = {
  -0x1.62b439fb2850cp+9, -0x1.62b6d439d998cp+9, -0x1.62b6471d90f34p+9,
  -0x1.62b56bf08047ep+9, -0x1.62b7a45713b9ap+9, -0x1.62b9c60a5af08p+9,
  -0x1.62b834b16801cp+9, -0x1.62ba0a651251ep+9, -0x1.62bbc3bd03db0p+9,
  -0x1.62bd5efa61ca8p+9, -0x1.62baa7bec6b9ep+9, -0x1.62b9a2882f856p+9,
  -0x1.62b8426c35b1cp+9, -0x1.62b67d056e5f2p+9, -0x1.62b6e9b11c334p+9,
  -0x1.62b45f02d1d04p+9
};
/* 1/c, and the low part of log c - (16 * 1023 + i) ln2lo16, as 32-bit
   words: a word w in the low half of a double whose high half is word 0
   decodes, by subtracting one constant, as 1/c = m/64 (the double is
   2^46 + w/64) or as the low part (2^-16 + w 2^-68), both exactly. Word 0
   is the constants' high half too, so that interval 0 decodes the same
   way. */
static const unsigned vlog_invc_w[16] __attribute__((aligned(64))) = {
  0x42d00000, 0x42cffffe, 0x42cffffa, 0x42cffff6, 0x42cffff4, 0x42cffff2,
  0x42cfffee, 0x42cfffec, 0x42cfffea, 0x42cfffe8, 0x42cfffe4, 0x42cfffe1,
  0x42cfffde, 0x42cfffdb, 0x42cfffd9, 0x42cfffd6
};
static const unsigned vlog_logcl_w[16] __attribute__((aligned(64))) = {
  0x3ef00000, 0x3d84fe8c, 0x3b3c5a40, 0x3a5ba377, 0x38e83f85, 0x36eed566,
  0x350f0b7d, 0x32df1883, 0x2f58d0af, 0x2e555837, 0x2c264715, 0x2b2089df,
  0x289d2aa3, 0x26e6dc8a, 0x2666ef68, 0x246e71b3
};
static const unsigned long long vlog_invc_c = 0x42d0000042cfffa8ULL;
static const double vlog_logcl_c = 0x1.0007400140483p-16;

/* t[i & 15] in each lane: a two-register permute at AVX-512; at AVX2 a
   permute of each quarter of the table by i & 3 and two rounds of blends,
   by bit 2 and bit 3 of i. (Not a gather: on Intel CPUs with the microcode
   for Gather Data Sampling, a gather takes about 25 cycles, and log ran
   slower than NumPy's libm loop.) */
#ifndef __AVX512F__
/* the lanes of a or b (i's bit s chooses b), 64 bits each */
static inline __m256i vlog_pick(__m256i a, __m256i b, VDU i, int s) {
  return (__m256i)_mm256_blendv_pd((__m256d)a, (__m256d)b,
                                   (__m256d)(i << (63 - s)));
}
#endif
static inline VD vlog_lookup_d(const double *t, VDU i) {
#ifdef __AVX512F__
  return _mm512_permutex2var_pd(_mm512_load_pd(t), (__m512i)i,
                                _mm512_load_pd(t + 8));
#else
  /* the two 32-bit words of double i & 3 of a quarter */
  __m256i j = (__m256i)((i & 3) * 0x200000002ULL + 0x100000000ULL), q[4];
  int k;
  for (k = 0; k < 4; k++)
    q[k] = _mm256_permutevar8x32_epi32(
        _mm256_load_si256((const __m256i *)(t + 4 * k)), j);
  return (VD)vlog_pick(vlog_pick(q[0], q[1], i, 2), vlog_pick(q[2], q[3], i, 2),
                       i, 3);
#endif
}
/* t[i & 15] in the low half of each lane, t[0] in the high half: at
   AVX-512 one permute of 16 words (i < 2^16, so the high halves' index is
   0), at AVX2 a permute of each half of the table by i & 7, a blend by
   bit 3, and t[0] put in the high halves */
static inline VD vlog_lookup_w(const unsigned *t, VDU i) {
#ifdef __AVX512F__
  return (VD)_mm512_permutexvar_epi32((__m512i)i, _mm512_load_si512(t));
#else
  __m256i j = (__m256i)(i & 7);
  __m256i lo = _mm256_permutevar8x32_epi32(
      _mm256_load_si256((const __m256i *)t), j);
  __m256i hi = _mm256_permutevar8x32_epi32(
      _mm256_load_si256((const __m256i *)(t + 8)), j);
  return (VD)(((VDU)vlog_pick(lo, hi, i, 3) & 0xffffffffULL) |
              (unsigned long long)t[0] << 32);
#endif
}

static inline VD vlog_d(VD x) {
  const unsigned long long z0 = 0x3fe6800000000000ULL;      /* 0.703125 */
  /* w = (k + 1023) << 52 | (bits(z) - bits(z0)), for positive normal x */
  VDU w = (VDU)x + (0x3ff0000000000000ULL - z0);
  VDU i = w >> 48;                 /* 16 (k + 1023) + interval (bits 0..3) */
  VD z = (VD)((w & 0x000fffffffffffffULL) + z0);
  VD kd, invc, r, t1, t2, lo, r2, q, qe, qo;
#ifdef __AVX512F__
  kd = __builtin_convertvector((VDI)i, VD);
#else
  kd = (VD)(i | 0x4330000000000000ULL) - 0x1p52;      /* the same, exactly */
#endif
  invc = vlog_lookup_w(vlog_invc_w, i) - (VD)((VDU){0} + vlog_invc_c);
  r = VFMA_D(z, invc, SPLAT_D(-1.0));                              /* exact */
  t1 = VFMA_D(kd, SPLAT_D(0x1.62e42fefa0000p-5),             /* ln2hi16 */
              vlog_lookup_d(vlog_logc_d, i));                      /* exact */
  t2 = t1 + r;
  /* t2's rounding error, plus the low parts of k ln2 and log c */
  lo = ((t1 - t2) + r) +
       VFMA_D(kd, SPLAT_D(0x1.cf79ac0000000p-44),              /* ln2lo16 */
              vlog_lookup_w(vlog_logcl_w, i) - vlog_logcl_c);
  r2 = r * r;
  /* q = qe(r^2) + r qo(r^2): two short chains instead of one long one */
  qe = SPLAT_D(-0x1.9e048df740ee2p-4);
  qo = SPLAT_D(0x1.c80b9a8b6b9adp-4);
  qe = VFMA_D(qe, r2, SPLAT_D(-0x1.fffe011e4d484p-4));
  qe = VFMA_D(qe, r2, SPLAT_D(-0x1.5555557cede97p-3));
  qo = VFMA_D(qo, r2, SPLAT_D(0x1.24922e99385c1p-3));
  qe = VFMA_D(qe, r2, SPLAT_D(-0x1.fffffffffdd97p-3));
  qo = VFMA_D(qo, r2, SPLAT_D(0x1.9999999becb1ep-3));
  qe = VFMA_D(qe, r2, SPLAT_D(-0x1.0000000000000p-1));
  qo = VFMA_D(qo, r2, SPLAT_D(0x1.55555555554d5p-2));
  q = VFMA_D(qo, r, qe);
  return t2 + VFMA_D(r2, q, lo);
}
/* the lanes for libm: x <= 0, subnormal, +inf or nan */
#ifdef __AVX512F__
#define LOG_RANGE_D(r, v) ((unsigned)_mm512_fpclass_pd_mask(v, 0xff))
#else
/* bits(x) - bits(DBL_MIN) >= bits(inf) - bits(DBL_MIN) as unsigned; with
   no unsigned 64-bit compare at AVX2, adding 2^63 to both sides makes it
   a signed one */
#define LOG_RANGE_D(r, v) ((unsigned)_mm256_movemask_pd((__m256d)(           \
    (VDI)((VDU)(v) + 0x7ff0000000000000ULL) > -0x20000000000001LL)))
#endif
