/*
** dispatch.c - chooses the SIMD level once per process: detects the CPU's
** features, checks that the build's baseline is there, applies
** LUMPY_DISABLE_CPU_FEATURES, and fills the dispatch table (simd.h) with
** the baseline build of src/simd/kernels.c overridden by each higher level
** the CPU can run. The levels compiled in come from the build
** (lpy_config.h, written by the Makefile from CPU_BASELINE/CPU_DISPATCH).
*/
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#if defined(__aarch64__) && defined(__linux__)
#include <sys/auxv.h>
#include <asm/hwcap.h>
#endif
#include "lpy_config.h"
#include "simd.h"

#define FILL_DECL(L, FEATURES) void lpy_simd_fill_##L(lpy_simd_table *t);
LPY_CFG_LEVELS(FILL_DECL)

typedef struct level {
  const char *name, *features;   /* features: cumulative, space separated */
  lpy_simd_fillfn fill;
} level;

#define LEVEL_ENTRY(L, FEATURES) {#L, FEATURES, lpy_simd_fill_##L},
static const level levels[] = {LPY_CFG_LEVELS(LEVEL_ENTRY)};  /* baseline first */
#define NLEVELS ((int)(sizeof levels / sizeof levels[0]))

static const char *const kernel_names[] = {
#define KNAME(k, fam) #k,
  LPY_SIMD_KERNELS(KNAME)
#undef KNAME
  "cast", "sum", "min", "max"
};
#define NKERNELS ((int)(sizeof kernel_names / sizeof kernel_names[0]))

static pthread_once_t once = PTHREAD_ONCE_INIT;
static lpy_simd_table table;                  /* the one in use */
static lpy_simd_table alone[NLEVELS];         /* baseline + one level */
static int runnable[NLEVELS];                 /* the CPU has its features */
static signed char kernel_level[NKERNELS];    /* index into levels */
static unsigned char kernel_vec[NKERNELS];
static lpy_simd_info info;
static char init_error[300];

/* ------------------------------------------------------- detection */
/* 1 if the CPU (and the OS, for the AVX register states) supports the
   feature named as NumPy names it; -1 for a name this build does not know */
static int cpu_has(const char *f) {
#if (defined(__x86_64__) || defined(__i386__)) && defined(__GNUC__)
#define X86(NAME, GCC) if (strcmp(f, NAME) == 0) return __builtin_cpu_supports(GCC) != 0;
  __builtin_cpu_init();
  X86("SSE", "sse") X86("SSE2", "sse2") X86("SSE3", "sse3")
  X86("SSSE3", "ssse3") X86("SSE41", "sse4.1") X86("POPCNT", "popcnt")
  X86("SSE42", "sse4.2") X86("AVX", "avx") X86("F16C", "f16c")
  X86("FMA3", "fma") X86("AVX2", "avx2") X86("AVX512F", "avx512f")
  X86("AVX512CD", "avx512cd") X86("AVX512BW", "avx512bw")
  X86("AVX512DQ", "avx512dq") X86("AVX512VL", "avx512vl")
#undef X86
#elif defined(__aarch64__) && defined(__linux__)
  unsigned long hw = getauxval(AT_HWCAP);
  if (strcmp(f, "NEON") == 0 || strcmp(f, "ASIMD") == 0 ||
      strcmp(f, "NEON_VFPV4") == 0)
    return (hw & HWCAP_ASIMD) != 0;
  if (strcmp(f, "NEON_FP16") == 0) return (hw & HWCAP_FP) != 0;
#else
  (void)f;
#endif
  return -1;
}

/* the table's tuning for this CPU's vendor (simd.h), and its description */
static unsigned cpu_tune(const char **what) {
#if (defined(__x86_64__) || defined(__i386__)) && defined(__GNUC__)
  __builtin_cpu_init();
  if (__builtin_cpu_is("intel")) {
    *what = "Intel: square root and division on 256-bit vectors at AVX-512";
    return LPY_TUNE_NARROW_DIV;
  }
#endif
  *what = "";
  return 0;
}

/* is word w one of the space-separated words of list */
static int has_word(const char *list, const char *w, size_t n) {
  const char *p = list;
  while (*p) {
    size_t k;
    while (*p == ' ') p++;
    k = strcspn(p, " ");
    if (k == n && k > 0 && memcmp(p, w, n) == 0) return 1;
    p += k;
  }
  return 0;
}

