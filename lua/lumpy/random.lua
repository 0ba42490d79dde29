-- lumpy/random.lua - the parts of np.random written in Lua: the Generator
-- methods composed of C primitives (uniform), then the distributions'
-- Lua parts.

return function(np, internal)
  -- internal.generator_methods: the Generator's method table (set by
  -- src/bind/random.c); the distributions' Lua parts add to it
  local methods = internal and internal.generator_methods

  -- a trailing options table: a plain table of string keys (or empty)
  local function isopts(t)
    if type(t) ~= "table" or getmetatable(t) ~= nil or rawlen(t) > 0 then return false end
    for k in pairs(t) do
      if type(k) ~= "string" then return false end
    end
    return true
  end

  -- the arguments named names (positional, then from a trailing options
  -- table); errors name fn
  local function args(fn, names, ...)
    local n, v = select("#", ...), { ... }
    local opts = n > 0 and isopts(v[n]) and v[n] or nil
    if opts then v[n] = nil; n = n - 1 end
    if n > #names then
      error(("lumpy.%s: takes at most %d positional arguments (%d given)"):format(fn, #names, n), 3)
    end
    if opts then
      local known = {}
      for i, k in ipairs(names) do
        known[k] = true
        if opts[k] ~= nil then
          if v[i] ~= nil and i <= n then
            error(("lumpy.%s: got multiple values for argument '%s'"):format(fn, k), 3)
          end
          v[i] = opts[k]
        end
      end
      for k in pairs(opts) do
        if not known[k] then error(("lumpy.%s: unknown option '%s'"):format(fn, k), 3) end
      end
    end
    return table.unpack(v, 1, #names)
  end
  internal.args = args

  local function isnum(x) return math.type(x) ~= nil end

  -- uniform(low=0, high=1, size): low + (high - low) * random
  function methods.uniform(self, ...)
    local fn = "random.Generator.uniform"
    local low, high, size = args(fn, { "low", "high", "size" }, ...)
    if low == nil then low = 0.0 end
    if high == nil then high = 1.0 end
    local range
    local lowa = isnum(low) and low or np.asarray(low, "float64")
    local higha = isnum(high) and high or np.asarray(high, "float64")
    if (isnum(lowa) or lowa.ndim == 0) and (isnum(higha) or higha.ndim == 0) then
      local l, h = isnum(lowa) and lowa or lowa:item(), isnum(higha) and higha or higha:item()
      range = h - l
      if range ~= range or range == math.huge or range == -math.huge then
        error("lumpy." .. fn .. ": high - low range exceeds valid bounds", 2)
      end
      low = l + 0.0
    else
      range = np.subtract(higha, lowa)
      if not np.all(np.isfinite(range)) then
        error("lumpy." .. fn .. ": Range exceeds valid bounds", 2)
      end
      low = lowa
    end
    return internal.uniform(self, low, range, size)
  end

  require("lumpy.random_cont")(np, internal, methods)
  require("lumpy.random_disc")(np, internal, methods)
end
