---@meta lumpy.Array
-- types/lumpy/array.lua - annotations for arrays (lumpy.Array): attributes,
-- operators and methods, and complex scalars (lumpy.Complex).

---An n-dimensional array (Lua userdata). Index with `a[i]`, `a["2:5, -1"]`, `a[{2, {1, 4}}]`,
---bool masks and integer arrays (1-based, inclusive slices); assign with `a[key] = value`.
---`#a` is the length of the first axis; `tostring(a)` prints as NumPy; `a == b` is np.array_equal.
---@class lumpy.Array
---@field shape integer[] sizes (a fresh table each time; `{}` for 0-d)
---@field ndim integer number of dimensions
---@field size integer number of elements
---@field dtype lumpy.DType the element type
---@field itemsize integer bytes per element
---@field nbytes integer size * itemsize
---@field strides integer[] byte strides
---@field flags lumpy.ArrayFlags layout and write flags
---@field T lumpy.Array transposed view (axes reversed)
---@field base lumpy.Array? the array owning the memory of a view; nil for an owner
---@field real lumpy.Array the real part (a view)
---@field imag lumpy.Array the imaginary part (a view; read-only zeros for real arrays)
---@operator add(lumpy.ArrayLike): lumpy.Array
---@operator sub(lumpy.ArrayLike): lumpy.Array
---@operator mul(lumpy.ArrayLike): lumpy.Array
---@operator div(lumpy.ArrayLike): lumpy.Array
---@operator idiv(lumpy.ArrayLike): lumpy.Array
---@operator mod(lumpy.ArrayLike): lumpy.Array
---@operator pow(lumpy.ArrayLike): lumpy.Array
---@operator unm: lumpy.Array
---@operator band(lumpy.ArrayLike): lumpy.Array
---@operator bor(lumpy.ArrayLike): lumpy.Array
---@operator bxor(lumpy.ArrayLike): lumpy.Array
---@operator bnot: lumpy.Array
---@operator shl(lumpy.ArrayLike): lumpy.Array
---@operator shr(lumpy.ArrayLike): lumpy.Array
---@operator len: integer
local Array = {}

-- ## Reductions

---Sum of elements (as np.sum).
---NumPy: `ndarray.sum`.
---@param axis? lumpy.Axis|lumpy.ReduceOptions axis position (1-based, negative from the end); nil or false for all axes
---@param dtype? lumpy.DTypeLike|lumpy.ReduceOptions accumulator dtype, or the options table
---@param out? lumpy.Array|lumpy.ReduceOptions output array, or the options table
---@param opts? lumpy.ReduceOptions options table
---@return lumpy.Array|lumpy.Scalar # a Lua value without an axis
function Array:sum(axis, dtype, out, opts) end

---Product of elements (as np.prod).
---NumPy: `ndarray.prod`.
---@param axis? lumpy.Axis|lumpy.ReduceOptions axis position (1-based, negative from the end); nil or false for all axes
---@param dtype? lumpy.DTypeLike|lumpy.ReduceOptions accumulator dtype, or the options table
---@param out? lumpy.Array|lumpy.ReduceOptions output array, or the options table
---@param opts? lumpy.ReduceOptions options table
---@return lumpy.Array|lumpy.Scalar # a Lua value without an axis
function Array:prod(axis, dtype, out, opts) end

---Mean (as np.mean).
---NumPy: `ndarray.mean`.
---@param axis? lumpy.Axis|lumpy.ReduceOptions axis position (1-based, negative from the end); nil or false for all axes
---@param dtype? lumpy.DTypeLike|lumpy.ReduceOptions accumulator dtype, or the options table
---@param out? lumpy.Array|lumpy.ReduceOptions output array, or the options table
---@param opts? lumpy.ReduceOptions options table
---@return lumpy.Array|lumpy.Scalar # a Lua value without an axis
function Array:mean(axis, dtype, out, opts) end

---Variance (as np.var).
---NumPy: `ndarray.var`.
---@param axis? lumpy.Axis|lumpy.ReduceOptions axis position (1-based, negative from the end); nil or false for all axes
---@param dtype? lumpy.DTypeLike|lumpy.ReduceOptions accumulator dtype, or the options table
---@param out? lumpy.Array|lumpy.ReduceOptions output array, or the options table
---@param ddof? integer|lumpy.ReduceOptions delta degrees of freedom
---@param opts? lumpy.ReduceOptions options table
---@return lumpy.Array|number # a Lua value without an axis
function Array:var(axis, dtype, out, ddof, opts) end

