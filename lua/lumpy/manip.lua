-- lumpy/manip.lua - the parts of array manipulation (concatenate, stack, split, tile, repeat, flip, roll, pad, insert, delete)
-- written in Lua, on the C primitives. Loaded by lumpy/extras.lua with the module table.

return function(np)
end
