-- The http API over real (loopback) sockets, asynchronous like CC: Tweaked's HTTPAPI/HttpRequest:
--   http.request queues ("http_success", url, handle) for 200-399, or
--   ("http_failure", url, reason[, handle]) — for 4xx/5xx the reason is the status line's reason
--   phrase and the handle is readable. Failure reasons use CC's words: "Could not connect",
--   "Timed out", "Unknown host", "Domain not permitted", "URL malformed",
--   "Must specify http or https", "Invalid protocol 'x'".
-- Requests are sent with Host, Connection: close, User-Agent (computercraft/1.109.0),
-- Accept-Charset: UTF-8, and with a body: Content-Type "application/x-www-form-urlencoded;
-- charset=utf-8" (unless given) and Content-Length. Timeout: default 30 s, at most 60 s
-- ("timeout out of range"). Redirects (301/302/303/307, 16 max) are followed unless redirect=false,
-- re-sending the request's headers (Authorization included) to wherever Location points, as
-- HttpRequestHandler does (request.headers() is set again on the new request).
-- A body larger than the computer's maxDownload (CC's max_download, 16 MiB) fails with
-- "Response is too large". A connection closed or reset before the response head fails with
-- "Could not connect"; closed or reset in the middle of the body, the response arrives as a
-- success with the part of the body that came (as CraftOS-PC delivers it).
-- At most 16 requests run at once; further ones wait in a queue, like CC's ResourceQueue.
-- https:// fails with "ccenv: https is not supported". Websockets: see websocket.lua.
local socket = require("socket")
local fsmod = require("ccenv.fs")
local E = require("ccenv.expect")
local connections = require("ccenv.connections")

local M = {}

local DEFAULT_TIMEOUT, MAX_TIMEOUT, MAX_REDIRECTS = 30, 60, 16
M.USER_AGENT = "computercraft/1.109.0"

-- URL checks in the order Java's URI + HttpRequest.checkUri make them
function M.parseUrl(url)
  if url:find("[%s<>\"{}|\\^`]") or url:find("[%z\1-\31]") then return nil, "URL malformed" end
  local scheme, rest = url:match("^([%a][%w+%.%-]*):(.*)$")
  if not scheme then return nil, "Must specify http or https" end
  local authority, tail = rest:match("^//([^/?#]*)(.*)$")
  if not authority then return nil, "URL malformed" end
  authority = authority:gsub("^.*@", "")
  local host, port
  if authority:sub(1, 1) == "[" then
    host, port = authority:match("^%[([^%]]+)%]:?(%d*)$")
  else
    host, port = authority:match("^([^:]*):?(%d*)$")
  end
  if not host or host == "" then return nil, "URL malformed" end
  scheme = scheme:lower()
  if scheme ~= "http" and scheme ~= "https" then return nil, "Invalid protocol '" .. scheme .. "'" end
  local path = tail:gsub("#.*$", "")
  if path == "" or path:sub(1, 1) == "?" then path = "/" .. path end
  return {
    scheme = scheme, host = host, port = tonumber(port) or (scheme == "https" and 443 or 80),
    explicitPort = port ~= "", path = path,
  }
end

-- CC's $private rule (AddressPredicate.PrivatePattern)
function M.isPrivate(ip)
  local a, b, c, d = ip:match("^(%d+)%.(%d+)%.(%d+)%.(%d+)$")
  if a then
    a, b, c, d = tonumber(a), tonumber(b), tonumber(c), tonumber(d)
    return a == 127 or a == 10 or (a == 172 and b >= 16 and b <= 31) or (a == 192 and b == 168)
      or (a == 169 and b == 254) or (a == 0 and b == 0 and c == 0 and d == 0)
      or (a >= 224 and a <= 239) or (a == 100 and b >= 64 and b <= 127)
      or (a == 192 and b == 0 and c == 0 and d == 192)
  end
  local v6 = ip:lower()
  if v6 == "::1" or v6 == "::" or v6 == "0:0:0:0:0:0:0:1" then return true end
  local first = tonumber(v6:match("^(%x+):") or "", 16)
  if first then
    return (first >= 0xfe80 and first <= 0xfeff) or math.floor(first / 256) == 0xfd or math.floor(first / 256) == 0xff
  end
  return false
