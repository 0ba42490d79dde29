/*
** sort.c - sorting, partitioning and binary search for every dtype, and the
** drivers that apply them to each line of an array along an axis.
**
** One source for all dtypes: DEFINE_SORTS expands the kernels for one C type
** and its order macro. The order puts nan last (for complex: by real part,
** then imaginary part, a nan in either part sorting after every number, as
** NumPy documents) and treats -0.0 and 0.0 as equal.
**   quicksort: introsort (median-of-3 quicksort, heapsort when the depth
**              runs out, insertion sort on short ranges);
**   stable:    top-down mergesort with insertion sort on short runs;
**   heapsort:  heapsort.
** Integer, bool and float dtypes also have an LSD radix sort on an
** order-preserving unsigned key (stable; used for quicksort and stable on
** long lines, where it is several times faster than comparison sorts).
** Partition is introselect: quickselect that falls back to heapsort, all
** kth of a call in one pass (each side keeps the kth that fall in it); on
** long ranges the pivot is the element of about the wanted rank in a
** sample of about sqrt(n), shifted so that the side kept next is short.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "lpy.h"
#include "ctypes.h"
#include "sort.h"

#define SMALL 16          /* insertion sort below this length */
#ifndef RADIX_MIN
#define RADIX_MIN 256     /* radix sort from this length on */
#endif

/* can the line at p be read as a C array of its type in place */
#define INPLACE(p, st, isz)                                                 \
  ((st) == (isz) &&                                                         \
   ((uintptr_t)(p) & (uintptr_t)(((isz) > 8 ? 8 : (isz)) - 1)) == 0)

#define BLOCK 64          /* partition's block of comparisons */
#ifndef SAMPLE_MIN
#define SAMPLE_MIN 512    /* select's pivot from a sample from this length on */
#endif

static int64_t isqrt64(int64_t n) {
  int64_t r = (int64_t)sqrt((double)n);
  while (r * r > n) r--;
  while ((r + 1) * (r + 1) <= n) r++;
  return r;
}

static int depth_limit(int64_t n) {
  int d = 0;
  while (n > 1) { n >>= 1; d++; }
  return 2 * d;
}

/* ------------------------------------------------------------ orders */
#define LT_I(a, b) ((a) < (b))
#define LT_F(a, b) ((a) < (b) || ((b) != (b) && (a) == (a)))
/* complex: real parts decide unless equal (or both nan), then imaginary
   parts; a number with a nan part goes after every number without one */
#define CLT(ar, ai, br, bi)                                                 \
  ((ar) < (br) ? ((ai) == (ai) || (bi) != (bi))                             \
   : (ar) > (br) ? ((bi) != (bi) && (ai) == (ai))                           \
   : ((ar) == (br) || ((ar) != (ar) && (br) != (br))) ? LT_F(ai, bi)        \
   : (br) != (br))
#define LT_C(a, b) CLT((a).re, (a).im, (b).re, (b).im)
/* x < p and x <= p in the order above for a pivot p that is not nan */
#define BLT_LT_I(x, p) ((x) < (p))
#define BLE_LT_I(x, p) ((x) <= (p))
#define BLT_LT_F(x, p) ((x) < (p))
#define BLE_LT_F(x, p) ((x) <= (p))
#define BLT_LT_C(x, p) LT_C(x, p)
#define BLE_LT_C(x, p) (!LT_C(p, x))
#define EQ_S(a, b) ((a) == (b))
#define EQ_C(a, b) ((a).re == (b).re && (a).im == (b).im)
#define NAN_NO(a) 0
#define NAN_F(a) ((a) != (a))
#define NAN_C(a) ((a).re != (a).re || (a).im != (a).im)

#define SWAP(T, x, y) do { T t_ = (x); (x) = (y); (y) = t_; } while (0)

/* ----------------------------------------------------- comparison sorts
   For the arg-variants, V(i) is the value at index slot i. */
