/*
** textio.c - Lua binding of text input/output: the primitives that
** lumpy/textio.lua builds loadtxt, savetxt, genfromtxt, tofile's text
** mode and fromstring on (internal "textio" table: loadtxt, split, parse,
** format, items, fromtext), and the raw-byte ones (rawbytes.c). Options
** are checked in Lua; these check only what could harm memory.
*/
#include <string.h>
#include "lbind.h"
#include "ltextio.h"
#include "../core/textio.h"
#include "../core/format.h"

#define SCRATCH_MT "lumpy.textio.scratch"

/* ---------------------------------------------------------- scratch */
/* a userdata holding the C core's malloc'd memory, freed by __gc if a Lua
   error leaves before the code that frees it */
static int scratch_gc(lua_State *L) {
  lpy_textload *s = luaL_checkudata(L, 1, SCRATCH_MT);
  lpy_textload_free(s);
  return 0;
}

static lpy_textload *push_scratch(lua_State *L) {
  lpy_textload *s = lc_newscratch(L, sizeof *s);
  memset(s, 0, sizeof *s);
  luaL_setmetatable(L, SCRATCH_MT);
  return s;
}

/* the tokenizer configuration from arguments at idx: delimiter (string of
   one byte, or nil: whitespace), quotechar (nil or one byte), comments (a
   sequence of non-empty strings, kept alive on the stack by the caller) */
static void read_cfg(lua_State *L, int idx, lpy_tok_cfg *c, const char *fn) {
  size_t n;
  int k, nc;
  memset(c, 0, sizeof *c);
  c->delim = c->quote = -1;
  if (!lua_isnil(L, idx)) {
    const char *d = luaL_checklstring(L, idx, &n);
    if (n != 1) lb_error(L, fn, "internal: bad delimiter");
    c->delim = (unsigned char)d[0];
  }
  if (!lua_isnil(L, idx + 1)) {
    const char *q = luaL_checklstring(L, idx + 1, &n);
    if (n != 1) lb_error(L, fn, "internal: bad quotechar");
    c->quote = (unsigned char)q[0];
  }
  if (lua_istable(L, idx + 2)) {
    nc = (int)lua_rawlen(L, idx + 2);
    if (nc > LPY_TOK_MAXCOMMENTS)
      lb_error(L, fn, "at most %d comment markers", LPY_TOK_MAXCOMMENTS);
    for (k = 0; k < nc; k++) {
      lua_rawgeti(L, idx + 2, k + 1);
      if (lua_type(L, -1) != LUA_TSTRING) lb_error(L, fn, "comments must be strings");
      c->comments[k] = lua_tolstring(L, -1, &c->commentlen[k]);
      lua_pop(L, 1);      /* the table keeps the string alive */
    }
    c->ncomments = nc;
  }
}

/* loadtxt(text, dtype, delim, quote, comments, skiprows, max_rows, usecols)
   -> a 2-d array (rows, columns) */
static int p_loadtxt(lua_State *L) {
  const char *fn = "loadtxt";
  size_t n;
  const char *text = luaL_checklstring(L, 1, &n);
  lpy_loadtxt_opts o;
  int64_t usecols[1024], shape[2];
  lpy_textload *s;
  lpy_array *a;
  lpy_err e;
  int dt = lb_optdtype(L, 2, LPY_FLOAT64, fn);
  memset(&o, 0, sizeof o);
  read_cfg(L, 3, &o.cfg, fn);
  o.dtype = (lpy_dtype)dt;
  o.skiprows = luaL_optinteger(L, 6, 0);
  o.max_rows = luaL_optinteger(L, 7, -1);
  if (lua_istable(L, 8)) {
    int k, nu = (int)lua_rawlen(L, 8);
    if (nu < 1 || nu > 1024) return lb_error(L, fn, "usecols: between 1 and 1024 columns");
    for (k = 0; k < nu; k++) {
      lua_rawgeti(L, 8, k + 1);
      usecols[k] = lua_tointeger(L, -1);
      lua_pop(L, 1);
    }
    o.nusecols = nu;
    o.usecols = usecols;
  }
  s = push_scratch(L);
  if (lpy_loadtxt(s, text, n, &o, &shape[0], &shape[1], &e) != 0) {
    lpy_textload_free(s);
    return lb_core_error(L, fn, &e);
  }
  lpy_tok_free(&s->tok);
  a = lb_push_new(L, o.dtype, 2, shape, 0, fn);
  if (s->outlen) memcpy(a->data, s->out, s->outlen);
  lpy_textload_free(s);
  return 1;
}

