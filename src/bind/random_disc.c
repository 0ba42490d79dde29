/*
** random_disc.c - the Generator's discrete and multivariate-discrete
** methods: binomial, negative_binomial, poisson, geometric,
** hypergeometric, logseries, zipf (through the draw driver lb_rng_draw,
** after the checks NumPy makes before its constraint checks, in its order)
** and multinomial, multivariate_hypergeometric (their own argument
** handling, NumPy's shapes and messages).
*/
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "lrandom.h"
#include "../core/rng_dist.h"

/* NumPy's POISSON_LAM_MAX, computed as it computes it */
#define POISSON_LAM_MAX \
  ((double)INT64_MAX - sqrt((double)INT64_MAX) * 10)
#define HYPERGEOM_MAX 1000000000

#define I64 LPY_INT64
#define F64 LPY_FLOAT64

static const lpy_rng_spec sp_binomial = {
  "binomial", 2, {"n", "p"}, {LPY_RNG_NON_NEGATIVE, LPY_RNG_BOUNDED_0_1},
  1u, I64, lpy_rng_k_binomial};
/* the order NumPy checks binomial's parameters in: p first */
static const lpy_rng_spec sp_binomial_pn = {
  "binomial", 2, {"p", "n"}, {LPY_RNG_BOUNDED_0_1, LPY_RNG_NON_NEGATIVE},
  2u, I64, lpy_rng_k_binomial};
static const lpy_rng_spec sp_negative_binomial = {
  "negative_binomial", 2, {"n", "p"},
  {LPY_RNG_POSITIVE_NOT_NAN, LPY_RNG_BOUNDED_GT_0_1}, 0u, I64,
  lpy_rng_k_negative_binomial};
static const lpy_rng_spec sp_poisson = {
  "poisson", 1, {"lam"}, {LPY_RNG_POISSON}, 0u, I64, lpy_rng_k_poisson};
static const lpy_rng_spec sp_geometric = {
  "geometric", 1, {"p"}, {LPY_RNG_BOUNDED_GT_0_1}, 0u, I64,
  lpy_rng_k_geometric};
static const lpy_rng_spec sp_hypergeometric = {
  "hypergeometric", 3, {"ngood", "nbad", "nsample"},
  {LPY_RNG_NON_NEGATIVE, LPY_RNG_NON_NEGATIVE, LPY_RNG_NON_NEGATIVE}, 7u,
  I64, lpy_rng_k_hypergeometric};
static const lpy_rng_spec sp_logseries = {
  "logseries", 1, {"p"}, {LPY_RNG_BOUNDED_LT_0_1}, 0u, I64,
  lpy_rng_k_logseries};
static const lpy_rng_spec sp_zipf = {
  "zipf", 1, {"a"}, {LPY_RNG_GT_1}, 0u, I64, lpy_rng_k_zipf};

/* ---- parameters read ahead of the driver, for NumPy's early checks ---- */

typedef struct {
  lpy_array *a[LPY_RNG_MAXPARAMS];
  lpy_array_space sp[LPY_RNG_MAXPARAMS];
  lpy_rng_arg v[LPY_RNG_MAXPARAMS];
  int scalar;            /* every parameter 0-d */
} params;

/* parameter k of the method (positional, or by name in the trailing
   options table) as float64 / int64 (pushing what it converts); 0 when
   absent (the driver reports that) */
static int read_params(lua_State *L, const lpy_rng_spec *sp, params *ps,
                       const char *fn) {
  int top = lua_gettop(L), opts = top >= 2 ? lb_opts(L, 2) : 0;
  int npos = (opts ? opts - 1 : top) - 1, k;
  ps->scalar = 1;
  for (k = 0; k < sp->nparams; k++) {
    int idx = k + 2, isint = (sp->intparams >> k) & 1;
    lpy_dtype t = isint ? I64 : F64;
    if (!(k < npos && !lua_isnil(L, idx))) {
      if (!opts || lb_optfield(L, opts, sp->pname[k]) == LUA_TNIL) return 0;
      idx = lua_gettop(L);
    }
    if (lua_type(L, idx) == LUA_TNUMBER) {
      if (!isint) {
        ps->v[k].d = lua_tonumber(L, idx);
      } else if (lua_isinteger(L, idx)) {
        ps->v[k].i = lua_tointeger(L, idx);
      } else {
        ps->v[k].i = lpy_rng_to_i64(lua_tonumber(L, idx));
      }
      lpy_array_init(&ps->sp[k].a, t, 0, NULL, NULL, (char *)&ps->v[k], NULL);
      ps->a[k] = &ps->sp[k].a;
    } else {
      ps->a[k] = lb_toarray_aligned(L, idx, (int)t, fn);
    }
    ps->scalar &= ps->a[k]->ndim == 0;
  }
  return 1;
}

