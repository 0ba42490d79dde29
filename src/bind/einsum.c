/*
** einsum.c - Lua binding of np.einsum (the subscripts-string call; the
** optimize= path over three or more operands, the sublist format and
** np.einsum_path are in lumpy/einsum.lua) and of the primitives that Lua
** part uses: parse (subscripts -> label lists) and contract (labels given
** as lists).
*/
#include <string.h>
#include "lbind.h"
#include "../core/einsum.h"

static const char *const einsum_opts[] = {"out", "dtype", "order", "casting",
                                          "optimize", NULL};

/* the options, read once */
typedef struct eopts {
  lpy_array *out;
  int outidx;                 /* its stack index */
  int dtype;                  /* -1: from the operands */
  lpy_casting casting;
  char order;                 /* 'C', 'F', 'A', 'K' */
} eopts;

static void read_opts(lua_State *L, int opts, eopts *o, const char *fn) {
  o->out = NULL; o->outidx = 0; o->dtype = -1; o->casting = LPY_CAST_SAFE;
  o->order = 'K';
  if (!opts) return;
  lb_checkopts(L, opts, fn, einsum_opts);
  if (lb_optfield(L, opts, "out") != LUA_TNIL) {
    o->out = lb_test(L, -1);
    if (!o->out) lb_error(L, fn, "out must be an array");
    if (!(o->out->flags & LPY_WRITEABLE)) lb_error(L, fn, "out is read-only");
    o->outidx = lua_gettop(L);            /* stays on the stack */
  } else
    lua_pop(L, 1);
  lb_optfield(L, opts, "dtype");
  o->dtype = lb_optdtype(L, -1, -1, fn);
  lua_pop(L, 1);
  o->casting = lb_optcasting(L, opts, LPY_CAST_SAFE, fn);
  /* optimize only matters for three or more operands (lumpy/einsum.lua);
     its value is checked here too */
  switch (lb_optfield(L, opts, "optimize")) {
  case LUA_TNIL: case LUA_TBOOLEAN: break;
  case LUA_TSTRING: {
    const char *v = lua_tostring(L, -1);
    if (strcmp(v, "greedy") == 0 || strcmp(v, "optimal") == 0) break;
  } /* fall through */
  default:
    if (lua_type(L, -1) == LUA_TTABLE) {
      lua_rawgeti(L, -1, 1);
      if (lua_type(L, -1) == LUA_TSTRING &&
          (strcmp(lua_tostring(L, -1), "einsum_path") == 0 ||
           strcmp(lua_tostring(L, -1), "greedy") == 0 ||
           strcmp(lua_tostring(L, -1), "optimal") == 0)) {
        lua_pop(L, 1);
        break;
      }
      lua_pop(L, 1);
    }
    lb_error(L, fn, "optimize must be a boolean, 'greedy', 'optimal', "
             "{strategy, memory_limit} or a path {\"einsum_path\", {1, 2}, ...}");
  }
  lua_pop(L, 1);
  if (lb_optfield(L, opts, "order") != LUA_TNIL) {
    const char *r = lua_tostring(L, -1);
    if (!r || strlen(r) != 1 || !strchr("CFAKcfak", r[0]))
      lb_error(L, fn, "order must be one of 'C', 'F', 'A', or 'K'");
    o->order = (char)(r[0] & ~0x20);
  }
  lua_pop(L, 1);
}

/* Evaluate with the operands at stack positions first .. first+nop-1
   (already arrays) under the labels sb. Pushes one result. */