/* split(text, delim, quote, comments, skiprows) -> a sequence of rows, each
   a sequence of field strings (blank and comment-only lines left out) */
static int p_split(lua_State *L) {
  const char *fn = "loadtxt";
  size_t n;
  const char *text = luaL_checklstring(L, 1, &n);
  lpy_tok_cfg cfg;
  lpy_textload *s;
  lpy_err e;
  lua_Integer nr = 0;
  read_cfg(L, 2, &cfg, fn);
  s = push_scratch(L);                               /* 6 */
  lua_newtable(L);                                   /* 7 */
  lpy_tok_init(&s->tok, text, n, &cfg);
  lpy_tok_skiplines(&s->tok, luaL_optinteger(L, 5, 0));
  for (;;) {
    size_t k;
    int r = lpy_tok_row(&s->tok, &e);
    if (r < 0) {
      lpy_textload_free(s);
      return lb_core_error(L, fn, &e);
    }
    if (r == 0) break;
    if (s->tok.nf == 0) continue;
    lua_createtable(L, (int)s->tok.nf, 0);
    for (k = 0; k < s->tok.nf; k++) {
      lua_pushlstring(L, lpy_tok_field(&s->tok, k), lpy_tok_fieldlen(&s->tok, k));
      lua_rawseti(L, -2, (lua_Integer)k + 1);
    }
    lua_rawseti(L, 7, ++nr);
  }
  lpy_textload_free(s);
  return 1;
}

/* parse(s, dtype) -> the value of s as an element of dtype, or nil */
static int p_parse(lua_State *L) {
  size_t n;
  const char *s = luaL_checklstring(L, 1, &n);
  int dt = lb_optdtype(L, 2, LPY_FLOAT64, "loadtxt");
  union { char c[16]; double d[2]; } v;
  if (lpy_text_parse((lpy_dtype)dt, s, n, v.c) != 0) return 0;
  lb_push_elem(L, (lpy_dtype)dt, v.c);
  return 1;
}

/* the element of a at p as a value to format; complex parts as floats of
   the real dtype */
static void fmtval(lpy_dtype t, const char *p, lpy_fmtval *v) {
  v->t = t;
  v->p = p;
  switch (lpy_kind(t)) {
  case LPY_KIND_BOOL: case LPY_KIND_INT:
    v->kind = LPY_FV_INT;
    v->i = lpy_get_int64(t, p);
    break;
  case LPY_KIND_UINT:
    v->kind = t == LPY_UINT64 ? LPY_FV_UINT : LPY_FV_INT;
    if (t == LPY_UINT64) memcpy(&v->u, p, 8);
    else v->i = lpy_get_int64(t, p);
    break;
  default:
    v->kind = LPY_FV_FLOAT;
    v->d = lpy_get_double(t, p);
  }
}

/* add the text of spec s applied to v to the buffer; Python's TypeError
   (a float given to %x) is NumPy's "Mismatch" (mismatch != NULL) */
static void add_value(lua_State *L, luaL_Buffer *b, const lpy_fmtspec *s,
                      const lpy_fmtval *v, const char *fn, const char *mismatch) {
  char tmp[256];
  lpy_err e;
  long need = lpy_fmt_value(s, v, tmp, sizeof tmp, &e);
  if (need < 0) {
    if (e.code == LPY_ETYPE && mismatch) lb_error(L, fn, "%s", mismatch);
    lb_core_error(L, fn, &e);
  }
  if ((size_t)need < sizeof tmp) luaL_addlstring(b, tmp, (size_t)need);
  else {
    char *p = luaL_prepbuffsize(b, (size_t)need + 1);
    lpy_fmt_value(s, v, p, (size_t)need + 1, &e);
    luaL_addsize(b, (size_t)need);
  }
}

