/*
** textio.h - text input/output of the core: splitting text into rows of
** fields as NumPy's loadtxt does, parsing one field as a number of any
** dtype exactly as NumPy parses it, loadtxt's whole read of a text into a
** table, and printf-style formats for savetxt (validated once, then
** applied to values with Python's %-formatting rules). Pure C, no Lua.
** Ownership: lpy_tok and lpy_textload keep their memory until
** lpy_tok_free / lpy_textload_free; the caller owns the structs.
*/
#ifndef LPY_TEXTIO_H
#define LPY_TEXTIO_H

#include <stddef.h>
#include <stdint.h>
#include "lpy.h"

/* ------------------------------------------------------------ splitting */
#define LPY_TOK_MAXCOMMENTS 16

typedef struct lpy_tok_cfg {
  int delim;                    /* a byte, or -1: runs of whitespace */
  int quote;                    /* a byte, or -1: no quoting */
  int ncomments;                /* comment markers, each 1+ bytes */
  const char *comments[LPY_TOK_MAXCOMMENTS];
  size_t commentlen[LPY_TOK_MAXCOMMENTS];
} lpy_tok_cfg;

/* A tokenizer over text[0..n). After lpy_tok_row returned 1, field i of
   the row is buf + off[i], off[i+1] - off[i] - 1 bytes, NUL-terminated. */
typedef struct lpy_tok {
  const char *p, *end;
  lpy_tok_cfg cfg;
  unsigned char stop[256];      /* bytes that end an unquoted chunk */
  char *buf;
  size_t buflen, bufcap;
  size_t *off;
  size_t nf, offcap;
} lpy_tok;

LPY_API void lpy_tok_init(lpy_tok *t, const char *text, size_t n,
                          const lpy_tok_cfg *cfg);
LPY_API void lpy_tok_free(lpy_tok *t);
/* skip n physical lines (\n, \r\n or \r end a line) */
LPY_API void lpy_tok_skiplines(lpy_tok *t, int64_t n);
/* read the next row: 1 (t->nf fields, 0 for a blank or comment line),
   0 at the end of the text, -1 out of memory (e filled) */
LPY_API int lpy_tok_row(lpy_tok *t, lpy_err *e);
#define lpy_tok_field(t, i) ((t)->buf + (t)->off[i])
#define lpy_tok_fieldlen(t, i) ((t)->off[(i) + 1] - (t)->off[i] - 1)

/* Python's str.isspace for one byte (ASCII whitespace and \x1c-\x1f) */
LPY_API int lpy_text_isspace(int c);

/* ------------------------------------------------------------ numbers */
/* Parse s[0..n) (the bytes from s on must end in a NUL, at s[n] or later:
   strtod may look past n, the result never depends on it) as a value
   of dtype t into out (lpy_itemsize(t) bytes): NumPy's loadtxt rules
   (surrounding whitespace allowed; floats as Python's float(): decimal,
   inf, infinity, nan, no hex; integers of decimal digits within the
   dtype's range; bool as an integer, nonzero is true; complex as "1+2j",
   "(1-2j)", "2j", "3"). Returns 0, or -1 when the text is not such a
   value. */
LPY_API int lpy_text_parse(lpy_dtype t, const char *s, size_t n, char *out);

/* ------------------------------------------------------------ loadtxt */
typedef struct lpy_loadtxt_opts {
  lpy_tok_cfg cfg;
  lpy_dtype dtype;
  int64_t skiprows;             /* physical lines skipped first */
  int64_t max_rows;             /* data rows read at most; -1: all */
  int nusecols;                 /* 0: every column */
  const int64_t *usecols;       /* LumPy positions: 1-based, negative
                                   from the end */
} lpy_loadtxt_opts;

typedef struct lpy_textload {
  lpy_tok tok;
  char *out;                    /* the values read, C order */
  size_t outlen, outcap;
} lpy_textload;

/* Read the table in text[0..n) into s->out: *nrows rows of *ncols values
   of o->dtype. Errors name rows and columns 1-based, as NumPy's messages
   ("could not convert string 'x' to float64 at row 3, column 2.").
   s must be zeroed before; release with lpy_textload_free. */
LPY_API int lpy_loadtxt(lpy_textload *s, const char *text, size_t n,
                        const lpy_loadtxt_opts *o, int64_t *nrows,
                        int64_t *ncols, lpy_err *e);
LPY_API void lpy_textload_free(lpy_textload *s);

/* ------------------------------------------------------------ formats */
/* One piece of a row format: literal text fmt[lit..lit+litlen) and then
   (conv != 0) one conversion %[flags][width][.prec]conv. */
typedef struct lpy_fmtspec {
  size_t lit, litlen;
  char conv;                    /* d i u o x X e E f F g G s, or 0 */
  unsigned char flags;          /* LPY_FMT_* */
  int width, prec;              /* prec -1: none */
  char cfmt[24];                /* the printf format of a finite float */
} lpy_fmtspec;
enum { LPY_FMT_LEFT = 1, LPY_FMT_PLUS = 2, LPY_FMT_SPACE = 4,
       LPY_FMT_ALT = 8, LPY_FMT_ZERO = 16 };
#define LPY_FMT_MAXWIDTH 4096

/* Compile fmt[0..n) into specs (room for max): "%%" is a literal percent;
   every other '%' starts one numeric conversion. *nconv counts the
   conversions, *nspecs the specs written (the last may be literal
   only). Refuses %n, %c, %r, '*', widths or precisions above
   LPY_FMT_MAXWIDTH and incomplete conversions. */
LPY_API int lpy_fmt_compile(const char *fmt, size_t n, lpy_fmtspec *specs,
                            int max, int *nspecs, int *nconv, lpy_err *e);

/* A value to format: an integer (signed or unsigned 64-bit), a float, or
   an element to print with str() (%s). */
typedef struct lpy_fmtval {
  int kind;                     /* LPY_FV_INT, LPY_FV_UINT, LPY_FV_FLOAT */
  int64_t i;
  uint64_t u;
  double d;
  lpy_dtype t;                  /* the element's dtype (for %s and for
                                   messages) */
  const char *p;                /* the element (for %s) */
} lpy_fmtval;
enum { LPY_FV_INT, LPY_FV_UINT, LPY_FV_FLOAT };

/* Format v with spec s into out (cap bytes): returns the length the text
   needs (write again with a bigger buffer when it is >= cap), or -1 when
   Python would raise (e filled: %x of a float, %d of nan or inf). */
LPY_API long lpy_fmt_value(const lpy_fmtspec *s, const lpy_fmtval *v,
                           char *out, size_t cap, lpy_err *e);

#endif
