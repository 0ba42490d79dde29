-- lumpy/util.lua - helpers shared by the pure-Lua parts of LumPy (extras,
-- reduce, sort, fancy, manip, stats, products, linalg, spectral, fft, ...):
-- how they name their errors, how they recognise arrays and options
-- tables, and small sequence helpers.

local U = {}

-- ---- Lua versions: what the other parts use in place of 5.3's integer
-- subtype, integer division, table.pack/unpack, rawlen and string.pack,
-- which Lua 5.1, 5.2 and LuaJIT lack (docs/lua-versions.md). There a number
-- counts as an integer when its value is integral and fits in int64, the
-- rule the C binding follows too (src/bind/lcompat.h).
local floor, huge = math.floor, math.huge
U.mtype = math.type or function(x)
  if type(x) ~= "number" then return nil end
  if x == floor(x) and x >= -2^63 and x < 2^63 then return "integer" end
  return "float"
end
-- the largest and smallest integers: 2^63 - 1 is no double, so before 5.3
-- the largest is the double just below 2^63
U.maxinteger = math.maxinteger or 2^63 - 1024
U.mininteger = math.mininteger or -2^63
-- a // b (an integer for integers from 5.3 on; the loader hides the
-- operator from the older parsers)
U.idiv = math.type and (loadstring or load)("return function(a, b) return a // b end")()
  or function(a, b) return floor(a / b) end
U.unpack = table.unpack or unpack
U.pack = table.pack or function(...) return { n = select("#", ...), ... } end
U.rawlen = rawlen or function(t) return #t end
-- NumPy's nan, sign bit clear (0/0 has it set on x86-64: np.signbit and
-- tobytes would see it)
U.NAN = math.abs(0 / 0)
-- x rounded to the nearest float32 (ties to even), overflow to infinity
if string.pack then
  function U.round32(x) return (string.unpack("<f", string.pack("<f", x))) end
else
  function U.round32(x)
    if x ~= x or x == huge or x == -huge or x == 0 then return x end
    local m, e = math.frexp(x)          -- x = m * 2^e, 0.5 <= |m| < 1
    local bits = e < -125 and e + 149 or 24   -- fewer bits below 2^-126
    local r = m * 2^bits
    local f = floor(r)
    local d = r - f
    if d > 0.5 or (d == 0.5 and f % 2 == 1) then f = f + 1 end
    local y = f / 2^bits * 2^e
    if y >= 2^128 then return huge elseif y <= -2^128 then return -huge end
    return y
  end
end

-- f wrapped so that any error it raises reads "lumpy.<name>: ...": an error
-- from a LumPy function it called is renamed, any other is prefixed.
function U.named(name, f)
  local prefix = "lumpy." .. name .. ": "
  local function finish(ok, ...)
    if ok then return ... end
    local msg = ...
    if type(msg) == "string" then
      msg = msg:gsub("^[^\n]-lumpy%.[%w_%.]+: ", prefix, 1)
      if not msg:find("^lumpy%.") then msg = prefix .. msg end
    end
    error(msg, 0)
  end
  return function(...) return finish(pcall(f, ...)) end
end

-- is t an options table: a plain table with named fields only. An empty
-- table is not one, so that a trailing {} stays an (empty) sequence argument.
function U.is_opts(t)
  return type(t) == "table" and getmetatable(t) == nil and #t == 0 and next(t) ~= nil
end

-- is t a plain table without a sequence part, the empty table included: an
-- options table in a position where no sequence can stand (rtol, dtype, out)
function U.is_record(t)
  return type(t) == "table" and getmetatable(t) == nil and #t == 0
end

-- a LumPy axis (1-based, negative from the end) of an nd-dimensional array
-- as a 0-based one; NumPy's error when out of range ("what" names the
-- argument, "axis" by default)
function U.axis0(ax, nd, what)
  what = what or "axis"
  if U.mtype(ax) ~= "integer" then
    error(what .. " must be an integer, got " .. (U.mtype(ax) or type(ax)), 0)
  end
  if ax >= 1 and ax <= nd then return ax - 1 end
  if ax <= -1 and ax >= -nd then return nd + ax end
  error(("%s %d is out of bounds for array of dimension %d"):format(what, ax, nd), 0)
end

-- is x a LumPy array
function U.is_array(x)
  local mt = getmetatable(x)
  return type(mt) == "table" and mt.__name == "lumpy.ndarray"
end

-- NumPy's keyword rules for a call's arguments after its first: the
-- positional values ... (named names[1], names[2], ...) and a trailing
-- options table (a last value for which isopt is true, when at least minpos
-- values come before it) merged into one record. Options named neither in
-- names nor in extra (a set), too many positional values and a value given
-- both ways are errors, raised through fail(message).
function U.gather(fail, names, extra, isopt, minpos, ...)
  local n = select("#", ...)
  while n > 0 and select(n, ...) == nil do n = n - 1 end
  local o
  if n > minpos and isopt(select(n, ...)) then o = select(n, ...); n = n - 1 end
  if n > #names then
    fail(("takes at most %d positional arguments after the first (%d given)"):format(#names, n))
  end
  local v = {}
  for i = 1, n do v[names[i]] = (select(i, ...)) end
  for k, x in pairs(o or {}) do
    local known = extra[k]
    for _, nm in ipairs(names) do known = known or nm == k end
    if not known then fail(("got an unexpected keyword argument '%s'"):format(tostring(k))) end
    if v[k] ~= nil then fail(("got multiple values for argument '%s'"):format(k)) end
    v[k] = x
  end
  return v
end

-- a plain table without a sequence part that is not an array: an options
-- table where an array-like could also stand
function U.is_record_not_array(t)
  return U.is_record(t) and not U.is_array(t)
end

-- f:read(what) ("" at the end of the file), closing f first when close is
-- set; a read error (f is a directory, say) fails with "cannot read <name>:
-- <err>", name "the file" when not given
function U.read(f, what, name, close)
  local s, err = f:read(what)
  if close then f:close() end
  if not s and err then error("cannot read " .. (name or "the file") .. ": " .. tostring(err), 0) end
  return s or ""
end

-- the entries i..j of the sequence t, as a new sequence
function U.sub(t, i, j)
  local r = {}
  for k = i, j do r[#r + 1] = t[k] end
  return r
end

return U
