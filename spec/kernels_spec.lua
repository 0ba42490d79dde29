-- kernels_spec.lua - the same elementwise results on every code path of a
-- loop: contiguous, strided, broadcast scalar, long runs written with
-- non-temporal stores (outputs of 16 MB and more), and math functions
-- computed in place with special values (lanes redone by libm) anywhere.
local np = require "lumpy"

local function check_same(op, dtype, n)
  local a = np.linspace(-1000, 1000, n, {dtype = dtype})
  local b = np.linspace(3, 7, n, {dtype = dtype})
  local whole = np[op](a, b)                       -- one long run
  local ok, bad = true, nil
  local step = 65536
  for s = 1, n, step do                            -- the same in short runs
    local e = math.min(s + step - 1, n)
    local part = np[op](a[{{s, e}}], b[{{s, e}}])
    if not np.array_equal(part, whole[{{s, e}}]) then ok, bad = false, s end
  end
  return ok, bad
end

describe("kernels", function()
  for _, dtype in ipairs { "float64", "float32" } do
    for _, op in ipairs { "add", "subtract", "multiply", "divide" } do
      it(op .. " " .. dtype .. ": long and short runs agree", function()
        local n = (dtype == "float64" and 2^21 or 2^22) + 5
        local ok, where = check_same(op, dtype, n)
        assert.is_true(ok, "runs differ from position " .. tostring(where))
      end)
    end
  end

  it("unaligned long runs agree with element values", function()
    local n = 2^21 + 7
    local a = np.arange(n, "float64")
    local v = np.multiply(a["2:"], 0.5)
    assert.equal(0.5, v[1])
    assert.equal((n - 1) * 0.5, v[-1])
  end)

  it("strided and broadcast operands", function()
    local a = np.arange(20, "float64"):reshape(4, 5)
    local r = a["::2, ::-1"] + a[1]
    assert.same({{4, 4, 4, 4, 4}, {14, 14, 14, 14, 14}}, r:tolist())
    local s = np.arange(6, "int32") * 3
    assert.same({0, 3, 6, 9, 12, 15}, s:tolist())
    assert.equal("int32", s.dtype.name)
  end)
  -- the vector math stops before storing a pair of vectors that has lanes
  -- for libm and redoes it from the input: in place, the input must still
  -- be there
  for _, dtype in ipairs { "float64", "float32" } do
    for _, fn in ipairs { "exp", "log", "sin", "cos", "tanh" } do
      it(fn .. " " .. dtype .. " in place with special values anywhere", function()
        local specials = { 0 / 0, math.huge, -math.huge, 0.0, -0.0, 1e30, -1e30, 1e-310 }
        for pos = 1, 40, 3 do
          local a = np.linspace(-3, 3, 40, {dtype = dtype})
          a[pos] = specials[pos % #specials + 1]
          local want = np[fn](a)
          np[fn](a, {out = a})
          assert.is_true(np.array_equal(a, want, {equal_nan = true}), fn .. " at " .. pos)
        end
      end)
    end
    it("power " .. dtype .. " in place with special values anywhere", function()
      for pos = 1, 40, 3 do
        local a = np.linspace(0.5, 3, 40, {dtype = dtype})
        a[pos] = ({ 0 / 0, math.huge, -2.0, 0.0, 1e30 })[pos % 5 + 1]
        local b = np.linspace(-2, 2, 40, {dtype = dtype})
        local want = np.power(a, b)
        np.power(a, b, {out = a})
        assert.is_true(np.array_equal(a, want, {equal_nan = true}), "power at " .. pos)
      end
    end)
  end
end)