/* the C-order walk of lpy_iter over broadcast operands, with a callback per
   inner line; 0 when the operands do not broadcast (the driver reports
   that later) */
static int broadcast_run(int n, lpy_array *const *ops, lpy_loop f, void *ctx) {
  int nds[LPY_RNG_MAXPARAMS], nd;
  const int64_t *shs[LPY_RNG_MAXPARAMS];
  int64_t shape[LPY_MAXDIMS];
  lpy_iter it;
  lpy_err e;
  int k;
  for (k = 0; k < n; k++) {
    nds[k] = ops[k]->ndim;
    shs[k] = ops[k]->shape;
  }
  if (lpy_broadcast_shapes(n, nds, shs, &nd, shape, &e)) return 0;
  if (lpy_shape_size(nd, shape, &e) <= 0) return 1;
  if (lpy_iter_setup(&it, n, ops, nd, shape, &e)) return 0;
  lpy_iter_run(&it, f, ctx);
  return 1;
}

/* ---- the fast path: every parameter a Lua number, size given as the
   last positional argument, no options: one set-up for the whole output */
typedef void (*fill1)(lpy_bitgen *bg, const lpy_rng_arg *v, int64_t *out,
                      int64_t n);

static int fast_ok(lua_State *L, const lpy_rng_spec *sp) {
  int k, top = lua_gettop(L);
  if (top != sp->nparams + 2 || lua_isnil(L, top) || lb_opts(L, 2)) return 0;
  for (k = 0; k < sp->nparams; k++) {
    if (lua_type(L, k + 2) != LUA_TNUMBER) return 0;
    if (((sp->intparams >> k) & 1) && !lua_isinteger(L, k + 2)) return 0;
  }
  return 1;
}

/* after the checks: the new array of shape size, filled by f */
static int fast_fill(lua_State *L, const lpy_rng_spec *sp, const params *ps,
                     fill1 f, const char *fn) {
  int64_t shape[LPY_MAXDIMS];
  lpy_bitgen *bg = lb_rng_checkgen(L, 1, fn);
  int nd = lb_rng_size(L, sp->nparams + 2, shape, fn);
  lpy_array *out = lb_push_new(L, LPY_INT64, nd, shape, 0, fn);
  f(bg, ps->v, (int64_t *)out->data, out->size);
  return 1;
}

static void f_binomial(lpy_bitgen *bg, const lpy_rng_arg *v, int64_t *out,
                       int64_t n) {
  lpy_rng_binomial_fill(bg, v[0].i, v[1].d, out, n);
}
static void f_poisson(lpy_bitgen *bg, const lpy_rng_arg *v, int64_t *out,
                      int64_t n) {
  lpy_rng_poisson_fill(bg, v[0].d, out, n);
}
static void f_geometric(lpy_bitgen *bg, const lpy_rng_arg *v, int64_t *out,
                        int64_t n) {
  lpy_rng_geometric_fill(bg, v[0].d, out, n);
}
static void f_logseries(lpy_bitgen *bg, const lpy_rng_arg *v, int64_t *out,
                        int64_t n) {
  lpy_rng_logseries_fill(bg, v[0].d, out, n);
}
static void f_zipf(lpy_bitgen *bg, const lpy_rng_arg *v, int64_t *out,
                   int64_t n) {
  lpy_rng_zipf_fill(bg, v[0].d, out, n);
}
static void f_hypergeometric(lpy_bitgen *bg, const lpy_rng_arg *v,
                             int64_t *out, int64_t n) {
  lpy_rng_hypergeometric_fill(bg, v[0].i, v[1].i, v[2].i, out, n);
}

/* NumPy's ufunc message for operands a and b that do not broadcast, or
   nothing when they do */
static void ufunc_shapes(lua_State *L, int nda, const int64_t *sha, int ndb,
                         const int64_t *shb, int64_t *out, int *ndo,
                         const char *fn) {
  int nds[2];
  const int64_t *shs[2];
  lpy_err e;
  nds[0] = nda; shs[0] = sha;
  nds[1] = ndb; shs[1] = shb;
  if (lpy_broadcast_shapes(2, nds, shs, ndo, out, &e)) {
    char s0[128], s1[128];
    lb_rng_pyshape(nda, sha, s0, sizeof s0);
    lb_rng_pyshape(ndb, shb, s1, sizeof s1);
    lb_error(L, fn, "operands could not be broadcast together with shapes "
             "%s %s ", s0, s1);
  }
}

