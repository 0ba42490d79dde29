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

/* luaL_Buffer's contents (macros from 5.4 on) */
#if LUA_VERSION_NUM < 504
#define luaL_buffaddr(bf) ((bf)->b)
#define luaL_bufflen(bf) ((bf)->n)
#define luaL_buffsub(bf, s) ((void)((bf)->n -= (s)))
#endif

#endif