static int evaluate(lua_State *L, lpy_einsum_subs *sb, int first, eopts *o,
                    const char *fn) {
  int nop = sb->nop, k, fortran = 0;
  lpy_array *ops[LPY_EINSUM_MAXOPS], *res;
  lpy_operand in[LPY_EINSUM_MAXOPS];
  char *data[LPY_EINSUM_MAXOPS];
  int64_t shape[LPY_MAXDIMS];
  lpy_einsum_plan plan, *p;
  lpy_dtype t;
  lpy_err e;
  p = &plan;
  for (k = 0; k < nop; k++) {
    ops[k] = lb_test(L, first + k);
    memset(&in[k], 0, sizeof in[k]);
    in[k].arr = ops[k];
  }
  if (lpy_einsum_plan_make(sb, ops, p, &e)) lb_core_error(L, fn, &e);
  t = o->dtype >= 0 ? (lpy_dtype)o->dtype : lpy_result_type(nop, in);
  for (k = 0; k < nop; k++)
    if (!lpy_can_cast(ops[k]->dtype, t, o->casting))
      lb_error(L, fn, "cannot cast operand %d from %s to %s according to the "
               "rule '%s'", k + 1, lpy_dtypes[ops[k]->dtype].name,
               lpy_dtypes[t].name, lpy_casting_names[o->casting]);
  lpy_einsum_out_shape(p, shape);
  if (o->out) {
    int same = o->out->ndim == p->nout, i;
    for (i = 0; same && i < p->nout; i++) same = o->out->shape[i] == shape[i];
    if (!same) {
      char s1[200], s2[200];
      lpy_shape_str(o->out->ndim, o->out->shape, s1, sizeof s1);
      lpy_shape_str(p->nout, shape, s2, sizeof s2);
      lb_error(L, fn, "out has shape %s, the result has shape %s", s1, s2);
    }
    if (!lpy_can_cast(t, o->out->dtype, o->casting))
      lb_error(L, fn, "cannot cast the result from %s to out's dtype %s "
               "according to the rule '%s'", lpy_dtypes[t].name,
               lpy_dtypes[o->out->dtype].name, lpy_casting_names[o->casting]);
  }
  /* one operand, nothing summed: a view, as NumPy's */
  if (nop == 1 && !o->out && t == ops[0]->dtype && p->nl == p->nout) {
    int64_t st[LPY_MAXDIMS];
    int i;
    for (i = 0; i < p->nout; i++) st[i] = p->stride[0][p->out[i]];
    res = lb_push_view(L, first, t, p->nout, shape, st, ops[0]->data);
    if (p->nout == 0) lb_push_elem(L, t, res->data);
    return 1;
  }
  /* operands in the compute dtype, their elements aligned for it (the
     kernels read them through typed pointers) */
  for (k = 0; k < nop; k++) {
    if (ops[k]->dtype != t || !(ops[k]->flags & LPY_ALIGNED)) {
      lpy_array *c = lb_push_new(L, t, ops[k]->ndim, ops[k]->shape, 0, fn);
      if (lpy_array_assign(c, ops[k], &e) != 0) lb_core_error(L, fn, &e);
      ops[k] = c;
      lpy_einsum_set_op(p, k, c);
    }
    data[k] = ops[k]->data;
  }
  /* the result: straight into out when it has the dtype, is aligned and
     overlaps no operand, else a new array */
  res = o->out;
  if (res) {
    if (res->dtype != t || !(res->flags & LPY_ALIGNED)) res = NULL;
    for (k = 0; res && k < nop; k++)
      if (lpy_arrays_overlap(res, ops[k])) res = NULL;
  }
  if (!res) {
    if (o->order == 'F') fortran = 1;
    else if (o->order == 'A') {
      fortran = 1;
      for (k = 0; k < nop; k++)
        if ((ops[k]->flags & (LPY_F_CONTIGUOUS | LPY_C_CONTIGUOUS)) != LPY_F_CONTIGUOUS)
          fortran = 0;
    }
    res = lb_push_new(L, t, p->nout, shape, 0, fn);
    if (fortran) lb_make_fortran(res);
  }
  lpy_einsum_set_out(p, res);
  if (lpy_einsum_run(p, data, t, res, 1, &e) != 0) lb_core_error(L, fn, &e);
  if (o->out) {
    if (res != o->out && lpy_array_assign(o->out, res, &e) != 0)
      lb_core_error(L, fn, &e);
    lua_pushvalue(L, o->outidx);
    return 1;
  }
  if (p->nout == 0) lb_push_elem(L, t, res->data);
  return 1;
}

/* np.einsum(subscripts, op1, ..., opN [, {out=, dtype=, order=, casting=,
   optimize=}]) */
static int l_einsum(lua_State *L) {
  const char *fn = "einsum";
  int opts = lb_opts(L, 2), top = opts ? opts - 1 : lua_gettop(L);
  int nop = top - 1, k, ndims[LPY_EINSUM_MAXOPS];
  const char *s;
  lpy_einsum_subs sb;
  eopts o;
  lpy_err e;
  if (lua_type(L, 1) != LUA_TSTRING)
    lb_error(L, fn, "the first argument must be the subscripts string");
  s = lua_tostring(L, 1);
  if (nop < 1) lb_error(L, fn, "at least one operand is needed");
  if (nop > LPY_EINSUM_MAXOPS)
    lb_error(L, fn, "too many operands (at most %d)", LPY_EINSUM_MAXOPS);
  if (strlen(s) != lua_rawlen(L, 1))
    lb_error(L, fn, "the subscripts string contains a zero byte");
  read_opts(L, opts, &o, fn);
  for (k = 0; k < nop; k++) {
    lpy_array *a = lb_toarray(L, 2 + k, -1, fn);
    lua_replace(L, 2 + k);
    ndims[k] = a->ndim;
  }
  if (lpy_einsum_parse(s, nop, ndims, &sb, &e)) lb_core_error(L, fn, &e);
  return evaluate(L, &sb, 2, &o, fn);
}

/* a sequence of label ids at idx (for operand k, or the output when
   k < 0) into lab[]; returns the count */
