-- spec/dlpack_spec.lua - DLPack from Lua: a:__dlpack(), a:__dlpack_device(),
-- np.from_dlpack (the C side and dlpack.h's layout: spec/c/test_dlpack.c).
local np = require "lumpy"

describe("dlpack", function()
  it("shares memory both ways, for every dtype", function()
    for _, dt in ipairs { "bool", "int8", "int16", "int32", "int64", "uint8", "uint16",
                          "uint32", "uint64", "float32", "float64", "complex64",
                          "complex128" } do
      local a = np.zeros({100, 3}, dt)         -- big enough to have its own buffer
      local b = np.from_dlpack(a:__dlpack())
      assert.are.equal(dt, b.dtype.name)
      assert.are.same({100, 3}, b.shape)
      b[{2, 3}] = 1
      assert.are.equal(1, np.count_nonzero(a))
    end
  end)

  it("keeps strides, negative ones too, and 0-d and empty arrays", function()
    local a = np.arange(200.0):reshape(10, 20)
    local v = a[{{10, 1, -2}, {2, 20, 3}}]
    local b = np.from_dlpack(v:__dlpack())
    assert.are.same(v.shape, b.shape)
    assert.are.same(v.strides, b.strides)
    assert.is_true(np.array_equal(v, b))
    local z = np.from_dlpack(np.full({}, 7.5):__dlpack())
    assert.are.equal(0, z.ndim)
    assert.are.equal(7.5, z:item())
    local e = np.from_dlpack(np.zeros({0, 4}):__dlpack())
    assert.are.same({0, 4}, e.shape)
  end)

  it("from_dlpack of a LumPy array is a view, even of a small one", function()
    local a = np.array({1, 2, 3})
    local b = np.from_dlpack(a)
    b[1] = 10
    assert.are.equal(10, a[1])
    local c = np.from_dlpack(a, {copy = true})
    c[1] = 20
    assert.are.equal(10, a[1])
  end)

  it("copies small arrays into a capsule of their own and says so", function()
    local a = np.array({1.0, 2.0})
    local cap = a:__dlpack({max_version = {1, 0}})
    assert.matches("dltensor_versioned capsule", tostring(cap))
    local b = np.from_dlpack(cap)
    b[1] = 5
    assert.are.equal(1.0, a[1])
  end)

  it("reports read-only arrays as DLPack 1.0 can, and refuses the legacy struct", function()
    local ro = np.broadcast_to(np.zeros(100), {2, 100})
    assert.has_error(function() ro:__dlpack() end,
      "lumpy.ndarray.__dlpack: Cannot export readonly array since signalling readonly " ..
      "is unsupported by DLPack (supported by newer DLPack version)")
    local b = np.from_dlpack(ro:__dlpack({max_version = {1, 0}}))
    assert.is_false(b.flags.writeable)
    assert.are.same({2, 100}, b.shape)
    assert.are.same({0, 8}, b.strides)
    local c = np.from_dlpack(ro)                -- array to array: a read-only view
    assert.is_false(c.flags.writeable)
  end)

  it("consumes a capsule once", function()
    local cap = np.zeros(100):__dlpack()
    np.from_dlpack(cap)
    assert.matches("%(used%)", tostring(cap))
    assert.has_error(function() np.from_dlpack(cap) end,
      "lumpy.from_dlpack: the capsule was already used")
  end)

  it("calls __dlpack of other objects with max_version", function()
    local seen
    local obj = { __dlpack = function(self, opts)
      seen = opts
      return np.ones(64):__dlpack(opts)
    end }
    local b = np.from_dlpack(obj)
    assert.are.same({1, 0}, seen.max_version)
    assert.are.equal(64, b:sum())
  end)

  it("reports the CPU device and rejects others", function()
    local a = np.zeros(3)
    assert.are.same({1, 0}, { a:__dlpack_device() })
    assert.has_error(function() a:__dlpack({dl_device = {2, 0}}) end,
      "lumpy.ndarray.__dlpack: unsupported device requested (only CPU: {1, 0})")
    assert.has_error(function() a:__dlpack({stream = 1}) end,
      "lumpy.ndarray.__dlpack: stream must be nil for CPU arrays")
    assert.has_error(function() np.from_dlpack(a, {device = "cuda"}) end,
      "lumpy.from_dlpack: unsupported device: only \"cpu\"")
    assert.has_error(function() np.from_dlpack(3) end,
      "lumpy.from_dlpack: expected an object with a __dlpack method or a DLPack capsule, got number")
    assert.has_error(function() np.from_dlpack({}) end,
      "lumpy.from_dlpack: the object has no __dlpack method")
  end)

  it("frees what nobody consumed", function()
    for _ = 1, 200 do np.zeros(10000):__dlpack() end
    collectgarbage(); collectgarbage()
    assert.is_true(np.zeros(1) ~= nil)
  end)
end)
