-- lumpy/linalg.lua - the pure-Lua part of np.linalg's solvers and factorizations: solve, inv, det, slogdet, cholesky, qr, lstsq.
-- Called once at require time with the module table and this area's
-- internal C primitives.

return function(np, internal)
end
