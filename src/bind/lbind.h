/*
** lbind.h - shared helpers of the Lua binding (the only C that sees lua.h).
** Every binding file registers its functions through an lb_open_* entry
** that luaopen_lumpy calls; errors leave through lb_error only.
*/
#ifndef LBIND_H
#define LBIND_H

#include "lua.h"
#include "lauxlib.h"
#include "../core/lpy.h"
#include "lcompat.h"

#define LB_ARRAY_MT "lumpy.ndarray"
#define LB_COMPLEX_MT "lumpy.complex"

/* binding-only array flag: the array was closed with a:close() */
#define LB_CLOSED 0x100

/* a complex scalar as seen from Lua */
typedef struct lb_complex { double re, im; } lb_complex;

/* ---- errors: "lumpy.<fn>: <message>", never returns */
LPY_API int lb_error(lua_State *L, const char *fn, const char *fmt, ...)
#if defined(__GNUC__)
  __attribute__((format(printf, 3, 4)))
#endif
  ;
LPY_API int lb_core_error(lua_State *L, const char *fn, const lpy_err *e);

/* ---- arrays on the Lua stack.
   The userdata memory is the lpy_array header itself (and, for small
   arrays, its data). A view keeps its owner alive through user value 1. */
LPY_API lpy_array *lb_check(lua_State *L, int idx, const char *fn);
LPY_API lpy_array *lb_test(lua_State *L, int idx);   /* NULL if not an array */
/* push a new C-contiguous array; zero fills with zeros */
LPY_API lpy_array *lb_push_new(lua_State *L, lpy_dtype t, int ndim,
                               const int64_t *shape, int zero,
                               const char *fn);
/* push a new C-contiguous copy of a (same dtype and shape) */
LPY_API lpy_array *lb_push_copy(lua_State *L, const lpy_array *a, const char *fn);
/* a as C-contiguous data of dtype t (-1: a's own) whose elements are
   aligned for their type (what a typed loop over its data needs): a itself
   when it already is, else a pushed copy (the stack holds one more value) */
LPY_API lpy_array *lb_contig(lua_State *L, lpy_array *a, int dtype,
                             const char *fn);
/* give a freshly made array Fortran-order strides */
LPY_API void lb_make_fortran(lpy_array *a);
/* opts.order ("C", "F", "A", "K"; default "K" when like is given, else
   "C"): 1 when the result should be Fortran-ordered */
LPY_API int lb_optorder(lua_State *L, int opts, const lpy_array *like,
                        const char *fn);
/* push a view of the array at baseidx with the given geometry */
LPY_API lpy_array *lb_push_view(lua_State *L, int baseidx, lpy_dtype t,
                                int ndim, const int64_t *shape,
                                const int64_t *strides, char *data);
/* push an array over the memory of buffer b (which gains a reference);
   strides NULL: C order */
LPY_API lpy_array *lb_push_buffer(lua_State *L, lpy_buffer *b, lpy_dtype t,
                                  int ndim, const int64_t *shape,
                                  const int64_t *strides, char *data,
                                  int writeable);
/* push an array userdata with room for ndim dimensions and no memory yet
   (it is collectable as it is): the caller then lays it out with
   lpy_array_init over a buffer it hands its reference to, e.g. a mapped
   file (src/bind/npyio.c) */
LPY_API lpy_array *lb_push_shell(lua_State *L, int ndim);
/* push the owner of the memory of the array at idx (its base), or nil */
LPY_API void lb_push_base(lua_State *L, int idx);

/* Convert any array-like at idx (array, number, boolean, complex scalar,
   nested table) to an array and push it (the same object if it already is
   an array of the wanted dtype; dtype -1 means "as given / inferred").
   Always pushes exactly one value. */
LPY_API lpy_array *lb_toarray(lua_State *L, int idx, int dtype,
                              const char *fn);
/* the same, but an array whose elements are not aligned for their type
   (a view of bytes, a memmap at an odd offset) comes as an aligned copy:
   for code that reads the elements through typed pointers */
LPY_API lpy_array *lb_toarray_aligned(lua_State *L, int idx, int dtype,
                                      const char *fn);
