-- products_spec.lua: matrix products against NumPy (spec/fixtures/products.lua):
-- matmul, dot, vdot, inner, outer, tensordot, kron, vecdot, matrix_transpose,
-- np.linalg's matmul, outer, vecdot, tensordot, matrix_transpose, trace,
-- multi_dot, matrix_power, cross; every dtype, mixed dtypes, stacks,
-- broadcasting, views, empty shapes, out= and errors.
-- Integer and bool results are compared exactly. Float and complex results
-- within a tolerance: BLAS (OpenBLAS or the reference BLAS) sums in its own
-- order, so an element may differ from NumPy's by a few rounding errors per
-- term of its sum: |got - want| <= 8 * eps * max(k, 4) * max(1, max|want|),
-- k being the length of the sums (the case's k; for negative matrix powers
-- also scaled by the condition number, as the inverse's rounding grows with
-- it), eps that of the dtype the product is computed in (the case's eps
-- when it is not the result's).
local H = require "helper"
local np = require "lumpy"
local fx = H.fixture("products")

local EPS = { float32 = 2.0 ^ -23, complex64 = 2.0 ^ -23, float64 = 2.0 ^ -52, complex128 = 2.0 ^ -52 }

-- G(shape, dtype, seed): the exact values tools/fixtures/products.py's gen() makes
local function G(shape, dt, seed)
  seed = seed or 3
  local n = H.prod(shape)
  local i = np.arange(n, { dtype = "int64" })
  local v = (i * seed) % 11 - 5
  local r
  if dt == "bool" then r = np.equal((i * seed) % 3, 0)
  elseif dt:match("^float") then r = (v / 4):astype(dt)
  elseif dt:match("^complex") then
    r = (v / 4 + np.complex(0, 1) * (((i * (seed + 2)) % 7 - 3) / 2)):astype(dt)
  else r = v:astype(dt) end
  return r:reshape(shape)
end

local inputs
local function env()
  if not inputs then
    inputs = {}
    for k, x in pairs(fx.inputs) do inputs[k] = H.convert(x) end
  end
  local e = { G = G }
  for k, v in pairs(inputs) do e[k] = v end
  return e
end

-- flat values of a fixture array / a result as {re, im} pairs
local function pairs_of(fxa)
  local out, d = {}, fxa.data
  if fxa.dtype:match("^complex") then
    for i = 1, H.idiv(#d, 2) do out[i] = { d[2 * i - 1], d[2 * i] } end
  else
    for i = 1, #d do out[i] = { d[i], 0.0 } end
  end
  return out
end

local function close(got, want, dt, k, what, epsdt)
  local ev = pairs_of(want)
  local gv
  if H.isarray(got) then
    local s = got.shape
    assert(#s == #want.shape, what .. ": ndim differs")
    for i = 1, #s do
      if s[i] ~= want.shape[i] then
        error(("%s: shape differs: expected %s, got %s"):format(what, H.shape_str(want.shape), H.shape_str(s)), 0)
      end
    end
    if H.dtype_name(got) ~= dt then
      error(("%s: dtype differs: expected %s, got %s"):format(what, dt, H.dtype_name(got)), 0)
    end
    gv = {}
    for i, z in ipairs(H.flat(got)) do local re, im = H.re_im(z); gv[i] = { re, im } end
  else
    local re, im = H.re_im(got)
    gv = { { re, im } }
  end
  assert(#gv == #ev, what .. ": element count differs")
  local scale = 1
  for _, e in ipairs(ev) do
    for j = 1, 2 do if e[j] == e[j] and math.abs(e[j]) ~= math.huge then scale = math.max(scale, math.abs(e[j])) end end
  end
  local tol = 8 * EPS[epsdt or dt] * math.max(k or 4, 4) * scale
  for i, e in ipairs(ev) do
    for j = 1, 2 do
      local a, b = gv[i][j], e[j]
      local ok
      if b ~= b then ok = a ~= a
      elseif math.abs(b) == math.huge then ok = a == b
      else ok = math.abs(a - b) <= tol end
      if not ok then
        error(("%s: element %d (%s part): expected %s, got %s (tolerance %g)"):format(what, i,
          j == 1 and "real" or "imaginary", H.fmtval(b), H.fmtval(a), tol), 0)
      end
    end
  end
end

local function run(c)
  local ex = c.expect
  local chunk = H.eval(c.code, env())
  if ex.kind == "error" then
    local fname = c.fn or c.code:match("^np%.([%w_%.]+)%(") or "matmul"
    local msg = H.assert_error("lumpy." .. fname .. ":", chunk)
    return msg
  end
  local res = H.pack(chunk())
  local v = ex.v
  if (ex.kind == "array" or ex.kind == "scalar") and EPS[v.dtype] then
    if ex.kind == "scalar" and H.isarray(res[1]) then
      error(c.code .. ": NumPy returns a scalar here; got an array", 0)
    end
    if ex.kind == "array" and not H.isarray(res[1]) then
      error(c.code .. ": expected an array, got " .. tostring(res[1]), 0)
    end
    close(res[1], v, v.dtype, c.k, c.code, c.eps)
  else
    H.check_expect(res, ex, 0, c.code)
  end
end

describe("products: NumPy parity", function()
  for _, c in ipairs(fx.cases) do
    it(c.code, function() run(c) end)
  end
end)

-- negative powers invert with np.linalg.inv
describe("products: negative matrix powers (np.linalg.inv)", function()
  for _, c in ipairs(fx.negative_powers) do
    it(c.code, function() run(c) end)
  end
end)

describe("products: hand-checked", function()
  it("a 1-D @ 1-D product is a Lua value", function()
    assert.equal(32, np.matmul({1, 2, 3}, {4, 5, 6}))
    assert.equal(32.0, np.dot(np.array({1.0, 2, 3}), np.array({4.0, 5, 6})))
  end)
  it("matmul writes into out and returns it", function()
    local o = np.zeros({2, 2})
    local r = np.matmul(np.eye(2), np.array({{1.0, 2}, {3, 4}}), {out = o})
    assert.is_true(rawequal(r, o))
    assert.same({{1.0, 2.0}, {3.0, 4.0}}, o:tolist())
  end)
  it("int8 products wrap as NumPy's", function()
    -- 100 * 2 + 100 * 1 = 300 = 44 (mod 256)
    assert.same({44}, np.matmul(np.array({{100, 100}}, "int8"), np.array({2, 1}, "int8")):tolist())
  end)
  it("bool products are or-of-ands", function()
    assert.same({{true, false}, {false, false}},
      np.matmul(np.array({{true, false}, {false, false}}), np.array({{true, false}, {true, false}})):tolist())
  end)
  it("bool products agree with integer products > 0 (dense: early exit; sparse: blocked)", function()
    for _, mod in ipairs { 2, 97 } do
      local a = np.equal(np.arange(70 * 130) % mod, 0):reshape(70, 130)
      local b = np.equal(np.arange(130 * 90) * 7 % mod, 0):reshape(130, 90)
      local want = np.greater(np.matmul(a:astype("int32"), b:astype("int32")), 0)
      assert.is_true(np.array_equal(np.matmul(a, b), want))
      assert.is_true(np.array_equal(np.matmul(b.T, a.T), want.T))
    end
  end)
  it("a @ a.T is symmetric to the last bit (syrk fills the other triangle)", function()
    local a = G({40, 33}, "float64", 7)
    local c = np.matmul(a, a.T)
    assert.is_true(np.array_equal(c, c.T))
    local z = G({30, 21}, "complex128", 5)
    local d = np.matmul(z, z.T)
    assert.is_true(np.array_equal(d, d.T))
  end)
  it("the integer kernel agrees with float64 BLAS on exact values", function()
    local a, b = G({70, 530}, "int64", 3), G({530, 300}, "int64", 5)
    local f = np.matmul(a:astype("float64"), b:astype("float64"))
    assert.is_true(np.array_equal(np.matmul(a, b), f:astype("int64")))
    assert.is_true(np.array_equal(np.matmul(a.T:copy().T, b["::-1, :"]),
      np.matmul(a:astype("float64"), b["::-1, :"]:astype("float64")):astype("int64")))
  end)
  it("matrix_transpose is a view", function()
    local a = np.zeros({2, 3, 4})
    local t = np.matrix_transpose(a)
    t[{1, 1, 2}] = 5
    assert.equal(5.0, a[{1, 2, 1}])
  end)
  it("multi_dot picks the cheapest order (the result equals the left-to-right one)", function()
    local a, b, c, d = G({10, 30}, "int64"), G({30, 5}, "int64", 5), G({5, 60}, "int64", 7), G({60, 10}, "int64", 2)
    local want = np.matmul(np.matmul(np.matmul(a, b), c), d)
    assert.is_true(np.array_equal(np.linalg.multi_dot({a, b, c, d}), want))
  end)
end)

describe("products: bad input", function()
  it("never crashes and names the function", function()
    local fns = { "matmul", "dot", "vdot", "inner", "outer", "tensordot", "kron", "vecdot",
      "matrix_transpose" }
    local lfns = { "matmul", "outer", "vecdot", "tensordot", "matrix_transpose", "trace",
      "diagonal", "multi_dot", "matrix_power", "cross" }
    local vals = { false, true, 0, -1, 2, 1.5, 0 / 0, H.maxinteger, H.mininteger, "x", {},
      { 1 }, { 1, 2, 3 }, { { 1, 2 }, { 3, 4 } }, { out = 3 }, { axis = 7 }, { dtype = "bogus" },
      { out = np.zeros(2) }, np.zeros(0), np.zeros({ 0, 3 }), np.array(2.5), np.arange(6):reshape(2, 3),
      np.arange(6.0)["::-1"], np.ones(4, "bool"), np.ones({ 3, 3 }, "complex64"), np.ones({ 2, 3, 3 }),
      { np.ones({ 2, 2 }), np.ones({ 2, 2 }) }, { { 1 }, { 2 } } }
    assert.same({}, H.fuzz { module = np, names = fns, vals = vals, seed = 4321, calls = 1500 })
    assert.same({}, H.fuzz { module = np.linalg, prefix = "linalg.", names = lfns, vals = vals,
                             seed = 1234, calls = 1500 })
  end)
end)
