-- npm run bench (part): aichat with several players asking at once through the fake Chat Box
-- (Advanced Peripherals' default 1 s cooldown) against the real server. Prints, per run, the
-- seconds from the prompts to each player's (whole) answer in chat and the sends the cooldown refused.
-- Figures, not pass/fail.
package.path = "test/?.lua;test/?/init.lua;" .. package.path
local servers = require("support.servers")
local chatbox = require("support.chatbox")

local function measure(players, prompt, needle)
  local names = {}
  for i = 1, players do names[i] = "Player" .. i end
  local pc = servers.newComputer({ noProgram = true, id = math.random(1000, 900000), timeout = 120 })
  pc:copyIn("build/aichat.lua", "aichat.lua")
  local box = chatbox.attach(pc, { players = names })
  local asked
  pc:at(0.2, function()
    asked = servers.now()
    for _, n in ipairs(names) do box:say(n, "@ai " .. prompt .. " " .. servers.token(n)) end
  end)
  local function answered(n)
    for _, e in ipairs(box.sent) do
      if e.to == n and e.text:find(needle, 1, true) then return e.time end
    end
  end
  pc:when(function()
    for _, n in ipairs(names) do
      if not answered(n) then return false end
    end
    return true
  end, function() pc:queueEvent("terminate") end)
  local r = pc:run("aichat.lua")
  pc:destroy()
  if not r.ok then error(r.error) end
  local times = {}
  for i, n in ipairs(names) do times[i] = string.format("%.1f", answered(n) - asked) end
  print(("aichat, %d players at once, %-28s answers after %s s; %d sends, %d refused"):format(
    players, prompt, table.concat(times, " / "), #box.sent, box.refused))
end

print("lua: " .. _VERSION)
-- The server's first prompts set up its workspace (seconds): measured apart, not in the others.
measure(1, "[reply:warm-up]", "warm-up")
measure(3, "[delay:1500] [reply:pong]", "pong")
measure(6, "[delay:1500] [reply:pong]", "pong")
measure(3, "[long:60]", "Line 60")
local h = io.open("build/aichat.lua", "rb")
print(("%-20s %6d bytes"):format("build/aichat.lua", #h:read("*a")))
h:close()
