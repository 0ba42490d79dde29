-- binding_misc_spec.lua - small behaviours of the binding: which function
-- an indexing error names, complex scalar fields, dtype helpers on arrays.
local np = require "lumpy"

local function err_of(f, ...)
  local ok, err = pcall(f, ...)
  assert.is_false(ok)
  return err
end

describe("binding", function()
  it("indexing errors name index or setindex", function()
    local a = np.arange(3)
    assert.truthy(err_of(function() return a[4] end):match("^lumpy%.index: index 4 is out of bounds"))
    assert.truthy(err_of(function() a[4] = 1 end):match("^lumpy%.setindex: index 4 is out of bounds"))
    assert.truthy(err_of(function() a["1:2:0"] = 1 end):match("^lumpy%.setindex: slice step cannot be zero"))
    assert.truthy(err_of(function() return a["x"] end):match("^lumpy%.index:"))
  end)

  it("complex scalars have real, imag and conj only", function()
    local z = np.complex(1, -2)
    assert.equal(1, z.real)
    assert.equal(-2, z.imag)
    assert.equal(2, z:conj().imag)
    assert.truthy(err_of(function() return z.foo end):match("^lumpy%.complex: a complex number has no field 'foo'"))
  end)

  it("np.dtype gives the dtype object for a name, code, object or array", function()
    assert.equal(np.float32, np.dtype("f4"))
    assert.equal(np.int64, np.dtype("int64"))
    assert.equal(np.complex128, np.dtype(np.complex128))
    assert.equal(np.uint8, np.dtype(np.zeros(2, "uint8")))
    assert.equal(4, np.dtype("float32").itemsize)
    assert.equal("<f4", np.dtype("float32").str)
    assert.truthy(err_of(np.dtype, "f3"):match("^lumpy%.dtype: data type 'f3' not understood"))
  end)

  it("can_cast and result_type take arrays as well as dtypes", function()
    local i8 = np.zeros(2, "int8")
    assert.is_true(np.can_cast(i8, "int16"))
    assert.is_false(np.can_cast(i8, "uint8"))
    assert.is_true(np.can_cast(i8, "uint8", "unsafe"))
    assert.equal("int16", np.result_type(i8, np.zeros(1, "uint8")).name)
    assert.equal("int8", np.result_type(i8, 1).name)       -- weak Lua integer
    assert.equal("float64", np.result_type(i8, 1.5).name)
    assert.equal("complex64", np.promote_types("float32", "complex64").name)
  end)

  it("casts and assigns through misaligned views", function()
    -- int64 and float64 elements starting 1 byte into a buffer: every cast
    -- and assignment path reads and writes them byte-exactly
    local raw = np.zeros(41, "uint8")
    local v = raw["2:33"]:view("int64")
    v[{}] = np.arange(4)
    assert.same({0, 1, 2, 3}, v:tolist())
    assert.same({0.0, 1.0, 2.0, 3.0}, v:astype("float64"):tolist())
    assert.same({0, 1, 2, 3}, v:astype("int32"):tolist())
    local f = raw["2:41"]:view("float64")
    f["1:4"] = v:astype("float32")       -- float32 -> float64 into misaligned memory
    assert.same({0.0, 1.0, 2.0, 3.0, 0.0}, f:tolist())
    f["2:4"] = np.array({-1.5, 2.5, 1e300})
    assert.same({0.0, -1.5, 2.5, 1e300, 0.0}, f:tolist())
    assert.same({0, -1, 2}, f["1:3"]:astype("int16"):tolist())
  end)
end)
