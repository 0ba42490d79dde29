/*
** lcompat.h - the one place that papers over differences between Lua
** versions (5.1-5.4, LuaJIT). Everything else uses these names.
*/
#ifndef LCOMPAT_H
#define LCOMPAT_H

#include <math.h>
#include <stdio.h>
#include <string.h>
#include "lua.h"
#include "lauxlib.h"
#include "lualib.h"

/* ---- Lua 5.1 and LuaJIT 2.1 (LUA_VERSION_NUM 501): the 5.2 API that
   the rest of the binding uses, written on 5.1's. Every name is defined as
   a macro over an lc_ function, so LuaJIT's own versions of some of them
   are not used (they are the same functions). */
#if LUA_VERSION_NUM < 502
#ifndef LUA_OK
#define LUA_OK 0
#endif
#define lua_rawlen(L, i) lua_objlen((L), (i))

#define lua_absindex lc_absindex
static inline int lc_absindex(lua_State *L, int i) {
  return (i > 0 || i <= LUA_REGISTRYINDEX) ? i : lua_gettop(L) + i + 1;
}

#define lua_copy lc_copy
static inline void lc_copy(lua_State *L, int from, int to) {
  to = lc_absindex(L, to);
  lua_pushvalue(L, from);
  lua_replace(L, to);
}

#define lua_rawgetp lc_rawgetp
static inline int lc_rawgetp(lua_State *L, int t, const void *p) {
  t = lc_absindex(L, t);
  lua_pushlightuserdata(L, (void *)p);
  lua_rawget(L, t);
  return lua_type(L, -1);
}
#define lua_rawsetp lc_rawsetp
static inline void lc_rawsetp(lua_State *L, int t, const void *p) {
  t = lc_absindex(L, t);
  lua_pushlightuserdata(L, (void *)p);
  lua_insert(L, -2);
  lua_rawset(L, t);
}

/* functions with nup upvalues (below them on the stack) into the table
   under them; a NULL function registers false, as 5.2 does */
#define luaL_setfuncs lc_setfuncs
static inline void lc_setfuncs(lua_State *L, const luaL_Reg *l, int nup) {
  int i;
  luaL_checkstack(L, nup + 1, "too many upvalues");
  for (; l->name; l++) {
    if (!l->func) {
      lua_pushboolean(L, 0);
    } else {
      for (i = 0; i < nup; i++) lua_pushvalue(L, -nup);
      lua_pushcclosure(L, l->func, nup);
    }
    lua_setfield(L, -(nup + 2), l->name);
  }
  lua_pop(L, nup);
}
#undef luaL_newlibtable
#undef luaL_newlib
#define luaL_newlibtable(L, l) \
  lua_createtable((L), 0, (int)(sizeof(l) / sizeof((l)[0]) - 1))
#define luaL_newlib(L, l) (luaL_newlibtable(L, l), luaL_setfuncs((L), (l), 0))

#define luaL_testudata lc_testudata
static inline void *lc_testudata(lua_State *L, int i, const char *tname) {
  void *p = lua_touserdata(L, i);
  int same;
  if (!p || !lua_getmetatable(L, i)) return NULL;
  luaL_getmetatable(L, tname);
  same = lua_rawequal(L, -1, -2);
  lua_pop(L, 2);
  return same ? p : NULL;
}
#define luaL_setmetatable lc_setmetatable
static inline void lc_setmetatable(lua_State *L, const char *tname) {
  luaL_getmetatable(L, tname);
  lua_setmetatable(L, -2);
}

#define luaL_len lc_len
static inline lua_Integer lc_len(lua_State *L, int i) {
  lua_Integer n;
  i = lc_absindex(L, i);
  if (luaL_callmeta(L, i, "__len")) {
    if (lua_type(L, -1) != LUA_TNUMBER) luaL_error(L, "object length is not a number");
    n = (lua_Integer)lua_tonumber(L, -1);
    lua_pop(L, 1);
    return n;
  }
  return (lua_Integer)lua_objlen(L, i);
}

