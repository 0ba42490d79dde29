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
        -- NumPy's message (its first sentence; NumPy 2 capitalises some)
        local want = c.expect.message:lower():match("^[^.]*")
        assert.truthy(err:lower():find(want, 1, true),
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

  it("legacy and bit generator states round-trip", function()
    for _, name in ipairs { "Philox", "SFC64", "MT19937" } do
      local a = np.random[name](5)
      a:random_raw(3)
      local b = np.random[name](6)
      b.state = a.state
      assert.same(a:random_raw(5):tolist(), b:random_raw(5):tolist())
    end
    local rs = np.random.RandomState(3)
    rs:randn()
    local st = rs:get_state()
    local x = rs:randn(3):tolist()
    local rs2 = np.random.RandomState(0)
    rs2:set_state(st)
    assert.same(x, rs2:randn(3):tolist())
    rs2:set_state(rs:get_state(false))
    assert.same(rs:rand(2):tolist(), rs2:rand(2):tolist())
    local p = np.random.Philox { key = 3 }
    assert.is_nil(p.seed_seq)
    H.assert_error("lumpy.random.BitGenerator.spawn", function() p:spawn(1) end)
  end)

  it("Generator.spawn matches spawned seed sequences", function()
    local kids = np.random.default_rng(11):spawn(2)
    local ref = np.random.Generator(np.random.PCG64(np.random.SeedSequence(11):spawn(2)[2]))
    assert.same(ref:random(3):tolist(), kids[2]:random(3):tolist())
  end)

  it("integers: no draws past the bounds broadcast against size", function()
    local g = np.random.default_rng(4)
    local rs = np.random.RandomState(4)
    local msg = "is not compatible with broadcast dimensions of inputs"
    for _, f in ipairs {
      function() return g:integers({}, nil, { 2, 1 }) end,
      function() return g:integers(2, {}, { 3, 1 }) end,
      function() return g:integers(np.zeros { 2, 0, 3 }, np.array(1), 3) end,
      function() return g:integers(np.zeros { 0, 1 }, 5, { 2 }) end,
      function() return rs:randint({}, nil, { 2, 1 }) end,
      function() return rs:randint(np.zeros({ 2, 0 }, "int64"), 5, { 2, 1 }) end,
      function() return np.random.randint(np.zeros({ 0, 1 }, "int64"), 5, 2) end,
    } do
      local err = H.assert_error("lumpy.random.", f)
      assert.truthy(err:find(msg, 1, true), err)
    end
    local err = H.assert_error("lumpy.random.Generator.integers:",
      function() return g:integers(np.zeros(3), { { 5 }, { 6 } }, { 4, 3 }) end)
    assert.truthy(err:find("shape mismatch: objects cannot be broadcast to a single shape.  "
      .. "Mismatch is between arg 1 with shape (2, 1) and arg 2 with shape (4, 3).", 1, true), err)
    err = H.assert_error("lumpy.random.Generator.integers:",
      function() return g:integers(np.zeros(3), np.ones(4)) end)
    assert.truthy(err:find("operands could not be broadcast together with shapes (3,) (4,)", 1, true), err)
    -- NumPy draws the first prod(size) steps of the broadcast walk
    assert.same({ 3, 7, 0 }, np.random.default_rng(5):integers(np.zeros({ 3, 1 }, "int64"),
                                                               { 5, 9, 20 }, 3):tolist())
    assert.same({ { { 3, 7, 0 } }, { { 4, 4, 10 } } }, np.random.default_rng(5):integers(
      np.zeros({ 3, 1 }, "int64"), { 5, 9, 20 }, { 2, 1, 3 }):tolist())
    assert.same({ 2, 3, 4 }, g:integers(np.zeros { 3, 1 }, 5, { 2, 3, 4 }).shape)
    assert.same({ 3, 4 }, rs:randint(np.zeros({ 3, 1 }, "int64"), { 5 }, { 3, 4 }).shape)
    assert.same({ 2, 0 }, g:integers(np.zeros(3), 5, { 2, 0 }).shape)
    assert.same({ 0, 2 }, g:integers(np.zeros { 0, 1 }, { 5, 6 }).shape)
  end)

  it("integers: 0-d bounds and booleans are scalars", function()
    local R = np.random.default_rng
    assert.equal(R(7):integers(3, 10), R(7):integers(np.array(3), np.array(10)))
    assert.equal(R(7):integers(1), R(7):integers(true))
    assert.equal(np.random.RandomState(7):randint(2, 9),
                 np.random.RandomState(7):randint(np.array(2), np.array(9)))
  end)

  it("errors start with the method's name, with no file:line prefix", function()
    local r = np.random.default_rng(1)
    local function msg(f, ...)
      local ok, err = pcall(f, ...)
      assert.is_false(ok)
      return err
    end
    assert.equal("lumpy.random.Generator.shuffle: axis 2 is out of bounds for array of dimension 1",
                 msg(r.shuffle, r, np.ones { 3 }, 2))
    assert.equal("lumpy.random.Generator.choice: axis 2 is out of bounds for array of dimension 1",
                 msg(r.choice, r, np.ones { 3 }, 2, true, nil, 2))
    assert.equal("lumpy.random.RandomState.permutation: x must be an integer or at least 1-dimensional",
                 msg(function() return np.random.permutation(np.array(3)) end))
    assert.equal("lumpy.random.Generator.uniform: high - low range exceeds valid bounds",
                 msg(function() return r:uniform(0, math.huge) end))
    assert.equal("lumpy.random.Generator.uniform: takes at most 3 positional arguments (4 given)",
                 msg(function() return r:uniform(0, 1, 2, 3) end))
    -- a 0-d array: LumPy's words, naming the function (not Python's len())
    for _, f in ipairs { function() r:shuffle(np.array(3)) end, function() np.random.shuffle(np.array(3)) end } do
      local err = msg(f)
      assert.truthy(err:find("^lumpy%.random%.[%w.]+shuffle: x must be at least 1%-dimensional"), err)
    end
  end)

  it("never crashes on bad input (methods)", function()
    local r = np.random.default_rng(2)
    local rs = np.random.RandomState(2)
    local vals = { -1, 0, 1, 2.5, 0 / 0, 1 / 0, -1 / 0, 2 ^ 70, H.maxinteger, H.mininteger,
                   "x", "5", {}, { 1, -1 }, { { 1 }, { 2, 3 } }, true, np.zeros(0), np.zeros { 2, 3 },
                   np.ones(3, "float32"), np.array(5), { size = -1 }, { axis = 9 }, { out = np.zeros(2) } }
    local fns = {
      function(v) return r:integers(v) end, function(v) return r:integers(0, v) end,
      function(v) return r:integers(0, 10, v) end, function(v) return r:integers(0, 10, 2, v) end,
      function(v) return r:integers(v, 5, nil, "uint8") end, function(v) return r:integers(0, v, 3, "bool") end,
      function(v) return r:choice(v) end, function(v) return r:choice(5, v) end,
      function(v) return r:choice(5, 2, false, v) end, function(v) return r:choice(v, 2, true, { 0.5, 0.5 }) end,
      function(v) return r:choice(np.arange(6):reshape(2, 3), 2, { axis = v }) end,
      function(v) return r:shuffle(v) end, function(v) return r:shuffle(np.arange(6):reshape(2, 3), v) end,
      function(v) return r:permutation(v) end, function(v) return r:permutation(np.arange(4), v) end,
      function(v) return r:permuted(v) end, function(v) return r:permuted(np.arange(4), { axis = v }) end,
      function(v) return r:permuted(np.arange(4), { out = v }) end,
      function(v) return r:bytes(v) end, function(v) return r:spawn(v) end,
      function(v) return r:random(v) end, function(v) return r:random(2, v) end,
      function(v) return r:uniform(v) end,
      function(v) return rs:randint(v) end, function(v) return rs:rand(v) end, function(v) return rs:randn(v) end,
      function(v) return rs:choice(v) end, function(v) return rs:shuffle(v) end,
      function(v) return rs:permutation(v) end, function(v) return rs:normal(0, v) end,
      function(v) return rs:uniform(v, 1) end, function(v) return rs:seed(v) end,
      function(v) return rs:set_state(v) end, function(v) return rs:get_state(v) end,
      function(v) return np.random.RandomState(v) end, function(v) return np.random.Philox(v, v) end,
      function(v) return np.random.Philox(nil, nil, v) end, function(v) return np.random.MT19937(v) end,
      function(v) return np.random.SeedSequence(1, { spawn_key = v }) end,
      function(v) return np.random.SeedSequence(1, { pool_size = v }) end,
      function(v) return np.random.SeedSequence(v):generate_state(v) end,
      function(v) return np.random.SeedSequence(1):spawn(v) end,
      function(v) local b = np.random.Philox(1); b.state = v end,
      function(v) local b = np.random.MT19937(1); b.state = { bit_generator = "MT19937", state = { key = v, pos = 1 } } end,
      function(v) local b = np.random.SFC64(1); b.state = { bit_generator = "SFC64", state = { state = v }, has_uint32 = 0, uinteger = 0 } end,
      function(v) return np.random.PCG64(1):advance(v) end, function(v) return np.random.Philox(1):advance(v) end,
      function(v) return np.random.PCG64DXSM(1):jumped(v) end,
      function(v) return np.random.SFC64(1):random_raw(v) end,
    }
    local bad = {}
    for i, f in ipairs(fns) do
      for j, v in ipairs(vals) do
        local ok, err = pcall(f, v)
        if not ok and not (type(err) == "string" and err:find("^lumpy%.")) then
          bad[#bad + 1] = ("fn at line %d, value %d: %s"):format(debug.getinfo(f, "S").linedefined, j, tostring(err))
        end
      end
    end
    assert.same({}, bad)
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
