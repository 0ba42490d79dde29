/*
** vmath_exp.h - exp of float64 lanes (included by kernels.c after
** vmath.h): faster than SLEEF's, as accurate as NumPy asks.
** x = n ln2 + r with n = rint(x / ln2) and |r| <= ln2 / 2 (ln2 in two
** parts, reduced with fused multiply-adds), e^r by its Taylor series to
** r^13 / 13! (the next term is below 0.05 ULP), times 2^n built in the
** exponent bits. Valid for |x| <= 708 (2^n stays normal); the caller sends
** other lanes and nan to libm (EXP_RANGE_D).
*/
static inline VD vexp_d(VD x) {
  const double shift = 0x1.8p52;               /* rounds to an integer */
  VD t = x * 0x1.71547652b82fep0 + shift;      /* x / ln2 + shift */
  VD n = t - shift, r, p;
  VDU bits;
  r = VFMA_D(-n, SPLAT_D(0x1.62e42fefa39efp-1), x);   /* ln2, high part */
  r = VFMA_D(-n, SPLAT_D(0x1.abc9e3b39803fp-56), r);  /* ln2, the rest */
  p = SPLAT_D(1.0 / 6227020800.0);
  p = VFMA_D(p, r, SPLAT_D(1.0 / 479001600.0));
  p = VFMA_D(p, r, SPLAT_D(1.0 / 39916800.0));
  p = VFMA_D(p, r, SPLAT_D(1.0 / 3628800.0));
  p = VFMA_D(p, r, SPLAT_D(1.0 / 362880.0));
  p = VFMA_D(p, r, SPLAT_D(1.0 / 40320.0));
  p = VFMA_D(p, r, SPLAT_D(1.0 / 5040.0));
  p = VFMA_D(p, r, SPLAT_D(1.0 / 720.0));
  p = VFMA_D(p, r, SPLAT_D(1.0 / 120.0));
  p = VFMA_D(p, r, SPLAT_D(1.0 / 24.0));
  p = VFMA_D(p, r, SPLAT_D(1.0 / 6.0));
  p = VFMA_D(p, r, SPLAT_D(0.5));
  p = VFMA_D(p, r, SPLAT_D(1.0));
  p = VFMA_D(p, r, SPLAT_D(1.0));
  /* 2^n: t's low mantissa bits hold n */
  bits = ((VDU)t - (VDU)SPLAT_D(shift) + 1023) << 52;
  return p * (VD)bits;
}
/* |x| <= 708 gives a finite normal result: only the input decides */
#define EXP_RANGE_D(r, v) OUTSIDE_VD(v, 708.0)
