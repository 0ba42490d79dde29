/*
** shape.c - shape and view operations: reshape, ravel, flatten, transpose,
** swapaxes, moveaxis, squeeze, expand_dims, broadcast_to,
** broadcast_shapes, broadcast_arrays, astype, view, fill, copyto.
*/
#include <string.h>
#include "lbind.h"

static int push_permuted(lua_State *L, int idx, lpy_array *a, const int *perm);

/* shape argument of reshape: a table, or integers from idx on */
static int read_newshape(lua_State *L, int idx, int64_t *shape, const char *fn) {
  int top = lua_gettop(L), n = 0, i;
  if (lua_type(L, idx) == LUA_TTABLE) {
    n = (int)lua_rawlen(L, idx);
    if (n > LPY_MAXDIMS) lb_error(L, fn, "too many dimensions: %d", n);
    lb_check_sequence(L, idx, n, fn, "a shape table");
    for (i = 0; i < n; i++) {
      int ok;
      lua_rawgeti(L, idx, i + 1);
      shape[i] = lua_tointegerx(L, -1, &ok);
      if (!ok) lb_error(L, fn, "shape must contain integers");
      lua_pop(L, 1);
    }
    return n;
  }
  for (i = idx; i <= top; i++) {
    int ok;
    if (lua_type(L, i) == LUA_TTABLE) break;   /* trailing options */
    if (n >= LPY_MAXDIMS) lb_error(L, fn, "too many dimensions");
    shape[n++] = lua_tointegerx(L, i, &ok);
    if (!ok) lb_error(L, fn, "shape must contain integers, got %s", lb_nonint_name(L, i));
  }
  return n;
}

/* resolve one -1 and check the size */
static void fix_unknown(lua_State *L, const lpy_array *a, int n, int64_t *shape,
                        const char *fn) {
  int i, unknown = -1;
  int64_t known = 1;
  char s1[200], s2[200];
  for (i = 0; i < n; i++) {
    if (shape[i] == -1) {
      if (unknown >= 0) lb_error(L, fn, "can only specify one unknown dimension");
      unknown = i;
    } else if (shape[i] < 0) {
      lb_error(L, fn, "negative dimensions are not allowed");
    } else if (__builtin_mul_overflow(known, shape[i], &known)) {
      lb_error(L, fn, "the new shape is too big");
    }
  }
  if (unknown >= 0) {
    if (known == 0 || a->size % known != 0) goto bad;
    shape[unknown] = a->size / known;
  } else if (known != a->size) goto bad;
  {                                 /* an empty one may still be too big */
    lpy_err e;
    if (lpy_shape_size(n, shape, &e) < 0) lb_core_error(L, fn, &e);
  }
  return;
bad:
  lpy_shape_str(a->ndim, a->shape, s1, sizeof s1);
  lpy_shape_str(n, shape, s2, sizeof s2);
  lb_error(L, fn, "cannot reshape array of size %lld into shape %s",
           (long long)a->size, s2);
  (void)s1;
}

/* strides for viewing a with a new shape without copying; 0 if impossible */
static int nocopy_strides(const lpy_array *a, int nn, const int64_t *ns,
                          int64_t *nst) {
  int64_t os[LPY_MAXDIMS], ost[LPY_MAXDIMS];
  int no = 0, i, oi = 0, oj = 1, ni = 0, nj = 1, k;
  int isz = lpy_itemsize(a->dtype);
  for (i = 0; i < a->ndim; i++)
    if (a->shape[i] != 1) { os[no] = a->shape[i]; ost[no++] = a->strides[i]; }
  for (i = 0; i < nn; i++) nst[i] = isz;
  if (a->size == 0) {
    lpy_strides_c(nn, ns, isz, nst);
    return 1;
  }
  while (ni < nn && oi < no) {
    int64_t np = ns[ni], op = os[oi];
    while (np != op) {
      if (np < op) { if (nj >= nn) return 0; np *= ns[nj++]; }
      else { if (oj >= no) return 0; op *= os[oj++]; }
    }
    for (k = oi; k < oj - 1; k++)
      if (ost[k] != os[k + 1] * ost[k + 1]) return 0;
    nst[nj - 1] = ost[oj - 1];
    for (k = nj - 1; k > ni; k--) nst[k - 1] = nst[k] * ns[k];
    ni = nj++;
    oi = oj++;
  }
  return 1;
}

