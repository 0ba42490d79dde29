-- examples/tour.lua - a short tour of LumPy: arrays, dtypes and promotion,
-- slicing (1-based, inclusive), broadcasting, operators and printing.
-- Run it with `make demo`, or from anywhere after `eval "$(make -s env)"`:
--   lua5.4 examples/tour.lua
local np = require "lumpy"

local function section(title)
  print()
  print("-- " .. title .. " " .. string.rep("-", 60 - #title))
end

local function show(label, value)
  local s = tostring(value)
  if s:find("\n", 1, true) then
    print(label .. " =")
    print(s)
  else
    print(label .. " = " .. s)
  end
end

section("arrays")
local a = np.arange(12):reshape(3, 4)
show("a = np.arange(12):reshape(3, 4)", a)
show("a.shape", table.concat(a.shape, ", "))
show("a.ndim, a.size, #a", a.ndim .. ", " .. a.size .. ", " .. #a)
show("a.dtype", a.dtype)
show("np.array({{1, 2}, {3, 4}})", np.array({{1, 2}, {3, 4}}))
show("np.zeros({2, 3})", np.zeros({2, 3}))
show("np.linspace(0, 1, 5)", np.linspace(0, 1, 5))

section("dtypes and promotion")
local f = np.array({1.5, 2.25, -3})
show("f.dtype", f.dtype)
show("f:astype(\"float32\")", f:astype("float32"))
show("f:astype(\"int32\")", f:astype("int32"))
local i8 = np.array({100, 120, -7}, "int8")
show("i8 = np.array({100, 120, -7}, \"int8\")", i8)
show("(i8 + 1).dtype  (a Lua number is a weak scalar)", (i8 + 1).dtype)
show("(i8 + 1.5).dtype", (i8 + 1.5).dtype)
show("(i8 + np.array({1}, \"int16\")).dtype", (i8 + np.array({1}, "int16")).dtype)
show("(np.arange(3) / 2).dtype", (np.arange(3) / 2).dtype)

section("indexing: positions start at 1, slices include both ends")
show("a[1]            (first row)", a[1])
show("a[1][4]         (a scalar is a Lua value)", a[1][4])
show("a[\"2:3, :\"]     (rows 2 and 3)", a["2:3, :"])
show("a[\":, -1\"]      (last column)", a[":, -1"])
show("a[\"::2, 2:3\"]   (rows 1 and 3, columns 2 to 3)", a["::2, 2:3"])
show("a[\"3:1:-1, 1\"]  (backwards)", a["3:1:-1, 1"])
show("a[{2, {1, 4, 3}}] (table form: row 2, columns 1 and 4)", a[{2, {1, 4, 3}}])

local v = a["1:2, 1:2"]         -- basic indexing gives a view ...
v[{1, 1}] = 100                  -- ... so writing through it changes a
show("after v = a[\"1:2, 1:2\"]; v[{1, 1}] = 100, a", a)
a["3, :"] = -1                   -- assignment broadcasts the value
show("after a[\"3, :\"] = -1, a", a)

section("broadcasting and operators")
local m = np.arange(6):reshape(2, 3)
local row = np.array({10, 20, 30})
local col = np.array({{100}, {200}})
show("m", m)
show("m + row", m + row)
show("m * col", m * col)
show("row + col", row + col)
show("np.floor_divide(m, 4)   (m // 4 from Lua 5.3 on)", np.floor_divide(m, 4))
show("m % 4", m % 4)
show("-m ^ 2", -m ^ 2)
show("m:gt(2)   (elementwise: methods, since Lua's < must return a boolean)", m:gt(2))
show("m == np.arange(6):reshape(2, 3)   (== is array_equal)",
     m == np.arange(6):reshape(2, 3))

section("reductions, sorting, fancy indexing (positions are 1-based)")
local v = np.array({3.5, -1.0, 7.25, 0.5, 7.25})
show("v", v)
show("v:sum(), v:mean(), v:std()", ("%g, %g, %.6g"):format(v:sum(), v:mean(), v:std()))
show("m:sum(1)   (down axis 1, NumPy's axis=0)", m:sum(1))
show("v:argmax()   (the first 7.25 is element 3)", v:argmax())
show("np.sort(v)", np.sort(v))
show("np.argsort(v)", np.argsort(v))
show("np.unique(v)", np.unique(v))
show("v[v:gt(1)]   (a boolean mask)", v[v:gt(1)])
show("v[np.array({5, 1, 1})]   (an integer index array)", v[np.array({5, 1, 1})])
show("np.concatenate({m, m * 10}, 2)", np.concatenate({m, m * 10}, 2))
show("np.median(v), np.percentile(v, 90)", ("%g, %g"):format(np.median(v), np.percentile(v, 90)))

section("matrix products and linear algebra (BLAS and LAPACK)")
local A = np.array({{4, 1}, {2, 3}})
show("A", A)
show("np.matmul(A, A)   (also A:matmul(A), np.dot(A, A))", np.matmul(A, A))
show("np.einsum('ij,jk->ik', A, A.T)", np.einsum("ij,jk->ik", A, A.T))
show("np.linalg.solve(A, {1, 2})", np.linalg.solve(A, {1, 2}))
show("np.linalg.det(A)   (a Lua number)", np.linalg.det(A))
local w = np.linalg.eigvals(A)
show("np.linalg.eigvals(A)", w)
local q, r = np.linalg.qr(A)
show("q, r = np.linalg.qr(A); r", r)
show("np.linalg.norm(A), np.linalg.cond(A)", ("%.6g, %.6g"):format(np.linalg.norm(A), np.linalg.cond(A)))
show("np.show_config('dicts').blas.name", np.show_config("dicts").blas.name)

section("printing")
show("np.linspace(0, 1, 7)", np.linspace(0, 1, 7))
show("np.array({1e-5, 1, 1e5})", np.array({1e-5, 1, 1e5}))
show("np.array({true, false})", np.array({true, false}))
show("np.arange(2000)   (summarised past 1000 elements)", np.arange(2000))
np.set_printoptions({precision = 3})
show("with precision = 3, np.linspace(0, 1, 4)", np.linspace(0, 1, 4))
np.set_printoptions({precision = 8})

section("errors are Lua errors")
local ok, err = pcall(function() return np.ones({3}) + np.ones({4}) end)
show("pcall(np.ones({3}) + np.ones({4}))", tostring(ok) .. ", " .. tostring(err))
ok, err = pcall(function() return a[{4, 1}] end)
show("pcall(a[{4, 1}])", tostring(ok) .. ", " .. tostring(err))
ok, err = pcall(function() return m < m end)
show("pcall(m < m)", tostring(ok) .. ", " .. tostring(err))
