-- fuzz_spec.lua - random, mostly malformed calls into the binding: index
-- strings and tables, values, shapes, dtypes and options. Errors are
-- expected; a crash, a sanitizer report (under make sanitize) or a broken
-- module afterwards fails the spec. Fixed seeds keep it repeatable.
local H = require "helper"
local np = require "lumpy"

local function fuzz(seed, iterations)
  local R = math.random
  math.randomseed(seed)
  local pieces = {"", ":", "::", "1", "-1", "0", "2:", ":3", "::2", "::-1", "5:1:-1", "...", "newaxis",
    "None", "1:1", "-100:100", "3:0:-1", "x", ",", " ", "1,2", "::0", "99999999999999999999", "-0", "+1"}
  local function rstr()
    local n, t = R(0, 5), {}
    for i = 1, n do t[i] = pieces[R(#pieces)] end
    return table.concat(t, R(2) == 1 and "," or ", ")
  end
  local function rval(d)
    local k = R(12)
    if k == 1 then return R(-5, 5) elseif k == 2 then return R() * 10 - 5
    elseif k == 3 then return true elseif k == 4 then return "s"
    elseif k == 5 then return np.complex(R(), R())
    elseif k == 6 and d < 3 then local t = {} for i = 1, R(0, 3) do t[i] = rval(d + 1) end return t
    elseif k == 7 then return np.newaxis elseif k == 8 then return np.ellipsis
    elseif k == 9 then return math.huge elseif k == 10 then return 0/0
    elseif k == 11 then return H.mininteger end
    return {}
  end
  local dtypes = {"bool","int8","int16","int32","int64","uint8","uint16","uint32","uint64","float32","float64","complex64","complex128"}
  local ops = {"add","subtract","multiply","divide","floor_divide","remainder","fmod","power","maximum","fmin",
    "equal","less","logical_xor","bitwise_and","left_shift","right_shift","negative","absolute","invert","logical_not"}
  local count = 0
  for iter = 1, iterations do
    local shape = {}
    for i = 1, R(0, 3) do shape[i] = R(0, 4) end
    local ok, a = pcall(np.arange, 1, 1 + (function() local s = 1 for _, v in ipairs(shape) do s = s * v end return s end)(), 1, dtypes[R(#dtypes)])
    if ok then
      ok, a = pcall(function() return a:reshape(shape) end)
    end
    if ok then
      local k = R(10)
      if k == 1 then pcall(function() return a[rstr()] end)
      elseif k == 2 then pcall(function() a[rstr()] = rval(0) end)
      elseif k == 3 then pcall(function() return a[rval(0)] end)
      elseif k == 4 then pcall(function() a[rval(0)] = rval(0) end)
      elseif k == 5 then pcall(function() return tostring(np[ops[R(#ops)]](a, rval(0))) end)
      elseif k == 6 then pcall(function() return np[ops[R(#ops)]](a, a:astype(dtypes[R(#dtypes)])) end)
      elseif k == 7 then pcall(function() return np.array(rval(0), dtypes[R(#dtypes)]) end)
      elseif k == 8 then
        local fns = {"zeros","ones","empty","full","arange","linspace","logspace","geomspace","eye","identity","tri","vander"}
        pcall(np[fns[R(#fns)]], rval(0), rval(0), rval(0), rval(0))
      elseif k == 9 then
        local m = {"item","view","astype","tolist","fill","reshape","flatten","copy","squeeze","swapaxes"}
        pcall(function() local f = a[m[R(#m)]]; return f(a, rval(0), rval(0)) end)
        pcall(function() return tostring(a), #a, a.T, a.real, a.imag, a.base, a.strides end)
      else
        local fns = {"transpose","squeeze","expand_dims","broadcast_to","swapaxes","moveaxis","ravel","diag","tril","copyto","full_like","eye","linspace"}
        local f = fns[R(#fns)]
        pcall(np[f], a, rval(0), rval(0))
      end
      count = count + 1
    end
  end
  return count
end

describe("fuzz", function()
  for _, seed in ipairs { 1, 2, 3, 4 } do
    it("survives random calls (seed " .. seed .. ")", function()
      local n = fuzz(seed, 4000)
      assert.is_true(n > 1000)
      -- the module still computes correctly afterwards
      local a = np.arange(6):reshape(2, 3)
      assert.same({{0, 2, 4}, {6, 8, 10}}, (a + a):tolist())
      np.set_printoptions({precision = 8, threshold = 1000, edgeitems = 3,
                           linewidth = 75, suppress = false})
    end)
  end
end)