#define DEFINE_SORTS(S, T, LT, ISNAN)                                       \
  static void insert_##S(T *v, int64_t n) {                                 \
    int64_t i, j;                                                           \
    for (i = 1; i < n; i++) {                                               \
      T x = v[i];                                                           \
      for (j = i; j > 0 && LT(x, v[j - 1]); j--) v[j] = v[j - 1];           \
      v[j] = x;                                                             \
    }                                                                       \
  }                                                                         \
  static void sift_##S(T *v, int64_t i, int64_t n) {                        \
    T x = v[i];                                                             \
    int64_t c;                                                              \
    while ((c = 2 * i + 1) < n) {                                           \
      if (c + 1 < n && LT(v[c], v[c + 1])) c++;                             \
      if (!LT(x, v[c])) break;                                              \
      v[i] = v[c];                                                          \
      i = c;                                                                \
    }                                                                       \
    v[i] = x;                                                               \
  }                                                                         \
  static void heap_##S(T *v, int64_t n) {                                   \
    int64_t i;                                                              \
    for (i = n / 2; i-- > 0;) sift_##S(v, i, n);                            \
    for (i = n - 1; i > 0; i--) {                                           \
      SWAP(T, v[0], v[i]);                                                  \
      sift_##S(v, 0, i);                                                    \
    }                                                                       \
  }                                                                         \
  /* median of three: v[0] <= v[m] <= v[n-1] for m = n / 2; returns m */ \
  static int64_t med3_##S(T *v, int64_t n) {                                \
    int64_t m = n >> 1;                                                     \
    if (LT(v[m], v[0])) SWAP(T, v[m], v[0]);                                \
    if (LT(v[n - 1], v[m])) {                                               \
      SWAP(T, v[n - 1], v[m]);                                              \
      if (LT(v[m], v[0])) SWAP(T, v[m], v[0]);                              \
    }                                                                       \
    return m;                                                               \
  }                                                                         \
  /* partition v[0..n-1] (n > SMALL) around the pivot v[m], 0 < m < n-1,    \
     given v[0] <= v[m] <= v[n-1]; returns the pivot's final position */    \
  static int64_t split_##S(T *v, int64_t n, int64_t m) {                    \
    int64_t i = 0, j = n - 2;                                               \
    T p = v[m];                                                             \
    SWAP(T, v[m], v[n - 2]);                                                \
    if (n > 4 * BLOCK && !ISNAN(p)) { /* blocks: comparisons, no branches */\
      T *l = v + 1, *r = v + n - 3;                                         \
      unsigned char ol[BLOCK], or_[BLOCK];                                  \
      int nl = 0, nr = 0, sl = 0, sr = 0, k, c;                             \
      while (r - l + 1 > 2 * BLOCK) {                                       \
        if (nl == 0) {   /* left elements that go right (>= p) */           \
          for (sl = 0, k = 0; k < BLOCK; k++) {                             \
            ol[nl] = (unsigned char)k; nl += !BLT_##LT(l[k], p);                  \
          }                                                                 \
        }                                                                   \
        if (nr == 0) {   /* right elements that go left (<= p) */           \
          for (sr = 0, k = 0; k < BLOCK; k++) {                             \
            or_[nr] = (unsigned char)k; nr += BLE_##LT(r[-k], p);                \
          }                                                                 \
        }                                                                   \
        c = nl < nr ? nl : nr;                                              \
        for (k = 0; k < c; k++)                                             \
          SWAP(T, l[ol[sl + k]], r[-(int64_t)or_[sr + k]]);                 \
        nl -= c; nr -= c; sl += c; sr += c;                                 \
        if (nl == 0) l += BLOCK;                                            \
        if (nr == 0) r -= BLOCK;                                            \
      }                                                                     \
      /* all before l are <= p, all after r >= p: scan the rest */          \
      i = l - v - 1; j = r - v + 1;                                         \
    }                                                                       \
    for (;;) { /* v[0] <= p and v[n-2] == p stop the scans */               \
      do i++; while (LT(v[i], p));                                          \
      do j--; while (LT(p, v[j]));                                          \
      if (i >= j) break;                                                    \
      SWAP(T, v[i], v[j]);                                                  \
    }                                                                       \
    SWAP(T, v[i], v[n - 2]);                                                \
    return i;                                                               \
  }                                                                         \
  static int64_t part_##S(T *v, int64_t n) {                                \
    return split_##S(v, n, med3_##S(v, n));                                 \
  }                                                                         \
  static void quick_##S(T *v, int64_t n, int depth) {                       \
    while (n > SMALL) {                                                     \
      int64_t i;                                                            \
      if (depth-- == 0) { heap_##S(v, n); return; }                         \
      i = part_##S(v, n);                                                   \
      if (i < n - 1 - i) { quick_##S(v, i, depth); v += i + 1; n -= i + 1; }\
      else { quick_##S(v + i + 1, n - i - 1, depth); n = i; }               \
    }                                                                       \
    insert_##S(v, n);                                                       \
  }                                                                         \
  /* stable; w has room for n/2 elements */                                 \
  static void merge_##S(T *v, int64_t n, T *w) {                            \
    int64_t h, i, j, k;                                                     \
    if (n <= SMALL) { insert_##S(v, n); return; }                           \
    h = n >> 1;                                                             \
    merge_##S(v, h, w);                                                     \
    merge_##S(v + h, n - h, w);                                             \
    if (!LT(v[h], v[h - 1])) return;                                        \
    memcpy(w, v, (size_t)h * sizeof(T));                                    \
    for (i = 0, j = h, k = 0; i < h && j < n;)                              \
      v[k++] = LT(v[j], w[i]) ? v[j++] : w[i++];                            \
    while (i < h) v[k++] = w[i++];                                          \
  }                                                                         \
  static void select_##S(T *v, int64_t lo, int64_t hi, const int64_t *kth, \
                         int nk, int depth);                                \
  /* a pivot for selecting the 0-based rank r of v[0..n-1] (n > SMALL):     \
     on long ranges the element of rank about r in a sample of about       \
     sqrt(n) (moved to the front), shifted by bias * sqrt(sample) ranks so \
     that the side kept next is short; returns m with v[0] <= v[m] <=      \
     v[n-1], 0 < m < n-1 */                                                 \
  static int64_t pivot_##S(T *v, int64_t n, int64_t r, int bias) {          \
    int64_t s, step, t, rs, gap;                                            \
    if (n < SAMPLE_MIN) return med3_##S(v, n);                              \
    s = isqrt64(n);                                                         \
    step = n / s;                                                           \
    for (t = 1; t < s; t++) SWAP(T, v[t], v[t * step]);                     \
    gap = isqrt64(s);                                                       \
    rs = (int64_t)((double)r / (double)n * (double)s) + bias * gap;         \
    if (rs < 1) rs = 1;                                                     \
    if (rs > s - 2) rs = s - 2;                                             \
    select_##S(v, 0, s, &rs, 1, depth_limit(s));                            \
    SWAP(T, v[s - 1], v[n - 1]);                                            \
    return rs;                                                              \
  }                                                                         \
  /* put the elements of the nk ascending distinct ranks kth (within        \
     [lo, hi)) of v where a sort puts them, the rest on the right sides */ \
  static void select_##S(T *v, int64_t lo, int64_t hi, const int64_t *kth, \
                         int nk, int depth) {                               \
    while (nk > 0 && hi - lo > SMALL) {                                     \
      int64_t i, n = hi - lo, r;                                            \
      int a, b, bias = 0;                                                   \
      if (depth-- == 0) { heap_##S(v + lo, n); return; }                    \
      if (nk == 1) {                                                        \
        r = kth[0] - lo;                                                    \
        bias = r < n / 2 ? 1 : -1;                                          \
      } else {           /* the rank nearest the middle, unbiased */        \
        int best = 0;                                                       \
        for (a = 1; a < nk; a++)                                            \
          if (llabs(2 * (kth[a] - lo) - n) < llabs(2 * (kth[best] - lo) - n)) \
            best = a;                                                       \
        r = kth[best] - lo;                                                 \
      }                                                                     \
      i = lo + split_##S(v + lo, n, pivot_##S(v + lo, n, r, bias));         \
      for (a = 0; a < nk && kth[a] < i; a++) {}                             \
      b = (a < nk && kth[a] == i) ? a + 1 : a;                              \
      if (a > 0 && b < nk) select_##S(v, lo, i, kth, a, depth);             \
      if (b < nk) { lo = i + 1; kth += b; nk -= b; }                        \
      else { hi = i; nk = a; }                                              \
    }                                                                       \
    if (nk > 0) insert_##S(v + lo, hi - lo);                                \
  }                                                                         \
  /* ---- arg-variants: sort the index slots x[] by v[x[.]] */              \
  static void ainsert_##S(const T *v, int64_t *x, int64_t n) {              \
    int64_t i, j;                                                           \
    for (i = 1; i < n; i++) {                                               \
      int64_t t = x[i];                                                     \
      T y = v[t];                                                           \
      for (j = i; j > 0 && LT(y, v[x[j - 1]]); j--) x[j] = x[j - 1];        \
      x[j] = t;                                                             \
    }                                                                       \
  }                                                                         \
  static void asift_##S(const T *v, int64_t *x, int64_t i, int64_t n) {     \
    int64_t t = x[i], c;                                                    \
    while ((c = 2 * i + 1) < n) {                                           \
      if (c + 1 < n && LT(v[x[c]], v[x[c + 1]])) c++;                       \
      if (!LT(v[t], v[x[c]])) break;                                        \
      x[i] = x[c];                                                          \
      i = c;                                                                \
    }                                                                       \
    x[i] = t;                                                               \
  }                                                                         \
  static void aheap_##S(const T *v, int64_t *x, int64_t n) {                \
    int64_t i;                                                              \
    for (i = n / 2; i-- > 0;) asift_##S(v, x, i, n);                        \
    for (i = n - 1; i > 0; i--) {                                           \
      SWAP(int64_t, x[0], x[i]);                                            \
      asift_##S(v, x, 0, i);                                                \
    }                                                                       \
  }                                                                         \
  static int64_t apart_##S(const T *v, int64_t *x, int64_t n) {             \
    int64_t m = n >> 1, i = 0, j = n - 2;                                   \
    T p;                                                                    \
    if (LT(v[x[m]], v[x[0]])) SWAP(int64_t, x[m], x[0]);                    \
    if (LT(v[x[n - 1]], v[x[m]])) {                                         \
      SWAP(int64_t, x[n - 1], x[m]);                                        \
      if (LT(v[x[m]], v[x[0]])) SWAP(int64_t, x[m], x[0]);                  \
    }                                                                       \
    p = v[x[m]];                                                            \
    SWAP(int64_t, x[m], x[n - 2]);                                          \
    for (;;) {                                                              \
      do i++; while (LT(v[x[i]], p));                                       \
      do j--; while (LT(p, v[x[j]]));                                       \
      if (i >= j) break;                                                    \
      SWAP(int64_t, x[i], x[j]);                                            \
    }                                                                       \
    SWAP(int64_t, x[i], x[n - 2]);                                          \
    return i;                                                               \
  }                                                                         \
  static void aquick_##S(const T *v, int64_t *x, int64_t n, int depth) {    \
    while (n > SMALL) {                                                     \
      int64_t i;                                                            \
      if (depth-- == 0) { aheap_##S(v, x, n); return; }                     \
      i = apart_##S(v, x, n);                                               \
      if (i < n - 1 - i) { aquick_##S(v, x, i, depth); x += i + 1; n -= i + 1; } \
      else { aquick_##S(v, x + i + 1, n - i - 1, depth); n = i; }           \
    }                                                                       \
    ainsert_##S(v, x, n);                                                   \
  }                                                                         \
  static void amerge_##S(const T *v, int64_t *x, int64_t n, int64_t *w) {   \
    int64_t h, i, j, k;                                                     \
    if (n <= SMALL) { ainsert_##S(v, x, n); return; }                       \
    h = n >> 1;                                                             \
    amerge_##S(v, x, h, w);                                                 \
    amerge_##S(v, x + h, n - h, w);                                         \
    if (!LT(v[x[h]], v[x[h - 1]])) return;                                  \
    memcpy(w, x, (size_t)h * sizeof(int64_t));                              \
    for (i = 0, j = h, k = 0; i < h && j < n;)                              \
      x[k++] = LT(v[x[j]], v[w[i]]) ? x[j++] : w[i++];                      \
    while (i < h) x[k++] = w[i++];                                          \
  }                                                                         \
  static void aselect_##S(const T *v, int64_t *x, int64_t n, int64_t kth) { \
    int64_t lo = 0, hi = n;                                                 \
    int depth = depth_limit(n);                                             \
    while (hi - lo > SMALL) {                                               \
      int64_t i;                                                            \
      if (depth-- == 0) { aheap_##S(v, x + lo, hi - lo); return; }          \
      i = lo + apart_##S(v, x + lo, hi - lo);                               \
      if (kth == i) return;                                                 \
      if (kth < i) hi = i; else lo = i + 1;                                 \
    }                                                                       \
    ainsert_##S(v, x + lo, hi - lo);                                        \
  }                                                                         \
  static void search_##S(const T *a, int64_t n, const int64_t *sorter,      \
                         const T *v, int64_t m, int right, int64_t *out,    \
                         int64_t base) {                                    \
    int64_t i;                                                              \
    int64_t lo = 0, hi = n;                                                 \
    for (i = 0; i < m; i++) {                                               \
      T key = v[i];                                                         \
      /* keys often come sorted: start from the last key's answer */        \
      if (i > 0 && LT(v[i - 1], key)) hi = n;                               \
      else { lo = 0; hi = hi < n ? hi + 1 : n; }                            \
      while (lo < hi) {                                                     \
        int64_t mid = lo + ((hi - lo) >> 1);                                \
        T y = sorter ? a[sorter[mid]] : a[mid];                             \
        int go_right = right ? !LT(key, y) : LT(y, key);                    \
        if (go_right) lo = mid + 1; else hi = mid;                          \
      }                                                                     \
      out[i] = lo + base;                                                   \
      hi = lo;                                                              \
    }                                                                       \
  }

/* ---------------------------------------------------------- radix sort
   LSD radix sort on 8-bit digits of KEY(x), an unsigned integer whose order
   is the sort order; digits that are the same in every key are skipped. */
static inline uint64_t key_f64(double x) {
  uint64_t u;
  if (x != x) return UINT64_MAX;
  x += 0.0;                          /* -0.0 -> 0.0 */
  memcpy(&u, &x, sizeof u);
  return u ^ ((uint64_t)-(int64_t)(u >> 63) | (UINT64_C(1) << 63));
}
static inline uint32_t key_f32(float x) {
  uint32_t u;
  if (x != x) return UINT32_MAX;
  x += 0.0f;
  memcpy(&u, &x, sizeof u);
  return u ^ ((uint32_t)-(int32_t)(u >> 31) | (UINT32_C(1) << 31));
}
#define KEY_U(U, x) ((U)(x))
#define KEY_S(U, x) ((U)(x) ^ ((U)1 << (sizeof(U) * 8 - 1)))
#define KEY_F32(U, x) key_f32(x)
#define KEY_F64(U, x) key_f64(x)

/* offsets from the histogram of one digit; 0 when the digit is the same
   in all n keys */
static int radix_offsets(size_t *cnt, int64_t n) {
  size_t sum = 0, t;
  int d;
  for (d = 0; d < 256; d++)
    if (cnt[d] == (size_t)n) return 0;
  for (d = 0; d < 256; d++) { t = cnt[d]; cnt[d] = sum; sum += t; }
  return 1;
}

#define DEFINE_RADIX(S, T, U, KEY)                                          \
  /* w has room for n elements */                                           \
  static void radix_##S(T *v, int64_t n, T *w) {                            \
    size_t cnt[sizeof(U)][256];                                             \
    T *src = v, *dst = w, *tp;                                              \
    int64_t i;                                                              \
    unsigned b;                                                             \
    memset(cnt, 0, sizeof cnt);                                             \
    for (i = 0; i < n; i++) {                                               \
      U k = KEY(U, v[i]);                                                   \
      for (b = 0; b < sizeof(U); b++) cnt[b][(k >> (8 * b)) & 255]++;       \
    }                                                                       \
    for (b = 0; b < sizeof(U); b++) {                                       \
      size_t *o = cnt[b];                                                   \
      if (!radix_offsets(o, n)) continue;                                   \
      for (i = 0; i < n; i++) {                                             \
        T y = src[i];                                                       \
        dst[o[(KEY(U, y) >> (8 * b)) & 255]++] = y;                         \
      }                                                                     \
      tp = src; src = dst; dst = tp;                                        \
    }                                                                       \
    if (src != v) memcpy(v, src, (size_t)n * sizeof(T));                    \
  }                                                                         \
  /* stable sort of the index slots x[] by v[x[.]]; w (8-byte aligned)   \
     has room for n * (2 * sizeof(U) + 8) bytes: the slots first, so that  \
     they stay aligned whatever n and sizeof(U) are */                      \
  static void aradix_##S(const T *v, int64_t *x, int64_t n, void *w) {      \
    size_t cnt[sizeof(U)][256];                                             \
    int64_t *x1 = x, *x2 = (int64_t *)w, *tx;                               \
    U *k1 = (U *)(x2 + n), *k2 = k1 + n, *tk;                               \
    int64_t i;                                                              \
    unsigned b;                                                             \
    memset(cnt, 0, sizeof cnt);                                             \
    for (i = 0; i < n; i++) {                                               \
      U k = KEY(U, v[x[i]]);                                                \
      k1[i] = k;                                                            \
      for (b = 0; b < sizeof(U); b++) cnt[b][(k >> (8 * b)) & 255]++;       \
    }                                                                       \
    for (b = 0; b < sizeof(U); b++) {                                       \
      size_t *o = cnt[b];                                                   \
      if (!radix_offsets(o, n)) continue;                                   \
      for (i = 0; i < n; i++) {                                             \
        U k = k1[i];                                                        \
        size_t p = o[(k >> (8 * b)) & 255]++;                               \
        k2[p] = k;                                                          \
        x2[p] = x1[i];                                                      \
      }                                                                     \
      tk = k1; k1 = k2; k2 = tk;                                            \
      tx = x1; x1 = x2; x2 = tx;                                            \
    }                                                                       \
    if (x1 != x) memcpy(x, x1, (size_t)n * sizeof(int64_t));                \
  }

