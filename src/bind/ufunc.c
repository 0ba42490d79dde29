/*
** ufunc.c (binding) - every core ufunc as a module function, a method
** where NumPy has one, and the arithmetic / bitwise metamethods; plus
** array_equal (what == means for arrays).
*/
#include <string.h>
#include "lbind.h"

/* every array input Fortran-ordered (and not also C-ordered) */
static int fortran_inputs(int nin, const lpy_operand *in) {
  int i, any = 0;
  for (i = 0; i < nin; i++) {
    const lpy_array *a = in[i].arr;
    if (!a || a->ndim == 0) continue;
    if ((a->flags & (LPY_F_CONTIGUOUS | LPY_C_CONTIGUOUS)) != LPY_F_CONTIGUOUS)
      return 0;
    any = 1;
  }
  return any;
}

/* the dtype= and casting= options (-1: not given) */
typedef struct uopts {
  int dtype, casting;
} uopts;

/* read dtype= and casting= from the options table at x */
static void read_uopts(lua_State *L, int x, uopts *o, const char *fn) {
  lua_getfield(L, x, "dtype");
  o->dtype = lb_optdtype(L, -1, -1, fn);
  lua_pop(L, 1);
  o->casting = lua_getfield(L, x, "casting") == LUA_TNIL ? -1
             : (int)lb_checkcasting(L, -1, fn);
  lua_pop(L, 1);
}

/* upvalue 1: light userdata of the lpy_ufunc; upvalue 2: public name */
static int call_ufunc(lua_State *L, const lpy_ufunc *u, const char *fn,
                      int first, int outidx, const uopts *o, int whereidx) {
  int nin = lpy_ufunc_nin(u), i, nd[2], ondim;
  lpy_operand in[2];
  const int64_t *shapes[2];
  int64_t shape[LPY_MAXDIMS];
  lpy_ufunc_plan plan;
  lpy_err e;
  lpy_array *out = NULL;
  for (i = 0; i < nin; i++) {
    int idx = first + i;
    if (lb_operand(L, idx, &in[i], fn)) lua_replace(L, idx);
    nd[i] = in[i].arr ? in[i].arr->ndim : 0;
    shapes[i] = in[i].arr ? in[i].arr->shape : NULL;
  }
  if ((o->dtype < 0 && o->casting < 0
           ? lpy_ufunc_resolve(u, in, &plan, &e)
           : lpy_ufunc_resolve_with(u, in, o->dtype,
                                    o->casting < 0 ? LPY_CAST_SAME_KIND : (lpy_casting)o->casting,
                                    &plan, &e)) != 0)
    lb_core_error(L, fn, &e);
  if (nin == 2 && nd[0] == nd[1] && (nd[0] == 0 ||
      memcmp(shapes[0], shapes[1], (size_t)nd[0] * sizeof(int64_t)) == 0)) {
    ondim = nd[0];                      /* same shapes: nothing to broadcast */
    if (ondim) memcpy(shape, shapes[0], (size_t)ondim * sizeof(int64_t));
  } else if (lpy_broadcast_shapes(nin, nd, shapes, &ondim, shape, &e) != 0) {
    lb_core_error(L, fn, &e);
  }
  if (outidx) {
    /* the inputs broadcast to out's shape (which may be larger) */
    int k, off;
    out = lb_check(L, outidx, fn);
    off = out->ndim - ondim;
    for (k = 0; k < ondim; k++)
      if (off < 0 || (shape[k] != 1 && shape[k] != out->shape[off + k])) break;
    if (off < 0 || k < ondim) {
      char s1[200], s2[200];
      lpy_shape_str(out->ndim, out->shape, s1, sizeof s1);
      lpy_shape_str(ondim, shape, s2, sizeof s2);
      return lb_error(L, fn, "output array of shape %s does not match the broadcast shape %s",
                      s1, s2);
    }
    ondim = out->ndim;
    memcpy(shape, out->shape, (size_t)ondim * sizeof(int64_t));
    lua_pushvalue(L, outidx);
  } else {
    /* with where=, the elements not computed are zero (NumPy leaves them
       uninitialised) */
    out = lb_push_new(L, plan.out, ondim, shape, whereidx != 0, fn);
    plan.fresh_out = 1;
    /* keep the inputs' layout (NumPy's order 'K'): Fortran in, Fortran out */
    if (ondim > 1 && fortran_inputs(nin, in)) lb_make_fortran(out);
  }
  if (whereidx) {
    /* as NumPy: bool arrays (and Lua scalars, by truth); an array of
       another dtype is refused, not cast */
    lpy_array *w = lb_toarray(L, whereidx, lua_type(L, whereidx) == LUA_TNUMBER ? LPY_BOOL : -1, fn);
    int k, off = ondim - w->ndim;
    if (w->dtype != LPY_BOOL)
      return lb_error(L, fn, "where must be a bool array, got %s data", lpy_dtypes[w->dtype].name);
    /* the mask must broadcast to the output's shape */
    for (k = 0; k < w->ndim; k++)
      if (off < 0 || (w->shape[k] != 1 && w->shape[k] != shape[off + k])) {
        char s1[200], s2[200];
        lpy_shape_str(w->ndim, w->shape, s1, sizeof s1);
        lpy_shape_str(ondim, shape, s2, sizeof s2);
        return lb_error(L, fn, "where of shape %s does not broadcast to the output shape %s",
                        s1, s2);
      }
    if (lpy_arrays_overlap(w, out)) {  /* the writes would change the mask */
      w = lb_push_copy(L, w, fn);
      lua_replace(L, -2);
    }
    plan.where = w;
    lua_pushvalue(L, -2);              /* keep the result on top */
  }
  if (lpy_ufunc_exec(u, in, out, &plan, &e) != 0) lb_core_error(L, fn, &e);
  if (outidx || ondim > 0) return 1;
  lb_push_elem(L, out->dtype, out->data);    /* 0-d: a Lua value */
  return 1;
}

