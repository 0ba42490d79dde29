/*
** lrandom.h - what the np.random binding files share.
*/
#ifndef LB_RANDOM_H
#define LB_RANDOM_H

#include "lbind.h"
#include "../core/rng.h"

/* register the continuous / discrete distributions' methods into the
   Generator's method table at methidx */
LPY_API void lb_rng_open_cont(lua_State *L, int methidx);
LPY_API void lb_rng_open_disc(lua_State *L, int methidx);

/* ---- the Generator (random.c) */
#define LB_GENERATOR_MT "lumpy.random.Generator"
/* the bit generator of the Generator at idx (errors naming fn otherwise) */
LPY_API lpy_bitgen *lb_rng_checkgen(lua_State *L, int idx, const char *fn);

/* ---- the draw driver (random_draw.c), for the Generator's methods.

   lb_rng_draw(L, sp, sp32, defaults, nreq, ctx) implements a method called
   from Lua as
       rng:method(p1, ..., pn [, size] [, opts])
   with n = sp->nparams. The Generator is argument 1 (checked). opts, a
   trailing table of string keys, may hold size=, the parameters by name
   (sp->pname[k]) and, only when sp32 is not NULL, dtype= ("float64" |
   "float32") and out= (an array of that dtype, C- or F-contiguous,
   writable; NumPy's checks and messages). A parameter given both ways is
   an error. Missing parameters k >= nreq take defaults[k]; missing ones
   below nreq are an error. Parameters may be Lua numbers, nested tables or
   arrays; they are cast to float64 (int64 for the bits of sp->intparams),
   broadcast against size as NumPy does (its messages when they do not),
   checked against sp->cons (lpy_rng_check) and then drawn with
   lpy_rng_fill(bg, sp or sp32, out, params, ctx). ctx is handed to the
   kernel unchanged (NULL when unused).
   Returns 1 value: a Lua number (integer when sp->out is int64, a float
   otherwise) when size and out are absent and every parameter is a
   scalar (a number or a 0-d array), else a new array of shape size (or of
   the parameters' broadcast shape when size is absent), or out itself.
   Errors: "lumpy.random.Generator.<sp->name>: <message>". */
LPY_API int lb_rng_draw(lua_State *L, const lpy_rng_spec *sp,
                        const lpy_rng_spec *sp32, const lpy_rng_arg *defaults,
                        int nreq, void *ctx);

/* the same with a fast fill for parameterless methods: fast(bg, out)
   fills out (contiguous, the spec's dtype) and returns 1, or returns 0 to
   leave it to the kernel */
typedef int (*lb_rng_fastfill)(lpy_bitgen *bg, lpy_array *out);
LPY_API int lb_rng_draw_fast(lua_State *L, const lpy_rng_spec *sp,
                             const lpy_rng_spec *sp32,
                             const lpy_rng_arg *defaults, int nreq, void *ctx,
                             lb_rng_fastfill fast);

/* the driver for any owner of a bit generator: arguments from 2 on, errors
   "lumpy.random.<owner>.<sp->name>: ..." */
LPY_API int lb_rng_draw_with(lua_State *L, lpy_bitgen *bg, const char *owner,
                             const lpy_rng_spec *sp, const lpy_rng_spec *sp32,
                             const lpy_rng_arg *defaults, int nreq, void *ctx,
                             lb_rng_fastfill fast);

/* size at idx: nil -> -1, else the shape's ndim (integer or sequence,
   NumPy's errors for negative or non-integer entries) */
LPY_API int lb_rng_size(lua_State *L, int idx, int64_t *shape,
                        const char *fn);

/* ---- integers (random_int.c): the Generator's method, and the shared
   body for the legacy randint (masked rejection): low, high and size at
   stack slots lo, hi, sz (hi nil: [0, low)); pushes the result */
LPY_API void lb_rng_open_int(lua_State *L, int methidx);
LPY_API int lb_rng_integers(lua_State *L, lpy_bitgen *bg, int lo, int hi,
                            int sz, int dtype, int closed, int masked,
                            const char *fn);

/* ---- RandomState (random_legacy.c) */
#define LB_RANDSTATE_MT "lumpy.random.RandomState"
LPY_API void lb_open_legacy(lua_State *L, int randidx, int internalidx);
/* the bit generator of a Generator or RandomState at idx */
LPY_API lpy_bitgen *lb_rng_checkany(lua_State *L, int idx, const char *fn);

/* ---- SeedSequence (random_seed.c) */
#define LB_SEEDSEQ_MT "lumpy.random.SeedSequence"
typedef struct lb_seedseq {
  int pool_size;
  int64_t n_children;
  uint32_t pool[];
} lb_seedseq;
/* the seed at idx (nil, integer, decimal/hex string, sequence, integer
   array or SeedSequence) as a SeedSequence: pushes it (the same object for
   a SeedSequence) */
LPY_API lb_seedseq *lb_rng_toseedseq(lua_State *L, int idx, const char *fn);
LPY_API lb_seedseq *lb_rng_testseedseq(lua_State *L, int idx);
LPY_API void lb_open_seedseq(lua_State *L, int randidx);
/* unsigned integers of any width as Lua values: a Lua integer when below
   2^63, else a decimal string (the n words at w, lowest first) */
LPY_API void lb_rng_pushuint(lua_State *L, const uint32_t *w, size_t n);
/* read such a value (integer >= 0, decimal or "0x" string) at idx into nw
   words; errors name what when it does not fit */
LPY_API void lb_rng_touint(lua_State *L, int idx, uint32_t *w, size_t nw,
                           const char *what, const char *fn);

/* ---- bit generators (random_bitgen.c) */
#define LB_BITGEN_MT "lumpy.random.BitGenerator"
/* the bit generator userdata at idx, or NULL */
LPY_API lpy_bitgen *lb_rng_testbitgen(lua_State *L, int idx);
/* push a new bit generator of the named kind ("PCG64", ...) seeded from
   the seed at seedidx (0: none) */
LPY_API void lb_rng_newbitgen(lua_State *L, const char *kind, int seedidx,
                              const char *fn);
LPY_API void lb_open_bitgen(lua_State *L, int randidx);

#endif
