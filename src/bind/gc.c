/*
** gc.c - how Lua's garbage collector learns about array memory, which lives
** outside its heap: the collection policy for array allocations, and
** np.memory_info().
*/
#include <string.h>
#include "lbind.h"

/* Array memory lives outside Lua's heap, so the collector must be told.
   Each state counts the array bytes allocated since its last collection.
   - In generational mode (the default of the lua5.4 program, and what
     collectgarbage("generational") selects) a young collection costs
     little and frees the temporaries that died since the last one, so one
     runs every so many bytes of arrays: memory is reused while still in
     the CPU caches, as NumPy's reference counting reuses it. Lua makes an
     object old once it has lived through two young collections, and after
     that only a full collection frees it, so an array that a loop keeps
     for one iteration must not live through two. The interval is
     `factor` times the array being allocated (at least YOUNG_MIN, at most
     the array memory in use after the last full collection): a loop that
     allocates one array an iteration needs 2, one that allocates more
     (a * b + c makes two) needs more. The factor is kept per size class
     of the allocation (a power of two), since a program's loops tend to
     differ in their arrays' sizes. A full collection runs only for what
     young collections cannot free: when the array memory in use has grown
     past the amount in use after the last full collection (or the lowest
     amount in use since, when the program has freed memory meanwhile) by
     the larger of that amount and GC_MIN_BYTES, plus the young interval.
     If it then frees most of that growth, and that is more than an eighth
     of what the allocation's class allocated since its last full
     collection or change of factor, arrays are outliving two young
     collections, and the factor of the class grows by one (up to
     FACTOR_MAX). (The odd array that Lua's own young collections, which
     run when the Lua heap grows, make old is not a reason.) After
     `patience` young collections of a class with no full one, its factor
     is tried one lower (down to FACTOR_MIN),
     to follow a program whose loops change; a try that a full collection
     soon proves wrong doubles that class's patience, one that holds
     resets it to PATIENCE_MIN.
   - In incremental mode a full collection runs once the bytes allocated
     since the last one pass the larger of GC_MIN_BYTES, the array memory in
     use after it and twice the Lua heap: a full collection costs time in
     proportion to the Lua heap (marking an array never touches its data),
     so this keeps its cost per allocated byte bounded, as Lua's own pause
     of 200% does, and memory within twice what is in use.
   The mode is read when a full collection runs: switching to generational
   mode and back is itself a full collection, and its result says which mode
   the state was in (lua_gc returns the previous mode). A young collection
   never ends a cycle, so a step that does shows that the state has been
   switched to incremental mode since. */
#define GC_MIN_BYTES ((size_t)4 << 20)
#define YOUNG_MIN ((size_t)256 << 10)
#define FACTOR_MIN 2
#define FACTOR_MAX 64
#define PATIENCE_MIN 64
#define PATIENCE_MAX (1 << 20)
#define NCLASS 65              /* size classes: bit length of the size */
static const char gc_key = 'g';

typedef struct sizeclass {
  int factor;              /* young interval, in arrays of this class */
  int patience;            /* young collections before a lower try */
  int quiet;               /* young collections since the last full one */
  int trying;              /* the factor was lowered and not yet proven */
  size_t since;            /* bytes allocated since the last full
                              collection it asked for or change of factor */
} sizeclass;

typedef struct gcstate {
  size_t pending;          /* bytes since the last full collection */
  size_t young;            /* bytes since the last young collection */
  size_t base;             /* array bytes in use after the last full one */
  int generational;        /* the mode seen at the last full collection */
  lua_Integer nfull, nyoung;   /* collections run, for np.memory_info */
  int last;                /* class of the last allocation */
  sizeclass cls[NCLASS];
} gcstate;

/* the size class of n bytes: its bit length */
static int class_of(size_t n) {
  return n ? 64 - __builtin_clzll((unsigned long long)n) : 0;
}

static gcstate *state(lua_State *L) {
  gcstate *g;
  lua_rawgetp(L, LUA_REGISTRYINDEX, &gc_key);
  g = (gcstate *)lua_touserdata(L, -1);
  lua_pop(L, 1);
  return g;
}

