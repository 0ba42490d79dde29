-- lumpy/stats.lua - the parts of statistics built on reductions and sorting (median, percentile, quantile, average, histogram, cov, convolve, gradient)
-- written in Lua, on the C primitives. Loaded by lumpy/extras.lua with the module table.

return function(np)
end
