/*
** vmath.h - the vector types and helpers that the vector math of
** kernels.c is written with, for the level it is compiled at: VD (float64
** lanes) and VF (float32 lanes) with their integer twins, fused multiply-add,
** splats, unaligned loads and stores, and masks of lanes to hand to libm.
** Written with GCC's vector extensions, so one source serves AVX2 (256-bit)
** and AVX-512 (512-bit). VMATH is 0 at levels without vector math (their
** loops call libm element by element).
*/
#ifndef LPY_VMATH_H
#define LPY_VMATH_H

#if defined(__AVX512F__) && defined(__x86_64__)
#include <immintrin.h>
#include <sleef.h>
#define VMATH 1
typedef __m512d VD;
typedef __m512 VF;
#define SLEEF_F(f) Sleef_##f##f16_u10avx512f
#define VFMA_D(a, b, c) _mm512_fmadd_pd(a, b, c)
#define VFMA_F(a, b, c) _mm512_fmadd_ps(a, b, c)
/* lanes with |x| > lim or nan, as a bit mask */
#define OUTSIDE_VD(x, lim) ((unsigned)_mm512_cmp_pd_mask(_mm512_abs_pd(x), \
    _mm512_set1_pd(lim), _CMP_NLE_UQ))
#define OUTSIDE_VF(x, lim) ((unsigned)_mm512_cmp_ps_mask(_mm512_abs_ps(x), \
    _mm512_set1_ps(lim), _CMP_NLE_UQ))
/* lanes whose float32 result is nan, +-inf (x*0 != 0) or, if Z, zero, as
   a bit mask (for SLEEF's exp) */
#define BAD_VF(r, Z) ((unsigned)(_mm512_cmp_ps_mask(_mm512_mul_ps(r, _mm512_setzero_ps()), \
    _mm512_setzero_ps(), _CMP_NEQ_UQ) | \
    (Z ? _mm512_cmp_ps_mask(r, _mm512_setzero_ps(), _CMP_EQ_OQ) : 0)))
#elif defined(__AVX2__) && defined(__FMA__) && defined(__x86_64__)
#include <immintrin.h>
#include <sleef.h>
#define VMATH 1
typedef __m256d VD;
typedef __m256 VF;
#define SLEEF_F(f) Sleef_##f##f8_u10avx2
#define VFMA_D(a, b, c) _mm256_fmadd_pd(a, b, c)
#define VFMA_F(a, b, c) _mm256_fmadd_ps(a, b, c)
#define OUTSIDE_VD(x, lim) ((unsigned)_mm256_movemask_pd(_mm256_cmp_pd(      \
    _mm256_andnot_pd(_mm256_set1_pd(-0.0), x), _mm256_set1_pd(lim), _CMP_NLE_UQ)))
#define OUTSIDE_VF(x, lim) ((unsigned)_mm256_movemask_ps(_mm256_cmp_ps(      \
    _mm256_andnot_ps(_mm256_set1_ps(-0.0f), x), _mm256_set1_ps(lim), _CMP_NLE_UQ)))
#define BAD_VF(r, Z) ((unsigned)_mm256_movemask_ps(_mm256_or_ps(              \
    _mm256_cmp_ps(_mm256_mul_ps(r, _mm256_setzero_ps()), _mm256_setzero_ps(), _CMP_NEQ_UQ), \
    Z ? _mm256_cmp_ps(r, _mm256_setzero_ps(), _CMP_EQ_OQ) : _mm256_setzero_ps())))
#else
#define VMATH 0
#endif

#if VMATH
/* integer vectors of the same width, for bit manipulation: (VDU)x
   reinterprets x's bits */
typedef unsigned long long VDU __attribute__((vector_size(sizeof(VD))));
typedef long long VDI __attribute__((vector_size(sizeof(VD))));
typedef unsigned int VFU __attribute__((vector_size(sizeof(VF))));
typedef int VFI __attribute__((vector_size(sizeof(VF))));
#define SPLAT_D(c) ((VD){0} + (c))
#define SPLAT_F(c) ((VF){0} + (c))

/* Unaligned vector loads and stores, without taking a vector local's
   address (which would put it on the stack, where ASan's fake stack frames
   do not keep its 32- or 64-byte alignment) */
typedef VD VD_u __attribute__((aligned(1), may_alias));
typedef VF VF_u __attribute__((aligned(1), may_alias));
#define LOADV(V, p) (*(const V##_u *)(const void *)(p))
#define STOREV(V, p, x) (*(V##_u *)(void *)(p) = (x))
#endif

#endif
