/*
** random_bitgen.c - np.random's bit generator objects (PCG64, PCG64DXSM,
** Philox, SFC64, MT19937): construction from a seed through SeedSequence,
** .state as a table mirroring NumPy's dict (integers of 64 bits and more
** as lb_rng_pushuint gives them), .seed_seq, random_raw, spawn, advance
** and jumped. The algorithms are in src/core/rng_*.c.
*/
#include <string.h>
#include "lrandom.h"
#include "lbitgen.h"

/* ------------------------------------------------------------ helpers */
/* words = seed_seq.generate_state(n, uint64) */
void lb_bg_seedwords(const lb_seedseq *ss, uint64_t *out, int n) {
  uint32_t w[2 * LB_BG_MAXSEED];
  int i;
  lpy_seedseq_generate(ss->pool, ss->pool_size, w, (size_t)n * 2);
  for (i = 0; i < n; i++) out[i] = (uint64_t)w[2 * i] | (uint64_t)w[2 * i + 1] << 32;
}

void lb_bg_pushu64(lua_State *L, uint64_t v) {
  uint32_t w[2];
  w[0] = (uint32_t)v;
  w[1] = (uint32_t)(v >> 32);
  lb_rng_pushuint(L, w, 2);
}

void lb_bg_pushu128(lua_State *L, uint64_t hi, uint64_t lo) {
  uint32_t w[4];
  w[0] = (uint32_t)lo;
  w[1] = (uint32_t)(lo >> 32);
  w[2] = (uint32_t)hi;
  w[3] = (uint32_t)(hi >> 32);
  lb_rng_pushuint(L, w, 4);
}

/* field k of the table at t as an unsigned integer of nw words */
void lb_bg_getuint(lua_State *L, int t, const char *k, uint32_t *w, size_t nw,
                   const char *fn) {
  lua_getfield(L, t, k);
  if (lua_isnil(L, -1)) lb_error(L, fn, "state: missing field '%s'", k);
  lb_rng_touint(L, -1, w, nw, k, fn);
  lua_pop(L, 1);
}

uint64_t lb_bg_getu64(lua_State *L, int t, const char *k, const char *fn) {
  uint32_t w[2];
  lb_bg_getuint(L, t, k, w, 2, fn);
  return (uint64_t)w[0] | (uint64_t)w[1] << 32;
}

/* the sub-table field k of the table at t, pushed */
int lb_bg_gettable(lua_State *L, int t, const char *k, const char *fn) {
  if (lua_getfield(L, t, k) != LUA_TTABLE)
    lb_error(L, fn, "state: field '%s' must be a table", k);
  return lua_gettop(L);
}

void lb_bg_pushwords(lua_State *L, const void *v, int n, int wide) {
  int64_t shape[1];
  lpy_array *a;
  shape[0] = n;
  a = lb_push_new(L, wide == 8 ? LPY_UINT64 : LPY_UINT32, 1, shape, 0, "random.BitGenerator");
  memcpy(a->data, v, (size_t)n * (size_t)wide);
}

void lb_bg_getwords(lua_State *L, int t, const char *k, void *v, int n,
                    int wide, const char *fn) {
  lpy_array *a;
  int i;
  lua_getfield(L, t, k);
  a = lb_test(L, -1);
  if (a) {
    if (a->size != n || !lpy_isint(a->dtype))
      lb_error(L, fn, "state: '%s' must hold %d integers", k, n);
    for (i = 0; i < n; i++) {
      const char *p = a->data + (a->ndim ? i * a->strides[0] : 0);
      uint64_t x = (uint64_t)lpy_get_int64(a->dtype, p);
      if (a->ndim != 1) lb_error(L, fn, "state: '%s' must be 1-d", k);
      if (wide == 8) ((uint64_t *)v)[i] = x;
      else ((uint32_t *)v)[i] = (uint32_t)x;
    }
  } else if (lua_type(L, -1) == LUA_TTABLE) {
    int top = lua_gettop(L);
    if ((int)lua_rawlen(L, top) != n)
      lb_error(L, fn, "state: '%s' must hold %d integers", k, n);
    for (i = 0; i < n; i++) {
      uint32_t w[2];
      lua_rawgeti(L, top, i + 1);
      lb_rng_touint(L, -1, w, (size_t)wide / 4, k, fn);
      if (wide == 8) ((uint64_t *)v)[i] = (uint64_t)w[0] | (uint64_t)w[1] << 32;
      else ((uint32_t *)v)[i] = w[0];
      lua_pop(L, 1);
    }
  } else {
    lb_error(L, fn, "state: field '%s' must be an array or a sequence", k);
  }
  lua_pop(L, 1);
}

