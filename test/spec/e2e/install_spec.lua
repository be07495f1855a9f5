-- The installer (build/install.lua, from src/install/install.lua) in a ccenv computer, fetching
-- from a local static server that serves build/: the files of its manifest, startup file
-- (settings defined at boot, the shell path, completion, help page), an update that keeps
-- .settings, and one clear line naming the URL for each kind of failure (a file cut off or not
-- the manifest's among them), leaving the old install intact.
package.path = "test/?.lua;test/?/init.lua;" .. package.path
local ccenv = require("ccenv")
local socket = require("socket")

local function readHost(p)
  local f = io.open(p, "rb")
  if not f then return nil end
  local s = f:read("*a")
  f:close()
  return s
end

-- The served folder: build/ as a server owner publishes it (the installer, its manifest and the
-- files the manifest lists).
local SERVED = { "install.lua", "manifest.txt", "libai.lua", "libai_bridge.lua", "ai.lua", "ai.txt", "aichat.lua", "aichat.txt" }
local function servedDir()
  local d = os.tmpname()
  os.remove(d)
  assert(os.execute("mkdir -p " .. d) ~= false)
  for _, n in ipairs(SERVED) do assert(os.execute("cp build/" .. n .. " " .. d .. "/")) end
  return d
end

local function writeHost(p, data)
  local f = assert(io.open(p, "wb"))
  f:write(data)
  f:close()
end

-- Adler-32, written here from its definition (RFC 1950), to make manifests of the spec's own.
local function adler32(s)
  local a, b = 1, 0
  for i = 1, #s do
    a = (a + s:byte(i)) % 65521
    b = (b + a) % 65521
  end
  return string.format("%04x%04x", b, a)
end

local function version() return readHost("package.json"):match('"version": "([^"]+)"') end

local function startServer(dir)
  local out = os.tmpname()
  os.execute("node test/servers/static.mjs " .. dir .. " > " .. out .. " 2>&1 & echo $! > " .. out .. ".pid")
  local pid = tonumber(readHost(out .. ".pid"):match("%d+"))
  local port
  local giveUp = socket.gettime() + 10
  while not port and socket.gettime() < giveUp do
    port = tonumber((readHost(out) or ""):match("PORT (%d+)"))
    if not port then socket.sleep(0.02) end
  end
  assert(port, "static server did not start: " .. (readHost(out) or ""))
  return { port = port, stop = function()
    os.execute("kill " .. pid .. " 2>/dev/null")
    os.remove(out)
    os.remove(out .. ".pid")
  end }
end

describe("install.lua", function()
  local dir, server, base, pc
  setup(function()
    dir = servedDir()
    server = startServer(dir)
    base = "http://127.0.0.1:" .. server.port .. "/"
  end)
  teardown(function()
    if server then server.stop() end
    if dir then os.execute("rm -rf " .. dir) end
  end)
  before_each(function()
    pc = ccenv.new({})
    pc:writeFile("install.lua", readHost(dir .. "/install.lua"))
  end)
  after_each(function() pc:destroy() end)

  it("installs ai, libai, the help page and a startup file that registers completion", function()
    local r = pc:run("install.lua", "/", base)
    assert.is_true(r.ok, r.error)
    assert.are.equal(readHost("build/ai.lua"), pc:readFile("/ai.lua"))
    assert.are.equal(readHost("build/libai.lua"), pc:readFile("/libai.lua"))
    assert.are.equal(readHost(dir .. "/ai.txt"), pc:readFile("/help/ai.txt"))
    assert.truthy(pc:readFile("/help/ai.txt"):find("opencc.server_url", 1, true))
    assert.truthy(pc:exists("/startup/opencc.lua"))
    local text = pc:screenText()
    assert.truthy(text:find("Installing opencc in /", 1, true), text)
    assert.truthy(text:find("Done: opencc " .. version() .. " in /", 1, true), text)
    -- the startup file ran: the help page is found, and Tab completes ai's flags
    assert.are.equal("help/ai.txt", pc.env.help.lookup("ai"))
    local info = pc.env.shell.getCompletionInfo()["ai.lua"]
    assert.truthy(info, "no completion function for ai.lua")
    local ok, res = pc:call(function() return info.fnComplete(pc.env.shell, 1, "--ver", { "ai" }) end)
    assert.is_true(ok, res)
    assert.are.same({ "sion " }, res)
  end)

  it("installs the bridge module beside libai, and ai -v names it with its version", function()
    local r = pc:run("install.lua", "/", base)
    assert.is_true(r.ok, r.error)
    assert.are.equal(readHost("build/libai_bridge.lua"), pc:readFile("/libai_bridge.lua"))
    assert.truthy(pc:screenText():find("/libai_bridge.lua (" .. #readHost("build/libai_bridge.lua") .. " bytes)", 1, true))
    r = pc:run("ai.lua", "-v")
    assert.is_true(r.ok, r.error)
    local text = pc:transcript()
    assert.truthy(text:find("libai_bridge " .. version(), 1, true), text)
  end)

  it("installs aichat beside ai, with its help page and completion", function()
    local r = pc:run("install.lua", "/", base)
    assert.is_true(r.ok, r.error)
    assert.are.equal(readHost("build/aichat.lua"), pc:readFile("/aichat.lua"))
    assert.are.equal(readHost("build/aichat.txt"), pc:readFile("/help/aichat.txt"))
    assert.are.equal("help/aichat.txt", pc.env.help.lookup("aichat"))
    assert.truthy(pc:readFile("/help/aichat.txt"):find("opencc.chat_prefix", 1, true))
    local info = pc.env.shell.getCompletionInfo()["aichat.lua"]
    assert.truthy(info, "no completion function for aichat.lua")
    local ok, res = pc:call(function() return info.fnComplete(pc.env.shell, 1, "--he", { "aichat" }) end)
    assert.is_true(ok, res)
    assert.are.same({ "lp" }, res)
  end)

  it("installs into a folder of the player's choice", function()
    local r = pc:run("install.lua", "programs/opencc", base)
    assert.is_true(r.ok, r.error)
    assert.truthy(pc:exists("/programs/opencc/ai.lua"))
    assert.truthy(pc:exists("/programs/opencc/libai.lua"))
    assert.are.equal("programs/opencc/help/ai.txt", pc.env.help.lookup("ai"))
    assert.truthy(pc.env.shell.getCompletionInfo()["programs/opencc/ai.lua"])
  end)

  it("updates an existing install and keeps the settings", function()
    pc:writeFile("/ai.lua", "print('old')")
    pc:writeFile("/.settings", '{ [ "opencc.server_url" ] = "http://example:4096", }')
    local before = pc:readFile("/.settings")
    local r = pc:run("install.lua", "/", base)
    assert.is_true(r.ok, r.error)
    assert.truthy(pc:screenText():find("Updating opencc", 1, true))
    assert.are.equal(readHost("build/ai.lua"), pc:readFile("/ai.lua"))
    assert.are.equal(before, pc:readFile("/.settings"))
  end)

  it("fails with one line when a file is missing (404), leaving the old install", function()
    pc:writeFile("/ai.lua", "print('old')")
    local r = pc:run("install.lua", "/", base .. "nowhere/")
    assert.is_false(r.ok)
    local text = pc:screenText():gsub("\n", " ")
    assert.truthy(text:find("Install failed: " .. base .. "nowhere/manifest.txt: HTTP 404", 1, true), text)
    assert.are.equal("print('old')", pc:readFile("/ai.lua"))
  end)

  -- CC runs /startup/*.lua at each boot; a ccenv computer on the same folder is a rebooted one
  local function reboot()
    local again = ccenv.new({ root = pc.root })
    finally(function() again:destroy() end)
    assert.is_true(again:run("/startup/opencc.lua").ok)
    return again
  end

  it("defines every opencc.* setting at boot, before ai or libai has run", function()
    assert.is_true(pc:run("install.lua", "/", base).ok)
    local again = reboot()
    for _, name in ipairs({ "opencc.server_url", "opencc.password", "opencc.timeout", "opencc.directory",
      "opencc.conversation", "opencc.paged" }) do
      local d = again.env.settings.getDetails(name)
      assert.truthy(d.description and #d.description > 10, name)
    end
    assert.are.equal("number", again.env.settings.getDetails("opencc.timeout").type)
    -- CC's settings.set checks a defined type, as `set` does
    local ok = again:call(function() again.env.settings.set("opencc.timeout", "abc") end)
    assert.is_false(ok)
  end)

  it("puts ai on the shell's path, from / and from a folder, so it runs from any directory", function()
    for _, folder in ipairs({ "/", "apps" }) do
      local r = pc:run("install.lua", folder, base)
      assert.is_true(r.ok, r.error)
      local again = reboot()
      again.env.shell.setDir("rom")
      local v = again:run("ai", "--version")
      assert.is_true(v.ok, v.error)
      assert.truthy(again:screenText():find("ai %d+%.%d+%.%d+ %(libai %d"), again:screenText())
    end
  end)

  it("lets a program in another folder require libai with the line it prints", function()
    local r = pc:run("install.lua", "apps", base)
    assert.is_true(r.ok, r.error)
    local text = pc:screenText():gsub("\n", " ")
    local line = 'package.path = "/apps/?.lua;" .. package.path'
    assert.truthy(text:find(line, 1, true), text)
    pc:writeFile("/work/bot.lua", line .. '\nlocal ai = require("libai")\nprint("libai " .. ai.version)')
    local again = reboot()
    local b = again:run("/work/bot.lua")
    assert.is_true(b.ok, b.error)
    assert.truthy(again:screenText():find("libai %d+%.%d+%.%d+"), again:screenText())
  end)

  it("stops with one line naming the URL when the host cannot be reached, keeping the old install", function()
    pc:writeFile("/ai.lua", "print('old')")
    local dead = "http://127.0.0.1:9/opencc/"
    local r = pc:run("install.lua", "/", dead)
    assert.is_false(r.ok)
    local text = pc:screenText():gsub("\n", " ")
    assert.truthy(text:find("Install failed: " .. dead .. "manifest.txt: ", 1, true), text)
    assert.falsy(text:find("Done", 1, true), text)
    assert.are.equal("print('old')", pc:readFile("/ai.lua"))
    assert.is_false(pc:exists("/libai.lua"))
  end)

  --- A copy of the served folder with ai.lua replaced by `body`; with `listed`, the manifest
  --- lists the new body (its size and checksum), as a host serving a broken build would.
  local function serveBroken(body, listed)
    local bad = servedDir()
    writeHost(bad .. "/ai.lua", body)
    if listed then
      local manifest = readHost(bad .. "/manifest.txt")
      manifest = manifest:gsub("\nai%.lua %d+ %x+ ", "\nai.lua " .. #body .. " " .. adler32(body) .. " ")
      writeHost(bad .. "/manifest.txt", manifest)
    end
    local other = startServer(bad)
    -- one finally: busted keeps only the last one given
    finally(function()
      other.stop()
      os.execute("rm -rf " .. bad)
    end)
    pc:writeFile("/ai.lua", "print('old')")
    return "http://127.0.0.1:" .. other.port .. "/", bad
  end

  local function refusedWith(url, needle)
    local r = pc:run("install.lua", "/", url)
    assert.is_false(r.ok)
    local text = pc:screenText():gsub("\n", " ")
    assert.truthy(text:find("Install failed: " .. url .. needle, 1, true), text)
    assert.are.equal("print('old')", pc:readFile("/ai.lua"))
    assert.is_false(pc:exists("/libai.lua"))
  end

  it("refuses a file shorter or longer than the manifest says, before replacing anything", function()
    local url = serveBroken("<html>Not found</html>")
    refusedWith(url, "ai.lua: 22 of " .. #readHost("build/ai.lua") .. " bytes arrived: run the installer again")
  end)

  it("refuses another file of the listed size by its checksum", function()
    local url = serveBroken("--" .. ("x"):rep(#readHost("build/ai.lua") - 2))
    refusedWith(url, "ai.lua: not the file the manifest lists (checksum ")
  end)

  it("refuses a listed file that is not Lua", function()
    local url = serveBroken("<html>Not found</html>", true)
    refusedWith(url, "ai.lua: not a Lua file")
  end)

  it("refuses a cut-off manifest", function()
    local url, bad = serveBroken(readHost("build/ai.lua"))
    local manifest = readHost(bad .. "/manifest.txt")
    writeHost(bad .. "/manifest.txt", manifest:sub(1, #manifest - 20))
    refusedWith(url, "manifest.txt: not a whole opencc manifest")
  end)

  it("fails with one line when http is disabled", function()
    pc:destroy()
    pc = ccenv.new({ http = false })
    pc:writeFile("install.lua", readHost(dir .. "/install.lua"))
    local r = pc:run("install.lua", "/", base)
    assert.is_false(r.ok)
    assert.truthy(pc:screenText():find("Install failed: the http API is disabled", 1, true), pc:screenText())
  end)

  it("fails with one line naming the fix when the address is blocked", function()
    pc:destroy()
    pc = ccenv.new({ denyPrivate = true })
    pc:writeFile("install.lua", readHost(dir .. "/install.lua"))
    local r = pc:run("install.lua", "/", base)
    assert.is_false(r.ok)
    local text = pc:screenText():gsub("\n", " ")
    assert.truthy(text:find("Domain not permitted: allow the host in [[http.rules]]", 1, true), text)
  end)
end)