---Standard deviation (as np.std).
---NumPy: `ndarray.std`.
---@param axis? lumpy.Axis|lumpy.ReduceOptions axis position (1-based, negative from the end); nil or false for all axes
---@param dtype? lumpy.DTypeLike|lumpy.ReduceOptions accumulator dtype, or the options table
---@param out? lumpy.Array|lumpy.ReduceOptions output array, or the options table
---@param ddof? integer|lumpy.ReduceOptions delta degrees of freedom
---@param opts? lumpy.ReduceOptions options table
---@return lumpy.Array|number # a Lua value without an axis
function Array:std(axis, dtype, out, ddof, opts) end

---Minimum (as np.min).
---NumPy: `ndarray.min`.
---@param axis? lumpy.Axis|lumpy.ReduceOptions axis position (1-based, negative from the end); nil or false for all axes
---@param out? lumpy.Array|lumpy.ReduceOptions output array, or the options table
---@param opts? lumpy.ReduceOptions options table
---@return lumpy.Array|lumpy.Scalar # a Lua value without an axis
function Array:min(axis, out, opts) end

---Maximum (as np.max).
---NumPy: `ndarray.max`.
---@param axis? lumpy.Axis|lumpy.ReduceOptions axis position (1-based, negative from the end); nil or false for all axes
---@param out? lumpy.Array|lumpy.ReduceOptions output array, or the options table
---@param opts? lumpy.ReduceOptions options table
---@return lumpy.Array|lumpy.Scalar # a Lua value without an axis
function Array:max(axis, out, opts) end

---Range maximum - minimum (as np.ptp).
---NumPy: `np.ptp`.
---@param axis? lumpy.Axis|lumpy.ReduceOptions axis position (1-based, negative from the end); nil or false for all axes
---@param out? lumpy.Array|lumpy.ReduceOptions output array, or the options table
---@param opts? lumpy.ReduceOptions options table
---@return lumpy.Array|lumpy.Scalar # a Lua value without an axis
function Array:ptp(axis, out, opts) end

---Position of the minimum (as np.argmin).
---NumPy: `ndarray.argmin`.
---@param axis? integer|lumpy.ReduceOptions one axis (1-based); nil: the flattened array
---@param out? lumpy.Array|lumpy.ReduceOptions output array, or the options table
---@param opts? lumpy.ReduceOptions options table
---@return lumpy.Array|integer # 1-based positions
function Array:argmin(axis, out, opts) end

---Position of the maximum (as np.argmax).
---NumPy: `ndarray.argmax`.
---@param axis? integer|lumpy.ReduceOptions one axis (1-based); nil: the flattened array
---@param out? lumpy.Array|lumpy.ReduceOptions output array, or the options table
---@param opts? lumpy.ReduceOptions options table
---@return lumpy.Array|integer # 1-based positions
function Array:argmax(axis, out, opts) end

---Whether any element is true (as np.any).
---NumPy: `ndarray.any`.
---@param axis? lumpy.Axis|lumpy.ReduceOptions axis position (1-based, negative from the end); nil or false for all axes
---@param out? lumpy.Array|lumpy.ReduceOptions output array, or the options table
---@param opts? lumpy.ReduceOptions options table
---@return lumpy.Array|boolean # a Lua boolean without an axis
function Array:any(axis, out, opts) end

---Whether every element is true (as np.all).
---NumPy: `ndarray.all`.
---@param axis? lumpy.Axis|lumpy.ReduceOptions axis position (1-based, negative from the end); nil or false for all axes
---@param out? lumpy.Array|lumpy.ReduceOptions output array, or the options table
---@param opts? lumpy.ReduceOptions options table
---@return lumpy.Array|boolean # a Lua boolean without an axis
function Array:all(axis, out, opts) end