/* np.add(a, b [, out | {out=...}]) */
static int ufunc_fn(lua_State *L) {
  const lpy_ufunc *u = lua_touserdata(L, lua_upvalueindex(1));
  const char *fn = lua_tostring(L, lua_upvalueindex(2));
  int nin = lpy_ufunc_nin(u), outidx = 0, top = lua_gettop(L);
  int whereidx = 0;
  uopts o = {-1, -1};
  if (top < nin)
    return lb_error(L, fn, "expected %d argument%s, got %d", nin,
                    nin > 1 ? "s" : "", top);
  if (top > nin) {
    int x = nin + 1;
    lb_lastarg(L, top, x, nin > 1 ? "the inputs and an output or options table"
                                  : "the input and an output or options table", fn);
    lua_settop(L, x);
    if (lb_test(L, x)) outidx = x;
    else if (lua_type(L, x) == LUA_TTABLE && !lua_getmetatable(L, x)) {
      static const char *const ok[] = {"out", "dtype", "casting", "where", NULL};
      lb_checkopts(L, x, fn, ok);
      read_uopts(L, x, &o, fn);
      lua_getfield(L, x, "where");            /* at x + 1, maybe nil */
      if (lua_getfield(L, x, "out") != LUA_TNIL) {
        if (!lb_test(L, -1)) return lb_error(L, fn, "out must be an array");
        outidx = x;
      }
      lua_replace(L, x);                      /* the out slot: array or nil */
      if (!lua_isnil(L, x + 1)) whereidx = x + 1;
      else lua_settop(L, x);
    } else if (!lua_isnil(L, x)) {
      return lb_error(L, fn, "out must be an array or an options table, got %s",
                      luaL_typename(L, x));
    }
  } else {
    lua_settop(L, nin);
  }
  return call_ufunc(L, u, fn, 1, outidx, &o, whereidx);
}

/* the most common call, two arrays of one dtype and shape, C-ordered:
   returns 0 when it does not apply */