/* Read a ufunc operand: arrays as arrays, numbers/booleans/complex as weak
   scalars, tables converted (pushing the converted array). Returns the
   number of values pushed (0 or 1). */
LPY_API int lb_operand(lua_State *L, int idx, lpy_operand *op,
                       const char *fn);

/* push element at p of dtype t as a Lua value */
LPY_API void lb_push_elem(lua_State *L, lpy_dtype t, const char *p);
LPY_API void lb_push_complex(lua_State *L, double re, double im);
LPY_API lb_complex *lb_testcomplex(lua_State *L, int idx);

/* ---- argument readers */
/* dtype from a string or dtype object at idx; def when nil/none */
LPY_API int lb_optdtype(lua_State *L, int idx, int def, const char *fn);
LPY_API void lb_push_dtype(lua_State *L, lpy_dtype t);
/* shape from an integer or a sequence of integers; returns ndim */
LPY_API void lb_check_sequence(lua_State *L, int idx, lua_Integer n,
                               const char *fn, const char *what);
LPY_API int lb_checkshape(lua_State *L, int idx, int64_t *shape,
                          const char *fn);
/* axis (1-based, negative from the end) -> 0-based; errors when out of range */
LPY_API int lb_checkaxis(lua_State *L, int idx, int ndim, const char *fn);
LPY_API int lb_normaxis(lua_State *L, lua_Integer ax, int ndim,
                        const char *fn);
/* NumPy's axis=None | int | tuple at idx (0: absent): axes[k] = 1 for each
   0-based axis named, all of them for nil/false/absent (then returns 0,
   else 1); a repeated axis is an error */
LPY_API int lb_read_axes(lua_State *L, int idx, int ndim, unsigned char *axes,
                         const char *fn);
/* if the last argument is a plain options table (not an array, not a
   sequence), return its index, else 0 */
LPY_API int lb_opts(lua_State *L, int first);
/* the arguments up to slot last, nils at the end dropped: an error when
   one after slot max remains ("too many arguments: expected at most <max>
   (<what>), got <n>"); else the last slot left */
LPY_API int lb_lastarg(lua_State *L, int last, int max, const char *what,
                       const char *fn);
/* at most npos positional arguments (what names them) before the options
   table at opts (0: none): an error when a value other than nil comes
   after them (lb_lastarg); else the stack is cut to npos + 1 values, the options table
   (if any) at npos + 1 or before. Returns the options table's index. */
LPY_API int lb_maxargs(lua_State *L, int opts, int npos, const char *what,
                       const char *fn);
/* push field k of options table at idx (nil when opts == 0) */
LPY_API int lb_optfield(lua_State *L, int opts, const char *k);
/* the casting rule named at idx (an error for anything else); the
   casting= option of the options table at opts (0: none), def when absent */
LPY_API lpy_casting lb_checkcasting(lua_State *L, int idx, const char *fn);
LPY_API lpy_casting lb_optcasting(lua_State *L, int opts, lpy_casting def,
                                  const char *fn);
LPY_API void lb_push_shape(lua_State *L, int ndim, const int64_t *shape);
/* what the value at idx is, for a message asking for an integer (only
   in an error: it may push the text): "a non-integral number", a whole
   number "beyond the 64-bit integer range", or its type name */
LPY_API const char *lb_nonint_name(lua_State *L, int idx);
/* luaL_check* with LumPy's error style */
LPY_API lua_Integer lb_checkinteger(lua_State *L, int idx, const char *fn);
LPY_API lua_Integer lb_optinteger(lua_State *L, int idx, lua_Integer def,
                                  const char *fn);
LPY_API double lb_checknumber(lua_State *L, int idx, const char *fn);
/* error on any option not in the NULL-terminated list */
LPY_API void lb_checkopts(lua_State *L, int opts, const char *fn,
                          const char *const *allowed);

/* the array-like at idx as a stack of matrices (..., m, n), square when
   asked; pushes the array (src/bind/linalg.c) */
LPY_API lpy_array *lb_check_matrices(lua_State *L, int idx, int square,
                                     const char *fn);

