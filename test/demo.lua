-- npm run demo: runs the built `ai` program with the prompt "hello" on a CC computer emulated
-- on host Lua (test/ccenv), against the real opencode server with a password started by
-- test/demo.sh, and prints the computer's screen in a frame.
-- Usage (servers already running, OPENCC_TEST_* set): lua5.1 test/demo.lua [prompt words...]
package.path = "test/?.lua;test/?/init.lua;build/?.lua;" .. package.path
local servers = require("support.servers")

local prompt = #arg > 0 and table.concat(arg, " ") or "hello"
local pc = servers.newComputer({ width = 51, height = 19, colour = true })

local t0 = servers.now()
local ok, result = pcall(pc.run, pc, "ai.lua", prompt)
local took = servers.now() - t0

-- The screen's rows, whichever accessor this version of ccenv offers.
local function screenLines()
  local candidates = {
    function() return pc:screenLines() end,
    function() return pc:lines() end,
    function() return pc.screen:lines() end,
    function() return pc.term:lines() end,
  }
  for _, get in ipairs(candidates) do
    local good, lines = pcall(get)
    if good and type(lines) == "table" then return lines end
  end
end

local width = 51
local lines = screenLines()
print("+" .. string.rep("-", width) .. "+")
if lines then
  for _, line in ipairs(lines) do
    line = tostring(line)
    print("|" .. line .. string.rep(" ", width - #line) .. "|")
  end
else
  local good, transcript = pcall(pc.transcript, pc)
  for line in ((good and transcript or "(no screen available)") .. "\n"):gmatch("(.-)\n") do
    print("|" .. line .. string.rep(" ", math.max(0, width - #line)) .. "|")
  end
end
print("+" .. string.rep("-", width) .. "+")
print(string.format("ai %q against %s took %.2f s", prompt, servers.authUrl, took))
if not ok then
  io.stderr:write("demo: the computer failed: " .. tostring(result) .. "\n")
  os.exit(1)
end
if type(result) == "table" and result.ok == false then
  io.stderr:write("demo: ai.lua failed: " .. tostring(result.error or result.message) .. "\n")
  os.exit(1)
end
