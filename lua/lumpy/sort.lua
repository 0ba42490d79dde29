-- lumpy/sort.lua - the parts of sorting and searching written in Lua, on the
-- C primitives: select. Loaded by lumpy/extras.lua with the module table.

local U = require "lumpy.util"

return function(np)
  local named = U.named

  -- np.select(condlist, choicelist [, default = 0]): for each element, the
  -- choice of the first true condition, else default. As NumPy, the result
  -- dtype is that of the choices and the default taken as arrays (a Lua
  -- number default counts as an int64 / float64 array).
  local function select(condlist, choicelist, default)
    if default == nil then default = 0 end
    if type(condlist) ~= "table" or getmetatable(condlist) ~= nil
       or type(choicelist) ~= "table" or getmetatable(choicelist) ~= nil then
      error("lumpy.select: condlist and choicelist must be Lua sequences", 0)
    end
    local n = #condlist
    if n ~= #choicelist then
      error("lumpy.select: list of cases must be same length as list of conditions", 0)
    end
    if n == 0 then
      error("lumpy.select: select with an empty condition list is not possible", 0)
    end
    local conds, choices = {}, {}
    for i = 1, n do
      choices[i] = np.asarray(choicelist[i])
      local c = np.asarray(condlist[i])
      if c.dtype ~= np.bool then
        error(("lumpy.select: invalid entry %d in condlist: should be boolean ndarray"):format(i), 0)
      end
      conds[i] = c
    end
    local dflt = np.asarray(default)
    choices[n + 1] = dflt
    local dt = np.result_type(U.unpack(choices, 1, n + 1))
    local result = dflt:astype(dt)
    for i = n, 1, -1 do
      result = np.where(conds[i], choices[i]:astype(dt), result)
    end
    return result
  end
  np.select = named("select", select)
end
