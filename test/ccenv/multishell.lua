-- An advanced computer's shell under multishell, as CC: Tweaked's bios.lua starts it on a colour
-- terminal (bios.use_multishell) and rom/programs/advanced/multishell.lua runs it: the native
-- terminal is cleared and the one tab gets a window over all of it (window.create(parentTerm, 1,
-- 1, w, h, false), made visible when selected; the tab bar and its row 1 appear only with a
-- second tab), and every program's term.current() is that window. One tab only: ccenv runs no
-- second process, so launch and the tab switching of shell.openTab are not offered.
local E = require("ccenv.expect")

local M = {}

function M.install(pc)
  local G = pc.env
  local native = G.term.native()
  local w, h = native.getSize()
  native.clear()
  local tab = G.window.create(native, 1, 1, w, h, false)
  tab.setVisible(true)
  G.term.redirect(tab)
  pc.tabWindow = tab

  local title = "shell"
  local api = {}
  function api.getCurrent() return 1 end
  function api.getCount() return 1 end
  function api.getFocus() return 1 end
  function api.setFocus(n)
    E.expect("setFocus", 1, n, "number")
    return n == 1
  end
  function api.getTitle(n)
    E.expect("getTitle", 1, n, "number")
    if n == 1 then return title end
    return nil
  end
  function api.setTitle(n, t)
    E.expect("setTitle", 1, n, "number")
    E.expect("setTitle", 2, t, "string")
    if n == 1 then title = t end
  end
  function api.launch() error("ccenv: multishell runs one tab only", 2) end
  G.multishell = api
end

return M
