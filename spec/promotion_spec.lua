-- promotion_spec.lua: result dtypes and values of add / multiply / true_divide
-- / copysign over every pair of dtypes and with weak Lua scalars (NEP 50), against
-- NumPy (spec/fixtures/promotion.lua).
local H = require "helper"
local np = require "lumpy"
local fx = H.fixture("promotion")

local samples = {}
local function sample(dt)
  if not samples[dt] then samples[dt] = H.toarray(fx.samples[dt]) end
  return samples[dt]
end

describe("promotion: array op array", function()
  for _, c in ipairs(fx.pairs) do
    it(string.format("%s(%s, %s) -> %s", c.op, c.a, c.b, c.dtype or c.error), function()
      local a, b = sample(c.a), sample(c.b)
      if c.error then
        H.assert_error("lumpy." .. c.op .. ":", np[c.op], a, b)
      else
        H.assert_array_equal(np[c.op](a, b), c.out, 0)
      end
    end)
  end
end)

describe("promotion: operators agree with the ufuncs", function()
  local opf = {
    add = function(a, b) return a + b end,
    multiply = function(a, b) return a * b end,
    true_divide = function(a, b) return a / b end,
  }
  for _, c in ipairs(fx.pairs) do
    if not c.error and opf[c.op] and (c.a == "int8" or c.a == "float32" or c.a == "uint64"
                        or c.a == "bool" or c.a == "complex64") then
      it(string.format("%s %s %s", c.a, c.op, c.b), function()
        H.assert_array_equal(opf[c.op](sample(c.a), sample(c.b)), c.out, 0)
      end)
    end
  end
end)

describe("promotion: weak Lua scalars", function()
  for _, c in ipairs(fx.scalars) do
    it(string.format("%s(%s %s, Lua %s %s) -> %s", c.op, c.side == "left" and "scalar" or c.a,
      c.side == "left" and c.a or "array", c.kind, tostring(c.value), c.dtype or c.error), function()
      local a = sample(c.a)
      local x, y = a, c.value
      if c.side == "left" then x, y = c.value, a end
      if c.error then
        H.assert_error("lumpy." .. c.op .. ":", np[c.op], x, y)
      else
        H.assert_array_equal(np[c.op](x, y), c.out, 0)
      end
    end)
  end
end)

describe("promotion: Lua integers at the bounds of integer dtypes", function()
  for _, c in ipairs(fx.bounds) do
    it(string.format("%s(%s array, %s) -> %s", c.op, c.a, tostring(c.value), c.dtype or "error"), function()
      local a = sample(c.a)
      if c.error then
        local msg = H.assert_error("lumpy." .. c.op .. ":", np[c.op], a, c.value)
        assert(msg:find("bounds", 1, true) or msg:find("range", 1, true),
          "message should say the integer is out of bounds: " .. msg)
      else
        H.assert_array_equal(np[c.op](a, c.value), c.out, 0)
      end
    end)
  end
end)

describe("promotion: errors", function()
  for _, c in ipairs(fx.errors) do
    it(c.op .. " on " .. table.concat((function()
        local t = {} for i, x in ipairs(c.args) do t[i] = tostring(x) end return t end)(), ", "),
      function()
        local args = {}
        for i, x in ipairs(c.args) do
          args[i] = type(x) == "string" and sample(x) or x
        end
        H.assert_error("lumpy." .. c.op .. ":", np[c.op], H.unpack(args))
      end)
  end
  it("bool - bool operator raises", function()
    H.assert_error("lumpy.subtract:", function() return sample("bool") - sample("bool") end)
  end)
end)
