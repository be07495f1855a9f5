-- The settings API (CC: Tweaked rom/apis/settings.lua semantics): define/undefine with
-- description/default/type, set type-checked against the defined type
-- ("bad argument #2 to 'set' (number expected, got string)"), get falling back to the
-- definition's default, "setting_changed" events, load/save of ".settings" serialised
-- with textutils.serialise.
local E = require("ccenv.expect")

local M = {}

function M.make(env)
  local api = {}
  local details, values = {}, {}
  local validTypes = { "number", "string", "boolean", "table" }
  local isValid = {}
  for _, v in ipairs(validTypes) do isValid[v] = true end

  local function reserialise(v)
    if type(v) ~= "table" then return v end
    return env.textutils.unserialize(env.textutils.serialize(v))
  end
  local function copy(v)
    if type(v) ~= "table" then return v end
    local r = {}
    for k, x in pairs(v) do r[k] = copy(x) end
    return r
  end

  function api.define(name, options)
    E.expect("define", 1, name, "string")
    E.expect("define", 2, options, "table", "nil")
    if options then
      options = {
        description = E.field(options, "description", "string", "nil"),
        default = reserialise(E.field(options, "default", "number", "string", "boolean", "table", "nil")),
        type = E.field(options, "type", "string", "nil"),
      }
      if options.type and not isValid[options.type] then
        error(("Unknown type %q. Expected one of %s."):format(options.type, table.concat(validTypes, ", ")), 2)
      end
    else
      options = {}
    end
    details[name] = options
  end

  function api.undefine(name)
    E.expect("undefine", 1, name, "string")
    details[name] = nil
  end

  local function setValue(name, new)
    local old = values[name]
    if old == nil then
      local d = details[name]
      old = d and d.default
    end
    values[name] = new
    if old ~= new then env.os.queueEvent("setting_changed", name, new, old) end
  end

  function api.set(name, value)
    E.expect("set", 1, name, "string")
    E.expect("set", 2, value, "number", "string", "boolean", "table")
    local d = details[name]
    if d and d.type then E.expect("set", 2, value, d.type) end
    setValue(name, reserialise(value))
  end

  function api.get(name, default)
    E.expect("get", 1, name, "string")
    local r = values[name]
    if r ~= nil then return copy(r) end
    if default ~= nil then return default end
    local d = details[name]
    return d and copy(d.default)
  end

  function api.getDetails(name)
    E.expect("getDetails", 1, name, "string")
    local d = copy(details[name]) or {}
    d.value = values[name]
    d.changed = d.value ~= nil
    if d.value == nil then d.value = d.default end
    return d
  end

  function api.unset(name)
    E.expect("unset", 1, name, "string")
    setValue(name, nil)
  end

  function api.clear()
    for name in pairs(values) do setValue(name, nil) end
  end

  function api.getNames()
    local out = {}
    for k in pairs(details) do out[#out + 1] = k end
    for k in pairs(values) do if not details[k] then out[#out + 1] = k end end
    table.sort(out)
    return out
  end

  function api.load(path)
    E.expect("load", 1, path, "string", "nil")
    local f = env.fs.open(path or ".settings", "r")
    if not f then return false end
    local text = f.readAll()
    f.close()
    local t = env.textutils.unserialize(text or "")
    if type(t) ~= "table" then return false end
    for k, v in pairs(t) do
      local tv = type(v)
      if type(k) == "string" and isValid[tv] then
        local d = details[k]
        if not d or not d.type or tv == d.type then
          local ok, rv = pcall(reserialise, v)
          if ok then setValue(k, rv) end
        end
      end
    end
    return true
  end

  function api.save(path)
    E.expect("save", 1, path, "string", "nil")
    local f = env.fs.open(path or ".settings", "w")
    if not f then return false end
    f.write(env.textutils.serialize(values))
    f.close()
    return true
  end

  return api
end

return M
