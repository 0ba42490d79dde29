/*
** npy_format.c - the .npy header: parsing the magic, the version, the
** length field and the Python dictionary literal NumPy writes
** ({'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }), and
** writing that header byte for byte as NumPy does. Every read is bounded
** by the length given; no allocation.
*/
#include <string.h>
#include "npyio.h"

#define ARRAY_ALIGN 64
#define GROWTH_DIGITS 21      /* NumPy pads the header for a growing axis */

/* kind and size of each dtype, as NumPy's descr spells them; kept here
   (not lpy_dtypes) so that the parser links on its own into the fuzzers */
static const struct { char kind; int size; } TYPES[LPY_NTYPES] = {
  [LPY_BOOL] = {'b', 1}, [LPY_INT8] = {'i', 1}, [LPY_INT16] = {'i', 2},
  [LPY_INT32] = {'i', 4}, [LPY_INT64] = {'i', 8}, [LPY_UINT8] = {'u', 1},
  [LPY_UINT16] = {'u', 2}, [LPY_UINT32] = {'u', 4}, [LPY_UINT64] = {'u', 8},
  [LPY_FLOAT32] = {'f', 4}, [LPY_FLOAT64] = {'f', 8},
  [LPY_COMPLEX64] = {'c', 8}, [LPY_COMPLEX128] = {'c', 16}};

static int little_endian(void) {
  const uint16_t one = 1;
  return *(const unsigned char *)&one == 1;
}

/* ---------------------------------------------------------- prefix */
int lpy_npy_prefix(const char *p, size_t n, size_t max_header,
                   size_t *data_offset, size_t *need, lpy_err *e) {
  const unsigned char *u = (const unsigned char *)p;
  size_t lenfield, hlen;
  if (n < LPY_NPY_MAGIC_LEN + 2) {
    if (n > 0 && memcmp(p, LPY_NPY_MAGIC, n < LPY_NPY_MAGIC_LEN ? n : LPY_NPY_MAGIC_LEN))
      return lpy_err_set(e, LPY_EVALUE, "not a .npy file (wrong magic string)");
    *need = LPY_NPY_MAGIC_LEN + 2;
    return -1;
  }
  if (memcmp(p, LPY_NPY_MAGIC, LPY_NPY_MAGIC_LEN))
    return lpy_err_set(e, LPY_EVALUE, "not a .npy file (wrong magic string)");
  if (u[6] < 1 || u[6] > 3 || u[7] != 0)
    return lpy_err_set(e, LPY_EVALUE, "unsupported .npy format version %d.%d "
                       "(1.0, 2.0 and 3.0 are known)", u[6], u[7]);
  lenfield = u[6] == 1 ? 2 : 4;
  if (n < 8 + lenfield) {
    *need = 8 + lenfield;
    return -1;
  }
  hlen = (size_t)u[8] | (size_t)u[9] << 8;
  if (lenfield == 4) hlen |= (size_t)u[10] << 16 | (size_t)u[11] << 24;
  if (max_header && hlen > max_header)
    return lpy_err_set(e, LPY_EVALUE, "header length (%zu) is larger than "
                       "max_header_size (%zu) and may not be safe to load; "
                       "raise max_header_size if the file is trusted",
                       hlen, max_header);
  *data_offset = 8 + lenfield + hlen;
  return LPY_OK;
}

/* ---------------------------------------------------------- parser */
typedef struct scan {
  const char *p, *end;
  lpy_err *e;
} scan;

static void skip_ws(scan *s) {
  while (s->p < s->end && (*s->p == ' ' || *s->p == '\t' || *s->p == '\n' ||
                           *s->p == '\r'))
    s->p++;
}

static int accept(scan *s, char c) {
  skip_ws(s);
  if (s->p < s->end && *s->p == c) { s->p++; return 1; }
  return 0;
}

static int bad(scan *s, const char *what) {
  return lpy_err_set(s->e, LPY_EVALUE, "cannot parse the .npy header: %s", what);
}

