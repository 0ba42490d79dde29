-- errors_spec.lua: bad input for each function family raises a Lua error
-- whose message starts with "lumpy.<function>:" (and never crashes).
local H = require "helper"
local np = require "lumpy"

-- {function name in the message, code}
local CASES = {
  -- array construction
  { "array", "np.array({1, {2, 3}})" },
  { "array", "np.array({{1, 2}, {3}})" },
  { "array", "np.array({{1, 2}, 3})" },
  { "array", "np.array({{{1}}, {2}})" },
  { "array", "np.array({1, 'x'})" },
  { "array", "np.array({'1', '2'}, 'f4')" },
  { "array", "np.array({1, print})" },
  { "array", "np.array({1, 2}, 'float33')" },
  { "array", "np.array({1, 2}, 'bogus')" },
  { "array", "np.array({1, 2}, 42)" },
  { "array", "np.array({x = 1})" },
  { "array", "np.array(nil)" },
  { "asarray", "np.asarray({1, {2}})" },
  -- zeros / ones / empty / full: shapes and dtypes
  { "zeros", "np.zeros(-1)" },
  { "zeros", "np.zeros({2, -3})" },
  { "zeros", "np.zeros({math.floor(2 ^ 40), math.floor(2 ^ 40)})" },
  { "zeros", "np.zeros({math.floor(2 ^ 62), 4})" },
  { "zeros", "np.zeros(1e15)" },
  { "zeros", "np.zeros(2.5)" },
  { "zeros", "np.zeros('x')" },
  { "zeros", "np.zeros({2, 'x'})" },
  { "zeros", "np.zeros(3, 'float33')" },
  { "zeros", "np.zeros(3, {dtype = 'nope'})" },
  { "ones", "np.ones(-2)" },
  { "ones", "np.ones(3, 'complex256')" },
  { "ones", "np.ones({math.floor(2 ^ 32), math.floor(2 ^ 32)})" },
  { "empty", "np.empty(-1)" },
  { "empty", "np.empty({math.floor(2 ^ 40), math.floor(2 ^ 40)})" },
  { "empty", "np.empty(1e15)" },
  { "full", "np.full(-1, 0)" },
  { "full", "np.full(3, 'x')" },
  { "full", "np.full(3, {})" },
  { "full", "np.full({2, 2}, {1, 2, 3})" },
  { "zeros_like", "np.zeros_like(np.zeros(2), 'bad')" },
  { "full_like", "np.full_like(np.zeros(2), 'x')" },
  -- ranges
  { "arange", "np.arange(0, 10, 0)" },
  { "arange", "np.arange('a')" },
  { "arange", "np.arange(0, 1e300, 1e-300)" },
  { "arange", "np.arange(0, 10, 1, 'bad')" },
  { "linspace", "np.linspace(0, 1, -1)" },
  { "linspace", "np.linspace(0, 1, 2.5)" },
  { "linspace", "np.linspace('a', 1, 5)" },
  { "linspace", "np.linspace(0, 1, 5, {bogus = true})" },
  { "logspace", "np.logspace(0, 1, -3)" },
  { "geomspace", "np.geomspace(0, 1, 5)" },
  { "geomspace", "np.geomspace(1, 1, -1)" },
  { "eye", "np.eye(-1)" },
  { "eye", "np.eye(2, -3)" },
  { "identity", "np.identity(-2)" },
  { "diag", "np.diag(np.zeros({2, 2, 2}))" },
  { "diag", "np.diag(5)" },
  { "tri", "np.tri(-1)" },
  { "tril", "np.tril(5)" },
  { "meshgrid", "np.meshgrid(np.zeros(2), np.zeros(3), {indexing = 'foo'})" },
  { "fromfunction", "np.fromfunction(5, {2, 2})" },
  -- shape operations
  { "reshape", "np.arange(12):reshape(5)" },
  { "reshape", "np.reshape(np.arange(12), {5, -1})" },
  { "reshape", "np.arange(12):reshape({-1, -1})" },
  { "reshape", "np.arange(12):reshape({-2, 6})" },
  { "reshape", "np.zeros(0):reshape({0, -1})" },
  { "reshape", "np.arange(12):reshape('x')" },
  { "transpose", "np.zeros({2, 3}):transpose({1, 1})" },
  { "transpose", "np.zeros({2, 3}):transpose({1, 3})" },
  { "transpose", "np.zeros({2, 3}):transpose({1})" },
  { "swapaxes", "np.swapaxes(np.zeros({2, 3}), 1, 5)" },
  { "swapaxes", "np.swapaxes(np.zeros({2, 3}), 0, 1)" },
  { "moveaxis", "np.moveaxis(np.zeros({2, 3}), 1, 3)" },
  { "moveaxis", "np.moveaxis(np.zeros({2, 3, 4}), {1, 1}, {2, 3})" },
  { "squeeze", "np.squeeze(np.zeros({1, 3}), 2)" },
  { "squeeze", "np.squeeze(np.zeros({1, 3}), 3)" },
  { "expand_dims", "np.expand_dims(np.zeros(3), 3)" },
  { "expand_dims", "np.expand_dims(np.zeros(3), {1, 1})" },
  { "broadcast_to", "np.broadcast_to(np.zeros(3), {4})" },
  { "broadcast_to", "np.broadcast_to(np.zeros(3), {-1})" },
  { "broadcast_to", "np.broadcast_to(np.zeros(1), {2^40, 2^40, 6})" },
  { "broadcast_shapes", "np.broadcast_shapes({2}, {3})" },
  { "broadcast_arrays", "np.broadcast_arrays(np.zeros(2), np.zeros(3))" },
  -- casting, views, elements
  { "astype", "np.zeros(3):astype('bogus')" },
  { "astype", "np.zeros(3):astype()" },
  { "view", "np.zeros(3, 'int8'):view('int32')" },
  { "view", "np.zeros(3):view('nope')" },
  { "item", "np.zeros(3):item()" },
  { "item", "np.zeros(3):item(4)" },
  { "item", "np.zeros(3):item(0)" },
  { "item", "np.zeros({2, 2}):item(1, 3)" },
  { "fill", "np.zeros(3):fill('x')" },
  { "copyto", "np.copyto(np.zeros(3, 'int64'), np.zeros(3))" },
  { "copyto", "np.copyto(np.zeros(3), np.zeros(4))" },
  { "copyto", "np.copyto(5, np.zeros(3))" },
  -- ufuncs
  { "add", "np.add(np.zeros(3), 'x')" },
  { "add", "np.add(np.zeros(3))" },
  { "add", "np.add(np.zeros(3), {})" },
  { "add", "np.add(np.zeros(3), {1, {2}})" },
  { "add", "np.add(np.zeros(3), np.zeros(4))" },
  { "add", "np.add(np.zeros(3, 'int8'), 300)" },
  { "multiply", "np.multiply(np.zeros(2), print)" },
  { "subtract", "np.subtract(np.zeros(2, 'bool'), np.zeros(2, 'bool'))" },
  { "negative", "np.negative(np.zeros(2, 'bool'))" },
  { "negative", "np.negative('x')" },
  { "power", "np.power(np.array({2}), -1)" },
  { "floor_divide", "np.floor_divide(np.zeros(2, 'complex128'), 1)" },
  { "bitwise_and", "np.bitwise_and(np.zeros(2), np.zeros(2))" },
  { "invert", "np.invert(np.zeros(2))" },
  { "left_shift", "np.left_shift(np.zeros(2, 'float32'), 1)" },
  { "equal", "np.equal(np.zeros(2), np.zeros(3))" },
  { "isclose", "np.isclose(np.zeros(2), np.zeros(3))" },
  { "allclose", "np.allclose(np.zeros(2), 'x')" },
}

