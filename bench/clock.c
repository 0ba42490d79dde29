/* bench/clock.c: a monotonic wall clock for the benchmark runner (bench/run.lua).
 * Not part of LumPy. Built by run.lua into bench/clock.so when LumPy does not
 * export lumpy.__bench_now.  require/loadlib gives a table { now = f } where
 * f() returns clock_gettime(CLOCK_MONOTONIC) in seconds as a Lua float. */
#define _GNU_SOURCE
#include <time.h>
#include <lua.h>
#include <lauxlib.h>

static int clock_now(lua_State *L) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    lua_pushnumber(L, (lua_Number)ts.tv_sec + (lua_Number)ts.tv_nsec * 1e-9);
    return 1;
}

int luaopen_clock(lua_State *L) {
    lua_newtable(L);
    lua_pushcfunction(L, clock_now);
    lua_setfield(L, -2, "now");
    return 1;
}
