-- What the http and websocket managers share about their open connections, each an object with
-- a `deadline` (host seconds, or nil) and a step() that moves it on: the earliest deadline, for
-- the scheduler's sleep, and one step of each (over a copy, since a step may end a connection).
local M = {}

function M.earliestDeadline(list)
  local d
  for _, c in ipairs(list) do
    if c.deadline and (not d or c.deadline < d) then d = c.deadline end
  end
  return d
end

function M.stepAll(list)
  local copy = {}
  for i, c in ipairs(list) do copy[i] = c end
  for _, c in ipairs(copy) do c:step() end
end

return M
