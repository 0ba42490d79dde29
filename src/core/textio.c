/*
** textio.c - reading text tables: the tokenizer that splits a text into
** rows of fields (delimiter or whitespace runs, quoting with doubled
** quotes, comment markers, \n / \r\n / \r line ends), the field parsers
** for every dtype (NumPy's loadtxt rules; decimal floats through strtod)
** and lpy_loadtxt, which reads a whole table into one growing buffer.
*/
#include <stdlib.h>
#include <string.h>
#include "textio.h"

int lpy_text_isspace(int c) {
  return c == ' ' || (c >= 9 && c <= 13) || (c >= 0x1c && c <= 0x1f);
}

static int isdig(int c) { return c >= '0' && c <= '9'; }

/* ------------------------------------------------------------ tokenizer */
static int special(const lpy_tok *t, int c);

void lpy_tok_init(lpy_tok *t, const char *text, size_t n,
                  const lpy_tok_cfg *cfg) {
  int c;
  t->p = text;
  t->end = text + n;
  t->cfg = *cfg;
  t->buflen = 0;
  t->nf = 0;
  for (c = 0; c < 256; c++) t->stop[c] = (unsigned char)special(t, c);
}

void lpy_tok_free(lpy_tok *t) {
  free(t->buf);
  free(t->off);
  t->buf = NULL;
  t->off = NULL;
  t->bufcap = t->offcap = 0;
}

/* past the end of the line at p */
static const char *line_end(const char *p, const char *end) {
  while (p < end && *p != '\n' && *p != '\r') p++;
  if (p < end && *p++ == '\r' && p < end && *p == '\n') p++;
  return p;
}

void lpy_tok_skiplines(lpy_tok *t, int64_t n) {
  while (n-- > 0 && t->p < t->end) t->p = line_end(t->p, t->end);
}

static int grow(void **ptr, size_t *cap, size_t need, size_t elem,
                lpy_err *e) {
  size_t nc = *cap ? *cap : 64;
  void *q;
  while (nc < need) {
    if (nc > ((size_t)-1 / 2) / elem)
      return lpy_err_set(e, LPY_EMEMORY, "text too large");
    nc *= 2;
  }
  q = realloc(*ptr, nc * elem);
  if (!q) return lpy_err_set(e, LPY_EMEMORY, "cannot allocate %zu bytes for a row", nc * elem);
  *ptr = q;
  *cap = nc;
  return 0;
}

static int put(lpy_tok *t, const char *s, size_t n, lpy_err *e) {
  if (t->buflen + n + 1 > t->bufcap &&
      grow((void **)&t->buf, &t->bufcap, t->buflen + n + 1, 1, e))
    return -1;
  memcpy(t->buf + t->buflen, s, n);
  t->buflen += n;
  return 0;
}

static int newfield(lpy_tok *t, lpy_err *e) {
  if (t->nf + 2 > t->offcap &&
      grow((void **)&t->off, &t->offcap, t->nf + 2, sizeof(size_t), e))
    return -1;
  t->off[t->nf++] = t->buflen;
  return 0;
}

static int endfield(lpy_tok *t, lpy_err *e) {
  if (put(t, "", 0, e)) return -1;      /* room for the NUL */
  t->buf[t->buflen++] = 0;
  return 0;
}

/* the comment marker starting at p, if any */
static int at_comment(const lpy_tok *t, const char *p) {
  int k;
  for (k = 0; k < t->cfg.ncomments; k++) {
    size_t n = t->cfg.commentlen[k];
    if (n && (size_t)(t->end - p) >= n && memcmp(p, t->cfg.comments[k], n) == 0)
      return 1;
  }
  return 0;
}

/* does c end an unquoted chunk: a line end, the delimiter, or the first
   byte of a comment marker (checked fully by the caller) */
static int special(const lpy_tok *t, int c) {
  int k;
  if (c == '\n' || c == '\r') return 1;
  if (t->cfg.delim < 0 ? lpy_text_isspace(c) : c == t->cfg.delim) return 1;
  for (k = 0; k < t->cfg.ncomments; k++)
    if (t->cfg.commentlen[k] && (unsigned char)t->cfg.comments[k][0] == c) return 1;
  return 0;
}

