/*
** random.c - Lua binding of np.random: the module, the Generator type
** (default_rng, Generator(bitgen), its random and spawn methods) and the
** registration of the other parts: SeedSequence (random_seed.c), the bit
** generators (random_bitgen.c), the Generator's integer and sampling
** methods, the legacy functions. The distributions' methods are registered
** by random_cont.c and random_disc.c.
*/
#include <string.h>
#include "lbind.h"
#include "lrandom.h"
#include "../core/rng_bg.h"

typedef struct lb_gen { lpy_bitgen *bg; } lb_gen;

lpy_bitgen *lb_rng_checkgen(lua_State *L, int idx, const char *fn) {
  lb_gen *g = luaL_testudata(L, idx, LB_GENERATOR_MT);
  if (!g) lb_error(L, fn, "expected a Generator, got %s", luaL_typename(L, idx));
  return g->bg;
}

/* push a Generator over the bit generator at idx */
static void push_gen(lua_State *L, int idx) {
  lpy_bitgen *bg = lb_rng_testbitgen(L, idx);
  lb_gen *g;
  idx = lua_absindex(L, idx);
  g = lua_newuserdatauv(L, sizeof *g, 1);
  g->bg = bg;
  luaL_setmetatable(L, LB_GENERATOR_MT);
  lua_pushvalue(L, idx);
  lua_setiuservalue(L, -2, 1);
}

/* np.random.Generator(bit_generator) */
static int gen_new(lua_State *L) {
  if (!lb_rng_testbitgen(L, 1))
    lb_error(L, "random.Generator", "expected a bit generator (np.random.PCG64(...)), got %s",
             luaL_typename(L, 1));
  push_gen(L, 1);
  return 1;
}

/* np.random.default_rng(seed): a Generator over PCG64(seed); a Generator
   is returned as is, a bit generator wrapped */
static int default_rng(lua_State *L) {
  static const char *const fn = "random.default_rng";
  lua_settop(L, 1);
  if (luaL_testudata(L, 1, LB_GENERATOR_MT)) return 1;
  if (!lb_rng_testbitgen(L, 1)) lb_rng_newbitgen(L, "PCG64", lua_isnil(L, 1) ? 0 : 1, fn);
  push_gen(L, -1);
  return 1;
}

/* ------------------------------------------------------------ random */
static void k_random(lpy_bitgen *bg, const lpy_rng_arg *p, void *ctx, char *out) {
  (void)p; (void)ctx;
  *(double *)(void *)out = lpy_rng_double(bg);
}
static void k_random32(lpy_bitgen *bg, const lpy_rng_arg *p, void *ctx, char *out) {
  (void)p; (void)ctx;
  *(float *)(void *)out = lpy_rng_float(bg);
}

/* PCG64 writing doubles straight into a contiguous float64 output */
static int fast_random(lpy_bitgen *bg, lpy_array *out) {
  if (bg->next_uint64 != lpy_pcg64_next64 || out->dtype != LPY_FLOAT64) return 0;
  lpy_pcg64_fill_double(bg->state, (double *)(void *)out->data, out->size);
  return 1;
}

static const lpy_rng_spec sp_random = {
  "random", 0, {NULL}, {0}, 0, LPY_FLOAT64, k_random};
static const lpy_rng_spec sp_random32 = {
  "random", 0, {NULL}, {0}, 0, LPY_FLOAT32, k_random32};

static int gen_random(lua_State *L) {
  return lb_rng_draw_fast(L, &sp_random, &sp_random32, NULL, 0, NULL, fast_random);
}

/* ------------------------------------------------------------ uniform */
/* internal uniform(rng, low, high - low, size): lumpy/random.lua computes
   the range and NumPy's overflow checks */
static void k_uniform(lpy_bitgen *bg, const lpy_rng_arg *p, void *ctx, char *out) {
  (void)ctx;
  *(double *)(void *)out = p[0].d + p[1].d * lpy_rng_double(bg);
}

static const lpy_rng_spec sp_uniform = {
  "uniform", 2, {"low", "high - low"}, {LPY_RNG_ANY, LPY_RNG_NON_NEGATIVE}, 0,
  LPY_FLOAT64, k_uniform};

static int p_uniform(lua_State *L) {
  lua_settop(L, 4);
  return lb_rng_draw(L, &sp_uniform, NULL, NULL, 2, NULL);
}

/* spawn(n): n Generators over bit_generator:spawn(n) */
static int gen_spawn(lua_State *L) {
  lua_Integer i, n;
  lb_rng_checkgen(L, 1, "random.Generator.spawn");
  lua_settop(L, 2);
  lua_getiuservalue(L, 1, 1);
  lua_getfield(L, 3, "spawn");
  lua_pushvalue(L, 3);
  lua_pushvalue(L, 2);
  lua_call(L, 2, 1);                                   /* 4 */
  n = (lua_Integer)lua_rawlen(L, 4);
  for (i = 1; i <= n; i++) {
    lua_rawgeti(L, 4, i);
    push_gen(L, -1);
    lua_rawseti(L, 4, i);
    lua_pop(L, 1);
  }
  return 1;
}

static int gen_index(lua_State *L) {
  const char *k = lua_tostring(L, 2);
  lb_rng_checkgen(L, 1, "random.Generator");
  if (k && !strcmp(k, "bit_generator")) {
    lua_getiuservalue(L, 1, 1);
    return 1;
  }
  lua_pushvalue(L, 2);
  lua_rawget(L, lua_upvalueindex(1));
  return 1;
}

static int gen_tostring(lua_State *L) {
  lb_rng_checkgen(L, 1, "random.Generator");
  lua_getiuservalue(L, 1, 1);
  lua_pushfstring(L, "Generator(%s)", luaL_tolstring(L, -1, NULL));
  return 1;
}

void lb_open_random(lua_State *L, int modidx, int mtidx) {
  static const luaL_Reg gmeths[] = {
    {"random", gen_random}, {"spawn", gen_spawn}, {NULL, NULL}};
  static const luaL_Reg internal[] = {{"uniform", p_uniform}, {NULL, NULL}};
  int rnd, meths;
  (void)mtidx;
  lb_push_submodule(L, modidx, "random");
  rnd = lua_gettop(L);
  lua_newtable(L);                      /* the Generator's methods */
  meths = lua_gettop(L);
  luaL_setfuncs(L, gmeths, 0);
  luaL_newmetatable(L, LB_GENERATOR_MT);
  lua_pushvalue(L, meths);
  lua_pushcclosure(L, gen_index, 1);
  lua_setfield(L, -2, "__index");
  lua_pushcfunction(L, gen_tostring);
  lua_setfield(L, -2, "__tostring");
  lua_pop(L, 1);
  lua_pushcfunction(L, gen_new);
  lua_setfield(L, rnd, "Generator");
  lua_pushcfunction(L, default_rng);
  lua_setfield(L, rnd, "default_rng");
  lb_open_seedseq(L, rnd);
  lb_open_bitgen(L, rnd);
  lb_rng_open_cont(L, meths);
  lb_rng_open_disc(L, meths);
  /* internal.random.generator_methods: for lumpy/random.lua */
  lb_register_internal(L, modidx, "random", internal);
  lua_getfield(L, modidx, "_internal");
  lua_getfield(L, -1, "random");
  lua_pushvalue(L, meths);
  lua_setfield(L, -2, "generator_methods");
  lua_settop(L, rnd - 1);
}
