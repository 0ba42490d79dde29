/*
** npyio.h - NumPy's file formats in the C core: the .npy header
** (npy_format.c), the ZIP container of .npz files (npz.c) and memory-mapped
** files (npy_map.c). Pure C. Every parser takes (pointer, length), checks
** each length and offset it reads against that length before use, and
** reports through lpy_err; nothing here reads past the bytes it was given.
*/
#ifndef LPY_NPYIO_H
#define LPY_NPYIO_H

#include <stdio.h>
#include "lpy.h"

/* ------------------------------------------------------- .npy header */
#define LPY_NPY_MAGIC "\x93NUMPY"
#define LPY_NPY_MAGIC_LEN 6

typedef struct lpy_npy_header {
  int major, minor;        /* format version: 1.0, 2.0 or 3.0 */
  lpy_dtype dtype;
  int swap;                /* the data is in the other byte order */
  int fortran;             /* fortran_order */
  int ndim;
  int64_t shape[LPY_MAXDIMS];
  int64_t size;            /* elements */
  int64_t nbytes;          /* size * itemsize, checked for overflow */
  size_t data_offset;      /* magic + length field + header */
} lpy_npy_header;

/* From the first n bytes of a file: the length of everything before the
   data (data_offset), checking the magic, the version and max_header
   (NumPy's max_header_size, 0: no limit). Returns LPY_OK, an error, or
   -1 when more than n bytes are needed to tell (need is then set). */
LPY_API int lpy_npy_prefix(const char *p, size_t n, size_t max_header,
                           size_t *data_offset, size_t *need, lpy_err *e);
/* Parse the whole header (magic to the end of the dictionary) from p[0..n) */
LPY_API int lpy_npy_parse(const char *p, size_t n, size_t max_header,
                          lpy_npy_header *h, lpy_err *e);
/* Write the header NumPy writes for (t, fortran, ndim, shape) into out
   (cap bytes; 4096 is always enough). version 0 chooses as NumPy does
   (1.0 unless the header needs 2.0), else 1, 2 or 3. Returns its length,
   0 on error. */
LPY_API size_t lpy_npy_header_write(char *out, size_t cap, lpy_dtype t,
                                    int fortran, int ndim,
                                    const int64_t *shape, int version,
                                    lpy_err *e);
/* reverse the byte order of n elements of dtype t in place */
LPY_API void lpy_npy_byteswap(char *p, int64_t n, lpy_dtype t);

/* ------------------------------------------------------- ZIP (.npz) */
typedef struct lpy_zip_entry {
  const char *name;        /* points into the archive, not terminated */
  size_t namelen;
  int method;              /* 0 stored, 8 deflated */
  int flags;
  uint32_t crc;
  uint64_t csize, usize;   /* compressed and uncompressed sizes */
  uint64_t offset;         /* of the local header */
} lpy_zip_entry;

typedef struct lpy_zip {
  const unsigned char *p;  /* the archive's bytes (not owned) */
  size_t n;
  size_t count;
  lpy_zip_entry *e;        /* owned: lpy_zip_free */
} lpy_zip;

/* Read the central directory of the archive p[0..n) (ZIP64 included). */
LPY_API int lpy_zip_open(lpy_zip *z, const void *p, size_t n, lpy_err *e);
LPY_API void lpy_zip_free(lpy_zip *z);
/* Check member i and say how many bytes it holds (its declared size,
   validated against what the archive can hold: a deflated member cannot
   expand more than deflate allows, so a "zip bomb" is refused here). */
LPY_API int lpy_zip_size(const lpy_zip *z, size_t i, uint64_t *usize,
                         lpy_err *e);
/* Extract member i into out (exactly its usize bytes), checking CRC-32. */
LPY_API int lpy_zip_extract(const lpy_zip *z, size_t i, char *out,
                            lpy_err *e);

/* Writing: members are appended to f; the central directory is kept in
   memory until lpy_zipw_finish. */
typedef struct lpy_zipw {
  FILE *f;
  uint64_t pos;            /* bytes written so far */
  size_t count, cap;
  struct lpy_zipw_ent {
    char *name;
    uint32_t crc;
    uint64_t csize, usize, offset;
    int method;
  } *e;
  uint16_t dostime, dosdate;
} lpy_zipw;

LPY_API void lpy_zipw_init(lpy_zipw *w, FILE *f);
/* add a member made of two parts (an .npy header and the data); deflate
   (zlib level 6) when compress is set, else stored */
LPY_API int lpy_zipw_add(lpy_zipw *w, const char *name, const char *p1,
                         size_t n1, const char *p2, size_t n2, int compress,
                         lpy_err *e);
LPY_API int lpy_zipw_finish(lpy_zipw *w, lpy_err *e);
LPY_API void lpy_zipw_free(lpy_zipw *w);

/* ------------------------------------------------------- memory maps */
/* read-only, shared read-write, private copy-on-write, and read-write on
   a file created (or truncated) first */
enum { LPY_MAP_R, LPY_MAP_RW, LPY_MAP_COPY, LPY_MAP_CREATE };

/* Map length bytes of the file at path from offset into a new buffer
   whose release unmaps it (the caller owns one reference); length
   UINT64_MAX: to the end of the file. LPY_MAP_RW and LPY_MAP_CREATE extend
   a shorter file to offset + length; the other modes require the bytes to
   exist. Nothing of the data is read. */
LPY_API int lpy_map_file(const char *path, int mode, uint64_t offset,
                         uint64_t length, lpy_buffer **out, lpy_err *e);
/* is b a mapping made by lpy_map_file */
LPY_API int lpy_map_is(const lpy_buffer *b);
/* write a shared mapping's changes to its file (msync) */
LPY_API int lpy_map_flush(lpy_buffer *b, lpy_err *e);

#endif
