/* bench/direct.c: timed direct calls of the libraries LumPy runs on, for the
 * benchmark runner (bench/run.lua): a row of bench/ops.lua that names
 * `direct = "dgemm 1024"` is also timed as that call made straight from C,
 * so the table can show LumPy's overhead over the library itself.
 * Not part of LumPy. Built by run.lua into bench/direct.so (no link flags:
 * the library is looked up among the objects already loaded, i.e. the very
 * one lumpy.so was linked against, with dl_iterate_phdr + dlsym).
 *
 *   local direct = package.loadlib("bench/direct.so", "luaopen_direct")()
 *   local d, err = direct.prepare("dgemm 1024")  -- nil, message if unknown
 *   local seconds = d:run(n)                     -- n calls, wall time
 *   print(d:info())                              -- "cblas_dgemm from /usr/lib/..."
 *
 * Kinds: "dgemm N", "sgemm N", "ddot N" (CBLAS), "fft N", "rfft N",
 * "fft2 N", "fftf N", "rfftf N" (FFTW). Adding a kind of call is one entry
 * of `kinds` below: a prepare function that looks its symbols up with
 * find_sym, allocates its inputs and fills the state's run/release. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <link.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <lua.h>
#include <lauxlib.h>

typedef struct state state;
struct state {
  void (*run)(state *s);          /* one call */
  void (*release)(state *s);
  void *fn;                       /* the library entry point */
  int ilp64;                      /* the entry point takes 64-bit integers */
  long n;
  void *buf[4];
  char info[512];
};

/* ------------------------------------------------ finding a symbol */
struct find { const char *name; void *sym; char path[400]; };

static int find_cb(struct dl_phdr_info *info, size_t size, void *data) {
  struct find *f = data;
  void *h;
  (void)size;
  if (f->sym || !info->dlpi_name || !info->dlpi_name[0]) return 0;
  h = dlopen(info->dlpi_name, RTLD_NOW | RTLD_NOLOAD);
  if (!h) return 0;
  f->sym = dlsym(h, f->name);
  if (f->sym) {   /* dlsym searches the object's dependencies too: name
                     the file that defines the symbol */
    Dl_info di;
    const char *path = dladdr(f->sym, &di) && di.dli_fname ? di.dli_fname
                                                             : info->dlpi_name;
    snprintf(f->path, sizeof f->path, "%s", path);
  }
  dlclose(h);
  return f->sym != NULL;
}

/* the first loaded object that defines name; path receives its file */
static void *find_sym(const char *name, char *path, size_t n) {
  struct find f;
  memset(&f, 0, sizeof f);
  f.name = name;
  dl_iterate_phdr(find_cb, &f);
  if (f.sym) snprintf(path, n, "%s", f.path);
  return f.sym;
}

/* ------------------------------------------------------------ gemm */
typedef void (*dgemm32)(int, int, int, int, int, int, double, const double *,
                        int, const double *, int, double, double *, int);
typedef void (*dgemm64)(int, int, int, int64_t, int64_t, int64_t, double,
                        const double *, int64_t, const double *, int64_t,
                        double, double *, int64_t);
typedef void (*sgemm32)(int, int, int, int, int, int, float, const float *,
                        int, const float *, int, float, float *, int);
typedef void (*sgemm64)(int, int, int, int64_t, int64_t, int64_t, float,
                        const float *, int64_t, const float *, int64_t,
                        float, float *, int64_t);

static void run_dgemm(state *s) {
  long n = s->n;
  if (s->ilp64) ((dgemm64)s->fn)(101, 111, 111, n, n, n, 1.0, s->buf[0], n, s->buf[1], n, 0.0, s->buf[2], n);
  else ((dgemm32)s->fn)(101, 111, 111, (int)n, (int)n, (int)n, 1.0, s->buf[0], (int)n, s->buf[1], (int)n, 0.0, s->buf[2], (int)n);
}

static void run_sgemm(state *s) {
  long n = s->n;
  if (s->ilp64) ((sgemm64)s->fn)(101, 111, 111, n, n, n, 1.0f, s->buf[0], n, s->buf[1], n, 0.0f, s->buf[2], n);
  else ((sgemm32)s->fn)(101, 111, 111, (int)n, (int)n, (int)n, 1.0f, s->buf[0], (int)n, s->buf[1], (int)n, 0.0f, s->buf[2], (int)n);
}

static void release_bufs(state *s) {
  int i;
  for (i = 0; i < 4; i++) { free(s->buf[i]); s->buf[i] = NULL; }
}

/* "dgemm N" / "sgemm N": C = A @ B, n x n, row-major, inputs all ones
   (the inputs of the matching bench rows) */