static int fast_binary(lua_State *L, const lpy_ufunc *u) {
  lpy_array *a = lb_test(L, 1), *b, *out;
  lpy_operand in[2];
  lpy_ufunc_plan plan;
  lpy_err e;
  if (!a || !(b = lb_test(L, 2)) || a->dtype != b->dtype ||
      a->ndim != b->ndim || a->ndim == 0 ||
      !(a->flags & b->flags & LPY_C_CONTIGUOUS) ||
      ((a->flags | b->flags) & LB_CLOSED) ||
      memcmp(a->shape, b->shape, (size_t)a->ndim * sizeof(int64_t)) != 0 ||
      lpy_ufunc_plan_for(u, a->dtype, &plan) != 0)
    return 0;
  out = lb_push_new(L, plan.out, a->ndim, a->shape, 0, lua_tostring(L, lua_upvalueindex(2)));
  plan.fresh_out = 1;
  memset(in, 0, sizeof in);
  in[0].arr = a;
  in[1].arr = b;
  if (lpy_ufunc_exec(u, in, out, &plan, &e) != 0)
    lb_core_error(L, lua_tostring(L, lua_upvalueindex(2)), &e);
  return 1;
}

/* an array (C-ordered) with a Lua number, either side: returns 0 when it
   does not apply */
static int fast_scalar(lua_State *L, const lpy_ufunc *u) {
  int k = lua_type(L, 1) == LUA_TNUMBER ? 0 : 1;   /* the number's slot */
  lpy_array *a = lb_test(L, 2 - k), *out;
  lpy_operand in[2];
  lpy_ufunc_plan plan;
  lpy_err e;
  const char *fn;
  if (!a || lua_type(L, k + 1) != LUA_TNUMBER || a->ndim == 0 ||
      !(a->flags & LPY_C_CONTIGUOUS) || (a->flags & LB_CLOSED))
    return 0;
  fn = lua_tostring(L, lua_upvalueindex(2));
  memset(in, 0, sizeof in);
  in[1 - k].arr = a;
  if (lua_isinteger(L, k + 1)) {
    in[k].weak = LPY_WEAK_INT;
    in[k].i = lua_tointeger(L, k + 1);
    in[k].re = lua_tonumber(L, k + 1);      /* keeps the sign of a -0.0 */
  } else {
    in[k].weak = LPY_WEAK_FLOAT;
    in[k].re = lua_tonumber(L, k + 1);
  }
  if (lpy_ufunc_resolve(u, in, &plan, &e) != 0) lb_core_error(L, fn, &e);
  out = lb_push_new(L, plan.out, a->ndim, a->shape, 0, fn);
  plan.fresh_out = 1;
  if (lpy_ufunc_exec(u, in, out, &plan, &e) != 0) lb_core_error(L, fn, &e);
  return 1;
}

/* metamethods: Lua passes (a, b) for binary and (a, a) for unary ones */
static int ufunc_meta(lua_State *L) {
  const lpy_ufunc *u = lua_touserdata(L, lua_upvalueindex(1));
  static const uopts none = {-1, -1};
  const char *fn;
  if (lpy_ufunc_nin(u) == 2 && (fast_binary(L, u) || fast_scalar(L, u)))
    return 1;
  fn = lua_tostring(L, lua_upvalueindex(2));
  lua_settop(L, lpy_ufunc_nin(u));
  return call_ufunc(L, u, fn, 1, 0, &none, 0);
}

static void push_ufunc(lua_State *L, const char *core, const char *name,
                       lua_CFunction f) {
  const lpy_ufunc *u = lpy_ufunc_find(core);
  lua_pushlightuserdata(L, (void *)u);
  lua_pushstring(L, name);
  lua_pushcclosure(L, f, 2);
}

