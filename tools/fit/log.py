#!/usr/bin/python3
"""log.py - vmath_log.h (float64 log), in 200-bit mpmath:
  the 16 intervals of z in [0.703125, 1.40625) (top four mantissa bits of
  bits(z) - bits(z0)); per interval, 1/c = the multiple of 2^-6 (or
  coarser) minimising max |r| on it, r = z/c - 1, among those keeping r
  exact in double; log c = -log(1/c) split into a high part on the 2^-42
  grid and a low part on the 2^-68 grid (both nearest); ln2/16 likewise;
  the tables hold log c - (16 * 1023 + i) ln2/16 per part, the low part as
  a 32-bit word under a common high half (decoded as the code does);
  q(r) ~ (log1p(r) - r)/r^2, degree 8, weighted minimax on
  [-0.0342, 0.03125] by Lawson's iteration on 1500 equally spaced points,
  the weight r^2 / (the smallest |log x| on the intervals whose r range
  holds r; |log1p(r)| itself on the interval of 1), rounded to double.
  The header names neither the points' spacing nor the number of
  iterations: 60 here. (More iterations approach the minimax on the 1500
  points, whose bound over the whole interval is slightly worse: 2^-60.355
  after 1000 iterations, against 2^-60.369 after 60 and the header's
  2^-60.380.)"""
import os
import struct
import sys
sys.dont_write_bytecode = True          # no __pycache__ in tools/fit
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mpmath import mp, mpf
from remez import lawson, rnd, max_error
from hdr import Kernel, header, span, hexes, main

mp.prec = 200
Z0 = 0x3fe6800000000000
RA, RB = mpf("-0.0342"), mpf("0.03125")
LAWSON_POINTS, LAWSON_ITERS = 1500, 60


def d(bits):
    return struct.unpack("<d", struct.pack("<Q", bits))[0]


def intervals():
    """[lo, hi) of z for each of the 16 intervals, as exact mpf"""
    return [(mpf(d(Z0 + (i << 48))), mpf(d(Z0 + ((i + 1) << 48))))
            for i in range(16)]


def ulp(x):
    return mpf(2) ** (mp.floor(mp.log(abs(x), 2)) - 52)


def exact_r(lo, hi, m):
    """is z (m/64) - 1 exact in double for every double z in [lo, hi)?"""
    g = mpf(m) / 64
    for a, b in ((lo, min(hi, mpf(1))), (max(lo, mpf(1)), hi)):
        if a >= b:
            continue
        # z*g - 1 is a multiple of ulp(a) * 2^-6 / (the power of 2 in m)
        t = 0
        while m % (2 << t) == 0:
            t += 1
        gran = ulp(a) * mpf(2) ** (t - 6)
        rmax = max(abs(a * g - 1), abs(b * g - 1))
        if rmax and ulp(rmax) > gran:
            return False
    return True


def choose_invc(lo, hi):
    best = None
    mid = 64 / ((lo + hi) / 2)
    for m in range(int(mid) - 8, int(mid) + 9):
        if not exact_r(lo, hi, m):
            continue
        rm = max(abs(lo * m / 64 - 1), abs(hi * m / 64 - 1))
        if best is None or rm < best[0]:
            best = (rm, m)
    return mpf(best[1]) / 64


def near(x, grid):
    return mp.nint(x / grid) * grid


def q_exact(r):
    if r == 0:
        return mpf(-1) / 2
    with mp.workprec(2 * mp.prec):
        return (mp.log1p(r) - r) / (r * r)


def weight_fn(ivs, invc):
    """r^2 / (smallest |log x| of the intervals whose r range holds r)"""
    spans = []
    for (lo, hi), g in zip(ivs, invc):
        if g == 1:
            spans.append((lo - 1, hi - 1, None))
        else:
            spans.append((lo * g - 1, hi * g - 1,
                          min(abs(mp.log(lo)), abs(mp.log(hi)))))

    def w(r):
        best = mpf(0)
        for a, b, m in spans:
            if a <= r <= b:
                den = abs(mp.log1p(r)) if m is None else m
                if r == 0:
                    v = mpf(0)
                else:
                    v = r * r / den
                best = max(best, v)
        return best
    return w


