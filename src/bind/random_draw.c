/*
** random_draw.c - the Generator methods' common driver (lb_rng_draw, see
** lrandom.h): arguments, options, parameter casting and broadcasting
** against size with NumPy's rules and messages, constraint checks, the
** scalar-or-array result.
*/
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "lrandom.h"

#define pyshape lb_rng_pyshape

int lb_rng_args(lua_State *L, int n, const char *const *names, const char *fn) {
  int top = lua_gettop(L), opts = top >= 2 ? lb_opts(L, 2) : 0;
  int npos = (opts ? opts - 1 : top) - 1, k, base;
  if (npos > n) lb_error(L, fn, "takes at most %d positional arguments (%d given)", n, npos);
  lb_checkopts(L, opts, fn, names);
  base = lua_gettop(L) + 1;
  for (k = 0; k < n; k++) {
    int have = k < npos && !lua_isnil(L, k + 2);
    if (have) lua_pushvalue(L, k + 2);
    else lua_pushnil(L);
    if (opts && lb_optfield(L, opts, names[k]) != LUA_TNIL) {
      if (have) lb_error(L, fn, "got multiple values for argument '%s'", names[k]);
      lua_replace(L, -2);
    } else if (opts) {
      lua_pop(L, 1);
    }
  }
  return base;
}

int lb_rng_size(lua_State *L, int idx, int64_t *shape, const char *fn) {
  if (lua_isnil(L, idx) || lua_isnone(L, idx)) return -1;
  if (lua_type(L, idx) == LUA_TNUMBER && !lua_isinteger(L, idx))
    lb_error(L, fn, "size must be an integer or a sequence of integers, got float");
  return lb_checkshape(L, idx, shape, fn);
}

/* one parameter: a Lua number into the 0-d header sp (data in v), or an
   array-like converted (pushed; aligned: the kernels read its elements
   through typed pointers) */
static lpy_array *param(lua_State *L, int idx, int isint, lpy_array_space *sp,
                        lpy_rng_arg *v, const char *fn, const char *pname) {
  lpy_dtype t = isint ? LPY_INT64 : LPY_FLOAT64;
  if (lua_type(L, idx) == LUA_TNUMBER) {
    if (!isint) v->d = lua_tonumber(L, idx);
    else if (lua_isinteger(L, idx)) v->i = lua_tointeger(L, idx);
    else {
      double d = lua_tonumber(L, idx);
      if (!(d >= -9223372036854775808.0 && d < 9223372036854775808.0))
        lb_error(L, fn, "%s: cannot convert float %g to integer", pname, d);
      v->i = (int64_t)d;     /* NumPy's cast truncates */
    }
    lpy_array_init(&sp->a, t, 0, NULL, NULL, (char *)v, NULL);
    return &sp->a;
  }
  if (lua_type(L, idx) != LUA_TTABLE && lua_type(L, idx) != LUA_TBOOLEAN && !lb_test(L, idx))
    lb_error(L, fn, "%s must be a number or an array, got %s", pname, luaL_typename(L, idx));
  {
    lpy_array *a = lb_toarray_aligned(L, idx, (int)t, fn);
    lua_replace(L, idx);
    return a;
  }
}

