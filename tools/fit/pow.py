#!/usr/bin/python3
"""pow.py - vmath_pow.h (float64 power):
  P(r) ~ (log1p(r) - r + r^2/2)/r^3, degree 7, minimax on |r| <= 0.01524
  with weight r^2 + (0.01524/4)^2 (Remez, mpmath at 200 bits); the header
  holds Q = -2 (P - P(0))/r, i.e. -2 p_1 .. -2 p_7, rounded to double;
  q(s) ~ (e^s - 1 - s)/s^2, degree 5, minimax on |s| <= 0.026 with weight
  s^2 + (0.026/4)^2, rounded to double;
  the tables: T_j = RN(2^(j/16)), d_j = RN(j ln2/16 - log T_j); for the
  log table, that log c is the multiple of 2^-53 nearest -log(invc) and
  within 2^-77 of it (the search for invc itself is not redone);
  ln2 = LN2HI + LN2LO (42-bit high part), ln2/16 in two parts, 16/ln2."""
import os
import struct
import sys
sys.dont_write_bytecode = True          # no __pycache__ in tools/fit
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mpmath import mp, mpf
from remez import remez, rnd, max_error
from hdr import Kernel, header, span, hexes, main

mp.prec = 200
RP = mpf("0.01524")
SQ = mpf("0.026")
POW = [lambda x, k=k: x ** k for k in range(9)]


def P(r):
    if r == 0:
        return mpf(1) / 3
    with mp.workprec(2 * mp.prec):
        return (mp.log1p(r) - r + r * r / 2) / r ** 3


def q(s):
    if s == 0:
        return mpf(1) / 2
    with mp.workprec(2 * mp.prec):
        return (mp.expm1(s) - s) / (s * s)


def bits_to_double(b):
    return struct.unpack("<d", struct.pack("<Q", b))[0]


def double_bits(x):
    return struct.unpack("<Q", struct.pack("<d", float(x)))[0]


def kernels():
    h = header("vmath_pow.h")
    out = []
    # P: all eight coefficients free; the header keeps -2 p_1 .. -2 p_7
    cp, _ = remez(P, POW[:8], -RP, RP, lambda r: r * r + (RP / 4) ** 2)
    ours = [rnd(-2 * c, 53) for c in cp[1:]]
    theirs = list(reversed(hexes(span(h, "Q = VFMA_D(SPLAT_D(", "lo = "))))
    # measured: r^2 |P - (p0 - r Q(r)/2)|, the error relative to r, with
    # the constant term the code really uses: r3 = -r^3/2 times RN(-2/3),
    # i.e. p0 = RN(1/3)
    qbasis = [lambda r, k=k: -r ** (k + 1) / 2 for k in range(7)]
    p0 = rnd(mpf(1) / 3, 53)
    out.append(Kernel("pow f64 log Q(r)", "vmath_pow.h",
                      "Remez deg 7, weight r^2+(RP/4)^2, 200 bits, rounded",
                      ["r^%d" % k for k in range(7)], ours, theirs, 53,
                      lambda c: max_error(lambda r: P(r) - p0, qbasis,
                                          c, -RP, RP, lambda r: r * r, 400),
                      "relative to r", "2^-68.9"))
    cq, _ = remez(q, POW[:6], -SQ, SQ, lambda s: s * s + (SQ / 4) ** 2)
    ours = [rnd(c, 53) for c in cq]
    body = span(h, "s2 = s * s;", "T = (VD)")
    t = hexes(body)                    # q5 q4 q3 q2 q1 q0 in the code
    out.append(Kernel("pow f64 exp q(s)", "vmath_pow.h",
                      "Remez deg 5, weight s^2+(SQ/4)^2, rounded",
                      ["s^%d" % k for k in range(6)], ours, t[::-1], 53,
                      lambda c: max_error(q, POW[:6], c, -SQ, SQ,
                                          lambda s: s * s, 400),
                      "absolute, |s^2 (q - q_exact)|", "2^-63.5"))
    # exp table
    et = hexes(span(h, "#define VPOW_EXPTAB(X)", "#define VPOW_1ST"))
    T_h = [mpf(bits_to_double(double_bits(et[2 * j]) + (j << 48)))
           for j in range(16)]
    d_h = [et[2 * j + 1] for j in range(16)]
    with mp.workprec(400):
        T_o = [rnd(mpf(2) ** (mpf(j) / 16), 53) for j in range(16)]
        d_o = [rnd(j * mp.log(2) / 16 - mp.log(T_o[j]), 53)
               for j in range(16)]
    out.append(Kernel("pow f64 T_j", "vmath_pow.h", "RN(2^(j/16))",
                      ["T_%d" % j for j in range(16)], T_o, T_h, 53))
    out.append(Kernel("pow f64 d_j", "vmath_pow.h", "RN(j ln2/16 - log T_j)",
                      ["d_%d" % j for j in range(16)], d_o, d_h, 53))
    # log table: log c = the multiple of 2^-53 nearest -log(invc)
    lt = hexes(span(h, "#define VPOW_LOGTAB(X)", "#define VPOW_EXPTAB"))
    invc, logc = lt[0::2], lt[1::2]
    with mp.workprec(400):
        grid = mpf(2) ** -53
        exact = [-mp.log(c) for c in invc]
        lo_o = [mp.nint(e / grid) * grid for e in exact]

        def dist(c):
            return max(abs(e - v) for e, v in zip(exact, c))
    out.append(Kernel("pow f64 log c", "vmath_pow.h",
                      "nearest multiple of 2^-53 to -log(invc)",
                      ["logc_%d" % i for i in range(32)], lo_o, logc, 53,
                      dist, "max |log c + log(invc)|", "within 2^-77"))
    with mp.workprec(400):
        ln2 = mp.log(2)
        c_o = [rnd(16 / ln2, 53)]
        hi42 = mp.floor(ln2 * 2 ** 42) / 2 ** 42   # 42 bits, truncated
        c_o += [hi42, rnd(ln2 - hi42, 53)]
        a = rnd(ln2 / 16, 53)
        c_o += [a, rnd(ln2 / 16 - a, 53)]
    c_h = (hexes(span(h, "t = VFMA_D(y *", ", hi"))
           + hexes(span(h, "a = kd *", ";"))
           + hexes(span(h, "lo = VFMA_D(r * r3, Q, VFMA_D(kd, SPLAT_D(", ")"))
           + hexes(span(h, "s = VFMA_D(n, SPLAT_D(", ")"))
           + hexes(span(h, "+ VFMA_D(n, SPLAT_D(", ")")))
    c_h = [-c if i >= 3 else c for i, c in enumerate(c_h)]
    out.append(Kernel("pow f64 constants", "vmath_pow.h",
                      "RN(16/ln2); ln2 = 42-bit hi + RN(rest); "
                      "ln2/16 = RN + RN(rest)",
                      ["16/ln2", "LN2HI", "LN2LO", "ln2/16 hi", "ln2/16 lo"],
                      c_o, c_h, 53))
    return out


if __name__ == "__main__":
    main(kernels)
