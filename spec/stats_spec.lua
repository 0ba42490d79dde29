-- stats_spec.lua: statistics against NumPy (spec/fixtures/stats.lua):
-- median, quantile/percentile (13 methods) and their nan forms, average,
-- diff, ediff1d, gradient, trapz, cross, convolve, correlate, cov,
-- corrcoef, histogram (+ estimators), histogram2d, bincount, digitize.
-- Each case runs Lua code with the fixture inputs in scope. Exact unless
-- the case carries ulps: cov/corrcoef/convolve/correlate (NumPy uses BLAS
-- dot products, whose summation order is not NumPy's own).
local H = require "helper"
local np = require "lumpy"
local fx = H.fixture("stats")

describe("stats: NumPy parity", function()
  for _, c in ipairs(fx.cases) do
    it(c.code, function() H.run_case(c, fx.inputs) end)
  end
end)

describe("stats: hand-checked", function()
  it("digitize positions are 1-based", function()
    -- NumPy: digitize([0.5, 1, 2.5, 9], [1, 2, 3]) = [0, 1, 2, 3]
    assert.same({1, 2, 3, 4}, np.digitize({0.5, 1, 2.5, 9}, {1, 2, 3}):tolist())
  end)
  it("bincount is indexed by value", function()
    assert.same({1, 2, 0, 1}, np.bincount({0, 1, 1, 3}):tolist())
  end)
  it("nanquantile of an all-nan line is nan, for 4- and 8-byte dtypes", function()
    local nan = 0 / 0
    for _, dt in ipairs({ "float32", "complex64", "float64" }) do
      for _, method in ipairs({ "lower", "linear", "nearest" }) do
        -- a call that plans its quantiles first, then lines with nothing to plan
        np.nanquantile(np.array({1, 2, 3}, dt), {0.1, 0.5, 0.9}, nil, {method = method})
        local r = np.nanquantile(np.array({nan, nan}, dt), {0.1, 0.5, 0.9}, nil, {method = method})
        local r2 = np.nanpercentile(np.array({{nan, nan}, {1, 2}}, dt), {10, 50}, 2, {method = method})
        for _, v in ipairs(np.real(r):tolist()) do assert.is_true(v ~= v, dt .. " " .. method) end
        for _, v in ipairs(np.real(r2[{{}, 1}]):tolist()) do assert.is_true(v ~= v, dt .. " " .. method) end
        for _, v in ipairs(np.real(r2[{{}, 2}]):tolist()) do assert.is_true(v >= 1 and v <= 2) end
      end
    end
  end)
end)

describe("stats: deliberate differences", function()
  it("histogram refuses complex input (NumPy bins it by real-part-first order and can fail)", function()
    H.assert_error("lumpy.histogram:", np.histogram, np.array({1, 2}):astype("complex128"))
  end)
end)

describe("stats: bad input", function()
  -- a deterministic sweep of odd arguments: every call either succeeds or
  -- raises an error that names the function called
  it("never crashes and names the function", function()
    local fns = {"median", "nanmedian", "quantile", "nanquantile", "percentile",
      "nanpercentile", "average", "diff", "ediff1d", "gradient", "trapz", "trapezoid",
      "cross", "convolve", "correlate", "cov", "corrcoef", "histogram",
      "histogram_bin_edges", "histogram2d", "bincount", "digitize"}
    local vals = { false, true, 0, -1, 1, 2, 3, 1.5, 0/0, 1/0, H.maxinteger,
      H.mininteger, "x", "linear", "full", {}, {1}, {1, 2, 3}, {{1, 2}, {3, 4}},
      {method = "bogus"}, {keepdims = true}, {axis = 5}, {weights = {1, 2}},
      {bins = -1}, {range = {1, 0}}, np.zeros(0), np.zeros({0, 3}), np.array(2.5),
      np.arange(6):reshape(2, 3), np.arange(6.0)["::-1"], np.ones(4, "bool"),
      np.ones(3, "complex64"), np.array({1, 0/0, 3}), np.ones(5, "uint64") }
    assert.same({}, H.fuzz { module = np, names = fns, vals = vals, seed = 12345, maxargs = 4 })
  end)
end)

describe("stats: too many arguments", function()
  -- median(a, axis), quantile(a, q, axis) and the like take NumPy's other
  -- arguments as options: more positional ones are an error naming the
  -- function, also before an options table (nils alone are no arguments)
  local a = np.arange(6.0)    -- median 2.5, as np.median(np.arange(6.0))
  it("median and nanmedian", function()
    for _, f in ipairs({ "median", "nanmedian" }) do
      assert.same({ 2.5 }, np[f](a, nil, nil, { keepdims = true }):tolist())
      assert.are.equal(2.5, np[f](a, nil, nil, {}))
      for _, args in ipairs({ { 1, 0, {} }, { 1, {}, 0 }, { nil, nil, {}, 5 }, { 1, np.zeros(1) } }) do
        local msg = H.assert_error("lumpy." .. f .. ":", np[f], a, H.unpack(args, 1, 4))
        H.assert_contains(msg, "too many arguments")
      end
    end
  end)
  it("quantile, percentile and their nan forms", function()
    for f, q in pairs({ quantile = 0.5, nanquantile = 0.5, percentile = 50, nanpercentile = 50 }) do
      assert.are.equal(2.5, np[f](a, q, nil, nil, {}))
      assert.are.equal(2.0, np[f](a, q, nil, nil, { method = "lower" }))
      for _, args in ipairs({ { 1, 0, {} }, { 1, {}, 0 }, { nil, nil, { method = "lower" }, 5 } }) do
        local msg = H.assert_error("lumpy." .. f .. ":", np[f], a, q, H.unpack(args, 1, 4))
        H.assert_contains(msg, "too many arguments")
      end
    end
  end)
end)

describe("histogram with a huge bin count", function()
  it("is an error naming the function, without an overflowed count", function()
    -- (NumPy fails here too, with an unrelated IndexError)
    for _, c in ipairs({
      { "histogram", function() return np.histogram(np.arange(4), H.maxinteger) end },
      { "histogram", function() return np.histogram(np.arange(4), math.floor(2 ^ 62)) end },
      { "histogram", function() return np.histogram(np.arange(4, "float32"), np.array(H.maxinteger)) end },
      { "histogram_bin_edges", function() return np.histogram_bin_edges(np.arange(4), H.maxinteger) end },
      { "histogram2d", function() return np.histogram2d(np.arange(4), np.arange(4), { 3, H.maxinteger }) end },
    }) do
      local msg = H.assert_error("lumpy." .. c[1] .. ":", c[2])
      H.assert_contains(msg, "too many bins")
      assert.is_nil(msg:find("-9223372036854775808", 1, true), msg)
    end
  end)
end)

describe("histogram of int64 data spanning more than 2^63", function()
  it("bins as NumPy (the span is not wrapped)", function()
    local c, e = np.histogram(np.array({H.mininteger, 2, -1, 0}), 3)
    assert.same({1, 0, 3}, c:tolist())
    assert.are.equal(4, e.size)
    assert.same({1, 0, 1, 1}, (np.histogram(np.array({H.mininteger, H.maxinteger, 0}), 4)):tolist())
    assert.same({1, 0, 3}, (np.histogram(np.array({H.mininteger, 2, -1, 0}), "sturges")):tolist())
    assert.same({1, 0, 0, 3}, (np.histogram(np.array({H.mininteger, 2, -1, 0}), "auto")):tolist())
  end)
end)