/* module name, core ufunc, method name (or NULL) */
static const struct { const char *name, *core, *method; } funcs[] = {
  {"add", "add", NULL}, {"subtract", "subtract", NULL},
  {"multiply", "multiply", NULL}, {"divide", "true_divide", NULL},
  {"true_divide", "true_divide", NULL}, {"floor_divide", "floor_divide", NULL},
  {"remainder", "remainder", NULL}, {"mod", "remainder", NULL},
  {"fmod", "fmod", NULL}, {"power", "power", NULL},
  {"negative", "negative", NULL}, {"positive", "positive", NULL},
  {"absolute", "absolute", NULL}, {"abs", "absolute", NULL},
  {"maximum", "maximum", NULL}, {"minimum", "minimum", NULL},
  {"fmax", "fmax", NULL}, {"fmin", "fmin", NULL},
  {"equal", "equal", "eq"}, {"not_equal", "not_equal", "ne"},
  {"less", "less", "lt"}, {"less_equal", "less_equal", "le"},
  {"greater", "greater", "gt"}, {"greater_equal", "greater_equal", "ge"},
  {"logical_and", "logical_and", NULL}, {"logical_or", "logical_or", NULL},
  {"logical_xor", "logical_xor", NULL}, {"logical_not", "logical_not", NULL},
  {"bitwise_and", "bitwise_and", NULL}, {"bitwise_or", "bitwise_or", NULL},
  {"bitwise_xor", "bitwise_xor", NULL}, {"invert", "invert", NULL},
  {"bitwise_not", "invert", NULL},
  {"left_shift", "left_shift", NULL}, {"right_shift", "right_shift", NULL},
  /* math (src/core/mathloops.c) */
  {"sqrt", "sqrt", NULL}, {"cbrt", "cbrt", NULL}, {"i0", "i0", NULL}, {"square", "square", NULL},
  {"reciprocal", "reciprocal", NULL}, {"exp", "exp", NULL},
  {"exp2", "exp2", NULL}, {"expm1", "expm1", NULL}, {"log", "log", NULL},
  {"log2", "log2", NULL}, {"log10", "log10", NULL}, {"log1p", "log1p", NULL},
  {"sin", "sin", NULL}, {"cos", "cos", NULL}, {"tan", "tan", NULL},
  {"arcsin", "arcsin", NULL}, {"arccos", "arccos", NULL},
  {"arctan", "arctan", NULL}, {"sinh", "sinh", NULL}, {"cosh", "cosh", NULL},
  {"tanh", "tanh", NULL}, {"arcsinh", "arcsinh", NULL},
  {"arccosh", "arccosh", NULL}, {"arctanh", "arctanh", NULL},
  {"floor", "floor", NULL}, {"ceil", "ceil", NULL}, {"trunc", "trunc", NULL},
  {"fix", "trunc", NULL}, {"rint", "rint", NULL},
  {"deg2rad", "deg2rad", NULL}, {"radians", "deg2rad", NULL},
  {"rad2deg", "rad2deg", NULL}, {"degrees", "rad2deg", NULL},
  {"spacing", "spacing", NULL}, {"signbit", "signbit", NULL},
  {"sign", "sign", NULL}, {"conjugate", "conjugate", "conjugate"},
  {"conj", "conjugate", "conj"}, {"isnan", "isnan", NULL},
  {"isinf", "isinf", NULL}, {"isfinite", "isfinite", NULL},
  {"arctan2", "arctan2", NULL}, {"hypot", "hypot", NULL},
  {"copysign", "copysign", NULL}, {"nextafter", "nextafter", NULL},
  {"logaddexp", "logaddexp", NULL}, {"logaddexp2", "logaddexp2", NULL},
  {"heaviside", "heaviside", NULL}, {"float_power", "float_power", NULL},
  {"gcd", "gcd", NULL}, {"lcm", "lcm", NULL}, {"ldexp", "ldexp", NULL},
  {NULL, NULL, NULL}
};

static const struct { const char *meta, *core, *name; } metas[] = {
  {"__add", "add", "add"}, {"__sub", "subtract", "subtract"},
  {"__mul", "multiply", "multiply"}, {"__div", "true_divide", "divide"},
  {"__idiv", "floor_divide", "floor_divide"}, {"__mod", "remainder", "remainder"},
  {"__pow", "power", "power"}, {"__unm", "negative", "negative"},
  {"__band", "bitwise_and", "bitwise_and"}, {"__bor", "bitwise_or", "bitwise_or"},
  {"__bxor", "bitwise_xor", "bitwise_xor"}, {"__shl", "left_shift", "left_shift"},
  {"__shr", "right_shift", "right_shift"}, {"__bnot", "invert", "invert"},
  {NULL, NULL, NULL}
};

