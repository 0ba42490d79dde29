-- lumpy/manip.lua - array manipulation written in Lua on the C primitives
-- of src/bind/manip.c (concatenate, flip, array_split, repeat, and the
-- internal table C: take / put of slabs, nonzero_box, check_sequence):
-- stack and its variants, block, the split variants, tile, roll, rot90,
-- pad, append, insert, delete, resize, trim_zeros. Loaded by
-- lumpy/extras.lua with the module table.
-- Positions are LumPy's (1-based, negative from the end); each function
-- says how they map to NumPy's.

local U = require "lumpy.util"

return function(np, C)

  local named = U.named
  local function fail(msg) error(msg, 0) end

  local is_opts = U.is_opts
  local is_array = U.is_array
  -- a plain Lua sequence (a list in NumPy's sense), not an options table
  local function is_list(t)
    return type(t) == "table" and getmetatable(t) == nil and not is_opts(t)
  end
  local function copy_shape(s)
    local t = {}
    for i = 1, #s do t[i] = s[i] end
    return t
  end
  local norm_axis = U.axis0
  -- a table index selecting 0-based [s, e) along axis ax (0-based) of an
  -- nd-dimensional array; step -1 walks from s down to e (exclusive, e >= -1)
  local function at_axis(nd, ax, s, e, step)
    local t = {}
    for i = 1, nd do t[i] = {} end
    if step == -1 then t[ax + 1] = { s + 1, e + 2, -1 }
    else t[ax + 1] = { s + 1, e } end
    return t
  end
  local function view_all(a) return a:view() end
  -- NumPy's array(x, ndmin=n): leading axes of length 1
  local function ndmin(a, n)
    if a.ndim >= n then return a end
    local s = {}
    for i = 1, n - a.ndim do s[i] = 1 end
    for i = 1, a.ndim do s[#s + 1] = a.shape[i] end
    return a:reshape(s)
  end

  -- ------------------------------------------------------------ stacking
  -- (arrays [, axis] [, opts]) with the options table anywhere after arrays
  local function seq_args(arrays, axis, opts)
    if is_opts(axis) or (type(axis) == "table" and next(axis) == nil and opts == nil) then
      axis, opts = nil, axis
    end
    return arrays, axis, opts
  end
  local function check_seq(arrays)
    if is_array(arrays) then
      local t = {}
      for i = 1, #arrays do t[i] = arrays[i] end
      if arrays.ndim == 1 then for i = 1, #t do t[i] = np.asarray(t[i]) end end
      return t
    end
    if type(arrays) ~= "table" then fail("expected a sequence of arrays, got " .. type(arrays)) end
    C.check_sequence(arrays, "a table of arrays")
    return arrays
  end

  -- np.stack(arrays [, axis] [, {out=, dtype=, casting=}]): axis 1-based in
  -- the result (NumPy's axis + 1)
  np.stack = named("stack", function(arrays, axis, opts)
    arrays, axis, opts = seq_args(arrays, axis, opts)
    arrays = check_seq(arrays)
    if #arrays == 0 then fail("need at least one array to stack") end
    local as = {}
    for i = 1, #arrays do as[i] = np.asarray(arrays[i]) end
    local s1 = as[1].shape
    for i = 2, #as do
      local s = as[i].shape
      local same = #s == #s1
      for k = 1, #s do if s[k] ~= s1[k] then same = false end end
      if not same then fail("all input arrays must have the same shape") end
    end
    local ax = norm_axis(axis or 1, #s1 + 1)
    for i = 1, #as do as[i] = np.expand_dims(as[i], ax + 1) end
    return np.concatenate(as, ax + 1, opts)
  end)

  local function map(arrays, f)
    arrays = check_seq(arrays)
    local out = {}
    for i = 1, #arrays do out[i] = f(np.asarray(arrays[i])) end
    return out
  end

  np.vstack = named("vstack", function(arrays, opts)
    return np.concatenate(map(arrays, function(a) return np.atleast_2d(a) end), 1, opts)
  end)
  np.row_stack = np.vstack

  np.hstack = named("hstack", function(arrays, opts)
    local as = map(arrays, function(a) return np.atleast_1d(a) end)
    if #as > 0 and as[1].ndim == 1 then return np.concatenate(as, 1, opts) end
    return np.concatenate(as, 2, opts)
  end)

  np.dstack = named("dstack", function(arrays)
    return np.concatenate(map(arrays, function(a) return np.atleast_3d(a) end), 3)
  end)

  np.column_stack = named("column_stack", function(arrays)
    return np.concatenate(map(arrays, function(a)
      if a.ndim < 2 then return ndmin(a, 2).T end
      return a
    end), 2)
  end)

  -- np.block(nested lists): NumPy's depth rules; positions in messages 1-based
  local function fmt_index(idx)
    local s = "arrays"
    for _, i in ipairs(idx) do if i then s = s .. "[" .. i .. "]" end end
    return s
  end
  -- returns the index path of the first bottom element (false marks an
  -- empty list), the largest array ndim
  local function depths(x, parent)
    if is_list(x) then
      C.check_sequence(x, "a list of blocks")
      -- deeper lists than an array can have dimensions (a table that holds
      -- itself would recurse for ever)
      if #parent >= 32 then
        fail(("nested lists are deeper than 32 dimensions (%s)"):format(fmt_index(parent)))
      end
      if #x == 0 then
        local p = copy_shape(parent); p[#p + 1] = false
        return p, 0
      end
      local first, maxnd
      for i = 1, #x do
        local p = copy_shape(parent); p[#p + 1] = i
        local idx, nd = depths(x[i], p)
        if i == 1 then first, maxnd = idx, nd
        else
          if nd > maxnd then maxnd = nd end
          if #idx ~= #first then
            fail(("List depths are mismatched. First element was at depth %d, but there is an element at depth %d (%s)")
              :format(#first, #idx, fmt_index(idx)))
          end
          if idx[#idx] == false then first = idx end
        end
      end
      return first, maxnd
    end
    return parent, np.asarray(x).ndim
  end
  local function block_rec(x, depth, maxdepth, nd)
    if depth < maxdepth then
      local parts = {}
      for i = 1, #x do parts[i] = block_rec(x[i], depth + 1, maxdepth, nd) end
      return np.concatenate(parts, -(maxdepth - depth))
    end
    return ndmin(np.asarray(x), nd)
  end
  np.block = named("block", function(arrays)
    local idx, arrnd = depths(arrays, {})
    local listnd = #idx
    if listnd > 0 and idx[listnd] == false then
      fail(("List at %s cannot be empty"):format(fmt_index(idx)))
    end
    local nd = math.max(arrnd, listnd)
    local r = block_rec(arrays, 0, listnd, nd)
    if listnd == 0 then r = np.array(r) end
    return r
  end)

  -- ------------------------------------------------------------ splitting
  np.hsplit = named("hsplit", function(a, ios)
    a = np.asarray(a)
    if a.ndim == 0 then fail("hsplit only works on arrays of 1 or more dimensions") end
    return np.split(a, ios, a.ndim > 1 and 2 or 1)
  end)
  np.vsplit = named("vsplit", function(a, ios)
    a = np.asarray(a)
    if a.ndim < 2 then fail("vsplit only works on arrays of 2 or more dimensions") end
    return np.split(a, ios, 1)
  end)
  np.dsplit = named("dsplit", function(a, ios)
    a = np.asarray(a)
    if a.ndim < 3 then fail("dsplit only works on arrays of 3 or more dimensions") end
    return np.split(a, ios, 3)
  end)

  -- ------------------------------------------------------------ flips and turns
  np.fliplr = named("fliplr", function(m)
    m = np.asarray(m)
    if m.ndim < 2 then fail("Input must be >= 2-d.") end
    return np.flip(m, 2)
  end)
  np.flipud = named("flipud", function(m)
    m = np.asarray(m)
    if m.ndim < 1 then fail("Input must be >= 1-d.") end
    return np.flip(m, 1)
  end)

  -- np.rot90(m [, k [, axes]]): axes a pair of 1-based axes, default {1, 2}
  np.rot90 = named("rot90", function(m, k, axes)
    k = k or 1
    axes = axes or { 1, 2 }
    if U.mtype(k) ~= "integer" then fail("k must be an integer") end
    if type(axes) ~= "table" or #axes ~= 2 then fail("len(axes) must be 2.") end
    m = np.asarray(m)
    local nd = m.ndim
    local a0, a1 = axes[1], axes[2]
    if U.mtype(a0) ~= "integer" or U.mtype(a1) ~= "integer" then fail("axes must be integers") end
    -- NumPy's axes (0-based, negatives kept)
    local n0, n1 = a0 > 0 and a0 - 1 or a0, a1 > 0 and a1 - 1 or a1
    if n0 == n1 or math.abs(n0 - n1) == nd then fail("Axes must be different.") end
    if n0 >= nd or n0 < -nd or n1 >= nd or n1 < -nd or a0 == 0 or a1 == 0 then
      fail(("Axes={%d, %d} out of range for array of ndim=%d."):format(a0, a1, nd))
    end
    k = k % 4
    if k == 0 then return view_all(m) end
    if k == 2 then return np.flip(np.flip(m, a0), a1) end
    local perm = {}
    for i = 1, nd do perm[i] = i end
    local p0, p1 = (n0 % nd) + 1, (n1 % nd) + 1
    perm[p0], perm[p1] = perm[p1], perm[p0]
    if k == 1 then return np.transpose(np.flip(m, a1), perm) end
    return np.flip(np.transpose(m, perm), a1)
  end)

  -- ------------------------------------------------------------ tile, roll, resize
  -- np.tile(A, reps): A viewed as (1, s1, 1, s2, ...) broadcast to
  -- (r1, s1, r2, s2, ...), copied, and reshaped to (r1 s1, r2 s2, ...)
  np.tile = named("tile", function(A, reps)
    local tup = type(reps) == "table" and reps or { reps }
    if is_array(reps) then tup = reps:tolist(); if type(tup) ~= "table" then tup = { tup } end end
    for _, r in ipairs(tup) do
      if U.mtype(r) ~= "integer" then fail("reps must be integers") end
      if r < 0 then fail("negative dimensions are not allowed") end
    end
    local c = np.asarray(A)
    local d = #tup
    c = ndmin(c, d)
    local full = {}
    for i = 1, c.ndim - d do full[i] = 1 end
    for i = 1, d do full[#full + 1] = tup[i] end
    local inter, big, out = {}, {}, {}
    for i = 1, c.ndim do
      inter[2 * i - 1], inter[2 * i] = 1, c.shape[i]
      big[2 * i - 1], big[2 * i] = full[i], c.shape[i]
      out[i] = full[i] * c.shape[i]
    end
    if c.ndim == 0 then return c:copy() end
    local size = 1.0
    for i = 1, #out do size = size * out[i] end
    if size >= 2.0 ^ 62 then fail("array is too big; the product of its dimensions overflows") end
    return np.broadcast_to(c:reshape(inter), big):copy():reshape(out)
  end)

  -- np.roll(a, shift [, axis]): shift and axis integers or sequences
  -- (broadcast together); axis nil = the flattened array
  np.roll = named("roll", function(a, shift, axis)
    a = np.asarray(a)
    if axis == nil or axis == false then
      return np.roll(np.ravel(a), shift, 1):reshape(a.shape)
    end
    local sh = type(shift) == "table" and shift or { shift }
    local ax = type(axis) == "table" and axis or { axis }
    if is_array(shift) then sh = shift:tolist(); if type(sh) ~= "table" then sh = { sh } end end
    if #sh ~= #ax and #sh ~= 1 and #ax ~= 1 then
      fail(("shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg 0 with shape (%d,) and arg 1 with shape (%d,)."):format(#sh, #ax))
    end
    local total = {}
    for i = 1, math.max(#sh, #ax) do
      local s = sh[#sh == 1 and 1 or i]
      if U.mtype(s) ~= "integer" then fail("shift must be integers") end
      local k = norm_axis(ax[#ax == 1 and 1 or i], a.ndim)
      total[k] = (total[k] or 0) + s
    end
    local r = a
    for k = 0, a.ndim - 1 do
      local n = a.shape[k + 1]
      local s = total[k]
      if s and n > 0 and s % n ~= 0 then
        -- result[j] = a[(j - s) mod n]: the last s slabs, then the rest
        s = s % n
        r = np.concatenate({ r[at_axis(a.ndim, k, n - s, n)], r[at_axis(a.ndim, k, 0, n - s)] }, k + 1)
      end
    end
    if rawequal(r, a) then return a:copy() end
    return r
  end)

  -- np.resize(a, new_shape): a's elements repeated to fill new_shape
  np.resize = named("resize", function(a, new_shape)
    local shape = type(new_shape) == "table" and new_shape or { new_shape }
    a = np.ravel(np.asarray(a))
    local size = 1
    for _, d in ipairs(shape) do
      if U.mtype(d) ~= "integer" then fail("new_shape must be integers") end
      size = size * d
      if d < 0 then fail("all elements of `new_shape` must be non-negative") end
    end
    if a.size == 0 or size == 0 then return np.zeros(shape, a.dtype) end
    local reps = -U.idiv(-size, a.size)
    return np.tile(a, reps)[{ { 1, size } }]:reshape(shape)
  end)

  -- np.trim_zeros(filt [, trim]): trim "fb", "f" or "b" (NumPy 2.2's check);
  -- returns a view. n-d arrays: the box around the nonzero elements.
  np.trim_zeros = named("trim_zeros", function(filt, trim)
    trim = trim or "fb"
    if type(trim) ~= "string" then fail("trim must be a string") end
    local t = trim:lower()
    if t ~= "fb" and t ~= "bf" and t ~= "f" and t ~= "b" then
      fail(("unexpected character(s) in `trim`: %q"):format(trim))
    end
    local a = np.asarray(filt)
    if a.ndim == 0 then fail("trim_zeros needs an array of at least one dimension") end
    local nd, shape = a.ndim, a.shape
    local lo, hi = C.nonzero_box(a)
    lo, hi = lo or {}, hi or {}
    local sel = {}
    for k = 1, nd do
      if not lo[k] then sel[k] = { 1, 0 }   -- all zero: nothing left
      else
        sel[k] = { t:find("f") and lo[k] or 1, t:find("b") and hi[k] or shape[k] }
      end
    end
    return a[sel]
  end)

  -- ------------------------------------------------------------ append, insert, delete
  -- np.append(arr, values [, axis]): axis nil = both flattened
  np.append = named("append", function(arr, values, axis)
    if axis == nil or axis == false then return np.concatenate({ arr, values }, false) end
    return np.concatenate({ arr, values }, axis)
  end)

  -- the array and 0-based axis that insert / delete work on
  local function target(arr, axis)
    local a = np.asarray(arr)
    if axis == nil or axis == false then return np.ravel(a), 0 end
    if a.ndim == 0 then norm_axis(axis, 0) end
    return a, norm_axis(axis, a.ndim)
  end
  local function oob(p, ax, n)
    fail(("index %s is out of bounds for axis %d with size %d"):format(tostring(p), ax + 1, n))
  end
  local function int_kind(a) return a.dtype.kind == "i" or a.dtype.kind == "u" end
  -- NumPy's (0-based) positions selected by a LumPy slice string over n
  local function slice_positions(s, n)
    return np.ravel(np.asarray(np.arange(n)[s]))
  end

  -- np.delete(arr, obj [, axis]): obj a position (1-based, negative from
  -- the end), a slice string ("2:5", "::2"), a sequence / array of
  -- positions, or a bool mask of the axis' length. axis nil = flattened.
  np.delete = named("delete", function(arr, obj, axis)
    local a, ax = target(arr, axis)
    local n = a.shape[ax + 1]
    local keep = np.ones(n, "bool")
    local function drop(p)
      if U.mtype(p) ~= "integer" then fail("arrays used as indices must be of integer (or boolean) type") end
      if p < -n or p > n or p == 0 then oob(p, ax, n) end
      return p > 0 and p - 1 or n + p
    end
    if type(obj) == "string" then
      local pos = slice_positions(obj, n)
      C.put(keep, np.zeros(pos.size, "bool"), pos, 0)
    elseif type(obj) == "number" then
      C.put(keep, np.zeros(1, "bool"), { drop(obj) }, 0)
    else
      local o = np.asarray(obj)
      if o.dtype.name == "bool" then
        if o.ndim ~= 1 or o.shape[1] ~= n then
          fail(("boolean array argument obj to delete must be one dimensional and match the axis length of %d"):format(n))
        end
        keep = np.logical_not(o)
      elseif o.size > 0 then
        if not int_kind(o) then fail("arrays used as indices must be of integer (or boolean) type") end
        local pos = {}
        for i, p in ipairs(np.ravel(o):tolist()) do pos[i] = drop(p) end
        C.put(keep, np.zeros(#pos, "bool"), pos, 0)
      end
    end
    return C.take(a, keep, ax)
  end)

  -- np.insert(arr, obj, values [, axis]): obj a position 1..n+1 (n+1
  -- appends) or -n..-1 (NumPy's negative positions), a slice string, or a
  -- sequence / array of positions; each position is where a value goes in
  -- before the element now there. axis nil = flattened.
  np.insert = named("insert", function(arr, obj, values, axis)
    local a, ax = target(arr, axis)
    local nd, n = a.ndim, a.shape[ax + 1]
    local idx, scalar = {}, false
    local function conv(p)
      if U.mtype(p) ~= "integer" then fail("slice indices must be integers") end
      if p < -n or p > n + 1 or p == 0 then oob(p, ax, n) end
      return p > 0 and p - 1 or p
    end
    if type(obj) == "string" then
      idx = slice_positions(obj, n):tolist()
    elseif type(obj) == "number" then
      idx, scalar = { conv(obj) }, true
    else
      local o = np.asarray(obj)
      if o.dtype.name == "bool" then fail("obj must be positions, not booleans") end
      if o.ndim > 1 then fail("index array argument obj to insert must be one dimensional or scalar") end
      if o.size > 0 and not int_kind(o) then fail("slice indices must be integers") end
      scalar = o.ndim == 0
      for i, p in ipairs(np.ravel(o):tolist()) do idx[i] = conv(p) end
    end
    local shape = copy_shape(a.shape)
    if #idx == 1 then
      local at = idx[1] < 0 and idx[1] + n or idx[1]
      local v = ndmin(np.array(values, a.dtype), nd)
      if scalar then v = np.moveaxis(v, 1, ax + 1) end
      local k = v.shape[ax + 1]
      shape[ax + 1] = n + k
      local new = np.empty(shape, a.dtype)
      new[at_axis(nd, ax, 0, at)] = a[at_axis(nd, ax, 0, at)]
      new[at_axis(nd, ax, at, at + k)] = v
      new[at_axis(nd, ax, at + k, n + k)] = a[at_axis(nd, ax, at, n)]
      return new
    end
    -- several positions: stable order, each shifted by the values before it
    local k = #idx
    local order = {}
    for i = 1, k do
      if idx[i] < 0 then idx[i] = idx[i] + n end
      order[i] = i
    end
    table.sort(order, function(x, y)
      if idx[x] ~= idx[y] then return idx[x] < idx[y] end
      return x < y
    end)
    for r, i in ipairs(order) do idx[i] = idx[i] + r - 1 end
    shape[ax + 1] = n + k
    local new = np.empty(shape, a.dtype)
    local old = np.ones(n + k, "bool")        -- where a's slabs go
    if k > 0 then C.put(old, np.zeros(k, "bool"), idx, 0) end
    if k > 0 then
      local vs = copy_shape(shape)
      vs[ax + 1] = k
      C.put(new, np.broadcast_to(np.asarray(values), vs), idx, ax)
    end
    if n > 0 then C.put(new, a, old, ax) end
    return new
  end)

  -- ------------------------------------------------------------ pad
  local function pairs_of(x, nd, as_index)
    local out = {}
    if x == nil then
      for i = 1, nd do out[i] = {} end
      return out
    end
    local a = np.array(x)
    if as_index then
      if a.dtype.kind == "f" then a = np.round(a) end
      a = a:astype("int64")
    end
    local function neg(v) return as_index and v < 0 end
    if a.ndim < 3 then
      local f = a.size > 0 and np.ravel(a):tolist() or {}
      if a.size == 1 then
        if neg(f[1]) then fail("index can't contain negative values") end
        for i = 1, nd do out[i] = { f[1], f[1] } end
        return out
      end
      if a.size == 2 and not (a.ndim == 2 and a.shape[1] == 2 and a.shape[2] == 1) then
        if neg(f[1]) or neg(f[2]) then fail("index can't contain negative values") end
        for i = 1, nd do out[i] = { f[1], f[2] } end
        return out
      end
    end
    local b = np.broadcast_to(a, { nd, 2 }):tolist()
    if as_index then
      for i = 1, nd do
        if b[i][1] < 0 or b[i][2] < 0 then fail("index can't contain negative values") end
      end
    end
    return b
  end

  -- views and assignments along axis ax (0-based) with 0-based [s, e)
  local function sl(a, ax, s, e, step) return a[at_axis(a.ndim, ax, s, e, step)] end
  local function set(a, ax, s, e, v) a[at_axis(a.ndim, ax, s, e)] = v end
  local function set_pad_area(a, ax, w, v)
    set(a, ax, 0, w[1], v[1])
    local L = a.shape[ax + 1]
    set(a, ax, L - w[2], L, v[2])
  end
  local function edges(a, ax, w)
    local L = a.shape[ax + 1]
    return { sl(a, ax, w[1], w[1] + 1), sl(a, ax, L - w[2] - 1, L - w[2]) }
  end

  -- NumPy's linspace(end, edge, width, endpoint=False, dtype, axis) as pad
  -- uses it: in float64 (complex128 with a complex end), floored for
  -- integer dtypes
  local function ramp(edge, endv, width, ax, dtype)
    local ct = (edge.dtype.kind == "c" or type(endv) == "userdata") and "complex128" or "float64"
    local e = edge:astype(ct)
    local ishape = {}
    for i = 1, edge.ndim do ishape[i] = 1 end
    ishape[ax + 1] = width
    local i = np.arange(width, ct):reshape(ishape)
    local delta = np.subtract(e, endv)
    local step = np.divide(delta, width)
    local y
    if not (np.not_equal(step, 0) == np.ones(step.shape, "bool")) then
      y = np.multiply(np.divide(i, width), delta)
    else
      y = np.multiply(i, step)
    end
    y = np.add(y, endv)
    local k = dtype.kind
    if k == "i" or k == "u" then y = np.floor(y) end
    return y:astype(dtype)
  end

  local function reflect_both(a, ax, l, r, odd, incl)
    local L = a.shape[ax + 1]
    local old = L - r - l
    local eo = incl and 1 or 0
    if not incl then old = old - 1 end
    if l > 0 then
      local chunk = math.min(old, l)
      local stop = l - eo
      local c = sl(a, ax, stop + chunk, stop, -1)
      if odd then c = np.subtract(np.multiply(2, sl(a, ax, l, l + 1)), c) end
      set(a, ax, l - chunk, l, c)
      l = l - chunk
    end
    if r > 0 then
      local chunk = math.min(old, r)
      local start = L - r + eo - 2
      local c = sl(a, ax, start, start - chunk, -1)
      if odd then c = np.subtract(np.multiply(2, sl(a, ax, L - r - 1, L - r)), c) end
      set(a, ax, L - r, L - r + chunk, c)
      r = r - chunk
    end
    return l, r
  end

  local function wrap_both(a, ax, l, r, period0)
    local L = a.shape[ax + 1]
    local period = U.idiv(L - r - l, period0) * period0
    local nl, nr = 0, 0
    if l > 0 then
      local e = l + period
      local c = sl(a, ax, e - math.min(period, l), e)
      if l > period then set(a, ax, l - period, l, c); nl = l - period
      else set(a, ax, 0, l, c) end
    end
    if r > 0 then
      local s = L - r - period
      local c = sl(a, ax, s, s + math.min(period, r))
      if r > period then set(a, ax, L - r, L - r + period, c); nr = r - period
      else set(a, ax, L - r, L, c) end
    end
    return nl, nr
  end

  local stat_fn = { maximum = "max", minimum = "min", mean = "mean" }

  local function stats(a, ax, w, len, mode)
    local f = np[stat_fn[mode]]
    if not f then fail(("mode '%s' is not available yet"):format(mode)) end
    local L = a.shape[ax + 1]
    local li, ri = w[1], L - w[2]
    local maxlen = ri - li
    local ll, rl = len[1], len[2]
    if ll == nil or maxlen < ll then ll = maxlen end
    if rl == nil or maxlen < rl then rl = maxlen end
    if (ll == 0 or rl == 0) and mode ~= "mean" then
      fail("stat_length of 0 yields no value for padding")
    end
    local function stat(chunk)
      local s = f(chunk, ax + 1, { keepdims = true })
      local k = a.dtype.kind
      if k == "i" or k == "u" then s = np.round(s) end
      return s
    end
    local left = stat(sl(a, ax, li, li + ll))
    if ll == maxlen and rl == maxlen then return { left, left } end
    return { left, stat(sl(a, ax, ri - rl, ri)) }
  end

  local allowed = {
    empty = {}, edge = {}, wrap = {}, constant = { constant_values = true },
    linear_ramp = { end_values = true }, maximum = { stat_length = true },
    mean = { stat_length = true }, minimum = { stat_length = true },
    reflect = { reflect_type = true }, symmetric = { reflect_type = true },
  }

  -- np.pad(array, pad_width [, mode] [, {constant_values=, end_values=,
  -- stat_length=, reflect_type=}])
  np.pad = named("pad", function(array, pad_width, mode, opts)
    if type(mode) == "table" then mode, opts = mode.mode, mode end
    mode = mode or "constant"
    opts = opts or {}
    local a = np.asarray(array)
    local pw = np.asarray(pad_width)
    if pw.dtype.kind ~= "i" then fail("`pad_width` must be of integral type.") end
    local nd = a.ndim
    local width = pairs_of(pw, nd, true)
    local ok = allowed[mode]
    if not ok then fail(("mode '%s' is not supported"):format(tostring(mode))) end
    local bad = {}
    for k in pairs(opts) do
      if k ~= "mode" and not ok[k] then bad[#bad + 1] = tostring(k) end
    end
    table.sort(bad)
    if #bad > 0 then
      fail(("unsupported keyword arguments for mode '%s': %s"):format(mode, table.concat(bad, ", ")))
    end
    -- the padded array with the original in its place
    local shape, orig = {}, {}
    for i = 1, nd do
      if width[i][1] > U.maxinteger - a.shape[i] - width[i][2] then fail("array is too big") end
      shape[i] = width[i][1] + a.shape[i] + width[i][2]
      orig[i] = { width[i][1] + 1, width[i][1] + a.shape[i] }
    end
    local padded = np.empty(shape, a.dtype)
    if nd == 0 then padded[{}] = a; return padded end
    padded[orig] = a
    -- the part of padded already filled when axis ax is padded
    local function roi(ax)
      local t = {}
      for i = 1, nd do t[i] = i <= ax + 1 and {} or orig[i] end
      return padded[t]
    end
    if mode == "constant" then
      local vals = pairs_of(opts.constant_values or 0, nd)
      for ax = 0, nd - 1 do set_pad_area(roi(ax), ax, width[ax + 1], vals[ax + 1]) end
    elseif mode == "empty" then
      return padded
    elseif a.size == 0 then
      for ax = 0, nd - 1 do
        if a.shape[ax + 1] == 0 and (width[ax + 1][1] > 0 or width[ax + 1][2] > 0) then
          fail(("can't extend empty axis %d using modes other than 'constant' or 'empty'"):format(ax + 1))
        end
      end
    elseif mode == "edge" then
      for ax = 0, nd - 1 do
        local r = roi(ax)
        set_pad_area(r, ax, width[ax + 1], edges(r, ax, width[ax + 1]))
      end
    elseif mode == "linear_ramp" then
      local ends = pairs_of(opts.end_values or 0, nd)
      for ax = 0, nd - 1 do
        local r, w = roi(ax), width[ax + 1]
        local e = edges(r, ax, w)
        local left = ramp(e[1], ends[ax + 1][1], w[1], ax, a.dtype)
        local right = np.flip(ramp(e[2], ends[ax + 1][2], w[2], ax, a.dtype), ax + 1)
        set_pad_area(r, ax, w, { left, right })
      end
    elseif stat_fn[mode] then
      local lens = pairs_of(opts.stat_length, nd, true)
      for ax = 0, nd - 1 do
        local r = roi(ax)
        set_pad_area(r, ax, width[ax + 1], stats(r, ax, width[ax + 1], lens[ax + 1], mode))
      end
    elseif mode == "reflect" or mode == "symmetric" then
      local odd = opts.reflect_type == "odd"
      for ax = 0, nd - 1 do
        local l, r = width[ax + 1][1], width[ax + 1][2]
        if a.shape[ax + 1] == 1 and (l > 0 or r > 0) then
          set_pad_area(padded, ax, width[ax + 1], edges(padded, ax, width[ax + 1]))
        else
          local v = roi(ax)
          while l > 0 or r > 0 do l, r = reflect_both(v, ax, l, r, odd, mode == "symmetric") end
        end
      end
    elseif mode == "wrap" then
      for ax = 0, nd - 1 do
        local l, r = width[ax + 1][1], width[ax + 1][2]
        local v = roi(ax)
        local period = a.shape[ax + 1]
        while l > 0 or r > 0 do l, r = wrap_both(v, ax, l, r, period) end
      end
    end
    return padded
  end)
end
