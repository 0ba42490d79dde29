-- mathfuncs2_spec.lua: round / around (and a:round), clip (and a:clip),
-- nan_to_num, isposinf, isneginf, angle, real, imag, sinc, modf, frexp,
-- ldexp and divmod over float, complex, integer and bool inputs with edge
-- values, against NumPy (spec/fixtures/mathfuncs2.lua, from
-- tools/fixtures/mathfuncs2.py).
--
-- Each case is a Lua expression (`code`) run with np and the fixture inputs
-- it names in scope; NumPy's tuple results (modf, frexp, divmod) are
-- multiple Lua values. One `it` per function and input group runs all of its
-- cases and lists every one that fails. Error cases expect a Lua error whose
-- message starts with "lumpy.<fn>:". Cases marked numpy2 expect NumPy 2.x
-- behaviour that the generator's NumPy 1.24 lacks (see the generator's
-- docstring).
local H = require "helper"
local np = require "lumpy"
local fx = H.fixture("mathfuncs2")

-- Tolerances in ULPs of the result dtype: exact except these.
-- i0: LumPy sums its series in long double and rounds once; NumPy evaluates a
-- Chebyshev expansion in the input's own precision (float32 for float32), about
-- 1 ULP off in float64 (against exact sums at 1, 2, 8, 15 and 29.9, where
-- LumPy's results are the correctly rounded ones) and a few ULP in float32.
local ULPS = { sinc = 2, angle = 1, i0 = 4 }
local function ulps_for(fn) return ULPS[fn] or 0 end

-- The fixture writes every NaN as (0/0), whose sign bit is the platform's
-- default NaN (set on x86-64), while NumPy's inputs held positive NaNs
-- (float("nan")). Functions that look at the sign bit would see it, so the
-- inputs get NumPy's positive NaN back before use.
local POS_NAN = H.POS_NAN
local function positive_nans(t)
  local data = {}
  for i, v in ipairs(t.data) do
    if v ~= v then v = POS_NAN end
    data[i] = v
  end
  return { dtype = t.dtype, shape = t.shape, data = data }
end

-- input arrays, converted once
local cache = {}
local function input(name)
  if cache[name] == nil then
    local t = fx.inputs[name]
    if t == nil then error("fixture has no input " .. tostring(name), 0) end
    cache[name] = H.toarray(positive_nans(t))
  end
  return cache[name]
end

local function env_of(c)
  local e = {}
  for k, name in pairs(c.env or {}) do e[k] = input(name) end
  return e
end

local function run_case(c)
  local fn = c.fn
  if np[fn] == nil then error("np." .. fn .. " is missing", 0) end
  local chunk = H.eval(c.code, env_of(c))
  if c.expect.kind == "error" then
    local ok, err = pcall(H.assert_error, "lumpy." .. fn .. ":", chunk)
    if not ok then error(err, 0) end
    return
  end
  local res = H.pack(chunk())
  local ok, err = pcall(H.check_expect, res, c.expect, ulps_for(fn), c.code)
  if not ok then error(err, 0) end
end

-- group the cases: one `it` per function and group, in fixture order
local order, groups = {}, {}
for _, c in ipairs(fx.cases) do
  local key = c.fn .. ": " .. c.group
  if not groups[key] then
    groups[key] = {}
    order[#order + 1] = key
  end
  table.insert(groups[key], c)
end

local function describe_case(c)
  local dts = {}
  for k, name in pairs(c.env or {}) do
    local t = fx.inputs[name]
    dts[#dts + 1] = k .. "=" .. t.dtype .. H.shape_str(t.shape)
  end
  table.sort(dts)
  return c.code .. " [" .. table.concat(dts, ", ") .. "]"
    .. (c.numpy2 and " (NumPy 2 behaviour)" or "")
end

describe("mathfuncs2", function()
  for _, key in ipairs(order) do
    local cs = groups[key]
    it(key, function()
      local fails = {}
      for _, c in ipairs(cs) do
        local ok, err = pcall(run_case, c)
        if not ok and not H.skipped(err) then
          fails[#fails + 1] = "  " .. describe_case(c) .. ": " .. tostring(err)
        end
      end
      if #fails > 0 then
        error(string.format("%s: %d of %d cases fail:\n%s", key, #fails, #cs,
          table.concat(fails, "\n")), 0)
      end
    end)
  end

  it("Lua numbers give Lua values", function()
    local fails = {}
    for _, s in ipairs(fx.scalars) do
      local ok, err = pcall(function()
        if np[s.fn] == nil then error("np." .. s.fn .. " is missing", 0) end
        local res = H.pack(H.eval(s.code)())
        H.check_expect(res, s.expect, ulps_for(s.fn), s.code)
      end)
      if not ok and not H.skipped(err) then fails[#fails + 1] = "  " .. s.code .. ": " .. tostring(err) end
    end
    if #fails > 0 then
      error(string.format("%d of %d scalar cases fail:\n%s", #fails, #fx.scalars,
        table.concat(fails, "\n")), 0)
    end
  end)

  it("modf, frexp and divmod return two values, not a table", function()
    local x = np.array({ 2.5, -0.75 })
    for _, f in ipairs({
      function() return np.modf(x) end,
      function() return np.frexp(x) end,
      function() return np.divmod(x, 0.5) end,
    }) do
      local r = H.pack(f())
      assert.are.equal(2, r.n)
      assert.is_true(H.isarray(r[1]))
      assert.is_true(H.isarray(r[2]))
    end
  end)

  it("round and clip methods leave the array unchanged", function()
    local x = np.array({ 1.25, -7.5, 3.0 })
    local r = x:round(1)
    local c = x:clip(0, 2)
    assert.is_true(H.isarray(r) and H.isarray(c))
    assert.are.same({ 1.25, -7.5, 3.0 }, x:tolist())
  end)
end)