/* 5.2's luaL_tolstring: __tostring, or the default text of the value */
#define luaL_tolstring lc_tolstring
static inline const char *lc_tolstring(lua_State *L, int i, size_t *len) {
  if (!luaL_callmeta(L, i, "__tostring")) {
    switch (lua_type(L, i)) {
    case LUA_TNUMBER: case LUA_TSTRING: lua_pushvalue(L, i); break;
    case LUA_TBOOLEAN:
      lua_pushstring(L, lua_toboolean(L, i) ? "true" : "false");
      break;
    case LUA_TNIL: lua_pushliteral(L, "nil"); break;
    default:
      lua_pushfstring(L, "%s: %p", luaL_typename(L, i), lua_topointer(L, i));
    }
  } else if (!lua_isstring(L, -1)) {
    luaL_error(L, "'__tostring' must return a string");
  }
  return lua_tolstring(L, -1, len);
}

#define luaL_requiref lc_requiref
static inline void lc_requiref(lua_State *L, const char *name,
                               lua_CFunction open, int glb) {
  lua_pushcfunction(L, open);
  lua_pushstring(L, name);
  lua_call(L, 1, 1);
  lua_getfield(L, LUA_REGISTRYINDEX, "_LOADED");
  if (lua_istable(L, -1)) {
    lua_pushvalue(L, -2);
    lua_setfield(L, -2, name);
  }
  lua_pop(L, 1);
  if (glb) {
    lua_pushvalue(L, -1);
    lua_setglobal(L, name);
  }
}

/* a userdata's user value is its environment table in 5.1 */
#define lua_getuservalue(L, i) (lua_getfenv((L), (i)), lua_type((L), -1))
#define lua_setuservalue(L, i) lua_setfenv((L), (i))

/* luaL_Buffer as 5.2 has it: one growable block, kept in a userdata on
   the stack once it outgrows the buffer's own space (5.1's buffer keeps
   pieces on the stack and has no luaL_prepbuffsize) */
#define luaL_Buffer lc_Buffer
typedef struct lc_Buffer {
  char *b;
  size_t size, n;
  lua_State *L;
  int boxed;
  char init[LUAL_BUFFERSIZE];
} lc_Buffer;
#define luaL_buffinit lc_buffinit
static inline void lc_buffinit(lua_State *L, lc_Buffer *B) {
  B->b = B->init;
  B->size = sizeof B->init;
  B->n = 0;
  B->L = L;
  B->boxed = 0;
}
/* room for sz more bytes; the box sits at boxidx (-2 while luaL_addvalue
   holds its value above it) */
static inline char *lc_prepbuff(lc_Buffer *B, size_t sz, int boxidx) {
  if (B->size - B->n < sz) {
    lua_State *L = B->L;
    size_t ns = B->size * 2;
    char *nb;
    if (ns - B->n < sz) ns = B->n + sz;
    nb = (char *)lua_newuserdata(L, ns);
    memcpy(nb, B->b, B->n);
    if (B->boxed) lua_replace(L, boxidx - 1);
    else if (boxidx != -1) lua_insert(L, boxidx);
    B->b = nb;
    B->size = ns;
    B->boxed = 1;
  }
  return B->b + B->n;
}
#define luaL_prepbuffsize(B, sz) lc_prepbuff((B), (sz), -1)
#undef luaL_prepbuffer
#define luaL_prepbuffer(B) lc_prepbuff((B), LUAL_BUFFERSIZE, -1)
#define luaL_buffinitsize lc_buffinitsize
static inline char *lc_buffinitsize(lua_State *L, lc_Buffer *B, size_t sz) {
  lc_buffinit(L, B);
  return lc_prepbuff(B, sz, -1);
}
#undef luaL_addsize
#define luaL_addsize(B, s) ((B)->n += (s))
#undef luaL_addchar
#define luaL_addchar(B, c) \
  ((void)((B)->n < (B)->size || lc_prepbuff((B), 1, -1)), \
   ((B)->b[(B)->n++] = (c)))
