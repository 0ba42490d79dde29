/*
** random_mv.c - the Generator's multivariate discrete methods, with
** NumPy's argument rules, shapes and messages:
**   rng:multinomial(n, pvals [, size] [, {size=}])
**   rng:multivariate_hypergeometric(colors, nsample [, size [, method]]
**                                   [, {size=, method=}])
** Each result gains a last axis of the categories.
*/
#include <stdio.h>
#include <string.h>
#include "lrandom.h"
#include "../core/rng_dist.h"

/* a shape as Python prints a tuple: (), (3,), (2, 3) (also random_disc.c) */
void lb_rng_pyshape(int nd, const int64_t *sh, char *buf, size_t n) {
  size_t len = (size_t)snprintf(buf, n, "(");
  int i;
  for (i = 0; i < nd && len < n; i++)
    len += (size_t)snprintf(buf + len, n - len, i ? ", %lld" : "%lld",
                            (long long)sh[i]);
  if (len < n) snprintf(buf + len, n - len, nd == 1 ? ",)" : ")");
}

/* argument k (1-based after the Generator) positional or opts[name]:
   pushes it (nil when absent) and returns its index; 'both' is an error */
static int arg(lua_State *L, int opts, int npos, int k, const char *name,
               const char *fn) {
  int have = k <= npos && !lua_isnil(L, k + 1);
  if (lb_optfield(L, opts, name) != LUA_TNIL) {
    if (have) lb_error(L, fn, "got multiple values for argument '%s'", name);
    return lua_gettop(L);
  }
  lua_pop(L, 1);
  if (have) lua_pushvalue(L, k + 1);
  else lua_pushnil(L);
  return lua_gettop(L);
}

/* the arguments as (index of the trailing options table or 0, the number
   of positional ones), checking both */
static int args_setup(lua_State *L, int nmax, const char *const *allowed,
                      int *npos, const char *fn) {
  int top = lua_gettop(L), opts = lb_opts(L, 4);
  *npos = (opts ? opts - 1 : top) - 1;
  if (*npos > nmax)
    lb_error(L, fn, "takes at most %d positional arguments (%d given)", nmax,
             *npos);
  if (opts) lb_checkopts(L, opts, fn, allowed);
  return opts;
}

/* broadcast the shapes as NumPy's multi-iterator does, with its message
   (also binomial's, random_disc.c) */
void lb_rng_check_size(lua_State *L, int nsz, const int64_t *size,
                       int nd, const int64_t *shape, const char *fn) {
  int k, same = nd == nsz;
  for (k = 0; same && k < nd; k++) same = shape[k] == size[k];
  if (!same) {
    char s0[128], s1[128];
    lb_rng_pyshape(nsz, size, s0, sizeof s0);
    lb_rng_pyshape(nd, shape, s1, sizeof s1);
    lb_error(L, fn, "Output size %s is not compatible with broadcast "
             "dimensions of inputs %s.", s0, s1);
  }
}

int lb_rng_bshape(lua_State *L, int n, const int *nds,
                  const int64_t *const *shs, int64_t *out, const char *fn) {
  int nd = 0, k, j, who[LPY_MAXDIMS];
  for (k = 0; k < n; k++) if (nds[k] > nd) nd = nds[k];
  for (j = 0; j < nd; j++) { out[j] = 1; who[j] = -1; }
  for (k = 0; k < n; k++) {
    for (j = 0; j < nds[k]; j++) {
      int d = nd - nds[k] + j;
      int64_t v = shs[k][j];
      if (v == 1) continue;
      if (who[d] < 0 || out[d] == 1) {
        out[d] = v;
        who[d] = k;
      } else if (out[d] != v) {
        char s0[128], s1[128];
        lb_rng_pyshape(nds[who[d]], shs[who[d]], s0, sizeof s0);
        lb_rng_pyshape(nds[k], shs[k], s1, sizeof s1);
        lb_error(L, fn, "shape mismatch: objects cannot be broadcast to a "
                 "single shape.  Mismatch is between arg %d with shape %s and "
                 "arg %d with shape %s.", who[d], s0, k, s1);
      }
    }
  }
  return nd;
}

/* the array at idx as a C-contiguous, aligned array of dtype t (pushed) */
static lpy_array *contiguous(lua_State *L, int idx, lpy_dtype t,
                             const char *fn) {
  lpy_array *a = lb_toarray(L, idx, (int)t, fn), *c = lb_contig(L, a, (int)t, fn);
  if (c != a) lua_remove(L, -2);
  return c;
}

/* NumPy's Kahan sum of n values (0 when n <= 0) */
static double kahan(const double *x, int64_t n) {
  double sum, c = 0.0, y, t;
  int64_t i;
  if (n <= 0) return 0.0;
  sum = x[0];
  for (i = 1; i < n; i++) {
    y = x[i] - c;
    t = sum + y;
    c = (t - sum) - y;
    sum = t;
  }
  return sum;
}