/* ---- binomial -------------------------------------------------------- */
/* NumPy broadcasts binomial's p before n, so its messages name them in
   that order: (size,) p, n */
static void binomial_shapes(lua_State *L, int top, int opts, const params *ps,
                            const char *fn) {
  int npos, k = 0, nds[3];
  const int64_t *shs[3];
  int64_t size[LPY_MAXDIMS], out[LPY_MAXDIMS];
  int idx = 4, nsz;
  npos = (opts ? opts - 1 : top) - 1;
  if (!(npos >= 3 && !lua_isnil(L, idx))) {
    lb_optfield(L, opts, "size");
    idx = lua_gettop(L);
  }
  if (lua_type(L, idx) != LUA_TNUMBER && lua_type(L, idx) != LUA_TTABLE &&
      !lua_isnil(L, idx))
    return;                   /* the driver reports it */
  nsz = lb_rng_size(L, idx, size, fn);
  if (nsz >= 0) { nds[k] = nsz; shs[k++] = size; }
  nds[k] = ps->a[1]->ndim; shs[k++] = ps->a[1]->shape;
  nds[k] = ps->a[0]->ndim; shs[k++] = ps->a[0]->shape;
  lb_rng_bshape(L, k, nds, shs, out, fn);
}

static int l_binomial(lua_State *L) {
  const char *fn = "random.Generator.binomial";
  lpy_rng_binom cache;
  params ps;
  lpy_err e;
  int top = lua_gettop(L), opts = top >= 2 ? lb_opts(L, 2) : 0;
  lb_rng_checkgen(L, 1, fn);
  if (read_params(L, &sp_binomial, &ps, fn)) {
    lpy_array *pn[2];
    pn[0] = ps.a[1];
    pn[1] = ps.a[0];
    if (lpy_rng_check(&sp_binomial_pn, pn, &e)) lb_core_error(L, fn, &e);
    if (!ps.scalar) binomial_shapes(L, top, opts, &ps, fn);
  }
  lua_settop(L, top);
  if (fast_ok(L, &sp_binomial)) return fast_fill(L, &sp_binomial, &ps, f_binomial, fn);
  memset(&cache, 0, sizeof cache);
  return lb_rng_draw(L, &sp_binomial, NULL, NULL, 2, &cache);
}

/* ---- negative_binomial: the Poisson's lam must stay in range --------- */
static void nb_maxlam(char **args, int64_t n, const int64_t *steps,
                      void *ctx) {
  int *over = ctx;
  int64_t i;
  for (i = 0; i < n; i++) {
    double nn = *(const double *)(args[0] + i * steps[0]);
    double p = *(const double *)(args[1] + i * steps[1]);
    if ((1 - p) / p * (nn + 10 * sqrt(nn)) > POISSON_LAM_MAX) *over = 1;
  }
}

static int l_negative_binomial(lua_State *L) {
  const char *fn = "random.Generator.negative_binomial";
  params ps;
  lpy_err e;
  int top = lua_gettop(L), over = 0;
  lb_rng_checkgen(L, 1, fn);
  if (read_params(L, &sp_negative_binomial, &ps, fn)) {
    int64_t bs[LPY_MAXDIMS];
    int bnd;
    if (lpy_rng_check(&sp_negative_binomial, ps.a, &e))
      lb_core_error(L, fn, &e);
    /* NumPy computes (1 - p) / p * (n + 10 sqrt(n)) */
    ufunc_shapes(L, ps.a[1]->ndim, ps.a[1]->shape, ps.a[0]->ndim,
                 ps.a[0]->shape, bs, &bnd, fn);
    broadcast_run(2, ps.a, nb_maxlam, &over);
    if (over)
      lb_error(L, fn, "n too large or p too small, see "
                      "Generator.negative_binomial Notes");
  }
  lua_settop(L, top);
  return lb_rng_draw(L, &sp_negative_binomial, NULL, NULL, 2, NULL);
}

/* ---- hypergeometric: the population limit and ngood + nbad >= nsample
   come before the sign checks ------------------------------------------ */
