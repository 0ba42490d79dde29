-- lumpy/fft.lua - the pure-Lua part of np.fft.
-- Called once at require time with the module table and this area's
-- internal C primitives.

return function(np, internal)
end
