-- lumpy/reduce.lua - the statistics that are compositions of the C
-- reductions (src/bind/reduce.c), written as NumPy's _methods.py and
-- nanfunctions.py write them so that dtypes, nan handling and rounding
-- agree: mean, var, std, ptp, count_nonzero, trace and the nan-functions.
-- Loaded by lumpy/extras.lua with the module table.

local U = require "lumpy.util"

return function(np, C)
  local methods = getmetatable(np.zeros(1)).methods

  local named = U.named
  local replace_nan = C.replace_nan       -- src/bind/reduce.c

  local isarray = U.is_array
  local is_opts = U.is_opts
  local function dtname(a) return tostring(a.dtype) end
  local function isexact(a)
    local d = dtname(a)
    return d == "bool" or d:match("int") ~= nil
  end

  -- split (...) into the positional arguments (n of them) and the options
  local function args(n, ...)
    local t = U.pack(...)
    local opts = {}
    if t.n > 0 and is_opts(t[t.n]) then
      opts = t[t.n]
      t[t.n] = nil
      t.n = t.n - 1
    elseif t.n > 0 and type(t[t.n]) == "table" and not isarray(t[t.n])
           and next(t[t.n]) == nil and t.n > 1 then
      t[t.n] = nil        -- an empty options table
      t.n = t.n - 1
    end
    while t.n > n and t[t.n] == nil do t.n = t.n - 1 end
    if t.n > n then
      error(("too many arguments: expected at most %d, got %d"):format(n, t.n), 0)
    end
    return t, opts
  end

  local function checkopts(opts, allowed, name)
    for k in pairs(opts) do
      if not allowed[k] then
        error(string.format("lumpy.%s: unexpected option '%s'", name, tostring(k)), 0)
      end
    end
  end

  local round32 = U.round32

  -- a Lua scalar result divided by the count n as NumPy divides its scalar
  -- of dtype dt by an intp scalar: in float64 / complex128 (complex by
  -- Smith's method, as NumPy's loop), then rounded back to dt
  local function scalar_div(s, n, dt)
    if dt == "float32" then return round32(s / n) end
    if dt == "complex64" or dt == "complex128" then
      local scl = 1.0 / n
      local re, im = (s.re + s.im * 0.0) * scl, (s.im - s.re * 0.0) * scl
      if dt == "complex64" then re, im = round32(re), round32(im) end
      return np.complex(re, im)
    end
    return s / n
  end

  -- NumPy's _count_reduce_items: a Lua integer, or with where an int64
  -- array of the reduced shape
  local function count_items(a, axis, keepdims, where)
    if where == nil or where == true then
      local shape, n = a.shape, 1
      if axis == nil or axis == false then
        for i = 1, #shape do n = n * shape[i] end
      else
        local axes = type(axis) == "table" and axis or { axis }
        for _, ax in ipairs(axes) do
          local k = ax < 0 and #shape + ax + 1 or ax
          n = n * (shape[k] or 1)
        end
      end
      return n
    end
    local w = np.broadcast_to(np.asarray(where, "bool"), a.shape)
    return np.sum(w, axis, { dtype = "int64", keepdims = keepdims })
  end

  -- result dtype of a sum in dtype dt (nil: NumPy's default)
  local function sum_dtype(a, dt)
    if dt then return tostring(np.dtype(dt)) end
    local d = dtname(a)
    if d == "bool" or d == "int8" or d == "int16" or d == "int32" then return "int64" end
    if d == "uint8" or d == "uint16" or d == "uint32" then return "uint64" end
    return d
  end

  -- a result (array or Lua value) divided by count (Lua number or array)
  local function divide(ret, count, dt)
    if isarray(ret) then
      if isexact(ret) then    -- an integer dtype= : the quotient truncated
        np.copyto(ret, np.true_divide(ret, np.asarray(count)), { casting = "unsafe" })
        return ret
      end
      -- count is NumPy's intp (a strong type): float32 results are
      -- divided in float64 and rounded
      return np.true_divide(ret, np.asarray(count), { out = ret })
    end
    if U.mtype(ret) == "integer" then
      return np.array(ret / count):astype(dt):item()
    end
    return scalar_div(ret, count, dt)
  end

  local MEAN_OPTS = { keepdims = true, where = true, dtype = true, out = true }
  local function mean(a, axis, dtype, out, opts)
    a = np.asarray(a)
    dtype = dtype or opts.dtype
    out = out or opts.out
    local keepdims, where = opts.keepdims, opts.where
    local rcount = count_items(a, axis, keepdims, where)
    if dtype == nil and isexact(a) then dtype = "float64" end
    local s = np.sum(a, axis, { dtype = dtype, keepdims = keepdims, where = where, out = out })
    return divide(s, rcount, sum_dtype(a, dtype))
  end
  np.mean = named("mean", function(...)
    local t, opts = args(4, ...)
    checkopts(opts, MEAN_OPTS, "mean")
    return mean(t[1], t[2], t[3], t[4], opts)
  end)

  -- NumPy's _var: mean with kept axes, squared deviations, their sum over
  -- max(n - ddof, 0)
  local VAR_OPTS = { keepdims = true, where = true, dtype = true, out = true, ddof = true }
  local function var(a, axis, dtype, out, ddof, opts)
    a = np.asarray(a)
    dtype = dtype or opts.dtype
    out = out or opts.out
    ddof = ddof or opts.ddof or 0
    local keepdims, where = opts.keepdims, opts.where
    local rcount = count_items(a, axis, keepdims, where)
    if dtype == nil and isexact(a) then dtype = "float64" end
    local arrmean = np.sum(a, axis, { dtype = dtype, keepdims = true, where = where })
    local div = rcount
    if isarray(rcount) then div = rcount:reshape(arrmean.shape) end
    divide(arrmean, div)
    -- the deviations keep a's memory layout, as NumPy's temporaries do,
    -- so that their sum runs in NumPy's order
    local x = np.empty_like(a, np.result_type(a, arrmean))
    np.subtract(a, arrmean, { out = x })
    local xd = dtname(x)
    if xd == "complex64" or xd == "complex128" then
      local re, im = x.real, x.imag
      np.multiply(re, re, { out = re })
      np.multiply(im, im, { out = im })
      x = np.add(re, im, { out = re })
    else
      np.multiply(x, x, { out = x })
    end
    local ret = np.sum(x, axis, { dtype = dtype, out = out, keepdims = keepdims, where = where })
    if isarray(rcount) then
      rcount = np.maximum(np.subtract(rcount, ddof), 0)
    else
      rcount = math.max(rcount - ddof, 0)
    end
    return divide(ret, rcount, sum_dtype(x, dtype))
  end
  local function std(a, axis, dtype, out, ddof, opts)
    local ret = var(a, axis, dtype, out, ddof, opts)
    if isarray(ret) then return np.sqrt(ret, { out = ret }) end
    if type(ret) ~= "number" then return np.sqrt(ret) end
    local dt = (dtype or opts.dtype) and tostring(np.dtype(dtype or opts.dtype))
                or (isexact(np.asarray(a)) and "float64" or dtname(np.asarray(a)))
    if dt == "float32" or dt == "complex64" then return round32(math.sqrt(ret)) end
    return math.sqrt(ret)
  end
  np.var = named("var", function(...)
    local t, opts = args(5, ...)
    checkopts(opts, VAR_OPTS, "var")
    return var(t[1], t[2], t[3], t[4], t[5], opts)
  end)
  np.std = named("std", function(...)
    local t, opts = args(5, ...)
    checkopts(opts, VAR_OPTS, "std")
    return std(t[1], t[2], t[3], t[4], t[5], opts)
  end)

  -- ptp(a, axis, out, {keepdims}) = max - min
  np.ptp = named("ptp", function(...)
    local t, opts = args(3, ...)
    checkopts(opts, { keepdims = true, out = true }, "ptp")
    local a, axis, out = np.asarray(t[1]), t[2], t[3] or opts.out
    -- in the array's dtype (int8 wraps as NumPy's does)
    local full = axis == nil or axis == false
    local o = { keepdims = opts.keepdims or full }
    local mx, mn = np.max(a, axis, o), np.min(a, axis, o)
    -- with an axis the result is an array, 0-d too (a ufunc would give a Lua value)
    if not full and not out and mx.ndim == 0 then out = np.empty({}, mx.dtype) end
    local r = np.subtract(mx, mn, { out = out })
    if full and not opts.keepdims and not out then return np.asarray(r):item() end
    return r
  end)

  -- count_nonzero(a, axis, {keepdims}): int64 counts (a Lua integer for
  -- the whole array)
  np.count_nonzero = named("count_nonzero", function(...)
    local t, opts = args(2, ...)
    checkopts(opts, { keepdims = true }, "count_nonzero")
    local a = np.asarray(t[1])
    return np.sum(a:astype("bool"), t[2], { dtype = "int64", keepdims = opts.keepdims })
  end)

  -- trace(a, offset, axis1, axis2, dtype, out)
  np.trace = named("trace", function(...)
    local t, opts = args(6, ...)
    checkopts(opts, { dtype = true, out = true }, "trace")
    local d = np.diagonal(t[1], t[2], t[3], t[4])
    -- of a matrix a full reduction (a Lua value), of a stack one per matrix
    local axis = d.ndim > 1 and -1 or nil
    return np.sum(d, axis, { dtype = t[5] or opts.dtype, out = t[6] or opts.out })
  end)

  -- ------------------------------------------------ the nan-functions
  -- as nanfunctions.py: nans replaced (in a copy) by a neutral value, then
  -- the plain reduction
  local SUM_OPTS = { keepdims = true, where = true, dtype = true, out = true, initial = true }
  local function nanreduce(name, fill, f)
    np[name] = named(name, function(...)
      local t, opts = args(4, ...)
      checkopts(opts, SUM_OPTS, name)
      local a = replace_nan(t[1], fill, false)
      return f(a, t[2], t[3], t[4], opts)
    end)
  end
  local function with(opts, k, v)
    local o = {}
    for kk, vv in pairs(opts) do o[kk] = vv end
    o[k] = v
    return o
  end
  nanreduce("nansum", 0, function(a, axis, dtype, out, opts)
    return np.sum(a, axis, with(with(opts, "dtype", dtype or opts.dtype), "out", out or opts.out))
  end)
  nanreduce("nanprod", 1, function(a, axis, dtype, out, opts)
    return np.prod(a, axis, with(with(opts, "dtype", dtype or opts.dtype), "out", out or opts.out))
  end)
  -- the arguments after a are cumsum's / cumprod's, options table included
  np.nancumsum = named("nancumsum", function(a, ...)
    return np.cumsum((replace_nan(a, 0, false)), ...)
  end)
  np.nancumprod = named("nancumprod", function(a, ...)
    return np.cumprod((replace_nan(a, 1, false)), ...)
  end)

  -- nanargmin/nanargmax(a, axis, out, {keepdims}): an all-nan slice is an error
  local function nanarg(name, fill, f)
    np[name] = named(name, function(...)
      local t, opts = args(3, ...)
      checkopts(opts, { keepdims = true, out = true }, name)
      local a, mask = replace_nan(t[1], fill)
      local res = f(a, t[2], t[3], opts)
      if mask then
        local bad = np.all(mask, t[2])
        if bad == true or (isarray(bad) and np.any(bad)) then
          error("lumpy." .. name .. ": All-NaN slice encountered", 0)
        end
      end
      return res
    end)
  end
  nanarg("nanargmin", math.huge, np.argmin)
  nanarg("nanargmax", -math.huge, np.argmax)

  -- nanmean: the sum of the non-nan values over their count
  np.nanmean = named("nanmean", function(...)
    local t, opts = args(4, ...)
    checkopts(opts, MEAN_OPTS, "nanmean")
    local a, mask = replace_nan(t[1], 0)
    if not mask then return mean(a, t[2], t[3], t[4], opts) end
    local axis, dtype, out = t[2], t[3] or opts.dtype, t[4] or opts.out
    local where = opts.where
    local cnt = np.sum(np.logical_not(mask), axis, { dtype = "int64", keepdims = opts.keepdims, where = where })
    local tot = np.sum(a, axis, { dtype = dtype, out = out, keepdims = opts.keepdims, where = where })
    if isarray(tot) then return np.true_divide(tot, cnt, { out = tot }) end
    return scalar_div(tot, cnt, sum_dtype(a, dtype))
  end)

  -- nanvar / nanstd as NumPy's _nanvar: slices with count - ddof <= 0 give nan
  local function nanvar(a0, axis, dtype, out, ddof, opts)
    local a, mask = replace_nan(a0, 0)
    if not mask then return var(a, axis, dtype, out, ddof, opts) end
    dtype = dtype or opts.dtype
    out = out or opts.out
    ddof = ddof or opts.ddof or 0
    local keepdims, where = opts.keepdims, opts.where
    local cnt = np.sum(np.logical_not(mask), axis, { dtype = "int64", keepdims = true, where = where })
    local avg = np.sum(a, axis, { dtype = dtype, keepdims = true, where = where })
    avg = np.true_divide(avg, cnt, { out = avg })
    np.subtract(a, avg, { out = a, where = where })
    np.copyto(a, 0, { where = mask })
    local sqr
    local d = dtname(a)
    if d == "complex64" or d == "complex128" then
      sqr = np.multiply(a, np.conj(a), { out = a, where = where }).real
    else
      sqr = np.multiply(a, a, { out = a, where = where })
    end
    local v = np.sum(sqr, axis, { dtype = dtype, out = out, keepdims = keepdims, where = where })
    if not keepdims then
      cnt = np.sum(np.logical_not(mask), axis, { dtype = "int64", where = where })
    end
    local dof = isarray(cnt) and np.subtract(cnt, ddof) or cnt - ddof
    if isarray(v) then
      np.true_divide(v, dof, { out = v })
      np.copyto(v, U.NAN, { where = np.less_equal(dof, 0) })
      return v
    end
    if dof <= 0 then return U.NAN end
    return scalar_div(v, dof, dtype and tostring(np.dtype(dtype)) or dtname(sqr))
  end
  np.nanvar = named("nanvar", function(...)
    local t, opts = args(5, ...)
    checkopts(opts, VAR_OPTS, "nanvar")
    return nanvar(t[1], t[2], t[3], t[4], t[5], opts)
  end)
  np.nanstd = named("nanstd", function(...)
    local t, opts = args(5, ...)
    checkopts(opts, VAR_OPTS, "nanstd")
    local v = nanvar(t[1], t[2], t[3], t[4], t[5], opts)
    if isarray(v) then return np.sqrt(v, { out = v }) end
    local a = np.asarray(t[1])
    local d = t[3] or opts.dtype
    d = d and tostring(np.dtype(d)) or dtname(a)
    if d == "float32" or d == "complex64" then return round32(math.sqrt(v)) end
    return math.sqrt(v)
  end)

  -- methods where NumPy has them
  local function method(name)
    methods[name] = np[name]
  end
  for _, m in ipairs { "mean", "var", "std", "ptp", "trace" } do method(m) end
end
