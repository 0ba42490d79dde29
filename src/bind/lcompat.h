/*
** lcompat.h - the one place that papers over differences between Lua
** versions (5.1-5.4, LuaJIT). Everything else uses these names.
*/
#ifndef LCOMPAT_H
#define LCOMPAT_H

#include "lua.h"
#include "lauxlib.h"

/* lc_newuserdata: a userdata with one user value; lc_newscratch: with none
   (scratch memory the collector frees) */
#if LUA_VERSION_NUM >= 504
#define lc_newuserdata(L, n) lua_newuserdatauv((L), (n), 1)
#define lc_newscratch(L, n) lua_newuserdatauv((L), (n), 0)
#define lc_setuservalue(L, i) lua_setiuservalue((L), (i), 1)
#define lc_getuservalue(L, i) lua_getiuservalue((L), (i), 1)
#else
#define lc_newuserdata(L, n) lua_newuserdata((L), (n))
#define lc_newscratch(L, n) lua_newuserdata((L), (n))
#define lc_setuservalue(L, i) lua_setuservalue((L), (i))
#define lc_getuservalue(L, i) lua_getuservalue((L), (i))
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

#endif
