#!/usr/bin/python3
"""f32.py - vmath_f32.h (float32 log and tanh), in mpmath.
log: 32 pieces of m in [0.699, 1.398) (the 5 bits after the exponent);
  k_i = 1/(the piece's middle) rounded to 6 significant bits, 1 for the
  two pieces around 1; log(1/k_i) = h_i + l_i, h_i on the 2^-16 grid
  (nearest), l_i = RN(rest); ln2 likewise; P of degree 3 with P(0) = -1/2
  held: minimax (Remez) of the relative error of log1p(r) = r + r^2 P(r)
  on the r range of the pieces, rounded to float.
tanh: 25 pieces (four per binade of a + 1/8); the header's centres c are
  taken as given (the search that chose them is not redone) and checked:
  c0, c1 = tanh(c), tanh'(c) rounded to float, and their distance to the
  exact values; c2..c6: minimax (Remez) of the relative error of tanh on
  the piece with c0 and c1 fixed, rounded to float; piece 0 (c = 0):
  t + c3 t^3 + c5 t^5."""
import os
import struct
import sys
sys.dont_write_bytecode = True          # no __pycache__ in tools/fit
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mpmath import mp, mpf
from remez import remez, rnd, max_error
from hdr import Kernel, header, span, hexes, main

mp.prec = 120
BASE = 0x3f330000


def f32(bits):
    return mpf(struct.unpack("<f", struct.pack("<I", bits))[0])


def row(text, name):
    """the values of one /* name */ row of a table, 0 included"""
    body = span(text, "/* %s */" % name, "}")
    out = []
    for tok in body.split("*/", 1)[1].replace("\n", " ").split(","):
        tok = tok.strip()
        if tok:
            out.append(mpf(int(tok)) if tok.lstrip("-").isdigit()
                       else hexes(tok)[0])
    return out


def log_kernels(h):
    out = []
    tab = span(h, "vlog_f_tab[3][32]", "};\n")
    ps = [(f32(BASE + (i << 18)), f32(BASE + ((i + 1) << 18) - 1))
          for i in range(32)]
    ks = []
    for lo, hi in ps:
        if lo <= 1 + mpf(2) ** -10 and hi >= 1 - mpf(2) ** -10 or \
           abs(hi - 1) < mpf(2) ** -20 or abs(lo - 1) < mpf(2) ** -20:
            ks.append(mpf(1))
        else:
            ks.append(rnd(2 / (lo + hi), 6))
    out.append(Kernel("log f32 k_i", "vmath_f32.h",
                      "1/middle to 6 significant bits; 1 around 1",
                      ["k_%d" % i for i in range(32)], ks, row(tab, "k"), 24))
    with mp.workprec(300):
        g = mpf(2) ** -16
        hs = [mp.nint(-mp.log(k) / g) * g for k in ks]
        ls = [rnd(-mp.log(k) - hh, 24) for k, hh in zip(ks, hs)]
        l2h = mp.nint(mp.log(2) / g) * g
        l2l = rnd(mp.log(2) - l2h, 24)
    out.append(Kernel("log f32 h_i", "vmath_f32.h", "log(1/k) on 2^-16 grid",
                      ["h_%d" % i for i in range(32)], hs, row(tab, "h"), 24))
    out.append(Kernel("log f32 l_i", "vmath_f32.h", "RN(log(1/k) - h)",
                      ["l_%d" % i for i in range(32)], ls, row(tab, "l"), 24))
    body = span(h, "static inline VF vlog_f(VF x)", "#define LOG_RANGE_F")
    out.append(Kernel("log f32 ln2", "vmath_f32.h",
                      "ln2 on the 2^-16 grid + RN(rest)", ["hi", "lo"],
                      [l2h, l2l],
                      hexes(span(body, "VF a = VFMA_F(f, SPLAT_F(", ")"))
                      + hexes(span(body, "VFMA_F(f, SPLAT_F(0x1.7f", ")")),
                      24))
    rlo = min(lo * k - 1 for (lo, hi), k in zip(ps, ks))
    rhi = max(hi * k - 1 for (lo, hi), k in zip(ps, ks))

    def L(r):
        return mp.log1p(r)

    # P(r) + 1/2 = r (p1 + p2 r + p3 r^2): fit the bracket to
    # (P(r) + 1/2)/r with weight |r|^3 / |log1p r| (r^2 P's relative error)
    def fq(r):
        if r == 0:
            return mpf(1) / 3
        with mp.workprec(3 * mp.prec):
            return ((mp.log1p(r) - r) / (r * r) + mpf(1) / 2) / r

    def wq(r):
        return abs(r) ** 3 / abs(L(r)) if r else mpf(0)
    POW = [lambda r, k=k: r ** k for k in range(3)]
    c, _ = remez(fq, POW, rlo, rhi, wq)
    ours = [mpf(-0.5)] + [rnd(x, 24) for x in c]
    coef = hexes(span(body, "VF p = VFMA_F(SPLAT_F(", "p = VFMA_F(r * r"))
    theirs = [mpf(-0.5), coef[2], coef[1], coef[0]]
    out.append(Kernel("log f32 P(r)", "vmath_f32.h",
                      "Remez deg 3, P(0) = -1/2, rel. error of log1p on "
                      "[%s, %s], rounded" % (mp.nstr(rlo, 4), mp.nstr(rhi, 4)),
                      ["r^%d" % k for k in range(4)], ours, theirs, 24,
                      lambda cc: max_error(fq, POW, cc[1:], rlo, rhi, wq, 400),
                      "relative to log1p(r)", "2^-32.7"))
    return out


