-- The colours / colors API (CC: Tweaked rom/apis/colors.lua semantics):
-- 16 power-of-two constants, combine/subtract/test, blit conversion, RGB packing.
local bit = require("ccenv.bit32")
local E = require("ccenv.expect")

local M = {}

local names = {
  "white", "orange", "magenta", "lightBlue", "yellow", "lime", "pink", "gray",
  "lightGray", "cyan", "purple", "blue", "brown", "green", "red", "black",
}
M.names = names

-- Default palette (0xRRGGBB), indexed by colour number 0..15.
M.defaultPalette = {
  [0] = 0xF0F0F0, 0xF2B233, 0xE57FD8, 0x99B2F2, 0xDEDE6C, 0x7FCC19, 0xF2B2CC, 0x4C4C4C,
  0x999999, 0x4C99B2, 0xB266E5, 0x3366CC, 0x7F664C, 0x57A64E, 0xCC4C4C, 0x111111,
}

local HEX = "0123456789abcdef"

function M.make()
  local api = {}
  for i, name in ipairs(names) do api[name] = 2 ^ (i - 1) end
  api.grey, api.lightGrey = api.gray, api.lightGray -- the colours spelling

  function api.combine(...)
    local r = 0
    for i = 1, select("#", ...) do
      r = bit.bor(r, E.expect("combine", i, (select(i, ...)), "number"))
    end
    return r
  end

  function api.subtract(colors, ...)
    E.expect("subtract", 1, colors, "number")
    local r = colors
    for i = 1, select("#", ...) do
      r = bit.band(r, bit.bnot(E.expect("subtract", i + 1, (select(i, ...)), "number")))
    end
    return r
  end

  function api.test(colors, color)
    E.expect("test", 1, colors, "number")
    E.expect("test", 2, color, "number")
    return bit.band(colors, color) == color
  end

  function api.packRGB(r, g, b)
    E.expect("packRGB", 1, r, "number")
    E.expect("packRGB", 2, g, "number")
    E.expect("packRGB", 3, b, "number")
    return bit.band(r * 255, 0xFF) * 2 ^ 16 + bit.band(g * 255, 0xFF) * 2 ^ 8 + bit.band(b * 255, 0xFF)
  end

  function api.unpackRGB(rgb)
    E.expect("unpackRGB", 1, rgb, "number")
    return bit.band(bit.rshift(rgb, 16), 0xFF) / 255, bit.band(bit.rshift(rgb, 8), 0xFF) / 255, bit.band(rgb, 0xFF) / 255
  end

  function api.rgb8(r, g, b)
    if g == nil and b == nil then return api.unpackRGB(r) end
    return api.packRGB(r, g, b)
  end

  function api.toBlit(colour)
    E.expect("toBlit", 1, colour, "number")
    local idx
    for i = 0, 15 do if 2 ^ i == colour then idx = i end end
    if not idx then
      -- CC uses the highest bit set
      local c, n = math.floor(colour), -1
      while c >= 1 do c = math.floor(c / 2); n = n + 1 end
      if n < 0 or n > 15 then error("Colour out of range", 2) end
      idx = n
    end
    return HEX:sub(idx + 1, idx + 1)
  end

  function api.fromBlit(hex)
    E.expect("fromBlit", 1, hex, "string")
    if #hex ~= 1 then return nil end
    local value = tonumber(hex, 16)
    if not value then return nil end
    return 2 ^ value
  end

  return api
end

-- colour number (1, 2, 4 ...) -> index 0..15, with CC's "Colour out of range" rule
function M.index(colour, level)
  if type(colour) ~= "number" then
    error(("bad argument #1 (number expected, got %s)"):format(type(colour)), (level or 2) + 1)
  end
  if colour <= 0 then error("Colour out of range", (level or 2) + 1) end
  local c, n = math.floor(colour), -1
  while c >= 1 do c = math.floor(c / 2); n = n + 1 end
  if n < 0 or n > 15 then error("Colour out of range", (level or 2) + 1) end
  return n
end

function M.blitChar(index) return HEX:sub(index + 1, index + 1) end

return M