---Cumulative sum (as np.cumsum).
---NumPy: `ndarray.cumsum`.
---@param axis? integer|false|lumpy.ReduceOptions one axis (1-based); nil: the flattened array
---@param dtype? lumpy.DTypeLike|lumpy.ReduceOptions accumulator dtype, or the options table
---@param out? lumpy.Array|lumpy.ReduceOptions output array, or the options table
---@param opts? lumpy.ReduceOptions options table
---@return lumpy.Array # cumulative sums
function Array:cumsum(axis, dtype, out, opts) end

---Cumulative product (as np.cumprod).
---NumPy: `ndarray.cumprod`.
---@param axis? integer|false|lumpy.ReduceOptions one axis (1-based); nil: the flattened array
---@param dtype? lumpy.DTypeLike|lumpy.ReduceOptions accumulator dtype, or the options table
---@param out? lumpy.Array|lumpy.ReduceOptions output array, or the options table
---@param opts? lumpy.ReduceOptions options table
---@return lumpy.Array # cumulative products
function Array:cumprod(axis, dtype, out, opts) end

---Diagonal of the 2-D sub-arrays (as np.diagonal).
---NumPy: `ndarray.diagonal`.
---@param offset? integer diagonal offset as in NumPy (0 main, > 0 above, < 0 below)
---@param axis1? integer first axis of the 2-D sub-arrays (1-based; default 1)
---@param axis2? integer second axis of the 2-D sub-arrays (1-based; default 2)
---@return lumpy.Array # a read-only view
function Array:diagonal(offset, axis1, axis2) end

---Sum along a diagonal (as np.trace).
---NumPy: `ndarray.trace`.
---@param offset? integer diagonal offset as in NumPy (0 main, > 0 above, < 0 below)
---@param axis1? integer first axis of the 2-D sub-arrays (1-based; default 1)
---@param axis2? integer second axis of the 2-D sub-arrays (1-based; default 2)
---@param dtype? lumpy.DTypeLike accumulator dtype
---@param out? lumpy.Array output array, or the options table
---@return lumpy.Array|lumpy.Scalar # a Lua value for 2-D input
function Array:trace(offset, axis1, axis2, dtype, out) end


-- ## Shape, conversion and memory

---New shape, same elements.
---NumPy: `ndarray.reshape`.
---@param ... integer|integer[]|lumpy.OrderOptions the new sizes as arguments or one sequence (one may be -1), then an optional options table
---@return lumpy.Array # a view when the layout allows, else a copy
function Array:reshape(...) end

---The elements as a 1-D array.
---NumPy: `ndarray.ravel`.
---@return lumpy.Array # a 1-D view when contiguous, else a copy
function Array:ravel() end

---A 1-D copy.
---NumPy: `ndarray.flatten`.
---@return lumpy.Array # a 1-D copy
function Array:flatten() end

---Permute the axes.
---NumPy: `ndarray.transpose`.
---@param ... integer|integer[] the permutation (1-based) as arguments or one sequence; default: reversed
---@return lumpy.Array # a view
function Array:transpose(...) end

---Interchange two axes.
---NumPy: `ndarray.swapaxes`.
---@param axis1 integer first axis (1-based)
---@param axis2 integer second axis (1-based)
---@return lumpy.Array # a view
function Array:swapaxes(axis1, axis2) end

---Remove axes of length one.
---NumPy: `ndarray.squeeze`.
---@param axis? integer|integer[] the size-1 axes to remove (default: all)
---@return lumpy.Array # a view
function Array:squeeze(axis) end

---Cast to another dtype.
---NumPy: `ndarray.astype`.
---@param dtype lumpy.DTypeLike target dtype
---@param opts? table options table {copy=}
---@return lumpy.Array # a converted copy (or the array itself with copy = false and the same dtype)
function Array:astype(dtype, opts) end

---A view of the same memory, optionally as another dtype.
---NumPy: `ndarray.view`.
---@param dtype? lumpy.DTypeLike dtype to reinterpret the bytes as
---@return lumpy.Array # a view
function Array:view(dtype) end

---A copy of the array.
---NumPy: `ndarray.copy`.
---@param order? lumpy.OrderName|lumpy.OrderOptions "C" or "F" memory order, or the options table
---@return lumpy.Array # a copy (C order by default)
function Array:copy(order) end

---Set every element to a scalar, in place.
---NumPy: `ndarray.fill`.
---@param value lumpy.Scalar the value for every element
function Array:fill(value) end

