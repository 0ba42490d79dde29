/*
** err.c - filling the core's error record. The binding turns it into one
** Lua error; the core itself never jumps.
*/
#include <stdarg.h>
#include <stdio.h>
#include "lpy.h"

int lpy_err_set(lpy_err *e, int code, const char *fmt, ...) {
  va_list ap;
  if (e) {
    e->code = code;
    va_start(ap, fmt);
    vsnprintf(e->msg, sizeof e->msg, fmt, ap);
    va_end(ap);
  }
  return code;
}
