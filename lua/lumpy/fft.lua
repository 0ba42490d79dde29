-- lumpy/fft.lua - np.fft's transforms: fft, ifft, rfft, irfft, hfft, ihfft
-- and their 2-d / n-d forms, on the one C primitive exec (src/bind/fft.c),
-- which cuts or zero-pads the input, runs a cached FFTW plan over all the
-- axes at once and scales the result. Argument handling follows NumPy 2's
-- numpy/fft/_pocketfft.py (_raw_fft, _cook_nd_args, _raw_fftnd) with
-- LumPy's 1-based axes; NumPy's keyword arguments go in a trailing
-- options table. (fftfreq, rfftfreq, fftshift, ifftshift: lumpy/fftfreq.lua)

local U = require "lumpy.util"

return function(np, P)
  local F = np.fft
  local named, is_opts, is_record, is_array = U.named, U.is_opts, U.is_record, U.is_array
  local exec = P.exec
  local mtype = U.mtype
  local C2C, R2C, C2R = 0, 1, 2
  local NORM = { backward = 0, ortho = 1, forward = 2 }
  local SWAP = { backward = "forward", ortho = "ortho", forward = "backward" }

  local function fail(msg) error(msg, 0) end

  -- the positional arguments 2..npos+1 of a call (nil where absent) and its
  -- options table, merged: a value given both ways is an error
  local OUT = { out = true }
  local function gather(names, isopt, ...)
    return U.gather(fail, names, OUT, isopt, 0, ...)
  end

  local function norm_code(norm)
    if norm == nil then return 0, "backward" end
    local c = NORM[norm]
    if not c then
      fail(('Invalid norm value %s; should be "backward","ortho" or "forward".'):format(tostring(norm)))
    end
    return c, norm
  end

  local function check_n(n)
    if mtype(n) ~= "integer" then
      fail("the number of data points must be an integer, got " .. (mtype(n) or type(n)))
    end
    if n < 1 then fail(("Invalid number of FFT data points (%d) specified."):format(n)) end
    return n
  end

  local function check_real(a, fname)
    if a.dtype.kind == "c" then
      fail(("%s needs real input, got %s"):format(fname, a.dtype.name))
    end
  end

  -- res into out (NumPy 2's out=): same shape, 'same_kind' casting
  local function deliver(res, out)
    if out == nil then return res end
    if not is_array(out) then fail("out must be an array") end
    local ok = out.ndim == res.ndim
    for i = 1, res.ndim do ok = ok and out.shape[i] == res.shape[i] end
    if not ok then
      fail(("out has shape %s, the result has shape %s"):format(
        tostring(np.array(out.shape)), tostring(np.array(res.shape))))
    end
    np.copyto(out, res)
    return out
  end

  -- ------------------------------------------------------------- 1-d
  local ONE = { "n", "axis", "norm" }

  -- the arguments after the array of a 1-d function: (n, axis, norm) and
  -- out, from the positional values and a trailing options table. Kept
  -- free of table allocations when there is no options table: this is
  -- the per-call cost of small transforms.
  local function args1(n, axis, norm, o, extra)
    if extra ~= nil then fail("takes at most 3 positional arguments after the array") end
    local opts
    if o ~= nil then
      if not is_record(o) then fail("takes at most 3 positional arguments after the array") end
      opts = o
    elseif norm ~= nil and type(norm) == "table" and is_record(norm) then
      opts, norm = norm, nil
    elseif axis ~= nil and type(axis) == "table" and is_record(axis) then
      opts, axis = axis, nil
    elseif n ~= nil and type(n) == "table" and is_record(n) then
      opts, n = n, nil
    end
    if not opts then return n, axis, norm, nil end
    local v = gather(ONE, is_record, n, axis, norm, opts)
    return v.n, v.axis, v.norm, v.out
  end

  local function checked_norm(norm)
    if norm == nil then return 0 end
    local c = NORM[norm]
    if not c then norm_code(norm) end
    return c
  end

  -- one transform of kind along axis (default last) with length n
  -- (default: the input's, or (m - 1) * 2 for C2R), checked in C. A call
  -- with the array alone is C's own (P.entry); C hands the others here.
  local function one(fname, kind, inverse)
    local fn = "fft." .. fname
    return P.entry(fn, kind, inverse, named(fn, function(a, n, axis, norm, o, extra)
      local out
      n, axis, norm, out = args1(n, axis, norm, o, extra)
      local r = exec(fn, kind, a, axis, n, inverse, checked_norm(norm))
      if out ~= nil then return deliver(r, out) end
      return r
    end))
  end

  F.fft = one("fft", C2C, false)
  F.ifft = one("ifft", C2C, true)
  F.rfft = one("rfft", R2C, false)
  F.irfft = one("irfft", C2R, true)

  -- hfft / ihfft: irfft / rfft of the conjugate with the norm swapped
  F.hfft = named("fft.hfft", function(a, n, axis, norm, o, extra)
    local out
    n, axis, norm, out = args1(n, axis, norm, o, extra)
    checked_norm(norm)
    a = np.asarray(a)
    local owned = a.dtype.kind == "c"
    if owned then a = np.conjugate(a) end
    local r = exec("fft.hfft", C2R, a, axis, n, true, NORM[SWAP[norm or "backward"]], owned)
    return deliver(r, out)
  end)

  F.ihfft = named("fft.ihfft", function(a, n, axis, norm, o, extra)
    local out
    n, axis, norm, out = args1(n, axis, norm, o, extra)
    checked_norm(norm)
    local r = exec("fft.ihfft", R2C, a, axis, n, false, NORM[SWAP[norm or "backward"]])
    return deliver(np.conjugate(r), out)
  end)

  -- ------------------------------------------------------------- n-d
  local ND = { "s", "axes", "norm" }

  local function seq(x, what)
    if mtype(x) == "integer" then return { x } end
    if type(x) ~= "table" or is_array(x) then
      fail(what .. " must be a sequence of integers")
    end
    local t = {}
    for i = 1, #x do t[i] = x[i] end
    return t
  end

  -- NumPy's _cook_nd_args: the 0-based axes and the lengths along them
  local function cook(a, s, axes, invreal)
    local shapeless = s == nil
    local nd = a.ndim
    if axes ~= nil then axes = seq(axes, "axes") end
    if s == nil then
      if axes == nil then
        s = {}
        for i = 1, nd do s[i] = a.shape[i] end
      else
        s = {}
        for i, ax in ipairs(axes) do s[i] = a.shape[U.axis0(ax, nd, "axis") + 1] end
      end
    else
      s = seq(s, "s")
    end
    if axes == nil then
      axes = {}
      for i = 1, #s do axes[i] = i - #s - 1 end
    end
    if #s ~= #axes then fail("Shape and axes have different lengths.") end
    local ax0 = {}
    for i, ax in ipairs(axes) do ax0[i] = U.axis0(ax, nd, "axis") end
    if invreal and shapeless and #s > 0 then
      s[#s] = (a.shape[ax0[#s] + 1] - 1) * 2
    end
    local distinct, seen = true, {}
    for i = 1, #s do
      if s[i] == -1 then s[i] = a.shape[ax0[i] + 1] end
      check_n(s[i])
      if seen[ax0[i]] then distinct = false end
      seen[ax0[i]] = true
    end
    return ax0, s, distinct
  end

  local sub = U.sub

  -- an n-d transform: kind C2C (inverse or not), R2C (rfftn) or C2R
  -- (irfftn), default axes defaxes (nil: all)
  local function nd(fname, kind, inverse, defaxes)
    local fn = "fft." .. fname
    return named(fn, function(a, ...)
      local v = gather(ND, is_opts, ...)
      a = np.asarray(a)
      local code = norm_code(v.norm)
      local axes = v.axes
      if axes == nil then axes = defaxes end
      local ax, s, distinct = cook(a, v.s, axes, kind == C2R)
      local k = #ax
      if kind == R2C then check_real(a, fname) end
      if k == 0 then
        local t = kind == C2R and (a.dtype.name == "complex64" and "float32" or "float64")
                  or (a.dtype.name == "float32" or a.dtype.name == "complex64") and "complex64"
                  or "complex128"
        return deliver(a:astype(t), v.out)
      end
      local r
      if distinct then
        if kind == C2R then
          r = a
          if k > 1 then r = exec(fn, C2C, r, sub(ax, 1, k - 1), sub(s, 1, k - 1), true, code) end
          r = exec(fn, C2R, r, { ax[k] }, { s[k] }, true, code, k > 1)
        else
          r = exec(fn, kind, a, ax, s, inverse, code)
        end
      elseif kind == C2C then           -- repeated axes: NumPy's order
        r = a
        for i = k, 1, -1 do r = exec(fn, C2C, r, { ax[i] }, { s[i] }, inverse, code) end
      elseif kind == R2C then
        r = exec(fn, R2C, a, { ax[k] }, { s[k] }, false, code)
        for i = 1, k - 1 do r = exec(fn, C2C, r, { ax[i] }, { s[i] }, false, code) end
      else
        r = a
        for i = 1, k - 1 do r = exec(fn, C2C, r, { ax[i] }, { s[i] }, true, code) end
        r = exec(fn, C2R, r, { ax[k] }, { s[k] }, true, code, k > 1)
      end
      return deliver(r, v.out)
    end)
  end

  local LAST2 = { -2, -1 }
  F.fftn = nd("fftn", C2C, false, nil)
  F.ifftn = nd("ifftn", C2C, true, nil)
  F.fft2 = nd("fft2", C2C, false, LAST2)
  F.ifft2 = nd("ifft2", C2C, true, LAST2)
  F.rfftn = nd("rfftn", R2C, false, nil)
  F.irfftn = nd("irfftn", C2R, true, nil)
  F.rfft2 = nd("rfft2", R2C, false, LAST2)
  F.irfft2 = nd("irfft2", C2R, true, LAST2)
end
