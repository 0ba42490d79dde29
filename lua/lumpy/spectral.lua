-- lumpy/spectral.lua - the pure-Lua part of np.linalg's spectral functions: svd, svdvals, eig, eigvals, eigh, eigvalsh.
-- Called once at require time with the module table and this area's
-- internal C primitives.

return function(np, internal)
end