describe("errors: messages start with lumpy.<function>:", function()
  for _, c in ipairs(CASES) do
    it(c[2], function()
      local chunk = assert(H.load("local np = ...; return " .. c[2], "=" .. c[2], _ENV or getfenv(1)))
      H.assert_error("lumpy." .. c[1] .. ":", chunk, np)
    end)
  end
end)

describe("errors: the process survives", function()
  it("large allocation failures are errors, and memory stays usable", function()
    for _ = 1, 3 do
      H.assert_error("lumpy.zeros:", np.zeros, 1e15)
      H.assert_error("lumpy.ones:", np.ones, { math.floor(2 ^ 31), math.floor(2 ^ 31) })
    end
    local a = np.ones(1000)
    assert.are.equal(2.0, np.add(a, 1)[1000])
  end)
  it("a shape too big for memory raises even when a dimension is 0", function()
    local big, M = math.floor(2 ^ 40), math.floor(2 ^ 62)
    local shape, tmp = { 4, big, big, 0 }, os.tmpname()
    for _, c in ipairs {
      { "empty", np.empty, shape }, { "ones", np.ones, shape }, { "zeros", np.zeros, shape },
      { "full", np.full, shape, 1 },
      { "broadcast_to", np.broadcast_to, np.zeros(1), shape },
      { "reshape", np.reshape, np.zeros(0), shape },
      { "reshape", np.reshape, np.zeros(0), { big, big, -1 } },
      { "reshape", np.reshape, np.zeros(0), { 0, M } },
      { "tile", np.tile, np.zeros(0), { 4, big, big } },
      { "resize", np.resize, np.zeros(0), shape },
      { "random.RandomState.random_sample", np.random.rand, 4, big, big, 0 },
      { "random.RandomState.randint", np.random.randint, 0, 5, shape },
      { "fft.ifft", np.fft.ifft, np.zeros({ 2, 1, 0, 3 }), M },
      { "memmap", np.memmap, tmp, { mode = "w+", shape = shape } },
    } do
      local msg = H.assert_error("lumpy." .. c[1] .. ":", c[2], H.unpack(c, 3))
      H.assert_contains(msg, "too big")
    end
    os.remove(tmp)
    H.assert_error("lumpy.zeros:", np.zeros, { 0, M }, "complex128")
    local z = np.zeros({ 0, big }, "complex128")
    assert.are.same({ 0, big }, z.shape)
    assert.are.same({}, z:tolist())
  end)
  it("tri, eye and triu_indices with a huge N raise", function()
    local M = math.floor(2 ^ 62)
    H.assert_error("lumpy.tri:", np.tri, M)
    H.assert_error("lumpy.tri:", np.tri, M, 0)
    H.assert_error("lumpy.eye:", np.eye, M)
    H.assert_error("lumpy.triu_indices:", np.triu_indices, M)
    H.assert_error("lumpy.tril_indices:", np.tril_indices, M)
    assert.are.same({ { 1, 1 }, { 1, 1 } }, np.tri(2, 2, M):tolist())
  end)
  it("operators on non-arrays raise lumpy errors", function()
    local a = np.zeros(2)
    H.assert_error("lumpy.add:", function() return a + "x" end)
    H.assert_error("lumpy.add:", function() return a + {} end)
    H.assert_error("lumpy.multiply:", function() return a * print end)
  end)
end)

