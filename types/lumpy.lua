---@meta lumpy
-- types/lumpy.lua - lua-language-server annotations for `require "lumpy"`:
-- the module's functions. The one source of docs/reference.md
-- (tools/gen_reference.lua) and of the coverage check (make check-docs).
-- Submodules, the array class, dtypes and option tables are in types/lumpy/.

---NumPy for Lua: n-dimensional arrays, ufuncs, reductions, sorting, linear algebra, FFT,
---random numbers and files. `local np = require "lumpy"`.
---@class lumpy
---@field __version__ string the version, e.g. "0.1.0"
---@field linalg lumpy.linalg linear algebra (np.linalg)
---@field fft lumpy.fft discrete Fourier transforms (np.fft)
---@field random lumpy.random random numbers (np.random)
---@field slowpath lumpy.slowpath counting the slow (non-SIMD) code paths
---@field lib lumpy.lib NumPy's lib namespace (np.lib.format.open_memmap)
---@field newaxis lumpy.Marker index marker: a new axis of length 1 (NumPy's None)
---@field ellipsis lumpy.Marker index marker: as many full slices as needed (NumPy's ...)
---@field pi number the constant pi, 3.141592653589793
---@field e number Euler's number, 2.718281828459045
---@field euler_gamma number the Euler-Mascheroni constant, 0.5772156649015329
---@field inf number positive infinity (math.huge)
---@field nan number a quiet NaN with the sign bit clear, as NumPy's (Lua's 0/0 may have it set)
---@field bool lumpy.DType the bool dtype object
---@field bool_ lumpy.DType the bool dtype object (NumPy 1's name)
---@field int8 lumpy.DType dtype object
---@field int16 lumpy.DType dtype object
---@field int32 lumpy.DType dtype object
---@field int64 lumpy.DType dtype object
---@field uint8 lumpy.DType dtype object
---@field uint16 lumpy.DType dtype object
---@field uint32 lumpy.DType dtype object
---@field uint64 lumpy.DType dtype object
---@field float32 lumpy.DType dtype object
---@field float64 lumpy.DType dtype object
---@field complex64 lumpy.DType dtype object
---@field complex128 lumpy.DType dtype object
local np = {}

-- ## Creation

---Create an array from nested Lua tables, scalars or arrays (a copy unless `copy = false`).
---Inferred dtype: bool < int64 < float64 < complex128.
---NumPy: `np.array`.
---@param obj lumpy.ArrayLike nested tables, numbers, booleans, complex scalars or arrays
---@param dtype? lumpy.DTypeLike|lumpy.ArrayOptions dtype name or object, or the options table
---@return lumpy.Array # a new array
function np.array(obj, dtype) end

---Convert to an array without copying when `obj` already is one of the requested dtype.
---NumPy: `np.asarray`.
---@param obj lumpy.ArrayLike nested tables, numbers, booleans, complex scalars or arrays
---@param dtype? lumpy.DTypeLike|lumpy.ArrayOptions dtype name or object, or the options table
---@return lumpy.Array # `obj` itself when already an array of that dtype
function np.asarray(obj, dtype) end

---A new array filled with zeros (default dtype float64).
---NumPy: `np.zeros`.
---@param shape lumpy.Shape sizes: a Lua sequence, or an integer for 1-D
---@param dtype? lumpy.DTypeLike|lumpy.CreationOptions dtype name or object, or the options table
---@return lumpy.Array # a new array
function np.zeros(shape, dtype) end

---A new array filled with ones.
---NumPy: `np.ones`.
---@param shape lumpy.Shape sizes: a Lua sequence, or an integer for 1-D
---@param dtype? lumpy.DTypeLike|lumpy.CreationOptions dtype name or object, or the options table
---@return lumpy.Array # a new array
function np.ones(shape, dtype) end

---A new array whose contents are undefined.
---NumPy: `np.empty`.
---@param shape lumpy.Shape sizes: a Lua sequence, or an integer for 1-D
---@param dtype? lumpy.DTypeLike|lumpy.CreationOptions dtype name or object, or the options table
---@return lumpy.Array # a new array
function np.empty(shape, dtype) end

---A new array filled with `fill_value`; the default dtype follows the value.
---NumPy: `np.full`.
---@param shape lumpy.Shape sizes: a Lua sequence, or an integer for 1-D
---@param fill_value lumpy.ArrayLike the value (broadcast into shape)
---@param dtype? lumpy.DTypeLike|lumpy.CreationOptions dtype name or object, or the options table
---@return lumpy.Array # a new array
function np.full(shape, fill_value, dtype) end

---Zeros with the shape, dtype and layout of `a`.
---NumPy: `np.zeros_like`.
---@param a lumpy.ArrayLike input array (or nested table, or Lua scalar)
---@param dtype? lumpy.DTypeLike|lumpy.LikeOptions dtype name or object, or the options table
---@return lumpy.Array # a new array
function np.zeros_like(a, dtype) end

---Ones with the shape, dtype and layout of `a`.
---NumPy: `np.ones_like`.
---@param a lumpy.ArrayLike input array (or nested table, or Lua scalar)
---@param dtype? lumpy.DTypeLike|lumpy.LikeOptions dtype name or object, or the options table
---@return lumpy.Array # a new array
function np.ones_like(a, dtype) end

---An uninitialised array with the shape, dtype and layout of `a`.
---NumPy: `np.empty_like`.
---@param a lumpy.ArrayLike input array (or nested table, or Lua scalar)
---@param dtype? lumpy.DTypeLike|lumpy.LikeOptions dtype name or object, or the options table
---@return lumpy.Array # a new array
function np.empty_like(a, dtype) end

---`fill_value` with the shape, dtype and layout of `a`.
---NumPy: `np.full_like`.
---@param a lumpy.ArrayLike input array (or nested table, or Lua scalar)
---@param fill_value lumpy.ArrayLike the value
---@param dtype? lumpy.DTypeLike|lumpy.LikeOptions dtype name or object, or the options table
---@return lumpy.Array # a new array
function np.full_like(a, fill_value, dtype) end

---Evenly spaced values in [start, stop) as NumPy (values, not positions: `np.arange(3)` is 0 1 2).
---NumPy: `np.arange`.
---@param start number start, or stop when it is the only number
---@param stop? number end (excluded)
---@param step? number spacing (default 1)
---@param dtype? lumpy.DTypeLike|lumpy.DTypeOptions dtype name or object, or the options table
---@return lumpy.Array # a 1-D array
function np.arange(start, stop, step, dtype) end

---Evenly spaced numbers over an interval.
---NumPy: `np.linspace`.
---@param start number first value
---@param stop number last value (unless endpoint = false)
---@param num? integer|lumpy.LinspaceOptions number of samples (default 50) or the options table
---@param opts? lumpy.LinspaceOptions options table
---@return lumpy.Array # the samples
---@return number? step # the spacing, with `retstep = true`
function np.linspace(start, stop, num, opts) end

---Numbers spaced evenly on a log scale.
---NumPy: `np.logspace`.
---@param start number base^start is the first value
---@param stop number base^stop is the last value
---@param num? integer|lumpy.LinspaceOptions number of samples (default 50) or the options table
---@param opts? lumpy.LinspaceOptions options table
---@return lumpy.Array # the samples
function np.logspace(start, stop, num, opts) end

---Numbers spaced evenly on a log scale, given by their end points.
---NumPy: `np.geomspace`.
---@param start number first value (not 0)
---@param stop number last value (not 0)
---@param num? integer|lumpy.LinspaceOptions number of samples (default 50) or the options table
---@param opts? lumpy.LinspaceOptions options table
---@return lumpy.Array # the samples
function np.geomspace(start, stop, num, opts) end

---A 2-D array with ones on the k-th diagonal and zeros elsewhere.
---NumPy: `np.eye`.
---@param N integer number of rows
---@param M? integer|lumpy.EyeOptions number of columns (default N) or the options table
---@param k? integer diagonal offset as in NumPy (0 main, > 0 above, < 0 below)
---@param dtype? lumpy.DTypeLike|lumpy.EyeOptions dtype name or object, or the options table
---@return lumpy.Array # a 2-D array
function np.eye(N, M, k, dtype) end

---The n x n identity matrix.
---NumPy: `np.identity`.
---@param n integer number of rows and columns
---@param dtype? lumpy.DTypeLike|lumpy.DTypeOptions dtype name or object, or the options table
---@return lumpy.Array # the identity matrix
function np.identity(n, dtype) end

---Build a diagonal matrix from a 1-D array, or extract a diagonal of a 2-D array.
---NumPy: `np.diag`.
---@param v lumpy.ArrayLike 1-D: the diagonal to place; 2-D: the matrix to read
---@param k? integer diagonal offset as in NumPy (0 main, > 0 above, < 0 below)
---@return lumpy.Array # a new 2-D array, or a read-only view of the diagonal
function np.diag(v, k) end

---A 2-D array with the flattened input on the k-th diagonal.
---NumPy: `np.diagflat`.
---@param v lumpy.ArrayLike input, flattened
---@param k? integer diagonal offset as in NumPy (0 main, > 0 above, < 0 below)
---@return lumpy.Array # a new 2-D array
function np.diagflat(v, k) end

---Ones at and below the k-th diagonal, zeros elsewhere.
---NumPy: `np.tri`.
---@param N integer number of rows
---@param M? integer|lumpy.EyeOptions number of columns (default N) or the options table
---@param k? integer diagonal offset as in NumPy (0 main, > 0 above, < 0 below)
---@param dtype? lumpy.DTypeLike|lumpy.EyeOptions dtype name or object, or the options table
---@return lumpy.Array # a 2-D array
function np.tri(N, M, k, dtype) end

---The lower triangle of the last two axes (elements above the k-th diagonal zeroed); a 1-D input
---of length n is taken as n equal rows.
---NumPy: `np.tril`.
---@param m lumpy.ArrayLike input array (or nested table)
---@param k? integer diagonal offset as in NumPy (0 main, > 0 above, < 0 below)
---@return lumpy.Array # a copy
function np.tril(m, k) end

---The upper triangle of the last two axes (elements below the k-th diagonal zeroed); a 1-D input
---of length n is taken as n equal rows.
---NumPy: `np.triu`.
---@param m lumpy.ArrayLike input array (or nested table)
---@param k? integer diagonal offset as in NumPy (0 main, > 0 above, < 0 below)
---@return lumpy.Array # a copy
function np.triu(m, k) end

---A copy of `a`, keeping its layout (order "K").
---NumPy: `np.copy`.
---@param a lumpy.ArrayLike input array (or nested table, or Lua scalar)
---@param opts? lumpy.OrderOptions options table
---@return lumpy.Array # a copy
function np.copy(a, opts) end

---Coordinate matrices from coordinate vectors.
---NumPy: `np.meshgrid`.
---@param ... lumpy.ArrayLike 1-D coordinate arrays, then optionally a lumpy.MeshgridOptions table
---@return lumpy.Array[] # a Lua sequence of arrays
function np.meshgrid(...) end

---Build an array by calling `f` on coordinate arrays (LumPy passes 1-based positions).
---NumPy: `np.fromfunction`.
---@param f fun(...: lumpy.Array): any called with one coordinate array per axis, holding 1-based positions
---@param shape lumpy.Shape sizes: a Lua sequence, or an integer for 1-D
---@param dtype? lumpy.DTypeLike|lumpy.DTypeOptions dtype name or object, or the options table
---@return any # what `f` returns
function np.fromfunction(f, shape, dtype) end

---The Vandermonde matrix of x: column j holds x^(N-j), or x^(j-1) with `increasing`.
---dtype: x's promoted with int64 (bool and integers give int64, uint64 and float32 float64).
---NumPy: `np.vander`.
---@param x lumpy.ArrayLike 1-D input
---@param N? integer|lumpy.VanderOptions number of columns (default #x), or the options table
---@param increasing? boolean|lumpy.VanderOptions powers increase from left to right (default false), or the options table
---@param opts? lumpy.VanderOptions options table
---@return lumpy.Array # a new (#x, N) array
function np.vander(x, N, increasing, opts) end

---Import a DLPack tensor without copying (see docs/c-api.md).
---NumPy: `np.from_dlpack`.
---@param x any an object with __dlpack and __dlpack_device methods (such as a lumpy array), or a DLPack capsule userdata
---@param opts? table options table `{device=, copy=}`
---@return lumpy.Array # an array sharing the tensor's memory
function np.from_dlpack(x, opts) end

-- ## Shapes and views

---Give the array a new shape with the same elements.
---NumPy: `np.reshape`.
---@param a lumpy.Array input array (or nested table, or Lua scalar)
---@param shape lumpy.Shape new sizes; one may be -1
---@param opts? lumpy.OrderOptions options table
---@return lumpy.Array # a view when the layout allows, else a copy
function np.reshape(a, shape, opts) end

---The elements as a 1-D array.
---NumPy: `np.ravel`.
---@param a lumpy.ArrayLike input array (or nested table, or Lua scalar)
---@param order? lumpy.OrderName|lumpy.OrderOptions "C" or "F" memory order, or the options table
---@return lumpy.Array # a 1-D view when contiguous, else a copy
function np.ravel(a, order) end

---Permute the axes.
---NumPy: `np.transpose`.
---@param a lumpy.ArrayLike input array (or nested table, or Lua scalar)
---@param axes? integer[] the permutation of the axes (1-based); default: reversed
---@return lumpy.Array # a view
function np.transpose(a, axes) end

---Interchange two axes.
---NumPy: `np.swapaxes`.
---@param a lumpy.ArrayLike input array (or nested table, or Lua scalar)
---@param axis1 integer first axis (1-based)
---@param axis2 integer second axis (1-based)
---@return lumpy.Array # a view
function np.swapaxes(a, axis1, axis2) end

---Move axes to new positions, the others keeping their order.
---NumPy: `np.moveaxis`.
---@param a lumpy.ArrayLike input array (or nested table, or Lua scalar)
---@param source integer|integer[] axes to move (1-based)
---@param destination integer|integer[] their new positions (1-based)
---@return lumpy.Array # a view
function np.moveaxis(a, source, destination) end

---Remove axes of length one.
---NumPy: `np.squeeze`.
---@param a lumpy.ArrayLike input array (or nested table, or Lua scalar)
---@param axis? integer|integer[] the size-1 axes to remove (default: all)
---@return lumpy.Array # a view
function np.squeeze(a, axis) end

---Insert axes of length one.
---NumPy: `np.expand_dims`.
---@param a lumpy.ArrayLike input array (or nested table, or Lua scalar)
---@param axis integer|integer[] position(s) of the new axes in the result (1-based)
---@return lumpy.Array # a view
function np.expand_dims(a, axis) end

---View inputs as arrays with at least one dimension.
---NumPy: `np.atleast_1d`.
---@param ... lumpy.ArrayLike one or more inputs
---@return lumpy.Array|lumpy.Array[] # one array, or a Lua sequence for several inputs
function np.atleast_1d(...) end

---View inputs as arrays with at least two dimensions.
---NumPy: `np.atleast_2d`.
---@param ... lumpy.ArrayLike one or more inputs
---@return lumpy.Array|lumpy.Array[] # one array, or a Lua sequence for several inputs
function np.atleast_2d(...) end

---View inputs as arrays with at least three dimensions.
---NumPy: `np.atleast_3d`.
---@param ... lumpy.ArrayLike one or more inputs
---@return lumpy.Array|lumpy.Array[] # one array, or a Lua sequence for several inputs
function np.atleast_3d(...) end

---Broadcast an array to a new shape.
---NumPy: `np.broadcast_to`.
---@param a lumpy.ArrayLike input array (or nested table, or Lua scalar)
---@param shape lumpy.Shape target shape
---@return lumpy.Array # a read-only view
function np.broadcast_to(a, shape) end

---The shape that broadcasting the given shapes together gives.
---NumPy: `np.broadcast_shapes`.
---@param ... lumpy.Shape shapes
---@return integer[] # the broadcast shape
function np.broadcast_shapes(...) end

---Broadcast arrays against each other.
---NumPy: `np.broadcast_arrays`.
---@param ... lumpy.ArrayLike arrays to broadcast together
---@return lumpy.Array[] # a Lua sequence of views
function np.broadcast_arrays(...) end

---Copy values into an existing array with broadcasting (casting "same_kind" unless asked).
---NumPy: `np.copyto`.
---@param dst lumpy.Array destination array
---@param src lumpy.ArrayLike values, broadcast into dst
---@param opts? lumpy.CastingOptions options table
function np.copyto(dst, src, opts) end

-- ## Ufuncs (elementwise functions)

---Elementwise sum, with broadcasting (the `+` operator).
---NumPy: `np.add`.
---@param x1 lumpy.ArrayLike first operand: array, nested table or Lua scalar
---@param x2 lumpy.ArrayLike second operand: array, nested table or Lua scalar
---@param out? lumpy.Array|lumpy.UfuncOptions output array, or the options table
---@return lumpy.Array|lumpy.Scalar # an array (or `out`)
---@return a Lua value for scalar inputs
function np.add(x1, x2, out) end

---Elementwise difference (the `-` operator).
---NumPy: `np.subtract`.
---@param x1 lumpy.ArrayLike first operand: array, nested table or Lua scalar
---@param x2 lumpy.ArrayLike second operand: array, nested table or Lua scalar
---@param out? lumpy.Array|lumpy.UfuncOptions output array, or the options table
---@return lumpy.Array|lumpy.Scalar # an array (or `out`)
---@return a Lua value for scalar inputs
function np.subtract(x1, x2, out) end

---Elementwise product (the `*` operator).
---NumPy: `np.multiply`.
---@param x1 lumpy.ArrayLike first operand: array, nested table or Lua scalar
---@param x2 lumpy.ArrayLike second operand: array, nested table or Lua scalar
---@param out? lumpy.Array|lumpy.UfuncOptions output array, or the options table
---@return lumpy.Array|lumpy.Scalar # an array (or `out`)
---@return a Lua value for scalar inputs
function np.multiply(x1, x2, out) end

---Elementwise true division (the `/` operator); integers and bool give float64.
---NumPy: `np.true_divide`.
---@param x1 lumpy.ArrayLike first operand: array, nested table or Lua scalar
---@param x2 lumpy.ArrayLike second operand: array, nested table or Lua scalar
---@param out? lumpy.Array|lumpy.UfuncOptions output array, or the options table
---@return lumpy.Array|lumpy.Scalar # an array (or `out`)
---@return a Lua value for scalar inputs
function np.true_divide(x1, x2, out) end

---Elementwise floor division (the `//` operator).
---NumPy: `np.floor_divide`.
---@param x1 lumpy.ArrayLike first operand: array, nested table or Lua scalar
---@param x2 lumpy.ArrayLike second operand: array, nested table or Lua scalar
---@param out? lumpy.Array|lumpy.UfuncOptions output array, or the options table
---@return lumpy.Array|lumpy.Scalar # an array (or `out`)
---@return a Lua value for scalar inputs
function np.floor_divide(x1, x2, out) end

---Elementwise remainder with the sign of the divisor (the `%` operator).
---NumPy: `np.remainder`.
---@param x1 lumpy.ArrayLike first operand: array, nested table or Lua scalar
---@param x2 lumpy.ArrayLike second operand: array, nested table or Lua scalar
---@param out? lumpy.Array|lumpy.UfuncOptions output array, or the options table
---@return lumpy.Array|lumpy.Scalar # an array (or `out`)
---@return a Lua value for scalar inputs
function np.remainder(x1, x2, out) end

---Elementwise remainder with the sign of the dividend (C's fmod).
---NumPy: `np.fmod`.
---@param x1 lumpy.ArrayLike first operand: array, nested table or Lua scalar
---@param x2 lumpy.ArrayLike second operand: array, nested table or Lua scalar
---@param out? lumpy.Array|lumpy.UfuncOptions output array, or the options table
---@return lumpy.Array|lumpy.Scalar # an array (or `out`)
---@return a Lua value for scalar inputs
function np.fmod(x1, x2, out) end

---Elementwise power (the `^` operator); an integer to a negative integer power is an error.
---NumPy: `np.power`.
---@param x1 lumpy.ArrayLike first operand: array, nested table or Lua scalar
---@param x2 lumpy.ArrayLike second operand: array, nested table or Lua scalar
---@param out? lumpy.Array|lumpy.UfuncOptions output array, or the options table
---@return lumpy.Array|lumpy.Scalar # an array (or `out`)
---@return a Lua value for scalar inputs
function np.power(x1, x2, out) end

---Elementwise power computed in float64 or complex128.
---NumPy: `np.float_power`.
---@param x1 lumpy.ArrayLike first operand: array, nested table or Lua scalar
---@param x2 lumpy.ArrayLike second operand: array, nested table or Lua scalar
---@param out? lumpy.Array|lumpy.UfuncOptions output array, or the options table
---@return lumpy.Array|lumpy.Scalar # an array (or `out`)
---@return a Lua value for scalar inputs
function np.float_power(x1, x2, out) end

---Elementwise negation (unary `-`).
---NumPy: `np.negative`.
---@param x lumpy.ArrayLike input: array, nested table or Lua scalar
---@param out? lumpy.Array|lumpy.UfuncOptions output array, or the options table
---@return lumpy.Array|lumpy.Scalar # an array (or `out`)
---@return a Lua value for scalar input
function np.negative(x, out) end

---Elementwise +x (a copy).
---NumPy: `np.positive`.
---@param x lumpy.ArrayLike input: array, nested table or Lua scalar
---@param out? lumpy.Array|lumpy.UfuncOptions output array, or the options table
---@return lumpy.Array|lumpy.Scalar # an array (or `out`)
---@return a Lua value for scalar input
function np.positive(x, out) end

---Elementwise absolute value; complex input gives float.
---NumPy: `np.absolute`.
---@param x lumpy.ArrayLike input: array, nested table or Lua scalar
---@param out? lumpy.Array|lumpy.UfuncOptions output array, or the options table
---@return lumpy.Array|lumpy.Scalar # an array (or `out`)
---@return a Lua value for scalar input
function np.absolute(x, out) end

---Elementwise maximum; NaN propagates.
---NumPy: `np.maximum`.
---@param x1 lumpy.ArrayLike first operand: array, nested table or Lua scalar
---@param x2 lumpy.ArrayLike second operand: array, nested table or Lua scalar
---@param out? lumpy.Array|lumpy.UfuncOptions output array, or the options table
---@return lumpy.Array|lumpy.Scalar # an array (or `out`)
---@return a Lua value for scalar inputs
function np.maximum(x1, x2, out) end

---Elementwise minimum; NaN propagates.
---NumPy: `np.minimum`.
---@param x1 lumpy.ArrayLike first operand: array, nested table or Lua scalar
---@param x2 lumpy.ArrayLike second operand: array, nested table or Lua scalar
---@param out? lumpy.Array|lumpy.UfuncOptions output array, or the options table
---@return lumpy.Array|lumpy.Scalar # an array (or `out`)
---@return a Lua value for scalar inputs
function np.minimum(x1, x2, out) end

---Elementwise maximum; NaN is ignored.
---NumPy: `np.fmax`.
---@param x1 lumpy.ArrayLike first operand: array, nested table or Lua scalar
---@param x2 lumpy.ArrayLike second operand: array, nested table or Lua scalar
---@param out? lumpy.Array|lumpy.UfuncOptions output array, or the options table
---@return lumpy.Array|lumpy.Scalar # an array (or `out`)
---@return a Lua value for scalar inputs
function np.fmax(x1, x2, out) end

---Elementwise minimum; NaN is ignored.
---NumPy: `np.fmin`.
---@param x1 lumpy.ArrayLike first operand: array, nested table or Lua scalar
---@param x2 lumpy.ArrayLike second operand: array, nested table or Lua scalar
---@param out? lumpy.Array|lumpy.UfuncOptions output array, or the options table
---@return lumpy.Array|lumpy.Scalar # an array (or `out`)
---@return a Lua value for scalar inputs
function np.fmin(x1, x2, out) end

---Elementwise x1 == x2, a bool array (method `a:eq(b)`).
---NumPy: `np.equal`.
---@param x1 lumpy.ArrayLike first operand: array, nested table or Lua scalar
---@param x2 lumpy.ArrayLike second operand: array, nested table or Lua scalar
---@param out? lumpy.Array|lumpy.UfuncOptions output array, or the options table
---@return lumpy.Array|lumpy.Scalar # an array (or `out`)
---@return a Lua value for scalar inputs
function np.equal(x1, x2, out) end

---Elementwise x1 ~= x2, a bool array (method `a:ne(b)`).
---NumPy: `np.not_equal`.
---@param x1 lumpy.ArrayLike first operand: array, nested table or Lua scalar
---@param x2 lumpy.ArrayLike second operand: array, nested table or Lua scalar
---@param out? lumpy.Array|lumpy.UfuncOptions output array, or the options table
---@return lumpy.Array|lumpy.Scalar # an array (or `out`)
---@return a Lua value for scalar inputs
function np.not_equal(x1, x2, out) end

---Elementwise x1 < x2, a bool array (method `a:lt(b)`).
---NumPy: `np.less`.
---@param x1 lumpy.ArrayLike first operand: array, nested table or Lua scalar
---@param x2 lumpy.ArrayLike second operand: array, nested table or Lua scalar
---@param out? lumpy.Array|lumpy.UfuncOptions output array, or the options table
---@return lumpy.Array|lumpy.Scalar # an array (or `out`)
---@return a Lua value for scalar inputs
function np.less(x1, x2, out) end

---Elementwise x1 <= x2, a bool array (method `a:le(b)`).
---NumPy: `np.less_equal`.
---@param x1 lumpy.ArrayLike first operand: array, nested table or Lua scalar
---@param x2 lumpy.ArrayLike second operand: array, nested table or Lua scalar
---@param out? lumpy.Array|lumpy.UfuncOptions output array, or the options table
---@return lumpy.Array|lumpy.Scalar # an array (or `out`)
---@return a Lua value for scalar inputs
function np.less_equal(x1, x2, out) end

---Elementwise x1 > x2, a bool array (method `a:gt(b)`).
---NumPy: `np.greater`.
---@param x1 lumpy.ArrayLike first operand: array, nested table or Lua scalar
---@param x2 lumpy.ArrayLike second operand: array, nested table or Lua scalar
---@param out? lumpy.Array|lumpy.UfuncOptions output array, or the options table
---@return lumpy.Array|lumpy.Scalar # an array (or `out`)
---@return a Lua value for scalar inputs
function np.greater(x1, x2, out) end

---Elementwise x1 >= x2, a bool array (method `a:ge(b)`).
---NumPy: `np.greater_equal`.
---@param x1 lumpy.ArrayLike first operand: array, nested table or Lua scalar
---@param x2 lumpy.ArrayLike second operand: array, nested table or Lua scalar
---@param out? lumpy.Array|lumpy.UfuncOptions output array, or the options table
---@return lumpy.Array|lumpy.Scalar # an array (or `out`)
---@return a Lua value for scalar inputs
function np.greater_equal(x1, x2, out) end

---Elementwise logical and, a bool array.
---NumPy: `np.logical_and`.
---@param x1 lumpy.ArrayLike first operand: array, nested table or Lua scalar
---@param x2 lumpy.ArrayLike second operand: array, nested table or Lua scalar
---@param out? lumpy.Array|lumpy.UfuncOptions output array, or the options table
---@return lumpy.Array|lumpy.Scalar # an array (or `out`)
---@return a Lua value for scalar inputs
function np.logical_and(x1, x2, out) end

---Elementwise logical or, a bool array.
---NumPy: `np.logical_or`.
---@param x1 lumpy.ArrayLike first operand: array, nested table or Lua scalar
---@param x2 lumpy.ArrayLike second operand: array, nested table or Lua scalar
---@param out? lumpy.Array|lumpy.UfuncOptions output array, or the options table
---@return lumpy.Array|lumpy.Scalar # an array (or `out`)
---@return a Lua value for scalar inputs
function np.logical_or(x1, x2, out) end

---Elementwise logical exclusive or, a bool array.
---NumPy: `np.logical_xor`.
---@param x1 lumpy.ArrayLike first operand: array, nested table or Lua scalar
---@param x2 lumpy.ArrayLike second operand: array, nested table or Lua scalar
---@param out? lumpy.Array|lumpy.UfuncOptions output array, or the options table
---@return lumpy.Array|lumpy.Scalar # an array (or `out`)
---@return a Lua value for scalar inputs
function np.logical_xor(x1, x2, out) end

---Elementwise logical not, a bool array.
---NumPy: `np.logical_not`.
---@param x lumpy.ArrayLike input: array, nested table or Lua scalar
---@param out? lumpy.Array|lumpy.UfuncOptions output array, or the options table
---@return lumpy.Array|lumpy.Scalar # an array (or `out`)
---@return a Lua value for scalar input
function np.logical_not(x, out) end

---Elementwise bitwise and of integers and bools (the `&` operator).
---NumPy: `np.bitwise_and`.
---@param x1 lumpy.ArrayLike first operand: array, nested table or Lua scalar
---@param x2 lumpy.ArrayLike second operand: array, nested table or Lua scalar
---@param out? lumpy.Array|lumpy.UfuncOptions output array, or the options table
---@return lumpy.Array|lumpy.Scalar # an array (or `out`)
---@return a Lua value for scalar inputs
function np.bitwise_and(x1, x2, out) end

---Elementwise bitwise or (the `|` operator).
---NumPy: `np.bitwise_or`.
---@param x1 lumpy.ArrayLike first operand: array, nested table or Lua scalar
---@param x2 lumpy.ArrayLike second operand: array, nested table or Lua scalar
---@param out? lumpy.Array|lumpy.UfuncOptions output array, or the options table
---@return lumpy.Array|lumpy.Scalar # an array (or `out`)
---@return a Lua value for scalar inputs
function np.bitwise_or(x1, x2, out) end

---Elementwise bitwise exclusive or (the binary `~` operator).
---NumPy: `np.bitwise_xor`.
---@param x1 lumpy.ArrayLike first operand: array, nested table or Lua scalar
---@param x2 lumpy.ArrayLike second operand: array, nested table or Lua scalar
---@param out? lumpy.Array|lumpy.UfuncOptions output array, or the options table
---@return lumpy.Array|lumpy.Scalar # an array (or `out`)
---@return a Lua value for scalar inputs
function np.bitwise_xor(x1, x2, out) end

---Elementwise bitwise not (unary `~`); logical not for bool.
---NumPy: `np.invert`.
---@param x lumpy.ArrayLike input: array, nested table or Lua scalar
---@param out? lumpy.Array|lumpy.UfuncOptions output array, or the options table
---@return lumpy.Array|lumpy.Scalar # an array (or `out`)
---@return a Lua value for scalar input
function np.invert(x, out) end

---Shift the bits of integers left (the `<<` operator).
---NumPy: `np.left_shift`.
---@param x1 lumpy.ArrayLike first operand: array, nested table or Lua scalar
---@param x2 lumpy.ArrayLike second operand: array, nested table or Lua scalar
---@param out? lumpy.Array|lumpy.UfuncOptions output array, or the options table
---@return lumpy.Array|lumpy.Scalar # an array (or `out`)
---@return a Lua value for scalar inputs
function np.left_shift(x1, x2, out) end

---Shift the bits of integers right, arithmetic for signed types (the `>>` operator).
---NumPy: `np.right_shift`.
---@param x1 lumpy.ArrayLike first operand: array, nested table or Lua scalar
---@param x2 lumpy.ArrayLike second operand: array, nested table or Lua scalar
---@param out? lumpy.Array|lumpy.UfuncOptions output array, or the options table
---@return lumpy.Array|lumpy.Scalar # an array (or `out`)
---@return a Lua value for scalar inputs
function np.right_shift(x1, x2, out) end

---Elementwise square root; negative reals give nan.
---NumPy: `np.sqrt`.
---@param x lumpy.ArrayLike input: array, nested table or Lua scalar
---@param out? lumpy.Array|lumpy.UfuncOptions output array, or the options table
---@return lumpy.Array|lumpy.Scalar # an array (or `out`)
---@return a Lua value for scalar input
function np.sqrt(x, out) end

---Elementwise cube root.
---NumPy: `np.cbrt`.
---@param x lumpy.ArrayLike input: array, nested table or Lua scalar
---@param out? lumpy.Array|lumpy.UfuncOptions output array, or the options table
---@return lumpy.Array|lumpy.Scalar # an array (or `out`)
---@return a Lua value for scalar input
function np.cbrt(x, out) end

---Elementwise square.
---NumPy: `np.square`.
---@param x lumpy.ArrayLike input: array, nested table or Lua scalar
---@param out? lumpy.Array|lumpy.UfuncOptions output array, or the options table
---@return lumpy.Array|lumpy.Scalar # an array (or `out`)
---@return a Lua value for scalar input
function np.square(x, out) end

---Elementwise 1/x.
---NumPy: `np.reciprocal`.
---@param x lumpy.ArrayLike input: array, nested table or Lua scalar
---@param out? lumpy.Array|lumpy.UfuncOptions output array, or the options table
---@return lumpy.Array|lumpy.Scalar # an array (or `out`)
---@return a Lua value for scalar input
function np.reciprocal(x, out) end

---Elementwise e^x.
---NumPy: `np.exp`.
---@param x lumpy.ArrayLike input: array, nested table or Lua scalar
---@param out? lumpy.Array|lumpy.UfuncOptions output array, or the options table
---@return lumpy.Array|lumpy.Scalar # an array (or `out`)
---@return a Lua value for scalar input
function np.exp(x, out) end

---Elementwise 2^x.
---NumPy: `np.exp2`.
---@param x lumpy.ArrayLike input: array, nested table or Lua scalar
---@param out? lumpy.Array|lumpy.UfuncOptions output array, or the options table
---@return lumpy.Array|lumpy.Scalar # an array (or `out`)
---@return a Lua value for scalar input
function np.exp2(x, out) end

---Elementwise e^x - 1, accurate for small x.
---NumPy: `np.expm1`.
---@param x lumpy.ArrayLike input: array, nested table or Lua scalar
---@param out? lumpy.Array|lumpy.UfuncOptions output array, or the options table
---@return lumpy.Array|lumpy.Scalar # an array (or `out`)
---@return a Lua value for scalar input
function np.expm1(x, out) end

---Elementwise natural logarithm.
---NumPy: `np.log`.
---@param x lumpy.ArrayLike input: array, nested table or Lua scalar
---@param out? lumpy.Array|lumpy.UfuncOptions output array, or the options table
---@return lumpy.Array|lumpy.Scalar # an array (or `out`)
---@return a Lua value for scalar input
function np.log(x, out) end

---Elementwise base-2 logarithm.
---NumPy: `np.log2`.
---@param x lumpy.ArrayLike input: array, nested table or Lua scalar
---@param out? lumpy.Array|lumpy.UfuncOptions output array, or the options table
---@return lumpy.Array|lumpy.Scalar # an array (or `out`)
---@return a Lua value for scalar input
function np.log2(x, out) end

---Elementwise base-10 logarithm.
---NumPy: `np.log10`.
---@param x lumpy.ArrayLike input: array, nested table or Lua scalar
---@param out? lumpy.Array|lumpy.UfuncOptions output array, or the options table
---@return lumpy.Array|lumpy.Scalar # an array (or `out`)
---@return a Lua value for scalar input
function np.log10(x, out) end

---Elementwise log(1 + x), accurate for small x.
---NumPy: `np.log1p`.
---@param x lumpy.ArrayLike input: array, nested table or Lua scalar
---@param out? lumpy.Array|lumpy.UfuncOptions output array, or the options table
---@return lumpy.Array|lumpy.Scalar # an array (or `out`)
---@return a Lua value for scalar input
function np.log1p(x, out) end

---Elementwise sine (radians).
---NumPy: `np.sin`.
---@param x lumpy.ArrayLike input: array, nested table or Lua scalar
---@param out? lumpy.Array|lumpy.UfuncOptions output array, or the options table
---@return lumpy.Array|lumpy.Scalar # an array (or `out`)
---@return a Lua value for scalar input
function np.sin(x, out) end

---Elementwise cosine (radians).
---NumPy: `np.cos`.
---@param x lumpy.ArrayLike input: array, nested table or Lua scalar
---@param out? lumpy.Array|lumpy.UfuncOptions output array, or the options table
---@return lumpy.Array|lumpy.Scalar # an array (or `out`)
---@return a Lua value for scalar input
function np.cos(x, out) end

---Elementwise tangent (radians).
---NumPy: `np.tan`.
---@param x lumpy.ArrayLike input: array, nested table or Lua scalar
---@param out? lumpy.Array|lumpy.UfuncOptions output array, or the options table
---@return lumpy.Array|lumpy.Scalar # an array (or `out`)
---@return a Lua value for scalar input
function np.tan(x, out) end

---Elementwise inverse sine.
---NumPy: `np.arcsin`.
---@param x lumpy.ArrayLike input: array, nested table or Lua scalar
---@param out? lumpy.Array|lumpy.UfuncOptions output array, or the options table
---@return lumpy.Array|lumpy.Scalar # an array (or `out`)
---@return a Lua value for scalar input
function np.arcsin(x, out) end

---Elementwise inverse cosine.
---NumPy: `np.arccos`.
---@param x lumpy.ArrayLike input: array, nested table or Lua scalar
---@param out? lumpy.Array|lumpy.UfuncOptions output array, or the options table
---@return lumpy.Array|lumpy.Scalar # an array (or `out`)
---@return a Lua value for scalar input
function np.arccos(x, out) end

---Elementwise inverse tangent.
---NumPy: `np.arctan`.
---@param x lumpy.ArrayLike input: array, nested table or Lua scalar
---@param out? lumpy.Array|lumpy.UfuncOptions output array, or the options table
---@return lumpy.Array|lumpy.Scalar # an array (or `out`)
---@return a Lua value for scalar input
function np.arctan(x, out) end

---Elementwise hyperbolic sine.
---NumPy: `np.sinh`.
---@param x lumpy.ArrayLike input: array, nested table or Lua scalar
---@param out? lumpy.Array|lumpy.UfuncOptions output array, or the options table
---@return lumpy.Array|lumpy.Scalar # an array (or `out`)
---@return a Lua value for scalar input
function np.sinh(x, out) end

---Elementwise hyperbolic cosine.
---NumPy: `np.cosh`.
---@param x lumpy.ArrayLike input: array, nested table or Lua scalar
---@param out? lumpy.Array|lumpy.UfuncOptions output array, or the options table
---@return lumpy.Array|lumpy.Scalar # an array (or `out`)
---@return a Lua value for scalar input
function np.cosh(x, out) end

---Elementwise hyperbolic tangent.
---NumPy: `np.tanh`.
---@param x lumpy.ArrayLike input: array, nested table or Lua scalar
---@param out? lumpy.Array|lumpy.UfuncOptions output array, or the options table
---@return lumpy.Array|lumpy.Scalar # an array (or `out`)
---@return a Lua value for scalar input
function np.tanh(x, out) end

---Elementwise inverse hyperbolic sine.
---NumPy: `np.arcsinh`.
---@param x lumpy.ArrayLike input: array, nested table or Lua scalar
---@param out? lumpy.Array|lumpy.UfuncOptions output array, or the options table
---@return lumpy.Array|lumpy.Scalar # an array (or `out`)
---@return a Lua value for scalar input
function np.arcsinh(x, out) end

---Elementwise inverse hyperbolic cosine.
---NumPy: `np.arccosh`.
---@param x lumpy.ArrayLike input: array, nested table or Lua scalar
---@param out? lumpy.Array|lumpy.UfuncOptions output array, or the options table
---@return lumpy.Array|lumpy.Scalar # an array (or `out`)
---@return a Lua value for scalar input
function np.arccosh(x, out) end

---Elementwise inverse hyperbolic tangent.
---NumPy: `np.arctanh`.
---@param x lumpy.ArrayLike input: array, nested table or Lua scalar
---@param out? lumpy.Array|lumpy.UfuncOptions output array, or the options table
---@return lumpy.Array|lumpy.Scalar # an array (or `out`)
---@return a Lua value for scalar input
function np.arctanh(x, out) end

---Convert angles from degrees to radians.
---NumPy: `np.deg2rad`.
---@param x lumpy.ArrayLike input: array, nested table or Lua scalar
---@param out? lumpy.Array|lumpy.UfuncOptions output array, or the options table
---@return lumpy.Array|lumpy.Scalar # an array (or `out`)
---@return a Lua value for scalar input
function np.deg2rad(x, out) end

---Convert angles from radians to degrees.
---NumPy: `np.rad2deg`.
---@param x lumpy.ArrayLike input: array, nested table or Lua scalar
---@param out? lumpy.Array|lumpy.UfuncOptions output array, or the options table
---@return lumpy.Array|lumpy.Scalar # an array (or `out`)
---@return a Lua value for scalar input
function np.rad2deg(x, out) end

---Distance from x to the nearest adjacent float (ULP).
---NumPy: `np.spacing`.
---@param x lumpy.ArrayLike input: array, nested table or Lua scalar
---@param out? lumpy.Array|lumpy.UfuncOptions output array, or the options table
---@return lumpy.Array|lumpy.Scalar # an array (or `out`)
---@return a Lua value for scalar input
function np.spacing(x, out) end

---Modified Bessel function of the first kind, order 0.
---NumPy: `np.i0`.
---@param x lumpy.ArrayLike input: array, nested table or Lua scalar
---@param out? lumpy.Array|lumpy.UfuncOptions output array, or the options table
---@return lumpy.Array|lumpy.Scalar # an array (or `out`)
---@return a Lua value for scalar input
function np.i0(x, out) end

---Elementwise floor; integers come back unchanged.
---NumPy: `np.floor`.
---@param x lumpy.ArrayLike input: array, nested table or Lua scalar
---@param out? lumpy.Array|lumpy.UfuncOptions output array, or the options table
---@return lumpy.Array|lumpy.Scalar # an array (or `out`)
---@return a Lua value for scalar input
function np.floor(x, out) end

---Elementwise ceiling; integers come back unchanged.
---NumPy: `np.ceil`.
---@param x lumpy.ArrayLike input: array, nested table or Lua scalar
---@param out? lumpy.Array|lumpy.UfuncOptions output array, or the options table
---@return lumpy.Array|lumpy.Scalar # an array (or `out`)
---@return a Lua value for scalar input
function np.ceil(x, out) end

---Elementwise truncation toward zero; integers come back unchanged.
---NumPy: `np.trunc`.
---@param x lumpy.ArrayLike input: array, nested table or Lua scalar
---@param out? lumpy.Array|lumpy.UfuncOptions output array, or the options table
---@return lumpy.Array|lumpy.Scalar # an array (or `out`)
---@return a Lua value for scalar input
function np.trunc(x, out) end

---Round toward zero; integers come back unchanged.
---NumPy: `np.fix`.
---@param x lumpy.ArrayLike input: array, nested table or Lua scalar
---@param out? lumpy.Array|lumpy.UfuncOptions output array, or the options table
---@return lumpy.Array|lumpy.Scalar # an array (or `out`)
---@return a Lua value for scalar input
function np.fix(x, out) end

---Round to the nearest integer value (ties to even), keeping the dtype.
---NumPy: `np.rint`.
---@param x lumpy.ArrayLike input: array, nested table or Lua scalar
---@param out? lumpy.Array|lumpy.UfuncOptions output array, or the options table
---@return lumpy.Array|lumpy.Scalar # an array (or `out`)
---@return a Lua value for scalar input
function np.rint(x, out) end

---Elementwise sign (-1, 0, 1; z/|z| for complex).
---NumPy: `np.sign`.
---@param x lumpy.ArrayLike input: array, nested table or Lua scalar
---@param out? lumpy.Array|lumpy.UfuncOptions output array, or the options table
---@return lumpy.Array|lumpy.Scalar # an array (or `out`)
---@return a Lua value for scalar input
function np.sign(x, out) end

---Elementwise complex conjugate.
---NumPy: `np.conjugate`.
---@param x lumpy.ArrayLike input: array, nested table or Lua scalar
---@param out? lumpy.Array|lumpy.UfuncOptions output array, or the options table
---@return lumpy.Array|lumpy.Scalar # an array (or `out`)
---@return a Lua value for scalar input
function np.conjugate(x, out) end

---True where the sign bit is set.
---NumPy: `np.signbit`.
---@param x lumpy.ArrayLike input: array, nested table or Lua scalar
---@param out? lumpy.Array|lumpy.UfuncOptions output array, or the options table
---@return lumpy.Array|lumpy.Scalar # an array (or `out`)
---@return a Lua value for scalar input
function np.signbit(x, out) end

---True where x is NaN.
---NumPy: `np.isnan`.
---@param x lumpy.ArrayLike input: array, nested table or Lua scalar
---@param out? lumpy.Array|lumpy.UfuncOptions output array, or the options table
---@return lumpy.Array|lumpy.Scalar # an array (or `out`)
---@return a Lua value for scalar input
function np.isnan(x, out) end

---True where x is positive or negative infinity.
---NumPy: `np.isinf`.
---@param x lumpy.ArrayLike input: array, nested table or Lua scalar
---@param out? lumpy.Array|lumpy.UfuncOptions output array, or the options table
---@return lumpy.Array|lumpy.Scalar # an array (or `out`)
---@return a Lua value for scalar input
function np.isinf(x, out) end

---True where x is neither infinite nor NaN.
---NumPy: `np.isfinite`.
---@param x lumpy.ArrayLike input: array, nested table or Lua scalar
---@param out? lumpy.Array|lumpy.UfuncOptions output array, or the options table
---@return lumpy.Array|lumpy.Scalar # an array (or `out`)
---@return a Lua value for scalar input
function np.isfinite(x, out) end

---True where x is positive infinity.
---NumPy: `np.isposinf`.
---@param x lumpy.ArrayLike input: array, nested table or Lua scalar
---@param out? lumpy.Array|lumpy.UfuncOptions output array, or the options table
---@return lumpy.Array|lumpy.Scalar # an array (or `out`)
---@return a Lua value for scalar input
function np.isposinf(x, out) end

---True where x is negative infinity.
---NumPy: `np.isneginf`.
---@param x lumpy.ArrayLike input: array, nested table or Lua scalar
---@param out? lumpy.Array|lumpy.UfuncOptions output array, or the options table
---@return lumpy.Array|lumpy.Scalar # an array (or `out`)
---@return a Lua value for scalar input
function np.isneginf(x, out) end

---Normalized sinc: sin(pi x) / (pi x).
---NumPy: `np.sinc`.
---@param x lumpy.ArrayLike input: array, nested table or Lua scalar
---@param out? lumpy.Array|lumpy.UfuncOptions output array, or the options table
---@return lumpy.Array|lumpy.Scalar # an array (or `out`)
---@return a Lua value for scalar input
function np.sinc(x, out) end

---The real part (a view for complex arrays).
---NumPy: `np.real`.
---@param x lumpy.ArrayLike input: array, nested table or Lua scalar
---@param out? lumpy.Array|lumpy.UfuncOptions output array, or the options table
---@return lumpy.Array|lumpy.Scalar # an array (or `out`)
---@return a Lua value for scalar input
function np.real(x, out) end

---The imaginary part (a view for complex arrays, zeros for real ones).
---NumPy: `np.imag`.
---@param x lumpy.ArrayLike input: array, nested table or Lua scalar
---@param out? lumpy.Array|lumpy.UfuncOptions output array, or the options table
---@return lumpy.Array|lumpy.Scalar # an array (or `out`)
---@return a Lua value for scalar input
function np.imag(x, out) end

---Elementwise arc tangent of x1/x2 choosing the quadrant.
---NumPy: `np.arctan2`.
---@param x1 lumpy.ArrayLike first operand: array, nested table or Lua scalar
---@param x2 lumpy.ArrayLike second operand: array, nested table or Lua scalar
---@param out? lumpy.Array|lumpy.UfuncOptions output array, or the options table
---@return lumpy.Array|lumpy.Scalar # an array (or `out`)
---@return a Lua value for scalar inputs
function np.arctan2(x1, x2, out) end

---Elementwise sqrt(x1^2 + x2^2) without undue overflow.
---NumPy: `np.hypot`.
---@param x1 lumpy.ArrayLike first operand: array, nested table or Lua scalar
---@param x2 lumpy.ArrayLike second operand: array, nested table or Lua scalar
---@param out? lumpy.Array|lumpy.UfuncOptions output array, or the options table
---@return lumpy.Array|lumpy.Scalar # an array (or `out`)
---@return a Lua value for scalar inputs
function np.hypot(x1, x2, out) end

---x1 with the sign of x2, elementwise.
---NumPy: `np.copysign`.
---@param x1 lumpy.ArrayLike first operand: array, nested table or Lua scalar
---@param x2 lumpy.ArrayLike second operand: array, nested table or Lua scalar
---@param out? lumpy.Array|lumpy.UfuncOptions output array, or the options table
---@return lumpy.Array|lumpy.Scalar # an array (or `out`)
---@return a Lua value for scalar inputs
function np.copysign(x1, x2, out) end

---The next float after x1 toward x2.
---NumPy: `np.nextafter`.
---@param x1 lumpy.ArrayLike first operand: array, nested table or Lua scalar
---@param x2 lumpy.ArrayLike second operand: array, nested table or Lua scalar
---@param out? lumpy.Array|lumpy.UfuncOptions output array, or the options table
---@return lumpy.Array|lumpy.Scalar # an array (or `out`)
---@return a Lua value for scalar inputs
function np.nextafter(x1, x2, out) end

---log(exp(x1) + exp(x2)) without overflow.
---NumPy: `np.logaddexp`.
---@param x1 lumpy.ArrayLike first operand: array, nested table or Lua scalar
---@param x2 lumpy.ArrayLike second operand: array, nested table or Lua scalar
---@param out? lumpy.Array|lumpy.UfuncOptions output array, or the options table
---@return lumpy.Array|lumpy.Scalar # an array (or `out`)
---@return a Lua value for scalar inputs
function np.logaddexp(x1, x2, out) end

---log2(2^x1 + 2^x2) without overflow.
---NumPy: `np.logaddexp2`.
---@param x1 lumpy.ArrayLike first operand: array, nested table or Lua scalar
---@param x2 lumpy.ArrayLike second operand: array, nested table or Lua scalar
---@param out? lumpy.Array|lumpy.UfuncOptions output array, or the options table
---@return lumpy.Array|lumpy.Scalar # an array (or `out`)
---@return a Lua value for scalar inputs
function np.logaddexp2(x1, x2, out) end

---Heaviside step function: 0 for x1 < 0, x2 at 0, 1 for x1 > 0.
---NumPy: `np.heaviside`.
---@param x1 lumpy.ArrayLike first operand: array, nested table or Lua scalar
---@param x2 lumpy.ArrayLike second operand: array, nested table or Lua scalar
---@param out? lumpy.Array|lumpy.UfuncOptions output array, or the options table
---@return lumpy.Array|lumpy.Scalar # an array (or `out`)
---@return a Lua value for scalar inputs
function np.heaviside(x1, x2, out) end

---Elementwise greatest common divisor of integers.
---NumPy: `np.gcd`.
---@param x1 lumpy.ArrayLike first operand: array, nested table or Lua scalar
---@param x2 lumpy.ArrayLike second operand: array, nested table or Lua scalar
---@param out? lumpy.Array|lumpy.UfuncOptions output array, or the options table
---@return lumpy.Array|lumpy.Scalar # an array (or `out`)
---@return a Lua value for scalar inputs
function np.gcd(x1, x2, out) end

---Elementwise least common multiple of integers.
---NumPy: `np.lcm`.
---@param x1 lumpy.ArrayLike first operand: array, nested table or Lua scalar
---@param x2 lumpy.ArrayLike second operand: array, nested table or Lua scalar
---@param out? lumpy.Array|lumpy.UfuncOptions output array, or the options table
---@return lumpy.Array|lumpy.Scalar # an array (or `out`)
---@return a Lua value for scalar inputs
function np.lcm(x1, x2, out) end

---x1 * 2^x2 (x2 integer), elementwise.
---NumPy: `np.ldexp`.
---@param x1 lumpy.ArrayLike first operand: array, nested table or Lua scalar
---@param x2 lumpy.ArrayLike second operand: array, nested table or Lua scalar
---@param out? lumpy.Array|lumpy.UfuncOptions output array, or the options table
---@return lumpy.Array|lumpy.Scalar # an array (or `out`)
---@return a Lua value for scalar inputs
function np.ldexp(x1, x2, out) end

---Fractional and integral parts, elementwise (two results).
---NumPy: `np.modf`.
---@param x lumpy.ArrayLike input: array, nested table or Lua scalar
---@param out? lumpy.UfuncOptions output array, or the options table
---@return lumpy.Array|number fractional # fractional parts
---@return lumpy.Array|number integral # integral parts
function np.modf(x, out) end

---Decompose into mantissa and power of two (two results).
---NumPy: `np.frexp`.
---@param x lumpy.ArrayLike input: array, nested table or Lua scalar
---@param out? lumpy.UfuncOptions output array, or the options table
---@return lumpy.Array|number mantissa # mantissas in [0.5, 1)
---@return lumpy.Array|integer exponent # int32 exponents
function np.frexp(x, out) end

---Floor quotient and remainder together (two results).
---NumPy: `np.divmod`.
---@param x1 lumpy.ArrayLike first operand: array, nested table or Lua scalar
---@param x2 lumpy.ArrayLike second operand: array, nested table or Lua scalar
---@param out? lumpy.UfuncOptions output array, or the options table
---@return lumpy.Array|lumpy.Scalar quotient # floor_divide(x1, x2)
---@return lumpy.Array|lumpy.Scalar rem # remainder(x1, x2)
function np.divmod(x1, x2, out) end

---Round to the given number of decimals (ties to even), as NumPy.
---NumPy: `np.round`.
---@param a lumpy.ArrayLike input array (or nested table, or Lua scalar)
---@param decimals? integer number of decimals (default 0; negative rounds to tens...)
---@param out? lumpy.Array output array, or the options table
---@return lumpy.Array|lumpy.Scalar # rounded values
function np.round(a, decimals, out) end

---Limit the values to [a_min, a_max].
---NumPy: `np.clip`.
---@param a lumpy.ArrayLike input array (or nested table, or Lua scalar)
---@param a_min lumpy.ArrayLike? lower bound (nil for none)
---@param a_max lumpy.ArrayLike? upper bound (nil for none)
---@param out? lumpy.Array|lumpy.UfuncOptions output array, or the options table
---@return lumpy.Array|lumpy.Scalar # clipped values
function np.clip(a, a_min, a_max, out) end

---Replace NaN with zero and infinities with large finite numbers (or the given values).
---NumPy: `np.nan_to_num`.
---@param x lumpy.ArrayLike input: array, nested table or Lua scalar
---@param opts? lumpy.NanToNumOptions options table
---@return lumpy.Array|lumpy.Scalar # the converted values
function np.nan_to_num(x, opts) end

---The angle (argument) of complex numbers.
---NumPy: `np.angle`.
---@param z lumpy.ArrayLike complex input
---@param deg? boolean return degrees instead of radians
---@return lumpy.Array|number # the arguments
function np.angle(z, deg) end

---Alias of `absolute`.
np.abs = np.absolute

---Alias of `true_divide`.
np.divide = np.true_divide

---Alias of `remainder`.
np.mod = np.remainder

---Alias of `invert`.
np.bitwise_not = np.invert

---Alias of `conjugate`.
np.conj = np.conjugate

---Alias of `deg2rad`.
np.radians = np.deg2rad

---Alias of `rad2deg`.
np.degrees = np.rad2deg

---Alias of `round`.
np.around = np.round

-- ## Equality and closeness

---True when two arrays have the same shape and elements (also `a == b`).
---NumPy: `np.array_equal`.
---@param a1 lumpy.ArrayLike first input
---@param a2 lumpy.ArrayLike second input
---@param equal_nan? boolean|{equal_nan: boolean} count NaNs as equal, or the options table
---@return boolean # same shape and equal elements
function np.array_equal(a1, a2, equal_nan) end

---Elementwise |a - b| <= atol + rtol * |b|.
---NumPy: `np.isclose`.
---@param a lumpy.ArrayLike input array (or nested table, or Lua scalar)
---@param b lumpy.ArrayLike second input array (or nested table)
---@param rtol? number|lumpy.CloseOptions relative tolerance (default 1e-05) or the options table
---@param atol? number absolute tolerance (default 1e-08)
---@param equal_nan? boolean count NaNs as equal
---@return lumpy.Array|boolean # bool array, a Lua boolean for scalars
function np.isclose(a, b, rtol, atol, equal_nan) end

---True when every element pair is close.
---NumPy: `np.allclose`.
---@param a lumpy.ArrayLike input array (or nested table, or Lua scalar)
---@param b lumpy.ArrayLike second input array (or nested table)
---@param rtol? number|lumpy.CloseOptions relative tolerance (default 1e-05) or the options table
---@param atol? number absolute tolerance (default 1e-08)
---@param equal_nan? boolean count NaNs as equal
---@return boolean # every element isclose
function np.allclose(a, b, rtol, atol, equal_nan) end

-- ## dtypes

---The dtype object for a name or object.
---NumPy: `np.dtype`.
---@param d lumpy.DTypeLike a dtype name, short code or object
---@return lumpy.DType # the dtype object
function np.dtype(d) end

---The dtype that operations on the arguments give (NumPy 2's promotion).
---NumPy: `np.result_type`.
---@param ... lumpy.ArrayLike|lumpy.DTypeLike arrays, dtypes or Lua scalars (weak, NEP 50)
---@return lumpy.DType # the promoted dtype
function np.result_type(...) end

---Promote two dtypes.
---NumPy: `np.promote_types`.
---@param type1 lumpy.DTypeLike first dtype
---@param type2 lumpy.DTypeLike second dtype
---@return lumpy.DType # the smallest dtype both cast to safely
function np.promote_types(type1, type2) end

---Whether a cast between dtypes is allowed under a casting rule.
---NumPy: `np.can_cast`.
---@param from lumpy.DTypeLike source dtype
---@param to lumpy.DTypeLike target dtype
---@param casting? lumpy.Casting rule (default "safe")
---@return boolean # whether the cast is allowed
function np.can_cast(from, to, casting) end

-- ## Printing, complex scalars, runtime and memory

---Set how arrays print; options not given keep their value.
---NumPy: `np.set_printoptions`.
---@param precision? integer|lumpy.PrintOptions digits after the point, or the options table
---@param threshold? integer element count above which output is summarised
---@param edgeitems? integer items shown at each edge when summarised
---@param linewidth? integer characters per line
---@param suppress? boolean print small floats as zero instead of scientific
function np.set_printoptions(precision, threshold, edgeitems, linewidth, suppress) end

---The current print options.
---NumPy: `np.get_printoptions`.
---@return lumpy.PrintOptions # a fresh table of the five options
function np.get_printoptions() end

---Make a complex scalar (complex128).
---NumPy: none; Python's `complex(re, im)`.
---@param re number|lumpy.Complex real part, or a complex scalar to copy
---@param im? number imaginary part (default 0)
---@return lumpy.Complex # a complex scalar
function np.complex(re, im) end

---The CPU features found, the SIMD level in use and each kernel family's level (LumPy's).
---NumPy: `np.show_runtime`.
---@return lumpy.CpuFeatures # the SIMD levels and kernels
function np.cpu_features() end

---Print the SIMD levels compiled in, the CPU features found and the level in use.
---NumPy: `np.show_runtime`.
function np.show_runtime() end

---Print (or return) the build configuration and the BLAS / LAPACK in use.
---NumPy: `np.show_config`.
---@param mode? string "dicts" to return the configuration as tables instead of printing
---@return table? # with "dicts": build, lua, blas, lapack, vector_math
function np.show_config(mode) end

---The BLAS's thread count (process-wide; LumPy's).
---NumPy: none (threadpoolctl does this for NumPy).
---@return integer # the BLAS thread count
function np.get_num_threads() end

---Set the BLAS's thread count (process-wide; LumPy's).
---NumPy: none (threadpoolctl does this for NumPy).
---@param n integer thread count for the BLAS
function np.set_num_threads(n) end

---Array memory in use and cached, and the collections LumPy ran (LumPy's).
---@return lumpy.MemoryInfo # counters of array memory
function np.memory_info() end

-- ## Reductions

---Sum of elements over the given axes (pairwise summation, as NumPy).
---NumPy: `np.sum`.
---@param a lumpy.ArrayLike input array (or nested table, or Lua scalar)
---@param axis? lumpy.Axis|lumpy.ReduceOptions axis position (1-based, negative from the end); nil or false for all axes
---@param dtype? lumpy.DTypeLike|lumpy.ReduceOptions accumulator dtype, or the options table
---@param out? lumpy.Array|lumpy.ReduceOptions output array, or the options table
---@param opts? lumpy.ReduceOptions options table
---@return lumpy.Array|lumpy.Scalar # a Lua value without an axis
function np.sum(a, axis, dtype, out, opts) end

---Product of elements over the given axes.
---NumPy: `np.prod`.
---@param a lumpy.ArrayLike input array (or nested table, or Lua scalar)
---@param axis? lumpy.Axis|lumpy.ReduceOptions axis position (1-based, negative from the end); nil or false for all axes
---@param dtype? lumpy.DTypeLike|lumpy.ReduceOptions accumulator dtype, or the options table
---@param out? lumpy.Array|lumpy.ReduceOptions output array, or the options table
---@param opts? lumpy.ReduceOptions options table
---@return lumpy.Array|lumpy.Scalar # a Lua value without an axis
function np.prod(a, axis, dtype, out, opts) end

---Minimum over the given axes; NaN propagates.
---NumPy: `np.min`.
---@param a lumpy.ArrayLike input array (or nested table, or Lua scalar)
---@param axis? lumpy.Axis|lumpy.ReduceOptions axis position (1-based, negative from the end); nil or false for all axes
---@param out? lumpy.Array|lumpy.ReduceOptions output array, or the options table
---@param opts? lumpy.ReduceOptions options table
---@return lumpy.Array|lumpy.Scalar # a Lua value without an axis
function np.min(a, axis, out, opts) end

---Maximum over the given axes; NaN propagates.
---NumPy: `np.max`.
---@param a lumpy.ArrayLike input array (or nested table, or Lua scalar)
---@param axis? lumpy.Axis|lumpy.ReduceOptions axis position (1-based, negative from the end); nil or false for all axes
---@param out? lumpy.Array|lumpy.ReduceOptions output array, or the options table
---@param opts? lumpy.ReduceOptions options table
---@return lumpy.Array|lumpy.Scalar # a Lua value without an axis
function np.max(a, axis, out, opts) end

---Range (maximum - minimum) over the given axes.
---NumPy: `np.ptp`.
---@param a lumpy.ArrayLike input array (or nested table, or Lua scalar)
---@param axis? lumpy.Axis|lumpy.ReduceOptions axis position (1-based, negative from the end); nil or false for all axes
---@param out? lumpy.Array|lumpy.ReduceOptions output array, or the options table
---@param opts? lumpy.ReduceOptions options table
---@return lumpy.Array|lumpy.Scalar # a Lua value without an axis
function np.ptp(a, axis, out, opts) end

---Position of the minimum (the first one; a NaN wins).
---NumPy: `np.argmin`.
---@param a lumpy.ArrayLike input array (or nested table, or Lua scalar)
---@param axis? integer|lumpy.ReduceOptions one axis (1-based); nil: the flattened array
---@param out? lumpy.Array|lumpy.ReduceOptions output array, or the options table
---@param opts? lumpy.ReduceOptions options table
---@return lumpy.Array|integer # 1-based positions
function np.argmin(a, axis, out, opts) end

---Position of the maximum (the first one; a NaN wins).
---NumPy: `np.argmax`.
---@param a lumpy.ArrayLike input array (or nested table, or Lua scalar)
---@param axis? integer|lumpy.ReduceOptions one axis (1-based); nil: the flattened array
---@param out? lumpy.Array|lumpy.ReduceOptions output array, or the options table
---@param opts? lumpy.ReduceOptions options table
---@return lumpy.Array|integer # 1-based positions
function np.argmax(a, axis, out, opts) end

---Whether any element is true (nonzero).
---NumPy: `np.any`.
---@param a lumpy.ArrayLike input array (or nested table, or Lua scalar)
---@param axis? lumpy.Axis|lumpy.ReduceOptions axis position (1-based, negative from the end); nil or false for all axes
---@param out? lumpy.Array|lumpy.ReduceOptions output array, or the options table
---@param opts? lumpy.ReduceOptions options table
---@return lumpy.Array|boolean # a Lua boolean without an axis
function np.any(a, axis, out, opts) end

---Whether every element is true (nonzero).
---NumPy: `np.all`.
---@param a lumpy.ArrayLike input array (or nested table, or Lua scalar)
---@param axis? lumpy.Axis|lumpy.ReduceOptions axis position (1-based, negative from the end); nil or false for all axes
---@param out? lumpy.Array|lumpy.ReduceOptions output array, or the options table
---@param opts? lumpy.ReduceOptions options table
---@return lumpy.Array|boolean # a Lua boolean without an axis
function np.all(a, axis, out, opts) end

---Count the nonzero elements.
---NumPy: `np.count_nonzero`.
---@param a lumpy.ArrayLike input array (or nested table, or Lua scalar)
---@param axis? lumpy.Axis|lumpy.ReduceOptions axis position (1-based, negative from the end); nil or false for all axes
---@param opts? lumpy.ReduceOptions options table
---@return lumpy.Array|integer # int64 counts, a Lua integer without an axis
function np.count_nonzero(a, axis, opts) end

---Arithmetic mean over the given axes.
---NumPy: `np.mean`.
---@param a lumpy.ArrayLike input array (or nested table, or Lua scalar)
---@param axis? lumpy.Axis|lumpy.ReduceOptions axis position (1-based, negative from the end); nil or false for all axes
---@param dtype? lumpy.DTypeLike|lumpy.ReduceOptions accumulator dtype, or the options table
---@param out? lumpy.Array|lumpy.ReduceOptions output array, or the options table
---@param opts? lumpy.ReduceOptions options table
---@return lumpy.Array|lumpy.Scalar # a Lua value without an axis
function np.mean(a, axis, dtype, out, opts) end

---Variance over the given axes.
---NumPy: `np.var`.
---@param a lumpy.ArrayLike input array (or nested table, or Lua scalar)
---@param axis? lumpy.Axis|lumpy.ReduceOptions axis position (1-based, negative from the end); nil or false for all axes
---@param dtype? lumpy.DTypeLike|lumpy.ReduceOptions accumulator dtype, or the options table
---@param out? lumpy.Array|lumpy.ReduceOptions output array, or the options table
---@param ddof? integer|lumpy.ReduceOptions delta degrees of freedom
---@param opts? lumpy.ReduceOptions options table
---@return lumpy.Array|number # a Lua value without an axis
function np.var(a, axis, dtype, out, ddof, opts) end

---Standard deviation over the given axes.
---NumPy: `np.std`.
---@param a lumpy.ArrayLike input array (or nested table, or Lua scalar)
---@param axis? lumpy.Axis|lumpy.ReduceOptions axis position (1-based, negative from the end); nil or false for all axes
---@param dtype? lumpy.DTypeLike|lumpy.ReduceOptions accumulator dtype, or the options table
---@param out? lumpy.Array|lumpy.ReduceOptions output array, or the options table
---@param ddof? integer|lumpy.ReduceOptions delta degrees of freedom
---@param opts? lumpy.ReduceOptions options table
---@return lumpy.Array|number # a Lua value without an axis
function np.std(a, axis, dtype, out, ddof, opts) end

---Cumulative sum along an axis.
---NumPy: `np.cumsum`.
---@param a lumpy.ArrayLike input array (or nested table, or Lua scalar)
---@param axis? integer|false|lumpy.ReduceOptions one axis (1-based); nil: the flattened array
---@param dtype? lumpy.DTypeLike|lumpy.ReduceOptions accumulator dtype, or the options table
---@param out? lumpy.Array|lumpy.ReduceOptions output array, or the options table
---@param opts? lumpy.ReduceOptions options table
---@return lumpy.Array # cumulative sums
function np.cumsum(a, axis, dtype, out, opts) end

---Cumulative product along an axis.
---NumPy: `np.cumprod`.
---@param a lumpy.ArrayLike input array (or nested table, or Lua scalar)
---@param axis? integer|false|lumpy.ReduceOptions one axis (1-based); nil: the flattened array
---@param dtype? lumpy.DTypeLike|lumpy.ReduceOptions accumulator dtype, or the options table
---@param out? lumpy.Array|lumpy.ReduceOptions output array, or the options table
---@param opts? lumpy.ReduceOptions options table
---@return lumpy.Array # cumulative products
function np.cumprod(a, axis, dtype, out, opts) end

---Sum treating NaN as zero.
---NumPy: `np.nansum`.
---@param a lumpy.ArrayLike input array (or nested table, or Lua scalar)
---@param axis? lumpy.Axis|lumpy.ReduceOptions axis position (1-based, negative from the end); nil or false for all axes
---@param dtype? lumpy.DTypeLike|lumpy.ReduceOptions accumulator dtype, or the options table
---@param out? lumpy.Array|lumpy.ReduceOptions output array, or the options table
---@param opts? lumpy.ReduceOptions options table
---@return lumpy.Array|lumpy.Scalar # a Lua value without an axis
function np.nansum(a, axis, dtype, out, opts) end

---Product treating NaN as one.
---NumPy: `np.nanprod`.
---@param a lumpy.ArrayLike input array (or nested table, or Lua scalar)
---@param axis? lumpy.Axis|lumpy.ReduceOptions axis position (1-based, negative from the end); nil or false for all axes
---@param dtype? lumpy.DTypeLike|lumpy.ReduceOptions accumulator dtype, or the options table
---@param out? lumpy.Array|lumpy.ReduceOptions output array, or the options table
---@param opts? lumpy.ReduceOptions options table
---@return lumpy.Array|lumpy.Scalar # a Lua value without an axis
function np.nanprod(a, axis, dtype, out, opts) end

---Minimum ignoring NaN (an all-NaN slice gives NaN).
---NumPy: `np.nanmin`.
---@param a lumpy.ArrayLike input array (or nested table, or Lua scalar)
---@param axis? lumpy.Axis|lumpy.ReduceOptions axis position (1-based, negative from the end); nil or false for all axes
---@param out? lumpy.Array|lumpy.ReduceOptions output array, or the options table
---@param opts? lumpy.ReduceOptions options table
---@return lumpy.Array|lumpy.Scalar # a Lua value without an axis
function np.nanmin(a, axis, out, opts) end

---Maximum ignoring NaN (an all-NaN slice gives NaN).
---NumPy: `np.nanmax`.
---@param a lumpy.ArrayLike input array (or nested table, or Lua scalar)
---@param axis? lumpy.Axis|lumpy.ReduceOptions axis position (1-based, negative from the end); nil or false for all axes
---@param out? lumpy.Array|lumpy.ReduceOptions output array, or the options table
---@param opts? lumpy.ReduceOptions options table
---@return lumpy.Array|lumpy.Scalar # a Lua value without an axis
function np.nanmax(a, axis, out, opts) end

---Position of the minimum ignoring NaN (an all-NaN slice is an error).
---NumPy: `np.nanargmin`.
---@param a lumpy.ArrayLike input array (or nested table, or Lua scalar)
---@param axis? integer|lumpy.ReduceOptions one axis (1-based); nil: the flattened array
---@param out? lumpy.Array|lumpy.ReduceOptions output array, or the options table
---@param opts? lumpy.ReduceOptions options table
---@return lumpy.Array|integer # 1-based positions
function np.nanargmin(a, axis, out, opts) end

---Position of the maximum ignoring NaN (an all-NaN slice is an error).
---NumPy: `np.nanargmax`.
---@param a lumpy.ArrayLike input array (or nested table, or Lua scalar)
---@param axis? integer|lumpy.ReduceOptions one axis (1-based); nil: the flattened array
---@param out? lumpy.Array|lumpy.ReduceOptions output array, or the options table
---@param opts? lumpy.ReduceOptions options table
---@return lumpy.Array|integer # 1-based positions
function np.nanargmax(a, axis, out, opts) end

---Mean ignoring NaN.
---NumPy: `np.nanmean`.
---@param a lumpy.ArrayLike input array (or nested table, or Lua scalar)
---@param axis? lumpy.Axis|lumpy.ReduceOptions axis position (1-based, negative from the end); nil or false for all axes
---@param dtype? lumpy.DTypeLike|lumpy.ReduceOptions accumulator dtype, or the options table
---@param out? lumpy.Array|lumpy.ReduceOptions output array, or the options table
---@param opts? lumpy.ReduceOptions options table
---@return lumpy.Array|lumpy.Scalar # a Lua value without an axis
function np.nanmean(a, axis, dtype, out, opts) end

---Variance ignoring NaN.
---NumPy: `np.nanvar`.
---@param a lumpy.ArrayLike input array (or nested table, or Lua scalar)
---@param axis? lumpy.Axis|lumpy.ReduceOptions axis position (1-based, negative from the end); nil or false for all axes
---@param dtype? lumpy.DTypeLike|lumpy.ReduceOptions accumulator dtype, or the options table
---@param out? lumpy.Array|lumpy.ReduceOptions output array, or the options table
---@param ddof? integer|lumpy.ReduceOptions delta degrees of freedom
---@param opts? lumpy.ReduceOptions options table
---@return lumpy.Array|number # a Lua value without an axis
function np.nanvar(a, axis, dtype, out, ddof, opts) end

---Standard deviation ignoring NaN.
---NumPy: `np.nanstd`.
---@param a lumpy.ArrayLike input array (or nested table, or Lua scalar)
---@param axis? lumpy.Axis|lumpy.ReduceOptions axis position (1-based, negative from the end); nil or false for all axes
---@param dtype? lumpy.DTypeLike|lumpy.ReduceOptions accumulator dtype, or the options table
---@param out? lumpy.Array|lumpy.ReduceOptions output array, or the options table
---@param ddof? integer|lumpy.ReduceOptions delta degrees of freedom
---@param opts? lumpy.ReduceOptions options table
---@return lumpy.Array|number # a Lua value without an axis
function np.nanstd(a, axis, dtype, out, ddof, opts) end

---Cumulative sum treating NaN as zero.
---NumPy: `np.nancumsum`.
---@param a lumpy.ArrayLike input array (or nested table, or Lua scalar)
---@param axis? integer|false|lumpy.ReduceOptions one axis (1-based); nil: the flattened array
---@param dtype? lumpy.DTypeLike|lumpy.ReduceOptions accumulator dtype, or the options table
---@param out? lumpy.Array|lumpy.ReduceOptions output array, or the options table
---@param opts? lumpy.ReduceOptions options table
---@return lumpy.Array # cumulative sums
function np.nancumsum(a, axis, dtype, out, opts) end

---Cumulative product treating NaN as one.
---NumPy: `np.nancumprod`.
---@param a lumpy.ArrayLike input array (or nested table, or Lua scalar)
---@param axis? integer|false|lumpy.ReduceOptions one axis (1-based); nil: the flattened array
---@param dtype? lumpy.DTypeLike|lumpy.ReduceOptions accumulator dtype, or the options table
---@param out? lumpy.Array|lumpy.ReduceOptions output array, or the options table
---@param opts? lumpy.ReduceOptions options table
---@return lumpy.Array # cumulative products
function np.nancumprod(a, axis, dtype, out, opts) end

---The diagonal of the 2-D sub-arrays given by axis1 and axis2.
---NumPy: `np.diagonal`.
---@param a lumpy.ArrayLike input array (or nested table, or Lua scalar)
---@param offset? integer diagonal offset as in NumPy (0 main, > 0 above, < 0 below)
---@param axis1? integer first axis of the 2-D sub-arrays (1-based; default 1)
---@param axis2? integer second axis of the 2-D sub-arrays (1-based; default 2)
---@return lumpy.Array # a read-only view
function np.diagonal(a, offset, axis1, axis2) end

---Sum along a diagonal.
---NumPy: `np.trace`.
---@param a lumpy.ArrayLike input array (or nested table, or Lua scalar)
---@param offset? integer diagonal offset as in NumPy (0 main, > 0 above, < 0 below)
---@param axis1? integer first axis of the 2-D sub-arrays (1-based; default 1)
---@param axis2? integer second axis of the 2-D sub-arrays (1-based; default 2)
---@param dtype? lumpy.DTypeLike accumulator dtype
---@param out? lumpy.Array output array, or the options table
---@return lumpy.Array|lumpy.Scalar # a Lua value for 2-D input
function np.trace(a, offset, axis1, axis2, dtype, out) end

---Alias of `min`.
np.amin = np.min

---Alias of `max`.
np.amax = np.max

-- ## Sorting, searching and sets

---Sorted copy of an array (NaN last).
---NumPy: `np.sort`.
---@param a lumpy.ArrayLike input array (or nested table, or Lua scalar)
---@param axis? integer|false|lumpy.SortOptions axis (default -1); false: the flattened array; or the options table
---@param kind? lumpy.SortKind algorithm name
---@return lumpy.Array # a sorted copy
function np.sort(a, axis, kind) end

---Positions that would sort the array.
---NumPy: `np.argsort`.
---@param a lumpy.ArrayLike input array (or nested table, or Lua scalar)
---@param axis? integer|false|lumpy.SortOptions axis (default -1); false: the flattened array; or the options table
---@param kind? lumpy.SortKind algorithm name
---@return lumpy.Array # int64 1-based positions
function np.argsort(a, axis, kind) end

---Stable indirect sort by several keys.
---NumPy: `np.lexsort`.
---@param keys lumpy.Array[]|lumpy.Array sequence of key arrays (the last is the primary key)
---@param axis? integer axis position (1-based, negative from the end); nil or false for all axes
---@return lumpy.Array|integer # int64 1-based positions
function np.lexsort(keys, axis) end

---Partial sort: the kth element in its sorted place, smaller before, larger after.
---NumPy: `np.partition`.
---@param a lumpy.ArrayLike input array (or nested table, or Lua scalar)
---@param kth integer|integer[] 1-based position(s) that end up where a sort puts them
---@param axis? integer|false|lumpy.SortOptions axis (default -1)
---@param kind? string only "introselect"
---@return lumpy.Array # a partitioned copy
function np.partition(a, kth, axis, kind) end

---Positions that would partition the array.
---NumPy: `np.argpartition`.
---@param a lumpy.ArrayLike input array (or nested table, or Lua scalar)
---@param kth integer|integer[] 1-based position(s)
---@param axis? integer|false|lumpy.SortOptions axis (default -1)
---@param kind? string only "introselect"
---@return lumpy.Array # int64 1-based positions
function np.argpartition(a, kth, axis, kind) end

---Where values would be inserted to keep `a` sorted.
---NumPy: `np.searchsorted`.
---@param a lumpy.ArrayLike sorted 1-D input
---@param v lumpy.ArrayLike values to insert
---@param side? "left"|"right"|table which of equal positions (default "left"), or the options table
---@param sorter? lumpy.ArrayLike 1-based positions that sort `a`
---@return lumpy.Array|integer # 1-based insertion positions
function np.searchsorted(a, v, side, sorter) end

---Sorted unique elements, optionally with first positions, inverse and counts (multiple results).
---NumPy: `np.unique`.
---@param a lumpy.ArrayLike input array (or nested table, or Lua scalar)
---@param return_index? boolean|lumpy.UniqueOptions also return first positions, or the options table
---@param return_inverse? boolean also return the inverse positions
---@param return_counts? boolean also return the counts
---@param axis? integer axis to take unique sub-arrays along (default: flattened)
---@param opts? lumpy.UniqueOptions options table
---@return lumpy.Array values # sorted unique values
---@return lumpy.Array? ... # the requested extras in NumPy's order
function np.unique(a, return_index, return_inverse, return_counts, axis, opts) end

---Positions of the nonzero elements (multiple results).
---NumPy: `np.nonzero`.
---@param a lumpy.ArrayLike input array (or nested table, or Lua scalar)
---@return lumpy.Array ... # one int64 array of 1-based positions per dimension
function np.nonzero(a) end

---Positions of the nonzero elements, one row each.
---NumPy: `np.argwhere`.
---@param a lumpy.ArrayLike input array (or nested table, or Lua scalar)
---@return lumpy.Array # int64 (count, ndim) of 1-based positions
function np.argwhere(a) end

---Positions of the nonzero elements in the flattened array.
---NumPy: `np.flatnonzero`.
---@param a lumpy.ArrayLike input array (or nested table, or Lua scalar)
---@return lumpy.Array # int64 1-based positions
function np.flatnonzero(a) end

---Choose elements from x or y by condition; with one argument, np.nonzero.
---NumPy: `np.where`.
---@param condition lumpy.ArrayLike bool mask
---@param x? lumpy.ArrayLike values where true
---@param y? lumpy.ArrayLike values where false
---@return lumpy.Array ... # the chosen elements
---@return with only `condition`: as np.nonzero
function np.where(condition, x, y) end

---Elements from the choice of the first true condition.
---NumPy: `np.select`.
---@param condlist lumpy.ArrayLike[] sequence of bool arrays
---@param choicelist lumpy.ArrayLike[] sequence of choices
---@param default? lumpy.ArrayLike value where no condition holds (default 0)
---@return lumpy.Array # the chosen elements
function np.select(condlist, choicelist, default) end

---Elements of the flattened array where the condition holds.
---NumPy: `np.extract`.
---@param condition lumpy.ArrayLike mask (nonzero = take)
---@param arr lumpy.ArrayLike input array
---@return lumpy.Array # 1-D
function np.extract(condition, arr) end

---Set elements where the mask is true, in place.
---NumPy: `np.place`.
---@param arr lumpy.Array array changed in place
---@param mask lumpy.ArrayLike where to write
---@param vals lumpy.ArrayLike values, repeated as needed
function np.place(arr, mask, vals) end

---Whether each element is in test_elements.
---NumPy: `np.isin`.
---@param element lumpy.ArrayLike values to test
---@param test_elements lumpy.ArrayLike values to look for
---@param assume_unique? boolean|table inputs are unique, or the options table
---@param invert? boolean return the negation
---@return lumpy.Array # bool, element's shape
function np.isin(element, test_elements, assume_unique, invert) end

---Sorted common values of two arrays.
---NumPy: `np.intersect1d`.
---@param ar1 lumpy.ArrayLike first input
---@param ar2 lumpy.ArrayLike second input
---@param assume_unique? boolean|table inputs are unique, or the options table
---@param return_indices? boolean also return 1-based first positions
---@return lumpy.Array # sorted common values
---@return lumpy.Array? i1 # positions in ar1
---@return lumpy.Array? i2 # positions in ar2
function np.intersect1d(ar1, ar2, assume_unique, return_indices) end

---Sorted unique values in either array.
---NumPy: `np.union1d`.
---@param ar1 lumpy.ArrayLike first input
---@param ar2 lumpy.ArrayLike second input
---@return lumpy.Array # sorted 1-D
function np.union1d(ar1, ar2) end

---Values of ar1 not in ar2.
---NumPy: `np.setdiff1d`.
---@param ar1 lumpy.ArrayLike first input
---@param ar2 lumpy.ArrayLike second input
---@param assume_unique? boolean inputs are unique
---@return lumpy.Array # 1-D
function np.setdiff1d(ar1, ar2, assume_unique) end

---Values in exactly one of the arrays.
---NumPy: `np.setxor1d`.
---@param ar1 lumpy.ArrayLike first input
---@param ar2 lumpy.ArrayLike second input
---@param assume_unique? boolean inputs are unique
---@return lumpy.Array # sorted 1-D
function np.setxor1d(ar1, ar2, assume_unique) end

-- ## Indexing helpers

---Elements at the given positions along an axis.
---NumPy: `np.take`.
---@param a lumpy.ArrayLike input array (or nested table, or Lua scalar)
---@param indices lumpy.ArrayLike 1-based positions (integer, sequence or integer array)
---@param axis? integer|false|table axis (1-based); nil: the flattened array; or the options table
---@param out? lumpy.Array|table output array, or the options table
---@param mode? lumpy.IndexMode "raise" (default), "wrap" or "clip"
---@return lumpy.Array|lumpy.Scalar # the elements
function np.take(a, indices, axis, out, mode) end

---Set elements at flat positions, in place.
---NumPy: `np.put`.
---@param a lumpy.Array array changed in place
---@param ind lumpy.ArrayLike 1-based flat positions
---@param v lumpy.ArrayLike values, repeated as needed
---@param mode? lumpy.IndexMode "raise" (default), "wrap" or "clip"
function np.put(a, ind, v, mode) end

---Take values by matching 1-D positions along an axis.
---NumPy: `np.take_along_axis`.
---@param arr lumpy.ArrayLike input array
---@param indices lumpy.ArrayLike 1-based positions, broadcast along the other axes
---@param axis integer|false axis (false: flattened)
---@return lumpy.Array # the elements
function np.take_along_axis(arr, indices, axis) end

---Put values by matching 1-D positions along an axis.
---NumPy: `np.put_along_axis`.
---@param arr lumpy.Array array changed in place
---@param indices lumpy.ArrayLike 1-based positions
---@param values lumpy.ArrayLike values to put
---@param axis integer|false axis (false: flattened)
function np.put_along_axis(arr, indices, values, axis) end

---Slices where the condition is true along an axis.
---NumPy: `np.compress`.
---@param condition lumpy.ArrayLike 1-D selector
---@param a lumpy.ArrayLike input array (or nested table, or Lua scalar)
---@param axis? integer|false axis position (1-based, negative from the end); nil or false for all axes
---@param out? lumpy.Array output array, or the options table
---@return lumpy.Array # the selected slices
function np.compress(condition, a, axis, out) end

---Build an array from choice numbers and a list of arrays.
---NumPy: `np.choose`.
---@param a lumpy.ArrayLike choice numbers 1..n
---@param choices lumpy.ArrayLike[]|lumpy.Array sequence of arrays to choose from
---@param out? lumpy.Array|table output array, or the options table
---@param mode? lumpy.IndexMode "raise" (default), "wrap" or "clip"
---@return lumpy.Array # the chosen elements
function np.choose(a, choices, out, mode) end

---An open mesh from sequences, for cross-product indexing (multiple results).
---NumPy: `np.ix_`.
---@param ... lumpy.ArrayLike 1-D sequences of positions or booleans
---@return lumpy.Array ... # one array per argument
function np.ix_(...) end

---Flat positions from per-axis positions.
---NumPy: `np.ravel_multi_index`.
---@param multi_index lumpy.ArrayLike[] sequence of 1-based position arrays
---@param dims lumpy.Shape the shape
---@param mode? lumpy.IndexMode|lumpy.IndexMode[] "raise" (default), "wrap" or "clip"
---@param order? lumpy.OrderName "C" or "F" memory order, or the options table
---@return lumpy.Array|integer # flat 1-based positions
function np.ravel_multi_index(multi_index, dims, mode, order) end

---Per-axis positions from flat positions (multiple results).
---NumPy: `np.unravel_index`.
---@param indices lumpy.ArrayLike flat 1-based positions
---@param shape lumpy.Shape the shape
---@param order? lumpy.OrderName "C" or "F" memory order, or the options table
---@return lumpy.Array|integer ... # one result per dimension
function np.unravel_index(indices, shape, order) end

---A grid of 1-based positions.
---NumPy: `np.indices`.
---@param dimensions lumpy.Shape the grid's shape
---@param dtype? lumpy.DTypeLike dtype name or object, or the options table
---@param sparse? boolean one broadcastable array per dimension instead
---@return lumpy.Array ... # a {#dims, ...} array of positions, or one per dimension
function np.indices(dimensions, dtype, sparse) end

---Positions of the main diagonal (multiple results).
---NumPy: `np.diag_indices`.
---@param n integer size of each dimension
---@param ndim? integer number of dimensions (default 2)
---@return lumpy.Array ... # ndim copies of 1..n
function np.diag_indices(n, ndim) end

---Positions of the main diagonal of an array (multiple results).
---NumPy: `np.diag_indices_from`.
---@param arr lumpy.Array an array with equal dimensions
---@return lumpy.Array ... # ndim copies of 1..n
function np.diag_indices_from(arr) end

---Positions of the lower triangle (two results).
---NumPy: `np.tril_indices`.
---@param n integer number of rows
---@param k? integer diagonal offset as in NumPy (0 main, > 0 above, < 0 below)
---@param m? integer number of columns (default n)
---@return lumpy.Array rows
---@return lumpy.Array cols
function np.tril_indices(n, k, m) end

---Positions of the upper triangle (two results).
---NumPy: `np.triu_indices`.
---@param n integer number of rows
---@param k? integer diagonal offset as in NumPy (0 main, > 0 above, < 0 below)
---@param m? integer number of columns (default n)
---@return lumpy.Array rows
---@return lumpy.Array cols
function np.triu_indices(n, k, m) end

---Positions of the lower triangle of an array (two results).
---NumPy: `np.tril_indices_from`.
---@param arr lumpy.Array a 2-D array
---@param k? integer diagonal offset as in NumPy (0 main, > 0 above, < 0 below)
---@return lumpy.Array rows
---@return lumpy.Array cols
function np.tril_indices_from(arr, k) end

---Positions of the upper triangle of an array (two results).
---NumPy: `np.triu_indices_from`.
---@param arr lumpy.Array a 2-D array
---@param k? integer diagonal offset as in NumPy (0 main, > 0 above, < 0 below)
---@return lumpy.Array rows
---@return lumpy.Array cols
function np.triu_indices_from(arr, k) end

-- ## Joining, splitting and rearranging

---Join arrays along an existing axis.
---NumPy: `np.concatenate`.
---@param arrays lumpy.ArrayLike[]|lumpy.Array Lua sequence of arrays (or tables / scalars)
---@param axis? integer|false|lumpy.ConcatOptions axis (default 1); false flattens; or the options table
---@param opts? lumpy.ConcatOptions options table
---@return lumpy.Array # a new array (or `out`)
function np.concatenate(arrays, axis, opts) end

---Join arrays along a new axis.
---NumPy: `np.stack`.
---@param arrays lumpy.ArrayLike[] Lua sequence of arrays (or tables / scalars)
---@param axis? integer|lumpy.ConcatOptions position of the new axis in the result (default 1)
---@param opts? lumpy.ConcatOptions options table
---@return lumpy.Array # a new array
function np.stack(arrays, axis, opts) end

---Stack arrays vertically (along axis 1 after atleast_2d).
---NumPy: `np.vstack`.
---@param arrays lumpy.ArrayLike[] Lua sequence of arrays (or tables / scalars)
---@param opts? lumpy.ConcatOptions options table
---@return lumpy.Array # a new array
function np.vstack(arrays, opts) end

---Stack arrays horizontally (axis 2; axis 1 for 1-D).
---NumPy: `np.hstack`.
---@param arrays lumpy.ArrayLike[] Lua sequence of arrays (or tables / scalars)
---@param opts? lumpy.ConcatOptions options table
---@return lumpy.Array # a new array
function np.hstack(arrays, opts) end

---Stack arrays along axis 3 after atleast_3d.
---NumPy: `np.dstack`.
---@param arrays lumpy.ArrayLike[] Lua sequence of arrays (or tables / scalars)
---@return lumpy.Array # a new array
function np.dstack(arrays) end

---Stack 1-D arrays as columns.
---NumPy: `np.column_stack`.
---@param arrays lumpy.ArrayLike[] Lua sequence of arrays (or tables / scalars)
---@return lumpy.Array # a new 2-D array
function np.column_stack(arrays) end

---Assemble an array from nested blocks.
---NumPy: `np.block`.
---@param arrays table nested Lua sequences of arrays and scalars
---@return lumpy.Array # a new array
function np.block(arrays) end

---Split into pieces (an integer must divide the axis evenly).
---NumPy: `np.split`.
---@param a lumpy.ArrayLike input array (or nested table, or Lua scalar)
---@param indices_or_sections integer|integer[] number of equal pieces, or 1-based positions where pieces start
---@param axis? integer axis position (1-based, negative from the end); nil or false for all axes
---@return lumpy.Array[] # a Lua sequence of views
function np.split(a, indices_or_sections, axis) end

---Split into pieces that may differ in length by one.
---NumPy: `np.array_split`.
---@param a lumpy.ArrayLike input array (or nested table, or Lua scalar)
---@param indices_or_sections integer|integer[] number of pieces, or 1-based positions where pieces start
---@param axis? integer axis position (1-based, negative from the end); nil or false for all axes
---@return lumpy.Array[] # a Lua sequence of views
function np.array_split(a, indices_or_sections, axis) end

---Split along axis 2 (axis 1 for 1-D).
---NumPy: `np.hsplit`.
---@param a lumpy.ArrayLike input array (or nested table, or Lua scalar)
---@param indices_or_sections integer|integer[] pieces or 1-based start positions
---@return lumpy.Array[] # a Lua sequence of views
function np.hsplit(a, indices_or_sections) end

---Split along axis 1.
---NumPy: `np.vsplit`.
---@param a lumpy.ArrayLike input array (or nested table, or Lua scalar)
---@param indices_or_sections integer|integer[] pieces or 1-based start positions
---@return lumpy.Array[] # a Lua sequence of views
function np.vsplit(a, indices_or_sections) end

---Split along axis 3.
---NumPy: `np.dsplit`.
---@param a lumpy.ArrayLike input array (or nested table, or Lua scalar)
---@param indices_or_sections integer|integer[] pieces or 1-based start positions
---@return lumpy.Array[] # a Lua sequence of views
function np.dsplit(a, indices_or_sections) end

---Repeat the whole array.
---NumPy: `np.tile`.
---@param a lumpy.ArrayLike input array (or nested table, or Lua scalar)
---@param reps integer|integer[] repetitions per axis
---@return lumpy.Array # a new array
function np.tile(a, reps) end

---Repeat each element (`np["repeat"]` is the same function).
---NumPy: `np.repeat`.
---@param a lumpy.ArrayLike input array (or nested table, or Lua scalar)
---@param repeats integer|integer[] a count, or one per element along axis
---@param axis? integer axis (default: flattened)
---@return lumpy.Array # a new array
function np.repeat_(a, repeats, axis) end

---Alias of `repeat_` (`np["repeat"]`: `repeat` is a Lua keyword).
np["repeat"] = np.repeat_

---Reverse the order of elements along axes.
---NumPy: `np.flip`.
---@param m lumpy.ArrayLike input array (or nested table)
---@param axis? integer|integer[] axes to reverse (default: all)
---@return lumpy.Array # a view
function np.flip(m, axis) end

---Reverse along axis 2.
---NumPy: `np.fliplr`.
---@param m lumpy.ArrayLike input array (or nested table)
---@return lumpy.Array # a view
function np.fliplr(m) end

---Reverse along axis 1.
---NumPy: `np.flipud`.
---@param m lumpy.ArrayLike input array (or nested table)
---@return lumpy.Array # a view
function np.flipud(m) end

---Roll elements along axes, wrapping around.
---NumPy: `np.roll`.
---@param a lumpy.ArrayLike input array (or nested table, or Lua scalar)
---@param shift integer|integer[] elements to shift by
---@param axis? integer|integer[] axes (default: the flattened array)
---@return lumpy.Array # a new array
function np.roll(a, shift, axis) end

---Rotate by 90 degrees in a plane.
---NumPy: `np.rot90`.
---@param m lumpy.ArrayLike input array (or nested table)
---@param k? integer number of quarter turns (default 1)
---@param axes? integer[] the plane, a pair of axes (default {1, 2})
---@return lumpy.Array # a view
function np.rot90(m, k, axes) end

---Pad an array.
---NumPy: `np.pad`.
---@param array lumpy.ArrayLike input array
---@param pad_width integer|integer[]|integer[][] n, {before, after} or one pair per axis
---@param mode? lumpy.PadMode|lumpy.PadOptions padding mode (default "constant"), or the options table
---@param opts? lumpy.PadOptions options table
---@return lumpy.Array # a new array
function np.pad(array, pad_width, mode, opts) end

---Append values to the end.
---NumPy: `np.append`.
---@param arr lumpy.ArrayLike input array
---@param values lumpy.ArrayLike values to append
---@param axis? integer axis (default: both flattened)
---@return lumpy.Array # a new array
function np.append(arr, values, axis) end

---Insert values before the given positions.
---NumPy: `np.insert`.
---@param arr lumpy.ArrayLike input array
---@param obj integer|string|lumpy.ArrayLike 1-based position(s) before which to insert, or a slice string
---@param values lumpy.ArrayLike values to insert
---@param axis? integer axis (default: flattened)
---@return lumpy.Array # a new array
function np.insert(arr, obj, values, axis) end

---Remove elements or sub-arrays.
---NumPy: `np.delete`.
---@param arr lumpy.ArrayLike input array
---@param obj integer|string|lumpy.ArrayLike 1-based position(s), a slice string or a bool mask
---@param axis? integer axis (default: flattened)
---@return lumpy.Array # a new array
function np.delete(arr, obj, axis) end

---A new array of the given shape, repeating the elements as needed.
---NumPy: `np.resize`.
---@param a lumpy.ArrayLike input array (or nested table, or Lua scalar)
---@param new_shape lumpy.Shape the new shape
---@return lumpy.Array # a new array
function np.resize(a, new_shape) end

---Trim leading and/or trailing zeros.
---NumPy: `np.trim_zeros`.
---@param filt lumpy.ArrayLike input array
---@param trim? string "f" (front), "b" (back) or "fb" (default)
---@return lumpy.Array # a view
function np.trim_zeros(filt, trim) end

---Alias of `vstack`.
np.row_stack = np.vstack

-- ## Statistics

---Median along the given axes.
---NumPy: `np.median`.
---@param a lumpy.ArrayLike input array (or nested table, or Lua scalar)
---@param axis? lumpy.Axis|lumpy.StatOptions axis position (1-based, negative from the end); nil or false for all axes
---@param opts? lumpy.StatOptions options table
---@return lumpy.Array|number # a Lua value without an axis
function np.median(a, axis, opts) end

---Median ignoring NaN.
---NumPy: `np.nanmedian`.
---@param a lumpy.ArrayLike input array (or nested table, or Lua scalar)
---@param axis? lumpy.Axis|lumpy.StatOptions axis position (1-based, negative from the end); nil or false for all axes
---@param opts? lumpy.StatOptions options table
---@return lumpy.Array|number # a Lua value without an axis
function np.nanmedian(a, axis, opts) end

---Quantiles along the given axes (13 methods, default "linear").
---NumPy: `np.quantile`.
---@param a lumpy.ArrayLike input array (or nested table, or Lua scalar)
---@param q number|lumpy.ArrayLike quantile(s) in [0, 1]
---@param axis? lumpy.Axis|lumpy.StatOptions axis position (1-based, negative from the end); nil or false for all axes
---@param opts? lumpy.StatOptions options table
---@return lumpy.Array|number # q's dimensions first
function np.quantile(a, q, axis, opts) end

---Quantiles ignoring NaN.
---NumPy: `np.nanquantile`.
---@param a lumpy.ArrayLike input array (or nested table, or Lua scalar)
---@param q number|lumpy.ArrayLike quantile(s) in [0, 1]
---@param axis? lumpy.Axis|lumpy.StatOptions axis position (1-based, negative from the end); nil or false for all axes
---@param opts? lumpy.StatOptions options table
---@return lumpy.Array|number # q's dimensions first
function np.nanquantile(a, q, axis, opts) end

---Percentiles along the given axes.
---NumPy: `np.percentile`.
---@param a lumpy.ArrayLike input array (or nested table, or Lua scalar)
---@param q number|lumpy.ArrayLike percentile(s) in [0, 100]
---@param axis? lumpy.Axis|lumpy.StatOptions axis position (1-based, negative from the end); nil or false for all axes
---@param opts? lumpy.StatOptions options table
---@return lumpy.Array|number # q's dimensions first
function np.percentile(a, q, axis, opts) end

---Percentiles ignoring NaN.
---NumPy: `np.nanpercentile`.
---@param a lumpy.ArrayLike input array (or nested table, or Lua scalar)
---@param q number|lumpy.ArrayLike percentile(s) in [0, 100]
---@param axis? lumpy.Axis|lumpy.StatOptions axis position (1-based, negative from the end); nil or false for all axes
---@param opts? lumpy.StatOptions options table
---@return lumpy.Array|number # q's dimensions first
function np.nanpercentile(a, q, axis, opts) end

---Weighted average.
---NumPy: `np.average`.
---@param a lumpy.ArrayLike input array (or nested table, or Lua scalar)
---@param axis? lumpy.Axis|lumpy.AverageOptions axis position (1-based, negative from the end); nil or false for all axes
---@param weights? lumpy.ArrayLike weights (default all 1)
---@param returned? boolean also return the sum of weights
---@param opts? lumpy.AverageOptions options table
---@return lumpy.Array|number # the average
---@return (lumpy.Array|number)? sum_of_weights # with `returned`
function np.average(a, axis, weights, returned, opts) end

---n-th discrete difference along an axis.
---NumPy: `np.diff`.
---@param a lumpy.ArrayLike input array (or nested table, or Lua scalar)
---@param n? integer|table number of times to difference (default 1), or the options table
---@param axis? integer axis (default -1)
---@param prepend? lumpy.ArrayLike values placed before a
---@param append? lumpy.ArrayLike values placed after a
---@return lumpy.Array # the differences
function np.diff(a, n, axis, prepend, append) end

---Differences between consecutive elements of the flattened array.
---NumPy: `np.ediff1d`.
---@param ary lumpy.ArrayLike input (flattened)
---@param to_end? lumpy.ArrayLike|table values appended, or the options table
---@param to_begin? lumpy.ArrayLike values prepended
---@return lumpy.Array # 1-D differences
function np.ediff1d(ary, to_end, to_begin) end

---Gradient by central differences (one-sided at the edges).
---NumPy: `np.gradient`.
---@param f lumpy.ArrayLike sampled values
---@param ... number|lumpy.ArrayLike|lumpy.GradientOptions spacing: one number, or one number or coordinate array per axis; then an optional options table
---@return lumpy.Array|lumpy.Array[] # one array, or a sequence for several axes
function np.gradient(f, ...) end

---Integrate with the trapezoidal rule.
---NumPy: `np.trapezoid`.
---@param y lumpy.ArrayLike values
---@param x? lumpy.ArrayLike|table sample points, or the options table
---@param dx? number spacing when x is nil (default 1)
---@param axis? integer axis (default -1)
---@return lumpy.Array|number # the integral
function np.trapezoid(y, x, dx, axis) end

---Alias of `trapezoid` (NumPy 1's name).
np.trapz = np.trapezoid

---Cross product of 2- or 3-element vectors.
---NumPy: `np.cross`.
---@param a lumpy.ArrayLike first vectors
---@param b lumpy.ArrayLike second vectors
---@param axisa? integer|table axis of a's vectors (default -1), or the options table
---@param axisb? integer axis of b's vectors
---@param axisc? integer axis of the result's vectors
---@param axis? integer overrides the three
---@return lumpy.Array # cross products
function np.cross(a, b, axisa, axisb, axisc, axis) end

---Discrete linear convolution.
---NumPy: `np.convolve`.
---@param a lumpy.ArrayLike first 1-D input
---@param v lumpy.ArrayLike second 1-D input
---@param mode? "full"|"same"|"valid" output size (default "full")
---@return lumpy.Array # 1-D
function np.convolve(a, v, mode) end

---Cross-correlation of two 1-D sequences.
---NumPy: `np.correlate`.
---@param a lumpy.ArrayLike first 1-D input
---@param v lumpy.ArrayLike second 1-D input (conjugated)
---@param mode? "full"|"same"|"valid" output size (default "valid")
---@return lumpy.Array # 1-D
function np.correlate(a, v, mode) end

---Covariance matrix.
---NumPy: `np.cov`.
---@param m lumpy.ArrayLike variables (rows) and observations
---@param y? lumpy.ArrayLike|lumpy.CovOptions more variables, or the options table
---@param rowvar? boolean rows are variables (default true)
---@param opts? lumpy.CovOptions options table
---@return lumpy.Array # the covariance matrix (squeezed)
function np.cov(m, y, rowvar, opts) end

---Pearson correlation coefficients.
---NumPy: `np.corrcoef`.
---@param x lumpy.ArrayLike variables (rows) and observations
---@param y? lumpy.ArrayLike|table more variables, or the options table
---@param rowvar? boolean rows are variables (default true)
---@param opts? table options table {dtype=}
---@return lumpy.Array # correlation coefficients
function np.corrcoef(x, y, rowvar, opts) end

---Histogram of a data set (two results).
---NumPy: `np.histogram`.
---@param a lumpy.ArrayLike input (flattened)
---@param bins? integer|string|lumpy.ArrayLike|lumpy.HistogramOptions count (default 10), edges or an estimator name; or the options table
---@param range? number[] {lo, hi}
---@param density? boolean return a probability density
---@param weights? lumpy.ArrayLike a weight per element
---@return lumpy.Array hist # counts (int64) or weight sums
---@return lumpy.Array bin_edges # the edges
function np.histogram(a, bins, range, density, weights) end

---The bin edges histogram would use.
---NumPy: `np.histogram_bin_edges`.
---@param a lumpy.ArrayLike input (flattened)
---@param bins? integer|string|lumpy.ArrayLike|lumpy.HistogramOptions count, edges or an estimator name; or the options table
---@param range? number[] {lo, hi}
---@param weights? lumpy.ArrayLike a weight per element
---@return lumpy.Array # the edges
function np.histogram_bin_edges(a, bins, range, weights) end

---Two-dimensional histogram (three results).
---NumPy: `np.histogram2d`.
---@param x lumpy.ArrayLike x coordinates
---@param y lumpy.ArrayLike y coordinates
---@param bins? integer|table|lumpy.HistogramOptions count, {nx, ny}, edges, or {xedges, yedges}
---@param range? number[][] {{xlo, xhi}, {ylo, yhi}}
---@param density? boolean return a probability density
---@param weights? lumpy.ArrayLike a weight per sample
---@return lumpy.Array H
---@return lumpy.Array xedges
---@return lumpy.Array yedges
function np.histogram2d(x, y, bins, range, density, weights) end

---Count occurrences of each value.
---NumPy: `np.bincount`.
---@param x lumpy.ArrayLike non-negative integers
---@param weights? lumpy.ArrayLike|table a weight per element, or the options table
---@param minlength? integer minimum number of bins
---@return lumpy.Array # counts indexed by value + 1
function np.bincount(x, weights, minlength) end

---The bin each value falls in.
---NumPy: `np.digitize`.
---@param x lumpy.ArrayLike values
---@param bins lumpy.ArrayLike monotonic edges
---@param right? boolean intervals closed on the right
---@return lumpy.Array|integer # 1-based bin numbers in 1..#bins+1
function np.digitize(x, bins, right) end

-- ## Matrix products and einsum

---Matrix product with broadcasting of stacks (NumPy's `@`).
---NumPy: `np.matmul`.
---@param x1 lumpy.ArrayLike first operand: array, nested table or Lua scalar
---@param x2 lumpy.ArrayLike second operand: array, nested table or Lua scalar
---@param opts? lumpy.OutOptions options table
---@return lumpy.Array|lumpy.Scalar # the product
function np.matmul(x1, x2, opts) end

---Dot product: matmul for 1-D/2-D, sum over a's last and b's second-to-last axis for N-d.
---NumPy: `np.dot`.
---@param a lumpy.ArrayLike input array (or nested table, or Lua scalar)
---@param b lumpy.ArrayLike second input array (or nested table)
---@param opts? lumpy.OutOptions options table
---@return lumpy.Array|lumpy.Scalar # the product
function np.dot(a, b, opts) end

---Dot product of the flattened arrays, the first conjugated.
---NumPy: `np.vdot`.
---@param a lumpy.ArrayLike input array (or nested table, or Lua scalar)
---@param b lumpy.ArrayLike second input array (or nested table)
---@return lumpy.Scalar # a Lua value
function np.vdot(a, b) end

---Inner product over the last axes.
---NumPy: `np.inner`.
---@param a lumpy.ArrayLike input array (or nested table, or Lua scalar)
---@param b lumpy.ArrayLike second input array (or nested table)
---@return lumpy.Array|lumpy.Scalar # the products
function np.inner(a, b) end

---Outer product of the flattened arrays.
---NumPy: `np.outer`.
---@param a lumpy.ArrayLike input array (or nested table, or Lua scalar)
---@param b lumpy.ArrayLike second input array (or nested table)
---@param opts? lumpy.OutOptions options table
---@return lumpy.Array # 2-D
function np.outer(a, b, opts) end

---Tensor contraction over the given axes.
---NumPy: `np.tensordot`.
---@param a lumpy.ArrayLike input array (or nested table, or Lua scalar)
---@param b lumpy.ArrayLike second input array (or nested table)
---@param axes? integer|table N (default 2), or a pair {axes_a, axes_b} of 1-based axes
---@return lumpy.Array|lumpy.Scalar # the contraction
function np.tensordot(a, b, axes) end

---Kronecker product.
---NumPy: `np.kron`.
---@param a lumpy.ArrayLike input array (or nested table, or Lua scalar)
---@param b lumpy.ArrayLike second input array (or nested table)
---@return lumpy.Array # the Kronecker product
function np.kron(a, b) end

---Vector dot product sum(conj(x1) * x2) along an axis, broadcasting the rest.
---NumPy: `np.vecdot`.
---@param x1 lumpy.ArrayLike first operand: array, nested table or Lua scalar
---@param x2 lumpy.ArrayLike second operand: array, nested table or Lua scalar
---@param opts? table options table {axis=} (default -1)
---@return lumpy.Array|lumpy.Scalar # the dot products
function np.vecdot(x1, x2, opts) end

---Swap the last two axes.
---NumPy: `np.matrix_transpose`.
---@param x lumpy.ArrayLike input: array, nested table or Lua scalar
---@return lumpy.Array # a view
function np.matrix_transpose(x) end

---Einstein summation over the operands.
---NumPy: `np.einsum`.
---@param subscripts string the Einstein summation subscripts, e.g. "ij,jk->ik"
---@param ... lumpy.ArrayLike|lumpy.EinsumOptions operands, then an optional options table
---@return lumpy.Array|lumpy.Scalar # the result
function np.einsum(subscripts, ...) end

---The contraction order einsum would use and a report (two results).
---NumPy: `np.einsum_path`.
---@param subscripts string the Einstein summation subscripts
---@param ... lumpy.ArrayLike|table operands, then an optional options table {optimize=}
---@return table path
---@return string report
function np.einsum_path(subscripts, ...) end

return np
