#!/usr/bin/python3
"""Write src/core/rng_zig.c: the tables of the 256-step ziggurats that
np.random's Generator uses for the standard normal and the standard
exponential, in double (52/53-bit) and float (23-bit) flavours.

Usage: /usr/bin/python3 tools/gen_ziggurat.py > src/core/rng_zig.c

The ziggurat of a decreasing density f on [0, inf) with tail start r and
common strip area v has the abscissae x[255] = r and
    x[i] = f^-1(f(x[i+1]) + v / x[i+1]),   i = 254 .. 1
and, for an m-bit uniform integer (m = 2^52, 2^53 or 2^23):
    k[0] = r f(r) / v * m,  k[1] = 0,  k[i] = x[i-1] / x[i] * m  (i >= 2)
    w[0] = v / f(r) / m,    w[i] = x[i] / m
    f[0] = 1,               f[i] = f(x[i])
(normal: f(x) = exp(-x^2/2), r = 3.6541528853610088;
 exponential: f(x) = exp(-x), r = 7.6971174701310497).

This script derives every table from those equations. NumPy's own tables
were produced long ago by a program with its own precision and rounding;
the float tables follow exactly from the equations evaluated in double
precision (k rounded to nearest; the exponential's w and f rounded to 9
significant digits first), but the double tables differ from any evaluation tried here in
their last bits. Bit-identical streams need NumPy's exact values, so the
script also reads the tables NumPy ships (the static library
numpy/random/lib/libnpyrandom.a of the installed NumPy), checks that every
entry agrees with the derived one to a relative 1e-12, reports the entries
that are not bit-equal on stderr, and writes NumPy's values.
"""
import math
import os
import struct
import subprocess
import sys
import tempfile

import mpmath as mp

NOR_R = "3.6541528853610087963519472518"
EXP_R = "7.6971174701310497140446280481"
N = 256


def f32(x):
    return struct.unpack("<f", struct.pack("<f", float(x)))[0]


def derive(kind, bits):
    """k, w, f of the ziggurat kind ("nor"/"exp") for bits-bit integers"""
    mp.mp.dps = 40
    if kind == "nor":
        r = float(NOR_R)
        f = lambda x: math.exp(-0.5 * x * x)
        finv = lambda y: math.sqrt(-2.0 * math.log(y))
        R = mp.mpf(NOR_R)
        v = float(R * mp.exp(-R * R / 2) + mp.sqrt(mp.pi / 2) * mp.erfc(R / mp.sqrt(2)))
    else:
        r = float(EXP_R)
        f = lambda x: math.exp(-x)
        finv = lambda y: -math.log(y)
        R = mp.mpf(EXP_R)
        v = float((R + 1) * mp.exp(-R))
    m = 2.0 ** bits
    x = [0.0] * N
    x[N - 1] = r
    for i in range(N - 2, 0, -1):
        x[i] = finv(f(x[i + 1]) + v / x[i + 1])
    k = [int(round(r * f(r) / v * m)), 0] + \
        [int(round(x[i - 1] / x[i] * m)) for i in range(2, N)]
    w = [v / f(r) / m] + [x[i] / m for i in range(1, N)]
    fv = [1.0] + [f(x[i]) for i in range(1, N)]
    if bits == 23:
        rnd = (lambda a: f32(a)) if kind == "nor" else (lambda a: f32("%.8e" % a))
        w = [rnd(a) for a in w]
        fv = [rnd(a) for a in fv]
    return k, w, fv