end

-- Resolve and apply the address rules: returns ip or nil, reason
local function resolve(mgr, u)
  local ip
  if mgr.pc.hosts and mgr.pc.hosts[u.host:lower()] then
    ip = mgr.pc.hosts[u.host:lower()]
  elseif u.host:find(":") then
    ip = u.host -- IPv6 literal
  elseif u.host:match("^%d+%.%d+%.%d+%.%d+$") then
    ip = u.host
  else
    ip = socket.dns.toip(u.host)
    if not ip then return nil, "Unknown host" end
  end
  if mgr.pc.denyPrivate and (M.isPrivate(ip) or u.host:lower() == "localhost") then
    return nil, "Domain not permitted"
  end
  return ip
end

local function makeResponseHandle(body, binary, code, reason, headers)
  local h = fsmod.readHandle(body, binary)
  local closedClose = h.close
  function h.getResponseCode() return code, reason end
  function h.getResponseHeaders()
    local copy = {}
    for k, v in pairs(headers) do copy[k] = v end
    return copy
  end
  h.close = closedClose
  return h
end

---------------------------------------------------------------------------------------------
local Request = {}
Request.__index = Request

function M.newManager(pc)
  -- What the computer fetched (for npm run bench): requests made, response body bytes, and
  -- the largest body, and each request's method and URL with the ms since the stats were reset.
  -- Host-side only: no CC program can see these.
  local function newStats() return { requests = 0, bytes = 0, largest = 0, log = {}, since = socket.gettime() } end
  local mgr = { pc = pc, active = {}, waiting = {}, stats = newStats() }

  function mgr:busy() return #self.active > 0 or #self.waiting > 0 end

  function mgr:resetStats() self.stats = newStats() end

  function mgr:submit(req)
    self.stats.requests = self.stats.requests + 1
    local log = self.stats.log
    log[#log + 1] = ("%5d ms %s %s"):format((socket.gettime() - self.stats.since) * 1000,
      req.method and req.method:upper() or (req.body and "POST" or "GET"), tostring(req.url))
    if #self.active < self.pc.maxRequests then
      self.active[#self.active + 1] = req
      req:start()
    else
      self.waiting[#self.waiting + 1] = req
    end
  end

  function mgr:remove(req)
    for i, r in ipairs(self.active) do
      if r == req then table.remove(self.active, i) break end
    end
    while #self.active < self.pc.maxRequests and #self.waiting > 0 do
      local nextReq = table.remove(self.waiting, 1)
      self.active[#self.active + 1] = nextReq
      nextReq:start()
    end
  end

  function mgr:sockets()
    local recvt, sendt = {}, {}
    for _, r in ipairs(self.active) do
      if r.sock then
        if r.state == "connecting" or r.state == "sending" then sendt[#sendt + 1] = r.sock
        elseif r.state == "receiving" then recvt[#recvt + 1] = r.sock end
      end
    end
    return recvt, sendt
  end

  function mgr:nextDeadline() return connections.earliestDeadline(self.active) end

  function mgr:pump() connections.stepAll(self.active) end

  function mgr:closeAll()
    for _, r in ipairs(self.active) do if r.sock then r.sock:close() end end
    self.active, self.waiting = {}, {}
  end

  return mgr
end

function M.newRequest(mgr, opts)
  return setmetatable({
    mgr = mgr, url = opts.url, current = opts.url, body = opts.body, headers = opts.headers or {},
    binary = opts.binary, method = opts.method, redirects = opts.redirect == false and 0 or MAX_REDIRECTS,
    timeout = opts.timeout, state = "new",
  }, Request)
end

function Request:finish(event, ...)
  if self.sock then self.sock:close() self.sock = nil end
  self.state = "done"
  self.deadline = nil
  self.mgr:remove(self)
  self.mgr.pc:queueEvent(event, self.url, ...)
end

function Request:fail(reason, handle)
  if handle then self:finish("http_failure", reason, handle) else self:finish("http_failure", reason) end
end

function Request:touch()
  if self.timeout > 0 then self.deadline = socket.gettime() + self.timeout end
end

function Request:start()
  local u, err = M.parseUrl(self.current)
  if not u then return self:fail(err) end
  if u.scheme == "https" then return self:fail("ccenv: https is not supported") end
  local ip
  ip, err = resolve(self.mgr, u)
  if not ip then return self:fail(err) end
  self.u, self.ip = u, ip

  local method = self.method and self.method:upper() or (self.body and "POST" or "GET")
  self.requestMethod = method
  local lines = { ("%s %s HTTP/1.1"):format(method, u.path) }
  local has = {}
  for k, v in pairs(self.headers) do
    if type(k) == "string" and type(v) == "string" then
      lines[#lines + 1] = k .. ": " .. v
      has[k:lower()] = true
    end
  end
  if not has["user-agent"] then lines[#lines + 1] = "User-Agent: " .. M.USER_AGENT end
  if self.body then
    if not has["content-type"] then lines[#lines + 1] = "Content-Type: application/x-www-form-urlencoded; charset=utf-8" end
    if not has["content-length"] then lines[#lines + 1] = "Content-Length: " .. #self.body end
  end
  if not has["accept-charset"] then lines[#lines + 1] = "Accept-Charset: UTF-8" end
  lines[#lines + 1] = "Host: " .. (u.explicitPort and (u.host .. ":" .. u.port) or u.host)
  lines[#lines + 1] = "Connection: close"
  self.outgoing = table.concat(lines, "\r\n") .. "\r\n\r\n" .. (self.body or "")
  self.sent = 0
  self.inbuf = {}
  self.received = 0

  local sock = ip:find(":") and socket.tcp6() or socket.tcp()
  sock:settimeout(0)
  self.sock = sock
  self:touch()
  local ok, cerr = sock:connect(ip, u.port)
  if ok then
    self.state = "sending"
  elseif cerr == "timeout" or cerr == "Operation already in progress" then
    self.state = "connecting"
  else
    return self:fail("Could not connect")
  end
  self:step()
end

function Request:step()
  if self.state == "done" or self.state == "new" then return end
  local now = socket.gettime()
  if self.deadline and now >= self.deadline then return self:fail("Timed out") end

  if self.state == "connecting" then
    local _, w = socket.select(nil, { self.sock }, 0)
    if not w or #w == 0 then return end
    -- a second connect reports how the non-blocking one ended (e.g. "connection refused")
    local ok, err = self.sock:connect(self.ip, self.u.port)
    if not ok and err ~= "already connected" then return self:fail("Could not connect") end
    self.state = "sending"
    self:touch()
  end

  if self.state == "sending" then
    local last, err, partial = self.sock:send(self.outgoing, self.sent + 1)
    local upto = last or partial or self.sent
    if upto > self.sent then self:touch() end
    self.sent = upto
    if err and err ~= "timeout" then return self:fail("Could not connect") end
    if self.sent >= #self.outgoing then self.state = "receiving" end
  end

  if self.state == "receiving" then
    while true do
      local data, err, partial = self.sock:receive(65536)
      local chunk = data or partial
      if chunk and #chunk > 0 then
        self.inbuf[#self.inbuf + 1] = chunk
        self.received = (self.received or 0) + #chunk
        self:touch()
      end
      -- headers count too, a little more than CC's body-only check
      if self.received and self.received > self.mgr.pc.maxDownload + 65536 then
        return self:fail("Response is too large")
      end
      if err == "closed" or (err and err ~= "timeout") then
        return self:complete(true) -- closed, or reset ("connection reset by peer")
      elseif err then
        break -- timeout: nothing more right now
      end
    end
    self:complete(false)
  end
end

-- Try to parse a full response out of the buffer; eof = the server closed the connection.
function Request:complete(eof)
  local raw = table.concat(self.inbuf)
  self.inbuf = { raw }
  local headEnd = raw:find("\r\n\r\n", 1, true)
  local sepLen = 4
  if not headEnd then
    headEnd = raw:find("\n\n", 1, true)
    sepLen = 2
  end
  if not headEnd then
    if eof then return self:fail("Could not connect") end
    return
  end
  local head = raw:sub(1, headEnd - 1)
  local rest = raw:sub(headEnd + sepLen)
  local statusLine = head:match("^[^\r\n]*")
  local code, reason = statusLine:match("^HTTP/%d%.%d (%d%d%d) ?(.*)$")
  if not code then return self:fail("Could not connect") end
  code = tonumber(code)
  local headers, lower = {}, {}
  for line in head:gmatch("[^\r\n]+") do
    local k, v = line:match("^([^:]+):%s*(.-)%s*$")
    if k and line ~= statusLine then
      headers[k] = headers[k] and (headers[k] .. "," .. v) or v
      lower[k:lower()] = headers[k]
    end
  end

  local body
  if self.requestMethod == "HEAD" or code == 204 or code == 304 or (code >= 100 and code < 200) then
    body = ""
  elseif lower["transfer-encoding"] and lower["transfer-encoding"]:lower():find("chunked") then
    local parts, pos = {}, 1
    while true do
      local lineEnd = rest:find("\r\n", pos, true)
      if not lineEnd then break end
      local size = tonumber(rest:sub(pos, lineEnd - 1):match("^%x+"), 16)
      if not size then return self:fail("Could not connect") end
      if size == 0 then body = table.concat(parts) break end
      if #rest < lineEnd + 2 + size + 1 then
        if eof then parts[#parts + 1] = rest:sub(lineEnd + 2) end
        break
      end
      parts[#parts + 1] = rest:sub(lineEnd + 2, lineEnd + 1 + size)
      pos = lineEnd + 2 + size + 2
    end
    if not body then
      if not eof then return end
      body = table.concat(parts) -- cut off: what came (CraftOS-PC)
    end
  elseif lower["content-length"] then
    local len = tonumber(lower["content-length"]) or 0
    if #rest < len and not eof then return end
    body = rest:sub(1, len) -- shorter when cut off (CraftOS-PC)
  else
    if not eof then return end
    body = rest
  end

  local stats = self.mgr.stats
  stats.bytes = stats.bytes + #body
  if #body > stats.largest then stats.largest = #body end
  if #body > self.mgr.pc.maxDownload then return self:fail("Response is too large") end

  -- redirects, as CC's HttpRequestHandler.getRedirect
  if self.redirects > 0 and code >= 300 and code <= 307 and code ~= 304 and code ~= 306 and lower["location"] then
    local loc = lower["location"]
    local target
    if loc:match("^%a[%w+.-]*:") then target = loc
    elseif loc:sub(1, 2) == "//" then target = self.u.scheme .. ":" .. loc
    elseif loc:sub(1, 1) == "/" then
      target = self.u.scheme .. "://" .. (self.u.explicitPort and (self.u.host .. ":" .. self.u.port) or self.u.host) .. loc
    else
      local dir = self.u.path:gsub("[?#].*$", ""):gsub("[^/]*$", "")
      target = self.u.scheme .. "://" .. (self.u.explicitPort and (self.u.host .. ":" .. self.u.port) or self.u.host) .. dir .. loc
    end
    if target ~= self.current then
      self.redirects = self.redirects - 1
      if self.sock then self.sock:close() self.sock = nil end
      self.current = target
      if code == 303 then self.method, self.body = "GET", nil end
      self.state = "new"
      return self:start()
    end
  end

  if lower["content-length"] then
    for k in pairs(headers) do
      if k:lower() == "content-length" then headers[k] = tostring(#body) end
    end
  end
  local handle = makeResponseHandle(body, self.binary, code, reason, headers)
  if code >= 200 and code < 400 then
    self:finish("http_success", handle)
  else
    self:fail(reason, handle)
  end
end

---------------------------------------------------------------------------------------------
local methods = { GET = true, POST = true, HEAD = true, OPTIONS = true, PUT = true, DELETE = true, PATCH = true, TRACE = true }

function M.makeApi(pc, mgr)
  local env = pc.env
  local http = {}

  local function checkOptions(o, bodyRule)
    E.field(o, "url", "string")
    if bodyRule == false then E.field(o, "body", "nil")
    elseif bodyRule == true then E.field(o, "body", "string")
    else E.field(o, "body", "string", "nil") end
    E.field(o, "headers", "table", "nil")
    E.field(o, "method", "string", "nil")
    E.field(o, "redirect", "boolean", "nil")
    E.field(o, "timeout", "number", "nil")
    if o.method and not methods[o.method] then error("Unsupported HTTP method", 3) end
  end

  -- native request: returns true, or false + reason (invalid URL)
  local function native(url, body, headers, binary)
    local o
    if type(url) == "table" then
      o = {
        url = url.url, body = url.body, headers = url.headers, binary = url.binary,
        method = url.method, redirect = url.redirect, timeout = url.timeout,
      }
    else
      o = { url = url, body = body, headers = headers, binary = binary }
    end
    local timeout = o.timeout or DEFAULT_TIMEOUT
    if timeout < 0 or timeout > MAX_TIMEOUT then
      error(("timeout out of range (%s)"):format(tostring(timeout)), 3)
    end
    o.timeout = timeout
    if o.method and (not methods[o.method:upper()]) then error("Unsupported HTTP method", 3) end
    local ok, err = M.parseUrl(o.url)
    if not ok then return false, err end
    mgr:submit(M.newRequest(mgr, o))
    return true
  end

  function http.request(url, body, headers, binary)
    local target
    if type(url) == "table" then
      checkOptions(url)
      target = url.url
    else
      E.expect("request", 1, url, "string")
      E.expect("request", 2, body, "string", "nil")
      E.expect("request", 3, headers, "table", "nil")
      E.expect("request", 4, binary, "boolean", "nil")
      target = url
    end
    local ok, err = native(url, body, headers, binary)
    if not ok then env.os.queueEvent("http_failure", target, err) end
    return ok, err
  end

  local function wait(target, ...)
    local ok, err = native(...)
    if not ok then return nil, err end
    while true do
      local ev, p1, p2, p3 = env.os.pullEvent()
      if ev == "http_success" and p1 == target then return p2
      elseif ev == "http_failure" and p1 == target then return nil, p2, p3 end
    end
  end

  function http.get(url, headers, binary)
    if type(url) == "table" then
      checkOptions(url, false)
      return wait(url.url, url)
    end
    E.expect("get", 1, url, "string")
    E.expect("get", 2, headers, "table", "nil")
    E.expect("get", 3, binary, "boolean", "nil")
    return wait(url, url, nil, headers, binary)
  end

  function http.post(url, body, headers, binary)
    if type(url) == "table" then
      checkOptions(url, true)
      return wait(url.url, url)
    end
    E.expect("post", 1, url, "string")
    E.expect("post", 2, body, "string")
    E.expect("post", 3, headers, "table", "nil")
    E.expect("post", 4, binary, "boolean", "nil")
    return wait(url, url, body, headers, binary)
  end

  -- checkURLAsync: true (and later an "http_check" event) or false + reason
  function http.checkURLAsync(url)
    E.expect("checkURLAsync", 1, url, "string")
    local u, err = M.parseUrl(url)
    if not u then return false, err end
    local ip, reason = resolve(mgr, u)
    if ip then env.os.queueEvent("http_check", url, true)
    else env.os.queueEvent("http_check", url, false, reason) end
    return true
  end

  function http.checkURL(url)
    E.expect("checkURL", 1, url, "string")
    local ok, err = http.checkURLAsync(url)
    if not ok then return ok, err end
    while true do
      local _, u, good, reason = env.os.pullEvent("http_check")
      if u == url then return good, reason end
    end
  end

  require("ccenv.websocket").install(http, pc)

  return http
end

return M