static void full_collect(lua_State *L, gcstate *g, sizeclass *c) {
  size_t before = lpy_mem_live(), after, freed;
#if LUA_VERSION_NUM >= 504
  if (lua_gc(L, LUA_GCGEN, 0, 0) == LUA_GCGEN) {
    g->generational = 1;         /* nothing changed: collect as asked */
    lua_gc(L, LUA_GCCOLLECT, 0);
  } else {
    g->generational = 0;         /* entering collected everything; go back */
    lua_gc(L, LUA_GCINC, 0, 0, 0);
  }
#else
  lua_gc(L, LUA_GCCOLLECT, 0);
#endif
  after = lpy_mem_live();
  freed = before > after ? before - after : 0;
  /* arrays of this class are dying old (see the top of this file) */
  if (g->generational && before > g->base &&
      freed > (before - g->base) / 2 && freed > c->since / 8) {
    if (c->factor < FACTOR_MAX) c->factor++;
    if (c->trying && c->patience < PATIENCE_MAX) c->patience *= 2;
    c->trying = 0;
  }
  c->since = 0;
  c->quiet = 0;
  g->pending = g->young = 0;
  g->base = after;
  g->nfull++;
}

/* bytes between young collections when n bytes are being allocated: no
   more garbage than the memory in use after the last full collection
   (unless the minimum factor asks for more) */
static size_t interval(const gcstate *g, const sizeclass *c, size_t n) {
  size_t i = (size_t)c->factor * n, cap = FACTOR_MIN * n;
  if (cap < g->base) cap = g->base;
  if (i > cap) i = cap;
  return i > YOUNG_MIN ? i : YOUNG_MIN;
}

static void young_collect(lua_State *L, gcstate *g, sizeclass *c, size_t n) {
  /* a step that ends a cycle: the state has gone incremental since */
  if (lua_gc(L, LUA_GCSTEP, 0)) g->generational = 0;
  if (++c->quiet >= c->patience) {
    c->quiet = 0;
    if (c->trying) {             /* the lower factor held */
      c->trying = 0;
      c->patience = PATIENCE_MIN;
    } else if (c->factor > FACTOR_MIN) {
      c->factor--;
      c->trying = 1;
      c->since = 0;
    }
  }
  g->young = n;               /* allocated after this collection */
  g->nyoung++;
}

void lb_gc_account(lua_State *L, size_t n) {
  gcstate *g = state(L);
  sizeclass *c;
  size_t live, slack;
  if (!g) return;
  /* less in use than after the last full collection: memory was freed
     since (a collection the program asked for, closed arrays), and the
     old figure would let garbage grow that much more before the next */
  live = lpy_mem_live();
  if (live < g->base) g->base = live;
  g->pending += n;
  g->young += n;
  g->last = class_of(n);
  c = &g->cls[g->last];
  c->since += n;
  if (g->generational) {
    if (g->young >= interval(g, c, n)) young_collect(L, g, c, n);
    /* what young collections could not free: old garbage */
    live = lpy_mem_live() + n;
    slack = g->base > GC_MIN_BYTES ? g->base : GC_MIN_BYTES;
    if (live > g->base && live - g->base >= slack + interval(g, c, n) + n)
      full_collect(L, g, c);
    return;
  }
  if (g->pending < GC_MIN_BYTES || g->pending < g->base) return;
  if (g->pending >= (size_t)lua_gc(L, LUA_GCCOUNT, 0) << 11)
    full_collect(L, g, c);
}

/* np.memory_info(): array memory and the collections LumPy asked for */
static int l_memory_info(lua_State *L) {
  gcstate *g = state(L);
  lua_createtable(L, 0, 5);
  lua_pushinteger(L, (lua_Integer)lpy_mem_live());
  lua_setfield(L, -2, "live");
  lua_pushinteger(L, (lua_Integer)lpy_mem_cached());
  lua_setfield(L, -2, "cached");
  lua_pushinteger(L, (lua_Integer)g->nfull);
  lua_setfield(L, -2, "full_collections");
  lua_pushinteger(L, (lua_Integer)g->nyoung);
  lua_setfield(L, -2, "young_collections");
  lua_pushinteger(L, (lua_Integer)g->cls[g->last].factor);
  lua_setfield(L, -2, "young_factor");
  return 1;
}

static const luaL_Reg funcs[] = {
  {"memory_info", l_memory_info},
  {NULL, NULL}
};

void lb_open_gc(lua_State *L, int modidx) {
  gcstate *g = lua_newuserdata(L, sizeof *g);
  int i;
  memset(g, 0, sizeof *g);
  for (i = 0; i < NCLASS; i++) {
    g->cls[i].factor = FACTOR_MIN;
    g->cls[i].patience = PATIENCE_MIN;
  }
#if LUA_VERSION_NUM >= 504
  /* the state's mode, read without changing it when it is generational */
  g->generational = lua_gc(L, LUA_GCGEN, 0, 0) == LUA_GCGEN;
  if (!g->generational) lua_gc(L, LUA_GCINC, 0, 0, 0);
#endif
  lua_rawsetp(L, LUA_REGISTRYINDEX, &gc_key);
  lb_register(L, modidx, 0, funcs, NULL);
}
