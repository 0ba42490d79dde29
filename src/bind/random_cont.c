/*
** random_cont.c - the Generator's continuous distributions: methods that
** hand their spec (src/core/rng_cont.h) to the draw driver lb_rng_draw,
** the checks NumPy makes before drawing (triangular's ordering,
** standard_exponential's method), and dirichlet. multivariate_normal is
** in lumpy/random_cont.lua.
*/
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "lrandom.h"
#include "../core/rng_cont.h"

static const lpy_rng_spec *spec(const char *name) {
  const lpy_rng_cont *c = lpy_rng_cont_find(name);
  return c ? &c->spec : NULL;
}

/* ---- the parameterless ones: a fast fill of a contiguous output */
static int fast(const char *n64, const char *n32, lpy_bitgen *bg, lpy_array *out) {
  static const lpy_rng_arg none[LPY_RNG_MAXPARAMS];
  const lpy_rng_cont *c;
  if (!(out->flags & (LPY_C_CONTIGUOUS | LPY_F_CONTIGUOUS))) return 0;
  c = lpy_rng_cont_find(out->dtype == LPY_FLOAT32 ? n32 : n64);
  if (!c || c->spec.out != out->dtype) return 0;
  c->fill(bg, none, out->size, out->data);
  return 1;
}
static int fast_snorm(lpy_bitgen *bg, lpy_array *out) {
  return fast("standard_normal", "standard_normal_f", bg, out);
}
static int fast_sexp(lpy_bitgen *bg, lpy_array *out) {
  return fast("standard_exponential", "standard_exponential_f", bg, out);
}
static int fast_sexpinv(lpy_bitgen *bg, lpy_array *out) {
  return fast("standard_exponential_inv", "standard_exponential_inv_f", bg, out);
}
static int fast_cauchy(lpy_bitgen *bg, lpy_array *out) {
  return fast("standard_cauchy", "", bg, out);
}

/* rng:standard_normal([size [, dtype [, out]]] [, opts]) */
static int m_standard_normal(lua_State *L) {
  return lb_rng_draw_fast(L, spec("standard_normal"), spec("standard_normal_f"),
                          NULL, 0, NULL, fast_snorm);
}

/* rng:standard_exponential([size [, dtype [, method [, out]]]] [, opts]):
   the method ("zig" or "inv") is read here and removed from the call */
static int m_standard_exponential(lua_State *L) {
  const char *fn = "random.Generator.standard_exponential";
  int top = lua_gettop(L), opts = top >= 2 ? lb_opts(L, 2) : 0, inv = 0;
  int npos = (opts ? opts - 1 : top) - 1, have = 0;
  /* method: positional 3rd (after size, dtype) or opts.method */
  if (npos >= 3 && !lua_isnil(L, 4)) {
    lua_pushvalue(L, 4);
    have = 1;
  }
  if (opts && lb_optfield(L, opts, "method") != LUA_TNIL) {
    if (have) lb_error(L, fn, "got multiple values for argument 'method'");
    have = 1;
  } else if (opts) {
    lua_pop(L, 1);
  }
  if (have) {
    const char *m = lua_tostring(L, -1);
    if (lua_type(L, -1) != LUA_TSTRING || (strcmp(m, "zig") && strcmp(m, "inv")))
      lb_error(L, fn, "method must be \"zig\" or \"inv\", got %s",
               lua_type(L, -1) == LUA_TSTRING ? m : luaL_typename(L, -1));
    inv = m[0] == 'i';
    lua_pop(L, 1);
  }
  /* rebuild the call without the method: gen, size, dtype, out, opts copy */
  if (npos >= 3) {
    lua_remove(L, 4);
    if (opts) opts--;
  }
  if (opts) {
    lua_newtable(L);
    lua_pushnil(L);
    while (lua_next(L, opts)) {
      if (lua_type(L, -2) == LUA_TSTRING && strcmp(lua_tostring(L, -2), "method") == 0) {
        lua_pop(L, 1);
        continue;
      }
      lua_pushvalue(L, -2);
      lua_insert(L, -2);
      lua_settable(L, -4);
    }
    lua_replace(L, opts);
  }
  if (inv)
    return lb_rng_draw_fast(L, spec("standard_exponential_inv"),
                            spec("standard_exponential_inv_f"), NULL, 0, NULL, fast_sexpinv);
  return lb_rng_draw_fast(L, spec("standard_exponential"), spec("standard_exponential_f"),
                          NULL, 0, NULL, fast_sexp);
}

