-- spec/npyio_spec.lua: np.save, np.load, np.savez, np.savez_compressed,
-- NpzFile, memory maps (np.load mmap_mode, np.memmap,
-- np.lib.format.open_memmap) and bad files. Interop both ways: files
-- NumPy wrote (spec/fixtures/npy/, tools/fixtures/npyio.py) are loaded and
-- compared with the arrays NumPy read from them; files LumPy writes are
-- read back by NumPy (/usr/bin/python3), which checks them against its own
-- np.save of the same array, byte for byte.
local H = require "helper"
local np = require "lumpy"

local FX = H.fixture("npyio")
local DIR = debug.getinfo(1, "S").source:sub(2):match("^(.*)/[^/]*$") .. "/fixtures/npy/"
local PY = "/usr/bin/python3"

local tmp
local function tmpdir()
  if not tmp then
    tmp = os.tmpname()
    os.remove(tmp)
    assert(os.execute("mkdir -p '" .. tmp .. "'"))
  end
  return tmp .. "/"
end

-- run python code with the given text as its stdin; returns stdout
local function python(code, input)
  local script = tmpdir() .. "check.py"
  local f = assert(io.open(script, "w"))
  f:write(code)
  f:close()
  local inp = tmpdir() .. "input.txt"
  f = assert(io.open(inp, "w"))
  f:write(input or "")
  f:close()
  -- without the sanitizer runtime `make sanitize` preloads into this process
  local p = assert(io.popen("env -u LD_PRELOAD -u ASAN_OPTIONS -u UBSAN_OPTIONS " .. PY ..
                            " '" .. script .. "' < '" .. inp .. "' 2>&1"))
  local out = p:read("*a")
  p:close()
  return out
end

local function copy_file(from, to)
  local a = assert(io.open(from, "rb"))
  local s = a:read("*a")
  a:close()
  local b = assert(io.open(to, "wb"))
  b:write(s)
  b:close()
end

local read_file = H.read_file

-- python: each input line "lumpy_file fixture_file expr" -> NumPy loads the
-- fixture, applies expr (a Python expression in a) and checks that LumPy's
-- file loads to the same array and equals what np.save writes for it
local CHECK_NPY = [[
import sys, io, numpy as np
for line in sys.stdin:
    if not line.strip(): continue
    mine, fx, expr = line.rstrip("\n").split(" ", 2)
    a = np.load(fx)
    a = a.astype(a.dtype.newbyteorder("="))
    want = eval(expr)
    got = np.load(mine)
    buf = io.BytesIO(); np.save(buf, want)
    same = open(mine, "rb").read() == buf.getvalue()
    ok = (got.dtype == want.dtype and got.shape == want.shape and
          np.array_equal(got, want, equal_nan=(got.dtype.kind in "fc")) and same)
    print(("ok " if ok else "FAIL ") + mine + ("" if same else " (bytes differ)"))
]]

-- a (loaded from file c.file) against NumPy's values; false, leaving them
-- unchecked, where they are int64 beyond what a double holds and the Lua
-- lacks bigints (the test checks every other file, then ends pending)
local function check_values(a, c)
  if H.bigints_lost(c.expect) then return false end
  H.assert_array_equal(a, c.expect, 0, c.file)
  return true
end

