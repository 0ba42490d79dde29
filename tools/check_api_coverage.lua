-- tools/check_api_coverage.lua - compares what `require "lumpy"` exports
-- with the annotations in types/: every exported function (np.*, the
-- submodules' functions, the methods of arrays, random generators, bit
-- generators, seed sequences, ...) needs an entry, and every entry must name
-- something that exists. Prints one line per problem and fails.
--   LUA_CPATH=build/?.so LUA_PATH=lua/?.lua lua5.4 tools/check_api_coverage.lua [types-dir]

local dir = arg[0]:match("^(.*)/[^/]*$") or "."
package.path = dir .. "/?.lua;" .. package.path
local lsdoc = require "lsdoc"
local np = require "lumpy"

local entries, err = lsdoc.parse_dir(arg[1] or "types")
if not entries then
  io.stderr:write(err, "\n")
  os.exit(1)
end

-- objects whose methods are exported: class name in types/ -> a function
-- that makes one (nil when that part of the module does not exist)
local function try(f) local ok, v = pcall(f) if ok then return v end end
local OBJECTS = {
  ["lumpy.Array"] = function() return np.zeros(1) end,
  ["lumpy.Complex"] = function() return np.complex(1, 2) end,
  ["lumpy.random.Generator"] = function() return try(function() return np.random.default_rng(1) end) end,
  ["lumpy.random.BitGenerator"] = function() return try(function() return np.random.PCG64(1) end) end,
  ["lumpy.random.SeedSequence"] = function() return try(function() return np.random.SeedSequence(1) end) end,
  ["lumpy.random.RandomState"] = function() return try(function() return np.random.RandomState(1) end) end,
  ["lumpy.NpzFile"] = function()
    return try(function()
      local tmp = os.tmpname()
      local path = tmp .. ".npz"
      local ok = pcall(np.savez, path, np.zeros(1))
      local z = ok and np.load(path)
      os.remove(path)
      os.remove(tmp)
      return z or nil
    end)
  end,
}

-- the method table of an object: the metatable's `methods` / `__methods`,
-- a table __index, or the table a C __index closure holds as an upvalue
local function method_table(obj)
  local mt = getmetatable(obj)
  if type(mt) ~= "table" then return nil end
  if type(rawget(mt, "methods")) == "table" then return rawget(mt, "methods") end
  if type(rawget(mt, "__methods")) == "table" then return rawget(mt, "__methods") end
  local idx = rawget(mt, "__index")
  if type(idx) == "table" then return idx end
  if type(idx) == "function" then
    for i = 1, 8 do
      local name, v = debug.getupvalue(idx, i)
      if name == nil then break end
      if type(v) == "table" then return v end
    end
  end
end

-- what exists: qualified name -> true
-- and the other values of the module tables (dtype objects, markers,
-- submodules): qualified name -> true
local exported, values = {}, {}
local function walk_module(t, prefix, seen)
  if seen[t] then return end
  seen[t] = true
  for k, v in pairs(t) do
    if type(k) == "string" and not k:match("^_") then
      if type(v) == "function" then
        exported[prefix .. "." .. k] = true
      else
        values[prefix .. "." .. k] = true
        if type(v) == "table" and getmetatable(v) == nil then
          walk_module(v, prefix .. "." .. k, seen)
        end
      end
    end
  end
end
walk_module(np, "np", {})
local missing_objects = {}
for class, make in pairs(OBJECTS) do
  local obj = make()
  local meths = obj ~= nil and method_table(obj)
  if meths then
    for k, v in pairs(meths) do
      if type(k) == "string" and type(v) == "function" then exported[class .. ":" .. k] = true end
    end
  else
    missing_objects[class] = true
  end
end

-- what is annotated
local annotated = {}
for _, e in ipairs(entries) do
  if e.kind == "function" or e.kind == "alias_of" then
    local q = lsdoc.qualified(e)
    if annotated[q] then
      print(("duplicate annotation: %s (%s:%d)"):format(q, e.file, e.line))
    end
    annotated[q] = e
  end
end

-- the ---@field lines of the namespace classes (np.float32, np.linalg, ...)
local fields = {}
for _, e in ipairs(entries) do
  if e.kind == "class" and lsdoc.is_namespace(e.name) then
    for _, f in ipairs(e.doc.fields) do
      if not f.name:match("^_") then
        fields[lsdoc.display_prefix(e.name) .. "." .. f.name] = e
      end
    end
  end
end

local problems = {}
for name in pairs(values) do
  if not fields[name] then problems[#problems + 1] = "no ---@field annotation: " .. name end
end
for name, e in pairs(fields) do
  if not values[name] and not exported[name] then
    problems[#problems + 1] = ("---@field names nothing exported: %s (%s:%d)"):format(name, e.file, e.line)
  end
end
for name in pairs(exported) do
  if not annotated[name] then problems[#problems + 1] = "no annotation: " .. name end
end
for name, e in pairs(annotated) do
  if not exported[name] then
    local class = name:match("^(.-):")
    if class and missing_objects[class] then
      problems[#problems + 1] = ("annotation of a missing object (%s cannot be made): %s (%s:%d)")
        :format(class, name, e.file, e.line)
    else
      problems[#problems + 1] = ("annotation names nothing exported: %s (%s:%d)"):format(name, e.file, e.line)
    end
  end
end
table.sort(problems)
for _, p in ipairs(problems) do print(p) end
local n = 0
for _ in pairs(exported) do n = n + 1 end
if #problems > 0 then
  print(("check_api_coverage: %d problem(s) (%d exported functions)"):format(#problems, n))
  print("check_api_coverage: add (or remove) the entries in types/ (the lines above name the files),"
        .. " then run `make docs` to rewrite docs/reference.md")
  os.exit(1)
end
print(("check_api_coverage: all %d exported functions are annotated"):format(n))