static const char *prep_gemm(state *s, const char *kind, const char *arg) {
  int dbl = kind[0] == 'd';
  size_t isz = dbl ? sizeof(double) : sizeof(float), i, nn;
  char sym[64], sym64[64];
  long n = strtol(arg, NULL, 10);
  if (n <= 0 || n > 100000) return "expected a size, e.g. \"dgemm 1024\"";
  char path[400];
  snprintf(sym, sizeof sym, "cblas_%s", kind);
  snprintf(sym64, sizeof sym64, "cblas_%s64_", kind);
  s->fn = find_sym(sym, path, sizeof path);
  if (!s->fn) { s->fn = find_sym(sym64, path, sizeof path); s->ilp64 = s->fn != NULL; }
  if (!s->fn) return "no loaded library defines the cblas gemm (load lumpy first)";
  snprintf(s->info, sizeof s->info, "%s from %s", s->ilp64 ? sym64 : sym, path);
  s->n = n;
  nn = (size_t)n * (size_t)n;
  for (i = 0; i < 3; i++) {
    s->buf[i] = aligned_alloc(64, (nn * isz + 63) / 64 * 64);
    if (!s->buf[i]) { release_bufs(s); return "out of memory"; }
  }
  for (i = 0; i < nn; i++) {
    if (dbl) { ((double *)s->buf[0])[i] = 1; ((double *)s->buf[1])[i] = 1; }
    else { ((float *)s->buf[0])[i] = 1; ((float *)s->buf[1])[i] = 1; }
  }
  s->run = dbl ? run_dgemm : run_sgemm;
  s->release = release_bufs;
  return NULL;
}

/* ------------------------------------------------------------ dot */
typedef double (*ddot32)(int, const double *, int, const double *, int);
typedef double (*ddot64)(int64_t, const double *, int64_t, const double *, int64_t);
static volatile double dot_sink;

static void run_ddot(state *s) {
  if (s->ilp64) dot_sink = ((ddot64)s->fn)(s->n, s->buf[0], 1, s->buf[1], 1);
  else dot_sink = ((ddot32)s->fn)((int)s->n, s->buf[0], 1, s->buf[1], 1);
}

/* "ddot N": the dot product of two all-ones vectors of N float64 */
static const char *prep_dot(state *s, const char *kind, const char *arg) {
  char sym[64], sym64[64], path[400];
  long n = strtol(arg, NULL, 10), i;
  if (n <= 0 || n > 1000000000L) return "expected a size, e.g. \"ddot 1000000\"";
  snprintf(sym, sizeof sym, "cblas_%s", kind);
  snprintf(sym64, sizeof sym64, "cblas_%s64_", kind);
  s->fn = find_sym(sym, path, sizeof path);
  if (!s->fn) { s->fn = find_sym(sym64, path, sizeof path); s->ilp64 = s->fn != NULL; }
  if (!s->fn) return "no loaded library defines cblas_ddot (load lumpy first)";
  snprintf(s->info, sizeof s->info, "%s from %s", s->ilp64 ? sym64 : sym, path);
  s->n = n;
  for (i = 0; i < 2; i++) {
    s->buf[i] = aligned_alloc(64, ((size_t)n * sizeof(double) + 63) / 64 * 64);
    if (!s->buf[i]) { release_bufs(s); return "out of memory"; }
  }
  for (i = 0; i < n; i++) { ((double *)s->buf[0])[i] = 1; ((double *)s->buf[1])[i] = 1; }
  s->run = run_ddot;
  s->release = release_bufs;
  return NULL;
}

/* ------------------------------------------------------------ FFTW */
/* "fft N", "rfft N", "fft2 N" (complex double, real-to-complex double, and
   an N x N complex 2-d transform) and "fftf N", "rfftf N" (single
   precision): fftw_execute of a plan made once with FFTW_ESTIMATE (LumPy's
   default planner), out of place, forward, on inputs filled with ones.
   The plan takes the thread count FFTW has in effect when it is made. */
typedef void *(*plan1)(int, void *, void *, int, unsigned);
typedef void *(*plan2)(int, int, void *, void *, int, unsigned);
typedef void *(*plan_r2c)(int, void *, void *, unsigned);
typedef void (*exec_fn)(void *);
typedef void (*destroy_fn)(void *);

static void run_fft(state *s) { ((exec_fn)s->fn)(s->buf[2]); }

static void release_fft(state *s) {
  if (s->buf[2] && s->buf[3]) ((destroy_fn)s->buf[3])(s->buf[2]);
  s->buf[2] = s->buf[3] = NULL;
  release_bufs(s);
}

