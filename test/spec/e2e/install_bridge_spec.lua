-- One line to join a server: a ccenv computer runs `wget run http://<bridge>/install` (ccenv's
-- wget mirrors CC: Tweaked's rom/programs/http/wget.lua) against a real opencc-bridge started by
-- this spec, answers the installer's prompts, and asks the real opencode server (password
-- server, fake model) through the installed ai, serving the bridge beside the prompt. The
-- failures go through the fault proxy in front of a second bridge, which the owner's
-- --public-url names as the address players use.
package.path = "test/?.lua;test/?/init.lua;" .. package.path
local ccenv = require("ccenv")
local servers = require("support.servers")
local process = require("support.process")
local socket = require("socket")

local TOKEN = "install-spec-bridge-token"

local function readHost(p)
  local f = assert(io.open(p, "rb"))
  local s = f:read("*a")
  f:close()
  return s
end

local function has(text, needle) return text:find(needle, 1, true) ~= nil end
-- What the computer printed, its lines joined again where CC's print wrapped them at a space.
local function printed(pc) return (pc:transcript():gsub("\n", " ")) end

--- A bridge of this spec's own (not registered with opencode, so the shared one's tools stay),
--- holding the opencode password as an owner's does.
local function startBridge(extra)
  local argv = { "node", "build/bridge/main.js", "--host", "127.0.0.1", "--token", TOKEN,
    "--public-opencode-url", servers.authUrl, "--json-ready", "--quiet" }
  for _, a in ipairs(extra or { "--port", "0" }) do argv[#argv + 1] = a end
  local p = process.start(argv, { OPENCODE_SERVER_PASSWORD = servers.password })
  p.url = "http://127.0.0.1:" .. p.ready.port
  return p
end

local function freePort()
  local s = assert(socket.bind("127.0.0.1", 0))
  local _, port = s:getsockname()
  s:close()
  return port
end

--- The computer's saved settings (/.settings, in textutils.serialise's format).
local function savedSettings(pc)
  local text = pc:readFile("/.settings")
  return text and assert((loadstring or load)("return " .. text, "=settings"))() or {}
end

