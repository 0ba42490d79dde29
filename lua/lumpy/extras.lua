-- lumpy/extras.lua - the parts of LumPy written in Lua: compositions of the
-- C primitives (atleast_*d, meshgrid, fromfunction, isclose, allclose).
-- Loaded by luaopen_lumpy, which passes the module table.

return function(np)
  -- run f, reporting any error as coming from lumpy.<name>
  local function named(name, f)
    local function finish(ok, ...)
      if ok then return ... end
      local msg = ...
      if type(msg) == "string" then
        msg = msg:gsub("^[^\n]-lumpy%.[%w_%.]+: ", "lumpy." .. name .. ": ", 1)
      end
      error(msg, 0)
    end
    return function(...) return finish(pcall(f, ...)) end
  end

  local function atleast(n, name)
    return function(...)
      local args, out = table.pack(...), {}
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
  np.atleast_1d = named("atleast_1d", atleast(1))
  np.atleast_2d = named("atleast_2d", atleast(2))
  np.atleast_3d = named("atleast_3d", atleast(3))

  local function is_opts(t)
    return type(t) == "table" and getmetatable(t) == nil and #t == 0
  end

  -- np.meshgrid(x1, x2, ..., {indexing = "xy" | "ij", sparse = false, copy = true})
  local function meshgrid(...)
    local args = table.pack(...)
    local opts = {}
    if args.n > 0 and is_opts(args[args.n]) then
      opts = args[args.n]
      args.n = args.n - 1
    end
    local indexing = opts.indexing or "xy"
    if indexing ~= "xy" and indexing ~= "ij" then
      error("lumpy.meshgrid: Valid values for `indexing` are 'xy' and 'ij'.", 2)
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
      local b = np.broadcast_arrays(table.unpack(out, 1, n))
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
    if type(f) ~= "function" then error("lumpy.fromfunction: expected a function") end
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
    return f(table.unpack(coords, 1, #shape))
  end

  -- np.isclose(a, b [, rtol [, atol [, equal_nan]]] | {rtol=, atol=, equal_nan=})
  np.fromfunction = named("fromfunction", fromfunction)

  local function isclose(a, b, rtol, atol, equal_nan)
    if is_opts(rtol) then
      rtol, atol, equal_nan = rtol.rtol, rtol.atol, rtol.equal_nan
    end
    rtol, atol = rtol or 1e-05, atol or 1e-08
    a, b = np.asarray(a), np.asarray(b)
    -- compute in a float type: integers would overflow in abs(a - b)
    local dt = np.result_type(a, b, 1.0)
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

  np.allclose = named("allclose", function(a, b, rtol, atol, equal_nan)
    local r = isclose(a, b, rtol, atol, equal_nan)
    if type(r) == "boolean" then return r end
    return np.array_equal(r, np.ones_like(r))
  end)
end
