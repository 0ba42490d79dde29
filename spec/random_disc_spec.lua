-- random_disc_spec.lua: the Generator's discrete and multivariate-discrete
-- distributions against NumPy (spec/fixtures/random_disc.lua): binomial,
-- negative_binomial, poisson, geometric, hypergeometric, logseries, zipf,
-- multinomial and multivariate_hypergeometric with seeds 0, 42 and 12345,
-- every branch of NumPy's algorithms, size shapes with zeros, broadcast
-- parameters, and NumPy's error messages; int64 values compared exactly.
-- Then what the fixtures cannot hold (zipf's a >= 1025, where NumPy 1.24
-- never returns), options tables, and a bad-input fuzz.
local H = require "helper"
local np = require "lumpy"
local fx = H.fixture("random_disc")

local function run(c)
  local rng = np.random.default_rng(c.seed)
  local chunk = H.eval(c.code, { rng = rng })
  if c.expect.kind == "error" then
    local ok, err = pcall(chunk)
    assert.is_false(ok, "expected an error: " .. c.expect.message)
    err = tostring(err)
    local want = "lumpy.random.Generator." .. c.fn .. ": "
    assert.equal(want, err:sub(1, #want), err)
    assert.truthy(err:find(c.expect.message, 1, true),
      ("expected %q in %q"):format(c.expect.message, err))
    return
  end
  H.check_expect(H.pack(chunk()), c.expect, 0, c.code)
end

describe("np.random discrete distributions against NumPy", function()
  for i, c in ipairs(fx.cases) do
    it(("%d: seed %d: %s"):format(i, c.seed, c.code), function() run(c) end)
  end
end)

describe("np.random discrete distributions", function()
  it("zipf with a >= 1025 gives 1 without drawing", function()
    local rng = np.random.default_rng(5)
    local r = rng:zipf(2000.0, 10)
    assert.same({ 1, 1, 1, 1, 1, 1, 1, 1, 1, 1 }, r:tolist())
    assert.equal(1, rng:zipf(1e300))
    assert.equal(1, rng:zipf(1 / 0))
    local fresh = np.random.default_rng(5)
    assert.equal(fresh:random(), rng:random())
  end)

  it("takes parameters and size by name", function()
    local a = np.random.default_rng(3):binomial(10, 0.5, 6)
    local b = np.random.default_rng(3):binomial({ n = 10, p = 0.5, size = 6 })
    assert.same(a:tolist(), b:tolist())
    a = np.random.default_rng(3):hypergeometric(30, 40, 20, { size = { 2, 3 } })
    b = np.random.default_rng(3):hypergeometric(30, 40, 20, { 2, 3 })
    assert.same(a:tolist(), b:tolist())
    a = np.random.default_rng(3):multinomial(10, { 0.2, 0.8 }, { size = 4 })
    b = np.random.default_rng(3):multinomial(10, { 0.2, 0.8 }, 4)
    assert.same(a:tolist(), b:tolist())
    a = np.random.default_rng(3):multivariate_hypergeometric({ 3, 4, 5 }, 6, { size = 2, method = "count" })
    b = np.random.default_rng(3):multivariate_hypergeometric({ 3, 4, 5 }, 6, 2, "count")
    assert.same(a:tolist(), b:tolist())
    assert.equal(np.random.default_rng(8):poisson(), np.random.default_rng(8):poisson(1.0))
  end)

  it("draws the same with scalar parameters (one set-up) as with arrays", function()
    local N = 20000
    for _, c in ipairs {
      { "binomial", { 10, 0.3 } }, { "binomial", { 2000, 0.01 } }, { "binomial", { 40, 0.9 } },
      { "binomial", { 1000, 0.5 } }, { "binomial", { 1000, 0.97 } }, { "binomial", { 0, 0.5 } },
      { "binomial", { 7, 1.0 } }, { "poisson", { 3.0 } }, { "poisson", { 0.0 } },
      { "poisson", { 100.0 } }, { "geometric", { 0.5 } }, { "geometric", { 0.01 } },
      { "logseries", { 0.9 } }, { "zipf", { 1.7 } }, { "zipf", { 1500.0 } },
      { "hypergeometric", { 100, 200, 50 } }, { "hypergeometric", { 10, 5, 3 } },
    } do
      local m, p = c[1], c[2]
      local arr = {}
      for k, v in ipairs(p) do arr[k] = np.array({ v }) end
      arr[#p + 1] = N
      p[#p + 1] = N
      local a = np.random.default_rng(77)[m](np.random.default_rng(77), H.unpack(p))
      local r2 = np.random.default_rng(77)
      local b = r2[m](r2, H.unpack(arr))
      assert.is_true(a == b, m .. "(" .. table.concat(p, ", ") .. ")")
    end
  end)

  it("gives int64 arrays and Lua integers", function()
    local rng = np.random.default_rng(1)
    assert.equal("int64", rng:binomial(5, 0.5, 3).dtype.name)
    assert.equal("int64", rng:poisson(np.array({ 1.0, 2.0 })).dtype.name)
    assert.equal("integer", H.mtype(rng:geometric(0.5)))
    assert.equal("integer", H.mtype(rng:logseries(0.5)))
    assert.equal("int64", rng:multinomial(3, { 0.5, 0.5 }).dtype.name)
  end)

  it("keeps p and n draws bounded for nonsense-free extremes", function()
    local rng = np.random.default_rng(2)
    local big = math.floor(2 ^ 62)
    local v = rng:binomial(big, 0.5)
    assert.is_true(v > 0 and v < big)
    -- clamped to int64's largest value, in an array on every Lua; as a Lua
    -- value only where a Lua integer holds it
    assert.equal("[9223372036854775807]", tostring(np.random.default_rng(2):geometric(1e-300, 1)))
    if H.lacks("bigints") then return end
    assert.equal(H.maxinteger, np.random.default_rng(2):geometric(1e-300))
  end)

  it("takes 0-d arrays and booleans as the Lua numbers they hold", function()
    local R = np.random.default_rng
    local cases = {
      { "binomial", { 10, 0.3 } }, { "negative_binomial", { 5, 0.4 } }, { "poisson", { 3.0 } },
      { "geometric", { 0.5 } }, { "hypergeometric", { 10, 5, 7 } }, { "logseries", { 0.6 } },
      { "zipf", { 2.0 } },
    }
    for _, c in ipairs(cases) do
      local m, p = c[1], c[2]
      for _, seed in ipairs { 4, 7 } do
        local want = R(seed)[m](R(seed), H.unpack(p))
        for k = 0, #p do       -- parameter k as a 0-d array (0: all of them)
          local q = {}
          for j = 1, #p do q[j] = (k == 0 or j == k) and np.array(p[j]) or p[j] end
          local g = R(seed)
          local got = g[m](g, H.unpack(q))
          assert.equal(want, got, ("%s seed %d with 0-d parameter %d"):format(m, seed, k))
          assert.is_true(H.mtype(got) == "integer")
        end
      end
    end
    assert.equal(R(7):binomial(10, 1.0), R(7):binomial(np.array(10), true))
    assert.equal(R(7):geometric(0.5), R(7):geometric { p = np.array(0.5) })
  end)

  it("never crashes on bad input", function()
    local rng = np.random.default_rng(0)
    local bad = H.fuzz {
      module = setmetatable({}, { __index = function(_, k)
        return function(...) return rng[k](rng, ...) end
      end }),
      prefix = "random.Generator.",
      names = { "binomial", "negative_binomial", "poisson", "geometric", "hypergeometric",
                "logseries", "zipf", "multinomial", "multivariate_hypergeometric" },
      vals = { -1, 0, 1, 2, 0.5, 1.5, 0 / 0, 1 / 0, -1 / 0, 1e300, H.maxinteger,
               H.mininteger, 2 ^ 63, "x", true, {}, { 1, 2 }, { 0.5, 0.5 }, { -1 },
               { { 1 }, { 2 } }, { 3, -2 }, np.zeros(0), np.array({ 0.1, 0.2 }),
               { size = 3 }, { size = -1 }, { method = "x" }, { 2, 0 } },
      calls = 3000, maxargs = 4,
    }
    assert.same({}, bad)
  end)
end)
