"""hdr.py - reading coefficients out of src/simd/vmath_*.h, and the record
each fit script returns (a Kernel) with its printing.

A fit script defines kernels() -> [Kernel]; run alone it prints them
(main(kernels)); tools/fit/check.py compares them with the headers.
"""
import os
import re

from mpmath import mp, mpf

ROOT = os.path.normpath(os.path.join(os.path.dirname(__file__), "..", ".."))
HEX = re.compile(r"-?0x[0-9a-fA-F]+(?:\.[0-9a-fA-F]*)?p[+-]?\d+f?")


def header(name):
    with open(os.path.join(ROOT, "src", "simd", name)) as fh:
        return fh.read()


def span(text, start, end):
    """the text from the first `start` up to the next `end` after it"""
    i = text.index(start)
    j = text.index(end, i + len(start))
    return text[i:j]


def hexval(lit):
    """a C hex float literal as an exact mpf"""
    return mpf(float.fromhex(lit.rstrip("f")))      # exact


def hexes(text):
    return [hexval(m) for m in HEX.findall(text)]


class Kernel:
    """One set of coefficients: what the header holds and what we made.
    labels: names of the coefficients (the header's order); ours: our
    values; theirs(): the header's values, same order; bits: 53 or 24;
    measure(c): the error bound c achieves (an mpf, absolute in the sense
    of `bound_what`); stated: the header's claim."""

    def __init__(self, name, header, method, labels, ours, theirs, bits,
                 measure=None, bound_what="", stated="", texts=None):
        self.name, self.header, self.method = name, header, method
        self.texts = texts          # the header's notation, if not hex
        self.labels, self.ours, self.theirs = labels, ours, theirs
        self.bits, self.measure = bits, measure
        self.bound_what, self.stated = bound_what, stated


def fmt(x, bits):
    v = float(x)
    if v == 0:
        return "0"
    s = v.hex()
    if bits == 24:
        m, e = s.split("p")
        return "%sp%sf" % (m.rstrip("0").rstrip("."), e)
    return s


def log2s(x):
    return "0" if x == 0 else "2^%s" % mp.nstr(mp.log(x, 2), 7)


def main(kernels):
    for k in kernels():
        print("== %s (%s): %s" % (k.name, k.header, k.method))
        texts = k.texts or [fmt(v, k.bits) for v in k.ours]
        for lab, t in zip(k.labels, texts):
            print("  %-12s %s" % (lab, t))
        if k.measure:
            print("  bound: %s %s" % (log2s(k.measure(k.ours)), k.bound_what))
