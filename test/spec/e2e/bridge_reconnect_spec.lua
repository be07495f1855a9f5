-- ai --serve when the bridge restarts: the computer reconnects by itself, waiting longer after
-- each failed attempt (1 s, 2 s, ...), with one line each time; Ctrl+T stops it.
local servers = require("support.servers")
local socket = require("socket")

local function has(text, needle) return text:find(needle, 1, true) ~= nil end

local function count(text, needle)
  local n, from = 0, 1
  while true do
    local s, e = text:find(needle, from, true)
    if not s then return n end
    n, from = n + 1, e + 1
  end
end

local function freePort()
  local s = assert(socket.bind("127.0.0.1", 0))
  local _, port = s:getsockname()
  s:close()
  return tonumber(port)
end

--- Starts a bridge of its own on port; returns a function that stops it.
local function startBridge(port)
  local pidFile = os.tmpname()
  os.execute(("node build/bridge/main.js --host 127.0.0.1 --port %d --token t0k --quiet > /dev/null 2>&1 & echo $! > %s")
    :format(port, pidFile))
  local f = assert(io.open(pidFile))
  local pid = assert(tonumber(f:read("*l")))
  f:close()
  os.remove(pidFile)
  servers.waitFor("the bridge on port " .. port, function()
    local c = socket.tcp()
    c:settimeout(0.2)
    local ok = c:connect("127.0.0.1", port)
    c:close()
    return ok
  end, 10, 0.05)
  return function() os.execute("kill " .. pid .. " 2>/dev/null") end
end

describe("ai --serve reconnects", function()
  it("after the bridge restarts, with backoff, until Ctrl+T", function()
    local port = freePort()
    local stop = startBridge(port)
    local pc = servers.newComputer({
      id = 4201,
      settings = { ["opencc.bridge_url"] = "ws://127.0.0.1:" .. port .. "/cc", ["opencc.bridge_token"] = "t0k" },
    })
    -- one finally: busted keeps only the last one given (a second left the bridge running)
    finally(function()
      stop()
      pc:destroy()
    end)
    pc:when(function() return count(pc:transcript(), "Serving the bridge") == 1 end, function() stop() end)
    pc:when(function() return has(pc:transcript(), "trying again in 2 s") end, function() stop = startBridge(port) end)
    pc:when(function() return count(pc:transcript(), "Serving the bridge") == 2 end, function()
      pc:queueEvent("terminate")
    end)
    local r = pc:run("ai.lua", "--serve")
    assert.is_true(r.ok, r.error)
    -- long lines are wrapped at the screen's width: join them again
    local t = pc:transcript():gsub("\n", " ")
    assert.truthy(has(t, "the connection to the bridge was lost: trying again in 1 s"), t)
    assert.truthy(has(t, "Could not reach the opencc bridge at 127.0.0.1:" .. port), t)
    assert.truthy(has(t, "trying again in 2 s"), t)
    assert.are.equal(2, count(t, "Serving the bridge at ws://127.0.0.1:" .. port .. "/cc as computer 4201"))
    assert.truthy(has(t, "Stopped serving."), t)
  end)
end)