/* a quoted string without escapes (NumPy's keys and descr have none) */
static int get_string(scan *s, const char **str, size_t *len) {
  char q;
  const char *b;
  skip_ws(s);
  if (s->p >= s->end || (*s->p != '\'' && *s->p != '"'))
    return bad(s, "expected a string");
  q = *s->p++;
  b = s->p;
  while (s->p < s->end && *s->p != q) {
    if (*s->p == '\\') return bad(s, "escapes in strings are not supported");
    s->p++;
  }
  if (s->p >= s->end) return bad(s, "unterminated string");
  *str = b;
  *len = (size_t)(s->p - b);
  s->p++;
  return LPY_OK;
}

static int word(scan *s, const char *w) {
  size_t n = strlen(w);
  skip_ws(s);
  if ((size_t)(s->end - s->p) >= n && memcmp(s->p, w, n) == 0) {
    s->p += n;
    return 1;
  }
  return 0;
}

/* a non-negative decimal integer (Python 2's 'L' suffix allowed) */
static int get_dim(scan *s, int64_t *v) {
  int64_t x = 0;
  int digits = 0;
  skip_ws(s);
  if (s->p < s->end && *s->p == '-')
    return lpy_err_set(s->e, LPY_EVALUE, "invalid .npy header: negative dimensions are not allowed");
  while (s->p < s->end && *s->p >= '0' && *s->p <= '9') {
    int d = *s->p++ - '0';
    if (x > (INT64_MAX - d) / 10)
      return lpy_err_set(s->e, LPY_EVALUE, "invalid .npy header: a dimension is too large");
    x = x * 10 + d;
    digits++;
  }
  if (!digits) return bad(s, "the shape must be a tuple of integers");
  if (s->p < s->end && (*s->p == 'L' || *s->p == 'l')) s->p++;
  *v = x;
  return LPY_OK;
}

static int get_shape(scan *s, lpy_npy_header *h) {
  int st, comma = 0;
  if (!accept(s, '(')) return bad(s, "the shape must be a tuple of integers");
  h->ndim = 0;
  if (accept(s, ')')) return LPY_OK;
  for (;;) {
    int64_t v = 0;
    if ((st = get_dim(s, &v))) return st;
    if (h->ndim >= LPY_MAXDIMS)
      return lpy_err_set(s->e, LPY_EVALUE, "invalid .npy header: more than %d "
                         "dimensions", LPY_MAXDIMS);
    h->shape[h->ndim++] = v;
    if (accept(s, ')')) break;
    if (!accept(s, ',')) return bad(s, "expected ',' or ')' in the shape");
    comma = 1;
    if (accept(s, ')')) break;
  }
  /* (3) is an integer in Python, not a tuple */
  if (h->ndim == 1 && !comma) return bad(s, "the shape must be a tuple of integers");
  return LPY_OK;
}

/* map NumPy's dtype descr ("<f8", "|b1", ">c16") to a LumPy dtype */
static int get_descr(scan *s, const char *d, size_t n, lpy_npy_header *h) {
  char order = '|', kind;
  int size = 0, digits = 0;
  size_t i = 0, k;
  char shown[40];
  snprintf(shown, sizeof shown, "%.*s%s", (int)(n > 24 ? 24 : n), d, n > 24 ? "..." : "");
  if (n > 0 && (d[0] == '<' || d[0] == '>' || d[0] == '|' || d[0] == '=')) order = d[i++];
  if (i >= n) goto unsupported;
  kind = d[i++];
  if (kind == 'O')
    return lpy_err_set(s->e, LPY_EVALUE, "object arrays (pickled data) are not supported");
  if (kind == '?' && i == n) { kind = 'b'; size = 1; digits = 1; }
  for (; i < n && digits < 3; i++, digits++) {
    if (d[i] < '0' || d[i] > '9') goto unsupported;
    size = size * 10 + (d[i] - '0');
  }
  if (i != n || !digits) goto unsupported;
  for (k = 0; k < LPY_NTYPES; k++)
    if (TYPES[k].kind == kind && TYPES[k].size == size) {
      h->dtype = (lpy_dtype)k;
      h->swap = size > 1 && ((order == '>' && little_endian()) ||
                             (order == '<' && !little_endian()));
      return LPY_OK;
    }
unsupported:
  return lpy_err_set(s->e, LPY_ETYPE, "dtype '%s' is not supported", shown);
}

