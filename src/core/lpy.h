/*
** lpy.h - the LumPy C core: dtypes, buffers, arrays, iteration, casting, ufuncs.
** Pure C: nothing here knows about Lua. Functions that can fail return an
** int status (0 = ok) and fill a caller-owned lpy_err; they never longjmp.
** Ownership: a function returning lpy_array* or lpy_buffer* hands the caller
** one reference; release it with lpy_array_free / lpy_buffer_decref.
*/
#ifndef LPY_H
#define LPY_H

#include <stddef.h>
#include <stdint.h>

#define LPY_MAXDIMS 32
#define LPY_ALIGN 64

#if defined(__GNUC__)
#define LPY_API __attribute__((visibility("hidden")))
#define LPY_LIKELY(x) __builtin_expect(!!(x), 1)
#define LPY_UNLIKELY(x) __builtin_expect(!!(x), 0)
#else
#define LPY_API
#define LPY_LIKELY(x) (x)
#define LPY_UNLIKELY(x) (x)
#endif

/* ---------------------------------------------------------------- errors */
enum { LPY_OK = 0, LPY_EVALUE, LPY_ETYPE, LPY_EMEMORY, LPY_EINDEX,
       LPY_EZERODIV, LPY_ERUNTIME };

typedef struct lpy_err {
  int code;
  char msg[400];
} lpy_err;

LPY_API int lpy_err_set(lpy_err *e, int code, const char *fmt, ...)
#if defined(__GNUC__)
  __attribute__((format(printf, 3, 4)))
#endif
  ;

/* ---------------------------------------------------------------- dtypes */
typedef enum lpy_dtype {
  LPY_BOOL, LPY_INT8, LPY_INT16, LPY_INT32, LPY_INT64,
  LPY_UINT8, LPY_UINT16, LPY_UINT32, LPY_UINT64,
  LPY_FLOAT32, LPY_FLOAT64, LPY_COMPLEX64, LPY_COMPLEX128,
  LPY_NTYPES
} lpy_dtype;

enum { LPY_KIND_BOOL, LPY_KIND_INT, LPY_KIND_UINT, LPY_KIND_FLOAT,
       LPY_KIND_COMPLEX };

typedef struct lpy_dtype_info {
  const char *name;   /* "float64" */
  const char *str;    /* NumPy's dtype.str: "<f8" */
  char kind;          /* NumPy kind char: b i u f c */
  char code;          /* NumPy type char: ? b h i l B H I L f d F D */
  int size;           /* bytes per element */
  int kindn;          /* LPY_KIND_* */
} lpy_dtype_info;

LPY_API extern const lpy_dtype_info lpy_dtypes[LPY_NTYPES];
#define lpy_itemsize(t) (lpy_dtypes[t].size)
#define lpy_kind(t) (lpy_dtypes[t].kindn)
#define lpy_isint(t) (lpy_kind(t) == LPY_KIND_INT || lpy_kind(t) == LPY_KIND_UINT)
#define lpy_isfloat(t) (lpy_kind(t) == LPY_KIND_FLOAT)
#define lpy_iscomplex(t) (lpy_kind(t) == LPY_KIND_COMPLEX)
#define lpy_isinexact(t) (lpy_kind(t) >= LPY_KIND_FLOAT)
/* the alignment the C type of an element needs (a complex one: its part's) */
#define lpy_alignment(t) (lpy_iscomplex(t) ? lpy_itemsize(t) / 2 : lpy_itemsize(t))

/* parse a dtype name ("float32", "f4", "<f4", "int", "float", "complex",
   "bool", "?"...); returns -1 when unknown */
LPY_API int lpy_dtype_parse(const char *s);
/* NumPy's promote_types */
LPY_API lpy_dtype lpy_promote(lpy_dtype a, lpy_dtype b);
/* the real dtype of a complex one (complex64 -> float32), else itself */
LPY_API lpy_dtype lpy_dtype_real(lpy_dtype t);
/* can every value of 'from' be represented in 'to' ("safe" casting) */
LPY_API int lpy_can_cast_safe(lpy_dtype from, lpy_dtype to);

/* Weak scalars (NEP 50): what dtype does a Lua number / complex take when
   combined with an array of dtype t */
enum { LPY_WEAK_INT = 1, LPY_WEAK_FLOAT, LPY_WEAK_COMPLEX };
LPY_API lpy_dtype lpy_promote_weak(lpy_dtype t, int weakkind);

/* ---------------------------------------------------------------- buffers */
/* A refcounted block of memory, 64-byte aligned when LumPy allocates it. */
typedef struct lpy_buffer lpy_buffer;
struct lpy_buffer {
  long refcount;          /* atomic */
  size_t nbytes;
  char *data;
  void (*release)(lpy_buffer *b);   /* NULL: LumPy's own allocation */
  void *ud;
};

