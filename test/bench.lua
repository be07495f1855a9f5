-- npm run bench: what one prompt costs, measured against the real server in the CC environment.
-- Prints HTTP requests per prompt (first prompt of a computer, later prompts, pinned session)
-- and wall time per prompt. Figures, not pass/fail.
package.path = "test/?.lua;test/?/init.lua;" .. package.path
local H = require("spec.e2e.libai_helper")
local socket = require("socket")

local function measure(label, pcOpts, n, prompt)
  local pc = H.computer(pcOpts)
  local out, r, transcript = H.run(pc, [[
    local ai = require("libai")
    local n, prompt = tonumber((...)), select(2, ...)
    local rows = {}
    for i = 1, n do
      local c = ai.client()
      local t0 = os.epoch("utc")
      local text, reply = ai.ask(prompt, { client = c })
      rows[i] = { requests = c.requests, ms = os.epoch("utc") - t0, ok = text ~= nil }
    end
    return rows
  ]], tostring(n), prompt)
  pc:destroy()
  if not out then error(label .. ": " .. tostring(r.error) .. "\n" .. transcript) end
  for i, row in ipairs(out) do
    print(("%-40s #%d: %2d HTTP requests, %5d ms%s"):format(label, i, row.requests, row.ms, row.ok and "" or " (FAILED)"))
  end
end

print("lua: " .. _VERSION)
measure("one-line prompt, new computer", {}, 3, "[reply:pong] ping")
measure("one-line prompt, pinned session", { settings = { ["opencc.session_id"] = H.servers.newSession() } }, 3, "[reply:pong] ping")
measure("tool step (bash), pinned session", { settings = { ["opencc.session_id"] = H.servers.newSession() } }, 2, "[tool:bash:echo hi] go")
measure("slow reply (2 s), pinned session", { settings = { ["opencc.session_id"] = H.servers.newSession() } }, 1, "[slow:200][reply:a b c d e f g h i j] go")
-- A bridge tool call: the fake model asks for opencc_turtle (detect); the computer serves it
-- beside the prompt. agent -> computer -> agent is the time between the model's request that
-- made the call and the one that carried its result (fake model log).
local function measureBridge(n)
  local id = 4900
  local pc = H.computer({
    id = id, turtle = { blocks = {}, inventory = {}, fuel = 10 },
    settings = { ["opencc.session_id"] = H.servers.newSession(), ["opencc.bridge_url"] = H.servers.bridgeUrl,
      ["opencc.bridge_token"] = H.servers.bridgeToken },
  })
  local tokens = {}
  for i = 1, n do tokens[i] = H.token("bench-bridge") end
  local out, r, transcript = H.run(pc, [[
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
  if not out then error("bridge: " .. tostring(r.error) .. "\n" .. transcript) end
  for i, row in ipairs(out) do
    local log = H.servers.modelLog(tokens[i])
    local trip = #log >= 2 and (log[2].at - log[1].at) or -1
    print(("%-40s #%d: prompt %5d ms, agent -> computer -> agent %4d ms%s"):format(
      "bridge tool call (turtle detect)", i, row.ms, trip, row.ok and "" or " (FAILED)"))
  end
end
measureBridge(3)
for _, f in ipairs({ "build/libai.lua", "build/ai.lua", "build/install.lua", "build/ai.txt" }) do
  local h = io.open(f, "rb")
  print(("%-20s %6d bytes"):format(f, #h:read("*a")))
  h:close()
end
