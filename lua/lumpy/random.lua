-- lumpy/random.lua - the parts of np.random written in Lua: the Generator
-- methods composed of C primitives (uniform), then the distributions'
-- Lua parts.

local U = require "lumpy.util"

return function(np, internal)
  -- internal.generator_methods: the Generator's method table (set by
  -- src/bind/random.c); the distributions' Lua parts add to it
  local methods = internal and internal.generator_methods

  -- a trailing options table: a plain table of string keys (or empty)
  local function isopts(t)
    if type(t) ~= "table" or getmetatable(t) ~= nil or U.rawlen(t) > 0 then return false end
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
      error(("lumpy.%s: takes at most %d positional arguments (%d given)"):format(fn, #names, n), 0)
    end
    if opts then
      local known = {}
      for i, k in ipairs(names) do
        known[k] = true
        if opts[k] ~= nil then
          if v[i] ~= nil and i <= n then
            error(("lumpy.%s: got multiple values for argument '%s'"):format(fn, k), 0)
          end
          v[i] = opts[k]
        end
      end
      for k in pairs(opts) do
        if not known[k] then error(("lumpy.%s: unexpected option '%s'"):format(fn, k), 0) end
      end
    end
    return U.unpack(v, 1, #names)
  end
  internal.args = args

  local function isnum(x) return U.mtype(x) ~= nil end

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
        error("lumpy." .. fn .. ": high - low range exceeds valid bounds", 0)
      end
      low = l + 0.0
    else
      range = np.subtract(higha, lowa)
      if not np.all(np.isfinite(range)) then
        error("lumpy." .. fn .. ": Range exceeds valid bounds", 0)
      end
      low = lowa
    end
    return internal.uniform(self, low, range, size)
  end

  -- errors name fn and carry no position prefix
  local function fail(fn, msg)
    error("lumpy." .. fn .. ": " .. msg, 0)
  end

  local function isint(x) return U.mtype(x) == "integer" end

  local function isarray(x) return np.isarray and np.isarray(x) or (type(x) == "userdata" and x.ndim ~= nil) end

  -- size as a shape and its element count (nil: a scalar result)
  local function sizeof(fn, size)
    if size == nil then return nil, 1 end
    local shape = type(size) == "table" and size or { size }
    local n = 1
    for _, d in ipairs(shape) do
      if not isint(d) then fail(fn, "size must be an integer or a sequence of integers") end
      if d < 0 then fail(fn, "negative dimensions are not allowed") end
      n = n * d
    end
    return shape, n
  end

  -- NumPy's axis normalisation for LumPy's 1-based axis -> 0-based
  local function axis0(fn, axis, ndim)
    if not isint(axis) then fail(fn, "axis must be an integer") end
    local a = axis < 0 and axis + ndim or axis - 1
    if a < 0 or a >= ndim then
      fail(fn, ("axis %d is out of bounds for array of dimension %d"):format(axis, ndim))
    end
    return a
  end

  -- Kahan summation as NumPy's choice sums p
  local function kahan(t)
    local n = #t
    if n == 0 then return 0.0 end
    local sum, c = t[1], 0.0
    for i = 2, n do
      local y = t[i] - c
      local tt = sum + y
      c = (tt - sum) - y
      sum = tt
    end
    return sum
  end

  -- p checked as NumPy's choice checks it; returns it as float64 array
  local function checkp(fn, p, pop, legacy)
    local atol = 2.0 ^ -26
    if isarray(p) and p.dtype.name == "float32" then atol = math.max(atol, 2.0 ^ -11.5) end
    local pa = np.asarray(p, "float64")
    if pa.ndim ~= 1 then fail(fn, legacy and "'p' must be 1-dimensional" or "p must be 1-dimensional") end
    if pa.size ~= pop then fail(fn, legacy and "'a' and 'p' must have same size" or "a and p must have same size") end
    local t = pa:tolist()
    local s = kahan(t)
    if s ~= s then fail(fn, legacy and "probabilities contain NaN" or "Probabilities contain NaN") end
    for _, v in ipairs(t) do
      if v < 0 then fail(fn, legacy and "probabilities are not non-negative" or "Probabilities are not non-negative") end
    end
    if math.abs(s - 1.0) > atol then
      fail(fn, legacy and "probabilities do not sum to 1"
        or "Probabilities do not sum to 1. See Notes section of docstring for more information.")
    end
    return pa, t
  end

  -- 0-based positions of u in the normalised cumulative sum of p (side right)
  local function cdfsearch(pa, u)
    local cdf = np.cumsum(pa)
    cdf = np.divide(cdf, cdf[cdf.size])
    return np.subtract(np.searchsorted(cdf, u, "right"), 1)
  end

  -- sampling without replacement with p: NumPy's rounds of draws
  local function noreplace_p(fn, draw, t, n, shape)
    local pos = 0
    for _, v in ipairs(t) do if v > 0 then pos = pos + 1 end end
    if pos < n then fail(fn, "Fewer non-zero entries in p than size") end
    local p = {}
    for i, v in ipairs(t) do p[i] = v end
    local found = {}
    while #found < n do
      local x = draw(n - #found):tolist()
      for _, f in ipairs(found) do p[f + 1] = 0.0 end
      local cdf, s = {}, 0.0
      for i, v in ipairs(p) do s = s + v; cdf[i] = s end
      local last = cdf[#cdf]
      for i = 1, #cdf do cdf[i] = cdf[i] / last end
      local seen = {}
      for _, u in ipairs(x) do
        -- searchsorted right: the number of cdf values <= u
        local lo, hi = 0, #cdf
        while lo < hi do
          local mid = U.idiv(lo + hi, 2)
          if cdf[mid + 1] <= u then lo = mid + 1 else hi = mid end
        end
        if not seen[lo] then seen[lo] = true; found[#found + 1] = lo end
      end
    end
    local idx = np.array(found, "int64")
    if shape then idx = idx:reshape(#shape > 0 and shape or { 1 }) end
    return idx
  end

  -- the result of a choice: idx (0-based) taken from a (or idx itself)
  local function choose(arr, idx, scalar, ax)
    if scalar and isarray(idx) then idx = idx:flatten():item(1) end
    if arr == nil then return idx end
    if scalar then return arr:take(idx + 1, ax + 1) end
    return arr:take(np.add(idx, 1), ax + 1)
  end

  -- the population of choice: an integer or an array along axis
  local function population(fn, a, axis, n, legacy)
    local arr, pop
    if isint(a) then
      pop = a
    elseif U.mtype(a) == "float" then
      fail(fn, legacy and "a must be 1-dimensional or an integer"
        or "a must be a sequence or an integer, not <class 'float'>")
    else
      arr = np.asarray(a)
      if arr.ndim == 0 then
        local v = arr:item()
        if not isint(v) then
          fail(fn, legacy and "a must be 1-dimensional or an integer"
            or "a must be a sequence or an integer, not <class 'numpy.ndarray'>")
        end
        pop, arr = v, nil
      else
        if legacy and arr.ndim ~= 1 then fail(fn, "a must be 1-dimensional") end
        local ax = legacy and 0 or axis0(fn, axis, arr.ndim)
        return arr, arr.shape[ax + 1], ax
      end
    end
    if pop <= 0 and n ~= 0 then
      fail(fn, legacy and "a must be greater than 0 unless no samples are taken"
        or "a must be a positive integer unless no samples are taken")
    end
    return nil, pop, 0
  end

  -- choice(a, size, replace=true, p, axis=1, shuffle=true)
  function methods.choice(self, ...)
    local fn = "random.Generator.choice"
    local a, size, replace, p, axis, shuffle =
      args(fn, { "a", "size", "replace", "p", "axis", "shuffle" }, ...)
    if replace == nil then replace = true end
    if shuffle == nil then shuffle = true end
    local shape, n = sizeof(fn, size)
    local arr, pop, ax = population(fn, a, axis or 1, n)
    if arr and pop == 0 and n ~= 0 then fail(fn, "a cannot be empty unless no samples are taken") end
    local pa, pt
    if p ~= nil then pa, pt = checkp(fn, p, pop) end
    local idx
    if replace then
      if pa then
        idx = cdfsearch(pa, shape and self:random(shape) or np.array(self:random()))
      else
        idx = self:integers(0, pop, shape, "int64")
      end
    else
      if n > pop then fail(fn, "Cannot take a larger sample than population when replace is False") end
      if pa then
        idx = noreplace_p(fn, function(k) return self:random(k) end, pt, n, shape)
      else
        idx = internal.sample(self, pop, n, shuffle)
        if shape then idx = idx:reshape(#shape > 0 and shape or { 1 }) end
      end
    end
    return choose(arr, idx, shape == nil, ax)
  end

  -- shuffle(x, axis=1): in place; Lua sequences too
  local function shuffle(self, fn, x, axis, legacy)
    if isarray(x) then
      if x.ndim == 0 then fail(fn, "x must be at least 1-dimensional; a 0-d array cannot be shuffled") end
      local ax = legacy and 0 or axis0(fn, axis or 1, x.ndim)
      internal.shuffle(self, x, ax)
    elseif type(x) == "table" then
      if axis ~= nil and axis ~= 1 then fail(fn, "Axis argument is only supported on ndarray objects") end
      for i = #x - 1, 1, -1 do
        local j = internal.interval(self, i)
        x[i + 1], x[j + 1] = x[j + 1], x[i + 1]
      end
    else
      fail(fn, "x must be an array or a sequence, got " .. type(x))
    end
  end

  function methods.shuffle(self, x, axis)
    if type(axis) == "table" then axis = axis.axis end
    shuffle(self, "random.Generator.shuffle", x, axis)
  end

  -- permutation(x, axis=1)
  local function permutation(self, fn, x, axis, legacy)
    if isint(x) then
      local arr = np.arange(x, { dtype = "int64" })
      internal.shuffle(self, arr, 0)
      return arr
    end
    local arr = np.asarray(x)
    if legacy and arr.ndim < 1 then fail(fn, "x must be an integer or at least 1-dimensional") end
    local ax = legacy and 0 or axis0(fn, axis or 1, arr.ndim)
    if arr.ndim == 1 then
      arr = arr:copy()
      internal.shuffle(self, arr, 0)
      return arr
    end
    local idx = np.arange(arr.shape[ax + 1], { dtype = "int64" })
    internal.shuffle(self, idx, 0)
    return arr:take(np.add(idx, 1), ax + 1)
  end

  function methods.permutation(self, x, axis)
    if type(axis) == "table" then axis = axis.axis end
    return permutation(self, "random.Generator.permutation", x, axis)
  end

  -- permuted(x, {axis=, out=})
  function methods.permuted(self, x, opts)
    local fn = "random.Generator.permuted"
    opts = opts or {}
    for k in pairs(opts) do
      if k ~= "axis" and k ~= "out" then fail(fn, "unexpected option '" .. tostring(k) .. "'") end
    end
    local arr = np.asarray(x)
    local out = opts.out
    if out == nil then
      out = arr:copy("K")
    else
      if not isarray(out) then fail(fn, "out must be a numpy array") end
      local same = out.ndim == arr.ndim
      for i = 1, arr.ndim do same = same and out.shape[i] == arr.shape[i] end
      if not same then fail(fn, "out must have the same shape as x") end
      if not np.can_cast(arr.dtype, out.dtype) then
        fail(fn, ("Cannot cast array data from dtype('%s') to dtype('%s') according to the rule 'safe'")
          :format(arr.dtype.name, out.dtype.name))
      end
      np.copyto(out, arr)
    end
    if opts.axis == nil then
      if out.ndim > 1 then
        if not internal.shuffle(self, out, 0, "flat") then
          local c = out:copy()
          internal.shuffle(self, c, 0, "flat")
          np.copyto(out, c)
        end
      elseif out.ndim == 1 then
        internal.shuffle(self, out, 0)
      end
      return out
    end
    internal.shuffle(self, out, axis0(fn, opts.axis, out.ndim), "lanes")
    return out
  end

  -- ---------------------------------------------------------- RandomState
  local rsm = internal.randomstate_methods

  function rsm.uniform(self, ...)
    local fn = "random.RandomState.uniform"
    local low, high, size = args(fn, { "low", "high", "size" }, ...)
    if low == nil then low = 0.0 end
    if high == nil then high = 1.0 end
    local lowa = isnum(low) and low or np.asarray(low, "float64")
    local higha = isnum(high) and high or np.asarray(high, "float64")
    local range
    if (isnum(lowa) or lowa.ndim == 0) and (isnum(higha) or higha.ndim == 0) then
      local l, h = isnum(lowa) and lowa or lowa:item(), isnum(higha) and higha or higha:item()
      range = h - l
      if range ~= range or range == math.huge or range == -math.huge then
        fail(fn, "Range exceeds valid bounds")
      end
      low = l + 0.0
    else
      range = np.subtract(higha, lowa)
      if not np.all(np.isfinite(range)) then fail(fn, "Range exceeds valid bounds") end
      low = lowa
    end
    return internal.legacy_uniform(self, low, range, size)
  end

  function rsm.choice(self, ...)
    local fn = "random.RandomState.choice"
    local a, size, replace, p = args(fn, { "a", "size", "replace", "p" }, ...)
    if replace == nil then replace = true end
    local shape, n = sizeof(fn, size)
    local arr, pop = population(fn, a, 1, n, true)
    if arr and pop == 0 and n ~= 0 then fail(fn, "'a' cannot be empty unless no samples are taken") end
    local pa, pt
    if p ~= nil then pa, pt = checkp(fn, p, pop, true) end
    local idx
    if replace then
      if pa then
        idx = cdfsearch(pa, shape and self:random_sample(shape) or np.array(self:random_sample()))
      else
        idx = self:randint(0, pop, shape)
      end
    else
      if n > pop then fail(fn, "Cannot take a larger sample than population when 'replace=False'") end
      if pa then
        idx = noreplace_p(fn, function(k) return self:rand(k) end, pt, n, shape)
      else
        idx = permutation(self, fn, pop, nil, true)
        idx = n > 0 and idx[("1:%d"):format(n)] or np.zeros(0, "int64")
        if shape then idx = idx:reshape(#shape > 0 and shape or { 1 }) end
      end
    end
    return choose(arr, idx, shape == nil, 0)
  end

  function rsm.shuffle(self, x)
    shuffle(self, "random.RandomState.shuffle", x, nil, true)
  end

  function rsm.permutation(self, x)
    return permutation(self, "random.RandomState.permutation", x, nil, true)
  end

  -- the module-level legacy functions, on one global RandomState
  local global = np.random.RandomState()
  internal.global = global
  for _, name in ipairs { "seed", "rand", "randn", "randint", "random_sample", "choice",
                          "shuffle", "permutation", "normal", "uniform", "standard_normal",
                          "get_state", "set_state" } do
    np.random[name] = function(...) return global[name](global, ...) end
  end
  np.random.random = np.random.random_sample

  require("lumpy.random_cont")(np, internal, methods)
  require("lumpy.random_disc")(np, internal, methods)
end
