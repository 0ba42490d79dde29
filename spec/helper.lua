-- spec/helper.lua: shared helpers of the parity specs.
--   local H = require "helper"
--   local fx = H.fixture("ufuncs")             -- spec/fixtures/ufuncs.lua
--   local a = H.toarray(fx.cases[1].args[1])  -- fixture table -> LumPy array
--   H.assert_array_equal(actual, expected_fixture, ulps)
-- A fixture array is {dtype="float32", shape={2,3}, data={...flat C order...}}
-- written by tools/fixtures/common.py: complex data interleaved re, im;
-- uint64 values above 2^63-1 as the wrapped int64 value.
local H = {}

-- ---- Lua versions (docs/lua-versions.md). The specs use these in place of
-- math.type, //, table.pack/unpack and math.maxinteger/mininteger, which
-- Lua 5.1, 5.2 and LuaJIT lack: there a number counts as an integer when its
-- value is integral, the rule LumPy follows. H.lacks(feature) marks a test
-- pending, with the reason, where the running Lua lacks what it exercises.
local U = require "lumpy.util"
H.mtype, H.idiv, H.unpack, H.pack = U.mtype, U.idiv, U.unpack, U.pack
H.maxinteger, H.mininteger = U.maxinteger, U.mininteger
H.round32 = U.round32
-- is v a Lua float (before 5.3: any number, there being no other kind)
function H.isfloat(v)
  if math.type then return math.type(v) == "float" end
  return type(v) == "number"
end
-- x < y with both read as unsigned 64-bit integers
H.ult = math.ult or function(x, y)
  if (x < 0) == (y < 0) then return x < y end
  return x >= 0
