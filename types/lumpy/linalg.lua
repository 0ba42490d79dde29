---@meta lumpy.linalg
-- types/lumpy/linalg.lua - annotations for np.linalg (LAPACK-based linear algebra).

---Linear algebra on stacks of matrices `(..., M, N)`; work is done in float64 / complex128
---and cast back (float32 stays float32). Results NumPy gives as scalars are Lua numbers.
---@class lumpy.linalg
local linalg = {}

---Solve a linear system.
---NumPy: `np.linalg.solve`.
---@param a lumpy.ArrayLike coefficient matrices (..., M, M)
---@param b lumpy.ArrayLike right-hand sides (..., M) or (..., M, K)
---@return lumpy.Array # x with a @ x = b
function linalg.solve(a, b) end

---Matrix inverse.
---NumPy: `np.linalg.inv`.
---@param a lumpy.ArrayLike square matrices (..., M, M)
---@return lumpy.Array # the inverses
function linalg.inv(a) end

---Determinant.
---NumPy: `np.linalg.det`.
---@param a lumpy.ArrayLike square matrices (..., M, M)
---@return lumpy.Array|lumpy.Scalar # a Lua value for one matrix
function linalg.det(a) end

---Sign and log of the determinant (two results).
---NumPy: `np.linalg.slogdet`.
---@param a lumpy.ArrayLike square matrices (..., M, M)
---@return lumpy.Array|lumpy.Scalar sign # sign (or phase)
---@return lumpy.Array|number logabsdet # log of the absolute determinant
function linalg.slogdet(a) end

---Cholesky factorization.
---NumPy: `np.linalg.cholesky`.
---@param a lumpy.ArrayLike Hermitian positive-definite matrices
---@param opts? table options table {upper = true} for the upper factor (keyword-only, as NumPy 2)
---@return lumpy.Array # the lower (or upper) factor
function linalg.cholesky(a, opts) end

---QR factorization (two results).
---NumPy: `np.linalg.qr`.
---@param a lumpy.ArrayLike matrices (..., M, N)
---@param mode? "reduced"|"complete"|"r"|"raw"|table what to return (default "reduced"), or the options table
---@return lumpy.Array q # orthonormal factor (only r for "r")
---@return lumpy.Array? r # upper-triangular factor
function linalg.qr(a, mode) end

---Least-squares solution of a x = b (four results).
---NumPy: `np.linalg.lstsq`.
---@param a lumpy.ArrayLike coefficient matrix (M, N)
---@param b lumpy.ArrayLike right-hand sides (M,) or (M, K)
---@param rcond? number|table cut-off for small singular values, or the options table
---@return lumpy.Array x # the solution
---@return lumpy.Array residuals # squared residual norms
---@return integer rank # rank of a
---@return lumpy.Array s # singular values of a
function linalg.lstsq(a, b, rcond) end

---Solve the tensor equation a x = b for x.
---NumPy: `np.linalg.tensorsolve`.
---@param a lumpy.ArrayLike coefficient tensor
---@param b lumpy.ArrayLike right-hand tensor
---@param axes? integer[]|table 1-based axes of a moved to the end first, or the options table
---@return lumpy.Array # x
function linalg.tensorsolve(a, b, axes) end

---Inverse of an N-d array under tensordot.
---NumPy: `np.linalg.tensorinv`.
---@param a lumpy.ArrayLike tensor to invert
---@param ind? integer|table number of leading axes (default 2), or the options table
---@return lumpy.Array # the inverse
function linalg.tensorinv(a, ind) end

---Singular value decomposition (three results, or one).
---NumPy: `np.linalg.svd`.
---@param a lumpy.ArrayLike matrices (..., M, N)
---@param full_matrices? boolean|lumpy.SvdOptions full-size u and vh (default true), or the options table
---@param compute_uv? boolean compute u and vh (default true)
---@param hermitian? boolean a is Hermitian (uses eigh)
---@return lumpy.Array u # left singular vectors (or s when compute_uv is false)
---@return lumpy.Array? s # singular values, descending
---@return lumpy.Array? vh # right singular vectors
function linalg.svd(a, full_matrices, compute_uv, hermitian) end

