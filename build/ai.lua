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
return {
__TS__Class = __TS__Class,
__TS__New = __TS__New,
__TS__ObjectAssign = __TS__ObjectAssign
}
end,
["args"] = function(...) 
local ____exports = {}
local VALUE_FLAGS = {
["-s"] = "session",
["--session"] = "session",
["-a"] = "agent",
["--agent"] = "agent",
["-m"] = "model",
["--model"] = "model",
["--variant"] = "variant",
["--delete"] = "delete",
["--toast"] = "toast",
["--append"] = "append",
["--command"] = "command"
}
local SWITCHES = {
["-n"] = "new",
["--new"] = "new",
["--sync"] = "sync",
["--raw"] = "raw",
["--sessions"] = "sessions",
["--abort"] = "abort",
["--doctor"] = "doctor",
["--submit"] = "submit",
["--clear"] = "clear",
["--serve"] = "serve",
["-h"] = "help",
["--help"] = "help",
["-?"] = "help",
["-v"] = "version",
["--version"] = "version"
}
local ACTIONS = {
delete = "delete",
toast = "toast",
append = "append",
command = "command",
sessions = "sessions",
abort = "abort",
doctor = "doctor",
submit = "submit",
clear = "clear",
help = "help",
version = "version",
serve = "serve"
}
local TEXT_ACTIONS = {toast = true, append = true, command = true}
local function isFlag(word)
return string.sub(word, 1, 1) == "-" and #word > 1 and (string.find(word, "^%-%d")) == nil
end
function ____exports.parseArgs(args)
local o = {
action = "chat",
text = "",
newSession = false,
sync = false,
raw = false
}
local words = {}
local action
local actionValue
local function setAction(a, value)
if action ~= nil and action ~= a then
o.error = o.error or "Only one of --sessions, --delete, --abort, --doctor, --serve, --toast, --append, --submit, --clear, --command at a time"
end
action = a
actionValue = value
end
local i = 0
local flagsDone = false
while i < #args do
do
local __continue6
repeat
local word = args[i + 1]
i = i + 1
if flagsDone or not isFlag(word) then
words[#words + 1] = word
__continue6 = true
break
end
if word == "--" then
flagsDone = true
__continue6 = true
break
end
local inline
local name, rest = string.match(word, "^(%-%-[^=]+)=(.*)$")
if name ~= nil then
word = name
inline = rest
end
local key = VALUE_FLAGS[word]
if key ~= nil then
local value = inline
if value == nil then
if i >= #args then
o.error = o.error or word .. " needs a value"
__continue6 = true
break
end
value = args[i + 1]
i = i + 1
end
if key == "session" then
o.session = value
elseif key == "agent" then
o.agent = value
elseif key == "model" then
o.model = value
elseif key == "variant" then
o.variant = value
else
setAction(ACTIONS[key], value)
end
__continue6 = true
break
end
local sw = SWITCHES[word]
if sw == nil or inline ~= nil then
o.error = o.error or "Unknown option " .. word
__continue6 = true
break
end
if sw == "new" then
o.newSession = true
elseif sw == "sync" then
o.sync = true
elseif sw == "raw" then
o.raw = true
else
setAction(ACTIONS[sw])
end
__continue6 = true
until true
if not __continue6 then
break
end
end
end
if action == nil then
o.action = #words > 0 and "ask" or "chat"
o.text = table.concat(words, " ")
else
o.action = action
if TEXT_ACTIONS[action] then
local all = {}
if actionValue ~= nil then
all[#all + 1] = actionValue
end
for ____, w in ipairs(words) do
all[#all + 1] = w
end
o.text = table.concat(all, " ")
else
o.text = actionValue or ""
if #words > 0 and action ~= "help" and action ~= "version" then
o.error = o.error or ("--" .. action) .. " takes no prompt"
end
end
end
if o.action == "chat" and o.raw then
o.error = o.error or "--raw needs a prompt"
end
return o
end
____exports.USAGE = {
"Usage: ai <prompt>",
"       ai [-n] [-s id] [-a agent] [-m p/m] [--variant v] [--sync] [--raw] <prompt>",
"       ai --sessions | --delete <id> | --abort | --doctor | --serve",
"       ai --toast <msg> | --append <text> | --submit | --clear | --command <name>",
"       ai            (chat)   ai --help   ai --version"
}
return ____exports
end,
["complete"] = function(...) 
local ____exports = {}
local ai = require("libai")
____exports.CACHE_FILE = "/.opencc_cache"
local FLAGS = {
"--new",
"--session",
"--agent",
"--model",
"--variant",
"--sync",
"--raw",
"--sessions",
"--delete",
"--abort",
"--doctor",
"--toast",
"--append",
"--submit",
"--clear",
"--command",
"--help",
"--version",
"-n",
"-s",
"-a",
"-m"
}
local VALUES = {
["-a"] = "agents",
["--agent"] = "agents",
["-s"] = "sessions",
["--session"] = "sessions",
["--delete"] = "sessions",
["-m"] = "models",
["--model"] = "models"
}
local CHAT = {
"/new",
"/sessions",
"/session ",
"/agent ",
"/model ",
"/abort",
"/help",
"/exit"
}
local fetched = false
local function choose(partial, choices, space)
local out = {}
local n = #partial
for ____, c in ipairs(choices) do
if #c + (space and 1 or 0) > n and string.sub(c, 1, n) == partial then
out[#out + 1] = string.sub(c, n + 1) .. (space and " " or "")
end
end
return out
end
local function readCache()
if not fs.exists(____exports.CACHE_FILE) then
return nil
end
local f = fs.open(____exports.CACHE_FILE, "r")
if not f then
return nil
end
local data = f.readAll()
f.close()
local t = textutils.unserialise(data or "")
local ____temp_0
if type(t) == "table" then
____temp_0 = t
else
____temp_0 = nil
end
return ____temp_0
end
function ____exports.refreshCache(client)
local ok, err = pcall(function()
local c = client or ai.client()
local cache = {agents = ai.agents(c)}
local ids = {}
for ____, s in ipairs(c:sessions()) do
if #ids < 30 and s.parentID == nil then
ids[#ids + 1] = s.id
end
end
cache.sessions = ids
local mok, models = pcall(ai.models, c)
if mok then
cache.models = models
end
local f = fs.open(____exports.CACHE_FILE, "w")
if f then
f.write(textutils.serialise(cache))
f.close()
end
end)
if not ok and err == "Terminated" then
error(err, 0)
end
end
local function names(kind)
local cache = readCache()
if cache == nil and not fetched then
fetched = true
____exports.refreshCache(ai.client({timeout = 3}))
cache = readCache()
end
return cache and cache[kind] or ({})
end
function ____exports.complete(_shell, _index, partial, previous)
local kind = VALUES[previous[#previous]]
if kind ~= nil then
return choose(
partial,
names(kind),
true
)
end
if string.sub(partial, 1, 1) == "-" then
return choose(partial, FLAGS, true)
end
return {}
end
function ____exports.completeChat(line)
local cmd, arg = string.match(line, "^/(%a+) +(%S*)$")
if cmd ~= nil then
local kind = VALUES["--" .. cmd]
return kind ~= nil and choose(
arg,
names(kind),
false
) or ({})
end
return (string.find(line, "^/%S*$")) ~= nil and choose(line, CHAT, false) or ({})
end
return ____exports
end,
["render"] = function(...) 
local ____lualib = require("lualib_bundle")
local __TS__Class = ____lualib.__TS__Class
local ____exports = {}
local HEADING = "4"
local BOLD = "1"
local CODE = "3"
local QUOTE = "8"
local DIM = "7"
local LINK = "9"
local BULLET = ""
local BAR = string.char(149) .. " "
local function blitOf(c)
local k = 0
while 2 ^ k < c do
k = k + 1
end
return string.sub("0123456789abcdef", k + 1, k + 1)
end
local function inline(s, base, strong)
local text = {}
local fg = {}
local function emit(t, c)
text[#text + 1] = t
fg[#fg + 1] = string.rep(c, #t)
end
local n = #s
local i = 1
local bold = false
local drop = 0
while i <= n do
do
local __continue6
repeat
local c = string.sub(s, i, i)
if i == drop then
i = i + 1
__continue6 = true
break
end
if c == "`" then
local ____, te = string.find(s, "^`+", i)
local cs, ce = string.find(
s,
string.sub(s, i, te),
te + 1,
true
)
if cs ~= nil then
emit(
string.sub(s, te + 1, cs - 1),
CODE
)
i = ce + 1
__continue6 = true
break
end
elseif string.sub(s, i, i + 1) == "**" then
if bold or (string.find(s, "**", i + 2, true)) ~= nil then
bold = not bold
i = i + 2
__continue6 = true
break
end
elseif c == "*" then
local em = string.match(s, "^%*([^%s*][^*]-)%*", i)
if em ~= nil and (string.find(em, "%s$")) == nil then
drop = i + #em + 1
i = i + 1
__continue6 = true
break
end
elseif c == "[" or c == "!" then
local a, b, label = string.find(s, "^!?%[([^%]]*)%]%([^%s%)]*%)", i)
if a ~= nil then
emit(label, LINK)
i = b + 1
__continue6 = true
break
end
end
local p = string.find(s, "[`*%[!]", i + 1)
local e = p == nil and n or p - 1
emit(
string.sub(s, i, e),
bold and strong or base
)
i = e + 1
__continue6 = true
until true
if not __continue6 then
break
end
end
end
return table.concat(text), table.concat(fg)
end
____exports.ReplyPrinter = __TS__Class()
local ReplyPrinter = ____exports.ReplyPrinter
ReplyPrinter.name = "ReplyPrinter"
function ReplyPrinter.prototype.____constructor(self, opts)
self.opts = opts
self.pending = ""
self.total = 0
self.page = 0
self.inCode = false
self.started = false
self.blank = false
self.base = blitOf(term.getTextColour())
self.bg = blitOf(term.getBackgroundColour())
end
function ReplyPrinter.prototype.push(self, delta)
self.pending = self.pending .. delta
while true do
local s = string.find(self.pending, "\n", 1, true)
if s == nil then
break
end
local line = string.sub(self.pending, 1, s - 1)
self.pending = string.sub(self.pending, s + 1)
self:line(line)
end
end
function ReplyPrinter.prototype.finish(self)
if self.pending ~= "" then
self:line(self.pending)
end
self.pending = ""
end
function ReplyPrinter.prototype.linesPrinted(self)
return self.total
end
function ReplyPrinter.prototype.line(self, src)
if self.opts.raw then
self.total = self.total + print(src)
return
end
local l = string.gsub(src, "\r", "")
l = string.gsub(l, "\t", "    ")
local w = self.opts.width
local fence = (string.match(l, "^%s*```")) or (string.match(l, "^%s*~~~"))
if fence ~= nil then
self.inCode = not self.inCode
return
end
if self.inCode then
local code = string.sub(l, 1, w)
self:emit(
code,
string.rep(CODE, #code)
)
return
end
if (string.find(l, "^%s*$")) ~= nil then
self.blank = self.started
return
end
local hashes, heading = string.match(l, "^(#+)%s+(.-)[%s#]*$")
if hashes ~= nil and #hashes <= 6 then
local t, f = inline(heading, HEADING, HEADING)
return self:wrap(t, f, "", "")
end
if (string.find(l, "^%s*([-*_])%s*%1%s*%1[-*_%s]*$")) ~= nil then
return self:emit(
string.rep("-", w),
string.rep(DIM, w)
)
end
local quote = string.match(l, "^%s*>%s?(.*)$")
if quote ~= nil then
local t, f = inline(quote, QUOTE, BOLD)
return self:wrap(BAR .. t, (DIM .. DIM) .. f, BAR, DIM .. DIM)
end
local indent, mark, rest = string.match(l, "^(%s*)([-*+])%s+(.*)$")
if mark ~= nil then
mark = BULLET
else
indent, mark, rest = string.match(l, "^(%s*)(%d+[.)])%s+(.*)$")
end
if mark ~= nil then
local pad = string.rep(
" ",
math.min(
#indent,
math.floor(w / 4)
)
)
local t, f = inline(rest, self.base, BOLD)
local prefix = (pad .. mark) .. " "
local cont = string.rep(" ", #prefix)
return self:wrap(
prefix .. t,
string.rep(self.base, #prefix) .. f,
cont,
cont
)
end
local t, f = inline(l, self.base, BOLD)
self:wrap(t, f, "", "")
end
function ReplyPrinter.prototype.wrap(self, text, fg, cont, contFg)
local w = self.opts.width
local n = #text
local a = 1
local i = 1
local first = true
local function flush(e)
self:emit(
(first and "" or cont) .. string.sub(text, a, e),
(first and "" or contFg) .. string.sub(fg, a, e)
)
first = false
local ____, sp = string.find(text, "^ *", e + 1)
a = sp + 1
i = a
end
while i <= n do
local avail = first and w or w - #cont
local ____, sp = string.find(text, "^ *", i)
local ____, we = string.find(text, "^[^ ]*", sp + 1)
if we - a + 1 <= avail then
i = we + 1
elseif i > a and we - sp <= w - #cont then
flush(i - 1)
else
flush(a + avail - 1)
end
end
if a <= n or first then
flush(n)
end
end
function ReplyPrinter.prototype.emit(self, text, fg)
local h = self.opts.height
local x = term.getCursorPos()
if x > 1 then
self:newline(h)
end
if self.blank then
self.blank = false
self:emit("", "")
end
self.started = true
if self.opts.paged and self.page >= h - 1 then
local ____, y = term.getCursorPos()
term.write("Press any key to continue")
os.pullEvent("key")
term.clearLine()
term.setCursorPos(1, y)
self.page = 0
end
if self.opts.colour then
term.blit(
text,
fg,
string.rep(self.bg, #text)
)
else
term.write(text)
end
self.total = self.total + 1
self.page = self.page + 1
self:newline(h)
end
function ReplyPrinter.prototype.newline(self, h)
local ____, y = term.getCursorPos()
if y < h then
return term.setCursorPos(1, y + 1)
end
term.scroll(1)
term.setCursorPos(1, h)
end
return ____exports
end,
["progress"] = function(...) 
local ____lualib = require("lualib_bundle")
local __TS__Class = ____lualib.__TS__Class
local __TS__New = ____lualib.__TS__New
local ____exports = {}
local ai = require("libai")
local ____render = require("render")
local ReplyPrinter = ____render.ReplyPrinter
local FRAMES = {"|", "/", "-", "\\"}
local TICK = 0.2
local function setColour(colour, c)
if colour then
term.setTextColour(c)
end
end
function ____exports.fit(line, width)
return #line > width and string.sub(line, 1, width - 2) .. ".." or line
end
local Spinner = __TS__Class()
Spinner.name = "Spinner"
function Spinner.prototype.____constructor(self, colour)
self.colour = colour
self.shown = false
self.paused = 0
self.frame = 0
self.started = os.epoch("utc")
self.label = ""
end
function Spinner.prototype.draw(self)
if self.paused > 0 then
return
end
local x, y = term.getCursorPos()
if x ~= 1 then
return
end
local w = term.getSize()
local secs = math.floor((os.epoch("utc") - self.started) / 1000)
self.frame = self.frame % #FRAMES + 1
local old = term.getTextColour()
setColour(self.colour, colours.grey)
term.clearLine()
term.write(____exports.fit(
(((FRAMES[self.frame] .. " ") .. tostring(secs)) .. "s") .. (self.label ~= "" and "  " .. self.label or ""),
w - 1
))
term.setTextColour(old)
term.setCursorPos(1, y)
self.shown = true
end
function Spinner.prototype.clear(self)
if not self.shown then
return
end
local ____, y = term.getCursorPos()
term.setCursorPos(1, y)
term.clearLine()
self.shown = false
end
function Spinner.prototype.pause(self)
self:clear()
self.paused = self.paused + 1
end
function Spinner.prototype.resume(self)
self.paused = self.paused - 1
self:draw()
end
function Spinner.prototype.loop(self)
self:draw()
local timer = os.startTimer(TICK)
while true do
local event, id = os.pullEventRaw()
if event == "timer" and id == timer then
self:draw()
timer = os.startTimer(TICK)
end
end
end
local function pickKey(allowed)
while true do
local ____, ch = os.pullEvent("char")
local c = string.lower(tostring(ch))
if #c == 1 and (string.find(allowed, c, 1, true)) ~= nil then
return c
end
end
end
local function firstString(t, keys)
for ____, k in ipairs(keys) do
if type(t[k]) == "string" then
return t[k]
end
end
return nil
end
local function describeTool(t)
local what = t.title
local input = t.input
if (what == nil or what == "") and input ~= nil then
what = firstString(input, {
"description",
"command",
"filePath",
"pattern",
"url"
})
end
return ("> " .. t.tool) .. (what ~= nil and what ~= "" and ": " .. what or "")
end
local function describePermission(req)
local detail = firstString(req.metadata, {"command", "description", "filepath", "filePath"})
if detail == nil and #req.patterns > 0 then
detail = table.concat(req.patterns, " ")
end
return ai.toCC(req.permission .. (detail ~= nil and ": " .. detail or ""))
end
local function cancelled()
printError("Cancelled")
return {ok = false, cancelled = true}
end
local function callAsk(prompt, s, cb)
local text, second, err = ai.ask(prompt, {
session = s.session,
newSession = s.newSession,
agent = s.agent,
model = s.model,
variant = s.variant,
sync = s.sync,
system = s.system,
onText = cb.onText,
onTool = cb.onTool,
onStatus = cb.onStatus,
onPermission = cb.onPermission,
onQuestion = cb.onQuestion
})
return text ~= nil and ({ok = true, reply = second}) or ({ok = false, error = second, err = err})
end
function ____exports.ask(prompt, s)
local colour = term.isColour()
local w, h = term.getSize()
if s.raw == true then
local result = {ok = false, error = "no reply"}
local ok, thrown = pcall(function()
result = callAsk(prompt, s, {})
end)
if not ok then
return thrown == "Terminated" and cancelled() or ({
ok = false,
error = tostring(thrown)
})
end
if result.ok then
print(result.reply.text)
end
return result
end
local printer = __TS__New(
ReplyPrinter,
{
colour = colour,
paged = settings.get("opencc.paged") ~= false,
raw = false,
width = w,
height = h
}
)
local spinner = __TS__New(Spinner, colour)
local function out(fn)
spinner:pause()
fn()
spinner:resume()
end
local function info(text, c)
local old = term.getTextColour()
setColour(colour, c)
print(____exports.fit(text, w))
term.setTextColour(old)
end
local function onText(delta)
return out(function() return printer:push(delta) end)
end
local function onTool(t)
if t.status == "running" or t.status == "pending" then
spinner.label = t.tool
return
end
spinner.label = ""
out(function()
info(
describeTool(t) .. (t.status == "error" and " (failed)" or ""),
t.status == "error" and colours.red or colours.lightGrey
)
end)
end
local function onStatus(status)
spinner.label = status
end
local function onPermission(req)
local reply = "reject"
out(function()
info(
"The agent wants to use " .. describePermission(req),
colours.yellow
)
local old = term.getTextColour()
setColour(colour, colours.yellow)
write("[y] once, [a] always, [n] no ")
local key = pickKey("yan")
reply = key == "y" and "once" or (key == "a" and "always" or "reject")
setColour(colour, colours.white)
print(key == "y" and "once" or (key == "a" and "always" or "no"))
term.setTextColour(old)
end)
return reply
end
local function onQuestion(req)
local answers = {}
out(function()
for ____, q in ipairs(req.questions) do
info(
ai.toCC(q.question),
colours.yellow
)
local n = math.min(#q.options, 9)
do
local i = 1
while i <= n do
local o = q.options[i]
print(____exports.fit(
(((" " .. tostring(i)) .. ") ") .. ai.toCC(o.label)) .. (o.description ~= nil and " - " .. ai.toCC(o.description) or ""),
w
))
i = i + 1
end
end
write(("[1-" .. tostring(n)) .. "] or [n] no answer ")
local keys = "n"
do
local i = 1
while i <= n do
keys = keys .. tostring(i)
i = i + 1
end
end
local key = pickKey(keys)
print(key == "n" and "no" or ai.toCC(q.options[tonumber(key)].label))
if key == "n" then
answers = nil
return
end
answers[#answers + 1] = {q.options[tonumber(key)].label}
end
end)
return answers
end
local result = {ok = false, error = "no reply"}
local ok, thrown = pcall(function()
term.setCursorBlink(false)
parallel.waitForAny(
function()
result = callAsk(prompt, s, {
onText = onText,
onTool = onTool,
onStatus = onStatus,
onPermission = onPermission,
onQuestion = onQuestion
})
end,
function() return spinner:loop() end
)
end)
spinner:pause()
if not ok then
pcall(function() return printer:finish() end)
return thrown == "Terminated" and cancelled() or ({
ok = false,
error = tostring(thrown)
})
end
local fok, ferr = pcall(function() return printer:finish() end)
if not fok and ferr == "Terminated" then
return cancelled()
end
if result.ok and result.reply.text == "" then
info("(The agent stopped without a reply.)", colours.lightGrey)
end
return result
end
return ____exports
end,
["serve"] = function(...) 
local ____exports = {}
local ai = require("libai")
local function line(text, colour, cut)
if cut == nil then
cut = false
end
local w = term.getSize()
local x, y = term.getCursorPos()
if x ~= 1 then
print()
else
term.clearLine()
term.setCursorPos(1, y)
end
local old = term.getTextColour()
if term.isColour() then
term.setTextColour(colour)
end
print(cut and #text > w and string.sub(text, 1, w - 2) .. ".." or text)
term.setTextColour(old)
end
function ____exports.showCall(summary, outcome)
if outcome.refused == true then
line(("> " .. summary) .. " (refused)", colours.orange, true)
elseif not outcome.ok then
line(("> " .. summary) .. " (failed)", colours.red, true)
else
line("> " .. summary, colours.lightGrey, true)
end
end
function ____exports.serveCommand()
if settings.get("opencc.bridge_url") == "" then
printError("opencc.bridge_url is not set: set opencc.bridge_url ws://host:4097/cc (ask the server's owner)")
return false
end
local ok, _, msg = pcall(function() return ai.serve({
reconnect = true,
onCall = ____exports.showCall,
onStatus = function(l) return line(l, colours.lightGrey) end
}) end)
if not ok then
if _ == "Terminated" then
print("Stopped serving.")
return true
end
printError(tostring(_))
return false
end
printError(tostring(msg))
return false
end
function ____exports.withBridge(ask)
if settings.get("opencc.bridge_url") == "" or settings.get("opencc.bridge_url") == nil then
return ask()
end
local conn, msg = ai.bridge()
if conn == nil then
line(
"Not serving the bridge: " .. tostring(msg),
colours.orange
)
return ask()
end
local result
parallel.waitForAny(
function()
result = ask(conn:note())
end,
function()
pcall(function() return conn:serve(____exports.showCall) end)
while true do
os.pullEventRaw("opencc_bridge_done")
end
end
)
conn:close()
return result
end
return ____exports
end,
["sessions"] = function(...) 
local ____exports = {}
local ai = require("libai")
local ____progress = require("progress")
local fit = ____progress.fit
function ____exports.currentSession(option)
if option ~= nil and option ~= "" then
return option
end
local pinned = settings.get("opencc.session_id")
if pinned ~= nil and pinned ~= "" then
return pinned
end
local mine = settings.get("opencc.conversation")
return mine ~= nil and mine ~= "" and mine or nil
end
function ____exports.age(ms)
local s = math.max(
0,
math.floor((os.epoch("utc") - ms) / 1000)
)
if s < 60 then
return "now"
end
if s < 3600 then
return tostring(math.floor(s / 60)) .. "m"
end
if s < 86400 then
return tostring(math.floor(s / 3600)) .. "h"
end
if s < 86400 * 14 then
return tostring(math.floor(s / 86400)) .. "d"
end
return tostring(math.floor(s / 604800)) .. "w"
end
local function pad(s, n)
return #s >= n and s or s .. string.rep(" ", n - #s)
end
function ____exports.printSessions(list, current)
local w, h = term.getSize()
local colour = term.isColour()
if #list == 0 then
print("No sessions yet: ask something (ai <prompt>) to start one.")
return 0
end
local top = {}
for ____, s in ipairs(list) do
if s.parentID == nil then
top[#top + 1] = s
end
end
local twoLines = w < 44
local perSession = twoLines and 1 + math.ceil(31 / w) or 1
local room = math.max(
1,
math.floor((h - 2) / perSession)
)
local shown = math.min(#top, #top > room and room - 1 or room)
local old = term.getTextColour()
do
local i = 0
while i < math.max(shown, 1) and i < #top do
local s = top[i + 1]
local mark = s.id == current and "*" or " "
local title = s.title ~= nil and s.title ~= "" and ai.toCC(s.title) or "(untitled)"
if colour then
term.setTextColour(s.id == current and colours.lime or colours.yellow)
end
if twoLines then
print(mark .. s.id)
if colour then
term.setTextColour(old)
end
print(fit(
(("  " .. pad(
____exports.age(s.time.updated),
4
)) .. " ") .. title,
w
))
else
write((mark .. s.id) .. " ")
if colour then
term.setTextColour(colours.lightGrey)
end
write(pad(
____exports.age(s.time.updated),
4
) .. " ")
if colour then
term.setTextColour(old)
end
print(fit(title, w - #s.id - 7))
end
i = i + 1
end
end
if colour then
term.setTextColour(old)
end
if #top > shown then
if colour then
term.setTextColour(colours.lightGrey)
end
print(("(" .. tostring(#top - shown)) .. " older not shown)")
if colour then
term.setTextColour(old)
end
end
return #top
end
return ____exports
end,
["commands"] = function(...) 
local ____lualib = require("lualib_bundle")
local __TS__ObjectAssign = ____lualib.__TS__ObjectAssign
local ____exports = {}
local ai = require("libai")
local ____complete = require("complete")
local CACHE_FILE = ____complete.CACHE_FILE
local refreshCache = ____complete.refreshCache
local ____progress = require("progress")
local ask = ____progress.ask
local ____serve = require("serve")
local withBridge = ____serve.withBridge
local ____sessions = require("sessions")
local currentSession = ____sessions.currentSession
local printSessions = ____sessions.printSessions
local function withClient(fn)
local result, msg = ai.protect(function() return fn(ai.client()) end)
if msg ~= nil then
printError(msg)
return nil
end
return result
end
function ____exports.updateCompletion()
pcall(function() return refreshCache() end)
end
function ____exports.keptPrompt(prompt)
local old = term.getTextColour()
if term.isColour() then
term.setTextColour(colours.lightGrey)
end
print("Your prompt was kept: ai " .. prompt)
term.setTextColour(old)
end
function ____exports.askOnce(o)
local outcome = withBridge(function(system) return ask(
o.text,
__TS__ObjectAssign({}, o, {system = system})
) end)
if outcome.ok then
if not o.raw and not fs.exists(CACHE_FILE) then
____exports.updateCompletion()
end
return true
end
if outcome.cancelled == true then
return false
end
printError(outcome.error or "No reply")
if not o.raw then
____exports.keptPrompt(o.text)
end
return false
end
function ____exports.listSessions(o)
local list = withClient(function(c) return c:sessions() end)
if list == nil then
return false
end
printSessions(
list,
currentSession(o.session)
)
____exports.updateCompletion()
return true
end
function ____exports.deleteSession(id)
if (string.find(id, "^ses_")) == nil then
printError(("\"" .. id) .. "\" is not a session id: ai --sessions lists them (ses_...)")
return false
end
if withClient(function(c) return c:deleteSession(id) end) == nil then
return false
end
if settings.get("opencc.conversation") == id then
ai.forgetConversation()
end
print("Deleted " .. id)
return true
end
function ____exports.abortSession(o)
local id = currentSession(o.session)
if id == nil then
printError("No conversation to stop: this computer has none yet (use -s <id> for another session).")
return false
end
if withClient(function(c) return c:abort(id) end) == nil then
return false
end
print("Stopped " .. id)
return true
end
function ____exports.tuiControl(o)
if (o.action == "toast" or o.action == "append" or o.action == "command") and o.text == "" then
printError(((((("--" .. o.action) .. " needs a value: ai --") .. o.action) .. " <") .. (o.action == "command" and "name" or "text")) .. ">")
return false
end
local done = withClient(function(c)
if o.action == "toast" then
return c:showToast(o.text)
end
if o.action == "append" then
return c:appendPrompt(o.text)
end
if o.action == "submit" then
return c:submitPrompt()
end
if o.action == "clear" then
return c:clearPrompt()
end
return c:executeCommand(o.text)
end)
if done == nil then
return false
end
if done == false then
printError("The server did not pass it on: is a TUI attached to it (opencode attach)?")
return false
end
print(o.action == "toast" and "Toast shown" or (o.action == "command" and "Command sent: " .. o.text or "Done"))
return true
end
return ____exports
end,
["chat"] = function(...) 
local ____lualib = require("lualib_bundle")
local __TS__ObjectAssign = ____lualib.__TS__ObjectAssign
local ____exports = {}
local ai = require("libai")
local ____commands = require("commands")
local updateCompletion = ____commands.updateCompletion
local ____complete = require("complete")
local completeChat = ____complete.completeChat
local ____progress = require("progress")
local ask = ____progress.ask
local ____serve = require("serve")
local withBridge = ____serve.withBridge
local ____sessions = require("sessions")
local currentSession = ____sessions.currentSession
local printSessions = ____sessions.printSessions
local HELP = {
"/new            start a new conversation",
"/sessions       list sessions",
"/session <id>   continue that session",
"/agent <name>   who answers (/agent alone: default)",
"/model <p/m>    which model (/model alone: default)",
"/abort          stop the session's generation",
"/help           this list",
"/exit           leave (or Ctrl+T)"
}
local function colourOr(c)
if term.isColour() then
term.setTextColour(c)
end
end
local function shortId(id)
if id == nil then
return "new"
end
return #id > 10 and ".." .. string.sub(id, -6) or id
end
local function promptLine(st)
local ____st_newSession_0
if st.newSession then
____st_newSession_0 = nil
else
____st_newSession_0 = st.session or st.lastSession or currentSession()
end
local session = ____st_newSession_0
local agent = st.agent or settings.get("opencc.agent") or ""
colourOr(colours.yellow)
write(((agent ~= "" and agent or "ai") .. " ") .. shortId(session))
colourOr(colours.white)
write("> ")
end
local function info(text)
colourOr(colours.lightGrey)
print(text)
colourOr(colours.white)
end
local function command(line, st)
local name, arg = string.match(line, "^(/%S+)%s*(.-)%s*$")
if name == "/exit" or name == "/quit" then
return false
end
if name == "/new" then
st.session = nil
st.lastSession = nil
st.newSession = true
info("Next message starts a new conversation.")
elseif name == "/sessions" then
local list, msg = ai.protect(function() return ai.client():sessions() end)
if list == nil then
printError(msg)
else
local ____printSessions_3 = printSessions
local ____list_2 = list
local ____st_newSession_1
if st.newSession then
____st_newSession_1 = nil
else
____st_newSession_1 = st.session or st.lastSession or currentSession()
end
____printSessions_3(____list_2, ____st_newSession_1)
end
elseif name == "/session" then
if arg == nil or (string.find(arg, "^ses_")) == nil then
printError("Usage: /session <id> (ses_...; /sessions lists them)")
else
local s, msg = ai.protect(function() return ai.client():session(arg) end)
if s == nil then
printError(msg)
else
st.session = s.id
st.newSession = false
info((("Continuing " .. s.id) .. ": ") .. ai.toCC(s.title))
end
end
elseif name == "/agent" then
st.agent = arg ~= "" and arg or nil
info(st.agent ~= nil and "Agent: " .. st.agent or "Agent: the default")
elseif name == "/model" then
if arg ~= nil and arg ~= "" and (string.find(arg, "^[^/]+/.+$")) == nil then
printError("Usage: /model <provider/model>, e.g. /model anthropic/claude-sonnet-4")
else
st.model = arg ~= "" and arg or nil
info(st.model ~= nil and "Model: " .. st.model or "Model: the default")
end
elseif name == "/abort" then
local id = st.session or st.lastSession or currentSession()
if id == nil then
printError("No conversation to stop yet.")
else
local ____, msg = ai.protect(function() return ai.client():abort(id) end)
if msg ~= nil then
printError(msg)
else
info("Stopped " .. id)
end
end
elseif name == "/help" then
for ____, l in ipairs(HELP) do
info(l)
end
else
printError(("Unknown command " .. (name or line)) .. ": type /help")
end
return true
end
function ____exports.chat(o)
local st = {
session = o.session,
newSession = o.newSession,
agent = o.agent,
model = o.model,
variant = o.variant,
sync = o.sync
}
local history = {}
colourOr(colours.lightGrey)
print("Chat with opencode: /help for commands, /exit or Ctrl+T to leave.")
colourOr(colours.white)
while true do
do
local __continue36
repeat
promptLine(st)
local ok, line = pcall(function() return read(nil, history, completeChat) end)
if not ok then
colourOr(colours.white)
print()
return
end
local text = (string.match(line, "^%s*(.-)%s*$")) or ""
if text == "" then
__continue36 = true
break
end
if history[#history] ~= text then
history[#history + 1] = text
end
if string.sub(text, 1, 1) == "/" then
if not command(text, st) then
return
end
__continue36 = true
break
end
local outcome = withBridge(function(system) return ask(
text,
__TS__ObjectAssign({}, st, {system = system})
) end)
if outcome.cancelled == true then
return
end
if outcome.ok then
if st.lastSession == nil then
updateCompletion()
end
st.newSession = false
st.lastSession = outcome.reply.sessionID
else
printError(outcome.error or "No reply")
info("Your prompt is kept: press Up to edit it and try again.")
end
__continue36 = true
until true
if not __continue36 then
break
end
end
end
end
return ____exports
end,
["doctor"] = function(...) 
local ____exports = {}
local ai = require("libai")
local ____progress = require("progress")
local fit = ____progress.fit
local function hostOf(url)
local host = string.match(url, "^%a+://([^/:?#]+)")
return host or url
end
function ____exports.doctor(o)
local colour = term.isColour()
local w = term.getSize()
local old = term.getTextColour()
local function ok(text)
if colour then
term.setTextColour(colours.green)
end
write("ok ")
term.setTextColour(old)
print(fit(text, w - 3))
end
local function failed(text)
printError("FAIL " .. text)
return false
end
if colour then
term.setTextColour(colours.lightGrey)
end
local names = {}
for ____, n in ipairs(ai.settingNames) do
names[#names + 1] = n
end
names[#names + 1] = "opencc.paged"
for ____, name in ipairs(names) do
local value = settings.get(name)
local shown = value == nil and "" or tostring(value)
if name == "opencc.password" then
shown = shown == "" and "(none)" or "********"
elseif type(value) == "string" then
shown = ("\"" .. shown) .. "\""
end
print(fit((name .. " = ") .. shown, w))
end
term.setTextColour(old)
local cfg, msg = ai.protect(function() return ai.config() end)
if cfg == nil then
return failed(msg)
end
ok("settings are valid")
local allowed, why, err = ai.checkUrl(cfg.url)
if allowed == nil and err.kind == "http_disabled" then
return failed(why)
end
ok("http is enabled")
if allowed == nil then
return failed(why)
end
ok("CC allows " .. hostOf(cfg.url))
local c = ai.client()
local health, hmsg, herr = ai.protect(function() return c:health() end)
if health == nil then
if herr == nil or herr.kind ~= "auth" then
return failed(hmsg)
end
ok("the server answers (it wants credentials)")
else
if health.healthy ~= true then
return failed(("The server at " .. hostOf(cfg.url)) .. " says it is not healthy: look at its log, and restart opencode serve.")
end
ok("server healthy, opencode " .. tostring(health.version))
end
local agents, amsg = ai.protect(function() return c:agents() end)
if agents == nil then
return failed(amsg)
end
ok(cfg.password ~= "" and "credentials accepted" or "no password needed")
local agent = o.agent or cfg.agent
if agent ~= "" then
local found = false
for ____, a in ipairs(agents) do
if a.name == agent then
found = true
end
end
if not found then
local names = ai.protect(function() return ai.agents(c) end)
return failed(((("Agent not found: \"" .. agent) .. "\": set opencc.agent to one of ") .. (names ~= nil and table.concat(names, ", ") or "the server's agents")) .. " (or \"\" for the default).")
end
end
local model = o.model or cfg.model
if model ~= "" then
local names, mmsg = ai.protect(function() return ai.models(c) end)
if names == nil then
return failed(mmsg)
end
local found = false
for ____, n in ipairs(names) do
if n == model then
found = true
end
end
if not found then
return failed(("Model not found: " .. model) .. ": set opencc.model to provider/model from the server's providers (or \"\" for the default).")
end
end
ok((("agent " .. (agent ~= "" and agent or "(default)")) .. ", model ") .. (model ~= "" and model or "(default)"))
if colour then
term.setTextColour(colours.green)
end
print("All good: try ai hello")
term.setTextColour(old)
return true
end
return ____exports
end,
["help"] = function(...) 
local ____exports = {}
local OPTIONS = table.concat({
"ai <prompt>       ask; the reply is printed",
"ai                chat (/help there for more)",
" -n, --new        start a new conversation",
" -s, --session id use that session",
" -a, --agent name who answers (build, plan, ...)",
" -m, --model p/m  model as provider/model",
" --variant v      model variant (e.g. high)",
" --sync           one blocking request, no polls",
" --raw            the reply's text only",
" --sessions       list sessions",
" --delete id      delete a session",
" --abort          stop the session's generation",
" --doctor         check settings and the server",
" --serve          let the agent act here (bridge)",
" --toast msg      show a toast in opencode's TUI",
" --append text    add text to the TUI's prompt",
" --submit/--clear submit/clear the TUI's prompt",
" --command name   run a TUI command",
" --version        versions of ai and libai"
}, "\n")
____exports.HELP_PAGE = table.concat({
"ai talks to an opencode agent (opencode serve) from this computer.",
"",
OPTIONS,
"",
"Flags may come before or after the prompt; -- ends them. Tab completes flags, agents, models and session ids.",
"",
"Settings (set <name> <value>): opencc.server_url (e.g. http://host:4096), opencc.password, opencc.agent, opencc.model, opencc.session_id, opencc.paged. ai --doctor checks them. The agent acts through this computer when opencc.bridge_url and opencc.bridge_token name an opencc-bridge; opencc.tools (read, act, lua) says what it may do.",
"",
"Programs can use the library too: local ai = require(\"libai\"); print(ai.ask(\"hello\"))"
}, "\n")
function ____exports.printHelp()
local ____, y = term.getCursorPos()
textutils.pagedPrint(
("ai - talk to an opencode agent\n" .. OPTIONS) .. "\nSettings: set opencc.server_url http://host:4096\nMore: help ai, ai --doctor",
math.max(y - 2, 0)
)
end
return ____exports
end,
["main"] = function(...) 
local ____exports = {}
local ai = require("libai")
local ____args = require("args")
local parseArgs = ____args.parseArgs
local USAGE = ____args.USAGE
local ____chat = require("chat")
local chat = ____chat.chat
local ____commands = require("commands")
local abortSession = ____commands.abortSession
local askOnce = ____commands.askOnce
local deleteSession = ____commands.deleteSession
local listSessions = ____commands.listSessions
local tuiControl = ____commands.tuiControl
local ____complete = require("complete")
local complete = ____complete.complete
local ____doctor = require("doctor")
local doctor = ____doctor.doctor
local ____help = require("help")
local printHelp = ____help.printHelp
local ____serve = require("serve")
local serveCommand = ____serve.serveCommand
____exports.VERSION = "0.1.0"
settings.define("opencc.paged", {description = "Page long replies in ai (wait for a key when a reply fills the screen)", type = "boolean", default = true})
local function usage(____error)
if ____error ~= nil then
printError(____error)
end
printError(USAGE[1])
do
local i = 1
while i < #USAGE do
print(USAGE[i + 1])
i = i + 1
end
end
end
local function dispatch(args)
local o = parseArgs(args)
if o.error ~= nil then
usage(o.error)
if o.action == "ask" and o.text ~= "" then
print("Your prompt was kept: ai " .. o.text)
end
return false
end
repeat
local ____switch9 = o.action
local ____cond9 = ____switch9 == "ask"
if ____cond9 then
return askOnce(o)
end
____cond9 = ____cond9 or ____switch9 == "chat"
if ____cond9 then
chat(o)
return true
end
____cond9 = ____cond9 or ____switch9 == "sessions"
if ____cond9 then
return listSessions(o)
end
____cond9 = ____cond9 or ____switch9 == "delete"
if ____cond9 then
return deleteSession(o.text)
end
____cond9 = ____cond9 or ____switch9 == "abort"
if ____cond9 then
return abortSession(o)
end
____cond9 = ____cond9 or ____switch9 == "doctor"
if ____cond9 then
return doctor({agent = o.agent, model = o.model})
end
____cond9 = ____cond9 or ____switch9 == "serve"
if ____cond9 then
return serveCommand()
end
____cond9 = ____cond9 or ____switch9 == "help"
if ____cond9 then
printHelp()
return true
end
____cond9 = ____cond9 or ____switch9 == "version"
if ____cond9 then
print(((("ai " .. ____exports.VERSION) .. " (libai ") .. ai.version) .. ")")
return true
end
do
return tuiControl(o)
end
until true
end
function ____exports.run(...)
local args = {...}
if shell ~= nil then
shell.setCompletionFunction(
shell.getRunningProgram(),
complete
)
end
if not dispatch(args) then
error("", 0)
end
end
return ____exports
end,
}
return require("main").run(...)
