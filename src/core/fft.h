/*
** fft.h - discrete Fourier transforms on FFTW3 (np.fft's engine): one
** entry that runs a complex, real-to-complex or complex-to-real transform
** over some axes of an array through a cached FFTW guru plan, and the
** control of FFTW's planner (rigour, threads, wisdom) and of the plan cache.
** Plans are cached (bounded, least recently used evicted) by kind,
** precision, lengths, strides, alignment, direction, planner flags and
** thread count; the cache and every call into FFTW's planner sit behind
** one process-wide mutex, so several Lua states in several threads may
** transform at once (plans execute outside the lock, as FFTW allows).
** Nothing here allocates memory the caller must free.
*/
#ifndef LPY_FFT_H
#define LPY_FFT_H

#include "lpy.h"

enum { LPY_FFT_C2C, LPY_FFT_R2C, LPY_FFT_C2R };
enum { LPY_FFT_ESTIMATE, LPY_FFT_MEASURE, LPY_FFT_PATIENT };
#define LPY_FFT_CACHE_CAP 64

/* out = scale * DFT of in over the naxes 0-based, distinct axes (in that
   order; the last one is the halved axis of R2C / C2R).
   C2C: in and out complex64 or complex128 of one shape; inverse selects
   the +i sign. R2C: in float32/float64, out the matching complex dtype,
   out.shape[last] = in.shape[last]/2 + 1. C2R: in complex, out real,
   in.shape[last] = out.shape[last]/2 + 1; in is overwritten (FFTW's c2r
   destroys its input). Other axes: equal lengths. in may have any strides
   that are multiples of its element size (negative and zero included);
   out must be C-contiguous, not overlapping in. */
LPY_API int lpy_fft_exec(int kind, int inverse, const lpy_array *in,
                         lpy_array *out, int naxes, const int *axes,
                         double scale, lpy_err *e);

/* planner rigour (LPY_FFT_*); changing it empties the cache */
LPY_API void lpy_fft_set_planner(int mode);
LPY_API int lpy_fft_get_planner(void);
/* threads FFTW uses per transform (n >= 1); part of the cache key */
LPY_API int lpy_fft_set_threads(int n, lpy_err *e);
LPY_API int lpy_fft_get_threads(void);
/* destroy every cached plan not in use (those in use die when done) */
LPY_API void lpy_fft_cache_clear(void);
LPY_API void lpy_fft_cache_info(int64_t *size, int64_t *capacity,
                                int64_t *hits, int64_t *misses);
/* FFTW's wisdom (double and single precision) to / from a file */
LPY_API int lpy_fft_export_wisdom(const char *path, lpy_err *e);
LPY_API int lpy_fft_import_wisdom(const char *path, lpy_err *e);
/* FFTW's version string ("fftw-3.3.10-sse2-avx") */
LPY_API const char *lpy_fft_version(void);

#endif
