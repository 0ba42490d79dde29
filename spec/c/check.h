/*
** check.h - the CHECK macro and counters the C test programs share.
*/
#ifndef LPY_TEST_CHECK_H
#define LPY_TEST_CHECK_H

#include <stdio.h>

static int passed, failed;

#define CHECK(cond, ...)                                              \
  do {                                                                \
    if (cond) passed++;                                               \
    else {                                                            \
      failed++;                                                       \
      printf("FAIL %s:%d: ", __FILE__, __LINE__);                     \
      printf(__VA_ARGS__);                                            \
      printf("\n");                                                   \
    }                                                                 \
  } while (0)

#endif
