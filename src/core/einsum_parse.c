/*
** einsum_parse.c - the subscripts of np.einsum: parsing a subscripts
** string into labels (NumPy's rules and errors: implicit output, '...'
** right-aligned over broadcast dimensions, repeated labels), checking
** labels given as lists, and the plan: each label's size (a dimension of 1
** broadcasts) and each operand's stride along it.
*/
#include <stdio.h>
#include <string.h>
#include "einsum.h"

/* ------------------------------------------------------------ labels */
static int letter_id(int c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return 26 + c - 'a';
  return -1;
}

int lpy_einsum_char(int id) {
  if (id >= 0 && id < 26) return 'A' + id;
  if (id >= 26 && id < LPY_EINSUM_LETTERS) return 'a' + id - 26;
  return 0;
}

/* One term of the subscripts (s .. s+n): letters into ids, the position of
   the ellipsis among them in *ell (-1: none). Returns the number of labels
   or -1 on error. */
static int parse_term(const char *s, size_t n, int *ids, int *ell,
                      const char *what, int k, lpy_err *e) {
  size_t i;
  int cnt = 0;
  *ell = -1;
  for (i = 0; i < n; i++) {
    int c = (unsigned char)s[i], id;
    if (c == ' ') continue;
    if (c == '.') {
      if (*ell >= 0 || i + 2 >= n + 0 || s[i + 1] != '.' || s[i + 2] != '.') {
        if (k >= 0)
          lpy_err_set(e, LPY_EVALUE, "einstein sum subscripts string contains "
                      "a '.' that is not part of an ellipsis ('...') in operand %d",
                      k + 1);
        else
          lpy_err_set(e, LPY_EVALUE, "einstein sum subscripts string contains "
                      "a '.' that is not part of an ellipsis ('...') in the output");
        return -1;
      }
      *ell = cnt;
      i += 2;
      continue;
    }
    id = letter_id(c);
    if (id < 0) {
      if (c >= 32 && c < 127)
        lpy_err_set(e, LPY_EVALUE, "invalid subscript '%c' in einstein sum "
                    "subscripts string, subscripts must be letters", c);
      else
        lpy_err_set(e, LPY_EVALUE, "invalid subscript (byte %d) in einstein sum "
                    "subscripts string, subscripts must be letters", c);
      return -1;
    }
    if (cnt >= LPY_MAXDIMS) {
      lpy_err_set(e, LPY_EVALUE, "too many subscripts in einstein sum %s", what);
      return -1;
    }
    ids[cnt++] = id;
  }
  return cnt;
}