/* an output of a two-result ufunc (slot idx): an array or nil */
static void check_out2(lua_State *L, int idx, const char *fn) {
  if (!lua_isnil(L, idx) && !lb_test(L, idx))
    lb_error(L, fn, "out must be a sequence of two arrays (or nil), got %s",
             luaL_typename(L, idx));
}

/* ufuncs with two results (NumPy returns a tuple): two loops over the same
   inputs, returned as two Lua values. Outputs as NumPy takes them: the
   arrays positionally after the inputs, or {out = {o1, o2}} (either may be
   nil) with dtype= and where= as for every ufunc */
static int two_results(lua_State *L, const char *fn, int nin, const char *c1,
                       const char *c2) {
  const lpy_ufunc *u1 = lpy_ufunc_find(c1), *u2 = lpy_ufunc_find(c2);
  int top = lua_gettop(L), o = nin + 1, i;
  int outidx[2] = {0, 0}, whereidx = 0;
  uopts uo = {-1, -1};
  if (top < nin)
    return lb_error(L, fn, "expected %d argument%s, got %d", nin, nin > 1 ? "s" : "", top);
  /* slots: inputs 1..nin, outputs o and o + 1, where o + 2 */
  lb_lastarg(L, top, o + 1, nin > 1 ? "the inputs and two outputs or an options table"
                                    : "the input and two outputs or an options table", fn);
  lua_settop(L, o + 2);
  if (lua_type(L, o) == LUA_TTABLE && !lua_getmetatable(L, o)) {
    static const char *const ok[] = {"out", "dtype", "casting", "where", NULL};
    if (!lua_isnil(L, o + 1))
      return lb_error(L, fn, "an options table must be the last argument");
    lb_checkopts(L, o, fn, ok);
    read_uopts(L, o, &uo, fn);
    lua_getfield(L, o, "where");
    lua_getfield(L, o, "out");
    if (lb_test(L, -1))
      return lb_error(L, fn, "out must be a sequence of two arrays (one per result), got one array");
    if (!lua_isnil(L, -1)) {
      int n;
      if (lua_type(L, -1) != LUA_TTABLE || lua_getmetatable(L, -1))
        return lb_error(L, fn, "out must be a sequence of two arrays (or nil), got %s",
                        luaL_typename(L, -1));
      n = (int)lua_rawlen(L, -1);
      lua_pushnil(L);
      while (lua_next(L, -2)) {   /* only the keys 1 and 2 */
        int isint;
        lua_Integer k = lua_tointegerx(L, -2, &isint);
        lua_pop(L, 1);
        if (lua_type(L, -1) != LUA_TNUMBER || !isint || k < 1 || k > 2 || n > 2)
          return lb_error(L, fn, "out must have exactly one entry per result (2)");
      }
      lua_rawgeti(L, -1, 1);
      lua_rawgeti(L, -2, 2);
    } else {
      lua_pushnil(L);
      lua_pushnil(L);
    }
    /* stack: ... opts, nil, where, out, o1, o2 */
    lua_replace(L, o + 1);
    lua_replace(L, o);
    lua_pop(L, 1);
    lua_replace(L, o + 2);                /* where */
  } else if (!lua_isnil(L, o) && !lb_test(L, o)) {
    return lb_error(L, fn, "out must be an array or an options table, got %s",
                    luaL_typename(L, o));
  }
  lua_settop(L, o + 2);
  check_out2(L, o, fn);
  check_out2(L, o + 1, fn);
  if (!lua_isnil(L, o + 2)) whereidx = o + 2;
  for (i = 0; i < 2; i++)
    if (!lua_isnil(L, o + i)) outidx[i] = o + i;
  if (outidx[0] || outidx[1]) {
    /* the first result must not change the inputs of the second: an input
       that shares memory with an output is read from a copy */
    for (i = 1; i <= nin; i++) {
      lpy_array *a;
      int j, clash = 0;
      if (!lb_test(L, i)) continue;
      a = lb_check(L, i, fn);
      for (j = 0; j < 2; j++)
        if (outidx[j] && lpy_arrays_overlap(a, lb_check(L, outidx[j], fn))) clash = 1;
      if (!clash) continue;
      lb_push_copy(L, a, fn);
      lua_replace(L, i);
    }
  }
  lua_settop(L, o + 3);                   /* o + 3: the first result */
  call_ufunc(L, u1, fn, 1, outidx[0], &uo, whereidx);
  lua_replace(L, o + 3);
  lua_settop(L, o + 3);
  call_ufunc(L, u2, fn, 1, outidx[1], &uo, whereidx);
  lua_pushvalue(L, o + 3);
  lua_insert(L, -2);
  return 2;
}