/* ---- multinomial ---------------------------------------------------------- */
int lb_rng_multinomial(lua_State *L) {
  static const char *const allowed[] = {"n", "pvals", "size", NULL};
  const char *fn = "random.Generator.multinomial";
  int opts, npos, in, ip, isz, pnd, k, f32 = 0;
  int64_t d, i, rows, size[LPY_MAXDIMS], shape[LPY_MAXDIMS + 1];
  lpy_array *n, *p, *orig, *out;
  lpy_bitgen *bg = lb_rng_checkgen(L, 1, fn);
  lpy_rng_binom cache;
  const double *pix;
  int nsz;
  opts = args_setup(L, 3, allowed, &npos, fn);
  in = arg(L, opts, npos, 1, "n", fn);
  ip = arg(L, opts, npos, 2, "pvals", fn);
  isz = arg(L, opts, npos, 3, "size", fn);
  if (lua_isnil(L, in)) lb_error(L, fn, "missing required argument 'n'");
  if (lua_isnil(L, ip)) lb_error(L, fn, "missing required argument 'pvals'");
  n = contiguous(L, in, LPY_INT64, fn);
  in = lua_gettop(L);
  orig = lb_test(L, ip);
  f32 = orig && orig->dtype == LPY_FLOAT32;
  p = contiguous(L, ip, LPY_FLOAT64, fn);
  pnd = p->ndim;
  d = pnd >= 1 ? p->shape[pnd - 1] : 0;
  if (d == 0)
    lb_error(L, fn, "pvals must have at least 1 dimension and the last "
                    "dimension of pvals must be greater than 0.");
  pix = (const double *)p->data;
  for (i = 0; i < p->size; i++)
    if (!(pix[i] >= 0) || !(pix[i] <= 1))
      lb_error(L, fn, "pvals < 0, pvals > 1 or pvals contains NaNs");
  for (i = 0; i < p->size; i += d) {
    if (kahan(pix + i, d - 1) > 1.0 + 1e-12) {
      const char *sl = pnd == 1 ? "[:-1]" : "[...,:-1]";
      double all = 0.0;
      int64_t j;
      for (j = 0; j < p->size; j++) all += pix[j];
      if (f32 && all < 1.0001)
        lb_error(L, fn, "sum(pvals%s.astype(np.float64)) > 1.0. The pvals "
                 "array is cast to 64-bit floating point prior to checking "
                 "the sum. Precision changes when casting may cause "
                 "problems even if the sum of the original pvals is valid.",
                 sl);
      lb_error(L, fn, "sum(pvals%s) > 1.0", sl);
    }
  }
  nsz = lb_rng_size(L, isz, size, fn);
  memset(&cache, 0, sizeof cache);
  if (n->ndim != 0 || pnd > 1) {
    /* n broadcast against the rows of pvals (and size) */
    int nds[3], nd;
    const int64_t *shs[3];
    int64_t *nix, bst[LPY_MAXDIMS][2], idx[LPY_MAXDIMS];
    const int64_t *nv = (const int64_t *)n->data;
    for (i = 0; i < n->size; i++)
      if (nv[i] < 0) lb_error(L, fn, "n < 0");
    nds[0] = n->ndim;     shs[0] = n->shape;
    nds[1] = pnd - 1;     shs[1] = p->shape;
    nds[2] = nsz;         shs[2] = size;
    nd = lb_rng_bshape(L, nsz >= 0 ? 3 : 2, nds, shs, shape, fn);
    if (nsz >= 0) lb_rng_check_size(L, nsz, size, nd, shape, fn);
    shape[nd] = d;
    out = lb_push_new(L, LPY_INT64, nd + 1, shape, 1, fn);
    /* element strides of n and of pvals' rows along the broadcast axes */
    for (k = 0; k < nd; k++) {
      int kn = k - (nd - nds[0]), kp = k - (nd - nds[1]);
      int64_t sn = 1, srow = d;
      int j;
      for (j = nds[0] - 1; j > kn && j >= 0; j--) sn *= n->shape[j];
      for (j = nds[1] - 1; j > kp && j >= 0; j--) srow *= p->shape[j];
      bst[k][0] = kn >= 0 && n->shape[kn] != 1 ? sn : 0;
      bst[k][1] = kp >= 0 && p->shape[kp] != 1 ? srow : 0;
      idx[k] = 0;
    }
    nix = (int64_t *)out->data;
    rows = out->size / d;
    {
      int64_t on = 0, op = 0;
      for (i = 0; i < rows; i++) {
        lpy_rng_multinomial(bg, nv[on], nix + i * d, pix + op, d, &cache);
        for (k = nd - 1; k >= 0; k--) {
          on += bst[k][0];
          op += bst[k][1];
          if (++idx[k] < shape[k]) break;
          on -= bst[k][0] * shape[k];
          op -= bst[k][1] * shape[k];
          idx[k] = 0;
        }
      }
    }
    return 1;
  }
  /* one n, one vector of probabilities */
  {
    int64_t ni = *(const int64_t *)n->data;
    int nd = nsz < 0 ? 0 : nsz;
    if (nsz > 0) memcpy(shape, size, (size_t)nsz * sizeof *shape);
    shape[nd] = d;
    out = lb_push_new(L, LPY_INT64, nd + 1, shape, 1, fn);
    if (ni < 0) lb_error(L, fn, "n < 0");
    rows = out->size / d;
    for (i = 0; i < rows; i++)
      lpy_rng_multinomial(bg, ni, (int64_t *)out->data + i * d, pix, d,
                          &cache);
  }
  return 1;
}

