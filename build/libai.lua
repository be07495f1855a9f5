local ____modules = {}
local ____moduleCache = {}
local ____originalRequire = require
local function require(file, ...)
if ____moduleCache[file] then
return ____moduleCache[file].value
end
if ____modules[file] then
local module = ____modules[file]
local value = nil
if (select("#", ...) > 0) then value = module(...) else value = module(file) end
____moduleCache[file] = { value = value }
return value
else
if ____originalRequire then
return ____originalRequire(file)
else
error("module '" .. file .. "' not found")
end
end
end
____modules = {
["lualib_bundle"] = function(...) 
local function __TS__ArrayPush(self, ...)
local items = {...}
local len = #self
for i = 1, #items do
len = len + 1
self[len] = items[i]
end
return len
end
local __TS__Unpack = table.unpack or unpack
local function __TS__ArrayIndexOf(self, searchElement, fromIndex)
if fromIndex == nil then
fromIndex = 0
end
local len = #self
if len == 0 then
return -1
end
if fromIndex >= len then
return -1
end
if fromIndex < 0 then
fromIndex = len + fromIndex
if fromIndex < 0 then
fromIndex = 0
end
end
for i = fromIndex + 1, len do
if self[i] == searchElement then
return i - 1
end
end
return -1
end
local function __TS__ArrayFind(self, predicate, thisArg)
for i = 1, #self do
local elem = self[i]
if predicate(thisArg, elem, i - 1, self) then
return elem
end
end
return nil
end
local function __TS__Class(self)
local c = {prototype = {}}
c.prototype.__index = c.prototype
c.prototype.constructor = c
return c
end
local function __TS__New(target, ...)
local instance = setmetatable({}, target.prototype)
instance:____constructor(...)
return instance
end
local function __TS__ObjectAssign(target, ...)
local sources = {...}
for i = 1, #sources do
local source = sources[i]
if type(source) == "table" then
for key in pairs(source) do
target[key] = source[key]
end
end
end
return target
end
local function __TS__CountVarargs(...)
return select("#", ...)
end
local function __TS__ArraySplice(self, ...)
local args = {...}
local len = #self
local actualArgumentCount = __TS__CountVarargs(...)
local start = args[1]
local deleteCount = args[2]
if start < 0 then
start = len + start
if start < 0 then
start = 0
end
elseif start > len then
start = len
end
local itemCount = actualArgumentCount - 2
if itemCount < 0 then
itemCount = 0
end
local actualDeleteCount
if actualArgumentCount == 0 then
actualDeleteCount = 0
elseif actualArgumentCount == 1 then
actualDeleteCount = len - start
else
actualDeleteCount = deleteCount or 0
if actualDeleteCount < 0 then
actualDeleteCount = 0
end
if actualDeleteCount > len - start then
actualDeleteCount = len - start
end
end
local out = {}
for k = 1, actualDeleteCount do
local from = start + k
if self[from] ~= nil then
out[k] = self[from]
end
end
if itemCount < actualDeleteCount then
for k = start + 1, len - actualDeleteCount do
local from = k + actualDeleteCount
local to = k + itemCount
if self[from] then
self[to] = self[from]
else
self[to] = nil
end
end
for k = len - actualDeleteCount + itemCount + 1, len do
self[k] = nil
end
elseif itemCount > actualDeleteCount then
for k = len - actualDeleteCount, start + 1, -1 do
local from = k + actualDeleteCount
local to = k + itemCount
if self[from] then
self[to] = self[from]
else
self[to] = nil
end
end
end
local j = start + 1
for i = 3, actualArgumentCount do
self[j] = args[i]
j = j + 1
end
for k = #self, len - actualDeleteCount + itemCount + 1, -1 do
self[k] = nil
end
return out
end
local function __TS__ArrayMap(self, callbackfn, thisArg)
local result = {}
for i = 1, #self do
result[i] = callbackfn(thisArg, self[i], i - 1, self)
end
return result
end
return {
__TS__ArrayPush = __TS__ArrayPush,
__TS__Unpack = __TS__Unpack,
__TS__ArrayIndexOf = __TS__ArrayIndexOf,
__TS__ArrayFind = __TS__ArrayFind,
__TS__Class = __TS__Class,
__TS__New = __TS__New,
__TS__ObjectAssign = __TS__ObjectAssign,
__TS__ArraySplice = __TS__ArraySplice,
__TS__ArrayMap = __TS__ArrayMap
}
end,
["api"] = function(...) 
local ____exports = {}
return ____exports
end,
["json"] = function(...) 
local ____lualib = require("lualib_bundle")
local __TS__ArrayPush = ____lualib.__TS__ArrayPush
local ____exports = {}
local escapes = {
["\""] = "\\\"",
["\\"] = "\\\\",
["\n"] = "\\n",
["\r"] = "\\r",
["\t"] = "\\t",
["\b"] = "\\b",
["\f"] = "\\f"
}
local latin1Special = ((("[%c\"\\" .. string.char(128)) .. "-") .. string.char(255)) .. "]"
local function encodeString(s, encoding)
local pattern = encoding == "latin1" and latin1Special or "[%c\"\\]"
local out = string.gsub(
s,
pattern,
function(ch)
local known = escapes[ch]
if known ~= nil then
return known
end
return string.format(
"\\u%04x",
string.byte(ch)
)
end
)
return ("\"" .. out) .. "\""
end
____exports.JSON_NULL = {}
local function encodeValue(v, encoding, parts)
local t = type(v)
if v == ____exports.JSON_NULL then
parts[#parts + 1] = "null"
elseif t == "string" then
parts[#parts + 1] = encodeString(v, encoding)
elseif t == "number" then
local n = v
parts[#parts + 1] = n == math.floor(n) and math.abs(n) < 2 ^ 53 and string.format("%d", n) or tostring(n)
elseif t == "boolean" then
parts[#parts + 1] = v and "true" or "false"
elseif t == "nil" then
parts[#parts + 1] = "null"
elseif t == "table" then
local tbl = v
if tbl[1] ~= nil then
parts[#parts + 1] = "["
local arr = v
do
local i = 0
while i < #arr do
if i > 0 then
parts[#parts + 1] = ","
end
encodeValue(arr[i + 1], encoding, parts)
i = i + 1
end
end
parts[#parts + 1] = "]"
else
parts[#parts + 1] = "{"
local first = true
for k, item in pairs(tbl) do
if not first then
parts[#parts + 1] = ","
end
first = false
__TS__ArrayPush(
parts,
encodeString(
tostring(k),
encoding
),
":"
)
encodeValue(item, encoding, parts)
end
parts[#parts + 1] = "}"
end
else
error(("cannot encode a " .. t) .. " as JSON", 0)
end
end
function ____exports.encodeJSON(v, encoding)
if encoding == nil then
encoding = "latin1"
end
local parts = {}
encodeValue(v, encoding, parts)
return table.concat(parts)
end
function ____exports.decodeJSON(body)
local ok, value = pcall(textutils.unserialiseJSON, body)
local ____ok_0
if ok then
____ok_0 = value
else
____ok_0 = nil
end
return ____ok_0
end
return ____exports
end,
["errors"] = function(...) 
local ____exports = {}
local errorMeta = {__tostring = function(self)
return self.message
end}
function ____exports.aiError(kind, message, extra)
local e = {kind = kind, message = message, status = extra and extra.status, name = extra and extra.name}
return setmetatable(e, errorMeta)
end
function ____exports.fail(kind, message, extra)
error(
____exports.aiError(kind, message, extra),
0
)
end
function ____exports.isAiError(value)
return type(value) == "table" and getmetatable(value) == errorMeta
end
function ____exports.toAiError(value)
if ____exports.isAiError(value) then
return value
end
if value == "Terminated" then
return ____exports.aiError("terminated", "Terminated")
end
return ____exports.aiError(
"server",
tostring(value)
)
end
return ____exports
end,
["http"] = function(...) 
local ____exports = {}
local requireHttp
local ____errors = require("errors")
local fail = ____errors.fail
function requireHttp()
if http == nil then
fail("http_disabled", "The http API is disabled: set enabled = true under [http] in the world's serverconfig/computercraft-server.toml, then restart the server.")
end
end
____exports.TERMINATED = "Terminated"
local busyUrls = {}
local URL_FREE_EVENT = "opencc_http_free"
local waitingForUrl = 0
local function hostOf(url)
local host = string.match(url, "^%a+://([^/?#]+)")
return host or url
end
local function mapFailure(url, reason)
if reason == "Domain not permitted" then
local host = string.match(
hostOf(url),
"^%[?([^%]]-)%]?:?%d*$"
)
fail(
"blocked",
((("CC blocks " .. (host or hostOf(url))) .. " (\"Domain not permitted\"): CC: Tweaked denies private addresses by default. In the world's serverconfig/computercraft-server.toml, put a [[http.rules]] entry with host = \"") .. (host or hostOf(url))) .. "\" and action = \"allow\" above the one with host = \"$private\" and action = \"deny\" (or remove that one), then restart the server."
)
end
if (string.find(reason, "[Tt]imed? ?out")) ~= nil then
fail(
"timeout",
((("The server at " .. hostOf(url)) .. " did not answer in time (") .. reason) .. ")."
)
end
if reason == "URL malformed" or reason == "URL not http" or (string.find(reason, "protocol")) ~= nil then
fail("bad_url", ((("\"" .. url) .. "\" is not a valid http(s) URL (") .. reason) .. "): check opencc.server_url.")
end
fail(
"unreachable",
((("Could not reach the opencode server at " .. hostOf(url)) .. " (") .. reason) .. "). Is `opencode serve` running there, and is opencc.server_url right?"
)
end
local function readHandle(handle)
local status = handle:getResponseCode()
local body = handle:readAll() or ""
local headers = handle:getResponseHeaders()
handle:close()
return {status = status, body = body, headers = headers}
end
local function waitForResponse(url)
while true do
local event, eventUrl, a, b = os.pullEventRaw()
if event == "terminate" then
error(____exports.TERMINATED, 0)
end
if event == "http_success" and eventUrl == url then
return readHandle(a)
end
if event == "http_failure" and eventUrl == url then
local handle = b
if handle ~= nil then
return readHandle(handle)
end
return mapFailure(
url,
tostring(a)
)
end
end
end
function ____exports.send(req)
requireHttp()
while busyUrls[req.url] do
waitingForUrl = waitingForUrl + 1
local event = os.pullEventRaw(URL_FREE_EVENT)
waitingForUrl = waitingForUrl - 1
if event == "terminate" then
error(____exports.TERMINATED, 0)
end
end
busyUrls[req.url] = true
local ok, result = pcall(function()
local accepted, why = http.request({
url = req.url,
method = req.method,
headers = req.headers,
body = req.body,
timeout = req.timeout
})
if accepted == false then
mapFailure(req.url, why or "refused")
end
return waitForResponse(req.url)
end)
busyUrls[req.url] = nil
if waitingForUrl > 0 then
os.queueEvent(URL_FREE_EVENT, req.url)
end
if not ok then
error(result, 0)
end
return result
end
function ____exports.checkAllowed(url)
requireHttp()
local check = http.checkURL
local ok, reason = check(url)
if not ok then
mapFailure(url, reason or "not allowed")
end
end
function ____exports.openWebsocket(url, timeoutSecs)
requireHttp()
local openAsync = http.websocketAsync
local ok, thrown = pcall(openAsync, url)
if not ok then
fail(
"bad_url",
((("opencc.bridge_url \"" .. url) .. "\" is not a ws:// URL (") .. tostring(thrown)) .. "): set opencc.bridge_url ws://host:4097/cc"
)
end
local timer = os.startTimer(timeoutSecs)
while true do
local event, eventUrl, a = os.pullEventRaw()
if event == "terminate" then
error(____exports.TERMINATED, 0)
end
if event == "timer" and eventUrl == timer then
fail(
"timeout",
((("The opencc bridge at " .. hostOf(url)) .. " did not answer within ") .. tostring(timeoutSecs)) .. " s: is opencc-bridge running there, and is opencc.bridge_url right?"
)
end
if event == "websocket_success" and eventUrl == url then
os.cancelTimer(timer)
return a
end
if event == "websocket_failure" and eventUrl == url then
os.cancelTimer(timer)
local reason = tostring(a)
if reason == "Domain not permitted" then
mapFailure(url, reason)
end
if (string.find(reason, "[Dd]isabled")) ~= nil then
fail("http_disabled", ("CC refused the websocket (" .. reason) .. "): set enabled = true under [http.websocket] (or [http]) in the world's serverconfig/computercraft-server.toml.")
end
fail(
"unreachable",
((("Could not reach the opencc bridge at " .. hostOf(url)) .. " (") .. reason) .. "). Is opencc-bridge running there, and is opencc.bridge_url right?"
)
end
end
end
return ____exports
end,
["sandbox"] = function(...) 
local ____lualib = require("lualib_bundle")
local __TS__Unpack = ____lualib.__TS__Unpack
local ____exports = {}
local ____http = require("http")
local TERMINATED = ____http.TERMINATED
local ____json = require("json")
local JSON_NULL = ____json.JSON_NULL
local NO_YIELD_MS = 5000
local MAX_PRINTED = 16000
local function now()
return os.epoch("utc")
end
local function capture(out)
local function add(s)
if #out < 2000 then
out[#out + 1] = s
end
end
return {
print = function(...)
local args = {...}
local parts = {}
do
local i = 0
while i < select(
"#",
__TS__Unpack(args)
) do
parts[#parts + 1] = tostring(args[i + 1])
i = i + 1
end
end
add(table.concat(parts, "\t") .. "\n")
return 1
end,
write = function(text)
add(tostring(text))
return 0
end
}
end
function ____exports.runChunk(code, timeoutSecs)
local out = {}
local function printed()
local all = table.concat(out)
return #all > MAX_PRINTED and string.sub(all, 1, MAX_PRINTED) .. "\n(cut)" or all
end
local env = {}
local io = capture(out)
env.print = io.print
env.write = io.write
env.printError = io.print
env._G = env
setmetatable(env, {__index = _G})
local fn, syntax = load(code, "=agent", "t", env)
if fn == nil then
return {
printed = "",
values = {},
error = tostring(syntax)
}
end
if debug == nil or debug.sethook == nil then
return {printed = "", values = {}, error = "this computer has no debug library, so a chunk could not be stopped: not run"}
end
local deadline = now() + timeoutSecs * 1000
local resumedAt = now()
local stopped
local co = coroutine.create(fn)
debug.sethook(
co,
function()
local t = now()
if t - resumedAt > NO_YIELD_MS or t > deadline then
local secs = math.floor((t - resumedAt) / 100) / 10
stopped = t > deadline and ((("stopped at its time limit of " .. tostring(timeoutSecs)) .. " s, after running ") .. tostring(secs)) .. " s without yielding" or ("stopped after running " .. tostring(secs)) .. " s without yielding (CC stops a computer at 7 s: call sleep(0) in long loops)"
error(stopped, 0)
end
end,
"",
1000
)
local timer = os.startTimer(timeoutSecs)
local args = table.pack()
do
local ____try, ____hasReturned, ____returnValue = pcall(function()
while true do
resumedAt = now()
local r = table.pack(coroutine.resume(
co,
table.unpack(args, 1, args.n)
))
if r[1] ~= true then
return true, {
printed = printed(),
values = {},
error = stopped or tostring(r[2])
}
end
if coroutine.status(co) == "dead" then
local values = {}
do
local i = 1
while i < r.n do
values[#values + 1] = r[i + 1] == nil and JSON_NULL or r[i + 1]
i = i + 1
end
end
return true, {
printed = printed(),
values = values
}
end
local filter = r[2]
while true do
local ev = table.pack(os.pullEventRaw())
if ev[1] == "terminate" then
error(TERMINATED, 0)
end
if ev[1] == "timer" and ev[2] == timer then
return true, {
printed = printed(),
values = {},
error = ("stopped at its time limit of " .. tostring(timeoutSecs)) .. " s"
}
end
if filter == nil or filter == ev[1] then
args = ev
break
end
end
end
end)
do
os.cancelTimer(timer)
end
if not ____try then
error(____hasReturned, 0)
end
if ____try and ____hasReturned then
return ____returnValue
end
end
end
return ____exports
end,
["screen"] = function(...) 
local ____exports = {}
function ____exports.recordScreen()
local parent = term.current()
if parent.getLine ~= nil then
return function()
end
end
local w, h = parent.getSize()
local blank = string.rep(" ", w)
local rows = {}
do
local y = 0
while y < h do
rows[#rows + 1] = blank
y = y + 1
end
end
local function put(text)
local x, y = parent.getCursorPos()
if y < 1 or y > h then
return
end
local start = x
local t = text
if start < 1 then
t = string.sub(t, 2 - start)
start = 1
end
if start > w then
return
end
t = string.sub(t, 1, w - start + 1)
local row = rows[y]
rows[y] = (string.sub(row, 1, start - 1) .. t) .. string.sub(row, start + #t)
end
local rec = {}
for k, v in pairs(parent) do
rec[k] = v
end
rec.write = function(text)
put(tostring(text))
parent.write(tostring(text))
end
rec.blit = function(text, fg, bg)
put(text)
parent.blit(text, fg, bg)
end
rec.clear = function()
do
local y = 0
while y < h do
rows[y + 1] = blank
y = y + 1
end
end
parent.clear()
end
rec.clearLine = function()
local ____, y = parent.getCursorPos()
if y >= 1 and y <= h then
rows[y] = blank
end
parent.clearLine()
end
rec.scroll = function(n)
do
local i = 0
while i < math.abs(n) do
if n > 0 then
table.remove(rows, 1)
rows[#rows + 1] = blank
else
table.remove(rows)
table.insert(rows, 1, blank)
end
i = i + 1
end
end
parent.scroll(n)
end
rec.getLine = function(y) return rows[y] end
local recorder = rec
term.redirect(recorder)
return function()
if term.current() == recorder then
term.redirect(parent)
end
end
end
function ____exports.readScreen()
local t = term.current()
local getLine = t.getLine
if getLine == nil then
return nil
end
local w, h = t.getSize()
local x, y = t.getCursorPos()
local lines = {}
do
local i = 1
while i <= h do
local text = getLine(i)
local trimmed = string.gsub(text or "", "%s+$", "")
lines[#lines + 1] = trimmed
i = i + 1
end
end
while #lines > 0 and lines[#lines] == "" do
table.remove(lines)
end
return {width = w, height = h, cursor = {x = x, y = y}, lines = lines}
end
return ____exports
end,
["bridgetools"] = function(...) 
local ____lualib = require("lualib_bundle")
local __TS__Unpack = ____lualib.__TS__Unpack
local __TS__ArrayIndexOf = ____lualib.__TS__ArrayIndexOf
local ____exports = {}
local ____json = require("json")
local JSON_NULL = ____json.JSON_NULL
local ____sandbox = require("sandbox")
local runChunk = ____sandbox.runChunk
local ____screen = require("screen")
local readScreen = ____screen.readScreen
local DEFAULT_LIMIT = 25
local READ_ACTIONS = {
detect = true,
inspect = true,
getItemDetail = true,
getItemCount = true,
getSelectedSlot = true,
getFuelLevel = true,
inventory = true
}
local DIRECTED = {
dig = true,
place = true,
detect = true,
inspect = true,
drop = true,
suck = true
}
local function plain(v, depth)
local t = type(v)
if v == JSON_NULL or t == "string" or t == "boolean" or t == "nil" then
return v
end
if t == "number" then
return (v ~= v or v == math.huge or v == -math.huge) and tostring(v) or v
end
if t ~= "table" then
return tostring(v)
end
if depth > 8 then
return "(nested too deep)"
end
local out = {}
for k, item in pairs(v) do
out[k] = plain(item, depth + 1)
end
return out
end
local function packed(...)
local values = {...}
local out = {}
local n = select("#", ...)
do
local i = 0
while i < n do
out[#out + 1] = values[i + 1] == nil and JSON_NULL or plain(values[i + 1], 0)
i = i + 1
end
end
return out
end
local function tierOf(call)
if call.tool == "peripherals" or call.tool == "screen" then
return "read"
end
if call.tool == "peripheral_call" then
return "act"
end
if call.tool == "lua" then
return "lua"
end
if call.tool == "turtle" then
return READ_ACTIONS[tostring(call.args.action)] and "read" or "act"
end
return nil
end
local function summaryOf(call)
local a = call.args
if call.tool == "turtle" then
local dir = (a.direction == "up" or a.direction == "down") and " " .. tostring(a.direction) or ""
return ("turtle: " .. tostring(a.action)) .. dir
end
if call.tool == "peripheral_call" then
return (("peripheral: " .. tostring(a.peripheral)) .. ".") .. tostring(a.method)
end
if call.tool == "lua" then
local ____string_gsub_2 = string.gsub
local ____tostring_1 = tostring
local ____a_code_0 = a.code
if ____a_code_0 == nil then
____a_code_0 = ""
end
local line = ____string_gsub_2(
____tostring_1(____a_code_0),
"%s+",
" "
)
return "lua: " .. (#line > 30 and string.sub(line, 1, 28) .. ".." or line)
end
return call.tool
end
local function getTypes(name)
local fn = peripheral.getType
return fn(name)
end
function ____exports.peripheralList()
local out = {}
for ____, name in ipairs(peripheral.getNames()) do
local methods = peripheral.getMethods(name) or ({})
out[#out + 1] = {
name = name,
types = {getTypes(name)},
methods = methods
}
end
return out
end
local function turtleAction(args)
local t = turtle
local action = tostring(args.action)
local slot = type(args.slot) == "number" and args.slot or nil
local count = type(args.count) == "number" and args.count or nil
if action == "inventory" then
local slots = {}
do
local i = 1
while i <= 16 do
local detail = t.getItemDetail(i)
if detail ~= nil then
slots[#slots + 1] = {
slot = i,
item = plain(detail, 0)
}
end
i = i + 1
end
end
local selected = t.getSelectedSlot()
local fuel = t.getFuelLevel()
return {selected = selected, fuel = fuel, slots = slots}
end
local name = action
if DIRECTED[action] and (args.direction == "up" or args.direction == "down") then
name = action .. (args.direction == "up" and "Up" or "Down")
end
local fn = t[name]
if fn == nil then
error(action == "craft" and "this turtle has no crafting table equipped (equip one to craft)" or ("this turtle has no " .. name) .. " action", 0)
end
local callArgs = {}
if action == "select" or action == "getItemDetail" or action == "getItemCount" then
if slot ~= nil then
callArgs[#callArgs + 1] = slot
elseif action == "select" then
error("select needs \"slot\" (1-16)", 0)
end
elseif count ~= nil then
callArgs[#callArgs + 1] = count
end
local values = packed(fn(__TS__Unpack(callArgs)))
if type(values[1]) == "boolean" then
local r = {ok = values[1]}
if type(values[2]) == "string" then
r.reason = values[2]
elseif type(values[2]) == "table" and values[2] ~= JSON_NULL then
r.data = values[2]
end
return r
end
return {value = values[1]}
end
local function peripheralCall(args)
local name = tostring(args.peripheral)
local method = tostring(args.method)
if not peripheral.isPresent(name) then
local names = peripheral.getNames()
error(
(("no peripheral \"" .. name) .. "\" on this computer; attached: ") .. (#names > 0 and table.concat(names, ", ") or "none"),
0
)
end
local ____temp_3
if type(args.args) == "table" then
____temp_3 = args.args
else
____temp_3 = {}
end
local list = ____temp_3
local call = peripheral.call
return packed(call(
name,
method,
__TS__Unpack(list)
))
end
local function run(call)
if call.tool == "peripherals" then
return ____exports.peripheralList()
end
if call.tool == "screen" then
local s = readScreen()
if s == nil then
error("this computer's screen cannot be read back (it is not a window)", 0)
end
return s
end
if call.tool == "peripheral_call" then
return peripheralCall(call.args)
end
if call.tool == "turtle" then
if turtle == nil then
error("this computer is not a turtle", 0)
end
return turtleAction(call.args)
end
if call.tool == "lua" then
local secs = type(call.args.timeout) == "number" and call.args.timeout or 10
local ____runChunk_6 = runChunk
local ____tostring_5 = tostring
local ____call_args_code_4 = call.args.code
if ____call_args_code_4 == nil then
____call_args_code_4 = ""
end
local r = ____runChunk_6(
____tostring_5(____call_args_code_4),
secs
)
return {
printed = r.printed,
values = packed(__TS__Unpack(r.values)),
error = r.error or JSON_NULL
}
end
error("unknown tool " .. call.tool, 0)
end
local function withinLimit(call, secs)
local finished = false
local ok = false
local result
parallel.waitForAny(
function()
ok, result = pcall(run, call)
finished = true
end,
function() return sleep(secs) end
)
if not finished then
return false, ("stopped after " .. tostring(secs)) .. " s, its time limit on the computer"
end
return ok, result
end
function ____exports.serveCall(call, allowed, computerId)
local summary = summaryOf(call)
local tier = tierOf(call)
if tier == nil then
return {ok = false, error = "unknown tool " .. call.tool, summary = summary}
end
if __TS__ArrayIndexOf(allowed, tier) < 0 then
local wanted = (#allowed > 0 and table.concat(allowed, ",") .. "," or "") .. tier
return {
ok = false,
refused = true,
summary = summary,
error = (((((((("refused by computer " .. tostring(computerId)) .. ": its opencc.tools allows ") .. (#allowed > 0 and table.concat(allowed, ", ") or "nothing")) .. ", and ") .. summary) .. " needs \"") .. tier) .. "\". Ask its owner to run: set opencc.tools ") .. wanted
}
end
local ok, result = __TS__Unpack(call.tool == "lua" and ({pcall(run, call)}) or ({withinLimit(call, call.limit or DEFAULT_LIMIT)}))
if ok then
return {ok = true, result = result, summary = summary}
end
if result == "Terminated" then
error(result, 0)
end
return {
ok = false,
error = tostring(result),
summary = summary
}
end
return ____exports
end,
["config"] = function(...) 
local ____lualib = require("lualib_bundle")
local __TS__ArrayFind = ____lualib.__TS__ArrayFind
local ____exports = {}
local ____errors = require("errors")
local fail = ____errors.fail
____exports.SETTINGS = {
{
key = "url",
name = "opencc.server_url",
type = "string",
default = "http://127.0.0.1:4096",
description = "URL of the opencode server (opencode serve), e.g. http://host:4096"
},
{
key = "username",
name = "opencc.username",
type = "string",
default = "opencode",
description = "Basic Auth user name for the opencode server"
},
{
key = "password",
name = "opencc.password",
type = "string",
default = "",
description = "Basic Auth password (OPENCODE_SERVER_PASSWORD of the server); empty for none"
},
{
key = "sessionId",
name = "opencc.session_id",
type = "string",
default = "",
description = "Pin one opencode session (ses_...); empty: this computer's own conversation"
},
{
key = "agent",
name = "opencc.agent",
type = "string",
default = "",
description = "Agent that answers (e.g. build, plan); empty: the server's default"
},
{
key = "model",
name = "opencc.model",
type = "string",
default = "",
description = "Model as provider/model; empty: the agent's or server's default"
},
{
key = "variant",
name = "opencc.variant",
type = "string",
default = "",
description = "Model variant (e.g. high); empty: default"
},
{
key = "directory",
name = "opencc.directory",
type = "string",
default = "",
description = "Project directory on the server to scope every request to; empty: the server's own"
},
{
key = "timeout",
name = "opencc.timeout",
type = "number",
default = 300,
description = "Seconds to wait for a reply before stopping the generation"
},
{
key = "pollInterval",
name = "opencc.poll_interval",
type = "number",
default = 0.5,
description = "Seconds between checks for the reply"
},
{
key = "bridgeUrl",
name = "opencc.bridge_url",
type = "string",
default = "",
description = "opencc-bridge URL (ws://host:4097/cc) through which the agent acts on this computer; empty: off"
},
{
key = "bridgeToken",
name = "opencc.bridge_token",
type = "string",
default = "",
description = "The bridge's shared secret (its --token)"
},
{
key = "tools",
name = "opencc.tools",
type = "string",
default = "read",
description = "What the agent may do here via the bridge: read, act (turtle, peripherals), lua; e.g. read,act"
}
}
____exports.CONVERSATION_SETTING = "opencc.conversation"
local defined = false
function ____exports.defineSettings()
if defined or settings == nil then
return
end
defined = true
for ____, s in ipairs(____exports.SETTINGS) do
settings.define(s.name, {description = s.description, type = s.type, default = s.default})
end
settings.define(____exports.CONVERSATION_SETTING, {description = "This computer's own opencode session, remembered by ai (ai --new starts another)", type = "string", default = ""})
end
local function badSetting(name, why, fix)
return fail("bad_setting", (((name .. " ") .. why) .. ": ") .. fix)
end
function ____exports.validate(key, value)
local def = __TS__ArrayFind(
____exports.SETTINGS,
function(____, s) return s.key == key end
)
if value == nil then
value = def.default
end
if type(value) ~= def.type then
badSetting(
def.name,
(("must be a " .. def.type) .. ", not ") .. tostring(value),
((("set " .. def.name) .. " <") .. def.type) .. ">"
)
end
if key == "url" then
local url = value
if (string.find(url, "^https?://[^/%s]+")) == nil then
badSetting(def.name, ("\"" .. url) .. "\" is not an http(s) URL", "set opencc.server_url http://host:4096")
end
elseif key == "model" then
local model = value
if model ~= "" and (string.find(model, "^[^/]+/.+$")) == nil then
badSetting(def.name, ("\"" .. model) .. "\" has no provider", "set opencc.model provider/model (e.g. anthropic/claude-sonnet-4)")
end
elseif key == "timeout" or key == "pollInterval" then
local n = value
if n <= 0 then
badSetting(
def.name,
"must be a positive number of seconds, not " .. tostring(n),
(("set " .. def.name) .. " ") .. tostring(def.default)
)
end
elseif key == "bridgeUrl" then
local url = value
if url ~= "" and (string.find(url, "^wss?://[^/%s]+")) == nil then
badSetting(def.name, ("\"" .. url) .. "\" is not a ws:// URL", "set opencc.bridge_url ws://host:4097/cc")
end
elseif key == "tools" then
for word in string.gmatch(value, "[^,%s]+") do
if word ~= "read" and word ~= "act" and word ~= "lua" then
badSetting(def.name, ("names \"" .. word) .. "\", which is not read, act or lua", "set opencc.tools read,act")
end
end
elseif key == "sessionId" then
local id = value
if id ~= "" and (string.find(id, "^ses_")) == nil then
badSetting(def.name, ("\"" .. id) .. "\" is not a session id (ses_...)", "ai --sessions lists them")
end
end
return value
end
function ____exports.readConfig(overrides)
____exports.defineSettings()
local cfg = {}
for ____, s in ipairs(____exports.SETTINGS) do
local given = overrides and overrides[s.key]
local ____temp_3
if given ~= nil then
____temp_3 = given
else
local ____temp_2
if settings ~= nil then
____temp_2 = settings.get(s.name)
else
____temp_2 = nil
end
____temp_3 = ____temp_2
end
local raw = ____temp_3
cfg[s.key] = ____exports.validate(s.key, raw)
end
local config = cfg
local ____temp_4 = {string.gsub(config.url, "/+$", "")}
config.url = ____temp_4[1]
return config
end
return ____exports
end,
["bridge"] = function(...) 
local ____lualib = require("lualib_bundle")
local __TS__ArrayIndexOf = ____lualib.__TS__ArrayIndexOf
local __TS__Class = ____lualib.__TS__Class
local __TS__New = ____lualib.__TS__New
local ____exports = {}
local parseTools, serveLoop, WELCOME_TIMEOUT, CONNECT_TIMEOUT, PERMANENT
local ____bridgetools = require("bridgetools")
local serveCall = ____bridgetools.serveCall
local peripheralList = ____bridgetools.peripheralList
local ____config = require("config")
local readConfig = ____config.readConfig
local ____errors = require("errors")
local aiError = ____errors.aiError
local fail = ____errors.fail
local ____http = require("http")
local openWebsocket = ____http.openWebsocket
local TERMINATED = ____http.TERMINATED
local ____json = require("json")
local decodeJSON = ____json.decodeJSON
local encodeJSON = ____json.encodeJSON
local ____screen = require("screen")
local recordScreen = ____screen.recordScreen
function parseTools(tools)
local out = {}
for word in string.gmatch(tools, "[^,%s]+") do
if (word == "read" or word == "act" or word == "lua") and __TS__ArrayIndexOf(out, word) < 0 then
out[#out + 1] = word
end
end
return out
end
function ____exports.connectBridge(opts)
if opts == nil then
opts = {}
end
local cfg = readConfig()
local url = opts.url or cfg.bridgeUrl
if url == "" then
fail("bad_setting", "opencc.bridge_url is not set: set opencc.bridge_url ws://host:4097/cc (the opencc-bridge's address)")
end
local allowed = parseTools(opts.tools or cfg.tools)
local ws = openWebsocket(url, CONNECT_TIMEOUT)
local conn = __TS__New(____exports.BridgeConnection, url, allowed, ws)
ws.send(encodeJSON({
type = "hello",
token = opts.token or cfg.bridgeToken,
id = conn.id,
label = conn.label,
kind = conn.kind,
colour = term.isColour(),
tools = allowed,
peripherals = peripheralList(),
version = "0.1.0"
}))
local timer = os.startTimer(WELCOME_TIMEOUT)
while true do
local event, eventUrl, a = os.pullEventRaw()
if event == "terminate" then
conn:close()
error(TERMINATED, 0)
end
if event == "timer" and eventUrl == timer then
conn:close()
fail(
"timeout",
((("The bridge at " .. url) .. " did not welcome this computer within ") .. tostring(WELCOME_TIMEOUT)) .. " s: is it opencc-bridge?"
)
end
if event == "websocket_message" and eventUrl == url then
local msg = decodeJSON(tostring(a))
if (msg and msg.type) == "welcome" then
os.cancelTimer(timer)
return conn
end
if (msg and msg.type) == "refused" then
os.cancelTimer(timer)
conn:close()
fail(
"auth",
"The bridge refused this computer: " .. tostring(msg.reason)
)
end
end
if event == "websocket_closed" and eventUrl == url then
os.cancelTimer(timer)
conn:close()
fail("unreachable", ("The bridge at " .. url) .. " closed the connection before welcoming this computer.")
end
end
end
function serveLoop(opts)
local delay = 1
while true do
local ok, result = pcall(function() return ____exports.connectBridge(opts) end)
local problem
if ok then
local conn = result
delay = 1
if opts.onStatus ~= nil then
opts.onStatus(((((("Serving the bridge at " .. conn.url) .. " as computer ") .. tostring(conn.id)) .. "; allows ") .. (#conn.allowed > 0 and table.concat(conn.allowed, ", ") or "nothing")) .. ". Ctrl+T stops.")
end
problem = conn:serve(opts.onCall)
else
if result == TERMINATED then
error(TERMINATED, 0)
end
local err = result
if type(result) ~= "table" or PERMANENT[tostring(err.kind)] or opts.reconnect == false then
return result
end
problem = tostring(err.message)
end
if opts.reconnect == false then
return aiError("unreachable", problem)
end
if opts.onStatus ~= nil then
opts.onStatus(((problem .. ": trying again in ") .. tostring(delay)) .. " s")
end
sleep(delay)
delay = math.min(delay * 2, 30)
end
end
local WAKE_EVENT = "opencc_bridge_call"
WELCOME_TIMEOUT = 10
CONNECT_TIMEOUT = 5
local MAX_MESSAGE = 120000
function ____exports.computerKind()
if turtle ~= nil then
return "turtle"
end
if _G.pocket ~= nil then
return "pocket"
end
return "computer"
end
____exports.BridgeConnection = __TS__Class()
local BridgeConnection = ____exports.BridgeConnection
BridgeConnection.name = "BridgeConnection"
function BridgeConnection.prototype.____constructor(self, url, allowed, ws)
self.url = url
self.allowed = allowed
self.ws = ws
self.id = os.getComputerID()
self.label = os.getComputerLabel()
self.kind = ____exports.computerKind()
self.closed = false
self.restoreScreen = recordScreen()
end
function BridgeConnection.prototype.note(self)
local who = (((("computer " .. tostring(self.id)) .. (self.label ~= nil and (" \"" .. tostring(self.label)) .. "\"" or "")) .. " (a ") .. self.kind) .. ")"
return ((("The user is typing on ComputerCraft " .. who) .. ". You can act on it through the opencc bridge's tools ") .. "(opencc_computers, opencc_turtle, opencc_peripherals, opencc_peripheral_call, opencc_screen, opencc_lua) ") .. ((("with \"computer\": " .. tostring(self.id)) .. ". Its owner allows: ") .. (#self.allowed > 0 and table.concat(self.allowed, ", ") or "nothing")) .. "."
end
function BridgeConnection.prototype.send(self, msg)
self:sendText(encodeJSON(msg))
end
function BridgeConnection.prototype.sendText(self, text)
if self.closed then
return
end
pcall(self.ws.send, text)
end
function BridgeConnection.prototype.sendResult(self, call, outcome)
local msg = {
type = "result",
call = call,
ok = outcome.ok,
result = outcome.result,
error = outcome.error
}
local text = encodeJSON(msg)
if #text <= MAX_MESSAGE then
return self:sendText(text)
end
self:send({
type = "result",
call = call,
ok = false,
error = ("the result (" .. tostring(#text)) .. " bytes) is too large for CC's websocket messages (128 KiB): ask for less at a time"
})
end
function BridgeConnection.prototype.close(self)
self.restoreScreen()
if self.closed then
return
end
self.closed = true
pcall(self.ws.close)
end
function BridgeConnection.prototype.serve(self, onCall)
local queue = {}
local ended = "the bridge closed the connection"
local function reader()
while true do
local event, url, a, b = os.pullEventRaw()
if event == "terminate" then
error(TERMINATED, 0)
end
if event == "websocket_message" and url == self.url then
local msg = decodeJSON(tostring(a))
if msg ~= nil and msg.type == "call" and type(msg.call) == "number" then
local ____msg_call_1 = msg.call
local ____tostring_result_2 = tostring(msg.tool)
local ____temp_3 = msg.args or ({})
local ____temp_0
if type(msg.limit) == "number" then
____temp_0 = msg.limit
else
____temp_0 = nil
end
queue[#queue + 1] = {call = ____msg_call_1, tool = ____tostring_result_2, args = ____temp_3, limit = ____temp_0}
os.queueEvent(WAKE_EVENT)
end
elseif event == "websocket_closed" and url == self.url then
self.closed = true
if a ~= nil then
ended = ("the bridge closed the connection (" .. tostring(a)) .. ")"
elseif b == nil then
ended = "the connection to the bridge was lost"
end
return
elseif event == "peripheral" or event == "peripheral_detach" then
self:send({
type = "peripherals",
peripherals = peripheralList()
})
end
end
end
local function worker()
while true do
do
local __continue28
repeat
local next = table.remove(queue, 1)
if next == nil then
local event = os.pullEventRaw(WAKE_EVENT)
if event == "terminate" then
error(TERMINATED, 0)
end
__continue28 = true
break
end
local outcome = serveCall(next, self.allowed, self.id)
self:sendResult(next.call, outcome)
if onCall ~= nil then
onCall(outcome.summary, outcome)
end
__continue28 = true
until true
if not __continue28 then
break
end
end
end
end
local ok, thrown = pcall(function() return parallel.waitForAny(reader, worker) end)
self:close()
if not ok then
error(thrown, 0)
end
return ended
end
PERMANENT = {
auth = true,
bad_setting = true,
bad_url = true,
http_disabled = true,
blocked = true
}
function ____exports.serveBridge(opts)
if opts == nil then
opts = {}
end
local restoreScreen = recordScreen()
local ok, result = pcall(function() return serveLoop(opts) end)
restoreScreen()
if not ok then
error(result, 0)
end
return result
end
return ____exports
end,
["ids"] = function(...) 
local ____exports = {}
local BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
local TWO_24 = 16777216
local TWO_48 = TWO_24 * TWO_24
local offsetMs = 0
local offsetPrecise = false
local lastMs = 0
local counter = 0
local function localNow()
return os.epoch("utc")
end
function ____exports.serverNow()
return localNow() + offsetMs
end
function ____exports.clockOffset()
return offsetMs
end
local clockKnown = false
function ____exports.serverClockKnown()
return clockKnown
end
function ____exports.observeServerTime(serverMs, sentAt, receivedAt)
offsetMs = serverMs - (sentAt + receivedAt) / 2
offsetPrecise = true
clockKnown = true
end
local MONTHS = {
Jan = 1,
Feb = 2,
Mar = 3,
Apr = 4,
May = 5,
Jun = 6,
Jul = 7,
Aug = 8,
Sep = 9,
Oct = 10,
Nov = 11,
Dec = 12
}
local function daysFromCivil(y, m, d)
if m <= 2 then
y = y - 1
end
local era = math.floor(y / 400)
local yoe = y - era * 400
local mp = (m + 9) % 12
local doy = math.floor((153 * mp + 2) / 5) + d - 1
local doe = yoe * 365 + math.floor(yoe / 4) - math.floor(yoe / 100) + doy
return era * 146097 + doe - 719468
end
function ____exports.parseHttpDate(date)
local d, mon, y, hh, mm, ss = string.match(date, "(%d+) (%a+) (%d+) (%d+):(%d+):(%d+)")
if d == nil then
return nil
end
local month = MONTHS[mon]
if month == nil then
return nil
end
local days = daysFromCivil(
tonumber(y),
month,
tonumber(d)
)
return ((days * 24 + tonumber(hh)) * 60 + tonumber(mm)) * 60000 + tonumber(ss) * 1000
end
local offsetLow = -math.huge
local offsetHigh = math.huge
function ____exports.observeDateHeader(date, sentAt, receivedAt)
if offsetPrecise or date == nil then
return
end
local ms = ____exports.parseHttpDate(date)
if ms == nil then
return
end
local low = math.max(offsetLow, ms - receivedAt)
local high = math.min(offsetHigh, ms + 1000 - sentAt)
if low > high then
offsetLow, offsetHigh = ms - receivedAt, ms + 1000 - sentAt
else
offsetLow, offsetHigh = low, high
end
offsetMs = offsetLow
clockKnown = true
end
local TWO_36 = 2 ^ 36
function ____exports.idTime(id)
local hex = string.match(id, "^%a+_(%x%x%x%x%x%x%x%x%x%x%x%x)")
if hex == nil then
return nil
end
local value = tonumber(
string.sub(hex, 1, 6),
16
) * TWO_24 + tonumber(
string.sub(hex, 7, 12),
16
)
return math.floor(value / 4096)
end
function ____exports.observeId(id)
local wrapped = ____exports.idTime(id)
if wrapped == nil then
return
end
local ref = math.max(
lastMs,
math.floor(____exports.serverNow())
)
local ms = ref - ref % TWO_36 + wrapped
if ms < ref - TWO_36 / 2 then
ms = ms + TWO_36
elseif ms > ref + TWO_36 / 2 then
ms = ms - TWO_36
end
if ms > lastMs then
lastMs = ms
counter = 4095
end
end
local function randomBase62(n)
local out = {}
do
local i = 0
while i < n do
local k = math.random(1, 62)
out[#out + 1] = string.sub(BASE62, k, k)
i = i + 1
end
end
return table.concat(out)
end
function ____exports.newId(prefix)
local ms = math.floor(____exports.serverNow())
if ms > lastMs then
lastMs = ms
counter = 0
else
ms = lastMs
end
counter = counter + 1
if counter >= 4096 then
lastMs = ms + 1
ms = lastMs
counter = 1
end
local value = (ms * 4096 + counter) % TWO_48
local hi = math.floor(value / TWO_24)
local lo = value % TWO_24
return ((prefix .. "_") .. string.format("%06x%06x", hi, lo)) .. randomBase62(14)
end
return ____exports
end,
["client"] = function(...) 
local ____lualib = require("lualib_bundle")
local __TS__Class = ____lualib.__TS__Class
local ____exports = {}
local ____errors = require("errors")
local fail = ____errors.fail
local ____http = require("http")
local send = ____http.send
local ____ids = require("ids")
local observeDateHeader = ____ids.observeDateHeader
local ____json = require("json")
local decodeJSON = ____json.decodeJSON
local encodeJSON = ____json.encodeJSON
local B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
function ____exports.base64(s)
local out = {}
do
local i = 1
while i <= #s do
local a, b, c = string.byte(s, i, i + 2)
local n = a * 65536 + (b or 0) * 256 + (c or 0)
local chars = {
math.floor(n / 262144),
math.floor(n / 4096) % 64,
math.floor(n / 64) % 64,
n % 64
}
do
local k = 0
while k < 4 do
local pad = k == 2 and b == nil or k == 3 and c == nil
out[#out + 1] = pad and "=" or string.sub(B64, chars[k + 1] + 1, chars[k + 1] + 1)
k = k + 1
end
end
i = i + 3
end
end
return table.concat(out)
end
local function urlEncode(s)
local out = string.gsub(
s,
"[^%w%-%._~/]",
function(ch) return string.format(
"%%%02X",
string.byte(ch)
) end
)
return out
end
local function serverMessage(body)
local decoded = decodeJSON(body)
if type(decoded) == "table" then
local ____decoded_name_2 = decoded.name
local ____opt_0 = decoded.data
return ____decoded_name_2, ____opt_0 and ____opt_0.message or decoded.message
end
local firstLine = string.match(body, "^%s*([^\r\n]+)")
return nil, firstLine ~= nil and string.sub(firstLine, 1, 200) or nil
end
____exports.Client = __TS__Class()
local Client = ____exports.Client
Client.name = "Client"
function Client.prototype.____constructor(self, options)
self.requests = 0
self.url = options.url
local ____temp_3
if options.directory ~= "" then
____temp_3 = options.directory
else
____temp_3 = nil
end
self.directory = ____temp_3
self.encoding = options.encoding or "latin1"
self.timeout = options.timeout
if options.password ~= nil and options.password ~= "" then
self.authHeader = "Basic " .. ____exports.base64(((options.username or "opencode") .. ":") .. options.password)
end
end
function Client.prototype.request(self, method, path, body, query, timeout)
local params = {}
if self.directory ~= nil then
params[#params + 1] = "directory=" .. urlEncode(self.directory)
end
if query ~= nil then
for k, v in pairs(query) do
params[#params + 1] = (tostring(k) .. "=") .. urlEncode(tostring(v))
end
end
local url = (self.url .. path) .. (#params > 0 and "?" .. table.concat(params, "&") or "")
local headers = {Accept = "application/json"}
if body ~= nil then
headers["Content-Type"] = "application/json"
end
if self.authHeader ~= nil then
headers.Authorization = self.authHeader
end
local sentAt = os.epoch("utc")
self.requests = self.requests + 1
local reply = send({
method = method,
url = url,
headers = headers,
body = body ~= nil and encodeJSON(body, self.encoding) or nil,
timeout = timeout or self.timeout
})
observeDateHeader(
reply.headers.Date or reply.headers.date,
sentAt,
os.epoch("utc")
)
if reply.status == 401 or reply.status == 403 then
fail(
"auth",
("The opencode server refused the credentials (" .. tostring(reply.status)) .. "): set opencc.password to the server's OPENCODE_SERVER_PASSWORD (and opencc.username if it is not \"opencode\").",
{status = reply.status}
)
end
if reply.status >= 400 then
local name, message = serverMessage(reply.body)
local what = message or "HTTP " .. tostring(reply.status)
if reply.status == 404 and name == "NotFoundError" then
fail("session_gone", what, {status = 404, name = name})
end
fail(
"server",
((((((("The opencode server answered " .. method) .. " ") .. path) .. " with ") .. tostring(reply.status)) .. ": ") .. (name ~= nil and name .. ": " or "")) .. what,
{status = reply.status, name = name}
)
end
if reply.body == "" or reply.status == 204 then
return nil
end
local decoded = decodeJSON(reply.body)
if decoded == nil then
local html = string.find(reply.body, "^%s*<")
fail("bad_response", html ~= nil and ((self.url .. " answered ") .. path) .. " with a web page, not JSON: is opencc.server_url an opencode server, and is it new enough for this endpoint?" or ((self.url .. " answered ") .. path) .. " with something that is not JSON.")
end
return decoded
end
function Client.prototype.sessionPath(self, id, rest)
if rest == nil then
rest = ""
end
return ("/session/" .. urlEncode(id)) .. rest
end
function Client.prototype.health(self)
return self:request("GET", "/global/health")
end
function Client.prototype.sessions(self)
local list = self:request("GET", "/session")
table.sort(
list,
function(a, b) return a.time.updated > b.time.updated end
)
return list
end
function Client.prototype.session(self, id)
return self:request(
"GET",
self:sessionPath(id)
)
end
function Client.prototype.createSession(self, title, parentID)
return self:request("POST", "/session", {title = title, parentID = parentID})
end
function Client.prototype.deleteSession(self, id)
return self:request(
"DELETE",
self:sessionPath(id)
)
end
function Client.prototype.abort(self, id, timeout)
return self:request(
"POST",
self:sessionPath(id, "/abort"),
nil,
nil,
timeout
)
end
function Client.prototype.messages(self, id, limit)
return self:request(
"GET",
self:sessionPath(id, "/message"),
nil,
limit ~= nil and ({limit = limit}) or nil
)
end
function Client.prototype.message(self, id, messageID)
return self:request(
"GET",
self:sessionPath(
id,
"/message/" .. urlEncode(messageID)
)
)
end
function Client.prototype.prompt(self, id, body, timeout)
return self:request(
"POST",
self:sessionPath(id, "/message"),
body,
nil,
timeout
)
end
function Client.prototype.promptAsync(self, id, body)
self:request(
"POST",
self:sessionPath(id, "/prompt_async"),
body
)
end
function Client.prototype.status(self)
return self:request("GET", "/session/status")
end
function Client.prototype.agents(self)
return self:request("GET", "/agent")
end
function Client.prototype.providers(self)
return self:request("GET", "/config/providers")
end
function Client.prototype.permissions(self)
return self:request("GET", "/permission")
end
function Client.prototype.replyPermission(self, requestID, reply, message)
return self:request(
"POST",
("/permission/" .. urlEncode(requestID)) .. "/reply",
{reply = reply, message = message}
)
end
function Client.prototype.questions(self)
return self:request("GET", "/question")
end
function Client.prototype.replyQuestion(self, requestID, answers)
return self:request(
"POST",
("/question/" .. urlEncode(requestID)) .. "/reply",
{answers = answers}
)
end
function Client.prototype.rejectQuestion(self, requestID)
return self:request(
"POST",
("/question/" .. urlEncode(requestID)) .. "/reject"
)
end
function Client.prototype.appendPrompt(self, text)
return self:request("POST", "/tui/append-prompt", {text = text})
end
function Client.prototype.submitPrompt(self)
return self:request("POST", "/tui/submit-prompt")
end
function Client.prototype.clearPrompt(self)
return self:request("POST", "/tui/clear-prompt")
end
function Client.prototype.openHelp(self)
return self:request("POST", "/tui/open-help")
end
function Client.prototype.openSessions(self)
return self:request("POST", "/tui/open-sessions")
end
function Client.prototype.openThemes(self)
return self:request("POST", "/tui/open-themes")
end
function Client.prototype.openModels(self)
return self:request("POST", "/tui/open-models")
end
function Client.prototype.executeCommand(self, command)
return self:request("POST", "/tui/execute-command", {command = command})
end
function Client.prototype.showToast(self, message, options)
return self:request("POST", "/tui/show-toast", {message = message, title = options and options.title, duration = options and options.duration, variant = options and options.variant or "info"})
end
function Client.prototype.controlNext(self, timeout)
return self:request(
"GET",
"/tui/control/next",
nil,
nil,
timeout
)
end
function Client.prototype.controlResponse(self, body)
return self:request("POST", "/tui/control/response", body)
end
return ____exports
end,
["catalog"] = function(...) 
local ____exports = {}
local ____errors = require("errors")
local fail = ____errors.fail
local TTL_MS = 60000
local agentCache = {}
local providerCache = {}
local function cacheKey(client)
return (client.url .. "|") .. (client.directory or "")
end
local function cached(cache, client, load)
local key = cacheKey(client)
local hit = cache[key]
local now = os.epoch("utc")
if hit ~= nil and now - hit.at < TTL_MS then
return hit.value
end
local value = load()
cache[key] = {at = now, value = value}
return value
end
function ____exports.listAgents(client)
return cached(
agentCache,
client,
function() return client:agents() end
)
end
function ____exports.listProviders(client)
return cached(
providerCache,
client,
function() return client:providers() end
)
end
function ____exports.agentNames(client)
local names = {}
for ____, a in ipairs(____exports.listAgents(client)) do
if a.mode ~= "subagent" and a.hidden ~= true then
names[#names + 1] = a.name
end
end
table.sort(names)
return names
end
function ____exports.modelNames(client)
local names = {}
for ____, p in ipairs(____exports.listProviders(client).providers) do
for id in pairs(p.models) do
names[#names + 1] = (p.id .. "/") .. tostring(id)
end
end
table.sort(names)
return names
end
function ____exports.checkAgent(client, name)
for ____, a in ipairs(____exports.listAgents(client)) do
if a.name == name then
return
end
end
fail(
"unknown_agent",
(("Agent not found: \"" .. name) .. "\". Available agents: ") .. table.concat(
____exports.agentNames(client),
", "
)
)
end
function ____exports.checkModel(client, model)
local providerID, modelID = string.match(model, "^([^/]+)/(.+)$")
if providerID == nil or modelID == nil then
return fail("unknown_model", ("\"" .. model) .. "\" is not provider/model.")
end
local providers = ____exports.listProviders(client).providers
local ids = {}
for ____, p in ipairs(providers) do
ids[#ids + 1] = p.id
if p.id == providerID then
if p.models[modelID] ~= nil then
return {providerID = providerID, modelID = modelID}
end
local models = {}
for id in pairs(p.models) do
models[#models + 1] = id
end
table.sort(models)
return fail(
"unknown_model",
(((("Model not found: " .. model) .. ". Models of ") .. providerID) .. ": ") .. table.concat(models, ", ")
)
end
end
return fail(
"unknown_model",
(("Provider not found: " .. providerID) .. ". Available providers: ") .. table.concat(ids, ", ")
)
end
return ____exports
end,
["text"] = function(...) 
local ____exports = {}
local NEAREST = {
[8216] = "'",
[8217] = "'",
[8218] = ",",
[8219] = "'",
[8242] = "'",
[8220] = "\"",
[8221] = "\"",
[8222] = "\"",
[8223] = "\"",
[8243] = "\"",
[171] = string.char(171),
[187] = string.char(187),
[8208] = "-",
[8209] = "-",
[8210] = "-",
[8211] = "-",
[8212] = "-",
[8213] = "-",
[8722] = "-",
[8230] = "...",
[8226] = "",
[9679] = "",
[8729] = "",
[9702] = "o",
[9642] = "",
[8594] = "",
[8592] = "",
[8593] = "",
[8595] = "",
[8658] = "=>",
[8596] = "<->",
[9654] = "",
[9658] = "",
[9664] = "",
[9668] = "",
[9650] = "",
[9660] = "",
[9472] = "-",
[9473] = "-",
[9474] = "|",
[9475] = "|",
[9484] = "+",
[9488] = "+",
[9492] = "+",
[9496] = "+",
[9500] = "+",
[9508] = "+",
[9516] = "+",
[9524] = "+",
[9532] = "+",
[9552] = "=",
[9553] = "|",
[9556] = "+",
[9559] = "+",
[9562] = "+",
[9565] = "+",
[10003] = "v",
[10004] = "v",
[10007] = "x",
[10008] = "x",
[9733] = "*",
[9734] = "*",
[8804] = "<=",
[8805] = ">=",
[8800] = "!=",
[8776] = "~",
[160] = " ",
[8194] = " ",
[8195] = " ",
[8201] = " ",
[8203] = "",
[65279] = "",
[8482] = "TM",
[8364] = "EUR",
[9834] = "\r",
[9835] = "",
[9786] = "",
[9829] = "",
[9830] = "",
[9827] = "",
[9824] = "",
[183] = string.char(183)
}
local HIGH_BYTE = ((("[" .. string.char(128)) .. "-") .. string.char(255)) .. "]"
local function decodeAt(s, i)
local c = string.byte(s, i)
if c < 128 then
return c, 1
end
local len
local cp
if c >= 194 and c <= 223 then
len, cp = 2, c - 192
elseif c >= 224 and c <= 239 then
len, cp = 3, c - 224
elseif c >= 240 and c <= 244 then
len, cp = 4, c - 240
else
return -1, 1
end
do
local k = 1
while k < len do
local cc = string.byte(s, i + k)
if cc == nil or cc < 128 or cc > 191 then
return -1, 1
end
cp = cp * 64 + (cc - 128)
k = k + 1
end
end
return cp, len
end
function ____exports.toCC(s)
if (string.find(s, HIGH_BYTE)) == nil then
return s
end
local out = {}
local i = 1
local n = #s
while i <= n do
local cp, len = decodeAt(s, i)
if cp < 0 then
out[#out + 1] = "?"
elseif cp < 128 then
out[#out + 1] = string.char(cp)
else
local near = NEAREST[cp]
if near ~= nil then
out[#out + 1] = near
elseif cp >= 160 and cp <= 255 then
out[#out + 1] = string.char(cp)
elseif cp >= 127995 and cp <= 127999 then
out[#out + 1] = ""
elseif cp == 65039 or cp == 8205 then
out[#out + 1] = ""
else
out[#out + 1] = "?"
end
end
i = i + len
end
return table.concat(out)
end
function ____exports.fromCC(s)
local out = string.gsub(
s,
HIGH_BYTE,
function(ch)
local c = string.byte(ch)
return string.char(
192 + math.floor(c / 64),
128 + c % 64
)
end
)
return out
end
return ____exports
end,
["reply"] = function(...) 
local ____lualib = require("lualib_bundle")
local __TS__Class = ____lualib.__TS__Class
local __TS__ObjectAssign = ____lualib.__TS__ObjectAssign
local ____exports = {}
local ____errors = require("errors")
local fail = ____errors.fail
local ____http = require("http")
local TERMINATED = ____http.TERMINATED
local ____ids = require("ids")
local observeId = ____ids.observeId
local ____text = require("text")
local toCC = ____text.toCC
local FIRST_LIMIT = 10
local ERROR_HINTS = {MessageAbortedError = " (the reply was stopped on the server)", ProviderAuthError = " (the server's model provider refused its credentials: fix its API key on the server)", MessageOutputLengthError = " (the reply reached the model's output limit: ask for less at once)", ContextOverflowError = " (the conversation is too long for the model: start a new one)"}
function ____exports.pause(seconds)
local timer = os.startTimer(seconds)
while true do
local event, id = os.pullEventRaw()
if event == "terminate" then
os.cancelTimer(timer)
error(TERMINATED, 0)
end
if event == "timer" and id == timer then
return
end
end
end
local function describePermission(req)
return req.permission .. (#req.patterns > 0 and " " .. table.concat(req.patterns, " ") or "")
end
local function textOf(answers, raw)
local pieces = {}
for ____, m in ipairs(answers) do
for ____, p in ipairs(m.parts) do
if p.type == "text" and p.synthetic ~= true and p.text ~= nil and p.text ~= "" then
pieces[#pieces + 1] = p.text
end
end
end
local text = table.concat(pieces, "\n\n")
return raw and text or toCC(text)
end
local function toolOf(p, raw)
local state = p.state
local title = state.title ~= nil and (raw and state.title or toCC(state.title)) or nil
return {
tool = p.tool or "tool",
status = state.status,
title = title,
input = state.input,
error = state.error
}
end
____exports.ReplyWaiter = __TS__Class()
local ReplyWaiter = ____exports.ReplyWaiter
ReplyWaiter.name = "ReplyWaiter"
function ReplyWaiter.prototype.____constructor(self, client, opts)
self.client = client
self.opts = opts
self.answers = {}
self.text = ""
self.toolStatus = {}
self.tools = {}
self.rejected = {}
self.handled = {}
self.ordered = {}
self.limit = FIRST_LIMIT
self.sawUserMessage = false
self.idleChecks = 0
self.lastRequestCheck = 0
self.lastStatusCheck = 0
self.lastProgress = os.epoch("utc")
end
function ReplyWaiter.prototype.wait(self)
if not self.opts.answered then
____exports.pause(self.opts.pollInterval)
end
while true do
local done = self:poll()
if done ~= nil then
return done
end
if os.epoch("utc") > self.opts.deadline then
fail("timeout", "timeout")
end
if os.epoch("utc") - self.lastProgress > self.opts.pollInterval * 1000 * 1.5 then
local stopped = self:checkStall()
if stopped ~= nil then
return stopped
end
end
____exports.pause(self.opts.pollInterval)
end
end
function ReplyWaiter.prototype.poll(self)
local o = self.opts
local list = self.client:messages(o.sessionID, self.limit)
local oldestAfterU = #list > 0
for ____, m in ipairs(list) do
observeId(m.info.id)
if m.info.id == o.messageID then
self.sawUserMessage = true
end
if m.info.id <= o.messageID then
oldestAfterU = false
end
if m.info.role == "assistant" and m.info.parentID == o.messageID then
self.answers[m.info.id] = m
end
end
local ordered = {}
for ____, m in pairs(self.answers) do
ordered[#ordered + 1] = m
end
table.sort(
ordered,
function(a, b) return a.info.id < b.info.id end
)
self.ordered = ordered
if #ordered == 0 and oldestAfterU and #list >= self.limit then
self.limit = self.limit * 2
end
self:report(ordered)
local last = ordered[#ordered]
if last == nil then
return nil
end
local err = last.info.error
if err ~= nil then
local ____opt_0 = err.data
local message = ____opt_0 and ____opt_0.message
local said = message ~= nil and message ~= "" and ": " .. (o.raw and message or toCC(message)) or ""
fail("assistant", (err.name .. said) .. (ERROR_HINTS[err.name] or ""), {name = err.name})
end
if last.info.time.completed ~= nil and last.info.finish ~= "tool-calls" then
return self:complete()
end
return nil
end
function ReplyWaiter.prototype.complete(self)
local ordered = self.ordered
local last = ordered[#ordered]
return {
text = self.text,
sessionID = self.opts.sessionID,
messageID = self.opts.messageID,
messages = ordered,
tools = self.tools,
rejected = self.rejected,
agent = last.info.agent,
model = last.info.providerID ~= nil and (last.info.providerID .. "/") .. tostring(last.info.modelID) or nil
}
end
function ReplyWaiter.prototype.report(self, ordered)
local o = self.opts
for ____, m in ipairs(ordered) do
for ____, p in ipairs(m.parts) do
if p.type == "tool" and p.state ~= nil then
local before = self.toolStatus[p.id]
local now = p.state.status
local started = now == "running" and before == nil
local ended = (now == "completed" or now == "error") and before ~= now
if before ~= now then
self.toolStatus[p.id] = now
self.lastProgress = os.epoch("utc")
self.idleChecks = 0
end
if ended then
local ____self_tools_2 = self.tools
____self_tools_2[#____self_tools_2 + 1] = toolOf(p, o.raw == true)
end
if (started or ended) and o.onTool ~= nil then
if ended and before == nil then
o.onTool(__TS__ObjectAssign(
{},
toolOf(p, o.raw == true),
{status = "running"}
))
end
o.onTool(toolOf(p, o.raw == true))
end
end
end
end
local text = textOf(ordered, o.raw == true)
if text ~= self.text then
local grew = string.sub(text, 1, #self.text) == self.text
local delta = grew and string.sub(text, #self.text + 1) or text
self.text = text
self.lastProgress = os.epoch("utc")
self.idleChecks = 0
if o.onText ~= nil then
o.onText(delta, text)
end
end
end
function ReplyWaiter.prototype.checkStall(self)
local now = os.epoch("utc")
local o = self.opts
if now - self.lastRequestCheck >= 1000 then
self.lastRequestCheck = now
for ____, req in ipairs(self.client:permissions()) do
if req.sessionID == o.sessionID and not self.handled[req.id] then
self:answerPermission(req)
end
end
for ____, q in ipairs(self.client:questions()) do
if q.sessionID == o.sessionID and not self.handled[q.id] then
self:answerQuestion(q)
end
end
end
if now - self.lastStatusCheck >= 2000 then
self.lastStatusCheck = now
local status = self.client:status()[o.sessionID]
if status == nil or status.type == "idle" then
self.idleChecks = self.idleChecks + 1
if self.idleChecks >= 2 then
local last = self.ordered[#self.ordered]
if last ~= nil and last.info.time.completed ~= nil then
return self:complete()
end
if not self.sawUserMessage then
fail("idle", "The server dropped the prompt without answering (its log says why: often an unknown agent). Try again, or run ai --doctor.")
end
fail("idle", "The session went idle without answering: the model may be unknown or failing on the server. Try another model, or run ai --doctor.")
end
else
self.idleChecks = 0
if status.type == "retry" and o.onStatus ~= nil then
o.onStatus((("retrying (attempt " .. tostring(status.attempt)) .. "): ") .. (o.raw and status.message or toCC(status.message)))
end
end
end
return nil
end
function ReplyWaiter.prototype.answerPermission(self, req)
self.handled[req.id] = true
local reply = "reject"
if self.opts.onPermission ~= nil then
local answer = self.opts.onPermission(req)
reply = answer == true and "once" or ((answer == false or answer == nil) and "reject" or answer)
else
local ____self_rejected_3 = self.rejected
____self_rejected_3[#____self_rejected_3 + 1] = ("permission " .. describePermission(req)) .. " (no onPermission handler)"
end
self.client:replyPermission(req.id, reply)
self.lastProgress = os.epoch("utc")
end
function ReplyWaiter.prototype.answerQuestion(self, q)
self.handled[q.id] = true
local ____temp_4
if self.opts.onQuestion ~= nil then
____temp_4 = self.opts.onQuestion(q)
else
____temp_4 = nil
end
local answers = ____temp_4
if answers ~= nil then
self.client:replyQuestion(q.id, answers)
else
if self.opts.onQuestion == nil then
local ____self_rejected_7 = self.rejected
local ____opt_5 = q.questions[1]
____self_rejected_7[#____self_rejected_7 + 1] = ("question \"" .. (____opt_5 and ____opt_5.question or "?")) .. "\" (no onQuestion handler)"
end
self.client:rejectQuestion(q.id)
end
self.lastProgress = os.epoch("utc")
end
return ____exports
end,
["session"] = function(...) 
local ____exports = {}
local ____config = require("config")
local CONVERSATION_SETTING = ____config.CONVERSATION_SETTING
local ____ids = require("ids")
local observeServerTime = ____ids.observeServerTime
function ____exports.computerTitle()
local label = os.getComputerLabel()
return ("CC computer #" .. tostring(os.getComputerID())) .. (label ~= nil and (" (" .. tostring(label)) .. ")" or "")
end
function ____exports.rememberConversation(id)
if settings == nil then
return
end
if id == nil then
settings.unset(CONVERSATION_SETTING)
else
settings.set(CONVERSATION_SETTING, id)
end
settings.save()
end
function ____exports.createSession(client, title, parentID)
local sentAt = os.epoch("utc")
local s = client:createSession(title, parentID)
observeServerTime(
s.time.created,
sentAt,
os.epoch("utc")
)
return s
end
function ____exports.computerSession(client, fresh)
if not fresh then
local ____temp_0
if settings ~= nil then
____temp_0 = settings.get(CONVERSATION_SETTING)
else
____temp_0 = nil
end
local remembered = ____temp_0
if remembered ~= nil and remembered ~= "" then
return remembered
end
local prefix = "CC computer #" .. tostring(os.getComputerID())
for ____, s in ipairs(client:sessions()) do
local rest = string.sub(s.title, #prefix + 1)
if string.sub(s.title, 1, #prefix) == prefix and (rest == "" or string.sub(rest, 1, 1) == " ") and s.parentID == nil then
____exports.rememberConversation(s.id)
return s.id
end
end
end
local id = ____exports.createSession(
client,
____exports.computerTitle()
).id
____exports.rememberConversation(id)
return id
end
function ____exports.chooseSession(client, option, pinned, fresh)
if option ~= nil and option ~= "" then
return {id = option, source = "option"}
end
if pinned ~= "" and not fresh then
return {id = pinned, source = "setting"}
end
return {
id = ____exports.computerSession(client, fresh),
source = "computer"
}
end
return ____exports
end,
["prompt"] = function(...) 
local ____lualib = require("lualib_bundle")
local __TS__New = ____lualib.__TS__New
local __TS__ObjectAssign = ____lualib.__TS__ObjectAssign
local ____exports = {}
local ____client = require("client")
local Client = ____client.Client
local ____config = require("config")
local readConfig = ____config.readConfig
local ____errors = require("errors")
local fail = ____errors.fail
local toAiError = ____errors.toAiError
local ____http = require("http")
local TERMINATED = ____http.TERMINATED
local ____ids = require("ids")
local newId = ____ids.newId
local serverClockKnown = ____ids.serverClockKnown
local ____catalog = require("catalog")
local checkAgent = ____catalog.checkAgent
local checkModel = ____catalog.checkModel
local ____reply = require("reply")
local ReplyWaiter = ____reply.ReplyWaiter
local ____session = require("session")
local chooseSession = ____session.chooseSession
local computerSession = ____session.computerSession
local BLOCKING_TIMEOUT = 58
local ABORT_TIMEOUT = 5
function ____exports.clientFromConfig(cfg, utf8)
return __TS__New(Client, {
url = cfg.url,
username = cfg.username,
password = cfg.password,
directory = cfg.directory,
encoding = utf8 and "utf8" or "latin1"
})
end
local function sessionGoneLine(chosen)
if chosen.source == "setting" then
return ("Session " .. chosen.id) .. " in opencc.session_id no longer exists on the server: pick another (ai --sessions) and set opencc.session_id to it, or set it to \"\" to use this computer's own conversation."
end
return ("Session " .. chosen.id) .. " not found on the server (deleted, or the server's data was wiped)."
end
local function sendPrompt(client, chosen, body, sync)
local function attempt(id)
if sync == nil then
return client:promptAsync(id, body)
end
local ok, err = pcall(function() return client:prompt(id, body, sync) end)
if not ok and (err == TERMINATED or toAiError(err).kind ~= "timeout") then
error(err, 0)
end
end
local ok, err = pcall(attempt, chosen.id)
if ok then
return chosen
end
if err == TERMINATED then
error(err, 0)
end
local e = toAiError(err)
if e.kind ~= "session_gone" then
error(e, 0)
end
if chosen.source ~= "computer" then
fail(
"session_gone",
sessionGoneLine(chosen),
{status = 404}
)
end
local fresh = {
id = computerSession(client, true),
source = "computer"
}
attempt(fresh.id)
return fresh
end
function ____exports.runPrompt(prompt, opts)
local cfg = readConfig()
local client = opts.client or ____exports.clientFromConfig(cfg, opts.utf8)
local timeout = opts.timeout or cfg.timeout
local deadline = os.epoch("utc") + timeout * 1000
local agent = opts.agent or (cfg.agent ~= "" and cfg.agent or nil)
local modelName = opts.model or (cfg.model ~= "" and cfg.model or nil)
if agent ~= nil then
checkAgent(client, agent)
end
local model
if modelName ~= nil then
model = checkModel(client, modelName)
end
local variant = opts.variant or (cfg.variant ~= "" and cfg.variant or nil)
local chosen = chooseSession(client, opts.session, cfg.sessionId, opts.newSession == true)
if not serverClockKnown() then
client:health()
end
local body = {
messageID = opts.existingMessage or newId("msg"),
parts = {{type = "text", text = prompt}},
agent = agent,
model = model,
variant = variant,
system = opts.system
}
local started = false
local ok, result = pcall(function()
started = true
local sync = opts.sync == true and math.min(opts.syncTimeout or BLOCKING_TIMEOUT, 60) or nil
if opts.existingMessage == nil then
chosen = sendPrompt(client, chosen, body, sync)
end
local waiter = __TS__New(
ReplyWaiter,
client,
__TS__ObjectAssign({}, opts, {
sessionID = chosen.id,
messageID = body.messageID,
deadline = deadline,
pollInterval = cfg.pollInterval,
raw = opts.raw,
answered = sync ~= nil or opts.existingMessage ~= nil
})
)
return waiter:wait()
end)
if ok then
return result
end
local err = result == TERMINATED and TERMINATED or toAiError(result)
if started and (err == TERMINATED or err.kind == "timeout") then
pcall(function() return client:abort(chosen.id, ABORT_TIMEOUT) end)
end
if err == TERMINATED then
error(TERMINATED, 0)
end
local e = err
if e.kind == "timeout" and e.message == "timeout" then
fail(
"timeout",
("No complete reply within " .. tostring(timeout)) .. " s (opencc.timeout), so the generation was stopped on the server. Raise opencc.timeout for long tasks."
)
end
if e.kind == "session_gone" and (string.find(e.message, "^Session ")) == nil then
fail(
"session_gone",
sessionGoneLine(chosen),
{status = 404}
)
end
error(e, 0)
end
return ____exports
end,
["jobs"] = function(...) 
local ____lualib = require("lualib_bundle")
local __TS__Unpack = ____lualib.__TS__Unpack
local __TS__ArrayIndexOf = ____lualib.__TS__ArrayIndexOf
local __TS__ArraySplice = ____lualib.__TS__ArraySplice
local ____exports = {}
local ____errors = require("errors")
local toAiError = ____errors.toAiError
local ____http = require("http")
local TERMINATED = ____http.TERMINATED
local ____prompt = require("prompt")
local runPrompt = ____prompt.runPrompt
____exports.DONE_EVENT = "ai_done"
local nextJobId = 1
local running = {}
local function finish(r, ok, value)
local job = r.job
if ok then
local reply = value
job.status = "done"
job.reply = reply
job.text = reply.text
else
local err = value == TERMINATED and toAiError("Terminated") or toAiError(value)
job.status = "failed"
job.err = err
job.error = err.message
end
os.queueEvent(____exports.DONE_EVENT, job.id, ok)
end
local function resume(r, args)
local ok, value = coroutine.resume(
r.co,
__TS__Unpack(args)
)
if coroutine.status(r.co) == "dead" then
local i = __TS__ArrayIndexOf(running, r)
if i >= 0 then
__TS__ArraySplice(running, i, 1)
end
finish(r, ok, value)
else
r.filter = value
end
end
function ____exports.submit(prompt, opts)
if opts == nil then
opts = {}
end
local ____nextJobId_0 = nextJobId
nextJobId = ____nextJobId_0 + 1
local job = {id = ____nextJobId_0, status = "running", prompt = prompt}
local r = {
job = job,
co = coroutine.create(function() return runPrompt(prompt, opts) end)
}
running[#running + 1] = r
resume(r, {})
return job
end
function ____exports.handle(...)
local event = {...}
local name = event[1]
for ____, r in ipairs({__TS__Unpack(running)}) do
if r.filter == nil or r.filter == name or name == "terminate" then
resume(r, event)
end
end
end
local function pump(____until)
local terminated = false
while not ____until() and not (terminated and #running == 0) do
do
local __continue16
repeat
local event = {os.pullEventRaw()}
if event[1] == "terminate" then
if terminated then
__continue16 = true
break
end
terminated = true
end
____exports.handle(__TS__Unpack(event))
__continue16 = true
until true
if not __continue16 then
break
end
end
end
if terminated then
error("Terminated", 0)
end
end
function ____exports.wait(job)
pump(function() return job.status ~= "running" end)
if job.status == "done" then
return job.text, job.reply
end
return nil, job.error, job.err
end
function ____exports.run()
pump(function() return false end)
end
return ____exports
end,
["index"] = function(...) 
local ____lualib = require("lualib_bundle")
local __TS__ObjectAssign = ____lualib.__TS__ObjectAssign
local __TS__New = ____lualib.__TS__New
local __TS__ArrayMap = ____lualib.__TS__ArrayMap
local ____exports = {}
local ____client = require("client")
local Client = ____client.Client
local ____config = require("config")
local defineSettings = ____config.defineSettings
local readConfig = ____config.readConfig
local SETTINGS = ____config.SETTINGS
local ____errors = require("errors")
local toAiError = ____errors.toAiError
local ____http = require("http")
local checkAllowed = ____http.checkAllowed
local TERMINATED = ____http.TERMINATED
local ____ids = require("ids")
local newId = ____ids.newId
local ____catalog = require("catalog")
local agentNames = ____catalog.agentNames
local modelNames = ____catalog.modelNames
local ____prompt = require("prompt")
local clientFromConfig = ____prompt.clientFromConfig
local runPrompt = ____prompt.runPrompt
local ____session = require("session")
local computerSession = ____session.computerSession
local rememberConversation = ____session.rememberConversation
local ____text = require("text")
local fromCC = ____text.fromCC
local toCC = ____text.toCC
local ____jobs = require("jobs")
local DONE_EVENT = ____jobs.DONE_EVENT
local handle = ____jobs.handle
local run = ____jobs.run
local submit = ____jobs.submit
local wait = ____jobs.wait
local ____bridge = require("bridge")
local connectBridge = ____bridge.connectBridge
local serveBridge = ____bridge.serveBridge
function ____exports.protect(fn)
local ok, result = pcall(fn)
if ok then
return result
end
if result == TERMINATED or result == "Terminated" then
error("Terminated", 0)
end
local err = toAiError(result)
return nil, err.message, err
end
____exports.version = "0.1.0"
defineSettings()
function ____exports.ask(prompt, opts)
if opts == nil then
opts = {}
end
local ok, result = pcall(runPrompt, prompt, opts)
if ok then
return result.text, result
end
if result == TERMINATED then
error("Terminated", 0)
end
local err = toAiError(result)
return nil, err.message, err
end
____exports.submit = submit
____exports.wait = wait
____exports.run = run
____exports.handle = handle
____exports.doneEvent = DONE_EVENT
function ____exports.waitFor(sessionID, messageID, opts)
if opts == nil then
opts = {}
end
return ____exports.ask(
"",
__TS__ObjectAssign({}, opts, {session = sessionID, existingMessage = messageID})
)
end
function ____exports.client(options)
local ____readConfig_1 = readConfig
local ____temp_0
if options == nil then
____temp_0 = nil
else
____temp_0 = {url = options.url, username = options.username, password = options.password, directory = options.directory}
end
local cfg = ____readConfig_1(____temp_0)
if options == nil then
return clientFromConfig(cfg)
end
return __TS__New(Client, {
url = cfg.url,
username = cfg.username,
password = cfg.password,
directory = cfg.directory,
encoding = options.encoding,
timeout = options.timeout
})
end
function ____exports.config()
return readConfig()
end
function ____exports.checkUrl(url)
return ____exports.protect(function()
checkAllowed(url or readConfig().url)
return true
end)
end
____exports.settingNames = __TS__ArrayMap(
SETTINGS,
function(____, s) return s.name end
)
____exports.toCC = toCC
____exports.fromCC = fromCC
____exports.newId = newId
____exports.agents = agentNames
____exports.models = modelNames
function ____exports.conversation(c, fresh)
return computerSession(c, fresh == true)
end
function ____exports.forgetConversation()
rememberConversation(nil)
end
function ____exports.bridge(opts)
return ____exports.protect(function() return connectBridge(opts) end)
end
function ____exports.serve(opts)
local err = toAiError(serveBridge(opts))
return nil, err.message, err
end
return ____exports
end,
}
local ____entry = require("index", ...)
return ____entry
