#!/usr/bin/python3
"""pow_f32.py - vmath_pow_f32.h (float32 power), in mpmath:
  c_i: per piece of m in [0.699, 1.398) (16 pieces by 4 mantissa bits),
  the float with at most 6 significant bits minimising max |m c - 1| over
  the piece among those keeping r = m c - 1 exact in float (1 for the
  piece holding 1); h_i = -log2 c_i to the nearest multiple of 2^-16, l_i
  = RN(-log2 c_i - h_i); T_j = RN(2^(j/16)), c_j = RN((2^(j/16) - T_j) /
  T_j); K_hi + K_lo = 1/ln2, C_hi = -K_hi/2;
  P: minimax (Remez) of the relative error of log2(1 + r)/r with K_hi,
  K_lo, C_hi fixed, degree 4, on the r range of the pieces; E: minimax of
  the relative error of 2^f = 1 + f E(f), degree 2, on |f| <= 1/32 +
  2^-10; both rounded to float."""
import os
import struct
import sys
sys.dont_write_bytecode = True          # no __pycache__ in tools/fit
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mpmath import mp, mpf
from remez import remez, rnd, max_error
from hdr import Kernel, header, span, hexes, main

mp.prec = 160
BASE = 0x3f330000


def f32(bits):
    return mpf(struct.unpack("<f", struct.pack("<I", bits))[0])


def f32bits(x):
    return struct.unpack("<I", struct.pack("<f", float(x)))[0]


def ulpf(x):
    return mpf(2) ** (mp.floor(mp.log(abs(x), 2)) - 23)


def pieces(n, shift):
    """[lo, hi] (the last float included) of m for each of n pieces"""
    return [(f32(BASE + (i << shift)), f32(BASE + ((i + 1) << shift) - 1))
            for i in range(n)]


def exact(lo, hi, c):
    """r = m c - 1 exact in float for every float m in [lo, hi]?"""
    for a, b in ((lo, min(hi, mpf(1) - mpf(2) ** -24)), (max(lo, mpf(1)), hi)):
        if a > b:
            continue
        # m c - 1 is a multiple of ulp(a) times c's lowest set bit
        low = mpf(2) ** -40
        while c / (2 * low) == mp.floor(c / (2 * low)):
            low *= 2
        gran = ulpf(a) * low
        rmax = max(abs(a * c - 1), abs(b * c - 1))
        if rmax and ulpf(rmax) > gran:
            return False
    return True


def choose_c(lo, hi):
    best = None
    mid = 2 / (lo + hi)
    g = mpf(2) ** (mp.floor(mp.log(mid, 2)) - 5)     # 6 significant bits
    k0 = int(mp.nint(mid / g))
    for k in range(k0 - 6, k0 + 7):
        c = rnd(k * g, 6)
        if not exact(lo, hi, c):
            continue
        rm = max(abs(lo * c - 1), abs(hi * c - 1))
        if best is None or rm < best[0]:
            best = (rm, c)
    return best[1]


