-- The window API, behaving like CC: Tweaked's rom/apis/window.lua: window.create(parent, x, y,
-- w, h, visible) returns a terminal object that keeps its own buffer of lines (text, text colours,
-- background colours as blit strings, read back with getLine) and, while visible, draws each
-- change through to its parent (the changed line is blitted, then the parent's cursor and text
-- colour follow the window's). Like CC: writes are clipped, never wrapped; the cursor may leave
-- the window (the parent's cursor then goes to 0, 0); scroll and clear fill with the current
-- colours; getLine outside 1..h raises "Line is out of range."; an invisible window only
-- buffers, and setVisible(true) or redraw() paints all of it. Multishell gives each tab such a
-- window over the native terminal (see computer.lua, opts.multishell).
local E = require("ccenv.expect")
local colours = require("ccenv.colours")

local M = {}

local HEX = "0123456789abcdef"

-- colour number -> blit char, CC's rule for colours that are not exact powers of two included
local function hexOf(colour, level)
  local i = colours.index(colour, level + 1)
  return HEX:sub(i + 1, i + 1)
end

function M.create(parent, nX, nY, nW, nH, startVisible)
  E.expect("create", 1, parent, "table")
  E.expect("create", 2, nX, "number")
  E.expect("create", 3, nY, "number")
  E.expect("create", 4, nW, "number")
  E.expect("create", 5, nH, "number")
  E.expect("create", 6, startVisible, "boolean", "nil")
  local visible = startVisible ~= false
  local cx, cy, blink = 1, 1, false
  local fg, bg = 1, 32768 -- white on black, as a new CC window
  local lines, palette = {}, {}

  local function blank(width)
    return { (" "):rep(width), hexOf(fg, 2):rep(width), hexOf(bg, 2):rep(width) }
  end
  for y = 1, nH do lines[y] = blank(nW) end
  for i = 0, 15 do palette[2 ^ i] = { parent.getPaletteColour(2 ^ i) } end

  local function placeCursor()
    if cx >= 1 and cy >= 1 and cx <= nW and cy <= nH then
      parent.setCursorPos(nX + cx - 1, nY + cy - 1)
    else
      parent.setCursorPos(0, 0)
    end
  end
  local function drawLine(y)
    parent.setCursorPos(nX, nY + y - 1)
    parent.blit(lines[y][1], lines[y][2], lines[y][3])
  end
  local function drawAll()
    for y = 1, nH do drawLine(y) end
  end
  local function follow()
    parent.setTextColour(fg)
    placeCursor()
  end

  -- one string per layer, each the same length; clipped to the window like CC
  local function put(text, tfg, tbg)
    local first, last = cx, cx + #text - 1
    if cy >= 1 and cy <= nH and first <= nW and last >= 1 then
      local from, to = math.max(1, 2 - first), math.min(#text, nW - first + 1)
      local at = math.max(first, 1)
      local row = lines[cy]
      local layers = { text, tfg, tbg }
      for i = 1, 3 do
        local s = layers[i]:sub(from, to)
        row[i] = row[i]:sub(1, at - 1) .. s .. row[i]:sub(at + #s)
      end
      if visible then drawLine(cy) end
    end
    cx = last + 1
    if visible then follow() end
  end

  local w = {}
  function w.write(text)
    text = tostring(text)
    put(text, hexOf(fg, 2):rep(#text), hexOf(bg, 2):rep(#text))
  end
  function w.blit(text, tfg, tbg)
    E.expect("blit", 1, text, "string")
    E.expect("blit", 2, tfg, "string")
    E.expect("blit", 3, tbg, "string")
    if #tfg ~= #text or #tbg ~= #text then error("Arguments must be the same length", 2) end
    put(text, tfg:lower(), tbg:lower())
  end
  function w.clear()
    for y = 1, nH do lines[y] = blank(nW) end
    if visible then drawAll() follow() end
  end
  function w.clearLine()
    if cy < 1 or cy > nH then return end
    lines[cy] = blank(nW)
    if visible then drawLine(cy) follow() end
  end
  function w.getCursorPos() return cx, cy end
  function w.setCursorPos(x, y)
    E.expect("setCursorPos", 1, x, "number")
    E.expect("setCursorPos", 2, y, "number")
    cx, cy = math.floor(x), math.floor(y)
    if visible then placeCursor() end
  end
  function w.setCursorBlink(b)
    E.expect("setCursorBlink", 1, b, "boolean")
    blink = b
    if visible then parent.setCursorBlink(b) end
  end
  function w.getCursorBlink() return blink end
  function w.isColour() return parent.isColour() end
  w.isColor = w.isColour
  function w.setTextColour(c)
    fg = 2 ^ colours.index(c, 2)
    if visible then parent.setTextColour(fg) end
  end
  w.setTextColor = w.setTextColour
  function w.getTextColour() return fg end
  w.getTextColor = w.getTextColour
  function w.setBackgroundColour(c) bg = 2 ^ colours.index(c, 2) end
  w.setBackgroundColor = w.setBackgroundColour
  function w.getBackgroundColour() return bg end
  w.getBackgroundColor = w.getBackgroundColour
  function w.getSize() return nW, nH end
  function w.scroll(n)
    E.expect("scroll", 1, n, "number")
    if n == 0 then return end
    local moved = {}
    for y = 1, nH do moved[y] = lines[y + n] or blank(nW) end
    lines = moved
    if visible then drawAll() follow() end
  end
  function w.getLine(y)
    E.expect("getLine", 1, y, "number")
    if y < 1 or y > nH then error("Line is out of range.", 2) end
    return lines[y][1], lines[y][2], lines[y][3]
  end
  function w.setPaletteColour(c, r, g, b)
    local key = 2 ^ colours.index(c, 2)
    if type(r) == "number" and g == nil and b == nil then
      palette[key] = { colours.make().unpackRGB(r) }
    else
      E.expect("setPaletteColour", 2, r, "number")
      E.expect("setPaletteColour", 3, g, "number")
      E.expect("setPaletteColour", 4, b, "number")
      palette[key] = { r, g, b }
    end
    local p = palette[key]
    if visible then parent.setPaletteColour(key, p[1], p[2], p[3]) end
  end
  w.setPaletteColor = w.setPaletteColour
  function w.getPaletteColour(c)
    local p = palette[2 ^ colours.index(c, 2)]
    return p[1], p[2], p[3]
  end
  w.getPaletteColor = w.getPaletteColour
  function w.redraw()
    if not visible then return end
    drawAll()
    for key, p in pairs(palette) do parent.setPaletteColour(key, p[1], p[2], p[3]) end
    parent.setCursorBlink(blink)
    follow()
  end
  function w.restoreCursor()
    if not visible then return end
    parent.setCursorBlink(blink)
    follow()
  end
  function w.setVisible(v)
    E.expect("setVisible", 1, v, "boolean")
    if v == visible then return end
    visible = v
    if visible then w.redraw() end
  end
  function w.isVisible() return visible end
  function w.getPosition() return nX, nY end
  function w.reposition(x, y, width, height, newParent)
    E.expect("reposition", 1, x, "number")
    E.expect("reposition", 2, y, "number")
    if width ~= nil or height ~= nil then
      E.expect("reposition", 3, width, "number")
      E.expect("reposition", 4, height, "number")
    end
    E.expect("reposition", 5, newParent, "table", "nil")
    nX, nY = x, y
    if newParent then parent = newParent end
    if width and height then
      -- kept text is cut or padded with the current colours, as CC does
      local resized = {}
      for row = 1, height do
        local old, pad = lines[row], blank(width)
        if not old then
          resized[row] = pad
        else
          resized[row] = {}
          for i = 1, 3 do resized[row][i] = (old[i] .. pad[i]:sub(nW + 1)):sub(1, width) end
        end
      end
      nW, nH, lines = width, height, resized
    end
    w.redraw()
  end

  if visible then w.redraw() end
  return w
end

function M.make(G)
  local api = {}
  function api.create(parent, ...)
    if parent == G.term then error("term is not a recommended window parent, try term.current() instead", 2) end
    return M.create(parent, ...)
  end
  return api
end

return M