describe("np.load of files NumPy wrote", function()
  it("reads every dtype, both byte orders, C/F order, 0-d, empty, versions 1-3", function()
    assert.is_true(#FX.good > 60)
    local all = true
    for _, c in ipairs(FX.good) do
      local a = np.load(DIR .. c.file)
      all = check_values(a, c) and all
      if c.fortran and a.ndim > 1 then
        assert.is_true(a.flags.f_contiguous, c.file)
        assert.is_false(a.flags.c_contiguous, c.file)
      else
        assert.is_true(a.flags.c_contiguous, c.file)
      end
      assert.is_true(a.flags.writeable, c.file)
    end
    if not all then H.lacks("bigints") end
  end)

  it("reads from an open Lua file handle, leaving it after the array", function()
    local f = assert(io.open(DIR .. "float64_1d.npy", "rb"))
    local a = np.load(f)
    assert.equal(f:read(1), nil)
    f:close()
    local c
    for _, g in ipairs(FX.good) do if g.file == "float64_1d.npy" then c = g end end
    H.assert_array_equal(a, c.expect)
  end)

  it("memory-maps every native-order file (mode r is read-only)", function()
    local all = true
    for _, c in ipairs(FX.good) do
      if not c.file:find("_be_") then
        local m = np.load(DIR .. c.file, { mmap_mode = "r" })
        all = check_values(m, c) and all
        assert.is_false(m.flags.writeable, c.file)
      end
    end
    local m = np.load(DIR .. "float64_1d.npy", "r")
    assert.has_error(function() m[1] = 5 end)
    if not all then H.lacks("bigints") end
  end)

  it("refuses to memory-map a big-endian file, with a clear error", function()
    local msg = H.assert_error("lumpy.load:", np.load, DIR .. "float64_be_2x3.npy", { mmap_mode = "r" })
    H.assert_contains(msg, "byte order")
  end)
end)

describe("np.load of .npz archives NumPy wrote", function()
  it("lists members, loads each on access, stored and deflated", function()
    for file, names in pairs(FX.npz) do
      local f = np.load(DIR .. file)
      assert.same(names, f.files)
      for _, k in ipairs(names) do
        H.assert_array_equal(f[k], FX.npz_expect[k], 0, file .. ":" .. k)
        H.assert_array_equal(f:get(k .. ".npy"), FX.npz_expect[k], 0, file .. ":" .. k)
        H.assert_array_equal(f.f[k], FX.npz_expect[k], 0, file .. ":" .. k)
      end
      local seen = {}
      for k, v in f:items() do
        seen[#seen + 1] = k
        assert.is_true(H.isarray(v))
      end
      assert.same(names, seen)
      assert.is_nil(f.nothing)
      assert.equal("NpzFile '" .. DIR .. file .. "' with keys: " .. table.concat(names, ", "), tostring(f))
      f:close()
    end
  end)

  it("has # and pairs over its members, as a table of them (__len, __pairs)", function()
    if H.lacks("len") or H.lacks("pairs") then return end
    for file, names in pairs(FX.npz) do
      local f = np.load(DIR .. file)
      assert.equal(#names, #f)
      local seen = {}
      for k, v in pairs(f) do
        seen[#seen + 1] = k
        assert.is_true(H.isarray(v))
      end
      assert.same(names, seen)
      f:close()
    end
  end)

  it("closes at the end of a <close> block (Lua 5.4)", function()
    if H.lacks("close") then return end
    local file = next(FX.npz)
    local chunk = assert(load([[
      local np, path = ...
      local f <close> = np.load(path)
      return f
    ]]))
    local f = chunk(np, DIR .. file)
    H.assert_error("lumpy.load:", function() return f[f.files[1]] end)
  end)

  it("returns the bytes of a member that is not .npy data", function()
    local f = np.load(DIR .. "mixed.npz")
    assert.same({ "a", "notes.txt" }, f.files)
    assert.equal("not an array\n", f["notes.txt"])
    assert.is_true(H.isarray(f.a))
    f:close()
    local msg = H.assert_error("lumpy.load:", function() return f.a end)
    H.assert_contains(msg, "closed")
  end)
end)

describe("bad files", function()
  it("raise a clear error naming lumpy.load, and never crash", function()
    assert.is_true(#FX.bad > 25)
    for _, c in ipairs(FX.bad) do
      local ok, msg = pcall(function()
        local r = np.load(DIR .. c.file, c.opts)
        if type(r) == "table" then       -- an NpzFile: errors come on access
          for _, k in ipairs(r.files) do local _ = r[k] end
        end
      end)
      assert.is_false(ok, c.file .. " loaded")
      assert.matches("^lumpy%.load: ", msg, 1, false, c.file)
      if c.words ~= "" then
        assert(msg:lower():find(c.words:lower(), 1, true),
               c.file .. ": " .. msg .. " (wanted '" .. c.words .. "')")
      end
    end
  end)

  it("a huge declared shape with no data fails before allocating", function()
    local msg = H.assert_error("lumpy.load:", np.load, DIR .. "huge_shape_no_data.npy")
    H.assert_contains(msg, "truncated")
    msg = H.assert_error("lumpy.load:", np.load, DIR .. "huge_shape_no_data.npy", { mmap_mode = "r" })
    H.assert_contains(msg, "bytes")
  end)

  it("bad arguments", function()
    H.assert_error("lumpy.load:", np.load, tmpdir() .. "does-not-exist.npy")
    -- a directory: a read error, not "no data left in file"
    local msg = H.assert_error("lumpy.load:", np.load, tmpdir())
    H.assert_contains(msg, "cannot read")
    local d = assert(io.open(tmpdir(), "rb"))
    H.assert_contains(H.assert_error("lumpy.load:", np.load, d), "cannot read")
    d:close()
    H.assert_error("lumpy.load:", np.load, 42)
    H.assert_error("lumpy.load:", np.load, DIR .. "float64_1d.npy", { mmap_mode = "x" })
    H.assert_error("lumpy.load:", np.load, DIR .. "float64_1d.npy", { mmap_mode = "w+" })
    H.assert_error("lumpy.load:", np.load, DIR .. "float64_1d.npy", { bogus = 1 })
    H.assert_error("lumpy.save:", np.save, {}, np.zeros(3))
    H.assert_error("lumpy.save:", np.save, tmpdir() .. "no/such/dir/x.npy", np.zeros(3))
    H.assert_error("lumpy.savez:", np.savez, tmpdir() .. "c.npz", np.zeros(2), { arr_0 = np.ones(2) })
    H.assert_error("lumpy.memmap:", np.memmap, tmpdir() .. "nope.bin", { mode = "w+" })
    H.assert_error("lumpy.memmap:", np.memmap, tmpdir() .. "nope.bin", { mode = "zz", shape = 3 })
    H.assert_error("lumpy.memmap:", np.memmap, tmpdir() .. "nope.bin", { mode = "r" })
    H.assert_error("lumpy.lib.format.open_memmap:", np.lib.format.open_memmap,
                   tmpdir() .. "x.npy", { mode = "w+" })
  end)

  it("fuzz: random arguments give lumpy.* errors", function()
    local vals = { 1, -1, 0.5, "r", "w+", "", {}, { 3 }, { mmap_mode = "r" },
                   { shape = -1 }, { dtype = "zz" }, true, np.zeros(2), DIR .. "float64_0d.npy",
                   DIR .. "bomb.npz", DIR .. "object.npy", { offset = -5 }, { shape = { 1e300 } } }
    local mod = { load = np.load, memmap = np.memmap }
    assert.same({}, H.fuzz { module = mod, names = { "load", "memmap" }, vals = vals,
                             calls = 400, maxargs = 3 })
  end)
end)

-- arrays LumPy writes, read back by NumPy
describe("np.save read by NumPy", function()
  it("every dtype, views (transposed, strided, reversed), 0-d, empty, big-endian sources", function()
    local lines = {}
    local views = {
      { "a", "a" }, { "a.T", "a.T" }, { 'a["::-1, ::2"]', "a[::-1, ::2]" },
      { "a[2]", "a[1]" }, { 'a[":, 2"]', "a[:, 1]" },
    }
    for _, c in ipairs(FX.good) do
      local a = np.load(DIR .. c.file)
      local list = (a.ndim == 2 and a.shape[1] > 0) and views or { { "a", "a" } }
      if a.ndim == 3 then list = { { "a", "a" }, { 'a[":, ::2, 1:3"]', "a[:, ::2, 0:3]" } } end
      for i, v in ipairs(list) do
        local out = tmpdir() .. c.file:gsub("%.npy$", "") .. "_" .. i .. ".npy"
        local x = H.eval(v[1], { a = a })()
        np.save(out, x)
        lines[#lines + 1] = out .. " " .. DIR .. c.file .. " " .. v[2]
      end
    end
    local out = python(CHECK_NPY, table.concat(lines, "\n"))
    local n = select(2, out:gsub("\nok ", "")) + (out:sub(1, 3) == "ok " and 1 or 0)
    assert.equal(#lines, n, out)
  end)

  it("appends .npy, and writes to an open file handle", function()
    np.save(tmpdir() .. "plain", np.arange(3))
    assert.is_true(H.isarray(np.load(tmpdir() .. "plain.npy")))
    local f = assert(io.open(tmpdir() .. "handle.bin", "wb"))
    np.save(f, np.arange(4, { dtype = "float64" }))
    np.save(f, np.array({ true, false }))
    f:close()
    f = assert(io.open(tmpdir() .. "handle.bin", "rb"))
    local a, b = np.load(f), np.load(f)
    f:close()
    assert.same({ 0, 1, 2, 3 }, a:tolist())
    assert.same({ true, false }, b:tolist())
    local out = python([[
import numpy as np, sys
with open(sys.argv[0].rsplit("/", 1)[0] + "/handle.bin", "rb") as f:
    a = np.load(f); b = np.load(f)
print(a.tolist(), b.tolist(), a.dtype, b.dtype)
]])
    assert.equal("[0.0, 1.0, 2.0, 3.0] [True, False] float64 bool\n", out)
  end)
end)

describe("np.savez / np.savez_compressed read by NumPy", function()
  it("positional arrays are arr_0.., a trailing table names the others", function()
    for _, fname in ipairs { "savez", "savez_compressed" } do
      local path = tmpdir() .. fname
      local big = np.arange(100000, { dtype = "float64" }):reshape(100, 1000)
      np[fname](path, np.arange(6):reshape(2, 3).T, np.array({ 1.5, -2 }, "float32"),
                { zeta = np.array(true), alpha = big["::3, ::7"], cplx = np.array({ 1, 2 }, "complex64") })
      local out = python(([[
import numpy as np, zipfile
p = "%s.npz"
z = np.load(p)
print(z.files)
big = np.arange(100000.0).reshape(100, 1000)
ok = [np.array_equal(z["arr_0"], np.arange(6).reshape(2, 3).T),
      z["arr_0"].flags.f_contiguous,
      np.array_equal(z["arr_1"], np.array([1.5, -2], np.float32)) and z["arr_1"].dtype == np.float32,
      z["zeta"].shape == () and bool(z["zeta"]),
      np.array_equal(z["alpha"], big[::3, ::7]),
      z["cplx"].dtype == np.complex64]
print(ok, zipfile.ZipFile(p).testzip(),
      sorted(set(i.compress_type for i in zipfile.ZipFile(p).infolist())))
]]):format(path))
      local method = fname == "savez" and "[0]" or "[8]"
      assert.equal("['alpha', 'cplx', 'zeta', 'arr_0', 'arr_1']\n[True, True, True, True, True, True] None "
                   .. method .. "\n", out)
      local f = np.load(path .. ".npz")
      assert.same({ "alpha", "cplx", "zeta", "arr_0", "arr_1" }, f.files)
      assert.is_true(np.array_equal(f.alpha, big["::3, ::7"]))
      f:close()
    end
  end)

  it("an archive with no arrays, and empty / 0-d members", function()
    local path = tmpdir() .. "empty.npz"
    np.savez(path)
    local f = np.load(path)
    assert.same({}, f.files)
    np.savez_compressed(path, np.zeros({ 0, 4 }), np.array(7))
    f = np.load(path)
    assert.same({ 0, 4 }, f.arr_0.shape)
    assert.equal(7, f.arr_1:item())
  end)
end)

describe("memory maps", function()
  it("r+ writes reach the file; c does not; a view keeps the mapping alive", function()
    local p = tmpdir() .. "rw.npy"
    copy_file(DIR .. "int32_fortran_2x3x4.npy", p)
    local m = np.load(p, { mmap_mode = "r+" })
    assert.is_true(m.flags.f_contiguous)
    m[{ 2, 3, 4 }] = 12345
    m:flush()
    local v = m[{ 2 }]
    m = nil
    collectgarbage(); collectgarbage()
    assert.equal(12345, v[{ 3, 4 }])
    local out = python(([[
import numpy as np
print(int(np.load("%s")[1, 2, 3]))
]]):format(p))
    assert.equal("12345\n", out)
    local before = read_file(p)
    local c = np.load(p, { mmap_mode = "c" })
    c[{ 1, 1, 1 }] = -7
    assert.equal(-7, c[{ 1, 1, 1 }])
    c:flush()
    c = nil
    collectgarbage()
    assert.equal(before, read_file(p))
  end)

  it("np.lib.format.open_memmap creates .npy files NumPy reads", function()
    local p = tmpdir() .. "om.npy"
    local m = np.lib.format.open_memmap(p, { mode = "w+", dtype = "float32", shape = { 3, 5 },
                                             fortran_order = true })
    assert.same({ 3, 5 }, m.shape)
    assert.is_true(m.flags.f_contiguous)
    for i = 1, 3 do for j = 1, 5 do m[{ i, j }] = i * 10 + j end end
    m:flush()
    local out = python(([[
import numpy as np
a = np.load("%s")
print(a.dtype, a.shape, a.flags.f_contiguous, a[2, 4], a.sum())
]]):format(p))
    assert.equal("float32 (3, 5) True 35.0 345.0\n", out)
    local r = np.lib.format.open_memmap(p, "r")
    assert.equal(35.0, r[{ 3, 5 }])
    local p2 = tmpdir() .. "om2.npy"
    np.lib.format.open_memmap(p2, "w+", "int8", 4, false, { 2, 0 })
    out = python(([[
import numpy as np
from numpy.lib import format as f
with open("%s", "rb") as fp:
    print(f.read_magic(fp), np.load("%s").tolist())
]]):format(p2, p2))
    assert.equal("(2, 0) [0, 0, 0, 0]\n", out)
  end)

  it("np.memmap maps raw files with offset, shape and order", function()
    local p = tmpdir() .. "raw.bin"
    python(([[
import numpy as np
with open("%s", "wb") as f:
    f.write(b"HEAD")
    f.write(np.arange(24, dtype="<i2").tobytes())
]]):format(p))
    local m = np.memmap(p, { dtype = "int16", mode = "r", offset = 4 })
    assert.same({ 24 }, m.shape)
    assert.equal(23, m[24])
    local f = np.memmap(p, "int16", "r+", 4, { 4, 6 }, "F")
    assert.equal(1, f[{ 2, 1 }])
    assert.equal(4, f[{ 1, 2 }])
    f[{ 1, 1 }] = 999
    f:flush()
    local out = python(([[
import numpy as np
print(np.fromfile("%s", dtype="<i2", offset=4)[:3].tolist())
]]):format(p))
    assert.equal("[999, 1, 2]\n", out)
    local w = np.memmap(tmpdir() .. "new.bin", { dtype = "float64", mode = "w+", shape = { 2, 2 } })
    assert.equal(0.0, w[{ 2, 2 }])
    H.assert_error("lumpy.memmap:", np.memmap, p, { dtype = "float64", mode = "r", offset = 6 })
  end)

  it("a file larger than memory maps without touching its data", function()
    local p = tmpdir() .. "sparse.npy"
    -- 64 GiB declared, sparse on disk
    local m = np.lib.format.open_memmap(p, { mode = "w+", dtype = "float64", shape = { 8 * 1024 * 1024 * 1024 } })
    assert.equal(0.0, m[-1])
    m[-1] = 2.5
    m = nil
    collectgarbage(); collectgarbage()
    local r = np.load(p, { mmap_mode = "r" })
    assert.equal(2.5, r[-1])
    r = nil
    collectgarbage()
    os.remove(p)
  end)
end)

teardown(function()
  if tmp then os.execute("rm -rf '" .. tmp .. "'") end
end)
