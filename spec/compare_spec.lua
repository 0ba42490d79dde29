-- compare_spec.lua - comparisons with Lua integers outside the array's
-- range compare by value, as in NumPy 2 (expected values worked out by
-- hand: every uint8 is below 300 and above -1, and so on); arithmetic with
-- such integers is an error, as in NumPy 2.
local H = require "helper"
local np = require "lumpy"

describe("comparison with out-of-range Lua integers", function()
  local u8 = np.array({0, 7, 255}, "uint8")
  local i8 = np.array({-128, 0, 127}, "int8")
  local u64 = np.array({0, 5}, "uint64")

  it("uint8 against 300 and -1", function()
    assert.same({true, true, true}, np.less(u8, 300):tolist())
    assert.same({false, false, false}, np.equal(u8, 300):tolist())
    assert.same({true, true, true}, np.not_equal(u8, -1):tolist())
    assert.same({true, true, true}, np.greater(u8, -1):tolist())
    assert.same({false, false, false}, np.less_equal(u8, -1):tolist())
    assert.same({true, true, true}, u8:ge(-1):tolist())
  end)

  it("int8 against 200 and -200, either side", function()
    assert.same({false, false, false}, np.greater_equal(i8, 200):tolist())
    assert.same({true, true, true}, np.greater(i8, -200):tolist())
    assert.same({true, true, true}, np.less(-200, i8):tolist())
    assert.same({false, false, false}, np.equal(200, i8):tolist())
  end)

  it("uint64 against a negative integer", function()
    assert.same({true, true}, np.greater(u64, -1):tolist())
    assert.same({false, false}, np.equal(u64, H.mininteger):tolist())
  end)

  it("in-range integers keep the array's dtype", function()
    assert.same({false, true, true}, np.greater(u8, 0):tolist())
  end)

  it("arithmetic with an out-of-range integer is still an error", function()
    local ok, err = pcall(np.add, u8, 300)
    assert.is_false(ok)
    assert.truthy(err:match("^lumpy%.add: Lua integer 300 out of bounds for uint8"))
  end)
end)