static int m_standard_cauchy(lua_State *L) {
  return lb_rng_draw_fast(L, spec("standard_cauchy"), NULL, NULL, 0, NULL, fast_cauchy);
}

/* ---- the methods with parameters. The common call - every parameter a
   Lua number, a size, perhaps a dtype, nothing else - is drawn here with
   the distribution's fast fill; any other goes to lb_rng_draw. Both give
   the same values (a new C-contiguous array filled in order). */
/* a plain sequence (a shape) at idx */
static int is_shape(lua_State *L, int idx) {
  if (lua_type(L, idx) != LUA_TTABLE || lua_rawlen(L, idx) == 0) return 0;
  if (lua_getmetatable(L, idx)) {
    lua_pop(L, 1);
    return 0;
  }
  return 1;
}

/* a dtype string, or an options table with dtype= only, at idx */
static int dtype_only(lua_State *L, int idx) {
  if (lua_type(L, idx) == LUA_TSTRING) return 1;
  if (lua_type(L, idx) != LUA_TTABLE || lua_rawlen(L, idx) != 0) return 0;
  if (lua_getmetatable(L, idx)) {
    lua_pop(L, 1);
    return 0;
  }
  lua_pushnil(L);
  if (!lua_next(L, idx)) return 0;
  if (lua_type(L, -2) != LUA_TSTRING || strcmp(lua_tostring(L, -2), "dtype") != 0 ||
      lua_type(L, -1) != LUA_TSTRING) {
    lua_pop(L, 2);
    return 0;
  }
  lua_pop(L, 1);
  if (lua_next(L, idx)) {
    lua_pop(L, 2);
    return 0;
  }
  return 1;
}

static int draw(lua_State *L, const char *n64, const char *n32,
                const lpy_rng_arg *defaults, int nreq) {
  const lpy_rng_cont *c = lpy_rng_cont_find(n64);
  const lpy_rng_cont *c32 = n32 ? lpy_rng_cont_find(n32) : NULL;
  int np = c->spec.nparams, top = lua_gettop(L), k, nd, simple;
  simple = top == np + 2 || (c32 && top == np + 3 && dtype_only(L, np + 3));
  simple = simple && (lua_isinteger(L, np + 2) || is_shape(L, np + 2));
  for (k = 0; simple && k < np; k++)
    simple = lua_type(L, k + 2) == LUA_TNUMBER || (k >= nreq && lua_isnil(L, k + 2));
  if (simple) {
    char fn[64];
    lpy_rng_arg v[LPY_RNG_MAXPARAMS];
    lpy_array_space sp[LPY_RNG_MAXPARAMS];
    lpy_array *params[LPY_RNG_MAXPARAMS], *out;
    int64_t shape[LPY_MAXDIMS];
    lpy_bitgen *bg;
    lpy_err e;
    snprintf(fn, sizeof fn, "random.Generator.%s", c->spec.name);
    bg = lb_rng_checkgen(L, 1, fn);
    if (top == np + 3) {
      int t;
      if (lua_type(L, np + 3) == LUA_TTABLE) lua_getfield(L, np + 3, "dtype");
      else lua_pushvalue(L, np + 3);
      t = lb_optdtype(L, -1, LPY_FLOAT64, fn);
      lua_pop(L, 1);
      if (t == LPY_FLOAT32) c = c32;
      else if (t != LPY_FLOAT64) simple = 0;        /* lb_rng_draw's error */
    }
    if (simple) {
      nd = lb_rng_size(L, np + 2, shape, fn);
      for (k = 0; k < np; k++) {
        if (lua_isnil(L, k + 2)) v[k] = defaults[k];
        else v[k].d = lua_tonumber(L, k + 2);
        lpy_array_init(&sp[k].a, LPY_FLOAT64, 0, NULL, NULL, (char *)&v[k], NULL);
        params[k] = &sp[k].a;
      }
      if (lpy_rng_check(&c->spec, params, &e)) return lb_core_error(L, fn, &e);
      out = lb_push_new(L, c->spec.out, nd, shape, 0, fn);
      c->fill(bg, v, out->size, out->data);
      return 1;
    }
  }
  return lb_rng_draw(L, &c->spec, c32 ? &c32->spec : NULL, defaults, nreq, NULL);
}

