-- manip_spec.lua: array manipulation (concatenate, stack and its variants,
-- block, split and its variants, tile, repeat, flip, roll, rot90, pad,
-- append, insert, delete, resize, trim_zeros) against NumPy
-- (spec/fixtures/manip.lua; each LumPy expression's NumPy call is in
-- tools/fixtures/manip.py). Also: which results are views of the inputs
-- (as NumPy's are), error messages, and inputs that must not crash.
local H = require "helper"
local np = require "lumpy"
local fx = H.fixture("manip")

-- the array that owns the memory of a (its base, or itself)
local function owner(a) return a.base or a end

local function views_input(r, env)
  if not H.isarray(r) then
    if type(r) ~= "table" or #r == 0 then return false end
    for _, x in ipairs(r) do if not views_input(x, env) then return false end end
    return true
  end
  if r.size == 0 then return false end
  for _, x in pairs(env) do
    if H.isarray(x) and rawequal(owner(r), owner(x)) then return true end
  end
  return false
end

local function run(c)
  local env = {}
  for k, x in pairs(fx.env) do env[k] = H.convert(x) end
  local chunk = H.eval(c.code, env)
  if c.expect.kind == "error" then
    local name = c.code:match("^np%.([%w_]+)%(") or c.code:match("^np%['([%w_]+)'%]")
    name = name and name:gsub("_$", "") or ""
    local msg = H.assert_error("lumpy." .. name, chunk)
    assert(msg:find("^lumpy%.[%w_]+: "), "error does not name the function: " .. msg)
    if c.msg then H.assert_contains(msg, c.msg) end
    return
  end
  local res = table.pack(chunk())
  H.check_expect(res, c.expect, 0, c.code)
  if c.view ~= nil then
    local v = views_input(res[1], env)
    if v ~= c.view then
      error(("%s: NumPy's result %s the input's memory, LumPy's %s"):format(c.code,
        c.view and "shares" or "does not share", v and "does" or "does not"))
    end
  end
end

describe("manipulation against NumPy", function()
  for _, c in ipairs(fx.cases) do
    it(c.code, function() run(c) end)
  end
end)

describe("pad's statistic modes", function()
  for _, c in ipairs(fx.stat) do
    if np.mean and np.max and np.min then
      it(c.code, function() run(c) end)
    else
      pending(c.code .. " (needs np.max, np.min, np.mean)")
    end
  end
end)
