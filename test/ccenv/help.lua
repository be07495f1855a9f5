-- The help API (CC: Tweaked rom/apis/help.lua semantics): a ":"-separated search path
-- (default "/rom/help"); lookup finds "topic", "topic.txt" or "topic.md"; topics lists them.
local E = require("ccenv.expect")

local M = {}

function M.make(env)
  local api = {}
  local path = "/rom/help"
  local exts = { "", ".txt", ".md" }

  function api.path() return path end
  function api.setPath(p)
    E.expect("setPath", 1, p, "string")
    path = p
  end

  function api.lookup(topic)
    E.expect("lookup", 1, topic, "string")
    local fs = env.fs
    for dir in path:gmatch("[^:]+") do
      for _, ext in ipairs(exts) do
        local p = fs.combine(dir, topic .. ext)
        if fs.exists(p) and not fs.isDir(p) then return p end
      end
    end
    return nil
  end

  function api.topics()
    local fs = env.fs
    local seen, out = {}, {}
    for dir in path:gmatch("[^:]+") do
      if fs.isDir(dir) then
        for _, f in ipairs(fs.list(dir)) do
          if not fs.isDir(fs.combine(dir, f)) then
            local name = f:gsub("%.txt$", ""):gsub("%.md$", "")
            if not seen[name] then seen[name] = true; out[#out + 1] = name end
          end
        end
      end
    end
    table.sort(out)
    return out
  end

  function api.completeTopic(prefix)
    E.expect("completeTopic", 1, prefix, "string")
    local out = {}
    for _, t in ipairs(api.topics()) do
      if #t > #prefix and t:sub(1, #prefix) == prefix then out[#out + 1] = t:sub(#prefix + 1) end
    end
    return out
  end

  return api
end

return M