/* new buffer of n bytes (uninitialised, or zeroed when zero != 0) */
LPY_API lpy_buffer *lpy_buffer_new(size_t n, int zero, lpy_err *e);
/* a buffer over memory LumPy does not own: fn(data, ud) (may be NULL) runs
   when the last reference goes; on failure fn has run already */
LPY_API lpy_buffer *lpy_buffer_wrap(void *data, size_t n,
                                    void (*fn)(void *data, void *ud), void *ud,
                                    lpy_err *e);
LPY_API void lpy_buffer_incref(lpy_buffer *b);
LPY_API void lpy_buffer_decref(lpy_buffer *b);
/* raw aligned allocation used for buffers and scratch space */
LPY_API void *lpy_alloc(size_t n, int zero);
LPY_API void lpy_free(void *p, size_t n);
/* free the blocks kept for reuse */
LPY_API void lpy_mem_trim(void);
/* bytes of array memory currently allocated by LumPy (all threads) */
LPY_API size_t lpy_mem_live(void);
/* bytes of freed blocks kept for reuse (all threads) */
LPY_API size_t lpy_mem_cached(void);

/* ---------------------------------------------------------------- arrays */
/* LPY_ALIGNED: every element sits at an address aligned for its C type
   (lpy_alignment); the kernels read and write only such arrays directly,
   others go through a buffer */
enum {
  LPY_C_CONTIGUOUS = 1, LPY_F_CONTIGUOUS = 2, LPY_WRITEABLE = 4,
  LPY_OWNDATA = 8, LPY_ALIGNED = 16
};
/* C-contiguous and aligned: what a typed loop over a->data needs */
#define LPY_CONTIG_ALIGNED (LPY_C_CONTIGUOUS | LPY_ALIGNED)
#define lpy_is_contig_aligned(a) \
  (((a)->flags & LPY_CONTIG_ALIGNED) == LPY_CONTIG_ALIGNED)

/* An n-d view of memory. 'buf' owns the memory and may be NULL when the
   memory is owned by whoever holds the array (the Lua binding stores small
   arrays inline and keeps the owner alive itself). shape and strides point
   into dims[], which has room for 2*ndim entries. */
typedef struct lpy_array {
  char *data;             /* address of the first element */
  lpy_buffer *buf;
  int64_t *shape;
  int64_t *strides;       /* in bytes; may be negative or 0 */
  int64_t size;
  int ndim;
  lpy_dtype dtype;
  unsigned flags;
  int64_t dims[];         /* shape[0..ndim-1], strides[0..ndim-1] */
} lpy_array;

#define lpy_array_sizeof(ndim) (sizeof(lpy_array) + 2 * (size_t)(ndim) * sizeof(int64_t))

/* room for a header of up to LPY_MAXDIMS dimensions, for headers that live
   in a local variable (a view made for one call): use .a */
typedef union lpy_array_space {
  lpy_array a;
  char bytes[sizeof(lpy_array) + 2 * LPY_MAXDIMS * sizeof(int64_t)];
} lpy_array_space;

/* product of dims with overflow/negativity check; returns -1 on error.
   Also fails when the non-zero dims could not be laid out in memory for
   the widest dtype, so strides of any accepted shape cannot overflow */
LPY_API int64_t lpy_shape_size(int ndim, const int64_t *shape, lpy_err *e);
/* lay out an array header in caller memory of lpy_array_sizeof(ndim) bytes */
LPY_API void lpy_array_init(lpy_array *a, lpy_dtype t, int ndim,
                            const int64_t *shape, const int64_t *strides,
                            char *data, lpy_buffer *buf);
/* fill strides for C order from shape; returns nbytes */
LPY_API int64_t lpy_strides_c(int ndim, const int64_t *shape, int itemsize,
                              int64_t *strides);
LPY_API void lpy_array_update_flags(lpy_array *a);
/* are a's elements all at multiples of 'alignment' (NumPy's rule) */
LPY_API int lpy_array_is_aligned(const lpy_array *a, int alignment);
/* heap-allocated arrays for C users of the core */
LPY_API lpy_array *lpy_array_new(lpy_dtype t, int ndim, const int64_t *shape,
                                 int zero, lpy_err *e);
LPY_API void lpy_array_free(lpy_array *a);
#define lpy_array_nbytes(a) ((a)->size * lpy_itemsize((a)->dtype))

/* ---------------------------------------------------------------- shapes */
/* broadcast n shapes; result in out/ondim. Error names the shapes. */
LPY_API int lpy_broadcast_shapes(int n, const int *ndims,
                                 const int64_t *const *shapes,
                                 int *ondim, int64_t *out, lpy_err *e);
LPY_API void lpy_shape_str(int ndim, const int64_t *shape, char *buf, size_t n);

