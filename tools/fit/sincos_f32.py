#!/usr/bin/python3
"""sincos_f32.py - vmath_sincos_f32.h (float32 sin and cos), mpmath at 40
digits: P(s) ~ (r - sin r)/r^3 of degree 2 and C(s) = -1/2 + s (c0 + c1 s
+ c2 s^2), s = r^2 on |r| <= 0.7907, minimax fits of the relative error
of sin r and cos r (Remez), the coefficients rounded to float one at a
time (lowest degree first) with the rest refitted; and the pi/2 split:
P1 = pi/2 truncated to 24 bits, Q1 and Q2 the next 8 bits each, Q3 the
next 24 (all truncated); 2/pi rounded to float."""
import os
import sys
sys.dont_write_bytecode = True          # no __pycache__ in tools/fit
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mpmath import mp, mpf
from remez import round_refit, rnd, max_error
from hdr import Kernel, header, span, hexes, main

mp.dps = 40
RMAX = mpf("0.7907")
SMAX = RMAX ** 2


def P(s):
    if s == 0:
        return mpf(1) / 6
    with mp.workprec(2 * mp.prec):
        r = mp.sqrt(s)
        return (r - mp.sin(r)) / (r * s)


def wp(s):
    r = mp.sqrt(s)
    return s * r / mp.sin(r) if s else mpf(0)


def C1(s):
    if s == 0:
        return mpf(0)
    with mp.workprec(2 * mp.prec):
        return (mp.cos(mp.sqrt(s)) - 1) / s + mpf(1) / 2


def wc(s):
    return s / mp.cos(mp.sqrt(s))


POW = [lambda s, k=k: s ** k for k in range(4)]
POW1 = [lambda s, k=k: s ** (k + 1) for k in range(3)]


def trunc(x, bits):
    e = mp.floor(mp.log(x, 2))
    g = mpf(2) ** (e - bits + 1)
    return mp.floor(x / g) * g


def kernels():
    h = header("vmath_sincos_f32.h")
    out = []
    with mp.workprec(300):
        rest = mp.pi / 2
        parts = []
        for b in (24, 8, 8, 24):
            parts.append(trunc(rest, b))
            rest -= parts[-1]
        twopi = rnd(2 / mp.pi, 24)
    body = span(h, "VF t = VFMA_F(x, SPLAT_F(", "VF ml")
    v = hexes(body)     # 2/pi, -P1, -Q1, -Q2, Q1, Q3, Q2
    theirs = [-v[1], -v[2], -v[3], v[5], v[0]]
    out.append(Kernel("sin/cos f32 reduction", "vmath_sincos_f32.h",
                      "pi/2 truncated to 24+8+8+24 bits; RN(2/pi)",
                      ["P1", "Q1", "Q2", "Q3", "2/pi"], parts + [twopi],
                      theirs, 24))
    cp = round_refit(P, POW[:3], 0, SMAX, wp, 24)
    ps = hexes(span(h, "ps = VFMA_F(SPLAT_F(", "/* P(s) */"))[::-1]
    out.append(Kernel("sin f32 P(s)", "vmath_sincos_f32.h",
                      "Remez, rel. error of sin, 40 digits, round+refit",
                      ["s^%d" % k for k in range(3)], cp, ps, 24,
                      lambda c: max_error(P, POW[:3], c, 0, SMAX, wp, 300),
                      "relative to sin r", "2^-27.8"))
    cc = round_refit(C1, POW1, 0, SMAX, wc, 24)
    pc = [mpf(-0.5)] + hexes(span(h, "pc = VFMA_F(SPLAT_F(",
                                  "/* C(s) */"))[::-1]
    out.append(Kernel("cos f32 C(s)", "vmath_sincos_f32.h",
                      "Remez, rel. error of cos, 40 digits, -1/2 fixed, "
                      "round+refit", ["s^%d" % k for k in range(4)],
                      [mpf(-0.5)] + cc, pc, 24,
                      lambda c: max_error(lambda s: C1(s) - mpf(1) / 2,
                                          POW, c, 0, SMAX, wc, 300),
                      "relative to cos r", "2^-32.8"))
    return out


if __name__ == "__main__":
    main(kernels)
