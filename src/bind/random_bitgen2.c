/*
** random_bitgen2.c - the Philox, SFC64 and MT19937 kinds of bit generator
** objects (see random_bitgen.c): seeding from a SeedSequence, the state
** tables (arrays of uint64 / uint32 words, as NumPy's), Philox's counter
** and key, advance and jumped; MT19937's legacy seeding (RandomState's).
*/
#include <string.h>
#include "lbitgen.h"

/* ------------------------------------------------------------ Philox */
static void ph_seed(lb_bg *g, const lb_seedseq *ss) {
  lb_bg_seedwords(ss, g->u.ph.key, 2);
  memset(g->u.ph.ctr, 0, sizeof g->u.ph.ctr);
  lpy_philox_reset(&g->u.ph);
}

static void ph_bind(lb_bg *g) { lpy_philox_bind(&g->bg, &g->u.ph); }

static void ph_getstate(lua_State *L, lb_bg *g) {
  lpy_philox *s = &g->u.ph;
  lua_createtable(L, 0, 5);
  lua_createtable(L, 0, 2);
  lb_bg_pushwords(L, s->ctr, 4, 8);
  lua_setfield(L, -2, "counter");
  lb_bg_pushwords(L, s->key, 2, 8);
  lua_setfield(L, -2, "key");
  lua_setfield(L, -2, "state");
  lb_bg_pushwords(L, s->buffer, 4, 8);
  lua_setfield(L, -2, "buffer");
  lua_pushinteger(L, s->buffer_pos);
  lua_setfield(L, -2, "buffer_pos");
  lua_pushinteger(L, s->has_uint32);
  lua_setfield(L, -2, "has_uint32");
  lua_pushinteger(L, s->uinteger);
  lua_setfield(L, -2, "uinteger");
}

static void ph_setstate(lua_State *L, int t, lb_bg *g, const char *fn) {
  lpy_philox s;
  int st = lb_bg_gettable(L, t, "state", fn);
  uint64_t pos;
  lb_bg_getwords(L, st, "counter", s.ctr, 4, 8, fn);
  lb_bg_getwords(L, st, "key", s.key, 2, 8, fn);
  lb_bg_getwords(L, t, "buffer", s.buffer, 4, 8, fn);
  pos = lb_bg_getu64(L, t, "buffer_pos", fn);
  if (pos > 4) lb_error(L, fn, "state: buffer_pos must be in 0..4");
  s.buffer_pos = (int)pos;
  s.has_uint32 = lb_bg_getu64(L, t, "has_uint32", fn) != 0;
  s.uinteger = (uint32_t)lb_bg_getu64(L, t, "uinteger", fn);
  g->u.ph = s;
}

/* advance: the counter moves by delta modulo 2^256 */
static void ph_advance(lb_bg *g, const uint32_t d[8]) {
  uint64_t step[4];
  int i;
  for (i = 0; i < 4; i++) step[i] = (uint64_t)d[2 * i] | (uint64_t)d[2 * i + 1] << 32;
  lpy_philox_advance(&g->u.ph, step);
}

/* jumped: jumps * 2^128 */
static void ph_jump(lb_bg *g, const uint32_t j[4]) {
  uint64_t step[4];
  step[0] = step[1] = 0;
  step[2] = (uint64_t)j[0] | (uint64_t)j[1] << 32;
  step[3] = (uint64_t)j[2] | (uint64_t)j[3] << 32;
  lpy_philox_advance(&g->u.ph, step);
}

const lb_bgkind lb_bg_philox = {
  "Philox", LB_BG_PHILOX, ph_seed, ph_bind, ph_getstate, ph_setstate,
  ph_advance, ph_jump};

/* n 64-bit words of a counter / key given as an integer, a decimal
   string, an array or a sequence (NumPy's int_to_array) */