int lpy_tok_row(lpy_tok *t, lpy_err *e) {
  const char *p = t->p, *end = t->end;
  int ws = t->cfg.delim < 0, quote = t->cfg.quote, lastq = 0, firstq = 0;
  const unsigned char *spec = t->stop;
  if (p >= end) return 0;
  t->nf = 0;
  t->buflen = 0;
  for (;;) {
    /* a new field */
    if (newfield(t, e)) return -1;
    if (ws) while (p < end && *p != '\r' && *p != '\n' && lpy_text_isspace((unsigned char)*p)) p++;
    lastq = 0;
    if (p < end && quote >= 0 && (unsigned char)*p == quote) {
      lastq = 1;
      if (t->nf == 1) firstq = 1;
      p++;
      for (;;) {                         /* quoted: up to the closing quote */
        const char *s = p;
        while (p < end && (unsigned char)*p != quote) p++;
        if (put(t, s, (size_t)(p - s), e)) return -1;
        if (p >= end) break;
        p++;
        if (p < end && (unsigned char)*p == quote) {   /* "" is a quote */
          if (put(t, p, 1, e)) return -1;
          p++;
          continue;
        }
        break;
      }
    }
    for (;;) {                           /* unquoted */
      const char *s = p;
      while (p < end && !spec[(unsigned char)*p]) p++;
      if (p < end && *p != '\n' && *p != '\r' &&
          !(ws ? lpy_text_isspace((unsigned char)*p) : (unsigned char)*p == t->cfg.delim) &&
          !at_comment(t, p)) {
        p++;                             /* a comment's first byte only */
        if (put(t, s, (size_t)(p - s), e)) return -1;
        continue;
      }
      if (put(t, s, (size_t)(p - s), e)) return -1;
      break;
    }
    if (endfield(t, e)) return -1;
    if (p >= end) break;
    if (*p == '\n' || *p == '\r') {
      p = line_end(p, end);
      break;
    }
    if (ws ? lpy_text_isspace((unsigned char)*p) : (unsigned char)*p == t->cfg.delim) {
      p++;
      continue;
    }
    p = line_end(p, end);                /* a comment */
    break;
  }
  t->p = p;
  t->off[t->nf] = t->buflen;
  /* one empty unquoted field: a blank line; with whitespace splitting a
     last empty field is no field (as " 1 ".split()) */
  if ((t->nf == 1 && !firstq) || (ws && t->nf > 0 && !lastq))
    if (lpy_tok_fieldlen(t, t->nf - 1) == 0) t->nf--;
  return 1;
}

/* ------------------------------------------------------------ numbers */
static int lower_eq(const char *p, const char *end, const char *w) {
  size_t n = strlen(w), i;
  if ((size_t)(end - p) < n) return 0;
  for (i = 0; i < n; i++) {
    int c = (unsigned char)p[i];
    if (c >= 'A' && c <= 'Z') c += 32;
    if (c != w[i]) return 0;
  }
  return 1;
}

/* the end of the longest prefix of p that is a Python float literal
   ([sign] digits [. digits] [e [sign] digits], inf, infinity, nan), or p */
static const char *scan_float(const char *p, const char *end) {
  const char *q = p;
  int nd = 0;
  if (q < end && (*q == '+' || *q == '-')) q++;
  if (lower_eq(q, end, "infinity")) return q + 8;
  if (lower_eq(q, end, "inf") || lower_eq(q, end, "nan")) return q + 3;
  while (q < end && isdig((unsigned char)*q)) q++, nd++;
  if (q < end && *q == '.') {
    q++;
    while (q < end && isdig((unsigned char)*q)) q++, nd++;
  }
  if (!nd) return p;
  if (q < end && (*q == 'e' || *q == 'E')) {
    const char *r = q + 1;
    if (r < end && (*r == '+' || *r == '-')) r++;
    if (r < end && isdig((unsigned char)*r)) {
      while (r < end && isdig((unsigned char)*r)) r++;
      q = r;
    }
  }
  return q;
}

/* the double at p (no leading whitespace); *stop past it; -1 if none */
static int read_double(const char *p, const char *end, double *v,
                       const char **stop) {
  const char *q = scan_float(p, end);
  char *se, small[128];
  size_t n = (size_t)(q - p);
  if (q == p) return -1;
  *v = strtod(p, &se);
  if (se != q) {             /* strtod read more (hex, "nan(...)"): cut */
    char *big = n < sizeof small ? small : malloc(n + 1);
    if (!big) return -1;
    memcpy(big, p, n);
    big[n] = 0;
    *v = strtod(big, NULL);
    if (big != small) free(big);
  }
  *stop = q;
  return 0;
}

static const char *skipws(const char *p, const char *end) {
  while (p < end && lpy_text_isspace((unsigned char)*p)) p++;
  return p;
}

static int parse_double(const char *s, const char *end, double *v) {
  const char *q;
  s = skipws(s, end);
  if (read_double(s, end, v, &q)) return -1;
  return skipws(q, end) == end ? 0 : -1;
}

