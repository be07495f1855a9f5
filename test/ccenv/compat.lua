-- Lua 5.1 / 5.2 differences hidden from programs, so they see CC's (Lua 5.2-like) base library:
-- load(chunk, name, mode, env), table.pack/unpack, yieldable pcall/xpcall (Cobalt lets a
-- coroutine yield across pcall; PUC Lua 5.1 does not), xpcall with extra arguments.
local M = {}

local pack = table.pack or function(...) return { n = select("#", ...), ... } end
local unpack = table.unpack or unpack
M.pack, M.unpack = pack, unpack
M.is51 = _VERSION == "Lua 5.1"

-- load(chunk, chunkname, mode, env): env defaults to `defaultEnv` (the computer's _G),
-- never to the host's globals.
function M.makeLoad(defaultEnv)
  return function(chunk, name, mode, env)
    local ct = type(chunk)
    if ct ~= "string" and ct ~= "function" then
      error(("bad argument #1 to 'load' (string expected, got %s)"):format(ct), 2)
    end
    if env == nil then env = defaultEnv end
    mode = mode or "bt"
    if ct == "function" then
      local parts = {}
      while true do
        local piece = chunk()
        if piece == nil or piece == "" then break end
        if type(piece) ~= "string" then return nil, "reader function must return a string" end
        parts[#parts + 1] = piece
      end
      chunk = table.concat(parts)
    end
    local binary = chunk:sub(1, 1) == "\27"
    if binary and not mode:find("b") then
      return nil, "attempt to load a binary chunk (mode is '" .. mode .. "')"
    elseif not binary and not mode:find("t") then
      return nil, "attempt to load a text chunk (mode is '" .. mode .. "')"
    end
    name = name or ("=" .. chunk)
    if M.is51 then
      local fn, err = loadstring(chunk, name)
      if not fn then return nil, err end
      setfenv(fn, env)
      return fn
    else
      return load(chunk, name, mode, env)
    end
  end
end

-- coroutine.create replacement that installs the run's instruction-count hook
-- ("Too long without yielding") on every coroutine the program makes.
function M.makeCoroutine(installHook)
  local co = {}
  for k, v in pairs(coroutine) do co[k] = v end
  co.create = function(fn)
    if type(fn) ~= "function" then
      error(("bad argument #1 to 'create' (function expected, got %s)"):format(type(fn)), 2)
    end
    local c = coroutine.create(fn)
    installHook(c)
    return c
  end
  co.wrap = function(fn)
    local c = co.create(fn)
    return function(...)
      local r = pack(coroutine.resume(c, ...))
      if not r[1] then error(r[2], 0) end
      return unpack(r, 2, r.n)
    end
  end
  return co
end

-- pcall / xpcall through which coroutine.yield still works on Lua 5.1.
function M.makePcall(installHook)
  if not M.is51 then
    local hostXpcall = xpcall
    local function xp(f, handler, ...)
      local args = pack(...)
      return hostXpcall(function() return f(unpack(args, 1, args.n)) end, handler)
    end
    return pcall, xp
  end

  local function drive(handler, f, ...)
    local c = coroutine.create(f)
    installHook(c)
    local r = pack(coroutine.resume(c, ...))
    while true do
      if not r[1] then
        if handler then return false, handler(r[2]) end
        return false, r[2]
      end
      if coroutine.status(c) == "dead" then return true, unpack(r, 2, r.n) end
      local resumeWith = pack(coroutine.yield(unpack(r, 2, r.n)))
      r = pack(coroutine.resume(c, unpack(resumeWith, 1, resumeWith.n)))
    end
  end

  local function ypcall(f, ...)
    if type(f) ~= "function" then
      -- callable tables etc.: fall back to the host pcall
      return pcall(f, ...)
    end
    return drive(nil, f, ...)
  end
  local function yxpcall(f, handler, ...)
    if type(f) ~= "function" then return xpcall(f, handler) end
    return drive(handler, f, ...)
  end
  return ypcall, yxpcall
end

return M
