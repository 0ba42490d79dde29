#!/usr/bin/python3
"""sincos.py - vmath_sincos.h (float64 sin and cos): the pi/2 split and the
polynomials S(z) ~ (sin r - r)/r^3 and C(z) ~ (cos r - 1)/z, z = r^2 in
[0, (pi/4 (1 + 2^-20))^2], minimax for the relative error of sin r and
cos r (Remez exchange, mpmath at 200 bits), rounded to double; C's constant
held at -1/2."""
import sys
import os
sys.dont_write_bytecode = True          # no __pycache__ in tools/fit
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mpmath import mp, mpf
from remez import remez, rnd, max_error
from hdr import Kernel, header, span, hexes, main, log2s

mp.prec = 200
ZMAX = (mp.pi / 4 * (1 + mpf(2) ** -20)) ** 2


def S(z):
    if z == 0:
        return -mpf(1) / 6
    with mp.workprec(2 * mp.prec):
        r = mp.sqrt(z)
        return (mp.sin(r) - r) / (r * z)


def ws(z):
    if z == 0:
        return mpf(0)
    r = mp.sqrt(z)
    return z * r / mp.sin(r)


def C1(z):                       # (cos r - 1)/z + 1/2, the free part of C
    if z == 0:
        return mpf(0)
    with mp.workprec(2 * mp.prec):
        return (mp.cos(mp.sqrt(z)) - 1) / z + mpf(1) / 2


def wc(z):
    return z / mp.cos(mp.sqrt(z))


POW = [lambda z, k=k: z ** k for k in range(8)]


def kernels():
    h = header("vmath_sincos.h")
    out = []
    # pi/2 = P1 + P2 + P3: P1 = RN(pi/2), P2 the next 29 bits (rounded),
    # P3 = RN(the rest)
    with mp.workprec(400):
        p1 = rnd(mp.pi / 2, 53)
        p2 = rnd(mp.pi / 2 - p1, 29)
        p3 = rnd(mp.pi / 2 - p1 - p2, 53)
        twopi = rnd(2 / mp.pi, 53)
    theirs = [hexes(span(h, "#define VSC_%s" % n, "\n"))[0]
              for n in ("P1", "P2", "P3")]
    theirs.append(hexes(span(h, "VD t = VFMA_D(x, SPLAT_D(", ")"))[0])
    out.append(Kernel("sin/cos f64 reduction", "vmath_sincos.h",
                      "RN(pi/2), next 29 bits, RN(rest); RN(2/pi)",
                      ["P1", "P2", "P3", "2/pi"], [p1, p2, p3, twopi],
                      theirs, 53))
    s_hdr = hexes(span(h, "vsc_s[7] = {", "};"))
    c_hdr = [mpf(-0.5)] + hexes(span(h, "vsc_c[7] = {", "};"))
    cs, es = remez(S, POW[:7], 0, ZMAX, ws)
    cs = [rnd(c, 53) for c in cs]
    out.append(Kernel("sin f64 S(z)", "vmath_sincos.h",
                      "Remez, rel. error of sin, 200 bits, rounded (before "
                      "rounding %s)" % log2s(es),
                      ["z^%d" % k for k in range(7)], cs, s_hdr, 53,
                      lambda c: max_error(S, POW[:7], c, 0, ZMAX, ws, 300),
                      "relative to sin r", "2^-68.7 (before rounding)"))
    cc, ec = remez(C1, POW[1:7], 0, ZMAX, wc)
    cc = [mpf(-0.5)] + [rnd(c, 53) for c in cc]
    out.append(Kernel("cos f64 C(z)", "vmath_sincos.h",
                      "Remez, rel. error of cos, 200 bits, c0 = -1/2, "
                      "rounded (before rounding %s)" % log2s(ec),
                      ["z^%d" % k for k in range(7)], cc, c_hdr, 53,
                      lambda c: max_error(lambda z: C1(z) - mpf(1) / 2,
                                          POW[:7], c, 0, ZMAX, wc, 300),
                      "relative to cos r", "2^-64 (before rounding)"))
    return out


if __name__ == "__main__":
    main(kernels)
