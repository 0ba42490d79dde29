-- slicing_spec.lua: basic indexing in LumPy's syntax (1-based, inclusive
-- slices, negative from the end) for reading and writing, checked against
-- the equivalent NumPy index (spec/fixtures/slicing.lua; the translation is
-- tools/fixtures/slicing.py).
local H = require "helper"
local np = require "lumpy"
local fx = H.fixture("slicing")

local function base(shape)
  local n = H.prod(shape)
  local data = {}
  for i = 1, n do data[i] = i end
  return H.toarray({ dtype = "int64", shape = shape, data = data })
end

-- fixture table form -> LumPy table index
local function tindex(t)
  local out = {}
  for i, x in ipairs(t) do
    if x == "newaxis" then out[i] = np.newaxis
    elseif x == "..." then out[i] = np.ellipsis
    else out[i] = x end
  end
  return out
end

local function label(c)
  return string.format("%s[\"%s\"]  (numpy %s)", H.shape_str(c.shape), c.index, c.numpy)
end

local function check_read(r, c, how)
  if c.scalar then
    assert(not H.isarray(r), how .. ": NumPy gives a scalar here, LumPy should give a Lua value")
  else
    assert(H.isarray(r), how .. ": NumPy gives an array here, got " .. type(r))
  end
  H.assert_array_equal(r, c.out, 0, how)
end

describe("slicing: read", function()
  for _, c in ipairs(fx.reads) do
    it(label(c), function()
      local a = base(c.shape)
      check_read(a[c.index], c, "string form")
      check_read(a[tindex(c.table)], c, "table form")
      if #c.table == 1 and H.mtype(c.table[1]) == "integer" then
        check_read(a[c.table[1]], c, "integer form")
      end
    end)
  end
end)

describe("slicing: write", function()
  for _, c in ipairs(fx.writes) do
    it(label(c) .. " = " .. (H.isfixture(c.value) and ("array " .. H.shape_str(c.value.shape))
                              or tostring(c.value)), function()
      local v = H.convert(c.value)
      local a = base(c.shape)
      a[c.index] = v
      H.assert_array_equal(a, c.out, 0, "string form")
      a = base(c.shape)
      a[tindex(c.table)] = v
      H.assert_array_equal(a, c.out, 0, "table form")
      if #c.table == 1 and H.mtype(c.table[1]) == "integer" then
        a = base(c.shape)
        a[c.table[1]] = v
        H.assert_array_equal(a, c.out, 0, "integer form")
      end
    end)
  end
end)

