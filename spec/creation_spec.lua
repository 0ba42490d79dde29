-- creation_spec.lua: array creation, shape manipulation, astype over every
-- dtype pair, view, item, tolist, fill and copyto against NumPy
-- (spec/fixtures/creation.lua). Each case is a LumPy expression; the NumPy
-- call it was checked against is in tools/fixtures/creation.py.
local H = require "helper"
local np = require "lumpy"
local fx = H.fixture("creation")

describe("creation and shape operations", function()
  for _, c in ipairs(fx.cases) do
    it(c.code, function() H.run_case(c, fx.env) end)
  end
end)

describe("astype over every dtype pair", function()
  for _, c in ipairs(fx.astype) do
    it(c.src.dtype .. " -> " .. c.dtype, function()
      local a = H.toarray(c.src)
      H.assert_array_equal(a:astype(c.dtype), c.out, 0, "a:astype")
      H.assert_array_equal(np.array(a, c.dtype), c.out, 0, "np.array(a, dtype)")
    end)
  end
end)

describe("empty and empty_like: shape and dtype", function()
  it("np.empty({2, 3}, 'int32')", function()
    local e = np.empty({ 2, 3 }, "int32")
    assert.are.same({ 2, 3 }, e.shape)
    assert.are.equal("int32", H.dtype_name(e))
  end)
  it("np.empty(4)", function()
    local e = np.empty(4)
    assert.are.same({ 4 }, e.shape)
    assert.are.equal("float64", H.dtype_name(e))
  end)
  it("np.empty({2, 2}, {dtype = 'complex64'})", function()
    local e = np.empty({ 2, 2 }, { dtype = "complex64" })
    assert.are.same({ 2, 2 }, e.shape)
    assert.are.equal("complex64", H.dtype_name(e))
  end)
  it("np.empty_like", function()
    local e = np.empty_like(np.zeros({ 3, 1 }, "uint16"))
    assert.are.same({ 3, 1 }, e.shape)
    assert.are.equal("uint16", H.dtype_name(e))
    e = np.empty_like(np.zeros({ 3, 1 }, "uint16"), "float32")
    assert.are.equal("float32", H.dtype_name(e))
  end)
end)

describe("copies and views", function()
  it("np.copy and a:copy() do not share memory", function()
    local a = np.array({ 1, 2, 3 })
    local b, c = np.copy(a), a:copy()
    a[1] = 100
    assert.are.equal(1, b[1])
    assert.are.equal(1, c[1])
  end)
  it("np.array copies, np.asarray does not", function()
    local a = np.array({ 1.0, 2.0 })
    local b, c = np.array(a), np.asarray(a)
    a[2] = 5.0
    assert.are.equal(2.0, b[2])
    assert.are.equal(5.0, c[2])
  end)
  it("reshape of a contiguous array is a view", function()
    local a = np.arange(6)
    local b = a:reshape(2, 3)
    b["2, 3"] = 60
    assert.are.equal(60, a[6])
  end)
  it("transpose is a view", function()
    local a = np.zeros({ 2, 3 })
    local t = a:transpose()
    t["3, 1"] = 1.5
    assert.are.equal(1.5, a["1, 3"])
  end)
  it("view shares memory", function()
    local a = np.zeros(2, "int64")
    local v = a:view("float64")
    v[1] = 1.0
    assert.are.equal(0x3ff0000000000000, a[1])
  end)
  it("flatten copies, ravel of a contiguous array does not", function()
    local a = np.zeros({ 2, 2 })
    local f, r = a:flatten(), np.ravel(a)
    a["1, 1"] = 3.0
    assert.are.equal(0.0, f[1])
    assert.are.equal(3.0, r[1])
  end)
end)

describe("eye with an empty result", function()
  it("is made for any number of rows (only the diagonal is walked)", function()
    local a = np.eye(math.floor(2 ^ 31), 0)
    assert.same({math.floor(2 ^ 31), 0}, a.shape)
    a = np.eye(math.floor(2 ^ 40), 0, 1)
    assert.same({math.floor(2 ^ 40), 0}, a.shape)
    a = np.eye(0, math.floor(2 ^ 40), -3)
    assert.same({0, math.floor(2 ^ 40)}, a.shape)
  end)
  it("still puts every diagonal in place", function()
    assert.same({{0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}}, np.eye(3, 4, 1, "int64"):tolist())
    assert.same({{0, 0, 0}, {0, 0, 0}, {1, 0, 0}, {0, 1, 0}}, np.eye(4, 3, -2, "int64"):tolist())
    assert.same({{0, 0}, {0, 0}}, np.eye(2, 2, 5, "int64"):tolist())
    assert.same({{0, 0}, {0, 0}}, np.eye(2, 2, -5, "int64"):tolist())
    assert.same({{1, 0}, {0, 1}}, np.identity(2, "int64"):tolist())
  end)
end)
