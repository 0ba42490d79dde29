/*
** index.c - a[key] and a[key] = v with LumPy's 1-based, inclusive positions:
** integers, slices (strings "2:5, :, -1" or tables {2, 5, 1}, {} for all),
** newaxis and ellipsis give views (or a Lua value for a single element);
** integer arrays and bool masks (alone, or in a table with the rest) give
** copies through the core's advanced indexing (src/core/fancy.c).
** Assignment broadcasts the value into the selection.
*/
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "lbind.h"
#include "../core/fancy.h"

enum { IX_INT, IX_SLICE, IX_NEWAXIS, IX_ELLIPSIS, IX_ARRAY, IX_MASK,
       IX_BOOL0 };

typedef struct ixitem {
  int kind;
  int has_start, has_stop;
  int64_t start, stop, step;    /* positions as the user wrote them */
  const lpy_array *arr;         /* IX_ARRAY, IX_MASK */
  int bval;                     /* IX_BOOL0 */
} ixitem;

typedef struct ixlist {
  const char *fn;          /* "index" or "setindex", for errors */
  int n;
  ixitem it[LPY_MAXDIMS * 2 + 1];
} ixlist;


static ixitem *add_item(lua_State *L, ixlist *ix) {
  if (ix->n >= (int)(sizeof ix->it / sizeof ix->it[0]))
    lb_error(L, ix->fn, "too many indices");
  memset(&ix->it[ix->n], 0, sizeof ix->it[0]);
  return &ix->it[ix->n++];
}

/* ---------------------------------------------------------- strings */
/* the integer at *ps (spaces around it skipped), 0 when there is none.
   One beyond int64 is clamped and *big points to its text: fine as a
   slice bound or step (NumPy clamps those too), an error as an index */
static int parse_int(const char **ps, int64_t *v, const char **big) {
  const char *s = *ps;
  char *end;
  long long x;
  while (isspace((unsigned char)*s)) s++;
  if (!(isdigit((unsigned char)*s) || ((*s == '-' || *s == '+') &&
                                       isdigit((unsigned char)s[1]))))
    return 0;
  errno = 0;
  x = strtoll(s, &end, 10);
  if (errno == ERANGE) *big = s;
  *v = x;
  s = end;
  while (isspace((unsigned char)*s)) s++;
  *ps = s;
  return 1;
}

static void parse_string(lua_State *L, const char *s, ixlist *ix) {
  const char *full = s;
  for (;;) {
    ixitem *it;
    const char *tok;
    size_t len;
    while (isspace((unsigned char)*s)) s++;
    tok = s;
    while (*s && *s != ',') s++;
    len = (size_t)(s - tok);
    while (len && isspace((unsigned char)tok[len - 1])) len--;
    it = add_item(L, ix);
    if (len == 3 && memcmp(tok, "...", 3) == 0) {
      it->kind = IX_ELLIPSIS;
    } else if ((len == 7 && memcmp(tok, "newaxis", 7) == 0) ||
               (len == 4 && memcmp(tok, "None", 4) == 0) ||
               (len == 10 && memcmp(tok, "np.newaxis", 10) == 0)) {
      it->kind = IX_NEWAXIS;
    } else {
      const char *p = tok, *end = tok + len, *big = NULL;
      int64_t v;
      int part = 0;
      it->kind = IX_INT;
      it->step = 1;
      for (;;) {
        if (parse_int(&p, &v, &big)) {
          if (part == 0) { it->start = v; it->has_start = 1; }
          else if (part == 1) { it->stop = v; it->has_stop = 1; }
          else {
            if (v == 0) lb_error(L, ix->fn, "slice step cannot be zero");
            it->step = v;
          }
        } else if (part == 0 && (p >= end || *p != ':')) {
          goto bad;
        }
        while (p < end && isspace((unsigned char)*p)) p++;
        if (p >= end) break;
        if (*p != ':' || part == 2) goto bad;
        it->kind = IX_SLICE;
        part++;
        p++;
      }
      if (it->kind == IX_INT && big) {
        int n = 1;
        while (isdigit((unsigned char)big[n])) n++;
        lb_error(L, ix->fn, "cannot fit %.*s into an index-sized integer", n, big);
      }
    }
    if (*s != ',') break;
    s++;
  }
  return;
bad:
  lb_error(L, ix->fn, "invalid index string '%s'", full);
}