describe("slicing: errors", function()
  for _, c in ipairs(fx.errors) do
    it(H.shape_str(c.shape) .. "[\"" .. c.index .. "\"] raises", function()
      local a = base(c.shape)
      H.assert_error("lumpy.", function() return a[c.index] end)
      H.assert_error("lumpy.", function() a[c.index] = 0 end)
    end)
  end
  it("integer positions out of range raise", function()
    local a = base({ 10 })
    H.assert_error("lumpy.", function() return a[11] end)
    H.assert_error("lumpy.", function() return a[-11] end)
    H.assert_error("lumpy.", function() return a[0] end)
    H.assert_error("lumpy.", function() a[11] = 1 end)
    H.assert_error("lumpy.", function() a[0] = 1 end)
    H.assert_error("lumpy.", function() return a[{ 1, 1 }] end)
    H.assert_error("lumpy.", function() return a[{ { 1, 5, 0 } }] end)
  end)
  it("an index string with an integer beyond int64 says so, with the number as written", function()
    -- NumPy 2: IndexError "cannot fit 'int' into an index-sized integer"
    local a = base({ 10 })
    for _, s in ipairs({ "99999999999999999999", "-99999999999999999999", "9223372036854775808",
                         "-9223372036854775809", "+123456789012345678901234567890" }) do
      H.assert_error("lumpy.index: cannot fit " .. s .. " into an index-sized integer",
        function() return a[s] end)
      H.assert_error("lumpy.setindex: cannot fit " .. s .. " into an index-sized integer",
        function() a[s] = 0 end)
      H.assert_error("lumpy.index: cannot fit " .. s .. " into an index-sized integer",
        function() return base({ 2, 3 })["1, " .. s] end)
    end
    -- int64's own ends are positions, out of bounds here
    H.assert_error("lumpy.index: index 9223372036854775807 is out of bounds for axis 1 with size 10",
      function() return a["9223372036854775807"] end)
    H.assert_error("lumpy.index: index -9223372036854775808 is out of bounds for axis 1 with size 10",
      function() return a["-9223372036854775808"] end)
    -- as slice bounds and steps they are fine: NumPy clamps them (a[0:B],
    -- a[::B], a[::-B], a[-B:3], a[B::-1], a[2:-B:-1], a[1:B:3])
    local B = "99999999999999999999"
    assert.are.same({ 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, a["1:" .. B]:tolist())
    assert.are.same({ 1 }, a["::" .. B]:tolist())
    assert.are.same({ 10 }, a["::-" .. B]:tolist())
    assert.are.same({ 1, 2, 3 }, a["-" .. B .. ":3"]:tolist())
    assert.are.same({ 10, 9, 8, 7, 6, 5, 4, 3, 2, 1 }, a[B .. "::-1"]:tolist())
    assert.are.same({ 3, 2, 1 }, a["3:-" .. B .. ":-1"]:tolist())
    assert.are.same({ 2, 5, 8 }, a["2:" .. B .. ":3"]:tolist())
  end)
  it("a value that does not broadcast to the target raises and writes nothing", function()
    local x = np.zeros(4)
    local msg = H.assert_error("lumpy.setindex:", function() x[2] = np.array({ 7, 8, 9 }) end)
    H.assert_contains(msg, "could not broadcast input array from shape (3) into shape ()")
    H.assert_error("lumpy.setindex:", function() x[3] = np.zeros({ 0 }) end)
    H.assert_error("lumpy.setindex:", function() x["2:3"] = np.ones({ 2, 2 }) end)
    H.assert_error("lumpy.setindex:", function() x[x:eq(0)] = np.ones({ 2, 4 }) end)
    H.assert_error("lumpy.setindex:", function() x[np.array({ 1, 2 })] = np.ones({ 2, 2 }) end)
    assert.are.same({ 0, 0, 0, 0 }, x:tolist())
    local y = np.zeros(8, "bool")           -- an empty reversed view read nothing out of bounds
    H.assert_error("lumpy.setindex:", function() y[3] = np.zeros({ 2, 0, 3 }, "int64")["::-1"] end)
    local z = np.zeros({ 1, 3 })             -- a length-1 target axis takes only length 1
    H.assert_error("lumpy.setindex:", function() z[{}] = np.ones({ 2, 3 }) end)
    H.assert_error("lumpy.setindex:", function() np.zeros(1)[{}] = np.zeros({ 0 }) end)
  end)
  it("leading length-1 axes of the value are dropped, as in NumPy", function()
    local x = np.zeros(4)
    x["2:2"] = np.full({ 1, 1, 1 }, 5)
    x[{}] = x + np.ones({ 1, 1, 4 })
    assert.are.same({ 1, 6, 1, 1 }, x:tolist())
    x[np.array({ 1, 4 })] = np.array({ { 7, 9 } })
    assert.are.same({ 7, 6, 1, 9 }, x:tolist())
  end)
end)

describe("slicing: views share memory", function()
  it("a slice is a view", function()
    local a = base({ 10 })
    local b = a["2:5"]
    b[1] = 100
    assert.are.equal(100, a[2])
    a[5] = 500
    assert.are.equal(500, b[4])
  end)
  it("a reversed 2-d slice is a view", function()
    local a = base({ 4, 5 })
    local b = a["::-1, 2:4"]
    b[1][1] = -7            -- a[4][2]
    assert.are.equal(-7, a[{ 4, 2 }])
    assert.are.equal(-7, a["4, 2"])
  end)
  it("integer index drops an axis and gives a view", function()
    local a = base({ 2, 3, 4 })
    local b = a[2]
    assert.are.same({ 3, 4 }, b.shape)
    b["3, 4"] = 0
    assert.are.equal(0, a["2, 3, 4"])
  end)
  it("writing through a newaxis view", function()
    local a = base({ 3 })
    local b = a["newaxis, :"]
    b["1, 2"] = 42
    assert.are.equal(42, a[2])
  end)
end)

describe("index tables with keys that are not a sequence", function()
  local H = require "helper"
  local function X() return np.arange(6):reshape{2, 3} end
  it("are errors for reading", function()
    local x = X()
    H.assert_error("lumpy.index:", function() return x[{right = 5}] end)
    H.assert_error("lumpy.index:", function() return x[{[3] = 1}] end)
    H.assert_error("lumpy.index:", function() return x[{1, foo = 2}] end)
    H.assert_error("lumpy.index:", function() return x[{1, nil, 2}] end)
    H.assert_error("lumpy.index:", function() return x[np] end)
    H.assert_error("lumpy.index:", function() return x[{1, {1, 2, step = 2}}] end)
    H.assert_error("lumpy.index:", function() return x[{{[2] = 3}}] end)
  end)
  it("are errors for writing, and write nothing", function()
    local x = X()
    H.assert_error("lumpy.setindex:", function() x[{right = 5}] = 7 end)
    H.assert_error("lumpy.setindex:", function() x[{2, foo = 1}] = 7 end)
    assert.same({{0, 1, 2}, {3, 4, 5}}, x:tolist())
  end)
  it("sequences, {} and ranges still work", function()
    local x = X()
    assert.same({{0, 1, 2}, {3, 4, 5}}, x[{}]:tolist())
    assert.same({1, 2}, x[{1, {2, 3}}]:tolist())
    assert.same({0, 2}, x[{1, {1, 3, 2}}]:tolist())
    assert.same({3, 4, 5}, x[{2, {}}]:tolist())
  end)
end)
