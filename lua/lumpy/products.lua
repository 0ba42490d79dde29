-- lumpy/products.lua - the pure-Lua part of matrix products: matmul, dot, vdot, inner, outer, tensordot, kron, vecdot, matrix_transpose (np and np.linalg).
-- Called once at require time with the module table and this area's
-- internal C primitives.

return function(np, internal)
end
