-- cc.expect for programs running in ccenv (same API and messages as CC: Tweaked's module).
local function names(...)
  local list = {}
  for i = 1, select("#", ...) do
    local t = select(i, ...)
    if t ~= "nil" then list[#list + 1] = t end
  end
  if #list <= 1 then return list[1] or "nil" end
  return table.concat(list, ", ", 1, #list - 1) .. " or " .. list[#list]
end

local function expect(index, value, ...)
  local t = type(value)
  for i = 1, select("#", ...) do
    if t == select(i, ...) then return value end
  end
  local info = debug.getinfo(3, "nS")
  local name = info and info.name and info.name ~= "" and info.what ~= "C" and info.name
  if name then
    error(("bad argument #%d to '%s' (%s expected, got %s)"):format(index, name, names(...), t), 3)
  end
  error(("bad argument #%d (%s expected, got %s)"):format(index, names(...), t), 3)
end

local function field(tbl, key, ...)
  expect(1, tbl, "table")
  expect(2, key, "string")
  local value = tbl[key]
  local t = type(value)
  for i = 1, select("#", ...) do
    if t == select(i, ...) then return value end
  end
  if value == nil then error(("field '%s' missing from table"):format(key), 3) end
  error(("bad field '%s' (%s expected, got %s)"):format(key, names(...), t), 3)
end

local function range(num, min, max)
  expect(1, num, "number")
  min = expect(2, min, "number", "nil") or -math.huge
  max = expect(3, max, "number", "nil") or math.huge
  if num ~= num or num < min or num > max then
    error(("number outside of range (expected %s to be within %s and %s)"):format(num, min, max), 3)
  end
  return num
end

return { expect = expect, field = field, range = range }