int lpy_einsum_parse(const char *s, int nop, const int *ndims,
                     lpy_einsum_subs *sb, lpy_err *e) {
  const char *arrow = strstr(s, "->"), *end, *p;
  int k, i, nterm = 1, E = 0;
  int ids[LPY_EINSUM_MAXOPS][LPY_MAXDIMS], cnt[LPY_EINSUM_MAXOPS],
      ell[LPY_EINSUM_MAXOPS];
  int count[LPY_EINSUM_MAXLABELS];
  if (nop < 1) return lpy_err_set(e, LPY_EVALUE, "must specify the einstein sum subscripts string and at least one operand");
  if (nop > LPY_EINSUM_MAXOPS)
    return lpy_err_set(e, LPY_EVALUE, "too many operands (at most %d)", LPY_EINSUM_MAXOPS);
  end = arrow ? arrow : s + strlen(s);
  if (arrow && strstr(arrow + 2, "->"))
    return lpy_err_set(e, LPY_EVALUE, "einstein sum subscripts string contains '->' more than once");
  for (p = s; p < end; p++) if (*p == ',') nterm++;
  if (nterm > nop)
    return lpy_err_set(e, LPY_EVALUE, "fewer operands provided to einstein sum "
                       "function than specified in the subscripts string");
  if (nterm < nop)
    return lpy_err_set(e, LPY_EVALUE, "more operands provided to einstein sum "
                       "function than specified in the subscripts string");
  /* the input terms */
  p = s;
  for (k = 0; k < nop; k++) {
    const char *q = p;
    while (q < end && *q != ',') q++;
    cnt[k] = parse_term(p, (size_t)(q - p), ids[k], &ell[k], "operand", k, e);
    if (cnt[k] < 0) return -1;
    if (cnt[k] > ndims[k] || (ell[k] < 0 && cnt[k] < ndims[k])) {
      if (cnt[k] > ndims[k])
        return lpy_err_set(e, LPY_EVALUE, "einstein sum subscripts string "
                           "contains too many subscripts for operand %d", k + 1);
      return lpy_err_set(e, LPY_EVALUE, "operand %d has more dimensions than "
                         "subscripts given in einstein sum, but no '...' ellipsis "
                         "provided to broadcast the extra dimensions.", k + 1);
    }
    if (ell[k] >= 0 && ndims[k] - cnt[k] > E) E = ndims[k] - cnt[k];
    p = q + 1;
  }
  /* labels per dimension, the ellipsis right-aligned on E broadcast dims */
  memset(count, 0, sizeof count);
  sb->nop = nop;
  for (k = 0; k < nop; k++) {
    int nd = ndims[k], d = 0, ne = ell[k] >= 0 ? nd - cnt[k] : 0;
    sb->ndim[k] = nd;
    for (i = 0; i < cnt[k]; i++) {
      if (i == ell[k]) {
        int t;
        for (t = 0; t < ne; t++) sb->lab[k][d++] = (unsigned char)(LPY_EINSUM_LETTERS + E - ne + t);
      }
      sb->lab[k][d++] = (unsigned char)ids[k][i];
      count[ids[k][i]]++;
    }
    if (ell[k] == cnt[k]) {
      int t;
      for (t = 0; t < ne; t++) sb->lab[k][d++] = (unsigned char)(LPY_EINSUM_LETTERS + E - ne + t);
    }
  }
  /* the output */
  sb->nout = 0;
  if (arrow) {
    int oids[LPY_MAXDIMS], oell, no, seen[LPY_EINSUM_LETTERS];
    const char *o = arrow + 2;
    for (p = o; *p; p++)
      if (*p == '-' || *p == '>' || *p == ',') {
        if (*p == ',')
          return lpy_err_set(e, LPY_EVALUE, "einstein sum subscripts string "
                             "contains a ',' in the output");
        return lpy_err_set(e, LPY_EVALUE, "invalid subscript '%c' in einstein sum "
                           "subscripts string, subscripts must be letters", *p);
      }
    no = parse_term(o, strlen(o), oids, &oell, "output", -1, e);
    if (no < 0) return -1;
    memset(seen, 0, sizeof seen);
    for (i = 0; i < no; i++) {
      if (seen[oids[i]])
        return lpy_err_set(e, LPY_EVALUE, "einstein sum subscripts string "
                           "includes output subscript '%c' multiple times",
                           lpy_einsum_char(oids[i]));
      seen[oids[i]] = 1;
      if (!count[oids[i]])
        return lpy_err_set(e, LPY_EVALUE, "einstein sum subscripts string "
                           "included output subscript '%c' which never appeared "
                           "in an input", lpy_einsum_char(oids[i]));
    }
    if (oell < 0 && E > 0)
      return lpy_err_set(e, LPY_EVALUE, "output has more dimensions than "
                         "subscripts given in einstein sum, but no '...' ellipsis "
                         "provided to broadcast the extra dimensions.");
    if (no + (oell >= 0 ? E : 0) > LPY_MAXDIMS)
      return lpy_err_set(e, LPY_EVALUE, "einsum output would have more than %d dimensions", LPY_MAXDIMS);
    for (i = 0; i <= no; i++) {
      if (i == oell) {
        int t;
        for (t = 0; t < E; t++) sb->out[sb->nout++] = (unsigned char)(LPY_EINSUM_LETTERS + t);
      }
      if (i < no) sb->out[sb->nout++] = (unsigned char)oids[i];
    }
  } else {
    int n = E;
    for (i = 0; i < LPY_EINSUM_LETTERS; i++) n += count[i] == 1;
    if (n > LPY_MAXDIMS)
      return lpy_err_set(e, LPY_EVALUE, "einsum output would have more than %d dimensions", LPY_MAXDIMS);
    for (i = 0; i < E; i++) sb->out[sb->nout++] = (unsigned char)(LPY_EINSUM_LETTERS + i);
    for (i = 0; i < LPY_EINSUM_LETTERS; i++)
      if (count[i] == 1) sb->out[sb->nout++] = (unsigned char)i;
  }
  return 0;
}

int lpy_einsum_check(const lpy_einsum_subs *sb, lpy_err *e) {
  unsigned char inop[LPY_EINSUM_MAXLABELS], seen[LPY_EINSUM_MAXLABELS];
  int k, i;
  if (sb->nop < 1 || sb->nop > LPY_EINSUM_MAXOPS)
    return lpy_err_set(e, LPY_EVALUE, "between 1 and %d operands are needed", LPY_EINSUM_MAXOPS);
  memset(inop, 0, sizeof inop);
  memset(seen, 0, sizeof seen);
  for (k = 0; k < sb->nop; k++)
    for (i = 0; i < sb->ndim[k]; i++) {
      if (sb->lab[k][i] >= LPY_EINSUM_MAXLABELS)
        return lpy_err_set(e, LPY_EVALUE, "subscript out of range in operand %d", k + 1);
      inop[sb->lab[k][i]] = 1;
    }
  for (i = 0; i < sb->nout; i++) {
    int id = sb->out[i];
    if (id >= LPY_EINSUM_MAXLABELS || !inop[id])
      return lpy_err_set(e, LPY_EVALUE, "einstein sum output subscript %d never "
                         "appeared in an input", id);
    if (seen[id])
      return lpy_err_set(e, LPY_EVALUE, "einstein sum output includes subscript %d "
                         "multiple times", id);
    seen[id] = 1;
  }
  return 0;
}

