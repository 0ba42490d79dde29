-- random_cont_spec.lua: the Generator's continuous distributions against
-- NumPy (spec/fixtures/random_cont.lua, by tools/fixtures/random_cont.py):
-- every method over seeds 0, 42 and 12345, edge parameters, float32 and
-- float64, sizes, broadcast array parameters, out=, streams continuing
-- across calls, long draws through the ziggurats' rare paths - all bit for
-- bit; multivariate_normal within a tolerance (LAPACK); NumPy's errors;
-- then hand-made checks and a bad-input fuzz.
local H = require "helper"
local np = require "lumpy"
local fx = H.fixture("random_cont")

local function gen(seed) return np.random.default_rng(seed) end

local function bits_equal(a, e)
  if a ~= a and e ~= e then return true end
  if a ~= e then return false end
  return a ~= 0 or (1 / a == 1 / e)          -- the sign of zero
end

-- a result against NumPy's: a Lua float for a scalar, else an array
local function check(r, e, what)
  if H.isfixture(e) then
    H.assert_array_equal(r, e, 0, what)
  else
    if not H.isfloat(r) then
      error(("%s: expected a Lua float, got %s"):format(what, tostring(r)), 2)
    end
    if not bits_equal(r, e) then
      error(("%s: expected %.17g, got %.17g"):format(what, e, r), 2)
    end
  end
end

