-- The parallel API (CC: Tweaked rom/apis/parallel.lua semantics): each function runs in its own
-- coroutine with its own event filter; every event is offered to each living coroutine whose
-- filter matches (or is nil, or the event is "terminate"); an error in any of them is re-raised
-- (level 0); waitForAny returns the index of the first to finish.
local M = {}

function M.make(env)
  local api = {}
  local unpack = table.unpack or unpack
  local function pack(...) return { n = select("#", ...), ... } end

  local function create(...)
    local n = select("#", ...)
    local cos = {}
    for i = 1, n do
      local fn = select(i, ...)
      if type(fn) ~= "function" then
        error("bad argument #" .. i .. " (function expected, got " .. type(fn) .. ")", 3)
      end
      cos[i] = env.coroutine.create(fn)
    end
    return cos, n
  end

  local function run(cos, count, limit)
    if count < 1 then return 0 end
    local living = count
    local filters = {}
    local ev = { n = 0 }
    while true do
      for i = 1, count do
        local co = cos[i]
        if co and (filters[co] == nil or filters[co] == ev[1] or ev[1] == "terminate") then
          local ok, param = coroutine.resume(co, unpack(ev, 1, ev.n))
          if not ok then error(param, 0) end
          filters[co] = param
          if coroutine.status(co) == "dead" then
            cos[i] = nil
            living = living - 1
            if living <= limit then return i end
          end
        end
      end
      for i = 1, count do
        local co = cos[i]
        if co and coroutine.status(co) == "dead" then
          cos[i] = nil
          living = living - 1
          if living <= limit then return i end
        end
      end
      ev = pack(env.os.pullEventRaw())
    end
  end

  function api.waitForAny(...)
    local cos, n = create(...)
    return run(cos, n, n - 1)
  end

  function api.waitForAll(...)
    local cos, n = create(...)
    run(cos, n, 0)
  end

  return api
end

return M
