---@meta lumpy.slowpath
-- types/lumpy/slowpath.lua - annotations for np.slowpath (finding code that misses the SIMD kernels).

---Counting the slow (generic, non-SIMD) code paths; see docs/simd.md.
---@class lumpy.slowpath
local slowpath = {}

---Run a function and count the slow paths it takes (LumPy's).
---@param fn function function to run
---@param ... any its arguments
---@return table<string, integer> counts # slow-path counts such as ["exp:float64:generic"] = 3
---@return any ... # fn's results
function slowpath.capture(fn, ...) end

---Start counting slow paths (LumPy's).
function slowpath.start() end

---Stop counting and return the counts (LumPy's).
---@return table<string, integer> # the counts since start
function slowpath.stop() end

return slowpath