/* X(suffix, C type, order, equality, nan test) for every dtype; R(suffix,
   C type, key type, key) for the dtypes with a radix sort */
#define SORT_TYPES(X)                                                       \
  X(b, uint8_t, LT_I, EQ_S, NAN_NO) X(i8, int8_t, LT_I, EQ_S, NAN_NO)       \
  X(i16, int16_t, LT_I, EQ_S, NAN_NO) X(i32, int32_t, LT_I, EQ_S, NAN_NO)   \
  X(i64, int64_t, LT_I, EQ_S, NAN_NO) X(u8, uint8_t, LT_I, EQ_S, NAN_NO)    \
  X(u16, uint16_t, LT_I, EQ_S, NAN_NO) X(u32, uint32_t, LT_I, EQ_S, NAN_NO) \
  X(u64, uint64_t, LT_I, EQ_S, NAN_NO) X(f32, float, LT_F, EQ_S, NAN_F)     \
  X(f64, double, LT_F, EQ_S, NAN_F) X(c64, lpy_c64, LT_C, EQ_C, NAN_C)      \
  X(c128, lpy_c128, LT_C, EQ_C, NAN_C)
#define RADIX_TYPES(R)                                                      \
  R(b, uint8_t, uint8_t, KEY_U) R(i8, int8_t, uint8_t, KEY_S)               \
  R(i16, int16_t, uint16_t, KEY_S) R(i32, int32_t, uint32_t, KEY_S)         \
  R(i64, int64_t, uint64_t, KEY_S) R(u8, uint8_t, uint8_t, KEY_U)           \
  R(u16, uint16_t, uint16_t, KEY_U) R(u32, uint32_t, uint32_t, KEY_U)       \
  R(u64, uint64_t, uint64_t, KEY_U) R(f32, float, uint32_t, KEY_F32)        \
  R(f64, double, uint64_t, KEY_F64)