def kernels():
    h = header("vmath_pow_f32.h")
    out = []
    tab = span(h, "vpow_f2_tab[5][16]", "};\n\n")
    rows = [hexes(span(tab, "/* %s" % n, "}")) for n in
            ("c_i", "h_i", "l_i", "T_j", "c_j = ")]
    ps = pieces(16, 19)
    cs = [choose_c(lo, hi) for lo, hi in ps]
    out.append(Kernel("pow f32 c_i", "vmath_pow_f32.h",
                      "6-bit float minimising max |r|, r exact",
                      ["c_%d" % i for i in range(16)], cs, rows[0], 24))
    with mp.workprec(300):
        hs, ls = [], []
        for i, c in enumerate(cs):
            v = -mp.log(c, 2)
            hh = mp.nint(v * 2 ** 16) / 2 ** 16
            hs.append(hh - mpf(i) / 16)
            ls.append(rnd(v - hh, 24))
        Ts = [rnd(mpf(2) ** (mpf(j) / 16), 24) for j in range(16)]
        cj = [rnd((mpf(2) ** (mpf(j) / 16) - t) / t, 24)
              for j, t in enumerate(Ts)]
        K = 1 / mp.log(2)
        khi = rnd(K, 24)
        klo = rnd(K - khi, 24)
    Th = [f32(f32bits(t) + (j << 19)) for j, t in enumerate(rows[3])]
    out.append(Kernel("pow f32 h_i", "vmath_pow_f32.h",
                      "-log2 c_i on the 2^-16 grid, minus i/16",
                      ["h_%d" % i for i in range(16)], hs, rows[1], 24))
    out.append(Kernel("pow f32 l_i", "vmath_pow_f32.h", "RN(-log2 c_i - h_i)",
                      ["l_%d" % i for i in range(16)], ls,
                      _row0(tab, "l_i"), 24))
    out.append(Kernel("pow f32 T_j", "vmath_pow_f32.h", "RN(2^(j/16))",
                      ["T_%d" % j for j in range(16)], Ts, Th, 24))
    out.append(Kernel("pow f32 c_j", "vmath_pow_f32.h",
                      "RN((2^(j/16) - T_j)/T_j)",
                      ["c_%d" % j for j in range(16)], cj, _row0(tab, "c_j"),
                      24))
    kh = hexes(span(h, "const float Khi", ";\n"))
    out.append(Kernel("pow f32 K", "vmath_pow_f32.h",
                      "K_hi = RN(1/ln2), K_lo = RN(rest), C_hi = -K_hi/2",
                      ["K_hi", "K_lo", "C_hi"], [khi, klo, -khi / 2], kh, 24))
    # P
    rlo = min(min(lo * c - 1, hi * c - 1) for (lo, hi), c in zip(ps, cs))
    rhi = max(max(lo * c - 1, hi * c - 1) for (lo, hi), c in zip(ps, cs))

    def G(r):
        if r == 0:
            return K
        with mp.workprec(2 * mp.prec):
            return mp.log1p(r) / mp.log(2) / r

    def fP(r):
        return G(r) - khi - klo + khi / 2 * r
    # r P(r) ~ fP(r): the basis r .. r^5 vanishes at 0, inside the range
    # (not a Haar system), so fit P itself to (fP(r) - fP(0)) / r with
    # weight |r| / G(r); fP(0) = 1/ln2 - K_hi - K_lo (2^-51 relative) is
    # an error no P can change

    def fQ(r):
        if r == 0:
            return khi / 2 - K / 2
        return (fP(r) - (K - khi - klo)) / r
    basis = [lambda r, k=k: r ** (k + 1) for k in range(5)]
    pbasis = [lambda r, k=k: r ** k for k in range(5)]
    wP = lambda r: 1 / G(r)                                 # noqa: E731
    wQ = lambda r: abs(r) / G(r)                            # noqa: E731
    cP, _ = remez(fQ, pbasis, rlo, rhi, wQ)
    ours = [rnd(c, 24) for c in cP]
    theirs = hexes(span(h, "p = VFMA_F(SPLAT_F(-0x1.ed",
                        "p = VFMA_F(p, r, VFMA"))
    out.append(Kernel("pow f32 P(r)", "vmath_pow_f32.h",
                      "Remez deg 4, rel. error of log2(1+r)/r on [%s, %s], "
                      "rounded" % (mp.nstr(rlo, 4), mp.nstr(rhi, 4)),
                      ["r^%d" % k for k in range(5)], ours, theirs[::-1], 24,
                      lambda c: max_error(fP, basis, c, rlo, rhi, wP, 400),
                      "relative to log2(1+r)/r", "(2^-35 near)"))
    F = mpf(1) / 32 + mpf(2) ** -10

    def E(f):
        if f == 0:
            return mp.log(2)
        with mp.workprec(2 * mp.prec):
            return mp.expm1(f * mp.log(2)) / f
    wE = lambda f: abs(f) / mpf(2) ** f                          # noqa: E731
    POW = [lambda f, k=k: f ** k for k in range(3)]
    cE, _ = remez(E, POW, -F, F, wE)
    ours = [rnd(c, 24) for c in cE]
    theirs = hexes(span(h, "q = VFMA_F(SPLAT_F(", "VPOW_F_LUT16(T + 64"))
    out.append(Kernel("pow f32 E(f)", "vmath_pow_f32.h",
                      "Remez deg 2, rel. error of 2^f, |f| <= 1/32 + 2^-10, "
                      "rounded", ["f^%d" % k for k in range(3)], ours,
                      theirs[::-1], 24,
                      lambda c: max_error(E, POW, c, -F, F, wE, 400),
                      "relative to 2^f", "2^-29"))
    return out


def _row0(tab, name):
    body = span(tab, "/* %s" % name, "}")
    out = []
    for tok in body.split("*/")[1].replace("\n", " ").split(","):
        tok = tok.strip()
        if tok:
            out.append(mpf(0) if tok == "0" else hexes(tok)[0])
    return out


if __name__ == "__main__":
    main(kernels)
