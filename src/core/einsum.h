/*
** einsum.h - Einstein summation: parsing a subscripts string into labels,
** checking the operands against them, and evaluating the sum of products.
** Labels are small integers: the letters 'A'..'Z' are 0..25, 'a'..'z'
** 26..51 (so numeric order is NumPy's order for the implicit output), and
** the broadcast dimensions covered by '...' are 52, 53, ... from the left.
** Nothing here allocates anything the caller must free. einsum_parse.c:
** subscripts and plans; einsum.c: the general loop; einsum_blas.c: BLAS
** and the dispatcher.
*/
#ifndef LPY_EINSUM_H
#define LPY_EINSUM_H

#include "lpy.h"

#define LPY_EINSUM_MAXOPS 32
#define LPY_EINSUM_LETTERS 52
#define LPY_EINSUM_MAXLABELS (LPY_EINSUM_LETTERS + LPY_MAXDIMS)

/* The labels of each operand's dimensions and of the output. */
typedef struct lpy_einsum_subs {
  int nop;
  int ndim[LPY_EINSUM_MAXOPS];
  unsigned char lab[LPY_EINSUM_MAXOPS][LPY_MAXDIMS];
  int nout;
  unsigned char out[LPY_MAXDIMS];
} lpy_einsum_subs;

/* The labels used, their sizes, and each operand's byte stride along each
   one (the sum of its strides where a label repeats in it: a diagonal; 0
   where the label is absent or the operand's dimension is a broadcast 1).
   Index nop of stride/has is the output. */
typedef struct lpy_einsum_plan {
  int nop, nl, nout;
  int id[LPY_EINSUM_MAXLABELS];            /* label of each plan label */
  int64_t size[LPY_EINSUM_MAXLABELS];
  int out[LPY_MAXDIMS];                    /* plan label of output dim */
  int ndim[LPY_EINSUM_MAXOPS];
  unsigned char dl[LPY_EINSUM_MAXOPS][LPY_MAXDIMS]; /* plan label of dim */
  unsigned char has[LPY_EINSUM_MAXOPS + 1][LPY_EINSUM_MAXLABELS];
  int64_t stride[LPY_EINSUM_MAXOPS + 1][LPY_EINSUM_MAXLABELS];
} lpy_einsum_plan;

/* Parse subscripts s for nop operands of the given ndims (implicit output
   when there is no "->"). Errors are NumPy's, with 1-based operands. */
LPY_API int lpy_einsum_parse(const char *s, int nop, const int *ndims,
                             lpy_einsum_subs *sb, lpy_err *e);
/* Check labels given directly (as the path steps and the sublist format
   give them): ids in range, counts match ndims, output labels once each
   and present in an input. */
LPY_API int lpy_einsum_check(const lpy_einsum_subs *sb, lpy_err *e);
/* the character of label id (letters), or 0 for a broadcast label */
LPY_API int lpy_einsum_char(int id);

/* Sizes and strides of the operands ops[0..nop-1] under sb; out strides
   are left 0 (lpy_einsum_set_out fills them). Size mismatches are errors
   (a dimension of 1 broadcasts). */
LPY_API int lpy_einsum_plan_make(const lpy_einsum_subs *sb,
                                 lpy_array *const *ops, lpy_einsum_plan *p,
                                 lpy_err *e);
/* the output shape (p->nout dims) */
LPY_API void lpy_einsum_out_shape(const lpy_einsum_plan *p, int64_t *shape);
/* operand k's strides again from array a (same shape, other memory) */
LPY_API void lpy_einsum_set_op(lpy_einsum_plan *p, int k, const lpy_array *a);
LPY_API void lpy_einsum_set_out(lpy_einsum_plan *p, const lpy_array *out);

/* The general engine: out (strides set in p) = sum over every label of the
   product of the operands, all of dtype t, data[k] the address of operand
   k. out is overwritten. */
LPY_API int lpy_einsum_loop(const lpy_einsum_plan *p, char *const *data,
                            lpy_dtype t, char *out, lpy_err *e);
/* zero the array (any strides) */
LPY_API void lpy_einsum_zero(lpy_array *a);

/* Evaluate: two-operand contractions of float32/64 and complex64/128 go
   to BLAS (gemm, gemv, dot; batched over shared output labels) when they
   map onto it, everything else to lpy_einsum_loop. out has dtype t and
   overlaps no operand; the operands and out are aligned (LPY_ALIGNED).
   (einsum_blas.c) */
LPY_API int lpy_einsum_run(const lpy_einsum_plan *p, char *const *data,
                           lpy_dtype t, lpy_array *out, int blas,
                           lpy_err *e);

#endif