describe("shape, axis and data tables with keys that are not a sequence", function()
  local H = require "helper"
  local a = np.arange(6):reshape(2, 3)
  it("are errors, not options silently dropped", function()
    H.assert_error("lumpy.zeros: a shape table must be a sequence, got the key 'dtype'",
      function() return np.zeros({2, 3, dtype = "int32"}) end)
    -- (where the border # finds is 4, the hole itself is the error)
    H.assert_error("lumpy.ones:", function() return np.ones({2, [4] = 3}) end)
    H.assert_error("lumpy.reshape: a shape table must be a sequence, got the key 'order'",
      function() return a:reshape({3, 2, order = "F"}) end)
    H.assert_error("lumpy.transpose: an axes table must be a sequence",
      function() return np.transpose(a, {2, 1, x = 1}) end)
    H.assert_error("lumpy.sum: an axis table must be a sequence, got the key 'keepdims'",
      function() return np.sum(a, {1, 2, keepdims = true}, nil) end)
    H.assert_error("lumpy.sum: an axis table must be a sequence, got the key 'axis'",
      function() return np.sum(a, {axis = 2}, nil) end)
    H.assert_error("lumpy.array: a table of array data must be a sequence, got the key 'dtype'",
      function() return np.array({1, 2, 3, dtype = "float32"}) end)
    H.assert_error("lumpy.array: a table of array data must be a sequence, got the key 'x'",
      function() return np.array({{1, 2}, {3, 4, x = 1}}) end)
    H.assert_error("lumpy.array: a table of array data must be a sequence, got the key 'x'",
      function() return np.array({{}, {x = 1}}) end)
  end)
  it("tables of arrays too: an axis inside them is an error, not dropped", function()
    for _, f in ipairs { np.concatenate, np.stack, np.vstack, np.hstack, np.dstack,
                         np.column_stack, np.block } do
      H.assert_error("lumpy.", function() return f({a, a, axis = 2}) end)
    end
    H.assert_error("lumpy.concatenate: a table of arrays must be a sequence, got the key 'axis'",
      function() return np.concatenate({a, a, axis = 2}) end)
    H.assert_error("lumpy.stack: a table of arrays must be a sequence, got the key 'axis'",
      function() return np.stack({a, a, axis = 2}) end)
    H.assert_error("lumpy.lexsort: a table of keys must be a sequence, got the key 'axis'",
      function() return np.lexsort({a[1], a[2], axis = 1}) end)
    H.assert_error("lumpy.block: a list of blocks must be a sequence, got the key 'x'",
      function() return np.block({a, a, x = 1}) end)
    assert.same({2, 6}, np.concatenate({a, a}, 2).shape)
    assert.same({4, 6}, np.block({{a, a}, {a, a}}).shape)
  end)
  it("options of the reductions written in Lua read as those in C", function()
    H.assert_error("lumpy.mean: unexpected option 'axis'",
      function() return np.mean(a, {axis = 2}) end)
    H.assert_error("lumpy.sum: unexpected option 'axis'",
      function() return np.sum(a, {axis = 2}) end)
    H.assert_error("lumpy.mean: too many arguments: expected at most 4, got 8",
      function() return np.mean(a, 1, nil, nil, nil, nil, nil, 5) end)
    -- trailing nils are no arguments, as in the functions written in C
    assert.same(np.mean(a, 1):tolist(), np.mean(a, 1, nil, nil, nil, nil, nil):tolist())
  end)
  it("sequences and empty tables still work", function()
    assert.same({2, 3}, np.zeros({2, 3}).shape)
    -- sequences a table keeps in its hash part (written with explicit keys)
    assert.same({1, 2, 3}, np.array({[3] = 3, [2] = 2, [1] = 1}):tolist())
    assert.same({{1, 2}, {3, 4}}, np.array({{[2] = 2, [1] = 1}, {3, 4}}):tolist())
    assert.same({2, 3}, np.zeros({[2] = 3, [1] = 2}).shape)
    assert.same({{0, 3}, {1, 4}, {2, 5}}, np.transpose(a, {2, 1}):tolist())
    assert.same({3, 12}, np.sum(a, {2}, nil):tolist())
    assert.same(a:tolist(), np.sum(a, {}, nil):tolist())   -- NumPy's axis=()
    assert.equal(15, np.sum(a, {}))                        -- {} last: the options
  end)
end)

-- Integer extremes found by an ASan/UBSan fuzz (signed overflows, a loop of
-- 2^63 steps, a closed out); expected results worked out by hand.
describe("extreme arguments", function()
  it("bincount of the largest integer is an error, not an overflow", function()
    H.assert_error("lumpy.bincount: maximum value too large", np.bincount, {H.maxinteger})
  end)
  it("a slice step of 2^63 - 1 selects one element with a sane stride", function()
    local s = np.arange(5)[{{1, 5, H.maxinteger}}]
    assert.same({0}, s:tolist())
    assert.same({8}, s.strides)
    assert.same({0}, np.arange(5)["1:5:9223372036854775807"]:tolist())
  end)
  it("round with decimals near 2^63 ends (10^d is inf from 309 on; NumPy gives nan)", function()
    for _, d in ipairs({ H.maxinteger, H.mininteger, 400 }) do
      for _, v in ipairs(np.round(np.array({1.5, 2.25}), d):tolist()) do assert.is_true(v ~= v) end
    end
  end)
  it("a whole number beyond 64-bit integers is named as one, not as non-integral", function()
    local a = np.arange(5)
    local big = "got 1.1805916207174e%+21, beyond the 64%-bit integer range"
    for _, f in ipairs({ function() return a[2 ^ 70] end,
                         function() return a[{{1, 2 ^ 70}}] end,
                         function() return np.zeros({2 ^ 70}) end }) do
      local ok, err = pcall(f)
      assert.is_false(ok)
      assert.matches(big, err)
    end
    local ok, err = pcall(function() return a[2.5] end)
    assert.is_false(ok)
    assert.matches("got a non%-integral number", err)
  end)
  it("a closed array is refused as the out of a random draw", function()
    local g, o = np.random.default_rng(1), np.empty(3)
    o:close()
    H.assert_error("lumpy.random.Generator.random: array is closed", g.random, g, {out = o})
  end)
end)
