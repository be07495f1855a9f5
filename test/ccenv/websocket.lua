-- CC: Tweaked's websockets over real (loopback) sockets, as its HTTPAPI/Websocket/WebsocketHandle:
--   http.websocketAsync(url[, headers]) queues ("websocket_success", url, handle) or
--   ("websocket_failure", url, reason); http.websocket(url[, headers]) (or {url, headers, timeout})
--   waits for one of them and returns the handle, or false and the reason.
--   A message queues ("websocket_message", url, text, isBinary); the server closing the socket
--   queues ("websocket_closed", url, reason|nil, code|nil) (nil, nil when it closed abnormally).
--   handle.send(msg[, binary]), handle.receive([timeout]) -> msg, isBinary | nil (closed or timed
--   out; it pulls events itself, so Ctrl+T raises "Terminated"), handle.close() (no event; with
--   the computer's lateWebsocketClose, CraftOS-PC's late one: see Conn:linger).
--   A closed handle raises "attempt to use a closed file".
-- Frames: RFC 6455, client frames masked, ping answered with pong, fragments joined.
-- wss:// fails with "ccenv: wss is not supported".
local socket = require("socket")
local mime = require("mime")
local httpmod = require("ccenv.http")
local E = require("ccenv.expect")
local connections = require("ccenv.connections")

local M = {}
local DEFAULT_TIMEOUT = 30

-- XOR of two bytes without bitwise operators (Lua 5.1 has none).
local function xor8(a, b)
  local r, p = 0, 1
  for _ = 1, 8 do
    local ra, rb = a % 2, b % 2
    if ra ~= rb then r = r + p end
    a, b, p = (a - ra) / 2, (b - rb) / 2, p * 2
  end
  return r
end

local function mask(payload, key)
  local out = {}
  for i = 1, #payload do
    out[i] = string.char(xor8(payload:byte(i), key:byte((i - 1) % 4 + 1)))
  end
  return table.concat(out)
end

local function randomBytes(n)
  local t = {}
  for i = 1, n do t[i] = string.char(math.random(0, 255)) end
  return table.concat(t)
end

--- One client frame (masked, FIN set).
local function frame(opcode, payload)
  local len = #payload
  local head
  if len < 126 then
    head = string.char(128 + opcode, 128 + len)
  elseif len < 65536 then
    head = string.char(128 + opcode, 128 + 126, math.floor(len / 256), len % 256)
  else
    local bytes = {}
    local n = len
    for i = 8, 1, -1 do
      bytes[i] = string.char(n % 256)
      n = math.floor(n / 256)
    end
    head = string.char(128 + opcode, 128 + 127) .. table.concat(bytes)
  end
  local key = randomBytes(4)
  return head .. key .. mask(payload, key)
end

---------------------------------------------------------------------------------------------
local Conn = {}
Conn.__index = Conn

