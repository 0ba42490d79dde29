-- kernels_spec.lua - the same elementwise results on every code path of a
-- loop: contiguous, strided, broadcast scalar, long runs written with
-- non-temporal stores (outputs of 16 MB and more: arithmetic, maximum,
-- minimum, absolute; comparisons of inputs of 16 MB and more; casts), and
-- math functions computed in place with
-- special values (lanes redone by libm) anywhere.
local np = require "lumpy"

-- f over a and b (n elements) in one long run, and the same in short runs
local function runs_agree(f, a, b, n)
  local whole = f(a, b)
  local step = 65536
  for s = 1, n, step do
    local e = math.min(s + step - 1, n)
    local part = f(a[{{s, e}}], b[{{s, e}}])
    if not np.array_equal(part, whole[{{s, e}}], {equal_nan = true}) then return false, s end
  end
  return true
end

local function check_same(op, dtype, n)
  local a = np.linspace(-1000, 1000, n, {dtype = dtype})
  local b = np.linspace(3, 7, n, {dtype = dtype})
  return runs_agree(np[op], a, b, n)
end

-- n values around b's, some equal to them, with nan and infinities among them
local function compare_inputs(dtype, n)
  local a = np.linspace(-1000, 1000, n, {dtype = dtype})
  local b = np.linspace(1000, -1000, n, {dtype = dtype})
  a[{{1, n, 7}}] = b[{{1, n, 7}}]
  a[{{3, n, 101}}] = 0 / 0
  b[{{5, n, 103}}] = 0 / 0
  a[{{9, n, 1009}}] = math.huge
  b[{{11, n, 1013}}] = -math.huge
  return a, b
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

  for _, dtype in ipairs { "float64", "float32" } do
    it("maximum, minimum and absolute of long " .. dtype .. " runs agree with short runs", function()
      local n = (dtype == "float64" and 2^21 or 2^22) + 37
      local a, b = compare_inputs(dtype, n)
      for _, op in ipairs { "maximum", "minimum" } do
        local ok, where = runs_agree(np[op], a, b, n)
        assert.is_true(ok, op .. ": runs differ from position " .. tostring(where))
      end
      local ok, where = runs_agree(function(x) return np.absolute(x) end, a, a, n)
      assert.is_true(ok, "absolute: runs differ from position " .. tostring(where))
      -- into an output that starts off a 16-byte boundary
      local out = np.zeros(n + 1, dtype)
      np.maximum(a, b, {out = out["2:"]})
      assert.is_true(np.array_equal(out["2:"], np.maximum(a, b), {equal_nan = true}))
      assert.equal(0, out[1])
    end)
  end

  for _, dtype in ipairs { "float64", "float32" } do
    it("comparisons of long " .. dtype .. " runs agree with short runs", function()
      local n = (dtype == "float64" and 2^21 or 2^22) + 37
      local a, b = compare_inputs(dtype, n)
      for _, op in ipairs { "equal", "not_equal", "less", "less_equal", "greater", "greater_equal" } do
        local ok, where = runs_agree(np[op], a, b, n)
        assert.is_true(ok, op .. ": runs differ from position " .. tostring(where))
      end
      -- into an output that starts off a 16-byte boundary
      local out = np.zeros(n + 3, "bool")
      np.less(a, b, {out = out["4:"]})
      assert.is_true(np.array_equal(out["4:"], np.less(a, b)))
      assert.is_false(out[1] or out[2] or out[3])
    end)
  end

  for _, c in ipairs { { "float32", "float64" }, { "float64", "float32" }, { "int32", "float64" },
                       { "int64", "float64" }, { "float64", "int32" }, { "float64", "int64" } } do
    it(("cast of long %s runs to %s agrees with short runs"):format(c[1], c[2]), function()
      local n = 2^22 + 37
      local src = np.linspace(-3e9, 3e9, n):astype(c[1])
      if c[1]:match("^float") then
        src[{{3, n, 101}}] = 0 / 0
        src[{{5, n, 103}}] = math.huge
        src[{{7, n, 107}}] = 1e300
      end
      local ok, where = runs_agree(function(x) return x:astype(c[2]) end, src, src, n)
      assert.is_true(ok, "runs differ from position " .. tostring(where))
      -- into an output that starts off a 16-byte boundary
      local out = np.zeros(n + 1, c[2])
      np.copyto(out["2:"], src, {casting = "unsafe"})
      assert.is_true(np.array_equal(out["2:"], src:astype(c[2]), {equal_nan = true}))
      assert.equal(0, out[1])
    end)
  end

  it("float64 division agrees wherever its output starts modulo 4 KiB", function()
    -- inputs and outputs are slices of one block, so their distances modulo
    -- 4 KiB are known: near ones take the 256-bit loop, the rest 512 bits
    local n = 3000
    local base = np.zeros(4 * 4096)
    local a, b = base[{{1, n}}], base[{{4097, 4096 + n}}]
    np.copyto(a, np.linspace(-1000, 1000, n))
    np.copyto(b, np.linspace(3, 7, n))
    local want = np.divide(a:copy(), b:copy())
    for off = 0, 511, 4 do                 -- 32 bytes apart, 0 to 4 KiB
      local s = 8193 + off
      local o = base[{{s, s + n - 1}}]
      o[{}] = 0
      np.divide(a, b, {out = o})
      assert.is_true(np.array_equal(o, want), "output " .. off * 8 .. " bytes off")
    end
  end)

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

-- Float to 64-bit integer casts of values out of range, nan and the
-- infinities (docs/numpy-differences.md, Conversions). Expected: NumPy 1.24
-- on x86-64 with its SIMD loops disabled (NPY_DISABLE_CPU_FEATURES), the
-- uint64 results as Lua shows them (wrapped to int64).
describe("casts of out-of-range floats to int64 and uint64", function()
  local v = { 0 / 0, math.huge, -math.huge, 2.0 ^ 64, 1e30, -1.0, -1e30, 2.0 ^ 63, 1.5, -2.0 ^ 31 - 1, 300.7 }
  local min = require("helper").mininteger
  local want = {
    int64 = { min, min, min, min, min, -1, min, min, 1, -2147483649, 300 },
    uint64 = { min, 0, min, 0, 0, -1, min, min, 1, -2147483649, 300 },
  }
  for _, dt in ipairs({ "int64", "uint64" }) do
    it("float64 -> " .. dt .. " (short and long runs)", function()
      for _, reps in ipairs({ 1, 7 }) do
        local t = {}
        for r = 0, reps - 1 do for i, x in ipairs(v) do t[r * #v + i] = x end end
        local got = np.array(t):astype(dt):tolist()
        for i = 1, #t do
          assert.equal(want[dt][(i - 1) % #v + 1], got[i], string.format("%s -> %s", tostring(t[i]), dt))
        end
      end
    end)
  end
end)
