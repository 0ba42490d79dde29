-- manip_spec.lua: array manipulation (concatenate, stack and its variants,
-- block, split and its variants, tile, repeat, flip, roll, rot90, pad,
-- append, insert, delete, resize, trim_zeros) against NumPy
-- (spec/fixtures/manip.lua; each LumPy expression's NumPy call is in
-- tools/fixtures/manip.py). Also: which results are views of the inputs
-- (as NumPy's are), error messages, and inputs that must not crash.
local H = require "helper"
local np = require "lumpy"
local fx = H.fixture("manip")

-- the array that owns the memory of a (its base, or itself)
local function owner(a) return a.base or a end

local function views_input(r, env)
  if not H.isarray(r) then
    if type(r) ~= "table" or #r == 0 then return false end
    for _, x in ipairs(r) do if not views_input(x, env) then return false end end
    return true
  end
  if r.size == 0 then return false end
  for _, x in pairs(env) do
    if H.isarray(x) and rawequal(owner(r), owner(x)) then return true end
  end
  return false
end

local function run(c)
  local env = {}
  for k, x in pairs(fx.env) do env[k] = H.convert(x) end
  local chunk = H.eval(c.code, env)
  if c.expect.kind == "error" then
    local name = c.code:match("^np%.([%w_]+)%(") or c.code:match("^np%['([%w_]+)'%]")
    name = name and name:gsub("_$", "") or ""
    local msg = H.assert_error("lumpy." .. name, chunk)
    assert(msg:find("^lumpy%.[%w_]+: "), "error does not name the function: " .. msg)
    if c.msg then H.assert_contains(msg, c.msg) end
    return
  end
  local res = H.pack(chunk())
  H.check_expect(res, c.expect, 0, c.code)
  if c.view ~= nil then
    local v = views_input(res[1], env)
    if v ~= c.view then
      error(("%s: NumPy's result %s the input's memory, LumPy's %s"):format(c.code,
        c.view and "shares" or "does not share", v and "does" or "does not"))
    end
  end
end

describe("manipulation against NumPy", function()
  for _, c in ipairs(fx.cases) do
    it(c.code, function() run(c) end)
  end
end)

describe("pad's statistic modes", function()
  for _, c in ipairs(fx.stat) do
    if np.mean and np.max and np.min then
      it(c.code, function() run(c) end)
    else
      pending(c.code .. " (needs np.max, np.min, np.mean)")
    end
  end
end)

describe("bad input raises an error naming the function", function()
  local a6 = np.arange(6)
  local big = H.maxinteger
  for _, c in ipairs {
    -- NumPy 2 refuses float repeats (NumPy 1.24, which writes the fixtures, truncated them)
    { "repeat", function() return np.repeat_(a6, 1.5) end },
    { "repeat", function() return np.repeat_(a6, big) end },
    { "repeat", function() return np.repeat_(a6, { big, big, 1, 1, 1, 1 }) end },
    { "tile", function() return np.tile(a6, { math.floor(2 ^ 40), math.floor(2 ^ 40) }) end },
    { "pad", function() return np.pad(a6, math.floor(2 ^ 62)) end },
    { "pad", function() return np.pad(a6, big) end },
    { "pad", function() return np.pad(a6, { { 1, 2 }, { 3, 4 } }) end },
    { "concatenate", function() return np.concatenate({ a6, print }) end },
    { "concatenate", function() return np.concatenate({ a6 }, 1.5) end },
    { "concatenate", function() return np.concatenate({ a6, a6 }, 1, { out = a6 }) end },
    { "concatenate", function() return np.concatenate({ a6 }, 1, { bogus = 1 }) end },
    { "concatenate", function() return np.concatenate({ a6 }, 1, 2, {}) end },
    { "concatenate", function() return np.concatenate({ a6 }, 1, 3) end },
    { "insert", function() return np.insert(a6, print, 1) end },
    { "insert", function() return np.insert(a6, big, 1) end },
    { "insert", function() return np.insert(a6, { H.mininteger }, 1) end },
    { "insert", function() return np.insert(a6, 0, 1) end },
    { "delete", function() return np.delete(a6, print) end },
    { "delete", function() return np.delete(a6, H.mininteger) end },
    { "delete", function() return np.delete(a6, 0) end },
    { "split", function() return np.split(a6, { 0 }) end },
    { "split", function() return np.split(a6, 2.5) end },
    { "array_split", function() return np.array_split(a6, big) end },
    { "resize", function() return np.resize(a6, { math.floor(2 ^ 40), math.floor(2 ^ 40) }) end },
    { "stack", function() return np.stack({ a6, a6 }, "x") end },
    { "rot90", function() return np.rot90(a6:reshape(2, 3), 1.5) end },
    { "flip", function() return np.flip(a6, "x") end },
    { "trim_zeros", function() return np.trim_zeros(np.array(0)) end },
  } do
    it(c[1], function() H.assert_error("lumpy." .. c[1] .. ":", c[2]) end)
  end
end)

describe("manipulation details", function()
  it("concatenate: too many arguments before the options table", function()
    -- NumPy's third positional argument is out; LumPy takes it as an option
    local msg = H.assert_error("lumpy.concatenate:", np.concatenate, { np.arange(2) }, 1, np.zeros(2), {})
    H.assert_contains(msg, "too many arguments")
    H.assert_contains(H.assert_error("lumpy.concatenate:", np.concatenate, { np.arange(2) }, 1, np.zeros(2)),
      "too many arguments")
    -- nils alone are no arguments (NumPy's out=None)
    assert.same({ 0, 1, 0, 1, 2 }, np.concatenate({ np.arange(2), np.arange(3) }, nil, nil):tolist())
    local r = np.concatenate({ np.arange(2), np.arange(3) }, 1, nil, { dtype = "float32" })
    assert.are.equal("float32", r.dtype.name)
    assert.same({ 0, 1, 0, 1, 2 }, r:tolist())
  end)
  it("repeat is also reachable by its keyword-free alias and as a method", function()
    local a = np.array({ 1, 2 })
    assert.are.same({ 1, 1, 2, 2 }, np["repeat"](a, 2):tolist())
    assert.are.same({ 1, 1, 2, 2 }, np.repeat_(a, 2):tolist())
    assert.are.same({ 1, 2, 2 }, a:repeat_({ 1, 2 }):tolist())
  end)
  it("views write through to the input (flip, split, rot90)", function()
    local a = np.arange(6):reshape(2, 3)
    np.flip(a)[{ 1, 1 }] = 50          -- a[2, 3]
    np.split(a, 2)[1][{ 1, 1 }] = 10   -- a[1, 1]
    np.rot90(a)[{ 1, 1 }] = 20         -- a[1, 3]
    assert.are.same({ { 10, 1, 20 }, { 3, 4, 50 } }, a:tolist())
  end)
  it("trim_zeros on n-d arrays trims the zero border on every axis (NumPy 2.2)", function()
    -- worked by hand: the nonzero elements sit in rows 2..3, columns 2..3
    local m = np.array({ { 0, 0, 0, 0 }, { 0, 1, 0, 0 }, { 0, 0, 2, 0 } })
    assert.are.same({ { 1, 0 }, { 0, 2 } }, np.trim_zeros(m):tolist())
    assert.are.same({ { 1, 0, 0 }, { 0, 2, 0 } }, np.trim_zeros(m, "f"):tolist())
    assert.are.same({ { 0, 0, 0 }, { 0, 1, 0 }, { 0, 0, 2 } }, np.trim_zeros(m, "b"):tolist())
    assert.are.same({ { 2, 0 }, { 0, 1 } }, np.trim_zeros(m["::-1, ::-1"]):tolist())
    assert.are.same({ 0, 0 }, np.trim_zeros(np.zeros({ 2, 3 })).shape)
    local t = np.zeros({ 2, 3, 4 }, "complex128")
    t[{ 2, 2, 3 }] = np.complex(0, 1)
    assert.are.same({ 1, 1, 1 }, np.trim_zeros(t).shape)
  end)
  it("concatenate into an out that overlaps its inputs", function()
    local x = np.arange(10.0)
    np.concatenate({ x["6:10"], x["1:5"] }, 1, { out = x })
    assert.are.same({ 5.0, 6.0, 7.0, 8.0, 9.0, 0.0, 1.0, 2.0, 3.0, 4.0 }, x:tolist())
  end)
  it("concatenate into a strided out (a column of a matrix, reversed)", function()
    local m = np.zeros({ 5, 2 }, "int32")
    local col = m[{ { -1, 1, -1 }, 2 }]     -- column 2, bottom to top
    local r = np.concatenate({ np.arange(2), np.arange(10, 13) }, 1, { out = col })
    assert.is_true(rawequal(r, col))
    assert.are.same({ { 0, 12 }, { 0, 11 }, { 0, 10 }, { 0, 1 }, { 0, 0 } }, m:tolist())
  end)
  it("every dtype: concatenate, split, repeat, roll, flip and edge pad agree with arange", function()
    -- worked by hand: the pieces of arange(5) put back together are arange(5)
    for _, dt in ipairs { "bool", "int8", "int16", "int32", "int64", "uint8", "uint16",
                          "uint32", "uint64", "float32", "float64", "complex64", "complex128" } do
      local a = np.arange(5):astype(dt)
      local want = a:tolist()
      local function same(x, what)
        assert.are.equal(dt, x.dtype.name, what)
        assert.are.same(want, x:tolist(), dt .. " " .. what)
      end
      same(np.concatenate({ a["1:2"], a["3:5"] }), "concatenate")
      same(np.concatenate(np.split(a, { 2, 4 })), "split")
      same(np.roll(np.roll(a, 2), -2), "roll")
      same(np.flip(np.flip(a)), "flip")
      same(np.repeat_(a, 2)["::2"], "repeat")
      same(np.pad(a, 2, "edge")["3:7"], "pad")
      same(np.delete(np.insert(a, 3, a[1]), 3), "insert/delete")
    end
  end)
  it("concatenate of many contiguous and strided inputs", function()
    local parts, want = {}, {}
    for i = 1, 50 do
      local p = np.arange(i, i + 3)
      if i % 2 == 0 then p = p["::-1"] end
      parts[i] = p
      for _, v in ipairs(p:tolist()) do want[#want + 1] = v end
    end
    assert.are.same(want, np.concatenate(parts):tolist())
  end)
end)

describe("block with deeply nested lists", function()
  local function nest(k) local t = np.ones(1); for _ = 1, k do t = {t} end return t end
  it("a list that contains itself is an error, not an endless recursion", function()
    local t = {}; t[1] = t
    H.assert_error("lumpy.block:", np.block, t)
    local u = {np.ones(2)}; u[2] = u
    H.assert_error("lumpy.block:", np.block, u)
  end)
  it("allows 32 levels, as arrays have at most 32 dimensions", function()
    assert.are.equal(32, np.block(nest(32)).ndim)
    H.assert_error("lumpy.block:", np.block, nest(33))
  end)
end)
