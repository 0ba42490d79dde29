-- reduce_spec.lua - reductions and the statistics that are reductions
-- (sum, prod, min, max, ptp, argmin, argmax, any, all, count_nonzero, mean,
-- var, std, cumsum, cumprod, the nan-functions, diagonal, trace) against
-- NumPy's results (spec/fixtures/reduce.lua, tools/fixtures/reduce.py).
-- Floats compare exactly, var and std included: LumPy sums in NumPy's order
-- (pairwise blocks of 8192, NumPy's axis order, a buffered gather for full
-- reductions of strided inputs, temporaries in the input's layout).
local H = require "helper"
local np = require "lumpy"
local fx = H.fixture("reduce")

-- the long inputs of the fixture, built as tools/fixtures/reduce.py builds
-- them: integer arithmetic and one correctly rounded division
local function D(n, dt)
  local v = np.subtract(np.remainder(np.multiply(np.arange(n), 7919), 1009), 504)
  return np.true_divide(v:astype(dt or "float64"), 37)
end
local function D2(n, dt)
  local v = np.subtract(np.remainder(np.multiply(np.arange(n), 104729), 997), 498)
  return np.true_divide(v:astype(dt or "float64"), 53)
end
local function C(n, dt)
  dt = dt or "complex128"
  local re = dt == "complex64" and "float32" or "float64"
  local i = np.array(np.complex(0, 1), dt)
  return np.add(D(n, re), np.multiply(D2(n, re), i)):astype(dt)
end

local env = H.lazy(fx.env)
env.D, env.D2, env.C = D, D2, C

describe("reductions against NumPy", function()
  for _, c in ipairs(fx.cases) do
    it(c.code, function()
      if c.expect.kind == "error" then
        local chunk = H.eval(c.code, env)
        local fname = c.code:match("^np%.([%w_]+)%(") or c.code:match("^[%w_]+:([%w_]+)%(")
        local msg = H.assert_error("lumpy." .. fname .. ":", chunk)
        if c.contains then H.assert_contains(msg, c.contains) end
      else
        local res = H.pack(H.eval(c.code, env)())
        local ex = c.expect
        -- LumPy returns a Lua value only when no axis is given (a 0-d array
        -- for an axis table that names every axis, where NumPy has a scalar)
        if ex.kind == "scalar" and H.isarray(res[1]) and #res[1].shape == 0 then
          ex = {kind = "array", v = ex.v}
        end
        H.check_expect(res, ex, c.ulps, c.code)
      end
    end)
  end
end)

describe("reduction results", function()
  it("full reductions without an axis are Lua values", function()
    assert.are.equal("integer", H.mtype(np.sum(np.arange(5))))
    assert.are.equal(10, np.sum(np.arange(5)))
    assert.is_true(H.isfloat(np.mean(np.arange(5))))
    assert.are.equal(true, np.any(np.arange(5)))
    assert.are.equal(5, np.argmax(np.arange(5)))
    assert.are.equal(4, np.count_nonzero(np.arange(5)))
    assert.is_true(H.isarray(np.sum(np.arange(5), 1)))
    assert.is_true(H.isarray(np.sum(np.arange(5), nil, {keepdims = true})))
  end)
  it("trace of a matrix is a Lua value, of a stack an array", function()
    -- NumPy: np.trace([[3, 1, 2], [9, 7, 8]]) is the scalar 10 (3 + 7), with
    -- offset 1 it is 9 (1 + 8); of arange(24).reshape(2, 3, 4) the array
    -- [16, 18, 20, 22]
    local m = np.array({ { 3, 1, 2 }, { 9, 7, 8 } })
    assert.are.equal(10, np.trace(m))
    assert.are.equal("integer", H.mtype(np.trace(m)))
    assert.are.equal(9, m:trace(1))
    assert.are.equal(10.0, np.trace(m, 0, 1, 2, "float32"))
    assert.are.equal(2.0, np.linalg.trace(np.ones({ 2, 2 })))
    local o = np.zeros({})
    assert.are.equal(o, np.trace(m, { out = o }))
    assert.are.equal(10.0, o:item())
    local t = np.trace(np.arange(24):reshape(2, 3, 4))
    assert.is_true(H.isarray(t))
    assert.same({ 16, 18, 20, 22 }, t:tolist())
  end)
  it("ptp with an axis is an array, 0-d too (as sum, max and min)", function()
    -- NumPy: np.ptp([1, 5, 3], 0) is 4 (5 - 1); LumPy gives a 0-d array,
    -- as np.sum does with an axis
    for _, dt in ipairs({ "int8", "uint64", "float32", "complex64" }) do
      local x = np.array({ 1, 5, 3 }, dt)
      local r = np.ptp(x, 1)
      assert.is_true(H.isarray(r), dt)
      assert.are.equal(0, r.ndim)
      assert.are.equal(dt, r.dtype.name)
      assert.are.equal(H.isarray(np.sum(x, 1)), H.isarray(r))
      assert.are.equal(4, np.real(r))
      assert.are.equal(4, np.real(x:ptp(-1)))
    end
    assert.are.equal(4, np.ptp(np.array({ 1, 5, 3 })))
    assert.same({ 4 }, np.ptp(np.array({ { 1, 5, 3 } }), 2):tolist())
  end)
  it("initial = -0.0 keeps its sign in a float reduction (on every Lua)", function()
    -- NumPy: np.sum(np.zeros(0), initial=-0.0) is -0.0; np.max of [-5.5]
    -- with initial -0.0 is -0.0
    assert.equal(-math.huge, 1 / np.sum(np.array({}, "float64"), { initial = -0.0 }))
    assert.equal(-math.huge, 1 / np.max(np.array({ -5.5 }), { initial = -0.0 }))
    assert.equal(3, np.sum(np.arange(3), { initial = -0.0 }))
  end)

  it("nanvar and nanstd give NumPy's nan (sign bit clear) where dof <= 0", function()
    -- NumPy: np.signbit(np.nanvar([np.nan, np.nan])) and
    -- np.signbit(np.nanvar([[1.], [2.]], axis=1, ddof=1)) are False
    assert.is_false(np.signbit(np.nanvar(np.array({ 0 / 0, 0 / 0 }))))
    -- (float64 given: Lua 5.1 reads 1.0 as an integer)
    assert.is_false(np.signbit(np.nanvar(np.array({ 1.0 }, "float64"), nil, nil, nil, 1)))
    assert.is_false(np.signbit(np.nanstd(np.array({ 1.0 }, "float64"), nil, nil, nil, 1)))
    local v = np.nanvar(np.array({ { 1.0 }, { 2.0 } }, "float64"), 2, nil, nil, 1)
    assert.is_true(np.array_equal(np.signbit(v), np.array({ false, false })))
  end)

  it("diagonal is a read-only view of its base", function()
    local a = np.arange(9.0):reshape(3, 3)
    local d = np.diagonal(a)
    a[{2, 2}] = 40
    assert.are.equal(40.0, d[2])
    assert.has_error(function() d[1] = 5 end)
  end)
  it("out= receives the result and is returned", function()
    local o = np.zeros(4)
    local r = np.sum(np.ones({3, 4}), 1, {out = o})
    assert.are.equal(o, r)
    assert.are.same({3.0, 3.0, 3.0, 3.0}, o:tolist())
  end)
  it("sums of float64 agree at every SIMD level (pairwise order)", function()
    local x = D(100002)
    local s = np.sum(x)
    assert.are.equal(s, np.sum(x:copy()))
    assert.are.equal(np.sum(x:reshape(7, -1), 2):tolist()[1],
                     np.sum(x:reshape(7, -1)["1, :"]))
  end)
  it("an out= that overlaps the input gets the right result", function()
    local b = np.arange(12.0):reshape(3, 4)
    np.sum(b, 1, {out = b[1]})      -- NumPy: out receives the column sums
    assert.are.same({12.0, 15.0, 18.0, 21.0}, b[1]:tolist())
    assert.are.same({4.0, 5.0, 6.0, 7.0}, b[2]:tolist())
  end)
  it("diagonal offsets far out of range give empty views", function()
    local a = np.ones({3, 4})
    assert.are.equal(0, np.diagonal(a, H.mininteger).size)
    assert.are.equal(0, np.diagonal(a, H.maxinteger).size)
  end)
  it("bad input never crashes", function()
    for _, f in ipairs { "sum", "prod", "min", "max", "mean", "var", "std", "argmax",
                         "cumsum", "nansum", "nanmean", "nanargmin", "ptp" } do
      assert.has_error(function() np[f]() end)
      assert.has_error(function() np[f](np.ones(3), "x") end)
      assert.has_error(function() np[f](np.ones(3), 99) end)
    end
    assert.has_error(function() np.sum(np.ones(3), nil, {where = "x"}) end)
    assert.has_error(function() np.sum(np.ones(3), nil, {initial = "x"}) end)
    assert.has_error(function() np.sum(np.ones(3), nil, {out = 3}) end)
    assert.has_error(function() np.diagonal(np.ones({2, 2}), 0, 1, 7) end)
  end)
end)