/* the compiled format of the string at idx, in a userdata pushed */
static lpy_fmtspec *compile(lua_State *L, int idx, int *nspecs, int *nconv,
                            const char *fn) {
  size_t n;
  const char *f = luaL_checklstring(L, idx, &n);
  int max = (int)(n / 2 + 2);
  lpy_fmtspec *specs = lc_newscratch(L, sizeof(lpy_fmtspec) * (size_t)max);
  lpy_err e;
  if (lpy_fmt_compile(f, n, specs, max, nspecs, nconv, &e) != 0)
    lb_core_error(L, fn, &e);
  return specs;
}

/* add the row format specs applied to values vals[0..nv) */
static void add_row(lua_State *L, luaL_Buffer *b, const char *f,
                    const lpy_fmtspec *specs, int ns, const lpy_fmtval *vals,
                    const char *fn, const char *mismatch) {
  int k, j = 0;
  for (k = 0; k < ns; k++) {
    luaL_addlstring(b, f + specs[k].lit, specs[k].litlen);
    if (specs[k].conv) add_value(L, b, &specs[k], &vals[j++], fn, mismatch);
  }
}

/* replace each "+-" by "-" in b[from..] (savetxt's complex rows) */
static void plus_minus(luaL_Buffer *b, size_t from) {
  char *s = luaL_buffaddr(b);
  size_t n = luaL_bufflen(b), i, k = from;
  for (i = from; i < n; i++) {
    if (s[i] == '+' && i + 1 < n && s[i + 1] == '-') continue;
    s[k++] = s[i];
  }
  luaL_buffsub(b, n - k);
}

/* format(X, fmt, newline) -> the text of every row of the 2-d array X with
   the full-row format fmt (2 conversions per complex element, as re, im)
   followed by newline; "+-" becomes "-" in complex rows as in NumPy */
static int p_format(lua_State *L) {
  const char *fn = "savetxt";
  lpy_array *a = lb_check(L, 1, fn);
  size_t fl, nl;
  const char *f = luaL_checklstring(L, 2, &fl);
  const char *newline = luaL_checklstring(L, 3, &nl);
  int ns, nc, cplx = lpy_iscomplex(a->dtype), per = cplx ? 2 : 1;
  lpy_fmtspec *specs;
  lpy_fmtval *vals;
  lpy_dtype rt = lpy_dtype_real(a->dtype);
  int64_t r, c, ncol;
  luaL_Buffer b;
  if (a->ndim != 2) return lb_error(L, fn, "internal: expected a 2-d array");
  ncol = a->shape[1];
  specs = compile(L, 2, &ns, &nc, fn);                       /* 4 */
  if ((int64_t)nc != ncol * per)
    return lb_error(L, fn, "Mismatch between array dtype ('%s') and format specifier ('%s')",
                    lpy_dtypes[a->dtype].name, f);
  vals = lc_newscratch(L, sizeof(lpy_fmtval) * (size_t)(nc ? nc : 1));   /* 5 */
  lua_pushfstring(L, "Mismatch between array dtype ('%s') and format specifier ('%s')",
                  lpy_dtypes[a->dtype].name, f);                               /* 6 */
  luaL_buffinit(L, &b);
  for (r = 0; r < a->shape[0]; r++) {
    size_t start = luaL_bufflen(&b);
    for (c = 0; c < ncol; c++) {
      const char *p = a->data + r * a->strides[0] + c * a->strides[1];
      if (cplx) {
        fmtval(rt, p, &vals[2 * c]);
        fmtval(rt, p + lpy_itemsize(rt), &vals[2 * c + 1]);
      } else
        fmtval(a->dtype, p, &vals[c]);
    }
    add_row(L, &b, f, specs, ns, vals, fn, lua_tostring(L, 6));
    luaL_addlstring(&b, newline, nl);
    if (cplx) plus_minus(&b, start);
  }
  luaL_pushresult(&b);
  return 1;
}