def tanh_bounds(i):
    b = mpf(2) ** (i // 4 - 3) * (1 + mpf(i % 4) / 4)
    b1 = mpf(2) ** ((i + 1) // 4 - 3) * (1 + mpf((i + 1) % 4) / 4)
    return b - mpf(1) / 8, b1 - mpf(1) / 8


def tanh_kernels(h):
    tab = span(h, "vtanh_f_tab[8][32]", "};\n")
    rows = [row(tab, n) for n in ("c", "c0", "c1", "c2", "c3", "c4", "c5",
                                  "c6")]
    cen = rows[0][:25]
    with mp.workprec(200):
        c0 = [rnd(mp.tanh(c), 24) if c else mpf(0) for c in cen]
        c1 = [rnd(1 - mp.tanh(c) ** 2, 24) for c in cen]
        d0 = max(abs(mp.tanh(c) - v) for c, v in zip(cen[1:], rows[1][1:25]))
        d1 = max(abs(1 - mp.tanh(c) ** 2 - v)
                 for c, v in zip(cen[1:], rows[2][1:25]))
    out = [Kernel("tanh f32 c0, c1", "vmath_f32.h",
                  "RN(tanh c), RN(tanh' c) (largest distance to the exact: "
                  "c0 %s, c1 %s)" % (mp.nstr(mp.log(d0, 2), 4),
                                      mp.nstr(mp.log(d1, 2), 4)),
                  ["c0_%d" % i for i in range(25)] +
                  ["c1_%d" % i for i in range(25)], c0 + c1,
                  rows[1][:25] + rows[2][:25], 24)]
    ours, theirs, meas = [], [], []
    for i in range(25):
        lo, hi = tanh_bounds(i)
        c = cen[i]
        if i == 0:
            def g(t):
                if t == 0:
                    return -mpf(1) / 3
                with mp.workprec(2 * mp.prec):
                    return (mp.tanh(t) - t) / t ** 3
            w = (lambda t: t ** 3 / mp.tanh(t) if t else mpf(0))
            basis = [lambda t: mpf(1), lambda t: t * t]
            cc, _ = remez(g, basis, lo, hi, w)
            cc = [rnd(x, 24) for x in cc]
            ours += [cc[0], mpf(0), cc[1], mpf(0)]
            theirs += [rows[4][0], rows[5][0], rows[6][0], rows[7][0]]
            meas.append((g, basis, w, lo, hi, (0, 2)))
            continue
        a0, a1 = rows[1][i], rows[2][i]

        def g(t, c=c, a0=a0, a1=a1):
            with mp.workprec(2 * mp.prec):
                th = mp.tanh(c)
                d0, d1 = th - a0, 1 - th * th - a1
                if t == 0:
                    return -th * (1 - th * th)          # tanh''(c)/2
                return (mp.tanh(c + t) - a0 - a1 * t - d0 - d1 * t) / t ** 2

        def w(t, c=c):
            return t * t / mp.tanh(c + t)
        basis = [lambda t, k=k: t ** k for k in range(5)]
        cc, _ = remez(g, basis, lo - c, hi - c, w)
        ours += [rnd(x, 24) for x in cc[:4]]
        theirs += [rows[k][i] for k in range(3, 7)]
        # (c6 is compared below with the others of its piece)
        ours.append(rnd(cc[4], 24))
        theirs.append(rows[7][i])
        meas.append((g, basis, w, lo - c, hi - c, None))
    return out, ours, theirs, meas, rows, cen


def kernels():
    h = header("vmath_f32.h")
    out = log_kernels(h)
    tk, ours, theirs, meas, rows, cen = tanh_kernels(h)
    out += tk
    labels = ["%d:c%d" % (0, k) for k in (3, 4, 5, 6)] + \
        ["%d:c%d" % (i, k) for i in range(1, 25) for k in range(2, 7)]

    def measure(cs):
        """largest relative error of the pieces' polynomials (the terms
        beyond c1; c0 and c1's own distances are in the c0, c1 line)"""
        worst = mpf(0)
        pos = 0
        for i, (g, basis, w, lo, hi, odd) in enumerate(meas):
            if i == 0:
                cc = [cs[0], cs[2]]
                pos = 4
            else:
                cc = cs[pos:pos + 5]
                pos += 5
            worst = max(worst, max_error(g, basis, cc, lo, hi, w, 200))
        return worst
    out.append(Kernel("tanh f32 c2..c6", "vmath_f32.h",
                      "Remez per piece, rel. error, c0 c1 fixed, rounded",
                      labels, ours, theirs, 24, measure,
                      "relative to tanh, worst piece", "2^-29.4"))
    return out


if __name__ == "__main__":
    main(kernels)