#define X_SORTS(S, T, LT, EQ, ISNAN) DEFINE_SORTS(S, T, LT, ISNAN)
SORT_TYPES(X_SORTS)
#define R_RADIX(S, T, U, KEY) DEFINE_RADIX(S, T, U, KEY)
RADIX_TYPES(R_RADIX)

/* --------------------------------------------- type-erased entry points */
#define X_ENTRIES(S, T, LT, EQ, ISNAN)                                      \
  static void sortv_##S(void *v, int64_t n, int kind, void *w) {            \
    if (kind == LPY_SORT_HEAP) heap_##S((T *)v, n);                         \
    else if (kind == LPY_SORT_STABLE) merge_##S((T *)v, n, (T *)w);         \
    else quick_##S((T *)v, n, depth_limit(n));                              \
  }                                                                         \
  static void asortv_##S(const void *v, int64_t *x, int64_t n, int kind,    \
                         void *w) {                                         \
    if (kind == LPY_SORT_HEAP) aheap_##S((const T *)v, x, n);               \
    else if (kind == LPY_SORT_STABLE)                                       \
      amerge_##S((const T *)v, x, n, (int64_t *)w);                         \
    else aquick_##S((const T *)v, x, n, depth_limit(n));                    \
  }                                                                         \
  static void selectv_##S(void *v, int64_t n, const int64_t *k, int nk) {   \
    select_##S((T *)v, 0, n, k, nk, depth_limit(n));                        \
  }                                                                         \
  static void aselectv_##S(const void *v, int64_t *x, int64_t n, int64_t k) {\
    aselect_##S((const T *)v, x, n, k);                                     \
  }                                                                         \
  static void searchv_##S(const void *a, int64_t n, const int64_t *s,       \
                          const void *v, int64_t m, int r, int64_t *o,      \
                          int64_t base) {                                   \
    search_##S((const T *)a, n, s, (const T *)v, m, r, o, base);            \
  }                                                                         \
  static int lessv_##S(const void *a, const void *b) {                      \
    T x, y;                                                                 \
    memcpy(&x, a, sizeof x); memcpy(&y, b, sizeof y);                       \
    return LT(x, y);                                                        \
  }                                                                         \
  static int equalv_##S(const void *a, const void *b) {                     \
    T x, y;                                                                 \
    memcpy(&x, a, sizeof x); memcpy(&y, b, sizeof y);                       \
    return EQ(x, y);                                                        \
  }                                                                         \
  /* flags[i] = (x[i] equals an element of the sorted y) != invert */      \
  static void member_##S(const void *vy, int64_t n, const void *vx,         \
                         int64_t m, int invert, char *flags) {              \
    const T *y = (const T *)vy, *x = (const T *)vx;                         \
    int64_t i;                                                              \
    for (i = 0; i < m; i++) {                                               \
      T key = x[i];                                                         \
      int64_t lo = 0, hi = n;                                               \
      while (lo < hi) {                                                     \
        int64_t mid = lo + ((hi - lo) >> 1);                                \
        if (LT(y[mid], key)) lo = mid + 1; else hi = mid;                   \
      }                                                                     \
      flags[i] = (char)((lo < n && EQ(y[lo], key)) != invert);             \
    }                                                                       \
  }                                                                         \
  static int64_t runs_##S(const void *va, int64_t n, int eqnan,             \
                          int64_t *st) {                                    \
    const T *a = (const T *)va;                                             \
    int64_t i, r = 0;                                                       \
    if (n == 0) return 0;                                                   \
    st[r++] = 0;                                                            \
    for (i = 1; i < n; i++) {                                               \
      if (eqnan && ISNAN(a[i])) {                                           \
        if (!ISNAN(a[i - 1])) st[r++] = i;                                  \
        break;                                                              \
      }                                                                     \
      if (!EQ(a[i], a[i - 1])) st[r++] = i;                                 \
    }                                                                       \
    return r;                                                               \
  }
SORT_TYPES(X_ENTRIES)

#define R_ENTRIES(S, T, U, KEY)                                             \
  static void rsortv_##S(void *v, int64_t n, void *w) {                     \
    radix_##S((T *)v, n, (T *)w);                                           \
  }                                                                         \
  static void arsortv_##S(const void *v, int64_t *x, int64_t n, void *w) {  \
    aradix_##S((const T *)v, x, n, w);                                      \
  }
RADIX_TYPES(R_ENTRIES)

/* membership through a table of the values of y, for integer dtypes whose
   range in y is small (as NumPy's kind="table"): 0 when not used */
