-- sort_spec.lua: sorting and searching against NumPy (spec/fixtures/sort.lua,
-- written by tools/fixtures/sort.py): sort, argsort, lexsort, partition,
-- argpartition, searchsorted, unique, nonzero, argwhere, flatnonzero, where,
-- select, extract, place, isin and the set operations. Partitions are
-- checked for validity against NumPy's sorted values (the order within
-- each side of a partition is not specified).
local H = require "helper"
local np = require "lumpy"
local fx = H.fixture("sort")

local inputs = H.lazy(fx.inputs)

local function group(code)
  local f = code:match("^np%.([%w_]+)%(") or code:match("^[%w_]+:([%w_]+)%(")
  if f then return f end
  return code:match("np%.([%w_]+)%(") or code:match(":([%w_]+)%(") or "other"
end

local groups, order = {}, {}
for _, c in ipairs(fx.cases) do
  local g = group(c.code)
  if not groups[g] then groups[g] = {}; order[#order + 1] = g end
  table.insert(groups[g], c)
end

for _, g in ipairs(order) do
  describe(g, function()
    for i, c in ipairs(groups[g]) do
      it(string.format("#%d %s", i, c.code), function()
        H.run_case(c, inputs)
        for _, code in ipairs(c.also or {}) do
          H.run_case({code = code, env = c.env, expect = c.expect, fn = c.fn}, inputs)
        end
      end)
    end
  end)
end

-- ---------------------------------------------------------- partitions
-- the sort order of LumPy values: nan last; complex by real, then imaginary
local function key(v)
  if type(v) == "number" then return {v} end
  if type(v) == "boolean" then return {v and 1 or 0} end
  local re, im = H.re_im(v)
  return {re, im}
end
local unsigned = false    -- compare Lua integers as uint64
local function less_num(x, y)
  if unsigned and H.mtype(x) == "integer" then return H.ult(x, y) end
  return x < y or (y ~= y and x == x)
end
local function less(a, b)
  local ka, kb = key(a), key(b)
  for i = 1, #ka do
    if less_num(ka[i], kb[i]) then return true end
    if less_num(kb[i], ka[i]) then return false end
  end
  return false
end
local function same(a, b)
  return not less(a, b) and not less(b, a)
end

-- the lines of array x along axis (LumPy axis), as Lua lists
local function lines(x, axis)
  if x.ndim == 0 then return {{x:item()}} end
  local m = np.moveaxis(x, axis, -1)
  local out = {}
  local function walk(t, d)
    if d == m.ndim then out[#out + 1] = t; return end
    for _, s in ipairs(t) do walk(s, d + 1) end
  end
  if m.size > 0 then walk(m:tolist(), 1) end
  return out
end

local function check_line(r, s, kth, what)
  assert(#r == #s, what .. ": line length")
  local sr = {}
  for i, v in ipairs(r) do sr[i] = v end
  table.sort(sr, less)
  for i = 1, #s do
    if not same(sr[i], s[i]) then
      error(what .. ": not a permutation of the input (sorted position " .. i .. ")")
    end
  end
  for _, k in ipairs(kth) do
    if k < 0 then k = #s + k + 1 end
    if not same(r[k], s[k]) then
      error(string.format("%s: element %d is %s, NumPy's sorted value is %s", what, k,
        tostring(r[k]), tostring(s[k])))
    end
    for i = 1, k - 1 do
      if less(s[k], r[i]) then error(what .. ": element " .. i .. " is after kth " .. k) end
    end
    for i = k + 1, #r do
      if less(r[i], s[k]) then error(what .. ": element " .. i .. " is before kth " .. k) end
    end
  end
end

describe("partition and argpartition (validity)", function()
  for i, c in ipairs(fx.parts) do
    local kth = type(c.kth) == "table" and c.kth or {c.kth}
    local name = string.format("#%d %s shape %s kth %s axis %s", i, c.a.dtype,
      H.shape_str(c.a.shape), table.concat(kth, ","), tostring(c.axis))
    it(name, function()
      unsigned = c.a.dtype == "uint64"
      local a = H.toarray(c.a)
      local s = H.toarray(c.sorted)
      local ax = c.axis == false and -1 or c.axis
      local r = np.partition(a, c.kth, c.axis)
      assert.are.same(s.shape, r.shape)
      assert.are.equal(a.dtype, r.dtype)
      local rl, sl = lines(r, ax), lines(s, ax)
      for j = 1, #sl do check_line(rl[j], sl[j], kth, "partition line " .. j) end
      -- in place, as a method (axis false is not a method argument)
      if c.axis ~= false then
        local b = a:copy()
        assert.is_nil(b:partition(c.kth, c.axis))
        local bl = lines(b, ax)
        for j = 1, #sl do check_line(bl[j], sl[j], kth, "a:partition line " .. j) end
      end
      -- argpartition: positions of a permutation that partitions
      local p = np.argpartition(a, c.kth, c.axis)
      assert.are.equal("int64", p.dtype.name)
      local al = lines(c.axis == false and a:flatten() or a, ax)
      local pl = lines(p, ax)
      for j = 1, #sl do
        local seen, vals = {}, {}
        for q, pos in ipairs(pl[j]) do
          assert(pos >= 1 and pos <= #al[j] and not seen[pos], "argpartition: not a permutation")
          seen[pos] = true
          vals[q] = al[j][pos]
        end
        check_line(vals, sl[j], kth, "argpartition line " .. j)
      end
    end)
  end
end)

-- ------------------------------------------------------------ by hand
describe("sorting: properties", function()
  -- the radix argsort keeps its index slots 8-byte aligned in its scratch
  -- whatever the length and item size (UBSan reported misaligned stores
  -- for 1- and 2-byte items of odd length; make sanitize runs this)
  it("stable argsort of 1- and 2-byte items of odd length is stable", function()
    for _, dt in ipairs {"bool", "uint8", "int8", "int16", "uint16"} do
      for _, n in ipairs {257, 259, 1001} do
        local a = np.remainder(np.arange(n), 3):astype(dt)
        local idx = np.argsort(a, -1, "stable"):tolist()
        local al = a:tolist()
        for i = 2, n do
          local u, v = al[idx[i - 1]], al[idx[i]]
          if u == true then u = 1 elseif u == false then u = 0 end
          if v == true then v = 1 elseif v == false then v = 0 end
          assert(u < v or (u == v and idx[i - 1] < idx[i]), dt .. " " .. n .. ": at " .. i)
        end
      end
    end
  end)
  it("sort of long random lines agrees across kinds and with argsort", function()
    for _, dt in ipairs {"float64", "int64", "int32", "uint16", "int8", "float32"} do
      local n = 5000
      local t = {}
      local x = 7
      for i = 1, n do x = (x * 1103515245 + 12345) % 2147483648; t[i] = x % 1000 - 500 end
      local a = np.array(t):astype(dt)
      local q = np.sort(a)
      -- a sorted line is non-decreasing (checked by hand)
      local l = q:tolist()
      for i = 2, n do assert(l[i - 1] <= l[i], dt .. ": not sorted at " .. i) end
      assert(np.sort(a, -1, "heapsort") == q, dt .. ": heapsort")
      assert(np.sort(a, -1, "stable") == q, dt .. ": stable")
      local idx = np.argsort(a, -1, "stable"):tolist()
      local al = a:tolist()
      for i = 2, n do
        local u, v = al[idx[i - 1]], al[idx[i]]
        assert(u < v or (u == v and idx[i - 1] < idx[i]), dt .. ": stable argsort at " .. i)
      end
    end
  end)

  it("introsort survives adversarial inputs (sorted, reversed, all equal, organ pipe)", function()
    -- complex values use the comparison sorts at every length
    local n = 3000
    local shapes = {
      function(i) return i end, function(i) return n - i end, function() return 7 end,
      function(i) return i < n / 2 and i or n - i end,
    }
    for k, f in ipairs(shapes) do
      local re = {}
      for i = 1, n do re[i] = f(i) + 0.0 end
      local a = np.array(re):astype("complex128")
      for _, kind in ipairs {"quicksort", "heapsort", "stable"} do
        local s = np.sort(a, -1, kind):tolist()
        local p = np.argsort(a, -1, kind):tolist()
        for i = 2, n do
          assert(not less(s[i], s[i - 1]), ("shape %d %s: not sorted at %d"):format(k, kind, i))
          assert(same(a[p[i]], s[i]), ("shape %d %s: argsort at %d"):format(k, kind, i))
        end
      end
      local r = np.partition(a, {1, H.idiv(n, 2), n}):tolist()
      check_line(r, np.sort(a):tolist(), {1, H.idiv(n, 2), n}, "partition shape " .. k)
    end
  end)
end)

describe("bad input", function()
  it("raises an error naming the function, never crashes", function()
    local vals = {false, true, 0, -1, H.maxinteger, H.mininteger, 2.5, 0 / 0, "x",
      {}, {1, 2}, {{1}, {2, 3}}, {axis = 1}, {kind = "x"}, np.array({3, 1, 2}),
      np.zeros({2, 0}), np.array(5), np.array({{1, 2}, {3, 4}}), print}
    local fns = {"sort", "argsort", "partition", "argpartition", "lexsort", "searchsorted",
      "unique", "nonzero", "argwhere", "flatnonzero", "where", "select", "extract", "place",
      "isin", "union1d", "intersect1d", "setdiff1d", "setxor1d"}
    local n = #vals + 1     -- position n is nil
    for _, f in ipairs(fns) do
      for i = 1, n do for j = 1, n do for k = n - 3, n do
        local ok, err = pcall(np[f], vals[i], vals[j], vals[k])
        if not ok and not tostring(err):match("^lumpy%." .. f .. ":") then
          error(("np.%s(#%d, #%d, #%d): %s"):format(f, i, j, k, tostring(err)))
        end
      end end end
    end
    for _, m in ipairs {"sort", "argsort", "partition", "argpartition", "searchsorted", "nonzero"} do
      for i = 1, n do for j = 1, n do
        local a = np.array({{3, 1}, {2, 0}})
        local ok, err = pcall(a[m], a, vals[i], vals[j])
        if not ok and not tostring(err):match("^lumpy%." .. m .. ":") then
          error(("a:%s(#%d, #%d): %s"):format(m, i, j, tostring(err)))
        end
      end end
    end
  end)

  it("in-place sort and partition of a read-only view are errors", function()
    local b = np.broadcast_to(np.array({3, 1, 2}), {2, 3})
    H.assert_error("lumpy.sort:", function() b:sort() end)
    H.assert_error("lumpy.partition:", function() b:partition(1) end)
    H.assert_error("lumpy.place:", function() np.place(b, np.ones({2, 3}, "bool"), {1}) end)
    -- the non-in-place forms work on it
    assert(np.sort(b) == np.array({{1, 2, 3}, {1, 2, 3}}))
    assert(np.argsort(b) == np.array({{2, 3, 1}, {2, 3, 1}}))
  end)
end)

describe("searchsorted: properties", function()
  it("sorted, reversed and random keys give the positions of a plain binary search", function()
    local a = np.array({1, 2, 2, 2, 3, 5, 8, 8, 9, 0 / 0})
    local al = a:tolist()
    local function lin(x, right)   -- by hand: count of elements before x
      local c = 0
      for _, y in ipairs(al) do
        local before = right and not (x < y or (y ~= y and x == x)) or (y < x or (x ~= x and y == y))
        if before then c = c + 1 end
      end
      return c + 1
    end
    local keys = {0, 1, 2, 2, 2.5, 3, 4, 8, 8, 9, 10, 0 / 0, 9, 8, 5, 2, 1, 0, 7, 2, 0 / 0, -1}
    for _, side in ipairs {"left", "right"} do
      local r = np.searchsorted(a, np.array(keys), side):tolist()
      for i, x in ipairs(keys) do
        assert(r[i] == lin(x, side == "right"),
          ("side %s key %s: got %d, expected %d"):format(side, tostring(x), r[i], lin(x, side == "right")))
      end
    end
  end)
end)

describe("many results and keys", function()
  it("nonzero fills its result exactly, whatever follows the last true element", function()
    -- the positions are written into a buffer of exactly the count; trailing
    -- zeros after a full buffer must not be written anywhere (make sanitize)
    for _, dt in ipairs { "float64", "int32", "uint8", "bool", "complex128" } do
      for n = 1, 70 do
        local t = {}
        for k = 1, n do t[k] = 1 end
        for k = n + 1, n + 9 do t[k] = 0 end
        local r = np.nonzero(np.array(t):astype(dt))
        assert.equal(n, r.size)
        assert.equal(1, r[1]); assert.equal(n, r[n])
      end
    end
  end)

  it("nonzero of a 32-d array returns 32 arrays", function()
    local sh = {}
    for i = 1, 32 do sh[i] = 1 end
    local r = H.pack(np.nonzero(np.ones(sh)))
    assert.are.equal(32, r.n)
    for i = 1, 32 do assert(r[i] == np.array({1}), "result " .. i) end
  end)
  it("lexsort with 200 keys (the first 199 are ties broken by the last)", function()
    local keys = {}
    for i = 1, 199 do keys[i] = np.array({i % 3, i % 3, i % 3}) end
    keys[200] = np.array({2, 1, 0})
    -- by hand: the primary (last) key orders the positions 3, 2, 1
    assert(np.lexsort(keys) == np.array({3, 2, 1}))
    keys[200] = np.array({0, 0, 0})
    keys[199] = np.array({1, 0, 1})
    assert(np.lexsort(keys) == np.array({2, 1, 3}))
  end)
end)

