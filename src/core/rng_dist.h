/*
** rng_dist.h - the scalar samplers that np.random's distributions share
** across files (each draws one value from bg, in NumPy's word order).
*/
#ifndef LPY_RNG_DIST_H
#define LPY_RNG_DIST_H

#include "rng.h"

/* ---- continuous (rng_cont.c) */
LPY_API double lpy_rng_standard_normal(lpy_bitgen *bg);
LPY_API float lpy_rng_standard_normal_f(lpy_bitgen *bg);
LPY_API double lpy_rng_standard_exponential(lpy_bitgen *bg);
LPY_API float lpy_rng_standard_exponential_f(lpy_bitgen *bg);
LPY_API double lpy_rng_standard_gamma(lpy_bitgen *bg, double shape);
LPY_API float lpy_rng_standard_gamma_f(lpy_bitgen *bg, float shape);
LPY_API double lpy_rng_beta(lpy_bitgen *bg, double a, double b);
LPY_API double lpy_rng_chisquare(lpy_bitgen *bg, double df);

#endif
