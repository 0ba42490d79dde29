"""bench/numpy_bench.py: the NumPy side of `make bench`.

Not run by hand: bench/run.lua starts it with /usr/bin/python3, sends it the
operation list of bench/ops.lua as JSON and then asks for timing samples one
at a time, so NumPy and LumPy samples of each operation are interleaved.

Protocol: one command per line on stdin, one reply per line on the file named
by argv[1] (a FIFO made by run.lua; stdout when absent, for trying it by hand):
    ops <json>             -> ok <count>
    info                   -> <json: numpy version, cpu features>
    setup <i>              -> ok          (make op i's inputs, see make_input)
    calibrate <i> <secs>   -> <n>         (iterations per sample taking >= secs)
    sample <i> <n>         -> <secs>      (seconds per iteration over n iterations)
    free <i>               -> ok
    quit
Any failure replies `error <message>` on one line.
"""

import itertools
import re
import json
import os
import sys
import time

# Open the reply channel before the slow numpy import, so that run.lua (which
# blocks opening the FIFO) never waits on a process that died at start-up.
out = open(sys.argv[1], "w", buffering=1) if len(sys.argv) > 1 else sys.stdout


def reply(s):
    out.write(s.replace("\n", " ") + "\n")
    out.flush()


try:
    import numpy as np
except Exception as e:  # reply once so run.lua reports it, then exit
    reply("error cannot import numpy: %r" % (e,))
    sys.exit(1)

_now = time.perf_counter  # CLOCK_MONOTONIC on Linux, like bench/clock.c
_repeat = itertools.repeat

ops = []
live = {}  # op index -> (timing function, input arrays)

TEMPLATE = """\
def _inner(_n, {args}, _now, _repeat):
    {out} = None
    _t0 = _now()
    for _ in _repeat(None, _n):
        {stmt}
    return _now() - _t0
"""


def make_input(inp):
    """The input array, the same values as make_input in run.lua (0-based
    positions for the "indexN" kind)."""
    kind, dtype, shape = inp["kind"], inp["dtype"], tuple(inp["shape"])
    if kind == "ones":
        return np.ones(shape, dtype=dtype)
    v = np.arange(int(np.prod(shape)), dtype=np.int64) * 2654435761 % 4294967296
    n = re.sub(r"^[a-z]+", "", kind)
    if n:
        v = v % int(float(n))
    if kind == "rand" and dtype == "bool":
        v = v >= 2147483648
    elif kind in ("rand", "spd") and dtype.startswith("float"):
        v = v / 4294967296
    v = v.astype(dtype).reshape(shape)
    if kind == "spd":  # symmetric positive definite: (v + v^T) / 2 + n * I
        n = shape[-1]
        v = (v + np.swapaxes(v, -1, -2)) / 2 + np.eye(n, dtype=dtype) * n
    return v


def setup(i):
    op = ops[i]
    names = [inp["name"] for inp in op["inputs"]]
    arrays = [make_input(inp) for inp in op["inputs"]]
    if op.get("setup"):  # statements run once with the inputs in scope
        senv = dict(zip(names, arrays), np=np)
        exec(op["setup"], senv)
        arrays = [senv[n] for n in names]
    src = TEMPLATE.format(args=", ".join(names), out=op["out"], stmt=op["py"])
    env = {"np": np, "TMP": os.environ.get("LUMPY_BENCH_TMP", "/tmp")}
    exec(compile(src, "<op %d: %s>" % (i + 1, op["py"]), "exec"), env)
    fn = env["_inner"]
    fn(1, *arrays, _now, _repeat)  # warm-up; also fails early on a bad statement
    live[i] = (fn, arrays)


def run(i, n):
    fn, arrays = live[i]
    return fn(n, *arrays, _now, _repeat)


def calibrate(i, min_time):
    # Same rule as calibrate() in run.lua: grow n until one sample takes >= min_time.
    n = 1
    while True:
        t = run(i, n)
        if t >= min_time:
            return n
        if t < min_time / 100:
            n *= 10
        else:
            n = max(n + 1, int(n * min_time * 1.1 / t) + 1)


def info():
    d = {"numpy": np.__version__, "python": sys.version.split()[0]}
    try:
        from numpy.core._multiarray_umath import __cpu_baseline__, __cpu_dispatch__, __cpu_features__
        d["cpu_baseline"] = list(__cpu_baseline__)
        d["cpu_dispatch"] = [f for f in __cpu_dispatch__ if __cpu_features__.get(f)]
    except Exception:
        pass
    return json.dumps(d)


def main():
    global ops
    for line in sys.stdin:
        cmd, _, rest = line.strip().partition(" ")
        try:
            if cmd == "ops":
                ops = json.loads(rest)
                reply("ok %d" % len(ops))
            elif cmd == "info":
                reply(info())
            elif cmd == "setup":
                setup(int(rest) - 1)
                reply("ok")
            elif cmd == "calibrate":
                i, secs = rest.split()
                reply("%d" % calibrate(int(i) - 1, float(secs)))
            elif cmd == "sample":
                i, n = rest.split()
                reply(repr(run(int(i) - 1, int(n)) / int(n)))
            elif cmd == "free":
                live.pop(int(rest) - 1, None)
                reply("ok")
            elif cmd == "quit":
                break
            else:
                reply("error unknown command %r" % cmd)
        except Exception as e:
            reply("error %s: %s" % (type(e).__name__, e))


if __name__ == "__main__":
    main()
