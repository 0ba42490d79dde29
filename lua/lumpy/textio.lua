-- lumpy/textio.lua - text files and raw bytes: loadtxt and savetxt on the C
-- primitives of src/bind/textio.c (a whole table is split and parsed in C;
-- converters= takes a slower path through Lua), genfromtxt
-- (lumpy/genfromtxt.lua), and fromfile, tofile, frombuffer, tobytes,
-- fromstring on src/bind/rawbytes.c. Argument handling follows NumPy 2's
-- numpy/lib/_npyio_impl.py with LumPy's 1-based column positions; NumPy's
-- keyword arguments go in a trailing options table.

local U = require "lumpy.util"

return function(np, P)
  local named, is_record, is_array = U.named, U.is_record, U.is_array
  local mtype = U.mtype
  local methods = getmetatable(np.zeros(1)).methods

  local function fail(msg) error(msg, 0) end

  -- an array of dtype dt from Lua values; uint64 values above 2^63 - 1
  -- arrive as Lua integers wrapped to negative ones, as lb_push_elem gives
  local function H_flat(flat, dt)
    if dt == "uint64" then return np.array(flat, "int64"):view("uint64") end
    return np.array(flat, dt)
  end

  -- the positional arguments after the first (names) and a trailing
  -- options table, merged into one record (U.gather)
  local function gather(names, extra, ...)
    return U.gather(fail, names, extra, U.is_record_not_array, 0, ...)
  end

  local function dtype_name(dt, default)
    if dt == nil then return default end
    if type(dt) == "table" and not (getmetatable(dt) and dt.name) then
      fail("structured dtypes are not supported")
    end
    local ok, t = pcall(np.dtype, dt)
    if not ok then fail(tostring(t):gsub("^lumpy%.[%w_.]+: ", "")) end
    return t.name
  end

  -- the text of fname: a path, an open Lua file, or a sequence of lines
  local function read_text(fname)
    if type(fname) == "string" then
      local f = io.open(fname, "rb")
      if not f then fail(fname .. " not found.") end
      return U.read(f, "*a", fname, true)
    elseif io.type(fname) == "file" then
      return U.read(fname, "*a")
    elseif type(fname) == "table" and not is_array(fname) then
      for i = 1, #fname do
        if type(fname[i]) ~= "string" then
          fail(("line %d of the sequence is a %s, not a string"):format(i, type(fname[i])))
        end
      end
      return table.concat(fname, "\n")
    elseif io.type(fname) == "closed file" then
      fail("I/O operation on closed file")
    end
    fail("fname must be a string, a file handle or a sequence of strings, got " .. type(fname))
  end

  -- a file to write: (handle, close it after) from a path or an open file
  local function open_out(fname, mode)
    if type(fname) == "string" then
      local f, err = io.open(fname, mode)
      if not f then fail("cannot open " .. fname .. ": " .. tostring(err)) end
      return f, true
    elseif io.type(fname) == "file" then
      return fname, false
    end
    fail("fname must be a string or a file handle, got " .. (io.type(fname) or type(fname)))
  end

  local function control_char(v, what)
    if v == nil then return nil end
    if type(v) ~= "string" or #v ~= 1 then
      fail(("Text reading control character must be a single unicode character or None; but got: %s")
        :format(type(v) == "string" and ("'" .. v .. "'") or tostring(v)))
    end
    if v == "\n" or v == "\r" then fail(what .. " cannot be a newline character") end
    return v
  end

  -- NumPy's _ensure_ndmin_ndarray: squeeze beyond ndmin, pad up to it
  local function ensure_ndmin(a, ndmin)
    if a.ndim > ndmin then a = np.squeeze(a) end
    if a.ndim < ndmin then
      if ndmin == 1 then a = np.atleast_1d(a)
      else a = np.atleast_2d(a).T end
    end
    return a
  end

  local function check_ndmin(ndmin)
    ndmin = ndmin or 0
    if ndmin ~= 0 and ndmin ~= 1 and ndmin ~= 2 then
      fail("Illegal value of ndmin keyword: " .. tostring(ndmin))
    end
    return ndmin
  end

  local function unpacked(a)
    if a.ndim == 0 then return a end
    local t = a.T
    local n = t.shape[1]
    local out = {}
    for i = 1, n do out[i] = t[i] end
    return U.unpack(out, 1, n)
  end

  -- usecols: an integer or a sequence of integers (1-based, negative from
  -- the end), as a sequence, or nil
  local function read_usecols(u)
    if u == nil then return nil end
    if type(u) ~= "table" or is_array(u) then
      if is_array(u) then u = u:tolist() else u = { u } end
    end
    for i = 1, #u do
      local c = u[i]
      if mtype(c) ~= "integer" then
        fail(("usecols must be an int or a sequence of ints but it contains at least one element of type '%s'")
          :format(mtype(c) or type(c)))
      end
      if c == 0 then fail("usecols: column positions are 1-based (negative from the end), got 0") end
    end
    return u
  end

  local function read_comments(c)
    if c == nil then return { "#" } end
    if c == false then return {} end
    if type(c) == "string" then c = { c } end
    if type(c) ~= "table" then fail("comments must be a string or a sequence of strings") end
    for i = 1, #c do
      if type(c[i]) ~= "string" then fail("comments must be a string or a sequence of strings") end
      if c[i] == "" then fail("comments cannot be an empty string") end
    end
    return c
  end

  local function nonneg(v, what)
    if v == nil then return nil end
    if mtype(v) ~= "integer" then fail(what .. " must be an integer, got " .. (mtype(v) or type(v))) end
    if v < 0 then fail(what .. " must be nonnegative") end
    return v
  end

  -- the converters path: fields split in C, converted in Lua
  local function load_converted(text, dt, delim, quote, comments, skiprows, max_rows, usecols, conv)
    local rows = P.split(text, delim, quote, comments, skiprows)
    local nrows = #rows
    if max_rows and max_rows < nrows then nrows = max_rows end
    local flat, ncol, first = {}, nil, nil
    local parse = P.parse
    local function converter(c, nf)
      if type(conv) ~= "table" then return conv end
      return conv[c + 1] or conv[c - nf]
    end
    for r = 1, nrows do
      local f = rows[r]
      local nf = #f
      if not ncol then
        ncol = usecols and #usecols or nf; first = nf
        -- without usecols, every converter key must be a column of the first row
        if type(conv) == "table" and not usecols then
          for k in pairs(conv) do
            if k > nf or k < -nf then
              fail(("converter specified for column %d, which is invalid for the number of fields %d.")
                :format(k, nf))
            end
          end
        end
      elseif not usecols and nf ~= first then
        fail(("the number of columns changed from %d to %d at row %d; use `usecols` to select a subset and avoid this error")
          :format(first, nf, r))
      end
      for j = 1, ncol do
        local c = j - 1
        if usecols then
          local u = usecols[j]
          c = u > 0 and u - 1 or u + nf
          if c < 0 or c >= nf then
            fail(("invalid column index %d at row %d with %d columns"):format(u, r, nf))
          end
        end
        local s, v = f[c + 1], nil
        local cf = converter(c, nf)
        if cf then
          v = cf(s)
          if type(v) == "string" then v = parse(v, dt) end
        else
          v = parse(s, dt)
        end
        if v == nil then
          fail(("could not convert string '%s' to %s at row %d, column %d."):format(s, dt, r, c + 1))
        end
        flat[#flat + 1] = v
      end
    end
    ncol = ncol or (usecols and #usecols or 1)
    if ncol == 0 then return np.zeros({ nrows, 0 }, dt) end
    local nr = U.idiv(#flat, ncol)
    if nr == 0 then return np.zeros({ 0, ncol }, dt) end
    return H_flat(flat, dt):reshape({ nr, ncol })
  end

  local LOADTXT_OPTS = { comments = true, delimiter = true, converters = true, skiprows = true,
    usecols = true, unpack = true, ndmin = true, encoding = true, max_rows = true,
    quotechar = true, like = true }

  -- np.loadtxt(fname, dtype, {comments, delimiter, converters, skiprows,
  -- usecols, unpack, ndmin, max_rows, quotechar, encoding (ignored)})
  np.loadtxt = named("loadtxt", function(fname, ...)
    local o = gather({ "dtype" }, LOADTXT_OPTS, ...)
    local dt = dtype_name(o.dtype, "float64")
    local delim = control_char(o.delimiter, "delimiter")
    local quote = control_char(o.quotechar, "quotechar")
    local comments = read_comments(o.comments)
    if #comments > 0 and #comments[1] == 1 and #comments == 1 then
      if quote and comments[1] == quote then
        fail("The values for control characters 'comment' and 'quotechar' are incompatible")
      end
      if delim and comments[1] == delim then
        fail("The values for control characters 'comment' and 'delimiter' are incompatible")
      end
    end
    if quote and delim and quote == delim then
      fail("The values for control characters 'quotechar' and 'delimiter' are incompatible")
    end
    local skiprows = nonneg(o.skiprows, "skiprows") or 0
    local max_rows = nonneg(o.max_rows, "max_rows")
    local usecols = read_usecols(o.usecols)
    local ndmin = check_ndmin(o.ndmin)
    local conv = o.converters
    if conv ~= nil and type(conv) ~= "function" and type(conv) ~= "table" then
      fail("converters must be a function or a table of functions keyed by column, got " .. type(conv))
    end
    if type(conv) == "table" then
      for k, f in pairs(conv) do
        if mtype(k) ~= "integer" or k == 0 then fail("converters: keys must be column positions (1-based)") end
        if type(f) ~= "function" then fail("converters: values must be functions") end
      end
    end
    local text = read_text(fname)
    local a
    if conv or (usecols and #usecols == 0) then
      -- (usecols = {}: no columns, one row per line, on the Lua path)
      a = load_converted(text, dt, delim, quote, comments, skiprows, max_rows, usecols, conv)
    else
      a = P.loadtxt(text, dt, delim, quote, comments, skiprows, max_rows, usecols)
    end
    a = ensure_ndmin(a, ndmin)
    if o.unpack then return unpacked(a) end
    return a
  end)

  local SAVETXT_OPTS = { fmt = true, delimiter = true, newline = true, header = true, footer = true,
    comments = true, encoding = true }

  local function count_pct(s)
    local _, n = s:gsub("%%", "")
    return n
  end

  -- np.savetxt(fname, X, {fmt, delimiter, newline, header, footer, comments})
  np.savetxt = named("savetxt", function(fname, X, ...)
    local o = gather({ "fmt", "delimiter", "newline", "header", "footer", "comments" }, SAVETXT_OPTS, ...)
    local fmt = o.fmt or "%.18e"
    local delimiter, newline = o.delimiter or " ", o.newline or "\n"
    local header, footer, comments = o.header or "", o.footer or "", o.comments or "# "
    for k, v in pairs { delimiter = delimiter, newline = newline, header = header, footer = footer, comments = comments } do
      if type(v) ~= "string" then fail(k .. " must be a string, got " .. type(v)) end
    end
    X = np.asarray(X)
    if X.ndim == 0 or X.ndim > 2 then
      fail(("Expected 1D or 2D array, got %dD array instead"):format(X.ndim))
    end
    if X.ndim == 1 then X = X:reshape({ X.shape[1], 1 }) end
    local ncol = X.shape[2]
    local cplx = X.dtype.kind == "c"
    local format
    if type(fmt) == "table" then
      if #fmt ~= ncol then
        local parts = {}
        for i = 1, #fmt do parts[i] = "'" .. tostring(fmt[i]) .. "'" end
        fail("fmt has wrong shape.  [" .. table.concat(parts, ", ") .. "]")
      end
      for i = 1, #fmt do
        if type(fmt[i]) ~= "string" then fail("fmt must be a string or a sequence of strings") end
      end
      format = table.concat(fmt, delimiter)
    elseif type(fmt) == "string" then
      local n = count_pct(fmt)
      if n == 1 then
        local one = cplx and (" (" .. fmt .. "+" .. fmt .. "j)") or fmt
        local t = {}
        for i = 1, ncol do t[i] = one end
        format = table.concat(t, delimiter)
      elseif (cplx and n ~= 2 * ncol) or (not cplx and n ~= ncol) then
        fail("fmt has wrong number of % formats:  " .. fmt)
      else
        format = fmt
      end
    else
      fail("invalid fmt: " .. tostring(fmt))
    end
    local body = P.format(X, format, newline)
    local f, close = open_out(fname, "wb")
    -- writes stop at the first failure, whose message is kept
    local err
    local function put(...)
      if err then return end
      local ok, e = f:write(...)
      if not ok then err = e or "write failed" end
    end
    if #header > 0 then
      header = header:gsub("\n", (("\n" .. comments):gsub("%%", "%%%%")))
      put(comments, header, newline)
    end
    put(body)
    if #footer > 0 then
      footer = footer:gsub("\n", (("\n" .. comments):gsub("%%", "%%%%")))
      put(comments, footer, newline)
    end
    if close then f:close() end
    if err then fail("cannot write to the file: " .. tostring(err)) end
  end)

  require("lumpy.genfromtxt")(np, P, {
    gather = gather, dtype_name = dtype_name, read_text = read_text,
    ensure_ndmin = ensure_ndmin, array_of = H_flat, check_ndmin = check_ndmin, unpacked = unpacked,
    read_usecols = read_usecols, nonneg = nonneg, fail = fail })
  require("lumpy.rawbytes")(np, P, {
    gather = gather, dtype_name = dtype_name, open_out = open_out, fail = fail,
    methods = methods })
end
