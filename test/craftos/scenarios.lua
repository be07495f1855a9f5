-- End-to-end scenarios as a plain CC program: run by CraftOS-PC (test/craftos/run.sh) and by the
-- host CC environment (test/spec/e2e/craftos_scenarios_spec.lua). It expects libai.lua, ai.lua
-- and a .settings file naming the password server on the computer, and /scenario-urls.lua with
-- { dead = "http://127.0.0.1:PORT" }. Prints one line per scenario and shuts down with the
-- number of failures as the exit code (CraftOS-PC passes os.shutdown's argument to the host).

local urls = dofile("/scenario-urls.lua")
local results, failures = {}, 0

-- A terminal that records what is written, so a scenario can read the screen back.
local function recorder(width, height)
  local lines, x, y = {}, 1, 1
  for i = 1, height do lines[i] = string.rep(" ", width) end
  local t = {}
  function t.write(s)
    s = tostring(s)
    local line = lines[y]
    if line and x <= width then
      local before = line:sub(1, x - 1)
      local after = line:sub(x + #s)
      lines[y] = (before .. s .. after):sub(1, width)
    end
    x = x + #s
  end
  function t.blit(s) t.write(s) end
  function t.clear() for i = 1, height do lines[i] = string.rep(" ", width) end end
  function t.clearLine() lines[y] = string.rep(" ", width) end
  function t.getCursorPos() return x, y end
  function t.setCursorPos(nx, ny) x, y = math.floor(nx), math.floor(ny) end
  function t.getSize() return width, height end
  function t.scroll(n)
    for _ = 1, n do table.remove(lines, 1) lines[height] = string.rep(" ", width) end
  end
  function t.isColour() return true end
  t.isColor = t.isColour
  local fg, bg = colours.white, colours.black
  function t.setTextColour(c) fg = c end
  function t.setBackgroundColour(c) bg = c end
  function t.getTextColour() return fg end
  function t.getBackgroundColour() return bg end
  t.setTextColor, t.setBackgroundColor = t.setTextColour, t.setBackgroundColour
  t.getTextColor, t.getBackgroundColor = t.getTextColour, t.getBackgroundColour
  function t.setCursorBlink() end
  function t.getCursorBlink() return false end
  function t.text()
    local out = {}
    for i = 1, height do out[i] = (lines[i]:gsub("%s+$", "")) end
    return table.concat(out, "\n")
  end
  return t
end

-- Runs the ai program with args on a recorded screen; returns what the screen shows.
local function runAi(...)
  local screen = recorder(51, 19)
  local old = term.redirect(screen)
  local ok, err = pcall(shell.run, "ai", ...)
  term.redirect(old)
  return screen.text(), ok, err
end

local function scenario(name, fn)
  local ok, err = pcall(fn)
  if ok then
    print("PASS " .. name)
  else
    failures = failures + 1
    print("FAIL " .. name .. ": " .. tostring(err))
  end
  results[#results + 1] = { name = name, ok = ok, err = err }
end

local function expectFind(text, needle)
  if not text:find(needle, 1, true) then
    error(("expected the screen to show %q, it shows:\n%s"):format(needle, text), 0)
  end
end

scenario("ai hello prints the reply", function()
  local screen = runAi("[reply:Hello from opencode]", "hello")
  expectFind(screen, "Hello from opencode")
end)

scenario("libai ask returns the text", function()
  local ai = require("libai")
  local text, reply = ai.ask("[reply:pong] ping")
  assert(text == "pong", "expected pong, got " .. tostring(text) .. " / " .. tostring(reply))
end)

scenario("a wrong password is one line naming the settings", function()
  local saved = settings.get("opencc.password")
  settings.set("opencc.password", "wrong-password")
  local screen = runAi("hello")
  settings.set("opencc.password", saved)
  expectFind(screen, "opencc.password")
  assert(not screen:find("wrong-password", 1, true), "the password was printed")
end)

scenario("a server that is not running is one line", function()
  local saved = settings.get("opencc.server_url")
  settings.set("opencc.server_url", urls.dead)
  local screen = runAi("hello")
  settings.set("opencc.server_url", saved)
  expectFind(screen, "Could not reach the opencode server")
end)

print(("%d scenarios, %d failed"):format(#results, failures))
os.shutdown(failures)
