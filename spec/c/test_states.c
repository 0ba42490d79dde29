/*
** test_states.c - several Lua states in several threads using LumPy at
** once (issue 9): two threads, each with a state of its own, run ufuncs,
** FFTs (one shared plan cache), linear algebra and per-state settings
** (print options, the legacy random stream) concurrently, many times;
** every result must equal what the same work gave alone on one thread.
*/
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include "lua.h"
#include "lauxlib.h"
#include "lualib.h"
#include "lumpy.h"

#define ITERS 150
#define NTHREADS 2

static const char *work =
  "local np = require 'lumpy'\n"
  "local k, iters = ...\n"
  "np.set_printoptions({precision = 2 + k})\n"
  "local x = np.linspace(0, k, 5000)\n"
  "local acc = {}\n"
  "for it = 1, iters do\n"
  "  local y = np.sin(x) * np.exp(-x) + np.sqrt(x + it)\n"
  "  local f = np.fft.rfft(y, 1000 + it % 7)\n"
  "  local c = np.fft.ifft(np.fft.fft(y[{{1, 512 + k}}]))\n"
  "  local m = np.reshape(np.cos(np.arange(64, {dtype = 'float64'}) * k + it), {8, 8}) + np.eye(8) * 10\n"
  "  local s = np.linalg.solve(m, np.ones(8))\n"
  "  local ev = np.linalg.eigvalsh(m + m.T)\n"
  "  local sv = np.linalg.svd(np.reshape(y[{{1, 600}}], {20, 30}), {compute_uv = false})\n"
  "  local p = np.matmul(np.reshape(y[{{1, 4096}}], {64, 64}), m:sum() * np.ones({64, 3}))\n"
  "  acc[#acc + 1] = y:sum() + np.abs(f):sum() + np.real(c):sum() + s:sum()\n"
  "                  + ev:sum() + sv:sum() + p:sum()\n"
  "  if tostring(np.array({1 / 3})) ~= '[' .. string.format('%.' .. (2 + k) .. 'f', 1 / 3) .. ']' then\n"
  "    error('print options leaked between states: ' .. tostring(np.array({1 / 3})))\n"
  "  end\n"
  "end\n"
  "return acc\n";

typedef struct job {
  int k;
  double got[ITERS];
  char err[300];
} job;

static void run(job *j) {
  lua_State *L = luaL_newstate();
  int i;
  j->err[0] = '\0';
  luaL_openlibs(L);
  lumpy_openlib(L);
  lua_pop(L, 1);
  if (luaL_loadstring(L, work) != 0) goto error;
  lua_pushinteger(L, j->k);
  lua_pushinteger(L, ITERS);
  if (lua_pcall(L, 2, 1, 0) != 0) goto error;
  for (i = 0; i < ITERS; i++) {
    lua_rawgeti(L, -1, i + 1);
    j->got[i] = lua_tonumber(L, -1);
    lua_pop(L, 1);
  }
  lua_close(L);
  return;
error:
  snprintf(j->err, sizeof j->err, "%s", lua_tostring(L, -1));
  lua_close(L);
}

static void *thread_main(void *p) {
  run(p);
  return NULL;
}

int main(void) {
  static job ref[NTHREADS], par[NTHREADS];
  pthread_t th[NTHREADS];
  int t, i, bad = 0;
  for (t = 0; t < NTHREADS; t++) {        /* alone, one after the other */
    ref[t].k = par[t].k = t + 1;
    run(&ref[t]);
    if (ref[t].err[0]) {
      fprintf(stderr, "test_states: alone, k=%d: %s\n", t + 1, ref[t].err);
      return 1;
    }
  }
  for (t = 0; t < NTHREADS; t++)          /* together */
    if (pthread_create(&th[t], NULL, thread_main, &par[t]) != 0) {
      fprintf(stderr, "test_states: pthread_create failed\n");
      return 1;
    }
  for (t = 0; t < NTHREADS; t++) pthread_join(th[t], NULL);
  for (t = 0; t < NTHREADS; t++) {
    if (par[t].err[0]) {
      fprintf(stderr, "test_states: thread k=%d: %s\n", t + 1, par[t].err);
      bad++;
      continue;
    }
    for (i = 0; i < ITERS; i++)
      /* the BLAS may split work by thread differently: last-bit slack */
      if (!(fabs(par[t].got[i] - ref[t].got[i]) <= 1e-12 * fabs(ref[t].got[i]))) {
        fprintf(stderr, "test_states: thread k=%d, iteration %d: %.17g, alone %.17g\n",
                t + 1, i + 1, par[t].got[i], ref[t].got[i]);
        bad++;
        break;
      }
  }
  printf("test_states: %d threads x %d iterations of ufuncs, fft, linalg: %s\n",
         NTHREADS, ITERS, bad ? "FAILED" : "ok");
  return bad != 0;
}
