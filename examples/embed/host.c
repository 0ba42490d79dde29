/*
** host.c - a small C application that embeds Lua and LumPy: it lends a
** buffer of its own to a script without copying, lets the script transform
** it in place, gives the script a C function that takes arrays, and keeps
** an array the script made after the Lua state is gone. `make test` builds
** it against build/liblumpy.a and runs it, also under valgrind.
*/
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "lua.h"
#include "lauxlib.h"
#include "lualib.h"
#include "lumpy.h"

#define N 1000

static double samples[N];       /* the host's own memory */
static int released;            /* how often LumPy gave it back */

static void give_back(void *data, void *ud) {
  (void)ud;
  if (data == samples) released++;
}

/* host.weighted_sum(x, w): a C function on two float64 vectors */
static int weighted_sum(lua_State *L) {
  lumpy_info x, w;
  double s = 0;
  int64_t i;
  lumpy_checkarrayx(L, 1, LUMPY_FLOAT64, 1, 0, &x);
  lumpy_checkarrayx(L, 2, LUMPY_FLOAT64, 1, 0, &w);
  if (x.shape[0] != w.shape[0])
    return luaL_error(L, "weighted_sum: lengths differ (%d and %d)",
                      (int)x.shape[0], (int)w.shape[0]);
  for (i = 0; i < x.shape[0]; i++)
    s += *(double *)((char *)x.data + i * x.strides[0]) *
         *(double *)((char *)w.data + i * w.strides[0]);
  lua_pushnumber(L, s);
  return 1;
}

static const char *script =
  "local np = require 'lumpy'\n"
  /* normalise the host's samples in place: zero mean, unit deviation */
  "local m, s = signal:mean(), signal:std()\n"
  "signal[':'] = (signal - m) / s\n"
  /* call back into the host with a view and a new array */
  "local w = np.linspace(0, 1, #signal)\n"
  "local ws = host.weighted_sum(signal, w)\n"
  "assert(math.abs(ws - (signal * w):sum()) < 1e-9, 'weighted_sum')\n"
  "assert(not pcall(host.weighted_sum, signal:astype('float32'), w))\n"
  /* the spectrum's peak, for the host to keep */
  "spectrum = np.abs(np.fft.rfft(signal))\n"
  "return spectrum:argmax()\n";

static int fail(const char *what) {
  fprintf(stderr, "host: FAILED: %s\n", what);
  return 1;
}

int main(void) {
  lua_State *L = luaL_newstate();
  int64_t n = N, i, peak;
  lumpy_array *kept;
  lumpy_info info;
  double mean = 0, var = 0;
  int shared;
  for (i = 0; i < N; i++)                 /* 7 periods of a sine, offset 3 */
    samples[i] = 3 + 2 * sin(2 * M_PI * 7 * (double)i / N);

  luaL_openlibs(L);
  lumpy_openlib(L);   /* linked in statically */
  lua_pop(L, 1);
  lumpy_push_wrap(L, samples, LUMPY_FLOAT64, 1, &n, NULL, 0, give_back, NULL);
  lua_setglobal(L, "signal");
  lua_newtable(L);
  lua_pushcfunction(L, weighted_sum);
  lua_setfield(L, -2, "weighted_sum");
  lua_setglobal(L, "host");

  if (luaL_dostring(L, script) != 0) {
    fprintf(stderr, "host: script error: %s\n", lua_tostring(L, -1));
    return 1;
  }
  peak = lua_tointeger(L, -1);
  lua_getglobal(L, "spectrum");
  kept = lumpy_array_get(L, -1, &shared);      /* outlives the state */
  lua_close(L);

  for (i = 0; i < N; i++) mean += samples[i];
  mean /= N;
  for (i = 0; i < N; i++) var += (samples[i] - mean) * (samples[i] - mean);
  var /= N;
  printf("host: after the script: mean %.3g, variance %.15g\n", mean, var);
  if (fabs(mean) > 1e-12 || fabs(var - 1) > 1e-12) return fail("normalised in place");
  if (released != 1) return fail("the host buffer is given back exactly once");

  lumpy_array_info(kept, &info);
  printf("host: kept a %s array of %lld elements (shared: %d); peak at %lld\n",
         lumpy_dtype_name(info.dtype), (long long)info.size, shared,
         (long long)peak);
  if (info.dtype != LUMPY_FLOAT64 || info.size != N / 2 + 1 || !shared)
    return fail("the kept spectrum");
  if (peak != 7 + 1) return fail("the peak is at 7 periods (1-based 8)");
  /* a sine of amplitude sqrt(2) (unit deviation): |rfft| = N sqrt(2) / 2 */
  if (fabs(((double *)info.data)[7] - N * sqrt(2) / 2) > 1e-9)
    return fail("the peak's height");
  lumpy_array_release(kept);
  printf("host: ok\n");
  return 0;
}
