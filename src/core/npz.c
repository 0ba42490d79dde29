/*
** npz.c - the ZIP container of .npz files: reading the central directory
** (ZIP64 included) of an archive held in memory, extracting stored and
** deflated members through zlib with their CRC-32 checked, and writing
** stored (np.savez) and deflated (np.savez_compressed) members. Every
** size and offset read from the archive is checked against its length.
*/
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zlib.h>
#include "npyio.h"

#define SIG_LOCAL 0x04034b50u
#define SIG_CENTRAL 0x02014b50u
#define SIG_END 0x06054b50u
#define SIG_END64 0x06064b50u
#define SIG_LOC64 0x07064b50u
#define U32MAX 0xffffffffu
/* deflate cannot expand data by more than about 1032:1 */
#define MAX_RATIO 1032u
#define CHUNK ((size_t)1 << 30)  /* zlib counts in 32-bit unsigned */

static uint32_t rd16(const unsigned char *p) { return (uint32_t)p[0] | (uint32_t)p[1] << 8; }
static uint32_t rd32(const unsigned char *p) { return rd16(p) | rd16(p + 2) << 16; }
static uint64_t rd64(const unsigned char *p) { return rd32(p) | (uint64_t)rd32(p + 4) << 32; }

static int corrupt(lpy_err *e, const char *what) {
  return lpy_err_set(e, LPY_EVALUE, "bad zip file: %s", what);
}

/* ------------------------------------------------------- reading */
/* the end-of-central-directory record: the last signature that lies
   within the final 64 KiB + 22 bytes and whose comment fits the file */
static int find_end(const unsigned char *p, size_t n, size_t *at) {
  size_t i, lo;
  if (n < 22) return 0;
  lo = n - 22 > 65535 ? n - 22 - 65535 : 0;
  for (i = n - 22 + 1; i-- > lo;)
    if (rd32(p + i) == SIG_END && i + 22 + rd16(p + i + 20) <= n) {
      *at = i;
      return 1;
    }
  return 0;
}

/* the ZIP64 extra field of a central entry: the fields that were
   0xffffffff in the record, in the order usize, csize, offset */
static int zip64_extra(const unsigned char *x, size_t n, lpy_zip_entry *en,
                       int need_u, int need_c, int need_o, lpy_err *e) {
  size_t i = 0;
  while (i + 4 <= n) {
    uint32_t id = rd16(x + i), len = rd16(x + i + 2);
    if (i + 4 + len > n) return corrupt(e, "extra field overruns its entry");
    if (id == 1) {
      const unsigned char *q = x + i + 4;
      size_t k = 0;
      if (need_u) { if (k + 8 > len) goto short64; en->usize = rd64(q + k); k += 8; }
      if (need_c) { if (k + 8 > len) goto short64; en->csize = rd64(q + k); k += 8; }
      if (need_o) { if (k + 8 > len) goto short64; en->offset = rd64(q + k); k += 8; }
      return LPY_OK;
    }
    i += 4 + len;
  }
  if (need_u || need_c || need_o) return corrupt(e, "missing ZIP64 extra field");
  return LPY_OK;
short64:
  return corrupt(e, "ZIP64 extra field too short");
}