static int push_reshaped(lua_State *L, int idx, lpy_array *a, int n,
                         int64_t *shape, const char *fn) {
  int64_t st[LPY_MAXDIMS];
  lpy_err e;
  fix_unknown(L, a, n, shape, fn);
  if (nocopy_strides(a, n, shape, st)) {
    lb_push_view(L, idx, a->dtype, n, shape, st, a->data);
  } else {
    /* copy in C order through a C-shaped view of the result */
    lpy_array *r = lb_push_new(L, a->dtype, a->ndim, a->shape, 0, fn);
    if (lpy_array_assign(r, a, &e) != 0) lb_core_error(L, fn, &e);
    lb_push_view(L, -1, a->dtype, n, shape, NULL, r->data);
    lua_remove(L, -2);
  }
  return 1;
}

/* a:reshape(2, 3) / a:reshape({2, 3} [, {order = "F"}]) / np.reshape(a, shape)
   order "F" reads and writes elements with the first index fastest: the
   same as reversing the axes, reshaping to the reversed shape, and
   reversing again */
static int l_reshape(lua_State *L) {
  static const char *const ok[] = {"order", NULL};
  lpy_array *a = lb_toarray(L, 1, -1, "reshape");
  int64_t shape[LPY_MAXDIMS], rev[LPY_MAXDIMS];
  int n, opts, i, perm[LPY_MAXDIMS], f;
  lua_replace(L, 1);
  opts = lb_opts(L, 3);
  if (!opts && lua_type(L, 2) == LUA_TNUMBER) opts = lb_opts(L, 2);
  lb_checkopts(L, opts, "reshape", ok);
  f = opts ? lb_optorder(L, opts, NULL, "reshape") : 0;
  n = read_newshape(L, 2, shape, "reshape");
  if (!f) return push_reshaped(L, 1, a, n, shape, "reshape");
  for (i = 0; i < a->ndim; i++) perm[i] = a->ndim - 1 - i;
  push_permuted(L, 1, a, perm);
  for (i = 0; i < n; i++) rev[i] = shape[n - 1 - i];
  push_reshaped(L, lua_gettop(L), lb_test(L, -1), n, rev, "reshape");
  a = lb_test(L, -1);
  for (i = 0; i < a->ndim; i++) perm[i] = a->ndim - 1 - i;
  return push_permuted(L, lua_gettop(L), a, perm);
}

static int l_ravel(lua_State *L) {
  lpy_array *a = lb_toarray(L, 1, -1, "ravel");
  int64_t n = a->size;
  lua_replace(L, 1);
  return push_reshaped(L, 1, a, 1, &n, "ravel");
}

static int l_flatten(lua_State *L) {
  lpy_array *a = lb_check(L, 1, "flatten"), *r;
  int64_t n = a->size;
  lpy_err e;
  r = lb_push_new(L, a->dtype, a->ndim, a->shape, 0, "flatten");
  if (lpy_array_assign(r, a, &e) != 0) lb_core_error(L, "flatten", &e);
  lb_push_view(L, -1, a->dtype, 1, &n, NULL, r->data);
  return 1;
}

/* ---------------------------------------------------------- axes */
static int read_axes(lua_State *L, int idx, int ndim, int *axes, const char *fn) {
  int n = 0, i, top = lua_gettop(L);
  if (lua_type(L, idx) == LUA_TTABLE) {
    n = (int)lua_rawlen(L, idx);
    if (n > LPY_MAXDIMS) lb_error(L, fn, "too many axes");
    lb_check_sequence(L, idx, n, fn, "an axes table");
    for (i = 0; i < n; i++) {
      lua_rawgeti(L, idx, i + 1);
      axes[i] = lb_checkaxis(L, -1, ndim, fn);
      lua_pop(L, 1);
    }
    return n;
  }
  for (i = idx; i <= top && !lua_isnil(L, i); i++) {
    if (n >= LPY_MAXDIMS) lb_error(L, fn, "too many axes");
    axes[n++] = lb_checkaxis(L, i, ndim, fn);
  }
  return n;
}

