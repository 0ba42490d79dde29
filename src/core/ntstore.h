/*
** ntstore.h - long contiguous outputs written with non-temporal stores. An
** output of LPY_NT_MIN bytes or more cannot stay in the caches, and its
** inputs stream through them anyway, so its lines are better written
** without being read first. LPY_NT_RUN computes the output a block at a
** time into a buffer on the stack, with the same expression as the plain
** loop (which the compiler vectorizes), and streams each block out. x86-64
** only; elsewhere LPY_NT_RUN does nothing and the plain loop does it all.
** Internal to the core, for loopdefs.h and convdefs.h.
*/
#ifndef LPY_NTSTORE_H
#define LPY_NTSTORE_H

#include <stdint.h>

#define LPY_NT_MIN ((int64_t)16 << 20)

#if defined(__x86_64__)
#include <emmintrin.h>
/* bytes of output a block: a cast's, and a comparison's. A comparison reads
   8-16 input bytes for each byte it writes, and streaming its output in
   smaller blocks measured 3-7% faster on 1e7 elements (less, float32 and
   float64); casts measured best at the larger block. */
#define LPY_NT_BLOCK 2048
#define LPY_NT_CMP_BLOCK 512

static inline void lpy_nt_stream(char *d, const char *buf, int len) {
  int j;
  for (j = 0; j < len; j += 16)
    _mm_stream_si128((__m128i *)(d + j), _mm_load_si128((const __m128i *)(buf + j)));
}

/* With OT *O, int64_t i (where to start) and n in scope: element k_ of
   the output is EXPR, an expression of k_. Written one by one up to a
   16-byte boundary, then in whole blocks of BLK bytes streamed out; i is
   left at the first element not written (for the caller's plain loop). */
#define LPY_NT_RUN(BLK, OT, O, EXPR)                                       \
  {                                                                        \
    enum { K_ = (BLK) / (int)sizeof(OT) };                                 \
    OT buf_[K_] __attribute__((aligned(16)));                              \
    int64_t j_, k_;                                                        \
    for (; i < n && ((uintptr_t)(O + i) & 15); i++) {                      \
      k_ = i;                                                              \
      O[i] = (EXPR);                                                       \
    }                                                                      \
    for (; i + K_ <= n; i += K_) {                                         \
      for (j_ = 0; j_ < K_; j_++) {                                        \
        k_ = i + j_;                                                       \
        buf_[j_] = (EXPR);                                                 \
      }                                                                    \
      lpy_nt_stream((char *)(O + i), (const char *)buf_, (int)sizeof buf_); \
    }                                                                      \
    _mm_sfence();                                                          \
  }
#else
#define LPY_NT_RUN(BLK, OT, O, EXPR)
#endif

#endif