int lpy_zip_open(lpy_zip *z, const void *data, size_t n, lpy_err *e) {
  const unsigned char *p = data;
  size_t end, i, pos;
  uint64_t count, cdsize, cdoff;
  memset(z, 0, sizeof *z);
  z->p = p;
  z->n = n;
  if (!find_end(p, n, &end))
    return corrupt(e, "end of central directory not found");
  if (rd16(p + end + 4) != 0 || rd16(p + end + 6) != 0)
    return corrupt(e, "multi-disk archives are not supported");
  count = rd16(p + end + 10);
  cdsize = rd32(p + end + 12);
  cdoff = rd32(p + end + 16);
  if (count == 0xffff || cdsize == U32MAX || cdoff == U32MAX) {
    size_t loc, r;
    uint64_t roff;
    if (end < 20 || rd32(p + end - 20) != SIG_LOC64)
      return corrupt(e, "ZIP64 end locator not found");
    loc = end - 20;
    roff = rd64(p + loc + 8);
    if (roff > loc || loc - roff < 56 || rd32(p + roff) != SIG_END64)
      return corrupt(e, "bad ZIP64 end of central directory");
    r = (size_t)roff;
    count = rd64(p + r + 32);
    cdsize = rd64(p + r + 40);
    cdoff = rd64(p + r + 48);
    end = r;
  }
  if (cdoff > end || cdsize > end - cdoff)
    return corrupt(e, "central directory lies outside the file");
  if (count > cdsize / 46)
    return corrupt(e, "more entries declared than the central directory holds");
  z->e = count ? calloc((size_t)count, sizeof *z->e) : NULL;
  if (count && !z->e) return lpy_err_set(e, LPY_EMEMORY, "out of memory");
  pos = (size_t)cdoff;
  for (i = 0; i < count; i++) {
    lpy_zip_entry *en = &z->e[i];
    const unsigned char *q;
    size_t nl, xl, cl, lim = (size_t)(cdoff + cdsize);
    int st;
    if (lim - pos < 46 || rd32(p + pos) != SIG_CENTRAL) {
      lpy_zip_free(z);
      return corrupt(e, "bad central directory entry");
    }
    q = p + pos;
    nl = rd16(q + 28);
    xl = rd16(q + 30);
    cl = rd16(q + 32);
    if (lim - pos - 46 < nl + xl + cl) {
      lpy_zip_free(z);
      return corrupt(e, "central directory entry overruns the directory");
    }
    en->flags = (int)rd16(q + 8);
    en->method = (int)rd16(q + 10);
    en->crc = rd32(q + 16);
    en->csize = rd32(q + 20);
    en->usize = rd32(q + 24);
    en->offset = rd32(q + 42);
    en->name = (const char *)q + 46;
    en->namelen = nl;
    st = zip64_extra(q + 46 + nl, xl, en, en->usize == U32MAX,
                     en->csize == U32MAX, en->offset == U32MAX, e);
    if (st) { lpy_zip_free(z); return st; }
    pos += 46 + nl + xl + cl;
  }
  z->count = (size_t)count;
  return LPY_OK;
}

void lpy_zip_free(lpy_zip *z) {
  free(z->e);
  z->e = NULL;
  z->count = 0;
}

/* where member i's data starts, checked against the archive */
static int member_data(const lpy_zip *z, size_t i, size_t *at, lpy_err *e) {
  const lpy_zip_entry *en = &z->e[i];
  size_t off, start;
  if (en->offset > z->n || z->n - en->offset < 30)
    return corrupt(e, "local header lies outside the file");
  off = (size_t)en->offset;
  if (rd32(z->p + off) != SIG_LOCAL) return corrupt(e, "bad local header");
  start = off + 30 + rd16(z->p + off + 26) + rd16(z->p + off + 28);
  if (start > z->n || en->csize > z->n - start)
    return corrupt(e, "member data lies outside the file");
  *at = start;
  return LPY_OK;
}

int lpy_zip_size(const lpy_zip *z, size_t i, uint64_t *usize, lpy_err *e) {
  const lpy_zip_entry *en;
  size_t at;
  int st;
  if (i >= z->count) return lpy_err_set(e, LPY_EINDEX, "no such member");
  en = &z->e[i];
  if (en->flags & 1) return lpy_err_set(e, LPY_EVALUE, "encrypted members are not supported");
  if ((st = member_data(z, i, &at, e))) return st;
  if (en->method == 0) {
    if (en->csize != en->usize) return corrupt(e, "stored member with two sizes");
  } else if (en->method == 8) {
    if (en->usize / MAX_RATIO > en->csize + 1)
      return corrupt(e, "declared size is larger than its compressed data can hold");
  } else {
    return lpy_err_set(e, LPY_EVALUE, "compression method %d is not supported", en->method);
  }
  if (en->usize > (uint64_t)INT64_MAX) return corrupt(e, "member too large");
  *usize = en->usize;
  return LPY_OK;
}

static uint32_t crc_of(const char *p, size_t n, uint32_t crc) {
  while (n > 0) {
    size_t k = n > CHUNK ? CHUNK : n;
    crc = (uint32_t)crc32(crc, (const Bytef *)p, (uInt)k);
    p += k;
    n -= k;
  }
  return crc;
}