/* ---------------------------------------------------------- tables */
static int is_sentinel(lua_State *L, int idx, const char *name) {
  int r = 0;
  if (lua_type(L, idx) != LUA_TTABLE || !lua_getmetatable(L, idx)) return 0;
  lua_getfield(L, LUA_REGISTRYINDEX, "lumpy.sentinel");
  if (lua_rawequal(L, -1, -2)) {
    lua_getfield(L, idx, "name");
    r = strcmp(lua_tostring(L, -1), name) == 0;
    lua_pop(L, 1);
  }
  lua_pop(L, 2);
  return r;
}

static int64_t int_of(lua_State *L, int idx, const char *what, const ixlist *ix) {
  int ok;
  lua_Integer v = lua_tointegerx(L, idx, &ok);
  if (!ok || lua_type(L, idx) != LUA_TNUMBER)
    lb_error(L, ix->fn, "%s must be an integer, got %s", what, lb_nonint_name(L, idx));
  return v;
}

/* one element of a table index */
static void parse_item(lua_State *L, int idx, ixlist *ix) {
  idx = lua_absindex(L, idx);
  switch (lua_type(L, idx)) {
    case LUA_TNUMBER: {
      ixitem *it = add_item(L, ix);
      it->kind = IX_INT;
      it->start = int_of(L, idx, "an index", ix);
      return;
    }
    case LUA_TSTRING:
      parse_string(L, lua_tostring(L, idx), ix);
      return;
    case LUA_TTABLE: {
      ixitem *it;
      int n, k;
      if (is_sentinel(L, idx, "newaxis")) {
        add_item(L, ix)->kind = IX_NEWAXIS;
        return;
      }
      if (is_sentinel(L, idx, "...")) {
        add_item(L, ix)->kind = IX_ELLIPSIS;
        return;
      }
      n = (int)lua_rawlen(L, idx);
      if (n > 3) lb_error(L, ix->fn, "a range table is {start, stop[, step]}, got %d entries", n);
      lb_check_sequence(L, idx, n, ix->fn, "a range table {start, stop[, step]}");
      it = add_item(L, ix);
      it->kind = IX_SLICE;
      it->step = 1;
      for (k = 1; k <= n; k++) {
        lua_rawgeti(L, idx, k);
        if (k == 1) { it->start = int_of(L, -1, "a range start", ix); it->has_start = 1; }
        else if (k == 2) { it->stop = int_of(L, -1, "a range stop", ix); it->has_stop = 1; }
        else {
          it->step = int_of(L, -1, "a range step", ix);
          if (it->step == 0) lb_error(L, ix->fn, "slice step cannot be zero");
        }
        lua_pop(L, 1);
      }
      return;
    }
    case LUA_TBOOLEAN: {
      ixitem *it = add_item(L, ix);
      it->kind = IX_BOOL0;
      it->bval = lua_toboolean(L, idx);
      return;
    }
    default: {
      const lpy_array *arr = lb_test(L, idx);
      ixitem *it;
      if (!arr) lb_error(L, ix->fn, "invalid index of type %s", luaL_typename(L, idx));
      if (arr->flags & LB_CLOSED) lb_error(L, ix->fn, "array is closed");
      it = add_item(L, ix);
      it->arr = arr;
      if (arr->dtype == LPY_BOOL) {
        it->kind = arr->ndim == 0 ? IX_BOOL0 : IX_MASK;
        if (arr->ndim == 0) it->bval = arr->data[0] != 0;
      } else if (!lpy_isint(arr->dtype)) {
        lb_error(L, ix->fn, "arrays used as indices must be of integer (or boolean) type, not %s",
                 lpy_dtypes[arr->dtype].name);
      } else if (arr->ndim == 0) {
        /* a 0-d integer array is an integer, as in NumPy */
        if (arr->dtype == LPY_UINT64 && lpy_get_int64(arr->dtype, arr->data) < 0)
          lb_error(L, ix->fn, "index %llu is out of bounds", 
                   (unsigned long long)lpy_get_int64(arr->dtype, arr->data));
        it->kind = IX_INT;
        it->start = lpy_get_int64(arr->dtype, arr->data);
      } else {
        it->kind = IX_ARRAY;
      }
    }
  }
}

