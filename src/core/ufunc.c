/*
** ufunc.c - the ufunc driver: NumPy's type resolution (promotion with NEP 50
** weak scalars, first safe loop in NumPy's order), then execution through
** the iterator, with small buffers when an operand must be cast.
*/
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include "lpy.h"
#include "ctypes.h"
#include "ufunc.h"

#define BUFN 1024

/* NumPy's order of loops: ? b B h H i I l L f d F D */
static const lpy_dtype loop_order[LPY_NTYPES] = {
  LPY_BOOL, LPY_INT8, LPY_UINT8, LPY_INT16, LPY_UINT16, LPY_INT32,
  LPY_UINT32, LPY_INT64, LPY_UINT64, LPY_FLOAT32, LPY_FLOAT64,
  LPY_COMPLEX64, LPY_COMPLEX128
};

/* every ufunc table, each ended by a NULL name */
static const lpy_ufunc *const tables[] = {lpy_ufuncs, lpy_math_ufuncs};
#define NTABLES (int)(sizeof tables / sizeof tables[0])

const lpy_ufunc *lpy_ufunc_find(const char *name) {
  const lpy_ufunc *u;
  int k;
  for (k = 0; k < NTABLES; k++)
    for (u = tables[k]; u->name; u++)
      if (strcmp(u->name, name) == 0) return u;
  return NULL;
}

int lpy_ufunc_nin(const lpy_ufunc *u) { return u->nin; }

/* NumPy's 'same_kind' rule: safe, or kind order b < u < i < f < c */
static int kind_rank(lpy_dtype t) {
  static const int rank[] = {0, 2, 1, 3, 4};   /* by LPY_KIND_* */
  return rank[lpy_kind(t)];
}

int lpy_can_cast_same_kind(lpy_dtype from, lpy_dtype to) {
  return lpy_can_cast_safe(from, to) || kind_rank(from) <= kind_rank(to);
}

const char *const lpy_casting_names[] = {"no", "equiv", "safe", "same_kind",
                                         "unsafe", NULL};

/* "no" and "equiv" are the same here: LumPy's dtypes have no byte order */
int lpy_can_cast(lpy_dtype from, lpy_dtype to, lpy_casting rule) {
  switch (rule) {
    case LPY_CAST_UNSAFE: return 1;
    case LPY_CAST_SAME_KIND: return lpy_can_cast_same_kind(from, to);
    case LPY_CAST_SAFE: return lpy_can_cast_safe(from, to);
    default: return from == to;
  }
}

/* the dtype the inputs promote to, weak scalars taken into account */
lpy_dtype lpy_result_type(int nin, const lpy_operand *in) {
  lpy_dtype t = LPY_BOOL;
  int i, strong = 0, weak = 0;
  for (i = 0; i < nin; i++) {
    if (in[i].arr || in[i].isbool) {
      lpy_dtype d = in[i].arr ? in[i].arr->dtype : LPY_BOOL;
      t = strong ? lpy_promote(t, d) : d;
      strong = 1;
    } else if (in[i].weak > weak) {
      weak = in[i].weak;
    }
  }
  if (weak) {
    if (!strong)
      return weak == LPY_WEAK_INT ? LPY_INT64
           : weak == LPY_WEAK_FLOAT ? LPY_FLOAT64 : LPY_COMPLEX128;
    /* weaker kinds first: an int scalar never changes a float result */
    for (i = LPY_WEAK_INT; i <= weak; i++) {
      int j, present = 0;
      for (j = 0; j < nin; j++)
        if (!in[j].arr && !in[j].isbool && in[j].weak == i) present = 1;
      if (present) t = lpy_promote_weak(t, i);
    }
  }
  return t;
}