/* ------------------------------------------------------------ the plan */
static void label_name(int id, char *buf, size_t n) {
  int c = lpy_einsum_char(id);
  if (c) snprintf(buf, n, "label '%c'", c);
  else snprintf(buf, n, "broadcast dimension %d of '...'", id - LPY_EINSUM_LETTERS + 1);
}

int lpy_einsum_plan_make(const lpy_einsum_subs *sb, lpy_array *const *ops,
                         lpy_einsum_plan *p, lpy_err *e) {
  int map[LPY_EINSUM_MAXLABELS], k, i, j, l;
  for (i = 0; i < LPY_EINSUM_MAXLABELS; i++) map[i] = -1;
  p->nop = sb->nop;
  p->nl = 0;
  for (k = 0; k < sb->nop; k++) {
    if (ops[k]->ndim != sb->ndim[k])
      return lpy_err_set(e, LPY_EVALUE, "operand %d has %d dimensions, the "
                         "subscripts give %d", k + 1, ops[k]->ndim, sb->ndim[k]);
    p->ndim[k] = sb->ndim[k];
    for (i = 0; i < sb->ndim[k]; i++) {
      int id = sb->lab[k][i];
      int64_t d = ops[k]->shape[i];
      if (map[id] < 0) {
        map[id] = p->nl;
        p->id[p->nl] = id;
        p->size[p->nl] = d;
        p->nl++;
      }
      l = map[id];
      p->dl[k][i] = (unsigned char)l;
      /* a label repeated in one operand: its dimensions must agree */
      for (j = 0; j < i; j++)
        if (sb->lab[k][j] == id && ops[k]->shape[j] != d) {
          int c = lpy_einsum_char(id);
          return lpy_err_set(e, LPY_EVALUE, "dimensions in operand %d for "
                             "collapsing index '%c' don't match (%lld != %lld)",
                             k + 1, c ? c : '.', (long long)ops[k]->shape[j],
                             (long long)d);
        }
      /* across operands: equal, or 1 (broadcast) */
      if (p->size[l] == d || d == 1) continue;
      if (p->size[l] == 1) { p->size[l] = d; continue; }
      {
        char nm[64];
        label_name(id, nm, sizeof nm);
        return lpy_err_set(e, LPY_EVALUE, "size of %s for operand %d (%lld) "
                           "does not match previous terms (%lld)", nm, k + 1,
                           (long long)d, (long long)p->size[l]);
      }
    }
  }
  memset(p->has, 0, sizeof p->has[0] * (size_t)(sb->nop + 1));
  for (k = 0; k < sb->nop; k++) {
    for (i = 0; i < sb->ndim[k]; i++) p->has[k][p->dl[k][i]] = 1;
    lpy_einsum_set_op(p, k, ops[k]);
  }
  p->nout = sb->nout;
  for (i = 0; i < sb->nout; i++) {
    if (map[sb->out[i]] < 0)
      return lpy_err_set(e, LPY_EVALUE, "einstein sum output subscript never "
                         "appeared in an input");
    p->out[i] = map[sb->out[i]];
    p->has[sb->nop][p->out[i]] = 1;
  }
  for (l = 0; l < p->nl; l++) p->stride[sb->nop][l] = 0;
  return 0;
}

void lpy_einsum_set_op(lpy_einsum_plan *p, int k, const lpy_array *a) {
  int l, i;
  for (l = 0; l < p->nl; l++) p->stride[k][l] = 0;
  for (i = 0; i < p->ndim[k]; i++)
    if (a->shape[i] > 1) p->stride[k][p->dl[k][i]] += a->strides[i];
}

void lpy_einsum_out_shape(const lpy_einsum_plan *p, int64_t *shape) {
  int i;
  for (i = 0; i < p->nout; i++) shape[i] = p->size[p->out[i]];
}

void lpy_einsum_set_out(lpy_einsum_plan *p, const lpy_array *out) {
  int l, i;
  for (l = 0; l < p->nl; l++) p->stride[p->nop][l] = 0;
  for (i = 0; i < p->nout; i++)
    if (out->shape[i] > 1) p->stride[p->nop][p->out[i]] = out->strides[i];
}
