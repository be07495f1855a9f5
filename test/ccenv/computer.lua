-- A CC computer: owns the screen, the fs root, the event queue, timers, HTTP and the scheduler
-- that runs programs as coroutines (see init.lua for the public API).
--
-- Scheduling mirrors CC: Tweaked: the program's coroutine yields an event filter; events are
-- delivered in queue order; with a filter set, only matching events and "terminate" resume it,
-- others are dropped. With an empty queue the scheduler sleeps in socket.select until the next
-- timer or HTTP socket activity.
local socket = require("socket")
local lfs = require("lfs")
local fsmod = require("ccenv.fs")
local termmod = require("ccenv.term")
local httpmod = require("ccenv.http")

local pack = table.pack or function(...) return { n = select("#", ...), ... } end
local unpack = table.unpack or unpack

local IDLE = "computer idle: waiting for an event that can never come"

local Computer = {}
Computer.__index = Computer

local function now() return socket.gettime() end

function Computer.new(opts, shared)
  opts = opts or {}
  local self = setmetatable({}, Computer)
  self.TERMINATE = shared.TERMINATE
  self.width, self.height = opts.width or 51, opts.height or 19
  self.isColour = opts.colour ~= false
  self.id, self.label = opts.id or 0, opts.label
  self.clockSkewMs = opts.clockSkewMs or 0
  self.timeout = opts.timeout or 120
  self.httpEnabled = opts.http ~= false
  self.denyPrivate = opts.denyPrivate == true
  -- websocket close as CraftOS-PC does it (see websocket.lua, Conn:linger); CC: Tweaked's otherwise
  self.lateWebsocketClose = opts.lateWebsocketClose == true
  -- CC's per-rule max_download (computercraft-server.toml), 16 MiB by default
  self.maxDownload = opts.maxDownload or 16 * 1024 * 1024
  -- CC: Tweaked's http.max_requests (default 16): requests beyond it wait in a queue, first in
  -- first out, and start as running ones finish (ResourceQueue in core/apis/http).
  self.maxRequests = opts.maxRequests or 16
  -- host name -> IP, like an /etc/hosts entry on the Minecraft server's machine (tests give a
  -- public-looking name to a loopback server)
  self.hosts = opts.hosts or {}
  self.romDir = shared.romDir
  if opts.root then
    self.root = opts.root
    if not lfs.attributes(self.root) then lfs.mkdir(self.root) end
  else
    local tmp = os.tmpname()
    os.remove(tmp)
    assert(lfs.mkdir(tmp))
    self.root, self.ownsRoot = tmp, true
  end
  self.input, self.inputPos = {}, 1
  for i, v in ipairs(opts.input or {}) do self.input[i] = v end

  self.queue = {}
  self.timers = {}
  self.timerCount = 0
  self.hooks = {}
  self.bootTime = now()
  self.screen = termmod.newScreen(self.width, self.height, self.isColour)
  self.world = opts.turtle -- a turtle's simulated world (see turtle.lua), or nil
  self.httpManager = httpmod.newManager(self)
  self.wsManager = require("ccenv.websocket").newManager(self)
  require("ccenv.env").build(self)
  -- an advanced computer: its shell runs in a multishell tab, a window (see multishell.lua)
  if opts.multishell then
    assert(self.isColour, "multishell runs only on a colour terminal (CC's bios.lua)")
    require("ccenv.multishell").install(self)
  end
  return self
end