int lpy_npy_parse(const char *p, size_t n, size_t max_header,
                  lpy_npy_header *h, lpy_err *e) {
  size_t off = 0, need = 0;
  scan s;
  int st, seen = 0, k;
  st = lpy_npy_prefix(p, n, max_header, &off, &need, e);
  if (st < 0 || (st == LPY_OK && off > n))
    return lpy_err_set(e, LPY_EVALUE, "the .npy header is truncated");
  if (st) return st;
  memset(h, 0, sizeof *h);
  h->major = (unsigned char)p[6];
  h->minor = (unsigned char)p[7];
  h->data_offset = off;
  s.p = p + (h->major == 1 ? 10 : 12);
  s.end = p + off;
  s.e = e;
  if (!accept(&s, '{')) return bad(&s, "the header is not a dictionary");
  while (!accept(&s, '}')) {
    const char *k;
    size_t kl;
    int bit;
    if ((st = get_string(&s, &k, &kl))) return st;
    if (!accept(&s, ':')) return bad(&s, "expected ':'");
    if (kl == 5 && memcmp(k, "descr", 5) == 0) {
      const char *d;
      size_t dl;
      bit = 1;
      skip_ws(&s);
      if (s.p < s.end && (*s.p == '[' || *s.p == '{'))
        return lpy_err_set(e, LPY_ETYPE, "structured dtypes are not supported");
      if ((st = get_string(&s, &d, &dl))) return st;
      if ((st = get_descr(&s, d, dl, h))) return st;
    } else if (kl == 13 && memcmp(k, "fortran_order", 13) == 0) {
      bit = 2;
      if (word(&s, "True")) h->fortran = 1;
      else if (word(&s, "False")) h->fortran = 0;
      else return lpy_err_set(e, LPY_EVALUE, "invalid .npy header: fortran_order is not a valid bool");
    } else if (kl == 5 && memcmp(k, "shape", 5) == 0) {
      bit = 4;
      if ((st = get_shape(&s, h))) return st;
    } else {
      return lpy_err_set(e, LPY_EVALUE, "invalid .npy header: unexpected key '%.*s'",
                         (int)(kl > 40 ? 40 : kl), k);
    }
    if (seen & bit)
      return lpy_err_set(e, LPY_EVALUE, "invalid .npy header: repeated key '%.*s'", (int)kl, k);
    seen |= bit;
    if (!accept(&s, ',')) {
      if (!accept(&s, '}')) return bad(&s, "expected ',' or '}'");
      break;
    }
  }
  skip_ws(&s);
  if (s.p != s.end) return bad(&s, "unexpected text after the dictionary");
  if (seen != 7)
    return lpy_err_set(e, LPY_EVALUE, "invalid .npy header: the keys 'descr', "
                       "'fortran_order' and 'shape' are required");
  h->size = 1;
  for (k = 0; k < h->ndim; k++)
    if (h->shape[k] == 0) h->size = 0;
  for (k = 0; k < h->ndim && h->size; k++) {
    if (h->shape[k] > INT64_MAX / h->size)
      return lpy_err_set(e, LPY_EVALUE, "invalid .npy header: the array's size overflows");
    h->size *= h->shape[k];
  }
  if (h->size > INT64_MAX / TYPES[h->dtype].size)
    return lpy_err_set(e, LPY_EVALUE, "invalid .npy header: the array's size overflows");
  h->nbytes = h->size * TYPES[h->dtype].size;
  return LPY_OK;
}

/* ---------------------------------------------------------- writer */
typedef struct sbuf { char *p; size_t n, cap; } sbuf;

static void put(sbuf *b, const char *s, size_t n) {
  if (b->n + n <= b->cap) memcpy(b->p + b->n, s, n);
  b->n += n;
}

static void puts_(sbuf *b, const char *s) { put(b, s, strlen(s)); }

