-- lumpy/spectral.lua - the parts of np.linalg's spectral functions written in
-- Lua on the C decompositions (src/bind/spectral.c): norm, vector_norm,
-- matrix_norm, cond, matrix_rank, pinv. Each follows NumPy 2's
-- numpy/linalg/_linalg.py step by step, so that dtypes, shapes, empty inputs
-- and errors are NumPy's. Loaded by lumpy/extras.lua with the internal
-- "spectral" primitive: sumsq(x) (NumPy's dot(x, x) fast path of norm).

local U = require "lumpy.util"

return function(np, P)
  local L = np.linalg
  local named, is_opts = U.named, U.is_opts
  local huge = math.huge
  local function fail(msg) error(msg, 0) end

  local EPS = { float32 = 2.0^-23, float64 = 2.0^-52 }
  local REAL = { float32 = "float32", complex64 = "float32" }
  -- the real dtype NumPy's linalg returns for input dtype name dt
  local function real_of(dt) return REAL[dt] or "float64" end
  local function inexact(a) local k = a.dtype.kind; return k == "f" or k == "c" end
  -- a Lua number rounded to float32 when dt is float32 (NumPy's float32
  -- scalar arithmetic)
  local function round_to(v, dt)
    if dt == "float32" and v == v and v ~= huge and v ~= -huge then
      return U.round32(v)
    end
    return v
  end
  local function is_array(x) return U.is_array(x) end
  -- NumPy returns a scalar wherever the result is 0-d: a Lua value here
  local function value(r)
    if is_array(r) and r.ndim == 0 then return r:item() end
    return r
  end
  local function shape_of(a) local s = {}; for i = 1, a.ndim do s[i] = a.shape[i] end; return s end

  -- ret (array or Lua number of dtype dt) with the given shape
  local function reshaped(ret, shape, dt)
    if is_array(ret) then return ret:reshape(shape) end
    return np.full(shape, ret, dt)
  end

  -- the trailing options table of a call: its index among n args, or nil
  local function opts_at(n, ...)
    for i = n, 1, -1 do
      local v = select(i, ...)
      if v ~= nil then
        if is_opts(v) then return i, v end
        return nil
      end
    end
  end

  local function check_opts(o, allowed, fname)
    if not o then return end
    for k in pairs(o) do
      if not allowed[k] then
        fail(("%s() got an unexpected keyword argument '%s'"):format(fname, tostring(k)))
      end
    end
  end

  -- --------------------------------------------------------------- norm
  -- sqrt(sum |x|^2) over all of x as NumPy's fast path: BLAS dot products
  local function fast2(x, keepdims)
    local rdt = real_of(x.dtype.name)
    local r = round_to(math.sqrt(P.sumsq(x)), rdt)
    if keepdims then
      local shape = {}
      for i = 1, x.ndim do shape[i] = 1 end
      return np.full(shape, r, rdt)
    end
    return r
  end

  -- f(x, axis[, {keepdims = true}]): an explicit nil options argument
  -- would make LumPy's reductions return 0-d arrays instead of numbers
  local function red(f, x, a1, keepdims)
    if keepdims then return f(x, a1, { keepdims = true }) end
    return f(x, a1)
  end

  local function vector_norm_axis(x, ord, ax, keepdims)
    local a1 = ax + 1
    if ord == huge then
      return np.max(np.abs(x), a1, { keepdims = keepdims and true or nil, initial = 0 })
    elseif ord == -huge then
      return red(np.min, np.abs(x), a1, keepdims)
    elseif ord == 0 then
      return red(np.sum, np.not_equal(x, 0):astype(real_of(x.dtype.name)), a1, keepdims)
    elseif ord == 1 then
      return red(np.sum, np.abs(x), a1, keepdims)
    elseif ord == nil or ord == 2 then
      local sq = x.dtype.kind == "c" and np.real(np.multiply(np.conj(x), x))
                 or np.multiply(x, x)
      return np.sqrt(red(np.sum, sq, a1, keepdims))
    elseif type(ord) == "string" then
      fail(("Invalid norm order '%s' for vectors"):format(ord))
    elseif type(ord) ~= "number" then
      fail("Invalid norm order for vectors.")
    end
    local rdt = real_of(x.dtype.name)
    local ret = red(np.sum, np.power(np.abs(x), ord), a1, keepdims)
    return np.power(ret, round_to(1 / ord, rdt))
  end

  -- max / min / sum over the last axis of the singular values of x with
  -- the axes r, c (0-based) moved last
  local function svd_norm(x, r, c, how)
    local s = L.svdvals(np.moveaxis(x, { r + 1, c + 1 }, { -2, -1 }))
    if how == "max" then return np.max(s, -1, { initial = 0 }) end
    if how == "min" then return np.min(s, -1) end
    return np.sum(s, -1)
  end

  local function matrix_norm_axes(x, ord, r, c, keepdims)
    local nd, ret = x.ndim, nil
    if r == c then fail("Duplicate axes given.") end
    if ord == 2 then
      ret = svd_norm(x, r, c, "max")
    elseif ord == -2 then
      ret = svd_norm(x, r, c, "min")
    elseif ord == 1 or ord == -1 then
      local cc = c > r and c - 1 or c
      local t = np.sum(np.abs(x), r + 1)
      ret = ord == 1 and np.max(t, cc + 1, { initial = 0 }) or np.min(t, cc + 1)
    elseif ord == huge or ord == -huge then
      local rr = r > c and r - 1 or r
      local t = np.sum(np.abs(x), c + 1)
      ret = ord == huge and np.max(t, rr + 1, { initial = 0 }) or np.min(t, rr + 1)
    elseif ord == nil or ord == "fro" or ord == "f" then
      if nd == 2 then return fast2(x, keepdims) end
      local sq = x.dtype.kind == "c" and np.real(np.multiply(np.conj(x), x))
                 or np.multiply(x, x)
      ret = np.sqrt(np.sum(sq, { r + 1, c + 1 }))
    elseif ord == "nuc" then
      ret = svd_norm(x, r, c, "sum")
    else
      fail("Invalid norm order for matrices.")
    end
    if keepdims then
      local shape = shape_of(x)
      shape[r + 1], shape[c + 1] = 1, 1
      ret = reshaped(ret, shape, real_of(x.dtype.name))
    end
    return ret
  end

  local norm_keys = { ord = true, axis = true, keepdims = true }

  local function norm(x, ord, axis, keepdims)
    x = np.asarray(x)
    if not inexact(x) then x = x:astype("float64") end
    local nd = x.ndim
    if axis == nil then
      if ord == nil or ((ord == "fro" or ord == "f") and nd == 2)
         or (ord == 2 and nd == 1) then
        return fast2(x, keepdims)
      end
    end
    local axes = {}
    if axis == nil then
      for i = 1, nd do axes[i] = i - 1 end
    elseif U.mtype(axis) == "integer" then
      axes[1] = U.axis0(axis, nd)
    elseif type(axis) == "table" and not is_array(axis) then
      for i, v in ipairs(axis) do axes[i] = U.axis0(v, nd) end
    else
      fail("'axis' must be None, an integer or a tuple of integers")
    end
    if #axes == 1 then return vector_norm_axis(x, ord, axes[1], keepdims) end
    if #axes == 2 then return matrix_norm_axes(x, ord, axes[1], axes[2], keepdims) end
    fail("Improper number of dimensions to norm.")
  end

  L.norm = named("linalg.norm", function(x, ...)
    local i, o = opts_at(3, ...)
    local ord, axis, keepdims = ...
    if i then
      check_opts(o, norm_keys, "norm")
      if i == 1 then ord = o.ord end
      if i <= 2 then axis = o.axis end
      keepdims = o.keepdims
      if i > 1 and o.ord ~= nil then fail("norm() got multiple values for argument 'ord'") end
    end
    return value(norm(x, ord, axis, keepdims))
  end)

  -- vector_norm(x, {axis=, keepdims=, ord=2}) (NumPy 2)
  L.vector_norm = named("linalg.vector_norm", function(x, o)
    if o ~= nil and type(o) ~= "table" then fail("vector_norm takes options as a table {axis=, keepdims=, ord=}") end
    o = o or {}
    check_opts(o, norm_keys, "vector_norm")
    x = np.asarray(x)
    local ord, axis, keepdims = o.ord, o.axis, o.keepdims
    if ord == nil then ord = 2 end
    local shape, nd = shape_of(x), x.ndim
    local res
    if axis == nil then
      if ord == 2 then
        local xf = inexact(x) and x or x:astype("float64")
        res = fast2(xf, false)
      else
        res = norm(np.ravel(x), ord, 1)
      end
    elseif type(axis) == "table" then
      local seen, ax0, rest, perm, n1 = {}, {}, {}, {}, 1
      for i, v in ipairs(axis) do
        local a = U.axis0(v, nd)
        if seen[a] then fail("repeated axis") end
        seen[a] = true
        ax0[i] = a
        perm[#perm + 1] = a + 1
        n1 = n1 * shape[a + 1]
      end
      local newshape = { n1 }
      for k = 0, nd - 1 do
        if not seen[k] then perm[#perm + 1] = k + 1; newshape[#newshape + 1] = shape[k + 1] end
      end
      rest = np.transpose(x, perm):reshape(newshape)
      res = norm(rest, ord, 1)
      axis = ax0
    else
      res = norm(x, ord, axis)
      axis = { U.axis0(axis, nd) }
    end
    if keepdims then
      if o.axis == nil then
        for i = 1, nd do shape[i] = 1 end
      else
        for _, a in ipairs(axis) do shape[a + 1] = 1 end
      end
      local dt = real_of((inexact(x) and x or x:astype("float64")).dtype.name)
      res = reshaped(res, shape, dt)
    end
    return value(res)
  end)

  -- matrix_norm(x, {keepdims=, ord="fro"}) (NumPy 2)
  L.matrix_norm = named("linalg.matrix_norm", function(x, o)
    if o ~= nil and type(o) ~= "table" then fail("matrix_norm takes options as a table {keepdims=, ord=}") end
    o = o or {}
    check_opts(o, { ord = true, keepdims = true }, "matrix_norm")
    local ord = o.ord
    if ord == nil then ord = "fro" end
    return value(norm(x, ord, { -2, -1 }, o.keepdims))
  end)

  -- --------------------------------------------------------------- cond
  local function is_empty_2d(x)
    if x.size ~= 0 then return false end
    local nd, p = x.ndim, 1
    for i = math.max(1, nd - 1), nd do p = p * x.shape[i] end
    return p == 0
  end

  local function assert_square(x)
    if x.ndim < 2 then
      fail(("%d-dimensional array given. Array must be at least two-dimensional"):format(x.ndim))
    end
    if x.shape[x.ndim] ~= x.shape[x.ndim - 1] then
      fail("last 2 dimensions of the array must be square")
    end
  end

  -- np.linalg.inv with NaN matrices where one is singular (NumPy's inv
  -- gufunc under errstate(all='ignore'))
  local function inv_or_nan(x)
    local ok, r = pcall(L.inv, x)
    if ok then return r end
    if type(r) ~= "string" or not r:lower():find("singular", 1, true) then error(r, 0) end
    local n, nd = x.shape[x.ndim], x.ndim
    local flat = x:reshape({ -1, n, n })
    local parts = {}
    for k = 1, flat.shape[1] do
      local ok2, ik = pcall(L.inv, flat[k])
      if not ok2 then
        if type(ik) ~= "string" or not ik:lower():find("singular", 1, true) then error(ik, 0) end
        ik = nil
      end
      parts[k] = ik
    end
    local dt
    for k = 1, #parts do if parts[k] then dt = parts[k].dtype.name; break end end
    dt = dt or np.result_type(x, 0.5).name   -- 0.5: a weak float on every Lua
    local out = np.empty(shape_of(flat), dt)
    for k = 1, flat.shape[1] do
      out[k] = parts[k] or np.full({ n, n }, U.NAN, dt)
    end
    local shape = shape_of(x)
    assert(#shape == nd)
    return out:reshape(shape)
  end

  L.cond = named("linalg.cond", function(x, p)
    x = np.asarray(x)
    if is_empty_2d(x) then fail("cond is not defined on empty arrays") end
    local rdt = real_of(x.dtype.name)
    local r
    if p == nil or p == 2 or p == -2 then
      local s = L.svdvals(x)
      local first, last = s["..., 1"], s["..., -1"]
      if p == -2 then first, last = last, first end
      if is_array(first) then r = np.divide(first, last)
      else r = round_to(first / last, rdt) end
    else
      assert_square(x)
      local invx = inv_or_nan(x)
      local a = L.norm(x, p, { -2, -1 })
      local b = L.norm(invx, p, { -2, -1 })
      if is_array(a) then r = np.multiply(a, b):astype(rdt)
      else r = round_to(a * b, rdt) end
    end
    -- NaN becomes Inf unless the matrix itself holds a NaN
    if is_array(r) then
      local nan = np.isnan(r)
      if np.any(nan) then
        nan = np.logical_and(nan, np.logical_not(np.any(np.isnan(x), { -2, -1 })))
        r = np.where(nan, huge, r)
      end
    elseif r ~= r and not np.any(np.isnan(x)) then
      r = huge
    end
    return value(r)
  end)

  -- -------------------------------------------------------- matrix_rank
  L.matrix_rank = named("linalg.matrix_rank", function(A, tol, hermitian, o)
    if is_opts(tol) then o, tol, hermitian = tol, nil, nil
    elseif is_opts(hermitian) then o, hermitian = hermitian, nil end
    check_opts(o, { rtol = true, tol = true, hermitian = true }, "matrix_rank")
    local rtol
    if o then
      rtol = o.rtol
      if o.tol ~= nil then tol = o.tol end
      if o.hermitian ~= nil then hermitian = o.hermitian end
    end
    if rtol ~= nil and tol ~= nil then fail("`tol` and `rtol` can't be both set.") end
    A = np.asarray(A)
    if A.ndim < 2 then return np.all(np.equal(A, 0)) and 0 or 1 end
    local S = L.svd(A, false, false, hermitian and true or false)
    if tol == nil then
      if rtol == nil then
        local m, n = A.shape[A.ndim - 1], A.shape[A.ndim]
        rtol = math.max(m, n) * EPS[S.dtype.name]
      else
        rtol = np.expand_dims(np.asarray(rtol), -1)
      end
      tol = np.multiply(np.max(S, -1, { keepdims = true, initial = 0 }), rtol)
    else
      tol = np.expand_dims(np.asarray(tol), -1)
    end
    return value(np.count_nonzero(np.greater(S, tol), -1))
  end)

  -- --------------------------------------------------------------- pinv
  -- pinv(a, rcond, hermitian, {rtol=}): rcond defaults to 1e-15 as in
  -- NumPy 2 (and 1.24); rtol = x uses x; rtol = false stands for NumPy's
  -- rtol=None: max(M, N) * eps of a's (result) dtype
  L.pinv = named("linalg.pinv", function(a, rcond, hermitian, o)
    if is_opts(rcond) then o, rcond, hermitian = rcond, nil, nil
    elseif is_opts(hermitian) then o, hermitian = hermitian, nil end
    check_opts(o, { rtol = true, rcond = true, hermitian = true }, "pinv")
    local rtol
    if o then
      rtol = o.rtol
      if o.rcond ~= nil then rcond = o.rcond end
      if o.hermitian ~= nil then hermitian = o.hermitian end
    end
    a = np.asarray(a)
    if a.ndim < 2 then
      fail(("%d-dimensional array given. Array must be at least two-dimensional"):format(a.ndim))
    end
    local m, n = a.shape[a.ndim - 1], a.shape[a.ndim]
    if rcond == nil then
      if rtol == nil then rcond = 1e-15
      elseif rtol == false then
        rcond = math.max(m, n) * EPS[real_of(a.dtype.name)]
      else rcond = rtol end
    elseif rtol ~= nil then
      fail("`rtol` and `rcond` can't be both set.")
    end
    if is_empty_2d(a) then
      local shape = shape_of(a)
      shape[#shape - 1], shape[#shape] = n, m
      return np.empty(shape, a.dtype)
    end
    local u, s, vt = L.svd(np.conj(a), false, true, hermitian and true or false)
    local cutoff = np.multiply(np.expand_dims(np.asarray(rcond), -1),
                               np.max(s, -1, { keepdims = true }))
    local large = np.greater(s, cutoff)
    local sinv = np.where(large, np.divide(1, s), 0):astype(s.dtype)
    local B = np.multiply(np.expand_dims(sinv, -1), np.swapaxes(u, -1, -2))
    return np.matmul(np.swapaxes(vt, -1, -2), B:astype(u.dtype))
  end)

end
