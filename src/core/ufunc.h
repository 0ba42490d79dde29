/*
** ufunc.h - the ufunc descriptor shared by the loop table (loops.c) and
** the driver (ufunc.c). Internal to the core.
*/
#ifndef LPY_UFUNC_H
#define LPY_UFUNC_H

#include "lpy.h"

enum { LPY_OUT_SAME, LPY_OUT_BOOL, LPY_OUT_REAL, LPY_OUT_INT32 };
enum {
  LPY_UF_NOBOOL = 1,      /* NumPy refuses bool here (boolean - and unary -) */
  LPY_UF_INEXACT = 2,     /* integer inputs are computed in float64 */
  LPY_UF_EXACTLOOP = 4,   /* no casting to another loop (NumPy's positive) */
  LPY_UF_COMPARE = 8,     /* a Lua integer out of the array's range still
                             compares by value (NumPy 2) */
  LPY_UF_NOBOOLIN = 16,   /* bool inputs are refused, not cast (sign, gcd) */
  LPY_UF_FIRSTTYPE = 32   /* the first input alone picks the loop (ldexp) */
};
enum { LPY_KERR_NEGPOW = 1 };

/* what a loop may report back */
typedef struct lpy_kctx { int err; } lpy_kctx;

struct lpy_ufunc {
  const char *name;
  int nin;
  int out;                /* LPY_OUT_* */
  unsigned flags;         /* LPY_UF_* */
  lpy_loop loops[LPY_NTYPES];   /* by loop dtype; NULL: none */
};

extern const lpy_ufunc lpy_ufuncs[];        /* loops.c: arithmetic, comparison, ... */
extern const lpy_ufunc lpy_math_ufuncs[];   /* mathloops.c */

#endif