static int l_modf(lua_State *L) { return two_results(L, "modf", 1, "modf_frac", "modf_int"); }
static int l_frexp(lua_State *L) { return two_results(L, "frexp", 1, "frexp_mant", "frexp_exp"); }
static int l_divmod(lua_State *L) { return two_results(L, "divmod", 2, "floor_divide", "remainder"); }

/* np.array_equal(a, b [, equal_nan]): same shape and equal elements */
static int array_equal_impl(lua_State *L, int equal_nan) {
  lpy_array *a, *b, *eq;
  lpy_operand in[2];
  lpy_err e;
  int64_t i;
  const lpy_ufunc *u = lpy_ufunc_find("equal");
  lua_settop(L, 2);
  a = lb_toarray(L, 1, -1, "array_equal");
  b = lb_toarray(L, 2, -1, "array_equal");
  if (a->ndim != b->ndim ||
      memcmp(a->shape, b->shape, (size_t)a->ndim * sizeof(int64_t)) != 0) {
    lua_pushboolean(L, 0);
    return 1;
  }
  memset(in, 0, sizeof in);
  in[0].arr = a;
  in[1].arr = b;
  eq = lb_push_new(L, LPY_BOOL, a->ndim, a->shape, 0, "array_equal");
  if (lpy_ufunc_exec(u, in, eq, NULL, &e) != 0) lb_core_error(L, "array_equal", &e);
  if (equal_nan && lpy_isinexact(a->dtype) && lpy_isinexact(b->dtype)) {
    /* positions where both are nan count as equal */
    lpy_array *na = lb_push_new(L, LPY_BOOL, a->ndim, a->shape, 0, "array_equal");
    lpy_array *nb = lb_push_new(L, LPY_BOOL, a->ndim, a->shape, 0, "array_equal");
    const lpy_ufunc *ne = lpy_ufunc_find("not_equal");
    const lpy_ufunc *land = lpy_ufunc_find("logical_and");
    const lpy_ufunc *lor = lpy_ufunc_find("logical_or");
    in[1].arr = a;
    if (lpy_ufunc_exec(ne, in, na, NULL, &e) != 0) lb_core_error(L, "array_equal", &e);
    in[0].arr = in[1].arr = b;
    if (lpy_ufunc_exec(ne, in, nb, NULL, &e) != 0) lb_core_error(L, "array_equal", &e);
    in[0].arr = na; in[1].arr = nb;
    if (lpy_ufunc_exec(land, in, na, NULL, &e) != 0) lb_core_error(L, "array_equal", &e);
    in[0].arr = eq; in[1].arr = na;
    if (lpy_ufunc_exec(lor, in, eq, NULL, &e) != 0) lb_core_error(L, "array_equal", &e);
  }
  for (i = 0; i < eq->size; i++)
    if (!eq->data[i]) { lua_pushboolean(L, 0); return 1; }
  lua_pushboolean(L, 1);
  return 1;
}

static int array_equal(lua_State *L) {
  int opts = lb_opts(L, 3), en = 0;
  if (opts) {
    lb_optfield(L, opts, "equal_nan");
    en = lua_toboolean(L, -1);
  } else {
    en = lua_toboolean(L, 3);
  }
  return array_equal_impl(L, en);
}

static int array_eq_meta(lua_State *L) {
  return array_equal_impl(L, 0);
}

