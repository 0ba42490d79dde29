-- lumpy/genfromtxt.lua - np.genfromtxt for numeric dtypes, after NumPy's
-- numpy/lib/_npyio_impl.py and _iotools.py: lines are cut at the comment
-- marker and stripped, split on whitespace, on a delimiter string or into
-- fixed-width fields; missing or unparsable fields that match a missing
-- value take the column's filling value (nan, -1 for integers, false for
-- bool); an integer outside the dtype's range is an error (NumPy 2); rows
-- with the wrong number of fields are errors (invalid_raise) or skipped.
-- Field values are parsed by the C primitive of loadtxt.
-- Structured dtypes, names= and usemask= are not supported.

local U = require "lumpy.util"

return function(np, P, H)
  local named, is_array = U.named, U.is_array
  local gather, fail = H.gather, H.fail
  local mtype = U.mtype

  local WS = "[ \t\n\r\11\12\28-\31]"

  local function strip(s, set)
    set = set or WS
    return (s:gsub("^" .. set .. "+", ""):gsub(set .. "+$", ""))
  end

  local function split_ws(s)
    local t = {}
    for w in s:gmatch("[^ \t\n\r\11\12\28-\31]+") do t[#t + 1] = w end
    return t
  end

  local function split_plain(s, d)
    local t, i = {}, 1
    while true do
      local a, b = s:find(d, i, true)
      if not a then t[#t + 1] = s:sub(i); break end
      t[#t + 1] = s:sub(i, a - 1)
      i = b + 1
    end
    return t
  end

  -- NumPy's LineSplitter
  local function splitter(delimiter, comments, autostrip)
    local widths
    if mtype(delimiter) == "integer" then
      if delimiter < 1 then fail("delimiter widths must be positive") end
      widths = { delimiter, every = true }
    elseif type(delimiter) == "table" then
      widths = {}
      for i = 1, #delimiter do
        if mtype(delimiter[i]) ~= "integer" or delimiter[i] < 0 then
          fail("delimiter widths must be nonnegative integers")
        end
        widths[i] = delimiter[i]
      end
    elseif delimiter ~= nil and (type(delimiter) ~= "string" or delimiter == "") then
      fail("delimiter must be a string, a width or a sequence of widths")
    end
    return function(line)
      if comments then
        local a = line:find(comments, 1, true)
        if a then line = line:sub(1, a - 1) end
      end
      local t
      if widths then
        line = strip(line, "[\r\n]")
        if line == "" then return {} end
        t = {}
        if widths.every then
          for i = 1, #line, widths[1] do t[#t + 1] = line:sub(i, i + widths[1] - 1) end
        else
          local i = 1
          for _, w in ipairs(widths) do t[#t + 1] = line:sub(i, i + w - 1); i = i + w end
        end
      else
        line = strip(line, "[ \r\n]")
        if line == "" then return {} end
        if delimiter == nil then t = split_ws(line) else t = split_plain(line, delimiter) end
      end
      if autostrip then
        for i = 1, #t do t[i] = strip(t[i]) end
      end
      return t
    end
  end

  local function lines_of(text)
    local t = {}
    text = text:gsub("\r\n?", "\n")
    for l in (text .. (text:sub(-1) == "\n" and "" or "\n")):gmatch("([^\n]*)\n") do t[#t + 1] = l end
    if text == "" then t = {} end
    return t
  end

  local DEFAULT_FILL = { b = false, i = -1, u = -1, f = U.NAN, c = U.NAN }

  local function bool_of(s)
    local u = s:upper()
    if u == "TRUE" then return true elseif u == "FALSE" then return false end
    return nil
  end

  local OPTS = { comments = true, delimiter = true, skip_header = true, skip_footer = true,
    converters = true, missing_values = true, filling_values = true, usecols = true,
    names = true, excludelist = true, deletechars = true, replace_space = true,
    autostrip = true, case_sensitive = true, defaultfmt = true, unpack = true,
    usemask = true, loose = true, invalid_raise = true, max_rows = true, encoding = true,
    ndmin = true, like = true }

  np.genfromtxt = named("genfromtxt", function(fname, ...)
    local o = gather({ "dtype" }, OPTS, ...)
    if o.names ~= nil and o.names ~= false then fail("names= (structured output) is not supported") end
    if o.usemask then fail("usemask=true (masked arrays) is not supported") end
    if o.dtype == false then fail("dtype=None (guessed dtypes) is not supported; give a numeric dtype") end
    local dt = H.dtype_name(o.dtype, "float64")
    local kind = np.dtype(dt).kind
    local comments = o.comments
    if comments == nil then comments = "#" end
    if comments == false then comments = nil end
    if comments ~= nil and (type(comments) ~= "string" or comments == "") then
      fail("comments must be a non-empty string or false")
    end
    local skip_header = H.nonneg(o.skip_header, "skip_header") or 0
    local skip_footer = H.nonneg(o.skip_footer, "skip_footer") or 0
    local max_rows = o.max_rows
    if max_rows ~= nil then
      if skip_footer > 0 then
        fail("The keywords 'skip_footer' and 'max_rows' can not be specified at the same time.")
      end
      if mtype(max_rows) ~= "integer" then fail("max_rows must be an integer") end
      if max_rows < 1 then fail("'max_rows' must be at least 1.") end
    end
    local ndmin = H.check_ndmin(o.ndmin)
    local invalid_raise = o.invalid_raise ~= false
    local loose = o.loose ~= false
    local split = splitter(o.delimiter, comments, o.autostrip)
    local usecols = H.read_usecols(o.usecols)
    if usecols and #usecols == 0 then usecols = nil end   -- NumPy: all columns
    local conv = o.converters
    if conv ~= nil and type(conv) ~= "table" then
      fail("converters must be a table of functions keyed by column")
    end

    local lines = lines_of(H.read_text(fname))
    local li = skip_header + 1
    local first
    while li <= #lines do
      first = split(lines[li])
      if #first > 0 then break end
      li = li + 1
    end
    if not first or #first == 0 then return H.ensure_ndmin(np.array({}, dt), ndmin) end
    local firstline = li
    local nfirst = #first
    local ncols = usecols and #usecols or nfirst
    -- usecols as 0-based positions of the first line
    local cols
    if usecols then
      cols = {}
      for i, u in ipairs(usecols) do cols[i] = u > 0 and u - 1 or u + nfirst end
    end
    -- missing values and filling values per column (0-based file column
    -- keys in tables are LumPy's 1-based positions)
    local function colindex(key)
      if mtype(key) ~= "integer" or key == 0 then fail("column keys must be 1-based positions") end
      local c = key > 0 and key - 1 or key + nfirst
      if cols then
        for i, x in ipairs(cols) do if x == c then return i end end
        return nil
      end
      return c + 1
    end
    local missing = {}
    for i = 1, ncols do missing[i] = { [""] = true } end
    local mv = o.missing_values
    if type(mv) == "string" then
      for _, v in ipairs(split_plain(mv, ",")) do
        for i = 1, ncols do missing[i][v] = true end
      end
    elseif type(mv) == "table" and #mv > 0 then
      for i = 1, math.min(#mv, ncols) do
        local v = mv[i]
        if type(v) == "string" then for _, x in ipairs(split_plain(v, ",")) do missing[i][x] = true end
        elseif type(v) == "table" then for _, x in ipairs(v) do missing[i][tostring(x)] = true end end
      end
    elseif type(mv) == "table" then
      for k, v in pairs(mv) do
        local i = colindex(k)
        if i then
          if type(v) == "string" then v = split_plain(v, ",") end
          for _, x in ipairs(v) do missing[i][tostring(x)] = true end
        end
      end
    elseif mv ~= nil then
      fail("missing_values must be a string, a sequence or a table keyed by column")
    end
    local fill = {}
    for i = 1, ncols do fill[i] = DEFAULT_FILL[kind] end
    local fv = o.filling_values
    if type(fv) == "table" and not is_array(fv) and #fv > 0 then
      for i = 1, math.min(#fv, ncols) do fill[i] = fv[i] end
    elseif type(fv) == "table" and not is_array(fv) then
      for k, v in pairs(fv) do
        local i = colindex(k)
        if i then fill[i] = v end
      end
    elseif fv ~= nil then
      for i = 1, ncols do fill[i] = fv end
    end
    local convs = {}
    if conv then
      for k, f in pairs(conv) do
        local i = colindex(k)
        if type(f) ~= "function" then fail("converters: values must be functions") end
        if i then convs[i] = f end
      end
    end

    -- the rows
    local rows, invalid = {}, {}
    for l = firstline, #lines do
      local values = split(lines[l])
      local nb = #values
      if nb > 0 then
        local lineno = l - firstline + skip_header + 1
        if cols then
          local sel, bad = {}, false
          for i, c in ipairs(cols) do
            if c < 0 or c >= nb then bad = true; break end
            sel[i] = values[c + 1]
          end
          if bad then invalid[#invalid + 1] = { lineno, nb } else rows[#rows + 1] = sel end
        elseif nb ~= ncols then
          invalid[#invalid + 1] = { lineno, nb }
        else
          rows[#rows + 1] = values
        end
        if max_rows and #rows == max_rows then break end
      end
    end
    if #invalid > 0 then
      local nbrows = #rows + #invalid - skip_footer
      if skip_footer > 0 then
        local keep = {}
        for _, v in ipairs(invalid) do
          if v[1] > nbrows + skip_header then skip_footer = skip_footer - 1 else keep[#keep + 1] = v end
        end
        invalid = keep
      end
      if #invalid > 0 then
        local msg = { "Some errors were detected !" }
        for _, v in ipairs(invalid) do
          msg[#msg + 1] = ("    Line #%d (got %d columns instead of %d)"):format(v[1], v[2], ncols)
        end
        if invalid_raise then fail(table.concat(msg, "\n")) end
      end
    end
    if skip_footer > 0 then
      for _ = 1, math.min(skip_footer, #rows) do rows[#rows] = nil end
    end
    -- convert
    local parse = P.parse
    local intkind = kind == "i" or kind == "u"
    local flat = {}
    for ri, r in ipairs(rows) do
      for i = 1, ncols do
        local s, v = r[i], nil
        local text = s   -- the string parsed, if any
        if convs[i] then
          v = convs[i](s)
          if type(v) == "string" then text = v; v = parse(v, dt) else text = nil end
        elseif kind == "b" then
          v = bool_of(s)
        else
          v = parse(s, dt)
        end
        if v == nil then
          -- an integer out of the dtype's range is an error (NumPy 2's
          -- OverflowError), as in loadtxt, unless it is a missing value
          local t = text and strip(text)
          if intkind and t and not missing[i][strip(s)] and t:find("^[+-]?%d+$") then
            fail(("could not convert string '%s' to %s at row %d, column %d: out of bounds")
              :format(t, dt, ri, cols and cols[i] + 1 or i))
          end
          -- loose (the default): anything unparsable takes the filling value
          if loose or missing[i][strip(s)] then v = fill[i]
          else fail(("Cannot convert string '%s'"):format(s)) end
        end
        flat[#flat + 1] = v
      end
    end
    local out
    if #rows == 0 then out = np.array({}, dt)   -- NumPy: shape (0,)
    else out = H.array_of(flat, dt):reshape({ #rows, ncols }) end
    out = H.ensure_ndmin(out, ndmin)
    if o.unpack then return H.unpacked(out) end
    return out
  end)
end