static const char *prep_fft(state *s, const char *kind, const char *arg) {
  int single = kind[strlen(kind) - 1] == 'f' && strcmp(kind, "fft2") != 0;
  int real = kind[0] == 'r', twod = strcmp(kind, "fft2") == 0;
  const char *pre = single ? "fftwf_" : "fftw_";
  char sym[64], path[400];
  size_t rsz = single ? sizeof(float) : sizeof(double), n, total, i;
  void *plan_fn, *destroy;
  long v = strtol(arg, NULL, 10);
  if (v <= 0 || v > 100000000L || (twod && v > 20000))
    return "expected a length, e.g. \"fft 1048576\"";
  n = (size_t)v;
  total = twod ? n * n : n;
  snprintf(sym, sizeof sym, "%s%s", pre, real ? "plan_dft_r2c_1d" : twod ? "plan_dft_2d" : "plan_dft_1d");
  plan_fn = find_sym(sym, path, sizeof path);
  snprintf(sym, sizeof sym, "%sexecute", pre);
  s->fn = find_sym(sym, path, sizeof path);
  snprintf(sym, sizeof sym, "%sdestroy_plan", pre);
  destroy = find_sym(sym, path, sizeof path);
  if (!plan_fn || !s->fn || !destroy)
    return "no loaded library defines FFTW's planner (load lumpy first)";
  for (i = 0; i < 2; i++) {
    s->buf[i] = aligned_alloc(64, (total * 2 * rsz + 63) / 64 * 64);
    if (!s->buf[i]) { release_bufs(s); return "out of memory"; }
  }
  for (i = 0; i < total * 2; i++) {
    if (single) ((float *)s->buf[0])[i] = 1; else ((double *)s->buf[0])[i] = 1;
  }
  if (real) s->buf[2] = ((plan_r2c)plan_fn)((int)n, s->buf[0], s->buf[1], 64u);
  else if (twod) s->buf[2] = ((plan2)plan_fn)((int)n, (int)n, s->buf[0], s->buf[1], -1, 64u);
  else s->buf[2] = ((plan1)plan_fn)((int)n, s->buf[0], s->buf[1], -1, 64u);
  if (!s->buf[2]) { release_bufs(s); return "FFTW could not plan it"; }
  s->buf[3] = destroy;
  snprintf(s->info, sizeof s->info, "%sexecute from %s", pre, path);
  s->run = run_fft;
  s->release = release_fft;
  return NULL;
}

/* ------------------------------------------------------------ kinds */
static const struct {
  const char *kind;
  const char *(*prepare)(state *s, const char *kind, const char *arg);
} kinds[] = {
  {"dgemm", prep_gemm},
  {"sgemm", prep_gemm},
  {"ddot", prep_dot},
  {"fft", prep_fft}, {"rfft", prep_fft}, {"fft2", prep_fft},
  {"fftf", prep_fft}, {"rfftf", prep_fft},
  {NULL, NULL}
};

/* ------------------------------------------------------------- Lua */
#define MT "lumpy.bench.direct"

static int l_prepare(lua_State *L) {
  const char *spec = luaL_checkstring(L, 1), *arg, *err = "unknown kind";
  char kind[32];
  size_t len;
  int i;
  state *s;
  arg = strchr(spec, ' ');
  len = arg ? (size_t)(arg - spec) : strlen(spec);
  if (len >= sizeof kind) len = sizeof kind - 1;
  memcpy(kind, spec, len); kind[len] = 0;
  s = lua_newuserdatauv(L, sizeof *s, 0);
  memset(s, 0, sizeof *s);
  luaL_setmetatable(L, MT);
  for (i = 0; kinds[i].kind; i++)
    if (strcmp(kinds[i].kind, kind) == 0) {
      err = kinds[i].prepare(s, kind, arg ? arg + 1 : "");
      break;
    }
  if (err) {
    lua_pushnil(L);
    lua_pushfstring(L, "direct \"%s\": %s", spec, err);
    return 2;
  }
  return 1;
}

static int l_run(lua_State *L) {
  state *s = luaL_checkudata(L, 1, MT);
  lua_Integer n = luaL_checkinteger(L, 2), i;
  struct timespec t0, t1;
  if (!s->run) return luaL_error(L, "direct: released");
  clock_gettime(CLOCK_MONOTONIC, &t0);
  for (i = 0; i < n; i++) s->run(s);
  clock_gettime(CLOCK_MONOTONIC, &t1);
  lua_pushnumber(L, (lua_Number)(t1.tv_sec - t0.tv_sec) + (lua_Number)(t1.tv_nsec - t0.tv_nsec) * 1e-9);
  return 1;
}

static int l_info(lua_State *L) {
  state *s = luaL_checkudata(L, 1, MT);
  lua_pushstring(L, s->info);
  return 1;
}

static int l_gc(lua_State *L) {
  state *s = luaL_checkudata(L, 1, MT);
  if (s->release) s->release(s);
  s->run = NULL; s->release = NULL;
  return 0;
}

int luaopen_direct(lua_State *L) {
  static const luaL_Reg meths[] = {
    {"run", l_run}, {"info", l_info}, {"close", l_gc}, {NULL, NULL}
  };
  if (luaL_newmetatable(L, MT)) {
    luaL_newlib(L, meths);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, l_gc);
    lua_setfield(L, -2, "__gc");
  }
  lua_pop(L, 1);
  lua_newtable(L);
  lua_pushcfunction(L, l_prepare);
  lua_setfield(L, -2, "prepare");
  return 1;
}
