-- linalg_spec.lua: np.linalg's solvers and factorizations against NumPy
-- (spec/fixtures/linalg.lua): solve, inv, det, slogdet, cholesky, qr,
-- lstsq, tensorsolve, tensorinv. LAPACK results differ between
-- implementations in the last bits, so floats are compared normwise with
-- the case's tolerance (scaled to the dtype's eps, the size and the
-- condition number): max|x - x_numpy| <= tol * max|x_numpy|; shapes, dtypes,
-- integers, NaN and Inf positions exactly. QR is compared up to the phase of
-- each column of q (row of r). Decompositions and solutions are also checked
-- by reconstruction with a small matrix product written here.
local H = require "helper"
local np = require "lumpy"
local fx = H.fixture("linalg")

local inputs = {}
for k, v in pairs(fx.inputs) do inputs[k] = H.toarray(v) end

local EPS = { float32 = 2.0 ^ -23, complex64 = 2.0 ^ -23, float64 = 2.0 ^ -52, complex128 = 2.0 ^ -52 }

-- ------------------------------------------------------------ values
-- a LumPy array or Lua value as {shape =, dtype =, v = {{re, im}, ...}}
local function A(x)
  local shape, dt, flat
  if H.isarray(x) then
    shape, dt, flat = x.shape, H.dtype_name(x), H.flat(x)
  else
    shape, flat = {}, { x }
    dt = type(x) == "number" and "float64" or "complex128"
  end
  local v = {}
  for i, e in ipairs(flat) do
    if type(e) == "boolean" then v[i] = { e and 1.0 or 0.0, 0.0 }
    else local re, im = H.re_im(e); v[i] = { re + 0.0, im + 0.0 } end
  end
  return { shape = shape, dtype = dt, v = v }
end

-- a fixture array in the same form
local function F(f)
  local v = {}
  for i, e in ipairs(H.fixture_values(f)) do
    if type(e) == "table" then v[i] = { e[1], e[2] }
    elseif type(e) == "boolean" then v[i] = { e and 1.0 or 0.0, 0.0 }
    else v[i] = { e + 0.0, 0.0 } end
  end
  return { shape = f.shape, dtype = f.dtype, v = v }
end

local function isnan(x) return x ~= x end
local function absz(z) return math.sqrt(z[1] * z[1] + z[2] * z[2]) end
local function maxabs(x)
  local m = 0
  for _, z in ipairs(x.v) do
    local a = absz(z)
    if a == a and a ~= math.huge and a > m then m = a end
  end
  return m
end

