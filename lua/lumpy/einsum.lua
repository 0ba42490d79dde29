-- lumpy/einsum.lua - the pure-Lua part of np.einsum and np.einsum_path:
-- the contraction order of three or more operands (NumPy's greedy search
-- for optimize = true / "greedy", its exhaustive one for "optimal", or a
-- path given as {"einsum_path", {1, 2}, ...}), its description, and NumPy's
-- sublist format einsum(op, {1, 2}, op, {2, 3}, {1, 3}). The subscripts-string
-- call itself is C (src/bind/einsum.c); P.parse and P.contract are its
-- primitives, with labels as integer ids (letters 0..51 in ASCII order,
-- the dimensions under '...' 52 and up).

local U = require "lumpy.util"

return function(np, P)
  local is_opts, is_array = U.is_opts, U.is_array
  local C_einsum = np.einsum
  local function fail(msg) error(msg, 0) end

  local LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

  -- ------------------------------------------------------------ sets
  local function set_of(list)
    local s = {}
    for _, id in ipairs(list) do s[id] = true end
    return s
  end
  local function size_of(set, sizes)
    local n = 1
    for id in pairs(set) do n = n * sizes[id] end
    return n
  end
  local function disjoint(a, b)
    for id in pairs(a) do if b[id] then return false end end
    return true
  end
  local function count(s)
    local n = 0
    for _ in pairs(s) do n = n + 1 end
    return n
  end

  -- NumPy's _flop_count: the size of the labels touched, times the number
  -- of multiplications per element (+1 for the addition of a sum)
  local function flops(contract, removed, nterms, sizes)
    local f = math.max(1, nterms - 1)
    if removed then f = f + 1 end
    return size_of(contract, sizes) * f
  end

  -- NumPy's _find_contraction over 1-based positions
  local function find_contraction(pos, sets, outset)
    local inpos = {}
    for _, p in ipairs(pos) do inpos[p] = true end
    local contract, remain, remaining = {}, {}, {}
    for id in pairs(outset) do remain[id] = true end
    for k, s in ipairs(sets) do
      if inpos[k] then for id in pairs(s) do contract[id] = true end
      else
        remaining[#remaining + 1] = s
        for id in pairs(s) do remain[id] = true end
      end
    end
    local result, removed = {}, {}
    for id in pairs(contract) do
      if remain[id] then result[id] = true else removed[id] = true end
    end
    remaining[#remaining + 1] = result
    return result, remaining, removed, contract
  end

  -- NumPy's greedy path (numpy/core/einsumfunc.py _greedy_path): at each
  -- step the pair that removes the most elements (then the cheapest),
  -- pairs sharing a label first, outer products only when none does;
  -- intermediates no larger than memory_limit.
  local function greedy(sets, outset, sizes, limit)
    if #sets == 1 then return {{1}} end
    if #sets == 2 then return {{1, 2}} end
    local all = {}
    for k = 1, #sets do all[k] = k end
    local _, _, removed0, contract0 = find_contraction(all, sets, outset)
    local naive = flops(contract0, next(removed0) ~= nil, #sets, sizes)
    local function try(x, y, path_cost)
      local result, remaining, removed, contract = find_contraction({x, y}, sets, outset)
      local new = size_of(result, sizes)
      if new > limit then return nil end
      local removed_size = size_of(sets[x], sizes) + size_of(sets[y], sizes) - new
      local cost = flops(contract, next(removed) ~= nil, 2, sizes)
      if path_cost + cost > naive then return nil end
      return {-removed_size, cost, x, y, remaining}
    end
    local known, path, path_cost = {}, {}, 0
    local pairs_list = {}
    for i = 1, #sets do for j = i + 1, #sets do pairs_list[#pairs_list + 1] = {i, j} end end
    for _ = 1, #sets - 1 do
      for _, q in ipairs(pairs_list) do
        if not disjoint(sets[q[1]], sets[q[2]]) then
          known[#known + 1] = try(q[1], q[2], path_cost)
        end
      end
      if #known == 0 then
        for i = 1, #sets do
          for j = i + 1, #sets do known[#known + 1] = try(i, j, path_cost) end
        end
        if #known == 0 then
          local rest = {}
          for k = 1, #sets do rest[k] = k end
          path[#path + 1] = rest
          break
        end
      end
      local best = known[1]
      for k = 2, #known do
        local c = known[k]
        if c[1] < best[1] or (c[1] == best[1] and c[2] < best[2]) then best = c end
      end
      -- the other candidates, renumbered for the operands left
      local bx, by = best[3], best[4]
      local newres = best[5][#best[5]]
      local kept = {}
      for _, c in ipairs(known) do
        local x, y = c[3], c[4]
        if x ~= bx and x ~= by and y ~= bx and y ~= by then
          local cs = c[5]
          local t = {}
          for k, s in ipairs(cs) do t[k] = s end
          table.remove(t, by - ((by > x) and 1 or 0) - ((by > y) and 1 or 0))
          table.remove(t, bx - ((bx > x) and 1 or 0) - ((bx > y) and 1 or 0))
          table.insert(t, #t, newres)
          kept[#kept + 1] = {c[1], c[2],
            x - ((x > bx) and 1 or 0) - ((x > by) and 1 or 0),
            y - ((y > bx) and 1 or 0) - ((y > by) and 1 or 0), t}
        end
      end
      known = kept
      sets = best[5]
      path[#path + 1] = {bx, by}
      path_cost = path_cost + best[2]
      pairs_list = {}
      for i = 1, #sets - 1 do pairs_list[#pairs_list + 1] = {i, #sets} end
    end
    return path
  end

  -- NumPy's optimal path (_optimal_path): every order of pairwise
  -- contractions, intermediates no larger than limit, the cheapest total
  -- (the first found among equals). Exponential in the operand count.
  local function optimal(sets, outset, sizes, limit)
    local n = #sets
    local full = {{0, {}, sets}}
    for it = 0, n - 2 do
      local iter = {}
      local m = n - it
      for _, cur in ipairs(full) do
        local cost, positions, remaining = cur[1], cur[2], cur[3]
        for x = 1, m do
          for y = x + 1, m do
            local result, newsets, removed, contract = find_contraction({x, y}, remaining, outset)
            if size_of(result, sizes) <= limit then
              local pos = {}
              for k, q in ipairs(positions) do pos[k] = q end
              pos[#pos + 1] = {x, y}
              iter[#iter + 1] = {cost + flops(contract, next(removed) ~= nil, 2, sizes), pos, newsets}
            end
          end
        end
      end
      if #iter > 0 then
        full = iter
      else
        local best = full[1]
        for k = 2, #full do if full[k][1] < best[1] then best = full[k] end end
        local path, rest = {}, {}
        for k, q in ipairs(best[2]) do path[k] = q end
        for k = 1, m do rest[k] = k end
        path[#path + 1] = rest
        return path
      end
    end
    local best = full[1]
    for k = 2, #full do if full[k][1] < best[1] then best = full[k] end end
    return best[2]
  end

  -- ------------------------------------------------------------ options
  -- "greedy" (true, "greedy", "optimal", or {"greedy", memory_limit} as
  -- NumPy's (strategy, memory_limit) tuple; the limit is returned second),
  -- false, or an explicit path
  local function path_kind(opt)
    if opt == nil or opt == false then return false end
    if opt == true or opt == "greedy" then return "greedy" end
    if opt == "optimal" then return "optimal" end
    if type(opt) == "table" and (opt[1] == "greedy" or opt[1] == "optimal") then
      local lim = opt[2]
      if #opt ~= 2 or type(lim) ~= "number" then
        fail("optimize as {strategy, memory_limit} needs a number for the memory limit")
      end
      return opt[1], lim
    end
    if type(opt) == "table" and opt[1] == "einsum_path" then
      local steps = {}
      for k = 2, #opt do
        local st = opt[k]
        if type(st) ~= "table" or #st == 0 then fail("each step of the path must be a sequence of positions") end
        steps[#steps + 1] = st
      end
      return steps
    end
    fail(("optimize must be a boolean, 'greedy', 'optimal', {strategy, memory_limit} or a path {\"einsum_path\", {1, 2}, ...}; got %s")
      :format(tostring(opt)))
  end

  -- subscripts of a list of ids, the ellipsis ids shown as letters the
  -- call does not use (as NumPy does)
  local function namer(labels)
    local names, spare, nextspare = {}, nil, 1
    return function(list)
      local t = {}
      for k, id in ipairs(list) do
        if id < 52 then t[k] = LETTERS:sub(id + 1, id + 1)
        else
          if not names[id] then
            if not spare then
              -- the letters no operand uses, lower case first
              local used = {}
              for _, l in ipairs(labels) do for _, x in ipairs(l) do used[x] = true end end
              spare = {}
              for x = 26, 51 do if not used[x] then spare[#spare + 1] = x end end
              for x = 0, 25 do if not used[x] then spare[#spare + 1] = x end end
            end
            local s = spare[nextspare]
            nextspare = nextspare + 1
            names[id] = s and LETTERS:sub(s + 1, s + 1) or "?"
          end
          t[k] = names[id]
        end
      end
      return table.concat(t)
    end
  end

  -- The path and its description: labels (per operand), out, sizes as
  -- P.parse gives them. Steps as 1-based positions in the list of operands
  -- left, each result appended at the end.
  local function plan(labels, out, sizes, opt, opsizes, describe)
    local kind, memlimit = path_kind(opt)
    local sets = {}
    for k, l in ipairs(labels) do sets[k] = set_of(l) end
    local outset = set_of(out)
    local allset, total = {}, 0
    for _, l in ipairs(labels) do
      for _, id in ipairs(l) do allset[id] = true end
      total = total + count(set_of(l))
    end
    local path
    local n = #labels
    if type(kind) == "table" then
      path = kind
    elseif not kind or n <= 2 or count(allset) == count(outset) then
      local all = {}
      for k = 1, n do all[k] = k end
      path = {all}
    else
      local limit = size_of(outset, sizes)
      for _, s in ipairs(opsizes) do if s > limit then limit = s end end
      if kind == "optimal" and n > 2 then
        path = optimal(sets, outset, sizes, memlimit or limit)
      else
        path = greedy(sets, outset, sizes, memlimit or limit)
      end
    end
    -- walk the path: the labels of each intermediate (NumPy's order: by
    -- size, then label) and the costs
    local name = describe and namer(labels)
    local cur = {}
    for k, l in ipairs(labels) do cur[k] = l end
    local steps, cost, scale, biggest = {}, 0, 0, 0
    for si, st in ipairs(path) do
      local pos = {}
      for k, x in ipairs(st) do
        if U.mtype(x) ~= "integer" or x < 1 or x > #cur then
          fail(("path step %d names operand %s, which does not exist"):format(si, tostring(x)))
        end
        pos[k] = x
      end
      table.sort(pos, function(a, b) return a > b end)
      for k = 2, #pos do
        if pos[k] == pos[k - 1] then fail("a path step names an operand twice") end
      end
      local cursets = {}
      for k, l in ipairs(cur) do cursets[k] = set_of(l) end
      local result, _, removed, contract = find_contraction(pos, cursets, outset)
      cost = cost + flops(contract, next(removed) ~= nil, #pos, sizes)
      if count(contract) > scale then scale = count(contract) end
      local ins = {}
      for k, p in ipairs(pos) do ins[k] = table.remove(cur, p) end
      local res
      if si == #path then
        res = out
      else
        res = {}
        for id in pairs(result) do res[#res + 1] = id end
        table.sort(res, function(a, b)
          if sizes[a] ~= sizes[b] then return sizes[a] < sizes[b] end
          if name then return name({a}) < name({b}) end
          return a < b
        end)
      end
      local rs = 1
      for _, id in ipairs(res) do rs = rs * sizes[id] end
      if rs > biggest then biggest = rs end
      cur[#cur + 1] = res
      steps[si] = {pos = pos, ins = ins, out = res, scale = count(contract)}
      if describe then
        local strs, rem = {}, {}
        for k, l in ipairs(ins) do strs[k] = name(l) end
        for k, l in ipairs(cur) do rem[k] = name(l) end
        steps[si].str = table.concat(strs, ",") .. "->" .. name(res)
        steps[si].rem = table.concat(rem, ",") .. "->" .. name(out)
      end
    end
    if #cur ~= 1 then
      fail("the path does not contract every operand into one")
    end
    if not describe then return nil, nil, steps end
    local instr = {}
    for k, l in ipairs(labels) do instr[k] = name(l) end
    local naive = flops(allset, total > count(allset), n, sizes)
    local opt_cost = cost + 1
    local lines = {
      ("  Complete contraction:  %s->%s"):format(table.concat(instr, ","), name(out)),
      ("         Naive scaling:  %d"):format(count(allset)),
      ("     Optimized scaling:  %d"):format(scale),
      ("      Naive FLOP count:  %.3e"):format(naive),
      ("  Optimized FLOP count:  %.3e"):format(opt_cost),
      ("   Theoretical speedup:  %3.3f"):format(naive / opt_cost),
      ("  Largest intermediate:  %.3e elements"):format(biggest),
      string.rep("-", 74),
      ("%6s %24s %40s"):format("scaling", "current", "remaining"),
      string.rep("-", 74),
    }
    for _, s in ipairs(steps) do
      lines[#lines + 1] = ("%4d    %24s %40s"):format(s.scale, s.str, s.rem)
    end
    local result = {"einsum_path"}
    for k, st in ipairs(path) do
      local t = {}
      for j, x in ipairs(st) do t[j] = x end
      result[k + 1] = t
    end
    return result, table.concat(lines, "\n"), steps
  end

  -- ------------------------------------------------------------ sublists
  -- einsum(op1, sub1, op2, sub2, ... [, subout] [, opts]) with subscripts
  -- as sequences of integers 1..52 (LumPy's 1-based labels) and np.ellipsis
  -- or "..." for the ellipsis: rewritten as a subscripts string
  local function sub_str(t, fn)
    if type(t) ~= "table" or is_array(t) then
      fail("in the sublist format each subscripts list must be a sequence of integers")
    end
    local s = {}
    for k = 1, #t do
      local v = t[k]
      if v == np.ellipsis or v == "..." then s[k] = "..."
      elseif U.mtype(v) == "integer" and v >= 1 and v <= 52 then
        s[k] = LETTERS:sub(v, v)
      else
        local got = U.mtype(v) and (U.mtype(v) .. " " .. tostring(v))
          or type(v) == "string" and ("'" .. v .. "'") or type(v)
        fail("a subscript in the sublist format must be an integer from 1 to 52 or np.ellipsis, got " .. got)
      end
    end
    return table.concat(s)
  end

  local function from_sublists(args, n, fn)
    local opts
    if n > 0 and is_opts(args[n]) then opts = args[n]; n = n - 1 end
    local ops, subs = {}, {}
    local k = 1
    while k + 1 <= n do
      ops[#ops + 1] = args[k]
      subs[#subs + 1] = sub_str(args[k + 1], fn)
      k = k + 2
    end
    local s = table.concat(subs, ",")
    if k == n then s = s .. "->" .. sub_str(args[k], fn) end
    if #ops == 0 then fail("no operands given") end
    return s, ops, opts
  end

  -- ------------------------------------------------------------ calls
  -- run the path: each step contracts the operands it names into one
  local function run(subs, ops, opts)
    local labels, out, sizes = P.parse(subs, U.unpack(ops, 1, #ops))
    local opsizes = {}
    for k, a in ipairs(ops) do
      ops[k] = np.asarray(a)
      opsizes[k] = ops[k].size
    end
    local _, _, steps = plan(labels, out, sizes, opts.optimize, opsizes, false)
    -- the compute dtype and the casting checks up front, as one call
    local casting = opts.casting or "safe"
    local dt = opts.dtype and np.dtype(opts.dtype) or np.result_type(U.unpack(ops, 1, #ops))
    for k, a in ipairs(ops) do
      if not np.can_cast(a.dtype, dt, casting) then
        fail(("cannot cast operand %d from %s to %s according to the rule '%s'")
          :format(k, a.dtype.name, dt.name, casting))
      end
    end
    if opts.out ~= nil and is_array(opts.out) and not np.can_cast(dt, opts.out.dtype, casting) then
      fail(("cannot cast the result from %s to out's dtype %s according to the rule '%s'")
        :format(dt.name, opts.out.dtype.name, casting))
    end
    local cur = {}
    for k, a in ipairs(ops) do cur[k] = a end
    local r
    for si, st in ipairs(steps) do
      local these = {}
      for k, p in ipairs(st.pos) do these[k] = table.remove(cur, p) end
      local o = {dtype = dt, casting = "unsafe"}
      if si == #steps then o.out = opts.out; o.order = opts.order end
      r = P.contract(these, st.ins, st.out, o)
      cur[#cur + 1] = r
    end
    return r
  end

  local function einsum(subs, ...)
    if type(subs) ~= "string" then
      local args = U.pack(subs, ...)
      local s, ops, opts = from_sublists(args, args.n, "einsum")
      if opts then ops[#ops + 1] = opts end
      return np.einsum(s, U.unpack(ops))
    end
    local n = select("#", ...)
    if n >= 4 then
      local last = select(n, ...)
      if is_opts(last) and last.optimize then
        local ops = {...}
        ops[n] = nil
        return run(subs, ops, last)
      end
    end
    return C_einsum(subs, ...)
  end
  local named_einsum = U.named("einsum", einsum)
  -- the common call goes straight to C (whose errors already name einsum)
  np.einsum = function(subs, ...)
    if type(subs) == "string" then
      local n = select("#", ...)
      if n < 4 then return C_einsum(subs, ...) end
      local last = select(n, ...)
      if not (is_opts(last) and last.optimize) then return C_einsum(subs, ...) end
    end
    return named_einsum(subs, ...)
  end

  -- np.einsum_path(subscripts, op1, ..., opN [, {optimize=}]) -> path, text
  np.einsum_path = U.named("einsum_path", function(subs, ...)
    local args = U.pack(...)
    local opts = {}
    if args.n > 0 and is_opts(args[args.n]) then opts = args[args.n]; args.n = args.n - 1 end
    if type(subs) ~= "string" then
      local ops
      subs, ops = from_sublists(U.pack(subs, U.unpack(args, 1, args.n)),
        args.n + 1, "einsum_path")
      args = ops
      args.n = #ops
    end
    for k in pairs(opts) do
      if k ~= "optimize" then fail("unexpected option '" .. tostring(k) .. "'") end
    end
    local optimize = opts.optimize
    if optimize == nil then optimize = "greedy" end
    local ops = {}
    for k = 1, args.n do ops[k] = np.asarray(args[k]) end
    local labels, out, sizes = P.parse(subs, U.unpack(ops, 1, args.n))
    local opsizes = {}
    for k, a in ipairs(ops) do opsizes[k] = a.size end
    local path, text = plan(labels, out, sizes, optimize, opsizes, true)
    return path, text
  end)
end