static int dim_str(char *out, int64_t v) {
  return snprintf(out, 24, "%lld", (long long)v);
}

size_t lpy_npy_header_write(char *out, size_t cap, lpy_dtype t, int fortran,
                            int ndim, const int64_t *shape, int version,
                            lpy_err *e) {
  char dict[3000], num[24], descr[8];
  sbuf d = {dict, 0, sizeof dict};
  size_t hlen, lenfield, pad, total;
  int i, k;
  if (ndim < 0 || ndim > LPY_MAXDIMS) {
    lpy_err_set(e, LPY_EVALUE, "too many dimensions");
    return 0;
  }
  if ((unsigned)t >= LPY_NTYPES) {
    lpy_err_set(e, LPY_EVALUE, "internal: bad dtype");
    return 0;
  }
  snprintf(descr, sizeof descr, "%c%c%d",
           TYPES[t].size == 1 ? '|' : little_endian() ? '<' : '>',
           TYPES[t].kind, TYPES[t].size);
  puts_(&d, "{'descr': '");
  puts_(&d, descr);
  puts_(&d, "', 'fortran_order': ");
  puts_(&d, fortran ? "True" : "False");
  puts_(&d, ", 'shape': (");
  for (i = 0; i < ndim; i++) {
    dim_str(num, shape[i]);
    if (i) puts_(&d, ", ");
    puts_(&d, num);
  }
  puts_(&d, ndim == 1 ? ",), }" : "), }");
  if (ndim > 0) {
    k = GROWTH_DIGITS - dim_str(num, shape[fortran ? ndim - 1 : 0]);
    for (; k > 0; k--) put(&d, " ", 1);
  }
  hlen = d.n + 1;                       /* with the final '\n' */
  if (version == 0) version = hlen + 10 + ARRAY_ALIGN > 65535 ? 2 : 1;
  if (version < 1 || version > 3) {
    lpy_err_set(e, LPY_EVALUE, "version must be 1, 2 or 3 ((1, 0), (2, 0) or (3, 0))");
    return 0;
  }
  lenfield = version == 1 ? 2 : 4;
  pad = ARRAY_ALIGN - (LPY_NPY_MAGIC_LEN + 2 + lenfield + hlen) % ARRAY_ALIGN;
  total = LPY_NPY_MAGIC_LEN + 2 + lenfield + hlen + pad;
  if (version == 1 && hlen + pad > 65535) {
    lpy_err_set(e, LPY_EVALUE, "header length %zu too big for version 1.0", hlen);
    return 0;
  }
  if (total > cap) {
    lpy_err_set(e, LPY_EVALUE, "internal: header buffer too small");
    return 0;
  }
  memcpy(out, LPY_NPY_MAGIC, LPY_NPY_MAGIC_LEN);
  out[6] = (char)version;
  out[7] = 0;
  {
    size_t v = hlen + pad, j;
    for (j = 0; j < lenfield; j++) out[8 + j] = (char)(v >> (8 * j) & 0xff);
  }
  memcpy(out + 8 + lenfield, dict, d.n);
  memset(out + 8 + lenfield + d.n, ' ', pad);
  out[total - 1] = '\n';
  return total;
}

/* ---------------------------------------------------------- byteswap */
void lpy_npy_byteswap(char *p, int64_t n, lpy_dtype t) {
  int sz = TYPES[t].size, w = TYPES[t].kind == 'c' ? sz / 2 : sz;
  int64_t i, m = n * (sz / w);
  switch (w) {
  case 2: for (i = 0; i < m; i++) { uint16_t v; memcpy(&v, p + 2 * i, 2); v = __builtin_bswap16(v); memcpy(p + 2 * i, &v, 2); } break;
  case 4: for (i = 0; i < m; i++) { uint32_t v; memcpy(&v, p + 4 * i, 4); v = __builtin_bswap32(v); memcpy(p + 4 * i, &v, 4); } break;
  case 8: for (i = 0; i < m; i++) { uint64_t v; memcpy(&v, p + 8 * i, 8); v = __builtin_bswap64(v); memcpy(p + 8 * i, &v, 8); } break;
  default: break;
  }
}
