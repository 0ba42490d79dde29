-- lumpy/npyio.lua - NumPy's file formats: np.save, np.load (.npy and .npz,
-- memory-mapped or read), np.savez, np.savez_compressed, the NpzFile object,
-- np.memmap and np.lib.format.open_memmap, on the C primitives of
-- src/bind/npyio.c and src/bind/npz.c. NumPy's keyword arguments go in a
-- trailing options table; positional arguments keep NumPy's order.

local U = require "lumpy.util"

return function(np, P)
  local named, is_array = U.named, U.is_array

  local function fail(msg) error(msg, 0) end

  -- positional arguments (after the first) and a trailing options table,
  -- merged by NumPy's parameter names
  local function gather(names, ...)
    return U.gather(fail, names, {}, U.is_record_not_array, 0, ...)
  end

  local function is_file(f) return io.type(f) == "file" end

  local function check_target(file)
    if type(file) ~= "string" and not is_file(file) then
      fail("expected a file name or an open file, got " .. (io.type(file) or type(file)))
    end
    if is_file(file) and io.type(file) == "closed file" then fail("the file is closed") end
  end

  local function with_suffix(file, suffix)
    if type(file) == "string" and file:sub(-#suffix) ~= suffix then return file .. suffix end
    return file
  end

  -- a as NumPy writes it: C- or Fortran-contiguous as it is, else a C copy
  local function contiguous(a)
    a = is_array(a) and a or np.asarray(a)
    local fl = a.flags
    if fl.c_contiguous or fl.f_contiguous then return a end
    return a:copy()
  end

  local function max_header(v)
    if v.allow_pickle then return 0 end
    local m = v.max_header_size
    if m == nil then return 10000 end
    if U.mtype(m) ~= "integer" then fail("max_header_size must be an integer") end
    return m < 1 and 1 or m
  end

  local MMAP = { r = "r", ["r+"] = "r+", c = "c", ["w+"] = "w+", readonly = "r",
                 readwrite = "r+", copyonwrite = "c", write = "w+" }
  local function map_mode(m, what, allow_w)
    local c = MMAP[m]
    if not c or (c == "w+" and not allow_w) then
      fail(("%s must be one of %s, got %s"):format(what,
        allow_w and "'r', 'r+', 'w+', 'c'" or "'r', 'r+', 'c'", tostring(m)))
    end
    return c
  end

  -- ------------------------------------------------------------ save
  np.save = named("save", function(file, arr, ...)
    gather({ "allow_pickle", "fix_imports" }, ...)
    check_target(file)
    if arr == nil then fail("missing the array to save") end
    P.save("save", with_suffix(file, ".npy"), contiguous(arr))
  end)

  -- ------------------------------------------------------------ NpzFile
  local STATE = {}                 -- private key of an NpzFile's state
  local Npz = {}
  local methods = {}

  local function state(f)
    local s = type(f) == "table" and rawget(f, STATE)
    if not s then fail("expected an NpzFile") end
    return s
  end

  -- the member for key (its name, or its name without ".npy"), or nil
  local function member(s, key)
    return s.index[key] or s.index[key .. ".npy"]
  end

  local function get(f, key)
    local s = state(f)
    if type(key) ~= "string" then fail("NpzFile keys are strings, got " .. type(key)) end
    local i = member(s, key)
    if not i then fail(("%s is not a file in the archive"):format(key)) end
    return P.npz_read("load", s.z, i, s.max)
  end

  function methods.get(f, key) return get(f, key) end
  function methods.keys(f)
    local t = {}
    for i, k in ipairs(state(f).files) do t[i] = k end
    return t
  end
  function methods.items(f)
    local files, i = state(f).files, 0
    return function()
      i = i + 1
      if files[i] then return files[i], get(f, files[i]) end
    end
  end
  function methods.values(f)
    local it = methods.items(f)
    return function() local _, v = it(); return v end
  end
  function methods.close(f)
    local s = state(f)
    P.npz_close(s.z)
    s.closed = true
  end

  Npz.__name = "lumpy.NpzFile"
  Npz.__index = function(f, k)
    if methods[k] then return methods[k] end
    local s = rawget(f, STATE)
    if k == "files" then
      local t = {}
      for i, x in ipairs(s.files) do t[i] = x end
      return t
    end
    if k == "f" then
      return setmetatable({}, { __index = function(_, name) return get(f, name) end })
    end
    if type(k) == "string" and member(s, k) then return get(f, k) end
    return nil
  end
  Npz.__newindex = function() fail("lumpy.load: an NpzFile is read-only") end
  Npz.__pairs = function(f) return methods.items(f) end
  Npz.__len = function(f) return #state(f).files end
  Npz.__close = function(f) methods.close(f) end
  Npz.__tostring = function(f)
    local s = rawget(f, STATE)
    local shown = {}
    for i = 1, math.min(#s.files, 5) do shown[i] = s.files[i] end
    local keys = table.concat(shown, ", ") .. (#s.files > 5 and "..." or "")
    return ("NpzFile '%s' with keys: %s"):format(s.path, keys)
  end

  local function open_npz(path, max)
    local z = P.npz_open("load", path)
    local raw = P.npz_names(z)
    local s = { z = z, path = path, max = max, files = {}, index = {} }
    for i, name in ipairs(raw) do
      s.index[name] = i
      s.files[i] = name:sub(-4) == ".npy" and name:sub(1, -5) or name
    end
    return setmetatable({ [STATE] = s }, Npz)
  end

  -- ------------------------------------------------------------ load
  np.load = named("load", function(file, ...)
    local v = gather({ "mmap_mode", "allow_pickle", "fix_imports", "encoding",
                       "max_header_size" }, ...)
    check_target(file)
    local max = max_header(v)
    local magic
    if type(file) == "string" then
      local f, err = io.open(file, "rb")
      if not f then fail("cannot open " .. tostring(err)) end
      magic = U.read(f, 6, file, true)
    else
      local at = file:seek()
      magic = U.read(file, 6)
      if at then file:seek("set", at) end
    end
    if magic:sub(1, 2) == "PK" and (magic:sub(3, 4) == "\3\4" or magic:sub(3, 4) == "\5\6") then
      if type(file) ~= "string" then fail(".npz files are loaded from a file name, not an open file") end
      return open_npz(file, max)
    end
    if magic == "\147NUMPY" then  -- "\x93NUMPY" (5.1 reads no \x escapes)
      if v.mmap_mode ~= nil then
        local m = map_mode(v.mmap_mode, "mmap_mode", true)
        if m == "w+" then
          fail("mmap_mode 'w+' would overwrite the file; create one with "
               .. "np.lib.format.open_memmap(path, {mode = 'w+', dtype = ..., shape = ...})")
        end
        if type(file) ~= "string" then fail("mmap_mode needs a file name, not an open file") end
        return P.map("load", file, m, max)
      end
      return P.load("load", file, max)
    end
    if #magic == 0 then fail("no data left in file") end
    fail("not a .npy or .npz file (LumPy cannot load pickled data)")
  end)

  -- ------------------------------------------------------------ savez
  local function savez(fname, compress)
    return named(fname, function(file, ...)
      check_target(file)
      local n = select("#", ...)
      local args = { ... }
      local kw
      local last = args[n]
      if n > 0 and type(last) == "table" and getmetatable(last) == nil and #last == 0 then
        local k = next(last)
        if k == nil or type(k) == "string" then kw = last; n = n - 1 end
      end
      -- as NumPy: the named arrays first (here in sorted name order), then
      -- the positional ones as arr_0, arr_1, ...
      local names, arrays = {}, {}
      if kw then
        local keys = {}
        for k in pairs(kw) do
          if type(k) ~= "string" then fail("array names must be strings") end
          if k:match("^arr_%d+$") and tonumber(k:sub(5)) < n then
            fail("Cannot use un-named variables and keyword " .. k)
          end
          keys[#keys + 1] = k
        end
        table.sort(keys)
        for _, k in ipairs(keys) do
          names[#names + 1] = k
          arrays[#arrays + 1] = contiguous(kw[k])
        end
      end
      for i = 1, n do
        if args[i] == nil then fail(("argument %d is nil"):format(i + 1)) end
        names[#names + 1] = "arr_" .. (i - 1)
        arrays[#arrays + 1] = contiguous(args[i])
      end
      P.npz_save(fname, with_suffix(file, ".npz"), names, arrays, compress)
    end)
  end
  np.savez = savez("savez", false)
  np.savez_compressed = savez("savez_compressed", true)

  -- ------------------------------------------------------------ memory maps
  np.memmap = named("memmap", function(filename, ...)
    local v = gather({ "dtype", "mode", "offset", "shape", "order" }, ...)
    if type(filename) ~= "string" then fail("filename must be a string") end
    local mode = map_mode(v.mode == nil and "r+" or v.mode, "mode", true)
    local offset = v.offset or 0
    if U.mtype(offset) ~= "integer" then fail("offset must be an integer") end
    local order = v.order or "C"
    if order ~= "C" and order ~= "F" then fail("order must be 'C' or 'F'") end
    return P.memmap("memmap", filename, v.dtype or "uint8", mode, offset, v.shape,
                    order == "F")
  end)

  np.lib = np.lib or {}
  np.lib.format = np.lib.format or {}
  np.lib.format.open_memmap = named("lib.format.open_memmap", function(filename, ...)
    local v = gather({ "mode", "dtype", "shape", "fortran_order", "version",
                       "max_header_size" }, ...)
    if type(filename) ~= "string" then fail("filename must be a string") end
    local mode = map_mode(v.mode == nil and "r+" or v.mode, "mode", true)
    if mode == "w+" then
      if v.shape == nil then fail("shape must be given when mode is 'w+'") end
      local version = v.version
      if type(version) == "table" then
        if version[2] ~= 0 then fail("version must be (1, 0), (2, 0) or (3, 0)") end
        version = version[1]
      end
      if version ~= nil and version ~= 1 and version ~= 2 and version ~= 3 then
        fail("version must be (1, 0), (2, 0) or (3, 0)")
      end
      return P.create("lib.format.open_memmap", filename, v.dtype or "float64",
                      v.shape, v.fortran_order and true or false, version)
    end
    return P.map("lib.format.open_memmap", filename, mode, max_header(v))
  end)
end
