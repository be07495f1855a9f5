-- Loads the build outputs under a plain Lua: libai must return its API table, ai.lua must compile.
local dir = arg[1]
package.path = dir .. "/?.lua;" .. package.path
local ok, lib = pcall(require, "libai")
if not ok then io.stderr:write("libai.lua: " .. tostring(lib) .. "\n") os.exit(1) end
if type(lib) ~= "table" or type(lib.ask) ~= "function" then
  io.stderr:write("libai.lua does not return a table with ask()\n") os.exit(1)
end
-- The bridge module loads on its own too, and gives libai its version and attach.
local okb, bridge = pcall(require, "libai_bridge")
if not okb or type(bridge) ~= "table" or type(bridge.attach) ~= "function" or bridge.version ~= lib.version then
  io.stderr:write("libai_bridge.lua does not return its version and attach: " .. tostring(bridge) .. "\n") os.exit(1)
end
for _, program in ipairs({ "ai.lua", "aichat.lua" }) do
  local chunk, err = loadfile(dir .. "/" .. program)
  if not chunk then io.stderr:write(err .. "\n") os.exit(1) end
end
