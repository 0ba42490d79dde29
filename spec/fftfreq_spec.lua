-- fftfreq_spec.lua: np.fft's helper functions fftfreq, rfftfreq, fftshift
-- and ifftshift against NumPy (spec/fixtures/fftfreq.lua; each LumPy
-- expression's NumPy call is in tools/fixtures/fftfreq.py): values bit for
-- bit, dtypes, shapes, 1-based axes, and NumPy's errors.
local H = require "helper"
local np = require "lumpy"
local fx = H.fixture("fftfreq")

local function run(c)
  local env = {}
  for k, x in pairs(fx.env) do env[k] = H.convert(x) end
  local chunk = H.eval(c.code, env)
  if c.expect.kind == "error" then
    local name = c.code:match("^np%.fft%.([%w_]+)%(")
    local msg = H.assert_error("lumpy.fft." .. name .. ":", chunk)
    if c.msg then H.assert_contains(msg, c.msg) end
    return
  end
  H.check_expect(H.pack(chunk()), c.expect, 0, c.code)
end

describe("np.fft helpers against NumPy", function()
  for _, c in ipairs(fx.cases) do
    it(c.code, function() run(c) end)
  end
end)

describe("np.fft helpers", function()
  it("return new arrays: a shift never views its input", function()
    local v = np.arange(6.0)
    local s = np.fft.fftshift(v)
    s[1] = 100
    assert.equal(0, v[1])
    local z = np.fft.ifftshift(v, {})
    z[1] = 100
    assert.equal(0, v[1])
  end)

  it("undo each other for every length", function()
    for n = 0, 9 do
      local v = np.arange(n)
      assert.is_true(np.array_equal(np.fft.ifftshift(np.fft.fftshift(v)), v))
    end
  end)

  it("never crash on bad input and name the function", function()
    local vals = { false, true, 0, -1, 1, 2, 7, 1.5, 0 / 0, 1 / 0, H.maxinteger, "x", {}, { 1 },
      { 1, 2 }, { 5 }, { d = 0 }, { axes = 9 }, np.zeros(0), np.array(2.5), np.arange(6):reshape(2, 3) }
    assert.same({}, H.fuzz { module = np.fft, prefix = "fft.", names = { "fftfreq", "rfftfreq",
      "fftshift", "ifftshift" }, vals = vals, calls = 2000 })
  end)
end)