---The elements as nested Lua tables.
---NumPy: `ndarray.tolist`.
---@return any # nested Lua tables (a Lua value for 0-d)
function Array:tolist() end

---One element as a Lua value.
---NumPy: `ndarray.item`.
---@param ... integer|integer[] nothing (one-element arrays), a flat 1-based position, or one position per axis (as arguments or in one table)
---@return lumpy.Scalar # a Lua value
function Array:item(...) end

---Free the array's memory now; later use raises an error (`<close>` variables call it).
function Array:close() end


-- ## Comparisons and math

---Elementwise ==, as np.equal.
---NumPy: `ndarray.__eq__`.
---@param b lumpy.ArrayLike other operand
---@return lumpy.Array|boolean # bool
function Array:eq(b) end

---Elementwise ~=, as np.not_equal.
---NumPy: `ndarray.__ne__`.
---@param b lumpy.ArrayLike other operand
---@return lumpy.Array|boolean # bool
function Array:ne(b) end

---Elementwise <, as np.less.
---NumPy: `ndarray.__lt__`.
---@param b lumpy.ArrayLike other operand
---@return lumpy.Array|boolean # bool
function Array:lt(b) end

---Elementwise <=, as np.less_equal.
---NumPy: `ndarray.__le__`.
---@param b lumpy.ArrayLike other operand
---@return lumpy.Array|boolean # bool
function Array:le(b) end

---Elementwise >, as np.greater.
---NumPy: `ndarray.__gt__`.
---@param b lumpy.ArrayLike other operand
---@return lumpy.Array|boolean # bool
function Array:gt(b) end

---Elementwise >=, as np.greater_equal.
---NumPy: `ndarray.__ge__`.
---@param b lumpy.ArrayLike other operand
---@return lumpy.Array|boolean # bool
function Array:ge(b) end

---Complex conjugate (as np.conjugate).
---NumPy: `ndarray.conj`.
---@return lumpy.Array # conjugate
function Array:conj() end

---Complex conjugate (as np.conjugate).
---NumPy: `ndarray.conjugate`.
---@return lumpy.Array # conjugate
function Array:conjugate() end

---Round to the given decimals (as np.round).
---NumPy: `ndarray.round`.
---@param decimals? integer number of decimals (default 0)
---@param out? lumpy.Array output array, or the options table
---@return lumpy.Array # rounded values
function Array:round(decimals, out) end

---Limit values to [a_min, a_max] (as np.clip).
---NumPy: `ndarray.clip`.
---@param a_min lumpy.ArrayLike? lower bound (nil for none)
---@param a_max lumpy.ArrayLike? upper bound (nil for none)
---@param out? lumpy.Array|lumpy.UfuncOptions output array, or the options table
---@return lumpy.Array # clipped values
function Array:clip(a_min, a_max, out) end

---Dot product (as np.dot).
---NumPy: `ndarray.dot`.
---@param b lumpy.ArrayLike other operand
---@param opts? lumpy.OutOptions options table
---@return lumpy.Array|lumpy.Scalar # the product
function Array:dot(b, opts) end

---Matrix product (as np.matmul).
---NumPy: `ndarray.__matmul__`.
---@param b lumpy.ArrayLike other operand
---@param opts? lumpy.OutOptions options table
---@return lumpy.Array|lumpy.Scalar # the product
function Array:matmul(b, opts) end


-- ## Sorting, searching and indexing