---Singular values only.
---NumPy: `np.linalg.svdvals`.
---@param x lumpy.ArrayLike matrices (..., M, N)
---@return lumpy.Array # singular values, descending
function linalg.svdvals(x) end

---Eigenvalues and right eigenvectors of general matrices (two results).
---NumPy: `np.linalg.eig`.
---@param a lumpy.ArrayLike square matrices
---@return lumpy.Array w # eigenvalues
---@return lumpy.Array v # unit eigenvectors (columns)
function linalg.eig(a) end

---Eigenvalues of general matrices.
---NumPy: `np.linalg.eigvals`.
---@param a lumpy.ArrayLike square matrices
---@return lumpy.Array # eigenvalues
function linalg.eigvals(a) end

---Eigen-decomposition of Hermitian or symmetric matrices (two results).
---NumPy: `np.linalg.eigh`.
---@param a lumpy.ArrayLike Hermitian matrices
---@param UPLO? "L"|"U"|table triangle read (default "L"), or the options table
---@return lumpy.Array w # ascending eigenvalues
---@return lumpy.Array v # orthonormal eigenvectors
function linalg.eigh(a, UPLO) end

---Eigenvalues of Hermitian or symmetric matrices.
---NumPy: `np.linalg.eigvalsh`.
---@param a lumpy.ArrayLike Hermitian matrices
---@param UPLO? "L"|"U"|table triangle read (default "L"), or the options table
---@return lumpy.Array # ascending eigenvalues
function linalg.eigvalsh(a, UPLO) end

---Moore-Penrose pseudo-inverse.
---NumPy: `np.linalg.pinv`.
---@param a lumpy.ArrayLike matrices (..., M, N)
---@param rcond? number|table cut-off relative to the largest singular value (default 1e-15), or the options table {rtol=, rcond=, hermitian=}
---@param hermitian? boolean a is Hermitian
---@param opts? table options table {rtol=, rcond=, hermitian=}
---@return lumpy.Array # (..., N, M)
function linalg.pinv(a, rcond, hermitian, opts) end

---Rank by SVD.
---NumPy: `np.linalg.matrix_rank`.
---@param A lumpy.ArrayLike matrices
---@param tol? number|lumpy.ArrayLike|table threshold for singular values, or the options table {rtol=, tol=, hermitian=}
---@param hermitian? boolean A is Hermitian
---@param opts? table options table {rtol=, tol=, hermitian=}
---@return lumpy.Array|integer # the ranks
function linalg.matrix_rank(A, tol, hermitian, opts) end

---Condition number.
---NumPy: `np.linalg.cond`.
---@param x lumpy.ArrayLike matrices
---@param p? number|string norm order: nil/2/-2, "fro", "nuc", math.huge, -math.huge, 1, -1
---@return lumpy.Array|number # condition numbers
function linalg.cond(x, p) end

---Vector or matrix norm.
---NumPy: `np.linalg.norm`.
---@param x lumpy.ArrayLike input: array, nested table or Lua scalar
---@param ord? number|string|lumpy.NormOptions norm order (see numpy), or the options table
---@param axis? integer|integer[] an axis (vector norm) or a pair (matrix norm)
---@param keepdims? boolean keep the reduced axes with size 1
---@return lumpy.Array|number # the norms
function linalg.norm(x, ord, axis, keepdims) end

---Vector norm over the given axes (NumPy 2).
---NumPy: `np.linalg.vector_norm`.
---@param x lumpy.ArrayLike input: array, nested table or Lua scalar
---@param opts? lumpy.NormOptions options table
---@return lumpy.Array|number # the norms
function linalg.vector_norm(x, opts) end

