-- misaligned_spec.lua - arrays whose elements are not aligned for their C
-- type (a view of a byte slice as another dtype, rows at an odd stride, a
-- memmap at an odd offset): a.flags.aligned follows NumPy's rule, every
-- function gives on them the bits it gives on aligned arrays with the same
-- contents, and writes through out= and in place land in them and nowhere
-- else. The sanitizer build (make sanitize) runs this with fatal UBSan,
-- which catches any typed load or store at a misaligned address.
local H = require "helper"
local np = require "lumpy"

local DTYPES = {"bool", "int8", "int16", "int32", "int64", "uint8", "uint16",
                "uint32", "uint64", "float32", "float64", "complex64", "complex128"}
local REAL = {"bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32",
              "uint64", "float32", "float64"}
local NUMERIC = {"int8", "int16", "int32", "int64", "uint8", "uint16", "uint32",
                 "uint64", "float32", "float64", "complex64", "complex128"}
local INEXACT = {"float32", "float64", "complex64", "complex128"}
local GUARD = 0xA5

-- n values of dtype dt (a seed shifts them): signed, fractional, complex
local function values(dt, n, seed)
  local i = np.arange(n) + (seed or 0)
  local k = (i * 37 + 5) % 23
  if dt == "bool" then return (k % 3):eq(0) end
  if dt:sub(1, 1) == "u" then return k:astype(dt) end
  if dt:sub(1, 3) == "int" then return (k - 11):astype(dt) end
  local f = (k - 11) * 0.37
  if dt:sub(1, 7) == "complex" then
    return (f + ((i * 13 + 3) % 17 - 8) * np.complex(0, 0.5)):astype(dt)
  end
  return f:astype(dt)
end

-- a view of the contents of a (any shape, any dtype) at byte offset off
-- (default 1) of a guard-filled uint8 buffer; with rows = true a 2-d a
-- gets rows one byte longer than its data (an odd row stride). Returns
-- the view, its buffer and a function making the same view of another
-- buffer.
local function mis(a, off, rows)
  local dt, isz = a.dtype.name, a.itemsize
  local shape = a.shape
  off = off or 1
  local raw, make
  if rows then
    local r, c = shape[1], shape[2]
    raw = np.full({r, c * isz + off + 1}, GUARD, "uint8")
    make = function(b) return b[{{}, {off + 1, off + c * isz}}]:view(dt) end
  else
    local nb = a.size * isz
    raw = np.full(nb + off + 7, GUARD, "uint8")
    make = function(b) return b[{{off + 1, off + nb}}]:view(dt):reshape(shape) end
  end
  local v = make(raw)
  v[{}] = a
  return v, raw, make
end

-- an aligned array with a's contents laid out as mis lays them out (rows:
-- one element of padding per row), so that the same loops run on both
local function twin(a, rows)
  if not rows then return a:copy() end
  local t = np.zeros({a.shape[1], a.shape[2] + 1}, a.dtype)[{{}, {1, a.shape[2]}}]
  t[{}] = a
  return t
end

-- x and y: arrays of one dtype and shape with the same bytes, or equal Lua
-- values (nan equals nan), or tables of those
local function same(x, y, path)
  path = path or "result"
  if H.isarray(x) then
    assert(H.isarray(y), path .. ": an array against " .. type(y))
    assert.equal(y.dtype.name, x.dtype.name, path .. ": dtype")
    assert.same(y.shape, x.shape, path .. ": shape")
    if x:copy():tobytes() ~= y:copy():tobytes() then
      error(path .. ": the bits differ:\n" .. tostring(x) .. "\nvs\n" .. tostring(y), 2)
    end
  elseif type(x) == "table" then
    assert.equal("table", type(y), path)
    for k, v in pairs(x) do same(v, y[k], path .. "." .. tostring(k)) end
    for k in pairs(y) do assert(x[k] ~= nil, path .. ": missing " .. tostring(k)) end
  elseif type(x) == "number" and x ~= x then
    assert(y ~= y, path .. ": nan against " .. tostring(y))
  elseif type(x) == "userdata" then
    assert.equal(tostring(y), tostring(x), path)
  else
    assert.equal(y, x, path)
  end
end

-- f(...) on misaligned views against f on aligned arrays with the same
-- contents: the same results and the same arrays afterwards (in-place
-- writes), and nothing written outside the views. The aligned arrays are
-- laid out as the views (twin), or, where a function copies a misaligned
-- operand to contiguous memory first, are those copies (v:copy(), which
-- sums in another order when the rows have gaps): the results must match
-- one of the two in every bit. Arguments wrapped as M(contents [, off [,
-- rows]]) are made misaligned with mis(); anything else is passed as it is.
local function M(a, off, rows) return {mis = a, off = off, rows = rows} end
local function run(f, args)
  return H.pack(pcall(f, H.unpack(args, 1, args.n)))
