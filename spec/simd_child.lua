-- simd_child.lua - run by simd_levels_spec.lua in a child process, once per
-- SIMD level (chosen with LUMPY_DISABLE_CPU_FEATURES): computes every case of
-- spec/fixtures/simd_levels.lua at every tail length 0..n, on misaligned
-- (off a vector boundary, and off the element's own alignment: inputs and
-- out=), strided and broadcast inputs, checks that all of these agree bit for bit
-- with the one long contiguous run, and prints a Lua chunk returning the
-- level, the long runs' results and any disagreement.
local H = require "helper"
local np = require "lumpy"
local fx = H.fixture("simd_levels")
local N = fx.n

-- a text that tells apart every two values (Lua 5.1 and LuaJIT have no %a;
-- there -0.0 counts as an integer)
local function bits(v)
  if v ~= v then return "nan" end
  if type(v) ~= "number" then return tostring(v) end
  if v == 0 and 1 / v < 0 then return "-0" end
  if H.mtype(v) == "integer" then return string.format("%d", v) end
  return string.format("%.17g", v)
end

local function same(a, b)
  local ta, tb = a:tolist(), b:tolist()
  if #ta ~= #tb then return false, "length" end
  for i = 1, #ta do
    if bits(ta[i]) ~= bits(tb[i]) then return false, i end
  end
  return true
end

local failures = {}
local function check(what, a, b)
  local ok, where = same(a, b)
  if not ok then failures[#failures + 1] = what .. " at " .. tostring(where) end
end

local function prefix(a, n) return a[{{1, n}}] end
local function misaligned(a)        -- one element past a 64-byte boundary
  local buf = np.empty(a.size + 1, a.dtype)
  local v = buf["2:"]
  v[{}] = a
  return v
end
local function unaligned(a)         -- every element one byte off its alignment
  local nb = a.size * a.itemsize
  local v = np.empty(nb + 1, "uint8")[{{2, nb + 1}}]:view(a.dtype)
  v[{}] = a
  return v
end
local function strided(a)
  local big = np.zeros(2 * a.size, a.dtype)
  local v = big["::2"]
  v[{}] = a
  return v
end

local UNARY = {absolute = true, sqrt = true, exp = true, log = true, sin = true,
               cos = true, tanh = true}

-- can the running Lua hold the fixture arrays' values (int64 beyond 2^53
-- need integers that Lua 5.1, 5.2 and LuaJIT lack)? The cases it cannot are
-- left out of the output, and the spec marks its tests pending for them.
local function holds(...)
  if H.has("bigints") then return true end
  for i = 1, select("#", ...) do
    if H.bigints(select(i, ...)) then return false end
  end
  return true
end

local results, casts = {}, {}
for _, c in ipairs(fx.cases) do
  local inp = fx.inputs[c.dtype]
  if holds(inp.x, inp.y) then
    local x = H.toarray(inp.x)
    local y = H.toarray(inp.y)
    local f = np[c.fn]
    local function call(a, b, opts)
      if UNARY[c.fn] then return f(a, opts) end
      return f(a, b, opts)
    end
    local full = call(x, y)
    local name = c.fn .. "/" .. c.dtype
    results[name] = full
    for n = 0, N do
      local xp, yp, want = prefix(x, n), prefix(y, n), prefix(full, n)
      check(name .. " n=" .. n, call(xp, yp), want)
      check(name .. " misaligned n=" .. n, call(misaligned(xp), misaligned(yp)), want)
      check(name .. " strided n=" .. n, call(strided(xp), strided(yp)), want)
      check(name .. " unaligned n=" .. n, call(unaligned(xp), unaligned(yp)), want)
      check(name .. " unaligned out n=" .. n,
            call(xp, yp, {out = unaligned(np.empty_like(want))}), want)
    end
    for k = 1, N, 5 do                -- a broadcast (stride 0) operand
      local pos = k .. ":" .. k
      if UNARY[c.fn] then
        local b = np.broadcast_to(x[pos], {N})
        check(name .. " broadcast x[" .. k .. "]", call(b), call(b:copy()))
      else
        local b = np.broadcast_to(y[pos], {N})
        check(name .. " broadcast y[" .. k .. "]", call(x, y[pos]), call(x, b:copy()))
      end
    end
  end
end
for _, c in ipairs(fx.casts) do
  if holds(c.input) then
    local x = H.toarray(c.input)
    local name = c.from .. ">" .. c.to
    local full = x:astype(c.to)
    casts[name] = full
    for n = 0, x.size do
      local xp, want = prefix(x, n), prefix(full, n)
      check(name .. " n=" .. n, xp:astype(c.to), want)
      check(name .. " misaligned n=" .. n, misaligned(xp):astype(c.to), want)
      check(name .. " strided n=" .. n, strided(xp):astype(c.to), want)
      check(name .. " unaligned n=" .. n, unaligned(xp):astype(c.to), want)
    end
  end
end

-- the output chunk: values as exact literals that every Lua reads back
-- (%.17g round-trips a double; a float keeps a ".0" so that it reads back
-- as a float from Lua 5.3 on; -0.0 is the chunk's NEG_ZERO, as Lua 5.1
-- folds the literal -0.0 into the constant 0)
local function lit(v)
  if type(v) == "boolean" then return tostring(v) end
  if v == 0 and 1 / v < 0 then return "NEG_ZERO" end
  if H.mtype(v) == "integer" then return string.format("%d", v) end
  if v ~= v then return "(0/0)" end
  if v == math.huge then return "(1/0)" end
  if v == -math.huge then return "(-1/0)" end
  local s = string.format("%.17g", v)
  if not s:find("[%.eE]") then s = s .. ".0" end
  return s
end
local function dump(t)
  local parts = {}
  for k, a in pairs(t) do
    local d = {}
    for i, v in ipairs(a:tolist()) do d[i] = lit(v) end
    parts[#parts + 1] = string.format("[%q] = {dtype = %q, shape = {%d}, data = {%s}}",
      k, a.dtype.name, a.size, table.concat(d, ","))
  end
  return "{\n" .. table.concat(parts, ",\n") .. "\n}"
end
local fl = {}
for i, s in ipairs(failures) do fl[i] = string.format("%q", s) end
io.write("local NEG_ZERO = tonumber('-0.0')\nreturn {level = ", string.format("%q", np.cpu_features().level),
  ",\nresults = ", dump(results), ",\ncasts = ", dump(casts),
  ",\nfailures = {", table.concat(fl, ","), "}}\n")
