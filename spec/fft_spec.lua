-- fft_spec.lua: np.fft against NumPy (spec/fixtures/fft.lua): the 14
-- transforms on every input dtype, lengths 1..1000 (primes included),
-- padding and truncation, every norm, non-last / repeated axes and views,
-- NumPy's errors; then round trips, out=, single precision, the planner,
-- the plan cache, threads, wisdom and a bad-input fuzz.
-- FFTW and NumPy's pocketfft round differently, so values are compared
-- with |lumpy - numpy| <= 8 * eps * log2(2n) * max|numpy| (eps of the
-- result's precision); dtypes and shapes exactly (NumPy 2's: single
-- precision stays single).
local H = require "helper"
local np = require "lumpy"
local fx = H.fixture("fft")

local INPUTS = {}
for k, v in pairs(fx.inputs) do INPUTS[k] = H.toarray(v) end

local EPS = { float32 = 2.0^-23, complex64 = 2.0^-23, float64 = 2.0^-52, complex128 = 2.0^-52 }

-- max |a - b| and max |b| (a LumPy array, b one too)
local function maxdiff(a, b)
  if b.size == 0 then return 0, 0 end
  local d = np.abs(np.subtract(a:astype("complex128"), b)):max()
  local m = b.size > 0 and np.abs(b):max() or 0
  return d, m
end

local function close(r, e, dt, log2n, what)
  local d, m = maxdiff(r, e)
  local tol = 8 * EPS[dt] * log2n * math.max(m, 1e-300)
  if not (d <= tol) then
    error(("%s: max error %g > tolerance %g"):format(what, d, tol), 2)
  end
end

local function shape_of(a) local s = {}; for i = 1, a.ndim do s[i] = a.shape[i] end; return s end

