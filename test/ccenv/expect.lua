-- Argument checking with CC: Tweaked's cc.expect wording, the one implementation in ccenv:
--   "bad argument #2 to 'set' (string expected, got number)"
--   "bad field 'url' (string expected, got nil)"
-- M.expect(fname, index, value, ...) is for ccenv's own APIs (host functions name themselves);
-- M.module is cc.expect as CC programs require it (the name found with debug.getinfo, as CC does).
local M = {}

local function typeNames(...)
  local list = {}
  for i = 1, select("#", ...) do
    local t = select(i, ...)
    if t ~= "nil" then list[#list + 1] = t end
  end
  if #list <= 1 then return list[1] or "nil" end
  return table.concat(list, ", ", 1, #list - 1) .. " or " .. list[#list]
end

local function matches(value, ...)
  local t = type(value)
  for i = 1, select("#", ...) do
    if t == select(i, ...) then return true end
  end
  return false
end

local function badArgument(fname, index, value, ...)
  if fname then
    return ("bad argument #%d to '%s' (%s expected, got %s)"):format(index, fname, typeNames(...), type(value))
  end
  return ("bad argument #%d (%s expected, got %s)"):format(index, typeNames(...), type(value))
end

local function badField(tbl, key, ...)
  local value = tbl[key]
  if value == nil then return ("field '%s' missing from table"):format(key) end
  return ("bad field '%s' (%s expected, got %s)"):format(key, typeNames(...), type(value))
end

-- Raised at level 3: the caller of the API function sees the position.
function M.expect(fname, index, value, ...)
  if matches(value, ...) then return value end
  error(badArgument(fname, index, value, ...), 3)
end

function M.field(tbl, key, ...)
  if matches(tbl[key], ...) then return tbl[key] end
  error(badField(tbl, key, ...), 3)
end

local cc = {}
M.module = cc

function cc.expect(index, value, ...)
  if matches(value, ...) then return value end
  -- as CC: the function's name when debug.getinfo can tell it with confidence
  local ok, info = pcall(debug.getinfo, 3, "nS")
  local name = ok and info and info.name and info.name ~= "" and info.what ~= "C" and info.name or nil
  error(badArgument(name, index, value, ...), 3)
end

function cc.field(tbl, key, ...)
  cc.expect(1, tbl, "table")
  cc.expect(2, key, "string")
  if matches(tbl[key], ...) then return tbl[key] end
  error(badField(tbl, key, ...), 3)
end

function cc.range(num, min, max)
  cc.expect(1, num, "number")
  min = cc.expect(2, min, "number", "nil") or -math.huge
  max = cc.expect(3, max, "number", "nil") or math.huge
  if num ~= num or num < min or num > max then
    error(("number outside of range (expected %s to be within %s and %s)"):format(num, min, max), 3)
  end
  return num
end

return M
