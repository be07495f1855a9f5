-- The keys API: CC: Tweaked's key codes (GLFW codes, CC 1.16+), and keys.getName.
local M = {}

function M.make()
  local codes = {
    space = 32, apostrophe = 39, comma = 44, minus = 45, period = 46, slash = 47,
    zero = 48, one = 49, two = 50, three = 51, four = 52, five = 53, six = 54,
    seven = 55, eight = 56, nine = 57, semicolon = 59, equals = 61,
    leftBracket = 91, backslash = 92, rightBracket = 93, grave = 96,
    enter = 257, tab = 258, backspace = 259, insert = 260, delete = 261,
    right = 262, left = 263, down = 264, up = 265, pageUp = 266, pageDown = 267,
    home = 268, ["end"] = 269, capsLock = 280, scrollLock = 281, numLock = 282,
    printScreen = 283, pause = 284,
    numPad0 = 320, numPad1 = 321, numPad2 = 322, numPad3 = 323, numPad4 = 324,
    numPad5 = 325, numPad6 = 326, numPad7 = 327, numPad8 = 328, numPad9 = 329,
    numPadDecimal = 330, numPadDivide = 331, numPadMultiply = 332, numPadSubtract = 333,
    numPadAdd = 334, numPadEnter = 335, numPadEqual = 336,
    leftShift = 340, leftCtrl = 341, leftAlt = 342, leftSuper = 343,
    rightShift = 344, rightCtrl = 345, rightAlt = 346, menu = 348,
  }
  local letters = "abcdefghijklmnopqrstuvwxyz"
  for i = 1, 26 do codes[letters:sub(i, i)] = 64 + i end
  for i = 1, 25 do codes["f" .. i] = 289 + i end

  local api, byCode = {}, {}
  for name, code in pairs(codes) do
    api[name] = code
    byCode[code] = name
  end
  -- aliases CC keeps for compatibility
  api["return"] = api.enter
  api.scollLock = api.scrollLock
  api.cimcumflex = api.circumflex

  function api.getName(code)
    if type(code) ~= "number" then
      error(("bad argument #1 to 'getName' (number expected, got %s)"):format(type(code)), 2)
    end
    return byCode[code]
  end
  return api
end

return M
