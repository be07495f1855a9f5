-- A helper process for a spec (a bridge of its own, a proxy): started in the background under
-- coreutils' `timeout` (so it never outlives a run cut short), its first line of output read
-- as JSON, stopped by its own PID.
--
--   local p = process.start({ "node", "build/bridge/main.js", ... }, { VAR = "value" })
--   p.ready (the decoded first line), p.log() (what it wrote to stderr), p.stop()
local socket = require("socket")
local servers = require("support.servers")

local M = {}

--- Whether a shell command exits 0 (os.execute says so as 0 in Lua 5.1, true in 5.2).
function M.succeeds(command)
  local r = os.execute(command)
  return r == 0 or r == true
end

--- Stops the process with this PID and waits for it to be gone: SIGTERM, then SIGKILL after
--- 3 s, so nothing a spec started outlives it (and its port is free for the next one).
function M.stopPid(pid)
  if not pid then return end
  os.execute("kill " .. pid .. " 2>/dev/null")
  local giveUp = socket.gettime() + 3
  while socket.gettime() < giveUp do
    if not M.succeeds("kill -0 " .. pid .. " 2>/dev/null") then return end
    socket.sleep(0.02)
  end
  os.execute("kill -9 " .. pid .. " 2>/dev/null")
end

local function quote(s) return "'" .. tostring(s):gsub("'", "'\\''") .. "'" end

local function readHost(path)
  local f = io.open(path, "rb")
  if not f then return nil end
  local s = f:read("*a")
  f:close()
  return s
end

--- Starts argv (a list of words) with extra environment variables; waits up to 15 s for its
--- first line of output.
function M.start(argv, env)
  local out, err = os.tmpname(), os.tmpname()
  local words = {}
  for k, v in pairs(env or {}) do words[#words + 1] = k .. "=" .. quote(v) end
  words[#words + 1] = "timeout 900"
  for _, w in ipairs(argv) do words[#words + 1] = quote(w) end
  os.execute(table.concat(words, " ") .. " > " .. out .. " 2> " .. err .. " & echo $! > " .. out .. ".pid")
  local pid = tonumber(readHost(out .. ".pid"):match("%d+"))
  local p = { pid = pid }
  function p.log() return readHost(err) or "" end
  function p.stop()
    M.stopPid(pid)
    os.remove(out)
    os.remove(out .. ".pid")
    os.remove(err)
  end
  local giveUp = socket.gettime() + 15
  while socket.gettime() < giveUp do
    local line = (readHost(out) or ""):match("^([^\n]*)\n")
    if line then
      p.ready = servers.decode(line)
      return p
    end
    socket.sleep(0.02)
  end
  local log = p.log()
  p.stop()
  error("did not start: " .. table.concat(argv, " ") .. "\n" .. log, 2)
end

return M
