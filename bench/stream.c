/* bench/stream.c: the machine's "add" bandwidth, STREAM style, for bench/run.lua.
 * Not part of LumPy. Build: gcc -O3 -march=native -o bench/stream bench/stream.c
 *
 * c[i] = a[i] + b[i] over n float64 (default 1e7), arrays allocated 2 MiB aligned
 * (huge pages advised, as NumPy does for buffers >= 4 MiB) and pre-faulted. The
 * same C loop is compiled at three vector widths: on some CPUs (AMD Zen 4 here)
 * the widest is not the fastest for a memory-bound loop, so the bandwidth of the
 * machine is the best of them. A fourth kernel with non-temporal (cache-bypassing)
 * stores is reported for information only: it is not the plain add loop.
 * Each kernel runs once to warm up, then `reps` times (default 20), the kernels
 * taking turns so that they share the machine's noise. Bandwidth counts 24 bytes
 * per element (read a, read b, write c), as STREAM does.
 *
 * Output, one line per kernel, then the summary line of the plain-store kernels:
 *   kernel=<name> best_gbs=<x> median_gbs=<y> best_ms=<z>
 *   add best_gbs=<x> median_gbs=<y> best_ms=<z> kernel=<name> n=<n> reps=<r> check=<c>
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/mman.h>
#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define HAVE_NT 1
#endif

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static double *alloc(size_t n, double v) {
    size_t bytes = (n * sizeof(double) + 2097151) & ~(size_t)2097151;
    double *p = aligned_alloc(2097152, bytes);
    if (!p) { perror("stream: aligned_alloc"); exit(1); }
#ifdef MADV_HUGEPAGE
    madvise(p, bytes, MADV_HUGEPAGE);
#endif
    for (size_t i = 0; i < n; i++) p[i] = v;   /* pre-fault */
    return p;
}

typedef void kernel_fn(size_t, const double *restrict, const double *restrict, double *restrict);

/* noinline so that repeated calls cannot be merged or hoisted */
#define ADD_LOOP { for (size_t i = 0; i < n; i++) c[i] = a[i] + b[i]; }
#if defined(__GNUC__) && !defined(__clang__) && (defined(__x86_64__) || defined(__i386__))
#define WIDTH(w) __attribute__((noinline, target("prefer-vector-width=" #w)))
#else
#define WIDTH(w) __attribute__((noinline))
#endif
WIDTH(512) static void add_512(size_t n, const double *restrict a, const double *restrict b, double *restrict c) ADD_LOOP
WIDTH(256) static void add_256(size_t n, const double *restrict a, const double *restrict b, double *restrict c) ADD_LOOP
WIDTH(128) static void add_128(size_t n, const double *restrict a, const double *restrict b, double *restrict c) ADD_LOOP

#ifdef HAVE_NT
__attribute__((noinline))
static void add_nt(size_t n, const double *restrict a, const double *restrict b, double *restrict c) {
    size_t i = 0;                         /* c is 2 MiB aligned: stream from the start */
    for (; i + 2 <= n; i += 2)
        _mm_stream_pd(c + i, _mm_add_pd(_mm_loadu_pd(a + i), _mm_loadu_pd(b + i)));
    for (; i < n; i++) c[i] = a[i] + b[i];
    _mm_sfence();
}
#endif

static const struct { const char *name; kernel_fn *fn; int plain; } kernels[] = {
    { "vec512", add_512, 1 }, { "vec256", add_256, 1 }, { "vec128", add_128, 1 },
#ifdef HAVE_NT
    { "nontemporal", add_nt, 0 },
#endif
};
#define NK (sizeof kernels / sizeof kernels[0])

static int cmp(const void *x, const void *y) {
    double d = *(const double *)x - *(const double *)y;
    return (d > 0) - (d < 0);
}

int main(int argc, char **argv) {
    size_t n = argc > 1 ? (size_t)strtod(argv[1], NULL) : 10000000;
    int reps = argc > 2 ? atoi(argv[2]) : 20;
    if (n == 0 || reps <= 0) { fprintf(stderr, "usage: stream [n] [reps]\n"); return 2; }
    double *a = alloc(n, 1.0), *b = alloc(n, 2.0), *c = alloc(n, 0.0);
    double *t = malloc(sizeof(double) * (size_t)reps * NK);
    if (!t) return 1;
    for (size_t k = 0; k < NK; k++) kernels[k].fn(n, a, b, c);   /* warm-up */
    for (int r = 0; r < reps; r++) {
        for (size_t k = 0; k < NK; k++) {
            double t0 = now();
            kernels[k].fn(n, a, b, c);
            t[k * (size_t)reps + (size_t)r] = now() - t0;
            a[(size_t)r % n] += 1.0;                              /* keep each pass observable */
        }
    }
    double bytes = 24.0 * (double)n, best = 0, best_med = 0, best_ms = 0;
    const char *best_name = "?";
    for (size_t k = 0; k < NK; k++) {
        double *tk = t + k * (size_t)reps;
        qsort(tk, (size_t)reps, sizeof(double), cmp);
        double med = reps % 2 ? tk[reps / 2] : 0.5 * (tk[reps / 2 - 1] + tk[reps / 2]);
        double gbs = bytes / tk[0] * 1e-9;
        printf("kernel=%s best_gbs=%.3f median_gbs=%.3f best_ms=%.3f\n",
               kernels[k].name, gbs, bytes / med * 1e-9, tk[0] * 1e3);
        if (kernels[k].plain && gbs > best) {
            best = gbs; best_med = bytes / med * 1e-9; best_ms = tk[0] * 1e3; best_name = kernels[k].name;
        }
    }
    double check = 0;
    for (size_t i = 0; i < n; i += 4096) check += c[i];
    printf("add best_gbs=%.3f median_gbs=%.3f best_ms=%.3f kernel=%s n=%zu reps=%d check=%g\n",
           best, best_med, best_ms, best_name, n, reps, check);
    free(a); free(b); free(c); free(t);
    return 0;
}
