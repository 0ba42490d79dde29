-- print_spec.lua: tostring(a) equals NumPy's str(a) for every dtype, 0-d,
-- empty, n-d and summarised arrays, float edge cases and each print option
-- (spec/fixtures/printing.lua from tools/fixtures/printing.py); str() of
-- complex scalars; np.set_printoptions / np.get_printoptions and their errors.
local H = require "helper"
local np = require "lumpy"
local fx = H.fixture("printing")

local DEFAULTS = { precision = 8, threshold = 1000, edgeitems = 3,
                   linewidth = 75, suppress = false }

local function restore() np.set_printoptions(DEFAULTS) end

-- show both texts line by line when they differ
local function same_text(expected, actual, what)
  if expected == actual then return end
  error(string.format("%s\nexpected:\n%s\nactual:\n%s", what, expected,
                      tostring(actual)), 2)
end

describe("printing: tostring(a) == NumPy's str(a)", function()
  after_each(restore)
  for _, c in ipairs(fx.cases) do
    it(c.name, function()
      local a = H.toarray(c.input)
      if c.opts then np.set_printoptions(c.opts) end
      same_text(c.expected, tostring(a), c.name)
    end)
  end
end)

describe("printing: complex scalars", function()
  for _, s in ipairs(fx.scalars) do
    it(s.expected, function()
      same_text(s.expected, tostring(np.complex(s.re, s.im)), s.expected)
    end)
  end
end)

describe("printing: views", function()
  after_each(restore)
  it("prints a non-contiguous view like its copy", function()
    local a = np.array({ 1.5, 2, 3, 4, 5, 6 }):reshape({ 2, 3 })
    local ok, v = pcall(function() return a["::-1, ::2"] end)
    if not ok then pending("slicing with steps is not available") return end
    assert.are.equal("[[4.  6. ]\n [1.5 3. ]]", tostring(v))
  end)
end)

describe("printing: options", function()
  after_each(restore)

  it("get_printoptions returns NumPy's defaults", function()
    assert.are.same(DEFAULTS, np.get_printoptions())
  end)

  it("set_printoptions changes only the options given", function()
    np.set_printoptions({ precision = 3 })
    local o = np.get_printoptions()
    assert.are.equal(3, o.precision)
    assert.are.equal(1000, o.threshold)
    assert.are.equal("[0.333 0.667]", tostring(np.array({ 1 / 3, 2 / 3 })))
    np.set_printoptions({ suppress = true, linewidth = 40 })
    o = np.get_printoptions()
    assert.are.equal(3, o.precision)
    assert.is_true(o.suppress)
    assert.are.equal(40, o.linewidth)
  end)

  it("accepts NumPy's positional order", function()
    np.set_printoptions(4, 10, 2, 60, true)
    assert.are.same({ precision = 4, threshold = 10, edgeitems = 2,
                      linewidth = 60, suppress = true }, np.get_printoptions())
    np.set_printoptions(nil, nil, 1)
    assert.are.equal(1, np.get_printoptions().edgeitems)
    assert.are.equal(4, np.get_printoptions().precision)
  end)

  it("threshold = math.huge never summarises", function()
    np.set_printoptions({ threshold = math.huge })
    assert.are.equal(math.huge, np.get_printoptions().threshold)
    local s = tostring(np.zeros(1500, "int8"))
    assert.is_nil(s:find("...", 1, true))
  end)

  it("the returned table is a copy", function()
    local o = np.get_printoptions()
    o.precision = 1
    assert.are.equal(8, np.get_printoptions().precision)
  end)

  local bad = {
    { { precision = -1 }, "precision" },
    { { precision = 1.5 }, "precision" },
    { { precision = "3" }, "precision" },
    { { edgeitems = -2 }, "edgeitems" },
    { { linewidth = -1 }, "linewidth" },
    { { linewidth = true }, "linewidth" },
    { { threshold = 0 / 0 }, "threshold" },
    { { threshold = "x" }, "threshold" },
    { { suppress = 1 }, "suppress" },
    { { foo = 1 }, "foo" },
    { { sign = "+" }, "sign" },
    { { floatmode = "fixed" }, "floatmode" },
    { { [1] = 3 }, "strings" },
  }
  for _, b in ipairs(bad) do
    local opts, word = b[1], b[2]
    it("rejects bad option " .. word, function()
      local before = np.get_printoptions()
      local msg = H.assert_error("lumpy.set_printoptions:",
                                 np.set_printoptions, opts)
      H.assert_contains(msg, word)
      assert.are.same(before, np.get_printoptions())
    end)
  end

  it("a bad value leaves every option unchanged", function()
    H.assert_error("lumpy.set_printoptions:", np.set_printoptions,
                   { precision = 2, linewidth = -5 })
    assert.are.same(DEFAULTS, np.get_printoptions())
  end)

  it("rejects too many positional arguments", function()
    H.assert_error("lumpy.set_printoptions:", np.set_printoptions,
                   1, 2, 3, 4, true, 6)
  end)
end)
