-- What CC: Tweaked's bios.lua and OSAPI give every program: the os API (event queue, timers,
-- clocks, labels, shutdown), and the globals write/print/printError/read/sleep/loadfile/dofile.
--   * os.pullEvent raises error("Terminated", 0) on a "terminate" event.
--   * sleep(n) starts a timer and pulls "timer" events until its own; other events are dropped.
--   * write wraps words at the terminal width and scrolls at the bottom, returning lines printed.
--   * printError prints in red on a colour terminal.
--   * read takes the next scripted input line (see ccenv.new{input=...}).
local E = require("ccenv.expect")
local socket = require("socket")
local pack = table.pack or function(...) return { n = select("#", ...), ... } end
local unpack = table.unpack or unpack

local M = {}

function M.makeOs(pc)
  local G = pc.env
  local os_ = {}

  function os_.queueEvent(name, ...)
    E.expect("queueEvent", 1, name, "string")
    pc:queueEvent(name, ...)
  end
  function os_.pullEventRaw(filter)
    E.expect("pullEventRaw", 1, filter, "string", "nil")
    return coroutine.yield(filter)
  end
  function os_.pullEvent(filter)
    E.expect("pullEvent", 1, filter, "string", "nil")
    local ev = pack(coroutine.yield(filter))
    if ev[1] == "terminate" then error("Terminated", 0) end
    return unpack(ev, 1, ev.n)
  end
  function os_.startTimer(t)
    E.expect("startTimer", 1, t, "number")
    return pc:_addTimer(t, "timer")
  end
  function os_.cancelTimer(id)
    E.expect("cancelTimer", 1, id, "number")
    pc:_cancelTimer(id, "timer")
  end
  function os_.setAlarm(time)
    E.expect("setAlarm", 1, time, "number")
    if time < 0 or time >= 24 then error("Number out of range", 2) end
    local now = pc:_ingameHours()
    local hours = (time - now) % 24
    return pc:_addTimer(hours * 50, "alarm") -- an in-game hour is 50 real seconds
  end
  function os_.cancelAlarm(id)
    E.expect("cancelAlarm", 1, id, "number")
    pc:_cancelTimer(id, "alarm")
  end

  function os_.clock() return socket.gettime() - pc.bootTime end

  local function utcMs() return math.floor(socket.gettime() * 1000) + pc.clockSkewMs end
  local function tzOffsetSeconds()
    local t = os.time()
    return os.difftime(t, os.time(os.date("!*t", t)))
  end

  function os_.epoch(kind)
    kind = (E.expect("epoch", 1, kind, "string", "nil") or "ingame"):lower()
    if kind == "utc" then return utcMs()
    elseif kind == "local" then return utcMs() + tzOffsetSeconds() * 1000
    elseif kind == "ingame" then return pc:_ingameDay() * 86400000 + math.floor(pc:_ingameHours() * 3600000) end
    error("Unsupported operation", 2)
  end

  local function hoursOf(ms)
    local s = (ms / 1000) % 86400
    return math.floor(s / 3600) + math.floor(s % 3600 / 60) / 60 + math.floor(s % 60) / 3600
  end
  function os_.time(arg)
    if type(arg) == "table" then return os.time(arg) end
    local kind = (E.expect("time", 1, arg, "string", "nil") or "ingame"):lower()
    if kind == "utc" then return hoursOf(utcMs())
    elseif kind == "local" then return hoursOf(utcMs() + tzOffsetSeconds() * 1000)
    elseif kind == "ingame" then return pc:_ingameHours() end
    error("Unsupported operation", 2)
  end
  function os_.day(arg)
    local kind = (E.expect("day", 1, arg, "string", "nil") or "ingame"):lower()
    if kind == "utc" then return math.floor(utcMs() / 86400000) + 1
    elseif kind == "local" then return math.floor((utcMs() + tzOffsetSeconds() * 1000) / 86400000) + 1
    elseif kind == "ingame" then return pc:_ingameDay() end
    error("Unsupported operation", 2)
  end
  function os_.date(fmt, t)
    fmt = fmt or "%c"
    t = t or math.floor(utcMs() / 1000)
    return os.date(fmt, t)
  end

  function os_.getComputerID() return pc.id end
  os_.computerID = os_.getComputerID
  function os_.getComputerLabel() return pc.label end
  os_.computerLabel = os_.getComputerLabel
  function os_.setComputerLabel(label)
    E.expect("setComputerLabel", 1, label, "string", "nil")
    pc.label = label
  end
  function os_.version() return "CraftOS 1.9" end

  -- The computer turns off once the program yields; os.shutdown never returns.
  function os_.shutdown(code)
    pc.shutdownReq = { code = code or 0 }
    while true do coroutine.yield() end
  end
  function os_.reboot()
    pc.shutdownReq = { code = 0, reboot = true }
    while true do coroutine.yield() end
  end

  function os_.run(env, path, ...)
    E.expect("run", 1, env, "table")
    E.expect("run", 2, path, "string")
    setmetatable(env, { __index = G })
    local fn, err = G.loadfile(path, nil, env)
    if fn then
      local r = pack(G.pcall(fn, ...))
      if r[1] then return true end
      if r[2] and r[2] ~= "" then G.printError(r[2]) end
      return false
    end
    if err and err ~= "" then G.printError(err) end
    return false
  end

  local loading = {}
  function os_.loadAPI(path)
    E.expect("loadAPI", 1, path, "string")
    local name = G.fs.getName(path):gsub("%.lua$", "")
    if loading[name] then G.printError("API " .. name .. " is already being loaded") return false end
    loading[name] = true
    local env = setmetatable({}, { __index = G })
    local fn, err = G.loadfile(path, nil, env)
    if not fn then G.printError(err); loading[name] = nil; return false end
    local ok, perr = G.pcall(fn)
    if not ok then G.printError(perr); loading[name] = nil; return false end
    local api = {}
    for k, v in pairs(env) do if k ~= "_ENV" then api[k] = v end end
    G[name] = api
    loading[name] = nil
    return true
  end
  function os_.unloadAPI(name)
    E.expect("unloadAPI", 1, name, "string")
    if name ~= "_G" and type(G[name]) == "table" then G[name] = nil end
  end

  return os_