static int any_ge(const lpy_array *a, int64_t lim) {
  int64_t idx[LPY_MAXDIMS] = {0}, i;
  const char *p = a->data;
  int j;
  for (i = 0; i < a->size; i++) {
    if (*(const int64_t *)p >= lim) return 1;
    for (j = a->ndim - 1; j >= 0; j--) {
      p += a->strides[j];
      if (++idx[j] < a->shape[j]) break;
      p -= a->strides[j] * a->shape[j];
      idx[j] = 0;
    }
  }
  return 0;
}

static void hg_sum(char **args, int64_t n, const int64_t *steps, void *ctx) {
  int *short_ = ctx;
  int64_t i;
  for (i = 0; i < n; i++) {
    uint64_t g = (uint64_t)*(const int64_t *)(args[0] + i * steps[0]);
    uint64_t b = (uint64_t)*(const int64_t *)(args[1] + i * steps[1]);
    int64_t s = *(const int64_t *)(args[2] + i * steps[2]);
    if ((int64_t)(g + b) < s) *short_ = 1;   /* int64 sums wrap, as NumPy's */
  }
}

static int l_hypergeometric(lua_State *L) {
  const char *fn = "random.Generator.hypergeometric";
  params ps;
  int top = lua_gettop(L), short_ = 0;
  lb_rng_checkgen(L, 1, fn);
  if (read_params(L, &sp_hypergeometric, &ps, fn)) {
    if (any_ge(ps.a[0], HYPERGEOM_MAX) || any_ge(ps.a[1], HYPERGEOM_MAX))
      lb_error(L, fn, "both ngood and nbad must be less than %d",
               HYPERGEOM_MAX);
    /* NumPy computes ngood + nbad < nsample */
    if (!ps.scalar) {
      int64_t bs[LPY_MAXDIMS], bs2[LPY_MAXDIMS];
      int bnd, bnd2;
      ufunc_shapes(L, ps.a[0]->ndim, ps.a[0]->shape, ps.a[1]->ndim,
                   ps.a[1]->shape, bs, &bnd, fn);
      ufunc_shapes(L, bnd, bs, ps.a[2]->ndim, ps.a[2]->shape, bs2, &bnd2, fn);
    }
    broadcast_run(3, ps.a, hg_sum, &short_);
    if (short_) lb_error(L, fn, "ngood + nbad < nsample");
  }
  lua_settop(L, top);
  if (fast_ok(L, &sp_hypergeometric)) {
    lpy_err e;
    if (lpy_rng_check(&sp_hypergeometric, ps.a, &e)) lb_core_error(L, fn, &e);
    return fast_fill(L, &sp_hypergeometric, &ps, f_hypergeometric, fn);
  }
  return lb_rng_draw(L, &sp_hypergeometric, NULL, NULL, 3, NULL);
}

/* ---- the one-parameter methods ---------------------------------------- */
static int one(lua_State *L, const lpy_rng_spec *sp, const lpy_rng_arg *def,
               fill1 f) {
  if (fast_ok(L, sp)) {
    char fn[64];
    params ps;
    lpy_err e;
    snprintf(fn, sizeof fn, "random.Generator.%s", sp->name);
    lb_rng_checkgen(L, 1, fn);
    read_params(L, sp, &ps, fn);
    if (lpy_rng_check(sp, ps.a, &e)) lb_core_error(L, fn, &e);
    return fast_fill(L, sp, &ps, f, fn);
  }
  return lb_rng_draw(L, sp, NULL, def, def ? 0 : 1, NULL);
}

static int l_poisson(lua_State *L) {
  static const lpy_rng_arg lam1[1] = {{1.0}};
  return one(L, &sp_poisson, lam1, f_poisson);
}

static int l_geometric(lua_State *L) {
  return one(L, &sp_geometric, NULL, f_geometric);
}

static int l_logseries(lua_State *L) {
  return one(L, &sp_logseries, NULL, f_logseries);
}

static int l_zipf(lua_State *L) {
  return one(L, &sp_zipf, NULL, f_zipf);
}

/* multinomial and multivariate_hypergeometric: random_mv.c */

void lb_rng_open_disc(lua_State *L, int methidx) {
  static const luaL_Reg meths[] = {
    {"binomial", l_binomial},
    {"negative_binomial", l_negative_binomial},
    {"poisson", l_poisson},
    {"geometric", l_geometric},
    {"hypergeometric", l_hypergeometric},
    {"logseries", l_logseries},
    {"zipf", l_zipf},
    {"multinomial", lb_rng_multinomial},
    {"multivariate_hypergeometric", lb_rng_mvhg},
    {NULL, NULL}};
  lua_pushvalue(L, methidx);
  luaL_setfuncs(L, meths, 0);
  lua_pop(L, 1);
}
