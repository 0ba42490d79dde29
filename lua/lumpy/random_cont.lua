-- lumpy/random_cont.lua - the Generator's continuous distributions written in Lua
-- (those composed of other methods). Called by lumpy/random.lua with the
-- Generator's method table.

return function(np, internal, methods)
  local _ = np, internal, methods
end