#define R_TABLE(S, T, U, KEY)                                               \
  static int table_##S(const void *vy, int64_t n, const void *vx,          \
                       int64_t m, int invert, char *flags) {                \
    const T *y = (const T *)vy, *x = (const T *)vx;                         \
    T lo = y[0], hi = y[0];                                                 \
    uint64_t range, d;                                                      \
    int64_t i;                                                              \
    char *tab;                                                              \
    for (i = 1; i < n; i++) {                                               \
      if (y[i] < lo) lo = y[i];                                             \
      if (y[i] > hi) hi = y[i];                                             \
    }                                                                       \
    range = (uint64_t)hi - (uint64_t)lo;                                    \
    if (range >= (uint64_t)6 * (uint64_t)(m + n) || range >= (1u << 30))    \
      return 0;                                                             \
    tab = lpy_alloc((size_t)range + 1, 1);                                  \
    if (!tab) return 0;                                                     \
    for (i = 0; i < n; i++) tab[(uint64_t)y[i] - (uint64_t)lo] = 1;         \
    for (i = 0; i < m; i++) {                                               \
      T v = x[i];                                                           \
      d = (uint64_t)v - (uint64_t)lo;                                       \
      flags[i] = (char)((v >= lo && v <= hi && tab[d]) != invert);          \
    }                                                                       \
    lpy_free(tab, (size_t)range + 1);                                       \
    return 1;                                                               \
  }
#define INT_RADIX_TYPES(R)                                                  \
  R(b, uint8_t, uint8_t, KEY_U) R(i8, int8_t, uint8_t, KEY_S)               \
  R(i16, int16_t, uint16_t, KEY_S) R(i32, int32_t, uint32_t, KEY_S)         \
  R(i64, int64_t, uint64_t, KEY_S) R(u8, uint8_t, uint8_t, KEY_U)           \
  R(u16, uint16_t, uint16_t, KEY_U) R(u32, uint32_t, uint32_t, KEY_U)       \
  R(u64, uint64_t, uint64_t, KEY_U)
INT_RADIX_TYPES(R_TABLE)

typedef struct sortops {
  void (*sort)(void *v, int64_t n, int kind, void *w);
  void (*asort)(const void *v, int64_t *x, int64_t n, int kind, void *w);
  void (*rsort)(void *v, int64_t n, void *w);           /* NULL: none */
  void (*arsort)(const void *v, int64_t *x, int64_t n, void *w);
  void (*select)(void *v, int64_t n, const int64_t *k, int nk);
  void (*aselect)(const void *v, int64_t *x, int64_t n, int64_t k);
  void (*search)(const void *a, int64_t n, const int64_t *s, const void *v,
                 int64_t m, int r, int64_t *o, int64_t base);
  int (*less)(const void *a, const void *b);
  int (*equal)(const void *a, const void *b);
  int64_t (*runs)(const void *a, int64_t n, int eqnan, int64_t *st);
  void (*member)(const void *y, int64_t n, const void *x, int64_t m,
                 int invert, char *flags);
  int (*table)(const void *y, int64_t n, const void *x, int64_t m,
               int invert, char *flags);           /* NULL: none */
} sortops;

#define OPS_R(S) sortv_##S, asortv_##S, rsortv_##S, arsortv_##S
#define OPS_N(S) sortv_##S, asortv_##S, NULL, NULL
#define OPS_REST(S) selectv_##S, aselectv_##S, searchv_##S, lessv_##S,       \
                    equalv_##S, runs_##S, member_##S, table_##S
#define table_f32 NULL
#define table_f64 NULL
#define table_c64 NULL
#define table_c128 NULL
static const sortops OPS[LPY_NTYPES] = {
  {OPS_R(b), OPS_REST(b)},     {OPS_R(i8), OPS_REST(i8)},
  {OPS_R(i16), OPS_REST(i16)}, {OPS_R(i32), OPS_REST(i32)},
  {OPS_R(i64), OPS_REST(i64)}, {OPS_R(u8), OPS_REST(u8)},
  {OPS_R(u16), OPS_REST(u16)}, {OPS_R(u32), OPS_REST(u32)},
  {OPS_R(u64), OPS_REST(u64)}, {OPS_R(f32), OPS_REST(f32)},
  {OPS_R(f64), OPS_REST(f64)}, {OPS_N(c64), OPS_REST(c64)},
  {OPS_N(c128), OPS_REST(c128)},
};

/* sort n contiguous values; w: scratch of n elements */
static void sort_line(const sortops *op, void *v, int64_t n, int kind, void *w) {
  if (op->rsort && kind != LPY_SORT_HEAP && n >= RADIX_MIN) op->rsort(v, n, w);
  else op->sort(v, n, kind, w);
}
/* arg-sort the slots x[]; w: scratch of n * (2 * itemsize + 8) bytes */
static void asort_line(const sortops *op, const void *v, int64_t *x,
                       int64_t n, int kind, void *w) {
  if (op->arsort && kind != LPY_SORT_HEAP && n >= RADIX_MIN) op->arsort(v, x, n, w);
  else op->asort(v, x, n, kind, w);
}

int lpy_sort_less(lpy_dtype t, const char *a, const char *b) { return OPS[t].less(a, b); }
int lpy_sort_equal(lpy_dtype t, const char *a, const char *b) { return OPS[t].equal(a, b); }

/* searchsorted of floats without a sorter: the same search as search_##S,
   but the key's nan test is made once per key instead of at every step
   (for a key that is not nan, LT_F(y, key) is y < key and !LT_F(key, y)
   is key >= y) */
#define FSEARCH_STEPS(T, GO_RIGHT)                                          \
  while (lo < hi) {                                                         \
    int64_t mid = lo + ((hi - lo) >> 1);                                    \
    T y = a[mid];                                                           \
    if (GO_RIGHT) lo = mid + 1; else hi = mid;                              \
  }
#define X_FSEARCH(S, T)                                                     \
  static void fsearch_##S(const T *a, int64_t n, const T *v, int64_t m,    \
                          int right, int64_t *out, int64_t base) {          \
    int64_t i, lo = 0, hi = n;                                              \
    for (i = 0; i < m; i++) {                                               \
      T key = v[i];                                                         \
      if (i > 0 && LT_F(v[i - 1], key)) hi = n;                             \
      else { lo = 0; hi = hi < n ? hi + 1 : n; }                            \
      if (key != key) {                                                     \
        if (right) FSEARCH_STEPS(T, !LT_F(key, y))                          \
        else FSEARCH_STEPS(T, LT_F(y, key))                                 \
      } else if (right) FSEARCH_STEPS(T, key >= y)                          \
      else FSEARCH_STEPS(T, y < key)                                        \
      out[i] = lo + base;                                                   \
      hi = lo;                                                              \
    }                                                                       \
  }
X_FSEARCH(f32, float)
X_FSEARCH(f64, double)

void lpy_searchsorted(lpy_dtype t, const char *a, int64_t n,
                      const int64_t *sorter, const char *v, int64_t m,
                      int right, int64_t *out, int64_t base) {
  if (!sorter && t == LPY_FLOAT64)
    fsearch_f64((const double *)a, n, (const double *)v, m, right, out, base);
  else if (!sorter && t == LPY_FLOAT32)
    fsearch_f32((const float *)a, n, (const float *)v, m, right, out, base);
  else OPS[t].search(a, n, sorter, v, m, right, out, base);
}

