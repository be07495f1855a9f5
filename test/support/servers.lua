-- The test servers, seen from a spec. test/run.sh starts them (test/servers/start.mjs) and
-- exports OPENCC_TEST_* variables; this module reads those and talks to the servers with
-- LuaSocket.
--
--   local servers = require("support.servers")
--   servers.url, servers.authUrl, servers.password, servers.username, servers.deadUrl,
--   servers.modelUrl, servers.projectDir, servers.authProjectDir
--   servers.proxyUrl (the fault proxy in front of the password server), servers.elsewhereUrl
--   servers.fault(rule...) / servers.gateway(ms) / servers.clearFaults() / servers.proxyLog() / servers.elsewhereLog()
--   servers.request(method, path, body, opts) -> status, decoded body, headers, raw body
--   servers.modelLog(token) -> prompts the fake model received (those containing token, if given)
--   servers.newComputer(opts) -> a ccenv computer with build/libai.lua and build/ai.lua in it
local http = require("socket.http")
local ltn12 = require("ltn12")
local mime = require("mime")
local socket = require("socket")

local ok_json, dkjson = pcall(require, "dkjson")

local M = {}

local function env(name)
  local v = os.getenv(name)
  if v == nil or v == "" then
    error(name .. " is not set: run the specs through npm test (bash test/run.sh), "
      .. "which starts the test servers", 3)
  end
  return v
end

local fields = {
  url = "OPENCC_TEST_URL",
  authUrl = "OPENCC_TEST_AUTH_URL",
  password = "OPENCC_TEST_PASSWORD",
  modelUrl = "OPENCC_TEST_MODEL_URL",
  deadUrl = "OPENCC_TEST_DEAD_URL",
  projectDir = "OPENCC_TEST_PROJECT_DIR",
  authProjectDir = "OPENCC_TEST_PROJECT_DIR_AUTH",
  proxyUrl = "OPENCC_TEST_PROXY_URL",
  proxyControlUrl = "OPENCC_TEST_PROXY_CONTROL_URL",
  elsewhereUrl = "OPENCC_TEST_ELSEWHERE_URL",
  bridgeUrl = "OPENCC_TEST_BRIDGE_URL",
  bridgeToken = "OPENCC_TEST_BRIDGE_TOKEN",
}

-- Fields are read on first use, so requiring this module never fails by itself.
setmetatable(M, {
  __index = function(_, key)
    if key == "username" then return os.getenv("OPENCC_TEST_USERNAME") or "opencode" end
    local var = fields[key]
    if var then return env(var) end
    return nil
  end,
})

--- True when the test servers are available (the OPENCC_TEST_* variables are set).
function M.available()
  local v = os.getenv("OPENCC_TEST_URL")
  return v ~= nil and v ~= ""
end

--- JSON helpers (dkjson from the Debian package lua-dkjson).
function M.decode(text)
  if not ok_json then error("dkjson is not installed (Debian package lua-dkjson)") end
  local value, _, err = dkjson.decode(text, 1, dkjson.null)
  if err then return nil, err end
  return value
end

function M.encode(value)
  if not ok_json then error("dkjson is not installed (Debian package lua-dkjson)") end
  return dkjson.encode(value)
end

M.null = ok_json and dkjson.null or nil

function M.basicAuth(username, password)
  return "Basic " .. mime.b64(username .. ":" .. password)
end

