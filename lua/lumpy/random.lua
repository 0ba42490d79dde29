-- lumpy/random.lua - the parts of np.random written in Lua.

return function(np, internal)
  -- internal.generator_methods: the Generator's method table (set by
  -- src/bind/random.c); the distributions' Lua parts add to it
  local methods = internal and internal.generator_methods
  require("lumpy.random_cont")(np, internal, methods)
  require("lumpy.random_disc")(np, internal, methods)
end