static void append(char *buf, size_t size, const char *w, size_t n) {
  size_t len = strlen(buf);
  if (len + n + 2 > size) return;
  if (len) buf[len++] = ' ';
  memcpy(buf + len, w, n);
  buf[len + n] = '\0';
}

/* LUMPY_DISABLE_CPU_FEATURES: names separated by spaces, commas or tabs */
static int apply_disable(const char *env, int *usable) {
  const char *p = env;
  while (*p) {
    size_t n;
    int k;
    while (*p == ' ' || *p == ',' || *p == '\t') p++;
    n = strcspn(p, " ,\t");
    if (n == 0) break;
    if (n >= 64 || !(has_word(LPY_CFG_FEATURES, p, n) ||
                     has_word(LPY_CFG_ALL_LEVELS, p, n))) {
      snprintf(init_error, sizeof init_error,
               "LUMPY_DISABLE_CPU_FEATURES: unknown CPU feature '%.*s' "
               "(features of this architecture: %s)", (int)(n < 64 ? n : 64), p,
               LPY_CFG_FEATURES);
      return -1;
    }
    if (has_word(levels[0].features, p, n) || (n == strlen(levels[0].name) &&
                                               memcmp(p, levels[0].name, n) == 0)) {
      snprintf(init_error, sizeof init_error,
               "LUMPY_DISABLE_CPU_FEATURES: cannot disable '%.*s': it is part "
               "of this build's baseline (%s: %s); rebuild with a lower "
               "CPU_BASELINE to run without it", (int)n, p, levels[0].name,
               levels[0].features);
      return -1;
    }
    for (k = 1; k < NLEVELS; k++)
      if (has_word(levels[k].features, p, n) ||
          (n == strlen(levels[k].name) && memcmp(p, levels[k].name, n) == 0))
        usable[k] = 0;
    append(info.disabled, sizeof info.disabled, p, n);
    p += n;
  }
  return 0;
}

/* the entries of src that are set override dst's; 1 if any did */
static void merge(lpy_simd_table *dst, const lpy_simd_table *src, int lev) {
  int k, t, u, r;
  for (k = 0; k < LPY_SK_COUNT; k++)
    for (t = 0; t < LPY_NTYPES; t++)
      if (src->loop[k][t]) {
        dst->loop[k][t] = src->loop[k][t];
        dst->vec[k][t] = src->vec[k][t];
        if (lev >= 0) {
          kernel_level[k] = (signed char)lev;
          kernel_vec[k] = src->vec[k][LPY_FLOAT64];
        }
      }
  for (t = 0; t < LPY_NTYPES; t++)
    for (u = 0; u < LPY_NTYPES; u++)
      if (src->cast[t][u]) {
        dst->cast[t][u] = src->cast[t][u];
        if (lev >= 0) kernel_level[LPY_SK_COUNT] = (signed char)lev;
      }
  for (r = 0; r < LPY_RED_COUNT; r++)
    for (t = 0; t < LPY_NTYPES; t++)
      if (src->reduce[r][t]) {
        dst->reduce[r][t] = src->reduce[r][t];
        if (lev >= 0) kernel_level[LPY_SK_COUNT + 1 + r] = (signed char)lev;
      }
}

