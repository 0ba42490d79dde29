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

  it("dtype is the result's dtype: the natural loop when it is the natural result's", function()
    -- comparisons and logical ufuncs give bool: dtype = "bool" changes nothing
    assert.same({true, false}, np.equal(np.array({1, 2}), np.array({1, 3}), {dtype = "bool"}):tolist())
    assert.same({true, false}, np.logical_and(np.array({1, 2}), np.array({1, 0}), {dtype = "bool"}):tolist())
    -- the absolute value of complex numbers is real
    assert.same({3, 4}, np.abs(np.array({3, 4}):astype("complex128"), {dtype = "float64"}):tolist())
    -- a Lua integer must fit the loop of dtype, not the array's dtype
    local r = np.add(np.ones(3, "int8"), 300, {dtype = "int16"})
    assert.equal("int16", r.dtype.name)
    assert.same({301, 301, 301}, r:tolist())
    local ok, err = pcall(np.add, np.ones(3, "int8"), 300, {dtype = "int8"})
    assert.is_false(ok)
    assert.truthy(err:match("^lumpy%.add: Lua integer 300 out of bounds for int8"))
    -- a loop of dtype runs where the natural one does not exist
    r = np.bitwise_and(np.array({1, 2}, "int64"), np.array({3, 3}, "uint64"), {dtype = "int64"})
    assert.same({1, 2}, r:tolist())
    assert.same({1, 0}, np.subtract(np.array({true, false}), np.array({false, false}), {dtype = "int8"}):tolist())
  end)

  it("casting sets the rule for the inputs and out", function()
    local x = np.ones(3)
    assert.same({2, 2, 2}, np.add(x, 1, {out = np.empty(3, "int64"), casting = "unsafe"}):tolist())
    local ok, err = pcall(np.add, x, 1, {out = np.empty(3, "int64")})
    assert.is_false(ok)
    assert.truthy(err:match("^lumpy%.add: cannot cast ufunc 'add' output from float64 to int64 with casting rule 'same_kind'"))
    ok, err = pcall(np.add, np.ones(3, "int8"), np.ones(3, "int16"), {casting = "no"})
    assert.is_false(ok)
    assert.truthy(err:match("^lumpy%.add: cannot cast ufunc 'add' input 1 from int8 to int16 with casting rule 'no'"))
    assert.same({2, 2, 2}, np.add(np.ones(3, "int8"), 1, {casting = "no"}):tolist())   -- weak scalar
    ok, err = pcall(np.add, np.ones(3, "int8"), np.ones(3, "int16"), {out = np.empty(3, "int8"), casting = "safe"})
    assert.is_false(ok)
    assert.truthy(err:match("^lumpy%.add: cannot cast ufunc 'add' output from int16 to int8 with casting rule 'safe'"))
    assert.same({1, 2, 3}, np.add(np.arange(3, "int32"), 1.5, {dtype = "int32", casting = "unsafe"}):tolist())
    ok, err = pcall(np.add, np.arange(3, "int32"), 1.5, {dtype = "int32"})
    assert.is_false(ok)
    assert.truthy(err:match("^lumpy%.add: cannot cast ufunc 'add' input 2 from float64 to int32 with casting rule 'same_kind'"))
    ok, err = pcall(np.add, x, 1, {casting = "bogus"})
    assert.is_false(ok)
    assert.truthy(err:match("^lumpy%.add: casting must be one of 'no', 'equiv', 'safe', 'same_kind', or 'unsafe'"))
    local q, m = np.divmod(np.arange(3), 2, {casting = "safe"})
    assert.same({0, 0, 1}, q:tolist())
    assert.same({0, 1, 0}, m:tolist())
  end)

  it("where must be bool, and extra arguments are errors", function()
    local x = np.ones(2)
    for _, w in ipairs({ np.array({1, 0}), {1, 0} }) do
      local ok, err = pcall(np.add, x, 1, {where = w})
      assert.is_false(ok)
      assert.truthy(err:match("^lumpy%.add: where must be a bool array, got int64 data"))
    end
    assert.same({2, 0}, np.add(x, 1, {where = {true, false}}):tolist())
    local ok, err = pcall(np.add, x, 1, np.empty(2), np.empty(2))
    assert.is_false(ok)
    assert.truthy(err:match("^lumpy%.add: too many arguments: expected at most 3"))
    assert.same({2, 2}, np.add(x, 1, nil, nil):tolist())
  end)

  it("an overlapping out reads its inputs first", function()
    local x = np.arange(6, "int64")
    np.add(x["1:5"], 0, x["2:6"])                -- shift right by one
    assert.same({0, 0, 1, 2, 3, 4}, x:tolist())
  end)
