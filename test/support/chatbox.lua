-- A fake Advanced Peripherals Chat Box on a ccenv computer, with what each player sees.
--
--   local chatbox = require("support.chatbox")
--   local box = chatbox.attach(pc, { cooldown = 1, players = { "Alice", "Bob" } })
--   box:say("Alice", "@ai hello")        -- a player types in chat: the "chat" event
--   box:seen("Alice")                    -- the texts Alice was shown (private and public), in order
--   box.refused                          -- sends refused for the cooldown
--   box:transcript()                     -- the chat as players saw it, one line a message
--
-- Mirrors Advanced Peripherals (ChatBoxPeripheral, Events; 0.7.x for Minecraft 1.20/1.21):
-- - types "chatBox" (opts.type may give "chat_box", the later name);
-- - sendMessage(message, prefix, brackets, bracketColor, range),
--   sendMessageToPlayer(message, player, prefix, brackets, bracketColor, range) and the Formatted
--   variants taking a JSON text component: true, or nil and "incorrect json", "incorrect player
--   name/uuid" (player by name or UUID), "incorrect bracket string (e.g. [], {}, <>, ...)";
-- - one cooldown for all of them (chatMessageCooldown, 1000 ms by default): a call within it
--   answers nil, "chatMessage is on cooldown" and sends nothing;
-- - the methods run on the server's main thread: the call yields until CC's "task_complete"
--   event, and CC drops the other events that reach that coroutine meanwhile (as here);
-- - a chat message starting with "$" is hidden from the other players and reaches the computer
--   with every "$" removed and isHidden true: ("chat", username, message, uuid, isHidden).
local socket = require("socket")
local dkjson = require("dkjson")

local pack = table.pack or function(...) return { n = select("#", ...), ... } end
local unpack = table.unpack or unpack

local M = {}
local Box = {}
Box.__index = Box

local COOLDOWN_REASON = "chatMessage is on cooldown"
local BRACKETS_REASON = "incorrect bracket string (e.g. [], {}, <>, ...)"

