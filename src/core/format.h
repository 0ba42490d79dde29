/*
** format.h - NumPy-identical text for arrays and scalars: what NumPy's
** str(a) prints for the same data and print options (default FloatingFormat:
** floatmode 'maxprec', sign '-', shortest round-trip digits cut at
** 'precision'), and str() of a single element. Pure C, no Lua.
** Ownership: the char* results are malloc'd; the caller frees them with free().
*/
#ifndef LPY_FORMAT_H
#define LPY_FORMAT_H

#include <stddef.h>
#include <stdint.h>
#include "lpy.h"

/* NumPy's np.set_printoptions subset. */
typedef struct lpy_printopts {
  int precision;       /* digits after the point (>= 0), NumPy default 8 */
  int64_t threshold;   /* summarise when size > threshold, default 1000 */
  int edgeitems;       /* items shown at each edge when summarised, 3 */
  int linewidth;       /* characters per line, default 75 */
  int suppress;        /* suppress_small: never switch to scientific for
                          small values (0/1), default 0 */
} lpy_printopts;

/* fill with NumPy's defaults */
LPY_API void lpy_printopts_default(lpy_printopts *o);

/* str(a) as NumPy prints it. Returns a malloc'd NUL-terminated string and
   its length in *len (len may be NULL), or NULL with e filled (out of
   memory, bad options). A 0-d array prints as its element's str. */
LPY_API char *lpy_format_array(const lpy_array *a, const lpy_printopts *o,
                               size_t *len, lpy_err *e);

/* str() of one element of dtype t stored at p, like NumPy's
   str(np.float64(x)) -> '0.1', '1e+20', str(np.complex128(z)) -> '(1+2j)',
   'True', '-5'. malloc'd; NULL with e filled on failure. */
LPY_API char *lpy_format_scalar(lpy_dtype t, const char *p, size_t *len,
                                lpy_err *e);

/* The same into a caller buffer (no allocation). Returns the length the
   full text needs (excluding the NUL); writes at most n bytes including
   the NUL. LPY_FORMAT_SCALAR_MAX bytes are always enough. */
#define LPY_FORMAT_SCALAR_MAX 128
LPY_API size_t lpy_format_scalar_buf(lpy_dtype t, const char *p, char *buf,
                                     size_t n);

#endif
