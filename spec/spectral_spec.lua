-- spectral_spec.lua: np.linalg's spectral functions against NumPy
-- (spec/fixtures/spectral.lua): svd, svdvals, eig, eigvals, eigh, eigvalsh,
-- norm, vector_norm, matrix_norm, cond, matrix_rank, pinv.
-- LAPACK's results differ between libraries (OpenBLAS, the reference
-- LAPACK) in rounding and, for vectors, in sign/phase, so decompositions are
-- checked (1) by reconstruction (u diag(s) vh = a, a v = v w, orthonormal
-- vectors) with a small local matrix product, and (2) against NumPy's values:
-- singular values and eigh's eigenvalues directly, eig's eigenvalues as a
-- multiset, vectors up to a phase where their values are well separated.
-- Tolerances come from the fixture: a multiple of the result dtype's eps,
-- the size and the matrix's norm (and conditioning for eig / cond / pinv).
-- Dtypes, shapes, integers and errors are compared exactly.
local H = require "helper"
local np = require "lumpy"
local fx = H.fixture("spectral")

-- ------------------------------------------------------------ helpers
local function env()
  local e = {}
  for k, v in pairs(fx.inputs) do e[k] = H.toarray(v) end
  return e
end
local INPUTS = env()

local function run(code, extra)
  local e = {}
  for k, v in pairs(INPUTS) do e[k] = v end
  if extra then for k, v in pairs(extra) do e[k] = v end end
  return H.eval(code, e)
end

-- a 2-D LumPy array as rows of {re, im}
local function tomat(a)
  local rows, t = {}, a:tolist()
  for i, row in ipairs(t) do
    rows[i] = {}
    for j, v in ipairs(row) do
      if type(v) == "boolean" then v = v and 1 or 0 end
      local re, im = H.re_im(v)
      rows[i][j] = { re, im }
    end
  end
  rows.m, rows.n = a.shape[1], a.shape[2]
  return rows
end

-- a 1-D LumPy array as a list of {re, im}
local function tovec(a)
  local out = {}
  for i, v in ipairs(a:tolist()) do
    local re, im = H.re_im(v)
    out[i] = { re, im }
  end
  return out
end