static void wide_words(lua_State *L, int idx, uint64_t *w, int n,
                       const char *name, const char *fn) {
  int i;
  if (lua_isinteger(L, idx) || lua_type(L, idx) == LUA_TSTRING) {
    uint32_t x[8];
    if (lua_isinteger(L, idx) && lua_tointeger(L, idx) < 0)
      lb_error(L, fn, "%s must be positive and less than 2**%d.", name, 64 * n);
    lb_rng_touint(L, idx, x, (size_t)n * 2, name, fn);
    for (i = 0; i < n; i++) w[i] = (uint64_t)x[2 * i] | (uint64_t)x[2 * i + 1] << 32;
    return;
  }
  if (lua_type(L, idx) == LUA_TTABLE || lb_test(L, idx)) {
    int t;
    lua_createtable(L, 0, 1);
    lua_pushvalue(L, idx);
    lua_setfield(L, -2, name);
    t = lua_gettop(L);
    if ((lb_test(L, idx) ? lb_test(L, idx)->size : (int64_t)lua_rawlen(L, idx)) != n)
      lb_error(L, fn, "%s must have %d elements when using array form", name, n);
    lb_bg_getwords(L, t, name, w, n, 8, fn);
    lua_pop(L, 1);
    return;
  }
  lb_error(L, fn, "%s must be an integer or an array, got %s", name, luaL_typename(L, idx));
}

/* Philox(seed, counter, key): after seeding, the counter and key given
   (at cidx, kidx; 0 when absent) */
void lb_philox_init(lua_State *L, lb_bg *g, int sidx, int cidx, int kidx,
                    const char *fn) {
  if (kidx && !lua_isnil(L, kidx)) {
    if (sidx && !lua_isnil(L, sidx)) lb_error(L, fn, "seed and key cannot be both used");
    wide_words(L, kidx, g->u.ph.key, 2, "key", fn);
    lua_pushnil(L);                       /* the seed sequence is invalid */
    lc_setiuservalue(L, -2, 1);
  }
  if (cidx && !lua_isnil(L, cidx)) wide_words(L, cidx, g->u.ph.ctr, 4, "counter", fn);
  lpy_philox_reset(&g->u.ph);
}

/* ------------------------------------------------------------ SFC64 */
static void sfc_seed(lb_bg *g, const lb_seedseq *ss) {
  uint64_t w[3];
  lb_bg_seedwords(ss, w, 3);
  lpy_sfc64_seed(&g->u.sfc, w);
}

static void sfc_bind(lb_bg *g) { lpy_sfc64_bind(&g->bg, &g->u.sfc); }

static void sfc_getstate(lua_State *L, lb_bg *g) {
  lua_createtable(L, 0, 4);
  lua_createtable(L, 0, 1);
  lb_bg_pushwords(L, g->u.sfc.s, 4, 8);
  lua_setfield(L, -2, "state");
  lua_setfield(L, -2, "state");
  lua_pushinteger(L, g->u.sfc.has_uint32);
  lua_setfield(L, -2, "has_uint32");
  lua_pushinteger(L, g->u.sfc.uinteger);
  lua_setfield(L, -2, "uinteger");
}

static void sfc_setstate(lua_State *L, int t, lb_bg *g, const char *fn) {
  lpy_sfc64 s;
  int st = lb_bg_gettable(L, t, "state", fn);
  lb_bg_getwords(L, st, "state", s.s, 4, 8, fn);
  s.has_uint32 = lb_bg_getu64(L, t, "has_uint32", fn) != 0;
  s.uinteger = (uint32_t)lb_bg_getu64(L, t, "uinteger", fn);
  g->u.sfc = s;
}

const lb_bgkind lb_bg_sfc64 = {
  "SFC64", LB_BG_SFC64, sfc_seed, sfc_bind, sfc_getstate, sfc_setstate,
  NULL, NULL};

/* ------------------------------------------------------------ MT19937 */
static void mt_seed(lb_bg *g, const lb_seedseq *ss) {
  uint32_t w[624];
  lpy_seedseq_generate(ss->pool, ss->pool_size, w, 624);
  lpy_mt19937_seed_words(&g->u.mt, w);
}

static void mt_bind(lb_bg *g) { lpy_mt19937_bind(&g->bg, &g->u.mt); }

