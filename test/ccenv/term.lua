-- The terminal: a width x height grid of cells (character, text colour, background colour),
-- behaving like CC: Tweaked's Terminal/TermMethods: term.write does not wrap (clipped at the
-- edges, cursor still advances), blit needs equal lengths, scroll fills with the current colours,
-- colours are parsed by their highest bit ("Colour out of range"). A basic (non-colour) terminal
-- still accepts all 16 colours (CC 1.80+ shows them as greys) but isColour() is false.
-- It also records a transcript of what was written (see Screen:transcript).
local colours = require("ccenv.colours")
local E = require("ccenv.expect")

local M = {}

local Screen = {}
Screen.__index = Screen

function M.newScreen(w, h, isColour)
  local s = setmetatable({
    w = w, h = h, colour = isColour,
    cx = 1, cy = 1, fg = 0, bg = 15, blink = false,
    text = {}, fgs = {}, bgs = {},
    palette = {},
    log = {}, logY = nil, logEndX = nil,
  }, Screen)
  for i = 0, 15 do s.palette[i] = colours.defaultPalette[i] end
  for y = 1, h do s:_blankRow(y) end
  return s
end

function Screen:_blankRow(y)
  local t, f, b = {}, {}, {}
  local fc, bc = colours.blitChar(self.fg), colours.blitChar(self.bg)
  for x = 1, self.w do t[x], f[x], b[x] = " ", fc, bc end
  self.text[y], self.fgs[y], self.bgs[y] = t, f, b
end