function M.newManager(pc)
  local mgr = { pc = pc, conns = {} }

  function mgr:busy() return #self.conns > 0 end

  function mgr:remove(conn)
    for i, c in ipairs(self.conns) do
      if c == conn then table.remove(self.conns, i) return end
    end
  end

  function mgr:sockets()
    local recvt, sendt = {}, {}
    for _, c in ipairs(self.conns) do
      if c.sock then
        if c.state == "connecting" or #c.outbuf > 0 then sendt[#sendt + 1] = c.sock end
        if c.state ~= "connecting" then recvt[#recvt + 1] = c.sock end
      end
    end
    return recvt, sendt
  end

  function mgr:nextDeadline() return connections.earliestDeadline(self.conns) end

  function mgr:pump() connections.stepAll(self.conns) end

  function mgr:closeAll()
    for _, c in ipairs(self.conns) do
      if c.sock then c.sock:close() c.sock = nil end
      c.state = "closed"
    end
    self.conns = {}
  end

  return mgr
end

function Conn:fail(reason)
  if self.sock then self.sock:close() self.sock = nil end
  self.state = "closed"
  self.deadline = nil
  self.mgr:remove(self)
  self.mgr.pc:queueEvent("websocket_failure", self.url, reason)
end

-- The server went away (close frame, or the socket ended): the handle is closed for good.
function Conn:lost(reason, code)
  if self.sock then self.sock:close() self.sock = nil end
  self.state = "closed"
  self.handleClosed = true
  self.mgr:remove(self)
  self.mgr.pc:queueEvent("websocket_closed", self.url, reason, code)
end

function Conn:start()
  local url = self.url
  local scheme = url:match("^(%a[%w+.-]*):")
  if scheme == "wss" then return self:fail("ccenv: wss is not supported") end
  local u, err = httpmod.parseUrl((url:gsub("^ws:", "http:")))
  if scheme ~= "ws" then return self:fail(u and ("Invalid scheme '" .. tostring(scheme) .. "'") or err) end
  if not u then return self:fail(err) end
  local ip = u.host
  if not ip:match("^%d+%.%d+%.%d+%.%d+$") and not ip:find(":") then
    ip = socket.dns.toip(u.host)
    if not ip then return self:fail("Unknown host") end
  end
  if self.mgr.pc.denyPrivate and (httpmod.isPrivate(ip) or u.host:lower() == "localhost") then
    return self:fail("Domain not permitted")
  end
  self.u, self.ip = u, ip
  local lines = {
    "GET " .. u.path .. " HTTP/1.1",
    "Host: " .. (u.explicitPort and (u.host .. ":" .. u.port) or u.host),
    "Upgrade: websocket",
    "Connection: Upgrade",
    "Sec-WebSocket-Key: " .. mime.b64(randomBytes(16)),
    "Sec-WebSocket-Version: 13",
  }
  for k, v in pairs(self.headers) do
    if type(k) == "string" and type(v) == "string" then lines[#lines + 1] = k .. ": " .. v end
  end
  self.outbuf = table.concat(lines, "\r\n") .. "\r\n\r\n"
  self.inbuf = ""
  local sock = ip:find(":") and socket.tcp6() or socket.tcp()
  sock:settimeout(0)
  self.sock = sock
  self.deadline = socket.gettime() + self.timeout
  local ok, cerr = sock:connect(ip, u.port)
  if ok then
    self.state = "handshake"
  elseif cerr == "timeout" or cerr == "Operation already in progress" then
    self.state = "connecting"
  else
    return self:fail("Could not connect")
  end
  self:step()
end

function Conn:flush()
  if not self.sock or #self.outbuf == 0 then return true end
  local last, err, partial = self.sock:send(self.outbuf)
  local upto = last or partial or 0
  self.outbuf = self.outbuf:sub(upto + 1)
  if err and err ~= "timeout" then return false end
  return true
end

-- CraftOS-PC 2.8's close (src/apis/http.cpp): the handle is dropped, but the socket's reader
-- thread notices only at its 1 s receive timeout. Until then frames still arrive as
-- websocket_message events; then the socket ends without a close frame and
-- ("websocket_closed", url, "Timed out", 1006) is queued. (CC: Tweaked queues nothing.)
function Conn:linger()
  self.lingerUntil = socket.gettime() + 1
  self.deadline = self.lingerUntil
end

function Conn:step()
  if self.state == "closed" or not self.sock then return end
  if self.lingerUntil and socket.gettime() >= self.lingerUntil then
    self.sock:close()
    self.sock, self.state = nil, "closed"
    self.mgr:remove(self)
    return self.mgr.pc:queueEvent("websocket_closed", self.url, "Timed out", 1006)
  end
  if self.deadline and socket.gettime() >= self.deadline then return self:fail("Timed out") end
  if self.state == "connecting" then
    local _, w = socket.select(nil, { self.sock }, 0)
    if not w or #w == 0 then return end
    local ok, err = self.sock:connect(self.ip, self.u.port)
    if not ok and err ~= "already connected" then return self:fail("Could not connect") end
    self.state = "handshake"
  end
  if not self:flush() then
    if self.state == "open" then return self:lost(nil, nil) end
    return self:fail("Could not connect")
  end
  local eof = false
  while true do
    local data, err, partial = self.sock:receive(65536)
    local chunk = data or partial
    if chunk and #chunk > 0 then self.inbuf = self.inbuf .. chunk end
    if err == "closed" then eof = true break end
    if err then break end
  end
  if self.state == "handshake" then
    local headEnd = self.inbuf:find("\r\n\r\n", 1, true)
    if not headEnd then
      if eof then return self:fail("Could not connect") end
      return
    end
    local head = self.inbuf:sub(1, headEnd - 1)
    self.inbuf = self.inbuf:sub(headEnd + 4)
    local code, reason = head:match("^HTTP/%d%.%d (%d%d%d) ?([^\r\n]*)")
    if code ~= "101" then
      return self:fail("Invalid handshake response getStatus: " .. tostring(code) .. " " .. tostring(reason))
    end
    self.state = "open"
    self.deadline = nil
    self.mgr.pc:queueEvent("websocket_success", self.url, self.handle)
  end
  if self.state == "open" then
    self:readFrames()
    if self.state == "open" and eof then return self:lost(nil, nil) end
  end
end

function Conn:readFrames()
  while self.state == "open" do
    local buf = self.inbuf
    if #buf < 2 then return end
    local b1, b2 = buf:byte(1, 2)
    local fin, opcode = b1 >= 128, b1 % 16
    local masked = b2 >= 128
    local len, pos = b2 % 128, 3
    if len == 126 then
      if #buf < 4 then return end
      len, pos = buf:byte(3) * 256 + buf:byte(4), 5
    elseif len == 127 then
      if #buf < 10 then return end
      len = 0
      for i = 3, 10 do len = len * 256 + buf:byte(i) end
      pos = 11
    end
    local key
    if masked then
      key = buf:sub(pos, pos + 3)
      pos = pos + 4
    end
    if #buf < pos + len - 1 then return end
    local payload = buf:sub(pos, pos + len - 1)
    if key then payload = mask(payload, key) end
    self.inbuf = buf:sub(pos + len)
    if opcode == 8 then
      local code, why
      if #payload >= 2 then
        code = payload:byte(1) * 256 + payload:byte(2)
        why = payload:sub(3)
        if why == "" then why = nil end
      end
      self.outbuf = self.outbuf .. frame(8, payload:sub(1, 2))
      self:flush()
      return self:lost(why, code)
    elseif opcode == 9 then
      self.outbuf = self.outbuf .. frame(10, payload)
      self:flush()
    elseif opcode == 10 then -- luacheck: ignore (pong: nothing to do)
    elseif opcode == 0 then
      self.fragments[#self.fragments + 1] = payload
      if fin then
        local whole = table.concat(self.fragments)
        self.fragments = {}
        self.mgr.pc:queueEvent("websocket_message", self.url, whole, self.fragmentBinary)
      end
    else
      if fin then
        self.mgr.pc:queueEvent("websocket_message", self.url, payload, opcode == 2)
      else
        self.fragments = { payload }
        self.fragmentBinary = opcode == 2
      end
    end
  end
end

local function makeHandle(conn, env)
  local h = {}
  local function checkOpen()
    if conn.handleClosed then error("attempt to use a closed file", 3) end
  end
  function h.send(message, binary)
    checkOpen()
    E.expect("send", 2, binary, "boolean", "nil")
    message = tostring(message)
    if conn.state ~= "open" then return end
    conn.outbuf = conn.outbuf .. frame(binary and 2 or 1, message)
    conn:flush()
  end
  function h.receive(timeout)
    checkOpen()
    E.expect("receive", 1, timeout, "number", "nil")
    local timer = timeout and env.os.startTimer(timeout) or nil
    while true do
      local ev, a, b, c = env.os.pullEvent()
      if ev == "websocket_message" and a == conn.url then
        if timer then env.os.cancelTimer(timer) end
        return b, c
      elseif ev == "websocket_closed" and a == conn.url and conn.handleClosed then
        return nil
      elseif ev == "timer" and timer and a == timer then
        return nil
      end
    end
  end
  function h.close()
    if conn.handleClosed then return end
    conn.handleClosed = true
    if conn.mgr.pc.lateWebsocketClose and conn.state == "open" then return conn:linger() end
    if conn.sock and conn.state == "open" then
      conn.outbuf = conn.outbuf .. frame(8, string.char(3, 232))
      conn:flush()
    end
    if conn.sock then conn.sock:close() conn.sock = nil end
    conn.state = "closed"
    conn.mgr:remove(conn)
  end
  return h
end

--- Opens a connection (its events follow); returns nothing.
function M.open(mgr, url, headers, timeout)
  local conn = setmetatable({
    mgr = mgr, url = url, headers = headers or {}, timeout = timeout or DEFAULT_TIMEOUT,
    state = "new", outbuf = "", inbuf = "", fragments = {},
  }, Conn)
  conn.handle = makeHandle(conn, mgr.pc.env)
  mgr.conns[#mgr.conns + 1] = conn
  conn:start()
end

--- http.websocket and http.websocketAsync for a computer's http table.
function M.install(http, pc)
  local env = pc.env
  local function args(name, url, headers)
    local timeout
    if type(url) == "table" then
      E.field(url, "url", "string")
      E.field(url, "headers", "table", "nil")
      E.field(url, "timeout", "number", "nil")
      url, headers, timeout = url.url, url.headers, url.timeout
    else
      E.expect(name, 1, url, "string")
      E.expect(name, 2, headers, "table", "nil")
    end
    return url, headers, timeout
  end
  function http.websocketAsync(url, headers)
    local target, h, timeout = args("websocketAsync", url, headers)
    M.open(pc.wsManager, target, h, timeout)
    return true
  end
  function http.websocket(url, headers)
    local target, h, timeout = args("websocket", url, headers)
    M.open(pc.wsManager, target, h, timeout)
    while true do
      local ev, u, arg = env.os.pullEvent()
      if ev == "websocket_success" and u == target then return arg end
      if ev == "websocket_failure" and u == target then return false, arg end
    end
  end
end

return M
