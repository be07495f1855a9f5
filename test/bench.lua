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
-- Transport faults (test/servers/fault-proxy.mjs): what a retried poll costs, and how long a
-- player waits for the error line when the server is down (GETs are tried 3 times within 10 s).
H.servers.clearFaults()
H.servers.fault({ action = "status", status = 502, path = "/message", method = "GET" })
measure("one 502 on a poll (retried), via proxy", { url = H.servers.proxyUrl }, 1, "[reply:pong] ping")
H.servers.fault({ action = "reset", path = "/message", method = "GET" })
measure("one reset mid-body on a poll, via proxy", { url = H.servers.proxyUrl }, 1, "[reply:pong] ping")
H.servers.clearFaults()
measure("server down: until the error line", { url = H.servers.deadUrl }, 1, "ping")
for _, f in ipairs({ "build/libai.lua", "build/ai.lua", "build/install.lua", "build/ai.txt" }) do
  local h = io.open(f, "rb")
  print(("%-20s %6d bytes"):format(f, #h:read("*a")))
  h:close()
end
