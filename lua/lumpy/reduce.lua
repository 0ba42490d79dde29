-- lumpy/reduce.lua - the parts of reductions, statistics over axes (sum, mean, var, min, max, argmin, cumsum, nan-variants)
-- written in Lua, on the C primitives. Loaded by lumpy/extras.lua with the module table.

return function(np)
end
