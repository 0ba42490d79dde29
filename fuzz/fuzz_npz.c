/*
** fuzz_npz.c - libFuzzer harness of the .npz (ZIP) reader: any bytes go
** through lpy_zip_open; every member whose checked size is modest is
** extracted (stored or inflated, CRC-checked) and, when that succeeds,
** its bytes are parsed as a .npy header. Also built by gcc with
** fuzz/replay.c.
*/
#include <stdlib.h>
#include <string.h>
#include "../src/core/npyio.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size) {
  lpy_zip z;
  lpy_err e;
  size_t i;
  if (lpy_zip_open(&z, data, size, &e)) return 0;
  for (i = 0; i < z.count && i < 64; i++) {
    uint64_t us;
    char *b;
    lpy_npy_header h;
    if (lpy_zip_size(&z, i, &us, &e) || us > ((uint64_t)1 << 24)) continue;
    b = malloc(us ? (size_t)us : 1);
    if (!b) break;
    if (lpy_zip_extract(&z, i, b, &e) == LPY_OK)
      (void)lpy_npy_parse(b, (size_t)us, 10000, &h, &e);
    free(b);
  }
  lpy_zip_free(&z);
  return 0;
}
