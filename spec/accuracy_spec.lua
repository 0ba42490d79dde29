-- accuracy_spec.lua - the kernels with SIMD builds against NumPy's own
-- accuracy data: NumPy ships, with its tests, inputs and correctly rounded
-- outputs for its transcendental functions together with the largest error in
-- ULPs it allows (numpy/core/tests/data/umath-validation-set-*.csv). LumPy must
-- stay within the same bounds at every SIMD level (make test runs this file at
-- each one). The files are read from Debian's python3-numpy at run time.
local H = require "helper"
local np = require "lumpy"

local DIRS = {
  "/usr/lib/python3/dist-packages/numpy/core/tests/data",
  "/usr/lib/python3/dist-packages/numpy/_core/tests/data",
}

local function read_set(fn)
  for _, d in ipairs(DIRS) do
    local f = io.open(d .. "/umath-validation-set-" .. fn .. ".csv")
    if f then
      local sets = {}
      for line in f:lines() do
        local dt, x, y, u = line:match("^np%.(float%d+),(0x%x+),(0x%x+),(%d+)")
        if dt then
          local s = sets[dt] or { x = {}, y = {}, ulps = 0 }
          sets[dt] = s
          s.x[#s.x + 1] = H.from_bits(x, dt)
          s.y[#s.y + 1] = H.from_bits(y, dt)
          s.ulps = math.max(s.ulps, tonumber(u))
        end
      end
      f:close()
      return sets
    end
  end
end

describe("accuracy against NumPy's validation data at level " .. np.cpu_features().level, function()
  for _, fn in ipairs { "exp", "log", "sin", "cos", "tanh" } do
    local sets = read_set(fn)
    for _, dt in ipairs { "float32", "float64" } do
      local s = sets and sets[dt]
      local test = s and it or pending
      test(fn .. " " .. dt .. (s and (" within " .. s.ulps .. " ULP, " .. #s.x .. " values") or
           ": NumPy's validation data not found"), function()
        local x = np.array(s.x, dt)
        local want = { dtype = dt, shape = { #s.y }, data = s.y }
        H.assert_array_equal(np[fn](x), want, s.ulps)
        -- the same values through the strided path
        local big = np.zeros(2 * #s.x, dt)
        big["::2"] = x
        H.assert_array_equal(np[fn](big["::2"]), want, s.ulps)
      end)
    end
  end
end)
