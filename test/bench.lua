-- npm run bench: what waiting for a reply costs, measured in the CC environment against the real
-- server (no password, fake model), beside its anchors: blocking requests sent with Node (the
-- floor) and `opencode run --attach` (test/bench-anchor.mjs). The wait is the seed's: prompt_async,
-- then looks at the session (issue 17). Figures, not pass/fail: each row prints ours, the anchor,
-- their ratio, and the goal. Requests and bytes are counted by ccenv's http (everything the
-- computer fetched, the ai program included); ccenv holds at most 16 requests open at once, as
-- CC: Tweaked's http.max_requests does.
-- OPENCC_BENCH_BUILD=dir takes libai.lua and ai.lua from dir instead of build/ (to measure an
-- older build with the same bench).
package.path = "test/?.lua;test/?/init.lua;" .. package.path
local H = require("spec.e2e.libai_helper")
local servers = H.servers

local URL = servers.url
local BUILD = os.getenv("OPENCC_BENCH_BUILD") or "build"
local FIVE_SECONDS = "[slow:500][reply:one two three four five six seven eight nine ten eleven] go"
-- About 4 s: ten words, 400 ms apart.
local FOUR_SECONDS = "[slow:400][reply:a b c d e f g h i j] go"

local function anchor(...)
  local args = { ... }
  for i, v in ipairs(args) do args[i] = "'" .. tostring(v):gsub("'", "'\\''") .. "'" end
  local p = assert(io.popen("node test/bench-anchor.mjs " .. table.concat(args, " ")))
  local out = p:read("*a")
  p:close()
  local value = servers.decode(out)
  if type(value) ~= "table" then error("bench-anchor.mjs " .. table.concat(args, " ") .. " gave: " .. out) end
  return value
end

local median = require("support.stats").median

--- A computer on the plain server, with this bench's build; opts.settings as newComputer's.
local function computer(opts)
  opts = opts or {}
  local pc = H.computer({ server = "plain", settings = opts.settings, noLib = true })
  pc:copyIn(BUILD .. "/libai.lua", "libai.lua")
  if opts.program then pc:copyIn(BUILD .. "/ai.lua", "ai.lua") end
  return pc
end

local measure = H.measure

