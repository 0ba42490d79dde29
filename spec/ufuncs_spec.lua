-- ufuncs_spec.lua: elementwise ufuncs over every dtype with edge values,
-- their operator and method forms, the dtypes NumPy rejects, and
-- array_equal / allclose / isclose, against NumPy (spec/fixtures/ufuncs.lua).
local H = require "helper"
local np = require "lumpy"
local fx = H.fixture("ufuncs")

-- tolerance in ULPs; everything is exact except complex power, whose
-- algorithm (repeated multiplication / cpow) is not pinned down bit for bit
local function ulps_for(c)
  if c.ufunc == "power" and (c.dtype == "complex64" or c.dtype == "complex128") then
    return 4
  end
  return 0
end

local inputs = {}
local function input(dt, which)
  inputs[dt] = inputs[dt] or {}
  if not inputs[dt][which] then inputs[dt][which] = H.toarray(fx.inputs[dt][which]) end
  return inputs[dt][which]
end

local function args_of(c)
  local dt = c.dtype
  if c.args == "u" then return { input(dt, "u") } end
  if c.args == "ab" then return { input(dt, "a"), input(dt, "b") } end
  if c.args == "pab" then return { input(dt, "pa"), input(dt, "pb") } end
  if c.args == "sab" then return { input(dt, "sa"), input(dt, "sb") } end
  error("unknown args " .. c.args)
end

-- the operators from 5.3 on (// and the bitwise ones) are made with H.op,
-- which gives nil where the running Lua cannot parse them
local binop = {
  add = function(a, b) return a + b end,
  subtract = function(a, b) return a - b end,
  multiply = function(a, b) return a * b end,
  true_divide = function(a, b) return a / b end,
  floor_divide = H.op("a // b"),
  remainder = function(a, b) return a % b end,
  power = function(a, b) return a ^ b end,
  bitwise_and = H.op("a & b"),
  bitwise_or = H.op("a | b"),
  bitwise_xor = H.op("a ~ b"),
  left_shift = H.op("a << b"),
  right_shift = H.op("a >> b"),
  negative = function(a) return -a end,
  invert = H.op("~a"),
}
local needs53 = { floor_divide = true, bitwise_and = true, bitwise_or = true,
                  bitwise_xor = true, left_shift = true, right_shift = true,
                  invert = true }
local method = { equal = "eq", not_equal = "ne", less = "lt", less_equal = "le",
                 greater = "gt", greater_equal = "ge" }

describe("ufuncs: values", function()
  for _, c in ipairs(fx.cases) do
    it(string.format("%s %s%s", c.ufunc, c.dtype, c.error and " raises" or ""), function()
      local args = args_of(c)
      local f = np[c.ufunc]
      assert.is_not_nil(f, "np." .. c.ufunc .. " is missing")
      if c.error then
        H.assert_error("lumpy." .. c.ufunc .. ":", f, H.unpack(args))
      else
        H.assert_array_equal(f(H.unpack(args)), c.out, ulps_for(c))
      end
    end)
  end
end)

describe("ufuncs: operators", function()
  for _, c in ipairs(fx.cases) do
    local op = binop[c.ufunc]
    if op or needs53[c.ufunc] then
      it(string.format("operator for %s %s%s", c.ufunc, c.dtype, c.error and " raises" or ""), function()
        if needs53[c.ufunc] and H.lacks("operators") then return end
        local args = args_of(c)
        if c.error then
          H.assert_error("lumpy." .. c.ufunc .. ":", op, H.unpack(args))
        else
          H.assert_array_equal(op(H.unpack(args)), c.out, ulps_for(c))
        end
      end)
    end
  end
end)

describe("ufuncs: comparison methods", function()
  for _, c in ipairs(fx.cases) do
    local m = method[c.ufunc]
    if m and not c.error then
      it(string.format("a:%s(b) %s", m, c.dtype), function()
        local a, b = H.unpack(args_of(c))
        H.assert_array_equal(a[m](a, b), c.out, 0)
      end)
    end
  end
  it("< and <= on arrays raise, naming np.less", function()
    local a = np.array({ 1, 2 })
    local msg = H.assert_error("lumpy.", function() return a < a end)
    H.assert_contains(msg, "less")
    msg = H.assert_error("lumpy.", function() return a <= a end)
    H.assert_contains(msg, "less")
  end)
end)

describe("ufuncs: aliases", function()
  for alias, name in pairs(fx.aliases) do
    for _, c in ipairs(fx.cases) do
      if c.ufunc == name and (c.dtype == "float64" or c.dtype == "int32") and not c.error then
        it(string.format("np.%s == np.%s (%s)", alias, name, c.dtype), function()
          assert.is_not_nil(np[alias], "np." .. alias .. " is missing")
          H.assert_array_equal(np[alias](H.unpack(args_of(c))), c.out, 0)
        end)
      end
    end
  end
  it("np.abs on a small float64 array", function()
    local a = np.array({ -1.5, 2 })
    H.assert_array_equal(np.abs(a), { dtype = "float64", shape = { 2 }, data = { 1.5, 2.0 } })
  end)
end)

describe("ufuncs: errors", function()
  for _, c in ipairs(fx.errors) do
    it(string.format("%s with a negative integer exponent (%s)", c.ufunc,
        H.isfixture(c.b) and c.b.dtype or "Lua integer"), function()
      local a, b = H.convert(c.a), H.convert(c.b)
      local msg = H.assert_error("lumpy." .. c.ufunc .. ":", np[c.ufunc], a, b)
      H.assert_contains(msg, "negative")
      H.assert_error("lumpy." .. c.ufunc .. ":", function() return a ^ b end)
    end)
  end
end)

describe("ufuncs: 0-d results are Lua values", function()
  it("np.add on Lua numbers gives a Lua number", function()
    local r = np.add(1, 2)
    assert.are.equal("integer", H.mtype(r))
    assert.are.equal(3, r)
    r = np.add(1.5, 2)
    assert.is_true(H.isfloat(r))
    assert.are.equal(3.5, r)
  end)
  it("np.less on Lua numbers gives a Lua boolean", function()
    assert.are.equal(true, np.less(1, 2))
  end)
  it("a 0-d array operand gives a Lua value", function()
    local z = np.array(2.0, "float32")
    local r = np.multiply(z, z)
    assert.is_false(H.isarray(r))
    assert.are.equal(4.0, r)
  end)
end)

describe("ufuncs: array_equal, allclose, isclose", function()
  for _, c in ipairs(fx.exprs) do
    it(c.code, function() H.run_case(c, fx.env) end)
  end
end)
