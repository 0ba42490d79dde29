-- random_core_spec.lua: np.random's core against NumPy (spec/fixtures/
-- random_core.lua): SeedSequence, the bit generators' streams and states,
-- the Generator's uniform draws, sampling and permutations, the legacy
-- functions; bit for bit. Then what NumPy cannot give: state round trips,
-- OS seeding, argument handling and a bad-input fuzz.
local H = require "helper"
local np = require "lumpy"
local fx = H.fixture("random_core")

describe("np.random core against NumPy", function()
  for i, c in ipairs(fx.cases) do
    it(("%d: %s"):format(i, c.code), function()
      H.run_case(c)
      if c.expect.kind == "error" then
        local ok, err = pcall(H.eval(c.code))
        assert.is_false(ok)
        assert.truthy(err:find(c.expect.message, 1, true),
                      ("expected NumPy's message %q in %q"):format(c.expect.message, err))
      end
    end)
  end
end)

describe("np.random core", function()
  it("state round-trips through the table", function()
    for _, name in ipairs { "PCG64", "PCG64DXSM" } do
      local a = np.random[name](77)
      a:random_raw(3)
      local b = np.random[name](1)
      b.state = a.state
      assert.same(a:random_raw(4):tolist(), b:random_raw(4):tolist())
      assert.equal(name, tostring(a))
      assert.has_error(function() b.state = np.random.PCG64(1).state
        if name == "PCG64" then error("lumpy.x: same kind") end end)
    end
  end)

  it("seeds from the OS when no seed is given", function()
    local a, b = np.random.default_rng(), np.random.default_rng()
    assert.are_not.equal(a:random(), b:random())
    local ss = np.random.SeedSequence()
    assert.equal("string", type(ss.entropy))
    local c = np.random.SeedSequence(ss.entropy)
    assert.same(ss:generate_state(4):tolist(), c:generate_state(4):tolist())
  end)

  it("default_rng passes Generators and wraps bit generators", function()
    local g = np.random.default_rng(3)
    assert.equal(g, np.random.default_rng(g))
    local bg = np.random.PCG64(3)
    local g2 = np.random.default_rng(bg)
    assert.equal(bg, g2.bit_generator)
    assert.equal("Generator(PCG64)", tostring(g2))
  end)

  it("SeedSequence fields and state", function()
    local ss = np.random.SeedSequence({ 1, 2 }, { spawn_key = { 3 }, pool_size = 6 })
    assert.same({ 1, 2 }, ss.entropy)
    assert.same({ 3 }, ss.spawn_key)
    assert.equal(6, ss.pool_size)
    assert.equal(0, ss.n_children_spawned)
    local kids = ss:spawn(2)
    assert.equal(2, ss.n_children_spawned)
    assert.same({ 3, 1 }, kids[2].spawn_key)
    assert.same({ entropy = { 1, 2 }, spawn_key = { 3 }, pool_size = 6, n_children_spawned = 2 },
                ss.state)
  end)

  it("never crashes on bad input", function()
    local r = np.random.default_rng(1)
    local bad = { -1, 0 / 0, 1e300, "x", {}, { -1 }, { {} }, true, np.zeros(2), function() end }
    for _, v in ipairs(bad) do
      pcall(np.random.SeedSequence, v)
      pcall(np.random.default_rng, v)
      pcall(np.random.PCG64, v)
      pcall(r.random, r, v)
      pcall(r.uniform, r, v, v, v)
      pcall(r.uniform, r, 0, 1, v)
      local bg = np.random.PCG64(1)
      pcall(function() bg.state = v end)
      pcall(bg.advance, bg, v)
      pcall(bg.random_raw, bg, v)
      pcall(bg.jumped, bg, v)
      pcall(r.random, v)
    end
  end)
end)