/* ------------------------------------------------------------ PCG64 */
static void pcg_seed(lb_bg *g, const lb_seedseq *ss) {
  uint64_t w[4];
  lb_bg_seedwords(ss, w, 4);
  if (g->k->id == LB_BG_PCG64DXSM) lpy_pcg64dxsm_seed(&g->u.pcg, w);
  else lpy_pcg64_seed(&g->u.pcg, w);
}

static void pcg_bind(lb_bg *g) {
  lpy_pcg64_bind(&g->bg, &g->u.pcg, g->k->id == LB_BG_PCG64DXSM);
}

static void pcg_getstate(lua_State *L, lb_bg *g) {
  lpy_pcg64 *s = &g->u.pcg;
  lua_createtable(L, 0, 4);
  lua_createtable(L, 0, 2);
  lb_bg_pushu128(L, s->state_hi, s->state_lo);
  lua_setfield(L, -2, "state");
  lb_bg_pushu128(L, s->inc_hi, s->inc_lo);
  lua_setfield(L, -2, "inc");
  lua_setfield(L, -2, "state");
  lua_pushinteger(L, s->has_uint32);
  lua_setfield(L, -2, "has_uint32");
  lua_pushinteger(L, s->uinteger);
  lua_setfield(L, -2, "uinteger");
}

static void pcg_setstate(lua_State *L, int t, lb_bg *g, const char *fn) {
  lpy_pcg64 s;
  uint32_t w[4];
  int st = lb_bg_gettable(L, t, "state", fn);
  lb_bg_getuint(L, st, "state", w, 4, fn);
  s.state_lo = (uint64_t)w[0] | (uint64_t)w[1] << 32;
  s.state_hi = (uint64_t)w[2] | (uint64_t)w[3] << 32;
  lb_bg_getuint(L, st, "inc", w, 4, fn);
  s.inc_lo = (uint64_t)w[0] | (uint64_t)w[1] << 32;
  s.inc_hi = (uint64_t)w[2] | (uint64_t)w[3] << 32;
  s.has_uint32 = lb_bg_getu64(L, t, "has_uint32", fn) != 0;
  s.uinteger = (uint32_t)lb_bg_getu64(L, t, "uinteger", fn);
  g->u.pcg = s;
}

static void pcg_advance(lb_bg *g, const uint32_t d[8]) {
  lpy_pcg64_advance(&g->u.pcg, (uint64_t)d[2] | (uint64_t)d[3] << 32,
                    (uint64_t)d[0] | (uint64_t)d[1] << 32,
                    g->k->id == LB_BG_PCG64DXSM);
  g->u.pcg.has_uint32 = 0;
  g->u.pcg.uinteger = 0;
}

/* jumped: advance by jumps * (phi * 2^128), mod 2^128 */
static void pcg_jump(lb_bg *g, const uint32_t j[4]) {
  /* 0x9e3779b97f4a7c15f39cc0605cedc835, lowest word first */
  static const uint32_t step[4] = {0x5cedc835u, 0xf39cc060u, 0x7f4a7c15u, 0x9e3779b9u};
  uint32_t d[8] = {0, 0, 0, 0, 0, 0, 0, 0};
  int a, b;
  for (a = 0; a < 4; a++) {
    uint64_t carry = 0;
    for (b = 0; a + b < 4; b++) {
      uint64_t t = (uint64_t)step[a] * j[b] + d[a + b] + carry;
      d[a + b] = (uint32_t)t;
      carry = t >> 32;
    }
  }
  pcg_advance(g, d);
}