--- A stable fake UUID for a player name.
function M.uuid(name)
  local n = 0
  for i = 1, #name do n = (n * 31 + name:byte(i)) % 4294967296 end
  return string.format("%08x-0000-4000-8000-%012x", n, #name)
end

--- The plain text of a text component (text, then its extra, depth first).
local function flatten(c)
  if type(c) == "string" then return c end
  if type(c) ~= "table" then return "" end
  if c[1] ~= nil then
    local out = {}
    for i, v in ipairs(c) do out[i] = flatten(v) end
    return table.concat(out)
  end
  local out = { c.text or "" }
  for _, e in ipairs(c.extra or {}) do out[#out + 1] = flatten(e) end
  return table.concat(out)
end
M.flatten = flatten

function Box:_player(nameOrUuid)
  for _, p in ipairs(self.players) do
    if p.name == nameOrUuid or p.uuid == nameOrUuid then return p end
  end
end

-- Runs fn as the server's main thread would, and hands its results back through "task_complete".
function Box:_mainThread(fn)
  self.tasks = self.tasks + 1
  local id = 100000 + self.tasks
  local r = pack(pcall(fn))
  if r[1] then
    self.pc:queueEvent("task_complete", id, true, unpack(r, 2, r.n))
  else
    self.pc:queueEvent("task_complete", id, false, tostring(r[2]))
  end
  while true do
    local ev = pack(coroutine.yield("task_complete"))
    if ev[1] == "terminate" then error("Terminated", 0) end
    if ev[1] == "task_complete" and ev[2] == id then
      if ev[3] then return unpack(ev, 4, ev.n) end
      error(ev[4], 0)
    end
  end
end

-- One send: cooldown, checks, then the message reaches `to` (a player) or everyone.
function Box:_send(message, formatted, to, prefix, brackets)
  local now = socket.gettime()
  if self.nextAllowed and now < self.nextAllowed then
    self.refused = self.refused + 1
    return nil, COOLDOWN_REASON
  end
  local target
  if to ~= nil then
    target = self:_player(to)
    if not target then return nil, "incorrect player name/uuid" end
  end
  local component = message
  if formatted then
    local value, _, err = dkjson.decode(message, 1, nil)
    if err or type(value) ~= "table" then return nil, "incorrect json" end
    component = value
  end
  if brackets ~= nil and #brackets ~= 2 then return nil, BRACKETS_REASON end
  self.nextAllowed = now + self.cooldown
  local entry = {
    to = target and target.name or nil, text = flatten(component), component = component,
    json = formatted and message or nil, prefix = prefix or "AP", brackets = brackets or "[]", time = now,
  }
  self.sent[#self.sent + 1] = entry
  self.log[#self.log + 1] = entry
  return true
end

--- Attaches a Chat Box to pc. opts: name ("left"), type ("chatBox"), cooldown (seconds, 1),
--- players (names online; others are unknown to sendMessageToPlayer).
function M.attach(pc, opts)
  opts = opts or {}
  local box = setmetatable({
    pc = pc, name = opts.name or "left", cooldown = opts.cooldown or 1, refused = 0, tasks = 0,
    sent = {}, log = {}, players = {},
  }, Box)
  for _, name in ipairs(opts.players or {}) do box.players[#box.players + 1] = { name = name, uuid = M.uuid(name) } end
  local function method(fn)
    return function(...)
      local args = pack(...)
      return box:_mainThread(function() return fn(unpack(args, 1, args.n)) end)
    end
  end
  pc:attachPeripheral(box.name, opts.type or "chatBox", {
    sendMessage = method(function(message, prefix, brackets)
      return box:_send(message, false, nil, prefix, brackets)
    end),
    sendFormattedMessage = method(function(json, prefix, brackets)
      return box:_send(json, true, nil, prefix, brackets)
    end),
    sendMessageToPlayer = method(function(message, player, prefix, brackets)
      return box:_send(message, false, player, prefix, brackets)
    end),
    sendFormattedMessageToPlayer = method(function(json, player, prefix, brackets)
      return box:_send(json, true, player, prefix, brackets)
    end),
  })
  return box
end

--- A player types `message` in chat: queues the "chat" event as Advanced Peripherals does.
function Box:say(name, message)
  local p = self:_player(name)
  if not p then
    p = { name = name, uuid = M.uuid(name) }
    self.players[#self.players + 1] = p
  end
  local hidden = message:sub(1, 1) == "$"
  self.log[#self.log + 1] = { from = name, text = message, hidden = hidden, time = socket.gettime() }
  if hidden then message = message:gsub("%$", "") end
  self.pc:queueEvent("chat", name, message, p.uuid, hidden)
end

--- The texts `name` was shown by the box, oldest first (to them, or to everyone).
function Box:seen(name)
  local out = {}
  for _, e in ipairs(self.sent) do
    if e.to == nil or e.to == name then out[#out + 1] = e.text end
  end
  return out
end

--- The messages `name` was shown, as recorded (to, text, component, json, prefix).
function Box:messages(name)
  local out = {}
  for _, e in ipairs(self.sent) do
    if name == nil or e.to == nil or e.to == name then out[#out + 1] = e end
  end
  return out
end

--- Whether `name` has been shown a message containing `needle`.
function Box:saw(name, needle)
  for _, t in ipairs(self:seen(name)) do
    if t:find(needle, 1, true) then return true end
  end
  return false
end

--- The chat as the players saw it, in order, each line with its seconds since the first:
--- "<Alice> @ai hi" for what a player typed, "[AI] -> Alice: ..." for a private message.
function Box:transcript()
  local lines = {}
  local t0 = self.log[1] and self.log[1].time or 0
  for _, e in ipairs(self.log) do
    local text = e.text:gsub("\n", "\n           ")
    local at = string.format("%5.1f s  ", e.time - t0)
    if e.from then
      lines[#lines + 1] = at .. string.format("<%s> %s%s", e.from, text, e.hidden and "   (hidden)" or "")
    else
      local b = e.brackets
      local who = b:sub(1, 1) .. e.prefix .. b:sub(2, 2)
      lines[#lines + 1] = at
        .. (e.to and string.format("%s -> %s: %s", who, e.to, text) or string.format("%s %s", who, text))
    end
  end
  return table.concat(lines, "\n")
end

return M
