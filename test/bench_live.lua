-- npm run bench (part): live replies through opencc-bridge (issue 19), against the password
-- server, whose events the test bridge reads. Each ask runs beside the computer serving the
-- bridge, as `ai` does with opencc.bridge_url set. Figures, not pass/fail.
-- - first words: the computer's first onText minus the text part's time.start (the server has
--   the first words when that part starts; both clocks are this machine's);
-- - time.completed -> ask() returns, and the requests the computer made for a 5 s reply;
-- - 24 asks at once from one computer, with the bridge and without it.
-- OPENCC_BENCH_BUILD=dir takes libai.lua and libai_bridge.lua from dir instead of build/.
package.path = "test/?.lua;test/?/init.lua;" .. package.path
local H = require("spec.e2e.libai_helper")
local servers = H.servers
local BUILD = os.getenv("OPENCC_BENCH_BUILD") or "build"

local FIVE_SECONDS = "[slow:500][reply:one two three four five six seven eight nine ten eleven] go"

local median = require("support.stats").median

local function computer(bridge)
  local settings = bridge and { ["opencc.bridge_url"] = servers.bridgeUrl, ["opencc.bridge_token"] = servers.bridgeToken } or {}
  local pc = H.computer({ noLib = true, settings = settings, timeout = 120 })
  pc:copyIn(BUILD .. "/libai.lua", "libai.lua")
  pc:copyIn(BUILD .. "/libai_bridge.lua", "libai_bridge.lua")
  return pc
end

--- Runs a CC program; returns its result and the requests the computer made while it ran.
local function measure(pc, source, ...)
  local out, fetched = H.measure(pc, source, ...)
  return out, fetched.requests
end

-- One ask while serving the bridge; the first piece's time beside the part's start.
local LIVE_ASK = [[
  local ai = require("libai")
  local prompt, session = ...
  local conn = assert(ai.bridge())
  local out = {}
  parallel.waitForAny(function()
    local text, reply = ai.ask(prompt, { session = session, onText = function()
      out.first = out.first or os.epoch("utc")
    end })
    if not text then error(reply, 0) end
    out.returned = os.epoch("utc")
    local last = reply.messages[#reply.messages]
    out.completed = last.info.time.completed
    for _, p in ipairs(last.parts) do if p.type == "text" then out.started = out.started or p.time.start end end
  end, function()
    pcall(conn.serve, conn)
    while true do os.pullEventRaw("opencc_never") end
  end)
  conn:close()
  return out
]]

local MANY = [[
  local ai = require("libai")
  local prompt, list, bridged = ...
  bridged = bridged == "yes"
  local sessions, tasks, ok = textutils.unserialise(list), {}, 0
  for i = 1, #sessions do
    tasks[i] = function()
      local text = ai.ask(prompt:gsub("%[reply:a ", "[reply:" .. i .. " "), { session = sessions[i] })
      if text == i .. " b c d e f g h i j" then ok = ok + 1 end
    end
  end
  local conn = bridged and assert(ai.bridge())
  local t0 = os.epoch("utc")
  if conn then
    tasks[#tasks + 1] = function()
      pcall(conn.serve, conn)
      while true do os.pullEventRaw("opencc_never") end
    end
    parallel.waitForAny(function() parallel.waitForAll(table.unpack(tasks, 1, #sessions)) end, tasks[#tasks])
    conn:close()
  else
    parallel.waitForAll(table.unpack(tasks))
  end
  return { ms = os.epoch("utc") - t0, ok = ok }
]]

local rows = {}
local function row(figure, ours, goal) rows[#rows + 1] = { figure, ours, goal } end

local started = os.time()
do
  local pc = computer(true)
  local session = servers.newSession()
  measure(pc, LIVE_ASK, "hello", session) -- the server's first prompt sets up its workspace
  local first, returned = {}, {}
  for k = 1, 10 do
    local out = measure(pc, LIVE_ASK, ("[slow:%d][reply:a b c d e f g h i j] go"):format(100 * k), session)
    first[k], returned[k] = out.first - out.started, out.returned - out.completed
  end
  local five, requests = measure(pc, LIVE_ASK, FIVE_SECONDS, session)
  pc:destroy()
  table.sort(first)
  row("first words on the computer - the server has them, median", ("%d ms (%d-%d)"):format(median(first), first[1], first[#first]), "<= 300 ms")
  table.sort(returned)
  row("time.completed -> ask() returns, median (1-10 s)", ("%d ms (%d-%d)"):format(median(returned), returned[1], returned[#returned]), "<= 60 ms")
  row("requests for a 5 s reply", ("%d (%.1f s)"):format(requests, (five.returned - five.started) / 1000), "<= 3")
end

do
  local walls = {}
  for _, bridged in ipairs({ false, true, false, true }) do
    local sessions = {}
    for i = 1, 24 do sessions[i] = servers.newSession() end
    local pc = computer(bridged)
    local out, requests = measure(pc, MANY, "[slow:400][reply:a b c d e f g h i j] go", servers.serialise(sessions), bridged and "yes" or "no")
    pc:destroy()
    if out.ok ~= 24 then error(("only %d of 24 asks at once got their own reply"):format(out.ok)) end
    local key = bridged and "bridge" or "polling"
    walls[key] = walls[key] or {}
    table.insert(walls[key], { ms = out.ms, requests = requests })
  end
  local function avg(list, f) return (list[1][f] + list[2][f]) / 2 end
  row("24 asks at once (4 s each): with the bridge / polling", ("%d / %d ms (%.2fx)"):format(avg(walls.bridge, "ms"),
    avg(walls.polling, "ms"), avg(walls.bridge, "ms") / avg(walls.polling, "ms")), "<= 1.0x")
  row("24 asks at once: requests, with the bridge / polling", ("%d / %d"):format(avg(walls.bridge, "requests"),
    avg(walls.polling, "requests")), "-")
end

print("")
print(("%-60s %-26s %s"):format("live replies through the bridge", "ours", "goal"))
for _, r in ipairs(rows) do print(("%-60s %-26s %s"):format(r[1], r[2], r[3])) end
print(("bench (live) took %d s"):format(os.time() - started))
