-- lumpy/random_cont.lua - the Generator's continuous distributions written in Lua
-- (those composed of other methods): multivariate_normal, on
-- standard_normal and np.linalg, as NumPy 2's numpy/random/_generator.pyx.
-- Called by lumpy/random.lua with the Generator's method table.

local U = require "lumpy.util"

return function(np, internal, methods)
  local _ = internal
  if not methods then return end
  local is_opts = U.is_opts

  local function fail(msg) error(msg, 0) end

  local warned = false
  local function warn(msg)
    if warned then return end
    warned = true
    io.stderr:write("lumpy.random.Generator.multivariate_normal: RuntimeWarning: ", msg, "\n")
  end

  local METHODS = { svd = true, eigh = true, cholesky = true }
  local CHECKS = { warn = true, raise = true, ignore = true }
  local NAMES = { "mean", "cov", "size", "check_valid", "tol" }
  local METHOD_OPT = { method = true }

  -- rng:multivariate_normal(mean, cov [, size [, check_valid [, tol]]] [, {method=}])
  local function mvn(self, ...)
    local a = U.gather(fail, NAMES, METHOD_OPT, is_opts, 2, ...)
    local method = a.method == nil and "svd" or a.method
    local check_valid = a.check_valid == nil and "warn" or a.check_valid
    local tol = a.tol == nil and 1e-8 or a.tol
    if not METHODS[method] then fail("method must be one of {'eigh', 'svd', 'cholesky'}") end
    if a.mean == nil then fail("missing required argument 'mean'") end
    if a.cov == nil then fail("missing required argument 'cov'") end
    if type(tol) ~= "number" then fail("tol must be a number, got " .. type(tol)) end
    local mean, cov = np.array(a.mean), np.array(a.cov)
    local function cplx(x) local t = x.dtype.name; return t == "complex64" or t == "complex128" end
    if cplx(mean) or cplx(cov) then fail("mean and cov must not be complex") end
    local shape = {}
    local size = a.size
    if U.mtype(size) == "integer" then
      shape = { size }
    elseif type(size) == "table" and not U.is_array(size) then
      for i, d in ipairs(size) do shape[i] = d end
    elseif size ~= nil then
      fail("size must be an integer or a sequence of integers, got " .. (U.mtype(size) or type(size)))
    end
    if mean.ndim ~= 1 then fail("mean must be 1 dimensional") end
    if cov.ndim ~= 2 or cov.shape[1] ~= cov.shape[2] then
      fail("cov must be 2 dimensional and square")
    end
    local N = mean.shape[1]
    if N ~= cov.shape[1] then fail("mean and cov must have same length") end
    local final = {}
    for i, d in ipairs(shape) do final[i] = d end
    final[#final + 1] = N
    local x = self:standard_normal(final)
    local rows = 1
    for i = 1, #final - 1 do rows = rows * final[i] end
    x = x:reshape(rows, N)
    cov = cov:astype("float64")
    local u, s, vh, l
    if method == "svd" then
      u, s, vh = np.linalg.svd(cov)
    elseif method == "eigh" then
      s, u = np.linalg.eigh(cov)
    else
      l = np.linalg.cholesky(cov)
    end
    if check_valid ~= "ignore" and method ~= "cholesky" then
      if not CHECKS[check_valid] then
        fail("check_valid must equal 'warn', 'raise', or 'ignore'")
      end
      local psd
      if method == "svd" then
        psd = np.allclose(np.dot(np.multiply(vh:transpose(), s), vh), cov, tol, tol)
      else
        psd = not np.any(np.less(s, -tol))
      end
      if not psd then
        if check_valid == "warn" then
          warn("covariance is not symmetric positive-semidefinite.")
        else
          fail("covariance is not symmetric positive-semidefinite.")
        end
      end
    end
    local factor
    if method == "cholesky" then
      factor = l
    elseif method == "eigh" then
      factor = np.multiply(u, np.sqrt(np.abs(s)))
    else
      factor = np.multiply(u, np.sqrt(s))
    end
    x = np.add(mean, np.matmul(x, factor:transpose()))
    return x:reshape(final)
  end

  methods.multivariate_normal = U.named("random.Generator.multivariate_normal", mvn)
end