static void parse_key(lua_State *L, int idx, ixlist *ix) {
  ix->n = 0;
  if (lua_type(L, idx) == LUA_TTABLE && !is_sentinel(L, idx, "newaxis") &&
      !is_sentinel(L, idx, "...")) {
    int n = (int)lua_rawlen(L, idx), k;
    lb_check_sequence(L, idx, n, ix->fn, "an index table");
    for (k = 1; k <= n; k++) {
      lua_rawgeti(L, idx, k);
      parse_item(L, -1, ix);
      lua_pop(L, 1);
    }
    return;
  }
  parse_item(L, idx, ix);
}

/* ---------------------------------------------------------- geometry */
typedef struct view {
  int ndim;
  int64_t shape[LPY_MAXDIMS], strides[LPY_MAXDIMS];
  char *data;
  int scalar;        /* only integers, every axis: a single element */
} view;

static int64_t position(lua_State *L, int64_t p, int64_t n, int axis,
                        const char *fn) {
  int64_t i = p > 0 ? p - 1 : n + p;
  if (p == 0 || i < 0 || i >= n)
    lb_error(L, fn, "index %lld is out of bounds for axis %d with size %lld",
             (long long)p, axis + 1, (long long)n);
  return i;
}

/* resolve an inclusive 1-based slice on length n: first index and count */
static void slice_span(const ixitem *it, int64_t n, int64_t *first,
                       int64_t *count) {
  int64_t s = it->step, a, b;
  /* map 1-based positions to 0-based; 0 means "before the first" */
  if (s > 0) {
    a = it->has_start ? (it->start > 0 ? it->start - 1 : it->start == 0 ? -1 : n + it->start) : 0;
    b = it->has_stop ? (it->stop > 0 ? it->stop - 1 : it->stop == 0 ? -1 : n + it->stop) : n - 1;
    if (a < 0) a = 0;
    if (b > n - 1) b = n - 1;
    *count = b >= a ? (b - a) / s + 1 : 0;
  } else {
    a = it->has_start ? (it->start > 0 ? it->start - 1 : it->start == 0 ? -1 : n + it->start) : n - 1;
    b = it->has_stop ? (it->stop > 0 ? it->stop - 1 : it->stop == 0 ? -1 : n + it->stop) : 0;
    if (a > n - 1) a = n - 1;
    if (b < 0) b = 0;
    /* -s would overflow for the smallest int64 (a string step beyond
       int64 is clamped to it); any step that large takes one element */
    *count = a >= b ? (a - b) / (s == INT64_MIN ? INT64_MAX : -s) + 1 : 0;
  }
  *first = *count > 0 ? a : 0;
}

static void add_dim(lua_State *L, const ixlist *ix, view *v, int64_t n,
                    int64_t stride) {
  if (v->ndim >= LPY_MAXDIMS)
    lb_error(L, ix->fn, "the result would have more than %d dimensions", LPY_MAXDIMS);
  v->shape[v->ndim] = n;
  v->strides[v->ndim++] = stride;
}

static int is_adv(int kind) {
  return kind == IX_ARRAY || kind == IX_MASK || kind == IX_BOOL0;
}

/* Apply the key to a: basic items make the view v; advanced ones (when f
   is given) become entries of f, each spanning its whole axis in v.
   Returns 1 when the key has advanced items. */
