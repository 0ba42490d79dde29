-- lumpy/textio.lua - the parts of text and byte input/output written in Lua.

return function(np, internal)
  local _ = np, internal
end