end
-- the running interpreter's program name (lua5.4, lua5.1, luajit, ...)
H.LUA = rawget(_G, "jit") and "luajit" or "lua" .. _VERSION:match("%d+%.%d+")
-- the running Lua as the reasons name it (LuaJIT's _VERSION is "Lua 5.1")
local NAME = rawget(_G, "jit") and jit.version or _VERSION
H.LUA_NAME = NAME
local LACKS = {
  integers = not math.type and NAME .. " has no integer subtype",
  operators = not math.type and NAME .. " has no // or bitwise operators",
  close = _VERSION ~= "Lua 5.4" and NAME .. " has no <close> variables",
  gcmodes = _VERSION ~= "Lua 5.4" and NAME .. " has no collector modes (generational, incremental)",
  pairs = _VERSION == "Lua 5.1" and NAME .. " ignores __pairs",
  len = _VERSION == "Lua 5.1" and NAME .. " ignores __len on tables",
  bigints = not math.type and NAME .. " has no integers beyond 2^53 (its numbers are doubles)",
}
-- busted's pending, which lives in the spec's environment, not in _G: the
-- first function up the stack whose environment has it. Calling it ends
-- the test (it throws), however deep the caller is.
local function spec_pending()
  for level = 3, 40 do
    local info = debug.getinfo(level, "f")
    if not info then break end
    local env
    if getfenv then
      env = getfenv(info.func)
    else
      for i = 1, 255 do
        local name, v = debug.getupvalue(info.func, i)
        if not name then break end
        if name == "_ENV" then env = v break end
      end
    end
    if type(env) == "table" and env ~= _G and env.pending then return env.pending end
  end
  -- from 5.2 on a test function that names no global has no _ENV: busted's
  -- own frames hold the running test as their local "element"
  for level = 3, 40 do
    if not debug.getinfo(level, "f") then break end
    for i = 1, 255 do
      local name, v = debug.getlocal(level, i)
      if not name then break end
      if name == "element" and type(v) == "table" and type(v.env) == "table"
         and rawget(v.env, "pending") then
        return v.env.pending
      end
    end
  end
end
function H.lacks(feature)
  local why = LACKS[feature]
  if why then
    local pending = spec_pending()
    if not pending then error("H.lacks: no pending in the caller: " .. why, 2) end
    pending(why)
    return true
  end
  return false
end
-- is err (from a pcall) a test marked pending, not a failure: specs that
-- run many cases in one test skip such a case and go on
function H.skipped(err) return type(err) == "table" end
H.has = function(feature) return not LACKS[feature] end
-- the float of dtype "float32"/"float64" whose bits are the hex string hex
-- ("0x3f800000"), read without integers wider than 53 bits
function H.from_bits(hex, dtype)
  local digits = hex:gsub("^0[xX]", "")
  digits = ("0"):rep((dtype == "float32" and 8 or 16) - #digits) .. digits
  local bytes = {}
  for i = #digits - 1, 1, -2 do
    bytes[#bytes + 1] = string.char(tonumber(digits:sub(i, i + 1), 16))
  end
  local s = table.concat(bytes)
  if string.unpack then return (string.unpack(dtype == "float32" and "<f" or "<d", s)) end
  return require("lumpy").frombuffer(s, dtype)[1]
end
-- -0.0 (Lua 5.1 folds the literal -0.0 into the constant 0: the fixtures
-- read there, and the code in them, name it NEG_ZERO)
H.NEG_ZERO = tonumber("-0.0")
-- a NaN with its sign bit clear (0/0 has it set on x86)
H.POS_NAN = H.from_bits("0x7ff8000000000000", "float64")
-- the binary exponent of a positive finite float: a = m * 2^e, 1 <= m < 2
-- (for subnormals, that of the smallest normal)
function H.exponent(a)
  local s = string.pack and string.pack("<d", a)
  if s then
    local hi = string.unpack("<I2", s, 7)
    return math.floor(hi / 16) % 2048 - 1023
  end
  local _, e = math.frexp(a)
  return math.max(e - 1, -1022)
end
-- load a chunk of source with an environment, on every Lua
function H.load(src, name, env)
  if setfenv then
    local f, err = loadstring(src, name)
    if f and env then setfenv(f, env) end
    return f, err
  end
  if env then return load(src, name, "t", env) end
  return load(src, name, "t")            -- (an env of nil would be nil)
end
-- a function of a and b from an expression that only some Lua versions can
-- parse (a // b, a & b, ~a): nil where the running Lua cannot
function H.op(expr)
  return (H.load("return function(a, b) return " .. expr .. " end", "=" .. expr, _G) or
          function() return nil end)()
end

local np_cache
local function np()
  if not np_cache then np_cache = require "lumpy" end
  return np_cache
end
H.np = np

local function spec_dir()
  local src = debug.getinfo(1, "S").source
  if src:sub(1, 1) == "@" then
    local dir = src:sub(2):match("^(.*)[/\\][^/\\]*$")
    if dir then return dir end
  end
  return "spec"
end

local fixture_cache = {}
-- Load spec/fixtures/NAME.lua (once per process).
function H.fixture(name)
  local fx = fixture_cache[name]
  if fx == nil then
    local path = spec_dir() .. "/fixtures/" .. name .. ".lua"
    local f = io.open(path, "rb")
    local chunk, err
    if f then
      local src = f:read("*a")
      if not H.load("return 0x1.8p+1") then
        -- Lua 5.1 reads no hex floats; its tonumber does (strtod), and
        -- %.17g writes the same double back in decimal. Its parser folds
        -- -0.0 into the constant 0, so -0.0 is read as NEG_ZERO. The
        -- writers always sign the exponent; a test's text ("0x1p3") stays
        src = src:gsub("(%-?)(0[xX][%x%.]+[pP][%+%-]%d+)", function(sign, h)
          local v = tonumber(h)
          if v == 0 and sign == "-" then return "NEG_ZERO" end
          return sign .. ("%.17g"):format(v)
        end)
      end
      chunk, err = H.load(src, "@" .. path, { NEG_ZERO = H.NEG_ZERO, math = setmetatable(
        { maxinteger = H.maxinteger, mininteger = H.mininteger }, { __index = math }) })
      f:close()
    else
      err = "no such file"
    end
    if not chunk then
      error("helper.fixture: cannot load " .. path .. ": " .. tostring(err)
            .. " (run `make fixtures`)", 2)
    end
    fx = chunk()
    fixture_cache[name] = fx
  end
  return fx
end

-- Is x a fixture array table?
function H.isfixture(x)
  return type(x) == "table" and type(x.dtype) == "string"
         and type(x.shape) == "table" and type(x.data) == "table"
end

-- Is x a LumPy array?
function H.isarray(x)
  local mt = getmetatable(x)
  return type(mt) == "table" and mt.__name == "lumpy.ndarray"
end

function H.complex(re, im)
  return np().complex(re, im)
end

-- real and imaginary parts of a Lua number or LumPy complex scalar
function H.re_im(z)
  if type(z) == "number" then return z, 0.0 end
  local ok, re, im = pcall(function() return z.re, z.im end)
  if ok and type(re) == "number" and type(im) == "number" then return re, im end
  ok, re, im = pcall(function() return z.real, z.imag end)
  if ok and type(re) == "number" and type(im) == "number" then return re, im end
  ok, re, im = pcall(function() return np().real(z), np().imag(z) end)
  if ok and type(re) == "number" and type(im) == "number" then return re, im end
  error("helper.re_im: not a complex scalar: " .. tostring(z), 2)
end

local function iscomplex(dt) return dt == "complex64" or dt == "complex128" end
local function isfloat(dt) return dt == "float32" or dt == "float64" end
local function isint(dt)
  return dt:match("^u?int%d+$") ~= nil
end

local function prod(shape)
  local n = 1
  for _, d in ipairs(shape) do n = n * d end
  return n
end
H.prod = prod

-- The element values of a fixture array (complex as {re, im} pairs).
function H.fixture_values(fx)
  if not iscomplex(fx.dtype) then return fx.data end
  local out = {}
  for i = 1, H.idiv(#fx.data, 2) do out[i] = { fx.data[2 * i - 1], fx.data[2 * i] } end
  return out
end

-- Does the fixture array fx hold int64 / uint64 values beyond 2^53 (which
-- Lua 5.1, 5.2 and LuaJIT cannot hold exactly)?
function H.bigints(fx)
  if fx.dtype == "int64" or fx.dtype == "uint64" then
    for _, v in ipairs(fx.data) do
      if v >= 2^53 or v <= -2^53 then return true end
    end
  end
  return false
end
-- ... and does the running Lua lack them
function H.bigints_lost(fx) return not H.has("bigints") and H.bigints(fx) end
-- Mark the running test pending where H.bigints_lost(fx).
function H.need_bigints(fx)
  if H.bigints_lost(fx) then H.lacks("bigints") end
end

-- Build a LumPy array from a fixture table.
function H.toarray(fx)
  local N = np()
  if not H.isfixture(fx) then return fx end
  local dt, data = fx.dtype, fx.data
  local a
  if iscomplex(dt) then
    local zs = {}
    for i = 1, H.idiv(#data, 2) do zs[i] = N.complex(data[2 * i - 1], data[2 * i]) end
    data = zs
  end
  H.need_bigints(fx)
  local build_dt = dt == "uint64" and "int64" or dt
  if #fx.shape == 0 then
    a = N.array(data[1], build_dt)
  else
    a = N.array(data, build_dt)
    if #fx.shape ~= 1 or #data ~= fx.shape[1] then a = a:reshape(fx.shape) end
  end
  if dt == "uint64" then a = a:view("uint64") end
  return a
end

-- Convert any fixture structure (arrays nested in tables) to LumPy values.
function H.convert(v)
  if H.isfixture(v) then return H.toarray(v) end
  if type(v) == "table" then
    local t = {}
    for k, x in pairs(v) do t[k] = H.convert(x) end
    return t
  end
  return v
end

-- The fields of the tables given (the first that has a name wins), each
-- converted by H.convert when first read: a test converts only the
-- fixtures it names, so one that must skip (H.toarray of int64 values
-- beyond 2^53) skips alone.
function H.lazy(...)
  local n, srcs = select("#", ...), { ... }
  return setmetatable({}, { __index = function(t, k)
    for i = 1, n do
      local v = srcs[i] and srcs[i][k]
      if v ~= nil then
        v = H.convert(v)
        rawset(t, k, v)
        return v
      end
    end
  end })
end

-- Distance in units in the last place between floats a and b of the given
-- dtype ("float32" / "float64"; complex dtypes use their real part's).
-- nan vs nan is 0, nan vs a number is math.huge. -0.0 and 0.0 are 0 apart.
function H.ulp_diff(a, b, dtype)
  if a ~= a or b ~= b then
    if a ~= a and b ~= b then return 0 end
    return math.huge
  end
  if a == b then return 0 end
  -- the position of |x| on the line of floats of the dtype, as a count of
  -- steps p (2^P of them per binade) and a count of binades e, so that the
  -- difference of two positions stays exact in a double
  local P, EMIN = 52, -1022
  if dtype == "float32" or dtype == "complex64" then P, EMIN = 23, -126 end
  local function ordered(x)
    local m = math.abs(x)
    local e, p
    if m < 2.0 ^ EMIN then
      e, p = 0, m / 2.0 ^ (EMIN - P)
    else
      e = H.exponent(m)
      p = (m / 2.0 ^ e - 1) * 2.0 ^ P
      e = e - EMIN + 1
    end
    return x < 0 or (x == 0 and 1 / x < 0), e, p
  end
  local na, ea, pa = ordered(a)
  local nb, eb, pb = ordered(b)
  if na == nb then return math.abs((ea - eb) * 2.0 ^ P + (pa - pb)) end
  return (ea + eb) * 2.0 ^ P + pa + pb
end

local HEXFLOAT = pcall(string.format, "%a", 1)  -- Lua 5.1 has no %a
local function fmtnum(v)
  if H.mtype(v) == "integer" then return string.format("%d", v) end
  if type(v) == "number" then
    if v ~= v then return "nan" end
    if v == math.huge then return "inf" elseif v == -math.huge then return "-inf" end
    if not HEXFLOAT then return string.format("%.17g", v) end
    return string.format("%.17g (%a)", v, v)
  end
  return tostring(v)
end

local function fmtval(v, dt)
  if dt and iscomplex(dt) then
    local ok, re, im
    if type(v) == "table" and v[1] ~= nil then re, im = v[1], v[2]; ok = true
    else ok, re, im = pcall(H.re_im, v) end
    if ok then return "(" .. fmtnum(re) .. ", " .. fmtnum(im) .. ")" end
  end
  if dt == "uint64" and H.mtype(v) == "integer" and v < 0 then
    return string.format("%s (uint64 0x%x)", fmtnum(v), v)
  end
  return fmtnum(v)
end
H.fmtval = fmtval

-- multi-index (1-based) of flat position k (1-based) in shape
local function multi_index(k, shape)
  local idx, r = {}, k - 1
  for i = #shape, 1, -1 do
    local d = shape[i]
    if d > 0 then idx[i] = r % d + 1; r = H.idiv(r, d) else idx[i] = 1 end
  end
  return "[" .. table.concat(idx, ",") .. "]"
end

local function float_ok(a, e, dt, ulps)
  if type(a) ~= "number" then return false, "not a number" end
  if math.type and math.type(a) ~= "float" then return false, "expected a Lua float" end
  if e ~= e then return a ~= a, nil end
  if ulps == 0 then
    if a ~= e then return false end
    if a == 0 and 1 / a ~= 1 / e then return false, "sign of zero differs" end
    return true
  end
  return H.ulp_diff(a, e, dt) <= ulps
end

-- compare one actual Lua value with one expected fixture value of dtype dt
local function value_ok(a, e, dt, ulps)
  if dt == "bool" then
    if type(a) ~= "boolean" then return false, "expected a Lua boolean" end
    return a == e
  elseif isint(dt) then
    if H.mtype(a) ~= "integer" then return false, "expected a Lua integer" end
    return a == e
  elseif isfloat(dt) then
    return float_ok(a, e, dt, ulps)
  else
    local ok, re, im = pcall(H.re_im, a)
    if not ok then return false, "expected a complex scalar" end
    local r1, why1 = float_ok(re, e[1], dt, ulps)
    local r2, why2 = float_ok(im, e[2], dt, ulps)
    return r1 and r2, why1 or why2
  end
end

local function shape_str(s)
  local t = {}
  for i, d in ipairs(s) do t[i] = tostring(d) end
  return "(" .. table.concat(t, ",") .. ")"
end
H.shape_str = shape_str

function H.dtype_name(a)
  local d = a.dtype
  if type(d) == "string" then return d end
  if type(d) == "table" or type(d) == "userdata" then
    local ok, n = pcall(function() return d.name end)
    if ok and type(n) == "string" then return n end
  end
  return tostring(d)
end

function H.shape_of(a)
  local s = a.shape
  if type(s) == "table" then return s end
  error("helper: array has no shape table", 3)
end

-- flat list of the Lua values of array a (C order)
function H.flat(a)
  local n = H.prod(H.shape_of(a))
  if n == 0 then return {} end
  return a:flatten():tolist()
end

-- Compare actual (a LumPy array, or a Lua value where fx is 0-d) with the
-- fixture array fx: shape, dtype and values. Ints and bools exactly; floats
-- within ulps ULPs (default 0: exact, sign of zero checked); nan == nan.
-- Raises an error naming the first differing element.
function H.assert_array_equal(actual, fx, ulps, what)
  ulps = ulps or 0
  local pre = what and (what .. ": ") or ""
  if not H.isfixture(fx) then
    error("helper.assert_array_equal: expected value is not a fixture array", 2)
  end
  H.need_bigints(fx)
  local dt = fx.dtype
  local evals = H.fixture_values(fx)
  local avals
  if not H.isarray(actual) then
    if #fx.shape ~= 0 then
      error(string.format("%sexpected an array of shape %s dtype %s, got %s %s",
        pre, shape_str(fx.shape), dt, type(actual), tostring(actual)), 2)
    end
    avals = { actual }
  else
    local s = H.shape_of(actual)
    local same = #s == #fx.shape
    if same then for i = 1, #s do if s[i] ~= fx.shape[i] then same = false end end end
    if not same then
      error(string.format("%sshape differs: expected %s, got %s", pre,
        shape_str(fx.shape), shape_str(s)), 2)
    end
    local adt = H.dtype_name(actual)
    if adt ~= dt then
      error(string.format("%sdtype differs: expected %s, got %s (shape %s)", pre,
        dt, adt, shape_str(s)), 2)
    end
    avals = H.flat(actual)
  end
  if #avals ~= #evals then
    error(string.format("%sexpected %d elements, got %d", pre, #evals, #avals), 2)
  end
  local bad, first = 0, nil
  for k = 1, #evals do
    local ok, why = value_ok(avals[k], evals[k], dt, ulps)
    if not ok then
      bad = bad + 1
      if not first then
        first = string.format("%sat %s (flat %d): expected %s, got %s%s", pre,
          multi_index(k, fx.shape), k, fmtval(evals[k], dt), fmtval(avals[k], dt),
          why and (" [" .. why .. "]") or "")
      end
    end
  end
  if bad > 0 then
    error(string.format("%s%s; %d of %d elements differ (dtype %s, ulps %d)",
      first, "", bad, #evals, dt, ulps), 2)
  end
  return true
end

-- Compare a plain Lua value (number / boolean) with the expected one.
function H.assert_value(actual, expected, dt, ulps, what)
  local ok, why = value_ok(actual, expected, dt, ulps or 0)
  if not ok then
    error(string.format("%sexpected %s, got %s%s", what and (what .. ": ") or "",
      fmtval(expected, dt), fmtval(actual, dt), why and (" [" .. why .. "]") or ""), 2)
  end
end

-- Call f(...) expecting a Lua error whose message starts with prefix
-- (e.g. "lumpy.add:"); extra patterns (plain, case-insensitive) must occur
-- in it. Returns the message.
-- the whole contents of the file at path, as a string
function H.read_file(path)
  local f = assert(io.open(path, "rb"))
  local s = f:read("*a")
  f:close()
  return s
end

function H.assert_error(prefix, f, ...)
  local ok, err = pcall(f, ...)
  if ok then
    error(string.format("expected an error starting with %q, but the call succeeded", prefix), 2)
  end
  local msg = tostring(err)
  if msg:sub(1, #prefix) ~= prefix then
    error(string.format("expected an error starting with %q, got %q", prefix, msg), 2)
  end
  return msg
end

function H.assert_contains(msg, word)
  if not msg:lower():find(word:lower(), 1, true) then
    error(string.format("error message %q does not mention %q", msg, word), 2)
  end
end

-- Does code hold a decimal integer literal that a double cannot hold
-- exactly (9223372036854775807), or math.maxinteger? It means another
-- number where Lua has no integer subtype.
local function inexact_literal(code)
  if code:find("math%.maxinteger") then return true end
  for lit in code:gmatch("%f[%w%.]%d+%f[^%w%.]") do
    if ("%.0f"):format(tonumber(lit)) ~= lit:gsub("^0+(%d)", "%1") then return true end
  end
  return false
end

-- Evaluate a Lua expression string with np (and H) in scope.
function H.eval(code, env)
  if inexact_literal(code) then H.lacks("bigints") end  -- pending there: the test ends
  -- env is read through (not copied), so an H.lazy table converts on use
  local e = setmetatable({ np = np(), H = H, NEG_ZERO = H.NEG_ZERO }, { __index = function(_, k)
    local v = env and env[k]
    if v == nil then v = _G[k] end
    return v
  end })
  local chunk, err = H.load("return " .. code, "=" .. code, e)
  if not chunk then
    chunk, err = H.load(code, "=" .. code, e)
  end
  if not chunk then error("helper.eval: " .. err, 2) end
  return chunk
end

-- Deep comparison of nested Lua tables (tolist results) with expected
-- values: integers must be Lua integers, floats Lua floats (within ulps as
-- float64), booleans booleans, complex given as 0-d fixture arrays.
local function nested_equal(a, e, ulps, path)
  if H.isfixture(e) then
    local ok, err = pcall(H.assert_array_equal, a, e, ulps, path)
    if not ok then error(err, 0) end
    return
  end
  if type(e) == "table" then
    if type(a) ~= "table" then
      error(string.format("%s: expected a table, got %s", path, type(a)), 0)
    end
    if #a ~= #e then
      error(string.format("%s: expected %d entries, got %d", path, #e, #a), 0)
    end
    for i = 1, #e do nested_equal(a[i], e[i], ulps, path .. "[" .. i .. "]") end
    return
  end
  local dt = type(e) == "boolean" and "bool"
             or (H.mtype(e) == "integer" and "int64" or "float64")
  local ok, why = value_ok(a, e, dt, ulps)
  if not ok then
    error(string.format("%s: expected %s, got %s%s", path, fmtval(e, dt),
      fmtval(a, dt), why and (" [" .. why .. "]") or ""), 0)
  end
end

-- Check the results of a call (a table.pack) against an expectation
-- written by common.expect() in tools/fixtures/common.py.
function H.check_expect(res, ex, ulps, what)
  what = what or "result"
  ulps = ulps or 0
  local k = ex.kind
  local v = res[1]
  if k == "multi" then
    if res.n < #ex.v then
      error(string.format("%s: expected %d results, got %d", what, #ex.v, res.n), 2)
    end
    for i, e in ipairs(ex.v) do
      H.check_expect(H.pack(res[i]), e, ulps, what .. " #" .. i)
    end
  elseif k == "list" then
    if type(v) ~= "table" or H.isarray(v) then
      error(what .. ": expected a Lua sequence of arrays, got " .. tostring(v), 2)
    end
    if #v ~= #ex.v then
      error(string.format("%s: expected %d arrays, got %d", what, #ex.v, #v), 2)
    end
    for i, e in ipairs(ex.v) do
      H.check_expect(H.pack(v[i]), e, ulps, what .. "[" .. i .. "]")
    end
  elseif k == "array" then
    if not H.isarray(v) then
      error(string.format("%s: expected an array, got %s %s", what, type(v), tostring(v)), 2)
    end
    H.assert_array_equal(v, ex.v, ulps, what)
  elseif k == "scalar" then
    if H.isarray(v) then
      error(string.format("%s: NumPy returns a scalar here; expected a Lua value, got an array of shape %s",
        what, shape_str(v.shape)), 2)
    end
    H.assert_array_equal(v, ex.v, ulps, what)
  elseif k == "value" then
    H.assert_value(v, ex.v, ex.dtype, ulps, what)
  elseif k == "nested" then
    nested_equal(v, ex.v, ulps, what)
  elseif k == "none" then
    if v ~= nil then error(what .. ": expected no result, got " .. tostring(v), 2) end
  else
    error("helper.check_expect: unknown kind " .. tostring(k), 2)
  end
end

-- Run an expression case {code=..., expect=..., fn=...}: env holds the
-- fixture arrays the code names (converted to LumPy arrays). Errors expect a
-- message starting with "lumpy.<fn>:" (c.fn, else the name called first).
function H.run_case(c, env, ulps)
  local chunk = H.eval(c.code, H.lazy(c.env, env))
  if c.expect.kind == "error" then
    local fname = c.fn or c.code:match("^np%.([%w_%.]+)%(") or c.code:match("^[%w_]+:([%w_]+)%(")
    local msg = H.assert_error("lumpy." .. (fname or ""), chunk)
    if fname and msg:sub(1, #("lumpy." .. fname .. ":")) ~= "lumpy." .. fname .. ":" then
      error(string.format("expected an error starting with %q, got %q",
        "lumpy." .. fname .. ":", msg), 2)
    end
    return
  end
  local res = H.pack(chunk())
  H.check_expect(res, c.expect, ulps or c.ulps, c.code)
end

-- The SIMD levels compiled in that this CPU supports, lowest first, as
-- {name =, disable =}: disable is the LUMPY_DISABLE_CPU_FEATURES value that
-- makes that level the best one (the first feature the next level adds).
function H.simd_levels()
  local levels, out = require("lumpy").cpu_features().levels, {}
  for k, l in ipairs(levels) do
    if l.supported then
      local disable = ""
      if k < #levels then
        local have = {}
        for _, f in ipairs(l.features) do have[f] = true end
        for _, f in ipairs(levels[k + 1].features) do
          if not have[f] then disable = f; break end
        end
      end
      out[#out + 1] = {name = l.name, disable = disable}
    end
  end
  return out
end

-- A small deterministic generator: rnd(n) is an integer in 1..n.
function H.rng(seed)
  return function(n)
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % n + 1
  end
end

-- Bad-input fuzz: `calls` calls of functions named in t.names (of t.module,
-- e.g. np or np.linalg; an entry may repeat to weight it) with 1..maxargs
-- arguments drawn from t.vals (and, two times in three, a first argument
-- from t.first when given). Each call must succeed or fail with a string
-- error that starts "lumpy.<prefix><name>:". Returns the offending calls'
-- messages (an empty table when every call behaved).
function H.fuzz(t)
  local rnd, bad = H.rng(t.seed or 4242), {}
  local maxargs, prefix = t.maxargs or 3, t.prefix or ""
  for _ = 1, t.calls or 3000 do
    local f = t.names[rnd(#t.names)]
    local nargs = rnd(maxargs)
    local args = {}
    for i = 1, nargs do args[i] = t.vals[rnd(#t.vals)] end
    if t.first and rnd(3) > 1 then args[1] = t.first[rnd(#t.first)] end
    local ok, e = pcall(t.module[f], H.unpack(args, 1, nargs))
    local want = "lumpy." .. prefix .. f .. ":"
    if not ok and (type(e) ~= "string" or e:sub(1, #want) ~= want) then
      bad[#bad + 1] = prefix .. f .. ": " .. tostring(e)
    end
  end
  return bad
end

return H
