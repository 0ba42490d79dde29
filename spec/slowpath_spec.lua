-- slowpath_spec.lua - np.slowpath: counts of the ufunc calls that ran a
-- generic (non-SIMD) loop, a strided inner loop, cast an operand through a
-- buffer, copied an input that overlaps the output, or buffered an operand
-- not aligned for its type.
local np = require "lumpy"

describe("np.slowpath", function()
  local a = np.linspace(0, 1, 100)
  local scalar = np.cpu_features().scalar

  it("capture returns the counts, then the function's results", function()
    local counts, r, s = np.slowpath.capture(function(x) return np.arctan2(x, x), "s" end, a)
    assert.equal(1, counts["arctan2:float64:generic"])
    assert.equal(100, r.size)
    assert.equal("s", s)
  end)

  it("a SIMD loop is not a slow path; a scalar libm level is", function()
    local counts = np.slowpath.capture(function() np.exp(a); np.add(a, a) end)
    assert.is_nil(counts["add:float64:generic"])
    assert.equal(scalar.exp and 1 or nil, counts["exp:float64:generic"])
  end)

  it("counts strided, cast and copied operands", function()
    local b = np.arange(200, "float64")
    local i32 = np.arange(100, "int32")
    local counts = np.slowpath.capture(function()
      local _ = b["::2"] + b["2::2"]            -- strided inner loop
      local _ = i32 + a                         -- int32 cast to float64
      np.add(b["1:99"], 1, {out = b["2:100"]})  -- overlapping: input copied
    end)
    assert.equal(1, counts["add:float64:strided"])
    assert.equal(1, counts["add:float64:cast"])
    assert.equal(1, counts["add:float64:copy"])
  end)

  it("counts operands not aligned for their type, which go through a buffer", function()
    local raw = np.zeros(8 * 100 + 1, "uint8")
    local m = raw[{{2, 801}}]:view("float64")   -- every element one byte off
    assert.is_false(m.flags.aligned)
    assert.is_true(a.flags.aligned)
    local counts = np.slowpath.capture(function()
      m[{}] = np.arange(100)
      local r = m + m
      assert.same(np.arange(0, 200, 2):tolist(), r:tolist())
      np.multiply(a, 2, {out = m})
    end)
    assert.equal(1, counts["add:float64:misaligned"])
    assert.equal(1, counts["multiply:float64:misaligned"])
    assert.is_nil(counts["add:float64:cast"])
  end)

  it("contiguous same-dtype calls count nothing", function()
    local counts = np.slowpath.capture(function()
      for _ = 1, 3 do local _ = a * a + a end
    end)
    assert.same({}, counts)
  end)

  it("start and stop; captures nest and the outer one sees the inner counts", function()
    np.slowpath.start()
    np.arctan2(a, a)
    local inner = np.slowpath.capture(function() np.hypot(a, a) end)
    local outer = np.slowpath.stop()
    assert.same({["hypot:float64:generic"] = 1}, inner)
    assert.equal(1, outer["arctan2:float64:generic"])
    assert.equal(1, outer["hypot:float64:generic"])
  end)

  it("capture needs a function", function()
    assert.has_error(function() np.slowpath.capture(42) end,
                     "lumpy.slowpath.capture: expected a function, got number")
  end)

  it("stop without start is an error", function()
    assert.has_error(function() np.slowpath.stop() end,
                     "lumpy.slowpath.stop: no capture was started")
  end)

  it("an error inside capture propagates and ends the capture", function()
    assert.has_error(function()
      np.slowpath.capture(function() np.arctan2(a, a); error("boom", 0) end)
    end, "boom")
    local counts = np.slowpath.capture(function() np.hypot(a, a) end)
    assert.same({["hypot:float64:generic"] = 1}, counts)
  end)
end)