end)

describe("out= of clip, round and the two-result ufuncs", function()
  local H = require "helper"
  local function x() return np.add(np.arange(3.0), 5.4) end

  it("np.clip writes into out (positional or {out=}) and returns it", function()
    local w = np.zeros(3)
    assert.is_true(rawequal(w, np.clip(x(), 0, 6, {out = w})))
    assert.same({5.4, 6.0, 6.0}, w:tolist())
    local v = np.zeros(3)
    assert.is_true(rawequal(v, np.clip(x(), 0, 6, v)))
    assert.same({5.4, 6.0, 6.0}, v:tolist())
    local m = np.zeros(3)
    assert.is_true(rawequal(m, x():clip(nil, 6, m)))
    assert.same({5.4, 6.0, 6.0}, m:tolist())
    -- out may be larger than the result (broadcast), as for ufuncs
    local big = np.zeros({2, 3})
    np.clip(x(), 0, 6, {out = big})
    assert.same({{5.4, 6.0, 6.0}, {5.4, 6.0, 6.0}}, big:tolist())
    -- where=: the other elements of out stay
    local p = np.full(3, -1.0, "float64")
    np.clip(x(), 0, 6, {out = p, where = np.array({true, false, true})})
    assert.same({5.4, -1.0, 6.0}, p:tolist())
    -- int8 out of an int64 clip (same_kind), bounds beyond int8 (Lua
    -- integers: on Lua 5.1 and LuaJIT the bounds are floats)
    if H.has("integers") then
      local i8 = np.zeros(3, "int8")
      np.clip(np.arange(3), 0, 1000, {out = i8})
      assert.same({0, 1, 2}, i8:tolist())
    end
  end)

  it("np.clip with a bad out is an error", function()
    H.assert_error("lumpy.clip:", np.clip, x(), 0, 6, {out = np.zeros(3, "int64")})
    H.assert_error("lumpy.clip:", np.clip, x(), 0, 6, {out = np.zeros(2)})
    H.assert_error("lumpy.clip:", np.clip, x(), 0, 6, {out = np.broadcast_to(np.zeros(1), {3})})
    H.assert_error("lumpy.clip:", np.clip, x(), 0, 6, 5)
    H.assert_error("lumpy.clip:", np.clip, x(), 0, 6, {bogus = 1})
    H.assert_error("lumpy.clip:", np.clip, x(), 0, 6, np.zeros(3), 1)
  end)

  it("np.round / np.around / a:round write into out and return it", function()
    local w = np.zeros(3)
    assert.is_true(rawequal(w, np.round(x(), 0, w)))
    assert.same({5.0, 6.0, 7.0}, w:tolist())
    local v = np.zeros(3, "float32")
    assert.is_true(rawequal(v, np.around(x(), 0, {out = v})))
    assert.same({5.0, 6.0, 7.0}, v:tolist())
    local u = np.zeros(3)
    assert.is_true(rawequal(u, np.round(x(), {decimals = 1, out = u})))
    assert.same({5.4, 6.4, 7.4}, u:tolist())
    local m = np.zeros(3)
    assert.is_true(rawequal(m, x():round(0, m)))
    assert.same({5.0, 6.0, 7.0}, m:tolist())
    local i8 = np.zeros(3, "int8")
    np.round(np.array({14, 25, 36}), -1, i8)
    assert.same({10, 20, 40}, i8:tolist())
  end)

  it("np.round with a bad out is an error", function()
    H.assert_error("lumpy.round:", np.round, x(), 0, np.zeros(3, "int64"))
    H.assert_error("lumpy.round:", np.round, x(), 0, np.zeros({2, 3}))
    H.assert_error("lumpy.round:", np.round, x(), 0, np.broadcast_to(np.zeros(1), {3}))
    H.assert_error("lumpy.round:", np.round, x(), 0, "x")
    H.assert_error("lumpy.around:", np.around, x(), 0, {bogus = 1})
  end)

  it("divmod / modf / frexp write into {out = {o1, o2}} and return the outs", function()
    local q, m = np.zeros(3), np.zeros(3)
    local r1, r2 = np.divmod(x(), 2, {out = {q, m}})
    assert.is_true(rawequal(r1, q) and rawequal(r2, m))
    assert.same({2.0, 3.0, 3.0}, q:tolist())
    assert.is_true(np.allclose(m, {1.4, 0.4, 1.4}))
    local f, i = np.zeros(3), np.zeros(3)
    r1, r2 = np.modf(x(), {out = {f, i}})
    assert.is_true(rawequal(r1, f) and rawequal(r2, i))
    assert.same({5.0, 6.0, 7.0}, i:tolist())
    -- one output given, the other new; positional outs
    local e = np.zeros(3, "int64")
    r1, r2 = np.frexp(np.array({1.0, 2.0, 8.0}), {out = {nil, e}})
    assert.same({0.5, 0.5, 0.5}, r1:tolist())
    assert.is_true(rawequal(r2, e))
    assert.same({1, 2, 4}, e:tolist())
    local a, b = np.zeros(3), np.zeros(3)
    np.modf(x(), a, b)
    assert.same({5.0, 6.0, 7.0}, b:tolist())
    -- an out that is also the input: both results from the original values
    local y = x()
    local z = np.zeros(3)
    np.divmod(y, 2, {out = {y, z}})
    assert.same({2.0, 3.0, 3.0}, y:tolist())
    assert.is_true(np.allclose(z, {1.4, 0.4, 1.4}))
  end)

  it("divmod / modf / frexp with a bad out are errors", function()
    H.assert_error("lumpy.divmod:", np.divmod, x(), 2, {out = {np.zeros(3, "int64"), np.zeros(3)}})
    H.assert_error("lumpy.divmod:", np.divmod, x(), 2, {out = np.zeros(3)})
    H.assert_error("lumpy.modf:", np.modf, x(), {out = {np.zeros(3), np.zeros(3), np.zeros(3)}})
    H.assert_error("lumpy.modf:", np.modf, x(), {out = {np.zeros(3), 5}})
    H.assert_error("lumpy.modf:", np.modf, x(), {out = {np.zeros(2), np.zeros(3)}})
    H.assert_error("lumpy.frexp:", np.frexp, x(), {out = {np.broadcast_to(np.zeros(1), {3}), nil}})
    H.assert_error("lumpy.frexp:", np.frexp, x(), {bogus = 1})
    H.assert_error("lumpy.modf:", np.modf, x(), 5)
  end)

  it("divmod / modf / frexp count their arguments as the other ufuncs do", function()
    -- trailing nils are no arguments (NumPy's out=None)
    local q, r = np.divmod(x(), 2, nil, nil, nil)
    assert.same({2.0, 3.0, 3.0}, q:tolist())
    assert.is_true(np.allclose(r, {1.4, 0.4, 1.4}))
    local a, b = np.zeros(3), np.zeros(3)
    np.modf(x(), a, b, nil, nil)
    assert.same({5.0, 6.0, 7.0}, b:tolist())
    local m, e = np.frexp(np.array({1.0, 2.0, 8.0}), {casting = "same_kind"}, nil)
    assert.same({0.5, 0.5, 0.5}, m:tolist())
    assert.same({1, 2, 4}, e:tolist())
    assert.same({2, 2}, np.add(np.ones(2), 1, nil, nil):tolist())
    -- one message for too many, in the words of add's
    H.assert_error("lumpy.add: too many arguments: expected at most 3 (the inputs and an output "
      .. "or options table), got 4", np.add, np.ones(2), 1, np.empty(2), np.empty(2))
    H.assert_error("lumpy.negative: too many arguments: expected at most 2 (the input and an output "
      .. "or options table), got 3", np.negative, np.ones(2), np.empty(2), np.empty(2), nil)
    H.assert_error("lumpy.divmod: too many arguments: expected at most 4 (the inputs and two outputs "
      .. "or an options table), got 5", np.divmod, x(), 2, a, b, np.zeros(3), nil)
    H.assert_error("lumpy.modf: too many arguments: expected at most 3 (the input and two outputs "
      .. "or an options table), got 4", np.modf, x(), a, b, {})
    H.assert_error("lumpy.frexp: too many arguments: expected at most 3 (the input and two outputs "
      .. "or an options table), got 5", np.frexp, x(), nil, nil, nil, 1)
    H.assert_error("lumpy.frexp: expected 1 argument, got 0", np.frexp)
    -- and the functions that take an axis before their options table
    H.assert_error("lumpy.median: too many arguments: expected at most 2 (the array and an axis), got 3",
      np.median, np.ones(3), 1, 0, {})
    H.assert_error("lumpy.concatenate: too many arguments: expected at most 2 (the arrays and an axis), "
      .. "got 3", np.concatenate, { np.ones(2) }, 1, np.zeros(2), nil)
  end)
end)
