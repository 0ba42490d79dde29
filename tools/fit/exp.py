#!/usr/bin/python3
"""exp.py - vmath_exp.h (float64 exp): no fit. The polynomial is e^r's
Taylor series to r^13 / 13!, each coefficient the exact rational 1/k!
rounded to double (the header writes them as 1.0 / k!, which the compiler
rounds the same way); 1/ln2 and ln2 = hi + lo are correctly rounded."""
import os
import re
import sys
sys.dont_write_bytecode = True          # no __pycache__ in tools/fit
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mpmath import mp, mpf
from remez import rnd, max_error
from hdr import Kernel, header, span, hexes, main

mp.prec = 200
R = mp.log(2) / 2
POW = [lambda r, k=k: r ** k for k in range(14)]


def taylor_header(text):
    """the header's coefficients, r^13 first: 1.0 / N must have N = k!"""
    body = span(text, "p = SPLAT_D(1.0 / 6227020800.0)", "/* 2^n")
    vals = []
    for arg in re.findall(r"SPLAT_D\(([^()]*)\)\)?;", body):
        m = re.fullmatch(r"1\.0 / (\d+)\.0", arg.strip())
        if m:
            vals.append(mpf(1.0 / float(m.group(1))))    # as C rounds it
        else:
            vals.append(mpf(float(arg)))
    return vals


def kernels():
    h = header("vmath_exp.h")
    with mp.workprec(400):
        ln2 = mp.log(2)
        hi = rnd(ln2, 53)
        lo = rnd(ln2 - hi, 53)
        inv = rnd(1 / ln2, 53)
    consts = Kernel("exp f64 reduction", "vmath_exp.h",
                    "RN(1/ln2); ln2 = RN(ln2) + RN(rest)",
                    ["1/ln2", "ln2 hi", "ln2 lo"], [inv, hi, lo],
                    hexes(span(h, "VD t = x *", "shift;"))
                    + hexes(span(h, "r = VFMA_D(-n,", "/* ln2, high"))
                    + hexes(span(h, "/* ln2, high part */",
                                 "/* ln2, the rest")),
                    53)
    ours = [rnd(1 / mp.factorial(k), 53) for k in range(13, -1, -1)]
    theirs = taylor_header(h)
    lab = ["1/%d!" % k for k in range(13, -1, -1)]

    def bound(c):   # relative error of the series on |r| <= ln2/2
        return max_error(mp.exp, POW, list(reversed(c)), -R, R,
                         lambda r: 1 / mp.exp(r), 400)
    return [consts,
            Kernel("exp f64 Taylor", "vmath_exp.h", "1/k! rounded to double",
                   lab, ours, theirs, 53, bound,
                   "relative, |r| <= ln2/2",
                   "next term below 0.05 ULP",
                   texts=["1.0 / %d.0" % mp.factorial(k) if k > 2 else
                          ("0.5", "1.0", "1.0")[2 - k]
                          for k in range(13, -1, -1)])]


if __name__ == "__main__":
    main(kernels)
