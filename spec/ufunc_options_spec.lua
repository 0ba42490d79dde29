-- ufunc_options_spec.lua - the out and dtype options of the ufuncs
-- (expected values worked out by hand; the rules are NumPy's: dtype picks
-- the loop, inputs must cast to it under 'same_kind', out must have the
-- broadcast shape and take the result under 'same_kind').
local np = require "lumpy"

describe("ufunc options", function()
  local a = np.arange(4, "int32")

  it("dtype picks the loop", function()
    local r = np.add(a, a, {dtype = "float32"})
    assert.equal("float32", r.dtype.name)
    assert.same({0, 2, 4, 6}, r:tolist())
    assert.same({1.5, 2.5, 3.5, 4.5}, np.add(a, 1.5, {dtype = "float32"}):tolist())
    local w = np.multiply(a, 100, {dtype = "int8"})     -- wraps in int8
    assert.equal("int8", w.dtype.name)
    assert.same({0, 100, -56, 44}, w:tolist())
  end)

  it("dtype errors", function()
    local ok, err = pcall(np.add, np.ones(2), np.ones(2), {dtype = "int32"})
    assert.is_false(ok)
    assert.truthy(err:match("^lumpy%.add: cannot cast ufunc 'add' input 1 from float64 to int32"))
    ok, err = pcall(np.less, a, a, {dtype = "float32"})
    assert.is_false(ok)
    assert.truthy(err:match("^lumpy%.less:"))
    ok, err = pcall(np.add, a, a, {dtype = "nope"})
    assert.is_false(ok)
    assert.truthy(err:match("^lumpy%.add: data type 'nope' not understood"))
  end)

  it("out, positional or as an option, is returned and filled", function()
    local o = np.zeros(4, "float64")
    local r = np.add(a, 1, o)
    assert.equal(o, r)
    assert.same({1, 2, 3, 4}, o:tolist())
    np.multiply(a, 2, {out = o})
    assert.same({0, 2, 4, 6}, o:tolist())
    np.add(o, o, {out = o})                      -- in place
    assert.same({0, 4, 8, 12}, o:tolist())
  end)

  it("out with a broadcast and a strided view", function()
    local m = np.zeros({2, 4})
    np.add(a, np.array({{10}, {20}}), m)
    assert.same({{10, 11, 12, 13}, {20, 21, 22, 23}}, m:tolist())
    local v = m[":, ::2"]
    np.negative(v, v)
    assert.same({{-10, 11, -12, 13}, {-20, 21, -22, 23}}, m:tolist())
  end)

  it("out errors", function()
    local ok, err = pcall(np.add, a, a, np.zeros(3))
    assert.is_false(ok)
    assert.truthy(err:match("^lumpy%.add: output array of shape %(3%) does not match the broadcast shape %(4%)"))
    ok, err = pcall(np.true_divide, a, 2, np.zeros(4, "int32"))
    assert.is_false(ok)
    assert.truthy(err:match("^lumpy%.true_divide: cannot cast ufunc 'true_divide' output from float64 to int32"))
    ok, err = pcall(np.add, a, a, np.broadcast_to(np.zeros(1), {4}))
    assert.is_false(ok)
    assert.truthy(err:match("^lumpy%.add: output array is read%-only"))
    ok, err = pcall(np.add, a, a, {bogus = 1})
    assert.is_false(ok)
    assert.truthy(err:match("^lumpy%.add: unexpected option 'bogus'"))
  end)

  it("where computes only the selected elements", function()
    local d = np.array({1, 2, 0, 4})
    local o = np.full(4, -1, "float64")
    np.divide(1, d, {out = o, where = d:ne(0)})
    assert.same({1, 0.5, -1, 0.25}, o:tolist())           -- untouched where false
    local fresh = np.divide(1, d, {where = d:ne(0)})
    assert.same({1, 0.5, 0, 0.25}, fresh:tolist())        -- LumPy zero-fills
    local m = np.arange(6):reshape(2, 3)
    assert.same({{10, 0, 12}, {13, 0, 15}},
                np.add(m, 10, {where = {true, false, true}}):tolist())  -- broadcast mask
    local ok, err = pcall(np.add, m, 1, {where = {true, false}})
    assert.is_false(ok)
    assert.truthy(err:match("^lumpy%.add: where of shape %(2%) does not broadcast"))
  end)

  it("an overlapping out reads its inputs first", function()
    local x = np.arange(6, "int64")
    np.add(x["1:5"], 0, x["2:6"])                -- shift right by one
    assert.same({0, 0, 1, 2, 3, 4}, x:tolist())
  end)
end)
