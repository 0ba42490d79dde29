/*
** textfmt.c - savetxt's printf-style formats: a format string is parsed
** and validated once (only numeric conversions and %s; never %n) into
** specs, then each value is formatted by Python's %-operator rules
** (integers digit by digit, so "%x" of -255 is "-ff" and "%08.3d" pads as
** Python does; finite floats through snprintf with a format rebuilt from
** the validated spec; inf and nan spelled and padded as Python spells
** them; %s as NumPy's str() of the element).
*/
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "textio.h"
#include "format.h"

static int isdig(int c) { return c >= '0' && c <= '9'; }

/* the printf format of a finite float for s, rebuilt from its validated
   parts: flags, width, precision (6 when none) and the conversion */
static void cfmt(lpy_fmtspec *s) {
  char *f = s->cfmt;
  size_t k = 0;
  f[k++] = '%';
  if (s->flags & LPY_FMT_LEFT) f[k++] = '-';
  if (s->flags & LPY_FMT_PLUS) f[k++] = '+';
  if (s->flags & LPY_FMT_SPACE) f[k++] = ' ';
  if (s->flags & LPY_FMT_ALT) f[k++] = '#';
  if (s->flags & LPY_FMT_ZERO) f[k++] = '0';
  snprintf(f + k, sizeof s->cfmt - k, "%d.%d%c", s->width, s->prec < 0 ? 6 : s->prec,
           strchr("eEfFgG", s->conv) ? s->conv : 'e');
}

int lpy_fmt_compile(const char *fmt, size_t n, lpy_fmtspec *specs, int max,
                    int *nspecs, int *nconv, lpy_err *e) {
  size_t i = 0, lit = 0;
  int ns = 0, nc = 0;
  while (i < n) {
    lpy_fmtspec *s;
    unsigned fl = 0;
    long w = 0, pr = -1;
    char c;
    if (fmt[i] != '%') { i++; continue; }
    if (ns >= max) return lpy_err_set(e, LPY_EVALUE, "fmt has too many parts");
    s = &specs[ns];
    s->lit = lit;
    if (i + 1 < n && fmt[i + 1] == '%') {       /* "%%": one percent sign */
      s->litlen = i + 1 - lit;
      s->conv = 0;
      s->flags = 0;
      s->width = 0;
      s->prec = -1;
      ns++;
      i += 2;
      lit = i;
      continue;
    }
    s->litlen = i - lit;
    i++;
    for (; i < n; i++) {
      c = fmt[i];
      if (c == '-') fl |= LPY_FMT_LEFT;
      else if (c == '+') fl |= LPY_FMT_PLUS;
      else if (c == ' ') fl |= LPY_FMT_SPACE;
      else if (c == '#') fl |= LPY_FMT_ALT;
      else if (c == '0') fl |= LPY_FMT_ZERO;
      else break;
    }
    if (i < n && (fmt[i] == '*' || fmt[i] == '('))
      return lpy_err_set(e, LPY_EVALUE, "fmt: '%c' in a conversion is not supported", fmt[i]);
    while (i < n && isdig((unsigned char)fmt[i])) {
      w = w * 10 + (fmt[i++] - '0');
      if (w > LPY_FMT_MAXWIDTH)
        return lpy_err_set(e, LPY_EVALUE, "fmt: width above %d", LPY_FMT_MAXWIDTH);
    }
    if (i < n && fmt[i] == '.') {
      i++;
      pr = 0;
      if (i < n && fmt[i] == '*')
        return lpy_err_set(e, LPY_EVALUE, "fmt: '*' in a conversion is not supported");
      while (i < n && isdig((unsigned char)fmt[i])) {
        pr = pr * 10 + (fmt[i++] - '0');
        if (pr > LPY_FMT_MAXWIDTH)
          return lpy_err_set(e, LPY_EVALUE, "fmt: precision above %d", LPY_FMT_MAXWIDTH);
      }
    }
    while (i < n && (fmt[i] == 'h' || fmt[i] == 'l' || fmt[i] == 'L')) i++;
    if (i >= n) return lpy_err_set(e, LPY_EVALUE, "fmt: incomplete format");
    c = fmt[i++];
    if (!strchr("diuoxXeEfFgGs", c) || c == 0) {
      if (c == 'n')
        return lpy_err_set(e, LPY_EVALUE, "unsupported format character 'n' (0x6e): %%n is not allowed");
      if ((unsigned char)c >= 32 && (unsigned char)c < 127)
        return lpy_err_set(e, LPY_EVALUE, "unsupported format character '%c' (0x%x)", c, (unsigned)(unsigned char)c);
      return lpy_err_set(e, LPY_EVALUE, "unsupported format character 0x%x", (unsigned)(unsigned char)c);
    }
    s->conv = c;
    s->flags = (unsigned char)fl;
    s->width = (int)w;
    s->prec = (int)pr;
    cfmt(s);
    ns++;
    nc++;
    lit = i;
  }
  if (lit < n || ns == 0) {
    if (ns >= max) return lpy_err_set(e, LPY_EVALUE, "fmt has too many parts");
    specs[ns].lit = lit;
    specs[ns].litlen = n - lit;
    specs[ns].conv = 0;
    specs[ns].flags = 0;
    specs[ns].width = 0;
    specs[ns].prec = -1;
    ns++;
  }
  *nspecs = ns;
  *nconv = nc;
  return 0;
}

/* copy body (sign / prefix of lengths given first) into out padded to the
   spec's width as Python pads: left-justified, zero-filled after the sign
   and prefix, or right-justified with spaces */