/* ---- multivariate_hypergeometric ----------------------------------------- */
int lb_rng_mvhg(lua_State *L) {
  static const char *const allowed[] = {"colors", "nsample", "size", "method",
                                        NULL};
  const char *fn = "random.Generator.multivariate_hypergeometric";
  int opts, npos, ic, in, isz, im, count = 0, nsz, nd;
  int64_t nsample = 0, total = 0, i, ncolors, size[LPY_MAXDIMS];
  int64_t shape[LPY_MAXDIMS + 1];
  lpy_array *c, *out;
  const int64_t *colors;
  lpy_bitgen *bg = lb_rng_checkgen(L, 1, fn);
  opts = args_setup(L, 4, allowed, &npos, fn);
  ic = arg(L, opts, npos, 1, "colors", fn);
  in = arg(L, opts, npos, 2, "nsample", fn);
  isz = arg(L, opts, npos, 3, "size", fn);
  im = arg(L, opts, npos, 4, "method", fn);
  if (lua_isnil(L, ic)) lb_error(L, fn, "missing required argument 'colors'");
  if (lua_isnil(L, in))
    lb_error(L, fn, "missing required argument 'nsample'");
  if (!lua_isnil(L, im)) {
    const char *m = lua_type(L, im) == LUA_TSTRING ? lua_tostring(L, im) : "";
    if (strcmp(m, "count") == 0) count = 1;
    else if (strcmp(m, "marginals") != 0)
      lb_error(L, fn, "method must be \"count\" or \"marginals\".");
  }
  {
    int isnum;
    if (lua_type(L, in) != LUA_TNUMBER) isnum = 0;
    else nsample = lua_tointegerx(L, in, &isnum);
    if (!isnum) lb_error(L, fn, "nsample must be an integer");
  }
  if (nsample < 0) lb_error(L, fn, "nsample must be nonnegative.");
  /* colors: a 1-d sequence of non-negative integers */
  {
    lpy_array *a;
    int bad = 0;
    if (lua_type(L, ic) != LUA_TTABLE && !lb_test(L, ic)) bad = 1;
    else {
      a = lb_toarray(L, ic, -1, fn);
      if (a->ndim != 1) bad = 1;
      else if (a->size > 0 && lpy_dtypes[a->dtype].kindn != LPY_KIND_INT &&
               lpy_dtypes[a->dtype].kindn != LPY_KIND_UINT)
        bad = 1;
      else if (a->size > 0) {
        lpy_array *s = contiguous(L, lua_gettop(L), a->dtype == LPY_UINT64
                                  ? LPY_UINT64 : LPY_INT64, fn);
        for (i = 0; i < s->size && !bad; i++)
          bad = ((const int64_t *)s->data)[i] < 0;   /* uint64 > 2^63 too */
      }
    }
    if (bad)
      lb_error(L, fn, "colors must be a one-dimensional sequence of "
               "nonnegative integers not exceeding 9223372036854775807.");
    c = contiguous(L, lua_gettop(L), LPY_INT64, fn);
  }
  ncolors = c->size;
  colors = (const int64_t *)c->data;
  for (i = 0; i < ncolors; i++) {
    if (colors[i] > INT64_MAX - total)
      lb_error(L, fn, "sum(colors) must not exceed the maximum value of a 64 "
               "bit signed integer (9223372036854775807)");
    total += colors[i];
  }
  if (!count && total >= 1000000000)
    lb_error(L, fn, "When method is \"marginals\", sum(colors) must be less "
                    "than 1000000000.");
  if (count && total > INT64_MAX / 8)
    lb_error(L, fn, "When method is 'count', sum(colors) must not exceed %lld",
             (long long)(INT64_MAX / 8));
  if (nsample > total) lb_error(L, fn, "nsample > sum(colors)");
  nsz = lb_rng_size(L, isz, size, fn);
  nd = nsz < 0 ? 0 : nsz;
  if (nsz > 0) memcpy(shape, size, (size_t)nsz * sizeof *shape);
  shape[nd] = ncolors;
  out = lb_push_new(L, LPY_INT64, nd + 1, shape, 1, fn);
  if (ncolors == 0) return 1;
  if (count) {
    if (lpy_rng_mvhg_count(bg, total, ncolors, colors, nsample,
                           out->size / ncolors, (int64_t *)out->data))
      lb_error(L, fn, "Insufficient memory for multivariate_hypergeometric "
               "with method='count' and sum(colors)=%lld", (long long)total);
  } else {
    lpy_rng_mvhg_marginals(bg, total, ncolors, colors, nsample,
                           out->size / ncolors, (int64_t *)out->data);
  }
  return 1;
}