static int push_permuted(lua_State *L, int idx, lpy_array *a, const int *perm) {
  int64_t sh[LPY_MAXDIMS], st[LPY_MAXDIMS];
  int i;
  for (i = 0; i < a->ndim; i++) {
    sh[i] = a->shape[perm[i]];
    st[i] = a->strides[perm[i]];
  }
  lb_push_view(L, idx, a->dtype, a->ndim, sh, st, a->data);
  return 1;
}

static int l_transpose(lua_State *L) {
  lpy_array *a = lb_toarray(L, 1, -1, "transpose");
  int axes[LPY_MAXDIMS], seen[LPY_MAXDIMS] = {0}, n, i;
  lua_replace(L, 1);
  n = read_axes(L, 2, a->ndim, axes, "transpose");
  if (n == 0) {
    for (i = 0; i < a->ndim; i++) axes[i] = a->ndim - 1 - i;
  } else {
    if (n != a->ndim) return lb_error(L, "transpose", "axes don't match array");
    for (i = 0; i < n; i++) {
      if (seen[axes[i]]++) return lb_error(L, "transpose", "repeated axis in transpose");
    }
  }
  return push_permuted(L, 1, a, axes);
}

static int l_swapaxes(lua_State *L) {
  lpy_array *a = lb_toarray(L, 1, -1, "swapaxes");
  int perm[LPY_MAXDIMS], i, x, y;
  lua_replace(L, 1);
  x = lb_checkaxis(L, 2, a->ndim, "swapaxes");
  y = lb_checkaxis(L, 3, a->ndim, "swapaxes");
  for (i = 0; i < a->ndim; i++) perm[i] = i;
  perm[x] = y;
  perm[y] = x;
  return push_permuted(L, 1, a, perm);
}

static int l_moveaxis(lua_State *L) {
  lpy_array *a = lb_toarray(L, 1, -1, "moveaxis");
  int src[LPY_MAXDIMS], dst[LPY_MAXDIMS], perm[LPY_MAXDIMS], used[LPY_MAXDIMS] = {0};
  int ns, nd, i, k, j;
  lua_replace(L, 1);
  lua_settop(L, 3);
  if (lua_type(L, 2) == LUA_TTABLE) ns = read_axes(L, 2, a->ndim, src, "moveaxis");
  else { src[0] = lb_checkaxis(L, 2, a->ndim, "moveaxis"); ns = 1; }
  if (lua_type(L, 3) == LUA_TTABLE) nd = read_axes(L, 3, a->ndim, dst, "moveaxis");
  else { dst[0] = lb_checkaxis(L, 3, a->ndim, "moveaxis"); nd = 1; }
  if (ns != nd)
    return lb_error(L, "moveaxis", "`source` and `destination` arguments must have the same number of elements");
  for (i = 0; i < a->ndim; i++) perm[i] = -1;
  for (i = 0; i < ns; i++) {
    if (used[src[i]]++) return lb_error(L, "moveaxis", "repeated axis in `source` argument");
    if (perm[dst[i]] >= 0) return lb_error(L, "moveaxis", "repeated axis in `destination` argument");
    perm[dst[i]] = src[i];
  }
  for (i = 0, k = 0; i < a->ndim; i++) {
    if (perm[i] >= 0) continue;
    while (used[k]) k++;
    perm[i] = k++;
  }
  (void)j;
  return push_permuted(L, 1, a, perm);
}

