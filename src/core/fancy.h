/*
** fancy.h - advanced (integer-array and boolean-mask) indexing in the core.
** The caller describes the indexed array as a view V (basic indexing
** already applied, each advanced index still spanning its whole axis) and a
** list of advanced entries on V's dimensions; lpy_fancy_prepare works out
** the result's geometry without allocating, then lpy_fancy_get copies the
** selection into a fresh array and lpy_fancy_set writes values into it.
** Positions in index arrays are LumPy's: 1-based, negative from the end.
** Nothing here allocates memory the caller has to free.
*/
#ifndef LPY_FANCY_H
#define LPY_FANCY_H

#include "lpy.h"

enum { LPY_FANCY_INDEX, LPY_FANCY_MASK, LPY_FANCY_BOOL0 };
/* what an out-of-range position does (take, put, choose ...) */
enum { LPY_MODE_RAISE, LPY_MODE_WRAP, LPY_MODE_CLIP };

typedef struct lpy_fancy_entry {
  int kind;                /* LPY_FANCY_* */
  const lpy_array *arr;    /* INDEX: integer array; MASK: bool array */
  int dim;                 /* first dimension of V it applies to (BOOL0:
                              a length-1 stride-0 dimension of V) */
  int axis;                /* the user's axis (0-based) for messages */
  int mode;                /* INDEX: LPY_MODE_* */
  int boolval;             /* BOOL0: the value */
  int64_t count;           /* MASK: true elements (set by prepare) */
} lpy_fancy_entry;

#define LPY_FANCY_MAXADV (LPY_MAXDIMS + 1)

typedef struct lpy_fancy {
  /* ---- filled by the caller */
  char *data;                      /* V */
  int ndim;
  int64_t shape[LPY_MAXDIMS], strides[LPY_MAXDIMS];
  lpy_dtype dtype;
  int nadv;
  lpy_fancy_entry adv[LPY_FANCY_MAXADV];
  int consec;          /* advanced indices adjacent in the key: their
                          dimensions replace them in place, else go first */
  /* ---- filled by lpy_fancy_prepare */
  int bndim;                       /* broadcast shape of the entries */
  int64_t bshape[LPY_MAXDIMS], bsize;
  int npre, npost;                 /* basic dims before / after it */
  int64_t pshape[LPY_MAXDIMS], pstrides[LPY_MAXDIMS];  /* pre then post */
  int ondim;                       /* the result */
  int64_t oshape[LPY_MAXDIMS], osize;
} lpy_fancy;

/* Check the entries (mask shapes, index dtypes), count masks, broadcast
   the entries and compute the result's shape. */
LPY_API int lpy_fancy_prepare(lpy_fancy *f, lpy_err *e);
/* out: C-contiguous, f->oshape, f->dtype. */
LPY_API int lpy_fancy_get(const lpy_fancy *f, lpy_array *out, lpy_err *e);
/* Write src (of f->dtype) into the selection: src points at osize
   C-ordered elements, or at one element used for all when scalar != 0.
   With repeated positions the last write wins. */
LPY_API int lpy_fancy_set(const lpy_fancy *f, const char *src, int scalar,
                          lpy_err *e);

/* out (int64, C order, shape (nd, shape)) += mult * the 0-based position
   of each LumPy position in idx (any integer dtype, broadcast to shape) on
   an axis of length n under mode; 'axis' (0-based) names the axis in
   messages, -1 for none. */
LPY_API int lpy_fancy_addpos(int64_t *out, int nd, const int64_t *shape,
                             const lpy_array *idx, int64_t n, int64_t mult,
                             int mode, int axis, lpy_err *e);
/* number of nonzero elements of a bool array */
LPY_API int64_t lpy_fancy_count(const lpy_array *mask);

#endif
