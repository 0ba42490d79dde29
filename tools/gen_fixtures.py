#!/usr/bin/python3
"""Generate LumPy's parity fixtures from NumPy.

Usage: /usr/bin/python3 tools/gen_fixtures.py OUTDIR [module ...]

Before NumPy is imported, every dispatchable CPU feature of NumPy is
disabled (NPY_DISABLE_CPU_FEATURES) so that NumPy's reference values are
those of its baseline C loops and glibc's libm on any machine. The list is
read from numpy.core._multiarray_umath.__cpu_dispatch__ in a child process,
then this script re-executes itself with the variable set. NEP 50 ("weak")
promotion is switched on so the references follow NumPy 2's rules.

Every module tools/fixtures/*.py (except common.py) that defines
generate(outdir) is imported and called, in name order. Naming modules on
the command line runs only those.
"""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
MARK = "LUMPY_FIXTURES_REEXEC"


def _dispatch_list():
    code = ("import numpy.core._multiarray_umath as m;"
            "print(' '.join(m.__cpu_dispatch__))")
    env = dict(os.environ)
    env.pop("NPY_DISABLE_CPU_FEATURES", None)
    out = subprocess.run([sys.executable, "-c", code], env=env, check=True,
                         stdout=subprocess.PIPE, universal_newlines=True)
    return out.stdout.split()


def main():
    if len(sys.argv) < 2:
        sys.stderr.write(__doc__)
        return 2
    if os.environ.get(MARK) != "1":
        feats = _dispatch_list()
        env = dict(os.environ)
        env["NPY_DISABLE_CPU_FEATURES"] = " ".join(feats)
        env[MARK] = "1"
        sys.stdout.flush()
        os.execve(sys.executable, [sys.executable] + sys.argv, env)

    import warnings
    warnings.simplefilter("ignore")  # cast / overflow warnings are expected
    import numpy as np
    np._set_promotion_state("weak")

    sys.path.insert(0, os.path.join(HERE, "fixtures"))
    import common
    disabled = os.environ["NPY_DISABLE_CPU_FEATURES"].split()
    feats = np.core._multiarray_umath.__cpu_features__
    still = [f for f in disabled if feats.get(f)]
    if still:
        raise SystemExit("gen_fixtures: CPU features still enabled: %s" % still)
    common.set_header_info(np.__version__, disabled, np._get_promotion_state())

    outdir = sys.argv[1]
    os.makedirs(outdir, exist_ok=True)
    wanted = set(sys.argv[2:])
    names = sorted(f[:-3] for f in os.listdir(os.path.join(HERE, "fixtures"))
                   if f.endswith(".py") and f != "common.py"
                   and not f.startswith("_"))
    import importlib
    for name in names:
        if wanted and name not in wanted:
            continue
        mod = importlib.import_module(name)
        gen = getattr(mod, "generate", None)
        if gen is None:
            continue
        print("gen_fixtures: %s" % name)
        gen(outdir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