static int l_squeeze(lua_State *L) {
  lpy_array *a = lb_toarray(L, 1, -1, "squeeze");
  int64_t sh[LPY_MAXDIMS], st[LPY_MAXDIMS];
  int drop[LPY_MAXDIMS] = {0}, axes[LPY_MAXDIMS], n = 0, i, k;
  lua_replace(L, 1);
  if (lua_isnoneornil(L, 2)) {
    for (i = 0; i < a->ndim; i++) drop[i] = a->shape[i] == 1;
  } else {
    n = lua_type(L, 2) == LUA_TTABLE ? read_axes(L, 2, a->ndim, axes, "squeeze")
                                     : (axes[0] = lb_checkaxis(L, 2, a->ndim, "squeeze"), 1);
    for (i = 0; i < n; i++) {
      if (a->shape[axes[i]] != 1)
        return lb_error(L, "squeeze", "cannot select an axis to squeeze out which has size not equal to one");
      if (drop[axes[i]]) return lb_error(L, "squeeze", "repeated axis");
      drop[axes[i]] = 1;
    }
  }
  for (i = 0, k = 0; i < a->ndim; i++)
    if (!drop[i]) { sh[k] = a->shape[i]; st[k++] = a->strides[i]; }
  lb_push_view(L, 1, a->dtype, k, sh, st, a->data);
  return 1;
}

static int l_expand_dims(lua_State *L) {
  lpy_array *a = lb_toarray(L, 1, -1, "expand_dims");
  int64_t sh[LPY_MAXDIMS], st[LPY_MAXDIMS];
  int ins[LPY_MAXDIMS] = {0}, n, nd, i, k;
  lua_replace(L, 1);
  n = lua_type(L, 2) == LUA_TTABLE ? (int)lua_rawlen(L, 2) : 1;
  nd = a->ndim + n;
  if (nd > LPY_MAXDIMS) return lb_error(L, "expand_dims", "too many dimensions");
  for (i = 0; i < n; i++) {
    int ax;
    if (lua_type(L, 2) == LUA_TTABLE) {
      lua_rawgeti(L, 2, i + 1);
      ax = lb_checkaxis(L, -1, nd, "expand_dims");
      lua_pop(L, 1);
    } else {
      ax = lb_checkaxis(L, 2, nd, "expand_dims");
    }
    if (ins[ax]++) return lb_error(L, "expand_dims", "repeated axis");
  }
  for (i = 0, k = 0; i < nd; i++) {
    if (ins[i]) { sh[i] = 1; st[i] = 0; }
    else { sh[i] = a->shape[k]; st[i] = a->strides[k]; k++; }
  }
  lb_push_view(L, 1, a->dtype, nd, sh, st, a->data);
  return 1;
}

/* ---------------------------------------------------------- broadcasting */
static void broadcast_view(lua_State *L, int idx, lpy_array *a, int nd,
                           const int64_t *shape, const char *fn) {
  int64_t st[LPY_MAXDIMS];
  int k, off = nd - a->ndim, bc = 0;
  lpy_array *v;
  lpy_err e;
  if (off < 0) lb_error(L, fn, "input operand has more dimensions than allowed by the axis remapping");
  if (lpy_shape_size(nd, shape, &e) < 0) lb_core_error(L, fn, &e);
  for (k = 0; k < nd; k++) {
    int ak = k - off;
    if (ak < 0) { st[k] = 0; bc = 1; continue; }
    if (a->shape[ak] == shape[k]) st[k] = a->strides[ak];
    else if (a->shape[ak] == 1) { st[k] = 0; bc = 1; }
    else {
      char s1[200], s2[200];
      lpy_shape_str(a->ndim, a->shape, s1, sizeof s1);
      lpy_shape_str(nd, shape, s2, sizeof s2);
      lb_error(L, fn, "operands could not be broadcast together with remapped shapes %s and requested shape %s",
               s1, s2);
    }
  }
  v = lb_push_view(L, idx, a->dtype, nd, shape, st, a->data);
  if (bc || strcmp(fn, "broadcast_to") == 0) v->flags &= ~(unsigned)LPY_WRITEABLE;
}

