-- creation_options_spec.lua - options of the creation and shape functions:
-- order, copy, nil placeholders, unknown options (expected values worked
-- out by hand or printed by NumPy: np.arange(6).reshape((2, 3), order='F')
-- is [[0 2 4] [1 3 5]]).
local H = require "helper"
local np = require "lumpy"

describe("creation and shape options", function()
  it("arange takes nil for a default bound or step", function()
    assert.same({0, 1, 2}, np.arange(3, nil, nil, "float32"):tolist())
    assert.equal("float32", np.arange(3, nil, nil, "float32").dtype.name)
    assert.same({0, 1, 2, 3}, np.arange(nil, 4):tolist())
    assert.same({2, 3, 4}, np.arange(2, 5, nil):tolist())
  end)

  it("arange near the ends of the integer range", function()
    local ok, err = pcall(np.arange, H.mininteger, H.maxinteger)
    assert.is_false(ok)
    assert.truthy(err:match("^lumpy%.arange:"))
    assert.same({10, 7, 4}, np.arange(10, 1, -3):tolist())
    assert.same({}, np.arange(0, 10, -1):tolist())
    if H.lacks("bigints") then return end      -- maxinteger - 2 is no double
    assert.same({H.maxinteger - 2, H.maxinteger - 1},
                np.arange(H.maxinteger - 2, H.maxinteger):tolist())
  end)

  it("order = 'F' for creation, conversion and copies", function()
    assert.is_true(np.zeros({2, 3}, {order = "F"}).flags.f_contiguous)
    assert.is_true(np.array({{1, 2}, {3, 4}}, {order = "F"}).flags.f_contiguous)
    assert.is_true(np.asarray({{1, 2}, {3, 4}}, {order = "F"}).flags.f_contiguous)
    local a = np.arange(6):reshape(2, 3)
    assert.is_true(np.copy(a.T).flags.f_contiguous)          -- order 'K'
    assert.is_true(a.T:copy().flags.c_contiguous)            -- method: 'C'
    assert.same({{0, 3}, {1, 4}, {2, 5}}, np.array(a.T, {order = "F"}):tolist())
  end)

  it("reshape with order = 'F'", function()
    local a = np.arange(6)
    assert.same({{0, 2, 4}, {1, 3, 5}}, a:reshape({2, 3}, {order = "F"}):tolist())
    assert.same({{0, 2, 4}, {1, 3, 5}}, a:reshape(2, 3, {order = "F"}):tolist())
    assert.same({{0, 3}, {1, 4}, {2, 5}}, np.reshape(a, {3, 2}, {order = "F"}):tolist())
    assert.same({{1, 2}, {3, 4}}, np.reshape({1, 2, 3, 4}, {2, 2}):tolist())
  end)

  it("copy = false never copies, and says so when it would have to", function()
    local a = np.arange(4)
    assert.is_true(rawequal(a, np.array(a, {copy = false})))
    for _, call in ipairs {
      function() return np.array({1, 2}, {copy = false}) end,
      function() return np.array(a, {dtype = "float32", copy = false}) end,
    } do
      local ok, err = pcall(call)
      assert.is_false(ok)
      assert.truthy(err:match("^lumpy%.array: unable to avoid a copy"))
    end
  end)

  it("unknown options are errors", function()
    for name, call in pairs {
      zeros = function() return np.zeros(3, {bogus = 1}) end,
      array = function() return np.array({1}, {bogus = 1}) end,
      full_like = function() return np.full_like(np.ones(2), 3, {bogus = 1}) end,
      arange = function() return np.arange(3, {bogus = 1}) end,
      linspace = function() return np.linspace(0, 1, 3, {axis = 1}) end,
      eye = function() return np.eye(2, {bogus = 1}) end,
      reshape = function() return np.arange(4):reshape({2, 2}, {bogus = 1}) end,
      astype = function() return np.arange(4):astype("int8", {bogus = 1}) end,
    } do
      local ok, err = pcall(call)
      assert.is_false(ok, name)
      assert.truthy(err:match("^lumpy%." .. name .. ": unexpected option"), err)
    end
  end)
end)
