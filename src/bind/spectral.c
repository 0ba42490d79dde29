/*
** spectral.c - Lua binding of np.linalg's spectral functions: svd,
** svdvals, eig, eigvals, eigh, eigvalsh (the C core in
** src/core/spectral.c), and the primitives lumpy/spectral.lua builds
** pinv, matrix_rank, cond and the norms on (internal "spectral" table:
** sumsq).
*/
#include <string.h>
#include "lbind.h"
#include "../core/linalg.h"
#include "../core/spectral.h"

/* ------------------------------------------------------------ helpers */
/* push a new array (zero-filled when zero): a's stack dimensions, then r
   (and c when c >= 0) */
static lpy_array *push_out(lua_State *L, const lpy_array *a, lpy_dtype t,
                           int64_t r, int64_t c, int zero, const char *fn) {
  int64_t shape[LPY_MAXDIMS];
  int nd = a->ndim - 2, k;
  for (k = 0; k < nd; k++) shape[k] = a->shape[k];
  shape[nd++] = r;
  if (c >= 0) shape[nd++] = c;
  return lb_push_new(L, t, nd, shape, zero, fn);
}

/* push argument k: field k of the options table at opts when given there,
   else the positional argument at idx (when it comes before opts) */
static void push_arg(lua_State *L, int idx, int opts, const char *k) {
  if (opts) {
    lb_optfield(L, opts, k);
    if (!lua_isnil(L, -1) || idx >= opts) return;
    lua_pop(L, 1);
  }
  lua_pushvalue(L, idx);
}

/* a boolean argument (def when nil) */
static int flag_arg(lua_State *L, int idx, int opts, const char *k, int def) {
  int r;
  push_arg(L, idx, opts, k);
  r = lua_isnil(L, -1) ? def : lua_toboolean(L, -1);
  lua_pop(L, 1);
  return r;
}

/* UPLO: "L" / "U" in either case, positional at 2 or opts.UPLO */
static int uplo_arg(lua_State *L, int opts, const char *fn) {
  const char *s;
  int upper = 0;
  push_arg(L, 2, opts, "UPLO");
  if (!lua_isnil(L, -1)) {
    s = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
    if (!s || !s[0] || s[1] || !strchr("LlUu", s[0]))
      lb_error(L, fn, "UPLO argument must be 'L' or 'U'");
    upper = s[0] == 'U' || s[0] == 'u';
  }
  lua_pop(L, 1);
  return upper;
}

/* ---------------------------------------------------------------- svd */
static const char *const svd_opts[] = {"full_matrices", "compute_uv",
                                       "hermitian", NULL};

static int svd_impl(lua_State *L, int full, int uv, int herm, const char *fn) {
  lpy_array *a, *u = NULL, *s, *vh = NULL;
  lpy_dtype rt, st;
  int64_t m, n, k;
  lpy_err e;
  int r;
  a = lb_check_matrices(L, 1, herm, fn);
  rt = lpy_linalg_result(1, &a->dtype);
  st = lpy_dtype_real(rt);
  m = a->shape[a->ndim - 2];
  n = a->shape[a->ndim - 1];
  k = m < n ? m : n;
  if (uv) {
    int64_t uc = full || herm ? m : k, vr = full || herm ? n : k;
    /* an empty matrix gets identities: zeros first */
    u = push_out(L, a, rt, m, uc, k == 0, fn);
    s = push_out(L, a, st, k, -1, 0, fn);
    vh = push_out(L, a, rt, vr, n, k == 0, fn);
  } else {
    s = push_out(L, a, st, k, -1, 0, fn);
  }
  r = herm ? lpy_spectral_svd_herm(a, u, s, vh, &e)
           : lpy_spectral_svd(a, full, u, s, vh, &e);
  if (r != 0) lb_core_error(L, fn, &e);
  return uv ? 3 : 1;
}

/* svd(a, full_matrices=true, compute_uv=true, hermitian=false), the flags
   positional or in an options table */
static int l_svd(lua_State *L) {
  const char *fn = "linalg.svd";
  int opts = lb_opts(L, 2), full, uv, herm;
  lb_checkopts(L, opts, fn, svd_opts);
  lua_settop(L, opts > 4 ? opts : 4);
  full = flag_arg(L, 2, opts, "full_matrices", 1);
  uv = flag_arg(L, 3, opts, "compute_uv", 1);
  herm = flag_arg(L, 4, opts, "hermitian", 0);
  return svd_impl(L, full, uv, herm, fn);
}

static int l_svdvals(lua_State *L) {
  lua_settop(L, 1);
  return svd_impl(L, 1, 0, 0, "linalg.svdvals");
}

/* --------------------------------------------------------------- eigh */
static const char *const uplo_opts[] = {"UPLO", NULL};