local ASK = [[
  local ai = require("libai")
  local prompt, session = ...
  local t0 = os.epoch("utc")
  local text, reply = ai.ask(prompt, { session = session })
  if not text then error(reply, 0) end
  local last = reply.messages[#reply.messages]
  return { returned = os.epoch("utc") - last.info.time.completed, ms = os.epoch("utc") - t0 }
]]

local rows = {}
local function row(figure, ours, anchorText, ratio, goal)
  rows[#rows + 1] = { figure, ours, anchorText, ratio, goal }
end

print(("bench: %s, libai and ai from %s/"):format(_VERSION, BUILD))
local started = os.time()

-- The server's first prompt sets up its workspace (seconds): out of every figure.
anchor("floor", URL, 1)

-- 1. time.completed -> ask() returns, default settings, for replies the model takes 1 to 10 s
-- to write (ten words, 100 to 1000 ms apart), beside a blocking request from Node.
do
  local session = anchor("session", URL).session
  local pc = computer()
  measure(pc, ASK, "hello", session)
  local returned = {}
  -- Twenty replies, 1 to 10.5 s: where a reply ends between two looks is chance, so ten
  -- would leave the median to luck.
  for k = 1, 20 do
    local slow = math.floor((k + 1) / 2) * 100 + (k % 2 == 0 and 50 or 0)
    returned[k] = measure(pc, ASK, ("[slow:%d][reply:a b c d e f g h i j] go"):format(slow), session).returned
  end
  pc:destroy()
  local floor = anchor("floor", URL, 9)
  local ours, base = median(returned), median(floor.latency)
  row("time.completed -> ask() returns, median (1-10 s)", ("%d ms"):format(ours), ("%d ms (Node, blocking)"):format(base),
    ("%.1fx"):format(ours / math.max(base, 1)), "<= 250 ms")
  table.sort(returned)
  row("  the same, fastest / slowest", ("%d / %d ms"):format(returned[1], returned[#returned]), "-", "-", "-")
end

-- 2, 3. Bytes of one ask with 200 long earlier messages, and with 2; the largest response.
-- The reply takes 2 s to write: with an instant one, the 100 ms more the server spends reading
-- a long history before it answers can cost one more look (1 or 2 looks: 1.0x or 2.0x, by luck).
local TWO_SECONDS = "[slow:200][reply:a b c d e f g h i j] go"
local fiveSecondSession
do
  local short = anchor("session", URL).session
  local long = anchor("history", URL, 200, 2000).session
  local pc = computer()
  measure(pc, ASK, "[reply:the first answer] hi", short) -- two earlier messages
  local _, withTwo = measure(pc, ASK, TWO_SECONDS, short)
  local _, withMany = measure(pc, ASK, TWO_SECONDS, long)
  pc:destroy()
  row("bytes of one ask: 200 long earlier messages / 2", ("%d / %d B"):format(withMany.bytes, withTwo.bytes),
    "-", ("%.2fx"):format(withMany.bytes / withTwo.bytes), "<= 1.25x")
  row("  per request", ("%d / %d B"):format(withMany.bytes / withMany.requests, withTwo.bytes / withTwo.requests),
    "-", ("%.2fx"):format((withMany.bytes / withMany.requests) / (withTwo.bytes / withTwo.requests)), "-")
  local largest = math.max(withMany.largest, withTwo.largest)
  row("largest single response during an ask", ("%.1f KB"):format(largest / 1024), "-", "-", "<= 64 KB")
  fiveSecondSession = short
end

-- 4. Requests for a reply the model takes 5 s to write.
do
  local pc = computer()
  local out, s = measure(pc, ASK, FIVE_SECONDS, fiveSecondSession)
  pc:destroy()
  row("requests for a 5 s reply", ("%d (%.1f s)"):format(s.requests, out.ms / 1000), "-", "-", "<= 12")
end

-- 5, 7. `ai hello` on a fresh computer (its first: the conversation is found or made) and again
-- (the conversation remembered): requests, and time beside `opencode run --attach` and beside a
-- blocking round trip from Node. Each `ai hello` is paired with a round trip made right after
-- it, and the differences of the pairs are compared, so that both sides see the same load.
do
  local AI_HELLO = [[
    local t0 = os.epoch("utc")
    local ok = shell.run("ai", "hello")
    return { ok = ok, ms = os.epoch("utc") - t0 }
  ]]
  local first, later, requests, firstOver, laterOver = {}, {}, {}, {}, {}
  for i = 1, 7 do
    local pc = computer({ program = true })
    local out, s = measure(pc, AI_HELLO)
    local rtt1 = median(anchor("floor", URL, 1).rtt)
    local again = measure(pc, AI_HELLO)
    local rtt2 = median(anchor("floor", URL, 1).rtt)
    local screen = pc:transcript()
    pc:destroy()
    if not (out.ok and again.ok) or not screen:find("Hello from the fake model", 1, true) then
      error("ai hello failed:\n" .. screen)
    end
    first[i], later[i], requests[i] = out.ms, again.ms, s.requests
    firstOver[i], laterOver[i] = out.ms - rtt1, again.ms - rtt2
  end
  row("requests for the first `ai hello`", ("%d"):format(requests[1]), "-", "-", "<= 4")
  local run = anchor("run", URL, 3)
  local ours, theirs = median(later), median(run.wall)
  row("`ai hello` / `opencode run --attach`", ("%d ms"):format(ours), ("%d ms"):format(theirs),
    ("%.2fx"):format(ours / theirs), "<= 0.3x")
  row("`ai hello` - blocking round trip (pairs)", ("%d ms"):format(ours), "Node, right after each",
    ("%+d ms"):format(median(laterOver)), "<= +150 ms")
  row("the first `ai hello` - round trip (pairs)", ("%d ms"):format(median(first)), "Node, right after each",
    ("%+d ms"):format(median(firstOver)), "(makes the session)")
end

-- 6. 24 asks at once on 24 sessions (the model takes 4 s for each) from one computer, which holds
-- at most 16 requests open (http.max_requests), beside 24 blocking requests at once from Node, in
-- turns (ours, theirs, twice) so that both see the same load. Each ask must get its own reply.
do
  local MANY = [[
    local ai = require("libai")
    local prompt, list = ...
    local sessions, tasks, ok = textutils.unserialise(list), {}, 0
    for i = 1, #sessions do
      tasks[i] = function()
        local text = ai.ask(prompt:gsub("%[reply:a ", "[reply:" .. i .. " "), { session = sessions[i] })
        if text == i .. " b c d e f g h i j" then ok = ok + 1 end
      end
    end
    local t0 = os.epoch("utc")
    parallel.waitForAll(table.unpack(tasks))
    return { ms = os.epoch("utc") - t0, ok = ok }
  ]]
  local ours, theirs, requests = {}, {}, {}
  for round = 1, 2 do
    local sessions = {}
    for i = 1, 24 do sessions[i] = anchor("session", URL).session end
    local pc = computer()
    local out, s = measure(pc, MANY, FOUR_SECONDS, servers.serialise(sessions))
    pc:destroy()
    if out.ok ~= 24 then error(("only %d of 24 asks at once got their own reply"):format(out.ok)) end
    ours[round], requests[round] = out.ms, s.requests
    theirs[round] = anchor("concurrent", URL, 24, FOUR_SECONDS).wall
  end
  local a, b = (ours[1] + ours[2]) / 2, (theirs[1] + theirs[2]) / 2
  row("24 asks at once (4 s each, 16 requests open): wall", ("%d ms"):format(a), ("%d ms (Node, 24 blocking)"):format(b),
    ("%.2fx"):format(a / b), "<= 1.2x")
  row("24 asks at once: requests", ("%d, %d"):format(requests[1], requests[2]), "-", "-", "-")
end

-- 7. Transport faults through the fault proxy (test/servers/fault-proxy.mjs, in front of the
-- password server): what a retried poll costs, and how long a player waits for the error line
-- when the server is down (GETs are tried 3 times within 10 s).
do
  local ONE = [[
    local ai = require("libai")
    local t0 = os.epoch("utc")
    local text, msg = ai.ask((...))
    return { ms = os.epoch("utc") - t0, ok = text ~= nil, msg = msg }
  ]]
  local function fault(figure, url, rule)
    servers.clearFaults()
    if rule then servers.fault(rule) end
    local pc = H.computer({ url = url, noLib = true })
    pc:copyIn(BUILD .. "/libai.lua", "libai.lua")
    local out, s = measure(pc, ONE, "[reply:pong] ping")
    pc:destroy()
    row(figure, ("%d ms, %d requests"):format(out.ms, s.requests), "-", "-", out.ok and "reply printed" or "one line")
  end
  fault("one 502 on a poll (retried), via proxy", servers.proxyUrl,
    { action = "status", status = 502, path = "/message", method = "GET" })
  fault("one reset mid-body on a poll, via proxy", servers.proxyUrl, { action = "reset", path = "/message", method = "GET" })
  fault("server down: until the error line", servers.deadUrl)
  servers.clearFaults()
end

-- 8. A bridge tool call: the fake model asks for opencc_turtle (detect); the computer serves it
-- beside the prompt. agent -> computer -> agent is the time between the model's request that made
-- the call and the one that carried its result (fake model log). The bridge is registered with
-- the password server.
do
  local id = 4900
  local pc = H.computer({
    id = id, turtle = { blocks = {}, inventory = {}, fuel = 10 }, noLib = true,
    settings = { ["opencc.session_id"] = servers.newSession(), ["opencc.bridge_url"] = servers.bridgeUrl,
      ["opencc.bridge_token"] = servers.bridgeToken },
  })
  pc:copyIn(BUILD .. "/libai.lua", "libai.lua")
  -- the bridge's own bundle since issue 18 (an older build carries it inside libai.lua)
  local bridgeBundle = io.open(BUILD .. "/libai_bridge.lua", "rb")
  if bridgeBundle then
    bridgeBundle:close()
    pc:copyIn(BUILD .. "/libai_bridge.lua", "libai_bridge.lua")
  end
  local tokens = {}
  for i = 1, 3 do tokens[i] = H.token("bench-bridge") end
  local out = measure(pc, [[
    local ai = require("libai")
    local args = { ... }
    local id = table.remove(args, 1)
    local conn = assert(ai.bridge())
    local rows = {}
    for i, token in ipairs(args) do
      local call = '[call:opencc_turtle:{"computer":' .. id .. ',"action":"detect"}]'
      parallel.waitForAny(function()
        local t0 = os.epoch("utc")
        local text = ai.ask(token .. " " .. call, { system = conn:note() })
        rows[i] = { ms = os.epoch("utc") - t0, ok = text ~= nil }
      end, function() conn:serve() end)
    end
    conn:close()
    return rows
  ]], tostring(id), (table.unpack or unpack)(tokens))
  pc:destroy()
  local trips, prompts = {}, {}
  for i, r in ipairs(out) do
    local log = servers.modelLog(tokens[i])
    if not r.ok or #log < 2 then error("bridge tool call " .. i .. " failed") end
    trips[i], prompts[i] = log[2].at - log[1].at, r.ms
  end
  row("bridge tool call: agent -> computer -> agent", ("%d ms"):format(median(trips)), "-", "-", "(median of 3)")
  row("bridge tool call: whole prompt", ("%d ms"):format(median(prompts)), "-", "-", "(median of 3)")
end

print("")
print(("%-48s %-20s %-28s %-8s %s"):format("figure", "ours", "anchor", "ratio", "goal"))
for _, r in ipairs(rows) do print(("%-48s %-20s %-28s %-8s %s"):format(r[1], r[2], r[3], r[4], r[5])) end
print("")
for _, f in ipairs({ BUILD .. "/libai.lua", BUILD .. "/ai.lua" }) do
  local h = io.open(f, "rb")
  print(("%-24s %6d bytes"):format(f, #h:read("*a")))
  h:close()
end
print(("bench took %d s"):format(os.time() - started))
