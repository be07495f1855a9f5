-- The peripheral API of a ccenv computer, and the test side that attaches fake peripherals.
--
--   pc:attachPeripheral("left", "chatBox", { sendMessage = function(msg) ... end })
--   pc:attachPeripheral("back", { "chatBox", "chat_box" }, methods)   -- several types
--   pc:detachPeripheral("left")
--
-- Mirrors CC: Tweaked's rom/apis/peripheral.lua over its native peripheral API (attached peripherals
-- only, no wired-modem network): getNames, isPresent, getType (every type, as multiple values),
-- hasType, getMethods (sorted names), getName, call, wrap (a table of functions that call the
-- peripheral, with metatable fields name/type/types and __name "peripheral"), find (type and
-- optional filter; the wrapped peripherals as multiple values). call on a name with nothing attached
-- returns nil, as CC's does; an unknown method raises "No such method <name>". Attaching queues the
-- "peripheral" event and detaching "peripheral_detach", each with the name, as CC does (during a
-- run; one attached before the run is simply present, as a peripheral placed before boot).
-- Methods are plain functions receiving the call's arguments (no self), like CC's wrapped ones.
local M = {}

local function sortedMethods(p)
  local out = {}
  for name in pairs(p.methods) do out[#out + 1] = name end
  table.sort(out)
  return out
end

local function copyList(list)
  local out = {}
  for i, v in ipairs(list) do out[i] = v end
  return out
end

--- The peripheral table of computer `pc` (pc.peripherals holds what is attached, by name).
function M.make(pc)
  pc.peripherals = pc.peripherals or {}
  local api = {}
  local unpack = table.unpack or unpack

  local function get(name)
    if type(name) ~= "string" then error("bad argument #1 (string expected, got " .. type(name) .. ")", 3) end
    return pc.peripherals[name]
  end

  local function nameOf(value)
    if type(value) == "string" then return value end
    local mt = type(value) == "table" and getmetatable(value)
    if not mt or mt.__name ~= "peripheral" or type(mt.name) ~= "string" then
      error("bad argument #1 (table is not a peripheral)", 3)
    end
    return mt.name
  end

  function api.getNames()
    local names = {}
    for name in pairs(pc.peripherals) do names[#names + 1] = name end
    table.sort(names)
    return names
  end

  function api.isPresent(name) return get(name) ~= nil end

  function api.getType(value)
    local p = pc.peripherals[nameOf(value)]
    if not p then return nil end
    return unpack(p.types)
  end

  function api.hasType(value, ty)
    local p = pc.peripherals[nameOf(value)]
    if not p then return nil end
    for _, t in ipairs(p.types) do if t == ty then return true end end
    return false
  end

  function api.getMethods(name)
    local p = get(name)
    return p and sortedMethods(p) or nil
  end

  function api.getName(value)
    local mt = type(value) == "table" and getmetatable(value)
    if not mt or mt.__name ~= "peripheral" then error("bad argument #1 (table is not a peripheral)", 2) end
    return mt.name
  end

  function api.call(name, method, ...)
    if type(method) ~= "string" then error("bad argument #2 (string expected, got " .. type(method) .. ")", 2) end
    local p = get(name)
    if not p then return nil end
    local fn = p.methods[method]
    if not fn then error("No such method " .. method, 2) end
    return fn(...)
  end

  function api.wrap(name)
    local p = get(name)
    if not p then return nil end
    local wrapped = {}
    for _, method in ipairs(sortedMethods(p)) do
      wrapped[method] = function(...) return api.call(name, method, ...) end
    end
    return setmetatable(wrapped, { __name = "peripheral", name = name, type = p.types[1], types = copyList(p.types) })
  end

  function api.find(ty, filter)
    local found = {}
    for _, name in ipairs(api.getNames()) do
      if api.hasType(name, ty) then
        local wrapped = api.wrap(name)
        if filter == nil or filter(name, wrapped) then found[#found + 1] = wrapped end
      end
    end
    return unpack(found)
  end

  return api
end

--- Attaches a fake peripheral: `types` a type name or a list of them, `methods` name -> function.
function M.attach(pc, name, types, methods)
  if type(types) == "string" then types = { types } end
  pc.peripherals = pc.peripherals or {}
  pc.peripherals[name] = { types = types, methods = methods or {} }
  -- Attached before a program runs, it is simply there (as at boot); during a run, CC queues the event.
  if pc.runStart then pc:queueEvent("peripheral", name) end
end

function M.detach(pc, name)
  if pc.peripherals and pc.peripherals[name] then
    pc.peripherals[name] = nil
    if pc.runStart then pc:queueEvent("peripheral_detach", name) end
  end
end

return M
