-- Shared by the ccenv specs: module path and small helpers.
package.path = "test/?.lua;test/?/init.lua;" .. package.path
local ccenv = require("ccenv")

local H = { ccenv = ccenv }

-- new computer, destroyed after the test by the caller's finally/after_each
function H.computer(opts)
  return ccenv.new(opts)
end

-- write a program onto the computer and run it
function H.runProgram(pc, source, ...)
  pc:writeFile("prog.lua", source)
  return pc:run("prog.lua", ...)
end

-- Start a loopback fixture server (Node; default the HTTP one). Returns { port, pid, stop }.
function H.startServer(script)
  local out = os.tmpname()
  os.execute("node " .. (script or "test/ccenv/fixtures/http_server.js") .. " > " .. out .. " 2>&1 & echo $! > " .. out .. ".pid")
  local pf = assert(io.open(out .. ".pid"))
  local pid = assert(tonumber(pf:read("*l")))
  pf:close()
  local socket = require("socket")
  local port
  local giveUp = socket.gettime() + 10
  while not port and socket.gettime() < giveUp do
    local f = io.open(out)
    if f then
      port = tonumber((f:read("*a") or ""):match("PORT (%d+)"))
      f:close()
    end
    if not port then socket.sleep(0.02) end
  end
  local server = { port = port, pid = pid }
  function server.stop()
    os.execute("kill " .. pid .. " 2>/dev/null")
    os.remove(out)
    os.remove(out .. ".pid")
  end
  if not port then
    server.stop()
    error("http fixture server did not start")
  end
  server.base = "http://127.0.0.1:" .. port
  return server
end

-- a port nothing listens on
function H.closedPort()
  local socket = require("socket")
  local s = socket.bind("127.0.0.1", 0)
  local _, port = s:getsockname()
  s:close()
  return port
end

return H
