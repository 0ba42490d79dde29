-- lumpy/sort.lua - the parts of sorting and searching (sort, argsort, partition, searchsorted, unique, nonzero, where, set operations)
-- written in Lua, on the C primitives. Loaded by lumpy/extras.lua with the module table.

return function(np)
end