-- the 2-D matrices of a stack, in C order
local function items(a)
  if a.ndim == 2 then return { a } end
  local out = {}
  for i = 1, a.shape[1] do
    for _, m in ipairs(items(a[i])) do out[#out + 1] = m end
  end
  return out
end
local function vitems(a)
  if a.ndim == 1 then return { a } end
  local out = {}
  for i = 1, a.shape[1] do
    for _, m in ipairs(vitems(a[i])) do out[#out + 1] = m end
  end
  return out
end

-- C = A B (optionally A^H) on {re, im} matrices
local function mul(A, B, ah)
  local m, k = ah and A.n or A.m, ah and A.m or A.n
  local n = B.n
  assert(k == B.m, "mul: inner dimensions differ")
  local C = { m = m, n = n }
  for i = 1, m do
    C[i] = {}
    for j = 1, n do
      local re, im = 0.0, 0.0
      for l = 1, k do
        local a = ah and A[l][i] or A[i][l]
        local ar, ai = a[1], ah and -a[2] or a[2]
        local b = B[l][j]
        re = re + ar * b[1] - ai * b[2]
        im = im + ar * b[2] + ai * b[1]
      end
      C[i][j] = { re, im }
    end
  end
  return C
end

local function cabs(z) return math.sqrt(z[1] * z[1] + z[2] * z[2]) end

local function maxdiff(A, B)
  local d = 0
  for i = 1, A.m do
    for j = 1, A.n do
      local x = cabs({ A[i][j][1] - B[i][j][1], A[i][j][2] - B[i][j][2] })
      if x ~= x then return math.huge end
      if x > d then d = x end
    end
  end
  return d
end

local function eye(n)
  local I = { m = n, n = n }
  for i = 1, n do
    I[i] = {}
    for j = 1, n do I[i][j] = { i == j and 1.0 or 0.0, 0.0 } end
  end
  return I
end

local function assert_le(x, tol, what)
  if not (x <= tol) then
    error(("%s: error %.3g exceeds tolerance %.3g"):format(what, x, tol), 2)
  end
end

local function same_shape(a, fxa, what)
  local s = H.shape_of(a)
  if #s ~= #fxa.shape then
    error(("%s: shape %s, NumPy's %s"):format(what, H.shape_str(s), H.shape_str(fxa.shape)), 2)
  end
  for i = 1, #s do
    if s[i] ~= fxa.shape[i] then
      error(("%s: shape %s, NumPy's %s"):format(what, H.shape_str(s), H.shape_str(fxa.shape)), 2)
    end
  end
  local dt = H.dtype_name(a)
  if dt ~= fxa.dtype then error(("%s: dtype %s, NumPy's %s"):format(what, dt, fxa.dtype), 2) end
end

-- elementwise |a - e| <= tol (absolute), NaN equal to NaN, Inf exact
local function close_values(avals, evals, tol, what)
  assert(#avals == #evals, what .. ": element counts differ")
  for i = 1, #evals do
    local a, e = avals[i], evals[i]
    local ar, ai = H.re_im(a)
    local er, ei
    if type(e) == "table" then er, ei = e[1], e[2] else er, ei = e, 0.0 end
    for _, p in ipairs({ { ar, er }, { ai, ei } }) do
      local x, y = p[1], p[2]
      if y ~= y then
        if x == x then error(("%s[%d]: expected NaN, got %s"):format(what, i, tostring(x)), 3) end
      elseif y == math.huge or y == -math.huge then
        if x ~= y then error(("%s[%d]: expected %s, got %s"):format(what, i, tostring(y), tostring(x)), 3) end
      elseif not (math.abs(x - y) <= tol) then
        error(("%s[%d]: expected %.17g, got %.17g (tolerance %.3g)"):format(what, i, y, x, tol), 3)
      end
    end
  end
end

local function has_nan(vals)
  for _, v in ipairs(vals) do
    local r, i
    if type(v) == "table" then r, i = v[1], v[2] else r, i = H.re_im(v) end
    if r ~= r or i ~= i or math.abs(r) == math.huge or math.abs(i) == math.huge then return true end
  end
  return false
end

-- column j of a {re,im} matrix matches NumPy's up to a phase
local function same_up_to_phase(a, e, tol, what)
  -- phase p = <e, a> / |<e, a>|
  local re, im = 0.0, 0.0
  for i = 1, #a do
    re = re + e[i][1] * a[i][1] + e[i][2] * a[i][2]
    im = im + e[i][1] * a[i][2] - e[i][2] * a[i][1]
  end
  local r = math.sqrt(re * re + im * im)
  if r == 0 then error(what .. ": orthogonal to NumPy's vector", 3) end
  local pr, pi = re / r, im / r
  local d = 0
  for i = 1, #a do
    local xr = a[i][1] - (pr * e[i][1] - pi * e[i][2])
    local xi = a[i][2] - (pr * e[i][2] + pi * e[i][1])
    d = math.max(d, math.sqrt(xr * xr + xi * xi))
  end
  assert_le(d, tol, what)
end

local function col(M, j)
  local c = {}
  for i = 1, M.m do c[i] = M[i][j] end
  return c
end
local function row(M, i)
  local r = {}
  for j = 1, M.n do r[j] = M[i][j] end
  return r
end

local function fname_of(call)
  return call:match("^np%.([%w_%.]+)%(")
end

local function check_error(call, e, msg)
  local fname = fname_of(call)
  local prefix = "lumpy." .. fname .. ":"
  if msg:sub(1, #prefix) ~= prefix then
    error(("expected an error starting with %q, got %q"):format(prefix, msg), 2)
  end
  -- NumPy's message, with LumPy's lower-case first word
  local want = e:gsub("^Last", "last"):gsub("^Array", "array")
  if not msg:find(want, 1, true) then
    error(("expected NumPy's message %q in %q"):format(want, msg), 2)
  end
end

-- ------------------------------------------------------ decompositions
local function check_svd(e, X, res)
  local u, s, vh
  if e.uv then u, s, vh = res[1], res[2], res[3] else s = res[1] end
  same_shape(s, e.s, "s")
  local svals = H.flat(s)
  close_values(svals, H.fixture_values(e.s), e.tol, "s")
  if not e.uv then return end
  same_shape(u, e.u, "u")
  same_shape(vh, e.vh, "vh")
  if has_nan(svals) then return end
  local xs, us, ss, vs = items(X), items(u), vitems(s), items(vh)
  for k = 1, #xs do
    local A, U, V, S = tomat(xs[k]), tomat(us[k]), tomat(vs[k]), tovec(ss[k])
    -- u[:, :kk] diag(s) vh[:kk, :]
    local kk = #S
    local US = { m = U.m, n = kk }
    for i = 1, U.m do
      US[i] = {}
      for j = 1, kk do US[i][j] = { U[i][j][1] * S[j][1], U[i][j][2] * S[j][1] } end
    end
    local Vk = { m = kk, n = V.n }
    for i = 1, kk do Vk[i] = V[i] end
    if kk > 0 then assert_le(maxdiff(mul(US, Vk), A), e.tol, "u diag(s) vh vs a") end
    assert_le(maxdiff(mul(U, U, true), eye(U.n)), e.otol, "u^H u vs I")
    local Vt = { m = V.n, n = V.m }
    for i = 1, V.n do Vt[i] = {} for j = 1, V.m do Vt[i][j] = { V[j][i][1], -V[j][i][2] } end end
    assert_le(maxdiff(mul(Vt, Vt, true), eye(V.m)), e.otol, "vh vh^H vs I")
    if e.vtol and #xs == 1 then
      local Ue, Ve = tomat(H.toarray(e.u)), tomat(H.toarray(e.vh))
      for j = 1, kk do
        local t = e.vtol[j]
        if t then
          same_up_to_phase(col(U, j), col(Ue, j), t + e.otol, "u column " .. j)
          local rj, rje = row(V, j), row(Ve, j)
          for i = 1, #rj do rj[i] = { rj[i][1], -rj[i][2] } ; rje[i] = { rje[i][1], -rje[i][2] } end
          same_up_to_phase(rj, rje, t + e.otol, "vh row " .. j)
        end
      end
    end
  end
end

-- the Hermitian matrix eigh sees: one triangle of a, mirrored
local function hermitian_part(A, uplo)
  local lower = uplo == "L" or uplo == "l"
  local Hm = { m = A.m, n = A.n }
  for i = 1, A.m do
    Hm[i] = {}
    for j = 1, A.n do
      local src
      if i == j then src = { A[i][i][1], 0.0 }
      elseif (i > j) == lower then src = A[i][j]
      else src = { A[j][i][1], -A[j][i][2] } end
      Hm[i][j] = src
    end
  end
  return Hm
end

local function check_eigh(e, X, res)
  local w, v = res[1], res[2]
  same_shape(w, e.w, "w")
  local wvals = H.flat(w)
  close_values(wvals, H.fixture_values(e.w), e.tol, "w")
  if not e.uv then return end
  same_shape(v, e.v, "v")
  if has_nan(wvals) then return end
  local xs, vs, ws = items(X), items(v), vitems(w)
  for k = 1, #xs do
    local A, V, W = hermitian_part(tomat(xs[k]), e.uplo), tomat(vs[k]), tovec(ws[k])
    assert_le(maxdiff(mul(V, V, true), eye(V.n)), e.otol, "v^H v vs I")
    local AV, VW = mul(A, V), { m = V.m, n = V.n }
    for i = 1, V.m do
      VW[i] = {}
      for j = 1, V.n do VW[i][j] = { V[i][j][1] * W[j][1], V[i][j][2] * W[j][1] } end
    end
    assert_le(maxdiff(AV, VW), e.tol, "a v vs v w")
    if e.vtol and #xs == 1 then
      local Ve = tomat(H.toarray(e.v))
      for j = 1, V.n do
        if e.vtol[j] then same_up_to_phase(col(V, j), col(Ve, j), e.vtol[j] + e.otol, "v column " .. j) end
      end
    end
  end
end

-- every NumPy eigenvalue matched by a distinct LumPy one within tol
local function match_multiset(got, want, tol, what)
  local used = {}
  for i, z in ipairs(want) do
    local best, bj = math.huge, nil
    for j, y in ipairs(got) do
      if not used[j] then
        local d = cabs({ y[1] - z[1], y[2] - z[2] })
        if d < best then best, bj = d, j end
      end
    end
    if not bj or not (best <= tol) then
      error(("%s: NumPy's eigenvalue %d (%.17g%+.17gj) has no match within %.3g (nearest %.3g)")
        :format(what, i, z[1], z[2], tol, best), 2)
    end
    used[bj] = true
  end
end

local function check_eig(e, X, res)
  local w, v = res[1], res[2]
  same_shape(w, e.w, "w")
  local ws, wes = vitems(w), vitems(H.toarray(e.w))
  for k = 1, #ws do match_multiset(tovec(ws[k]), tovec(wes[k]), e.tol, "w") end
  if not e.uv then return end
  same_shape(v, e.v, "v")
  local xs, vs = items(X), items(v)
  for k = 1, #xs do
    local A, V, W = tomat(xs[k]), tomat(vs[k]), tovec(ws[k])
    local AV = mul(A, V)
    for j = 1, V.n do
      local nrm, res2 = 0, 0
      for i = 1, V.m do
        local z = V[i][j]
        nrm = nrm + z[1] * z[1] + z[2] * z[2]
        local wr, wi = W[j][1], W[j][2]
        local dr = AV[i][j][1] - (z[1] * wr - z[2] * wi)
        local di = AV[i][j][2] - (z[1] * wi + z[2] * wr)
        res2 = res2 + dr * dr + di * di
      end
      assert_le(math.abs(math.sqrt(nrm) - 1), e.rtol, "|v column " .. j .. "| vs 1")
      assert_le(math.sqrt(res2), e.rtol, "a v - v w, column " .. j)
    end
  end
end

describe("linalg spectral: decompositions against NumPy", function()
  for _, e in ipairs(fx.dec) do
    it(e.call .. " with X = " .. e.arg, function()
      local X = run(e.arg)()
      local f = run(e.call, { X = X })
      if e.error then
        local ok, msg = pcall(f)
        assert(not ok, "expected NumPy's error: " .. e.error)
        check_error(e.call, e.error, tostring(msg))
        return
      end
      local res = H.pack(f())
      if e.fn == "svd" then check_svd(e, X, res)
      elseif e.fn == "eigh" then check_eigh(e, X, res)
      else check_eig(e, X, res) end
    end)
  end
end)

-- ------------------------------------------------------ other functions
local function check_expect(res, ex, rtol, what)
  local k, v = ex.kind, res[1]
  if k == "multi" then
    for i, x in ipairs(ex.v) do check_expect(H.pack(res[i]), x, rtol, what .. " #" .. i) end
    return
  end
  if k == "array" then
    if not H.isarray(v) then error(what .. ": expected an array, got " .. tostring(v), 2) end
    same_shape(v, ex.v, what)
    local dt = ex.v.dtype
    if dt:match("int") or dt == "bool" then return H.assert_array_equal(v, ex.v, 0, what) end
    local evals = H.fixture_values(ex.v)
    local scale = 0
    for _, x in ipairs(evals) do
      local m = type(x) == "table" and cabs(x) or math.abs(x)
      if m == m and m ~= math.huge and m > scale then scale = m end
    end
    close_values(H.flat(v), evals, rtol * math.max(scale, 1e-300), what)
    return
  end
  -- a NumPy scalar or Python value: a Lua value here
  if H.isarray(v) then
    error(what .. ": NumPy returns a scalar; got an array of shape " .. H.shape_str(v.shape), 2)
  end
  local dt = k == "scalar" and ex.v.dtype or ex.dtype
  local e = k == "scalar" and H.fixture_values(ex.v)[1] or ex.v
  if dt:match("int") or dt == "bool" then return H.assert_value(v, e, dt, 0, what) end
  local m = type(e) == "table" and cabs(e) or math.abs(e)
  if m ~= m or m == math.huge then m = 0 end
  close_values({ v }, { e }, rtol * math.max(m, 1e-300), what)
end

describe("linalg spectral: norms, cond, matrix_rank, pinv against NumPy", function()
  for _, c in ipairs(fx.cases) do
    it(c.code, function()
      local f = run(c.code)
      if c.expect.kind == "error" then
        local ok, msg = pcall(f)
        assert(not ok, "expected NumPy's error: " .. tostring(c.expect.message))
        check_error(c.code, c.expect.message, tostring(msg))
        return
      end
      check_expect(H.pack(f()), c.expect, c.rtol, c.code)
    end)
  end
end)

-- ------------------------------------------------------ by hand
describe("linalg spectral: hand-checked", function()
  it("svd of diag(3, -2) has s = {3, 2} and reconstructs exactly", function()
    local u, s, vh = np.linalg.svd(np.array({ { 3.0, 0 }, { 0, -2.0 } }))
    assert.same({ 3.0, 2.0 }, s:tolist())
    -- |u| and |vh| are permutation-identity here
    assert.same({ { 1.0, 0.0 }, { 0.0, 1.0 } }, np.abs(u):tolist())
    assert.same({ { 1.0, 0.0 }, { 0.0, 1.0 } }, np.abs(vh):tolist())
  end)
  it("eigh of [[2, 1], [1, 2]] gives 1, 3 ascending", function()
    local w = np.linalg.eigvalsh(np.array({ { 2.0, 1 }, { 1, 2.0 } }))
    assert(math.abs(w[1] - 1) < 1e-15 and math.abs(w[2] - 3) < 1e-15)
  end)
  it("eig of a rotation is complex, of a triangular matrix real", function()
    assert.equal("complex128", np.linalg.eigvals(np.array({ { 0, -1 }, { 1, 0 } })).dtype.name)
    assert.equal("float64", np.linalg.eigvals(np.array({ { 1, 5 }, { 0, 2 } })).dtype.name)
    assert.equal("float32", np.linalg.eigvals(np.array({ { 1, 5 }, { 0, 2 } }, "float32")).dtype.name)
    assert.equal("complex64", np.linalg.eigvals(np.array({ { 0, -1 }, { 1, 0 } }, "float32")).dtype.name)
  end)
  it("norm of a 2-vector is exact; 1-norm, inf-norm, 0-'norm'", function()
    assert.equal(5.0, np.linalg.norm({ 3, 4 }))
    assert.equal(7.0, np.linalg.norm({ 3, -4 }, 1))
    assert.equal(4.0, np.linalg.norm({ 3, -4 }, math.huge))
    assert.equal(2.0, np.linalg.norm({ 3, -4, 0 }, 0))
  end)
  it("norm of float32 input rounds the result to float32", function()
    local r = np.linalg.norm(np.array({ 1, 1 }, "float32"))
    assert.equal(H.round32(math.sqrt(2)), r)
  end)
  it("norm's fast path over a non-contiguous 3-d view equals the copy's", function()
    local a = np.arange(60.0):reshape(3, 4, 5)["::-1, ::2, 1:4"]
    assert.equal(np.linalg.norm(a:copy()), np.linalg.norm(a))
  end)
  it("matrix_rank's positional tol and pinv's rtol=false", function()
    assert.equal(2, np.linalg.matrix_rank(np.array({ { 1, 0, 0 }, { 0, 1e-3, 0 }, { 0, 0, 0 } }), 1e-4))
    assert.equal(1, np.linalg.matrix_rank(np.array({ { 1, 0, 0 }, { 0, 1e-3, 0 }, { 0, 0, 0 } }), 1e-2))
    local p = np.linalg.pinv(np.array({ { 2.0, 0 }, { 0, 1e-20 } }), { rtol = false })
    assert.same({ { 0.5, 0.0 }, { 0.0, 0.0 } }, p:tolist())
  end)
  it("svd(hermitian) keeps vh unitary when an eigenvalue is zero (NumPy >= 2.5)", function()
    local u, s, vh = np.linalg.svd(np.array({ { 1.0, 1 }, { 1, 1.0 } }), { hermitian = true })
    local n = np.linalg.norm(vh, nil, { 2 })
    assert(math.abs(n[1] - 1) < 1e-15 and math.abs(n[2] - 1) < 1e-15)
    assert(math.abs(s[1] - 2) < 1e-15 and math.abs(s[2]) < 1e-15)
    assert(u.shape[1] == 2)
  end)
end)

describe("linalg spectral: deliberate differences from NumPy", function()
  -- NumPy's gesdd never returns for some matrices holding Inf (LAPACK loops
  -- forever), returns NaN or fails for others: LumPy refuses every
  -- non-finite matrix as it refuses NaN
  it("svd / svdvals of a matrix holding Inf: 'SVD did not converge'", function()
    local a = np.array({ { 1 / 0, 1.0, 2.0 }, { 1.0, 3.0, 0.5 }, { 2.0, 0.5, 1.0 } })
    local msg = H.assert_error("lumpy.linalg.svd:", np.linalg.svd, a)
    H.assert_contains(msg, "SVD did not converge")
    H.assert_error("lumpy.linalg.svd:", np.linalg.svd, a, false, false)
    H.assert_error("lumpy.linalg.svdvals:", np.linalg.svdvals, np.array({ { -1 / 0 } }))
    H.assert_error("lumpy.linalg.svd:", np.linalg.svd, np.stack({ np.eye(2), np.full({ 2, 2 }, 1 / 0) }))
    H.assert_error("lumpy.linalg.norm:", np.linalg.norm, a, 2)
  end)
end)

describe("linalg spectral: bad input", function()
  it("never crashes and names the function", function()
    local L = np.linalg
    local fns = { "svd", "svdvals", "eig", "eigvals", "eigh", "eigvalsh", "norm", "vector_norm",
      "matrix_norm", "cond", "matrix_rank", "pinv" }
    local vals = { false, true, 0, -1, 1, 2, 3, -2, 1.5, 0 / 0, 1 / 0, -1 / 0, H.maxinteger,
      "L", "U", "x", "fro", "nuc", "f", {}, { 1 }, { 1, 2 }, { -1, -2 }, { 1, 1 }, { { 1, 2 }, { 3, 4 } },
      { ord = 2 }, { axis = 5 }, { keepdims = true }, { rtol = -1 }, { hermitian = true },
      { UPLO = "Q" }, { full_matrices = false }, { bogus = 1 },
      np.zeros(0), np.zeros({ 0, 3 }), np.zeros({ 2, 0, 0 }), np.array(2.5), np.eye(3),
      np.arange(6):reshape(2, 3), np.arange(12.0):reshape(3, 4)["::-1, ::2"], np.ones({ 2, 2 }, "bool"),
      np.ones({ 2, 3, 3 }, "complex64"), np.array({ { 1, 0 / 0 }, { 0, 1 } }), np.ones({ 3, 3 }, "uint64"),
      np.eye(4, nil, nil, "float32") }
    local arrays = { H.unpack(vals, #vals - 11) }
    assert.same({}, H.fuzz { module = L, prefix = "linalg.", names = fns, vals = vals,
                             first = arrays, maxargs = 4 })
  end)
end)
