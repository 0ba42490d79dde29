-- lumpy/stats.lua - the parts of statistics written in Lua on the C primitives
-- (src/bind/stats.c): diff, ediff1d, gradient, trapezoid/trapz, cross, average,
-- cov, corrcoef, histogram, histogram_bin_edges, histogram2d. Each follows
-- numpy/lib/function_base.py, histograms.py and numeric.py operation by
-- operation so that the rounding is NumPy's. Loaded by lumpy/extras.lua.

local U = require "lumpy.util"

return function(np, P)

  local named = U.named
  local function fail(msg) error(msg, 0) end
  local is_opts = U.is_opts
  local function kind(a) return a.dtype.kind end
  local function inexact(a) return kind(a) == "f" or kind(a) == "c" end
  local function value(r)
    if type(r) == "userdata" and r.ndim == 0 then return r:item() end
    return r
  end

  local normaxis = U.axis0

  -- view of a with elements i..j (1-based, inclusive) along 0-based axis ax
  local function sl(a, ax, i, j)
    local idx = {}
    for k = 1, a.ndim do idx[k] = {} end
    idx[ax + 1] = {i, j}
    return a[idx]
  end

  -- ---------------------------------------------------------------- diff
  local function diff(a, n, axis, prepend, append)
    if is_opts(n) then n, axis, prepend, append = n.n, n.axis, n.prepend, n.append
    elseif is_opts(axis) then axis, prepend, append = axis.axis, axis.prepend, axis.append
    elseif is_opts(prepend) then prepend, append = prepend.prepend, prepend.append end
    n = n or 1
    if U.mtype(n) ~= "integer" then fail("n must be an integer") end
    if n < 0 then fail("order must be non-negative but got " .. n) end
    a = np.asarray(a)
    if n == 0 then return a end
    local nd = a.ndim
    if nd == 0 then fail("diff requires input that is at least one dimensional") end
    local ax = normaxis(axis or -1, nd)
    local parts = {}
    local function edge(v)
      v = np.asarray(v)
      if v.ndim == 0 then
        local shape = {}
        for k = 1, nd do shape[k] = a.shape[k] end
        shape[ax + 1] = 1
        v = np.broadcast_to(v, shape)
      end
      return v
    end
    if prepend ~= nil then parts[#parts + 1] = edge(prepend) end
    parts[#parts + 1] = a
    if append ~= nil then parts[#parts + 1] = edge(append) end
    if #parts > 1 then a = np.concatenate(parts, ax + 1) end
    local op = a.dtype.name == "bool" and np.not_equal or np.subtract
    for _ = 1, n do
      local len = a.shape[ax + 1]
      if len == 0 then break end
      a = op(sl(a, ax, 2, len), sl(a, ax, 1, len - 1))
    end
    return a
  end
  np.diff = named("diff", diff)

  -- ------------------------------------------------------------- ediff1d
  np.ediff1d = named("ediff1d", function(ary, to_end, to_begin)
    if is_opts(to_end) then to_end, to_begin = to_end.to_end, to_end.to_begin end
    ary = np.ravel(np.asarray(ary))
    local dt = ary.dtype
    local n = ary.size
    if to_begin == nil and to_end == nil then
      if n == 0 then return np.subtract(ary, ary) end
      return np.subtract(sl(ary, 0, 2, n), sl(ary, 0, 1, n - 1))
    end
    local function extra(v, what)
      if v == nil then return nil, 0 end
      v = np.asarray(v)
      if not np.can_cast(v.dtype, dt, "same_kind") then
        fail("dtype of `" .. what .. "` must be compatible with input `ary` under the `same_kind` rule.")
      end
      v = np.ravel(v)
      return v, v.size
    end
    local b, lb = extra(to_begin, "to_begin")
    local e, le = extra(to_end, "to_end")
    local ld = math.max(n - 1, 0)
    local r = np.empty(ld + lb + le, dt)
    if lb > 0 then np.copyto(sl(r, 0, 1, lb), b, {casting = "unsafe"}) end
    if le > 0 then np.copyto(sl(r, 0, lb + ld + 1, lb + ld + le), e, {casting = "unsafe"}) end
    if ld > 0 then np.subtract(sl(ary, 0, 2, n), sl(ary, 0, 1, n - 1), {out = sl(r, 0, lb + 1, lb + ld)}) end
    return r
  end)

  -- ------------------------------------------------------------ gradient
  np.gradient = named("gradient", function(f, ...)
    local args = U.pack(...)
    local opts = {}
    if args.n > 0 and is_opts(args[args.n]) then opts = args[args.n]; args.n = args.n - 1 end
    f = np.asarray(f)
    local N = f.ndim
    local axes = {}
    if opts.axis == nil then
      for k = 0, N - 1 do axes[#axes + 1] = k end
    elseif type(opts.axis) == "table" then
      local seen = {}
      for _, x in ipairs(opts.axis) do
        local k = normaxis(x, N)
        if seen[k] then fail("repeated axis") end
        seen[k] = true
        axes[#axes + 1] = k
      end
    else
      axes[1] = normaxis(opts.axis, N)
    end
    local na = #axes
    local dx = {}
    if args.n == 0 then
      for i = 1, na do dx[i] = 1.0 end
    elseif args.n == 1 and (type(args[1]) == "number" or (np.asarray(args[1]).ndim == 0)) then
      for i = 1, na do dx[i] = args[1] end
    elseif args.n == na then
      for i = 1, na do
        local d = args[i]
        if type(d) ~= "number" then
          d = np.asarray(d)
          if d.ndim ~= 0 then
            if d.ndim ~= 1 then fail("distances must be either scalars or 1d") end
            if d.size ~= f.shape[axes[i] + 1] then
              fail("when 1d, distances must match the length of the corresponding dimension")
            end
            if kind(d) == "i" or kind(d) == "u" then d = d:astype("float64") end
            local dd = diff(d)
            if np.array_equal(np.equal(dd, dd[1]), np.ones(dd.size, "bool")) then
              d = dd[{{1, 1}}]:reshape({})           -- a 0-d array: not weak
            else
              d = dd
            end
          end
        end
        dx[i] = d
      end
    else
      fail("invalid number of arguments")
    end
    local edge_order = opts.edge_order or 1
    if edge_order > 2 then fail("'edge_order' greater than 2 not supported") end
    local otype = f.dtype
    if not inexact(f) then
      if kind(f) == "i" or kind(f) == "u" then f = f:astype("float64") end
      otype = "float64"
    end
    local outs = {}
    for i = 1, na do
      local ax, d = axes[i], dx[i]
      local n = f.shape[ax + 1]
      if n < edge_order + 1 then
        fail("Shape of array too small to calculate a numerical gradient, at least (edge_order + 1) elements are required.")
      end
      local uniform = type(d) == "number" or d.ndim == 0
      if type(d) == "number" and f.dtype.name == "float64" and (edge_order == 1 or edge_order == 2) then
        outs[i] = P.gradient(f, ax, d, edge_order)          -- one pass in C
      else
        local out = np.empty(f.shape, otype)
        local function put(i0, j0, v) np.copyto(sl(out, ax, i0, j0), v, {casting = "unsafe"}) end
        local function F(i0, j0) return sl(f, ax, i0, j0) end
        local function bshape(v)
          local shape = {}
          for k = 1, N do shape[k] = 1 end
          shape[ax + 1] = -1
          return v:reshape(shape)
        end
        if uniform then
          put(2, n - 1, np.divide(np.subtract(F(3, n), F(1, n - 2)), np.multiply(2.0, d)))
        else
          local m = d.size
          local dx1, dx2 = d[{{1, m - 1}}], d[{{2, m}}]
          local A = np.divide(np.negative(dx2), np.multiply(dx1, np.add(dx1, dx2)))
          local B = np.divide(np.subtract(dx2, dx1), np.multiply(dx1, dx2))
          local C = np.divide(dx1, np.multiply(dx2, np.add(dx1, dx2)))
          A, B, C = bshape(A), bshape(B), bshape(C)
          put(2, n - 1, np.add(np.add(np.multiply(A, F(1, n - 2)), np.multiply(B, F(2, n - 1))),
                               np.multiply(C, F(3, n))))
        end
        local function at(k) return type(d) == "number" and d or (d.ndim == 0 and d or d[{{k, k}}]:reshape({})) end
        if edge_order == 1 then
          local d0 = uniform and d or at(1)
          put(1, 1, np.divide(np.subtract(F(2, 2), F(1, 1)), d0))
          local dn = uniform and d or at(d.size)
          put(n, n, np.divide(np.subtract(F(n, n), F(n - 1, n - 1)), dn))
        else
          local a, b, c
          if uniform then
            a, b, c = np.divide(-1.5, d), np.divide(2.0, d), np.divide(-0.5, d)
          else
            local x1, x2 = at(1), at(2)
            a = np.divide(np.negative(np.add(np.multiply(2.0, x1), x2)), np.multiply(x1, np.add(x1, x2)))
            b = np.divide(np.add(x1, x2), np.multiply(x1, x2))
            c = np.divide(np.negative(x1), np.multiply(x2, np.add(x1, x2)))
          end
          put(1, 1, np.add(np.add(np.multiply(a, F(1, 1)), np.multiply(b, F(2, 2))), np.multiply(c, F(3, 3))))
          if uniform then
            a, b, c = np.divide(0.5, d), np.divide(-2.0, d), np.divide(1.5, d)
          else
            local m = d.size
            local x1, x2 = at(m - 1), at(m)
            a = np.divide(x2, np.multiply(x1, np.add(x1, x2)))
            b = np.divide(np.negative(np.add(x2, x1)), np.multiply(x1, x2))
            c = np.divide(np.add(np.multiply(2.0, x2), x1), np.multiply(x2, np.add(x1, x2)))
          end
          put(n, n, np.add(np.add(np.multiply(a, F(n - 2, n - 2)), np.multiply(b, F(n - 1, n - 1))),
                           np.multiply(c, F(n, n))))
        end
        outs[i] = out
      end
    end
    if na == 1 then return outs[1] end
    return outs
  end)

  -- --------------------------------------------------------------- sums
  -- NumPy's add.reduce over axis (nil: all) in dtype t (inexact)
  -- np.sum (the reductions' engine, NumPy's order) as an array
  local function sum(a, axis, keepdims, t)
    return np.asarray(np.sum(a, axis, t, nil, {keepdims = keepdims}))
  end

  -- ---------------------------------------------------------- trapezoid
  local function trapezoid(y, x, dx, axis)
    if is_opts(x) then x, dx, axis = x.x, x.dx, x.axis
    elseif is_opts(dx) then dx, axis = dx.dx, dx.axis
    elseif is_opts(axis) then axis = axis.axis end
    y = np.asarray(y)
    local nd = y.ndim
    if nd == 0 then fail("trapezoid requires y to be at least one dimensional") end
    local ax = normaxis(axis or -1, nd)
    local d
    if x == nil then
      d = dx or 1.0
    else
      x = np.asarray(x)
      if x.ndim == 1 then
        d = diff(x)
        local shape = {}
        for k = 1, nd do shape[k] = 1 end
        shape[ax + 1] = d.size
        d = d:reshape(shape)
      else
        d = diff(x, 1, ax + 1)
      end
    end
    local n = y.shape[ax + 1]
    local s = np.add(sl(y, ax, 2, n), sl(y, ax, 1, n - 1))
    local t = np.divide(np.multiply(d, s), 2.0)
    t = np.asarray(t)
    if not inexact(t) then t = t:astype("float64") end
    return value(np.sum(t, ax + 1))
  end
  np.trapezoid = named("trapezoid", trapezoid)
  np.trapz = named("trapz", trapezoid)

  -- -------------------------------------------------------------- cross
  np.cross = named("cross", function(a, b, axisa, axisb, axisc, axis)
    if is_opts(axisa) then
      local o = axisa
      axisa, axisb, axisc, axis = o.axisa, o.axisb, o.axisc, o.axis
    end
    axisa, axisb, axisc = axisa or -1, axisb or -1, axisc or -1
    if axis ~= nil then axisa, axisb, axisc = axis, axis, axis end
    a, b = np.asarray(a), np.asarray(b)
    if a.ndim == 0 or b.ndim == 0 then fail("incompatible dimensions for cross product\n(dimension must be 2 or 3)") end
    local ka, kb = normaxis(axisa, a.ndim, "axisa"), normaxis(axisb, b.ndim, "axisb")
    a = np.moveaxis(a, ka + 1, -1)
    b = np.moveaxis(b, kb + 1, -1)
    local na, nb = a.shape[a.ndim], b.shape[b.ndim]
    if (na ~= 2 and na ~= 3) or (nb ~= 2 and nb ~= 3) then
      fail("incompatible dimensions for cross product\n(dimension must be 2 or 3)")
    end
    local function comp(x, k)
      local idx = {}
      for i = 1, x.ndim - 1 do idx[i] = {} end
      idx[x.ndim] = {k, k}
      local v = x[idx]
      local shape = {}
      for i = 1, x.ndim - 1 do shape[i] = x.shape[i] end
      return v:reshape(shape)
    end
    local a0, a1, b0, b1 = comp(a, 1), comp(a, 2), comp(b, 1), comp(b, 2)
    local a2 = na == 3 and comp(a, 3) or nil
    local b2 = nb == 3 and comp(b, 3) or nil
    local shape = np.broadcast_shapes(a0.shape, b0.shape)
    if na == 3 or nb == 3 then
      shape[#shape + 1] = 3
    end
    local dt = np.promote_types(a.dtype, b.dtype)
    local cp = np.empty(shape, dt)
    if na == 2 and nb == 2 then
      np.multiply(a0, b1, {out = cp})
      np.subtract(cp, np.multiply(a1, b0), {out = cp})
      return cp
    end
    local kc = normaxis(axisc, #shape, "axisc")
    local cp0, cp1, cp2 = comp(cp, 1), comp(cp, 2), comp(cp, 3)
    if na == 2 then
      np.multiply(a1, b2, {out = cp0})
      np.multiply(a0, b2, {out = cp1}); np.negative(cp1, {out = cp1})
      np.multiply(a0, b1, {out = cp2}); np.subtract(cp2, np.multiply(a1, b0), {out = cp2})
    elseif nb == 3 then
      np.multiply(a1, b2, {out = cp0})
      local tmp = np.asarray(np.multiply(a2, b1))
      np.subtract(cp0, tmp, {out = cp0})
      np.multiply(a2, b0, {out = cp1})
      np.multiply(a0, b2, {out = tmp}); np.subtract(cp1, tmp, {out = cp1})
      np.multiply(a0, b1, {out = cp2})
      np.multiply(a1, b0, {out = tmp}); np.subtract(cp2, tmp, {out = cp2})
    else
      np.multiply(a2, b1, {out = cp0}); np.negative(cp0, {out = cp0})
      np.multiply(a2, b0, {out = cp1})
      np.multiply(a0, b1, {out = cp2}); np.subtract(cp2, np.multiply(a1, b0), {out = cp2})
    end
    return np.moveaxis(cp, -1, kc + 1)
  end)

  -- ------------------------------------------------------------ average
  local function average(a, axis, weights, returned, opts)
    if is_opts(axis) then opts = axis; axis, weights, returned = opts.axis, opts.weights, opts.returned
    elseif is_opts(weights) then opts = weights; weights, returned = opts.weights, opts.returned
    elseif is_opts(returned) then opts = returned; returned = opts.returned end
    opts = opts or {}
    local keepdims = opts.keepdims and true or false
    a = np.asarray(a)
    if axis == false then axis = nil end
    local avg, scl
    if weights == nil then
      avg = np.asarray(np.mean(a, axis, nil, nil, {keepdims = keepdims}))
      local cnt = U.idiv(a.size, math.max(avg.size, 1))
      scl = np.full(avg.shape, cnt, avg.dtype)
    else
      local w = np.asarray(weights)
      local rt
      if not inexact(a) then rt = np.result_type(a.dtype, w.dtype, "float64")
      else rt = np.result_type(a.dtype, w.dtype) end
      rt = np.dtype(rt).name
      local same = a.ndim == w.ndim
      if same then for k = 1, a.ndim do if a.shape[k] ~= w.shape[k] then same = false end end end
      if not same then
        if axis == nil then fail("Axis must be specified when shapes of a and weights differ.") end
        if type(axis) == "table" then fail("axis must be an integer when shapes of a and weights differ") end
        if w.ndim ~= 1 then fail("1D weights expected when shapes of a and weights differ.") end
        local ax = normaxis(axis, a.ndim)
        if w.shape[1] ~= a.shape[ax + 1] then fail("Length of weights not compatible with specified axis.") end
        local shape = {}
        for k = 1, a.ndim - 1 do shape[k] = 1 end
        shape[a.ndim] = w.shape[1]
        w = np.swapaxes(np.broadcast_to(w, shape), -1, ax + 1)
      end
      scl = np.sum(w, axis, rt, nil, {keepdims = keepdims})
      local zero = np.equal(scl, 0.0)
      if type(zero) == "boolean" then zero = zero else zero = not np.array_equal(zero, np.zeros(zero.shape, "bool")) end
      if zero then fail("Weights sum to zero, can't be normalized") end
      -- full reductions and ufuncs on 0-d arrays give Lua values: divide into
      -- an array of dtype rt so that float32/complex64 results stay so
      local num = np.asarray(np.sum(np.multiply(a, w, {dtype = rt}), axis, nil, nil, {keepdims = keepdims}), rt)
      scl = np.asarray(scl, rt)
      avg = np.empty(num.shape, rt)
      np.divide(num, scl, {out = avg})
    end
    local full = axis == nil and not keepdims
    if returned then
      if scl.ndim ~= avg.ndim or scl.size ~= avg.size then scl = np.broadcast_to(scl, avg.shape):copy() end
      if full then return value(avg), value(scl) end
      return avg, scl
    end
    if full then return value(avg) end
    return avg
  end
  np.average = named("average", average)

  -- ---------------------------------------------------------- cov, corrcoef
  local function as2d(m, dt)
    m = np.asarray(m)
    if dt then m = m:astype(dt) end
    if m.ndim == 0 then m = m:reshape({1, 1}) elseif m.ndim == 1 then m = m:reshape({1, m.size}) end
    return m
  end

  local function cov(m, y, rowvar, bias, ddof, fweights, aweights, dtype)
    if is_opts(y) then
      local o = y
      y, rowvar, bias, ddof, fweights, aweights, dtype = o.y, o.rowvar, o.bias, o.ddof, o.fweights, o.aweights, o.dtype
    elseif is_opts(rowvar) then
      local o = rowvar
      rowvar, bias, ddof, fweights, aweights, dtype = o.rowvar, o.bias, o.ddof, o.fweights, o.aweights, o.dtype
    end
    if rowvar == nil then rowvar = true end
    if ddof ~= nil and U.mtype(ddof) ~= "integer" and ddof ~= math.floor(ddof) then fail("ddof must be integer") end
    m = np.asarray(m)
    if m.ndim > 2 then fail("m has more than 2 dimensions") end
    if y ~= nil then
      y = np.asarray(y)
      if y.ndim > 2 then fail("y has more than 2 dimensions") end
    end
    if dtype == nil then
      dtype = (y == nil) and np.result_type(m, "float64") or np.result_type(m, y, "float64")
    end
    dtype = np.dtype(dtype).name
    local X = as2d(m, dtype)
    if not rowvar and X.shape[1] ~= 1 then X = X:transpose() end
    if X.shape[1] == 0 then return np.zeros({0, 0}) end
    if y ~= nil then
      local Y = as2d(y, dtype)
      if not rowvar and Y.shape[1] ~= 1 then Y = Y:transpose() end
      X = np.concatenate({X, Y}, 1)
    end
    X = X:copy()
    if ddof == nil then ddof = bias and 0 or 1 end
    local w
    if fweights ~= nil then
      local fw = np.asarray(fweights, "float64")
      if not np.array_equal(fw, np.round(fw)) then fail("fweights must be integer") end
      if fw.ndim > 1 then fail("cannot handle multidimensional fweights") end
      if fw.size ~= X.shape[2] then fail("incompatible numbers of samples and fweights") end
      if not np.array_equal(np.less(fw, 0), np.zeros(fw.size, "bool")) then fail("fweights cannot be negative") end
      w = fw
    end
    local aw
    if aweights ~= nil then
      aw = np.asarray(aweights, "float64")
      if aw.ndim > 1 then fail("cannot handle multidimensional aweights") end
      if aw.size ~= X.shape[2] then fail("incompatible numbers of samples and aweights") end
      if not np.array_equal(np.less(aw, 0), np.zeros(aw.size, "bool")) then fail("aweights cannot be negative") end
      w = w and np.multiply(w, aw) or aw
    end
    local avg, wsum = average(X, 2, w, true)
    local ws = wsum[1]
    if type(ws) ~= "number" then ws = np.real(ws) end
    local fact
    if w == nil then fact = X.shape[2] - ddof
    elseif ddof == 0 then fact = ws
    elseif aw == nil then fact = ws - ddof
    else
      fact = ws - ddof * sum(np.multiply(w, aw), nil, false, "float64"):item() / ws
    end
    if fact <= 0 then fact = 0.0 end
    X = np.subtract(X, avg:reshape({avg.size, 1}))
    -- NumPy: dot(X, X_T.conj()) with X_T = X.T or (X * w).T; X @ X.T is
    -- one syrk in the BLAS
    local XT = X
    if w ~= nil then XT = np.asarray(np.multiply(X, w)):astype(X.dtype) end
    if XT.dtype.kind == "c" then XT = np.conj(XT) end
    local c = np.matmul(X, XT.T)
    -- NumPy: c *= np.true_divide(1, fact), a float64 scalar, in place
    c = np.asarray(np.multiply(c, np.asarray(1 / fact))):astype(c.dtype)
    return np.asarray(c):squeeze()
  end
  np.cov = named("cov", cov)

  np.corrcoef = named("corrcoef", function(x, y, rowvar, opts)
    if is_opts(y) then opts = y; y, rowvar = opts.y, opts.rowvar
    elseif is_opts(rowvar) then opts = rowvar; rowvar = opts.rowvar end
    opts = opts or {}
    local c = cov(x, y, rowvar, nil, nil, nil, nil, opts.dtype)
    if c.ndim == 0 then return np.divide(c, c) end
    local d = np.diag(c)
    local sd = np.sqrt(np.asarray(np.real(d)))
    c = np.divide(c, sd:reshape({sd.size, 1}))
    c = np.divide(c, sd:reshape({1, sd.size}))
    if kind(c) == "c" then
      np.copyto(c.real, np.clip(c.real, -1, 1))
      np.copyto(c.imag, np.clip(c.imag, -1, 1))
    else
      c = np.clip(c, -1, 1)
    end
    return c
  end)

  -- ---------------------------------------------------------- histograms
  -- last - first as NumPy takes it: integer limits more than 2^63 apart
  -- wrap in Lua's integer arithmetic (last >= first, so a negative
  -- difference is a wrapped one); NumPy subtracts them unsigned, then
  -- divides in floats
  local function span(first, last)
    local d = last - first
    if d < 0 then d = d + 18446744073709551616.0 end
    return d
  end

  local function ptp(x) return span(np.min(x), np.max(x)) end
  local function std(x) return np.std(x) end
  -- NumPy's np.log2 (Lua 5.1's math.log takes no base)
  local function log2(v) return np.log2(v) end
  local estimators = {}
  estimators.sqrt = function(x) return ptp(x) / math.sqrt(x.size) end
  estimators.sturges = function(x) return ptp(x) / (log2(x.size) + 1.0) end
  estimators.rice = function(x) return ptp(x) / (2.0 * x.size ^ (1.0 / 3)) end
  estimators.scott = function(x) return (24.0 * math.pi ^ 0.5 / x.size) ^ (1.0 / 3.0) * std(x) end
  estimators.fd = function(x)
    local q = np.percentile(x, {75, 25})
    return 2.0 * (q[1] - q[2]) * x.size ^ (-1.0 / 3.0)
  end
  estimators.auto = function(x, r)
    local fd, st = estimators.fd(x, r), estimators.sturges(x, r)
    if fd ~= 0 then return math.min(fd, st) end
    return st
  end
  estimators.doane = function(x)
    local n = x.size
    if n > 2 then
      local sg1 = math.sqrt(6.0 * (n - 2) / ((n + 1.0) * (n + 3)))
      local sigma = std(x)
      if sigma > 0.0 then
        local t = np.divide(np.subtract(x, np.mean(x)), sigma)
        t = np.power(t, 3)
        local g1 = np.mean(t)
        return ptp(x) / (1.0 + log2(n) + log2(1.0 + math.abs(g1) / sg1))
      end
    end
    return 0.0
  end
  local hist_counts
  estimators.stone = function(x, r)
    local n = x.size
    local p = ptp(x)
    if n <= 1 or p == 0 then return 0 end
    local best, bestv
    local upper = math.max(100, math.floor(math.sqrt(n)))
    for nb = 1, upper do
      local hh = p / nb
      local cnt = hist_counts(x, nb, r)
      local pk = np.divide(cnt, n)
      local dot = sum(np.multiply(pk, pk), nil, false, "float64"):item()
      local v = (2 - (n + 1) * dot) / hh
      if bestv == nil or v < bestv then best, bestv = nb, v end
    end
    return p / best
  end

  local function finite(v) return v == v and v ~= math.huge and v ~= -math.huge end
  local function fmtnum(v)
    if U.mtype(v) == "integer" then return tostring(v) end
    if v ~= v then return "nan" elseif v == math.huge then return "inf" elseif v == -math.huge then return "-inf" end
    return string.format("%.17g", v)
  end

  local function outer_edges(a, range)
    local first, last
    if range ~= nil then
      first, last = range[1], range[2]
      if first > last then fail("max must be larger than min in range parameter.") end
      if not (finite(first) and finite(last)) then
        fail(string.format("supplied range of [%s, %s] is not finite", fmtnum(first), fmtnum(last)))
      end
    elseif a.size == 0 then
      first, last = 0, 1
    else
      first, last = np.min(a), np.max(a)
      if not (finite(first) and finite(last)) then
        fail(string.format("autodetected range of [%s, %s] is not finite", fmtnum(first), fmtnum(last)))
      end
    end
    if first == last then first, last = first - 0.5, last + 0.5 end
    return first, last
  end

  -- the dtype of the edges and of NumPy's fast-path arithmetic
  local function bin_type(a) return a.dtype.name == "float32" and "float32" or "float64" end

  local function prepare(a, weights)
    a = np.asarray(a)
    if kind(a) == "c" then fail("complex input is not supported") end
    if a.dtype.name == "bool" then a = a:astype("uint8") end
    local w
    if weights ~= nil then
      w = np.asarray(weights)
      local same = w.ndim == a.ndim
      if same then for k = 1, a.ndim do if w.shape[k] ~= a.shape[k] then same = false end end end
      if not same then fail("weights should have the same shape as a.") end
      w = np.ravel(w)
    end
    return np.ravel(a), w
  end

  -- a bin count whose n + 1 edges cannot be allocated is an error (and
  -- n + 1 must not overflow)
  local function check_nbins(n)
    if n >= 2 ^ 53 then
      fail(("too many bins (%s): cannot allocate the bin edges"):format(tostring(n)))
    end
  end

  -- NumPy's linspace; with float32 limits taken from float32 data it
  -- computes in float32 (arange * step + start, the last set to stop)
  local function linspace_edges(first, last, n, t, ranged)
    check_nbins(n)
    if t ~= "float32" or ranged then return np.linspace(first, last, n + 1, {dtype = t}) end
    local f32 = function(v) return np.asarray(v, "float32"):item() end
    first, last = f32(first), f32(last)
    local delta = f32(last - first)
    local step = f32(delta / n)
    local y = np.arange(0, n + 1, "float32")
    if step == 0 then y = np.multiply(np.divide(y, n), delta) else y = np.multiply(y, step) end
    y = np.asarray(np.add(y, first))
    y[n + 1] = last
    return y
  end

  -- edges and, for equal bins, (first, last, n)
  local function bin_edges(a, bins, range, w)
    bins = bins or 10
    if type(bins) == "string" then
      local est = estimators[bins]
      if not est then fail(string.format("'%s' is not a valid estimator for `bins`", bins)) end
      if w ~= nil then fail("Automated estimation of the number of bins is not supported for weighted data") end
      local first, last = outer_edges(a, range)
      local x = a
      if range ~= nil and x.size > 0 then
        local kept = {}
        for _, v in ipairs(x:tolist()) do
          if v >= first and v <= last then kept[#kept + 1] = v end
        end
        x = np.array(kept, x.dtype)
      end
      local nb
      if x.size == 0 then nb = 1
      else
        local width = est(x, {first, last})
        if width ~= 0 and width == width then nb = math.ceil(span(first, last) / width) else nb = 1 end
      end
      return linspace_edges(first, last, nb, bin_type(a), range ~= nil), {first, last, nb, range ~= nil}
    end
    if type(bins) == "number" then
      if U.mtype(bins) ~= "integer" then fail("`bins` must be an integer, a string, or an array") end
      if bins < 1 then fail("`bins` must be positive, when an integer") end
      local first, last = outer_edges(a, range)
      return linspace_edges(first, last, bins, bin_type(a), range ~= nil), {first, last, bins, range ~= nil}
    end
    local e = np.asarray(bins)
    if e.ndim == 0 then
      if kind(e) ~= "i" and kind(e) ~= "u" then fail("`bins` must be an integer, a string, or an array") end
      return bin_edges(a, e:item(), range, w)
    end
    if e.ndim ~= 1 then fail("`bins` must be 1d, when an array") end
    if e.size > 1 then
      local ed = e:astype("float64")
      local bad = np.greater(ed[{{1, e.size - 1}}], ed[{{2, e.size}}])
      if not np.array_equal(bad, np.zeros(bad.size, "bool")) then
        fail("`bins` must increase monotonically, when an array")
      end
    end
    return e, nil
  end

  -- bin counts (int64), or sums of real weights (float64); complex weights
  -- are counted part by part, as NumPy does
  local function counts(a, w, edges, uniform)
    if w ~= nil and kind(w) == "c" then
      local re = counts(a, w.real, edges, uniform)
      local im = counts(a, w.imag, edges, uniform)
      local r = np.empty(re.shape, "complex128")
      np.copyto(r.real, re)
      np.copyto(r.imag, im)
      return r
    end
    local wd = w and w:astype("float64")
    if edges.size < 2 then return np.zeros(0, w and "float64" or "int64") end
    if uniform then
      local first, last, nb, ranged = uniform[1], uniform[2], uniform[3], uniform[4]
      local t = edges.dtype.name
      -- NumPy's norm = nb / (last - first): in float32 when the limits are
      -- float32 values taken from float32 data
      local d = span(first, last)
      local f32 = t == "float32" and not ranged
      if f32 then d = np.asarray(d, "float32"):item() end
      local norm = nb / d
      if f32 then norm = np.asarray(norm, "float32"):item() end
      return P.hist_uniform(a:astype(t), wd, edges:astype(t), first, last, norm)
    end
    return P.hist_edges(a:astype("float64"), wd, edges:astype("float64"))
  end

  hist_counts = function(x, nb, r)
    local e, u = bin_edges(x, nb, r, nil)
    return counts(x, nil, e, u)
  end

  local function hist_args(bins, range, density, weights)
    if is_opts(bins) then
      local o = bins
      return o.bins, o.range, o.density, o.weights
    elseif is_opts(range) then
      local o = range
      return bins, o.range, o.density, o.weights
    elseif is_opts(density) then
      local o = density
      return bins, range, o.density, o.weights
    end
    return bins, range, density, weights
  end

  np.histogram = named("histogram", function(a, bins, range, density, weights)
    bins, range, density, weights = hist_args(bins, range, density, weights)
    local x, w = prepare(a, weights)
    local edges, uniform = bin_edges(x, bins, range, w)
    local n = counts(x, w, edges, uniform)
    if w ~= nil and w.dtype.name ~= "float64" then n = n:astype(w.dtype) end
    if density then
      local db = diff(edges):astype("float64")
      local nn = n:astype("float64")
      local tot = sum(nn, nil, false, "float64"):item()
      return np.divide(np.divide(n, db), tot), edges
    end
    return n, edges
  end)

  np.histogram_bin_edges = named("histogram_bin_edges", function(a, bins, range, weights)
    if is_opts(bins) then local o = bins; bins, range, weights = o.bins, o.range, o.weights
    elseif is_opts(range) then local o = range; range, weights = o.range, o.weights end
    local x, w = prepare(a, weights)
    local edges = bin_edges(x, bins, range, w)
    return edges
  end)

  np.histogram2d = named("histogram2d", function(x, y, bins, range, density, weights)
    if is_opts(bins) then local o = bins; bins, range, density, weights = o.bins, o.range, o.density, o.weights
    elseif is_opts(range) then local o = range; range, density, weights = o.range, o.density, o.weights
    elseif is_opts(density) then local o = density; density, weights = o.density, o.weights end
    x, y = np.ravel(np.asarray(x)), np.ravel(np.asarray(y))
    if x.size ~= y.size then fail("x and y must have the same length") end
    bins = bins or 10
    -- NumPy: a count for both, a pair (one entry per axis), or edges for both
    local bx, by
    if type(bins) == "number" then bx, by = bins, bins
    else
      local isarr = getmetatable(bins) ~= nil
      local len = isarr and (bins.ndim == 0 and 1 or bins.shape[1]) or #bins
      if len == 2 then
        if isarr then bx, by = bins[1], bins[2] else bx, by = bins[1], bins[2] end
      else bx, by = bins, bins end
    end
    local n = x.size
    local w
    if weights ~= nil then
      w = np.ravel(np.asarray(weights)):astype("float64")
      if w.size ~= n then fail("weights should have the same length as the sample") end
    end
    local xd, yd = x:astype("float64"), y:astype("float64")
    local function edges_of(v, b, i)
      if type(b) == "number" then
        if U.mtype(b) ~= "integer" then fail("`bins[" .. (i - 1) .. "]` must be an integer, when a scalar") end
        if b < 1 then fail("`bins[" .. (i - 1) .. "]` must be positive, when an integer") end
        local lo, hi
        if range ~= nil and range[i] ~= nil then
          lo, hi = range[i][1], range[i][2]
          if lo > hi then fail("max must be larger than min in range parameter.") end
        elseif v.size == 0 then lo, hi = 0, 1
        else
          lo, hi = np.min(v), np.max(v)
        end
        if not (finite(lo) and finite(hi)) then
          fail(string.format("supplied range of [%s, %s] is not finite", fmtnum(lo), fmtnum(hi)))
        end
        if lo == hi then lo, hi = lo - 0.5, hi + 0.5 end
        check_nbins(b)
        return np.linspace(lo, hi, b + 1)
      end
      local given = np.asarray(b)
      local e = given:astype("float64")
      if e.ndim ~= 1 then fail("`bins[" .. (i - 1) .. "]` must be a scalar or 1d array") end
      if e.size > 1 then
        local bad = np.greater(e[{{1, e.size - 1}}], e[{{2, e.size}}])
        if not np.array_equal(bad, np.zeros(bad.size, "bool")) then
          fail("`bins[" .. (i - 1) .. "]` must be monotonically increasing, when an array")
        end
      end
      return e, given
    end
    local xe, xg = edges_of(xd, bx, 1)
    local ye, yg = edges_of(yd, by, 2)
    local H
    if xe.size < 2 or ye.size < 2 then H = np.zeros({math.max(xe.size - 1, 0), math.max(ye.size - 1, 0)})
    else H = P.hist2d(xd, yd, w, xe, ye) end
    if density then
      local s = sum(H, nil, false, "float64"):item()
      H = np.divide(H, diff(xe):reshape({xe.size - 1, 1}))
      H = np.divide(H, diff(ye):reshape({1, ye.size - 1}))
      H = np.divide(H, s)
    end
    return H, xg or xe, yg or ye
  end)
end
