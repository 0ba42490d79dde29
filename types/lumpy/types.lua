---@meta lumpy.types
-- types/lumpy/types.lua - the shared types of the annotations: array-like
-- values, shapes, axes, dtypes, and the options tables (NumPy's keyword
-- arguments) and result tables of the functions.

---Anything the functions accept as an array: an array, a nested Lua table, a number,
---a boolean or a complex scalar.
---@alias lumpy.ArrayLike lumpy.Array|table|number|boolean|lumpy.Complex

---A Lua value an element or a full reduction gives: boolean, integer, float or complex scalar.
---@alias lumpy.Scalar number|integer|boolean|lumpy.Complex

---A shape: a Lua sequence of sizes, or an integer for a 1-D shape.
---@alias lumpy.Shape integer|integer[]

---Axis arguments: a 1-based position (negative from the end), a sequence of positions,
---or nil / false for every axis (NumPy's None).
---@alias lumpy.Axis integer|integer[]|false

---The dtype names (NumPy's short codes such as "f4", "i8", "?" and names such as "float",
---"double", "int", "complex", "<f8" are accepted too).
---@alias lumpy.DTypeName
---| "bool" # booleans
---| "int8"
---| "int16"
---| "int32"
---| "int64" # the default integer dtype
---| "uint8"
---| "uint16"
---| "uint32"
---| "uint64"
---| "float32"
---| "float64" # the default float dtype
---| "complex64"
---| "complex128"
---| string # short codes and other names

---A dtype given by name or by object (`"float32"`, `np.float32`).
---@alias lumpy.DTypeLike lumpy.DTypeName|lumpy.DType

---Memory order of a new array.
---@alias lumpy.OrderName
---| "C" # row-major (last index fastest)
---| "F" # column-major (first index fastest)
---| "A" # F when the input is F-contiguous, else C
---| "K" # keep the input's layout

---Casting rules.
---@alias lumpy.Casting
---| "no"
---| "equiv"
---| "safe"
---| "same_kind"
---| "unsafe"

---Sort algorithms (read by their first letter, as NumPy).
---@alias lumpy.SortKind
---| "quicksort" # default (introsort; radix sort for long numeric lines)
---| "stable" # stable sort
---| "mergesort" # stable sort
---| "heapsort"

---How out-of-range positions are treated.
---@alias lumpy.IndexMode
---| "raise" # error (default)
---| "wrap" # wrap around
---| "clip" # clamp to 1..n

---np.pad's modes.
---@alias lumpy.PadMode
---| "constant"
---| "edge"
---| "linear_ramp"
---| "maximum"
---| "mean"
---| "minimum"
---| "reflect"
---| "symmetric"
---| "wrap"
---| "empty"

---FFT normalization.
---@alias lumpy.FFTNorm
---| "backward" # the inverse scales by 1/n (default)
---| "ortho" # both scale by 1/sqrt(n)
---| "forward" # the forward transform scales by 1/n

---A dtype object (`np.float32`, `a.dtype`); `tostring(dt)` is its name, calling it converts:
---`np.float32(x)` is `np.asarray(x, "float32")`.
---@class lumpy.DType
---@field name string e.g. "float32"
---@field str string NumPy's dtype.str, e.g. "<f4"
---@field kind string "b", "i", "u", "f" or "c"
---@field char string NumPy's type character, e.g. "f"
---@field itemsize integer bytes per element
---@field num integer LumPy's type number (0 bool ... 12 complex128)
---@operator call(lumpy.ArrayLike): lumpy.Array

---The index markers np.newaxis and np.ellipsis.
---@class lumpy.Marker

---a.flags.
---@class lumpy.ArrayFlags
---@field c_contiguous boolean row-major contiguous
---@field f_contiguous boolean column-major contiguous
---@field writeable boolean may be written
---@field owndata boolean owns its memory
---@field aligned boolean aligned for its dtype

---Options of np.array and np.asarray.
---@class lumpy.ArrayOptions
---@field dtype? lumpy.DTypeLike element type
---@field copy? boolean false: never copy (an error when a copy is needed)
---@field order? lumpy.OrderName memory order

---Options of np.zeros, np.ones, np.empty, np.full.
---@class lumpy.CreationOptions
---@field dtype? lumpy.DTypeLike element type (default float64, or from the fill value)
---@field order? lumpy.OrderName "C" (default) or "F"

---Options of np.zeros_like and the other *_like functions.
---@class lumpy.LikeOptions
---@field dtype? lumpy.DTypeLike element type (default: the input's)
---@field order? lumpy.OrderName memory order (default "K")
---@field shape? lumpy.Shape shape (default: the input's)

---An options table holding only a dtype.
---@class lumpy.DTypeOptions
---@field dtype? lumpy.DTypeLike element type

---An options table holding only a memory order.
---@class lumpy.OrderOptions
---@field order? lumpy.OrderName memory order

---Options of np.linspace, np.logspace, np.geomspace.
---@class lumpy.LinspaceOptions
---@field num? integer number of samples (default 50)
---@field endpoint? boolean include stop (default true)
---@field retstep? boolean linspace: also return the step
---@field base? number logspace: the base (default 10)
---@field dtype? lumpy.DTypeLike element type

---Options of np.eye and np.tri.
---@class lumpy.EyeOptions
---@field M? integer number of columns
---@field k? integer diagonal offset
---@field dtype? lumpy.DTypeLike element type

---Options of np.vander.
---@class lumpy.VanderOptions
---@field N? integer number of columns (default #x)
---@field increasing? boolean powers increase from left to right (default false)

---Options of np.meshgrid.
---@class lumpy.MeshgridOptions
---@field indexing? "xy"|"ij" Cartesian (default) or matrix indexing
---@field sparse? boolean broadcastable arrays instead of full grids
---@field copy? boolean copies (default) instead of views

---Options of np.copyto.
---@class lumpy.CastingOptions
---@field casting? lumpy.Casting casting rule (default "same_kind")

---Options of the ufuncs.
---@class lumpy.UfuncOptions
---@field out? lumpy.Array where to write the result
---@field dtype? lumpy.DTypeLike the result's dtype (it picks the loop)
---@field casting? lumpy.Casting casting rule for the inputs and out (default "same_kind")
---@field where? lumpy.ArrayLike boolean mask of the elements to compute

---Options of np.nan_to_num.
---@class lumpy.NanToNumOptions
---@field copy? boolean return a copy (default) or change the input in place
---@field nan? number value for NaN (default 0)
---@field posinf? number value for +inf (default: the largest float)
---@field neginf? number value for -inf (default: the most negative float)

---Options of np.isclose and np.allclose.
---@class lumpy.CloseOptions
---@field rtol? number relative tolerance (default 1e-05)
---@field atol? number absolute tolerance (default 1e-08)
---@field equal_nan? boolean NaNs compare equal

---Print options (np.set_printoptions, np.get_printoptions).
---@class lumpy.PrintOptions
---@field precision? integer digits after the point (default 8)
---@field threshold? integer element count above which output is summarised (default 1000)
---@field edgeitems? integer items at each edge when summarised (default 3)
---@field linewidth? integer characters per line (default 75)
---@field suppress? boolean print small floats as zero (default false)

---What np.cpu_features returns (see docs/simd.md).
---@class lumpy.CpuFeatures
---@field arch string the architecture, e.g. "x86_64"
---@field baseline string[] the baseline's CPU features
---@field baseline_level string the baseline SIMD level
---@field dispatch string[] the levels compiled in above the baseline
---@field levels table[] each level compiled in: {name=, features=, supported=, enabled=}
---@field detected table<string, boolean> every feature name -> whether the CPU has it (NumPy's __cpu_features__)
---@field disabled string[] features disabled by LUMPY_DISABLE_CPU_FEATURES
---@field level string the highest level in use
---@field tuning string how the CPU's vendor changed the choice of loops at that level, described; "" for none
---@field kernels table<string, string> kernel family -> the level it runs at
---@field scalar string[] families whose loop at that level calls libm one element at a time

---What np.memory_info returns.
---@class lumpy.MemoryInfo
---@field live integer bytes of array memory in use (every Lua state of the process)
---@field cached integer bytes of freed blocks kept for reuse
---@field full_collections integer full collections LumPy ran in this state
---@field young_collections integer young collections LumPy ran in this state
---@field young_factor number a young collection runs every so many times the allocation size

---Options of the reductions (sum, prod, min, max, mean, var, std, any, all, arg*, cum*, nan*).
---@class lumpy.ReduceOptions
---@field keepdims? boolean keep reduced axes with size 1
---@field dtype? lumpy.DTypeLike accumulator dtype
---@field out? lumpy.Array where to write the result
---@field initial? lumpy.Scalar starting value (sum, prod, min, max)
---@field where? lumpy.ArrayLike boolean mask of the elements to include
---@field ddof? integer delta degrees of freedom (var, std)

---Options of np.sort, np.argsort, np.partition, ...
---@class lumpy.SortOptions
---@field axis? integer|false axis (default -1); false: the flattened array
---@field kind? lumpy.SortKind algorithm

---Options of np.unique.
---@class lumpy.UniqueOptions
---@field return_index? boolean also return the first positions
---@field return_inverse? boolean also return the inverse positions
---@field return_counts? boolean also return the counts
---@field axis? integer unique sub-arrays along this axis
---@field equal_nan? boolean all NaNs are one value (default true)

---Options of np.concatenate, np.stack, np.vstack, np.hstack.
---@class lumpy.ConcatOptions
---@field axis? integer|false axis
---@field out? lumpy.Array where to write the result
---@field dtype? lumpy.DTypeLike result dtype
---@field casting? lumpy.Casting casting rule (default "same_kind")

---Options of np.pad.
---@class lumpy.PadOptions
---@field mode? lumpy.PadMode padding mode
---@field constant_values? number|table "constant": the values
---@field end_values? number|table "linear_ramp": the end values
---@field stat_length? integer|table "maximum", "mean", "minimum": the lengths used
---@field reflect_type? "even"|"odd" "reflect", "symmetric"

---Options of np.median, np.quantile, np.percentile and their nan versions.
---@class lumpy.StatOptions
---@field axis? lumpy.Axis axes
---@field keepdims? boolean keep reduced axes with size 1
---@field method? string quantile method (default "linear"; NumPy's 13 names)
---@field overwrite_input? boolean the input may be changed

---Options of np.average.
---@class lumpy.AverageOptions
---@field axis? lumpy.Axis axes
---@field weights? lumpy.ArrayLike weights
---@field returned? boolean also return the sum of weights
---@field keepdims? boolean keep reduced axes with size 1

---Options of np.gradient.
---@class lumpy.GradientOptions
---@field axis? integer|integer[] axes
---@field edge_order? 1|2 accuracy at the edges

---Options of np.cov.
---@class lumpy.CovOptions
---@field y? lumpy.ArrayLike more variables
---@field rowvar? boolean rows are variables (default true)
---@field bias? boolean normalize by N instead of N - 1
---@field ddof? integer delta degrees of freedom
---@field fweights? lumpy.ArrayLike integer frequency weights
---@field aweights? lumpy.ArrayLike observation weights
---@field dtype? lumpy.DTypeLike result dtype

---Options of np.histogram, np.histogram_bin_edges, np.histogram2d.
---@class lumpy.HistogramOptions
---@field bins? integer|string|lumpy.ArrayLike count, estimator name or edges
---@field range? table {lo, hi} (histogram2d: one pair per axis)
---@field density? boolean a probability density
---@field weights? lumpy.ArrayLike a weight per element

---An options table holding `out` (and for matmul `dtype`).
---@class lumpy.OutOptions
---@field out? lumpy.Array where to write the result
---@field dtype? lumpy.DTypeLike matmul: the dtype to compute in

---Options of np.einsum.
---@class lumpy.EinsumOptions
---@field out? lumpy.Array where to write the result
---@field dtype? lumpy.DTypeLike the dtype to compute in
---@field order? lumpy.OrderName memory order of the result
---@field casting? lumpy.Casting casting rule
---@field optimize? boolean|string|table contraction order: false, true, "greedy", "optimal", {strategy, memory_limit} or a path from einsum_path

---Options of np.linalg.svd.
---@class lumpy.SvdOptions
---@field full_matrices? boolean full-size u and vh (default true)
---@field compute_uv? boolean compute u and vh (default true)
---@field hermitian? boolean the input is Hermitian

---Options of np.linalg.norm, vector_norm, matrix_norm.
---@class lumpy.NormOptions
---@field ord? number|string norm order
---@field axis? integer|integer[] axes
---@field keepdims? boolean keep reduced axes with size 1

---Options of the np.fft transforms.
---@class lumpy.FFTOptions
---@field n? integer 1-D: length of the transformed axis
---@field axis? integer 1-D: the axis (default -1)
---@field s? integer[] n-D: lengths of the transformed axes
---@field axes? integer[] n-D: the axes
---@field norm? lumpy.FFTNorm normalization
---@field out? lumpy.Array where to write the result

---What np.fft.cache_info returns.
---@class lumpy.FFTCacheInfo
---@field size integer plans cached
---@field capacity integer most plans kept
---@field hits integer lookups that found a plan
---@field misses integer lookups that planned

---Options of the random methods (NumPy's keyword arguments).
---@class lumpy.RandomOptions
---@field size? lumpy.Shape output shape
---@field dtype? lumpy.DTypeLike output dtype (where the method has one)
---@field out? lumpy.Array array to fill (where the method has one)

---Options of np.loadtxt.
---@class lumpy.LoadtxtOptions
---@field dtype? lumpy.DTypeLike element type (default float64)
---@field comments? string|string[]|false comment prefix(es) (default "#")
---@field delimiter? string column separator (default: whitespace)
---@field converters? table|function functions converting the fields (by 1-based column, or for all)
---@field skiprows? integer lines to skip first
---@field usecols? integer|integer[] 1-based columns to read
---@field unpack? boolean return one array per column
---@field ndmin? integer minimum number of dimensions (0, 1 or 2)
---@field max_rows? integer rows to read at most
---@field quotechar? string quote character
---@field encoding? string text encoding

---Options of np.savetxt.
---@class lumpy.SavetxtOptions
---@field fmt? string|string[] format (default "%.18e"), or one per column
---@field delimiter? string between columns (default " ")
---@field newline? string line end (default "\n")
---@field header? string text written first
---@field footer? string text written last
---@field comments? string prefix of header and footer (default "# ")

---Options of np.genfromtxt.
---@class lumpy.GenfromtxtOptions
---@field dtype? lumpy.DTypeLike element type (default float64)
---@field comments? string comment prefix (default "#")
---@field delimiter? string|integer|integer[] column separator or field widths
---@field skip_header? integer lines to skip first
---@field skip_footer? integer lines to skip at the end
---@field missing_values? string|table strings that mark missing values
---@field filling_values? number|table values for missing fields
---@field usecols? integer|integer[] 1-based columns to read
---@field converters? table functions converting the fields
---@field max_rows? integer rows to read at most
---@field invalid_raise? boolean a line with the wrong number of fields is an error (default true)
---@field loose? boolean unparsable fields become NaN instead of an error
---@field autostrip? boolean strip whitespace around fields
---@field unpack? boolean return one array per column
---@field ndmin? integer minimum number of dimensions