end
-- nil when the results r1 and the arguments ma afterwards match r2, ca;
-- else the first difference
local function differs(r1, ma, r2, ca, views)
  return (select(2, pcall(function()
    assert.equal(r2.n, r1.n, "number of results")
    for i = 2, r1.n do same(r1[i], r2[i], "result " .. (i - 1)) end
    for _, w in ipairs(views) do same(ma[w.i], ca[w.i], "argument " .. w.i .. " afterwards") end
  end)))
end
local function check(f, ...)
  local args = H.pack(...)
  local ma, ta, ca, views, rows = {n = args.n}, {n = args.n}, {n = args.n}, {}, false
  for i = 1, args.n do
    local x = args[i]
    if type(x) == "table" and x.mis then
      local v, raw, make = mis(x.mis, x.off, x.rows)
      ma[i], ta[i], ca[i] = v, twin(x.mis, x.rows), x.mis:copy()
      rows = rows or x.rows
      views[#views + 1] = {i = i, raw = raw, before = raw:copy(), make = make}
    else
      ma[i], ta[i], ca[i] = x, x, x
    end
  end
  local r1, r2 = run(f, ma), run(f, ta)
  if not r2[1] then
    -- the aligned call's error is the misaligned one's
    assert.is_false(r1[1], "no error where the aligned call raised " .. tostring(r2[2]))
    assert.equal(tostring(r2[2]), tostring(r1[2]))
    return
  end
  assert(r1[1], r1[2])
  local why = differs(r1, ma, r2, ta, views)
  if why and rows then
    local r3 = run(f, ca)
    if r3[1] and not differs(r1, ma, r3, ca, views) then why = nil end
  end
  if why then error(why, 2) end
  for _, w in ipairs(views) do
    local want = w.before:copy()
    w.make(want)[{}] = ma[w.i]
    assert(want:tobytes() == w.raw:tobytes(), "argument " .. w.i .. ": bytes outside the view changed")
  end
end

-- each dtype of list with f(dt); a failure names the dtype
local function each(list, f)
  for _, dt in ipairs(list) do
    local ok, err = pcall(f, dt)
    if not ok then error(dt .. ": " .. tostring(err), 0) end
  end
end

describe("misaligned arrays", function()

  describe("flags.aligned", function()
    it("follows NumPy's rule", function()
      -- NumPy: np.zeros(9, 'uint8')[1:].view('int16').flags.aligned is False
      assert.is_false(np.zeros(9, "uint8")[{{2, 9}}]:view("int16").flags.aligned)
      assert.is_true(np.zeros(9, "uint8")[{{3, 9}}]:view("int8").flags.aligned)
      local r = np.zeros({3, 17}, "uint8")[{{}, {2, 17}}]:view("float64")
      assert.same({3, 2}, r.shape)
      assert.is_false(r.flags.aligned)
      -- the stride counts too: offset 0, rows of 17 bytes
      assert.is_false(np.zeros({3, 17}, "uint8")[{{}, {1, 16}}]:view("float64").flags.aligned)
      -- a complex type needs its part's alignment
      assert.is_false(np.zeros(52, "uint8")[{{5, 52}}]:view("complex128").flags.aligned)
      assert.is_true(np.zeros(56, "uint8")[{{9, 56}}]:view("complex128").flags.aligned)
      assert.is_true(np.zeros(28, "uint8")[{{5, 28}}]:view("complex64").flags.aligned)
      assert.is_false(np.zeros(26, "uint8")[{{3, 26}}]:view("complex64").flags.aligned)
      assert.is_false(np.zeros(28, "uint8")[{{5, 28}}]:view("float64").flags.aligned)
      -- one element at an odd address is misaligned; an empty array is not
      assert.is_false(np.zeros(9, "uint8")[{{2, 9}}]:view("float64").flags.aligned)
      assert.is_true(np.zeros(9, "uint8")[{{2, 1}}]:view("float64").flags.aligned)
      for _, dt in ipairs(DTYPES) do
        assert.is_true(np.zeros({3, 4}, dt).flags.aligned, dt)
        assert.is_true(np.zeros({3, 4}, dt).T["::2"].flags.aligned, dt)
      end
    end)

    it("is kept by views and dropped by copies", function()
      local v = mis(values("float64", 12):reshape(3, 4))
      assert.is_false(v.flags.aligned)
      assert.is_false(v.T.flags.aligned)
      assert.is_false(v[2].flags.aligned)
      assert.is_false(v["2:3, ::2"].flags.aligned)
      assert.is_false(v:reshape(-1).flags.aligned)
      assert.is_true(v:copy().flags.aligned)
      assert.is_true(v:astype("float32").flags.aligned)
      -- a view of a view at an even offset is aligned again
      local raw = np.zeros(40, "uint8")
      assert.is_true(raw[{{2, 40}}][{{8, 39}}]:view("float64").flags.aligned)
    end)

    it("of a memmap at an odd offset", function()
      local path = os.tmpname()
      local fh = assert(io.open(path, "wb"))
      fh:write("\0" .. np.arange(1, 5):astype("float64"):tobytes())
      fh:close()
      local m = np.memmap(path, "float64", "r+", 1, {4})
      assert.is_false(m.flags.aligned)
      assert.same({1, 2, 3, 4}, m:tolist())
      assert.equal(10, np.sum(m))
      m:sort(); np.multiply(m, 2, {out = m}); m[1] = 7; m:flush()
      assert.same({7, 4, 6, 8}, m:tolist())
      m:close()
      local m2 = np.memmap(path, "float64", "r", 1, {4})
      assert.same({7, 4, 6, 8}, m2:tolist())
      m2:close()
      os.remove(path)
    end)
  end)

  it("convert, copy, print and read like aligned arrays", function()
    each(DTYPES, function(dt)
      for _, a in ipairs({values(dt, 12), values(dt, 12):reshape(3, 4)}) do
        for _, off in ipairs({1, 4}) do
          local x = M(a, off)
          check(function(v)
            return v:copy(), v:copy("F"), np.array(v), np.array({v, v}), np.asarray(v, "float64"),
                   v:tolist(), v:item(3), v:item(-1), tostring(v), v:tobytes(), v:tobytes("F"),
                   np.array_equal(v, a), v == a
          end, x)
          check(function(v)
            local r = {}
            for _, t in ipairs(DTYPES) do r[#r + 1] = v:astype(t) end
            return r
          end, x)
        end
        check(function(v) return v:copy(), v:tolist(), tostring(v), v:astype("complex128") end,
              M(a:reshape(-1, 4), 1, true))
      end
    end)
  end)

  it("index, and assign in place", function()
    each(DTYPES, function(dt)
      local a, b = values(dt, 12):reshape(3, 4), values(dt, 12, 5):reshape(3, 4)
      for _, x in ipairs({M(a), M(a, 1, true), M(a, 4)}) do
        check(function(v) return v[2], v[{2, 3}], v["2:3, ::-1"]:copy(), v[v:ne(0)],
                                 v[np.array({3, 1})], v[{np.array({1, 3}), np.array({2, -1})}],
                                 v[{{}, np.array({4, 1})}] end, x)
        check(function(v) v[{2, 3}] = 1; v[1] = v[3]; v["3, 2:3"] = 0 end, x)
        check(function(v, w) v[{}] = w end, x, M(b))
        check(function(v, w) v[w:ne(0)] = w[w:ne(0)] end, x, M(b, 1, true))
        check(function(v, w) v[np.array({3, 1})] = w[{{1, 2}}] end, x, M(b))
        check(function(v, w) v[{np.array({1, 3}), np.array({2, -1})}] = w[1][{{1, 2}}] end, x, M(b))
        check(function(v) v:fill(1) end, x)
        check(function(v, w) np.copyto(v, w) end, x, M(b, 4))
        check(function(v, w) np.copyto(v, w, {where = w:ne(0)}) end, x, M(b))
        check(function(v, w) local z = np.zeros({3, 4}, "complex128"); np.copyto(z, v); z[{}] = w; return z end, x, M(b))
        check(function(v, w) np.put(v, {1, 5, -1}, w[{1, {1, 3}}]); v:put({2, 40}, w[2][1], "clip") end, x, M(b))
        check(function(v, w) np.place(v, w:ne(0), w[w:ne(0)]) end, x, M(b))
        check(function(v, w) np.put_along_axis(v, np.argsort(w, -1), w, -1) end, x, M(b))
      end
    end)
  end)

  it("take, compress, choose and the index functions", function()
    each(DTYPES, function(dt)
      local a = values(dt, 12):reshape(3, 4)
      for _, x in ipairs({M(a), M(a, 1, true)}) do
        check(function(v, i, o)
          return np.take(v, {1, 3, -1}), np.take(v, {2, 1}, 2), np.take(v, i), np.take(v, i, nil, o),
                 np.take(v, {1, 30}, nil, nil, "wrap"), np.take_along_axis(v, np.argsort(v, -1), -1),
                 np.compress({true, false, true}, v), np.compress({1, 0, 1, 1}, v, 2),
                 np.compress({true, true}, v, nil, o[{{1, 2}}])
        end, x, M(np.array({1, 3, 2})), M(np.zeros(3, dt)))
        check(function(c, v, w, o) return np.choose(c, {v, w}), np.choose(c, {v, w}, o) end,
              M(np.arange(12):reshape(3, 4) % 2 + 1), x, M(values(dt, 12, 4):reshape(3, 4)),
              M(np.zeros({3, 4}, dt), 1, true))
      end
      check(function(i, j) return np.ravel_multi_index({i, j}, {30, 30}), np.unravel_index(i, {5, 6}) end,
            M(np.arange(1, 13)), M(np.arange(12, 0, -1)))
    end)
  end)

  describe("manipulation", function()
    it("reshapes, joins, splits and pads", function()
      each(DTYPES, function(dt)
        local a, b = values(dt, 12):reshape(3, 4), values(dt, 12, 3):reshape(3, 4)
        for _, x in ipairs({M(a), M(a, 1, true), M(a, 4)}) do
          check(function(v, w)
            return v:reshape(-1):copy(), v:ravel(), v:flatten(), v.T:copy(), np.swapaxes(v, 1, 2):copy(),
                   np.expand_dims(v, 1):copy(), np.broadcast_to(v, {2, 3, 4}):copy(),
                   np.concatenate({v, w}), np.concatenate({v, w}, 2), np.stack({v, w}, -1),
                   np.vstack({v, w}), np.hstack({v, w}), np.dstack({v, w}), np.column_stack({v, w}),
                   np.block({v, w}), np.array_split(v, 2), np.split(v, {1, 2}, 2), np.hsplit(v, 2),
                   np.tile(v, {2, 1}), np.repeat_(v, 2), np.repeat_(v, 2, 1), v:repeat_(3),
                   np.flip(v):copy(), np.fliplr(v):copy(), np.roll(v, 3), np.roll(v, -1, 1),
                   np.rot90(v), np.pad(v, 2), np.pad(v, 1, "edge"), np.pad(v, 2, "reflect"),
                   np.pad(v, 2, "wrap"), np.append(v, w), np.insert(v, 2, 0, 1),
                   np.delete(v, {1, 3}, 2), np.resize(v, {5, 7}), np.trim_zeros(v[1]),
                   np.tril(v), np.triu(v, 1), np.diag(v), np.diag(v[1]), np.diagflat(v[2]),
                   np.diagonal(v):copy(), np.atleast_3d(v):copy(), np.meshgrid(v[1], w[2])
          end, x, M(b, 1, true))
        end
      end)
    end)
  end)

  describe("ufuncs", function()
    local un = {"negative", "absolute", "sqrt", "exp", "log", "sin", "tanh", "square",
                "reciprocal", "sign", "conjugate", "isnan", "invert", "logical_not", "floor",
                "rint", "cbrt", "exp2", "expm1", "log1p", "arctan", "signbit", "spacing"}
    local bin = {"add", "subtract", "multiply", "true_divide", "floor_divide", "remainder",
                 "power", "maximum", "fmin", "equal", "less", "logical_xor", "bitwise_and",
                 "left_shift", "arctan2", "hypot", "copysign", "nextafter", "logaddexp", "gcd",
                 "float_power"}
    it("compute on misaligned inputs and into misaligned outputs", function()
      each(DTYPES, function(dt)
        local a, b = values(dt, 12):reshape(3, 4), values(dt, 12, 5):reshape(3, 4)
        local zc = np.zeros({3, 4}, "complex128")
        for _, x in ipairs({M(a), M(a, 1, true), M(a, 4)}) do
          for _, u in ipairs(un) do
            check(function(v, o) return np[u](v), np[u](v, {out = o}) end, x, M(zc, 1, true))
            check(function(v) return np[u](v, {out = v}) end, x)
          end
          for _, u in ipairs(bin) do
            check(function(v, w) return np[u](v, w), np[u](v, 2), np[u](3, w) end, x, M(b, 4))
            check(function(v, w, m) return np[u](v, w, {out = v, where = m}) end, x, M(b), M(b:ne(0)))
          end
          check(function(v, w, o1, o2) return np.divmod(v, w, {out = {o1, o2}}) end,
                x, M(b), M(a), M(a, 1, true))
          check(function(v, o1, o2) return np.modf(v, {out = {o1, o2}}), np.frexp(v) end,
                x, M(a), M(a, 1, true))
          check(function(v, o) return np.clip(v, -2, 3, {out = o}), np.clip(v, -2, 3, {out = v}) end,
                x, M(a, 1, true))
          check(function(v, o) return np.round(v, 1, o), np.round(v, -1), v:round() end, x, M(a, 4))
          check(function(v, w) return v + w, v - w, v * w, -v, v / 2, v:eq(w), v:lt(w), np.isclose(v, w),
                                     np.allclose(v, w), np.nan_to_num(v), np.angle(v), np.real(v):copy(),
                                     np.imag(v):copy(), v.real:copy() end, x, M(b))
          check(function(v, w) local r = v.real; r[{}] = w.real end, x, M(b))
        end
      end)
    end)
  end)

  describe("reductions", function()
    local reds = {"sum", "prod", "mean", "std", "var", "min", "max", "ptp", "argmin",
                  "argmax", "any", "all", "count_nonzero", "cumsum", "cumprod", "nansum",
                  "nanmean", "nanvar", "nanmin", "nanmax", "nanargmax", "nancumsum", "median",
                  "nanmedian"}
    it("reduce misaligned arrays, into misaligned outputs", function()
      each(DTYPES, function(dt)
        local a = values(dt, 12):reshape(3, 4)
        for _, x in ipairs({M(a), M(a, 1, true), M(a, 4), M(a.T:copy(), 1, true)}) do
          for _, r in ipairs(reds) do
            check(function(v) return np[r](v), np[r](v, 1), np[r](v, -1, {keepdims = true}),
                                     np[r](v.T, 1) end, x)
          end
          for _, r in ipairs({"sum", "prod", "mean", "min", "max", "any", "all", "std", "nanmax"}) do
            check(function(v, m) return np[r](v, -1, {where = m, initial = 0}) end, x, M(a:ne(0)))
          end
          for _, r in ipairs({"sum", "prod", "mean", "min", "max", "ptp", "argmax", "any", "median"}) do
            check(function(v, o) return np[r](v, 2, {out = o}) end, x, M(np.zeros(3, dt)))
            check(function(v, o) return np[r](v, 1, {out = o}) end, x, M(np.zeros(4, "float64")))
            check(function(v, o) return np[r](v, 1, {out = o}) end, x, M(np.zeros(4, "complex128"), 4))
          end
          check(function(v, o, o0) return np.argmin(v, 2, o), np.argmax(v, nil, o0) end,
                x, M(np.zeros({3}, "int64")), M(np.zeros({}, "int64")))
          check(function(v, o) return np.cumsum(v, 2, nil, o), np.cumprod(v, nil, nil, o:reshape(-1)) end,
                x, M(np.zeros({3, 4}, dt)))
          check(function(v, o) return np.sum(v, nil, nil, o), np.trace(v), v:trace(1, 1, 2, "float64", o) end,
                x, M(np.zeros({}, "float64")))
          check(function(v) return np.quantile(v, 0.3), np.percentile(v, {10, 50}, -1),
                                   np.nanquantile(v, 0.7), np.quantile(v, 0.4, -1, {method = "lower"}),
                                   np.average(v, -1, np.arange(1, 5)), np.average(v) end, x)
        end
      end)
    end)
  end)

  describe("sorting and searching", function()
    it("sort, partition, search and unique", function()
      each(DTYPES, function(dt)
        local a, b = values(dt, 12):reshape(3, 4), values(dt, 12, 3):reshape(3, 4)
        for _, x in ipairs({M(a), M(a, 1, true), M(a, 4)}) do
          for _, kind in ipairs({"quicksort", "stable", "heapsort"}) do
            check(function(v) return np.sort(v, -1, kind), np.sort(v, 1, kind), np.sort(v, nil, kind),
                                     np.argsort(v, -1, kind), np.argsort(v, 1, kind) end, x)
            check(function(v) v:sort(-1, kind) end, x)
            check(function(v) v:sort(1, kind) end, x)
          end
          check(function(v, w) return np.lexsort({v, w}), np.partition(v, 2), np.partition(v, {1, 2}, 1),
                                     np.argpartition(v, 2), np.unique(v), np.unique(v, true, true, true),
                                     np.unique(v, false, false, false, 1), np.nonzero(v),
                                     np.argwhere(v), np.flatnonzero(v), np.where(v),
                                     np.where(v, w, 0), np.select({v:ne(0)}, {w}, 7),
                                     np.extract(v, w), np.isin(v, w), np.intersect1d(v, w),
                                     np.intersect1d(v, w, false, true), np.union1d(v, w),
                                     np.setdiff1d(v, w), np.setxor1d(v, w) end, x, M(b, 1, true))
          check(function(v) v:partition(2) end, x)
          check(function(v) v:partition(1, 1) end, x)
        end
        local s = np.sort(values(dt, 12))
        check(function(v, w, so) return np.searchsorted(v, w), np.searchsorted(v, w, "right"),
                                        v:searchsorted(w[1]), np.searchsorted(w, v, "left", so) end,
              M(s), M(values(dt, 5, 2)), M(np.argsort(values(dt, 5, 2)), 4))
      end)
    end)
  end)

  describe("statistics", function()
    it("of misaligned arrays", function()
      each(REAL, function(dt)
        local a = values(dt, 12):reshape(3, 4)
        local bins = np.array({-10, -2, 0, 1, 4, 12}):astype(dt == "bool" and "int64" or dt)
        for _, x in ipairs({M(a), M(a, 1, true), M(a, 4)}) do
          check(function(v, w, e)
            return np.diff(v), np.diff(v, 2, 1), np.ediff1d(v), {pcall(np.gradient, v)},
                   {pcall(np.gradient, v, 2.0, {axis = 1, edge_order = 2})},
                   np.trapezoid(v), np.cov(v), np.corrcoef(v), np.histogram(v, 5),
                   np.histogram(v, 4, {range = {-3, 3}, weights = w}), np.histogram(v, e),
                   np.histogram_bin_edges(v, 6), np.histogram2d(v:ravel(), w:ravel(), 3),
                   np.digitize(v, e), np.digitize(v, e, true), np.digitize(v, np.flip(e))
          end, x, M(values("float64", 12, 3):reshape(3, 4), 4), M(bins))
        end
        local c = dt == "bool" and values(dt, 12) or np.abs(values(dt, 12))
        for _, off in ipairs({1, 4}) do
          check(function(v, w) return {pcall(np.bincount, v)}, {pcall(np.bincount, v, w)},
                                      {pcall(np.bincount, v, nil, 30)} end,
                M(c, off), M(values("float64", 12, 3), off))
        end
        check(function(v, w) return np.bincount(v, w), np.bincount(v) end,
              M(np.arange(12) % 5), M(np.arange(12) * 0.5))
        check(function(v, w) return np.convolve(v, w), np.convolve(v, w[{{1, 3}}], "same"),
                                   np.correlate(v, w, "full"), np.correlate(v, w[{{1, 4}}]) end,
              M(values(dt, 12)), M(values(dt, 12, 3), 4))
        check(function(x, xp, fp) return np.interp(x, xp, fp) end,
              M(values(dt, 12)), M(np.arange(-12, 12, 2):astype("float64")), M(values("float64", 12, 2), 4))
      end)
      each({"float32", "float64"}, function(dt)
        check(function(v, w) return np.cross(v, w), np.linalg.cross(v, w) end,
              M(values(dt, 12):reshape(4, 3)), M(values(dt, 12, 4):reshape(4, 3), 4))
      end)
    end)
  end)

  describe("products", function()
    it("matmul, dot, einsum and their out=", function()
      each(NUMERIC, function(dt)
        local a, b = values(dt, 16):reshape(4, 4), values(dt, 16, 3):reshape(4, 4)
        for _, x in ipairs({M(a), M(a, 1, true), M(a, 4)}) do
          check(function(v, w, o)
            return np.matmul(v, w), np.dot(v, w), v:dot(w), np.matmul(v, w[1]), np.matmul(w[2], v),
                   np.inner(v, w), np.outer(v, w), np.vdot(v, w), np.tensordot(v, w, 1),
                   np.kron(v, w), np.vecdot(v, w), np.matmul(v, w, {out = o}), np.dot(v, w, o),
                   np.linalg.multi_dot({v, w, v}), np.linalg.matrix_power(v, 3),
                   np.einsum("ij,jk->ik", v, w), np.einsum("ij,ij->", v, w), np.einsum("ii->i", v),
                   np.einsum("ij->j", v), np.einsum("ij,jk", v, w, {optimize = true}),
                   np.einsum("ij,jk->ik", v, w, {out = o}), np.einsum("ij->i", v, {out = o[1]})
          end, x, M(b, 1, true), M(np.zeros({4, 4}, dt)))
        end
        check(function(v, w) return np.matmul(v, w), np.matmul(v, w, {out = v}) end,
              M(values(dt, 24):reshape(2, 3, 4)), M(values(dt, 32, 3):reshape(2, 4, 4)))
        -- a size that goes to BLAS for the float types
        local big = values(dt, 400):reshape(20, 20)
        check(function(v, w, o) return np.matmul(v, w), np.dot(v, w[1]), np.matmul(v, w, {out = o}) end,
              M(big), M(big.T:copy(), 1, true), M(np.zeros({20, 20}, dt), 4))
      end)
    end)
  end)

  describe("linear algebra", function()
    local function spd(dt, n)
      local x = values(dt, n * n):reshape(n, n)
      return np.matmul(x, np.conj(x).T) + np.eye(n, n, 0, dt) * (4 * n)
    end
    it("solves, factors and measures misaligned matrices", function()
      each(INEXACT, function(dt)
        local a, b = spd(dt, 4), values(dt, 8, 3):reshape(4, 2)
        for _, x in ipairs({M(a), M(a, 1, true), M(a, 4)}) do
          check(function(v, w)
            return np.linalg.solve(v, w), np.linalg.inv(v), np.linalg.det(v), np.linalg.slogdet(v),
                   np.linalg.cholesky(v), np.linalg.qr(v), np.linalg.svd(v), np.linalg.svdvals(v),
                   np.linalg.eigh(v), np.linalg.eigvalsh(v), np.linalg.eigvals(v), np.linalg.pinv(v),
                   np.linalg.matrix_rank(v), np.linalg.cond(v), np.linalg.norm(v),
                   np.linalg.norm(v, 1), np.linalg.norm(v, "nuc"), np.linalg.norm(v[1]),
                   np.linalg.vector_norm(v), np.linalg.matrix_norm(v), np.linalg.lstsq(v, w),
                   np.linalg.tensorinv(v, 1)
          end, x, M(b, 1, true))
        end
        check(function(v, w) return np.linalg.solve(v, w), np.linalg.inv(v), np.linalg.det(v) end,
              M(np.stack({spd(dt, 3), spd(dt, 3) * 2})), M(values(dt, 6):reshape(2, 3)))
      end)
    end)
  end)

  describe("np.fft", function()
    it("transforms misaligned arrays, into misaligned outputs", function()
      each(DTYPES, function(dt)
        local a = values(dt, 12):reshape(3, 4)
        for _, x in ipairs({M(a), M(a, 1, true)}) do
          check(function(v, o, ro)
            local r = {}
            for _, f in ipairs({"fft", "ifft", "rfft", "irfft", "hfft", "ihfft", "fftn", "ifftn",
                                "rfftn", "irfftn", "fft2", "ifft2", "rfft2", "irfft2"}) do
              r[#r + 1] = {pcall(np.fft[f], v)}
            end
            return r, np.fft.fft(v, 7, 1), np.fft.ifft(v, nil, 1, "ortho"), np.fft.fftshift(v),
                   np.fft.fft(v, {out = o}), np.fft.fft2(v, {out = o}), pcall(np.fft.rfft, v, {out = ro})
          end, x, M(np.zeros({3, 4}, "complex128"), 1, true), M(np.zeros({3, 3}, "complex128")))
        end
      end)
    end)
  end)

  describe("np.random", function()
    local function rng() return np.random.default_rng(7) end
    it("draws with misaligned parameters", function()
      local n = np.arange(12)
      local p = {
        r = (n % 7 - 3) * 0.5, p = n % 5 * 0.5 + 0.5, u = (n % 5 + 1) * 0.1,
        i = n % 9 + 10, k = n % 3 + 1, z = n % 3 + 1.5,
      }
      local dists = {
        {"normal", "r", "p"}, {"uniform", "r", "p"}, {"exponential", "p"}, {"gamma", "p", "p"},
        {"beta", "p", "p"}, {"chisquare", "p"}, {"noncentral_f", "p", "p", "p"},
        {"laplace", "r", "p"}, {"lognormal", "r", "p"}, {"pareto", "p"}, {"vonmises", "r", "p"},
        {"wald", "p", "p"}, {"weibull", "p"}, {"standard_gamma", "p"}, {"standard_t", "p"},
        {"binomial", "i", "u"}, {"negative_binomial", "p", "u"}, {"poisson", "p"},
        {"geometric", "u"}, {"hypergeometric", "i", "i", "k"}, {"logseries", "u"},
        {"zipf", "z"}, {"integers", "k", "i"},
      }
      for _, d in ipairs(dists) do
        local args = {}
        for j = 2, #d do args[j - 1] = M(p[d[j]], j % 2 == 0 and 1 or 4) end
        local ok, err = pcall(check, function(...) local g = rng(); return g[d[1]](g, ...) end,
                              H.unpack(args, 1, #d - 1))
        if not ok then error(d[1] .. ": " .. tostring(err), 0) end
      end
      check(function(lo, hi) local g = rng(); return g:integers(lo, hi), g:integers(lo, hi, nil, "int16", true) end,
            M(np.arange(12):astype("int32") % 3), M((np.arange(12) % 3 + 4):astype("uint16")))
      check(function(m, s) local g = rng(); return g:triangular(m - 1, m, m + s) end, M(p.r), M(p.p))
      check(function(a, c, pv) local g = rng()
              return g:dirichlet(a, 2), g:multinomial(20, pv, 2), g:choice(4, 6, true, pv),
                     g:multivariate_hypergeometric(c, 6), g:multivariate_hypergeometric(c, 6, 2, "count")
            end, M((np.arange(4) + 1) * 0.5), M(np.array({4, 6, 8})), M(np.full(4, 0.25), 4))
      check(function(m, s) local r = np.random.RandomState(2)
              return r:normal(m, s), r:uniform(m, s), r:randint(0, s:astype("int64") + 1) end,
            M(p.r), M(p.p, 4))
      check(function(s) return np.random.default_rng(s):random(3), np.random.SeedSequence(s).state,
                               np.random.RandomState(s):rand(2) end,
            M(np.array({1, 2, 3}, "uint64")))
    end)

    it("shuffles and permutes misaligned arrays in place", function()
      each(DTYPES, function(dt)
        local a = values(dt, 12):reshape(3, 4)
        for _, x in ipairs({M(a), M(a, 1, true), M(a, 4)}) do
          check(function(v) rng():shuffle(v) end, x)
          check(function(v) rng():shuffle(v, -1) end, x)
          check(function(v) return rng():permutation(v), rng():permuted(v, {axis = -1}),
                                   rng():choice(v, 3, false) end, x)
          check(function(v, o) return rng():permuted(v, {axis = 1, out = o}) end, x, M(a, 4))
          check(function(v) np.random.seed(1); np.random.shuffle(v); return np.random.permutation(v) end, x)
        end
      end)
    end)

    it("refuses a misaligned out=, as NumPy does", function()
      for _, dt in ipairs({"float64", "float32"}) do
        local v = mis(np.zeros(6, dt))
        for _, f in ipairs({"random", "standard_normal", "standard_exponential"}) do
          H.assert_error("lumpy.random.Generator." .. f .. ": Supplied output array must be " ..
                         "contiguous, writable, aligned, and in machine byte-order.",
                         function() return rng()[f](rng(), {dtype = dt, out = v}) end)
        end
        H.assert_error("lumpy.random.Generator.standard_gamma: Supplied output array",
                       function() return rng():standard_gamma(2.0, {dtype = dt, out = v}) end)
        -- an aligned out at an even offset of the same buffer is accepted
        local w = np.zeros(6 * v.itemsize + v.itemsize, "uint8")[{{v.itemsize + 1, 7 * v.itemsize}}]:view(dt)
        assert.is_true(w.flags.aligned)
        same(rng():random({dtype = dt, out = w}), rng():random(6, dt))
      end
    end)
  end)

  describe("files and bytes", function()
    it("saves, loads and formats misaligned arrays", function()
      local tmp = os.tmpname()
      each(DTYPES, function(dt)
        local a = values(dt, 12):reshape(3, 4)
        for _, x in ipairs({M(a), M(a, 1, true), M(a, 4)}) do
          check(function(v, w)
            np.save(tmp, v)
            local r1 = np.load(tmp .. ".npy")
            np.savez(tmp .. ".npz", v, {w = w})
            local f = np.load(tmp .. ".npz")
            local r2, r3 = f.arr_0, f.w
            f:close()
            np.savetxt(tmp, v, {fmt = "%s"})
            local fh = io.open(tmp); local txt = fh:read("*a"); fh:close()
            v:tofile(tmp)
            local r4 = np.fromfile(tmp, dt)
            local s = v:tobytes()
            return r1, r2, r3, txt, r4, np.frombuffer(s, dt), np.frombuffer("x" .. s, dt, -1, 1)
          end, x, M(a.T:copy(), 1, true))
        end
      end)
      os.remove(tmp); os.remove(tmp .. ".npy"); os.remove(tmp .. ".npz")
    end)
  end)

  describe("DLPack", function()
    it("exports and imports misaligned arrays", function()
      each({"int16", "int64", "float64", "complex128"}, function(dt)
        check(function(v) local u = np.from_dlpack(v); return u:copy(), np.sum(u), np.sort(u) end,
              M(values(dt, 12)))
        assert.is_false(np.from_dlpack(mis(values(dt, 12))).flags.aligned)
      end)
    end)
  end)
end)