-- transcript bookkeeping: a write continuing where the last one ended extends the line,
-- anything else starts a new line; rows skipped downwards become blank lines.
function Screen:_record(x, y, str)
  if str == "" then return end
  local log = self.log
  if self.logY and y == self.logY and x == self.logEndX then
    log[#log] = log[#log] .. str
  else
    if self.logY and y > self.logY + 1 then
      for _ = 1, math.min(y - self.logY - 1, self.h) do log[#log + 1] = "" end
    end
    log[#log + 1] = str
  end
  self.logY, self.logEndX = y, x + #str
end

function Screen:putText(str, fgChars, bgChars)
  local x, y = self.cx, self.cy
  if y >= 1 and y <= self.h then
    local first, last = math.max(1, x), math.min(self.w, x + #str - 1)
    if first <= last then
      local row, frow, brow = self.text[y], self.fgs[y], self.bgs[y]
      local fc, bc = colours.blitChar(self.fg), colours.blitChar(self.bg)
      for cx = first, last do
        local i = cx - x + 1
        row[cx] = str:sub(i, i)
        frow[cx] = fgChars and fgChars:sub(i, i) or fc
        brow[cx] = bgChars and bgChars:sub(i, i) or bc
      end
      self:_record(first, y, str:sub(first - x + 1, last - x + 1))
    end
  end
  self.cx = x + #str
end

function Screen:scroll(n)
  n = math.floor(n)
  if n == 0 then return end
  local text, fgs, bgs = {}, {}, {}
  for y = 1, self.h do
    local old = y + n
    if old >= 1 and old <= self.h then
      text[y], fgs[y], bgs[y] = self.text[old], self.fgs[old], self.bgs[old]
    end
  end
  self.text, self.fgs, self.bgs = text, fgs, bgs
  for y = 1, self.h do
    if not self.text[y] then self:_blankRow(y) end
  end
  if self.logY then self.logY = self.logY - n end
end

function Screen:clear()
  for y = 1, self.h do self:_blankRow(y) end
  self.logY, self.logEndX = nil, nil
end

function Screen:clearLine()
  if self.cy >= 1 and self.cy <= self.h then self:_blankRow(self.cy) end
  if self.logY == self.cy then self.logY, self.logEndX = nil, nil end
end

function Screen:lines()
  local out = {}
  for y = 1, self.h do out[y] = (table.concat(self.text[y]):gsub(" +$", "")) end
  return out
end

function Screen:transcript()
  local out = {}
  for i, l in ipairs(self.log) do out[i] = (l:gsub(" +$", "")) end
  return table.concat(out, "\n")
end

-- The native terminal object (CC style: functions, no self).
function Screen:makeNative()
  local s = self
  local t = {}

  function t.write(text)
    s:putText(tostring(text))
  end

  function t.blit(text, fg, bg)
    E.expect("blit", 1, text, "string")
    E.expect("blit", 2, fg, "string")
    E.expect("blit", 3, bg, "string")
    if #fg ~= #text or #bg ~= #text then error("Arguments must be the same length", 2) end
    s:putText(text, fg:lower(), bg:lower())
  end

  function t.clear() s:clear() end
  function t.clearLine() s:clearLine() end
  function t.getCursorPos() return s.cx, s.cy end
  function t.setCursorPos(x, y)
    E.expect("setCursorPos", 1, x, "number")
    E.expect("setCursorPos", 2, y, "number")
    s.cx, s.cy = math.floor(x), math.floor(y)
  end
  function t.getCursorBlink() return s.blink end
  function t.setCursorBlink(b)
    E.expect("setCursorBlink", 1, b, "boolean")
    s.blink = b
  end
  function t.getSize() return s.w, s.h end
  function t.scroll(n)
    E.expect("scroll", 1, n, "number")
    s:scroll(n)
  end
  function t.isColour() return s.colour end
  t.isColor = t.isColour
  function t.setTextColour(c) s.fg = colours.index(c, 2) end
  t.setTextColor = t.setTextColour
  function t.getTextColour() return 2 ^ s.fg end
  t.getTextColor = t.getTextColour
  function t.setBackgroundColour(c) s.bg = colours.index(c, 2) end
  t.setBackgroundColor = t.setBackgroundColour
  function t.getBackgroundColour() return 2 ^ s.bg end
  t.getBackgroundColor = t.getBackgroundColour
  function t.getPaletteColour(c)
    local rgb = s.palette[colours.index(c, 2)]
    return math.floor(rgb / 65536) % 256 / 255, math.floor(rgb / 256) % 256 / 255, rgb % 256 / 255
  end
  t.getPaletteColor = t.getPaletteColour
  function t.setPaletteColour(c, r, g, b)
    local i = colours.index(c, 2)
    E.expect("setPaletteColour", 2, r, "number")
    if g == nil and b == nil then
      s.palette[i] = math.floor(r) % 0x1000000
    else
      E.expect("setPaletteColour", 3, g, "number")
      E.expect("setPaletteColour", 4, b, "number")
      local function byte(v) return math.floor(math.max(0, math.min(1, v)) * 255 + 0.5) end
      s.palette[i] = byte(r) * 65536 + byte(g) * 256 + byte(b)
    end
  end
  t.setPaletteColor = t.setPaletteColour
  function t.nativePaletteColour(c)
    local rgb = colours.defaultPalette[colours.index(c, 2)]
    return math.floor(rgb / 65536) % 256 / 255, math.floor(rgb / 256) % 256 / 255, rgb % 256 / 255
  end
  t.nativePaletteColor = t.nativePaletteColour
  return t
end

-- The term API: every call goes to the current redirect target, like CC's term.
function M.makeApi(native)
  local current = native
  local term = {}
  -- as CC's rom/apis/term.lua: these move from the native object to term itself, so a redirect
  -- target (a window) need not have them
  for _, name in ipairs({ "nativePaletteColour", "nativePaletteColor" }) do
    term[name], native[name] = native[name], nil
  end
  function term.redirect(target)
    if type(target) ~= "table" then
      error(("bad argument #1 to 'redirect' (table expected, got %s)"):format(type(target)), 2)
    end
    if target == term or target == _G.term then
      error("term is not a recommended redirect target, try term.current() instead", 2)
    end
    for name in pairs(native) do
      if type(target[name]) ~= "function" then
        target[name] = function() error("Redirect object is missing method " .. name .. ".", 2) end
      end
    end
    local old = current
    current = target
    return old
  end
  function term.current() return current end
  function term.native() return native end
  for name in pairs(native) do
    term[name] = function(...) return current[name](...) end
  end
  return term
end

return M