static int parse_complex(const char *p, const char *end, double *re,
                         double *im) {
  int paren = 0;
  const char *q;
  p = skipws(p, end);
  if (p < end && *p == '(') {
    paren = 1;
    p = skipws(p + 1, end);
  }
  if (read_double(p, end, re, &q)) return -1;
  if (q == end) {
    *im = 0;
    return paren ? -1 : 0;
  }
  if (*q == 'j') {
    *im = *re;
    *re = 0;
    q++;
  } else if (*q == '+' || *q == '-') {
    if (*q == '+') q++;
    if (read_double(q, end, im, &q)) return -1;
    if (q >= end || *q != 'j') return -1;
    q++;
  } else
    *im = 0;
  if (paren) {
    q = skipws(q, end);
    if (q >= end || *q != ')') return -1;
    q++;
  }
  return skipws(q, end) == end ? 0 : -1;
}

static int parse_int(const char *p, const char *end, int64_t lo, int64_t hi,
                     int64_t *v) {
  int neg = 0;
  int64_t x = 0;
  p = skipws(p, end);
  if (p < end && (*p == '-' || *p == '+')) neg = *p++ == '-';
  if (p >= end || !isdig((unsigned char)*p)) return -1;
  while (p < end && isdig((unsigned char)*p)) {
    int d = *p++ - '0';
    if (neg) {
      if (x < (lo + d) / 10) return -1;
      x = x * 10 - d;
      if (x < lo) return -1;
    } else {
      if (x > (hi - d) / 10) return -1;
      x = x * 10 + d;
    }
  }
  if (skipws(p, end) != end) return -1;
  *v = x;
  return 0;
}

static int parse_uint(const char *p, const char *end, uint64_t hi,
                      uint64_t *v) {
  uint64_t x = 0;
  p = skipws(p, end);
  if (p < end && *p == '+') p++;
  if (p >= end || !isdig((unsigned char)*p)) return -1;
  while (p < end && isdig((unsigned char)*p)) {
    unsigned d = (unsigned)(*p++ - '0');
    if (x > (hi - d) / 10) return -1;
    x = x * 10 + d;
  }
  if (skipws(p, end) != end) return -1;
  *v = x;
  return 0;
}

int lpy_text_parse(lpy_dtype t, const char *s, size_t n, char *out) {
  const char *end = s + n;
  int64_t i;
  uint64_t u;
  double d, im;
  switch (t) {
  case LPY_FLOAT64:
    if (parse_double(s, end, &d)) return -1;
    memcpy(out, &d, 8);
    return 0;
  case LPY_FLOAT32: {
    float f;
    if (parse_double(s, end, &d)) return -1;
    f = (float)d;
    memcpy(out, &f, 4);
    return 0;
  }
  case LPY_COMPLEX128: {
    double z[2];
    if (parse_complex(s, end, &d, &im)) return -1;
    z[0] = d; z[1] = im;
    memcpy(out, z, 16);
    return 0;
  }
  case LPY_COMPLEX64: {
    float z[2];
    if (parse_complex(s, end, &d, &im)) return -1;
    z[0] = (float)d; z[1] = (float)im;
    memcpy(out, z, 8);
    return 0;
  }
  case LPY_BOOL:
    if (parse_int(s, end, INT64_MIN, INT64_MAX, &i)) return -1;
    *out = (char)(i != 0);
    return 0;
  case LPY_INT8: {
    int8_t x;
    if (parse_int(s, end, INT8_MIN, INT8_MAX, &i)) return -1;
    x = (int8_t)i; memcpy(out, &x, 1);
    return 0;
  }
  case LPY_INT16: {
    int16_t x;
    if (parse_int(s, end, INT16_MIN, INT16_MAX, &i)) return -1;
    x = (int16_t)i; memcpy(out, &x, 2);
    return 0;
  }
  case LPY_INT32: {
    int32_t x;
    if (parse_int(s, end, INT32_MIN, INT32_MAX, &i)) return -1;
    x = (int32_t)i; memcpy(out, &x, 4);
    return 0;
  }
  case LPY_INT64:
    if (parse_int(s, end, INT64_MIN, INT64_MAX, &i)) return -1;
    memcpy(out, &i, 8);
    return 0;
  case LPY_UINT8: {
    uint8_t x;
    if (parse_uint(s, end, UINT8_MAX, &u)) return -1;
    x = (uint8_t)u; memcpy(out, &x, 1);
    return 0;
  }
  case LPY_UINT16: {
    uint16_t x;
    if (parse_uint(s, end, UINT16_MAX, &u)) return -1;
    x = (uint16_t)u; memcpy(out, &x, 2);
    return 0;
  }
  case LPY_UINT32: {
    uint32_t x;
    if (parse_uint(s, end, UINT32_MAX, &u)) return -1;
    x = (uint32_t)u; memcpy(out, &x, 4);
    return 0;
  }
  case LPY_UINT64:
    if (parse_uint(s, end, UINT64_MAX, &u)) return -1;
    memcpy(out, &u, 8);
    return 0;
  default:
    return -1;
  }
}

