/*
** random_seed.c - np.random.SeedSequence: NumPy's entropy coercion to
** 32-bit words, the pool (src/core/rng_seed.c), generate_state and spawn.
** Integers beyond Lua's (entropy from the OS, or given so) are decimal
** strings.
*/
#include <string.h>
#include "lrandom.h"
#include "../core/rng_bg.h"

#define DEFAULT_POOL 4
#define BIG_WORDS 128            /* the longest seed string, in words */
#define BIG_CHARS 1000

static const char *const FN = "random.SeedSequence";

/* ------------------------------------------------ big integers as words */
/* w = w * m + a over n words; returns the new length */
static size_t big_muladd(uint32_t *w, size_t n, uint32_t m, uint32_t a) {
  uint64_t carry = a;
  size_t i;
  for (i = 0; i < n; i++) {
    uint64_t t = (uint64_t)w[i] * m + carry;
    w[i] = (uint32_t)t;
    carry = t >> 32;
  }
  if (carry) w[n++] = (uint32_t)carry;
  return n;
}

static int hexval(int c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/* NumPy's seed strings: "0x..." hexadecimal or decimal digits; the words
   lowest first, no high zero words (0 is one word) */
static size_t parse_big(lua_State *L, const char *s, size_t len,
                        uint32_t *w, const char *fn) {
  size_t n = 0, i = 0;
  int base = 10;
  if (len > 2 && s[0] == '0' && s[1] == 'x') { base = 16; i = 2; }
  if (len == 0 || len > BIG_CHARS)
    lb_error(L, fn, len ? "seed string too long" : "unrecognized seed string");
  for (; i < len; i++) {
    int d = base == 16 ? hexval((unsigned char)s[i])
                       : (s[i] >= '0' && s[i] <= '9' ? s[i] - '0' : -1);
    if (d < 0) lb_error(L, fn, "unrecognized seed string");
    n = big_muladd(w, n, (uint32_t)base, (uint32_t)d);
  }
  if (n == 0) w[n++] = 0;
  return n;
}

/* push the decimal string of the n words at w (destroys w) */
static void push_big(lua_State *L, uint32_t *w, size_t n) {
  char buf[BIG_WORDS * 10 + 2], *p = buf + sizeof buf - 1;
  *p = 0;
  while (n > 0 && w[n - 1] == 0) n--;
  do {
    uint64_t r = 0;
    size_t i;
    int k;
    for (i = n; i-- > 0;) {
      uint64_t t = (r << 32) | w[i];
      w[i] = (uint32_t)(t / 1000000000u);
      r = t % 1000000000u;
    }
    while (n > 0 && w[n - 1] == 0) n--;
    for (k = 0; k < 9 && (n > 0 || r > 0 || k == 0); k++) {
      *--p = (char)('0' + r % 10);
      r /= 10;
    }
  } while (n > 0);
  lua_pushstring(L, p);
}

/* one non-negative integer v: its words, lowest first (0 is one word) */
static size_t int_words(uint64_t v, uint32_t *out) {
  size_t n = 0;
  do {
    if (out) out[n] = (uint32_t)v;
    n++;
    v >>= 32;
  } while (v);
  return n;
}

void lb_rng_pushuint(lua_State *L, const uint32_t *w, size_t n) {
  uint32_t c[BIG_WORDS];
  while (n > 0 && w[n - 1] == 0) n--;
  if (n <= 2 && !(n == 2 && (w[1] >> 31))) {
    lua_pushinteger(L, (lua_Integer)(n == 0 ? 0 : n == 1 ? w[0]
                                     : (uint64_t)w[0] | (uint64_t)w[1] << 32));
    return;
  }
  if (n > BIG_WORDS) n = BIG_WORDS;
  memcpy(c, w, n * sizeof *w);
  push_big(L, c, n);
}

void lb_rng_touint(lua_State *L, int idx, uint32_t *w, size_t nw,
                   const char *what, const char *fn) {
  uint32_t t[BIG_WORDS];
  size_t n;
  memset(w, 0, nw * sizeof *w);
  if (lua_isinteger(L, idx)) {
    lua_Integer v = lua_tointeger(L, idx);
    if (v < 0) lb_error(L, fn, "%s must be a non-negative integer", what);
    n = int_words((uint64_t)v, t);
  } else if (lua_type(L, idx) == LUA_TSTRING) {
    size_t len;
    const char *s = lua_tolstring(L, idx, &len);
    n = parse_big(L, s, len, t, fn);
  } else {
    lb_error(L, fn, "%s must be an integer or a decimal string, got %s", what,
             luaL_typename(L, idx));
    return;
  }
  while (n > 0 && t[n - 1] == 0) n--;
  if (n > nw) lb_error(L, fn, "%s is out of range (%d bits)", what, (int)nw * 32);
  memcpy(w, t, n * sizeof *w);
}

/* ------------------------------------------------ coercion to uint32 words */
/* the words of the scalar at idx (integer or string) */
static size_t scalar_words(lua_State *L, int idx, uint32_t *out,
                           const char *fn) {
  if (lua_isinteger(L, idx)) {
    lua_Integer v = lua_tointeger(L, idx);
    if (v < 0) lb_error(L, fn, "expected non-negative integer");
    return int_words((uint64_t)v, out);
  }
  if (lua_type(L, idx) == LUA_TSTRING) {
    size_t len, n;
    const char *s = lua_tolstring(L, idx, &len);
    uint32_t w[BIG_WORDS];
    n = parse_big(L, s, len, w, fn);
    if (out) memcpy(out, w, n * sizeof *w);
    return n;
  }
  if (lua_type(L, idx) == LUA_TNUMBER) lb_error(L, fn, "seed must be integer");
  if (lua_type(L, idx) == LUA_TTABLE || lb_test(L, idx))
    lb_error(L, fn, "SeedSequence does not accept nested sequences.");
  return lb_error(L, fn, "SeedSequence expects int or sequence of ints for entropy not %s",
                  luaL_typename(L, idx));
}

/* NumPy's _coerce_to_uint32_array of the value at idx: an integer, a
   string, a sequence of those, or an integer array; out NULL: count */
static size_t coerce(lua_State *L, int idx, uint32_t *out, const char *fn) {
  lpy_array *a = lb_test(L, idx);
  size_t n = 0;
  if (a) {
    int64_t i;
    if (!lpy_isint(a->dtype)) lb_error(L, fn, "seed must be integer");
    if (a->ndim > 1) lb_error(L, fn, "SeedSequence does not accept nested sequences.");
    for (i = 0; i < a->size; i++) {
      const char *p = a->data + (a->ndim ? i * a->strides[0] : 0);
      uint64_t v;
      if (a->dtype == LPY_UINT64) v = (uint64_t)lpy_get_int64(a->dtype, p);
      else {
        int64_t s = lpy_get_int64(a->dtype, p);
        if (s < 0) lb_error(L, fn, "expected non-negative integer");
        v = (uint64_t)s;
      }
      if (a->dtype == LPY_UINT32) { if (out) out[n] = (uint32_t)v; n++; }
      else n += int_words(v, out ? out + n : NULL);
    }
    return n;
  }
  if (lua_type(L, idx) == LUA_TTABLE) {
    lua_Integer i, len = (lua_Integer)lua_rawlen(L, idx);
    for (i = 1; i <= len; i++) {
      lua_rawgeti(L, idx, i);
      n += scalar_words(L, lua_gettop(L), out ? out + n : NULL, fn);
      lua_pop(L, 1);
    }
    return n;
  }
  return scalar_words(L, idx, out, fn);
}

/* ------------------------------------------------ the SeedSequence object */
lb_seedseq *lb_rng_testseedseq(lua_State *L, int idx) {
  return luaL_testudata(L, idx, LB_SEEDSEQ_MT);
}

static lb_seedseq *check_ss(lua_State *L, int idx, const char *fn) {
  lb_seedseq *s = lb_rng_testseedseq(L, idx);
  if (!s) lb_error(L, fn, "expected a SeedSequence, got %s", luaL_typename(L, idx));
  return s;
}

/* a copy of the sequence at idx (entropy and spawn keys are kept as given) */
static void push_seqcopy(lua_State *L, int idx) {
  lua_Integer i, n = (lua_Integer)lua_rawlen(L, idx);
  lua_createtable(L, (int)n, 0);
  for (i = 1; i <= n; i++) {
    lua_rawgeti(L, idx, i);
    lua_rawseti(L, -2, i);
  }
}

/* the SeedSequence for entropy at ent (0 or nil: from the OS), spawn key
   sequence at key (0: none) and pool_size; pushes it */
static lb_seedseq *new_seedseq(lua_State *L, int ent, int key,
                               lua_Integer pool_size, lua_Integer nspawned,
                               const char *fn) {
  size_t ne, nk, n;
  uint32_t *w;
  lb_seedseq *s;
  int top;
  if (pool_size < DEFAULT_POOL)
    lb_error(L, fn, "The size of the entropy pool should be at least %d", DEFAULT_POOL);
  if (pool_size > LPY_SEED_POOL_MAX)
    lb_error(L, fn, "pool_size larger than %d is not supported", LPY_SEED_POOL_MAX);
  if (nspawned < 0) lb_error(L, fn, "n_children_spawned must be non-negative");
  if (ent && lua_isnil(L, ent)) ent = 0;
  if (!ent) {           /* NumPy: randbits(pool_size * 32), kept as a number */
    uint32_t r[LPY_SEED_POOL_MAX];
    lpy_err e;
    if (lpy_os_entropy(r, (size_t)pool_size * 4, &e)) lb_core_error(L, fn, &e);
    push_big(L, r, (size_t)pool_size);
    ent = lua_gettop(L);
  } else if (lua_type(L, ent) == LUA_TTABLE && !lb_test(L, ent)) {
    push_seqcopy(L, ent);
    ent = lua_gettop(L);
  } else if (lua_type(L, ent) == LUA_TNUMBER && !lua_isinteger(L, ent)) {
    lb_error(L, fn, "SeedSequence expects int or sequence of ints for entropy not %s",
             lua_tostring(L, ent));
  } else if (!lua_isinteger(L, ent) && lua_type(L, ent) != LUA_TSTRING && !lb_test(L, ent)) {
    lb_error(L, fn, "SeedSequence expects int or sequence of ints for entropy not %s",
             luaL_typename(L, ent));
  }
  if (key) {
    if (lua_type(L, key) != LUA_TTABLE || lb_test(L, key))
      lb_error(L, fn, "spawn_key must be a sequence of integers");
    push_seqcopy(L, key);
  } else {
    lua_newtable(L);
  }
  key = lua_gettop(L);
  top = key;
  /* NumPy's get_assembled_entropy: the run entropy padded with zeros to
     pool_size when there is a spawn key, then the spawn key's words */
  ne = coerce(L, ent, NULL, fn);
  nk = coerce(L, key, NULL, fn);
  n = (nk > 0 && ne < (size_t)pool_size ? (size_t)pool_size : ne) + nk;
  w = lc_newuserdatauv(L, n * sizeof(uint32_t) + 1, 0);
  memset(w, 0, n * sizeof(uint32_t));
  coerce(L, ent, w, fn);
  coerce(L, key, w + (n - nk), fn);
  s = lc_newuserdatauv(L, sizeof(lb_seedseq) + (size_t)pool_size * sizeof(uint32_t), 2);
  s->pool_size = (int)pool_size;
  s->n_children = nspawned;
  lpy_seedseq_mix(w, n, s->pool, s->pool_size);
  luaL_setmetatable(L, LB_SEEDSEQ_MT);
  lua_pushvalue(L, ent);
  lc_setiuservalue(L, -2, 1);
  lua_pushvalue(L, key);
  lc_setiuservalue(L, -2, 2);
  lua_copy(L, -1, top);
  lua_settop(L, top);
  return s;
}

lb_seedseq *lb_rng_toseedseq(lua_State *L, int idx, const char *fn) {
  lb_seedseq *s;
  idx = idx ? lua_absindex(L, idx) : 0;
  if (idx && (s = lb_rng_testseedseq(L, idx)) != NULL) {
    lua_pushvalue(L, idx);
    return s;
  }
  {
    int top = lua_gettop(L);
    s = new_seedseq(L, idx, 0, DEFAULT_POOL, 0, fn);
    lua_copy(L, -1, top + 1);
    lua_settop(L, top + 1);
  }
  return s;
}

/* SeedSequence(entropy, {spawn_key=, pool_size=, n_children_spawned=}) */
static int ss_new(lua_State *L) {
  static const char *const allowed[] = {"spawn_key", "pool_size", "n_children_spawned", NULL};
  int opts = lua_gettop(L) >= 2 ? lb_opts(L, 2) : 0, key = 0;
  lua_Integer ps, nsp;
  lb_checkopts(L, opts, FN, allowed);
  if (lb_optfield(L, opts, "spawn_key") != LUA_TNIL) key = lua_gettop(L);
  lb_optfield(L, opts, "pool_size");
  ps = lb_optinteger(L, -1, DEFAULT_POOL, FN);
  lb_optfield(L, opts, "n_children_spawned");
  nsp = lb_optinteger(L, -1, 0, FN);
  if (lua_gettop(L) < 1) lua_pushnil(L);
  new_seedseq(L, lua_isnil(L, 1) ? 0 : 1, key, ps, nsp, FN);
  return 1;
}

/* push a copy of the entropy (tables are copied) */
static void push_entropy(lua_State *L, int idx) {
  lc_getiuservalue(L, idx, 1);
  if (lua_type(L, -1) == LUA_TTABLE) {
    push_seqcopy(L, lua_gettop(L));
    lua_remove(L, -2);
  }
}

static void push_spawnkey(lua_State *L, int idx) {
  lc_getiuservalue(L, idx, 2);
  push_seqcopy(L, lua_gettop(L));
  lua_remove(L, -2);
}

/* generate_state(n_words, dtype="uint32" | "uint64") */
static int ss_generate(lua_State *L) {
  static const char *const fn = "random.SeedSequence.generate_state";
  lb_seedseq *s = check_ss(L, 1, fn);
  lua_Integer n = lb_checkinteger(L, 2, fn);
  int t = lb_optdtype(L, 3, LPY_UINT32, fn);
  int64_t shape[1];
  lpy_array *a;
  if (t != LPY_UINT32 && t != LPY_UINT64) lb_error(L, fn, "only support uint32 or uint64");
  if (n < 0) lb_error(L, fn, "negative dimensions are not allowed");
  if (n > ((int64_t)1 << 40)) lb_error(L, fn, "array is too big; cannot allocate it");
  shape[0] = n;
  a = lb_push_new(L, (lpy_dtype)t, 1, shape, 0, fn);
  if (t == LPY_UINT32) {
    lpy_seedseq_generate(s->pool, s->pool_size, (uint32_t *)(void *)a->data, (size_t)n);
  } else {
    uint64_t *o = (uint64_t *)(void *)a->data;
    uint32_t *tmp = lc_newuserdatauv(L, (size_t)n * 8 + 1, 0);
    int64_t i;
    /* 2n words, paired lowest first (NumPy's little-endian view) */
    lpy_seedseq_generate(s->pool, s->pool_size, tmp, (size_t)n * 2);
    for (i = 0; i < n; i++)
      o[i] = (uint64_t)tmp[2 * i] | ((uint64_t)tmp[2 * i + 1] << 32);
    lua_pop(L, 1);
  }
  return 1;
}

/* spawn(n): a sequence of n children with spawn_key .. {i} */
static int ss_spawn(lua_State *L) {
  static const char *const fn = "random.SeedSequence.spawn";
  lb_seedseq *s = check_ss(L, 1, fn);
  lua_Integer n = lb_checkinteger(L, 2, fn), i;
  int key, ent, res;
  if (n < 0) lb_error(L, fn, "n_children must be non-negative");
  if (n > (1 << 24)) lb_error(L, fn, "n_children too large");
  lua_settop(L, 2);
  lc_getiuservalue(L, 1, 1);
  ent = lua_gettop(L);
  lua_createtable(L, (int)n, 0);
  res = lua_gettop(L);
  for (i = 0; i < n; i++) {
    push_spawnkey(L, 1);
    key = lua_gettop(L);
    lua_pushinteger(L, s->n_children + i);
    lua_rawseti(L, key, (lua_Integer)lua_rawlen(L, key) + 1);
    new_seedseq(L, ent, key, s->pool_size, 0, fn);
    lua_rawseti(L, res, i + 1);
    lua_settop(L, res);
  }
  s->n_children += n;
  return 1;
}

static int ss_index(lua_State *L) {
  lb_seedseq *s = check_ss(L, 1, FN);
  const char *k = lua_tostring(L, 2);
  if (!k) return 0;
  if (!strcmp(k, "entropy")) push_entropy(L, 1);
  else if (!strcmp(k, "spawn_key")) push_spawnkey(L, 1);
  else if (!strcmp(k, "pool_size")) lua_pushinteger(L, s->pool_size);
  else if (!strcmp(k, "n_children_spawned")) lua_pushinteger(L, s->n_children);
  else if (!strcmp(k, "pool")) {
    int64_t shape[1];
    lpy_array *a;
    shape[0] = s->pool_size;
    a = lb_push_new(L, LPY_UINT32, 1, shape, 0, FN);
    memcpy(a->data, s->pool, (size_t)s->pool_size * sizeof(uint32_t));
  } else if (!strcmp(k, "state")) {
    lua_createtable(L, 0, 4);
    push_entropy(L, 1);
    lua_setfield(L, -2, "entropy");
    push_spawnkey(L, 1);
    lua_setfield(L, -2, "spawn_key");
    lua_pushinteger(L, s->pool_size);
    lua_setfield(L, -2, "pool_size");
    lua_pushinteger(L, s->n_children);
    lua_setfield(L, -2, "n_children_spawned");
  } else {
    lua_getmetatable(L, 1);
    lua_getfield(L, -1, "__methods");
    lua_getfield(L, -1, k);
  }
  return 1;
}

/* add the sequence table at index t to b as {v1, v2, ...} (t is below the
   buffer's own stack use, each value is pushed and added at the top) */
static void add_seq(luaL_Buffer *b, int t) {
  lua_State *L = b->L;
  lua_Integer i, n = (lua_Integer)lua_rawlen(L, t);
  luaL_addstring(b, "{");
  for (i = 1; i <= n; i++) {
    lua_rawgeti(L, t, i);
    luaL_tolstring(L, -1, NULL);
    luaL_addvalue(b);
    lua_pop(L, 1);
    if (i < n) luaL_addstring(b, ", ");
  }
  luaL_addstring(b, "}");
}

static int ss_tostring(lua_State *L) {
  lb_seedseq *s = check_ss(L, 1, FN);
  luaL_Buffer b;
  luaL_buffinit(L, &b);
  luaL_addstring(&b, "SeedSequence(entropy=");
  lc_getiuservalue(L, 1, 1);
  if (lua_type(L, -1) == LUA_TTABLE && !lb_test(L, -1)) {
    add_seq(&b, lua_gettop(L));
    lua_pop(L, 1);
  } else {
    luaL_tolstring(L, -1, NULL);
    lua_remove(L, -2);
    luaL_addvalue(&b);
  }
  lc_getiuservalue(L, 1, 2);
  if (lua_rawlen(L, -1) > 0) {
    luaL_addstring(&b, ", spawn_key=");
    add_seq(&b, lua_gettop(L));
  }
  lua_pop(L, 1);
  if (s->pool_size != DEFAULT_POOL) {
    lua_pushfstring(L, ", pool_size=%d", s->pool_size);
    luaL_addvalue(&b);
  }
  if (s->n_children != 0) {
    char num[32];
    snprintf(num, sizeof num, "%lld", (long long)s->n_children);
    lua_pushfstring(L, ", n_children_spawned=%s", num);
    luaL_addvalue(&b);
  }
  luaL_addstring(&b, ")");
  luaL_pushresult(&b);
  return 1;
}

void lb_open_seedseq(lua_State *L, int randidx) {
  static const luaL_Reg meths[] = {
    {"generate_state", ss_generate}, {"spawn", ss_spawn}, {NULL, NULL}};
  luaL_newmetatable(L, LB_SEEDSEQ_MT);
  lua_pushcfunction(L, ss_index);
  lua_setfield(L, -2, "__index");
  lua_pushcfunction(L, ss_tostring);
  lua_setfield(L, -2, "__tostring");
  luaL_newlib(L, meths);
  lua_setfield(L, -2, "__methods");
  lua_pop(L, 1);
  lua_pushcfunction(L, ss_new);
  lua_setfield(L, randidx, "SeedSequence");
}