const lb_bgkind lb_bg_kinds[] = {
  {"PCG64", LB_BG_PCG64, pcg_seed, pcg_bind, pcg_getstate, pcg_setstate,
   pcg_advance, pcg_jump},
  {"PCG64DXSM", LB_BG_PCG64DXSM, pcg_seed, pcg_bind, pcg_getstate,
   pcg_setstate, pcg_advance, pcg_jump},
  {NULL, 0, NULL, NULL, NULL, NULL, NULL, NULL}
};

static const lb_bgkind *const kinds[] = {
  &lb_bg_kinds[0], &lb_bg_kinds[1], &lb_bg_philox, &lb_bg_sfc64, &lb_bg_mt19937, NULL};

/* ------------------------------------------------------------ the object */
static const lb_bgkind *findkind(const char *name) {
  int i;
  for (i = 0; kinds[i]; i++)
    if (!strcmp(kinds[i]->name, name)) return kinds[i];
  return NULL;
}

lb_bg *lb_bg_test(lua_State *L, int idx) {
  return luaL_testudata(L, idx, LB_BITGEN_MT);
}

static lb_bg *check_bg(lua_State *L, int idx, const char *fn) {
  lb_bg *g = lb_bg_test(L, idx);
  if (!g) lb_error(L, fn, "expected a bit generator, got %s", luaL_typename(L, idx));
  return g;
}

lpy_bitgen *lb_rng_testbitgen(lua_State *L, int idx) {
  lb_bg *g = lb_bg_test(L, idx);
  return g ? &g->bg : NULL;
}

/* a new bit generator of kind k, seeded from the SeedSequence at ssidx */
static lb_bg *push_bg(lua_State *L, const lb_bgkind *k, int ssidx) {
  lb_bg *g;
  ssidx = lua_absindex(L, ssidx);
  g = lc_newuserdatauv(L, sizeof(lb_bg), 1);
  memset(g, 0, sizeof *g);
  g->k = k;
  k->bind(g);
  k->seed(g, lb_rng_testseedseq(L, ssidx));
  luaL_setmetatable(L, LB_BITGEN_MT);
  lua_pushvalue(L, ssidx);
  lc_setiuservalue(L, -2, 1);
  return g;
}

void lb_rng_newbitgen(lua_State *L, const char *kind, int seedidx,
                      const char *fn) {
  const lb_bgkind *k = findkind(kind);
  if (!k) lb_error(L, fn, "internal: unknown bit generator %s", kind);
  if (seedidx) seedidx = lua_absindex(L, seedidx);
  lb_rng_toseedseq(L, seedidx, fn);
  push_bg(L, k, -1);
  lua_remove(L, -2);
}

/* np.random.<Kind>(seed): upvalue 1 is the kind's name; Philox(seed,
   counter, key) or Philox(seed, {counter=, key=}) */
static int bg_new(lua_State *L) {
  const char *kind = lua_tostring(L, lua_upvalueindex(1));
  char fn[48];
  int opts = lb_opts(L, 1), ph = !strcmp(kind, "Philox");
  snprintf(fn, sizeof fn, "random.%s", kind);
  if (lua_gettop(L) > (ph ? 3 : 1) + (opts != 0))
    lb_error(L, fn, "takes at most %d positional arguments", ph ? 3 : 1);
  if (opts) {
    static const char *const allowed[] = {"counter", "key", NULL};
    int k;
    lb_checkopts(L, opts, fn, ph ? allowed : allowed + 2);
    lua_settop(L, 4);
    lua_pushvalue(L, opts);                              /* 5 */
    lua_pushnil(L);
    lua_replace(L, opts);
    for (k = 0; k < 2; k++) {
      if (lb_optfield(L, 5, allowed[k]) != LUA_TNIL) {
        if (!lua_isnil(L, k + 2))
          lb_error(L, fn, "got multiple values for argument '%s'", allowed[k]);
        lua_replace(L, k + 2);
      } else {
        lua_pop(L, 1);
      }
    }
  }
  lua_settop(L, ph ? 3 : 1);
  lb_rng_newbitgen(L, kind, lua_isnil(L, 1) ? 0 : 1, fn);
  if (ph) lb_philox_init(L, lb_bg_test(L, -1), 1, 2, 3, fn);
  return 1;
}

