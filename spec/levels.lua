-- levels.lua - for `make test`: prints "LEVEL DISABLE" for every SIMD level
-- this CPU supports below the one it runs, DISABLE being the
-- LUMPY_DISABLE_CPU_FEATURES value that selects it.
local H = require "helper"
local levels = H.simd_levels()
for i = 1, #levels - 1 do print(levels[i].name .. " " .. levels[i].disable) end