static void init(void) {
  int usable[NLEVELS], k, i, top = 0;
  const char *env = getenv("LUMPY_DISABLE_CPU_FEATURES");
  char missing[128] = "";
  info.arch = LPY_CFG_ARCH;
  info.baseline = levels[0].name;
  info.baseline_features = levels[0].features;
  info.dispatch = LPY_CFG_DISPATCH;
  info.features = LPY_CFG_FEATURES;
  info.nlevels = NLEVELS;
  /* every feature the architecture knows, detected or not */
  {
    const char *p = LPY_CFG_FEATURES;
    while (*p) {
      char name[64];
      size_t n;
      while (*p == ' ') p++;
      n = strcspn(p, " ");
      if (n == 0) break;
      if (n < sizeof name) {
        memcpy(name, p, n);
        name[n] = '\0';
        if (cpu_has(name) == 1) append(info.detected, sizeof info.detected, p, n);
      }
      p += n;
    }
  }
  for (k = 0; k < NLEVELS; k++) {
    const char *p = levels[k].features;
    runnable[k] = 1;
    while (*p) {
      size_t n;
      while (*p == ' ') p++;
      n = strcspn(p, " ");
      if (n == 0) break;
      if (!has_word(info.detected, p, n)) {
        runnable[k] = 0;
        if (k == 0) append(missing, sizeof missing, p, n);
      }
      p += n;
    }
    usable[k] = runnable[k];
    info.level_names[k] = levels[k].name;
    info.level_features[k] = levels[k].features;
  }
  if (missing[0]) {
    snprintf(init_error, sizeof init_error,
             "this CPU lacks %s, which this build's baseline (%s) needs; "
             "rebuild with a lower CPU_BASELINE", missing, levels[0].name);
    return;
  }
  if (env && apply_disable(env, usable) != 0) return;
  for (i = 0; i < NKERNELS; i++) kernel_level[i] = -1;
  table.tune = cpu_tune(&info.tuning);
  levels[0].fill(&table);
  merge(&table, &table, 0);                 /* records the baseline levels */
  info.running = levels[0].name;
  for (k = 0; k < NLEVELS; k++) {
    alone[k] = table;
    if (k > 0 && runnable[k]) {
      lpy_simd_table t;
      memset(&t, 0, sizeof t);
      t.tune = table.tune;
      levels[k].fill(&t);
      merge(&alone[k], &t, -1);
    }
  }
  for (k = 1; k < NLEVELS; k++) {
    info.level_usable[k] = usable[k];
    if (!usable[k]) continue;
    merge(&table, &alone[k], k);
    info.running = levels[k].name;
    top = k;
  }
  /* the tuning changes AVX-512's loops only */
  if (!has_word(levels[top].features, "AVX512F", 7)) info.tuning = "";
  info.level_usable[0] = 1;
  info.ready = 1;
}

int lpy_simd_init(lpy_err *e) {
  pthread_once(&once, init);
  if (!info.ready) return lpy_err_set(e, LPY_ERUNTIME, "%s", init_error);
  return 0;
}

const lpy_simd_info *lpy_simd_get_info(void) {
  pthread_once(&once, init);
  return &info;
}

const lpy_simd_table *lpy_simd_table_get(void) {
  pthread_once(&once, init);
  return info.ready ? &table : NULL;
}

const lpy_simd_table *lpy_simd_level_table(const char *name) {
  int k;
  pthread_once(&once, init);
  if (!info.ready) return NULL;
  for (k = 0; k < NLEVELS; k++)
    if (strcmp(levels[k].name, name) == 0) return runnable[k] ? &alone[k] : NULL;
  return NULL;
}

const char *lpy_simd_kernel(int i, const char **lev, int *vec) {
  pthread_once(&once, init);
  if (i < 0 || i >= NKERNELS) return NULL;
  *lev = info.ready && kernel_level[i] >= 0 ? levels[kernel_level[i]].name : "none";
  *vec = i < LPY_SK_COUNT ? kernel_vec[i] : 1;
  return kernel_names[i];
}

lpy_loop lpy_simd_loop(const char *ufunc, lpy_dtype t, int *vec) {
  int k;
  const lpy_simd_table *tb = lpy_simd_table_get();
  if (!tb) return NULL;
  for (k = 0; k < LPY_SK_COUNT; k++)
    if (strcmp(kernel_names[k], ufunc) == 0) {
      *vec = tb->vec[k][t];
      return tb->loop[k][t];
    }
  return NULL;
}

const char *lpy_config(const char *key) {
  static const struct { const char *k, *v; } cfg[] = {
    {"compiler", LPY_CFG_CC}, {"cflags", LPY_CFG_CFLAGS},
    {"libs", LPY_CFG_LIBS}, {"cpu_baseline", LPY_CFG_CPU_BASELINE},
    {"cpu_dispatch", LPY_CFG_CPU_DISPATCH}, {"arch", LPY_CFG_ARCH},
    {"sleef", LPY_CFG_SLEEF}, {"blas", LPY_CFG_BLAS},
    {"blas_libs", LPY_CFG_BLAS_LIBS},
  };
  size_t i;
  for (i = 0; i < sizeof cfg / sizeof cfg[0]; i++)
    if (strcmp(cfg[i].k, key) == 0) return cfg[i].v;
  return NULL;
}
