-- Test-only: src/ai/render.ts, complete.ts and help.ts compiled by test/tstl/tsconfig.render.json
-- into test/.out/render.lua (rebuilt when missing or older than the sources), loaded into a
-- ccenv computer's environment. Returns the bundle's require: M.load(env)("render").
local lfs = require("lfs")

local M = {}
local OUT = "test/.out/render.lua"
local SOURCES = { "src/ai/render.ts", "src/ai/complete.ts", "src/ai/help.ts", "test/tstl/tsconfig.render.json" }

local function mtime(p) return lfs.attributes(p, "modification") end

function M.build()
  local out = mtime(OUT)
  local stale = out == nil
  for _, s in ipairs(SOURCES) do
    if out and (mtime(s) or 0) > out then stale = true end
  end
  if stale then
    local ok = os.execute("node_modules/.bin/tstl -p test/tstl/tsconfig.render.json")
    assert(ok == true or ok == 0, "tstl -p test/tstl/tsconfig.render.json failed")
  end
end

-- env: the table the modules see as globals (a computer's env, or a proxy over it)
function M.load(env)
  M.build()
  local f = assert(io.open(OUT, "rb"))
  local src = f:read("*a")
  f:close()
  src = src:gsub('local ____entry = require%("render", %.%.%.%)%s*return ____entry%s*$', "return require")
  local chunk
  if setfenv then
    chunk = assert(loadstring(src, "=render.lua"))
    setfenv(chunk, env)
  else
    chunk = assert(load(src, "=render.lua", "t", env))
  end
  return chunk()
end

-- an instance of a TSTL class, from Lua
function M.new(class, ...)
  local o = setmetatable({}, class.prototype)
  o:____constructor(...)
  return o
end

return M