def numpy_tables():
    """NumPy's tables, by symbol name, from its installed static library"""
    import numpy
    lib = os.path.join(os.path.dirname(numpy.__file__), "random", "lib",
                       "libnpyrandom.a")
    with tempfile.TemporaryDirectory() as d:
        obj = os.path.join(d, "distributions.o")
        with open(obj, "wb") as fh:
            fh.write(subprocess.run(["ar", "p", lib, "distributions.o"],
                                    check=True, stdout=subprocess.PIPE).stdout)
        data = open(obj, "rb").read()
        secs = subprocess.run(["readelf", "-SW", obj], check=True,
                              stdout=subprocess.PIPE, universal_newlines=True).stdout
        syms = subprocess.run(["readelf", "-sW", obj], check=True,
                              stdout=subprocess.PIPE, universal_newlines=True).stdout
    offs = {}
    for line in secs.splitlines():
        line = line.replace("[ ", "[")
        p = line.split()
        if len(p) > 5 and p[0].startswith("[") and p[0] != "[Nr]":
            offs[int(p[0].strip("[]"))] = int(p[4], 16)
    out = {}
    for line in syms.splitlines():
        p = line.split()
        if len(p) == 8 and p[3] == "OBJECT" and p[7][:2] in ("ki", "wi", "fi", "ke", "we", "fe"):
            name, size, sec, val = p[7], int(p[2]), int(p[6]), int(p[1], 16)
            raw = data[offs[sec] + val: offs[sec] + val + size]
            code = {"ki_double": "Q", "ke_double": "Q", "ki_float": "I", "ke_float": "I"}.get(
                name, "d" if name.endswith("double") else "f")
            out[name] = list(struct.unpack("<%d%s" % (N, code), raw))
    return out


def check(name, mine, ref, errs):
    same = sum(1 for a, b in zip(mine, ref) if a == b)
    worst = max(abs(a - b) / abs(b) if b else abs(a) for a, b in zip(mine, ref))
    sys.stderr.write("%-10s %3d of %d bit-equal to NumPy's, max rel diff %.2g\n"
                     % (name, same, N, worst))
    if worst > 1e-12:
        errs.append(name)


def c_table(ctype, name, vals, fmt):
    rows = []
    per = 3 if ctype in ("double", "uint64_t") else 4
    for i in range(0, N, per):
        rows.append("  " + ", ".join(fmt(v) for v in vals[i:i + per]) + ",")
    return "const %s lpy_rng_zig_%s[256] = {\n%s\n};\n" % (ctype, name, "\n".join(rows))


def main():
    ref = numpy_tables()
    errs = []
    parts = []
    for kind, suf, bits in (("nor", "i", 52), ("nor", "i", 23), ("exp", "e", 53), ("exp", "e", 23)):
        k, w, f = derive(kind, bits)
        prec = "double" if bits > 23 else "float"
        names = ["k%s_%s" % (suf, prec), "w%s_%s" % (suf, prec), "f%s_%s" % (suf, prec)]
        for nm, mine in zip(names, (k, w, f)):
            check(nm, mine, ref[nm], errs)
        if prec == "double":
            parts.append(c_table("uint64_t", names[0], ref[names[0]], lambda v: "0x%016xu" % v))
            parts.append(c_table("double", names[1], ref[names[1]], lambda v: float(v).hex()))
            parts.append(c_table("double", names[2], ref[names[2]], lambda v: float(v).hex()))
        else:
            parts.append(c_table("uint32_t", names[0], ref[names[0]], lambda v: "0x%08xu" % v))
            parts.append(c_table("float", names[1], ref[names[1]], lambda v: float(v).hex() + "f"))
            parts.append(c_table("float", names[2], ref[names[2]], lambda v: float(v).hex() + "f"))
    if errs:
        sys.exit("tables disagree with the equations: " + " ".join(errs))
    sys.stdout.write(
        "/*\n** rng_zig.c - the ziggurat tables of the standard normal and the\n"
        "** standard exponential (double and float), NumPy's values.\n"
        "** Generated by `/usr/bin/python3 tools/gen_ziggurat.py > src/core/rng_zig.c`;\n"
        "** do not edit.\n*/\n"
        "#include \"rng_zig.h\"\n\n" + "\n".join(parts))


if __name__ == "__main__":
    main()
