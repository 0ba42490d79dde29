/*
** manip.h - the C core of array manipulation: joining arrays along an axis,
** gathering and scattering slabs along an axis, repeating slabs.
** The caller has checked shapes, positions and dtypes; these only move data.
** Nothing here allocates what it returns: outputs are caller-owned arrays.
*/
#ifndef LPY_MANIP_H
#define LPY_MANIP_H

#include "lpy.h"

/* out = the n inputs joined along 'axis' (0-based). out has the joined
   shape; each input has out's shape except along axis. Inputs are cast to
   out's dtype; same-dtype C-contiguous inputs go by block copies. out must
   not overlap an input. */
LPY_API int lpy_concat(lpy_array *out, int n, lpy_array *const *in, int axis,
                       lpy_err *e);

/* Slabs along 'axis' (0-based). put == 0 gathers:
     dst[..., j, ...] = src[..., idx[j], ...]   for j < n (dst's axis is n)
   put != 0 scatters:
     dst[..., idx[j], ...] = src[..., j, ...]   for j < n (src's axis is n)
   Positions are 0-based and in range. Casting src to dst's dtype. */
LPY_API int lpy_take_axis(lpy_array *dst, lpy_array *src, int axis,
                          const int64_t *idx, int64_t n, int put, lpy_err *e);

/* dst = src with slab i along 'axis' repeated counts[i] times (counts[0]
   for every slab when ncounts == 1). Same dtype; counts >= 0 and dst's
   axis is their total. */
LPY_API int lpy_repeat(lpy_array *dst, lpy_array *src, int axis,
                       const int64_t *counts, int64_t ncounts, lpy_err *e);

/* The box around a's nonzero elements: lo[k] and hi[k] are the first and
   last position along axis k holding one (0-based). Returns 0 when every
   element is zero (lo, hi untouched), else 1. A 1-D array is scanned from
   its ends only. Nonzero as NumPy's truth: nan counts, -0.0 does not. */
LPY_API int lpy_nonzero_box(const lpy_array *a, int64_t *lo, int64_t *hi);

#endif
