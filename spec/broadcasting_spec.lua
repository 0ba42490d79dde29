-- broadcasting_spec.lua: np.add over broadcast shapes, broadcast errors,
-- np.broadcast_to, np.broadcast_shapes and np.broadcast_arrays against NumPy
-- (spec/fixtures/broadcasting.lua).
local H = require "helper"
local np = require "lumpy"
local fx = H.fixture("broadcasting")
local S = H.shape_str

describe("broadcasting: np.add", function()
  for _, c in ipairs(fx.add) do
    it(S(c.a.shape) .. " + " .. S(c.b.shape) .. " -> " .. S(c.out.shape), function()
      local a, b = H.toarray(c.a), H.toarray(c.b)
      H.assert_array_equal(np.add(a, b), c.out, 0)
      H.assert_array_equal(a + b, c.out, 0, "operator +")
    end)
  end
end)

describe("broadcasting: errors", function()
  for _, c in ipairs(fx.errors) do
    it(S(c.a) .. " + " .. S(c.b) .. " raises", function()
      local a, b = np.zeros(c.a), np.zeros(c.b)
      local msg = H.assert_error("lumpy.add:", np.add, a, b)
      H.assert_contains(msg, "broadcast")
      msg = H.assert_error("lumpy.add:", function() return a + b end)
      H.assert_contains(msg, "broadcast")
    end)
  end
end)

describe("broadcasting: a source must broadcast to a fixed target", function()
  it("copyto checks extra and mismatched axes of the source", function()
    local msg = H.assert_error("lumpy.copyto:", np.copyto, np.zeros({}), np.array({ { 7, 8 }, { 1, 2 } }))
    H.assert_contains(msg, "could not broadcast input array from shape (2,2) into shape ()")
    H.assert_error("lumpy.copyto:", np.copyto, np.zeros(3), np.ones({ 2, 3 }))
    H.assert_error("lumpy.copyto:", np.copyto, np.zeros({ 1, 3 }), np.ones({ 2, 3 }))
    H.assert_error("lumpy.copyto:", np.copyto, np.zeros(3), np.ones({ 2, 3 }),
                   { where = np.array({ true, false, true }) })
    H.assert_error("lumpy.copyto:", np.copyto, np.zeros(3), 1, { where = np.ones({ 2, 3 }, "bool") })
    local a = np.zeros(3)
    np.copyto(a, np.array({ { { 1, 2, 3 } } }))
    assert.are.same({ 1, 2, 3 }, a:tolist())
    np.copyto(a, np.full({ 1, 1 }, 4), { where = np.array({ true, false, true }) })
    assert.are.same({ 4, 2, 4 }, a:tolist())
  end)
  it("a ufunc's out must still have the broadcast shape", function()
    H.assert_error("lumpy.add:", np.add, np.ones(3), np.ones({ 2, 3 }), { out = np.zeros(3) })
    H.assert_error("lumpy.add:", np.add, np.ones(3), np.ones({ 1, 3 }), { out = np.zeros(3) })
    H.assert_error("lumpy.add:", np.add, np.ones(1), np.ones(0), { out = np.zeros(1) })
    H.assert_error("lumpy.sum:", np.sum, np.ones({ 2, 3 }), 1, { out = np.zeros(4) })
    local out = np.zeros({ 2, 3 })
    np.add(np.ones(3), np.ones({ 2, 1 }), { out = out })
    assert.are.same({ { 2, 2, 2 }, { 2, 2, 2 } }, out:tolist())
  end)
end)

describe("broadcasting: np.broadcast_to", function()
  for _, c in ipairs(fx.broadcast_to) do
    it(S(c.a.shape) .. " to " .. S(c.shape), function()
      local a = H.toarray(c.a)
      H.assert_array_equal(np.broadcast_to(a, c.shape), c.out, 0)
    end)
  end
  for _, c in ipairs(fx.broadcast_to_errors) do
    it(S(c.a) .. " to " .. S(c.shape) .. " raises", function()
      H.assert_error("lumpy.broadcast_to:", np.broadcast_to, np.zeros(c.a), c.shape)
    end)
  end
  it("returns a view of its argument", function()
    local a = np.array({1, 2, 3}, "int64")
    local b = np.broadcast_to(a, {2, 3})
    a[2] = 20
    assert.are.equal(20, b[2][2])
  end)
end)

describe("broadcasting: np.broadcast_shapes", function()
  for _, c in ipairs(fx.broadcast_shapes) do
    local names = {}
    for i, s in ipairs(c.shapes) do names[i] = S(s) end
    it(table.concat(names, " ") .. " -> " .. S(c.out), function()
      local r = np.broadcast_shapes(H.unpack(c.shapes))
      assert.are.same(c.out, r)
    end)
  end
  for _, c in ipairs(fx.broadcast_shapes_errors) do
    local names = {}
    for i, s in ipairs(c.shapes) do names[i] = S(s) end
    it(table.concat(names, " ") .. " raises", function()
      H.assert_error("lumpy.broadcast_shapes:", np.broadcast_shapes, H.unpack(c.shapes))
    end)
  end
end)

describe("broadcasting: np.broadcast_arrays", function()
  for _, c in ipairs(fx.broadcast_arrays) do
    local names = {}
    for i, a in ipairs(c.args) do names[i] = S(a.shape) end
    it(table.concat(names, " "), function()
      local args = {}
      for i, a in ipairs(c.args) do args[i] = H.toarray(a) end
      local r = np.broadcast_arrays(H.unpack(args))
      assert.are.equal("table", type(r), "broadcast_arrays returns a Lua sequence")
      assert.are.equal(#c.out, #r)
      for i = 1, #c.out do H.assert_array_equal(r[i], c.out[i], 0, "result " .. i) end
    end)
  end
end)