-- normwise closeness of a to e (both in A() form) with NaN / Inf positions
local function close(a, e, tol, atol, what)
  assert(#a.v == #e.v, what .. ": element count differs")
  local maxd, worst = 0, 0
  for i = 1, #e.v do
    local x, y = a.v[i], e.v[i]
    for c = 1, 2 do
      if isnan(y[c]) then
        if not isnan(x[c]) then error(("%s: element %d: expected nan, got %s"):format(what, i, x[c]), 0) end
      elseif y[c] == math.huge or y[c] == -math.huge then
        if x[c] ~= y[c] then error(("%s: element %d: expected %s, got %s"):format(what, i, y[c], x[c]), 0) end
      elseif isnan(x[c]) or x[c] == math.huge or x[c] == -math.huge then
        error(("%s: element %d: expected %s, got %s"):format(what, i, y[c], x[c]), 0)
      end
    end
    local d = 0
    if not (isnan(y[1]) or isnan(y[2])) then
      local dr = (y[1] == x[1]) and 0 or x[1] - y[1]
      local di = (y[2] == x[2]) and 0 or x[2] - y[2]
      d = math.sqrt(dr * dr + di * di)
    end
    if d > maxd then maxd, worst = d, i end
  end
  local lim = tol * maxabs(e) + (atol or 0)
  if not (maxd <= lim) then
    error(("%s: max deviation %.3g at element %d exceeds %.3g (tol %.3g, max|expected| %.3g)")
      :format(what, maxd, worst, lim, tol, maxabs(e)), 0)
  end
end

local function same_meta(a, e, what)
  if H.shape_str(a.shape) ~= H.shape_str(e.shape) then
    error(("%s: shape differs: expected %s, got %s"):format(what, H.shape_str(e.shape), H.shape_str(a.shape)), 0)
  end
  if a.dtype ~= e.dtype then
    error(("%s: dtype differs: expected %s, got %s"):format(what, e.dtype, a.dtype), 0)
  end
end

-- ------------------------------------------------------------ matrices
-- the matrices of a stack in A() form: list of {m, n, at(i, j) -> {re, im}}
local function mats(x)
  local s = x.shape
  local nd = #s
  local m, n = s[nd - 1], s[nd]
  local cnt = 1
  for i = 1, nd - 2 do cnt = cnt * s[i] end
  local out = {}
  for b = 0, cnt - 1 do
    local base = b * m * n
    out[b + 1] = { m = m, n = n, at = function(i, j) return x.v[base + (i - 1) * n + j] end }
  end
  return out
end

local function mm(p, q, cp)   -- p (or p^H when cp) times q, as a dense table
  local m, k, n = cp and p.n or p.m, cp and p.m or p.n, q.n
  local r = {}
  for i = 1, m do
    r[i] = {}
    for j = 1, n do
      local sr, si = 0.0, 0.0
      for l = 1, k do
        local a = cp and p.at(l, i) or p.at(i, l)
        local ai = cp and -a[2] or a[2]
        local b = q.at(l, j)
        sr = sr + a[1] * b[1] - ai * b[2]
        si = si + a[1] * b[2] + ai * b[1]
      end
      r[i][j] = { sr, si }
    end
  end
  return { m = m, n = n, at = function(i, j) return r[i][j] end }
end

local function mmax(p)
  local x = 0
  for i = 1, p.m do for j = 1, p.n do x = math.max(x, absz(p.at(i, j))) end end
  return x
end

-- max |p - q| (same size), or |p - I| when q is nil
local function mdiff(p, q)
  local x = 0
  for i = 1, p.m do
    for j = 1, p.n do
      local a, b = p.at(i, j), q and q.at(i, j) or { i == j and 1.0 or 0.0, 0.0 }
      x = math.max(x, absz({ a[1] - b[1], a[2] - b[2] }))
    end
  end
  return x
end

local function as_matrix(x)   -- a 1-D vector as a column
  if #x.shape == 1 then return { shape = { x.shape[1], 1 }, dtype = x.dtype, v = x.v } end
  return x
end

local function recon(c, res, tol_r)
  local a = mats(A(inputs[c.a]))
  if c.recon == "solve" then
    local x, b = mats(as_matrix(A(res[1]))), mats(as_matrix(A(inputs[c.b])))
    for k = 1, #a do
      local r = mdiff(mm(a[k], x[k]), b[k])
      assert(r <= tol_r * (mmax(a[k]) * mmax(x[k]) + mmax(b[k])),
        ("a@x - b is %.3g"):format(r))
    end
  elseif c.recon == "inv" then
    local x = mats(A(res[1]))
    for k = 1, #a do
      local r = mdiff(mm(a[k], x[k]))
      assert(r <= tol_r * mmax(a[k]) * mmax(x[k]), ("a@inv(a) - I is %.3g"):format(r))
    end
  elseif c.recon == "chol" then
    local l = mats(A(res[1]))
    for k = 1, #a do
      local p = c.upper and mm(l[k], l[k], true) or mm(l[k], {
        m = l[k].n, n = l[k].m, at = function(i, j) local z = l[k].at(j, i); return { z[1], -z[2] } end })
      local r = mdiff(p, a[k])
      assert(r <= tol_r * mmax(a[k]), ("l@l^H - a is %.3g"):format(r))
      for i = 1, l[k].m do        -- the other triangle is zero
        for j = 1, l[k].n do
          if (c.upper and i > j) or (not c.upper and j > i) then
            local z = l[k].at(i, j)
            assert(z[1] == 0 and z[2] == 0, "triangle not zeroed")
          end
        end
      end
    end
  end
end

-- ------------------------------------------------------------ QR
local function phase(z)
  local a = absz(z)
  if a == 0 or a ~= a then return { 1.0, 0.0 } end
  return { z[1] / a, z[2] / a }
end
local function cmul(a, b) return { a[1] * b[1] - a[2] * b[2], a[1] * b[2] + a[2] * b[1] } end

-- r (and q) with each row of r (column of q) turned by the phase that best
-- matches NumPy's, then compared normwise
local function check_qr(c, res, tol)
  local ex = c.expect.v
  local mode = c.qr
  if mode == "raw" then
    for i = 1, 2 do
      local a, e = A(res[i]), F(ex[i].v)
      same_meta(a, e, "result #" .. i)
      if c.rank then   -- h's rows and tau's entries past the rank are noise
        local len = a.shape[#a.shape]
        local rows = i == 1 and len or 1
        local keep = function(x)
          local o = { v = {} }
          for p = 1, #x.v do
            local within = (p - 1) % (i == 1 and rows * a.shape[#a.shape - 1] or len)
            local row = i == 1 and H.idiv(within, rows) or within
            if row < c.rank then o.v[#o.v + 1] = x.v[p] end
          end
          return o
        end
        a, e = keep(a), keep(e)
      end
      close(a, e, tol, 0, "result #" .. i)
    end
    return
  end
  local qa, qe, ra, re_
  if mode == "r" then
    ra, re_ = A(res[1]), F(c.expect.v)
    same_meta(ra, re_, "r")
  else
    qa, qe = A(res[1]), F(ex[1].v)
    ra, re_ = A(res[2]), F(ex[2].v)
    same_meta(qa, qe, "q")
    same_meta(ra, re_, "r")
  end
  local rm, rem = mats(ra), mats(re_)
  local qm, qem = qa and mats(qa), qe and mats(qe)
  local ta, te = { v = {} }, { v = {} }
  for k = 1, #rm do
    local r, r0 = rm[k], rem[k]
    local kk = math.min(r.m, r.n)
    if qm then kk = math.min(qm[k].m, qm[k].n, r.m) end
    local ph = {}
    for j = 1, r.m do
      local s = { 0.0, 0.0 }
      if qm and j <= qm[k].n then
        for i = 1, qm[k].m do
          local a, b = qem[k].at(i, j), qm[k].at(i, j)
          s = { s[1] + a[1] * b[1] + a[2] * b[2], s[2] + a[1] * b[2] - a[2] * b[1] }
        end
      else
        for l = 1, r.n do
          local a, b = r.at(j, l), r0.at(j, l)
          s = { s[1] + a[1] * b[1] + a[2] * b[2], s[2] + a[1] * b[2] - a[2] * b[1] }
        end
      end
      ph[j] = phase(s)
    end
    -- r_numpy(j, :) ~ ph_j * r(j, :)  (q: column ph_j-turned)
    -- rows past the rank are rounding noise (not unique): left out
    for j = 1, math.min(r.m, c.rank or r.m) do
      for l = 1, r.n do
        ta.v[#ta.v + 1] = cmul(ph[j], r.at(j, l))
        te.v[#te.v + 1] = r0.at(j, l)
      end
    end
    if qm then
      local q, q0 = qm[k], qem[k]
      for i = 1, q.m do
        for j = 1, math.min(q.n, kk, c.rank or kk) do
          ta.v[#ta.v + 1] = cmul({ ph[j][1], -ph[j][2] }, q.at(i, j))
          te.v[#te.v + 1] = q0.at(i, j)
        end
      end
      -- orthonormal columns and q@r = a
      local r1 = mdiff(mm(q, q, true))
      assert(r1 <= tol * 8, ("q^H q - I is %.3g"):format(r1))
      if c.a then
        local a = mats(A(inputs[c.a]))[k]
        local r2 = mdiff(mm(q, r), a)
        assert(r2 <= tol * 8 * math.max(mmax(a), 1e-300), ("q@r - a is %.3g"):format(r2))
      end
    end
  end
  close(ta, te, tol, 0, "q, r up to phase")
end

-- ------------------------------------------------------------ cases
local function check_values(c, res)
  local ex = c.expect
  local list = ex.kind == "multi" and ex.v or { ex }
  if res.n < #list then error(("expected %d results, got %d"):format(#list, res.n), 0) end
  for i, e in ipairs(list) do
    local what = "result #" .. i
    local r = res[i]
    if e.kind == "value" then
      H.assert_value(r, e.v, e.dtype, 0, what)
    else
      if e.kind == "array" and not H.isarray(r) then error(what .. ": expected an array, got " .. tostring(r), 0) end
      if e.kind == "scalar" and H.isarray(r) then error(what .. ": NumPy returns a scalar; got an array", 0) end
      local a, f = A(r), F(e.v)
      if e.kind == "scalar" then a.dtype = f.dtype end   -- Lua numbers carry no dtype
      same_meta(a, f, what)
      if c.tol then
        local atol = (c.atol and i == 2) and c.tol * math.max(1, maxabs(f)) or 0
        close(a, f, c.tol, atol, what)
      else
        H.check_expect(H.pack(r), e, 0, what)
      end
    end
  end
end

local function run(c)
  local env = setmetatable({ np = np }, { __index = function(_, k) return inputs[k] or _G[k] end })
  local chunk = assert(H.load("return " .. c.code, "=" .. c.code, env))
  local res = H.pack(pcall(chunk))
  local ok = table.remove(res, 1)
  res.n = res.n - 1
  local fname = c.fn or c.code:match("^np%.([%w_%.]+)%(")
  if c.expect.kind == "error" then
    if ok then
      if c.anyresult then return end   -- LAPACK-dependent: another LAPACK may not see it
      error("expected an error (" .. c.expect.message .. "), the call succeeded", 0)
    end
    local msg = tostring(res[1])
    local pre = "lumpy." .. fname .. ":"
    if msg:sub(1, #pre) ~= pre then error(("expected an error starting with %q, got %q"):format(pre, msg), 0) end
    if c.msg then H.assert_contains(msg, c.msg) end
    return
  end
  if not ok then
    local msg = tostring(res[1])
    if c.alt and msg:find("lumpy." .. fname .. ": " .. c.alt, 1, true) then return end
    error(msg, 0)
  end
  if c.qr then
    check_qr(c, res, c.tol)
    return
  end
  check_values(c, res)
  if c.recon then
    local dt = H.isarray(res[1]) and H.dtype_name(res[1]) or "float64"
    local n = inputs[c.a].shape[#inputs[c.a].shape]
    recon(c, res, 64 * n * EPS[dt])
  end
end

describe("linalg: NumPy parity", function()
  for _, c in ipairs(fx.cases) do
    it(c.code, function() run(c) end)
  end
end)

describe("linalg: conventions", function()
  it("det and slogdet of one matrix are Lua values", function()
    -- hand-checked: det [[2, 0], [0, 3]] = 6; slogdet = 1, log 6
    local d = np.linalg.det(np.array({ { 2, 0 }, { 0, 3 } }))
    assert.equal("number", type(d))
    assert.is_true(math.abs(d - 6) < 1e-14)
    local s, l = np.linalg.slogdet(np.array({ { 2, 0 }, { 0, 3 } }))
    assert.equal(1.0, s)
    assert.is_true(math.abs(l - math.log(6)) < 1e-14)
  end)
  it("lstsq returns the rank as a Lua integer", function()
    local _, _, rank = np.linalg.lstsq(np.eye(3), np.ones(3))
    assert.equal(3, rank)
    assert.equal("integer", H.mtype(rank))
  end)
  it("cholesky's upper is keyword-only", function()
    H.assert_error("lumpy.linalg.cholesky:", np.linalg.cholesky, np.eye(2), true)
    H.assert_error("lumpy.linalg.cholesky:", np.linalg.cholesky, np.eye(2), { lower = true })
  end)
  it("a batch of 3x3 solves matches one-by-one solves", function()
    local a = np.arange(9 * 50.0):reshape{ 50, 3, 3 } % 7 + np.eye(3) * 10
    local b = np.arange(150.0):reshape{ 50, 3 } % 5
    local xm = np.linalg.solve(a, b:reshape{ 50, 3, 1 }) -- b as matrices
    local xv = np.linalg.solve(a, b[2])                  -- one 1-D b for all
    for k = 1, 50, 7 do
      local xk, xk2 = np.linalg.solve(a[k], b[k]), np.linalg.solve(a[k], b[2])
      for i = 1, 3 do assert.equal(xk[i], xm[k][i][1]); assert.equal(xk2[i], xv[k][i]) end
    end
  end)
end)

describe("linalg: bad input", function()
  it("never crashes and names the function", function()
    local fns = { "solve", "inv", "det", "slogdet", "cholesky", "qr", "lstsq", "tensorsolve", "tensorinv" }
    local vals = { false, true, 0, -1, 2, 1.5, 0 / 0, "x", "raw", "r", {}, { 1 }, { { 1, 2 }, { 3, 4 } },
      { upper = true }, { mode = "complete" }, { rcond = 1 }, np.zeros(0), np.zeros({ 0, 3 }), np.zeros({ 3, 0 }),
      np.array(2.5), np.eye(3), np.ones({ 2, 3, 3 }, "complex64"), np.arange(6):reshape(2, 3),
      np.ones({ 4, 4 }, "bool"), np.array({ { 1, 0 / 0 }, { 1, 1 } }), np.ones(3, "uint64"), np.zeros({ 2, 2 }) }
    assert.same({}, H.fuzz { module = np.linalg, prefix = "linalg.", names = fns, vals = vals })
  end)
end)

describe("linalg.tensorinv with a large ind", function()
  it("ind past ndim takes every axis, as NumPy (no hang for math.maxinteger)", function()
    local big = H.maxinteger
    H.assert_error("lumpy.linalg.tensorinv:", np.linalg.tensorinv, np.arange(4), big)
    H.assert_error("lumpy.linalg.tensorinv:", np.linalg.tensorinv, np.arange(4), 3)
    local r = np.linalg.tensorinv(np.full({1, 1}, 4.0), big)
    assert.same({{0.25}}, r:tolist())
    H.assert_error("lumpy.linalg.tensorinv:", np.linalg.tensorinv, np.eye(4), 0)
  end)
end)
