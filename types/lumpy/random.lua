---@meta lumpy.random
-- types/lumpy/random.lua - annotations for np.random: seeding, bit generators,
-- the Generator and its distributions, the legacy RandomState functions.

---Random numbers with NumPy's streams: `local rng = np.random.default_rng(42)`, then
---`rng:normal(0, 1, {3, 4})`. Parameters may be arrays (broadcast against `size`).
---@class lumpy.random
local random = {}

-- ## Generators and seeding

---A Generator seeded as NumPy's default_rng.
---NumPy: `np.random.default_rng`.
---@param seed? integer|integer[]|lumpy.random.SeedSequence|lumpy.random.BitGenerator|lumpy.random.Generator seed (nil: entropy from the OS)
---@return lumpy.random.Generator # a Generator on PCG64
function random.default_rng(seed) end

---A Generator over a given bit generator.
---NumPy: `np.random.Generator`.
---@param bit_generator lumpy.random.BitGenerator the bit generator to draw from
---@return lumpy.random.Generator # a Generator
function random.Generator(bit_generator) end

---NumPy's SeedSequence: mixes entropy into seeds for bit generators.
---NumPy: `np.random.SeedSequence`.
---@param entropy? integer|integer[]|table a non-negative integer or a sequence of them (nil: from the OS), or the options table
---@param opts? table options table {spawn_key=, pool_size=, n_children_spawned=}
---@return lumpy.random.SeedSequence # a seed sequence
function random.SeedSequence(entropy, opts) end