static int int_fits(lpy_dtype t, int64_t v) {
  switch (t) {
    case LPY_INT8: return v >= INT8_MIN && v <= INT8_MAX;
    case LPY_INT16: return v >= INT16_MIN && v <= INT16_MAX;
    case LPY_INT32: return v >= INT32_MIN && v <= INT32_MAX;
    case LPY_UINT8: return v >= 0 && v <= UINT8_MAX;
    case LPY_UINT16: return v >= 0 && v <= UINT16_MAX;
    case LPY_UINT32: return v >= 0 && v <= (int64_t)UINT32_MAX;
    case LPY_UINT64: return v >= 0;
    default: return 1;
  }
}

static void type_list(int nin, const lpy_operand *in, char *buf, size_t n) {
  int i;
  size_t len = 0;
  buf[0] = '\0';
  for (i = 0; i < nin && len < n; i++) {
    const char *name = in[i].arr ? lpy_dtypes[in[i].arr->dtype].name
                     : in[i].isbool ? "bool"
                     : in[i].weak == LPY_WEAK_INT ? "Lua integer"
                     : in[i].weak == LPY_WEAK_FLOAT ? "Lua float"
                     : "complex";
    len += (size_t)snprintf(buf + len, n - len, "%s%s", i ? ", " : "", name);
  }
}

/* the loop each input dtype runs in, per ufunc: the first loop in NumPy's
   order that the input casts to safely; -1 for none. Filled once. */
#define MAXUFUNCS 128
static signed char loop_table[MAXUFUNCS][LPY_NTYPES];
/* the loop each ufunc runs for each loop dtype: the dispatch table's when
   it has one (dispatch.c), else the generic one; and whether it is SIMD */
static lpy_loop loop_fns[MAXUFUNCS][LPY_NTYPES];
static unsigned char loop_vec[MAXUFUNCS][LPY_NTYPES];
static int table_base[NTABLES], table_count[NTABLES];
static pthread_once_t loop_once = PTHREAD_ONCE_INIT;

static void fill_loop_table(void) {
  int k, t, j, n = 0;
  const lpy_ufunc *u;
  for (k = 0; k < NTABLES; k++) {
    table_base[k] = n;
    for (u = tables[k]; u->name && n < MAXUFUNCS; u++, n++) {
      for (t = 0; t < LPY_NTYPES; t++) {
        int vec = 0;
        lpy_loop f = u->loops[t] ? lpy_simd_loop(u->name, (lpy_dtype)t, &vec) : NULL;
        loop_fns[n][t] = f ? f : u->loops[t];
        loop_vec[n][t] = f ? (unsigned char)vec : 0;
        loop_table[n][t] = -1;
        if ((u->flags & LPY_UF_EXACTLOOP)) {
          if (u->loops[t]) loop_table[n][t] = (signed char)t;
          continue;
        }
        for (j = 0; j < LPY_NTYPES; j++) {
          lpy_dtype l = loop_order[j];
          if (u->loops[l] && lpy_can_cast_safe((lpy_dtype)t, l)) {
            loop_table[n][t] = (signed char)l;
            break;
          }
        }
      }
    }
    table_count[k] = n - table_base[k];
  }
}

/* u's row in the tables above */
static int ufunc_index(const lpy_ufunc *u) {
  int k;
  pthread_once(&loop_once, fill_loop_table);
  for (k = 0; k < NTABLES; k++) {
    uintptr_t i = ((uintptr_t)u - (uintptr_t)tables[k]) / sizeof *u;
    if (i < (uintptr_t)table_count[k]) return table_base[k] + (int)i;
  }
  return -1;
}

static int loop_for(const lpy_ufunc *u, lpy_dtype t) {
  int i = ufunc_index(u);
  return i < 0 ? -1 : loop_table[i][t];
}

static lpy_dtype out_type(const lpy_ufunc *u, lpy_dtype loop) {
  switch (u->out) {
    case LPY_OUT_BOOL: return LPY_BOOL;
    case LPY_OUT_REAL: return lpy_dtype_real(loop);
    case LPY_OUT_INT32: return LPY_INT32;
    default: return loop;
  }
}