static void push_state(lua_State *L, lb_bg *g) {
  g->k->getstate(L, g);
  lua_pushstring(L, g->k->name);
  lua_setfield(L, -2, "bit_generator");
}

static void set_state(lua_State *L, int idx, lb_bg *g, const char *fn) {
  const char *name;
  idx = lua_absindex(L, idx);
  if (lua_type(L, idx) != LUA_TTABLE) lb_error(L, fn, "state must be a dict");
  lua_getfield(L, idx, "bit_generator");
  name = lua_tostring(L, -1);
  if (!name || strcmp(name, g->k->name))
    lb_error(L, fn, "state must be for a %s RNG", g->k->name);
  lua_pop(L, 1);
  g->k->setstate(L, idx, g, fn);
}

/* random_raw(size, output): the generator's native words as uint64 */
static int bg_random_raw(lua_State *L) {
  static const char *const fn = "random.BitGenerator.random_raw";
  lb_bg *g = check_bg(L, 1, fn);
  int opts = lb_opts(L, 2), output = 1, nd;
  int64_t shape[LPY_MAXDIMS], i;
  lpy_array *a;
  lb_checkopts(L, opts, fn, (const char *const[]){"size", "output", NULL});
  if (opts) {
    if (lb_optfield(L, opts, "output") != LUA_TNIL) output = lua_toboolean(L, -1);
    lua_pop(L, 1);
    lb_optfield(L, opts, "size");
    lua_replace(L, 2);
    lua_settop(L, 2);
  } else if (lua_gettop(L) >= 3 && !lua_isnil(L, 3)) {
    output = lua_toboolean(L, 3);
  }
  if (lua_gettop(L) < 2) lua_settop(L, 2);
  nd = lb_rng_size(L, 2, shape, fn);
  if (!output) {
    int64_t n = 1;
    lpy_err e;
    if (nd >= 0 && (n = lpy_shape_size(nd, shape, &e)) < 0) lb_core_error(L, fn, &e);
    for (i = 0; i < n; i++) g->bg.next_raw(g->bg.state);
    return 0;
  }
  if (nd < 0) {
    uint64_t v = g->bg.next_raw(g->bg.state);
    lb_push_elem(L, LPY_UINT64, (const char *)&v);
    return 1;
  }
  a = lb_push_new(L, LPY_UINT64, nd, shape, 0, fn);
  for (i = 0; i < a->size; i++)
    ((uint64_t *)(void *)a->data)[i] = g->bg.next_raw(g->bg.state);
  return 1;
}

/* spawn(n): n bit generators of the same kind from seed_seq:spawn(n) */
static int bg_spawn(lua_State *L) {
  static const char *const fn = "random.BitGenerator.spawn";
  lb_bg *g = check_bg(L, 1, fn);
  lua_Integer n, i;
  lua_settop(L, 2);
  if (lc_getiuservalue(L, 1, 1) == LUA_TNIL)          /* 3: seed_seq */
    lb_error(L, fn, "The underlying SeedSequence does not implement spawning.");
  lua_getfield(L, 3, "spawn");
  lua_pushvalue(L, 3);
  lua_pushvalue(L, 2);
  lua_call(L, 2, 1);                                    /* 4: children */
  n = (lua_Integer)lua_rawlen(L, 4);
  for (i = 1; i <= n; i++) {
    lua_rawgeti(L, 4, i);
    push_bg(L, g->k, -1);
    lua_rawseti(L, 4, i);
    lua_pop(L, 1);
  }
  return 1;
}

/* advance(delta): delta wraps modulo 2^128 (Philox: 2^256) as in NumPy
   (negative Lua integers step backwards) */