static void mt_getstate(lua_State *L, lb_bg *g) {
  lua_createtable(L, 0, 2);
  lua_createtable(L, 0, 2);
  lb_bg_pushwords(L, g->u.mt.key, 624, 4);
  lua_setfield(L, -2, "key");
  lua_pushinteger(L, g->u.mt.pos);
  lua_setfield(L, -2, "pos");
  lua_setfield(L, -2, "state");
}

static void mt_setstate(lua_State *L, int t, lb_bg *g, const char *fn) {
  lpy_mt19937 s;
  int st = lb_bg_gettable(L, t, "state", fn);
  uint64_t pos;
  lb_bg_getwords(L, st, "key", s.key, 624, 4, fn);
  pos = lb_bg_getu64(L, st, "pos", fn);
  if (pos > 624) lb_error(L, fn, "state: pos must be in 0..624");
  s.pos = (int)pos;
  g->u.mt = s;
}

/* jumped(jumps): jumps times 2^128 draws (a negative count: none, as
   NumPy's range(jumps)) */
static void mt_jump(lb_bg *g, const uint32_t j[4]) {
  int64_t n = (int64_t)((uint64_t)j[0] | (uint64_t)j[1] << 32), i;
  for (i = 0; i < n; i++) lpy_mt19937_jump(&g->u.mt);
}

const lb_bgkind lb_bg_mt19937 = {
  "MT19937", LB_BG_MT19937, mt_seed, mt_bind, mt_getstate, mt_setstate,
  NULL, mt_jump};

/* RandomState's seeding of the MT19937 g from the value at idx: nil (the
   OS, through a SeedSequence), an integer in [0, 2^32) (init_genrand), or
   a non-empty sequence / 1-d array of them (init_by_array) */
void lb_mt19937_legacy_seed(lua_State *L, lb_bg *g, int idx, const char *fn) {
  if (lua_isnoneornil(L, idx)) {
    lb_seedseq *ss = lb_rng_toseedseq(L, 0, fn);
    mt_seed(g, ss);
    g->u.mt.pos = 624;
    lua_pop(L, 1);
  } else if (lua_type(L, idx) == LUA_TNUMBER) {
    lua_Integer v;
    if (!lua_isinteger(L, idx))
      lb_error(L, fn, "Cannot cast scalar from dtype('float64') to dtype('int64') according to the rule 'safe'");
    v = lua_tointeger(L, idx);
    if (v < 0 || v > 0xFFFFFFFFLL) lb_error(L, fn, "Seed must be between 0 and 2**32 - 1");
    lpy_mt19937_seed(&g->u.mt, (uint32_t)v);
  } else if (lua_type(L, idx) == LUA_TTABLE || lb_test(L, idx)) {
    lpy_array *a = lb_toarray(L, idx, -1, fn);
    uint32_t *w;
    int64_t i;
    if (a->size == 0) lb_error(L, fn, "Seed must be non-empty");
    if (!lpy_isint(a->dtype) && a->dtype != LPY_BOOL)
      lb_error(L, fn, "Cannot cast array data from dtype('%s') to dtype('int64') according to the rule 'safe'",
               lpy_dtypes[a->dtype].name);
    if (a->ndim != 1) lb_error(L, fn, "Seed array must be 1-d");
    w = lc_newuserdatauv(L, (size_t)a->size * 4, 0);
    for (i = 0; i < a->size; i++) {
      const char *p = a->data + i * a->strides[0];
      int64_t v = lpy_get_int64(a->dtype, p);
      if ((a->dtype == LPY_UINT64 && (uint64_t)v > 0xFFFFFFFFu) ||
          (a->dtype != LPY_UINT64 && (v < 0 || v > 0xFFFFFFFFLL)))
        lb_error(L, fn, "Seed must be between 0 and 2**32 - 1");
      w[i] = (uint32_t)v;
    }
    lpy_mt19937_seed_array(&g->u.mt, w, a->size);
    lua_pop(L, 2);
  } else {
    lb_error(L, fn, "Cannot cast scalar from dtype('<U1') to dtype('int64') according to the rule 'safe'");
  }
}