/* ---- gc pressure (gc.c): tell the collector that n bytes of array memory
   are about to be allocated; it may collect first */
LPY_API void lb_gc_account(lua_State *L, size_t n);

/* primitives only the pure-Lua parts use: stored as module._internal[area],
   which lumpy/extras.lua hands to lumpy/<area>.lua and then removes */
LPY_API void lb_register_internal(lua_State *L, int modidx, const char *area,
                                  const luaL_Reg *fns);
/* push the submodule table module[name] (np.linalg, np.fft, ...),
   creating it when absent */
LPY_API void lb_push_submodule(lua_State *L, int modidx, const char *name);
/* register funcs into the module table and meths into the array methods */
LPY_API void lb_register(lua_State *L, int modidx, int mtidx,
                         const luaL_Reg *funcs, const luaL_Reg *meths);
/* element size check for scalar assignment: Lua integer fits dtype t */
LPY_API void lb_check_int_fits(lua_State *L, lpy_dtype t, lua_Integer v,
                               const char *fn);
/* store the Lua scalar op into p as an element of dtype t, as NumPy 2
   stores a Python scalar: a Lua integer must fit t, and a complex number
   goes only into a complex dtype */
LPY_API void lb_set_scalar(lua_State *L, lpy_dtype t, char *p,
                           const lpy_operand *op, const char *fn);
/* when the value at idx is a Lua scalar (number, boolean, complex), store
   it (as lb_set_scalar) in every element of dst and return 1; else 0 */
LPY_API int lb_assign_scalar(lua_State *L, lpy_array *dst, int idx,
                             const char *fn);

/* ---- registration: each binding file fills the module table at modidx
   and the array metatable (methods table at mtidx) */
LPY_API void lb_open_array(lua_State *L, int modidx, int mtidx);
LPY_API void lb_finish_array(lua_State *L, int mtidx);
LPY_API void lb_open_create(lua_State *L, int modidx, int mtidx);
LPY_API void lb_open_index(lua_State *L, int modidx, int mtidx);
LPY_API void lb_open_shape(lua_State *L, int modidx, int mtidx);
LPY_API void lb_open_ufunc(lua_State *L, int modidx, int mtidx);
LPY_API void lb_open_print(lua_State *L, int modidx, int mtidx);
LPY_API void lb_open_complex(lua_State *L, int modidx, int mtidx);
LPY_API void lb_open_convert(lua_State *L, int modidx, int mtidx);
LPY_API void lb_open_runtime(lua_State *L, int modidx, int mtidx);
LPY_API void lb_open_gc(lua_State *L, int modidx);
LPY_API void lb_open_reduce(lua_State *L, int modidx, int mtidx);
LPY_API void lb_open_sort(lua_State *L, int modidx, int mtidx);
LPY_API void lb_open_fancy(lua_State *L, int modidx, int mtidx);
LPY_API void lb_open_manip(lua_State *L, int modidx, int mtidx);
LPY_API void lb_open_stats(lua_State *L, int modidx, int mtidx);
LPY_API void lb_open_products(lua_State *L, int modidx, int mtidx);
LPY_API void lb_open_einsum(lua_State *L, int modidx, int mtidx);
LPY_API void lb_open_linalg(lua_State *L, int modidx, int mtidx);
LPY_API void lb_open_spectral(lua_State *L, int modidx, int mtidx);
LPY_API void lb_open_fft(lua_State *L, int modidx, int mtidx);
LPY_API void lb_open_random(lua_State *L, int modidx, int mtidx);
LPY_API void lb_open_dlpack(lua_State *L, int modidx, int mtidx);
LPY_API void lb_open_npyio(lua_State *L, int modidx, int mtidx);
LPY_API void lb_open_textio(lua_State *L, int modidx, int mtidx);

/* indexing entry points used by __index / __newindex */
LPY_API int lb_index_get(lua_State *L);
LPY_API int lb_index_set(lua_State *L);
/* tostring of an array (print.c) */
LPY_API int lb_array_tostring(lua_State *L);
LPY_API int lb_complex_tostring(lua_State *L);

#endif
