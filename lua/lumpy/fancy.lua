-- lumpy/fancy.lua - the parts of advanced indexing functions (take, put, take_along_axis, compress, choose, ix_, index conversions)
-- written in Lua, on the C primitives. Loaded by lumpy/extras.lua with the module table.

return function(np)
end