---Sort in place (a view sorts its base's elements).
---NumPy: `ndarray.sort`.
---@param axis? integer|lumpy.SortOptions axis (default -1), or the options table
---@param kind? lumpy.SortKind algorithm name
function Array:sort(axis, kind) end

---Positions that would sort the array.
---NumPy: `ndarray.argsort`.
---@param axis? integer|false|lumpy.SortOptions axis (default -1); false: flattened; or the options table
---@param kind? lumpy.SortKind algorithm name
---@return lumpy.Array # int64 1-based positions
function Array:argsort(axis, kind) end

---Partition in place.
---NumPy: `ndarray.partition`.
---@param kth integer|integer[] 1-based position(s)
---@param axis? integer|lumpy.SortOptions axis (default -1)
function Array:partition(kth, axis) end

---Positions that would partition the array.
---NumPy: `ndarray.argpartition`.
---@param kth integer|integer[] 1-based position(s)
---@param axis? integer|false|lumpy.SortOptions axis (default -1)
---@return lumpy.Array # int64 1-based positions
function Array:argpartition(kth, axis) end

---Where values would be inserted to keep the array sorted.
---NumPy: `ndarray.searchsorted`.
---@param v lumpy.ArrayLike values to insert
---@param side? "left"|"right"|table which of equal positions, or the options table
---@param sorter? lumpy.ArrayLike 1-based positions that sort the array
---@return lumpy.Array|integer # 1-based insertion positions
function Array:searchsorted(v, side, sorter) end

---Positions of the nonzero elements (multiple results).
---NumPy: `ndarray.nonzero`.
---@return lumpy.Array ... # one int64 array of 1-based positions per dimension
function Array:nonzero() end

---Elements at the given positions (as np.take).
---NumPy: `ndarray.take`.
---@param indices lumpy.ArrayLike 1-based positions (integer, sequence or integer array)
---@param axis? integer|false|table axis (1-based); nil: flattened; or the options table
---@param out? lumpy.Array|table output array, or the options table
---@param mode? lumpy.IndexMode "raise" (default), "wrap" or "clip"
---@return lumpy.Array|lumpy.Scalar # the elements
function Array:take(indices, axis, out, mode) end

---Set elements at flat positions, in place.
---NumPy: `ndarray.put`.
---@param ind lumpy.ArrayLike 1-based flat positions
---@param v lumpy.ArrayLike values, repeated as needed
---@param mode? lumpy.IndexMode "raise" (default), "wrap" or "clip"
function Array:put(ind, v, mode) end

---Slices where the condition is true (as np.compress).
---NumPy: `ndarray.compress`.
---@param condition lumpy.ArrayLike 1-D selector
---@param axis? integer|false axis position (1-based, negative from the end); nil or false for all axes
---@param out? lumpy.Array output array, or the options table
---@return lumpy.Array # the selected slices
function Array:compress(condition, axis, out) end

---Build an array from the choice numbers 1..n held in this array.
---NumPy: `ndarray.choose`.
---@param choices lumpy.ArrayLike[]|lumpy.Array sequence of arrays to choose from
---@param out? lumpy.Array|table output array, or the options table
---@param mode? lumpy.IndexMode "raise" (default), "wrap" or "clip"
---@return lumpy.Array # the chosen elements
function Array:choose(choices, out, mode) end

---Repeat each element (`a["repeat"](a, ...)` is the same).
---NumPy: `ndarray.repeat`.
---@param repeats integer|integer[] a count, or one per element along axis
---@param axis? integer axis (default: flattened)
---@return lumpy.Array # a new array
function Array:repeat_(repeats, axis) end

---Alias of `repeat_` (`a["repeat"](a, ...)`: `repeat` is a Lua keyword).
Array["repeat"] = Array.repeat_


-- ## DLPack

---Export as a DLPack tensor (see docs/c-api.md).
---NumPy: `ndarray.__dlpack__`.
---@param opts? table options table {stream=, max_version=, dl_device=, copy=}
---@return userdata # a DLPack capsule
function Array:__dlpack(opts) end

---The DLPack device of the array.
---NumPy: `ndarray.__dlpack_device__`.
---@return integer device_type # kDLCPU (1)
---@return integer device_id # 0
function Array:__dlpack_device() end


---A complex scalar (complex128): an element of a complex array, or `np.complex(re, im)`.
---Supports `+ - * / ^`, unary `-` and `==`; `tostring(z)` prints as NumPy.
---@class lumpy.Complex
---@field real number real part (also `re`)
---@field imag number imaginary part (also `im`)
---@field re number real part
---@field im number imaginary part
---@operator add(number|lumpy.Complex): lumpy.Complex
---@operator sub(number|lumpy.Complex): lumpy.Complex
---@operator mul(number|lumpy.Complex): lumpy.Complex
---@operator div(number|lumpy.Complex): lumpy.Complex
---@operator pow(number|lumpy.Complex): lumpy.Complex
---@operator unm: lumpy.Complex
local Complex = {}

---Complex conjugate.
---NumPy: `complex.conjugate`.
---@return lumpy.Complex # the conjugate
function Complex:conj() end

return Array
