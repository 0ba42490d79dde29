-- lumpy/products.lua - the matrix products written in Lua on np.matmul (the
-- C part, src/bind/products.c): dot, vdot, inner, outer, tensordot, kron,
-- vecdot, matrix_transpose, and np.linalg's multi_dot, matrix_power, trace,
-- diagonal, outer, vecdot, tensordot, matrix_transpose, cross. Each reshapes its
-- operands into one matmul as numpy/core/numeric.py and linalg.py do, so
-- every dtype, BLAS and the stacks come from matmul.
-- Loaded by lumpy/extras.lua.

local U = require "lumpy.util"

return function(np, P)
  local named, is_opts = U.named, U.is_opts
  local function fail(msg) error(msg, 0) end
  local linalg = np.linalg
  local methods = getmetatable(np.zeros(1)).methods
  local matmul = np.matmul
  linalg.matmul = named("linalg.matmul", function(...) return matmul(...) end)

  -- NumPy's spelling of a shape in messages: (3,) (2,3) ()
  local function shape_str(s)
    if #s == 1 then return "(" .. s[1] .. ",)" end
    return "(" .. table.concat(s, ",") .. ")"
  end

  local function prod(s, i, j)
    local n = 1
    for k = i or 1, j or #s do n = n * s[k] end
    return n
  end

  local sub = U.sub

  local function concat(...)
    local t = {}
    for _, s in ipairs { ... } do for _, v in ipairs(s) do t[#t + 1] = v end end
    return t
  end

  -- a 0-d result as the Lua value NumPy's scalar becomes
  local function value(r)
    if U.is_array(r) and r.ndim == 0 then return r:item() end
    return r
  end

  local function conj(a)
    if a.dtype.kind == "c" then return np.conj(a) end
    return a
  end

  -- the trailing options table (out=, axis=...) of a call with n positions
  local function opts_of(n, ...)
    local t = U.pack(...)
    local o = t[t.n]
    if t.n > n - 1 and is_opts(o) then return t, o, t.n - 1 end
    if t.n >= n and type(o) == "table" and not U.is_array(o) and getmetatable(o) == nil and #o == 0 then
      return t, {}, t.n - 1                         -- {}: empty options
    end
    return t, nil, t.n
  end

  local function checkopts(o, allowed, fn)
    for k in pairs(o or {}) do
      if not allowed[k] then fail(("%s() got an unexpected keyword argument '%s'"):format(fn, tostring(k))) end
    end
  end

  -- dot's out: NumPy requires exactly the result's dtype and shape, C order
  local function check_out(out, dtype, shape)
    if not U.is_array(out) then fail("out must be an array") end
    local ok = out.dtype.name == dtype and out.ndim == #shape and out.flags.c_contiguous
    if ok then for i = 1, #shape do if out.shape[i] ~= shape[i] then ok = false end end end
    if not ok then
      fail("output array is not acceptable (must have the right datatype, number of dimensions, and be a C-Array)")
    end
  end

  -- ------------------------------------------------------------ dot
  local function dot(a, b, out)
    a, b = np.asarray(a), np.asarray(b)
    if a.ndim == 0 or b.ndim == 0 then
      local r = np.multiply(a, b)
      if out then
        local rr = np.asarray(r)
        check_out(out, rr.dtype.name, rr.shape)
        np.copyto(out, rr)
        return out
      end
      return r
    end
    local as, bs = a.shape, b.shape
    local bk = b.ndim == 1 and 1 or b.ndim - 1
    if as[a.ndim] ~= bs[bk] then
      fail(("shapes %s and %s not aligned: %d (dim %d) != %d (dim %d)"):format(shape_str(as),
        shape_str(bs), as[a.ndim], a.ndim, bs[bk], bk))
    end
    local simple = (a.ndim <= 2 and b.ndim <= 2) or a.ndim == 1 or b.ndim == 1
    if simple and not out then return np.matmul(a, b) end   -- matmul's rules are dot's here
    -- the result's shape: a.shape[:-1] + b.shape[:-2] + b.shape[-1:]
    local shape = concat(sub(as, 1, a.ndim - 1), sub(bs, 1, b.ndim - 2),
      b.ndim >= 2 and { bs[b.ndim] } or {})
    if out then check_out(out, np.promote_types(a.dtype, b.dtype).name, shape) end
    if simple then return np.matmul(a, b, { out = out }) end
    -- N-d by M-d: one matmul of (prod(a.shape[:-1]), k) by (k, rest of b)
    local k = as[a.ndim]
    local A = a:reshape(prod(as, 1, a.ndim - 1), k)
    local B = np.moveaxis(b, -2, 1):reshape(k, prod(bs, 1, b.ndim - 2) * bs[b.ndim])
    local r = np.matmul(A, B):reshape(shape)
    if out then np.copyto(out, r); return out end
    return r
  end

  np.dot = named("dot", function(...)
    local t, o = opts_of(3, ...)
    checkopts(o, { out = true }, "dot")
    local out = o and o.out or nil
    if not o and t[3] ~= nil then out = t[3] end    -- NumPy's positional out
    if out ~= nil and not U.is_array(out) then fail("out must be an array") end
    return dot(t[1], t[2], out)
  end)
  methods.dot = np.dot

  -- ----------------------------------------------------------- vdot
  np.vdot = named("vdot", function(a, b)
    a, b = np.asarray(a):ravel(), np.asarray(b):ravel()
    if a.size ~= b.size then
      fail(("cannot reshape array of size %d into shape (%d,)"):format(b.size, a.size))
    end
    return value(np.matmul(conj(a), b))
  end)

  -- ---------------------------------------------------------- inner
  np.inner = named("inner", function(a, b)
    a, b = np.asarray(a), np.asarray(b)
    if a.ndim == 0 or b.ndim == 0 then return np.multiply(a, b) end
    local as, bs = a.shape, b.shape
    local k = as[a.ndim]
    if k ~= bs[b.ndim] then
      fail(("shapes %s and %s not aligned: %d (dim %d) != %d (dim %d)"):format(shape_str(as),
        shape_str(bs), k, a.ndim, bs[b.ndim], b.ndim))
    end
    if a.ndim == 1 and b.ndim == 1 then return value(np.matmul(a, b)) end
    local A = a:reshape(prod(as, 1, a.ndim - 1), k)
    local B = b:reshape(prod(bs, 1, b.ndim - 1), k)
    return np.matmul(A, B.T):reshape(concat(sub(as, 1, a.ndim - 1), sub(bs, 1, b.ndim - 1)))
  end)

  -- ---------------------------------------------------------- outer
  local function outer(a, b, out)
    a, b = np.asarray(a):ravel(), np.asarray(b):ravel()
    return np.multiply(a:reshape(a.size, 1), b:reshape(1, b.size), out and { out = out } or nil)
  end
  np.outer = named("outer", function(...)
    local t, o = opts_of(3, ...)
    checkopts(o, { out = true }, "outer")
    local out = o and o.out or nil
    if not o and t[3] ~= nil then out = t[3] end    -- NumPy's positional out
    if out ~= nil and not U.is_array(out) then fail("out must be an array") end
    return outer(t[1], t[2], out)
  end)
  linalg.outer = named("linalg.outer", function(a, b)
    a, b = np.asarray(a), np.asarray(b)
    if a.ndim ~= 1 or b.ndim ~= 1 then
      fail(("Input arrays must be one-dimensional, but they are x1.ndim=%d and x2.ndim=%d.")
        :format(a.ndim, b.ndim))
    end
    return outer(a, b)
  end)

  -- ------------------------------------------------------ tensordot
  -- axes: an integer N (the last N of a with the first N of b), or a pair
  -- {axes_a, axes_b}, each an axis (1-based, negative from the end) or a
  -- sequence of them
  local function tensordot(a, b, axes)
    a, b = np.asarray(a), np.asarray(b)
    if axes == nil then axes = 2 end
    local axa, axb = {}, {}
    if U.mtype(axes) == "integer" then
      if axes > a.ndim or axes > b.ndim then
        fail(("axes %d exceeds the dimensions of the operands (%d and %d)"):format(axes, a.ndim, b.ndim))
      end
      for i = 1, axes do axa[i] = a.ndim - axes + i - 1; axb[i] = i - 1 end
    elseif type(axes) == "table" and not U.is_array(axes) then
      local x, y = axes[1], axes[2]
      if x == nil or y == nil or axes[3] ~= nil then
        fail("axes must be an integer or a pair of axis sequences")
      end
      if type(x) ~= "table" then x = { x } end
      if type(y) ~= "table" then y = { y } end
      if #x ~= #y then fail("shape-mismatch for sum") end
      for i = 1, #x do
        axa[i] = U.axis0(x[i], a.ndim)
        axb[i] = U.axis0(y[i], b.ndim)
      end
    else
      fail("axes must be an integer or a pair of axis sequences")
    end
    local as, bs = a.shape, b.shape
    local ina, inb = {}, {}
    for i = 1, #axa do
      if as[axa[i] + 1] ~= bs[axb[i] + 1] then fail("shape-mismatch for sum") end
      if ina[axa[i]] or inb[axb[i]] then fail("repeated axis in tensordot axes") end
      ina[axa[i]], inb[axb[i]] = true, true
    end
    local perma, permb, freea, freeb = {}, {}, {}, {}
    for i = 0, a.ndim - 1 do if not ina[i] then perma[#perma + 1] = i + 1; freea[#freea + 1] = as[i + 1] end end
    for i = 1, #axa do perma[#perma + 1] = axa[i] + 1 end
    for i = 1, #axb do permb[#permb + 1] = axb[i] + 1 end
    for i = 0, b.ndim - 1 do if not inb[i] then permb[#permb + 1] = i + 1; freeb[#freeb + 1] = bs[i + 1] end end
    local k = 1
    for i = 1, #axa do k = k * as[axa[i] + 1] end
    local A = (a.ndim > 0 and a:transpose(perma) or a):reshape(prod(freea), k)
    local B = (b.ndim > 0 and b:transpose(permb) or b):reshape(k, prod(freeb))
    return np.matmul(A, B):reshape(concat(freea, freeb))
  end
  np.tensordot = named("tensordot", function(a, b, axes) return tensordot(a, b, axes) end)
  linalg.tensordot = named("linalg.tensordot", function(a, b, axes) return tensordot(a, b, axes) end)

  -- ----------------------------------------------------------- kron
  np.kron = named("kron", function(a, b)
    a, b = np.asarray(a), np.asarray(b)
    if a.ndim == 0 or b.ndim == 0 then return np.multiply(a, b) end
    local nd = math.max(a.ndim, b.ndim)
    local as, bs = {}, {}
    for i = 1, nd do
      as[i] = a.shape[i - (nd - a.ndim)] or 1
      bs[i] = b.shape[i - (nd - b.ndim)] or 1
    end
    local sa, sb, shape = {}, {}, {}
    for i = 1, nd do
      sa[2 * i - 1], sa[2 * i] = as[i], 1
      sb[2 * i - 1], sb[2 * i] = 1, bs[i]
      shape[i] = as[i] * bs[i]
    end
    return np.multiply(a:reshape(sa), b:reshape(sb)):reshape(shape)
  end)

  -- --------------------------------------------------------- vecdot
  -- NumPy 2's gufunc (n),(n)->(): sum of conj(x1) * x2 along axis (-1 by
  -- default) with the other dimensions broadcast; as one matmul of
  -- (..., 1, n) by (..., n, 1)
  local function vecdot(fn, ...)
    local t, o, n = opts_of(3, ...)
    checkopts(o, { axis = true, out = true }, fn)
    if n < 2 then fail("vecdot() missing required argument 'x2'") end
    local a, b = np.asarray(t[1]), np.asarray(t[2])
    for i, x in ipairs { a, b } do
      if x.ndim == 0 then
        fail(("Input operand %d does not have enough dimensions (has 0, gufunc core with signature (n),(n)->() requires 1)"):format(i))
      end
    end
    local axis = o and o.axis or -1
    a = np.moveaxis(a, axis, -1)
    b = np.moveaxis(b, axis, -1)
    if a.shape[a.ndim] ~= b.shape[b.ndim] then
      fail(("Input operand 2 has a mismatch in its core dimension 1, with gufunc signature (n),(n)->() (size %d is different from %d)")
        :format(b.shape[b.ndim], a.shape[a.ndim]))
    end
    local r = np.matmul(np.expand_dims(conj(a), -2), np.expand_dims(b, -1))
    local shape = sub(r.shape, 1, r.ndim - 2)
    r = r:reshape(shape)
    if o and o.out then np.copyto(o.out, r); return o.out end
    return value(r)
  end
  np.vecdot = named("vecdot", function(...) return vecdot("vecdot", ...) end)
  linalg.vecdot = named("linalg.vecdot", function(...) return vecdot("vecdot", ...) end)

  -- ------------------------------------------------ matrix_transpose
  local function matrix_transpose(x)
    x = np.asarray(x)
    if x.ndim < 2 then
      fail(("Input array must be at least 2-dimensional, but it is %d"):format(x.ndim))
    end
    return np.swapaxes(x, -1, -2)
  end
  np.matrix_transpose = named("matrix_transpose", matrix_transpose)
  linalg.matrix_transpose = named("linalg.matrix_transpose", matrix_transpose)

  -- ---------------------------------------------------- linalg.trace
  -- NumPy 2: the trace of each matrix of a stack (the last two axes)
  linalg.trace = named("linalg.trace", function(x, o)
    if o ~= nil and not U.is_record(o) then fail("options must be a table {offset=, dtype=}") end
    checkopts(o, { offset = true, dtype = true }, "trace")
    x = np.asarray(x)
    if x.ndim < 2 then
      fail(("%d-dimensional array given. Array must be at least two-dimensional"):format(x.ndim))
    end
    local off = o and o.offset or 0
    if U.mtype(off) ~= "integer" then fail("offset must be an integer") end
    return np.trace(x, off, -2, -1, o and o.dtype or nil)
  end)

  -- ------------------------------------------------- linalg.diagonal
  -- NumPy 2: the k-th diagonal of each matrix of a stack (the last two
  -- axes), as np.diagonal's read-only view
  linalg.diagonal = named("linalg.diagonal", function(x, o)
    if o ~= nil and not U.is_record(o) then fail("options must be a table {offset=}") end
    checkopts(o, { offset = true }, "diagonal")
    local off = o and o.offset or 0
    if U.mtype(off) ~= "integer" then fail("offset must be an integer") end
    return np.diagonal(x, off, -2, -1)
  end)

  -- ---------------------------------------------------- linalg.cross
  linalg.cross = named("linalg.cross", function(a, b, o)
    if o ~= nil and not U.is_record(o) then fail("options must be a table {axis=}") end
    checkopts(o, { axis = true }, "cross")
    a, b = np.asarray(a), np.asarray(b)
    local axis = o and o.axis or -1
    local na = a.ndim > 0 and a.shape[U.axis0(axis, a.ndim) + 1] or 0
    local nb = b.ndim > 0 and b.shape[U.axis0(axis, b.ndim) + 1] or 0
    if na ~= 3 or nb ~= 3 then
      fail(("Both input arrays must be (arrays of) 3-dimensional vectors, but they are %d and %d dimensional instead.")
        :format(na, nb))
    end
    return np.cross(a, b, { axis = axis })
  end)

  -- ----------------------------------------------- linalg.multi_dot
  -- the cheapest order of the chain by dynamic programming over the
  -- products' costs (Cormen et al., as NumPy: the first cheapest split)
  local function chain_order(arrays)
    local n = #arrays
    local p = {}
    for i = 1, n do p[i] = arrays[i].shape[1] end
    p[n + 1] = arrays[n].shape[2]
    local m, s = {}, {}
    for i = 1, n do m[i] = { [i] = 0 }; s[i] = {} end
    for l = 1, n - 1 do
      for i = 1, n - l do
        local j = i + l
        m[i][j] = math.huge
        for k = i, j - 1 do
          local q = m[i][k] + m[k + 1][j] + p[i] * p[k + 1] * p[j + 1]
          if q < m[i][j] then m[i][j] = q; s[i][j] = k end
        end
      end
    end
    return s
  end

  local function chain(arrays, s, i, j, out)
    if i == j then return arrays[i] end
    return dot(chain(arrays, s, i, s[i][j]), chain(arrays, s, s[i][j] + 1, j), out)
  end

  linalg.multi_dot = named("linalg.multi_dot", function(arrays, o)
    checkopts(o, { out = true }, "multi_dot")
    local out = o and o.out or nil
    if type(arrays) ~= "table" or U.is_array(arrays) then fail("expected a sequence of arrays") end
    local n = #arrays
    if n < 2 then fail("Expecting at least two arrays.") end
    if n == 2 then return dot(arrays[1], arrays[2], out) end
    local a = {}
    for i = 1, n do a[i] = np.asarray(arrays[i]) end
    local nd1, ndn = a[1].ndim, a[n].ndim
    if nd1 == 1 then a[1] = a[1]:reshape(1, a[1].size) end
    if ndn == 1 then a[n] = a[n]:reshape(a[n].size, 1) end
    for i = 1, n do
      if a[i].ndim ~= 2 then
        fail(("%d-dimensional array given. Array must be two-dimensional"):format(a[i].ndim))
      end
    end
    local r
    if n == 3 then
      local A, B, C = a[1], a[2], a[3]
      local a0, a1b0 = A.shape[1], A.shape[2]
      local b1c0, c1 = C.shape[1], C.shape[2]
      local cost1 = a0 * b1c0 * (a1b0 + c1)     -- (AB)C
      local cost2 = a1b0 * c1 * (a0 + b1c0)     -- A(BC)
      if cost1 < cost2 then r = dot(dot(A, B), C, out) else r = dot(A, dot(B, C), out) end
    else
      r = chain(a, chain_order(a), 1, n, out)
    end
    if nd1 == 1 and ndn == 1 then return r[1][1] end
    if nd1 == 1 or ndn == 1 then return r:ravel() end
    return r
  end)

  -- -------------------------------------------- linalg.matrix_power
  linalg.matrix_power = named("linalg.matrix_power", function(a, n)
    a = np.asarray(a)
    if a.ndim < 2 then
      fail(("%d-dimensional array given. Array must be at least two-dimensional"):format(a.ndim))
    end
    local N = a.shape[a.ndim]
    if a.shape[a.ndim - 1] ~= N then fail("Last 2 dimensions of the array must be square") end
    if U.mtype(n) ~= "integer" then fail("exponent must be an integer") end
    if n == 0 then
      return np.broadcast_to(np.eye(N, nil, nil, { dtype = a.dtype }), a.shape):copy()
    end
    if n < 0 then
      if n == U.mininteger then fail("exponent out of range") end
      if not linalg.inv then fail("negative powers need np.linalg.inv") end
      a = linalg.inv(a)
      n = -n
    end
    if n == 1 then return a end          -- the input itself, as NumPy's
    if n == 2 then return np.matmul(a, a) end
    if n == 3 then return np.matmul(np.matmul(a, a), a) end
    -- square and multiply, NumPy's order
    local z, result
    while n > 0 do
      z = z == nil and a or np.matmul(z, z)
      local bit = n % 2
      n = U.idiv(n, 2)
      if bit == 1 then result = result == nil and z or np.matmul(result, z) end
    end
    return result
  end)
end
