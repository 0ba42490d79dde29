#!/usr/bin/python3
"""tanh.py - vmath_tanh.h (float64 tanh): P(z) ~ (h coth h - 1)/z on
z = h^2 in [0, 0.068], a Chebyshev fit (mpmath's chebyfit, 6 terms, at 60
digits) rounded to double; and ln2/2 = l1 + l2, 2/ln2 correctly rounded."""
import os
import sys
sys.dont_write_bytecode = True          # no __pycache__ in tools/fit
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mpmath import mp, mpf
from remez import rnd, max_error
from hdr import Kernel, header, span, hexes, main

ZMAX = mpf("0.068")
POW = [lambda z, k=k: z ** (k + 1) for k in range(6)]   # z P(z)


def f(z):
    if z == 0:
        return mpf(1) / 3
    with mp.workprec(2 * mp.prec):
        h = mp.sqrt(z)
        return (h * mp.coth(h) - 1) / z


def w_target(z):               # h coth h - 1, what z P(z) stands for
    return z * f(z)


def kernels():
    h = header("vmath_tanh.h")
    out = []
    with mp.workprec(400):
        l1 = rnd(mp.log(2) / 2, 53)
        l2 = rnd(mp.log(2) / 2 - l1, 53)
        inv = rnd(2 / mp.log(2), 53)
    out.append(Kernel("tanh f64 reduction", "vmath_tanh.h",
                      "RN(ln2/2), RN(rest), RN(2/ln2)", ["l1", "l2", "2/ln2"],
                      [l1, l2, inv],
                      hexes(span(h, "const double l1", "\n"))
                      + hexes(span(h, "const double l2", "\n"))
                      + hexes(span(h, "k = VFMA_D(ax, SPLAT_D(", ")")), 53))
    mp.dps = 60
    poly = mp.chebyfit(f, [0, ZMAX], 6)          # highest degree first
    mp.prec = 200
    ours = [rnd(c, 53) for c in reversed(poly)]
    theirs = hexes(span(h, "vtanh_p_[6] = {", "};"))
    out.append(Kernel("tanh f64 P(z)", "vmath_tanh.h",
                      "chebyfit, 6 terms, 60 digits, rounded",
                      ["z^%d" % k for k in range(6)], ours, theirs, 53,
                      lambda c: max_error(w_target, POW, c, 0, ZMAX,
                                          lambda z: 1, 400),
                      "absolute, |z P(z) - (h coth h - 1)|", "2^-59.4"))
    return out


if __name__ == "__main__":
    main(kernels)
