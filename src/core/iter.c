/*
** iter.c - the N-operand strided iterator. Operands are broadcast to a
** common shape (stride 0 where an operand has length 1), length-1 axes are
** dropped, F-ordered operands are walked in memory order, and axes that are
** contiguous for every operand are merged so kernels see long inner loops.
*/
#include <string.h>
#include "lpy.h"

/* a broadcasts to (ndim, shape): each axis matches or has length 1, and
   axes beyond ndim (leading ones) have length 1 */
static int broadcasts_to(const lpy_array *a, int ndim, const int64_t *shape) {
  int k, off = a->ndim - ndim;
  for (k = 0; k < a->ndim; k++) {
    int64_t d = a->shape[k];
    if (d != 1 && (k < off || d != shape[k - off])) return 0;
  }
  return 1;
}

static int bcast_error(const lpy_array *a, int ndim, const int64_t *shape,
                       lpy_err *e) {
  char s1[120], s2[120];
  lpy_shape_str(a->ndim, a->shape, s1, sizeof s1);
  lpy_shape_str(ndim, shape, s2, sizeof s2);
  return lpy_err_set(e, LPY_EVALUE,
                     "could not broadcast input array from shape %s into shape %s",
                     s1, s2);
}

int lpy_iter_setup(lpy_iter *it, int nop, lpy_array *const *ops, int ndim,
                   const int64_t *shape, lpy_err *e) {
  int i, k, nd = 0, rev;
  it->nop = nop;
  it->size = 1;
  for (k = 0; k < ndim; k++) it->size *= shape[k];
  for (i = 0; i < nop; i++) {
    it->ptrs[i] = ops[i]->data;
    if (!broadcasts_to(ops[i], ndim, shape))
      return bcast_error(ops[i], ndim, shape, e);
  }
  /* broadcast strides, dropping length-1 axes */
  for (k = 0; k < ndim; k++) {
    if (shape[k] == 1) continue;
    it->shape[nd] = shape[k];
    for (i = 0; i < nop; i++) {
      const lpy_array *a = ops[i];
      int ak = k - (ndim - a->ndim);
      int64_t d = ak >= 0 ? a->shape[ak] : 1;
      it->strides[i][nd] = d == 1 ? 0 : a->strides[ak];
    }
    nd++;
  }
  if (nd == 0) {                        /* a single element */
    it->shape[0] = 1;
    for (i = 0; i < nop; i++) it->strides[i][0] = 0;
    it->ndim = 1;
    return 0;
  }
  /* walk in memory order when the first operand is laid out backwards
     (Fortran order, e.g. a transposed output) */
  rev = nd > 1;
  for (k = 1; k < nd && rev; k++) {
    int64_t a = it->strides[0][k - 1], b = it->strides[0][k];
    if (a < 0) a = -a;
    if (b < 0) b = -b;
    if (!(a < b)) rev = 0;
  }
  if (rev) {
    for (k = 0; k < nd / 2; k++) {
      int64_t t = it->shape[k];
      it->shape[k] = it->shape[nd - 1 - k];
      it->shape[nd - 1 - k] = t;
      for (i = 0; i < nop; i++) {
        t = it->strides[i][k];
        it->strides[i][k] = it->strides[i][nd - 1 - k];
        it->strides[i][nd - 1 - k] = t;
      }
    }
  }
  /* coalesce axis k into k+1 when every operand steps evenly across */
  {
    int out = 0;
    for (k = 1; k < nd; k++) {
      int ok = 1;
      for (i = 0; i < nop && ok; i++)
        ok = it->strides[i][out] == it->strides[i][k] * it->shape[k];
      if (ok) {
        it->shape[out] *= it->shape[k];
        for (i = 0; i < nop; i++) it->strides[i][out] = it->strides[i][k];
      } else {
        out++;
        it->shape[out] = it->shape[k];
        for (i = 0; i < nop; i++) it->strides[i][out] = it->strides[i][k];
      }
    }
    it->ndim = out + 1;
  }
  return 0;
}

void lpy_iter_run(lpy_iter *it, lpy_loop f, void *ctx) {
  int nop = it->nop, nd = it->ndim, i, k;
  int64_t idx[LPY_MAXDIMS] = {0}, inner = it->shape[nd - 1];
  int64_t steps[LPY_ITER_MAXOPS];
  char *p[LPY_ITER_MAXOPS];
  if (it->size == 0) return;
  for (i = 0; i < nop; i++) {
    p[i] = it->ptrs[i];
    steps[i] = it->strides[i][nd - 1];
  }
  if (nd == 1) {
    f(p, inner, steps, ctx);
    return;
  }
  for (;;) {
    f(p, inner, steps, ctx);
    for (k = nd - 2; k >= 0; k--) {       /* odometer over outer axes */
      for (i = 0; i < nop; i++) p[i] += it->strides[i][k];
      if (++idx[k] < it->shape[k]) break;
      for (i = 0; i < nop; i++) p[i] -= it->strides[i][k] * it->shape[k];
      idx[k] = 0;
    }
    if (k < 0) return;
  }
}