---Matrix norm over the last two axes (NumPy 2).
---NumPy: `np.linalg.matrix_norm`.
---@param x lumpy.ArrayLike input: array, nested table or Lua scalar
---@param opts? lumpy.NormOptions options table
---@return lumpy.Array|number # the norms
function linalg.matrix_norm(x, opts) end

---Raise square matrices to an integer power.
---NumPy: `np.linalg.matrix_power`.
---@param a lumpy.ArrayLike square matrices
---@param n integer exponent (negative: of the inverse)
---@return lumpy.Array # a^n
function linalg.matrix_power(a, n) end

---Chain of matrix products in the cheapest order.
---NumPy: `np.linalg.multi_dot`.
---@param arrays lumpy.ArrayLike[] sequence of matrices (first and last may be 1-D)
---@param opts? lumpy.OutOptions options table
---@return lumpy.Array|lumpy.Scalar # the product
function linalg.multi_dot(arrays, opts) end

---Cross product of 3-element vectors (NumPy 2).
---NumPy: `np.linalg.cross`.
---@param x1 lumpy.ArrayLike 3-element vectors
---@param x2 lumpy.ArrayLike 3-element vectors
---@param opts? table options table {axis=} (default -1)
---@return lumpy.Array # cross products
function linalg.cross(x1, x2, opts) end

---Matrix product (as np.matmul).
---NumPy: `np.linalg.matmul`.
---@param x1 lumpy.ArrayLike first operand: array, nested table or Lua scalar
---@param x2 lumpy.ArrayLike second operand: array, nested table or Lua scalar
---@param opts? lumpy.OutOptions options table
---@return lumpy.Array|lumpy.Scalar # the product
function linalg.matmul(x1, x2, opts) end

---Outer product of two vectors.
---NumPy: `np.linalg.outer`.
---@param x1 lumpy.ArrayLike 1-D input
---@param x2 lumpy.ArrayLike 1-D input
---@return lumpy.Array # 2-D
function linalg.outer(x1, x2) end

---Vector dot product (as np.vecdot).
---NumPy: `np.linalg.vecdot`.
---@param x1 lumpy.ArrayLike first operand: array, nested table or Lua scalar
---@param x2 lumpy.ArrayLike second operand: array, nested table or Lua scalar
---@param opts? table options table {axis=} (default -1)
---@return lumpy.Array|lumpy.Scalar # the dot products
function linalg.vecdot(x1, x2, opts) end

---Tensor contraction (as np.tensordot).
---NumPy: `np.linalg.tensordot`.
---@param x1 lumpy.ArrayLike first operand: array, nested table or Lua scalar
---@param x2 lumpy.ArrayLike second operand: array, nested table or Lua scalar
---@param axes? integer|table N (default 2), or a pair {axes_1, axes_2} of 1-based axes
---@return lumpy.Array|lumpy.Scalar # the contraction
function linalg.tensordot(x1, x2, axes) end

---Swap the last two axes.
---NumPy: `np.linalg.matrix_transpose`.
---@param x lumpy.ArrayLike input: array, nested table or Lua scalar
---@return lumpy.Array # a view
function linalg.matrix_transpose(x) end

---Sum of the diagonal of the last two axes (NumPy 2).
---NumPy: `np.linalg.trace`.
---@param x lumpy.ArrayLike matrices (..., M, N)
---@param opts? table options table {offset=, dtype=}
---@return lumpy.Array|lumpy.Scalar # the traces
function linalg.trace(x, opts) end

---The diagonal of each matrix of a stack (the last two axes; NumPy 2).
---NumPy: `np.linalg.diagonal`.
---@param x lumpy.ArrayLike matrices (..., M, N)
---@param opts? table options table {offset=} (diagonal offset as in NumPy, default 0)
---@return lumpy.Array # a read-only view (..., K)
function linalg.diagonal(x, opts) end

return linalg
