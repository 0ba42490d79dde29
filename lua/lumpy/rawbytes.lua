-- lumpy/rawbytes.lua - arrays as raw bytes and separated text: a:tobytes,
-- np.frombuffer (a read-only view of a Lua string), a:tofile and
-- np.fromfile (binary when sep is "", else text), np.fromstring (separated
-- text only, as NumPy 2). Loaded by lumpy/textio.lua with its helpers.

local U = require "lumpy.util"

return function(np, P, H)
  local named, is_array = U.named, U.is_array
  local gather, dtype_name, fail = H.gather, H.dtype_name, H.fail
  local methods = H.methods
  local mtype, read = U.mtype, U.read

  local function int_arg(v, what, default)
    if v == nil then return default end
    if mtype(v) ~= "integer" then fail(what .. " must be an integer, got " .. (mtype(v) or type(v))) end
    return v
  end

  local function check_array(a)
    if not is_array(a) then fail("expected an array, got " .. type(a)) end
    return a
  end

  -- a:tobytes([order]) with order "C" (default), "F" or "A"
  local function tobytes(a, ...)
    local o = gather({ "order" }, {}, ...)
    a = np.asarray(a)
    local order = o.order or "C"
    if order == "A" then
      local f = a.flags
      order = (f.f_contiguous and not f.c_contiguous) and "F" or "C"
    end
    if order ~= "C" and order ~= "F" then
      fail("order must be one of 'C', 'F', 'A', got " .. tostring(order))
    end
    return P.tobytes(a, order == "F")
  end
  methods.tobytes = named("tobytes", tobytes)

  -- np.frombuffer(s, [dtype, count, offset]): a read-only view of the bytes
  -- of the Lua string s, which it keeps alive. The common call (a string
  -- and at most a dtype name) is C's own, which names its errors; C hands
  -- every other call to this function.
  local frombuffer_c = P.frombuffer
  local frombuffer = named("frombuffer", function(s, ...)
    local o = gather({ "dtype", "count", "offset" }, { like = true }, ...)
    if type(s) ~= "string" then fail("expected a Lua string, got " .. type(s)) end
    return frombuffer_c(s, dtype_name(o.dtype, "float64"), int_arg(o.count, "count", -1),
                        int_arg(o.offset, "offset", 0), "frombuffer")
  end)
  np.frombuffer = P.frombuffer_entry(frombuffer)

  -- np.fromstring(s, [dtype, count], {sep}): the items of separated text
  np.fromstring = named("fromstring", function(s, ...)
    local o = gather({ "dtype", "count" }, { sep = true, like = true }, ...)
    if type(s) ~= "string" then fail("expected a Lua string, got " .. type(s)) end
    local sep = o.sep or ""
    if type(sep) ~= "string" then fail("sep must be a string") end
    if sep == "" then
      fail("The binary mode of fromstring is removed, use frombuffer instead")
    end
    return P.fromtext(s, dtype_name(o.dtype, "float64"), int_arg(o.count, "count", -1), sep,
                      "fromstring", false)
  end)

  -- a:tofile(fid, {sep = "", format = ""}): binary (C order) when sep is
  -- "", else the items as text separated by sep (str() of each, or format)
  methods.tofile = named("tofile", function(a, fid, ...)
    local o = gather({ "sep", "format" }, {}, ...)
    check_array(a)
    local sep, format = o.sep or "", o.format or ""
    if type(sep) ~= "string" or type(format) ~= "string" then fail("sep and format must be strings") end
    local data
    if sep == "" then data = P.tobytes(a, false)
    else data = P.items(a, format, sep) end
    local f, close = H.open_out(fid, "wb")
    local ok, err = f:write(data)
    if close then f:close() end
    if not ok then fail("cannot write to the file: " .. tostring(err)) end
  end)

  -- np.fromfile(file, [dtype, count, sep, offset])
  np.fromfile = named("fromfile", function(file, ...)
    local o = gather({ "dtype", "count", "sep", "offset" }, { like = true }, ...)
    local dt = dtype_name(o.dtype, "float64")
    local count = int_arg(o.count, "count", -1)
    local offset = int_arg(o.offset, "offset", 0)
    local sep = o.sep or ""
    if type(sep) ~= "string" then fail("sep must be a string") end
    if offset < 0 then fail("offset must be nonnegative") end
    if offset ~= 0 and sep ~= "" then fail("'offset' argument only permitted for binary files") end
    local f, close
    local name = type(file) == "string" and file or nil
    if type(file) == "string" then
      f = io.open(file, "rb")
      if not f then fail(file .. " not found.") end
      close = true
    elseif io.type(file) == "file" then f = file
    else fail("file must be a path or a file handle, got " .. (io.type(file) or type(file))) end
    local ok, res = pcall(function()
      if sep ~= "" then
        return P.fromtext(read(f, "*a", name), dt, count, sep, "fromfile", true)
      end
      if offset > 0 then
        local here = f:seek("cur")
        local size = f:seek("end")
        if here and size and here + offset > size then fail("offset is past the end of the file") end
        f:seek("set", (here or 0) + offset)
      end
      local isz = np.dtype(dt).itemsize
      local s
      if count < 0 then s = read(f, "*a", name)
      else s = read(f, count * isz, name) end
      local n = U.idiv(#s, isz)
      if n * isz ~= #s and count < 0 then
        -- NumPy reads whole items only and leaves the rest
        s = s:sub(1, n * isz)
      end
      return P.frombuffer(s, dt, n, 0, "fromfile"):copy()
    end)
    if close then f:close() end
    if not ok then error(res, 0) end
    return res
  end)
end