static int m_standard_gamma(lua_State *L) {
  return draw(L, "standard_gamma", "standard_gamma_f", NULL, 1);
}

/* the methods with float64 results only: defaults for the trailing
   parameters where NumPy has them */
static const lpy_rng_arg D01[2] = {{0.0}, {1.0}}, D1[2] = {{1.0}, {1.0}};
#define DRAW(NAME, DEFS, NREQ) \
  static int m_##NAME(lua_State *L) { return draw(L, #NAME, NULL, DEFS, NREQ); }
DRAW(normal, D01, 0)
DRAW(exponential, D1, 0)
DRAW(gamma, D1, 1)
DRAW(beta, NULL, 2)
DRAW(chisquare, NULL, 1)
DRAW(noncentral_chisquare, NULL, 2)
DRAW(f, NULL, 2)
DRAW(noncentral_f, NULL, 3)
DRAW(standard_t, NULL, 1)
DRAW(laplace, D01, 0)
DRAW(logistic, D01, 0)
DRAW(lognormal, D01, 0)
DRAW(gumbel, D01, 0)
DRAW(pareto, NULL, 1)
DRAW(power, NULL, 1)
DRAW(rayleigh, D1, 0)
DRAW(vonmises, NULL, 2)
DRAW(wald, NULL, 2)
DRAW(weibull, NULL, 1)

/* ---- triangular: NumPy checks left <= mode <= right, left < right on
   the parameters themselves before anything else */
static int m_triangular(lua_State *L) {
  const char *fn = "random.Generator.triangular";
  static const char *const names[3] = {"left", "mode", "right"};
  int top = lua_gettop(L), opts = top >= 2 ? lb_opts(L, 2) : 0, k;
  int npos = (opts ? opts - 1 : top) - 1;
  lpy_array *p[3];
  int64_t i, n = 1;
  lb_rng_checkgen(L, 1, fn);
  for (k = 0; k < 3; k++) {
    int pos = k + 2;
    if (pos - 2 < npos && !lua_isnil(L, pos)) lua_pushvalue(L, pos);
    else if (opts) lb_optfield(L, opts, names[k]);
    else lua_pushnil(L);
    if (lua_isnil(L, -1)) lb_error(L, fn, "missing required argument '%s'", names[k]);
    p[k] = lb_toarray_aligned(L, -1, LPY_FLOAT64, fn);
    lua_remove(L, -2);
  }
  /* the three tests over the parameters broadcast against each other
     (NumPy's np.greater / np.equal), reported in NumPy's order */
  {
    int nds[3], bnd, j, bad[3] = {0, 0, 0};
    const int64_t *shs[3];
    int64_t bshape[LPY_MAXDIMS], idx[LPY_MAXDIMS] = {0};
    lpy_err e;
    for (k = 0; k < 3; k++) { nds[k] = p[k]->ndim; shs[k] = p[k]->shape; }
    if (lpy_broadcast_shapes(3, nds, shs, &bnd, bshape, &e)) lb_core_error(L, fn, &e);
    for (k = 0; k < bnd; k++) n *= bshape[k];
    for (i = 0; i < n; i++) {
      double v[3];
      for (k = 0; k < 3; k++) {
        const char *q = p[k]->data;
        int off = bnd - p[k]->ndim;
        for (j = 0; j < p[k]->ndim; j++)
          if (p[k]->shape[j] != 1) q += idx[j + off] * p[k]->strides[j];
        v[k] = *(const double *)q;
      }
      bad[0] |= v[0] > v[1];
      bad[1] |= v[1] > v[2];
      bad[2] |= v[0] == v[2];
      for (j = bnd - 1; j >= 0 && ++idx[j] == bshape[j]; j--) idx[j] = 0;
    }
    if (bad[0]) lb_error(L, fn, "left > mode");
    if (bad[1]) lb_error(L, fn, "mode > right");
    if (bad[2]) lb_error(L, fn, "left == right");
  }
  lua_pop(L, 3);
  return draw(L, "triangular", NULL, NULL, 3);
}

