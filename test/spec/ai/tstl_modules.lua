-- Test-only: single modules of the built bundles (build/ai.lua, build/libai.lua), loaded into a
-- ccenv computer's environment through the bundles' one seam (called with a table, a bundle
-- returns its require). M.load(env)("render"), M.load(env, "build/libai.lua")("ids").
local M = {}

-- env: the table the modules see as globals (a computer's env, or a proxy over it)
function M.load(env, file)
  file = file or "build/ai.lua"
  local f = assert(io.open(file, "rb"))
  local src = f:read("*a")
  f:close()
  local chunk
  if setfenv then
    chunk = assert(loadstring(src, "=" .. file))
    setfenv(chunk, env)
  else
    chunk = assert(load(src, "=" .. file, "t", env))
  end
  return chunk({})
end

-- an instance of a TSTL class, from Lua
function M.new(class, ...)
  local o = setmetatable({}, class.prototype)
  o:____constructor(...)
  return o
end

return M