describe("np.random.Generator continuous distributions against NumPy", function()
  for i, c in ipairs(fx.cases) do
    it(("%d: seed %d %s"):format(i, c.seed, c.code), function()
      local r = H.eval(c.code, { rng = gen(c.seed) })()
      check(r, c.expect, c.code)
    end)
  end

  for _, c in ipairs(fx.outs) do
    it(("seed %d %s"):format(c.seed, c.code), function()
      check(H.eval(c.code, { rng = gen(c.seed) })(), c.expect, c.code)
    end)
  end

  for _, c in ipairs(fx.streams) do
    it(("a stream continues across calls, seed %d"):format(c.seed), function()
      local g = gen(c.seed)
      local got = {
        g:standard_normal(3), g:standard_gamma(0.5, 3), g:normal(1.0, 2.0, 2),
        g:standard_exponential(3, "float32"), g:beta(2.0, 3.0, 2),
        g:standard_normal(3, { dtype = "float32" }), g:vonmises(0.0, 2.0, 2),
      }
      for k, e in ipairs(c.expect) do check(got[k], e, "call " .. k) end
    end)
  end

  for _, c in ipairs(fx.long) do
    it(("seed %d %s: tails and a sample"):format(c.seed, c.code), function()
      local r = H.eval(c.code, { rng = gen(c.seed) })()
      assert.equal(c.n, r.size)
      local vals = H.fixture_values(c.vals)
      local big = np.greater(np.abs(r), c.big)
      assert.equal(#c.idx, np.count_nonzero(big))
      for k, i in ipairs(c.idx) do
        assert.is_true(big[i], "index " .. i)
        assert.is_true(bits_equal(r[i], vals[k]), ("at %d: %.17g vs %.17g"):format(i, r[i], vals[k]))
      end
      H.assert_array_equal(r["::" .. c.stride], c.sample, 0, "sample")
    end)
  end

  for _, c in ipairs(fx.mvn) do
    it(("seed %d %s"):format(c.seed, c.code), function()
      local r = H.eval(c.code, { rng = gen(c.seed) })()
      local e = H.toarray(c.expect)
      assert.same(H.shape_of(e), H.shape_of(r))
      assert.equal("float64", r.dtype.name)
      if e.size > 0 then
        local d = np.abs(np.subtract(r, e)):max()
        local m = math.max(1, np.abs(e):max())
        assert.is_true(d <= c.tol * m, ("max difference %g"):format(d))
      end
    end)
  end

  for _, c in ipairs(fx.errors) do
    it("error: " .. c.code, function()
      local f = H.eval(c.code, { rng = gen(0) })
      local msg = H.assert_error("lumpy.random.Generator.", f)
      assert.truthy(msg:find(c.match, 1, true), msg)
    end)
  end
end)

describe("np.random.Generator continuous distributions by hand", function()
  it("scalars without size; arrays with size; the dtypes", function()
    local g = gen(1)
    assert.is_true(H.isfloat(g:standard_normal()))
    assert.is_true(H.isfloat(g:gamma(2.0)))
    assert.is_true(H.isfloat(g:standard_gamma(2.0, nil, { dtype = "float32" })))
    assert.equal("float32", g:standard_normal(4, "float32").dtype.name)
    assert.equal("float32", g:standard_exponential(4, np.float32).dtype.name)
    assert.equal("float64", g:standard_gamma(2.0, { 2, 2 }).dtype.name)
    assert.same({ 0 }, H.shape_of(g:normal(0, 1, 0)))
    assert.same({ 3 }, H.shape_of(g:normal(np.zeros(3))))
    local z = g:normal(0, 1, { size = {} })        -- size () gives a 0-d array
    assert.is_true(H.isarray(z))
    assert.same({}, H.shape_of(z))
  end)

  it("parameters by name in the options table", function()
    local a, b = gen(5), gen(5)
    assert.is_true(a:normal(nil, nil, { loc = 2.0, scale = 3.0, size = 4 }) == b:normal(2.0, 3.0, 4))
    assert.is_true(a:gamma(2.0, { size = 3 }) == b:gamma(2.0, 1.0, 3))
    assert.is_true(a:triangular(nil, nil, nil, { left = 0, mode = 1, right = 2, size = 2 })
                   == b:triangular(0, 1, 2, 2))
    assert.is_true(a:dirichlet(nil, { alpha = { 1, 2 }, size = 2 }) == b:dirichlet({ 1, 2 }, 2))
  end)

  it("the scalar-parameter fast path and the general driver agree", function()
    local one = np.array(1.0)                  -- a 0-d array takes the driver
    assert.is_true(gen(9):standard_gamma(0.5, 7, "float32")
                   == gen(9):standard_gamma(0.5, 7, { dtype = np.float32 }))
    assert.is_true(gen(9):normal(1, 2, { 3, 2 }) == gen(9):normal(one, 2, { 3, 2 }))
    assert.is_true(gen(9):gamma(3, nil, 5) == gen(9):gamma(3, one, 5))
    assert.is_true(gen(9):wald(2, 3, 5) == gen(9):wald(2, np.array({ 3, 3, 3, 3, 3 })))
    assert.is_true(gen(9):triangular(0, 1, 3, 4) == gen(9):triangular({ 0 }, 1, 3, 4))
  end)

  it("out= checks", function()
    local g = gen(2)
    local msg = H.assert_error("lumpy.random.Generator.standard_normal:",
      function() g:standard_normal(nil, { out = np.empty(3, "float32") }) end)
    H.assert_contains(msg, "wrong type")
    msg = H.assert_error("lumpy.random.Generator.standard_normal:",
      function() g:standard_normal(4, { out = np.empty(3) }) end)
    H.assert_contains(msg, "size must match")
    msg = H.assert_error("lumpy.random.Generator.standard_gamma:",
      function() g:standard_gamma(1.0, nil, { out = np.empty({ 4, 4 })["::2, ::2"] }) end)
    H.assert_contains(msg, "contiguous")
    -- a Fortran-ordered out is filled in memory order, as NumPy does
    local o = np.empty({ 2, 3 }, { order = "F" })
    local r = gen(3):standard_normal(nil, { out = o })
    assert.is_true(r == o)
    local ref = gen(3):standard_normal(6)
    local flat = o:transpose():flatten()
    H.assert_array_equal(flat, { dtype = "float64", shape = { 6 }, data = ref:tolist() })
  end)

  it("standard_exponential's method", function()
    local a = gen(4):standard_exponential(5, nil, "inv")
    local b = gen(4):standard_exponential(5, { method = "inv" })
    assert.is_true(a == b)
    H.assert_error("lumpy.random.Generator.standard_exponential:",
      function() gen(4):standard_exponential(5, { method = "foo" }) end)
  end)

  it("dirichlet with zero alphas (NumPy 2)", function()
    local r = gen(6):dirichlet({ 0.0, 0.0 }, 3)
    assert.same({ 3, 2 }, H.shape_of(r))
    assert.equal(0, np.abs(r):max())
    r = gen(6):dirichlet({ 0.0, 1.0, 0.0 }):tolist()  -- g * (1 / g): 1 within an ulp
    assert.same({ 0.0, 0.0 }, { r[1], r[3] })
    assert.is_true(math.abs(r[2] - 1) <= 2 ^ -52)
    r = gen(6):dirichlet({ 0.05, 0.0 }, 4)
    assert.same({ 1.0, 1.0, 1.0, 1.0 }, r["..., 1"]:tolist())
    assert.same({ 0, 0 }, H.shape_of(gen(6):dirichlet({}, 0)))
    H.assert_error("lumpy.random.Generator.dirichlet:", function() gen(6):dirichlet({ { 1.0 } }) end)
  end)

  it("multivariate_normal: check_valid, tol and errors", function()
    local cov = { { 1.0, 2.0 }, { 2.0, 1.0 } }
    local r = gen(7):multivariate_normal({ 0, 0 }, cov, 3, "ignore")
    assert.same({ 3, 2 }, H.shape_of(r))
    -- "warn" writes NumPy's warning to stderr, once per process
    local real, text = io.stderr, ""
    io.stderr = { write = function(self, ...) text = text .. table.concat({ ... }); return self end }
    local ok, err = pcall(function()
      r = gen(7):multivariate_normal({ 0, 0 }, cov, 3, { check_valid = "warn" })
      gen(7):multivariate_normal({ 0, 0 }, cov)
    end)
    io.stderr = real
    assert(ok, err)
    assert.same({ 3, 2 }, H.shape_of(r))
    assert.equal("lumpy.random.Generator.multivariate_normal: RuntimeWarning: covariance is not "
                 .. "symmetric positive-semidefinite.\n", text)
    r = gen(7):multivariate_normal({ 0, 0 }, { { 1, 0 }, { 0, 1 } }, nil, "raise", 1e-6)
    assert.same({ 2 }, H.shape_of(r))
    H.assert_error("lumpy.random.Generator.multivariate_normal:",
      function() gen(7):multivariate_normal({ 0, 0 }, cov, 3, "raise") end)
    H.assert_error("lumpy.random.Generator.multivariate_normal:",
      function() gen(7):multivariate_normal({ 0, 0 }, cov, { method = "cholesky" }) end)
    H.assert_error("lumpy.random.Generator.multivariate_normal:",
      function() gen(7):multivariate_normal(np.array({ 1, 2 }):astype("complex128"), cov) end)
  end)

  it("takes 0-d arrays and booleans as the Lua numbers they hold", function()
    local cases = {
      { "normal", { 5.0, 2.0 } }, { "exponential", { 2.0 } }, { "gamma", { 2.0, 3.0 } },
      { "beta", { 2.0, 3.0 } }, { "chisquare", { 3.0 } }, { "noncentral_chisquare", { 3.0, 2.0 } },
      { "f", { 3.0, 4.0 } }, { "noncentral_f", { 3.0, 4.0, 2.0 } }, { "standard_t", { 3.0 } },
      { "laplace", { 1.0, 2.0 } }, { "logistic", { 1.0, 2.0 } }, { "lognormal", { 1.0, 0.5 } },
      { "gumbel", { 1.0, 2.0 } }, { "pareto", { 3.0 } }, { "power", { 3.0 } },
      { "rayleigh", { 2.0 } }, { "vonmises", { 1.0, 2.0 } }, { "wald", { 1.0, 2.0 } },
      { "weibull", { 2.0 } }, { "triangular", { 1.0, 2.0, 4.0 } }, { "standard_gamma", { 2.5 } },
      { "uniform", { 1.0, 3.0 } },
    }
    for _, c in ipairs(cases) do
      local m, p = c[1], c[2]
      local want = gen(7)[m](gen(7), H.unpack(p))
      for k = 0, #p do         -- parameter k as a 0-d array (0: all of them)
        local q = {}
        for j = 1, #p do q[j] = (k == 0 or j == k) and np.array(p[j]) or p[j] end
        local g = gen(7)
        check(g[m](g, H.unpack(q)), want, ("%s with 0-d parameter %d"):format(m, k))
      end
    end
    check(gen(7):normal(np.array(5.0), { scale = np.array(2.0) }), gen(7):normal(5.0, 2.0), "normal opts")
    check(gen(7):normal(np.array(5, "int8")), gen(7):normal(5.0), "normal int8")
    check(gen(7):normal(true), gen(7):normal(1.0), "normal(true)")
    check(gen(7):standard_gamma(np.array(2.5), nil, "float32"),
          gen(7):standard_gamma(2.5, nil, "float32"), "standard_gamma float32")
    local rs = np.random.RandomState
    check(rs(7):normal(np.array(5.0), np.array(2.0)), rs(7):normal(5.0, 2.0), "RandomState.normal")
    check(rs(7):uniform(np.array(1.0), np.array(3.0)), rs(7):uniform(1.0, 3.0), "RandomState.uniform")
    check(np.random.Generator(np.random.PCG64(7)):uniform(np.array(1.0)),
          gen(7):uniform(1.0), "uniform low only")
  end)

  it("never crashes on bad input", function()
    local g = gen(8)
    local names = { "standard_normal", "standard_exponential", "standard_gamma", "normal",
      "exponential", "gamma", "beta", "chisquare", "noncentral_chisquare", "f",
      "noncentral_f", "standard_t", "standard_cauchy", "laplace", "logistic", "lognormal",
      "gumbel", "pareto", "power", "rayleigh", "triangular", "vonmises", "wald", "weibull",
      "dirichlet", "multivariate_normal" }
    local mod = {}
    for _, n in ipairs(names) do mod[n] = function(...) return g[n](g, ...) end end
    local vals = { 0, 1, -1, 2.5, 0.5, 1e-300, 1e300, 0 / 0, 1 / 0, -1 / 0, "x", true, {},
      { 2, 3 }, { -1 }, { 2.5 }, { 1, { 2 } }, H.maxinteger, 2 ^ 62, H.mininteger,
      { dtype = "int8" }, { dtype = "float32" }, { out = np.empty(3) }, { method = "inv" },
      { size = -2 }, { check_valid = 3 }, np.ones(3), np.zeros({ 2, 3 }),
      np.array({ 1, 0 / 0, -1 }), np.eye(2), np.ones({ 2, 2 }, "complex128"),
      np.array({ 1, 2 }, "int32"), np.empty(0) }
    assert.same({}, H.fuzz { module = mod, prefix = "random.Generator.", names = names,
                             vals = vals, maxargs = 5, calls = 6000 })
  end)
end)