---The PCG64 bit generator (NumPy's default).
---NumPy: `np.random.PCG64`.
---@param seed? integer|integer[]|lumpy.random.SeedSequence seed (nil: from the OS)
---@return lumpy.random.BitGenerator # a bit generator
function random.PCG64(seed) end

---The PCG64DXSM bit generator.
---NumPy: `np.random.PCG64DXSM`.
---@param seed? integer|integer[]|lumpy.random.SeedSequence seed (nil: from the OS)
---@return lumpy.random.BitGenerator # a bit generator
function random.PCG64DXSM(seed) end

---The Philox (4x64) counter-based bit generator.
---NumPy: `np.random.Philox`.
---@param seed? integer|integer[]|lumpy.random.SeedSequence|table seed (nil: from the OS), or the options table {counter=, key=}
---@param opts? table options table {counter=, key=}
---@return lumpy.random.BitGenerator # a bit generator
function random.Philox(seed, opts) end

---The SFC64 bit generator.
---NumPy: `np.random.SFC64`.
---@param seed? integer|integer[]|lumpy.random.SeedSequence seed (nil: from the OS)
---@return lumpy.random.BitGenerator # a bit generator
function random.SFC64(seed) end

---The Mersenne Twister bit generator.
---NumPy: `np.random.MT19937`.
---@param seed? integer|integer[]|lumpy.random.SeedSequence seed (nil: from the OS)
---@return lumpy.random.BitGenerator # a bit generator
function random.MT19937(seed) end

---A legacy RandomState on MT19937 with NumPy's legacy streams.
---NumPy: `np.random.RandomState`.
---@param seed? integer|integer[] legacy seed (nil: from the OS)
---@return lumpy.random.RandomState # a legacy generator
function random.RandomState(seed) end


-- ## Legacy functions (a global RandomState)

---Reseed the global legacy RandomState.
---NumPy: `np.random.seed`.
---@param seed? integer|integer[] legacy seed (nil: from the OS)
function random.seed(seed) end

---Uniform values in [0, 1) from the global RandomState.
---NumPy: `np.random.rand`.
---@param ... integer the sizes of each dimension
---@return lumpy.Array|number # uniform [0, 1) values
function random.rand(...) end

---Standard normal values from the global RandomState.
---NumPy: `np.random.randn`.
---@param ... integer the sizes of each dimension
---@return lumpy.Array|number # standard normal values
function random.randn(...) end

---Random integers in [low, high) from the global RandomState.
---NumPy: `np.random.randint`.
---@param low integer lowest value (or the upper bound when high is nil)
---@param high? integer upper bound (excluded)
---@param size? lumpy.Shape|lumpy.RandomOptions output shape (nil: one Lua number when the parameters are scalars), or the options table
---@param dtype? lumpy.DTypeLike integer dtype (default int64)
---@return lumpy.Array|integer # the integers
function random.randint(low, high, size, dtype) end

---Uniform values in [0, 1) from the global RandomState.
---NumPy: `np.random.random`.
---@param size? lumpy.Shape output shape (nil: one Lua number)
---@return lumpy.Array|number # uniform [0, 1) values
function random.random(size) end

---Uniform values in [0, 1) from the global RandomState.
---NumPy: `np.random.random_sample`.
---@param size? lumpy.Shape output shape (nil: one Lua number)
---@return lumpy.Array|number # uniform [0, 1) values
function random.random_sample(size) end

---Random sample from a population, from the global RandomState.
---NumPy: `np.random.choice`.
---@param a integer|lumpy.ArrayLike population: an array, or n for 1..n values 0..n-1
---@param size? lumpy.Shape|lumpy.RandomOptions output shape (nil: one Lua number when the parameters are scalars), or the options table
---@param replace? boolean sample with replacement (default true)
---@param p? lumpy.ArrayLike probabilities
---@return lumpy.Array|lumpy.Scalar # the sample
function random.choice(a, size, replace, p) end

---Shuffle in place with the global RandomState.
---NumPy: `np.random.shuffle`.
---@param x lumpy.Array array shuffled in place along its first axis
function random.shuffle(x) end

---A random permutation from the global RandomState.
---NumPy: `np.random.permutation`.
---@param x integer|lumpy.ArrayLike n (a permutation of 0..n-1) or an array to permute
---@return lumpy.Array # a permuted copy
function random.permutation(x) end

---Normal samples from the global RandomState.
---NumPy: `np.random.normal`.
---@param loc? number|lumpy.ArrayLike mean (default 0)
---@param scale? number|lumpy.ArrayLike standard deviation (default 1)
---@param size? lumpy.Shape|lumpy.RandomOptions output shape (nil: one Lua number when the parameters are scalars), or the options table
---@return lumpy.Array|number # the samples
function random.normal(loc, scale, size) end

---Uniform samples from the global RandomState.
---NumPy: `np.random.uniform`.
---@param low? number|lumpy.ArrayLike lower bound (default 0)
---@param high? number|lumpy.ArrayLike upper bound (default 1)
---@param size? lumpy.Shape|lumpy.RandomOptions output shape (nil: one Lua number when the parameters are scalars), or the options table
---@return lumpy.Array|number # the samples
function random.uniform(low, high, size) end

---The global RandomState's state as a Lua table.
---NumPy: `np.random.get_state`.
---@return table # the MT19937 state
function random.get_state() end

---Restore the global RandomState's state.
---NumPy: `np.random.set_state`.
---@param state table a state from get_state
function random.set_state(state) end

---Standard normal values from the global RandomState (legacy polar method).
---NumPy: `np.random.standard_normal`.
---@param size? lumpy.Shape output shape (nil: one Lua number when the parameters are scalars), or the options table
---@return lumpy.Array|number # standard normal values
function random.standard_normal(size) end


---A random number generator (`np.random.default_rng`); `tostring(rng)` is "Generator(PCG64)".
---@class lumpy.random.Generator
---@field bit_generator lumpy.random.BitGenerator the bit generator it draws from
local Generator = {}

-- ## Uniform numbers, choices and permutations

---Uniform floats in [0, 1).
---NumPy: `Generator.random`.
---@param size? lumpy.Shape|lumpy.RandomOptions output shape (nil: one Lua number when the parameters are scalars), or the options table
---@param dtype? lumpy.DTypeLike "float64" (default) or "float32"
---@param out? lumpy.Array array to fill
---@return lumpy.Array|number # uniform [0, 1) values
function Generator:random(size, dtype, out) end

---Random integers in [low, high) (or [low, high] with endpoint), NumPy's algorithms.
---NumPy: `Generator.integers`.
---@param low integer|lumpy.ArrayLike lowest value (or the upper bound when high is nil)
---@param high? integer|lumpy.ArrayLike upper bound (excluded unless endpoint)
---@param size? lumpy.Shape|lumpy.RandomOptions output shape (nil: one Lua number when the parameters are scalars), or the options table
---@param dtype? lumpy.DTypeLike integer or bool dtype (default int64)
---@param endpoint? boolean include high
---@return lumpy.Array|integer # the integers
function Generator:integers(low, high, size, dtype, endpoint) end

---Uniform samples in [low, high).
---NumPy: `Generator.uniform`.
---@param low? number|lumpy.ArrayLike lower bound (default 0)
---@param high? number|lumpy.ArrayLike upper bound (default 1)
---@param size? lumpy.Shape|lumpy.RandomOptions output shape (nil: one Lua number when the parameters are scalars), or the options table
---@return lumpy.Array|number # the samples
function Generator:uniform(low, high, size) end

---Random bytes.
---NumPy: `Generator.bytes`.
---@param length integer number of bytes
---@return string # random bytes
function Generator:bytes(length) end

---Random sample from a population.
---NumPy: `Generator.choice`.
---@param a integer|lumpy.ArrayLike population: an array, or n for values 0..n-1
---@param size? lumpy.Shape|lumpy.RandomOptions output shape (nil: one Lua number when the parameters are scalars), or the options table
---@param replace? boolean sample with replacement (default true)
---@param p? lumpy.ArrayLike probabilities
---@param axis? integer axis to sample along (default 1)
---@param shuffle? boolean shuffle a sample without replacement (default true)
---@return lumpy.Array|lumpy.Scalar # the sample
function Generator:choice(a, size, replace, p, axis, shuffle) end

---Shuffle an array in place along an axis.
---NumPy: `Generator.shuffle`.
---@param x lumpy.Array array shuffled in place
---@param axis? integer axis (default 1)
function Generator:shuffle(x, axis) end

---A random permutation.
---NumPy: `Generator.permutation`.
---@param x integer|lumpy.ArrayLike n (a permutation of 0..n-1) or an array to permute
---@param axis? integer axis (default 1)
---@return lumpy.Array # a permuted copy
function Generator:permutation(x, axis) end

---Shuffle each slice along an axis independently.
---NumPy: `Generator.permuted`.
---@param x lumpy.ArrayLike input array
---@param opts? table options table {axis=, out=} (keyword-only, as NumPy): the axis (nil: the flattened array) and an array to write into
---@return lumpy.Array # a copy (or `out`) with each slice along axis shuffled independently
function Generator:permuted(x, opts) end

---Independent child Generators.
---NumPy: `Generator.spawn`.
---@param n_children integer number of generators
---@return lumpy.random.Generator[] # a Lua sequence of Generators
function Generator:spawn(n_children) end


-- ## Continuous distributions

---Standard normal samples (ziggurat, as NumPy).
---NumPy: `Generator.standard_normal`.
---@param size? lumpy.Shape|lumpy.RandomOptions output shape (nil: one Lua number when the parameters are scalars), or the options table
---@param dtype? lumpy.DTypeLike "float64" or "float32"
---@param out? lumpy.Array array to fill
---@return lumpy.Array|number # the samples
function Generator:standard_normal(size, dtype, out) end

---Normal (Gaussian) samples.
---NumPy: `Generator.normal`.
---@param loc? number|lumpy.ArrayLike mean (default 0)
---@param scale? number|lumpy.ArrayLike standard deviation (default 1)
---@param size? lumpy.Shape|lumpy.RandomOptions output shape (nil: one Lua number when the parameters are scalars), or the options table
---@return lumpy.Array|number # the samples
function Generator:normal(loc, scale, size) end

---Standard exponential samples.
---NumPy: `Generator.standard_exponential`.
---@param size? lumpy.Shape|lumpy.RandomOptions output shape (nil: one Lua number when the parameters are scalars), or the options table
---@param dtype? lumpy.DTypeLike "float64" or "float32"
---@param method? "zig"|"inv" algorithm (default "zig")
---@param out? lumpy.Array array to fill
---@return lumpy.Array|number # the samples
function Generator:standard_exponential(size, dtype, method, out) end

---Exponential samples.
---NumPy: `Generator.exponential`.
---@param scale? number|lumpy.ArrayLike scale 1/lambda (default 1)
---@param size? lumpy.Shape|lumpy.RandomOptions output shape (nil: one Lua number when the parameters are scalars), or the options table
---@return lumpy.Array|number # the samples
function Generator:exponential(scale, size) end

---Standard gamma samples.
---NumPy: `Generator.standard_gamma`.
---@param shape number|lumpy.ArrayLike shape k
---@param size? lumpy.Shape|lumpy.RandomOptions output shape (nil: one Lua number when the parameters are scalars), or the options table
---@param dtype? lumpy.DTypeLike "float64" or "float32"
---@param out? lumpy.Array array to fill
---@return lumpy.Array|number # the samples
function Generator:standard_gamma(shape, size, dtype, out) end

---Gamma samples.
---NumPy: `Generator.gamma`.
---@param shape number|lumpy.ArrayLike shape k
---@param scale? number|lumpy.ArrayLike scale theta (default 1)
---@param size? lumpy.Shape|lumpy.RandomOptions output shape (nil: one Lua number when the parameters are scalars), or the options table
---@return lumpy.Array|number # the samples
function Generator:gamma(shape, scale, size) end

---Beta samples.
---NumPy: `Generator.beta`.
---@param a number|lumpy.ArrayLike alpha > 0
---@param b number|lumpy.ArrayLike beta > 0
---@param size? lumpy.Shape|lumpy.RandomOptions output shape (nil: one Lua number when the parameters are scalars), or the options table
---@return lumpy.Array|number # the samples
function Generator:beta(a, b, size) end

---Chi-square samples.
---NumPy: `Generator.chisquare`.
---@param df number|lumpy.ArrayLike degrees of freedom
---@param size? lumpy.Shape|lumpy.RandomOptions output shape (nil: one Lua number when the parameters are scalars), or the options table
---@return lumpy.Array|number # the samples
function Generator:chisquare(df, size) end

---Noncentral chi-square samples.
---NumPy: `Generator.noncentral_chisquare`.
---@param df number|lumpy.ArrayLike degrees of freedom
---@param nonc number|lumpy.ArrayLike non-centrality
---@param size? lumpy.Shape|lumpy.RandomOptions output shape (nil: one Lua number when the parameters are scalars), or the options table
---@return lumpy.Array|number # the samples
function Generator:noncentral_chisquare(df, nonc, size) end

---F distribution samples.
---NumPy: `Generator.f`.
---@param dfnum number|lumpy.ArrayLike numerator degrees of freedom
---@param dfden number|lumpy.ArrayLike denominator degrees of freedom
---@param size? lumpy.Shape|lumpy.RandomOptions output shape (nil: one Lua number when the parameters are scalars), or the options table
---@return lumpy.Array|number # the samples
function Generator:f(dfnum, dfden, size) end

---Noncentral F samples.
---NumPy: `Generator.noncentral_f`.
---@param dfnum number|lumpy.ArrayLike numerator degrees of freedom
---@param dfden number|lumpy.ArrayLike denominator degrees of freedom
---@param nonc number|lumpy.ArrayLike non-centrality
---@param size? lumpy.Shape|lumpy.RandomOptions output shape (nil: one Lua number when the parameters are scalars), or the options table
---@return lumpy.Array|number # the samples
function Generator:noncentral_f(dfnum, dfden, nonc, size) end

---Standard Cauchy (Lorentz) samples.
---NumPy: `Generator.standard_cauchy`.
---@param size? lumpy.Shape|lumpy.RandomOptions output shape (nil: one Lua number when the parameters are scalars), or the options table
---@return lumpy.Array|number # the samples
function Generator:standard_cauchy(size) end

---Student's t samples.
---NumPy: `Generator.standard_t`.
---@param df number|lumpy.ArrayLike degrees of freedom
---@param size? lumpy.Shape|lumpy.RandomOptions output shape (nil: one Lua number when the parameters are scalars), or the options table
---@return lumpy.Array|number # the samples
function Generator:standard_t(df, size) end

---von Mises samples on [-pi, pi].
---NumPy: `Generator.vonmises`.
---@param mu number|lumpy.ArrayLike mode
---@param kappa number|lumpy.ArrayLike concentration
---@param size? lumpy.Shape|lumpy.RandomOptions output shape (nil: one Lua number when the parameters are scalars), or the options table
---@return lumpy.Array|number # the samples
function Generator:vonmises(mu, kappa, size) end

---Pareto II (Lomax) samples.
---NumPy: `Generator.pareto`.
---@param a number|lumpy.ArrayLike shape
---@param size? lumpy.Shape|lumpy.RandomOptions output shape (nil: one Lua number when the parameters are scalars), or the options table
---@return lumpy.Array|number # the samples
function Generator:pareto(a, size) end

---Weibull samples.
---NumPy: `Generator.weibull`.
---@param a number|lumpy.ArrayLike shape
---@param size? lumpy.Shape|lumpy.RandomOptions output shape (nil: one Lua number when the parameters are scalars), or the options table
---@return lumpy.Array|number # the samples
function Generator:weibull(a, size) end

---Power distribution samples in [0, 1].
---NumPy: `Generator.power`.
---@param a number|lumpy.ArrayLike exponent > 0
---@param size? lumpy.Shape|lumpy.RandomOptions output shape (nil: one Lua number when the parameters are scalars), or the options table
---@return lumpy.Array|number # the samples
function Generator:power(a, size) end

---Laplace samples.
---NumPy: `Generator.laplace`.
---@param loc? number|lumpy.ArrayLike position (default 0)
---@param scale? number|lumpy.ArrayLike scale (default 1)
---@param size? lumpy.Shape|lumpy.RandomOptions output shape (nil: one Lua number when the parameters are scalars), or the options table
---@return lumpy.Array|number # the samples
function Generator:laplace(loc, scale, size) end

---Gumbel samples.
---NumPy: `Generator.gumbel`.
---@param loc? number|lumpy.ArrayLike position (default 0)
---@param scale? number|lumpy.ArrayLike scale (default 1)
---@param size? lumpy.Shape|lumpy.RandomOptions output shape (nil: one Lua number when the parameters are scalars), or the options table
---@return lumpy.Array|number # the samples
function Generator:gumbel(loc, scale, size) end

---Logistic samples.
---NumPy: `Generator.logistic`.
---@param loc? number|lumpy.ArrayLike position (default 0)
---@param scale? number|lumpy.ArrayLike scale (default 1)
---@param size? lumpy.Shape|lumpy.RandomOptions output shape (nil: one Lua number when the parameters are scalars), or the options table
---@return lumpy.Array|number # the samples
function Generator:logistic(loc, scale, size) end

---Log-normal samples.
---NumPy: `Generator.lognormal`.
---@param mean? number|lumpy.ArrayLike mean of the underlying normal (default 0)
---@param sigma? number|lumpy.ArrayLike its standard deviation (default 1)
---@param size? lumpy.Shape|lumpy.RandomOptions output shape (nil: one Lua number when the parameters are scalars), or the options table
---@return lumpy.Array|number # the samples
function Generator:lognormal(mean, sigma, size) end

---Rayleigh samples.
---NumPy: `Generator.rayleigh`.
---@param scale? number|lumpy.ArrayLike scale (default 1)
---@param size? lumpy.Shape|lumpy.RandomOptions output shape (nil: one Lua number when the parameters are scalars), or the options table
---@return lumpy.Array|number # the samples
function Generator:rayleigh(scale, size) end

---Wald (inverse Gaussian) samples.
---NumPy: `Generator.wald`.
---@param mean number|lumpy.ArrayLike mean > 0
---@param scale number|lumpy.ArrayLike scale > 0
---@param size? lumpy.Shape|lumpy.RandomOptions output shape (nil: one Lua number when the parameters are scalars), or the options table
---@return lumpy.Array|number # the samples
function Generator:wald(mean, scale, size) end

---Triangular samples.
---NumPy: `Generator.triangular`.
---@param left number|lumpy.ArrayLike lower limit
---@param mode number|lumpy.ArrayLike peak
---@param right number|lumpy.ArrayLike upper limit
---@param size? lumpy.Shape|lumpy.RandomOptions output shape (nil: one Lua number when the parameters are scalars), or the options table
---@return lumpy.Array|number # the samples
function Generator:triangular(left, mode, right, size) end

---Dirichlet samples.
---NumPy: `Generator.dirichlet`.
---@param alpha lumpy.ArrayLike concentration parameters
---@param size? lumpy.Shape|lumpy.RandomOptions output shape (nil: one Lua number when the parameters are scalars), or the options table
---@return lumpy.Array # samples (..., k)
function Generator:dirichlet(alpha, size) end

---Multivariate normal samples.
---NumPy: `Generator.multivariate_normal`.
---@param mean lumpy.ArrayLike mean vector (n)
---@param cov lumpy.ArrayLike covariance matrix (n, n)
---@param size? lumpy.Shape|lumpy.RandomOptions output shape (nil: one Lua number when the parameters are scalars), or the options table
---@param check_valid? "warn"|"raise"|"ignore" what to do when cov is not positive semi-definite
---@param tol? number tolerance of that check
---@param opts? table options table {method=}: the factorization "svd" (default), "eigh" or "cholesky" (keyword-only, as NumPy); also any of the other parameters
---@return lumpy.Array # samples (..., n)
function Generator:multivariate_normal(mean, cov, size, check_valid, tol, opts) end


-- ## Discrete distributions

---Binomial samples.
---NumPy: `Generator.binomial`.
---@param n integer|lumpy.ArrayLike trials
---@param p number|lumpy.ArrayLike success probability
---@param size? lumpy.Shape|lumpy.RandomOptions output shape (nil: one Lua number when the parameters are scalars), or the options table
---@return lumpy.Array|integer # int64 samples
function Generator:binomial(n, p, size) end

---Negative binomial samples.
---NumPy: `Generator.negative_binomial`.
---@param n number|lumpy.ArrayLike successes
---@param p number|lumpy.ArrayLike success probability
---@param size? lumpy.Shape|lumpy.RandomOptions output shape (nil: one Lua number when the parameters are scalars), or the options table
---@return lumpy.Array|integer # int64 samples
function Generator:negative_binomial(n, p, size) end

---Poisson samples.
---NumPy: `Generator.poisson`.
---@param lam? number|lumpy.ArrayLike expected count (default 1)
---@param size? lumpy.Shape|lumpy.RandomOptions output shape (nil: one Lua number when the parameters are scalars), or the options table
---@return lumpy.Array|integer # int64 samples
function Generator:poisson(lam, size) end

---Geometric samples.
---NumPy: `Generator.geometric`.
---@param p number|lumpy.ArrayLike success probability
---@param size? lumpy.Shape|lumpy.RandomOptions output shape (nil: one Lua number when the parameters are scalars), or the options table
---@return lumpy.Array|integer # int64 samples (>= 1)
function Generator:geometric(p, size) end

---Hypergeometric samples.
---NumPy: `Generator.hypergeometric`.
---@param ngood integer|lumpy.ArrayLike good items
---@param nbad integer|lumpy.ArrayLike bad items
---@param nsample integer|lumpy.ArrayLike items drawn
---@param size? lumpy.Shape|lumpy.RandomOptions output shape (nil: one Lua number when the parameters are scalars), or the options table
---@return lumpy.Array|integer # int64 samples
function Generator:hypergeometric(ngood, nbad, nsample, size) end

---Logarithmic series samples.
---NumPy: `Generator.logseries`.
---@param p number|lumpy.ArrayLike parameter, 0 <= p < 1
---@param size? lumpy.Shape|lumpy.RandomOptions output shape (nil: one Lua number when the parameters are scalars), or the options table
---@return lumpy.Array|integer # int64 samples
function Generator:logseries(p, size) end

---Zipf samples.
---NumPy: `Generator.zipf`.
---@param a number|lumpy.ArrayLike parameter > 1
---@param size? lumpy.Shape|lumpy.RandomOptions output shape (nil: one Lua number when the parameters are scalars), or the options table
---@return lumpy.Array|integer # int64 samples
function Generator:zipf(a, size) end

---Multinomial samples.
---NumPy: `Generator.multinomial`.
---@param n integer|lumpy.ArrayLike trials
---@param pvals lumpy.ArrayLike probabilities of the k outcomes
---@param size? lumpy.Shape|lumpy.RandomOptions output shape (nil: one Lua number when the parameters are scalars), or the options table
---@return lumpy.Array # int64 counts (..., k)
function Generator:multinomial(n, pvals, size) end

---Multivariate hypergeometric samples.
---NumPy: `Generator.multivariate_hypergeometric`.
---@param colors lumpy.ArrayLike items of each color
---@param nsample integer items drawn
---@param size? lumpy.Shape|lumpy.RandomOptions output shape (nil: one Lua number when the parameters are scalars), or the options table
---@param method? "marginals"|"count" algorithm (default "marginals")
---@return lumpy.Array # int64 counts (..., k)
function Generator:multivariate_hypergeometric(colors, nsample, size, method) end


---A bit generator (PCG64, PCG64DXSM, Philox, SFC64, MT19937): the source of random words.
---`bg.state` reads and writes the state as a Lua table mirroring NumPy's dict.
---@class lumpy.random.BitGenerator
---@field state table the state (NumPy's dict as a Lua table)
---@field seed_seq lumpy.random.SeedSequence the seed sequence it was seeded from
local BitGenerator = {}

---Raw 64-bit words.
---NumPy: `BitGenerator.random_raw`.
---@param size? lumpy.Shape output shape (nil: one Lua integer)
---@param output? boolean return the words (default true); false only advances the state
---@return (lumpy.Array|integer)? # uint64 words (nil when output is false)
function BitGenerator:random_raw(size, output) end

---Independent child bit generators.
---NumPy: `BitGenerator.spawn`.
---@param n_children integer number of bit generators
---@return lumpy.random.BitGenerator[] # a Lua sequence
function BitGenerator:spawn(n_children) end

---Advance the state as if delta draws were made (PCG64, PCG64DXSM, Philox).
---NumPy: `PCG64.advance`.
---@param delta integer number of steps
---@return lumpy.random.BitGenerator # itself
function BitGenerator:advance(delta) end

---A copy whose state is jumped ahead (2^127-ish steps).
---NumPy: `PCG64.jumped`.
---@param jumps? integer number of jumps (default 1)
---@return lumpy.random.BitGenerator # a new bit generator
function BitGenerator:jumped(jumps) end


---NumPy's SeedSequence: fields `entropy`, `spawn_key`, `pool_size`, `n_children_spawned`, `state`.
---@class lumpy.random.SeedSequence
---@field entropy integer|integer[] the entropy
---@field spawn_key integer[] the spawn key
---@field pool_size integer words in the pool (4)
---@field n_children_spawned integer children spawned so far
---@field state table entropy, spawn_key, pool_size and n_children_spawned as one table
local SeedSequence = {}

---Seed words for a bit generator.
---NumPy: `SeedSequence.generate_state`.
---@param n_words integer number of words
---@param dtype? "uint32"|"uint64" word type (default "uint32")
---@return lumpy.Array # the words
function SeedSequence:generate_state(n_words, dtype) end

---Independent child seed sequences.
---NumPy: `SeedSequence.spawn`.
---@param n_children integer number of seed sequences
---@return lumpy.random.SeedSequence[] # a Lua sequence
function SeedSequence:spawn(n_children) end


---A legacy generator (MT19937) with NumPy's legacy streams (np.random.seed and friends use a global one).
---@class lumpy.random.RandomState
local RandomState = {}

---Reseed.
---NumPy: `RandomState.seed`.
---@param seed? integer|integer[] legacy seed (nil: from the OS)
function RandomState:seed(seed) end

---Uniform values in [0, 1).
---NumPy: `RandomState.random_sample`.
---@param size? lumpy.Shape output shape (nil: one Lua number)
---@return lumpy.Array|number # uniform [0, 1) values
function RandomState:random_sample(size) end

---Uniform values in [0, 1).
---NumPy: `RandomState.random`.
---@param size? lumpy.Shape output shape (nil: one Lua number)
---@return lumpy.Array|number # uniform [0, 1) values
function RandomState:random(size) end

---Uniform values in [0, 1).
---NumPy: `RandomState.rand`.
---@param ... integer the sizes of each dimension
---@return lumpy.Array|number # uniform [0, 1) values
function RandomState:rand(...) end

---Standard normal values (legacy polar method).
---NumPy: `RandomState.randn`.
---@param ... integer the sizes of each dimension
---@return lumpy.Array|number # standard normal values
function RandomState:randn(...) end

---Standard normal values (legacy polar method).
---NumPy: `RandomState.standard_normal`.
---@param size? lumpy.Shape output shape (nil: one Lua number)
---@return lumpy.Array|number # standard normal values
function RandomState:standard_normal(size) end

---Normal samples.
---NumPy: `RandomState.normal`.
---@param loc? number|lumpy.ArrayLike mean (default 0)
---@param scale? number|lumpy.ArrayLike standard deviation (default 1)
---@param size? lumpy.Shape|lumpy.RandomOptions output shape (nil: one Lua number when the parameters are scalars), or the options table
---@return lumpy.Array|number # the samples
function RandomState:normal(loc, scale, size) end

---Random integers in [low, high) (legacy masked rejection).
---NumPy: `RandomState.randint`.
---@param low integer lowest value (or the upper bound when high is nil)
---@param high? integer upper bound (excluded)
---@param size? lumpy.Shape|lumpy.RandomOptions output shape (nil: one Lua number when the parameters are scalars), or the options table
---@param dtype? lumpy.DTypeLike integer dtype (default int64)
---@return lumpy.Array|integer # the integers
function RandomState:randint(low, high, size, dtype) end

---The state as a Lua table.
---NumPy: `RandomState.get_state`.
---@return table # the MT19937 state
function RandomState:get_state() end

---Restore a state.
---NumPy: `RandomState.set_state`.
---@param state table a state from get_state
function RandomState:set_state(state) end

---Random sample from a population (legacy algorithm).
---NumPy: `RandomState.choice`.
---@param a integer|lumpy.ArrayLike population: an array, or n for values 0..n-1
---@param size? lumpy.Shape|lumpy.RandomOptions output shape (nil: one Lua number when the parameters are scalars), or the options table
---@param replace? boolean sample with replacement (default true)
---@param p? lumpy.ArrayLike probabilities
---@return lumpy.Array|lumpy.Scalar # the sample
function RandomState:choice(a, size, replace, p) end

---Shuffle in place (legacy algorithm).
---NumPy: `RandomState.shuffle`.
---@param x lumpy.Array array shuffled in place along its first axis
function RandomState:shuffle(x) end

---A random permutation (legacy algorithm).
---NumPy: `RandomState.permutation`.
---@param x integer|lumpy.ArrayLike n (a permutation of 0..n-1) or an array to permute
---@return lumpy.Array # a permuted copy
function RandomState:permutation(x) end

---Uniform samples in [low, high).
---NumPy: `RandomState.uniform`.
---@param low? number|lumpy.ArrayLike lower bound (default 0)
---@param high? number|lumpy.ArrayLike upper bound (default 1)
---@param size? lumpy.Shape|lumpy.RandomOptions output shape (nil: one Lua number when the parameters are scalars), or the options table
---@return lumpy.Array|number # the samples
function RandomState:uniform(low, high, size) end

return random