static int apply(lua_State *L, const lpy_array *a, const ixlist *ix, view *v,
                 lpy_fancy *f) {
  int consumed = 0, ints = 0, adv = 0, ell = -1, i, ax = 0, status = -1;
  for (i = 0; i < ix->n; i++) {
    int k = ix->it[i].kind;
    if (k == IX_INT) ints++;
    if (is_adv(k)) adv++;
    if (k == IX_INT || k == IX_SLICE || k == IX_ARRAY) consumed++;
    else if (k == IX_MASK) consumed += ix->it[i].arr->ndim;
    else if (k == IX_ELLIPSIS) {
      if (ell >= 0) lb_error(L, ix->fn, "an index can only have a single ellipsis ('...')");
      ell = i;
    }
  }
  if (consumed > a->ndim)
    lb_error(L, ix->fn, "too many indices for array: array is %d-dimensional, but %d were indexed",
             a->ndim, consumed);
  if (adv > LPY_FANCY_MAXADV) lb_error(L, ix->fn, "too many indices");
  v->ndim = 0;
  v->data = a->data;
  v->scalar = ints == ix->n && ints == a->ndim;
  if (adv) {
    f->nadv = 0;
    f->dtype = a->dtype;
  }
  for (i = 0; i < ix->n; i++) {
    const ixitem *it = &ix->it[i];
    /* NumPy's rule: integers count as advanced indices when there are
       any; advanced indices separated by anything else go first */
    if (adv) {
      if (is_adv(it->kind) || it->kind == IX_INT) {
        if (status == -1) status = 0;
        else if (status == 1) status = 2;
      } else if (status == 0) status = 1;
    }
    switch (it->kind) {
      case IX_INT:
        v->data += position(L, it->start, a->shape[ax], ax, ix->fn) * a->strides[ax];
        ax++;
        break;
      case IX_SLICE: {
        int64_t first, count;
        slice_span(it, a->shape[ax], &first, &count);
        v->data += first * a->strides[ax];
        /* one element has no step: a huge step must not overflow the stride */
        add_dim(L, ix, v, count, count > 1 ? a->strides[ax] * it->step : a->strides[ax]);
        ax++;
        break;
      }
      case IX_NEWAXIS:
        v->scalar = 0;
        add_dim(L, ix, v, 1, 0);
        break;
      case IX_ARRAY: case IX_MASK: case IX_BOOL0: {
        lpy_fancy_entry *en = &f->adv[f->nadv++];
        int k, nd = it->kind == IX_MASK ? it->arr->ndim : it->kind == IX_ARRAY;
        memset(en, 0, sizeof *en);
        en->kind = it->kind == IX_ARRAY ? LPY_FANCY_INDEX
                 : it->kind == IX_MASK ? LPY_FANCY_MASK : LPY_FANCY_BOOL0;
        en->arr = it->arr;
        en->dim = v->ndim;
        en->axis = ax;
        en->mode = LPY_MODE_RAISE;
        en->boolval = it->bval;
        if (it->kind == IX_BOOL0) add_dim(L, ix, v, 1, 0);
        for (k = 0; k < nd; k++, ax++) add_dim(L, ix, v, a->shape[ax], a->strides[ax]);
        break;
      }
      default: {
        int k, rest = a->ndim - consumed;
        for (k = 0; k < rest; k++, ax++) add_dim(L, ix, v, a->shape[ax], a->strides[ax]);
      }
    }
  }
  for (; ax < a->ndim; ax++) add_dim(L, ix, v, a->shape[ax], a->strides[ax]);
  if (!adv) return 0;
  v->scalar = 0;
  f->consec = status != 2;
  f->data = v->data;
  f->ndim = v->ndim;
  memcpy(f->shape, v->shape, (size_t)v->ndim * sizeof(int64_t));
  memcpy(f->strides, v->strides, (size_t)v->ndim * sizeof(int64_t));
  return 1;
}

/* ---------------------------------------------------------- entry points */
int lb_index_get(lua_State *L) {
  lpy_array *a = lb_check(L, 1, "index");
  ixlist ix;
  view v;
  lpy_fancy f;
  ix.fn = "index";
  if (lua_type(L, 2) == LUA_TNUMBER && lua_isinteger(L, 2) && a->ndim >= 1) {
    /* fast path: a[i] */
    int64_t i = position(L, lua_tointeger(L, 2), a->shape[0], 0, "index");
    char *p = a->data + i * a->strides[0];
    if (a->ndim == 1) {
      lb_push_elem(L, a->dtype, p);
      return 1;
    }
    lb_push_view(L, 1, a->dtype, a->ndim - 1, a->shape + 1, a->strides + 1, p);
    return 1;
  }
  parse_key(L, 2, &ix);
  if (apply(L, a, &ix, &v, &f)) {
    lpy_err e;
    lpy_array *out;
    if (lpy_fancy_prepare(&f, &e)) return lb_core_error(L, "index", &e);
    out = lb_push_new(L, a->dtype, f.ondim, f.oshape, 0, "index");
    if (lpy_fancy_get(&f, out, &e)) return lb_core_error(L, "index", &e);
    return 1;
  }
  if (v.scalar) lb_push_elem(L, a->dtype, v.data);   /* a[{}] of 0-d too */
  else lb_push_view(L, 1, a->dtype, v.ndim, v.shape, v.strides, v.data);
  return 1;
}

