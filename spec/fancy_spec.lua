-- fancy_spec.lua: advanced indexing (integer index arrays and bool masks in
-- a[...], reading and assignment) and the index functions (take, put,
-- take_along_axis, compress, choose, ix_, ravel_multi_index, ...), checked
-- against NumPy through spec/fixtures/fancy.lua (tools/fixtures/fancy.py
-- translates the 1-based positions).
local H = require "helper"
local np = require "lumpy"
local fx = H.fixture("fancy")

local function label(c)
  local keys = {}
  for k in pairs(c.env or {}) do keys[#keys + 1] = k end
  table.sort(keys)
  local parts = {}
  for _, k in ipairs(keys) do
    local v = c.env[k]
    if H.isfixture(v) then
      parts[#parts + 1] = string.format("%s:%s%s", k, v.dtype, H.shape_str and H.shape_str(v.shape) or "")
    end
  end
  return c.code .. "  [" .. table.concat(parts, " ") .. "]"
end

describe("fancy: NumPy parity", function()
  for n, c in ipairs(fx.cases) do
    it(n .. ": " .. label(c), function()
      H.run_case(c)
      if c.expect.kind == "error" and c.contains then
        local env = {}
        for k, x in pairs(c.env or {}) do env[k] = H.convert(x) end
        local ok, msg = pcall(H.eval(c.code, env))
        assert.is_false(ok)
        for _, w in ipairs(c.contains) do H.assert_contains(tostring(msg), w) end
      end
    end)
  end
end)

describe("fancy: by hand", function()
  it("reading copies, writing goes through views", function()
    local a = np.arange(6)
    local i = np.array({1, 2})
    local c = a[i]
    c[1] = 100
    assert.are.equal(0, a[1])           -- a copy: a is unchanged
    local w = a["2:6"]                  -- a view of elements 2..6
    w[np.array({1})] = 50
    assert.are.equal(50, a[2])
  end)
  it("string keys cannot hold arrays: only the table form mixes them", function()
    local a = np.arange(12):reshape(3, 4)
    -- a[{idx, "2:3"}] mixes an index array with a slice string
    local r = a[{np.array({3, 1}), "2:3"}]
    assert.are.same({{9, 10}, {1, 2}}, r:tolist())
  end)
  it("the 1-D mask fast path agrees with the general path", function()
    local a = np.arange(1000) * 1.5
    local m = np.equal(np.remainder(np.arange(1000), 7), 3)
    local fast = a[m]                   -- contiguous: the compress loop
    local slow = a["::-1"]["::-1"][m]   -- same elements through a view
    assert.is_true(fast == slow)
    assert.are.equal(143, #fast)
    -- a mask whose last element is true (the loop stops at the last true)
    local m2 = np.equal(np.remainder(np.arange(10), 3), 0)
    assert.are.same({0, 3, 6, 9}, np.arange(10)[m2]:tolist())
    local b = np.arange(10)
    b[m2] = np.array({-1, -2, -3, -4})
    assert.are.same({-1, 1, 2, -2, 4, 5, -3, 7, 8, -4}, b:tolist())
  end)
  it("the row-gather fast path checks every position", function()
    local a = np.arange(5)
    local ok, msg = pcall(function() return a[np.array({1, 2, 6})] end)
    assert.is_false(ok)
    H.assert_contains(msg, "index 6 is out of bounds for axis 1 with size 5")
    ok, msg = pcall(function() return a[np.array({-6})] end)
    assert.is_false(ok)
    H.assert_contains(msg, "index -6")
  end)
  it("uint64 positions beyond int64 are out of range, wrap takes them modulo", function()
    local a = np.arange(5)
    local big = np.array({-1}):view("uint64")      -- 2^64 - 1
    local ok, msg = pcall(function() return a[big] end)
    assert.is_false(ok)
    H.assert_contains(msg, "18446744073709551615")
    -- (2^64 - 1) - 1 = 2^64 - 2 = 18446744073709551614; mod 5 = 4: position 5
    assert.are.same({4}, np.take(a, big, nil, nil, "wrap"):tolist())
    assert.are.same({4}, np.take(a, big, nil, nil, "clip"):tolist())
  end)
  it("a bad value never writes a part of the selection", function()
    local a = np.zeros(4, "int64")
    assert.is_false(pcall(function() a[np.array({1, 2, 9})] = 7 end))
    assert.are.same({0, 0, 0, 0}, a:tolist())
    for _, p in ipairs({0, 5, -5, H.mininteger, H.maxinteger}) do
      assert.is_false(pcall(function() a[np.array({1, p})] = 7 end))
      assert.is_false(pcall(function() a[np.array({1, p})] = np.array({1, 2}) end))
      assert.is_false(pcall(function() a[np.array({1, p}, "int32")] = 7 end))
    end
    assert.is_false(pcall(np.put, a, {1, 9}, 7))
    assert.are.same({0, 0, 0, 0}, a:tolist())
  end)
  it("bool bytes other than 0 and 1 count as true", function()
    local n = 10000                               -- several 4080-byte blocks
    local bytes = np.remainder(np.arange(n), 256):astype("uint8")
    local m = bytes:view("bool")                  -- true where the byte is not 0
    local a = np.arange(n)
    local r = a[m]
    assert.are.equal(n - 40, #r)                  -- 0, 256, ..., 9984: 40 zeros
    assert.are.equal(1, r[1])
    assert.are.equal(n - 1, r[-1])
    local b = np.zeros(n, "int64")
    b[m] = 1
    assert.are.same(r:tolist(), a[b:astype("bool")]:tolist())
  end)
  it("large selections", function()
    local n = 100000
    local a = np.arange(n)
    local m = np.equal(np.remainder(a, 2), 1)
    local odd = a[m]
    assert.are.equal(H.idiv(n, 2), #odd)
    assert.are.equal(n - 1, odd[-1])
    local rev = a[np.arange(n, 0, -1)]
    assert.are.equal(n - 1, rev[1])
    assert.are.equal(0, rev[-1])
  end)
end)

describe("fancy: misaligned arrays", function()
  -- only advanced indexing touches the misaligned views here; every other
  -- operation sees aligned copies made by it
  it("take the general paths and give the same values", function()
    local bytes = np.arange(1, 42, 1, "uint8")        -- 41 bytes
    local v = bytes["2:41"]:view("int64")              -- 5 int64 at an odd address
    local ref = bytes["2:41"]:copy():view("int64")     -- the same values, aligned
    local all = np.arange(1, 6)
    local i = np.array({5, 1, -1, 3})
    assert.are.same(ref[i]:tolist(), v[i]:tolist())
    local m = np.array({true, false, true, true, false})
    assert.are.same(ref[m]:tolist(), v[m]:tolist())
    -- positions 2, 1, 5, -1 as little-endian int64 bytes at an odd address
    local raw = np.zeros(33, "uint8")
    raw["2:2"], raw["10:10"], raw["18:18"], raw["26:33"] = 2, 1, 5, 255
    local pos = raw["2:33"]:view("int64")
    assert.are.same({ref[2], ref[1], ref[5], ref[5]}, v[pos]:tolist())
    local e = ref:tolist()
    e[2], e[1], e[5] = e[1], e[2], e[4]           -- the last write to 5 wins
    v[pos] = v[np.array({1, 2, 3, 4})]
    assert.are.same(e, v[all]:tolist())
    e[1], e[3], e[4] = 7, 7, 7
    v[m] = 7
    assert.are.same(e, v[all]:tolist())
    v[i] = np.array({1, 2, 3, 4})
    e[5], e[1], e[3] = 3, 2, 4
    assert.are.same(e, v[all]:tolist())
  end)
end)

describe("fancy: random keys never crash", function()
  -- random arrays and keys (many of them invalid); every failure must be a
  -- LumPy error naming the function
  it("reads, writes and the index functions", function()
    local state = 12345
    local function R(lo, hi)              -- a small LCG: the same run every time
      state = (state * 1103515245 + 12345) % 2147483648
      if not hi then lo, hi = 1, lo end
      return lo + state % (hi - lo + 1)
    end
    local dts = {"bool", "int8", "uint8", "int32", "int64", "uint64", "float32", "complex128"}
    local function rshape()
      local s = {}
      for k = 1, R(0, 3) do s[k] = R(0, 4) end
      return s
    end
    local function rarr(s, dt)
      local n = 1
      for _, d in ipairs(s) do n = n * d end
      return np.arange(n):astype(dt):reshape(s)
    end
    local function ritem()
      local r = R(11)
      if r == 1 then return R(-6, 6)
      elseif r == 2 then return ({":", "::-1", "2:", "-2:", "1:1"})[R(5)]
      elseif r == 3 then return np.newaxis
      elseif r == 4 then return np.ellipsis
      elseif r == 5 then return R(2) == 1
      elseif r <= 8 then
        local i = np.asarray(np.remainder(rarr(rshape(), "int64") * 7, 11) - 5)
        return i:astype(({"int8", "int64", "uint8", "uint64", "int32", "float64"})[R(6)])
      elseif r <= 10 then
        return np.asarray(np.equal(np.remainder(rarr(rshape(), "int64"), R(1, 3)), 0))
      else
        return np.broadcast_to(np.array({R(-3, 3)}), {R(0, 3)})
      end
    end
    local function check(prefix, ok, msg)
      if not ok then
        assert(type(msg) == "string" and msg:sub(1, #prefix) == prefix,
               "expected an error from " .. prefix .. ", got " .. tostring(msg))
      end
    end
    local modes = {"raise", "wrap", "clip"}
    local vals = {0, 1.5, true, np.arange(3), {1, 2}}
    for _ = 1, 400 do
      local a = rarr(rshape(), dts[R(#dts)])
      if a.ndim > 0 and R(3) == 1 then a = a["::-1"] end
      local key = {}
      for k = 1, R(0, 4) do key[k] = ritem() end
      if R(3) == 1 then key = key[1] or {} end
      check("lumpy.index:", pcall(function() return a[key] end))
      check("lumpy.setindex:", pcall(function() a[key] = vals[R(#vals)] end))
      local ix = ritem()
      if type(ix) ~= "string" then
        check("lumpy.take:", pcall(np.take, a, ix, R(2) == 1 and R(-3, 3) or nil, nil, modes[R(3)]))
        check("lumpy.put:", pcall(np.put, a, ix, vals[R(#vals)], modes[R(3)]))
        check("lumpy.take_along_axis:", pcall(np.take_along_axis, a, ix, R(-3, 3)))
        check("lumpy.compress:", pcall(np.compress, ix, a, R(-2, 2)))
        check("lumpy.choose:", pcall(np.choose, ix, {a, a}))
        check("lumpy.ravel_multi_index:",
              pcall(np.ravel_multi_index, {ix, ix}, {R(0, 4), R(0, 4)}, modes[R(3)]))
        check("lumpy.unravel_index:", pcall(np.unravel_index, ix, rshape()))
      end
    end
  end)
end)

describe("diag_indices with a huge ndim", function()
  it("is an error at once (no table of 2^62 entries)", function()
    H.assert_error("lumpy.diag_indices:", np.diag_indices, 2, math.floor(2 ^ 62))
    H.assert_error("lumpy.diag_indices:", np.diag_indices, 2, 2.5)
  end)
  it("valid input gives ndim copies of 1..n, as NumPy", function()
    local a, b = np.diag_indices(3)
    assert.same({1, 2, 3}, a:tolist())
    assert.same({1, 2, 3}, b:tolist())
    assert.are.equal(4, select("#", np.diag_indices(2, 4)))
    assert.are.equal(0, select("#", np.diag_indices(2, 0)))
    assert.are.equal(0, (np.diag_indices(0, 2)).size)
    assert.are.equal(1000, select("#", np.diag_indices(2, 1000)))
  end)
end)

-- Assignments whose key, mask or value shares the destination's memory:
-- every position and mask bit is read before anything is written (NumPy
-- 1.24 itself writes out of bounds for a[a] = v). Expected values by hand.
describe("assignment through a key that shares the destination's memory", function()
  it("a[a] = v checks and uses the positions a held before the writes", function()
    local a = np.array({2, 1})
    a[a] = np.array({-100000000000, 5})       -- a[2] = -1e11, a[1] = 5
    assert.same({5, -100000000000}, a:tolist())
    a = np.array({2, 1})
    a[a] = -100000000000
    assert.same({-100000000000, -100000000000}, a:tolist())
    a = np.array({2, 1})
    a[{a}] = 1000000000
    assert.same({1000000000, 1000000000}, a:tolist())
    a = np.array({2, 1})
    np.put_along_axis(a, a, np.array({100000000000, 5}), 1)
    assert.same({5, 100000000000}, a:tolist())
  end)
  it("a mask that the writes would turn on is read first", function()
    local n, c = 1000, 10
    local base = np.zeros(n + 1, "uint8")
    base[{{1, c}}] = 1
    local dst, m = base[{{2, n + 1}}], base[{{1, n}}]:view("bool")
    dst[m] = np.full(n, 7, "uint8")[{{1, c}}]  -- exactly c values
    assert.equal(1 + 7 * c, base:sum())
    assert.equal(c + 1, np.count_nonzero(base))
    -- the same through copyto's where= and a ufunc's where=
    local b = np.zeros(6, "uint8")
    b[1] = 1
    np.copyto(b["2:6"], 1, {where = b["1:5"]:view("bool")})
    assert.same({1, 1, 0, 0, 0, 0}, b:tolist())
    b = np.zeros(6, "uint8")
    b[1] = 1
    np.add(b["2:6"], 1, {out = b["2:6"], where = b["1:5"]:view("bool")})
    assert.same({1, 1, 0, 0, 0, 0}, b:tolist())
  end)
  it("a[{}] = a.T reads a before writing it", function()
    local want = {{0, 3, 6}, {1, 4, 7}, {2, 5, 8}}
    local a = np.arange(9):reshape(3, 3)
    a[{}] = a.T
    assert.same(want, a:tolist())
    a = np.arange(9):reshape(3, 3)
    np.copyto(a, a.T)
    assert.same(want, a:tolist())
    a = np.arange(9):reshape(3, 3)
    a.T[{}] = a
    assert.same(want, a:tolist())
  end)
end)
