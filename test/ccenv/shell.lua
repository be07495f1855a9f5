-- The shell API, as CC: Tweaked's rom/programs/shell.lua gives it to programs:
-- run (tokenises its arguments, "quoted words" kept together), execute (no tokenising),
-- program resolution through aliases, the ":"-separated path and a ".lua" extension,
-- a per-program environment { shell, require, package, arg } over _G (arg[0] = the command),
-- chunk name "@/<path>", errors printed with printError, "No such program".
local E = require("ccenv.expect")
local pack = table.pack or function(...) return { n = select("#", ...), ... } end
local unpack = table.unpack or unpack

local M = {}

local function tokenise(...)
  local line = table.concat({ ... }, " ")
  local words, quoted = {}, false
  for part in (line .. '"'):gmatch('(.-)"') do
    if quoted then
      words[#words + 1] = part
    else
      for w in part:gmatch("[^ \t]+") do words[#words + 1] = w end
    end
    quoted = not quoted
  end
  return words
end
M.tokenise = tokenise

-- require/package for an environment, searching relative to `dir` then /rom/modules/main
function M.makePackage(pc, env, dir)
  local fs = pc.env.fs
  local package = {}
  package.loaded = { _G = pc.env, package = package }
  for _, name in ipairs({ "string", "table", "math", "coroutine", "os", "bit32", "utf8" }) do
    if pc.env[name] then package.loaded[name] = pc.env[name] end
  end
  package.path = "?;?.lua;?/init.lua;/rom/modules/main/?;/rom/modules/main/?.lua;/rom/modules/main/?/init.lua"
  package.config = "/\n;\n?\n!\n-"
  -- cc.expect is ccenv's own (test/ccenv/expect.lua), the one its APIs check arguments with
  package.preload = { ["cc.expect"] = function() return E.module end }

  function package.searchpath(name, path, sep, rep)
    E.expect("searchpath", 1, name, "string")
    E.expect("searchpath", 2, path, "string")
    sep, rep = sep or ".", rep or "/"
    local fname = name:gsub(sep:gsub("%.", "%%."), rep)
    local err = ""
    for pattern in path:gmatch("[^;]+") do
      local p = pattern:gsub("%?", (fname:gsub("%%", "%%%%")))
      if p:sub(1, 1) ~= "/" then p = fs.combine(dir, p) end
      if fs.exists(p) and not fs.isDir(p) then return p end
      if #err > 0 then err = err .. "\n  " end
      err = err .. "no file '" .. p .. "'"
    end
    return nil, err
  end

  local function fromPreload(name)
    if package.preload[name] then return package.preload[name] end
    return nil, "no field package.preload['" .. name .. "']"
  end
  local function fromFile(name)
    local p, err = package.searchpath(name, package.path)
    if not p then return nil, err end
    local fn, lerr = pc.env.loadfile(p, nil, env)
    if fn then return fn, p end
    return nil, lerr
  end
  package.loaders = { fromPreload, fromFile }

  local sentinel = {}
  local function require(name)
    E.expect("require", 1, name, "string")
    if package.loaded[name] == sentinel then
      error("loop or previous error loading module '" .. name .. "'", 0)
    end
    if package.loaded[name] then return package.loaded[name] end
    local msg = "module '" .. name .. "' not found:"
    for _, searcher in ipairs(package.loaders) do
      local r = pack(searcher(name))
      if r[1] then
        package.loaded[name] = sentinel
        local result = r[1](name, unpack(r, 2, r.n))
        if result == nil then result = true end
        package.loaded[name] = result
        return result
      end
      msg = msg .. "\n  " .. r[2]
    end
    error(msg, 2)
  end
  return require, package
end

function M.make(pc)
  local G = pc.env
  local shell = {}
  local dir, path = "", ".:/rom/programs:/rom/programs/http"
  local aliases, completion, stack = {}, {}, {}
  pc.lastError = nil
  pc._resetShellStack = function() for i = #stack, 1, -1 do stack[i] = nil end end

  local function programEnv(d)
    local env = { shell = shell }
    env.require, env.package = M.makePackage(pc, env, d)
    -- CC's programs read their environment as _ENV (rom's wget loads a chunk into it); host Lua
    -- 5.1 has no _ENV, so there it is a field of the environment.
    if _VERSION == "Lua 5.1" then env._ENV = env end
    return setmetatable(env, { __index = G })
  end

  local function executeProgram(depth, p, args)
    local fs = G.fs
    local file, err = fs.open(p, "r")
    if not file then
      G.printError(err)
      pc.lastError = err
      return false
    end
    local first = file.readLine() or ""
    if first:sub(1, 2) == "#!" then
      file.close()
      depth = depth - 1
      if depth == 0 then
        local msg = "Hashbang recursion depth limit reached when loading file: " .. p
        G.printError(msg); pc.lastError = msg
        return false
      end
      local hb = tokenise(first:sub(3))
      local original = table.remove(hb, 1)
      local resolved = shell.resolveProgram(original)
      if not resolved then
        local msg = "Hashbang program not found: " .. original
        G.printError(msg); pc.lastError = msg
        return false
      end
      hb[#hb + 1] = p
      for _, v in ipairs(args) do hb[#hb + 1] = v end
      hb[0] = original
      return executeProgram(depth, resolved, hb)
    end
    local contents = first .. "\n" .. (file.readAll() or "")
    file.close()
    local env = programEnv(fs.getDir(p))
    env.arg = args
    local fn, lerr = G.load(contents, "@/" .. p, nil, env)
    if not fn then
      G.printError(lerr)
      pc.lastError = lerr
      return false
    end
    local r = pack(G.pcall(fn, unpack(args, 1, args.n or #args)))
    if r[1] then return true end
    local e = r[2]
    if e ~= nil and e ~= "" then
      G.printError(e)
      pc.lastError = e
    else
      pc.lastError = e
    end
    return false
  end

  function shell.execute(command, ...)
    E.expect("execute", 1, command, "string")
    for i = 1, select("#", ...) do E.expect("execute", i + 1, (select(i, ...)), "string") end
    local p = shell.resolveProgram(command)
    if not p then
      G.printError("No such program")
      pc.lastError = "No such program"
      return false
    end
    stack[#stack + 1] = p
    local args = pack(...)
    args[0] = command
    local ok = executeProgram(100, p, args)
    stack[#stack] = nil
    return ok
  end

  function shell.run(...)
    local words = tokenise(...)
    if words[1] then return shell.execute(words[1], unpack(words, 2)) end
    return false
  end

  function shell.exit() end
  function shell.dir() return dir end
  function shell.setDir(d)
    E.expect("setDir", 1, d, "string")
    if not G.fs.isDir(d) then error("Not a directory", 2) end
    dir = G.fs.combine(d, "")
  end
  function shell.path() return path end
  function shell.setPath(p)
    E.expect("setPath", 1, p, "string")
    path = p
  end

  function shell.resolve(p)
    E.expect("resolve", 1, p, "string")
    local c = p:sub(1, 1)
    if c == "/" or c == "\\" then return G.fs.combine("", p) end
    return G.fs.combine(dir, p)
  end

  local function isFile(p) return G.fs.exists(p) and not G.fs.isDir(p) end

  function shell.resolveProgram(command)
    E.expect("resolveProgram", 1, command, "string")
    if aliases[command] then command = aliases[command] end
    if command:find("/") or command:find("\\") then
      local p = shell.resolve(command)
      if isFile(p) then return p end
      if isFile(p .. ".lua") then return p .. ".lua" end
      return nil
    end
    for entry in path:gmatch("[^:]+") do
      local p = G.fs.combine(shell.resolve(entry), command)
      if isFile(p) then return p end
      if isFile(p .. ".lua") then return p .. ".lua" end
    end
    return nil
  end

  function shell.programs(hidden)
    local items = {}
    for entry in path:gmatch("[^:]+") do
      local d = shell.resolve(entry)
      if G.fs.isDir(d) then
        for _, f in ipairs(G.fs.list(d)) do
          if not G.fs.isDir(G.fs.combine(d, f)) and (hidden or f:sub(1, 1) ~= ".") then
            if #f > 4 and f:sub(-4) == ".lua" then f = f:sub(1, -5) end
            items[f] = true
          end
        end
      end
    end
    local out = {}
    for k in pairs(items) do out[#out + 1] = k end
    table.sort(out)
    return out
  end

  local function completeProgram(line)
    local out, seen = {}, {}
    local function add(s) if not seen[s] then seen[s] = true; out[#out + 1] = s end end
    if #line > 0 and (line:find("/") or line:find("\\")) then
      return G.fs.complete(line, dir, { include_files = true, include_dirs = false })
    end
    for a in pairs(aliases) do
      if #a > #line and a:sub(1, #line) == line then add(a:sub(#line + 1)) end
    end
    for _, d in ipairs(G.fs.complete(line, dir, { include_files = false, include_dirs = false })) do add(d) end
    for _, prog in ipairs(shell.programs()) do
      if #prog > #line and prog:sub(1, #line) == line then add(prog:sub(#line + 1)) end
    end
    table.sort(out)
    return out
  end

  function shell.completeProgram(line)
    E.expect("completeProgram", 1, line, "string")
    return completeProgram(line)
  end

  function shell.complete(line)
    E.expect("complete", 1, line, "string")
    if #line == 0 then return nil end
    local words = tokenise(line)
    local index = #words
    if line:sub(-1) == " " then index = index + 1 end
    if index == 1 then
      local bit = words[1] or ""
      local p = shell.resolveProgram(bit)
      if p and completion[p] then return { " " } end
      local results = completeProgram(bit)
      for i, r in ipairs(results) do
        local rp = shell.resolveProgram(bit .. r)
        if rp and completion[rp] then results[i] = r .. " " end
      end
      return results
    end
    local p = shell.resolveProgram(words[1])
    local part = words[index] or ""
    local previous = words
    previous[index] = nil
    local info = p and completion[p]
    if info then return info.fnComplete(shell, index - 1, part, previous) end
    return nil
  end

  function shell.setCompletionFunction(program, fn)
    E.expect("setCompletionFunction", 1, program, "string")
    E.expect("setCompletionFunction", 2, fn, "function")
    completion[program] = { fnComplete = fn }
  end
  function shell.getCompletionInfo() return completion end

  function shell.getRunningProgram() return stack[#stack] end

  function shell.setAlias(command, program)
    E.expect("setAlias", 1, command, "string")
    E.expect("setAlias", 2, program, "string")
    aliases[command] = program
  end
  function shell.clearAlias(command)
    E.expect("clearAlias", 1, command, "string")
    aliases[command] = nil
  end
  function shell.aliases()
    local copy = {}
    for k, v in pairs(aliases) do copy[k] = v end
    return copy
  end

  function shell.openTab() error("ccenv: multishell is not available", 2) end
  function shell.switchTab() error("ccenv: multishell is not available", 2) end

  return shell
end

return M
