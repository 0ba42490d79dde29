-- lumpy/einsum.lua - the pure-Lua part of np.einsum and np.einsum_path.
-- Called once at require time with the module table and this area's
-- internal C primitives.

return function(np, internal)
end
