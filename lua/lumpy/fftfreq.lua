-- lumpy/fftfreq.lua - np.fft's helper functions: fftfreq and rfftfreq (the
-- sample frequencies of a transform's output) and fftshift / ifftshift
-- (the zero frequency moved to the middle and back). Each follows NumPy's
-- numpy/fft/helper.py: frequencies are integers times 1 / (n * d), shifts
-- are np.roll by half of each axis. Axes are 1-based.

local U = require "lumpy.util"

return function(np)
  local named, is_opts = U.named, U.is_opts
  local F = np.fft

  local function check_n(n)
    if U.mtype(n) ~= "integer" then error("n should be an integer", 0) end
  end

  -- 1 / (n * d) as NumPy's Python float division, which refuses a zero
  local function scale(n, d)
    if d == nil then d = 1.0 end
    if type(d) ~= "number" then error("d must be a number", 0) end
    local nd = n * d
    if nd == 0 then error("float division by zero", 0) end
    return 1.0 / nd
  end

  -- k * val as NumPy's int array times a Python float: float64 even where
  -- the Lua has no float subtype and val is integral (n = 1, d = 1.0)
  local function times(k, val)
    return np.multiply(k, val, { dtype = "float64" })
  end

  local function opts_d(d)
    if is_opts(d) then return d.d end
    return d
  end

  -- np.fft.fftfreq(n, d = 1.0): [0, 1, ..., ceil(n/2) - 1, -floor(n/2), ..., -1] / (n d)
  F.fftfreq = named("fft.fftfreq", function(n, d)
    check_n(n)
    local val = scale(n, opts_d(d))
    -- (NumPy's np.empty(n) refuses a negative n after the division)
    if n < 0 then error("negative dimensions are not allowed", 0) end
    local half = U.idiv(n - 1, 2) + 1
    local k = np.concatenate({ np.arange(0, half), np.arange(-U.idiv(n, 2), 0) })
    return times(k, val)
  end)

  -- np.fft.rfftfreq(n, d = 1.0): [0, 1, ..., floor(n/2)] / (n d); empty
  -- for a negative n (NumPy's arange(0, n // 2 + 1))
  F.rfftfreq = named("fft.rfftfreq", function(n, d)
    check_n(n)
    local val = scale(n, opts_d(d))
    return times(np.arange(0, U.idiv(n, 2) + 1), val)
  end)

  -- roll x by sign * (length // 2) along the axes (all of them when nil)
  local function shift(x, axes, sign)
    x = np.asarray(x)
    if is_opts(axes) then axes = axes.axes end
    local list
    if axes == nil then
      list = {}
      for i = 1, x.ndim do list[i] = i end
    elseif type(axes) == "table" then list = axes
    else list = { axes } end
    if #list == 0 then return x:copy() end
    local by = {}
    for i, ax in ipairs(list) do
      if U.mtype(ax) ~= "integer" then error("axes must be integers", 0) end
      local k = ax < 0 and x.ndim + ax + 1 or ax
      if k < 1 or k > x.ndim then
        error(("axis %d is out of bounds for array of dimension %d"):format(ax, x.ndim), 0)
      end
      by[i] = sign * U.idiv(x.shape[k], 2)
    end
    return np.roll(x, by, list)
  end

  F.fftshift = named("fft.fftshift", function(x, axes) return shift(x, axes, 1) end)
  F.ifftshift = named("fft.ifftshift", function(x, axes) return shift(x, axes, -1) end)
end