int lpy_ufunc_plan_for(const lpy_ufunc *u, lpy_dtype t, lpy_ufunc_plan *p) {
  int k;
  if ((u->flags & (LPY_UF_NOBOOL | LPY_UF_NOBOOLIN)) && t == LPY_BOOL) return -1;
  if ((u->flags & LPY_UF_INEXACT) && !lpy_isinexact(t)) t = LPY_FLOAT64;
  if ((k = loop_for(u, t)) < 0) return -1;
  p->loop = (lpy_dtype)k;
  p->out = out_type(u, p->loop);
  p->casting = LPY_CAST_SAME_KIND;
  p->fresh_out = 0;
  p->where = NULL;
  return 0;
}

/* the loop dtype NumPy picks for the inputs (before the range check of
   Lua integers) */
static int pick_loop(const lpy_ufunc *u, const lpy_operand *in, lpy_dtype *loopt,
                     lpy_err *e) {
  lpy_dtype t = lpy_result_type((u->flags & LPY_UF_FIRSTTYPE) ? 1 : u->nin, in);
  int k;
  if ((u->flags & LPY_UF_NOBOOL) && t == LPY_BOOL) {
    if (u->nin == 2)
      return lpy_err_set(e, LPY_ETYPE,
          "boolean subtract is not supported, use bitwise_xor or logical_xor instead");
    return lpy_err_set(e, LPY_ETYPE,
        "boolean negative is not supported, use invert (~) or logical_not instead");
  }
  if ((u->flags & LPY_UF_NOBOOLIN) && t == LPY_BOOL) {
    k = -1;                  /* as NumPy: no bool loop and no cast to one */
  } else if ((u->flags & LPY_UF_FIRSTTYPE) &&
             (in[1].arr ? !(lpy_isint(in[1].arr->dtype) || in[1].arr->dtype == LPY_BOOL) ||
                          in[1].arr->dtype == LPY_UINT64
                        : (!in[1].isbool && in[1].weak != LPY_WEAK_INT))) {
    k = -1;                  /* ldexp: as NumPy, no loop for a float exponent
                                (nor a uint64 one, which int64 cannot hold) */
  } else {
    if ((u->flags & LPY_UF_INEXACT) && !lpy_isinexact(t)) t = LPY_FLOAT64;
    k = loop_for(u, t);
    if (k >= 0 && u->nin == 2 && !lpy_isinexact(t) && lpy_isinexact((lpy_dtype)k) &&
        in[0].arr && in[1].arr) {
      /* two integer arrays into float loops: NumPy takes the first loop
         both cast to safely, which is smaller than their promotion's when
         each fits a smaller float (int8 and uint16: float32, where their
         promotion int32 gives float64) */
      int k0 = loop_for(u, in[0].arr->dtype), k1 = loop_for(u, in[1].arr->dtype);
      if (k0 >= 0 && k1 >= 0) k = loop_for(u, lpy_promote((lpy_dtype)k0, (lpy_dtype)k1));
    }
  }
  if (k < 0) {
    char types[160];
    type_list(u->nin, in, types, sizeof types);
    return lpy_err_set(e, LPY_ETYPE,
                       "not supported for the input types (%s)", types);
  }
  *loopt = (lpy_dtype)k;
  return 0;
}

/* every Lua integer fits the loop dtype; a comparison widens its loop to
   make it fit instead */
static int check_scalars(const lpy_ufunc *u, const lpy_operand *in,
                         lpy_dtype *loopt, lpy_err *e) {
  int i;
  for (i = 0; i < u->nin; i++) {
    if (!in[i].arr && !in[i].isbool && in[i].weak == LPY_WEAK_INT &&
        lpy_isint(*loopt) && !int_fits(*loopt, in[i].i)) {
      if (u->flags & LPY_UF_COMPARE) {
        /* compare exactly in a wider type: int64 holds every Lua integer
           and every smaller integer; a negative number against uint64
           compares right in float64 */
        *loopt = *loopt == LPY_UINT64 ? LPY_FLOAT64 : LPY_INT64;
        continue;
      }
      return lpy_err_set(e, LPY_EVALUE,
                         "Lua integer %lld out of bounds for %s",
                         (long long)in[i].i, lpy_dtypes[*loopt].name);
    }
  }
  return 0;
}