static int l_broadcast_to(lua_State *L) {
  lpy_array *a = lb_toarray(L, 1, -1, "broadcast_to");
  int64_t shape[LPY_MAXDIMS];
  int nd;
  lua_replace(L, 1);
  nd = lb_checkshape(L, 2, shape, "broadcast_to");
  broadcast_view(L, 1, a, nd, shape, "broadcast_to");
  return 1;
}

static int l_broadcast_shapes(lua_State *L) {
  int n = lua_gettop(L), i, nd[LPY_MAXDIMS], ond;
  int64_t sh[LPY_MAXDIMS][LPY_MAXDIMS], out[LPY_MAXDIMS];
  const int64_t *ptrs[LPY_MAXDIMS];
  lpy_err e;
  if (n > LPY_MAXDIMS) return lb_error(L, "broadcast_shapes", "too many shapes");
  for (i = 0; i < n; i++) {
    nd[i] = lb_checkshape(L, i + 1, sh[i], "broadcast_shapes");
    ptrs[i] = sh[i];
  }
  if (lpy_broadcast_shapes(n, nd, ptrs, &ond, out, &e) != 0)
    lb_core_error(L, "broadcast_shapes", &e);
  lb_push_shape(L, ond, out);
  return 1;
}

static int l_broadcast_arrays(lua_State *L) {
  int n = lua_gettop(L), i, nd[LPY_MAXDIMS], ond;
  const int64_t *ptrs[LPY_MAXDIMS];
  int64_t out[LPY_MAXDIMS];
  lpy_array *arr[LPY_MAXDIMS];
  lpy_err e;
  if (n > LPY_MAXDIMS) return lb_error(L, "broadcast_arrays", "too many arrays");
  for (i = 1; i <= n; i++) {
    arr[i - 1] = lb_toarray(L, i, -1, "broadcast_arrays");
    lua_replace(L, i);
    nd[i - 1] = arr[i - 1]->ndim;
    ptrs[i - 1] = arr[i - 1]->shape;
  }
  if (lpy_broadcast_shapes(n, nd, ptrs, &ond, out, &e) != 0)
    lb_core_error(L, "broadcast_arrays", &e);
  lua_createtable(L, n, 0);
  for (i = 1; i <= n; i++) {
    broadcast_view(L, i, arr[i - 1], ond, out, "broadcast_arrays");
    lua_rawseti(L, -2, i);
  }
  return 1;
}

/* ---------------------------------------------------------- dtype ops */
static int l_astype(lua_State *L) {
  static const char *const ok[] = {"copy", NULL};
  lpy_array *a = lb_check(L, 1, "astype"), *r;
  int t = lb_optdtype(L, 2, -1, "astype"), opts = lb_opts(L, 3);
  lpy_err e;
  lb_checkopts(L, opts, "astype", ok);
  if (t < 0) return lb_error(L, "astype", "missing dtype");
  if (opts && lb_optfield(L, opts, "copy") != LUA_TNIL && !lua_toboolean(L, -1) &&
      t == (int)a->dtype) {
    lua_pushvalue(L, 1);
    return 1;
  }
  r = lb_push_new(L, (lpy_dtype)t, a->ndim, a->shape, 0, "astype");
  if (lpy_array_assign(r, a, &e) != 0) lb_core_error(L, "astype", &e);
  return 1;
}

static int l_view(lua_State *L) {
  lpy_array *a = lb_check(L, 1, "view");
  int t = lb_optdtype(L, 2, a->dtype, "view"), os = lpy_itemsize(a->dtype), ns;
  int64_t sh[LPY_MAXDIMS], st[LPY_MAXDIMS];
  int last = a->ndim - 1;
  ns = lpy_itemsize(t);
  memcpy(sh, a->shape, (size_t)a->ndim * sizeof(int64_t));
  memcpy(st, a->strides, (size_t)a->ndim * sizeof(int64_t));
  if (ns != os) {
    if (a->ndim == 0)
      return lb_error(L, "view", "changing the dtype of a 0d array is only supported if the itemsize is unchanged");
    if (a->shape[last] != 1 && a->strides[last] != os)
      return lb_error(L, "view", "to change to a dtype of a different size, the last axis must be contiguous");
    if ((a->shape[last] * os) % ns != 0)
      return lb_error(L, "view", "when changing to a larger dtype, its size must be a divisor of the total size in bytes of the last axis of the array");
    sh[last] = a->shape[last] * os / ns;
    st[last] = ns;
  }
  lb_push_view(L, 1, (lpy_dtype)t, a->ndim, sh, st, a->data);
  return 1;
}

