/*
** test_npyio.c - the file-format core without Lua: .npy headers written
** and parsed back for every dtype and a range of shapes; .npz archives
** written to memory (stored and deflated) and read back with their CRCs;
** the ZIP64 records the writer emits past 4 GiB, checked by pretending the
** archive already holds 5 GB before its members (the reader must then parse
** the ZIP64 directory and refuse the members, which lie outside the bytes
** it was given). Run under `make ctest` and `make sanitize`; not part of
** the cross build (it needs zlib).
*/
#include <stdlib.h>
#include <string.h>
#include "../../src/core/npyio.h"
#include "check.h"

static void headers(void) {
  int64_t shapes[][3] = {{0, 0, 0}, {7, 0, 0}, {2, 3, 0}, {0, 5, 4},
                         {123456789012LL, 1, 1}};
  int ndims[] = {0, 1, 2, 3, 3};
  int t, k, f;
  for (t = 0; t < LPY_NTYPES; t++)
    for (k = 0; k < 5; k++)
      for (f = 0; f < 2; f++) {
        char out[4096];
        lpy_npy_header h;
        lpy_err e;
        size_t n = lpy_npy_header_write(out, sizeof out, (lpy_dtype)t, f, ndims[k],
                                        shapes[k], 0, &e);
        int st = lpy_npy_parse(out, n, 10000, &h, &e), i, same = 1;
        CHECK(n > 0 && n % 64 == 0 && out[n - 1] == '\n', "header length %zu", n);
        CHECK(st == 0, "parse: %s", e.msg);
        if (st) continue;
        for (i = 0; i < ndims[k]; i++) same &= h.shape[i] == shapes[k][i];
        CHECK(h.dtype == (lpy_dtype)t && h.ndim == ndims[k] && h.fortran == f &&
              !h.swap && same && h.data_offset == n && h.major == 1,
              "round trip dtype %d shape %d fortran %d", t, k, f);
        /* every shorter prefix is refused */
        for (i = 0; i < (int)n; i += 7)
          CHECK(lpy_npy_parse(out, (size_t)i, 10000, &h, &e) != 0, "prefix %d accepted", i);
      }
}

/* write an archive of two members to memory; pretend: bytes already "in"
   the file before the first member (only the offsets see them) */
static char *archive(int compress, uint64_t pretend, size_t *len) {
  char *buf = NULL, hdr[4096];
  size_t blen = 0;
  FILE *f = open_memstream(&buf, &blen);
  lpy_zipw w;
  lpy_err e;
  int64_t shape[1] = {1000};
  double *d = malloc(1000 * sizeof *d);
  size_t hl;
  int i;
  for (i = 0; i < 1000; i++) d[i] = i * 0.5;
  lpy_zipw_init(&w, f);
  w.pos = pretend;
  hl = lpy_npy_header_write(hdr, sizeof hdr, LPY_FLOAT64, 0, 1, shape, 0, &e);
  CHECK(lpy_zipw_add(&w, "a.npy", hdr, hl, (char *)d, 8000, compress, &e) == 0 || pretend,
        "add: %s", e.msg);
  if (!pretend) {
    CHECK(lpy_zipw_add(&w, "b.txt", "hello", 5, "", 0, compress, &e) == 0, "add: %s", e.msg);
  } else {
    /* members whose sizes need ZIP64 too, without writing them */
    w.e[w.count - 1].usize = (uint64_t)6 << 30;
    w.e[w.count - 1].csize = (uint64_t)5 << 30;
  }
  CHECK(lpy_zipw_finish(&w, &e) == 0, "finish: %s", e.msg);
  lpy_zipw_free(&w);
  fclose(f);
  free(d);
  *len = blen;
  return buf;
}

