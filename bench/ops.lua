-- bench/ops.lua: the one list of operations that `make bench` times, in LumPy
-- and in NumPy. bench/run.lua reads it and hands it to bench/numpy_bench.py as
-- JSON, so the two sides always run the same list. See bench/README.md.
--
-- Adding an operation is one line:
--
--   op{ NAME, DTYPE, INPUTS, LUA_STATEMENT [, py = PYTHON_STATEMENT] [, target = R] [, bw = F] }
--
--   NAME       what the table shows in its "operation" column
--   DTYPE      dtype of every input array
--   INPUTS     "name:shape[:kind[:dtype]] ...", shape as "1e7" or "1000x1000"; each
--              input is np.ones(shape, dtype) on both sides, or by kind: "rand" (the
--              same pseudo-random values on both sides: floats in [0, 1), integers
--              below 2^32, booleans), "randN" (integers below N, e.g. rand1e3),
--              "indexN" (positions into N elements: 1-based in Lua, 0-based in
--              NumPy), "spd" (symmetric positive definite matrices (..., n, n) made
--              from the "rand" floats v as (v + v^T) / 2 + n * I, for cholesky); dtype
--              overrides DTYPE for that input (e.g. "m:1e7:rand:bool")
--   LUA_STATEMENT  one assignment `out = expression`, run in a loop exactly as written
--              (`c = a + b`: each result replaces the previous one, as in a user's loop)
--   py         the NumPy statement, when it is not spelled the same (0-based, `a[::2]`)
--   target     PASS when the median LumPy/NumPy ratio is <= target. Default: 1.00 for
--              operations on >= 1e5 elements (issue 2), none below that; `false` for none.
--   gc         run the LumPy side under this collector mode ("generational")
--   bw         also report LumPy's and NumPy's speed as a fraction of the add bandwidth
--              that bench/stream.c measures in the same run; PASS for LumPy when >= bw.
--   out_size   bytes per output element for bw, when not the input dtype's size
--   kernel     the dispatch-table kernel family the operation runs (np.cpu_features()
--              .kernels); the table shows the SIMD level it ran at next to the name
--   direct     "KIND ARGS" (e.g. "dgemm 1024"): also time the same work as one call made
--              straight from C in the library lumpy.so runs on (bench/direct.c: dgemm N,
--              sgemm N, ddot N; fft N, rfft N, fft2 N, fftf N, rfftf N); a note under
--              the row gives LumPy/direct
--   direct_target  the LumPy/direct ratio to meet (default 1.05; false for none)

local ops = {}

local function op(t)
  t.name, t.dtype, t.inputs, t.lua = t[1], t[2], t[3], t[4]
  t[1], t[2], t[3], t[4] = nil, nil, nil, nil
  t.py = t.py or t.lua
  ops[#ops + 1] = t
end

-- issue 2: elementwise arithmetic at three sizes, three dtypes
for _, e in ipairs {
  { "a + b",     "a:%s b:%s",      "c = a + b" },
  { "a * b + c", "a:%s b:%s c:%s", "d = a * b + c" },
} do
  for _, dt in ipairs { "float64", "float32", "int32" } do
    for _, n in ipairs { "1e3", "1e5", "1e7" } do
      op { e[1], dt, e[2]:gsub("%%s", n), e[3],
           bw = (e[1] == "a + b" and dt == "float64" and n == "1e7") and 0.85 or nil }
    end
  end
end

-- the same 1e5 rows with Lua's generational collector, which LumPy pairs
-- with young collections (docs/numpy-differences.md, Memory); for information
op { "a + b (generational GC)",     "float64", "a:1e5 b:1e5",      "c = a + b",     gc = "generational", target = false }
op { "a * b + c (generational GC)", "float64", "a:1e5 b:1e5 c:1e5", "d = a * b + c", gc = "generational", target = false }

-- issue 2: broadcasting, strided and transposed copies, per-call overhead
op { "a + row",         "float64", "a:1000x1000 row:1000", "c = a + row" }
op { 'a["::2"]:copy()', "float64", "a:1e7",       'c = a["::2"]:copy()', py = "c = a[::2].copy()" }
op { "a.T:copy()",      "float64", "a:2000x2000", "c = a.T:copy()",      py = "c = a.T.copy()" }
op { "a + b (per call)", "float64", "a:4 b:4",    "c = a + b",           target = 0.5 }
op { "a[i] (per call)",  "float64", "a:1000",     "x = a[500]",          py = "x = a[499]" }
op { "loop floor: c = a", "float64", "a:4",       "c = a",               target = false }

-- issue 3: the math library on the dispatched kernels, two dtypes, three sizes.
-- Every row has the target ratio <= 1.00; memory-bound rows at 1e7 also >= 80% of
-- the add bandwidth.
for _, dt in ipairs { "float64", "float32" } do
  for _, n in ipairs { "1e4", "1e6", "1e7" } do
    local one, two = ("a:%s"):format(n), ("a:%s b:%s"):format(n, n)
    local mem = n == "1e7" and 0.8 or nil
    local function f1(name) return ("c = np.%s(a)"):format(name) end
    local function f2(name) return ("c = np.%s(a, b)"):format(name) end
    for _, e in ipairs {
      { "add", two, "c = a + b", bw = mem },
      { "multiply", two, "c = a * b", bw = mem },
      { "divide", two, "c = a / b", kernel = "true_divide", bw = mem },
      { "sqrt", one, f1("sqrt") },
      { "exp", one, f1("exp") },
      { "log", one, f1("log") },
      { "sin", one, f1("sin") },
      { "cos", one, f1("cos") },
      { "tanh", one, f1("tanh") },
      { "power", two, f2("power") },
      { "abs", one, f1("absolute"), kernel = "absolute", bw = mem },
      { "maximum", two, f2("maximum"), bw = mem },
      { "less", two, f2("less"), bw = mem and 0.8, out_size = 1 },
    } do
      op { e[1], dt, e[2], e[3], target = 1.0, kernel = e.kernel or e[1], bw = e.bw,
           out_size = e.out_size }
    end
  end
end
for _, c in ipairs { { "float64", "float32", 4 }, { "float32", "float64", 8 }, { "int32", "float64", 8 } } do
  for _, n in ipairs { "1e4", "1e6", "1e7" } do
    op { "astype(" .. c[2] .. ")", c[1], "a:" .. n, ('c = a:astype("%s")'):format(c[2]),
         py = ('c = a.astype("%s")'):format(c[2]), target = 1.0, kernel = "cast",
         bw = n == "1e7" and 0.8 or nil, out_size = c[3] }
  end
end

-- issue 4: reductions, sorting, indexing, manipulation
-- advanced indexing (fancy): a bool mask over 1e7 elements, a gather of 1e6
-- random positions (1-based in Lua, 0-based in NumPy)
op { "a[m] (bool mask)", "float64", "a:1e7 m:1e7:rand:bool", "c = a[m]" }
op { "a[i] (int64 gather)", "float64", "a:1e6 i:1e6:index1e6:int64", "c = a[i]" }
op { "np.take(a, i)", "float64", "a:1e6 i:1e6:index1e6:int64", "c = np.take(a, i)" }

-- reductions: full sums and means at >= 80% of the add bandwidth (the output
-- is a scalar, so only the input's bytes count: out_size = 0), sums over
-- either axis of a matrix (Lua's 1-based axes), argmax
op { "sum", "float64", "a:1e7:rand", "x = a:sum()", py = "x = a.sum()", target = 1.0,
     kernel = "sum", bw = 0.8, out_size = 0 }
op { "mean", "float64", "a:1e7:rand", "x = a:mean()", py = "x = a.mean()", target = 1.0,
     kernel = "sum", bw = 0.8, out_size = 0 }
op { "sum(axis 1)", "float64", "a:1000x1000:rand", "x = a:sum(1)", py = "x = a.sum(0)",
     target = 1.0, kernel = "add" }
op { "sum(axis 2)", "float64", "a:1000x1000:rand", "x = a:sum(2)", py = "x = a.sum(1)",
     target = 1.0, kernel = "sum" }
op { "argmax", "float64", "a:1e7:rand", "x = a:argmax()", py = "x = a.argmax()",
     target = 1.0, kernel = "max" }

-- manipulation: concatenate 100 float64 arrays of 1e4 elements (one input per array)
do
  local names, inputs = {}, {}
  for i = 1, 100 do names[i] = "x" .. i; inputs[i] = "x" .. i .. ":1e4" end
  local list = table.concat(names, ", ")
  op { "concatenate 100 x 1e4", "float64", table.concat(inputs, " "),
       "c = np.concatenate({" .. list .. "})", py = "c = np.concatenate([" .. list .. "])" }
end

-- issue 4, sorting: pseudo-random data (not already sorted); np.sort returns
-- a new array each iteration on both sides
for _, dt in ipairs { "float64", "int64" } do
  op { "sort " .. dt,    dt, "a:1e6:rand", "c = np.sort(a)",    target = 1.2 }
  op { "argsort " .. dt, dt, "a:1e6:rand", "c = np.argsort(a)", target = 1.2 }
end
op { "sort stable float64", "float64", "a:1e6:rand", 'c = np.sort(a, -1, "stable")',
     py = 'c = np.sort(a, kind="stable")', target = 1.2 }
op { "unique int64",   "int64",   "a:1e6:rand1e5", "c = np.unique(a)", target = 1.2 }
op { "searchsorted float64", "float64", "a:1e6 v:1e5:rand", "c = np.searchsorted(a, v)", target = false }
op { "nonzero bool",   "bool",    "a:1e6:rand", "c = np.nonzero(a)", target = false }
op { "isin int64",     "int64",   "a:1e6:rand1e3 b:1e3:rand1e2", "c = np.isin(a, b)", target = false }

-- statistics (stats): order statistics, histograms, counting, differences, dots
op { "median",            "float64", "a:1e6:rand",      "m = np.median(a)" }
op { "median axis=-1",    "float64", "a:1000x1000:rand", "m = np.median(a, -1)", py = "m = np.median(a, axis=-1)" }
op { "percentile 3 q",    "float64", "a:1e6:rand",      "p = np.percentile(a, {10, 50, 90})", py = "p = np.percentile(a, [10, 50, 90])" }
op { "nanmedian",         "float64", "a:1e5:rand",      "m = np.nanmedian(a)" }
op { "histogram 100",     "float64", "a:1e6:rand",      "h = np.histogram(a, 100)" }
op { "histogram edges",   "float64", "a:1e6:rand",      "h = np.histogram(a, np.linspace(0, 1, 33))" }
op { "bincount",          "int64",   "a:1e6:rand1e3",   "c = np.bincount(a)" }
op { "digitize 100",      "float64", "a:1e6:rand",      "d = np.digitize(a, np.linspace(0, 1, 100))" }
op { "diff",              "float64", "a:1e6:rand",      "d = np.diff(a)" }
op { "gradient",          "float64", "a:1e6:rand",      "g = np.gradient(a)" }
op { "convolve 32 taps",  "float64", "a:1e5:rand b:32:rand", "c = np.convolve(a, b)" }
op { "cov 50x1000",       "float64", "a:50x1000:rand",  "c = np.cov(a)" }

-- issue 5: linear algebra. Matrix products (products)
-- matmul at four sizes in two dtypes, each also against the same gemm called
-- straight from C (direct: LumPy/direct <= 1.05); per-call overhead at 4x4 and
-- 16x16; a stack of 10000 3x3 products; dot of two vectors; a @ a.T (syrk)
for _, dt in ipairs { "float64", "float32" } do
  for _, n in ipairs { 64, 256, 1024, 2048 } do
    op { "matmul", dt, ("a:%dx%d:rand b:%dx%d:rand"):format(n, n, n, n), "c = a:matmul(b)",
         py = "c = a @ b", direct = ("%sgemm %d"):format(dt == "float64" and "d" or "s", n), target = 1.0 }
  end
end
op { "matmul (per call)", "float64", "a:4x4 b:4x4",   "c = a:matmul(b)", py = "c = a @ b", target = 1.0 }
op { "matmul (per call)", "float64", "a:16x16 b:16x16", "c = a:matmul(b)", py = "c = a @ b", target = 1.0 }
op { "matmul 10000 3x3", "float64", "a:10000x3x3:rand b:10000x3x3:rand", "c = a:matmul(b)", py = "c = a @ b", target = 1.0 }
op { "dot", "float64", "a:1e6:rand b:1e6:rand", "c = np.dot(a, b)", direct = "ddot 1000000" }
op { "a @ a.T (syrk)", "float64", "a:1000x1000:rand", "c = a:matmul(a.T)", py = "c = a @ a.T", target = 1.0 }

-- np.linalg: solvers and factorizations (linalg). The same LAPACK calls as NumPy's
-- (gesv, getrf, potrf, geqrf + orgqr, gelsd), so the ratios measure the packing and
-- the per-call overhead; the 3x3 batch measures the per-matrix cost.
op { "linalg.solve (vector b)", "float64", "a:1000x1000:rand b:1000:rand",     "x = np.linalg.solve(a, b)" }
op { "linalg.solve (matrix b)", "float64", "a:1000x1000:rand b:1000x100:rand", "x = np.linalg.solve(a, b)" }
op { "linalg.inv",              "float64", "a:1000x1000:rand",                 "x = np.linalg.inv(a)" }
op { "linalg.det",              "float64", "a:1000x1000:rand",                 "d = np.linalg.det(a)" }
op { "linalg.qr",               "float64", "a:1000x1000:rand",                 "q = np.linalg.qr(a)" }
op { "linalg.cholesky",         "float64", "a:1000x1000:spd",                  "l = np.linalg.cholesky(a)" }
op { "linalg.lstsq",            "float64", "a:2000x500:rand b:2000:rand",      "x = np.linalg.lstsq(a, b)",
     py = "x = np.linalg.lstsq(a, b, rcond=None)" }
op { "linalg.solve 10000 x 3x3", "float64", "a:10000x3x3:spd b:10000x3x1:rand", "x = np.linalg.solve(a, b)",
     target = 1.0 }

-- np.linalg: spectral functions (spectral). eigh reads one triangle, so a
-- random matrix serves; NumPy 1.24 has no svdvals (its svd(compute_uv=False))
op { "svd",          "float64", "a:500x500:rand",   "u = np.linalg.svd(a)" }
op { "svdvals",      "float64", "a:500x500:rand",   "s = np.linalg.svdvals(a)", py = "s = np.linalg.svd(a, compute_uv=False)" }
op { "eigh",         "float64", "a:500x500:rand",   "w = np.linalg.eigh(a)" }
op { "eig",          "float64", "a:500x500:rand",   "w = np.linalg.eig(a)" }
op { "norm",         "float64", "a:1e6:rand",       "r = np.linalg.norm(a)" }
op { "norm fro",     "float64", "a:1000x1000:rand", "r = np.linalg.norm(a)" }

-- einsum (einsum). NumPy's side is its default call (optimize=False: one
-- C loop, no BLAS, except that 'ij->ji' is a view on both sides).
op { "einsum ij,jk->ik 512",   "float64", "a:512x512:rand b:512x512:rand",
     'c = np.einsum("ij,jk->ik", a, b)' }
op { "einsum bij,bjk->bik 100x64x64", "float64", "a:100x64x64:rand b:100x64x64:rand",
     'c = np.einsum("bij,bjk->bik", a, b)' }
op { "einsum ii (trace) 1000", "float64", "a:1000x1000:rand", 'c = np.einsum("ii", a)' }
op { "einsum ij->ji 1000",     "float64", "a:1000x1000:rand", 'c = np.einsum("ij->ji", a)' }
op { "einsum i,i-> 1e6",       "float64", "a:1e6:rand b:1e6:rand", 'c = np.einsum("i,i->", a, b)' }
op { "einsum ijk,jil->kl",     "float64", "a:60x50x40:rand b:50x60x30:rand",
     'c = np.einsum("ijk,jil->kl", a, b)' }
op { "einsum ij,ij->i 1000",   "float64", "a:1000x1000:rand b:1000x1000:rand",
     'c = np.einsum("ij,ij->i", a, b)' }
op { "einsum i,ij,j 1000",     "float64", "x:1000:rand a:1000x1000:rand y:1000:rand",
     'c = np.einsum("i,ij,j", x, a, y)' }
op { "einsum ij,jk->ik 100 int64", "int64", "a:100x100:rand1e3 b:100x100:rand1e3",
     'c = np.einsum("ij,jk->ik", a, b)' }
-- three operands in NumPy's greedy order (both sides optimize=True: BLAS)
op { "einsum ij,jk,kl->il optimize 200", "float64", "a:200x200:rand b:200x200:rand d:200x200:rand",
     'c = np.einsum("ij,jk,kl->il", a, b, d, {optimize = true})',
     py = 'c = np.einsum("ij,jk,kl->il", a, b, d, optimize=True)' }


-- issue 6: np.fft
-- FFTW (guru plans, FFTW_ESTIMATE, cached after the first call) against NumPy's
-- pocketfft: complex fft of complex128 input and rfft of float64 input at 2^10,
-- 2^16, 2^20 and the prime 1000003; fft2 of 1024x1024; 64 points per call (the
-- runner's loop is the "10000 repeated small ffts"; the batched row does them in
-- one call); single precision (NumPy 1.24 computes float32 in double, NumPy 2 and
-- LumPy in single through fftw3f)
-- Rows with `direct` also time FFTW's own execute of an FFTW_ESTIMATE plan from C
-- (issue 6: LumPy within 10% of it, direct_target = 1.10).
for _, n in ipairs { "1024", "65536", "1048576", "1000003" } do
  op { "fft.fft",  "complex128", "a:" .. n,        "c = np.fft.fft(a)",
       direct = "fft " .. n, direct_target = 1.10 }
  op { "fft.rfft", "float64",    "a:" .. n .. ":rand", "c = np.fft.rfft(a)",
       direct = "rfft " .. n, direct_target = 1.10 }
end
op { "fft.fft2", "complex128", "a:1024x1024", "c = np.fft.fft2(a)",
     direct = "fft2 1024", direct_target = 1.10 }
op { "fft.fft 64 (per call)", "complex128", "a:64", "c = np.fft.fft(a)", target = 1.0,
     direct = "fft 64", direct_target = false }
op { "fft.fft 10000 x 64 (batched)", "complex128", "a:10000x64", "c = np.fft.fft(a)" }
for _, n in ipairs { "65536", "1048576" } do
  op { "fft.fft",  "complex64", "a:" .. n,            "c = np.fft.fft(a)",
       direct = "fftf " .. n, direct_target = 1.10 }
  op { "fft.rfft", "float32",   "a:" .. n .. ":rand", "c = np.fft.rfft(a)",
       direct = "rfftf " .. n, direct_target = 1.10 }
end

-- issue 8: files
-- np.save and np.load of a 100 MB float64 array in the same temp dir on both sides
-- (BENCH_TMP / TMP: bench/run.lua's, removed at the end), next to dd moving 100 MiB
-- through the same disk in the same run (`dd` rows: dd's own figure; target: LumPy at
-- >= 80% of dd's speed, and at least as fast as NumPy); np.load with mmap_mode of a
-- 1 GB .npy file (made sparse first: only its header is read; target < 10 ms).
-- Fields these rows add (bench/run.lua): dd = "write" | "read" with mb = N: a row that
-- times dd itself (no inputs, no NumPy side); disk = "write" | "read", bytes = B,
-- disk_target = F: PASS when LumPy moves B bytes at >= F times the speed of that dd
-- row (fastest samples); sparse_npy = {file, n}: BENCH_TMP/file made first as a sparse
-- .npy of n float64; max_time = S: PASS when LumPy's median is <= S seconds.
op { "disk: dd write 100 MiB", dd = "write", mb = 100, size = "100 MiB", target = false }
op { "np.save 100 MB", "float64", "a:12500000:rand", 'x = np.save(BENCH_TMP .. "/io-l.npy", a)',
     py = 'x = np.save(TMP + "/io-p.npy", a)', disk = "write", bytes = 1e8, disk_target = 0.8 }
op { "disk: dd read 100 MiB", dd = "read", mb = 100, size = "100 MiB", target = false }
op { "np.load 100 MB", "float64", "a:1", 'x = np.load(BENCH_TMP .. "/io-l.npy")',
     py = 'x = np.load(TMP + "/io-p.npy")', disk = "read", bytes = 1e8, disk_target = 0.8,
     target = 1.0 }
op { "np.load mmap 1 GB", "float64", "a:1",
     'x = np.load(BENCH_TMP .. "/io-big.npy", { mmap_mode = "r" })',
     py = 'x = np.load(TMP + "/io-big.npy", mmap_mode="r")',
     sparse_npy = { "io-big.npy", 134217728 }, max_time = 0.01, target = false }
-- issue 8: text and bytes
-- loadtxt and savetxt of a 100000x10 float64 table (fmt "%.18e", 25 MB of
-- text) through a file in /tmp (each side its own; setup_lua / setup_py run
-- once with the inputs in scope and return / rebind them); tobytes and
-- frombuffer of 1e7 float64 (LumPy's frombuffer is a view of the Lua string,
-- as NumPy's is of the bytes object).
op { "loadtxt", "float64", "a:100000x10:rand", "c = np.loadtxt('/tmp/lumpy-bench-loadtxt-lua.txt')",
     py = "c = np.loadtxt('/tmp/lumpy-bench-loadtxt-py.txt')",
     setup_lua = "local a = ...; np.savetxt('/tmp/lumpy-bench-loadtxt-lua.txt', a); return a",
     setup_py = "np.savetxt('/tmp/lumpy-bench-loadtxt-py.txt', a)" }
op { "savetxt", "float64", "a:100000x10:rand", "c = np.savetxt('/tmp/lumpy-bench-savetxt-lua.txt', a)",
     py = "c = np.savetxt('/tmp/lumpy-bench-savetxt-py.txt', a)" }
op { "tobytes", "float64", "a:1e7:rand", "c = a:tobytes()", py = "c = a.tobytes()" }
op { "frombuffer", "float64", "a:1e7:rand", "c = np.frombuffer(a)",
     setup_lua = "local a = ...; return a:tobytes()", setup_py = "a = a.tobytes()" }
-- issue 7: np.random (core)
-- A Generator over PCG64 made in the statement (seeding costs microseconds
-- against the 1e7 draws; the input "a" is unused), NumPy's default_rng(42).
op { "random.random 1e7", "float64", "a:1", "c = np.random.default_rng(42):random(10000000)",
     target = 1.0, py = "c = np.random.default_rng(42).random(10000000)" }
op { "random.random 1e7 float32", "float32", "a:1",
     'c = np.random.default_rng(42):random(10000000, "float32")',
     target = 1.0, py = "c = np.random.default_rng(42).random(10000000, np.float32)" }
op { "random.integers 1e7 int64", "int64", "a:1",
     "c = np.random.default_rng(42):integers(0, 1000000, 10000000)",
     target = 1.0, py = "c = np.random.default_rng(42).integers(0, 1000000, 10000000)" }
op { "random.integers 1e7 int32", "int32", "a:1",
     'c = np.random.default_rng(42):integers(0, 1000000, 10000000, "int32")',
     target = 1.0, py = "c = np.random.default_rng(42).integers(0, 1000000, 10000000, np.int32)" }
op { "random.integers 1e7 int64 2^40", "int64", "a:1",
     "c = np.random.default_rng(42):integers(0, 2^40, 10000000)",
     target = 1.0, py = "c = np.random.default_rng(42).integers(0, 2**40, 10000000)" }
-- issue 7: np.random (continuous)
-- 1e7 draws of the ziggurat normal and exponential and of Marsaglia-Tsang gamma
-- (shape 0.5 and 3: both branches), float64 and float32; each statement makes its
-- generator (default_rng(42), microseconds) so that both sides draw the same stream;
-- the input a is unused
for _, r in ipairs {
  { "random.standard_normal 1e7", "float64", "standard_normal(10000000)" },
  { "random.standard_normal 1e7", "float32", 'standard_normal(10000000, "float32")',
    "standard_normal(10000000, dtype=np.float32)" },
  { "random.standard_exponential 1e7", "float64", "standard_exponential(10000000)" },
  { "random.standard_exponential 1e7", "float32", 'standard_exponential(10000000, "float32")',
    "standard_exponential(10000000, dtype=np.float32)" },
  { "random.standard_gamma(3) 1e7", "float64", "standard_gamma(3.0, 10000000)" },
  { "random.standard_gamma(0.5) 1e7", "float64", "standard_gamma(0.5, 10000000)" },
  { "random.standard_gamma(3) 1e7", "float32", 'standard_gamma(3.0, 10000000, "float32")',
    "standard_gamma(3.0, 10000000, dtype=np.float32)" },
  { "random.exponential(2) 1e7", "float64", "exponential(2.0, 10000000)" },
  { "random.normal(1, 2) 1e7", "float64", "normal(1.0, 2.0, 10000000)" },
} do
  op { r[1], r[2], "a:1", "c = np.random.default_rng(42):" .. r[3], target = 1.0,
       py = "c = np.random.default_rng(42)." .. (r[4] or r[3]) }
end
-- issue 7: np.random (discrete)
-- 1e7 draws: binomial by inversion (n=10, p=0.3) and by BTPE (n=1000, p=0.5),
-- Poisson by multiplication (lam 3) and by PTRS (lam 100), the geometric, the
-- hypergeometric (HRUA); each statement makes its generator (default_rng(42),
-- microseconds) so that both sides draw the same stream; the input a is unused
for _, r in ipairs {
  { "random.binomial(10, 0.3) 1e7", "binomial(10, 0.3, 10000000)" },
  { "random.binomial(1000, 0.5) 1e7", "binomial(1000, 0.5, 10000000)" },
  { "random.poisson(3) 1e7", "poisson(3.0, 10000000)" },
  { "random.poisson(100) 1e7", "poisson(100.0, 10000000)" },
  { "random.geometric(0.1) 1e7", "geometric(0.1, 10000000)" },
  { "random.hypergeometric(100, 200, 50) 1e7", "hypergeometric(100, 200, 50, 10000000)" },
} do
  op { r[1], "int64", "a:1", "c = np.random.default_rng(42):" .. r[2], target = 1.0,
       py = "c = np.random.default_rng(42)." .. r[2] }
end

return ops