/* float32 / complex64 at p widened into w (returns the new dtype) */
static lpy_dtype widen(lpy_dtype t, const char *p, void *w) {
  double *d = w;
  if (t == LPY_FLOAT32) {
    float x;
    memcpy(&x, p, 4);
    d[0] = x;
    return LPY_FLOAT64;
  }
  if (t == LPY_COMPLEX64) {
    float x[2];
    memcpy(x, p, 8);
    d[0] = x[0];
    d[1] = x[1];
    return LPY_COMPLEX128;
  }
  return t;
}

/* items(a, fmt, sep) -> the elements of a in C order, each as str() of the
   element (fmt "") or as fmt % element, separated by sep (tofile's text) */
static int p_items(lua_State *L) {
  const char *fn = "tofile";
  lpy_array *a = lb_check(L, 1, fn);
  size_t fl, sl;
  const char *f = luaL_checklstring(L, 2, &fl);
  const char *sep = luaL_checklstring(L, 3, &sl);
  int ns = 0, nc = 0, d;
  lpy_fmtspec *specs = NULL;
  int64_t idx[LPY_MAXDIMS] = {0}, k;
  luaL_Buffer b;
  union { double d[2]; char c[16]; } w;
  lpy_dtype t;
  if (fl) {
    specs = compile(L, 2, &ns, &nc, fn);                     /* 4 */
    if (nc != 1)
      return lb_error(L, fn, nc ? "not all arguments converted during string formatting"
                                : "not enough arguments for format string");
    if (lpy_iscomplex(a->dtype) && specs[0].conv != 's')
      return lb_error(L, fn, "must be real number, not %s", lpy_dtypes[a->dtype].name);
  } else
    lua_pushnil(L);
  luaL_buffinit(L, &b);
  for (k = 0; k < a->size; k++) {
    const char *p = a->data;
    lpy_fmtval v;
    for (d = 0; d < a->ndim; d++) p += idx[d] * a->strides[d];
    if (k) luaL_addlstring(&b, sep, sl);
    /* NumPy formats the Python object its getitem makes: float32 and
       complex64 widened to double */
    t = widen(a->dtype, p, &w);
    if (t != a->dtype) p = w.c;
    if (specs) {
      fmtval(t, p, &v);
      add_row(L, &b, f, specs, ns, &v, fn, NULL);
    } else {
      char tmp[LPY_FORMAT_SCALAR_MAX];
      size_t n;
      n = lpy_format_scalar_buf(t, p, tmp, sizeof tmp);
      luaL_addlstring(&b, tmp, n < sizeof tmp ? n : sizeof tmp - 1);
    }
    for (d = a->ndim - 1; d >= 0; d--) {
      if (++idx[d] < a->shape[d]) break;
      idx[d] = 0;
    }
  }
  luaL_pushresult(&b);
  return 1;
}

static const luaL_Reg internal[] = {
  {"loadtxt", p_loadtxt},
  {"split", p_split},
  {"parse", p_parse},
  {"format", p_format},
  {"items", p_items},
  {NULL, NULL}
};

void lb_open_textio(lua_State *L, int modidx, int mtidx) {
  (void)mtidx;
  if (luaL_newmetatable(L, SCRATCH_MT)) {
    lua_pushcfunction(L, scratch_gc);
    lua_setfield(L, -2, "__gc");
  }
  lua_pop(L, 1);
  lb_register_internal(L, modidx, "textio", internal);
  lua_getfield(L, modidx, "_internal");
  lua_getfield(L, -1, "textio");
  lb_rawbytes_fns(L);
  lua_pop(L, 2);
}