/* find the loop dtype and the output dtype */
static int resolve(const lpy_ufunc *u, const lpy_operand *in, lpy_dtype *loopt,
                   lpy_dtype *outt, lpy_err *e) {
  int st = pick_loop(u, in, loopt, e);
  if (st == 0) st = check_scalars(u, in, loopt, e);
  if (st == 0) *outt = out_type(u, *loopt);
  return st;
}

int lpy_ufunc_resolve_with(const lpy_ufunc *u, const lpy_operand *in,
                           int dtype, lpy_casting casting,
                           lpy_ufunc_plan *plan, lpy_err *e) {
  lpy_dtype lt;
  int i, nin = (u->flags & LPY_UF_FIRSTTYPE) ? 1 : u->nin;
  int st = pick_loop(u, in, &lt, e);
  plan->fresh_out = 0;
  plan->where = NULL;
  plan->casting = casting;
  /* dtype= names the output: the natural loop when that is its output
     (np.less(a, b, {dtype = "bool"})), else the loop of that dtype (which
     may run where the natural one does not exist: bool subtract into int8) */
  if (dtype >= 0 && !(st == 0 && out_type(u, lt) == (lpy_dtype)dtype) &&
      !(st != 0 && (u->flags & LPY_UF_FIRSTTYPE))) {
    lt = (lpy_dtype)dtype;
    if (!u->loops[lt] || out_type(u, lt) != lt)
      return lpy_err_set(e, LPY_ETYPE, "ufunc '%s' has no loop for dtype %s",
                         u->name, lpy_dtypes[lt].name);
  } else if (st != 0) {
    return st;
  }
  for (i = 0; i < nin; i++) {
    /* a Lua number takes the loop's dtype when its kind allows */
    lpy_dtype it = in[i].arr ? in[i].arr->dtype : in[i].isbool ? LPY_BOOL
                 : lpy_promote_weak(lt, in[i].weak);
    if (!lpy_can_cast(it, lt, casting))
      return lpy_err_set(e, LPY_ETYPE,
                         "cannot cast ufunc '%s' input %d from %s to %s with casting rule '%s'",
                         u->name, i + 1, lpy_dtypes[it].name, lpy_dtypes[lt].name,
                         lpy_casting_names[casting]);
  }
  if ((st = check_scalars(u, in, &lt, e)) != 0) return st;
  plan->loop = lt;
  plan->out = out_type(u, lt);
  return 0;
}

int lpy_ufunc_resolve(const lpy_ufunc *u, const lpy_operand *in,
                      lpy_ufunc_plan *plan, lpy_err *e) {
  plan->fresh_out = 0;
  plan->where = NULL;
  plan->casting = LPY_CAST_SAME_KIND;
  return resolve(u, in, &plan->loop, &plan->out, e);
}

/* ---------------------------------------------------------- execution */
typedef struct bufctx {
  lpy_loop f;
  int nop;
  lpy_castfn cast[LPY_ITER_MAXOPS];   /* inputs: to loop type; [0]: out */
  int size[LPY_ITER_MAXOPS];          /* item size inside the buffer */
  lpy_kctx k;
} bufctx;

static void buffered(char **args, int64_t n, const int64_t *steps, void *ud) {
  bufctx *c = ud;
  _Alignas(64) char bufs[3][BUFN * 16];
  char *a[LPY_ITER_MAXOPS];
  int64_t s[LPY_ITER_MAXOPS], off, m;
  int i;
  for (off = 0; off < n; off += m) {
    m = n - off < BUFN ? n - off : BUFN;
    for (i = 0; i < c->nop; i++) {
      char *p = args[i] + off * steps[i];
      if (c->cast[i]) {
        if (i > 0) c->cast[i](p, steps[i], bufs[i], c->size[i], m);
        a[i] = bufs[i];
        s[i] = c->size[i];
      } else {
        a[i] = p;
        s[i] = steps[i];
      }
    }
    c->f(a, m, s, &c->k);
    if (c->cast[0])
      c->cast[0](bufs[0], c->size[0], args[0] + off * steps[0], steps[0], m);
  }
}

