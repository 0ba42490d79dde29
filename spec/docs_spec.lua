-- spec/docs_spec.lua - the annotation files in types/ and the tools that read
-- them (tools/lsdoc.lua, tools/gen_reference.lua): the annotations load and
-- parse, the parser refuses what it does not understand, and
-- docs/reference.md is what the generator writes. (Coverage of the exported
-- functions is tools/check_api_coverage.lua, run by `make check-docs`.)

local function root_dir()
  local src = debug.getinfo(1, "S").source
  local dir = src:sub(1, 1) == "@" and src:sub(2):match("^(.*)[/\\]spec[/\\][^/\\]*$")
  return dir or "."
end
local ROOT = root_dir()
package.path = ROOT .. "/tools/?.lua;" .. package.path
local lsdoc = require "lsdoc"
local gen = require "gen_reference"

-- parse a snippet given as lines (written to a temporary file)
local function parse(lines)
  local path = os.tmpname()
  local f = assert(io.open(path, "w"))
  f:write(table.concat(lines, "\n"), "\n")
  f:close()
  local entries, err = lsdoc.parse_file(path)
  os.remove(path)
  return entries, err
end

-- a minimal valid file, with `extra` lines before `return np`
local function file(extra)
  local lines = { "---@meta lumpy", "", "---The module.", "---@class lumpy", "local np = {}", "" }
  for _, l in ipairs(extra) do lines[#lines + 1] = l end
  lines[#lines + 1] = "return np"
  return lines
end

local function fails_with(lines, pattern)
  local entries, err = parse(lines)
  assert.is_nil(entries)
  assert.is_truthy(err:find(pattern), "expected '" .. pattern .. "' in: " .. tostring(err))
end

describe("types/ annotations", function()
  it("every file loads as Lua and parses", function()
    local files = lsdoc.files(ROOT .. "/types")
    assert.is_true(#files >= 8)
    for _, path in ipairs(files) do
      assert.is_function(loadfile(path), path)
    end
    local entries, err = lsdoc.parse_dir(ROOT .. "/types")
    assert.is_table(entries, err)
  end)

  it("every function has a description, and every parameter one", function()
    local entries = assert(lsdoc.parse_dir(ROOT .. "/types"))
    local n = 0
    for _, e in ipairs(entries) do
      if e.kind == "function" then
        n = n + 1
        assert.is_true(#e.doc.desc > 0 and e.doc.desc[1] ~= "", lsdoc.qualified(e))
        for _, p in ipairs(e.doc.params) do
          assert.is_true(p.desc ~= nil and p.desc ~= "", lsdoc.qualified(e) .. " " .. p.name)
        end
      end
    end
    assert.is_true(n > 400)
  end)

  it("covers the module, linalg, fft, random and the array class", function()
    local entries = assert(lsdoc.parse_dir(ROOT .. "/types"))
    local names = {}
    for _, e in ipairs(entries) do
      if e.kind == "function" or e.kind == "alias_of" then names[lsdoc.qualified(e)] = e end
    end
    for _, q in ipairs({ "np.zeros", "np.linalg.solve", "np.fft.rfft", "np.random.default_rng",
                         "lumpy.Array:sum", "lumpy.random.Generator:normal", "np.slowpath.capture" }) do
      assert.is_table(names[q], q)
    end
    assert.are.equal("absolute", names["np.abs"].target)
    assert.are.equal("repeat_", names['np.repeat'].target)
    assert.is_true(names["lumpy.Array:repeat"] ~= nil)
  end)

  it("docs/reference.md is what tools/gen_reference.lua writes (make docs)", function()
    local entries = assert(lsdoc.parse_dir(ROOT .. "/types"))
    local f = assert(io.open(ROOT .. "/docs/reference.md", "r"))
    local text = f:read("*a")
    f:close()
    assert.is_true(gen.render(entries) == text, "docs/reference.md is stale: run make docs")
  end)
end)

describe("tools/lsdoc.lua", function()
  it("reads functions, parameters, results, aliases, groups and keyword names", function()
    local entries = assert(parse(file({
      "-- ## Creation",
      "",
      "---Zeros.",
      "---NumPy: `np.zeros`.",
      "---@param shape integer|integer[] the sizes",
      "---@param dtype? string the dtype",
      "---@return lumpy.Array # a new array",
      "---@return number step the step",
      "function np.zeros(shape, dtype) end",
      "",
      "---Alias of zeros.",
      "np.nothing = np.zeros",
      "",
      "---Repeat.",
      "---@param a any the input",
      'np["repeat"] = function(a) end',
      "",
    })))
    local fns = {}
    for _, e in ipairs(entries) do
      if e.kind ~= "class" and e.kind ~= "group" then fns[#fns + 1] = e end
    end
    assert.are.equal(3, #fns)
    local z = fns[1]
    assert.are.equal("zeros", z.name)
    assert.are.same({ "shape", "dtype" }, z.args)
    assert.are.equal("integer|integer[]", z.doc.params[1].type)
    assert.is_true(z.doc.params[2].optional)
    assert.are.equal("the sizes", z.doc.params[1].desc)
    assert.are.equal("a new array", z.doc.returns[1].desc)
    assert.are.equal("step", z.doc.returns[2].name)
    assert.are.equal("alias_of", fns[2].kind)
    assert.are.equal("zeros", fns[2].target)
    assert.are.equal("repeat", fns[3].name)
    assert.are.equal("group", entries[2].kind)
    assert.are.equal("Creation", entries[2].title)
  end)

  it("refuses unknown tags and lines it does not understand", function()
    fails_with(file({ "---Doc.", "---@parm x any the x", "function np.f(x) end" }), "unknown tag")
    fails_with(file({ "np.f = 3" }), "not an annotation or declaration line")
    fails_with(file({ "---@class lumpy.X", "---@operator plus(number): number", "" }), "unknown operator")
    local lines = file({})
    table.remove(lines, 1)
    fails_with(lines, "first line must be ---@meta")
  end)

  it("refuses malformed or mismatched ---@param lines", function()
    fails_with(file({ "---Doc.", "---@param x", "function np.f(x) end" }), "malformed ---@param")
    fails_with(file({ "---Doc.", "---@param x any", "function np.f(x) end" }), "has no description")
    fails_with(file({ "---Doc.", "---@param y any the y", "function np.f(x) end" }), "does not match argument")
    fails_with(file({ "---Doc.", "---@param x any the x", "function np.f(x, y) end" }), "2 arguments and 1")
    fails_with(file({ "---@param x any the x", "function np.f(x) end" }), "has no description")
  end)

  it("refuses unknown types, aliases of nothing and functions on unknown tables", function()
    local path = os.tmpname()
    local dir = path .. ".d"
    assert.is_true(os.execute('mkdir -p "' .. dir .. '"') ~= false)
    local f = assert(io.open(dir .. "/lumpy.lua", "w"))
    f:write(table.concat(file({ "---Doc.", "---@param x lumpy.Nothing the x", "function np.f(x) end", "",
                                "---Alias.", "np.g = np.h", "" }), "\n"), "\n")
    f:close()
    local entries, err = lsdoc.parse_dir(dir)
    os.remove(dir .. "/lumpy.lua")
    os.remove(dir)
    os.remove(path)
    assert.is_nil(entries)
    assert.is_truthy(err:find("unknown type lumpy.Nothing", 1, true))
    assert.is_truthy(err:find("alias of unknown function h", 1, true))
    fails_with(file({ "---Doc.", "function other.f() end" }), "unknown table other")
  end)
end)

describe("tools/gen_reference.lua", function()
  it("writes a section per namespace with signatures, parameters and results", function()
    local entries = assert(parse(file({
      "---Zeros.",
      "---@param shape integer the size",
      "---@param dtype? string the dtype",
      "---@return lumpy.Array # a new array",
      "function np.zeros(shape, dtype) end",
      "",
      "---An array.",
      "---@class lumpy.Array",
      "local Array = {}",
      "",
      "---Sum.",
      "---@return number # the sum",
      "function Array:sum() end",
      "",
    })))
    local md = gen.render(entries)
    assert.is_truthy(md:find("## np\n", 1, true))
    assert.is_truthy(md:find("#### np.zeros\n", 1, true))
    assert.is_truthy(md:find("`np.zeros(shape, dtype?) -> lumpy.Array`", 1, true))
    assert.is_truthy(md:find("| `dtype` (optional) | `string` | the dtype |", 1, true))
    assert.is_truthy(md:find("## lumpy.Array methods", 1, true))
    assert.is_truthy(md:find("`lumpy.Array:sum() -> number`", 1, true))
  end)
end)