int lpy_in1d(lpy_dtype t, const char *x, int64_t m, char *y, int64_t n,
             int invert, char *flags, lpy_err *e) {
  const sortops *op = &OPS[t];
  size_t isz = (size_t)lpy_itemsize(t);
  void *w;
  if (n == 0) {
    memset(flags, invert, (size_t)m);
    return 0;
  }
  if (op->table && op->table(y, n, x, m, invert, flags)) return 0;
  w = lpy_alloc((size_t)n * isz, 0);
  if (!w) return lpy_err_set(e, LPY_EMEMORY, "out of memory");
  sort_line(op, y, n, LPY_SORT_QUICK, w);
  lpy_free(w, (size_t)n * isz);
  op->member(y, n, x, m, invert, flags);
  return 0;
}

/* --------------------------------------------------------- line drivers */
/* Call f once per line along 'axis' of nop arrays of one shape, with a
   pointer to the line's first element in each. */
typedef void (*linefn)(void *ctx, char **p);

static void each_line(int nop, const lpy_array *const *arrs, int axis,
                      linefn f, void *ctx) {
  const lpy_array *a = arrs[0];
  int64_t shp[LPY_MAXDIMS], st[4][LPY_MAXDIMS], cnt[LPY_MAXDIMS];
  char *p[4];
  int nd = 0, k, i;
  for (k = 0; k < a->ndim; k++) {
    if (k == axis) continue;
    if (a->shape[k] == 0) return;
    shp[nd] = a->shape[k];
    for (i = 0; i < nop; i++) st[i][nd] = arrs[i]->strides[k];
    cnt[nd++] = 0;
  }
  for (i = 0; i < nop; i++) p[i] = arrs[i]->data;
  for (;;) {
    f(ctx, p);
    for (k = nd - 1; k >= 0; k--) {
      if (++cnt[k] < shp[k]) {
        for (i = 0; i < nop; i++) p[i] += st[i][k];
        break;
      }
      for (i = 0; i < nop; i++) p[i] -= st[i][k] * (shp[k] - 1);
      cnt[k] = 0;
    }
    if (k < 0) break;
  }
}

typedef struct linectx {
  const sortops *op;
  int64_t n, stride, ostride, base;
  int isz, kind;
  const int64_t *kth;
  int nk;
  char *buf;           /* a contiguous copy of the line (n elements) */
  int64_t *idx;        /* n index slots */
  void *work;          /* sorting scratch */
} linectx;

static void gather(char *dst, const char *src, int64_t n, int64_t st, int isz) {
  int64_t i;
  if (st == isz) { memcpy(dst, src, (size_t)(n * isz)); return; }
  for (i = 0; i < n; i++, src += st, dst += isz) memcpy(dst, src, (size_t)isz);
}
static void scatter(char *dst, const char *src, int64_t n, int64_t st, int isz) {
  int64_t i;
  if (st == isz) { memcpy(dst, src, (size_t)(n * isz)); return; }
  for (i = 0; i < n; i++, dst += st, src += isz) memcpy(dst, src, (size_t)isz);
}
static void put_idx(const linectx *c, char *out) {
  int64_t i;
  for (i = 0; i < c->n; i++, out += c->ostride)
    *(int64_t *)out = c->idx[i] + c->base;
}
static void iota(int64_t *x, int64_t n) {
  int64_t i;
  for (i = 0; i < n; i++) x[i] = i;
}

static void sort_fn(void *vc, char **p) {
  linectx *c = (linectx *)vc;
  char *v = INPLACE(p[0], c->stride, c->isz) ? p[0] : c->buf;
  if (v != p[0]) gather(v, p[0], c->n, c->stride, c->isz);
  sort_line(c->op, v, c->n, c->kind, c->work);
  if (v != p[0]) scatter(p[0], v, c->n, c->stride, c->isz);
}
static void argsort_fn(void *vc, char **p) {
  linectx *c = (linectx *)vc;
  char *v = INPLACE(p[0], c->stride, c->isz) ? p[0] : c->buf;
  if (v != p[0]) gather(v, p[0], c->n, c->stride, c->isz);
  iota(c->idx, c->n);
  asort_line(c->op, v, c->idx, c->n, c->kind, c->work);
  put_idx(c, p[1]);
}
static void part_fn(void *vc, char **p) {
  linectx *c = (linectx *)vc;
  char *v = INPLACE(p[0], c->stride, c->isz) ? p[0] : c->buf;
  if (v != p[0]) gather(v, p[0], c->n, c->stride, c->isz);
  c->op->select(v, c->n, c->kth, c->nk);    /* every kth (ascending) at once */
  if (v != p[0]) scatter(p[0], v, c->n, c->stride, c->isz);
}
static void argpart_fn(void *vc, char **p) {
  linectx *c = (linectx *)vc;
  char *v = INPLACE(p[0], c->stride, c->isz) ? p[0] : c->buf;
  int64_t lo = 0;
  int j;
  if (v != p[0]) gather(v, p[0], c->n, c->stride, c->isz);
  iota(c->idx, c->n);
  for (j = 0; j < c->nk; j++) {
    c->op->aselect(v, c->idx + lo, c->n - lo, c->kth[j] - lo);
    lo = c->kth[j] + 1;
  }
  put_idx(c, p[1]);
}

/* scratch for lines of n elements: a line buffer, index slots and the
   sorting work; 0 or an error */
static size_t work_bytes(const linectx *c, int want_idx) {
  return (size_t)c->n * (want_idx ? (size_t)(2 * c->isz + 8) : (size_t)c->isz);
}
static int setup(linectx *c, const lpy_array *a, int axis, int kind,
                 int want_idx, lpy_err *e) {
  int64_t n = a->shape[axis];
  memset(c, 0, sizeof *c);
  c->op = &OPS[a->dtype];
  c->isz = lpy_itemsize(a->dtype);
  c->n = n;
  c->kind = kind;
  c->stride = a->strides[axis];
  if (n > INT64_MAX / (2 * 16 + 8))
    return lpy_err_set(e, LPY_EMEMORY, "array is too large to sort");
  c->buf = lpy_alloc((size_t)(n * c->isz), 0);
  c->work = lpy_alloc(work_bytes(c, want_idx), 0);
  if (want_idx) c->idx = lpy_alloc((size_t)n * sizeof(int64_t), 0);
  if (!c->buf || !c->work || (want_idx && !c->idx))
    return lpy_err_set(e, LPY_EMEMORY, "out of memory");
  return 0;
}
static void teardown(linectx *c, int want_idx) {
  if (c->buf) lpy_free(c->buf, (size_t)(c->n * c->isz));
  if (c->work) lpy_free(c->work, work_bytes(c, want_idx));
  if (c->idx) lpy_free(c->idx, (size_t)c->n * sizeof(int64_t));
}