#define luaL_addlstring lc_addlstring
static inline void lc_addlstring(lc_Buffer *B, const char *s, size_t l) {
  if (l) {
    memcpy(lc_prepbuff(B, l, -1), s, l);
    B->n += l;
  }
}
#define luaL_addstring(B, s) lc_addlstring((B), (s), strlen(s))
#define luaL_addvalue lc_addvalue
static inline void lc_addvalue(lc_Buffer *B) {
  size_t l;
  const char *s = lua_tolstring(B->L, -1, &l);
  if (l) {
    memcpy(lc_prepbuff(B, l, -2), s, l);
    B->n += l;
  }
  lua_pop(B->L, 1);
}
#define luaL_pushresult lc_pushresult
static inline void lc_pushresult(lc_Buffer *B) {
  lua_pushlstring(B->L, B->b, B->n);
  if (B->boxed) lua_remove(B->L, -2);
}
#define luaL_pushresultsize(B, sz) (luaL_addsize((B), (sz)), lc_pushresult(B))
#endif

/* ---- before 5.3: no integer subtype. A number counts as an integer when
   its value is integral and fits in int64 (see docs/lua-versions.md), and
   the get functions return the type of what they pushed, as in 5.3. */
#if LUA_VERSION_NUM < 503
static inline int lc_fitsint(lua_Number x) {
  return x == floor(x) && x >= -9223372036854775808.0 &&
         x < 9223372036854775808.0;
}
#define lua_isinteger lc_isinteger
static inline int lc_isinteger(lua_State *L, int i) {
  return lua_type(L, i) == LUA_TNUMBER && lc_fitsint(lua_tonumber(L, i));
}
#undef lua_tointegerx
#define lua_tointegerx lc_tointegerx
static inline lua_Integer lc_tointegerx(lua_State *L, int i, int *isnum) {
  lua_Number x = lua_tonumber(L, i);
  int ok = lua_isnumber(L, i) && lc_fitsint(x);
  if (isnum) *isnum = ok;
  return ok ? (lua_Integer)x : 0;
}
#define luaL_checkinteger lc_checkinteger
static inline lua_Integer lc_checkinteger(lua_State *L, int i) {
  int ok;
  lua_Integer v = lc_tointegerx(L, i, &ok);
  if (!ok) {
    luaL_checknumber(L, i);         /* the error when it is no number */
    luaL_argerror(L, i, "number has no integer representation");
  }
  return v;
}
#undef luaL_optinteger
#define luaL_optinteger(L, i, d) \
  (lua_isnoneornil((L), (i)) ? (lua_Integer)(d) : lc_checkinteger((L), (i)))

/* luaL_newmetatable sets __name from 5.3 on; the Lua parts read it */
#define luaL_newmetatable(L, tname) lc_newmetatable((L), (tname))
static inline int lc_newmetatable(lua_State *L, const char *tname) {
  if (!(luaL_newmetatable)(L, tname)) return 0;
  lua_pushstring(L, tname);
  lua_setfield(L, -2, "__name");
  return 1;
}

#define lua_geti lc_geti
static inline int lc_geti(lua_State *L, int t, lua_Integer n) {
  t = lua_absindex(L, t);
  lua_pushinteger(L, n);
  lua_gettable(L, t);
  return lua_type(L, -1);
}
#define lua_seti lc_seti
static inline void lc_seti(lua_State *L, int t, lua_Integer n) {
  t = lua_absindex(L, t);
  lua_pushinteger(L, n);
  lua_insert(L, -2);
  lua_settable(L, t);
}
/* each macro names the function it wraps, which the preprocessor does not
   expand again */
#define lua_rawgeti(L, t, n) (lua_rawgeti((L), (t), (n)), lua_type((L), -1))
#define lua_rawget(L, t) (lua_rawget((L), (t)), lua_type((L), -1))
#define lua_gettable(L, t) (lua_gettable((L), (t)), lua_type((L), -1))
#define lua_getfield(L, t, k) (lua_getfield((L), (t), (k)), lua_type((L), -1))
#if LUA_VERSION_NUM == 502
#define lua_rawgetp(L, t, p) (lua_rawgetp((L), (t), (p)), lua_type((L), -1))
#define lua_getuservalue(L, i) (lua_getuservalue((L), (i)), lua_type((L), -1))
#endif
#endif