static void direct(char **args, int64_t n, const int64_t *steps, void *ud) {
  bufctx *c = ud;
  c->f(args, n, steps, &c->k);
}

/* where=: run the inner loop over each stretch of true mask elements; the
   mask is the last operand */
typedef struct maskctx {
  lpy_loop inner;
  void *ctx;
  int nop;              /* operands before the mask */
} maskctx;

static void masked(char **args, int64_t n, const int64_t *steps, void *ud) {
  maskctx *m = ud;
  const char *w = args[m->nop];
  int64_t ws = steps[m->nop], i = 0, j, k;
  char *a[LPY_ITER_MAXOPS];
  while (i < n) {
    while (i < n && !w[i * ws]) i++;
    for (j = i; j < n && w[j * ws]; j++) ;
    if (j > i) {
      for (k = 0; k < m->nop; k++) a[k] = args[k] + i * steps[k];
      m->inner(a, j - i, steps, m->ctx);
    }
    i = j;
  }
}

/* the common case in one call: every operand C-contiguous with the
   output's shape (or a 0-d scalar), no casting */
static int contiguous_run(int nop, lpy_array *const *ops, bufctx *c) {
  const lpy_array *out = ops[0];
  char *args[LPY_ITER_MAXOPS];
  int64_t steps[LPY_ITER_MAXOPS];
  int i, k;
  if (!(out->flags & LPY_C_CONTIGUOUS)) return 0;
  for (i = 0; i < nop; i++) {
    const lpy_array *a = ops[i];
    args[i] = a->data;
    if (a->ndim == 0 && i > 0) {
      steps[i] = 0;
      continue;
    }
    if (a->size != out->size || !(a->flags & LPY_C_CONTIGUOUS) ||
        a->ndim > out->ndim)
      return 0;
    for (k = 1; k <= a->ndim; k++)
      if (a->shape[a->ndim - k] != out->shape[out->ndim - k]) return 0;
    steps[i] = lpy_itemsize(a->dtype);
  }
  if (out->size > 0) c->f(args, out->size, steps, &c->k);
  return 1;
}

/* np.slowpath: what the iterated (not one-run) path of a call costs */
static void note_layout(const lpy_ufunc *u, lpy_dtype lt, lpy_dtype ot,
                        const lpy_iter *it, lpy_array *const *ops) {
  int i, strided = 0, cast = 0, misaligned = 0;
  for (i = 0; i < it->nop; i++) {
    int64_t sz = lpy_itemsize(ops[i]->dtype), st = it->strides[i][it->ndim - 1];
    if (st != 0 && st != sz && it->shape[it->ndim - 1] > 1) strided = 1;
    if (!(ops[i]->flags & LPY_ALIGNED)) misaligned = 1;
    if (ops[i]->dtype != (i ? lt : ot)) cast = 1;
  }
  if (strided) lpy_slowpath_note(u->name, lt, "strided");
  if (cast) lpy_slowpath_note(u->name, lt, "cast");
  if (misaligned) lpy_slowpath_note(u->name, lt, "misaligned");
}