--- One HTTP request. path may be a full URL or a path on opts.url (default: the password server,
--- with credentials; opts.auth = false sends none). body: a table (sent as JSON) or a string.
--- Returns status (number, or nil and an error), decoded JSON body (or nil), headers, raw body.
function M.request(method, path, body, opts)
  opts = opts or {}
  local base = opts.url or M.authUrl
  local url = path:match("^https?://") and path or (base .. path)
  local headers = { ["accept"] = "application/json" }
  if opts.auth ~= false and (opts.url == nil or opts.url == M.authUrl) then
    headers["authorization"] = M.basicAuth(opts.username or M.username, opts.password or M.password)
  end
  for k, v in pairs(opts.headers or {}) do headers[k:lower()] = v end
  local source
  if body ~= nil then
    if type(body) ~= "string" then body = M.encode(body) end
    headers["content-type"] = headers["content-type"] or "application/json"
    headers["content-length"] = tostring(#body)
    source = ltn12.source.string(body)
  end
  local out = {}
  http.TIMEOUT = opts.timeout or 10
  local _, status, respHeaders = http.request({
    url = url, method = method, headers = headers, source = source, sink = ltn12.sink.table(out),
  })
  if type(status) ~= "number" then return nil, status end
  local raw = table.concat(out)
  local decoded
  if raw ~= "" and (respHeaders["content-type"] or ""):find("json", 1, true) then
    decoded = M.decode(raw)
  end
  return status, decoded, respHeaders, raw
end

--- Like request, but errors unless the status is 2xx; returns the decoded body.
function M.call(method, path, body, opts)
  local status, decoded, _, raw = M.request(method, path, body, opts)
  if type(status) ~= "number" or status < 200 or status > 299 then
    error(string.format("%s %s -> %s %s", method, path, tostring(status or decoded), tostring(raw)), 2)
  end
  return decoded
end

function M.now() return socket.gettime() end
function M.sleep(s) socket.sleep(s) end

--- Polls fn() every interval seconds until it returns a truthy value; errors after timeout.
function M.waitFor(what, fn, timeout, interval)
  local deadline = socket.gettime() + (timeout or 30)
  while true do
    local v = fn()
    if v then return v end
    if socket.gettime() > deadline then error("timed out waiting for " .. what, 2) end
    socket.sleep(interval or 0.1)
  end
end

local counter = 0
math.randomseed(math.floor((socket.gettime() * 1000) % 2147483647))
--- A unique token to put in a prompt, so a spec can find its own entries in the model log.
function M.token(prefix)
  counter = counter + 1
  local lua = (_VERSION:gsub("Lua ", "lua"))
  return string.format("%s-%s-%d-%d-%d", prefix or "tok", lua, os.time(), math.random(100000, 999999), counter)
end

local B62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
local idCounter = 0
--- An opencode-style ascending id: prefix_ + 12 hex digits of (ms * 4096 + counter) mod 2^48
--- + 14 base-62 characters.
function M.newId(prefix)
  idCounter = (idCounter + 1) % 4096
  local n = (math.floor(socket.gettime() * 1000) * 4096 + idCounter) % 281474976710656
  local hex = {}
  for i = 12, 1, -1 do
    local d = n % 16
    hex[i] = string.sub("0123456789abcdef", d + 1, d + 1)
    n = (n - d) / 16
  end
  local tail = {}
  for i = 1, 14 do
    local r = math.random(1, 62)
    tail[i] = B62:sub(r, r)
  end
  return prefix .. "_" .. table.concat(hex) .. table.concat(tail)
end

--- Creates a session on the password server (or opts.url); returns its id. Without opts.title
--- opencode names it after the first prompt (the fake model answers "Fake title").
function M.newSession(opts)
  local body = (opts and opts.title) and { title = opts.title } or "{}" -- dkjson encodes {} as []
  local s = M.call("POST", "/session", body, opts)
  return s.id
end

--- Sends a prompt with prompt_async; returns the user message id. opts.agent, opts.model.
function M.prompt(sessionID, text, opts)
  opts = opts or {}
  local messageID = M.newId("msg")
  local body = { messageID = messageID, parts = { { type = "text", text = text } } }
  if opts.agent then body.agent = opts.agent end
  if opts.model then body.model = opts.model end
  local status, _, _, raw = M.request("POST", "/session/" .. sessionID .. "/prompt_async", body, opts)
  if status ~= 204 then error("prompt_async answered " .. tostring(status) .. " " .. tostring(raw), 2) end
  return messageID
end

--- The assistant messages answering user message messageID (items { info, parts }).
function M.answers(sessionID, messageID, opts)
  local all = M.call("GET", "/session/" .. sessionID .. "/message?limit=0", nil, opts)
  local mine = {}
  for _, m in ipairs(all) do
    if m.info.role == "assistant" and m.info.parentID == messageID then mine[#mine + 1] = m end
  end
  return mine
end

--- Waits until the answer to messageID is complete (last assistant message completed with a
--- finish other than "tool-calls", or with an error). Returns the list of assistant messages.
function M.waitAnswer(sessionID, messageID, opts)
  opts = opts or {}
  return M.waitFor("the answer to " .. messageID, function()
    local mine = M.answers(sessionID, messageID, opts)
    local last = mine[#mine]
    if last and last.info.error then return mine end
    if last and last.info.time and last.info.time.completed and last.info.finish ~= "tool-calls" then
      return mine
    end
  end, opts.timeout or 30, 0.1)
end

--- The text of a message's text parts, concatenated.
function M.text(message)
  local out = {}
  for _, p in ipairs(message.parts or {}) do
    if p.type == "text" then out[#out + 1] = p.text end
  end
  return table.concat(out)
end

--- The prompts the fake model received, oldest first: { text, model, messages, tools }.
--- With token, only those whose text contains it.
function M.modelLog(token)
  local status, log, _, raw = M.request("GET", M.modelUrl .. "/log", nil, { url = M.modelUrl })
  if status ~= 200 then error("fake model /log answered " .. tostring(status) .. " " .. tostring(raw)) end
  if not token then return log end
  local mine = {}
  for _, entry in ipairs(log) do
    if type(entry.text) == "string" and entry.text:find(token, 1, true) then mine[#mine + 1] = entry end
  end
  return mine
end

--- Listens to the password server's event stream (GET /event, server-sent events, which CC
--- cannot read) in the background with curl. Returns { events = function() -> the events so far
--- ({type, properties}), stop = function() }.
function M.listenEvents()
  local out = os.tmpname()
  local user = M.username .. ":" .. M.password
  os.execute("curl -sN -u '" .. user .. "' " .. M.authUrl .. "/event > " .. out .. " 2>/dev/null & echo $! > " .. out .. ".pid")
  local f = io.open(out .. ".pid")
  local pid = tonumber(f:read("*a"):match("%d+"))
  f:close()
  local function events()
    local list = {}
    local h = io.open(out, "rb")
    if not h then return list end
    for line in h:lines() do
      local data = line:match("^data: (.*)$")
      if data then list[#list + 1] = M.decode(data) end
    end
    h:close()
    return list
  end
  -- the stream is open once the server has sent its first event (server.connected)
  M.waitFor("the event stream", function() return #events() > 0 end, 10, 0.05)
  return {
    events = events,
    stop = function()
      os.execute("kill " .. pid .. " 2>/dev/null")
      os.remove(out)
      os.remove(out .. ".pid")
    end,
  }
end

--- Fault proxy (test/servers/fault-proxy.mjs): queue fault rules for the next requests through
--- servers.proxyUrl, e.g. servers.fault({ action = "status", status = 502, path = "/message", count = 2 }).
function M.fault(...)
  local rules = { ... }
  M.call("POST", M.proxyControlUrl .. "/faults", #rules == 1 and rules[1] or rules, { url = M.proxyControlUrl })
end

--- Gateway mode (nginx's proxy_read_timeout): a request the server has not answered within ms
--- is answered 504 with nginx's page, while it goes on upstream. clearFaults() ends it.
function M.gateway(ms)
  M.call("PUT", M.proxyControlUrl .. "/gateway", { timeoutMs = ms }, { url = M.proxyControlUrl })
end

--- Clears the proxy's rules, its gateway mode and its logs.
function M.clearFaults()
  M.call("DELETE", M.proxyControlUrl .. "/faults", nil, { url = M.proxyControlUrl })
end

--- The requests the proxy saw, oldest first: { method, path, action }.
function M.proxyLog()
  return M.call("GET", M.proxyControlUrl .. "/log", nil, { url = M.proxyControlUrl })
end

--- The requests the other host (the redirect target) received: { method, path, authorization, body }.
function M.elsewhereLog()
  return M.call("GET", M.proxyControlUrl .. "/elsewhere", nil, { url = M.proxyControlUrl })
end

--- A Lua literal of v, the format CC's settings file uses (textutils.serialise).
local function serialise(v)
  local t = type(v)
  if t == "string" then return string.format("%q", v) end
  if t == "number" or t == "boolean" then return tostring(v) end
  if t == "table" then
    local keys = {}
    for k in pairs(v) do keys[#keys + 1] = k end
    table.sort(keys, function(a, b) return tostring(a) < tostring(b) end)
    local parts = {}
    for _, k in ipairs(keys) do
      parts[#parts + 1] = "  [" .. serialise(k) .. "] = " .. serialise(v[k]) .. ","
    end
    return "{\n" .. table.concat(parts, "\n") .. "\n}"
  end
  error("cannot serialise a " .. t)
end
M.serialise = serialise

--- A ccenv computer (test/ccenv) with build/libai.lua and build/ai.lua copied in, and settings
--- opencc.server_url / opencc.password pointing at the password server. opts:
---   width, height, colour      the terminal (default 51x19, colour)
---   url, password              override (password = false: none); opts.server = "plain" uses
---                              the server without a password
---   settings                   extra settings (table name -> value)
---   files                      extra files { ["name"] = "content" }
---   noLib, noProgram           skip copying build/libai.lua (and build/libai_bridge.lua) or build/ai.lua
---   noBridgeModule             skip copying build/libai_bridge.lua (as an install that lacks it)
---   turtle                     a turtle's world (test/ccenv/turtle.lua): the computer is a turtle
---   multishell                 an advanced computer: programs run in a multishell tab's window
function M.newComputer(opts)
  opts = opts or {}
  local ccenv = require("ccenv")
  local pc = ccenv.new({
    width = opts.width or 51, height = opts.height or 19, colour = opts.colour ~= false,
    id = opts.id, label = opts.label, input = opts.input, http = opts.http, turtle = opts.turtle,
    denyPrivate = opts.denyPrivate, clockSkewMs = opts.clockSkewMs, timeout = opts.timeout,
    maxDownload = opts.maxDownload, maxRequests = opts.maxRequests, hosts = opts.hosts,
    lateWebsocketClose = opts.lateWebsocketClose, multishell = opts.multishell,
  })
  if not opts.noLib then pc:copyIn("build/libai.lua", "libai.lua") end
  if not opts.noLib and not opts.noBridgeModule then pc:copyIn("build/libai_bridge.lua", "libai_bridge.lua") end
  if not opts.noProgram then pc:copyIn("build/ai.lua", "ai.lua") end
  local settings = {}
  if opts.server == "plain" then
    settings["opencc.server_url"] = opts.url or M.url
  else
    settings["opencc.server_url"] = opts.url or M.authUrl
    if opts.password ~= false then settings["opencc.password"] = opts.password or M.password end
  end
  for k, v in pairs(opts.settings or {}) do settings[k] = v end
  pc:writeFile(".settings", serialise(settings))
  for name, content in pairs(opts.files or {}) do pc:writeFile(name, content) end
  return pc
end

return M
