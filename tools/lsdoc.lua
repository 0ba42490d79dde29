-- tools/lsdoc.lua - reads the LuaLS annotation files in types/ (the one
-- source of the API reference) into a list of entries, strictly: a line it
-- does not understand is an error, so a typo cannot silently drop a function
-- from docs/reference.md or from the coverage check.
--
-- The subset of LuaLS's annotation language used in types/:
--   ---text                       description (first line: the summary)
--   ---@meta [name]               first line of a file
--   ---@class Name[: Parent]      a class; followed by `local X = {}` it is a
--                                 namespace (lumpy.linalg) or an object class
--                                 (lumpy.Array); followed by a blank line, an
--                                 options table or other record type
--   ---@field name[?] type [text] a field of the class above
--   ---@alias Name type [text]    a type alias; `---| 'value' [# text]` lines
--                                 may follow it
--   ---@param name[?] type [text] a parameter (`...` for varargs)
--   ---@return type [name] [# text] a result (one line per result)
--   ---@overload fun(...): ...    another call form
--   ---@operator op(type): type   an operator of the class above
--   ---@see name                  related entry; `---@see alias of X` marks an alias
--   ---@nodiscard, ---@deprecated
-- A comment `-- ## Title` starts a group of functions (a heading in the reference).
-- Code lines: `local X = {}`, `function X.name(args) end`,
-- `function X:name(args) end`, `X["keyword"] = function([self, ]args) end`
-- (for names such as `repeat`), `X.name = X.other` (an alias: shares the
-- entry of X.other), `return X`, blank lines and `--` comments.

local M = {}

local function newdoc() return { desc = {}, params = {}, returns = {}, fields = {},
                                 overloads = {}, operators = {}, see = {}, values = {} } end

local function trim(s) return (s:gsub("^%s+", ""):gsub("%s+$", "")) end

-- a type expression: up to the first space outside brackets
local function split_type(s)
  local depth, i = 0, 1
  while i <= #s do
    local c = s:sub(i, i)
    if c == "(" or c == "<" or c == "{" or c == "[" then depth = depth + 1
    elseif c == ")" or c == ">" or c == "}" or c == "]" then depth = depth - 1
    elseif c == ":" and depth == 0 and s:sub(i + 1, i + 1) == " " then
      -- `fun(a: T): R`: a space after ':' belongs to the type
      i = i + 1
    elseif c == "," and depth == 0 and s:sub(i + 1, i + 1) == " " then
      i = i + 1
    elseif c:match("%s") and depth == 0 then
      break
    end
    i = i + 1
  end
  if depth ~= 0 then return nil end
  return s:sub(1, i - 1), trim(s:sub(i))
end

local NAME = "[%a_][%w_]*"
local OPERATORS = {}
for op in ("add sub mul div mod pow idiv band bor bxor shl shr concat unm bnot len call"):gmatch("%a+") do
  OPERATORS[op] = true
end
local DOTTED = "[%a_][%w_%.]*"

-- display prefix of a class: lumpy -> np, lumpy.fft -> np.fft,
-- lumpy.Array -> lumpy.Array (methods are written Class:name)
local function is_namespace(class)
  local last = class:match("([^%.]+)$")
  return last:sub(1, 1):match("%l") ~= nil
end
M.is_namespace = is_namespace

function M.display_prefix(class)
  if class == "lumpy" then return "np" end
  if is_namespace(class) then return "np" .. class:sub(6) end
  return class
end

-- parse one file; returns entries or nil, message
function M.parse_file(path)
  local f, err = io.open(path, "r")
  if not f then return nil, err end
  local text = f:read("*a")
  f:close()
  local entries, locals, errors = {}, {}, {}
  local doc                             -- the pending annotation block
  local lineno = 0
  local function fail(msg) errors[#errors + 1] = ("%s:%d: %s"):format(path, lineno, msg) end
  local function flush_type()
    if not doc then return end
    if doc.class then
      entries[#entries + 1] = { kind = "class", name = doc.class, parent = doc.parent, doc = doc,
                                file = path, line = doc.line }
    elseif doc.alias then
      entries[#entries + 1] = { kind = "alias", name = doc.alias, type = doc.aliastype, doc = doc,
                                file = path, line = doc.line }
    elseif #doc.params > 0 or #doc.returns > 0 then
      fail("annotations not followed by a function")
    end
    doc = nil
  end
  local first = true
  for line in (text .. "\n"):gmatch("(.-)\r?\n") do
    lineno = lineno + 1
    if first then
      first = false
      if not line:match("^%-%-%-@meta") then fail("first line must be ---@meta") end
    elseif line:match("^%-%-%-") then
      doc = doc or newdoc()
      doc.line = doc.line or lineno
      local body = line:sub(4)
      if body:sub(1, 1) ~= "@" and body:sub(1, 1) ~= "|" then
        doc.desc[#doc.desc + 1] = trim(body)
      elseif body:sub(1, 1) == "|" then
        if not doc.alias then fail("---| outside an ---@alias") end
        local v, rest = body:match("^|%s*(%S+)%s*(.*)$")
        if not v then fail("malformed ---| line") else
          doc.values[#doc.values + 1] = { value = v, desc = trim((rest or ""):gsub("^#%s*", "")) }
        end
      else
        local tag, rest = body:match("^@(%a+)%s*(.*)$")
        rest = rest or ""
        if tag == "class" then
          local name, parent = rest:match("^(" .. DOTTED .. ")%s*:%s*(" .. DOTTED .. ")%s*$")
          if not name then name = rest:match("^(" .. DOTTED .. ")%s*$") end
          if not name then fail("malformed ---@class: " .. rest) end
          if doc.class or doc.alias then fail("two declarations in one block") end
          doc.class, doc.parent = name, parent
        elseif tag == "field" then
          local name, opt, r = rest:match("^(" .. NAME .. ")(%??)%s+(.+)$")
          local ty, d
          if r then ty, d = split_type(r) end
          if not ty or not doc.class then fail("malformed ---@field: " .. rest) else
            doc.fields[#doc.fields + 1] = { name = name, optional = opt == "?", type = ty, desc = d }
          end
        elseif tag == "alias" then
          local name, r = rest:match("^(" .. DOTTED .. ")%s*(.*)$")
          if not name then fail("malformed ---@alias: " .. rest) end
          if doc.class or doc.alias then fail("two declarations in one block") end
          doc.alias = name
          if r and r ~= "" then
            local ty, d = split_type(r)
            if not ty then fail("malformed ---@alias type: " .. r) end
            doc.aliastype, doc.aliasdesc = ty, d
          end
        elseif tag == "param" then
          local name, opt, r = rest:match("^(" .. NAME .. ")(%??)%s+(.+)$")
          if not name then name, opt, r = rest:match("^(%.%.%.)(%??)%s+(.+)$") end
          local ty, d
          if r then ty, d = split_type(r) end
          if not ty then fail("malformed ---@param: " .. rest) else
            if d == "" then fail("---@param " .. name .. " has no description") end
            if name == "..." and opt == "?" then fail("---@param ...? : varargs are optional anyway") end
            doc.params[#doc.params + 1] = { name = name, optional = opt == "?", type = ty, desc = d }
          end
        elseif tag == "return" then
          local ty, r = split_type(rest)
          if not ty or ty == "" then fail("malformed ---@return: " .. rest) else
            local name, d = r:match("^(" .. NAME .. ")%s*#?%s*(.*)$")
            if not name then name, d = r:match("^(%.%.%.)%s*#?%s*(.*)$") end
            if not name then d = r:gsub("^#%s*", "") end
            doc.returns[#doc.returns + 1] = { type = ty, name = name, desc = trim(d or "") }
          end
        elseif tag == "overload" then
          if not rest:match("^fun%(.*%)") then fail("malformed ---@overload: " .. rest) end
          doc.overloads[#doc.overloads + 1] = rest
        elseif tag == "operator" then
          local op, arg, res = rest:match("^(%a+)(%b())%s*:%s*(%S+)$")
          if not op then op, res = rest:match("^(%a+)%s*:%s*(%S+)$") end
          if not op then fail("malformed ---@operator: " .. rest)
          elseif not OPERATORS[op] then fail("unknown operator " .. op .. " (LuaLS knows add sub mul div mod pow idiv band bor bxor shl shr concat unm bnot len call)")
          else
            doc.operators[#doc.operators + 1] = { op = op, arg = arg and arg:sub(2, -2), result = res }
          end
        elseif tag == "see" then
          if rest == "" then fail("empty ---@see") end
          doc.see[#doc.see + 1] = rest
        elseif tag == "meta" then
          fail("---@meta after the first line")
        elseif tag == "nodiscard" or tag == "deprecated" then
          doc[tag] = true
        else
          fail("unknown tag ---@" .. tostring(tag))
        end
      end
    elseif line:match("^%s*$") then
      flush_type()
    elseif line:match("^%-%- ## ") then
      -- a group heading for the functions that follow (in the reference)
      flush_type()
      entries[#entries + 1] = { kind = "group", title = trim(line:sub(7)), file = path, line = lineno }
    elseif line:match("^%-%-") then
      -- a plain comment
    else
      local lname = line:match("^local (" .. NAME .. ") = {}%s*$")
      local tname, sep, fname, args = line:match("^function (" .. NAME .. ")([%.:])(" .. NAME .. ")%((.-)%) end%s*$")
      if not tname then
        -- X["keyword"] = function(args) end: a name that is a Lua keyword
        local kw
        tname, kw, args = line:match('^(' .. NAME .. ')%["(' .. NAME .. ')"%] = function%((.-)%) end%s*$')
        if tname then
          fname, sep = kw, "."
          if args:match("^self,?%s*") then sep, args = ":", args:gsub("^self,?%s*", "") end
        end
      end
      local aname, akey, atab, atarget = line:match("^(" .. NAME .. ")%.(" .. NAME .. ") = (" .. NAME .. ")%.(" .. NAME .. ")%s*$")
      if not aname then
        aname, akey, atab, atarget = line:match('^(' .. NAME .. ')%["(' .. NAME .. ')"%] = (' .. NAME .. ')%.(' .. NAME .. ')%s*$')
      end
      if lname then
        if not (doc and doc.class) then fail("local table without ---@class") else
          locals[lname] = doc.class
          entries[#entries + 1] = { kind = "class", name = doc.class, parent = doc.parent, doc = doc,
                                    file = path, line = doc.line, table = true }
        end
        doc = nil
      elseif tname then
        local class = locals[tname]
        if not class then fail("function on unknown table " .. tname) end
        doc = doc or newdoc()
        if #doc.desc == 0 or doc.desc[1] == "" then fail(tname .. sep .. fname .. " has no description") end
        local names = {}
        for a in args:gmatch("[^,%s]+") do names[#names + 1] = a end
        for i, p in ipairs(doc.params) do
          if names[i] ~= p.name then
            fail(("---@param %s does not match argument %d (%s) of %s"):format(p.name, i, tostring(names[i]), fname))
          end
        end
        if #names ~= #doc.params then
          fail(("%s has %d arguments and %d ---@param lines"):format(fname, #names, #doc.params))
        end
        if doc.class or doc.alias then fail("---@class/---@alias before a function") end
        entries[#entries + 1] = { kind = "function", class = class, name = fname, method = sep == ":",
                                  args = names, doc = doc, file = path, line = doc.line or lineno }
        doc = nil
      elseif aname then
        local class = locals[aname]
        if not class or locals[atab] ~= class then fail("alias across tables: " .. line) end
        entries[#entries + 1] = { kind = "alias_of", class = class, name = akey, target = atarget,
                                  doc = doc or newdoc(), file = path, line = lineno }
        doc = nil
      elseif line:match("^return " .. NAME .. "%s*$") then
        flush_type()
      else
        fail("not an annotation or declaration line: " .. line)
      end
    end
  end
  flush_type()
  if #errors > 0 then return nil, table.concat(errors, "\n") end
  return entries
end

-- the annotation files under dir, sorted (lumpy.lua first)
function M.files(dir)
  local p = io.popen('find "' .. dir .. '" -name "*.lua" | LC_ALL=C sort')
  local list = {}
  for l in p:lines() do list[#list + 1] = l end
  p:close()
  table.sort(list, function(a, b)
    local da, db = select(2, a:gsub("/", "")), select(2, b:gsub("/", ""))
    if da ~= db then return da < db end
    return a < b
  end)
  return list
end

-- every file of dir: loads as Lua, parses; returns entries or nil, message
function M.parse_dir(dir)
  local all, errs = {}, {}
  for _, path in ipairs(M.files(dir)) do
    local chunk, lerr = loadfile(path)
    if not chunk then errs[#errs + 1] = lerr end
    local es, perr = M.parse_file(path)
    if not es then errs[#errs + 1] = perr else
      for _, e in ipairs(es) do all[#all + 1] = e end
    end
  end
  -- aliases name existing entries
  local byname = {}
  for _, e in ipairs(all) do
    if e.kind == "function" then byname[e.class .. "." .. e.name] = e end
  end
  for _, e in ipairs(all) do
    if e.kind == "alias_of" then
      local t = byname[e.class .. "." .. e.target]
      if not t then errs[#errs + 1] = ("%s:%d: alias of unknown function %s"):format(e.file, e.line, e.target)
      else e.resolved = t end
    end
  end
  -- every lumpy.* type a signature names is declared
  local declared = {}
  for _, e in ipairs(all) do
    if e.kind == "class" or e.kind == "alias" then declared[e.name] = true end
  end
  local function uses(e, ty)
    for name in (ty or ""):gmatch("lumpy%.[%w_%.]*[%w_]") do
      if not declared[name] then
        errs[#errs + 1] = ("%s:%d: unknown type %s"):format(e.file, e.line, name)
      end
    end
  end
  for _, e in ipairs(all) do
    local d = e.doc or newdoc()
    uses(e, e.type)
    for _, p in ipairs(d.params) do uses(e, p.type) end
    for _, r in ipairs(d.returns) do uses(e, r.type) end
    for _, f in ipairs(d.fields) do uses(e, f.type) end
    for _, o in ipairs(d.operators) do uses(e, o.arg) uses(e, o.result) end
  end
  if #errs > 0 then return nil, table.concat(errs, "\n") end
  return all
end

-- the name a function entry documents: np.zeros, np.linalg.solve, lumpy.Array:sum
function M.qualified(e)
  local prefix = M.display_prefix(e.class)
  if is_namespace(e.class) then return prefix .. "." .. e.name end
  return prefix .. ":" .. e.name
end

return M
