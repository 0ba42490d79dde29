-- lumpy/linalg.lua - the pure-Lua part of np.linalg's solvers:
-- tensorsolve and tensorinv, written as NumPy writes them (numpy/linalg/
-- _linalg.py) over np.linalg.solve / inv and reshapes. Axis positions are
-- 1-based. Called once at require time with the module table and this
-- area's internal C primitives (none).

local U = require "lumpy.util"

return function(np, internal)
  local L = np.linalg
  local function fail(msg) error(msg, 0) end

  local function prod(shape, i, j)
    local p = 1
    for k = i, j do p = p * shape[k] end
    return p
  end

  -- np.linalg.tensorsolve(a, b [, axes]): x with tensordot(a, x, x.ndim) == b
  L.tensorsolve = U.named("linalg.tensorsolve", function(a, b, axes)
    if U.is_opts(axes) then axes = axes.axes end
    a, b = np.asarray(a), np.asarray(b)
    local an = a.ndim
    if axes ~= nil then
      if type(axes) ~= "table" then axes = {axes} end
      local order, moved = {}, {}
      for _, ax in ipairs(axes) do
        local k = U.axis0(ax, an) + 1
        if moved[k] then fail("axes must not repeat an axis") end
        moved[k] = true
      end
      for k = 1, an do if not moved[k] then order[#order + 1] = k end end
      for _, ax in ipairs(axes) do order[#order + 1] = U.axis0(ax, an) + 1 end
      a = a:transpose(order)
    end
    local shape = a.shape
    local old = {}
    for k = b.ndim + 1, an do old[#old + 1] = shape[k] end
    local p = prod(old, 1, #old)
    if a.size ~= p * p then
      fail("Input arrays must satisfy the requirement " ..
           "prod(a.shape[b.ndim:]) == prod(a.shape[:b.ndim])")
    end
    local x = L.solve(a:reshape{p, p}, np.ravel(b))
    return x:reshape(old)
  end)

  -- np.linalg.tensorinv(a [, ind]): the inverse for tensordot over ind axes
  L.tensorinv = U.named("linalg.tensorinv", function(a, ind)
    if U.is_opts(ind) then ind = ind.ind end
    a = np.asarray(a)
    ind = ind == nil and 2 or ind
    if U.mtype(ind) ~= "integer" or ind <= 0 then fail("Invalid ind argument.") end
    local shape = a.shape
    local inv = {}
    -- an ind past ndim takes every axis (as NumPy's slices do); never ind + 1,
    -- which wraps for math.maxinteger
    local m = math.min(ind, a.ndim)
    for k = m + 1, a.ndim do inv[#inv + 1] = shape[k] end
    for k = 1, m do inv[#inv + 1] = shape[k] end
    local p = prod(shape, m + 1, a.ndim)
    local ia = L.inv(a:reshape{p, -1})
    return ia:reshape(inv)
  end)
end