/* -------------------------------------------------------------- iterator */
/* Multi-operand strided iteration with broadcasting. The iterator works on
   a common shape; operand strides are 0 along broadcast axes; contiguous
   axes are coalesced so the inner loop is as long as possible. */
#define LPY_ITER_MAXOPS 8

typedef struct lpy_iter {
  int nop, ndim;               /* ndim >= 1 after setup */
  int64_t shape[LPY_MAXDIMS];  /* shape[ndim-1] is the inner length */
  int64_t strides[LPY_ITER_MAXOPS][LPY_MAXDIMS];
  char *ptrs[LPY_ITER_MAXOPS];
  int64_t size;
} lpy_iter;

/* Set up over 'nop' operands broadcast to (ndim, shape). Each operand
   must be broadcastable to it. */
LPY_API int lpy_iter_setup(lpy_iter *it, int nop, lpy_array *const *ops,
                           int ndim, const int64_t *shape, lpy_err *e);

/* An inner loop: args[i] points at operand i, steps[i] is its stride,
   n elements. 'ctx' carries loop-specific data. */
typedef void (*lpy_loop)(char **args, int64_t n, const int64_t *steps,
                         void *ctx);
/* run loop over every inner line of the iterator */
LPY_API void lpy_iter_run(lpy_iter *it, lpy_loop f, void *ctx);

/* ---------------------------------------------------------------- casting */
typedef void (*lpy_castfn)(const char *src, int64_t ss, char *dst,
                           int64_t ds, int64_t n);
LPY_API lpy_castfn lpy_cast_fn(lpy_dtype from, lpy_dtype to);
/* NumPy's 'same_kind' casting rule */
LPY_API int lpy_can_cast_same_kind(lpy_dtype from, lpy_dtype to);
/* NumPy's casting rules; lpy_casting_names[rule] is the rule's name (and
   the list ends with NULL) */
typedef enum {
  LPY_CAST_NO, LPY_CAST_EQUIV, LPY_CAST_SAFE, LPY_CAST_SAME_KIND,
  LPY_CAST_UNSAFE
} lpy_casting;
LPY_API extern const char *const lpy_casting_names[];
LPY_API int lpy_can_cast(lpy_dtype from, lpy_dtype to, lpy_casting rule);
/* lowest and one-past-highest byte an array touches; do two overlap */
LPY_API void lpy_array_extent(const lpy_array *a, char **lo, char **hi);
LPY_API int lpy_arrays_overlap(const lpy_array *a, const lpy_array *b);
/* dst[...] = src[...] with broadcasting of src to dst's shape and casting */
LPY_API int lpy_array_assign(lpy_array *dst, lpy_array *src, lpy_err *e);
/* the same only where the bool array mask (broadcast to dst's shape) is
   true; mask NULL: everywhere */
LPY_API int lpy_array_assign_where(lpy_array *dst, lpy_array *src,
                                   lpy_array *mask, lpy_err *e);

/* ---------------------------------------------------------------- ufuncs */
typedef struct lpy_ufunc lpy_ufunc;
LPY_API const lpy_ufunc *lpy_ufunc_find(const char *name);
LPY_API int lpy_ufunc_nin(const lpy_ufunc *u);

/* An operand of a ufunc call: an array, or a weak Lua scalar. */
typedef struct lpy_operand {
  lpy_array *arr;          /* NULL for a scalar */
  int weak;                /* LPY_WEAK_* for scalars */
  double re, im;           /* float / complex scalar value (for an integer:
                              its value as a double, -0.0 for a Lua -0.0) */
  int64_t i;               /* integer scalar value */
  int isbool;              /* scalar Lua boolean */
} lpy_operand;

/* NumPy's result_type of the operands (NEP 50 weak scalars) */
LPY_API lpy_dtype lpy_result_type(int n, const lpy_operand *in);

/* The types a ufunc call runs with, found by lpy_ufunc_resolve. */
typedef struct lpy_ufunc_plan {
  lpy_dtype loop;          /* dtype the inner loop computes in */
  lpy_dtype out;           /* natural output dtype */
  lpy_casting casting;     /* the rule for the cast into out */
  int fresh_out;           /* caller promises out overlaps no input */
  lpy_array *where;        /* NULL, or a bool mask broadcast to out's
                              shape: only those elements are computed */
} lpy_ufunc_plan;

/* Resolve the loop and output dtypes for the inputs (NumPy's rules). */
LPY_API int lpy_ufunc_resolve(const lpy_ufunc *u, const lpy_operand *in,
                              lpy_ufunc_plan *plan, lpy_err *e);
/* The same with NumPy's dtype= (the output dtype; -1 for none) and
   casting= options: a dtype that is not the natural output's picks the
   loop of that dtype, and every input must cast to the loop, and the
   result to out, under the rule. */
