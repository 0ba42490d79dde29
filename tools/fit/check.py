#!/usr/bin/python3
"""check.py - `make fit-check`: runs every fit script in tools/fit and
compares what it makes with the coefficients in src/simd/vmath_*.h.

For each set of coefficients: "identical", or the largest difference in
ULPs (of the header's value) and, where the script measures one, the error
bound each set achieves (at high precision, over the fit's interval).
Exit status 0 either way (a difference is a finding to report, not a build
failure) unless a script fails or a header cannot be parsed.
Usage: check.py [script ...]   (names without .py; default: all)
"""
import importlib
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True          # no __pycache__ in tools/fit
sys.path.insert(0, HERE)
from mpmath import mp, mpf            # noqa: E402
from remez import ulps                # noqa: E402
from hdr import log2s                 # noqa: E402

SKIP = {"remez", "hdr", "check"}


def scripts():
    return sorted(f[:-3] for f in os.listdir(HERE)
                  if f.endswith(".py") and f[:-3] not in SKIP)


def report(k):
    if len(k.theirs) != len(k.ours):
        raise SystemExit("%s: the header has %d values, the script %d" % (
            k.name, len(k.theirs), len(k.ours)))
    if all(a == b for a, b in zip(k.ours, k.theirs)):
        status = "identical"
    else:
        worst = max(ulps(a, b, k.bits) for a, b in zip(k.ours, k.theirs))
        ndiff = sum(a != b for a, b in zip(k.ours, k.theirs))
        status = "differs: %d of %d, up to %s ULP" % (
            ndiff, len(k.ours), mp.nstr(worst, 3))
        if len(k.ours) <= 16:
            status += " (%s)" % " ".join(
                "%s:%s" % (lab, mp.nstr(ulps(a, b, k.bits), 3))
                for lab, a, b in zip(k.labels, k.ours, k.theirs) if a != b)
    if k.measure:
        mo, mt = k.measure(k.ours), k.measure(k.theirs)
        status += "; bound script %s, header %s (%s%s)" % (
            log2s(mo), log2s(mt), k.bound_what,
            "; header says " + k.stated if k.stated else "")
    return status


def main(argv):
    names = argv or scripts()
    t0 = time.time()
    for n in names:
        t = time.time()
        mod = importlib.import_module(n)
        for k in mod.kernels():
            print("%-28s %-20s %s" % (k.name, k.header, report(k)))
            sys.stdout.flush()
        print("  (%s.py: %.1f s)" % (n, time.time() - t))
    print("fit-check: %d scripts, %.1f s" % (len(names), time.time() - t0))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