/* ---- dirichlet(alpha [, size]) */
static int m_dirichlet(lua_State *L) {
  const char *fn = "random.Generator.dirichlet";
  int top = lua_gettop(L), opts = top >= 2 ? lb_opts(L, 2) : 0, nd, k;
  int npos = (opts ? opts - 1 : top) - 1;
  static const char *const allowed[] = {"alpha", "size", NULL};
  int64_t shape[LPY_MAXDIMS], i;
  lpy_bitgen *bg = lb_rng_checkgen(L, 1, fn);
  lpy_array *alpha, *out, *work;
  int aidx, sidx;
  if (npos > 2) lb_error(L, fn, "takes at most 2 positional arguments (%d given)", npos);
  if (opts) lb_checkopts(L, opts, fn, allowed);
  for (k = 0; k < 2; k++) {
    int pos = k + 2, have = pos - 2 < npos && !lua_isnil(L, pos);
    if (have) lua_pushvalue(L, pos);
    else lua_pushnil(L);
    if (opts) {
      if (lb_optfield(L, opts, allowed[k]) != LUA_TNIL) {
        if (have) lb_error(L, fn, "got multiple values for argument '%s'", allowed[k]);
        lua_replace(L, -2);
      } else {
        lua_pop(L, 1);
      }
    }
  }
  aidx = lua_gettop(L) - 1;
  sidx = aidx + 1;
  if (lua_isnil(L, aidx)) lb_error(L, fn, "missing required argument 'alpha'");
  alpha = lb_toarray(L, aidx, LPY_FLOAT64, fn);
  if (alpha->ndim != 1)
    lb_error(L, fn, "alpha must be 1 dimensional, got %d dimensions", alpha->ndim);
  alpha = lb_push_copy(L, alpha, fn);   /* the sampler reads alpha[j] */
  for (i = 0; i < alpha->shape[0]; i++)
    if (((double *)alpha->data)[i] < 0) lb_error(L, fn, "alpha < 0");
  nd = lb_rng_size(L, sidx, shape, fn);
  if (nd < 0) nd = 0;
  if (nd >= LPY_MAXDIMS) lb_error(L, fn, "size has too many dimensions");
  shape[nd++] = alpha->shape[0];
  out = lb_push_new(L, LPY_FLOAT64, nd, shape, 1, fn);
  work = lb_push_new(L, LPY_FLOAT64, 1, alpha->shape, 0, fn);
  if (alpha->shape[0] > 0)
    lpy_rng_dirichlet(bg, (const double *)alpha->data, alpha->shape[0],
                      out->size / alpha->shape[0], (double *)out->data,
                      (double *)work->data);
  lua_pop(L, 1);
  return 1;
}

static const luaL_Reg methods[] = {
  {"standard_normal", m_standard_normal},
  {"standard_exponential", m_standard_exponential},
  {"standard_gamma", m_standard_gamma},
  {"standard_cauchy", m_standard_cauchy},
  {"normal", m_normal},
  {"exponential", m_exponential},
  {"gamma", m_gamma},
  {"beta", m_beta},
  {"chisquare", m_chisquare},
  {"noncentral_chisquare", m_noncentral_chisquare},
  {"f", m_f},
  {"noncentral_f", m_noncentral_f},
  {"standard_t", m_standard_t},
  {"laplace", m_laplace},
  {"logistic", m_logistic},
  {"lognormal", m_lognormal},
  {"gumbel", m_gumbel},
  {"pareto", m_pareto},
  {"power", m_power},
  {"rayleigh", m_rayleigh},
  {"triangular", m_triangular},
  {"vonmises", m_vonmises},
  {"wald", m_wald},
  {"weibull", m_weibull},
  {"dirichlet", m_dirichlet},
  {NULL, NULL}
};

void lb_rng_open_cont(lua_State *L, int methidx) {
  lua_pushvalue(L, methidx);
  luaL_setfuncs(L, methods, 0);
  lua_pop(L, 1);
}
