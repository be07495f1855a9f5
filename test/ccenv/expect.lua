-- Argument checking with the same wording as CC: Tweaked's cc.expect:
--   "bad argument #2 to 'set' (string expected, got number)"
--   "bad field 'url' (string expected, got nil)"
local M = {}

local function typeNames(types)
  local list = {}
  for i = 1, #types do
    if types[i] ~= "nil" then list[#list + 1] = types[i] end
  end
  if #list == 0 then return "nil" end
  if #list == 1 then return list[1] end
  return table.concat(list, ", ", 1, #list - 1) .. " or " .. list[#list]
end
M.typeNames = typeNames

-- expect(fname, index, value, type1, type2, ...) -> value
-- Raised at level 3: the caller of the API function sees the position.
function M.expect(fname, index, value, ...)
  local t = type(value)
  local types = { ... }
  for i = 1, #types do
    if types[i] == t then return value end
  end
  if fname then
    error(("bad argument #%d to '%s' (%s expected, got %s)"):format(index, fname, typeNames(types), t), 3)
  else
    error(("bad argument #%d (%s expected, got %s)"):format(index, typeNames(types), t), 3)
  end
end

function M.field(tbl, key, ...)
  local value = tbl[key]
  local t = type(value)
  local types = { ... }
  for i = 1, #types do
    if types[i] == t then return value end
  end
  if value == nil then
    error(("field '%s' missing from table"):format(key), 3)
  end
  error(("bad field '%s' (%s expected, got %s)"):format(key, typeNames(types), t), 3)
end

return M