POW = [lambda r, k=k: r ** k for k in range(9)]


def kernels():
    h = header("vmath_log.h")
    ivs = intervals()
    invc = [choose_invc(lo, hi) for lo, hi in ivs]
    out = []
    # the header's 1/c and low parts, decoded as the code decodes them
    def words(name):
        body = span(h, name, "};").split("{")[1]
        return [int(x, 16) for x in body.replace(",", " ").split()]
    iw, lw = words("vlog_invc_w[16]"), words("vlog_logcl_w[16]")
    ic = int(span(h, "vlog_invc_c = ", "ULL").split("= ")[1], 16)
    lc = hexes(span(h, "vlog_logcl_c = ", ";"))[0]
    invc_h = [mpf(d(iw[0] << 32 | w)) - mpf(d(ic)) for w in iw]
    logcl_h = [mpf(d(lw[0] << 32 | w)) - lc for w in lw]
    out.append(Kernel("log f64 1/c", "vmath_log.h",
                      "multiple of 2^-6 minimising max |r|, r exact",
                      ["1/c_%d" % i for i in range(16)], invc, invc_h, 53))
    with mp.workprec(400):
        l16 = mp.log(2) / 16
        l16h = near(l16, mpf(2) ** -42)
        l16l = near(l16 - l16h, mpf(2) ** -68)
        hi_o, lo_o = [], []
        for i, g in enumerate(invc):
            lc_ = -mp.log(g)
            a = near(lc_, mpf(2) ** -42)
            b = near(lc_ - a, mpf(2) ** -68)
            hi_o.append(a - (16 * 1023 + i) * l16h)
            lo_o.append(b - (16 * 1023 + i) * l16l)
    out.append(Kernel("log f64 ln2/16 parts", "vmath_log.h",
                      "nearest on the 2^-42 and 2^-68 grids",
                      ["ln2hi16", "ln2lo16"], [l16h, l16l],
                      hexes(span(h, "t1 = VFMA_D(kd, SPLAT_D(", ")"))
                      + hexes(span(h, "VFMA_D(kd, SPLAT_D(0x1.cf", ")")), 53))
    out.append(Kernel("log f64 log c, high", "vmath_log.h",
                      "log c on the 2^-42 grid - (16*1023+i) ln2hi16",
                      ["hi_%d" % i for i in range(16)], hi_o,
                      hexes(span(h, "vlog_logc_d[16]", "};")), 53))
    out.append(Kernel("log f64 log c, low", "vmath_log.h",
                      "the rest on the 2^-68 grid - (16*1023+i) ln2lo16",
                      ["lo_%d" % i for i in range(16)], lo_o, logcl_h, 53))
    # q: Lawson on 1500 points, then rounded
    w = weight_fn(ivs, invc)
    mp.prec = 120
    xs = [RA + (RB - RA) * i / (LAWSON_POINTS - 1)
          for i in range(LAWSON_POINTS)]
    c = lawson(q_exact, POW, xs, w, LAWSON_ITERS)
    mp.prec = 200
    ours = [rnd(x, 53) for x in c]
    body = span(h, "qe = SPLAT_D(", "q = VFMA_D(qo, r, qe);")
    qe, qo = [], []
    for line in body.split(";"):
        v = hexes(line)
        if v:
            (qe if "qe =" in line else qo).append(v[0])
    # qe: r^8 r^6 r^4 r^2 r^0, qo: r^7 r^5 r^3 r^1
    theirs = [None] * 9
    for j, v in enumerate(qe):
        theirs[8 - 2 * j] = v
    for j, v in enumerate(qo):
        theirs[7 - 2 * j] = v
    out.append(Kernel("log f64 q(r)", "vmath_log.h",
                      "Lawson, %d points, %d iterations, rounded"
                      % (LAWSON_POINTS, LAWSON_ITERS),
                      ["r^%d" % k for k in range(9)], ours, theirs, 53,
                      lambda c: max_error(q_exact, POW, c, RA, RB, w, 1500),
                      "relative to |log x|", "2^-60.4"))
    return out


if __name__ == "__main__":
    main(kernels)
