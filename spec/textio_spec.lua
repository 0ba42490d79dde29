-- textio_spec.lua: text files and raw bytes against NumPy
-- (spec/fixtures/textio.lua): loadtxt on odd tables and every option, one
-- field of every dtype parsed as NumPy parses it, savetxt's output byte for
-- byte, genfromtxt, fromstring, tofile's text and tobytes of every dtype and
-- order; then files and handles, round trips, errors, and a fuzz of the
-- tokenizer and the format parser.
local H = require "helper"
local np = require "lumpy"
local fx = H.fixture("textio")

local function opts(code) return H.eval(code, {})() end

local function tmpname()
  local p = os.tmpname()
  return p
end

local readall = H.read_file

local function writeall(path, s)
  local f = assert(io.open(path, "wb"))
  f:write(s)
  f:close()
end

-- NumPy's message for a failed conversion names the row 0-based; LumPy's
-- 1-based (docs/numpy-differences.md). Compare the part before the numbers.
local SAME = { "could not convert", "the number of columns", "invalid column index",
  "Illegal value of ndmin", "usecols must be", "The values for control", "Some errors",
  "Cannot convert", "fmt has wrong", "Mismatch between", "Expected 1D or 2D",
  "cannot convert float", "unsupported format character" }

local function check_error(fn, msg, ex)
  local prefix = "lumpy." .. fn .. ": "
  assert(msg:sub(1, #prefix) == prefix, ("expected %q..., got %q"):format(prefix, msg))
  for _, head in ipairs(SAME) do
    if ex.message:find(head, 1, true) then H.assert_contains(msg, head) end
  end
end

-- unpack: NumPy returns a.T, LumPy one value per row of it
local function check_results(res, ex, o)
  if o.unpack and ex.kind == "array" then
    local e = H.toarray(ex.v)
    if e.ndim == 0 then return H.check_expect(res, ex) end
    assert.equal(e.shape[1], res.n)
    for i = 1, res.n do
      local want, got = e[i], res[i]
      if H.isarray(want) then assert(np.array_equal(got, want), "value " .. i)
      else assert.equal(want, got) end
    end
    return
  end
  H.check_expect(res, ex)
end

-- a fixture case of np.<fname> on its text: NumPy's error or results;
-- check_msg, when given, also checks an error's message
local function run_text_case(fname, c, check_msg)
  local o = opts(c.lua)
  local res = H.pack(pcall(np[fname], { c.text }, o))
  local ex = c.expect
  if ex.kind == "error" then
    assert(not res[1], "expected an error: " .. ex.message)
    check_error(fname, res[2], ex)
    if check_msg then check_msg(res[2], ex) end
    return
  end
  assert(res[1], tostring(res[2]))
  table.remove(res, 1)
  res.n = res.n - 1
  check_results(res, ex, o)
end

describe("np.loadtxt against NumPy", function()
  -- NumPy's rows count from 0, LumPy's from 1
  local function row_from_1(msg, ex)
    if ex.message:find("^could not convert") then
      local row = tonumber(ex.message:match("at row (%d+),"))
      H.assert_contains(msg, ("at row %d,"):format(row + 1))
    end
  end
  for i, c in ipairs(fx.load) do
    it(("%d: %q %s"):format(i, c.text, c.lua), function()
      run_text_case("loadtxt", c, row_from_1)
    end)
  end

  it("reads a file by path and by handle the same as the lines", function()
    local p = tmpname()
    writeall(p, "# x\n1 2\r\n3 4\n")
    local a = np.loadtxt(p)
    local f = assert(io.open(p, "rb"))
    local b = np.loadtxt(f)
    f:close()
    assert.is_true(np.array_equal(a, np.array({ { 1, 2 }, { 3, 4 } })))
    assert.is_true(np.array_equal(a, b))
    os.remove(p)
  end)

  it("takes dtype positionally and as a dtype object", function()
    local a = np.loadtxt({ "1 2" }, "int32")
    assert.equal("int32", a.dtype.name)
    assert.equal("int16", np.loadtxt({ "1 2" }, np.int16).dtype.name)
  end)

  it("applies converters (a function, or a table by 1-based column)", function()
    local a = np.loadtxt({ "1 2", "3 4" }, { converters = function(s) return tonumber(s) * 2 end })
    assert.is_true(np.array_equal(a, np.array({ { 2, 4 }, { 6, 8 } })))
    a = np.loadtxt({ "1 x", "3 y" }, { converters = { [-1] = function(s) return #s end } })
    assert.is_true(np.array_equal(a, np.array({ { 1, 1 }, { 3, 1 } })))
    a = np.loadtxt({ "1 2 3" }, { usecols = { 3 }, converters = { [3] = function() return 9 end } })
    assert.equal(9.0, a:item())
    H.assert_error("lumpy.loadtxt:", np.loadtxt, { "1 x" }, { converters = { [1] = tonumber } })
    -- the Lua path keeps uint64 values above 2^63 - 1
    a = np.loadtxt({ "18446744073709551615 1" }, { dtype = "uint64", converters = { [2] = function() return 5 end } })
    assert.truthy(tostring(a):find("18446744073709551615", 1, true))
    a = np.genfromtxt({ "18446744073709551615 1" }, { dtype = "uint64" })
    assert.equal("uint64", a.dtype.name)
    H.assert_error("lumpy.genfromtxt:", np.genfromtxt, { "1,", "2,3" }, { delimiter = ",", dtype = "uint8" })
  end)

  it("refuses a converter for a column the rows do not have", function()
    -- NumPy 1.24: np.loadtxt(['1 1'], converters={4: float}) raises "converter
    -- specified for column 4, which is invalid for the number of fields 2."
    -- (column 4 is 0-based: LumPy's 5)
    local one = function() return 1 end
    local err = H.assert_error("lumpy.loadtxt:", np.loadtxt, { "1 1" }, { converters = { [5] = one } })
    H.assert_contains(err, "converter specified for column 5, which is invalid for the number of fields 2")
    H.assert_error("lumpy.loadtxt:", np.loadtxt, { "1 1" }, { converters = { [-3] = one } })
    H.assert_error("lumpy.loadtxt:", np.loadtxt, { "1 1", "2 2" }, { converters = { [3] = one } })
    -- in range (negative from the end), or unused with usecols, as NumPy
    local a = np.loadtxt({ "1 1" }, { converters = { [-2] = function() return 7 end } })
    assert.is_true(np.array_equal(a, np.array({ 7, 1 })))
    assert.equal(1.0, np.loadtxt({ "1 1" }, { usecols = { 1 }, converters = { [5] = one } }):item())
  end)

  it("unpacks into one value per column", function()
    local a, b, c = np.loadtxt({ "1 2 3", "4 5 6" }, { unpack = true })
    assert.is_true(np.array_equal(c, np.array({ 3, 6 })))
    assert.is_true(np.array_equal(a, np.array({ 1, 4 })))
    assert.is_not_nil(b)
  end)

  it("raises clear errors for bad arguments", function()
    H.assert_error("lumpy.loadtxt:", np.loadtxt, "/nonexistent/file.txt")
    H.assert_error("lumpy.loadtxt:", np.loadtxt, 42)
    H.assert_error("lumpy.loadtxt:", np.loadtxt, { "1" }, { delimiter = ",," })
    H.assert_error("lumpy.loadtxt:", np.loadtxt, { "1" }, { usecols = 0 })
    H.assert_error("lumpy.loadtxt:", np.loadtxt, { "1" }, { usecols = 1.5 })
    H.assert_error("lumpy.loadtxt:", np.loadtxt, { "1" }, { max_rows = -1 })
    H.assert_error("lumpy.loadtxt:", np.loadtxt, { "1" }, { bogus = 1 })
    H.assert_error("lumpy.loadtxt:", np.loadtxt, { "1" }, { dtype = "S4" })
    H.assert_error("lumpy.loadtxt:", np.loadtxt, { "1" }, { comments = "" })
    H.assert_error("lumpy.loadtxt:", np.loadtxt, { 1, 2 })
    -- a directory cannot be read (it used to give an empty array)
    H.assert_contains(H.assert_error("lumpy.loadtxt:", np.loadtxt, "."), "cannot read")
    H.assert_contains(H.assert_error("lumpy.genfromtxt:", np.genfromtxt, "."), "cannot read")
    H.assert_contains(H.assert_error("lumpy.fromfile:", np.fromfile, "."), "cannot read")
    H.assert_contains(H.assert_error("lumpy.fromfile:", np.fromfile, ".", { sep = " " }), "cannot read")
  end)
  it("reads files through one helper, U.read, that names the file it cannot read", function()
    local U = require "lumpy.util"
    local path = tmpname()
    writeall(path, "1 2\n")
    local f = assert(io.open(path, "rb"))
    assert.are.equal("1 2", U.read(f, 3))
    assert.are.equal("\n", U.read(f, "*a"))
    assert.are.equal("", U.read(f, 1, path, true))     -- the end: "", and f closed
    assert.are.equal("closed file", io.type(f))
    os.remove(path)
    -- a directory: the path, or "the file" for a handle; closed when asked
    local d = assert(io.open(".", "rb"))
    H.assert_error("cannot read the file: ", U.read, d, "*a")
    H.assert_error("cannot read ./: ", U.read, d, 6, "./", true)
    assert.are.equal("closed file", io.type(d))
    -- the same message from each function that reads a file
    local dir = "."
    for _, c in ipairs({ { "loadtxt", np.loadtxt }, { "genfromtxt", np.genfromtxt }, { "fromfile", np.fromfile },
                         { "load", np.load } }) do
      H.assert_error("lumpy." .. c[1] .. ": cannot read " .. dir .. ": ", c[2], dir)
      d = assert(io.open(dir, "rb"))
      H.assert_error("lumpy." .. c[1] .. ": cannot read the file: ", c[2], d)
      d:close()
    end
  end)
end)

describe("loadtxt's field parsing against NumPy, every dtype", function()
  it("parses or refuses each field as NumPy does", function()
    local bad = {}
    for _, c in ipairs(fx.parse) do
      local ok, r = pcall(np.loadtxt, { c.s }, { dtype = c.dtype, delimiter = ",", ndmin = 1 })
      if c.expect.kind == "error" then
        if ok then bad[#bad + 1] = ("%s %q: NumPy refuses, LumPy gave %s"):format(c.dtype, c.s, tostring(r)) end
      elseif not ok then
        bad[#bad + 1] = ("%s %q: %s"):format(c.dtype, c.s, r)
      else
        local ok2, e = pcall(function()
          if c.expect.kind == "array" then H.need_bigints(c.expect.v) end
          H.check_expect(H.pack(r), c.expect)
        end)
        if not ok2 and not H.skipped(e) then bad[#bad + 1] = ("%s %q: %s"):format(c.dtype, c.s, e) end
      end
    end
    assert(#bad == 0, table.concat(bad, "\n"))
  end)
end)

describe("np.savetxt writes NumPy's bytes", function()
  for i, c in ipairs(fx.save) do
    it(("%d: %s %s"):format(i, c.x, c.lua), function()
      local x = H.toarray(fx.save_arrays[c.x])
      local p = tmpname()
      local ok, err = pcall(np.savetxt, p, x, opts(c.lua))
      if c.expect.kind == "error" then
        assert(not ok, "expected an error: " .. c.expect.message)
        check_error("savetxt", err, c.expect)
      else
        assert(ok, tostring(err))
        local got = readall(p)
        assert(got == c.expect.v, ("\nexpected %q\ngot      %q"):format(c.expect.v, got))
      end
      os.remove(p)
    end)
  end

  it("writes to an open file handle and round-trips through loadtxt", function()
    local p = tmpname()
    local f = assert(io.open(p, "wb"))
    local a = np.array({ { 0.1, 1 / 3, -2e-300 }, { 1e300, -0.0, 7 } })
    np.savetxt(f, a, { delimiter = "," })
    f:close()
    local b = np.loadtxt(p, { delimiter = "," })
    assert.is_true(np.array_equal(a, b))
    os.remove(p)
  end)

  it("refuses unsafe or unsupported formats", function()
    local a, p = np.ones({ 2, 2 }), tmpname()
    for _, f in ipairs { "%n %n", "%c %c", "%*d %d", "%.1f %", "%(x)s %s", "%r %r", "%99999d %d" } do
      H.assert_error("lumpy.savetxt:", np.savetxt, p, a, { fmt = f })
    end
    H.assert_error("lumpy.savetxt:", np.savetxt, p, np.ones({ 2, 2, 2 }))
    os.remove(p)
    H.assert_error("lumpy.savetxt:", np.savetxt, "/nonexistent/dir/x.txt", a)
  end)

  it("reports a failed write without an internal file:line", function()
    local p = tmpname()
    writeall(p, "")
    local f = assert(io.open(p, "rb"))
    local err = H.assert_error("lumpy.savetxt: cannot write to the file", np.savetxt, f, np.ones(2))
    assert.falsy(err:find("%.lua:%d"), err)
    H.assert_error("lumpy.tofile: cannot write to the file", np.ones(2).tofile, np.ones(2), f)
    f:close()
    os.remove(p)
  end)
end)

describe("np.genfromtxt against NumPy", function()
  for i, c in ipairs(fx.genfromtxt) do
    it(("%d: %q %s"):format(i, c.text, c.lua), function()
      run_text_case("genfromtxt", c)
    end)
  end

  it("raises for an integer out of the dtype's range, as loadtxt does", function()
    -- NumPy 2 raises OverflowError ("Python integer 300 out of bounds for
    -- int8"); NumPy 1.24 wraps. The value used to become the filling value.
    local err = H.assert_error("lumpy.genfromtxt:", np.genfromtxt, { "300 5" }, "int8")
    H.assert_contains(err, "'300' to int8")
    H.assert_error("lumpy.loadtxt:", np.loadtxt, { "300 5" }, "int8")   -- the same input in loadtxt
    H.assert_error("lumpy.genfromtxt:", np.genfromtxt, { "1,-532" }, "int8", { delimiter = "," })
    H.assert_error("lumpy.genfromtxt:", np.genfromtxt, { "1,-1" }, "uint8", { delimiter = "," })
    H.assert_error("lumpy.genfromtxt:", np.genfromtxt, { "99999999999999999999" }, "int64")
    H.assert_error("lumpy.genfromtxt:", np.genfromtxt, { "1 2" }, "int8",
      { converters = { [2] = function() return "400" end } })
    -- a missing value still takes the filling value; text still does (loose)
    local a = np.genfromtxt({ "1,300" }, "int8", { delimiter = ",", missing_values = "300", filling_values = 7 })
    assert.is_true(np.array_equal(a, np.array({ 1, 7 })))
    assert.is_true(np.array_equal(np.genfromtxt({ "1,x,127" }, "int8", { delimiter = "," }), np.array({ 1, -1, 127 })))
  end)

  it("fills missing floats with NumPy's nan, sign bit clear", function()
    -- NumPy: np.signbit(np.genfromtxt(['1,,x'], delimiter=',')) is [False False False]
    local none = np.array({ false, false, false })
    for _, dt in ipairs { "float64", "float32" } do
      local a = np.genfromtxt({ "1,,x" }, dt, { delimiter = "," })
      assert.is_true(np.array_equal(np.signbit(a), none), dt)
    end
    local c = np.genfromtxt({ "1,,x" }, "complex128", { delimiter = "," })
    assert.is_true(np.array_equal(np.signbit(c.real), none))
    -- the bytes of NumPy's nan (little-endian 0x7ff8000000000000)
    assert.equal(string.char(0, 0, 0, 0, 0, 0, 248, 127),
                 np.genfromtxt({ "1,," }, { delimiter = "," })["2:2"]:tobytes())
  end)

  it("refuses structured output and masks clearly", function()
    H.assert_error("lumpy.genfromtxt:", np.genfromtxt, { "1 2" }, { names = true })
    H.assert_error("lumpy.genfromtxt:", np.genfromtxt, { "1 2" }, { usemask = true })
    H.assert_error("lumpy.genfromtxt:", np.genfromtxt, { "1 2" }, { dtype = false })
  end)
end)

describe("np.fromstring against NumPy", function()
  for i, c in ipairs(fx.fromstring) do
    it(("%d: %q sep %q"):format(i, c.s, c.sep), function()
      local ok, r = pcall(np.fromstring, c.s, { dtype = c.dtype, sep = c.sep })
      if c.expect.kind == "error" then
        assert(not ok, "expected an error: " .. c.expect.message)
        assert(r:find("^lumpy.fromstring: "), r)
      else
        assert(ok, tostring(r))
        H.check_expect(H.pack(r), c.expect)
      end
    end)
  end

  it("takes dtype and count, refuses binary mode and short strings", function()
    local a = np.fromstring("1 2 3 4", "int32", 3, { sep = " " })
    assert.is_true(np.array_equal(a, np.array({ 1, 2, 3 }, "int32")))
    H.assert_error("lumpy.fromstring:", np.fromstring, "abcd")
    H.assert_error("lumpy.fromstring:", np.fromstring, "1,2", { sep = ",", count = 5 })
    H.assert_error("lumpy.fromstring:", np.fromstring, "1,300", { sep = ",", dtype = "uint8" })
  end)
end)

describe("tofile's text mode and tobytes against NumPy", function()
  it("writes the same text for every dtype", function()
    for _, c in ipairs(fx.items) do
      local a = H.toarray(c.a)
      local p = tmpname()
      a:tofile(p, { sep = c.sep, format = c.format })
      local got = readall(p)
      os.remove(p)
      assert(got == c.bytes, ("%s sep %q format %q:\nexpected %q\ngot      %q"):format(
        a.dtype.name, c.sep, c.format, c.bytes, got))
    end
  end)

  it("gives the same bytes for every dtype and order", function()
    for _, c in ipairs(fx.raw) do
      local a = H.toarray(c.a)
      if c.view == "T" then a = a.T end
      local got = a:tobytes(c.order)
      assert(got == c.bytes, ("%s %s order %s differs"):format(a.dtype.name, c.view, c.order))
      assert(a:tobytes({ order = c.order }) == got)
    end
  end)
end)

describe("raw bytes round trips", function()
  local DT = { "bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
               "float32", "float64", "complex64", "complex128" }

  local function sample(dt)
    local a = np.arange(1, 25):reshape({ 2, 3, 4 })
    if dt == "bool" then return np.greater(np.remainder(a, 3), 0) end
    if dt:find("complex") then return (a * np.complex(0.5, -1.25)):astype(dt) end
    return a:astype(dt)
  end

  it("frombuffer(tobytes) and fromfile(tofile) give the array back", function()
    for _, dt in ipairs(DT) do
      local a = sample(dt)
      for _, order in ipairs { "C", "F", "A" } do
        local s = a:tobytes(order)
        assert.equal(a.size * a.itemsize, #s)
        local b = np.frombuffer(s, dt)
        local want = order == "F" and a.T:ravel() or a:ravel()
        assert(np.array_equal(b, want), dt .. " " .. order)
      end
      local p = tmpname()
      a:tofile(p)
      local c = np.fromfile(p, dt):reshape({ 2, 3, 4 })
      assert(np.array_equal(a, c), dt .. " via a file")
      -- a transposed view is written in C order of the view
      a.T:tofile(p)
      assert(np.array_equal(np.fromfile(p, { dtype = dt }), a.T:ravel()))
      os.remove(p)
    end
  end)

  it("frombuffer is a read-only view that keeps its string alive", function()
    local v = np.frombuffer(string.rep("\0\0\0\0\0\0\240\63", 4) .. "", "float64")
    collectgarbage(); collectgarbage()
    assert.is_true(np.array_equal(v, np.ones(4)))
    assert.is_false(v.flags.writeable)
    assert.has_error(function() v[1] = 2 end)
    local w = v["2:3"]
    v = nil
    collectgarbage(); collectgarbage()
    assert.is_true(np.array_equal(w, np.ones(2)))
    local c = np.frombuffer("\1\2\3\4\5\6\7\8\9", "uint8", 4, 3)
    assert.same({ 4, 5, 6, 7 }, c:tolist())
    -- an odd offset: copied (aligned) but the same values
    local s = np.array({ 1.5, 2.5 }):tobytes()
    assert.same({ 1.5, 2.5 }, np.frombuffer("x" .. s, { offset = 1 }):tolist())
  end)

  it("reports NumPy's errors for bad sizes and offsets", function()
    H.assert_error("lumpy.frombuffer:", np.frombuffer, string.rep("\0", 7))
    H.assert_error("lumpy.frombuffer:", np.frombuffer, string.rep("\0", 16), { offset = 17 })
    H.assert_error("lumpy.frombuffer:", np.frombuffer, string.rep("\0", 16), { offset = -1 })
    H.assert_error("lumpy.frombuffer:", np.frombuffer, string.rep("\0", 16), { count = 3 })
    H.assert_error("lumpy.frombuffer:", np.frombuffer, 42)
    assert.equal(0, np.frombuffer(string.rep("\0", 16), { offset = 16 }).size)
    assert.equal(2, np.frombuffer(string.rep("\0", 16), "float32", 2, 4).size)
    H.assert_error("lumpy.tobytes:", function() return np.ones(2):tobytes("K") end)
  end)

  it("fromfile: count, offset, handles, text mode", function()
    local p = tmpname()
    np.arange(5, { dtype = "float64" }):tofile(p)
    assert.same({ 0.0, 1.0 }, np.fromfile(p, { count = 2 }):tolist())
    assert.same({ 2.0, 3.0, 4.0 }, np.fromfile(p, { offset = 16 }):tolist())
    assert.same({ 0.0, 1.0, 2.0, 3.0, 4.0 }, np.fromfile(p, { count = 9 }):tolist())
    H.assert_error("lumpy.fromfile:", np.fromfile, p, { offset = 100 })
    H.assert_error("lumpy.fromfile:", np.fromfile, p, { sep = ",", offset = 1 })
    local f = assert(io.open(p, "rb"))
    assert.same({ 0.0 }, np.fromfile(f, { count = 1 }):tolist())
    assert.same({ 2.0 }, np.fromfile(f, { count = 1, offset = 8 }):tolist())
    f:close()
    writeall(p, "1 2 3\n4")
    assert.same({ 1.0, 2.0, 3.0, 4.0 }, np.fromfile(p, { sep = " " }):tolist())
    assert.same({ 1.0, 2.0 }, np.fromfile(p, { sep = " ", count = 2 }):tolist())
    assert.same({ 1.0, 2.0, 3.0, 4.0 }, np.fromfile(p, { sep = " ", count = 9 }):tolist())
    writeall(p, "\0\0\0\0\0\0\0")
    assert.equal(0, np.fromfile(p).size)
    os.remove(p)
    H.assert_error("lumpy.fromfile:", np.fromfile, "/nonexistent/x.bin")
  end)
end)

describe("text input never crashes", function()
  it("survives random lines through loadtxt, genfromtxt and fromstring", function()
    local rnd = H.rng(8080)
    local alphabet = { "1", "2.5", "-", "+", "e", "j", "(", ")", " ", "\t", ",", ";", "#", "\"",
                       "\r", "\n", "\r\n", "nan", "inf", "0x", "\0", "\255", "9999999999999999999999" }
    local dts = { "float64", "float32", "int8", "int64", "uint64", "bool", "complex128", "complex64" }
    local n = 0
    for _ = 1, 1500 do
      local parts = {}
      for k = 1, rnd(30) do parts[k] = alphabet[rnd(#alphabet)] end
      local s = table.concat(parts)
      local o = { dtype = dts[rnd(#dts)] }
      if rnd(2) == 1 then o.delimiter = "," end
      if rnd(3) == 1 then o.quotechar = "\"" end
      if rnd(4) == 1 then o.usecols = { rnd(3), -1 } end
      if rnd(4) == 1 then o.comments = { "#", ";;" } end
      for _, f in ipairs {
        function() return np.loadtxt({ s }, o) end,
        function() return np.genfromtxt({ s }, { dtype = o.dtype, delimiter = o.delimiter }) end,
        function() return np.fromstring(s, { dtype = o.dtype, sep = o.delimiter or " " }) end,
      } do
        local ok, e = pcall(f)
        if not ok then
          assert(type(e) == "string" and e:find("^lumpy%.%w+: "), tostring(e))
        end
        n = n + 1
      end
    end
    assert.is_true(n > 0)
  end)

  it("survives random formats through savetxt", function()
    local rnd = H.rng(99)
    local pieces = { "%", "d", "e", "f", "g", "x", "s", "n", "c", "-", "+", " ", "#", "0", "9",
                     ".", "*", "l", "h", "%%", "(", "a", "12", "4096", "4097" }
    local a = np.array({ { 1.5, -2 }, { 0 / 0, 1 / 0 } })
    local ai = np.array({ { 1, -2 }, { 3, 4 } })
    local p = tmpname()
    for _ = 1, 1500 do
      local parts = {}
      for k = 1, rnd(8) do parts[k] = pieces[rnd(#pieces)] end
      local f = table.concat(parts)
      for _, x in ipairs { a, ai } do
        local ok, e = pcall(np.savetxt, p, x, { fmt = f })
        if not ok then assert(type(e) == "string" and e:find("^lumpy%.savetxt: "), tostring(e)) end
      end
    end
    os.remove(p)
  end)

  it("fuzzes the public functions with bad arguments", function()
    -- savetxt's paths lead nowhere, so that no file is made
    local m = setmetatable({ savetxt = function(f, ...)
      if type(f) == "string" then f = "/nonexistent/" .. f end
      return np.savetxt(f, ...)
    end }, { __index = np })
    local bad = H.fuzz {
      module = m, names = { "loadtxt", "genfromtxt", "fromstring", "frombuffer", "fromfile", "savetxt" },
      vals = { 1, -1, 2.5, "x", "", {}, { "1 2" }, { dtype = "int8" }, { sep = "," }, true, np.ones(3),
               { count = -5 }, { offset = 99 }, { fmt = "%n" }, { usecols = { 0 } }, 0 / 0,
               H.maxinteger, { max_rows = 1.5 } },
      first = { { "1 2", "3 4" }, "/nonexistent", "1,2,3", np.ones({ 2, 2 }) },
      calls = 1500,
    }
    assert(#bad == 0, table.concat(bad, "\n"))
  end)
end)