int lb_rng_draw_with(lua_State *L, lpy_bitgen *bg, const char *owner,
                     const lpy_rng_spec *sp, const lpy_rng_spec *sp32,
                     const lpy_rng_arg *defaults, int nreq, void *ctx,
                     lb_rng_fastfill fast) {
  char fn[80], msg[320];
  int np = sp->nparams, top = lua_gettop(L), opts, npos, k, nd = -1, scalar = 1;
  int sizeidx = 0, dtidx = 0, outidx = 0, base;
  int64_t shape[LPY_MAXDIMS];
  lpy_array_space space[LPY_RNG_MAXPARAMS];
  lpy_rng_arg vals[LPY_RNG_MAXPARAMS];
  lpy_array *params[LPY_RNG_MAXPARAMS], *out = NULL;
  const lpy_rng_spec *use = sp;
  lpy_err e;
  snprintf(fn, sizeof fn, "random.%s.%s", owner, sp->name);
  opts = top >= 2 ? lb_opts(L, 2) : 0;
  npos = (opts ? opts - 1 : top) - 1;
  if (npos > np + 1 + (sp32 != NULL))
    lb_error(L, fn, "takes at most %d positional arguments (%d given)",
             np + 1 + (sp32 != NULL), npos);
  if (opts) {
    const char *allowed[LPY_RNG_MAXPARAMS + 4];
    int n = 0;
    for (k = 0; k < np; k++) allowed[n++] = sp->pname[k];
    allowed[n++] = "size";
    if (sp32) { allowed[n++] = "dtype"; allowed[n++] = "out"; }
    allowed[n] = NULL;
    lb_checkopts(L, opts, fn, allowed);
  }
  /* the arguments, each at one stack slot from base on: p1..pn, size,
     dtype, out */
  base = lua_gettop(L) + 1;
  for (k = 0; k < np + 3; k++) {
    int pos = k + 2, have = pos - 2 < npos && !lua_isnil(L, pos) && k < np + 2;
    const char *name = k < np ? sp->pname[k] : k == np ? "size" : k == np + 1 ? "dtype" : "out";
    if (have) lua_pushvalue(L, pos);
    else lua_pushnil(L);
    if (opts && (k < np + 1 || sp32)) {
      if (lb_optfield(L, opts, name) != LUA_TNIL) {
        if (have) lb_error(L, fn, "got multiple values for argument '%s'", name);
        lua_replace(L, -2);
      } else {
        lua_pop(L, 1);
      }
    }
  }
  sizeidx = base + np;
  dtidx = base + np + 1;
  outidx = base + np + 2;
  /* dtype and out */
  if (sp32) {
    int t = lb_optdtype(L, dtidx, LPY_FLOAT64, fn);
    if (t == LPY_FLOAT32) use = sp32;
    else if (t != LPY_FLOAT64)
      lb_error(L, fn, "Unsupported dtype dtype('%s') for %s", lpy_dtypes[t].name, sp->name);
    if (!lua_isnil(L, outidx)) {
      if (!lb_test(L, outidx))
        lb_error(L, fn, "out must be an array, got %s", luaL_typename(L, outidx));
      out = lb_check(L, outidx, fn);          /* not closed */
      if (!(out->flags & (LPY_C_CONTIGUOUS | LPY_F_CONTIGUOUS)) ||
          !(out->flags & LPY_WRITEABLE) || !(out->flags & LPY_ALIGNED))
        lb_error(L, fn, "Supplied output array must be contiguous, writable, aligned, "
                        "and in machine byte-order.");
      if (out->dtype != use->out)
        lb_error(L, fn, "Supplied output array has the wrong type. Expected %s, got %s",
                 lpy_dtypes[use->out].name, lpy_dtypes[out->dtype].name);
    }
  }
  nd = lb_rng_size(L, sizeidx, shape, fn);
  if (out && nd >= 0) {
    int same = nd == out->ndim;
    for (k = 0; same && k < nd; k++) same = shape[k] == out->shape[k];
    if (!same) lb_error(L, fn, "size must match out.shape when used together");
  }
  /* the parameters */
  for (k = 0; k < np; k++) {
    int idx = base + k, isint = (sp->intparams >> k) & 1;
    if (lua_isnil(L, idx)) {
      if (k < nreq || !defaults)
        lb_error(L, fn, "missing required argument '%s'", sp->pname[k]);
      vals[k] = defaults[k];
      lpy_array_init(&space[k].a, isint ? LPY_INT64 : LPY_FLOAT64, 0, NULL, NULL,
                     (char *)&vals[k], NULL);
      params[k] = &space[k].a;
    } else {
      params[k] = param(L, idx, isint, &space[k], &vals[k], fn, sp->pname[k]);
    }
    scalar &= params[k]->ndim == 0;
  }
  if (lpy_rng_check(use, params, &e)) lb_core_error(L, fn, &e);
  /* a scalar result */
  if (nd < 0 && !out && scalar) {
    union { double d; float f; int64_t i; char c[16]; } r;
    /* the kernel reads vals: a 0-d array parameter's one element (cast
       to float64 / int64 by param) */
    for (k = 0; k < np; k++)
      if (params[k]->data != (char *)&vals[k])
        memcpy(&vals[k], params[k]->data, sizeof vals[k]);
    if (np == 0 && fast) {
      int64_t one = 1;
      lpy_array_space o;
      lpy_array_init(&o.a, use->out, 1, &one, NULL, r.c, NULL);
      if (!fast(bg, &o.a)) use->kernel(bg, vals, ctx, r.c);
    } else {
      use->kernel(bg, vals, ctx, r.c);
    }
    if (use->out == LPY_FLOAT32) lua_pushnumber(L, r.f);
    else if (use->out == LPY_FLOAT64) lua_pushnumber(L, r.d);
    else lb_push_elem(L, use->out, r.c);
    return 1;
  }
  /* the output shape: out's, size's, or the parameters' broadcast */
  {
    int nds[LPY_RNG_MAXPARAMS + 1], bnd, i;
    const int64_t *shs[LPY_RNG_MAXPARAMS + 1];
    int64_t bshape[LPY_MAXDIMS];
    int n = 0, given = out || nd >= 0;
    if (out) { nd = out->ndim; memcpy(shape, out->shape, (size_t)nd * sizeof *shape); }
    if (given) { nds[n] = nd; shs[n++] = shape; }
    for (k = 0; k < np; k++) { nds[n] = params[k]->ndim; shs[n++] = params[k]->shape; }
    for (i = 1; i <= n; i++) {
      if (lpy_broadcast_shapes(i, nds, shs, &bnd, bshape, &e)) {
        char s0[96], s1[96];
        pyshape(nds[0], shs[0], s0, sizeof s0);
        pyshape(nds[i - 1], shs[i - 1], s1, sizeof s1);
        snprintf(msg, sizeof msg, "shape mismatch: objects cannot be broadcast to a single "
                 "shape.  Mismatch is between arg 0 with shape %s and arg %d with shape %s.",
                 s0, i - 1, s1);
        lb_error(L, fn, "%s", msg);
      }
    }
    if (!given) {
      nd = bnd;
      memcpy(shape, bshape, (size_t)nd * sizeof *shape);
    } else {
      lb_rng_check_size(L, nd, shape, bnd, bshape, fn);
    }
  }
  if (out) lua_pushvalue(L, outidx);
  else out = lb_push_new(L, use->out, nd, shape, 0, fn);
  if (np == 0 && fast && fast(bg, out)) return 1;
  if (lpy_rng_fill(bg, use, out, params, ctx, &e)) lb_core_error(L, fn, &e);
  return 1;
}

int lb_rng_draw_fast(lua_State *L, const lpy_rng_spec *sp,
                     const lpy_rng_spec *sp32, const lpy_rng_arg *defaults,
                     int nreq, void *ctx, lb_rng_fastfill fast) {
  char fn[80];
  snprintf(fn, sizeof fn, "random.Generator.%s", sp->name);
  return lb_rng_draw_with(L, lb_rng_checkgen(L, 1, fn), "Generator", sp, sp32,
                          defaults, nreq, ctx, fast);
}

int lb_rng_draw(lua_State *L, const lpy_rng_spec *sp, const lpy_rng_spec *sp32,
                const lpy_rng_arg *defaults, int nreq, void *ctx) {
  return lb_rng_draw_fast(L, sp, sp32, defaults, nreq, ctx, NULL);
}