-- CC runs /startup/*.lua at each boot; a ccenv computer on the same folder is a rebooted one
local function reboot(pc, opts)
  opts.root = pc.root
  local again = ccenv.new(opts)
  finally(function() again:destroy() end)
  assert.is_true(again:run("/startup/opencc.lua").ok)
  return again
end

describe("joining a server with wget run <bridge>/install", function()
  local bridge
  setup(function() bridge = startBridge() end)
  teardown(function() if bridge then bridge.stop() end end)

  local function computer(input)
    local pc = ccenv.new({ id = 4201, label = "joiner", input = input })
    finally(function() pc:destroy() end)
    return pc
  end

  it("installs from the bridge, asks the password masked, ends with ai --doctor; ai hello then answers", function()
    local pc = computer({ servers.password, TOKEN, "act" })
    local r = pc:run("wget", "run", bridge.url .. "/install")
    assert.is_true(r.ok, r.error)
    local shown = printed(pc)
    assert.truthy(has(shown, "Connecting to " .. bridge.url .. "/install... Success."), shown)
    assert.truthy(has(shown, "Installing opencc in / from " .. bridge.url .. "/files/"), shown)
    assert.truthy(has(shown, "Server password (Enter if none): " .. ("*"):rep(10)), shown)
    assert.falsy(has(shown, servers.password), "the password was shown")
    assert.falsy(has(shown, TOKEN), "the token was shown")
    assert.truthy(has(shown, "opencc.server_url = " .. servers.authUrl), shown)
    assert.truthy(has(shown, "opencc.tools = read,act"), shown)
    assert.truthy(has(shown, "credentials accepted"), shown)
    assert.truthy(has(shown, "All good: try ai hello"), shown)
    for _, f in ipairs({ { "ai.lua", "/ai.lua" }, { "libai.lua", "/libai.lua" }, { "ai.txt", "/help/ai.txt" },
      { "aichat.lua", "/aichat.lua" }, { "aichat.txt", "/help/aichat.txt" } }) do
      assert.are.equal(readHost("build/" .. f[1]), pc:readFile(f[2]), f[2])
    end
    assert.are.same({
      ["opencc.server_url"] = servers.authUrl,
      ["opencc.password"] = servers.password,
      ["opencc.bridge_url"] = "ws://127.0.0.1:" .. bridge.ready.port .. "/cc",
      ["opencc.bridge_token"] = TOKEN,
      ["opencc.tools"] = "read,act",
    }, savedSettings(pc))

    -- after a reboot, the player's first prompt: answered, with the bridge served beside it
    local again = reboot(pc, { id = 4201, label = "joiner" })
    local token = servers.token("joined")
    local a = again:run("ai", "-n", "hello " .. token)
    assert.is_true(a.ok, a.error)
    local screen = printed(again)
    assert.truthy(has(screen, "Hello from the fake model."), screen)
    assert.falsy(has(screen, "Not serving the bridge"), screen)
    local seen = servers.modelLog(token)
    assert.are.equal(1, #seen)
    assert.truthy(has(seen[1].system or "", 'ComputerCraft computer 4201 "joiner"'), seen[1].system)
  end)

  it("a second run updates in place, keeps the player's settings and asks nothing", function()
    local pc = computer({ servers.password, TOKEN, "" })
    assert.is_true(pc:run("wget", "run", bridge.url .. "/install").ok)
    local before = savedSettings(pc)
    assert.are.equal("read", before["opencc.tools"])
    pc:writeFile("/ai.lua", "print('an older ai')")
    local again = reboot(pc, { id = 4201 }) -- no input: a prompt would raise Terminated
    local r = again:run("wget", "run", bridge.url .. "/install")
    assert.is_true(r.ok, r.error)
    local shown = printed(again)
    assert.truthy(has(shown, "Updating opencc in /"), shown)
    assert.falsy(has(shown, "Server password"), shown)
    assert.falsy(has(shown, "Terminated"), shown)
    assert.truthy(has(shown, "All good: try ai hello"), shown)
    assert.are.equal(readHost("build/ai.lua"), again:readFile("/ai.lua"))
    assert.are.same(before, savedSettings(again))
  end)

  it("skipping the token leaves the bridge off; the rest still joins", function()
    local pc = computer({ "", "" })
    assert.is_true(pc:run("wget", "run", bridge.url .. "/install").ok)
    local saved = savedSettings(pc)
    assert.are.equal(servers.authUrl, saved["opencc.server_url"])
    assert.are.equal("", saved["opencc.password"])
    assert.is_nil(saved["opencc.bridge_url"])
    assert.is_nil(saved["opencc.tools"])
    -- the doctor names the fix for the empty password: the server wants one
    assert.truthy(has(printed(pc), "FAIL"), printed(pc))
  end)

  it("serves no password and no unshared token, and 404 for any other path", function()
    local bodies = {}
    local status, _, _, manifest = servers.request("GET", bridge.url .. "/files/manifest.txt", nil, { url = bridge.url })
    assert.are.equal(200, status)
    local paths = { "/install", "/install?x=1" }
    for name in manifest:gmatch("\n(%S+) ") do paths[#paths + 1] = "/files/" .. name end
    -- /install twice, then libai, libai_bridge, ai, aichat and their help and completion
    assert.are.equal(8, #paths)
    for _, path in ipairs(paths) do
      local st, _, _, body = servers.request("GET", bridge.url .. path, nil, { url = bridge.url })
      assert.are.equal(200, st, path)
      bodies[#bodies + 1] = body
    end
    for _, body in ipairs(bodies) do
      assert.falsy(has(body, servers.password), "the password was served")
      assert.falsy(has(body, TOKEN), "the token was served")
    end
    assert.truthy(has(bodies[1], "token_required = true"), bodies[1])
    for _, path in ipairs({ "/", "/files/", "/files/install.lua", "/files/../package.json", "/files/bridge/main.js",
      "/files/%2e%2e/package.json", "/install/", "/.env", "/manifest.txt" }) do
      local st = servers.request("GET", bridge.url .. path, nil, { url = bridge.url })
      assert.are.equal(404, st, path)
    end
  end)

  it("gives players the token only when the owner shares it (--share-token)", function()
    local shared = startBridge({ "--port", "0", "--share-token" })
    local pc = computer({ servers.password, "" })
    -- one finally (busted keeps only the last one given, and computer() gives one)
    finally(function()
      shared.stop()
      pc:destroy()
    end)
    local st, _, _, body = servers.request("GET", shared.url .. "/install", nil, { url = shared.url })
    assert.are.equal(200, st)
    assert.truthy(has(body, 'bridge_token = "' .. TOKEN .. '"'), body)
    assert.falsy(has(body, servers.password), "the password was served")
    assert.is_true(pc:run("wget", "run", shared.url .. "/install").ok)
    assert.falsy(has(printed(pc), "bridge token"), printed(pc))
    assert.are.equal(TOKEN, savedSettings(pc)["opencc.bridge_token"])
  end)
end)

describe("a cut-off or wrong download through a proxy", function()
  local bridge, proxy
  setup(function()
    local port = freePort()
    proxy = process.start({ "node", "test/servers/proxy.mjs", "http://127.0.0.1:" .. port })
    bridge = startBridge({ "--port", tostring(port), "--public-url", proxy.ready.url })
  end)
  teardown(function()
    if bridge then bridge.stop() end
    if proxy then proxy.stop() end
  end)

  local function fault(rule)
    servers.call("POST", proxy.ready.controlUrl .. "/faults", rule, { url = proxy.ready.controlUrl })
  end

  --- A computer installed through the proxy, with marked files standing for an older install.
  local function installed()
    local pc = ccenv.new({ id = 4202, input = { servers.password, TOKEN, "" } })
    finally(function() pc:destroy() end)
    local r = pc:run("wget", "run", proxy.ready.url .. "/install")
    assert.is_true(r.ok, r.error)
    assert.truthy(has(printed(pc), "Installing opencc in / from " .. proxy.ready.url .. "/files/"), printed(pc))
    pc:writeFile("/libai.lua", "return 'the old libai'")
    pc:writeFile("/ai.lua", "print('the old ai')")
    return reboot(pc, { id = 4202 }), savedSettings(pc)
  end

  local function refused(pc, settings, needle)
    local r = pc:run("wget", "run", proxy.ready.url .. "/install")
    assert.is_true(r.ok, r.error) -- wget itself ends normally, as CC's does
    local shown = printed(pc)
    assert.truthy(has(shown, "Install failed: " .. proxy.ready.url .. "/files/ai.lua: " .. needle), shown)
    assert.falsy(has(shown, "All good"), shown)
    assert.are.equal("return 'the old libai'", pc:readFile("/libai.lua"))
    assert.are.equal("print('the old ai')", pc:readFile("/ai.lua"))
    assert.is_false(pc:exists("/ai.lua.new"))
    assert.are.same(settings, savedSettings(pc))
  end

  it("refuses a body cut off on the way and keeps the old install", function()
    local pc, settings = installed()
    fault({ action = "truncate", path = "/files/ai.lua" })
    -- ccenv delivers a cut-off body as a success with what came, as CraftOS-PC does
    local size = #readHost("build/ai.lua")
    refused(pc, settings, math.floor(size / 2) .. " of " .. size .. " bytes arrived: run the installer again")
  end)

  it("refuses another file of the same size (the checksum) and keeps the old install", function()
    local pc, settings = installed()
    local size = #readHost("build/ai.lua")
    fault({ action = "body", path = "/files/ai.lua", body = "--" .. ("x"):rep(size - 2) })
    refused(pc, settings, "not the file the manifest lists")
  end)
end)