end

function M.installGlobals(pc)
  local G = pc.env

  function G.sleep(t)
    E.expect("sleep", 1, t, "number", "nil")
    local id = G.os.startTimer(t or 0)
    repeat
      local _, p = G.os.pullEvent("timer")
    until p == id
  end
  G.os.sleep = G.sleep

  function G.write(text)
    E.expect("write", 1, text, "string", "number")
    local term = G.term
    local w, h = term.getSize()
    local x, y = term.getCursorPos()
    local printed = 0
    local function newLine()
      if y + 1 <= h then
        term.setCursorPos(1, y + 1)
      else
        term.setCursorPos(1, h)
        term.scroll(1)
      end
      x, y = term.getCursorPos()
      printed = printed + 1
    end
    local s = tostring(text)
    local pos = 1
    while pos <= #s do
      local ws = s:match("^[ \t]+", pos)
      local word = not ws and s:match("^[^ \t\n]+", pos)
      if ws then
        term.write(ws)
        x, y = term.getCursorPos()
        pos = pos + #ws
      elseif s:sub(pos, pos) == "\n" then
        newLine()
        pos = pos + 1
      elseif word then
        pos = pos + #word
        if #word > w then
          -- a word longer than the screen is broken across lines
          while #word > 0 do
            if x > w then newLine() end
            local room = w - x + 1
            term.write(word:sub(1, room))
            word = word:sub(room + 1)
            x, y = term.getCursorPos()
          end
        else
          if x + #word - 1 > w then newLine() end
          term.write(word)
          x, y = term.getCursorPos()
        end
      end
    end
    return printed
  end

  function G.print(...)
    local n = select("#", ...)
    local lines = 0
    for i = 1, n do
      local s = tostring((select(i, ...)))
      if i < n then s = s .. "\t" end
      lines = lines + G.write(s)
    end
    return lines + G.write("\n")
  end

  function G.printError(...)
    local term = G.term
    local old
    if term.isColour() then
      old = term.getTextColour()
      term.setTextColour(G.colours.red)
    end
    G.print(...)
    if term.isColour() then term.setTextColour(old) end
  end

  function G.read(replaceChar, history, completeFn, default)
    E.expect("read", 1, replaceChar, "string", "nil")
    E.expect("read", 2, history, "table", "nil")
    E.expect("read", 3, completeFn, "function", "nil")
    E.expect("read", 4, default, "string", "nil")
    local term = G.term
    term.setCursorBlink(true)
    local line = pc:_nextInput()
    if line == nil or line == pc.TERMINATE then
      -- as if Ctrl+T was held: a terminate event reaches every coroutine, pullEvent raises
      pc:queueEvent("terminate")
    else
      pc:queueEvent("ccenv_read")
    end
    G.os.pullEvent("ccenv_read")
    line = tostring(line)
    local w = term.getSize()
    local sx, sy = term.getCursorPos()
    local scroll = 0
    if sx + #line >= w then scroll = sx + #line - w end
    if replaceChar then
      term.write(string.rep(replaceChar:sub(1, 1), math.max(#line - scroll, 0)))
    else
      term.write(line:sub(scroll + 1))
    end
    term.setCursorBlink(false)
    term.setCursorPos(w + 1, sy)
    G.print()
    return line
  end

  function G.loadfile(path, mode, env)
    if type(mode) == "table" and env == nil then mode, env = nil, mode end
    E.expect("loadfile", 1, path, "string")
    E.expect("loadfile", 2, mode, "string", "nil")
    E.expect("loadfile", 3, env, "table", "nil")
    local f = G.fs.open(path, "r")
    if not f then return nil, "File not found" end
    local src = f.readAll() or ""
    f.close()
    return G.load(src, "@/" .. G.fs.combine(path), mode, env)
  end

  function G.dofile(path)
    E.expect("dofile", 1, path, "string", "nil")
    local fn, err = G.loadfile(path, nil, G)
    if not fn then error(err, 2) end
    return fn()
  end
end

return M