static int read_labels(lua_State *L, int idx, unsigned char *lab, int k,
                       const char *fn) {
  int n, i;
  if (lua_type(L, idx) != LUA_TTABLE) lb_error(L, fn, "labels must be a sequence");
  n = (int)lua_rawlen(L, idx);
  if (n > LPY_MAXDIMS) lb_error(L, fn, "too many labels");
  for (i = 0; i < n; i++) {
    lua_Integer v;
    lua_rawgeti(L, idx, i + 1);
    v = lua_tointeger(L, -1);
    if (!lua_isinteger(L, -1) || v < 0 || v >= LPY_EINSUM_MAXLABELS)
      lb_error(L, fn, "bad label in %s%d", k < 0 ? "the output" : "operand ",
               k < 0 ? 0 : k + 1);
    lab[i] = (unsigned char)v;
    lua_pop(L, 1);
  }
  return n;
}

/* internal.contract(ops, labels, outlabels [, opts]): einsum with the labels
   given as sequences of ids (one per operand), for the path steps and the
   sublist format */
static int l_contract(lua_State *L) {
  const char *fn = "einsum";
  lpy_einsum_subs sb;
  eopts o;
  lpy_err e;
  int k, nop, first;
  luaL_checktype(L, 1, LUA_TTABLE);
  luaL_checktype(L, 2, LUA_TTABLE);
  read_opts(L, lua_istable(L, 4) ? 4 : 0, &o, fn);
  nop = (int)lua_rawlen(L, 1);
  if (nop < 1 || nop > LPY_EINSUM_MAXOPS || (int)lua_rawlen(L, 2) != nop)
    lb_error(L, fn, "between 1 and %d operands, each with its labels, are needed",
             LPY_EINSUM_MAXOPS);
  sb.nop = nop;
  for (k = 0; k < nop; k++) {
    lua_rawgeti(L, 2, k + 1);
    sb.ndim[k] = read_labels(L, -1, sb.lab[k], k, fn);
    lua_pop(L, 1);
  }
  sb.nout = read_labels(L, 3, sb.out, -1, fn);
  if (lpy_einsum_check(&sb, &e)) lb_core_error(L, fn, &e);
  first = lua_gettop(L) + 1;
  for (k = 0; k < nop; k++) {
    lua_rawgeti(L, 1, k + 1);
    lb_toarray(L, -1, -1, fn);
    lua_remove(L, -2);
  }
  return evaluate(L, &sb, first, &o, fn);
}

/* internal.parse(subscripts, op1, ..., opN) -> labels (a sequence of id
   sequences), output ids, sizes (id -> size); the operands are checked */
static int l_parse(lua_State *L) {
  const char *fn = "einsum";
  int nop = lua_gettop(L) - 1, k, i, ndims[LPY_EINSUM_MAXOPS];
  lpy_array *ops[LPY_EINSUM_MAXOPS];
  lpy_einsum_subs sb;
  lpy_einsum_plan plan, *p;
  lpy_err e;
  const char *s = luaL_checkstring(L, 1);
  if (nop < 1) lb_error(L, fn, "at least one operand is needed");
  if (nop > LPY_EINSUM_MAXOPS)
    lb_error(L, fn, "too many operands (at most %d)", LPY_EINSUM_MAXOPS);
  if (strlen(s) != lua_rawlen(L, 1))
    lb_error(L, fn, "the subscripts string contains a zero byte");
  for (k = 0; k < nop; k++) {
    ops[k] = lb_toarray(L, 2 + k, -1, fn);
    lua_replace(L, 2 + k);
    ndims[k] = ops[k]->ndim;
  }
  if (lpy_einsum_parse(s, nop, ndims, &sb, &e)) lb_core_error(L, fn, &e);
  p = &plan;
  if (lpy_einsum_plan_make(&sb, ops, p, &e)) lb_core_error(L, fn, &e);
  lua_createtable(L, nop, 0);
  for (k = 0; k < nop; k++) {
    lua_createtable(L, sb.ndim[k], 0);
    for (i = 0; i < sb.ndim[k]; i++) {
      lua_pushinteger(L, sb.lab[k][i]);
      lua_rawseti(L, -2, i + 1);
    }
    lua_rawseti(L, -2, k + 1);
  }
  lua_createtable(L, sb.nout, 0);
  for (i = 0; i < sb.nout; i++) {
    lua_pushinteger(L, sb.out[i]);
    lua_rawseti(L, -2, i + 1);
  }
  lua_createtable(L, 0, p->nl);
  for (i = 0; i < p->nl; i++) {
    lua_pushinteger(L, p->size[i]);
    lua_rawseti(L, -2, p->id[i]);
  }
  return 3;
}

static const luaL_Reg internal[] = {
  {"parse", l_parse},
  {"contract", l_contract},
  {NULL, NULL}
};

static const luaL_Reg funcs[] = {
  {"einsum", l_einsum},
  {NULL, NULL}
};

void lb_open_einsum(lua_State *L, int modidx, int mtidx) {
  lb_register(L, modidx, mtidx, funcs, NULL);
  lb_register_internal(L, modidx, "einsum", internal);
}
