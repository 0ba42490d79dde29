/*
** slowpath.c - counts of the slow paths ufunc calls take while a capture
** is active on the calling thread (np.slowpath in Lua). See lpy.h.
*/
#include <stdio.h>
#include <string.h>
#include "lpy.h"

/* initial-exec: one load from the thread pointer, also when lumpy.so is
   dlopen()ed (a pointer fits glibc's reserve of static TLS for that) */
_Thread_local lpy_slowpath *lpy_slow_sink LPY_TLS_FAST;

void lpy_slowpath_begin(lpy_slowpath *s) {
  s->n = 0;
  s->dropped = 0;
  s->prev = lpy_slow_sink;
  lpy_slow_sink = s;
}

static void add(lpy_slowpath *s, const char *key, int64_t count) {
  int i;
  for (i = 0; i < s->n; i++)
    if (strcmp(s->c[i].key, key) == 0) {
      s->c[i].count += count;
      return;
    }
  if (s->n == LPY_SLOW_MAXKEYS) {
    s->dropped += count;
    return;
  }
  snprintf(s->c[s->n].key, sizeof s->c[0].key, "%s", key);
  s->c[s->n++].count = count;
}

int lpy_slowpath_end(lpy_slowpath *s) {
  lpy_slowpath *p;
  for (p = lpy_slow_sink; p && p != s; p = p->prev) ;
  if (!p) return 0;
  while (lpy_slow_sink != s) lpy_slowpath_end(lpy_slow_sink);
  lpy_slow_sink = s->prev;
  if (s->prev) {
    int i;
    for (i = 0; i < s->n; i++) add(s->prev, s->c[i].key, s->c[i].count);
    s->prev->dropped += s->dropped;
  }
  return 1;
}

void lpy_slowpath_note(const char *ufunc, lpy_dtype t, const char *what) {
  char key[48];
  if (!lpy_slow_sink) return;
  snprintf(key, sizeof key, "%s:%s:%s", ufunc, lpy_dtypes[t].name, what);
  add(lpy_slow_sink, key, 1);
}
