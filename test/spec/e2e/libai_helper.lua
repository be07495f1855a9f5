-- Shared by the libai e2e specs: a computer with libai on it, pointed at the real password
-- server, and a way to run a CC program there and get back the table it returns.
package.path = "test/?.lua;test/?/init.lua;" .. package.path
local servers = require("support.servers")

local H = { servers = servers }

--- A ccenv computer with build/libai.lua; opts as servers.newComputer (settings, server, ...).
-- Each computer gets its own id, so its own conversation (found on the server by the computer's
-- id in the title) is not shared with other specs.
local nextId = math.random(1000, 900000)
function H.computer(opts)
  opts = opts or {}
  opts.noProgram = true
  nextId = nextId + 1
  opts.id = opts.id or nextId
  return servers.newComputer(opts)
end

--- Runs `source` as a CC program (the body of a function receiving ...); returns the table it
--- returns (serialised through the computer's textutils), the run result and the transcript.
function H.run(pc, source, ...)
  pc:writeFile("prog.lua", "local __result = (function(...)\n" .. source .. "\nend)(...)\n"
    .. "local f = fs.open('/result.txt', 'w') f.write(textutils.serialise(__result)) f.close()\n")
  pc:writeFile("/result.txt", "nil")
  local r = pc:run("prog.lua", ...)
  local text = pc:readFile("/result.txt") or "nil"
  local value = assert((loadstring or load)("return " .. text))()
  return value, r, pc:transcript()
end

--- Runs a CC program as H.run does (raising when it fails); returns its result and what the
--- computer fetched while it ran ({ requests, bytes, largest }). For the benches.
function H.measure(pc, source, ...)
  pc.httpManager:resetStats()
  local out, r, transcript = H.run(pc, source, ...)
  if out == nil then error(tostring(r.error) .. "\n" .. transcript) end
  local s = pc.httpManager.stats
  return out, { requests = s.requests, bytes = s.bytes, largest = s.largest }
end

--- A unique token for prompts, so specs sharing the fake model can find their own requests.
function H.token(prefix)
  return servers.token(prefix or "t")
end

return H
