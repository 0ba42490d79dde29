"""remez.py - the fitting machinery shared by the tools/fit scripts.

Everything is linear in the unknown coefficients: a fit approximates f(x)
by sum_k c_k phi_k(x) on [a, b] and minimises max |w(x) (f(x) - p(x))|.
Fixed terms (a leading 1, a constant held at -1/2, ...) are moved into f
by the caller, odd or even forms are a choice of basis. All arithmetic is
mpmath at the caller's precision (mp.prec / mp.dps).

  remez(f, basis, a, b, w)          minimax by the Remez exchange
  lawson(f, basis, xs, w)           minimax on a finite point set (Lawson)
  round_refit(f, basis, a, b, w, fmt, order)
                                    round one coefficient at a time to fmt
                                    (53 or 24 bits), refitting the others
  max_error(f, basis, c, a, b, w)   max |w (f - p)| over [a, b], measured
  rnd(x, bits), ulps(x, y, bits)    rounding to a binary format, distances

The weight must be >= 0, and the basis a Haar system on the interval (no
nonzero combination with as many zeros as there are functions): r, r^2,
.. on an interval holding 0 inside is not one, so such fits are made for
the quotient by r instead (pow_f32.py, f32.py).
"""
from mpmath import mp, mpf


def rnd(x, bits):
    """x rounded to nearest with a `bits`-bit significand (no exponent
    range: the coefficients here are all normal numbers)."""
    with mp.workprec(bits):
        y = +mpf(x)
    return mpf(y)


def _grid(a, b, n):
    """n points on [a, b], denser at the ends (Chebyshev-Lobatto)."""
    return [a + (b - a) * (1 - mp.cos(mp.pi * i / (n - 1))) / 2
            for i in range(n)]


def _err(f, basis, c, w):
    def e(x):
        p = mpf(0)
        for ck, ph in zip(c, basis):
            p += ck * ph(x)
        return w(x) * (f(x) - p)
    return e


def _golden_max(g, lo, hi, iters):
    """x in [lo, hi] maximising g (unimodal there), by golden section."""
    r = (mp.sqrt(5) - 1) / 2
    x1, x2 = hi - r * (hi - lo), lo + r * (hi - lo)
    g1, g2 = g(x1), g(x2)
    for _ in range(iters):
        if g1 < g2:
            lo, x1, g1 = x1, x2, g2
            x2 = lo + r * (hi - lo)
            g2 = g(x2)
        else:
            hi, x2, g2 = x2, x1, g1
            x1 = hi - r * (hi - lo)
            g1 = g(x1)
    return (x1, g1) if g1 > g2 else (x2, g2)


def extrema(e, a, b, npts=400, iters=60):
    """The local extrema of e on [a, b] (endpoints included) as (x, e(x)),
    from a dense grid refined by golden section."""
    xs = _grid(a, b, npts)
    ys = [e(x) for x in xs]
    out = []
    for i in range(len(xs)):
        y = abs(ys[i])
        left = abs(ys[i - 1]) if i > 0 else mpf(-1)
        right = abs(ys[i + 1]) if i + 1 < len(xs) else mpf(-1)
        if y >= left and y >= right and (i == 0 or i + 1 == len(xs)
                                          or y > left or y > right):
            if 0 < i < len(xs) - 1:
                s = 1 if ys[i] > 0 else -1
                x, _ = _golden_max(lambda t: s * e(t), xs[i - 1], xs[i + 1],
                                   iters)
                out.append((x, e(x)))
            else:
                out.append((xs[i], ys[i]))
    return out


def _alternating(ext, m):
    """m extrema of alternating sign, keeping the largest."""
    grp = []
    for x, y in ext:
        if y == 0:
            continue
        if grp and (grp[-1][1] > 0) == (y > 0):
            if abs(y) > abs(grp[-1][1]):
                grp[-1] = (x, y)
        else:
            grp.append((x, y))
    while len(grp) > m:
        if abs(grp[0][1]) < abs(grp[-1][1]):
            grp.pop(0)
        else:
            grp.pop()
    return grp


def _solve_ref(f, basis, w, ref):
    n = len(basis)
    A = mp.matrix(n + 1, n + 1)
    rhs = mp.matrix(n + 1, 1)
    for i, x in enumerate(ref):
        for k, ph in enumerate(basis):
            A[i, k] = ph(x)
        A[i, n] = (-1) ** i / w(x)
        rhs[i] = f(x)
    sol = mp.lu_solve(A, rhs)
    return [sol[k] for k in range(n)], sol[n]