/* ------------------------------------------------------------ loadtxt */
void lpy_textload_free(lpy_textload *s) {
  lpy_tok_free(&s->tok);
  free(s->out);
  s->out = NULL;
  s->outlen = s->outcap = 0;
}

/* Python's repr of the field, cut to 100 characters as NumPy's %.100R */
static void field_repr(const char *f, size_t n, char *out, size_t cap) {
  char q = memchr(f, '\'', n) && !memchr(f, '"', n) ? '"' : '\'';
  size_t k = 0, i;
  char tmp[520];
  tmp[k++] = q;
  for (i = 0; i < n && k < 110; i++) {
    unsigned char c = (unsigned char)f[i];
    if (c == (unsigned char)q || c == '\\') { tmp[k++] = '\\'; tmp[k++] = (char)c; }
    else if (c == '\n') { tmp[k++] = '\\'; tmp[k++] = 'n'; }
    else if (c == '\r') { tmp[k++] = '\\'; tmp[k++] = 'r'; }
    else if (c == '\t') { tmp[k++] = '\\'; tmp[k++] = 't'; }
    else if (c < 32 || c == 127) {
      static const char hx[] = "0123456789abcdef";
      tmp[k++] = '\\'; tmp[k++] = 'x'; tmp[k++] = hx[c >> 4]; tmp[k++] = hx[c & 15];
    } else tmp[k++] = (char)c;
  }
  tmp[k++] = q;
  if (k > 100) k = 100;
  if (k >= cap) k = cap - 1;
  memcpy(out, tmp, k);
  out[k] = 0;
}

int lpy_loadtxt(lpy_textload *s, const char *text, size_t n,
                const lpy_loadtxt_opts *o, int64_t *nrows, int64_t *ncols,
                lpy_err *e) {
  lpy_tok *t = &s->tok;
  size_t isz = (size_t)lpy_itemsize(o->dtype);
  int64_t rows = 0, ncol = -1, first = -1, j;
  int r;
  lpy_tok_init(t, text, n, &o->cfg);
  lpy_tok_skiplines(t, o->skiprows);
  while (o->max_rows < 0 || rows < o->max_rows) {
    int64_t nf;
    r = lpy_tok_row(t, e);
    if (r < 0) return e->code;
    if (r == 0) break;
    nf = (int64_t)t->nf;
    if (nf == 0) continue;
    if (ncol < 0) {
      ncol = o->nusecols ? o->nusecols : nf;
      first = nf;
    } else if (!o->nusecols && nf != first)
      return lpy_err_set(e, LPY_EVALUE,
                         "the number of columns changed from %lld to %lld at row %lld; "
                         "use `usecols` to select a subset and avoid this error",
                         (long long)first, (long long)nf, (long long)rows + 1);
    if (s->outlen + (size_t)ncol * isz > s->outcap &&
        grow((void **)&s->out, &s->outcap, s->outlen + (size_t)ncol * isz, 1, e))
      return e->code;
    for (j = 0; j < ncol; j++) {
      int64_t c = j;
      if (o->nusecols) {
        int64_t u = o->usecols[j];
        c = u > 0 ? u - 1 : u < 0 ? u + nf : -1;
        if (c < 0 || c >= nf)
          return lpy_err_set(e, LPY_EVALUE, "invalid column index %lld at row %lld with %lld columns",
                             (long long)u, (long long)rows + 1, (long long)nf);
      }
      if (lpy_text_parse(o->dtype, lpy_tok_field(t, c), lpy_tok_fieldlen(t, c),
                         s->out + s->outlen)) {
        char rep[104];
        field_repr(lpy_tok_field(t, c), lpy_tok_fieldlen(t, c), rep, sizeof rep);
        return lpy_err_set(e, LPY_EVALUE, "could not convert string %s to %s at row %lld, column %lld.",
                           rep, lpy_dtypes[o->dtype].name, (long long)rows + 1, (long long)c + 1);
      }
      s->outlen += isz;
    }
    rows++;
  }
  if (ncol < 0) ncol = o->nusecols ? o->nusecols : 1;
  *nrows = rows;
  *ncols = ncol;
  return 0;
}