/* the dtype to convert an assigned value at idx to: a's for a table, so
   that its elements are stored as scalars are (a Lua integer must fit,
   a complex number needs a complex array); an array's own */
static int value_dtype(lua_State *L, int idx, const lpy_array *a) {
  return lua_type(L, idx) == LUA_TTABLE && !lb_test(L, idx) ? (int)a->dtype : -1;
}

/* a[key] = value for an advanced key: the value is converted to a's dtype
   and broadcast to the selection's shape */
static int fancy_set(lua_State *L, lpy_array *a, lpy_fancy *f) {
  lpy_err e;
  lpy_array *src;
  int i;
  /* an index or mask sharing a's memory (a[a] = v) would change under the
     writes, after its positions were checked: use a copy */
  for (i = 0; i < f->nadv; i++) {
    const lpy_array *x = f->adv[i].arr;
    if (x && lpy_arrays_overlap(x, a)) f->adv[i].arr = lb_push_copy(L, x, "setindex");
  }
  if (lpy_fancy_prepare(f, &e)) return lb_core_error(L, "setindex", &e);
  if (lua_type(L, 3) == LUA_TNUMBER || lua_type(L, 3) == LUA_TBOOLEAN ||
      lb_testcomplex(L, 3)) {
    _Alignas(16) char val[16];
    lpy_operand op;
    lb_operand(L, 3, &op, "setindex");
    lb_set_scalar(L, a->dtype, val, &op, "setindex");
    if (lpy_fancy_set(f, val, 1, &e)) return lb_core_error(L, "setindex", &e);
    return 0;
  }
  src = lb_toarray(L, 3, value_dtype(L, 3, a), "setindex");
  if (!(src->dtype == a->dtype && src->ndim == f->ondim &&
        memcmp(src->shape, f->oshape, (size_t)f->ondim * sizeof(int64_t)) == 0 &&
        (src->flags & LPY_C_CONTIGUOUS) && !lpy_arrays_overlap(src, a))) {
    lpy_array *tmp = lb_push_new(L, a->dtype, f->ondim, f->oshape, 0, "setindex");
    if (lpy_array_assign(tmp, src, &e)) return lb_core_error(L, "setindex", &e);
    src = tmp;
  }
  if (lpy_fancy_set(f, src->data, 0, &e)) return lb_core_error(L, "setindex", &e);
  return 0;
}

int lb_index_set(lua_State *L) {
  lpy_array *a = lb_check(L, 1, "setindex");
  lpy_array_space dst;
  ixlist ix;
  view v;
  lpy_fancy f;
  lpy_array *src;
  lpy_err e;
  if (!(a->flags & LPY_WRITEABLE))
    return lb_error(L, "setindex", "assignment destination is read-only");
  ix.fn = "setindex";
  parse_key(L, 2, &ix);
  if (apply(L, a, &ix, &v, &f)) return fancy_set(L, a, &f);
  lpy_array_init(&dst.a, a->dtype, v.ndim, v.shape, v.strides, v.data, NULL);
  /* a scalar is converted once, then broadcast */
  if (lb_assign_scalar(L, &dst.a, 3, "setindex")) return 0;
  src = lb_toarray(L, 3, value_dtype(L, 3, a), "setindex");
  if (lpy_array_assign(&dst.a, src, &e) != 0) lb_core_error(L, "setindex", &e);
  return 0;
}

void lb_open_index(lua_State *L, int modidx, int mtidx) {
  (void)L; (void)modidx; (void)mtidx;
}