static long pad(const lpy_fmtspec *s, const char *pre, size_t npre,
                const char *body, size_t nbody, int zerofill, char *out,
                size_t cap) {
  size_t len = npre + nbody, w = (size_t)s->width, fill = w > len ? w - len : 0;
  size_t total = len + fill, k = 0, i;
  if (total + 1 > cap) return (long)total;
#define PUT(c) (out[k++] = (c))
  if (s->flags & LPY_FMT_LEFT) {
    for (i = 0; i < npre; i++) PUT(pre[i]);
    for (i = 0; i < nbody; i++) PUT(body[i]);
    for (i = 0; i < fill; i++) PUT(' ');
  } else if (zerofill && (s->flags & LPY_FMT_ZERO)) {
    for (i = 0; i < npre; i++) PUT(pre[i]);
    for (i = 0; i < fill; i++) PUT('0');
    for (i = 0; i < nbody; i++) PUT(body[i]);
  } else {
    for (i = 0; i < fill; i++) PUT(' ');
    for (i = 0; i < npre; i++) PUT(pre[i]);
    for (i = 0; i < nbody; i++) PUT(body[i]);
  }
#undef PUT
  out[k] = 0;
  return (long)total;
}

static char sign_char(const lpy_fmtspec *s, int neg) {
  if (neg) return '-';
  if (s->flags & LPY_FMT_PLUS) return '+';
  if (s->flags & LPY_FMT_SPACE) return ' ';
  return 0;
}

/* an integer of magnitude m (digits given as text when dig != NULL) */
static long fmt_int(const lpy_fmtspec *s, int neg, uint64_t m,
                    const char *dig, char *out, size_t cap) {
  char digits[LPY_FMT_MAXWIDTH + 400], pre[4];
  size_t nd = 0, np = 0, z = 0;
  int base = 10, up = s->conv == 'X';
  char tmp[70];
  if (s->conv == 'o') base = 8;
  else if (s->conv == 'x' || s->conv == 'X') base = 16;
  if (dig) nd = strlen(dig);
  {
    size_t k = 0;
    const char *src;
    if (!dig) {
      do {
        unsigned d = (unsigned)(m % (unsigned)base);
        tmp[k++] = (char)(d < 10 ? '0' + d : (up ? 'A' : 'a') + d - 10);
        m /= (unsigned)base;
      } while (m);
      nd = k;
      src = NULL;
    } else src = dig;
    if (s->prec > 0 && (size_t)s->prec > nd) z = (size_t)s->prec - nd;
    memset(digits, '0', z);
    if (src) memcpy(digits + z, src, nd);
    else for (k = 0; k < nd; k++) digits[z + k] = tmp[nd - 1 - k];
    nd += z;
  }
  if (sign_char(s, neg)) pre[np++] = sign_char(s, neg);
  if ((s->flags & LPY_FMT_ALT) && base != 10) {
    pre[np++] = '0';
    pre[np++] = base == 8 ? 'o' : (up ? 'X' : 'x');
  }
  return pad(s, pre, np, digits, nd, 1, out, cap);
}

static long fmt_float(const lpy_fmtspec *s, double d, char *out, size_t cap) {
  int up = s->conv == 'E' || s->conv == 'F' || s->conv == 'G';
  if (isnan(d) || isinf(d)) {
    char pre[1];
    size_t np = 0;
    char sc = sign_char(s, isinf(d) && d < 0);
    if (sc) pre[np++] = sc;
    return pad(s, pre, np, isnan(d) ? (up ? "NAN" : "nan") : (up ? "INF" : "inf"), 3, 1, out, cap);
  } else {
    int r = snprintf(out, cap, s->cfmt, d);
    return r < 0 ? 0 : r;
  }
}

long lpy_fmt_value(const lpy_fmtspec *s, const lpy_fmtval *v, char *out,
                   size_t cap, lpy_err *e) {
  switch (s->conv) {
  case 'd': case 'i': case 'u': case 'o': case 'x': case 'X':
    if (v->kind == LPY_FV_INT)
      return fmt_int(s, v->i < 0, v->i < 0 ? 0 - (uint64_t)v->i : (uint64_t)v->i, NULL, out, cap);
    if (v->kind == LPY_FV_UINT) return fmt_int(s, 0, v->u, NULL, out, cap);
    if (s->conv != 'd' && s->conv != 'i' && s->conv != 'u') {
      lpy_err_set(e, LPY_ETYPE, "%%%c format: an integer is required, not %s", s->conv,
                  lpy_dtypes[v->t].name);
      return -1;
    }
    if (isnan(v->d)) {
      lpy_err_set(e, LPY_EVALUE, "cannot convert float NaN to integer");
      return -1;
    }
    if (isinf(v->d)) {
      lpy_err_set(e, LPY_EVALUE, "cannot convert float infinity to integer");
      return -1;
    } else {
      double t = trunc(v->d);
      if (fabs(t) < 9.2e18)
        return fmt_int(s, t < 0, (uint64_t)(t < 0 ? -t : t), NULL, out, cap);
      else {
        char dig[400];
        snprintf(dig, sizeof dig, "%.0f", fabs(t));
        return fmt_int(s, t < 0, 0, dig, out, cap);
      }
    }
  case 's': {
    char buf[LPY_FORMAT_SCALAR_MAX];
    size_t n = lpy_format_scalar_buf(v->t, v->p, buf, sizeof buf);
    if (n >= sizeof buf) n = sizeof buf - 1;
    if (s->prec >= 0 && (size_t)s->prec < n) n = (size_t)s->prec;
    return pad(s, "", 0, buf, n, 0, out, cap);
  }
  default: {
    double d = v->kind == LPY_FV_INT ? (double)v->i
             : v->kind == LPY_FV_UINT ? (double)v->u : v->d;
    return fmt_float(s, d, out, cap);
  }
  }
}