static int inflate_all(const unsigned char *in, uint64_t cn, char *out,
                       uint64_t un, lpy_err *e) {
  z_stream s;
  int r;
  memset(&s, 0, sizeof s);
  if (inflateInit2(&s, -MAX_WBITS) != Z_OK)
    return lpy_err_set(e, LPY_EMEMORY, "cannot start zlib");
  s.next_in = (Bytef *)in;
  s.next_out = (Bytef *)out;
  for (;;) {
    if (s.avail_in == 0 && cn > 0) {
      uInt k = (uInt)(cn > CHUNK ? CHUNK : cn);
      s.avail_in = k;
      cn -= k;
    }
    if (s.avail_out == 0 && un > 0) {
      uInt k = (uInt)(un > CHUNK ? CHUNK : un);
      s.avail_out = k;
      un -= k;
    }
    r = inflate(&s, Z_NO_FLUSH);
    if (r == Z_STREAM_END) break;
    if (r == Z_BUF_ERROR && s.avail_out == 0 && un == 0) {
      /* output full and more wanted: the member is longer than declared */
      unsigned char extra;
      s.next_out = &extra;
      s.avail_out = 1;
      r = inflate(&s, Z_NO_FLUSH);
      inflateEnd(&s);
      if (r == Z_STREAM_END && s.avail_out == 1) return LPY_OK;
      return corrupt(e, "member is larger than its declared size");
    }
    if (r != Z_OK) {
      inflateEnd(&s);
      return corrupt(e, r == Z_BUF_ERROR ? "compressed data is truncated"
                                         : "invalid compressed data");
    }
  }
  r = s.avail_out != 0 || un != 0;
  inflateEnd(&s);
  if (r) return corrupt(e, "member is shorter than its declared size");
  return LPY_OK;
}

int lpy_zip_extract(const lpy_zip *z, size_t i, char *out, lpy_err *e) {
  const lpy_zip_entry *en;
  uint64_t us;
  size_t at = 0;
  int st;
  if ((st = lpy_zip_size(z, i, &us, e))) return st;
  if ((st = member_data(z, i, &at, e))) return st;
  en = &z->e[i];
  if (en->method == 0) memcpy(out, z->p + at, (size_t)us);
  else if ((st = inflate_all(z->p + at, en->csize, out, us, e))) return st;
  if (crc_of(out, (size_t)us, 0) != en->crc)
    return corrupt(e, "CRC-32 mismatch (the member is damaged)");
  return LPY_OK;
}

/* ------------------------------------------------------- writing */
static void wr16(unsigned char *p, uint32_t v) { p[0] = (unsigned char)v; p[1] = (unsigned char)(v >> 8); }
static void wr32(unsigned char *p, uint32_t v) { wr16(p, v & 0xffff); wr16(p + 2, v >> 16); }
static void wr64(unsigned char *p, uint64_t v) { wr32(p, (uint32_t)v); wr32(p + 4, (uint32_t)(v >> 32)); }

void lpy_zipw_init(lpy_zipw *w, FILE *f) {
  time_t now = time(NULL);
  struct tm tm;
  memset(w, 0, sizeof *w);
  w->f = f;
  if (localtime_r(&now, &tm) && tm.tm_year >= 80) {
    w->dostime = (uint16_t)(tm.tm_hour << 11 | tm.tm_min << 5 | tm.tm_sec / 2);
    w->dosdate = (uint16_t)((tm.tm_year - 80) << 9 | (tm.tm_mon + 1) << 5 | tm.tm_mday);
  } else {
    w->dosdate = 1 << 5 | 1;
  }
  if (f) {
    long p = ftell(f);
    w->pos = p > 0 ? (uint64_t)p : 0;
  }
}

static int wbytes(lpy_zipw *w, const void *p, size_t n, lpy_err *e) {
  if (n && fwrite(p, 1, n, w->f) != n)
    return lpy_err_set(e, LPY_ERUNTIME, "write failed");
  w->pos += n;
  return LPY_OK;
}

/* local header; zip64: sizes in a ZIP64 extra field (set when the
   member may reach 4 GiB) */