/* apply f to every line of a (and out, when given) along axis */
static int run(const lpy_array *a, lpy_array *out, int axis, int kind,
               const int64_t *kth, int nk, int64_t base, linefn f, lpy_err *e) {
  linectx c;
  const lpy_array *arrs[2];
  int want_idx = out != NULL, st;
  if (axis < 0 || axis >= a->ndim)
    return lpy_err_set(e, LPY_EVALUE, "axis out of range");
  if (a->size == 0) return 0;
  st = setup(&c, a, axis, kind, want_idx, e);
  if (st == 0) {
    c.kth = kth; c.nk = nk; c.base = base;
    c.ostride = out ? out->strides[axis] : 0;
    arrs[0] = a; arrs[1] = out;
    each_line(want_idx ? 2 : 1, arrs, axis, f, &c);
  }
  teardown(&c, want_idx);
  return st;
}

int lpy_sort(lpy_array *a, int axis, int kind, lpy_err *e) {
  if (!(a->flags & LPY_WRITEABLE))
    return lpy_err_set(e, LPY_EVALUE, "array is read-only");
  return run(a, NULL, axis, kind, NULL, 0, 0, sort_fn, e);
}
int lpy_argsort(const lpy_array *a, int axis, int kind, lpy_array *out,
                int64_t base, lpy_err *e) {
  return run(a, out, axis, kind, NULL, 0, base, argsort_fn, e);
}
int lpy_partition(lpy_array *a, int axis, const int64_t *kth, int nk,
                  lpy_err *e) {
  if (!(a->flags & LPY_WRITEABLE))
    return lpy_err_set(e, LPY_EVALUE, "array is read-only");
  return run(a, NULL, axis, LPY_SORT_QUICK, kth, nk, 0, part_fn, e);
}
int lpy_argpartition(const lpy_array *a, int axis, const int64_t *kth,
                     int nk, lpy_array *out, int64_t base, lpy_err *e) {
  return run(a, out, axis, LPY_SORT_QUICK, kth, nk, base, argpart_fn, e);
}

/* ------------------------------------------------------------- lexsort */
/* one more key: stably re-sort the positions already in out */
static void lexstep_fn(void *vc, char **p) {
  linectx *c = (linectx *)vc;
  char *v = INPLACE(p[0], c->stride, c->isz) ? p[0] : c->buf, *o = p[1];
  int64_t i;
  if (v != p[0]) gather(v, p[0], c->n, c->stride, c->isz);
  for (i = 0; i < c->n; i++, o += c->ostride) c->idx[i] = *(int64_t *)o;
  asort_line(c->op, v, c->idx, c->n, LPY_SORT_STABLE, c->work);
  put_idx(c, p[1]);
}

int lpy_lexsort(int nkeys, const lpy_array *const *keys, int axis,
                lpy_array *out, int64_t base, lpy_err *e) {
  int k, st = 0;
  for (k = 0; k < nkeys && st == 0; k++)
    st = run(keys[k], out, axis, LPY_SORT_STABLE, NULL, 0,
             k == nkeys - 1 ? base : 0, k == 0 ? argsort_fn : lexstep_fn, e);
  return st;
}

/* ------------------------------------------------------------- rows */
typedef struct rows {
  const sortops *op;
  const char *d;
  int64_t m;
  int isz;
} rows;

static int row_less(const rows *r, int64_t i, int64_t j) {
  const char *a = r->d + i * r->m * r->isz, *b = r->d + j * r->m * r->isz;
  int64_t k;
  for (k = 0; k < r->m; k++, a += r->isz, b += r->isz) {
    if (r->op->less(a, b)) return 1;
    if (r->op->less(b, a)) return 0;
  }
  return 0;
}
static void row_merge(const rows *r, int64_t *x, int64_t n, int64_t *w) {
  int64_t h, i, j, k;
  if (n <= SMALL) {
    for (i = 1; i < n; i++) {
      int64_t t = x[i];
      for (j = i; j > 0 && row_less(r, t, x[j - 1]); j--) x[j] = x[j - 1];
      x[j] = t;
    }
    return;
  }
  h = n >> 1;
  row_merge(r, x, h, w);
  row_merge(r, x + h, n - h, w);
  if (!row_less(r, x[h], x[h - 1])) return;
  memcpy(w, x, (size_t)h * sizeof(int64_t));
  for (i = 0, j = h, k = 0; i < h && j < n;)
    x[k++] = row_less(r, x[j], w[i]) ? x[j++] : w[i++];
  while (i < h) x[k++] = w[i++];
}

int lpy_argsort_rows(lpy_dtype t, const char *data, int64_t n, int64_t m,
                     int64_t *idx, lpy_err *e) {
  rows r;
  int64_t *w;
  iota(idx, n);
  if (n < 2) return 0;
  w = lpy_alloc((size_t)(n / 2 + 1) * sizeof(int64_t), 0);
  if (!w) return lpy_err_set(e, LPY_EMEMORY, "out of memory");
  r.op = &OPS[t]; r.d = data; r.m = m; r.isz = lpy_itemsize(t);
  row_merge(&r, idx, n, w);
  lpy_free(w, (size_t)(n / 2 + 1) * sizeof(int64_t));
  return 0;
}

int64_t lpy_sort_runs(lpy_dtype t, const char *a, int64_t n, int64_t m,
                      int equal_nan, int64_t *starts) {
  const sortops *op = &OPS[t];
  int isz = lpy_itemsize(t);
  int64_t i, k, r = 0;
  if (m == 1) return op->runs(a, n, equal_nan, starts);
  if (n == 0) return 0;
  starts[r++] = 0;
  for (i = 1; i < n; i++) {
    const char *x = a + i * m * isz, *y = x - m * isz;
    for (k = 0; k < m; k++)
      if (!op->equal(x + k * isz, y + k * isz)) break;
    if (k < m) starts[r++] = i;
  }
  return r;
}

/* ------------------------------------------------------------- nonzero */
/* TRUTH(x): the element is nonzero (for floats -0.0 is zero, nan is not) */
#define TR_S(x) ((x) != 0)
#define TR_C(x) ((x).re != 0 || (x).im != 0)
#define NZ_TYPES(X)                                                         \
  X(u8, uint8_t, TR_S) X(u16, uint16_t, TR_S) X(u32, uint32_t, TR_S)        \
  X(u64, uint64_t, TR_S) X(f32, float, TR_S) X(f64, double, TR_S)           \
  X(c64, lpy_c64, TR_C) X(c128, lpy_c128, TR_C)

/* count the nonzero elements of a line of n elements, stride st; and list
   the positions of those elements (p0 + i) into out: each position is
   stored and out advances past the nonzero ones only, so the list stops
   once out reaches cap, the end of the buffer (every nonzero element has
   been listed by then; the next store would land past the end) */
#define X_NZ(S, T, TRUTH)                                                   \
  static int64_t nzcount_##S(const char *p, int64_t n, int64_t st) {       \
    int64_t i, c = 0;                                                       \
    if (INPLACE(p, st, (int64_t)sizeof(T))) {                               \
      const T *v = (const T *)p;                                            \
      for (i = 0; i < n; i++) c += TRUTH(v[i]);                             \
    } else {                                                                \
      for (i = 0; i < n; i++, p += st) {                                    \
        T x;                                                                \
        memcpy(&x, p, sizeof x);                                            \
        c += TRUTH(x);                                                      \
      }                                                                     \
    }                                                                       \
    return c;                                                               \
  }                                                                         \
  static int64_t *nzlist_##S(const char *p, int64_t n, int64_t st,         \
                             int64_t *out, int64_t p0, const int64_t *cap) { \
    int64_t i;                                                              \
    for (i = 0; i < n && out < cap; i++, p += st) {                         \
      T x;                                                                  \
      memcpy(&x, p, sizeof x);                                              \
      *out = p0 + i;                                                        \
      out += TRUTH(x);                                                      \
    }                                                                       \
    return out;                                                             \
  }