describe("np.fft against NumPy", function()
  for i, c in ipairs(fx.cases) do
    it(("%d: %s"):format(i, c.code), function()
      local f = H.eval(c.code, INPUTS)
      if c.error then
        local ok, err = pcall(f)
        assert.is_false(ok, "expected an error: " .. c.error)
        local want = "lumpy.fft." .. c.fn .. ":"
        assert.equal(want, err:sub(1, #want), err)
        local msg = c.error:match("^Invalid norm value %w+") or c.error
        if msg:find("^Invalid") or msg:find("^Shape and axes") then
          assert.truthy(err:find(msg, 1, true), err)
        end
        return
      end
      local r = f()
      local e = H.toarray(c.expect)
      assert.equal(c.dtype, r.dtype.name)
      assert.same(shape_of(e), shape_of(r))
      close(r, e, c.dtype, c.log2n, c.code)
    end)
  end
end)

describe("np.fft round trips", function()
  local rng = H.rng(77)
  local function rand(shape, dt)
    local n = 1
    for _, d in ipairs(shape) do n = n * d end
    local t = {}
    for k = 1, n do t[k] = (rng(2001) - 1001) / 1000 end
    return np.array(t, dt):reshape(shape)
  end
  for _, dt in ipairs { "float64", "float32" } do
    for _, n in ipairs { 1, 2, 3, 7, 8, 16, 17, 60, 97, 128, 1000, 1009 } do
      it(("irfft(rfft(x), n) == x, ihfft/hfft, ifft(fft(x)), %s n=%d"):format(dt, n), function()
        local x = rand({ 3, n }, dt)
        local lg = math.log(2 * n, 2)
        local cdt = dt == "float32" and "complex64" or "complex128"
        local y = np.fft.irfft(np.fft.rfft(x), n)
        assert.equal(dt, y.dtype.name)
        close(y, x:astype("complex128"), dt, lg, "irfft(rfft)")
        y = np.fft.hfft(np.fft.ihfft(x), n)
        close(y, x:astype("complex128"), dt, lg, "hfft(ihfft)")
        y = np.fft.ifft(np.fft.fft(x, nil, -1, "ortho"), nil, -1, "ortho")
        assert.equal(cdt, y.dtype.name)
        close(y, x:astype("complex128"), dt, lg, "ifft(fft)")
        y = np.fft.irfftn(np.fft.rfftn(x, nil, nil, "forward"), { 3, n }, nil, "forward")
        close(y, x:astype("complex128"), dt, lg, "irfftn(rfftn)")
      end)
    end
  end
  it("works on a strided, reversed and transposed view without changing it", function()
    local base = rand({ 6, 10 }, "float64")
    local v = base["::-2, ::3"]
    local keep = v:copy()
    local r = np.fft.fft2(v)
    close(r, np.fft.fft2(keep), "complex128", 4, "fft2 of a view")
    assert.is_true(v == keep)
    close(np.fft.rfft(base.T), np.fft.rfft(base.T:copy()), "complex128", 4, "rfft of .T")
    local c = np.fft.fft(base:astype("complex128"))
    local keepc = c:copy()
    np.fft.irfft(c["::-1, :"])
    assert.is_true(c == keepc)   -- c2r's input is copied, never destroyed
  end)
end)

describe("np.fft options", function()
  it("takes out= (NumPy 2) with NumPy's shape and same_kind casting", function()
    local x = np.arange(8)
    local out = np.zeros({ 8 }, "complex128")
    local r = np.fft.fft(x, { out = out })
    assert.equal(out, r)
    close(out, np.fft.fft(x), "complex128", 4, "out")
    local o2 = np.zeros({ 2, 5 }, "complex128")
    np.fft.rfft2(np.ones({ 2, 8 }), { out = o2 })
    assert.equal(16, o2[{ 1, 1 }].re)
    H.assert_error("lumpy.fft.fft:", np.fft.fft, x, { out = np.zeros({ 7 }, "complex128") })
    H.assert_error("lumpy.fft.fft:", np.fft.fft, x, { out = np.zeros({ 8 }) })
    H.assert_error("lumpy.fft.fft:", np.fft.fft, x, { out = 3 })
  end)
  it("refuses complex input to rfft, rfftn and ihfft (NumPy 2 has no such loop)", function()
    local c = np.ones({ 4 }, "complex128")
    H.assert_error("lumpy.fft.rfft:", np.fft.rfft, c)
    H.assert_error("lumpy.fft.rfftn:", np.fft.rfftn, c)
    H.assert_error("lumpy.fft.ihfft:", np.fft.ihfft, c)
  end)
  it("refuses unknown options, doubled arguments and bad types", function()
    local x = np.ones({ 4 })
    H.assert_error("lumpy.fft.fft:", np.fft.fft, x, { bogus = 1 })
    H.assert_error("lumpy.fft.fft:", np.fft.fft, x, 4, { n = 4 })
    H.assert_error("lumpy.fft.fft:", np.fft.fft, x, 2.5)
    H.assert_error("lumpy.fft.fft:", np.fft.fft, x, "a")
    H.assert_error("lumpy.fft.fftn:", np.fft.fftn, x, "a")
    H.assert_error("lumpy.fft.fft:", np.fft.fft, 3.0)
    H.assert_error("lumpy.fft.fft:", np.fft.fft, x, H.maxinteger)
    H.assert_error("lumpy.fft.fftn:", np.fft.fftn, np.ones({ 2, 2 }), { math.floor(2 ^ 40), math.floor(2 ^ 40) })
  end)
  it("accepts Lua tables and the options table in any trailing position", function()
    local r = np.fft.fft({ 1, 2, 3, 4 }, { norm = "forward" })
    close(r, np.fft.fft(np.array({ 1, 2, 3, 4 })) / 4, "complex128", 3, "opts")
    r = np.fft.rfft({ 1, 2, 3, 4 }, 6, { axis = -1 })
    assert.same({ 4 }, shape_of(r))
    r = np.fft.fftn(np.ones({ 2, 3 }), { 4, 4 }, { norm = "ortho" })
    assert.same({ 4, 4 }, shape_of(r))
  end)
end)

describe("np.fft planner and plan cache", function()
  after_each(function()
    np.fft.set_planner("estimate")
    np.fft.set_num_threads(1)
  end)
  it("caches plans: a repeated shape is a hit, the cache is bounded", function()
    np.fft.cache_clear()
    local info = np.fft.cache_info()
    assert.equal(0, info.size)
    assert.equal(64, info.capacity)
    local x = np.ones({ 64 }, "complex128")
    np.fft.fft(x)
    local h = np.fft.cache_info().hits
    for _ = 1, 10 do np.fft.fft(x) end
    assert.equal(h + 10, np.fft.cache_info().hits)
    for n = 1, 100 do np.fft.rfft(np.ones({ n })) end
    info = np.fft.cache_info()
    assert.is_true(info.size <= 64)
    np.fft.cache_clear()
    assert.equal(0, np.fft.cache_info().size)
  end)
  it("set_planner / get_planner: measure and patient plan on scratch memory", function()
    assert.equal("estimate", np.fft.get_planner())
    local x = np.arange(24):reshape(4, 6):astype("complex128")
    local keep = x:copy()
    local want = np.fft.fft2(x)
    for _, p in ipairs { "measure", "patient" } do
      np.fft.set_planner(p)
      assert.equal(p, np.fft.get_planner())
      assert.equal(0, np.fft.cache_info().size)
      close(np.fft.fft2(x), want, "complex128", 5, p)
      close(np.fft.irfft(np.fft.rfft(x.real), 6), x.real:astype("complex128"), "float64", 4, p)
      assert.is_true(x == keep)
    end
    H.assert_error("lumpy.fft.set_planner:", np.fft.set_planner, "fast")
    H.assert_error("lumpy.fft.set_planner:", np.fft.set_planner)
  end)
  it("set_num_threads / get_num_threads", function()
    np.fft.set_num_threads(2)
    assert.equal(2, np.fft.get_num_threads())
    local x = np.arange(math.floor(2 ^ 14)):astype("float64")
    local r = np.fft.rfft(x)
    np.fft.set_num_threads(1)
    close(r, np.fft.rfft(x), "complex128", 15, "threads")
    H.assert_error("lumpy.fft.set_num_threads:", np.fft.set_num_threads, 0)
    H.assert_error("lumpy.fft.set_num_threads:", np.fft.set_num_threads, "x")
  end)
  it("export_wisdom / import_wisdom, with errors naming the function", function()
    np.fft.set_planner("measure")
    np.fft.fft(np.ones({ 32 }, "complex128"))
    np.fft.fft(np.ones({ 32 }, "complex64"))
    local path = os.tmpname()
    np.fft.export_wisdom(path)
    local f = assert(io.open(path))
    local text = f:read("*a")
    f:close()
    assert.truthy(text:find("fftw_wisdom", 1, true))
    assert.truthy(text:find("fftwf_wisdom", 1, true))
    np.fft.import_wisdom(path)
    f = assert(io.open(path, "w"))
    f:write("not wisdom")
    f:close()
    H.assert_error("lumpy.fft.import_wisdom:", np.fft.import_wisdom, path)
    os.remove(path)
    H.assert_error("lumpy.fft.import_wisdom:", np.fft.import_wisdom, "/nonexistent/dir/w")
    H.assert_error("lumpy.fft.export_wisdom:", np.fft.export_wisdom, "/nonexistent/dir/w")
    H.assert_error("lumpy.fft.export_wisdom:", np.fft.export_wisdom, nil)
  end)
  it("show_config names FFTW", function()
    local out = {}
    local w = io.write
    io.write = function(...) for _, s in ipairs { ... } do out[#out + 1] = tostring(s) end end
    local ok, err = pcall(np.show_config)
    io.write = w
    assert.is_true(ok, err)
    assert.truthy(table.concat(out):find("fftw: +fftw%-3"))
  end)
end)

describe("np.fft bad input", function()
  it("a transform too large for the memory FFTW needs is an error, not an abort", function()
    if os.getenv("LUMPY_SANITIZE") then
      pending("ASan reserves more address space than the limit this needs")
      return
    end
    -- a child process with 40 GB of address space: the padded input and the
    -- output (16 GB each, never touched) fit, FFTW's plan for 2^31 points
    -- would not (FFTW aborts the process when its own allocation fails)
    local prog = [[
      local np = require "lumpy"
      local ok, err = pcall(np.fft.irfft, np.ones(4), 2^31)
      io.write(tostring(ok), " ", tostring(err))
    ]]
    local p = assert(io.popen("ulimit -v 40000000 && " .. H.LUA .. " -e '" .. prog .. "' 2>&1"))
    local out = p:read("*a")
    p:close()
    assert.matches("^false lumpy%.fft%.irfft: cannot allocate", out)
  end)

  it("never crashes and always names the function", function()
    local fns = { "fft", "ifft", "rfft", "irfft", "hfft", "ihfft", "fft2", "ifft2",
                  "rfft2", "irfft2", "fftn", "ifftn", "rfftn", "irfftn" }
    local vals = { 0, -1, 1, 3, 2.5, -2, 1e300, H.maxinteger, H.mininteger, "ortho",
                   "forward", "x", true, {}, { 1, 2 }, { 0 }, { -1, 1 }, { 2, 2, 2, 2 },
                   { n = 3 }, { axis = 3 }, { s = { 2 } }, { axes = { 1, 1 } }, { norm = 1 },
                   np.zeros({ 0 }), np.ones({ 3 }), np.ones({ 2, 3 }, "complex64"),
                   np.ones({ 2, 0 }), np.array(5), np.ones({ 4 }, "int8"),
                   np.ones({ 2, 2, 2 }, "float32") }
    local arrays = { H.unpack(vals, #vals - 6) }
    assert.same({}, H.fuzz { module = np.fft, prefix = "fft.", names = fns, vals = vals,
                             first = arrays, maxargs = 4, calls = 4000 })
  end)
end)
