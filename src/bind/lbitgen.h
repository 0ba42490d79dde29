/*
** lbitgen.h - the bit generator object's layout and its per-kind
** operations, shared by random_bitgen.c and the files of each kind.
*/
#ifndef LB_BITGEN_H
#define LB_BITGEN_H

#include "lrandom.h"
#include "../core/rng_bg.h"

enum { LB_BG_PCG64, LB_BG_PCG64DXSM, LB_BG_PHILOX, LB_BG_SFC64, LB_BG_MT19937 };
#define LB_BG_MAXSEED 8          /* most uint64 seed words a kind takes */

typedef struct lb_bgkind lb_bgkind;
typedef struct lb_bg {
  const lb_bgkind *k;
  lpy_bitgen bg;
  union {
    lpy_pcg64 pcg;
    lpy_philox ph;
    lpy_sfc64 sfc;
    lpy_mt19937 mt;
  } u;
} lb_bg;

struct lb_bgkind {
  const char *name;
  int id;
  void (*seed)(lb_bg *g, const lb_seedseq *ss);
  void (*bind)(lb_bg *g);                 /* g->bg from g->u */
  /* push the state table without its bit_generator field */
  void (*getstate)(lua_State *L, lb_bg *g);
  void (*setstate)(lua_State *L, int t, lb_bg *g, const char *fn);
  /* advance by delta (8 words, lowest first: modulo 2^256) */
  void (*advance)(lb_bg *g, const uint32_t delta[8]);   /* NULL: none */
  void (*jump)(lb_bg *g, const uint32_t jumps[4]);      /* NULL: none */
};

LPY_API extern const lb_bgkind lb_bg_kinds[];
LPY_API lb_bg *lb_bg_test(lua_State *L, int idx);
LPY_API void lb_bg_seedwords(const lb_seedseq *ss, uint64_t *out, int n);
LPY_API void lb_bg_pushu64(lua_State *L, uint64_t v);
LPY_API void lb_bg_pushu128(lua_State *L, uint64_t hi, uint64_t lo);
LPY_API void lb_bg_getuint(lua_State *L, int t, const char *k, uint32_t *w,
                           size_t nw, const char *fn);
LPY_API uint64_t lb_bg_getu64(lua_State *L, int t, const char *k,
                              const char *fn);
LPY_API int lb_bg_gettable(lua_State *L, int t, const char *k,
                           const char *fn);
/* a uint64 (wide 8) or uint32 (wide 4) array of the n values at v */
LPY_API void lb_bg_pushwords(lua_State *L, const void *v, int n, int wide);
/* field k of the table at t: n words from an array or a sequence */
LPY_API void lb_bg_getwords(lua_State *L, int t, const char *k, void *v,
                            int n, int wide, const char *fn);
/* the kinds other than PCG64's (random_bitgen2.c) */
LPY_API extern const lb_bgkind lb_bg_philox, lb_bg_sfc64, lb_bg_mt19937;
/* Philox's counter and key arguments at cidx / kidx (0: absent) over the
   new Philox g on the stack top; sidx: the seed argument */
LPY_API void lb_philox_init(lua_State *L, lb_bg *g, int sidx, int cidx,
                            int kidx, const char *fn);
/* RandomState's seeding of the MT19937 g from the value at idx */
LPY_API void lb_mt19937_legacy_seed(lua_State *L, lb_bg *g, int idx,
                                    const char *fn);

#endif
