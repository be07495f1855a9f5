-- npm run bench (part): aichat with several players asking at once through the fake Chat Box
-- (Advanced Peripherals' default 1 s cooldown) against the real server. Prints, per run, the
-- seconds from the prompts to each player's (whole) answer in chat and the sends the cooldown refused.
-- Figures, not pass/fail.
package.path = "test/?.lua;test/?/init.lua;" .. package.path
local servers = require("support.servers")
local chatbox = require("support.chatbox")
-- OPENCC_BENCH_BUILD=dir takes libai.lua and aichat.lua from dir instead of build/.
local BUILD = os.getenv("OPENCC_BENCH_BUILD") or "build"

local function measure(players, prompt, needle, cooldown)
  local names = {}
  for i = 1, players do names[i] = "Player" .. i end
  local pc = servers.newComputer({
    noProgram = true, noLib = true, server = "plain", id = math.random(1000, 900000), timeout = 120,
    -- aichat paces its messages by the Chat Box's cooldown on the server, which it is told.
    settings = cooldown and { ["opencc.chat_cooldown"] = cooldown } or nil,
  })
  pc:copyIn(BUILD .. "/libai.lua", "libai.lua")
  pc:copyIn(BUILD .. "/aichat.lua", "aichat.lua")
  local box = chatbox.attach(pc, { players = names, cooldown = cooldown })
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
  local times, last = {}, 0
  for i, n in ipairs(names) do
    times[i] = string.format("%.1f", answered(n) - asked)
    last = math.max(last, answered(n) - asked)
  end
  if players <= 6 then
    print(("aichat, %d players at once, %-28s answers after %s s; %d sends, %d refused"):format(
      players, prompt, table.concat(times, " / "), #box.sent, box.refused))
  end
  return last
end

--- 24 blocking prompts at once from Node (test/bench-anchor.mjs), in ms.
local function nodeConcurrent(k, prompt)
  local p = assert(io.popen(("node test/bench-anchor.mjs concurrent '%s' %d '%s'"):format(servers.url, k, prompt)))
  local out = p:read("*a")
  p:close()
  return assert(servers.decode(out), out).wall
end

print("lua: " .. _VERSION)
-- The server's first prompts set up its workspace (seconds): measured apart, not in the others.
measure(1, "[reply:warm-up]", "warm-up")
measure(3, "[delay:1500] [reply:pong]", "pong")
measure(6, "[delay:1500] [reply:pong]", "pong")
measure(3, "[long:60]", "Line 60")
-- 24 players at once, the model taking 4 s for each, beside 24 blocking requests from Node. The
-- Chat Box's cooldown is set to 0 here (Advanced Peripherals' chatBoxCooldown), and aichat is told
-- so (opencc.chat_cooldown 0): at the default of 1 s the 24 answers alone take 24 s to send,
-- whatever the wait does.
do
  local prompt = "[slow:400][reply:a b c d e f g h i j]"
  local ours = (measure(24, prompt, "a b c", 0) + measure(24, prompt, "a b c", 0)) / 2 * 1000
  local theirs = (nodeConcurrent(24, prompt) + nodeConcurrent(24, prompt)) / 2
  print(("aichat, 24 players at once (4 s each, cooldown 0): last answer after %d ms; Node, 24 blocking: %d ms; %.2fx (goal <= 1.2x)"):format(
    ours, theirs, ours / theirs))
end
local h = io.open(BUILD .. "/aichat.lua", "rb")
print(("%-20s %6d bytes"):format(BUILD .. "/aichat.lua", #h:read("*a")))
h:close()