LPY_API int lpy_ufunc_resolve_with(const lpy_ufunc *u, const lpy_operand *in,
                                   int dtype, lpy_casting casting,
                                   lpy_ufunc_plan *plan, lpy_err *e);
/* The plan when every input is an array of dtype t; -1 when that needs
   the general lpy_ufunc_resolve (errors, no loop). */
LPY_API int lpy_ufunc_plan_for(const lpy_ufunc *u, lpy_dtype t,
                               lpy_ufunc_plan *plan);
/* Execute: 'out' already has the broadcast shape. plan may be NULL. */
LPY_API int lpy_ufunc_exec(const lpy_ufunc *u, const lpy_operand *in,
                           lpy_array *out, const lpy_ufunc_plan *plan,
                           lpy_err *e);

/* ------------------------------------------------------ SIMD dispatch */
/* Choose the SIMD level and fill the dispatch table (dispatch.c), once per
   process. Fails when the CPU lacks the build's baseline or when
   LUMPY_DISABLE_CPU_FEATURES is invalid; nothing else may run then. */
#define LPY_MAXLEVELS 8
typedef struct lpy_simd_info {
  int ready;                       /* lpy_simd_init succeeded */
  const char *arch;                /* the build's target architecture */
  const char *baseline;            /* the baseline level's name */
  const char *baseline_features;   /* space separated, NumPy's names */
  const char *dispatch;            /* levels compiled above the baseline */
  const char *features;            /* every feature name the build knows */
  const char *running;             /* the highest level in use */
  const char *tuning;              /* the vendor's tuning of the loops
                                      chosen, described; "" for none */
  char detected[256];              /* features this CPU has */
  char disabled[256];              /* names LUMPY_DISABLE_CPU_FEATURES gave */
  int nlevels;                     /* compiled levels, baseline first */
  const char *level_names[LPY_MAXLEVELS];
  const char *level_features[LPY_MAXLEVELS];
  int level_usable[LPY_MAXLEVELS]; /* detected and not disabled */
} lpy_simd_info;
LPY_API int lpy_simd_init(lpy_err *e);
LPY_API const lpy_simd_info *lpy_simd_get_info(void);
/* kernel family i (from 0 until NULL): its name, the level it runs at and
   whether that level's build is vector code (0: scalar libm calls) */
LPY_API const char *lpy_simd_kernel(int i, const char **level, int *vec);
/* the dispatched loop of ufunc 'name' for loop dtype t, or NULL */
LPY_API lpy_loop lpy_simd_loop(const char *ufunc, lpy_dtype t, int *vec);
/* the build's configuration: "compiler", "cflags", "libs", "cpu_baseline",
   "cpu_dispatch", "arch", "sleef" (its version; "" when not linked),
   "blas" (the BLAS= choice, "openblas (ILP64)" ...), "blas_libs"; NULL
   for an unknown key */
LPY_API const char *lpy_config(const char *key);

/* ------------------------------------------------------------ slow paths */
/* While a capture is active on a thread, ufunc calls on that thread count
   the slow paths they take, keyed "<ufunc>:<dtype>:<what>" with what one
   of generic (no SIMD loop), strided (a non-contiguous inner loop), cast
   (an operand converted through a buffer), copy (an input copied because
   it overlaps the output) and misaligned. Captures nest: when one ends its
   counts are added to the enclosing one. Not capturing costs one
   thread-local load per call. */
#define LPY_SLOW_MAXKEYS 128
typedef struct lpy_slowpath {
  int n;
  int64_t dropped;                 /* counts past LPY_SLOW_MAXKEYS keys */
  struct { char key[48]; int64_t count; } c[LPY_SLOW_MAXKEYS];
  struct lpy_slowpath *prev;
} lpy_slowpath;
LPY_API void lpy_slowpath_begin(lpy_slowpath *s);
/* ends capture s (and any inner one still open); 0 if s was not active */
LPY_API int lpy_slowpath_end(lpy_slowpath *s);
LPY_API void lpy_slowpath_note(const char *ufunc, lpy_dtype t, const char *what);
#if defined(__GNUC__)
#define LPY_TLS_FAST __attribute__((tls_model("initial-exec")))
#else
#define LPY_TLS_FAST
#endif
extern LPY_API _Thread_local lpy_slowpath *lpy_slow_sink LPY_TLS_FAST;

/* ------------------------------------------------------------ scalars */
/* read element at p of dtype t into double / int64 / complex */
LPY_API double lpy_get_double(lpy_dtype t, const char *p);
LPY_API int64_t lpy_get_int64(lpy_dtype t, const char *p);
LPY_API void lpy_get_complex(lpy_dtype t, const char *p, double *re,
                             double *im);
/* store a scalar operand value into p as dtype t (with casting) */
LPY_API void lpy_set_scalar(lpy_dtype t, char *p, const lpy_operand *s);

#endif