static int l_fill(lua_State *L) {
  lpy_array *a = lb_check(L, 1, "fill"), *v;
  lpy_err e;
  if (lua_isnone(L, 2)) return lb_error(L, "fill", "missing value");
  if (!(a->flags & LPY_WRITEABLE))
    return lb_error(L, "fill", "assignment destination is read-only");
  /* a Lua scalar goes straight to a's dtype (a -0.0 keeps its sign) */
  if (lb_assign_scalar(L, a, 2, "fill")) return 0;
  v = lb_toarray(L, 2, -1, "fill");
  if (v->ndim != 0) return lb_error(L, "fill", "the value must be a scalar");
  if (lpy_array_assign(a, v, &e) != 0) lb_core_error(L, "fill", &e);
  return 0;
}

/* np.copyto(dst, src [, {casting=, where=}]) with NumPy's 'same_kind'
   default */
static int l_copyto(lua_State *L) {
  static const char *const ok[] = {"casting", "where", NULL};
  lpy_array *dst = lb_check(L, 1, "copyto"), *src, *mask = NULL;
  int opts = lb_opts(L, 3);
  lpy_casting rule;
  lpy_dtype st;
  lpy_err e;
  lpy_operand op;
  lb_checkopts(L, opts, "copyto", ok);
  lua_settop(L, 3);
  rule = lb_optcasting(L, opts, LPY_CAST_SAME_KIND, "copyto");
  if (opts && lb_optfield(L, opts, "where") != LUA_TNIL) {
    mask = lb_toarray(L, -1, -1, "copyto");
    if (mask->dtype != LPY_BOOL)
      return lb_error(L, "copyto", "where must be a bool array, got %s",
                      lpy_dtypes[mask->dtype].name);
    lua_replace(L, 3);        /* keep the mask alive */
  }
  lua_settop(L, 3);
  if (lb_operand(L, 2, &op, "copyto")) lua_replace(L, 2);
  st = op.arr ? op.arr->dtype : op.isbool ? LPY_BOOL
     : lpy_promote_weak(dst->dtype, op.weak);
  if (!lpy_can_cast(st, dst->dtype, rule))
    return lb_error(L, "copyto", "cannot cast array data from %s to %s according to the rule '%s'",
                    lpy_dtypes[st].name, lpy_dtypes[dst->dtype].name,
                    lpy_casting_names[rule]);
  src = lb_toarray(L, 2, -1, "copyto");
  if (lpy_array_assign_where(dst, src, mask, &e) != 0)
    lb_core_error(L, "copyto", &e);
  return 0;
}

static const luaL_Reg funcs[] = {
  {"reshape", l_reshape}, {"ravel", l_ravel}, {"transpose", l_transpose},
  {"swapaxes", l_swapaxes}, {"moveaxis", l_moveaxis}, {"squeeze", l_squeeze},
  {"expand_dims", l_expand_dims}, {"broadcast_to", l_broadcast_to},
  {"broadcast_shapes", l_broadcast_shapes},
  {"broadcast_arrays", l_broadcast_arrays}, {"copyto", l_copyto},
  {NULL, NULL}
};

static const luaL_Reg meths[] = {
  {"reshape", l_reshape}, {"ravel", l_ravel}, {"flatten", l_flatten},
  {"transpose", l_transpose}, {"swapaxes", l_swapaxes},
  {"squeeze", l_squeeze}, {"astype", l_astype}, {"view", l_view},
  {"fill", l_fill},
  {NULL, NULL}
};

void lb_open_shape(lua_State *L, int modidx, int mtidx) {
  lb_register(L, modidx, mtidx, funcs, meths);
}