NZ_TYPES(X_NZ)

/* bytes (bool, int8, uint8) in contiguous lines: 64 at a time as a bit
   mask of the nonzero ones. The count is the masks' popcounts; the list
   takes each byte of a mask to its set bits' positions through a table
   and writes all eight slots, advancing by the number of set bits (no
   test per position), which may write up to eight slots past the last
   true one: only while the buffer has room for them (cap is its end) */
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
static uint64_t nzbits64(const char *p) {
  uint64_t zero = 0;
  int k;
#if defined(__SSE2__)
  const __m128i z = _mm_setzero_si128();
  for (k = 0; k < 4; k++) {
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + 16 * k));
    zero |= (uint64_t)(uint16_t)_mm_movemask_epi8(_mm_cmpeq_epi8(v, z)) << (16 * k);
  }
#else
  for (k = 0; k < 64; k++) zero |= (uint64_t)(p[k] == 0) << k;
#endif
  return ~zero;
}

/* bitpos[b]: the positions of b's set bits, lowest first */
static uint8_t bitpos[256][8];

__attribute__((constructor)) static void bitpos_init(void) {
  int b, k, j;
  for (b = 0; b < 256; b++)
    for (k = j = 0; k < 8; k++)
      if (b >> k & 1) bitpos[b][j++] = (uint8_t)k;
}

static int64_t nzcount_bytes(const char *p, int64_t n, int64_t st) {
  int64_t i, c = 0;
  if (st != 1) return nzcount_u8(p, n, st);
  for (i = 0; i + 64 <= n; i += 64) c += __builtin_popcountll(nzbits64(p + i));
  return c + nzcount_u8(p + i, n - i, 1);
}

static int64_t *nzlist_bytes(const char *p, int64_t n, int64_t st,
                             int64_t *out, int64_t p0, const int64_t *cap) {
  int64_t i;
  if (st != 1) return nzlist_u8(p, n, st, out, p0, cap);
  for (i = 0; i + 64 <= n; i += 64) {
    uint64_t m = nzbits64(p + i);
    int64_t at = p0 + i;
    if (m == 0) continue;
    if (cap - out >= 64) {
      int k, j;
      for (k = 0; k < 64; k += 8) {
        const uint8_t *t = bitpos[m >> k & 255];
        for (j = 0; j < 8; j++) out[j] = at + k + t[j];
        out += __builtin_popcountll(m >> k & 255);
      }
    } else {
      for (; m; m &= m - 1) *out++ = at + __builtin_ctzll(m);
    }
  }
  return nzlist_u8(p + i, n - i, 1, out, p0 + i, cap);
}

typedef struct nzops {
  int64_t (*count)(const char *p, int64_t n, int64_t st);
  int64_t *(*list)(const char *p, int64_t n, int64_t st, int64_t *out,
                   int64_t p0, const int64_t *cap);
} nzops;

static nzops nz_ops(lpy_dtype t) {
  static const nzops by_size[] = {
    {nzcount_bytes, nzlist_bytes}, {nzcount_u16, nzlist_u16},
    {nzcount_u32, nzlist_u32}, {nzcount_u64, nzlist_u64}};
  switch (t) {
  case LPY_FLOAT32: return (nzops){nzcount_f32, nzlist_f32};
  case LPY_FLOAT64: return (nzops){nzcount_f64, nzlist_f64};
  case LPY_COMPLEX64: return (nzops){nzcount_c64, nzlist_c64};
  case LPY_COMPLEX128: return (nzops){nzcount_c128, nzlist_c128};
  default: {   /* bool and integers: nonzero bits */
    int s = lpy_itemsize(t);
    return by_size[s == 1 ? 0 : s == 2 ? 1 : s == 4 ? 2 : 3];
  }
  }
}

/* visit the lines along the last axis of a in C order: f(ctx, line
   pointer, index of the line's first element in C order, its multi-index) */
typedef struct nzctx {
  nzops op;
  int nd, flat;
  int64_t n, st, count, base, *out, *tmp, *cap;
} nzctx;

static void each_row(const lpy_array *a, void (*f)(nzctx *, const char *,
                     int64_t, const int64_t *), nzctx *c) {
  int64_t cnt[LPY_MAXDIMS] = {0}, flat;
  const char *p = a->data;
  int k, nd = a->ndim - 1;
  if (a->size == 0) return;
  for (flat = 0;; flat += c->n) {
    f(c, p, flat, cnt);
    for (k = nd - 1; k >= 0; k--) {
      if (++cnt[k] < a->shape[k]) { p += a->strides[k]; break; }
      p -= a->strides[k] * (a->shape[k] - 1);
      cnt[k] = 0;
    }
    if (k < 0) break;
  }
}

static void count_fn(nzctx *c, const char *p, int64_t flat, const int64_t *ix) {
  c->count += c->op.count(p, c->n, c->st);
}
static void list_fn(nzctx *c, const char *p, int64_t flat, const int64_t *ix) {
  int64_t *end, *q;
  int k;
  if (c->flat) {
    end = c->op.list(p, c->n, c->st, c->out, flat + c->base, c->cap);
    c->out = end;
    return;
  }
  /* positions along the last axis first, then widen to coordinates */
  end = c->op.list(p, c->n, c->st, c->tmp, c->base, c->tmp + c->n + 1);
  for (q = c->tmp; q < end; q++) {
    for (k = 0; k < c->nd - 1; k++) *c->out++ = ix[k] + c->base;
    *c->out++ = *q;
  }
}

static void nz_setup(nzctx *c, const lpy_array *a) {
  memset(c, 0, sizeof *c);
  c->op = nz_ops(a->dtype);
  c->nd = a->ndim;
  c->n = a->ndim ? a->shape[a->ndim - 1] : 1;
  c->st = a->ndim ? a->strides[a->ndim - 1] : 0;
}

int64_t lpy_count_nonzero(const lpy_array *a) {
  nzctx c;
  nz_setup(&c, a);
  each_row(a, count_fn, &c);
  return c.count;
}

int lpy_nonzero(const lpy_array *a, int flat, int64_t *coords, int64_t count,
                int64_t base, lpy_err *e) {
  nzctx c;
  nz_setup(&c, a);
  c.flat = flat || a->ndim <= 1;
  c.base = base;
  c.out = coords;
  c.cap = coords + count;
  if (!c.flat) {
    c.tmp = lpy_alloc((size_t)(c.n + 1) * sizeof(int64_t), 0);
    if (!c.tmp) return lpy_err_set(e, LPY_EMEMORY, "out of memory");
  }
  each_row(a, list_fn, &c);
  if (c.tmp) lpy_free(c.tmp, (size_t)(c.n + 1) * sizeof(int64_t));
  return 0;
}
