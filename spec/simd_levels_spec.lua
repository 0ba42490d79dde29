-- simd_levels_spec.lua - the SIMD dispatch as a user sees it: np.cpu_features,
-- np.show_runtime, np.show_config, LUMPY_DISABLE_CPU_FEATURES, and every SIMD
-- level this machine supports computing the same results (within the math
-- functions' ULP bound) as each other and as NumPy. Each level runs in a
-- child process (spec/simd_child.lua), since the level is chosen once per
-- process at load time.
local H = require "helper"
local np = require "lumpy"
local fx = H.fixture("simd_levels")

-- the interpreter running these specs, for child processes
local function interpreter()
  local i, exe = -1, nil
  while arg and arg[i] do exe = arg[i]; i = i - 1 end
  return exe or "lua5.4"
end
local LUA = interpreter()

local function sh_quote(s) return "'" .. s:gsub("'", "'\\''") .. "'" end

-- run a Lua chunk in a child with LUMPY_DISABLE_CPU_FEATURES set; returns
-- its output (stdout and stderr) and whether it exited 0. The shell appends
-- the exit status as a last line: before 5.2, p:close() does not report it.
local function child(disable, args)
  local cmd = string.format("LUMPY_DISABLE_CPU_FEATURES=%s %s %s 2>&1; printf '\\n%%d\\n' $?",
    sh_quote(disable or ""), sh_quote(LUA), args)
  local p = assert(io.popen(cmd))
  local out = p:read("*a")
  p:close()
  local body, status = out:match("^(.*)\n(%d+)\n$")
  return body, status == "0"
end

local feats = np.cpu_features()
local LEVELS = H.simd_levels()

local function has(list, x)
  for _, v in ipairs(list) do if v == x then return true end end
  return false
end

describe("np.cpu_features", function()
  it("describes the build and the CPU", function()
    assert.is_string(feats.arch)
    assert.is_true(#feats.baseline > 0)
    for _, f in ipairs(feats.baseline) do
      assert.is_true(feats.detected[f], "baseline feature " .. f .. " not detected")
    end
    assert.equal(feats.baseline_level, feats.levels[1].name)
    local names = {}
    for i, l in ipairs(feats.levels) do
      names[l.name] = true
      if i > 1 then assert.is_true(has(feats.dispatch, l.name)) end
    end
    assert.is_true(names[feats.level], "running level " .. feats.level)
    for _, k in ipairs { "add", "multiply", "less", "maximum", "absolute", "sqrt",
                         "exp", "log", "sin", "cos", "tanh", "power", "cast",
                         "sum", "min", "max" } do
      assert.is_true(names[feats.kernels[k]], "kernel " .. k .. " runs at " ..
                     tostring(feats.kernels[k]))
    end
    assert.same({}, feats.disabled)
    assert.is_string(feats.tuning)
  end)

  it("show_runtime and show_config print what they report", function()
    local out = {}
    local write = io.write
    io.write = function(...) for _, s in ipairs { ... } do out[#out + 1] = s end end
    local ok, err = pcall(function() np.show_runtime(); np.show_config() end)
    io.write = write
    assert(ok, err)
    local text = table.concat(out)
    assert.truthy(text:find("baseline:   " .. feats.baseline_level, 1, true))
    assert.truthy(text:find("running:    " .. feats.level, 1, true))
    assert.truthy(text:find("tuning:     " .. (feats.tuning ~= "" and feats.tuning or "(none)"), 1, true))
    assert.truthy(text:find("exp", 1, true))
    assert.truthy(text:find("compiler:", 1, true))
    assert.truthy(text:find("-ffp-contract=off", 1, true))
    assert.truthy(text:find(_VERSION, 1, true))
  end)
end)

describe("LUMPY_DISABLE_CPU_FEATURES", function()
  local probe = "-e " .. sh_quote('local np = require "lumpy"; io.write(np.cpu_features().level)')

  it("refuses to disable a baseline feature", function()
    local f = feats.baseline[#feats.baseline]
    local out, ok = child(f, probe)
    assert.is_falsy(ok)
    assert.truthy(out:find("cannot disable '" .. f .. "': it is part of this build's baseline", 1, true), out)
  end)

  it("refuses an unknown feature name", function()
    local out, ok = child("AVX9000", probe)
    assert.is_falsy(ok)
    assert.truthy(out:find("unknown CPU feature 'AVX9000'", 1, true), out)
  end)

  it("lowers the level to each one below", function()
    for _, l in ipairs(LEVELS) do
      local out, ok = child(l.disable, probe)
      assert(ok, out)
      assert.equal(l.name, out)
    end
  end)
end)

-- agree(got, expect, ulps, what, inputs...) checks one child result (a
-- fixture array) against the expected one; a result the child left out, its
-- inputs holding integers the running Lua lacks, or one whose check needs
-- them is passed over, and the final agree() marks the test pending then.
local function agreement()
  local skipped = false
  return function(got, expect, ulps, what, ...)
    if not what then
      if skipped then H.lacks("bigints") end
      return
    end
    if not got then
      for i = 1, select("#", ...) do
        if not H.has("bigints") and H.bigints(select(i, ...)) then skipped = true; return end
      end
      error(what .. ": missing", 2)
    end
    local ok, err = pcall(function() H.assert_array_equal(H.toarray(got), expect, ulps) end)
    if not ok and H.skipped(err) then skipped = true
    else assert(ok, what .. ": " .. tostring(err)) end
  end
end

describe("every SIMD level", function()
  local MATH = {exp = true, log = true, sin = true, cos = true, tanh = true, power = true}
  local ULPS = 2    -- SLEEF's 1-ULP functions against glibc's (see docs/simd.md)
  local runs = {}
  for _, l in ipairs(LEVELS) do
    local out, ok = child(l.disable, "spec/simd_child.lua")
    assert(ok, out)
    local r = assert(H.load(out))()
    runs[#runs + 1] = r
    assert.equal(l.name, r.level)
  end

  for _, r in ipairs(runs) do
    it(r.level .. ": tails 0.." .. fx.n .. ", misaligned, strided and broadcast inputs agree", function()
      assert.same({}, r.failures)
    end)

    it(r.level .. ": matches NumPy", function()
      local agree = agreement()
      for _, c in ipairs(fx.cases) do
        local inp = fx.inputs[c.dtype]
        agree(r.results[c.fn .. "/" .. c.dtype], c.expect, MATH[c.fn] and ULPS or 0,
              c.fn .. " " .. c.dtype, inp.x, inp.y)
      end
      for _, c in ipairs(fx.casts) do
        agree(r.casts[c.from .. ">" .. c.to], c.expect, 0, c.from .. " -> " .. c.to, c.input)
      end
      agree()
    end)
  end

  it("levels agree with each other", function()
    local base = runs[1]
    local agree = agreement()
    for i = 2, #runs do
      local what = runs[i].level .. " vs " .. base.level .. ": "
      for name, got in pairs(runs[i].results) do
        local fn = name:match("^[^/]+")
        agree(got, base.results[name], MATH[fn] and ULPS or 0, what .. name)
      end
      for name, got in pairs(runs[i].casts) do
        agree(got, base.casts[name], 0, what .. name)
      end
    end
    agree()
  end)
end)
