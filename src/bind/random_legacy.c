/*
** random_legacy.c - np.random.RandomState: NumPy's legacy generator over
** MT19937 with RandomState's seeding, the legacy streams of random_sample,
** rand, randn / standard_normal (the polar method with the cached second
** value), normal, uniform and randint (masked rejection), get_state and
** set_state. choice, shuffle and permutation are in lumpy/random.lua.
*/
#include <math.h>
#include <string.h>
#include "lbitgen.h"

typedef struct lb_rs {
  lpy_bitgen *bg;
  lb_bg *g;
  int has_gauss;
  double gauss;
} lb_rs;

static lb_rs *check_rs(lua_State *L, int idx, const char *fn) {
  lb_rs *r = luaL_testudata(L, idx, LB_RANDSTATE_MT);
  if (!r) lb_error(L, fn, "expected a RandomState, got %s", luaL_typename(L, idx));
  return r;
}

lpy_bitgen *lb_rng_checkany(lua_State *L, int idx, const char *fn) {
  lb_rs *r = luaL_testudata(L, idx, LB_RANDSTATE_MT);
  return r ? r->bg : lb_rng_checkgen(L, idx, fn);
}

/* ------------------------------------------------------------ kernels */
static double legacy_double(lpy_bitgen *bg) { return lpy_rng_double(bg); }

static double legacy_gauss(lpy_bitgen *bg, lb_rs *r) {
  double f, x1, x2, r2;
  if (r->has_gauss) {
    double t = r->gauss;
    r->has_gauss = 0;
    r->gauss = 0.0;
    return t;
  }
  do {
    x1 = 2.0 * legacy_double(bg) - 1.0;
    x2 = 2.0 * legacy_double(bg) - 1.0;
    r2 = x1 * x1 + x2 * x2;
  } while (r2 >= 1.0 || r2 == 0.0);
  f = sqrt(-2.0 * log(r2) / r2);
  r->gauss = f * x1;
  r->has_gauss = 1;
  return f * x2;
}

static void k_sample(lpy_bitgen *bg, const lpy_rng_arg *p, void *ctx, char *out) {
  (void)p; (void)ctx;
  *(double *)(void *)out = legacy_double(bg);
}
static void k_gauss(lpy_bitgen *bg, const lpy_rng_arg *p, void *ctx, char *out) {
  (void)p;
  *(double *)(void *)out = legacy_gauss(bg, ctx);
}
static void k_normal(lpy_bitgen *bg, const lpy_rng_arg *p, void *ctx, char *out) {
  *(double *)(void *)out = p[0].d + p[1].d * legacy_gauss(bg, ctx);
}
static void k_uniform(lpy_bitgen *bg, const lpy_rng_arg *p, void *ctx, char *out) {
  (void)ctx;
  *(double *)(void *)out = p[0].d + p[1].d * legacy_double(bg);
}

static const lpy_rng_spec sp_sample = {
  "random_sample", 0, {NULL}, {0}, 0, LPY_FLOAT64, k_sample};
static const lpy_rng_spec sp_gauss = {
  "standard_normal", 0, {NULL}, {0}, 0, LPY_FLOAT64, k_gauss};
static const lpy_rng_spec sp_normal = {
  "normal", 2, {"loc", "scale"}, {LPY_RNG_ANY, LPY_RNG_NON_NEGATIVE}, 0,
  LPY_FLOAT64, k_normal};
static const lpy_rng_spec sp_uniform = {
  "uniform", 2, {"low", "high - low"}, {LPY_RNG_ANY, LPY_RNG_ANY}, 0,
  LPY_FLOAT64, k_uniform};
static const lpy_rng_arg normal_defaults[2] = {{0.0}, {1.0}};

/* ------------------------------------------------------------ methods */
static int rs_random_sample(lua_State *L) {
  lb_rs *r = check_rs(L, 1, "random.RandomState.random_sample");
  return lb_rng_draw_with(L, r->bg, "RandomState", &sp_sample, NULL, NULL, 0, NULL, NULL);
}

static int rs_standard_normal(lua_State *L) {
  lb_rs *r = check_rs(L, 1, "random.RandomState.standard_normal");
  return lb_rng_draw_with(L, r->bg, "RandomState", &sp_gauss, NULL, NULL, 0, r, NULL);
}

static int rs_normal(lua_State *L) {
  lb_rs *r = check_rs(L, 1, "random.RandomState.normal");
  return lb_rng_draw_with(L, r->bg, "RandomState", &sp_normal, NULL, normal_defaults, 0, r, NULL);
}

/* internal legacy_uniform(rs, low, high - low, size) */
static int p_uniform(lua_State *L) {
  lb_rs *r = check_rs(L, 1, "random.RandomState.uniform");
  lua_settop(L, 4);
  return lb_rng_draw_with(L, r->bg, "RandomState", &sp_uniform, NULL, NULL, 2, NULL, NULL);
}

