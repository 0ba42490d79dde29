-- lumpy/extras.lua - the parts of LumPy written in Lua: compositions of the
-- C primitives (atleast_*d, meshgrid, fromfunction, vander, isclose, allclose)
-- and the constants (pi, e, euler_gamma, inf, nan).
-- Loaded by luaopen_lumpy, which passes the module table.

local U = require "lumpy.util"

return function(np)
  local named = U.named

  local function atleast(n, name)
    return function(...)
      local args, out = U.pack(...), {}
      for i = 1, args.n do
        local a = np.asarray(args[i])
        local nd = a.ndim
        if nd < n then
          if n == 1 then a = a:reshape({1})
          elseif n == 2 then a = nd == 0 and a:reshape({1, 1}) or np.expand_dims(a, 1)
          else
            if nd == 0 then a = a:reshape({1, 1, 1})
            elseif nd == 1 then a = np.expand_dims(np.expand_dims(a, 1), -1)
            else a = np.expand_dims(a, -1) end
          end
        end
        out[i] = a
      end
      if args.n == 1 then return out[1] end
      return out
    end
  end
  -- NumPy's constants; np.nan has its sign bit clear, as NumPy's (U.NAN)
  np.pi = math.pi
  np.e = 2.718281828459045
  np.euler_gamma = 0.5772156649015329
  np.inf = math.huge
  np.nan = U.NAN

  np.atleast_1d = named("atleast_1d", atleast(1))
  np.atleast_2d = named("atleast_2d", atleast(2))
  np.atleast_3d = named("atleast_3d", atleast(3))

  local is_opts = U.is_record

  -- np.meshgrid(x1, x2, ..., {indexing = "xy" | "ij", sparse = false, copy = true})
  local function meshgrid(...)
    local args = U.pack(...)
    local opts = {}
    if args.n > 0 and is_opts(args[args.n]) then
      opts = args[args.n]
      args.n = args.n - 1
    end
    local indexing = opts.indexing or "xy"
    if indexing ~= "xy" and indexing ~= "ij" then
      error("lumpy.meshgrid: Valid values for `indexing` are 'xy' and 'ij'.", 0)
    end
    local n, xs = args.n, {}
    for i = 1, n do xs[i] = np.ravel(np.asarray(args[i])) end
    local out = {}
    for i = 1, n do
      local shape = {}
      for k = 1, n do shape[k] = 1 end
      shape[i] = xs[i].size
      if indexing == "xy" and n > 1 then
        if i == 1 then shape[1], shape[2] = 1, xs[1].size
        elseif i == 2 then shape[1], shape[2] = xs[2].size, 1 end
      end
      out[i] = xs[i]:reshape(shape)
    end
    if not opts.sparse then
      local b = np.broadcast_arrays(U.unpack(out, 1, n))
      for i = 1, n do
        out[i] = (opts.copy == false) and b[i] or b[i]:copy()
      end
    end
    return out
  end

  -- np.fromfunction(f, shape [, dtype]): f receives one coordinate array per
  -- axis, holding 1-based positions (LumPy's convention).
  np.meshgrid = named("meshgrid", meshgrid)

  local function fromfunction(f, shape, dtype)
    if type(f) ~= "function" then error("lumpy.fromfunction: expected a function", 0) end
    if type(shape) == "number" then shape = {shape} end
    local dt = dtype
    if is_opts(dtype) then dt = dtype.dtype end
    dt = dt or "float64"
    local coords = {}
    for i = 1, #shape do
      local s = {}
      for k = 1, #shape do s[k] = 1 end
      s[i] = shape[i]
      coords[i] = np.broadcast_to(np.arange(1, shape[i] + 1, dt):reshape(s), shape)
    end
    return f(U.unpack(coords, 1, #shape))
  end

  -- np.isclose(a, b [, rtol [, atol [, equal_nan]]] | {rtol=, atol=, equal_nan=})
  np.fromfunction = named("fromfunction", fromfunction)

  -- np.vander(x [, N] [, increasing] | {N=, increasing=}): the columns are
  -- the powers of x, x^(N-1) first (x^0 first when increasing), in x's
  -- dtype promoted with int64 (bool and the integers give int64, uint64 and
  -- float32 float64); each column is the one before times x, as NumPy's
  -- multiply.accumulate
  local function vander(x, ...)
    local function fail(msg) error(msg, 0) end
    local o = U.gather(fail, {"N", "increasing"}, {}, U.is_record_not_array, 0, ...)
    x = np.asarray(x)
    if x.ndim ~= 1 then fail("x must be a one-dimensional array or sequence.") end
    local m, n = x.shape[1], o.N
    if n == nil then n = m end
    if U.mtype(n) ~= "integer" then fail("N must be an integer, got " .. (U.mtype(n) or type(n))) end
    local v = np.empty({m, n}, np.promote_types(x.dtype, "int64"))
    local powers = o.increasing and v or v[":, ::-1"]
    if n > 0 then powers[":, 1"] = 1 end
    if n > 1 then
      local rest = powers[":, 2:"]
      np.cumprod(np.broadcast_to(x[":, newaxis"], rest.shape), 2, v.dtype, rest)
    end
    return v
  end
  np.vander = named("vander", vander)

  local function isclose(a, b, rtol, atol, equal_nan)
    if is_opts(rtol) then
      rtol, atol, equal_nan = rtol.rtol, rtol.atol, rtol.equal_nan
    end
    rtol, atol = rtol or 1e-05, atol or 1e-08
    a, b = np.asarray(a), np.asarray(b)
    -- compute in a float type: integers would overflow in abs(a - b)
    -- (0.5: a weak float on every Lua, where 1.0 is an integer before 5.3)
    local dt = np.result_type(a, b, 0.5)
    local x, y = np.asarray(a, dt), np.asarray(b, dt)
    local function isfinite(v) return np.equal(np.subtract(v, v), 0) end
    local finite = np.logical_and(isfinite(x), isfinite(y))
    local close = np.less_equal(np.abs(np.subtract(x, y)), np.add(atol, np.multiply(rtol, np.abs(y))))
    local r = np.logical_and(finite, close)
    -- infinities compare equal to themselves
    r = np.logical_or(r, np.logical_and(np.logical_not(finite), np.equal(x, y)))
    if equal_nan then
      r = np.logical_or(r, np.logical_and(np.not_equal(x, x), np.not_equal(y, y)))
    end
    return r
  end

  np.isclose = named("isclose", isclose)

  local methods = getmetatable(np.zeros(1)).methods
  -- a 0-d result becomes a Lua value, as the C functions do
  local function value(r)
    if type(r) == "userdata" and r.ndim == 0 then return r:item() end
    return r
  end
  local function is_complex(a) return a.dtype.kind == "c" end
  local function is_int(a) return a.dtype.kind == "i" or a.dtype.kind == "u" or a.dtype.kind == "b" end

  local function raise(msg) error(msg, 0) end

  -- the result r written into out (NumPy's out=): a same_kind cast, r
  -- broadcast to out's shape (exact shape when `exact`), only where `where`
  local function into(out, r, where, exact)
    if not U.is_array(out) then
      raise("out must be an array, got " .. type(out))
    end
    if exact then
      local same = out.ndim == r.ndim
      for k = 1, r.ndim do same = same and out.shape[k] == r.shape[k] end
      if not same then
        local function str(sh) return "(" .. table.concat(sh, ", ") .. ")" end
        raise(("invalid output shape: out has shape %s, the result %s"):format(
          str(out.shape), str(r.shape)))
      end
    end
    np.copyto(out, r, {casting = "same_kind", where = where})
    return out
  end

  -- 10^n as NumPy's round makes it: exact up to 1e8, then 1e9 times 10
  -- n - 9 times (1e23 comes out as 9.999999999999999e22, not 1e23)
  local function power_of_ten(n)
    if n < 9 then return 10.0 ^ n end
    local r = 1e9
    for _ = 10, n do
      r = r * 10
      if r == math.huge then break end   -- and stays so (decimals up to 2^63)
    end
    return r
  end

  -- np.round(a [, decimals]) / np.around: rint of a scaled by 10^decimals,
  -- as NumPy does it; integers with decimals >= 0 are returned as they are
  -- (an array, also for 0-d input)
  local function round_arr(a, decimals)
    if is_complex(a) then
      local r = np.empty_like(a)
      np.copyto(r.real, round_arr(a.real, decimals))
      np.copyto(r.imag, round_arr(a.imag, decimals))
      return r
    end
    if a.ndim == 0 then return round_arr(a:reshape({1}), decimals):reshape({}) end
    if is_int(a) then
      if decimals >= 0 then return a:copy() end
      local f = power_of_ten(-decimals)
      return np.asarray(np.multiply(np.rint(np.divide(a, f)), f)):astype(a.dtype)
    end
    if decimals == 0 then return np.rint(a) end
    if decimals > 0 then
      local f = power_of_ten(decimals)
      return np.divide(np.rint(np.multiply(a, f)), f)
    end
    local f = power_of_ten(-decimals)
    return np.multiply(np.rint(np.divide(a, f)), f)
  end
  -- np.round(a [, decimals [, out]]), options {decimals=, out=}
  local function round(a, ...)
    local o = U.gather(raise, {"decimals", "out"}, {}, U.is_record_not_array, 0, ...)
    local decimals = o.decimals or 0
    if U.mtype(decimals) ~= "integer" then
      error("lumpy.round: decimals must be an integer", 0)
    end
    local r = round_arr(np.asarray(a), decimals)
    if o.out ~= nil then return into(o.out, r, nil, true) end
    return value(r)
  end
  np.round = named("round", round)
  np.around = named("around", round)
  methods.round = np.round

  local int_range = {
    int8 = {-128, 127}, int16 = {-32768, 32767}, int32 = {-2147483648, 2147483647},
    int64 = {U.mininteger, U.maxinteger}, uint8 = {0, 255}, uint16 = {0, 65535},
    uint32 = {0, 4294967295}, uint64 = {0, U.maxinteger}, bool = nil,
  }

  -- np.clip(a, a_min, a_max [, out]), options {out=, dtype=, where=} as
  -- for ufuncs: either bound may be nil, not both
  local function clip_arr(r, lo, hi, dtype)
    local o = dtype ~= nil and {dtype = dtype} or nil
    if lo ~= nil then r = np.maximum(r, lo, o) end
    if hi ~= nil then r = np.minimum(r, hi, o) end
    return r
  end
  local function clip(a, ...)
    local o = U.gather(raise, {"a_min", "a_max", "out"}, {dtype = true, where = true},
                       U.is_record_not_array, 2, ...)
    local lo, hi = o.a_min, o.a_max
    if lo == nil and hi == nil then
      error("lumpy.clip: one of a_min and a_max must be given", 0)
    end
    local r = np.asarray(a)
    local range = int_range[r.dtype.name]
    -- a Lua integer bound outside an integer dtype's range leaves the
    -- dtype alone and bounds nothing (NumPy 2)
    if range then
      if U.mtype(lo) == "integer" then
        lo = lo < range[1] and range[1] or lo > range[2] and range[2] or lo
      end
      if U.mtype(hi) == "integer" then
        hi = hi > range[2] and range[2] or hi < range[1] and range[1] or hi
      end
    end
    local res = clip_arr(r, lo, hi, o.dtype)
    if o.out == nil and o.where == nil then return res end
    -- every operand 0-d: compute as a 1-element array to keep the dtype
    if type(res) ~= "userdata" then res = clip_arr(r:reshape({1}), lo, hi, o.dtype):reshape({}) end
    if o.out ~= nil then return into(o.out, res, o.where, false) end
    -- where= without out: the elements not selected are zero, as for ufuncs
    return value(into(np.zeros(res.shape, res.dtype), res, o.where, false))
  end
  np.clip = named("clip", clip)
  methods.clip = np.clip

  local fmax = { float32 = 3.4028234663852886e38, float64 = 1.7976931348623157e308 }

  -- np.nan_to_num(x [, {copy=, nan=, posinf=, neginf=}])
  local function nan_to_num(x, opts)
    opts = opts or {}
    local a = np.asarray(x)
    local r = (opts.copy == false) and a or a:copy()
    if is_int(r) then return value(r) end
    local function fix(part)
      local big = fmax[part.dtype.name]
      -- every mask before any replacing: a replacement is never replaced
      local nan, pos, neg = np.isnan(part), np.isposinf(part), np.isneginf(part)
      np.add(0, opts.nan or 0.0, {out = part, where = nan})
      np.add(0, opts.posinf or big, {out = part, where = pos})
      np.add(0, opts.neginf or -big, {out = part, where = neg})
    end
    if is_complex(r) then fix(r.real); fix(r.imag) else fix(r) end
    return value(r)
  end
  np.nan_to_num = named("nan_to_num", nan_to_num)

  local function infsign(positive)
    return function(x)
      local a = np.asarray(x)
      if is_complex(a) then
        error("this operation is not supported for complex values", 0)
      end
      local s = np.signbit(a)
      if not positive then return np.logical_and(np.isinf(a), s) end
      return np.logical_and(np.isinf(a), np.logical_not(s))
    end
  end
  np.isposinf = named("isposinf", infsign(true))
  np.isneginf = named("isneginf", infsign(false))

  -- np.angle(z [, deg])
  np.angle = named("angle", function(z, deg)
    local a = np.asarray(z)
    local r
    if is_complex(a) then r = np.arctan2(a.imag, a.real) else r = np.arctan2(0, a) end
    if deg then r = np.multiply(r, 180 / math.pi) end
    return r
  end)

  np.real = named("real", function(x) return value(np.asarray(x).real) end)
  np.imag = named("imag", function(x) return value(np.asarray(x).imag) end)

  -- np.sinc(x) = sin(pi x) / (pi x), 1 at 0 (x = 0 is replaced by 1e-20)
  np.sinc = named("sinc", function(x)
    local a = np.asarray(x)
    -- a float copy, even 0-d (0.5, a weak float on every Lua: 0.0 counts
    -- as an integer before 5.3)
    local t = a:astype(np.result_type(a, 0.5))
    np.add(0, 1e-20, {out = t, where = np.equal(a, 0)})
    local y = np.multiply(t, math.pi)
    return np.divide(np.sin(y), y)
  end)

  np.allclose = named("allclose", function(a, b, rtol, atol, equal_nan)
    local r = isclose(a, b, rtol, atol, equal_nan)
    if type(r) == "boolean" then return r end
    return np.array_equal(r, np.ones_like(r))
  end)

  -- the other pure-Lua parts, one file per area, each given the module
  -- table and its area's internal C primitives, which then leave the module
  local internal = np._internal
  np._internal = nil
  for _, m in ipairs { "reduce", "sort", "fancy", "manip", "stats",
                      "products", "einsum", "linalg", "spectral", "fft", "fftfreq",
                      "random", "npyio", "textio" } do
    require("lumpy." .. m)(np, internal[m])
  end
end