/* lc_newuserdata: a userdata with one user value; lc_newscratch: with none
   (scratch memory the collector frees) */
#if LUA_VERSION_NUM >= 504
#define lc_newuserdata(L, n) lua_newuserdatauv((L), (n), 1)
#define lc_newscratch(L, n) lua_newuserdatauv((L), (n), 0)
#define lc_setuservalue(L, i) lua_setiuservalue((L), (i), 1)
#define lc_getuservalue(L, i) lua_getiuservalue((L), (i), 1)
#elif LUA_VERSION_NUM == 503
#define lc_newuserdata(L, n) lua_newuserdata((L), (n))
#define lc_newscratch(L, n) lua_newuserdata((L), (n))
#define lc_setuservalue(L, i) lua_setuservalue((L), (i))
#define lc_getuservalue(L, i) lua_getuservalue((L), (i))
#else
/* before 5.3 a user value must be a table: the value is its first item */
#define lc_newuserdata(L, n) lc_newuserdatauv((L), (n), 1)
#define lc_newscratch(L, n) lua_newuserdata((L), (n))
#define lc_setuservalue(L, i) lc_setiuservalue((L), (i), 1)
#define lc_getuservalue(L, i) lc_getiuservalue((L), (i), 1)
#endif

/* userdata with n user values (lc_newuserdatauv, lc_setiuservalue,
   lc_getiuservalue: Lua 5.4's functions); before 5.4 a userdata has one
   user value, so the n values live in a table that is that value */
#if LUA_VERSION_NUM >= 504
#define lc_newuserdatauv lua_newuserdatauv
#define lc_setiuservalue lua_setiuservalue
#define lc_getiuservalue lua_getiuservalue
#else
static inline void *lc_newuserdatauv(lua_State *L, size_t sz, int nuv) {
  void *p = lua_newuserdata(L, sz);
  if (nuv > 0) {
    lua_createtable(L, nuv, 0);
    lua_setuservalue(L, -2);
  }
  return p;
}
static inline int lc_setiuservalue(lua_State *L, int idx, int n) {
  idx = lua_absindex(L, idx);
  lua_getuservalue(L, idx);
  if (!lua_istable(L, -1)) {
    lua_pop(L, 2);
    return 0;
  }
  lua_insert(L, -2);
  lua_rawseti(L, -2, n);
  lua_pop(L, 1);
  return 1;
}
static inline int lc_getiuservalue(lua_State *L, int idx, int n) {
  int t;
  lua_getuservalue(L, idx);
  if (!lua_istable(L, -1)) {
    lua_pop(L, 1);
    lua_pushnil(L);
    return LUA_TNONE;
  }
  t = lua_rawgeti(L, -1, n);
  lua_remove(L, -2);
  return t;
}
#endif

/* luaL_Buffer's contents (macros from 5.4 on) */
#if LUA_VERSION_NUM < 504
#define luaL_buffaddr(bf) ((bf)->b)
#define luaL_bufflen(bf) ((bf)->n)
#define luaL_buffsub(bf, s) ((void)((bf)->n -= (s)))
#endif

/* lc_tofile: the C stream of the io library's file handle at i, or NULL
   when the value is none; *closed is set for a closed handle. From 5.2 on
   the handle is a luaL_Stream (closef is NULL once closed); before, its
   first field is the FILE pointer, NULL once closed (in 5.1 the userdata
   is a FILE *, in LuaJIT a struct that starts with one). */
static inline FILE *lc_tofile(lua_State *L, int i, int *closed) {
#if LUA_VERSION_NUM >= 502
  luaL_Stream *ls = (luaL_Stream *)luaL_testudata(L, i, LUA_FILEHANDLE);
  if (!ls) return NULL;
  *closed = ls->closef == NULL;
  return ls->f;
#else
  FILE **fp = (FILE **)luaL_testudata(L, i, LUA_FILEHANDLE);
  if (!fp) return NULL;
  *closed = *fp == NULL;
  return *fp;
#endif
}

#endif