int lpy_ufunc_exec(const lpy_ufunc *u, const lpy_operand *in, lpy_array *out,
                   const lpy_ufunc_plan *plan, lpy_err *e) {
  lpy_dtype lt, ot;
  lpy_casting rule;
  int fresh = plan ? plan->fresh_out : 0;
  int i, ui, st, nop = u->nin + 1, needbuf = 0;
  lpy_array_space scal[2];
  _Alignas(16) char sval[2][16];
  lpy_array *ops[4], *tmp[3] = {NULL, NULL, NULL};
  lpy_iter it;
  bufctx c;
  if (plan) {
    lt = plan->loop;
    ot = plan->out;
  } else if ((st = resolve(u, in, &lt, &ot, e)) != 0) {
    return st;
  }
  if (!(out->flags & LPY_WRITEABLE))
    return lpy_err_set(e, LPY_EVALUE, "output array is read-only");
  rule = plan ? plan->casting : LPY_CAST_SAME_KIND;
  if (out->dtype != ot && !lpy_can_cast(ot, out->dtype, rule))
    return lpy_err_set(e, LPY_ETYPE,
                       "cannot cast ufunc '%s' output from %s to %s with casting rule '%s'",
                       u->name, lpy_dtypes[ot].name,
                       lpy_dtypes[out->dtype].name, lpy_casting_names[rule]);
  memset(&c, 0, sizeof c);
  ui = ufunc_index(u);
  c.f = ui >= 0 ? loop_fns[ui][lt] : u->loops[lt];
  c.nop = nop;
  if (LPY_UNLIKELY(lpy_slow_sink != NULL) && (ui < 0 || !loop_vec[ui][lt]))
    lpy_slowpath_note(u->name, lt, "generic");
  ops[0] = out;
  /* an operand of another dtype, or one not aligned for its type (the
     loops read and write aligned elements only), goes through a buffer:
     the cast functions move misaligned elements with memcpy */
  if (out->dtype != ot || !(out->flags & LPY_ALIGNED)) {
    c.cast[0] = lpy_cast_fn(ot, out->dtype);
    c.size[0] = lpy_itemsize(ot);
    needbuf = 1;
  }
  for (i = 0; i < u->nin; i++) {
    lpy_array *a = in[i].arr;
    if (!a) {                         /* a scalar: store it as the loop type */
      lpy_array_init(&scal[i].a, lt, 0, NULL, NULL, sval[i], NULL);
      lpy_set_scalar(lt, sval[i], &in[i]);
      a = &scal[i].a;
    } else if (!fresh && a != out && lpy_arrays_overlap(a, out) &&
               (a->data != out->data || a->ndim != out->ndim ||
                memcmp(a->strides, out->strides,
                       (size_t)a->ndim * sizeof(int64_t)) != 0)) {
      /* partial overlap with the output: read from a copy */
      tmp[i] = lpy_array_new(a->dtype, a->ndim, a->shape, 0, e);
      if (!tmp[i]) { st = e->code; goto done; }
      if ((st = lpy_array_assign(tmp[i], a, e)) != 0) goto done;
      a = tmp[i];
      if (lpy_slow_sink) lpy_slowpath_note(u->name, lt, "copy");
    }
    ops[i + 1] = a;
    if (a->dtype != lt || !(a->flags & LPY_ALIGNED)) {
      c.cast[i + 1] = lpy_cast_fn(a->dtype, lt);
      c.size[i + 1] = lpy_itemsize(lt);
      needbuf = 1;
    }
  }
  if (plan && plan->where) {
    maskctx m;
    if (plan->where->dtype != LPY_BOOL) {
      st = lpy_err_set(e, LPY_ETYPE, "where must be a bool array");
      goto done;
    }
    ops[nop] = plan->where;
    if ((st = lpy_iter_setup(&it, nop + 1, ops, out->ndim, out->shape, e)) != 0)
      goto done;
    m.inner = needbuf ? buffered : direct;
    m.ctx = &c;
    m.nop = nop;
    lpy_iter_run(&it, masked, &m);
  } else if (needbuf || !contiguous_run(nop, ops, &c)) {
    if ((st = lpy_iter_setup(&it, nop, ops, out->ndim, out->shape, e)) != 0)
      goto done;
    if (LPY_UNLIKELY(lpy_slow_sink != NULL)) note_layout(u, lt, ot, &it, ops);
    lpy_iter_run(&it, needbuf ? buffered : direct, &c);
  }
  if (c.k.err == LPY_KERR_NEGPOW)
    st = lpy_err_set(e, LPY_EVALUE,
                     "Integers to negative integer powers are not allowed.");
done:
  for (i = 0; i < 3; i++) lpy_array_free(tmp[i]);
  return st;
}