static int bg_advance(lua_State *L) {
  static const char *const fn = "random.BitGenerator.advance";
  lb_bg *g = check_bg(L, 1, fn);
  uint32_t d[8];
  if (!g->k->advance) lb_error(L, fn, "%s has no advance", g->k->name);
  if (lua_isinteger(L, 2) && lua_tointeger(L, 2) < 0) {
    uint64_t v = (uint64_t)lua_tointeger(L, 2);
    int i;
    d[0] = (uint32_t)v;
    d[1] = (uint32_t)(v >> 32);
    for (i = 2; i < 8; i++) d[i] = 0xffffffffu;
  } else {
    lb_rng_touint(L, 2, d, 8, "delta", fn);
  }
  g->k->advance(g, d);
  lua_settop(L, 1);
  return 1;
}

/* jumped(jumps=1): a new bit generator (seeded from the OS as NumPy's)
   with this one's state jumped ahead */
static int bg_jumped(lua_State *L) {
  static const char *const fn = "random.BitGenerator.jumped";
  lb_bg *g = check_bg(L, 1, fn), *h;
  lua_Integer j = lb_optinteger(L, 2, 1, fn);
  uint32_t w[4];
  uint64_t u = (uint64_t)j, hi = j < 0 ? ~(uint64_t)0 : 0;
  if (!g->k->jump) lb_error(L, fn, "%s has no jumped", g->k->name);
  lua_settop(L, 1);
  lb_rng_toseedseq(L, 0, fn);
  h = push_bg(L, g->k, -1);
  memcpy(&h->u, &g->u, sizeof h->u);
  g->k->bind(h);
  w[0] = (uint32_t)u;
  w[1] = (uint32_t)(u >> 32);
  w[2] = (uint32_t)hi;
  w[3] = (uint32_t)(hi >> 32);
  h->k->jump(h, w);
  return 1;
}

static int bg_index(lua_State *L) {
  lb_bg *g = check_bg(L, 1, "random.BitGenerator");
  const char *k = lua_tostring(L, 2);
  if (!k) return 0;
  if (!strcmp(k, "state")) push_state(L, g);
  else if (!strcmp(k, "seed_seq") || !strcmp(k, "_seed_seq")) lc_getiuservalue(L, 1, 1);
  else if ((!strcmp(k, "advance") && !g->k->advance) ||
           (!strcmp(k, "jumped") && !g->k->jump)) lua_pushnil(L);
  else {
    lua_getmetatable(L, 1);
    lua_getfield(L, -1, "__methods");
    lua_getfield(L, -1, k);
  }
  return 1;
}

static int bg_newindex(lua_State *L) {
  lb_bg *g = check_bg(L, 1, "random.BitGenerator");
  const char *k = lua_tostring(L, 2);
  if (k && !strcmp(k, "state")) {
    char fn[48];
    snprintf(fn, sizeof fn, "random.%s.state", g->k->name);
    set_state(L, 3, g, fn);
    return 0;
  }
  return lb_error(L, "random.BitGenerator", "cannot set field '%s'", k ? k : "?");
}

static int bg_tostring(lua_State *L) {
  lb_bg *g = check_bg(L, 1, "random.BitGenerator");
  lua_pushfstring(L, "%s", g->k->name);
  return 1;
}

void lb_open_bitgen(lua_State *L, int randidx) {
  static const luaL_Reg meths[] = {
    {"random_raw", bg_random_raw}, {"spawn", bg_spawn},
    {"advance", bg_advance}, {"jumped", bg_jumped}, {NULL, NULL}};
  const lb_bgkind *k;
  luaL_newmetatable(L, LB_BITGEN_MT);
  lua_pushcfunction(L, bg_index);
  lua_setfield(L, -2, "__index");
  lua_pushcfunction(L, bg_newindex);
  lua_setfield(L, -2, "__newindex");
  lua_pushcfunction(L, bg_tostring);
  lua_setfield(L, -2, "__tostring");
  luaL_newlib(L, meths);
  lua_setfield(L, -2, "__methods");
  lua_pop(L, 1);
  int i;
  for (i = 0; (k = kinds[i]) != NULL; i++) {
    lua_pushstring(L, k->name);
    lua_pushcclosure(L, bg_new, 1);
    lua_setfield(L, randidx, k->name);
  }
}
