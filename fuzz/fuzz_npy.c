/*
** fuzz_npy.c - libFuzzer harness of the .npy header parser: any bytes go
** through lpy_npy_prefix and lpy_npy_parse; a header that parses is
** written back with lpy_npy_header_write and must parse to the same
** array description, and the data it promises is copied and byteswapped
** only when the input holds it. Also built by gcc with fuzz/replay.c.
*/
#include <stdlib.h>
#include <string.h>
#include "../src/core/npyio.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size) {
  const char *p = (const char *)data;
  lpy_npy_header h, h2;
  lpy_err e;
  size_t off = 0, need = 0, n;
  char out[4096];
  int i;
  (void)lpy_npy_prefix(p, size, 10000, &off, &need, &e);
  if (lpy_npy_parse(p, size, 0, &h, &e)) return 0;
  if (h.data_offset > size) abort();
  if ((uint64_t)h.nbytes <= size - h.data_offset) {
    char *c = malloc(h.nbytes ? (size_t)h.nbytes : 1);
    if (!c) return 0;
    memcpy(c, p + h.data_offset, (size_t)h.nbytes);
    if (h.swap) lpy_npy_byteswap(c, h.size, h.dtype);
    free(c);
  }
  n = lpy_npy_header_write(out, sizeof out, h.dtype, h.fortran, h.ndim, h.shape, 0, &e);
  if (!n || n % 64) abort();
  if (lpy_npy_parse(out, n, 0, &h2, &e)) abort();
  if (h2.dtype != h.dtype || h2.ndim != h.ndim || h2.fortran != h.fortran ||
      h2.swap || h2.nbytes != h.nbytes)
    abort();
  for (i = 0; i < h.ndim; i++)
    if (h2.shape[i] != h.shape[i]) abort();
  return 0;
}