static void zips(void) {
  int c;
  for (c = 0; c < 2; c++) {
    size_t n, i;
    char *p = archive(c, 0, &n), *out;
    lpy_zip z;
    lpy_err e;
    uint64_t us;
    lpy_npy_header h;
    CHECK(lpy_zip_open(&z, p, n, &e) == 0, "open: %s", e.msg);
    CHECK(z.count == 2 && z.e[0].method == (c ? 8 : 0), "entries");
    CHECK(lpy_zip_size(&z, 0, &us, &e) == 0 && us == 128 + 8000, "size");
    out = malloc((size_t)us);
    CHECK(lpy_zip_extract(&z, 0, out, &e) == 0, "extract: %s", e.msg);
    CHECK(lpy_npy_parse(out, (size_t)us, 0, &h, &e) == 0 && h.size == 1000, "member header");
    CHECK(((double *)(out + 128))[999] == 499.5, "member data");
    free(out);
    CHECK(lpy_zip_size(&z, 1, &us, &e) == 0 && us == 5, "size b");
    out = malloc(5);
    CHECK(lpy_zip_extract(&z, 1, out, &e) == 0 && memcmp(out, "hello", 5) == 0, "b");
    free(out);
    lpy_zip_free(&z);
    /* any cut of the archive is refused or reads members safely */
    for (i = 0; i < n; i += 3) {
      if (lpy_zip_open(&z, p, i, &e) == 0) {
        size_t k;
        for (k = 0; k < z.count; k++)
          if (lpy_zip_size(&z, k, &us, &e) == 0 && us < 100000) {
            out = malloc(us ? (size_t)us : 1);
            (void)lpy_zip_extract(&z, k, out, &e);
            free(out);
          }
        lpy_zip_free(&z);
      }
    }
    free(p);
  }
}

static void zip64(void) {
  size_t n;
  uint64_t five = 5000000000ULL, us;
  char *p = archive(0, five, &n);
  lpy_zip z;
  lpy_err e;
  /* the central directory's offset is past 4 GiB: the archive's own offsets
     are shifted by 'five', so rebase them the way a reader of the real file
     would see them: only the directory parse is checked */
  CHECK(lpy_zip_open(&z, p, n, &e) != 0, "a shifted archive must be refused");
  /* the records are there: ZIP64 end record, locator, 0xffff counts */
  CHECK(n > 98 && memcmp(p + n - 22, "PK\5\6", 4) == 0 &&
        memcmp(p + n - 42, "PK\6\7", 4) == 0 && memcmp(p + n - 98, "PK\6\6", 4) == 0,
        "ZIP64 end records");
  CHECK((unsigned char)p[n - 22 + 10] == 0xff && (unsigned char)p[n - 22 + 11] == 0xff,
        "entry count 0xffff");
  /* make the offsets relative to this buffer: patch the ZIP64 end record's
     directory offset and the locator's record offset */
  {
    unsigned char *q = (unsigned char *)p;
    uint64_t cd, rec;
    int i;
    memcpy(&cd, q + n - 98 + 48, 8);
    memcpy(&rec, q + n - 42 + 8, 8);
    cd -= five;
    rec -= five;
    for (i = 0; i < 8; i++) {
      q[n - 98 + 48 + i] = (unsigned char)(cd >> (8 * i));
      q[n - 42 + 8 + i] = (unsigned char)(rec >> (8 * i));
    }
  }
  CHECK(lpy_zip_open(&z, p, n, &e) == 0, "ZIP64 directory: %s", e.msg);
  if (z.count == 1) {
    CHECK(z.e[0].offset == five && z.e[0].usize == (uint64_t)6 << 30 &&
          z.e[0].csize == (uint64_t)5 << 30, "ZIP64 extra fields");
    CHECK(lpy_zip_size(&z, 0, &us, &e) != 0, "a member outside the file must be refused");
  } else {
    CHECK(0, "one entry expected, got %zu", z.count);
  }
  lpy_zip_free(&z);
  free(p);
}

int main(void) {
  headers();
  zips();
  zip64();
  printf("test_npyio: %d passed, %d failed\n", passed, failed);
  return failed != 0;
}
