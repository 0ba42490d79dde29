-- lumpy/fancy.lua - the index functions written in Lua on a[...] with index
-- arrays and np.take: take_along_axis, put_along_axis, compress, choose, ix_,
-- indices, diag_indices(_from), tril/triu_indices(_from). Every position
-- given or returned is 1-based. Loaded by luaopen_lumpy with the module table.

local U = require "lumpy.util"

return function(np)
  local methods = getmetatable(np.zeros(1)).methods

  local named = U.named

  local function fail(name, msg) error("lumpy." .. name .. ": " .. msg, 0) end

  local is_opts = U.is_record

  local function isint(a)
    local d = tostring(a.dtype)
    return d:match("^u?int%d+$") ~= nil
  end


  -- the key of a[...] that takes indices along axis (NumPy's
  -- _make_along_axis_idx): aranges on the other axes, broadcast
  local function along_key(arr, indices, axis, name)
    local nd = arr.ndim
    if indices.ndim ~= nd then
      fail(name, "`indices` and `arr` must have the same number of dimensions")
    end
    local key = {}
    for d = 1, nd do
      if d == axis then
        key[d] = indices
      else
        local sh = {}
        for k = 1, nd do sh[k] = 1 end
        sh[d] = arr.shape[d]
        key[d] = np.arange(1, arr.shape[d] + 1):reshape(sh)
      end
    end
    return key
  end

  local function along_args(arr, indices, axis, name)
    arr, indices = np.asarray(arr), np.asarray(indices)
    if not isint(indices) then
      if indices.size == 0 then indices = indices:astype("int64")
      else fail(name, "`indices` must be an integer array") end
    end
    if axis == nil or axis == false then
      if indices.ndim ~= 1 then
        fail(name, "when axis is false (None), `indices` must have a single dimension")
      end
      return arr, indices, nil
    end
    return arr, indices, U.axis0(axis, arr.ndim) + 1
  end

  -- np.take_along_axis(arr, indices, axis): axis false/nil = flattened
  np.take_along_axis = named("take_along_axis", function(arr, indices, axis)
    local a, idx, ax = along_args(arr, indices, axis, "take_along_axis")
    if not ax then return a:ravel()[idx] end
    return a[along_key(a, idx, ax, "take_along_axis")]
  end)

  -- np.put_along_axis(arr, indices, values, axis): in place
  np.put_along_axis = named("put_along_axis", function(arr, indices, values, axis)
    if not (getmetatable(arr) and getmetatable(arr).__name == "lumpy.ndarray") then
      fail("put_along_axis", "arr must be an array")
    end
    local a, idx, ax = along_args(arr, indices, axis, "put_along_axis")
    if not ax then
      np.put(a, idx, np.broadcast_to(np.asarray(values):astype(a.dtype), idx.shape))
      return
    end
    a[along_key(a, idx, ax, "put_along_axis")] = values
  end)

  -- np.compress(condition, a [, axis [, out]]): axis false/nil = flattened
  local function compress(condition, a, axis, out)
    if is_opts(out) then out = out.out end
    if is_opts(axis) then axis, out = nil, axis.out end
    local c = np.asarray(condition)
    if c.ndim ~= 1 then fail("compress", "condition must be a 1-d array") end
    if tostring(c.dtype) ~= "bool" then c = np.not_equal(c, 0) end
    local pos = np.arange(1, c.shape[1] + 1)[c]
    return np.take(a, pos, axis or false, out)
  end
  np.compress = named("compress", compress)
  methods.compress = named("compress", function(a, condition, axis, out)
    return compress(condition, a, axis, out)
  end)

  -- np.choose(a, choices [, out [, mode]]): a holds choice numbers 1..n
  local function choose(a, choices, out, mode)
    if is_opts(mode) then mode = mode.mode end
    if is_opts(out) then out, mode = out.out, out.mode or mode end
    a = np.asarray(a)
    if not isint(a) then
      if a.size == 0 then a = a:astype("int64")
      else fail("choose", "the choice numbers must be integers") end
    end
    local cs = {}
    if getmetatable(choices) and getmetatable(choices).__name == "lumpy.ndarray" then
      if choices.ndim == 0 then fail("choose", "choices must be a sequence of arrays") end
      for i = 1, choices.shape[1] do cs[i] = choices[{i, np.ellipsis}] end
    elseif type(choices) == "table" then
      for i = 1, #choices do cs[i] = np.asarray(choices[i]) end
    else
      fail("choose", "choices must be a sequence of arrays")
    end
    local n = #cs
    if n == 0 then fail("choose", "choices must not be empty") end
    local ok, pos = pcall(np.take, np.arange(1, n + 1), a, false, nil, mode)
    if not ok then
      if tostring(pos):find("mode must") then error(pos, 0) end
      fail("choose", "invalid entry in choice array: " .. tostring(pos):gsub("^lumpy%.take: ", ""))
    end
    local dt = np.result_type(U.unpack(cs))
    local bs = np.broadcast_arrays(pos, U.unpack(cs))
    local res = np.empty(bs[1].shape, dt)
    for i = 1, n do
      local m = np.equal(bs[1], i)
      res[m] = bs[i + 1][m]
    end
    if out ~= nil then
      np.copyto(out, res)
      return out
    end
    if res.ndim == 0 then return res:item() end
    return res
  end
  np.choose = named("choose", choose)
  methods.choose = np.choose

  -- np.ix_(...): open mesh of 1-based positions (bool sequences give the
  -- positions of their true elements); returns one array per argument
  np.ix_ = named("ix_", function(...)
    local args, out = U.pack(...), {}
    local n = args.n
    for i = 1, n do
      local s = np.asarray(args[i])
      if s.ndim ~= 1 then fail("ix_", "Cross index must be 1 dimensional") end
      local dt = tostring(s.dtype)
      if dt == "bool" then
        s = np.arange(1, s.shape[1] + 1)[s]
      elseif s.size == 0 then
        s = s:astype("int64")
      elseif not isint(s) then
        fail("ix_", "Cross index must be integer or boolean, got " .. dt)
      end
      local sh = {}
      for k = 1, n do sh[k] = 1 end
      sh[i] = s.shape[1]
      out[i] = s:reshape(sh)
    end
    return U.unpack(out, 1, n)
  end)

  -- np.indices(dimensions [, dtype [, sparse]]) or {dtype=, sparse=}
  np.indices = named("indices", function(dimensions, dtype, sparse)
    if is_opts(dtype) then dtype, sparse = dtype.dtype, dtype.sparse end
    if is_opts(sparse) then sparse = sparse.sparse end
    dtype = dtype or "int64"
    local dims = type(dimensions) == "table" and dimensions or { dimensions }
    local n = #dims
    local function grid(i)
      local sh = {}
      for k = 1, n do sh[k] = 1 end
      sh[i] = dims[i]
      return np.arange(1, dims[i] + 1):astype(dtype):reshape(sh)
    end
    if sparse then
      local out = {}
      for i = 1, n do out[i] = grid(i) end
      return U.unpack(out, 1, n)
    end
    local sh = { n }
    for i = 1, n do sh[i + 1] = dims[i] end
    local res = np.empty(sh, dtype)
    for i = 1, n do res[i] = grid(i) end
    return res
  end)

  -- the most results diag_indices returns: what every Lua can pass through
  -- U.named's pcall (Lua 5.1 and LuaJIT allow about 8000 values on a C
  -- function's stack, 5.2-5.4 about 500000)
  local max_results = _VERSION == "Lua 5.1" and 4000 or 400000
  -- np.diag_indices(n [, ndim = 2]): ndim copies of 1..n
  local function diag_indices(n, ndim)
    ndim = ndim or 2
    if U.mtype(ndim) ~= "integer" then error("ndim must be an integer", 0) end
    -- one result per dimension (Lua values, where NumPy has a tuple): too
    -- many to return is an error before any is made
    if ndim > max_results then
      error(("ndim = %s: cannot return more than %d results"):format(tostring(ndim), max_results), 0)
    end
    -- n + 1 would wrap for math.maxinteger
    local idx
    if U.mtype(n) == "integer" and n >= U.maxinteger then idx = np.add(np.arange(n), 1)
    else idx = np.arange(1, n + 1) end
    local out = {}
    for i = 1, ndim do out[i] = idx end
    return U.unpack(out, 1, ndim)
  end
  np.diag_indices = named("diag_indices", diag_indices)
  np.diag_indices_from = named("diag_indices_from", function(arr)
    arr = np.asarray(arr)
    if arr.ndim < 2 then fail("diag_indices_from", "input array must be at least 2-d") end
    for d = 2, arr.ndim do
      if arr.shape[d] ~= arr.shape[1] then
        fail("diag_indices_from", "All dimensions of input must be of equal length")
      end
    end
    return diag_indices(arr.shape[1], arr.ndim)
  end)

  -- positions (rows, cols) of the true elements of an n x m bool mask
  local function mask_positions(mask, n, m)
    local rows = np.broadcast_to(np.arange(1, n + 1):reshape(n, 1), { n, m })
    local cols = np.broadcast_to(np.arange(1, m + 1):reshape(1, m), { n, m })
    return rows[mask], cols[mask]
  end

  -- np.tril_indices(n [, k = 0 [, m = n]]): k is a diagonal offset, as NumPy's
  local function tril_indices(n, k, m)
    k, m = k or 0, m or n
    return mask_positions(np.tri(n, m, k, "bool"), n, m)
  end
  local function triu_indices(n, k, m)
    k, m = k or 0, m or n
    return mask_positions(np.logical_not(np.tri(n, m, k - 1, "bool")), n, m)
  end
  np.tril_indices = named("tril_indices", tril_indices)
  np.triu_indices = named("triu_indices", triu_indices)
  local function from(name, f)
    return named(name, function(arr, k)
      arr = np.asarray(arr)
      if arr.ndim ~= 2 then fail(name, "input array must be 2-d") end
      return f(arr.shape[1], k, arr.shape[2])
    end)
  end
  np.tril_indices_from = from("tril_indices_from", tril_indices)
  np.triu_indices_from = from("triu_indices_from", triu_indices)
end
