-- busted helper (.busted `helper`): every finally() of a test runs, newest first, also when one
-- of them fails. busted 2.1 keeps only the LAST function given to finally() (init.lua:
-- `element.env.finally = function(fn) finally = fn end`), so a spec that stopped a process in
-- one finally and destroyed a computer in the next left the process running.
local busted = require("busted")

busted.subscribe({ "test", "start" }, function(element)
  local env = element.env
  local register = env and env.finally
  if not register then return nil, true end
  local stack = {}
  register(function()
    local firstError
    for i = #stack, 1, -1 do
      local ok, err = pcall(stack[i])
      if not ok and firstError == nil then firstError = err end
    end
    if firstError ~= nil then error(firstError, 0) end
  end)
  env.finally = function(fn) stack[#stack + 1] = fn end
  return nil, true
end)