def remez(f, basis, a, b, w=lambda x: 1, npts=None, maxiter=40,
          tol=mpf("1e-25"), verbose=False):
    """Minimax coefficients of sum c_k basis_k for f on [a, b] with weight
    w; returns (coefficients, levelled error E). Stops when the extrema's
    magnitudes agree to tol (relative)."""
    a, b = mpf(a), mpf(b)
    n = len(basis)
    if npts is None:
        npts = max(300, 40 * n)
    # start from Chebyshev points (interior: w may vanish at an end)
    ref = [a + (b - a) * (1 - mp.cos(mp.pi * (2 * i + 1) / (2 * n + 2))) / 2
           for i in range(n + 1)]
    E = mpf(0)
    c = None
    for it in range(maxiter):
        c, E = _solve_ref(f, basis, w, ref)
        ext = _alternating(extrema(_err(f, basis, c, w), a, b, npts), n + 1)
        if len(ext) < n + 1:
            raise RuntimeError("remez: only %d alternating extrema" % len(ext))
        mags = [abs(y) for _, y in ext]
        hi, lo = max(mags), min(mags)
        if verbose:
            print("  remez it %d: E=%s spread=%s" % (
                it, mp.nstr(abs(E), 8), mp.nstr(hi / lo - 1, 3)))
        ref = [x for x, _ in ext]
        if hi / lo - 1 < tol:
            break
    else:
        raise RuntimeError("remez: no convergence")
    return c, abs(E)


def lawson(f, basis, xs, w=lambda x: 1, iters=200):
    """Minimax on the finite set xs by Lawson's iteration: weighted least
    squares whose point weights u_i are multiplied by the error magnitude
    |e_i| and renormalised after each solve. Returns the coefficients.
    The first solve (uniform u) is done in mpmath; the iteration then
    works on the small correction to it in double precision (the columns
    scaled to unit size), which is all the correction needs."""
    n, m = len(basis), len(xs)
    ph = [[p(x) for p in basis] for x in xs]
    fx = [f(x) for x in xs]
    wx = [w(x) for x in xs]
    A = mp.matrix(n, n)
    r = mp.matrix(n, 1)
    for i in range(m):
        q = wx[i] ** 2
        for j in range(n):
            r[j] += q * ph[i][j] * fx[i]
            for k in range(n):
                A[j, k] += q * ph[i][j] * ph[i][k]
    sol = mp.lu_solve(A, r)
    c0 = [sol[j] for j in range(n)]
    # weighted residuals and columns, in double
    res = [float(wx[i] * (fx[i] - sum(c0[j] * ph[i][j] for j in range(n))))
           for i in range(m)]
    scale = [max(abs(wx[i] * ph[i][j]) for i in range(m)) for j in range(n)]
    col = [[float(wx[i] * ph[i][j] / scale[j]) for j in range(n)]
           for i in range(m)]
    u = [1.0 / m] * m
    d = [0.0] * n
    for _ in range(iters):
        G = [[0.0] * n for _ in range(n)]
        b = [0.0] * n
        for i in range(m):
            ui, ci, ri = u[i], col[i], res[i]
            for j in range(n):
                t = ui * ci[j]
                b[j] += t * ri
                Gj = G[j]
                for k in range(j, n):
                    Gj[k] += t * ci[k]
        for j in range(n):
            for k in range(j):
                G[j][k] = G[k][j]
        d = _solve_float(G, b)
        e = [abs(res[i] - sum(d[j] * col[i][j] for j in range(n)))
             for i in range(m)]
        u = [u[i] * e[i] for i in range(m)]
        s = sum(u)
        u = [x / s for x in u]
    return [c0[j] + mpf(d[j]) / scale[j] for j in range(n)]


def _solve_float(G, b):
    """G x = b by Gaussian elimination with partial pivoting (doubles)."""
    n = len(b)
    a = [row[:] + [b[i]] for i, row in enumerate(G)]
    for k in range(n):
        p = max(range(k, n), key=lambda i: abs(a[i][k]))
        a[k], a[p] = a[p], a[k]
        for i in range(k + 1, n):
            t = a[i][k] / a[k][k]
            for j in range(k, n + 1):
                a[i][j] -= t * a[k][j]
    x = [0.0] * n
    for i in range(n - 1, -1, -1):
        t = sum(a[i][j] * x[j] for j in range(i + 1, n))
        x[i] = (a[i][n] - t) / a[i][i]
    return x


def max_error(f, basis, c, a, b, w=lambda x: 1, npts=2000):
    """max |w (f - p)| on [a, b] for the coefficients c (exact values)."""
    e = _err(f, basis, c, w)
    return max(abs(y) for _, y in extrema(e, mpf(a), mpf(b), npts))


def round_refit(f, basis, a, b, w, bits, order=None, **kw):
    """Round the coefficients to `bits` one at a time, in `order` (indices
    into basis; lowest first by default), each time refitting the ones not
    yet rounded with the rounded ones held fixed. Returns the rounded
    coefficients."""
    n = len(basis)
    order = list(range(n)) if order is None else list(order)
    fixed = {}
    for k in order:
        free = [j for j in range(n) if j not in fixed]

        def g(x, fixed=dict(fixed)):
            return f(x) - sum(v * basis[j](x) for j, v in fixed.items())
        c, _ = remez(g, [basis[j] for j in free], a, b, w, **kw)
        fixed[k] = rnd(c[free.index(k)], bits)
    return [fixed[j] for j in range(n)]


def ulps(x, y, bits):
    """|x - y| in units of the last place of y (a `bits`-bit number)."""
    if x == y:
        return mpf(0)
    if y == 0:
        return mpf("inf")
    e = mp.floor(mp.log(abs(y), 2))
    return abs(x - y) / mpf(2) ** (e - bits + 1)
