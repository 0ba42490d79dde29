-- bench/run.lua: `make bench`. Times every operation of bench/ops.lua in LumPy and
-- in NumPy (bench/numpy_bench.py, a child process) in one run, interleaving their
-- samples, measures the machine's add bandwidth with bench/stream.c in the same run,
-- prints a table with the targets of issue 2 and writes bench/results.md and
-- bench/ratios.svg. How to run it and read it: bench/README.md.

local USAGE = [[
usage: lua5.4 bench/run.lua [options]     (or: make bench)
  --only TEXT      run only operations whose "operation size dtype" contains TEXT
                   (plain text; repeatable); results files are not written
                   unless --write is given
  --numpy-only     time NumPy alone (LumPy columns stay empty)
  --samples N      samples per side and operation (default 7)
  --min-time S     seconds per sample, at least (default 0.2)
  --no-write       do not write bench/results.md and bench/ratios.svg
  --strict         exit with status 1 when a target is missed
  --list           print the operations and exit]]

local DIR = arg and arg[0] and arg[0]:match("^(.*)/[^/]*$") or "."
local PYTHON = os.getenv("PYTHON") or "/usr/bin/python3"

---------------------------------------------------------------------------- options
local opt = { only = {}, samples = 7, min_time = 0.2 }
do
  local i = 1
  while arg and arg[i] do
    local a = arg[i]
    if a == "--only" then opt.only[#opt.only + 1] = assert(arg[i + 1], "--only needs a value"); i = i + 1
    elseif a == "--numpy-only" then opt.numpy_only = true
    elseif a == "--samples" then opt.samples = assert(math.tointeger(tonumber(arg[i + 1])), "--samples needs an integer"); i = i + 1
    elseif a == "--min-time" then opt.min_time = assert(tonumber(arg[i + 1]), "--min-time needs a number"); i = i + 1
    elseif a == "--no-write" then opt.no_write = true
    elseif a == "--write" then opt.write = true
    elseif a == "--strict" then opt.strict = true
    elseif a == "--list" then opt.list = true
    elseif a == "-h" or a == "--help" then print(USAGE); os.exit(0)
    else io.stderr:write("bench: unknown option ", a, "\n", USAGE, "\n"); os.exit(2) end
    i = i + 1
  end
  if opt.samples < 1 then opt.samples = 1 end
  if #opt.only > 0 and not opt.write then opt.no_write = true end
end

---------------------------------------------------------------------------- helpers
local function sh(cmd) -- run a shell command, return its stdout (trimmed) and success
  local p = io.popen(cmd .. " 2>/dev/null")
  local s = p:read("*a") or ""
  local ok = p:close()
  return (s:gsub("%s+$", "")), ok
end

local function q(s) return "'" .. tostring(s):gsub("'", "'\\''") .. "'" end

local function readfile(path)
  local f = io.open(path, "r"); if not f then return nil end
  local s = f:read("*a"); f:close(); return s
end

local function median(t)
  local s = {}
  for i, v in ipairs(t) do s[i] = v end
  table.sort(s)
  local n = #s
  if n == 0 then return nil end
  if n % 2 == 1 then return s[(n + 1) // 2] end
  return (s[n // 2] + s[n // 2 + 1]) / 2
end

local function minmax(t)
  local lo, hi = math.huge, -math.huge
  for _, v in ipairs(t) do lo = math.min(lo, v); hi = math.max(hi, v) end
  return lo, hi
end

local function fmt_time(s)
  if not s then return "-" end
  if s < 1e-6 then return ("%.0f ns"):format(s * 1e9)
  elseif s < 1e-3 then return ("%.2f us"):format(s * 1e6)
  elseif s < 1 then return ("%.2f ms"):format(s * 1e3)
  else return ("%.3f s"):format(s) end
end

local function fmt_ratio(r) return r and ("%.2f"):format(r) or "-" end

local function pad(s, w, right) -- pad to display width w (utf8-aware)
  s = tostring(s)
  local n = utf8.len(s) or #s
  if n >= w then return s end
  return right and (s .. (" "):rep(w - n)) or ((" "):rep(w - n) .. s)
end

local function json(v) -- enough JSON for the op list
  local t = type(v)
  if t == "string" then
    return '"' .. v:gsub('[%c"\\]', function(c)
      local m = { ['"'] = '\\"', ["\\"] = "\\\\", ["\n"] = "\\n", ["\t"] = "\\t" }
      return m[c] or ("\\u%04x"):format(c:byte())
    end) .. '"'
  elseif t == "number" then
    return math.type(v) == "integer" and ("%d"):format(v) or ("%.17g"):format(v)
  elseif t == "boolean" then return tostring(v)
  elseif t == "nil" then return "null"
  elseif t == "table" then
    local parts = {}
    if #v > 0 or next(v) == nil then
      for i = 1, #v do parts[i] = json(v[i]) end
      return "[" .. table.concat(parts, ",") .. "]"
    end
    local keys = {}
    for k in pairs(v) do keys[#keys + 1] = k end
    table.sort(keys)
    for _, k in ipairs(keys) do parts[#parts + 1] = json(tostring(k)) .. ":" .. json(v[k]) end
    return "{" .. table.concat(parts, ",") .. "}"
  end
  error("json: cannot encode " .. t)
end

---------------------------------------------------------------------------- the op list
local function load_ops()
  local ops = dofile(DIR .. "/ops.lua")
  for i, op in ipairs(ops) do
    local where = ("bench/ops.lua: op %d (%s)"):format(i, tostring(op.name))
    if op.dd then -- a row that times dd on the temp dir's disk, not a LumPy/NumPy op
      op.id, op.inputs, op.elements, op.size, op.dtype = i, {}, 0, op.size or "", "-"
      op.lua, op.py, op.out, op.label = "", "", "x", op.name
      goto next_op
    end
    op.id = i
    op.inputs_spec = assert(op.inputs, where .. ": no inputs")
    op.inputs, op.elements = {}, 0
    local shapes, seen = {}, {}
    for name, spec in op.inputs_spec:gmatch("([%a_][%w_]*):(%S+)") do
      local shape, kind, dtype = spec:match("^([^:]+):?([^:]*):?([^:]*)$")
      assert(shape, where .. ": bad input " .. spec)
      assert(kind == "" or kind == "ones" or kind == "rand" or kind == "spd" or kind:match("^rand[%de]+$")
             or kind:match("^index[%de]+$"), where .. ": bad input kind " .. kind)
      local dims, count = {}, 1
      for d in shape:gmatch("[^x]+") do
        local n = math.tointeger(tonumber(d))
        assert(n and n >= 0, where .. ": bad dimension " .. d)
        dims[#dims + 1] = n; count = count * n
      end
      op.inputs[#op.inputs + 1] = { name = name, shape = dims,
        kind = kind ~= "" and kind or "ones", dtype = dtype ~= "" and dtype or op.dtype }
      op.elements = math.max(op.elements, count)
      if not seen[shape] then seen[shape] = true; shapes[#shapes + 1] = shape end
    end
    assert(#op.inputs > 0, where .. ": inputs must look like \"a:1e7 b:1e7\"")
    op.size = table.concat(shapes, ", ")
    op.out = op.lua:match("^%s*([%a_][%w_]*)%s*=[^=]")
    assert(op.out and op.py:match("^%s*" .. op.out .. "%s*=[^=]"),
      where .. ": statements must be `out = expression`, with the same `out` on both sides")
    if op.target == nil and op.elements >= 1e5 then op.target = 1.0 end
    if op.target == false then op.target = nil end
    op.label = ("%s %s %s"):format(op.name, op.size, op.dtype)
    ::next_op::
  end
  return ops
end

local all_ops = load_ops()
local ops = {}
for _, op in ipairs(all_ops) do
  local keep = #opt.only == 0
  for _, pat in ipairs(opt.only) do
    if op.label:find(pat, 1, true) then keep = true end
  end
  if keep then ops[#ops + 1] = op end
end

if opt.list then
  for _, op in ipairs(all_ops) do
    print(("%-22s %-16s %-8s  lua: %-24s  py: %s"):format(op.name, op.size, op.dtype, op.lua, op.py))
  end
  os.exit(0)
end
if #ops == 0 then io.stderr:write("bench: no operation matches --only\n"); os.exit(2) end

---------------------------------------------------------------------------- LumPy and the clock
local np, np_err
if not opt.numpy_only then
  local ok, m = pcall(require, "lumpy")
  if ok then np = m else np_err = tostring(m) end
  if not np then
    io.stderr:write("bench: cannot load LumPy (run `make` first, or use --numpy-only):\n  ",
      np_err, "\n")
    os.exit(1)
  end
end

local function build(what, cmd, out, src)
  -- rebuild only when out is missing or older than src
  local _, fresh = sh(("test -e %s && test %s -nt %s"):format(q(out), q(out), q(src)))
  if fresh then return end
  io.write(("building %s: %s\n"):format(what, cmd))
  local ok = os.execute(cmd)
  if not ok then error("bench: building " .. what .. " failed: " .. cmd) end
end

local now, clock_source
if np and type(np.__bench_now) == "function" then
  now, clock_source = np.__bench_now, "lumpy.__bench_now"
else
  local cflags = sh("pkg-config --cflags lua5.4")
  if cflags == "" then cflags = "-I/usr/include/lua5.4" end
  build("bench/clock.so", ("gcc -O2 -shared -fPIC %s -o %s %s"):format(cflags,
    q(DIR .. "/clock.so"), q(DIR .. "/clock.c")), DIR .. "/clock.so", DIR .. "/clock.c")
  local open = assert(package.loadlib(DIR .. "/clock.so", "luaopen_clock"))
  now, clock_source = open().now, "bench/clock.so (CLOCK_MONOTONIC)"
end

build("bench/stream", ("gcc -O3 -march=native -o %s %s"):format(q(DIR .. "/stream"),
  q(DIR .. "/stream.c")), DIR .. "/stream", DIR .. "/stream.c")

-- bench/direct.so: rows naming `direct = "dgemm 1024"` are also timed as that call
-- made straight from C, in the library lumpy.so runs on (bench/direct.c)
local direct, direct_err
do
  local want = false
  for _, op in ipairs(ops) do if op.direct then want = true end end
  if want and np then
    local cflags = sh("pkg-config --cflags lua5.4")
    if cflags == "" then cflags = "-I/usr/include/lua5.4" end
    local okb, e = pcall(build, "bench/direct.so", ("gcc -O2 -shared -fPIC %s -o %s %s -ldl"):format(cflags,
      q(DIR .. "/direct.so"), q(DIR .. "/direct.c")), DIR .. "/direct.so", DIR .. "/direct.c")
    if okb then
      local open, le = package.loadlib(DIR .. "/direct.so", "luaopen_direct")
      if open then direct = open() else direct_err = le end
    else direct_err = e end
  end
end

local streams = {}
local function run_stream(when, quiet)
  local out = sh(q(DIR .. "/stream") .. " 1e7 20")
  local best, med, kernel = out:match("add best_gbs=([%d.]+) median_gbs=([%d.]+) best_ms=[%d.]+ kernel=(%S+)")
  if not best then error("bench: bench/stream failed: " .. out) end
  local s = { when = when, best = tonumber(best), median = tonumber(med), kernel = kernel,
    nt = tonumber(out:match("kernel=nontemporal best_gbs=([%d.]+)")) }
  streams[#streams + 1] = s
  if quiet then return end
  io.write(("add bandwidth (bench/stream, %s): best %.1f GB/s (%s), median %.1f GB/s%s\n")
    :format(when, s.best, s.kernel, s.median,
      s.nt and (("; non-temporal stores %.1f GB/s"):format(s.nt)) or ""))
  io.stdout:flush()
end

---------------------------------------------------------------------------- the NumPy side
local tmpdir = sh("mktemp -d /tmp/lumpy-bench.XXXXXX")
assert(tmpdir ~= "", "bench: mktemp failed")
local fifo = tmpdir .. "/replies"
-- the directory where rows that write files put them (issue 8's rows: files named
-- io-*, removed at the end); LumPy's statements see it as BENCH_TMP, NumPy's as TMP
BENCH_TMP = tmpdir
assert(os.execute("mkfifo " .. q(fifo)), "bench: mkfifo failed")

local py_in, py_out
local function cleanup()
  if py_in then pcall(function() py_in:write("quit\n"); py_in:flush() end); pcall(py_in.close, py_in); py_in = nil end
  if py_out then pcall(py_out.close, py_out); py_out = nil end
  sh("rm -f " .. q(tmpdir) .. "/io-*")
  os.remove(fifo); os.remove(tmpdir)
end

local function rpc(cmd)
  py_in:write(cmd, "\n"); py_in:flush()
  local r = py_out:read("l")
  if not r then error("bench: the NumPy side (" .. PYTHON .. " bench/numpy_bench.py) exited", 0) end
  if r:match("^error") then return nil, r:gsub("^error%s*", "") end
  return r
end

local function start_python()
  local _, ok = sh(q(PYTHON) .. " -c 'import numpy'")
  if not ok then error("bench: " .. PYTHON .. " cannot import numpy (apt-get install python3-numpy)", 0) end
  py_in = assert(io.popen(("LUMPY_BENCH_TMP=%s exec %s %s %s"):format(q(tmpdir), q(PYTHON),
    q(DIR .. "/numpy_bench.py"), q(fifo)), "w"))
  py_out = assert(io.open(fifo, "r")) -- blocks until the child opens it
  local payload = {}
  for i, op in ipairs(all_ops) do
    payload[i] = { dtype = op.dtype, inputs = op.inputs, py = op.py, out = op.out, setup = op.setup_py }
  end
  assert(rpc("ops " .. json(payload)))
  local info = assert(rpc("info"))
  local t = {}
  t.numpy = info:match('"numpy":%s*"([^"]*)"')
  t.python = info:match('"python":%s*"([^"]*)"')
  local disp = info:match('"cpu_dispatch":%s*%[([^%]]*)%]')
  t.dispatch = disp and disp:gsub('"', ""):gsub(",%s*", " ") or "?"
  return t
end

---------------------------------------------------------------------------- the LumPy side
-- An input array (same values as make_input in numpy_bench.py): "ones"; "rand",
-- v = (i * 2654435761) mod 2^32 for i = 0, 1, ... as floats in [0, 1), integers,
-- or booleans v >= 2^31; "randN", v mod N; "indexN", positions v mod N (1-based);
-- "spd", symmetric positive definite matrices (..., n, n) from the "rand" floats v:
-- (v + v^T) / 2 + n * I (strictly diagonally dominant).
local function make_input(inp)
  if inp.kind == "ones" then return np.ones(inp.shape, inp.dtype) end
  local count = 1
  for _, d in ipairs(inp.shape) do count = count * d end
  local v = np.arange(count, { dtype = "int64" }) * 2654435761 % 4294967296
  local n = inp.kind:match("^%a+(%d.*)$")
  if n then v = v % math.tointeger(tonumber(n)) end
  if inp.kind:match("^index") then v = v + 1
  elseif inp.kind == "rand" and inp.dtype == "bool" then v = np.greater_equal(v, 2147483648)
  elseif (inp.kind == "rand" or inp.kind == "spd") and inp.dtype:match("^float") then v = v / 4294967296 end
  v = v:astype(inp.dtype):reshape(inp.shape)
  if inp.kind == "spd" then
    local n = inp.shape[#inp.shape]
    v = (v + np.swapaxes(v, -1, -2)) / 2 + np.eye(n, { dtype = inp.dtype }) * n
  end
  return v
end

local function compile_lua(op)
  local names = {}
  for i, inp in ipairs(op.inputs) do names[i] = inp.name end
  local args = table.concat(names, ", ")
  local src = ("local now, %s = ...\nreturn function(n)\n  local %s = %s\n  local %s\n" ..
    "  local t0 = now()\n  for _ = 1, n do %s end\n  return now() - t0\nend\n")
    :format(args, args, args, op.out, op.lua)
  local env = setmetatable({ np = np }, { __index = _G })
  local chunk, err = load(src, "=[" .. op.lua .. "]", "t", env)
  if not chunk then error(err, 0) end
  local arrays = {}
  for i, inp in ipairs(op.inputs) do arrays[i] = make_input(inp) end
  if op.setup_lua then -- a chunk given the inputs, returning them (or replacements)
    local setup = assert(load(op.setup_lua, "=[setup]", "t", env))
    arrays = table.pack(setup(table.unpack(arrays, 1, #op.inputs)))
  end
  local fn = chunk(now, table.unpack(arrays, 1, #op.inputs))
  fn(1) -- warm-up; fails early on a statement LumPy cannot run yet
  return fn
end

local function calibrate(run, min_time) -- same rule as calibrate() in numpy_bench.py
  local n = 1
  while true do
    local t = run(n)
    if t >= min_time then return n end
    if t < min_time / 100 then n = n * 10
    else n = math.max(n + 1, math.floor(n * min_time * 1.1 / t) + 1) end
  end
end

---------------------------------------------------------------------------- measuring
local function short_err(e)
  e = tostring(e):gsub("\n.*", "")
  return #e > 160 and e:sub(1, 157) .. "..." or e
end

-- op.dd = "write" | "read": dd's own figure for moving op.mb MB through BENCH_TMP/io-dd
-- in 1 MiB blocks (the page cache included, as for np.save / np.load); "read" reads the
-- file the last "write" row left
local function measure_dd(op)
  local r = { op = op, L = {}, P = {}, pairs = {} }
  local f = q(BENCH_TMP .. "/io-dd")
  local cmd = op.dd == "write" and ("(dd if=/dev/zero of=%s bs=1M count=%d 2>&1)"):format(f, op.mb)
    or ("(dd if=%s of=/dev/null bs=1M 2>&1)"):format(f)
  for _ = 1, opt.samples do
    local out = sh(cmd)
    local t = tonumber(out:match("copied, ([%d.e+-]+) s"))
    if not t then r.lerr = "dd: " .. short_err(out); break end
    r.L[#r.L + 1] = t
  end
  r.lmed = median(r.L)
  r.ddbest = #r.L > 0 and math.min(table.unpack(r.L)) or nil
  return r
end

-- op.sparse_npy = {name, n}: BENCH_TMP/name is made first, a .npy file of n float64
-- zeros written sparse (the header, then a seek to the end), for the mmap rows
local function make_sparse_npy(spec)
  local path = BENCH_TMP .. "/" .. spec[1]
  local h = ("{'descr': '<f8', 'fortran_order': False, 'shape': (%d,), }"):format(spec[2])
  h = h .. (" "):rep(63 - (10 + #h) % 64) .. "\n"
  local f = assert(io.open(path, "wb"))
  f:write("\x93NUMPY\1\0", string.pack("<I2", #h), h)
  f:seek("set", 10 + #h + spec[2] * 8 - 1)
  f:write("\0")
  f:close()
end

local function measure(op)
  if op.dd then return measure_dd(op) end
  if op.sparse_npy then make_sparse_npy(op.sparse_npy) end
  local r = { op = op, L = {}, P = {}, pairs = {} }
  -- set up both sides; the previous op's arrays are garbage by now
  collectgarbage("collect"); collectgarbage("collect")
  local lfn, pn, ln
  if np then
    local ok, e = pcall(compile_lua, op)
    if ok then lfn = e else r.lerr = short_err(e) end
  end
  local ok, e = rpc("setup " .. op.id)
  if not ok then r.perr = short_err(e) end
  if lfn then
    local okc, n = pcall(calibrate, lfn, opt.min_time)
    if okc then ln = n else r.lerr = short_err(n); lfn = nil end
  end
  if not r.perr then
    local n, err = rpc(("calibrate %d %.17g"):format(op.id, opt.min_time))
    if n then pn = math.tointeger(tonumber(n)) else r.perr = short_err(err) end
  end
  -- op.direct: the same work as one call made straight from C (bench/direct.c)
  local dobj, dn
  if op.direct and np then
    if not direct then r.derr = "bench/direct.so: " .. tostring(direct_err)
    else
      local d, de = direct.prepare(op.direct)
      if not d then r.derr = de
      else
        dobj, r.dinfo = d, d:info()
        dn = calibrate(function(n) return d:run(n) end, opt.min_time)
      end
    end
  end
  r.D, r.dpairs = {}, {}
  local function dsample(lt)
    if not dobj then return end
    local t = dobj:run(dn) / dn
    r.D[#r.D + 1] = t
    if lt then r.dpairs[#r.dpairs + 1] = lt / t end
  end
  -- op.gc: run the LumPy side under that collector mode ("generational")
  local oldgc = op.gc and np and collectgarbage(op.gc)
  local function lsample()
    if not lfn then return end
    local okc, t = pcall(lfn, ln)
    if okc then r.L[#r.L + 1] = t / ln; return t / ln end
    r.lerr = short_err(t); lfn = nil
  end
  local function psample()
    if not pn then return end
    local t, err = rpc(("sample %d %d"):format(op.id, pn))
    if t then t = tonumber(t); r.P[#r.P + 1] = t; return t end
    r.perr = short_err(err); pn = nil
  end
  for k = 1, opt.samples do -- interleave, alternating who goes first
    local lt, pt
    if k % 2 == 1 then lt = lsample(); pt = psample() else pt = psample(); lt = lsample() end
    if lt and pt then r.pairs[#r.pairs + 1] = lt / pt end
    dsample(lt)
  end
  if dobj then dobj:close() end
  r.dmed = median(r.D)
  if #r.dpairs > 0 then r.dratio = median(r.dpairs) end
  if op.direct and np then
    r.dtarget = op.direct_target == nil and 1.05 or op.direct_target or nil
    if r.dtarget then r.dpass = r.dratio ~= nil and r.dratio <= r.dtarget end
  end
  rpc("free " .. op.id)
  lfn = nil
  if oldgc then collectgarbage(oldgc) end
  r.lmed, r.pmed = median(r.L), median(r.P)
  if #r.pairs > 0 and not r.lerr and not r.perr then
    r.ratio = median(r.pairs)
    r.rlo, r.rhi = minmax(r.pairs)
  end
  r.ln, r.pn = ln, pn
  if op.target and np then
    r.pass = r.ratio ~= nil and r.ratio <= op.target
  end
  return r
end

---------------------------------------------------------------------------- the table
local W = { op = #"operation", size = #"size", dtype = #"dtype" }
for _, op in ipairs(ops) do
  W.op = math.max(W.op, utf8.len(op.name)); W.size = math.max(W.size, #op.size)
  W.dtype = math.max(W.dtype, #op.dtype)
end

local function target_text(op) return op.target and ("<= %.2f"):format(op.target) or "" end
local function status_text(r)
  if r.lerr or r.perr then return "ERROR" end
  if r.pass == nil then return "" end
  return r.pass and "PASS" or "FAIL"
end
local function range_text(r) return r.rlo and ("%.2f-%.2f"):format(r.rlo, r.rhi) or "-" end

local function header()
  local h = table.concat({ pad("operation", W.op, true), pad("size", W.size, true),
    pad("dtype", W.dtype, true), pad("LumPy", 10), pad("NumPy", 10), pad("ratio", 6),
    pad("range", 11), pad("target", 7), "" }, "  ")
  print(h); print((("-"):rep(utf8.len(h) + 4)))
end

-- the SIMD level an operation's kernel runs at (issue 3's rows)
local kernels = np and np.cpu_features and np.cpu_features().kernels or {}
local function shown_name(op)
  if op.kernel and kernels[op.kernel] then return op.name .. " [" .. kernels[op.kernel] .. "]" end
  return op.name
end
for _, op in ipairs(ops) do W.op = math.max(W.op, utf8.len(shown_name(op))) end

-- the note under a row with `direct`: the direct call's time and LumPy's ratio to it
local function direct_text(r)
  if r.derr then return ("direct %s: %s"):format(r.op.direct, r.derr) end
  return ("direct %s (C, %s): %s; LumPy/direct %s%s"):format(r.op.direct, r.dinfo or "?",
    fmt_time(r.dmed), fmt_ratio(r.dratio),
    r.dtarget and ("  (target <= %.2f %s)"):format(r.dtarget, r.dpass and "PASS" or "FAIL") or "")
end

local function row(r)
  local op = r.op
  print(table.concat({ pad(shown_name(op), W.op, true), pad(op.size, W.size, true),
    pad(op.dtype, W.dtype, true), pad(fmt_time(r.lmed), 10), pad(fmt_time(r.pmed), 10),
    pad(fmt_ratio(r.ratio), 6), pad(range_text(r), 11), pad(target_text(op), 7),
    status_text(r) }, "  "))
  if op.direct and np then print("    " .. direct_text(r)) end
  if r.lerr then print("    LumPy: " .. r.lerr) end
  if r.perr then print("    NumPy: " .. r.perr) end
  io.stdout:flush()
end

---------------------------------------------------------------------------- main
local function cpu_model()
  local s = readfile("/proc/cpuinfo") or ""
  local name = s:match("model name%s*:%s*([^\n]+)") or "?"
  local fam, model = s:match("cpu family%s*:%s*(%d+)"), s:match("\nmodel%s*:%s*(%d+)")
  local simd = s:find("avx512f", 1, true) and "AVX-512" or s:find(" avx2", 1, true) and "AVX2" or nil
  local extra = {}
  if fam and model then extra[#extra + 1] = ("family %s model %s"):format(fam, model) end
  if simd then extra[#extra + 1] = simd end
  return #extra > 0 and ("%s (%s)"):format(name, table.concat(extra, ", ")) or name
end

local function git_rev()
  local root = DIR .. "/.."
  local rev, ok = sh("git -C " .. q(root) .. " rev-parse --short HEAD")
  if not ok or rev == "" then return "no commit" end
  local dirty = sh("git -C " .. q(root) .. " status --porcelain --untracked-files=no")
  return rev .. (dirty ~= "" and " (with uncommitted changes)" or "")
end

local function loadavg() return (readfile("/proc/loadavg") or "?"):match("^(%S+ %S+ %S+)") or "?" end

local machine = {
  cpu = cpu_model(),
  ncpu = sh("nproc"),
  date = os.date("%Y-%m-%d %H:%M:%S %Z"),
  kernel = sh("uname -r"),
  thp = (readfile("/sys/kernel/mm/transparent_hugepage/enabled") or "?"):match("%[(%w+)%]") or "?",
  gcc = sh("gcc -dumpfullversion"),
  lua = _VERSION,
  lumpy = opt.numpy_only and "not run" or git_rev(),
  clock = clock_source,
  load_start = loadavg(),
}

local results = {}
local t_start = now()
local ok, err = xpcall(function()
  machine.py = start_python()
  print(("LumPy vs NumPy -- %s, %s CPUs, %s"):format(machine.cpu, machine.ncpu, machine.date))
  print(("NumPy %s (Python %s), %s, LumPy %s; %d samples of >= %.2f s per side and op")
    :format(machine.py.numpy or "?", machine.py.python or "?", machine.lua, machine.lumpy,
      opt.samples, opt.min_time))
  local load1 = tonumber(machine.load_start:match("^%S+"))
  if load1 and load1 > 0.5 * (tonumber(machine.ncpu) or 1) then
    print(("note: the machine is busy (load average %s on %s CPUs): expect noisy figures")
      :format(machine.load_start, machine.ncpu))
  end
  if np and np.cpu_features then
    local f = np.cpu_features()
    machine.simd = ("%s (baseline %s, compiled %s)"):format(f.level, f.baseline_level,
      table.concat(f.dispatch, " "))
    print("LumPy SIMD level: " .. machine.simd .. "; [level] after a name: the level its kernel ran at")
  end
  run_stream("start")
  print()
  header()
  for _, op in ipairs(ops) do
    if op.bw then
      run_stream("before " .. op.label, true) -- a fresh figure next to the op compared with it
    end
    local r = measure(op)
    results[#results + 1] = r
    row(r)
  end
  print()
  run_stream("end")
end, debug.traceback)
machine.load_end = loadavg()
machine.seconds = now() - t_start
cleanup()
if not ok then io.stderr:write(tostring(err), "\n"); os.exit(1) end

---------------------------------------------------------------------------- bandwidth and targets
local bw_best = 0
for _, s in ipairs(streams) do bw_best = math.max(bw_best, s.best) end

local bw_lines, target_lines, failed = {}, {}, 0
for _, r in ipairs(results) do
  local op = r.op
  if op.bw then
    local bytes = 0 -- each input read once and the output written once, STREAM's way
    local isz = ({ float64 = 8, float32 = 4, int32 = 4, int64 = 8, int16 = 2, int8 = 1,
      uint8 = 1, uint16 = 2, uint32 = 4, uint64 = 8, complex64 = 8, complex128 = 16, bool = 1 })[op.dtype] or 8
    for _, inp in ipairs(op.inputs) do
      local isz = isz
      if inp.dtype ~= op.dtype then isz = ({ float64 = 8, float32 = 4, int32 = 4, int64 = 8, bool = 1 })[inp.dtype] or isz end
      local c = 1
      for _, d in ipairs(inp.shape) do c = c * d end
      bytes = bytes + c * isz
    end
    bytes = bytes + op.elements * (op.out_size or isz)
    -- best against best: the fastest sample (a mean over its calls) against stream's fastest
    -- pass, so that a busy moment on this shared machine does not decide the result
    local function pct(t) return t and (bytes / t * 1e-9) / bw_best or nil end
    local lbest, pbest = #r.L > 0 and math.min(table.unpack(r.L)) or nil, #r.P > 0 and math.min(table.unpack(r.P)) or nil
    r.lpct, r.ppct = pct(lbest), pct(pbest)
    r.bwpass = r.lpct ~= nil and r.lpct >= op.bw
    local function line(who, best, med, p, tail)
      return ("%s %s: fastest sample %s = %.1f GB/s = %s of add bandwidth (median sample: %s)%s")
        :format(who, op.label, fmt_time(best), best and bytes / best * 1e-9 or 0,
          p and ("%.0f%%"):format(p * 100) or "-", med and ("%.0f%%"):format(pct(med) * 100) or "-", tail)
    end
    if np then
      bw_lines[#bw_lines + 1] = line("LumPy", lbest, r.lmed, r.lpct,
        ("   target >= %.0f%%  %s"):format(op.bw * 100, r.bwpass and "PASS" or "FAIL"))
    end
    bw_lines[#bw_lines + 1] = line("NumPy", pbest, r.pmed, r.ppct, "")
    if np and not r.bwpass then failed = failed + 1 end
  end
end

if not np then
  target_lines[1] = "not checked: LumPy was not run (--numpy-only)"
else -- issue 2's targets, one line each
  local n, pass, fails = 0, 0, {}
  local per_call = {}
  for _, r in ipairs(results) do
    if r.op.target then
      if r.op.target == 1.0 then
        n = n + 1
        if r.pass then pass = pass + 1 else fails[#fails + 1] = ("%s (%s)"):format(r.op.label, fmt_ratio(r.ratio)) end
      else
        per_call[#per_call + 1] = r
      end
    end
  end
  if n > 0 then
    target_lines[#target_lines + 1] = ("%s  every row with a target at least as fast as NumPy (ratio <= 1.00): %d of %d%s")
      :format(pass == n and "PASS" or "FAIL", pass, n,
        #fails > 0 and ("; slower: " .. table.concat(fails, ", ")) or "")
    failed = failed + (n - pass)
  end
  for _, r in ipairs(results) do
    if r.op.bw then
      target_lines[#target_lines + 1] = ("%s  %s at >= %.0f%% of the add bandwidth: %s")
        :format(r.bwpass and "PASS" or "FAIL", r.op.label, r.op.bw * 100,
          r.lpct and ("%.0f%%"):format(r.lpct * 100) or "-")
    end
  end
  for _, r in ipairs(results) do
    if r.dtarget then
      target_lines[#target_lines + 1] = ("%s  %s: LumPy/direct %s <= %.2f: %s (%s vs %s)")
        :format(r.dpass and "PASS" or "FAIL", r.op.label, r.op.direct, r.dtarget, fmt_ratio(r.dratio),
          fmt_time(r.lmed), fmt_time(r.dmed))
      if not r.dpass then failed = failed + 1 end
    end
  end
  -- issue 8: file rows against dd's speed in the same run, and time limits
  local ddbest = {}
  for _, r in ipairs(results) do if r.op.dd and r.ddbest then ddbest[r.op.dd] = r.op.mb * 2 ^ 20 / r.ddbest end end
  for _, r in ipairs(results) do
    local op = r.op
    if op.disk then
      local lbest = #r.L > 0 and math.min(table.unpack(r.L)) or nil
      local speed, dd = lbest and op.bytes / lbest, ddbest[op.disk]
      local pass = speed ~= nil and dd ~= nil and speed >= op.disk_target * dd
      target_lines[#target_lines + 1] = ("%s  %s at >= %.0f%% of dd's %s speed: %s (%.2f GB/s, dd %.2f GB/s)")
        :format(pass and "PASS" or "FAIL", op.label, op.disk_target * 100, op.disk,
          speed and dd and ("%.0f%%"):format(speed / dd * 100) or "-", (speed or 0) * 1e-9, (dd or 0) * 1e-9)
      if not pass then failed = failed + 1 end
    end
    if op.max_time then
      local pass = r.lmed ~= nil and r.lmed <= op.max_time
      target_lines[#target_lines + 1] = ("%s  %s in <= %s: %s")
        :format(pass and "PASS" or "FAIL", op.label, fmt_time(op.max_time), fmt_time(r.lmed))
      if not pass then failed = failed + 1 end
    end
  end
  for _, r in ipairs(per_call) do
    target_lines[#target_lines + 1] = ("%s  %s: LumPy/NumPy <= %.2f: %s (%s vs %s)")
      :format(r.pass and "PASS" or "FAIL", r.op.label, r.op.target, fmt_ratio(r.ratio),
        fmt_time(r.lmed), fmt_time(r.pmed))
    if not r.pass then failed = failed + 1 end
  end
end

local bw_head = ("add bandwidth (bench/stream.c: c[i] = a[i] + b[i], 1e7 float64, 24 B/element, best of 20, best vector width): %.1f GB/s, the best of %d runs (%s)%s")
local stream_list, nt_best = {}, nil
for i, s in ipairs(streams) do
  stream_list[i] = ("%s %.1f with %s"):format(s.when, s.best, s.kernel)
  if s.nt then nt_best = math.max(nt_best or 0, s.nt) end
end
local nt_text = nt_best and ("; for information, the same loop with non-temporal stores reached %.1f GB/s"):format(nt_best) or ""
bw_head = bw_head:format(bw_best, #streams, table.concat(stream_list, ", "), nt_text)

print(bw_head)
for _, l in ipairs(bw_lines) do print("  " .. l) end
print()
print("targets:")
for _, l in ipairs(target_lines) do print("  " .. l) end
print(("\n%d ops in %.0f s; load average %s at start, %s at end"):format(#results, machine.seconds,
  machine.load_start, machine.load_end))

---------------------------------------------------------------------------- results.md and ratios.svg
local function xml(s) return (tostring(s):gsub("[&<>\"]", { ["&"] = "&amp;", ["<"] = "&lt;", [">"] = "&gt;", ['"'] = "&quot;" })) end
local function md(s) return (tostring(s):gsub("|", "\\|")) end

local function write_md(path)
  local o = {}
  local function w(...) o[#o + 1] = table.concat({ ... }) end
  w("# LumPy vs NumPy: `make bench` results\n")
  w("Written by `make bench` (bench/run.lua); see bench/README.md for how to read it. ",
    "Figures from different runs are not comparable on this machine: compare within one run.\n")
  w("| | |\n|---|---|")
  w("| date | ", machine.date, " |")
  w("| CPU | ", md(machine.cpu), ", ", machine.ncpu, " CPUs; Linux ", machine.kernel, "; transparent huge pages: ", machine.thp, " |")
  w("| NumPy | ", machine.py.numpy or "?", " (Python ", machine.py.python or "?", "; CPU dispatch: ", machine.py.dispatch or "?", ") |")
  w("| LumPy | ", md(machine.lumpy), "; ", machine.lua, "; gcc ", machine.gcc, " |")
  if machine.simd then w("| LumPy SIMD level | ", md(machine.simd), " |") end
  w("| method | ", opt.samples, " samples per side and operation, LumPy and NumPy alternating; each sample loops the statement for >= ",
    ("%.2f"):format(opt.min_time), " s; times are medians per call; ratio = median of the paired LumPy/NumPy ratios; clock: ", machine.clock, " |")
  w("| load average | ", machine.load_start, " at start, ", machine.load_end, " at end (", ("%.0f"):format(machine.seconds), " s run) |")
  w("")
  w("![LumPy/NumPy time ratios](ratios.svg)\n")
  w("| operation | size | dtype | LumPy | NumPy | ratio | ratio range | target | |")
  w("|---|---|---|--:|--:|--:|--:|--:|---|")
  for _, r in ipairs(results) do
    local op = r.op
    w("| ", md(shown_name(op)), " | ", op.size, " | ", op.dtype, " | ", fmt_time(r.lmed), " | ", fmt_time(r.pmed),
      " | ", fmt_ratio(r.ratio), " | ", range_text(r), " | ", md(target_text(op)), " | ", status_text(r), " |")
  end
  local errs = {}
  for _, r in ipairs(results) do
    if r.lerr then errs[#errs + 1] = ("- `%s` (%s): LumPy: %s"):format(md(r.op.name), r.op.dtype, r.lerr) end
    if r.perr then errs[#errs + 1] = ("- `%s` (%s): NumPy: %s"):format(md(r.op.name), r.op.dtype, r.perr) end
  end
  if #errs > 0 then w("\nErrors:\n"); for _, e in ipairs(errs) do w(e) end end
  local dl = {}
  for _, r in ipairs(results) do
    if r.op.direct then dl[#dl + 1] = "- " .. md(r.op.label) .. ": " .. md(direct_text(r)) end
  end
  if #dl > 0 then
    w("\n## Direct calls\n")
    w("Rows that name `direct` are also timed as that call made straight from C (bench/direct.c), ",
      "in the library lumpy.so is linked against, interleaved with the other samples.\n")
    for _, l in ipairs(dl) do w(l) end
  end
  w("\n## Add bandwidth\n")
  w(bw_head:gsub("^add", "Add"), ".\n")
  for _, l in ipairs(bw_lines) do w("- ", l) end
  w("\n## Targets (issue 2)\n")
  for _, l in ipairs(target_lines) do w("- ", l) end
  w("\n## Statements timed\n")
  w("Each input is `np.ones(shape, dtype)` unless its kind says otherwise (bench/ops.lua); each statement runs in a loop, its result replacing the previous one.\n")
  w("| operation | inputs | LumPy | NumPy |\n|---|---|---|---|")
  local seen = {}
  for _, r in ipairs(results) do
    local op = r.op
    local key = op.name .. "\0" .. op.lua .. "\0" .. op.py
    if not seen[key] then
      seen[key] = true
      local ins = {}
      for i, inp in ipairs(op.inputs) do ins[i] = inp.name end
      w("| ", md(op.name), " | ", table.concat(ins, ", "), " | `", md(op.lua), "` | `", md(op.py), "` |")
    end
  end
  local f = assert(io.open(path, "w"))
  f:write(table.concat(o, "\n"), "\n")
  f:close()
end

local function write_svg(path)
  local rows = {}
  for _, r in ipairs(results) do if r.ratio then rows[#rows + 1] = r end end
  local lo, hi = 0.25, 4
  for _, r in ipairs(rows) do lo = math.min(lo, r.ratio / 1.3); hi = math.max(hi, r.ratio * 1.3) end
  local l2lo, l2hi = math.floor(math.log(lo, 2)), math.ceil(math.log(hi, 2))
  local LW, PW, RH, TOP = 300, 560, 22, 70
  local width, height = LW + PW + 60, TOP + #rows * RH + 50
  local function x(v) return LW + (math.log(v, 2) - l2lo) / (l2hi - l2lo) * PW end
  local o = {}
  local function w(...) o[#o + 1] = table.concat({ ... }) end
  w(('<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" font-family="sans-serif" font-size="12">')
    :format(width, height, width, height))
  w(('<rect width="%d" height="%d" fill="white"/>'):format(width, height))
  w(('<text x="10" y="22" font-size="16" font-weight="bold">LumPy time / NumPy time (log scale): left of 1.0, LumPy is faster</text>'))
  w(('<text x="10" y="42" fill="#555">%s; %s CPUs; NumPy %s; %s</text>'):format(xml(machine.cpu), xml(machine.ncpu),
    xml(machine.py.numpy or "?"), xml(machine.date)))
  w(('<text x="10" y="58" fill="#555">green: meets its target; red: misses it; grey: no target. Dashed tick: the target.</text>'))
  local bottom = TOP + #rows * RH
  for e = l2lo, l2hi do -- grid and ticks
    local v = 2.0 ^ e
    local gx = x(v)
    w(('<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="#ddd"/>'):format(gx, TOP - 4, gx, bottom))
    local label = ("%g"):format(v)
    w(('<text x="%.1f" y="%d" text-anchor="middle" fill="#555">%s</text>'):format(gx, bottom + 16, label))
  end
  for i, r in ipairs(rows) do
    local y = TOP + (i - 1) * RH
    local op = r.op
    local color = r.pass == nil and "#888" or (r.pass and "#2e7d32" or "#c62828")
    local x1, x2 = x(1), x(r.ratio)
    w(('<text x="%d" y="%d" text-anchor="end">%s</text>'):format(LW - 8, y + 15,
      xml(("%s  %s  %s"):format(op.name, op.size, op.dtype))))
    w(('<rect x="%.1f" y="%d" width="%.1f" height="%d" fill="%s"/>'):format(math.min(x1, x2), y + 4,
      math.max(math.abs(x2 - x1), 1), RH - 8, color))
    local tx = x2 >= x1 and x2 + 4 or x2 - 4
    w(('<text x="%.1f" y="%d" text-anchor="%s">%.2f</text>'):format(tx, y + 15, x2 >= x1 and "start" or "end", r.ratio))
    if op.target then
      local gx = x(op.target)
      w(('<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="#000" stroke-dasharray="2,2"/>'):format(gx, y + 1, gx, y + RH - 1))
    end
  end
  w(('<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="#000" stroke-width="1.5"/>'):format(x(1), TOP - 8, x(1), bottom))
  w(('<text x="%.1f" y="%d" text-anchor="middle" font-weight="bold">1.0 = NumPy</text>'):format(x(1), bottom + 34))
  w("</svg>")
  local f = assert(io.open(path, "w"))
  f:write(table.concat(o, "\n"), "\n")
  f:close()
end

if not opt.no_write then
  write_md(DIR .. "/results.md")
  write_svg(DIR .. "/ratios.svg")
  print("wrote bench/results.md and bench/ratios.svg")
end
if opt.strict and failed > 0 then os.exit(1) end
