-- npm run demo: runs the built `ai` program with the prompt "hello" on a CC computer emulated
-- on host Lua (test/ccenv), against the real opencode server with a password started by
-- test/demo.sh, and prints the computer's screen in a frame.
-- Usage (servers already running, OPENCC_TEST_* set): lua5.1 test/demo.lua [prompt words...]
package.path = "test/?.lua;test/?/init.lua;build/?.lua;" .. package.path
local servers = require("support.servers")

local prompt = #arg > 0 and table.concat(arg, " ") or "hello"
local pc = servers.newComputer({ width = 51, height = 19, colour = true })

-- What the CC shell shows before it runs a command: its yellow prompt and the command line.
pc:call(function()
  local env = pc.env
  env.term.setTextColour(env.colours.yellow)
  env.write("> ")
  env.term.setTextColour(env.colours.white)
  env.print("ai " .. prompt)
end)

local t0 = servers.now()
local ok, result = pcall(pc.run, pc, "ai.lua", prompt)
local took = servers.now() - t0

local width = 51
print("+" .. string.rep("-", width) .. "+")
for _, line in ipairs(pc:screenLines()) do
  print("|" .. line .. string.rep(" ", width - #line) .. "|")
end
print("+" .. string.rep("-", width) .. "+")
print(string.format("ai %q against %s took %.2f s", prompt, servers.authUrl, took))
pc:destroy()
if not ok then
  io.stderr:write("demo: the computer failed: " .. tostring(result) .. "\n")
  os.exit(1)
end
if not result.ok then
  io.stderr:write("demo: ai.lua failed: " .. tostring(result.error) .. "\n")
  os.exit(1)
end