static size_t local_header(unsigned char *h, const lpy_zipw *w, const char *name,
                           size_t nl, int method, uint32_t crc, uint64_t cs,
                           uint64_t us, int zip64) {
  wr32(h, SIG_LOCAL);
  wr16(h + 4, zip64 ? 45 : 20);
  wr16(h + 6, 0);
  wr16(h + 8, (uint32_t)method);
  wr16(h + 10, w->dostime);
  wr16(h + 12, w->dosdate);
  wr32(h + 14, crc);
  wr32(h + 18, zip64 ? U32MAX : (uint32_t)cs);
  wr32(h + 22, zip64 ? U32MAX : (uint32_t)us);
  wr16(h + 26, (uint32_t)nl);
  wr16(h + 28, zip64 ? 20 : 0);
  memcpy(h + 30, name, nl);
  if (zip64) {
    wr16(h + 30 + nl, 1);
    wr16(h + 32 + nl, 16);
    wr64(h + 34 + nl, us);
    wr64(h + 42 + nl, cs);
  }
  return 30 + nl + (zip64 ? 20 : 0);
}

static int deflate_parts(lpy_zipw *w, const char *p1, size_t n1,
                         const char *p2, size_t n2, uint64_t *cs, lpy_err *e) {
  z_stream s;
  unsigned char out[1 << 16];
  const char *parts[2] = {p1, p2};
  size_t lens[2] = {n1, n2}, k;
  int r = Z_OK, st = LPY_OK;
  memset(&s, 0, sizeof s);
  if (deflateInit2(&s, 6, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK)
    return lpy_err_set(e, LPY_EMEMORY, "cannot start zlib");
  *cs = 0;
  for (k = 0; k < 2 && st == LPY_OK; k++) {
    const char *p = parts[k];
    size_t n = lens[k];
    do {
      uInt take = (uInt)(n > CHUNK ? CHUNK : n);
      int flush = (k == 1 && take == n) ? Z_FINISH : Z_NO_FLUSH;
      s.next_in = (Bytef *)p;
      s.avail_in = take;
      p += take;
      n -= take;
      do {
        s.next_out = out;
        s.avail_out = sizeof out;
        r = deflate(&s, flush);
        if (r == Z_STREAM_ERROR) { st = lpy_err_set(e, LPY_ERUNTIME, "zlib failed"); break; }
        if ((st = wbytes(w, out, sizeof out - s.avail_out, e))) break;
        *cs += sizeof out - s.avail_out;
      } while (s.avail_out == 0);
    } while (n > 0 && st == LPY_OK);
  }
  deflateEnd(&s);
  if (st == LPY_OK && r != Z_STREAM_END) st = lpy_err_set(e, LPY_ERUNTIME, "zlib did not finish");
  return st;
}

int lpy_zipw_add(lpy_zipw *w, const char *name, const char *p1, size_t n1,
                 const char *p2, size_t n2, int compress, lpy_err *e) {
  unsigned char h[30 + 65535 + 20];
  size_t nl = strlen(name), hl;
  uint64_t us = (uint64_t)n1 + n2, cs = us, off = w->pos;
  uint32_t crc;
  int zip64 = us > 0xf0000000u, st;
  struct lpy_zipw_ent *en;
  if (nl > 65535) return lpy_err_set(e, LPY_EVALUE, "member name too long");
  if (w->count == w->cap) {
    size_t nc = w->cap ? 2 * w->cap : 8;
    void *ne = realloc(w->e, nc * sizeof *w->e);
    if (!ne) return lpy_err_set(e, LPY_EMEMORY, "out of memory");
    w->e = ne;
    w->cap = nc;
  }
  crc = crc_of(p2, n2, crc_of(p1, n1, 0));
  hl = local_header(h, w, name, nl, compress ? 8 : 0, crc, cs, us, zip64);
  if ((st = wbytes(w, h, hl, e))) return st;
  if (compress) {
    if ((st = deflate_parts(w, p1, n1, p2, n2, &cs, e))) return st;
    /* patch the sizes into the local header */
    local_header(h, w, name, nl, 8, crc, cs, us, zip64);
    if (fseeko(w->f, (off_t)off, SEEK_SET) || fwrite(h, 1, hl, w->f) != hl ||
        fseeko(w->f, (off_t)w->pos, SEEK_SET))
      return lpy_err_set(e, LPY_ERUNTIME, "cannot seek in the file being written");
  } else {
    if ((st = wbytes(w, p1, n1, e)) || (st = wbytes(w, p2, n2, e))) return st;
  }
  en = &w->e[w->count];
  en->name = malloc(nl + 1);
  if (!en->name) return lpy_err_set(e, LPY_EMEMORY, "out of memory");
  memcpy(en->name, name, nl + 1);
  en->crc = crc;
  en->csize = cs;
  en->usize = us;
  en->offset = off;
  en->method = compress ? 8 : 0;
  w->count++;
  return LPY_OK;
}

int lpy_zipw_finish(lpy_zipw *w, lpy_err *e) {
  unsigned char h[46 + 65535 + 28], t[56 + 20 + 22];
  uint64_t cdoff = w->pos, cdsize;
  size_t i;
  int st, z64end;
  for (i = 0; i < w->count; i++) {
    struct lpy_zipw_ent *en = &w->e[i];
    size_t nl = strlen(en->name), xl = 0;
    int bu = en->usize >= U32MAX, bc = en->csize >= U32MAX, bo = en->offset >= U32MAX;
    wr32(h, SIG_CENTRAL);
    wr16(h + 4, 45 | 3 << 8);              /* made by: Unix */
    wr16(h + 6, (bu || bc || bo) ? 45 : 20);
    wr16(h + 8, 0);
    wr16(h + 10, (uint32_t)en->method);
    wr16(h + 12, w->dostime);
    wr16(h + 14, w->dosdate);
    wr32(h + 16, en->crc);
    wr32(h + 20, bc ? U32MAX : (uint32_t)en->csize);
    wr32(h + 24, bu ? U32MAX : (uint32_t)en->usize);
    wr16(h + 28, (uint32_t)nl);
    wr16(h + 32, 0);
    wr16(h + 34, 0);
    wr16(h + 36, 0);
    wr32(h + 38, 0600u << 16);
    wr32(h + 42, bo ? U32MAX : (uint32_t)en->offset);
    memcpy(h + 46, en->name, nl);
    if (bu || bc || bo) {
      unsigned char *x = h + 46 + nl;
      xl = 4;
      if (bu) { wr64(x + xl, en->usize); xl += 8; }
      if (bc) { wr64(x + xl, en->csize); xl += 8; }
      if (bo) { wr64(x + xl, en->offset); xl += 8; }
      wr16(x, 1);
      wr16(x + 2, (uint32_t)(xl - 4));
    }
    wr16(h + 30, (uint32_t)xl);
    if ((st = wbytes(w, h, 46 + nl + xl, e))) return st;
  }
  cdsize = w->pos - cdoff;
  z64end = w->count >= 0xffff || cdsize >= U32MAX || cdoff >= U32MAX;
  if (z64end) {
    uint64_t at = w->pos;
    wr32(t, SIG_END64);
    wr64(t + 4, 44);
    wr16(t + 12, 45 | 3 << 8);
    wr16(t + 14, 45);
    wr32(t + 16, 0);
    wr32(t + 20, 0);
    wr64(t + 24, w->count);
    wr64(t + 32, w->count);
    wr64(t + 40, cdsize);
    wr64(t + 48, cdoff);
    wr32(t + 56, SIG_LOC64);
    wr32(t + 60, 0);
    wr64(t + 64, at);
    wr32(t + 72, 1);
    if ((st = wbytes(w, t, 76, e))) return st;
  }
  wr32(t, SIG_END);
  wr16(t + 4, 0);
  wr16(t + 6, 0);
  wr16(t + 8, z64end ? 0xffff : (uint32_t)w->count);
  wr16(t + 10, z64end ? 0xffff : (uint32_t)w->count);
  wr32(t + 12, z64end ? U32MAX : (uint32_t)cdsize);
  wr32(t + 16, z64end ? U32MAX : (uint32_t)cdoff);
  wr16(t + 20, 0);
  if ((st = wbytes(w, t, 22, e))) return st;
  if (fflush(w->f)) return lpy_err_set(e, LPY_ERUNTIME, "write failed");
  return LPY_OK;
}

void lpy_zipw_free(lpy_zipw *w) {
  size_t i;
  for (i = 0; i < w->count; i++) free(w->e[i].name);
  free(w->e);
  w->e = NULL;
  w->count = w->cap = 0;
}