-- events / timers ---------------------------------------------------------------------------
function Computer:queueEvent(name, ...)
  self.queue[#self.queue + 1] = pack(name, ...)
end

-- CC: Tweaked counts timers in world ticks (50 ms): os.startTimer(t) asks for round(t / 0.05)
-- ticks (OSAPI.startTimer), and each tick counts every timer down and fires those at or below
-- zero (Environment.tick), so a timer fires on a tick boundary, the next one at the soonest.
local TICK = 0.05

function Computer:_addTimer(seconds, event)
  self.timerCount = self.timerCount + 1
  local id = self.timerCount
  local ticks = math.max(math.floor(math.max(seconds, 0) / TICK + 0.5), 1)
  local t = now()
  local tickNow = math.floor((t - self.bootTime) / TICK)
  local due = self.bootTime + (tickNow + ticks) * TICK
  self.timers[#self.timers + 1] = { id = id, due = due, event = event }
  return id
end

function Computer:_cancelTimer(id, event)
  for i, t in ipairs(self.timers) do
    if t.id == id and t.event == event then table.remove(self.timers, i) return end
  end
end

function Computer:_ingameHours()
  -- an in-game day lasts 20 real minutes; the world starts at 6:00
  return (6 + (now() - self.bootTime) * 24 / 1200) % 24
end
function Computer:_ingameDay()
  return 1 + math.floor((6 + (now() - self.bootTime) * 24 / 1200) / 24)
end

function Computer:setClockSkew(ms) self.clockSkewMs = ms end

function Computer:_nextInput()
  local v = self.input[self.inputPos]
  if v ~= nil then self.inputPos = self.inputPos + 1 end
  return v
end

-- hooks ------------------------------------------------------------------------------------
function Computer:at(seconds, fn)
  local h = { seconds = seconds, fn = fn }
  if self.runStart then h.due = self.runStart + seconds end
  self.hooks[#self.hooks + 1] = h
end

function Computer:when(predicate, fn)
  self.hooks[#self.hooks + 1] = { pred = predicate, fn = fn }
end

function Computer:_runHooks()
  local list = {}
  for i, h in ipairs(self.hooks) do list[i] = h end
  local t = now()
  for _, h in ipairs(list) do
    local fire
    if h.pred then
      local ok, r = pcall(h.pred)
      if not ok then self.hookError = r return false end
      fire = r
    else
      fire = h.due and t >= h.due
    end
    if fire then
      for i, x in ipairs(self.hooks) do if x == h then table.remove(self.hooks, i) break end end
      local ok, err = pcall(h.fn)
      if not ok then self.hookError = err return false end
    end
  end
  return true
end

-- "Too long without yielding" safety net, checked every 100k VM instructions
function Computer:_installHook(co)
  local pc = self
  debug.sethook(co, function()
    if pc.deadline and now() > pc.deadline then
      error("Too long without yielding", 0)
    end
  end, "", 100000)
end

-- scheduler --------------------------------------------------------------------------------
function Computer:_pump()
  local t = now()
  local due = {}
  for i = #self.timers, 1, -1 do
    local tm = self.timers[i]
    if tm.due <= t then
      due[#due + 1] = tm
      table.remove(self.timers, i)
    end
  end
  table.sort(due, function(a, b) if a.due ~= b.due then return a.due < b.due end return a.id < b.id end)
  for _, tm in ipairs(due) do self:queueEvent(tm.event, tm.id) end
  self.httpManager:pump()
  self.wsManager:pump()
end

function Computer:_canWake()
  return #self.queue > 0 or #self.timers > 0 or #self.hooks > 0 or self.httpManager:busy() or self.wsManager:busy()
end

function Computer:_wait()
  local t = now()
  local target = self.deadline
  for _, tm in ipairs(self.timers) do if tm.due < target then target = tm.due end end
  local pollHooks = false
  for _, h in ipairs(self.hooks) do
    if h.pred then pollHooks = true
    elseif h.due and h.due < target then target = h.due end
  end
  local hd = self.httpManager:nextDeadline()
  if hd and hd < target then target = hd end
  local wd = self.wsManager:nextDeadline()
  if wd and wd < target then target = wd end
  local wait = math.max(0, target - t)
  if pollHooks then wait = math.min(wait, 0.01) end
  wait = math.min(wait, 1)
  local recvt, sendt = self.httpManager:sockets()
  local wsRecv, wsSend = self.wsManager:sockets()
  for _, s in ipairs(wsRecv) do recvt[#recvt + 1] = s end
  for _, s in ipairs(wsSend) do sendt[#sendt + 1] = s end
  if #recvt + #sendt > 0 then
    socket.select(recvt, sendt, wait)
  elseif wait > 0 then
    socket.sleep(wait)
  end
end

-- Runs coroutine `co` to completion. Returns "done", results | "error", msg | "shutdown"
function Computer:_drive(co)
  local start = now()
  self.runStart = start
  self.deadline = start + self.timeout
  for _, h in ipairs(self.hooks) do
    if h.seconds then h.due = start + h.seconds end
  end
  local args = pack()
  while true do
    local r = pack(coroutine.resume(co, unpack(args, 1, args.n)))
    if not r[1] then return "error", r[2] end
    if coroutine.status(co) == "dead" then return "done", r end
    if self.shutdownReq then return "shutdown" end
    local filter = type(r[2]) == "string" and r[2] or nil
    args = nil
    while not args do
      if now() > self.deadline then
        return "error", ("ccenv: run aborted after the %s s timeout"):format(tostring(self.timeout))
      end
      if not self:_runHooks() then return "hookerror" end
      self:_pump()
      local ev = table.remove(self.queue, 1)
      if ev then
        if filter == nil or ev[1] == filter or ev[1] == "terminate" then args = ev end
      elseif not self:_canWake() then
        return "error", IDLE
      else
        self:_wait()
      end
    end
  end
end

function Computer:_boot()
  if self.booted then return end
  self.booted = true
  if self.env.fs.exists(".settings") then self.env.settings.load(".settings") end
end

function Computer:_endRun()
  self.queue = {}
  self.timers = {}
  self.hooks = {}
  self.httpManager:closeAll()
  self.wsManager:closeAll()
  self.runStart, self.deadline = nil, nil
  if self._resetShellStack then self._resetShellStack() end
  local herr = self.hookError
  self.hookError = nil
  if herr ~= nil then error(herr, 0) end
end

function Computer:run(program, ...)
  self:_boot()
  local args = pack(...)
  local shell = self.env.shell
  self.lastError, self.shutdownReq = nil, nil
  local co = coroutine.create(function() return shell.execute(program, unpack(args, 1, args.n)) end)
  self:_installHook(co)
  local status, val = self:_drive(co)
  local result
  if status == "done" then
    result = { ok = val[2] == true }
    if not result.ok then result.error = self.lastError and tostring(self.lastError) or "program failed" end
  elseif status == "shutdown" then
    result = { ok = true, shutdown = self.shutdownReq.code, reboot = self.shutdownReq.reboot or nil }
  elseif status == "hookerror" then
    result = { ok = false, error = "hook failed: " .. tostring(self.hookError) }
  else
    result = { ok = false, error = tostring(val) }
  end
  self.shutdownReq = nil
  self:_endRun()
  return result
end

function Computer:call(fn, ...)
  self:_boot()
  local args = pack(...)
  self.shutdownReq = nil
  local co = coroutine.create(function() return fn(unpack(args, 1, args.n)) end)
  self:_installHook(co)
  local status, val = self:_drive(co)
  local code = self.shutdownReq and self.shutdownReq.code
  self.shutdownReq = nil
  self:_endRun()
  if status == "done" then return true, unpack(val, 2, val.n) end
  if status == "shutdown" then return false, "computer shut down (code " .. tostring(code) .. ")" end
  return false, val
end

-- peripherals (see peripheral.lua) ----------------------------------------------------------
function Computer:attachPeripheral(name, types, methods)
  require("ccenv.peripheral").attach(self, name, types, methods)
end

function Computer:detachPeripheral(name)
  require("ccenv.peripheral").detach(self, name)
end

-- files ------------------------------------------------------------------------------------
function Computer:writeFile(path, content)
  local h, err = self.env.fs.open(path, "wb")
  if not h then error(err, 2) end
  h.write(content)
  h.close()
end

function Computer:readFile(path)
  local h = self.env.fs.open(path, "rb")
  if not h then return nil end
  local data = h.readAll() or ""
  h.close()
  return data
end

function Computer:exists(path) return self.env.fs.exists(path) end

function Computer:copyIn(hostPath, path)
  local f = assert(io.open(hostPath, "rb"))
  local data = f:read("*a")
  f:close()
  self:writeFile(path, data)
end

-- screen -----------------------------------------------------------------------------------
function Computer:screenLines() return self.screen:lines() end

function Computer:screenText()
  local lines = self.screen:lines()
  while #lines > 0 and lines[#lines] == "" do lines[#lines] = nil end
  return table.concat(lines, "\n")
end

function Computer:cell(x, y)
  local s = self.screen
  if y < 1 or y > s.h or x < 1 or x > s.w then return nil end
  return s.text[y][x], s.fgs[y][x], s.bgs[y][x]
end

function Computer:lineColours(y)
  local s = self.screen
  return table.concat(s.fgs[y]), table.concat(s.bgs[y])
end

function Computer:transcript() return self.screen:transcript() end
function Computer:cursor() return self.screen.cx, self.screen.cy end

function Computer:destroy()
  self.httpManager:closeAll()
  self.wsManager:closeAll()
  if self.ownsRoot and self.root then
    fsmod.removeTree(self.root)
    self.root = nil
  end
end

return Computer
