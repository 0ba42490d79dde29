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
  g = lc_newuserdatauv(L, sizeof *g, 1);
  g->bg = bg;
  luaL_setmetatable(L, LB_GENERATOR_MT);
  lua_pushvalue(L, idx);
  lc_setiuservalue(L, -2, 1);
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
   is returned as is, a bit generator wrapped, a RandomState's MT19937
   shared */
static int default_rng(lua_State *L) {
  static const char *const fn = "random.default_rng";
  lua_settop(L, 1);
  if (luaL_testudata(L, 1, LB_GENERATOR_MT)) return 1;
  if (luaL_testudata(L, 1, LB_RANDSTATE_MT)) lc_getiuservalue(L, 1, 1);   /* its MT19937 */
  else if (!lb_rng_testbitgen(L, 1)) lb_rng_newbitgen(L, "PCG64", lua_isnil(L, 1) ? 0 : 1, fn);
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
  if (bg->next_uint64 != lpy_pcg64_next64) return 0;
  if (out->dtype == LPY_FLOAT64)
    lpy_pcg64_fill_double(bg->state, (double *)(void *)out->data, out->size);
  else
    lpy_pcg64_fill_float(bg->state, (float *)(void *)out->data, out->size);
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

/* ------------------------------------------------------------ shuffles */
/* internal shuffle(rng, a, axis0, mode): NumPy's shuffle along axis
   (0-based); mode "lanes": every lane along axis on its own (permuted);
   mode "flat": a contiguous array in memory order (returns false when a
   is not contiguous) */
static int p_shuffle(lua_State *L) {
  static const char *const fn = "random.Generator.shuffle";
  lpy_bitgen *bg = lb_rng_checkany(L, 1, fn);
  lpy_array *a = lb_check(L, 2, fn);
  lua_Integer ax = luaL_optinteger(L, 3, 0);
  const char *mode = luaL_optstring(L, 4, "");
  if (!(a->flags & LPY_WRITEABLE)) lb_error(L, fn, "array is read-only");
  if (!strcmp(mode, "flat")) {
    lpy_array_space f;
    int64_t n = a->size, st = lpy_itemsize(a->dtype);
    if (!(a->flags & (LPY_C_CONTIGUOUS | LPY_F_CONTIGUOUS))) {
      lua_pushboolean(L, 0);
      return 1;
    }
    lpy_array_init(&f.a, a->dtype, 1, &n, &st, a->data, NULL);
    if (n > 0) lpy_rng_shuffle_axis(bg, &f.a, 0, 1);
    lua_pushboolean(L, 1);
    return 1;
  }
  if (ax < 0 || ax >= a->ndim) lb_error(L, fn, "internal: bad axis");
  if (a->size == 0) return 0;
  if (!strcmp(mode, "lanes")) lpy_rng_shuffle_lanes(bg, a, (int)ax);
  else lpy_rng_shuffle_axis(bg, a, (int)ax, 1);
  return 0;
}

/* internal interval(rng, max): random_interval */
static int p_interval(lua_State *L) {
  lpy_bitgen *bg = lb_rng_checkany(L, 1, "random.Generator.shuffle");
  lua_Integer m = luaL_checkinteger(L, 2);
  lua_pushinteger(L, (lua_Integer)lpy_rng_interval(bg, (uint64_t)(m < 0 ? 0 : m)));
  return 1;
}

/* internal sample(rng, pop, size, shuffle): size distinct of 0..pop-1 */
static int p_sample(lua_State *L) {
  static const char *const fn = "random.Generator.choice";
  lpy_bitgen *bg = lb_rng_checkgen(L, 1, fn);
  lua_Integer pop = luaL_checkinteger(L, 2), n = luaL_checkinteger(L, 3);
  int64_t shape[1];
  lpy_array *a;
  lpy_err e;
  if (pop < 0 || n < 0 || n > pop) lb_error(L, fn, "internal: bad sample");
  shape[0] = n;
  a = lb_push_new(L, LPY_INT64, 1, shape, 0, fn);
  if (n > 0 && lpy_rng_sample_noreplace(bg, pop, n, lua_toboolean(L, 4),
                                        (int64_t *)(void *)a->data, &e))
    lb_core_error(L, fn, &e);
  return 1;
}

/* bytes(length) */
static int gen_bytes(lua_State *L) {
  static const char *const fn = "random.Generator.bytes";
  lpy_bitgen *bg = lb_rng_checkgen(L, 1, fn);
  lua_Integer n = lb_checkinteger(L, 2, fn), i, nw;
  luaL_Buffer b;
  char *p;
  if (n < 0) lb_error(L, fn, "negative dimensions are not allowed");
  if (n > ((lua_Integer)1 << 40)) lb_error(L, fn, "length too large");
  /* NumPy: integers(0, 2^32, (n - 1) // 4 + 1, uint32), little-endian */
  nw = n == 0 ? 0 : (n - 1) / 4 + 1;
  p = luaL_buffinitsize(L, &b, (size_t)nw * 4);
  for (i = 0; i < nw; i++) {
    uint32_t w = lpy_rng_u32(bg);
    p[4 * i] = (char)w;
    p[4 * i + 1] = (char)(w >> 8);
    p[4 * i + 2] = (char)(w >> 16);
    p[4 * i + 3] = (char)(w >> 24);
  }
  luaL_pushresultsize(&b, (size_t)n);
  return 1;
}

/* spawn(n): n Generators over bit_generator:spawn(n) */
static int gen_spawn(lua_State *L) {
  lua_Integer i, n;
  lb_rng_checkgen(L, 1, "random.Generator.spawn");
  lua_settop(L, 2);
  lc_getiuservalue(L, 1, 1);
  lua_getfield(L, 3, "spawn");
  if (!lua_isfunction(L, -1)) lb_error(L, "random.Generator.spawn", "internal: no spawn");
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
    lc_getiuservalue(L, 1, 1);
    return 1;
  }
  lua_pushvalue(L, 2);
  lua_rawget(L, lua_upvalueindex(1));
  return 1;
}

static int gen_tostring(lua_State *L) {
  lb_rng_checkgen(L, 1, "random.Generator");
  lc_getiuservalue(L, 1, 1);
  lua_pushfstring(L, "Generator(%s)", luaL_tolstring(L, -1, NULL));
  return 1;
}

void lb_open_random(lua_State *L, int modidx, int mtidx) {
  static const luaL_Reg gmeths[] = {
    {"random", gen_random}, {"spawn", gen_spawn}, {"bytes", gen_bytes},
    {NULL, NULL}};
  static const luaL_Reg internal[] = {
    {"uniform", p_uniform}, {"shuffle", p_shuffle}, {"interval", p_interval},
    {"sample", p_sample}, {NULL, NULL}};
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
  lb_rng_open_int(L, meths);
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
  lb_open_legacy(L, rnd, lua_gettop(L));
  lua_settop(L, rnd - 1);
}