/* np.result_type(...): arrays, dtypes and Lua scalars (weak) */
static int l_result_type(lua_State *L) {
  int n = lua_gettop(L), i;
  lpy_operand *ops;
  if (n == 0) return lb_error(L, "result_type", "at least one array or dtype is required");
  ops = lua_newuserdata(L, (size_t)n * sizeof *ops);
  for (i = 0; i < n; i++) {
    int t = -1;
    if (lua_type(L, i + 1) == LUA_TSTRING ||
        (lua_type(L, i + 1) == LUA_TTABLE && lua_getmetatable(L, i + 1) &&
         (lua_pop(L, 1), 1)))
      t = lb_optdtype(L, i + 1, -1, "result_type");
    if (t >= 0) {
      /* a dtype stands for an array of that dtype */
      lpy_array *z = lb_push_new(L, (lpy_dtype)t, 0, NULL, 1, "result_type");
      lua_replace(L, i + 1);
      memset(&ops[i], 0, sizeof ops[i]);
      ops[i].arr = z;
    } else if (lb_operand(L, i + 1, &ops[i], "result_type")) {
      lua_replace(L, i + 1);
    }
  }
  lb_push_dtype(L, lpy_result_type(n, ops));
  return 1;
}

static int l_promote_types(lua_State *L) {
  int a = lb_optdtype(L, 1, -1, "promote_types"), b = lb_optdtype(L, 2, -1, "promote_types");
  if (a < 0 || b < 0) return lb_error(L, "promote_types", "expected two dtypes");
  lb_push_dtype(L, lpy_promote((lpy_dtype)a, (lpy_dtype)b));
  return 1;
}

/* np.can_cast(from, to [, casting]) for dtypes */
static int l_can_cast(lua_State *L) {
  lpy_array *arr = lb_test(L, 1);
  int a = arr ? (int)arr->dtype : lb_optdtype(L, 1, -1, "can_cast");
  int b = lb_optdtype(L, 2, -1, "can_cast");
  if (a < 0 || b < 0) return lb_error(L, "can_cast", "expected two dtypes");
  lua_pushboolean(L, lpy_can_cast(a, b, lua_isnoneornil(L, 3) ? LPY_CAST_SAFE
                                        : lb_checkcasting(L, 3, "can_cast")));
  return 1;
}

void lb_open_ufunc(lua_State *L, int modidx, int mtidx) {
  int i;
  lua_getfield(L, mtidx, "methods");
  for (i = 0; funcs[i].name; i++) {
    push_ufunc(L, funcs[i].core, funcs[i].name, ufunc_fn);
    lua_pushvalue(L, -1);
    lua_setfield(L, modidx, funcs[i].name);
    if (funcs[i].method) lua_setfield(L, -2, funcs[i].method);
    else lua_pop(L, 1);
  }
  lua_pop(L, 1);
  luaL_getmetatable(L, LB_COMPLEX_MT);
  for (i = 0; metas[i].meta; i++) {
    push_ufunc(L, metas[i].core, metas[i].name, ufunc_meta);
    lua_pushvalue(L, -1);
    lua_setfield(L, mtidx, metas[i].meta);
    lua_setfield(L, -2, metas[i].meta);
  }
  lua_pop(L, 1);
  lua_pushcfunction(L, array_eq_meta);
  lua_setfield(L, mtidx, "__eq");
  lua_pushcfunction(L, array_equal);
  lua_setfield(L, modidx, "array_equal");
  lua_pushcfunction(L, l_result_type);
  lua_setfield(L, modidx, "result_type");
  lua_pushcfunction(L, l_modf);
  lua_setfield(L, modidx, "modf");
  lua_pushcfunction(L, l_frexp);
  lua_setfield(L, modidx, "frexp");
  lua_pushcfunction(L, l_divmod);
  lua_setfield(L, modidx, "divmod");
  lua_pushcfunction(L, l_promote_types);
  lua_setfield(L, modidx, "promote_types");
  lua_pushcfunction(L, l_can_cast);
  lua_setfield(L, modidx, "can_cast");
}
