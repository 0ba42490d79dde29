-- einsum_spec.lua: np.einsum and np.einsum_path against NumPy
-- (spec/fixtures/einsum.lua): a table of subscripts in every dtype, views
-- (transposed, strided, negative strides), empty dimensions, broadcasting,
-- ellipses, 3+ operands with and without optimize, dtype/casting/out/order,
-- NumPy's errors, and einsum_path's path and description.
-- Integer and bool results are exact. Float and complex results may differ
-- from NumPy's by the summation order (LumPy uses BLAS and blocked sums):
-- each element is allowed eps(dtype) * (nterms + 8) * scale, where scale is
-- the same einsum over the operands' absolute values (from the fixture).
local H = require "helper"
local np = require "lumpy"
local fx = H.fixture("einsum")

local env = {}
for k, v in pairs(fx.inputs) do env[k] = H.toarray(v) end

local EPS = { float32 = 2.0^-23, complex64 = 2.0^-23,
              float64 = 2.0^-52, complex128 = 2.0^-52 }

local function near(a, e, tol)
  if e ~= e then return a ~= a end
  if e == math.huge or e == -math.huge then return a == e end
  return type(a) == "number" and math.abs(a - e) <= tol
end

-- compare a result (array or Lua value) with an inexact expectation
local function check_inexact(res, c)
  local ex, v = c.expect, res[1]
  local want = ex.v
  local dt = want.dtype
  local vals
  if ex.kind == "array" then
    assert(H.isarray(v), "expected an array, got " .. tostring(v))
    assert.are.same(want.shape, v.shape)
    assert.are.equal(dt, v.dtype.name)
    vals = H.flat(v)
  else
    assert(not H.isarray(v), "NumPy returns a scalar here; got an array")
    vals = { v }
  end
  local evals = H.fixture_values(want)
  local scale = c.scale.data
  local eps = EPS[dt]
  assert(eps, "inexact dtype expected, got " .. tostring(dt))
  assert.are.equal(#evals, #vals)
  for k = 1, #evals do
    local tol = eps * (c.nterms + 8) * scale[k]
    if dt == "complex64" or dt == "complex128" then
      local re, im = H.re_im(vals[k])
      if not (near(re, evals[k][1], tol) and near(im, evals[k][2], tol)) then
        error(("element %d: expected (%s, %s), got (%s, %s), tolerance %g")
          :format(k, evals[k][1], evals[k][2], re, im, tol))
      end
    else
      assert(H.isfloat(vals[k]), "expected a Lua float")
      if not near(vals[k], evals[k], tol) then
        error(("element %d: expected %.17g, got %.17g, tolerance %g")
          :format(k, evals[k], vals[k], tol))
      end
    end
  end
end

local function run(c)
  if c.expect.kind == "error" or not c.scale then
    return H.run_case(c, {}, 0)
  end
  local res = H.pack(H.eval(c.code, env)())
  check_inexact(res, c)
end

describe("einsum: NumPy parity", function()
  for _, c in ipairs(fx.cases) do
    it(c.code, function()
      if c.expect.kind == "error" then
        H.run_case(c, env)
      elseif c.scale then
        check_inexact(H.pack(H.eval(c.code, env)()), c)
      else
        H.check_expect(H.pack(H.eval(c.code, env)()), c.expect, 0, c.code)
      end
    end)
  end
end)

describe("einsum_path: NumPy parity", function()
  for _, c in ipairs(fx.paths) do
    it(c.code, function()
      local path, text = H.eval(c.code, env)()
      assert.are.equal("einsum_path", path[1])
      local steps = {}
      for k = 2, #path do steps[k - 1] = path[k] end
      assert.are.same(c.path, steps)
      assert.are.equal(c.text, text)
      -- the same path run by einsum gives NumPy's value
      local call = c.code:gsub("^np%.einsum_path%(", "np.einsum(")
      local r = H.eval(call, env)()
      local ex = c.value
      check_inexact(H.pack(r), { expect = { kind = #ex.shape == 0 and "scalar" or "array", v = ex },
        scale = c.scale, nterms = 64 })
    end)
  end
end)

describe("einsum: hand-checked", function()
  it("a single operand without a sum is a view (as NumPy's)", function()
    local a = np.arange(9.0):reshape(3, 3)
    local t = np.einsum("ij->ji", a)
    local d = np.einsum("ii->i", a)
    t[{1, 2}] = 100          -- a[2, 1]
    d[3] = -1                -- a[3, 3]
    assert.are.equal(100.0, a[{2, 1}])
    assert.are.equal(-1.0, a[{3, 3}])
  end)

  it("full contractions return Lua values, out= returns out", function()
    local a = np.arange(4.0)
    assert.are.equal(14.0, np.einsum("i,i", a, a))          -- 0+1+4+9
    assert.are.equal(14, np.einsum("i,i", np.arange(4), np.arange(4)))
    assert.are.equal(true, np.einsum("i,i", np.array({true, false}), np.array({true, true})))
    local z = np.einsum("i,i", a:astype("complex128"), a:astype("complex128"))
    local re, im = H.re_im(z)
    assert.are.same({14.0, 0.0}, {re, im})
    local o = np.zeros({}, "float64")
    assert.are.equal(o, np.einsum("i,i", a, a, {out = o}))
    assert.are.equal(14.0, o:item())
  end)

  it("out overlapping an operand gets the right result", function()
    -- a @ a computed into a itself: [[1,2],[3,4]]^2 = [[7,10],[15,22]]
    local a = np.array({{1.0, 2.0}, {3.0, 4.0}})
    np.einsum("ij,jk->ik", a, a, {out = a})
    assert.are.same({{7.0, 10.0}, {15.0, 22.0}}, a:tolist())
    local b = np.array({{1, 2}, {3, 4}})
    np.einsum("ij,jk->ik", b, b, {out = b})
    assert.are.same({{7, 10}, {15, 22}}, b:tolist())
  end)

  it("integer sums wrap as NumPy's (int8)", function()
    -- 100 * 3 = 300 = 44 (mod 256)
    assert.are.equal(44, np.einsum("i,i", np.array({100}, "int8"), np.array({3}, "int8")))
  end)

  it("the sublist format (1-based labels) equals the string form", function()
    local a, b = env.m23, env.m34
    assert.are.same(np.einsum("ij,jk->ik", a, b):tolist(),
                     np.einsum(a, {1, 2}, b, {2, 3}, {1, 3}):tolist())
    assert.are.same(np.einsum("ij,jk", a, b):tolist(),
                     np.einsum(a, {1, 2}, b, {2, 3}):tolist())
    assert.are.same(np.einsum("...i,...i", env.bm, env.v4):tolist(),
                     np.einsum(env.bm, {np.ellipsis, 9}, env.v4, {"...", 9}):tolist())
  end)

  it("the BLAS path and the loop agree on a mid-size contraction", function()
    local a = np.arange(24 * 30):reshape(24, 30) % 7 - 3
    local b = np.arange(30 * 20):reshape(30, 20) % 5 - 2
    local exact = np.einsum("ij,jk->ik", a, b)                       -- int64 loop
    local viaf = np.einsum("ij,jk->ik", a:astype("float64"), b:astype("float64"))
    assert.are.same(exact:astype("float64"):tolist(), viaf:tolist())
    local viat = np.einsum("ij,jk->ik", a:astype("float64")["::-1"]["::-1"], b:transpose():copy():transpose())
    assert.are.same(exact:astype("float64"):tolist(), viat:tolist())
  end)

  it("a large stack of tiny matrices (general loop) agrees", function()
    local a = np.arange(2 * 2 * 300.0):reshape(300, 2, 2) % 5
    local r = np.einsum("bij,bjk->bik", a, a)
    local first = a[1]:tolist()
    -- [[0,1],[2,3]]^2 = [[2,3],[6,11]]
    assert.are.same({{0.0, 1.0}, {2.0, 3.0}}, first)
    assert.are.same({{2.0, 3.0}, {6.0, 11.0}}, r[1]:tolist())
  end)

  it("einsum_path without optimize contracts everything at once", function()
    local p = np.einsum_path("ij,jk,kl", env.m23, env.m34, env.m44, {optimize = false})
    assert.are.same({"einsum_path", {1, 2, 3}}, p)
  end)
end)

describe("einsum: the BLAS mapping against the exact integer loop", function()
  -- Random two-operand contractions (repeated labels, summed-only labels,
  -- size-1 dims, reversed and Fortran-ordered views) of small integers held
  -- as float64, float32 and complex128: their sums are exact in those
  -- types, so whichever path runs (gemm, gemv, dot, packed or not) must give
  -- exactly the int64 result of the general loop (itself checked against
  -- NumPy above).
  it("gives the same values on 1500 random contractions", function()
    local rnd = H.rng(99)
    local letters = {"a", "b", "c", "d", "e"}
    local bad = {}
    for _ = 1, 1500 do
      local nl, size = rnd(4) + 1, {}
      for i = 1, nl do size[i] = rnd(5) end
      local function labels()
        local t = {}
        for i = 1, rnd(4) do t[i] = rnd(nl) end
        return t
      end
      local la, lb, used, outl = labels(), labels(), {}, {}
      for _, l in ipairs(la) do used[l] = true end
      for _, l in ipairs(lb) do used[l] = true end
      for l = 1, nl do if used[l] and rnd(2) == 1 then outl[#outl + 1] = l end end
      for i = #outl, 2, -1 do local j = rnd(i); outl[i], outl[j] = outl[j], outl[i] end
      local function str(t)
        local s = {}
        for i, l in ipairs(t) do s[i] = letters[l] end
        return table.concat(s)
      end
      local subs = str(la) .. "," .. str(lb) .. "->" .. str(outl)
      local function make(ls)
        local shape, n = {}, 1
        for i, l in ipairs(ls) do shape[i] = size[l]; n = n * size[l] end
        local a = (np.arange(n) % 7 - 3):astype("float64"):reshape(shape)
        if rnd(2) == 1 then a = a["::-1"] end
        if #shape >= 2 and rnd(2) == 1 then a = a:transpose():copy():transpose() end
        return a
      end
      local A, B = make(la), make(lb)
      local exact = np.einsum(subs, A:astype("int64"), B:astype("int64"))
      local function same(r, dt)
        if type(exact) == "number" then
          local re = H.re_im(r)
          return re == exact
        end
        return r.dtype.name == dt and np.array_equal(np.real(r):astype("int64"), exact)
      end
      if not same(np.einsum(subs, A, B), "float64") then bad[#bad + 1] = subs .. " float64" end
      if not same(np.einsum(subs, A:astype("float32"), B:astype("float32")), "float32") then
        bad[#bad + 1] = subs .. " float32" end
      if not same(np.einsum(subs, A:astype("complex128"), B), "complex128") then
        bad[#bad + 1] = subs .. " complex128" end
    end
    assert.are.same({}, bad)
  end)
end)

describe("einsum: deliberate differences", function()
  it("dtype is honoured for a single operand without a sum (NumPy 1.24 returns a view)", function()
    local a = np.arange(6.0):reshape(2, 3)
    local t = np.einsum("ij->ji", a, {dtype = "float32", casting = "same_kind"})
    assert.are.equal("float32", t.dtype.name)
    assert.are.same({{0, 3}, {1, 4}, {2, 5}}, t:astype("int64"):tolist())
  end)
  it("1-based operands in errors; clearer messages for a misplaced '->'", function()
    local m = H.assert_error("lumpy.einsum:", np.einsum, "ij,jk", np.ones({2, 3}), np.ones({4, 5}))
    H.assert_contains(m, "size of label 'j' for operand 2 (4) does not match previous terms (3)")
    m = H.assert_error("lumpy.einsum:", np.einsum, "i->j->k", np.ones(2))
    H.assert_contains(m, "more than once")
    m = H.assert_error("lumpy.einsum:", np.einsum, "i-j", np.ones({2, 2}))
    H.assert_contains(m, "invalid subscript '-'")
    m = H.assert_error("lumpy.einsum:", np.einsum, "ii", np.ones({2, 3}))
    H.assert_contains(m, "operand 1")
  end)
  it("a bad subscript in the sublist format is named with its value", function()
    local m = H.assert_error("lumpy.einsum:", np.einsum, np.ones({2, 2}), {0, 1})
    H.assert_contains(m, "got integer 0")
    m = H.assert_error("lumpy.einsum:", np.einsum, np.ones({2, 2}), {1, 53})
    H.assert_contains(m, "got integer 53")
    m = H.assert_error("lumpy.einsum:", np.einsum, np.ones({2, 2}), {1, "x"})
    H.assert_contains(m, "got 'x'")
  end)
  it("a full contraction with optimize is a Lua value (NumPy: a 0-d array)", function()
    local v = np.einsum("i,ij,j", np.ones(3), np.ones({3, 4}), np.ones(4), {optimize = true})
    assert.are.equal(12.0, v)
  end)
end)

describe("einsum: bad input", function()
  it("never crashes and names the function", function()
    local vals = { false, true, 0, 1, 2.5, 0/0, "ij", "ij->ji", "i,i", "...",
      "ii", "->", "", "i,j->ij", "ab,bc->ac", {}, {1}, {1, 2, 3}, {{1, 2}, {3, 4}},
      {optimize = true}, {optimize = "bogus"}, {dtype = "int8"}, {out = 5},
      {casting = "no"}, {order = "F"}, np.zeros(0), np.zeros({0, 3}), np.array(2.5),
      np.arange(6):reshape(2, 3), np.arange(6.0)["::-1"], np.ones(4, "bool"),
      np.ones({2, 2}, "complex64"), np.ones(3, "uint64"), np.ellipsis }
    assert.are.same({}, H.fuzz { module = np, names = { "einsum", "einsum", "einsum", "einsum_path" },
                                 vals = vals, maxargs = 5 })
  end)

  it("too many operands or dimensions are errors", function()
    local ops = {}
    for i = 1, 40 do ops[i] = np.ones(1) end
    H.assert_error("lumpy.einsum:", np.einsum, string.rep("i,", 39) .. "i", H.unpack(ops))
    H.assert_error("lumpy.einsum:", np.einsum, "i", "notanarray")
  end)
end)