/* rand(d0, d1, ...) and randn(d0, d1, ...): the dimensions as arguments */
static int dims_call(lua_State *L, const lpy_rng_spec *sp, const char *fn) {
  lb_rs *r = check_rs(L, 1, fn);
  int n = lua_gettop(L) - 1, i;
  if (n > LPY_MAXDIMS) lb_error(L, fn, "too many dimensions");
  if (n > 0) {
    lua_createtable(L, n, 0);
    for (i = 1; i <= n; i++) {
      if (!lua_isinteger(L, i + 1))
        lb_error(L, fn, "the dimensions must be integers, got %s", luaL_typename(L, i + 1));
      lua_pushvalue(L, i + 1);
      lua_rawseti(L, -2, i);
    }
    lua_replace(L, 2);
    lua_settop(L, 2);
  }
  return lb_rng_draw_with(L, r->bg, "RandomState", sp, NULL, NULL, 0, r, NULL);
}
static int rs_rand(lua_State *L) {
  return dims_call(L, &sp_sample, "random.RandomState.rand");
}
static int rs_randn(lua_State *L) {
  return dims_call(L, &sp_gauss, "random.RandomState.randn");
}

/* randint(low, high, size, dtype="int64"): masked rejection, [low, high) */
static int rs_randint(lua_State *L) {
  static const char *const fn = "random.RandomState.randint";
  static const char *const names[] = {"low", "high", "size", "dtype", NULL};
  lb_rs *r = check_rs(L, 1, fn);
  int top = lua_gettop(L), opts = top >= 2 ? lb_opts(L, 2) : 0;
  int npos = (opts ? opts - 1 : top) - 1, k, base;
  if (npos > 4) lb_error(L, fn, "takes at most 4 positional arguments (%d given)", npos);
  lb_checkopts(L, opts, fn, names);
  base = lua_gettop(L) + 1;
  for (k = 0; k < 4; k++) {
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
  if (lua_isnil(L, base)) lb_error(L, fn, "missing required argument 'low'");
  return lb_rng_integers(L, r->bg, base, base + 1, base + 2,
                         lb_optdtype(L, base + 3, LPY_INT64, fn), 0, 1, fn);
}

/* seed(seed): RandomState's seeding; the cached gaussian dropped */
static int rs_seed(lua_State *L) {
  lb_rs *r = check_rs(L, 1, "random.RandomState.seed");
  lua_settop(L, 2);
  lb_mt19937_legacy_seed(L, r->g, 2, "random.RandomState.seed");
  r->has_gauss = 0;
  r->gauss = 0.0;
  return 0;
}

/* get_state(legacy=true): {"MT19937", key, pos, has_gauss, cached_gaussian}
   (NumPy's tuple as a sequence); legacy=false: NumPy's dict as a table */
static int rs_get_state(lua_State *L) {
  lb_rs *r = check_rs(L, 1, "random.RandomState.get_state");
  int legacy = 1;
  if (lua_istable(L, 2)) {
    lua_getfield(L, 2, "legacy");
    if (!lua_isnil(L, -1)) legacy = lua_toboolean(L, -1);
    lua_pop(L, 1);
  } else if (!lua_isnoneornil(L, 2)) {
    legacy = lua_toboolean(L, 2);
  }
  if (legacy) {
    lua_createtable(L, 5, 0);
    lua_pushstring(L, "MT19937");
    lua_rawseti(L, -2, 1);
    lb_bg_pushwords(L, r->g->u.mt.key, 624, 4);
    lua_rawseti(L, -2, 2);
    lua_pushinteger(L, r->g->u.mt.pos);
    lua_rawseti(L, -2, 3);
    lua_pushinteger(L, r->has_gauss);
    lua_rawseti(L, -2, 4);
    lua_pushnumber(L, r->gauss);
    lua_rawseti(L, -2, 5);
  } else {
    lc_getiuservalue(L, 1, 1);
    lua_getfield(L, -1, "state");
    lua_pushinteger(L, r->has_gauss);
    lua_setfield(L, -2, "has_gauss");
    lua_pushnumber(L, r->gauss);
    lua_setfield(L, -2, "gauss");
  }
  return 1;
}

/* set_state(state): the sequence or the table form */
static int rs_set_state(lua_State *L) {
  static const char *const fn = "random.RandomState.set_state";
  lb_rs *r = check_rs(L, 1, fn);
  lpy_mt19937 s;
  int has_gauss = 0;
  double gauss = 0.0;
  lua_settop(L, 2);
  if (lua_type(L, 2) != LUA_TTABLE) lb_error(L, fn, "state must be a dict or a tuple.");
  if (lua_rawlen(L, 2) > 0) {
    int n = (int)lua_rawlen(L, 2);
    const char *name;
    lua_rawgeti(L, 2, 1);
    name = lua_tostring(L, -1);
    if (!name || strcmp(name, "MT19937")) lb_error(L, fn, "set_state can only be used with legacy MT19937 state instances.");
    if (n != 3 && n != 5) lb_error(L, fn, "state is not a legacy MT19937 state");
    lua_createtable(L, 0, 2);                         /* 4: {key=, pos=} */
    lua_rawgeti(L, 2, 2);
    lua_setfield(L, 4, "key");
    lua_rawgeti(L, 2, 3);
    lua_setfield(L, 4, "pos");
    lb_bg_getwords(L, 4, "key", s.key, 624, 4, fn);
    lua_getfield(L, 4, "pos");
    if (!lua_isinteger(L, -1) || lua_tointeger(L, -1) < 0 || lua_tointeger(L, -1) > 624)
      lb_error(L, fn, "state: pos must be an integer in 0..624");
    s.pos = (int)lua_tointeger(L, -1);
    if (n == 5) {
      lua_rawgeti(L, 2, 4);
      has_gauss = lua_toboolean(L, -1) && !(lua_isinteger(L, -1) && lua_tointeger(L, -1) == 0);
      lua_rawgeti(L, 2, 5);
      gauss = lua_tonumber(L, -1);
    }
  } else {
    int st;
    const char *name;
    lua_getfield(L, 2, "bit_generator");
    name = lua_tostring(L, -1);
    if (!name || strcmp(name, "MT19937")) lb_error(L, fn, "set_state can only be used with legacy MT19937 state instances.");
    st = lb_bg_gettable(L, 2, "state", fn);
    lb_bg_getwords(L, st, "key", s.key, 624, 4, fn);
    lua_getfield(L, st, "pos");
    if (!lua_isinteger(L, -1) || lua_tointeger(L, -1) < 0 || lua_tointeger(L, -1) > 624)
      lb_error(L, fn, "state: pos must be an integer in 0..624");
    s.pos = (int)lua_tointeger(L, -1);
    lua_getfield(L, 2, "has_gauss");
    has_gauss = lua_toboolean(L, -1) && !(lua_isinteger(L, -1) && lua_tointeger(L, -1) == 0);
    lua_getfield(L, 2, "gauss");
    gauss = lua_tonumber(L, -1);
  }
  r->g->u.mt = s;
  r->has_gauss = has_gauss;
  r->gauss = gauss;
  return 0;
}

static int rs_index(lua_State *L) {
  const char *k = lua_tostring(L, 2);
  check_rs(L, 1, "random.RandomState");
  if (k && !strcmp(k, "_bit_generator")) {
    lc_getiuservalue(L, 1, 1);
    return 1;
  }
  lua_pushvalue(L, 2);
  lua_rawget(L, lua_upvalueindex(1));
  return 1;
}

static int rs_tostring(lua_State *L) {
  check_rs(L, 1, "random.RandomState");
  lua_pushliteral(L, "RandomState(MT19937)");
  return 1;
}

/* np.random.RandomState(seed) */
static int rs_new(lua_State *L) {
  static const char *const fn = "random.RandomState";
  lb_rs *r;
  lb_bg *g;
  lua_settop(L, 1);
  lb_rng_newbitgen(L, "MT19937", 0, fn);               /* 2 */
  g = lb_bg_test(L, 2);
  lb_mt19937_legacy_seed(L, g, 1, fn);
  lua_pushnil(L);
  lc_setiuservalue(L, 2, 1);                          /* no seed sequence */
  r = lc_newuserdatauv(L, sizeof *r, 1);
  r->g = g;
  r->bg = &g->bg;
  r->has_gauss = 0;
  r->gauss = 0.0;
  luaL_setmetatable(L, LB_RANDSTATE_MT);
  lua_pushvalue(L, 2);
  lc_setiuservalue(L, -2, 1);
  return 1;
}

void lb_open_legacy(lua_State *L, int randidx, int internalidx) {
  static const luaL_Reg meths[] = {
    {"random_sample", rs_random_sample}, {"random", rs_random_sample},
    {"rand", rs_rand}, {"randn", rs_randn}, {"standard_normal", rs_standard_normal},
    {"normal", rs_normal}, {"randint", rs_randint}, {"seed", rs_seed},
    {"get_state", rs_get_state}, {"set_state", rs_set_state}, {NULL, NULL}};
  lua_newtable(L);                                     /* the methods */
  luaL_setfuncs(L, meths, 0);
  luaL_newmetatable(L, LB_RANDSTATE_MT);
  lua_pushvalue(L, -2);
  lua_pushcclosure(L, rs_index, 1);
  lua_setfield(L, -2, "__index");
  lua_pushcfunction(L, rs_tostring);
  lua_setfield(L, -2, "__tostring");
  lua_pop(L, 1);
  lua_setfield(L, internalidx, "randomstate_methods");
  lua_pushcfunction(L, rs_new);
  lua_setfield(L, randidx, "RandomState");
  lua_pushcfunction(L, p_uniform);
  lua_setfield(L, internalidx, "legacy_uniform");
}