static int eigh_impl(lua_State *L, int vectors, const char *fn) {
  int opts = lb_opts(L, 2), upper;
  lpy_array *a, *w, *v = NULL;
  lpy_dtype rt;
  int64_t n;
  lpy_err e;
  lb_checkopts(L, opts, fn, uplo_opts);
  lua_settop(L, opts > 2 ? opts : 2);
  upper = uplo_arg(L, opts, fn);
  a = lb_check_matrices(L, 1, 1, fn);
  rt = lpy_linalg_result(1, &a->dtype);
  n = a->shape[a->ndim - 1];
  w = push_out(L, a, lpy_dtype_real(rt), n, -1, 0, fn);
  if (vectors) v = push_out(L, a, rt, n, n, 0, fn);
  if (lpy_spectral_eigh(a, upper, w, v, &e) != 0) lb_core_error(L, fn, &e);
  return vectors ? 2 : 1;
}

static int l_eigh(lua_State *L) { return eigh_impl(L, 1, "linalg.eigh"); }
static int l_eigvalsh(lua_State *L) { return eigh_impl(L, 0, "linalg.eigvalsh"); }

/* ---------------------------------------------------------------- eig */
/* replace the complex128 array at the top of the stack by NumPy's result:
   its real part (dtype t) when real, else it cast to t */
static void eig_result(lua_State *L, int real, lpy_dtype t, const char *fn) {
  lpy_array *c = lb_check(L, -1, fn), *r;
  lpy_array_space view;
  int64_t st[LPY_MAXDIMS];
  lpy_err e;
  int k;
  if (!real && t == LPY_COMPLEX128) return;
  r = lb_push_new(L, t, c->ndim, c->shape, 0, fn);
  if (real) {
    for (k = 0; k < c->ndim; k++) st[k] = c->strides[k];
    lpy_array_init(&view.a, LPY_FLOAT64, c->ndim, c->shape, st, c->data, NULL);
    c = &view.a;
  }
  if (lpy_array_assign(r, c, &e) != 0) lb_core_error(L, fn, &e);
  lua_remove(L, -2);
}

static int eig_impl(lua_State *L, int vectors, const char *fn) {
  lpy_array *a, *w, *v = NULL;
  lpy_dtype rt;
  int64_t n;
  int real, wi, vi = 0;
  lpy_err e;
  lua_settop(L, 1);
  a = lb_check_matrices(L, 1, 1, fn);
  rt = lpy_linalg_result(1, &a->dtype);
  n = a->shape[a->ndim - 1];
  w = push_out(L, a, LPY_COMPLEX128, n, -1, 0, fn);
  wi = lua_gettop(L);
  if (vectors) { v = push_out(L, a, LPY_COMPLEX128, n, n, 0, fn); vi = wi + 1; }
  if (lpy_spectral_eig(a, w, v, &real, &e) != 0) lb_core_error(L, fn, &e);
  if (!real) rt = rt == LPY_FLOAT32 || rt == LPY_COMPLEX64 ? LPY_COMPLEX64
                                                           : LPY_COMPLEX128;
  lua_pushvalue(L, wi);
  eig_result(L, real, rt, fn);
  if (vectors) {
    lua_pushvalue(L, vi);
    eig_result(L, real, rt, fn);
  }
  return vectors ? 2 : 1;
}

static int l_eig(lua_State *L) { return eig_impl(L, 1, "linalg.eig"); }
static int l_eigvals(lua_State *L) { return eig_impl(L, 0, "linalg.eigvals"); }

/* ------------------------------------------------- internal primitives */
/* spectral.sumsq(x) -> sum of |x|^2 (x float32/64, complex64/128; a copy
   when misaligned: BLAS reads it through typed pointers) */
static int p_sumsq(lua_State *L) {
  lpy_array *x = lb_check(L, 1, "linalg.norm");
  if (!lpy_isinexact(x->dtype)) lb_error(L, "linalg.norm", "internal: bad argument");
  x = lb_toarray_aligned(L, 1, -1, "linalg.norm");
  lua_pushnumber(L, lpy_spectral_sumsq(x));
  return 1;
}

static const luaL_Reg prims[] = {
  {"sumsq", p_sumsq}, {NULL, NULL}
};

static const luaL_Reg funcs[] = {
  {"svd", l_svd}, {"svdvals", l_svdvals}, {"eig", l_eig},
  {"eigvals", l_eigvals}, {"eigh", l_eigh}, {"eigvalsh", l_eigvalsh},
  {NULL, NULL}
};

void lb_open_spectral(lua_State *L, int modidx, int mtidx) {
  (void)mtidx;
  lb_push_submodule(L, modidx, "linalg");
  luaL_setfuncs(L, funcs, 0);
  lua_pop(L, 1);
  lb_register_internal(L, modidx, "spectral", prims);
}
